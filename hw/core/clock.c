/*
 * Clock objects.
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * A clock's period is in units of 2^-32 ns (0: stopped or unconnected).
 * A clock may feed others; each child runs at the parent's period times
 * multiplier / divider.  A change made at a root with clock_propagate()
 * travels down the tree, and every clock whose period really changes
 * gets ClockPreUpdate before and ClockUpdate after the change, when its
 * callback asked for them.
 */
#include "qemu/osdep.h"
#include "hw/core/clock.h"

void clock_setup_canonical_path(Clock *clk)
{
    g_free(clk->canonical_path);
    clk->canonical_path = object_get_canonical_path(OBJECT(clk));
}

Clock *clock_new(Object *parent, const char *name)
{
    Clock *clk = CLOCK(object_new(TYPE_CLOCK));

    object_property_add_child(parent, name, OBJECT(clk));
    object_unref(OBJECT(clk));
    clock_setup_canonical_path(clk);
    return clk;
}

void clock_set_callback(Clock *clk, ClockCallback *cb, void *opaque,
                        unsigned int events)
{
    clk->callback = cb;
    clk->callback_opaque = opaque;
    clk->callback_events = events;
}

void clock_clear_callback(Clock *clk)
{
    clock_set_callback(clk, NULL, NULL, 0);
}

bool clock_set(Clock *clk, uint64_t value)
{
    if (clk->period == value) {
        return false;
    }
    clk->period = value;
    return true;
}

static uint64_t clock_child_period(const Clock *clk)
{
    return muldiv64(clk->period, clk->multiplier, clk->divider);
}

static void clock_notify(Clock *clk, ClockEvent event)
{
    if (clk->callback != NULL && (clk->callback_events & event) != 0) {
        clk->callback(clk->callback_opaque, event);
    }
}

static void clock_propagate_period(Clock *clk, bool notify)
{
    uint64_t period = clock_child_period(clk);
    GSList *l;

    for (l = clk->children; l != NULL; l = l->next) {
        Clock *child = l->data;

        if (child->period == period) {
            continue;
        }
        if (notify) {
            clock_notify(child, ClockPreUpdate);
        }
        child->period = period;
        if (notify) {
            clock_notify(child, ClockUpdate);
        }
        clock_propagate_period(child, notify);
    }
}

void clock_propagate(Clock *clk)
{
    /* Only a root may be changed; its children follow it. */
    assert(clk->source == NULL);
    clock_propagate_period(clk, true);
}

/*
 * Feed @clk from @src.  The new period is taken silently: connections
 * are made while the board is built, before anyone listens.
 */
void clock_set_source(Clock *clk, Clock *src)
{
    assert(clk->source == NULL);
    clk->source = src;
    src->children = g_slist_prepend(src->children, clk);
    clk->period = clock_child_period(src);
    clock_propagate_period(clk, false);
}

bool clock_has_source(const Clock *clk)
{
    return clk->source != NULL;
}

static void clock_disconnect(Clock *clk)
{
    if (clk->source != NULL) {
        clk->source->children = g_slist_remove(clk->source->children, clk);
        clk->source = NULL;
    }
}

/*
 * period * ticks is in 2^-32 ns; the result saturates at INT64_MAX so
 * that callers can add it to a timer deadline safely.
 */
uint64_t clock_ticks_to_ns(const Clock *clk, uint64_t ticks)
{
    unsigned __int128 ns = ((unsigned __int128)clk->period * ticks) >> 32;

    if (ns > INT64_MAX) {
        return INT64_MAX;
    }
    return ns;
}

/* How many whole ticks fit in @ns; 0 for a stopped clock. */
uint64_t clock_ns_to_ticks(const Clock *clk, uint64_t ns)
{
    unsigned __int128 ticks;

    if (clk->period == 0) {
        return 0;
    }
    ticks = ((unsigned __int128)ns << 32) / clk->period;
    if (ticks > UINT64_MAX) {
        return UINT64_MAX;
    }
    return ticks;
}

bool clock_set_mul_div(Clock *clk, uint32_t multiplier, uint32_t divider)
{
    assert(divider != 0);
    if (clk->multiplier == multiplier && clk->divider == divider) {
        return false;
    }
    clk->multiplier = multiplier;
    clk->divider = divider;
    return true;
}

/* "24 MHz", "32.8 KHz": three significant digits and an SI prefix. */
char *clock_display_freq(Clock *clk)
{
    static const char *const prefixes[] = { "", "K", "M", "G" };
    double freq = clock_get_hz(clk);
    size_t i = 0;

    while (freq >= 1000.0 && i + 1 < ARRAY_SIZE(prefixes)) {
        freq /= 1000.0;
        i++;
    }
    return g_strdup_printf("%0.3g %sHz", freq, prefixes[i]);
}

static void clock_initfn(Object *obj)
{
    Clock *clk = CLOCK(obj);

    clk->multiplier = 1;
    clk->divider = 1;
}

static void clock_finalizefn(Object *obj)
{
    Clock *clk = CLOCK(obj);

    while (clk->children != NULL) {
        clock_disconnect(clk->children->data);
    }
    clock_disconnect(clk);
    g_free(clk->canonical_path);
}

static const TypeInfo clock_types[] = {
    {
        .name              = TYPE_CLOCK,
        .parent            = TYPE_OBJECT,
        .instance_size     = sizeof(Clock),
        .instance_init     = clock_initfn,
        .instance_finalize = clock_finalizefn,
    },
};
DEFINE_TYPES(clock_types)
