/*
 * Interfaces between the parts of the AArch64 interpreter.
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * The decode files (a64-decode.c, a64-dp.c, a64-ldst.c) execute one
 * instruction each call, against the conventions below; README.md in
 * this folder explains them with examples.
 *
 * PC: while an instruction executes, env->pc is its own address (read
 * it for ADR, ADRP and literal loads; never write it outside
 * a64-decode.c and the exception code).  When the handler returns true,
 * the dispatcher advances the PC by 4, unless the instruction branched
 * or an exception was taken (env->exception_taken).
 *
 * Results: a handler returns false when the encoding is UNDEFINED (not
 * allocated, or an optional feature this CPU does not advertise); the
 * dispatcher then raises the Undefined Instruction exception and no
 * register may have been changed.  A memory helper (arm_mem_*) returning
 * false has raised an exception: the handler returns true at once,
 * without writing any register (do every access of an instruction
 * before its register write-back).
 */
#ifndef TARGET_ARM_INTERNALS_H
#define TARGET_ARM_INTERNALS_H

#include "exec/hwaddr.h"
#include "qemu/main-loop.h"
#include "target/arm/cpu.h"

/**
 * arm_bql_lock: take the BQL for a device access unless this thread
 * already holds it (tests, reset).
 * Returns: whether it was taken, for arm_bql_unlock().
 */
static inline bool arm_bql_lock(void)
{
    if (bql_locked()) {
        return false;
    }
    bql_lock();
    return true;
}

/** arm_bql_unlock: undo arm_bql_lock(). */
static inline void arm_bql_unlock(bool taken)
{
    if (taken) {
        bql_unlock();
    }
}

/* Decoders. */

/**
 * a64_decode_exec: execute the A64 instruction @insn found at env->pc,
 * dispatching on the encoding groups (bits 28:25), and move the PC on.
 * Branches, exception generation, system instructions and ERET are
 * handled here; data processing in a64-dp.c, loads and stores in
 * a64-ldst.c.
 */
void a64_decode_exec(ARMCPU *cpu, uint32_t insn);

/**
 * a64_dp_imm: data processing, immediate (bits 28:26 = 100): PC-relative
 * addressing, add/subtract (immediate), logical (immediate), move wide,
 * bitfield, extract.
 * Returns: false when @insn is UNDEFINED.
 */
bool a64_dp_imm(ARMCPU *cpu, uint32_t insn);

/**
 * a64_dp_reg: data processing, register (bits 27:25 = 101): logical and
 * add/subtract (shifted and extended register), add/subtract with carry,
 * conditional compare, conditional select, data processing 1-source
 * (RBIT, REV*, CLZ, CLS), 2-source (UDIV, SDIV, shifts by register) and
 * 3-source (MADD, MSUB, SMADDL, UMULH...).  CRC32 and the pointer
 * authentication instructions are not advertised: UNDEFINED.
 * Returns: false when @insn is UNDEFINED.
 */
bool a64_dp_reg(ARMCPU *cpu, uint32_t insn);

/**
 * a64_ldst: loads and stores (bits 27,25 = 1,0): exclusives and
 * acquire/release, literal, pairs (all indexing forms), register
 * immediate (unscaled, pre/post-index, unsigned offset, unprivileged),
 * register offset, and PRFM/PRFUM as NOPs.  Atomic memory operations
 * (LSE) and SIMD/FP registers: UNDEFINED until those features exist
 * (call arm_fp_access_check for an FP/SIMD register form).
 * Returns: false when @insn is UNDEFINED.
 */
bool a64_ldst(ARMCPU *cpu, uint32_t insn);

/* General purpose registers. */

/**
 * a64_get_reg: read X@reg.  Register 31 is SP when @sp, else XZR (0).
 */
static inline uint64_t a64_get_reg(CPUARMState *env, int reg, bool sp)
{
    if (reg == 31 && !sp) {
        return 0;
    }
    return env->xregs[reg];
}

/**
 * a64_set_reg: write X@reg.  Register 31 is SP when @sp, else XZR (the
 * write is discarded).
 */
static inline void a64_set_reg(CPUARMState *env, int reg, uint64_t val,
                               bool sp)
{
    if (reg == 31 && !sp) {
        return;
    }
    env->xregs[reg] = val;
}

/**
 * a64_set_reg_sf: write X@reg (@sf true) or W@reg (@sf false: the value
 * is truncated to 32 bits and zero-extended, as every W write is).
 */
static inline void a64_set_reg_sf(CPUARMState *env, int reg, uint64_t val,
                                  bool sf, bool sp)
{
    a64_set_reg(env, reg, sf ? val : (uint32_t)val, sp);
}

/* Condition flags. */

/** arm_get_nzcv: PSTATE.NZCV in bits 31:28. */
static inline uint32_t arm_get_nzcv(CPUARMState *env)
{
    return env->nzcv;
}

/** arm_set_nzcv: set PSTATE.NZCV from bits 31:28 of @nzcv. */
static inline void arm_set_nzcv(CPUARMState *env, uint32_t nzcv)
{
    env->nzcv = nzcv & PSTATE_NZCV;
}

/** arm_set_nzcv_bits: set PSTATE.NZCV from four booleans. */
static inline void arm_set_nzcv_bits(CPUARMState *env, bool n, bool z,
                                     bool c, bool v)
{
    env->nzcv = ((uint32_t)n << 31) | ((uint32_t)z << 30) |
                ((uint32_t)c << 29) | ((uint32_t)v << 28);
}

/**
 * arm_cond_holds: does condition @cond (0..15: EQ NE CS CC MI PL VS VC
 * HI LS GE LT GT LE AL NV) hold for the current flags?  AL and NV are
 * always true.
 */
static inline bool arm_cond_holds(CPUARMState *env, unsigned cond)
{
    uint32_t f = env->nzcv;
    bool n = f & PSTATE_N, z = f & PSTATE_Z;
    bool c = f & PSTATE_C, v = f & PSTATE_V;
    bool r;

    switch (cond >> 1) {
    case 0:
        r = z;
        break;
    case 1:
        r = c;
        break;
    case 2:
        r = n;
        break;
    case 3:
        r = v;
        break;
    case 4:
        r = c && !z;
        break;
    case 5:
        r = n == v;
        break;
    case 6:
        r = n == v && !z;
        break;
    default:
        return true;
    }
    return (cond & 1) ? !r : r;
}

/* Memory. */

/**
 * arm_mem_ld: load @size (1, 2, 4 or 8) bytes at virtual address @va,
 * little endian, zero-extended into *@val.
 * @unpriv: an LDTR-family access (EL0 permissions when at EL1).
 * @must_align: the instruction requires natural alignment (acquire/
 *   release); SCTLR_EL1.A adds the check for every access.
 *
 * Translates (MMU hook), checks alignment, reads RAM directly or a
 * device under the BQL.  On a fault it raises the data abort (alignment
 * fault, translation or external abort) with ESR, FAR and ELR set, the
 * ISS taken from env->ldst_syndrome.
 * Returns: true on success; false when an exception was raised.
 */
bool arm_mem_ld(ARMCPU *cpu, uint64_t va, unsigned size, bool unpriv,
                bool must_align, uint64_t *val);

/**
 * arm_mem_st: store the low @size bytes of @val at @va; as arm_mem_ld.
 * Returns: true on success; false when an exception was raised.
 */
bool arm_mem_st(ARMCPU *cpu, uint64_t va, unsigned size, bool unpriv,
                bool must_align, uint64_t val);

/**
 * arm_mem_ld_excl: the load of LDXR/LDAXR (@pair false) or LDXP/LDAXP
 * (@pair true: two elements of @size at @va and @va + @size).  The
 * whole access must be aligned to its total size (else an alignment
 * fault).  On success the exclusive monitor is armed for it and the
 * values are in *@v0 (and *@v1 for a pair).
 * Returns: true on success; false when an exception was raised.
 */
bool arm_mem_ld_excl(ARMCPU *cpu, uint64_t va, unsigned size, bool pair,
                     uint64_t *v0, uint64_t *v1);

/**
 * arm_mem_st_excl: the store of STXR/STLXR/STXP/STLXP.  When the monitor
 * is armed for exactly this address and size and memory still holds
 * the values the exclusive load returned, @v0 (and @v1) are stored and
 * *@status is 0; otherwise nothing is stored and *@status is 1.  The
 * monitor is open afterwards in both cases.  Alignment as for the load.
 * Returns: true on success (either status); false when an exception was
 * raised (*@status unchanged, the status register must not be written).
 */
bool arm_mem_st_excl(ARMCPU *cpu, uint64_t va, unsigned size, bool pair,
                     uint64_t v0, uint64_t v1, uint32_t *status);

/** arm_excl_clear: open the exclusive monitor (CLREX, exceptions). */
static inline void arm_excl_clear(CPUARMState *env)
{
    env->exclusive_addr = -1;
}

/**
 * arm_set_ldst_syndrome: the instruction syndrome a data abort reports
 * (ISV = 1) for the current access.  Call it before the arm_mem_* call
 * of single-register integer loads and stores without write-back
 * (unsigned offset, unscaled, register offset, unprivileged, literal,
 * LDAR/STLR); pairs, exclusives and pre/post-index forms leave the
 * syndrome invalid (the dispatcher clears it before each load/store).
 * @size_log2: 0..3; @sign_extend: a sign-extending load;
 * @rt: the transfer register (31 for XZR/WZR);
 * @sf: the register is 64 bits wide (for sign-extending loads the X
 *   form; otherwise true exactly when @size_log2 is 3);
 * @acq_rel: acquire/release semantics.
 */
static inline void arm_set_ldst_syndrome(CPUARMState *env,
                                         unsigned size_log2,
                                         bool sign_extend, unsigned rt,
                                         bool sf, bool acq_rel)
{
    env->ldst_syndrome = (1U << 24) | (size_log2 << 22) |
                         ((uint32_t)sign_extend << 21) | (rt << 16) |
                         ((uint32_t)sf << 15) | ((uint32_t)acq_rel << 14);
}

/**
 * arm_fp_access_check: may FP/SIMD registers be used now?  Raises the
 * exception and returns false when not: the CPACR_EL1.FPEN trap (EC
 * 0x07), else UNDEFINED while the FP/SIMD unit is not implemented.
 */
bool arm_fp_access_check(ARMCPU *cpu);

/* Exceptions (exception.c). */

/* Exception classes (ESR_ELx.EC). */
#define EC_UNCATEGORIZED        0x00U
#define EC_WFX_TRAP             0x01U
#define EC_ADVSIMDFPACCESSTRAP  0x07U
#define EC_ILLEGALSTATE         0x0eU
#define EC_AA64_SVC             0x15U
#define EC_AA64_HVC             0x16U
#define EC_AA64_SMC             0x17U
#define EC_SYSTEMREGISTERTRAP   0x18U
#define EC_INSNABORT            0x20U
#define EC_INSNABORT_SAME_EL    0x21U
#define EC_PCALIGNMENT          0x22U
#define EC_DATAABORT            0x24U
#define EC_DATAABORT_SAME_EL    0x25U
#define EC_SPALIGNMENT          0x26U
#define EC_SERROR               0x2fU
#define EC_AA64_BKPT            0x3cU

#define ARM_EL_EC_SHIFT         26
#define ARM_EL_IL               (1U << 25)

/* Fault status codes (DFSC/IFSC). */
#define ARM_FSC_ADDRSIZE(level) (0x00 | (level))
#define ARM_FSC_TRANSLATION(level) (0x04 | (level))
#define ARM_FSC_ACCESS(level)   (0x08 | (level))
#define ARM_FSC_PERMISSION(level) (0x0c | (level))
#define ARM_FSC_SYNC_EXTERNAL   0x10
#define ARM_FSC_ALIGNMENT       0x21

/** syn_uncategorized: the syndrome of an UNDEFINED instruction. */
static inline uint32_t syn_uncategorized(void)
{
    return (EC_UNCATEGORIZED << ARM_EL_EC_SHIFT) | ARM_EL_IL;
}

/**
 * arm_raise_exception: take synchronous exception @excp (EXCP_*) with
 * @syndrome to @target_el now: ESR, ELR (env->pc, or env->pc + 4 for
 * SVC/HVC/SMC), SPSR, PSTATE and the vector; sets env->exception_taken.
 * @far: the fault address for aborts (ignored otherwise).
 */
void arm_raise_exception(ARMCPU *cpu, int excp, uint32_t syndrome,
                         uint64_t far, unsigned target_el);

/** arm_raise_undef: the Undefined Instruction exception for env->pc. */
void arm_raise_undef(ARMCPU *cpu);

/**
 * arm_take_interrupt: take the highest-priority pending, unmasked
 * interrupt (between instructions, env->pc is the return address).
 * Returns: true when one was taken.
 */
bool arm_take_interrupt(ARMCPU *cpu);

/**
 * arm_exception_return: ERET from the current EL: restore PSTATE from
 * SPSR and the PC from ELR, with the illegal-return checks.
 */
void arm_exception_return(ARMCPU *cpu);

/**
 * arm_switch_sp: after a change of PSTATE.EL or SPSel, swap the banked
 * stack pointers so that xregs[31] is the selected one.  @old_pstate is
 * the PSTATE before the change.
 */
void arm_switch_sp(CPUARMState *env, uint32_t old_pstate);

/** arm_sp_el_index: which sp_el[] bank PSTATE selects (0 or 1). */
static inline unsigned arm_sp_el_index(uint32_t pstate)
{
    return (pstate & PSTATE_SP) ? (pstate & PSTATE_EL_MASK) >> 2 : 0;
}

/** arm_mmu_idx: the TLB regime of the current EL. */
static inline unsigned arm_mmu_idx(CPUARMState *env)
{
    return arm_current_el(env) ? ARM_MMU_IDX_EL1 : ARM_MMU_IDX_EL0;
}

/* Memory system (mem.c). */

/* Access kinds for translation. */
typedef enum ARMAccessType {
    ARM_ACCESS_READ,
    ARM_ACCESS_WRITE,
    ARM_ACCESS_EXEC,
} ARMAccessType;

/* Why a translation failed. */
typedef struct ARMFaultInfo {
    uint32_t fsc;               /* ARM_FSC_* */
    bool s1ptw;
} ARMFaultInfo;

/**
 * arm_translate: stage 1 translation of @va for @type in regime
 * @mmu_idx: the hook where the MMU goes.  With SCTLR_EL1.M clear the
 * physical address is the virtual one (beyond the PA range: address
 * size fault).
 * Returns: true with *@pa; false with *@fi filled.
 */
bool arm_translate(ARMCPU *cpu, uint64_t va, ARMAccessType type,
                   unsigned mmu_idx, hwaddr *pa, ARMFaultInfo *fi);

/**
 * arm_tlb_flush: forget every cached translation (MMU register writes,
 * TLBI, memory map changes, reset).
 */
void arm_tlb_flush(ARMCPU *cpu);

/**
 * arm_fetch_insn: read the instruction at env->pc, raising the
 * instruction abort on failure.
 * Returns: true with *@insn; false when an exception was raised.
 */
bool arm_fetch_insn(ARMCPU *cpu, uint32_t *insn);

/**
 * arm_fetch_insn_fast: the TLB-hit half of arm_fetch_insn, for the
 * execution loop.
 * Returns: true with *@insn; false when arm_fetch_insn must be called.
 */
static inline bool arm_fetch_insn_fast(CPUARMState *env, uint32_t *insn)
{
    uint64_t pc = env->pc;
    const ARMTLBEntry *e = &env->tlb[arm_mmu_idx(env)]
                                    [(pc >> ARM_PAGE_BITS) &
                                     (ARM_TLB_SIZE - 1)];
    uint32_t v;

    if (likely(e->tag_exec == (pc & (ARM_PAGE_MASK | 3)))) {
        memcpy(&v, (const void *)(uintptr_t)(pc + e->addend), 4);
        *insn = le32_to_cpu(v);
        return true;
    }
    return false;
}

/* System registers (sysreg.c). */

/* Encoding key of a system register. */
#define ARM_SYSREG_KEY(op0, op1, crn, crm, op2) \
    (((op0) << 14) | ((op1) << 11) | ((crn) << 7) | ((crm) << 3) | (op2))

/* Access rights: which ELs may read and write (before accessfn). */
#define ARM_SR_R0   (1U << 0)
#define ARM_SR_W0   (1U << 1)
#define ARM_SR_R1   (1U << 2)
#define ARM_SR_W1   (1U << 3)
#define ARM_SR_RW0  (ARM_SR_R0 | ARM_SR_W0)
#define ARM_SR_RW1  (ARM_SR_R1 | ARM_SR_W1)
#define ARM_SR_RW01 (ARM_SR_RW0 | ARM_SR_RW1)

/* Kinds of storage. */
#define ARM_SR_TYPE_NORMAL  0       /* a uint64_t in CPUARMState */
#define ARM_SR_TYPE_CONST   (1U << 0)   /* always resetvalue */
#define ARM_SR_TYPE_NOP     (1U << 1)   /* writes ignored, reads 0 */
#define ARM_SR_TYPE_IO      (1U << 2)   /* hooks need the BQL */
#define ARM_SR_TYPE_SYS     (1U << 3)   /* SYS/SYSL, not MRS/MSR */

/* What an access check decides. */
typedef enum ARMSysRegAccessResult {
    ARM_SR_ACCESS_OK,
    ARM_SR_ACCESS_UNDEF,            /* UNDEFINED at this EL */
    ARM_SR_ACCESS_TRAP_EL1,         /* trap to EL1, EC 0x18 */
    ARM_SR_ACCESS_TRAP_FP,          /* trap to EL1, EC 0x07 */
} ARMSysRegAccessResult;

typedef struct ARMSysReg ARMSysReg;

struct ARMSysReg {
    const char *name;
    uint8_t op0, op1, crn, crm, op2;
    uint8_t access;                 /* ARM_SR_R0 ... */
    uint8_t type;                   /* ARM_SR_TYPE_* */
    ptrdiff_t fieldoffset;          /* in CPUARMState, or -1 */
    uint64_t resetvalue;
    /* Extra checks (EL0 enables in SCTLR/CNTKCTL...); NULL: none. */
    ARMSysRegAccessResult (*accessfn)(CPUARMState *env,
                                      const ARMSysReg *ri, bool isread);
    /* NULL: the field (or resetvalue for CONST). */
    uint64_t (*readfn)(CPUARMState *env, const ARMSysReg *ri);
    /* NULL: store to the field. */
    void (*writefn)(CPUARMState *env, const ARMSysReg *ri, uint64_t value);
    /* NULL: field = resetvalue (when there is a field). */
    void (*resetfn)(CPUARMState *env, const ARMSysReg *ri);
    /* Free for hooks (e.g. which timer, which debug register). */
    int opaque;
};

/** arm_sysreg_init: build @cpu's register table (at realize). */
void arm_sysreg_init(ARMCPU *cpu);

/** arm_sysreg_reset: every register to its reset value. */
void arm_sysreg_reset(ARMCPU *cpu);

/** arm_sysreg_find: the register with this encoding, or NULL. */
const ARMSysReg *arm_sysreg_find(ARMCPU *cpu, uint32_t key);

/**
 * arm_sysreg_access: MRS (@isread: *@val receives the value) or MSR
 * (writes *@val) of register @key (the encoding) from the current EL,
 * with access rights checked.
 * Returns: ARM_SR_ACCESS_OK when done, else why not (the caller raises
 * the exception).
 */
ARMSysRegAccessResult arm_sysreg_access(ARMCPU *cpu, uint32_t key,
                                        bool isread, uint64_t *val);

/* Generic timer (gtimer.c). */

/** arm_gt_counter: the physical count (CNTPCT_EL0) now. */
uint64_t arm_gt_counter(ARMCPU *cpu);

/** arm_gt_update: re-evaluate timer @idx: its output and deadline. */
void arm_gt_update(ARMCPU *cpu, int idx);

/** arm_gt_init: set up the QEMUTimers (realize). */
void arm_gt_init(ARMCPU *cpu);

/** arm_gt_update_all: re-evaluate every timer (reset, VM start). */
void arm_gt_update_all(ARMCPU *cpu);

/* Register hooks for sysreg.c's table (ri->opaque is the timer). */
uint64_t arm_gt_cnt_read(CPUARMState *env, const ARMSysReg *ri);
uint64_t arm_gt_cval_read(CPUARMState *env, const ARMSysReg *ri);
void arm_gt_cval_write(CPUARMState *env, const ARMSysReg *ri, uint64_t v);
uint64_t arm_gt_tval_read(CPUARMState *env, const ARMSysReg *ri);
void arm_gt_tval_write(CPUARMState *env, const ARMSysReg *ri, uint64_t v);
uint64_t arm_gt_ctl_read(CPUARMState *env, const ARMSysReg *ri);
void arm_gt_ctl_write(CPUARMState *env, const ARMSysReg *ri, uint64_t v);

/* PSCI (psci.c). */

/**
 * arm_is_psci_call: is this HVC/SMC (@excp) with the function in X0 a
 * PSCI call on this CPU's conduit?
 */
bool arm_is_psci_call(ARMCPU *cpu, int excp);

/** arm_handle_psci_call: perform it; results in X0. */
void arm_handle_psci_call(ARMCPU *cpu);

/* Logging (cpu.c). */

/** arm_cpu_log_exception: the "-d int" lines of an exception entry. */
void arm_cpu_log_exception(ARMCPU *cpu, int excp, unsigned from_el,
                           unsigned to_el, uint32_t esr, uint64_t elr);

/** a64_disas: one line of disassembly of @insn at @pc into @out. */
void a64_disas(uint64_t pc, uint32_t insn, GString *out);

#endif
