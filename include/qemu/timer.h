/*
 * Clocks and timers.
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * QEMU_CLOCK_VIRTUAL is guest time.  Under the qtest accelerator it
 * starts at 0 and moves only when qtest says so (qemu_clock_advance);
 * with a CPU it follows the host clock while the VM runs and stands
 * still while it is stopped.  Timer callbacks run in the main loop with
 * the BQL held.
 */
#ifndef QEMU_TIMER_H
#define QEMU_TIMER_H

#define NANOSECONDS_PER_SECOND 1000000000LL
#define SCALE_MS 1000000
#define SCALE_US 1000
#define SCALE_NS 1

typedef enum {
    QEMU_CLOCK_REALTIME = 0,
    QEMU_CLOCK_VIRTUAL = 1,
    QEMU_CLOCK_HOST = 2,
    QEMU_CLOCK_VIRTUAL_RT = 3,
    QEMU_CLOCK_MAX
} QEMUClockType;

typedef void QEMUTimerCB(void *opaque);

struct QEMUTimer {
    int64_t expire_time;    /* in ns; -1 when not armed */
    QEMUClockType type;
    QEMUTimerCB *cb;
    void *opaque;
    QEMUTimer *next;
    int scale;
    int attributes;
};

/** qemu_clock_get_ns: current time of @type in ns. */
int64_t qemu_clock_get_ns(QEMUClockType type);
static inline int64_t qemu_clock_get_ms(QEMUClockType type)
{
    return qemu_clock_get_ns(type) / SCALE_MS;
}
static inline int64_t qemu_clock_get_us(QEMUClockType type)
{
    return qemu_clock_get_ns(type) / SCALE_US;
}

/** get_clock_realtime: host wall-clock time in ns. */
int64_t get_clock_realtime(void);
/** get_clock: host monotonic time in ns. */
int64_t get_clock(void);

void timer_init_full(QEMUTimer *ts, QEMUClockType type, int scale,
                     int attributes, QEMUTimerCB *cb, void *opaque);
static inline void timer_init(QEMUTimer *ts, QEMUClockType type, int scale,
                              QEMUTimerCB *cb, void *opaque)
{
    timer_init_full(ts, type, scale, 0, cb, opaque);
}
static inline void timer_init_ns(QEMUTimer *ts, QEMUClockType type,
                                 QEMUTimerCB *cb, void *opaque)
{
    timer_init(ts, type, SCALE_NS, cb, opaque);
}
static inline void timer_init_us(QEMUTimer *ts, QEMUClockType type,
                                 QEMUTimerCB *cb, void *opaque)
{
    timer_init(ts, type, SCALE_US, cb, opaque);
}
static inline void timer_init_ms(QEMUTimer *ts, QEMUClockType type,
                                 QEMUTimerCB *cb, void *opaque)
{
    timer_init(ts, type, SCALE_MS, cb, opaque);
}

QEMUTimer *timer_new_full(QEMUClockType type, int scale, int attributes,
                          QEMUTimerCB *cb, void *opaque);
static inline QEMUTimer *timer_new(QEMUClockType type, int scale,
                                   QEMUTimerCB *cb, void *opaque)
{
    return timer_new_full(type, scale, 0, cb, opaque);
}
static inline QEMUTimer *timer_new_ns(QEMUClockType type, QEMUTimerCB *cb,
                                      void *opaque)
{
    return timer_new(type, SCALE_NS, cb, opaque);
}
static inline QEMUTimer *timer_new_us(QEMUClockType type, QEMUTimerCB *cb,
                                      void *opaque)
{
    return timer_new(type, SCALE_US, cb, opaque);
}
static inline QEMUTimer *timer_new_ms(QEMUClockType type, QEMUTimerCB *cb,
                                      void *opaque)
{
    return timer_new(type, SCALE_MS, cb, opaque);
}

/** timer_deinit: disarm an embedded timer before its storage goes. */
void timer_deinit(QEMUTimer *ts);
/** timer_free: disarm and free a timer from timer_new (NULL allowed). */
void timer_free(QEMUTimer *ts);
void timer_del(QEMUTimer *ts);
/** timer_mod_ns: arm at absolute @expire_time ns (past: fire next run). */
void timer_mod_ns(QEMUTimer *ts, int64_t expire_time);
/** timer_mod: arm at @expire_time in the timer's scale. */
void timer_mod(QEMUTimer *ts, int64_t expire_time);
/** timer_mod_anticipate: arm, but never later than a pending expiry. */
void timer_mod_anticipate(QEMUTimer *ts, int64_t expire_time);
void timer_mod_anticipate_ns(QEMUTimer *ts, int64_t expire_time);
bool timer_pending(QEMUTimer *ts);
bool timer_expired(QEMUTimer *timer_head, int64_t current_time);
/** timer_expire_time_ns: expiry in ns, or -1 when idle. */
int64_t timer_expire_time_ns(QEMUTimer *ts);
uint64_t timer_get(QEMUTimer *ts);

/**
 * qemu_clock_deadline_ns_all: ns until the earliest armed timer of @type
 * expires (0 when one is due, -1 when none is armed).
 */
int64_t qemu_clock_deadline_ns_all(QEMUClockType type);
/** qemu_clock_next_deadline: absolute earliest expiry, or -1. */
int64_t qemu_clock_next_deadline(QEMUClockType type);
/** qemu_clock_run_timers: run every expired timer of @type. */
bool qemu_clock_run_timers(QEMUClockType type);
bool qemu_clock_run_all_timers(void);

/* Virtual clock control (accelerators and qtest). */
/** qemu_clock_enable: start (true) or stop the virtual clock. */
void qemu_clock_enable(QEMUClockType type, bool enabled);
bool qemu_clock_is_enabled(QEMUClockType type);
/**
 * qemu_clock_set_virtual_driven: true makes QEMU_CLOCK_VIRTUAL a counter
 * that only qemu_clock_advance_virtual moves (the qtest accelerator).
 */
void qemu_clock_set_virtual_driven(bool driven);
bool qemu_clock_virtual_is_driven(void);
/**
 * qemu_clock_advance_virtual: move the driven virtual clock to @dest,
 * stopping at each timer deadline on the way and running the timers due
 * there (so callbacks see their exact deadline).  Returns the new time.
 */
int64_t qemu_clock_advance_virtual(int64_t dest);
/** qemu_clock_set_virtual_offset: for migration (virtual = host + off). */
int64_t qemu_clock_get_virtual_offset(void);
void qemu_clock_set_virtual_offset(int64_t offset);

/** qemu_timers_notify: a timer list changed; wake the main loop. */
extern void (*qemu_timers_changed_hook)(QEMUClockType type);

int64_t cpu_get_clock(void);
int64_t get_max_clock_jump(void);

#endif
