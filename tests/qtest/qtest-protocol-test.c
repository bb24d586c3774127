/*
 * The qtest protocol itself: every command, its exact reply, the clock,
 * and IRQ interception.
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * Memory commands use RAM of the arch's board (pc: from 0, virt: from
 * 0x40000000).  Cases that move the virtual clock need the qtest
 * accelerator and skip on a reference QEMU started with -accel tcg -S.
 */
#include "qemu/osdep.h"
#include "libqtest.h"

static uint64_t ram_base(void)
{
    return strcmp(qtest_get_arch(), "aarch64") == 0 ? 0x40000000 : 0x100000;
}

static const char *board_args(void)
{
    return strcmp(qtest_get_arch(), "aarch64") == 0 ?
           "-machine virt -m 64" : "-machine pc -m 64";
}

static QTestState *start_board(void)
{
    return qtest_init(board_args());
}

static void test_endianness(void)
{
    QTestState *qts = start_board();
    g_autofree char *line = qtest_raw_line(qts, "endianness");

    g_assert_cmpstr(line, ==, "OK little");
    qtest_quit(qts);
}

static void test_mem_sizes(void)
{
    QTestState *qts = start_board();
    uint64_t base = ram_base();
    g_autofree char *line = NULL;

    qtest_writeb(qts, base, 0xab);
    g_assert_cmphex(qtest_readb(qts, base), ==, 0xab);
    qtest_writew(qts, base + 2, 0xbeef);
    g_assert_cmphex(qtest_readw(qts, base + 2), ==, 0xbeef);
    qtest_writel(qts, base + 4, 0x12345678);
    g_assert_cmphex(qtest_readl(qts, base + 4), ==, 0x12345678);
    qtest_writeq(qts, base + 8, 0x0123456789abcdefULL);
    g_assert_cmphex(qtest_readq(qts, base + 8), ==, 0x0123456789abcdefULL);
    /* Little-endian layout: the low byte of the word comes first. */
    g_assert_cmphex(qtest_readb(qts, base + 4), ==, 0x78);
    /* readb replies always carry 16 hex digits. */
    line = qtest_raw_line(qts, "readb 0x%" PRIx64, base);
    g_assert_cmpstr(line, ==, "OK 0x00000000000000ab");
    qtest_quit(qts);
}

static void test_bulk_read_write(void)
{
    QTestState *qts = start_board();
    uint64_t base = ram_base() + 0x1000;
    uint8_t in[16], out[16];
    g_autofree char *line = NULL;
    g_autofree char *b64 = NULL;
    g_autofree char *err = NULL;
    int i;

    for (i = 0; i < 16; i++) {
        in[i] = 0xf0 ^ i;
    }
    qtest_memwrite(qts, base, in, sizeof(in));
    qtest_memread(qts, base, out, sizeof(out));
    g_assert_cmpmem(in, sizeof(in), out, sizeof(out));

    qtest_writel(qts, base, 0x12345678);
    line = qtest_raw_line(qts, "read 0x%" PRIx64 " 4", base);
    g_assert_cmpstr(line, ==, "OK 0x78563412");
    b64 = qtest_raw_line(qts, "b64read 0x%" PRIx64 " 4", base);
    g_assert_cmpstr(b64, ==, "OK eFY0Eg==");

    /* Short data is zero-filled up to SIZE. */
    g_free(qtest_raw_line(qts, "write 0x%" PRIx64 " 4 0xaabb", base));
    g_assert_cmphex(qtest_readl(qts, base), ==, 0x0000bbaa);

    qtest_bufwrite(qts, base, in, 8);
    qtest_bufread(qts, base, out, 8);
    g_assert_cmpmem(in, 8, out, 8);

    qtest_memset(qts, base, 0x5a, 16);
    g_assert_cmphex(qtest_readq(qts, base + 8), ==, 0x5a5a5a5a5a5a5a5aULL);

    err = qtest_raw_line(qts, "write 0x%" PRIx64 " 4 0x", base);
    g_assert_cmpstr(err, ==, "ERR invalid argument size");
    qtest_quit(qts);
}

static void test_unassigned(void)
{
    QTestState *qts = start_board();
    /* Holes in both boards' memory maps. */
    uint64_t hole = strcmp(qtest_get_arch(), "aarch64") == 0 ?
                    0x0b000000ULL : 0x3ff00000ULL;

    /* Unassigned memory reads 0; unassigned ports read all ones. */
    g_assert_cmphex(qtest_readl(qts, hole), ==, 0);
    qtest_writel(qts, hole, 0xffffffff);
    g_assert_cmphex(qtest_readl(qts, hole), ==, 0);
    if (strcmp(qtest_get_arch(), "aarch64") == 0) {
        g_assert_cmphex(qtest_inb(qts, 0x1234), ==, 0xff);
        g_assert_cmphex(qtest_inl(qts, 0x1234), ==, 0xffffffff);
    }
    qtest_quit(qts);
}

static void test_unknown_command(void)
{
    QTestState *qts = start_board();
    g_autofree char *line = qtest_raw_line(qts, "frobnicate 1 2");

    g_assert_cmpstr(line, ==, "FAIL Unknown command 'frobnicate'");
    qtest_quit(qts);
}

static void test_clock(void)
{
    QTestState *qts;
    g_autofree char *next = NULL;
    g_autofree char *past = NULL;

    if (!qtest_clock_is_driven()) {
        g_test_skip("clock_step needs the qtest accelerator");
        return;
    }
    qts = qtest_init("-machine none");
    g_assert_cmpint(qtest_clock_step(qts, 1000), ==, 1000);
    g_assert_cmpint(qtest_clock_step(qts, 24), ==, 1024);
    g_assert_cmpint(qtest_clock_set(qts, 5000), ==, 5000);
    past = qtest_raw_line(qts, "clock_set 500");
    g_assert_cmpstr(past, ==, "FAIL 5000");
    /* Nothing is armed on an empty board: there is no next deadline. */
    next = qtest_raw_line(qts, "clock_step");
    g_assert_cmpstr(next, ==, "FAIL cannot advance clock to the next "
                    "deadline because there is no pending deadline");
    qtest_quit(qts);
}

static void test_clock_stands_still(void)
{
    QTestState *qts;
    g_autofree char *a = NULL;
    g_autofree char *b = NULL;

    if (!qtest_clock_is_driven()) {
        g_test_skip("clock_step needs the qtest accelerator");
        return;
    }
    qts = qtest_init("-machine none");
    a = qtest_raw_line(qts, "clock_step 0");
    g_usleep(20000);
    b = qtest_raw_line(qts, "clock_set 0");
    /* Wall time passed, virtual time did not. */
    g_assert_cmpstr(b, ==, "OK 0");
    g_assert(g_str_has_prefix(a, "FAIL") || !strcmp(a, "OK 0"));
    qtest_quit(qts);
}

static char *irq_device_path(QTestState *qts)
{
    return strcmp(qtest_get_arch(), "aarch64") == 0 ?
           qtest_qom_find_child_of_type(qts, "/machine", "arm_gic") :
           g_strdup("ioapic");
}

static void test_irq_intercept_in(void)
{
    QTestState *qts = start_board();
    g_autofree char *path = irq_device_path(qts);

    g_assert(path);
    qtest_irq_intercept_in(qts, path);
    g_assert(!qtest_get_irq(qts, 4));
    qtest_set_irq_in(qts, path, "unnamed-gpio-in", 4, 1);
    g_assert(qtest_get_irq(qts, 4));
    g_assert(!qtest_get_irq(qts, 3));
    qtest_set_irq_in(qts, path, "unnamed-gpio-in", 4, 0);
    g_assert(!qtest_get_irq(qts, 4));
    qtest_quit(qts);
}

static void test_irq_intercept_errors(void)
{
    QTestState *qts = start_board();
    g_autofree char *path = irq_device_path(qts);
    g_autofree char *unknown = NULL;
    g_autofree char *again = NULL;

    unknown = qtest_raw_line(qts, "irq_intercept_in /machine/nothing-here");
    g_assert_cmpstr(unknown, ==, "FAIL Unknown device");
    qtest_irq_intercept_in(qts, path);
    again = qtest_raw_line(qts, "irq_intercept_in %s", path);
    g_assert_cmpstr(again, ==, "OK");
    qtest_quit(qts);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);

    qtest_add_func("qtest/endianness", test_endianness);
    qtest_add_func("qtest/mem-sizes", test_mem_sizes);
    qtest_add_func("qtest/bulk", test_bulk_read_write);
    qtest_add_func("qtest/unassigned", test_unassigned);
    qtest_add_func("qtest/unknown-command", test_unknown_command);
    qtest_add_func("qtest/clock", test_clock);
    qtest_add_func("qtest/clock-stands-still", test_clock_stands_still);
    qtest_add_func("qtest/irq-intercept-in", test_irq_intercept_in);
    qtest_add_func("qtest/irq-intercept-errors", test_irq_intercept_errors);

    return g_test_run();
}
