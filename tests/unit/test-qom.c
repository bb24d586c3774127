/*
 * Unit tests for QOM: types, interfaces, properties, the tree.
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "qemu/module.h"
#include "qom/object.h"

/* Every life-cycle hook appends a word here. */
static GString *trace_log;

static void trace_word(const char *fmt, ...) G_GNUC_PRINTF(1, 2);

static void trace_word(const char *fmt, ...)
{
    va_list ap;

    if (trace_log->len) {
        g_string_append_c(trace_log, ' ');
    }
    va_start(ap, fmt);
    g_string_append_vprintf(trace_log, fmt, ap);
    va_end(ap);
}

static void trace_reset(void)
{
    g_string_truncate(trace_log, 0);
}

static void assert_error(Error *err, const char *message)
{
    g_assert_nonnull(err);
    g_assert_cmpstr(error_get_pretty(err), ==, message);
    error_free(err);
}

/* Interfaces */

#define TYPE_TEST_IFACE "test-iface"
#define TYPE_TEST_SUBIFACE "test-subiface"
#define TYPE_TEST_OTHER_IFACE "test-other-iface"

typedef struct TestIfaceClass {
    InterfaceClass parent_class;
    const char *(*describe)(Object *obj);
} TestIfaceClass;

typedef struct TestSubIfaceClass {
    TestIfaceClass parent_class;
    int extra;
} TestSubIfaceClass;

#define TEST_IFACE_CLASS(klass) \
    OBJECT_CLASS_CHECK(TestIfaceClass, klass, TYPE_TEST_IFACE)
#define TEST_IFACE_GET_CLASS(obj) \
    OBJECT_GET_CLASS(TestIfaceClass, obj, TYPE_TEST_IFACE)
#define TEST_SUBIFACE_CLASS(klass) \
    OBJECT_CLASS_CHECK(TestSubIfaceClass, klass, TYPE_TEST_SUBIFACE)

static const char *test_iface_default_describe(Object *obj)
{
    return "default";
}

static void test_iface_class_init(ObjectClass *klass, const void *data)
{
    TestIfaceClass *tic = (TestIfaceClass *)klass;

    tic->describe = test_iface_default_describe;
}

/* The test object hierarchy: test-a <- test-b <- test-c */

#define TYPE_TEST_A "test-a"
#define TYPE_TEST_B "test-b"
#define TYPE_TEST_C "test-c"

OBJECT_DECLARE_TYPE(TestA, TestAClass, TEST_A)

struct TestA {
    Object parent_obj;

    uint8_t u8;
    uint16_t u16;
    uint32_t u32;
    uint64_t u64;
    uint8_t wo8;
    bool flag;
    bool flag_at_init;
    char *label;
    uint64_t level;
    int64_t offset;
    Object *peer;
    Object *strong;
    Object *ro_link;
    Object *picky;
};

struct TestAClass {
    ObjectClass parent_class;
    int depth;
};

typedef struct TestB {
    TestA parent_obj;
    uint32_t extra;
} TestB;

static bool test_a_get_flag(Object *obj, Error **errp)
{
    return TEST_A(obj)->flag;
}

static void test_a_set_flag(Object *obj, bool value, Error **errp)
{
    TEST_A(obj)->flag = value;
}

static char *test_a_get_label(Object *obj, Error **errp)
{
    return g_strdup(TEST_A(obj)->label);
}

static void test_a_set_label(Object *obj, const char *value, Error **errp)
{
    TestA *s = TEST_A(obj);

    g_free(s->label);
    s->label = g_strdup(value);
}

static QObject *test_a_get_level(Object *obj, const char *name,
                                 void *opaque, Error **errp)
{
    return qnum_from_uint(TEST_A(obj)->level);
}

static bool test_a_set_level(Object *obj, const char *name, QObject *value,
                             void *opaque, Error **errp)
{
    return qobject_input_uint(value, name, 1000, &TEST_A(obj)->level, errp);
}

static QObject *test_a_get_offset(Object *obj, const char *name,
                                  void *opaque, Error **errp)
{
    return qnum_from_int(TEST_A(obj)->offset);
}

static bool test_a_set_offset(Object *obj, const char *name,
                              QObject *value, void *opaque, Error **errp)
{
    return qobject_input_int(value, name, -100, 100, &TEST_A(obj)->offset,
                             errp);
}

/* The "picky" link refuses targets whose u8 is not zero. */
static void test_a_check_picky(const Object *obj, const char *name,
                               Object *val, Error **errp)
{
    if (val && TEST_A(val)->u8 != 0) {
        error_setg(errp, "%s is busy", object_get_typename(val));
    }
}

static void test_a_init(Object *obj)
{
    TestA *s = TEST_A(obj);

    trace_word("init:a");
    s->flag_at_init = s->flag;
    object_property_add_uint8_ptr(obj, "u8", &s->u8,
                                  OBJ_PROP_FLAG_READWRITE);
    object_property_add_uint16_ptr(obj, "u16", &s->u16,
                                   OBJ_PROP_FLAG_READWRITE);
    object_property_add_uint32_ptr(obj, "u32", &s->u32,
                                   OBJ_PROP_FLAG_READWRITE);
    object_property_add_uint64_ptr(obj, "u64", &s->u64,
                                   OBJ_PROP_FLAG_READWRITE);
    object_property_add_uint32_ptr(obj, "ro32", &s->u32, OBJ_PROP_FLAG_READ);
    object_property_add_uint8_ptr(obj, "wo8", &s->wo8, OBJ_PROP_FLAG_WRITE);
    object_property_add_link(obj, "peer", TYPE_TEST_B, &s->peer,
                             object_property_allow_set_link, 0);
    object_property_add_link(obj, "strong", TYPE_TEST_A, &s->strong,
                             object_property_allow_set_link,
                             OBJ_PROP_LINK_STRONG);
    object_property_add_link(obj, "ro-link", TYPE_TEST_A, &s->ro_link,
                             NULL, 0);
    object_property_add_link(obj, "picky", TYPE_TEST_A, &s->picky,
                             test_a_check_picky, 0);
}

static void test_a_post_init(Object *obj)
{
    trace_word("post:a");
}

static void test_a_finalize(Object *obj)
{
    trace_word("fin:a");
    g_free(TEST_A(obj)->label);
}

static const char *test_a_describe(Object *obj)
{
    return "a";
}

static void test_a_class_init(ObjectClass *klass, const void *data)
{
    TestAClass *ac = TEST_A_CLASS(klass);
    ObjectProperty *prop;

    ac->depth = 1;
    TEST_IFACE_CLASS(klass)->describe = test_a_describe;

    prop = object_class_property_add_bool(klass, "flag", test_a_get_flag,
                                          test_a_set_flag);
    object_property_set_default_bool(prop, true);
    prop = object_class_property_add_str(klass, "label", test_a_get_label,
                                         test_a_set_label);
    object_property_set_default_str(prop, "none");
    object_class_property_set_description(klass, "label", "a short name");
    prop = object_class_property_add(klass, "level", "uint64",
                                     test_a_get_level, test_a_set_level,
                                     NULL, NULL);
    object_property_set_default_uint(prop, 7);
    prop = object_class_property_add(klass, "offset", "int64",
                                     test_a_get_offset, test_a_set_offset,
                                     NULL, NULL);
    object_property_set_default_int(prop, -5);
}

static void test_b_init(Object *obj)
{
    trace_word("init:b");
    object_property_add_uint32_ptr(obj, "b-extra",
                                   &((TestB *)obj)->extra,
                                   OBJ_PROP_FLAG_READWRITE);
}

static void test_b_finalize(Object *obj)
{
    trace_word("fin:b");
}

static const char *test_b_describe(Object *obj)
{
    return "b";
}

static void test_b_class_init(ObjectClass *klass, const void *data)
{
    TestAClass *ac = TEST_A_CLASS(klass);

    g_assert_cmpint(ac->depth, ==, 1);
    ac->depth = 2;
    TEST_IFACE_CLASS(klass)->describe = test_b_describe;
    object_class_property_add_bool(klass, "b-class", test_a_get_flag,
                                   NULL);
}

static void test_c_init(Object *obj)
{
    trace_word("init:c");
}

static void test_c_post_init(Object *obj)
{
    trace_word("post:c");
}

static void test_c_finalize(Object *obj)
{
    trace_word("fin:c");
}

/* Other types */

#define TYPE_TEST_ABSTRACT "test-abstract"
#define TYPE_TEST_SUB_IMPL "test-sub-impl"
#define TYPE_TEST_HOLDER "test-holder"
#define TYPE_TEST_UNIQUE "test-unique"
#define TYPE_TEST_UC "test-uc"
#define TYPE_TEST_MODULE "test-module-type"
#define TYPE_TEST_ALIGNED "test-aligned"

typedef struct TestHolder {
    Object parent_obj;
    TestA inner;
} TestHolder;

static void test_holder_finalize(Object *obj)
{
    trace_word("fin:holder");
}

static void test_sub_impl_class_init(ObjectClass *klass, const void *data)
{
    TEST_SUBIFACE_CLASS(klass)->extra = 42;
}

typedef struct TestUc {
    Object parent_obj;
    uint32_t size;
    bool completed;
} TestUc;

static QObject *test_uc_get_size(Object *obj, const char *name,
                                 void *opaque, Error **errp)
{
    return qnum_from_uint(((TestUc *)obj)->size);
}

static bool test_uc_set_size(Object *obj, const char *name, QObject *value,
                             void *opaque, Error **errp)
{
    uint64_t v;

    if (!qobject_input_uint(value, name, UINT32_MAX, &v, errp)) {
        return false;
    }
    ((TestUc *)obj)->size = v;
    return true;
}

static void test_uc_complete(Object *obj, Error **errp)
{
    TestUc *s = (TestUc *)obj;

    if (s->size == 0) {
        error_setg(errp, "size must be set");
        return;
    }
    s->completed = true;
}

static void test_uc_class_init(ObjectClass *klass, const void *data)
{
    USER_CREATABLE_CLASS(klass)->complete = test_uc_complete;
    object_class_property_add(klass, "size", "uint32", test_uc_get_size,
                              test_uc_set_size, NULL, NULL);
}

static const TypeInfo test_types[] = {
    {
        .name = TYPE_TEST_IFACE,
        .parent = TYPE_INTERFACE,
        .class_size = sizeof(TestIfaceClass),
        .class_init = test_iface_class_init,
    },
    {
        .name = TYPE_TEST_SUBIFACE,
        .parent = TYPE_TEST_IFACE,
        .class_size = sizeof(TestSubIfaceClass),
    },
    {
        .name = TYPE_TEST_OTHER_IFACE,
        .parent = TYPE_INTERFACE,
    },
    {
        .name = TYPE_TEST_A,
        .parent = TYPE_OBJECT,
        .instance_size = sizeof(TestA),
        .instance_init = test_a_init,
        .instance_post_init = test_a_post_init,
        .instance_finalize = test_a_finalize,
        .class_size = sizeof(TestAClass),
        .class_init = test_a_class_init,
        .interfaces = (const InterfaceInfo[]) {
            { TYPE_TEST_IFACE },
            { }
        },
    },
    {
        .name = TYPE_TEST_B,
        .parent = TYPE_TEST_A,
        .instance_size = sizeof(TestB),
        .instance_init = test_b_init,
        .instance_finalize = test_b_finalize,
        .class_init = test_b_class_init,
    },
    {
        .name = TYPE_TEST_C,
        .parent = TYPE_TEST_B,
        .instance_init = test_c_init,
        .instance_post_init = test_c_post_init,
        .instance_finalize = test_c_finalize,
    },
    {
        .name = TYPE_TEST_ABSTRACT,
        .parent = TYPE_TEST_A,
        .abstract = true,
    },
    {
        .name = TYPE_TEST_SUB_IMPL,
        .parent = TYPE_OBJECT,
        .class_init = test_sub_impl_class_init,
        .interfaces = (const InterfaceInfo[]) {
            { TYPE_TEST_SUBIFACE },
            { }
        },
    },
    {
        .name = TYPE_TEST_HOLDER,
        .parent = TYPE_OBJECT,
        .instance_size = sizeof(TestHolder),
        .instance_finalize = test_holder_finalize,
    },
    {
        .name = TYPE_TEST_UNIQUE,
        .parent = TYPE_OBJECT,
    },
    {
        .name = TYPE_TEST_ALIGNED,
        .parent = TYPE_OBJECT,
        .instance_size = 256,
        .instance_align = 128,
    },
    {
        .name = TYPE_TEST_UC,
        .parent = TYPE_OBJECT,
        .instance_size = sizeof(TestUc),
        .class_init = test_uc_class_init,
        .interfaces = (const InterfaceInfo[]) {
            { TYPE_USER_CREATABLE },
            { }
        },
    },
};

/* Registered through type_init, to check module_call_init runs it. */
static const TypeInfo test_module_types[] = {
    {
        .name = TYPE_TEST_MODULE,
        .parent = TYPE_OBJECT,
    },
};
DEFINE_TYPES(test_module_types)

/* Class initialisation order and inheritance */

typedef struct OrderClass {
    ObjectClass parent_class;
    int level;
    const char *owner;      /* reset for every subclass by base_init */
    int base_inits;
} OrderClass;

static void order_base_init(ObjectClass *klass, const void *data)
{
    OrderClass *oc = (OrderClass *)klass;

    trace_word("base_init(%s)", object_class_get_name(klass));
    oc->owner = NULL;
    oc->base_inits++;
}

static void order_class_init(ObjectClass *klass, const void *data)
{
    OrderClass *oc = (OrderClass *)klass;

    trace_word("class_init(%s,level=%d,data=%s)",
               object_class_get_name(klass), oc->level,
               (const char *)data);
    oc->level++;
    oc->owner = object_class_get_name(klass);
}

static void test_class_init_order(void)
{
    static const TypeInfo order_types[] = {
        {
            .name = "order-mid",
            .parent = "order-root",
            .class_init = order_class_init,
            .class_data = "mid",
        },
        {
            .name = "order-root",
            .parent = TYPE_OBJECT,
            .class_size = sizeof(OrderClass),
            .class_init = order_class_init,
            .class_base_init = order_base_init,
            .class_data = "root",
        },
        {
            .name = "order-leaf",
            .parent = "order-mid",
            .class_init = order_class_init,
            .class_data = "leaf",
        },
        {
            .name = "order-bare",
            .parent = "order-mid",
        },
    };
    OrderClass *leaf, *mid, *root, *bare;

    type_register_static_array(order_types, ARRAY_SIZE(order_types));
    trace_reset();
    leaf = (OrderClass *)object_class_by_name("order-leaf");
    g_assert_cmpstr(trace_log->str, ==,
                    "class_init(order-root,level=0,data=root) "
                    "base_init(order-mid) "
                    "class_init(order-mid,level=1,data=mid) "
                    "base_init(order-leaf) "
                    "class_init(order-leaf,level=2,data=leaf)");
    g_assert_cmpint(leaf->level, ==, 3);
    g_assert_cmpstr(leaf->owner, ==, "order-leaf");
    g_assert_cmpint(leaf->base_inits, ==, 2);

    /* Initialised classes are not initialised again. */
    trace_reset();
    mid = (OrderClass *)object_class_by_name("order-mid");
    root = (OrderClass *)object_class_by_name("order-root");
    g_assert_cmpstr(trace_log->str, ==, "");
    g_assert_cmpint(mid->level, ==, 2);
    g_assert_cmpint(root->level, ==, 1);
    g_assert(object_class_get_parent(OBJECT_CLASS(leaf)) ==
             OBJECT_CLASS(mid));

    /* A class without class_init is its parent's copy after base_init. */
    bare = (OrderClass *)object_class_by_name("order-bare");
    g_assert_cmpstr(trace_log->str, ==, "base_init(order-bare)");
    g_assert_cmpint(bare->level, ==, 2);
    g_assert_null(bare->owner);
    g_assert_cmpstr(object_class_get_name(OBJECT_CLASS(bare)), ==,
                    "order-bare");
}

static void test_class_lookup(void)
{
    ObjectClass *a = object_class_by_name(TYPE_TEST_A);
    ObjectClass *c = object_class_by_name(TYPE_TEST_C);
    ObjectClass *obj = object_class_by_name(TYPE_OBJECT);

    g_assert_nonnull(a);
    g_assert_null(object_class_by_name("no-such-type"));
    g_assert_null(module_object_class_by_name("no-such-type"));
    g_assert(module_object_class_by_name(TYPE_TEST_C) == c);
    g_assert_nonnull(object_class_by_name(TYPE_TEST_MODULE));

    g_assert(object_class_get_parent(c) ==
             object_class_by_name(TYPE_TEST_B));
    g_assert_null(object_class_get_parent(obj));
    g_assert_true(object_class_is_abstract(obj));
    g_assert_true(object_class_is_abstract(
                      object_class_by_name(TYPE_TEST_ABSTRACT)));
    g_assert_true(object_class_is_abstract(
                      object_class_by_name(TYPE_TEST_IFACE)));
    g_assert_false(object_class_is_abstract(a));

    /* Class fields and sizes come down from the parent. */
    g_assert_cmpint(TEST_A_CLASS(c)->depth, ==, 2);
    g_assert_cmpint(TEST_A_CLASS(a)->depth, ==, 1);
    g_assert(object_class_dynamic_cast(c, TYPE_TEST_A) == c);
    g_assert_null(object_class_dynamic_cast(a, TYPE_TEST_B));
    g_assert_null(object_class_dynamic_cast(a, "no-such-type"));
}

static void test_abstract_refused(void)
{
    if (g_test_subprocess()) {
        object_new(TYPE_TEST_ABSTRACT);
        return;
    }
    g_test_trap_subprocess(NULL, 0, 0);
    g_test_trap_assert_failed();
    g_test_trap_assert_stderr("*abstract type 'test-abstract'*");
}

static void test_interface_refused(void)
{
    if (g_test_subprocess()) {
        object_new(TYPE_TEST_IFACE);
        return;
    }
    g_test_trap_subprocess(NULL, 0, 0);
    g_test_trap_assert_failed();
    g_test_trap_assert_stderr("*abstract type 'test-iface'*");
}

static void test_unknown_type_exits(void)
{
    if (g_test_subprocess()) {
        object_new("no-such-type");
        return;
    }
    g_test_trap_subprocess(NULL, 0, 0);
    g_test_trap_assert_failed();
    g_test_trap_assert_stderr("*unknown type 'no-such-type'*");
}

/* Interfaces and casts */

static void test_interfaces(void)
{
    Object *a = object_new(TYPE_TEST_A);
    Object *b = object_new(TYPE_TEST_B);
    Object *c = object_new(TYPE_TEST_C);
    Object *sub = object_new(TYPE_TEST_SUB_IMPL);
    Object *unique = object_new(TYPE_TEST_UNIQUE);
    ObjectClass *ia = object_class_dynamic_cast(object_get_class(a),
                                                TYPE_TEST_IFACE);
    ObjectClass *ib = object_class_dynamic_cast(object_get_class(b),
                                                TYPE_TEST_IFACE);
    InterfaceClass *ic;

    g_assert_cmpstr(TEST_IFACE_GET_CLASS(a)->describe(a), ==, "a");
    g_assert_cmpstr(TEST_IFACE_GET_CLASS(b)->describe(b), ==, "b");
    g_assert_cmpstr(TEST_IFACE_GET_CLASS(c)->describe(c), ==, "b");
    g_assert_cmpstr(TEST_IFACE_GET_CLASS(sub)->describe(sub), ==,
                    "default");

    /* Each class has its own interface class pointing back at it. */
    g_assert_nonnull(ia);
    g_assert_nonnull(ib);
    g_assert(ia != ib);
    ic = (InterfaceClass *)ia;
    g_assert(ic->concrete_class == object_get_class(a));
    g_assert_cmpstr(object_class_get_name(ia), ==, TYPE_TEST_IFACE);
    g_assert(ic->interface_type == object_class_by_name(TYPE_TEST_IFACE)->type);
    g_assert(object_class_dynamic_cast(ia, TYPE_TEST_IFACE) == ia);
    g_assert(((InterfaceClass *)ib)->concrete_class == object_get_class(b));
    g_assert(object_class_dynamic_cast(object_get_class(c),
                                       TYPE_TEST_IFACE) != ib);

    /* A sub-interface also answers for its parent interface. */
    g_assert_cmpint(TEST_SUBIFACE_CLASS(object_get_class(sub))->extra, ==,
                    42);
    g_assert(object_class_dynamic_cast(object_get_class(sub),
                                       TYPE_TEST_IFACE) ==
             object_class_dynamic_cast(object_get_class(sub),
                                       TYPE_TEST_SUBIFACE));
    g_assert(object_dynamic_cast(sub, TYPE_TEST_IFACE) == sub);
    g_assert_null(object_dynamic_cast(a, TYPE_TEST_SUBIFACE));

    /* Instance casts. */
    g_assert(object_dynamic_cast(a, TYPE_TEST_IFACE) == a);
    g_assert(object_dynamic_cast(c, TYPE_TEST_A) == c);
    g_assert(object_dynamic_cast(c, TYPE_OBJECT) == c);
    g_assert_null(object_dynamic_cast(a, TYPE_TEST_B));
    g_assert_null(object_dynamic_cast(a, TYPE_TEST_OTHER_IFACE));
    g_assert_null(object_dynamic_cast(unique, TYPE_TEST_IFACE));
    g_assert_null(object_dynamic_cast(a, "no-such-type"));
    g_assert_null(object_dynamic_cast(NULL, TYPE_OBJECT));
    g_assert(TEST_A(c) == (TestA *)c);
    g_assert(INTERFACE_CHECK(void, c, TYPE_TEST_IFACE) == (void *)c);
    g_assert_cmpstr(object_get_typename(c), ==, TYPE_TEST_C);

    object_unref(a);
    object_unref(b);
    object_unref(c);
    object_unref(sub);
    object_unref(unique);
}

static void test_cast_assert_aborts(void)
{
    if (g_test_subprocess()) {
        Object *a = object_new(TYPE_TEST_A);

        INTERFACE_CHECK(void, a, TYPE_TEST_OTHER_IFACE);
        return;
    }
    g_test_trap_subprocess(NULL, 0, 0);
    g_test_trap_assert_failed();
    g_test_trap_assert_stderr("*test-qom.c:*:test_cast_assert_aborts: "
                              "Object 0x* is not an instance of type "
                              "test-other-iface*");
}

static void test_class_cast_assert_aborts(void)
{
    if (g_test_subprocess()) {
        TEST_A_CLASS(object_class_by_name(TYPE_TEST_UNIQUE));
        return;
    }
    g_test_trap_subprocess(NULL, 0, 0);
    g_test_trap_assert_failed();
    g_test_trap_assert_stderr("*is not an instance of type test-a*");
}

/* Life cycle */

static void test_release_trace(Object *obj, const char *name, void *opaque)
{
    trace_word("release:%s", name);
}

static void test_lifecycle_order(void)
{
    Object *c;
    TestA *s;

    trace_reset();
    c = object_new(TYPE_TEST_C);
    g_assert_cmpstr(trace_log->str, ==,
                    "init:a init:b init:c post:a post:c");
    s = TEST_A(c);
    g_assert_cmpuint(c->ref, ==, 1);
    g_assert_null(c->parent);
    g_assert(c->free == g_free);

    /* Class property defaults are stored before instance_init runs. */
    g_assert_true(s->flag_at_init);
    g_assert_cmpstr(s->label, ==, "none");
    g_assert_cmpuint(s->level, ==, 7);
    g_assert_cmpint(s->offset, ==, -5);

    object_property_add(c, "first", "bool", NULL, NULL, test_release_trace,
                        NULL);
    object_property_add(c, "second", "bool", NULL, NULL,
                        test_release_trace, NULL);

    g_assert(object_ref(c) == c);
    g_assert_cmpuint(c->ref, ==, 2);
    trace_reset();
    object_unref(c);
    g_assert_cmpuint(c->ref, ==, 1);
    g_assert_cmpstr(trace_log->str, ==, "");
    object_unref(c);
    g_assert_cmpstr(trace_log->str, ==,
                    "release:first release:second fin:c fin:b fin:a");
    g_assert_null(object_ref(NULL));
    object_unref(NULL);
}

static void test_embedded_objects(void)
{
    TestB b;
    TestHolder *holder;

    trace_reset();
    object_initialize(&b, sizeof(b), TYPE_TEST_B);
    g_assert_cmpstr(trace_log->str, ==, "init:a init:b post:a");
    g_assert_null(OBJECT(&b)->free);
    g_assert_cmpstr(object_get_typename(OBJECT(&b)), ==, TYPE_TEST_B);
    trace_reset();
    object_unref(&b);
    g_assert_cmpstr(trace_log->str, ==, "fin:b fin:a");

    holder = (TestHolder *)object_new(TYPE_TEST_HOLDER);
    object_initialize_child(OBJECT(holder), "inner", &holder->inner,
                            TYPE_TEST_A);
    g_assert_cmpuint(OBJECT(&holder->inner)->ref, ==, 1);
    g_assert(OBJECT(&holder->inner)->parent == OBJECT(holder));
    g_assert(object_resolve_path_component(OBJECT(holder), "inner") ==
             OBJECT(&holder->inner));
    trace_reset();
    object_unref(holder);
    g_assert_cmpstr(trace_log->str, ==, "fin:a fin:holder");
}

static void test_aligned_instances(void)
{
    Object *objs[4];
    int i;

    for (i = 0; i < ARRAY_SIZE(objs); i++) {
        objs[i] = object_new(TYPE_TEST_ALIGNED);
        g_assert_cmpuint((uintptr_t)objs[i] % 128, ==, 0);
        g_assert_cmpuint(objs[i]->ref, ==, 1);
    }
    for (i = 0; i < ARRAY_SIZE(objs); i++) {
        object_unref(objs[i]);
    }
}

static void test_object_new_with_class(void)
{
    Object *obj = object_new_with_class(object_class_by_name(TYPE_TEST_B));

    g_assert_cmpstr(object_get_typename(obj), ==, TYPE_TEST_B);
    g_assert(object_get_class(obj) == object_class_by_name(TYPE_TEST_B));
    object_unref(obj);
}

/* Properties */

static void test_uint_properties(void)
{
    Object *obj = object_new(TYPE_TEST_A);
    TestA *s = TEST_A(obj);
    Error *err = NULL;

    g_assert_true(object_property_set_uint(obj, "u8", 200, &error_abort));
    g_assert_cmpuint(s->u8, ==, 200);
    g_assert_cmpuint(object_property_get_uint(obj, "u8", &error_abort), ==,
                     200);
    g_assert_cmpint(object_property_get_int(obj, "u8", &error_abort), ==,
                    200);

    g_assert_false(object_property_set_uint(obj, "u8", 256, &err));
    assert_error(err, "Parameter 'u8' expects uint8");
    err = NULL;
    g_assert_cmpuint(s->u8, ==, 200);
    g_assert_false(object_property_set_int(obj, "u8", -1, &err));
    assert_error(err, "Parameter 'u8' expects uint8");
    err = NULL;
    g_assert_false(object_property_set_uint(obj, "u16", 0x10000, &err));
    assert_error(err, "Parameter 'u16' expects uint16");
    err = NULL;
    g_assert_false(object_property_set_bool(obj, "u32", true, &err));
    assert_error(err, "Invalid parameter type for 'u32', expected: integer");
    err = NULL;

    g_assert_true(object_property_set_uint(obj, "u32", UINT32_MAX,
                                           &error_abort));
    g_assert_cmpuint(s->u32, ==, UINT32_MAX);
    g_assert_true(object_property_set_uint(obj, "u64", UINT64_MAX,
                                           &error_abort));
    g_assert_cmpuint(s->u64, ==, UINT64_MAX);
    g_assert_cmpuint(object_property_get_uint(obj, "u64", &error_abort), ==,
                     UINT64_MAX);
    object_property_get_int(obj, "u64", &err);
    assert_error(err, "Invalid parameter type for 'u64', expected: int");
    err = NULL;

    /* Read-only and write-only. */
    g_assert_cmpuint(object_property_get_uint(obj, "ro32", &error_abort),
                     ==, UINT32_MAX);
    g_assert_false(object_property_set_uint(obj, "ro32", 1, &err));
    assert_error(err, "Property 'test-a.ro32' is not writable");
    err = NULL;
    g_assert_true(object_property_set_uint(obj, "wo8", 9, &error_abort));
    g_assert_cmpuint(s->wo8, ==, 9);
    object_property_get_uint(obj, "wo8", &err);
    assert_error(err, "Property 'test-a.wo8' is not readable");
    err = NULL;

    /* Unknown names. */
    g_assert_false(object_property_set_uint(obj, "nope", 1, &err));
    assert_error(err, "Property 'test-a.nope' not found");
    err = NULL;
    g_assert_null(object_property_get_qobject(obj, "nope", &err));
    assert_error(err, "Property 'test-a.nope' not found");
    err = NULL;
    g_assert_null(object_property_find(obj, "nope"));
    g_assert_null(object_property_find_err(obj, "nope", NULL));

    object_unref(obj);
}

static void test_parse_and_print(void)
{
    Object *obj = object_new(TYPE_TEST_A);
    TestA *s = TEST_A(obj);
    Error *err = NULL;
    char *text;

    g_assert_true(object_property_parse(obj, "u16", "0x1234",
                                        &error_abort));
    g_assert_cmpuint(s->u16, ==, 0x1234);
    g_assert_true(object_property_parse(obj, "u8", "17", &error_abort));
    g_assert_cmpuint(s->u8, ==, 17);
    g_assert_true(object_property_parse(obj, "u8", "010", &error_abort));
    g_assert_cmpuint(s->u8, ==, 8);
    g_assert_true(object_property_parse(obj, "u32", "4294967295",
                                        &error_abort));
    g_assert_cmpuint(s->u32, ==, UINT32_MAX);
    g_assert_true(object_property_parse(obj, "u64",
                                        "18446744073709551615",
                                        &error_abort));
    g_assert_cmpuint(s->u64, ==, UINT64_MAX);

    g_assert_false(object_property_parse(obj, "u32", "4294967296", &err));
    assert_error(err, "Parameter 'u32' expects uint32");
    err = NULL;
    g_assert_false(object_property_parse(obj, "u8", "-1", &err));
    assert_error(err, "Parameter 'u8' expects uint8");
    err = NULL;
    g_assert_false(object_property_parse(obj, "u8", " 5", &err));
    assert_error(err, "Parameter 'u8' expects uint8");
    err = NULL;
    g_assert_false(object_property_parse(obj, "u8", "5x", &err));
    assert_error(err, "Parameter 'u8' expects uint8");
    err = NULL;
    g_assert_false(object_property_parse(obj, "u64",
                                         "18446744073709551616", &err));
    assert_error(err, "Parameter 'u64' expects uint64");
    err = NULL;
    g_assert_cmpuint(s->u8, ==, 8);

    /* Booleans take QEMU's spellings. */
    g_assert_true(object_property_parse(obj, "flag", "off", &error_abort));
    g_assert_false(s->flag);
    g_assert_true(object_property_parse(obj, "flag", "yes", &error_abort));
    g_assert_true(s->flag);
    g_assert_true(object_property_parse(obj, "flag", "false",
                                        &error_abort));
    g_assert_false(s->flag);
    g_assert_true(object_property_parse(obj, "flag", "on", &error_abort));
    g_assert_true(s->flag);
    g_assert_false(object_property_parse(obj, "flag", "maybe", &err));
    assert_error(err, "Parameter 'flag' expects 'on' or 'off'");
    err = NULL;
    g_assert_false(object_property_set_int(obj, "flag", 1, &err));
    assert_error(err, "Invalid parameter type for 'flag', expected: boolean");
    err = NULL;

    /* Signed values and a range that is not a C type. */
    g_assert_true(object_property_parse(obj, "offset", "-0x10",
                                        &error_abort));
    g_assert_cmpint(s->offset, ==, -16);
    g_assert_cmpint(object_property_get_int(obj, "offset", &error_abort),
                    ==, -16);
    g_assert_true(object_property_set_int(obj, "offset", -100,
                                          &error_abort));
    g_assert_false(object_property_set_int(obj, "offset", -101, &err));
    assert_error(err, "Parameter 'offset' expects a value between -100 "
                 "and 100");
    err = NULL;
    g_assert_cmpint(s->offset, ==, -100);
    object_property_get_uint(obj, "offset", &err);
    assert_error(err, "Invalid parameter type for 'offset', expected: uint");
    err = NULL;
    g_assert_false(object_property_parse(obj, "level", "1001", &err));
    assert_error(err, "Parameter 'level' expects a value between 0 and "
                 "1000");
    err = NULL;
    g_assert_cmpuint(s->level, ==, 7);

    /* Printing: unquoted strings, decimal numbers, true/false. */
    text = object_property_print(obj, "u16", &error_abort);
    g_assert_cmpstr(text, ==, "4660");
    g_free(text);
    text = object_property_print(obj, "u64", &error_abort);
    g_assert_cmpstr(text, ==, "18446744073709551615");
    g_free(text);
    text = object_property_print(obj, "offset", &error_abort);
    g_assert_cmpstr(text, ==, "-100");
    g_free(text);
    text = object_property_print(obj, "flag", &error_abort);
    g_assert_cmpstr(text, ==, "true");
    g_free(text);
    text = object_property_print(obj, "label", &error_abort);
    g_assert_cmpstr(text, ==, "none");
    g_free(text);
    text = object_property_print(obj, "type", &error_abort);
    g_assert_cmpstr(text, ==, TYPE_TEST_A);
    g_free(text);
    g_assert_null(object_property_print(obj, "nope", &err));
    assert_error(err, "Property 'test-a.nope' not found");

    object_unref(obj);
}

static void test_typed_accessors(void)
{
    Object *obj = object_new(TYPE_TEST_B);
    Error *err = NULL;
    QObject *value;
    char *str;

    g_assert_true(object_property_set_str(obj, "label", "hello",
                                          &error_abort));
    str = object_property_get_str(obj, "label", &error_abort);
    g_assert_cmpstr(str, ==, "hello");
    g_free(str);
    g_assert_false(object_property_set_int(obj, "label", 3, &err));
    assert_error(err, "Invalid parameter type for 'label', expected: string");
    err = NULL;
    g_assert_null(object_property_get_str(obj, "u8", &err));
    assert_error(err, "Invalid parameter type for 'u8', expected: string");
    err = NULL;
    g_assert_false(object_property_get_bool(obj, "u8", &err));
    assert_error(err, "Invalid parameter type for 'u8', expected: boolean");
    err = NULL;

    g_assert_true(object_property_set_bool(obj, "flag", false,
                                           &error_abort));
    g_assert_false(object_property_get_bool(obj, "flag", &error_abort));
    g_assert_false(object_property_get_bool(obj, "b-class", &error_abort));
    g_assert_false(object_property_set_bool(obj, "b-class", true, &err));
    assert_error(err, "Property 'test-b.b-class' is not writable");
    err = NULL;

    value = qnum_from_uint(77);
    g_assert_true(object_property_set_qobject(obj, "b-extra", value,
                                              &error_abort));
    qobject_unref(value);
    g_assert_cmpuint(((TestB *)obj)->extra, ==, 77);
    value = object_property_get_qobject(obj, "b-extra", &error_abort);
    g_assert_cmpint(qobject_type(value), ==, QTYPE_QNUM);
    g_assert_cmpint(qnum_get_int(value), ==, 77);
    qobject_unref(value);

    str = object_property_get_str(obj, "type", &error_abort);
    g_assert_cmpstr(str, ==, TYPE_TEST_B);
    g_free(str);
    g_assert_false(object_property_set_str(obj, "type", "x", &err));
    assert_error(err, "Property 'test-b.type' is not writable");
    err = NULL;

    g_assert_cmpstr(object_property_get_type(obj, "u8", &error_abort), ==,
                    "uint8");
    g_assert_cmpstr(object_property_get_type(obj, "u64", &error_abort), ==,
                    "uint64");
    g_assert_cmpstr(object_property_get_type(obj, "flag", &error_abort), ==,
                    "bool");
    g_assert_cmpstr(object_property_get_type(obj, "label", &error_abort),
                    ==, "string");
    g_assert_cmpstr(object_property_get_type(obj, "peer", &error_abort), ==,
                    "link<test-b>");
    g_assert_null(object_property_get_type(obj, "nope", &err));
    assert_error(err, "Property 'test-b.nope' not found");

    object_unref(obj);
}

static void test_defaults_and_descriptions(void)
{
    ObjectClass *klass = object_class_by_name(TYPE_TEST_C);
    ObjectProperty *prop;
    Object *obj;

    prop = object_class_property_find(klass, "level");
    g_assert_nonnull(prop);
    g_assert_cmpint(qobject_type(prop->defval), ==, QTYPE_QNUM);
    g_assert_cmpint(qnum_get_int(prop->defval), ==, 7);
    prop = object_class_property_find(klass, "label");
    g_assert_cmpstr(qstring_get_str(prop->defval), ==, "none");
    g_assert_cmpstr(prop->description, ==, "a short name");
    prop = object_class_property_find(klass, "flag");
    g_assert_true(qbool_get_bool(prop->defval));
    g_assert_null(object_class_property_find(klass, "u8"));
    g_assert_null(object_class_property_find(
                      object_class_by_name(TYPE_TEST_A), "b-class"));

    obj = object_new(TYPE_TEST_C);
    g_assert_true(TEST_A(obj)->flag);
    object_property_set_description(obj, "u8", "eight bits");
    g_assert_cmpstr(object_property_find(obj, "u8")->description, ==,
                    "eight bits");
    object_unref(obj);
}

static void test_duplicate_property_aborts(void)
{
    if (g_test_subprocess()) {
        Object *obj = object_new(TYPE_TEST_A);

        object_property_add_bool(obj, "flag", test_a_get_flag, NULL);
        return;
    }
    g_test_trap_subprocess(NULL, 0, 0);
    g_test_trap_assert_failed();
    g_test_trap_assert_stderr("*attempt to add duplicate property 'flag' "
                              "to object (type 'test-a')*");
}

static void test_property_del(void)
{
    Object *obj = object_new(TYPE_TEST_A);

    object_property_add(obj, "tmp", "bool", NULL, NULL, test_release_trace,
                        NULL);
    trace_reset();
    object_property_del(obj, "tmp");
    g_assert_cmpstr(trace_log->str, ==, "release:tmp");
    g_assert_null(object_property_find(obj, "tmp"));
    /* The name is free again. */
    object_property_add(obj, "tmp", "bool", NULL, NULL, NULL, NULL);
    g_assert_nonnull(object_property_find(obj, "tmp"));
    object_unref(obj);
}

static void test_iteration_order(void)
{
    static const char *const expected[] = {
        "u8", "u16", "u32", "u64", "ro32", "wo8",
        "peer", "strong", "ro-link", "picky",
        "b-extra", "zz", "aa",
        "b-class",
        "flag", "label", "level", "offset",
        "type",
    };
    Object *obj = object_new(TYPE_TEST_B);
    ObjectPropertyIterator iter;
    ObjectProperty *prop;
    GPtrArray *names = g_ptr_array_new();
    size_t i;

    object_property_add(obj, "zz", "bool", NULL, NULL, NULL, NULL);
    object_property_add(obj, "aa", "bool", NULL, NULL, NULL, NULL);
    object_property_iter_init(&iter, obj);
    while ((prop = object_property_iter_next(&iter))) {
        g_ptr_array_add(names, prop->name);
    }
    g_assert_cmpuint(names->len, ==, ARRAY_SIZE(expected));
    for (i = 0; i < ARRAY_SIZE(expected); i++) {
        g_assert_cmpstr(g_ptr_array_index(names, i), ==, expected[i]);
    }

    /* Class iteration: the class properties only, leaf first. */
    g_ptr_array_set_size(names, 0);
    object_class_property_iter_init(&iter, object_get_class(obj));
    while ((prop = object_property_iter_next(&iter))) {
        g_ptr_array_add(names, prop->name);
    }
    g_assert_cmpuint(names->len, ==, 6);
    g_assert_cmpstr(g_ptr_array_index(names, 0), ==, "b-class");
    g_assert_cmpstr(g_ptr_array_index(names, 1), ==, "flag");
    g_assert_cmpstr(g_ptr_array_index(names, 5), ==, "type");

    g_ptr_array_free(names, TRUE);
    object_unref(obj);
}

/* The composition tree */

static void test_child_naming(void)
{
    Object *parent = object_new(TYPE_TEST_A);
    Object *kids[4];
    int i;

    for (i = 0; i < 3; i++) {
        kids[i] = object_new(TYPE_TEST_A);
        object_property_add_child(parent, "dev[*]", kids[i]);
        g_assert_cmpuint(kids[i]->ref, ==, 2);
        object_unref(kids[i]);
        g_assert(kids[i]->parent == parent);
    }
    g_assert_cmpstr(object_get_canonical_path_component(kids[0]), ==,
                    "dev[0]");
    g_assert_cmpstr(object_get_canonical_path_component(kids[2]), ==,
                    "dev[2]");
    g_assert_cmpstr(object_property_get_type(parent, "dev[1]",
                                             &error_abort), ==,
                    "child<test-a>");

    /* Unparenting drops the parent's reference and frees the name. */
    trace_reset();
    object_unparent(kids[1]);
    g_assert_cmpstr(trace_log->str, ==, "fin:a");
    g_assert_null(object_property_find(parent, "dev[1]"));
    kids[3] = object_new(TYPE_TEST_B);
    object_property_add_child(parent, "dev[*]", kids[3]);
    object_unref(kids[3]);
    g_assert_cmpstr(object_get_canonical_path_component(kids[3]), ==,
                    "dev[1]");
    g_assert_cmpstr(object_property_get_type(parent, "dev[1]",
                                             &error_abort), ==,
                    "child<test-b>");

    /* A detached object has no path; unparenting it does nothing. */
    g_assert_null(object_get_canonical_path(parent));
    g_assert_null(object_get_canonical_path_component(parent));
    object_unparent(parent);

    /* The parent's death releases the children, in creation order. */
    trace_reset();
    object_unref(parent);
    g_assert_cmpstr(trace_log->str, ==,
                    "fin:a fin:a fin:b fin:a fin:a");
}

static int test_collect_child(Object *child, void *opaque)
{
    g_string_append_printf(opaque, "%s,",
                           object_get_canonical_path_component(child));
    return 0;
}

static int test_stop_at_b(Object *child, void *opaque)
{
    test_collect_child(child, opaque);
    return strcmp(object_get_canonical_path_component(child), "b") ? 0 : 7;
}

/*
 * /qom-test-tree/a (test-a), a/b (test-b), a/c (test-c), a/c/b (test-a),
 * /qom-test-tree/u (test-unique); a's "peer" links to a/b.
 */
typedef struct TestTree {
    Object *top;
    Object *a, *b, *c, *cb, *u;
} TestTree;

static Object *test_tree_add(Object *parent, const char *name,
                             const char *type)
{
    Object *child = object_new(type);

    object_property_add_child(parent, name, child);
    object_unref(child);
    return child;
}

static void test_tree_build(TestTree *t)
{
    t->top = object_get_container("qom-test-tree");
    t->a = test_tree_add(t->top, "a", TYPE_TEST_A);
    t->b = test_tree_add(t->a, "b", TYPE_TEST_B);
    t->c = test_tree_add(t->a, "c", TYPE_TEST_C);
    t->cb = test_tree_add(t->c, "b", TYPE_TEST_A);
    t->u = test_tree_add(t->top, "u", TYPE_TEST_UNIQUE);
    object_property_set_link(t->a, "peer", t->b, &error_abort);
}

static void test_tree_destroy(TestTree *t)
{
    object_unparent(t->top);
    g_assert_null(object_resolve_path("/qom-test-tree", NULL));
}

static void test_canonical_paths(void)
{
    TestTree t;
    char *path;

    test_tree_build(&t);
    path = object_get_canonical_path(object_get_root());
    g_assert_cmpstr(path, ==, "/");
    g_free(path);
    path = object_get_canonical_path(t.cb);
    g_assert_cmpstr(path, ==, "/qom-test-tree/a/c/b");
    g_free(path);
    g_assert_cmpstr(object_get_canonical_path_component(t.cb), ==, "b");
    g_assert_null(object_get_canonical_path_component(object_get_root()));
    g_assert_cmpstr(object_get_typename(object_get_root()), ==,
                    TYPE_CONTAINER);
    g_assert_cmpstr(object_get_typename(t.top), ==, TYPE_CONTAINER);

    /* A child property reads as the child's path. */
    path = object_property_get_str(t.a, "c", &error_abort);
    g_assert_cmpstr(path, ==, "/qom-test-tree/a/c");
    g_free(path);
    test_tree_destroy(&t);
}

static void test_containers(void)
{
    Object *root = object_get_root();
    Object *x;
    char *path;

    path = object_get_canonical_path(object_get_container("chardevs"));
    g_assert_cmpstr(path, ==, "/chardevs");
    g_free(path);
    g_assert(object_get_container("chardevs") ==
             object_resolve_path("/chardevs", NULL));
    path = object_get_canonical_path(object_get_objects_root());
    g_assert_cmpstr(path, ==, "/objects");
    g_free(path);

    x = container_get(root, "/qom-test-x/y");
    path = object_get_canonical_path(x);
    g_assert_cmpstr(path, ==, "/qom-test-x/y");
    g_free(path);
    g_assert_cmpstr(object_get_typename(x), ==, TYPE_CONTAINER);
    g_assert(container_get(root, "qom-test-x//y") == x);
    g_assert(container_get(object_resolve_path("/qom-test-x", NULL), "y") ==
             x);
    object_unparent(object_resolve_path("/qom-test-x", NULL));
    g_assert_null(object_resolve_path("/qom-test-x/y", NULL));
}

static void test_resolve_absolute(void)
{
    TestTree t;

    test_tree_build(&t);
    g_assert(object_resolve_path("/", NULL) == object_get_root());
    g_assert(object_resolve_path("/qom-test-tree/a/c/b", NULL) == t.cb);
    g_assert(object_resolve_path("//qom-test-tree//a/c/", NULL) == t.c);
    g_assert_null(object_resolve_path("/qom-test-tree/nope", NULL));
    g_assert_null(object_resolve_path("/qom-test-tree/a/u8", NULL));

    /* Links are followed like children. */
    g_assert(object_resolve_path("/qom-test-tree/a/peer", NULL) == t.b);
    g_assert_null(object_resolve_path("/qom-test-tree/a/strong", NULL));

    g_assert(object_resolve_path_type("/qom-test-tree/a/c", TYPE_TEST_B,
                                      NULL) == t.c);
    g_assert_null(object_resolve_path_type("/qom-test-tree/a",
                                           TYPE_TEST_B, NULL));

    g_assert(object_resolve_path_at(t.a, "c/b") == t.cb);
    g_assert(object_resolve_path_at(t.a, "/qom-test-tree/u") == t.u);
    g_assert_null(object_resolve_path_at(t.a, "u"));
    g_assert(object_resolve_path_component(t.a, "b") == t.b);
    g_assert(object_resolve_path_component(t.a, "peer") == t.b);
    g_assert_null(object_resolve_path_component(t.a, "u8"));
    g_assert_null(object_resolve_path_component(t.a, "nope"));
    test_tree_destroy(&t);
}

static void test_resolve_partial(void)
{
    TestTree t;
    Object *other;
    bool ambiguous = true;

    test_tree_build(&t);
    g_assert(object_resolve_path("c/b", &ambiguous) == t.cb);
    g_assert_false(ambiguous);
    g_assert(object_resolve_path("a/c", &ambiguous) == t.c);
    g_assert_false(ambiguous);

    /* a/b and a/c/b both end in "b". */
    g_assert_null(object_resolve_path("b", &ambiguous));
    g_assert_true(ambiguous);
    ambiguous = false;
    g_assert_null(object_resolve_path("nope", &ambiguous));
    g_assert_false(ambiguous);

    /* A type narrows the candidates. */
    g_assert(object_resolve_path_type("b", TYPE_TEST_B, &ambiguous) == t.b);
    g_assert_false(ambiguous);
    g_assert(object_resolve_path_type("", TYPE_TEST_UNIQUE, &ambiguous) ==
             t.u);
    g_assert_false(ambiguous);
    g_assert(object_resolve_path_type("", TYPE_TEST_C, &ambiguous) == t.c);
    g_assert_null(object_resolve_path_type("", TYPE_TEST_B, &ambiguous));
    g_assert_true(ambiguous);
    ambiguous = true;
    g_assert_null(object_resolve_path_type("", TYPE_TEST_SUB_IMPL,
                                           &ambiguous));
    g_assert_false(ambiguous);

    /* The same object reached through two links is not two matches. */
    object_property_set_link(t.cb, "peer", t.b, &error_abort);
    g_assert(object_resolve_path("peer", &ambiguous) == t.b);
    g_assert_false(ambiguous);
    other = object_new(TYPE_TEST_B);
    object_property_set_link(t.cb, "peer", other, &error_abort);
    g_assert_null(object_resolve_path("peer", &ambiguous));
    g_assert_true(ambiguous);
    object_property_set_link(t.cb, "peer", NULL, &error_abort);
    object_unref(other);
    test_tree_destroy(&t);
}

static void test_child_foreach(void)
{
    TestTree t;
    GString *seen = g_string_new("");

    test_tree_build(&t);
    g_assert_cmpint(object_child_foreach(t.top, test_collect_child, seen),
                    ==, 0);
    g_assert_cmpstr(seen->str, ==, "a,u,");
    g_string_truncate(seen, 0);
    g_assert_cmpint(object_child_foreach_recursive(t.top,
                                                   test_collect_child,
                                                   seen), ==, 0);
    g_assert_cmpstr(seen->str, ==, "a,b,c,b,u,");
    g_string_truncate(seen, 0);
    g_assert_cmpint(object_child_foreach_recursive(t.top, test_stop_at_b,
                                                   seen), ==, 7);
    g_assert_cmpstr(seen->str, ==, "a,b,");
    g_string_free(seen, TRUE);
    test_tree_destroy(&t);
}

/* Links */

static void test_links(void)
{
    TestTree t;
    TestA *s;
    Object *other;
    Error *err = NULL;
    char *str;
    uint32_t ref;

    test_tree_build(&t);
    s = TEST_A(t.a);
    g_assert(s->peer == t.b);
    g_assert_cmpuint(t.b->ref, ==, 1);
    str = object_property_get_str(t.a, "peer", &error_abort);
    g_assert_cmpstr(str, ==, "/qom-test-tree/a/b");
    g_free(str);
    g_assert(object_property_get_link(t.a, "peer", &error_abort) == t.b);

    g_assert_true(object_property_set_link(t.a, "peer", NULL,
                                           &error_abort));
    g_assert_null(s->peer);
    str = object_property_get_str(t.a, "peer", &error_abort);
    g_assert_cmpstr(str, ==, "");
    g_free(str);
    g_assert_null(object_property_get_link(t.a, "peer", &error_abort));

    /* Setting by path, absolute or partial. */
    g_assert_true(object_property_set_str(t.a, "peer", "/qom-test-tree/a/b",
                                          &error_abort));
    g_assert(s->peer == t.b);
    g_assert_true(object_property_set_str(t.a, "peer", "", &error_abort));
    g_assert_null(s->peer);
    g_assert_true(object_property_parse(t.a, "peer", "a/b", &error_abort));
    g_assert(s->peer == t.b);

    g_assert_false(object_property_set_str(t.a, "peer",
                                           "/qom-test-tree/missing", &err));
    g_assert_cmpint(error_get_class(err), ==, ERROR_CLASS_DEVICE_NOT_FOUND);
    assert_error(err, "Device '/qom-test-tree/missing' not found");
    err = NULL;
    g_assert_false(object_property_set_str(t.a, "peer", "/qom-test-tree/u",
                                           &err));
    assert_error(err, "Invalid parameter type for 'peer', expected: test-b");
    err = NULL;
    g_assert_false(object_property_set_link(t.a, "peer", t.u, &err));
    assert_error(err, "Invalid parameter type for 'peer', expected: test-b");
    err = NULL;
    g_assert(s->peer == t.b);

    /* Strong links hold a reference. */
    ref = t.c->ref;
    g_assert_true(object_property_set_link(t.a, "strong", t.c,
                                           &error_abort));
    g_assert_cmpuint(t.c->ref, ==, ref + 1);
    g_assert_true(object_property_set_link(t.a, "strong", t.cb,
                                           &error_abort));
    g_assert_cmpuint(t.c->ref, ==, ref);
    g_assert_cmpuint(t.cb->ref, ==, 2);
    g_assert(object_resolve_path("/qom-test-tree/a/strong", NULL) == t.cb);
    g_assert_true(object_property_set_link(t.a, "strong", NULL,
                                           &error_abort));
    g_assert_cmpuint(t.cb->ref, ==, 1);

    /* A link without a check cannot be set. */
    g_assert_false(object_property_set_link(t.a, "ro-link", t.c, &err));
    assert_error(err, "Property 'test-a.ro-link' is not writable");
    err = NULL;

    /* The check callback can refuse. */
    TEST_A(t.c)->u8 = 1;
    g_assert_false(object_property_set_link(t.a, "picky", t.c, &err));
    assert_error(err, "test-c is busy");
    err = NULL;
    g_assert_null(s->picky);
    g_assert_true(object_property_set_link(t.a, "picky", t.cb,
                                           &error_abort));
    g_assert(s->picky == t.cb);

    /* Objects outside the tree can be linked, but have no path. */
    other = object_new(TYPE_TEST_B);
    g_assert_true(object_property_set_link(t.a, "peer", other,
                                           &error_abort));
    g_assert(object_property_get_link(t.a, "peer", &error_abort) == other);
    str = object_property_get_str(t.a, "peer", &error_abort);
    g_assert_cmpstr(str, ==, "");
    g_free(str);
    g_assert_true(object_property_set_link(t.a, "peer", NULL,
                                           &error_abort));

    /* Dropping the owner drops the strong reference. */
    g_assert_true(object_property_set_link(t.a, "strong", other,
                                           &error_abort));
    g_assert_cmpuint(other->ref, ==, 2);
    test_tree_destroy(&t);
    g_assert_cmpuint(other->ref, ==, 1);
    object_unref(other);
}

static void test_aliases(void)
{
    TestTree t;
    ObjectProperty *prop;
    Error *err = NULL;
    char *str;

    test_tree_build(&t);
    object_property_set_description(t.a, "u16", "sixteen");
    prop = object_property_add_alias(t.u, "my-u16", t.a, "u16");
    g_assert_cmpstr(prop->type, ==, "uint16");
    g_assert_cmpstr(prop->description, ==, "sixteen");
    g_assert_true(object_property_set_uint(t.u, "my-u16", 0xbeef,
                                           &error_abort));
    g_assert_cmpuint(TEST_A(t.a)->u16, ==, 0xbeef);
    TEST_A(t.a)->u16 = 5;
    g_assert_cmpuint(object_property_get_uint(t.u, "my-u16", &error_abort),
                     ==, 5);
    g_assert_false(object_property_set_uint(t.u, "my-u16", 0x10000, &err));
    assert_error(err, "Parameter 'u16' expects uint16");
    err = NULL;

    /* Read-only stays read-only, under the alias's own name. */
    object_property_add_alias(t.u, "my-ro", t.a, "ro32");
    g_assert_false(object_property_set_uint(t.u, "my-ro", 1, &err));
    assert_error(err, "Property 'test-unique.my-ro' is not writable");
    err = NULL;

    /* An alias of a child is a link. */
    prop = object_property_add_alias(t.u, "kid", t.a, "c");
    g_assert_cmpstr(prop->type, ==, "link<test-c>");
    g_assert(object_resolve_path("/qom-test-tree/u/kid/b", NULL) == t.cb);
    str = object_property_get_str(t.u, "kid", &error_abort);
    g_assert_cmpstr(str, ==, "/qom-test-tree/a/c");
    g_free(str);
    g_assert(object_property_get_link(t.u, "kid", &error_abort) == t.c);

    /* Aliases of links forward object pointers too. */
    object_property_add_alias(t.u, "my-peer", t.a, "peer");
    g_assert_true(object_property_set_link(t.u, "my-peer", NULL,
                                           &error_abort));
    g_assert_null(TEST_A(t.a)->peer);
    g_assert_true(object_property_set_link(t.u, "my-peer", t.b,
                                           &error_abort));
    g_assert(TEST_A(t.a)->peer == t.b);
    test_tree_destroy(&t);
}

/* Class lists */

static void test_collect_name(gpointer data, gpointer user_data)
{
    g_string_append_printf(user_data, "%s,", object_class_get_name(data));
}

static char *class_list_names(GSList *list)
{
    GString *names = g_string_new("");

    g_slist_foreach(list, test_collect_name, names);
    g_slist_free(list);
    return g_string_free(names, FALSE);
}

static void test_count_class(ObjectClass *klass, void *opaque)
{
    (*(int *)opaque)++;
}

static void test_class_lists(void)
{
    GSList *list;
    char *names;
    int count = 0;

    names = class_list_names(object_class_get_list_sorted(TYPE_TEST_IFACE,
                                                          false));
    g_assert_cmpstr(names, ==, "test-a,test-b,test-c,test-sub-impl,");
    g_free(names);
    names = class_list_names(object_class_get_list_sorted(TYPE_TEST_IFACE,
                                                          true));
    g_assert_cmpstr(names, ==, "test-a,test-abstract,test-b,test-c,"
                    "test-iface,test-sub-impl,test-subiface,");
    g_free(names);
    names = class_list_names(object_class_get_list(TYPE_TEST_B, false));
    g_assert_cmpstr(names, ==, "test-b,test-c,");
    g_free(names);

    list = object_class_get_list(NULL, false);
    g_assert_nonnull(g_slist_find(list,
                                  object_class_by_name(TYPE_CONTAINER)));
    g_assert_null(g_slist_find(list, object_class_by_name(TYPE_OBJECT)));
    g_assert_null(g_slist_find(list,
                               object_class_by_name(TYPE_TEST_ABSTRACT)));
    object_class_foreach(test_count_class, NULL, false, &count);
    g_assert_cmpint(count, ==, g_slist_length(list));
    g_slist_free(list);

    list = object_class_get_list(TYPE_USER_CREATABLE, false);
    g_assert_cmpint(g_slist_length(list), ==, 1);
    g_assert(list->data == object_class_by_name(TYPE_TEST_UC));
    g_slist_free(list);
}

/* User-creatable objects */

static Object *add_qdict_json(const char *json, Error **errp)
{
    QDict *qdict = json_loads(json, 0, NULL);
    Object *obj;

    g_assert_nonnull(qdict);
    obj = user_creatable_add_qdict(qdict, errp);
    qobject_unref(qdict);
    return obj;
}

static void test_user_creatable(void)
{
    Object *obj;
    Error *err = NULL;
    char *path;

    obj = add_qdict_json("{\"qom-type\": \"test-uc\", \"id\": \"uc0\","
                         " \"size\": \"4096\"}", &error_abort);
    g_assert_nonnull(obj);
    g_assert_cmpuint(((TestUc *)obj)->size, ==, 4096);
    g_assert_true(((TestUc *)obj)->completed);
    g_assert_cmpuint(obj->ref, ==, 1);
    path = object_get_canonical_path(obj);
    g_assert_cmpstr(path, ==, "/objects/uc0");
    g_free(path);

    obj = add_qdict_json("{\"qom-type\": \"test-uc\", \"id\": \"uc1\","
                         " \"size\": 16}", &error_abort);
    g_assert_cmpuint(((TestUc *)obj)->size, ==, 16);
    g_assert(object_resolve_path("/objects/uc1", NULL) == obj);

    g_assert_null(add_qdict_json("{\"id\": \"x\"}", &err));
    assert_error(err, "Parameter 'qom-type' is missing");
    err = NULL;
    g_assert_null(add_qdict_json("{\"qom-type\": \"test-uc\"}", &err));
    assert_error(err, "Parameter 'id' is missing");
    err = NULL;
    g_assert_null(add_qdict_json("{\"qom-type\": \"nope\", \"id\": \"x\"}",
                                 &err));
    assert_error(err, "invalid object type: nope");
    err = NULL;
    g_assert_null(add_qdict_json("{\"qom-type\": \"test-a\", \"id\": \"x\"}",
                                 &err));
    assert_error(err, "object type 'test-a' isn't supported by object-add");
    err = NULL;
    g_assert_null(add_qdict_json("{\"qom-type\": \"test-uc\", "
                                 "\"id\": \"1x\"}", &err));
    assert_error(err, "Parameter 'id' expects an identifier");
    err = NULL;
    g_assert_null(add_qdict_json("{\"qom-type\": \"test-uc\", "
                                 "\"id\": \"uc0\", \"size\": 1}", &err));
    assert_error(err, "attempt to add duplicate property 'uc0' to object "
                 "(type 'container')");
    err = NULL;
    g_assert_null(add_qdict_json("{\"qom-type\": \"test-uc\", "
                                 "\"id\": \"uc2\", \"bogus\": 1}", &err));
    assert_error(err, "Property 'test-uc.bogus' not found");
    err = NULL;
    g_assert_null(add_qdict_json("{\"qom-type\": \"test-uc\", "
                                 "\"id\": \"uc2\", \"size\": -1}", &err));
    assert_error(err, "Parameter 'size' expects uint32");
    err = NULL;
    g_assert_null(add_qdict_json("{\"qom-type\": \"test-uc\", "
                                 "\"id\": \"uc2\"}", &err));
    assert_error(err, "size must be set");
    err = NULL;
    g_assert_null(object_resolve_path("/objects/uc2", NULL));

    object_unparent(object_resolve_path("/objects/uc0", NULL));
    object_unparent(object_resolve_path("/objects/uc1", NULL));
    g_assert_null(object_resolve_path("/objects/uc0", NULL));
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    trace_log = g_string_new("");
    module_call_init(MODULE_INIT_QOM);
    type_register_static_array(test_types, ARRAY_SIZE(test_types));

    g_test_add_func("/qom/class/init-order", test_class_init_order);
    g_test_add_func("/qom/class/lookup", test_class_lookup);
    g_test_add_func("/qom/class/lists", test_class_lists);
    g_test_add_func("/qom/instance/abstract-refused", test_abstract_refused);
    g_test_add_func("/qom/instance/interface-refused",
                    test_interface_refused);
    g_test_add_func("/qom/instance/unknown-type", test_unknown_type_exits);
    g_test_add_func("/qom/instance/lifecycle", test_lifecycle_order);
    g_test_add_func("/qom/instance/embedded", test_embedded_objects);
    g_test_add_func("/qom/instance/aligned", test_aligned_instances);
    g_test_add_func("/qom/instance/new-with-class",
                    test_object_new_with_class);
    g_test_add_func("/qom/cast/interfaces", test_interfaces);
    g_test_add_func("/qom/cast/assert-aborts", test_cast_assert_aborts);
    g_test_add_func("/qom/cast/class-assert-aborts",
                    test_class_cast_assert_aborts);
    g_test_add_func("/qom/property/uint", test_uint_properties);
    g_test_add_func("/qom/property/parse-print", test_parse_and_print);
    g_test_add_func("/qom/property/typed", test_typed_accessors);
    g_test_add_func("/qom/property/defaults",
                    test_defaults_and_descriptions);
    g_test_add_func("/qom/property/duplicate-aborts",
                    test_duplicate_property_aborts);
    g_test_add_func("/qom/property/del", test_property_del);
    g_test_add_func("/qom/property/iteration-order", test_iteration_order);
    g_test_add_func("/qom/tree/child-naming", test_child_naming);
    g_test_add_func("/qom/tree/canonical-paths", test_canonical_paths);
    g_test_add_func("/qom/tree/containers", test_containers);
    g_test_add_func("/qom/tree/resolve-absolute", test_resolve_absolute);
    g_test_add_func("/qom/tree/resolve-partial", test_resolve_partial);
    g_test_add_func("/qom/tree/child-foreach", test_child_foreach);
    g_test_add_func("/qom/tree/links", test_links);
    g_test_add_func("/qom/tree/aliases", test_aliases);
    g_test_add_func("/qom/user-creatable", test_user_creatable);
    return g_test_run();
}
