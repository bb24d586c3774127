/*
 * x86 I/O APIC (82093AA).
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * Interface: MMIO region 0 (4 KiB: IOREGSEL at 0x00, IOWIN at 0x10, EOI
 * at 0x40 for version 0x20); 24 unnamed GPIO inputs; interrupts leave as
 * MSI-style 32-bit writes to the local APIC window at 0xfee00000 through
 * address_space_memory.  Input 0 is delivered as pin 2 (ISA IRQ0 is
 * GSI 2 on the PC).
 */
#ifndef HW_INTC_IOAPIC_H
#define HW_INTC_IOAPIC_H

#define IOAPIC_NUM_PINS 24
#define IO_APIC_DEFAULT_ADDRESS 0xfec00000
#define TYPE_IOAPIC "ioapic"
#define TYPE_IOAPIC_COMMON "ioapic-common"

#endif
