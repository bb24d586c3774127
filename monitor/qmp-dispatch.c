/*
 * QMP command registry, argument checks, request dispatch and events.
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * Requests are validated like QEMU's dispatcher does it, with the same
 * texts (docs: interfaces.md 3.3).  QEMU walks the request's members in
 * the order of its 512-bucket hash table, so when a request has several
 * faults the one reported depends on that order; we walk the members in
 * the same order to report the same fault.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "qapi/qmp-registry.h"
#include "monitor/monitor-internal.h"

void (*qapi_event_emit_hook)(QDict *event);
bool (*qmp_capabilities_hook)(QList *enable, Error **errp);
bool (*qmp_command_available_hook)(const QmpCommand *cmd, Error **errp);

const char *const qmp_capability_values[] = { "oob", NULL };

/* Name -> const QmpCommand *, kept sorted for query-commands. */
static GTree *qmp_commands;

/* The session being dispatched is in capabilities negotiation. */
static bool qmp_dispatching_negotiation;

static void qmp_capabilities(QDict *args, QObject **ret, Error **errp)
{
    QList *enable = qobject_to(QList, qdict_get(args, "enable"));
    QObject *cap;
    GString *unavailable;
    size_t i;

    if (!qmp_dispatching_negotiation) {
        error_set(errp, ERROR_CLASS_COMMAND_NOT_FOUND,
                  "Capabilities negotiation is already complete, "
                  "command ignored");
        return;
    }
    if (qmp_capabilities_hook) {
        qmp_capabilities_hook(enable, errp);
        return;
    }
    if (!enable || qlist_empty(enable)) {
        return;
    }
    unavailable = g_string_new(NULL);
    QLIST_FOREACH_ENTRY_IDX(enable, i, cap) {
        g_string_append_printf(unavailable, "%s%s", i ? ", " : "",
                               qstring_get_str(cap));
    }
    error_setg(errp, "Capability %s not available", unavailable->str);
    g_string_free(unavailable, true);
}

static const QmpArgSpec qmp_capabilities_args[] = {
    { "enable", QMP_ARG_STR_LIST, true, qmp_capability_values },
    { NULL }
};

static const QmpCommand qmp_capabilities_cmd = {
    "qmp_capabilities", qmp_capabilities, qmp_capabilities_args,
    QCO_ALLOW_PRECONFIG
};

static GTree *qmp_command_table(void)
{
    if (!qmp_commands) {
        qmp_commands = g_tree_new((GCompareFunc)strcmp);
        g_tree_insert(qmp_commands, (gpointer)qmp_capabilities_cmd.name,
                      (gpointer)&qmp_capabilities_cmd);
    }
    return qmp_commands;
}

/* A later registration of the same name replaces the earlier one. */
void qmp_register_command(const QmpCommand *cmd)
{
    g_tree_replace(qmp_command_table(), (gpointer)cmd->name, (gpointer)cmd);
}

void qmp_register_commands(const QmpCommand *cmds, size_t n)
{
    size_t i;

    for (i = 0; i < n; i++) {
        qmp_register_command(&cmds[i]);
    }
}

const QmpCommand *qmp_find_command(const char *name)
{
    return g_tree_lookup(qmp_command_table(), name);
}

typedef struct QmpForEach {
    void (*fn)(const QmpCommand *cmd, void *opaque);
    void *opaque;
} QmpForEach;

static gboolean qmp_for_each_tramp(gpointer key, gpointer value,
                                   gpointer data)
{
    QmpForEach *each = data;

    each->fn(value, each->opaque);
    return FALSE;
}

void qmp_for_each_command(void (*fn)(const QmpCommand *cmd, void *opaque),
                          void *opaque)
{
    QmpForEach each = { fn, opaque };

    g_tree_foreach(qmp_command_table(), qmp_for_each_tramp, &each);
}

/* Argument checks */

static const char *qmp_arg_type_name(QmpArgType type)
{
    switch (type) {
    case QMP_ARG_STR:
    case QMP_ARG_ENUM:
        return "string";
    case QMP_ARG_INT:
        return "integer";
    case QMP_ARG_UINT:
        return "uint64";
    case QMP_ARG_NUMBER:
        return "number";
    case QMP_ARG_BOOL:
        return "boolean";
    case QMP_ARG_DICT:
        return "object";
    case QMP_ARG_LIST:
    case QMP_ARG_STR_LIST:
        return "array";
    case QMP_ARG_ANY:
        break;
    }
    g_assert_not_reached();
}

static bool qmp_enum_accepts(const char *const *values, const char *str)
{
    for (; *values; values++) {
        if (strcmp(*values, str) == 0) {
            return true;
        }
    }
    return false;
}

/*
 * A string that must be one of @values (when non-NULL); @name is the
 * member's full name as QEMU spells it ("enable[0]" for list elements).
 */
static bool qmp_check_string(QObject *value, const char *name,
                             const char *const *values, Error **errp)
{
    if (qobject_type(value) != QTYPE_QSTRING) {
        error_setg(errp, "Invalid parameter type for '%s', expected: string",
                   name);
        return false;
    }
    if (values && !qmp_enum_accepts(values, qstring_get_str(value))) {
        error_setg(errp, "Parameter '%s' does not accept value '%s'",
                   name, qstring_get_str(value));
        return false;
    }
    return true;
}

static bool qmp_check_one(const QmpArgSpec *spec, QObject *value,
                          Error **errp)
{
    QType type = qobject_type(value);
    int64_t ival;
    uint64_t uval;
    QObject *elem;
    size_t i;
    bool ok;

    switch (spec->type) {
    case QMP_ARG_STR:
        return qmp_check_string(value, spec->name, NULL, errp);
    case QMP_ARG_ENUM:
        return qmp_check_string(value, spec->name, spec->enum_values, errp);
    case QMP_ARG_INT:
        ok = type == QTYPE_QNUM && qnum_get_try_int(value, &ival);
        break;
    case QMP_ARG_UINT:
        if (type != QTYPE_QNUM || !qnum_get_try_uint(value, &uval)) {
            error_setg(errp, "Parameter '%s' expects uint64", spec->name);
            return false;
        }
        return true;
    case QMP_ARG_NUMBER:
        ok = type == QTYPE_QNUM;
        break;
    case QMP_ARG_BOOL:
        ok = type == QTYPE_QBOOL;
        break;
    case QMP_ARG_DICT:
        ok = type == QTYPE_QDICT;
        break;
    case QMP_ARG_LIST:
        ok = type == QTYPE_QLIST;
        break;
    case QMP_ARG_STR_LIST:
        if (type != QTYPE_QLIST) {
            ok = false;
            break;
        }
        QLIST_FOREACH_ENTRY_IDX(value, i, elem) {
            g_autofree char *elem_name =
                g_strdup_printf("%s[%zu]", spec->name, i);

            if (!qmp_check_string(elem, elem_name, spec->enum_values,
                                  errp)) {
                return false;
            }
        }
        return true;
    case QMP_ARG_ANY:
        return true;
    default:
        g_assert_not_reached();
    }
    if (!ok) {
        error_setg(errp, "Invalid parameter type for '%s', expected: %s",
                   spec->name, qmp_arg_type_name(spec->type));
    }
    return ok;
}

static const QmpArgSpec *qmp_find_arg(const QmpCommand *cmd,
                                      const char *name)
{
    const QmpArgSpec *spec;

    for (spec = cmd->args; spec && spec->name; spec++) {
        if (strcmp(spec->name, name) == 0) {
            return spec;
        }
    }
    return NULL;
}

/*
 * Members in table order (missing or mistyped), then the first member
 * the table does not know, as QEMU's input visitor reports them.
 */
bool qmp_check_args(const QmpCommand *cmd, QDict *args, Error **errp)
{
    const QmpArgSpec *spec;
    const QDictEntry *ent;
    QObject *value;

    for (spec = cmd->args; spec && spec->name; spec++) {
        value = qdict_get(args, spec->name);
        if (!value) {
            if (!spec->optional) {
                error_setg(errp, "Parameter '%s' is missing", spec->name);
                return false;
            }
            continue;
        }
        if (!qmp_check_one(spec, value, errp)) {
            return false;
        }
    }
    if (cmd->flags & QCO_ALLOW_EXTRA_ARGS) {
        return true;
    }
    for (ent = qdict_first(args); ent; ent = qdict_next(args, ent)) {
        if (!qmp_find_arg(cmd, qdict_entry_key(ent))) {
            error_setg(errp, "Parameter '%s' is unexpected",
                       qdict_entry_key(ent));
            return false;
        }
    }
    return true;
}

/* Request validation */

/* QEMU's QDict bucket of @key: the gdbm/tdb hash modulo 512. */
static unsigned qmp_qemu_bucket(const char *key)
{
    size_t len = strlen(key);
    uint32_t value = 0x238F13AFu * (uint32_t)len;
    size_t i;

    for (i = 0; i < len; i++) {
        value += (uint32_t)(uint8_t)key[i] << (i * 5 % 24);
    }
    return (1103515243u * value + 12345u) % 512;
}

typedef struct QmpMember {
    const char *key;
    QObject *value;
    unsigned bucket;
    size_t pos;
} QmpMember;

/* Bucket order; inside a bucket the newest member first. */
static gint qmp_member_compare(gconstpointer a, gconstpointer b)
{
    const QmpMember *ma = a, *mb = b;

    if (ma->bucket != mb->bucket) {
        return ma->bucket < mb->bucket ? -1 : 1;
    }
    return ma->pos > mb->pos ? -1 : ma->pos < mb->pos;
}

static GArray *qmp_members_in_qemu_order(QDict *dict)
{
    GArray *members = g_array_new(false, false, sizeof(QmpMember));
    const QDictEntry *ent;
    QmpMember m;

    for (ent = qdict_first(dict); ent; ent = qdict_next(dict, ent)) {
        m.key = qdict_entry_key(ent);
        m.value = qdict_entry_value(ent);
        m.bucket = qmp_qemu_bucket(m.key);
        m.pos = members->len;
        g_array_append_val(members, m);
    }
    g_array_sort(members, qmp_member_compare);
    return members;
}

/* The request's command name, or NULL with @errp set. */
static const char *qmp_check_request(QDict *dict, bool allow_oob,
                                     bool *oob, Error **errp)
{
    g_autoptr(GArray) members = qmp_members_in_qemu_order(dict);
    const char *exec_key = NULL;
    QmpMember *m;
    guint i;

    for (i = 0; i < members->len; i++) {
        m = &g_array_index(members, QmpMember, i);
        if (strcmp(m->key, "execute") == 0 ||
            (allow_oob && strcmp(m->key, "exec-oob") == 0)) {
            if (qobject_type(m->value) != QTYPE_QSTRING) {
                error_setg(errp, "QMP input member '%s' must be a string",
                           m->key);
                return NULL;
            }
            if (exec_key) {
                error_setg(errp, "QMP input member '%s' clashes with '%s'",
                           m->key, exec_key);
                return NULL;
            }
            exec_key = m->key;
        } else if (strcmp(m->key, "arguments") == 0) {
            if (qobject_type(m->value) != QTYPE_QDICT) {
                error_setg(errp,
                           "QMP input member 'arguments' must be an object");
                return NULL;
            }
        } else if (strcmp(m->key, "id") != 0) {
            error_setg(errp, "QMP input member '%s' is unexpected", m->key);
            return NULL;
        }
    }
    if (!exec_key) {
        error_setg(errp, "QMP input lacks member 'execute'");
        return NULL;
    }
    *oob = strcmp(exec_key, "exec-oob") == 0;
    return qdict_get_str(dict, exec_key);
}

static QObject *qmp_do_dispatch(QDict *dict, bool allow_oob,
                                bool in_negotiation, Error **errp)
{
    const QmpCommand *cmd;
    const char *name;
    QDict *args;
    QObject *ret = NULL;
    Error *local_err = NULL;
    bool oob = false;

    name = qmp_check_request(dict, allow_oob, &oob, errp);
    if (!name) {
        return NULL;
    }
    if (in_negotiation && strcmp(name, qmp_capabilities_cmd.name) != 0) {
        error_set(errp, ERROR_CLASS_COMMAND_NOT_FOUND,
                  "Expecting capabilities negotiation with "
                  "'qmp_capabilities'");
        return NULL;
    }
    cmd = qmp_find_command(name);
    if (!cmd) {
        error_set(errp, ERROR_CLASS_COMMAND_NOT_FOUND,
                  "The command %s has not been found", name);
        return NULL;
    }
    if (oob && !(cmd->flags & QCO_ALLOW_OOB)) {
        error_setg(errp, "The command %s does not support OOB", name);
        return NULL;
    }
    if (qmp_command_available_hook && !qmp_command_available_hook(cmd, errp)) {
        return NULL;
    }

    args = qdict_get(dict, "arguments");
    args = args ? qobject_ref(args) : qdict_new();
    if (qmp_check_args(cmd, args, &local_err)) {
        qmp_dispatching_negotiation = in_negotiation;
        cmd->fn(args, &ret, &local_err);
        qmp_dispatching_negotiation = false;
    }
    qobject_unref(args);

    if (local_err) {
        qobject_unref(ret);
        error_propagate(errp, local_err);
        return NULL;
    }
    return ret ? ret : qdict_new();
}

QDict *qmp_error_response(Error *err)
{
    QDict *body = qdict_new();
    QDict *rsp = qdict_new();

    qdict_put_str(body, "class", ErrorClass_str[error_get_class(err)]);
    qdict_put_str(body, "desc", error_get_pretty(err));
    qdict_put(rsp, "error", body);
    error_free(err);
    return rsp;
}

/*
 * Members are inserted in QEMU's order ("return" or "error", then
 * "id"); the JSON writer prints them in QEMU's hash order.
 */
QDict *qmp_dispatch(QObject *request, bool allow_oob, bool in_negotiation)
{
    QDict *dict = qobject_to(QDict, request);
    QObject *id = dict ? qdict_get(dict, "id") : NULL;
    QObject *ret = NULL;
    Error *err = NULL;
    QDict *rsp;

    if (!dict) {
        error_setg(&err, "QMP input must be a JSON object");
    } else {
        ret = qmp_do_dispatch(dict, allow_oob, in_negotiation, &err);
    }

    if (err) {
        rsp = qmp_error_response(err);
    } else {
        rsp = qdict_new();
        qdict_put_obj(rsp, "return", ret);
    }
    if (id) {
        qdict_put_obj(rsp, "id", qobject_ref(id));
    }
    return rsp;
}

/* Events */

void qapi_event_send(const char *name, QDict *data)
{
    gint64 now = g_get_real_time();
    QDict *timestamp = qdict_new();
    QDict *event = qdict_new();

    qdict_put_int(timestamp, "seconds", now / G_USEC_PER_SEC);
    qdict_put_int(timestamp, "microseconds", now % G_USEC_PER_SEC);
    qdict_put(event, "timestamp", timestamp);
    qdict_put_str(event, "event", name);
    if (data) {
        qdict_put(event, "data", data);
    }
    if (qapi_event_emit_hook) {
        qapi_event_emit_hook(event);
    }
    qobject_unref(event);
}
