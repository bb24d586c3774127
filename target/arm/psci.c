/*
 * PSCI (Power State Coordination Interface) calls over HVC or SMC, the
 * firmware interface QEMU emulates for guests booted without firmware.
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * Function IDs and return codes follow the PSCI specification (DEN0022).
 * Implemented as QEMU's virt with one CPU: SYSTEM_OFF and SYSTEM_RESET
 * become shutdown and reset requests, CPU_ON finds no CPU to start,
 * CPU_SUSPEND is a WFI, CPU_OFF powers the CPU off.
 */
#include "qemu/osdep.h"
#include "qemu/log.h"
#include "qemu/main-loop.h"
#include "system/runstate.h"
#include "target/arm/internals.h"
#include "trace.h"

#define PSCI_FN_BASE            0x84000000
#define PSCI_FN64_BASE          0xc4000000
#define PSCI_FN(n)              (PSCI_FN_BASE + (n))
#define PSCI_FN64(n)            (PSCI_FN64_BASE + (n))

#define PSCI_FN_PSCI_VERSION    PSCI_FN(0)
#define PSCI_FN_CPU_SUSPEND     PSCI_FN(1)
#define PSCI_FN_CPU_OFF         PSCI_FN(2)
#define PSCI_FN_CPU_ON          PSCI_FN(3)
#define PSCI_FN_AFFINITY_INFO   PSCI_FN(4)
#define PSCI_FN_MIGRATE         PSCI_FN(5)
#define PSCI_FN_MIGRATE_INFO_TYPE PSCI_FN(6)
#define PSCI_FN_MIGRATE_INFO_UP_CPU PSCI_FN(7)
#define PSCI_FN_SYSTEM_OFF      PSCI_FN(8)
#define PSCI_FN_SYSTEM_RESET    PSCI_FN(9)
#define PSCI_FN_PSCI_FEATURES   PSCI_FN(10)
#define PSCI_FN64_CPU_SUSPEND   PSCI_FN64(1)
#define PSCI_FN64_CPU_ON        PSCI_FN64(3)
#define PSCI_FN64_AFFINITY_INFO PSCI_FN64(4)
#define PSCI_FN64_MIGRATE       PSCI_FN64(5)

#define PSCI_RET_SUCCESS            0
#define PSCI_RET_NOT_SUPPORTED      -1
#define PSCI_RET_INVALID_PARAMS     -2
#define PSCI_RET_DENIED             -3
#define PSCI_RET_ALREADY_ON         -4

/* PSCI 1.1, as QEMU 7.2's virt reports. */
#define PSCI_VERSION_1_1        0x10001

/* Migration type: no Trusted OS is present. */
#define PSCI_MIGRATE_NO_TOS     2

static bool arm_psci_fn_known(uint32_t fn)
{
    switch (fn) {
    case PSCI_FN_PSCI_VERSION:
    case PSCI_FN_CPU_SUSPEND:
    case PSCI_FN64_CPU_SUSPEND:
    case PSCI_FN_CPU_OFF:
    case PSCI_FN_CPU_ON:
    case PSCI_FN64_CPU_ON:
    case PSCI_FN_AFFINITY_INFO:
    case PSCI_FN64_AFFINITY_INFO:
    case PSCI_FN_MIGRATE:
    case PSCI_FN64_MIGRATE:
    case PSCI_FN_MIGRATE_INFO_TYPE:
    case PSCI_FN_SYSTEM_OFF:
    case PSCI_FN_SYSTEM_RESET:
    case PSCI_FN_PSCI_FEATURES:
        return true;
    default:
        return false;
    }
}

/*
 * As QEMU 7.2, every call on the conduit is a PSCI call; an unknown
 * function returns NOT_SUPPORTED.
 */
bool arm_is_psci_call(ARMCPU *cpu, int excp)
{
    return (excp == EXCP_HVC &&
            cpu->psci_conduit == QEMU_PSCI_CONDUIT_HVC) ||
           (excp == EXCP_SMC &&
            cpu->psci_conduit == QEMU_PSCI_CONDUIT_SMC);
}

/* The CPU whose MPIDR affinity fields are @mpidr, or NULL. */
static CPUState *arm_psci_find_cpu(uint64_t mpidr)
{
    CPUState *cs;

    CPU_FOREACH(cs) {
        if ((ARM_CPU(cs)->mp_affinity & 0xff00ffffffULL) ==
            (mpidr & 0xff00ffffffULL)) {
            return cs;
        }
    }
    return NULL;
}

/* Power this CPU off: no more instructions until a reset. */
static void arm_psci_power_off(ARMCPU *cpu)
{
    CPUState *cs = CPU(cpu);

    cs->powered_off = true;
    cs->halted = 1;
    cpu_exit(cs);
}

void arm_handle_psci_call(ARMCPU *cpu)
{
    CPUARMState *env = &cpu->env;
    uint64_t fn = env->xregs[0];
    uint64_t x1 = env->xregs[1], x2 = env->xregs[2], x3 = env->xregs[3];
    CPUState *target;
    int64_t ret = PSCI_RET_SUCCESS;
    bool locked;

    qemu_log_mask(CPU_LOG_INT, "...handled as PSCI call\n");
    if (!(fn & 0x40000000)) {
        /* SMC32/HVC32 calling convention: 32-bit arguments. */
        x1 = (uint32_t)x1;
        x2 = (uint32_t)x2;
        x3 = (uint32_t)x3;
    }
    switch (fn) {
    case PSCI_FN_PSCI_VERSION:
        ret = PSCI_VERSION_1_1;
        break;
    case PSCI_FN_MIGRATE_INFO_TYPE:
        ret = PSCI_MIGRATE_NO_TOS;
        break;
    case PSCI_FN_AFFINITY_INFO:
    case PSCI_FN64_AFFINITY_INFO:
        target = arm_psci_find_cpu(x1);
        if (x2 != 0 || target == NULL) {
            ret = PSCI_RET_INVALID_PARAMS;
        } else {
            ret = target->powered_off ? 1 : 0;
        }
        break;
    case PSCI_FN_CPU_ON:
    case PSCI_FN64_CPU_ON:
        /* One CPU: the only one that exists is already on. */
        target = arm_psci_find_cpu(x1);
        ret = target ? PSCI_RET_ALREADY_ON : PSCI_RET_INVALID_PARAMS;
        break;
    case PSCI_FN_CPU_OFF:
        arm_psci_power_off(cpu);
        ret = PSCI_RET_DENIED;
        break;
    case PSCI_FN_CPU_SUSPEND:
    case PSCI_FN64_CPU_SUSPEND:
        /* No power states: a standby, woken by any interrupt. */
        if (x1 & 0xfffe0000) {
            ret = PSCI_RET_INVALID_PARAMS;
            break;
        }
        if (!CPU_GET_CLASS(cpu)->has_work(CPU(cpu))) {
            CPU(cpu)->halted = 1;
            cpu_exit(CPU(cpu));
        }
        break;
    case PSCI_FN_SYSTEM_OFF:
        locked = arm_bql_lock();
        qemu_system_shutdown_request(SHUTDOWN_CAUSE_GUEST_SHUTDOWN);
        arm_bql_unlock(locked);
        arm_psci_power_off(cpu);
        cpu_stop_current();
        break;
    case PSCI_FN_SYSTEM_RESET:
        locked = arm_bql_lock();
        qemu_system_reset_request(SHUTDOWN_CAUSE_GUEST_RESET);
        arm_bql_unlock(locked);
        arm_psci_power_off(cpu);
        cpu_stop_current();
        break;
    case PSCI_FN_PSCI_FEATURES:
        ret = (x1 >> 32) == 0 && arm_psci_fn_known(x1) &&
              x1 != PSCI_FN_MIGRATE && x1 != PSCI_FN64_MIGRATE
              ? PSCI_RET_SUCCESS : PSCI_RET_NOT_SUPPORTED;
        break;
    case PSCI_FN_MIGRATE:
    case PSCI_FN64_MIGRATE:
    default:
        ret = PSCI_RET_NOT_SUPPORTED;
        break;
    }
    trace_arm_psci_call(fn, x1, x2, x3, ret);
    env->xregs[0] = ret;
}
