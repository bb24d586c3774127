/*
 * VMState: declarative descriptions of device state for migration.
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * A VMStateDescription lists fields in wire order; the engine
 * (migration/vmstate.c) encodes them in QEMU's stream format (all
 * integers big-endian) and decodes them back, checking versions,
 * subsections and, through the hooks and VMSTATE_VALIDATE, every value a
 * stream could make dangerous.  The macros have QEMU's names and
 * meanings; the field layout below is ours.
 */
#ifndef MIGRATION_VMSTATE_H
#define MIGRATION_VMSTATE_H

#include "qom/object.h"

typedef struct QEMUFile QEMUFile;
typedef struct VMStateField VMStateField;
typedef struct VMStateInfo VMStateInfo;
typedef struct JSONWriter JSONWriter;

/**
 * VMStateInfo: how one element is put on the wire.  get returns 0 or a
 * negative errno; put returns 0 or a negative errno.  @size is the
 * element size in bytes.
 */
struct VMStateInfo {
    const char *name;
    int (*get)(QEMUFile *f, void *pv, size_t size, const VMStateField *field);
    int (*put)(QEMUFile *f, void *pv, size_t size, const VMStateField *field,
               JSONWriter *vmdesc);
};

enum VMStateFlags {
    VMS_SINGLE = 0x001,             /* one element at offset */
    VMS_POINTER = 0x002,            /* offset holds a pointer to the data */
    VMS_ARRAY = 0x004,              /* num elements */
    VMS_STRUCT = 0x008,             /* elements described by vmsd */
    VMS_VARRAY_INT32 = 0x010,       /* count in int32 at num_offset */
    VMS_BUFFER = 0x020,             /* raw bytes, size bytes from start */
    VMS_ARRAY_OF_POINTER = 0x040,   /* array of pointers to elements */
    VMS_VARRAY_UINT16 = 0x080,      /* count in uint16 at num_offset */
    VMS_VBUFFER = 0x100,            /* size in int32/uint32 at size_offset */
    VMS_MULTIPLY = 0x200,           /* VBUFFER size times field->size */
    VMS_VARRAY_UINT8 = 0x400,       /* count in uint8 at num_offset */
    VMS_VARRAY_UINT32 = 0x800,      /* count in uint32 at num_offset */
    VMS_MUST_EXIST = 0x1000,        /* loading fails if absent */
    VMS_ALLOC = 0x2000,             /* allocate the buffer on load */
    VMS_MULTIPLY_ELEMENTS = 0x4000, /* count times num */
    VMS_VSTRUCT = 0x8000,           /* struct with an explicit version */
    VMS_END = 0x10000,              /* end of the field list */
};

typedef enum {
    MIG_PRI_DEFAULT = 0,
    MIG_PRI_IOMMU,
    MIG_PRI_PCI_BUS,
    MIG_PRI_VIRTIO_MEM,
    MIG_PRI_GICV3_ITS,
    MIG_PRI_GICV3,
    MIG_PRI_MAX,
} MigrationPriority;

struct VMStateField {
    const char *name;
    const char *err_hint;
    size_t offset;
    size_t size;
    size_t start;
    int num;
    size_t num_offset;
    size_t size_offset;
    const VMStateInfo *info;
    enum VMStateFlags flags;
    const VMStateDescription *vmsd;
    int version_id;
    int struct_version_id;
    bool (*field_exists)(void *opaque, int version_id);
    /*
     * Elements an in-place variable array can hold (0: unknown).  A
     * count loaded from a stream above it fails the load.
     */
    int num_max;
};

struct VMStateDescription {
    const char *name;
    bool unmigratable;
    bool early_setup;
    int version_id;
    int minimum_version_id;
    MigrationPriority priority;
    int (*pre_load)(void *opaque);
    int (*post_load)(void *opaque, int version_id);
    int (*pre_save)(void *opaque);
    int (*post_save)(void *opaque);
    bool (*pre_load_errp)(void *opaque, Error **errp);
    bool (*post_load_errp)(void *opaque, int version_id, Error **errp);
    bool (*pre_save_errp)(void *opaque, Error **errp);
    bool (*needed)(void *opaque);
    bool (*dev_unplug_pending)(void *opaque);
    const VMStateField *fields;
    const VMStateDescription * const *subsections;
};

extern const VMStateInfo vmstate_info_bool;
extern const VMStateInfo vmstate_info_int8;
extern const VMStateInfo vmstate_info_int16;
extern const VMStateInfo vmstate_info_int32;
extern const VMStateInfo vmstate_info_int64;
extern const VMStateInfo vmstate_info_uint8_equal;
extern const VMStateInfo vmstate_info_uint16_equal;
extern const VMStateInfo vmstate_info_int32_equal;
extern const VMStateInfo vmstate_info_uint32_equal;
extern const VMStateInfo vmstate_info_uint64_equal;
extern const VMStateInfo vmstate_info_int32_le;
extern const VMStateInfo vmstate_info_uint8;
extern const VMStateInfo vmstate_info_uint16;
extern const VMStateInfo vmstate_info_uint32;
extern const VMStateInfo vmstate_info_uint64;
extern const VMStateInfo vmstate_info_float64;
extern const VMStateInfo vmstate_info_timer;
extern const VMStateInfo vmstate_info_buffer;
extern const VMStateInfo vmstate_info_unused_buffer;
extern const VMStateInfo vmstate_info_tmp;
extern const VMStateInfo vmstate_info_bitmap;
extern const VMStateInfo vmstate_info_nullptr;

/* Type checks: the field must have the C type the macro names. */
#define type_check_2darray(t1, t2, n, m) ((t1(*)[n][m])0 - (t2 *)0)
#define type_check_array(t1, t2, n) ((t1(*)[n])0 - (t2 *)0)
#define type_check_pointer(t1, t2) ((t1 **)0 - (t2 *)0)

#define vmstate_offset_value(_state, _field, _type)                 \
    (offsetof(_state, _field) +                                     \
     type_check(_type, typeof_field(_state, _field)))
#define vmstate_offset_pointer(_state, _field, _type)               \
    (offsetof(_state, _field) +                                     \
     type_check_pointer(_type, typeof_field(_state, _field)))
#define vmstate_offset_array(_state, _field, _type, _num)           \
    (offsetof(_state, _field) +                                     \
     type_check_array(_type, typeof_field(_state, _field), _num))
#define vmstate_offset_2darray(_state, _field, _type, _n1, _n2)     \
    (offsetof(_state, _field) +                                     \
     type_check_2darray(_type, typeof_field(_state, _field), _n1, _n2))
#define vmstate_offset_sub_array(_state, _field, _type, _start)     \
    vmstate_offset_value(_state, _field[_start], _type)
/* How many @_type elements the in-place array @_field holds. */
#define vmstate_array_len(_state, _field, _type)                    \
    ((int)(sizeof(typeof_field(_state, _field)) / sizeof(_type)))
#define vmstate_offset_buffer(_state, _field)                       \
    vmstate_offset_array(_state, _field, uint8_t,                   \
                         sizeof(typeof_field(_state, _field)))

/* Scalars. */
#define VMSTATE_SINGLE_TEST(_field, _state, _test, _version, _info, _type) { \
    .name         = (stringify(_field)),                             \
    .version_id   = (_version),                                      \
    .field_exists = (_test),                                         \
    .size         = sizeof(_type),                                   \
    .info         = &(_info),                                        \
    .flags        = VMS_SINGLE,                                      \
    .offset       = vmstate_offset_value(_state, _field, _type),     \
}

#define VMSTATE_SINGLE(_field, _state, _version, _info, _type)       \
    VMSTATE_SINGLE_TEST(_field, _state, NULL, _version, _info, _type)

#define VMSTATE_BOOL_V(_f, _s, _v) \
    VMSTATE_SINGLE(_f, _s, _v, vmstate_info_bool, bool)
#define VMSTATE_INT8_V(_f, _s, _v) \
    VMSTATE_SINGLE(_f, _s, _v, vmstate_info_int8, int8_t)
#define VMSTATE_INT16_V(_f, _s, _v) \
    VMSTATE_SINGLE(_f, _s, _v, vmstate_info_int16, int16_t)
#define VMSTATE_INT32_V(_f, _s, _v) \
    VMSTATE_SINGLE(_f, _s, _v, vmstate_info_int32, int32_t)
#define VMSTATE_INT64_V(_f, _s, _v) \
    VMSTATE_SINGLE(_f, _s, _v, vmstate_info_int64, int64_t)
#define VMSTATE_UINT8_V(_f, _s, _v) \
    VMSTATE_SINGLE(_f, _s, _v, vmstate_info_uint8, uint8_t)
#define VMSTATE_UINT16_V(_f, _s, _v) \
    VMSTATE_SINGLE(_f, _s, _v, vmstate_info_uint16, uint16_t)
#define VMSTATE_UINT32_V(_f, _s, _v) \
    VMSTATE_SINGLE(_f, _s, _v, vmstate_info_uint32, uint32_t)
#define VMSTATE_UINT64_V(_f, _s, _v) \
    VMSTATE_SINGLE(_f, _s, _v, vmstate_info_uint64, uint64_t)

#define VMSTATE_BOOL(_f, _s) VMSTATE_BOOL_V(_f, _s, 0)
#define VMSTATE_INT8(_f, _s) VMSTATE_INT8_V(_f, _s, 0)
#define VMSTATE_INT16(_f, _s) VMSTATE_INT16_V(_f, _s, 0)
#define VMSTATE_INT32(_f, _s) VMSTATE_INT32_V(_f, _s, 0)
#define VMSTATE_INT64(_f, _s) VMSTATE_INT64_V(_f, _s, 0)
#define VMSTATE_UINT8(_f, _s) VMSTATE_UINT8_V(_f, _s, 0)
#define VMSTATE_UINT16(_f, _s) VMSTATE_UINT16_V(_f, _s, 0)
#define VMSTATE_UINT32(_f, _s) VMSTATE_UINT32_V(_f, _s, 0)
#define VMSTATE_UINT64(_f, _s) VMSTATE_UINT64_V(_f, _s, 0)

#define VMSTATE_BOOL_TEST(_f, _s, _t) \
    VMSTATE_SINGLE_TEST(_f, _s, _t, 0, vmstate_info_bool, bool)
#define VMSTATE_UINT8_TEST(_f, _s, _t) \
    VMSTATE_SINGLE_TEST(_f, _s, _t, 0, vmstate_info_uint8, uint8_t)
#define VMSTATE_UINT32_TEST(_f, _s, _t) \
    VMSTATE_SINGLE_TEST(_f, _s, _t, 0, vmstate_info_uint32, uint32_t)
#define VMSTATE_UINT64_TEST(_f, _s, _t) \
    VMSTATE_SINGLE_TEST(_f, _s, _t, 0, vmstate_info_uint64, uint64_t)

#define VMSTATE_UINT8_EQUAL(_f, _s, _hint) {                         \
    .name = (stringify(_f)), .err_hint = (_hint),                    \
    .size = sizeof(uint8_t), .info = &vmstate_info_uint8_equal,      \
    .flags = VMS_SINGLE,                                             \
    .offset = vmstate_offset_value(_s, _f, uint8_t),                 \
}
#define VMSTATE_UINT32_EQUAL(_f, _s, _hint) {                        \
    .name = (stringify(_f)), .err_hint = (_hint),                    \
    .size = sizeof(uint32_t), .info = &vmstate_info_uint32_equal,    \
    .flags = VMS_SINGLE,                                             \
    .offset = vmstate_offset_value(_s, _f, uint32_t),                \
}
#define VMSTATE_INT32_EQUAL(_f, _s) \
    VMSTATE_SINGLE(_f, _s, 0, vmstate_info_int32_equal, int32_t)
#define VMSTATE_UINT64_EQUAL(_f, _s) \
    VMSTATE_SINGLE(_f, _s, 0, vmstate_info_uint64_equal, uint64_t)
#define VMSTATE_UINT16_EQUAL(_f, _s, _hint) {                        \
    .name = (stringify(_f)), .err_hint = (_hint),                    \
    .size = sizeof(uint16_t), .info = &vmstate_info_uint16_equal,    \
    .flags = VMS_SINGLE,                                             \
    .offset = vmstate_offset_value(_s, _f, uint16_t),                \
}
/* Loads only 0 <= value <= the local value. */
#define VMSTATE_INT32_POSITIVE_LE(_f, _s) \
    VMSTATE_SINGLE(_f, _s, 0, vmstate_info_int32_le, int32_t)

#define VMSTATE_FLOAT64(_f, _s) \
    VMSTATE_SINGLE(_f, _s, 0, vmstate_info_float64, float64)

/* Timers: expiry in ns of the timer's clock, -1 when idle. */
#define VMSTATE_TIMER_PTR_V(_f, _s, _v) {                            \
    .name = (stringify(_f)), .version_id = (_v),                     \
    .size = sizeof(QEMUTimer *), .info = &vmstate_info_timer,        \
    .flags = VMS_SINGLE | VMS_POINTER,                               \
    .offset = vmstate_offset_pointer(_s, _f, QEMUTimer),             \
}
#define VMSTATE_TIMER_PTR(_f, _s) VMSTATE_TIMER_PTR_V(_f, _s, 0)
#define VMSTATE_TIMER_V(_f, _s, _v) \
    VMSTATE_SINGLE(_f, _s, _v, vmstate_info_timer, QEMUTimer)
#define VMSTATE_TIMER(_f, _s) VMSTATE_TIMER_V(_f, _s, 0)

/* Fixed arrays. */
#define VMSTATE_ARRAY(_field, _state, _num, _version, _info, _type) { \
    .name       = (stringify(_field)),                               \
    .version_id = (_version),                                        \
    .num        = (_num),                                            \
    .info       = &(_info),                                          \
    .size       = sizeof(_type),                                     \
    .flags      = VMS_ARRAY,                                         \
    .offset     = vmstate_offset_array(_state, _field, _type, _num), \
}

#define VMSTATE_2DARRAY(_field, _state, _n1, _n2, _version, _info, _type) { \
    .name       = (stringify(_field)),                                     \
    .version_id = (_version),                                              \
    .num        = (_n1) * (_n2),                                           \
    .info       = &(_info),                                                \
    .size       = sizeof(_type),                                           \
    .flags      = VMS_ARRAY,                                               \
    .offset     = vmstate_offset_2darray(_state, _field, _type, _n1, _n2), \
}

#define VMSTATE_SUB_ARRAY(_field, _state, _start, _num, _version, _info, \
                          _type) {                                      \
    .name       = (stringify(_field)),                                  \
    .version_id = (_version),                                           \
    .num        = (_num),                                               \
    .info       = &(_info),                                             \
    .size       = sizeof(_type),                                        \
    .flags      = VMS_ARRAY,                                            \
    .offset     = vmstate_offset_sub_array(_state, _field, _type, _start), \
}

#define VMSTATE_BOOL_ARRAY(_f, _s, _n) \
    VMSTATE_ARRAY(_f, _s, _n, 0, vmstate_info_bool, bool)
#define VMSTATE_UINT8_ARRAY_V(_f, _s, _n, _v) \
    VMSTATE_ARRAY(_f, _s, _n, _v, vmstate_info_uint8, uint8_t)
#define VMSTATE_UINT8_ARRAY(_f, _s, _n) VMSTATE_UINT8_ARRAY_V(_f, _s, _n, 0)
#define VMSTATE_UINT16_ARRAY_V(_f, _s, _n, _v) \
    VMSTATE_ARRAY(_f, _s, _n, _v, vmstate_info_uint16, uint16_t)
#define VMSTATE_UINT16_ARRAY(_f, _s, _n) VMSTATE_UINT16_ARRAY_V(_f, _s, _n, 0)
#define VMSTATE_UINT32_ARRAY_V(_f, _s, _n, _v) \
    VMSTATE_ARRAY(_f, _s, _n, _v, vmstate_info_uint32, uint32_t)
#define VMSTATE_UINT32_ARRAY(_f, _s, _n) VMSTATE_UINT32_ARRAY_V(_f, _s, _n, 0)
#define VMSTATE_UINT64_ARRAY_V(_f, _s, _n, _v) \
    VMSTATE_ARRAY(_f, _s, _n, _v, vmstate_info_uint64, uint64_t)
#define VMSTATE_UINT64_ARRAY(_f, _s, _n) VMSTATE_UINT64_ARRAY_V(_f, _s, _n, 0)
#define VMSTATE_INT16_ARRAY(_f, _s, _n) \
    VMSTATE_ARRAY(_f, _s, _n, 0, vmstate_info_int16, int16_t)
#define VMSTATE_INT32_ARRAY_V(_f, _s, _n, _v) \
    VMSTATE_ARRAY(_f, _s, _n, _v, vmstate_info_int32, int32_t)
#define VMSTATE_INT32_ARRAY(_f, _s, _n) VMSTATE_INT32_ARRAY_V(_f, _s, _n, 0)
#define VMSTATE_INT64_ARRAY(_f, _s, _n) \
    VMSTATE_ARRAY(_f, _s, _n, 0, vmstate_info_int64, int64_t)
#define VMSTATE_UINT8_2DARRAY(_f, _s, _n1, _n2) \
    VMSTATE_2DARRAY(_f, _s, _n1, _n2, 0, vmstate_info_uint8, uint8_t)
#define VMSTATE_UINT32_2DARRAY(_f, _s, _n1, _n2) \
    VMSTATE_2DARRAY(_f, _s, _n1, _n2, 0, vmstate_info_uint32, uint32_t)
#define VMSTATE_UINT8_SUB_ARRAY(_f, _s, _start, _num) \
    VMSTATE_SUB_ARRAY(_f, _s, _start, _num, 0, vmstate_info_uint8, uint8_t)
#define VMSTATE_UINT16_SUB_ARRAY(_f, _s, _start, _num) \
    VMSTATE_SUB_ARRAY(_f, _s, _start, _num, 0, vmstate_info_uint16, uint16_t)
#define VMSTATE_UINT32_SUB_ARRAY(_f, _s, _start, _num) \
    VMSTATE_SUB_ARRAY(_f, _s, _start, _num, 0, vmstate_info_uint32, uint32_t)

/* Variable-length arrays: the count comes from an earlier field. */
#define VMSTATE_VARRAY_UINT32(_field, _state, _field_num, _version, _info, \
                              _type) {                                    \
    .name       = (stringify(_field)),                                    \
    .version_id = (_version),                                             \
    .num_offset = vmstate_offset_value(_state, _field_num, uint32_t),     \
    .info       = &(_info),                                               \
    .size       = sizeof(_type),                                          \
    .flags      = VMS_VARRAY_UINT32 | VMS_POINTER,                        \
    .offset     = vmstate_offset_pointer(_state, _field, _type),          \
}
#define VMSTATE_VARRAY_INT32(_field, _state, _field_num, _version, _info, \
                             _type) {                                    \
    .name       = (stringify(_field)),                                   \
    .version_id = (_version),                                            \
    .num_offset = vmstate_offset_value(_state, _field_num, int32_t),     \
    .info       = &(_info),                                              \
    .size       = sizeof(_type),                                         \
    .flags      = VMS_VARRAY_INT32 | VMS_POINTER,                        \
    .offset     = vmstate_offset_pointer(_state, _field, _type),         \
}

/* Buffers. */
#define VMSTATE_BUFFER_V(_field, _state, _version) {                 \
    .name       = (stringify(_field)),                               \
    .version_id = (_version),                                        \
    .size       = sizeof(typeof_field(_state, _field)),              \
    .info       = &vmstate_info_buffer,                              \
    .flags      = VMS_BUFFER,                                        \
    .offset     = vmstate_offset_buffer(_state, _field),             \
}
#define VMSTATE_BUFFER(_f, _s) VMSTATE_BUFFER_V(_f, _s, 0)
#define VMSTATE_PARTIAL_BUFFER(_field, _state, _size) {              \
    .name       = (stringify(_field)),                               \
    .size       = (_size),                                           \
    .info       = &vmstate_info_buffer,                              \
    .flags      = VMS_BUFFER,                                        \
    .offset     = offsetof(_state, _field),                          \
}
#define VMSTATE_VBUFFER_UINT32(_field, _state, _version, _test,      \
                               _field_size) {                        \
    .name         = (stringify(_field)),                             \
    .version_id   = (_version),                                      \
    .field_exists = (_test),                                         \
    .size_offset  = vmstate_offset_value(_state, _field_size, uint32_t), \
    .info         = &vmstate_info_buffer,                            \
    .flags        = VMS_VBUFFER | VMS_POINTER,                       \
    .offset       = offsetof(_state, _field),                        \
}
#define VMSTATE_VBUFFER_ALLOC_UINT32(_field, _state, _version, _test, \
                                     _field_size) {                   \
    .name         = (stringify(_field)),                              \
    .version_id   = (_version),                                       \
    .field_exists = (_test),                                          \
    .size_offset  = vmstate_offset_value(_state, _field_size, uint32_t), \
    .info         = &vmstate_info_buffer,                             \
    .flags        = VMS_VBUFFER | VMS_POINTER | VMS_ALLOC,            \
    .offset       = offsetof(_state, _field),                         \
}

/* The size is an int32 field: bytes, or elements of @_multiply bytes. */
#define VMSTATE_VBUFFER(_field, _state, _version, _test, _field_size) { \
    .name         = (stringify(_field)),                             \
    .version_id   = (_version),                                      \
    .field_exists = (_test),                                         \
    .size_offset  = vmstate_offset_value(_state, _field_size, int32_t), \
    .info         = &vmstate_info_buffer,                            \
    .flags        = VMS_VBUFFER | VMS_POINTER,                       \
    .offset       = offsetof(_state, _field),                        \
}
#define VMSTATE_VBUFFER_MULTIPLY(_field, _state, _version, _test,    \
                                 _field_size, _multiply) {           \
    .name         = (stringify(_field)),                             \
    .version_id   = (_version),                                      \
    .field_exists = (_test),                                         \
    .size_offset  = vmstate_offset_value(_state, _field_size, uint32_t), \
    .size         = (_multiply),                                     \
    .info         = &vmstate_info_buffer,                            \
    .flags        = VMS_VBUFFER | VMS_POINTER | VMS_MULTIPLY,        \
    .offset       = offsetof(_state, _field),                        \
}

/* A bitmap of @_field_size bits (an int32 field), as be64 words. */
#define VMSTATE_BITMAP(_field, _state, _version, _field_size) {      \
    .name         = (stringify(_field)),                             \
    .version_id   = (_version),                                      \
    .size_offset  = vmstate_offset_value(_state, _field_size, int32_t), \
    .info         = &vmstate_info_bitmap,                            \
    .flags        = VMS_VBUFFER | VMS_POINTER,                       \
    .offset       = offsetof(_state, _field),                        \
}

/* Arrays of pointers: a NULL element travels as the byte 0x30. */
#define VMSTATE_ARRAY_OF_POINTER(_field, _state, _num, _version, _info, \
                                 _type) {                            \
    .name       = (stringify(_field)),                               \
    .version_id = (_version),                                        \
    .num        = (_num),                                            \
    .info       = &(_info),                                          \
    .size       = sizeof(_type),                                     \
    .flags      = VMS_ARRAY | VMS_ARRAY_OF_POINTER,                  \
    .offset     = vmstate_offset_array(_state, _field, _type, _num), \
}
#define VMSTATE_TIMER_PTR_ARRAY(_f, _s, _n) \
    VMSTATE_ARRAY_OF_POINTER(_f, _s, _n, 0, vmstate_info_timer, QEMUTimer *)

/* A variable array the load allocates (count loaded earlier). */
#define VMSTATE_VARRAY_UINT32_ALLOC(_field, _state, _field_num, _version, \
                                    _info, _type) {                     \
    .name       = (stringify(_field)),                                  \
    .version_id = (_version),                                           \
    .num_offset = vmstate_offset_value(_state, _field_num, uint32_t),   \
    .info       = &(_info),                                             \
    .size       = sizeof(_type),                                        \
    .flags      = VMS_VARRAY_UINT32 | VMS_POINTER | VMS_ALLOC,          \
    .offset     = vmstate_offset_pointer(_state, _field, _type),        \
}

/*
 * Fields of a temporary _tmp_type whose first member, "parent", points
 * at the real state: for encodings that need computing on the way.
 */
#define VMSTATE_WITH_TMP(_state, _tmp_type, _vmsd) {                 \
    .name         = "tmp",                                           \
    .size         = sizeof(_tmp_type) +                              \
                    QEMU_BUILD_BUG_ON_ZERO(offsetof(_tmp_type, parent) \
                                           != 0) +                   \
                    type_check_pointer(_state,                       \
                                       typeof_field(_tmp_type, parent)), \
    .vmsd         = &(_vmsd),                                        \
    .info         = &vmstate_info_tmp,                               \
}

/* Placeholders for removed state: zeros out, skipped in. */
#define VMSTATE_UNUSED_V(_v, _size) {                                \
    .name       = "unused",                                          \
    .version_id = (_v),                                              \
    .size       = (_size),                                           \
    .info       = &vmstate_info_unused_buffer,                       \
    .flags      = VMS_BUFFER,                                        \
}
#define VMSTATE_UNUSED(_size) VMSTATE_UNUSED_V(0, _size)
#define VMSTATE_UNUSED_TEST(_test, _size) {                          \
    .name         = "unused",                                        \
    .field_exists = (_test),                                         \
    .size         = (_size),                                         \
    .info         = &vmstate_info_unused_buffer,                     \
    .flags        = VMS_BUFFER,                                      \
}

/* Structs: the nested description is encoded inline. */
#define VMSTATE_STRUCT_TEST(_field, _state, _test, _version, _vmsd, _type) { \
    .name         = (stringify(_field)),                             \
    .version_id   = (_version),                                      \
    .field_exists = (_test),                                         \
    .vmsd         = &(_vmsd),                                        \
    .size         = sizeof(_type),                                   \
    .flags        = VMS_STRUCT,                                      \
    .offset       = vmstate_offset_value(_state, _field, _type),     \
}
#define VMSTATE_STRUCT_V(_f, _s, _v, _vmsd, _type) \
    VMSTATE_STRUCT_TEST(_f, _s, NULL, _v, _vmsd, _type)
#define VMSTATE_STRUCT(_f, _s, _v, _vmsd, _type) \
    VMSTATE_STRUCT_V(_f, _s, _v, _vmsd, _type)

#define VMSTATE_STRUCT_POINTER_V(_field, _state, _version, _vmsd, _type) { \
    .name       = (stringify(_field)),                               \
    .version_id = (_version),                                        \
    .vmsd       = &(_vmsd),                                          \
    .size       = sizeof(_type *),                                   \
    .flags      = VMS_STRUCT | VMS_POINTER,                          \
    .offset     = vmstate_offset_pointer(_state, _field, _type),     \
}
#define VMSTATE_STRUCT_POINTER(_f, _s, _vmsd, _type) \
    VMSTATE_STRUCT_POINTER_V(_f, _s, 0, _vmsd, _type)

#define VMSTATE_STRUCT_ARRAY_TEST(_field, _state, _num, _test, _version, \
                                  _vmsd, _type) {                       \
    .name         = (stringify(_field)),                                \
    .num          = (_num),                                             \
    .field_exists = (_test),                                            \
    .version_id   = (_version),                                         \
    .vmsd         = &(_vmsd),                                           \
    .size         = sizeof(_type),                                      \
    .flags        = VMS_STRUCT | VMS_ARRAY,                             \
    .offset       = vmstate_offset_array(_state, _field, _type, _num),  \
}
#define VMSTATE_STRUCT_ARRAY(_f, _s, _n, _v, _vmsd, _type) \
    VMSTATE_STRUCT_ARRAY_TEST(_f, _s, _n, NULL, _v, _vmsd, _type)

/*
 * In-place arrays: a count above the array's size (num_max) fails the
 * load.  QEMU does not check it, so portable device code still puts a
 * VMSTATE_VALIDATE (with its own message) before the field.
 */
#define VMSTATE_STRUCT_VARRAY_UINT8(_field, _state, _field_num, _version, \
                                    _vmsd, _type) {                      \
    .name       = (stringify(_field)),                                   \
    .num_offset = vmstate_offset_value(_state, _field_num, uint8_t),     \
    .version_id = (_version),                                            \
    .vmsd       = &(_vmsd),                                              \
    .size       = sizeof(_type),                                         \
    .flags      = VMS_STRUCT | VMS_VARRAY_UINT8,                         \
    .offset     = offsetof(_state, _field),                              \
    .num_max    = vmstate_array_len(_state, _field, _type),              \
}
#define VMSTATE_STRUCT_VARRAY_UINT32(_field, _state, _field_num, _version, \
                                     _vmsd, _type) {                      \
    .name       = (stringify(_field)),                                    \
    .num_offset = vmstate_offset_value(_state, _field_num, uint32_t),     \
    .version_id = (_version),                                             \
    .vmsd       = &(_vmsd),                                               \
    .size       = sizeof(_type),                                          \
    .flags      = VMS_STRUCT | VMS_VARRAY_UINT32,                         \
    .offset     = offsetof(_state, _field),                               \
    .num_max    = vmstate_array_len(_state, _field, _type),               \
}
#define VMSTATE_STRUCT_VARRAY_INT32(_field, _state, _field_num, _version, \
                                    _vmsd, _type) {                      \
    .name       = (stringify(_field)),                                   \
    .num_offset = vmstate_offset_value(_state, _field_num, int32_t),     \
    .version_id = (_version),                                            \
    .vmsd       = &(_vmsd),                                              \
    .size       = sizeof(_type),                                         \
    .flags      = VMS_STRUCT | VMS_VARRAY_INT32,                         \
    .offset     = offsetof(_state, _field),                              \
    .num_max    = vmstate_array_len(_state, _field, _type),              \
}

#define VMSTATE_STRUCT_VARRAY_POINTER_UINT32(_field, _state, _field_num, \
                                             _vmsd, _type) {            \
    .name       = (stringify(_field)),                                  \
    .num_offset = vmstate_offset_value(_state, _field_num, uint32_t),   \
    .vmsd       = &(_vmsd),                                             \
    .size       = sizeof(_type),                                        \
    .flags      = VMS_POINTER | VMS_VARRAY_UINT32 | VMS_STRUCT,         \
    .offset     = vmstate_offset_pointer(_state, _field, _type),        \
}

/* A check on the values loaded so far; no bytes on the wire. */
#define VMSTATE_VALIDATE(_name, _test) {                             \
    .name         = (_name),                                         \
    .field_exists = (_test),                                         \
    .flags        = VMS_ARRAY | VMS_MUST_EXIST,                      \
    .num          = 0,                                               \
}

#define VMSTATE_END_OF_LIST() { .flags = VMS_END }

/* Nested descriptions other headers provide. */
extern const VMStateDescription vmstate_clock;
#define VMSTATE_CLOCK_V(_f, _s, _v) \
    VMSTATE_STRUCT_POINTER_V(_f, _s, _v, vmstate_clock, Clock)
#define VMSTATE_CLOCK(_f, _s) VMSTATE_CLOCK_V(_f, _s, 0)

extern const VMStateDescription vmstate_fifo8;
#define VMSTATE_FIFO8_TEST(_f, _s, _t) \
    VMSTATE_STRUCT_TEST(_f, _s, _t, 0, vmstate_fifo8, Fifo8)
#define VMSTATE_FIFO8(_f, _s) VMSTATE_FIFO8_TEST(_f, _s, NULL)

/* Registration (devices get it from qdev realize via dc->vmsd). */

/**
 * vmstate_register_with_alias_id: add a section for @opaque.
 * @instance_id: -1 picks the next free one for the name.  Returns 0.
 */
int vmstate_register_with_alias_id(void *obj, uint32_t instance_id,
                                   const VMStateDescription *vmsd,
                                   void *opaque, int alias_id,
                                   int required_for_version, Error **errp);
static inline int vmstate_register(void *obj, int instance_id,
                                   const VMStateDescription *vmsd,
                                   void *opaque)
{
    return vmstate_register_with_alias_id(obj, instance_id, vmsd, opaque,
                                          -1, 0, NULL);
}
static inline int vmstate_register_any(void *obj,
                                       const VMStateDescription *vmsd,
                                       void *opaque)
{
    return vmstate_register_with_alias_id(obj, -1, vmsd, opaque, -1, 0,
                                          NULL);
}

/**
 * vmstate_unregister: remove the section(s) registered for @opaque with
 * @vmsd.  @obj is the owner given at registration (or NULL).
 */
void vmstate_unregister(void *obj, const VMStateDescription *vmsd,
                        void *opaque);

#define VMSTATE_INSTANCE_ID_ANY -1

/**
 * vmstate_save_state / vmstate_load_state: encode or decode one
 * description (fields then subsections) at the current stream position.
 * Load returns 0 or a negative errno, with a message naming the section
 * and field reported through @errp when given.
 */
int vmstate_save_state(QEMUFile *f, const VMStateDescription *vmsd,
                       void *opaque, JSONWriter *vmdesc, Error **errp);
int vmstate_load_state(QEMUFile *f, const VMStateDescription *vmsd,
                       void *opaque, int version_id, Error **errp);

#endif
