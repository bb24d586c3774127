/*
 * VMStateInfo encodings, and the descriptions of Clock and Fifo8.
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * Every integer is big-endian on the wire (interfaces.md 4.8).  The
 * "_equal" and "_le" variants compare the incoming value with the local
 * one and latch a message naming both when it is refused.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "qemu/timer.h"
#include "qemu/fifo8.h"
#include "hw/core/clock.h"
#include "migration/qemu-file.h"
#include "savevm.h"

#define VMS_NULLPTR_MARKER 0x30

/* Refuse an incoming value: latch @fmt in the file, return -EINVAL. */
static int G_GNUC_PRINTF(3, 4)
vmstate_refuse(QEMUFile *f, const VMStateField *field, const char *fmt, ...)
{
    Error *err = NULL;
    va_list ap;
    char *msg;

    va_start(ap, fmt);
    msg = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    if (field && field->err_hint) {
        error_setg(&err, "%s (%s)", msg, field->err_hint);
    } else {
        error_setg(&err, "%s", msg);
    }
    g_free(msg);
    qemu_file_set_error_obj(f, -EINVAL, err);
    return -EINVAL;
}

/* bool: one byte, any non-zero value loads as true */

static int get_bool(QEMUFile *f, void *pv, size_t size,
                    const VMStateField *field)
{
    *(bool *)pv = qemu_get_byte(f) != 0;
    return 0;
}

static int put_bool(QEMUFile *f, void *pv, size_t size,
                    const VMStateField *field, JSONWriter *vmdesc)
{
    qemu_put_byte(f, *(bool *)pv ? 1 : 0);
    return 0;
}

const VMStateInfo vmstate_info_bool = {
    .name = "bool",
    .get = get_bool,
    .put = put_bool,
};

/* Plain integers */

static int get_int8(QEMUFile *f, void *pv, size_t size,
                    const VMStateField *field)
{
    *(int8_t *)pv = qemu_get_byte(f);
    return 0;
}

static int put_int8(QEMUFile *f, void *pv, size_t size,
                    const VMStateField *field, JSONWriter *vmdesc)
{
    qemu_put_byte(f, *(int8_t *)pv);
    return 0;
}

const VMStateInfo vmstate_info_int8 = {
    .name = "int8",
    .get = get_int8,
    .put = put_int8,
};

static int get_int16(QEMUFile *f, void *pv, size_t size,
                     const VMStateField *field)
{
    *(int16_t *)pv = qemu_get_be16(f);
    return 0;
}

static int put_int16(QEMUFile *f, void *pv, size_t size,
                     const VMStateField *field, JSONWriter *vmdesc)
{
    qemu_put_be16(f, *(int16_t *)pv);
    return 0;
}

const VMStateInfo vmstate_info_int16 = {
    .name = "int16",
    .get = get_int16,
    .put = put_int16,
};

static int get_int32(QEMUFile *f, void *pv, size_t size,
                     const VMStateField *field)
{
    *(int32_t *)pv = qemu_get_be32(f);
    return 0;
}

static int put_int32(QEMUFile *f, void *pv, size_t size,
                     const VMStateField *field, JSONWriter *vmdesc)
{
    qemu_put_be32(f, *(int32_t *)pv);
    return 0;
}

const VMStateInfo vmstate_info_int32 = {
    .name = "int32",
    .get = get_int32,
    .put = put_int32,
};

static int get_int64(QEMUFile *f, void *pv, size_t size,
                     const VMStateField *field)
{
    *(int64_t *)pv = qemu_get_be64(f);
    return 0;
}

static int put_int64(QEMUFile *f, void *pv, size_t size,
                     const VMStateField *field, JSONWriter *vmdesc)
{
    qemu_put_be64(f, *(int64_t *)pv);
    return 0;
}

const VMStateInfo vmstate_info_int64 = {
    .name = "int64",
    .get = get_int64,
    .put = put_int64,
};

static int get_uint8(QEMUFile *f, void *pv, size_t size,
                     const VMStateField *field)
{
    *(uint8_t *)pv = qemu_get_byte(f);
    return 0;
}

static int put_uint8(QEMUFile *f, void *pv, size_t size,
                     const VMStateField *field, JSONWriter *vmdesc)
{
    qemu_put_byte(f, *(uint8_t *)pv);
    return 0;
}

const VMStateInfo vmstate_info_uint8 = {
    .name = "uint8",
    .get = get_uint8,
    .put = put_uint8,
};

static int get_uint16(QEMUFile *f, void *pv, size_t size,
                      const VMStateField *field)
{
    *(uint16_t *)pv = qemu_get_be16(f);
    return 0;
}

static int put_uint16(QEMUFile *f, void *pv, size_t size,
                      const VMStateField *field, JSONWriter *vmdesc)
{
    qemu_put_be16(f, *(uint16_t *)pv);
    return 0;
}

const VMStateInfo vmstate_info_uint16 = {
    .name = "uint16",
    .get = get_uint16,
    .put = put_uint16,
};

static int get_uint32(QEMUFile *f, void *pv, size_t size,
                      const VMStateField *field)
{
    *(uint32_t *)pv = qemu_get_be32(f);
    return 0;
}

static int put_uint32(QEMUFile *f, void *pv, size_t size,
                      const VMStateField *field, JSONWriter *vmdesc)
{
    qemu_put_be32(f, *(uint32_t *)pv);
    return 0;
}

const VMStateInfo vmstate_info_uint32 = {
    .name = "uint32",
    .get = get_uint32,
    .put = put_uint32,
};

static int get_uint64(QEMUFile *f, void *pv, size_t size,
                      const VMStateField *field)
{
    *(uint64_t *)pv = qemu_get_be64(f);
    return 0;
}

static int put_uint64(QEMUFile *f, void *pv, size_t size,
                      const VMStateField *field, JSONWriter *vmdesc)
{
    qemu_put_be64(f, *(uint64_t *)pv);
    return 0;
}

const VMStateInfo vmstate_info_uint64 = {
    .name = "uint64",
    .get = get_uint64,
    .put = put_uint64,
};

/* float64: the IEEE bits, as a be64 */
const VMStateInfo vmstate_info_float64 = {
    .name = "float64",
    .get = get_uint64,
    .put = put_uint64,
};

/* Values the destination must already have */

static int get_uint8_equal(QEMUFile *f, void *pv, size_t size,
                           const VMStateField *field)
{
    uint8_t v = qemu_get_byte(f);

    if (qemu_file_get_error(f) || v == *(uint8_t *)pv) {
        return 0;
    }
    return vmstate_refuse(f, field, "%" PRIx8 " != %" PRIx8, v,
                          *(uint8_t *)pv);
}

const VMStateInfo vmstate_info_uint8_equal = {
    .name = "uint8 equal",
    .get = get_uint8_equal,
    .put = put_uint8,
};

static int get_uint16_equal(QEMUFile *f, void *pv, size_t size,
                            const VMStateField *field)
{
    uint16_t v = qemu_get_be16(f);

    if (qemu_file_get_error(f) || v == *(uint16_t *)pv) {
        return 0;
    }
    return vmstate_refuse(f, field, "%" PRIx16 " != %" PRIx16, v,
                          *(uint16_t *)pv);
}

const VMStateInfo vmstate_info_uint16_equal = {
    .name = "uint16 equal",
    .get = get_uint16_equal,
    .put = put_uint16,
};

static int get_int32_equal(QEMUFile *f, void *pv, size_t size,
                           const VMStateField *field)
{
    int32_t v = qemu_get_be32(f);

    if (qemu_file_get_error(f) || v == *(int32_t *)pv) {
        return 0;
    }
    return vmstate_refuse(f, field, "%" PRId32 " != %" PRId32, v,
                          *(int32_t *)pv);
}

const VMStateInfo vmstate_info_int32_equal = {
    .name = "int32 equal",
    .get = get_int32_equal,
    .put = put_int32,
};

static int get_uint32_equal(QEMUFile *f, void *pv, size_t size,
                            const VMStateField *field)
{
    uint32_t v = qemu_get_be32(f);

    if (qemu_file_get_error(f) || v == *(uint32_t *)pv) {
        return 0;
    }
    return vmstate_refuse(f, field, "%" PRIx32 " != %" PRIx32, v,
                          *(uint32_t *)pv);
}

const VMStateInfo vmstate_info_uint32_equal = {
    .name = "uint32 equal",
    .get = get_uint32_equal,
    .put = put_uint32,
};

static int get_uint64_equal(QEMUFile *f, void *pv, size_t size,
                            const VMStateField *field)
{
    uint64_t v = qemu_get_be64(f);

    if (qemu_file_get_error(f) || v == *(uint64_t *)pv) {
        return 0;
    }
    return vmstate_refuse(f, field, "%" PRIx64 " != %" PRIx64, v,
                          *(uint64_t *)pv);
}

const VMStateInfo vmstate_info_uint64_equal = {
    .name = "int64 equal",
    .get = get_uint64_equal,
    .put = put_uint64,
};

/* int32 le: 0 <= incoming <= local */
static int get_int32_le(QEMUFile *f, void *pv, size_t size,
                        const VMStateField *field)
{
    int32_t *cur = pv;
    int32_t v = qemu_get_be32(f);

    if (qemu_file_get_error(f)) {
        return 0;
    }
    if (v < 0 || v > *cur) {
        return vmstate_refuse(f, field, "value %" PRId32 " is outside "
                              "[0, %" PRId32 "]", v, *cur);
    }
    *cur = v;
    return 0;
}

const VMStateInfo vmstate_info_int32_le = {
    .name = "int32 le",
    .get = get_int32_le,
    .put = put_int32,
};

/* Timers: the expiry in ns of their clock, -1 when idle */

static int get_timer(QEMUFile *f, void *pv, size_t size,
                     const VMStateField *field)
{
    QEMUTimer *ts = pv;
    int64_t expire = qemu_get_be64(f);

    if (qemu_file_get_error(f)) {
        return 0;
    }
    if (expire != -1) {
        timer_mod_ns(ts, expire);
    } else {
        timer_del(ts);
    }
    return 0;
}

static int put_timer(QEMUFile *f, void *pv, size_t size,
                     const VMStateField *field, JSONWriter *vmdesc)
{
    qemu_put_be64(f, timer_expire_time_ns(pv));
    return 0;
}

const VMStateInfo vmstate_info_timer = {
    .name = "timer",
    .get = get_timer,
    .put = put_timer,
};

/* Raw bytes */

static int get_buffer(QEMUFile *f, void *pv, size_t size,
                      const VMStateField *field)
{
    qemu_get_buffer(f, pv, size);
    return 0;
}

static int put_buffer(QEMUFile *f, void *pv, size_t size,
                      const VMStateField *field, JSONWriter *vmdesc)
{
    qemu_put_buffer(f, pv, size);
    return 0;
}

const VMStateInfo vmstate_info_buffer = {
    .name = "buffer",
    .get = get_buffer,
    .put = put_buffer,
};

static int get_unused_buffer(QEMUFile *f, void *pv, size_t size,
                             const VMStateField *field)
{
    qemu_file_skip_bytes(f, size);
    return 0;
}

static int put_unused_buffer(QEMUFile *f, void *pv, size_t size,
                             const VMStateField *field, JSONWriter *vmdesc)
{
    static const uint8_t zeros[1024];

    while (size > 0) {
        size_t n = MIN(size, sizeof(zeros));

        qemu_put_buffer(f, zeros, n);
        size -= n;
    }
    return 0;
}

const VMStateInfo vmstate_info_unused_buffer = {
    .name = "unused_buffer",
    .get = get_unused_buffer,
    .put = put_unused_buffer,
};

/* Bitmaps: @size is the number of bits; be64 words, bit i in word i/64 */

QEMU_BUILD_BUG_ON(sizeof(unsigned long) != sizeof(uint64_t));

static int get_bitmap(QEMUFile *f, void *pv, size_t size,
                      const VMStateField *field)
{
    unsigned long *bmp = pv;
    size_t i;

    for (i = 0; i < DIV_ROUND_UP(size, 64); i++) {
        bmp[i] = qemu_get_be64(f);
    }
    return 0;
}

static int put_bitmap(QEMUFile *f, void *pv, size_t size,
                      const VMStateField *field, JSONWriter *vmdesc)
{
    unsigned long *bmp = pv;
    size_t i;

    for (i = 0; i < DIV_ROUND_UP(size, 64); i++) {
        qemu_put_be64(f, bmp[i]);
    }
    return 0;
}

const VMStateInfo vmstate_info_bitmap = {
    .name = "bitmap",
    .get = get_bitmap,
    .put = put_bitmap,
};

/* The marker that stands for a NULL element of a pointer array */

static int get_nullptr(QEMUFile *f, void *pv, size_t size,
                       const VMStateField *field)
{
    uint8_t v = qemu_get_byte(f);

    if (qemu_file_get_error(f) || v == VMS_NULLPTR_MARKER) {
        return 0;
    }
    return vmstate_refuse(f, NULL, "expected the NULL pointer marker 0x%x, "
                          "got 0x%x", VMS_NULLPTR_MARKER, v);
}

static int put_nullptr(QEMUFile *f, void *pv, size_t size,
                       const VMStateField *field, JSONWriter *vmdesc)
{
    qemu_put_byte(f, VMS_NULLPTR_MARKER);
    return 0;
}

const VMStateInfo vmstate_info_nullptr = {
    .name = "nullptr",
    .get = get_nullptr,
    .put = put_nullptr,
};

/*
 * VMSTATE_WITH_TMP: a zeroed temporary whose first member points at the
 * real state; its own description moves the bytes.
 */

static int get_tmp(QEMUFile *f, void *pv, size_t size,
                   const VMStateField *field)
{
    g_autofree void *tmp = g_malloc0(size);
    Error *err = NULL;
    int ret;

    *(void **)tmp = pv;
    ret = vmstate_load_state(f, field->vmsd, tmp, field->vmsd->version_id,
                             &err);
    if (ret < 0) {
        qemu_file_set_error_obj(f, ret, err);
    }
    return ret;
}

static int put_tmp(QEMUFile *f, void *pv, size_t size,
                   const VMStateField *field, JSONWriter *vmdesc)
{
    g_autofree void *tmp = g_malloc0(size);
    Error *err = NULL;
    int ret;

    *(void **)tmp = pv;
    ret = vmstate_save_state(f, field->vmsd, tmp, vmdesc, &err);
    if (ret < 0) {
        qemu_file_set_error_obj(f, ret, err);
    }
    return ret;
}

const VMStateInfo vmstate_info_tmp = {
    .name = "tmp",
    .get = get_tmp,
    .put = put_tmp,
};

/*
 * Clock: the period; multiplier and divider only when not 1/1, so that
 * streams of builds without them still load.
 */

static int clock_pre_load(void *opaque)
{
    Clock *clk = opaque;

    clk->multiplier = 1;
    clk->divider = 1;
    return 0;
}

static bool clock_muldiv_needed(void *opaque)
{
    Clock *clk = opaque;

    return clk->multiplier != 1 || clk->divider != 1;
}

static bool clock_muldiv_post_load(void *opaque, int version_id,
                                   Error **errp)
{
    Clock *clk = opaque;

    if (clk->divider == 0) {
        error_setg(errp, "clock divider must not be zero");
        return false;
    }
    return true;
}

static const VMStateDescription vmstate_clock_muldiv = {
    .name = "clock/muldiv",
    .version_id = 1,
    .minimum_version_id = 1,
    .needed = clock_muldiv_needed,
    .post_load_errp = clock_muldiv_post_load,
    .fields = (const VMStateField[]) {
        VMSTATE_UINT32(multiplier, Clock),
        VMSTATE_UINT32(divider, Clock),
        VMSTATE_END_OF_LIST()
    },
};

const VMStateDescription vmstate_clock = {
    .name = "clock",
    .version_id = 0,
    .minimum_version_id = 0,
    .pre_load = clock_pre_load,
    .fields = (const VMStateField[]) {
        VMSTATE_UINT64(period, Clock),
        VMSTATE_END_OF_LIST()
    },
    .subsections = (const VMStateDescription * const []) {
        &vmstate_clock_muldiv,
        NULL
    },
};

/*
 * Fifo8: the whole buffer (the local capacity: both sides must agree on
 * it), then head and num, which must describe bytes inside the buffer.
 */

static bool fifo8_post_load(void *opaque, int version_id, Error **errp)
{
    Fifo8 *fifo = opaque;

    if (fifo->head >= fifo->capacity || fifo->num > fifo->capacity) {
        error_setg(errp, "head %" PRIu32 " / num %" PRIu32 " do not fit "
                   "a FIFO of %" PRIu32 " bytes", fifo->head, fifo->num,
                   fifo->capacity);
        return false;
    }
    return true;
}

const VMStateDescription vmstate_fifo8 = {
    .name = "Fifo8",
    .version_id = 1,
    .minimum_version_id = 1,
    .post_load_errp = fifo8_post_load,
    .fields = (const VMStateField[]) {
        VMSTATE_VBUFFER_UINT32(data, Fifo8, 1, NULL, capacity),
        VMSTATE_UINT32(head, Fifo8),
        VMSTATE_UINT32(num, Fifo8),
        VMSTATE_END_OF_LIST()
    },
};
