/*
 * ARM GICv2 on the virt board: registers, the interrupt life cycle
 * (pending, acknowledge, end of interrupt), masking, triggers and SGIs.
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * virt maps the distributor at 0x08000000 and the CPU interface at
 * 0x08010000, with 256 SPIs, revision 2 and no security extensions.
 * GPIO input n of the GIC is SPI n (interrupt ID 32 + n); its first
 * sysbus IRQ output is CPU 0's IRQ line.  Expected values come from ARM
 * IHI 0048B.  Every case also runs against QEMU itself (started with
 * -accel tcg -S), so identification registers are checked only in the
 * fields both implement alike, and output levels only where the binary
 * can intercept them (see gic_outputs_are_observable).
 */
#include "qemu/osdep.h"
#include "libqtest.h"

#define GICD_BASE       0x08000000
#define GICD_CTLR       0x000
#define GICD_TYPER      0x004
#define GICD_IIDR       0x008
#define GICD_IGROUPR    0x080
#define GICD_ISENABLER  0x100
#define GICD_ICENABLER  0x180
#define GICD_ISPENDR    0x200
#define GICD_ICPENDR    0x280
#define GICD_ISACTIVER  0x300
#define GICD_ICACTIVER  0x380
#define GICD_IPRIORITYR 0x400
#define GICD_ICFGR      0xc00
#define GICD_SGIR       0xf00
#define GICD_SPENDSGIR  0xf20
#define GICD_PIDR4      0xfd0
#define GICD_PIDR0      0xfe0
#define GICD_CIDR0      0xff0

#define GICC_BASE       0x08010000
#define GICC_CTLR       0x00
#define GICC_PMR        0x04
#define GICC_BPR        0x08
#define GICC_IAR        0x0c
#define GICC_EOIR       0x10
#define GICC_RPR        0x14
#define GICC_HPPIR      0x18
#define GICC_IIDR       0xfc

#define SPURIOUS        1023
#define NUM_IRQ         288         /* virt: 256 SPIs + 32 internal */
#define SPI             5           /* GPIO input; interrupt ID 37 */
#define SPI_ID          (32 + SPI)
#define SPI2            6
#define SPI2_ID         (32 + SPI2)

typedef struct GICTest {
    QTestState *qts;
    char *path;                     /* QOM path of the arm_gic */
    bool outputs;                   /* output levels can be observed */
} GICTest;

/*
 * QEMU 7.2, the reference, ignores the list name of irq_intercept_out
 * and intercepts only unnamed outputs, never the GIC's "sysbus-irq"
 * lines; with it the output levels go unchecked.
 */
static bool gic_outputs_are_observable(QTestState *qts)
{
    QDict *resp = qtest_qmp(qts, "{'execute': 'query-version'}");
    QDict *version = qdict_get_qdict(qdict_get_qdict(resp, "return"),
                                     "qemu");
    bool observable = qdict_get_int(version, "major") >= 8;

    qobject_unref(resp);
    return observable;
}

/* Boot virt with @extra, find the GIC and watch its CPU 0 IRQ output. */
static void gic_start(GICTest *t, const char *extra)
{
    t->qts = qtest_initf("-machine virt %s", extra);
    t->path = qtest_qom_find_child_of_type(t->qts, "/machine", "arm_gic");
    g_assert(t->path);
    t->outputs = gic_outputs_are_observable(t->qts);
    qtest_irq_intercept_out_named(t->qts, t->path, "sysbus-irq");
}

static void gic_stop(GICTest *t)
{
    qtest_quit(t->qts);
    g_free(t->path);
}

static uint32_t dist_read(GICTest *t, uint32_t reg)
{
    return qtest_readl(t->qts, GICD_BASE + reg);
}

static void dist_write(GICTest *t, uint32_t reg, uint32_t value)
{
    qtest_writel(t->qts, GICD_BASE + reg, value);
}

static uint32_t cpu_read(GICTest *t, uint32_t reg)
{
    return qtest_readl(t->qts, GICC_BASE + reg);
}

static void cpu_write(GICTest *t, uint32_t reg, uint32_t value)
{
    qtest_writel(t->qts, GICC_BASE + reg, value);
}

/* Bit of interrupt @id in a one-bit-per-interrupt register array. */
static bool dist_test_bit(GICTest *t, uint32_t reg, int id)
{
    return dist_read(t, reg + id / 32 * 4) & (1U << (id % 32));
}

static void dist_set_bit(GICTest *t, uint32_t reg, int id)
{
    dist_write(t, reg + id / 32 * 4, 1U << (id % 32));
}

static void set_line(GICTest *t, int spi, int level)
{
    qtest_set_irq_in(t->qts, t->path, "unnamed-gpio-in", spi, level);
}

/* CPU 0's IRQ line is at @level (when the binary lets us see it). */
static void check_cpu_irq(GICTest *t, bool level)
{
    if (t->outputs) {
        g_assert_cmpint(qtest_get_irq(t->qts, 0), ==, level);
    }
}

/*
 * Distributor and CPU interface on, everything unmasked, interrupt @id
 * enabled at @prio.
 */
static void gic_setup(GICTest *t, int id, uint8_t prio)
{
    dist_write(t, GICD_CTLR, 1);
    cpu_write(t, GICC_CTLR, 1);
    cpu_write(t, GICC_PMR, 0xff);
    qtest_writeb(t->qts, GICD_BASE + GICD_IPRIORITYR + id, prio);
    dist_set_bit(t, GICD_ISENABLER, id);
}

static void test_id_registers(void)
{
    static const uint8_t pidr[] = { 0x90, 0xb4, 0x2b, 0x00 };
    static const uint8_t cidr[] = { 0x0d, 0xf0, 0x05, 0xb1 };
    GICTest t;
    int i;

    gic_start(&t, "");
    /* ITLinesNumber = 288 / 32 - 1, CPUNumber 0, no SecurityExtn. */
    g_assert_cmphex(dist_read(&t, GICD_TYPER), ==, NUM_IRQ / 32 - 1);
    /* Implementer ARM; GICC_IIDR also says architecture version 2. */
    g_assert_cmphex(dist_read(&t, GICD_IIDR), ==, 0x43b);
    g_assert_cmphex(cpu_read(&t, GICC_IIDR), ==, 0x2043b);
    g_assert_cmphex(dist_read(&t, GICD_PIDR4), ==, 0x04);
    for (i = 0; i < 4; i++) {
        g_assert_cmphex(dist_read(&t, GICD_PIDR0 + 4 * i), ==, pidr[i]);
        g_assert_cmphex(dist_read(&t, GICD_CIDR0 + 4 * i), ==, cidr[i]);
    }
    gic_stop(&t);
}

static void test_reset_values(void)
{
    GICTest t;

    gic_start(&t, "");
    g_assert_cmphex(dist_read(&t, GICD_CTLR), ==, 0);
    /* SGIs are always enabled; nothing else is. */
    g_assert_cmphex(dist_read(&t, GICD_ISENABLER), ==, 0x0000ffff);
    g_assert_cmphex(dist_read(&t, GICD_ISENABLER + 4), ==, 0);
    /* SGIs are edge-triggered, the other interrupts level-sensitive. */
    g_assert_cmphex(dist_read(&t, GICD_ICFGR), ==, 0xaaaaaaaa);
    g_assert_cmphex(dist_read(&t, GICD_ICFGR + 8), ==, 0);
    g_assert_cmphex(cpu_read(&t, GICC_CTLR), ==, 0);
    g_assert_cmphex(cpu_read(&t, GICC_PMR), ==, 0);
    g_assert_cmphex(cpu_read(&t, GICC_RPR), ==, 0xff);
    gic_stop(&t);
}

static void test_enable_set_clear(void)
{
    GICTest t;

    gic_start(&t, "");
    dist_write(&t, GICD_ISENABLER + 4, 0x5);
    g_assert_cmphex(dist_read(&t, GICD_ISENABLER + 4), ==, 0x5);
    g_assert_cmphex(dist_read(&t, GICD_ICENABLER + 4), ==, 0x5);
    dist_write(&t, GICD_ICENABLER + 4, 0x1);
    g_assert_cmphex(dist_read(&t, GICD_ISENABLER + 4), ==, 0x4);
    /* Writing zeroes changes nothing; SGI enables ignore clearing. */
    dist_write(&t, GICD_ISENABLER + 4, 0);
    dist_write(&t, GICD_ICENABLER, 0xffffffff);
    g_assert_cmphex(dist_read(&t, GICD_ISENABLER + 4), ==, 0x4);
    g_assert_cmphex(dist_read(&t, GICD_ISENABLER), ==, 0x0000ffff);
    gic_stop(&t);
}

static void test_pending_active_set_clear(void)
{
    GICTest t;

    gic_start(&t, "");
    dist_write(&t, GICD_ISPENDR + 4, 0x30);
    g_assert_cmphex(dist_read(&t, GICD_ISPENDR + 4), ==, 0x30);
    dist_write(&t, GICD_ICPENDR + 4, 0x10);
    g_assert_cmphex(dist_read(&t, GICD_ICPENDR + 4), ==, 0x20);
    dist_write(&t, GICD_ISACTIVER + 4, 0x300);
    g_assert_cmphex(dist_read(&t, GICD_ISACTIVER + 4), ==, 0x300);
    dist_write(&t, GICD_ICACTIVER + 4, 0x100);
    g_assert_cmphex(dist_read(&t, GICD_ICACTIVER + 4), ==, 0x200);
    gic_stop(&t);
}

static void test_priority_bytes(void)
{
    GICTest t;

    gic_start(&t, "");
    qtest_writeb(t.qts, GICD_BASE + GICD_IPRIORITYR + SPI_ID, 0xa0);
    g_assert_cmphex(qtest_readb(t.qts, GICD_BASE + GICD_IPRIORITYR +
                                SPI_ID), ==, 0xa0);
    /* ID 37 is byte 1 of the word for IDs 36-39. */
    g_assert_cmphex(dist_read(&t, GICD_IPRIORITYR + 36), ==, 0xa000);
    dist_write(&t, GICD_IPRIORITYR + 36, 0x10203040);
    g_assert_cmphex(qtest_readb(t.qts, GICD_BASE + GICD_IPRIORITYR + 38),
                    ==, 0x20);
    gic_stop(&t);
}

/*
 * A level-sensitive SPI: pending while the line is high, signalled,
 * acknowledged (active and still pending), then completed.
 */
static void test_spi_life_cycle(void)
{
    GICTest t;

    gic_start(&t, "");
    gic_setup(&t, SPI_ID, 0x80);
    check_cpu_irq(&t, false);
    set_line(&t, SPI, 1);
    g_assert_true(dist_test_bit(&t, GICD_ISPENDR, SPI_ID));
    check_cpu_irq(&t, true);
    g_assert_cmpuint(cpu_read(&t, GICC_HPPIR), ==, SPI_ID);

    g_assert_cmpuint(cpu_read(&t, GICC_IAR), ==, SPI_ID);
    check_cpu_irq(&t, false);
    g_assert_true(dist_test_bit(&t, GICD_ISACTIVER, SPI_ID));
    g_assert_true(dist_test_bit(&t, GICD_ISPENDR, SPI_ID));
    g_assert_cmphex(cpu_read(&t, GICC_RPR), ==, 0x80);
    g_assert_cmpuint(cpu_read(&t, GICC_IAR), ==, SPURIOUS);

    set_line(&t, SPI, 0);
    g_assert_false(dist_test_bit(&t, GICD_ISPENDR, SPI_ID));
    cpu_write(&t, GICC_EOIR, SPI_ID);
    g_assert_false(dist_test_bit(&t, GICD_ISACTIVER, SPI_ID));
    g_assert_cmphex(cpu_read(&t, GICC_RPR), ==, 0xff);
    check_cpu_irq(&t, false);
    g_assert_cmpuint(cpu_read(&t, GICC_IAR), ==, SPURIOUS);
    gic_stop(&t);
}

/* A level-sensitive SPI still high at EOI is signalled again. */
static void test_level_reasserts_after_eoi(void)
{
    GICTest t;

    gic_start(&t, "");
    gic_setup(&t, SPI_ID, 0x80);
    set_line(&t, SPI, 1);
    g_assert_cmpuint(cpu_read(&t, GICC_IAR), ==, SPI_ID);
    check_cpu_irq(&t, false);
    cpu_write(&t, GICC_EOIR, SPI_ID);
    check_cpu_irq(&t, true);
    g_assert_cmpuint(cpu_read(&t, GICC_IAR), ==, SPI_ID);
    gic_stop(&t);
}

/* An edge-triggered SPI latches the rising edge; a level one does not. */
static void test_edge_vs_level(void)
{
    GICTest t;

    gic_start(&t, "");
    gic_setup(&t, SPI_ID, 0x80);
    gic_setup(&t, SPI2_ID, 0x80);
    /* Int_config bit 2F+1 of ID 37 (field 5 of GICD_ICFGR2): edge. */
    dist_write(&t, GICD_ICFGR + 8, 2U << (2 * (SPI_ID % 16)));
    g_assert_cmphex(dist_read(&t, GICD_ICFGR + 8), ==,
                    2U << (2 * (SPI_ID % 16)));

    set_line(&t, SPI2, 1);
    set_line(&t, SPI2, 0);
    g_assert_false(dist_test_bit(&t, GICD_ISPENDR, SPI2_ID));

    set_line(&t, SPI, 1);
    set_line(&t, SPI, 0);
    g_assert_true(dist_test_bit(&t, GICD_ISPENDR, SPI_ID));
    check_cpu_irq(&t, true);
    set_line(&t, SPI, 1);
    g_assert_cmpuint(cpu_read(&t, GICC_IAR), ==, SPI_ID);
    /* Acknowledge clears the latch although the line is still high. */
    g_assert_false(dist_test_bit(&t, GICD_ISPENDR, SPI_ID));
    cpu_write(&t, GICC_EOIR, SPI_ID);
    check_cpu_irq(&t, false);
    g_assert_cmpuint(cpu_read(&t, GICC_IAR), ==, SPURIOUS);
    gic_stop(&t);
}

/* Only priorities strictly below GICC_PMR are signalled. */
static void test_priority_mask(void)
{
    GICTest t;

    gic_start(&t, "");
    gic_setup(&t, SPI_ID, 0x80);
    cpu_write(&t, GICC_PMR, 0x80);
    set_line(&t, SPI, 1);
    g_assert_true(dist_test_bit(&t, GICD_ISPENDR, SPI_ID));
    check_cpu_irq(&t, false);
    g_assert_cmpuint(cpu_read(&t, GICC_IAR), ==, SPURIOUS);
    cpu_write(&t, GICC_PMR, 0x90);
    check_cpu_irq(&t, true);
    cpu_write(&t, GICC_PMR, 0);
    check_cpu_irq(&t, false);
    gic_stop(&t);
}

/*
 * The highest priority is taken first; a lower one waits for the
 * running priority to drop; a higher one preempts.
 */
static void test_priority_order_and_preemption(void)
{
    GICTest t;

    gic_start(&t, "");
    gic_setup(&t, SPI_ID, 0x80);
    gic_setup(&t, SPI2_ID, 0x40);
    set_line(&t, SPI, 1);
    set_line(&t, SPI2, 1);
    g_assert_cmpuint(cpu_read(&t, GICC_IAR), ==, SPI2_ID);
    g_assert_cmphex(cpu_read(&t, GICC_RPR), ==, 0x40);
    check_cpu_irq(&t, false);
    g_assert_cmpuint(cpu_read(&t, GICC_IAR), ==, SPURIOUS);
    set_line(&t, SPI2, 0);
    cpu_write(&t, GICC_EOIR, SPI2_ID);
    check_cpu_irq(&t, true);
    g_assert_cmpuint(cpu_read(&t, GICC_IAR), ==, SPI_ID);

    /* 0x40 preempts the running 0x80. */
    set_line(&t, SPI2, 1);
    check_cpu_irq(&t, true);
    g_assert_cmpuint(cpu_read(&t, GICC_IAR), ==, SPI2_ID);
    set_line(&t, SPI2, 0);
    cpu_write(&t, GICC_EOIR, SPI2_ID);
    g_assert_cmphex(cpu_read(&t, GICC_RPR), ==, 0x80);
    set_line(&t, SPI, 0);
    cpu_write(&t, GICC_EOIR, SPI_ID);
    g_assert_cmphex(cpu_read(&t, GICC_RPR), ==, 0xff);
    gic_stop(&t);
}

/*
 * Preemption compares group priorities: with GICC_BPR 7 there are no
 * group priority bits, so 0x40 cannot preempt a running 0x80.
 */
static void test_binary_point(void)
{
    GICTest t;

    gic_start(&t, "");
    gic_setup(&t, SPI_ID, 0x80);
    gic_setup(&t, SPI2_ID, 0x40);
    cpu_write(&t, GICC_BPR, 7);
    g_assert_cmpuint(cpu_read(&t, GICC_BPR), ==, 7);
    set_line(&t, SPI, 1);
    g_assert_cmpuint(cpu_read(&t, GICC_IAR), ==, SPI_ID);
    g_assert_cmphex(cpu_read(&t, GICC_RPR), ==, 0);
    set_line(&t, SPI2, 1);
    check_cpu_irq(&t, false);
    g_assert_cmpuint(cpu_read(&t, GICC_IAR), ==, SPURIOUS);
    set_line(&t, SPI, 0);
    cpu_write(&t, GICC_EOIR, SPI_ID);
    check_cpu_irq(&t, true);
    g_assert_cmpuint(cpu_read(&t, GICC_IAR), ==, SPI2_ID);
    gic_stop(&t);
}

/* Nothing pending, or the distributor off: spurious ID 1023. */
static void test_spurious(void)
{
    GICTest t;

    gic_start(&t, "");
    g_assert_cmpuint(cpu_read(&t, GICC_IAR), ==, SPURIOUS);
    gic_setup(&t, SPI_ID, 0x80);
    dist_write(&t, GICD_CTLR, 0);
    set_line(&t, SPI, 1);
    check_cpu_irq(&t, false);
    g_assert_cmpuint(cpu_read(&t, GICC_HPPIR), ==, SPURIOUS);
    g_assert_cmpuint(cpu_read(&t, GICC_IAR), ==, SPURIOUS);
    /* A disabled interrupt is not forwarded either. */
    dist_write(&t, GICD_CTLR, 1);
    check_cpu_irq(&t, true);
    dist_set_bit(&t, GICD_ICENABLER, SPI_ID);
    check_cpu_irq(&t, false);
    g_assert_cmpuint(cpu_read(&t, GICC_IAR), ==, SPURIOUS);
    gic_stop(&t);
}

/* GICD_SGIR to self: the SGI is pending from CPU 0 and acknowledged. */
static void test_sgi_self(void)
{
    GICTest t;

    gic_start(&t, "");
    gic_setup(&t, 3, 0x10);
    dist_write(&t, GICD_SGIR, (2U << 24) | 3);      /* filter: self */
    g_assert_true(dist_test_bit(&t, GICD_ISPENDR, 3));
    g_assert_cmphex(qtest_readb(t.qts, GICD_BASE + GICD_SPENDSGIR + 3),
                    ==, 0x01);
    check_cpu_irq(&t, true);
    g_assert_cmphex(cpu_read(&t, GICC_IAR), ==, 3);
    g_assert_false(dist_test_bit(&t, GICD_ISPENDR, 3));
    cpu_write(&t, GICC_EOIR, 3);
    g_assert_false(dist_test_bit(&t, GICD_ISACTIVER, 3));
    check_cpu_irq(&t, false);
    gic_stop(&t);
}

/* GICD_SGIR to "all but self" with a single CPU reaches nobody. */
static void test_sgi_others(void)
{
    GICTest t;

    gic_start(&t, "");
    gic_setup(&t, 3, 0x10);
    dist_write(&t, GICD_SGIR, (1U << 24) | 3);
    g_assert_false(dist_test_bit(&t, GICD_ISPENDR, 3));
    check_cpu_irq(&t, false);
    gic_stop(&t);
}

/*
 * With two CPUs an SGI pends per source: CPU 1's request shows in
 * GICC_IAR bits [12:10], and sources are served lowest first.  QEMU
 * takes a qtest access as CPU 0's only under the qtest accelerator;
 * with -accel tcg and two CPUs it has no current CPU and crashes.
 */
static void test_sgi_source_cpu(void)
{
    GICTest t;

    if (!qtest_clock_is_driven()) {
        g_test_skip("two-CPU banking needs the qtest accelerator");
        return;
    }
    gic_start(&t, "-smp 2");
    gic_setup(&t, 5, 0x10);
    qtest_writeb(t.qts, GICD_BASE + GICD_SPENDSGIR + 5, 0x03);
    check_cpu_irq(&t, true);
    g_assert_cmphex(cpu_read(&t, GICC_IAR), ==, 5);
    /* Still pending from CPU 1, but active: not forwarded. */
    g_assert_cmphex(qtest_readb(t.qts, GICD_BASE + GICD_SPENDSGIR + 5),
                    ==, 0x02);
    check_cpu_irq(&t, false);
    cpu_write(&t, GICC_EOIR, 5);
    check_cpu_irq(&t, true);
    g_assert_cmphex(cpu_read(&t, GICC_IAR), ==, (1 << 10) | 5);
    cpu_write(&t, GICC_EOIR, (1 << 10) | 5);
    check_cpu_irq(&t, false);
    g_assert_cmpuint(cpu_read(&t, GICC_IAR), ==, SPURIOUS);
    gic_stop(&t);
}

/* With 5 priority bits the low three bits of a priority are RAZ/WI. */
static void test_priority_bits(void)
{
    GICTest t;

    gic_start(&t, "-global arm_gic.num-priority-bits=5");
    qtest_writeb(t.qts, GICD_BASE + GICD_IPRIORITYR + SPI_ID, 0xff);
    g_assert_cmphex(qtest_readb(t.qts, GICD_BASE + GICD_IPRIORITYR +
                                SPI_ID), ==, 0xf8);
    cpu_write(&t, GICC_PMR, 0xff);
    g_assert_cmphex(cpu_read(&t, GICC_PMR), ==, 0xf8);
    /* Priority 0xf8 is not below a mask of 0xf8. */
    gic_setup(&t, SPI_ID, 0xff);
    set_line(&t, SPI, 1);
    g_assert_cmpuint(cpu_read(&t, GICC_IAR), ==, SPURIOUS);
    gic_stop(&t);
}

/*
 * With the security extensions a qtest access is non-secure: it sees
 * only Group 1, and every interrupt resets to Group 0.  QEMU's virt
 * sets the property from its own secure= option, overriding -global;
 * the case then skips.
 */
static void test_security_ns_view(void)
{
    GICTest t;

    gic_start(&t, "-global arm_gic.has-security-extensions=on");
    if (!qtest_qom_get_bool(t.qts, t.path, "has-security-extensions")) {
        gic_stop(&t);
        g_test_skip("the board overrides has-security-extensions");
        return;
    }
    g_assert_cmphex(dist_read(&t, GICD_TYPER), ==,
                    (1 << 10) | (NUM_IRQ / 32 - 1));
    /* Group 0 SGIs are invisible, group assignment is secure only. */
    g_assert_cmphex(dist_read(&t, GICD_ISENABLER), ==, 0);
    dist_write(&t, GICD_IGROUPR + 4, 0xffffffff);
    g_assert_cmphex(dist_read(&t, GICD_IGROUPR + 4), ==, 0);
    qtest_writeb(t.qts, GICD_BASE + GICD_IPRIORITYR + SPI_ID, 0x80);
    g_assert_cmphex(qtest_readb(t.qts, GICD_BASE + GICD_IPRIORITYR +
                                SPI_ID), ==, 0);
    /* Non-secure GICD_CTLR and GICC_CTLR: EnableGrp1 (and EOImodeNS). */
    dist_write(&t, GICD_CTLR, 3);
    g_assert_cmphex(dist_read(&t, GICD_CTLR), ==, 1);
    cpu_write(&t, GICC_CTLR, 0x3ff);
    g_assert_cmphex(cpu_read(&t, GICC_CTLR), ==, 0x201);
    /* A Group 0 SPI is never shown to the non-secure side. */
    dist_set_bit(&t, GICD_ISENABLER, SPI_ID);
    set_line(&t, SPI, 1);
    check_cpu_irq(&t, false);
    g_assert_cmpuint(cpu_read(&t, GICC_HPPIR), ==, SPURIOUS);
    g_assert_cmpuint(cpu_read(&t, GICC_IAR), ==, SPURIOUS);
    gic_stop(&t);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);

    qtest_add_func("arm-gic/id-registers", test_id_registers);
    qtest_add_func("arm-gic/reset-values", test_reset_values);
    qtest_add_func("arm-gic/enable-set-clear", test_enable_set_clear);
    qtest_add_func("arm-gic/pending-active-set-clear",
                   test_pending_active_set_clear);
    qtest_add_func("arm-gic/priority-bytes", test_priority_bytes);
    qtest_add_func("arm-gic/spi-life-cycle", test_spi_life_cycle);
    qtest_add_func("arm-gic/level-reasserts-after-eoi",
                   test_level_reasserts_after_eoi);
    qtest_add_func("arm-gic/edge-vs-level", test_edge_vs_level);
    qtest_add_func("arm-gic/priority-mask", test_priority_mask);
    qtest_add_func("arm-gic/priority-order-and-preemption",
                   test_priority_order_and_preemption);
    qtest_add_func("arm-gic/binary-point", test_binary_point);
    qtest_add_func("arm-gic/spurious", test_spurious);
    qtest_add_func("arm-gic/sgi-self", test_sgi_self);
    qtest_add_func("arm-gic/sgi-others", test_sgi_others);
    qtest_add_func("arm-gic/sgi-source-cpu", test_sgi_source_cpu);
    qtest_add_func("arm-gic/priority-bits", test_priority_bits);
    qtest_add_func("arm-gic/security-ns-view", test_security_ns_view);

    return g_test_run();
}
