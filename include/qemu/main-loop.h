/*
 * The main loop (GLib) and the big lock.
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#ifndef QEMU_MAIN_LOOP_H
#define QEMU_MAIN_LOOP_H

/** qemu_init_main_loop: create the loop, take the BQL. */
bool qemu_init_main_loop(Error **errp);

/**
 * main_loop_wait: one iteration: run due timers, poll GLib sources
 * (blocking at most until the next timer deadline unless @nonblocking),
 * dispatch them.  The BQL is dropped while polling.
 */
void main_loop_wait(int nonblocking);

/** qemu_notify_event: wake main_loop_wait from any thread. */
void qemu_notify_event(void);

/** qemu_get_aio_context / g_main_context of the loop. */
GMainContext *qemu_get_main_context(void);

/* The big QEMU lock: device code runs with it held. */
void bql_lock_impl(const char *file, int line);
void bql_unlock(void);
bool bql_locked(void);
#define bql_lock() bql_lock_impl(__FILE__, __LINE__)

typedef struct BQLLockAuto BQLLockAuto;
BQLLockAuto *bql_auto_lock(const char *file, int line);
void bql_auto_unlock(BQLLockAuto *l);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(BQLLockAuto, bql_auto_unlock)
#define BQL_LOCK_GUARD() \
    g_autoptr(BQLLockAuto) glue(bql_auto, __COUNTER__) G_GNUC_UNUSED = \
        bql_auto_lock(__FILE__, __LINE__)

#endif
