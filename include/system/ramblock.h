/*
 * RAM blocks: the guest memory a migration carries, by name.
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * memory_region_init_ram() and _rom() register their region here; the
 * "ram" migration section lists the blocks and moves their pages.  A
 * block's idstr is the region's name ("pc.ram", "mach-virt.ram"),
 * prefixed by its owner's device path when the owner sits on a bus that
 * provides one, as QEMU names them.
 */
#ifndef SYSTEM_RAMBLOCK_H
#define SYSTEM_RAMBLOCK_H

typedef struct RAMBlock RAMBlock;

struct RAMBlock {
    MemoryRegion *mr;
    uint8_t *host;
    uint64_t used_length;
    char idstr[256];            /* filled by qemu_ram_block_idstr() */
};

/*
 * Weak, so that a program linking the memory API without the registry
 * (a unit test of memory.c alone) still links; the registry is then
 * simply absent.
 */
void ram_block_register(MemoryRegion *mr) __attribute__((weak));
void ram_block_unregister(MemoryRegion *mr) __attribute__((weak));

/** qemu_ram_register: make @mr's memory part of a migration. */
static inline void qemu_ram_register(MemoryRegion *mr)
{
    if (ram_block_register) {
        ram_block_register(mr);
    }
}

/** qemu_ram_unregister: forget @mr (it is going away). */
static inline void qemu_ram_unregister(MemoryRegion *mr)
{
    if (ram_block_unregister) {
        ram_block_unregister(mr);
    }
}

/**
 * qemu_ram_block_idstr: the migration name of @rb (computed on first use,
 * once the owner is plugged into its bus).
 */
const char *qemu_ram_block_idstr(RAMBlock *rb);

/** qemu_ram_block_by_name: the block called @name, or NULL. */
RAMBlock *qemu_ram_block_by_name(const char *name);

/**
 * qemu_ram_blocks: the registered blocks, largest first (a new
 * GPtrArray of RAMBlock *; free it with g_ptr_array_unref).
 */
GPtrArray *qemu_ram_blocks(void);

#endif
