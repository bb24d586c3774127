/*
 * The A64 decoder: encoding groups, and the branch, exception
 * generation and system instruction classes.
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * Decoding follows the Arm ARM's "A64 instruction set encoding" tables
 * (DDI 0487, chapter C4): bits 28:25 pick the group; data processing
 * and loads/stores go to a64-dp.c and a64-ldst.c.  Unallocated
 * encodings, and those of features this CPU does not advertise, are
 * UNDEFINED; the HINT space executes as NOP.
 */
#include "qemu/osdep.h"
#include "qemu/bitops.h"
#include "qemu/log.h"
#include "target/arm/internals.h"

/* The syndrome of a trapped MRS/MSR/SYS (EC 0x18). */
static uint32_t syn_sysregtrap(unsigned op0, unsigned op1, unsigned crn,
                               unsigned crm, unsigned op2, unsigned rt,
                               bool isread)
{
    return (EC_SYSTEMREGISTERTRAP << ARM_EL_EC_SHIFT) | ARM_EL_IL |
           (op0 << 20) | (op2 << 17) | (op1 << 14) | (crn << 10) |
           (rt << 5) | (crm << 1) | isread;
}

static void a64_raise_sysreg_trap(ARMCPU *cpu, ARMSysRegAccessResult res,
                                  uint32_t syndrome)
{
    switch (res) {
    case ARM_SR_ACCESS_TRAP_EL1:
        arm_raise_exception(cpu, EXCP_UDEF, syndrome, 0, 1);
        break;
    case ARM_SR_ACCESS_TRAP_FP:
        arm_raise_exception(cpu, EXCP_UDEF,
                            (EC_ADVSIMDFPACCESSTRAP << ARM_EL_EC_SHIFT) |
                            ARM_EL_IL | (1U << 24) | (0xeU << 20), 0, 1);
        break;
    default:
        arm_raise_undef(cpu);
        break;
    }
}

/* B, BL, B.cond, CBZ/CBNZ, TBZ/TBNZ.  Returns false if unallocated. */
static bool a64_branch_imm(ARMCPU *cpu, uint32_t insn)
{
    CPUARMState *env = &cpu->env;
    uint64_t pc = env->pc;
    uint64_t rt;
    bool taken;

    if ((insn & 0x7c000000) == 0x14000000) {
        /* B, BL */
        if (insn & 0x80000000) {
            env->xregs[30] = pc + 4;
        }
        env->pc = pc + ((int64_t)sextract32(insn, 0, 26) * 4);
        return true;
    }
    if ((insn & 0x7e000000) == 0x34000000) {
        /* CBZ, CBNZ */
        rt = a64_get_reg(env, insn & 0x1f, false);
        if (!(insn & 0x80000000)) {
            rt = (uint32_t)rt;
        }
        taken = (rt == 0) != extract32(insn, 24, 1);
        env->pc = taken ? pc + ((int64_t)sextract32(insn, 5, 19) * 4)
                        : pc + 4;
        return true;
    }
    if ((insn & 0x7e000000) == 0x36000000) {
        /* TBZ, TBNZ */
        unsigned bit = (extract32(insn, 31, 1) << 5) | extract32(insn, 19, 5);

        rt = a64_get_reg(env, insn & 0x1f, false);
        taken = ((rt >> bit) & 1) == extract32(insn, 24, 1);
        env->pc = taken ? pc + ((int64_t)sextract32(insn, 5, 14) * 4)
                        : pc + 4;
        return true;
    }
    if ((insn & 0xff000010) == 0x54000000) {
        /* B.cond */
        taken = arm_cond_holds(env, insn & 0xf);
        env->pc = taken ? pc + ((int64_t)sextract32(insn, 5, 19) * 4)
                        : pc + 4;
        return true;
    }
    return false;
}

/* BR, BLR, RET, ERET.  Returns false if unallocated. */
static bool a64_branch_reg(ARMCPU *cpu, uint32_t insn)
{
    CPUARMState *env = &cpu->env;
    unsigned opc = extract32(insn, 21, 4);
    unsigned op2 = extract32(insn, 16, 5);
    unsigned op3 = extract32(insn, 10, 6);
    unsigned rn = extract32(insn, 5, 5);
    unsigned op4 = extract32(insn, 0, 5);
    uint64_t target;

    /* Pointer authentication forms (op3 != 0) are not advertised. */
    if (op2 != 0x1f || op3 != 0 || op4 != 0) {
        return false;
    }
    switch (opc) {
    case 0:     /* BR */
    case 1:     /* BLR */
    case 2:     /* RET */
        target = a64_get_reg(env, rn, false);
        if (opc == 1) {
            env->xregs[30] = env->pc + 4;
        }
        env->pc = target;
        return true;
    case 4:     /* ERET */
        if (rn != 0x1f || arm_current_el(env) == 0) {
            return false;
        }
        arm_exception_return(cpu);
        return true;
    default:
        return false;
    }
}

/* QEMU's -d int lines for an HVC or SMC that PSCI handles. */
static void a64_log_psci_call(ARMCPU *cpu, int excp, uint32_t syndrome)
{
    qemu_log_mask(CPU_LOG_INT, "Taking exception %d [%s] on CPU %d\n"
                  "...from EL%u to EL%d\n...with ESR 0x%x/0x%" PRIx32 "\n",
                  excp, excp == EXCP_HVC ? "Hypervisor Call"
                                         : "Secure Monitor Call",
                  CPU(cpu)->cpu_index, arm_current_el(&cpu->env),
                  excp == EXCP_HVC ? 2 : 3, syndrome >> ARM_EL_EC_SHIFT,
                  syndrome);
}

/* SVC, HVC, SMC, BRK, HLT, DCPS.  Returns false if unallocated. */
static bool a64_exception_gen(ARMCPU *cpu, uint32_t insn)
{
    CPUARMState *env = &cpu->env;
    unsigned opc = extract32(insn, 21, 3);
    unsigned imm16 = extract32(insn, 5, 16);
    unsigned op2 = extract32(insn, 2, 3);
    unsigned ll = extract32(insn, 0, 2);
    unsigned el = arm_current_el(env);
    uint32_t syn;
    int excp;

    if (op2 != 0) {
        return false;
    }
    if (opc == 0 && ll == 1) {
        syn = (EC_AA64_SVC << ARM_EL_EC_SHIFT) | ARM_EL_IL | imm16;
        arm_raise_exception(cpu, EXCP_SWI, syn, 0, 1);
        return true;
    }
    if (opc == 0 && (ll == 2 || ll == 3)) {
        /* No EL2 or EL3: only a PSCI call on the conduit does anything. */
        excp = ll == 2 ? EXCP_HVC : EXCP_SMC;
        syn = ((ll == 2 ? EC_AA64_HVC : EC_AA64_SMC) << ARM_EL_EC_SHIFT) |
              ARM_EL_IL | imm16;
        if (el == 0 || !arm_is_psci_call(cpu, excp)) {
            return false;
        }
        a64_log_psci_call(cpu, excp, syn);
        arm_handle_psci_call(cpu);
        return true;
    }
    if (opc == 1 && ll == 0) {
        syn = (EC_AA64_BKPT << ARM_EL_EC_SHIFT) | ARM_EL_IL | imm16;
        arm_raise_exception(cpu, EXCP_BKPT, syn, 0, 1);
        return true;
    }
    /* HLT without halting debug or semihosting, DCPS: UNDEFINED. */
    return false;
}

/* WFI: sleep until an interrupt is pending (masked or not). */
static void a64_wfi(ARMCPU *cpu, bool is_wfe)
{
    CPUARMState *env = &cpu->env;
    CPUState *cs = CPU(cpu);
    uint64_t ntw = is_wfe ? SCTLR_nTWE : SCTLR_nTWI;

    if (arm_current_el(env) == 0 && !(env->cp15.sctlr_el[1] & ntw)) {
        arm_raise_exception(cpu, EXCP_UDEF,
                            (EC_WFX_TRAP << ARM_EL_EC_SHIFT) | ARM_EL_IL |
                            (1U << 24) | (0xeU << 20) | is_wfe, 0, 1);
        return;
    }
    if (is_wfe) {
        /* No event register is modelled: WFE is a yield, as on QEMU. */
        return;
    }
    if (!cpu_has_work(cs)) {
        cs->halted = 1;
        cpu_exit(cs);
    }
}

/* MSR (immediate) to SPSel, DAIFSet, DAIFClr. */
static bool a64_msr_imm(ARMCPU *cpu, uint32_t insn)
{
    CPUARMState *env = &cpu->env;
    unsigned op1 = extract32(insn, 16, 3);
    unsigned crm = extract32(insn, 8, 4);
    unsigned op2 = extract32(insn, 5, 3);
    uint32_t old = env->pstate;
    unsigned el = arm_current_el(env);

    if (op1 == 0 && op2 == 5) {
        /* SPSel */
        if (el == 0) {
            return false;
        }
        env->pstate = (env->pstate & ~PSTATE_SP) | (crm & 1);
        arm_switch_sp(env, old);
        return true;
    }
    if (op1 == 3 && (op2 == 6 || op2 == 7)) {
        /*
         * DAIFSet, DAIFClr: EL0 needs SCTLR_EL1.UMA.  QEMU 7.2 reports
         * op1 and op2 swapped in the syndrome; so do we.
         */
        if (el == 0 && !(env->cp15.sctlr_el[1] & (1ULL << 9))) {
            arm_raise_exception(cpu, EXCP_UDEF,
                                syn_sysregtrap(0, op2, 4, crm, op1, 31,
                                               false), 0, 1);
            return true;
        }
        if (op2 == 6) {
            env->pstate |= (crm << 6) & PSTATE_DAIF;
        } else {
            env->pstate &= ~((crm << 6) & PSTATE_DAIF);
            cpu_exit(CPU(cpu));
        }
        return true;
    }
    return false;
}

/* DC ZVA: zero the naturally aligned block holding Xt. */
static void a64_dc_zva(ARMCPU *cpu, uint64_t va)
{
    unsigned block = 4U << cpu->dcz_blocksize;
    uint64_t base = va & ~(uint64_t)(block - 1);
    unsigned i;

    for (i = 0; i < block; i += 8) {
        if (!arm_mem_st(cpu, base + i, 8, false, false, 0)) {
            return;
        }
    }
}

/* MRS, MSR (register), SYS, SYSL. */
static bool a64_sysreg(ARMCPU *cpu, uint32_t insn)
{
    CPUARMState *env = &cpu->env;
    bool isread = extract32(insn, 21, 1);
    unsigned op0 = extract32(insn, 19, 2);
    unsigned op1 = extract32(insn, 16, 3);
    unsigned crn = extract32(insn, 12, 4);
    unsigned crm = extract32(insn, 8, 4);
    unsigned op2 = extract32(insn, 5, 3);
    unsigned rt = extract32(insn, 0, 5);
    uint32_t key = ARM_SYSREG_KEY(op0, op1, crn, crm, op2);
    ARMSysRegAccessResult res;
    uint64_t val;

    /* DC ZVA writes memory, so it is done here rather than in a hook. */
    if (key == ARM_SYSREG_KEY(1, 3, 7, 4, 1) && !isread) {
        if (arm_current_el(env) == 0 &&
            !(env->cp15.sctlr_el[1] & SCTLR_DZE)) {
            arm_raise_exception(cpu, EXCP_UDEF,
                                syn_sysregtrap(op0, op1, crn, crm, op2, rt,
                                               false), 0, 1);
            return true;
        }
        a64_dc_zva(cpu, a64_get_reg(env, rt, false));
        return true;
    }
    val = isread ? 0 : a64_get_reg(env, rt, false);
    res = arm_sysreg_access(cpu, key, isread, &val);
    if (res == ARM_SR_ACCESS_UNDEF) {
        return false;
    }
    if (res != ARM_SR_ACCESS_OK) {
        a64_raise_sysreg_trap(cpu, res, syn_sysregtrap(op0, op1, crn, crm,
                                                       op2, rt, isread));
        return true;
    }
    if (isread) {
        a64_set_reg(env, rt, val, false);
    }
    return true;
}

/* The system instruction class (bits 31:22 = 1101010100). */
static bool a64_system(ARMCPU *cpu, uint32_t insn)
{
    bool l = extract32(insn, 21, 1);
    unsigned op0 = extract32(insn, 19, 2);
    unsigned op1 = extract32(insn, 16, 3);
    unsigned crn = extract32(insn, 12, 4);
    unsigned op2 = extract32(insn, 5, 3);
    unsigned rt = extract32(insn, 0, 5);

    if (op0 != 0) {
        return a64_sysreg(cpu, insn);
    }
    if (l) {
        return false;
    }
    if (crn == 4) {
        return rt == 0x1f && a64_msr_imm(cpu, insn);
    }
    if (op1 != 3 || rt != 0x1f) {
        return false;
    }
    if (crn == 2) {
        /* HINT space: WFI and WFE act, everything else is a NOP. */
        unsigned hint = (extract32(insn, 8, 4) << 3) | op2;

        if (hint == 3 || hint == 2) {
            a64_wfi(cpu, hint == 2);
        }
        return true;
    }
    if (crn == 3) {
        switch (op2) {
        case 2:     /* CLREX */
            arm_excl_clear(&cpu->env);
            return true;
        case 4:     /* DSB */
        case 5:     /* DMB */
        case 6:     /* ISB */
            /* One CPU, in-order accesses: barriers have nothing to do. */
            return true;
        default:
            return false;
        }
    }
    return false;
}

/*
 * Branches, exception generation and system (bits 28:26 = 101).
 * *@branched: the instruction set the PC itself (taken or not).
 */
static bool a64_branch_sys(ARMCPU *cpu, uint32_t insn, bool *branched)
{
    *branched = false;
    if ((insn & 0xffc00000) == 0xd5000000) {
        return a64_system(cpu, insn);
    }
    if ((insn & 0xff000000) == 0xd4000000) {
        return a64_exception_gen(cpu, insn);
    }
    *branched = true;
    if ((insn & 0xfe000000) == 0xd6000000) {
        return a64_branch_reg(cpu, insn);
    }
    return a64_branch_imm(cpu, insn);
}

void a64_decode_exec(ARMCPU *cpu, uint32_t insn)
{
    CPUARMState *env = &cpu->env;
    uint64_t pc = env->pc;
    unsigned op0 = extract32(insn, 25, 4);
    bool branched;
    bool ok;

    /* Tests in order of frequency, cheaper than a jump table here. */
    if ((op0 & 0xe) == 0x8) {
        ok = a64_dp_imm(cpu, insn);
    } else if ((op0 & 0x7) == 0x5) {
        ok = a64_dp_reg(cpu, insn);
    } else if ((op0 & 0x5) == 0x4) {
        env->ldst_syndrome = 0;
        env->exception_taken = false;
        ok = a64_ldst(cpu, insn);
        if (ok && env->exception_taken) {
            return;
        }
    } else if ((op0 & 0xe) == 0xa) {
        env->exception_taken = false;
        ok = a64_branch_sys(cpu, insn, &branched);
        if (ok && (branched || env->exception_taken)) {
            return;
        }
    } else if ((op0 & 0x7) == 0x7) {
        /* SIMD and FP: the CPACR_EL1 trap, else not implemented yet. */
        env->exception_taken = false;
        if (!arm_fp_access_check(cpu)) {
            return;
        }
        ok = false;
    } else {
        /* Reserved, SME, SVE. */
        ok = false;
    }
    if (unlikely(!ok)) {
        arm_raise_undef(cpu);
        return;
    }
    env->pc = pc + 4;
}
