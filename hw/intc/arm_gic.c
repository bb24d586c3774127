/*
 * ARM Generic Interrupt Controller v1/v2, after ARM IHI 0048B
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * Distributor and CPU interfaces for up to 8 CPUs: enables, pending and
 * active state, priorities, targets, edge/level configuration, SGIs with
 * per-source pending state, priority masking, binary points, active
 * priorities and (revision 2) split priority drop and deactivation.
 * Interrupt groups (revision 2, or the security extensions): Group 0 is
 * signalled as FIQ when GICC_CTLR.FIQEn is set; GICC_ABPR, AIAR, AEOIR
 * and AHPPIR give the Group 1 view.  A revision 1 GIC without security
 * extensions has no groups (GICD_IGROUPR RAZ/WI).  The security
 * extensions add the banked secure and non-secure views, chosen by
 * MemTxAttrs.secure.
 * SGI enable bits are RAO/WI, as on the GIC-400; the SGI bits of
 * GICD_ISPENDR0/ICPENDR0 are WI (GICD_SPENDSGIR/CPENDSGIR set them).  With
 * one CPU, GICD_ITARGETSR is RAZ/WI, as the spec says for uniprocessors.
 * Not modelled: the virtualization extensions (realize refuses them),
 * GICD_NSACR (RAZ/WI), interrupt bypass (the GICC_CTLR bypass-disable
 * bits are RAZ/WI), and the identity of the accessing CPU: no CPU model
 * makes accesses yet, so region 1 and the banked distributor registers
 * are those of CPU 0; regions 2 onwards reach each CPU interface by
 * number.
 * Interface: see include/hw/intc/arm_gic.h; docs/devel/arm-gic.rst.
 * Migration: VMState "arm_gic" v12 in QEMU's layout (per-interrupt CPU
 * masks, priorities split at 32, APRs by preemption level), converted
 * from and to this model by gic_pre_save and gic_post_load.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "qemu/log.h"
#include "hw/core/irq.h"
#include "hw/core/qdev-properties.h"
#include "hw/core/registerfields.h"
#include "hw/core/sysbus.h"
#include "hw/intc/arm_gic.h"
#include "trace.h"
#include "migration/vmstate.h"

/* Distributor; the per-interrupt registers are arrays from these bases. */
REG32(GICD_CTLR, 0x000)
REG32(GICD_TYPER, 0x004)
    FIELD(GICD_TYPER, IT_LINES_NUMBER, 0, 5)
    FIELD(GICD_TYPER, CPU_NUMBER, 5, 3)
    FIELD(GICD_TYPER, SECURITY_EXTN, 10, 1)
REG32(GICD_IIDR, 0x008)
REG32(GICD_IGROUPR, 0x080)
REG32(GICD_ISENABLER, 0x100)
REG32(GICD_ICENABLER, 0x180)
REG32(GICD_ISPENDR, 0x200)
REG32(GICD_ICPENDR, 0x280)
REG32(GICD_ISACTIVER, 0x300)
REG32(GICD_ICACTIVER, 0x380)
REG32(GICD_IPRIORITYR, 0x400)
REG32(GICD_ITARGETSR, 0x800)
REG32(GICD_ICFGR, 0xc00)
REG32(GICD_IMPDEF, 0xd00)           /* implementation defined */
REG32(GICD_NSACR, 0xe00)
REG32(GICD_SGIR, 0xf00)
    FIELD(GICD_SGIR, SGIINTID, 0, 4)
    FIELD(GICD_SGIR, NSATT, 15, 1)
    FIELD(GICD_SGIR, CPU_TARGET_LIST, 16, 8)
    FIELD(GICD_SGIR, TARGET_LIST_FILTER, 24, 2)
REG32(GICD_CPENDSGIR, 0xf10)
REG32(GICD_SPENDSGIR, 0xf20)
REG32(GICD_PIDR4, 0xfd0)            /* ID registers up to 0xffc */

#define GICD_BITMAP_SIZE 0x80       /* one bit per interrupt ID */
#define GICD_SGIR_END 0xf30
#define GICD_SIZE 0x1000

#define GICD_CTLR_EN_GRP0 BIT(0)
#define GICD_CTLR_EN_GRP1 BIT(1)

#define GICD_SGIR_FILTER_LIST 0
#define GICD_SGIR_FILTER_OTHERS 1
#define GICD_SGIR_FILTER_SELF 2

/* CPU interface. */
REG32(GICC_CTLR, 0x00)
REG32(GICC_PMR, 0x04)
REG32(GICC_BPR, 0x08)
REG32(GICC_IAR, 0x0c)
    FIELD(GICC_IAR, INTERRUPT_ID, 0, 10)
    FIELD(GICC_IAR, CPUID, 10, 3)
REG32(GICC_EOIR, 0x10)
REG32(GICC_RPR, 0x14)
REG32(GICC_HPPIR, 0x18)
REG32(GICC_ABPR, 0x1c)
REG32(GICC_AIAR, 0x20)
REG32(GICC_AEOIR, 0x24)
REG32(GICC_AHPPIR, 0x28)
REG32(GICC_APR0, 0xd0)              /* GICC_APR0..3 */
REG32(GICC_NSAPR0, 0xe0)            /* GICC_NSAPR0..3 */
REG32(GICC_IIDR, 0xfc)
REG32(GICC_DIR, 0x1000)             /* revision 2 only */

/* GICC_CTLR in its secure layout; the non-secure view is derived. */
#define GICC_CTLR_EN_GRP0 BIT(0)
#define GICC_CTLR_EN_GRP1 BIT(1)
#define GICC_CTLR_ACK_CTL BIT(2)
#define GICC_CTLR_FIQ_EN BIT(3)
#define GICC_CTLR_CBPR BIT(4)
#define GICC_CTLR_EOIMODE BIT(9)        /* EOImodeS with security */
#define GICC_CTLR_EOIMODE_NS BIT(10)

#define GICC_SIZE_V1 0x100
#define GICC_SIZE_V2 0x2000
#define GICC_PER_CPU_SIZE 0x100

#define GIC_SPURIOUS 1023
#define GIC_SPURIOUS_GRP1 1022      /* secure IAR: Group 1 wins, no AckCtl */
#define GIC_FIRST_SPECIAL_ID 1020
#define GIC_PRIO_IDLE 0x100         /* running priority, nothing active */
#define GIC_MIN_PRIORITY_BITS 4
#define GIC_MIN_PRIORITY_BITS_SECURE 5
#define GIC_MAX_PRIORITY_BITS 8

/*
 * GICD_IIDR and GICC_IIDR: implementer ARM (JEP106 0x43b), no product or
 * variant, architecture version 2 in GICC_IIDR, as QEMU reports them.
 */
#define GIC_IMPLEMENTER_ARM 0x43b
#define GICD_IIDR_V2 0x0000043b
#define GICC_IIDR_V2 0x0002043b
#define GICC_IIDR_ARCH_SHIFT 16

/*
 * GICD_PIDR4..7, PIDR0..3, CIDR0..3: a PL390 for revision 1, a GIC-400
 * for revision 2 (ICPIDR2 carries the architecture revision).
 */
static const uint8_t gic_id_v1[] = {
    0x04, 0x00, 0x00, 0x00, 0x90, 0xb3, 0x1b, 0x00, 0x0d, 0xf0, 0x05, 0xb1,
};
static const uint8_t gic_id_v2[] = {
    0x04, 0x00, 0x00, 0x00, 0x90, 0xb4, 0x2b, 0x00, 0x0d, 0xf0, 0x05, 0xb1,
};

/* QEMU's migration layout: virtual CPU interfaces follow the real ones. */
#define GIC_NCPU_VCPU (GIC_NCPU * 2)
#define GIC_MAX_LR 64
#define GIC_ALL_CPU_MASK 0xff
#define GIC_MIG_LEVELS (GIC_NR_APRS * 32)

/* One interrupt as QEMU migrates it: a bit per CPU interface. */
typedef struct GICMigIrqState {
    uint8_t enabled;
    uint8_t pending;
    uint8_t active;
    uint8_t level;
    bool model;             /* 1-N model: 11MPCore only */
    bool edge_trigger;
    uint8_t group;
} GICMigIrqState;

/*
 * The instance: GICState, then QEMU's layout of it, which gic_pre_save
 * fills and gic_post_load checks and applies.  Active priorities there
 * are indexed by group priority >> 1 whatever the priority bits.
 */
typedef struct ARMGICState {
    GICState parent_obj;

    uint32_t ctlr;
    uint32_t cpu_ctlr[GIC_NCPU_VCPU];
    GICMigIrqState irq_state[GIC_MAXIRQ];
    uint8_t irq_target[GIC_MAXIRQ];
    uint8_t priority1[GIC_INTERNAL][GIC_NCPU];
    uint8_t priority2[GIC_MAXIRQ - GIC_INTERNAL];
    uint8_t sgi_pending[GIC_NR_SGIS][GIC_NCPU];
    uint16_t priority_mask[GIC_NCPU_VCPU];
    uint16_t running_priority[GIC_NCPU_VCPU];
    uint16_t current_pending[GIC_NCPU_VCPU];
    uint8_t bpr[GIC_NCPU_VCPU];
    uint8_t abpr[GIC_NCPU_VCPU];
    uint32_t apr[GIC_NR_APRS][GIC_NCPU];
    uint32_t nsapr[GIC_NR_APRS][GIC_NCPU];
    /* Virtualization extensions (never sent: we refuse them). */
    uint32_t h_hcr[GIC_NCPU];
    uint32_t h_misr[GIC_NCPU];
    uint32_t h_lr[GIC_MAX_LR][GIC_NCPU];
    uint32_t h_apr[GIC_NCPU];
    bool virt_state_loaded;
} ARMGICState;

typedef struct ARMGICClass {
    SysBusDeviceClass parent_class;

    DeviceRealize parent_realize;
} ARMGICClass;

DECLARE_CLASS_CHECKERS(ARMGICClass, ARM_GIC, TYPE_ARM_GIC)

const char *gic_class_name(void)
{
    return TYPE_ARM_GIC;
}

/*
 * The CPU making a distributor or region 1 access.  No CPU model makes
 * accesses yet; as with qtest or a single CPU, that is CPU 0.
 */
static int gic_current_cpu(GICState *s)
{
    return 0;
}

static uint8_t gic_all_cpu_mask(GICState *s)
{
    return MAKE_64BIT_MASK(0, s->num_cpu);
}

/* GICv2 always has interrupt groups, GICv1 with the security extensions. */
static bool gic_has_groups(GICState *s)
{
    return s->revision == 2 || s->security_extn;
}

/* Non-secure accesses get the restricted view (security extensions). */
static bool gic_access_is_ns(GICState *s, MemTxAttrs attrs)
{
    return s->security_extn && !attrs.secure;
}

/* The copy of @irq that @cpu sees: banked for SGIs and PPIs. */
static GICIrqState *gic_irq(GICState *s, int cpu, int irq)
{
    if (irq < GIC_INTERNAL) {
        return &s->banked[cpu][irq];
    }
    return &s->spi[irq - GIC_INTERNAL];
}

/* An implemented interrupt the access may see: Group 1 only for NS. */
static bool gic_irq_is_visible(GICState *s, int cpu, int irq,
                               MemTxAttrs attrs)
{
    return irq < s->num_irq &&
           (!gic_access_is_ns(s, attrs) || gic_irq(s, cpu, irq)->group1);
}

static bool gic_irq_is_enabled(GICState *s, int cpu, int irq)
{
    return irq < GIC_NR_SGIS || gic_irq(s, cpu, irq)->enabled;
}

/* A level-sensitive interrupt is also pending while its line is high. */
static bool gic_irq_is_pending(GICState *s, int cpu, int irq)
{
    GICIrqState *p = gic_irq(s, cpu, irq);

    if (irq < GIC_NR_SGIS) {
        return s->sgi_pending[cpu][irq] != 0;
    }
    return p->pending || (!p->edge && p->level);
}

/* The CPUs @irq targets: SGIs, PPIs and a uniprocessor's SPIs @cpu. */
static uint8_t gic_irq_targets(GICState *s, int cpu, int irq)
{
    if (irq < GIC_INTERNAL || s->num_cpu == 1) {
        return 1 << cpu;
    }
    return s->spi[irq - GIC_INTERNAL].targets;
}

/* The implemented bits of a priority: the top num-priority-bits. */
static uint8_t gic_priority_bits(GICState *s)
{
    return 0xff << (GIC_MAX_PRIORITY_BITS - s->n_prio_bits);
}

/* Bits of group priority at the smallest binary point (at most 7). */
static int gic_preemption_bits(GICState *s)
{
    return MIN(s->n_prio_bits, 7);
}

static int gic_min_bpr(GICState *s)
{
    return 7 - gic_preemption_bits(s);
}

static int gic_nr_aprs(GICState *s)
{
    return MAX(1, (1 << gic_preemption_bits(s)) / 32);
}

static uint32_t gic_apr_valid_bits(GICState *s)
{
    return MAKE_64BIT_MASK(0, MIN(32, 1 << gic_preemption_bits(s)));
}

/*
 * The group priority of @irq on @cpu: its priority cut at the binary
 * point of its group (GICC_ABPR for Group 1 unless GICC_CTLR.CBPR).
 */
static int gic_group_priority(GICState *s, int cpu, int irq)
{
    GICIrqState *p = gic_irq(s, cpu, irq);

    if (p->group1 && !(s->cpu_ctlr[cpu] & GICC_CTLR_CBPR)) {
        return p->priority & (0xff << s->abpr[cpu]);
    }
    return p->priority & (0xff << (s->bpr[cpu] + 1));
}

/* The highest active group priority, from the active priority bits. */
static int gic_running_priority(GICState *s, int cpu)
{
    int i;

    for (i = 0; i < GIC_NR_APRS; i++) {
        uint32_t both = s->apr[cpu][i] | s->nsapr[cpu][i];

        if (both) {
            return (i * 32 + ctz32(both)) <<
                   (GIC_MAX_PRIORITY_BITS - gic_preemption_bits(s));
        }
    }
    return GIC_PRIO_IDLE;
}

static bool gic_group_is_enabled(GICState *s, int cpu, bool group1)
{
    uint32_t bit = group1 ? GICD_CTLR_EN_GRP1 : GICD_CTLR_EN_GRP0;

    return (s->ctlr & bit) && (s->cpu_ctlr[cpu] & bit);
}

/*
 * The interrupt the distributor forwards to @cpu: enabled, pending, not
 * active, targeting @cpu, in a group both the distributor and the CPU
 * interface enable; the lowest priority value wins, then the lowest ID.
 */
static int gic_highest_pending(GICState *s, int cpu)
{
    int best = GIC_SPURIOUS;
    int best_prio = GIC_PRIO_IDLE;
    int irq;

    for (irq = 0; irq < s->num_irq; irq++) {
        GICIrqState *p = gic_irq(s, cpu, irq);

        if (p->priority < best_prio && !p->active &&
            gic_irq_is_enabled(s, cpu, irq) &&
            gic_irq_is_pending(s, cpu, irq) &&
            (gic_irq_targets(s, cpu, irq) & (1 << cpu)) &&
            gic_group_is_enabled(s, cpu, p->group1)) {
            best = irq;
            best_prio = p->priority;
        }
    }
    return best;
}

/* Above the priority mask and able to preempt the running priority. */
static bool gic_irq_can_signal(GICState *s, int cpu, int irq)
{
    return gic_irq(s, cpu, irq)->priority < s->priority_mask[cpu] &&
           gic_group_priority(s, cpu, irq) < gic_running_priority(s, cpu);
}

/* The only place that drives the outputs: call it after any change. */
static void gic_update(GICState *s)
{
    int cpu;

    for (cpu = 0; cpu < s->num_cpu; cpu++) {
        int irq = gic_highest_pending(s, cpu);
        bool irq_level = false;
        bool fiq_level = false;

        if (irq != GIC_SPURIOUS && gic_irq_can_signal(s, cpu, irq)) {
            if (!gic_irq(s, cpu, irq)->group1 &&
                (s->cpu_ctlr[cpu] & GICC_CTLR_FIQ_EN)) {
                fiq_level = true;
            } else {
                irq_level = true;
            }
        }
        trace_gic_update_set_irq(cpu, irq_level, fiq_level);
        qemu_set_irq(s->parent_irq[cpu], irq_level);
        qemu_set_irq(s->parent_fiq[cpu], fiq_level);
    }
}

/*
 * Input lines: SPIs first, then the PPIs of each CPU.  An edge-triggered
 * interrupt latches pending on a rising edge; a level-sensitive one is
 * pending while the line is high.
 */
static void gic_set_irq(void *opaque, int n, int level)
{
    GICState *s = opaque;
    int nr_spis = s->num_irq - GIC_INTERNAL;
    int cpu = 0;
    int irq = n + GIC_INTERNAL;
    GICIrqState *p;

    if (n >= nr_spis) {
        cpu = (n - nr_spis) / GIC_INTERNAL;
        irq = (n - nr_spis) % GIC_INTERNAL;
        if (irq < GIC_NR_SGIS) {
            qemu_log_mask(LOG_GUEST_ERROR, "%s: SGI %d has no input line\n",
                          __func__, irq);
            return;
        }
    }
    trace_gic_set_irq(irq, level, cpu);
    p = gic_irq(s, cpu, irq);
    if (p->level == !!level) {
        return;
    }
    p->level = level;
    if (level && p->edge) {
        p->pending = true;
    }
    gic_update(s);
}

/* Mark @irq's group priority active on @cpu (it was acknowledged). */
static void gic_activate_priority(GICState *s, int cpu, int irq)
{
    int level = gic_group_priority(s, cpu, irq) >>
                (GIC_MAX_PRIORITY_BITS - gic_preemption_bits(s));
    uint32_t *apr = gic_irq(s, cpu, irq)->group1 ? s->nsapr[cpu] :
                                                   s->apr[cpu];

    apr[level / 32] |= 1U << (level % 32);
}

/*
 * Priority drop: clear the highest active priority of the group of the
 * interrupt being completed (software completes them in order).
 */
static void gic_drop_priority(GICState *s, int cpu, bool group1)
{
    uint32_t *apr = group1 ? s->nsapr[cpu] : s->apr[cpu];
    int i;

    for (i = 0; i < GIC_NR_APRS; i++) {
        if (apr[i]) {
            apr[i] &= apr[i] - 1;
            return;
        }
    }
}

/*
 * The highest pending interrupt above the priority mask as GICC_HPPIR
 * names it (@ns: the non-secure view, which only sees Group 1), without
 * the source CPU of an SGI.
 */
static int gic_hppi_for_view(GICState *s, int cpu, bool ns)
{
    int irq = gic_highest_pending(s, cpu);
    GICIrqState *p;

    if (irq == GIC_SPURIOUS ||
        gic_irq(s, cpu, irq)->priority >= s->priority_mask[cpu]) {
        return GIC_SPURIOUS;
    }
    p = gic_irq(s, cpu, irq);
    if (ns && !p->group1) {
        return GIC_SPURIOUS;
    }
    if (!ns && p->group1 && !(s->cpu_ctlr[cpu] & GICC_CTLR_ACK_CTL)) {
        return GIC_SPURIOUS_GRP1;
    }
    return irq;
}

/*
 * GICC_IAR (@ns: its non-secure view or GICC_AIAR): acknowledge that
 * interrupt if it can preempt the running priority; SGIs come from
 * their lowest-numbered source CPU first.
 */
static uint32_t gic_acknowledge_irq(GICState *s, int cpu, bool ns)
{
    int irq = gic_hppi_for_view(s, cpu, ns);
    int src = 0;
    GICIrqState *p;

    if (irq >= GIC_SPURIOUS_GRP1) {
        return irq;
    }
    if (gic_group_priority(s, cpu, irq) >= gic_running_priority(s, cpu)) {
        return GIC_SPURIOUS;
    }
    p = gic_irq(s, cpu, irq);
    if (irq < GIC_NR_SGIS) {
        src = ctz32(s->sgi_pending[cpu][irq]);
        s->sgi_pending[cpu][irq] &= ~(1 << src);
    } else {
        p->pending = false;
    }
    p->active = true;
    gic_activate_priority(s, cpu, irq);
    trace_gic_acknowledge_irq(cpu, irq, src);
    gic_update(s);
    return FIELD_DP32(irq, GICC_IAR, CPUID, src);
}

/* GICC_HPPIR: with the source CPU of an SGI, as GICC_IAR gives it. */
static uint32_t gic_hppir_read(GICState *s, int cpu, bool ns)
{
    int irq = gic_hppi_for_view(s, cpu, ns);

    if (irq < GIC_NR_SGIS) {
        return FIELD_DP32(irq, GICC_IAR, CPUID,
                          ctz32(s->sgi_pending[cpu][irq]));
    }
    return irq;
}

/* EOImodeNS rules the non-secure view when there are two views. */
static bool gic_eoi_mode_is_split(GICState *s, int cpu, bool ns)
{
    return s->cpu_ctlr[cpu] & (s->security_extn && ns ? GICC_CTLR_EOIMODE_NS
                                                      : GICC_CTLR_EOIMODE);
}

/* The interrupt a GICC_EOIR/DIR write names, or -1 to ignore it. */
static int gic_eoi_target(GICState *s, int cpu, uint32_t value, bool ns,
                          const char *reg)
{
    int irq = FIELD_EX32(value, GICC_IAR, INTERRUPT_ID);

    if (irq >= s->num_irq) {
        if (irq < GIC_FIRST_SPECIAL_ID) {
            qemu_log_mask(LOG_GUEST_ERROR,
                          "%s: %s names unimplemented interrupt %d\n",
                          __func__, reg, irq);
        }
        return -1;
    }
    if (ns && !gic_irq(s, cpu, irq)->group1) {
        qemu_log_mask(LOG_GUEST_ERROR,
                      "%s: non-secure %s of Group 0 interrupt %d\n",
                      __func__, reg, irq);
        return -1;
    }
    return irq;
}

/* GICC_EOIR: priority drop, and deactivation unless EOImode splits it. */
static void gic_eoir_write(GICState *s, int cpu, uint32_t value, bool ns)
{
    int irq = gic_eoi_target(s, cpu, value, ns, "GICC_EOIR");

    if (irq < 0) {
        return;
    }
    if (gic_running_priority(s, cpu) == GIC_PRIO_IDLE) {
        qemu_log_mask(LOG_GUEST_ERROR,
                      "%s: EOI of interrupt %d with nothing active\n",
                      __func__, irq);
        return;
    }
    gic_drop_priority(s, cpu, gic_irq(s, cpu, irq)->group1);
    if (!gic_eoi_mode_is_split(s, cpu, ns)) {
        gic_irq(s, cpu, irq)->active = false;
    }
    gic_update(s);
}

/* GICC_DIR: deactivation; UNPREDICTABLE without EOImode, so ignored. */
static void gic_dir_write(GICState *s, int cpu, uint32_t value, bool ns)
{
    int irq = gic_eoi_target(s, cpu, value, ns, "GICC_DIR");

    if (irq < 0) {
        return;
    }
    if (!gic_eoi_mode_is_split(s, cpu, ns)) {
        qemu_log_mask(LOG_GUEST_ERROR,
                      "%s: GICC_DIR written with EOImode clear\n", __func__);
        return;
    }
    gic_irq(s, cpu, irq)->active = false;
    gic_update(s);
}

/*
 * The GICC_CTLR bits this configuration implements: EnableGrp0/1, AckCtl,
 * FIQEn, CBPR with groups; EOImode in revision 2; EOImodeNS with the
 * security extensions too.
 */
static uint32_t gic_cpu_ctlr_writable(GICState *s)
{
    uint32_t mask = GICC_CTLR_EN_GRP0;

    if (gic_has_groups(s)) {
        mask |= GICC_CTLR_EN_GRP1 | GICC_CTLR_ACK_CTL | GICC_CTLR_FIQ_EN |
                GICC_CTLR_CBPR;
    }
    if (s->revision == 2) {
        mask |= GICC_CTLR_EOIMODE;
        if (s->security_extn) {
            mask |= GICC_CTLR_EOIMODE_NS;
        }
    }
    return mask;
}

/* The non-secure view of GICC_CTLR: EnableGrp1 at 0, EOImodeNS at 9. */
static uint32_t gic_cpu_ctlr_read(GICState *s, int cpu, bool ns)
{
    uint32_t v = s->cpu_ctlr[cpu];

    if (!ns) {
        return v;
    }
    return extract32(v, 1, 1) | extract32(v, 10, 1) << 9;
}

static void gic_cpu_ctlr_write(GICState *s, int cpu, uint32_t value,
                               bool ns)
{
    if (ns) {
        uint32_t v = deposit32(s->cpu_ctlr[cpu], 1, 1, extract32(value, 0, 1));

        value = deposit32(v, 10, 1, extract32(value, 9, 1));
    }
    s->cpu_ctlr[cpu] = value & gic_cpu_ctlr_writable(s);
}

/*
 * Non-secure views of priorities (GICD_IPRIORITYR, GICC_PMR, GICC_RPR):
 * the non-secure half of the range, 0x80-0xff, seen shifted left by one.
 */
static uint8_t gic_ns_priority_view(int prio)
{
    return prio & 0x80 ? (prio << 1) & 0xff : 0;
}

static uint8_t gic_ns_priority_from_view(uint32_t value)
{
    return 0x80 | (value & 0xff) >> 1;
}

static void gic_pmr_write(GICState *s, int cpu, uint32_t value, bool ns)
{
    if (ns) {
        if (!(s->priority_mask[cpu] & 0x80)) {
            return;             /* a secure mask is out of reach */
        }
        value = gic_ns_priority_from_view(value);
    }
    s->priority_mask[cpu] = value & gic_priority_bits(s);
}

/* A non-secure GICC_BPR is GICC_ABPR, or reads BPR + 1 with CBPR set. */
static uint32_t gic_bpr_read(GICState *s, int cpu, bool ns)
{
    if (!ns) {
        return s->bpr[cpu];
    }
    if (s->cpu_ctlr[cpu] & GICC_CTLR_CBPR) {
        return MIN(s->bpr[cpu] + 1, 7);
    }
    return s->abpr[cpu];
}

static void gic_abpr_write(GICState *s, int cpu, uint32_t value)
{
    s->abpr[cpu] = MAX((int)extract32(value, 0, 3), gic_min_bpr(s) + 1);
}

static void gic_bpr_write(GICState *s, int cpu, uint32_t value, bool ns)
{
    int bpr = extract32(value, 0, 3);

    if (!ns) {
        s->bpr[cpu] = MAX(bpr, gic_min_bpr(s));
    } else if (!(s->cpu_ctlr[cpu] & GICC_CTLR_CBPR)) {
        gic_abpr_write(s, cpu, value);
    }
}

static uint32_t gic_rpr_read(GICState *s, int cpu, bool ns)
{
    int rp = gic_running_priority(s, cpu);

    if (rp == GIC_PRIO_IDLE) {
        return 0xff;
    }
    return ns ? gic_ns_priority_view(rp) : rp;
}

/*
 * The active priority register a GICC_APRn or GICC_NSAPRn access reaches
 * (a non-secure GICC_APRn is the Group 1 copy), or NULL when it is
 * RAZ/WI.  The layout is ours, as the spec allows: bit n of the set is
 * preemption level n, Group 0 in the APRs and Group 1 in the NSAPRs.
 */
static uint32_t *gic_apr_reg(GICState *s, int cpu, hwaddr offset,
                             MemTxAttrs attrs)
{
    bool nsapr = offset >= A_GICC_NSAPR0;
    int n = (offset - (nsapr ? A_GICC_NSAPR0 : A_GICC_APR0)) / 4;

    if (n >= gic_nr_aprs(s)) {
        return NULL;
    }
    if (nsapr) {
        return gic_has_groups(s) && !gic_access_is_ns(s, attrs) ?
               &s->nsapr[cpu][n] : NULL;
    }
    return gic_access_is_ns(s, attrs) ? &s->nsapr[cpu][n] : &s->apr[cpu][n];
}

/*
 * GICC_ABPR is the Group 1 binary point wherever there are groups (for
 * secure accesses only with the security extensions).  GICC_AIAR, AEOIR
 * and AHPPIR let secure software act on the non-secure view, so they
 * exist only with the security extensions; without, they are RAZ/WI and
 * GICC_CTLR.AckCtl lets GICC_IAR take Group 1.
 */
static bool gic_abpr_is_accessible(GICState *s, MemTxAttrs attrs)
{
    return gic_has_groups(s) && !gic_access_is_ns(s, attrs);
}

static bool gic_alias_is_accessible(GICState *s, MemTxAttrs attrs)
{
    return s->security_extn && attrs.secure;
}

static MemTxResult gic_cpu_read(GICState *s, int cpu, hwaddr offset,
                                uint64_t *data, unsigned size,
                                MemTxAttrs attrs)
{
    bool ns = gic_access_is_ns(s, attrs);
    bool alias = gic_alias_is_accessible(s, attrs);
    uint32_t *apr;

    *data = 0;
    if (size != 4) {
        qemu_log_mask(LOG_GUEST_ERROR,
                      "%s: %u-byte access at 0x%" HWADDR_PRIx "\n",
                      __func__, size, offset);
        return MEMTX_ERROR;
    }
    switch (offset) {
    case A_GICC_CTLR:
        *data = gic_cpu_ctlr_read(s, cpu, ns);
        break;
    case A_GICC_PMR:
        *data = ns ? gic_ns_priority_view(s->priority_mask[cpu]) :
                     s->priority_mask[cpu];
        break;
    case A_GICC_BPR:
        *data = gic_bpr_read(s, cpu, ns);
        break;
    case A_GICC_IAR:
        *data = gic_acknowledge_irq(s, cpu, ns);
        break;
    case A_GICC_RPR:
        *data = gic_rpr_read(s, cpu, ns);
        break;
    case A_GICC_HPPIR:
        *data = gic_hppir_read(s, cpu, ns);
        break;
    case A_GICC_ABPR:
        *data = gic_abpr_is_accessible(s, attrs) ? s->abpr[cpu] : 0;
        break;
    case A_GICC_AIAR:
        *data = alias ? gic_acknowledge_irq(s, cpu, true) : 0;
        break;
    case A_GICC_AHPPIR:
        *data = alias ? gic_hppir_read(s, cpu, true) : 0;
        break;
    case A_GICC_APR0 ... A_GICC_NSAPR0 + 0xc:
        apr = gic_apr_reg(s, cpu, offset, attrs);
        *data = apr ? *apr : 0;
        break;
    case A_GICC_IIDR:
        *data = s->revision == 2 ? GICC_IIDR_V2 :
                s->revision << GICC_IIDR_ARCH_SHIFT | GIC_IMPLEMENTER_ARM;
        break;
    case A_GICC_EOIR:
    case A_GICC_AEOIR:
    case A_GICC_DIR:
        qemu_log_mask(LOG_GUEST_ERROR,
                      "%s: read of write-only register 0x%" HWADDR_PRIx
                      "\n", __func__, offset);
        break;
    default:
        qemu_log_mask(LOG_GUEST_ERROR, "%s: bad offset 0x%" HWADDR_PRIx "\n",
                      __func__, offset);
        break;
    }
    trace_gic_cpu_read(cpu, offset, *data);
    return MEMTX_OK;
}

static MemTxResult gic_cpu_write(GICState *s, int cpu, hwaddr offset,
                                 uint64_t data, unsigned size,
                                 MemTxAttrs attrs)
{
    bool ns = gic_access_is_ns(s, attrs);
    bool alias = gic_alias_is_accessible(s, attrs);
    uint32_t *apr;

    if (size != 4) {
        qemu_log_mask(LOG_GUEST_ERROR,
                      "%s: %u-byte access at 0x%" HWADDR_PRIx "\n",
                      __func__, size, offset);
        return MEMTX_ERROR;
    }
    switch (offset) {
    case A_GICC_CTLR:
        gic_cpu_ctlr_write(s, cpu, data, ns);
        break;
    case A_GICC_PMR:
        gic_pmr_write(s, cpu, data, ns);
        break;
    case A_GICC_BPR:
        gic_bpr_write(s, cpu, data, ns);
        break;
    case A_GICC_EOIR:
        gic_eoir_write(s, cpu, data, ns);
        break;
    case A_GICC_ABPR:
        if (gic_abpr_is_accessible(s, attrs)) {
            gic_abpr_write(s, cpu, data);
        }
        break;
    case A_GICC_AEOIR:
        if (alias) {
            gic_eoir_write(s, cpu, data, true);
        }
        break;
    case A_GICC_DIR:
        gic_dir_write(s, cpu, data, ns);
        break;
    case A_GICC_APR0 ... A_GICC_NSAPR0 + 0xc:
        apr = gic_apr_reg(s, cpu, offset, attrs);
        if (apr) {
            *apr = data & gic_apr_valid_bits(s);
        }
        break;
    case A_GICC_IAR:
    case A_GICC_RPR:
    case A_GICC_HPPIR:
    case A_GICC_AIAR:
    case A_GICC_AHPPIR:
    case A_GICC_IIDR:
        qemu_log_mask(LOG_GUEST_ERROR,
                      "%s: write to read-only register 0x%" HWADDR_PRIx
                      "\n", __func__, offset);
        break;
    default:
        qemu_log_mask(LOG_GUEST_ERROR, "%s: bad offset 0x%" HWADDR_PRIx "\n",
                      __func__, offset);
        break;
    }
    gic_update(s);
    trace_gic_cpu_write(cpu, offset, data);
    return MEMTX_OK;
}

/* Region 1: the CPU interface of the accessing CPU. */
static MemTxResult gic_thiscpu_read(void *opaque, hwaddr offset,
                                    uint64_t *data, unsigned size,
                                    MemTxAttrs attrs)
{
    GICState *s = opaque;

    return gic_cpu_read(s, gic_current_cpu(s), offset, data, size, attrs);
}

static MemTxResult gic_thiscpu_write(void *opaque, hwaddr offset,
                                     uint64_t data, unsigned size,
                                     MemTxAttrs attrs)
{
    GICState *s = opaque;

    return gic_cpu_write(s, gic_current_cpu(s), offset, data, size, attrs);
}

/* Regions 2 onwards: the CPU interface of one given CPU. */
static MemTxResult gic_percpu_read(void *opaque, hwaddr offset,
                                   uint64_t *data, unsigned size,
                                   MemTxAttrs attrs)
{
    GICCPURegion *r = opaque;

    return gic_cpu_read(r->gic, r->cpu, offset, data, size, attrs);
}

static MemTxResult gic_percpu_write(void *opaque, hwaddr offset,
                                    uint64_t data, unsigned size,
                                    MemTxAttrs attrs)
{
    GICCPURegion *r = opaque;

    return gic_cpu_write(r->gic, r->cpu, offset, data, size, attrs);
}

/* Priorities, targets and the SGI pending registers take byte accesses. */
static bool gic_dist_is_byte_reg(hwaddr offset)
{
    return (offset >= A_GICD_IPRIORITYR && offset < A_GICD_ICFGR) ||
           (offset >= A_GICD_CPENDSGIR && offset < GICD_SGIR_END);
}

/* GICD_IGROUPR .. GICD_ICACTIVER: one bit per interrupt. */
static uint32_t gic_dist_read_bitmap(GICState *s, int cpu, hwaddr offset,
                                     MemTxAttrs attrs)
{
    hwaddr reg = offset & ~(hwaddr)(GICD_BITMAP_SIZE - 1);
    int base = (offset - reg) * 8;
    uint32_t val = 0;
    int i;

    if (reg == A_GICD_IGROUPR &&
        (!gic_has_groups(s) || gic_access_is_ns(s, attrs))) {
        return 0;
    }
    for (i = 0; i < 32; i++) {
        int irq = base + i;
        GICIrqState *p;
        bool bit;

        if (!gic_irq_is_visible(s, cpu, irq, attrs)) {
            continue;
        }
        p = gic_irq(s, cpu, irq);
        switch (reg) {
        case A_GICD_IGROUPR:
            bit = p->group1;
            break;
        case A_GICD_ISENABLER:
        case A_GICD_ICENABLER:
            bit = gic_irq_is_enabled(s, cpu, irq);
            break;
        case A_GICD_ISPENDR:
        case A_GICD_ICPENDR:
            bit = gic_irq_is_pending(s, cpu, irq);
            break;
        default:
            bit = p->active;
            break;
        }
        val |= (uint32_t)bit << i;
    }
    return val;
}

static void gic_dist_write_bitmap(GICState *s, int cpu, hwaddr offset,
                                  uint32_t value, MemTxAttrs attrs)
{
    hwaddr reg = offset & ~(hwaddr)(GICD_BITMAP_SIZE - 1);
    int base = (offset - reg) * 8;
    int i;

    if (reg == A_GICD_IGROUPR &&
        (!gic_has_groups(s) || gic_access_is_ns(s, attrs))) {
        return;
    }
    for (i = 0; i < 32; i++) {
        int irq = base + i;
        bool bit = extract32(value, i, 1);
        GICIrqState *p;

        if (!gic_irq_is_visible(s, cpu, irq, attrs)) {
            continue;
        }
        p = gic_irq(s, cpu, irq);
        if (reg == A_GICD_IGROUPR) {
            p->group1 = bit;
            continue;
        }
        if (!bit) {
            continue;
        }
        switch (reg) {
        case A_GICD_ISENABLER:
        case A_GICD_ICENABLER:
            /* SGIs are always enabled. */
            if (irq >= GIC_NR_SGIS) {
                p->enabled = reg == A_GICD_ISENABLER;
            }
            break;
        case A_GICD_ISPENDR:
        case A_GICD_ICPENDR:
            /* SGI pending state lives in GICD_SPENDSGIR/CPENDSGIR. */
            if (irq >= GIC_NR_SGIS) {
                p->pending = reg == A_GICD_ISPENDR;
            }
            break;
        default:
            p->active = reg == A_GICD_ISACTIVER;
            break;
        }
    }
}

/* GICD_ICFGR: bit 2F+1 of each field is edge-triggered; SGIs are fixed. */
static uint32_t gic_dist_read_icfgr(GICState *s, int cpu, hwaddr offset,
                                    MemTxAttrs attrs)
{
    int base = (offset - A_GICD_ICFGR) * 4;
    uint32_t val = 0;
    int i;

    for (i = 0; i < 16; i++) {
        int irq = base + i;

        if (gic_irq_is_visible(s, cpu, irq, attrs) &&
            gic_irq(s, cpu, irq)->edge) {
            val |= 2U << (2 * i);
        }
    }
    return val;
}

static void gic_dist_write_icfgr(GICState *s, int cpu, hwaddr offset,
                                 uint32_t value, MemTxAttrs attrs)
{
    int base = (offset - A_GICD_ICFGR) * 4;
    int i;

    for (i = 0; i < 16; i++) {
        int irq = base + i;

        if (irq >= GIC_NR_SGIS && gic_irq_is_visible(s, cpu, irq, attrs)) {
            gic_irq(s, cpu, irq)->edge = extract32(value, 2 * i + 1, 1);
        }
    }
}

/*
 * GICD_SGIR: pend an SGI from @cpu on the listed CPUs, all others or
 * itself.  With the security extensions a secure write reaches the
 * targets where the SGI's group matches NSATT, a non-secure write only
 * those where it is Group 1.
 */
static void gic_dist_write_sgir(GICState *s, int cpu, uint32_t value,
                                MemTxAttrs attrs)
{
    int sgi = FIELD_EX32(value, GICD_SGIR, SGIINTID);
    bool group1 = !attrs.secure || FIELD_EX32(value, GICD_SGIR, NSATT);
    uint8_t targets;
    int t;

    switch (FIELD_EX32(value, GICD_SGIR, TARGET_LIST_FILTER)) {
    case GICD_SGIR_FILTER_LIST:
        targets = FIELD_EX32(value, GICD_SGIR, CPU_TARGET_LIST);
        break;
    case GICD_SGIR_FILTER_OTHERS:
        targets = ~(1 << cpu);
        break;
    case GICD_SGIR_FILTER_SELF:
        targets = 1 << cpu;
        break;
    default:
        qemu_log_mask(LOG_GUEST_ERROR,
                      "%s: reserved target list filter in 0x%x\n",
                      __func__, value);
        return;
    }
    targets &= gic_all_cpu_mask(s);
    for (t = 0; t < s->num_cpu; t++) {
        if (!(targets & (1 << t)) ||
            (s->security_extn && s->banked[t][sgi].group1 != group1)) {
            continue;
        }
        s->sgi_pending[t][sgi] |= 1 << cpu;
    }
}

static uint8_t gic_dist_read_byte(GICState *s, int cpu, hwaddr offset,
                                  MemTxAttrs attrs)
{
    int irq;

    if (offset < A_GICD_ITARGETSR) {
        irq = offset - A_GICD_IPRIORITYR;
        if (!gic_irq_is_visible(s, cpu, irq, attrs)) {
            return 0;
        }
        if (gic_access_is_ns(s, attrs)) {
            return gic_ns_priority_view(gic_irq(s, cpu, irq)->priority);
        }
        return gic_irq(s, cpu, irq)->priority;
    }
    if (offset < A_GICD_ICFGR) {
        irq = offset - A_GICD_ITARGETSR;
        return s->num_cpu > 1 && gic_irq_is_visible(s, cpu, irq, attrs) ?
               gic_irq_targets(s, cpu, irq) : 0;
    }
    irq = (offset - A_GICD_CPENDSGIR) % GIC_NR_SGIS;
    return gic_irq_is_visible(s, cpu, irq, attrs) ?
           s->sgi_pending[cpu][irq] : 0;
}

static void gic_dist_write_byte(GICState *s, int cpu, hwaddr offset,
                                uint8_t value, MemTxAttrs attrs)
{
    int irq;

    if (offset < A_GICD_ITARGETSR) {
        irq = offset - A_GICD_IPRIORITYR;
        if (gic_irq_is_visible(s, cpu, irq, attrs)) {
            if (gic_access_is_ns(s, attrs)) {
                value = gic_ns_priority_from_view(value);
            }
            gic_irq(s, cpu, irq)->priority = value & gic_priority_bits(s);
        }
        return;
    }
    if (offset < A_GICD_ICFGR) {
        /* SGI and PPI targets are read-only, as are all with one CPU. */
        irq = offset - A_GICD_ITARGETSR;
        if (irq >= GIC_INTERNAL && s->num_cpu > 1 &&
            gic_irq_is_visible(s, cpu, irq, attrs)) {
            s->spi[irq - GIC_INTERNAL].targets = value & gic_all_cpu_mask(s);
        }
        return;
    }
    irq = (offset - A_GICD_CPENDSGIR) % GIC_NR_SGIS;
    if (!gic_irq_is_visible(s, cpu, irq, attrs)) {
        return;
    }
    if (offset < A_GICD_SPENDSGIR) {
        s->sgi_pending[cpu][irq] &= ~value;
    } else {
        s->sgi_pending[cpu][irq] |= value & gic_all_cpu_mask(s);
    }
}

static uint32_t gic_dist_read_word(GICState *s, int cpu, hwaddr offset,
                                   MemTxAttrs attrs)
{
    const uint8_t *id = s->revision == 2 ? gic_id_v2 : gic_id_v1;
    uint32_t val = 0;

    switch (offset) {
    case A_GICD_CTLR:
        val = gic_access_is_ns(s, attrs) ? extract32(s->ctlr, 1, 1) : s->ctlr;
        break;
    case A_GICD_TYPER:
        val = FIELD_DP32(val, GICD_TYPER, IT_LINES_NUMBER,
                         s->num_irq / 32 - 1);
        val = FIELD_DP32(val, GICD_TYPER, CPU_NUMBER, s->num_cpu - 1);
        val = FIELD_DP32(val, GICD_TYPER, SECURITY_EXTN, s->security_extn);
        break;
    case A_GICD_IIDR:
        val = s->revision == 2 ? GICD_IIDR_V2 : GIC_IMPLEMENTER_ARM;
        break;
    case A_GICD_IGROUPR ... A_GICD_ICACTIVER + GICD_BITMAP_SIZE - 1:
        val = gic_dist_read_bitmap(s, cpu, offset, attrs);
        break;
    case A_GICD_ICFGR ... A_GICD_IMPDEF - 1:
        val = gic_dist_read_icfgr(s, cpu, offset, attrs);
        break;
    case A_GICD_IMPDEF ... A_GICD_NSACR - 1:
        qemu_log_mask(LOG_UNIMP, "%s: implementation defined register "
                      "0x%" HWADDR_PRIx "\n", __func__, offset);
        break;
    case A_GICD_NSACR ... A_GICD_SGIR - 1:
        break;                  /* NSACR: RAZ/WI, as the spec permits */
    case A_GICD_PIDR4 ... GICD_SIZE - 1:
        val = id[(offset - A_GICD_PIDR4) / 4];
        break;
    case A_GICD_SGIR:
        qemu_log_mask(LOG_GUEST_ERROR, "%s: read of write-only GICD_SGIR\n",
                      __func__);
        break;
    default:
        qemu_log_mask(LOG_GUEST_ERROR, "%s: bad offset 0x%" HWADDR_PRIx "\n",
                      __func__, offset);
        break;
    }
    return val;
}

static void gic_dist_write_word(GICState *s, int cpu, hwaddr offset,
                                uint32_t value, MemTxAttrs attrs)
{
    switch (offset) {
    case A_GICD_CTLR:
        if (gic_access_is_ns(s, attrs)) {
            s->ctlr = deposit32(s->ctlr, 1, 1, value);
        } else {
            s->ctlr = value & (gic_has_groups(s) ?
                               GICD_CTLR_EN_GRP0 | GICD_CTLR_EN_GRP1 :
                               GICD_CTLR_EN_GRP0);
        }
        break;
    case A_GICD_IGROUPR ... A_GICD_ICACTIVER + GICD_BITMAP_SIZE - 1:
        gic_dist_write_bitmap(s, cpu, offset, value, attrs);
        break;
    case A_GICD_ICFGR ... A_GICD_IMPDEF - 1:
        gic_dist_write_icfgr(s, cpu, offset, value, attrs);
        break;
    case A_GICD_IMPDEF ... A_GICD_NSACR - 1:
        qemu_log_mask(LOG_UNIMP, "%s: implementation defined register "
                      "0x%" HWADDR_PRIx "\n", __func__, offset);
        break;
    case A_GICD_NSACR ... A_GICD_SGIR - 1:
        break;
    case A_GICD_SGIR:
        gic_dist_write_sgir(s, cpu, value, attrs);
        break;
    case A_GICD_TYPER:
    case A_GICD_IIDR:
    case A_GICD_PIDR4 ... GICD_SIZE - 1:
        qemu_log_mask(LOG_GUEST_ERROR,
                      "%s: write to read-only register 0x%" HWADDR_PRIx "\n",
                      __func__, offset);
        break;
    default:
        qemu_log_mask(LOG_GUEST_ERROR, "%s: bad offset 0x%" HWADDR_PRIx "\n",
                      __func__, offset);
        break;
    }
}

/*
 * Every distributor register takes word accesses; priorities, targets
 * and the SGI pending registers take bytes too.  Other sizes fail.
 */
static bool gic_dist_size_is_valid(hwaddr offset, unsigned size)
{
    return size == 4 || (size == 1 && gic_dist_is_byte_reg(offset));
}

static MemTxResult gic_dist_read(void *opaque, hwaddr offset,
                                 uint64_t *data, unsigned size,
                                 MemTxAttrs attrs)
{
    GICState *s = opaque;
    int cpu = gic_current_cpu(s);
    unsigned i;

    *data = 0;
    if (!gic_dist_size_is_valid(offset, size)) {
        qemu_log_mask(LOG_GUEST_ERROR,
                      "%s: %u-byte access at 0x%" HWADDR_PRIx "\n",
                      __func__, size, offset);
        return MEMTX_ERROR;
    }
    if (!gic_dist_is_byte_reg(offset)) {
        *data = gic_dist_read_word(s, cpu, offset, attrs);
    } else {
        for (i = 0; i < size; i++) {
            *data |= (uint64_t)gic_dist_read_byte(s, cpu, offset + i, attrs)
                     << (8 * i);
        }
    }
    trace_gic_dist_read(offset, size, *data);
    return MEMTX_OK;
}

static MemTxResult gic_dist_write(void *opaque, hwaddr offset,
                                  uint64_t data, unsigned size,
                                  MemTxAttrs attrs)
{
    GICState *s = opaque;
    int cpu = gic_current_cpu(s);
    unsigned i;

    if (!gic_dist_size_is_valid(offset, size)) {
        qemu_log_mask(LOG_GUEST_ERROR,
                      "%s: %u-byte access at 0x%" HWADDR_PRIx "\n",
                      __func__, size, offset);
        return MEMTX_ERROR;
    }
    trace_gic_dist_write(offset, size, data);
    if (!gic_dist_is_byte_reg(offset)) {
        gic_dist_write_word(s, cpu, offset, data, attrs);
    } else {
        for (i = 0; i < size; i++) {
            gic_dist_write_byte(s, cpu, offset + i, data >> (8 * i), attrs);
        }
    }
    gic_update(s);
    return MEMTX_OK;
}

static const MemoryRegionOps gic_dist_ops = {
    .read_with_attrs = gic_dist_read,
    .write_with_attrs = gic_dist_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
    .valid = { .min_access_size = 1, .max_access_size = 4 },
    .impl = { .min_access_size = 1, .max_access_size = 4 },
};

static const MemoryRegionOps gic_thiscpu_ops = {
    .read_with_attrs = gic_thiscpu_read,
    .write_with_attrs = gic_thiscpu_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
    .valid = { .min_access_size = 1, .max_access_size = 4 },
    .impl = { .min_access_size = 1, .max_access_size = 4 },
};

static const MemoryRegionOps gic_percpu_ops = {
    .read_with_attrs = gic_percpu_read,
    .write_with_attrs = gic_percpu_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
    .valid = { .min_access_size = 1, .max_access_size = 4 },
    .impl = { .min_access_size = 1, .max_access_size = 4 },
};

/* Migration */

static ARMGICState *gic_mig(GICState *s)
{
    return container_of(s, ARMGICState, parent_obj);
}

/* How far QEMU's preemption levels are shifted left of ours. */
static int gic_mig_level_shift(GICState *s)
{
    return 7 - gic_preemption_bits(s);
}

/* Our active priority bits of @cpu in QEMU's [register][cpu] layout. */
static void gic_apr_to_mig(GICState *s, const uint32_t *ours,
                           uint32_t mig[GIC_NR_APRS][GIC_NCPU], int cpu)
{
    int shift = gic_mig_level_shift(s);
    int l, q;

    for (l = 0; l < GIC_NR_APRS; l++) {
        mig[l][cpu] = 0;
    }
    for (l = 0; l < GIC_MIG_LEVELS; l++) {
        q = l << shift;
        if ((ours[l / 32] & (1U << (l % 32))) && q < GIC_MIG_LEVELS) {
            mig[q / 32][cpu] |= 1U << (q % 32);
        }
    }
}

/*
 * QEMU's active priority bits of @cpu as ours, in @ours; false when a
 * level is not one this GIC's priority bits can reach.
 */
static bool gic_apr_from_mig(GICState *s, uint32_t mig[GIC_NR_APRS][GIC_NCPU],
                             int cpu, uint32_t *ours, const char *name,
                             Error **errp)
{
    int shift = gic_mig_level_shift(s);
    int q;

    memset(ours, 0, GIC_NR_APRS * sizeof(uint32_t));
    for (q = 0; q < GIC_MIG_LEVELS; q++) {
        if (!(mig[q / 32][cpu] & (1U << (q % 32)))) {
            continue;
        }
        if (q & ((1 << shift) - 1)) {
            error_setg(errp, "%s[%d][%d] bit %d is not a preemption level "
                       "of a GIC with %u priority bits", name, q / 32, cpu,
                       q % 32, s->n_prio_bits);
            return false;
        }
        ours[(q >> shift) / 32] |= 1U << ((q >> shift) % 32);
    }
    return true;
}

/* The CPUs a pending or active SPI is recorded against in QEMU's masks. */
static uint8_t gic_mig_spi_cpus(GICState *s, int irq)
{
    uint8_t targets = s->spi[irq - GIC_INTERNAL].targets;

    if (s->num_cpu == 1) {
        return 1;
    }
    return targets ? targets : gic_all_cpu_mask(s);
}

/* The highest pending interrupt above the priority mask, or 1023. */
static uint16_t gic_mig_current_pending(GICState *s, int cpu)
{
    int irq = gic_highest_pending(s, cpu);

    if (irq == GIC_SPURIOUS ||
        gic_irq(s, cpu, irq)->priority >= s->priority_mask[cpu]) {
        return GIC_SPURIOUS;
    }
    return irq;
}

static int gic_pre_save(void *opaque)
{
    GICState *s = opaque;
    ARMGICState *m = gic_mig(s);
    int cpu, irq;

    memset(&m->ctlr, 0, sizeof(*m) - offsetof(ARMGICState, ctlr));
    m->ctlr = s->ctlr;
    for (cpu = 0; cpu < GIC_NCPU; cpu++) {
        m->cpu_ctlr[cpu] = s->cpu_ctlr[cpu];
        m->priority_mask[cpu] = s->priority_mask[cpu];
        m->running_priority[cpu] = gic_running_priority(s, cpu);
        m->current_pending[cpu] = cpu < s->num_cpu ?
                                  gic_mig_current_pending(s, cpu) :
                                  GIC_SPURIOUS;
        m->bpr[cpu] = s->bpr[cpu];
        m->abpr[cpu] = s->abpr[cpu];
        gic_apr_to_mig(s, s->apr[cpu], m->apr, cpu);
        gic_apr_to_mig(s, s->nsapr[cpu], m->nsapr, cpu);
    }
    for (irq = 0; irq < GIC_INTERNAL; irq++) {
        GICMigIrqState *q = &m->irq_state[irq];

        q->edge_trigger = s->banked[0][irq].edge;
        for (cpu = 0; cpu < s->num_cpu; cpu++) {
            GICIrqState *p = &s->banked[cpu][irq];
            uint8_t bit = 1 << cpu;

            if (irq < GIC_NR_SGIS) {
                q->enabled = GIC_ALL_CPU_MASK;
                q->pending |= s->sgi_pending[cpu][irq] ? bit : 0;
                m->sgi_pending[irq][cpu] = s->sgi_pending[cpu][irq];
            } else {
                q->enabled |= p->enabled ? bit : 0;
                q->pending |= p->pending ? bit : 0;
            }
            q->active |= p->active ? bit : 0;
            q->level |= p->level ? bit : 0;
            q->group |= p->group1 ? bit : 0;
            m->priority1[irq][cpu] = p->priority;
        }
    }
    for (irq = GIC_INTERNAL; irq < s->num_irq; irq++) {
        GICIrqState *p = &s->spi[irq - GIC_INTERNAL];
        GICMigIrqState *q = &m->irq_state[irq];

        q->enabled = p->enabled ? GIC_ALL_CPU_MASK : 0;
        q->pending = p->pending ? gic_mig_spi_cpus(s, irq) : 0;
        q->active = p->active ? gic_mig_spi_cpus(s, irq) : 0;
        q->level = p->level ? GIC_ALL_CPU_MASK : 0;
        q->edge_trigger = p->edge;
        q->group = p->group1 ? GIC_ALL_CPU_MASK : 0;
        m->priority2[irq - GIC_INTERNAL] = p->priority;
        m->irq_target[irq] = p->targets;
    }
    if (s->num_cpu == 1) {
        /* QEMU records its sole CPU as the target of every interrupt. */
        memset(m->irq_target, 1, sizeof(m->irq_target));
    }
    return 0;
}

static int gic_pre_load(void *opaque)
{
    gic_mig(opaque)->virt_state_loaded = false;
    return 0;
}

static int gic_virt_state_post_load(void *opaque, int version_id)
{
    gic_mig(opaque)->virt_state_loaded = true;
    return 0;
}

/* The CPU interface registers of @cpu must be ones the guest could set. */
static bool gic_mig_check_cpu(GICState *s, int cpu, Error **errp)
{
    ARMGICState *m = gic_mig(s);

    if (m->cpu_ctlr[cpu] & ~gic_cpu_ctlr_writable(s)) {
        error_setg(errp, "cpu_ctlr[%d] 0x%" PRIx32 " sets bits this GIC "
                   "does not implement", cpu, m->cpu_ctlr[cpu]);
        return false;
    }
    if (m->priority_mask[cpu] > 0xff ||
        (m->priority_mask[cpu] & ~gic_priority_bits(s))) {
        error_setg(errp, "priority_mask[%d] 0x%x is not a priority of a "
                   "GIC with %u priority bits", cpu, m->priority_mask[cpu],
                   s->n_prio_bits);
        return false;
    }
    if (m->running_priority[cpu] > GIC_PRIO_IDLE) {
        error_setg(errp, "running_priority[%d] 0x%x is out of range "
                   "(0-0x100)", cpu, m->running_priority[cpu]);
        return false;
    }
    if (m->current_pending[cpu] > GIC_SPURIOUS) {
        error_setg(errp, "current_pending[%d] %u is out of range (0-1023)",
                   cpu, m->current_pending[cpu]);
        return false;
    }
    if (m->bpr[cpu] > 7 || m->abpr[cpu] > 7) {
        error_setg(errp, "bpr[%d] %u or abpr[%d] %u is out of range (0-7)",
                   cpu, m->bpr[cpu], cpu, m->abpr[cpu]);
        return false;
    }
    return true;
}

/*
 * Interrupts this GIC lacks (num-irq and above) must be idle, and
 * priorities may only use the implemented bits.
 */
static bool gic_mig_check_irq(GICState *s, int irq, Error **errp)
{
    ARMGICState *m = gic_mig(s);
    GICMigIrqState *q = &m->irq_state[irq];
    int cpu;

    if (q->model) {
        error_setg(errp, "irq_state[%d].model is set: the 1-N model is "
                   "11MPCore only", irq);
        return false;
    }
    if (irq >= s->num_irq) {
        if (q->enabled || q->pending || q->active || q->level || q->group ||
            q->edge_trigger || m->priority2[irq - GIC_INTERNAL]) {
            error_setg(errp, "irq_state[%d] is not idle but the GIC has "
                       "%u interrupts", irq, s->num_irq);
            return false;
        }
        return true;
    }
    if (irq >= GIC_INTERNAL) {
        if (m->priority2[irq - GIC_INTERNAL] & ~gic_priority_bits(s)) {
            error_setg(errp, "priority2[%d] 0x%x uses unimplemented priority "
                       "bits", irq - GIC_INTERNAL,
                       m->priority2[irq - GIC_INTERNAL]);
            return false;
        }
        return true;
    }
    for (cpu = 0; cpu < s->num_cpu; cpu++) {
        if (m->priority1[irq][cpu] & ~gic_priority_bits(s)) {
            error_setg(errp, "priority1[%d][%d] 0x%x uses unimplemented "
                       "priority bits", irq, cpu, m->priority1[irq][cpu]);
            return false;
        }
    }
    return true;
}

static void gic_mig_apply_irq(GICState *s, int irq)
{
    ARMGICState *m = gic_mig(s);
    GICMigIrqState *q = &m->irq_state[irq];
    GICIrqState *p;
    int cpu;

    if (irq >= GIC_INTERNAL) {
        p = &s->spi[irq - GIC_INTERNAL];
        p->enabled = q->enabled != 0;
        p->pending = q->pending != 0;
        p->active = q->active != 0;
        p->level = q->level != 0;
        p->edge = q->edge_trigger;
        p->group1 = q->group != 0;
        p->priority = m->priority2[irq - GIC_INTERNAL];
        p->targets = s->num_cpu > 1 ?
                     m->irq_target[irq] & gic_all_cpu_mask(s) : 0;
        return;
    }
    for (cpu = 0; cpu < s->num_cpu; cpu++) {
        uint8_t bit = 1 << cpu;

        p = &s->banked[cpu][irq];
        if (irq < GIC_NR_SGIS) {
            /* Always enabled, edge-triggered, pending by source CPU. */
            p->enabled = false;
            p->pending = false;
            p->edge = true;
            s->sgi_pending[cpu][irq] = m->sgi_pending[irq][cpu] &
                                       gic_all_cpu_mask(s);
        } else {
            p->enabled = q->enabled & bit;
            p->pending = q->pending & bit;
            p->edge = q->edge_trigger;
        }
        p->active = q->active & bit;
        p->level = q->level & bit;
        p->group1 = q->group & bit;
        p->priority = m->priority1[irq][cpu];
        p->targets = 0;
    }
}

/*
 * Everything is checked before anything reaches the model, so a refused
 * stream leaves the GIC as it was.  Running priorities and the highest
 * pending interrupts are derived, and the output lines are left alone.
 */
static bool gic_post_load(void *opaque, int version_id, Error **errp)
{
    GICState *s = opaque;
    ARMGICState *m = gic_mig(s);
    uint32_t apr[GIC_NCPU][GIC_NR_APRS], nsapr[GIC_NCPU][GIC_NR_APRS];
    uint32_t ctlr_mask = gic_has_groups(s) ?
                         GICD_CTLR_EN_GRP0 | GICD_CTLR_EN_GRP1 :
                         GICD_CTLR_EN_GRP0;
    int cpu, irq;

    if (m->virt_state_loaded) {
        error_setg(errp, "arm_gic_virt_state: the virtualization extensions "
                   "are not supported");
        return false;
    }
    if (m->ctlr & ~ctlr_mask) {
        error_setg(errp, "ctlr 0x%" PRIx32 " sets bits this GIC does not "
                   "implement", m->ctlr);
        return false;
    }
    for (cpu = 0; cpu < s->num_cpu; cpu++) {
        if (!gic_mig_check_cpu(s, cpu, errp) ||
            !gic_apr_from_mig(s, m->apr, cpu, apr[cpu], "apr", errp) ||
            !gic_apr_from_mig(s, m->nsapr, cpu, nsapr[cpu], "nsapr", errp)) {
            return false;
        }
    }
    for (irq = 0; irq < GIC_MAXIRQ; irq++) {
        if (!gic_mig_check_irq(s, irq, errp)) {
            return false;
        }
    }

    s->ctlr = m->ctlr;
    for (cpu = 0; cpu < s->num_cpu; cpu++) {
        s->cpu_ctlr[cpu] = m->cpu_ctlr[cpu];
        s->priority_mask[cpu] = m->priority_mask[cpu];
        s->bpr[cpu] = MAX(m->bpr[cpu], gic_min_bpr(s));
        s->abpr[cpu] = MAX(m->abpr[cpu], gic_min_bpr(s) + 1);
        memcpy(s->apr[cpu], apr[cpu], sizeof(s->apr[cpu]));
        memcpy(s->nsapr[cpu], nsapr[cpu], sizeof(s->nsapr[cpu]));
    }
    for (irq = 0; irq < s->num_irq; irq++) {
        gic_mig_apply_irq(s, irq);
    }
    return true;
}

static bool gic_virt_state_needed(void *opaque)
{
    return ARM_GIC_COMMON(opaque)->virt_extn;
}

static const VMStateDescription vmstate_gic_irq_state = {
    .name = "arm_gic_irq_state",
    .version_id = 1,
    .minimum_version_id = 1,
    .fields = (const VMStateField[]) {
        VMSTATE_UINT8(enabled, GICMigIrqState),
        VMSTATE_UINT8(pending, GICMigIrqState),
        VMSTATE_UINT8(active, GICMigIrqState),
        VMSTATE_UINT8(level, GICMigIrqState),
        VMSTATE_BOOL(model, GICMigIrqState),
        VMSTATE_BOOL(edge_trigger, GICMigIrqState),
        VMSTATE_UINT8(group, GICMigIrqState),
        VMSTATE_END_OF_LIST()
    },
};

static const VMStateDescription vmstate_gic_virt_state = {
    .name = "arm_gic_virt_state",
    .version_id = 1,
    .minimum_version_id = 1,
    .needed = gic_virt_state_needed,
    .post_load = gic_virt_state_post_load,
    .fields = (const VMStateField[]) {
        VMSTATE_UINT32_ARRAY(h_hcr, ARMGICState, GIC_NCPU),
        VMSTATE_UINT32_ARRAY(h_misr, ARMGICState, GIC_NCPU),
        VMSTATE_UINT32_2DARRAY(h_lr, ARMGICState, GIC_MAX_LR, GIC_NCPU),
        VMSTATE_UINT32_ARRAY(h_apr, ARMGICState, GIC_NCPU),
        VMSTATE_UINT32_SUB_ARRAY(cpu_ctlr, ARMGICState, GIC_NCPU, GIC_NCPU),
        VMSTATE_UINT16_SUB_ARRAY(priority_mask, ARMGICState, GIC_NCPU,
                                 GIC_NCPU),
        VMSTATE_UINT16_SUB_ARRAY(running_priority, ARMGICState, GIC_NCPU,
                                 GIC_NCPU),
        VMSTATE_UINT16_SUB_ARRAY(current_pending, ARMGICState, GIC_NCPU,
                                 GIC_NCPU),
        VMSTATE_UINT8_SUB_ARRAY(bpr, ARMGICState, GIC_NCPU, GIC_NCPU),
        VMSTATE_UINT8_SUB_ARRAY(abpr, ARMGICState, GIC_NCPU, GIC_NCPU),
        VMSTATE_END_OF_LIST()
    },
};

static const VMStateDescription vmstate_gic = {
    .name = "arm_gic",
    .version_id = 12,
    .minimum_version_id = 12,
    .pre_save = gic_pre_save,
    .pre_load = gic_pre_load,
    .post_load_errp = gic_post_load,
    .fields = (const VMStateField[]) {
        VMSTATE_UINT32(ctlr, ARMGICState),
        VMSTATE_UINT32_SUB_ARRAY(cpu_ctlr, ARMGICState, 0, GIC_NCPU),
        VMSTATE_STRUCT_ARRAY(irq_state, ARMGICState, GIC_MAXIRQ, 1,
                             vmstate_gic_irq_state, GICMigIrqState),
        VMSTATE_UINT8_ARRAY(irq_target, ARMGICState, GIC_MAXIRQ),
        VMSTATE_UINT8_2DARRAY(priority1, ARMGICState, GIC_INTERNAL,
                              GIC_NCPU),
        VMSTATE_UINT8_ARRAY(priority2, ARMGICState,
                            GIC_MAXIRQ - GIC_INTERNAL),
        VMSTATE_UINT8_2DARRAY(sgi_pending, ARMGICState, GIC_NR_SGIS,
                              GIC_NCPU),
        VMSTATE_UINT16_SUB_ARRAY(priority_mask, ARMGICState, 0, GIC_NCPU),
        VMSTATE_UINT16_SUB_ARRAY(running_priority, ARMGICState, 0, GIC_NCPU),
        VMSTATE_UINT16_SUB_ARRAY(current_pending, ARMGICState, 0, GIC_NCPU),
        VMSTATE_UINT8_SUB_ARRAY(bpr, ARMGICState, 0, GIC_NCPU),
        VMSTATE_UINT8_SUB_ARRAY(abpr, ARMGICState, 0, GIC_NCPU),
        VMSTATE_UINT32_2DARRAY(apr, ARMGICState, GIC_NR_APRS, GIC_NCPU),
        VMSTATE_UINT32_2DARRAY(nsapr, ARMGICState, GIC_NR_APRS, GIC_NCPU),
        VMSTATE_END_OF_LIST()
    },
    .subsections = (const VMStateDescription * const []) {
        &vmstate_gic_virt_state,
        NULL
    },
};

/*
 * Architectural reset: everything disabled, inactive and Group 0 with
 * priority 0; SGIs edge-triggered, PPIs and SPIs level-sensitive; binary
 * points at their minimum.  Input line levels are the wires' state and
 * survive.
 */
static void arm_gic_reset_hold(Object *obj, ResetType type)
{
    GICState *s = ARM_GIC(obj);
    int cpu, irq;

    s->ctlr = 0;
    for (cpu = 0; cpu < GIC_NCPU; cpu++) {
        for (irq = 0; irq < GIC_INTERNAL; irq++) {
            bool level = s->banked[cpu][irq].level;

            s->banked[cpu][irq] = (GICIrqState) {
                .level = level,
                .edge = irq < GIC_NR_SGIS,
            };
        }
        memset(s->sgi_pending[cpu], 0, sizeof(s->sgi_pending[cpu]));
        s->cpu_ctlr[cpu] = 0;
        s->priority_mask[cpu] = 0;
        s->bpr[cpu] = gic_min_bpr(s);
        s->abpr[cpu] = gic_min_bpr(s) + 1;
        memset(s->apr[cpu], 0, sizeof(s->apr[cpu]));
        memset(s->nsapr[cpu], 0, sizeof(s->nsapr[cpu]));
    }
    for (irq = 0; irq < GIC_MAXIRQ - GIC_INTERNAL; irq++) {
        s->spi[irq] = (GICIrqState) { .level = s->spi[irq].level };
    }
    gic_update(s);
}

static void arm_gic_realize(DeviceState *dev, Error **errp)
{
    ERRP_GUARD();
    GICState *s = ARM_GIC(dev);
    SysBusDevice *sbd = SYS_BUS_DEVICE(dev);
    int i;

    ARM_GIC_GET_CLASS(dev)->parent_realize(dev, errp);
    if (*errp) {
        return;
    }
    qdev_init_gpio_in(dev, gic_set_irq,
                      s->num_irq - GIC_INTERNAL + GIC_INTERNAL * s->num_cpu);
    for (i = 0; i < s->num_cpu; i++) {
        sysbus_init_irq(sbd, &s->parent_irq[i]);
    }
    for (i = 0; i < s->num_cpu; i++) {
        sysbus_init_irq(sbd, &s->parent_fiq[i]);
    }
    for (i = 0; i < s->num_cpu; i++) {
        sysbus_init_irq(sbd, &s->parent_virq[i]);
    }
    for (i = 0; i < s->num_cpu; i++) {
        sysbus_init_irq(sbd, &s->parent_vfiq[i]);
    }
    memory_region_init_io(&s->iomem, OBJECT(s), &gic_dist_ops, s,
                          "gic_dist", GICD_SIZE);
    sysbus_init_mmio(sbd, &s->iomem);
    memory_region_init_io(&s->cpuiomem[0], OBJECT(s), &gic_thiscpu_ops, s,
                          "gic_cpu",
                          s->revision == 2 ? GICC_SIZE_V2 : GICC_SIZE_V1);
    sysbus_init_mmio(sbd, &s->cpuiomem[0]);
    for (i = 0; i < s->num_cpu; i++) {
        s->cpu_region[i] = (GICCPURegion) { .gic = s, .cpu = i };
        memory_region_init_io(&s->cpuiomem[i + 1], OBJECT(s),
                              &gic_percpu_ops, &s->cpu_region[i],
                              "gic_cpu", GICC_PER_CPU_SIZE);
        sysbus_init_mmio(sbd, &s->cpuiomem[i + 1]);
    }
}

static void arm_gic_class_init(ObjectClass *klass, const void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);

    device_class_set_parent_realize(dc, arm_gic_realize,
                                    &ARM_GIC_CLASS(klass)->parent_realize);
    RESETTABLE_CLASS(klass)->phases.hold = arm_gic_reset_hold;
}

/* Property checks shared by every GIC implementation. */
static void arm_gic_common_realize(DeviceState *dev, Error **errp)
{
    GICState *s = ARM_GIC_COMMON(dev);
    uint32_t min_prio_bits = s->security_extn ? GIC_MIN_PRIORITY_BITS_SECURE
                                              : GIC_MIN_PRIORITY_BITS;

    if (s->num_cpu < 1 || s->num_cpu > GIC_NCPU) {
        error_setg(errp, "requested %u CPUs: the GIC supports 1 to %d",
                   s->num_cpu, GIC_NCPU);
        return;
    }
    if (s->num_irq > GIC_MAXIRQ) {
        error_setg(errp, "requested %u interrupt lines exceeds GIC "
                   "maximum %d", s->num_irq, GIC_MAXIRQ);
        return;
    }
    if (s->num_irq < GIC_INTERNAL || s->num_irq % 32) {
        error_setg(errp, "%u interrupt lines unsupported: not a multiple "
                   "of 32 of at least %d", s->num_irq, GIC_INTERNAL);
        return;
    }
    if (s->revision != 1 && s->revision != 2) {
        error_setg(errp, "GIC revision %u unsupported (1 or 2)",
                   s->revision);
        return;
    }
    if (s->n_prio_bits < min_prio_bits ||
        s->n_prio_bits > GIC_MAX_PRIORITY_BITS) {
        error_setg(errp, "num-priority-bits %u out of range %u to %d",
                   s->n_prio_bits, min_prio_bits, GIC_MAX_PRIORITY_BITS);
        return;
    }
    if (s->virt_extn) {
        error_setg(errp, "GIC virtualization extensions are not supported");
    }
}

static const Property arm_gic_common_properties[] = {
    DEFINE_PROP_UINT32("num-cpu", GICState, num_cpu, 1),
    DEFINE_PROP_UINT32("first-cpu-index", GICState, first_cpu_index, 0),
    DEFINE_PROP_UINT32("num-irq", GICState, num_irq, 32),
    DEFINE_PROP_UINT32("revision", GICState, revision, 1),
    DEFINE_PROP_BOOL("has-security-extensions", GICState, security_extn,
                     false),
    DEFINE_PROP_BOOL("has-virtualization-extensions", GICState, virt_extn,
                     false),
    DEFINE_PROP_UINT32("num-priority-bits", GICState, n_prio_bits, 8),
};

static void arm_gic_common_class_init(ObjectClass *klass, const void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);

    dc->realize = arm_gic_common_realize;
    dc->desc = "ARM Generic Interrupt Controller";
    dc->vmsd = &vmstate_gic;
    device_class_set_props(dc, arm_gic_common_properties);
}

static const TypeInfo arm_gic_types[] = {
    {
        .name          = TYPE_ARM_GIC_COMMON,
        .parent        = TYPE_SYS_BUS_DEVICE,
        .instance_size = sizeof(ARMGICState),
        .class_init    = arm_gic_common_class_init,
        .abstract      = true,
    },
    {
        .name          = TYPE_ARM_GIC,
        .parent        = TYPE_ARM_GIC_COMMON,
        .class_size    = sizeof(ARMGICClass),
        .class_init    = arm_gic_class_init,
    },
};
DEFINE_TYPES(arm_gic_types)
