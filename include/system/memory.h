/*
 * The memory API: regions, containers, aliases, address spaces.
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * Regions form a tree; each address space renders its root into a
 * flattened view (sorted, non-overlapping ranges) that is rebuilt when
 * the tree changes, and dispatches accesses through it.  Access-size
 * rules follow QEMU: .valid decides what is legal, .impl what the
 * callbacks are given (wider accesses are split, narrower widened).
 */
#ifndef SYSTEM_MEMORY_H
#define SYSTEM_MEMORY_H

#include "exec/hwaddr.h"
#include "exec/memattrs.h"
#include "qom/object.h"

#define TYPE_MEMORY_REGION "memory-region"
DECLARE_INSTANCE_CHECKER(MemoryRegion, MEMORY_REGION, TYPE_MEMORY_REGION)

enum device_endian {
    DEVICE_NATIVE_ENDIAN,
    DEVICE_BIG_ENDIAN,
    DEVICE_LITTLE_ENDIAN,
};

typedef struct MemoryRegionOps {
    uint64_t (*read)(void *opaque, hwaddr addr, unsigned size);
    void (*write)(void *opaque, hwaddr addr, uint64_t data, unsigned size);
    MemTxResult (*read_with_attrs)(void *opaque, hwaddr addr,
                                   uint64_t *data, unsigned size,
                                   MemTxAttrs attrs);
    MemTxResult (*write_with_attrs)(void *opaque, hwaddr addr,
                                    uint64_t data, unsigned size,
                                    MemTxAttrs attrs);

    enum device_endian endianness;

    /* What the guest may do; violations are refused and logged. */
    struct {
        unsigned min_access_size;
        unsigned max_access_size;
        bool unaligned;
        bool (*accepts)(void *opaque, hwaddr addr, unsigned size,
                        bool is_write, MemTxAttrs attrs);
    } valid;
    /* What the callbacks implement; the core adapts (defaults 1..4). */
    struct {
        unsigned min_access_size;
        unsigned max_access_size;
        bool unaligned;
    } impl;
} MemoryRegionOps;

struct MemoryRegion {
    Object parent_obj;

    bool ram;
    bool readonly;
    bool enabled;
    bool is_iommu;
    bool lockless_io;
    bool terminates;        /* leaf (I/O or RAM), not a container */
    bool dispatching;       /* re-entrancy guard */
    const MemoryRegionOps *ops;
    void *opaque;
    MemoryRegion *container;
    Object *owner;
    uint8_t *ram_block;     /* host memory of a RAM region */
    uint64_t ram_block_size;    /* bytes mapped at ram_block */
    uint64_t size;          /* bytes; UINT64_MAX stands for 2^64 */
    hwaddr addr;            /* offset inside the container */
    MemoryRegion *alias;
    hwaddr alias_offset;
    int32_t priority;
    GList *subregions;      /* MemoryRegion *, highest priority first */
    const char *name;
};

struct AddressSpace {
    char *name;
    MemoryRegion *root;
    FlatView *current_map;
    bool is_io;             /* unassigned reads give all ones */
};

/* Regions. */
void memory_region_init(MemoryRegion *mr, Object *owner, const char *name,
                        uint64_t size);
void memory_region_init_io(MemoryRegion *mr, Object *owner,
                           const MemoryRegionOps *ops, void *opaque,
                           const char *name, uint64_t size);
bool memory_region_init_ram(MemoryRegion *mr, Object *owner,
                            const char *name, uint64_t size, Error **errp);
bool memory_region_init_ram_nomigrate(MemoryRegion *mr, Object *owner,
                                      const char *name, uint64_t size,
                                      Error **errp);
bool memory_region_init_rom(MemoryRegion *mr, Object *owner,
                            const char *name, uint64_t size, Error **errp);
void memory_region_init_alias(MemoryRegion *mr, Object *owner,
                              const char *name, MemoryRegion *orig,
                              hwaddr offset, uint64_t size);

void memory_region_add_subregion(MemoryRegion *mr, hwaddr offset,
                                 MemoryRegion *subregion);
void memory_region_add_subregion_overlap(MemoryRegion *mr, hwaddr offset,
                                         MemoryRegion *subregion,
                                         int priority);
void memory_region_del_subregion(MemoryRegion *mr, MemoryRegion *subregion);
void memory_region_set_enabled(MemoryRegion *mr, bool enabled);
void memory_region_set_address(MemoryRegion *mr, hwaddr addr);
void memory_region_set_size(MemoryRegion *mr, uint64_t size);
void memory_region_set_readonly(MemoryRegion *mr, bool readonly);
void memory_region_set_alias_offset(MemoryRegion *mr, hwaddr offset);

uint64_t memory_region_size(MemoryRegion *mr);
const char *memory_region_name(const MemoryRegion *mr);
bool memory_region_is_ram(MemoryRegion *mr);
void *memory_region_get_ram_ptr(MemoryRegion *mr);
Object *memory_region_owner(MemoryRegion *mr);

/* KVM hints and lock-free dispatch: recorded, no effect here. */
void memory_region_set_flush_coalesced(MemoryRegion *mr);
void memory_region_clear_flush_coalesced(MemoryRegion *mr);
void memory_region_add_coalescing(MemoryRegion *mr, hwaddr offset,
                                  uint64_t size);
void memory_region_enable_lockless_io(MemoryRegion *mr);

/**
 * memory_region_dispatch_read / _write: one access of @size bytes at
 * offset @addr of @mr, with the .valid/.impl rules and byte order
 * applied.  @data is in host order as the initiator sees it (little
 * endian guests).
 */
MemTxResult memory_region_dispatch_read(MemoryRegion *mr, hwaddr addr,
                                        uint64_t *data, unsigned size,
                                        MemTxAttrs attrs);
MemTxResult memory_region_dispatch_write(MemoryRegion *mr, hwaddr addr,
                                         uint64_t data, unsigned size,
                                         MemTxAttrs attrs);

/* Batched updates: the views are rebuilt once at the last commit. */
void memory_region_transaction_begin(void);
void memory_region_transaction_commit(void);

/* Address spaces. */
void address_space_init(AddressSpace *as, MemoryRegion *root,
                        const char *name);
void address_space_destroy(AddressSpace *as);

/**
 * address_space_rw: copy @len bytes between @buf and the address space,
 * splitting at region boundaries and into accesses the regions take.
 * Unassigned bytes read as 0 (all ones on an I/O space) and are logged
 * under -d guest_errors/invalid_mem.
 */
MemTxResult address_space_rw(AddressSpace *as, hwaddr addr,
                             MemTxAttrs attrs, void *buf, hwaddr len,
                             bool is_write);
MemTxResult address_space_read(AddressSpace *as, hwaddr addr,
                               MemTxAttrs attrs, void *buf, hwaddr len);
MemTxResult address_space_write(AddressSpace *as, hwaddr addr,
                                MemTxAttrs attrs, const void *buf,
                                hwaddr len);
MemTxResult address_space_set(AddressSpace *as, hwaddr addr, uint8_t c,
                              hwaddr len, MemTxAttrs attrs);

/*
 * address_space_ldX / stX: one access of exactly that width (a single
 * device access when the target region accepts it), little endian.
 */
uint64_t address_space_ld(AddressSpace *as, hwaddr addr, unsigned size,
                          MemTxAttrs attrs, MemTxResult *result);
void address_space_st(AddressSpace *as, hwaddr addr, uint64_t val,
                      unsigned size, MemTxAttrs attrs, MemTxResult *result);

static inline uint32_t address_space_ldub(AddressSpace *as, hwaddr addr,
                                          MemTxAttrs attrs, MemTxResult *r)
{
    return address_space_ld(as, addr, 1, attrs, r);
}
static inline uint32_t address_space_lduw_le(AddressSpace *as, hwaddr addr,
                                             MemTxAttrs attrs,
                                             MemTxResult *r)
{
    return address_space_ld(as, addr, 2, attrs, r);
}
static inline uint32_t address_space_ldl_le(AddressSpace *as, hwaddr addr,
                                            MemTxAttrs attrs,
                                            MemTxResult *r)
{
    return address_space_ld(as, addr, 4, attrs, r);
}
static inline uint64_t address_space_ldq_le(AddressSpace *as, hwaddr addr,
                                            MemTxAttrs attrs,
                                            MemTxResult *r)
{
    return address_space_ld(as, addr, 8, attrs, r);
}
static inline void address_space_stb(AddressSpace *as, hwaddr addr,
                                     uint32_t val, MemTxAttrs attrs,
                                     MemTxResult *r)
{
    address_space_st(as, addr, val, 1, attrs, r);
}
static inline void address_space_stw_le(AddressSpace *as, hwaddr addr,
                                        uint32_t val, MemTxAttrs attrs,
                                        MemTxResult *r)
{
    address_space_st(as, addr, val, 2, attrs, r);
}
static inline void address_space_stl_le(AddressSpace *as, hwaddr addr,
                                        uint32_t val, MemTxAttrs attrs,
                                        MemTxResult *r)
{
    address_space_st(as, addr, val, 4, attrs, r);
}
static inline void address_space_stq_le(AddressSpace *as, hwaddr addr,
                                        uint64_t val, MemTxAttrs attrs,
                                        MemTxResult *r)
{
    address_space_st(as, addr, val, 8, attrs, r);
}

/* The view: which region and offset serves @addr (for tests, info). */
MemoryRegion *address_space_translate_simple(AddressSpace *as, hwaddr addr,
                                             hwaddr *xlat, hwaddr *plen);

/** mtree_info: the "info mtree" text, appended to @buf. */
void mtree_info(GString *buf, bool flatview);

#endif
