/*
 * The machine-wide sections: "timer" (the virtual clock) and
 * "globalstate" (the run state the source was in).
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * "timer" carries the virtual clock as it stood when the source stopped,
 * so that the destination continues from the same nanosecond and every
 * timer expiry loaded after it means the same instant.  "globalstate"
 * lets a source that was paused (or never started) stay so on arrival.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "qemu/timer.h"
#include "system/runstate.h"
#include "migration/vmstate.h"
#include "savevm.h"

/* "timer" */

typedef struct TimersState {
    int64_t cpu_ticks_offset;
    int64_t cpu_clock_offset;
} TimersState;

static TimersState timers_state;

/*
 * With the VM stopped both values QEMU sends are the clock itself; we
 * have no separate tick counter, so the clock stands for it.
 */
static int timers_pre_save(void *opaque)
{
    TimersState *s = opaque;
    int64_t now = qemu_clock_get_ns(QEMU_CLOCK_VIRTUAL);

    s->cpu_ticks_offset = now;
    s->cpu_clock_offset = now;
    return 0;
}

/*
 * Put the stopped virtual clock at exactly @ns.  A driven clock (qtest)
 * moves forward without running timers while disabled; otherwise the
 * clock follows the host clock from the frozen value.
 */
static void timers_set_virtual_clock(int64_t ns)
{
    qemu_clock_enable(QEMU_CLOCK_VIRTUAL, false);
    if (qemu_clock_virtual_is_driven() &&
        ns >= qemu_clock_get_ns(QEMU_CLOCK_VIRTUAL)) {
        qemu_clock_advance_virtual(ns);
    } else {
        qemu_clock_set_virtual_offset(ns - get_clock());
    }
}

static bool timers_post_load(void *opaque, int version_id, Error **errp)
{
    TimersState *s = opaque;

    if (version_id < 2) {
        /* Version 1 had no clock value: keep ours. */
        return true;
    }
    if (s->cpu_clock_offset < 0) {
        error_setg(errp, "virtual clock %" PRId64 " is negative",
                   s->cpu_clock_offset);
        return false;
    }
    timers_set_virtual_clock(s->cpu_clock_offset);
    return true;
}

static const VMStateDescription vmstate_timers = {
    .name = "timer",
    .version_id = 2,
    .minimum_version_id = 1,
    .pre_save = timers_pre_save,
    .post_load_errp = timers_post_load,
    .fields = (const VMStateField[]) {
        VMSTATE_INT64(cpu_ticks_offset, TimersState),
        VMSTATE_UNUSED(8),
        VMSTATE_INT64_V(cpu_clock_offset, TimersState, 2),
        VMSTATE_END_OF_LIST()
    },
};

/* "globalstate" */

typedef struct GlobalState {
    uint32_t size;
    uint8_t runstate[100];
    int received;               /* RunState, or -1 */
} GlobalState;

static GlobalState global_state = { .received = -1 };

void global_state_store(void)
{
    memset(global_state.runstate, 0, sizeof(global_state.runstate));
    g_strlcpy((char *)global_state.runstate, runstate_name(runstate_get()),
              sizeof(global_state.runstate));
}

int global_state_received_runstate(void)
{
    return global_state.received;
}

void global_state_reset_received(void)
{
    global_state.received = -1;
}

static int global_state_pre_save(void *opaque)
{
    GlobalState *s = opaque;

    if (s->runstate[0] == '\0') {
        global_state_store();
    }
    s->size = strnlen((char *)s->runstate, sizeof(s->runstate)) + 1;
    return 0;
}

static bool global_state_post_load(void *opaque, int version_id,
                                   Error **errp)
{
    GlobalState *s = opaque;
    const char *name = (const char *)s->runstate;
    int i;

    if (s->size > sizeof(s->runstate)) {
        error_setg(errp, "run state of %" PRIu32 " bytes does not fit %zu",
                   s->size, sizeof(s->runstate));
        return false;
    }
    s->runstate[sizeof(s->runstate) - 1] = '\0';
    for (i = 0; i < RUN_STATE__MAX; i++) {
        if (!strcmp(name, RunState_str[i])) {
            s->received = i;
            return true;
        }
    }
    error_setg(errp, "invalid run state '%s'", name);
    return false;
}

static const VMStateDescription vmstate_globalstate = {
    .name = "globalstate",
    .version_id = 1,
    .minimum_version_id = 1,
    .pre_save = global_state_pre_save,
    .post_load_errp = global_state_post_load,
    .fields = (const VMStateField[]) {
        VMSTATE_UINT32(size, GlobalState),
        VMSTATE_BUFFER(runstate, GlobalState),
        VMSTATE_END_OF_LIST()
    },
};

void timers_register_vmstate(void)
{
    vmstate_register(NULL, 0, &vmstate_timers, &timers_state);
}

void register_global_state(void)
{
    vmstate_register(NULL, 0, &vmstate_globalstate, &global_state);
}
