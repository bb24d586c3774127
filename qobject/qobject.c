/*
 * QObject helpers over Jansson values.
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * Jansson iterates objects in insertion order (since 2.8), which gives
 * QDict its insertion-ordered iteration without extra bookkeeping.
 *
 * Unsigned numbers: a Jansson integer is a signed 64-bit value, while
 * QEMU's QNum can also hold an unsigned 64-bit one.  qnum_from_uint()
 * stores a value above INT64_MAX as the integer with the same bit
 * pattern (so it reads as negative through Jansson's own API) and marks
 * that very json_t as unsigned in a registry.  The QNum getters and the
 * JSON writer consult the registry, so such values read back and print
 * as the unsigned number.  The registry holds a reference on each marked
 * value so that its address cannot be reused while it is marked; values
 * nobody else references any more are dropped in amortised sweeps.
 * Limit: a copy made with Jansson's own API (json_deep_copy(),
 * json_integer()) is an ordinary signed integer.
 */
#include "qemu/osdep.h"
#include <math.h>
#include "qobject/qobject.h"

/* Lower bound for the registry size that triggers a sweep. */
#define QNUM_U64_SWEEP_MIN 64

static GMutex qnum_u64_lock;
static GHashTable *qnum_u64_set;
static guint qnum_u64_sweep_at = QNUM_U64_SWEEP_MIN;

static gboolean qnum_u64_unused(gpointer key, gpointer value,
                                gpointer opaque)
{
    json_t *num = key;

    if (num->refcount != 1) {
        return FALSE;
    }
    json_decref(num);
    return TRUE;
}

static void qnum_u64_mark(json_t *num)
{
    g_mutex_lock(&qnum_u64_lock);
    if (!qnum_u64_set) {
        qnum_u64_set = g_hash_table_new(NULL, NULL);
    }
    if (g_hash_table_size(qnum_u64_set) >= qnum_u64_sweep_at) {
        g_hash_table_foreach_remove(qnum_u64_set, qnum_u64_unused, NULL);
        qnum_u64_sweep_at = MAX(QNUM_U64_SWEEP_MIN,
                                2 * g_hash_table_size(qnum_u64_set));
    }
    g_hash_table_add(qnum_u64_set, json_incref(num));
    g_mutex_unlock(&qnum_u64_lock);
}

/* True when @qn holds an unsigned value above INT64_MAX. */
static bool qnum_is_big_uint(const QNum *qn)
{
    bool found;

    if (!json_is_integer(qn) || json_integer_value(qn) >= 0) {
        return false;
    }
    g_mutex_lock(&qnum_u64_lock);
    found = qnum_u64_set && g_hash_table_contains(qnum_u64_set, qn);
    g_mutex_unlock(&qnum_u64_lock);
    return found;
}

QType qobject_type(const QObject *obj)
{
    if (!obj) {
        return QTYPE_NONE;
    }
    switch (json_typeof(obj)) {
    case JSON_OBJECT:
        return QTYPE_QDICT;
    case JSON_ARRAY:
        return QTYPE_QLIST;
    case JSON_STRING:
        return QTYPE_QSTRING;
    case JSON_INTEGER:
    case JSON_REAL:
        return QTYPE_QNUM;
    case JSON_TRUE:
    case JSON_FALSE:
        return QTYPE_QBOOL;
    case JSON_NULL:
        return QTYPE_QNULL;
    }
    g_assert_not_reached();
}

/*
 * Exact comparison of a double with an integer given as magnitude and
 * sign: equal only when @d is integral and converts without rounding.
 */
static bool qnum_double_equals_int(double d, bool negative, uint64_t mag)
{
    if (d != floor(d)) {
        return false;
    }
    if (negative) {
        if (!(d >= -9223372036854775808.0 && d < 0)) {
            return false;
        }
        return (uint64_t)-d == mag;
    }
    if (!(d >= 0 && d < 18446744073709551616.0)) {
        return false;
    }
    return (uint64_t)d == mag;
}

static void qnum_split(const QNum *qn, bool *negative, uint64_t *mag)
{
    int64_t v = json_integer_value(qn);

    if (qnum_is_big_uint(qn)) {
        *negative = false;
        *mag = (uint64_t)v;
    } else if (v < 0) {
        *negative = true;
        *mag = -(uint64_t)v;
    } else {
        *negative = false;
        *mag = v;
    }
}

static bool qnum_is_equal(const QNum *x, const QNum *y)
{
    bool xneg, yneg;
    uint64_t xmag, ymag;

    if (json_is_real(x) && json_is_real(y)) {
        return json_real_value(x) == json_real_value(y);
    }
    if (json_is_real(x)) {
        qnum_split(y, &yneg, &ymag);
        return qnum_double_equals_int(json_real_value(x), yneg, ymag);
    }
    qnum_split(x, &xneg, &xmag);
    if (json_is_real(y)) {
        return qnum_double_equals_int(json_real_value(y), xneg, xmag);
    }
    qnum_split(y, &yneg, &ymag);
    return xmag == ymag && (xneg == yneg || xmag == 0);
}

static bool qdict_is_equal(const QDict *x, const QDict *y)
{
    const QDictEntry *e;

    if (qdict_size(x) != qdict_size(y)) {
        return false;
    }
    for (e = qdict_first(x); e; e = qdict_next(x, e)) {
        QObject *other = qdict_get(y, qdict_entry_key(e));

        if (!other || !qobject_is_equal(qdict_entry_value(e), other)) {
            return false;
        }
    }
    return true;
}

static bool qlist_is_equal(const QList *x, const QList *y)
{
    size_t i;

    if (qlist_size(x) != qlist_size(y)) {
        return false;
    }
    for (i = 0; i < qlist_size(x); i++) {
        if (!qobject_is_equal(qlist_get(x, i), qlist_get(y, i))) {
            return false;
        }
    }
    return true;
}

bool qobject_is_equal(const QObject *x, const QObject *y)
{
    QType type = qobject_type(x);

    if (type != qobject_type(y)) {
        return false;
    }
    switch (type) {
    case QTYPE_NONE:
    case QTYPE_QNULL:
        return true;
    case QTYPE_QBOOL:
        return json_typeof(x) == json_typeof(y);
    case QTYPE_QNUM:
        return qnum_is_equal(x, y);
    case QTYPE_QSTRING:
        return json_string_length(x) == json_string_length(y) &&
               !memcmp(json_string_value(x), json_string_value(y),
                       json_string_length(x));
    case QTYPE_QDICT:
        return qdict_is_equal(x, y);
    case QTYPE_QLIST:
        return qlist_is_equal(x, y);
    default:
        g_assert_not_reached();
    }
}

static QObject *qobject_check(QObject *obj, QType type)
{
    return qobject_type(obj) == type ? obj : NULL;
}

QDict *qobject_to_qdict(QObject *obj)
{
    return qobject_check(obj, QTYPE_QDICT);
}

QList *qobject_to_qlist(QObject *obj)
{
    return qobject_check(obj, QTYPE_QLIST);
}

QString *qobject_to_qstring(QObject *obj)
{
    return qobject_check(obj, QTYPE_QSTRING);
}

QNum *qobject_to_qnum(QObject *obj)
{
    return qobject_check(obj, QTYPE_QNUM);
}

QBool *qobject_to_qbool(QObject *obj)
{
    return qobject_check(obj, QTYPE_QBOOL);
}

QNull *qnull(void)
{
    return json_null();
}

QBool *qbool_from_bool(bool value)
{
    return json_boolean(value);
}

bool qbool_get_bool(const QBool *qb)
{
    g_assert(json_is_boolean(qb));
    return json_is_true(qb);
}

QNum *qnum_from_int(int64_t value)
{
    QNum *qn = json_integer(value);

    g_assert(qn);
    return qn;
}

QNum *qnum_from_uint(uint64_t value)
{
    QNum *qn = json_integer((json_int_t)value);

    g_assert(qn);
    if (value > INT64_MAX) {
        qnum_u64_mark(qn);
    }
    return qn;
}

/* Jansson cannot hold infinities or NaN, so @value must be finite. */
QNum *qnum_from_double(double value)
{
    QNum *qn = json_real(value);

    g_assert(qn);
    return qn;
}

bool qnum_get_try_int(const QNum *qn, int64_t *val)
{
    if (!json_is_integer(qn) || qnum_is_big_uint(qn)) {
        return false;
    }
    *val = json_integer_value(qn);
    return true;
}

bool qnum_get_try_uint(const QNum *qn, uint64_t *val)
{
    int64_t v;

    if (!json_is_integer(qn)) {
        return false;
    }
    v = json_integer_value(qn);
    if (v < 0 && !qnum_is_big_uint(qn)) {
        return false;
    }
    *val = (uint64_t)v;
    return true;
}

int64_t qnum_get_int(const QNum *qn)
{
    int64_t val;

    g_assert(qnum_get_try_int(qn, &val));
    return val;
}

uint64_t qnum_get_uint(const QNum *qn)
{
    uint64_t val;

    g_assert(qnum_get_try_uint(qn, &val));
    return val;
}

double qnum_get_double(const QNum *qn)
{
    uint64_t u;

    g_assert(json_is_number(qn));
    if (json_is_real(qn)) {
        return json_real_value(qn);
    }
    if (qnum_get_try_uint(qn, &u)) {
        return u;
    }
    return json_integer_value(qn);
}

QString *qstring_from_str(const char *str)
{
    QString *qs = json_stringn_nocheck(str, strlen(str));

    g_assert(qs);
    return qs;
}

QString *qstring_new(void)
{
    return qstring_from_str("");
}

const char *qstring_get_str(const QString *qs)
{
    g_assert(json_is_string(qs));
    return json_string_value(qs);
}

QDict *qdict_new(void)
{
    QDict *qdict = json_object();

    g_assert(qdict);
    return qdict;
}

size_t qdict_size(const QDict *qdict)
{
    return json_object_size(qdict);
}

void qdict_put_obj(QDict *qdict, const char *key, QObject *value)
{
    g_assert(json_is_object(qdict) && key && value);
    if (json_object_set_new_nocheck(qdict, key, value) < 0) {
        g_error("qdict_put_obj: cannot store key '%s'", key);
    }
}

void qdict_put_bool(QDict *qdict, const char *key, bool value)
{
    qdict_put_obj(qdict, key, qbool_from_bool(value));
}

void qdict_put_int(QDict *qdict, const char *key, int64_t value)
{
    qdict_put_obj(qdict, key, qnum_from_int(value));
}

void qdict_put_uint(QDict *qdict, const char *key, uint64_t value)
{
    qdict_put_obj(qdict, key, qnum_from_uint(value));
}

void qdict_put_str(QDict *qdict, const char *key, const char *value)
{
    qdict_put_obj(qdict, key, qstring_from_str(value));
}

void qdict_put_null(QDict *qdict, const char *key)
{
    qdict_put_obj(qdict, key, qnull());
}

QObject *qdict_get(const QDict *qdict, const char *key)
{
    return json_object_get(qdict, key);
}

bool qdict_haskey(const QDict *qdict, const char *key)
{
    return qdict_get(qdict, key) != NULL;
}

void qdict_del(QDict *qdict, const char *key)
{
    json_object_del(qdict, key);
}

/* The value under @key, which must exist and be of @type. */
static QObject *qdict_get_typed(const QDict *qdict, const char *key,
                                QType type)
{
    QObject *obj = qdict_get(qdict, key);

    if (qobject_type(obj) != type) {
        g_error("qdict: key '%s' is %s", key,
                obj ? "of an unexpected type" : "missing");
    }
    return obj;
}

int64_t qdict_get_int(const QDict *qdict, const char *key)
{
    return qnum_get_int(qdict_get_typed(qdict, key, QTYPE_QNUM));
}

bool qdict_get_bool(const QDict *qdict, const char *key)
{
    return qbool_get_bool(qdict_get_typed(qdict, key, QTYPE_QBOOL));
}

const char *qdict_get_str(const QDict *qdict, const char *key)
{
    return qstring_get_str(qdict_get_typed(qdict, key, QTYPE_QSTRING));
}

QDict *qdict_get_qdict(const QDict *qdict, const char *key)
{
    return qdict_get_typed(qdict, key, QTYPE_QDICT);
}

QList *qdict_get_qlist(const QDict *qdict, const char *key)
{
    return qdict_get_typed(qdict, key, QTYPE_QLIST);
}

int64_t qdict_get_try_int(const QDict *qdict, const char *key, int64_t def)
{
    QNum *qn = qobject_to(QNum, qdict_get(qdict, key));
    int64_t val;

    if (!qn || !qnum_get_try_int(qn, &val)) {
        return def;
    }
    return val;
}

bool qdict_get_try_bool(const QDict *qdict, const char *key, bool def)
{
    QBool *qb = qobject_to(QBool, qdict_get(qdict, key));

    return qb ? qbool_get_bool(qb) : def;
}

const char *qdict_get_try_str(const QDict *qdict, const char *key)
{
    QString *qs = qobject_to(QString, qdict_get(qdict, key));

    return qs ? qstring_get_str(qs) : NULL;
}

/* A QDictEntry is a Jansson object iterator. */
const QDictEntry *qdict_first(const QDict *qdict)
{
    return json_object_iter((QDict *)qdict);
}

const QDictEntry *qdict_next(const QDict *qdict, const QDictEntry *entry)
{
    return json_object_iter_next((QDict *)qdict, (void *)entry);
}

const char *qdict_entry_key(const QDictEntry *entry)
{
    return json_object_iter_key((void *)entry);
}

QObject *qdict_entry_value(const QDictEntry *entry)
{
    return json_object_iter_value((void *)entry);
}

QList *qlist_new(void)
{
    QList *qlist = json_array();

    g_assert(qlist);
    return qlist;
}

void qlist_append_obj(QList *qlist, QObject *obj)
{
    g_assert(json_is_array(qlist) && obj);
    if (json_array_append_new(qlist, obj) < 0) {
        g_error("qlist_append_obj: cannot append");
    }
}

void qlist_append_int(QList *qlist, int64_t value)
{
    qlist_append_obj(qlist, qnum_from_int(value));
}

void qlist_append_bool(QList *qlist, bool value)
{
    qlist_append_obj(qlist, qbool_from_bool(value));
}

void qlist_append_str(QList *qlist, const char *value)
{
    qlist_append_obj(qlist, qstring_from_str(value));
}

size_t qlist_size(const QList *qlist)
{
    return json_array_size(qlist);
}

QObject *qlist_get(const QList *qlist, size_t i)
{
    return json_array_get(qlist, i);
}

QObject *qlist_peek(const QList *qlist)
{
    return qlist_get(qlist, 0);
}

QObject *qlist_pop(QList *qlist)
{
    QObject *first = qlist_peek(qlist);

    if (!first) {
        return NULL;
    }
    qobject_ref(first);
    json_array_remove(qlist, 0);
    return first;
}

bool qlist_empty(const QList *qlist)
{
    return qlist_size(qlist) == 0;
}
