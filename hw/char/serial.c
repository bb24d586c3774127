/*
 * 16550A UART, after the National Semiconductor PC16550D datasheet
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * Guests written against QEMU's "serial" see the same registers, reset
 * values, interrupt priorities and migration stream.  Where QEMU's model
 * drops characters or contradicts the datasheet, this one follows the
 * datasheet (the list is in docs/system/devices/serial.rst): the
 * transmitter queues characters while the back end is busy instead of
 * dropping them, a full TX FIFO drops the newest character, the error
 * bits of the LSR stay until the LSR is read and follow the character
 * at the top of the RX FIFO, LSR bit 7 reports errors in the FIFO, the
 * receiver does not listen to the back end in loopback, and loopback
 * sets the MSR delta bits.
 *
 * Characters move at once: the baud rate only sets the length of the
 * character timeout (four frames) and is passed to the back end.
 * Not modelled: parity and framing errors (back ends deliver neither),
 * MCR.OUT2 gating the interrupt line, DMA mode (FCR bit 3 is stored),
 * the "wakeup" property (nothing suspends the machine yet).
 * Interface: serial_io_ops over eight byte registers; the wrapper sets
 * the "irq" line; properties "chardev", "baudbase", "wakeup".
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "qemu/host-utils.h"
#include "qemu/log.h"
#include "qemu/timer.h"
#include "hw/core/irq.h"
#include "hw/core/qdev-properties.h"
#include "hw/core/qdev-properties-system.h"
#include "hw/core/registerfields.h"
#include "hw/core/resettable.h"
#include "chardev/char-fe.h"
#include "chardev/char-serial.h"
#include "migration/vmstate.h"
#include "system/reset.h"
#include "hw/char/serial.h"
#include "trace.h"

/* Register offsets; with LCR.DLAB set, 0 and 1 are the divisor latch. */
REG8(RBR, 0)                    /* read */
REG8(THR, 0)                    /* write */
REG8(DLL, 0)
REG8(IER, 1)
REG8(DLM, 1)
REG8(IIR, 2)                    /* read */
REG8(FCR, 2)                    /* write */
REG8(LCR, 3)
REG8(MCR, 4)
REG8(LSR, 5)
REG8(MSR, 6)
REG8(SCR, 7)

#define UART_IER_RDI    0x01    /* received data available, timeout */
#define UART_IER_THRI   0x02    /* THR empty */
#define UART_IER_RLSI   0x04    /* receiver line status */
#define UART_IER_MSI    0x08    /* modem status */
#define UART_IER_MASK   0x0f

#define UART_IIR_NO_INT 0x01
#define UART_IIR_ID     0x0e
#define UART_IIR_MSI    0x00
#define UART_IIR_THRI   0x02
#define UART_IIR_RDI    0x04
#define UART_IIR_RLSI   0x06
#define UART_IIR_CTI    0x0c    /* character timeout */
#define UART_IIR_FE     0xc0    /* FIFOs enabled */

#define UART_FCR_FE     0x01    /* FIFO enable */
#define UART_FCR_RFR    0x02    /* RX FIFO reset (self-clearing) */
#define UART_FCR_XFR    0x04    /* TX FIFO reset (self-clearing) */
#define UART_FCR_DMS    0x08    /* DMA mode select */
#define UART_FCR_ITL    0xc0    /* RX trigger level */
#define UART_FCR_STICKY (UART_FCR_FE | UART_FCR_DMS | UART_FCR_ITL)

#define UART_LCR_WLS    0x03    /* word length - 5 */
#define UART_LCR_STB    0x04    /* 2 stop bits (1.5 with 5 data bits) */
#define UART_LCR_PEN    0x08    /* parity enable */
#define UART_LCR_EPS    0x10    /* even parity */
#define UART_LCR_FORMAT 0x3f    /* everything that shapes a frame */
#define UART_LCR_BC     0x40    /* break control */
#define UART_LCR_DLAB   0x80

#define UART_MCR_DTR    0x01
#define UART_MCR_RTS    0x02
#define UART_MCR_OUT1   0x04
#define UART_MCR_OUT2   0x08
#define UART_MCR_LOOP   0x10
#define UART_MCR_MASK   0x1f

#define UART_LSR_DR     0x01
#define UART_LSR_OE     0x02
#define UART_LSR_PE     0x04
#define UART_LSR_FE     0x08
#define UART_LSR_BI     0x10
#define UART_LSR_THRE   0x20
#define UART_LSR_TEMT   0x40
#define UART_LSR_FIFOE  0x80    /* an error somewhere in the RX FIFO */
#define UART_LSR_ERRORS (UART_LSR_OE | UART_LSR_PE | UART_LSR_FE | \
                         UART_LSR_BI)

#define UART_MSR_DCTS   0x01
#define UART_MSR_DDSR   0x02
#define UART_MSR_TERI   0x04    /* RI went from on to off */
#define UART_MSR_DDCD   0x08
#define UART_MSR_DELTAS 0x0f
#define UART_MSR_CTS    0x10
#define UART_MSR_DSR    0x20
#define UART_MSR_RI     0x40
#define UART_MSR_DCD    0x80
#define UART_MSR_INPUTS 0xf0

/* How often the modem lines of a back end that has them are polled. */
#define SERIAL_MSL_POLL_NS (NANOSECONDS_PER_SECOND / 100)

/* How often to retry a back end that has no write watch. */

static const char *serial_regname(hwaddr offset, bool dlab, bool is_write)
{
    static const char *const read_names[8] = {
        "RBR", "IER", "IIR", "LCR", "MCR", "LSR", "MSR", "SCR"
    };
    static const char *const write_names[8] = {
        "THR", "IER", "FCR", "LCR", "MCR", "LSR", "MSR", "SCR"
    };

    if (dlab && offset == A_DLL) {
        return "DLL";
    }
    if (dlab && offset == A_DLM) {
        return "DLM";
    }
    return is_write ? write_names[offset & 7] : read_names[offset & 7];
}

static bool serial_fifo_enabled(SerialState *s)
{
    return s->fcr & UART_FCR_FE;
}

static bool serial_loopback(SerialState *s)
{
    return s->mcr & UART_MCR_LOOP;
}

/*
 * The highest-priority pending interrupt, as IIR bits 3:0: line status,
 * then received data or character timeout, then THR empty, then modem
 * status.  IER.RDI enables the timeout indication as well.
 */
static uint8_t serial_pending_interrupt(SerialState *s)
{
    bool rx_ready;

    if ((s->ier & UART_IER_RLSI) && (s->lsr & UART_LSR_ERRORS)) {
        return UART_IIR_RLSI;
    }
    if ((s->ier & UART_IER_RDI) && s->timeout_ipending) {
        return UART_IIR_CTI;
    }
    rx_ready = serial_fifo_enabled(s) ?
               fifo8_num_used(&s->recv_fifo) >= s->recv_fifo_itl :
               (s->lsr & UART_LSR_DR);
    if ((s->ier & UART_IER_RDI) && rx_ready) {
        return UART_IIR_RDI;
    }
    if ((s->ier & UART_IER_THRI) && s->thr_ipending) {
        return UART_IIR_THRI;
    }
    if ((s->ier & UART_IER_MSI) && (s->msr & UART_MSR_DELTAS)) {
        return UART_IIR_MSI;
    }
    return UART_IIR_NO_INT;
}

static void serial_compute_iir(SerialState *s)
{
    s->iir = serial_pending_interrupt(s) |
             (serial_fifo_enabled(s) ? UART_IIR_FE : 0);
}

/* The only place that drives the interrupt line: call after any change. */
static void serial_update_irq(SerialState *s)
{
    bool level;

    serial_compute_iir(s);
    level = (s->iir & UART_IIR_NO_INT) == 0;
    trace_serial_irq(level, s->iir);
    qemu_set_irq(s->irq, level);
}

/* Start bit, data bits, parity bit, stop bits (1.5 counts as 2). */
static int serial_frame_bits(uint8_t lcr)
{
    return 1 + (lcr & UART_LCR_WLS) + 5 + !!(lcr & UART_LCR_PEN) +
           ((lcr & UART_LCR_STB) ? 2 : 1);
}

static int64_t serial_frame_ns(SerialState *s)
{
    return muldiv64((uint64_t)serial_frame_bits(s->lcr) * s->divider,
                    NANOSECONDS_PER_SECOND, s->baudbase);
}

/*
 * Recompute the frame time from the divisor and LCR and tell the back
 * end.  A divisor of zero, or one slower than a baud, is not a rate: the
 * previous parameters stay.
 */
static void serial_update_parameters(SerialState *s)
{
    QEMUSerialSetParams ssp;

    if (s->divider == 0 || s->divider > s->baudbase) {
        return;
    }
    ssp.speed = s->baudbase / s->divider;
    ssp.data_bits = (s->lcr & UART_LCR_WLS) + 5;
    ssp.stop_bits = (s->lcr & UART_LCR_STB) ? 2 : 1;
    if (!(s->lcr & UART_LCR_PEN)) {
        ssp.parity = 'N';
    } else {
        ssp.parity = (s->lcr & UART_LCR_EPS) ? 'E' : 'O';
    }
    s->char_transmit_time = serial_frame_ns(s);
    qemu_chr_fe_ioctl(&s->chr, CHR_IOCTL_SERIAL_SET_PARAMS, &ssp);
    trace_serial_update_parameters(ssp.speed, ssp.parity, ssp.data_bits,
                                   ssp.stop_bits);
}

/* Receiver */

/* Four character times without a character or a read: the timeout. */
static void serial_rx_timeout_restart(SerialState *s)
{
    int64_t now = qemu_clock_get_ns(QEMU_CLOCK_VIRTUAL);

    timer_mod(s->fifo_timeout_timer, now + 4 * s->char_transmit_time);
}

static void serial_rx_timeout_expired(void *opaque)
{
    SerialState *s = opaque;

    if (fifo8_is_empty(&s->recv_fifo)) {
        return;
    }
    trace_serial_rx_timeout(fifo8_num_used(&s->recv_fifo));
    s->timeout_ipending = 1;
    serial_update_irq(s);
}

/* Whether any character in the RX FIFO carries an error. */
static bool serial_rx_fifo_has_errors(SerialState *s)
{
    uint32_t i;

    for (i = 0; i < fifo8_num_used(&s->recv_fifo); i++) {
        if (s->recv_err[(s->recv_fifo.head + i) % UART_FIFO_LENGTH]) {
            return true;
        }
    }
    return false;
}

/* The character at the top of the FIFO shows its errors in the LSR. */
static void serial_rx_latch_top_errors(SerialState *s)
{
    if (!fifo8_is_empty(&s->recv_fifo)) {
        s->lsr |= s->recv_err[s->recv_fifo.head];
    }
}

/*
 * A character (with the LSR error bits @err it arrived with) reaches
 * the receiver.  A full FIFO, or a full RBR without FIFOs, reports an
 * overrun; a full FIFO keeps its contents and loses the new character.
 * The caller updates the interrupt.
 */
static void serial_rx_put(SerialState *s, uint8_t ch, uint8_t err)
{
    uint32_t slot;

    if (!serial_fifo_enabled(s)) {
        if (s->lsr & UART_LSR_DR) {
            trace_serial_rx_overrun(ch);
            s->lsr |= UART_LSR_OE;
        }
        s->rbr = ch;
        s->lsr |= UART_LSR_DR | err;
        return;
    }
    serial_rx_timeout_restart(s);
    if (fifo8_is_full(&s->recv_fifo)) {
        trace_serial_rx_overrun(ch);
        s->lsr |= UART_LSR_OE;
        return;
    }
    slot = (s->recv_fifo.head + fifo8_num_used(&s->recv_fifo)) %
           UART_FIFO_LENGTH;
    s->recv_err[slot] = err;
    fifo8_push(&s->recv_fifo, ch);
    if (err) {
        s->lsr |= UART_LSR_FIFOE;
    }
    if (fifo8_num_used(&s->recv_fifo) == 1) {
        serial_rx_latch_top_errors(s);
    }
    s->lsr |= UART_LSR_DR;
}

/* FCR.RFR: the receiver forgets what it holds. */
static void serial_rx_reset(SerialState *s)
{
    trace_serial_rx_flush(fifo8_num_used(&s->recv_fifo));
    fifo8_reset(&s->recv_fifo);
    memset(s->recv_err, 0, sizeof(s->recv_err));
    s->lsr &= ~(UART_LSR_DR | UART_LSR_BI | UART_LSR_FIFOE);
    s->timeout_ipending = 0;
    timer_del(s->fifo_timeout_timer);
}

static uint8_t serial_read_rbr(SerialState *s)
{
    uint8_t ch = 0;

    if (!serial_fifo_enabled(s)) {
        ch = s->rbr;
        s->lsr &= ~UART_LSR_DR;
    } else if (!fifo8_is_empty(&s->recv_fifo)) {
        s->recv_err[s->recv_fifo.head] = 0;
        ch = fifo8_pop(&s->recv_fifo);
        if (fifo8_is_empty(&s->recv_fifo)) {
            s->lsr &= ~UART_LSR_DR;
            timer_del(s->fifo_timeout_timer);
        } else {
            serial_rx_latch_top_errors(s);
            serial_rx_timeout_restart(s);
        }
    }
    s->timeout_ipending = 0;
    serial_update_irq(s);
    if (!serial_loopback(s)) {
        qemu_chr_fe_accept_input(&s->chr);
    }
    return ch;
}

/* Reading the LSR clears its error bits and the line status interrupt. */
static uint8_t serial_read_lsr(SerialState *s)
{
    uint8_t val = s->lsr;

    if (val & (UART_LSR_ERRORS | UART_LSR_FIFOE)) {
        s->lsr &= ~UART_LSR_ERRORS;
        if (!serial_rx_fifo_has_errors(s)) {
            s->lsr &= ~UART_LSR_FIFOE;
        }
        serial_update_irq(s);
    }
    return val;
}

/* Transmitter */

static gboolean serial_tx_watch_cb(void *do_not_use, GIOCondition cond,
                                   void *opaque);

/* The TSR waits for the back end; its write watch resumes us. */
static void serial_tx_wait(SerialState *s)
{
    s->tsr_retry = 1;
    if (s->watch_tag) {
        return;
    }
    trace_serial_tx_blocked(s->tsr);
    s->watch_tag = qemu_chr_fe_add_watch(&s->chr, G_IO_OUT | G_IO_HUP,
                                         serial_tx_watch_cb, s);
}

static void serial_tx_cancel_wait(SerialState *s)
{
    if (s->watch_tag) {
        g_source_remove(s->watch_tag);
        s->watch_tag = 0;
    }
}

/*
 * Move the next character from the THR or the TX FIFO into the TSR.
 * The holding side running empty sets THRE and its interrupt.
 */
static void serial_tsr_load(SerialState *s)
{
    if (serial_fifo_enabled(s)) {
        s->tsr = fifo8_pop(&s->xmit_fifo);
        if (fifo8_is_empty(&s->xmit_fifo)) {
            s->lsr |= UART_LSR_THRE;
        }
    } else {
        s->tsr = s->thr;
        s->lsr |= UART_LSR_THRE;
    }
    if (s->lsr & UART_LSR_THRE) {
        s->thr_ipending = 1;
    }
}

/*
 * Shift the TSR out: to our own receiver in loopback, else to the back
 * end.  Returns false when the back end cannot take it yet.
 */
static bool serial_tsr_send(SerialState *s)
{
    int ret;

    if (serial_loopback(s)) {
        serial_rx_put(s, s->tsr, 0);
        return true;
    }
    if (!qemu_chr_fe_backend_connected(&s->chr)) {
        return true;                    /* no back end: an unwired line */
    }
    ret = qemu_chr_fe_write(&s->chr, &s->tsr, 1);
    if (ret == 0) {
        return false;
    }
    if (ret < 0) {
        /* The back end failed for good: as on a cut line. */
        trace_serial_tx_error(s->tsr);
    }
    return true;
}

/*
 * Transmit until the holding side is empty or the back end is full.  It
 * never blocks: a character the back end refuses stays in the TSR (TEMT
 * clear) until the write watch fires.
 */
static void serial_xmit(SerialState *s)
{
    for (;;) {
        if (s->tsr_retry == 0) {
            if (s->lsr & UART_LSR_THRE) {
                s->lsr |= UART_LSR_TEMT;
                break;
            }
            serial_tsr_load(s);
        }
        if (!serial_tsr_send(s)) {
            serial_tx_wait(s);
            break;
        }
        trace_serial_tx(s->tsr);
        s->tsr_retry = 0;
    }
    serial_update_irq(s);
}

static gboolean serial_tx_watch_cb(void *do_not_use, GIOCondition cond,
                                   void *opaque)
{
    SerialState *s = opaque;

    s->watch_tag = 0;
    serial_xmit(s);
    return G_SOURCE_REMOVE;
}

/*
 * A THR write queues the character; it is lost only when the guest
 * ignores THRE: it then replaces the waiting character (no FIFOs) or
 * finds the 16-entry FIFO full.
 */
static void serial_write_thr(SerialState *s, uint8_t val)
{
    if (serial_fifo_enabled(s)) {
        if (fifo8_is_full(&s->xmit_fifo)) {
            qemu_log_mask(LOG_GUEST_ERROR,
                          "%s: TX FIFO full, char 0x%02x dropped\n",
                          __func__, val);
            trace_serial_tx_overrun(val);
            return;
        }
        fifo8_push(&s->xmit_fifo, val);
    } else {
        if (!(s->lsr & UART_LSR_THRE)) {
            qemu_log_mask(LOG_GUEST_ERROR,
                          "%s: THR not empty, char 0x%02x replaces 0x%02x\n",
                          __func__, val, s->thr);
            trace_serial_tx_overrun(s->thr);
        }
        s->thr = val;
    }
    s->lsr &= ~(UART_LSR_THRE | UART_LSR_TEMT);
    s->thr_ipending = 0;
    if (s->tsr_retry == 0) {
        serial_xmit(s);
    } else {
        serial_update_irq(s);
    }
}

/* Modem status */

/* The four modem status inputs as MSR bits 7:4 read them now. */
static uint8_t serial_msr_inputs(SerialState *s)
{
    uint8_t in = 0;
    int flags;

    if (serial_loopback(s)) {
        /* DTR drives DSR, RTS CTS, OUT1 RI and OUT2 DCD. */
        in |= (s->mcr & UART_MCR_DTR) ? UART_MSR_DSR : 0;
        in |= (s->mcr & UART_MCR_RTS) ? UART_MSR_CTS : 0;
        in |= (s->mcr & UART_MCR_OUT1) ? UART_MSR_RI : 0;
        in |= (s->mcr & UART_MCR_OUT2) ? UART_MSR_DCD : 0;
        return in;
    }
    if (s->poll_msl >= 0 &&
        qemu_chr_fe_ioctl(&s->chr, CHR_IOCTL_SERIAL_GET_TIOCM, &flags) == 0) {
        in |= (flags & CHR_TIOCM_CTS) ? UART_MSR_CTS : 0;
        in |= (flags & CHR_TIOCM_DSR) ? UART_MSR_DSR : 0;
        in |= (flags & CHR_TIOCM_RI) ? UART_MSR_RI : 0;
        in |= (flags & CHR_TIOCM_CAR) ? UART_MSR_DCD : 0;
        return in;
    }
    /* A back end without modem lines: a peer that is always ready. */
    s->poll_msl = -1;
    timer_del(s->modem_status_poll);
    return UART_MSR_DCD | UART_MSR_DSR | UART_MSR_CTS;
}

/*
 * Bring the MSR inputs up to date; each one that changed sets its delta
 * bit, except that RI reports only its trailing edge (TERI).
 */
static void serial_msr_refresh(SerialState *s)
{
    uint8_t in = serial_msr_inputs(s);
    uint8_t changed = (s->msr ^ in) & UART_MSR_INPUTS;
    uint8_t delta = changed >> 4;

    if (!changed) {
        return;
    }
    if (in & UART_MSR_RI) {
        delta &= ~UART_MSR_TERI;
    }
    s->msr = in | (s->msr & UART_MSR_DELTAS) | delta;
    trace_serial_msr(s->msr);
    serial_update_irq(s);
}

static void serial_msr_poll(void *opaque)
{
    SerialState *s = opaque;

    serial_msr_refresh(s);
    if (s->poll_msl > 0) {
        timer_mod(s->modem_status_poll,
                  qemu_clock_get_ns(QEMU_CLOCK_VIRTUAL) + SERIAL_MSL_POLL_NS);
    }
}

/* Reading the MSR clears the delta bits and the modem status interrupt. */
static uint8_t serial_read_msr(SerialState *s)
{
    uint8_t val;

    if (!serial_loopback(s) && s->poll_msl >= 0) {
        serial_msr_refresh(s);
    }
    val = s->msr;
    if (val & UART_MSR_DELTAS) {
        s->msr &= UART_MSR_INPUTS;
        serial_update_irq(s);
    }
    return val;
}

static void serial_write_mcr(SerialState *s, uint8_t val)
{
    uint8_t old = s->mcr;
    int flags;

    s->mcr = val & UART_MCR_MASK;
    if ((old ^ s->mcr) & UART_MCR_LOOP) {
        trace_serial_loopback(serial_loopback(s));
        if (serial_loopback(s)) {
            /* A character waiting for the back end now loops back. */
            if (s->watch_tag) {
                serial_tx_cancel_wait(s);
                serial_xmit(s);
            }
        } else {
            qemu_chr_fe_accept_input(&s->chr);
        }
    }
    if (!serial_loopback(s) && old != s->mcr && s->poll_msl >= 0 &&
        qemu_chr_fe_ioctl(&s->chr, CHR_IOCTL_SERIAL_GET_TIOCM, &flags) == 0) {
        flags &= ~(CHR_TIOCM_RTS | CHR_TIOCM_DTR);
        flags |= (s->mcr & UART_MCR_RTS) ? CHR_TIOCM_RTS : 0;
        flags |= (s->mcr & UART_MCR_DTR) ? CHR_TIOCM_DTR : 0;
        qemu_chr_fe_ioctl(&s->chr, CHR_IOCTL_SERIAL_SET_TIOCM, &flags);
        /* The peer may answer the new outputs within a character time. */
        timer_mod(s->modem_status_poll,
                  qemu_clock_get_ns(QEMU_CLOCK_VIRTUAL) +
                  s->char_transmit_time);
    }
    serial_msr_refresh(s);
}

static void serial_write_ier(SerialState *s, uint8_t val)
{
    uint8_t changed = (s->ier ^ val) & UART_IER_MASK;

    s->ier = val & UART_IER_MASK;
    if ((changed & UART_IER_MSI) && s->poll_msl >= 0) {
        if (s->ier & UART_IER_MSI) {
            s->poll_msl = 1;
            serial_msr_poll(s);
        } else {
            s->poll_msl = 0;
            timer_del(s->modem_status_poll);
        }
    }
    /* Enabling the THRE interrupt with THRE set raises it (as QEMU). */
    if (changed & UART_IER_THRI) {
        s->thr_ipending = (s->ier & UART_IER_THRI) &&
                          (s->lsr & UART_LSR_THRE);
    }
    serial_update_irq(s);
}

/* Line control, FIFO control */

/* The bits of FCR that persist, and what they select. */
static void serial_set_fcr(SerialState *s, uint8_t val)
{
    static const uint8_t itl[4] = { 1, 4, 8, 14 };

    s->fcr = val & UART_FCR_STICKY;
    s->recv_fifo_itl = itl[(s->fcr & UART_FCR_ITL) >> 6];
}

static void serial_write_fcr(SerialState *s, uint8_t val)
{
    /* Turning the FIFOs on or off empties both. */
    if ((val ^ s->fcr) & UART_FCR_FE) {
        val |= UART_FCR_RFR | UART_FCR_XFR;
    }
    if (val & UART_FCR_RFR) {
        serial_rx_reset(s);
    }
    if (val & UART_FCR_XFR) {
        trace_serial_tx_flush(fifo8_num_used(&s->xmit_fifo));
        fifo8_reset(&s->xmit_fifo);
        s->lsr |= UART_LSR_THRE;
        s->thr_ipending = 1;
        if (s->tsr_retry == 0) {
            s->lsr |= UART_LSR_TEMT;
        }
    }
    serial_set_fcr(s, val);
    serial_update_irq(s);
    if (val & UART_FCR_RFR) {
        qemu_chr_fe_accept_input(&s->chr);
    }
}

static void serial_write_lcr(SerialState *s, uint8_t val)
{
    uint8_t changed = s->lcr ^ val;
    int break_enable = !!(val & UART_LCR_BC);

    s->lcr = val;
    if (changed & UART_LCR_FORMAT) {
        serial_update_parameters(s);
    }
    if (break_enable != s->last_break_enable) {
        s->last_break_enable = break_enable;
        trace_serial_break_out(break_enable);
        qemu_chr_fe_ioctl(&s->chr, CHR_IOCTL_SERIAL_SET_BREAK, &break_enable);
    }
}

static void serial_write_divider(SerialState *s, uint16_t divider)
{
    if (divider != s->divider) {
        s->divider = divider;
        serial_update_parameters(s);
    }
}

/* Register access */

static uint64_t serial_ioport_read(void *opaque, hwaddr addr, unsigned size)
{
    SerialState *s = opaque;
    bool dlab = s->lcr & UART_LCR_DLAB;
    uint8_t val = 0;

    addr &= 7;
    switch (addr) {
    case A_RBR:
        val = dlab ? extract32(s->divider, 0, 8) : serial_read_rbr(s);
        break;
    case A_IER:
        val = dlab ? extract32(s->divider, 8, 8) : s->ier;
        break;
    case A_IIR:
        val = s->iir;
        /* Reading IIR acknowledges the THRE interrupt it reports. */
        if ((val & (UART_IIR_ID | UART_IIR_NO_INT)) == UART_IIR_THRI) {
            s->thr_ipending = 0;
            serial_update_irq(s);
        }
        break;
    case A_LCR:
        val = s->lcr;
        break;
    case A_MCR:
        val = s->mcr;
        break;
    case A_LSR:
        val = serial_read_lsr(s);
        break;
    case A_MSR:
        val = serial_read_msr(s);
        break;
    case A_SCR:
        val = s->scr;
        break;
    }
    trace_serial_read(addr, val, serial_regname(addr, dlab, false));
    return val;
}

static void serial_ioport_write(void *opaque, hwaddr addr, uint64_t value,
                                unsigned size)
{
    SerialState *s = opaque;
    bool dlab = s->lcr & UART_LCR_DLAB;
    uint8_t val = value;

    addr &= 7;
    trace_serial_write(addr, val, serial_regname(addr, dlab, true));
    switch (addr) {
    case A_THR:
        if (dlab) {
            serial_write_divider(s, deposit32(s->divider, 0, 8, val));
        } else {
            serial_write_thr(s, val);
        }
        break;
    case A_IER:
        if (dlab) {
            serial_write_divider(s, deposit32(s->divider, 8, 8, val));
        } else {
            serial_write_ier(s, val);
        }
        break;
    case A_FCR:
        serial_write_fcr(s, val);
        break;
    case A_LCR:
        serial_write_lcr(s, val);
        break;
    case A_MCR:
        serial_write_mcr(s, val);
        break;
    case A_LSR:
    case A_MSR:
        qemu_log_mask(LOG_GUEST_ERROR,
                      "%s: write 0x%02x to read-only register %s\n",
                      __func__, val, serial_regname(addr, dlab, true));
        break;
    case A_SCR:
        s->scr = val;
        break;
    }
}

/*
 * Byte registers at consecutive ports: a wider access reaches the next
 * registers, low port first, as on the ISA bus.
 */
const MemoryRegionOps serial_io_ops = {
    .read = serial_ioport_read,
    .write = serial_ioport_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
    .valid = { .min_access_size = 1, .max_access_size = 4,
               .unaligned = true },
    .impl = { .min_access_size = 1, .max_access_size = 1 },
};

/* Back-end callbacks */

/*
 * Offer the back end exactly the room the receiver has, so nothing is
 * lost; in loopback the receiver does not listen to it at all.
 */
static int serial_can_receive(void *opaque)
{
    SerialState *s = opaque;
    int avail;

    if (serial_loopback(s)) {
        avail = 0;
    } else if (serial_fifo_enabled(s)) {
        avail = fifo8_num_free(&s->recv_fifo);
    } else {
        avail = !(s->lsr & UART_LSR_DR);
    }
    trace_serial_can_receive(fifo8_num_used(&s->recv_fifo), avail);
    return avail;
}

static void serial_receive(void *opaque, const uint8_t *buf, int size)
{
    SerialState *s = opaque;
    int i;

    trace_serial_receive(size);
    if (serial_loopback(s)) {
        return;
    }
    for (i = 0; i < size; i++) {
        serial_rx_put(s, buf[i], 0);
    }
    serial_update_irq(s);
}

/* A break arrives as a NUL character with BI. */
static void serial_receive_break(SerialState *s)
{
    trace_serial_break_in();
    serial_rx_put(s, 0, UART_LSR_BI);
    serial_update_irq(s);
}

static void serial_event(void *opaque, QEMUChrEvent event)
{
    SerialState *s = opaque;

    trace_serial_event(event);
    if (event == CHR_EVENT_BREAK && !serial_loopback(s)) {
        serial_receive_break(s);
    }
}

/* Migration */

static int serial_pre_save(void *opaque)
{
    SerialState *s = opaque;

    s->fcr_vmstate = s->fcr;
    return 0;
}

/* What a stream without our subsections means. */
static int serial_pre_load(void *opaque)
{
    SerialState *s = opaque;

    serial_tx_cancel_wait(s);
    s->thr_ipending = -1;
    s->timeout_ipending = 0;
    s->tsr_retry = 0;
    s->poll_msl = -1;
    fifo8_reset(&s->recv_fifo);
    fifo8_reset(&s->xmit_fifo);
    timer_del(s->fifo_timeout_timer);
    timer_del(s->modem_status_poll);
    return 0;
}

/*
 * Everything a stream can make dangerous or contradictory is checked
 * before use; derived state (IIR, DR in FIFO mode, the trigger level,
 * the frame time) is recomputed.  The interrupt line is left alone: the
 * interrupt controllers restore their own inputs.
 */
static bool serial_post_load(void *opaque, int version_id, Error **errp)
{
    SerialState *s = opaque;
    uint32_t xmit_used = fifo8_num_used(&s->xmit_fifo);
    bool temt = s->lsr & UART_LSR_TEMT;
    bool thre = s->lsr & UART_LSR_THRE;
    int flags;

    if (version_id < 3) {
        s->fcr_vmstate = 0;
    }
    if (s->fcr_vmstate & ~UART_FCR_STICKY) {
        error_setg(errp, "fcr 0x%02x has bits that do not persist",
                   s->fcr_vmstate);
        return false;
    }
    if (s->ier & ~UART_IER_MASK) {
        error_setg(errp, "ier 0x%02x has reserved bits set", s->ier);
        return false;
    }
    if (s->mcr & ~UART_MCR_MASK) {
        error_setg(errp, "mcr 0x%02x has reserved bits set", s->mcr);
        return false;
    }
    if (s->thr_ipending < -1 || s->thr_ipending > 1) {
        error_setg(errp, "thr_ipending %" PRId32 " is not 0 or 1",
                   s->thr_ipending);
        return false;
    }
    if (s->timeout_ipending < 0 || s->timeout_ipending > 1) {
        error_setg(errp, "timeout_ipending %" PRId32
                   " is not 0 or 1", s->timeout_ipending);
        return false;
    }
    if (s->poll_msl < -1 || s->poll_msl > 1) {
        error_setg(errp, "poll_msl %" PRId32 " is not -1, 0 or 1",
                   s->poll_msl);
        return false;
    }
    if ((s->tsr_retry != 0) == temt) {
        error_setg(errp, "tsr_retry %" PRIu32 " contradicts "
                   "LSR.TEMT %d", s->tsr_retry, temt);
        return false;
    }
    if (temt && !thre) {
        error_setg(errp, "LSR 0x%02x: THR full with TEMT set",
                   s->lsr);
        return false;
    }
    if (!(s->fcr_vmstate & UART_FCR_FE) && xmit_used > 0) {
        error_setg(errp, "xmit_fifo holds %" PRIu32 " bytes with "
                   "the FIFOs disabled", xmit_used);
        return false;
    }
    if ((s->fcr_vmstate & UART_FCR_FE) && thre != (xmit_used == 0)) {
        error_setg(errp, "LSR.THRE %d contradicts xmit_fifo holding "
                   "%" PRIu32 " bytes", thre, xmit_used);
        return false;
    }

    serial_set_fcr(s, s->fcr_vmstate);
    if (s->thr_ipending == -1) {
        s->thr_ipending = (s->iir & (UART_IIR_ID | UART_IIR_NO_INT)) ==
                          UART_IIR_THRI;
    }
    /* The stream has no place for per-character errors. */
    memset(s->recv_err, 0, sizeof(s->recv_err));
    if (serial_fifo_enabled(s)) {
        if (fifo8_is_empty(&s->recv_fifo)) {
            s->lsr &= ~UART_LSR_DR;
            s->timeout_ipending = 0;
        } else {
            s->lsr |= UART_LSR_DR;
        }
    } else {
        /* QEMU's break leaves a NUL here even without FIFOs. */
        fifo8_reset(&s->recv_fifo);
        s->lsr &= ~UART_LSR_FIFOE;
        s->timeout_ipending = 0;
        timer_del(s->fifo_timeout_timer);
    }
    if (s->tsr_retry > 0) {
        serial_tx_wait(s);
    }
    /* Modem lines belong to this side's back end. */
    if (qemu_chr_fe_ioctl(&s->chr, CHR_IOCTL_SERIAL_GET_TIOCM, &flags) == 0) {
        s->poll_msl = (s->ier & UART_IER_MSI) ? 1 : 0;
        if (s->poll_msl && !timer_pending(s->modem_status_poll)) {
            timer_mod(s->modem_status_poll,
                      qemu_clock_get_ns(QEMU_CLOCK_VIRTUAL) +
                      SERIAL_MSL_POLL_NS);
        }
    } else {
        s->poll_msl = -1;
        timer_del(s->modem_status_poll);
    }
    s->last_break_enable = !!(s->lcr & UART_LCR_BC);
    serial_update_parameters(s);
    serial_compute_iir(s);
    return true;
}

static bool serial_thr_ipending_needed(void *opaque)
{
    SerialState *s = opaque;
    bool shown = (s->iir & (UART_IIR_ID | UART_IIR_NO_INT)) ==
                 UART_IIR_THRI;

    return s->thr_ipending != shown;
}

static const VMStateDescription vmstate_serial_thr_ipending = {
    .name = "serial/thr_ipending",
    .version_id = 1,
    .minimum_version_id = 1,
    .needed = serial_thr_ipending_needed,
    .fields = (const VMStateField[]) {
        VMSTATE_INT32(thr_ipending, SerialState),
        VMSTATE_END_OF_LIST()
    },
};

static bool serial_tsr_needed(void *opaque)
{
    SerialState *s = opaque;

    return s->tsr_retry != 0;
}

static const VMStateDescription vmstate_serial_tsr = {
    .name = "serial/tsr",
    .version_id = 1,
    .minimum_version_id = 1,
    .needed = serial_tsr_needed,
    .fields = (const VMStateField[]) {
        VMSTATE_UINT32(tsr_retry, SerialState),
        VMSTATE_UINT8(thr, SerialState),
        VMSTATE_UINT8(tsr, SerialState),
        VMSTATE_END_OF_LIST()
    },
};

static bool serial_recv_fifo_needed(void *opaque)
{
    SerialState *s = opaque;

    return !fifo8_is_empty(&s->recv_fifo);
}

static const VMStateDescription vmstate_serial_recv_fifo = {
    .name = "serial/recv_fifo",
    .version_id = 1,
    .minimum_version_id = 1,
    .needed = serial_recv_fifo_needed,
    .fields = (const VMStateField[]) {
        VMSTATE_STRUCT(recv_fifo, SerialState, 1, vmstate_fifo8, Fifo8),
        VMSTATE_END_OF_LIST()
    },
};

static bool serial_xmit_fifo_needed(void *opaque)
{
    SerialState *s = opaque;

    return !fifo8_is_empty(&s->xmit_fifo);
}

static const VMStateDescription vmstate_serial_xmit_fifo = {
    .name = "serial/xmit_fifo",
    .version_id = 1,
    .minimum_version_id = 1,
    .needed = serial_xmit_fifo_needed,
    .fields = (const VMStateField[]) {
        VMSTATE_STRUCT(xmit_fifo, SerialState, 1, vmstate_fifo8, Fifo8),
        VMSTATE_END_OF_LIST()
    },
};

static bool serial_fifo_timeout_timer_needed(void *opaque)
{
    SerialState *s = opaque;

    return timer_pending(s->fifo_timeout_timer);
}

static const VMStateDescription vmstate_serial_fifo_timeout_timer = {
    .name = "serial/fifo_timeout_timer",
    .version_id = 1,
    .minimum_version_id = 1,
    .needed = serial_fifo_timeout_timer_needed,
    .fields = (const VMStateField[]) {
        VMSTATE_TIMER_PTR(fifo_timeout_timer, SerialState),
        VMSTATE_END_OF_LIST()
    },
};

static bool serial_timeout_ipending_needed(void *opaque)
{
    SerialState *s = opaque;

    return s->timeout_ipending != 0;
}

static const VMStateDescription vmstate_serial_timeout_ipending = {
    .name = "serial/timeout_ipending",
    .version_id = 1,
    .minimum_version_id = 1,
    .needed = serial_timeout_ipending_needed,
    .fields = (const VMStateField[]) {
        VMSTATE_INT32(timeout_ipending, SerialState),
        VMSTATE_END_OF_LIST()
    },
};

static bool serial_poll_needed(void *opaque)
{
    SerialState *s = opaque;

    return s->poll_msl >= 0;
}

static const VMStateDescription vmstate_serial_poll = {
    .name = "serial/poll",
    .version_id = 1,
    .minimum_version_id = 1,
    .needed = serial_poll_needed,
    .fields = (const VMStateField[]) {
        VMSTATE_INT32(poll_msl, SerialState),
        VMSTATE_TIMER_PTR(modem_status_poll, SerialState),
        VMSTATE_END_OF_LIST()
    },
};

const VMStateDescription vmstate_serial = {
    .name = "serial",
    .version_id = 3,
    .minimum_version_id = 2,
    .pre_save = serial_pre_save,
    .pre_load = serial_pre_load,
    .post_load_errp = serial_post_load,
    .fields = (const VMStateField[]) {
        VMSTATE_UINT16_V(divider, SerialState, 2),
        VMSTATE_UINT8(rbr, SerialState),
        VMSTATE_UINT8(ier, SerialState),
        VMSTATE_UINT8(iir, SerialState),
        VMSTATE_UINT8(lcr, SerialState),
        VMSTATE_UINT8(mcr, SerialState),
        VMSTATE_UINT8(lsr, SerialState),
        VMSTATE_UINT8(msr, SerialState),
        VMSTATE_UINT8(scr, SerialState),
        VMSTATE_UINT8_V(fcr_vmstate, SerialState, 3),
        VMSTATE_END_OF_LIST()
    },
    .subsections = (const VMStateDescription * const []) {
        &vmstate_serial_thr_ipending,
        &vmstate_serial_tsr,
        &vmstate_serial_recv_fifo,
        &vmstate_serial_xmit_fifo,
        &vmstate_serial_fifo_timeout_timer,
        &vmstate_serial_timeout_ipending,
        &vmstate_serial_poll,
        NULL
    },
};

/* Reset, realize */

static void serial_reset_hold(Object *obj, ResetType type)
{
    SerialState *s = SERIAL(obj);

    serial_tx_cancel_wait(s);
    timer_del(s->fifo_timeout_timer);
    timer_del(s->modem_status_poll);
    fifo8_reset(&s->recv_fifo);
    fifo8_reset(&s->xmit_fifo);
    memset(s->recv_err, 0, sizeof(s->recv_err));
    s->rbr = 0;
    s->thr = 0;
    s->tsr = 0;
    s->ier = 0;
    s->lcr = 0;
    s->lsr = UART_LSR_TEMT | UART_LSR_THRE;
    s->msr = UART_MSR_DCD | UART_MSR_DSR | UART_MSR_CTS;
    s->divider = 12;                    /* 9600 baud, as QEMU */
    s->mcr = UART_MCR_OUT2;             /* as QEMU */
    s->scr = 0;
    s->fcr_vmstate = 0;
    serial_set_fcr(s, 0);
    s->tsr_retry = 0;
    s->thr_ipending = 0;
    s->timeout_ipending = 0;
    s->poll_msl = 0;
    if (s->last_break_enable) {
        s->last_break_enable = 0;
        qemu_chr_fe_ioctl(&s->chr, CHR_IOCTL_SERIAL_SET_BREAK,
                          &s->last_break_enable);
    }
    /* The frame time of the reset registers, without disturbing the host. */
    s->char_transmit_time = serial_frame_ns(s);
    serial_msr_refresh(s);
    s->msr &= UART_MSR_INPUTS;
    serial_update_irq(s);
    qemu_chr_fe_accept_input(&s->chr);
}

static void serial_realize(DeviceState *dev, Error **errp)
{
    SerialState *s = SERIAL(dev);

    if (s->baudbase == 0) {
        error_setg(errp, "property 'baudbase' must not be 0");
        return;
    }
    s->fifo_timeout_timer = timer_new_ns(QEMU_CLOCK_VIRTUAL,
                                         serial_rx_timeout_expired, s);
    s->modem_status_poll = timer_new_ns(QEMU_CLOCK_VIRTUAL, serial_msr_poll,
                                        s);
    fifo8_create(&s->recv_fifo, UART_FIFO_LENGTH);
    fifo8_create(&s->xmit_fifo, UART_FIFO_LENGTH);
    qemu_chr_fe_set_handlers(&s->chr, serial_can_receive, serial_receive,
                             serial_event, NULL, s, NULL, true);
    /* Not on a bus: the system reset reaches it as a root of its own. */
    qemu_register_resettable(OBJECT(s));
    serial_reset_hold(OBJECT(s), RESET_TYPE_COLD);
}

static void serial_unrealize(DeviceState *dev)
{
    SerialState *s = SERIAL(dev);

    qemu_unregister_resettable(OBJECT(s));
    qemu_chr_fe_deinit(&s->chr, false);
    serial_tx_cancel_wait(s);
    timer_free(s->fifo_timeout_timer);
    timer_free(s->modem_status_poll);
    s->fifo_timeout_timer = NULL;
    s->modem_status_poll = NULL;
    fifo8_destroy(&s->recv_fifo);
    fifo8_destroy(&s->xmit_fifo);
}

static const Property serial_properties[] = {
    DEFINE_PROP_CHR("chardev", SerialState, chr),
    DEFINE_PROP_UINT32("baudbase", SerialState, baudbase, 115200),
    DEFINE_PROP_BOOL("wakeup", SerialState, wakeup, false),
};

static void serial_class_init(ObjectClass *klass, const void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);

    /* Only inside a bus wrapper, which maps it and sets its IRQ. */
    dc->user_creatable = false;
    dc->realize = serial_realize;
    dc->unrealize = serial_unrealize;
    RESETTABLE_CLASS(klass)->phases.hold = serial_reset_hold;
    device_class_set_props(dc, serial_properties);
}

static const TypeInfo serial_types[] = {
    {
        .name = TYPE_SERIAL,
        .parent = TYPE_DEVICE,
        .instance_size = sizeof(SerialState),
        .class_init = serial_class_init,
    },
};
DEFINE_TYPES(serial_types)
