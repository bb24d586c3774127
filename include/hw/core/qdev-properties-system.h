/*
 * qdev properties that refer to system objects (chardevs).
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#ifndef HW_CORE_QDEV_PROPERTIES_SYSTEM_H
#define HW_CORE_QDEV_PROPERTIES_SYSTEM_H

#include "hw/core/qdev-properties.h"

extern const PropertyInfo qdev_prop_chr;

/* A chardev id; setting it attaches the CharFrontend field. */
#define DEFINE_PROP_CHR(_n, _s, _f) \
    DEFINE_PROP(_n, _s, _f, qdev_prop_chr, CharFrontend)

void qdev_prop_set_chr(DeviceState *dev, const char *name, Chardev *value);

#endif
