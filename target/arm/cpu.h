/*
 * The AArch64 CPU: ARMCPU, CPUARMState and the CPU models.
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * An ARMv8.0-A CPU with EL0 and EL1 in AArch64 state only, run by an
 * interpreter (target/arm/README.md).  Models: "cortex-a57-arm-cpu" and
 * "max-arm-cpu" (the same CPU for now).  Interface for boards:
 * gpio-in ARM_CPU_IRQ/FIQ/VIRQ/VFIQ (level), gpio-out 0..NUM_GTIMERS-1
 * the generic timer outputs (GTIMER_*), properties "psci-conduit",
 * "rvbar", "mp-affinity", "start-powered-off", "cntfrq".
 */
#ifndef TARGET_ARM_CPU_H
#define TARGET_ARM_CPU_H

#include "hw/core/cpu.h"
#include "qemu/timer.h"

#define TYPE_ARM_CPU "arm-cpu"
OBJECT_DECLARE_TYPE(ARMCPU, ARMCPUClass, ARM_CPU)

#define ARM_CPU_TYPE_SUFFIX "-" TYPE_ARM_CPU
#define ARM_CPU_TYPE_NAME(name) (name ARM_CPU_TYPE_SUFFIX)

/* GPIO inputs of the CPU, as QEMU numbers them. */
#define ARM_CPU_IRQ     0
#define ARM_CPU_FIQ     1
#define ARM_CPU_VIRQ    2
#define ARM_CPU_VFIQ    3

/* interrupt_request bits beyond CPU_INTERRUPT_HARD (the IRQ line). */
#define CPU_INTERRUPT_FIQ   CPU_INTERRUPT_TGT_EXT_1
#define CPU_INTERRUPT_VIRQ  CPU_INTERRUPT_TGT_EXT_2
#define CPU_INTERRUPT_VFIQ  CPU_INTERRUPT_TGT_EXT_3

/* Generic timers: index of the gpio-out line and of c14_timer[]. */
#define GTIMER_PHYS     0
#define GTIMER_VIRT     1
#define GTIMER_HYP      2
#define GTIMER_SEC      3
#define NUM_GTIMERS     4

/* QEMU 7.2's counter: one tick per 16 ns of virtual time, 62.5 MHz. */
#define GTIMER_SCALE    16
#define ARM_DEFAULT_CNTFRQ (NANOSECONDS_PER_SECOND / GTIMER_SCALE)

/* "psci-conduit" values, QEMU's. */
#define QEMU_PSCI_CONDUIT_DISABLED  0
#define QEMU_PSCI_CONDUIT_SMC       1
#define QEMU_PSCI_CONDUIT_HVC       2

/*
 * Exception numbers (cs->exception_index in QEMU; the numbers -d int
 * prints as "Taking exception N [NAME]").
 */
#define EXCP_UDEF            1
#define EXCP_SWI             2   /* SVC */
#define EXCP_PREFETCH_ABORT  3
#define EXCP_DATA_ABORT      4
#define EXCP_IRQ             5
#define EXCP_FIQ             6
#define EXCP_BKPT            7
#define EXCP_HVC            11
#define EXCP_SMC            13
#define EXCP_VIRQ           14
#define EXCP_VFIQ           15
#define EXCP_UNALIGNED      22   /* alignment faults are data aborts */

/* PSTATE bits (SPSR layout).  NZCV live in env->nzcv, the rest here. */
#define PSTATE_SP       (1U << 0)       /* SPSel: 1 = SP_ELx */
#define PSTATE_EL_SHIFT 2
#define PSTATE_EL_MASK  (3U << 2)
#define PSTATE_nRW      (1U << 4)       /* 0: AArch64 */
#define PSTATE_F        (1U << 6)
#define PSTATE_I        (1U << 7)
#define PSTATE_A        (1U << 8)
#define PSTATE_D        (1U << 9)
#define PSTATE_DAIF     (PSTATE_D | PSTATE_A | PSTATE_I | PSTATE_F)
#define PSTATE_IL       (1U << 20)
#define PSTATE_SS       (1U << 21)
#define PSTATE_PAN      (1U << 22)
#define PSTATE_V        (1U << 28)
#define PSTATE_C        (1U << 29)
#define PSTATE_Z        (1U << 30)
#define PSTATE_N        (1U << 31)
#define PSTATE_NZCV     (PSTATE_N | PSTATE_Z | PSTATE_C | PSTATE_V)

/* Modes as PSTATE.M[3:0] (with nRW = 0). */
#define PSTATE_MODE_EL0t 0x0
#define PSTATE_MODE_EL1t 0x4
#define PSTATE_MODE_EL1h 0x5

/* SCTLR_EL1 bits the CPU acts on. */
#define SCTLR_M         (1ULL << 0)     /* stage 1 MMU enable */
#define SCTLR_A         (1ULL << 1)     /* alignment checking */
#define SCTLR_C         (1ULL << 2)
#define SCTLR_SA        (1ULL << 3)
#define SCTLR_SA0       (1ULL << 4)
#define SCTLR_I         (1ULL << 12)
#define SCTLR_DZE       (1ULL << 14)    /* EL0 may use DC ZVA */
#define SCTLR_UCT       (1ULL << 15)    /* EL0 may read CTR_EL0 */
#define SCTLR_nTWI      (1ULL << 16)    /* EL0 WFI not trapped */
#define SCTLR_nTWE      (1ULL << 18)
#define SCTLR_WXN       (1ULL << 19)
#define SCTLR_EE        (1ULL << 25)
#define SCTLR_UCI       (1ULL << 26)    /* EL0 cache maintenance */

/* CNT*_CTL bits. */
#define GTIMER_CTL_ENABLE   (1U << 0)
#define GTIMER_CTL_IMASK    (1U << 1)
#define GTIMER_CTL_ISTATUS  (1U << 2)

/* One generic timer's registers. */
typedef struct ARMGenericTimer {
    uint64_t cval;              /* CompareValue, in counter ticks */
    uint64_t ctl;               /* ENABLE, IMASK; ISTATUS is derived */
} ARMGenericTimer;

/*
 * Number of entries per translation regime in the software TLB, and the
 * regimes (the EL whose permissions apply): index 0 for EL0 and
 * unprivileged (LDTR/STTR) accesses, 1 for EL1.
 */
#define ARM_TLB_BITS        8
#define ARM_TLB_SIZE        (1 << ARM_TLB_BITS)
#define ARM_MMU_IDX_EL0     0
#define ARM_MMU_IDX_EL1     1
#define ARM_MMU_IDX_COUNT   2

#define ARM_PAGE_BITS       12
#define ARM_PAGE_SIZE       (1ULL << ARM_PAGE_BITS)
#define ARM_PAGE_MASK       (~(ARM_PAGE_SIZE - 1))

/*
 * A software TLB entry: the page's virtual address tag per access kind
 * (ARM_TLB_INVALID when that access must take the slow path), and the
 * host address of the page when it is RAM (host = va + addend).
 */
#define ARM_TLB_INVALID     (~0ULL)
typedef struct ARMTLBEntry {
    uint64_t tag_read;
    uint64_t tag_write;
    uint64_t tag_exec;
    uintptr_t addend;
} ARMTLBEntry;

typedef struct CPUARMState {
    /* General purpose registers: xregs[31] is the current SP. */
    uint64_t xregs[32];
    /*
     * The address of the instruction being executed (between
     * instructions: the next one).  Only the dispatcher, branches and
     * exception entry/return write it (internals.h).
     */
    uint64_t pc;
    uint32_t nzcv;              /* PSTATE.NZCV in bits 31:28 */
    uint32_t pstate;            /* PSTATE except NZCV: SPSel, EL, DAIF */
    uint64_t sp_el[2];          /* SP_EL0, SP_EL1 while not selected */
    uint64_t elr_el[2];         /* ELR_EL1 at [1] */
    uint64_t spsr_el[2];        /* SPSR_EL1 at [1] */

    /* Exclusive monitor: exclusive_addr is -1 when open. */
    uint64_t exclusive_addr;
    uint64_t exclusive_val;
    uint64_t exclusive_high;
    uint32_t exclusive_size;    /* bytes covered (1..16) */

    /* Set by exception entry during an instruction (internals.h). */
    bool exception_taken;

    /*
     * ISS bits a data abort reports for the current load/store
     * (arm_set_ldst_syndrome), 0 when the syndrome is not valid.
     */
    uint32_t ldst_syndrome;

    /* System registers (the table in sysreg.c holds their metadata). */
    struct {
        uint64_t sctlr_el[2];
        uint64_t actlr_el[2];
        uint64_t cpacr_el1;
        uint64_t ttbr0_el[2];
        uint64_t ttbr1_el[2];
        uint64_t tcr_el[2];
        uint64_t mair_el[2];
        uint64_t amair_el[2];
        uint64_t vbar_el[2];
        uint64_t esr_el[2];
        uint64_t far_el[2];
        uint64_t afsr0_el[2];
        uint64_t afsr1_el[2];
        uint64_t par_el[2];
        uint64_t contextidr_el[2];
        uint64_t tpidr_el[2];       /* TPIDR_EL0, TPIDR_EL1 */
        uint64_t tpidrro_el0;
        uint64_t csselr_el1;
        uint64_t mdscr_el1;
        uint64_t oslsr_el1;
        uint64_t osdlr_el1;
        uint64_t mdccint_el1;
        uint64_t dbgbvr[16];
        uint64_t dbgbcr[16];
        uint64_t dbgwvr[16];
        uint64_t dbgwcr[16];
        uint64_t disr_el1;
        uint64_t c14_cntfrq;        /* CNTFRQ_EL0 */
        uint64_t c14_cntkctl;       /* CNTKCTL_EL1 */
        uint64_t cntvoff_el2;       /* no EL2: stays 0 */
        ARMGenericTimer c14_timer[NUM_GTIMERS];
    } cp15;

    /* FP/SIMD state: held for the future FP work and for context. */
    struct {
        uint64_t zregs[32][2];      /* V0..V31, low half first */
        uint32_t fpcr;
        uint32_t fpsr;
    } vfp;

    /* Software TLB, per regime (ARM_MMU_IDX_*). */
    ARMTLBEntry tlb[ARM_MMU_IDX_COUNT][ARM_TLB_SIZE];
} CPUARMState;

/* The ID registers of a model (QEMU's ARMISARegisters). */
typedef struct ARMISARegisters {
    uint64_t id_aa64pfr0;
    uint64_t id_aa64pfr1;
    uint64_t id_aa64dfr0;
    uint64_t id_aa64dfr1;
    uint64_t id_aa64afr0;
    uint64_t id_aa64afr1;
    uint64_t id_aa64isar0;
    uint64_t id_aa64isar1;
    uint64_t id_aa64mmfr0;
    uint64_t id_aa64mmfr1;
    uint64_t id_aa64mmfr2;
} ARMISARegisters;

struct ARMCPU {
    CPUState parent_obj;

    CPUARMState env;

    /* The model (class data copied at instance init). */
    ARMISARegisters isar;
    uint32_t midr;
    uint32_t revidr;
    uint64_t ctr;
    uint32_t clidr;
    uint32_t ccsidr[16];        /* by CSSELR_EL1 (level << 1 | InD) */
    uint32_t dcz_blocksize;     /* log2 of the DC ZVA block in words */
    uint64_t reset_sctlr;

    /* Properties. */
    uint32_t psci_conduit;      /* QEMU_PSCI_CONDUIT_* */
    uint64_t rvbar;             /* reset PC */
    uint64_t mp_affinity;       /* MPIDR_EL1 affinity fields */
    bool start_powered_off;
    uint64_t cntfrq_hz;

    /* The system register table, by encoding (sysreg.c). */
    GHashTable *sysregs;

    /* Generic timers. */
    qemu_irq gt_timer_outputs[NUM_GTIMERS];
    QEMUTimer gt_timer[NUM_GTIMERS];

    /* Interrupt lines as the GIC drives them (ARM_CPU_*). */
    uint32_t irq_lines;
};

struct ARMCPUClass {
    CPUClass parent_class;

    /* Fills the model fields of a new instance. */
    void (*model_init)(ARMCPU *cpu);
    ResettablePhases parent_phases;
};

/**
 * arm_cpu_type_for_model: the QOM type for a -cpu model name ("cortex-
 * a57" or a full type name).
 * Returns: a newly allocated type name, or NULL with @errp set when no
 * such CPU model exists.
 */
char *arm_cpu_type_for_model(const char *model, Error **errp);

/**
 * arm_cpu_list: print the "-cpu help" list (one model per line).
 */
void arm_cpu_list(FILE *f);

/** env_archcpu: the ARMCPU that holds @env. */
static inline ARMCPU *env_archcpu(CPUARMState *env)
{
    return container_of(env, ARMCPU, env);
}

/** arm_current_el: the exception level PSTATE says we run at. */
static inline unsigned arm_current_el(CPUARMState *env)
{
    return (env->pstate & PSTATE_EL_MASK) >> PSTATE_EL_SHIFT;
}

/** pstate_read: PSTATE in SPSR layout (NZCV included). */
static inline uint32_t pstate_read(CPUARMState *env)
{
    return env->pstate | env->nzcv;
}

#endif
