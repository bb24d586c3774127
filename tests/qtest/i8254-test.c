/*
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * The i8254 PIT of the pc board: control words, counter latch and
 * read-back, counting against virtual time, channel 0's IRQ 0 and
 * channel 2 behind port 0x61.
 *
 * Counts follow the 8254 datasheet with a 1193182 Hz input clock; a
 * count of N clock periods ends at the first nanosecond not before
 * N * 10^9 / 1193182.  Cases that step the clock need the qtest
 * accelerator.
 */
#include "qemu/osdep.h"
#include "libqtest.h"

#define PIT_CH0 0x40
#define PIT_CH2 0x42
#define PIT_CTL 0x43
#define SPEAKER_PORT 0x61

#define PIT_FREQ 1193182
#define NS_PER_SEC 1000000000LL

/* Control words: channel << 6 | access << 4 | mode << 1. */
#define CW(ch, rw, mode) ((ch) << 6 | (rw) << 4 | (mode) << 1)
#define RW_LATCH 0
#define RW_LSB 1
#define RW_WORD 3
#define READ_BACK_STATUS(ch) (0xe0 | 2 << (ch))   /* status only */

#define STATUS_OUT 0x80

/* The first virtual time at which @ticks input clock periods are over. */
static int64_t ticks_ns(uint64_t ticks)
{
    return (ticks * NS_PER_SEC + PIT_FREQ - 1) / PIT_FREQ;
}

static bool need_clock(void)
{
    if (!qtest_clock_is_driven()) {
        g_test_skip("clock_step needs the qtest accelerator");
        return false;
    }
    return true;
}

static void pit_load(QTestState *qts, int ch, int mode, uint16_t count)
{
    qtest_outb(qts, PIT_CTL, CW(ch, RW_WORD, mode));
    qtest_outb(qts, PIT_CH0 + ch, count & 0xff);
    qtest_outb(qts, PIT_CH0 + ch, count >> 8);
}

static uint16_t pit_latch_read(QTestState *qts, int ch)
{
    uint8_t lo;

    qtest_outb(qts, PIT_CTL, CW(ch, RW_LATCH, 0));
    lo = qtest_inb(qts, PIT_CH0 + ch);
    return lo | qtest_inb(qts, PIT_CH0 + ch) << 8;
}

/* Channel 0 out of reset: mode 3, OUT high. */
static void test_reset_status(void)
{
    QTestState *qts = qtest_init("-machine pc");

    qtest_outb(qts, PIT_CTL, READ_BACK_STATUS(0));
    g_assert_cmphex(qtest_inb(qts, PIT_CH0), ==, STATUS_OUT | 3 << 1);
    qtest_quit(qts);
}

/*
 * A control word sets mode, access and BCD; the status byte reports
 * them (OUT and NULL COUNT aside: QEMU keeps neither as the datasheet
 * says after a control word).
 */
static void test_control_and_status(void)
{
    QTestState *qts = qtest_init("-machine pc");

    qtest_outb(qts, PIT_CTL, CW(2, RW_LSB, 4) | 1);    /* BCD */
    qtest_outb(qts, PIT_CTL, READ_BACK_STATUS(2));
    g_assert_cmphex(qtest_inb(qts, PIT_CH2) & 0x3f, ==,
                    RW_LSB << 4 | 4 << 1 | 1);
    qtest_quit(qts);
}

/* A latched count holds until read, while the counter goes on. */
static void test_latch(void)
{
    QTestState *qts;

    if (!need_clock()) {
        return;
    }
    qts = qtest_init("-machine pc");
    pit_load(qts, 2, 0, 1000);
    qtest_clock_step(qts, ticks_ns(100));
    qtest_outb(qts, PIT_CTL, CW(2, RW_LATCH, 0));
    qtest_clock_step(qts, ticks_ns(300));
    g_assert_cmpuint(qtest_inb(qts, PIT_CH2), ==, (1000 - 100) & 0xff);
    g_assert_cmpuint(qtest_inb(qts, PIT_CH2), ==, (1000 - 100) >> 8);
    g_assert_cmpuint(pit_latch_read(qts, 2), ==, 1000 - 400);
    qtest_quit(qts);
}

/*
 * Mode 2 on channel 0: IRQ 0 (through the HPET to IOAPIC input 0) goes
 * low one clock before each period ends and high when it ends.
 */
static void test_rate_generator_irq(void)
{
    QTestState *qts;
    const uint16_t n = 1193;
    int64_t t0;
    int k;

    if (!need_clock()) {
        return;
    }
    qts = qtest_init("-machine pc");
    qtest_irq_intercept_in(qts, "ioapic");
    t0 = qtest_clock_step(qts, 0);
    pit_load(qts, 0, 2, n);
    qtest_clock_step(qts, 0);
    g_assert(qtest_get_irq(qts, 0));
    for (k = 1; k <= 3; k++) {
        qtest_clock_set(qts, t0 + ticks_ns((uint64_t)k * n - 1) - 1);
        g_assert(qtest_get_irq(qts, 0));
        qtest_clock_step(qts, 1);
        g_assert(!qtest_get_irq(qts, 0));
        qtest_clock_set(qts, t0 + ticks_ns((uint64_t)k * n) - 1);
        g_assert(!qtest_get_irq(qts, 0));
        qtest_clock_step(qts, 1);
        g_assert(qtest_get_irq(qts, 0));
    }
    qtest_quit(qts);
}

/*
 * Port 0x61: bit 0 gates channel 2, bit 5 reads its OUT.  Mode 1 waits
 * for a gate edge, then OUT is low until the count runs out.
 */
static void test_speaker_port(void)
{
    QTestState *qts;

    if (!need_clock()) {
        return;
    }
    qts = qtest_init("-machine pc");
    qtest_outb(qts, SPEAKER_PORT, 0);
    pit_load(qts, 2, 1, 100);
    qtest_clock_step(qts, ticks_ns(200));
    g_assert_cmphex(qtest_inb(qts, SPEAKER_PORT) & 0x21, ==, 0x20);
    qtest_outb(qts, SPEAKER_PORT, 0x01);            /* trigger */
    g_assert_cmphex(qtest_inb(qts, SPEAKER_PORT) & 0x21, ==, 0x01);
    qtest_clock_step(qts, ticks_ns(100));
    g_assert_cmphex(qtest_inb(qts, SPEAKER_PORT) & 0x21, ==, 0x21);
    qtest_quit(qts);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);

    qtest_add_func("i8254/reset-status", test_reset_status);
    qtest_add_func("i8254/control-and-status", test_control_and_status);
    qtest_add_func("i8254/latch", test_latch);
    qtest_add_func("i8254/rate-generator-irq", test_rate_generator_irq);
    qtest_add_func("i8254/speaker-port", test_speaker_port);

    return g_test_run();
}
