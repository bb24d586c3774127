/*
 * The "ram" migration section.
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#ifndef MIGRATION_RAM_H
#define MIGRATION_RAM_H

typedef struct RAMMigrationStats {
    uint64_t total_pages;
    uint64_t sent_pages;        /* distinct pages sent at least once */
    uint64_t duplicate;         /* zero-page records */
    uint64_t normal;            /* full-page records */
    uint64_t dirty_sync_count;
} RAMMigrationStats;

/** ram_mig_init: register the "ram" section (instance 0, version 4). */
void ram_mig_init(void);

/** ram_get_stats: counters of the current or last outgoing migration. */
void ram_get_stats(RAMMigrationStats *stats);

#endif
