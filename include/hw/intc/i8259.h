/*
 * Intel 8259A programmable interrupt controller pair (PC master/slave).
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#ifndef HW_INTC_I8259_H
#define HW_INTC_I8259_H

#include "hw/isa/isa.h"

#define TYPE_PIC_COMMON "pic-common"
#define TYPE_I8259 "isa-i8259"

/* The master PIC, for the CPU's INTA cycle. */
extern DeviceState *isa_pic;

/**
 * i8259_init: master at 0x20 (ELCR 0x4d0, mask 0xf8) and slave at 0xa0
 * (ELCR 0x4d1, mask 0xde) on @bus; the slave's output drives master
 * input 2; the master's output drives @parent_irq.  Returns a new array
 * of 16 input lines (0-7 master, 8-15 slave) that the caller frees.
 */
qemu_irq *i8259_init(ISABus *bus, qemu_irq parent_irq);

/** pic_read_irq: acknowledge and return the vector (CPU INTA cycle). */
int pic_read_irq(DeviceState *d);
/** pic_get_output: the level of the master's INT output. */
int pic_get_output(DeviceState *d);

#endif
