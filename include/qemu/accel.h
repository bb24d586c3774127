/*
 * Accelerators: who runs guest code.
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#ifndef QEMU_ACCEL_H
#define QEMU_ACCEL_H

#include "qom/object.h"

#define TYPE_ACCEL "accel"
#define ACCEL_CLASS_SUFFIX "-" TYPE_ACCEL
#define ACCEL_CLASS_NAME(a) (a ACCEL_CLASS_SUFFIX)

typedef struct AccelState {
    Object parent_obj;
} AccelState;

typedef struct AccelClass {
    ObjectClass parent_class;

    const char *name;
    /** init_machine: 0 on success, negative errno when unusable. */
    int (*init_machine)(AccelState *as, MachineState *ms);
    /** setup_post: after the board exists (start CPU threads). */
    void (*setup_post)(AccelState *as, MachineState *ms);
    bool *allowed;
} AccelClass;

DECLARE_CLASS_CHECKERS(AccelClass, ACCEL, TYPE_ACCEL)
DECLARE_INSTANCE_CHECKER(AccelState, ACCEL, TYPE_ACCEL)

AccelClass *accel_find(const char *opt_name);
AccelState *current_accel(void);
/** accel_set_current: record the accelerator that initialised. */
void accel_set_current(AccelState *accel);
const char *current_accel_name(void);
/** accel_print_help: the "-accel help" listing. */
void accel_print_help(FILE *f);
/** accel_available_names: comma-separated list of accelerators built. */
char *accel_available_names(void);

#endif
