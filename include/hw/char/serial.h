/*
 * 16550A UART core ("serial") and its ISA wrapper ("isa-serial").
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * The core holds the registers, FIFOs and back end of one UART; a bus
 * wrapper embeds it, sets its interrupt line, realizes it and maps
 * serial_io_ops (eight byte-wide ports) where the bus wants them.
 * Interface of the core: properties "chardev", "baudbase", "wakeup".
 */
#ifndef HW_CHAR_SERIAL_H
#define HW_CHAR_SERIAL_H

#include "hw/core/qdev.h"
#include "hw/isa/isa.h"
#include "chardev/char-fe.h"
#include "qemu/fifo8.h"
#include "qemu/timer.h"
#include "system/memory.h"

#define TYPE_SERIAL "serial"
OBJECT_DECLARE_SIMPLE_TYPE(SerialState, SERIAL)

#define TYPE_ISA_SERIAL "isa-serial"

/* Both FIFOs of the 16550A hold 16 characters. */
#define UART_FIFO_LENGTH 16

/* COM1..COM4. */
#define MAX_ISA_SERIAL_PORTS 4

struct SerialState {
    DeviceState parent_obj;

    MemoryRegion io;                /* mapped by the wrapper */
    CharFrontend chr;
    qemu_irq irq;                   /* set by the wrapper before realize */
    uint32_t baudbase;              /* property: input clock / 16 */
    bool wakeup;                    /* property */

    /* Registers, named as in the migration stream. */
    uint16_t divider;               /* DLM:DLL */
    uint8_t rbr;                    /* receive holding register (no FIFO) */
    uint8_t thr;                    /* transmit holding register (no FIFO) */
    uint8_t tsr;                    /* transmit shift register */
    uint8_t ier;
    uint8_t iir;
    uint8_t lcr;
    uint8_t mcr;
    uint8_t lsr;
    uint8_t msr;
    uint8_t scr;
    uint8_t fcr;                    /* the bits of FCR that stick */
    uint8_t fcr_vmstate;            /* fcr as the stream carries it */

    /* Interrupt sources that the registers do not show. */
    int32_t thr_ipending;           /* THRE not yet acknowledged */
    int32_t timeout_ipending;       /* character timeout indication */

    /*
     * Transmitter: tsr_retry is non-zero while the TSR holds a character
     * the back end has not taken yet (LSR.TEMT clear); watch_tag is the
     * write watch (or retry timer) that resumes it.
     */
    uint32_t tsr_retry;
    guint watch_tag;
    bool watch_is_timer;

    /* 16-byte FIFOs; recv_err keeps the LSR error bits of each RX slot. */
    Fifo8 recv_fifo;
    Fifo8 xmit_fifo;
    uint8_t recv_err[UART_FIFO_LENGTH];
    unsigned recv_fifo_itl;         /* RX trigger level: 1, 4, 8 or 14 */
    QEMUTimer *fifo_timeout_timer;  /* four character times of silence */

    /*
     * Modem status lines from the back end: poll_msl is -1 when it has
     * none (the inputs then read as asserted), 1 while IER.MSI asks for
     * polling them, 0 otherwise.
     */
    int32_t poll_msl;
    QEMUTimer *modem_status_poll;

    int64_t char_transmit_time;     /* ns per frame at the current rate */
    int last_break_enable;          /* LCR.BC as last told the back end */
};

/**
 * serial_io_ops: the eight registers as byte-wide I/O; wider accesses
 * are split into byte accesses at consecutive offsets.  Opaque: the
 * SerialState.
 */
extern const MemoryRegionOps serial_io_ops;

/**
 * vmstate_serial: the UART's migration state ("serial", version 3),
 * for wrappers to embed as a struct field.
 */
extern const VMStateDescription vmstate_serial;

/**
 * serial_hds_isa_init: create isa-serial ports @from .. @to - 1 on
 * @bus, one for each -serial back end that exists (serial_hd(i)), at
 * the standard COM addresses and IRQs.  Start-up helper: failures are
 * fatal.
 * @bus: the ISA bus
 * @from: first port index (0 is COM1)
 * @to: one past the last index, at most MAX_ISA_SERIAL_PORTS
 */
void serial_hds_isa_init(ISABus *bus, int from, int to);

#endif
