/*
 * The main loop and the big QEMU lock.
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * The loop is GLib's default context, polled by hand so that the poll
 * times out at the next timer deadline and the BQL is dropped only
 * while waiting.  Sources (chardevs, the monitor, qtest) are dispatched
 * and timers run with the BQL held by the loop thread.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "qemu/main-loop.h"
#include "qemu/timer.h"

static GMainContext *main_context;
static GPollFD *poll_fds;
static int poll_fds_size;

static GMutex bql;
static __thread bool bql_held;

GMainContext *qemu_get_main_context(void)
{
    return main_context ? main_context : g_main_context_default();
}

void qemu_notify_event(void)
{
    g_main_context_wakeup(qemu_get_main_context());
}

/* An earlier deadline may have appeared: recompute the poll time-out. */
static void main_loop_timers_changed(QEMUClockType type)
{
    qemu_notify_event();
}

bool qemu_init_main_loop(Error **errp)
{
    if (!main_context) {
        main_context = g_main_context_default();
        qemu_timers_changed_hook = main_loop_timers_changed;
    }
    if (!bql_locked()) {
        bql_lock();
    }
    return true;
}

/*
 * How long the poll may sleep, in ns, or -1 for ever.  A driven virtual
 * clock never moves by itself, so only its timers already due count.
 */
static int64_t main_loop_timeout_ns(void)
{
    static const QEMUClockType types[] = {
        QEMU_CLOCK_REALTIME, QEMU_CLOCK_VIRTUAL, QEMU_CLOCK_HOST,
    };
    int64_t timeout = -1;
    int i;

    for (i = 0; i < ARRAY_SIZE(types); i++) {
        int64_t d = qemu_clock_deadline_ns_all(types[i]);

        if (types[i] == QEMU_CLOCK_VIRTUAL && d > 0 &&
            qemu_clock_virtual_is_driven()) {
            continue;
        }
        if (d >= 0 && (timeout < 0 || d < timeout)) {
            timeout = d;
        }
    }
    return timeout;
}

/* Round up, so that the deadline has passed when the poll returns. */
static int main_loop_timeout_ms(int64_t timeout_ns)
{
    if (timeout_ns < 0) {
        return -1;
    }
    return MIN(DIV_ROUND_UP(timeout_ns, SCALE_MS), (int64_t)INT_MAX);
}

void main_loop_wait(int nonblocking)
{
    GMainContext *ctx = qemu_get_main_context();
    bool had_bql = bql_locked();
    gint max_priority;
    gint glib_timeout;
    int timeout;
    int n;

    if (!g_main_context_acquire(ctx)) {
        /* Another thread runs this context; only timers are ours. */
        qemu_clock_run_all_timers();
        return;
    }

    g_main_context_prepare(ctx, &max_priority);
    for (;;) {
        n = g_main_context_query(ctx, max_priority, &glib_timeout,
                                 poll_fds, poll_fds_size);
        if (n <= poll_fds_size) {
            break;
        }
        poll_fds_size = n;
        poll_fds = g_renew(GPollFD, poll_fds, poll_fds_size);
    }

    if (nonblocking) {
        timeout = 0;
    } else {
        timeout = main_loop_timeout_ms(main_loop_timeout_ns());
        if (glib_timeout >= 0 && (timeout < 0 || glib_timeout < timeout)) {
            timeout = glib_timeout;
        }
    }

    if (had_bql) {
        bql_unlock();
    }
    g_poll(poll_fds, n, timeout);
    if (had_bql) {
        bql_lock();
    }

    if (g_main_context_check(ctx, max_priority, poll_fds, n)) {
        g_main_context_dispatch(ctx);
    }
    g_main_context_release(ctx);

    qemu_clock_run_all_timers();
}

void bql_lock_impl(const char *file, int line)
{
    assert(!bql_held);
    g_mutex_lock(&bql);
    bql_held = true;
}

void bql_unlock(void)
{
    assert(bql_held);
    bql_held = false;
    g_mutex_unlock(&bql);
}

bool bql_locked(void)
{
    return bql_held;
}

BQLLockAuto *bql_auto_lock(const char *file, int line)
{
    if (bql_held) {
        /* Already ours: nothing for the guard to release. */
        return NULL;
    }
    bql_lock_impl(file, line);
    return (BQLLockAuto *)&bql;
}

void bql_auto_unlock(BQLLockAuto *l)
{
    bql_unlock();
}
