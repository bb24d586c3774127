/*
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * The HPET of the pc board: registers, main counter, timers, interrupt
 * routing, FSB delivery, LegacyReplacement and the fw_cfg blob, through
 * MMIO, I/O ports, virtual time and intercepted IOAPIC inputs.
 *
 * Expected values come from the IA-PC HPET specification 1.0a and from
 * QEMU's documented behaviour (docs/system/devices/hpet.rst).  Cases
 * that step the virtual clock need the qtest accelerator; cases whose
 * behaviour QEMU changed after 7.2 skip on older binaries, saying why.
 */
#include "qemu/osdep.h"
#include "qemu/timer.h"
#include "libqtest.h"

#define HPET_BASE 0xfed00000
#define HPET_GCAP_ID 0x000
#define HPET_PERIOD 0x004           /* GCAP_ID[63:32]: fs per tick */
#define HPET_GEN_CONF 0x010
#define HPET_GINTR_STA 0x020
#define HPET_MAIN_CNT 0x0f0
#define HPET_TN_CONF(n) (0x100 + 0x20 * (n))
#define HPET_TN_COMP(n) (0x108 + 0x20 * (n))
#define HPET_TN_FSB(n) (0x110 + 0x20 * (n))

#define CONF_ENABLE 0x1
#define CONF_LEGACY 0x2

#define TN_LEVEL 0x2
#define TN_INT_ENB 0x4
#define TN_PERIODIC 0x8
#define TN_VAL_SET 0x40
#define TN_32BIT 0x100
#define TN_ROUTE(r) ((r) << 9)
#define TN_FSB_EN 0x4000
#define TN_FSB_CAP 0x8000

/* Spec 2.3.4: 10 ns per tick (COUNTER_CLK_PERIOD 0x00989680 fs). */
#define TICK_NS 10
#define FS_PER_NS 1000000

/* The pc board's HPET may only use GSI 2 (hpet-intcap 0x4). */
#define PC_ROUTE 2

#define PIC_MASTER_CMD 0x20
#define PIC_MASTER_DATA 0x21

#define FW_CFG_CTL 0x510
#define FW_CFG_DATA 0x511
#define FW_CFG_HPET 0x8004
#define HPET_FW_CFG_SIZE 121        /* count + 8 packed 15-byte entries */

static QTestState *hpet_start(const char *extra)
{
    return qtest_initf("-machine pc,hpet=on %s", extra);
}

static uint32_t hpet_rd(QTestState *qts, uint32_t reg)
{
    return qtest_readl(qts, HPET_BASE + reg);
}

static void hpet_wr(QTestState *qts, uint32_t reg, uint32_t val)
{
    qtest_writel(qts, HPET_BASE + reg, val);
}

/* A 64-bit register as two 32-bit reads, low half first. */
static uint64_t hpet_rd64(QTestState *qts, uint32_t reg)
{
    uint64_t lo = hpet_rd(qts, reg);

    return lo | (uint64_t)hpet_rd(qts, reg + 4) << 32;
}

static void hpet_wr64(QTestState *qts, uint32_t reg, uint64_t val)
{
    hpet_wr(qts, reg, val);
    hpet_wr(qts, reg + 4, val >> 32);
}

/* Periodic timer @n: first match at @first, then every @period ticks. */
static void hpet_set_periodic(QTestState *qts, int n, uint32_t conf,
                              uint32_t first, uint32_t period)
{
    conf |= TN_PERIODIC;
    hpet_wr(qts, HPET_TN_CONF(n), conf | TN_VAL_SET);
    hpet_wr(qts, HPET_TN_COMP(n) + 4, 0);
    hpet_wr(qts, HPET_TN_CONF(n), conf | TN_VAL_SET);
    hpet_wr(qts, HPET_TN_COMP(n), first);
    hpet_wr(qts, HPET_TN_COMP(n), period);
}

/* Enable the HPET (with @extra_conf bits of GEN_CONF). */
static void hpet_enable(QTestState *qts, uint32_t extra_conf)
{
    hpet_wr(qts, HPET_GEN_CONF, CONF_ENABLE | extra_conf);
}

static bool need_clock(void)
{
    if (!qtest_clock_is_driven()) {
        g_test_skip("clock_step needs the qtest accelerator");
        return false;
    }
    return true;
}

/* Whether the binary under test is older than QEMU @major.@minor. */
static bool qemu_older_than(QTestState *qts, int major, int minor)
{
    QDict *resp = qtest_qmp(qts, "{'execute': 'query-version'}");
    QDict *ver = qdict_get_qdict(qdict_get_qdict(resp, "return"), "qemu");
    int64_t have = qdict_get_int(ver, "major") * 100 +
                   qdict_get_int(ver, "minor");

    qobject_unref(resp);
    return have < major * 100 + minor;
}

/* ICW1-ICW4 for the master i8259, then only line @line unmasked. */
static void pic_init_unmask(QTestState *qts, int line)
{
    qtest_outb(qts, PIC_MASTER_CMD, 0x11);
    qtest_outb(qts, PIC_MASTER_DATA, 0x08);
    qtest_outb(qts, PIC_MASTER_DATA, 0x04);
    qtest_outb(qts, PIC_MASTER_DATA, 0x01);
    qtest_outb(qts, PIC_MASTER_DATA, ~(1u << line) & 0xff);
}

/*
 * Acknowledge the master's pending request by polling (OCW3) and end it;
 * returns the line, or -1 if none.  Edges latch in IRR, so this counts
 * the pulses of an edge-triggered timer one at a time.
 */
static int pic_poll(QTestState *qts)
{
    uint8_t val;

    qtest_outb(qts, PIC_MASTER_CMD, 0x0c);
    val = qtest_inb(qts, PIC_MASTER_CMD);
    if (!(val & 0x80)) {
        return -1;
    }
    qtest_outb(qts, PIC_MASTER_CMD, 0x20);      /* non-specific EOI */
    return val & 7;
}

static void fw_cfg_read_item(QTestState *qts, uint16_t key, uint8_t *buf,
                             size_t len)
{
    size_t i;

    qtest_outw(qts, FW_CFG_CTL, key);
    for (i = 0; i < len; i++) {
        buf[i] = qtest_inb(qts, FW_CFG_DATA);
    }
}

static void test_capabilities(const void *data)
{
    int timers = GPOINTER_TO_INT(data);
    g_autofree char *args = g_strdup_printf("-global hpet.timers=%d",
                                            timers);
    QTestState *qts = hpet_start(args);

    /* REV_ID 1, NUM_TIM_CAP, 64-bit counter, LEG_RT_CAP, vendor 8086. */
    g_assert_cmphex(hpet_rd(qts, HPET_GCAP_ID), ==,
                    0x8086a001 | (timers - 1) << 8);
    g_assert_cmphex(hpet_rd(qts, HPET_PERIOD), ==, TICK_NS * FS_PER_NS);
    qtest_quit(qts);
}

/* The timer count must lie in 3..32: QEMU refuses to start otherwise. */
static void test_capabilities_bad_count(void)
{
    const char *binary = g_getenv("QTEST_QEMU_BINARY");
    const char *accel = g_getenv("QTEST_ACCEL");
    QTestState *probe = hpet_start("");
    bool old = qemu_older_than(probe, 10, 0);
    int counts[] = { 2, 33 };
    size_t i;

    qtest_quit(probe);
    if (old) {
        g_test_skip("QEMU 7.2 clamps an out-of-range timer count instead "
                    "of failing");
        return;
    }
    for (i = 0; i < G_N_ELEMENTS(counts); i++) {
        g_autofree char *global = g_strdup_printf("hpet.timers=%d",
                                                  counts[i]);
        g_autofree char *err = NULL;
        const char *argv[] = {
            binary, "-machine", "pc", "-global", global, "-display", "none",
            "-nodefaults", "-S", "-accel", accel ? accel : "qtest", NULL
        };
        int status;

        g_assert(g_spawn_sync(NULL, (char **)argv, NULL,
                              G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL,
                              &err, &status, NULL));
        g_assert(!g_spawn_check_wait_status(status, NULL));
        g_assert(strstr(err, "hpet.num_timers must be between 3 and 32"));
    }
}

static void test_reset_values(void)
{
    QTestState *qts = hpet_start("");
    int n;

    g_assert_cmphex(hpet_rd64(qts, HPET_GEN_CONF), ==, 0);
    g_assert_cmphex(hpet_rd64(qts, HPET_GINTR_STA), ==, 0);
    g_assert_cmphex(hpet_rd64(qts, HPET_MAIN_CNT), ==, 0);
    for (n = 0; n < 3; n++) {
        /* Periodic and 64-bit capable, route mask = hpet-intcap (0x4). */
        g_assert_cmphex(hpet_rd64(qts, HPET_TN_CONF(n)), ==,
                        0x0000000400000030ULL);
        g_assert_cmphex(hpet_rd64(qts, HPET_TN_COMP(n)), ==, UINT64_MAX);
        g_assert_cmphex(hpet_rd64(qts, HPET_TN_FSB(n)), ==, 0);
    }
    qtest_quit(qts);
}

static void test_write_masks(void)
{
    QTestState *qts = hpet_start("");

    /* Capabilities are read-only. */
    hpet_wr64(qts, HPET_GCAP_ID, 0);
    g_assert_cmphex(hpet_rd64(qts, HPET_GCAP_ID), ==, 0x009896808086a201ULL);
    /* GEN_CONF: only ENABLE_CNF and LEG_RT_CNF. */
    hpet_wr64(qts, HPET_GEN_CONF, UINT64_MAX);
    g_assert_cmphex(hpet_rd64(qts, HPET_GEN_CONF), ==, 3);
    hpet_wr64(qts, HPET_GEN_CONF, 0);
    /* Tn_CONF: bits 1-3, 6, 8-14; VAL_SET reads back as written. */
    hpet_wr64(qts, HPET_TN_CONF(1), UINT64_MAX);
    g_assert_cmphex(hpet_rd64(qts, HPET_TN_CONF(1)), ==,
                    0x0000000400007f7eULL);
    qtest_quit(qts);
}

/* Capability bit 15 (FSB delivery) follows the "msi" property. */
static void test_msi_capability(void)
{
    QTestState *qts = hpet_start("-global hpet.msi=on");

    g_assert_cmphex(hpet_rd(qts, HPET_TN_CONF(0)) & TN_FSB_CAP, ==,
                    TN_FSB_CAP);
    qtest_quit(qts);
    qts = hpet_start("");
    g_assert_cmphex(hpet_rd(qts, HPET_TN_CONF(0)) & TN_FSB_CAP, ==, 0);
    qtest_quit(qts);
}

/*
 * QEMU accepts the slot just past the last timer (timer 3 of 3): its
 * capabilities were never initialised, so only the writable bits show.
 * Further slots read 0 and ignore writes.
 */
static void test_timer_slots(void)
{
    QTestState *qts = hpet_start("");

    hpet_wr(qts, HPET_TN_CONF(3), UINT32_MAX);
    g_assert_cmphex(hpet_rd(qts, HPET_TN_CONF(3)), ==, 0x7f4e);
    hpet_wr(qts, HPET_TN_CONF(4), UINT32_MAX);
    hpet_wr(qts, HPET_TN_COMP(4), 0x1234);
    g_assert_cmphex(hpet_rd(qts, HPET_TN_CONF(4)), ==, 0);
    g_assert_cmphex(hpet_rd(qts, HPET_TN_COMP(4)), ==, 0);
    qtest_quit(qts);
}

/* Reserved registers read 0; 1- and 2-byte accesses are refused. */
static void test_reserved_and_narrow(void)
{
    QTestState *qts = hpet_start("");

    hpet_wr(qts, 0x008, UINT32_MAX);
    g_assert_cmphex(hpet_rd(qts, 0x008), ==, 0);
    g_assert_cmphex(hpet_rd(qts, 0x0f8), ==, 0);
    g_assert_cmphex(hpet_rd(qts, HPET_TN_CONF(0) + 0x18), ==, 0);
    g_assert_cmphex(qtest_readw(qts, HPET_BASE + HPET_GCAP_ID), ==, 0);
    g_assert_cmphex(qtest_readb(qts, HPET_BASE + HPET_GCAP_ID), ==, 0);
    qtest_writeb(qts, HPET_BASE + HPET_GEN_CONF, CONF_ENABLE);
    g_assert_cmphex(hpet_rd(qts, HPET_GEN_CONF), ==, 0);
    qtest_quit(qts);
}

/* A single 8-byte access reaches both halves at once (QEMU >= 9.1). */
static void test_8byte_access(void)
{
    QTestState *qts = hpet_start("");

    if (qemu_older_than(qts, 9, 1)) {
        g_test_skip("QEMU before 9.1 splits 8-byte HPET accesses in two");
        qtest_quit(qts);
        return;
    }
    g_assert_cmphex(qtest_readq(qts, HPET_BASE + HPET_GCAP_ID), ==,
                    0x009896808086a201ULL);
    /* One write with VAL_SET sets the whole accumulator of a periodic. */
    hpet_wr(qts, HPET_TN_CONF(2), TN_PERIODIC | TN_VAL_SET);
    qtest_writeq(qts, HPET_BASE + HPET_TN_COMP(2), 0x0000000100000200ULL);
    g_assert_cmphex(hpet_rd64(qts, HPET_TN_COMP(2)), ==,
                    0x0000000100000200ULL);
    qtest_writeq(qts, HPET_BASE + HPET_MAIN_CNT, 0x123456789abcdefULL);
    g_assert_cmphex(qtest_readq(qts, HPET_BASE + HPET_MAIN_CNT), ==,
                    0x123456789abcdefULL);
    qtest_quit(qts);
}

static void test_counter_write_halted(void)
{
    QTestState *qts = hpet_start("");

    hpet_wr64(qts, HPET_MAIN_CNT, 0x0123456789abcdefULL);
    g_assert_cmphex(hpet_rd64(qts, HPET_MAIN_CNT), ==, 0x0123456789abcdefULL);
    hpet_wr(qts, HPET_MAIN_CNT + 4, 0);
    g_assert_cmphex(hpet_rd64(qts, HPET_MAIN_CNT), ==, 0x89abcdefULL);
    qtest_quit(qts);
}

/*
 * While the counter runs a write only changes the halted value, which
 * the next halt overwrites: it has no visible effect.  Virtual time does
 * not move here, so the running value stays at its start.
 */
static void test_counter_write_running(void)
{
    QTestState *qts = hpet_start("");

    hpet_wr(qts, HPET_MAIN_CNT, 0x500);
    hpet_enable(qts, 0);
    g_assert_cmphex(hpet_rd64(qts, HPET_MAIN_CNT), ==, 0x500);
    hpet_wr64(qts, HPET_MAIN_CNT, 0x1234);
    g_assert_cmphex(hpet_rd64(qts, HPET_MAIN_CNT), ==, 0x500);
    hpet_wr(qts, HPET_GEN_CONF, 0);
    g_assert_cmphex(hpet_rd64(qts, HPET_MAIN_CNT), ==, 0x500);
    qtest_quit(qts);
}

/*
 * The running counter is (virtual ns + offset) / 10 with a 64-bit
 * offset, so values from 2^64 / 10 up do not survive enabling.
 */
static void test_counter_range(void)
{
    QTestState *qts = hpet_start("");

    hpet_wr64(qts, HPET_MAIN_CNT, 0xfffffffffffffff0ULL);
    hpet_enable(qts, 0);
    g_assert_cmphex(hpet_rd64(qts, HPET_MAIN_CNT), ==, 0x1999999999999989ULL);
    qtest_quit(qts);
}

static void test_counter_runs(void)
{
    QTestState *qts;

    if (!need_clock()) {
        return;
    }
    qts = hpet_start("");
    qtest_clock_step(qts, 1000000);             /* halted: no change */
    g_assert_cmphex(hpet_rd64(qts, HPET_MAIN_CNT), ==, 0);
    hpet_enable(qts, 0);
    qtest_clock_step(qts, 12345);
    g_assert_cmphex(hpet_rd64(qts, HPET_MAIN_CNT), ==, 12345 / TICK_NS);
    qtest_clock_step(qts, 5);
    g_assert_cmphex(hpet_rd64(qts, HPET_MAIN_CNT), ==, 12350 / TICK_NS);
    qtest_clock_step(qts, 3 * NANOSECONDS_PER_SECOND);
    g_assert_cmphex(hpet_rd64(qts, HPET_MAIN_CNT), ==,
                    (12350 + 3 * NANOSECONDS_PER_SECOND) / TICK_NS);
    qtest_quit(qts);
}

static void test_counter_halt_and_resume(void)
{
    QTestState *qts;

    if (!need_clock()) {
        return;
    }
    qts = hpet_start("");
    hpet_enable(qts, 0);
    qtest_clock_step(qts, 5000);
    hpet_wr(qts, HPET_GEN_CONF, 0);
    g_assert_cmphex(hpet_rd64(qts, HPET_MAIN_CNT), ==, 500);
    qtest_clock_step(qts, 5000);
    g_assert_cmphex(hpet_rd64(qts, HPET_MAIN_CNT), ==, 500);
    hpet_wr64(qts, HPET_MAIN_CNT, 0x100000000ULL);
    hpet_enable(qts, 0);
    qtest_clock_step(qts, 100);
    g_assert_cmphex(hpet_rd64(qts, HPET_MAIN_CNT), ==, 0x100000000ULL + 10);
    qtest_quit(qts);
}

/* Level one-shot: the line rises exactly at the comparator's instant. */
static void test_oneshot_exact(void)
{
    QTestState *qts;

    if (!need_clock()) {
        return;
    }
    qts = hpet_start("");
    qtest_irq_intercept_in(qts, "ioapic");
    hpet_wr(qts, HPET_TN_CONF(2), TN_LEVEL | TN_INT_ENB | TN_ROUTE(PC_ROUTE));
    hpet_wr64(qts, HPET_TN_COMP(2), 1000);
    hpet_enable(qts, 0);

    qtest_clock_step(qts, 1000 * TICK_NS - 1);
    g_assert(!qtest_get_irq(qts, PC_ROUTE));
    g_assert_cmphex(hpet_rd(qts, HPET_GINTR_STA), ==, 0);
    qtest_clock_step(qts, 1);
    g_assert(qtest_get_irq(qts, PC_ROUTE));
    g_assert_cmphex(hpet_rd(qts, HPET_GINTR_STA), ==, 1 << 2);

    /* Writing 0 leaves the status alone; writing 1 clears it. */
    hpet_wr(qts, HPET_GINTR_STA, 0);
    g_assert(qtest_get_irq(qts, PC_ROUTE));
    hpet_wr(qts, HPET_GINTR_STA, 1 << 2);
    g_assert(!qtest_get_irq(qts, PC_ROUTE));
    g_assert_cmphex(hpet_rd(qts, HPET_GINTR_STA), ==, 0);

    /* A one-shot timer does not fire again. */
    qtest_clock_step(qts, NANOSECONDS_PER_SECOND);
    g_assert(!qtest_get_irq(qts, PC_ROUTE));
    qtest_quit(qts);
}

/* A comparator the counter already passed fires at once. */
static void test_oneshot_in_the_past(void)
{
    QTestState *qts;

    if (!need_clock()) {
        return;
    }
    qts = hpet_start("");
    qtest_irq_intercept_in(qts, "ioapic");
    hpet_wr64(qts, HPET_MAIN_CNT, 5000);
    hpet_wr(qts, HPET_TN_CONF(2), TN_LEVEL | TN_INT_ENB | TN_ROUTE(PC_ROUTE));
    hpet_wr64(qts, HPET_TN_COMP(2), 4000);
    hpet_enable(qts, 0);
    qtest_clock_step(qts, 0);
    g_assert(qtest_get_irq(qts, PC_ROUTE));
    qtest_quit(qts);
}

static void test_periodic_exact(void)
{
    QTestState *qts;
    int i;

    if (!need_clock()) {
        return;
    }
    qts = hpet_start("");
    qtest_irq_intercept_in(qts, "ioapic");
    hpet_set_periodic(qts, 2, TN_LEVEL | TN_INT_ENB | TN_ROUTE(PC_ROUTE),
                      500, 500);
    g_assert_cmphex(hpet_rd64(qts, HPET_TN_COMP(2)), ==, 500);
    hpet_enable(qts, 0);

    qtest_clock_step(qts, 500 * TICK_NS - 1);
    for (i = 1; i <= 5; i++) {
        g_assert(!qtest_get_irq(qts, PC_ROUTE));
        qtest_clock_step(qts, 1);
        g_assert(qtest_get_irq(qts, PC_ROUTE));
        /* The comparator moved on to the next match. */
        g_assert_cmphex(hpet_rd64(qts, HPET_TN_COMP(2)), ==, 500 * (i + 1));
        hpet_wr(qts, HPET_GINTR_STA, 1 << 2);
        qtest_clock_step(qts, 500 * TICK_NS - 1);
    }
    qtest_quit(qts);
}

/*
 * Without VAL_SET a comparator write of a periodic timer sets only the
 * period: the pending match stays, the next one uses the new period.
 */
static void test_periodic_val_set(void)
{
    QTestState *qts;

    if (!need_clock()) {
        return;
    }
    qts = hpet_start("");
    qtest_irq_intercept_in(qts, "ioapic");
    hpet_set_periodic(qts, 2, TN_LEVEL | TN_INT_ENB | TN_ROUTE(PC_ROUTE),
                      1000, 1000);
    hpet_wr(qts, HPET_TN_COMP(2), 300);
    g_assert_cmphex(hpet_rd64(qts, HPET_TN_COMP(2)), ==, 1000);
    hpet_enable(qts, 0);

    qtest_clock_step(qts, 1000 * TICK_NS);
    g_assert(qtest_get_irq(qts, PC_ROUTE));
    g_assert_cmphex(hpet_rd64(qts, HPET_TN_COMP(2)), ==, 1300);
    hpet_wr(qts, HPET_GINTR_STA, 1 << 2);
    qtest_clock_step(qts, 300 * TICK_NS - 1);
    g_assert(!qtest_get_irq(qts, PC_ROUTE));
    qtest_clock_step(qts, 1);
    g_assert(qtest_get_irq(qts, PC_ROUTE));
    qtest_quit(qts);
}

/*
 * VAL_SET rules without time: a low-half write with VAL_SET sets the
 * accumulator's low half and consumes VAL_SET; the next write only
 * changes the period.
 */
static void test_val_set_registers(void)
{
    QTestState *qts = hpet_start("");

    hpet_wr(qts, HPET_TN_CONF(2), TN_PERIODIC | TN_VAL_SET);
    hpet_wr(qts, HPET_TN_COMP(2), 0x1000);
    g_assert_cmphex(hpet_rd(qts, HPET_TN_CONF(2)) & TN_VAL_SET, ==, 0);
    g_assert_cmphex(hpet_rd64(qts, HPET_TN_COMP(2)), ==,
                    0xffffffff00001000ULL);
    hpet_wr(qts, HPET_TN_COMP(2) + 4, 0);
    hpet_wr(qts, HPET_TN_COMP(2), 0x2000);
    g_assert_cmphex(hpet_rd64(qts, HPET_TN_COMP(2)), ==,
                    0xffffffff00001000ULL);
    /* A one-shot timer takes every write. */
    hpet_wr(qts, HPET_TN_CONF(1), 0);
    hpet_wr64(qts, HPET_TN_COMP(1), 0x0000000200003000ULL);
    g_assert_cmphex(hpet_rd64(qts, HPET_TN_COMP(1)), ==,
                    0x0000000200003000ULL);
    qtest_quit(qts);
}

/* Entering 32-bit mode truncates the comparator to its low half. */
static void test_32bit_truncate(void)
{
    QTestState *qts = hpet_start("");

    hpet_wr(qts, HPET_TN_CONF(2), TN_32BIT);
    g_assert_cmphex(hpet_rd64(qts, HPET_TN_COMP(2)), ==, 0xffffffffULL);
    hpet_wr(qts, HPET_TN_COMP(2), 0x4000);
    g_assert_cmphex(hpet_rd64(qts, HPET_TN_COMP(2)), ==, 0x4000);
    qtest_quit(qts);
}

/* In 32-bit mode the comparator's upper half ignores writes. */
static void test_32bit_upper_ignored(void)
{
    QTestState *qts = hpet_start("");

    if (qemu_older_than(qts, 9, 1)) {
        g_test_skip("QEMU before 9.1 stores the upper comparator half in "
                    "32-bit mode");
        qtest_quit(qts);
        return;
    }
    hpet_wr(qts, HPET_TN_CONF(2), TN_32BIT);
    hpet_wr(qts, HPET_TN_COMP(2) + 4, 0x12345678);
    g_assert_cmphex(hpet_rd64(qts, HPET_TN_COMP(2)), ==, 0xffffffffULL);
    qtest_quit(qts);
}

/*
 * A 32-bit one-shot whose match lies beyond the counter's next 32-bit
 * wrap interrupts at the wrap first (spec 2.3.9.2.2), then at the match.
 */
static void test_32bit_oneshot_wrap(void)
{
    QTestState *qts;

    if (!need_clock()) {
        return;
    }
    qts = hpet_start("");
    qtest_irq_intercept_in(qts, "ioapic");
    hpet_wr64(qts, HPET_MAIN_CNT, 0xffffff00);
    hpet_wr(qts, HPET_TN_CONF(2), TN_32BIT | TN_LEVEL | TN_INT_ENB |
            TN_ROUTE(PC_ROUTE));
    hpet_wr(qts, HPET_TN_COMP(2), 0x100);
    hpet_enable(qts, 0);

    qtest_clock_step(qts, 0x100 * TICK_NS - 1);
    g_assert(!qtest_get_irq(qts, PC_ROUTE));
    qtest_clock_step(qts, 1);
    g_assert(qtest_get_irq(qts, PC_ROUTE));
    g_assert_cmphex(hpet_rd64(qts, HPET_MAIN_CNT), ==, 0x100000000ULL);
    hpet_wr(qts, HPET_GINTR_STA, 1 << 2);

    qtest_clock_step(qts, 0x100 * TICK_NS - 1);
    g_assert(!qtest_get_irq(qts, PC_ROUTE));
    qtest_clock_step(qts, 1);
    g_assert(qtest_get_irq(qts, PC_ROUTE));
    qtest_quit(qts);
}

/* A 32-bit periodic comparator wraps with the low half of the counter. */
static void test_32bit_periodic_wrap(void)
{
    QTestState *qts;
    uint32_t conf = TN_PERIODIC | TN_32BIT | TN_LEVEL | TN_INT_ENB |
                    TN_ROUTE(PC_ROUTE);

    if (!need_clock()) {
        return;
    }
    qts = hpet_start("");
    qtest_irq_intercept_in(qts, "ioapic");
    hpet_wr64(qts, HPET_MAIN_CNT, 0xffffff00);
    hpet_wr(qts, HPET_TN_CONF(2), conf | TN_VAL_SET);
    hpet_wr(qts, HPET_TN_COMP(2), 0xffffff80);
    hpet_wr(qts, HPET_TN_COMP(2), 0x100);
    hpet_enable(qts, 0);

    qtest_clock_step(qts, 0x80 * TICK_NS - 1);
    g_assert(!qtest_get_irq(qts, PC_ROUTE));
    qtest_clock_step(qts, 1);
    g_assert(qtest_get_irq(qts, PC_ROUTE));
    g_assert_cmphex(hpet_rd64(qts, HPET_TN_COMP(2)), ==, 0x80);
    hpet_wr(qts, HPET_GINTR_STA, 1 << 2);
    qtest_clock_step(qts, 0x100 * TICK_NS - 1);
    g_assert(!qtest_get_irq(qts, PC_ROUTE));
    qtest_clock_step(qts, 1);
    g_assert(qtest_get_irq(qts, PC_ROUTE));
    g_assert_cmphex(hpet_rd64(qts, HPET_TN_COMP(2)), ==, 0x180);
    qtest_quit(qts);
}

/* Edge timers pulse their line and leave the status bit clear. */
static void test_edge_pulses(void)
{
    QTestState *qts;
    int i;

    if (!need_clock()) {
        return;
    }
    qts = hpet_start("");
    pic_init_unmask(qts, PC_ROUTE);
    hpet_set_periodic(qts, 2, TN_INT_ENB | TN_ROUTE(PC_ROUTE), 500, 500);
    hpet_enable(qts, 0);

    qtest_clock_step(qts, 500 * TICK_NS - 1);
    g_assert_cmpint(pic_poll(qts), ==, -1);
    qtest_clock_step(qts, 1);
    g_assert_cmpint(pic_poll(qts), ==, PC_ROUTE);
    g_assert_cmphex(hpet_rd(qts, HPET_GINTR_STA), ==, 0);
    for (i = 0; i < 4; i++) {
        qtest_clock_step(qts, 500 * TICK_NS);
        g_assert_cmpint(pic_poll(qts), ==, PC_ROUTE);
        g_assert_cmpint(pic_poll(qts), ==, -1);
    }
    qtest_quit(qts);
}

/* Switching a latched level timer to edge withdraws its interrupt. */
static void test_level_to_edge(void)
{
    QTestState *qts;

    if (!need_clock()) {
        return;
    }
    qts = hpet_start("");
    qtest_irq_intercept_in(qts, "ioapic");
    hpet_wr(qts, HPET_TN_CONF(2), TN_LEVEL | TN_INT_ENB | TN_ROUTE(PC_ROUTE));
    hpet_wr64(qts, HPET_TN_COMP(2), 100);
    hpet_enable(qts, 0);
    qtest_clock_step(qts, 100 * TICK_NS);
    g_assert(qtest_get_irq(qts, PC_ROUTE));
    hpet_wr(qts, HPET_TN_CONF(2), TN_INT_ENB | TN_ROUTE(PC_ROUTE));
    g_assert(!qtest_get_irq(qts, PC_ROUTE));
    g_assert_cmphex(hpet_rd(qts, HPET_GINTR_STA), ==, 0);
    qtest_quit(qts);
}

/*
 * A level timer with its interrupt disabled still latches its status
 * bit but leaves the line low; enabling the interrupt asserts it.
 */
static void test_int_disabled(void)
{
    QTestState *qts;

    if (!need_clock()) {
        return;
    }
    qts = hpet_start("");
    qtest_irq_intercept_in(qts, "ioapic");
    pic_init_unmask(qts, PC_ROUTE);
    hpet_wr(qts, HPET_TN_CONF(2), TN_LEVEL | TN_ROUTE(PC_ROUTE));
    hpet_wr64(qts, HPET_TN_COMP(2), 100);
    hpet_wr(qts, HPET_TN_CONF(1), TN_ROUTE(PC_ROUTE));
    hpet_wr64(qts, HPET_TN_COMP(1), 100);
    hpet_enable(qts, 0);
    qtest_clock_step(qts, 100 * TICK_NS);
    g_assert(!qtest_get_irq(qts, PC_ROUTE));
    g_assert_cmpint(pic_poll(qts), ==, -1);
    g_assert_cmphex(hpet_rd(qts, HPET_GINTR_STA), ==, 1 << 2);
    hpet_wr(qts, HPET_TN_CONF(2), TN_LEVEL | TN_INT_ENB | TN_ROUTE(PC_ROUTE));
    g_assert(qtest_get_irq(qts, PC_ROUTE));
    qtest_quit(qts);
}

/*
 * With ENABLE_CNF clear nothing counts or fires; clearing it drops a
 * latched line but keeps the status bit, and enabling again re-asserts.
 */
static void test_hpet_disabled(void)
{
    QTestState *qts;

    if (!need_clock()) {
        return;
    }
    qts = hpet_start("");
    qtest_irq_intercept_in(qts, "ioapic");
    hpet_wr(qts, HPET_TN_CONF(2), TN_LEVEL | TN_INT_ENB | TN_ROUTE(PC_ROUTE));
    hpet_wr64(qts, HPET_TN_COMP(2), 100);
    qtest_clock_step(qts, NANOSECONDS_PER_SECOND);
    g_assert(!qtest_get_irq(qts, PC_ROUTE));
    g_assert_cmphex(hpet_rd(qts, HPET_GINTR_STA), ==, 0);

    hpet_enable(qts, 0);
    qtest_clock_step(qts, 100 * TICK_NS);
    g_assert(qtest_get_irq(qts, PC_ROUTE));
    hpet_wr(qts, HPET_GEN_CONF, 0);
    g_assert(!qtest_get_irq(qts, PC_ROUTE));
    g_assert_cmphex(hpet_rd(qts, HPET_GINTR_STA), ==, 1 << 2);
    hpet_enable(qts, 0);
    g_assert(qtest_get_irq(qts, PC_ROUTE));
    qtest_quit(qts);
}

/*
 * LegacyReplacement: timer 0 drives IRQ 0 (which the IOAPIC turns into
 * pin 2, so the intercepted input is 0) and timer 1 IRQ 8, whatever
 * their route fields say.
 */
static void test_legacy_routing(void)
{
    QTestState *qts;

    if (!need_clock()) {
        return;
    }
    qts = hpet_start("");
    qtest_irq_intercept_in(qts, "ioapic");
    hpet_wr(qts, HPET_TN_CONF(0), TN_LEVEL | TN_INT_ENB | TN_ROUTE(PC_ROUTE));
    hpet_wr64(qts, HPET_TN_COMP(0), 1000);
    hpet_wr(qts, HPET_TN_CONF(1), TN_LEVEL | TN_INT_ENB | TN_ROUTE(PC_ROUTE));
    hpet_wr64(qts, HPET_TN_COMP(1), 2000);
    hpet_enable(qts, CONF_LEGACY);

    qtest_clock_step(qts, 1000 * TICK_NS - 1);
    g_assert(!qtest_get_irq(qts, 0));
    qtest_clock_step(qts, 1);
    g_assert(qtest_get_irq(qts, 0));
    g_assert(!qtest_get_irq(qts, PC_ROUTE));
    qtest_clock_step(qts, 1000 * TICK_NS - 1);
    g_assert(!qtest_get_irq(qts, 8));
    qtest_clock_step(qts, 1);
    g_assert(qtest_get_irq(qts, 8));
    g_assert(!qtest_get_irq(qts, PC_ROUTE));
    g_assert_cmphex(hpet_rd(qts, HPET_GINTR_STA), ==, 3);
    qtest_quit(qts);
}

/*
 * The PIT's IRQ 0 passes through the HPET; LegacyReplacement disables
 * the PIT.  Its channel 0 comes out of reset in mode 3 with a count of
 * 65536, so without legacy mode IRQ 0 changes every 27.46 ms.
 */
static void test_legacy_silences_pit(void)
{
    QTestState *qts;

    if (!need_clock()) {
        return;
    }
    qts = hpet_start("");
    qtest_irq_intercept_in(qts, "ioapic");
    qtest_clock_step(qts, 30 * 1000 * 1000);    /* first half period over */
    g_assert(!qtest_get_irq(qts, 0));
    qtest_clock_step(qts, 30 * 1000 * 1000);
    g_assert(qtest_get_irq(qts, 0));

    hpet_wr(qts, HPET_GEN_CONF, CONF_LEGACY);
    g_assert(!qtest_get_irq(qts, 0));
    qtest_clock_step(qts, 200 * 1000 * 1000);
    g_assert(!qtest_get_irq(qts, 0));
    qtest_quit(qts);
}

/*
 * The HPET's inputs from the PIT (0) and RTC (1) reach GSI 0 and 8
 * outside legacy mode; legacy mode lowers and swallows them, and
 * leaving it restores the RTC's last level and re-enables the PIT.
 */
static void test_legacy_pass_through(void)
{
    QTestState *qts = hpet_start("");
    g_autofree char *hpet = qtest_qom_find_child_of_type(qts, "/machine",
                                                         "hpet");

    g_assert(hpet);
    qtest_irq_intercept_in(qts, "ioapic");
    qtest_set_irq_in(qts, hpet, "unnamed-gpio-in", 1, 1);
    g_assert(qtest_get_irq(qts, 8));
    qtest_set_irq_in(qts, hpet, "unnamed-gpio-in", 0, 1);
    g_assert(qtest_get_irq(qts, 0));

    hpet_wr(qts, HPET_GEN_CONF, CONF_LEGACY);
    g_assert(!qtest_get_irq(qts, 8));
    g_assert(!qtest_get_irq(qts, 0));
    qtest_set_irq_in(qts, hpet, "unnamed-gpio-in", 1, 0);
    qtest_set_irq_in(qts, hpet, "unnamed-gpio-in", 1, 1);
    qtest_set_irq_in(qts, hpet, "unnamed-gpio-in", 0, 1);
    g_assert(!qtest_get_irq(qts, 8));
    g_assert(!qtest_get_irq(qts, 0));

    /* The re-enabled PIT drives its output: high early in its period. */
    hpet_wr(qts, HPET_GEN_CONF, 0);
    g_assert(qtest_get_irq(qts, 8));
    g_assert(qtest_get_irq(qts, 0));
    qtest_set_irq_in(qts, hpet, "unnamed-gpio-in", 0, 0);
    g_assert(!qtest_get_irq(qts, 0));
    qtest_quit(qts);
}

/* FSB delivery: Tn_FSB_INT_VAL is stored at Tn_FSB_INT_ADDR. */
static void test_fsb_delivery(void)
{
    QTestState *qts;
    const uint32_t addr = 0x1000;

    if (!need_clock()) {
        return;
    }
    qts = hpet_start("-global hpet.msi=on");
    qtest_irq_intercept_in(qts, "ioapic");
    hpet_wr(qts, HPET_TN_FSB(2), 0xcafe0042);
    hpet_wr(qts, HPET_TN_FSB(2) + 4, addr);
    hpet_wr(qts, HPET_TN_CONF(2), TN_LEVEL | TN_INT_ENB | TN_FSB_EN |
            TN_ROUTE(PC_ROUTE));
    hpet_wr64(qts, HPET_TN_COMP(2), 100);
    hpet_enable(qts, 0);

    qtest_clock_step(qts, 100 * TICK_NS - 1);
    g_assert_cmphex(qtest_readl(qts, addr), ==, 0);
    qtest_clock_step(qts, 1);
    g_assert_cmphex(qtest_readl(qts, addr), ==, 0xcafe0042);
    /* No line is raised; a level timer still latches its status. */
    g_assert(!qtest_get_irq(qts, PC_ROUTE));
    g_assert_cmphex(hpet_rd(qts, HPET_GINTR_STA), ==, 1 << 2);
    qtest_quit(qts);
}

/* Periodic with a period of zero fires once, like a one-shot timer. */
static void test_zero_period(void)
{
    QTestState *qts;

    if (!need_clock()) {
        return;
    }
    qts = hpet_start("");
    qtest_irq_intercept_in(qts, "ioapic");
    hpet_set_periodic(qts, 2, TN_LEVEL | TN_INT_ENB | TN_ROUTE(PC_ROUTE),
                      100, 0);
    hpet_enable(qts, 0);
    qtest_clock_step(qts, 100 * TICK_NS);
    g_assert(qtest_get_irq(qts, PC_ROUTE));
    hpet_wr(qts, HPET_GINTR_STA, 1 << 2);
    qtest_clock_step(qts, NANOSECONDS_PER_SECOND);
    g_assert(!qtest_get_irq(qts, PC_ROUTE));
    qtest_quit(qts);
}

/*
 * A one-tick period may not storm: periodic interrupts come at most once
 * per microsecond.  A period too long for the virtual clock never fires
 * again.
 */
static void test_no_storm(void)
{
    QTestState *qts;
    int fires = 0;
    int i;

    if (!need_clock()) {
        return;
    }
    qts = hpet_start("");
    qtest_irq_intercept_in(qts, "ioapic");
    hpet_set_periodic(qts, 2, TN_LEVEL | TN_INT_ENB | TN_ROUTE(PC_ROUTE),
                      100, 1);
    hpet_enable(qts, 0);
    qtest_clock_step(qts, 100 * TICK_NS - 100);
    for (i = 0; i < 50; i++) {
        qtest_clock_step(qts, 100);
        if (qtest_get_irq(qts, PC_ROUTE)) {
            fires++;
            hpet_wr(qts, HPET_GINTR_STA, 1 << 2);
        }
    }
    g_assert_cmpint(fires, >=, 4);
    g_assert_cmpint(fires, <=, 6);

    hpet_wr(qts, HPET_GEN_CONF, 0);
    hpet_wr64(qts, HPET_MAIN_CNT, 0);
    hpet_set_periodic(qts, 2, TN_LEVEL | TN_INT_ENB | TN_ROUTE(PC_ROUTE),
                      100, 0);
    hpet_wr(qts, HPET_TN_COMP(2) + 4, UINT32_MAX);
    hpet_wr(qts, HPET_TN_COMP(2), UINT32_MAX);
    hpet_wr(qts, HPET_GINTR_STA, 1 << 2);
    hpet_enable(qts, 0);
    qtest_clock_step(qts, 100 * TICK_NS);
    g_assert(qtest_get_irq(qts, PC_ROUTE));
    hpet_wr(qts, HPET_GINTR_STA, 1 << 2);
    qtest_clock_step(qts, 10 * NANOSECONDS_PER_SECOND);
    g_assert(!qtest_get_irq(qts, PC_ROUTE));
    qtest_quit(qts);
}

/* System reset restores the specified defaults; FSB routes persist. */
static void test_reset(void)
{
    QTestState *qts = hpet_start("");

    hpet_wr(qts, HPET_TN_CONF(2), TN_LEVEL | TN_32BIT | TN_ROUTE(PC_ROUTE));
    hpet_wr(qts, HPET_TN_COMP(2), 0x1234);
    hpet_wr64(qts, HPET_TN_FSB(2), 0x1000000005678ULL);
    hpet_wr64(qts, HPET_MAIN_CNT, 0x9999);
    hpet_enable(qts, 0);
    qtest_system_reset(qts);

    g_assert_cmphex(hpet_rd64(qts, HPET_GEN_CONF), ==, 0);
    g_assert_cmphex(hpet_rd64(qts, HPET_MAIN_CNT), ==, 0);
    g_assert_cmphex(hpet_rd64(qts, HPET_TN_CONF(2)), ==,
                    0x0000000400000030ULL);
    g_assert_cmphex(hpet_rd64(qts, HPET_TN_COMP(2)), ==, UINT64_MAX);
    g_assert_cmphex(hpet_rd64(qts, HPET_TN_FSB(2)), ==, 0x1000000005678ULL);
    qtest_quit(qts);
}

/* Reset also clears a latched status bit and drops its line. */
static void test_reset_clears_status(void)
{
    QTestState *qts;

    if (!need_clock()) {
        return;
    }
    qts = hpet_start("");
    qtest_irq_intercept_in(qts, "ioapic");
    hpet_wr(qts, HPET_TN_CONF(2), TN_LEVEL | TN_INT_ENB | TN_ROUTE(PC_ROUTE));
    hpet_wr64(qts, HPET_TN_COMP(2), 100);
    hpet_enable(qts, 0);
    qtest_clock_step(qts, 100 * TICK_NS);
    g_assert(qtest_get_irq(qts, PC_ROUTE));
    qtest_system_reset(qts);
    g_assert_cmphex(hpet_rd(qts, HPET_GINTR_STA), ==, 0);
    g_assert(!qtest_get_irq(qts, PC_ROUTE));
    qtest_quit(qts);
}

static void check_fw_cfg_blob(const char *extra, uint8_t count,
                              uint32_t block_id)
{
    QTestState *qts = qtest_initf("-machine pc %s", extra);
    uint8_t blob[HPET_FW_CFG_SIZE];
    size_t i;

    fw_cfg_read_item(qts, FW_CFG_HPET, blob, sizeof(blob));
    g_assert_cmpuint(blob[0], ==, count);
    g_assert_cmphex(ldl_le_p(blob + 1), ==, block_id);
    g_assert_cmphex(ldq_le_p(blob + 5), ==, block_id ? HPET_BASE : 0);
    /* min_tick, page_prot, then the 7 unused entries: all zero. */
    for (i = 13; i < sizeof(blob); i++) {
        g_assert_cmpuint(blob[i], ==, 0);
    }
    qtest_quit(qts);
}

/* FW_CFG_HPET: the HPET count and block for the ACPI HPET table. */
static void test_fw_cfg(void)
{
    check_fw_cfg_blob("-machine hpet=on", 1, 0x8086a201);
    check_fw_cfg_blob("-machine hpet=on -global hpet.timers=10", 1,
                      0x8086a901);
    check_fw_cfg_blob("-machine hpet=off", 0xff, 0);
}

/* Without the HPET nothing answers at its address. */
static void test_hpet_off(void)
{
    QTestState *qts = qtest_init("-machine pc,hpet=off");

    g_assert_cmphex(hpet_rd(qts, HPET_GCAP_ID), ==, 0);
    g_assert_cmphex(hpet_rd(qts, HPET_PERIOD), ==, 0);
    hpet_wr(qts, HPET_GEN_CONF, CONF_ENABLE);
    g_assert_cmphex(hpet_rd(qts, HPET_GEN_CONF), ==, 0);
    qtest_quit(qts);
}

int main(int argc, char **argv)
{
    static const int timer_counts[] = { 3, 10, 32 };
    size_t i;

    g_test_init(&argc, &argv, NULL);

    for (i = 0; i < G_N_ELEMENTS(timer_counts); i++) {
        g_autofree char *path =
            g_strdup_printf("hpet/capabilities/timers-%d", timer_counts[i]);

        qtest_add_data_func(path, GINT_TO_POINTER(timer_counts[i]),
                            test_capabilities);
    }
    qtest_add_func("hpet/capabilities/bad-count",
                   test_capabilities_bad_count);
    qtest_add_func("hpet/capabilities/msi", test_msi_capability);
    qtest_add_func("hpet/registers/reset-values", test_reset_values);
    qtest_add_func("hpet/registers/write-masks", test_write_masks);
    qtest_add_func("hpet/registers/timer-slots", test_timer_slots);
    qtest_add_func("hpet/registers/reserved-and-narrow",
                   test_reserved_and_narrow);
    qtest_add_func("hpet/registers/8-byte", test_8byte_access);
    qtest_add_func("hpet/registers/val-set", test_val_set_registers);
    qtest_add_func("hpet/registers/32bit-truncate", test_32bit_truncate);
    qtest_add_func("hpet/registers/32bit-upper-ignored",
                   test_32bit_upper_ignored);
    qtest_add_func("hpet/counter/write-halted", test_counter_write_halted);
    qtest_add_func("hpet/counter/write-running", test_counter_write_running);
    qtest_add_func("hpet/counter/range", test_counter_range);
    qtest_add_func("hpet/counter/runs", test_counter_runs);
    qtest_add_func("hpet/counter/halt-and-resume",
                   test_counter_halt_and_resume);
    qtest_add_func("hpet/timer/oneshot-exact", test_oneshot_exact);
    qtest_add_func("hpet/timer/oneshot-in-the-past",
                   test_oneshot_in_the_past);
    qtest_add_func("hpet/timer/periodic-exact", test_periodic_exact);
    qtest_add_func("hpet/timer/periodic-val-set", test_periodic_val_set);
    qtest_add_func("hpet/timer/32bit-oneshot-wrap", test_32bit_oneshot_wrap);
    qtest_add_func("hpet/timer/32bit-periodic-wrap",
                   test_32bit_periodic_wrap);
    qtest_add_func("hpet/timer/edge-pulses", test_edge_pulses);
    qtest_add_func("hpet/timer/level-to-edge", test_level_to_edge);
    qtest_add_func("hpet/timer/int-disabled", test_int_disabled);
    qtest_add_func("hpet/timer/hpet-disabled", test_hpet_disabled);
    qtest_add_func("hpet/timer/zero-period", test_zero_period);
    qtest_add_func("hpet/timer/no-storm", test_no_storm);
    qtest_add_func("hpet/legacy/routing", test_legacy_routing);
    qtest_add_func("hpet/legacy/silences-pit", test_legacy_silences_pit);
    qtest_add_func("hpet/legacy/pass-through", test_legacy_pass_through);
    qtest_add_func("hpet/fsb/delivery", test_fsb_delivery);
    qtest_add_func("hpet/reset/registers", test_reset);
    qtest_add_func("hpet/reset/status", test_reset_clears_status);
    qtest_add_func("hpet/fw-cfg/blob", test_fw_cfg);
    qtest_add_func("hpet/machine/hpet-off", test_hpet_off);

    return g_test_run();
}
