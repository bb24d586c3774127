/*
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * The "tcg" accelerator: guest code runs in our own interpreter, one
 * host thread per CPU.  The name is QEMU's, so that QEMU command lines
 * (-accel tcg, -machine accel=tcg) work unchanged; nothing here
 * generates code.
 *
 * A CPU thread runs its CPU's exec hook without the big lock; the
 * target takes the lock for device accesses and interrupts come in
 * through cpu_interrupt().  The thread parks while the VM is stopped
 * (vm_stop, -S, the stop command) and sleeps while its CPU is halted
 * (WFI) until it has work.  The virtual clock is started and stopped
 * by vm_start/vm_stop.
 */
#include "qemu/osdep.h"
#include "qemu/accel.h"
#include "qemu/main-loop.h"
#include "hw/core/cpu.h"
#include "system/runstate.h"
#include "trace.h"

static bool tcg_allowed;

static void *tcg_cpu_thread_fn(void *arg)
{
    CPUState *cpu = arg;
    CPUClass *cc = CPU_GET_CLASS(cpu);
    uint64_t n;

    current_cpu = cpu;
    qemu_mutex_lock(&cpu->lock);
    cpu->thread_id = qemu_get_thread_id();
    cpu->created = true;
    qemu_cond_broadcast(&cpu->pause_cond);
    for (;;) {
        if (cpu->stop) {
            if (!cpu->stopped) {
                cpu->stopped = true;
                trace_tcg_cpu_parked(cpu->cpu_index);
            }
            qemu_cond_broadcast(&cpu->pause_cond);
            qemu_cond_wait(&cpu->halt_cond, &cpu->lock);
            continue;
        }
        if (cpu->stopped) {
            cpu->stopped = false;
            trace_tcg_cpu_running(cpu->cpu_index);
        }
        if (cpu->halted) {
            if (!cpu_has_work(cpu)) {
                qemu_cond_wait(&cpu->halt_cond, &cpu->lock);
                continue;
            }
            cpu->halted = 0;
        }
        __atomic_store_n(&cpu->exit_request, false, __ATOMIC_RELEASE);
        qemu_mutex_unlock(&cpu->lock);
        n = cc->exec(cpu, UINT64_MAX);
        trace_tcg_cpu_exec_exit(cpu->cpu_index, n);
        qemu_mutex_lock(&cpu->lock);
    }
    return NULL;
}

static void tcg_create_vcpu_thread(CPUState *cpu)
{
    g_autofree char *name = g_strdup_printf("CPU %d/TCG", cpu->cpu_index);

    cpu->thread = g_new0(QemuThread, 1);
    qemu_thread_create(cpu->thread, name, tcg_cpu_thread_fn, cpu,
                       QEMU_THREAD_DETACHED);
}

static const AccelOpsClass tcg_accel_ops = {
    .create_vcpu_thread = tcg_create_vcpu_thread,
};

/* The VM starts or stops: CPU threads follow. */
static void tcg_vm_state_change(void *opaque, bool running, RunState state)
{
    CPUState *cpu;

    if (!running) {
        pause_all_vcpus();
        return;
    }
    CPU_FOREACH(cpu) {
        CPUClass *cc = CPU_GET_CLASS(cpu);

        cpu_pause(cpu);
        if (cc->vm_resume) {
            cc->vm_resume(cpu);
        }
    }
    resume_all_vcpus();
}

/* Usable where some CPU model can be interpreted. */
static bool tcg_have_cpu_models(void)
{
    GSList *list = object_class_get_list(TYPE_CPU, false);
    bool found = false;
    GSList *l;

    for (l = list; l; l = l->next) {
        if (CPU_CLASS(l->data)->exec) {
            found = true;
        }
    }
    g_slist_free(list);
    return found;
}

static int tcg_init_machine(AccelState *as, MachineState *ms)
{
    if (!tcg_have_cpu_models()) {
        return -ENOTSUP;
    }
    cpus_register_accel(&tcg_accel_ops);
    qemu_add_vm_change_state_handler(tcg_vm_state_change, NULL);
    return 0;
}

static void tcg_accel_class_init(ObjectClass *oc, const void *data)
{
    AccelClass *ac = ACCEL_CLASS(oc);

    ac->name = "tcg";
    ac->init_machine = tcg_init_machine;
    ac->allowed = &tcg_allowed;
}

static const TypeInfo tcg_accel_types[] = {
    {
        .name = ACCEL_CLASS_NAME("tcg"),
        .parent = TYPE_ACCEL,
        .class_init = tcg_accel_class_init,
    },
};
DEFINE_TYPES(tcg_accel_types)
