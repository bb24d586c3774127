/*
 * Clock inputs and outputs of devices.
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * Each clock of a device is a QOM child named after it.  An input keeps
 * one extra reference until the device is finalized, so the device may
 * use it even after its children were removed.  An alias is a link
 * property on another device that names the same Clock.
 */
#include "qemu/osdep.h"
#include "qemu/error-report.h"
#include "hw/core/qdev.h"
#include "hw/core/qdev-clock.h"
#include "qdev-internal.h"

static NamedClockList *qdev_find_clocklist(DeviceState *dev,
                                           const char *name)
{
    GSList *l;

    for (l = dev->clocks; l != NULL; l = l->next) {
        NamedClockList *ncl = l->data;

        if (strcmp(ncl->name, name) == 0) {
            return ncl;
        }
    }
    return NULL;
}

/* Record @clk (NULL: a new clock is made) as clock @name of @dev. */
static NamedClockList *qdev_add_clocklist(DeviceState *dev, const char *name,
                                          bool alias, bool output,
                                          Clock *clk)
{
    NamedClockList *ncl;

    assert(qdev_find_clocklist(dev, name) == NULL);
    ncl = g_new0(NamedClockList, 1);
    ncl->name = g_strdup(name);
    ncl->output = output;
    ncl->alias = alias;
    dev->clocks = g_slist_append(dev->clocks, ncl);

    if (clk == NULL) {
        clk = CLOCK(object_new(TYPE_CLOCK));
        object_property_add_child(OBJECT(dev), name, OBJECT(clk));
        if (output) {
            object_unref(OBJECT(clk));
        }
        ncl->clock = clk;
    } else {
        /* The strong link drops a reference when deleted: take it now. */
        ncl->clock = clk;
        object_ref(OBJECT(clk));
        object_property_add_link(OBJECT(dev), name,
                                 object_get_typename(OBJECT(clk)),
                                 (Object **)&ncl->clock, NULL,
                                 OBJ_PROP_LINK_STRONG);
    }
    return ncl;
}

Clock *qdev_init_clock_in(DeviceState *dev, const char *name,
                          ClockCallback *callback, void *opaque,
                          unsigned int events)
{
    NamedClockList *ncl;

    assert(!dev->realized);
    ncl = qdev_add_clocklist(dev, name, false, false, NULL);
    if (callback != NULL) {
        clock_set_callback(ncl->clock, callback, opaque, events);
    }
    return ncl->clock;
}

Clock *qdev_init_clock_out(DeviceState *dev, const char *name)
{
    return qdev_add_clocklist(dev, name, false, true, NULL)->clock;
}

static Clock *qdev_get_clock(DeviceState *dev, const char *name,
                             bool output)
{
    NamedClockList *ncl = qdev_find_clocklist(dev, name);

    if (ncl == NULL) {
        error_report("Can not find clock-%s '%s' for device type '%s'",
                     output ? "out" : "in", name,
                     object_get_typename(OBJECT(dev)));
        abort();
    }
    assert(ncl->output == output);
    return ncl->clock;
}

Clock *qdev_get_clock_in(DeviceState *dev, const char *name)
{
    return qdev_get_clock(dev, name, false);
}

Clock *qdev_get_clock_out(DeviceState *dev, const char *name)
{
    return qdev_get_clock(dev, name, true);
}

void qdev_connect_clock_in(DeviceState *dev, const char *name,
                           Clock *source)
{
    assert(!dev->realized);
    clock_set_source(qdev_get_clock_in(dev, name), source);
}

Clock *qdev_alias_clock(DeviceState *dev, const char *name,
                        DeviceState *alias_dev, const char *alias_name)
{
    NamedClockList *ncl = qdev_find_clocklist(dev, name);

    assert(ncl != NULL);
    qdev_add_clocklist(alias_dev, alias_name, true, ncl->output,
                       ncl->clock);
    return ncl->clock;
}

void qdev_clock_setup_paths(DeviceState *dev)
{
    GSList *l;

    for (l = dev->clocks; l != NULL; l = l->next) {
        NamedClockList *ncl = l->data;

        if (!ncl->alias) {
            clock_setup_canonical_path(ncl->clock);
        }
    }
}

void qdev_finalize_clocklist(DeviceState *dev)
{
    GSList *l;

    for (l = dev->clocks; l != NULL; l = l->next) {
        NamedClockList *ncl = l->data;

        if (!ncl->output && !ncl->alias) {
            object_unref(OBJECT(ncl->clock));
        }
        g_free(ncl->name);
        g_free(ncl);
    }
    g_slist_free(dev->clocks);
    dev->clocks = NULL;
}
