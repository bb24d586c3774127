/*
 * Start-up registration: functions queued by constructors (type_init)
 * and run when main() is ready for them.
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include "qemu/osdep.h"
#include "qemu/module.h"

typedef struct ModuleEntry {
    void (*init)(void);
    bool done;
    struct ModuleEntry *next;
} ModuleEntry;

/* Per type, in registration order. */
static ModuleEntry *module_heads[MODULE_INIT_MAX];
static ModuleEntry **module_tails[MODULE_INIT_MAX];

void register_module_init(void (*fn)(void), module_init_type type)
{
    ModuleEntry *e = g_new0(ModuleEntry, 1);

    assert(type < MODULE_INIT_MAX);
    e->init = fn;
    if (!module_tails[type]) {
        module_tails[type] = &module_heads[type];
    }
    *module_tails[type] = e;
    module_tails[type] = &e->next;
}

void module_call_init(module_init_type type)
{
    ModuleEntry *e;

    assert(type < MODULE_INIT_MAX);
    /* An init function may register more; they run in this same pass. */
    for (e = module_heads[type]; e; e = e->next) {
        if (!e->done) {
            e->done = true;
            e->init();
        }
    }
}
