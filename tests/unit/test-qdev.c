/*
 * Unit tests for the device core: qdev properties, -global, realize,
 * GPIO lines, IRQ interception, reset, buses, the system bus, clocks.
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "qemu/module.h"
#include "hw/core/irq.h"
#include "hw/core/qdev.h"
#include "hw/core/qdev-properties.h"
#include "hw/core/qdev-clock.h"
#include "hw/core/sysbus.h"
#include "system/address-spaces.h"
#include "system/reset.h"
#ifdef TEST_QDEV_CHARDEV
#include "hw/core/qdev-properties-system.h"
#include "chardev/char.h"
#include "chardev/char-fe.h"
#endif

#define ATTRS MEMTXATTRS_UNSPECIFIED

#define TYPE_TEST_BASE "test-base"
#define TYPE_TEST_DEV "test-dev"
#define TYPE_TEST_GLOBAL_BASE "test-global-base"
#define TYPE_TEST_GLOBAL "test-global-dev"
#define TYPE_TEST_BUS "test-bus"
#define TYPE_TEST_LEAF "test-leaf"
#define TYPE_TEST_LEGACY "test-legacy"
#define TYPE_TEST_SBD "test-sbd"

/* What phases, handlers and callbacks did, in order ("hold:a", ...). */
static GPtrArray *event_log;

static void log_event(const char *fmt, ...) G_GNUC_PRINTF(1, 2);

static void log_event(const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    g_ptr_array_add(event_log, g_strdup_vprintf(fmt, ap));
    va_end(ap);
}

static void log_clear(void)
{
    g_ptr_array_set_size(event_log, 0);
}

/* The log as one space-separated string; the caller frees it. */
static char *log_text(void)
{
    GString *text = g_string_new("");
    guint i;

    for (i = 0; i < event_log->len; i++) {
        if (i != 0) {
            g_string_append_c(text, ' ');
        }
        g_string_append(text, g_ptr_array_index(event_log, i));
    }
    return g_string_free(text, FALSE);
}

static void assert_log(const char *expected)
{
    g_autofree char *text = log_text();

    g_assert_cmpstr(text, ==, expected);
    log_clear();
}

/* A handler for free-standing lines: records the last call. */
typedef struct IrqRecord {
    int n;
    int level;
    int calls;
} IrqRecord;

static void record_irq(void *opaque, int n, int level)
{
    IrqRecord *rec = opaque;

    rec->n = n;
    rec->level = level;
    rec->calls++;
}

/*
 * test-dev: one property of every kind, three unnamed inputs (made by
 * two calls), a named input "ctl", two unnamed outputs, a named output
 * "status", a clock input and output, and a child bus.
 */
typedef struct TestDev {
    DeviceState parent_obj;

    bool flag;
    uint32_t bits;
    uint64_t bits64;
    uint8_t u8;
    uint16_t u16;
    uint32_t u32;
    int32_t i32;
    uint64_t u64;
    int64_t i64;
    uint64_t size;
    char *label;
    DeviceState *peer;
    uint32_t nr_vals;
    uint32_t *vals;
    bool fail;

    qemu_irq out[2];
    qemu_irq status;
    int in_level[3];
    int in_calls;
    int ctl_level;
    Clock *clk;
    Clock *clkout;
    BusState *bus;
    int realize_calls;
    int unrealize_calls;
} TestDev;

OBJECT_DECLARE_SIMPLE_TYPE(TestDev, TEST_DEV)

/* test-leaf: a device for test-bus that logs its reset phases. */
typedef struct TestLeaf {
    DeviceState parent_obj;

    char *label;
} TestLeaf;

OBJECT_DECLARE_SIMPLE_TYPE(TestLeaf, TEST_LEAF)

/* test-sbd: a sysbus device with one MMIO region and two IRQs. */
typedef struct TestSbd {
    SysBusDevice parent_obj;

    MemoryRegion iomem;
    qemu_irq irq[2];
    uint32_t reg;
} TestSbd;

OBJECT_DECLARE_SIMPLE_TYPE(TestSbd, TEST_SBD)

static const char *test_dev_label(Object *obj)
{
    TestDev *s = TEST_DEV(obj);

    return s->label != NULL ? s->label : "dev";
}

static void test_dev_gpio_in(void *opaque, int n, int level)
{
    TestDev *s = opaque;

    g_assert_cmpint(n, >=, 0);
    g_assert_cmpint(n, <, ARRAY_SIZE(s->in_level));
    s->in_level[n] = level;
    s->in_calls++;
}

static void test_dev_ctl_in(void *opaque, int n, int level)
{
    TestDev *s = opaque;

    g_assert_cmpint(n, ==, 0);
    s->ctl_level = level;
}

static void test_dev_clk_cb(void *opaque, int event)
{
    TestDev *s = opaque;

    log_event("clk:%s:%" PRIu64, event == ClockPreUpdate ? "pre" : "update",
              clock_get(s->clk));
}

static void test_dev_init(Object *obj)
{
    DeviceState *dev = DEVICE(obj);
    TestDev *s = TEST_DEV(obj);

    qdev_init_gpio_in(dev, test_dev_gpio_in, 2);
    qdev_init_gpio_in(dev, test_dev_gpio_in, 1);
    qdev_init_gpio_in_named(dev, test_dev_ctl_in, "ctl", 1);
    qdev_init_gpio_out(dev, s->out, 2);
    qdev_init_gpio_out_named(dev, &s->status, "status", 1);
    s->clk = qdev_init_clock_in(dev, "clk", test_dev_clk_cb, s,
                                ClockPreUpdate | ClockUpdate);
    s->clkout = qdev_init_clock_out(dev, "clkout");
    s->bus = qbus_new(TYPE_TEST_BUS, dev, NULL);
}

static void test_dev_realize(DeviceState *dev, Error **errp)
{
    TestDev *s = TEST_DEV(dev);
    g_autofree char *path = object_get_canonical_path(OBJECT(dev));

    s->realize_calls++;
    log_event("realize:%s", path);
    if (s->fail) {
        error_setg(errp, "test-dev: told to fail");
    }
}

static void test_dev_unrealize(DeviceState *dev)
{
    TEST_DEV(dev)->unrealize_calls++;
}

static void test_dev_enter(Object *obj, ResetType type)
{
    log_event("enter:%s", test_dev_label(obj));
}

static void test_dev_hold(Object *obj, ResetType type)
{
    g_assert_true(device_is_in_reset(DEVICE(obj)));
    log_event("hold:%s", test_dev_label(obj));
}

static void test_dev_exit(Object *obj, ResetType type)
{
    log_event("exit:%s", test_dev_label(obj));
}

static const Property test_dev_props[] = {
    DEFINE_PROP_BOOL("flag", TestDev, flag, true),
    DEFINE_PROP_BIT("bit3", TestDev, bits, 3, true),
    DEFINE_PROP_BIT("bit5", TestDev, bits, 5, false),
    DEFINE_PROP_BIT64("bit40", TestDev, bits64, 40, true),
    DEFINE_PROP_UINT8("u8", TestDev, u8, 200),
    DEFINE_PROP_UINT16("u16", TestDev, u16, 0x1234),
    DEFINE_PROP_UINT32("u32", TestDev, u32, 0xdeadbeef),
    DEFINE_PROP_INT32("i32", TestDev, i32, -5),
    DEFINE_PROP_UINT64("u64", TestDev, u64, UINT64_MAX),
    DEFINE_PROP_INT64("i64", TestDev, i64, INT64_MIN),
    DEFINE_PROP_SIZE("size", TestDev, size, 4096),
    DEFINE_PROP_STRING("label", TestDev, label),
    DEFINE_PROP_LINK("peer", TestDev, peer, TYPE_DEVICE, DeviceState *),
    DEFINE_PROP_ARRAY("vals", TestDev, nr_vals, vals, qdev_prop_uint32,
                      uint32_t),
    DEFINE_PROP_BOOL("fail", TestDev, fail, false),
};

static void test_dev_class_init(ObjectClass *klass, const void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);
    ResettableClass *rc = RESETTABLE_CLASS(klass);

    dc->realize = test_dev_realize;
    dc->unrealize = test_dev_unrealize;
    rc->phases.enter = test_dev_enter;
    rc->phases.hold = test_dev_hold;
    rc->phases.exit = test_dev_exit;
    device_class_set_props(dc, test_dev_props);
}

static const char *test_leaf_label(Object *obj)
{
    TestLeaf *s = TEST_LEAF(obj);

    return s->label != NULL ? s->label : "leaf";
}

static void test_leaf_enter(Object *obj, ResetType type)
{
    log_event("enter:%s", test_leaf_label(obj));
}

static void test_leaf_hold(Object *obj, ResetType type)
{
    g_assert_true(device_is_in_reset(DEVICE(obj)));
    log_event("hold:%s", test_leaf_label(obj));
}

static void test_leaf_exit(Object *obj, ResetType type)
{
    log_event("exit:%s", test_leaf_label(obj));
}

static const Property test_leaf_props[] = {
    DEFINE_PROP_STRING("label", TestLeaf, label),
};

static void test_leaf_class_init(ObjectClass *klass, const void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);
    ResettableClass *rc = RESETTABLE_CLASS(klass);

    dc->bus_type = TYPE_TEST_BUS;
    rc->phases.enter = test_leaf_enter;
    rc->phases.hold = test_leaf_hold;
    rc->phases.exit = test_leaf_exit;
    device_class_set_props(dc, test_leaf_props);
}

static void test_legacy_reset(DeviceState *dev)
{
    log_event("legacy:%s", test_leaf_label(OBJECT(dev)));
}

static void test_legacy_class_init(ObjectClass *klass, const void *data)
{
    device_class_set_legacy_reset(DEVICE_CLASS(klass), test_legacy_reset);
}

static uint64_t test_sbd_read(void *opaque, hwaddr addr, unsigned size)
{
    TestSbd *s = opaque;

    return addr == 0 ? s->reg : 0x100 + addr;
}

static void test_sbd_write(void *opaque, hwaddr addr, uint64_t data,
                           unsigned size)
{
    TestSbd *s = opaque;

    if (addr == 0) {
        s->reg = data;
    }
}

static const MemoryRegionOps test_sbd_ops = {
    .read = test_sbd_read,
    .write = test_sbd_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
    .valid = { .min_access_size = 4, .max_access_size = 4 },
    .impl = { .min_access_size = 4, .max_access_size = 4 },
};

static void test_sbd_init(Object *obj)
{
    TestSbd *s = TEST_SBD(obj);
    SysBusDevice *sbd = SYS_BUS_DEVICE(obj);

    memory_region_init_io(&s->iomem, obj, &test_sbd_ops, s, "test-sbd",
                          0x100);
    sysbus_init_mmio(sbd, &s->iomem);
    sysbus_init_irq(sbd, &s->irq[0]);
    sysbus_init_irq(sbd, &s->irq[1]);
}

static void test_sbd_reset(DeviceState *dev)
{
    TEST_SBD(dev)->reg = 0x5a;
    log_event("sbd-reset");
}

static void test_sbd_connect_notifier(SysBusDevice *sbd, qemu_irq irq)
{
    log_event("notify:%d", irq != NULL ? irq->n : -1);
}

static void test_sbd_class_init(ObjectClass *klass, const void *data)
{
    SysBusDeviceClass *sbc = SYS_BUS_DEVICE_CLASS(klass);

    sbc->connect_irq_notifier = test_sbd_connect_notifier;
    device_class_set_legacy_reset(DEVICE_CLASS(klass), test_sbd_reset);
}

#ifdef TEST_QDEV_CHARDEV
#define TYPE_TEST_CHR "test-chr-dev"

typedef struct TestChr {
    DeviceState parent_obj;

    CharFrontend fe;
} TestChr;

OBJECT_DECLARE_SIMPLE_TYPE(TestChr, TEST_CHR)

static const Property test_chr_props[] = {
    DEFINE_PROP_CHR("chardev", TestChr, fe),
};

static void test_chr_class_init(ObjectClass *klass, const void *data)
{
    device_class_set_props(DEVICE_CLASS(klass), test_chr_props);
}
#endif

static const TypeInfo test_types[] = {
    {
        .name          = TYPE_TEST_BUS,
        .parent        = TYPE_BUS,
        .instance_size = sizeof(BusState),
    },
    {
        .name          = TYPE_TEST_BASE,
        .parent        = TYPE_DEVICE,
        .instance_size = sizeof(TestDev),
        .abstract      = true,
    },
    {
        .name          = TYPE_TEST_DEV,
        .parent        = TYPE_TEST_BASE,
        .instance_init = test_dev_init,
        .class_init    = test_dev_class_init,
    },
    {
        .name          = TYPE_TEST_GLOBAL_BASE,
        .parent        = TYPE_TEST_DEV,
        .abstract      = true,
    },
    {
        .name          = TYPE_TEST_GLOBAL,
        .parent        = TYPE_TEST_GLOBAL_BASE,
    },
    {
        .name          = TYPE_TEST_LEAF,
        .parent        = TYPE_DEVICE,
        .instance_size = sizeof(TestLeaf),
        .class_init    = test_leaf_class_init,
    },
    {
        .name          = TYPE_TEST_LEGACY,
        .parent        = TYPE_TEST_LEAF,
        .class_init    = test_legacy_class_init,
    },
    {
        .name          = TYPE_TEST_SBD,
        .parent        = TYPE_SYS_BUS_DEVICE,
        .instance_size = sizeof(TestSbd),
        .instance_init = test_sbd_init,
        .class_init    = test_sbd_class_init,
    },
#ifdef TEST_QDEV_CHARDEV
    {
        .name          = TYPE_TEST_CHR,
        .parent        = TYPE_DEVICE,
        .instance_size = sizeof(TestChr),
        .class_init    = test_chr_class_init,
    },
#endif
};
DEFINE_TYPES(test_types)

/* Realize a new device of @type called @label on @bus; the tree owns it. */
static DeviceState *realize_labelled(const char *type, const char *label,
                                     BusState *bus)
{
    DeviceState *dev = qdev_new(type);

    qdev_prop_set_string(dev, "label", label);
    qdev_realize_and_unref(dev, bus, &error_abort);
    return dev;
}

static void assert_error(Error **errp, const char *expected)
{
    g_assert_nonnull(*errp);
    g_assert_cmpstr(error_get_pretty(*errp), ==, expected);
    error_free(*errp);
    *errp = NULL;
}

static void test_props_defaults(void)
{
    DeviceState *dev = qdev_new(TYPE_TEST_DEV);
    Object *obj = OBJECT(dev);
    TestDev *s = TEST_DEV(dev);
    g_autofree char *label = NULL;
    ObjectProperty *op;
    uint64_t u;

    g_assert_true(s->flag);
    g_assert_cmphex(s->bits, ==, 1u << 3);
    g_assert_cmphex(s->bits64, ==, 1ull << 40);
    g_assert_cmpuint(s->u8, ==, 200);
    g_assert_cmphex(s->u16, ==, 0x1234);
    g_assert_cmphex(s->u32, ==, 0xdeadbeef);
    g_assert_cmpint(s->i32, ==, -5);
    g_assert_cmphex(s->u64, ==, UINT64_MAX);
    g_assert_cmpint(s->i64, ==, INT64_MIN);
    g_assert_cmpuint(s->size, ==, 4096);
    g_assert_null(s->label);
    g_assert_null(s->peer);
    g_assert_cmpuint(s->nr_vals, ==, 0);

    g_assert_cmphex(object_property_get_uint(obj, "u32", &error_abort), ==,
                    0xdeadbeef);
    g_assert_cmpint(object_property_get_int(obj, "i32", &error_abort), ==,
                    -5);
    g_assert_true(object_property_get_bool(obj, "bit3", &error_abort));
    g_assert_false(object_property_get_bool(obj, "bit5", &error_abort));
    label = object_property_get_str(obj, "label", &error_abort);
    g_assert_cmpstr(label, ==, "");

    op = object_property_find(obj, "u16");
    g_assert_nonnull(op);
    g_assert_cmpstr(op->type, ==, "uint16");
    g_assert_nonnull(op->defval);
    g_assert_true(qnum_get_try_uint(op->defval, &u));
    g_assert_cmphex(u, ==, 0x1234);
    g_assert_cmpstr(object_property_get_type(obj, "flag", &error_abort), ==,
                    "bool");
    g_assert_cmpstr(object_property_get_type(obj, "bit40", &error_abort), ==,
                    "bool");
    g_assert_cmpstr(object_property_get_type(obj, "size", &error_abort), ==,
                    "size");
    g_assert_cmpstr(object_property_get_type(obj, "label", &error_abort), ==,
                    "str");
    g_assert_cmpstr(object_property_get_type(obj, "peer", &error_abort), ==,
                    "link<device>");
    g_assert_cmpstr(object_property_get_type(obj, "vals", &error_abort), ==,
                    "list");
    g_assert_cmpstr(object_property_get_type(obj, "realized", &error_abort),
                    ==, "bool");

    object_unref(obj);
}

static void test_props_set(void)
{
    DeviceState *dev = qdev_new(TYPE_TEST_DEV);
    Object *obj = OBJECT(dev);
    TestDev *s = TEST_DEV(dev);
    g_autofree char *label = NULL;
    QList *list;
    QObject *got;
    Error *err = NULL;

    qdev_prop_set_uint8(dev, "u8", 7);
    g_assert_cmpuint(s->u8, ==, 7);
    object_property_parse(obj, "u16", "0x10", &error_abort);
    g_assert_cmpuint(s->u16, ==, 16);
    qdev_prop_set_uint32(dev, "u32", 0xffffffff);
    g_assert_cmphex(s->u32, ==, 0xffffffff);
    qdev_prop_set_int32(dev, "i32", INT32_MIN);
    g_assert_cmpint(s->i32, ==, INT32_MIN);
    qdev_prop_set_uint64(dev, "u64", 0x123456789abcdefull);
    g_assert_cmphex(s->u64, ==, 0x123456789abcdefull);
    object_property_parse(obj, "i64", "-9", &error_abort);
    g_assert_cmpint(s->i64, ==, -9);

    object_property_parse(obj, "flag", "off", &error_abort);
    g_assert_false(s->flag);
    object_property_parse(obj, "bit5", "on", &error_abort);
    g_assert_cmphex(s->bits, ==, (1u << 3) | (1u << 5));
    qdev_prop_set_bit(dev, "bit3", false);
    g_assert_cmphex(s->bits, ==, 1u << 5);
    object_property_parse(obj, "bit40", "off", &error_abort);
    g_assert_cmphex(s->bits64, ==, 0);

    object_property_parse(obj, "size", "64K", &error_abort);
    g_assert_cmpuint(s->size, ==, 64 * 1024);
    object_property_parse(obj, "size", "2m", &error_abort);
    g_assert_cmpuint(s->size, ==, 2 * 1024 * 1024);
    g_assert_false(object_property_parse(obj, "size", "12x", &err));
    g_assert_nonnull(err);
    error_free(err);
    err = NULL;
    g_assert_cmpuint(s->size, ==, 2 * 1024 * 1024);

    qdev_prop_set_string(dev, "label", "hello");
    g_assert_cmpstr(s->label, ==, "hello");
    label = object_property_get_str(obj, "label", &error_abort);
    g_assert_cmpstr(label, ==, "hello");

    list = qlist_new();
    qlist_append_int(list, 1);
    qlist_append_int(list, 2);
    qlist_append_int(list, 0xffffffff);
    qdev_prop_set_array(dev, "vals", list);
    g_assert_cmpuint(s->nr_vals, ==, 3);
    g_assert_cmpuint(s->vals[0], ==, 1);
    g_assert_cmpuint(s->vals[1], ==, 2);
    g_assert_cmphex(s->vals[2], ==, 0xffffffff);
    got = object_property_get_qobject(obj, "vals", &error_abort);
    g_assert_cmpuint(qlist_size(got), ==, 3);
    g_assert_cmpint(qnum_get_int(qlist_get(got, 1)), ==, 2);
    qobject_unref(got);

    /* A bad element leaves the array empty. */
    list = qlist_new();
    qlist_append_int(list, 5);
    qlist_append_int(list, 1ll << 33);
    g_assert_false(object_property_set_qobject(obj, "vals", list, &err));
    qobject_unref(list);
    assert_error(&err, "Property test-dev.vals doesn't take value "
                 "8589934592 (minimum: 0, maximum: 4294967295)");
    g_assert_cmpuint(s->nr_vals, ==, 0);
    g_assert_null(s->vals);

    object_unref(obj);
}

static void test_props_link(void)
{
    DeviceState *dev = qdev_new(TYPE_TEST_DEV);
    DeviceState *peer = qdev_new(TYPE_TEST_LEAF);
    Object *obj = OBJECT(dev);
    TestDev *s = TEST_DEV(dev);
    g_autofree char *path = NULL;
    Error *err = NULL;

    object_property_add_child(machine_get_container("unattached"),
                              "test-peer", OBJECT(peer));
    object_unref(OBJECT(peer));

    object_property_set_link(obj, "peer", OBJECT(peer), &error_abort);
    g_assert_true(s->peer == peer);
    g_assert_true(object_property_get_link(obj, "peer", &error_abort) ==
                  OBJECT(peer));
    path = object_property_get_str(obj, "peer", &error_abort);
    g_assert_cmpstr(path, ==, "/machine/unattached/test-peer");
    /* The link holds a reference of its own. */
    g_assert_cmpuint(OBJECT(peer)->ref, ==, 2);

    g_assert_false(object_property_set_str(obj, "peer", "/nope", &err));
    assert_error(&err, "Device '/nope' not found");
    g_assert_false(object_property_set_str(obj, "peer", "/machine", &err));
    assert_error(&err, "Invalid parameter type for 'peer', expected: device");
    g_assert_true(s->peer == peer);

    object_property_set_str(obj, "peer", "", &error_abort);
    g_assert_null(s->peer);
    g_assert_cmpuint(OBJECT(peer)->ref, ==, 1);

    object_property_set_link(obj, "peer", OBJECT(peer), &error_abort);
    object_unref(obj);
    g_assert_cmpuint(OBJECT(peer)->ref, ==, 1);
    object_unparent(OBJECT(peer));
}

static void test_props_range(void)
{
    DeviceState *dev = qdev_new(TYPE_TEST_DEV);
    Object *obj = OBJECT(dev);
    TestDev *s = TEST_DEV(dev);
    Error *err = NULL;

    g_assert_false(object_property_set_uint(obj, "u8", 256, &err));
    assert_error(&err, "Property test-dev.u8 doesn't take value 256 "
                 "(minimum: 0, maximum: 255)");
    g_assert_cmpuint(s->u8, ==, 200);

    g_assert_false(object_property_parse(obj, "u16", "65536", &err));
    assert_error(&err, "Property test-dev.u16 doesn't take value 65536 "
                 "(minimum: 0, maximum: 65535)");
    g_assert_cmphex(s->u16, ==, 0x1234);

    g_assert_false(object_property_set_int(obj, "i32", 1ll << 31, &err));
    assert_error(&err, "Property test-dev.i32 doesn't take value "
                 "2147483648 (minimum: -2147483648, maximum: 2147483647)");
    g_assert_false(object_property_set_int(obj, "i32", -(1ll << 31) - 1,
                                           &err));
    assert_error(&err, "Property test-dev.i32 doesn't take value "
                 "-2147483649 (minimum: -2147483648, maximum: 2147483647)");
    g_assert_cmpint(s->i32, ==, -5);

    g_assert_false(object_property_set_int(obj, "u32", -1, &err));
    g_assert_nonnull(err);
    error_free(err);
    err = NULL;
    g_assert_cmphex(s->u32, ==, 0xdeadbeef);

    g_assert_false(object_property_set_str(obj, "flag", "maybe", &err));
    g_assert_nonnull(err);
    error_free(err);
    g_assert_true(s->flag);

    object_unref(obj);
}

static void test_props_after_realize(void)
{
    DeviceState *dev = qdev_new(TYPE_TEST_DEV);
    Object *obj = OBJECT(dev);
    TestDev *s = TEST_DEV(dev);
    Error *err = NULL;

    qdev_realize(dev, NULL, &error_abort);
    g_assert_false(object_property_set_uint(obj, "u32", 1, &err));
    assert_error(&err, "Attempt to set property 'u32' on anonymous device "
                 "(type 'test-dev') after it was realized");
    g_assert_cmphex(s->u32, ==, 0xdeadbeef);

    dev->id = g_strdup("d0");
    g_assert_false(object_property_set_str(obj, "label", "x", &err));
    assert_error(&err, "Attempt to set property 'label' on device 'd0' "
                 "(type 'test-dev') after it was realized");
    g_assert_null(s->label);

    object_unparent(obj);
    g_assert_false(dev->realized);
    g_assert_cmpint(s->unrealize_calls, ==, 1);
    /* Unrealized again: settable again. */
    qdev_prop_set_uint32(dev, "u32", 1);
    g_assert_cmpuint(s->u32, ==, 1);
    object_unref(obj);
}

static GlobalProperty global_base_u16 = {
    TYPE_TEST_GLOBAL_BASE, "u16", "5"
};
static GlobalProperty global_leaf_u16 = { TYPE_TEST_GLOBAL, "u16", "6" };
static GlobalProperty global_leaf_label = {
    TYPE_TEST_GLOBAL, "label", "from-global"
};
static GlobalProperty global_base_u8 = { TYPE_TEST_GLOBAL_BASE, "u8", "9" };
static GlobalProperty global_optional = {
    TYPE_TEST_GLOBAL, "no-such-prop", "1", .optional = true
};

static void test_globals(void)
{
    DeviceState *dev, *plain;
    TestDev *s;

    qdev_prop_register_global(&global_base_u16);
    qdev_prop_register_global(&global_leaf_u16);
    qdev_prop_register_global(&global_leaf_label);
    qdev_prop_register_global(&global_base_u8);
    qdev_prop_register_global(&global_optional);

    dev = qdev_new(TYPE_TEST_GLOBAL);
    s = TEST_DEV(dev);
    /* Registration order: the later, more specific value wins. */
    g_assert_cmpuint(s->u16, ==, 6);
    g_assert_cmpuint(s->u8, ==, 9);
    g_assert_cmpstr(s->label, ==, "from-global");
    g_assert_true(global_base_u16.used);
    g_assert_true(global_leaf_u16.used);
    g_assert_true(global_base_u8.used);
    g_assert_false(global_optional.used);

    /* Values set by the board come after the globals. */
    qdev_prop_set_uint16(dev, "u16", 7);
    g_assert_cmpuint(s->u16, ==, 7);

    plain = qdev_new(TYPE_TEST_DEV);
    g_assert_cmphex(TEST_DEV(plain)->u16, ==, 0x1234);
    g_assert_null(TEST_DEV(plain)->label);

    g_assert_cmpint(qdev_prop_check_globals(), ==, 0);

    object_unref(OBJECT(plain));
    object_unref(OBJECT(dev));
}

static GlobalProperty global_bad_value = { TYPE_TEST_GLOBAL, "u8", "300" };

static void test_globals_bad_value(void)
{
    if (g_test_subprocess()) {
        qdev_prop_register_global(&global_bad_value);
        qdev_new(TYPE_TEST_GLOBAL);
        return;
    }
    g_test_trap_subprocess(NULL, 0, 0);
    g_test_trap_assert_failed();
    g_test_trap_assert_stderr("*can't apply global test-global-dev.u8=300: "
                              "Property test-global-dev.u8 doesn't take "
                              "value 300*");
}

static GlobalProperty global_bad_class = { "no-such-device", "foo", "1" };

static void test_globals_check(void)
{
    if (g_test_subprocess()) {
        qdev_prop_register_global(&global_bad_class);
        g_assert_cmpint(qdev_prop_check_globals(), ==, 1);
        return;
    }
    g_test_trap_subprocess(NULL, 0, 0);
    g_test_trap_assert_passed();
    g_test_trap_assert_stderr("*global no-such-device.foo has invalid "
                              "class name*");
}

static void test_realize_hook(DeviceState *dev)
{
    log_event("hook:%s", object_get_typename(OBJECT(dev)));
}

static void test_realize_adopt(void)
{
    DeviceState *dev = qdev_new(TYPE_TEST_DEV);
    Object *obj = OBJECT(dev);
    TestDev *s = TEST_DEV(dev);
    g_autofree char *path = NULL;
    g_autofree char *clk_path = NULL;
    g_autofree char *expected_log = NULL;

    log_clear();
    qdev_realize_hook = test_realize_hook;
    g_assert_true(qdev_realize(dev, NULL, &error_abort));
    qdev_realize_hook = NULL;

    g_assert_true(dev->realized);
    g_assert_true(object_property_get_bool(obj, "realized", &error_abort));
    g_assert_true(obj->parent == machine_get_container("unattached"));
    path = object_get_canonical_path(obj);
    g_assert_true(g_str_has_prefix(path, "/machine/unattached/device["));
    g_assert_true(object_resolve_path(path, NULL) == obj);
    g_assert_cmpstr(dev->canonical_path, ==, path);
    clk_path = g_strdup_printf("%s/clk", path);
    g_assert_cmpstr(s->clk->canonical_path, ==, clk_path);
    g_assert_true(s->bus->realized);
    g_assert_cmpint(s->realize_calls, ==, 1);
    expected_log = g_strdup_printf("realize:%s hook:test-dev", path);
    assert_log(expected_log);

    g_assert_true(object_property_get_bool(obj, "hotpluggable",
                                           &error_abort));
    g_assert_false(object_property_get_bool(obj, "hotplugged",
                                            &error_abort));
    g_assert_null(object_property_get_link(obj, "parent_bus",
                                           &error_abort));

    /* Realizing again changes nothing. */
    object_property_set_bool(obj, "realized", true, &error_abort);
    g_assert_cmpint(s->realize_calls, ==, 1);

    qdev_unrealize(dev);
    g_assert_false(dev->realized);
    g_assert_false(s->bus->realized);
    g_assert_cmpint(s->unrealize_calls, ==, 1);
    object_property_set_bool(obj, "realized", true, &error_abort);
    g_assert_true(s->bus->realized);
    g_assert_cmpint(s->realize_calls, ==, 2);

    /* Deleting a realized device takes its child buses along. */
    object_unparent(obj);
    g_assert_false(dev->realized);
    g_assert_cmpint(s->unrealize_calls, ==, 2);
    g_assert_cmpint(dev->num_child_bus, ==, 0);
    g_assert_null(dev->child_bus);
    object_unref(obj);
    log_clear();
}

static void test_realize_fail(void)
{
    DeviceState *dev = qdev_new(TYPE_TEST_DEV);
    DeviceState *next = qdev_new(TYPE_TEST_DEV);
    TestDev *s = TEST_DEV(dev);
    g_autofree char *tried = NULL;
    g_autofree char *next_path = NULL;
    Error *err = NULL;

    qdev_prop_set_bit(dev, "fail", true);
    log_clear();
    qdev_realize_hook = test_realize_hook;
    g_assert_false(qdev_realize(dev, NULL, &err));
    qdev_realize_hook = NULL;
    assert_error(&err, "test-dev: told to fail");

    g_assert_false(dev->realized);
    g_assert_null(OBJECT(dev)->parent);
    g_assert_false(s->bus->realized);
    g_assert_cmpint(s->unrealize_calls, ==, 0);
    /* The device was named while realizing, and no hook ran. */
    g_assert_cmpuint(event_log->len, ==, 1);
    tried = g_strdup(g_ptr_array_index(event_log, 0));
    g_assert_true(g_str_has_prefix(tried, "realize:/machine/unattached/"));
    log_clear();

    /* The name is free again for the next device. */
    qdev_realize(next, NULL, &error_abort);
    next_path = g_strdup_printf("realize:%s", next->canonical_path);
    g_assert_cmpstr(next_path, ==, tried);

    /* The failed device is still usable. */
    qdev_prop_set_bit(dev, "fail", false);
    g_assert_true(qdev_realize(dev, NULL, &error_abort));
    g_assert_true(dev->realized);

    object_unparent(OBJECT(next));
    object_unparent(OBJECT(dev));
    object_unref(OBJECT(next));
    object_unref(OBJECT(dev));
    log_clear();
}

static void test_gpio_connect(void)
{
    DeviceState *a = qdev_new(TYPE_TEST_DEV);
    DeviceState *b = qdev_new(TYPE_TEST_DEV);
    TestDev *sa = TEST_DEV(a);
    TestDev *sb = TEST_DEV(b);
    IrqRecord rec = { 0 };
    g_autofree char *stray_path = NULL;
    qemu_irq stray;

    /* One output wired before realize, the others after. */
    qdev_connect_gpio_out(a, 0, qdev_get_gpio_in(b, 1));
    qdev_realize(a, NULL, &error_abort);
    qdev_realize(b, NULL, &error_abort);
    qdev_connect_gpio_out(a, 1, qdev_get_gpio_in(b, 2));
    qdev_connect_gpio_out_named(a, "status", 0,
                                qdev_get_gpio_in_named(b, "ctl", 0));

    qemu_set_irq(sa->out[0], 1);
    g_assert_cmpint(sb->in_level[1], ==, 1);
    g_assert_cmpint(sb->in_level[2], ==, 0);
    qemu_irq_raise(sa->out[1]);
    g_assert_cmpint(sb->in_level[2], ==, 1);
    qemu_irq_raise(sa->status);
    g_assert_cmpint(sb->ctl_level, ==, 1);
    qemu_irq_lower(sa->status);
    g_assert_cmpint(sb->ctl_level, ==, 0);
    /* No edge detection: a repeated level is delivered again. */
    sb->in_calls = 0;
    qemu_irq_raise(sa->out[0]);
    qemu_irq_pulse(sa->out[0]);
    g_assert_cmpint(sb->in_calls, ==, 3);
    g_assert_cmpint(sb->in_level[1], ==, 0);

    g_assert_true(qdev_get_gpio_out_connector(a, NULL, 0) ==
                  qdev_get_gpio_in(b, 1));
    g_assert_true(qdev_get_gpio_out_connector(a, "status", 0) ==
                  qdev_get_gpio_in_named(b, "ctl", 0));
    g_assert_true(object_resolve_path_component(OBJECT(b),
                                                "unnamed-gpio-in[2]") ==
                  OBJECT(qdev_get_gpio_in(b, 2)));
    g_assert_true(object_resolve_path_component(OBJECT(b), "ctl[0]") ==
                  OBJECT(qdev_get_gpio_in_named(b, "ctl", 0)));
    g_assert_cmpstr(object_property_get_type(OBJECT(a), "unnamed-gpio-out[1]",
                                             &error_abort), ==, "link<irq>");
    g_assert_cmpstr(object_property_get_type(OBJECT(a), "status[0]",
                                             &error_abort), ==, "link<irq>");
    g_assert_cmpint(qdev_get_named_gpio_list(b, NULL)->num_in, ==, 3);
    g_assert_cmpint(qdev_get_named_gpio_list(a, NULL)->num_out, ==, 2);

    /* Disconnecting: the output drives nothing. */
    qdev_connect_gpio_out(a, 0, NULL);
    g_assert_null(sa->out[0]);
    sb->in_calls = 0;
    qemu_set_irq(sa->out[0], 1);
    g_assert_cmpint(sb->in_calls, ==, 0);

    /* A line outside any device is adopted so that the link has a path. */
    stray = qemu_allocate_irq(record_irq, &rec, 7);
    qdev_connect_gpio_out(a, 0, stray);
    g_assert_true(OBJECT(stray)->parent ==
                  machine_get_container("unattached"));
    stray_path = object_get_canonical_path(OBJECT(stray));
    g_assert_true(g_str_has_prefix(stray_path,
                                   "/machine/unattached/non-qdev-gpio["));
    qemu_set_irq(sa->out[0], 1);
    g_assert_cmpint(rec.n, ==, 7);
    g_assert_cmpint(rec.level, ==, 1);

    object_unparent(OBJECT(stray));
    qemu_free_irq(stray);
    object_unparent(OBJECT(a));
    object_unparent(OBJECT(b));
    object_unref(OBJECT(a));
    object_unref(OBJECT(b));
}

static void test_gpio_out_of_range(void)
{
    if (g_test_subprocess()) {
        DeviceState *dev = qdev_new(TYPE_TEST_DEV);

        qdev_get_gpio_in(dev, 3);
        return;
    }
    g_test_trap_subprocess(NULL, 0, 0);
    g_test_trap_assert_failed();
}

static void test_gpio_pass(void)
{
    DeviceState *inner = qdev_new(TYPE_TEST_DEV);
    DeviceState *outer = qdev_new(TYPE_TEST_LEAF);
    TestDev *s = TEST_DEV(inner);
    IrqRecord rec = { 0 };
    qemu_irq sink = qemu_allocate_irq(record_irq, &rec, 3);

    qdev_pass_gpios(inner, outer, "ctl");
    qdev_pass_gpios(inner, outer, "status");

    qemu_set_irq(qdev_get_gpio_in_named(outer, "ctl", 0), 1);
    g_assert_cmpint(s->ctl_level, ==, 1);
    g_assert_cmpstr(object_property_get_type(OBJECT(outer), "ctl[0]",
                                             &error_abort), ==, "link<irq>");

    object_property_add_child(machine_get_container("unattached"),
                              "test-sink", OBJECT(sink));
    qdev_connect_gpio_out_named(outer, "status", 0, sink);
    g_assert_true(s->status == sink);
    qemu_irq_raise(s->status);
    g_assert_cmpint(rec.level, ==, 1);
    g_assert_cmpint(rec.n, ==, 3);

    object_unref(OBJECT(outer));
    object_unref(OBJECT(inner));
    object_unparent(OBJECT(sink));
    qemu_free_irq(sink);
}

static void test_irq_basic(void)
{
    IrqRecord rec = { 0 };
    IRQState embedded;
    qemu_irq *lines;

    qemu_set_irq(NULL, 1);
    g_assert_false(qemu_irq_is_connected(NULL));

    lines = qemu_allocate_irqs(record_irq, &rec, 3);
    qemu_set_irq(lines[2], 5);
    g_assert_cmpint(rec.n, ==, 2);
    g_assert_cmpint(rec.level, ==, 5);
    lines = qemu_extend_irqs(lines, 3, record_irq, &rec, 2);
    qemu_irq_raise(lines[4]);
    g_assert_cmpint(rec.n, ==, 4);
    g_assert_cmpint(rec.level, ==, 1);
    g_assert_true(qemu_irq_is_connected(lines[0]));
    g_assert_true(object_dynamic_cast(OBJECT(lines[0]), TYPE_IRQ) != NULL);
    qemu_free_irqs(lines, 5);

    qemu_init_irq(&embedded, record_irq, &rec, 9);
    qemu_irq_lower(&embedded);
    g_assert_cmpint(rec.n, ==, 9);
    g_assert_cmpint(rec.level, ==, 0);
    g_assert_cmpint(rec.calls, ==, 3);
    object_unref(OBJECT(&embedded));
}

/* What the qtest server does: note the level, then pass it on. */
static IrqRecord intercepted;
static void *intercepted_opaque;

static void test_intercept_handler(void *opaque, int n, int level)
{
    record_irq(&intercepted, n, level);
    intercepted_opaque = opaque;
    qemu_irq_intercept_forward(opaque, level);
}

static void test_irq_intercept(void)
{
    DeviceState *dev = qdev_new(TYPE_TEST_DEV);
    TestDev *s = TEST_DEV(dev);
    NamedGPIOList *ngl = qdev_get_named_gpio_list(dev, NULL);
    qemu_irq line1 = qdev_get_gpio_in(dev, 1);

    qemu_irq_intercept_in(ngl->in, test_intercept_handler, ngl->num_in);
    g_assert_true(qdev_get_gpio_in(dev, 1) == line1);

    qemu_set_irq(line1, 1);
    g_assert_cmpint(intercepted.n, ==, 1);
    g_assert_cmpint(intercepted.level, ==, 1);
    g_assert_true(intercepted_opaque != NULL && intercepted_opaque != dev);
    g_assert_cmpint(s->in_level[1], ==, 1);
    g_assert_cmpint(s->in_calls, ==, 1);

    qemu_set_irq(qdev_get_gpio_in(dev, 2), 1);
    g_assert_cmpint(intercepted.n, ==, 2);
    g_assert_cmpint(s->in_level[2], ==, 1);

    /* Forwarding through the intercepted line itself also works. */
    qemu_irq_intercept_forward(line1, 0);
    g_assert_cmpint(s->in_level[1], ==, 0);
    g_assert_cmpint(intercepted.calls, ==, 2);

    object_unref(OBJECT(dev));
}

/*
 * root (test-dev) with bus: a (leaf), mid (test-dev), b (leaf);
 * mid's bus: c (leaf).
 */
static void test_reset_phases(void)
{
    DeviceState *root = qdev_new(TYPE_TEST_DEV);
    DeviceState *mid;

    qdev_prop_set_string(root, "label", "root");
    qdev_realize(root, NULL, &error_abort);
    realize_labelled(TYPE_TEST_LEAF, "a", TEST_DEV(root)->bus);
    mid = realize_labelled(TYPE_TEST_DEV, "mid", TEST_DEV(root)->bus);
    realize_labelled(TYPE_TEST_LEAF, "b", TEST_DEV(root)->bus);
    realize_labelled(TYPE_TEST_LEAF, "c", TEST_DEV(mid)->bus);
    log_clear();

    device_cold_reset(root);
    assert_log("enter:a enter:c enter:mid enter:b enter:root "
               "hold:a hold:c hold:mid hold:b hold:root "
               "exit:a exit:c exit:mid exit:b exit:root");
    g_assert_false(device_is_in_reset(root));

    bus_cold_reset(TEST_DEV(mid)->bus);
    assert_log("enter:c hold:c exit:c");

    /* Nested assertions: only the last release runs the exit phases. */
    resettable_assert_reset(OBJECT(mid), RESET_TYPE_COLD);
    assert_log("enter:c enter:mid hold:c hold:mid");
    resettable_assert_reset(OBJECT(root), RESET_TYPE_COLD);
    assert_log("enter:a enter:b enter:root hold:a hold:b hold:root");
    g_assert_true(device_is_in_reset(mid));
    g_assert_true(resettable_is_in_reset(OBJECT(TEST_DEV(root)->bus)));
    resettable_release_reset(OBJECT(root), RESET_TYPE_COLD);
    assert_log("exit:a exit:b exit:root");
    g_assert_true(device_is_in_reset(mid));
    resettable_release_reset(OBJECT(mid), RESET_TYPE_COLD);
    assert_log("exit:c exit:mid");
    g_assert_false(device_is_in_reset(mid));

    object_unparent(OBJECT(root));
    object_unref(OBJECT(root));
}

static void test_reset_legacy(void)
{
    DeviceState *root = qdev_new(TYPE_TEST_DEV);

    qdev_prop_set_string(root, "label", "root");
    qdev_realize(root, NULL, &error_abort);
    realize_labelled(TYPE_TEST_LEAF, "a", TEST_DEV(root)->bus);
    realize_labelled(TYPE_TEST_LEGACY, "L", TEST_DEV(root)->bus);
    realize_labelled(TYPE_TEST_LEAF, "b", TEST_DEV(root)->bus);
    log_clear();

    /* The legacy function replaces all inherited phases, in hold. */
    device_cold_reset(root);
    assert_log("enter:a enter:b enter:root hold:a legacy:L hold:b hold:root "
               "exit:a exit:b exit:root");

    object_unparent(OBJECT(root));
    object_unref(OBJECT(root));
}

static void test_reset_handler(void *opaque)
{
    log_event("%s", (const char *)opaque);
}

static void test_reset_system(void)
{
    DeviceState *sbd = qdev_new(TYPE_TEST_SBD);
    DeviceState *x = qdev_new(TYPE_TEST_LEAF);

    sysbus_realize(SYS_BUS_DEVICE(sbd), &error_abort);
    qdev_prop_set_string(x, "label", "x");
    qemu_register_reset(test_reset_handler, (void *)"h1");
    qemu_register_resettable(OBJECT(x));
    qemu_register_reset(test_reset_handler, (void *)"h2");
    qemu_register_resettable(OBJECT(x));
    log_clear();

    qemu_devices_reset(RESET_TYPE_COLD);
    assert_log("enter:x sbd-reset h1 hold:x h2 exit:x");
    g_assert_cmphex(TEST_SBD(sbd)->reg, ==, 0x5a);

    qemu_unregister_reset(test_reset_handler, (void *)"h1");
    qemu_unregister_resettable(OBJECT(x));
    qemu_devices_reset(RESET_TYPE_COLD);
    assert_log("sbd-reset h2");

    qemu_unregister_reset(test_reset_handler, (void *)"h2");
    object_unparent(OBJECT(sbd));
    object_unref(OBJECT(sbd));
    qemu_devices_reset(RESET_TYPE_COLD);
    assert_log("");
    object_unref(OBJECT(x));
}

static void test_sysbus_mmio(void)
{
    DeviceState *dev = qdev_new(TYPE_TEST_SBD);
    SysBusDevice *sbd = SYS_BUS_DEVICE(dev);
    TestSbd *s = TEST_SBD(dev);
    BusState *sysbus = sysbus_get_default();
    MemTxResult res;

    g_assert_true(sysbus_has_mmio(sbd, 0));
    g_assert_false(sysbus_has_mmio(sbd, 1));
    g_assert_true(sysbus_mmio_get_region(sbd, 0) == &s->iomem);
    g_assert_cmphex(sbd->mmio[0].addr, ==, (hwaddr)-1);

    g_assert_true(sysbus_realize(sbd, &error_abort));
    g_assert_true(dev->parent_bus == sysbus);
    g_assert_cmpstr(sysbus->name, ==, "main-system-bus");
    g_assert_cmpstr(object_get_typename(OBJECT(sysbus)), ==, "System");
    g_assert_true(object_resolve_path("/machine/unattached/sysbus", NULL) ==
                  OBJECT(sysbus));

    sysbus_mmio_map(sbd, 0, 0x10000000);
    g_assert_cmphex(sbd->mmio[0].addr, ==, 0x10000000);
    g_assert_cmphex(address_space_ldl_le(&address_space_memory, 0x10000008,
                                         ATTRS, &res), ==, 0x108);
    g_assert_cmpint(res, ==, MEMTX_OK);
    address_space_stl_le(&address_space_memory, 0x10000000, 0xcafe, ATTRS,
                         &res);
    g_assert_cmpint(res, ==, MEMTX_OK);
    g_assert_cmphex(s->reg, ==, 0xcafe);

    /* Mapping again moves the region. */
    sysbus_mmio_map(sbd, 0, 0x20000000);
    g_assert_cmphex(address_space_ldl_le(&address_space_memory, 0x10000008,
                                         ATTRS, &res), ==, 0);
    g_assert_cmphex(address_space_ldl_le(&address_space_memory, 0x20000000,
                                         ATTRS, &res), ==, 0xcafe);
    g_assert_cmpint(res, ==, MEMTX_OK);

    sysbus_mmio_unmap(sbd, 0);
    g_assert_cmphex(sbd->mmio[0].addr, ==, (hwaddr)-1);
    g_assert_cmphex(address_space_ldl_le(&address_space_memory, 0x20000000,
                                         ATTRS, &res), ==, 0);

    object_unparent(OBJECT(dev));
    object_unref(OBJECT(dev));
}

static void test_sysbus_irq(void)
{
    DeviceState *dev = qdev_new(TYPE_TEST_SBD);
    SysBusDevice *sbd = SYS_BUS_DEVICE(dev);
    TestSbd *s = TEST_SBD(dev);
    IrqRecord rec = { 0 };
    qemu_irq line = qemu_allocate_irq(record_irq, &rec, 11);
    DeviceState *simple;

    sysbus_realize(sbd, &error_abort);
    g_assert_true(sysbus_has_irq(sbd, 1));
    g_assert_false(sysbus_has_irq(sbd, 2));
    g_assert_false(sysbus_is_irq_connected(sbd, 0));
    g_assert_cmpstr(object_property_get_type(OBJECT(dev), "sysbus-irq[1]",
                                             &error_abort), ==, "link<irq>");

    log_clear();
    sysbus_connect_irq(sbd, 1, line);
    assert_log("notify:11");
    g_assert_true(sysbus_is_irq_connected(sbd, 1));
    g_assert_true(sysbus_get_connected_irq(sbd, 1) == line);
    g_assert_false(sysbus_is_irq_connected(sbd, 0));
    qemu_irq_raise(s->irq[1]);
    g_assert_cmpint(rec.n, ==, 11);
    g_assert_cmpint(rec.level, ==, 1);

    /* The shortcut: create, realize, map region 0, wire IRQ 0. */
    simple = sysbus_create_simple(TYPE_TEST_SBD, 0x30000000, line);
    assert_log("notify:11");
    g_assert_cmphex(SYS_BUS_DEVICE(simple)->mmio[0].addr, ==, 0x30000000);
    g_assert_true(sysbus_get_connected_irq(SYS_BUS_DEVICE(simple), 0) ==
                  line);
    g_assert_cmphex(address_space_ldl_le(&address_space_memory, 0x30000004,
                                         ATTRS, NULL), ==, 0x104);
    rec.level = 0;
    qemu_irq_raise(TEST_SBD(simple)->irq[0]);
    g_assert_cmpint(rec.level, ==, 1);

    sysbus_mmio_unmap(SYS_BUS_DEVICE(simple), 0);
    object_unparent(OBJECT(simple));
    object_unparent(OBJECT(dev));
    object_unref(OBJECT(dev));
    object_unparent(OBJECT(line));
    qemu_free_irq(line);
}

static void test_clock(void)
{
    DeviceState *dev = qdev_new(TYPE_TEST_DEV);
    DeviceState *other = qdev_new(TYPE_TEST_LEAF);
    TestDev *s = TEST_DEV(dev);
    Object *holder = object_new(TYPE_CONTAINER);
    Clock *src = clock_new(holder, "src");
    Clock *tail = clock_new(holder, "tail");
    uint64_t period_1mhz = CLOCK_PERIOD_FROM_HZ(1000000);
    g_autofree char *expected = NULL;
    g_autofree char *freq = NULL;

    g_assert_cmphex(period_1mhz, ==, 1000ull << 32);
    g_assert_true(qdev_get_clock_in(dev, "clk") == s->clk);
    g_assert_true(qdev_get_clock_out(dev, "clkout") == s->clkout);
    g_assert_true(object_resolve_path_component(OBJECT(dev), "clk") ==
                  OBJECT(s->clk));
    g_assert_false(clock_is_enabled(s->clk));
    g_assert_cmpuint(clock_ns_to_ticks(s->clk, 1000), ==, 0);

    log_clear();
    qdev_connect_clock_in(dev, "clk", src);
    clock_set_source(tail, s->clk);
    g_assert_true(clock_has_source(s->clk));
    g_assert_false(clock_has_source(src));
    assert_log("");

    clock_update_hz(src, 1000000);
    expected = g_strdup_printf("clk:pre:0 clk:update:%" PRIu64, period_1mhz);
    assert_log(expected);
    g_assert_cmpuint(clock_get_hz(s->clk), ==, 1000000);
    g_assert_cmpuint(clock_get_hz(tail), ==, 1000000);
    clock_update_hz(src, 1000000);
    assert_log("");

    g_assert_cmpuint(clock_ticks_to_ns(s->clk, 5), ==, 5000);
    g_assert_cmpuint(clock_ns_to_ticks(s->clk, 5000), ==, 5);
    g_assert_cmpuint(clock_ns_to_ticks(s->clk, 4999), ==, 4);
    g_assert_cmpuint(clock_ticks_to_ns(s->clk, UINT64_MAX), ==, INT64_MAX);
    freq = clock_display_freq(s->clk);
    g_assert_cmpstr(freq, ==, "1 MHz");

    /* Children of src run at a quarter of its period: 4 MHz. */
    g_assert_true(clock_set_mul_div(src, 1, 4));
    g_assert_false(clock_set_mul_div(src, 1, 4));
    clock_propagate(src);
    g_assert_cmpuint(clock_get_hz(s->clk), ==, 4000000);
    g_assert_cmpuint(clock_get_hz(tail), ==, 4000000);
    g_assert_cmpuint(clock_get(src), ==, period_1mhz);
    log_clear();

    g_assert_true(qdev_alias_clock(dev, "clk", other, "aclk") == s->clk);
    g_assert_true(object_property_get_link(OBJECT(other), "aclk",
                                           &error_abort) == OBJECT(s->clk));
    g_assert_true(qdev_get_clock_in(other, "aclk") == s->clk);

    object_unref(OBJECT(other));
    object_unref(OBJECT(dev));
    object_unref(holder);
}

static int count_device(DeviceState *dev, void *opaque)
{
    (*(int *)opaque)++;
    return 0;
}

static void test_bus_tree(void)
{
    DeviceState *root = qdev_new(TYPE_TEST_DEV);
    DeviceState *named = qdev_new(TYPE_TEST_DEV);
    TestDev *s = TEST_DEV(root);
    DeviceState *sbd = qdev_new(TYPE_TEST_SBD);
    DeviceState *leaf, *mid, *deep;
    BusState *extra;
    Error *err = NULL;
    int count = 0;

    g_assert_true(g_str_has_prefix(s->bus->name, "test-bus."));
    g_assert_true(qdev_get_child_bus(root, s->bus->name) == s->bus);
    g_assert_true(object_resolve_path_component(OBJECT(root), s->bus->name)
                  == OBJECT(s->bus));
    g_assert_true(s->bus->parent == root);
    g_assert_cmpint(root->num_child_bus, ==, 1);

    extra = qbus_new(TYPE_TEST_BUS, root, "extra.0");
    g_assert_cmpstr(extra->name, ==, "extra.0");
    g_assert_true(qdev_get_child_bus(root, "extra.0") == extra);
    g_assert_null(qdev_get_child_bus(root, "nope"));

    named->id = g_strdup("board");
    g_assert_cmpstr(qbus_new(TYPE_TEST_BUS, named, NULL)->name, ==,
                    "board.1");

    qdev_realize(root, NULL, &error_abort);
    g_assert_true(extra->realized);
    leaf = qdev_new(TYPE_TEST_LEAF);
    leaf->id = g_strdup("leafid");
    qdev_realize_and_unref(leaf, s->bus, &error_abort);
    mid = realize_labelled(TYPE_TEST_DEV, "mid", s->bus);
    deep = qdev_new(TYPE_TEST_LEAF);
    deep->id = g_strdup("deep");
    qdev_realize_and_unref(deep, TEST_DEV(mid)->bus, &error_abort);

    g_assert_true(qdev_get_parent_bus(leaf) == s->bus);
    g_assert_true(object_property_get_link(OBJECT(leaf), "parent_bus",
                                           &error_abort) == OBJECT(s->bus));
    g_assert_false(object_property_get_bool(OBJECT(leaf), "hotpluggable",
                                            &error_abort));
    g_assert_true(object_resolve_path_component(OBJECT(s->bus), "child[0]")
                  == OBJECT(leaf));
    g_assert_true(object_resolve_path_component(OBJECT(s->bus), "child[1]")
                  == OBJECT(mid));
    g_assert_cmpint(s->bus->num_children, ==, 2);
    g_assert_true(qdev_find_recursive(s->bus, "leafid") == leaf);
    g_assert_true(qdev_find_recursive(s->bus, "deep") == deep);
    g_assert_null(qdev_find_recursive(s->bus, "absent"));
    qbus_walk_children(s->bus, count_device, NULL, NULL, NULL, &count);
    g_assert_cmpint(count, ==, 3);

    /* A device on the wrong kind of bus is refused. */
    g_assert_false(qdev_realize(sbd, s->bus, &err));
    assert_error(&err, "Device 'test-sbd' can't go on test-bus bus");
    g_assert_null(sbd->parent_bus);
    object_unref(OBJECT(sbd));

    /* Unplugging a device takes it off the bus. */
    object_unparent(OBJECT(leaf));
    g_assert_cmpint(s->bus->num_children, ==, 1);
    g_assert_null(object_resolve_path_component(OBJECT(s->bus), "child[0]"));
    g_assert_null(qdev_find_recursive(s->bus, "leafid"));

    object_unparent(OBJECT(root));
    object_unref(OBJECT(root));
    object_unref(OBJECT(named));
}

static void test_set_id(void)
{
    DeviceState *a = qdev_new(TYPE_TEST_LEAF);
    DeviceState *b = qdev_new(TYPE_TEST_LEAF);
    DeviceState *c = qdev_new(TYPE_TEST_LEAF);
    g_autofree char *path_a = NULL;
    g_autofree char *path_c = NULL;
    Error *err = NULL;

    qdev_set_id(a, g_strdup("myid"), &error_abort);
    g_assert_cmpstr(a->id, ==, "myid");
    path_a = object_get_canonical_path(OBJECT(a));
    g_assert_cmpstr(path_a, ==, "/machine/peripheral/myid");

    qdev_set_id(b, g_strdup("myid"), &err);
    assert_error(&err, "Duplicate ID 'myid' for device");
    g_assert_null(b->id);
    g_assert_null(OBJECT(b)->parent);

    qdev_set_id(c, NULL, &error_abort);
    path_c = object_get_canonical_path(OBJECT(c));
    g_assert_true(g_str_has_prefix(path_c,
                                   "/machine/peripheral-anon/device["));

    object_unparent(OBJECT(a));
    object_unparent(OBJECT(c));
    object_unref(OBJECT(a));
    object_unref(OBJECT(b));
    object_unref(OBJECT(c));
}

static void test_new(void)
{
    DeviceState *dev = qdev_try_new(TYPE_TEST_LEAF);

    g_assert_nonnull(dev);
    g_assert_cmpstr(object_get_typename(OBJECT(dev)), ==, TYPE_TEST_LEAF);
    g_assert_false(dev->realized);
    object_unref(OBJECT(dev));
    g_assert_null(qdev_try_new("no-such-device"));
}

static void test_new_unknown(void)
{
    if (g_test_subprocess()) {
        qdev_new("no-such-device");
        return;
    }
    g_test_trap_subprocess(NULL, 0, 0);
    g_test_trap_assert_failed();
    g_test_trap_assert_stderr("*unknown type 'no-such-device'*");
}

#ifdef TEST_QDEV_CHARDEV
static void test_props_chr(void)
{
    Chardev *chr = qemu_chr_new("c0", "null", NULL, &error_abort);
    DeviceState *a = qdev_new(TYPE_TEST_CHR);
    DeviceState *b = qdev_new(TYPE_TEST_CHR);
    g_autofree char *value = NULL;
    g_autofree char *empty = NULL;
    Error *err = NULL;

    empty = object_property_get_str(OBJECT(a), "chardev", &error_abort);
    g_assert_cmpstr(empty, ==, "");

    qdev_prop_set_chr(a, "chardev", chr);
    g_assert_true(qemu_chr_fe_get_driver(&TEST_CHR(a)->fe) == chr);
    value = object_property_get_str(OBJECT(a), "chardev", &error_abort);
    g_assert_cmpstr(value, ==, "c0");

    g_assert_false(object_property_set_str(OBJECT(b), "chardev", "c0",
                                           &err));
    assert_error(&err, "Property 'test-chr-dev.chardev' can't take value "
                 "'c0', it's in use");
    g_assert_false(object_property_set_str(OBJECT(b), "chardev", "nope",
                                           &err));
    assert_error(&err, "Property 'test-chr-dev.chardev' can't find value "
                 "'nope'");

    /* The empty string detaches; then another device may take it. */
    qdev_prop_set_chr(a, "chardev", NULL);
    g_assert_false(qemu_chr_fe_backend_connected(&TEST_CHR(a)->fe));
    qdev_prop_set_chr(b, "chardev", chr);
    g_assert_true(qemu_chr_fe_get_driver(&TEST_CHR(b)->fe) == chr);

    /* Finalizing the device releases the back end. */
    object_unref(OBJECT(b));
    qdev_prop_set_chr(a, "chardev", chr);
    object_unref(OBJECT(a));
    g_assert_true(qemu_chr_remove("c0", &error_abort));
}
#endif

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    module_call_init(MODULE_INIT_QOM);
    memory_map_init();
    event_log = g_ptr_array_new_with_free_func(g_free);

    g_test_add_func("/qdev/new", test_new);
    g_test_add_func("/qdev/new/unknown", test_new_unknown);
    g_test_add_func("/qdev/props/defaults", test_props_defaults);
    g_test_add_func("/qdev/props/set", test_props_set);
    g_test_add_func("/qdev/props/link", test_props_link);
    g_test_add_func("/qdev/props/range", test_props_range);
    g_test_add_func("/qdev/props/after-realize", test_props_after_realize);
#ifdef TEST_QDEV_CHARDEV
    g_test_add_func("/qdev/props/chardev", test_props_chr);
#endif
    g_test_add_func("/qdev/globals/apply", test_globals);
    g_test_add_func("/qdev/globals/bad-value", test_globals_bad_value);
    g_test_add_func("/qdev/globals/check", test_globals_check);
    g_test_add_func("/qdev/realize/adopt", test_realize_adopt);
    g_test_add_func("/qdev/realize/fail", test_realize_fail);
    g_test_add_func("/qdev/set-id", test_set_id);
    g_test_add_func("/qdev/bus/tree", test_bus_tree);
    g_test_add_func("/qdev/gpio/connect", test_gpio_connect);
    g_test_add_func("/qdev/gpio/out-of-range", test_gpio_out_of_range);
    g_test_add_func("/qdev/gpio/pass", test_gpio_pass);
    g_test_add_func("/irq/basic", test_irq_basic);
    g_test_add_func("/irq/intercept", test_irq_intercept);
    g_test_add_func("/qdev/reset/phases", test_reset_phases);
    g_test_add_func("/qdev/reset/legacy", test_reset_legacy);
    g_test_add_func("/qdev/reset/system", test_reset_system);
    g_test_add_func("/sysbus/mmio", test_sysbus_mmio);
    g_test_add_func("/sysbus/irq", test_sysbus_irq);
    g_test_add_func("/clock/tree", test_clock);

    return g_test_run();
}
