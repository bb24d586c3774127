/*
 * Helpers of the front door shared with the monitor.
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#ifndef SYSTEM_VL_H
#define SYSTEM_VL_H

#include "qemu/option.h"

/**
 * qdev_device_add_from_opts: create, name, configure, plug and realize
 * the device that -device or device_add describes ("driver" key, "id",
 * "bus" and properties).  Returns it, or NULL with @errp set.
 */
DeviceState *qdev_device_add_from_opts(QemuOpts *opts, Error **errp);

/** qemu_main: the emulator's main(). */
int qemu_main(int argc, char **argv);

#endif
