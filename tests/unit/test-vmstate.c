/*
 * Unit tests for the VMState engine, the stream sections and "ram".
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * Every field kind goes through a memory QEMUFile and back; every check
 * the loader makes on a number taken from the stream is fed a value it
 * must refuse, and the refusal must name the description and the field.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "qemu/module.h"
#include "qemu/timer.h"
#include "qemu/fifo8.h"
#include "qemu/units.h"
#include "qobject/qjson.h"
#include "qom/object.h"
#include "hw/core/qdev.h"
#include "hw/core/clock.h"
#include "system/memory.h"
#include "system/ramblock.h"
#include "migration/vmstate.h"
#include "migration/register.h"
#include "migration/misc.h"
#include "../../migration/qemu-file.h"
#include "../../migration/savevm.h"
#include "../../migration/ram.h"

/* Helpers */

/* Save @vmsd of @opaque; returns the bytes (caller frees). */
static GByteArray *save_to_bytes(const VMStateDescription *vmsd,
                                 void *opaque, char **desc)
{
    QEMUFile *f = qemu_file_new_output();
    JSONWriter *vmdesc = json_writer_new();
    GByteArray *out = g_byte_array_new();
    const uint8_t *data;
    size_t len;

    json_writer_start_object(vmdesc, NULL);
    g_assert_cmpint(vmstate_save_state(f, vmsd, opaque, vmdesc,
                                       &error_abort), ==, 0);
    json_writer_end_object(vmdesc);
    data = qemu_file_output_data(f, &len);
    g_byte_array_append(out, data, len);
    if (desc) {
        *desc = g_strdup(json_writer_get(vmdesc));
    }
    json_writer_free(vmdesc);
    qemu_fclose(f);
    return out;
}

/* Load @len bytes into @opaque; returns the error message or NULL. */
static char *load_bytes(const VMStateDescription *vmsd, void *opaque,
                        int version, const void *bytes, size_t len,
                        int *ret_out)
{
    QEMUFile *f = qemu_file_new_input_buffer(bytes, len);
    Error *err = NULL;
    char *msg = NULL;
    int ret;

    ret = vmstate_load_state(f, vmsd, opaque, version, &err);
    if (ret < 0) {
        g_assert_nonnull(err);
        msg = g_strdup(error_get_pretty(err));
        error_free(err);
    } else {
        g_assert_null(err);
    }
    if (ret_out) {
        *ret_out = ret;
    }
    qemu_fclose(f);
    return msg;
}

static void assert_load_fails(const VMStateDescription *vmsd, void *opaque,
                              int version, const void *bytes, size_t len,
                              const char *expect1, const char *expect2)
{
    g_autofree char *msg = load_bytes(vmsd, opaque, version, bytes, len,
                                      NULL);

    g_assert_nonnull(msg);
    if (!strstr(msg, expect1) || (expect2 && !strstr(msg, expect2))) {
        g_test_message("unexpected error: %s", msg);
    }
    g_assert_nonnull(strstr(msg, expect1));
    if (expect2) {
        g_assert_nonnull(strstr(msg, expect2));
    }
}

static void timer_cb(void *opaque)
{
}

/* Exact wire bytes of scalars */

typedef struct Scalars {
    uint16_t a;
    int32_t b;
    uint64_t c;
    bool d;
    int8_t e;
} Scalars;

static const VMStateDescription vmstate_scalars = {
    .name = "scalars",
    .version_id = 1,
    .minimum_version_id = 1,
    .fields = (const VMStateField[]) {
        VMSTATE_UINT16(a, Scalars),
        VMSTATE_INT32(b, Scalars),
        VMSTATE_UINT64(c, Scalars),
        VMSTATE_BOOL(d, Scalars),
        VMSTATE_INT8(e, Scalars),
        VMSTATE_END_OF_LIST()
    },
};

static void test_wire_scalars(void)
{
    static const uint8_t expect[] = {
        0x12, 0x34,
        0xff, 0xff, 0xff, 0xfe,
        0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08,
        0x01,
        0x80,
    };
    Scalars s = { 0x1234, -2, 0x0102030405060708ULL, true, -128 };
    Scalars d = { 0 };
    g_autoptr(GByteArray) out = save_to_bytes(&vmstate_scalars, &s, NULL);
    uint8_t bool7[sizeof(expect)];

    g_assert_cmpmem(out->data, out->len, expect, sizeof(expect));
    g_assert_null(load_bytes(&vmstate_scalars, &d, 1, out->data, out->len,
                             NULL));
    g_assert_cmpuint(d.a, ==, s.a);
    g_assert_cmpint(d.b, ==, s.b);
    g_assert_cmpuint(d.c, ==, s.c);
    g_assert_true(d.d);
    g_assert_cmpint(d.e, ==, -128);

    /* Any non-zero byte loads as true. */
    memcpy(bool7, expect, sizeof(expect));
    bool7[14] = 7;
    d.d = false;
    g_assert_null(load_bytes(&vmstate_scalars, &d, 1, bool7, sizeof(bool7),
                             NULL));
    g_assert_true(d.d);
}

/* Every field kind round-trips */

typedef struct Inner {
    uint32_t x;
    uint16_t y;
} Inner;

static const VMStateDescription vmstate_inner = {
    .name = "inner",
    .version_id = 1,
    .minimum_version_id = 1,
    .fields = (const VMStateField[]) {
        VMSTATE_UINT32(x, Inner),
        VMSTATE_UINT16(y, Inner),
        VMSTATE_END_OF_LIST()
    },
};

typedef struct AllKinds AllKinds;

typedef struct AllKindsTmp {
    AllKinds *parent;
    uint32_t doubled;
} AllKindsTmp;

struct AllKinds {
    bool b;
    int8_t i8;
    int16_t i16;
    int32_t i32;
    int64_t i64;
    uint8_t u8;
    uint16_t u16;
    uint32_t u32;
    uint64_t u64;
    uint64_t f64;
    QEMUTimer timer;
    QEMUTimer *timer_ptr;
    uint8_t a8[3];
    uint16_t a16[2];
    uint32_t a32[2];
    uint64_t a64[2];
    int32_t ai32[2];
    uint8_t a2d[2][3];
    uint32_t sub[6];
    uint8_t buf[5];
    uint8_t partial[8];
    uint32_t vlen;
    uint8_t *vbuf;
    uint32_t alen;
    uint8_t *abuf;
    Inner inner;
    Inner *inner_ptr;
    Inner inner_arr[2];
    uint8_t n_inner;
    Inner inner_v[4];
    uint32_t n32;
    uint32_t *varr;
    uint32_t n_alloc;
    uint16_t *varr_alloc;
    int32_t nbits;
    unsigned long *bitmap;
    QEMUTimer *tarr[2];
    uint32_t tmp_target;
    Clock *clk;
    Fifo8 fifo;
    uint32_t eq;
    int32_t le;
    uint8_t unused_marker;
};

static int all_tmp_pre_save(void *opaque)
{
    AllKindsTmp *t = opaque;

    t->doubled = t->parent->tmp_target * 2;
    return 0;
}

static int all_tmp_post_load(void *opaque, int version_id)
{
    AllKindsTmp *t = opaque;

    t->parent->tmp_target = t->doubled / 2;
    return 0;
}

static const VMStateDescription vmstate_all_tmp = {
    .name = "tmp",
    .pre_save = all_tmp_pre_save,
    .post_load = all_tmp_post_load,
    .fields = (const VMStateField[]) {
        VMSTATE_UINT32(doubled, AllKindsTmp),
        VMSTATE_END_OF_LIST()
    },
};

static bool all_le_is_small(void *opaque, int version_id)
{
    return ((AllKinds *)opaque)->le < 100;
}

static const VMStateDescription vmstate_all = {
    .name = "all",
    .version_id = 1,
    .minimum_version_id = 1,
    .fields = (const VMStateField[]) {
        VMSTATE_BOOL(b, AllKinds),
        VMSTATE_INT8(i8, AllKinds),
        VMSTATE_INT16(i16, AllKinds),
        VMSTATE_INT32(i32, AllKinds),
        VMSTATE_INT64(i64, AllKinds),
        VMSTATE_UINT8(u8, AllKinds),
        VMSTATE_UINT16(u16, AllKinds),
        VMSTATE_UINT32(u32, AllKinds),
        VMSTATE_UINT64(u64, AllKinds),
        VMSTATE_SINGLE(f64, AllKinds, 0, vmstate_info_float64, uint64_t),
        VMSTATE_TIMER(timer, AllKinds),
        VMSTATE_TIMER_PTR(timer_ptr, AllKinds),
        VMSTATE_UINT8_ARRAY(a8, AllKinds, 3),
        VMSTATE_UINT16_ARRAY(a16, AllKinds, 2),
        VMSTATE_UINT32_ARRAY(a32, AllKinds, 2),
        VMSTATE_UINT64_ARRAY(a64, AllKinds, 2),
        VMSTATE_INT32_ARRAY(ai32, AllKinds, 2),
        VMSTATE_UINT8_2DARRAY(a2d, AllKinds, 2, 3),
        VMSTATE_UINT32_SUB_ARRAY(sub, AllKinds, 2, 3),
        VMSTATE_BUFFER(buf, AllKinds),
        VMSTATE_PARTIAL_BUFFER(partial, AllKinds, 4),
        VMSTATE_UINT32(vlen, AllKinds),
        VMSTATE_VBUFFER_UINT32(vbuf, AllKinds, 0, NULL, vlen),
        VMSTATE_UINT32(alen, AllKinds),
        VMSTATE_VBUFFER_ALLOC_UINT32(abuf, AllKinds, 0, NULL, alen),
        VMSTATE_UNUSED(3),
        VMSTATE_STRUCT(inner, AllKinds, 1, vmstate_inner, Inner),
        VMSTATE_STRUCT_POINTER(inner_ptr, AllKinds, vmstate_inner, Inner),
        VMSTATE_STRUCT_ARRAY(inner_arr, AllKinds, 2, 1, vmstate_inner,
                             Inner),
        VMSTATE_UINT8(n_inner, AllKinds),
        VMSTATE_STRUCT_VARRAY_UINT8(inner_v, AllKinds, n_inner, 1,
                                    vmstate_inner, Inner),
        VMSTATE_UINT32(n32, AllKinds),
        VMSTATE_VARRAY_UINT32(varr, AllKinds, n32, 0, vmstate_info_uint32,
                              uint32_t),
        VMSTATE_UINT32(n_alloc, AllKinds),
        VMSTATE_VARRAY_UINT32_ALLOC(varr_alloc, AllKinds, n_alloc, 0,
                                    vmstate_info_uint16, uint16_t),
        VMSTATE_INT32(nbits, AllKinds),
        VMSTATE_BITMAP(bitmap, AllKinds, 0, nbits),
        VMSTATE_TIMER_PTR_ARRAY(tarr, AllKinds, 2),
        VMSTATE_WITH_TMP(AllKinds, AllKindsTmp, vmstate_all_tmp),
        VMSTATE_CLOCK(clk, AllKinds),
        VMSTATE_FIFO8(fifo, AllKinds),
        VMSTATE_UINT32_EQUAL(eq, AllKinds, "eq must match"),
        VMSTATE_VALIDATE("le is small", all_le_is_small),
        VMSTATE_INT32_POSITIVE_LE(le, AllKinds),
        VMSTATE_END_OF_LIST()
    },
};

/* The local shape both sides share (sizes, capacities, pointers). */
static void all_kinds_init(AllKinds *s)
{
    memset(s, 0, sizeof(*s));
    timer_init_ns(&s->timer, QEMU_CLOCK_VIRTUAL, timer_cb, NULL);
    s->timer_ptr = timer_new_ns(QEMU_CLOCK_VIRTUAL, timer_cb, NULL);
    s->vlen = 3;
    s->vbuf = g_new0(uint8_t, 3);
    s->inner_ptr = g_new0(Inner, 1);
    s->n32 = 2;
    s->varr = g_new0(uint32_t, 2);
    s->nbits = 70;
    s->bitmap = g_new0(unsigned long, 2);
    s->tarr[0] = timer_new_ns(QEMU_CLOCK_VIRTUAL, timer_cb, NULL);
    s->clk = g_new0(Clock, 1);
    s->clk->multiplier = 1;
    s->clk->divider = 1;
    fifo8_create(&s->fifo, 4);
    s->eq = 0xabcd;
    s->le = 50;
}

static void all_kinds_fill(AllKinds *s)
{
    static const uint8_t bytes[3] = { 0xa1, 0xa2, 0xa3 };
    int i;

    s->b = true;
    s->i8 = -5;
    s->i16 = -300;
    s->i32 = -70000;
    s->i64 = -5000000000LL;
    s->u8 = 200;
    s->u16 = 60000;
    s->u32 = 4000000000u;
    s->u64 = 0xfedcba9876543210ULL;
    s->f64 = 0x400921fb54442d18ULL;
    timer_mod_ns(&s->timer, 123456789);
    timer_mod_ns(s->tarr[0], 42);
    for (i = 0; i < 3; i++) {
        s->a8[i] = i + 1;
        s->a2d[1][i] = 10 + i;
    }
    s->a16[1] = 0x1616;
    s->a32[0] = 0x32323232;
    s->a64[1] = 0x6464646464646464ULL;
    s->ai32[0] = -1;
    for (i = 0; i < 6; i++) {
        s->sub[i] = 100 + i;
    }
    memcpy(s->buf, "hello", 5);
    memcpy(s->partial, "abcdefgh", 8);
    memcpy(s->vbuf, bytes, 3);
    s->alen = 6;
    s->abuf = (uint8_t *)g_strdup("alloc");
    s->inner.x = 11;
    s->inner.y = 12;
    s->inner_ptr->x = 13;
    s->inner_arr[1].y = 14;
    s->n_inner = 3;
    s->inner_v[2].x = 15;
    s->varr[1] = 16;
    s->n_alloc = 3;
    s->varr_alloc = g_new0(uint16_t, 3);
    s->varr_alloc[2] = 17;
    s->bitmap[0] = 1;
    s->bitmap[1] = 1ul << 5;
    s->tmp_target = 1000;
    s->clk->period = 0x1000;
    s->clk->multiplier = 3;
    s->clk->divider = 7;
    fifo8_push(&s->fifo, 0x55);
    fifo8_push(&s->fifo, 0x66);
    s->le = 20;
}

static void all_kinds_free(AllKinds *s)
{
    timer_del(&s->timer);
    timer_free(s->timer_ptr);
    timer_free(s->tarr[0]);
    g_free(s->vbuf);
    g_free(s->abuf);
    g_free(s->inner_ptr);
    g_free(s->varr);
    g_free(s->varr_alloc);
    g_free(s->bitmap);
    g_free(s->clk);
    fifo8_destroy(&s->fifo);
}

static void test_round_trip_all_kinds(void)
{
    AllKinds src, dst;
    g_autoptr(GByteArray) out = NULL;
    g_autofree char *desc = NULL;
    g_autoptr(json_t) parsed = NULL;

    all_kinds_init(&src);
    all_kinds_fill(&src);
    all_kinds_init(&dst);
    dst.clk->multiplier = 9;

    out = save_to_bytes(&vmstate_all, &src, &desc);
    g_assert_null(load_bytes(&vmstate_all, &dst, 1, out->data, out->len,
                             NULL));

    g_assert_true(dst.b);
    g_assert_cmpint(dst.i8, ==, -5);
    g_assert_cmpint(dst.i16, ==, -300);
    g_assert_cmpint(dst.i32, ==, -70000);
    g_assert_cmpint(dst.i64, ==, -5000000000LL);
    g_assert_cmpuint(dst.u8, ==, 200);
    g_assert_cmpuint(dst.u16, ==, 60000);
    g_assert_cmpuint(dst.u32, ==, 4000000000u);
    g_assert_cmpuint(dst.u64, ==, 0xfedcba9876543210ULL);
    g_assert_cmpuint(dst.f64, ==, 0x400921fb54442d18ULL);
    g_assert_cmpint(timer_expire_time_ns(&dst.timer), ==, 123456789);
    g_assert_false(timer_pending(dst.timer_ptr));
    g_assert_cmpmem(dst.a8, 3, src.a8, 3);
    g_assert_cmpuint(dst.a16[1], ==, 0x1616);
    g_assert_cmpuint(dst.a32[0], ==, 0x32323232);
    g_assert_cmpuint(dst.a64[1], ==, 0x6464646464646464ULL);
    g_assert_cmpint(dst.ai32[0], ==, -1);
    g_assert_cmpmem(dst.a2d, 6, src.a2d, 6);
    /* Only sub[2..4] travel. */
    g_assert_cmpuint(dst.sub[1], ==, 0);
    g_assert_cmpuint(dst.sub[2], ==, 102);
    g_assert_cmpuint(dst.sub[4], ==, 104);
    g_assert_cmpuint(dst.sub[5], ==, 0);
    g_assert_cmpmem(dst.buf, 5, "hello", 5);
    g_assert_cmpmem(dst.partial, 8, "abcd\0\0\0\0", 8);
    g_assert_cmpmem(dst.vbuf, 3, src.vbuf, 3);
    g_assert_cmpuint(dst.alen, ==, 6);
    g_assert_cmpstr((char *)dst.abuf, ==, "alloc");
    g_assert_cmpuint(dst.inner.x, ==, 11);
    g_assert_cmpuint(dst.inner.y, ==, 12);
    g_assert_cmpuint(dst.inner_ptr->x, ==, 13);
    g_assert_cmpuint(dst.inner_arr[1].y, ==, 14);
    g_assert_cmpuint(dst.n_inner, ==, 3);
    g_assert_cmpuint(dst.inner_v[2].x, ==, 15);
    g_assert_cmpuint(dst.varr[1], ==, 16);
    g_assert_nonnull(dst.varr_alloc);
    g_assert_cmpuint(dst.varr_alloc[2], ==, 17);
    g_assert_cmpuint(dst.bitmap[0], ==, 1);
    g_assert_cmpuint(dst.bitmap[1], ==, 1ul << 5);
    g_assert_cmpint(timer_expire_time_ns(dst.tarr[0]), ==, 42);
    g_assert_null(dst.tarr[1]);
    g_assert_cmpuint(dst.tmp_target, ==, 1000);
    g_assert_cmpuint(dst.clk->period, ==, 0x1000);
    g_assert_cmpuint(dst.clk->multiplier, ==, 3);
    g_assert_cmpuint(dst.clk->divider, ==, 7);
    g_assert_cmpuint(dst.fifo.num, ==, 2);
    g_assert_cmpuint(fifo8_pop(&dst.fifo), ==, 0x55);
    g_assert_cmpuint(fifo8_pop(&dst.fifo), ==, 0x66);
    g_assert_cmpint(dst.le, ==, 20);

    /* The description is JSON naming every field. */
    parsed = qobject_from_json(desc, &error_abort);
    g_assert_cmpstr(qdict_get_str(qobject_to(QDict, parsed), "vmsd_name"),
                    ==, "all");
    g_assert_nonnull(strstr(desc, "{\"name\": \"a8\", \"array_len\": 3, "
                            "\"type\": \"uint8\", \"size\": 1}"));
    g_assert_nonnull(strstr(desc, "\"type\": \"struct\", \"struct\": "
                            "{\"vmsd_name\": \"inner\""));
    g_assert_nonnull(strstr(desc, "{\"name\": \"tarr\", \"index\": 1, "
                            "\"type\": \"nullptr\", \"size\": 1}"));
    g_assert_nonnull(strstr(desc, "\"subsections\": [{\"vmsd_name\": "
                            "\"clock/muldiv\""));

    all_kinds_free(&src);
    all_kinds_free(&dst);
}

/* Bound checks: each refuses its bad value and names the field */

typedef struct Bounded {
    uint8_t count;
    Inner timers[4];
    int32_t n;
    uint32_t *arr;
    uint32_t len;
    uint8_t *buf;
    int32_t le;
    uint32_t eq;
} Bounded;

static const VMStateDescription vmstate_bounded_varray = {
    .name = "bounded",
    .version_id = 1,
    .minimum_version_id = 1,
    .fields = (const VMStateField[]) {
        VMSTATE_UINT8(count, Bounded),
        VMSTATE_STRUCT_VARRAY_UINT8(timers, Bounded, count, 1,
                                    vmstate_inner, Inner),
        VMSTATE_END_OF_LIST()
    },
};

static void test_bound_struct_varray(void)
{
    static const uint8_t five[] = { 5 };
    uint8_t four[1 + 4 * 6] = { 4 };
    Bounded b = { 0 };

    assert_load_fails(&vmstate_bounded_varray, &b, 1, five, sizeof(five),
                      "Failed to load bounded:timers",
                      "element count 5 exceeds the 4 elements");
    /* The count loaded, but nothing beyond the array was touched. */
    g_assert_cmpuint(b.count, ==, 5);
    four[1 + 3 * 6 + 3] = 9;
    g_assert_null(load_bytes(&vmstate_bounded_varray, &b, 1, four,
                             sizeof(four), NULL));
    g_assert_cmpuint(b.timers[3].x, ==, 9);
}

static const VMStateDescription vmstate_bounded_int32 = {
    .name = "bounded",
    .version_id = 1,
    .minimum_version_id = 1,
    .fields = (const VMStateField[]) {
        VMSTATE_INT32(n, Bounded),
        VMSTATE_VARRAY_INT32(arr, Bounded, n, 0, vmstate_info_uint32,
                             uint32_t),
        VMSTATE_END_OF_LIST()
    },
};

static void test_bound_negative_count(void)
{
    static const uint8_t minus1[] = { 0xff, 0xff, 0xff, 0xff };
    Bounded b = { 0 };

    assert_load_fails(&vmstate_bounded_int32, &b, 1, minus1, sizeof(minus1),
                      "Failed to load bounded:arr",
                      "element count -1 is out of range");
}

static const VMStateDescription vmstate_bounded_vbuffer = {
    .name = "bounded",
    .version_id = 1,
    .minimum_version_id = 1,
    .fields = (const VMStateField[]) {
        VMSTATE_UINT32(len, Bounded),
        VMSTATE_VBUFFER_UINT32(buf, Bounded, 0, NULL, len),
        VMSTATE_END_OF_LIST()
    },
};

static void test_bound_vbuffer(void)
{
    static const uint8_t huge[] = { 0x00, 0x00, 0x00, 0x64, 1, 2, 3, 4 };
    static const uint8_t fits[] = { 0x00, 0x00, 0x00, 0x02, 7, 8 };
    Bounded b = { .len = 4 };
    uint8_t store[4] = { 0 };

    b.buf = store;
    assert_load_fails(&vmstate_bounded_vbuffer, &b, 1, huge, sizeof(huge),
                      "Failed to load bounded:buf",
                      "buffer of 100 bytes exceeds the 4 bytes");
    g_assert_cmpmem(store, 4, "\0\0\0\0", 4);
    b.len = 4;
    g_assert_null(load_bytes(&vmstate_bounded_vbuffer, &b, 1, fits,
                             sizeof(fits), NULL));
    g_assert_cmpuint(store[1], ==, 8);
}

typedef struct AllocBuf {
    uint32_t len;
    uint8_t *buf;
} AllocBuf;

static const VMStateDescription vmstate_alloc_buf = {
    .name = "allocbuf",
    .version_id = 1,
    .minimum_version_id = 1,
    .fields = (const VMStateField[]) {
        VMSTATE_UINT32(len, AllocBuf),
        VMSTATE_VBUFFER_ALLOC_UINT32(buf, AllocBuf, 0, NULL, len),
        VMSTATE_END_OF_LIST()
    },
};

static void test_bound_alloc_short_stream(void)
{
    static const uint8_t claim[] = { 0x7f, 0xff, 0xff, 0xff, 1, 2, 3 };
    static const uint8_t negative[] = { 0x80, 0x00, 0x00, 0x00 };
    AllocBuf a = { 0 };

    /* 2 GiB claimed, 3 bytes present: fails without allocating it. */
    assert_load_fails(&vmstate_alloc_buf, &a, 1, claim, sizeof(claim),
                      "Failed to load allocbuf:buf",
                      "Unexpected end of migration stream");
    g_assert_null(a.buf);
    assert_load_fails(&vmstate_alloc_buf, &a, 1, negative, sizeof(negative),
                      "Failed to load allocbuf:buf", "out of range");
}

static const VMStateDescription vmstate_bounded_le = {
    .name = "bounded",
    .version_id = 1,
    .minimum_version_id = 1,
    .fields = (const VMStateField[]) {
        VMSTATE_INT32_POSITIVE_LE(le, Bounded),
        VMSTATE_UINT32_EQUAL(eq, Bounded, "the model must match"),
        VMSTATE_END_OF_LIST()
    },
};

static void test_bound_le_and_equal(void)
{
    static const uint8_t too_big[] = { 0, 0, 0, 11, 0, 0, 0, 7 };
    static const uint8_t negative[] = { 0xff, 0xff, 0xff, 0xf0, 0, 0, 0, 7 };
    static const uint8_t wrong_eq[] = { 0, 0, 0, 9, 0, 0, 0, 5 };
    static const uint8_t good[] = { 0, 0, 0, 9, 0, 0, 0, 7 };
    Bounded b = { .le = 10, .eq = 7 };

    assert_load_fails(&vmstate_bounded_le, &b, 1, too_big, sizeof(too_big),
                      "Failed to load bounded:le", "outside [0, 10]");
    assert_load_fails(&vmstate_bounded_le, &b, 1, negative,
                      sizeof(negative), "Failed to load bounded:le",
                      "-16");
    assert_load_fails(&vmstate_bounded_le, &b, 1, wrong_eq,
                      sizeof(wrong_eq), "Failed to load bounded:eq",
                      "5 != 7 (the model must match)");
    g_assert_null(load_bytes(&vmstate_bounded_le, &b, 1, good, sizeof(good),
                             NULL));
    g_assert_cmpint(b.le, ==, 9);
}

typedef struct HasFifo {
    Fifo8 fifo;
} HasFifo;

static const VMStateDescription vmstate_has_fifo = {
    .name = "hasfifo",
    .version_id = 1,
    .minimum_version_id = 1,
    .fields = (const VMStateField[]) {
        VMSTATE_FIFO8(fifo, HasFifo),
        VMSTATE_END_OF_LIST()
    },
};

static void test_bound_fifo8(void)
{
    /* capacity 4: data, then head, num */
    static const uint8_t bad_head[] = { 1, 2, 3, 4, 0, 0, 0, 4, 0, 0, 0, 1 };
    static const uint8_t bad_num[] = { 1, 2, 3, 4, 0, 0, 0, 0, 0, 0, 0, 5 };
    static const uint8_t good[] = { 1, 2, 3, 4, 0, 0, 0, 3, 0, 0, 0, 2 };
    HasFifo h;

    fifo8_create(&h.fifo, 4);
    assert_load_fails(&vmstate_has_fifo, &h, 1, bad_head, sizeof(bad_head),
                      "Fifo8", "head 4 / num 1");
    assert_load_fails(&vmstate_has_fifo, &h, 1, bad_num, sizeof(bad_num),
                      "Fifo8", "num 5");
    g_assert_null(load_bytes(&vmstate_has_fifo, &h, 1, good, sizeof(good),
                             NULL));
    g_assert_cmpuint(fifo8_pop(&h.fifo), ==, 4);
    g_assert_cmpuint(fifo8_pop(&h.fifo), ==, 1);
    fifo8_destroy(&h.fifo);
}

typedef struct HasClock {
    Clock *clk;
} HasClock;

static const VMStateDescription vmstate_has_clock = {
    .name = "hasclock",
    .version_id = 1,
    .minimum_version_id = 1,
    .fields = (const VMStateField[]) {
        VMSTATE_CLOCK(clk, HasClock),
        VMSTATE_END_OF_LIST()
    },
};

static void test_clock_subsection(void)
{
    static const uint8_t no_muldiv[] = { 0, 0, 0, 0, 0, 0, 0x10, 0 };
    static const uint8_t div0[] = {
        0, 0, 0, 0, 0, 0, 0x10, 0,
        0x05, 12, 'c', 'l', 'o', 'c', 'k', '/', 'm', 'u', 'l', 'd', 'i', 'v',
        0, 0, 0, 1,
        0, 0, 0, 2, 0, 0, 0, 0,
    };
    HasClock h = { g_new0(Clock, 1) };

    /* Without the subsection, pre_load leaves multiplier/divider at 1. */
    h.clk->multiplier = 5;
    h.clk->divider = 6;
    g_assert_null(load_bytes(&vmstate_has_clock, &h, 1, no_muldiv,
                             sizeof(no_muldiv), NULL));
    g_assert_cmpuint(h.clk->period, ==, 0x1000);
    g_assert_cmpuint(h.clk->multiplier, ==, 1);
    g_assert_cmpuint(h.clk->divider, ==, 1);
    assert_load_fails(&vmstate_has_clock, &h, 1, div0, sizeof(div0),
                      "clock/muldiv", "divider must not be zero");
    g_free(h.clk);
}

typedef struct PtrArr {
    QEMUTimer *t[1];
} PtrArr;

static const VMStateDescription vmstate_ptr_arr = {
    .name = "ptrarr",
    .version_id = 1,
    .minimum_version_id = 1,
    .fields = (const VMStateField[]) {
        VMSTATE_TIMER_PTR_ARRAY(t, PtrArr, 1),
        VMSTATE_END_OF_LIST()
    },
};

static void test_bound_nullptr_marker(void)
{
    static const uint8_t wrong[] = { 0x31 };
    static const uint8_t right[] = { 0x30 };
    PtrArr p = { { NULL } };

    assert_load_fails(&vmstate_ptr_arr, &p, 1, wrong, sizeof(wrong),
                      "Failed to load ptrarr:t", "NULL pointer marker");
    g_assert_null(load_bytes(&vmstate_ptr_arr, &p, 1, right, sizeof(right),
                             NULL));
}

static void test_truncated_names_field(void)
{
    static const uint8_t bytes[] = { 0x12, 0x34, 0xff, 0xff };
    Scalars s = { 0 };

    assert_load_fails(&vmstate_scalars, &s, 1, bytes, sizeof(bytes),
                      "Failed to load scalars:b",
                      "Unexpected end of migration stream after 4 bytes");
}

static bool validate_a_small(void *opaque, int version_id)
{
    return ((Scalars *)opaque)->a < 10;
}

static const VMStateDescription vmstate_validated = {
    .name = "validated",
    .version_id = 1,
    .minimum_version_id = 1,
    .fields = (const VMStateField[]) {
        VMSTATE_UINT16(a, Scalars),
        VMSTATE_VALIDATE("a below 10", validate_a_small),
        VMSTATE_INT32(b, Scalars),
        VMSTATE_END_OF_LIST()
    },
};

static void test_validate(void)
{
    static const uint8_t bad[] = { 0, 10, 0, 0, 0, 1 };
    static const uint8_t good[] = { 0, 9, 0, 0, 0, 1 };
    Scalars s = { 0 };

    assert_load_fails(&vmstate_validated, &s, 1, bad, sizeof(bad),
                      "Failed to load validated:a below 10",
                      "input validation failed");
    g_assert_cmpint(s.b, ==, 0);
    g_assert_null(load_bytes(&vmstate_validated, &s, 1, good, sizeof(good),
                             NULL));
    g_assert_cmpint(s.b, ==, 1);
}

/* Versions and subsections */

typedef struct Versioned {
    uint32_t base;
    uint32_t added_v2;
    uint32_t extra;
    bool extra_needed;
} Versioned;

static bool versioned_extra_needed(void *opaque)
{
    return ((Versioned *)opaque)->extra_needed;
}

static const VMStateDescription vmstate_versioned_extra = {
    .name = "versioned/extra",
    .version_id = 1,
    .minimum_version_id = 1,
    .needed = versioned_extra_needed,
    .fields = (const VMStateField[]) {
        VMSTATE_UINT32(extra, Versioned),
        VMSTATE_END_OF_LIST()
    },
};

static const VMStateDescription vmstate_versioned = {
    .name = "versioned",
    .version_id = 2,
    .minimum_version_id = 1,
    .fields = (const VMStateField[]) {
        VMSTATE_UINT32(base, Versioned),
        VMSTATE_UINT32_V(added_v2, Versioned, 2),
        VMSTATE_END_OF_LIST()
    },
    .subsections = (const VMStateDescription * const []) {
        &vmstate_versioned_extra,
        NULL
    },
};

static void test_old_version_stream(void)
{
    static const uint8_t v1[] = { 0, 0, 0, 5 };
    Versioned v = { .added_v2 = 77, .extra = 88 };

    /* A version 1 stream: no added_v2, no subsection; both stay. */
    g_assert_null(load_bytes(&vmstate_versioned, &v, 1, v1, sizeof(v1),
                             NULL));
    g_assert_cmpuint(v.base, ==, 5);
    g_assert_cmpuint(v.added_v2, ==, 77);
    g_assert_cmpuint(v.extra, ==, 88);
}

static void test_version_range(void)
{
    static const uint8_t v[] = { 0, 0, 0, 5, 0, 0, 0, 6 };
    Versioned d = { 0 };

    assert_load_fails(&vmstate_versioned, &d, 3, v, sizeof(v),
                      "versioned: incoming version_id 3 is too new for "
                      "local version_id 2", NULL);
    assert_load_fails(&vmstate_versioned, &d, 0, v, sizeof(v),
                      "versioned: incoming version_id 0 is too old for "
                      "local minimum version_id 1", NULL);
}

static void test_subsection_round_trip(void)
{
    Versioned s = { 1, 2, 3, true };
    Versioned d = { 0 };
    g_autoptr(GByteArray) out = save_to_bytes(&vmstate_versioned, &s, NULL);
    static const uint8_t expect[] = {
        0, 0, 0, 1, 0, 0, 0, 2,
        0x05, 15, 'v', 'e', 'r', 's', 'i', 'o', 'n', 'e', 'd', '/',
        'e', 'x', 't', 'r', 'a', 0, 0, 0, 1, 0, 0, 0, 3,
    };

    g_assert_cmpmem(out->data, out->len, expect, sizeof(expect));
    g_assert_null(load_bytes(&vmstate_versioned, &d, 2, out->data, out->len,
                             NULL));
    g_assert_cmpuint(d.extra, ==, 3);
}

static void test_subsection_unknown(void)
{
    static const uint8_t unknown[] = {
        0, 0, 0, 1, 0, 0, 0, 2,
        0x05, 13, 'v', 'e', 'r', 's', 'i', 'o', 'n', 'e', 'd', '/',
        'b', 'a', 'd', 0, 0, 0, 1,
    };
    Versioned d = { 0 };
    int ret;
    g_autofree char *msg = load_bytes(&vmstate_versioned, &d, 2, unknown,
                                      sizeof(unknown), &ret);

    g_assert_cmpint(ret, ==, -ENOENT);
    g_assert_cmpstr(msg, ==, "Failed to load versioned: unknown subsection "
                    "'versioned/bad'");
}

static void test_subsection_foreign_name_ends_list(void)
{
    static const uint8_t foreign[] = {
        0, 0, 0, 1, 0, 0, 0, 2,
        0x05, 7, 'o', 't', 'h', 'e', 'r', '/', 'x',
    };
    QEMUFile *f = qemu_file_new_input_buffer(foreign, sizeof(foreign));
    Versioned d = { 0 };

    g_assert_cmpint(vmstate_load_state(f, &vmstate_versioned, &d, 2,
                                       &error_abort), ==, 0);
    /* The 0x05 is left for whoever reads next. */
    g_assert_cmpint(qemu_peek_byte(f, 0), ==, 0x05);
    g_assert_cmpuint(qemu_file_transferred(f), ==, 8);
    qemu_fclose(f);
}

/* Whole streams: sections, footers, the 4.12 example */

typedef struct Dummy {
    uint32_t a;
    QEMUTimer t;
} Dummy;

static const VMStateDescription vmstate_dummy = {
    .name = "dummy",
    .version_id = 1,
    .minimum_version_id = 1,
    .fields = (const VMStateField[]) {
        VMSTATE_UINT32(a, Dummy),
        VMSTATE_TIMER(t, Dummy),
        VMSTATE_END_OF_LIST()
    },
};

static const uint8_t example_412[] = {
    0x51, 0x45, 0x56, 0x4d, 0x00, 0x00, 0x00, 0x03,
    0x04, 0x00, 0x00, 0x00, 0x00,
    0x05, 0x64, 0x75, 0x6d, 0x6d, 0x79,
    0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x01,
    0x00, 0x00, 0x00, 0x2a,
    0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
    0x7e, 0x00, 0x00, 0x00, 0x00,
    0x00,
};

static char *loadvm_bytes(const void *bytes, size_t len)
{
    QEMUFile *f = qemu_file_new_input_buffer(bytes, len);
    Error *err = NULL;
    char *msg = NULL;

    if (qemu_loadvm_state(f, &err) < 0) {
        g_assert_nonnull(err);
        msg = g_strdup(error_get_pretty(err));
        error_free(err);
    }
    qemu_fclose(f);
    return msg;
}

static void test_example_412(void)
{
    Dummy d = { 0 };
    g_autofree char *msg = NULL;

    timer_init_ns(&d.t, QEMU_CLOCK_VIRTUAL, timer_cb, NULL);
    timer_mod_ns(&d.t, 1000);
    vmstate_register(NULL, 0, &vmstate_dummy, &d);
    savevm_set_send_configuration(false);
    msg = loadvm_bytes(example_412, sizeof(example_412));
    savevm_set_send_configuration(true);
    vmstate_unregister(NULL, &vmstate_dummy, &d);
    g_assert_null(msg);
    g_assert_cmpuint(d.a, ==, 42);
    g_assert_false(timer_pending(&d.t));
}

static void test_stream_header_errors(void)
{
    static const uint8_t bad_magic[] = { 'Q', 'E', 'V', 'N', 0, 0, 0, 3 };
    static const uint8_t v2[] = { 'Q', 'E', 'V', 'M', 0, 0, 0, 2 };
    static const uint8_t v4[] = { 'Q', 'E', 'V', 'M', 0, 0, 0, 4 };
    static const uint8_t no_config[] = { 'Q', 'E', 'V', 'M', 0, 0, 0, 3, 0 };
    static const uint8_t other_machine[] = {
        'Q', 'E', 'V', 'M', 0, 0, 0, 3, 0x07, 0, 0, 0, 3, 'f', 'o', 'o', 0,
    };
    static const uint8_t huge_name[] = {
        'Q', 'E', 'V', 'M', 0, 0, 0, 3, 0x07, 0xff, 0xff, 0xff, 0xf0, 'p',
    };
    g_autofree char *m1 = loadvm_bytes(bad_magic, sizeof(bad_magic));
    g_autofree char *m2 = loadvm_bytes(v2, sizeof(v2));
    g_autofree char *m3 = loadvm_bytes(v4, sizeof(v4));
    g_autofree char *m4 = loadvm_bytes(no_config, sizeof(no_config));
    g_autofree char *m5 = loadvm_bytes(other_machine, sizeof(other_machine));
    g_autofree char *m6 = loadvm_bytes(huge_name, sizeof(huge_name));
    g_autofree char *m7 = loadvm_bytes(bad_magic, 2);

    g_assert_cmpstr(m1, ==, "Not a migration stream");
    g_assert_cmpstr(m2, ==, "SaveVM v2 format is obsolete and don't work "
                    "anymore");
    g_assert_cmpstr(m3, ==, "Unsupported migration stream version");
    g_assert_cmpstr(m4, ==, "Configuration section missing");
    g_assert_cmpstr(m5, ==, "Failed to load configuration: Machine type "
                    "received is 'foo' and local is ''");
    g_assert_cmpstr(m6, ==, "Failed to load configuration:len: input "
                    "validation failed");
    g_assert_nonnull(strstr(m7, "Unexpected end of migration stream"));
}

/* A source-side stream with our dummy section, built by the save path. */
static GByteArray *save_stream(size_t *eof_pos)
{
    QEMUFile *f = qemu_file_new_output();
    JSONWriter *vmdesc = json_writer_new();
    GByteArray *out = g_byte_array_new();
    const uint8_t *data;
    size_t len;
    int ret;

    qemu_savevm_state_header(f, vmdesc);
    g_assert_cmpint(qemu_savevm_state_setup(f, vmdesc, &error_abort), ==,
                    0);
    do {
        ret = qemu_savevm_state_iterate(f, &error_abort);
        g_assert_cmpint(ret, >=, 0);
    } while (ret == 0);
    g_assert_cmpint(qemu_savevm_state_complete(f, vmdesc, &error_abort),
                    ==, 0);
    qemu_savevm_state_cleanup();
    data = qemu_file_output_data(f, &len);
    g_byte_array_append(out, data, len);
    /* EOF, then 0x06, be32 length, the JSON. */
    *eof_pos = len - strlen(json_writer_get(vmdesc)) - 5 - 1;
    g_assert_cmpuint(out->data[*eof_pos], ==, 0x00);
    g_assert_cmpuint(out->data[*eof_pos + 1], ==, 0x06);
    json_writer_free(vmdesc);
    qemu_fclose(f);
    return out;
}

static void test_stream_round_trip_and_truncation(void)
{
    Dummy src = { .a = 0x11223344 };
    Dummy dst = { 0 };
    g_autoptr(GByteArray) stream = NULL;
    g_autoptr(json_t) desc = NULL;
    g_autofree char *text = NULL;
    QDict *dev;
    size_t eof_pos, len;
    uint32_t jlen;

    timer_init_ns(&src.t, QEMU_CLOCK_VIRTUAL, timer_cb, NULL);
    timer_init_ns(&dst.t, QEMU_CLOCK_VIRTUAL, timer_cb, NULL);
    timer_mod_ns(&src.t, 5555);
    vmstate_register(NULL, 0, &vmstate_dummy, &src);
    stream = save_stream(&eof_pos);
    vmstate_unregister(NULL, &vmstate_dummy, &src);

    vmstate_register(NULL, 0, &vmstate_dummy, &dst);
    g_assert_null(loadvm_bytes(stream->data, stream->len));
    g_assert_cmpuint(dst.a, ==, 0x11223344);
    g_assert_cmpint(timer_expire_time_ns(&dst.t), ==, 5555);

    /* Every cut before EOF fails cleanly, with one message. */
    for (len = 0; len <= eof_pos; len++) {
        g_autofree char *msg = loadvm_bytes(stream->data, len);

        g_assert_nonnull(msg);
    }
    vmstate_unregister(NULL, &vmstate_dummy, &dst);

    /* The vmdesc after EOF describes the section. */
    jlen = ldl_be_p(stream->data + eof_pos + 2);
    g_assert_cmpuint(eof_pos + 6 + jlen, ==, stream->len);
    text = g_strndup((char *)stream->data + eof_pos + 6, jlen);
    desc = qobject_from_json(text, &error_abort);
    g_assert_cmpint(qdict_get_int(qobject_to(QDict, desc), "page_size"), ==,
                    4096);
    g_assert_nonnull(strstr(text, "{\"configuration\": {\"vmsd_name\": "
                            "\"configuration\", \"version\": 1, "
                            "\"fields\": [{\"name\": \"len\", "
                            "\"type\": \"uint32\", \"size\": 4}, "
                            "{\"name\": \"name\", \"type\": "
                            "\"buffer\", \"size\": 0}]}"));
    dev = qobject_to(QDict, qlist_get(qdict_get_qlist(qobject_to(QDict,
                                                                 desc),
                                                      "devices"), 0));
    g_assert_cmpstr(qdict_get_str(dev, "name"), ==, "dummy");
    g_assert_cmpint(qdict_get_int(dev, "instance_id"), ==, 0);
    g_assert_cmpstr(qdict_get_str(dev, "vmsd_name"), ==, "dummy");
    g_assert_cmpint(qdict_get_int(dev, "version"), ==, 1);
}

static void test_stream_section_errors(void)
{
    static const uint8_t hdr[] = { 'Q', 'E', 'V', 'M', 0, 0, 0, 3 };
    static const uint8_t unknown_name[] = {
        0x04, 0, 0, 0, 0, 5, 'd', 'u', 'm', 'm', 'z', 0, 0, 0, 0, 0, 0, 0, 1,
    };
    static const uint8_t unknown_instance[] = {
        0x04, 0, 0, 0, 0, 5, 'd', 'u', 'm', 'm', 'y', 0, 0, 0, 9, 0, 0, 0, 1,
    };
    static const uint8_t new_version[] = {
        0x04, 0, 0, 0, 0, 5, 'd', 'u', 'm', 'm', 'y', 0, 0, 0, 0, 0, 0, 0, 2,
    };
    static const uint8_t no_footer[] = {
        0x04, 0, 0, 0, 0, 5, 'd', 'u', 'm', 'm', 'y', 0, 0, 0, 0, 0, 0, 0, 1,
        0, 0, 0, 1, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x00,
    };
    static const uint8_t bad_footer[] = {
        0x04, 0, 0, 0, 3, 5, 'd', 'u', 'm', 'm', 'y', 0, 0, 0, 0, 0, 0, 0, 1,
        0, 0, 0, 1, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
        0x7e, 0, 0, 0, 4, 0x00,
    };
    static const uint8_t part_first[] = { 0x02, 0, 0, 0, 7 };
    static const uint8_t bad_type[] = { 0x42 };
    static const uint8_t bad_command[] = { 0x08, 0, 99, 0, 0 };
    static const struct {
        const uint8_t *body;
        size_t len;
        const char *expect;
    } cases[] = {
        { unknown_name, sizeof(unknown_name),
          "Unknown savevm section or instance 'dummz' 0. Make sure that "
          "your current VM setup matches your saved VM setup, including "
          "any hotplugged devices" },
        { unknown_instance, sizeof(unknown_instance),
          "Unknown savevm section or instance 'dummy' 9" },
        { new_version, sizeof(new_version),
          "savevm: unsupported version 2 for 'dummy' v1" },
        { no_footer, sizeof(no_footer), "Missing section footer for dummy" },
        { bad_footer, sizeof(bad_footer),
          "Mismatched section id in footer for dummy - read 0x4 expected "
          "0x3" },
        { part_first, sizeof(part_first), "Unknown savevm section 7" },
        { bad_type, sizeof(bad_type), "Unknown savevm section type 66" },
        { bad_command, sizeof(bad_command), "VM_COMMAND 0x63 unknown" },
    };
    Dummy d = { 0 };
    size_t i;

    timer_init_ns(&d.t, QEMU_CLOCK_VIRTUAL, timer_cb, NULL);
    vmstate_register(NULL, 0, &vmstate_dummy, &d);
    savevm_set_send_configuration(false);
    for (i = 0; i < G_N_ELEMENTS(cases); i++) {
        g_autoptr(GByteArray) s = g_byte_array_new();
        g_autofree char *msg = NULL;

        g_byte_array_append(s, hdr, sizeof(hdr));
        g_byte_array_append(s, cases[i].body, cases[i].len);
        msg = loadvm_bytes(s->data, s->len);
        g_assert_nonnull(msg);
        if (!strstr(msg, cases[i].expect)) {
            g_test_message("case %zu: %s", i, msg);
        }
        g_assert_nonnull(strstr(msg, cases[i].expect));
    }
    savevm_set_send_configuration(true);
    vmstate_unregister(NULL, &vmstate_dummy, &d);
}

static void test_section_error_names_device(void)
{
    static const uint8_t stream[] = {
        'Q', 'E', 'V', 'M', 0, 0, 0, 3,
        0x04, 0, 0, 0, 0, 7, 'b', 'o', 'u', 'n', 'd', 'e', 'd',
        0, 0, 0, 0, 0, 0, 0, 1,
        200,
    };
    Bounded b = { 0 };
    g_autofree char *msg = NULL;

    vmstate_register(NULL, 0, &vmstate_bounded_varray, &b);
    savevm_set_send_configuration(false);
    msg = loadvm_bytes(stream, sizeof(stream));
    savevm_set_send_configuration(true);
    vmstate_unregister(NULL, &vmstate_bounded_varray, &b);
    g_assert_cmpstr(msg, ==, "error while loading state for instance 0x0 of "
                    "device 'bounded': Failed to load bounded:timers: "
                    "element count 200 exceeds the 4 elements of the array");
}

static void test_instance_ids(void)
{
    Dummy a = { 1 }, b = { 2 };
    Dummy la = { 0 }, lb = { 0 };
    g_autoptr(GByteArray) stream = NULL;
    size_t eof_pos;

    timer_init_ns(&a.t, QEMU_CLOCK_VIRTUAL, timer_cb, NULL);
    timer_init_ns(&b.t, QEMU_CLOCK_VIRTUAL, timer_cb, NULL);
    timer_init_ns(&la.t, QEMU_CLOCK_VIRTUAL, timer_cb, NULL);
    timer_init_ns(&lb.t, QEMU_CLOCK_VIRTUAL, timer_cb, NULL);
    vmstate_register_any(NULL, &vmstate_dummy, &a);
    vmstate_register_any(NULL, &vmstate_dummy, &b);
    stream = save_stream(&eof_pos);
    vmstate_unregister(NULL, &vmstate_dummy, &a);
    vmstate_unregister(NULL, &vmstate_dummy, &b);

    /* Loaded by (name, instance): the second one goes to lb. */
    vmstate_register_with_alias_id(NULL, VMSTATE_INSTANCE_ID_ANY,
                                   &vmstate_dummy, &la, 0x70, 1,
                                   &error_abort);
    vmstate_register_any(NULL, &vmstate_dummy, &lb);
    g_assert_null(loadvm_bytes(stream->data, stream->len));
    g_assert_cmpuint(la.a, ==, 1);
    g_assert_cmpuint(lb.a, ==, 2);
    vmstate_unregister(NULL, &vmstate_dummy, &la);
    vmstate_unregister(NULL, &vmstate_dummy, &lb);
}

/* "ram" */

static MemoryRegion *test_ram;

static void ram_fill_pattern(uint8_t *host, size_t size)
{
    size_t i;

    memset(host, 0, size);
    /* Page 1 patterned, page 3 one byte, the rest zero. */
    for (i = 0; i < 4096; i++) {
        host[4096 + i] = i * 7 + 3;
    }
    host[3 * 4096 + 100] = 0x5a;
}

static void test_ram_round_trip(void)
{
    uint8_t *host = memory_region_get_ram_ptr(test_ram);
    g_autofree uint8_t *copy = NULL;
    g_autoptr(GByteArray) stream = NULL;
    RAMMigrationStats st;
    size_t eof_pos;

    ram_fill_pattern(host, 64 * KiB);
    copy = g_memdup2(host, 64 * KiB);
    stream = save_stream(&eof_pos);
    ram_get_stats(&st);
    g_assert_cmpuint(st.total_pages, ==, 16);
    g_assert_cmpuint(st.normal, ==, 2);
    g_assert_cmpuint(st.duplicate, ==, 14);
    /* Zero pages cost 9 bytes each, not 4 KiB. */
    g_assert_cmpuint(stream->len, <, 3 * 4096);

    memset(host, 0xee, 64 * KiB);
    g_assert_null(loadvm_bytes(stream->data, stream->len));
    g_assert_cmpmem(host, 64 * KiB, copy, 64 * KiB);
}

static void test_ram_hostile(void)
{
    static const uint8_t hdr[] = {
        'Q', 'E', 'V', 'M', 0, 0, 0, 3,
        0x01, 0, 0, 0, 0, 3, 'r', 'a', 'm', 0, 0, 0, 0, 0, 0, 0, 4,
    };
    static const uint8_t unknown_block[] = {
        0, 0, 0, 0, 0, 1, 0, 0x04, 5, 'n', 'o', 'p', 'e', '!',
        0, 0, 0, 0, 0, 1, 0, 0,
    };
    static const uint8_t size_mismatch[] = {
        0, 0, 0, 0, 0, 1, 0, 0x04, 8, 't', 'e', 's', 't', '.', 'r', 'a', 'm',
        0, 0, 0, 0, 0, 0, 0x10, 0,
    };
    static const uint8_t bad_offset[] = {
        0, 0, 0, 0, 0, 1, 0, 0x08, 8, 't', 'e', 's', 't', '.', 'r', 'a', 'm',
    };
    static const uint8_t continue_first[] = {
        0, 0, 0, 0, 0, 0, 0, 0x22, 0,
    };
    static const uint8_t bad_flags[] = {
        0, 0, 0, 0, 0, 0, 0, 0x40,
    };
    static const struct {
        const uint8_t *body;
        size_t len;
        const char *expect;
    } cases[] = {
        { unknown_block, sizeof(unknown_block),
          "Unknown ramblock \"nope!\", cannot accept migration" },
        { size_mismatch, sizeof(size_mismatch),
          "Size mismatch: test.ram: 0x10000 != 0x1000" },
        { bad_offset, sizeof(bad_offset), "Illegal RAM offset 0x10000" },
        { continue_first, sizeof(continue_first),
          "CONTINUE record without a previous block" },
        { bad_flags, sizeof(bad_flags),
          "Unknown combination of migration flags: 0x40" },
    };
    size_t i;

    savevm_set_send_configuration(false);
    for (i = 0; i < G_N_ELEMENTS(cases); i++) {
        g_autoptr(GByteArray) s = g_byte_array_new();
        g_autofree char *msg = NULL;

        g_byte_array_append(s, hdr, sizeof(hdr));
        g_byte_array_append(s, cases[i].body, cases[i].len);
        msg = loadvm_bytes(s->data, s->len);
        g_assert_nonnull(msg);
        if (!strstr(msg, cases[i].expect)) {
            g_test_message("case %zu: %s", i, msg);
        }
        g_assert_nonnull(strstr(msg, cases[i].expect));
        g_assert_nonnull(strstr(msg, "of device 'ram'"));
    }
    savevm_set_send_configuration(true);
}

/* -dump-vmstate */

static const VMStateDescription vmstate_dump_sub = {
    .name = "dumpdev/sub",
    .version_id = 1,
    .minimum_version_id = 1,
    .fields = (const VMStateField[]) {
        VMSTATE_UINT8(u8, AllKinds),
        VMSTATE_END_OF_LIST()
    },
};

static const VMStateDescription vmstate_dump = {
    .name = "dumpdev",
    .version_id = 3,
    .minimum_version_id = 2,
    .fields = (const VMStateField[]) {
        VMSTATE_UNUSED(4),
        VMSTATE_VALIDATE("never dumped", all_le_is_small),
        VMSTATE_UINT32_ARRAY(a32, AllKinds, 2),
        VMSTATE_STRUCT(inner, AllKinds, 1, vmstate_inner, Inner),
        VMSTATE_END_OF_LIST()
    },
    .subsections = (const VMStateDescription * const []) {
        &vmstate_dump_sub,
        NULL
    },
};

static void dump_test_class_init(ObjectClass *klass, const void *data)
{
    DEVICE_CLASS(klass)->vmsd = &vmstate_dump;
}

static const TypeInfo dump_test_type = {
    .name = "dump-test-device",
    .parent = TYPE_DEVICE,
    .instance_size = sizeof(DeviceState),
    .class_init = dump_test_class_init,
};

static void test_dump_vmstate(void)
{
    static const char expect[] =
        "  \"dump-test-device\": {\n"
        "    \"Name\": \"dump-test-device\",\n"
        "    \"version_id\": 3,\n"
        "    \"minimum_version_id\": 2,\n"
        "    \"Description\": {\n"
        "      \"name\": \"dumpdev\",\n"
        "      \"version_id\": 3,\n"
        "      \"minimum_version_id\": 2,\n"
        "      \"Fields\": [\n"
        "        {\n"
        "          \"field\": \"unused\",\n"
        "          \"version_id\": 0,\n"
        "          \"field_exists\": false,\n"
        "          \"size\": 4\n"
        "        },\n"
        "        {\n"
        "          \"field\": \"a32\",\n"
        "          \"version_id\": 0,\n"
        "          \"field_exists\": false,\n"
        "          \"num\": 2,\n"
        "          \"size\": 4\n"
        "        },\n"
        "        {\n"
        "          \"field\": \"inner\",\n"
        "          \"version_id\": 1,\n"
        "          \"field_exists\": false,\n"
        "          \"size\": 8,\n"
        "          \"Description\": {\n"
        "            \"name\": \"inner\",\n"
        "            \"version_id\": 1,\n"
        "            \"minimum_version_id\": 1,\n"
        "            \"Fields\": [\n";
    char *text = NULL;
    size_t size = 0;
    FILE *f = open_memstream(&text, &size);
    g_autoptr(json_t) obj = NULL;
    QDict *dict, *dev;
    const QDictEntry *ent;

    type_register_static(&dump_test_type);
    dump_vmstate_json_to_file(f);
    fclose(f);
    g_assert_true(g_str_has_prefix(text, "{\n  \"vmschkmachine\": {\n"
                                   "    \"Name\": \"\"\n  },\n"));
    g_assert_nonnull(strstr(text, expect));
    g_assert_null(strstr(text, "never dumped"));

    obj = qobject_from_json(text, &error_abort);
    dict = qobject_to(QDict, obj);
    ent = qdict_first(dict);
    g_assert_cmpstr(qdict_entry_key(ent), ==, "vmschkmachine");
    dev = qdict_get_qdict(dict, "dump-test-device");
    ent = qdict_first(dev);
    g_assert_cmpstr(qdict_entry_key(ent), ==, "Name");
    ent = qdict_next(dev, ent);
    g_assert_cmpstr(qdict_entry_key(ent), ==, "version_id");
    dev = qdict_get_qdict(dev, "Description");
    g_assert_cmpstr(qdict_get_str(qobject_to(QDict, qlist_get(
                        qdict_get_qlist(dev, "Subsections"), 0)), "name"),
                    ==, "dumpdev/sub");
    free(text);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    module_call_init(MODULE_INIT_QOM);

    test_ram = g_new0(MemoryRegion, 1);
    memory_region_init_ram(test_ram, NULL, "test.ram", 64 * KiB,
                           &error_abort);
    ram_mig_init();

    g_test_add_func("/vmstate/wire/scalars", test_wire_scalars);
    g_test_add_func("/vmstate/round-trip/all-kinds",
                    test_round_trip_all_kinds);
    g_test_add_func("/vmstate/bounds/struct-varray",
                    test_bound_struct_varray);
    g_test_add_func("/vmstate/bounds/negative-count",
                    test_bound_negative_count);
    g_test_add_func("/vmstate/bounds/vbuffer", test_bound_vbuffer);
    g_test_add_func("/vmstate/bounds/alloc-short-stream",
                    test_bound_alloc_short_stream);
    g_test_add_func("/vmstate/bounds/le-and-equal", test_bound_le_and_equal);
    g_test_add_func("/vmstate/bounds/fifo8", test_bound_fifo8);
    g_test_add_func("/vmstate/bounds/nullptr-marker",
                    test_bound_nullptr_marker);
    g_test_add_func("/vmstate/bounds/truncated", test_truncated_names_field);
    g_test_add_func("/vmstate/validate", test_validate);
    g_test_add_func("/vmstate/clock", test_clock_subsection);
    g_test_add_func("/vmstate/version/old-stream", test_old_version_stream);
    g_test_add_func("/vmstate/version/range", test_version_range);
    g_test_add_func("/vmstate/subsection/round-trip",
                    test_subsection_round_trip);
    g_test_add_func("/vmstate/subsection/unknown", test_subsection_unknown);
    g_test_add_func("/vmstate/subsection/foreign-name",
                    test_subsection_foreign_name_ends_list);
    g_test_add_func("/savevm/example-4.12", test_example_412);
    g_test_add_func("/savevm/header-errors", test_stream_header_errors);
    g_test_add_func("/savevm/round-trip-and-truncation",
                    test_stream_round_trip_and_truncation);
    g_test_add_func("/savevm/section-errors", test_stream_section_errors);
    g_test_add_func("/savevm/error-names-device",
                    test_section_error_names_device);
    g_test_add_func("/savevm/instance-ids", test_instance_ids);
    g_test_add_func("/ram/round-trip", test_ram_round_trip);
    g_test_add_func("/ram/hostile", test_ram_hostile);
    g_test_add_func("/savevm/dump-vmstate", test_dump_vmstate);
    return g_test_run();
}
