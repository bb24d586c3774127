/*
 * AArch64 exception entry and return, interrupt delivery.
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * With EL2 and EL3 absent every exception is taken to EL1, using the
 * vector table at VBAR_EL1: offset 0x000 from EL1 with SP_EL0, 0x200
 * from EL1 with SP_EL1, 0x400 from EL0; plus 0x80 for IRQ, 0x100 for
 * FIQ, 0x180 for SError.
 */
#include "qemu/osdep.h"
#include "qemu/log.h"
#include "qemu/main-loop.h"
#include "target/arm/internals.h"
#include "trace.h"

static const char *const arm_excp_names[] = {
    [EXCP_UDEF] = "Undefined Instruction",
    [EXCP_SWI] = "SVC",
    [EXCP_PREFETCH_ABORT] = "Prefetch Abort",
    [EXCP_DATA_ABORT] = "Data Abort",
    [EXCP_IRQ] = "IRQ",
    [EXCP_FIQ] = "FIQ",
    [EXCP_BKPT] = "Breakpoint",
    [EXCP_HVC] = "Hypervisor Call",
    [EXCP_SMC] = "Secure Monitor Call",
    [EXCP_VIRQ] = "Virtual IRQ",
    [EXCP_VFIQ] = "Virtual FIQ",
};

void arm_switch_sp(CPUARMState *env, uint32_t old_pstate)
{
    unsigned old_idx = arm_sp_el_index(old_pstate);
    unsigned new_idx = arm_sp_el_index(env->pstate);

    if (old_idx != new_idx) {
        env->sp_el[old_idx] = env->xregs[31];
        env->xregs[31] = env->sp_el[new_idx];
    }
}

void arm_cpu_log_exception(ARMCPU *cpu, int excp, unsigned from_el,
                           unsigned to_el, uint32_t esr, uint64_t elr)
{
    CPUARMState *env = &cpu->env;
    const char *name = "unknown";

    if (!qemu_loglevel_mask(CPU_LOG_INT)) {
        return;
    }
    if (excp >= 0 && excp < ARRAY_SIZE(arm_excp_names) &&
        arm_excp_names[excp]) {
        name = arm_excp_names[excp];
    }
    qemu_log("Taking exception %d [%s] on CPU %d\n"
             "...from EL%u to EL%u\n", excp, name, CPU(cpu)->cpu_index,
             from_el, to_el);
    if (excp != EXCP_IRQ && excp != EXCP_FIQ && excp != EXCP_VIRQ &&
        excp != EXCP_VFIQ) {
        qemu_log("...with ESR 0x%x/0x%" PRIx32 "\n",
                 esr >> ARM_EL_EC_SHIFT, esr);
    }
    if (excp == EXCP_DATA_ABORT || excp == EXCP_PREFETCH_ABORT) {
        qemu_log("...with FAR 0x%" PRIx64 "\n", env->cp15.far_el[1]);
    }
    qemu_log("...with ELR 0x%" PRIx64 "\n"
             "...to EL%u PC 0x%" PRIx64 " PSTATE 0x%x\n", elr, to_el,
             env->pc, pstate_read(env));
}

/* Enter @target_el at vector offset @offset, returning to @elr. */
static void arm_enter_exception(ARMCPU *cpu, int excp, unsigned offset,
                                uint64_t elr, uint32_t esr, bool set_esr,
                                unsigned target_el)
{
    CPUARMState *env = &cpu->env;
    uint32_t old_pstate = env->pstate;
    unsigned from_el = arm_current_el(env);

    assert(target_el == 1);
    if (from_el == target_el) {
        offset += (old_pstate & PSTATE_SP) ? 0x200 : 0;
    } else {
        offset += 0x400;
    }
    if (set_esr) {
        env->cp15.esr_el[1] = esr;
    }
    env->spsr_el[1] = pstate_read(env);
    env->elr_el[1] = elr;
    /* As QEMU, the flags read as zero in the handler. */
    env->nzcv = 0;
    env->pstate = PSTATE_DAIF | (target_el << PSTATE_EL_SHIFT) | PSTATE_SP;
    arm_switch_sp(env, old_pstate);
    env->pc = env->cp15.vbar_el[1] + offset;
    env->exception_taken = true;
    trace_arm_exception(excp, from_el, target_el, esr, elr, env->pc);
    arm_cpu_log_exception(cpu, excp, from_el, target_el, esr, elr);
}

void arm_raise_exception(ARMCPU *cpu, int excp, uint32_t syndrome,
                         uint64_t far, unsigned target_el)
{
    CPUARMState *env = &cpu->env;
    uint64_t elr = env->pc;

    switch (excp) {
    case EXCP_SWI:
    case EXCP_HVC:
    case EXCP_SMC:
        elr += 4;
        break;
    case EXCP_DATA_ABORT:
    case EXCP_PREFETCH_ABORT:
        env->cp15.far_el[1] = far;
        break;
    default:
        break;
    }
    arm_enter_exception(cpu, excp, 0, elr, syndrome, true, target_el);
}

void arm_raise_undef(ARMCPU *cpu)
{
    arm_raise_exception(cpu, EXCP_UDEF, syn_uncategorized(), 0, 1);
}

bool arm_take_interrupt(ARMCPU *cpu)
{
    CPUARMState *env = &cpu->env;
    uint32_t req = __atomic_load_n(&CPU(cpu)->interrupt_request,
                                   __ATOMIC_ACQUIRE);

    if ((req & CPU_INTERRUPT_FIQ) && !(env->pstate & PSTATE_F)) {
        arm_enter_exception(cpu, EXCP_FIQ, 0x100, env->pc, 0, false, 1);
        return true;
    }
    if ((req & CPU_INTERRUPT_HARD) && !(env->pstate & PSTATE_I)) {
        arm_enter_exception(cpu, EXCP_IRQ, 0x80, env->pc, 0, false, 1);
        return true;
    }
    return false;
}

void arm_exception_return(ARMCPU *cpu)
{
    CPUARMState *env = &cpu->env;
    uint32_t old_pstate = env->pstate;
    unsigned cur_el = arm_current_el(env);
    uint64_t spsr = env->spsr_el[1];
    uint64_t new_pc = env->elr_el[1];
    unsigned new_el = (spsr & PSTATE_EL_MASK) >> PSTATE_EL_SHIFT;
    bool illegal;

    /*
     * Returns to AArch32, to an EL above this one or not implemented,
     * or to EL0 with SP_ELx selected are illegal: PSTATE.IL is set and
     * EL and SP stay, the next instruction takes the Illegal State
     * exception.
     */
    illegal = (spsr & PSTATE_nRW) || new_el > cur_el || new_el > 1 ||
              (spsr & 2) || (new_el == 0 && (spsr & PSTATE_SP));
    arm_excl_clear(env);
    env->nzcv = spsr & PSTATE_NZCV;
    if (illegal) {
        env->pstate = (old_pstate & (PSTATE_EL_MASK | PSTATE_SP)) |
                      (spsr & PSTATE_DAIF) | PSTATE_IL;
    } else {
        env->pstate = spsr & (PSTATE_EL_MASK | PSTATE_SP | PSTATE_DAIF);
        arm_switch_sp(env, old_pstate);
    }
    env->pc = new_pc;
    env->exception_taken = true;
    trace_arm_exception_return(cur_el, arm_current_el(env), new_pc,
                               illegal);
    qemu_log_mask(CPU_LOG_INT, "Exception return from AArch64 EL%u to "
                  "AArch64 EL%u PC 0x%" PRIx64 "%s\n", cur_el,
                  arm_current_el(env), new_pc,
                  illegal ? " (illegal return)" : "");
    /* Interrupts may have been unmasked. */
    cpu_exit(CPU(cpu));
}
