/*
 * The generic CPU: CPUState, CPUClass and the CPU list.
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * A CPU is a device (TYPE_CPU, abstract) that a board creates, realizes
 * and wires like any other.  Target models (target/<arch>/) subclass it
 * and fill the CPUClass hooks; an accelerator (accel/) registers its
 * AccelOpsClass and then owns the thread that runs each CPU.  Without
 * registered accelerator ops (the qtest accelerator) CPU objects exist
 * but never execute.
 *
 * Threading: the fields marked "atomic" may be read and written from any
 * thread; the others belong to the CPU's own thread while it runs and
 * to whoever holds the BQL while it is parked (cpu_pause).
 */
#ifndef HW_CORE_CPU_H
#define HW_CORE_CPU_H

#include "hw/core/qdev.h"
#include "qemu/thread.h"

/* A guest virtual address. */
typedef uint64_t vaddr;
#define VADDR_PRIx PRIx64

#define TYPE_CPU "cpu"
OBJECT_DECLARE_TYPE(CPUState, CPUClass, CPU)

/*
 * interrupt_request bits, with QEMU's values.  Targets alias the
 * CPU_INTERRUPT_TGT_EXT_* bits (Arm: FIQ is TGT_EXT_1, VIRQ TGT_EXT_2,
 * VFIQ TGT_EXT_3).
 */
#define CPU_INTERRUPT_HARD          0x0002  /* the IRQ line is asserted */
#define CPU_INTERRUPT_EXITTB        0x0004  /* leave the execution loop */
#define CPU_INTERRUPT_TGT_EXT_0     0x0008
#define CPU_INTERRUPT_TGT_EXT_1     0x0010
#define CPU_INTERRUPT_HALT          0x0020  /* halt the CPU */
#define CPU_INTERRUPT_TGT_EXT_2     0x0040
#define CPU_INTERRUPT_DEBUG         0x0080
#define CPU_INTERRUPT_TGT_EXT_3     0x0200
#define CPU_INTERRUPT_RESET         0x0400
#define CPU_INTERRUPT_TGT_EXT_4     0x1000

/* cpu_dump_state() flags. */
#define CPU_DUMP_CODE   0x00010000
#define CPU_DUMP_FPU    0x00020000

struct CPUClass {
    DeviceClass parent_class;

    DeviceRealize parent_realize;

    /**
     * has_work: true when a halted CPU should wake (an interrupt it
     * would take, or one that ends WFI even while masked).
     */
    bool (*has_work)(CPUState *cpu);
    /**
     * exec: run guest code until cpu->exit_request is set, the CPU
     * halts (cpu->halted), or @budget instructions have executed.
     * Called on the CPU thread without the BQL; returns the number of
     * instructions executed.  Pending interrupts are taken inside, at
     * instruction boundaries.
     */
    uint64_t (*exec)(CPUState *cpu, uint64_t budget);
    /** set_pc: move the program counter (boot code, debuggers). */
    void (*set_pc)(CPUState *cpu, vaddr pc);
    /** get_pc: the program counter. */
    vaddr (*get_pc)(CPUState *cpu);
    /** dump_state: the "-d cpu" / "info registers" register dump. */
    void (*dump_state)(CPUState *cpu, FILE *f, int flags);
    /**
     * vm_resume: the VM is about to run again (the CPU is parked): drop
     * state cached from a memory map that may have changed meanwhile.
     */
    void (*vm_resume)(CPUState *cpu);
    /**
     * disas_insn: append the disassembly of @insn at @pc to @out (for
     * -d in_asm); NULL prints the raw encoding only.
     */
    void (*disas_insn)(CPUState *cpu, vaddr pc, uint32_t insn, GString *out);
};

struct CPUState {
    DeviceState parent_obj;

    int cpu_index;              /* 0.. in creation order */
    CPUState *next_cpu;         /* the CPU list, see CPU_FOREACH */

    /* Interrupts and requests (atomic). */
    uint32_t interrupt_request;
    bool exit_request;          /* leave exec() at the next boundary */

    /* Run control (cpu->lock guards these and the conditions). */
    QemuMutex lock;
    QemuCond halt_cond;         /* the CPU thread waits here */
    QemuCond pause_cond;        /* cpu_pause waits here */
    QemuThread *thread;         /* NULL until an accelerator runs it */
    int thread_id;
    bool created;               /* the thread exists and is parked */
    bool stop;                  /* park at the next boundary */
    bool stopped;               /* parked (or never started) */
    uint32_t halted;            /* WFI or powered off: waits for work */
    bool powered_off;           /* PSCI CPU_OFF / SYSTEM_OFF: no wake */

    /* Statistics: guest instructions executed (CPU thread only). */
    uint64_t insns_executed;

    /* Target state follows in the subclass (ARMCPU.env). */
};

/**
 * current_cpu: the CPU whose thread is running (or whose access is being
 * dispatched); NULL in every other thread.
 */
extern __thread CPUState *current_cpu;

/** first_cpu: the head of the CPU list (NULL when there is no CPU). */
extern CPUState *first_cpu;

/** CPU_FOREACH: iterate @cpu over every realized CPU, by cpu_index. */
#define CPU_FOREACH(cpu) \
    for ((cpu) = first_cpu; (cpu) != NULL; (cpu) = (cpu)->next_cpu)

/**
 * qemu_get_cpu: the CPU with @index.
 * Returns: it, or NULL when there is none.
 */
CPUState *qemu_get_cpu(int index);

/**
 * cpu_interrupt: assert the request bits @mask and kick the CPU so that
 * it notices at its next instruction boundary (or wakes from WFI).
 * Any thread.
 */
void cpu_interrupt(CPUState *cpu, int mask);

/** cpu_reset_interrupt: clear the request bits @mask.  Any thread. */
void cpu_reset_interrupt(CPUState *cpu, int mask);

/**
 * cpu_exit: make the CPU leave exec() at its next instruction boundary
 * (the accelerator loop then looks at stop requests and halts).
 */
void cpu_exit(CPUState *cpu);

/** qemu_cpu_kick: cpu_exit() and wake the CPU thread if it sleeps. */
void qemu_cpu_kick(CPUState *cpu);

/**
 * cpu_has_work: the class's has_work hook (false without one).
 */
bool cpu_has_work(CPUState *cpu);

/** cpu_reset: a cold reset of @cpu (its Resettable phases). */
void cpu_reset(CPUState *cpu);

/** cpu_dump_state: the register dump through the class hook. */
void cpu_dump_state(CPUState *cpu, FILE *f, int flags);

/**
 * cpu_create: qdev_new(@typename) + realize, exiting on error.
 * Returns: the new CPU.
 */
CPUState *cpu_create(const char *typename);

/**
 * cpu_is_stopped: true while the CPU is parked by cpu_pause / vm_stop,
 * or when no accelerator thread runs it.
 */
bool cpu_is_stopped(CPUState *cpu);

/**
 * cpu_pause / cpu_resume: park @cpu at an instruction boundary and wait
 * until it is parked; let it run again.  Called with the BQL held (the
 * BQL is dropped while waiting, so that a CPU blocked on it in a device
 * access can finish that access).  No-ops without a CPU thread.
 */
void cpu_pause(CPUState *cpu);
void cpu_resume(CPUState *cpu);

/**
 * pause_all_vcpus / resume_all_vcpus: cpu_pause / cpu_resume on every
 * CPU (callers resume only while the VM runs).
 */
void pause_all_vcpus(void);
void resume_all_vcpus(void);

/**
 * cpu_stop_current: from the CPU's own thread: park it after the
 * current instruction (used after a shutdown or reset request).
 */
void cpu_stop_current(void);

/**
 * AccelOpsClass: what an accelerator that runs guest code provides.
 * @create_vcpu_thread: start the thread for a realized CPU (it must
 *   park until cpu->stop is cleared by resume).
 * @kick_vcpu_thread: wake the thread (default: signal halt_cond).
 */
typedef struct AccelOpsClass {
    void (*create_vcpu_thread)(CPUState *cpu);
    void (*kick_vcpu_thread)(CPUState *cpu);
} AccelOpsClass;

/**
 * cpus_register_accel: install the accelerator's ops; called by its
 * init_machine (before the board creates CPUs).  NULL ops (the qtest
 * accelerator registers none): CPUs are created but never run.
 */
void cpus_register_accel(const AccelOpsClass *ops);

/** cpus_get_accel: the registered ops, or NULL. */
const AccelOpsClass *cpus_get_accel(void);

/**
 * qemu_init_vcpu: called by realize of every CPU: start its thread
 * through the registered accelerator ops, if any.
 */
void qemu_init_vcpu(CPUState *cpu);

#endif
