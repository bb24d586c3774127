/*
 * QEMU firmware configuration device (fw_cfg), after QEMU's
 * docs/specs/fw_cfg.rst
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * A key-value store the board fills before the guest starts: numbered
 * items and named files listed in a directory item.  The guest selects
 * an item by writing its key, then reads it a byte (or data-width
 * bytes) at a time, or has it copied by a DMA descriptor.
 * Not modelled: guest writes (the write channel and DMA writes fail),
 * item callbacks, the boot order file.
 * Migration: VMState "fw_cfg" v2 (v1 streams load), QEMU's layout; the
 * items themselves are rebuilt by the destination's board.
 * Interface (fw_cfg_io): I/O ports selector (2 bytes, little endian) and
 * data (1 byte), DMA address register (8 bytes, big endian).
 * Interface (fw_cfg_mem): MMIO region 0 selector (2 bytes, big endian),
 * 1 data (data_width bytes, in string order), 2 DMA (8 bytes).
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "qemu/error-report.h"
#include "qemu/cutils.h"
#include "qemu/log.h"
#include "hw/core/qdev-properties.h"
#include "hw/nvram/fw_cfg.h"
#include "migration/qemu-file-types.h"
#include "migration/vmstate.h"
#include "system/address-spaces.h"
#include "trace.h"

#define FW_CFG_CTL_SIZE 2
#define FW_CFG_DMA_SIZE 8
#define FW_CFG_NUM_ARRAYS 2     /* generic items, then FW_CFG_ARCH_LOCAL */

OBJECT_DECLARE_SIMPLE_TYPE(FWCfgIoState, FW_CFG_IO)
OBJECT_DECLARE_SIMPLE_TYPE(FWCfgMemState, FW_CFG_MEM)

typedef struct FWCfgEntry {
    uint32_t len;
    bool owned;                 /* data is ours to free on modify */
    uint8_t *data;
} FWCfgEntry;

struct FWCfgState {
    SysBusDevice parent_obj;

    MemoryRegion dma_iomem;
    FWCfgEntry *entries[FW_CFG_NUM_ARRAYS];
    FWCfgFiles *files;
    uint16_t cur_entry;
    uint32_t cur_offset;
    uint64_t dma_addr;
    AddressSpace *dma_as;
    /*
     * Sizes of QEMU's ACPI ROM blobs, which QEMU migrates so that the
     * destination can resize its copies; we build no ACPI tables, so
     * they are only kept to be sent back.
     */
    uint64_t table_mr_size;
    uint64_t linker_mr_size;
    uint64_t rsdp_mr_size;

    /* properties */
    bool dma_enabled;
    uint16_t file_slots;
};

struct FWCfgIoState {
    FWCfgState parent_obj;

    MemoryRegion comb_iomem;    /* selector and data ports */
};

struct FWCfgMemState {
    FWCfgState parent_obj;

    MemoryRegion ctl_iomem;
    MemoryRegion data_iomem;
    MemoryRegionOps data_ops;   /* sized by data_width */
    uint32_t data_width;
};

static unsigned fw_cfg_max_entry(FWCfgState *s)
{
    return FW_CFG_FILE_FIRST + s->file_slots;
}

/* The entry behind @key, or NULL if the key is out of range. */
static FWCfgEntry *fw_cfg_entry(FWCfgState *s, uint16_t key)
{
    unsigned arch = !!(key & FW_CFG_ARCH_LOCAL);
    unsigned index = key & FW_CFG_ENTRY_MASK;

    if (key == FW_CFG_INVALID || index >= fw_cfg_max_entry(s)) {
        return NULL;
    }
    return &s->entries[arch][index];
}

static void fw_cfg_set_entry(FWCfgState *s, uint16_t key, void *data,
                             size_t len, bool owned)
{
    FWCfgEntry *e = fw_cfg_entry(s, key);

    assert(e && !(key & FW_CFG_WRITE_CHANNEL) && len <= UINT32_MAX);
    e->data = data;
    e->len = len;
    e->owned = owned;
}

void fw_cfg_add_bytes(FWCfgState *s, uint16_t key, void *data, size_t len)
{
    FWCfgEntry *e = fw_cfg_entry(s, key);

    assert(e && e->data == NULL);
    trace_fw_cfg_add_bytes(key, len);
    fw_cfg_set_entry(s, key, data, len, false);
}

/* Replace an item; its old data is freed if it was a copy of ours. */
static void fw_cfg_replace(FWCfgState *s, uint16_t key, void *data,
                           size_t len)
{
    FWCfgEntry *e = fw_cfg_entry(s, key);

    assert(e && e->data != NULL);
    if (e->owned) {
        g_free(e->data);
    }
    fw_cfg_set_entry(s, key, data, len, true);
}

static void fw_cfg_add_copy(FWCfgState *s, uint16_t key, const void *data,
                            size_t len)
{
    FWCfgEntry *e = fw_cfg_entry(s, key);

    assert(e && e->data == NULL);
    trace_fw_cfg_add_bytes(key, len);
    fw_cfg_set_entry(s, key, g_memdup2(data, len), len, true);
}

void fw_cfg_add_string(FWCfgState *s, uint16_t key, const char *value)
{
    fw_cfg_add_copy(s, key, value, strlen(value) + 1);
}

void fw_cfg_modify_string(FWCfgState *s, uint16_t key, const char *value)
{
    fw_cfg_replace(s, key, g_strdup(value), strlen(value) + 1);
}

void fw_cfg_add_i16(FWCfgState *s, uint16_t key, uint16_t value)
{
    uint16_t le = cpu_to_le16(value);

    fw_cfg_add_copy(s, key, &le, sizeof(le));
}

void fw_cfg_modify_i16(FWCfgState *s, uint16_t key, uint16_t value)
{
    uint16_t le = cpu_to_le16(value);

    fw_cfg_replace(s, key, g_memdup2(&le, sizeof(le)), sizeof(le));
}

void fw_cfg_add_i32(FWCfgState *s, uint16_t key, uint32_t value)
{
    uint32_t le = cpu_to_le32(value);

    fw_cfg_add_copy(s, key, &le, sizeof(le));
}

void fw_cfg_modify_i32(FWCfgState *s, uint16_t key, uint32_t value)
{
    uint32_t le = cpu_to_le32(value);

    fw_cfg_replace(s, key, g_memdup2(&le, sizeof(le)), sizeof(le));
}

void fw_cfg_add_i64(FWCfgState *s, uint16_t key, uint64_t value)
{
    uint64_t le = cpu_to_le64(value);

    fw_cfg_add_copy(s, key, &le, sizeof(le));
}

void fw_cfg_modify_i64(FWCfgState *s, uint16_t key, uint64_t value)
{
    uint64_t le = cpu_to_le64(value);

    fw_cfg_replace(s, key, g_memdup2(&le, sizeof(le)), sizeof(le));
}

static uint32_t fw_cfg_file_count(FWCfgState *s)
{
    return be32_to_cpu(s->files->count);
}

/* Refresh the directory item after a change of the file list. */
static void fw_cfg_update_dir(FWCfgState *s)
{
    FWCfgEntry *e = fw_cfg_entry(s, FW_CFG_FILE_DIR);

    e->data = (uint8_t *)s->files;
    e->len = sizeof(FWCfgFiles) + fw_cfg_file_count(s) * sizeof(FWCfgFile);
}

static int fw_cfg_find_file(FWCfgState *s, const char *filename)
{
    uint32_t i;

    for (i = 0; i < fw_cfg_file_count(s); i++) {
        if (!strcmp(s->files->f[i].name, filename)) {
            return i;
        }
    }
    return -1;
}

void fw_cfg_add_file(FWCfgState *s, const char *filename, void *data,
                     size_t len)
{
    uint32_t count = fw_cfg_file_count(s);
    uint32_t index, i;

    assert(strlen(filename) < FW_CFG_MAX_FILE_PATH);
    if (fw_cfg_find_file(s, filename) >= 0) {
        error_report("duplicate fw_cfg file name: %s", filename);
        exit(1);
    }
    if (count >= s->file_slots) {
        error_report("fw_cfg: no free file slot for %s (x-file-slots %u)",
                     filename, s->file_slots);
        exit(1);
    }
    /* Keep the directory sorted by name: later files move up one key. */
    for (index = 0; index < count; index++) {
        if (strcmp(filename, s->files->f[index].name) < 0) {
            break;
        }
    }
    for (i = count; i > index; i--) {
        s->files->f[i] = s->files->f[i - 1];
        s->files->f[i].select = cpu_to_be16(FW_CFG_FILE_FIRST + i);
        s->entries[0][FW_CFG_FILE_FIRST + i] =
            s->entries[0][FW_CFG_FILE_FIRST + i - 1];
    }
    memset(&s->files->f[index], 0, sizeof(FWCfgFile));
    pstrcpy(s->files->f[index].name, FW_CFG_MAX_FILE_PATH, filename);
    s->files->f[index].size = cpu_to_be32(len);
    s->files->f[index].select = cpu_to_be16(FW_CFG_FILE_FIRST + index);
    s->entries[0][FW_CFG_FILE_FIRST + index] = (FWCfgEntry) {
        .data = data, .len = len,
    };
    s->files->count = cpu_to_be32(count + 1);
    fw_cfg_update_dir(s);
    trace_fw_cfg_add_file(filename, FW_CFG_FILE_FIRST + index, len);
}

void *fw_cfg_modify_file(FWCfgState *s, const char *filename, void *data,
                         size_t len)
{
    int index = fw_cfg_find_file(s, filename);
    FWCfgEntry *e;
    void *old;

    if (index < 0) {
        fw_cfg_add_file(s, filename, data, len);
        return NULL;
    }
    e = &s->entries[0][FW_CFG_FILE_FIRST + index];
    old = e->data;
    *e = (FWCfgEntry) { .data = data, .len = len };
    s->files->f[index].size = cpu_to_be32(len);
    return old;
}

static void fw_cfg_select(FWCfgState *s, uint16_t key)
{
    s->cur_offset = 0;
    s->cur_entry = fw_cfg_entry(s, key) ? key : FW_CFG_INVALID;
    trace_fw_cfg_select(key, s->cur_entry != FW_CFG_INVALID);
}

/* The selected item's bytes from the current offset on, and how many. */
static uint8_t *fw_cfg_cursor(FWCfgState *s, uint32_t *avail)
{
    FWCfgEntry *e = fw_cfg_entry(s, s->cur_entry);

    if (e == NULL || e->data == NULL || s->cur_offset >= e->len) {
        *avail = 0;
        return NULL;
    }
    *avail = e->len - s->cur_offset;
    return e->data + s->cur_offset;
}

/* @size data bytes, first byte most significant; 0 past the end. */
static uint64_t fw_cfg_data_read(void *opaque, hwaddr addr, unsigned size)
{
    FWCfgState *s = opaque;
    uint64_t val = 0;
    uint32_t avail;
    uint8_t *p = fw_cfg_cursor(s, &avail);
    unsigned i;

    for (i = 0; i < size; i++) {
        val <<= 8;
        if (i < avail) {
            val |= p[i];
        }
    }
    s->cur_offset += MIN(size, avail);
    trace_fw_cfg_read(s->cur_entry, val);
    return val;
}

static void fw_cfg_data_write(void *opaque, hwaddr addr, uint64_t value,
                              unsigned size)
{
    qemu_log_mask(LOG_GUEST_ERROR, "%s: fw_cfg items are read-only\n",
                  __func__);
}

/* Run the DMA descriptor at s->dma_addr. */
static void fw_cfg_dma_transfer(FWCfgState *s)
{
    FWCfgDmaAccess dma;
    uint32_t control, length, avail, chunk;
    uint64_t address;
    uint8_t *p;
    bool error = false;

    if (address_space_read(s->dma_as, s->dma_addr, MEMTXATTRS_UNSPECIFIED,
                           &dma, sizeof(dma)) != MEMTX_OK) {
        qemu_log_mask(LOG_GUEST_ERROR, "%s: descriptor at 0x%" PRIx64
                      " unreadable\n", __func__, s->dma_addr);
        return;
    }
    control = be32_to_cpu(dma.control);
    length = be32_to_cpu(dma.length);
    address = be64_to_cpu(dma.address);
    trace_fw_cfg_dma(s->dma_addr, control, length, address);

    if (control & FW_CFG_DMA_CTL_SELECT) {
        fw_cfg_select(s, control >> 16);
    }
    if (control & FW_CFG_DMA_CTL_WRITE) {
        qemu_log_mask(LOG_UNIMP, "%s: DMA writes not implemented\n",
                      __func__);
        error = true;
    } else if (control & (FW_CFG_DMA_CTL_READ | FW_CFG_DMA_CTL_SKIP)) {
        p = fw_cfg_cursor(s, &avail);
        chunk = MIN(length, avail);
        if (control & FW_CFG_DMA_CTL_READ) {
            /* Past the end of the item the guest buffer gets zeros. */
            error |= address_space_write(s->dma_as, address,
                                         MEMTXATTRS_UNSPECIFIED, p,
                                         chunk) != MEMTX_OK;
            error |= address_space_set(s->dma_as, address + chunk, 0,
                                       length - chunk,
                                       MEMTXATTRS_UNSPECIFIED) != MEMTX_OK;
        }
        s->cur_offset += chunk;
    }
    control = cpu_to_be32(error ? FW_CFG_DMA_CTL_ERROR : 0);
    address_space_write(s->dma_as, s->dma_addr, MEMTXATTRS_UNSPECIFIED,
                        &control, sizeof(control));
}

static uint64_t fw_cfg_dma_read(void *opaque, hwaddr addr, unsigned size)
{
    /* The register reads as "QEMU CFG" so firmware can probe for DMA. */
    return extract64(FW_CFG_DMA_SIGNATURE, (8 - addr - size) * 8, size * 8);
}

/* The high half, then the low half (which starts the transfer). */
static void fw_cfg_dma_write(void *opaque, hwaddr addr, uint64_t value,
                             unsigned size)
{
    FWCfgState *s = opaque;

    if (size == 8) {
        s->dma_addr = value;
        fw_cfg_dma_transfer(s);
    } else if (addr == 0) {
        s->dma_addr = value << 32;
    } else {
        s->dma_addr |= (uint32_t)value;
        fw_cfg_dma_transfer(s);
    }
}

static bool fw_cfg_dma_accepts(void *opaque, hwaddr addr, unsigned size,
                               bool is_write, MemTxAttrs attrs)
{
    return (size == 4 && (addr == 0 || addr == 4)) ||
           (size == 8 && addr == 0);
}

static const MemoryRegionOps fw_cfg_dma_ops = {
    .read = fw_cfg_dma_read,
    .write = fw_cfg_dma_write,
    .endianness = DEVICE_BIG_ENDIAN,
    .valid = {
        .accepts = fw_cfg_dma_accepts,
        .min_access_size = 1,
        .max_access_size = 8,
    },
    .impl = { .min_access_size = 1, .max_access_size = 8 },
};

static void fw_cfg_reset_hold(Object *obj, ResetType type)
{
    FWCfgState *s = FW_CFG(obj);

    fw_cfg_select(s, FW_CFG_SIGNATURE);
}

FWCfgState *fw_cfg_find(void)
{
    Object *obj = object_resolve_path_type("", TYPE_FW_CFG, NULL);

    return obj ? FW_CFG(obj) : NULL;
}

bool fw_cfg_dma_enabled(FWCfgState *s)
{
    return s->dma_enabled;
}

/* The items every fw_cfg device carries, and the empty directory. */
static bool fw_cfg_common_realize(FWCfgState *s, Error **errp)
{
    static const uint8_t uuid[16];
    uint32_t features = FW_CFG_VERSION;
    int i;

    if (fw_cfg_find() != s) {
        error_setg(errp, "at most one %s device is permitted", TYPE_FW_CFG);
        return false;
    }
    if (s->file_slots < FW_CFG_FILE_SLOTS_MIN ||
        s->file_slots > FW_CFG_WRITE_CHANNEL - FW_CFG_FILE_FIRST) {
        error_setg(errp, "x-file-slots must be between %d and %d",
                   FW_CFG_FILE_SLOTS_MIN,
                   FW_CFG_WRITE_CHANNEL - FW_CFG_FILE_FIRST);
        return false;
    }
    for (i = 0; i < FW_CFG_NUM_ARRAYS; i++) {
        s->entries[i] = g_new0(FWCfgEntry, fw_cfg_max_entry(s));
    }
    s->files = g_malloc0(sizeof(FWCfgFiles) +
                         s->file_slots * sizeof(FWCfgFile));
    fw_cfg_update_dir(s);

    if (s->dma_enabled) {
        features |= FW_CFG_VERSION_DMA;
    }
    fw_cfg_add_bytes(s, FW_CFG_SIGNATURE, (char *)"QEMU", 4);
    fw_cfg_add_bytes(s, FW_CFG_UUID, (void *)uuid, sizeof(uuid));
    fw_cfg_add_i16(s, FW_CFG_NOGRAPHIC, 0);
    fw_cfg_add_i16(s, FW_CFG_BOOT_MENU, 0);
    fw_cfg_add_i32(s, FW_CFG_ID, features);
    return true;
}

static void fw_cfg_init_dma_region(FWCfgState *s)
{
    memory_region_init_io(&s->dma_iomem, OBJECT(s), &fw_cfg_dma_ops, s,
                          "fwcfg.dma", FW_CFG_DMA_SIZE);
}

static const Property fw_cfg_properties[] = {
    DEFINE_PROP_BOOL("dma_enabled", FWCfgState, dma_enabled, true),
    DEFINE_PROP_UINT16("x-file-slots", FWCfgState, file_slots,
                       FW_CFG_FILE_SLOTS_DFLT),
};

/* Version 1 streams carry cur_offset as 16 bits. */
static int fw_cfg_get_offset16(QEMUFile *f, void *pv, size_t size,
                               const VMStateField *field)
{
    *(uint32_t *)pv = qemu_get_be16(f);
    return 0;
}

static int fw_cfg_put_offset16(QEMUFile *f, void *pv, size_t size,
                               const VMStateField *field, JSONWriter *vmdesc)
{
    qemu_put_be16(f, *(uint32_t *)pv);
    return 0;
}

static const VMStateInfo fw_cfg_info_offset16 = {
    .name = "int16_as_uint32",
    .get = fw_cfg_get_offset16,
    .put = fw_cfg_put_offset16,
};

static bool fw_cfg_is_version_1(void *opaque, int version_id)
{
    return version_id == 1;
}

/*
 * The selected key must be one this device has (or none); the offset
 * can never pass the end of the selected item.  The items are rebuilt
 * from the destination's command line, which must match the source's.
 */
static bool fw_cfg_post_load(void *opaque, int version_id, Error **errp)
{
    FWCfgState *s = opaque;
    FWCfgEntry *e;

    if (s->cur_entry == FW_CFG_INVALID) {
        s->cur_offset = 0;
        return true;
    }
    e = fw_cfg_entry(s, s->cur_entry);
    if (e == NULL) {
        error_setg(errp, "cur_entry 0x%04x is not a key of this device",
                   s->cur_entry);
        fw_cfg_select(s, FW_CFG_INVALID);
        return false;
    }
    if (s->cur_offset > e->len) {
        error_setg(errp, "cur_offset %" PRIu32 " is past the %" PRIu32
                   "-byte item 0x%04x", s->cur_offset, e->len,
                   s->cur_entry);
        s->cur_offset = e->len;
        return false;
    }
    return true;
}

static bool fw_cfg_dma_needed(void *opaque)
{
    return FW_CFG(opaque)->dma_enabled;
}

static bool fw_cfg_acpi_mr_needed(void *opaque)
{
    FWCfgState *s = opaque;
    uint64_t page = sysconf(_SC_PAGESIZE);

    return !QEMU_IS_ALIGNED(s->table_mr_size, page) ||
           !QEMU_IS_ALIGNED(s->linker_mr_size, page) ||
           !QEMU_IS_ALIGNED(s->rsdp_mr_size, page);
}

static const VMStateDescription vmstate_fw_cfg_dma = {
    .name = "fw_cfg/dma",
    .needed = fw_cfg_dma_needed,
    .fields = (const VMStateField[]) {
        VMSTATE_UINT64(dma_addr, FWCfgState),
        VMSTATE_END_OF_LIST()
    },
};

static const VMStateDescription vmstate_fw_cfg_acpi_mr = {
    .name = "fw_cfg/acpi_mr",
    .version_id = 1,
    .minimum_version_id = 1,
    .needed = fw_cfg_acpi_mr_needed,
    .fields = (const VMStateField[]) {
        VMSTATE_UINT64(table_mr_size, FWCfgState),
        VMSTATE_UINT64(linker_mr_size, FWCfgState),
        VMSTATE_UINT64(rsdp_mr_size, FWCfgState),
        VMSTATE_END_OF_LIST()
    },
};

static const VMStateDescription vmstate_fw_cfg = {
    .name = "fw_cfg",
    .version_id = 2,
    .minimum_version_id = 1,
    .post_load_errp = fw_cfg_post_load,
    .fields = (const VMStateField[]) {
        VMSTATE_UINT16(cur_entry, FWCfgState),
        VMSTATE_SINGLE_TEST(cur_offset, FWCfgState, fw_cfg_is_version_1, 0,
                            fw_cfg_info_offset16, uint32_t),
        VMSTATE_UINT32_V(cur_offset, FWCfgState, 2),
        VMSTATE_END_OF_LIST()
    },
    .subsections = (const VMStateDescription * const []) {
        &vmstate_fw_cfg_dma,
        &vmstate_fw_cfg_acpi_mr,
        NULL
    },
};

static void fw_cfg_class_init(ObjectClass *klass, const void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);

    dc->vmsd = &vmstate_fw_cfg;
    RESETTABLE_CLASS(klass)->phases.hold = fw_cfg_reset_hold;
    device_class_set_props(dc, fw_cfg_properties);
}

/* Port I/O: selector at offset 0 (2 bytes), data at offset 1 (1 byte). */
static void fw_cfg_comb_write(void *opaque, hwaddr addr, uint64_t value,
                              unsigned size)
{
    if (addr == 0) {
        fw_cfg_select(opaque, value);
    } else {
        fw_cfg_data_write(opaque, addr, value, size);
    }
}

static bool fw_cfg_comb_accepts(void *opaque, hwaddr addr, unsigned size,
                                bool is_write, MemTxAttrs attrs)
{
    return (size == 1 && addr == 1) || (size == 2 && addr == 0);
}

static const MemoryRegionOps fw_cfg_comb_ops = {
    .read = fw_cfg_data_read,
    .write = fw_cfg_comb_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
    .valid = {
        .accepts = fw_cfg_comb_accepts,
        .min_access_size = 1,
        .max_access_size = 2,
    },
    .impl = { .min_access_size = 1, .max_access_size = 2 },
};

static void fw_cfg_io_realize(DeviceState *dev, Error **errp)
{
    FWCfgIoState *ios = FW_CFG_IO(dev);
    FWCfgState *s = FW_CFG(dev);

    if (!fw_cfg_common_realize(s, errp)) {
        return;
    }
    memory_region_init_io(&ios->comb_iomem, OBJECT(s), &fw_cfg_comb_ops, s,
                          "fwcfg", FW_CFG_CTL_SIZE);
    if (s->dma_enabled) {
        fw_cfg_init_dma_region(s);
    }
}

static void fw_cfg_io_class_init(ObjectClass *klass, const void *data)
{
    DEVICE_CLASS(klass)->realize = fw_cfg_io_realize;
}

FWCfgState *fw_cfg_init_io_dma(uint32_t iobase, uint32_t dma_iobase,
                               AddressSpace *dma_as)
{
    DeviceState *dev = qdev_new(TYPE_FW_CFG_IO);
    FWCfgState *s = FW_CFG(dev);

    if (!dma_iobase || !dma_as) {
        qdev_prop_set_bit(dev, "dma_enabled", false);
    }
    object_property_add_child(qdev_get_machine(), TYPE_FW_CFG, OBJECT(dev));
    sysbus_realize_and_unref(SYS_BUS_DEVICE(dev), &error_fatal);
    memory_region_add_subregion(get_system_io(), iobase,
                                &FW_CFG_IO(dev)->comb_iomem);
    if (s->dma_enabled) {
        s->dma_as = dma_as;
        memory_region_add_subregion(get_system_io(), dma_iobase,
                                    &s->dma_iomem);
    }
    return s;
}

/* MMIO: a big endian selector register and a data register. */
static void fw_cfg_ctl_write(void *opaque, hwaddr addr, uint64_t value,
                             unsigned size)
{
    fw_cfg_select(opaque, value);
}

static uint64_t fw_cfg_ctl_read(void *opaque, hwaddr addr, unsigned size)
{
    return 0;
}

static const MemoryRegionOps fw_cfg_ctl_ops = {
    .read = fw_cfg_ctl_read,
    .write = fw_cfg_ctl_write,
    .endianness = DEVICE_BIG_ENDIAN,
    .valid = { .min_access_size = 2, .max_access_size = 2 },
    .impl = { .min_access_size = 2, .max_access_size = 2 },
};

static void fw_cfg_mem_realize(DeviceState *dev, Error **errp)
{
    FWCfgMemState *ms = FW_CFG_MEM(dev);
    FWCfgState *s = FW_CFG(dev);
    SysBusDevice *sbd = SYS_BUS_DEVICE(dev);

    if (ms->data_width < 1 || ms->data_width > 8) {
        error_setg(errp, "fw_cfg_mem: data_width must be between 1 and 8");
        return;
    }
    if (!fw_cfg_common_realize(s, errp)) {
        return;
    }
    memory_region_init_io(&ms->ctl_iomem, OBJECT(s), &fw_cfg_ctl_ops, s,
                          "fwcfg.ctl", FW_CFG_CTL_SIZE);
    sysbus_init_mmio(sbd, &ms->ctl_iomem);

    ms->data_ops = (MemoryRegionOps) {
        .read = fw_cfg_data_read,
        .write = fw_cfg_data_write,
        .endianness = DEVICE_BIG_ENDIAN,
        .valid = { .min_access_size = 1, .max_access_size = ms->data_width },
        .impl = { .min_access_size = 1, .max_access_size = ms->data_width },
    };
    memory_region_init_io(&ms->data_iomem, OBJECT(s), &ms->data_ops, s,
                          "fwcfg.data", ms->data_width);
    sysbus_init_mmio(sbd, &ms->data_iomem);

    if (s->dma_enabled) {
        fw_cfg_init_dma_region(s);
        sysbus_init_mmio(sbd, &s->dma_iomem);
    }
}

static const Property fw_cfg_mem_properties[] = {
    DEFINE_PROP_UINT32("data_width", FWCfgMemState, data_width, -1),
};

static void fw_cfg_mem_class_init(ObjectClass *klass, const void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);

    dc->realize = fw_cfg_mem_realize;
    device_class_set_props(dc, fw_cfg_mem_properties);
}

static FWCfgState *fw_cfg_init_mem_internal(hwaddr ctl_addr,
                                           hwaddr data_addr,
                                           uint32_t data_width,
                                           hwaddr dma_addr,
                                           AddressSpace *dma_as)
{
    DeviceState *dev = qdev_new(TYPE_FW_CFG_MEM);
    SysBusDevice *sbd = SYS_BUS_DEVICE(dev);
    FWCfgState *s = FW_CFG(dev);

    qdev_prop_set_uint32(dev, "data_width", data_width);
    if (!dma_addr || !dma_as) {
        qdev_prop_set_bit(dev, "dma_enabled", false);
    }
    object_property_add_child(qdev_get_machine(), TYPE_FW_CFG, OBJECT(dev));
    sysbus_realize_and_unref(sbd, &error_fatal);
    sysbus_mmio_map(sbd, 0, ctl_addr);
    sysbus_mmio_map(sbd, 1, data_addr);
    if (s->dma_enabled) {
        s->dma_as = dma_as;
        sysbus_mmio_map(sbd, 2, dma_addr);
    }
    return s;
}

FWCfgState *fw_cfg_init_mem_dma(hwaddr ctl_addr, hwaddr data_addr,
                                uint32_t data_width, hwaddr dma_addr,
                                AddressSpace *dma_as)
{
    assert(dma_addr && dma_as);
    return fw_cfg_init_mem_internal(ctl_addr, data_addr, data_width,
                                    dma_addr, dma_as);
}

FWCfgState *fw_cfg_init_mem_nodma(hwaddr ctl_addr, hwaddr data_addr,
                                  uint32_t data_width)
{
    return fw_cfg_init_mem_internal(ctl_addr, data_addr, data_width, 0,
                                    NULL);
}

static const TypeInfo fw_cfg_types[] = {
    {
        .name          = TYPE_FW_CFG,
        .parent        = TYPE_SYS_BUS_DEVICE,
        .instance_size = sizeof(FWCfgState),
        .class_init    = fw_cfg_class_init,
        .abstract      = true,
    },
    {
        .name          = TYPE_FW_CFG_IO,
        .parent        = TYPE_FW_CFG,
        .instance_size = sizeof(FWCfgIoState),
        .class_init    = fw_cfg_io_class_init,
    },
    {
        .name          = TYPE_FW_CFG_MEM,
        .parent        = TYPE_FW_CFG,
        .instance_size = sizeof(FWCfgMemState),
        .class_init    = fw_cfg_mem_class_init,
    },
};
DEFINE_TYPES(fw_cfg_types)
