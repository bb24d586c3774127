/*
 * Three-phase reset over the bus tree.
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * Asserting a reset runs the enter phase of every object below the one
 * reset, then the hold phase of every object; releasing it runs every
 * exit phase.  Within a phase children go before their parent.  Each
 * object counts how many resets hold it, so an object reached twice
 * (two roots, or a nested reset) acts only on the first assertion and
 * the last release.
 */
#include "qemu/osdep.h"
#include "hw/core/resettable.h"

/* Enter phases may not start another reset. */
static bool resettable_enter_running;

static ResettableState *resettable_state(Object *obj)
{
    return RESETTABLE_GET_CLASS(obj)->get_state(obj);
}

static void resettable_children(Object *obj, ResettableChildCallback cb,
                                ResetType type)
{
    ResettableClass *rc = RESETTABLE_GET_CLASS(obj);

    if (rc->child_foreach != NULL) {
        rc->child_foreach(obj, cb, NULL, type);
    }
}

static void resettable_enter(Object *obj, void *opaque, ResetType type)
{
    ResettableClass *rc = RESETTABLE_GET_CLASS(obj);
    ResettableState *s = rc->get_state(obj);
    bool first = s->count == 0;

    assert(!s->exit_phase_in_progress);
    s->count++;
    assert(s->count != 0);
    resettable_children(obj, resettable_enter, type);
    if (first) {
        s->hold_phase_pending = true;
        if (rc->phases.enter != NULL) {
            rc->phases.enter(obj, type);
        }
    }
}

static void resettable_hold(Object *obj, void *opaque, ResetType type)
{
    ResettableClass *rc = RESETTABLE_GET_CLASS(obj);
    ResettableState *s = rc->get_state(obj);

    resettable_children(obj, resettable_hold, type);
    if (s->hold_phase_pending) {
        s->hold_phase_pending = false;
        if (rc->phases.hold != NULL) {
            rc->phases.hold(obj, type);
        }
    }
}

static void resettable_exit(Object *obj, void *opaque, ResetType type)
{
    ResettableClass *rc = RESETTABLE_GET_CLASS(obj);
    ResettableState *s = rc->get_state(obj);

    resettable_children(obj, resettable_exit, type);
    assert(s->count > 0);
    s->count--;
    if (s->count == 0) {
        s->exit_phase_in_progress = true;
        if (rc->phases.exit != NULL) {
            rc->phases.exit(obj, type);
        }
        s->exit_phase_in_progress = false;
    }
}

void resettable_assert_reset(Object *obj, ResetType type)
{
    assert(!resettable_enter_running);
    resettable_enter_running = true;
    resettable_enter(obj, NULL, type);
    resettable_enter_running = false;
    resettable_hold(obj, NULL, type);
}

void resettable_release_reset(Object *obj, ResetType type)
{
    resettable_exit(obj, NULL, type);
}

void resettable_reset(Object *obj, ResetType type)
{
    resettable_assert_reset(obj, type);
    resettable_release_reset(obj, type);
}

bool resettable_is_in_reset(Object *obj)
{
    return resettable_state(obj)->count > 0;
}

/*
 * @obj moves from @oldp to @newp (either may be NULL): bring its reset
 * count in line with its new parent so that a later release from the
 * parent balances.
 */
void resettable_change_parent(Object *obj, Object *newp, Object *oldp)
{
    unsigned new_count = newp != NULL ? resettable_state(newp)->count : 0;
    unsigned old_count = oldp != NULL ? resettable_state(oldp)->count : 0;
    unsigned i;

    assert(newp == NULL || !resettable_state(newp)->exit_phase_in_progress);
    assert(oldp == NULL || !resettable_state(oldp)->exit_phase_in_progress);

    for (i = old_count; i < new_count; i++) {
        resettable_assert_reset(obj, RESET_TYPE_COLD);
    }
    if (old_count > new_count) {
        /* Leaving a reset early: do not skip the hold phase. */
        resettable_hold(obj, NULL, RESET_TYPE_COLD);
    }
    for (i = new_count; i < old_count; i++) {
        resettable_release_reset(obj, RESET_TYPE_COLD);
    }
}

void resettable_class_set_parent_phases(ResettableClass *rc,
                                        ResettableEnterPhase enter,
                                        ResettableHoldPhase hold,
                                        ResettableExitPhase exit,
                                        ResettablePhases *parent_phases)
{
    *parent_phases = rc->phases;
    if (enter != NULL) {
        rc->phases.enter = enter;
    }
    if (hold != NULL) {
        rc->phases.hold = hold;
    }
    if (exit != NULL) {
        rc->phases.exit = exit;
    }
}

static const TypeInfo resettable_types[] = {
    {
        .name       = TYPE_RESETTABLE_INTERFACE,
        .parent     = TYPE_INTERFACE,
        .class_size = sizeof(ResettableClass),
    },
};
DEFINE_TYPES(resettable_types)
