/*
 * Clock objects: a period in units of 2^-32 ns, pushed to inputs.
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#ifndef HW_CORE_CLOCK_H
#define HW_CORE_CLOCK_H

#include "qom/object.h"

#define TYPE_CLOCK "clock"
OBJECT_DECLARE_SIMPLE_TYPE(Clock, CLOCK)

typedef void ClockCallback(void *opaque, int event);

typedef enum ClockEvent {
    ClockUpdate = 1,        /* after the period changed */
    ClockPreUpdate = 2,     /* just before it changes */
} ClockEvent;

#define CLOCK_PERIOD_1SEC (1000000000llu << 32)
#define CLOCK_PERIOD_FROM_NS(ns) ((ns) * (CLOCK_PERIOD_1SEC / 1000000000llu))
#define CLOCK_PERIOD_FROM_HZ(hz) (((hz) != 0) ? CLOCK_PERIOD_1SEC / (hz) : 0u)
#define CLOCK_PERIOD_TO_HZ(per) (((per) != 0) ? CLOCK_PERIOD_1SEC / (per) : 0u)

struct Clock {
    Object parent_obj;

    char *canonical_path;
    ClockCallback *callback;
    void *callback_opaque;
    unsigned int callback_events;
    uint64_t period;
    uint32_t multiplier;
    uint32_t divider;
    Clock *source;
    GSList *children;       /* Clock * fed by this one */
};

extern const VMStateDescription vmstate_clock;

void clock_setup_canonical_path(Clock *clk);
Clock *clock_new(Object *parent, const char *name);
void clock_set_callback(Clock *clk, ClockCallback *cb, void *opaque,
                        unsigned int events);
void clock_clear_callback(Clock *clk);
void clock_set_source(Clock *clk, Clock *src);
bool clock_has_source(const Clock *clk);
/** clock_set: returns true when the period changed. */
bool clock_set(Clock *clk, uint64_t value);
static inline bool clock_set_hz(Clock *clk, unsigned hz)
{
    return clock_set(clk, CLOCK_PERIOD_FROM_HZ(hz));
}
static inline bool clock_set_ns(Clock *clk, unsigned ns)
{
    return clock_set(clk, CLOCK_PERIOD_FROM_NS(ns));
}
void clock_propagate(Clock *clk);
static inline void clock_update(Clock *clk, uint64_t value)
{
    if (clock_set(clk, value)) {
        clock_propagate(clk);
    }
}
static inline void clock_update_hz(Clock *clk, unsigned hz)
{
    clock_update(clk, CLOCK_PERIOD_FROM_HZ(hz));
}
static inline uint64_t clock_get(const Clock *clk)
{
    return clk->period;
}
static inline unsigned clock_get_hz(Clock *clk)
{
    return CLOCK_PERIOD_TO_HZ(clock_get(clk));
}
uint64_t clock_ticks_to_ns(const Clock *clk, uint64_t ticks);
uint64_t clock_ns_to_ticks(const Clock *clk, uint64_t ns);
static inline bool clock_is_enabled(const Clock *clk)
{
    return clock_get(clk) != 0;
}
bool clock_set_mul_div(Clock *clk, uint32_t multiplier, uint32_t divider);
char *clock_display_freq(Clock *clk);

#endif
