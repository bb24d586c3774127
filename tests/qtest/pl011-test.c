/*
 * PL011 UART on the virt board: registers, FIFOs, interrupts, back ends,
 * receive timeout and device tree node.
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * Every case also runs against Debian's QEMU 7.2, which libqtest starts
 * with -accel tcg -S (it has no qtest accelerator, so the virtual clock
 * cannot be stepped there).  Checks of what QEMU changed after 7.2, or of
 * what this model takes from the TRM where QEMU does not (IFLS trigger
 * levels, receive timeout, TX FIFO with back-pressure, overrun and break
 * interrupts), skip on the reference and say why.  Expected values come
 * from ARM DDI 0183G and docs/system/devices/pl011.rst.
 */
#include "qemu/osdep.h"
#include <libfdt.h>
#include "libqtest.h"
#include "qtest-uart.h"

#define UART_BASE       0x09000000ULL
#define UART_SPI        1           /* GIC input of the combined IRQ */

/* Registers (offsets) */
#define A_DR            0x000
#define A_RSR           0x004
#define A_FR            0x018
#define A_ILPR          0x020
#define A_IBRD          0x024
#define A_FBRD          0x028
#define A_LCR_H         0x02c
#define A_CR            0x030
#define A_IFLS          0x034
#define A_IMSC          0x038
#define A_RIS           0x03c
#define A_MIS           0x040
#define A_ICR           0x044
#define A_DMACR         0x048
#define A_PERIPHID0     0xfe0

#define DR_BE           (1 << 10)
#define DR_OE           (1 << 11)
#define RSR_BE          (1 << 2)
#define RSR_OE          (1 << 3)

#define FR_CTS          (1 << 0)
#define FR_DSR          (1 << 1)
#define FR_DCD          (1 << 2)
#define FR_BUSY         (1 << 3)
#define FR_RXFE         (1 << 4)
#define FR_TXFF         (1 << 5)
#define FR_RXFF         (1 << 6)
#define FR_TXFE         (1 << 7)
#define FR_RI           (1 << 8)

#define LCR_H_BRK       (1 << 0)
#define LCR_H_FEN       (1 << 4)
#define LCR_H_WLEN_8    (3 << 5)

#define CR_UARTEN       (1 << 0)
#define CR_SIREN        (1 << 1)
#define CR_LBE          (1 << 7)
#define CR_TXE          (1 << 8)
#define CR_RXE          (1 << 9)
#define CR_DTR          (1 << 10)
#define CR_RTS          (1 << 11)
#define CR_OUT1         (1 << 12)
#define CR_OUT2         (1 << 13)

#define INT_RI          (1 << 0)
#define INT_CTS         (1 << 1)
#define INT_DCD         (1 << 2)
#define INT_DSR         (1 << 3)
#define INT_RX          (1 << 4)
#define INT_TX          (1 << 5)
#define INT_RT          (1 << 6)
#define INT_BE          (1 << 9)
#define INT_OE          (1 << 10)

#define FIFO_DEPTH      16
#define DEFAULT_CLK_HZ  24000000    /* virt's apb-pclk; clk unconnected */
#define NS_PER_SEC      1000000000LL

/* Give up on the emulator after this long (bytes in flight, IRQs). */
#define WAIT_US         (10 * G_USEC_PER_SEC)

static uint32_t uart_read(QTestState *qts, uint32_t offset)
{
    return qtest_readl(qts, UART_BASE + offset);
}

static void uart_write(QTestState *qts, uint32_t offset, uint32_t value)
{
    qtest_writel(qts, UART_BASE + offset, value);
}

/* Poll a register until (value & mask) == want; false on timeout. */
static bool uart_wait(QTestState *qts, uint32_t offset, uint32_t mask,
                      uint32_t want)
{
    gint64 deadline = g_get_monotonic_time() + WAIT_US;

    do {
        if ((uart_read(qts, offset) & mask) == want) {
            return true;
        }
        g_usleep(50);
    } while (g_get_monotonic_time() < deadline);
    return false;
}

static QTestState *start_virt(const char *extra)
{
    return qtest_initf("-machine virt %s", extra);
}

/* Watch the GIC's inputs: qtest_get_irq(qts, UART_SPI) is the UART. */
static void intercept_gic(QTestState *qts)
{
    g_autofree char *gic = qtest_qom_find_child_of_type(qts, "/machine",
                                                        "arm_gic");

    g_assert(gic);
    qtest_irq_intercept_in(qts, gic);
}

/* A log file for -D, removed again by qtest_uart_quit_and_read_log(). */
static char *new_log_path(void)
{
    return qtest_uart_log_path("pl011-test");
}

/* The UART on a Unix socket we listen on: the emulator connects. */
static void socket_start(QTestUartSocket *u, const char *chardev_opts,
                         const char *extra)
{
    qtest_uart_socket_start(u, "pl011-test", "-machine virt", chardev_opts,
                            extra);
}

/* The same with the emulator listening, where telnet=on works. */
static void socket_start_server(QTestUartSocket *u, const char *chardev_opts)
{
    qtest_uart_socket_start_server(u, "pl011-test", "-machine virt",
                                   chardev_opts, "");
}

/* Pop @len characters from DR as a polling driver would. */
static void uart_receive(QTestState *qts, uint8_t *buf, size_t len)
{
    size_t i;

    for (i = 0; i < len; i++) {
        g_assert(uart_wait(qts, A_FR, FR_RXFE, 0));
        buf[i] = uart_read(qts, A_DR) & 0xff;
    }
}

/* Registers */

static void test_reset_values(void)
{
    static const uint8_t ids[] = {
        0x11, 0x10, 0x14, 0x00, 0x0d, 0xf0, 0x05, 0xb1
    };
    QTestState *qts = start_virt("-serial null");
    int i;

    g_assert_cmphex(uart_read(qts, A_RSR), ==, 0);
    g_assert_cmphex(uart_read(qts, A_FR), ==, FR_TXFE | FR_RXFE);
    g_assert_cmphex(uart_read(qts, A_ILPR), ==, 0);
    g_assert_cmphex(uart_read(qts, A_IBRD), ==, 0);
    g_assert_cmphex(uart_read(qts, A_FBRD), ==, 0);
    g_assert_cmphex(uart_read(qts, A_LCR_H), ==, 0);
    g_assert_cmphex(uart_read(qts, A_CR), ==, CR_TXE | CR_RXE);
    g_assert_cmphex(uart_read(qts, A_IFLS), ==, 0x12);
    g_assert_cmphex(uart_read(qts, A_IMSC), ==, 0);
    g_assert_cmphex(uart_read(qts, A_RIS), ==, 0);
    g_assert_cmphex(uart_read(qts, A_MIS), ==, 0);
    g_assert_cmphex(uart_read(qts, A_DMACR), ==, 0);
    for (i = 0; i < ARRAY_SIZE(ids); i++) {
        g_assert_cmphex(uart_read(qts, A_PERIPHID0 + 4 * i), ==, ids[i]);
    }
    qtest_quit(qts);
}

/* pl011_luminary differs from pl011 only in its ID bytes. */
static void test_luminary_ids(void)
{
    static const uint8_t ids[] = {
        0x11, 0x00, 0x18, 0x01, 0x0d, 0xf0, 0x05, 0xb1
    };
    QTestState *qts;
    uint64_t base;
    int i;

    if (qtest_has_machine("lm3s811evb")) {
        /* QEMU's Stellaris board: UART0 is a pl011_luminary. */
        qts = qtest_init("-machine lm3s811evb -serial null");
        base = 0x4000c000;
    } else {
        /* Our virt board puts -device PL011s on its platform bus. */
        qts = start_virt("-serial null -device pl011_luminary");
        base = 0x0c000000;
    }
    for (i = 0; i < ARRAY_SIZE(ids); i++) {
        g_assert_cmphex(qtest_readl(qts, base + 0xfe0 + 4 * i), ==, ids[i]);
    }
    qtest_quit(qts);
}

static void test_register_writes(void)
{
    QTestState *qts = start_virt("-serial null");

    uart_write(qts, A_ILPR, 0x1234a5);          /* stored as written */
    g_assert_cmphex(uart_read(qts, A_ILPR), ==, 0x1234a5);
    uart_write(qts, A_IBRD, 0xffff);
    g_assert_cmphex(uart_read(qts, A_IBRD), ==, 0xffff);
    uart_write(qts, A_FBRD, 0x3f);
    g_assert_cmphex(uart_read(qts, A_FBRD), ==, 0x3f);
    uart_write(qts, A_LCR_H, LCR_H_WLEN_8 | 0x0e);
    g_assert_cmphex(uart_read(qts, A_LCR_H), ==, LCR_H_WLEN_8 | 0x0e);
    uart_write(qts, A_CR, CR_UARTEN | CR_TXE | CR_RXE | 0x46);
    g_assert_cmphex(uart_read(qts, A_CR), ==, CR_UARTEN | CR_TXE | CR_RXE |
                    0x46);
    uart_write(qts, A_IFLS, 0x2d);
    g_assert_cmphex(uart_read(qts, A_IFLS), ==, 0x2d);
    uart_write(qts, A_IMSC, 0x7ff);
    g_assert_cmphex(uart_read(qts, A_IMSC), ==, 0x7ff);
    uart_write(qts, A_DMACR, 0x4);
    g_assert_cmphex(uart_read(qts, A_DMACR), ==, 0x4);

    /* FR, RIS and MIS are read-only; ICR clears, RSR writes clear RSR. */
    uart_write(qts, A_FR, 0);
    g_assert_cmphex(uart_read(qts, A_FR), ==, FR_TXFE | FR_RXFE);
    uart_write(qts, A_RIS, 0x7ff);
    g_assert_cmphex(uart_read(qts, A_RIS), ==, 0);
    uart_write(qts, A_MIS, 0x7ff);
    g_assert_cmphex(uart_read(qts, A_MIS), ==, 0);
    uart_write(qts, A_RSR, 0xf);
    g_assert_cmphex(uart_read(qts, A_RSR), ==, 0);
    qtest_quit(qts);
}

/* IBRD keeps 16 bits and FBRD 6, as the TRM sizes them. */
static void test_baud_divisor_masks(void)
{
    QTestState *qts;

    if (qtest_skip_on_reference("QEMU 7.2 stores all 32 bits of IBRD/FBRD "
                                "(masks added in 9.2)")) {
        return;
    }
    qts = start_virt("-serial null");
    uart_write(qts, A_IBRD, 0x12345);
    g_assert_cmphex(uart_read(qts, A_IBRD), ==, 0x2345);
    uart_write(qts, A_FBRD, 0xff);
    g_assert_cmphex(uart_read(qts, A_FBRD), ==, 0x3f);
    qtest_quit(qts);
}

/*
 * The bus ignores byte lanes: a narrow access reaches the whole word at
 * the same address, and an 8-byte access is two word accesses.
 */
static void test_sub_word_access(void)
{
    QTestState *qts = start_virt("-serial null");

    qtest_writeb(qts, UART_BASE + A_CR + 1, 0x03);
    g_assert_cmphex(uart_read(qts, A_CR), ==, 0x0003);
    g_assert_cmphex(qtest_readb(qts, UART_BASE + A_FR + 1), ==, 0x90);
    qtest_writew(qts, UART_BASE + A_IMSC, 0x0050);
    g_assert_cmphex(qtest_readw(qts, UART_BASE + A_IMSC), ==, 0x0050);
    g_assert_cmphex(qtest_readq(qts, UART_BASE + A_CR), ==,
                    (0x12ULL << 32) | 0x0003);
    qtest_quit(qts);
}

static void test_bad_offsets_logged(void)
{
    g_autofree char *log = new_log_path();
    g_autofree char *text = NULL;
    QTestState *qts;

    qts = qtest_initf("-machine virt -serial null -d guest_errors,unimp "
                      "-D %s", log);
    g_assert_cmphex(uart_read(qts, 0x008), ==, 0);
    uart_write(qts, 0x00c, 1);
    g_assert_cmphex(uart_read(qts, A_ICR), ==, 0);   /* write-only */
    uart_write(qts, A_RIS, 0x10);
    uart_write(qts, A_MIS, 0x10);
    uart_write(qts, A_PERIPHID0, 0);
    g_assert_cmphex(uart_read(qts, 0x080), ==, 0);   /* test registers */
    g_assert_cmphex(uart_read(qts, 0xfd0), ==, 0);
    uart_write(qts, A_FR, 0);                         /* ignored silently */
    uart_write(qts, A_DMACR, 0x3);
    uart_write(qts, A_CR, CR_TXE | CR_RXE | CR_SIREN);
    text = qtest_uart_quit_and_read_log(qts, log);

    g_assert(strstr(text, "pl011_read: Bad offset 0x8\n"));
    g_assert(strstr(text, "pl011_write: Bad offset 0xc\n"));
    g_assert(strstr(text, "pl011_read: Bad offset 0x44\n"));
    g_assert(strstr(text, "pl011_write: Bad offset 0x3c\n"));
    g_assert(strstr(text, "pl011_write: Bad offset 0x40\n"));
    g_assert(strstr(text, "pl011_write: Bad offset 0xfe0\n"));
    g_assert(strstr(text, "pl011_read: Bad offset 0x80\n"));
    g_assert(strstr(text, "pl011_read: Bad offset 0xfd0\n"));
    g_assert(!strstr(text, "Bad offset 0x18"));
    g_assert(strstr(text, "pl011: DMA not implemented\n"));
    if (qtest_clock_is_driven()) {
        /* QEMU stores SIREN silently. */
        g_assert(strstr(text, "pl011: IrDA not implemented\n"));
    }
}

/* Data still flows with the UART disabled; the first use is logged. */
static void test_disabled_uart_logged(void)
{
    g_autofree char *log = new_log_path();
    g_autofree char *text = NULL;
    QTestState *qts;
    char *first;

    if (qtest_skip_on_reference("QEMU 7.2 does not log writes to a disabled "
                                "UART")) {
        return;
    }
    qts = qtest_initf("-machine virt -serial null -d guest_errors -D %s",
                      log);
    uart_write(qts, A_IMSC, INT_TX);
    uart_write(qts, A_DR, 'a');                 /* UARTEN clear at reset */
    uart_write(qts, A_DR, 'b');
    g_assert_cmphex(uart_read(qts, A_RIS) & INT_TX, ==, INT_TX);
    uart_write(qts, A_CR, CR_UARTEN);           /* TXE clear */
    uart_write(qts, A_DR, 'c');
    text = qtest_uart_quit_and_read_log(qts, log);

    first = strstr(text, "PL011 data written to disabled UART\n");
    g_assert(first);
    g_assert(!strstr(first + 1, "PL011 data written to disabled UART\n"));
    g_assert(strstr(text, "PL011 data written to disabled TX UART\n"));
}

static void test_system_reset(void)
{
    QTestState *qts;

    if (qtest_skip_on_reference("QEMU 7.2's PL011 has no reset handler")) {
        return;
    }
    qts = start_virt("-serial null");
    uart_write(qts, A_CR, CR_UARTEN | CR_TXE | CR_LBE);
    uart_write(qts, A_IBRD, 5);
    uart_write(qts, A_LCR_H, LCR_H_FEN | LCR_H_WLEN_8);
    uart_write(qts, A_IMSC, INT_TX | INT_RX);
    uart_write(qts, A_DR, 'x');                 /* looped back */
    g_assert_cmphex(uart_read(qts, A_FR) & FR_RXFE, ==, 0);
    qtest_system_reset(qts);
    g_assert_cmphex(uart_read(qts, A_CR), ==, CR_TXE | CR_RXE);
    g_assert_cmphex(uart_read(qts, A_IBRD), ==, 0);
    g_assert_cmphex(uart_read(qts, A_LCR_H), ==, 0);
    g_assert_cmphex(uart_read(qts, A_IMSC), ==, 0);
    g_assert_cmphex(uart_read(qts, A_RIS), ==, 0);
    g_assert_cmphex(uart_read(qts, A_FR), ==, FR_TXFE | FR_RXFE);
    qtest_quit(qts);
}

/* Receive FIFO */

/* Character mode: a one-entry holding register. */
static void test_char_mode(void)
{
    QTestUartSocket u;
    uint8_t buf[2];

    socket_start(&u, "", "");
    qtest_uart_socket_send(&u, "ab", 2);
    g_assert(uart_wait(u.qts, A_FR, FR_RXFE | FR_RXFF, FR_RXFF));
    g_assert_cmphex(uart_read(u.qts, A_DR), ==, 'a');
    g_assert_cmphex(uart_read(u.qts, A_RSR), ==, 0);
    uart_receive(u.qts, buf, 1);
    g_assert_cmphex(buf[0], ==, 'b');
    g_assert_cmphex(uart_read(u.qts, A_FR) & (FR_RXFE | FR_RXFF), ==,
                    FR_RXFE);
    qtest_uart_socket_stop(&u);
}

/* FIFO mode: 16 entries; the back end keeps the rest until there is room. */
static void test_fifo_mode(void)
{
    static const char data[] = "0123456789abcdefg";
    QTestUartSocket u;
    uint8_t buf[17];
    int i;

    socket_start(&u, "", "");
    uart_write(u.qts, A_LCR_H, LCR_H_FEN | LCR_H_WLEN_8);
    qtest_uart_socket_send(&u, data, 17);
    g_assert(uart_wait(u.qts, A_FR, FR_RXFF, FR_RXFF));
    for (i = 0; i < FIFO_DEPTH; i++) {
        g_assert_cmphex(uart_read(u.qts, A_DR), ==, data[i]);
    }
    uart_receive(u.qts, buf, 1);
    g_assert_cmphex(buf[0], ==, 'g');
    g_assert_cmphex(uart_read(u.qts, A_FR) & (FR_RXFE | FR_RXFF), ==,
                    FR_RXFE);
    qtest_uart_socket_stop(&u);
}

/* Switching FEN empties the receive FIFO. */
static void test_fen_change_flushes(void)
{
    QTestUartSocket u;
    uint8_t buf[1];

    if (qtest_skip_on_reference("QEMU 7.2 leaves FR stale when FEN changes "
                                "(fixed in 8.0)")) {
        return;
    }
    socket_start(&u, "", "");
    uart_write(u.qts, A_LCR_H, LCR_H_FEN);
    qtest_uart_socket_send(&u, "0123456789abcdef", FIFO_DEPTH);
    g_assert(uart_wait(u.qts, A_FR, FR_RXFF, FR_RXFF));
    uart_write(u.qts, A_LCR_H, 0);
    g_assert_cmphex(uart_read(u.qts, A_FR), ==, FR_TXFE | FR_RXFE);
    qtest_uart_socket_send(&u, "Z", 1);
    uart_receive(u.qts, buf, 1);
    g_assert_cmphex(buf[0], ==, 'Z');
    qtest_uart_socket_stop(&u);
}

/* Both directions through a socket, 4 KiB each way, in order. */
static void test_socket_both_directions(void)
{
    enum { LEN = 4096 };
    g_autofree uint8_t *out = g_malloc(LEN);
    g_autofree uint8_t *in = g_malloc(LEN);
    QTestUartSocket u;
    size_t got = 0;
    int i;

    for (i = 0; i < LEN; i++) {
        out[i] = (i * 7 + i / 256) & 0xff;
    }
    socket_start(&u, "", "");
    uart_write(u.qts, A_LCR_H, LCR_H_FEN | LCR_H_WLEN_8);
    uart_write(u.qts, A_CR, CR_UARTEN | CR_TXE | CR_RXE);

    /* Guest to peer: a driver that waits while TXFF is set. */
    for (i = 0; i < LEN; i++) {
        g_assert(uart_wait(u.qts, A_FR, FR_TXFF, 0));
        uart_write(u.qts, A_DR, out[i]);
        got += qtest_uart_socket_recv_now(&u, in + got, LEN - got);
    }
    qtest_uart_socket_recv(&u, in + got, LEN - got);
    g_assert_cmpmem(in, LEN, out, LEN);

    /* Peer to guest: all at once; the FIFO takes what it can hold. */
    memset(in, 0, LEN);
    qtest_uart_socket_send(&u, out, LEN);
    uart_receive(u.qts, in, LEN);
    g_assert_cmpmem(in, LEN, out, LEN);
    qtest_uart_socket_stop(&u);
}

/* A peer that goes away while characters wait costs nothing but them. */
static void test_socket_peer_gone(void)
{
    QTestUartSocket u;
    int i;

    if (qtest_skip_on_reference("QEMU's writes block the whole emulator while "
                                "the peer does not read")) {
        return;
    }
    socket_start(&u, "", "");
    uart_write(u.qts, A_LCR_H, LCR_H_FEN | LCR_H_WLEN_8);
    for (i = 0; !(uart_read(u.qts, A_FR) & FR_TXFF); i++) {
        g_assert_cmpint(i, <, 1024 * 1024);
        uart_write(u.qts, A_DR, 'p');
    }
    close(u.fd);
    u.fd = -1;
    g_assert(uart_wait(u.qts, A_FR, FR_TXFE | FR_BUSY, FR_TXFE));
    uart_write(u.qts, A_DR, 'q');
    g_assert_cmphex(uart_read(u.qts, A_FR) & (FR_TXFE | FR_BUSY), ==,
                    FR_TXFE);
    qtest_quit(u.qts);
}

/* Interrupts at the GIC */

static void test_rx_interrupt(void)
{
    QTestUartSocket u;

    socket_start(&u, "", "");
    intercept_gic(u.qts);
    uart_write(u.qts, A_IMSC, INT_RX);
    g_assert(!qtest_get_irq(u.qts, UART_SPI));
    qtest_uart_socket_send(&u, "x", 1);
    g_assert(uart_wait(u.qts, A_RIS, INT_RX, INT_RX));
    g_assert_cmphex(uart_read(u.qts, A_MIS), ==, INT_RX);
    g_assert(qtest_get_irq(u.qts, UART_SPI));

    /* Masking drops the line at once; unmasking raises it again. */
    uart_write(u.qts, A_IMSC, 0);
    g_assert(!qtest_get_irq(u.qts, UART_SPI));
    g_assert_cmphex(uart_read(u.qts, A_MIS), ==, 0);
    uart_write(u.qts, A_IMSC, INT_RX);
    g_assert(qtest_get_irq(u.qts, UART_SPI));

    /* Reading the character clears it. */
    g_assert_cmphex(uart_read(u.qts, A_DR), ==, 'x');
    g_assert_cmphex(uart_read(u.qts, A_RIS), ==, 0);
    g_assert(!qtest_get_irq(u.qts, UART_SPI));

    /* So does ICR. */
    qtest_uart_socket_send(&u, "y", 1);
    g_assert(uart_wait(u.qts, A_RIS, INT_RX, INT_RX));
    g_assert(qtest_get_irq(u.qts, UART_SPI));
    uart_write(u.qts, A_ICR, INT_RX);
    g_assert_cmphex(uart_read(u.qts, A_RIS), ==, 0);
    g_assert(!qtest_get_irq(u.qts, UART_SPI));
    qtest_uart_socket_stop(&u);
}

static void test_tx_interrupt(void)
{
    QTestState *qts = start_virt("-serial null");

    intercept_gic(qts);
    uart_write(qts, A_IMSC, INT_TX);
    /* An idle transmitter after reset does not interrupt. */
    g_assert_cmphex(uart_read(qts, A_RIS), ==, 0);
    g_assert(!qtest_get_irq(qts, UART_SPI));
    uart_write(qts, A_DR, 'A');
    g_assert_cmphex(uart_read(qts, A_RIS), ==, INT_TX);
    g_assert_cmphex(uart_read(qts, A_MIS), ==, INT_TX);
    g_assert(qtest_get_irq(qts, UART_SPI));
    uart_write(qts, A_ICR, INT_TX);
    g_assert_cmphex(uart_read(qts, A_RIS), ==, 0);
    g_assert(!qtest_get_irq(qts, UART_SPI));

    /* The line follows IMSC writes immediately. */
    uart_write(qts, A_IMSC, 0);
    uart_write(qts, A_DR, 'B');
    g_assert(!qtest_get_irq(qts, UART_SPI));
    uart_write(qts, A_IMSC, INT_TX);
    g_assert(qtest_get_irq(qts, UART_SPI));
    qtest_quit(qts);
}

/*
 * The six outputs: 0 combined, 1 RX, 2 TX, 3 RT, 4 modem, 5 errors.
 * The sources are made in loopback, where everything is synchronous.
 */
static void test_irq_outputs(void)
{
    static const struct {
        uint32_t imsc;
        int line;
    } cases[] = {
        { INT_RX, 1 }, { INT_TX, 2 }, { INT_RT, 3 }, { INT_CTS, 4 },
        { INT_BE, 5 },
    };
    const uint32_t all = INT_RX | INT_TX | INT_RT | INT_CTS | INT_BE;
    g_autofree char *uart = NULL;
    QTestState *qts;
    int i, j;

    if (qtest_skip_on_reference("QEMU 7.2 has no loopback, never raises "
                                "BE, and its qtest cannot intercept named "
                                "outputs")) {
        return;
    }
    qts = start_virt("-serial null");
    uart = qtest_qom_find_child_of_type(qts, "/machine", "pl011");
    g_assert(uart);
    qtest_irq_intercept_out_named(qts, uart, "sysbus-irq");
    uart_write(qts, A_CR, CR_UARTEN | CR_TXE | CR_RXE | CR_LBE | CR_RTS);
    uart_write(qts, A_LCR_H, LCR_H_FEN | LCR_H_WLEN_8);
    uart_write(qts, A_IFLS, 0);                 /* RX at 2 entries */
    uart_write(qts, A_DR, 'l');                 /* RX and TX */
    uart_write(qts, A_DR, 'm');
    uart_write(qts, A_LCR_H, LCR_H_FEN | LCR_H_BRK);    /* BE */
    uart_write(qts, A_LCR_H, LCR_H_FEN);
    qtest_clock_step(qts, NS_PER_SEC);      /* RT */
    g_assert_cmphex(uart_read(qts, A_RIS) & all, ==, all);
    for (i = 0; i < ARRAY_SIZE(cases); i++) {
        uart_write(qts, A_IMSC, cases[i].imsc);
        for (j = 0; j < 6; j++) {
            g_assert_cmpint(qtest_get_irq(qts, j), ==,
                            j == 0 || j == cases[i].line);
        }
    }
    uart_write(qts, A_IMSC, 0);
    for (j = 0; j < 6; j++) {
        g_assert(!qtest_get_irq(qts, j));
    }
    qtest_quit(qts);
}

/* IFLS: RX interrupt when the FIFO reaches 1/8, 1/4, 1/2, 3/4, 7/8. */
static void test_rx_trigger_levels(void)
{
    static const int levels[] = { 2, 4, 8, 12, 14 };
    QTestState *qts;
    int sel, i;

    if (qtest_skip_on_reference("QEMU ignores IFLS: its RX interrupt fires at "
                                "the first character")) {
        return;
    }
    qts = start_virt("-serial null");
    intercept_gic(qts);
    uart_write(qts, A_CR, CR_UARTEN | CR_TXE | CR_RXE | CR_LBE);
    uart_write(qts, A_LCR_H, LCR_H_FEN | LCR_H_WLEN_8);
    uart_write(qts, A_IMSC, INT_RX);
    for (sel = 0; sel < ARRAY_SIZE(levels); sel++) {
        uart_write(qts, A_IFLS, sel << 3);
        for (i = 0; i < levels[sel] - 1; i++) {
            uart_write(qts, A_DR, 'a' + i);
        }
        g_assert_cmphex(uart_read(qts, A_RIS) & INT_RX, ==, 0);
        g_assert(!qtest_get_irq(qts, UART_SPI));
        uart_write(qts, A_DR, 'a' + i);
        g_assert_cmphex(uart_read(qts, A_RIS) & INT_RX, ==, INT_RX);
        g_assert(qtest_get_irq(qts, UART_SPI));
        /* Reading below the level clears it. */
        g_assert_cmphex(uart_read(qts, A_DR), ==, 'a');
        g_assert_cmphex(uart_read(qts, A_RIS) & INT_RX, ==, 0);
        g_assert(!qtest_get_irq(qts, UART_SPI));
        for (i = 1; i < levels[sel]; i++) {
            g_assert_cmphex(uart_read(qts, A_DR), ==, 'a' + i);
        }
        g_assert_cmphex(uart_read(qts, A_FR) & FR_RXFE, ==, FR_RXFE);
    }

    /* Lowering the level to what the FIFO holds interrupts at once. */
    uart_write(qts, A_IFLS, 2 << 3);
    uart_write(qts, A_DR, '1');
    uart_write(qts, A_DR, '2');
    g_assert(!qtest_get_irq(qts, UART_SPI));
    uart_write(qts, A_IFLS, 0 << 3);
    g_assert(qtest_get_irq(qts, UART_SPI));

    /* Character mode: the single entry is the level. */
    uart_write(qts, A_LCR_H, LCR_H_WLEN_8);
    g_assert(!qtest_get_irq(qts, UART_SPI));
    uart_write(qts, A_DR, 'c');
    g_assert(qtest_get_irq(qts, UART_SPI));
    qtest_quit(qts);
}

/* Loopback, overrun, break */

static void test_loopback(void)
{
    QTestUartSocket u;
    uint8_t c;

    if (qtest_skip_on_reference("QEMU 7.2 has no loopback (added in 9.0)")) {
        return;
    }
    socket_start(&u, "", "");
    uart_write(u.qts, A_CR, CR_UARTEN | CR_TXE | CR_RXE | CR_LBE);
    uart_write(u.qts, A_DR, 'L');
    /* Looped back at once, and still sent to the back end. */
    g_assert_cmphex(uart_read(u.qts, A_FR) & FR_RXFE, ==, 0);
    g_assert_cmphex(uart_read(u.qts, A_DR), ==, 'L');
    qtest_uart_socket_recv(&u, &c, 1);
    g_assert_cmphex(c, ==, 'L');

    /* The modem outputs come back as FR's inputs and modem interrupts. */
    uart_write(u.qts, A_CR, CR_UARTEN | CR_TXE | CR_RXE | CR_LBE | CR_RTS |
               CR_DTR | CR_OUT1 | CR_OUT2);
    g_assert_cmphex(uart_read(u.qts, A_FR) & (FR_CTS | FR_DSR | FR_DCD |
                                              FR_RI),
                    ==, FR_CTS | FR_DSR | FR_DCD | FR_RI);
    g_assert_cmphex(uart_read(u.qts, A_RIS) & (INT_RI | INT_CTS | INT_DCD |
                                               INT_DSR),
                    ==, INT_RI | INT_CTS | INT_DCD | INT_DSR);
    uart_write(u.qts, A_CR, CR_UARTEN | CR_TXE | CR_RXE | CR_LBE | CR_RTS);
    g_assert_cmphex(uart_read(u.qts, A_FR) & (FR_CTS | FR_DSR | FR_DCD |
                                              FR_RI), ==, FR_CTS);

    /* In loopback the receiver does not listen to the back end. */
    qtest_uart_socket_send(&u, "q", 1);
    uart_read(u.qts, A_FR);
    g_usleep(20000);
    g_assert_cmphex(uart_read(u.qts, A_FR) & FR_RXFE, ==, FR_RXFE);

    /* Sending a break in loopback receives one. */
    uart_write(u.qts, A_LCR_H, LCR_H_BRK);
    g_assert_cmphex(uart_read(u.qts, A_DR), ==, DR_BE);
    g_assert_cmphex(uart_read(u.qts, A_RSR), ==, RSR_BE);
    qtest_uart_socket_stop(&u);
}

/* A character arriving at a full FIFO is lost and flagged (OE). */
static void test_overrun(void)
{
    QTestState *qts;

    if (qtest_skip_on_reference("QEMU never reports overrun (and 7.2 has no "
                                "loopback to cause one)")) {
        return;
    }
    qts = start_virt("-serial null");
    intercept_gic(qts);
    uart_write(qts, A_CR, CR_UARTEN | CR_TXE | CR_RXE | CR_LBE);
    uart_write(qts, A_IMSC, INT_OE);
    uart_write(qts, A_DR, 'a');
    g_assert(!qtest_get_irq(qts, UART_SPI));
    uart_write(qts, A_DR, 'b');                 /* character mode: full */
    g_assert_cmphex(uart_read(qts, A_RIS) & INT_OE, ==, INT_OE);
    g_assert(qtest_get_irq(qts, UART_SPI));
    g_assert_cmphex(uart_read(qts, A_DR), ==, DR_OE | 'a');
    g_assert_cmphex(uart_read(qts, A_RSR), ==, RSR_OE);
    g_assert_cmphex(uart_read(qts, A_FR) & FR_RXFE, ==, FR_RXFE);
    uart_write(qts, A_RSR, 0);                  /* ECR */
    g_assert_cmphex(uart_read(qts, A_RSR), ==, 0);
    uart_write(qts, A_ICR, INT_OE);
    g_assert(!qtest_get_irq(qts, UART_SPI));
    qtest_quit(qts);
}

/* A telnet break from the peer arrives as a NUL character with BE. */
static void test_break(void)
{
    static const uint8_t iac_brk[] = { 0xff, 0xf3 };
    QTestUartSocket u;

    socket_start_server(&u, ",telnet=on");
    uart_write(u.qts, A_LCR_H, LCR_H_FEN | LCR_H_WLEN_8);
    qtest_uart_socket_send(&u, iac_brk, sizeof(iac_brk));
    g_assert(uart_wait(u.qts, A_FR, FR_RXFE, 0));
    g_assert_cmphex(uart_read(u.qts, A_DR), ==, DR_BE);
    g_assert_cmphex(uart_read(u.qts, A_RSR), ==, RSR_BE);
    uart_write(u.qts, A_RSR, 0);
    g_assert_cmphex(uart_read(u.qts, A_RSR), ==, 0);
    if (qtest_clock_is_driven()) {
        /* QEMU leaves the BE interrupt alone. */
        g_assert_cmphex(uart_read(u.qts, A_RIS) & INT_BE, ==, INT_BE);
    }
    qtest_uart_socket_stop(&u);
}

/* Receive timeout */

/* 32 bit periods at UARTCLK / (16 * (IBRD + FBRD / 64)), in whole ns. */
static int64_t rx_timeout_ns(uint32_t ibrd, uint32_t fbrd)
{
    /* IBRD 0 is invalid; the model then uses the divisor 1.0. */
    int64_t divisor_64ths = ibrd ? ibrd * 64 + fbrd : 64;

    return 8 * divisor_64ths * NS_PER_SEC / DEFAULT_CLK_HZ;
}

static void check_rx_timeout(uint32_t ibrd, uint32_t fbrd)
{
    int64_t timeout = rx_timeout_ns(ibrd, fbrd);
    QTestUartSocket u;

    socket_start(&u, "", "");
    intercept_gic(u.qts);
    uart_write(u.qts, A_IBRD, ibrd);
    uart_write(u.qts, A_FBRD, fbrd);
    uart_write(u.qts, A_LCR_H, LCR_H_FEN | LCR_H_WLEN_8);
    uart_write(u.qts, A_IMSC, INT_RT);

    /* The clock stands still until we step it. */
    qtest_uart_socket_send(&u, "t", 1);
    g_assert(uart_wait(u.qts, A_FR, FR_RXFE, 0));
    qtest_clock_step(u.qts, timeout - 1);
    g_assert_cmphex(uart_read(u.qts, A_RIS), ==, 0);
    g_assert(!qtest_get_irq(u.qts, UART_SPI));
    qtest_clock_step(u.qts, 1);
    g_assert_cmphex(uart_read(u.qts, A_RIS), ==, INT_RT);
    g_assert(qtest_get_irq(u.qts, UART_SPI));

    /* Emptying the FIFO clears it. */
    g_assert_cmphex(uart_read(u.qts, A_DR), ==, 't');
    g_assert_cmphex(uart_read(u.qts, A_RIS), ==, 0);
    g_assert(!qtest_get_irq(u.qts, UART_SPI));

    /* Each character restarts the count; RX level 1/8 shows arrival. */
    uart_write(u.qts, A_IFLS, 0);
    qtest_uart_socket_send(&u, "1", 1);
    g_assert(uart_wait(u.qts, A_FR, FR_RXFE, 0));
    qtest_clock_step(u.qts, timeout / 2);
    qtest_uart_socket_send(&u, "2", 1);
    g_assert(uart_wait(u.qts, A_RIS, INT_RX, INT_RX));
    qtest_clock_step(u.qts, timeout - 1);
    g_assert(!qtest_get_irq(u.qts, UART_SPI));
    qtest_clock_step(u.qts, 1);
    g_assert(qtest_get_irq(u.qts, UART_SPI));
    uart_write(u.qts, A_ICR, INT_RT);
    g_assert(!qtest_get_irq(u.qts, UART_SPI));
    qtest_uart_socket_stop(&u);
}

static void test_rx_timeout(void)
{
    if (qtest_skip_on_reference("QEMU has no receive timeout; clock_step "
                                "needs the qtest accelerator")) {
        return;
    }
    check_rx_timeout(3, 0);             /* 500 kbaud: exactly 64 us */
    check_rx_timeout(13, 1);            /* 115200 baud: 277666.7 ns */
    check_rx_timeout(0, 0);             /* never programmed: divisor 1 */
}

/* Transmit FIFO and back-pressure */

/* The UART on a named pipe back end we can fill and drain. */
static void pipe_start(QTestUartPipe *p, const char *name,
                       const char *extra)
{
    qtest_uart_pipe_start(p, "pl011-test", name, "-machine virt", extra);
}

/*
 * With the back end full, characters wait in a 16-entry FIFO: BUSY and
 * TXFF say so, a 17th write is dropped and logged, nothing is lost.
 */
static void test_tx_fifo_backpressure(void)
{
    g_autofree char *log = new_log_path();
    g_autofree char *text = NULL;
    g_autofree char *args = g_strdup_printf("-d guest_errors -D %s", log);
    QTestUartPipe p;
    uint8_t out[32];
    size_t got;
    int i;

    if (qtest_skip_on_reference("QEMU has no TX FIFO: its writes block until "
                                "the back end takes them")) {
        return;
    }
    pipe_start(&p, "pipe", args);
    intercept_gic(p.qts);
    uart_write(p.qts, A_LCR_H, LCR_H_FEN | LCR_H_WLEN_8);
    uart_write(p.qts, A_CR, CR_UARTEN | CR_TXE | CR_RXE);
    uart_write(p.qts, A_IMSC, INT_TX);
    qtest_uart_pipe_fill(&p);
    for (i = 0; i < FIFO_DEPTH; i++) {
        g_assert_cmphex(uart_read(p.qts, A_FR) & FR_TXFF, ==, 0);
        uart_write(p.qts, A_DR, 'A' + i);
        g_assert_cmphex(uart_read(p.qts, A_FR) & (FR_BUSY | FR_TXFE), ==,
                        FR_BUSY);
    }
    g_assert_cmphex(uart_read(p.qts, A_FR) & FR_TXFF, ==, FR_TXFF);
    uart_write(p.qts, A_DR, '!');               /* ignores TXFF: dropped */
    g_assert_cmphex(uart_read(p.qts, A_RIS) & INT_TX, ==, 0);
    g_assert(!qtest_get_irq(p.qts, UART_SPI));

    /* The back end drains: the FIFO empties and TX interrupts. */
    got = qtest_uart_pipe_drain(&p, out, sizeof(out));
    g_assert(uart_wait(p.qts, A_FR, FR_TXFE | FR_BUSY | FR_TXFF, FR_TXFE));
    got += qtest_uart_pipe_drain(&p, out + got, sizeof(out) - got);
    g_assert_cmpuint(got, ==, FIFO_DEPTH);
    g_assert_cmpmem(out, got, "ABCDEFGHIJKLMNOP", FIFO_DEPTH);
    g_assert_cmphex(uart_read(p.qts, A_RIS) & INT_TX, ==, INT_TX);
    g_assert(qtest_get_irq(p.qts, UART_SPI));

    /* Character mode: one entry. */
    uart_write(p.qts, A_LCR_H, LCR_H_WLEN_8);
    qtest_uart_pipe_fill(&p);
    uart_write(p.qts, A_DR, 'x');
    g_assert_cmphex(uart_read(p.qts, A_FR) & (FR_TXFF | FR_BUSY), ==,
                    FR_TXFF | FR_BUSY);
    g_assert_cmphex(uart_read(p.qts, A_RIS) & INT_TX, ==, 0);
    got = qtest_uart_pipe_drain(&p, out, sizeof(out));
    g_assert(uart_wait(p.qts, A_FR, FR_TXFE, FR_TXFE));
    got += qtest_uart_pipe_drain(&p, out + got, sizeof(out) - got);
    g_assert_cmpuint(got, ==, 1);
    g_assert_cmphex(out[0], ==, 'x');
    g_assert_cmphex(uart_read(p.qts, A_RIS) & INT_TX, ==, INT_TX);
    text = qtest_uart_quit_and_read_log(p.qts, log);
    qtest_uart_pipe_stop(&p);
    g_assert(strstr(text, "TX FIFO full (TXFF set), char 0x21 dropped"));
}

/* IFLS: TX interrupt once the FIFO drains to 1/8, 1/4, 1/2, 3/4, 7/8. */
static void test_tx_trigger_levels(void)
{
    static const int levels[] = { 2, 4, 8, 12, 14 };
    uint8_t out[32];
    QTestUartPipe p;
    int sel, i;

    if (qtest_skip_on_reference("QEMU has no TX FIFO and ignores IFLS")) {
        return;
    }
    pipe_start(&p, "pipe", "");
    uart_write(p.qts, A_LCR_H, LCR_H_FEN | LCR_H_WLEN_8);
    uart_write(p.qts, A_DR, '-');               /* sets TXRIS */
    for (sel = 0; sel < ARRAY_SIZE(levels); sel++) {
        uart_write(p.qts, A_IFLS, sel);
        g_assert(uart_wait(p.qts, A_FR, FR_TXFE, FR_TXFE));
        qtest_uart_pipe_drain(&p, out, sizeof(out));
        g_assert_cmphex(uart_read(p.qts, A_RIS) & INT_TX, ==, INT_TX);
        qtest_uart_pipe_fill(&p);
        /* Filling up to the level keeps TXRIS; one more clears it. */
        for (i = 0; i < levels[sel]; i++) {
            uart_write(p.qts, A_DR, 'a' + i);
        }
        g_assert_cmphex(uart_read(p.qts, A_RIS) & INT_TX, ==, INT_TX);
        uart_write(p.qts, A_DR, 'a' + i);
        g_assert_cmphex(uart_read(p.qts, A_RIS) & INT_TX, ==, 0);
        /* Draining sets it again. */
        qtest_uart_pipe_drain(&p, out, sizeof(out));
        g_assert(uart_wait(p.qts, A_RIS, INT_TX, INT_TX));
    }
    qtest_quit(p.qts);
    qtest_uart_pipe_stop(&p);
}

/*
 * A peer that stops reading: a driver waiting on TXFF loses nothing,
 * 4 KiB after the socket's buffer has filled.
 */
static void test_socket_stalled_peer(void)
{
    enum { LEN = 4096 };
    g_autofree uint8_t *out = g_malloc(LEN);
    g_autofree uint8_t *in = g_malloc(LEN);
    QTestUartSocket u;
    bool stalled = false;
    size_t got = 0;
    int i;

    if (qtest_skip_on_reference("QEMU's writes block the whole emulator while "
                                "the peer does not read")) {
        return;
    }
    for (i = 0; i < LEN; i++) {
        out[i] = (i * 13 + 5) & 0xff;
    }
    socket_start(&u, "", "");
    uart_write(u.qts, A_LCR_H, LCR_H_FEN | LCR_H_WLEN_8);
    for (i = 0; i < LEN; i++) {
        if (uart_read(u.qts, A_FR) & FR_TXFF) {
            /* The peer wakes up; TXFF clears once the watch fires. */
            stalled = true;
            while (uart_read(u.qts, A_FR) & FR_TXFF) {
                got += qtest_uart_socket_recv_now(&u, in + got, LEN - got);
                g_usleep(50);
            }
        }
        uart_write(u.qts, A_DR, out[i]);
    }
    qtest_uart_socket_recv(&u, in + got, LEN - got);
    g_assert_cmpmem(in, LEN, out, LEN);
    g_assert(stalled);
    qtest_uart_socket_stop(&u);
}

/* Migration */

/* The words of the "pl011" section, version 2, in wire order. */
typedef struct PL011Words {
    uint32_t unused, flags, lcr, rsr, cr, dmacr, int_enabled, int_level;
    uint32_t read_fifo[FIFO_DEPTH];
    uint32_t ilpr, ibrd, fbrd, ifl;
    uint32_t read_pos, read_count, read_trigger;
} PL011Words;

/*
 * A stream holding only the UART, shaped as QEMU 7.2 writes it for virt
 * (spec section 11.4): header, configuration, the "pl011" section with
 * its "pl011/clock" subsection (an unconnected clock), end of stream and
 * the JSON description loaders expect after it.
 */
static GByteArray *pl011_stream(const PL011Words *w)
{
    GByteArray *b = qtest_stream_new("");
    const uint32_t *word = &w->unused;
    int i;

    qtest_stream_section_start(b, 7, "pl011", 0, 2);
    for (i = 0; i < sizeof(*w) / 4; i++) {
        qtest_stream_put_be32(b, word[i]);
    }
    qtest_stream_subsection_start(b, "pl011/clock", 1);
    qtest_stream_put_be64(b, 0);                /* period */
    qtest_stream_section_end(b, 7);
    qtest_stream_finish(b);
    return b;
}

/* Registers after reset, in stream form. */
static void pl011_words_reset(PL011Words *w)
{
    memset(w, 0, sizeof(*w));
    w->flags = FR_TXFE | FR_RXFE;
    w->cr = CR_TXE | CR_RXE;
    w->ifl = 0x12;
    w->read_trigger = 1;
}

/* A board loaded from the stream @b; see qtest_init_incoming_stream. */
static QTestState *load_stream(GByteArray *b, char **error_desc)
{
    return qtest_init_incoming_stream("-machine virt -serial null",
                                      b->data, b->len, error_desc);
}

/* QEMU's stream loads field for field, FIFO position included. */
static void test_migration_from_qemu(void)
{
    g_autoptr(GByteArray) b = NULL;
    g_autofree char *err = NULL;
    PL011Words w;
    QTestState *qts;

    pl011_words_reset(&w);
    w.flags = FR_TXFE;                          /* two characters held */
    w.lcr = LCR_H_WLEN_8 | LCR_H_FEN;
    w.dmacr = 4;
    w.int_enabled = INT_RX | INT_RT;
    w.int_level = INT_RX;
    w.read_fifo[14] = 'x';
    w.read_fifo[15] = 'y';
    w.read_fifo[0] = 'z';
    w.ilpr = 0x77;
    w.ibrd = 0x1234;
    w.fbrd = 0x2a;
    w.read_pos = 14;
    w.read_count = 3;
    b = pl011_stream(&w);
    qts = load_stream(b, &err);
    g_assert_null(err);
    g_assert_cmphex(uart_read(qts, A_IBRD), ==, 0x1234);
    g_assert_cmphex(uart_read(qts, A_FBRD), ==, 0x2a);
    g_assert_cmphex(uart_read(qts, A_ILPR), ==, 0x77);
    g_assert_cmphex(uart_read(qts, A_DMACR), ==, 4);
    g_assert_cmphex(uart_read(qts, A_IFLS), ==, 0x12);
    g_assert_cmphex(uart_read(qts, A_CR), ==, CR_TXE | CR_RXE);
    g_assert_cmphex(uart_read(qts, A_IMSC), ==, INT_RX | INT_RT);
    g_assert_cmphex(uart_read(qts, A_RIS) & INT_RX, ==, INT_RX);
    g_assert_cmphex(uart_read(qts, A_FR), ==, FR_TXFE);
    g_assert_cmphex(uart_read(qts, A_DR), ==, 'x');
    g_assert_cmphex(uart_read(qts, A_DR), ==, 'y');
    g_assert_cmphex(uart_read(qts, A_DR), ==, 'z');
    g_assert_cmphex(uart_read(qts, A_FR), ==, FR_TXFE | FR_RXFE);
    qtest_quit(qts);
}

/* Before 8.0 QEMU kept the character-mode entry at any position. */
static void test_migration_char_mode_position(void)
{
    g_autoptr(GByteArray) b = NULL;
    g_autofree char *err = NULL;
    PL011Words w;
    QTestState *qts;

    pl011_words_reset(&w);
    w.flags = FR_TXFE | FR_RXFF;
    w.read_fifo[5] = 'k';
    w.read_pos = 5;
    w.read_count = 1;
    b = pl011_stream(&w);
    qts = load_stream(b, &err);
    g_assert_null(err);
    g_assert_cmphex(uart_read(qts, A_FR) & (FR_RXFE | FR_RXFF), ==, FR_RXFF);
    g_assert_cmphex(uart_read(qts, A_DR), ==, 'k');
    g_assert_cmphex(uart_read(qts, A_FR) & FR_RXFE, ==, FR_RXFE);
    qtest_quit(qts);
}

/*
 * What we save is what QEMU saves: the section of an idle UART carries
 * exactly QEMU's words and subsection, and nothing of ours.
 */
static void test_migration_stream_bytes(void)
{
    static const uint8_t head[] = {
        0x05, 'p', 'l', '0', '1', '1', 0, 0, 0, 0, 0, 0, 0, 2
    };
    static const uint8_t clock_sub[] = {
        0x05, 11, 'p', 'l', '0', '1', '1', '/', 'c', 'l', 'o', 'c', 'k',
        0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0x7e
    };
    g_autofree char *data = NULL;
    g_autoptr(GByteArray) want = g_byte_array_new();
    PL011Words w;
    const uint32_t *word = &w.unused;
    QTestState *qts = start_virt("-serial null -m 64");
    const uint8_t *sec;
    gsize len, i;

    /* The register values of the example in spec section 11.4. */
    uart_write(qts, A_IBRD, 0x1234);
    uart_write(qts, A_FBRD, 0x2a);
    uart_write(qts, A_LCR_H, 0x70);
    uart_write(qts, A_IMSC, 0x50);
    uart_write(qts, A_ILPR, 0x77);
    uart_write(qts, A_DMACR, 4);
    data = qtest_migrate_save(qts, &len);

    sec = qtest_stream_find_section(data, len, head, sizeof(head));
    g_assert(sec);
    sec += sizeof(head);

    pl011_words_reset(&w);
    w.lcr = 0x70;
    w.dmacr = 4;
    w.int_enabled = 0x50;
    w.ilpr = 0x77;
    w.ibrd = 0x1234;
    w.fbrd = 0x2a;
    for (i = 0; i < sizeof(w) / 4; i++) {
        qtest_stream_put_be32(want, word[i]);
    }
    g_byte_array_append(want, clock_sub, sizeof(clock_sub));
    g_assert_cmpuint(sec + want->len - (const uint8_t *)data, <=, len);
    g_assert_cmpmem(sec, want->len, want->data, want->len);
}

/* A hostile stream is refused, naming the field, before any use. */
static void check_hostile_stream(const PL011Words *w, const char *expect)
{
    g_autoptr(GByteArray) b = pl011_stream(w);
    g_autofree char *err = NULL;
    QTestState *qts = load_stream(b, &err);

    g_assert_nonnull(err);
    if (!strstr(err, expect)) {
        g_test_message("error-desc: %s", err);
    }
    g_assert_nonnull(strstr(err, expect));
    g_assert(strstr(err, "pl011"));
    qtest_quit(qts);
}

static void test_migration_hostile(void)
{
    PL011Words w;

    if (qtest_skip_on_reference("QEMU 7.2 loads any FIFO position (checks "
                                "added in 8.0)")) {
        return;
    }
    pl011_words_reset(&w);
    w.read_pos = 100;
    check_hostile_stream(&w, "read_pos 100");
    pl011_words_reset(&w);
    w.read_pos = -1;
    check_hostile_stream(&w, "read_pos -1");
    pl011_words_reset(&w);
    w.read_count = 17;
    check_hostile_stream(&w, "read_count 17");
    pl011_words_reset(&w);
    w.read_count = -3;
    check_hostile_stream(&w, "read_count -3");
    pl011_words_reset(&w);
    w.read_trigger = 0;
    check_hostile_stream(&w, "read_trigger 0");
}

/*
 * Between two of ours: characters waiting for the back end and a
 * counting receive timeout carry over, the timeout to the nanosecond.
 */
static void test_migration_pending_state(void)
{
    g_autofree char *sock = g_strdup_printf("%s/pl011-test-%d.migsock",
                                            g_get_tmp_dir(), getpid());
    g_autofree char *uri = g_strdup_printf("unix:%s", sock);
    g_autofree char *dest_args = g_strdup_printf("-incoming %s", uri);
    int64_t timeout = rx_timeout_ns(3, 0);
    uint8_t out[32];
    QTestUartPipe src, dst;
    size_t got = 0;
    gint64 deadline;

    if (qtest_skip_on_reference("QEMU has neither a TX FIFO nor a receive "
                                "timeout to migrate")) {
        return;
    }
    pipe_start(&src, "src", "");
    uart_write(src.qts, A_IBRD, 3);
    uart_write(src.qts, A_LCR_H, LCR_H_FEN | LCR_H_WLEN_8);
    uart_write(src.qts, A_CR, CR_UARTEN | CR_TXE | CR_RXE | CR_LBE);
    uart_write(src.qts, A_IMSC, INT_RT);
    qtest_uart_pipe_fill(&src);
    uart_write(src.qts, A_DR, 'm');             /* queued and looped back */
    uart_write(src.qts, A_DR, 'n');
    g_assert_cmphex(uart_read(src.qts, A_FR) & FR_BUSY, ==, FR_BUSY);
    qtest_clock_step(src.qts, timeout / 4);

    /* The destination's pipe is a different, empty one. */
    pipe_start(&dst, "dst", dest_args);
    qtest_qmp_assert_success(src.qts, "{'execute': 'migrate', "
                             "'arguments': {'uri': %s}}", uri);
    deadline = g_get_monotonic_time() + WAIT_US;
    while (!(uart_read(dst.qts, A_FR) & FR_TXFE) || got < 2) {
        got += qtest_uart_pipe_drain(&dst, out + got, sizeof(out) - got);
        g_assert(g_get_monotonic_time() < deadline);
        g_usleep(1000);
    }
    g_assert_cmpmem(out, got, "mn", 2);

    /* The timeout restarted at the second character, 16 us before. */
    g_assert_cmphex(uart_read(dst.qts, A_RIS) & INT_RT, ==, 0);
    qtest_clock_step(dst.qts, timeout - timeout / 4 - 1);
    g_assert_cmphex(uart_read(dst.qts, A_RIS) & INT_RT, ==, 0);
    qtest_clock_step(dst.qts, 1);
    g_assert_cmphex(uart_read(dst.qts, A_RIS) & INT_RT, ==, INT_RT);
    g_assert_cmphex(uart_read(dst.qts, A_DR), ==, 'm');
    g_assert_cmphex(uart_read(dst.qts, A_DR), ==, 'n');

    qtest_quit(src.qts);
    qtest_uart_pipe_stop(&src);
    qtest_quit(dst.qts);
    qtest_uart_pipe_stop(&dst);
    unlink(sock);
}

/*
 * Between two of ours: a partly full RX FIFO, a pending RX interrupt and
 * the programmed registers arrive intact.  The interrupt is checked as a
 * guest would see it (MIS, and INTID 33 pending in the GIC), because a
 * load must not toggle lines.
 */
static void test_migration_registers_and_irqs(void)
{
    static const uint32_t regs[] = {
        A_FR, A_RSR, A_ILPR, A_IBRD, A_FBRD, A_LCR_H, A_CR, A_IFLS,
        A_IMSC, A_RIS, A_MIS, A_DMACR,
    };
    g_autofree char *sock = g_strdup_printf("%s/pl011-test-%d.regsock",
                                            g_get_tmp_dir(), getpid());
    g_autofree char *uri = g_strdup_printf("unix:%s", sock);
    g_autofree char *dest_args = g_strdup_printf("-serial null -incoming %s",
                                                 uri);
    uint32_t before[ARRAY_SIZE(regs)];
    QTestState *src, *dst;
    size_t i;

    if (qtest_skip_on_reference("QEMU 7.2 cannot be the other end of a live "
                                "migration started by this test")) {
        return;
    }
    src = start_virt("-serial null");
    uart_write(src, A_IBRD, 1);
    uart_write(src, A_FBRD, 5);
    uart_write(src, A_LCR_H, LCR_H_FEN | LCR_H_WLEN_8);
    uart_write(src, A_IFLS, 0);                 /* RX at 1/8 full */
    uart_write(src, A_CR, CR_UARTEN | CR_TXE | CR_RXE | CR_LBE);
    uart_write(src, A_IMSC, INT_RX);
    for (i = 0; i < 5; i++) {
        uart_write(src, A_DR, 'a' + i);         /* looped back */
    }
    g_assert_cmphex(uart_read(src, A_DR), ==, 'a');
    g_assert_cmphex(uart_read(src, A_MIS), ==, INT_RX);
    for (i = 0; i < ARRAY_SIZE(regs); i++) {
        before[i] = uart_read(src, regs[i]);
    }

    dst = start_virt(dest_args);
    qtest_qmp_assert_success(src, "{'execute': 'migrate', "
                             "'arguments': {'uri': %s}}", uri);
    qtest_wait_runstate(dst, "running");

    for (i = 0; i < ARRAY_SIZE(regs); i++) {
        g_assert_cmphex(uart_read(dst, regs[i]), ==, before[i]);
    }
    /* GICD_ISPENDR1 bit 1: INTID 33, the UART's SPI 1, is pending. */
    g_assert_cmphex(qtest_readl(dst, 0x08000204) & (1u << UART_SPI), ==,
                    1u << UART_SPI);
    for (i = 1; i < 5; i++) {
        g_assert_cmphex(uart_read(dst, A_DR), ==, 'a' + i);
    }
    g_assert_cmphex(uart_read(dst, A_MIS), ==, 0);

    qtest_quit(src);
    qtest_quit(dst);
    unlink(sock);
}

/* Device tree */

static const void *fdt_prop(const void *fdt, const char *path,
                            const char *name, int *len)
{
    int node = fdt_path_offset(fdt, path);
    const void *val;

    g_assert_cmpint(node, >=, 0);
    val = fdt_getprop(fdt, node, name, len);
    g_assert(val);
    return val;
}

static uint32_t fdt_cell(const void *fdt, const char *path,
                         const char *name, int idx)
{
    int len;
    const fdt32_t *cells = fdt_prop(fdt, path, name, &len);

    g_assert_cmpint(len, >=, (idx + 1) * 4);
    return fdt32_to_cpu(cells[idx]);
}

static void assert_prop_bytes(const void *fdt, const char *path,
                              const char *name, const void *want,
                              int want_len)
{
    int len;
    const void *val = fdt_prop(fdt, path, name, &len);

    g_assert_cmpmem(val, len, want, want_len);
}

static void test_device_tree(void)
{
    static const char compat[] = "arm,pl011\0arm,primecell";
    static const char clocknames[] = "uartclk\0apb_pclk";
    const char *uart = "/pl011@9000000";
    g_autofree char *dtb = g_strdup_printf("%s/pl011-test-%d.dtb",
                                           g_get_tmp_dir(), getpid());
    g_autofree char *cmd = NULL;
    g_autofree char *blob = NULL;
    const char *accel = qtest_clock_is_driven() ? "qtest" : "tcg";
    int status;
    uint32_t gic, clk;

    cmd = g_strdup_printf("%s -machine virt,dumpdtb=%s -accel %s "
                          "-display none -serial null",
                          getenv("QTEST_QEMU_BINARY"), dtb, accel);
    g_assert(g_spawn_command_line_sync(cmd, NULL, NULL, &status, NULL));
    g_assert(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    g_assert(g_file_get_contents(dtb, &blob, NULL, NULL));
    unlink(dtb);
    g_assert_cmpint(fdt_check_header(blob), ==, 0);

    assert_prop_bytes(blob, "/", "compatible", "linux,dummy-virt", 17);
    g_assert_cmphex(fdt_cell(blob, "/", "#address-cells", 0), ==, 2);
    g_assert_cmphex(fdt_cell(blob, "/", "#size-cells", 0), ==, 2);

    /* The UART node, as QEMU's virt describes it. */
    assert_prop_bytes(blob, uart, "compatible", compat, sizeof(compat));
    g_assert_cmphex(fdt_cell(blob, uart, "reg", 0), ==, 0);
    g_assert_cmphex(fdt_cell(blob, uart, "reg", 1), ==, UART_BASE);
    g_assert_cmphex(fdt_cell(blob, uart, "reg", 2), ==, 0);
    g_assert_cmphex(fdt_cell(blob, uart, "reg", 3), ==, 0x1000);
    g_assert_cmphex(fdt_cell(blob, uart, "interrupts", 0), ==, 0); /* SPI */
    g_assert_cmphex(fdt_cell(blob, uart, "interrupts", 1), ==, UART_SPI);
    g_assert_cmphex(fdt_cell(blob, uart, "interrupts", 2), ==, 4); /* high */
    assert_prop_bytes(blob, uart, "clock-names", clocknames,
                      sizeof(clocknames));

    /* Both clocks are the 24 MHz fixed clock. */
    clk = fdt_cell(blob, uart, "clocks", 0);
    g_assert_cmphex(fdt_cell(blob, uart, "clocks", 1), ==, clk);
    g_assert_cmphex(fdt_cell(blob, "/apb-pclk", "phandle", 0), ==, clk);
    g_assert_cmpuint(fdt_cell(blob, "/apb-pclk", "clock-frequency", 0), ==,
                     DEFAULT_CLK_HZ);
    assert_prop_bytes(blob, "/apb-pclk", "compatible", "fixed-clock", 12);
    assert_prop_bytes(blob, "/apb-pclk", "clock-output-names", "clk24mhz",
                      9);

    /* Its interrupts go to the GICv2 at 0x08000000. */
    gic = fdt_cell(blob, "/", "interrupt-parent", 0);
    g_assert_cmphex(fdt_cell(blob, "/intc@8000000", "phandle", 0), ==, gic);
    assert_prop_bytes(blob, "/intc@8000000", "compatible",
                      "arm,cortex-a15-gic", 19);
    g_assert_cmphex(fdt_cell(blob, "/intc@8000000", "#interrupt-cells", 0),
                    ==, 3);
    g_assert_cmphex(fdt_cell(blob, "/intc@8000000", "reg", 1), ==,
                    0x08000000);
    g_assert_cmphex(fdt_cell(blob, "/intc@8000000", "reg", 5), ==,
                    0x08010000);

    /* It is the console. */
    assert_prop_bytes(blob, "/chosen", "stdout-path", uart,
                      strlen(uart) + 1);
    if (qtest_clock_is_driven()) {
        /* QEMU 7.2 had no /aliases yet (added in 8.x). */
        assert_prop_bytes(blob, "/aliases", "serial0", uart,
                          strlen(uart) + 1);
    }
    g_assert_cmphex(fdt_cell(blob, "/memory@40000000", "reg", 1), ==,
                    0x40000000);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);

    qtest_add_func("pl011/regs/reset-values", test_reset_values);
    qtest_add_func("pl011/regs/luminary-ids", test_luminary_ids);
    qtest_add_func("pl011/regs/writes", test_register_writes);
    qtest_add_func("pl011/regs/baud-divisor-masks", test_baud_divisor_masks);
    qtest_add_func("pl011/regs/sub-word", test_sub_word_access);
    qtest_add_func("pl011/regs/bad-offsets-logged", test_bad_offsets_logged);
    qtest_add_func("pl011/regs/disabled-uart-logged",
                   test_disabled_uart_logged);
    qtest_add_func("pl011/regs/system-reset", test_system_reset);
    qtest_add_func("pl011/rx/char-mode", test_char_mode);
    qtest_add_func("pl011/rx/fifo-mode", test_fifo_mode);
    qtest_add_func("pl011/rx/fen-change-flushes", test_fen_change_flushes);
    qtest_add_func("pl011/socket/both-directions",
                   test_socket_both_directions);
    qtest_add_func("pl011/socket/stalled-peer", test_socket_stalled_peer);
    qtest_add_func("pl011/socket/peer-gone", test_socket_peer_gone);
    qtest_add_func("pl011/irq/rx", test_rx_interrupt);
    qtest_add_func("pl011/irq/tx", test_tx_interrupt);
    qtest_add_func("pl011/irq/outputs", test_irq_outputs);
    qtest_add_func("pl011/irq/rx-trigger-levels", test_rx_trigger_levels);
    qtest_add_func("pl011/irq/tx-trigger-levels", test_tx_trigger_levels);
    qtest_add_func("pl011/irq/rx-timeout", test_rx_timeout);
    qtest_add_func("pl011/loopback", test_loopback);
    qtest_add_func("pl011/overrun", test_overrun);
    qtest_add_func("pl011/break", test_break);
    qtest_add_func("pl011/tx/fifo-backpressure", test_tx_fifo_backpressure);
    qtest_add_func("pl011/device-tree", test_device_tree);
    qtest_add_func("pl011/migration/from-qemu", test_migration_from_qemu);
    qtest_add_func("pl011/migration/stream-bytes",
                   test_migration_stream_bytes);
    qtest_add_func("pl011/migration/char-mode-position",
                   test_migration_char_mode_position);
    qtest_add_func("pl011/migration/hostile", test_migration_hostile);
    qtest_add_func("pl011/migration/pending-state",
                   test_migration_pending_state);
    qtest_add_func("pl011/migration/registers-and-irqs",
                   test_migration_registers_and_irqs);

    return g_test_run();
}
