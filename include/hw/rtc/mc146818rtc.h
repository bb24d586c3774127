/*
 * Motorola MC146818 real-time clock and CMOS RAM, as on the PC.
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#ifndef HW_RTC_MC146818RTC_H
#define HW_RTC_MC146818RTC_H

#include "hw/isa/isa.h"

#define TYPE_MC146818_RTC "mc146818rtc"
OBJECT_DECLARE_SIMPLE_TYPE(MC146818RtcState, MC146818_RTC)

#define RTC_ISA_IRQ 8
#define RTC_ISA_BASE 0x70

/**
 * mc146818_rtc_init: create, realize and wire the PC's RTC.
 * @bus: the ISA bus it sits on.
 * @base_year: the year the century-less year register counts from.
 * @intercept_irq: where its interrupt goes instead of ISA IRQ 8, or
 *                 NULL for IRQ 8.
 *
 * Exits on failure.  Returns the new device.
 */
MC146818RtcState *mc146818_rtc_init(ISABus *bus, int base_year,
                                    qemu_irq intercept_irq);

/**
 * mc146818rtc_set_cmos_data: store a CMOS RAM byte for the firmware.
 * @s: the RTC.
 * @addr: CMOS offset, below 128.
 * @val: the byte.
 */
void mc146818rtc_set_cmos_data(MC146818RtcState *s, int addr, int val);

/**
 * mc146818rtc_get_cmos_data: read a CMOS byte as the guest would.
 * @s: the RTC.
 * @addr: CMOS offset, below 128.
 *
 * Returns the byte (clock registers included, as of now).
 */
int mc146818rtc_get_cmos_data(MC146818RtcState *s, int addr);

#endif
