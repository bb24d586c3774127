/*
 * QOM: user-creatable objects (-object, object-add).
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "qom/object.h"
#include "qom-internal.h"

static const TypeInfo user_creatable_info = {
    .name = TYPE_USER_CREATABLE,
    .parent = TYPE_INTERFACE,
    .class_size = sizeof(UserCreatableClass),
};

void user_creatable_register_types(void)
{
    type_register_static(&user_creatable_info);
}

bool user_creatable_complete(Object *obj, Error **errp)
{
    ObjectClass *klass = object_class_dynamic_cast(object_get_class(obj),
                                                   TYPE_USER_CREATABLE);
    UserCreatableClass *ucc = (UserCreatableClass *)klass;
    Error *err = NULL;

    if (!ucc || !ucc->complete) {
        return true;
    }
    ucc->complete(obj, &err);
    if (err) {
        error_propagate(errp, err);
        return false;
    }
    return true;
}

/* QEMU's rule for ids: a letter, then letters, digits, '-', '.', '_'. */
static bool user_creatable_id_wellformed(const char *id)
{
    const char *p;

    if (!g_ascii_isalpha(id[0])) {
        return false;
    }
    for (p = id + 1; *p; p++) {
        if (!g_ascii_isalnum(*p) && !strchr("-._", *p)) {
            return false;
        }
    }
    return true;
}

static bool user_creatable_set_props(Object *obj, const QDict *qdict,
                                     Error **errp)
{
    const QDictEntry *e;

    for (e = qdict_first(qdict); e; e = qdict_next(qdict, e)) {
        const char *key = qdict_entry_key(e);

        if (!strcmp(key, "qom-type") || !strcmp(key, "id")) {
            continue;
        }
        if (!object_property_set_qobject(obj, key, qdict_entry_value(e),
                                         errp)) {
            return false;
        }
    }
    return true;
}

static ObjectClass *user_creatable_class(const char *type, Error **errp)
{
    ObjectClass *klass = object_class_by_name(type);

    if (!klass) {
        error_setg(errp, "invalid object type: %s", type);
        return NULL;
    }
    if (!object_class_dynamic_cast(klass, TYPE_USER_CREATABLE)) {
        error_setg(errp, "object type '%s' isn't supported by object-add",
                   type);
        return NULL;
    }
    if (object_class_is_abstract(klass)) {
        error_setg(errp, "object type '%s' is abstract", type);
        return NULL;
    }
    return klass;
}

Object *user_creatable_add_qdict(const QDict *qdict, Error **errp)
{
    QObject *type_value = qdict_get(qdict, "qom-type");
    QObject *id_value = qdict_get(qdict, "id");
    Object *container = object_get_objects_root();
    const char *type;
    const char *id;
    Object *obj;

    if (!type_value) {
        error_setg(errp, "Parameter 'qom-type' is missing");
        return NULL;
    }
    if (!qobject_input_str(type_value, "qom-type", &type, errp)) {
        return NULL;
    }
    if (!id_value) {
        error_setg(errp, "Parameter 'id' is missing");
        return NULL;
    }
    if (!qobject_input_str(id_value, "id", &id, errp)) {
        return NULL;
    }
    if (!user_creatable_id_wellformed(id)) {
        error_setg(errp, "Parameter 'id' expects an identifier");
        return NULL;
    }
    if (!user_creatable_class(type, errp)) {
        return NULL;
    }
    if (object_property_find(container, id)) {
        error_setg(errp, "attempt to add duplicate property '%s' to object "
                   "(type '%s')", id, object_get_typename(container));
        return NULL;
    }

    obj = object_new(type);
    if (!user_creatable_set_props(obj, qdict, errp)) {
        object_unref(obj);
        return NULL;
    }
    object_property_add_child(container, id, obj);
    object_unref(obj);
    if (!user_creatable_complete(obj, errp)) {
        object_unparent(obj);
        return NULL;
    }
    return obj;
}
