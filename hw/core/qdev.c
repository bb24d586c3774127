/*
 * qdev: the device base type, realize and reset.
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * A device is created unrealized, receives its properties (defaults,
 * then -global, then board or -device values), and becomes usable when
 * its "realized" property turns true.  Devices hang off buses; the bus
 * tree, not the QOM composition tree, is what a reset walks.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "qemu/error-report.h"
#include "hw/core/qdev.h"
#include "hw/core/qdev-properties.h"
#include "hw/core/qdev-clock.h"
#include "hw/core/sysbus.h"
#include "qdev-internal.h"

void (*qdev_realize_hook)(DeviceState *dev);
void (*qdev_unrealize_hook)(DeviceState *dev);

/* Index of the next /machine/unattached/device[N]. */
static int qdev_unattached_count;

Object *qdev_find_unattached(void)
{
    return object_resolve_path("/machine/unattached", NULL);
}

DeviceState *qdev_try_new(const char *name)
{
    if (module_object_class_by_name(name) == NULL) {
        return NULL;
    }
    return DEVICE(object_new(name));
}

DeviceState *qdev_new(const char *name)
{
    if (module_object_class_by_name(name) == NULL) {
        error_report("unknown type '%s'", name);
        abort();
    }
    return DEVICE(object_new(name));
}

bool qdev_set_parent_bus(DeviceState *dev, BusState *bus, Error **errp)
{
    DeviceClass *dc = DEVICE_GET_CLASS(dev);
    BusClass *bc = BUS_GET_CLASS(bus);
    BusState *old = dev->parent_bus;

    if (dc->bus_type != NULL &&
        object_dynamic_cast(OBJECT(bus), dc->bus_type) == NULL) {
        error_setg(errp, "Device '%s' can't go on %s bus",
                   object_get_typename(OBJECT(dev)),
                   object_get_typename(OBJECT(bus)));
        return false;
    }
    if (bc->check_address != NULL && !bc->check_address(bus, dev, errp)) {
        return false;
    }
    if (old == bus) {
        return true;
    }
    if (bc->max_dev != 0 && bus->num_children >= bc->max_dev) {
        error_setg(errp, "Bus '%s' is full", bus->name);
        return false;
    }

    object_ref(OBJECT(dev));
    if (old != NULL) {
        qbus_remove_child(old, dev);
    }
    dev->parent_bus = bus;
    object_ref(OBJECT(bus));
    qbus_add_child(bus, dev);
    if (dev->realized) {
        resettable_change_parent(OBJECT(dev), OBJECT(bus), OBJECT(old));
    }
    if (old != NULL) {
        object_unref(OBJECT(old));
    }
    object_unref(OBJECT(dev));
    return true;
}

bool qdev_realize(DeviceState *dev, BusState *bus, Error **errp)
{
    DeviceClass *dc = DEVICE_GET_CLASS(dev);

    assert(!dev->realized);
    if (bus == NULL && dc->bus_type != NULL) {
        if (strcmp(dc->bus_type, TYPE_SYSTEM_BUS) != 0) {
            error_setg(errp, "Device '%s' needs a bus of type '%s'",
                       object_get_typename(OBJECT(dev)), dc->bus_type);
            return false;
        }
        bus = sysbus_get_default();
    }
    if (bus != NULL && !qdev_set_parent_bus(dev, bus, errp)) {
        return false;
    }
    return object_property_set_bool(OBJECT(dev), "realized", true, errp);
}

bool qdev_realize_and_unref(DeviceState *dev, BusState *bus, Error **errp)
{
    bool ok = qdev_realize(dev, bus, errp);

    object_unref(OBJECT(dev));
    return ok;
}

void qdev_unrealize(DeviceState *dev)
{
    object_property_set_bool(OBJECT(dev), "realized", false, &error_abort);
}

void qdev_set_id(DeviceState *dev, char *id, Error **errp)
{
    static int anon_count;
    Object *container;
    g_autofree char *name = NULL;

    assert(dev->id == NULL && !dev->realized);
    if (id != NULL) {
        container = machine_get_container("peripheral");
        if (object_resolve_path_component(container, id) != NULL) {
            error_setg(errp, "Duplicate ID '%s' for device", id);
            g_free(id);
            return;
        }
        dev->id = id;
        object_property_add_child(container, id, OBJECT(dev));
        return;
    }
    container = machine_get_container("peripheral-anon");
    name = g_strdup_printf("device[%d]", anon_count++);
    object_property_add_child(container, name, OBJECT(dev));
}

static void device_unrealize_buses(DeviceState *dev)
{
    GSList *l;

    for (l = dev->child_bus; l != NULL; l = l->next) {
        qbus_unrealize(l->data);
    }
}

static void device_do_realize(DeviceState *dev, Error **errp)
{
    ERRP_GUARD();
    DeviceClass *dc = DEVICE_GET_CLASS(dev);
    Object *obj = OBJECT(dev);
    bool adopted = false;
    GSList *l;

    if (dev->hotplugged && !dc->hotpluggable) {
        error_setg(errp, "Device '%s' does not support hotplugging",
                   object_get_typename(obj));
        return;
    }
    if (obj->parent == NULL) {
        g_autofree char *name = g_strdup_printf("device[%d]",
                                                qdev_unattached_count++);

        object_property_add_child(machine_get_container("unattached"),
                                  name, obj);
        adopted = true;
    }

    if (dc->realize != NULL) {
        dc->realize(dev, errp);
        if (*errp) {
            goto fail;
        }
    }

    g_free(dev->canonical_path);
    dev->canonical_path = object_get_canonical_path(obj);
    qdev_clock_setup_paths(dev);
    if (qdev_realize_hook != NULL) {
        qdev_realize_hook(dev);
    }
    for (l = dev->child_bus; l != NULL; l = l->next) {
        if (!qbus_realize(l->data, errp)) {
            goto fail_buses;
        }
    }

    dev->realized = true;
    dev->pending_deleted_event = false;
    if (dev->hotplugged) {
        /* Cold-plugged devices wait for the machine-wide reset instead. */
        device_cold_reset(dev);
    }
    return;

fail_buses:
    device_unrealize_buses(dev);
    if (qdev_unrealize_hook != NULL) {
        qdev_unrealize_hook(dev);
    }
    if (dc->unrealize != NULL) {
        dc->unrealize(dev);
    }
fail:
    if (adopted) {
        object_unparent(obj);
        qdev_unattached_count--;
    }
}

static void device_do_unrealize(DeviceState *dev)
{
    DeviceClass *dc = DEVICE_GET_CLASS(dev);

    dev->realized = false;
    device_unrealize_buses(dev);
    if (qdev_unrealize_hook != NULL) {
        qdev_unrealize_hook(dev);
    }
    if (dc->unrealize != NULL) {
        dc->unrealize(dev);
    }
    dev->pending_deleted_event = true;
}

static bool device_get_realized(Object *obj, Error **errp)
{
    return DEVICE(obj)->realized;
}

static void device_set_realized(Object *obj, bool value, Error **errp)
{
    DeviceState *dev = DEVICE(obj);

    if (value && !dev->realized) {
        device_do_realize(dev, errp);
    } else if (!value && dev->realized) {
        device_do_unrealize(dev);
    }
}

/* No bus here offers a hotplug handler, so only bus-less devices can. */
static bool device_get_hotpluggable(Object *obj, Error **errp)
{
    DeviceState *dev = DEVICE(obj);

    return DEVICE_GET_CLASS(dev)->hotpluggable && dev->parent_bus == NULL;
}

static bool device_get_hotplugged(Object *obj, Error **errp)
{
    return DEVICE(obj)->hotplugged != 0;
}

static void device_initfn(Object *obj)
{
    DeviceState *dev = DEVICE(obj);

    dev->instance_id_alias = -1;
    object_property_add_link(obj, "parent_bus", TYPE_BUS,
                             (Object **)&dev->parent_bus, NULL, 0);
}

static void device_post_init(Object *obj)
{
    qdev_prop_set_globals(DEVICE(obj));
}

/*
 * Leaving the composition tree: unrealize and unplug.  A realized device
 * also takes its child buses, and what sits on them, along.  An
 * unrealized one keeps its buses until it is finalized, so that a device
 * whose realize failed (and was thus put back out of the tree) can be
 * fixed and realized again.
 */
static void device_unparent(Object *obj)
{
    DeviceState *dev = DEVICE(obj);
    BusState *bus = dev->parent_bus;

    if (dev->realized) {
        qdev_unrealize(dev);
        while (dev->child_bus != NULL) {
            object_unparent(OBJECT(dev->child_bus->data));
        }
    }
    if (bus != NULL) {
        qbus_remove_child(bus, dev);
        dev->parent_bus = NULL;
        object_unref(OBJECT(bus));
    }
}

static void device_finalize(Object *obj)
{
    DeviceState *dev = DEVICE(obj);

    qdev_release_class_props(dev);
    qdev_gpio_cleanup(dev);
    qdev_finalize_clocklist(dev);
    g_free(dev->canonical_path);
    g_free(dev->id);
}

static ResettableState *device_get_reset_state(Object *obj)
{
    return &DEVICE(obj)->reset;
}

static void device_reset_child_foreach(Object *obj,
                                       ResettableChildCallback cb,
                                       void *opaque, ResetType type)
{
    GSList *l;

    for (l = DEVICE(obj)->child_bus; l != NULL; l = l->next) {
        cb(OBJECT(l->data), opaque, type);
    }
}

static void device_legacy_reset_hold(Object *obj, ResetType type)
{
    DeviceClass *dc = DEVICE_GET_CLASS(obj);

    if (dc->legacy_reset != NULL) {
        dc->legacy_reset(DEVICE(obj));
    }
}

/*
 * A legacy reset replaces the three phases the class inherited: the
 * one function runs as the hold phase.
 */
void device_class_set_legacy_reset(DeviceClass *dc, DeviceReset dev_reset)
{
    ResettableClass *rc = RESETTABLE_CLASS(dc);

    dc->legacy_reset = dev_reset;
    rc->phases.enter = NULL;
    rc->phases.hold = device_legacy_reset_hold;
    rc->phases.exit = NULL;
}

void device_class_set_parent_realize(DeviceClass *dc,
                                     DeviceRealize dev_realize,
                                     DeviceRealize *parent_realize)
{
    *parent_realize = dc->realize;
    dc->realize = dev_realize;
}

void device_class_set_parent_unrealize(DeviceClass *dc,
                                       DeviceUnrealize dev_unrealize,
                                       DeviceUnrealize *parent_unrealize)
{
    *parent_unrealize = dc->unrealize;
    dc->unrealize = dev_unrealize;
}

void device_cold_reset(DeviceState *dev)
{
    resettable_reset(OBJECT(dev), RESET_TYPE_COLD);
}

bool device_is_in_reset(DeviceState *dev)
{
    return resettable_is_in_reset(OBJECT(dev));
}

void qdev_set_legacy_instance_id(DeviceState *dev, int alias_id,
                                 int required_for_version)
{
    dev->instance_id_alias = alias_id;
    dev->alias_required_for_version = required_for_version;
}

static void device_class_init(ObjectClass *klass, const void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);
    ResettableClass *rc = RESETTABLE_CLASS(klass);

    klass->unparent = device_unparent;
    dc->hotpluggable = true;
    dc->user_creatable = true;
    rc->get_state = device_get_reset_state;
    rc->child_foreach = device_reset_child_foreach;

    object_class_property_add_bool(klass, "realized", device_get_realized,
                                   device_set_realized);
    object_class_property_add_bool(klass, "hotpluggable",
                                   device_get_hotpluggable, NULL);
    object_class_property_add_bool(klass, "hotplugged",
                                   device_get_hotplugged, NULL);
}

static const TypeInfo device_types[] = {
    {
        .name               = TYPE_DEVICE,
        .parent             = TYPE_OBJECT,
        .instance_size      = sizeof(DeviceState),
        .instance_init      = device_initfn,
        .instance_post_init = device_post_init,
        .instance_finalize  = device_finalize,
        .abstract           = true,
        .class_size         = sizeof(DeviceClass),
        .class_init         = device_class_init,
        .interfaces         = (const InterfaceInfo[]) {
            { TYPE_RESETTABLE_INTERFACE },
            { }
        },
    },
};
DEFINE_TYPES(device_types)
