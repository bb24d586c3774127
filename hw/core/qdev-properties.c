/*
 * qdev properties: table entries turned into QOM class properties.
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * Each Property names a field of the device state by offset.  It becomes
 * a class property whose accessors find the field in the instance; its
 * default is written by the property's init hook before instance_init
 * runs, and is also published for listings (device-list-properties).
 * Until the device is realized anyone may set it; afterwards only kinds
 * that say so.  -global values are applied from instance_post_init.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "qemu/error-report.h"
#include "hw/core/qdev-properties.h"
#include "qdev-internal.h"

void *object_field_prop_ptr(Object *obj, const Property *prop)
{
    return (char *)obj + prop->offset;
}

bool qdev_prop_allow_set(Object *obj, const char *name,
                         const PropertyInfo *info, Error **errp)
{
    DeviceState *dev = (DeviceState *)object_dynamic_cast(obj, TYPE_DEVICE);

    if (dev == NULL || !dev->realized || info->realized_set_allowed) {
        return true;
    }
    if (dev->id != NULL) {
        error_setg(errp, "Attempt to set property '%s' on device '%s' "
                   "(type '%s') after it was realized", name, dev->id,
                   object_get_typename(obj));
    } else {
        error_setg(errp, "Attempt to set property '%s' on anonymous device "
                   "(type '%s') after it was realized", name,
                   object_get_typename(obj));
    }
    return false;
}

/* Integers: read any integer, then check the field's range. */

static bool prop_input_unsigned(Object *obj, const Property *prop,
                                QObject *value, uint64_t max, uint64_t *out,
                                Error **errp)
{
    uint64_t v;

    if (!qobject_input_uint(value, prop->name, UINT64_MAX, &v, errp)) {
        return false;
    }
    if (v > max) {
        error_setg(errp, "Property %s.%s doesn't take value %" PRIu64
                   " (minimum: 0, maximum: %" PRIu64 ")",
                   object_get_typename(obj), prop->name, v, max);
        return false;
    }
    *out = v;
    return true;
}

static bool prop_input_signed(Object *obj, const Property *prop,
                              QObject *value, int64_t min, int64_t max,
                              int64_t *out, Error **errp)
{
    int64_t v;

    if (!qobject_input_int(value, prop->name, INT64_MIN, INT64_MAX, &v,
                           errp)) {
        return false;
    }
    if (v < min || v > max) {
        error_setg(errp, "Property %s.%s doesn't take value %" PRId64
                   " (minimum: %" PRId64 ", maximum: %" PRId64 ")",
                   object_get_typename(obj), prop->name, v, min, max);
        return false;
    }
    *out = v;
    return true;
}

static void prop_default_uint(ObjectProperty *op, const Property *prop)
{
    object_property_set_default_uint(op, prop->defval.u);
}

static void prop_default_int(ObjectProperty *op, const Property *prop)
{
    object_property_set_default_int(op, prop->defval.i);
}

static void prop_default_bool(ObjectProperty *op, const Property *prop)
{
    object_property_set_default_bool(op, prop->defval.u != 0);
}

static QObject *prop_get_uint8(Object *obj, const Property *prop,
                               Error **errp)
{
    return qnum_from_uint(*(uint8_t *)object_field_prop_ptr(obj, prop));
}

static bool prop_set_uint8(Object *obj, const Property *prop,
                           QObject *value, Error **errp)
{
    uint64_t v;

    if (!prop_input_unsigned(obj, prop, value, UINT8_MAX, &v, errp)) {
        return false;
    }
    *(uint8_t *)object_field_prop_ptr(obj, prop) = v;
    return true;
}

const PropertyInfo qdev_prop_uint8 = {
    .type              = "uint8",
    .get               = prop_get_uint8,
    .set               = prop_set_uint8,
    .set_default_value = prop_default_uint,
};

static QObject *prop_get_uint16(Object *obj, const Property *prop,
                                Error **errp)
{
    return qnum_from_uint(*(uint16_t *)object_field_prop_ptr(obj, prop));
}

static bool prop_set_uint16(Object *obj, const Property *prop,
                            QObject *value, Error **errp)
{
    uint64_t v;

    if (!prop_input_unsigned(obj, prop, value, UINT16_MAX, &v, errp)) {
        return false;
    }
    *(uint16_t *)object_field_prop_ptr(obj, prop) = v;
    return true;
}

const PropertyInfo qdev_prop_uint16 = {
    .type              = "uint16",
    .get               = prop_get_uint16,
    .set               = prop_set_uint16,
    .set_default_value = prop_default_uint,
};

static QObject *prop_get_uint32(Object *obj, const Property *prop,
                                Error **errp)
{
    return qnum_from_uint(*(uint32_t *)object_field_prop_ptr(obj, prop));
}

static bool prop_set_uint32(Object *obj, const Property *prop,
                            QObject *value, Error **errp)
{
    uint64_t v;

    if (!prop_input_unsigned(obj, prop, value, UINT32_MAX, &v, errp)) {
        return false;
    }
    *(uint32_t *)object_field_prop_ptr(obj, prop) = v;
    return true;
}

const PropertyInfo qdev_prop_uint32 = {
    .type              = "uint32",
    .get               = prop_get_uint32,
    .set               = prop_set_uint32,
    .set_default_value = prop_default_uint,
};

static QObject *prop_get_uint64(Object *obj, const Property *prop,
                                Error **errp)
{
    return qnum_from_uint(*(uint64_t *)object_field_prop_ptr(obj, prop));
}

static bool prop_set_uint64(Object *obj, const Property *prop,
                            QObject *value, Error **errp)
{
    uint64_t v;

    if (!prop_input_unsigned(obj, prop, value, UINT64_MAX, &v, errp)) {
        return false;
    }
    *(uint64_t *)object_field_prop_ptr(obj, prop) = v;
    return true;
}

const PropertyInfo qdev_prop_uint64 = {
    .type              = "uint64",
    .get               = prop_get_uint64,
    .set               = prop_set_uint64,
    .set_default_value = prop_default_uint,
};

static QObject *prop_get_int32(Object *obj, const Property *prop,
                               Error **errp)
{
    return qnum_from_int(*(int32_t *)object_field_prop_ptr(obj, prop));
}

static bool prop_set_int32(Object *obj, const Property *prop,
                           QObject *value, Error **errp)
{
    int64_t v;

    if (!prop_input_signed(obj, prop, value, INT32_MIN, INT32_MAX, &v,
                           errp)) {
        return false;
    }
    *(int32_t *)object_field_prop_ptr(obj, prop) = v;
    return true;
}

const PropertyInfo qdev_prop_int32 = {
    .type              = "int32",
    .get               = prop_get_int32,
    .set               = prop_set_int32,
    .set_default_value = prop_default_int,
};

static QObject *prop_get_int64(Object *obj, const Property *prop,
                               Error **errp)
{
    return qnum_from_int(*(int64_t *)object_field_prop_ptr(obj, prop));
}

static bool prop_set_int64(Object *obj, const Property *prop,
                           QObject *value, Error **errp)
{
    int64_t v;

    if (!prop_input_signed(obj, prop, value, INT64_MIN, INT64_MAX, &v,
                           errp)) {
        return false;
    }
    *(int64_t *)object_field_prop_ptr(obj, prop) = v;
    return true;
}

const PropertyInfo qdev_prop_int64 = {
    .type              = "int64",
    .get               = prop_get_int64,
    .set               = prop_set_int64,
    .set_default_value = prop_default_int,
};

/*
 * Sizes also come as text with a binary suffix: "64K", "16M", "1G"
 * (B, K, M, G, T, P, E; either case).
 */
static bool prop_parse_size(const char *str, uint64_t *out)
{
    static const char suffixes[] = "BKMGTPE";
    const char *p;
    char *end;
    uint64_t v;
    int shift;

    if (!g_ascii_isdigit(*str)) {
        return false;
    }
    errno = 0;
    v = g_ascii_strtoull(str, &end, 0);
    if (errno != 0) {
        return false;
    }
    if (*end == '\0') {
        *out = v;
        return true;
    }
    p = strchr(suffixes, g_ascii_toupper(*end));
    if (p == NULL || end[1] != '\0') {
        return false;
    }
    shift = (p - suffixes) * 10;
    if (shift != 0 && v > (UINT64_MAX >> shift)) {
        return false;
    }
    *out = v << shift;
    return true;
}

static bool prop_set_size(Object *obj, const Property *prop,
                          QObject *value, Error **errp)
{
    QString *qstr = qobject_to(QString, value);
    uint64_t v;

    if (qstr == NULL) {
        return prop_set_uint64(obj, prop, value, errp);
    }
    if (!prop_parse_size(qstring_get_str(qstr), &v)) {
        error_setg(errp, "Parameter '%s' expects a non-negative number "
                   "below 2^64 optionally followed by a size suffix "
                   "(B, K, M, G, T, P, E)", prop->name);
        return false;
    }
    *(uint64_t *)object_field_prop_ptr(obj, prop) = v;
    return true;
}

const PropertyInfo qdev_prop_size = {
    .type              = "size",
    .get               = prop_get_uint64,
    .set               = prop_set_size,
    .set_default_value = prop_default_uint,
};

/* Booleans and single bits. */

static QObject *prop_get_bool(Object *obj, const Property *prop,
                              Error **errp)
{
    return qbool_from_bool(*(bool *)object_field_prop_ptr(obj, prop));
}

static bool prop_set_bool(Object *obj, const Property *prop,
                          QObject *value, Error **errp)
{
    return qobject_input_bool(value, prop->name,
                              (bool *)object_field_prop_ptr(obj, prop),
                              errp);
}

const PropertyInfo qdev_prop_bool = {
    .type              = "bool",
    .description       = "on/off",
    .get               = prop_get_bool,
    .set               = prop_set_bool,
    .set_default_value = prop_default_bool,
};

static void prop_store_bit32(Object *obj, const Property *prop, bool on)
{
    uint32_t *p = object_field_prop_ptr(obj, prop);

    *p = deposit32(*p, prop->bitnr, 1, on);
}

static QObject *prop_get_bit32(Object *obj, const Property *prop,
                               Error **errp)
{
    uint32_t *p = object_field_prop_ptr(obj, prop);

    return qbool_from_bool(extract32(*p, prop->bitnr, 1));
}

static bool prop_set_bit32(Object *obj, const Property *prop,
                           QObject *value, Error **errp)
{
    bool on;

    if (!qobject_input_bool(value, prop->name, &on, errp)) {
        return false;
    }
    prop_store_bit32(obj, prop, on);
    return true;
}

const PropertyInfo qdev_prop_bit = {
    .type              = "bool",
    .description       = "on/off",
    .get               = prop_get_bit32,
    .set               = prop_set_bit32,
    .set_default_value = prop_default_bool,
};

static void prop_store_bit64(Object *obj, const Property *prop, bool on)
{
    uint64_t *p = object_field_prop_ptr(obj, prop);

    *p = deposit64(*p, prop->bitnr, 1, on);
}

static QObject *prop_get_bit64(Object *obj, const Property *prop,
                               Error **errp)
{
    uint64_t *p = object_field_prop_ptr(obj, prop);

    return qbool_from_bool(extract64(*p, prop->bitnr, 1));
}

static bool prop_set_bit64(Object *obj, const Property *prop,
                           QObject *value, Error **errp)
{
    bool on;

    if (!qobject_input_bool(value, prop->name, &on, errp)) {
        return false;
    }
    prop_store_bit64(obj, prop, on);
    return true;
}

const PropertyInfo qdev_prop_bit64 = {
    .type              = "bool",
    .description       = "on/off",
    .get               = prop_get_bit64,
    .set               = prop_set_bit64,
    .set_default_value = prop_default_bool,
};

/* Strings: NULL until set; read back as "" while unset. */

static QObject *prop_get_string(Object *obj, const Property *prop,
                                Error **errp)
{
    char **p = object_field_prop_ptr(obj, prop);

    return qstring_from_str(*p != NULL ? *p : "");
}

static bool prop_set_string(Object *obj, const Property *prop,
                            QObject *value, Error **errp)
{
    char **p = object_field_prop_ptr(obj, prop);
    const char *str;

    if (!qobject_input_str(value, prop->name, &str, errp)) {
        return false;
    }
    g_free(*p);
    *p = g_strdup(str);
    return true;
}

static void prop_release_string(Object *obj, const char *name, void *opaque)
{
    char **p = object_field_prop_ptr(obj, opaque);

    g_free(*p);
    *p = NULL;
}

const PropertyInfo qdev_prop_string = {
    .type    = "str",
    .get     = prop_get_string,
    .set     = prop_set_string,
    .release = prop_release_string,
};

/*
 * Links: the field holds a strong reference to an object of the
 * property's link_type; the value is the object's path ("" for none).
 */

static QObject *prop_get_link(Object *obj, const Property *prop,
                              Error **errp)
{
    Object **p = object_field_prop_ptr(obj, prop);
    g_autofree char *path = NULL;

    if (*p != NULL) {
        path = object_get_canonical_path(*p);
    }
    return qstring_from_str(path != NULL ? path : "");
}

static bool prop_set_link(Object *obj, const Property *prop,
                          QObject *value, Error **errp)
{
    Object **p = object_field_prop_ptr(obj, prop);
    Object *target = NULL;
    Object *old = *p;
    bool ambiguous = false;
    const char *path;

    if (!qobject_input_str(value, prop->name, &path, errp)) {
        return false;
    }
    if (*path != '\0') {
        target = object_resolve_path_type(path, prop->link_type, &ambiguous);
        if (ambiguous) {
            error_setg(errp, "Path '%s' does not uniquely identify an object",
                       path);
            return false;
        }
        if (target == NULL) {
            if (object_resolve_path(path, NULL) != NULL) {
                error_setg(errp, "Invalid parameter type for '%s', "
                           "expected: %s", prop->name, prop->link_type);
            } else {
                error_setg(errp, "Device '%s' not found", path);
            }
            return false;
        }
        object_ref(target);
    }
    *p = target;
    if (old != NULL) {
        object_unref(old);
    }
    return true;
}

static void prop_release_link(Object *obj, const char *name, void *opaque)
{
    Object **p = object_field_prop_ptr(obj, opaque);

    if (*p != NULL) {
        object_unref(*p);
        *p = NULL;
    }
}

static Object *prop_resolve_link(Object *obj, void *opaque, const char *part)
{
    return *(Object **)object_field_prop_ptr(obj, opaque);
}

const PropertyInfo qdev_prop_link = {
    .type    = "link",
    .get     = prop_get_link,
    .set     = prop_set_link,
    .release = prop_release_link,
};

/*
 * Arrays: a list value.  The count lives in the property's own field,
 * the elements in a separately allocated block whose pointer lives at
 * arrayoffset; each element is read and written by the element kind's
 * accessors through a Property that points at it.
 */

static void prop_array_element(Object *obj, const Property *prop,
                               void *elems, uint32_t i, Property *elem)
{
    char *addr = (char *)elems + (size_t)i * prop->arrayfieldsize;

    *elem = (Property) {
        .name   = prop->name,
        .info   = prop->arrayinfo,
        .offset = (ptrdiff_t)((uintptr_t)addr - (uintptr_t)obj),
    };
}

static void prop_array_free(Object *obj, const Property *prop)
{
    uint32_t *count = object_field_prop_ptr(obj, prop);
    void **elems = (void **)((char *)obj + prop->arrayoffset);
    Property elem;
    uint32_t i;

    if (prop->arrayinfo->release != NULL) {
        for (i = 0; i < *count; i++) {
            prop_array_element(obj, prop, *elems, i, &elem);
            prop->arrayinfo->release(obj, prop->name, &elem);
        }
    }
    g_free(*elems);
    *elems = NULL;
    *count = 0;
}

static QObject *prop_get_array(Object *obj, const Property *prop,
                               Error **errp)
{
    uint32_t *count = object_field_prop_ptr(obj, prop);
    void **elems = (void **)((char *)obj + prop->arrayoffset);
    QList *list = qlist_new();
    Property elem;
    uint32_t i;

    for (i = 0; i < *count; i++) {
        QObject *item;

        prop_array_element(obj, prop, *elems, i, &elem);
        item = prop->arrayinfo->get(obj, &elem, errp);
        if (item == NULL) {
            qobject_unref(list);
            return NULL;
        }
        qlist_append_obj(list, item);
    }
    return list;
}

static bool prop_set_array(Object *obj, const Property *prop,
                           QObject *value, Error **errp)
{
    QList *list = qobject_to(QList, value);
    uint32_t *count = object_field_prop_ptr(obj, prop);
    void **elems = (void **)((char *)obj + prop->arrayoffset);
    Property elem;
    size_t n, i;

    if (list == NULL) {
        error_setg(errp, "Parameter '%s' expects a list", prop->name);
        return false;
    }
    n = qlist_size(list);
    if (n > UINT32_MAX) {
        error_setg(errp, "Parameter '%s': list too long", prop->name);
        return false;
    }
    prop_array_free(obj, prop);
    *elems = g_malloc0(n * prop->arrayfieldsize);
    for (i = 0; i < n; i++) {
        prop_array_element(obj, prop, *elems, i, &elem);
        if (!prop->arrayinfo->set(obj, &elem, qlist_get(list, i), errp)) {
            *count = i;
            prop_array_free(obj, prop);
            return false;
        }
    }
    *count = n;
    return true;
}

static void prop_release_array(Object *obj, const char *name, void *opaque)
{
    prop_array_free(obj, opaque);
}

const PropertyInfo qdev_prop_array = {
    .type    = "list",
    .get     = prop_get_array,
    .set     = prop_set_array,
    .release = prop_release_array,
};

/* Registration. */

static QObject *field_prop_get(Object *obj, const char *name, void *opaque,
                               Error **errp)
{
    const Property *prop = opaque;

    return prop->info->get(obj, prop, errp);
}

static bool field_prop_set(Object *obj, const char *name, QObject *value,
                           void *opaque, Error **errp)
{
    const Property *prop = opaque;

    if (!qdev_prop_allow_set(obj, name, prop->info, errp)) {
        return false;
    }
    return prop->info->set(obj, prop, value, errp);
}

/*
 * Write the default of @prop into a fresh instance.  The kinds defined
 * here store Property.defval directly (a uint64 default may not survive
 * a trip through a JSON number); other kinds go through their setter.
 */
static void field_prop_store_default(Object *obj, const Property *prop,
                                     QObject *defval)
{
    const PropertyInfo *info = prop->info;
    void *p = object_field_prop_ptr(obj, prop);

    if (info == &qdev_prop_bool) {
        *(bool *)p = prop->defval.u != 0;
    } else if (info == &qdev_prop_bit) {
        prop_store_bit32(obj, prop, prop->defval.u != 0);
    } else if (info == &qdev_prop_bit64) {
        prop_store_bit64(obj, prop, prop->defval.u != 0);
    } else if (info == &qdev_prop_uint8) {
        *(uint8_t *)p = prop->defval.u;
    } else if (info == &qdev_prop_uint16) {
        *(uint16_t *)p = prop->defval.u;
    } else if (info == &qdev_prop_uint32) {
        *(uint32_t *)p = prop->defval.u;
    } else if (info == &qdev_prop_uint64 || info == &qdev_prop_size) {
        *(uint64_t *)p = prop->defval.u;
    } else if (info == &qdev_prop_int32) {
        *(int32_t *)p = prop->defval.i;
    } else if (info == &qdev_prop_int64) {
        *(int64_t *)p = prop->defval.i;
    } else if (info == &qdev_prop_array) {
        *(uint32_t *)p = 0;
    } else if (defval != NULL) {
        info->set(obj, prop, defval, &error_abort);
    }
}

static void field_prop_init(Object *obj, ObjectProperty *op)
{
    field_prop_store_default(obj, op->opaque, op->defval);
}

static char *field_prop_type(const Property *prop)
{
    if (prop->info == &qdev_prop_link) {
        return g_strdup_printf("link<%s>", prop->link_type);
    }
    return g_strdup(prop->info->type);
}

static void field_prop_finish(ObjectProperty *op, const Property *prop)
{
    if (prop->info == &qdev_prop_link) {
        op->resolve = prop_resolve_link;
    }
    if (prop->set_default) {
        if (prop->info->set_default_value != NULL) {
            prop->info->set_default_value(op, prop);
        }
        op->init = field_prop_init;
    }
}

static void qdev_class_add_property(DeviceClass *dc, const Property *prop)
{
    ObjectClass *oc = OBJECT_CLASS(dc);
    g_autofree char *type = field_prop_type(prop);
    ObjectProperty *op;

    assert(prop->name != NULL && prop->info != NULL);
    if (object_class_property_find(oc, prop->name) != NULL) {
        error_report("property '%s' of '%s' is defined twice", prop->name,
                     object_class_get_name(oc));
        abort();
    }
    op = object_class_property_add(oc, prop->name, type,
                                   prop->info->get ? field_prop_get : NULL,
                                   prop->info->set ? field_prop_set : NULL,
                                   prop->info->release, (void *)prop);
    if (prop->info->description != NULL) {
        object_class_property_set_description(oc, prop->name,
                                              prop->info->description);
    }
    field_prop_finish(op, prop);
}

void device_class_set_props_n(DeviceClass *dc, const Property *props,
                              size_t n)
{
    size_t i;

    dc->props_ = props;
    dc->props_count_ = n;
    for (i = 0; i < n; i++) {
        qdev_class_add_property(dc, &props[i]);
    }
}

/*
 * QOM releases only instance properties at finalize.  Release the fields
 * behind the class properties of @dev that own memory or references
 * (strings, links, arrays, chardevs); each release hook leaves its field
 * empty, so a second release does nothing.
 */
void qdev_release_class_props(DeviceState *dev)
{
    ObjectPropertyIterator iter;
    ObjectProperty *op;

    object_class_property_iter_init(&iter, object_get_class(OBJECT(dev)));
    while ((op = object_property_iter_next(&iter)) != NULL) {
        if (op->get == field_prop_get && op->release != NULL) {
            op->release(OBJECT(dev), op->name, op->opaque);
        }
    }
}

void qdev_property_add_static(DeviceState *dev, const Property *prop)
{
    Object *obj = OBJECT(dev);
    g_autofree char *type = field_prop_type(prop);
    ObjectProperty *op;

    op = object_property_add(obj, prop->name, type,
                             prop->info->get ? field_prop_get : NULL,
                             prop->info->set ? field_prop_set : NULL,
                             prop->info->release, (void *)prop);
    if (prop->info->description != NULL) {
        object_property_set_description(obj, prop->name,
                                        prop->info->description);
    }
    field_prop_finish(op, prop);
    if (prop->set_default) {
        field_prop_store_default(obj, prop, op->defval);
    }
}

/* Board-side setters: a failure is a bug in the board. */

void qdev_prop_set_bit(DeviceState *dev, const char *name, bool value)
{
    object_property_set_bool(OBJECT(dev), name, value, &error_abort);
}

void qdev_prop_set_uint8(DeviceState *dev, const char *name, uint8_t value)
{
    object_property_set_uint(OBJECT(dev), name, value, &error_abort);
}

void qdev_prop_set_uint16(DeviceState *dev, const char *name,
                          uint16_t value)
{
    object_property_set_uint(OBJECT(dev), name, value, &error_abort);
}

void qdev_prop_set_uint32(DeviceState *dev, const char *name,
                          uint32_t value)
{
    object_property_set_uint(OBJECT(dev), name, value, &error_abort);
}

void qdev_prop_set_int32(DeviceState *dev, const char *name, int32_t value)
{
    object_property_set_int(OBJECT(dev), name, value, &error_abort);
}

void qdev_prop_set_uint64(DeviceState *dev, const char *name,
                          uint64_t value)
{
    object_property_set_uint(OBJECT(dev), name, value, &error_abort);
}

void qdev_prop_set_string(DeviceState *dev, const char *name,
                          const char *value)
{
    object_property_set_str(OBJECT(dev), name, value, &error_abort);
}

void qdev_prop_set_array(DeviceState *dev, const char *name, QList *values)
{
    object_property_set_qobject(OBJECT(dev), name, values, &error_abort);
    qobject_unref(values);
}

/*
 * -global and machine compat properties, in registration order.  They
 * apply to every device whose type is the named driver or derives from
 * it, so a later, more specific entry overrides an earlier general one.
 */
static GPtrArray *global_props;

void qdev_prop_register_global(GlobalProperty *prop)
{
    if (global_props == NULL) {
        global_props = g_ptr_array_new();
    }
    g_ptr_array_add(global_props, prop);
}

void qdev_prop_set_globals(DeviceState *dev)
{
    Object *obj = OBJECT(dev);
    guint i;

    for (i = 0; global_props != NULL && i < global_props->len; i++) {
        GlobalProperty *p = g_ptr_array_index(global_props, i);
        Error *err = NULL;

        if (object_class_by_name(p->driver) == NULL ||
            object_dynamic_cast(obj, p->driver) == NULL) {
            continue;
        }
        if (p->optional && object_property_find(obj, p->property) == NULL) {
            continue;
        }
        p->used = true;
        if (object_property_parse(obj, p->property, p->value, &err)) {
            continue;
        }
        error_prepend(&err, "can't apply global %s.%s=%s: ", p->driver,
                      p->property, p->value);
        if (dev->hotplugged) {
            warn_report_err(err);
        } else {
            error_report_err(err);
            exit(1);
        }
    }
}

int qdev_prop_check_globals(void)
{
    int ret = 0;
    guint i;

    for (i = 0; global_props != NULL && i < global_props->len; i++) {
        GlobalProperty *p = g_ptr_array_index(global_props, i);
        ObjectClass *oc;

        if (p->used) {
            continue;
        }
        oc = object_class_by_name(p->driver);
        if (oc != NULL) {
            oc = object_class_dynamic_cast(oc, TYPE_DEVICE);
        }
        if (oc == NULL) {
            warn_report("global %s.%s has invalid class name",
                        p->driver, p->property);
            ret = 1;
            continue;
        }
        if (!DEVICE_CLASS(oc)->hotpluggable) {
            warn_report("global %s.%s=%s not used",
                        p->driver, p->property, p->value);
            ret = 1;
        }
    }
    return ret;
}
