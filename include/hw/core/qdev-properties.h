/*
 * qdev properties: declared in a table, settable until realize.
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#ifndef HW_CORE_QDEV_PROPERTIES_H
#define HW_CORE_QDEV_PROPERTIES_H

#include "hw/core/qdev.h"

typedef struct PropertyInfo PropertyInfo;

struct Property {
    const char *name;
    const PropertyInfo *info;
    ptrdiff_t offset;
    const char *link_type;
    uint64_t bitmask;
    union {
        int64_t i;
        uint64_t u;
    } defval;
    uint8_t bitnr;
    bool set_default;
    /* Arrays: the element kind and where the count lives. */
    const PropertyInfo *arrayinfo;
    int arrayoffset;
    int arrayfieldsize;
};

struct PropertyInfo {
    /* QOM type name of the property ("uint32", "bool", "str", ...). */
    const char *type;
    const char *description;
    bool realized_set_allowed;
    QObject *(*get)(Object *obj, const Property *prop, Error **errp);
    bool (*set)(Object *obj, const Property *prop, QObject *value,
                Error **errp);
    /* Puts the default into the ObjectProperty (for listings). */
    void (*set_default_value)(ObjectProperty *op, const Property *prop);
    void (*release)(Object *obj, const char *name, void *opaque);
};

extern const PropertyInfo qdev_prop_bit;
extern const PropertyInfo qdev_prop_bit64;
extern const PropertyInfo qdev_prop_bool;
extern const PropertyInfo qdev_prop_uint8;
extern const PropertyInfo qdev_prop_uint16;
extern const PropertyInfo qdev_prop_uint32;
extern const PropertyInfo qdev_prop_int32;
extern const PropertyInfo qdev_prop_uint64;
extern const PropertyInfo qdev_prop_int64;
extern const PropertyInfo qdev_prop_size;
extern const PropertyInfo qdev_prop_string;
extern const PropertyInfo qdev_prop_link;
extern const PropertyInfo qdev_prop_array;

#define DEFINE_PROP(_name, _state, _field, _prop, _type, ...) {  \
        .name      = (_name),                                    \
        .info      = &(_prop),                                   \
        .offset    = offsetof(_state, _field)                    \
            + type_check(_type, typeof_field(_state, _field)),   \
        __VA_ARGS__                                              \
        }

#define DEFINE_PROP_SIGNED(_name, _state, _field, _defval, _prop, _type) \
    DEFINE_PROP(_name, _state, _field, _prop, _type,                    \
                .set_default = true,                                    \
                .defval.i    = (_type)_defval)

#define DEFINE_PROP_UNSIGNED(_name, _state, _field, _defval, _prop, _type) \
    DEFINE_PROP(_name, _state, _field, _prop, _type,                      \
                .set_default = true,                                      \
                .defval.u  = (_type)_defval)

#define DEFINE_PROP_BIT(_name, _state, _field, _bit, _defval)   \
    DEFINE_PROP(_name, _state, _field, qdev_prop_bit, uint32_t, \
                .bitnr       = (_bit),                          \
                .set_default = true,                            \
                .defval.u    = (bool)_defval)

#define DEFINE_PROP_BIT64(_name, _state, _field, _bit, _defval)   \
    DEFINE_PROP(_name, _state, _field, qdev_prop_bit64, uint64_t, \
                .bitnr    = (_bit),                               \
                .set_default = true,                              \
                .defval.u  = (bool)_defval)

#define DEFINE_PROP_BOOL(_name, _state, _field, _defval)     \
    DEFINE_PROP(_name, _state, _field, qdev_prop_bool, bool, \
                .set_default = true,                         \
                .defval.u    = (bool)_defval)

#define DEFINE_PROP_UINT8(_n, _s, _f, _d) \
    DEFINE_PROP_UNSIGNED(_n, _s, _f, _d, qdev_prop_uint8, uint8_t)
#define DEFINE_PROP_UINT16(_n, _s, _f, _d) \
    DEFINE_PROP_UNSIGNED(_n, _s, _f, _d, qdev_prop_uint16, uint16_t)
#define DEFINE_PROP_UINT32(_n, _s, _f, _d) \
    DEFINE_PROP_UNSIGNED(_n, _s, _f, _d, qdev_prop_uint32, uint32_t)
#define DEFINE_PROP_INT32(_n, _s, _f, _d) \
    DEFINE_PROP_SIGNED(_n, _s, _f, _d, qdev_prop_int32, int32_t)
#define DEFINE_PROP_UINT64(_n, _s, _f, _d) \
    DEFINE_PROP_UNSIGNED(_n, _s, _f, _d, qdev_prop_uint64, uint64_t)
#define DEFINE_PROP_INT64(_n, _s, _f, _d) \
    DEFINE_PROP_SIGNED(_n, _s, _f, _d, qdev_prop_int64, int64_t)
#define DEFINE_PROP_SIZE(_n, _s, _f, _d) \
    DEFINE_PROP_UNSIGNED(_n, _s, _f, _d, qdev_prop_size, uint64_t)
#define DEFINE_PROP_STRING(_n, _s, _f) \
    DEFINE_PROP(_n, _s, _f, qdev_prop_string, char *)
#define DEFINE_PROP_LINK(_name, _state, _field, _type, _ptr_type) \
    DEFINE_PROP(_name, _state, _field, qdev_prop_link, _ptr_type, \
                .link_type  = _type)

/*
 * DEFINE_PROP_ARRAY: a list property; @_arrayfield is a pointer to the
 * elements (allocated on set), @_lenfield a uint32_t count.
 */
#define DEFINE_PROP_ARRAY(_name, _state, _lenfield, _arrayfield,       \
                          _arrayprop, _arraytype)                      \
    DEFINE_PROP(_name, _state, _lenfield, qdev_prop_array, uint32_t,   \
                .set_default = true,                                   \
                .defval.u = 0,                                         \
                .arrayinfo = &(_arrayprop),                            \
                .arrayfieldsize = sizeof(_arraytype),                  \
                .arrayoffset = offsetof(_state, _arrayfield))

/* Board-side setters: abort on failure. */
void qdev_prop_set_bit(DeviceState *dev, const char *name, bool value);
void qdev_prop_set_uint8(DeviceState *dev, const char *name, uint8_t value);
void qdev_prop_set_uint16(DeviceState *dev, const char *name,
                          uint16_t value);
void qdev_prop_set_uint32(DeviceState *dev, const char *name,
                          uint32_t value);
void qdev_prop_set_int32(DeviceState *dev, const char *name, int32_t value);
void qdev_prop_set_uint64(DeviceState *dev, const char *name,
                          uint64_t value);
void qdev_prop_set_string(DeviceState *dev, const char *name,
                          const char *value);
/** qdev_prop_set_array: set a list property; consumes @values. */
void qdev_prop_set_array(DeviceState *dev, const char *name, QList *values);

/** qdev_prop_allow_set: the common "can this be set now" check. */
bool qdev_prop_allow_set(Object *obj, const char *name,
                         const PropertyInfo *info, Error **errp);

void *object_field_prop_ptr(Object *obj, const Property *prop);

/** qdev_property_add_static: add one table entry to an instance. */
void qdev_property_add_static(DeviceState *dev, const Property *prop);

#endif
