/*
 * Clocks and timers.
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * Each clock keeps its armed timers in one list sorted by expiry; timers
 * with equal expiry stay in the order they were armed, which is the
 * order they fire in.  QEMU_CLOCK_VIRTUAL_RT shares the list and the
 * time of QEMU_CLOCK_VIRTUAL.
 *
 * One mutex guards the lists and the virtual clock state.  It is never
 * held while a callback runs, so callbacks may arm or delete any timer,
 * themselves included, and may free their own timer.
 */
#include "qemu/osdep.h"
#include "qemu/timer.h"

/* How far the host clock may jump before we call it a discontinuity. */
#define MAX_CLOCK_JUMP_NS (60 * NANOSECONDS_PER_SECOND)

typedef struct TimerClock {
    QEMUTimer *active;
    bool enabled;
} TimerClock;

static GMutex timer_lock;
static TimerClock timer_clocks[QEMU_CLOCK_MAX] = {
    [0 ... QEMU_CLOCK_MAX - 1] = { .enabled = true },
};

/*
 * The virtual clock.  Driven: virtual_counter is the time.  Otherwise,
 * while enabled it is get_clock() + virtual_offset and while disabled it
 * stands at virtual_frozen.  It reads 0 when first used.
 */
static bool virtual_driven;
static bool virtual_started;
static int64_t virtual_counter;
static int64_t virtual_offset;
static int64_t virtual_frozen;

void (*qemu_timers_changed_hook)(QEMUClockType type);

int64_t get_clock(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * NANOSECONDS_PER_SECOND + ts.tv_nsec;
}

int64_t get_clock_realtime(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_REALTIME, &ts);
    return ts.tv_sec * NANOSECONDS_PER_SECOND + ts.tv_nsec;
}

int64_t get_max_clock_jump(void)
{
    return MAX_CLOCK_JUMP_NS;
}

static QEMUClockType clock_index(QEMUClockType type)
{
    assert(type < QEMU_CLOCK_MAX);
    return type == QEMU_CLOCK_VIRTUAL_RT ? QEMU_CLOCK_VIRTUAL : type;
}

static void virtual_start_locked(void)
{
    if (!virtual_started) {
        virtual_started = true;
        virtual_offset = -get_clock();
    }
}

static int64_t virtual_now_locked(void)
{
    virtual_start_locked();
    if (virtual_driven) {
        return virtual_counter;
    }
    if (timer_clocks[QEMU_CLOCK_VIRTUAL].enabled) {
        return get_clock() + virtual_offset;
    }
    return virtual_frozen;
}

static int64_t clock_now_locked(QEMUClockType idx)
{
    switch (idx) {
    case QEMU_CLOCK_REALTIME:
        return get_clock();
    case QEMU_CLOCK_HOST:
        return get_clock_realtime();
    default:
        return virtual_now_locked();
    }
}

int64_t qemu_clock_get_ns(QEMUClockType type)
{
    QEMUClockType idx = clock_index(type);
    int64_t now;

    if (idx != QEMU_CLOCK_VIRTUAL) {
        return clock_now_locked(idx);
    }
    g_mutex_lock(&timer_lock);
    now = virtual_now_locked();
    g_mutex_unlock(&timer_lock);
    return now;
}

int64_t cpu_get_clock(void)
{
    return qemu_clock_get_ns(QEMU_CLOCK_VIRTUAL);
}

void timer_init_full(QEMUTimer *ts, QEMUClockType type, int scale,
                     int attributes, QEMUTimerCB *cb, void *opaque)
{
    assert(type < QEMU_CLOCK_MAX && scale > 0);
    ts->expire_time = -1;
    ts->type = type;
    ts->cb = cb;
    ts->opaque = opaque;
    ts->next = NULL;
    ts->scale = scale;
    ts->attributes = attributes;
}

QEMUTimer *timer_new_full(QEMUClockType type, int scale, int attributes,
                          QEMUTimerCB *cb, void *opaque)
{
    QEMUTimer *ts = g_new0(QEMUTimer, 1);

    timer_init_full(ts, type, scale, attributes, cb, opaque);
    return ts;
}

static int64_t list_deadline_locked(QEMUClockType idx)
{
    QEMUTimer *head = timer_clocks[idx].active;

    return head ? head->expire_time : -1;
}

static void timer_unlink_locked(QEMUTimer *ts)
{
    QEMUTimer **link;

    for (link = &timer_clocks[clock_index(ts->type)].active; *link;
         link = &(*link)->next) {
        if (*link == ts) {
            *link = ts->next;
            break;
        }
    }
    ts->next = NULL;
    __atomic_store_n(&ts->expire_time, -1, __ATOMIC_RELAXED);
}

/* Arm after every timer that expires no later, so ties fire in order. */
static void timer_insert_locked(QEMUTimer *ts, int64_t expire_time)
{
    QEMUTimer **link = &timer_clocks[clock_index(ts->type)].active;

    while (*link && (*link)->expire_time <= expire_time) {
        link = &(*link)->next;
    }
    ts->next = *link;
    *link = ts;
    __atomic_store_n(&ts->expire_time, expire_time, __ATOMIC_RELAXED);
}

static void timers_changed(QEMUClockType idx)
{
    void (*hook)(QEMUClockType) = qemu_timers_changed_hook;

    if (hook) {
        hook(idx);
    }
}

/*
 * Arm @ts at @expire_time ns (a negative time means 0), unless
 * @anticipate and it is already armed no later than that.
 */
static void timer_mod_common(QEMUTimer *ts, int64_t expire_time,
                             bool anticipate)
{
    QEMUClockType idx = clock_index(ts->type);
    int64_t before, after;

    expire_time = MAX(expire_time, 0);
    g_mutex_lock(&timer_lock);
    if (anticipate && ts->expire_time >= 0 &&
        ts->expire_time <= expire_time) {
        g_mutex_unlock(&timer_lock);
        return;
    }
    before = list_deadline_locked(idx);
    if (ts->expire_time >= 0) {
        timer_unlink_locked(ts);
    }
    timer_insert_locked(ts, expire_time);
    after = list_deadline_locked(idx);
    g_mutex_unlock(&timer_lock);

    if (before != after) {
        timers_changed(idx);
    }
}

void timer_mod_ns(QEMUTimer *ts, int64_t expire_time)
{
    timer_mod_common(ts, expire_time, false);
}

void timer_mod_anticipate_ns(QEMUTimer *ts, int64_t expire_time)
{
    timer_mod_common(ts, expire_time, true);
}

/* @expire_time in the timer's scale, in ns, saturating. */
static int64_t timer_scaled_to_ns(QEMUTimer *ts, int64_t expire_time)
{
    if (expire_time > INT64_MAX / ts->scale) {
        return INT64_MAX;
    }
    if (expire_time < 0) {
        return 0;
    }
    return expire_time * ts->scale;
}

void timer_mod(QEMUTimer *ts, int64_t expire_time)
{
    timer_mod_ns(ts, timer_scaled_to_ns(ts, expire_time));
}

void timer_mod_anticipate(QEMUTimer *ts, int64_t expire_time)
{
    timer_mod_anticipate_ns(ts, timer_scaled_to_ns(ts, expire_time));
}

void timer_del(QEMUTimer *ts)
{
    QEMUClockType idx = clock_index(ts->type);
    int64_t before, after;

    g_mutex_lock(&timer_lock);
    if (ts->expire_time < 0) {
        g_mutex_unlock(&timer_lock);
        return;
    }
    before = list_deadline_locked(idx);
    timer_unlink_locked(ts);
    after = list_deadline_locked(idx);
    g_mutex_unlock(&timer_lock);

    if (before != after) {
        timers_changed(idx);
    }
}

void timer_deinit(QEMUTimer *ts)
{
    timer_del(ts);
}

void timer_free(QEMUTimer *ts)
{
    if (ts) {
        timer_del(ts);
        g_free(ts);
    }
}

bool timer_pending(QEMUTimer *ts)
{
    return __atomic_load_n(&ts->expire_time, __ATOMIC_RELAXED) >= 0;
}

int64_t timer_expire_time_ns(QEMUTimer *ts)
{
    return __atomic_load_n(&ts->expire_time, __ATOMIC_RELAXED);
}

bool timer_expired(QEMUTimer *timer_head, int64_t current_time)
{
    int64_t expire = timer_expire_time_ns(timer_head);

    return expire >= 0 &&
           expire <= timer_scaled_to_ns(timer_head, current_time);
}

/* As VMSTATE_TIMER stores it: expiry in ns, all ones when idle. */
uint64_t timer_get(QEMUTimer *ts)
{
    return (uint64_t)timer_expire_time_ns(ts);
}

int64_t qemu_clock_next_deadline(QEMUClockType type)
{
    QEMUClockType idx = clock_index(type);
    int64_t deadline = -1;

    g_mutex_lock(&timer_lock);
    if (timer_clocks[idx].enabled) {
        deadline = list_deadline_locked(idx);
    }
    g_mutex_unlock(&timer_lock);
    return deadline;
}

int64_t qemu_clock_deadline_ns_all(QEMUClockType type)
{
    QEMUClockType idx = clock_index(type);
    int64_t deadline = -1;

    g_mutex_lock(&timer_lock);
    if (timer_clocks[idx].enabled && timer_clocks[idx].active) {
        deadline = MAX(list_deadline_locked(idx) - clock_now_locked(idx),
                       0);
    }
    g_mutex_unlock(&timer_lock);
    return deadline;
}

bool qemu_clock_run_timers(QEMUClockType type)
{
    QEMUClockType idx = clock_index(type);
    bool progress = false;
    int64_t now;

    g_mutex_lock(&timer_lock);
    if (!timer_clocks[idx].enabled) {
        g_mutex_unlock(&timer_lock);
        return false;
    }
    now = clock_now_locked(idx);
    g_mutex_unlock(&timer_lock);

    /*
     * Take one due timer at a time: a callback may change the list in
     * any way.  @now stays fixed, so a timer re-armed for the future
     * waits for a later run.
     */
    for (;;) {
        QEMUTimer *ts;
        QEMUTimerCB *cb;
        void *opaque;

        g_mutex_lock(&timer_lock);
        ts = timer_clocks[idx].active;
        if (!ts || ts->expire_time > now) {
            g_mutex_unlock(&timer_lock);
            break;
        }
        timer_unlink_locked(ts);
        cb = ts->cb;
        opaque = ts->opaque;
        g_mutex_unlock(&timer_lock);

        cb(opaque);
        progress = true;
    }
    return progress;
}

bool qemu_clock_run_all_timers(void)
{
    bool progress = false;

    progress |= qemu_clock_run_timers(QEMU_CLOCK_REALTIME);
    progress |= qemu_clock_run_timers(QEMU_CLOCK_VIRTUAL);
    progress |= qemu_clock_run_timers(QEMU_CLOCK_HOST);
    return progress;
}

void qemu_clock_enable(QEMUClockType type, bool enabled)
{
    QEMUClockType idx = clock_index(type);
    bool changed;

    g_mutex_lock(&timer_lock);
    changed = timer_clocks[idx].enabled != enabled;
    if (changed && idx == QEMU_CLOCK_VIRTUAL && !virtual_driven) {
        virtual_start_locked();
        if (enabled) {
            virtual_offset = virtual_frozen - get_clock();
        } else {
            virtual_frozen = get_clock() + virtual_offset;
        }
    }
    timer_clocks[idx].enabled = enabled;
    g_mutex_unlock(&timer_lock);

    if (changed && enabled) {
        timers_changed(idx);
    }
}

bool qemu_clock_is_enabled(QEMUClockType type)
{
    QEMUClockType idx = clock_index(type);
    bool enabled;

    g_mutex_lock(&timer_lock);
    enabled = timer_clocks[idx].enabled;
    g_mutex_unlock(&timer_lock);
    return enabled;
}

void qemu_clock_set_virtual_driven(bool driven)
{
    g_mutex_lock(&timer_lock);
    virtual_start_locked();
    if (driven && !virtual_driven) {
        virtual_counter = 0;
    } else if (!driven && virtual_driven) {
        /* Carry on from the counter, running or frozen. */
        virtual_offset = virtual_counter - get_clock();
        virtual_frozen = virtual_counter;
    }
    virtual_driven = driven;
    g_mutex_unlock(&timer_lock);
}

bool qemu_clock_virtual_is_driven(void)
{
    bool driven;

    g_mutex_lock(&timer_lock);
    driven = virtual_driven;
    g_mutex_unlock(&timer_lock);
    return driven;
}

int64_t qemu_clock_advance_virtual(int64_t dest)
{
    TimerClock *vc = &timer_clocks[QEMU_CLOCK_VIRTUAL];
    int64_t now;

    for (;;) {
        g_mutex_lock(&timer_lock);
        if (!virtual_driven) {
            now = virtual_now_locked();
            g_mutex_unlock(&timer_lock);
            return now;
        }
        if (!vc->enabled || !vc->active || vc->active->expire_time > dest) {
            break;
        }
        /* Stop at the deadline so its callbacks see their exact time. */
        virtual_counter = MAX(virtual_counter, vc->active->expire_time);
        g_mutex_unlock(&timer_lock);
        qemu_clock_run_timers(QEMU_CLOCK_VIRTUAL);
    }
    virtual_counter = MAX(virtual_counter, dest);
    now = virtual_counter;
    g_mutex_unlock(&timer_lock);
    return now;
}

int64_t qemu_clock_get_virtual_offset(void)
{
    int64_t offset;

    g_mutex_lock(&timer_lock);
    offset = virtual_now_locked() - get_clock();
    g_mutex_unlock(&timer_lock);
    return offset;
}

void qemu_clock_set_virtual_offset(int64_t offset)
{
    int64_t value;

    g_mutex_lock(&timer_lock);
    virtual_start_locked();
    value = get_clock() + offset;
    if (virtual_driven) {
        virtual_counter = value;
    } else if (timer_clocks[QEMU_CLOCK_VIRTUAL].enabled) {
        virtual_offset = offset;
    } else {
        virtual_frozen = value;
    }
    g_mutex_unlock(&timer_lock);
    timers_changed(QEMU_CLOCK_VIRTUAL);
}
