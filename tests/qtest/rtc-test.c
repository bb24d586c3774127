/*
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * The MC146818 RTC of the pc board: clock registers against the host's
 * UTC time, the SET bit, data modes, CMOS RAM, and the periodic and
 * update-ended interrupts on IRQ 8.
 *
 * The RTC follows the host clock (QEMU's default -rtc clock=host), so
 * the interrupt cases wait in real time, with generous bounds.
 */
#include "qemu/osdep.h"
#include "libqtest.h"

#define RTC_INDEX 0x70
#define RTC_DATA 0x71

#define RTC_SECONDS 0x00
#define RTC_MINUTES 0x02
#define RTC_HOURS 0x04
#define RTC_DAY_OF_WEEK 0x06
#define RTC_DAY_OF_MONTH 0x07
#define RTC_MONTH 0x08
#define RTC_YEAR 0x09
#define RTC_REG_A 0x0a
#define RTC_REG_B 0x0b
#define RTC_REG_C 0x0c
#define RTC_REG_D 0x0d
#define RTC_CENTURY 0x32

#define REG_B_SET 0x80
#define REG_B_PIE 0x40
#define REG_B_UIE 0x10
#define REG_B_DM 0x04
#define REG_B_24H 0x02
#define REG_C_IRQF 0x80
#define REG_C_PF 0x40
#define REG_C_UF 0x10

#define RTC_IRQ 8

static uint8_t cmos_read(QTestState *qts, uint8_t reg)
{
    qtest_outb(qts, RTC_INDEX, reg);
    return qtest_inb(qts, RTC_DATA);
}

static void cmos_write(QTestState *qts, uint8_t reg, uint8_t val)
{
    qtest_outb(qts, RTC_INDEX, reg);
    qtest_outb(qts, RTC_DATA, val);
}

static int bcd(uint8_t val)
{
    return (val >> 4) * 10 + (val & 0xf);
}

/* Seconds since 1970 of the date and time in the (BCD, 24h) registers. */
static int64_t rtc_read_epoch(QTestState *qts)
{
    g_autoptr(GDateTime) dt = NULL;
    int sec = bcd(cmos_read(qts, RTC_SECONDS));

    dt = g_date_time_new_utc(bcd(cmos_read(qts, RTC_CENTURY)) * 100 +
                             bcd(cmos_read(qts, RTC_YEAR)),
                             bcd(cmos_read(qts, RTC_MONTH)),
                             bcd(cmos_read(qts, RTC_DAY_OF_MONTH)),
                             bcd(cmos_read(qts, RTC_HOURS)),
                             bcd(cmos_read(qts, RTC_MINUTES)), sec);
    return g_date_time_to_unix(dt);
}

/* Wait up to @ms of real time for IRQ 8 to be raised. */
static bool wait_irq(QTestState *qts, int ms)
{
    gint64 end = g_get_monotonic_time() + ms * 1000;

    while (g_get_monotonic_time() < end) {
        if (qtest_get_irq(qts, RTC_IRQ)) {
            return true;
        }
        g_usleep(10 * 1000);
    }
    return qtest_get_irq(qts, RTC_IRQ);
}

static void test_registers(void)
{
    QTestState *qts = qtest_init("-machine pc");

    /* 32.768 kHz time base at 1024 Hz; 24-hour BCD; battery good. */
    g_assert_cmphex(cmos_read(qts, RTC_REG_A) & 0x7f, ==, 0x26);
    g_assert_cmphex(cmos_read(qts, RTC_REG_B), ==, REG_B_24H);
    g_assert_cmphex(cmos_read(qts, RTC_REG_C), ==, 0);
    g_assert_cmphex(cmos_read(qts, RTC_REG_D), ==, 0x80);
    qtest_quit(qts);
}

/* The clock starts from the host's UTC time. */
static void test_host_time(void)
{
    QTestState *qts = qtest_init("-machine pc");
    int64_t host = g_get_real_time() / G_USEC_PER_SEC;
    int64_t rtc = rtc_read_epoch(qts);
    g_autoptr(GDateTime) now = g_date_time_new_now_utc();

    g_assert_cmpint(llabs(rtc - host), <=, 5);
    g_assert_cmpint(cmos_read(qts, RTC_DAY_OF_WEEK), ==,
                    g_date_time_get_day_of_week(now) % 7 + 1);
    qtest_quit(qts);
}

/* With SET the clock holds what software wrote; clearing SET runs it. */
static void test_set_time(void)
{
    QTestState *qts = qtest_init("-machine pc");
    int64_t when;
    g_autoptr(GDateTime) expect = g_date_time_new_utc(2010, 5, 6, 7, 8, 9);

    cmos_write(qts, RTC_REG_B, REG_B_SET | REG_B_24H);
    cmos_write(qts, RTC_SECONDS, 0x09);
    cmos_write(qts, RTC_MINUTES, 0x08);
    cmos_write(qts, RTC_HOURS, 0x07);
    cmos_write(qts, RTC_DAY_OF_MONTH, 0x06);
    cmos_write(qts, RTC_MONTH, 0x05);
    cmos_write(qts, RTC_YEAR, 0x10);
    g_usleep(1100 * 1000);
    g_assert_cmphex(cmos_read(qts, RTC_SECONDS), ==, 0x09);
    cmos_write(qts, RTC_REG_B, REG_B_24H);
    when = rtc_read_epoch(qts);
    g_assert_cmpint(when - g_date_time_to_unix(expect), >=, 0);
    g_assert_cmpint(when - g_date_time_to_unix(expect), <=, 2);
    qtest_quit(qts);
}

/* Binary mode and the 12-hour format with its PM bit. */
static void test_data_modes(void)
{
    QTestState *qts = qtest_init("-machine pc");

    cmos_write(qts, RTC_REG_B, REG_B_SET | REG_B_24H);
    cmos_write(qts, RTC_SECONDS, 0x00);
    cmos_write(qts, RTC_MINUTES, 0x30);
    cmos_write(qts, RTC_HOURS, 0x21);
    cmos_write(qts, RTC_REG_B, REG_B_24H);
    /* Clock running again: switch to binary, 12 hour. */
    cmos_write(qts, RTC_REG_B, REG_B_DM);
    g_assert_cmphex(cmos_read(qts, RTC_HOURS), ==, 0x80 | 9);
    g_assert_cmphex(cmos_read(qts, RTC_MINUTES), ==, 30);
    qtest_quit(qts);
}

static void test_cmos_ram(void)
{
    QTestState *qts = qtest_init("-machine pc");

    cmos_write(qts, 0x40, 0x5a);
    cmos_write(qts, 0x7f, 0xa5);
    g_assert_cmphex(cmos_read(qts, 0x40), ==, 0x5a);
    g_assert_cmphex(cmos_read(qts, 0x7f), ==, 0xa5);
    /* Bit 7 of the index port masks NMIs; it does not select a byte. */
    g_assert_cmphex(cmos_read(qts, 0x80 | 0x40), ==, 0x5a);
    qtest_quit(qts);
}

/* The periodic interrupt (2 Hz) reaches IRQ 8 through the HPET. */
static void test_periodic_irq(void)
{
    QTestState *qts = qtest_init("-machine pc");

    qtest_irq_intercept_in(qts, "ioapic");
    cmos_write(qts, RTC_REG_A, 0x2f);
    cmos_write(qts, RTC_REG_B, REG_B_PIE | REG_B_24H);
    g_assert(wait_irq(qts, 3000));
    g_assert_cmphex(cmos_read(qts, RTC_REG_C) & (REG_C_IRQF | REG_C_PF), ==,
                    REG_C_IRQF | REG_C_PF);
    /* Reading C acknowledged it. */
    g_assert(!qtest_get_irq(qts, RTC_IRQ));
    cmos_write(qts, RTC_REG_B, REG_B_24H);
    qtest_quit(qts);
}

/* The update-ended interrupt comes once a second. */
static void test_update_irq(void)
{
    QTestState *qts = qtest_init("-machine pc");

    qtest_irq_intercept_in(qts, "ioapic");
    cmos_write(qts, RTC_REG_B, REG_B_UIE | REG_B_24H);
    g_assert(wait_irq(qts, 3000));
    g_assert_cmphex(cmos_read(qts, RTC_REG_C) & (REG_C_IRQF | REG_C_UF), ==,
                    REG_C_IRQF | REG_C_UF);
    g_assert(!qtest_get_irq(qts, RTC_IRQ));
    qtest_quit(qts);
}

/* The machine's "rtc-time" shows the RTC's date as a struct tm. */
static void test_rtc_time_property(void)
{
    QTestState *qts = qtest_init("-machine pc");
    QDict *resp, *tm;

    cmos_write(qts, RTC_REG_B, REG_B_SET | REG_B_24H);
    cmos_write(qts, RTC_HOURS, 0x10);
    cmos_write(qts, RTC_DAY_OF_MONTH, 0x17);
    cmos_write(qts, RTC_MONTH, 0x03);
    cmos_write(qts, RTC_YEAR, 0x21);
    cmos_write(qts, RTC_REG_B, REG_B_24H);
    resp = qtest_qmp(qts, "{'execute': 'qom-get', 'arguments': "
                     "{'path': '/machine', 'property': 'rtc-time'}}");
    tm = qdict_get_qdict(resp, "return");
    g_assert_cmpint(qdict_get_int(tm, "tm_year"), ==, 2021 - 1900);
    g_assert_cmpint(qdict_get_int(tm, "tm_mon"), ==, 2);
    g_assert_cmpint(qdict_get_int(tm, "tm_mday"), ==, 17);
    qobject_unref(resp);
    qtest_quit(qts);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);

    qtest_add_func("rtc/registers", test_registers);
    qtest_add_func("rtc/host-time", test_host_time);
    qtest_add_func("rtc/set-time", test_set_time);
    qtest_add_func("rtc/data-modes", test_data_modes);
    qtest_add_func("rtc/cmos-ram", test_cmos_ram);
    qtest_add_func("rtc/periodic-irq", test_periodic_irq);
    qtest_add_func("rtc/update-irq", test_update_irq);
    qtest_add_func("rtc/rtc-time-property", test_rtc_time_property);

    return g_test_run();
}
