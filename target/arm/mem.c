/*
 * The AArch64 memory path: translation, the software TLB, RAM and MMIO
 * accesses, alignment and abort reporting, the exclusive monitor.
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * Every access translates its virtual page once (arm_translate, where
 * the stage 1 MMU goes); a RAM page is then cached in the software TLB
 * as a host pointer, and later accesses to it need neither the BQL nor
 * the memory map.  Other pages (devices, unassigned space) go through
 * address_space_ld/st with the BQL held, and a failed transaction is
 * a synchronous external abort, as on QEMU.
 *
 * The TLB is flushed on reset, when the VM resumes (the memory map may
 * have changed while it was stopped) and when translation registers
 * change.  On boards whose RAM never moves while the VM runs (virt)
 * that is enough.
 */
#include "qemu/osdep.h"
#include "qemu/bitops.h"
#include "qemu/log.h"
#include "qemu/main-loop.h"
#include "system/address-spaces.h"
#include "target/arm/internals.h"
#include "trace.h"

/* QEMU's cortex-a57: PARange 44 bits. */
#define ARM_PAMAX 44

static inline uint64_t arm_ldn_le(const uint8_t *p, unsigned size)
{
    switch (size) {
    case 1:
        return *p;
    case 2:
        return (uint16_t)(p[0] | (p[1] << 8));
    case 4: {
        uint32_t v;

        memcpy(&v, p, 4);
        return le32_to_cpu(v);
    }
    default: {
        uint64_t v;

        memcpy(&v, p, 8);
        return le64_to_cpu(v);
    }
    }
}

static inline void arm_stn_le(uint8_t *p, unsigned size, uint64_t val)
{
    switch (size) {
    case 1:
        *p = val;
        break;
    case 2:
        p[0] = val;
        p[1] = val >> 8;
        break;
    case 4: {
        uint32_t v = cpu_to_le32(val);

        memcpy(p, &v, 4);
        break;
    }
    default: {
        uint64_t v = cpu_to_le64(val);

        memcpy(p, &v, 8);
        break;
    }
    }
}

void arm_tlb_flush(ARMCPU *cpu)
{
    memset(cpu->env.tlb, 0xff, sizeof(cpu->env.tlb));
}

bool arm_translate(ARMCPU *cpu, uint64_t va, ARMAccessType type,
                   unsigned mmu_idx, hwaddr *pa, ARMFaultInfo *fi)
{
    CPUARMState *env = &cpu->env;

    if (env->cp15.sctlr_el[1] & SCTLR_M) {
        qemu_log_mask(LOG_UNIMP, "arm: stage 1 translation is not "
                      "implemented; addresses are used flat\n");
    }
    /* With translation off, bits above the PA size are an error. */
    if (va >> ARM_PAMAX) {
        fi->fsc = ARM_FSC_ADDRSIZE(0);
        fi->s1ptw = false;
        return false;
    }
    *pa = va;
    return true;
}

static MemTxAttrs arm_mem_attrs(unsigned mmu_idx)
{
    return (MemTxAttrs) { .user = mmu_idx == ARM_MMU_IDX_EL0 };
}

/* Data abort (or alignment fault) for the access at @va. */
static void arm_data_abort(ARMCPU *cpu, uint64_t va, bool is_write,
                           uint32_t fsc, bool ea, bool s1ptw)
{
    CPUARMState *env = &cpu->env;
    bool same_el = arm_current_el(env) == 1;
    uint32_t esr;

    /*
     * The instruction syndrome (ISV) is only reported to EL2, as on
     * QEMU; at EL1 the ISS holds the fault kind alone.
     */
    esr = ((same_el ? EC_DATAABORT_SAME_EL : EC_DATAABORT)
           << ARM_EL_EC_SHIFT) | ARM_EL_IL | ((uint32_t)ea << 9) |
          ((uint32_t)s1ptw << 7) | ((uint32_t)is_write << 6) | fsc;
    arm_raise_exception(cpu, EXCP_DATA_ABORT, esr, va, 1);
}

static void arm_insn_abort(ARMCPU *cpu, uint64_t va, uint32_t fsc,
                           bool ea, bool s1ptw)
{
    bool same_el = arm_current_el(&cpu->env) == 1;
    uint32_t esr;

    esr = ((same_el ? EC_INSNABORT_SAME_EL : EC_INSNABORT)
           << ARM_EL_EC_SHIFT) | ARM_EL_IL | ((uint32_t)ea << 9) |
          ((uint32_t)s1ptw << 7) | fsc;
    arm_raise_exception(cpu, EXCP_PREFETCH_ABORT, esr, va, 1);
}

/* QEMU's classification of external aborts: decode errors have EA 0. */
static bool arm_extabort_type(MemTxResult res)
{
    return res != MEMTX_DECODE_ERROR;
}

/*
 * Translate @va and look the page up in the memory map.  A RAM page is
 * entered into the TLB.  Returns false with *@fi on a translation
 * fault; else *@host points at the byte for RAM, or is NULL with *@pa
 * for everything else.
 */
static bool arm_tlb_fill(ARMCPU *cpu, uint64_t va, ARMAccessType type,
                         unsigned mmu_idx, hwaddr *pa, uint8_t **host,
                         ARMFaultInfo *fi)
{
    CPUARMState *env = &cpu->env;
    ARMTLBEntry *e;
    MemoryRegion *mr;
    uint64_t page = va & ARM_PAGE_MASK;
    hwaddr xlat;
    hwaddr plen = ARM_PAGE_SIZE;
    uint8_t *base;
    bool locked;

    if (!arm_translate(cpu, va, type, mmu_idx, pa, fi)) {
        return false;
    }
    *host = NULL;
    locked = arm_bql_lock();
    mr = address_space_translate_simple(&address_space_memory,
                                        *pa & ARM_PAGE_MASK, &xlat, &plen);
    if (mr && memory_region_is_ram(mr) && plen == ARM_PAGE_SIZE &&
        (base = memory_region_get_ram_ptr(mr)) != NULL) {
        e = &env->tlb[mmu_idx][(va >> ARM_PAGE_BITS) & (ARM_TLB_SIZE - 1)];
        e->addend = (uintptr_t)(base + xlat) - page;
        e->tag_read = page;
        e->tag_exec = page;
        e->tag_write = mr->readonly ? ARM_TLB_INVALID : page;
        if (type != ARM_ACCESS_WRITE || !mr->readonly) {
            *host = base + xlat + (va - page);
        }
    }
    arm_bql_unlock(locked);
    return true;
}

/* One device (or unassigned) access under the BQL. */
static MemTxResult arm_mmio_access(ARMCPU *cpu, hwaddr pa, unsigned size,
                                   bool is_write, uint64_t *val,
                                   unsigned mmu_idx)
{
    MemTxResult res = MEMTX_OK;
    bool locked = arm_bql_lock();

    if (is_write) {
        address_space_st(&address_space_memory, pa, *val, size,
                         arm_mem_attrs(mmu_idx), &res);
        trace_arm_mmio_write(pa, size, *val, res);
    } else {
        *val = address_space_ld(&address_space_memory, pa, size,
                                arm_mem_attrs(mmu_idx), &res);
        trace_arm_mmio_read(pa, size, *val, res);
    }
    arm_bql_unlock(locked);
    return res;
}

/* An access within one page that missed the TLB. */
static bool arm_mem_access_slow(ARMCPU *cpu, uint64_t va, unsigned size,
                                unsigned mmu_idx, bool is_write,
                                uint64_t *val)
{
    ARMFaultInfo fi;
    MemTxResult res;
    uint8_t *host;
    hwaddr pa;

    if (!arm_tlb_fill(cpu, va, is_write ? ARM_ACCESS_WRITE : ARM_ACCESS_READ,
                      mmu_idx, &pa, &host, &fi)) {
        arm_data_abort(cpu, va, is_write, fi.fsc, false, fi.s1ptw);
        return false;
    }
    if (host) {
        if (is_write) {
            arm_stn_le(host, size, *val);
        } else {
            *val = arm_ldn_le(host, size);
        }
        return true;
    }
    res = arm_mmio_access(cpu, pa, size, is_write, val, mmu_idx);
    if (res != MEMTX_OK) {
        arm_data_abort(cpu, va, is_write, ARM_FSC_SYNC_EXTERNAL,
                       arm_extabort_type(res), false);
        return false;
    }
    return true;
}

/*
 * The common path of loads and stores: alignment, then the TLB, then
 * the slow path; an access crossing a page goes byte by byte, so that
 * a fault on the second page is reported with its own address.
 */
static bool arm_mem_access(ARMCPU *cpu, uint64_t va, unsigned size,
                           bool unpriv, bool must_align, bool is_write,
                           uint64_t *val)
{
    CPUARMState *env = &cpu->env;
    unsigned mmu_idx = unpriv ? ARM_MMU_IDX_EL0 : arm_mmu_idx(env);
    ARMTLBEntry *e;
    uint64_t page = va & ARM_PAGE_MASK;
    uint64_t byte;
    unsigned i;

    if (unlikely(va & (size - 1)) &&
        (must_align || (env->cp15.sctlr_el[1] & SCTLR_A))) {
        arm_data_abort(cpu, va, is_write, ARM_FSC_ALIGNMENT, false, false);
        return false;
    }
    e = &env->tlb[mmu_idx][(va >> ARM_PAGE_BITS) & (ARM_TLB_SIZE - 1)];
    if (likely((is_write ? e->tag_write : e->tag_read) == page &&
               (va & ~ARM_PAGE_MASK) + size <= ARM_PAGE_SIZE)) {
        if (is_write) {
            arm_stn_le((uint8_t *)(uintptr_t)(va + e->addend), size, *val);
        } else {
            *val = arm_ldn_le((uint8_t *)(uintptr_t)(va + e->addend), size);
        }
        return true;
    }
    if ((va & ~ARM_PAGE_MASK) + size <= ARM_PAGE_SIZE) {
        return arm_mem_access_slow(cpu, va, size, mmu_idx, is_write, val);
    }
    if (is_write) {
        for (i = 0; i < size; i++) {
            byte = *val >> (8 * i);
            if (!arm_mem_access(cpu, va + i, 1, unpriv, false, true, &byte)) {
                return false;
            }
        }
        return true;
    }
    *val = 0;
    for (i = 0; i < size; i++) {
        if (!arm_mem_access(cpu, va + i, 1, unpriv, false, false, &byte)) {
            return false;
        }
        *val |= (byte & 0xff) << (8 * i);
    }
    return true;
}

bool arm_mem_ld(ARMCPU *cpu, uint64_t va, unsigned size, bool unpriv,
                bool must_align, uint64_t *val)
{
    return arm_mem_access(cpu, va, size, unpriv, must_align, false, val);
}

bool arm_mem_st(ARMCPU *cpu, uint64_t va, unsigned size, bool unpriv,
                bool must_align, uint64_t val)
{
    return arm_mem_access(cpu, va, size, unpriv, must_align, true, &val);
}

static uint64_t arm_excl_mask(unsigned size)
{
    return size == 8 ? ~0ULL : (1ULL << (8 * size)) - 1;
}

bool arm_mem_ld_excl(ARMCPU *cpu, uint64_t va, unsigned size, bool pair,
                     uint64_t *v0, uint64_t *v1)
{
    CPUARMState *env = &cpu->env;
    unsigned total = pair ? 2 * size : size;
    uint64_t lo, hi = 0;

    if (va & (total - 1)) {
        arm_data_abort(cpu, va, false, ARM_FSC_ALIGNMENT, false, false);
        return false;
    }
    if (!arm_mem_ld(cpu, va, size, false, true, &lo)) {
        return false;
    }
    if (pair && !arm_mem_ld(cpu, va + size, size, false, true, &hi)) {
        return false;
    }
    env->exclusive_addr = va;
    env->exclusive_size = total;
    env->exclusive_val = lo;
    env->exclusive_high = hi;
    *v0 = lo;
    if (v1) {
        *v1 = hi;
    }
    return true;
}

bool arm_mem_st_excl(ARMCPU *cpu, uint64_t va, unsigned size, bool pair,
                     uint64_t v0, uint64_t v1, uint32_t *status)
{
    CPUARMState *env = &cpu->env;
    unsigned total = pair ? 2 * size : size;
    uint64_t mask = arm_excl_mask(size);
    uint64_t cur_lo, cur_hi = 0;
    bool match;

    /*
     * As QEMU: a different address fails without touching memory; the
     * same address compares what memory holds now with what the
     * exclusive load returned.
     */
    if (va != env->exclusive_addr) {
        arm_excl_clear(env);
        *status = 1;
        return true;
    }
    if (va & (total - 1)) {
        arm_data_abort(cpu, va, true, ARM_FSC_ALIGNMENT, false, false);
        return false;
    }
    if (!arm_mem_ld(cpu, va, size, false, true, &cur_lo) ||
        (pair && !arm_mem_ld(cpu, va + size, size, false, true, &cur_hi))) {
        return false;
    }
    match = cur_lo == (env->exclusive_val & mask) &&
            (!pair || cur_hi == (env->exclusive_high & mask));
    if (match) {
        if (!arm_mem_st(cpu, va, size, false, true, v0) ||
            (pair && !arm_mem_st(cpu, va + size, size, false, true, v1))) {
            return false;
        }
    }
    arm_excl_clear(env);
    *status = match ? 0 : 1;
    return true;
}

bool arm_fp_access_check(ARMCPU *cpu)
{
    CPUARMState *env = &cpu->env;
    unsigned fpen = extract64(env->cp15.cpacr_el1, 20, 2);

    /* FPEN 0b01 traps EL0 only, 0b11 nothing, the others both. */
    if (fpen == 3 || (fpen == 1 && arm_current_el(env) == 1)) {
        /* Enabled, but the FP/SIMD unit is not implemented yet. */
        arm_raise_undef(cpu);
        return false;
    }
    /* The trap reports COND 0xe (CV set), as QEMU. */
    arm_raise_exception(cpu, EXCP_UDEF,
                        (EC_ADVSIMDFPACCESSTRAP << ARM_EL_EC_SHIFT) |
                        ARM_EL_IL | (1U << 24) | (0xeU << 20), 0, 1);
    return false;
}

bool arm_fetch_insn(ARMCPU *cpu, uint32_t *insn)
{
    CPUARMState *env = &cpu->env;
    uint64_t pc = env->pc;
    unsigned mmu_idx = arm_mmu_idx(env);
    ARMTLBEntry *e = &env->tlb[mmu_idx][(pc >> ARM_PAGE_BITS) &
                                        (ARM_TLB_SIZE - 1)];
    ARMFaultInfo fi;
    MemTxResult res;
    uint64_t val;
    uint8_t *host;
    hwaddr pa;

    if (likely(e->tag_exec == (pc & (ARM_PAGE_MASK | 3)))) {
        *insn = arm_ldn_le((uint8_t *)(uintptr_t)(pc + e->addend), 4);
        return true;
    }
    env->exception_taken = false;
    if (pc & 3) {
        arm_raise_exception(cpu, EXCP_PREFETCH_ABORT,
                            (EC_PCALIGNMENT << ARM_EL_EC_SHIFT) | ARM_EL_IL,
                            pc, 1);
        return false;
    }
    if (!arm_tlb_fill(cpu, pc, ARM_ACCESS_EXEC, mmu_idx, &pa, &host, &fi)) {
        arm_insn_abort(cpu, pc, fi.fsc, false, fi.s1ptw);
        return false;
    }
    if (host) {
        *insn = arm_ldn_le(host, 4);
        return true;
    }
    /* Code outside RAM: fetched as a device read each time. */
    res = arm_mmio_access(cpu, pa, 4, false, &val, mmu_idx);
    if (res != MEMTX_OK) {
        arm_insn_abort(cpu, pc, ARM_FSC_SYNC_EXTERNAL,
                       arm_extabort_type(res), false);
        return false;
    }
    *insn = val;
    return true;
}
