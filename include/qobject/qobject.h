/*
 * QObject: JSON values (null, bool, number, string, list, dict).
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * The values are Jansson values: QObject, QDict, QList, QString, QNum,
 * QBool and QNull are all names for json_t, so the QEMU-style helpers
 * below and Jansson's own API can be mixed freely.  Dicts keep insertion
 * order.  References are counted; every function that returns a new
 * reference says so.
 */
#ifndef QOBJECT_QOBJECT_H
#define QOBJECT_QOBJECT_H

#include <jansson.h>

typedef json_t QObject;
typedef json_t QDict;
typedef json_t QList;
typedef json_t QString;
typedef json_t QNum;
typedef json_t QBool;
typedef json_t QNull;

typedef enum QType {
    QTYPE_NONE,
    QTYPE_QNULL,
    QTYPE_QNUM,
    QTYPE_QSTRING,
    QTYPE_QDICT,
    QTYPE_QLIST,
    QTYPE_QBOOL,
    QTYPE__MAX
} QType;

#define QOBJECT(x) ((QObject *)(x))

/** qobject_type: the kind of @obj (QTYPE_NONE for NULL). */
QType qobject_type(const QObject *obj);

static inline QObject *qobject_ref(QObject *obj)
{
    return json_incref(obj);
}

static inline void qobject_unref(QObject *obj)
{
    json_decref(obj);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC(json_t, json_decref)

/** qobject_is_equal: deep equality (integers and floats compare by value). */
bool qobject_is_equal(const QObject *x, const QObject *y);

/* Checked downcasts: NULL when @obj is NULL or of another kind. */
QDict *qobject_to_qdict(QObject *obj);
QList *qobject_to_qlist(QObject *obj);
QString *qobject_to_qstring(QObject *obj);
QNum *qobject_to_qnum(QObject *obj);
QBool *qobject_to_qbool(QObject *obj);
#define qobject_to(type, obj) qobject_to_ ## type(obj)
#define qobject_to_QDict qobject_to_qdict
#define qobject_to_QList qobject_to_qlist
#define qobject_to_QString qobject_to_qstring
#define qobject_to_QNum qobject_to_qnum
#define qobject_to_QBool qobject_to_qbool

/* Scalars (new references). */
QNull *qnull(void);
QBool *qbool_from_bool(bool value);
bool qbool_get_bool(const QBool *qb);
QNum *qnum_from_int(int64_t value);
QNum *qnum_from_uint(uint64_t value);
QNum *qnum_from_double(double value);
/** qnum_get_try_int: true when @qn is an integer that fits in int64. */
bool qnum_get_try_int(const QNum *qn, int64_t *val);
/** qnum_get_try_uint: true when @qn is a non-negative integer. */
bool qnum_get_try_uint(const QNum *qn, uint64_t *val);
int64_t qnum_get_int(const QNum *qn);
uint64_t qnum_get_uint(const QNum *qn);
double qnum_get_double(const QNum *qn);
QString *qstring_from_str(const char *str);
QString *qstring_new(void);
const char *qstring_get_str(const QString *qs);

/* Dicts. qdict_put* take over the reference they are given. */
QDict *qdict_new(void);
size_t qdict_size(const QDict *qdict);
void qdict_put_obj(QDict *qdict, const char *key, QObject *value);
#define qdict_put(qdict, key, obj) qdict_put_obj(qdict, key, QOBJECT(obj))
void qdict_put_bool(QDict *qdict, const char *key, bool value);
void qdict_put_int(QDict *qdict, const char *key, int64_t value);
void qdict_put_uint(QDict *qdict, const char *key, uint64_t value);
void qdict_put_str(QDict *qdict, const char *key, const char *value);
void qdict_put_null(QDict *qdict, const char *key);
/** qdict_get: borrowed reference, or NULL. */
QObject *qdict_get(const QDict *qdict, const char *key);
bool qdict_haskey(const QDict *qdict, const char *key);
void qdict_del(QDict *qdict, const char *key);
/* Typed getters abort when the key is missing or of another type. */
int64_t qdict_get_int(const QDict *qdict, const char *key);
bool qdict_get_bool(const QDict *qdict, const char *key);
const char *qdict_get_str(const QDict *qdict, const char *key);
QDict *qdict_get_qdict(const QDict *qdict, const char *key);
QList *qdict_get_qlist(const QDict *qdict, const char *key);
/* _try_ getters return the default / NULL instead. */
int64_t qdict_get_try_int(const QDict *qdict, const char *key, int64_t def);
bool qdict_get_try_bool(const QDict *qdict, const char *key, bool def);
const char *qdict_get_try_str(const QDict *qdict, const char *key);

/* Iteration in insertion order. */
typedef struct QDictEntry QDictEntry;
const QDictEntry *qdict_first(const QDict *qdict);
const QDictEntry *qdict_next(const QDict *qdict, const QDictEntry *entry);
const char *qdict_entry_key(const QDictEntry *entry);
QObject *qdict_entry_value(const QDictEntry *entry);

/* Lists. qlist_append* take over the reference they are given. */
QList *qlist_new(void);
void qlist_append_obj(QList *qlist, QObject *obj);
#define qlist_append(qlist, obj) qlist_append_obj(qlist, QOBJECT(obj))
void qlist_append_int(QList *qlist, int64_t value);
void qlist_append_bool(QList *qlist, bool value);
void qlist_append_str(QList *qlist, const char *value);
size_t qlist_size(const QList *qlist);
/** qlist_entry_obj / qlist_peek: borrowed element @i / the first one. */
QObject *qlist_get(const QList *qlist, size_t i);
QObject *qlist_peek(const QList *qlist);
/** qlist_pop: remove the first element; returns the reference. */
QObject *qlist_pop(QList *qlist);
bool qlist_empty(const QList *qlist);

#define QLIST_FOREACH_ENTRY_IDX(qlist, i, obj)                      \
    for ((i) = 0; (i) < qlist_size(qlist) &&                        \
         ((obj) = qlist_get(qlist, i), true); (i)++)

#endif
