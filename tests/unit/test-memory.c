/*
 * Unit tests for the memory API: dispatch rules, views, address spaces.
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "qemu/log.h"
#include "qemu/module.h"
#include "hw/core/qdev.h"
#include "system/memory.h"
#include "system/address-spaces.h"

#define ATTRS MEMTXATTRS_UNSPECIFIED
#define TESTDEV_MAX_CALLS 64

typedef struct TestCall {
    bool is_write;
    hwaddr addr;
    unsigned size;
    uint64_t data;
} TestCall;

/*
 * A device whose registers are plain bytes: a read of N bytes returns
 * them combined in the device's byte order, a write stores them so.
 * Every callback is recorded.
 */
typedef struct TestDev {
    MemoryRegion iomem;
    uint8_t regs[64];
    bool big_endian;
    TestCall calls[TESTDEV_MAX_CALLS];
    unsigned nr_calls;
    MemoryRegion *reenter;      /* touched from inside the next read */
    AddressSpace *reenter_as;   /* ... through this space, if set */
    hwaddr reenter_addr;
    MemTxResult reenter_result;
} TestDev;

typedef struct Fixture {
    MemoryRegion root;
    AddressSpace as;
} Fixture;

static char *log_path;

static void testdev_record(TestDev *d, bool is_write, hwaddr addr,
                           unsigned size, uint64_t data)
{
    g_assert_cmpuint(d->nr_calls, <, TESTDEV_MAX_CALLS);
    d->calls[d->nr_calls++] = (TestCall) {
        .is_write = is_write, .addr = addr, .size = size, .data = data,
    };
}

static void testdev_reenter(TestDev *d)
{
    MemoryRegion *mr = d->reenter;
    AddressSpace *as = d->reenter_as;
    uint64_t val;

    d->reenter = NULL;
    d->reenter_as = NULL;
    if (as) {
        uint8_t buf[4];

        d->reenter_result = address_space_read(as, d->reenter_addr, ATTRS,
                                               buf, sizeof(buf));
    } else if (mr) {
        d->reenter_result = memory_region_dispatch_read(mr, d->reenter_addr,
                                                        &val, 4, ATTRS);
    }
}

static uint64_t testdev_read(void *opaque, hwaddr addr, unsigned size)
{
    TestDev *d = opaque;
    uint64_t val = 0;
    unsigned i;

    for (i = 0; i < size; i++) {
        uint64_t b = d->regs[(addr + i) % sizeof(d->regs)];

        val |= b << ((d->big_endian ? size - 1 - i : i) * 8);
    }
    testdev_record(d, false, addr, size, val);
    testdev_reenter(d);
    return val;
}

static void testdev_write(void *opaque, hwaddr addr, uint64_t data,
                          unsigned size)
{
    TestDev *d = opaque;
    unsigned i;

    testdev_record(d, true, addr, size, data);
    for (i = 0; i < size; i++) {
        unsigned shift = (d->big_endian ? size - 1 - i : i) * 8;

        d->regs[(addr + i) % sizeof(d->regs)] = data >> shift;
    }
}

/* Writes to offset 0x3c are vetoed; everything else is fine. */
static bool testdev_accepts(void *opaque, hwaddr addr, unsigned size,
                            bool is_write, MemTxAttrs attrs)
{
    return !(is_write && addr == 0x3c);
}

static const MemoryRegionOps split_le_ops = {
    .read = testdev_read,
    .write = testdev_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
    .valid = { .min_access_size = 1, .max_access_size = 8 },
    .impl = { .min_access_size = 4, .max_access_size = 4 },
};

static const MemoryRegionOps split_be_ops = {
    .read = testdev_read,
    .write = testdev_write,
    .endianness = DEVICE_BIG_ENDIAN,
    .valid = { .min_access_size = 1, .max_access_size = 8 },
    .impl = { .min_access_size = 4, .max_access_size = 4 },
};

static const MemoryRegionOps strict_ops = {
    .read = testdev_read,
    .write = testdev_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
    .valid = { .min_access_size = 4, .max_access_size = 4,
               .accepts = testdev_accepts },
};

static const MemoryRegionOps unaligned_ops = {
    .read = testdev_read,
    .write = testdev_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
    .valid = { .min_access_size = 4, .max_access_size = 4,
               .unaligned = true },
    .impl = { .unaligned = true },
};

/* Neither .valid nor .impl given: any size legal, callbacks get 1..4. */
static const MemoryRegionOps default_ops = {
    .read = testdev_read,
    .write = testdev_write,
    .endianness = DEVICE_NATIVE_ENDIAN,
};

static const MemoryRegionOps wide_ops = {
    .read = testdev_read,
    .write = testdev_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
    .valid = { .min_access_size = 1, .max_access_size = 8 },
    .impl = { .min_access_size = 1, .max_access_size = 8 },
};

static MemTxResult attrs_read(void *opaque, hwaddr addr, uint64_t *data,
                              unsigned size, MemTxAttrs attrs)
{
    TestDev *d = opaque;

    testdev_record(d, false, addr, size, attrs.secure);
    *data = 0x5a;
    return attrs.secure ? MEMTX_OK : MEMTX_ERROR;
}

static const MemoryRegionOps attrs_ops = {
    .read = testdev_read,
    .read_with_attrs = attrs_read,
    .write = testdev_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
};

/*
 * The re-entrancy guard is per device.  This binary links no qdev, so a
 * bare type under the qdev type name stands in for devices.
 */
static const TypeInfo stand_in_device_type = {
    .name          = TYPE_DEVICE,
    .parent        = TYPE_OBJECT,
    .instance_size = sizeof(Object),
};

static void testdev_init_owned(TestDev *d, Object *owner,
                               const MemoryRegionOps *ops, const char *name,
                               uint64_t size)
{
    unsigned i;

    memset(d, 0, sizeof(*d));
    for (i = 0; i < sizeof(d->regs); i++) {
        d->regs[i] = 0x10 + i;
    }
    d->big_endian = ops->endianness == DEVICE_BIG_ENDIAN;
    memory_region_init_io(&d->iomem, owner, ops, d, name, size);
}

static void testdev_init(TestDev *d, const MemoryRegionOps *ops,
                         const char *name, uint64_t size)
{
    testdev_init_owned(d, NULL, ops, name, size);
}

static void fixture_init(Fixture *f, uint64_t size)
{
    memory_region_init(&f->root, NULL, "root", size);
    f->as.is_io = false;
    address_space_init(&f->as, &f->root, "test");
}

/*
 * Drop the test's own reference to each region; the root's finalizer
 * unmaps whatever is still mapped, releasing the mapping references.
 */
static void fixture_destroy(Fixture *f, MemoryRegion **regions, unsigned n)
{
    unsigned i;

    address_space_destroy(&f->as);
    for (i = 0; i < n; i++) {
        object_unref(OBJECT(regions[i]));
    }
    object_unref(OBJECT(&f->root));
}

static void assert_call(const TestDev *d, unsigned i, bool is_write,
                        hwaddr addr, unsigned size, uint64_t data)
{
    g_assert_cmpuint(d->nr_calls, >, i);
    g_assert_cmpint(d->calls[i].is_write, ==, is_write);
    g_assert_cmphex(d->calls[i].addr, ==, addr);
    g_assert_cmpuint(d->calls[i].size, ==, size);
    g_assert_cmphex(d->calls[i].data, ==, data);
}

/* Log capture: start an empty log file with @mask enabled. */
static void log_capture_start(int mask)
{
    unlink(log_path);
    g_assert_true(qemu_set_log_filename(log_path, &error_abort));
    g_assert_true(qemu_set_log(mask, &error_abort));
}

static char *log_capture_take(void)
{
    char *text = NULL;

    qemu_set_log(0, &error_abort);
    if (!g_file_get_contents(log_path, &text, NULL, NULL)) {
        text = g_strdup("");
    }
    return text;
}

static void test_split_little_endian(void)
{
    TestDev d;
    uint64_t val = 0;
    uint8_t buf[8];
    static const uint8_t expect[8] = {
        0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, 0x88
    };

    testdev_init(&d, &split_le_ops, "split-le", 0x40);
    g_assert_cmpuint(memory_region_dispatch_read(&d.iomem, 0x8, &val, 8,
                                                 ATTRS), ==, MEMTX_OK);
    g_assert_cmpuint(d.nr_calls, ==, 2);
    assert_call(&d, 0, false, 0x8, 4, 0x1b1a1918);
    assert_call(&d, 1, false, 0xc, 4, 0x1f1e1d1c);
    g_assert_cmphex(val, ==, 0x1f1e1d1c1b1a1918ULL);

    d.nr_calls = 0;
    g_assert_cmpuint(memory_region_dispatch_write(&d.iomem, 0x10,
                                                  0x8877665544332211ULL, 8,
                                                  ATTRS), ==, MEMTX_OK);
    g_assert_cmpuint(d.nr_calls, ==, 2);
    assert_call(&d, 0, true, 0x10, 4, 0x44332211);
    assert_call(&d, 1, true, 0x14, 4, 0x88776655);
    g_assert_cmpmem(&d.regs[0x10], 8, expect, 8);

    /* A 2-byte access fits impl.min 4: widened, low bytes kept. */
    d.nr_calls = 0;
    memory_region_dispatch_read(&d.iomem, 0x10, &val, 2, ATTRS);
    g_assert_cmphex(val, ==, 0x2211);
    g_assert_cmpuint(d.nr_calls, ==, 1);

    /* Through an address space: one 8-byte access, two callbacks. */
    {
        Fixture f;
        MemoryRegion *regions[] = { &d.iomem };

        fixture_init(&f, 0x10000);
        memory_region_add_subregion(&f.root, 0x1000, &d.iomem);
        d.nr_calls = 0;
        g_assert_cmphex(address_space_ldq_le(&f.as, 0x1010, ATTRS, NULL),
                        ==, 0x8877665544332211ULL);
        g_assert_cmpuint(d.nr_calls, ==, 2);
        d.nr_calls = 0;
        g_assert_cmpuint(address_space_read(&f.as, 0x1010, ATTRS, buf, 8),
                         ==, MEMTX_OK);
        g_assert_cmpmem(buf, 8, expect, 8);
        g_assert_cmpuint(d.nr_calls, ==, 2);
        assert_call(&d, 0, false, 0x10, 4, 0x44332211);
        assert_call(&d, 1, false, 0x14, 4, 0x88776655);
        fixture_destroy(&f, regions, 1);
    }
}

static void test_split_big_endian(void)
{
    TestDev d;
    uint64_t val = 0;
    static const uint8_t expect[8] = {
        0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, 0x88
    };

    testdev_init(&d, &split_be_ops, "split-be", 0x40);
    g_assert_cmpuint(memory_region_dispatch_read(&d.iomem, 0x8, &val, 8,
                                                 ATTRS), ==, MEMTX_OK);
    g_assert_cmpuint(d.nr_calls, ==, 2);
    /* The first (lower) address carries the most significant half. */
    assert_call(&d, 0, false, 0x8, 4, 0x18191a1b);
    assert_call(&d, 1, false, 0xc, 4, 0x1c1d1e1f);
    /* Swapped into the guest's order: byte at 0x8 is the lowest. */
    g_assert_cmphex(val, ==, 0x1f1e1d1c1b1a1918ULL);

    d.nr_calls = 0;
    memory_region_dispatch_write(&d.iomem, 0x10, 0x8877665544332211ULL, 8,
                                 ATTRS);
    g_assert_cmpuint(d.nr_calls, ==, 2);
    assert_call(&d, 0, true, 0x10, 4, 0x11223344);
    assert_call(&d, 1, true, 0x14, 4, 0x55667788);
    g_assert_cmpmem(&d.regs[0x10], 8, expect, 8);

    /* A 4-byte access is one call, swapped to 4 bytes. */
    d.nr_calls = 0;
    memory_region_dispatch_read(&d.iomem, 0x10, &val, 4, ATTRS);
    g_assert_cmpuint(d.nr_calls, ==, 1);
    assert_call(&d, 0, false, 0x10, 4, 0x11223344);
    g_assert_cmphex(val, ==, 0x44332211);
    object_unref(OBJECT(&d.iomem));
}

static void test_widen_little_endian(void)
{
    TestDev d;
    uint64_t val = 0;

    testdev_init(&d, &split_le_ops, "widen-le", 0x40);
    g_assert_cmpuint(memory_region_dispatch_read(&d.iomem, 0x2, &val, 1,
                                                 ATTRS), ==, MEMTX_OK);
    /* One impl.min access at the same (unaligned) address. */
    g_assert_cmpuint(d.nr_calls, ==, 1);
    assert_call(&d, 0, false, 0x2, 4, 0x15141312);
    g_assert_cmphex(val, ==, 0x12);

    d.nr_calls = 0;
    memory_region_dispatch_write(&d.iomem, 0x1, 0xab, 1, ATTRS);
    g_assert_cmpuint(d.nr_calls, ==, 1);
    assert_call(&d, 0, true, 0x1, 4, 0xab);
    object_unref(OBJECT(&d.iomem));
}

static void test_widen_big_endian(void)
{
    TestDev d;
    uint64_t val = 0;

    testdev_init(&d, &split_be_ops, "widen-be", 0x40);
    memory_region_dispatch_read(&d.iomem, 0x2, &val, 1, ATTRS);
    g_assert_cmpuint(d.nr_calls, ==, 1);
    assert_call(&d, 0, false, 0x2, 4, 0x12131415);
    /* For a big-endian device the addressed byte is the top one. */
    g_assert_cmphex(val, ==, 0x12);

    d.nr_calls = 0;
    memory_region_dispatch_read(&d.iomem, 0x2, &val, 2, ATTRS);
    assert_call(&d, 0, false, 0x2, 4, 0x12131415);
    g_assert_cmphex(val, ==, 0x1312);

    d.nr_calls = 0;
    memory_region_dispatch_write(&d.iomem, 0x1, 0xab, 1, ATTRS);
    g_assert_cmpuint(d.nr_calls, ==, 1);
    assert_call(&d, 0, true, 0x1, 4, 0xab000000);
    g_assert_cmphex(d.regs[1], ==, 0xab);
    g_assert_cmphex(d.regs[2], ==, 0x00);
    object_unref(OBJECT(&d.iomem));
}

static void test_default_impl(void)
{
    TestDev d;
    uint64_t val = 0;

    testdev_init(&d, &default_ops, "default", 0x40);
    /* valid.max 0: 8 bytes are legal; impl.max defaults to 4. */
    g_assert_cmpuint(memory_region_dispatch_read(&d.iomem, 0x0, &val, 8,
                                                 ATTRS), ==, MEMTX_OK);
    g_assert_cmpuint(d.nr_calls, ==, 2);
    assert_call(&d, 0, false, 0x0, 4, 0x13121110);
    assert_call(&d, 1, false, 0x4, 4, 0x17161514);
    g_assert_cmphex(val, ==, 0x1716151413121110ULL);

    d.nr_calls = 0;
    memory_region_dispatch_read(&d.iomem, 0x5, &val, 1, ATTRS);
    assert_call(&d, 0, false, 0x5, 1, 0x15);
    g_assert_cmphex(val, ==, 0x15);
    object_unref(OBJECT(&d.iomem));
}

static void test_valid_refusals(void)
{
    TestDev d, u;
    uint64_t val;

    testdev_init(&d, &strict_ops, "strict", 0x40);

    val = 0xdead;
    g_assert_cmpuint(memory_region_dispatch_read(&d.iomem, 0x4, &val, 1,
                                                 ATTRS),
                     ==, MEMTX_DECODE_ERROR);
    g_assert_cmphex(val, ==, 0);
    val = 0xdead;
    g_assert_cmpuint(memory_region_dispatch_read(&d.iomem, 0x8, &val, 8,
                                                 ATTRS),
                     ==, MEMTX_DECODE_ERROR);
    g_assert_cmphex(val, ==, 0);
    val = 0xdead;
    g_assert_cmpuint(memory_region_dispatch_read(&d.iomem, 0x2, &val, 4,
                                                 ATTRS),
                     ==, MEMTX_DECODE_ERROR);
    g_assert_cmphex(val, ==, 0);
    g_assert_cmpuint(memory_region_dispatch_write(&d.iomem, 0x4, 0xff, 2,
                                                  ATTRS),
                     ==, MEMTX_DECODE_ERROR);
    g_assert_cmpuint(memory_region_dispatch_write(&d.iomem, 0x3c, 1, 4,
                                                  ATTRS),
                     ==, MEMTX_DECODE_ERROR);
    g_assert_cmpuint(d.nr_calls, ==, 0);
    g_assert_cmphex(d.regs[0x3c], ==, 0x4c);
    g_assert_cmphex(d.regs[0x4], ==, 0x14);

    /* accepts() only vetoes writes at 0x3c: reads there pass. */
    g_assert_cmpuint(memory_region_dispatch_read(&d.iomem, 0x3c, &val, 4,
                                                 ATTRS), ==, MEMTX_OK);
    g_assert_cmphex(val, ==, 0x4f4e4d4c);
    g_assert_cmpuint(d.nr_calls, ==, 1);

    testdev_init(&u, &unaligned_ops, "unaligned", 0x40);
    g_assert_cmpuint(memory_region_dispatch_read(&u.iomem, 0x2, &val, 4,
                                                 ATTRS), ==, MEMTX_OK);
    assert_call(&u, 0, false, 0x2, 4, 0x15141312);
    object_unref(OBJECT(&u.iomem));
    object_unref(OBJECT(&d.iomem));
}

static void test_with_attrs_preferred(void)
{
    TestDev d;
    uint64_t val = 0;
    MemTxAttrs secure = { .secure = 1 };

    testdev_init(&d, &attrs_ops, "attrs", 0x10);
    g_assert_cmpuint(memory_region_dispatch_read(&d.iomem, 0x4, &val, 4,
                                                 secure), ==, MEMTX_OK);
    g_assert_cmphex(val, ==, 0x5a);
    assert_call(&d, 0, false, 0x4, 4, 1);
    g_assert_cmpuint(memory_region_dispatch_read(&d.iomem, 0x4, &val, 4,
                                                 ATTRS), ==, MEMTX_ERROR);
    g_assert_cmpuint(d.nr_calls, ==, 2);
    object_unref(OBJECT(&d.iomem));
}

static void test_refusals_logged(void)
{
    Fixture f;
    TestDev d;
    MemoryRegion *regions[] = { &d.iomem };
    uint8_t buf[4];
    char *text;

    testdev_init(&d, &strict_ops, "strict", 0x40);
    fixture_init(&f, 0x100000);
    memory_region_add_subregion(&f.root, 0x9000, &d.iomem);

    log_capture_start(LOG_GUEST_ERROR);
    address_space_read(&f.as, 0x9002, ATTRS, buf, 4);
    address_space_stb(&f.as, 0x9004, 0x55, ATTRS, NULL);
    memset(buf, 0xee, sizeof(buf));
    g_assert_cmpuint(address_space_read(&f.as, 0x50000, ATTRS, buf, 4),
                     ==, MEMTX_DECODE_ERROR);
    text = log_capture_take();
    g_assert_nonnull(strstr(text, "Invalid read at addr 0x2, size 2, "
                            "region 'strict', reason: invalid size"));
    g_assert_nonnull(strstr(text, "Invalid write at addr 0x4, size 1, "
                            "region 'strict', reason: invalid size "
                            "(min:4 max:4)"));
    g_assert_nonnull(strstr(text, "Invalid read at addr 0x50000, size 4, "
                            "region '(null)', reason: rejected"));
    g_free(text);
    g_assert_cmphex(buf[0] | buf[1] | buf[2] | buf[3], ==, 0);

    /* invalid_mem alone also reports; with nothing enabled, silence. */
    log_capture_start(LOG_INVALID_MEM);
    address_space_stl_le(&f.as, 0x9006, 1, ATTRS, NULL);
    text = log_capture_take();
    g_assert_nonnull(strstr(text, "Invalid write at addr 0x6, size 4, "
                            "region 'strict', reason: unaligned"));
    g_free(text);

    log_capture_start(0);
    address_space_stl_le(&f.as, 0x9006, 1, ATTRS, NULL);
    address_space_read(&f.as, 0x60000, ATTRS, buf, 4);
    text = log_capture_take();
    g_assert_cmpstr(text, ==, "");
    g_free(text);
    g_assert_cmpuint(d.nr_calls, ==, 0);
    fixture_destroy(&f, regions, 1);
}

static void test_priority_and_overlap(void)
{
    Fixture f;
    MemoryRegion low, below, a, b;
    TestDev high;
    MemoryRegion *regions[] = { &low, &below, &a, &b, &high.iomem };
    hwaddr xlat, plen;

    fixture_init(&f, 0x100000);
    g_assert_true(memory_region_init_ram(&low, NULL, "low", 0x1000,
                                         &error_abort));
    g_assert_true(memory_region_init_ram(&below, NULL, "below", 0x2000,
                                         &error_abort));
    testdev_init(&high, &default_ops, "high", 0x100);
    memory_region_add_subregion(&f.root, 0, &low);
    memory_region_add_subregion_overlap(&f.root, 0x800, &high.iomem, 1);
    memory_region_add_subregion_overlap(&f.root, 0, &below, -1);

    g_assert_true(address_space_translate_simple(&f.as, 0x880, &xlat, NULL)
                  == &high.iomem);
    g_assert_cmphex(xlat, ==, 0x80);
    g_assert_true(address_space_translate_simple(&f.as, 0x7ff, &xlat, NULL)
                  == &low);
    g_assert_cmphex(xlat, ==, 0x7ff);
    plen = UINT64_MAX;
    g_assert_true(address_space_translate_simple(&f.as, 0x900, &xlat, &plen)
                  == &low);
    g_assert_cmphex(xlat, ==, 0x900);
    g_assert_cmphex(plen, ==, 0x700);
    /* The lower-priority region shows only where nothing else is. */
    g_assert_true(address_space_translate_simple(&f.as, 0x100, &xlat, NULL)
                  == &low);
    g_assert_true(address_space_translate_simple(&f.as, 0x1800, &xlat, NULL)
                  == &below);
    g_assert_cmphex(xlat, ==, 0x1800);

    /* Equal priority: the region mapped later wins. */
    g_assert_true(memory_region_init_ram(&a, NULL, "a", 0x100,
                                         &error_abort));
    g_assert_true(memory_region_init_ram(&b, NULL, "b", 0x100,
                                         &error_abort));
    memory_region_add_subregion(&f.root, 0x4000, &a);
    memory_region_add_subregion(&f.root, 0x4080, &b);
    g_assert_true(address_space_translate_simple(&f.as, 0x4090, &xlat, NULL)
                  == &b);
    g_assert_cmphex(xlat, ==, 0x10);
    g_assert_true(address_space_translate_simple(&f.as, 0x407f, &xlat, NULL)
                  == &a);
    /* Re-placing a re-maps it: now it is the latest of the two. */
    memory_region_set_address(&a, 0x4040);
    g_assert_true(address_space_translate_simple(&f.as, 0x4090, &xlat, NULL)
                  == &a);
    g_assert_cmphex(xlat, ==, 0x50);
    g_assert_true(address_space_translate_simple(&f.as, 0x4150, &xlat, NULL)
                  == &b);
    g_assert_cmphex(xlat, ==, 0xd0);
    g_assert_null(address_space_translate_simple(&f.as, 0x4000, &xlat,
                                                 NULL));

    /* Removing the winner uncovers what lay below. */
    memory_region_del_subregion(&f.root, &high.iomem);
    g_assert_true(address_space_translate_simple(&f.as, 0x880, &xlat, NULL)
                  == &low);
    g_assert_cmphex(xlat, ==, 0x880);
    fixture_destroy(&f, regions, G_N_ELEMENTS(regions));
}

static void test_alias(void)
{
    Fixture f;
    MemoryRegion ram, win, win2, io_alias, lo_half, hi_half;
    TestDev d;
    MemoryRegion *regions[] = { &ram, &win, &win2, &io_alias, &lo_half,
                                &hi_half, &d.iomem };
    uint8_t *host;
    uint8_t buf[4] = { 1, 2, 3, 4 };
    hwaddr xlat, plen;
    GString *text = g_string_new("");

    fixture_init(&f, 0x100000);
    g_assert_true(memory_region_init_ram(&ram, NULL, "ram", 0x1000,
                                         &error_abort));
    host = memory_region_get_ram_ptr(&ram);
    memory_region_add_subregion(&f.root, 0, &ram);
    memory_region_init_alias(&win, NULL, "win", &ram, 0x400, 0x100);
    memory_region_add_subregion(&f.root, 0x8000, &win);
    g_assert_true(memory_region_get_ram_ptr(&win) == host + 0x400);

    g_assert_cmpuint(address_space_write(&f.as, 0x8010, ATTRS, buf, 4),
                     ==, MEMTX_OK);
    g_assert_cmpmem(host + 0x410, 4, buf, 4);
    g_assert_true(address_space_translate_simple(&f.as, 0x8010, &xlat, NULL)
                  == &ram);
    g_assert_cmphex(xlat, ==, 0x410);
    /* Past the window's end there is nothing. */
    g_assert_null(address_space_translate_simple(&f.as, 0x8100, &xlat,
                                                 NULL));

    /* An alias of an alias, then a moved window. */
    memory_region_init_alias(&win2, NULL, "win2", &win, 0x80, 0x10);
    memory_region_add_subregion(&f.root, 0x9000, &win2);
    g_assert_true(address_space_translate_simple(&f.as, 0x9004, &xlat, NULL)
                  == &ram);
    g_assert_cmphex(xlat, ==, 0x484);
    memory_region_set_alias_offset(&win, 0x0);
    g_assert_true(address_space_translate_simple(&f.as, 0x8010, &xlat, NULL)
                  == &ram);
    g_assert_cmphex(xlat, ==, 0x10);

    /* Adjacent windows onto adjacent RAM make one range of the view. */
    memory_region_init_alias(&lo_half, NULL, "lo-half", &ram, 0x0, 0x800);
    memory_region_init_alias(&hi_half, NULL, "hi-half", &ram, 0x800, 0x800);
    memory_region_add_subregion(&f.root, 0x20000, &lo_half);
    memory_region_add_subregion(&f.root, 0x20800, &hi_half);
    plen = UINT64_MAX;
    g_assert_true(address_space_translate_simple(&f.as, 0x20100, &xlat,
                                                 &plen) == &ram);
    g_assert_cmphex(xlat, ==, 0x100);
    g_assert_cmphex(plen, ==, 0xf00);

    /* Dispatch through an alias of an I/O region lands at its offset. */
    testdev_init(&d, &default_ops, "dev", 0x40);
    memory_region_init_alias(&io_alias, NULL, "dev-alias", &d.iomem, 0x20,
                             0x20);
    memory_region_add_subregion(&f.root, 0xa000, &io_alias);
    g_assert_cmphex(address_space_ldl_le(&f.as, 0xa004, ATTRS, NULL), ==,
                    0x37363534);
    assert_call(&d, 0, false, 0x24, 4, 0x37363534);

    mtree_info(text, false);
    g_assert_nonnull(strstr(text->str,
                            "    0000000000008000-00000000000080ff "
                            "(prio 0, ram): alias win @ram "
                            "0000000000000000-00000000000000ff\n"));
    g_assert_nonnull(strstr(text->str,
                            "    000000000000a000-000000000000a01f "
                            "(prio 0, i/o): alias dev-alias @dev "
                            "0000000000000020-000000000000003f\n"));
    g_assert_nonnull(strstr(text->str,
                            "memory-region: ram\n"
                            "  0000000000000000-0000000000000fff "
                            "(prio 0, ram): ram\n"));
    g_assert_nonnull(strstr(text->str, "memory-region: win\n"));

    g_string_truncate(text, 0);
    mtree_info(text, true);
    g_assert_nonnull(strstr(text->str,
        " AS \"test\", root: root\n"
        " Root memory region: root\n"
        "  0000000000000000-0000000000000fff (prio 0, ram): ram\n"
        "  0000000000008000-00000000000080ff (prio 0, ram): ram\n"
        "  0000000000009000-000000000000900f (prio 0, ram): ram"
        " @0000000000000080\n"
        "  000000000000a000-000000000000a01f (prio 0, i/o): dev"
        " @0000000000000020\n"
        "  0000000000020000-0000000000020fff (prio 0, ram): ram\n"
        "\n"));
    g_string_free(text, true);
    fixture_destroy(&f, regions, G_N_ELEMENTS(regions));
}

static void test_disabled(void)
{
    Fixture f;
    TestDev d;
    MemoryRegion *regions[] = { &d.iomem };
    GString *text = g_string_new("");
    MemTxResult res;

    fixture_init(&f, 0x10000);
    testdev_init(&d, &default_ops, "dev", 0x40);
    memory_region_add_subregion(&f.root, 0x100, &d.iomem);
    g_assert_cmphex(address_space_ldl_le(&f.as, 0x100, ATTRS, &res), ==,
                    0x13121110);
    g_assert_cmpuint(res, ==, MEMTX_OK);

    memory_region_set_enabled(&d.iomem, false);
    g_assert_cmphex(address_space_ldl_le(&f.as, 0x100, ATTRS, &res), ==, 0);
    g_assert_cmpuint(res, ==, MEMTX_DECODE_ERROR);
    g_assert_cmpuint(d.nr_calls, ==, 1);
    mtree_info(text, false);
    g_assert_nonnull(strstr(text->str, "(prio 0, i/o): dev [disabled]\n"));

    memory_region_set_enabled(&d.iomem, true);
    g_assert_cmphex(address_space_ldl_le(&f.as, 0x104, ATTRS, &res), ==,
                    0x17161514);
    g_assert_cmpuint(d.nr_calls, ==, 2);
    g_string_free(text, true);
    fixture_destroy(&f, regions, 1);
}

static void test_ram_across_regions(void)
{
    Fixture f;
    MemoryRegion ra, rb;
    TestDev d;
    MemoryRegion *regions[] = { &ra, &rb, &d.iomem };
    uint8_t in[0x20], out[0x60];
    uint8_t *pa, *pb;
    unsigned i;

    fixture_init(&f, 0x10000);
    g_assert_true(memory_region_init_ram(&ra, NULL, "ra", 0x100,
                                         &error_abort));
    g_assert_true(memory_region_init_ram(&rb, NULL, "rb", 0x100,
                                         &error_abort));
    testdev_init(&d, &default_ops, "dev", 0x40);
    memory_region_add_subregion(&f.root, 0x000, &ra);
    memory_region_add_subregion(&f.root, 0x100, &rb);
    memory_region_add_subregion(&f.root, 0x200, &d.iomem);
    pa = memory_region_get_ram_ptr(&ra);
    pb = memory_region_get_ram_ptr(&rb);

    for (i = 0; i < sizeof(in); i++) {
        in[i] = 0xa0 + i;
    }
    g_assert_cmpuint(address_space_write(&f.as, 0xf0, ATTRS, in, 0x20),
                     ==, MEMTX_OK);
    g_assert_cmpmem(pa + 0xf0, 0x10, in, 0x10);
    g_assert_cmpmem(pb, 0x10, in + 0x10, 0x10);
    g_assert_cmphex(address_space_ldl_le(&f.as, 0xfe, ATTRS, NULL), ==,
                    0xb1b0afae);

    /* RAM, then the device in 4-byte pieces, then unassigned zeros. */
    memset(out, 0xcc, sizeof(out));
    g_assert_cmpuint(address_space_read(&f.as, 0x1f0, ATTRS, out, 0x60),
                     ==, MEMTX_DECODE_ERROR);
    g_assert_cmpmem(out, 0x10, pb + 0xf0, 0x10);
    g_assert_cmpmem(out + 0x10, 0x40, d.regs, 0x40);
    for (i = 0x50; i < 0x60; i++) {
        g_assert_cmphex(out[i], ==, 0);
    }
    g_assert_cmpuint(d.nr_calls, ==, 16);
    for (i = 0; i < 16; i++) {
        g_assert_cmphex(d.calls[i].addr, ==, i * 4);
        g_assert_cmpuint(d.calls[i].size, ==, 4);
    }

    address_space_set(&f.as, 0x80, 0x5a, 0x100, ATTRS);
    g_assert_cmphex(pa[0x7f], ==, 0);
    g_assert_cmphex(pa[0x80], ==, 0x5a);
    g_assert_cmphex(pb[0x7f], ==, 0x5a);
    g_assert_cmphex(pb[0x80], ==, 0);
    fixture_destroy(&f, regions, G_N_ELEMENTS(regions));
}

static void test_io_access_sizes(void)
{
    Fixture f;
    TestDev d;
    MemoryRegion *regions[] = { &d.iomem };
    uint8_t buf[7];
    static const uint8_t data[7] = { 1, 2, 3, 4, 5, 6, 7 };

    fixture_init(&f, 0x10000);
    testdev_init(&d, &default_ops, "dev", 0x40);
    memory_region_add_subregion(&f.root, 0x1000, &d.iomem);

    /* 7 bytes at offset 1: the largest aligned pieces that fit. */
    g_assert_cmpuint(address_space_read(&f.as, 0x1001, ATTRS, buf, 7),
                     ==, MEMTX_OK);
    g_assert_cmpuint(d.nr_calls, ==, 3);
    assert_call(&d, 0, false, 0x1, 1, 0x11);
    assert_call(&d, 1, false, 0x2, 2, 0x1312);
    assert_call(&d, 2, false, 0x4, 4, 0x17161514);
    g_assert_cmpmem(buf, 7, d.regs + 1, 7);

    d.nr_calls = 0;
    g_assert_cmpuint(address_space_write(&f.as, 0x1001, ATTRS, data, 7),
                     ==, MEMTX_OK);
    g_assert_cmpuint(d.nr_calls, ==, 3);
    assert_call(&d, 0, true, 0x1, 1, 0x01);
    assert_call(&d, 1, true, 0x2, 2, 0x0302);
    assert_call(&d, 2, true, 0x4, 4, 0x07060504);
    fixture_destroy(&f, regions, 1);
}

static void test_ld_st(void)
{
    Fixture f;
    TestDev d, s;
    MemoryRegion *regions[] = { &d.iomem, &s.iomem };
    MemTxResult res;

    fixture_init(&f, 0x10000);
    testdev_init(&d, &wide_ops, "wide", 0x40);
    testdev_init(&s, &strict_ops, "strict", 0x40);
    memory_region_add_subregion(&f.root, 0x1000, &d.iomem);
    memory_region_add_subregion(&f.root, 0x2000, &s.iomem);

    g_assert_cmphex(address_space_ldq_le(&f.as, 0x1008, ATTRS, &res), ==,
                    0x1f1e1d1c1b1a1918ULL);
    g_assert_cmpuint(res, ==, MEMTX_OK);
    g_assert_cmpuint(d.nr_calls, ==, 1);
    assert_call(&d, 0, false, 0x8, 8, 0x1f1e1d1c1b1a1918ULL);

    address_space_stl_le(&f.as, 0x1010, 0xcafef00d, ATTRS, &res);
    g_assert_cmpuint(res, ==, MEMTX_OK);
    assert_call(&d, 1, true, 0x10, 4, 0xcafef00d);
    address_space_stw_le(&f.as, 0x1020, 0x12345678, ATTRS, NULL);
    assert_call(&d, 2, true, 0x20, 2, 0x5678);
    g_assert_cmphex(address_space_ldub(&f.as, 0x1011, ATTRS, NULL), ==,
                    0xf0);
    g_assert_cmphex(address_space_lduw_le(&f.as, 0x1012, ATTRS, NULL), ==,
                    0xcafe);

    /* A single access is refused as a whole, never split. */
    g_assert_cmphex(address_space_ldl_le(&f.as, 0x2002, ATTRS, &res), ==, 0);
    g_assert_cmpuint(res, ==, MEMTX_DECODE_ERROR);
    g_assert_cmphex(address_space_ldq_le(&f.as, 0x2000, ATTRS, &res), ==, 0);
    g_assert_cmpuint(res, ==, MEMTX_DECODE_ERROR);
    address_space_stb(&f.as, 0x2000, 0x77, ATTRS, &res);
    g_assert_cmpuint(res, ==, MEMTX_DECODE_ERROR);
    g_assert_cmpuint(s.nr_calls, ==, 0);
    g_assert_cmphex(address_space_ldl_le(&f.as, 0x2004, ATTRS, &res), ==,
                    0x17161514);
    g_assert_cmpuint(res, ==, MEMTX_OK);

    /* Unassigned: 0 and a decode error. */
    g_assert_cmphex(address_space_ldq_le(&f.as, 0x8000, ATTRS, &res), ==, 0);
    g_assert_cmpuint(res, ==, MEMTX_DECODE_ERROR);
    fixture_destroy(&f, regions, G_N_ELEMENTS(regions));
}

static void test_unassigned_io_space(void)
{
    MemoryRegion root;
    AddressSpace as = { .is_io = true };
    uint8_t buf[2] = { 0, 0 };
    MemTxResult res;

    memory_region_init(&root, NULL, "io-root", 0x10000);
    address_space_init(&as, &root, "test-io");
    g_assert_cmphex(address_space_ldl_le(&as, 0x60, ATTRS, &res), ==,
                    0xffffffff);
    g_assert_cmpuint(res, ==, MEMTX_DECODE_ERROR);
    g_assert_cmphex(address_space_ldub(&as, 0x61, ATTRS, NULL), ==, 0xff);
    g_assert_cmpuint(address_space_read(&as, 0x70, ATTRS, buf, 2), ==,
                     MEMTX_DECODE_ERROR);
    g_assert_cmphex(buf[0] & buf[1], ==, 0xff);
    address_space_stb(&as, 0x60, 1, ATTRS, &res);
    g_assert_cmpuint(res, ==, MEMTX_DECODE_ERROR);
    address_space_destroy(&as);
    object_unref(OBJECT(&root));
}

static void test_rom(void)
{
    Fixture f;
    MemoryRegion rom;
    MemoryRegion *regions[] = { &rom };
    uint8_t *host;
    uint8_t buf[4] = { 9, 9, 9, 9 };
    char *text;
    MemTxResult res;

    fixture_init(&f, 0x10000);
    g_assert_true(memory_region_init_rom(&rom, NULL, "rom", 0x100,
                                         &error_abort));
    g_assert_true(memory_region_is_ram(&rom));
    host = memory_region_get_ram_ptr(&rom);
    memset(host, 0x42, 0x100);
    memory_region_add_subregion(&f.root, 0x400, &rom);

    log_capture_start(LOG_GUEST_ERROR);
    g_assert_cmpuint(address_space_write(&f.as, 0x410, ATTRS, buf, 4), ==,
                     MEMTX_DECODE_ERROR);
    address_space_stl_le(&f.as, 0x420, 0, ATTRS, &res);
    g_assert_cmpuint(res, ==, MEMTX_DECODE_ERROR);
    text = log_capture_take();
    g_assert_nonnull(strstr(text, "Invalid write at addr 0x10, size 4, "
                            "region 'rom', reason: rejected"));
    g_free(text);
    g_assert_cmphex(host[0x10], ==, 0x42);
    g_assert_cmphex(host[0x20], ==, 0x42);
    g_assert_cmphex(address_space_ldl_le(&f.as, 0x410, ATTRS, &res), ==,
                    0x42424242);
    g_assert_cmpuint(res, ==, MEMTX_OK);

    /* A read-only RAM region behaves the same; writable again after. */
    memory_region_set_readonly(&rom, false);
    address_space_stb(&f.as, 0x410, 0x01, ATTRS, &res);
    g_assert_cmpuint(res, ==, MEMTX_OK);
    g_assert_cmphex(host[0x10], ==, 0x01);
    fixture_destroy(&f, regions, 1);
}

static void test_reentrancy_guard(void)
{
    Fixture f;
    TestDev d, other;
    MemoryRegion *regions[] = { &d.iomem, &other.iomem };
    uint64_t val;

    fixture_init(&f, 0x10000);
    testdev_init(&d, &default_ops, "dev", 0x40);
    testdev_init(&other, &default_ops, "other", 0x40);
    memory_region_add_subregion(&f.root, 0x100, &d.iomem);
    memory_region_add_subregion(&f.root, 0x200, &other.iomem);

    /* The handler reads its own region: refused, outer access fine. */
    d.reenter = &d.iomem;
    d.reenter_addr = 0x4;
    g_assert_cmpuint(memory_region_dispatch_read(&d.iomem, 0x0, &val, 4,
                                                 ATTRS), ==, MEMTX_OK);
    g_assert_cmpuint(d.reenter_result, ==, MEMTX_ACCESS_ERROR);
    g_assert_cmpuint(d.nr_calls, ==, 1);
    g_assert_cmphex(val, ==, 0x13121110);

    /* The same through the address space. */
    d.reenter_as = &f.as;
    d.reenter_addr = 0x108;
    g_assert_cmphex(address_space_ldl_le(&f.as, 0x100, ATTRS, NULL), ==,
                    0x13121110);
    g_assert_cmpuint(d.reenter_result, ==, MEMTX_ACCESS_ERROR);
    g_assert_cmpuint(d.nr_calls, ==, 2);

    /* Another region may be reached from a handler. */
    d.reenter_as = &f.as;
    d.reenter_addr = 0x200;
    address_space_ldl_le(&f.as, 0x100, ATTRS, NULL);
    g_assert_cmpuint(d.reenter_result, ==, MEMTX_OK);
    g_assert_cmpuint(other.nr_calls, ==, 1);

    /* The guard is released after each access... */
    g_assert_cmpuint(memory_region_dispatch_read(&d.iomem, 0x4, &val, 4,
                                                 ATTRS), ==, MEMTX_OK);
    g_assert_cmphex(val, ==, 0x17161514);

    /* ...and lock-free regions do without it. */
    memory_region_enable_lockless_io(&d.iomem);
    d.reenter = &d.iomem;
    d.reenter_addr = 0x8;
    d.nr_calls = 0;
    memory_region_dispatch_read(&d.iomem, 0x0, &val, 4, ATTRS);
    g_assert_cmpuint(d.reenter_result, ==, MEMTX_OK);
    g_assert_cmpuint(d.nr_calls, ==, 2);
    assert_call(&d, 1, false, 0x8, 4, 0x1b1a1918);
    fixture_destroy(&f, regions, G_N_ELEMENTS(regions));
}

static void test_reentrancy_per_device(void)
{
    Object *dev = object_new(TYPE_DEVICE);
    Object *board = object_new(TYPE_CONTAINER);
    TestDev a, b, c, e;
    uint64_t val;

    testdev_init_owned(&a, dev, &default_ops, "a", 0x40);
    testdev_init_owned(&b, dev, &default_ops, "b", 0x40);
    testdev_init_owned(&c, board, &default_ops, "c", 0x40);
    testdev_init_owned(&e, board, &default_ops, "e", 0x40);

    /* A handler of a device may not reach another region of it... */
    a.reenter = &b.iomem;
    memory_region_dispatch_read(&a.iomem, 0x0, &val, 4, ATTRS);
    g_assert_cmpuint(a.reenter_result, ==, MEMTX_ACCESS_ERROR);
    g_assert_cmpuint(b.nr_calls, ==, 0);
    /* ...while regions of an owner that is no device are independent. */
    c.reenter = &e.iomem;
    memory_region_dispatch_read(&c.iomem, 0x0, &val, 4, ATTRS);
    g_assert_cmpuint(c.reenter_result, ==, MEMTX_OK);
    g_assert_cmpuint(e.nr_calls, ==, 1);
    /* The device is free again once its handler returned. */
    g_assert_cmpuint(memory_region_dispatch_read(&b.iomem, 0x0, &val, 4,
                                                 ATTRS), ==, MEMTX_OK);
    object_unref(dev);
    object_unref(board);
}

static void test_transactions(void)
{
    Fixture f;
    MemoryRegion r1, r2;
    MemoryRegion *regions[] = { &r1, &r2 };
    hwaddr xlat;

    fixture_init(&f, 0x10000);
    g_assert_true(memory_region_init_ram(&r1, NULL, "r1", 0x100,
                                         &error_abort));
    g_assert_true(memory_region_init_ram(&r2, NULL, "r2", 0x100,
                                         &error_abort));

    memory_region_transaction_begin();
    memory_region_add_subregion(&f.root, 0x1000, &r1);
    memory_region_transaction_begin();
    memory_region_add_subregion(&f.root, 0x2000, &r2);
    memory_region_set_address(&r1, 0x3000);
    memory_region_transaction_commit();
    /* Still inside the outer transaction: the old view serves. */
    g_assert_null(address_space_translate_simple(&f.as, 0x3000, &xlat,
                                                 NULL));
    g_assert_null(address_space_translate_simple(&f.as, 0x2000, &xlat,
                                                 NULL));
    memory_region_transaction_commit();
    g_assert_true(address_space_translate_simple(&f.as, 0x3000, &xlat, NULL)
                  == &r1);
    g_assert_true(address_space_translate_simple(&f.as, 0x2000, &xlat, NULL)
                  == &r2);
    g_assert_null(address_space_translate_simple(&f.as, 0x1000, &xlat,
                                                 NULL));

    /* Size changes follow the same path. */
    memory_region_set_size(&r2, 0x80);
    g_assert_null(address_space_translate_simple(&f.as, 0x2080, &xlat,
                                                 NULL));
    g_assert_true(address_space_translate_simple(&f.as, 0x207f, &xlat, NULL)
                  == &r2);
    fixture_destroy(&f, regions, G_N_ELEMENTS(regions));
}

static void test_translate_simple(void)
{
    Fixture f;
    MemoryRegion ram, child;
    MemoryRegion sub;
    MemoryRegion *regions[] = { &ram, &child, &sub };
    hwaddr xlat, plen;

    fixture_init(&f, UINT64_MAX);
    g_assert_cmphex(memory_region_size(&f.root), ==, UINT64_MAX);
    memory_region_init(&sub, NULL, "sub", 0x10000);
    g_assert_true(memory_region_init_ram(&ram, NULL, "ram", 0x1000,
                                         &error_abort));
    g_assert_true(memory_region_init_ram(&child, NULL, "child", 0x1000,
                                         &error_abort));
    memory_region_add_subregion(&f.root, 0x40000000, &sub);
    memory_region_add_subregion(&sub, 0x2000, &ram);
    memory_region_add_subregion(&f.root, 0xfffffffffffff000ULL, &child);

    plen = 0x10;
    g_assert_true(address_space_translate_simple(&f.as, 0x40002100, &xlat,
                                                 &plen) == &ram);
    g_assert_cmphex(xlat, ==, 0x100);
    g_assert_cmphex(plen, ==, 0x10);
    plen = 0x10000;
    address_space_translate_simple(&f.as, 0x40002100, &xlat, &plen);
    g_assert_cmphex(plen, ==, 0xf00);

    /* Holes report their extent up to the next range. */
    plen = UINT64_MAX;
    g_assert_null(address_space_translate_simple(&f.as, 0x40000000, &xlat,
                                                 &plen));
    g_assert_cmphex(plen, ==, 0x2000);
    g_assert_cmphex(xlat, ==, 0x40000000);

    /* The top page of the 64-bit space. */
    plen = UINT64_MAX;
    g_assert_true(address_space_translate_simple(&f.as, UINT64_MAX, &xlat,
                                                 &plen) == &child);
    g_assert_cmphex(xlat, ==, 0xfff);
    g_assert_cmphex(plen, ==, 1);
    fixture_destroy(&f, regions, G_N_ELEMENTS(regions));
}

static void test_qom_tree(void)
{
    Object *owner = object_new(TYPE_CONTAINER);
    Object *machine;
    MemoryRegion *a = g_new0(MemoryRegion, 1);
    MemoryRegion *b = g_new0(MemoryRegion, 1);
    MemoryRegion *orphan = g_new0(MemoryRegion, 1);
    MemoryRegion *slash = g_new0(MemoryRegion, 1);
    MemoryRegion *inner = g_new0(MemoryRegion, 1);
    MemoryRegion *outer = g_new0(MemoryRegion, 1);
    Fixture f;

    memory_region_init_io(a, owner, &default_ops, NULL, "mmio", 0x10);
    g_assert_true(memory_region_init_ram(b, owner, "mmio", 0x10,
                                         &error_abort));
    g_assert_true(object_resolve_path_component(owner, "mmio[0]") ==
                  OBJECT(a));
    g_assert_true(object_resolve_path_component(owner, "mmio[1]") ==
                  OBJECT(b));
    g_assert_true(memory_region_owner(a) == owner);
    g_assert_cmpstr(memory_region_name(b), ==, "mmio");
    g_assert_cmpstr(object_get_typename(OBJECT(a)), ==, TYPE_MEMORY_REGION);

    /* A mapped region keeps its owner alive until it is unmapped. */
    fixture_init(&f, 0x1000);
    memory_region_add_subregion(&f.root, 0, b);
    g_assert_cmpuint(owner->ref, ==, 2);
    memory_region_del_subregion(&f.root, b);
    g_assert_cmpuint(owner->ref, ==, 1);
    address_space_destroy(&f.as);
    object_unref(OBJECT(&f.root));
    object_unref(owner);

    /*
     * Regions mapped inside a container of their own owner hold no
     * reference to it, whichever of them the owner drops first.
     */
    owner = object_new(TYPE_CONTAINER);
    g_assert_true(memory_region_init_ram(inner, owner, "inner", 0x10,
                                         &error_abort));
    memory_region_init(outer, owner, "outer", 0x100);
    memory_region_add_subregion(outer, 0x10, inner);
    g_assert_cmpuint(owner->ref, ==, 1);
    object_unref(owner);

    /* Without an owner a region lands in /machine/unattached. */
    machine = object_new(TYPE_CONTAINER);
    object_property_add_child(object_get_root(), "machine", machine);
    object_unref(machine);
    memory_region_init(orphan, NULL, "orphan", 0x10);
    memory_region_init(slash, NULL, "a/b", 0x10);
    g_assert_true(object_resolve_path("/machine/unattached/orphan[0]", NULL)
                  == OBJECT(orphan));
    g_assert_true(object_resolve_path("/machine/unattached/a_b[0]", NULL)
                  == OBJECT(slash));
    object_unparent(machine);
    g_free(a);
    g_free(b);
    g_free(orphan);
    g_free(slash);
    g_free(inner);
    g_free(outer);
}

static void test_mtree_text(void)
{
    TestDev pl011;
    MemoryRegion ram, flash;
    GString *text = g_string_new("");

    memory_map_init();
    testdev_init(&pl011, &default_ops, "pl011", 0x1000);
    g_assert_true(memory_region_init_ram(&ram, NULL, "mach-virt.ram",
                                         0x8000000, &error_abort));
    g_assert_true(memory_region_init_rom(&flash, NULL, "virt.flash", 0x1000,
                                         &error_abort));
    memory_region_add_subregion(get_system_memory(), 0x09000000,
                                &pl011.iomem);
    memory_region_add_subregion(get_system_memory(), 0x40000000, &ram);
    memory_region_add_subregion(get_system_memory(), 0, &flash);

    mtree_info(text, false);
    g_assert_nonnull(strstr(text->str,
        "address-space: memory\n"
        "  0000000000000000-ffffffffffffffff (prio 0, i/o): system\n"
        "    0000000000000000-0000000000000fff (prio 0, rom): virt.flash\n"
        "    0000000009000000-0000000009000fff (prio 0, i/o): pl011\n"
        "    0000000040000000-0000000047ffffff (prio 0, ram): mach-virt.ram\n"
        "\n"));
    g_assert_nonnull(strstr(text->str,
        "address-space: I/O\n"
        "  0000000000000000-000000000000ffff (prio 0, i/o): io\n\n"));

    g_string_truncate(text, 0);
    mtree_info(text, true);
    g_assert_nonnull(strstr(text->str,
        "FlatView #0\n"
        " AS \"memory\", root: system\n"
        " Root memory region: system\n"
        "  0000000000000000-0000000000000fff (prio 0, rom): virt.flash\n"
        "  0000000009000000-0000000009000fff (prio 0, i/o): pl011\n"
        "  0000000040000000-0000000047ffffff (prio 0, ram): mach-virt.ram\n"
        "\n"));
    g_assert_nonnull(strstr(text->str,
        "FlatView #1\n"
        " AS \"I/O\", root: io\n"
        " Root memory region: io\n"
        "  No rendered FlatView\n"));

    /* A split RAM range shows the offset of its second part. */
    memory_region_del_subregion(get_system_memory(), &pl011.iomem);
    memory_region_add_subregion_overlap(get_system_memory(), 0x40001000,
                                        &pl011.iomem, 1);
    g_string_truncate(text, 0);
    mtree_info(text, true);
    g_assert_nonnull(strstr(text->str,
        "  0000000040000000-0000000040000fff (prio 0, ram): mach-virt.ram\n"
        "  0000000040001000-0000000040001fff (prio 1, i/o): pl011\n"
        "  0000000040002000-0000000047ffffff (prio 0, ram): mach-virt.ram"
        " @0000000000002000\n"));
    g_string_truncate(text, 0);
    mtree_info(text, false);
    g_assert_nonnull(strstr(text->str,
        "    0000000040000000-0000000047ffffff (prio 0, ram): mach-virt.ram\n"
        "    0000000040001000-0000000040001fff (prio 1, i/o): pl011\n"));

    g_assert_cmphex(address_space_ldl_le(&address_space_memory, 0x40001004,
                                         ATTRS, NULL), ==, 0x17161514);
    memory_region_del_subregion(get_system_memory(), &pl011.iomem);
    memory_region_del_subregion(get_system_memory(), &ram);
    memory_region_del_subregion(get_system_memory(), &flash);
    object_unref(OBJECT(&pl011.iomem));
    object_unref(OBJECT(&ram));
    object_unref(OBJECT(&flash));
    g_string_free(text, true);
}

int main(int argc, char **argv)
{
    g_autofree char *dir = g_dir_make_tmp("test-memory-XXXXXX", NULL);
    int ret;

    g_assert_nonnull(dir);
    log_path = g_build_filename(dir, "log", NULL);
    g_test_init(&argc, &argv, NULL);
    module_call_init(MODULE_INIT_QOM);
    type_register_static(&stand_in_device_type);

    g_test_add_func("/memory/dispatch/split-little-endian",
                    test_split_little_endian);
    g_test_add_func("/memory/dispatch/split-big-endian",
                    test_split_big_endian);
    g_test_add_func("/memory/dispatch/widen-little-endian",
                    test_widen_little_endian);
    g_test_add_func("/memory/dispatch/widen-big-endian",
                    test_widen_big_endian);
    g_test_add_func("/memory/dispatch/default-impl", test_default_impl);
    g_test_add_func("/memory/dispatch/valid-refusals", test_valid_refusals);
    g_test_add_func("/memory/dispatch/with-attrs", test_with_attrs_preferred);
    g_test_add_func("/memory/dispatch/refusals-logged",
                    test_refusals_logged);
    g_test_add_func("/memory/dispatch/reentrancy-guard",
                    test_reentrancy_guard);
    g_test_add_func("/memory/dispatch/reentrancy-per-device",
                    test_reentrancy_per_device);
    g_test_add_func("/memory/view/priority-overlap",
                    test_priority_and_overlap);
    g_test_add_func("/memory/view/alias", test_alias);
    g_test_add_func("/memory/view/disabled", test_disabled);
    g_test_add_func("/memory/view/transactions", test_transactions);
    g_test_add_func("/memory/view/translate-simple", test_translate_simple);
    g_test_add_func("/memory/as/ram-across-regions",
                    test_ram_across_regions);
    g_test_add_func("/memory/as/io-access-sizes", test_io_access_sizes);
    g_test_add_func("/memory/as/ld-st", test_ld_st);
    g_test_add_func("/memory/as/unassigned-io", test_unassigned_io_space);
    g_test_add_func("/memory/as/rom", test_rom);
    g_test_add_func("/memory/qom/tree", test_qom_tree);
    g_test_add_func("/memory/mtree", test_mtree_text);
    ret = g_test_run();

    qemu_set_log_filename(NULL, NULL);
    unlink(log_path);
    rmdir(dir);
    g_free(log_path);
    return ret;
}
