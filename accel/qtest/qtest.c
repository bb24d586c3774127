/*
 * The qtest accelerator: no guest code runs; the virtual clock belongs
 * to the qtest protocol and moves only on clock_step / clock_set.
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include "qemu/osdep.h"
#include "qemu/accel.h"
#include "qemu/timer.h"
#include "system/qtest.h"

static bool qtest_allowed;

static int qtest_init_accel(AccelState *as, MachineState *ms)
{
    qemu_clock_set_virtual_driven(true);
    qtest_set_enabled(true);
    return 0;
}

static void qtest_accel_class_init(ObjectClass *oc, const void *data)
{
    AccelClass *ac = ACCEL_CLASS(oc);

    ac->name = "qtest";
    ac->init_machine = qtest_init_accel;
    ac->allowed = &qtest_allowed;
}

static const TypeInfo qtest_accel_types[] = {
    {
        .name = ACCEL_CLASS_NAME("qtest"),
        .parent = TYPE_ACCEL,
        .class_init = qtest_accel_class_init,
    },
};
DEFINE_TYPES(qtest_accel_types)
