/*
 * ARM Generic Interrupt Controller v1/v2 (distributor + CPU interface).
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * Interface: MMIO region 0 = distributor (4 KiB), region 1 = CPU
 * interface (8 KiB for revision 2), then one 256-byte CPU interface per
 * CPU.  GPIO inputs (unnamed): num-irq - 32 SPIs, then 32 PPIs per CPU.
 * Sysbus IRQ outputs: IRQ for each CPU, then FIQ, VIRQ, VFIQ per CPU
 * (VIRQ and VFIQ stay low: no virtualization extensions).
 * Properties: num-cpu (1..8), first-cpu-index, num-irq (multiple of 32,
 * 32..1020), revision (1 or 2), has-security-extensions,
 * has-virtualization-extensions (must stay false), num-priority-bits
 * (4..8, 5..8 with security extensions).
 * Migration: VMState "arm_gic" v12, QEMU's layout (hw/intc/arm_gic.c).
 * What is modelled: docs/devel/arm-gic.rst.
 */
#ifndef HW_INTC_ARM_GIC_H
#define HW_INTC_ARM_GIC_H

#include "hw/core/sysbus.h"

#define GIC_MAXIRQ 1020
#define GIC_NCPU 8
#define GIC_INTERNAL 32     /* SGIs and PPIs */
#define GIC_NR_SGIS 16
#define GIC_NR_APRS 4       /* GICC_APRn: 128 preemption levels at most */

#define TYPE_ARM_GIC_COMMON "arm_gic_common"
#define TYPE_ARM_GIC "arm_gic"

typedef struct GICState GICState;
DECLARE_INSTANCE_CHECKER(GICState, ARM_GIC_COMMON, TYPE_ARM_GIC_COMMON)
DECLARE_INSTANCE_CHECKER(GICState, ARM_GIC, TYPE_ARM_GIC)

/*
 * The state of one interrupt.  SGIs and PPIs have one copy per CPU
 * interface (banked), SPIs a single one.
 */
typedef struct GICIrqState {
    bool enabled;           /* GICD_ISENABLER (SGIs: always enabled) */
    bool pending;           /* the pending latch: edge, GICD_ISPENDR */
    bool active;            /* GICD_ISACTIVER */
    bool level;             /* the input line */
    bool edge;              /* GICD_ICFGR: edge-triggered */
    bool group1;            /* GICD_IGROUPR: Group 1 */
    uint8_t priority;       /* GICD_IPRIORITYR, implemented bits only */
    uint8_t targets;        /* GICD_ITARGETSR (SPIs only) */
} GICIrqState;

/* The opaque of a per-CPU interface region: which CPU it banks. */
typedef struct GICCPURegion {
    GICState *gic;
    int cpu;
} GICCPURegion;

struct GICState {
    SysBusDevice parent_obj;

    MemoryRegion iomem;                     /* distributor */
    MemoryRegion cpuiomem[GIC_NCPU + 1];    /* [0]: the accessing CPU */
    GICCPURegion cpu_region[GIC_NCPU];
    qemu_irq parent_irq[GIC_NCPU];
    qemu_irq parent_fiq[GIC_NCPU];
    qemu_irq parent_virq[GIC_NCPU];
    qemu_irq parent_vfiq[GIC_NCPU];

    /* Properties. */
    uint32_t num_cpu;
    uint32_t first_cpu_index;
    uint32_t num_irq;
    uint32_t revision;
    uint32_t n_prio_bits;
    bool security_extn;
    bool virt_extn;

    /* Distributor. */
    uint32_t ctlr;                          /* GICD_CTLR, secure view */
    GICIrqState banked[GIC_NCPU][GIC_INTERNAL];
    GICIrqState spi[GIC_MAXIRQ - GIC_INTERNAL];
    /* Pending SGIs: per target CPU and SGI, a mask of source CPUs. */
    uint8_t sgi_pending[GIC_NCPU][GIC_NR_SGIS];

    /* CPU interfaces. */
    uint32_t cpu_ctlr[GIC_NCPU];            /* GICC_CTLR, secure view */
    uint8_t priority_mask[GIC_NCPU];        /* GICC_PMR */
    uint8_t bpr[GIC_NCPU];                  /* GICC_BPR (Group 0) */
    uint8_t abpr[GIC_NCPU];                 /* GICC_ABPR (Group 1) */
    /* Active priorities, one bit per preemption level. */
    uint32_t apr[GIC_NCPU][GIC_NR_APRS];    /* Group 0 */
    uint32_t nsapr[GIC_NCPU][GIC_NR_APRS];  /* Group 1 */
};

/**
 * gic_class_name: the GIC type boards create.
 *
 * Returns: "arm_gic" (there is no in-kernel KVM GIC here).
 */
const char *gic_class_name(void);

#endif
