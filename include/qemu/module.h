/*
 * Start-up registration hooks (type_init and friends).
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#ifndef QEMU_MODULE_H
#define QEMU_MODULE_H

typedef enum {
    MODULE_INIT_QOM,
    MODULE_INIT_TRACE,
    MODULE_INIT_MAX
} module_init_type;

/**
 * register_module_init: queue @fn to run at module_call_init(@type).
 */
void register_module_init(void (*fn)(void), module_init_type type);

/**
 * module_call_init: run every function queued for @type, once.
 */
void module_call_init(module_init_type type);

#define module_init(function, type)                                     \
static void __attribute__((constructor)) do_qemu_init_ ## function(void) \
{                                                                       \
    register_module_init(function, type);                               \
}

#define type_init(function) module_init(function, MODULE_INIT_QOM)
#define trace_init(function) module_init(function, MODULE_INIT_TRACE)

#endif
