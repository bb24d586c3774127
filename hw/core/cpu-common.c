/*
 * The generic CPU: the abstract TYPE_CPU, the CPU list, interrupt
 * requests and run control shared by every accelerator.
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * Run control: the CPU thread parks (cpu->stopped) whenever cpu->stop
 * is set, and sleeps while halted without work.  Both waits are on
 * cpu->halt_cond under cpu->lock; whoever changes what the thread
 * waits for kicks it.  Requests to leave the execution loop travel in
 * cpu->exit_request, read by the interpreter between instructions.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "qemu/main-loop.h"
#include "hw/core/cpu.h"

__thread CPUState *current_cpu;
CPUState *first_cpu;

static const AccelOpsClass *cpus_accel;

void cpus_register_accel(const AccelOpsClass *ops)
{
    cpus_accel = ops;
}

const AccelOpsClass *cpus_get_accel(void)
{
    return cpus_accel;
}

CPUState *qemu_get_cpu(int index)
{
    CPUState *cpu;

    CPU_FOREACH(cpu) {
        if (cpu->cpu_index == index) {
            return cpu;
        }
    }
    return NULL;
}

static void cpu_list_add(CPUState *cpu)
{
    CPUState **link = &first_cpu;
    int index = 0;

    while (*link) {
        index = MAX(index, (*link)->cpu_index + 1);
        link = &(*link)->next_cpu;
    }
    cpu->cpu_index = index;
    cpu->next_cpu = NULL;
    *link = cpu;
}

static void cpu_list_remove(CPUState *cpu)
{
    CPUState **link = &first_cpu;

    while (*link) {
        if (*link == cpu) {
            *link = cpu->next_cpu;
            return;
        }
        link = &(*link)->next_cpu;
    }
}

void cpu_exit(CPUState *cpu)
{
    __atomic_store_n(&cpu->exit_request, true, __ATOMIC_RELEASE);
}

void qemu_cpu_kick(CPUState *cpu)
{
    if (cpus_accel && cpus_accel->kick_vcpu_thread) {
        cpus_accel->kick_vcpu_thread(cpu);
        return;
    }
    qemu_mutex_lock(&cpu->lock);
    cpu_exit(cpu);
    qemu_cond_broadcast(&cpu->halt_cond);
    qemu_mutex_unlock(&cpu->lock);
}

void cpu_interrupt(CPUState *cpu, int mask)
{
    __atomic_fetch_or(&cpu->interrupt_request, (uint32_t)mask,
                      __ATOMIC_SEQ_CST);
    qemu_cpu_kick(cpu);
}

void cpu_reset_interrupt(CPUState *cpu, int mask)
{
    __atomic_fetch_and(&cpu->interrupt_request, ~(uint32_t)mask,
                       __ATOMIC_SEQ_CST);
}

bool cpu_has_work(CPUState *cpu)
{
    CPUClass *cc = CPU_GET_CLASS(cpu);

    return cc->has_work ? cc->has_work(cpu) : false;
}

void cpu_reset(CPUState *cpu)
{
    device_cold_reset(DEVICE(cpu));
}

void cpu_dump_state(CPUState *cpu, FILE *f, int flags)
{
    CPUClass *cc = CPU_GET_CLASS(cpu);

    if (cc->dump_state) {
        cc->dump_state(cpu, f, flags);
    }
}

CPUState *cpu_create(const char *typename)
{
    DeviceState *dev = qdev_new(typename);

    qdev_realize_and_unref(dev, NULL, &error_fatal);
    return CPU(dev);
}

bool cpu_is_stopped(CPUState *cpu)
{
    bool stopped;

    qemu_mutex_lock(&cpu->lock);
    stopped = cpu->thread == NULL || cpu->stopped;
    qemu_mutex_unlock(&cpu->lock);
    return stopped;
}

void cpu_stop_current(void)
{
    CPUState *cpu = current_cpu;

    if (cpu) {
        qemu_mutex_lock(&cpu->lock);
        cpu->stop = true;
        cpu_exit(cpu);
        qemu_mutex_unlock(&cpu->lock);
    }
}

void cpu_pause(CPUState *cpu)
{
    bool had_bql;

    if (cpu->thread == NULL) {
        return;
    }
    if (qemu_thread_is_self(cpu->thread)) {
        cpu_stop_current();
        return;
    }
    qemu_mutex_lock(&cpu->lock);
    cpu->stop = true;
    cpu_exit(cpu);
    qemu_cond_broadcast(&cpu->halt_cond);
    if (cpu->stopped) {
        qemu_mutex_unlock(&cpu->lock);
        return;
    }
    /* The CPU may be waiting for the BQL to finish a device access. */
    had_bql = bql_locked();
    if (had_bql) {
        bql_unlock();
    }
    while (!cpu->stopped) {
        qemu_cond_wait(&cpu->pause_cond, &cpu->lock);
    }
    qemu_mutex_unlock(&cpu->lock);
    if (had_bql) {
        bql_lock();
    }
}

void cpu_resume(CPUState *cpu)
{
    if (cpu->thread == NULL) {
        return;
    }
    qemu_mutex_lock(&cpu->lock);
    cpu->stop = false;
    qemu_cond_broadcast(&cpu->halt_cond);
    qemu_mutex_unlock(&cpu->lock);
}

void pause_all_vcpus(void)
{
    CPUState *cpu;

    CPU_FOREACH(cpu) {
        cpu_pause(cpu);
    }
}

void resume_all_vcpus(void)
{
    CPUState *cpu;

    CPU_FOREACH(cpu) {
        cpu_resume(cpu);
    }
}

void qemu_init_vcpu(CPUState *cpu)
{
    if (cpus_accel && cpus_accel->create_vcpu_thread) {
        cpus_accel->create_vcpu_thread(cpu);
    }
}

static void cpu_common_realize(DeviceState *dev, Error **errp)
{
    CPUState *cpu = CPU(dev);

    cpu_list_add(cpu);
    qemu_init_vcpu(cpu);
}

static void cpu_common_unrealize(DeviceState *dev)
{
    cpu_list_remove(CPU(dev));
}

static void cpu_common_init(Object *obj)
{
    CPUState *cpu = CPU(obj);

    cpu->cpu_index = -1;
    cpu->stop = true;
    cpu->stopped = true;
    qemu_mutex_init(&cpu->lock);
    qemu_cond_init(&cpu->halt_cond);
    qemu_cond_init(&cpu->pause_cond);
}

static void cpu_common_finalize(Object *obj)
{
    CPUState *cpu = CPU(obj);

    qemu_cond_destroy(&cpu->pause_cond);
    qemu_cond_destroy(&cpu->halt_cond);
    qemu_mutex_destroy(&cpu->lock);
}

static void cpu_common_class_init(ObjectClass *klass, const void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);

    dc->realize = cpu_common_realize;
    dc->unrealize = cpu_common_unrealize;
    dc->user_creatable = false;
}

static const TypeInfo cpu_types[] = {
    {
        .name = TYPE_CPU,
        .parent = TYPE_DEVICE,
        .abstract = true,
        .instance_size = sizeof(CPUState),
        .instance_init = cpu_common_init,
        .instance_finalize = cpu_common_finalize,
        .class_size = sizeof(CPUClass),
        .class_init = cpu_common_class_init,
    },
};
DEFINE_TYPES(cpu_types)
