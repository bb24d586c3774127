/*
 * IA-PC High Precision Event Timer: what boards and firmware tables see.
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#ifndef HW_TIMER_HPET_H
#define HW_TIMER_HPET_H

#include "qom/object.h"

#define TYPE_HPET "hpet"

#define HPET_BASE 0xfed00000
#define HPET_LEN 0x400
#define HPET_NUM_IRQ_ROUTES 32
#define HPET_MIN_TIMERS 3
#define HPET_MAX_TIMERS 32
#define HPET_MAX_INSTANCES 8

/* The interrupt route capability mask property, set by the board. */
#define HPET_INTCAP "hpet-intcap"

/* GPIO inputs: the outputs LegacyReplacement routing takes over. */
#define HPET_LEGACY_PIT_INT 0
#define HPET_LEGACY_RTC_INT 1

/*
 * The firmware's view of one HPET block (the ACPI HPET table fields),
 * published by the PC board as fw_cfg item FW_CFG_HPET.  Little endian.
 */
struct hpet_fw_entry {
    uint32_t event_timer_block_id;
    uint64_t address;
    uint16_t min_tick;
    uint8_t page_prot;
} QEMU_PACKED;

struct hpet_fw_config {
    uint8_t count;              /* realized HPETs; 0xff before the first */
    struct hpet_fw_entry hpet[HPET_MAX_INSTANCES];
} QEMU_PACKED;

/* Filled in by every HPET at realize and reset. */
extern struct hpet_fw_config hpet_fw_cfg;

/**
 * hpet_find: the HPET of the machine.
 *
 * Returns the only object of type TYPE_HPET, or NULL when there is
 * none (or more than one).
 */
static inline Object *hpet_find(void)
{
    return object_resolve_path_type("", TYPE_HPET, NULL);
}

#endif
