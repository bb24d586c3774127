/*
 * ARM PrimeCell UART (PL011), after ARM DDI 0183G (r1p5).
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * Interface: MMIO region 0 (4 KiB); sysbus IRQs 0 UARTINTR (combined),
 * 1 UARTRXINTR, 2 UARTTXINTR, 3 UARTRTINTR, 4 UARTMSINTR, 5 UARTEINTR;
 * clock input "clk" (UARTCLK); properties "chardev" and "migrate-clk".
 * The state lives here because boards may embed the device.
 */
#ifndef HW_CHAR_PL011_H
#define HW_CHAR_PL011_H

#include "hw/core/sysbus.h"
#include "chardev/char-fe.h"
#include "qemu/timer.h"

#define TYPE_PL011 "pl011"
OBJECT_DECLARE_SIMPLE_TYPE(PL011State, PL011)

/* Same device with the Luminary Micro (Stellaris) identification. */
#define TYPE_PL011_LUMINARY "pl011_luminary"

/* Both FIFOs hold 16 entries, as on PL011 revisions before r1p5. */
#define PL011_FIFO_DEPTH 16

/* The sysbus interrupt outputs, in the order boards connect them. */
enum {
    PL011_IRQ_COMBINED,
    PL011_IRQ_RX,
    PL011_IRQ_TX,
    PL011_IRQ_RT,
    PL011_IRQ_MS,
    PL011_IRQ_E,
    PL011_NUM_IRQS,
};

struct PL011State {
    SysBusDevice parent_obj;

    MemoryRegion iomem;
    CharFrontend chr;
    qemu_irq irq[PL011_NUM_IRQS];
    Clock *clk;
    bool migrate_clk;                   /* property */
    const uint8_t *id;                  /* the eight ID register bytes */

    /* Registers, named as in the migration stream. */
    uint32_t flags;                     /* UARTFR */
    uint32_t lcr;                       /* UARTLCR_H */
    uint32_t rsr;                       /* UARTRSR */
    uint32_t cr;                        /* UARTCR */
    uint32_t dmacr;                     /* UARTDMACR */
    uint32_t int_enabled;               /* UARTIMSC */
    uint32_t int_level;                 /* UARTRIS */
    uint32_t ilpr;                      /* UARTILPR */
    uint32_t ibrd;                      /* UARTIBRD */
    uint32_t fbrd;                      /* UARTFBRD */
    uint32_t ifl;                       /* UARTIFLS */

    /*
     * Receive FIFO: data in bits 7:0, FE/PE/BE/OE in bits 11:8.
     * read_trigger is QEMU's fixed RX level of 1, kept for the stream;
     * the level used here comes from UARTIFLS.
     */
    uint32_t read_fifo[PL011_FIFO_DEPTH];
    int32_t read_pos;
    int32_t read_count;
    int32_t read_trigger;
    QEMUTimer rx_timeout;               /* 32 bit periods after a char */

    /* Transmit FIFO: what the back end has not taken yet. */
    uint8_t tx_fifo[PL011_FIFO_DEPTH];
    uint32_t tx_pos;
    uint32_t tx_count;
    guint tx_watch;                     /* back end write watch, or 0 */

    bool disabled_logged;               /* "disabled UART" said once */
};

/**
 * pl011_create: create and realize a "pl011", map it and wire IRQ 0.
 * @addr: guest physical address of the register block
 * @irq: where the combined interrupt goes (may be NULL)
 * @chr: character back end, or NULL for none
 *
 * Start-up helper for boards: any failure is fatal.  Returns the device.
 */
DeviceState *pl011_create(hwaddr addr, qemu_irq irq, Chardev *chr);

#endif
