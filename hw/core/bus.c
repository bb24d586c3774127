/*
 * qdev buses: where devices plug in, and what a reset walks.
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * A bus is a QOM child of the device that provides it (named after the
 * bus) and lists its plugged devices as links "child[N]", N counting
 * every plug.  Only the main system bus has no parent device.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "hw/core/qdev.h"
#include "qdev-internal.h"

static char *qbus_child_link_name(BusState *bus, DeviceState *dev)
{
    int i;

    for (i = 0; i < bus->max_index; i++) {
        g_autofree char *name = g_strdup_printf("child[%d]", i);

        if (object_resolve_path_component(OBJECT(bus), name) ==
            OBJECT(dev)) {
            return g_steal_pointer(&name);
        }
    }
    return NULL;
}

void qbus_add_child(BusState *bus, DeviceState *dev)
{
    g_autofree char *name = g_strdup_printf("child[%d]", bus->max_index++);
    BusClass *bc = BUS_GET_CLASS(bus);
    GList *node;

    object_ref(OBJECT(dev));
    bus->children = g_list_append(bus->children, dev);
    bus->num_children++;
    bus->full = bc->max_dev != 0 && bus->num_children >= bc->max_dev;
    node = g_list_last(bus->children);
    object_property_add_link(OBJECT(bus), name,
                             object_get_typename(OBJECT(dev)),
                             (Object **)&node->data, NULL, 0);
}

void qbus_remove_child(BusState *bus, DeviceState *dev)
{
    g_autofree char *name = qbus_child_link_name(bus, dev);

    if (name != NULL) {
        object_property_del(OBJECT(bus), name);
    }
    bus->children = g_list_remove(bus->children, dev);
    bus->num_children--;
    bus->full = false;
    object_unref(OBJECT(dev));
}

static void qbus_init_internal(BusState *bus, DeviceState *parent,
                               const char *name)
{
    const char *typename = object_get_typename(OBJECT(bus));
    BusClass *bc = BUS_GET_CLASS(bus);

    bus->parent = parent;
    if (name != NULL) {
        bus->name = g_strdup(name);
    } else if (parent != NULL && parent->id != NULL) {
        bus->name = g_strdup_printf("%s.%d", parent->id,
                                    parent->num_child_bus);
    } else {
        g_autofree char *lower = g_ascii_strdown(typename, -1);

        bus->name = g_strdup_printf("%s.%d", lower, bc->automatic_ids++);
    }

    if (parent != NULL) {
        parent->child_bus = g_slist_append(parent->child_bus, bus);
        parent->num_child_bus++;
        object_property_add_child(OBJECT(parent), bus->name, OBJECT(bus));
        /* The parent's child property now holds the only reference. */
        object_unref(OBJECT(bus));
    }
}

void qbus_init(void *bus, size_t size, const char *typename,
               DeviceState *parent, const char *name)
{
    object_initialize(bus, size, typename);
    qbus_init_internal(bus, parent, name);
}

BusState *qbus_new(const char *typename, DeviceState *parent,
                   const char *name)
{
    BusState *bus = BUS(object_new(typename));

    qbus_init_internal(bus, parent, name);
    return bus;
}

bool qbus_realize(BusState *bus, Error **errp)
{
    return object_property_set_bool(OBJECT(bus), "realized", true, errp);
}

void qbus_unrealize(BusState *bus)
{
    object_property_set_bool(OBJECT(bus), "realized", false, &error_abort);
}

static bool bus_get_realized(Object *obj, Error **errp)
{
    return BUS(obj)->realized;
}

/* Devices on the bus are realized by their own creators, not here. */
static void bus_set_realized(Object *obj, bool value, Error **errp)
{
    ERRP_GUARD();
    BusState *bus = BUS(obj);
    BusClass *bc = BUS_GET_CLASS(bus);
    GList *l;

    if (value && !bus->realized) {
        if (bc->realize != NULL) {
            bc->realize(bus, errp);
            if (*errp) {
                return;
            }
        }
        bus->realized = true;
    } else if (!value && bus->realized) {
        for (l = bus->children; l != NULL; l = l->next) {
            qdev_unrealize(l->data);
        }
        if (bc->unrealize != NULL) {
            bc->unrealize(bus);
        }
        bus->realized = false;
    }
}

/* Leaving the tree: every device on the bus goes with it. */
static void bus_unparent(Object *obj)
{
    BusState *bus = BUS(obj);
    DeviceState *parent = bus->parent;

    while (bus->children != NULL) {
        DeviceState *dev = bus->children->data;

        if (OBJECT(dev)->parent != NULL) {
            object_unparent(OBJECT(dev));
        } else {
            /* Plugged but never placed in the tree: just unplug it. */
            if (dev->realized) {
                qdev_unrealize(dev);
            }
            qbus_remove_child(bus, dev);
            dev->parent_bus = NULL;
            object_unref(OBJECT(bus));
        }
    }
    if (bus->realized) {
        qbus_unrealize(bus);
    }
    if (parent != NULL) {
        parent->child_bus = g_slist_remove(parent->child_bus, bus);
        parent->num_child_bus--;
        bus->parent = NULL;
    }
}

static void bus_finalize(Object *obj)
{
    BusState *bus = BUS(obj);

    g_list_free(bus->children);
    g_free(bus->name);
}

static ResettableState *bus_get_reset_state(Object *obj)
{
    return &BUS(obj)->reset;
}

static void bus_reset_child_foreach(Object *obj, ResettableChildCallback cb,
                                    void *opaque, ResetType type)
{
    GList *l;

    for (l = BUS(obj)->children; l != NULL; l = l->next) {
        cb(OBJECT(l->data), opaque, type);
    }
}

void bus_cold_reset(BusState *bus)
{
    resettable_reset(OBJECT(bus), RESET_TYPE_COLD);
}

BusState *qdev_get_parent_bus(const DeviceState *dev)
{
    return dev->parent_bus;
}

BusState *qdev_get_child_bus(DeviceState *dev, const char *name)
{
    GSList *l;

    for (l = dev->child_bus; l != NULL; l = l->next) {
        BusState *bus = l->data;

        if (strcmp(bus->name, name) == 0) {
            return bus;
        }
    }
    return NULL;
}

static int qdev_walk_children(DeviceState *dev, qdev_walkerfn *pre_devfn,
                              qbus_walkerfn *pre_busfn,
                              qdev_walkerfn *post_devfn,
                              qbus_walkerfn *post_busfn, void *opaque);

/*
 * Depth-first walk.  A non-zero result of a "pre" callback skips that
 * subtree and is returned; negative results end the whole walk.
 */
int qbus_walk_children(BusState *bus, qdev_walkerfn *pre_devfn,
                       qbus_walkerfn *pre_busfn, qdev_walkerfn *post_devfn,
                       qbus_walkerfn *post_busfn, void *opaque)
{
    GList *l;
    int err;

    if (pre_busfn != NULL) {
        err = pre_busfn(bus, opaque);
        if (err != 0) {
            return err;
        }
    }
    for (l = bus->children; l != NULL; l = l->next) {
        err = qdev_walk_children(l->data, pre_devfn, pre_busfn, post_devfn,
                                 post_busfn, opaque);
        if (err < 0) {
            return err;
        }
    }
    if (post_busfn != NULL) {
        err = post_busfn(bus, opaque);
        if (err != 0) {
            return err;
        }
    }
    return 0;
}

static int qdev_walk_children(DeviceState *dev, qdev_walkerfn *pre_devfn,
                              qbus_walkerfn *pre_busfn,
                              qdev_walkerfn *post_devfn,
                              qbus_walkerfn *post_busfn, void *opaque)
{
    GSList *l;
    int err;

    if (pre_devfn != NULL) {
        err = pre_devfn(dev, opaque);
        if (err != 0) {
            return err;
        }
    }
    for (l = dev->child_bus; l != NULL; l = l->next) {
        err = qbus_walk_children(l->data, pre_devfn, pre_busfn, post_devfn,
                                 post_busfn, opaque);
        if (err < 0) {
            return err;
        }
    }
    if (post_devfn != NULL) {
        err = post_devfn(dev, opaque);
        if (err != 0) {
            return err;
        }
    }
    return 0;
}

DeviceState *qdev_find_recursive(BusState *bus, const char *id)
{
    GList *l;
    GSList *b;

    for (l = bus->children; l != NULL; l = l->next) {
        DeviceState *dev = l->data;

        if (dev->id != NULL && strcmp(dev->id, id) == 0) {
            return dev;
        }
        for (b = dev->child_bus; b != NULL; b = b->next) {
            DeviceState *found = qdev_find_recursive(b->data, id);

            if (found != NULL) {
                return found;
            }
        }
    }
    return NULL;
}

char *qdev_get_dev_path(DeviceState *dev)
{
    BusClass *bc;

    if (dev == NULL || dev->parent_bus == NULL) {
        return NULL;
    }
    bc = BUS_GET_CLASS(dev->parent_bus);
    return bc->get_dev_path != NULL ? bc->get_dev_path(dev) : NULL;
}

static void bus_class_init(ObjectClass *klass, const void *data)
{
    ResettableClass *rc = RESETTABLE_CLASS(klass);

    klass->unparent = bus_unparent;
    rc->get_state = bus_get_reset_state;
    rc->child_foreach = bus_reset_child_foreach;
    object_class_property_add_bool(klass, "realized", bus_get_realized,
                                   bus_set_realized);
}

static const TypeInfo bus_types[] = {
    {
        .name              = TYPE_BUS,
        .parent            = TYPE_OBJECT,
        .instance_size     = sizeof(BusState),
        .instance_finalize = bus_finalize,
        .abstract          = true,
        .class_size        = sizeof(BusClass),
        .class_init        = bus_class_init,
        .interfaces        = (const InterfaceInfo[]) {
            { TYPE_RESETTABLE_INTERFACE },
            { }
        },
    },
};
DEFINE_TYPES(bus_types)
