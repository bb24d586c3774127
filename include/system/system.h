/*
 * System-wide settings from the command line.
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#ifndef SYSTEM_SYSTEM_H
#define SYSTEM_SYSTEM_H

#include "qemu/timer.h"

#define MAX_SERIAL_PORTS 4

/** serial_hd: the back end of the i-th -serial, or NULL. */
Chardev *serial_hd(int i);
/** serial_max_hds: how many -serial back ends exist. */
int serial_max_hds(void);

/** target_name: "aarch64" or "x86_64", from the binary built. */
const char *target_name(void);

extern const char *qemu_name;   /* -name */
extern int nb_serial_hds;
extern QEMUClockType rtc_clock;

#endif
