/*
 * Intel 8254 programmable interval timer, as on the PC.
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#ifndef HW_TIMER_I8254_H
#define HW_TIMER_I8254_H

#include "qapi/error.h"
#include "hw/core/qdev-properties.h"
#include "hw/isa/isa.h"

#define PIT_FREQ 1193182

#define TYPE_PIT_COMMON "pit-common"
#define TYPE_I8254 "isa-pit"

/* What the PC speaker logic needs to know about a channel. */
typedef struct PITChannelInfo {
    int gate;
    int mode;
    int initial_count;
    int out;
} PITChannelInfo;

/**
 * i8254_pit_init: create and realize the PIT on the PC.
 * @bus: the ISA bus.
 * @base: first of its four I/O ports (0x40).
 * @isa_irq: ISA line for channel 0's output, or negative to use @alt_irq.
 * @alt_irq: where channel 0's output goes when @isa_irq is negative.
 *
 * Exits on failure.  Returns the new device.
 */
static inline ISADevice *i8254_pit_init(ISABus *bus, int base, int isa_irq,
                                        qemu_irq alt_irq)
{
    ISADevice *d = isa_new(TYPE_I8254);
    DeviceState *dev = DEVICE(d);

    qdev_prop_set_uint32(dev, "iobase", base);
    isa_realize_and_unref(d, bus, &error_fatal);
    qdev_connect_gpio_out(dev, 0,
                          isa_irq >= 0 ? isa_get_irq(d, isa_irq) : alt_irq);
    return d;
}

/**
 * pit_set_gate: drive the GATE input of a channel.
 * @dev: the PIT.
 * @channel: 0 to 2 (on the PC only channel 2's gate is not tied high).
 * @val: the level.
 */
void pit_set_gate(ISADevice *dev, int channel, int val);

/**
 * pit_get_channel_info: the state of a channel as of now.
 * @dev: the PIT.
 * @channel: 0 to 2.
 * @info: filled with gate, mode, initial count and OUT level.
 */
void pit_get_channel_info(ISADevice *dev, int channel, PITChannelInfo *info);

#endif
