/*
 * QOM: types, classes, instances, interfaces, properties, the tree.
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * The names and the life cycle are QEMU's.  One deliberate difference in
 * the plumbing: property accessors exchange QObject values instead of
 * going through visitors.  A setter receives either a typed value (QNum,
 * QBool, QString, ...) or, for values from the command line, a QString
 * that it parses; the qobject_input_* helpers below do both.
 */
#ifndef QOM_OBJECT_H
#define QOM_OBJECT_H

#include "qobject/qobject.h"

typedef struct TypeImpl *Type;
typedef struct TypeInfo TypeInfo;
typedef struct InterfaceClass InterfaceClass;
typedef struct InterfaceInfo InterfaceInfo;
typedef struct ObjectProperty ObjectProperty;

#define TYPE_OBJECT "object"
#define TYPE_INTERFACE "interface"
#define TYPE_CONTAINER "container"

/**
 * ObjectPropertyGet: return the value of property @name as a new QObject
 * reference, or NULL with @errp set.
 */
typedef QObject *ObjectPropertyGet(Object *obj, const char *name,
                                   void *opaque, Error **errp);

/**
 * ObjectPropertySet: store @value (borrowed) into property @name; return
 * false with @errp set when the value is refused.
 */
typedef bool ObjectPropertySet(Object *obj, const char *name,
                               QObject *value, void *opaque, Error **errp);

/** ObjectPropertyResolve: the object a child<> or link<> points to. */
typedef Object *ObjectPropertyResolve(Object *obj, void *opaque,
                                      const char *part);

/** ObjectPropertyRelease: called when the property is deleted. */
typedef void ObjectPropertyRelease(Object *obj, const char *name,
                                   void *opaque);

/** ObjectPropertyInit: set the default of a class property on @obj. */
typedef void ObjectPropertyInit(Object *obj, ObjectProperty *prop);

struct ObjectProperty {
    char *name;
    char *type;
    char *description;
    ObjectPropertyGet *get;
    ObjectPropertySet *set;
    ObjectPropertyResolve *resolve;
    ObjectPropertyRelease *release;
    ObjectPropertyInit *init;
    void *opaque;
    QObject *defval;
};

typedef void ObjectUnparent(Object *obj);
typedef void ObjectFree(void *obj);

struct ObjectClass {
    Type type;
    GSList *interfaces;
    GHashTable *properties;     /* name -> ObjectProperty, class-wide */
    GPtrArray *property_order;  /* ObjectProperty *, declaration order */
    ObjectUnparent *unparent;
};

struct Object {
    ObjectClass *class;
    ObjectFree *free;
    GHashTable *properties;     /* name -> ObjectProperty, per instance */
    GPtrArray *property_order;  /* ObjectProperty *, creation order */
    uint32_t ref;
    Object *parent;
};

struct TypeInfo {
    const char *name;
    const char *parent;

    size_t instance_size;
    size_t instance_align;
    void (*instance_init)(Object *obj);
    void (*instance_post_init)(Object *obj);
    void (*instance_finalize)(Object *obj);

    bool abstract;
    size_t class_size;

    void (*class_init)(ObjectClass *klass, const void *data);
    void (*class_base_init)(ObjectClass *klass, const void *data);
    const void *class_data;

    const InterfaceInfo *interfaces;
};

struct InterfaceInfo {
    const char *type;
};

/*
 * The class struct of an interface as seen through one implementing
 * class: RESETTABLE_CLASS(klass) returns this for klass.
 */
struct InterfaceClass {
    ObjectClass parent_class;
    ObjectClass *concrete_class;
    Type interface_type;
};

#define OBJECT(obj) ((Object *)(obj))
#define OBJECT_CLASS(class) ((ObjectClass *)(class))

#define OBJECT_CHECK(type, obj, name) \
    ((type *)object_dynamic_cast_assert(OBJECT(obj), (name), \
                                        __FILE__, __LINE__, __func__))
#define OBJECT_CLASS_CHECK(class_type, class, name) \
    ((class_type *)object_class_dynamic_cast_assert(OBJECT_CLASS(class), \
                                        (name), __FILE__, __LINE__, __func__))
#define OBJECT_GET_CLASS(class, obj, name) \
    OBJECT_CLASS_CHECK(class, object_get_class(OBJECT(obj)), name)

#define INTERFACE_CHECK(interface, obj, name) \
    ((interface *)object_dynamic_cast_assert(OBJECT((obj)), (name), \
                                             __FILE__, __LINE__, __func__))

#define DECLARE_INSTANCE_CHECKER(InstanceType, OBJ_NAME, TYPENAME) \
    static inline G_GNUC_UNUSED InstanceType *                     \
    OBJ_NAME(const void *obj)                                      \
    { return OBJECT_CHECK(InstanceType, obj, TYPENAME); }

#define DECLARE_CLASS_CHECKERS(ClassType, OBJ_NAME, TYPENAME)      \
    static inline G_GNUC_UNUSED ClassType *                        \
    OBJ_NAME##_GET_CLASS(const void *obj)                          \
    { return OBJECT_GET_CLASS(ClassType, obj, TYPENAME); }         \
                                                                   \
    static inline G_GNUC_UNUSED ClassType *                        \
    OBJ_NAME##_CLASS(const void *klass)                            \
    { return OBJECT_CLASS_CHECK(ClassType, klass, TYPENAME); }

#define DECLARE_OBJ_CHECKERS(InstanceType, ClassType, OBJ_NAME, TYPENAME) \
    DECLARE_INSTANCE_CHECKER(InstanceType, OBJ_NAME, TYPENAME)            \
    DECLARE_CLASS_CHECKERS(ClassType, OBJ_NAME, TYPENAME)

#define OBJECT_DECLARE_TYPE(InstanceType, ClassType, MODULE_OBJ_NAME) \
    typedef struct InstanceType InstanceType;                         \
    typedef struct ClassType ClassType;                               \
    G_DEFINE_AUTOPTR_CLEANUP_FUNC(InstanceType, object_unref)         \
    DECLARE_OBJ_CHECKERS(InstanceType, ClassType,                     \
                         MODULE_OBJ_NAME, TYPE_##MODULE_OBJ_NAME)

#define OBJECT_DECLARE_SIMPLE_TYPE(InstanceType, MODULE_OBJ_NAME)     \
    typedef struct InstanceType InstanceType;                         \
    G_DEFINE_AUTOPTR_CLEANUP_FUNC(InstanceType, object_unref)         \
    DECLARE_INSTANCE_CHECKER(InstanceType, MODULE_OBJ_NAME,           \
                             TYPE_##MODULE_OBJ_NAME)

/* Registration. */
Type type_register_static(const TypeInfo *info);
void type_register_static_array(const TypeInfo *infos, int nr_infos);

#define DEFINE_TYPES(type_array)                                      \
static void do_qemu_init_ ## type_array(void)                         \
{                                                                     \
    type_register_static_array(type_array, ARRAY_SIZE(type_array));   \
}                                                                     \
type_init(do_qemu_init_ ## type_array)

/* Instances. */
Object *object_new(const char *typename);
Object *object_new_with_class(ObjectClass *klass);
void object_initialize(void *data, size_t size, const char *typename);
/**
 * object_initialize_child: initialise the embedded object @child of
 * @size bytes and add it as child @propname of @parent, which then holds
 * the only reference.
 */
void object_initialize_child_internal(Object *parent, const char *propname,
                                      void *child, size_t size,
                                      const char *type);
#define object_initialize_child(parent, propname, child, type) \
    object_initialize_child_internal(OBJECT(parent), propname, \
                                     child, sizeof(*(child)), type)

Object *object_ref(void *obj);
void object_unref(void *obj);
/** object_unparent: remove @obj from its parent's children. */
void object_unparent(Object *obj);

ObjectClass *object_get_class(Object *obj);
const char *object_get_typename(const Object *obj);

/** object_dynamic_cast: @obj if it is a @typename (or implements it). */
Object *object_dynamic_cast(Object *obj, const char *typename);
Object *object_dynamic_cast_assert(Object *obj, const char *typename,
                                   const char *file, int line,
                                   const char *func);

/* Classes. */
ObjectClass *object_class_by_name(const char *typename);
/** module_object_class_by_name: same; no loadable modules here. */
ObjectClass *module_object_class_by_name(const char *typename);
const char *object_class_get_name(ObjectClass *klass);
ObjectClass *object_class_get_parent(ObjectClass *klass);
bool object_class_is_abstract(ObjectClass *klass);
ObjectClass *object_class_dynamic_cast(ObjectClass *klass,
                                       const char *typename);
ObjectClass *object_class_dynamic_cast_assert(ObjectClass *klass,
                                              const char *typename,
                                              const char *file, int line,
                                              const char *func);
/**
 * object_class_get_list: every class implementing @implements_type (all
 * when NULL), abstract ones only when @include_abstract.  Free the list
 * with g_slist_free.
 */
GSList *object_class_get_list(const char *implements_type,
                              bool include_abstract);
GSList *object_class_get_list_sorted(const char *implements_type,
                                     bool include_abstract);
void object_class_foreach(void (*fn)(ObjectClass *klass, void *opaque),
                          const char *implements_type,
                          bool include_abstract, void *opaque);

/* Properties. */
ObjectProperty *object_property_add(Object *obj, const char *name,
                                    const char *type,
                                    ObjectPropertyGet *get,
                                    ObjectPropertySet *set,
                                    ObjectPropertyRelease *release,
                                    void *opaque);
ObjectProperty *object_class_property_add(ObjectClass *klass,
                                          const char *name,
                                          const char *type,
                                          ObjectPropertyGet *get,
                                          ObjectPropertySet *set,
                                          ObjectPropertyRelease *release,
                                          void *opaque);
void object_property_del(Object *obj, const char *name);

ObjectProperty *object_property_find(Object *obj, const char *name);
ObjectProperty *object_property_find_err(Object *obj, const char *name,
                                         Error **errp);
ObjectProperty *object_class_property_find(ObjectClass *klass,
                                           const char *name);

void object_property_set_description(Object *obj, const char *name,
                                     const char *description);
void object_class_property_set_description(ObjectClass *klass,
                                           const char *name,
                                           const char *description);

/* Default values of class properties, shown by device-list-properties. */
void object_property_set_default_bool(ObjectProperty *prop, bool value);
void object_property_set_default_str(ObjectProperty *prop,
                                     const char *value);
void object_property_set_default_int(ObjectProperty *prop, int64_t value);
void object_property_set_default_uint(ObjectProperty *prop, uint64_t value);

/* Iterate instance properties, then class properties (leaf class first). */
typedef struct ObjectPropertyIterator {
    Object *obj;
    ObjectClass *nextclass;
    GPtrArray *array;
    guint index;
} ObjectPropertyIterator;

void object_property_iter_init(ObjectPropertyIterator *iter, Object *obj);
void object_class_property_iter_init(ObjectPropertyIterator *iter,
                                     ObjectClass *klass);
ObjectProperty *object_property_iter_next(ObjectPropertyIterator *iter);

/** object_property_get_qobject: new reference, or NULL with @errp. */
QObject *object_property_get_qobject(Object *obj, const char *name,
                                     Error **errp);
bool object_property_set_qobject(Object *obj, const char *name,
                                 QObject *value, Error **errp);
/** object_property_parse: set from command-line text ("on", "0x10"). */
bool object_property_parse(Object *obj, const char *name,
                           const char *string, Error **errp);
/** object_property_print: the value as text (strings unquoted). */
char *object_property_print(Object *obj, const char *name, Error **errp);

bool object_property_set_str(Object *obj, const char *name,
                             const char *value, Error **errp);
char *object_property_get_str(Object *obj, const char *name, Error **errp);
bool object_property_set_bool(Object *obj, const char *name, bool value,
                              Error **errp);
bool object_property_get_bool(Object *obj, const char *name, Error **errp);
bool object_property_set_int(Object *obj, const char *name, int64_t value,
                             Error **errp);
int64_t object_property_get_int(Object *obj, const char *name,
                                Error **errp);
bool object_property_set_uint(Object *obj, const char *name,
                              uint64_t value, Error **errp);
uint64_t object_property_get_uint(Object *obj, const char *name,
                                  Error **errp);
bool object_property_set_link(Object *obj, const char *name,
                              Object *value, Error **errp);
Object *object_property_get_link(Object *obj, const char *name,
                                 Error **errp);
const char *object_property_get_type(Object *obj, const char *name,
                                     Error **errp);

/**
 * object_property_add_child: make @child a child of @obj called @name
 * (a trailing "[*]" picks the first free "[N]").  @obj takes a reference.
 * Aborts when the name is taken.
 */
ObjectProperty *object_property_add_child(Object *obj, const char *name,
                                          Object *child);

typedef enum {
    OBJ_PROP_LINK_STRONG = 0x1,     /* the link holds a reference */
    OBJ_PROP_LINK_DIRECT = 0x2,
    OBJ_PROP_LINK_CLASS = 0x4,
} ObjectPropertyLinkFlags;

void object_property_allow_set_link(const Object *obj, const char *name,
                                    Object *val, Error **errp);
ObjectProperty *object_property_add_link(Object *obj, const char *name,
                                         const char *type, Object **targetp,
                                         void (*check)(const Object *obj,
                                                       const char *name,
                                                       Object *val,
                                                       Error **errp),
                                         ObjectPropertyLinkFlags flags);

ObjectProperty *object_property_add_str(Object *obj, const char *name,
                                        char *(*get)(Object *, Error **),
                                        void (*set)(Object *, const char *,
                                                    Error **));
ObjectProperty *object_class_property_add_str(ObjectClass *klass,
                                              const char *name,
                                              char *(*get)(Object *,
                                                           Error **),
                                              void (*set)(Object *,
                                                          const char *,
                                                          Error **));
ObjectProperty *object_property_add_bool(Object *obj, const char *name,
                                         bool (*get)(Object *, Error **),
                                         void (*set)(Object *, bool,
                                                     Error **));
ObjectProperty *object_class_property_add_bool(ObjectClass *klass,
                                               const char *name,
                                               bool (*get)(Object *,
                                                           Error **),
                                               void (*set)(Object *, bool,
                                                           Error **));

typedef enum {
    OBJ_PROP_FLAG_READ = 1 << 0,
    OBJ_PROP_FLAG_WRITE = 1 << 1,
    OBJ_PROP_FLAG_READWRITE = (OBJ_PROP_FLAG_READ | OBJ_PROP_FLAG_WRITE),
} ObjectPropertyFlags;

ObjectProperty *object_property_add_uint8_ptr(Object *obj, const char *name,
                                              const uint8_t *v,
                                              ObjectPropertyFlags flags);
ObjectProperty *object_property_add_uint16_ptr(Object *obj,
                                               const char *name,
                                               const uint16_t *v,
                                               ObjectPropertyFlags flags);
ObjectProperty *object_property_add_uint32_ptr(Object *obj,
                                               const char *name,
                                               const uint32_t *v,
                                               ObjectPropertyFlags flags);
ObjectProperty *object_property_add_uint64_ptr(Object *obj,
                                               const char *name,
                                               const uint64_t *v,
                                               ObjectPropertyFlags flags);

/** object_property_add_alias: @name on @obj forwards to @target. */
ObjectProperty *object_property_add_alias(Object *obj, const char *name,
                                          Object *target,
                                          const char *target_name);

/* Helpers for setters: accept the typed value or its text form. */
bool qobject_input_bool(QObject *value, const char *name, bool *out,
                        Error **errp);
bool qobject_input_uint(QObject *value, const char *name, uint64_t max,
                        uint64_t *out, Error **errp);
bool qobject_input_int(QObject *value, const char *name, int64_t min,
                       int64_t max, int64_t *out, Error **errp);
/** qobject_input_str: borrowed string of a QString value. */
bool qobject_input_str(QObject *value, const char *name, const char **out,
                       Error **errp);

/* The composition tree. */
Object *object_get_root(void);
/** object_get_objects_root: /objects, for -object. */
Object *object_get_objects_root(void);
/** object_get_container: /NAME below the root, created on first use. */
Object *object_get_container(const char *name);
/** container_get: the container at @path below @root, creating it. */
Object *container_get(Object *root, const char *path);

char *object_get_canonical_path(const Object *obj);
const char *object_get_canonical_path_component(const Object *obj);

/**
 * object_resolve_path: absolute ("/machine/x", empty components ignored)
 * or partial ("x", must match exactly one object).  *@ambiguous, when
 * given, is set true when a partial path matched several.
 */
Object *object_resolve_path(const char *path, bool *ambiguous);
Object *object_resolve_path_type(const char *path, const char *typename,
                                 bool *ambiguous);
Object *object_resolve_path_at(Object *parent, const char *path);
Object *object_resolve_path_component(Object *parent, const char *part);

int object_child_foreach(Object *obj, int (*fn)(Object *child, void *opaque),
                         void *opaque);
int object_child_foreach_recursive(Object *obj,
                                   int (*fn)(Object *child, void *opaque),
                                   void *opaque);

/* User-creatable objects (-object). */
#define TYPE_USER_CREATABLE "user-creatable"

typedef struct UserCreatableClass {
    InterfaceClass parent_class;
    void (*complete)(Object *obj, Error **errp);
    bool (*can_be_deleted)(Object *obj);
} UserCreatableClass;

#define USER_CREATABLE_GET_CLASS(obj) \
    OBJECT_GET_CLASS(UserCreatableClass, obj, TYPE_USER_CREATABLE)
#define USER_CREATABLE_CLASS(klass) \
    OBJECT_CLASS_CHECK(UserCreatableClass, klass, TYPE_USER_CREATABLE)

/**
 * user_creatable_add_qdict: create an object from "qom-type", "id" and
 * property members, complete it and add it under /objects.
 */
Object *user_creatable_add_qdict(const QDict *qdict, Error **errp);
bool user_creatable_complete(Object *obj, Error **errp);

#include "qemu/module.h"

#endif
