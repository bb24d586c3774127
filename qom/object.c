/*
 * QOM: the type registry, classes, instances, properties and the tree.
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * Types are registered by name and turned into classes the first time
 * something needs them.  Each concrete class carries its own copy of the
 * class struct of every interface it implements, so a subclass may
 * override an interface method without touching its parent.  Property
 * values cross the accessor boundary as QObjects (see the header).
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "qemu/error-report.h"
#include "qobject/qjson.h"
#include "qom/object.h"
#include "qom-internal.h"

typedef struct TypeImpl TypeImpl;

struct TypeImpl {
    char *name;
    char *parent_name;
    TypeImpl *parent;           /* looked up from parent_name on demand */

    size_t class_size;
    size_t instance_size;
    size_t instance_align;

    void (*class_init)(ObjectClass *klass, const void *data);
    void (*class_base_init)(ObjectClass *klass, const void *data);
    const void *class_data;

    void (*instance_init)(Object *obj);
    void (*instance_post_init)(Object *obj);
    void (*instance_finalize)(Object *obj);

    bool abstract;
    GStrv interface_names;

    ObjectClass *class;         /* NULL until first use */
};

static GHashTable *type_table;  /* name -> TypeImpl */
static GPtrArray *type_list;    /* TypeImpl *, in registration order */
static TypeImpl *interface_type;
static Object *root_object;

/* The registry */

static TypeImpl *type_register_internal(const TypeInfo *info)
{
    TypeImpl *ti;
    int n = 0;
    int i;

    assert(info->name);
    if (g_hash_table_lookup(type_table, info->name)) {
        error_report("type '%s' is registered twice", info->name);
        abort();
    }

    ti = g_new0(TypeImpl, 1);
    ti->name = g_strdup(info->name);
    ti->parent_name = g_strdup(info->parent);
    ti->class_size = info->class_size;
    ti->instance_size = info->instance_size;
    ti->instance_align = info->instance_align;
    ti->class_init = info->class_init;
    ti->class_base_init = info->class_base_init;
    ti->class_data = info->class_data;
    ti->instance_init = info->instance_init;
    ti->instance_post_init = info->instance_post_init;
    ti->instance_finalize = info->instance_finalize;
    ti->abstract = info->abstract;

    while (info->interfaces && info->interfaces[n].type) {
        n++;
    }
    ti->interface_names = g_new0(char *, n + 1);
    for (i = 0; i < n; i++) {
        ti->interface_names[i] = g_strdup(info->interfaces[i].type);
    }

    g_hash_table_insert(type_table, ti->name, ti);
    g_ptr_array_add(type_list, ti);
    return ti;
}

static void object_class_init(ObjectClass *klass, const void *data);

static const TypeInfo base_types[] = {
    {
        .name = TYPE_OBJECT,
        .instance_size = sizeof(Object),
        .class_init = object_class_init,
        .abstract = true,
    },
    {
        .name = TYPE_INTERFACE,
        .class_size = sizeof(InterfaceClass),
        .abstract = true,
    },
};

/*
 * The registry fills itself with the types the core relies on when it is
 * first touched, so the root and containers work before (or without)
 * module_call_init(MODULE_INIT_QOM).
 */
static void type_table_ensure(void)
{
    size_t i;

    if (type_table) {
        return;
    }
    type_table = g_hash_table_new(g_str_hash, g_str_equal);
    type_list = g_ptr_array_new();
    for (i = 0; i < ARRAY_SIZE(base_types); i++) {
        type_register_internal(&base_types[i]);
    }
    interface_type = g_hash_table_lookup(type_table, TYPE_INTERFACE);
    container_register_types();
    user_creatable_register_types();
}

static TypeImpl *type_by_name(const char *name)
{
    type_table_ensure();
    return name ? g_hash_table_lookup(type_table, name) : NULL;
}

Type type_register_static(const TypeInfo *info)
{
    type_table_ensure();
    return type_register_internal(info);
}

void type_register_static_array(const TypeInfo *infos, int nr_infos)
{
    int i;

    for (i = 0; i < nr_infos; i++) {
        type_register_static(&infos[i]);
    }
}

static TypeImpl *type_get_parent(TypeImpl *ti)
{
    if (!ti->parent_name) {
        return NULL;
    }
    if (!ti->parent) {
        ti->parent = type_by_name(ti->parent_name);
        if (!ti->parent) {
            error_report("type '%s' has unknown parent type '%s'",
                         ti->name, ti->parent_name);
            abort();
        }
    }
    return ti->parent;
}

/* True when @ti is @target or derives from it. */
static bool type_is_ancestor(TypeImpl *ti, TypeImpl *target)
{
    for (; ti; ti = type_get_parent(ti)) {
        if (ti == target) {
            return true;
        }
    }
    return false;
}

static bool type_is_interface(TypeImpl *ti)
{
    return type_is_ancestor(ti, interface_type);
}

/* The interface class of @klass for @target or one of its sub-interfaces. */
static InterfaceClass *class_find_interface(ObjectClass *klass,
                                            TypeImpl *target)
{
    GSList *l;

    for (l = klass->interfaces; l; l = l->next) {
        InterfaceClass *ic = l->data;

        if (type_is_ancestor(ic->interface_type, target)) {
            return ic;
        }
    }
    return NULL;
}

static void class_init_tables(ObjectClass *klass)
{
    klass->interfaces = NULL;
    klass->properties = g_hash_table_new(g_str_hash, g_str_equal);
    klass->property_order = g_ptr_array_new();
}

static void type_run_base_inits(TypeImpl *from, ObjectClass *klass,
                                const void *data)
{
    for (; from; from = type_get_parent(from)) {
        if (from->class_base_init) {
            from->class_base_init(klass, data);
        }
    }
}

/*
 * Give @ti's class its own copy of @iface's class struct, starting from
 * @template (the parent class's copy, or the interface's own class).
 */
static void type_add_interface(TypeImpl *ti, TypeImpl *iface,
                               ObjectClass *template)
{
    InterfaceClass *ic = g_malloc0(iface->class_size);

    memcpy(ic, template, iface->class_size);
    class_init_tables(OBJECT_CLASS(ic));
    OBJECT_CLASS(ic)->type = iface;
    ic->concrete_class = ti->class;
    ic->interface_type = iface;
    type_run_base_inits(iface, OBJECT_CLASS(ic), NULL);
    ti->class->interfaces = g_slist_append(ti->class->interfaces, ic);
}

static void type_initialize(TypeImpl *ti)
{
    TypeImpl *parent;
    GSList *l;
    int i;

    if (ti->class) {
        return;
    }

    parent = type_get_parent(ti);
    if (parent) {
        type_initialize(parent);
        if (ti->class_size == 0) {
            ti->class_size = parent->class_size;
        }
        if (ti->instance_size == 0) {
            ti->instance_size = parent->instance_size;
        }
        if (ti->instance_align == 0) {
            ti->instance_align = parent->instance_align;
        }
        assert(ti->class_size >= parent->class_size);
        assert(ti->instance_size >= parent->instance_size);
    } else if (ti->class_size == 0) {
        ti->class_size = sizeof(ObjectClass);
    }
    if (type_is_interface(ti)) {
        ti->abstract = true;
    }

    ti->class = g_malloc0(ti->class_size);
    if (parent) {
        memcpy(ti->class, parent->class, parent->class_size);
    }
    class_init_tables(ti->class);
    ti->class->type = ti;

    if (parent) {
        for (l = parent->class->interfaces; l; l = l->next) {
            InterfaceClass *inherited = l->data;

            type_add_interface(ti, inherited->interface_type,
                               OBJECT_CLASS(inherited));
        }
    }
    for (i = 0; ti->interface_names[i]; i++) {
        TypeImpl *iface = type_by_name(ti->interface_names[i]);

        if (!iface || !type_is_interface(iface)) {
            error_report("type '%s' implements '%s', which is not an "
                         "interface", ti->name, ti->interface_names[i]);
            abort();
        }
        if (class_find_interface(ti->class, iface)) {
            continue;
        }
        type_initialize(iface);
        type_add_interface(ti, iface, iface->class);
    }

    type_run_base_inits(parent, ti->class, ti->class_data);
    if (ti->class_init) {
        ti->class_init(ti->class, ti->class_data);
    }
}

/* Classes */

ObjectClass *object_class_by_name(const char *typename)
{
    TypeImpl *ti = type_by_name(typename);

    if (!ti) {
        return NULL;
    }
    type_initialize(ti);
    return ti->class;
}

ObjectClass *module_object_class_by_name(const char *typename)
{
    return object_class_by_name(typename);
}

const char *object_class_get_name(ObjectClass *klass)
{
    return klass->type->name;
}

ObjectClass *object_class_get_parent(ObjectClass *klass)
{
    TypeImpl *parent = type_get_parent(klass->type);

    if (!parent) {
        return NULL;
    }
    type_initialize(parent);
    return parent->class;
}

bool object_class_is_abstract(ObjectClass *klass)
{
    return klass->type->abstract;
}

ObjectClass *object_class_dynamic_cast(ObjectClass *klass,
                                       const char *typename)
{
    TypeImpl *target;

    if (!klass || !typename) {
        return NULL;
    }
    if (!strcmp(klass->type->name, typename)) {
        return klass;
    }
    target = type_by_name(typename);
    if (!target) {
        return NULL;
    }
    if (klass->interfaces && type_is_interface(target)) {
        return OBJECT_CLASS(class_find_interface(klass, target));
    }
    if (type_is_ancestor(klass->type, target)) {
        return klass;
    }
    return NULL;
}

ObjectClass *object_class_dynamic_cast_assert(ObjectClass *klass,
                                              const char *typename,
                                              const char *file, int line,
                                              const char *func)
{
    ObjectClass *ret;

    if (!klass) {
        return NULL;
    }
    ret = object_class_dynamic_cast(klass, typename);
    if (!ret) {
        fprintf(stderr, "%s:%d:%s: Class %p (%s) is not an instance of "
                "type %s\n", file, line, func, (void *)klass,
                object_class_get_name(klass), typename);
        abort();
    }
    return ret;
}

void object_class_foreach(void (*fn)(ObjectClass *klass, void *opaque),
                          const char *implements_type,
                          bool include_abstract, void *opaque)
{
    guint i;

    type_table_ensure();
    for (i = 0; i < type_list->len; i++) {
        TypeImpl *ti = g_ptr_array_index(type_list, i);

        type_initialize(ti);
        if (ti->abstract && !include_abstract) {
            continue;
        }
        if (implements_type &&
            !object_class_dynamic_cast(ti->class, implements_type)) {
            continue;
        }
        fn(ti->class, opaque);
    }
}

static void object_class_prepend(ObjectClass *klass, void *opaque)
{
    GSList **list = opaque;

    *list = g_slist_prepend(*list, klass);
}

GSList *object_class_get_list(const char *implements_type,
                              bool include_abstract)
{
    GSList *list = NULL;

    object_class_foreach(object_class_prepend, implements_type,
                         include_abstract, &list);
    return g_slist_reverse(list);
}

static gint object_class_cmp(gconstpointer a, gconstpointer b)
{
    return g_ascii_strcasecmp(object_class_get_name((ObjectClass *)a),
                              object_class_get_name((ObjectClass *)b));
}

GSList *object_class_get_list_sorted(const char *implements_type,
                                     bool include_abstract)
{
    return g_slist_sort(object_class_get_list(implements_type,
                                              include_abstract),
                        object_class_cmp);
}

/* Instances */

static void object_init_with_type(Object *obj, TypeImpl *ti)
{
    TypeImpl *parent = type_get_parent(ti);

    if (parent) {
        object_init_with_type(obj, parent);
    }
    if (ti->instance_init) {
        ti->instance_init(obj);
    }
}

static void object_post_init_with_type(Object *obj, TypeImpl *ti)
{
    TypeImpl *parent = type_get_parent(ti);

    if (parent) {
        object_post_init_with_type(obj, parent);
    }
    if (ti->instance_post_init) {
        ti->instance_post_init(obj);
    }
}

static TypeImpl *type_for_instance(const char *typename)
{
    TypeImpl *ti = type_by_name(typename);

    if (!ti) {
        error_report("unknown type '%s'", typename);
        exit(1);
    }
    type_initialize(ti);
    if (ti->abstract) {
        error_report("cannot create an instance of abstract type '%s'",
                     ti->name);
        abort();
    }
    return ti;
}

static void object_initialize_with_type(void *data, size_t size,
                                        TypeImpl *ti)
{
    Object *obj = data;
    ObjectPropertyIterator iter;
    ObjectProperty *prop;

    assert(ti->instance_size >= sizeof(Object));
    assert(size >= ti->instance_size);

    memset(obj, 0, ti->instance_size);
    obj->class = ti->class;
    obj->ref = 1;
    obj->properties = g_hash_table_new(g_str_hash, g_str_equal);
    obj->property_order = g_ptr_array_new();

    object_class_property_iter_init(&iter, obj->class);
    while ((prop = object_property_iter_next(&iter))) {
        if (prop->init) {
            prop->init(obj, prop);
        }
    }
    object_init_with_type(obj, ti);
    object_post_init_with_type(obj, ti);
}

void object_initialize(void *data, size_t size, const char *typename)
{
    object_initialize_with_type(data, size, type_for_instance(typename));
}

static Object *object_new_with_type(TypeImpl *ti)
{
    Object *obj;
    ObjectFree *obj_free;

    if (ti->instance_align > __alignof__(max_align_t)) {
        void *mem;

        if (posix_memalign(&mem, ti->instance_align, ti->instance_size)) {
            error_report("out of memory allocating '%s'", ti->name);
            abort();
        }
        obj = mem;
        obj_free = free;
    } else {
        obj = g_malloc(ti->instance_size);
        obj_free = g_free;
    }
    object_initialize_with_type(obj, ti->instance_size, ti);
    obj->free = obj_free;
    return obj;
}

Object *object_new(const char *typename)
{
    return object_new_with_type(type_for_instance(typename));
}

Object *object_new_with_class(ObjectClass *klass)
{
    return object_new(object_class_get_name(klass));
}

void object_initialize_child_internal(Object *parent, const char *propname,
                                      void *child, size_t size,
                                      const char *type)
{
    Object *obj = child;

    object_initialize(child, size, type);
    object_property_add_child(parent, propname, obj);
    if (object_dynamic_cast(obj, TYPE_USER_CREATABLE)) {
        user_creatable_complete(obj, &error_abort);
    }
    object_unref(obj);
}

static void object_property_remove(Object *obj, ObjectProperty *prop);

static void object_finalize(Object *obj)
{
    TypeImpl *ti;

    /* Release callbacks may add or drop properties: always take the head. */
    while (obj->property_order->len > 0) {
        object_property_remove(obj, g_ptr_array_index(obj->property_order,
                                                       0));
    }
    for (ti = obj->class->type; ti; ti = type_get_parent(ti)) {
        if (ti->instance_finalize) {
            ti->instance_finalize(obj);
        }
    }
    assert(obj->ref == 0);
    assert(!obj->parent);
    g_hash_table_unref(obj->properties);
    g_ptr_array_free(obj->property_order, TRUE);
    if (obj->free) {
        obj->free(obj);
    }
}

Object *object_ref(void *objptr)
{
    Object *obj = objptr;

    if (obj) {
        __atomic_fetch_add(&obj->ref, 1, __ATOMIC_SEQ_CST);
    }
    return obj;
}

void object_unref(void *objptr)
{
    Object *obj = objptr;

    if (!obj) {
        return;
    }
    assert(obj->ref > 0);
    if (__atomic_sub_fetch(&obj->ref, 1, __ATOMIC_SEQ_CST) == 0) {
        object_finalize(obj);
    }
}

ObjectClass *object_get_class(Object *obj)
{
    return obj->class;
}

const char *object_get_typename(const Object *obj)
{
    return obj->class->type->name;
}

Object *object_dynamic_cast(Object *obj, const char *typename)
{
    if (obj && object_class_dynamic_cast(obj->class, typename)) {
        return obj;
    }
    return NULL;
}

Object *object_dynamic_cast_assert(Object *obj, const char *typename,
                                   const char *file, int line,
                                   const char *func)
{
    if (obj && !object_dynamic_cast(obj, typename)) {
        fprintf(stderr, "%s:%d:%s: Object %p (%s) is not an instance of "
                "type %s\n", file, line, func, (void *)obj,
                object_get_typename(obj), typename);
        abort();
    }
    return obj;
}

/* Properties */

static ObjectProperty *object_property_new(const char *name,
                                           const char *type,
                                           ObjectPropertyGet *get,
                                           ObjectPropertySet *set,
                                           ObjectPropertyRelease *release,
                                           void *opaque)
{
    ObjectProperty *prop = g_new0(ObjectProperty, 1);

    prop->name = g_strdup(name);
    prop->type = g_strdup(type);
    prop->get = get;
    prop->set = set;
    prop->release = release;
    prop->opaque = opaque;
    return prop;
}

static void object_property_free(ObjectProperty *prop)
{
    g_free(prop->name);
    g_free(prop->type);
    g_free(prop->description);
    qobject_unref(prop->defval);
    g_free(prop);
}

/* Run the release hook while @prop is still visible, then drop it. */
static void object_property_remove(Object *obj, ObjectProperty *prop)
{
    ObjectPropertyRelease *release = prop->release;

    if (release) {
        prop->release = NULL;
        release(obj, prop->name, prop->opaque);
    }
    g_hash_table_remove(obj->properties, prop->name);
    g_ptr_array_remove(obj->property_order, prop);
    object_property_free(prop);
}

/* For "name[*]": the first "name[N]" that @taken says is free. */
static char *property_free_array_name(const char *name,
                                      bool (*taken)(void *owner,
                                                    const char *name),
                                      void *owner)
{
    g_autofree char *stem = g_strndup(name, strlen(name) - 3);
    int i;

    for (i = 0; ; i++) {
        char *candidate = g_strdup_printf("%s[%d]", stem, i);

        if (!taken(owner, candidate)) {
            return candidate;
        }
        g_free(candidate);
    }
}

static bool object_property_taken(void *owner, const char *name)
{
    return object_property_find(owner, name) != NULL;
}

static bool class_property_taken(void *owner, const char *name)
{
    return object_class_property_find(owner, name) != NULL;
}

ObjectProperty *object_property_add(Object *obj, const char *name,
                                    const char *type,
                                    ObjectPropertyGet *get,
                                    ObjectPropertySet *set,
                                    ObjectPropertyRelease *release,
                                    void *opaque)
{
    g_autofree char *array_name = NULL;
    ObjectProperty *prop;

    if (g_str_has_suffix(name, "[*]")) {
        array_name = property_free_array_name(name, object_property_taken,
                                              obj);
        name = array_name;
    }
    if (object_property_find(obj, name)) {
        error_report("attempt to add duplicate property '%s' to object "
                     "(type '%s')", name, object_get_typename(obj));
        abort();
    }
    prop = object_property_new(name, type, get, set, release, opaque);
    g_hash_table_insert(obj->properties, prop->name, prop);
    g_ptr_array_add(obj->property_order, prop);
    return prop;
}

ObjectProperty *object_class_property_add(ObjectClass *klass,
                                          const char *name,
                                          const char *type,
                                          ObjectPropertyGet *get,
                                          ObjectPropertySet *set,
                                          ObjectPropertyRelease *release,
                                          void *opaque)
{
    g_autofree char *array_name = NULL;
    ObjectProperty *prop;

    if (g_str_has_suffix(name, "[*]")) {
        array_name = property_free_array_name(name, class_property_taken,
                                              klass);
        name = array_name;
    }
    if (object_class_property_find(klass, name)) {
        error_report("attempt to add duplicate property '%s' to class "
                     "(type '%s')", name, object_class_get_name(klass));
        abort();
    }
    prop = object_property_new(name, type, get, set, release, opaque);
    g_hash_table_insert(klass->properties, prop->name, prop);
    g_ptr_array_add(klass->property_order, prop);
    return prop;
}

void object_property_del(Object *obj, const char *name)
{
    ObjectProperty *prop = g_hash_table_lookup(obj->properties, name);

    if (prop) {
        object_property_remove(obj, prop);
    }
}

ObjectProperty *object_class_property_find(ObjectClass *klass,
                                           const char *name)
{
    for (; klass; klass = object_class_get_parent(klass)) {
        ObjectProperty *prop = g_hash_table_lookup(klass->properties, name);

        if (prop) {
            return prop;
        }
    }
    return NULL;
}

ObjectProperty *object_property_find(Object *obj, const char *name)
{
    ObjectProperty *prop = object_class_property_find(obj->class, name);

    if (prop) {
        return prop;
    }
    return g_hash_table_lookup(obj->properties, name);
}

ObjectProperty *object_property_find_err(Object *obj, const char *name,
                                         Error **errp)
{
    ObjectProperty *prop = object_property_find(obj, name);

    if (!prop) {
        error_setg(errp, "Property '%s.%s' not found",
                   object_get_typename(obj), name);
    }
    return prop;
}

void object_property_set_description(Object *obj, const char *name,
                                     const char *description)
{
    ObjectProperty *prop = object_property_find(obj, name);

    assert(prop);
    g_free(prop->description);
    prop->description = g_strdup(description);
}

void object_class_property_set_description(ObjectClass *klass,
                                           const char *name,
                                           const char *description)
{
    ObjectProperty *prop = g_hash_table_lookup(klass->properties, name);

    if (!prop) {
        return;
    }
    g_free(prop->description);
    prop->description = g_strdup(description);
}

static void object_property_init_defval(Object *obj, ObjectProperty *prop)
{
    prop->set(obj, prop->name, prop->defval, prop->opaque, &error_abort);
}

static void object_property_set_default(ObjectProperty *prop,
                                        QObject *defval)
{
    assert(!prop->defval);
    assert(!prop->init);
    assert(prop->set);
    prop->defval = defval;
    prop->init = object_property_init_defval;
}

void object_property_set_default_bool(ObjectProperty *prop, bool value)
{
    object_property_set_default(prop, qbool_from_bool(value));
}

void object_property_set_default_str(ObjectProperty *prop,
                                     const char *value)
{
    object_property_set_default(prop, qstring_from_str(value));
}

void object_property_set_default_int(ObjectProperty *prop, int64_t value)
{
    object_property_set_default(prop, qnum_from_int(value));
}

void object_property_set_default_uint(ObjectProperty *prop, uint64_t value)
{
    object_property_set_default(prop, qnum_from_uint(value));
}

void object_property_iter_init(ObjectPropertyIterator *iter, Object *obj)
{
    iter->obj = obj;
    iter->array = obj->property_order;
    iter->index = 0;
    iter->nextclass = obj->class;
}

void object_class_property_iter_init(ObjectPropertyIterator *iter,
                                     ObjectClass *klass)
{
    iter->obj = NULL;
    iter->array = NULL;
    iter->index = 0;
    iter->nextclass = klass;
}

ObjectProperty *object_property_iter_next(ObjectPropertyIterator *iter)
{
    while (!iter->array || iter->index >= iter->array->len) {
        if (!iter->nextclass) {
            return NULL;
        }
        iter->array = iter->nextclass->property_order;
        iter->index = 0;
        iter->nextclass = object_class_get_parent(iter->nextclass);
    }
    return g_ptr_array_index(iter->array, iter->index++);
}

QObject *object_property_get_qobject(Object *obj, const char *name,
                                     Error **errp)
{
    ObjectProperty *prop = object_property_find_err(obj, name, errp);

    if (!prop) {
        return NULL;
    }
    if (!prop->get) {
        error_setg(errp, "Property '%s.%s' is not readable",
                   object_get_typename(obj), name);
        return NULL;
    }
    return prop->get(obj, prop->name, prop->opaque, errp);
}

bool object_property_set_qobject(Object *obj, const char *name,
                                 QObject *value, Error **errp)
{
    ObjectProperty *prop = object_property_find_err(obj, name, errp);

    if (!prop) {
        return false;
    }
    if (!prop->set) {
        error_setg(errp, "Property '%s.%s' is not writable",
                   object_get_typename(obj), name);
        return false;
    }
    return prop->set(obj, prop->name, value, prop->opaque, errp);
}

bool object_property_parse(Object *obj, const char *name,
                           const char *string, Error **errp)
{
    QString *value = qstring_from_str(string);
    bool ok = object_property_set_qobject(obj, name, value, errp);

    qobject_unref(value);
    return ok;
}

static char *qobject_to_text(QObject *value)
{
    int64_t i;
    uint64_t u;

    switch (qobject_type(value)) {
    case QTYPE_QSTRING:
        return g_strdup(qstring_get_str(value));
    case QTYPE_QBOOL:
        return g_strdup(qbool_get_bool(value) ? "true" : "false");
    case QTYPE_QNUM:
        if (qnum_get_try_int(value, &i)) {
            return g_strdup_printf("%" PRId64, i);
        }
        if (qnum_get_try_uint(value, &u)) {
            return g_strdup_printf("%" PRIu64, u);
        }
        return g_strdup_printf("%.17g", qnum_get_double(value));
    default:
        return qobject_to_json(value);
    }
}

char *object_property_print(Object *obj, const char *name, Error **errp)
{
    QObject *value = object_property_get_qobject(obj, name, errp);
    char *text;

    if (!value) {
        return NULL;
    }
    text = qobject_to_text(value);
    qobject_unref(value);
    return text;
}

static bool object_property_set_consume(Object *obj, const char *name,
                                        QObject *value, Error **errp)
{
    bool ok = object_property_set_qobject(obj, name, value, errp);

    qobject_unref(value);
    return ok;
}

static void error_set_wrong_type(Error **errp, const char *name,
                                 const char *expected)
{
    error_setg(errp, "Invalid parameter type for '%s', expected: %s",
               name, expected);
}

bool object_property_set_str(Object *obj, const char *name,
                             const char *value, Error **errp)
{
    return object_property_set_consume(obj, name, qstring_from_str(value),
                                       errp);
}

char *object_property_get_str(Object *obj, const char *name, Error **errp)
{
    QObject *value = object_property_get_qobject(obj, name, errp);
    char *ret = NULL;

    if (!value) {
        return NULL;
    }
    if (qobject_type(value) == QTYPE_QSTRING) {
        ret = g_strdup(qstring_get_str(value));
    } else {
        error_set_wrong_type(errp, name, "string");
    }
    qobject_unref(value);
    return ret;
}

bool object_property_set_bool(Object *obj, const char *name, bool value,
                              Error **errp)
{
    return object_property_set_consume(obj, name, qbool_from_bool(value),
                                       errp);
}

bool object_property_get_bool(Object *obj, const char *name, Error **errp)
{
    QObject *value = object_property_get_qobject(obj, name, errp);
    bool ret = false;

    if (!value) {
        return false;
    }
    if (qobject_type(value) == QTYPE_QBOOL) {
        ret = qbool_get_bool(value);
    } else {
        error_set_wrong_type(errp, name, "boolean");
    }
    qobject_unref(value);
    return ret;
}

bool object_property_set_int(Object *obj, const char *name, int64_t value,
                             Error **errp)
{
    return object_property_set_consume(obj, name, qnum_from_int(value),
                                       errp);
}

int64_t object_property_get_int(Object *obj, const char *name,
                                Error **errp)
{
    QObject *value = object_property_get_qobject(obj, name, errp);
    int64_t ret = 0;

    if (!value) {
        return 0;
    }
    if (qobject_type(value) != QTYPE_QNUM ||
        !qnum_get_try_int(value, &ret)) {
        ret = 0;
        error_set_wrong_type(errp, name, "int");
    }
    qobject_unref(value);
    return ret;
}

bool object_property_set_uint(Object *obj, const char *name,
                              uint64_t value, Error **errp)
{
    return object_property_set_consume(obj, name, qnum_from_uint(value),
                                       errp);
}

uint64_t object_property_get_uint(Object *obj, const char *name,
                                  Error **errp)
{
    QObject *value = object_property_get_qobject(obj, name, errp);
    uint64_t ret = 0;

    if (!value) {
        return 0;
    }
    if (qobject_type(value) != QTYPE_QNUM ||
        !qnum_get_try_uint(value, &ret)) {
        ret = 0;
        error_set_wrong_type(errp, name, "uint");
    }
    qobject_unref(value);
    return ret;
}

const char *object_property_get_type(Object *obj, const char *name,
                                     Error **errp)
{
    ObjectProperty *prop = object_property_find_err(obj, name, errp);

    return prop ? prop->type : NULL;
}

/* Converting setter input */

static const char *uint_kind(uint64_t max)
{
    switch (max) {
    case UINT8_MAX:
        return "uint8";
    case UINT16_MAX:
        return "uint16";
    case UINT32_MAX:
        return "uint32";
    case UINT64_MAX:
        return "uint64";
    default:
        return NULL;
    }
}

static void error_set_uint_range(Error **errp, const char *name,
                                 uint64_t max)
{
    const char *kind = uint_kind(max);

    if (kind) {
        error_setg(errp, "Parameter '%s' expects %s", name, kind);
    } else {
        error_setg(errp, "Parameter '%s' expects a value between 0 and %"
                   PRIu64, name, max);
    }
}

static const char *int_kind(int64_t min, int64_t max)
{
    if (min == INT8_MIN && max == INT8_MAX) {
        return "int8";
    }
    if (min == INT16_MIN && max == INT16_MAX) {
        return "int16";
    }
    if (min == INT32_MIN && max == INT32_MAX) {
        return "int32";
    }
    if (min == INT64_MIN && max == INT64_MAX) {
        return "int64";
    }
    return NULL;
}

static void error_set_int_range(Error **errp, const char *name,
                                int64_t min, int64_t max)
{
    const char *kind = int_kind(min, max);

    if (kind) {
        error_setg(errp, "Parameter '%s' expects %s", name, kind);
    } else {
        error_setg(errp, "Parameter '%s' expects a value between %" PRId64
                   " and %" PRId64, name, min, max);
    }
}

/* Decimal, 0x hexadecimal or 0 octal, with nothing around it. */
static bool parse_uint_text(const char *text, uint64_t *out)
{
    char *end;
    unsigned long long v;

    if (!g_ascii_isdigit(text[0])) {
        return false;
    }
    errno = 0;
    v = strtoull(text, &end, 0);
    if (errno || *end) {
        return false;
    }
    *out = v;
    return true;
}

static bool parse_int_text(const char *text, int64_t *out)
{
    const char *digits = text[0] == '-' ? text + 1 : text;
    char *end;
    long long v;

    if (!g_ascii_isdigit(digits[0])) {
        return false;
    }
    errno = 0;
    v = strtoll(text, &end, 0);
    if (errno || *end) {
        return false;
    }
    *out = v;
    return true;
}

bool qobject_input_bool(QObject *value, const char *name, bool *out,
                        Error **errp)
{
    static const char *const yes[] = { "on", "yes", "true", "y" };
    static const char *const no[] = { "off", "no", "false", "n" };
    const char *text;
    size_t i;

    switch (qobject_type(value)) {
    case QTYPE_QBOOL:
        *out = qbool_get_bool(value);
        return true;
    case QTYPE_QSTRING:
        text = qstring_get_str(value);
        for (i = 0; i < ARRAY_SIZE(yes); i++) {
            if (!strcmp(text, yes[i])) {
                *out = true;
                return true;
            }
            if (!strcmp(text, no[i])) {
                *out = false;
                return true;
            }
        }
        error_setg(errp, "Parameter '%s' expects 'on' or 'off'", name);
        return false;
    default:
        error_set_wrong_type(errp, name, "boolean");
        return false;
    }
}

bool qobject_input_uint(QObject *value, const char *name, uint64_t max,
                        uint64_t *out, Error **errp)
{
    uint64_t v;
    int64_t negative;

    switch (qobject_type(value)) {
    case QTYPE_QNUM:
        if (!qnum_get_try_uint(value, &v)) {
            if (qnum_get_try_int(value, &negative)) {
                error_set_uint_range(errp, name, max);
            } else {
                error_set_wrong_type(errp, name, "integer");
            }
            return false;
        }
        break;
    case QTYPE_QSTRING:
        if (!parse_uint_text(qstring_get_str(value), &v)) {
            error_set_uint_range(errp, name, max);
            return false;
        }
        break;
    default:
        error_set_wrong_type(errp, name, "integer");
        return false;
    }
    if (v > max) {
        error_set_uint_range(errp, name, max);
        return false;
    }
    *out = v;
    return true;
}

bool qobject_input_int(QObject *value, const char *name, int64_t min,
                       int64_t max, int64_t *out, Error **errp)
{
    int64_t v;
    uint64_t big;

    switch (qobject_type(value)) {
    case QTYPE_QNUM:
        if (!qnum_get_try_int(value, &v)) {
            if (qnum_get_try_uint(value, &big)) {
                error_set_int_range(errp, name, min, max);
            } else {
                error_set_wrong_type(errp, name, "integer");
            }
            return false;
        }
        break;
    case QTYPE_QSTRING:
        if (!parse_int_text(qstring_get_str(value), &v)) {
            error_set_int_range(errp, name, min, max);
            return false;
        }
        break;
    default:
        error_set_wrong_type(errp, name, "integer");
        return false;
    }
    if (v < min || v > max) {
        error_set_int_range(errp, name, min, max);
        return false;
    }
    *out = v;
    return true;
}

bool qobject_input_str(QObject *value, const char *name, const char **out,
                       Error **errp)
{
    if (qobject_type(value) != QTYPE_QSTRING) {
        error_set_wrong_type(errp, name, "string");
        return false;
    }
    *out = qstring_get_str(value);
    return true;
}

/* child<> properties */

static QObject *object_get_child_property(Object *obj, const char *name,
                                          void *opaque, Error **errp)
{
    g_autofree char *path = object_get_canonical_path(opaque);

    return qstring_from_str(path ? path : "");
}

static Object *object_resolve_child_property(Object *obj, void *opaque,
                                             const char *part)
{
    return opaque;
}

static void object_release_child_property(Object *obj, const char *name,
                                          void *opaque)
{
    Object *child = opaque;

    if (child->class->unparent) {
        child->class->unparent(child);
    }
    child->parent = NULL;
    object_unref(child);
}

static bool object_property_is_child(const ObjectProperty *prop)
{
    return prop->resolve == object_resolve_child_property;
}

ObjectProperty *object_property_add_child(Object *obj, const char *name,
                                          Object *child)
{
    g_autofree char *type = NULL;
    ObjectProperty *prop;

    assert(!child->parent);
    type = g_strdup_printf("child<%s>", object_get_typename(child));
    prop = object_property_add(obj, name, type, object_get_child_property,
                               NULL, object_release_child_property, child);
    prop->resolve = object_resolve_child_property;
    object_ref(child);
    child->parent = obj;
    return prop;
}

void object_unparent(Object *obj)
{
    Object *parent = obj->parent;
    guint i;

    if (!parent) {
        return;
    }
    for (i = 0; i < parent->property_order->len; i++) {
        ObjectProperty *prop = g_ptr_array_index(parent->property_order, i);

        if (object_property_is_child(prop) && prop->opaque == obj) {
            object_property_remove(parent, prop);
            return;
        }
    }
}

/* link<> properties */

typedef struct LinkProperty {
    Object **targetp;
    char *target_type;
    void (*check)(const Object *obj, const char *name, Object *val,
                  Error **errp);
    ObjectPropertyLinkFlags flags;
} LinkProperty;

void object_property_allow_set_link(const Object *obj, const char *name,
                                    Object *val, Error **errp)
{
}

static QObject *object_get_link_property(Object *obj, const char *name,
                                         void *opaque, Error **errp)
{
    LinkProperty *lprop = opaque;
    g_autofree char *path = NULL;

    if (*lprop->targetp) {
        path = object_get_canonical_path(*lprop->targetp);
    }
    return qstring_from_str(path ? path : "");
}

/* Store @target (may be NULL) after the type and the owner's check. */
static bool object_link_store(Object *obj, const char *name,
                              LinkProperty *lprop, Object *target,
                              Error **errp)
{
    Error *err = NULL;
    Object *old;

    if (target && !object_dynamic_cast(target, lprop->target_type)) {
        error_set_wrong_type(errp, name, lprop->target_type);
        return false;
    }
    lprop->check(obj, name, target, &err);
    if (err) {
        error_propagate(errp, err);
        return false;
    }
    old = *lprop->targetp;
    *lprop->targetp = target;
    if (lprop->flags & OBJ_PROP_LINK_STRONG) {
        object_ref(target);
        object_unref(old);
    }
    return true;
}

static Object *object_resolve_link(const char *name, const char *path,
                                   const char *type, Error **errp)
{
    bool ambiguous = false;
    Object *target = object_resolve_path_type(path, type, &ambiguous);

    if (ambiguous) {
        error_setg(errp, "Path '%s' does not uniquely identify an object",
                   path);
        return NULL;
    }
    if (!target) {
        if (object_resolve_path(path, &ambiguous) || ambiguous) {
            error_set_wrong_type(errp, name, type);
        } else {
            error_set(errp, ERROR_CLASS_DEVICE_NOT_FOUND,
                      "Device '%s' not found", path);
        }
    }
    return target;
}

static bool object_set_link_property(Object *obj, const char *name,
                                     QObject *value, void *opaque,
                                     Error **errp)
{
    LinkProperty *lprop = opaque;
    Object *target = NULL;
    const char *path;

    if (!qobject_input_str(value, name, &path, errp)) {
        return false;
    }
    if (path[0] != '\0') {
        target = object_resolve_link(name, path, lprop->target_type, errp);
        if (!target) {
            return false;
        }
    }
    return object_link_store(obj, name, lprop, target, errp);
}

static Object *object_resolve_link_property(Object *obj, void *opaque,
                                            const char *part)
{
    LinkProperty *lprop = opaque;

    return *lprop->targetp;
}

static void object_release_link_property(Object *obj, const char *name,
                                         void *opaque)
{
    LinkProperty *lprop = opaque;

    if ((lprop->flags & OBJ_PROP_LINK_STRONG) && *lprop->targetp) {
        Object *target = *lprop->targetp;

        *lprop->targetp = NULL;
        object_unref(target);
    }
    g_free(lprop->target_type);
    g_free(lprop);
}

ObjectProperty *object_property_add_link(Object *obj, const char *name,
                                         const char *type, Object **targetp,
                                         void (*check)(const Object *obj,
                                                       const char *name,
                                                       Object *val,
                                                       Error **errp),
                                         ObjectPropertyLinkFlags flags)
{
    LinkProperty *lprop = g_new0(LinkProperty, 1);
    g_autofree char *full_type = g_strdup_printf("link<%s>", type);
    ObjectProperty *prop;

    lprop->targetp = targetp;
    lprop->target_type = g_strdup(type);
    lprop->check = check;
    lprop->flags = flags;
    prop = object_property_add(obj, name, full_type,
                               object_get_link_property,
                               check ? object_set_link_property : NULL,
                               object_release_link_property, lprop);
    prop->resolve = object_resolve_link_property;
    return prop;
}

/* Aliases */

typedef struct AliasProperty {
    Object *target_obj;
    char *target_name;
} AliasProperty;

static QObject *object_get_alias_property(Object *obj, const char *name,
                                          void *opaque, Error **errp)
{
    AliasProperty *alias = opaque;

    return object_property_get_qobject(alias->target_obj,
                                       alias->target_name, errp);
}

static bool object_set_alias_property(Object *obj, const char *name,
                                      QObject *value, void *opaque,
                                      Error **errp)
{
    AliasProperty *alias = opaque;

    return object_property_set_qobject(alias->target_obj,
                                       alias->target_name, value, errp);
}

static Object *object_resolve_alias_property(Object *obj, void *opaque,
                                             const char *part)
{
    AliasProperty *alias = opaque;

    return object_resolve_path_component(alias->target_obj,
                                         alias->target_name);
}

static void object_release_alias_property(Object *obj, const char *name,
                                          void *opaque)
{
    AliasProperty *alias = opaque;

    g_free(alias->target_name);
    g_free(alias);
}

ObjectProperty *object_property_add_alias(Object *obj, const char *name,
                                          Object *target,
                                          const char *target_name)
{
    ObjectProperty *target_prop = object_property_find(target, target_name);
    g_autofree char *type = NULL;
    AliasProperty *alias;
    ObjectProperty *prop;

    if (!target_prop) {
        error_report("cannot alias '%s' to missing property '%s.%s'",
                     name, object_get_typename(target), target_name);
        abort();
    }
    /* Through an alias, a child is only a reference: show it as a link. */
    if (object_property_is_child(target_prop)) {
        type = g_strdup_printf("link%s",
                               target_prop->type + strlen("child"));
    } else {
        type = g_strdup(target_prop->type);
    }

    alias = g_new0(AliasProperty, 1);
    alias->target_obj = target;
    alias->target_name = g_strdup(target_name);
    prop = object_property_add(obj, name, type,
                               target_prop->get ?
                               object_get_alias_property : NULL,
                               target_prop->set ?
                               object_set_alias_property : NULL,
                               object_release_alias_property, alias);
    if (target_prop->resolve) {
        prop->resolve = object_resolve_alias_property;
    }
    prop->description = g_strdup(target_prop->description);
    return prop;
}

bool object_property_set_link(Object *obj, const char *name,
                              Object *value, Error **errp)
{
    ObjectProperty *prop = object_property_find_err(obj, name, errp);
    g_autofree char *path = NULL;

    if (!prop) {
        return false;
    }
    /*
     * Our own link and alias properties take the object itself, so a
     * target that is not (yet) in the composition tree can be linked.
     */
    if (prop->set == object_set_link_property) {
        return object_link_store(obj, prop->name, prop->opaque, value, errp);
    }
    if (prop->set == object_set_alias_property) {
        AliasProperty *alias = prop->opaque;

        return object_property_set_link(alias->target_obj,
                                        alias->target_name, value, errp);
    }
    if (value) {
        path = object_get_canonical_path(value);
    }
    return object_property_set_str(obj, name, path ? path : "", errp);
}

Object *object_property_get_link(Object *obj, const char *name,
                                 Error **errp)
{
    ObjectProperty *prop = object_property_find_err(obj, name, errp);
    g_autofree char *path = NULL;
    Object *target = NULL;

    if (!prop) {
        return NULL;
    }
    if (prop->resolve) {
        return prop->resolve(obj, prop->opaque, prop->name);
    }
    path = object_property_get_str(obj, name, errp);
    if (path && path[0] != '\0') {
        target = object_resolve_path(path, NULL);
        if (!target) {
            error_set(errp, ERROR_CLASS_DEVICE_NOT_FOUND,
                      "Device '%s' not found", path);
        }
    }
    return target;
}

/* Properties backed by callbacks or by plain fields */

typedef struct StringProperty {
    char *(*get)(Object *obj, Error **errp);
    void (*set)(Object *obj, const char *value, Error **errp);
} StringProperty;

static QObject *property_get_str(Object *obj, const char *name,
                                 void *opaque, Error **errp)
{
    StringProperty *sprop = opaque;
    Error *err = NULL;
    g_autofree char *value = sprop->get(obj, &err);

    if (err) {
        error_propagate(errp, err);
        return NULL;
    }
    return qstring_from_str(value ? value : "");
}

static bool property_set_str(Object *obj, const char *name, QObject *value,
                             void *opaque, Error **errp)
{
    StringProperty *sprop = opaque;
    Error *err = NULL;
    const char *str;

    if (!qobject_input_str(value, name, &str, errp)) {
        return false;
    }
    sprop->set(obj, str, &err);
    if (err) {
        error_propagate(errp, err);
        return false;
    }
    return true;
}

static void property_release_opaque(Object *obj, const char *name,
                                    void *opaque)
{
    g_free(opaque);
}

static StringProperty *string_property_new(char *(*get)(Object *,
                                                        Error **),
                                           void (*set)(Object *,
                                                       const char *,
                                                       Error **))
{
    StringProperty *sprop = g_new0(StringProperty, 1);

    sprop->get = get;
    sprop->set = set;
    return sprop;
}

ObjectProperty *object_property_add_str(Object *obj, const char *name,
                                        char *(*get)(Object *, Error **),
                                        void (*set)(Object *, const char *,
                                                    Error **))
{
    return object_property_add(obj, name, "string",
                               get ? property_get_str : NULL,
                               set ? property_set_str : NULL,
                               property_release_opaque,
                               string_property_new(get, set));
}

ObjectProperty *object_class_property_add_str(ObjectClass *klass,
                                              const char *name,
                                              char *(*get)(Object *,
                                                           Error **),
                                              void (*set)(Object *,
                                                          const char *,
                                                          Error **))
{
    return object_class_property_add(klass, name, "string",
                                     get ? property_get_str : NULL,
                                     set ? property_set_str : NULL,
                                     NULL, string_property_new(get, set));
}

typedef struct BoolProperty {
    bool (*get)(Object *obj, Error **errp);
    void (*set)(Object *obj, bool value, Error **errp);
} BoolProperty;

static QObject *property_get_bool(Object *obj, const char *name,
                                  void *opaque, Error **errp)
{
    BoolProperty *bprop = opaque;
    Error *err = NULL;
    bool value = bprop->get(obj, &err);

    if (err) {
        error_propagate(errp, err);
        return NULL;
    }
    return qbool_from_bool(value);
}

static bool property_set_bool(Object *obj, const char *name, QObject *value,
                              void *opaque, Error **errp)
{
    BoolProperty *bprop = opaque;
    Error *err = NULL;
    bool b;

    if (!qobject_input_bool(value, name, &b, errp)) {
        return false;
    }
    bprop->set(obj, b, &err);
    if (err) {
        error_propagate(errp, err);
        return false;
    }
    return true;
}

static BoolProperty *bool_property_new(bool (*get)(Object *, Error **),
                                       void (*set)(Object *, bool,
                                                   Error **))
{
    BoolProperty *bprop = g_new0(BoolProperty, 1);

    bprop->get = get;
    bprop->set = set;
    return bprop;
}

ObjectProperty *object_property_add_bool(Object *obj, const char *name,
                                         bool (*get)(Object *, Error **),
                                         void (*set)(Object *, bool,
                                                     Error **))
{
    return object_property_add(obj, name, "bool",
                               get ? property_get_bool : NULL,
                               set ? property_set_bool : NULL,
                               property_release_opaque,
                               bool_property_new(get, set));
}

ObjectProperty *object_class_property_add_bool(ObjectClass *klass,
                                               const char *name,
                                               bool (*get)(Object *,
                                                           Error **),
                                               void (*set)(Object *, bool,
                                                           Error **))
{
    return object_class_property_add(klass, name, "bool",
                                     get ? property_get_bool : NULL,
                                     set ? property_set_bool : NULL,
                                     NULL, bool_property_new(get, set));
}

/* Getters and setters of the uintN_ptr properties, one pair per width. */
#define DEFINE_UINT_PTR_ACCESSORS(bits)                                     \
static QObject *property_get_uint##bits##_ptr(Object *obj,                  \
                                              const char *name,             \
                                              void *opaque, Error **errp)   \
{                                                                           \
    return qnum_from_uint(*(uint##bits##_t *)opaque);                       \
}                                                                           \
                                                                            \
static bool property_set_uint##bits##_ptr(Object *obj, const char *name,    \
                                          QObject *value, void *opaque,     \
                                          Error **errp)                     \
{                                                                           \
    uint64_t v;                                                             \
                                                                            \
    if (!qobject_input_uint(value, name, UINT##bits##_MAX, &v, errp)) {     \
        return false;                                                       \
    }                                                                       \
    *(uint##bits##_t *)opaque = v;                                          \
    return true;                                                            \
}                                                                           \
                                                                            \
ObjectProperty *object_property_add_uint##bits##_ptr(                       \
    Object *obj, const char *name, const uint##bits##_t *v,                 \
    ObjectPropertyFlags flags)                                              \
{                                                                           \
    return object_property_add(obj, name, "uint" #bits,                     \
                               (flags & OBJ_PROP_FLAG_READ) ?               \
                               property_get_uint##bits##_ptr : NULL,        \
                               (flags & OBJ_PROP_FLAG_WRITE) ?              \
                               property_set_uint##bits##_ptr : NULL,        \
                               NULL, (void *)v);                            \
}

DEFINE_UINT_PTR_ACCESSORS(8)
DEFINE_UINT_PTR_ACCESSORS(16)
DEFINE_UINT_PTR_ACCESSORS(32)
DEFINE_UINT_PTR_ACCESSORS(64)

/* The base type */

static char *object_get_type_property(Object *obj, Error **errp)
{
    return g_strdup(object_get_typename(obj));
}

static void object_class_init(ObjectClass *klass, const void *data)
{
    object_class_property_add_str(klass, "type", object_get_type_property,
                                  NULL);
}

/* The composition tree */

Object *object_get_root(void)
{
    if (!root_object) {
        root_object = object_new(TYPE_CONTAINER);
    }
    return root_object;
}

Object *object_get_container(const char *name)
{
    return container_get(object_get_root(), name);
}

Object *object_get_objects_root(void)
{
    return object_get_container("objects");
}

const char *object_get_canonical_path_component(const Object *obj)
{
    Object *parent = obj->parent;
    guint i;

    if (!parent) {
        return NULL;
    }
    for (i = 0; i < parent->property_order->len; i++) {
        ObjectProperty *prop = g_ptr_array_index(parent->property_order, i);

        if (object_property_is_child(prop) && prop->opaque == obj) {
            return prop->name;
        }
    }
    g_assert_not_reached();
}

char *object_get_canonical_path(const Object *obj)
{
    Object *root = object_get_root();
    GString *path;

    if (obj == root) {
        return g_strdup("/");
    }
    path = g_string_new("");
    for (; obj != root; obj = obj->parent) {
        const char *component = object_get_canonical_path_component(obj);

        if (!component) {
            g_string_free(path, TRUE);
            return NULL;
        }
        g_string_prepend(path, component);
        g_string_prepend_c(path, '/');
    }
    return g_string_free(path, FALSE);
}

Object *object_resolve_path_component(Object *parent, const char *part)
{
    ObjectProperty *prop = object_property_find(parent, part);

    if (!prop || !prop->resolve) {
        return NULL;
    }
    return prop->resolve(parent, prop->opaque, part);
}

/* Follow @parts from @parent; empty components stay where they are. */
static Object *object_resolve_abs_path(Object *parent, char **parts,
                                       const char *typename)
{
    for (; *parts; parts++) {
        if (**parts == '\0') {
            continue;
        }
        parent = object_resolve_path_component(parent, *parts);
        if (!parent) {
            return NULL;
        }
    }
    return object_dynamic_cast(parent, typename);
}

/*
 * Every object of the subtree at @parent that @parts leads to, counted
 * once: NULL with *@ambiguous set when two different objects match.
 */
static Object *object_resolve_partial_path(Object *parent, char **parts,
                                           const char *typename,
                                           bool *ambiguous)
{
    Object *found = object_resolve_abs_path(parent, parts, typename);
    guint i;

    for (i = 0; i < parent->property_order->len; i++) {
        ObjectProperty *prop = g_ptr_array_index(parent->property_order, i);
        Object *match;

        if (!object_property_is_child(prop)) {
            continue;
        }
        match = object_resolve_partial_path(prop->opaque, parts, typename,
                                            ambiguous);
        if (*ambiguous) {
            return NULL;
        }
        if (match && found && match != found) {
            *ambiguous = true;
            return NULL;
        }
        if (match) {
            found = match;
        }
    }
    return found;
}

Object *object_resolve_path_type(const char *path, const char *typename,
                                 bool *ambiguousp)
{
    g_auto(GStrv) parts = g_strsplit(path, "/", 0);
    bool ambiguous = false;
    Object *obj;

    if (path[0] == '/') {
        obj = object_resolve_abs_path(object_get_root(), parts, typename);
    } else {
        obj = object_resolve_partial_path(object_get_root(), parts,
                                          typename, &ambiguous);
    }
    if (ambiguousp) {
        *ambiguousp = ambiguous;
    }
    return obj;
}

Object *object_resolve_path(const char *path, bool *ambiguous)
{
    return object_resolve_path_type(path, TYPE_OBJECT, ambiguous);
}

Object *object_resolve_path_at(Object *parent, const char *path)
{
    g_auto(GStrv) parts = g_strsplit(path, "/", 0);

    if (path[0] == '/') {
        parent = object_get_root();
    }
    return object_resolve_abs_path(parent, parts, TYPE_OBJECT);
}

/*
 * The children are collected (and held) first, so @fn may add or remove
 * children of @obj while the walk goes on.
 */
static int do_object_child_foreach(Object *obj,
                                   int (*fn)(Object *child, void *opaque),
                                   void *opaque, bool recurse)
{
    g_autoptr(GPtrArray) children = g_ptr_array_new_with_free_func(
        object_unref);
    int ret = 0;
    guint i;

    for (i = 0; i < obj->property_order->len; i++) {
        ObjectProperty *prop = g_ptr_array_index(obj->property_order, i);

        if (object_property_is_child(prop)) {
            g_ptr_array_add(children, object_ref(prop->opaque));
        }
    }
    for (i = 0; i < children->len && ret == 0; i++) {
        Object *child = g_ptr_array_index(children, i);

        ret = fn(child, opaque);
        if (ret == 0 && recurse) {
            ret = do_object_child_foreach(child, fn, opaque, true);
        }
    }
    return ret;
}

int object_child_foreach(Object *obj, int (*fn)(Object *child, void *opaque),
                         void *opaque)
{
    return do_object_child_foreach(obj, fn, opaque, false);
}

int object_child_foreach_recursive(Object *obj,
                                   int (*fn)(Object *child, void *opaque),
                                   void *opaque)
{
    return do_object_child_foreach(obj, fn, opaque, true);
}
