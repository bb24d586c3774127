/*
 * The "ram" section (version 4): guest memory, page by page.
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * Setup lists the blocks and their sizes; each iteration sends a batch
 * of pages while the VM runs (an all-zero page as ZERO plus one byte,
 * others as PAGE plus 4 KiB; CONTINUE when the block is the previous
 * one); completion, with the VM stopped, sends again every page whose
 * contents changed since it went out.  Changes are found by comparing a
 * 64-bit hash of each page with the one taken when it was sent, so no
 * dirty logging is needed from the memory core.
 *
 * Loading trusts nothing: a record must name a block that exists here,
 * with the same size, and an offset inside it.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "system/memory.h"
#include "system/ramblock.h"
#include "migration/register.h"
#include "migration/qemu-file.h"
#include "savevm.h"
#include "ram.h"

#define RAM_SAVE_FLAG_ZERO          0x02
#define RAM_SAVE_FLAG_MEM_SIZE      0x04
#define RAM_SAVE_FLAG_PAGE          0x08
#define RAM_SAVE_FLAG_EOS           0x10
#define RAM_SAVE_FLAG_CONTINUE      0x20

/* Pages per PART section: bounds the time the BQL is held. */
#define RAM_PAGES_PER_ITERATION     1024

typedef struct RAMSaveBlock {
    RAMBlock *rb;
    uint64_t pages;
    uint64_t *hash;             /* per page, as sent */
    uint8_t *sent;              /* per page */
} RAMSaveBlock;

typedef struct RAMState {
    /* Saving */
    GArray *blocks;             /* RAMSaveBlock */
    guint cur_block;
    uint64_t cur_page;
    RAMBlock *last_sent;
    RAMMigrationStats stats;
    /* Loading */
    RAMBlock *last_loaded;
} RAMState;

static RAMState ram_state;

void ram_get_stats(RAMMigrationStats *stats)
{
    *stats = ram_state.stats;
}

static uint64_t ram_page_hash(const uint8_t *page)
{
    uint64_t h = 0x9e3779b97f4a7c15ULL;
    size_t i;

    for (i = 0; i < MIG_TARGET_PAGE_SIZE; i += 8) {
        uint64_t w;

        memcpy(&w, page + i, sizeof(w));
        h ^= w * 0xff51afd7ed558ccdULL;
        h = ((h << 31) | (h >> 33)) * 0xc4ceb9fe1a85ec53ULL;
    }
    return h ^ (h >> 29);
}

static bool ram_page_is_zero(const uint8_t *page)
{
    size_t i;

    for (i = 0; i < MIG_TARGET_PAGE_SIZE; i += 8) {
        uint64_t w;

        memcpy(&w, page + i, sizeof(w));
        if (w) {
            return false;
        }
    }
    return true;
}

/* The hash of an all-zero page, computed once. */
static uint64_t ram_zero_page_hash(void)
{
    static uint64_t hash;
    static bool done;

    if (!done) {
        static const uint8_t zero[MIG_TARGET_PAGE_SIZE];

        hash = ram_page_hash(zero);
        done = true;
    }
    return hash;
}

/*
 * Has @host changed since it was sent with @hash?  Most of an idle
 * guest's RAM is zero: such pages are checked with a scan that stops at
 * the first non-zero word instead of a full hash.
 */
static bool ram_page_changed(const uint8_t *host, uint64_t hash)
{
    if (hash == ram_zero_page_hash()) {
        return !ram_page_is_zero(host);
    }
    return ram_page_hash(host) != hash;
}

/* Saving */

static void ram_save_cleanup(void *opaque)
{
    RAMState *rs = opaque;
    guint i;

    if (!rs->blocks) {
        return;
    }
    for (i = 0; i < rs->blocks->len; i++) {
        RAMSaveBlock *sb = &g_array_index(rs->blocks, RAMSaveBlock, i);

        g_free(sb->hash);
        g_free(sb->sent);
    }
    g_array_free(rs->blocks, true);
    rs->blocks = NULL;
}

static int ram_save_setup(QEMUFile *f, void *opaque, Error **errp)
{
    RAMState *rs = opaque;
    g_autoptr(GPtrArray) blocks = qemu_ram_blocks();
    uint64_t total = 0;
    guint i;

    ram_save_cleanup(rs);
    memset(&rs->stats, 0, sizeof(rs->stats));
    rs->blocks = g_array_new(false, true, sizeof(RAMSaveBlock));
    for (i = 0; i < blocks->len; i++) {
        RAMBlock *rb = g_ptr_array_index(blocks, i);
        RAMSaveBlock sb = {
            .rb = rb,
            .pages = rb->used_length / MIG_TARGET_PAGE_SIZE,
        };

        sb.hash = g_new0(uint64_t, sb.pages);
        sb.sent = g_new0(uint8_t, sb.pages);
        g_array_append_val(rs->blocks, sb);
        total += rb->used_length;
        rs->stats.total_pages += sb.pages;
    }
    rs->cur_block = 0;
    rs->cur_page = 0;
    rs->last_sent = NULL;
    rs->stats.dirty_sync_count = 1;

    qemu_put_be64(f, total | RAM_SAVE_FLAG_MEM_SIZE);
    for (i = 0; i < rs->blocks->len; i++) {
        RAMBlock *rb = g_array_index(rs->blocks, RAMSaveBlock, i).rb;

        qemu_put_counted_string(f, qemu_ram_block_idstr(rb));
        qemu_put_be64(f, rb->used_length);
    }
    qemu_put_be64(f, RAM_SAVE_FLAG_EOS);
    return 0;
}

static void ram_save_page(QEMUFile *f, RAMState *rs, RAMSaveBlock *sb,
                          uint64_t page)
{
    uint8_t buf[MIG_TARGET_PAGE_SIZE];
    uint64_t offset = page * MIG_TARGET_PAGE_SIZE;
    uint64_t flags = 0;
    bool zero;

    /* Hash exactly the bytes that go out. */
    memcpy(buf, sb->rb->host + offset, sizeof(buf));
    if (!sb->sent[page]) {
        sb->sent[page] = 1;
        rs->stats.sent_pages++;
    }
    zero = ram_page_is_zero(buf);
    sb->hash[page] = zero ? ram_zero_page_hash() : ram_page_hash(buf);

    if (sb->rb == rs->last_sent) {
        flags |= RAM_SAVE_FLAG_CONTINUE;
    }
    flags |= zero ? RAM_SAVE_FLAG_ZERO : RAM_SAVE_FLAG_PAGE;
    qemu_put_be64(f, offset | flags);
    if (!(flags & RAM_SAVE_FLAG_CONTINUE)) {
        qemu_put_counted_string(f, qemu_ram_block_idstr(sb->rb));
    }
    if (zero) {
        qemu_put_byte(f, 0);
        rs->stats.duplicate++;
    } else {
        qemu_put_buffer(f, buf, sizeof(buf));
        rs->stats.normal++;
    }
    rs->last_sent = sb->rb;
}

static int ram_save_iterate(QEMUFile *f, void *opaque)
{
    RAMState *rs = opaque;
    int budget = RAM_PAGES_PER_ITERATION;

    while (budget > 0 && rs->cur_block < rs->blocks->len) {
        RAMSaveBlock *sb = &g_array_index(rs->blocks, RAMSaveBlock,
                                          rs->cur_block);

        if (rs->cur_page >= sb->pages) {
            rs->cur_block++;
            rs->cur_page = 0;
            continue;
        }
        ram_save_page(f, rs, sb, rs->cur_page++);
        budget--;
    }
    qemu_put_be64(f, RAM_SAVE_FLAG_EOS);
    return rs->cur_block >= rs->blocks->len ? 1 : 0;
}

/* With the VM stopped: every page not sent yet or changed since. */
static int ram_save_complete(QEMUFile *f, void *opaque)
{
    RAMState *rs = opaque;
    guint i;
    uint64_t page;

    rs->stats.dirty_sync_count++;
    for (i = 0; i < rs->blocks->len; i++) {
        RAMSaveBlock *sb = &g_array_index(rs->blocks, RAMSaveBlock, i);

        for (page = 0; page < sb->pages; page++) {
            const uint8_t *host = sb->rb->host + page * MIG_TARGET_PAGE_SIZE;

            if (!sb->sent[page] || ram_page_changed(host, sb->hash[page])) {
                ram_save_page(f, rs, sb, page);
            }
        }
    }
    qemu_put_be64(f, RAM_SAVE_FLAG_EOS);
    return 0;
}

/* Loading */

static int ram_load_setup(QEMUFile *f, void *opaque, Error **errp)
{
    RAMState *rs = opaque;

    rs->last_loaded = NULL;
    return 0;
}

static bool ram_load_block_list(QEMUFile *f, uint64_t total, Error **errp)
{
    while (total > 0) {
        char id[256];
        RAMBlock *rb;
        uint64_t length;

        qemu_get_counted_string(f, id);
        length = qemu_get_be64(f);
        if (qemu_file_get_error(f)) {
            return false;
        }
        rb = qemu_ram_block_by_name(id);
        if (!rb) {
            error_setg(errp, "Unknown ramblock \"%s\", cannot accept "
                       "migration", id);
            return false;
        }
        if (length != rb->used_length) {
            error_setg(errp, "Size mismatch: %s: 0x%" PRIx64 " != 0x%"
                       PRIx64, id, rb->used_length, length);
            return false;
        }
        if (length > total) {
            error_setg(errp, "ram: block %s of 0x%" PRIx64 " bytes exceeds "
                       "the 0x%" PRIx64 " announced", id, length, total);
            return false;
        }
        total -= length;
    }
    return true;
}

/* The block a page record refers to. */
static RAMBlock *ram_load_record_block(QEMUFile *f, RAMState *rs,
                                       uint64_t flags, Error **errp)
{
    char id[256];
    RAMBlock *rb;

    if (flags & RAM_SAVE_FLAG_CONTINUE) {
        if (!rs->last_loaded) {
            error_setg(errp, "ram: CONTINUE record without a previous "
                       "block");
        }
        return rs->last_loaded;
    }
    qemu_get_counted_string(f, id);
    if (qemu_file_get_error(f)) {
        return NULL;
    }
    rb = qemu_ram_block_by_name(id);
    if (!rb) {
        error_setg(errp, "Unknown ramblock \"%s\", cannot accept migration",
                   id);
        return NULL;
    }
    rs->last_loaded = rb;
    return rb;
}

static int ram_load_state(QEMUFile *f, void *opaque, int version_id,
                          Error **errp)
{
    RAMState *rs = opaque;

    if (version_id != 4) {
        error_setg(errp, "ram: unsupported version %d", version_id);
        return -EINVAL;
    }
    for (;;) {
        uint64_t addr = qemu_get_be64(f);
        uint64_t flags = addr & (MIG_TARGET_PAGE_SIZE - 1);
        RAMBlock *rb;
        uint8_t *host;

        addr &= ~(uint64_t)(MIG_TARGET_PAGE_SIZE - 1);
        if (qemu_file_get_error(f)) {
            return qemu_file_get_error(f);
        }
        switch (flags & ~RAM_SAVE_FLAG_CONTINUE) {
        case RAM_SAVE_FLAG_MEM_SIZE:
            if (!ram_load_block_list(f, addr, errp)) {
                return -EINVAL;
            }
            break;
        case RAM_SAVE_FLAG_ZERO:
        case RAM_SAVE_FLAG_PAGE:
            rb = ram_load_record_block(f, rs, flags, errp);
            if (!rb) {
                return -EINVAL;
            }
            if (rb->used_length < MIG_TARGET_PAGE_SIZE ||
                addr > rb->used_length - MIG_TARGET_PAGE_SIZE) {
                error_setg(errp, "Illegal RAM offset 0x%" PRIx64 " in %s",
                           addr, qemu_ram_block_idstr(rb));
                return -EINVAL;
            }
            host = rb->host + addr;
            if (flags & RAM_SAVE_FLAG_ZERO) {
                uint8_t fill = qemu_get_byte(f);

                if (fill != 0 || !ram_page_is_zero(host)) {
                    memset(host, fill, MIG_TARGET_PAGE_SIZE);
                }
            } else {
                qemu_get_buffer(f, host, MIG_TARGET_PAGE_SIZE);
            }
            break;
        case RAM_SAVE_FLAG_EOS:
            return qemu_file_get_error(f);
        default:
            error_setg(errp, "Unknown combination of migration flags: 0x%"
                       PRIx64, flags);
            return -EINVAL;
        }
        if (qemu_file_get_error(f)) {
            return qemu_file_get_error(f);
        }
    }
}

static const SaveVMHandlers savevm_ram_handlers = {
    .save_setup = ram_save_setup,
    .save_live_iterate = ram_save_iterate,
    .save_live_complete_precopy = ram_save_complete,
    .save_cleanup = ram_save_cleanup,
    .load_setup = ram_load_setup,
    .load_state = ram_load_state,
};

void ram_mig_init(void)
{
    register_savevm_live("ram", 0, 4, &savevm_ram_handlers, &ram_state);
}
