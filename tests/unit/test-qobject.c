/*
 * Unit tests for the QObject helpers (qobject/qobject.c).
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include "qemu/osdep.h"
#include "qobject/qobject.h"

static void test_type(void)
{
    g_autoptr(json_t) d = qdict_new();
    g_autoptr(json_t) l = qlist_new();
    g_autoptr(json_t) s = qstring_from_str("x");
    g_autoptr(json_t) i = qnum_from_int(1);
    g_autoptr(json_t) f = qnum_from_double(1.5);
    g_autoptr(json_t) b = qbool_from_bool(true);
    g_autoptr(json_t) n = qnull();

    g_assert_cmpint(qobject_type(NULL), ==, QTYPE_NONE);
    g_assert_cmpint(qobject_type(d), ==, QTYPE_QDICT);
    g_assert_cmpint(qobject_type(l), ==, QTYPE_QLIST);
    g_assert_cmpint(qobject_type(s), ==, QTYPE_QSTRING);
    g_assert_cmpint(qobject_type(i), ==, QTYPE_QNUM);
    g_assert_cmpint(qobject_type(f), ==, QTYPE_QNUM);
    g_assert_cmpint(qobject_type(b), ==, QTYPE_QBOOL);
    g_assert_cmpint(qobject_type(n), ==, QTYPE_QNULL);

    g_assert(qobject_to(QDict, d) == d);
    g_assert_null(qobject_to(QDict, l));
    g_assert(qobject_to(QList, l) == l);
    g_assert_null(qobject_to(QList, d));
    g_assert(qobject_to(QString, s) == s);
    g_assert_null(qobject_to(QString, i));
    g_assert(qobject_to(QNum, f) == f);
    g_assert_null(qobject_to(QNum, b));
    g_assert(qobject_to(QBool, b) == b);
    g_assert_null(qobject_to(QBool, n));
    g_assert_null(qobject_to(QDict, NULL));
}

static void test_qnum_int(void)
{
    g_autoptr(json_t) neg = qnum_from_int(INT64_MIN);
    g_autoptr(json_t) pos = qnum_from_int(42);
    int64_t i;
    uint64_t u;

    g_assert_true(qnum_get_try_int(neg, &i));
    g_assert_cmpint(i, ==, INT64_MIN);
    g_assert_false(qnum_get_try_uint(neg, &u));
    g_assert_cmpint(qnum_get_int(pos), ==, 42);
    g_assert_cmpuint(qnum_get_uint(pos), ==, 42);
    g_assert_cmpfloat(qnum_get_double(pos), ==, 42.0);
    g_assert_cmpfloat(qnum_get_double(neg), ==, -9223372036854775808.0);
}

static void test_qnum_uint(void)
{
    g_autoptr(json_t) small = qnum_from_uint(7);
    g_autoptr(json_t) max = qnum_from_uint(UINT64_MAX);
    g_autoptr(json_t) half = qnum_from_uint(1ULL << 63);
    g_autoptr(json_t) minus_one = qnum_from_int(-1);
    int64_t i;
    uint64_t u;

    g_assert_cmpint(qnum_get_int(small), ==, 7);
    g_assert_cmpuint(qnum_get_uint(small), ==, 7);

    g_assert_false(qnum_get_try_int(max, &i));
    g_assert_true(qnum_get_try_uint(max, &u));
    g_assert_cmpuint(u, ==, UINT64_MAX);
    g_assert_cmpuint(qnum_get_uint(half), ==, 1ULL << 63);
    g_assert_cmpfloat(qnum_get_double(max), ==, 18446744073709551615.0);

    /* Same bits as UINT64_MAX, but a signed value. */
    g_assert_false(qnum_get_try_uint(minus_one, &u));
    g_assert_false(qobject_is_equal(max, minus_one));
}

/* Unsigned marks survive the registry's sweeps while referenced. */
static void test_qnum_uint_many(void)
{
    QNum *kept[300];
    uint64_t u;
    int i, round;

    for (i = 0; i < 300; i++) {
        kept[i] = qnum_from_uint(UINT64_MAX - i);
    }
    for (round = 0; round < 20; round++) {
        for (i = 0; i < 300; i++) {
            qobject_unref(qnum_from_uint(UINT64_MAX - 1000 - i));
        }
    }
    for (i = 0; i < 300; i++) {
        g_assert_true(qnum_get_try_uint(kept[i], &u));
        g_assert_cmpuint(u, ==, UINT64_MAX - i);
        qobject_unref(kept[i]);
    }
}

static void test_qnum_double(void)
{
    g_autoptr(json_t) d = qnum_from_double(-2.25);
    int64_t i;
    uint64_t u;

    g_assert_cmpfloat(qnum_get_double(d), ==, -2.25);
    g_assert_false(qnum_get_try_int(d, &i));
    g_assert_false(qnum_get_try_uint(d, &u));
}

static void test_scalars(void)
{
    g_autoptr(json_t) t = qbool_from_bool(true);
    g_autoptr(json_t) f = qbool_from_bool(false);
    g_autoptr(json_t) s = qstring_from_str("h\xc3\xa9llo");
    g_autoptr(json_t) raw = qstring_from_str("\xff\xfe bad utf-8");
    g_autoptr(json_t) empty = qstring_new();

    g_assert_true(qbool_get_bool(t));
    g_assert_false(qbool_get_bool(f));
    g_assert_cmpstr(qstring_get_str(s), ==, "h\xc3\xa9llo");
    g_assert_cmpstr(qstring_get_str(raw), ==, "\xff\xfe bad utf-8");
    g_assert_cmpstr(qstring_get_str(empty), ==, "");
}

static void test_equal(void)
{
    g_autoptr(json_t) a = qdict_new();
    g_autoptr(json_t) b = qdict_new();
    g_autoptr(json_t) l1 = qlist_new();
    g_autoptr(json_t) l2 = qlist_new();
    g_autoptr(json_t) i1 = qnum_from_int(1);
    g_autoptr(json_t) d1 = qnum_from_double(1.0);
    g_autoptr(json_t) d15 = qnum_from_double(1.5);
    g_autoptr(json_t) big = qnum_from_uint(1ULL << 63);
    g_autoptr(json_t) dbig = qnum_from_double(9223372036854775808.0);
    g_autoptr(json_t) s1 = json_stringn("a\0b", 3);
    g_autoptr(json_t) s2 = json_stringn("a\0c", 3);

    g_assert_true(qobject_is_equal(NULL, NULL));
    g_assert_false(qobject_is_equal(i1, NULL));
    g_assert_true(qobject_is_equal(i1, d1));
    g_assert_false(qobject_is_equal(i1, d15));
    g_assert_true(qobject_is_equal(big, dbig));
    g_assert_false(qobject_is_equal(s1, s2));
    g_assert_false(qobject_is_equal(i1, s1));

    /* Member order does not matter for dicts, element order does. */
    qdict_put_int(a, "x", 1);
    qdict_put_str(a, "y", "z");
    qdict_put_str(b, "y", "z");
    g_assert_false(qobject_is_equal(a, b));
    qdict_put_int(b, "x", 1);
    g_assert_true(qobject_is_equal(a, b));
    qdict_put_int(b, "x", 2);
    g_assert_false(qobject_is_equal(a, b));

    qlist_append_int(l1, 1);
    qlist_append_int(l1, 2);
    qlist_append_int(l2, 2);
    qlist_append_int(l2, 1);
    g_assert_false(qobject_is_equal(l1, l2));
    qobject_unref(qlist_pop(l2));
    qlist_append_int(l2, 2);
    g_assert_true(qobject_is_equal(l1, l2));
    qobject_unref(qlist_pop(l1));
    g_assert_false(qobject_is_equal(l1, l2));
}

static void test_qdict_put_get(void)
{
    g_autoptr(json_t) d = qdict_new();
    g_autoptr(json_t) inner = qdict_new();
    QList *list = qlist_new();

    qdict_put_bool(d, "bool", true);
    qdict_put_int(d, "int", -5);
    qdict_put_uint(d, "uint", UINT64_MAX);
    qdict_put_str(d, "str", "text");
    qdict_put_null(d, "null");
    qdict_put(d, "list", list);
    qdict_put_int(inner, "depth", 2);
    qdict_put(d, "dict", qobject_ref(inner));
    g_assert_cmpuint(qdict_size(d), ==, 7);

    g_assert_true(qdict_get_bool(d, "bool"));
    g_assert_cmpint(qdict_get_int(d, "int"), ==, -5);
    g_assert_cmpuint(qnum_get_uint(qdict_get(d, "uint")), ==, UINT64_MAX);
    g_assert_cmpstr(qdict_get_str(d, "str"), ==, "text");
    g_assert_cmpint(qobject_type(qdict_get(d, "null")), ==, QTYPE_QNULL);
    g_assert(qdict_get_qlist(d, "list") == list);
    g_assert(qdict_get_qdict(d, "dict") == inner);
    g_assert_cmpint(qdict_get_int(qdict_get_qdict(d, "dict"), "depth"), ==,
                    2);
    g_assert_true(qdict_haskey(d, "str"));
    g_assert_false(qdict_haskey(d, "nope"));
    g_assert_null(qdict_get(d, "nope"));

    /* Replacing keeps the size; deleting drops the member. */
    qdict_put_str(d, "str", "other");
    g_assert_cmpuint(qdict_size(d), ==, 7);
    g_assert_cmpstr(qdict_get_str(d, "str"), ==, "other");
    qdict_del(d, "str");
    g_assert_false(qdict_haskey(d, "str"));
    g_assert_cmpuint(qdict_size(d), ==, 6);
    qdict_del(d, "absent");
    g_assert_cmpuint(qdict_size(d), ==, 6);
}

static void test_qdict_try_getters(void)
{
    g_autoptr(json_t) d = qdict_new();

    qdict_put_int(d, "i", 3);
    qdict_put_str(d, "s", "v");
    qdict_put_bool(d, "b", false);
    qdict_put_uint(d, "big", UINT64_MAX);

    g_assert_cmpint(qdict_get_try_int(d, "i", 9), ==, 3);
    g_assert_cmpint(qdict_get_try_int(d, "missing", 9), ==, 9);
    g_assert_cmpint(qdict_get_try_int(d, "s", 9), ==, 9);
    g_assert_cmpint(qdict_get_try_int(d, "big", 9), ==, 9);
    g_assert_false(qdict_get_try_bool(d, "b", true));
    g_assert_true(qdict_get_try_bool(d, "missing", true));
    g_assert_true(qdict_get_try_bool(d, "i", true));
    g_assert_cmpstr(qdict_get_try_str(d, "s"), ==, "v");
    g_assert_null(qdict_get_try_str(d, "i"));
    g_assert_null(qdict_get_try_str(d, "missing"));
}

static void test_qdict_iteration_order(void)
{
    static const char *const keys[] = {
        "zeta", "alpha", "mid", "b", "a", "return", "id", "error", "class",
    };
    g_autoptr(json_t) d = qdict_new();
    const QDictEntry *e;
    size_t i;

    g_assert_null(qdict_first(d));
    for (i = 0; i < ARRAY_SIZE(keys); i++) {
        qdict_put_int(d, keys[i], i);
    }
    /* A new value for an existing key keeps the key's place. */
    qdict_put_str(d, "mid", "replaced");

    i = 0;
    for (e = qdict_first(d); e; e = qdict_next(d, e), i++) {
        g_assert_cmpstr(qdict_entry_key(e), ==, keys[i]);
        if (i == 2) {
            g_assert_cmpstr(qstring_get_str(qdict_entry_value(e)), ==,
                            "replaced");
        } else {
            g_assert_cmpint(qnum_get_int(qdict_entry_value(e)), ==, i);
        }
    }
    g_assert_cmpuint(i, ==, ARRAY_SIZE(keys));
}

static void test_qlist(void)
{
    g_autoptr(json_t) l = qlist_new();
    QObject *obj;
    size_t i;

    g_assert_true(qlist_empty(l));
    g_assert_null(qlist_peek(l));
    g_assert_null(qlist_pop(l));

    qlist_append_int(l, 10);
    qlist_append_bool(l, true);
    qlist_append_str(l, "s");
    qlist_append(l, qnull());
    g_assert_false(qlist_empty(l));
    g_assert_cmpuint(qlist_size(l), ==, 4);
    g_assert_cmpint(qnum_get_int(qlist_peek(l)), ==, 10);
    g_assert_true(qbool_get_bool(qlist_get(l, 1)));
    g_assert_cmpstr(qstring_get_str(qlist_get(l, 2)), ==, "s");
    g_assert_null(qlist_get(l, 4));

    QLIST_FOREACH_ENTRY_IDX(l, i, obj) {
        g_assert(obj == qlist_get(l, i));
    }
    g_assert_cmpuint(i, ==, 4);

    obj = qlist_pop(l);
    g_assert_cmpint(qnum_get_int(obj), ==, 10);
    qobject_unref(obj);
    g_assert_cmpuint(qlist_size(l), ==, 3);
    g_assert_cmpint(qobject_type(qlist_peek(l)), ==, QTYPE_QBOOL);
}

static void test_refcount(void)
{
    QDict *d = qdict_new();
    QString *s = qstring_from_str("shared");

    qdict_put(d, "a", qobject_ref(s));
    g_assert_cmpuint(s->refcount, ==, 2);
    qobject_unref(d);
    g_assert_cmpuint(s->refcount, ==, 1);
    g_assert_cmpstr(qstring_get_str(s), ==, "shared");
    qobject_unref(s);
    qobject_unref(NULL);
}

static const char *const getter_cases[] = {
    "int-missing", "int-wrong", "bool-missing", "bool-wrong",
    "str-missing", "str-wrong", "qdict-wrong", "qlist-wrong",
    "int-unsigned",
};

/* Each typed getter aborts on a missing key and on a wrong type. */
static void test_qdict_getter_aborts(void)
{
    size_t i;

    for (i = 0; i < ARRAY_SIZE(getter_cases); i++) {
        g_autofree char *path =
            g_strdup_printf("/qobject/qdict/getter-aborts/subprocess/%s",
                            getter_cases[i]);

        g_test_trap_subprocess(path, 0, G_TEST_SUBPROCESS_DEFAULT);
        g_test_trap_assert_failed();
    }
}

static void getter_abort_child(gconstpointer data)
{
    const char *which = data;
    QDict *d = qdict_new();

    qdict_put_str(d, "s", "x");
    qdict_put_int(d, "i", 1);
    qdict_put_uint(d, "u", UINT64_MAX);
    if (g_str_equal(which, "int-missing")) {
        qdict_get_int(d, "none");
    } else if (g_str_equal(which, "int-wrong")) {
        qdict_get_int(d, "s");
    } else if (g_str_equal(which, "bool-missing")) {
        qdict_get_bool(d, "none");
    } else if (g_str_equal(which, "bool-wrong")) {
        qdict_get_bool(d, "i");
    } else if (g_str_equal(which, "str-missing")) {
        qdict_get_str(d, "none");
    } else if (g_str_equal(which, "str-wrong")) {
        qdict_get_str(d, "i");
    } else if (g_str_equal(which, "qdict-wrong")) {
        qdict_get_qdict(d, "s");
    } else if (g_str_equal(which, "qlist-wrong")) {
        qdict_get_qlist(d, "s");
    } else {
        qdict_get_int(d, "u");
    }
    /* Only reached when the getter failed to abort. */
    exit(0);
}

int main(int argc, char **argv)
{
    size_t i;

    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/qobject/type", test_type);
    g_test_add_func("/qobject/qnum/int", test_qnum_int);
    g_test_add_func("/qobject/qnum/uint", test_qnum_uint);
    g_test_add_func("/qobject/qnum/uint-many", test_qnum_uint_many);
    g_test_add_func("/qobject/qnum/double", test_qnum_double);
    g_test_add_func("/qobject/scalars", test_scalars);
    g_test_add_func("/qobject/equal", test_equal);
    g_test_add_func("/qobject/qdict/put-get", test_qdict_put_get);
    g_test_add_func("/qobject/qdict/try-getters", test_qdict_try_getters);
    g_test_add_func("/qobject/qdict/iteration-order",
                    test_qdict_iteration_order);
    g_test_add_func("/qobject/qdict/getter-aborts", test_qdict_getter_aborts);
    for (i = 0; i < ARRAY_SIZE(getter_cases); i++) {
        g_autofree char *path =
            g_strdup_printf("/qobject/qdict/getter-aborts/subprocess/%s",
                            getter_cases[i]);

        g_test_add_data_func(path, getter_cases[i], getter_abort_child);
    }
    g_test_add_func("/qobject/qlist", test_qlist);
    g_test_add_func("/qobject/refcount", test_refcount);
    return g_test_run();
}
