/*
 * qdev: helpers shared by the files of hw/core only.
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#ifndef HW_CORE_QDEV_INTERNAL_H
#define HW_CORE_QDEV_INTERNAL_H

#include "hw/core/qdev.h"

/**
 * qdev_find_unattached: /machine/unattached when it exists, else NULL
 * (unit tests and early start-up run without a machine).
 */
Object *qdev_find_unattached(void);

/** qbus_add_child: append @dev to the children of @bus. */
void qbus_add_child(BusState *bus, DeviceState *dev);

/** qbus_remove_child: take @dev off the children of @bus. */
void qbus_remove_child(BusState *bus, DeviceState *dev);

/** qdev_gpio_cleanup: free the GPIO lists of @dev (finalize). */
void qdev_gpio_cleanup(DeviceState *dev);

/** qdev_clock_setup_paths: record the canonical path of every clock. */
void qdev_clock_setup_paths(DeviceState *dev);

/** qdev_release_class_props: release the property fields of @dev. */
void qdev_release_class_props(DeviceState *dev);

#endif
