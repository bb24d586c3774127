/*
 * ARM PrimeCell UART (PL011), after ARM DDI 0183G (r1p5)
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * Guests written against QEMU's PL011 see the same registers, reset
 * values, flags, logs and migration stream.  Where QEMU's model loses
 * interrupts or blocks, this one follows the TRM instead (the list is in
 * docs/system/devices/pl011.rst): RX and TX interrupts follow the UARTIFLS
 * trigger levels, a receive timeout fires 32 bit periods after the last
 * character, a 16-entry transmit FIFO feeds the back end without ever
 * blocking, and overrun and break raise their error interrupts.
 *
 * Not modelled: DMA (LOG_UNIMP), IrDA, framing and parity errors,
 * hardware flow control, the modem lines outside loopback, the latch
 * that makes IBRD/FBRD take effect on a LCR_H write.
 * Interface: MMIO region 0 (4 KiB); sysbus IRQs 0..5 (combined, RX, TX,
 * RT, MS, E); clock input "clk"; properties "chardev", "migrate-clk".
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "qemu/host-utils.h"
#include "qemu/log.h"
#include "qemu/timer.h"
#include "hw/core/irq.h"
#include "hw/core/qdev-clock.h"
#include "hw/core/qdev-properties.h"
#include "hw/core/qdev-properties-system.h"
#include "hw/core/registerfields.h"
#include "hw/core/resettable.h"
#include "chardev/char-fe.h"
#include "chardev/char-serial.h"
#include "migration/vmstate.h"
#include "hw/char/pl011.h"
#include "trace.h"

REG32(DR, 0x000)                        /* data; error bits on read */
    FIELD(DR, DATA, 0, 8)
    FIELD(DR, FE, 8, 1)
    FIELD(DR, PE, 9, 1)
    FIELD(DR, BE, 10, 1)
    FIELD(DR, OE, 11, 1)
REG32(RSR, 0x004)                       /* read: RSR; write: ECR */
REG32(FR, 0x018)
    FIELD(FR, CTS, 0, 1)
    FIELD(FR, DSR, 1, 1)
    FIELD(FR, DCD, 2, 1)
    FIELD(FR, BUSY, 3, 1)
    FIELD(FR, RXFE, 4, 1)
    FIELD(FR, TXFF, 5, 1)
    FIELD(FR, RXFF, 6, 1)
    FIELD(FR, TXFE, 7, 1)
    FIELD(FR, RI, 8, 1)
REG32(ILPR, 0x020)
REG32(IBRD, 0x024)
REG32(FBRD, 0x028)
REG32(LCR_H, 0x02c)
    FIELD(LCR_H, BRK, 0, 1)
    FIELD(LCR_H, FEN, 4, 1)
REG32(CR, 0x030)
    FIELD(CR, UARTEN, 0, 1)
    FIELD(CR, SIREN, 1, 1)
    FIELD(CR, LBE, 7, 1)
    FIELD(CR, TXE, 8, 1)
    FIELD(CR, RXE, 9, 1)
    FIELD(CR, DTR, 10, 1)
    FIELD(CR, RTS, 11, 1)
    FIELD(CR, OUT1, 12, 1)
    FIELD(CR, OUT2, 13, 1)
REG32(IFLS, 0x034)
    FIELD(IFLS, TXIFLSEL, 0, 3)
    FIELD(IFLS, RXIFLSEL, 3, 3)
REG32(IMSC, 0x038)
REG32(RIS, 0x03c)
REG32(MIS, 0x040)
REG32(ICR, 0x044)
REG32(DMACR, 0x048)
    FIELD(DMACR, RXDMAE, 0, 1)
    FIELD(DMACR, TXDMAE, 1, 1)
REG32(PERIPHID0, 0xfe0)
REG32(PCELLID3, 0xffc)

/* The interrupt bits, laid out alike in IMSC, RIS, MIS and ICR. */
#define PL011_INT_RI    (1u << 0)
#define PL011_INT_CTS   (1u << 1)
#define PL011_INT_DCD   (1u << 2)
#define PL011_INT_DSR   (1u << 3)
#define PL011_INT_RX    (1u << 4)
#define PL011_INT_TX    (1u << 5)
#define PL011_INT_RT    (1u << 6)
#define PL011_INT_FE    (1u << 7)
#define PL011_INT_PE    (1u << 8)
#define PL011_INT_BE    (1u << 9)
#define PL011_INT_OE    (1u << 10)
#define PL011_INT_MS    (PL011_INT_RI | PL011_INT_CTS | PL011_INT_DCD | \
                         PL011_INT_DSR)
#define PL011_INT_E     (PL011_INT_FE | PL011_INT_PE | PL011_INT_BE | \
                         PL011_INT_OE)
#define PL011_INT_ALL   0x7ffu

#define PL011_FR_FIFO_BITS (R_FR_BUSY_MASK | R_FR_RXFE_MASK | \
                            R_FR_TXFF_MASK | R_FR_RXFF_MASK | R_FR_TXFE_MASK)

/*
 * UARTCLK when the clock input is not connected, as on QEMU's virt board:
 * the frequency its device tree advertises for the UART ("apb-pclk").
 */
#define PL011_DEFAULT_CLK_HZ 24000000

/* How often to retry a back end that has no write watch. */

/* Which interrupt bits drive each sysbus IRQ output. */
static const uint32_t pl011_irq_mask[PL011_NUM_IRQS] = {
    [PL011_IRQ_COMBINED] = PL011_INT_ALL,
    [PL011_IRQ_RX] = PL011_INT_RX,
    [PL011_IRQ_TX] = PL011_INT_TX,
    [PL011_IRQ_RT] = PL011_INT_RT,
    [PL011_IRQ_MS] = PL011_INT_MS,
    [PL011_IRQ_E] = PL011_INT_E,
};

/* UARTPeriphID0..3 and UARTPCellID0..3 (revision 1, as QEMU reports). */
static const uint8_t pl011_id_arm[8] = {
    0x11, 0x10, 0x14, 0x00, 0x0d, 0xf0, 0x05, 0xb1
};
static const uint8_t pl011_id_luminary[8] = {
    0x11, 0x00, 0x18, 0x01, 0x0d, 0xf0, 0x05, 0xb1
};

static const char *pl011_regname(hwaddr offset)
{
    static const char *const names[] = {
        [R_DR] = "DR", [R_RSR] = "RSR", [R_FR] = "FR", [R_ILPR] = "ILPR",
        [R_IBRD] = "IBRD", [R_FBRD] = "FBRD", [R_LCR_H] = "LCRH",
        [R_CR] = "CR", [R_IFLS] = "IFLS", [R_IMSC] = "IMSC",
        [R_RIS] = "RIS", [R_MIS] = "MIS", [R_ICR] = "ICR",
        [R_DMACR] = "DMACR",
    };
    unsigned idx = offset >> 2;

    if (idx >= R_PERIPHID0 && idx <= R_PCELLID3) {
        return "ID";
    }
    if (idx < ARRAY_SIZE(names) && names[idx]) {
        return names[idx];
    }
    return "UNKN";
}

/* The only place that drives the six IRQ outputs. */
static void pl011_update(PL011State *s)
{
    uint32_t mis = s->int_level & s->int_enabled;
    int i;

    trace_pl011_irq_state(mis != 0);
    for (i = 0; i < PL011_NUM_IRQS; i++) {
        qemu_set_irq(s->irq[i], (mis & pl011_irq_mask[i]) != 0);
    }
}

static bool pl011_fifo_enabled(PL011State *s)
{
    return FIELD_EX32(s->lcr, LCR_H, FEN);
}

static bool pl011_loopback_enabled(PL011State *s)
{
    return FIELD_EX32(s->cr, CR, LBE);
}

/* Character mode (FEN clear) turns each FIFO into a one-entry register. */
static unsigned pl011_fifo_depth(PL011State *s)
{
    return pl011_fifo_enabled(s) ? PL011_FIFO_DEPTH : 1;
}

/*
 * An IFLS trigger code in sixteenths of the FIFO: 1/8, 1/4, 1/2, 3/4,
 * 7/8.  The TRM reserves codes 5 to 7; they act like the reset code 1/2.
 */
static unsigned pl011_ifls_level(unsigned code)
{
    static const uint8_t levels[] = { 2, 4, 8, 12, 14 };

    return code < ARRAY_SIZE(levels) ? levels[code] : 8;
}

/* RX interrupt when the FIFO fills up to this many entries. */
static unsigned pl011_rx_level(PL011State *s)
{
    if (!pl011_fifo_enabled(s)) {
        return 1;
    }
    return pl011_ifls_level(FIELD_EX32(s->ifl, IFLS, RXIFLSEL));
}

/* TX interrupt when the FIFO drains down to this many entries. */
static unsigned pl011_tx_level(PL011State *s)
{
    if (!pl011_fifo_enabled(s)) {
        return 0;
    }
    return pl011_ifls_level(FIELD_EX32(s->ifl, IFLS, TXIFLSEL));
}

/* UARTFR's FIFO flags always follow the two FIFOs. */
static void pl011_update_fifo_flags(PL011State *s)
{
    unsigned depth = pl011_fifo_depth(s);

    s->flags &= ~PL011_FR_FIFO_BITS;
    if (s->read_count == 0) {
        s->flags |= R_FR_RXFE_MASK;
    }
    if (s->read_count >= depth) {
        s->flags |= R_FR_RXFF_MASK;
    }
    if (s->tx_count == 0) {
        s->flags |= R_FR_TXFE_MASK;
    } else {
        s->flags |= R_FR_BUSY_MASK;
    }
    if (s->tx_count >= depth) {
        s->flags |= R_FR_TXFF_MASK;
    }
}

static uint64_t pl011_clock_hz(PL011State *s)
{
    uint64_t hz = clock_get_hz(s->clk);

    return hz ? hz : PL011_DEFAULT_CLK_HZ;
}

/*
 * The baud rate divisor in 64ths.  IBRD 0 is invalid (TRM); a guest that
 * never programmed it gets the smallest legal divisor, 1.0.
 */
static uint64_t pl011_divisor_64ths(PL011State *s)
{
    if (s->ibrd == 0) {
        return 64;
    }
    return (uint64_t)s->ibrd * 64 + s->fbrd;
}

static void pl011_trace_baudrate_change(PL011State *s)
{
    uint64_t hz = pl011_clock_hz(s);

    /* baud = UARTCLK / (16 * divisor) */
    trace_pl011_baudrate_change(hz * 4 / pl011_divisor_64ths(s), hz,
                                s->ibrd, s->fbrd);
}

/*
 * 32 bit periods: a bit lasts 16 * divisor UARTCLK cycles, so the
 * timeout is 8 * (divisor in 64ths) cycles, rounded down to whole ns.
 */
static uint64_t pl011_rx_timeout_ns(PL011State *s)
{
    uint64_t cycles = 8 * pl011_divisor_64ths(s);

    if (clock_is_enabled(s->clk)) {
        return clock_ticks_to_ns(s->clk, cycles);
    }
    return muldiv64(cycles, NANOSECONDS_PER_SECOND, PL011_DEFAULT_CLK_HZ);
}

/* Every character that reaches the receiver restarts the timeout. */
static void pl011_rx_timeout_restart(PL011State *s)
{
    int64_t now = qemu_clock_get_ns(QEMU_CLOCK_VIRTUAL);
    uint64_t ns = pl011_rx_timeout_ns(s);

    trace_pl011_rx_timeout_arm(ns);
    /* A board clock slow enough to overflow the deadline means never. */
    timer_mod(&s->rx_timeout, ns < INT64_MAX - now ? now + ns : INT64_MAX);
}

static void pl011_rx_timeout_expired(void *opaque)
{
    PL011State *s = opaque;

    if (s->read_count == 0) {
        return;
    }
    trace_pl011_rx_timeout(s->read_count);
    s->int_level |= PL011_INT_RT;
    pl011_update(s);
}

/*
 * Store a received character (data plus error bits).  A full FIFO keeps
 * its contents: the new character is lost and the newest entry carries
 * the overrun (DR.OE), as the TRM describes.  Returns whether it was
 * stored.  The caller updates the IRQ lines.
 */
static bool pl011_fifo_rx_put(PL011State *s, uint32_t value)
{
    unsigned depth = pl011_fifo_depth(s);
    unsigned slot;

    pl011_rx_timeout_restart(s);
    if (s->read_count >= depth) {
        slot = (s->read_pos + s->read_count - 1) & (depth - 1);
        s->read_fifo[slot] |= R_DR_OE_MASK;
        s->int_level |= PL011_INT_OE;
        trace_pl011_fifo_rx_overrun(value);
        return false;
    }
    slot = (s->read_pos + s->read_count) & (depth - 1);
    s->read_fifo[slot] = value;
    s->read_count++;
    pl011_update_fifo_flags(s);
    trace_pl011_fifo_rx_put(value, s->read_count, depth);
    if (s->read_count == depth) {
        trace_pl011_fifo_rx_full();
    }
    if (s->read_count == pl011_rx_level(s)) {
        s->int_level |= PL011_INT_RX;
    }
    return true;
}

/* Empty the receive FIFO; the interrupts its contents caused go too. */
static void pl011_fifo_rx_flush(PL011State *s)
{
    trace_pl011_fifo_rx_flush(s->read_count);
    s->read_count = 0;
    s->read_pos = 0;
    s->int_level &= ~(PL011_INT_RX | PL011_INT_RT);
    timer_del(&s->rx_timeout);
    pl011_update_fifo_flags(s);
}

/* A break condition arrives as a NUL character with BE set. */
static void pl011_receive_break(PL011State *s, bool from_backend)
{
    trace_pl011_break(from_backend);
    if (pl011_fifo_rx_put(s, R_DR_BE_MASK)) {
        s->int_level |= PL011_INT_BE;
    }
    pl011_update(s);
}

/*
 * Reading DR pops the FIFO and latches the error bits into RSR.  An empty
 * FIFO returns the stale entry at the read position, as QEMU does.
 */
static uint32_t pl011_read_rxdata(PL011State *s)
{
    unsigned depth = pl011_fifo_depth(s);
    uint32_t value = s->read_fifo[s->read_pos];

    if (s->read_count > 0) {
        s->read_count--;
        s->read_pos = (s->read_pos + 1) & (depth - 1);
    }
    if (s->read_count == 0) {
        s->int_level &= ~PL011_INT_RT;
        timer_del(&s->rx_timeout);
    }
    if (s->read_count < pl011_rx_level(s)) {
        s->int_level &= ~PL011_INT_RX;
    }
    s->rsr = extract32(value, R_DR_FE_SHIFT, 4);
    pl011_update_fifo_flags(s);
    trace_pl011_read_fifo(s->read_count, depth);
    pl011_update(s);
    qemu_chr_fe_accept_input(&s->chr);
    return value;
}

static gboolean pl011_tx_watch_cb(void *do_not_use, GIOCondition cond,
                                  void *opaque);

/* Resume transmission once the back end can take more. */
static void pl011_tx_wait(PL011State *s)
{
    if (s->tx_watch) {
        return;
    }
    trace_pl011_fifo_tx_blocked(s->tx_count);
    s->tx_watch = qemu_chr_fe_add_watch(&s->chr, G_IO_OUT | G_IO_HUP,
                                        pl011_tx_watch_cb, s);
}

/*
 * Hand the TX FIFO to the back end without blocking: what it does not
 * take now stays queued (BUSY, TXFF) until its write watch fires.  Each
 * character that leaves with the FIFO at or below the TX trigger level
 * raises TXRIS.
 */
static void pl011_tx_drain(PL011State *s)
{
    bool sent = false;

    while (s->tx_count > 0 && !s->tx_watch) {
        uint32_t chunk = MIN(s->tx_count, PL011_FIFO_DEPTH - s->tx_pos);
        int ret;

        if (!qemu_chr_fe_backend_connected(&s->chr)) {
            ret = chunk;                /* no back end: an unwired line */
        } else {
            ret = qemu_chr_fe_write(&s->chr, &s->tx_fifo[s->tx_pos], chunk);
        }
        if (ret == 0) {
            pl011_tx_wait(s);
            break;
        }
        if (ret < 0) {
            /* The back end failed for good: as on a cut line. */
            trace_pl011_fifo_tx_error(chunk);
            ret = chunk;
        }
        s->tx_pos = (s->tx_pos + ret) % PL011_FIFO_DEPTH;
        s->tx_count -= ret;
        trace_pl011_fifo_tx_xmit(ret, s->tx_count);
        sent = true;
    }
    pl011_update_fifo_flags(s);
    if (sent && s->tx_count <= pl011_tx_level(s)) {
        s->int_level |= PL011_INT_TX;
    }
    pl011_update(s);
}

static gboolean pl011_tx_watch_cb(void *do_not_use, GIOCondition cond,
                                  void *opaque)
{
    PL011State *s = opaque;

    s->tx_watch = 0;
    pl011_tx_drain(s);
    return G_SOURCE_REMOVE;
}

static void pl011_tx_cancel_wait(PL011State *s)
{
    if (s->tx_watch) {
        g_source_remove(s->tx_watch);
        s->tx_watch = 0;
    }
}

/*
 * A DR write queues the character; it is lost only if the guest ignores
 * TXFF.  The enable bits are not enforced (guests print before setting
 * them), but using a disabled UART is logged.
 */
static void pl011_write_txdata(PL011State *s, uint8_t data)
{
    unsigned depth = pl011_fifo_depth(s);

    if (!FIELD_EX32(s->cr, CR, UARTEN) && !s->disabled_logged) {
        qemu_log_mask(LOG_GUEST_ERROR,
                      "PL011 data written to disabled UART\n");
        s->disabled_logged = true;
    }
    if (!FIELD_EX32(s->cr, CR, TXE)) {
        qemu_log_mask(LOG_GUEST_ERROR,
                      "PL011 data written to disabled TX UART\n");
    }
    if (s->tx_count >= depth) {
        qemu_log_mask(LOG_GUEST_ERROR,
                      "%s: TX FIFO full (TXFF set), char 0x%02x dropped\n",
                      __func__, data);
        trace_pl011_fifo_tx_overrun(data);
        return;
    }
    s->tx_fifo[(s->tx_pos + s->tx_count) % PL011_FIFO_DEPTH] = data;
    s->tx_count++;
    trace_pl011_fifo_tx_put(data, s->tx_count, depth);
    if (s->tx_count > pl011_tx_level(s)) {
        s->int_level &= ~PL011_INT_TX;
    }
    if (pl011_loopback_enabled(s)) {
        pl011_fifo_rx_put(s, data);
    }
    pl011_tx_drain(s);
}

/* In loopback the modem outputs of CR come back as FR's modem inputs. */
static void pl011_loopback_mdmctrl(PL011State *s)
{
    uint32_t fr = 0;
    uint32_t ris = 0;

    if (!pl011_loopback_enabled(s)) {
        return;
    }
    if (FIELD_EX32(s->cr, CR, OUT2)) {
        fr |= R_FR_RI_MASK;
        ris |= PL011_INT_RI;
    }
    if (FIELD_EX32(s->cr, CR, OUT1)) {
        fr |= R_FR_DCD_MASK;
        ris |= PL011_INT_DCD;
    }
    if (FIELD_EX32(s->cr, CR, RTS)) {
        fr |= R_FR_CTS_MASK;
        ris |= PL011_INT_CTS;
    }
    if (FIELD_EX32(s->cr, CR, DTR)) {
        fr |= R_FR_DSR_MASK;
        ris |= PL011_INT_DSR;
    }
    s->flags = (s->flags & ~(R_FR_RI_MASK | R_FR_DCD_MASK | R_FR_CTS_MASK |
                             R_FR_DSR_MASK)) | fr;
    s->int_level = (s->int_level & ~PL011_INT_MS) | ris;
}

static void pl011_write_lcr(PL011State *s, uint32_t value)
{
    uint32_t changed = s->lcr ^ value;

    /* Switching between FIFO and character mode empties the receiver. */
    if (changed & R_LCR_H_FEN_MASK) {
        pl011_fifo_rx_flush(s);
    }
    s->lcr = value;
    pl011_update_fifo_flags(s);
    if (changed & R_LCR_H_BRK_MASK) {
        int brk = FIELD_EX32(value, LCR_H, BRK);

        qemu_chr_fe_ioctl(&s->chr, CHR_IOCTL_SERIAL_SET_BREAK, &brk);
        if (brk && pl011_loopback_enabled(s)) {
            pl011_receive_break(s, false);
        }
    }
}

static void pl011_write_ifls(PL011State *s, uint32_t value)
{
    unsigned old_level = pl011_rx_level(s);

    if (FIELD_EX32(value, IFLS, TXIFLSEL) > 4 ||
        FIELD_EX32(value, IFLS, RXIFLSEL) > 4) {
        qemu_log_mask(LOG_GUEST_ERROR,
                      "%s: reserved trigger level in IFLS 0x%x\n",
                      __func__, value);
    }
    s->ifl = value;
    /* Lowering the RX level to what the FIFO holds reaches it now. */
    if (s->read_count >= pl011_rx_level(s) && s->read_count < old_level) {
        s->int_level |= PL011_INT_RX;
    }
}

static uint64_t pl011_read(void *opaque, hwaddr addr, unsigned size)
{
    PL011State *s = opaque;
    hwaddr offset = addr & ~(hwaddr)3;
    uint32_t r = 0;

    switch (offset) {
    case A_DR:
        r = pl011_read_rxdata(s);
        break;
    case A_RSR:
        r = s->rsr;
        break;
    case A_FR:
        r = s->flags;
        break;
    case A_ILPR:
        r = s->ilpr;
        break;
    case A_IBRD:
        r = s->ibrd;
        break;
    case A_FBRD:
        r = s->fbrd;
        break;
    case A_LCR_H:
        r = s->lcr;
        break;
    case A_CR:
        r = s->cr;
        break;
    case A_IFLS:
        r = s->ifl;
        break;
    case A_IMSC:
        r = s->int_enabled;
        break;
    case A_RIS:
        r = s->int_level;
        break;
    case A_MIS:
        r = s->int_level & s->int_enabled;
        break;
    case A_DMACR:
        r = s->dmacr;
        break;
    case A_PERIPHID0 ... A_PCELLID3:
        r = s->id[(offset - A_PERIPHID0) >> 2];
        break;
    default:
        qemu_log_mask(LOG_GUEST_ERROR, "%s: Bad offset 0x%" HWADDR_PRIx "\n",
                      __func__, addr);
        break;
    }
    trace_pl011_read(addr, r, pl011_regname(addr));
    return r;
}

static void pl011_write(void *opaque, hwaddr addr, uint64_t value,
                        unsigned size)
{
    PL011State *s = opaque;
    hwaddr offset = addr & ~(hwaddr)3;
    uint32_t v = value;

    trace_pl011_write(addr, v, pl011_regname(addr));
    switch (offset) {
    case A_DR:
        pl011_write_txdata(s, v);
        return;
    case A_RSR:
        s->rsr = 0;
        break;
    case A_FR:
        break;                          /* read-only, silently */
    case A_ILPR:
        s->ilpr = v;
        break;
    case A_IBRD:
        s->ibrd = extract32(v, 0, 16);
        pl011_trace_baudrate_change(s);
        break;
    case A_FBRD:
        s->fbrd = extract32(v, 0, 6);
        pl011_trace_baudrate_change(s);
        break;
    case A_LCR_H:
        pl011_write_lcr(s, v);
        break;
    case A_CR:
        if ((s->cr ^ v) & R_CR_UARTEN_MASK) {
            s->disabled_logged = false;
        }
        if ((v & ~s->cr) & R_CR_SIREN_MASK) {
            qemu_log_mask(LOG_UNIMP, "pl011: IrDA not implemented\n");
        }
        s->cr = v;
        pl011_loopback_mdmctrl(s);
        break;
    case A_IFLS:
        pl011_write_ifls(s, v);
        break;
    case A_IMSC:
        s->int_enabled = v;
        break;
    case A_ICR:
        s->int_level &= ~v;
        break;
    case A_DMACR:
        s->dmacr = v;
        if (v & (R_DMACR_RXDMAE_MASK | R_DMACR_TXDMAE_MASK)) {
            qemu_log_mask(LOG_UNIMP, "pl011: DMA not implemented\n");
        }
        break;
    default:
        qemu_log_mask(LOG_GUEST_ERROR, "%s: Bad offset 0x%" HWADDR_PRIx "\n",
                      __func__, addr);
        return;
    }
    pl011_update(s);
}

/*
 * The registers are 32 bits on an APB bus that ignores the byte lanes:
 * narrower accesses reach the whole word at the same address, as in
 * QEMU, and 8-byte accesses become two word accesses.
 */
static const MemoryRegionOps pl011_ops = {
    .read = pl011_read,
    .write = pl011_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
    .valid = { .min_access_size = 1, .max_access_size = 8 },
    .impl = { .min_access_size = 4, .max_access_size = 4 },
};

/* Back-end callbacks */

/* Offer the back end exactly the free RX entries, so nothing is lost. */
static int pl011_can_receive(void *opaque)
{
    PL011State *s = opaque;
    unsigned depth = pl011_fifo_depth(s);
    unsigned avail = s->read_count < depth ? depth - s->read_count : 0;

    trace_pl011_can_receive(s->lcr, s->read_count, depth, avail);
    return avail;
}

static void pl011_receive(void *opaque, const uint8_t *buf, int size)
{
    PL011State *s = opaque;
    int i;

    trace_pl011_receive(size);
    /* In loopback the receiver hears only the transmitter. */
    if (pl011_loopback_enabled(s)) {
        return;
    }
    for (i = 0; i < size; i++) {
        pl011_fifo_rx_put(s, buf[i]);
    }
    pl011_update(s);
}

static void pl011_event(void *opaque, QEMUChrEvent event)
{
    PL011State *s = opaque;

    trace_pl011_event(event);
    if (event == CHR_EVENT_BREAK && !pl011_loopback_enabled(s)) {
        pl011_receive_break(s, true);
    }
}

static void pl011_clock_update(void *opaque, int event)
{
    pl011_trace_baudrate_change(opaque);
}

/* Migration */

static bool pl011_clock_needed(void *opaque)
{
    PL011State *s = opaque;

    return s->migrate_clk;
}

static const VMStateDescription vmstate_pl011_clock = {
    .name = "pl011/clock",
    .version_id = 1,
    .minimum_version_id = 1,
    .needed = pl011_clock_needed,
    .fields = (const VMStateField[]) {
        VMSTATE_CLOCK(clk, PL011State),
        VMSTATE_END_OF_LIST()
    },
};

/* Only sent while characters wait for the back end: QEMU lacks them. */
static bool pl011_tx_fifo_needed(void *opaque)
{
    PL011State *s = opaque;

    return s->tx_count > 0;
}

static const VMStateDescription vmstate_pl011_tx_fifo = {
    .name = "pl011/tx_fifo",
    .version_id = 1,
    .minimum_version_id = 1,
    .needed = pl011_tx_fifo_needed,
    .fields = (const VMStateField[]) {
        VMSTATE_UINT8_ARRAY(tx_fifo, PL011State, PL011_FIFO_DEPTH),
        VMSTATE_UINT32(tx_pos, PL011State),
        VMSTATE_UINT32(tx_count, PL011State),
        VMSTATE_END_OF_LIST()
    },
};

/* Only sent while a receive timeout is counting. */
static bool pl011_rx_timeout_needed(void *opaque)
{
    PL011State *s = opaque;

    return timer_pending(&s->rx_timeout);
}

static const VMStateDescription vmstate_pl011_rx_timeout = {
    .name = "pl011/rx_timeout",
    .version_id = 1,
    .minimum_version_id = 1,
    .needed = pl011_rx_timeout_needed,
    .fields = (const VMStateField[]) {
        VMSTATE_TIMER(rx_timeout, PL011State),
        VMSTATE_END_OF_LIST()
    },
};

/* A stream without our subsections has an idle transmitter and timer. */
static int pl011_pre_load(void *opaque)
{
    PL011State *s = opaque;

    pl011_tx_cancel_wait(s);
    s->tx_pos = 0;
    s->tx_count = 0;
    timer_del(&s->rx_timeout);
    return 0;
}

/*
 * Everything a stream can make dangerous is checked before use; the
 * message names the field and reaches the user through the migration
 * error.
 */
static bool pl011_post_load(void *opaque, int version_id, Error **errp)
{
    PL011State *s = opaque;

    if ((uint32_t)s->read_pos >= PL011_FIFO_DEPTH) {
        error_setg(errp, "read_pos %" PRId32 " is outside the RX FIFO "
                   "(0..%d)", s->read_pos, PL011_FIFO_DEPTH - 1);
        return false;
    }
    if ((uint32_t)s->read_count > PL011_FIFO_DEPTH) {
        error_setg(errp, "read_count %" PRId32 " exceeds the RX FIFO depth "
                   "%d", s->read_count, PL011_FIFO_DEPTH);
        return false;
    }
    if (s->read_trigger < 1 || s->read_trigger > PL011_FIFO_DEPTH) {
        error_setg(errp, "read_trigger %" PRId32 " is not a FIFO level "
                   "(1..%d)", s->read_trigger, PL011_FIFO_DEPTH);
        return false;
    }
    if (s->tx_pos >= PL011_FIFO_DEPTH) {
        error_setg(errp, "tx_pos %" PRIu32 " is outside the TX FIFO (0..%d)",
                   s->tx_pos, PL011_FIFO_DEPTH - 1);
        return false;
    }
    if (s->tx_count > PL011_FIFO_DEPTH) {
        error_setg(errp, "tx_count %" PRIu32 " exceeds the TX FIFO depth %d",
                   s->tx_count, PL011_FIFO_DEPTH);
        return false;
    }

    if (!pl011_fifo_enabled(s) && s->read_count > 0) {
        /* QEMU before 8.0 kept the character-mode entry anywhere. */
        s->read_fifo[0] = s->read_fifo[s->read_pos];
        s->read_pos = 0;
        /* QEMU counts characters it overwrote in slot 0: one is held. */
        s->read_count = 1;
    }
    s->ibrd = extract32(s->ibrd, 0, 16);
    s->fbrd = extract32(s->fbrd, 0, 6);
    s->int_level &= PL011_INT_ALL;
    s->read_trigger = 1;
    s->flags = extract32(s->flags, 0, 9);
    pl011_update_fifo_flags(s);

    /* QEMU has no receive timeout: start one for what is waiting. */
    if (s->read_count == 0) {
        timer_del(&s->rx_timeout);
    } else if (!timer_pending(&s->rx_timeout)) {
        pl011_rx_timeout_restart(s);
    }
    if (s->tx_count > 0) {
        pl011_tx_wait(s);
    }
    return true;
}

static const VMStateDescription vmstate_pl011 = {
    .name = "pl011",
    .version_id = 2,
    .minimum_version_id = 2,
    .pre_load = pl011_pre_load,
    .post_load_errp = pl011_post_load,
    .fields = (const VMStateField[]) {
        VMSTATE_UNUSED(4),              /* was "readbuff" */
        VMSTATE_UINT32(flags, PL011State),
        VMSTATE_UINT32(lcr, PL011State),
        VMSTATE_UINT32(rsr, PL011State),
        VMSTATE_UINT32(cr, PL011State),
        VMSTATE_UINT32(dmacr, PL011State),
        VMSTATE_UINT32(int_enabled, PL011State),
        VMSTATE_UINT32(int_level, PL011State),
        VMSTATE_UINT32_ARRAY(read_fifo, PL011State, PL011_FIFO_DEPTH),
        VMSTATE_UINT32(ilpr, PL011State),
        VMSTATE_UINT32(ibrd, PL011State),
        VMSTATE_UINT32(fbrd, PL011State),
        VMSTATE_UINT32(ifl, PL011State),
        VMSTATE_INT32(read_pos, PL011State),
        VMSTATE_INT32(read_count, PL011State),
        VMSTATE_INT32(read_trigger, PL011State),
        VMSTATE_END_OF_LIST()
    },
    .subsections = (const VMStateDescription * const []) {
        &vmstate_pl011_clock,
        &vmstate_pl011_tx_fifo,
        &vmstate_pl011_rx_timeout,
        NULL
    },
};

static const Property pl011_properties[] = {
    DEFINE_PROP_CHR("chardev", PL011State, chr),
    DEFINE_PROP_BOOL("migrate-clk", PL011State, migrate_clk, true),
};

static void pl011_reset_hold(Object *obj, ResetType type)
{
    PL011State *s = PL011(obj);

    s->lcr = 0;
    s->rsr = 0;
    s->dmacr = 0;
    s->int_enabled = 0;
    s->int_level = 0;
    s->ilpr = 0;
    s->ibrd = 0;
    s->fbrd = 0;
    s->ifl = 0x12;                      /* RX and TX levels 1/2 */
    s->cr = 0x300;                      /* TXE | RXE */
    s->flags = 0;
    s->read_pos = 0;
    s->read_count = 0;
    s->read_trigger = 1;
    timer_del(&s->rx_timeout);
    pl011_tx_cancel_wait(s);
    s->tx_pos = 0;
    s->tx_count = 0;
    s->disabled_logged = false;
    pl011_update_fifo_flags(s);
    pl011_update(s);
}

static void pl011_init(Object *obj)
{
    SysBusDevice *sbd = SYS_BUS_DEVICE(obj);
    PL011State *s = PL011(obj);
    int i;

    memory_region_init_io(&s->iomem, obj, &pl011_ops, s, "pl011", 0x1000);
    sysbus_init_mmio(sbd, &s->iomem);
    for (i = 0; i < PL011_NUM_IRQS; i++) {
        sysbus_init_irq(sbd, &s->irq[i]);
    }
    s->clk = qdev_init_clock_in(DEVICE(obj), "clk", pl011_clock_update, s,
                                ClockUpdate);
    timer_init_ns(&s->rx_timeout, QEMU_CLOCK_VIRTUAL,
                  pl011_rx_timeout_expired, s);
    s->id = pl011_id_arm;
}

static void pl011_luminary_init(Object *obj)
{
    PL011(obj)->id = pl011_id_luminary;
}

static void pl011_finalize(Object *obj)
{
    PL011State *s = PL011(obj);

    timer_del(&s->rx_timeout);
    pl011_tx_cancel_wait(s);
}

static void pl011_realize(DeviceState *dev, Error **errp)
{
    PL011State *s = PL011(dev);

    qemu_chr_fe_set_handlers(&s->chr, pl011_can_receive, pl011_receive,
                             pl011_event, NULL, s, NULL, true);
}

static void pl011_class_init(ObjectClass *klass, const void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);

    dc->realize = pl011_realize;
    dc->vmsd = &vmstate_pl011;
    RESETTABLE_CLASS(klass)->phases.hold = pl011_reset_hold;
    device_class_set_props(dc, pl011_properties);
}

DeviceState *pl011_create(hwaddr addr, qemu_irq irq, Chardev *chr)
{
    DeviceState *dev = qdev_new(TYPE_PL011);
    SysBusDevice *sbd = SYS_BUS_DEVICE(dev);

    qdev_prop_set_chr(dev, "chardev", chr);
    sysbus_realize_and_unref(sbd, &error_fatal);
    sysbus_mmio_map(sbd, 0, addr);
    sysbus_connect_irq(sbd, 0, irq);
    return dev;
}

static const TypeInfo pl011_types[] = {
    {
        .name = TYPE_PL011,
        .parent = TYPE_SYS_BUS_DEVICE,
        .instance_size = sizeof(PL011State),
        .instance_init = pl011_init,
        .instance_finalize = pl011_finalize,
        .class_init = pl011_class_init,
    },
    {
        .name = TYPE_PL011_LUMINARY,
        .parent = TYPE_PL011,
        .instance_init = pl011_luminary_init,
    },
};
DEFINE_TYPES(pl011_types)
