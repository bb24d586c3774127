/*
 * Clock inputs and outputs of devices.
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#ifndef HW_CORE_QDEV_CLOCK_H
#define HW_CORE_QDEV_CLOCK_H

#include "hw/core/clock.h"

Clock *qdev_init_clock_in(DeviceState *dev, const char *name,
                          ClockCallback *callback, void *opaque,
                          unsigned int events);
Clock *qdev_init_clock_out(DeviceState *dev, const char *name);
Clock *qdev_get_clock_in(DeviceState *dev, const char *name);
Clock *qdev_get_clock_out(DeviceState *dev, const char *name);
void qdev_connect_clock_in(DeviceState *dev, const char *name,
                           Clock *source);
Clock *qdev_alias_clock(DeviceState *dev, const char *name,
                        DeviceState *alias_dev, const char *alias_name);
/** qdev_finalize_clocklist: release the clocks of @dev (finalize). */
void qdev_finalize_clocklist(DeviceState *dev);

#endif
