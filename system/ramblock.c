/*
 * RAM blocks: the guest memory a migration carries, by name.
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include "qemu/osdep.h"
#include "hw/core/qdev.h"
#include "system/memory.h"
#include "system/ramblock.h"

/* RAMBlock *, largest first and in registration order among equals. */
static GList *ram_blocks;

static gint ram_block_cmp_size(gconstpointer a, gconstpointer b)
{
    const RAMBlock *ra = a;
    const RAMBlock *rb = b;

    if (ra->used_length == rb->used_length) {
        return 0;
    }
    return ra->used_length > rb->used_length ? -1 : 1;
}

void ram_block_register(MemoryRegion *mr)
{
    RAMBlock *rb;

    if (!mr->ram_block || !mr->name || memory_region_size(mr) == 0) {
        return;
    }
    rb = g_new0(RAMBlock, 1);
    rb->mr = mr;
    rb->host = mr->ram_block;
    rb->used_length = memory_region_size(mr);
    ram_blocks = g_list_insert_sorted(ram_blocks, rb, ram_block_cmp_size);
}

void ram_block_unregister(MemoryRegion *mr)
{
    GList *l;

    for (l = ram_blocks; l; l = l->next) {
        RAMBlock *rb = l->data;

        if (rb->mr == mr) {
            ram_blocks = g_list_delete_link(ram_blocks, l);
            g_free(rb);
            return;
        }
    }
}

const char *qemu_ram_block_idstr(RAMBlock *rb)
{
    Object *owner = memory_region_owner(rb->mr);
    g_autofree char *path = NULL;

    if (rb->idstr[0]) {
        return rb->idstr;
    }
    if (owner && object_dynamic_cast(owner, TYPE_DEVICE)) {
        path = qdev_get_dev_path(DEVICE(owner));
    }
    if (path) {
        snprintf(rb->idstr, sizeof(rb->idstr), "%s/%s", path,
                 memory_region_name(rb->mr));
    } else {
        g_strlcpy(rb->idstr, memory_region_name(rb->mr),
                  sizeof(rb->idstr));
    }
    return rb->idstr;
}

RAMBlock *qemu_ram_block_by_name(const char *name)
{
    GList *l;

    for (l = ram_blocks; l; l = l->next) {
        RAMBlock *rb = l->data;

        if (!strcmp(qemu_ram_block_idstr(rb), name)) {
            return rb;
        }
    }
    return NULL;
}

GPtrArray *qemu_ram_blocks(void)
{
    GPtrArray *blocks = g_ptr_array_new();
    GList *l;

    for (l = ram_blocks; l; l = l->next) {
        g_ptr_array_add(blocks, l->data);
    }
    return blocks;
}
