/*
 * QMP commands of the monitor, QOM and chardev layers.
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * Results are built with their members inserted in QEMU's schema order;
 * the JSON writer then orders them as QEMU's hash table prints them
 * (interfaces.md 3.1), so transcripts compare byte for byte.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "qemu/cutils.h"
#include "chardev/char.h"
#include "chardev/char-fe.h"
#include "chardev/char-ringbuf.h"
#include "hw/core/qdev.h"
#include "monitor/monitor-internal.h"

QDict *qmp_query_version_dict(void)
{
    QDict *qemu = qdict_new();
    QDict *info = qdict_new();

    qdict_put_int(qemu, "major", QEMU_VERSION_MAJOR);
    qdict_put_int(qemu, "minor", QEMU_VERSION_MINOR);
    qdict_put_int(qemu, "micro", QEMU_VERSION_MICRO);
    qdict_put(info, "qemu", qemu);
    qdict_put_str(info, "package", QEMU_PKGVERSION);
    return info;
}

static void qmp_query_version(QDict *args, QObject **ret, Error **errp)
{
    *ret = qmp_query_version_dict();
}

static void qmp_query_commands_one(const QmpCommand *cmd, void *opaque)
{
    QDict *info = qdict_new();

    qdict_put_str(info, "name", cmd->name);
    qlist_append(opaque, info);
}

static void qmp_query_commands(QDict *args, QObject **ret, Error **errp)
{
    QList *list = qlist_new();

    qmp_for_each_command(qmp_query_commands_one, list);
    *ret = list;
}

/* QOM */

static void qmp_qom_list(QDict *args, QObject **ret, Error **errp)
{
    const char *path = qdict_get_str(args, "path");
    bool ambiguous = false;
    ObjectPropertyIterator iter;
    ObjectProperty *prop;
    Object *obj;
    QList *list;

    obj = object_resolve_path(path, &ambiguous);
    if (!obj) {
        if (ambiguous) {
            error_setg(errp, "Path '%s' is ambiguous", path);
        } else {
            error_set(errp, ERROR_CLASS_DEVICE_NOT_FOUND,
                      "Device '%s' not found", path);
        }
        return;
    }
    list = qlist_new();
    object_property_iter_init(&iter, obj);
    while ((prop = object_property_iter_next(&iter))) {
        QDict *info = qdict_new();

        qdict_put_str(info, "name", prop->name);
        qdict_put_str(info, "type", prop->type);
        qlist_append(list, info);
    }
    *ret = list;
}

static Object *qmp_qom_find(const char *path, Error **errp)
{
    Object *obj = object_resolve_path(path, NULL);

    if (!obj) {
        error_set(errp, ERROR_CLASS_DEVICE_NOT_FOUND,
                  "Device '%s' not found", path);
    }
    return obj;
}

static void qmp_qom_get(QDict *args, QObject **ret, Error **errp)
{
    Object *obj = qmp_qom_find(qdict_get_str(args, "path"), errp);

    if (obj) {
        *ret = object_property_get_qobject(obj,
                                           qdict_get_str(args, "property"),
                                           errp);
    }
}

static void qmp_qom_set(QDict *args, QObject **ret, Error **errp)
{
    Object *obj = qmp_qom_find(qdict_get_str(args, "path"), errp);

    if (obj) {
        object_property_set_qobject(obj, qdict_get_str(args, "property"),
                                    qdict_get(args, "value"), errp);
    }
}

static void qmp_qom_list_types_one(ObjectClass *klass, void *opaque)
{
    ObjectClass *parent = object_class_get_parent(klass);
    QDict *info = qdict_new();

    qdict_put_str(info, "name", object_class_get_name(klass));
    if (object_class_is_abstract(klass)) {
        qdict_put_bool(info, "abstract", true);
    }
    if (parent) {
        qdict_put_str(info, "parent", object_class_get_name(parent));
    }
    qlist_append(opaque, info);
}

static void qmp_qom_list_types(QDict *args, QObject **ret, Error **errp)
{
    QList *list = qlist_new();

    object_class_foreach(qmp_qom_list_types_one,
                         qdict_get_try_str(args, "implements"),
                         qdict_get_try_bool(args, "abstract", false), list);
    *ret = list;
}

static QDict *qmp_property_info(ObjectProperty *prop)
{
    QDict *info = qdict_new();

    qdict_put_str(info, "name", prop->name);
    qdict_put_str(info, "type", prop->type);
    if (prop->description) {
        qdict_put_str(info, "description", prop->description);
    }
    if (prop->defval) {
        qdict_put_obj(info, "default-value", qobject_ref(prop->defval));
    }
    return info;
}

/* Generic Object and DeviceState members, and text twins of others. */
static bool qmp_device_prop_hidden(const char *name)
{
    static const char *const hidden[] = {
        "type", "realized", "hotpluggable", "hotplugged", "parent_bus", NULL
    };
    const char *const *h;

    for (h = hidden; *h; h++) {
        if (strcmp(*h, name) == 0) {
            return true;
        }
    }
    return g_str_has_prefix(name, "legacy-");
}

static void qmp_device_list_properties(QDict *args, QObject **ret,
                                       Error **errp)
{
    const char *typename = qdict_get_str(args, "typename");
    ObjectPropertyIterator iter;
    ObjectProperty *prop;
    ObjectClass *klass;
    Object *obj;
    QList *list;

    klass = module_object_class_by_name(typename);
    if (!klass) {
        error_set(errp, ERROR_CLASS_DEVICE_NOT_FOUND,
                  "Device '%s' not found", typename);
        return;
    }
    if (!object_class_dynamic_cast(klass, TYPE_DEVICE)) {
        error_setg(errp, "Parameter 'typename' expects device");
        return;
    }
    if (object_class_is_abstract(klass)) {
        error_setg(errp, "Parameter 'typename' expects non-abstract device "
                   "type");
        return;
    }

    /* Instance properties exist only once an object is made. */
    obj = object_new(typename);
    list = qlist_new();
    object_property_iter_init(&iter, obj);
    while ((prop = object_property_iter_next(&iter))) {
        if (!qmp_device_prop_hidden(prop->name)) {
            qlist_append(list, qmp_property_info(prop));
        }
    }
    object_unref(obj);
    *ret = list;
}

static void qmp_qom_list_properties(QDict *args, QObject **ret,
                                    Error **errp)
{
    const char *typename = qdict_get_str(args, "typename");
    ObjectPropertyIterator iter;
    ObjectProperty *prop;
    ObjectClass *klass;
    Object *obj = NULL;
    QList *list;

    klass = module_object_class_by_name(typename);
    if (!klass) {
        error_set(errp, ERROR_CLASS_DEVICE_NOT_FOUND,
                  "Class '%s' not found", typename);
        return;
    }
    if (!object_class_dynamic_cast(klass, TYPE_OBJECT)) {
        error_setg(errp, "Parameter 'typename' expects a QOM type");
        return;
    }
    if (object_class_is_abstract(klass)) {
        object_class_property_iter_init(&iter, klass);
    } else {
        obj = object_new(typename);
        object_property_iter_init(&iter, obj);
    }
    list = qlist_new();
    while ((prop = object_property_iter_next(&iter))) {
        qlist_append(list, qmp_property_info(prop));
    }
    if (obj) {
        object_unref(obj);
    }
    *ret = list;
}

/* HMP passthrough */

static void qmp_human_monitor_command(QDict *args, QObject **ret,
                                      Error **errp)
{
    g_autofree char *out = NULL;

    /* There is no per-monitor CPU selection; only check the number. */
    if (qdict_haskey(args, "cpu-index") &&
        qdict_get_int(args, "cpu-index") < 0) {
        error_setg(errp, "Parameter 'cpu-index' expects a CPU number");
        return;
    }
    out = hmp_run_command_line(qdict_get_str(args, "command-line"));
    *ret = qstring_from_str(out);
}

/* Character devices */

static void qmp_query_chardev_one(Chardev *chr, void *opaque)
{
    QDict *info = qdict_new();

    qdict_put_str(info, "label", chr->label);
    qdict_put_str(info, "filename", chr->filename ? chr->filename : "");
    qdict_put_bool(info, "frontend-open", chr->fe && chr->fe->fe_is_open);
    qlist_append(opaque, info);
}

static void qmp_query_chardev(QDict *args, QObject **ret, Error **errp)
{
    QList *list = qlist_new();

    qemu_chr_foreach(qmp_query_chardev_one, list);
    *ret = list;
}

static void qmp_query_chardev_backends_one(const char *name, void *opaque)
{
    QDict *info = qdict_new();

    qdict_put_str(info, "name", name);
    qlist_append(opaque, info);
}

static void qmp_query_chardev_backends(QDict *args, QObject **ret,
                                       Error **errp)
{
    QList *list = qlist_new();

    qemu_chr_backend_foreach(qmp_query_chardev_backends_one, list);
    *ret = list;
}

static const char *const qmp_data_format_values[] = {
    "utf8", "base64", NULL
};

static bool qmp_format_is_base64(QDict *args)
{
    return g_strcmp0(qdict_get_try_str(args, "format"), "base64") == 0;
}

static void qmp_ringbuf_write(QDict *args, QObject **ret, Error **errp)
{
    const char *data = qdict_get_str(args, "data");
    g_autofree guchar *decoded = NULL;
    gsize len = strlen(data);

    if (qmp_format_is_base64(args)) {
        if (strspn(data, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
                   "0123456789+/=\n") != len) {
            error_setg(errp, "Base64 data contains invalid characters");
            return;
        }
        decoded = g_base64_decode(data, &len);
        qemu_chr_ringbuf_write(qdict_get_str(args, "device"), decoded, len,
                               errp);
        return;
    }
    qemu_chr_ringbuf_write(qdict_get_str(args, "device"),
                           (const uint8_t *)data, len, errp);
}

static void qmp_ringbuf_read(QDict *args, QObject **ret, Error **errp)
{
    g_autofree uint8_t *data = NULL;
    g_autofree char *text = NULL;
    size_t len;

    data = qemu_chr_ringbuf_read(qdict_get_str(args, "device"),
                                 qdict_get_int(args, "size"), &len, errp);
    if (!data) {
        return;
    }
    if (qmp_format_is_base64(args)) {
        text = g_base64_encode(data, len);
    } else {
        /* As in QEMU the text ends at a NUL; bad UTF-8 becomes U+FFFD. */
        text = g_utf8_make_valid((const char *)data, -1);
    }
    *ret = qstring_from_str(text);
}

static const QmpArgSpec qmp_qom_list_args[] = {
    { "path", QMP_ARG_STR },
    { NULL }
};

static const QmpArgSpec qmp_qom_get_args[] = {
    { "path", QMP_ARG_STR },
    { "property", QMP_ARG_STR },
    { NULL }
};

static const QmpArgSpec qmp_qom_set_args[] = {
    { "path", QMP_ARG_STR },
    { "property", QMP_ARG_STR },
    { "value", QMP_ARG_ANY },
    { NULL }
};

static const QmpArgSpec qmp_qom_list_types_args[] = {
    { "implements", QMP_ARG_STR, true },
    { "abstract", QMP_ARG_BOOL, true },
    { NULL }
};

static const QmpArgSpec qmp_typename_args[] = {
    { "typename", QMP_ARG_STR },
    { NULL }
};

static const QmpArgSpec qmp_human_monitor_command_args[] = {
    { "command-line", QMP_ARG_STR },
    { "cpu-index", QMP_ARG_INT, true },
    { NULL }
};

static const QmpArgSpec qmp_ringbuf_write_args[] = {
    { "device", QMP_ARG_STR },
    { "data", QMP_ARG_STR },
    { "format", QMP_ARG_ENUM, true, qmp_data_format_values },
    { NULL }
};

static const QmpArgSpec qmp_ringbuf_read_args[] = {
    { "device", QMP_ARG_STR },
    { "size", QMP_ARG_INT },
    { "format", QMP_ARG_ENUM, true, qmp_data_format_values },
    { NULL }
};

static const QmpCommand qmp_core_commands[] = {
    { "query-version", qmp_query_version, NULL, QCO_ALLOW_PRECONFIG },
    { "query-commands", qmp_query_commands, NULL, QCO_ALLOW_PRECONFIG },
    { "qom-list", qmp_qom_list, qmp_qom_list_args, QCO_ALLOW_PRECONFIG },
    { "qom-get", qmp_qom_get, qmp_qom_get_args, QCO_ALLOW_PRECONFIG },
    { "qom-set", qmp_qom_set, qmp_qom_set_args, QCO_ALLOW_PRECONFIG },
    { "qom-list-types", qmp_qom_list_types, qmp_qom_list_types_args,
      QCO_ALLOW_PRECONFIG },
    { "qom-list-properties", qmp_qom_list_properties, qmp_typename_args,
      QCO_ALLOW_PRECONFIG },
    { "device-list-properties", qmp_device_list_properties,
      qmp_typename_args, QCO_ALLOW_PRECONFIG },
    { "human-monitor-command", qmp_human_monitor_command,
      qmp_human_monitor_command_args, QCO_ALLOW_PRECONFIG },
    { "query-chardev", qmp_query_chardev, NULL, QCO_ALLOW_PRECONFIG },
    { "query-chardev-backends", qmp_query_chardev_backends, NULL,
      QCO_ALLOW_PRECONFIG },
    { "ringbuf-write", qmp_ringbuf_write, qmp_ringbuf_write_args,
      QCO_NO_FLAGS },
    { "ringbuf-read", qmp_ringbuf_read, qmp_ringbuf_read_args,
      QCO_NO_FLAGS },
};

void qmp_register_core(void)
{
    qmp_register_commands(qmp_core_commands, ARRAY_SIZE(qmp_core_commands));
}
