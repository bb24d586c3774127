/*
 * The AArch64 system register table: encodings, access rights, reset
 * values and hooks, for MRS, MSR (register) and SYS.
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * One entry per register this CPU has; an encoding not in the table is
 * UNDEFINED, as on hardware.  The ID register space (op0 3, op1 0, CRn
 * 0, CRm 1..7) reads as zero where no register is allocated.  Access
 * rights give the ELs that may read and write; accessfn adds the EL0
 * enables (SCTLR_EL1.UCT/DZE/UCI/UMA, CNTKCTL_EL1), which trap to EL1.
 */
#include "qemu/osdep.h"
#include "qemu/main-loop.h"
#include "target/arm/internals.h"

#define FIELD_OF(f) offsetof(CPUARMState, f)
#define NO_FIELD    -1

/* Access checks. */

static ARMSysRegAccessResult arm_sr_uct_access(CPUARMState *env,
                                               const ARMSysReg *ri,
                                               bool isread)
{
    if (arm_current_el(env) == 0 && !(env->cp15.sctlr_el[1] & SCTLR_UCT)) {
        return ARM_SR_ACCESS_TRAP_EL1;
    }
    return ARM_SR_ACCESS_OK;
}

static ARMSysRegAccessResult arm_sr_uma_access(CPUARMState *env,
                                               const ARMSysReg *ri,
                                               bool isread)
{
    if (arm_current_el(env) == 0 &&
        !(env->cp15.sctlr_el[1] & (1ULL << 9))) {
        return ARM_SR_ACCESS_TRAP_EL1;
    }
    return ARM_SR_ACCESS_OK;
}

static ARMSysRegAccessResult arm_sr_uci_access(CPUARMState *env,
                                               const ARMSysReg *ri,
                                               bool isread)
{
    if (arm_current_el(env) == 0 && !(env->cp15.sctlr_el[1] & SCTLR_UCI)) {
        return ARM_SR_ACCESS_TRAP_EL1;
    }
    return ARM_SR_ACCESS_OK;
}

static ARMSysRegAccessResult arm_sr_sp_el0_access(CPUARMState *env,
                                                  const ARMSysReg *ri,
                                                  bool isread)
{
    /* SP_EL0 is the current SP when SPSel is 0: then UNDEFINED. */
    if (!(env->pstate & PSTATE_SP)) {
        return ARM_SR_ACCESS_UNDEF;
    }
    return ARM_SR_ACCESS_OK;
}

/* CNTKCTL_EL1 bits: EL0PCTEN 0, EL0VCTEN 1, EL0VTEN 8, EL0PTEN 9. */
static ARMSysRegAccessResult arm_sr_cntkctl_check(CPUARMState *env,
                                                  uint64_t enables)
{
    if (arm_current_el(env) == 0 && !(env->cp15.c14_cntkctl & enables)) {
        return ARM_SR_ACCESS_TRAP_EL1;
    }
    return ARM_SR_ACCESS_OK;
}

static ARMSysRegAccessResult arm_sr_cntfrq_access(CPUARMState *env,
                                                  const ARMSysReg *ri,
                                                  bool isread)
{
    return arm_sr_cntkctl_check(env, 3);
}

static ARMSysRegAccessResult arm_sr_cnt_access(CPUARMState *env,
                                               const ARMSysReg *ri,
                                               bool isread)
{
    return arm_sr_cntkctl_check(env, ri->opaque == GTIMER_VIRT ? 2 : 1);
}

static ARMSysRegAccessResult arm_sr_timer_access(CPUARMState *env,
                                                 const ARMSysReg *ri,
                                                 bool isread)
{
    return arm_sr_cntkctl_check(env, ri->opaque == GTIMER_VIRT ? 1 << 8
                                                               : 1 << 9);
}

/* Hooks. */

static uint64_t arm_sr_midr_read(CPUARMState *env, const ARMSysReg *ri)
{
    return env_archcpu(env)->midr;
}

static uint64_t arm_sr_mpidr_read(CPUARMState *env, const ARMSysReg *ri)
{
    return (1ULL << 31) | env_archcpu(env)->mp_affinity;
}

static uint64_t arm_sr_revidr_read(CPUARMState *env, const ARMSysReg *ri)
{
    return env_archcpu(env)->revidr;
}

/* The ID registers of ARMISARegisters, by ri->opaque (field index). */
static uint64_t arm_sr_isar_read(CPUARMState *env, const ARMSysReg *ri)
{
    const uint64_t *regs = (const uint64_t *)&env_archcpu(env)->isar;

    return regs[ri->opaque];
}

static uint64_t arm_sr_ctr_read(CPUARMState *env, const ARMSysReg *ri)
{
    return env_archcpu(env)->ctr;
}

static uint64_t arm_sr_dczid_read(CPUARMState *env, const ARMSysReg *ri)
{
    uint64_t v = env_archcpu(env)->dcz_blocksize;

    /* DZP: DC ZVA is prohibited at EL0 unless SCTLR_EL1.DZE. */
    if (arm_current_el(env) == 0 && !(env->cp15.sctlr_el[1] & SCTLR_DZE)) {
        v |= 1 << 4;
    }
    return v;
}

static uint64_t arm_sr_clidr_read(CPUARMState *env, const ARMSysReg *ri)
{
    return env_archcpu(env)->clidr;
}

static uint64_t arm_sr_ccsidr_read(CPUARMState *env, const ARMSysReg *ri)
{
    return env_archcpu(env)->ccsidr[env->cp15.csselr_el1 & 0xf];
}

static uint64_t arm_sr_rvbar_read(CPUARMState *env, const ARMSysReg *ri)
{
    return env_archcpu(env)->rvbar;
}

static void arm_sr_csselr_write(CPUARMState *env, const ARMSysReg *ri,
                                uint64_t v)
{
    env->cp15.csselr_el1 = v & 0xf;
}

/* Registers that decide translation: cached translations go. */
static void arm_sr_mmu_write(CPUARMState *env, const ARMSysReg *ri,
                             uint64_t v)
{
    *(uint64_t *)((char *)env + ri->fieldoffset) = v;
    arm_tlb_flush(env_archcpu(env));
}

static void arm_sr_vbar_write(CPUARMState *env, const ARMSysReg *ri,
                              uint64_t v)
{
    env->cp15.vbar_el[1] = v & ~0x7ffULL;
}

static uint64_t arm_sr_sp_el0_read(CPUARMState *env, const ARMSysReg *ri)
{
    return env->sp_el[0];
}

static void arm_sr_sp_el0_write(CPUARMState *env, const ARMSysReg *ri,
                                uint64_t v)
{
    env->sp_el[0] = v;
}

static uint64_t arm_sr_spsel_read(CPUARMState *env, const ARMSysReg *ri)
{
    return env->pstate & PSTATE_SP;
}

static void arm_sr_spsel_write(CPUARMState *env, const ARMSysReg *ri,
                               uint64_t v)
{
    uint32_t old = env->pstate;

    env->pstate = (env->pstate & ~PSTATE_SP) | (v & PSTATE_SP);
    arm_switch_sp(env, old);
}

static uint64_t arm_sr_currentel_read(CPUARMState *env, const ARMSysReg *ri)
{
    return env->pstate & PSTATE_EL_MASK;
}

static uint64_t arm_sr_daif_read(CPUARMState *env, const ARMSysReg *ri)
{
    return env->pstate & PSTATE_DAIF;
}

static void arm_sr_daif_write(CPUARMState *env, const ARMSysReg *ri,
                              uint64_t v)
{
    env->pstate = (env->pstate & ~PSTATE_DAIF) | (v & PSTATE_DAIF);
    cpu_exit(CPU(env_archcpu(env)));
}

static uint64_t arm_sr_nzcv_read(CPUARMState *env, const ARMSysReg *ri)
{
    return env->nzcv;
}

static void arm_sr_nzcv_write(CPUARMState *env, const ARMSysReg *ri,
                              uint64_t v)
{
    arm_set_nzcv(env, v);
}

static uint64_t arm_sr_isr_read(CPUARMState *env, const ARMSysReg *ri)
{
    uint32_t req = __atomic_load_n(&CPU(env_archcpu(env))->interrupt_request,
                                   __ATOMIC_ACQUIRE);
    uint64_t v = 0;

    if (req & CPU_INTERRUPT_HARD) {
        v |= 1 << 7;
    }
    if (req & CPU_INTERRUPT_FIQ) {
        v |= 1 << 6;
    }
    return v;
}

static void arm_sr_oslar_write(CPUARMState *env, const ARMSysReg *ri,
                               uint64_t v)
{
    /* OSLK in OSLSR_EL1 bit 1 follows OSLAR_EL1.OSLK. */
    env->cp15.oslsr_el1 = (env->cp15.oslsr_el1 & ~2ULL) | ((v & 1) << 1);
}

static void arm_sr_cntfrq_reset(CPUARMState *env, const ARMSysReg *ri)
{
    env->cp15.c14_cntfrq = env_archcpu(env)->cntfrq_hz;
}

static void arm_sr_sctlr_reset(CPUARMState *env, const ARMSysReg *ri)
{
    env->cp15.sctlr_el[1] = env_archcpu(env)->reset_sctlr;
}

/* TLB maintenance: we keep no ASID or VA tags, so all flush it all. */
static void arm_sr_tlbi_write(CPUARMState *env, const ARMSysReg *ri,
                              uint64_t v)
{
    arm_tlb_flush(env_archcpu(env));
}

/* AT S1E*: translation off, so PAR gets the address as it is. */
static void arm_sr_at_write(CPUARMState *env, const ARMSysReg *ri,
                            uint64_t v)
{
    ARMCPU *cpu = env_archcpu(env);
    ARMFaultInfo fi;
    hwaddr pa;
    unsigned mmu_idx = ri->op2 >= 2 ? ARM_MMU_IDX_EL0 : ARM_MMU_IDX_EL1;

    if (arm_translate(cpu, v, (ri->op2 & 1) ? ARM_ACCESS_WRITE
                                            : ARM_ACCESS_READ,
                      mmu_idx, &pa, &fi)) {
        env->cp15.par_el[1] = pa & 0x0000fffffffff000ULL;
    } else {
        env->cp15.par_el[1] = 1 | (fi.fsc << 1);
    }
}

#define REG(nm, o0, o1, n, m, o2, acc)                                  \
    .name = nm, .op0 = o0, .op1 = o1, .crn = n, .crm = m, .op2 = o2,    \
    .access = acc

/* A plain register held in a CPUARMState field. */
#define FIELD_REG(nm, o0, o1, n, m, o2, acc, f, rv)                     \
    { REG(nm, o0, o1, n, m, o2, acc), .fieldoffset = FIELD_OF(f),       \
      .resetvalue = rv }

/* A read-only constant. */
#define CONST_REG(nm, o0, o1, n, m, o2, acc, rv)                        \
    { REG(nm, o0, o1, n, m, o2, acc), .type = ARM_SR_TYPE_CONST,        \
      .fieldoffset = NO_FIELD, .resetvalue = rv }

/* Accepted and ignored (implementation defined, debug, caches). */
#define NOP_REG(nm, o0, o1, n, m, o2, acc)                              \
    { REG(nm, o0, o1, n, m, o2, acc), .type = ARM_SR_TYPE_NOP,          \
      .fieldoffset = NO_FIELD }

/* A SYS operation (cache, TLB, address translation). */
#define SYS_OP(nm, o1, n, m, o2, acc, fn, afn)                          \
    { REG(nm, 1, o1, n, m, o2, acc), .type = ARM_SR_TYPE_SYS,           \
      .fieldoffset = NO_FIELD, .writefn = fn, .accessfn = afn }

#define ISAR_REG(nm, m, o2, field)                                      \
    { REG(nm, 3, 0, 0, m, o2, ARM_SR_R1), .fieldoffset = NO_FIELD,      \
      .readfn = arm_sr_isar_read,                                       \
      .opaque = offsetof(ARMISARegisters, field) / sizeof(uint64_t) }

#define TIMER_REGS(pfx, crm, idx)                                       \
    { REG("CNT" pfx "_TVAL_EL0", 3, 3, 14, crm, 0, ARM_SR_RW01),        \
      .type = ARM_SR_TYPE_IO, .fieldoffset = NO_FIELD,                  \
      .accessfn = arm_sr_timer_access, .readfn = arm_gt_tval_read,      \
      .writefn = arm_gt_tval_write, .opaque = idx },                    \
    { REG("CNT" pfx "_CTL_EL0", 3, 3, 14, crm, 1, ARM_SR_RW01),         \
      .type = ARM_SR_TYPE_IO,                                           \
      .fieldoffset = FIELD_OF(cp15.c14_timer[idx].ctl),                 \
      .accessfn = arm_sr_timer_access, .readfn = arm_gt_ctl_read,       \
      .writefn = arm_gt_ctl_write, .opaque = idx },                     \
    { REG("CNT" pfx "_CVAL_EL0", 3, 3, 14, crm, 2, ARM_SR_RW01),        \
      .type = ARM_SR_TYPE_IO,                                           \
      .fieldoffset = FIELD_OF(cp15.c14_timer[idx].cval),                \
      .accessfn = arm_sr_timer_access, .readfn = arm_gt_cval_read,      \
      .writefn = arm_gt_cval_write, .opaque = idx }

#define DBG_REGS(n)                                                     \
    FIELD_REG("DBGBVR" #n "_EL1", 2, 0, 0, n, 4, ARM_SR_RW1,            \
              cp15.dbgbvr[n], 0),                                       \
    FIELD_REG("DBGBCR" #n "_EL1", 2, 0, 0, n, 5, ARM_SR_RW1,            \
              cp15.dbgbcr[n], 0)

#define WP_REGS(n)                                                      \
    FIELD_REG("DBGWVR" #n "_EL1", 2, 0, 0, n, 6, ARM_SR_RW1,            \
              cp15.dbgwvr[n], 0),                                       \
    FIELD_REG("DBGWCR" #n "_EL1", 2, 0, 0, n, 7, ARM_SR_RW1,            \
              cp15.dbgwcr[n], 0)

static const ARMSysReg arm_sysreg_table[] = {
    /* Identification. */
    { REG("MIDR_EL1", 3, 0, 0, 0, 0, ARM_SR_R1), .fieldoffset = NO_FIELD,
      .readfn = arm_sr_midr_read },
    { REG("MPIDR_EL1", 3, 0, 0, 0, 5, ARM_SR_R1), .fieldoffset = NO_FIELD,
      .readfn = arm_sr_mpidr_read },
    { REG("REVIDR_EL1", 3, 0, 0, 0, 6, ARM_SR_R1), .fieldoffset = NO_FIELD,
      .readfn = arm_sr_revidr_read },
    ISAR_REG("ID_AA64PFR0_EL1", 4, 0, id_aa64pfr0),
    ISAR_REG("ID_AA64PFR1_EL1", 4, 1, id_aa64pfr1),
    ISAR_REG("ID_AA64DFR0_EL1", 5, 0, id_aa64dfr0),
    ISAR_REG("ID_AA64DFR1_EL1", 5, 1, id_aa64dfr1),
    ISAR_REG("ID_AA64AFR0_EL1", 5, 4, id_aa64afr0),
    ISAR_REG("ID_AA64AFR1_EL1", 5, 5, id_aa64afr1),
    ISAR_REG("ID_AA64ISAR0_EL1", 6, 0, id_aa64isar0),
    ISAR_REG("ID_AA64ISAR1_EL1", 6, 1, id_aa64isar1),
    ISAR_REG("ID_AA64MMFR0_EL1", 7, 0, id_aa64mmfr0),
    ISAR_REG("ID_AA64MMFR1_EL1", 7, 1, id_aa64mmfr1),
    ISAR_REG("ID_AA64MMFR2_EL1", 7, 2, id_aa64mmfr2),
    { REG("CCSIDR_EL1", 3, 1, 0, 0, 0, ARM_SR_R1), .fieldoffset = NO_FIELD,
      .readfn = arm_sr_ccsidr_read },
    { REG("CLIDR_EL1", 3, 1, 0, 0, 1, ARM_SR_R1), .fieldoffset = NO_FIELD,
      .readfn = arm_sr_clidr_read },
    CONST_REG("AIDR_EL1", 3, 1, 0, 0, 7, ARM_SR_R1, 0),
    { REG("CSSELR_EL1", 3, 2, 0, 0, 0, ARM_SR_RW1),
      .fieldoffset = FIELD_OF(cp15.csselr_el1),
      .writefn = arm_sr_csselr_write },
    { REG("CTR_EL0", 3, 3, 0, 0, 1, ARM_SR_R0 | ARM_SR_R1),
      .fieldoffset = NO_FIELD, .accessfn = arm_sr_uct_access,
      .readfn = arm_sr_ctr_read },
    { REG("DCZID_EL0", 3, 3, 0, 0, 7, ARM_SR_R0 | ARM_SR_R1),
      .fieldoffset = NO_FIELD, .readfn = arm_sr_dczid_read },

    /* System control. */
    { REG("SCTLR_EL1", 3, 0, 1, 0, 0, ARM_SR_RW1),
      .fieldoffset = FIELD_OF(cp15.sctlr_el[1]),
      .writefn = arm_sr_mmu_write, .resetfn = arm_sr_sctlr_reset },
    FIELD_REG("ACTLR_EL1", 3, 0, 1, 0, 1, ARM_SR_RW1, cp15.actlr_el[1], 0),
    FIELD_REG("CPACR_EL1", 3, 0, 1, 0, 2, ARM_SR_RW1, cp15.cpacr_el1, 0),
    { REG("TTBR0_EL1", 3, 0, 2, 0, 0, ARM_SR_RW1),
      .fieldoffset = FIELD_OF(cp15.ttbr0_el[1]),
      .writefn = arm_sr_mmu_write },
    { REG("TTBR1_EL1", 3, 0, 2, 0, 1, ARM_SR_RW1),
      .fieldoffset = FIELD_OF(cp15.ttbr1_el[1]),
      .writefn = arm_sr_mmu_write },
    { REG("TCR_EL1", 3, 0, 2, 0, 2, ARM_SR_RW1),
      .fieldoffset = FIELD_OF(cp15.tcr_el[1]),
      .writefn = arm_sr_mmu_write },
    FIELD_REG("SPSR_EL1", 3, 0, 4, 0, 0, ARM_SR_RW1, spsr_el[1], 0),
    FIELD_REG("ELR_EL1", 3, 0, 4, 0, 1, ARM_SR_RW1, elr_el[1], 0),
    { REG("SP_EL0", 3, 0, 4, 1, 0, ARM_SR_RW1), .fieldoffset = NO_FIELD,
      .accessfn = arm_sr_sp_el0_access, .readfn = arm_sr_sp_el0_read,
      .writefn = arm_sr_sp_el0_write },
    { REG("SPSel", 3, 0, 4, 2, 0, ARM_SR_RW1), .fieldoffset = NO_FIELD,
      .readfn = arm_sr_spsel_read, .writefn = arm_sr_spsel_write },
    { REG("CurrentEL", 3, 0, 4, 2, 2, ARM_SR_R1),
      .fieldoffset = NO_FIELD, .readfn = arm_sr_currentel_read },
    { REG("NZCV", 3, 3, 4, 2, 0, ARM_SR_RW01), .fieldoffset = NO_FIELD,
      .readfn = arm_sr_nzcv_read, .writefn = arm_sr_nzcv_write },
    { REG("DAIF", 3, 3, 4, 2, 1, ARM_SR_RW01), .fieldoffset = NO_FIELD,
      .accessfn = arm_sr_uma_access, .readfn = arm_sr_daif_read,
      .writefn = arm_sr_daif_write },
    FIELD_REG("AFSR0_EL1", 3, 0, 5, 1, 0, ARM_SR_RW1, cp15.afsr0_el[1], 0),
    FIELD_REG("AFSR1_EL1", 3, 0, 5, 1, 1, ARM_SR_RW1, cp15.afsr1_el[1], 0),
    FIELD_REG("ESR_EL1", 3, 0, 5, 2, 0, ARM_SR_RW1, cp15.esr_el[1], 0),
    FIELD_REG("FAR_EL1", 3, 0, 6, 0, 0, ARM_SR_RW1, cp15.far_el[1], 0),
    FIELD_REG("PAR_EL1", 3, 0, 7, 4, 0, ARM_SR_RW1, cp15.par_el[1], 0),
    FIELD_REG("MAIR_EL1", 3, 0, 10, 2, 0, ARM_SR_RW1, cp15.mair_el[1], 0),
    FIELD_REG("AMAIR_EL1", 3, 0, 10, 3, 0, ARM_SR_RW1, cp15.amair_el[1], 0),
    { REG("VBAR_EL1", 3, 0, 12, 0, 0, ARM_SR_RW1),
      .fieldoffset = FIELD_OF(cp15.vbar_el[1]),
      .writefn = arm_sr_vbar_write },
    { REG("RVBAR_EL1", 3, 0, 12, 0, 1, ARM_SR_R1), .fieldoffset = NO_FIELD,
      .readfn = arm_sr_rvbar_read },
    { REG("ISR_EL1", 3, 0, 12, 1, 0, ARM_SR_R1), .fieldoffset = NO_FIELD,
      .readfn = arm_sr_isr_read },
    FIELD_REG("CONTEXTIDR_EL1", 3, 0, 13, 0, 1, ARM_SR_RW1,
              cp15.contextidr_el[1], 0),
    FIELD_REG("TPIDR_EL1", 3, 0, 13, 0, 4, ARM_SR_RW1, cp15.tpidr_el[1], 0),
    FIELD_REG("TPIDR_EL0", 3, 3, 13, 0, 2, ARM_SR_RW01, cp15.tpidr_el[0], 0),
    FIELD_REG("TPIDRRO_EL0", 3, 3, 13, 0, 3, ARM_SR_R0 | ARM_SR_RW1,
              cp15.tpidrro_el0, 0),

    /* Generic timer. */
    FIELD_REG("CNTKCTL_EL1", 3, 0, 14, 1, 0, ARM_SR_RW1, cp15.c14_cntkctl,
              0),
    { REG("CNTFRQ_EL0", 3, 3, 14, 0, 0, ARM_SR_R0 | ARM_SR_RW1),
      .fieldoffset = FIELD_OF(cp15.c14_cntfrq),
      .accessfn = arm_sr_cntfrq_access, .resetfn = arm_sr_cntfrq_reset },
    { REG("CNTPCT_EL0", 3, 3, 14, 0, 1, ARM_SR_R0 | ARM_SR_R1),
      .fieldoffset = NO_FIELD, .accessfn = arm_sr_cnt_access,
      .readfn = arm_gt_cnt_read, .opaque = GTIMER_PHYS },
    { REG("CNTVCT_EL0", 3, 3, 14, 0, 2, ARM_SR_R0 | ARM_SR_R1),
      .fieldoffset = NO_FIELD, .accessfn = arm_sr_cnt_access,
      .readfn = arm_gt_cnt_read, .opaque = GTIMER_VIRT },
    TIMER_REGS("P", 2, GTIMER_PHYS),
    TIMER_REGS("V", 3, GTIMER_VIRT),

    /* Debug: held, no breakpoints or watchpoints fire. */
    FIELD_REG("MDCCINT_EL1", 2, 0, 0, 2, 0, ARM_SR_RW1, cp15.mdccint_el1, 0),
    FIELD_REG("MDSCR_EL1", 2, 0, 0, 2, 2, ARM_SR_RW1, cp15.mdscr_el1, 0),
    CONST_REG("MDRAR_EL1", 2, 0, 1, 0, 0, ARM_SR_R1, 0),
    { REG("OSLAR_EL1", 2, 0, 1, 0, 4, ARM_SR_W1), .fieldoffset = NO_FIELD,
      .writefn = arm_sr_oslar_write },
    { REG("OSLSR_EL1", 2, 0, 1, 1, 4, ARM_SR_R1),
      .fieldoffset = FIELD_OF(cp15.oslsr_el1), .resetvalue = 0xa },
    FIELD_REG("OSDLR_EL1", 2, 0, 1, 3, 4, ARM_SR_RW1, cp15.osdlr_el1, 0),
    NOP_REG("DBGCLAIMSET_EL1", 2, 0, 7, 8, 6, ARM_SR_RW1),
    NOP_REG("DBGCLAIMCLR_EL1", 2, 0, 7, 9, 6, ARM_SR_RW1),
    CONST_REG("DBGAUTHSTATUS_EL1", 2, 0, 7, 14, 6, ARM_SR_R1, 0),
    DBG_REGS(0), DBG_REGS(1), DBG_REGS(2), DBG_REGS(3), DBG_REGS(4),
    DBG_REGS(5),
    WP_REGS(0), WP_REGS(1), WP_REGS(2), WP_REGS(3),

    /* Cortex-A57 implementation defined registers, as QEMU: RAZ/WI. */
    NOP_REG("L2CTLR_EL1", 3, 1, 11, 0, 2, ARM_SR_RW1),
    NOP_REG("L2ECTLR_EL1", 3, 1, 11, 0, 3, ARM_SR_RW1),
    NOP_REG("L2ACTLR_EL1", 3, 1, 15, 0, 0, ARM_SR_RW1),
    NOP_REG("CPUACTLR_EL1", 3, 1, 15, 2, 0, ARM_SR_RW1),
    NOP_REG("CPUECTLR_EL1", 3, 1, 15, 2, 1, ARM_SR_RW1),
    NOP_REG("CPUMERRSR_EL1", 3, 1, 15, 2, 2, ARM_SR_RW1),
    NOP_REG("L2MERRSR_EL1", 3, 1, 15, 2, 3, ARM_SR_RW1),

    /* Cache maintenance: caches are not modelled. */
    SYS_OP("IC IALLUIS", 0, 7, 1, 0, ARM_SR_W1, NULL, NULL),
    SYS_OP("IC IALLU", 0, 7, 5, 0, ARM_SR_W1, NULL, NULL),
    SYS_OP("IC IVAU", 3, 7, 5, 1, ARM_SR_W0 | ARM_SR_W1, NULL,
           arm_sr_uci_access),
    SYS_OP("DC IVAC", 0, 7, 6, 1, ARM_SR_W1, NULL, NULL),
    SYS_OP("DC ISW", 0, 7, 6, 2, ARM_SR_W1, NULL, NULL),
    SYS_OP("DC CSW", 0, 7, 10, 2, ARM_SR_W1, NULL, NULL),
    SYS_OP("DC CISW", 0, 7, 14, 2, ARM_SR_W1, NULL, NULL),
    SYS_OP("DC CVAC", 3, 7, 10, 1, ARM_SR_W0 | ARM_SR_W1, NULL,
           arm_sr_uci_access),
    SYS_OP("DC CVAU", 3, 7, 11, 1, ARM_SR_W0 | ARM_SR_W1, NULL,
           arm_sr_uci_access),
    SYS_OP("DC CIVAC", 3, 7, 14, 1, ARM_SR_W0 | ARM_SR_W1, NULL,
           arm_sr_uci_access),

    /* Address translation. */
    SYS_OP("AT S1E1R", 0, 7, 8, 0, ARM_SR_W1, arm_sr_at_write, NULL),
    SYS_OP("AT S1E1W", 0, 7, 8, 1, ARM_SR_W1, arm_sr_at_write, NULL),
    SYS_OP("AT S1E0R", 0, 7, 8, 2, ARM_SR_W1, arm_sr_at_write, NULL),
    SYS_OP("AT S1E0W", 0, 7, 8, 3, ARM_SR_W1, arm_sr_at_write, NULL),

    /* TLB maintenance. */
    SYS_OP("TLBI VMALLE1IS", 0, 8, 3, 0, ARM_SR_W1, arm_sr_tlbi_write, NULL),
    SYS_OP("TLBI VAE1IS", 0, 8, 3, 1, ARM_SR_W1, arm_sr_tlbi_write, NULL),
    SYS_OP("TLBI ASIDE1IS", 0, 8, 3, 2, ARM_SR_W1, arm_sr_tlbi_write, NULL),
    SYS_OP("TLBI VAAE1IS", 0, 8, 3, 3, ARM_SR_W1, arm_sr_tlbi_write, NULL),
    SYS_OP("TLBI VALE1IS", 0, 8, 3, 5, ARM_SR_W1, arm_sr_tlbi_write, NULL),
    SYS_OP("TLBI VAALE1IS", 0, 8, 3, 7, ARM_SR_W1, arm_sr_tlbi_write, NULL),
    SYS_OP("TLBI VMALLE1", 0, 8, 7, 0, ARM_SR_W1, arm_sr_tlbi_write, NULL),
    SYS_OP("TLBI VAE1", 0, 8, 7, 1, ARM_SR_W1, arm_sr_tlbi_write, NULL),
    SYS_OP("TLBI ASIDE1", 0, 8, 7, 2, ARM_SR_W1, arm_sr_tlbi_write, NULL),
    SYS_OP("TLBI VAAE1", 0, 8, 7, 3, ARM_SR_W1, arm_sr_tlbi_write, NULL),
    SYS_OP("TLBI VALE1", 0, 8, 7, 5, ARM_SR_W1, arm_sr_tlbi_write, NULL),
    SYS_OP("TLBI VAALE1", 0, 8, 7, 7, ARM_SR_W1, arm_sr_tlbi_write, NULL),
};

/* Reserved ID space (op0 3, op1 0, CRn 0, CRm 1..7): read as zero. */
static const ARMSysReg arm_sysreg_raz_id = {
    .name = "ID reserved", .op0 = 3, .access = ARM_SR_R1,
    .type = ARM_SR_TYPE_CONST, .fieldoffset = NO_FIELD,
};

static uint32_t arm_sysreg_key_of(const ARMSysReg *ri)
{
    return ARM_SYSREG_KEY(ri->op0, ri->op1, ri->crn, ri->crm, ri->op2);
}

void arm_sysreg_init(ARMCPU *cpu)
{
    size_t i;

    cpu->sysregs = g_hash_table_new(g_direct_hash, g_direct_equal);
    for (i = 0; i < ARRAY_SIZE(arm_sysreg_table); i++) {
        const ARMSysReg *ri = &arm_sysreg_table[i];
        gpointer key = GUINT_TO_POINTER(arm_sysreg_key_of(ri));

        assert(!g_hash_table_contains(cpu->sysregs, key));
        g_hash_table_insert(cpu->sysregs, key, (gpointer)ri);
    }
}

void arm_sysreg_reset(ARMCPU *cpu)
{
    CPUARMState *env = &cpu->env;
    size_t i;

    for (i = 0; i < ARRAY_SIZE(arm_sysreg_table); i++) {
        const ARMSysReg *ri = &arm_sysreg_table[i];

        if (ri->resetfn) {
            ri->resetfn(env, ri);
        } else if (ri->fieldoffset != NO_FIELD) {
            *(uint64_t *)((char *)env + ri->fieldoffset) = ri->resetvalue;
        }
    }
}

const ARMSysReg *arm_sysreg_find(ARMCPU *cpu, uint32_t key)
{
    const ARMSysReg *ri;
    unsigned op0 = key >> 14, op1 = (key >> 11) & 7;
    unsigned crn = (key >> 7) & 0xf, crm = (key >> 3) & 0xf;

    ri = g_hash_table_lookup(cpu->sysregs, GUINT_TO_POINTER(key));
    if (ri == NULL && op0 == 3 && op1 == 0 && crn == 0 && crm >= 1) {
        ri = &arm_sysreg_raz_id;
    }
    return ri;
}

ARMSysRegAccessResult arm_sysreg_access(ARMCPU *cpu, uint32_t key,
                                        bool isread, uint64_t *val)
{
    CPUARMState *env = &cpu->env;
    const ARMSysReg *ri = arm_sysreg_find(cpu, key);
    unsigned el = arm_current_el(env);
    ARMSysRegAccessResult res;
    uint32_t need;
    bool want_sys = (key >> 14) == 1;
    bool take_bql;

    if (ri == NULL || !!(ri->type & ARM_SR_TYPE_SYS) != want_sys) {
        return ARM_SR_ACCESS_UNDEF;
    }
    if (el == 0) {
        need = isread ? ARM_SR_R0 : ARM_SR_W0;
    } else {
        need = isread ? ARM_SR_R1 : ARM_SR_W1;
    }
    if (!(ri->access & need)) {
        return ARM_SR_ACCESS_UNDEF;
    }
    if (ri->accessfn) {
        res = ri->accessfn(env, ri, isread);
        if (res != ARM_SR_ACCESS_OK) {
            return res;
        }
    }
    take_bql = (ri->type & ARM_SR_TYPE_IO) && arm_bql_lock();
    if (isread) {
        if (ri->type & (ARM_SR_TYPE_CONST | ARM_SR_TYPE_NOP)) {
            *val = (ri->type & ARM_SR_TYPE_CONST) ? ri->resetvalue : 0;
        } else if (ri->readfn) {
            *val = ri->readfn(env, ri);
        } else {
            *val = *(uint64_t *)((char *)env + ri->fieldoffset);
        }
    } else if (ri->writefn) {
        ri->writefn(env, ri, *val);
    } else if (ri->fieldoffset != NO_FIELD &&
               !(ri->type & (ARM_SR_TYPE_CONST | ARM_SR_TYPE_NOP))) {
        *(uint64_t *)((char *)env + ri->fieldoffset) = *val;
    }
    arm_bql_unlock(take_bql);
    return ARM_SR_ACCESS_OK;
}
