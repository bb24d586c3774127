/*
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * 16550A UART on the pc board (isa-serial, COM1..COM4): registers,
 * FIFOs, interrupts at the IOAPIC and the i8259, back ends, character
 * timeout, migration stream.
 *
 * Every case also runs against Debian's QEMU 7.2, which libqtest starts
 * with -accel tcg -S (no qtest accelerator: the virtual clock stands
 * still there and cannot be stepped).  Cases that step the clock, and
 * checks of what this model takes from the datasheet where QEMU does not
 * (see docs/system/devices/serial.rst), skip on the reference and say
 * why.  Expected values come from the PC16550D datasheet and that page.
 */
#include "qemu/osdep.h"
#include "libqtest.h"
#include "qtest-uart.h"

#define COM1            0x3f8
#define COM2            0x2f8
#define COM3            0x3e8
#define COM1_IRQ        4
#define COM2_IRQ        3

/* Register offsets */
#define RBR             0           /* read */
#define THR             0           /* write */
#define DLL             0           /* LCR.DLAB set */
#define IER             1
#define DLM             1           /* LCR.DLAB set */
#define IIR             2           /* read */
#define FCR             2           /* write */
#define LCR             3
#define MCR             4
#define LSR             5
#define MSR             6
#define SCR             7

#define IER_RDI         0x01
#define IER_THRI        0x02
#define IER_RLSI        0x04
#define IER_MSI         0x08

#define IIR_NO_INT      0x01
#define IIR_MSI         0x00
#define IIR_THRI        0x02
#define IIR_RDI         0x04
#define IIR_RLSI        0x06
#define IIR_CTI         0x0c
#define IIR_ID_MASK     0x0f
#define IIR_FIFO        0xc0

#define FCR_FE          0x01
#define FCR_RFR         0x02
#define FCR_XFR         0x04
#define FCR_ITL_1       0x00
#define FCR_ITL_4       0x40
#define FCR_ITL_8       0x80
#define FCR_ITL_14      0xc0

#define LCR_8N1         0x03
#define LCR_BC          0x40
#define LCR_DLAB        0x80

#define MCR_DTR         0x01
#define MCR_RTS         0x02
#define MCR_OUT1        0x04
#define MCR_OUT2        0x08
#define MCR_LOOP        0x10

#define LSR_DR          0x01
#define LSR_OE          0x02
#define LSR_BI          0x10
#define LSR_THRE        0x20
#define LSR_TEMT        0x40
#define LSR_FIFOE       0x80

#define MSR_DCTS        0x01
#define MSR_DDSR        0x02
#define MSR_TERI        0x04
#define MSR_DDCD        0x08
#define MSR_CTS         0x10
#define MSR_DSR         0x20
#define MSR_RI          0x40
#define MSR_DCD         0x80

#define FIFO_DEPTH      16
#define BAUDBASE        115200      /* 1.8432 MHz / 16 */
#define NS_PER_SEC      1000000000LL

/* i8259 master ports */
#define PIC_CMD         0x20
#define PIC_DATA        0x21
#define PIC_ELCR1       0x4d0

/* Give up on the emulator after this long (bytes in flight, IRQs). */
#define WAIT_US         (10 * G_USEC_PER_SEC)

static uint8_t uart_in(QTestState *qts, int reg)
{
    return qtest_inb(qts, COM1 + reg);
}

static void uart_out(QTestState *qts, int reg, uint8_t value)
{
    qtest_outb(qts, COM1 + reg, value);
}

/* The interrupt identification bits of IIR (without the FIFO bits). */
static uint8_t uart_iir_id(QTestState *qts)
{
    return uart_in(qts, IIR) & IIR_ID_MASK;
}

static void uart_set_divisor(QTestState *qts, uint16_t divisor)
{
    uint8_t lcr = uart_in(qts, LCR);

    uart_out(qts, LCR, lcr | LCR_DLAB);
    uart_out(qts, DLL, divisor & 0xff);
    uart_out(qts, DLM, divisor >> 8);
    uart_out(qts, LCR, lcr);
}

/*
 * Poll LSR until a bit of @mask is set; returns every bit seen set on
 * the way (reading LSR clears its error bits, so none is missed).
 */
static uint8_t uart_wait_lsr(QTestState *qts, uint8_t mask)
{
    gint64 deadline = g_get_monotonic_time() + WAIT_US;
    uint8_t seen = 0;

    do {
        seen |= uart_in(qts, LSR);
        if (seen & mask) {
            return seen;
        }
        g_usleep(50);
    } while (g_get_monotonic_time() < deadline);
    g_assert_not_reached();
}

/* Poll IIR until it reports an interrupt; returns its identification. */
static uint8_t uart_wait_interrupt(QTestState *qts)
{
    gint64 deadline = g_get_monotonic_time() + WAIT_US;

    do {
        uint8_t id = uart_iir_id(qts);

        if (id != IIR_NO_INT) {
            return id;
        }
        g_usleep(50);
    } while (g_get_monotonic_time() < deadline);
    g_assert_not_reached();
}

/* Pop @len characters as a polling driver would. */
static void uart_receive(QTestState *qts, uint8_t *buf, size_t len)
{
    size_t i;

    for (i = 0; i < len; i++) {
        uart_wait_lsr(qts, LSR_DR);
        buf[i] = uart_in(qts, RBR);
    }
}

/* Watch the IOAPIC's inputs: qtest_get_irq(qts, n) is GSI n. */
static void intercept_ioapic(QTestState *qts)
{
    qtest_irq_intercept_in(qts, "ioapic");
}

/* A log file for -D, removed again by qtest_uart_quit_and_read_log(). */
static char *new_log_path(void)
{
    return qtest_uart_log_path("serial-test");
}

/*
 * COM1 on a Unix socket where the emulator listens and we connect.
 * Until the emulator has accepted, what COM1 sends is lost; a first
 * character from us, seen by the guest, proves the connection.
 */
static void socket_start(QTestUartSocket *u, const char *chardev_opts,
                         const char *extra)
{
    qtest_uart_socket_start_server(u, "serial-test", "-machine pc",
                                   chardev_opts, extra);
}

/* A plain (not telnet) socket, connected both ways. */
static void socket_start_synced(QTestUartSocket *u, const char *extra)
{
    uint8_t c;

    socket_start(u, "", extra);
    qtest_uart_socket_send(u, "S", 1);
    uart_receive(u->qts, &c, 1);
    g_assert_cmphex(c, ==, 'S');
}

/* Let the emulator's main loop run for about @us microseconds. */
static void let_time_pass(QTestState *qts, unsigned us)
{
    gint64 end = g_get_monotonic_time() + us;

    while (g_get_monotonic_time() < end) {
        uart_in(qts, SCR);
        g_usleep(500);
    }
}

/* Registers */

static void check_reset_values(QTestState *qts, uint16_t port)
{
    g_assert_cmphex(qtest_inb(qts, port + IER), ==, 0x00);
    g_assert_cmphex(qtest_inb(qts, port + IIR), ==, IIR_NO_INT);
    g_assert_cmphex(qtest_inb(qts, port + LCR), ==, 0x00);
    g_assert_cmphex(qtest_inb(qts, port + MCR), ==, MCR_OUT2);
    g_assert_cmphex(qtest_inb(qts, port + LSR), ==, LSR_THRE | LSR_TEMT);
    g_assert_cmphex(qtest_inb(qts, port + MSR), ==,
                    MSR_DCD | MSR_DSR | MSR_CTS);
    g_assert_cmphex(qtest_inb(qts, port + SCR), ==, 0x00);
    g_assert_cmphex(qtest_inb(qts, port + RBR), ==, 0x00);
    qtest_outb(qts, port + LCR, LCR_DLAB);
    g_assert_cmphex(qtest_inb(qts, port + DLL), ==, 12);   /* 9600 baud */
    g_assert_cmphex(qtest_inb(qts, port + DLM), ==, 0);
    qtest_outb(qts, port + LCR, 0);
}

static void test_reset_values(void)
{
    QTestState *qts = qtest_init("-machine pc -serial null");

    check_reset_values(qts, COM1);
    qtest_quit(qts);
}

/* DLAB turns offsets 0 and 1 into the divisor latch, and back. */
static void test_divisor_latch(void)
{
    QTestState *qts = qtest_init("-machine pc -serial null");

    uart_out(qts, IER, IER_RDI | IER_RLSI);
    uart_out(qts, LCR, LCR_DLAB | LCR_8N1);
    uart_out(qts, DLL, 0x34);
    uart_out(qts, DLM, 0x12);
    g_assert_cmphex(uart_in(qts, DLL), ==, 0x34);
    g_assert_cmphex(uart_in(qts, DLM), ==, 0x12);
    g_assert_cmphex(uart_in(qts, LCR), ==, LCR_DLAB | LCR_8N1);
    g_assert_cmphex(uart_in(qts, LSR) & LSR_DR, ==, 0);

    uart_out(qts, LCR, LCR_8N1);
    g_assert_cmphex(uart_in(qts, IER), ==, IER_RDI | IER_RLSI);
    uart_out(qts, LCR, LCR_DLAB | LCR_8N1);
    g_assert_cmphex(uart_in(qts, DLL), ==, 0x34);
    g_assert_cmphex(uart_in(qts, DLM), ==, 0x12);
    qtest_quit(qts);
}

/* LCR keeps 8 bits, MCR 5, SCR 8; IER's upper nibble reads as zero. */
static void test_lcr_mcr_scr(void)
{
    QTestState *qts = qtest_init("-machine pc -serial null");

    uart_out(qts, LCR, 0x7f);
    g_assert_cmphex(uart_in(qts, LCR), ==, 0x7f);
    uart_out(qts, LCR, LCR_8N1);
    uart_out(qts, MCR, 0xef);
    g_assert_cmphex(uart_in(qts, MCR), ==, 0x0f);
    uart_out(qts, MCR, MCR_OUT2);
    uart_out(qts, SCR, 0xa5);
    g_assert_cmphex(uart_in(qts, SCR), ==, 0xa5);
    uart_out(qts, IER, 0xf0);
    g_assert_cmphex(uart_in(qts, IER), ==, 0x00);
    qtest_quit(qts);
}

/* A 16-bit access reaches two registers, the lower port first. */
static void test_wide_access(void)
{
    QTestState *qts = qtest_init("-machine pc -serial null");

    uart_out(qts, LCR, LCR_8N1);
    g_assert_cmphex(qtest_inw(qts, COM1 + LCR), ==, (MCR_OUT2 << 8) |
                    LCR_8N1);
    qtest_outw(qts, COM1 + MCR, 0x5a00 | MCR_DTR);
    g_assert_cmphex(uart_in(qts, MCR), ==, MCR_DTR);
    qtest_outb(qts, COM1 + SCR, 0);
    qtest_outw(qts, COM1 + LCR, (MCR_RTS << 8) | 0x1b);
    g_assert_cmphex(uart_in(qts, LCR), ==, 0x1b);
    g_assert_cmphex(uart_in(qts, MCR), ==, MCR_RTS);
    qtest_quit(qts);
}

/* A port exists when its scratch register keeps what is written. */
static bool port_exists(QTestState *qts, uint16_t port)
{
    bool kept;

    qtest_outb(qts, port + SCR, 0x5a);
    kept = qtest_inb(qts, port + SCR) == 0x5a;
    qtest_outb(qts, port + SCR, 0);
    return kept;
}

/* One port per -serial at the COM addresses; -device takes the next. */
static void test_com_ports(void)
{
    QTestState *qts;

    qts = qtest_init("-machine pc -nodefaults");
    g_assert(!port_exists(qts, COM1));
    qtest_quit(qts);

    qts = qtest_init("-machine pc -serial null -serial null");
    g_assert(port_exists(qts, COM1));
    g_assert(port_exists(qts, COM2));
    g_assert(!port_exists(qts, COM3));
    check_reset_values(qts, COM2);
    qtest_quit(qts);

    qts = qtest_init("-machine pc -serial null -chardev null,id=n1 "
                     "-device isa-serial,chardev=n1");
    g_assert(port_exists(qts, COM2));
    g_assert(!port_exists(qts, COM3));
    qtest_quit(qts);

    qts = qtest_init("-machine pc -nodefaults -chardev null,id=n1 "
                     "-device isa-serial,chardev=n1,iobase=0x3e8,irq=5");
    g_assert(!port_exists(qts, COM1));
    g_assert(port_exists(qts, COM3));
    qtest_quit(qts);
}

static void test_system_reset(void)
{
    QTestState *qts = qtest_init("-machine pc -serial null");

    uart_out(qts, LCR, LCR_DLAB);
    uart_out(qts, DLL, 1);
    uart_out(qts, LCR, 0x1b);
    uart_out(qts, IER, IER_THRI | IER_RDI);
    uart_out(qts, FCR, FCR_FE | FCR_ITL_8);
    uart_out(qts, MCR, MCR_LOOP | MCR_RTS);
    uart_out(qts, THR, 'x');
    uart_out(qts, SCR, 0x77);
    g_assert_cmphex(uart_in(qts, LSR) & LSR_DR, ==, LSR_DR);
    qtest_system_reset(qts);
    check_reset_values(qts, COM1);
    qtest_quit(qts);
}

/* Transmit and receive through a socket */

/*
 * Send @len bytes as a driver does: wait for THRE, then write up to
 * @burst characters.  The peer reads what has come while it waits, and
 * everything at the end, into @in.
 */
static void socket_tx_driver(QTestUartSocket *u, const uint8_t *out,
                             uint8_t *in, size_t len, size_t burst)
{
    gint64 deadline = g_get_monotonic_time() + WAIT_US;
    size_t got = 0;
    size_t i;

    for (i = 0; i < len; i++) {
        if (i % burst == 0) {
            while (!(uart_in(u->qts, LSR) & LSR_THRE)) {
                got += qtest_uart_socket_recv_now(u, in + got, len - got);
                g_assert(g_get_monotonic_time() < deadline);
                g_usleep(50);
            }
        }
        uart_out(u->qts, THR, out[i]);
    }
    qtest_uart_socket_recv(u, in + got, len - got);
}

/* A driver that waits for THRE before each character, FIFO or not. */
static void test_tx_in_order(void)
{
    enum { LEN = 512 };
    uint8_t out[LEN], in[LEN];
    QTestUartSocket u;
    int i;

    for (i = 0; i < LEN; i++) {
        out[i] = (i * 7 + i / 256) & 0xff;
    }
    socket_start_synced(&u, "");
    uart_out(u.qts, LCR, LCR_8N1);
    socket_tx_driver(&u, out, in, LEN / 2, 1);
    uart_out(u.qts, FCR, FCR_FE | FCR_RFR | FCR_XFR);
    socket_tx_driver(&u, out + LEN / 2, in + LEN / 2, LEN / 2, 1);
    g_assert_cmpmem(in, LEN, out, LEN);
    g_assert_cmphex(uart_wait_lsr(u.qts, LSR_TEMT) & LSR_TEMT, ==, LSR_TEMT);
    qtest_uart_socket_stop(&u);
}

/* In FIFO mode a driver writes 16 characters for each THRE. */
static void test_tx_fifo_bursts(void)
{
    enum { LEN = 4096 };
    g_autofree uint8_t *out = g_malloc(LEN);
    g_autofree uint8_t *in = g_malloc(LEN);
    QTestUartSocket u;
    int i;

    for (i = 0; i < LEN; i++) {
        out[i] = (i * 13 + 5) & 0xff;
    }
    socket_start_synced(&u, "");
    uart_out(u.qts, FCR, FCR_FE | FCR_RFR | FCR_XFR | FCR_ITL_8);
    socket_tx_driver(&u, out, in, LEN, FIFO_DEPTH);
    g_assert_cmpmem(in, LEN, out, LEN);
    qtest_uart_socket_stop(&u);
}

/* Characters from the peer, one at a time through RBR and LSR.DR. */
static void test_rx_polled(void)
{
    static const char text[] = "Hello, 16550A!";
    uint8_t buf[sizeof(text) - 1];
    QTestUartSocket u;

    socket_start_synced(&u, "");
    g_assert_cmphex(uart_in(u.qts, LSR) & LSR_DR, ==, 0);
    qtest_uart_socket_send(&u, text, sizeof(buf));
    uart_receive(u.qts, buf, sizeof(buf));
    g_assert_cmpmem(buf, sizeof(buf), text, sizeof(buf));
    g_assert_cmphex(uart_in(u.qts, LSR), ==, LSR_THRE | LSR_TEMT);
    qtest_uart_socket_stop(&u);
}

/* 4 KiB sent at once: the receiver takes what it has room for. */
static void test_rx_bulk(gconstpointer fcr)
{
    enum { LEN = 4096 };
    g_autofree uint8_t *out = g_malloc(LEN);
    g_autofree uint8_t *in = g_malloc(LEN);
    QTestUartSocket u;
    int i;

    for (i = 0; i < LEN; i++) {
        out[i] = (i * 31 + i / 256) & 0xff;
    }
    socket_start_synced(&u, "");
    uart_out(u.qts, FCR, GPOINTER_TO_UINT(fcr));
    qtest_uart_socket_send(&u, out, LEN);
    uart_receive(u.qts, in, LEN);
    g_assert_cmpmem(in, LEN, out, LEN);
    g_assert_cmphex(uart_in(u.qts, LSR) & (LSR_DR | LSR_OE), ==, 0);
    qtest_uart_socket_stop(&u);
}

/* The receiver fills its whole FIFO from the back end, never more. */
static void test_rx_fifo_fills(void)
{
    static const char data[] = "0123456789abcdefghij";
    uint8_t buf[4];
    QTestUartSocket u;
    int i;

    if (qtest_skip_on_reference("QEMU takes only up to the trigger level from "
                                "the back end")) {
        return;
    }
    socket_start_synced(&u, "");
    uart_out(u.qts, FCR, FCR_FE | FCR_ITL_1);
    qtest_uart_socket_send(&u, data, 20);
    uart_wait_lsr(u.qts, LSR_DR);
    let_time_pass(u.qts, 20000);
    /* Loopback stops the back end: count what the FIFO holds. */
    uart_out(u.qts, MCR, MCR_LOOP);
    for (i = 0; i < FIFO_DEPTH; i++) {
        g_assert_cmphex(uart_in(u.qts, LSR) & (LSR_DR | LSR_OE), ==, LSR_DR);
        g_assert_cmphex(uart_in(u.qts, RBR), ==, data[i]);
    }
    g_assert_cmphex(uart_in(u.qts, LSR) & LSR_DR, ==, 0);
    uart_out(u.qts, MCR, MCR_OUT2);
    uart_receive(u.qts, buf, 4);
    g_assert_cmpmem(buf, 4, data + FIFO_DEPTH, 4);
    qtest_uart_socket_stop(&u);
}

/* FIFOs and trigger levels */

/*
 * FCR bits 7:6 select 1, 4, 8 or 14 characters for the received data
 * interrupt.  In loopback every character arrives at once, and the
 * stopped clock keeps the timeout away.
 */
static void test_trigger_levels(void)
{
    static const struct {
        uint8_t itl;
        int level;
    } cases[] = {
        { FCR_ITL_1, 1 }, { FCR_ITL_4, 4 }, { FCR_ITL_8, 8 },
        { FCR_ITL_14, 14 },
    };
    QTestState *qts = qtest_init("-machine pc -serial null");
    int c, i;

    uart_out(qts, LCR, LCR_8N1);
    uart_out(qts, MCR, MCR_LOOP);
    uart_out(qts, IER, IER_RDI);
    for (c = 0; c < ARRAY_SIZE(cases); c++) {
        uart_out(qts, FCR, FCR_FE | FCR_RFR | FCR_XFR | cases[c].itl);
        g_assert_cmphex(uart_in(qts, IIR), ==, IIR_FIFO | IIR_NO_INT);
        for (i = 0; i < cases[c].level - 1; i++) {
            uart_out(qts, THR, 'a' + i);
        }
        g_assert_cmphex(uart_in(qts, IIR), ==, IIR_FIFO | IIR_NO_INT);
        g_assert_cmphex(uart_in(qts, LSR) & LSR_DR, ==,
                        cases[c].level > 1 ? LSR_DR : 0);
        uart_out(qts, THR, 'a' + i);
        g_assert_cmphex(uart_in(qts, IIR), ==, IIR_FIFO | IIR_RDI);
        /* Reading below the level clears it. */
        g_assert_cmphex(uart_in(qts, RBR), ==, 'a');
        g_assert_cmphex(uart_in(qts, IIR), ==, IIR_FIFO | IIR_NO_INT);
        for (i = 1; i < cases[c].level; i++) {
            g_assert_cmphex(uart_in(qts, RBR), ==, 'a' + i);
        }
        g_assert_cmphex(uart_in(qts, LSR) & LSR_DR, ==, 0);
    }
    qtest_quit(qts);
}

/* Switching the FIFOs on or off empties both; FCR.RFR empties RX. */
static void test_fifo_reset(void)
{
    QTestState *qts = qtest_init("-machine pc -serial null");

    uart_out(qts, MCR, MCR_LOOP);
    uart_out(qts, FCR, FCR_FE);
    uart_out(qts, THR, '1');
    uart_out(qts, THR, '2');
    g_assert_cmphex(uart_in(qts, LSR) & LSR_DR, ==, LSR_DR);
    uart_out(qts, FCR, FCR_FE | FCR_RFR);
    g_assert_cmphex(uart_in(qts, LSR) & LSR_DR, ==, 0);
    uart_out(qts, THR, '3');
    uart_out(qts, FCR, 0);
    g_assert_cmphex(uart_in(qts, LSR) & LSR_DR, ==, 0);
    g_assert_cmphex(uart_in(qts, IIR) & IIR_FIFO, ==, 0);
    uart_out(qts, THR, '4');
    g_assert_cmphex(uart_in(qts, RBR), ==, '4');
    qtest_quit(qts);
}

/* Character timeout */

/* One frame: start, data, parity and stop bits, in whole ns. */
static int64_t frame_ns(uint16_t divisor, uint8_t lcr)
{
    int bits = 1 + (lcr & 3) + 5 + !!(lcr & 0x08) + ((lcr & 0x04) ? 2 : 1);

    return bits * divisor * NS_PER_SEC / BAUDBASE;
}

/*
 * Four frames after the last character arrived or was read, with
 * characters below the trigger level, IIR reports the timeout (0xCC).
 */
static void check_char_timeout(uint16_t divisor, uint8_t lcr)
{
    int64_t timeout = 4 * frame_ns(divisor, lcr);
    QTestState *qts = qtest_init("-machine pc -serial null");

    intercept_ioapic(qts);
    uart_set_divisor(qts, divisor);
    uart_out(qts, LCR, lcr);
    uart_out(qts, MCR, MCR_LOOP | MCR_OUT2);
    uart_out(qts, FCR, FCR_FE | FCR_ITL_4);
    uart_out(qts, IER, IER_RDI);

    uart_out(qts, THR, 't');
    qtest_clock_step(qts, timeout - 1);
    g_assert_cmphex(uart_in(qts, IIR), ==, IIR_FIFO | IIR_NO_INT);
    g_assert(!qtest_get_irq(qts, COM1_IRQ));
    qtest_clock_step(qts, 1);
    g_assert_cmphex(uart_in(qts, IIR), ==, IIR_FIFO | IIR_CTI);
    g_assert(qtest_get_irq(qts, COM1_IRQ));

    /* Reading clears it; emptying the FIFO stops the count. */
    g_assert_cmphex(uart_in(qts, RBR), ==, 't');
    g_assert_cmphex(uart_in(qts, IIR), ==, IIR_FIFO | IIR_NO_INT);
    g_assert(!qtest_get_irq(qts, COM1_IRQ));
    qtest_clock_step(qts, 2 * timeout);
    g_assert_cmphex(uart_in(qts, IIR), ==, IIR_FIFO | IIR_NO_INT);

    /* A read that leaves characters behind starts the count again. */
    uart_out(qts, THR, 'u');
    uart_out(qts, THR, 'v');
    qtest_clock_step(qts, timeout / 2);
    g_assert_cmphex(uart_in(qts, RBR), ==, 'u');
    qtest_clock_step(qts, timeout - 1);
    g_assert_cmphex(uart_in(qts, IIR), ==, IIR_FIFO | IIR_NO_INT);
    qtest_clock_step(qts, 1);
    g_assert_cmphex(uart_in(qts, IIR), ==, IIR_FIFO | IIR_CTI);
    g_assert_cmphex(uart_in(qts, RBR), ==, 'v');

    /* So does a new character. */
    uart_out(qts, THR, 'w');
    qtest_clock_step(qts, timeout / 2);
    uart_out(qts, THR, 'x');
    qtest_clock_step(qts, timeout - 1);
    g_assert_cmphex(uart_in(qts, IIR), ==, IIR_FIFO | IIR_NO_INT);
    qtest_clock_step(qts, 1);
    g_assert_cmphex(uart_in(qts, IIR), ==, IIR_FIFO | IIR_CTI);

    /* IER.RDI masks the timeout as well. */
    uart_out(qts, IER, 0);
    g_assert_cmphex(uart_in(qts, IIR), ==, IIR_FIFO | IIR_NO_INT);
    g_assert(!qtest_get_irq(qts, COM1_IRQ));
    qtest_quit(qts);
}

static void test_char_timeout_115200_8n1(void)
{
    if (qtest_skip_on_reference("clock_step needs the qtest accelerator")) {
        return;
    }
    check_char_timeout(1, LCR_8N1);
}

static void test_char_timeout_9600_7o2(void)
{
    if (qtest_skip_on_reference("clock_step needs the qtest accelerator")) {
        return;
    }
    check_char_timeout(12, 0x0e);           /* 7 data, odd parity, 2 stop */
}

/* At the trigger level the data interrupt comes first, then the timeout. */
static void test_char_timeout_above_level(void)
{
    int64_t timeout = 4 * frame_ns(1, LCR_8N1);
    QTestState *qts;
    int i;

    if (qtest_skip_on_reference("clock_step needs the qtest accelerator")) {
        return;
    }
    qts = qtest_init("-machine pc -serial null");
    uart_set_divisor(qts, 1);
    uart_out(qts, LCR, LCR_8N1);
    uart_out(qts, MCR, MCR_LOOP);
    uart_out(qts, FCR, FCR_FE | FCR_ITL_4);
    uart_out(qts, IER, IER_RDI);
    for (i = 0; i < 5; i++) {
        uart_out(qts, THR, '0' + i);
    }
    g_assert_cmphex(uart_in(qts, IIR), ==, IIR_FIFO | IIR_RDI);
    qtest_clock_step(qts, timeout);
    g_assert_cmphex(uart_in(qts, IIR), ==, IIR_FIFO | IIR_CTI);
    g_assert_cmphex(uart_in(qts, RBR), ==, '0');
    g_assert_cmphex(uart_in(qts, IIR), ==, IIR_FIFO | IIR_RDI);
    qtest_quit(qts);
}

/* Interrupts */

/* IRQ 4 at the IOAPIC follows IIR: data, THR empty, acknowledges. */
static void test_irq_ioapic(void)
{
    QTestState *qts = qtest_init("-machine pc -serial null");

    intercept_ioapic(qts);
    uart_out(qts, MCR, MCR_LOOP | MCR_OUT2);
    uart_in(qts, MSR);
    g_assert(!qtest_get_irq(qts, COM1_IRQ));

    uart_out(qts, IER, IER_RDI);
    uart_out(qts, THR, 'i');
    g_assert_cmphex(uart_in(qts, IIR), ==, IIR_RDI);
    g_assert(qtest_get_irq(qts, COM1_IRQ));
    g_assert_cmphex(uart_in(qts, RBR), ==, 'i');
    g_assert(!qtest_get_irq(qts, COM1_IRQ));

    /* Enabling the THRE interrupt with THRE set raises it at once. */
    uart_out(qts, IER, IER_THRI);
    g_assert(qtest_get_irq(qts, COM1_IRQ));
    /* Reading IIR when it reports THRE acknowledges it. */
    g_assert_cmphex(uart_in(qts, IIR), ==, IIR_THRI);
    g_assert(!qtest_get_irq(qts, COM1_IRQ));
    g_assert_cmphex(uart_in(qts, IIR), ==, IIR_NO_INT);
    /* The next character sent raises it again. */
    uart_out(qts, THR, 'j');
    g_assert(qtest_get_irq(qts, COM1_IRQ));
    uart_out(qts, IER, 0);
    g_assert(!qtest_get_irq(qts, COM1_IRQ));
    qtest_quit(qts);
}

/* COM2 interrupts on IRQ 3. */
static void test_irq_com2(void)
{
    QTestState *qts = qtest_init("-machine pc -serial null -serial null");

    intercept_ioapic(qts);
    qtest_outb(qts, COM2 + IER, IER_THRI);
    g_assert(qtest_get_irq(qts, COM2_IRQ));
    g_assert(!qtest_get_irq(qts, COM1_IRQ));
    g_assert_cmphex(qtest_inb(qts, COM2 + IIR), ==, IIR_THRI);
    g_assert(!qtest_get_irq(qts, COM2_IRQ));
    qtest_quit(qts);
}

/* The master i8259 (the one whose "master" property is true). */
static char *find_master_pic(QTestState *qts, const char *path)
{
    QDict *resp = qtest_qmp(qts, "{'execute': 'qom-list', "
                            "'arguments': {'path': %s}}", path);
    QList *props = qdict_get_qlist(resp, "return");
    char *found = NULL;
    size_t i;

    for (i = 0; props && i < qlist_size(props) && !found; i++) {
        QDict *prop = qobject_to(QDict, qlist_get(props, i));
        const char *type = qdict_get_str(prop, "type");
        g_autofree char *child = NULL;

        if (!g_str_has_prefix(type, "child<")) {
            continue;
        }
        child = g_strdup_printf("%s/%s", path, qdict_get_str(prop, "name"));
        if (!strcmp(type, "child<isa-i8259>")) {
            if (qtest_qom_get_bool(qts, child, "master")) {
                found = g_steal_pointer(&child);
            }
        } else {
            found = find_master_pic(qts, child);
        }
    }
    qobject_unref(resp);
    return found;
}

/* Through the master i8259: IRR bit 4 and its INT output. */
static void test_irq_i8259(void)
{
    QTestState *qts = qtest_init("-machine pc -serial null");
    g_autofree char *pic = find_master_pic(qts, "/machine");

    g_assert(pic);
    qtest_outb(qts, PIC_CMD, 0x11);             /* ICW1: ICW4 follows */
    qtest_outb(qts, PIC_DATA, 0x08);            /* ICW2: vectors 8-15 */
    qtest_outb(qts, PIC_DATA, 0x04);            /* ICW3: slave on 2 */
    qtest_outb(qts, PIC_DATA, 0x01);            /* ICW4: 8086 mode */
    qtest_outb(qts, PIC_DATA, 0xff & ~(1 << COM1_IRQ));
    qtest_outb(qts, PIC_ELCR1, 1 << COM1_IRQ);  /* level triggered */
    qtest_irq_intercept_out(qts, pic);
    g_assert(!qtest_get_irq(qts, 0));

    uart_out(qts, IER, IER_THRI);
    g_assert(qtest_get_irq(qts, 0));
    qtest_outb(qts, PIC_CMD, 0x0a);             /* OCW3: read IRR */
    g_assert_cmphex(qtest_inb(qts, PIC_CMD), ==, 1 << COM1_IRQ);

    g_assert_cmphex(uart_in(qts, IIR), ==, IIR_THRI);
    g_assert(!qtest_get_irq(qts, 0));
    g_assert_cmphex(qtest_inb(qts, PIC_CMD), ==, 0);
    qtest_quit(qts);
}

/*
 * Line status first, then received data, then THR empty, each shown
 * until its cause is cleared.
 */
static void test_irq_priorities(void)
{
    QTestState *qts = qtest_init("-machine pc -serial null");

    uart_out(qts, LCR, LCR_8N1);
    uart_out(qts, MCR, MCR_LOOP);
    uart_in(qts, MSR);
    uart_out(qts, THR, 'a');
    uart_out(qts, THR, 'b');                    /* overruns 'a' */
    uart_out(qts, IER, IER_RDI | IER_THRI | IER_RLSI | IER_MSI);
    g_assert_cmphex(uart_in(qts, IIR), ==, IIR_RLSI);
    g_assert_cmphex(uart_in(qts, IIR), ==, IIR_RLSI);
    g_assert_cmphex(uart_in(qts, LSR), ==, LSR_TEMT | LSR_THRE | LSR_OE |
                    LSR_DR);
    g_assert_cmphex(uart_in(qts, IIR), ==, IIR_RDI);
    g_assert_cmphex(uart_in(qts, RBR), ==, 'b');
    g_assert_cmphex(uart_in(qts, IIR), ==, IIR_THRI);
    g_assert_cmphex(uart_in(qts, IIR), ==, IIR_NO_INT);
    g_assert_cmphex(uart_in(qts, LSR), ==, LSR_TEMT | LSR_THRE);
    qtest_quit(qts);
}

/* Loopback and modem status */

static void test_loopback(void)
{
    QTestUartSocket u;
    uint8_t c;

    socket_start_synced(&u, "");
    uart_out(u.qts, MCR, MCR_LOOP);
    uart_out(u.qts, THR, 'L');
    /* Looped back at once, and not sent to the back end. */
    g_assert_cmphex(uart_in(u.qts, LSR), ==, LSR_TEMT | LSR_THRE | LSR_DR);
    g_assert_cmphex(uart_in(u.qts, RBR), ==, 'L');
    let_time_pass(u.qts, 20000);
    g_assert_cmpuint(qtest_uart_socket_recv_now(&u, &c, 1), ==, 0);

    /* The modem outputs come back as the MSR's inputs. */
    uart_out(u.qts, MCR, MCR_LOOP | MCR_DTR | MCR_RTS | MCR_OUT1 |
             MCR_OUT2);
    g_assert_cmphex(uart_in(u.qts, MSR) & 0xf0, ==, MSR_DCD | MSR_RI |
                    MSR_DSR | MSR_CTS);
    uart_out(u.qts, MCR, MCR_LOOP | MCR_RTS);
    g_assert_cmphex(uart_in(u.qts, MSR) & 0xf0, ==, MSR_CTS);
    uart_out(u.qts, MCR, MCR_LOOP | MCR_DTR);
    g_assert_cmphex(uart_in(u.qts, MSR) & 0xf0, ==, MSR_DSR);
    uart_out(u.qts, MCR, MCR_LOOP | MCR_OUT1);
    g_assert_cmphex(uart_in(u.qts, MSR) & 0xf0, ==, MSR_RI);
    uart_out(u.qts, MCR, MCR_LOOP | MCR_OUT2);
    g_assert_cmphex(uart_in(u.qts, MSR) & 0xf0, ==, MSR_DCD);

    /* Out of loopback, characters go to the back end again. */
    uart_out(u.qts, MCR, MCR_OUT2);
    g_assert_cmphex(uart_in(u.qts, MSR) & 0xf0, ==, MSR_DCD | MSR_DSR |
                    MSR_CTS);
    uart_out(u.qts, THR, 'M');
    qtest_uart_socket_recv(&u, &c, 1);
    g_assert_cmphex(c, ==, 'M');
    g_assert_cmphex(uart_in(u.qts, LSR) & LSR_DR, ==, 0);
    qtest_uart_socket_stop(&u);
}

/* In loopback the receiver does not listen; the back end keeps its data. */
static void test_loopback_holds_input(void)
{
    QTestUartSocket u;
    uint8_t c;

    if (qtest_skip_on_reference("QEMU's receiver listens to the back end in "
                                "loopback")) {
        return;
    }
    socket_start_synced(&u, "");
    uart_out(u.qts, MCR, MCR_LOOP);
    qtest_uart_socket_send(&u, "p", 1);
    let_time_pass(u.qts, 20000);
    g_assert_cmphex(uart_in(u.qts, LSR) & LSR_DR, ==, 0);
    uart_out(u.qts, MCR, MCR_OUT2);
    uart_receive(u.qts, &c, 1);
    g_assert_cmphex(c, ==, 'p');
    qtest_uart_socket_stop(&u);
}

/* Changes of the looped-back inputs set the delta bits and interrupt. */
static void test_loopback_msr_deltas(void)
{
    QTestState *qts;

    if (qtest_skip_on_reference("QEMU computes MSR in loopback without delta "
                                "bits")) {
        return;
    }
    qts = qtest_init("-machine pc -serial null");
    intercept_ioapic(qts);
    /* Entering loopback drops DCD, DSR and CTS (OUT2, DTR, RTS clear). */
    uart_out(qts, MCR, MCR_LOOP);
    g_assert_cmphex(uart_in(qts, MSR), ==, MSR_DDCD | MSR_DDSR | MSR_DCTS);
    g_assert_cmphex(uart_in(qts, MSR), ==, 0);

    uart_out(qts, IER, IER_MSI);
    g_assert(!qtest_get_irq(qts, COM1_IRQ));
    uart_out(qts, MCR, MCR_LOOP | MCR_DTR | MCR_RTS);
    g_assert(qtest_get_irq(qts, COM1_IRQ));
    g_assert_cmphex(uart_in(qts, IIR), ==, IIR_MSI);
    g_assert_cmphex(uart_in(qts, MSR), ==, MSR_DSR | MSR_CTS | MSR_DDSR |
                    MSR_DCTS);
    g_assert(!qtest_get_irq(qts, COM1_IRQ));
    g_assert_cmphex(uart_in(qts, IIR), ==, IIR_NO_INT);

    /* RI reports only its trailing edge. */
    uart_out(qts, MCR, MCR_LOOP | MCR_OUT1);
    g_assert_cmphex(uart_in(qts, MSR), ==, MSR_RI | MSR_DDSR | MSR_DCTS);
    uart_out(qts, MCR, MCR_LOOP);
    g_assert_cmphex(uart_in(qts, MSR), ==, MSR_TERI);
    qtest_quit(qts);
}

/* Break */

/* A telnet break from the peer arrives as a NUL character with BI. */
static void test_break(void)
{
    static const uint8_t iac_brk[] = { 0xff, 0xf3 };
    QTestUartSocket u;

    socket_start(&u, ",telnet=on", "");
    uart_out(u.qts, IER, IER_RDI | IER_RLSI);
    qtest_uart_socket_send(&u, iac_brk, sizeof(iac_brk));
    g_assert_cmphex(uart_wait_interrupt(u.qts), ==, IIR_RLSI);
    g_assert_cmphex(uart_in(u.qts, LSR), ==, LSR_TEMT | LSR_THRE | LSR_BI |
                    LSR_DR);
    g_assert_cmphex(uart_iir_id(u.qts), ==, IIR_RDI);
    g_assert_cmphex(uart_in(u.qts, RBR), ==, 0);
    g_assert_cmphex(uart_iir_id(u.qts), ==, IIR_NO_INT);
    g_assert_cmphex(uart_in(u.qts, LSR), ==, LSR_TEMT | LSR_THRE);

    /* FIFO mode: LSR bit 7 reports an error in the FIFO. */
    uart_out(u.qts, FCR, FCR_FE);
    qtest_uart_socket_send(&u, iac_brk, sizeof(iac_brk));
    g_assert_cmphex(uart_wait_interrupt(u.qts), ==, IIR_RLSI);
    if (qtest_clock_is_driven()) {
        /* QEMU never sets bit 7. */
        g_assert_cmphex(uart_in(u.qts, LSR), ==, LSR_FIFOE | LSR_TEMT |
                        LSR_THRE | LSR_BI | LSR_DR);
    } else {
        g_assert_cmphex(uart_in(u.qts, LSR) & ~LSR_FIFOE, ==, LSR_TEMT |
                        LSR_THRE | LSR_BI | LSR_DR);
    }
    g_assert_cmphex(uart_in(u.qts, RBR), ==, 0);
    /* Bit 7 goes with the first LSR read that finds no error left. */
    g_assert_cmphex(uart_in(u.qts, LSR) & ~LSR_FIFOE, ==, LSR_TEMT |
                    LSR_THRE);
    g_assert_cmphex(uart_in(u.qts, LSR), ==, LSR_TEMT | LSR_THRE);
    qtest_uart_socket_stop(&u);
}

/* In FIFO mode BI shows when the NUL reaches the top of the FIFO. */
static void test_break_fifo_position(void)
{
    static const uint8_t iac_brk[] = { 0xff, 0xf3 };
    QTestUartSocket u;

    if (qtest_skip_on_reference("QEMU sets BI when the break arrives, "
                                "whatever the FIFO holds")) {
        return;
    }
    socket_start(&u, ",telnet=on", "");
    uart_out(u.qts, FCR, FCR_FE | FCR_ITL_4);
    uart_out(u.qts, IER, IER_RLSI);
    qtest_uart_socket_send(&u, "a", 1);
    uart_wait_lsr(u.qts, LSR_DR);
    qtest_uart_socket_send(&u, iac_brk, sizeof(iac_brk));
    g_assert_cmphex(uart_wait_lsr(u.qts, LSR_FIFOE) & LSR_BI, ==, 0);
    /* The NUL waits behind 'a': no line status interrupt yet. */
    g_assert_cmphex(uart_in(u.qts, IIR), ==, IIR_FIFO | IIR_NO_INT);
    g_assert_cmphex(uart_in(u.qts, RBR), ==, 'a');
    g_assert_cmphex(uart_in(u.qts, IIR), ==, IIR_FIFO | IIR_RLSI);
    g_assert_cmphex(uart_in(u.qts, LSR), ==, LSR_FIFOE | LSR_TEMT |
                    LSR_THRE | LSR_BI | LSR_DR);
    /* Bit 7 stays while the NUL is in the FIFO and one read after. */
    g_assert_cmphex(uart_in(u.qts, LSR), ==, LSR_FIFOE | LSR_TEMT |
                    LSR_THRE | LSR_DR);
    g_assert_cmphex(uart_in(u.qts, RBR), ==, 0);
    g_assert_cmphex(uart_in(u.qts, LSR), ==, LSR_FIFOE | LSR_TEMT |
                    LSR_THRE);
    g_assert_cmphex(uart_in(u.qts, LSR), ==, LSR_TEMT | LSR_THRE);
    qtest_uart_socket_stop(&u);
}

/* Overrun */

/* Without FIFOs a second character overwrites RBR and sets OE. */
static void test_overrun(void)
{
    QTestState *qts = qtest_init("-machine pc -serial null");
    int i;

    uart_out(qts, MCR, MCR_LOOP);
    uart_out(qts, THR, '1');
    uart_out(qts, THR, '2');
    g_assert_cmphex(uart_in(qts, LSR), ==, LSR_TEMT | LSR_THRE | LSR_OE |
                    LSR_DR);
    g_assert_cmphex(uart_in(qts, LSR), ==, LSR_TEMT | LSR_THRE | LSR_DR);
    g_assert_cmphex(uart_in(qts, RBR), ==, '2');

    /* A full FIFO keeps its 16 characters and loses the 17th. */
    uart_out(qts, FCR, FCR_FE | FCR_ITL_14);
    for (i = 0; i <= FIFO_DEPTH; i++) {
        uart_out(qts, THR, 'A' + i);
    }
    g_assert_cmphex(uart_in(qts, LSR), ==, LSR_TEMT | LSR_THRE | LSR_OE |
                    LSR_DR);
    for (i = 0; i < FIFO_DEPTH; i++) {
        g_assert_cmphex(uart_in(qts, RBR), ==, 'A' + i);
    }
    g_assert_cmphex(uart_in(qts, LSR), ==, LSR_TEMT | LSR_THRE);
    qtest_quit(qts);
}

/* A stalled back end */

/* COM1 on a named pipe back end we can fill and drain. */
static void pipe_start(QTestUartPipe *p, const char *extra)
{
    qtest_uart_pipe_start(p, "serial-test", "pipe", "-machine pc", extra);
}

/*
 * 4 KiB through a peer that reads late: a FIFO driver that waits for
 * THRE loses nothing, and the emulator goes on meanwhile.
 */
static void test_stalled_peer(void)
{
    enum { LEN = 4096 };
    g_autofree uint8_t *out = g_malloc(LEN);
    g_autofree uint8_t *in = g_malloc(LEN);
    gint64 deadline = g_get_monotonic_time() + WAIT_US;
    bool stalled = false;
    size_t got = 0;
    QTestUartPipe p;
    int i;

    for (i = 0; i < LEN; i++) {
        out[i] = (i * 11 + i / 256) & 0xff;
    }
    pipe_start(&p, "");
    uart_out(p.qts, FCR, FCR_FE | FCR_RFR | FCR_XFR);
    qtest_uart_pipe_fill(&p);
    for (i = 0; i < LEN; i++) {
        if (i % FIFO_DEPTH == 0) {
            int polls = 0;

            while (!(uart_in(p.qts, LSR) & LSR_THRE)) {
                /* The emulator still answers; the peer wakes up late. */
                if (++polls > 100) {
                    stalled = true;
                    got += qtest_uart_pipe_drain(&p, in + got, LEN - got);
                }
                g_assert(g_get_monotonic_time() < deadline);
                g_usleep(50);
            }
        }
        uart_out(p.qts, THR, out[i]);
    }
    while (got < LEN) {
        got += qtest_uart_pipe_drain(&p, in + got, LEN - got);
        g_assert(g_get_monotonic_time() < deadline);
        uart_in(p.qts, SCR);
        g_usleep(50);
    }
    g_assert(stalled);
    g_assert_cmpmem(in, LEN, out, LEN);
    g_assert_cmphex(uart_wait_lsr(p.qts, LSR_TEMT) & LSR_TEMT, ==, LSR_TEMT);
    qtest_quit(p.qts);
    qtest_uart_pipe_stop(&p);
}

/* While the back end is full, TEMT stays clear: the TSR holds on. */
static void test_tx_waits_in_tsr(void)
{
    uint8_t buf[8];
    QTestUartPipe p;
    size_t got;

    pipe_start(&p, "");
    qtest_uart_pipe_fill(&p);
    uart_out(p.qts, THR, 'x');                  /* into the TSR */
    g_assert_cmphex(uart_in(p.qts, LSR), ==, LSR_THRE);
    uart_out(p.qts, THR, 'y');                  /* waits in the THR */
    g_assert_cmphex(uart_in(p.qts, LSR), ==, 0);
    got = qtest_uart_pipe_drain(&p, buf, sizeof(buf));
    g_assert_cmphex(uart_wait_lsr(p.qts, LSR_TEMT) & LSR_THRE, ==, LSR_THRE);
    got += qtest_uart_pipe_drain(&p, buf + got, sizeof(buf) - got);
    g_assert_cmpmem(buf, got, "xy", 2);
    qtest_quit(p.qts);
    qtest_uart_pipe_stop(&p);
}

/* Logging */

static void test_bad_accesses_logged(void)
{
    g_autofree char *log = new_log_path();
    g_autofree char *args = g_strdup_printf("-d guest_errors -D %s", log);
    g_autofree char *text = NULL;
    QTestUartPipe p;
    int i;

    if (qtest_skip_on_reference("QEMU 7.2's serial logs nothing")) {
        return;
    }
    pipe_start(&p, args);
    uart_out(p.qts, LSR, 0x12);
    uart_out(p.qts, MSR, 0x34);
    g_assert_cmphex(uart_in(p.qts, LSR), ==, LSR_THRE | LSR_TEMT);

    /* A stalled back end: 1 character in the TSR, 16 in the FIFO. */
    qtest_uart_pipe_fill(&p);
    uart_out(p.qts, FCR, FCR_FE);
    for (i = 0; i <= FIFO_DEPTH; i++) {
        uart_out(p.qts, THR, 'a' + i);
    }
    uart_out(p.qts, THR, '!');
    /* Without FIFOs the THR holds one; the next replaces it. */
    uart_out(p.qts, FCR, 0);
    uart_out(p.qts, THR, 'y');
    uart_out(p.qts, THR, 'z');
    text = qtest_uart_quit_and_read_log(p.qts, log);
    qtest_uart_pipe_stop(&p);

    g_assert(strstr(text, "serial_ioport_write: write 0x12 to read-only "
                    "register LSR\n"));
    g_assert(strstr(text, "serial_ioport_write: write 0x34 to read-only "
                    "register MSR\n"));
    g_assert(strstr(text, "serial_write_thr: TX FIFO full, char 0x21 "
                    "dropped\n"));
    g_assert(!strstr(text, "char 0x71 dropped"));
    g_assert(strstr(text, "serial_write_thr: THR not empty, char 0x7a "
                    "replaces 0x79\n"));
}

/* Divisor and LCR changes reach the back end (trace event, as QEMU's). */
static void test_set_params(void)
{
    g_autofree char *log = new_log_path();
    g_autofree char *text = NULL;
    QTestState *qts;

    qts = qtest_initf("-machine pc -serial null -trace "
                      "serial_update_parameters -D %s", log);
    uart_set_divisor(qts, 3);
    uart_out(qts, LCR, LCR_8N1);
    uart_out(qts, LCR, 0x1f);                   /* 8 data, even, 2 stop */
    uart_out(qts, LCR, 0x0a);                   /* 7 data, odd, 1 stop */
    uart_set_divisor(qts, 0x180);
    text = qtest_uart_quit_and_read_log(qts, log);

    g_assert(strstr(text, "serial_update_parameters baudrate=38400 "
                    "parity='N' data=8 stop=1\n"));
    g_assert(strstr(text, "serial_update_parameters baudrate=38400 "
                    "parity='E' data=8 stop=2\n"));
    g_assert(strstr(text, "serial_update_parameters baudrate=38400 "
                    "parity='O' data=7 stop=1\n"));
    g_assert(strstr(text, "serial_update_parameters baudrate=300 "
                    "parity='O' data=7 stop=1\n"));
    g_assert(!strstr(text, "baudrate=0 "));
}

/* Migration */

/* The fields of the "serial" section, version 3, in wire order. */
typedef struct SerialFields {
    uint16_t divider;
    uint8_t rbr, ier, iir, lcr, mcr, lsr, msr, scr, fcr;
} SerialFields;

static void serial_fields_reset(SerialFields *f)
{
    memset(f, 0, sizeof(*f));
    f->divider = 12;
    f->iir = IIR_NO_INT;
    f->mcr = MCR_OUT2;
    f->lsr = LSR_THRE | LSR_TEMT;
    f->msr = MSR_DCD | MSR_DSR | MSR_CTS;
}

static void put_fields(GByteArray *b, const SerialFields *f)
{
    qtest_stream_put_byte(b, f->divider >> 8);
    qtest_stream_put_byte(b, f->divider);
    qtest_stream_put_byte(b, f->rbr);
    qtest_stream_put_byte(b, f->ier);
    qtest_stream_put_byte(b, f->iir);
    qtest_stream_put_byte(b, f->lcr);
    qtest_stream_put_byte(b, f->mcr);
    qtest_stream_put_byte(b, f->lsr);
    qtest_stream_put_byte(b, f->msr);
    qtest_stream_put_byte(b, f->scr);
    qtest_stream_put_byte(b, f->fcr);
}

/*
 * A stream holding only COM1, shaped as QEMU 7.2 writes it: header,
 * configuration (any machine), the "serial" section with @sub (the
 * subsections, already encoded) after its fields, end of stream and the
 * JSON description loaders expect after it.
 */
static GByteArray *serial_stream(const SerialFields *f, GByteArray *sub)
{
    GByteArray *b = qtest_stream_new("");

    qtest_stream_section_start(b, 7, "serial", 0, 3);
    put_fields(b, f);
    if (sub) {
        g_byte_array_append(b, sub->data, sub->len);
    }
    qtest_stream_section_end(b, 7);
    qtest_stream_finish(b);
    return b;
}

/* A Fifo8 subsection: 16 data bytes, head, num. */
static void put_fifo_sub(GByteArray *b, const char *name,
                         const uint8_t data[FIFO_DEPTH], uint32_t head,
                         uint32_t num)
{
    qtest_stream_subsection_start(b, name, 1);
    g_byte_array_append(b, data, FIFO_DEPTH);
    qtest_stream_put_be32(b, head);
    qtest_stream_put_be32(b, num);
}

/* The "serial/tsr" subsection: a character waiting for the back end. */
static void put_tsr_sub(GByteArray *b, uint32_t tsr_retry, uint8_t thr,
                        uint8_t tsr)
{
    qtest_stream_subsection_start(b, "serial/tsr", 1);
    qtest_stream_put_be32(b, tsr_retry);
    qtest_stream_put_byte(b, thr);
    qtest_stream_put_byte(b, tsr);
}

/* A board loaded from the stream @b; see qtest_init_incoming_stream. */
static QTestState *load_stream(GByteArray *b, char **error_desc)
{
    return qtest_init_incoming_stream("-machine pc -serial null",
                                      b->data, b->len, error_desc);
}

/* QEMU's stream loads: registers, FIFO mode, FIFO contents across the wrap. */
static void test_migration_from_qemu(void)
{
    static const uint8_t rx[FIFO_DEPTH] = {
        'z', [14] = 'x', [15] = 'y'
    };
    g_autoptr(GByteArray) sub = g_byte_array_new();
    g_autoptr(GByteArray) b = NULL;
    g_autofree char *err = NULL;
    SerialFields f;
    QTestState *qts;
    int i;

    serial_fields_reset(&f);
    f.divider = 0x0102;
    f.ier = IER_RLSI;
    f.iir = IIR_FIFO | IIR_NO_INT;
    f.lcr = 0x1b;
    f.mcr = MCR_OUT2 | MCR_DTR;
    f.lsr = LSR_THRE | LSR_TEMT | LSR_DR;
    f.scr = 0x99;
    f.fcr = FCR_FE | FCR_ITL_14;
    put_fifo_sub(sub, "serial/recv_fifo", rx, 14, 3);
    b = serial_stream(&f, sub);
    qts = load_stream(b, &err);
    g_assert_null(err);
    g_assert_cmphex(uart_in(qts, IER), ==, IER_RLSI);
    g_assert_cmphex(uart_in(qts, IIR), ==, IIR_FIFO | IIR_NO_INT);
    g_assert_cmphex(uart_in(qts, LCR), ==, 0x1b);
    g_assert_cmphex(uart_in(qts, MCR), ==, MCR_OUT2 | MCR_DTR);
    g_assert_cmphex(uart_in(qts, SCR), ==, 0x99);
    g_assert_cmphex(uart_in(qts, LSR), ==, LSR_THRE | LSR_TEMT | LSR_DR);
    g_assert_cmphex(uart_in(qts, RBR), ==, 'x');
    g_assert_cmphex(uart_in(qts, RBR), ==, 'y');
    g_assert_cmphex(uart_in(qts, RBR), ==, 'z');
    g_assert_cmphex(uart_in(qts, LSR), ==, LSR_THRE | LSR_TEMT);
    uart_out(qts, LCR, 0x1b | LCR_DLAB);
    g_assert_cmphex(uart_in(qts, DLL), ==, 0x02);
    g_assert_cmphex(uart_in(qts, DLM), ==, 0x01);
    /* The trigger level came back with FCR: 14. */
    uart_out(qts, LCR, LCR_8N1);
    uart_out(qts, MCR, MCR_LOOP);
    uart_out(qts, IER, IER_RDI);
    for (i = 0; i < 13; i++) {
        uart_out(qts, THR, 'a');
    }
    g_assert_cmphex(uart_iir_id(qts), ==, IIR_NO_INT);
    uart_out(qts, THR, 'a');
    g_assert_cmphex(uart_iir_id(qts), ==, IIR_RDI);
    qtest_quit(qts);
}

/* An unacknowledged THRE interrupt travels in serial/thr_ipending. */
static void test_migration_thr_ipending(void)
{
    g_autoptr(GByteArray) sub = g_byte_array_new();
    g_autoptr(GByteArray) b = NULL;
    g_autofree char *err = NULL;
    SerialFields f;
    QTestState *qts;

    serial_fields_reset(&f);
    f.ier = IER_RDI | IER_THRI;
    f.iir = IIR_THRI;
    b = serial_stream(&f, NULL);
    qts = load_stream(b, &err);
    g_assert_null(err);
    g_assert_cmphex(uart_in(qts, IIR), ==, IIR_THRI);
    g_assert_cmphex(uart_in(qts, IIR), ==, IIR_NO_INT);
    qtest_quit(qts);

    if (!qtest_clock_is_driven()) {
        /* QEMU shows the saved IIR until something updates it. */
        return;
    }
    /* Acknowledged, though IIR was saved showing it. */
    qtest_stream_subsection_start(sub, "serial/thr_ipending", 1);
    qtest_stream_put_be32(sub, 0);
    g_byte_array_free(b, true);
    b = serial_stream(&f, sub);
    qts = load_stream(b, &err);
    g_assert_null(err);
    g_assert_cmphex(uart_in(qts, IIR), ==, IIR_NO_INT);
    qtest_quit(qts);
}

/* Streams that no UART could have written are refused, with a reason. */
static void check_stream_refused(GByteArray *b, const char *reason)
{
    g_autofree char *err = NULL;
    QTestState *qts = load_stream(b, &err);

    g_assert_nonnull(err);
    if (!strstr(err, reason)) {
        g_test_message("error-desc: %s", err);
        g_assert_not_reached();
    }
    qtest_quit(qts);
}

static void test_migration_refused(void)
{
    static const uint8_t data[FIFO_DEPTH];
    GByteArray *sub;
    GByteArray *b;
    SerialFields f;

    if (qtest_skip_on_reference("QEMU 7.2 exits on a failed incoming "
                                "migration")) {
        return;
    }

    serial_fields_reset(&f);
    f.ier = 0xf1;
    b = serial_stream(&f, NULL);
    check_stream_refused(b, "ier 0xf1");
    g_byte_array_free(b, true);

    serial_fields_reset(&f);
    f.fcr = 0xff;
    b = serial_stream(&f, NULL);
    check_stream_refused(b, "fcr 0xff");
    g_byte_array_free(b, true);

    /* A count beyond the FIFO. */
    serial_fields_reset(&f);
    f.fcr = FCR_FE;
    sub = g_byte_array_new();
    put_fifo_sub(sub, "serial/recv_fifo", data, 0, 17);
    b = serial_stream(&f, sub);
    check_stream_refused(b, "num 17");
    g_byte_array_free(b, true);
    g_byte_array_free(sub, true);

    /* A head beyond the FIFO. */
    sub = g_byte_array_new();
    put_fifo_sub(sub, "serial/recv_fifo", data, 16, 1);
    b = serial_stream(&f, sub);
    check_stream_refused(b, "head 16");
    g_byte_array_free(b, true);
    g_byte_array_free(sub, true);

    /* A transmitter both idle (TEMT) and busy (tsr_retry). */
    serial_fields_reset(&f);
    sub = g_byte_array_new();
    put_tsr_sub(sub, 1, 'a', 'b');
    b = serial_stream(&f, sub);
    check_stream_refused(b, "tsr_retry 1");
    g_byte_array_free(b, true);
    g_byte_array_free(sub, true);

    /* Characters in the TX FIFO with THRE set. */
    serial_fields_reset(&f);
    f.fcr = FCR_FE;
    f.lsr = LSR_THRE;
    sub = g_byte_array_new();
    put_tsr_sub(sub, 1, 0, 'b');
    put_fifo_sub(sub, "serial/xmit_fifo", data, 0, 2);
    b = serial_stream(&f, sub);
    check_stream_refused(b, "xmit_fifo holding 2 bytes");
    g_byte_array_free(b, true);
    g_byte_array_free(sub, true);
}

/*
 * A character waiting for a full back end migrates in serial/tsr and
 * the TX FIFO, and the destination sends it.
 */
static void test_migration_pending_tx(void)
{
    static const uint8_t data[FIFO_DEPTH] = { 'c', 'd' };
    g_autoptr(GByteArray) sub = g_byte_array_new();
    g_autoptr(GByteArray) b = NULL;
    g_autofree char *path = g_strdup_printf("%s/serial-test-%d.mig",
                                            g_get_tmp_dir(), getpid());
    g_autofree char *uri = g_strdup_printf("exec:cat %s", path);
    QTestUartSocket u;
    SerialFields f;
    uint8_t in[3], c;

    serial_fields_reset(&f);
    f.fcr = FCR_FE;
    f.iir = IIR_FIFO | IIR_NO_INT;
    f.lsr = 0;
    put_tsr_sub(sub, 1, 0, 'b');
    put_fifo_sub(sub, "serial/xmit_fifo", data, 0, 2);
    b = serial_stream(&f, sub);
    g_assert(g_file_set_contents(path, (const char *)b->data, b->len, NULL));

    socket_start(&u, "", "-incoming defer");
    /* The emulator has accepted once a character gets through. */
    qtest_uart_socket_send(&u, "S", 1);
    uart_receive(u.qts, &c, 1);
    qtest_qmp_assert_success(u.qts, "{'execute': 'migrate-incoming', "
                             "'arguments': {'uri': %s}}", uri);
    qtest_migrate_wait(u.qts);
    unlink(path);
    qtest_uart_socket_recv(&u, in, 3);
    g_assert_cmpmem(in, 3, "bcd", 3);
    g_assert_cmphex(uart_wait_lsr(u.qts, LSR_TEMT), ==, LSR_THRE | LSR_TEMT);
    qtest_uart_socket_stop(&u);
}

/*
 * What we save is what QEMU saves: an idle COM1 is the "serial" section
 * with its ten fields and no subsection.
 */
static void test_migration_stream_bytes(void)
{
    static const uint8_t want[] = {
        0x06, 's', 'e', 'r', 'i', 'a', 'l',
        0, 0, 0, 0,                             /* instance */
        0, 0, 0, 3,                             /* version */
        0x00, 0x03,                             /* divider */
        0x00, 0x07, 0xc2, 0x03, 0x0b, 0x60, 0xb0, 0x42, 0x89,
        0x7e
    };
    g_autofree char *data = NULL;
    QTestState *qts = qtest_init("-machine pc -serial null -m 32");
    gsize len;

    uart_set_divisor(qts, 3);
    uart_out(qts, LCR, LCR_8N1);
    uart_out(qts, MCR, MCR_OUT2 | MCR_RTS | MCR_DTR);
    uart_out(qts, SCR, 0x42);
    /* RFR does not persist; DMA mode (bit 3) does. */
    uart_out(qts, FCR, FCR_FE | FCR_RFR | 0x08 | FCR_ITL_8);
    /* IIR shows the pending THRE interrupt: no serial/thr_ipending. */
    uart_out(qts, IER, IER_RDI | IER_THRI | IER_RLSI);
    data = qtest_migrate_save(qts, &len);
    g_assert(qtest_stream_find_section(data, len, want, sizeof(want)));
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);

    qtest_add_func("serial/reset-values", test_reset_values);
    qtest_add_func("serial/divisor-latch", test_divisor_latch);
    qtest_add_func("serial/lcr-mcr-scr", test_lcr_mcr_scr);
    qtest_add_func("serial/wide-access", test_wide_access);
    qtest_add_func("serial/com-ports", test_com_ports);
    qtest_add_func("serial/system-reset", test_system_reset);
    qtest_add_func("serial/tx/in-order", test_tx_in_order);
    qtest_add_func("serial/tx/fifo-bursts", test_tx_fifo_bursts);
    qtest_add_func("serial/tx/waits-in-tsr", test_tx_waits_in_tsr);
    qtest_add_func("serial/tx/stalled-peer", test_stalled_peer);
    qtest_add_func("serial/rx/polled", test_rx_polled);
    qtest_add_data_func("serial/rx/bulk-no-fifo", GUINT_TO_POINTER(0),
                        test_rx_bulk);
    qtest_add_data_func("serial/rx/bulk-fifo-itl1",
                        GUINT_TO_POINTER(FCR_FE | FCR_ITL_1), test_rx_bulk);
    qtest_add_data_func("serial/rx/bulk-fifo-itl14",
                        GUINT_TO_POINTER(FCR_FE | FCR_ITL_14), test_rx_bulk);
    qtest_add_func("serial/rx/fifo-fills", test_rx_fifo_fills);
    qtest_add_func("serial/fifo/trigger-levels", test_trigger_levels);
    qtest_add_func("serial/fifo/reset", test_fifo_reset);
    qtest_add_func("serial/timeout/115200-8n1", test_char_timeout_115200_8n1);
    qtest_add_func("serial/timeout/9600-7o2", test_char_timeout_9600_7o2);
    qtest_add_func("serial/timeout/above-level",
                   test_char_timeout_above_level);
    qtest_add_func("serial/irq/ioapic", test_irq_ioapic);
    qtest_add_func("serial/irq/com2", test_irq_com2);
    qtest_add_func("serial/irq/i8259", test_irq_i8259);
    qtest_add_func("serial/irq/priorities", test_irq_priorities);
    qtest_add_func("serial/loopback/basic", test_loopback);
    qtest_add_func("serial/loopback/holds-input", test_loopback_holds_input);
    qtest_add_func("serial/loopback/msr-deltas", test_loopback_msr_deltas);
    qtest_add_func("serial/break/basic", test_break);
    qtest_add_func("serial/break/fifo-position", test_break_fifo_position);
    qtest_add_func("serial/overrun", test_overrun);
    qtest_add_func("serial/log/bad-accesses", test_bad_accesses_logged);
    qtest_add_func("serial/set-params", test_set_params);
    qtest_add_func("serial/migration/from-qemu", test_migration_from_qemu);
    qtest_add_func("serial/migration/thr-ipending",
                   test_migration_thr_ipending);
    qtest_add_func("serial/migration/pending-tx", test_migration_pending_tx);
    qtest_add_func("serial/migration/refused", test_migration_refused);
    qtest_add_func("serial/migration/stream-bytes",
                   test_migration_stream_bytes);

    return g_test_run();
}
