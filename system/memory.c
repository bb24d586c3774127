/*
 * The memory API: region tree, flattened views, access dispatch.
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * Regions form a tree of containers, leaves (I/O or RAM) and aliases.
 * Every address space renders its root into a FlatView: a sorted array
 * of non-overlapping ranges, each naming the leaf region that serves it
 * and the offset inside that leaf.  The views are rebuilt at the end of
 * the outermost transaction that changed the tree; lookups are binary
 * searches over the current view.
 *
 * Access rules (QEMU's):
 * - .valid says what the guest may do.  accepts() may veto; unaligned
 *   accesses are refused unless valid.unaligned; valid.max_access_size 0
 *   allows every size, else the size must lie in [min, max].  A refused
 *   access is logged under guest_errors and invalid_mem, reads give 0
 *   and the initiator gets MEMTX_DECODE_ERROR.
 * - .impl says what the callbacks handle (default 1..4 bytes).  A wider
 *   access becomes several impl.max calls at addr, addr + n, ...; their
 *   values are placed by the region's byte order.  A narrower access
 *   becomes one impl.min call at the same, possibly unaligned, address:
 *   writes hand over the value zero-extended (shifted to the top for a
 *   big-endian region, where the addressed byte is the most significant
 *   one), reads keep the bytes that belong to the requested width.
 *   This mirrors QEMU, which does not align such widened accesses down.
 * - Values travel in the guest's (little-endian) order; big-endian
 *   regions get them byte-swapped to the access size.
 */
#include "qemu/osdep.h"
#include <sys/mman.h>
#include "qapi/error.h"
#include "qemu/error-report.h"
#include "qemu/log.h"
#include "qemu/module.h"
#include "hw/core/qdev.h"
#include "system/memory.h"
#include "system/address-spaces.h"
#include "system/ramblock.h"
#include "trace.h"

/* Addresses and sizes up to and including 2^64, signed for alias bases. */
typedef __int128 WideAddr;

#define WIDE_2_64 (((WideAddr)1) << 64)

typedef struct FlatRange {
    WideAddr start;
    WideAddr size;
    MemoryRegion *mr;           /* the leaf (I/O or RAM) region */
    hwaddr offset_in_region;
    bool readonly;
} FlatRange;

struct FlatView {
    MemoryRegion *root;
    FlatRange *ranges;          /* sorted by start, non-overlapping */
    unsigned nr;
    unsigned nr_allocated;
};

/* Every initialised address space, in the order they were created. */
static GList *memory_address_spaces;

static unsigned memory_transaction_depth;
static bool memory_update_pending;

/* References dropped by unmapping, released once the views are rebuilt. */
static GPtrArray *memory_deferred_unrefs;

/* Devices whose region handlers are running (the re-entrancy guard). */
static GHashTable *memory_engaged_devices;

static MemoryRegion system_memory;
static MemoryRegion system_io;
static bool memory_map_ready;

AddressSpace address_space_memory;
AddressSpace address_space_io;

static WideAddr memory_region_size_wide(const MemoryRegion *mr)
{
    return mr->size == UINT64_MAX ? WIDE_2_64 : (WideAddr)mr->size;
}

static uint64_t memory_mask(unsigned size)
{
    return size >= 8 ? UINT64_MAX : (1ULL << (size * 8)) - 1;
}

static uint64_t memory_swap(uint64_t val, unsigned size)
{
    switch (size) {
    case 2:
        return bswap_16(val);
    case 4:
        return bswap_32(val);
    case 8:
        return bswap_64(val);
    default:
        return val;
    }
}

static uint64_t memory_ldn_le(const uint8_t *p, unsigned size)
{
    uint64_t val = 0;
    unsigned i;

    for (i = size; i > 0; i--) {
        val = (val << 8) | p[i - 1];
    }
    return val;
}

static void memory_stn_le(uint8_t *p, uint64_t val, unsigned size)
{
    unsigned i;

    for (i = 0; i < size; i++) {
        p[i] = val;
        val >>= 8;
    }
}

static const char *memory_region_print_name(const MemoryRegion *mr)
{
    return mr && mr->name ? mr->name : "(null)";
}

static void memory_log_invalid(const char *name, hwaddr addr, unsigned size,
                               bool is_write, const char *reason)
{
    qemu_log_mask(LOG_GUEST_ERROR | LOG_INVALID_MEM,
                  "Invalid %s at addr 0x%" HWADDR_PRIX ", size %u, "
                  "region '%s', reason: %s\n",
                  is_write ? "write" : "read", addr, size,
                  name ? name : "(null)", reason);
}

/* Transactions and deferred releases. */

static void memory_region_ref_mapping(MemoryRegion *mr, MemoryRegion *parent)
{
    if (!mr->owner) {
        object_ref(OBJECT(mr));
    } else if (mr->owner != parent->owner) {
        object_ref(mr->owner);
    }
}

/*
 * A mapped region keeps its owner alive; the owner of the container is
 * skipped so that a device mapping its own regions makes no cycle.
 */
static void memory_region_unref_mapping(MemoryRegion *mr,
                                        MemoryRegion *parent)
{
    Object *obj = NULL;

    if (!mr->owner) {
        obj = OBJECT(mr);
    } else if (mr->owner != parent->owner) {
        obj = mr->owner;
    }
    if (!obj) {
        return;
    }
    if (!memory_deferred_unrefs) {
        memory_deferred_unrefs = g_ptr_array_new();
    }
    g_ptr_array_add(memory_deferred_unrefs, obj);
}

static void flatview_free(FlatView *view)
{
    if (view) {
        g_free(view->ranges);
        g_free(view);
    }
}

static FlatView *flatview_render(MemoryRegion *root);

static void address_space_update_view(AddressSpace *as)
{
    FlatView *old = as->current_map;

    as->current_map = flatview_render(as->root);
    flatview_free(old);
}

static void memory_release_deferred(void)
{
    GPtrArray *pending = memory_deferred_unrefs;
    guint i;

    if (!pending) {
        return;
    }
    memory_deferred_unrefs = NULL;
    for (i = 0; i < pending->len; i++) {
        object_unref(g_ptr_array_index(pending, i));
    }
    g_ptr_array_free(pending, true);
}

void memory_region_transaction_begin(void)
{
    memory_transaction_depth++;
}

void memory_region_transaction_commit(void)
{
    GList *l;

    assert(memory_transaction_depth > 0);
    if (--memory_transaction_depth > 0) {
        return;
    }
    if (memory_update_pending) {
        memory_update_pending = false;
        for (l = memory_address_spaces; l; l = l->next) {
            address_space_update_view(l->data);
        }
    }
    memory_release_deferred();
}

/* Record a change of the tree; the views follow at the last commit. */
static void memory_region_changed(void)
{
    memory_region_transaction_begin();
    memory_update_pending = true;
    memory_region_transaction_commit();
}

/* The QOM type. */

static void memory_region_instance_init(Object *obj)
{
    MemoryRegion *mr = MEMORY_REGION(obj);

    mr->enabled = true;
}

#define RAM_HUGE_ALIGN (2 * 1024 * 1024)

/*
 * Guest RAM: a zero-filled anonymous mapping.  Large blocks start on a
 * 2 MiB boundary and ask for transparent huge pages, as QEMU does, so
 * first touches (and reads of untouched RAM, e.g. by migration) fault
 * once per 2 MiB rather than once per page.
 */
static uint8_t *memory_ram_alloc(uint64_t size)
{
    size_t map_size;
    uint8_t *map, *block;

    if (size >= RAM_HUGE_ALIGN) {
        map_size = size + RAM_HUGE_ALIGN;
    } else {
        map_size = size;
    }
    if (map_size < size) {
        return NULL;
    }
    map = mmap(NULL, map_size, PROT_READ | PROT_WRITE,
               MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (map == MAP_FAILED) {
        return NULL;
    }
    if (map_size == size) {
        return map;
    }
    block = (uint8_t *)QEMU_ALIGN_UP((uintptr_t)map, RAM_HUGE_ALIGN);
    if (block > map) {
        munmap(map, block - map);
    }
    munmap(block + size, map + map_size - (block + size));
    madvise(block, size, MADV_HUGEPAGE);
    return block;
}

static void memory_ram_free(uint8_t *block, uint64_t size)
{
    if (block) {
        munmap(block, size);
    }
}

static void memory_region_instance_finalize(Object *obj)
{
    MemoryRegion *mr = MEMORY_REGION(obj);

    /*
     * A region mapped in a container of the same owner holds no
     * reference, so the owner may go while it is still mapped.
     */
    memory_region_transaction_begin();
    if (mr->container) {
        memory_region_del_subregion(mr->container, mr);
    }
    while (mr->subregions) {
        memory_region_del_subregion(mr, mr->subregions->data);
    }
    memory_region_transaction_commit();
    qemu_ram_unregister(mr);
    memory_ram_free(mr->ram_block, mr->ram_block_size);
    mr->ram_block = NULL;
    g_free((char *)mr->name);
    mr->name = NULL;
}

static const TypeInfo memory_region_types[] = {
    {
        .name              = TYPE_MEMORY_REGION,
        .parent            = TYPE_OBJECT,
        .instance_size     = sizeof(MemoryRegion),
        .instance_init     = memory_region_instance_init,
        .instance_finalize = memory_region_instance_finalize,
    },
};
DEFINE_TYPES(memory_region_types)

/* Regions. */

/*
 * The composition tree names a region after itself with "[*]" appended,
 * below its owner or /machine/unattached; slashes would read as a path.
 */
static void memory_region_attach_to_tree(MemoryRegion *mr, Object *owner,
                                         const char *name)
{
    Object *parent = owner;
    char *prop;

    if (!parent) {
        Object *machine = object_resolve_path("/machine", NULL);

        if (!machine) {
            return;
        }
        parent = container_get(machine, "unattached");
    }
    prop = g_strdup_printf("%s[*]", name);
    g_strdelimit(prop, "/", '_');
    object_property_add_child(parent, prop, OBJECT(mr));
    object_unref(OBJECT(mr));
    g_free(prop);
}

void memory_region_init(MemoryRegion *mr, Object *owner, const char *name,
                        uint64_t size)
{
    object_initialize(mr, sizeof(*mr), TYPE_MEMORY_REGION);
    mr->size = size;
    mr->owner = owner;
    mr->name = g_strdup(name);
    if (name) {
        memory_region_attach_to_tree(mr, owner, name);
    }
}

void memory_region_init_io(MemoryRegion *mr, Object *owner,
                           const MemoryRegionOps *ops, void *opaque,
                           const char *name, uint64_t size)
{
    memory_region_init(mr, owner, name, size);
    mr->ops = ops;
    mr->opaque = opaque;
    mr->terminates = true;
}

bool memory_region_init_ram_nomigrate(MemoryRegion *mr, Object *owner,
                                      const char *name, uint64_t size,
                                      Error **errp)
{
    uint8_t *block = NULL;

    if (size > 0) {
        block = size == UINT64_MAX ? NULL : memory_ram_alloc(size);
        if (!block) {
            error_setg(errp, "cannot set up guest memory '%s': %s",
                       name ? name : "(null)", g_strerror(ENOMEM));
            return false;
        }
    }
    memory_region_init(mr, owner, name, size);
    mr->ram = true;
    mr->terminates = true;
    mr->ram_block = block;
    mr->ram_block_size = block ? size : 0;
    return true;
}

bool memory_region_init_ram(MemoryRegion *mr, Object *owner,
                            const char *name, uint64_t size, Error **errp)
{
    if (!memory_region_init_ram_nomigrate(mr, owner, name, size, errp)) {
        return false;
    }
    qemu_ram_register(mr);
    return true;
}

bool memory_region_init_rom(MemoryRegion *mr, Object *owner,
                            const char *name, uint64_t size, Error **errp)
{
    if (!memory_region_init_ram_nomigrate(mr, owner, name, size, errp)) {
        return false;
    }
    mr->readonly = true;
    qemu_ram_register(mr);
    return true;
}

void memory_region_init_alias(MemoryRegion *mr, Object *owner,
                              const char *name, MemoryRegion *orig,
                              hwaddr offset, uint64_t size)
{
    memory_region_init(mr, owner, name, size);
    mr->alias = orig;
    mr->alias_offset = offset;
}

/*
 * Subregions are kept highest priority first; a newcomer goes before
 * those of equal priority, so the latest mapping wins a tie.
 */
static void memory_region_link_subregion(MemoryRegion *mr,
                                         MemoryRegion *subregion)
{
    GList *l;

    for (l = mr->subregions; l; l = l->next) {
        MemoryRegion *other = l->data;

        if (subregion->priority >= other->priority) {
            break;
        }
    }
    mr->subregions = g_list_insert_before(mr->subregions, l, subregion);
    subregion->container = mr;
    memory_region_changed();
}

static void memory_region_add_subregion_common(MemoryRegion *mr,
                                               hwaddr offset,
                                               MemoryRegion *subregion,
                                               int priority)
{
    assert(!subregion->container);
    assert(!mr->alias);
    subregion->addr = offset;
    subregion->priority = priority;
    memory_region_ref_mapping(subregion, mr);
    memory_region_link_subregion(mr, subregion);
}

void memory_region_add_subregion(MemoryRegion *mr, hwaddr offset,
                                 MemoryRegion *subregion)
{
    memory_region_add_subregion_common(mr, offset, subregion, 0);
}

void memory_region_add_subregion_overlap(MemoryRegion *mr, hwaddr offset,
                                         MemoryRegion *subregion,
                                         int priority)
{
    memory_region_add_subregion_common(mr, offset, subregion, priority);
}

void memory_region_del_subregion(MemoryRegion *mr, MemoryRegion *subregion)
{
    assert(subregion->container == mr);
    memory_region_transaction_begin();
    mr->subregions = g_list_remove(mr->subregions, subregion);
    subregion->container = NULL;
    memory_region_unref_mapping(subregion, mr);
    memory_update_pending = true;
    memory_region_transaction_commit();
}

void memory_region_set_enabled(MemoryRegion *mr, bool enabled)
{
    if (mr->enabled == enabled) {
        return;
    }
    mr->enabled = enabled;
    memory_region_changed();
}

void memory_region_set_address(MemoryRegion *mr, hwaddr addr)
{
    MemoryRegion *container = mr->container;

    if (mr->addr == addr) {
        return;
    }
    mr->addr = addr;
    if (!container) {
        return;
    }
    /* Moving re-maps: the region becomes the latest among its peers. */
    memory_region_transaction_begin();
    container->subregions = g_list_remove(container->subregions, mr);
    memory_region_link_subregion(container, mr);
    memory_region_transaction_commit();
}

void memory_region_set_size(MemoryRegion *mr, uint64_t size)
{
    if (mr->size == size) {
        return;
    }
    mr->size = size;
    memory_region_changed();
}

void memory_region_set_readonly(MemoryRegion *mr, bool readonly)
{
    if (mr->readonly == readonly) {
        return;
    }
    mr->readonly = readonly;
    memory_region_changed();
}

void memory_region_set_alias_offset(MemoryRegion *mr, hwaddr offset)
{
    if (mr->alias_offset == offset) {
        return;
    }
    mr->alias_offset = offset;
    memory_region_changed();
}

uint64_t memory_region_size(MemoryRegion *mr)
{
    return mr->size;
}

const char *memory_region_name(const MemoryRegion *mr)
{
    return mr->name;
}

bool memory_region_is_ram(MemoryRegion *mr)
{
    return mr->ram;
}

void *memory_region_get_ram_ptr(MemoryRegion *mr)
{
    hwaddr offset = 0;

    while (mr->alias) {
        offset += mr->alias_offset;
        mr = mr->alias;
    }
    return mr->ram_block ? mr->ram_block + offset : NULL;
}

Object *memory_region_owner(MemoryRegion *mr)
{
    return mr->owner;
}

void memory_region_set_flush_coalesced(MemoryRegion *mr)
{
}

void memory_region_clear_flush_coalesced(MemoryRegion *mr)
{
}

void memory_region_add_coalescing(MemoryRegion *mr, hwaddr offset,
                                  uint64_t size)
{
}

void memory_region_enable_lockless_io(MemoryRegion *mr)
{
    mr->lockless_io = true;
}

/* Flattened views. */

static WideAddr flat_range_end(const FlatRange *fr)
{
    return fr->start + fr->size;
}

static void flatview_insert(FlatView *view, unsigned pos, WideAddr start,
                            WideAddr end, MemoryRegion *mr, WideAddr base,
                            bool readonly)
{
    FlatRange *fr;

    if (view->nr == view->nr_allocated) {
        view->nr_allocated = MAX(16, view->nr_allocated * 2);
        view->ranges = g_renew(FlatRange, view->ranges, view->nr_allocated);
    }
    memmove(&view->ranges[pos + 1], &view->ranges[pos],
            (view->nr - pos) * sizeof(FlatRange));
    view->nr++;
    fr = &view->ranges[pos];
    fr->start = start;
    fr->size = end - start;
    fr->mr = mr;
    fr->offset_in_region = (hwaddr)(start - base);
    fr->readonly = readonly;
}

/*
 * Give the leaf @mr (whose offset 0 sits at @base) every hole of
 * [@start, @end) that regions rendered earlier, which won, left open.
 */
static void flatview_fill_gaps(FlatView *view, WideAddr start, WideAddr end,
                               MemoryRegion *mr, WideAddr base,
                               bool readonly)
{
    unsigned i = 0;
    WideAddr cur = start;

    while (cur < end) {
        WideAddr next_start;

        while (i < view->nr && flat_range_end(&view->ranges[i]) <= cur) {
            i++;
        }
        if (i == view->nr || view->ranges[i].start >= end) {
            flatview_insert(view, i, cur, end, mr, base, readonly);
            return;
        }
        next_start = view->ranges[i].start;
        if (next_start > cur) {
            flatview_insert(view, i, cur, next_start, mr, base, readonly);
            i++;
        }
        cur = flat_range_end(&view->ranges[i]);
        i++;
    }
}

/*
 * Render @mr, whose container's offset 0 sits at @base, clipped to
 * [@clip_start, @clip_end).  Subregions come first in priority order so
 * that whatever is rendered first owns its addresses.
 */
static void flatview_render_region(FlatView *view, MemoryRegion *mr,
                                   WideAddr base, WideAddr clip_start,
                                   WideAddr clip_end, bool readonly)
{
    WideAddr start, end;
    GList *l;

    if (!mr->enabled) {
        return;
    }
    base += mr->addr;
    start = MAX(clip_start, base);
    end = MIN(clip_end, base + memory_region_size_wide(mr));
    if (start >= end) {
        return;
    }
    readonly |= mr->readonly;
    if (mr->alias) {
        flatview_render_region(view, mr->alias,
                               base - mr->alias->addr - mr->alias_offset,
                               start, end, readonly);
        return;
    }
    for (l = mr->subregions; l; l = l->next) {
        flatview_render_region(view, l->data, base, start, end, readonly);
    }
    if (mr->terminates) {
        flatview_fill_gaps(view, start, end, mr, base, readonly);
    }
}

/* Join neighbours that continue the same leaf, as the renderer splits. */
static void flatview_simplify(FlatView *view)
{
    unsigned i, out = 0;

    for (i = 0; i < view->nr; i++) {
        FlatRange *cur = &view->ranges[i];

        if (out > 0) {
            FlatRange *prev = &view->ranges[out - 1];

            if (prev->mr == cur->mr && prev->readonly == cur->readonly &&
                flat_range_end(prev) == cur->start &&
                (WideAddr)prev->offset_in_region + prev->size ==
                (WideAddr)cur->offset_in_region) {
                prev->size += cur->size;
                continue;
            }
        }
        view->ranges[out++] = *cur;
    }
    view->nr = out;
}

static FlatView *flatview_render(MemoryRegion *root)
{
    FlatView *view = g_new0(FlatView, 1);

    view->root = root;
    if (root) {
        flatview_render_region(view, root, 0, 0, WIDE_2_64, false);
    }
    flatview_simplify(view);
    return view;
}

/*
 * The range holding @addr, or NULL; *@limit gets the end of that range,
 * or of the hole @addr is in.
 */
static const FlatRange *flatview_lookup(const FlatView *view, hwaddr addr,
                                        WideAddr *limit)
{
    unsigned lo = 0, hi = view ? view->nr : 0;

    while (lo < hi) {
        unsigned mid = lo + (hi - lo) / 2;
        const FlatRange *fr = &view->ranges[mid];

        if (addr < fr->start) {
            hi = mid;
        } else if (addr >= flat_range_end(fr)) {
            lo = mid + 1;
        } else {
            *limit = flat_range_end(fr);
            return fr;
        }
    }
    *limit = lo < (view ? view->nr : 0) ? view->ranges[lo].start : WIDE_2_64;
    return NULL;
}

/* Dispatch to one region. */

static bool memory_region_access_valid(MemoryRegion *mr, hwaddr addr,
                                       unsigned size, bool is_write,
                                       MemTxAttrs attrs)
{
    const MemoryRegionOps *ops = mr->ops;

    if (!ops || (ops->valid.accepts &&
                 !ops->valid.accepts(mr->opaque, addr, size, is_write,
                                     attrs))) {
        memory_log_invalid(mr->name, addr, size, is_write, "rejected");
        return false;
    }
    if (!ops->valid.unaligned && (addr & (size - 1))) {
        memory_log_invalid(mr->name, addr, size, is_write, "unaligned");
        return false;
    }
    if (ops->valid.max_access_size == 0) {
        return true;
    }
    if (size > ops->valid.max_access_size ||
        size < ops->valid.min_access_size) {
        if (qemu_loglevel_mask(LOG_GUEST_ERROR | LOG_INVALID_MEM)) {
            char *reason = g_strdup_printf("invalid size (min:%u max:%u)",
                                           ops->valid.min_access_size,
                                           ops->valid.max_access_size);

            memory_log_invalid(mr->name, addr, size, is_write, reason);
            g_free(reason);
        }
        return false;
    }
    return true;
}

static bool memory_region_is_big_endian(const MemoryRegion *mr)
{
    return mr->ops->endianness == DEVICE_BIG_ENDIAN;
}

/* The width each callback is given for an access of @size bytes. */
static unsigned memory_region_impl_size(const MemoryRegion *mr,
                                        unsigned size)
{
    unsigned min = mr->ops->impl.min_access_size;
    unsigned max = mr->ops->impl.max_access_size;

    min = min ? min : 1;
    max = max ? max : 4;
    return MAX(MIN(size, max), min);
}

/*
 * Where the piece at byte @i of an access of @size bytes sits in the
 * region-order value, in bits; negative when a widened callback returns
 * more than was asked (the wanted bytes are then its top ones).
 */
static int memory_region_piece_shift(const MemoryRegion *mr, unsigned size,
                                     unsigned piece, unsigned i)
{
    if (memory_region_is_big_endian(mr)) {
        return ((int)size - (int)piece - (int)i) * 8;
    }
    return i * 8;
}

static Object *memory_region_guard_device(MemoryRegion *mr)
{
    if (mr->lockless_io || !mr->owner) {
        return NULL;
    }
    return object_dynamic_cast(mr->owner, TYPE_DEVICE);
}

/*
 * A handler that reaches back into its own device (directly or through
 * an address space) would run on half-updated state: refuse it.  The
 * guard is per device when the owner is one, per region otherwise.
 */
static bool memory_region_guard_enter(MemoryRegion *mr, hwaddr addr)
{
    Object *dev;

    if (mr->lockless_io) {
        return true;
    }
    dev = memory_region_guard_device(mr);
    if (mr->dispatching ||
        (dev && memory_engaged_devices &&
         g_hash_table_contains(memory_engaged_devices, dev))) {
        warn_report_once("Blocked re-entrant IO on MemoryRegion: %s "
                         "at addr: 0x%" HWADDR_PRIX,
                         memory_region_print_name(mr), addr);
        return false;
    }
    mr->dispatching = true;
    if (dev) {
        if (!memory_engaged_devices) {
            memory_engaged_devices = g_hash_table_new(NULL, NULL);
        }
        g_hash_table_add(memory_engaged_devices, dev);
    }
    return true;
}

static void memory_region_guard_leave(MemoryRegion *mr)
{
    Object *dev;

    if (mr->lockless_io) {
        return;
    }
    dev = memory_region_guard_device(mr);
    mr->dispatching = false;
    if (dev) {
        g_hash_table_remove(memory_engaged_devices, dev);
    }
}

static MemTxResult memory_region_call_read(MemoryRegion *mr, hwaddr addr,
                                           uint64_t *data, unsigned size,
                                           MemTxAttrs attrs)
{
    const MemoryRegionOps *ops = mr->ops;
    MemTxResult result = MEMTX_OK;

    *data = 0;
    if (ops->read_with_attrs) {
        result = ops->read_with_attrs(mr->opaque, addr, data, size, attrs);
    } else if (ops->read) {
        *data = ops->read(mr->opaque, addr, size);
    }
    trace_memory_region_ops_read(memory_region_print_name(mr), addr, *data,
                                 size);
    return result;
}

static MemTxResult memory_region_call_write(MemoryRegion *mr, hwaddr addr,
                                            uint64_t data, unsigned size,
                                            MemTxAttrs attrs)
{
    const MemoryRegionOps *ops = mr->ops;

    trace_memory_region_ops_write(memory_region_print_name(mr), addr, data,
                                  size);
    if (ops->write_with_attrs) {
        return ops->write_with_attrs(mr->opaque, addr, data, size, attrs);
    }
    if (ops->write) {
        ops->write(mr->opaque, addr, data, size);
    }
    return MEMTX_OK;
}

/* RAM reached through dispatch: plain loads and stores, ROM refuses. */
static MemTxResult memory_region_ram_access(MemoryRegion *mr, hwaddr addr,
                                            uint64_t *data, unsigned size,
                                            bool is_write)
{
    if ((WideAddr)addr + size > memory_region_size_wide(mr) ||
        !mr->ram_block) {
        memory_log_invalid(mr->name, addr, size, is_write, "out of range");
        if (!is_write) {
            *data = 0;
        }
        return MEMTX_DECODE_ERROR;
    }
    if (is_write && mr->readonly) {
        memory_log_invalid(mr->name, addr, size, is_write, "rejected");
        return MEMTX_DECODE_ERROR;
    }
    if (is_write) {
        memory_stn_le(mr->ram_block + addr, *data, size);
    } else {
        *data = memory_ldn_le(mr->ram_block + addr, size);
    }
    return MEMTX_OK;
}

MemTxResult memory_region_dispatch_read(MemoryRegion *mr, hwaddr addr,
                                        uint64_t *data, unsigned size,
                                        MemTxAttrs attrs)
{
    MemTxResult result = MEMTX_OK;
    uint64_t val = 0;
    unsigned piece, i;

    assert(size >= 1 && size <= 8 && is_power_of_2(size));
    while (mr->alias) {
        addr += mr->alias_offset;
        mr = mr->alias;
    }
    if (mr->ram) {
        return memory_region_ram_access(mr, addr, data, size, false);
    }
    *data = 0;
    if (!memory_region_access_valid(mr, addr, size, false, attrs)) {
        return MEMTX_DECODE_ERROR;
    }
    if (!memory_region_guard_enter(mr, addr)) {
        return MEMTX_ACCESS_ERROR;
    }
    piece = memory_region_impl_size(mr, size);
    for (i = 0; i < size; i += piece) {
        int shift = memory_region_piece_shift(mr, size, piece, i);
        uint64_t chunk;

        result |= memory_region_call_read(mr, addr + i, &chunk, piece, attrs);
        chunk &= memory_mask(piece);
        val |= shift >= 0 ? chunk << shift : chunk >> -shift;
    }
    memory_region_guard_leave(mr);
    val &= memory_mask(size);
    if (memory_region_is_big_endian(mr)) {
        val = memory_swap(val, size);
    }
    *data = val;
    return result;
}

MemTxResult memory_region_dispatch_write(MemoryRegion *mr, hwaddr addr,
                                         uint64_t data, unsigned size,
                                         MemTxAttrs attrs)
{
    MemTxResult result = MEMTX_OK;
    unsigned piece, i;

    assert(size >= 1 && size <= 8 && is_power_of_2(size));
    while (mr->alias) {
        addr += mr->alias_offset;
        mr = mr->alias;
    }
    data &= memory_mask(size);
    if (mr->ram) {
        return memory_region_ram_access(mr, addr, &data, size, true);
    }
    if (!memory_region_access_valid(mr, addr, size, true, attrs)) {
        return MEMTX_DECODE_ERROR;
    }
    if (!memory_region_guard_enter(mr, addr)) {
        return MEMTX_ACCESS_ERROR;
    }
    if (memory_region_is_big_endian(mr)) {
        data = memory_swap(data, size);
    }
    piece = memory_region_impl_size(mr, size);
    for (i = 0; i < size; i += piece) {
        int shift = memory_region_piece_shift(mr, size, piece, i);
        uint64_t chunk = shift >= 0 ? data >> shift : data << -shift;

        result |= memory_region_call_write(mr, addr + i,
                                           chunk & memory_mask(piece),
                                           piece, attrs);
    }
    memory_region_guard_leave(mr);
    return result;
}

/* Address spaces. */

void address_space_init(AddressSpace *as, MemoryRegion *root,
                        const char *name)
{
    assert(root);
    as->name = g_strdup(name);
    as->root = root;
    as->current_map = flatview_render(root);
    memory_address_spaces = g_list_append(memory_address_spaces, as);
}

void address_space_destroy(AddressSpace *as)
{
    memory_address_spaces = g_list_remove(memory_address_spaces, as);
    flatview_free(as->current_map);
    as->current_map = NULL;
    as->root = NULL;
    g_free(as->name);
    as->name = NULL;
}

MemoryRegion *address_space_translate_simple(AddressSpace *as, hwaddr addr,
                                             hwaddr *xlat, hwaddr *plen)
{
    WideAddr limit;
    const FlatRange *fr = flatview_lookup(as->current_map, addr, &limit);

    if (plen && limit - addr < (WideAddr)*plen) {
        *plen = (hwaddr)(limit - addr);
    }
    if (!fr) {
        if (xlat) {
            *xlat = addr;
        }
        return NULL;
    }
    if (xlat) {
        *xlat = fr->offset_in_region + (hwaddr)(addr - fr->start);
    }
    return fr->mr;
}

/*
 * The widest access (a power of two up to 8) that the region takes at
 * @addr for the @len bytes left, QEMU's rule: at most valid.max (4 when
 * unset) and, unless impl.unaligned, no wider than the alignment of
 * @addr.  @mr NULL stands for unassigned space.
 */
static unsigned memory_access_size(const MemoryRegion *mr, hwaddr addr,
                                   hwaddr len)
{
    const MemoryRegionOps *ops = mr ? mr->ops : NULL;
    unsigned max = 4;
    unsigned size;

    if (ops && ops->valid.max_access_size) {
        max = MIN(ops->valid.max_access_size, 8);
    }
    if (!(ops && ops->impl.unaligned) && addr != 0) {
        hwaddr align = addr & -addr;

        if (align < max) {
            max = align;
        }
    }
    size = MIN(len, (hwaddr)max);
    while (!is_power_of_2(size)) {
        size &= size - 1;
    }
    return size;
}

static MemTxResult address_space_unassigned(AddressSpace *as, hwaddr addr,
                                            uint8_t *buf, unsigned size,
                                            bool is_write)
{
    memory_log_invalid(NULL, addr, size, is_write, "rejected");
    if (!is_write) {
        memset(buf, as->is_io ? 0xff : 0, size);
    }
    return MEMTX_DECODE_ERROR;
}

/*
 * Carry out the first piece of an access of @len bytes at @addr: a copy
 * up to the end of a RAM range, or one device (or refused) access.
 * Returns how many bytes it covered.  The view is looked up afresh for
 * every piece because a device handler may change the memory map.
 */
static hwaddr address_space_access_step(AddressSpace *as, hwaddr addr,
                                        MemTxAttrs attrs, uint8_t *buf,
                                        hwaddr len, bool is_write,
                                        MemTxResult *result)
{
    WideAddr limit;
    const FlatRange *fr = flatview_lookup(as->current_map, addr, &limit);
    hwaddr avail = (WideAddr)len < limit - addr ? len
                                                : (hwaddr)(limit - addr);
    MemoryRegion *mr;
    hwaddr offset;
    unsigned size;
    uint64_t val;

    if (!fr) {
        size = memory_access_size(NULL, addr, avail);
        *result |= address_space_unassigned(as, addr, buf, size, is_write);
        return size;
    }
    mr = fr->mr;
    offset = fr->offset_in_region + (hwaddr)(addr - fr->start);
    if (mr->ram && !(is_write && fr->readonly)) {
        if (is_write) {
            memcpy(mr->ram_block + offset, buf, avail);
        } else {
            memcpy(buf, mr->ram_block + offset, avail);
        }
        return avail;
    }
    if (mr->ram) {
        size = memory_access_size(NULL, offset, avail);
        memory_log_invalid(mr->name, offset, size, true, "rejected");
        *result |= MEMTX_DECODE_ERROR;
        return size;
    }
    size = memory_access_size(mr, offset, avail);
    if (is_write) {
        *result |= memory_region_dispatch_write(mr, offset,
                                                memory_ldn_le(buf, size),
                                                size, attrs);
    } else {
        *result |= memory_region_dispatch_read(mr, offset, &val, size,
                                               attrs);
        memory_stn_le(buf, val, size);
    }
    return size;
}

MemTxResult address_space_rw(AddressSpace *as, hwaddr addr,
                             MemTxAttrs attrs, void *buf, hwaddr len,
                             bool is_write)
{
    MemTxResult result = MEMTX_OK;
    uint8_t *p = buf;

    while (len > 0) {
        hwaddr done = address_space_access_step(as, addr, attrs, p, len,
                                                is_write, &result);

        addr += done;
        p += done;
        len -= done;
    }
    return result;
}

MemTxResult address_space_read(AddressSpace *as, hwaddr addr,
                               MemTxAttrs attrs, void *buf, hwaddr len)
{
    return address_space_rw(as, addr, attrs, buf, len, false);
}

MemTxResult address_space_write(AddressSpace *as, hwaddr addr,
                                MemTxAttrs attrs, const void *buf,
                                hwaddr len)
{
    return address_space_rw(as, addr, attrs, (void *)buf, len, true);
}

MemTxResult address_space_set(AddressSpace *as, hwaddr addr, uint8_t c,
                              hwaddr len, MemTxAttrs attrs)
{
    MemTxResult result = MEMTX_OK;
    uint8_t fill[512];

    memset(fill, c, sizeof(fill));
    while (len > 0) {
        hwaddr l = MIN(len, (hwaddr)sizeof(fill));

        result |= address_space_write(as, addr, attrs, fill, l);
        addr += l;
        len -= l;
    }
    return result;
}

/*
 * One access of @size bytes (1, 2, 4 or 8) when it falls inside one
 * range; otherwise the bytes are gathered piece by piece.
 */
static MemTxResult address_space_access_sized(AddressSpace *as, hwaddr addr,
                                              uint64_t *val, unsigned size,
                                              bool is_write,
                                              MemTxAttrs attrs)
{
    WideAddr limit;
    const FlatRange *fr = flatview_lookup(as->current_map, addr, &limit);
    uint8_t bytes[8];
    MemTxResult result;
    hwaddr offset;

    if (limit - addr < size) {
        if (is_write) {
            memory_stn_le(bytes, *val, size);
        }
        result = address_space_rw(as, addr, attrs, bytes, size, is_write);
        if (!is_write) {
            *val = memory_ldn_le(bytes, size);
        }
        return result;
    }
    if (!fr) {
        result = address_space_unassigned(as, addr, bytes, size, is_write);
        if (!is_write) {
            *val = memory_ldn_le(bytes, size);
        }
        return result;
    }
    offset = fr->offset_in_region + (hwaddr)(addr - fr->start);
    if (fr->mr->ram && is_write && fr->readonly) {
        memory_log_invalid(fr->mr->name, offset, size, true, "rejected");
        return MEMTX_DECODE_ERROR;
    }
    if (is_write) {
        return memory_region_dispatch_write(fr->mr, offset, *val, size,
                                            attrs);
    }
    return memory_region_dispatch_read(fr->mr, offset, val, size, attrs);
}

uint64_t address_space_ld(AddressSpace *as, hwaddr addr, unsigned size,
                          MemTxAttrs attrs, MemTxResult *result)
{
    uint64_t val = 0;
    MemTxResult r;

    r = address_space_access_sized(as, addr, &val, size, false, attrs);
    if (result) {
        *result = r;
    }
    return val;
}

void address_space_st(AddressSpace *as, hwaddr addr, uint64_t val,
                      unsigned size, MemTxAttrs attrs, MemTxResult *result)
{
    MemTxResult r;

    val &= memory_mask(size);
    r = address_space_access_sized(as, addr, &val, size, true, attrs);
    if (result) {
        *result = r;
    }
}

/* The system roots. */

void memory_map_init(void)
{
    if (memory_map_ready) {
        return;
    }
    memory_map_ready = true;
    memory_region_init(&system_memory, NULL, "system", UINT64_MAX);
    address_space_init(&address_space_memory, &system_memory, "memory");
    memory_region_init(&system_io, NULL, "io", 65536);
    address_space_io.is_io = true;
    address_space_init(&address_space_io, &system_io, "I/O");
}

MemoryRegion *get_system_memory(void)
{
    memory_map_init();
    return &system_memory;
}

MemoryRegion *get_system_io(void)
{
    memory_map_init();
    return &system_io;
}

/* "info mtree". */

static const char *memory_region_type_name(const MemoryRegion *mr)
{
    while (mr->alias) {
        mr = mr->alias;
    }
    if (mr->ram) {
        return mr->readonly ? "rom" : "ram";
    }
    return "i/o";
}

/* The last byte of a region that starts at @start, as printed. */
static uint64_t mtree_last_byte(WideAddr start, WideAddr size)
{
    return (uint64_t)(size ? start + size - 1 : start);
}

/*
 * By address; the sort is stable and subregions are kept by priority, so
 * at one address the higher priority stays first.
 */
static gint mtree_compare_placement(gconstpointer a, gconstpointer b)
{
    const MemoryRegion *ma = a, *mb = b;

    if (ma->addr == mb->addr) {
        return 0;
    }
    return ma->addr < mb->addr ? -1 : 1;
}

static void mtree_print_region(GString *buf, MemoryRegion *mr,
                               unsigned level, WideAddr base,
                               GPtrArray *aliased)
{
    WideAddr start = base + mr->addr;
    WideAddr size = memory_region_size_wide(mr);
    GList *children, *l;
    unsigned i;

    for (i = 0; i < level; i++) {
        g_string_append(buf, "  ");
    }
    g_string_append_printf(buf, "%016" PRIx64 "-%016" PRIx64
                           " (prio %d, %s): ",
                           (uint64_t)start, mtree_last_byte(start, size),
                           mr->priority, memory_region_type_name(mr));
    if (mr->alias) {
        if (!g_ptr_array_find(aliased, mr->alias, NULL)) {
            g_ptr_array_add(aliased, mr->alias);
        }
        g_string_append_printf(buf, "alias %s @%s %016" PRIx64 "-%016"
                               PRIx64,
                               memory_region_print_name(mr),
                               memory_region_print_name(mr->alias),
                               mr->alias_offset,
                               mtree_last_byte(mr->alias_offset, size));
    } else {
        g_string_append(buf, memory_region_print_name(mr));
    }
    if (!mr->enabled) {
        g_string_append(buf, " [disabled]");
    }
    g_string_append_c(buf, '\n');

    children = g_list_sort(g_list_copy(mr->subregions),
                           mtree_compare_placement);
    for (l = children; l; l = l->next) {
        mtree_print_region(buf, l->data, level + 1, start, aliased);
    }
    g_list_free(children);
}

static gint mtree_compare_as_name(gconstpointer a, gconstpointer b)
{
    const AddressSpace *asa = a, *asb = b;

    return g_strcmp0(asa->name, asb->name);
}

/* Address spaces grouped by root, in order of first appearance. */
static GPtrArray *mtree_group_by_root(void)
{
    GPtrArray *groups = g_ptr_array_new();
    GList *l;
    guint i;

    for (l = memory_address_spaces; l; l = l->next) {
        AddressSpace *as = l->data;
        GList **group = NULL;

        for (i = 0; i < groups->len; i++) {
            GList **g = g_ptr_array_index(groups, i);

            if (((AddressSpace *)(*g)->data)->root == as->root) {
                group = g;
                break;
            }
        }
        if (!group) {
            group = g_new0(GList *, 1);
            g_ptr_array_add(groups, group);
        }
        *group = g_list_append(*group, as);
    }
    return groups;
}

static void mtree_free_groups(GPtrArray *groups)
{
    guint i;

    for (i = 0; i < groups->len; i++) {
        GList **group = g_ptr_array_index(groups, i);

        g_list_free(*group);
        g_free(group);
    }
    g_ptr_array_free(groups, true);
}

static void mtree_print_flatview(GString *buf, GList *group, int counter)
{
    AddressSpace *first = group->data;
    FlatView *view = first->current_map;
    GList *l;
    unsigned i;

    g_string_append_printf(buf, "FlatView #%d\n", counter);
    for (l = group; l; l = l->next) {
        AddressSpace *as = l->data;

        g_string_append_printf(buf, " AS \"%s\", root: %s", as->name,
                               memory_region_print_name(as->root));
        if (as->root->alias) {
            g_string_append_printf(buf, ", alias %s",
                                   memory_region_print_name(as->root->alias));
        }
        g_string_append_c(buf, '\n');
    }
    g_string_append_printf(buf, " Root memory region: %s\n",
                           memory_region_print_name(first->root));
    if (!view || view->nr == 0) {
        g_string_append(buf, "  No rendered FlatView\n\n");
        return;
    }
    for (i = 0; i < view->nr; i++) {
        const FlatRange *fr = &view->ranges[i];

        g_string_append_printf(buf, "  %016" PRIx64 "-%016" PRIx64
                               " (prio %d, %s): %s",
                               (uint64_t)fr->start,
                               mtree_last_byte(fr->start, fr->size),
                               fr->mr->priority,
                               fr->readonly ? "rom"
                                            : memory_region_type_name(fr->mr),
                               memory_region_print_name(fr->mr));
        if (fr->offset_in_region) {
            g_string_append_printf(buf, " @%016" PRIx64,
                                   fr->offset_in_region);
        }
        g_string_append_c(buf, '\n');
    }
    g_string_append_c(buf, '\n');
}

void mtree_info(GString *buf, bool flatview)
{
    GPtrArray *groups = mtree_group_by_root();
    GPtrArray *aliased = g_ptr_array_new();
    guint i;

    for (i = 0; i < groups->len; i++) {
        GList *group = *(GList **)g_ptr_array_index(groups, i);
        GList *sorted, *l;

        if (flatview) {
            mtree_print_flatview(buf, group, i);
            continue;
        }
        sorted = g_list_sort(g_list_copy(group), mtree_compare_as_name);
        for (l = sorted; l; l = l->next) {
            g_string_append_printf(buf, "address-space: %s\n",
                                   ((AddressSpace *)l->data)->name);
        }
        g_list_free(sorted);
        mtree_print_region(buf, ((AddressSpace *)group->data)->root, 1, 0,
                           aliased);
        g_string_append_c(buf, '\n');
    }
    /* Regions that aliases point into, each once (the list may grow). */
    for (i = 0; i < aliased->len; i++) {
        MemoryRegion *mr = g_ptr_array_index(aliased, i);

        g_string_append_printf(buf, "memory-region: %s\n",
                               memory_region_print_name(mr));
        mtree_print_region(buf, mr, 1, 0, aliased);
        g_string_append_c(buf, '\n');
    }
    g_ptr_array_free(aliased, true);
    mtree_free_groups(groups);
}
