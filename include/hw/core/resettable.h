/*
 * Three-phase reset (enter, hold, exit) over the bus tree.
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#ifndef HW_CORE_RESETTABLE_H
#define HW_CORE_RESETTABLE_H

#include "qom/object.h"

#define TYPE_RESETTABLE_INTERFACE "resettable"

typedef struct ResettableClass ResettableClass;
DECLARE_CLASS_CHECKERS(ResettableClass, RESETTABLE,
                       TYPE_RESETTABLE_INTERFACE)

typedef enum ResetType {
    RESET_TYPE_COLD,
    RESET_TYPE_SNAPSHOT_LOAD,
    RESET_TYPE_WAKEUP,
    RESET_TYPE_S390_CPU_INITIAL,
    RESET_TYPE_S390_CPU_NORMAL,
} ResetType;

typedef void (*ResettableEnterPhase)(Object *obj, ResetType type);
typedef void (*ResettableHoldPhase)(Object *obj, ResetType type);
typedef void (*ResettableExitPhase)(Object *obj, ResetType type);

typedef struct ResettablePhases {
    ResettableEnterPhase enter;
    ResettableHoldPhase hold;
    ResettableExitPhase exit;
} ResettablePhases;

typedef struct ResettableState {
    unsigned count;
    bool hold_phase_pending;
    bool exit_phase_in_progress;
} ResettableState;

typedef ResettableState *(*ResettableGetState)(Object *obj);
typedef void (*ResettableChildCallback)(Object *obj, void *opaque,
                                        ResetType type);
typedef void (*ResettableChildForeach)(Object *obj,
                                       ResettableChildCallback cb,
                                       void *opaque, ResetType type);

struct ResettableClass {
    InterfaceClass parent_class;

    ResettablePhases phases;
    ResettableGetState get_state;
    ResettableChildForeach child_foreach;
};

/** resettable_reset: assert then release a reset of @obj and below. */
void resettable_reset(Object *obj, ResetType type);
void resettable_assert_reset(Object *obj, ResetType type);
void resettable_release_reset(Object *obj, ResetType type);
bool resettable_is_in_reset(Object *obj);
void resettable_change_parent(Object *obj, Object *newp, Object *oldp);
void resettable_class_set_parent_phases(ResettableClass *rc,
                                        ResettableEnterPhase enter,
                                        ResettableHoldPhase hold,
                                        ResettableExitPhase exit,
                                        ResettablePhases *parent_phases);

#endif
