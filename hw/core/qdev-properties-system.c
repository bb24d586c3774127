/*
 * qdev properties that refer to system objects: character devices.
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * A "chardev" property is a string naming a -chardev id.  Setting it
 * attaches the device's CharFrontend to that back end; the empty string
 * leaves the device without one.  Reading it gives the back end's id.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "hw/core/qdev-properties-system.h"
#include "chardev/char.h"
#include "chardev/char-fe.h"

static QObject *prop_get_chr(Object *obj, const Property *prop,
                             Error **errp)
{
    CharFrontend *fe = object_field_prop_ptr(obj, prop);
    Chardev *chr = qemu_chr_fe_get_driver(fe);

    return qstring_from_str(chr != NULL && chr->label != NULL ?
                            chr->label : "");
}

static void prop_detach_chr(CharFrontend *fe)
{
    if (qemu_chr_fe_get_driver(fe) != NULL) {
        qemu_chr_fe_deinit(fe, false);
    }
}

static bool prop_set_chr(Object *obj, const Property *prop, QObject *value,
                         Error **errp)
{
    ERRP_GUARD();
    CharFrontend *fe = object_field_prop_ptr(obj, prop);
    const char *typename = object_get_typename(obj);
    Error *local_err = NULL;
    const char *id;
    Chardev *chr;

    if (!qobject_input_str(value, prop->name, &id, errp)) {
        return false;
    }
    if (*id == '\0') {
        prop_detach_chr(fe);
        return true;
    }
    chr = qemu_chr_find(id);
    if (chr == NULL) {
        error_setg(errp, "Property '%s.%s' can't find value '%s'",
                   typename, prop->name, id);
        return false;
    }
    if (qemu_chr_fe_get_driver(fe) == chr) {
        return true;
    }
    prop_detach_chr(fe);
    if (!qemu_chr_fe_init(fe, chr, &local_err)) {
        if (chr->fe != NULL) {
            error_free(local_err);
            error_setg(errp, "Property '%s.%s' can't take value '%s', "
                       "it's in use", typename, prop->name, id);
        } else {
            error_propagate(errp, local_err);
            error_prepend(errp, "Property '%s.%s' can't take value '%s': ",
                          typename, prop->name, id);
        }
        return false;
    }
    return true;
}

static void prop_release_chr(Object *obj, const char *name, void *opaque)
{
    prop_detach_chr(object_field_prop_ptr(obj, opaque));
}

const PropertyInfo qdev_prop_chr = {
    .type        = "str",
    .description = "ID of a chardev to use as a backend",
    .get         = prop_get_chr,
    .set         = prop_set_chr,
    .release     = prop_release_chr,
};

void qdev_prop_set_chr(DeviceState *dev, const char *name, Chardev *value)
{
    assert(value == NULL || value->label != NULL);
    object_property_set_str(OBJECT(dev), name,
                            value != NULL ? value->label : "", &error_abort);
}
