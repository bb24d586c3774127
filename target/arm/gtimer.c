/*
 * The ARM generic timer: the system counter and the EL1 physical and
 * virtual timers, on QEMU_CLOCK_VIRTUAL.
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * The counter ticks once per (10^9 / cntfrq) ns of virtual time: 62.5
 * MHz by default, as QEMU 7.2.  A timer's condition is met when the
 * count reaches CVAL; its output (gpio-out GTIMER_*) is ENABLE &&
 * condition && !IMASK, and a QEMUTimer re-evaluates it at the deadline.
 * Every hook here runs with the BQL held (the registers are of type
 * ARM_SR_TYPE_IO), so timer callbacks and register accesses never race.
 * The hypervisor and secure timers exist as outputs only.
 */
#include "qemu/osdep.h"
#include "qemu/main-loop.h"
#include "hw/core/irq.h"
#include "target/arm/internals.h"
#include "trace.h"

static uint64_t arm_gt_period_ns(ARMCPU *cpu)
{
    return NANOSECONDS_PER_SECOND / cpu->cntfrq_hz;
}

uint64_t arm_gt_counter(ARMCPU *cpu)
{
    return qemu_clock_get_ns(QEMU_CLOCK_VIRTUAL) / arm_gt_period_ns(cpu);
}

/* The count a timer compares with: CNTPCT or CNTVCT. */
static uint64_t arm_gt_count(ARMCPU *cpu, int idx)
{
    uint64_t count = arm_gt_counter(cpu);

    return idx == GTIMER_VIRT ? count - cpu->env.cp15.cntvoff_el2 : count;
}

void arm_gt_update(ARMCPU *cpu, int idx)
{
    ARMGenericTimer *gt = &cpu->env.cp15.c14_timer[idx];
    uint64_t period = arm_gt_period_ns(cpu);
    uint64_t offset = idx == GTIMER_VIRT ? cpu->env.cp15.cntvoff_el2 : 0;
    uint64_t count;
    bool istatus;
    bool level;

    if (!(gt->ctl & GTIMER_CTL_ENABLE)) {
        gt->ctl &= ~GTIMER_CTL_ISTATUS;
        qemu_set_irq(cpu->gt_timer_outputs[idx], 0);
        timer_del(&cpu->gt_timer[idx]);
        trace_arm_gt_recalc_disabled(idx);
        return;
    }
    count = arm_gt_count(cpu, idx);
    istatus = count >= gt->cval;
    level = istatus && !(gt->ctl & GTIMER_CTL_IMASK);
    gt->ctl = istatus ? gt->ctl | GTIMER_CTL_ISTATUS
                      : gt->ctl & ~GTIMER_CTL_ISTATUS;
    qemu_set_irq(cpu->gt_timer_outputs[idx], level);
    if (istatus) {
        /* The condition holds until CVAL or the control changes. */
        timer_del(&cpu->gt_timer[idx]);
        trace_arm_gt_recalc(idx, level, UINT64_MAX);
        return;
    }
    /* Far deadlines are capped; the callback re-arms for the rest. */
    if (gt->cval + offset > INT64_MAX / period ||
        gt->cval + offset < gt->cval) {
        timer_mod_ns(&cpu->gt_timer[idx], INT64_MAX);
    } else {
        timer_mod_ns(&cpu->gt_timer[idx], (gt->cval + offset) * period);
    }
    trace_arm_gt_recalc(idx, level, gt->cval + offset);
}

void arm_gt_update_all(ARMCPU *cpu)
{
    int i;

    for (i = 0; i < NUM_GTIMERS; i++) {
        arm_gt_update(cpu, i);
    }
}

static void arm_gt_ptimer_cb(void *opaque)
{
    arm_gt_update(opaque, GTIMER_PHYS);
}

static void arm_gt_vtimer_cb(void *opaque)
{
    arm_gt_update(opaque, GTIMER_VIRT);
}

static void arm_gt_htimer_cb(void *opaque)
{
    arm_gt_update(opaque, GTIMER_HYP);
}

static void arm_gt_stimer_cb(void *opaque)
{
    arm_gt_update(opaque, GTIMER_SEC);
}

void arm_gt_init(ARMCPU *cpu)
{
    static QEMUTimerCB *const cbs[NUM_GTIMERS] = {
        [GTIMER_PHYS] = arm_gt_ptimer_cb,
        [GTIMER_VIRT] = arm_gt_vtimer_cb,
        [GTIMER_HYP] = arm_gt_htimer_cb,
        [GTIMER_SEC] = arm_gt_stimer_cb,
    };
    int i;

    for (i = 0; i < NUM_GTIMERS; i++) {
        timer_init_ns(&cpu->gt_timer[i], QEMU_CLOCK_VIRTUAL, cbs[i], cpu);
    }
}

uint64_t arm_gt_cnt_read(CPUARMState *env, const ARMSysReg *ri)
{
    return arm_gt_count(env_archcpu(env), ri->opaque);
}

uint64_t arm_gt_cval_read(CPUARMState *env, const ARMSysReg *ri)
{
    return env->cp15.c14_timer[ri->opaque].cval;
}

void arm_gt_cval_write(CPUARMState *env, const ARMSysReg *ri, uint64_t v)
{
    trace_arm_gt_cval_write(ri->opaque, v);
    env->cp15.c14_timer[ri->opaque].cval = v;
    arm_gt_update(env_archcpu(env), ri->opaque);
}

/* TVAL is the signed 32-bit distance from the count to CVAL. */
uint64_t arm_gt_tval_read(CPUARMState *env, const ARMSysReg *ri)
{
    ARMCPU *cpu = env_archcpu(env);

    return (uint32_t)(env->cp15.c14_timer[ri->opaque].cval -
                      arm_gt_count(cpu, ri->opaque));
}

void arm_gt_tval_write(CPUARMState *env, const ARMSysReg *ri, uint64_t v)
{
    ARMCPU *cpu = env_archcpu(env);

    trace_arm_gt_tval_write(ri->opaque, v);
    env->cp15.c14_timer[ri->opaque].cval = arm_gt_count(cpu, ri->opaque) +
                                            (int64_t)(int32_t)v;
    arm_gt_update(cpu, ri->opaque);
}

uint64_t arm_gt_ctl_read(CPUARMState *env, const ARMSysReg *ri)
{
    ARMCPU *cpu = env_archcpu(env);

    /* ISTATUS follows the count even between deadlines. */
    arm_gt_update(cpu, ri->opaque);
    return env->cp15.c14_timer[ri->opaque].ctl;
}

void arm_gt_ctl_write(CPUARMState *env, const ARMSysReg *ri, uint64_t v)
{
    ARMGenericTimer *gt = &env->cp15.c14_timer[ri->opaque];

    trace_arm_gt_ctl_write(ri->opaque, v);
    gt->ctl = (gt->ctl & GTIMER_CTL_ISTATUS) |
              (v & (GTIMER_CTL_ENABLE | GTIMER_CTL_IMASK));
    arm_gt_update(env_archcpu(env), ri->opaque);
}
