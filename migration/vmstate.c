/*
 * VMState engine: encode and decode a VMStateDescription.
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * The wire format is QEMU's (interfaces.md 4.8, 4.9): fields in order,
 * then the needed subsections, each introduced by 0x05, its name and its
 * version.  Loading treats every number taken from the stream as
 * hostile: element counts and buffer sizes are checked against what the
 * destination can hold before anything is written, and a failure names
 * the description and the field it happened in.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "migration/qemu-file.h"
#include "savevm.h"

/* Growth step, in bytes, for buffers a load allocates. */
#define VMSTATE_ALLOC_CHUNK (64 * 1024)

bool vmstate_section_needed(const VMStateDescription *vmsd, void *opaque)
{
    return !vmsd->needed || vmsd->needed(opaque);
}

/* Is @field in a stream of @version_id (or, with a test, now)? */
static bool vmstate_field_wanted(const VMStateField *field, void *opaque,
                                 int version_id)
{
    if (field->field_exists) {
        return field->field_exists(opaque, version_id);
    }
    return field->version_id <= version_id;
}

/* How many elements @field has in @opaque; false for impossible counts. */
static bool vmstate_n_elems(const VMStateField *field, void *opaque,
                            uint32_t *n, Error **errp)
{
    const void *p = (const char *)opaque + field->num_offset;
    int64_t num = 1;

    if (field->flags & VMS_ARRAY) {
        num = field->num;
    } else if (field->flags & VMS_VARRAY_INT32) {
        num = *(const int32_t *)p;
    } else if (field->flags & VMS_VARRAY_UINT32) {
        num = *(const uint32_t *)p;
    } else if (field->flags & VMS_VARRAY_UINT16) {
        num = *(const uint16_t *)p;
    } else if (field->flags & VMS_VARRAY_UINT8) {
        num = *(const uint8_t *)p;
    }
    if (field->flags & VMS_MULTIPLY_ELEMENTS) {
        num *= field->num;
    }
    if (num < 0 || num > INT32_MAX) {
        error_setg(errp, "element count %" PRId64 " is out of range", num);
        return false;
    }
    if (field->num_max > 0 && num > field->num_max) {
        error_setg(errp, "element count %" PRId64 " exceeds the %d "
                   "elements of the array", num, field->num_max);
        return false;
    }
    *n = num;
    return true;
}

/* The size of one element (of the whole buffer for VBUFFER fields). */
static bool vmstate_elem_size(const VMStateField *field, void *opaque,
                              size_t *size, Error **errp)
{
    int32_t v;

    if (!(field->flags & VMS_VBUFFER)) {
        *size = field->size;
        return true;
    }
    v = *(const int32_t *)((const char *)opaque + field->size_offset);
    if (v < 0) {
        error_setg(errp, "buffer size %" PRIu32 " is out of range",
                   (uint32_t)v);
        return false;
    }
    *size = (size_t)v;
    if (field->flags & VMS_MULTIPLY) {
        *size *= field->size;
    }
    return true;
}

static bool vmstate_is_plain_buffer(const VMStateField *field)
{
    return field->info == &vmstate_info_buffer &&
           !(field->flags & (VMS_STRUCT | VMS_ARRAY_OF_POINTER));
}

/* The message for a failed get/put: the latched one, else the errno. */
static void vmstate_field_error(QEMUFile *f, int ret, const char *what,
                                const VMStateDescription *vmsd,
                                const VMStateField *field, Error **errp)
{
    Error *cause = NULL;

    if (!qemu_file_get_error_obj(f, &cause)) {
        error_setg_errno(&cause, ret < 0 ? -ret : EINVAL, "failed");
    }
    error_setg(errp, "Failed to %s %s:%s: %s", what, vmsd->name,
               field->name, error_get_pretty(cause));
    error_free(cause);
}

/* Subsections */

static const VMStateDescription *
vmstate_find_subsection(const VMStateDescription * const *sub,
                        const char *name)
{
    for (; sub && *sub; sub++) {
        if (!strcmp((*sub)->name, name)) {
            return *sub;
        }
    }
    return NULL;
}

static int vmstate_subsection_load(QEMUFile *f,
                                   const VMStateDescription *vmsd,
                                   void *opaque, Error **errp)
{
    size_t plen = strlen(vmsd->name);

    for (;;) {
        const VMStateDescription *sub;
        char name[256];
        uint8_t *p;
        int len, ret;
        uint32_t version;

        /*
         * Only "0x05 <len> <our name>..." starts one of ours; anything
         * else is what follows this description.
         */
        if (qemu_peek_byte(f, 0) != QEMU_VM_SUBSECTION) {
            return 0;
        }
        len = qemu_peek_byte(f, 1);
        if (len < 0 || (size_t)len < plen + 1) {
            return 0;
        }
        if (qemu_peek_buffer(f, &p, len, 2) != len ||
            memcmp(p, vmsd->name, plen) != 0) {
            return 0;
        }
        memcpy(name, p, len);
        name[len] = '\0';
        sub = vmstate_find_subsection(vmsd->subsections, name);
        if (!sub) {
            error_setg(errp, "Failed to load %s: unknown subsection '%s'",
                       vmsd->name, name);
            return -ENOENT;
        }
        qemu_file_skip_bytes(f, 2 + len);
        version = qemu_get_be32(f);
        if (qemu_file_get_error(f)) {
            Error *cause = NULL;

            qemu_file_get_error_obj(f, &cause);
            error_setg(errp, "Failed to load %s: subsection '%s': %s",
                       vmsd->name, name, error_get_pretty(cause));
            error_free(cause);
            return qemu_file_get_error(f);
        }
        ret = vmstate_load_state(f, sub, opaque, (int)version, errp);
        if (ret < 0) {
            return ret;
        }
    }
}

static int vmstate_subsection_save(QEMUFile *f,
                                   const VMStateDescription *vmsd,
                                   void *opaque, JSONWriter *vmdesc,
                                   Error **errp)
{
    const VMStateDescription * const *sub;
    bool described = false;
    int ret = 0;

    for (sub = vmsd->subsections; sub && *sub; sub++) {
        if (!vmstate_section_needed(*sub, opaque)) {
            continue;
        }
        if (vmdesc) {
            if (!described) {
                json_writer_start_array(vmdesc, "subsections");
                described = true;
            }
            json_writer_start_object(vmdesc, NULL);
        }
        qemu_put_byte(f, QEMU_VM_SUBSECTION);
        qemu_put_counted_string(f, (*sub)->name);
        qemu_put_be32(f, (*sub)->version_id);
        ret = vmstate_save_state(f, *sub, opaque, vmdesc, errp);
        if (vmdesc) {
            json_writer_end_object(vmdesc);
        }
        if (ret < 0) {
            break;
        }
    }
    if (described) {
        json_writer_end_array(vmdesc);
    }
    return ret;
}

/* Loading */

/*
 * Read a buffer the load allocates, growing it as bytes arrive: a size
 * claimed by a short stream never turns into a large allocation.
 */
static int vmstate_load_alloc_buffer(QEMUFile *f, void **pp, size_t size)
{
    uint8_t *buf = NULL;
    size_t cap = 0;
    size_t got = 0;

    while (got < size) {
        size_t chunk = MIN(size - got, VMSTATE_ALLOC_CHUNK);

        if (got + chunk > cap) {
            cap = MIN(size, MAX(cap * 2, got + chunk));
            buf = g_realloc(buf, cap);
        }
        if (qemu_get_buffer(f, buf + got, chunk) != chunk) {
            g_free(buf);
            return qemu_file_get_error(f);
        }
        got += chunk;
    }
    if (size) {
        *pp = buf;
    }
    return 0;
}

static int vmstate_load_elem(QEMUFile *f, const VMStateField *field,
                             void *curr, size_t size, Error **errp)
{
    int version;

    if (!curr && size) {
        return vmstate_info_nullptr.get(f, curr, size, field);
    }
    if (field->flags & VMS_STRUCT) {
        version = (field->flags & VMS_VSTRUCT) ? field->struct_version_id
                                               : field->vmsd->version_id;
        return vmstate_load_state(f, field->vmsd, curr, version, errp);
    }
    return field->info->get(f, curr, size, field);
}

static int vmstate_load_field(QEMUFile *f, const VMStateDescription *vmsd,
                              const VMStateField *field, void *opaque,
                              size_t size_bound, Error **errp)
{
    void **pp = (void **)((char *)opaque + field->offset);
    void *first = pp;
    Error *local_err = NULL;
    size_t size, cap = 0;
    uint32_t n, i;
    int ret;

    if (!vmstate_n_elems(field, opaque, &n, &local_err) ||
        !vmstate_elem_size(field, opaque, &size, &local_err)) {
        goto bad_value;
    }
    if ((field->flags & VMS_VBUFFER) && !(field->flags & VMS_ALLOC) &&
        size > size_bound) {
        error_setg(&local_err, "buffer of %zu bytes exceeds the %zu bytes "
                   "the destination holds", size, size_bound);
        goto bad_value;
    }
    if (field->flags & VMS_POINTER) {
        if (field->flags & VMS_ALLOC) {
            if (n == 1 && vmstate_is_plain_buffer(field)) {
                ret = vmstate_load_alloc_buffer(f, pp, size);
                goto done;
            }
            /* Grown element by element below. */
            first = NULL;
        } else {
            first = *pp;
        }
    }

    for (i = 0; i < n; i++) {
        void *curr;

        if ((field->flags & VMS_ALLOC) && size && i >= cap) {
            cap = MIN((size_t)n, MAX(cap * 2, VMSTATE_ALLOC_CHUNK / size));
            if (cap > SIZE_MAX / size) {
                error_setg(&local_err, "%" PRIu32 " elements of %zu bytes "
                           "are too large", n, size);
                goto bad_value;
            }
            first = g_realloc(first, cap * size);
            memset((char *)first + i * size, 0, (cap - i) * size);
            *pp = first;
        }
        curr = (char *)first + size * i;
        if (field->flags & VMS_ARRAY_OF_POINTER) {
            curr = *(void **)curr;
        }
        ret = vmstate_load_elem(f, field, curr, size, errp);
        if (ret < 0 && (field->flags & VMS_STRUCT) && curr) {
            /* The nested description named itself already. */
            return ret;
        }
        if (ret >= 0) {
            ret = qemu_file_get_error(f);
        }
        if (ret < 0) {
            goto done;
        }
    }
    ret = qemu_file_get_error(f);

done:
    if (ret < 0) {
        vmstate_field_error(f, ret, "load", vmsd, field, errp);
    }
    return ret;

bad_value:
    error_setg(errp, "Failed to load %s:%s: %s", vmsd->name, field->name,
               error_get_pretty(local_err));
    error_free(local_err);
    return -EINVAL;
}

/*
 * The local size of every fixed VBUFFER before the load changes it:
 * the destination's buffer holds that much and no more.
 */
static size_t *vmstate_vbuffer_bounds(const VMStateDescription *vmsd,
                                      void *opaque)
{
    const VMStateField *field;
    size_t *bounds;
    size_t count = 0;

    for (field = vmsd->fields; field->name; field++) {
        count++;
    }
    bounds = g_new0(size_t, count + 1);
    for (field = vmsd->fields, count = 0; field->name; field++, count++) {
        if ((field->flags & VMS_VBUFFER) && !(field->flags & VMS_ALLOC) &&
            !vmstate_elem_size(field, opaque, &bounds[count], NULL)) {
            bounds[count] = 0;
        }
    }
    return bounds;
}

static int vmstate_run_post_load(const VMStateDescription *vmsd,
                                 void *opaque, int version_id,
                                 Error **errp)
{
    Error *local_err = NULL;
    int ret;

    if (vmsd->post_load_errp) {
        if (!vmsd->post_load_errp(opaque, version_id, &local_err)) {
            error_setg(errp, "Failed to load %s: %s", vmsd->name,
                       local_err ? error_get_pretty(local_err)
                                 : "post_load failed");
            error_free(local_err);
            return -EINVAL;
        }
    } else if (vmsd->post_load) {
        ret = vmsd->post_load(opaque, version_id);
        if (ret < 0) {
            error_setg(errp, "Failed to load %s: post_load failed: %s",
                       vmsd->name, g_strerror(-ret));
            return ret;
        }
    }
    return 0;
}

static int vmstate_run_pre_load(const VMStateDescription *vmsd,
                                void *opaque, Error **errp)
{
    Error *local_err = NULL;
    int ret;

    if (vmsd->pre_load_errp) {
        if (!vmsd->pre_load_errp(opaque, &local_err)) {
            error_setg(errp, "Failed to load %s: %s", vmsd->name,
                       local_err ? error_get_pretty(local_err)
                                 : "pre_load failed");
            error_free(local_err);
            return -EINVAL;
        }
    } else if (vmsd->pre_load) {
        ret = vmsd->pre_load(opaque);
        if (ret < 0) {
            error_setg(errp, "Failed to load %s: pre_load failed: %s",
                       vmsd->name, g_strerror(-ret));
            return ret;
        }
    }
    return 0;
}

int vmstate_load_state(QEMUFile *f, const VMStateDescription *vmsd,
                       void *opaque, int version_id, Error **errp)
{
    g_autofree size_t *bounds = NULL;
    const VMStateField *field;
    int ret, i;

    if (version_id > vmsd->version_id) {
        error_setg(errp, "%s: incoming version_id %d is too new for local "
                   "version_id %d", vmsd->name, version_id,
                   vmsd->version_id);
        return -EINVAL;
    }
    if (version_id < vmsd->minimum_version_id) {
        error_setg(errp, "%s: incoming version_id %d is too old for local "
                   "minimum version_id %d", vmsd->name, version_id,
                   vmsd->minimum_version_id);
        return -EINVAL;
    }
    ret = vmstate_run_pre_load(vmsd, opaque, errp);
    if (ret < 0) {
        return ret;
    }
    if (vmsd->fields) {
        bounds = vmstate_vbuffer_bounds(vmsd, opaque);
        for (field = vmsd->fields, i = 0; field->name; field++, i++) {
            if (!vmstate_field_wanted(field, opaque, version_id)) {
                if (field->flags & VMS_MUST_EXIST) {
                    error_setg(errp, "Failed to load %s:%s: input "
                               "validation failed", vmsd->name,
                               field->name);
                    return -EINVAL;
                }
                continue;
            }
            ret = vmstate_load_field(f, vmsd, field, opaque, bounds[i],
                                     errp);
            if (ret < 0) {
                return ret;
            }
        }
    }
    ret = vmstate_subsection_load(f, vmsd, opaque, errp);
    if (ret < 0) {
        return ret;
    }
    return vmstate_run_post_load(vmsd, opaque, version_id, errp);
}

/* Saving, with the vmdesc description alongside */

/* May the elements of an array be described once for all? */
static bool vmstate_desc_can_compress(const VMStateField *field)
{
    const VMStateField *sfield;

    /* Elements that come and go (or may be NULL) are listed one by one. */
    if (field->field_exists || (field->flags & VMS_ARRAY_OF_POINTER)) {
        return false;
    }
    if (field->flags & VMS_STRUCT) {
        if (field->vmsd->subsections) {
            return false;
        }
        for (sfield = field->vmsd->fields; sfield && sfield->name;
             sfield++) {
            if (!vmstate_desc_can_compress(sfield)) {
                return false;
            }
        }
    }
    return true;
}

/* A field name used twice in one description gets its index appended. */
static char *vmstate_desc_field_name(const VMStateDescription *vmsd,
                                     const VMStateField *field)
{
    const VMStateField *other;

    for (other = vmsd->fields; other->name; other++) {
        /* VMSTATE_VALIDATE entries put nothing on the wire. */
        if (other->flags & VMS_MUST_EXIST) {
            continue;
        }
        if (other != field && !strcmp(other->name, field->name)) {
            return g_strdup_printf("%s_%d", field->name,
                                   (int)(field - vmsd->fields));
        }
    }
    return g_strdup(field->name);
}

static void vmstate_desc_field_start(JSONWriter *vmdesc,
                                     const VMStateDescription *vmsd,
                                     const VMStateField *field,
                                     uint32_t i, uint32_t n, bool is_null)
{
    g_autofree char *name = NULL;

    if (!vmdesc) {
        return;
    }
    name = vmstate_desc_field_name(vmsd, field);
    json_writer_start_object(vmdesc, NULL);
    json_writer_str(vmdesc, "name", name);
    if (n > 1) {
        if (vmstate_desc_can_compress(field)) {
            json_writer_int64(vmdesc, "array_len", n);
        } else {
            json_writer_int64(vmdesc, "index", i);
        }
    }
    if (is_null) {
        json_writer_str(vmdesc, "type", vmstate_info_nullptr.name);
    } else if (field->flags & VMS_STRUCT) {
        json_writer_str(vmdesc, "type", "struct");
        json_writer_start_object(vmdesc, "struct");
    } else {
        json_writer_str(vmdesc, "type", field->info->name);
    }
}

static void vmstate_desc_field_end(JSONWriter *vmdesc,
                                   const VMStateField *field,
                                   uint64_t size, bool is_null)
{
    if (!vmdesc) {
        return;
    }
    if ((field->flags & VMS_STRUCT) && !is_null) {
        json_writer_end_object(vmdesc);
    }
    json_writer_uint64(vmdesc, "size", size);
    json_writer_end_object(vmdesc);
}

static int vmstate_save_field(QEMUFile *f, const VMStateDescription *vmsd,
                              const VMStateField *field, void *opaque,
                              JSONWriter *vmdesc, Error **errp)
{
    void *first = (char *)opaque + field->offset;
    JSONWriter *desc = vmdesc;
    Error *local_err = NULL;
    size_t size;
    uint32_t n, i;
    int ret = 0;

    if (!vmstate_n_elems(field, opaque, &n, &local_err) ||
        !vmstate_elem_size(field, opaque, &size, &local_err)) {
        error_setg(errp, "Failed to save %s:%s: %s", vmsd->name,
                   field->name, error_get_pretty(local_err));
        error_free(local_err);
        return -EINVAL;
    }
    if (field->flags & VMS_POINTER) {
        first = *(void **)first;
    }
    for (i = 0; i < n; i++) {
        void *curr = (char *)first + size * i;
        uint64_t before = qemu_file_transferred(f);
        bool is_null;

        if (field->flags & VMS_ARRAY_OF_POINTER) {
            curr = *(void **)curr;
        }
        is_null = !curr && size;
        vmstate_desc_field_start(desc, vmsd, field, i, n, is_null);
        if (is_null) {
            ret = vmstate_info_nullptr.put(f, curr, size, field, NULL);
        } else if (field->flags & VMS_STRUCT) {
            ret = vmstate_save_state(f, field->vmsd, curr, desc, errp);
            if (ret < 0) {
                return ret;
            }
        } else {
            ret = field->info->put(f, curr, size, field, desc);
        }
        vmstate_desc_field_end(desc, field,
                               qemu_file_transferred(f) - before, is_null);
        if (ret >= 0) {
            ret = qemu_file_get_error(f);
        }
        if (ret < 0) {
            vmstate_field_error(f, ret, "save", vmsd, field, errp);
            return ret;
        }
        if (desc && vmstate_desc_can_compress(field)) {
            desc = NULL;
        }
    }
    return 0;
}

int vmstate_save_state(QEMUFile *f, const VMStateDescription *vmsd,
                       void *opaque, JSONWriter *vmdesc, Error **errp)
{
    const VMStateField *field;
    Error *local_err = NULL;
    int ret = 0;

    if (vmsd->pre_save_errp) {
        if (!vmsd->pre_save_errp(opaque, &local_err)) {
            error_setg(errp, "Failed to save %s: %s", vmsd->name,
                       local_err ? error_get_pretty(local_err)
                                 : "pre_save failed");
            error_free(local_err);
            return -EINVAL;
        }
    } else if (vmsd->pre_save) {
        ret = vmsd->pre_save(opaque);
        if (ret < 0) {
            error_setg(errp, "Failed to save %s: pre_save failed: %s",
                       vmsd->name, g_strerror(-ret));
            return ret;
        }
    }
    if (vmdesc) {
        json_writer_str(vmdesc, "vmsd_name", vmsd->name);
        json_writer_int64(vmdesc, "version", vmsd->version_id);
        json_writer_start_array(vmdesc, "fields");
    }
    for (field = vmsd->fields; field && field->name; field++) {
        if (!vmstate_field_wanted(field, opaque, vmsd->version_id)) {
            if (field->flags & VMS_MUST_EXIST) {
                error_setg(errp, "Failed to save %s:%s: output state "
                           "validation failed", vmsd->name, field->name);
                ret = -EINVAL;
                break;
            }
            continue;
        }
        ret = vmstate_save_field(f, vmsd, field, opaque, vmdesc, errp);
        if (ret < 0) {
            break;
        }
    }
    if (vmdesc) {
        json_writer_end_array(vmdesc);
    }
    if (ret == 0) {
        ret = vmstate_subsection_save(f, vmsd, opaque, vmdesc, errp);
    }
    if (vmsd->post_save) {
        int post = vmsd->post_save(opaque);

        if (ret == 0 && post < 0) {
            error_setg(errp, "Failed to save %s: post_save failed: %s",
                       vmsd->name, g_strerror(-post));
            ret = post;
        }
    }
    return ret;
}
