/*
 * Unit tests for clocks, timers and the main loop.
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "qemu/main-loop.h"
#include "qemu/thread.h"
#include "qemu/timer.h"

#define MAX_FIRES 32

/* What a test timer saw each time it fired. */
typedef struct FireLog {
    QEMUTimer timer;
    int id;
    int count;
    int64_t seen[MAX_FIRES];
    int64_t period;             /* > 0: re-arm at deadline + period */
    QEMUTimer *victim;          /* deleted by the callback when set */
    int *order;                 /* shared firing order, when set */
    int *order_len;
} FireLog;

static void fire_log_cb(void *opaque)
{
    FireLog *f = opaque;
    int64_t now = qemu_clock_get_ns(QEMU_CLOCK_VIRTUAL);

    g_assert_cmpint(f->count, <, MAX_FIRES);
    f->seen[f->count++] = now;
    if (f->order) {
        f->order[(*f->order_len)++] = f->id;
    }
    if (f->period > 0) {
        timer_mod_ns(&f->timer, now + f->period);
    }
    if (f->victim) {
        timer_del(f->victim);
    }
}

static void fire_log_init(FireLog *f, int id)
{
    memset(f, 0, sizeof(*f));
    f->id = id;
    timer_init_ns(&f->timer, QEMU_CLOCK_VIRTUAL, fire_log_cb, f);
}

static void test_advance_exact_deadlines(void)
{
    int64_t base = qemu_clock_get_ns(QEMU_CLOCK_VIRTUAL);
    FireLog a, b;

    fire_log_init(&a, 0);
    fire_log_init(&b, 1);
    timer_mod_ns(&b.timer, base + 250);
    timer_mod_ns(&a.timer, base + 100);

    g_assert_cmpint(qemu_clock_advance_virtual(base + 99), ==, base + 99);
    g_assert_cmpint(a.count, ==, 0);

    g_assert_cmpint(qemu_clock_advance_virtual(base + 1000), ==,
                    base + 1000);
    g_assert_cmpint(qemu_clock_get_ns(QEMU_CLOCK_VIRTUAL), ==, base + 1000);
    g_assert_cmpint(a.count, ==, 1);
    g_assert_cmpint(a.seen[0], ==, base + 100);
    g_assert_cmpint(b.count, ==, 1);
    g_assert_cmpint(b.seen[0], ==, base + 250);
    g_assert_false(timer_pending(&a.timer));
    g_assert_cmpint(timer_expire_time_ns(&b.timer), ==, -1);

    /* The clock never goes backwards. */
    g_assert_cmpint(qemu_clock_advance_virtual(base), ==, base + 1000);
}

static void test_advance_periodic(void)
{
    const int64_t period = 1000000;
    int64_t base = qemu_clock_get_ns(QEMU_CLOCK_VIRTUAL);
    FireLog f;
    int i;

    fire_log_init(&f, 0);
    f.period = period;
    timer_mod_ns(&f.timer, base + period);

    qemu_clock_advance_virtual(base + 10 * period);
    g_assert_cmpint(f.count, ==, 10);
    for (i = 0; i < 10; i++) {
        g_assert_cmpint(f.seen[i], ==, base + (i + 1) * period);
    }
    g_assert_cmpint(timer_expire_time_ns(&f.timer), ==, base + 11 * period);

    /* Half a period more: nothing due. */
    qemu_clock_advance_virtual(base + 10 * period + period / 2);
    g_assert_cmpint(f.count, ==, 10);
    timer_del(&f.timer);
}

static void test_scaled_timer(void)
{
    int64_t base = qemu_clock_get_ns(QEMU_CLOCK_VIRTUAL);
    int64_t base_us = DIV_ROUND_UP(base, SCALE_US);
    FireLog f;

    memset(&f, 0, sizeof(f));
    timer_init_us(&f.timer, QEMU_CLOCK_VIRTUAL, fire_log_cb, &f);
    timer_mod(&f.timer, base_us + 3);
    g_assert_cmpint(timer_expire_time_ns(&f.timer), ==,
                    (base_us + 3) * SCALE_US);
    g_assert_cmpuint(timer_get(&f.timer), ==, (base_us + 3) * SCALE_US);
    g_assert_false(timer_expired(&f.timer, base_us + 2));
    g_assert_true(timer_expired(&f.timer, base_us + 3));
    qemu_clock_advance_virtual((base_us + 5) * SCALE_US);
    g_assert_cmpint(f.count, ==, 1);
    g_assert_cmpint(f.seen[0], ==, (base_us + 3) * SCALE_US);
    g_assert_cmpuint(timer_get(&f.timer), ==, UINT64_MAX);
}

static void test_del_in_callback(void)
{
    int64_t base = qemu_clock_get_ns(QEMU_CLOCK_VIRTUAL);
    FireLog a, b, c, d;

    fire_log_init(&a, 0);
    fire_log_init(&b, 1);
    fire_log_init(&c, 2);
    fire_log_init(&d, 3);
    /* a deletes b, due at the same instant; c deletes d, due later. */
    a.victim = &b.timer;
    c.victim = &d.timer;
    timer_mod_ns(&a.timer, base + 100);
    timer_mod_ns(&b.timer, base + 100);
    timer_mod_ns(&c.timer, base + 150);
    timer_mod_ns(&d.timer, base + 200);

    qemu_clock_advance_virtual(base + 1000);
    g_assert_cmpint(a.count, ==, 1);
    g_assert_cmpint(b.count, ==, 0);
    g_assert_cmpint(c.count, ==, 1);
    g_assert_cmpint(d.count, ==, 0);
    g_assert_false(timer_pending(&b.timer));
    g_assert_false(timer_pending(&d.timer));
}

static void test_rearm_then_del_self(void)
{
    int64_t base = qemu_clock_get_ns(QEMU_CLOCK_VIRTUAL);
    FireLog f;

    /* The callback re-arms itself, then deletes itself: once only. */
    fire_log_init(&f, 0);
    f.period = 10;
    f.victim = &f.timer;
    timer_mod_ns(&f.timer, base + 10);
    qemu_clock_advance_virtual(base + 1000);
    g_assert_cmpint(f.count, ==, 1);
    g_assert_cmpint(f.seen[0], ==, base + 10);
    g_assert_false(timer_pending(&f.timer));
}

/* A callback that frees its own timer. */
static void free_self_cb(void *opaque)
{
    QEMUTimer **t = opaque;

    timer_free(*t);
    *t = NULL;
}

static void test_free_in_callback(void)
{
    int64_t base = qemu_clock_get_ns(QEMU_CLOCK_VIRTUAL);
    QEMUTimer *t = timer_new_ns(QEMU_CLOCK_VIRTUAL, free_self_cb, &t);

    timer_mod_ns(t, base + 5);
    qemu_clock_advance_virtual(base + 10);
    g_assert_null(t);
    g_assert_cmpint(qemu_clock_next_deadline(QEMU_CLOCK_VIRTUAL), ==, -1);
}

static void test_simultaneous_order(void)
{
    int64_t base = qemu_clock_get_ns(QEMU_CLOCK_VIRTUAL);
    FireLog f[4];
    int order[4];
    int len = 0;
    int i;

    for (i = 0; i < 4; i++) {
        fire_log_init(&f[i], i);
        f[i].order = order;
        f[i].order_len = &len;
    }
    /* Equal deadlines fire in arming order; an earlier one first. */
    timer_mod_ns(&f[2].timer, base + 500);
    timer_mod_ns(&f[0].timer, base + 500);
    timer_mod_ns(&f[3].timer, base + 500);
    timer_mod_ns(&f[1].timer, base + 400);
    qemu_clock_advance_virtual(base + 500);

    g_assert_cmpint(len, ==, 4);
    g_assert_cmpint(order[0], ==, 1);
    g_assert_cmpint(order[1], ==, 2);
    g_assert_cmpint(order[2], ==, 0);
    g_assert_cmpint(order[3], ==, 3);
    for (i = 0; i < 4; i++) {
        g_assert_cmpint(f[i].seen[0], ==, base + (i == 1 ? 400 : 500));
    }
}

static void test_past_deadline(void)
{
    int64_t base = qemu_clock_get_ns(QEMU_CLOCK_VIRTUAL);
    FireLog f;

    fire_log_init(&f, 0);
    qemu_clock_advance_virtual(base + 100);
    timer_mod_ns(&f.timer, base + 10);
    g_assert_cmpint(qemu_clock_deadline_ns_all(QEMU_CLOCK_VIRTUAL), ==, 0);

    /* Due already: the next run fires it without moving the clock. */
    g_assert_true(qemu_clock_run_timers(QEMU_CLOCK_VIRTUAL));
    g_assert_cmpint(f.count, ==, 1);
    g_assert_cmpint(f.seen[0], ==, base + 100);
    g_assert_false(qemu_clock_run_timers(QEMU_CLOCK_VIRTUAL));
}

static void test_deadline_query(void)
{
    int64_t base = qemu_clock_get_ns(QEMU_CLOCK_VIRTUAL);
    FireLog a, b;

    fire_log_init(&a, 0);
    fire_log_init(&b, 1);
    g_assert_cmpint(qemu_clock_deadline_ns_all(QEMU_CLOCK_VIRTUAL), ==, -1);
    g_assert_cmpint(qemu_clock_next_deadline(QEMU_CLOCK_VIRTUAL), ==, -1);

    timer_mod_ns(&a.timer, base + 700);
    timer_mod_ns(&b.timer, base + 300);
    g_assert_cmpint(qemu_clock_deadline_ns_all(QEMU_CLOCK_VIRTUAL), ==, 300);
    g_assert_cmpint(qemu_clock_next_deadline(QEMU_CLOCK_VIRTUAL), ==,
                    base + 300);
    /* VIRTUAL_RT is the same clock and the same list. */
    g_assert_cmpint(qemu_clock_next_deadline(QEMU_CLOCK_VIRTUAL_RT), ==,
                    base + 300);

    /* Anticipate only ever brings a deadline forward. */
    timer_mod_anticipate_ns(&a.timer, base + 900);
    g_assert_cmpint(timer_expire_time_ns(&a.timer), ==, base + 700);
    timer_mod_anticipate_ns(&a.timer, base + 200);
    g_assert_cmpint(qemu_clock_next_deadline(QEMU_CLOCK_VIRTUAL), ==,
                    base + 200);

    qemu_clock_advance_virtual(base + 250);
    g_assert_cmpint(a.count, ==, 1);
    g_assert_cmpint(qemu_clock_deadline_ns_all(QEMU_CLOCK_VIRTUAL), ==, 50);
    timer_del(&b.timer);
    g_assert_cmpint(qemu_clock_deadline_ns_all(QEMU_CLOCK_VIRTUAL), ==, -1);

    /* A disabled clock reports no deadline and runs nothing. */
    timer_mod_ns(&b.timer, base + 260);
    qemu_clock_enable(QEMU_CLOCK_VIRTUAL, false);
    g_assert_false(qemu_clock_is_enabled(QEMU_CLOCK_VIRTUAL));
    g_assert_cmpint(qemu_clock_next_deadline(QEMU_CLOCK_VIRTUAL), ==, -1);
    g_assert_cmpint(qemu_clock_advance_virtual(base + 300), ==, base + 300);
    g_assert_cmpint(b.count, ==, 0);
    qemu_clock_enable(QEMU_CLOCK_VIRTUAL, true);
    qemu_clock_advance_virtual(base + 300);
    g_assert_cmpint(b.count, ==, 1);
    g_assert_cmpint(b.seen[0], ==, base + 300);
}

static int hook_calls;

static void count_hook(QEMUClockType type)
{
    g_assert_cmpint(type, ==, QEMU_CLOCK_VIRTUAL);
    hook_calls++;
}

static void test_changed_hook(void)
{
    int64_t base = qemu_clock_get_ns(QEMU_CLOCK_VIRTUAL);
    void (*saved)(QEMUClockType) = qemu_timers_changed_hook;
    FireLog a, b;

    fire_log_init(&a, 0);
    fire_log_init(&b, 1);
    qemu_timers_changed_hook = count_hook;
    hook_calls = 0;

    timer_mod_ns(&a.timer, base + 100);     /* new earliest */
    g_assert_cmpint(hook_calls, ==, 1);
    timer_mod_ns(&b.timer, base + 200);     /* later: no change */
    g_assert_cmpint(hook_calls, ==, 1);
    timer_mod_ns(&b.timer, base + 50);      /* earlier than a */
    g_assert_cmpint(hook_calls, ==, 2);
    timer_del(&a.timer);                    /* not the earliest */
    g_assert_cmpint(hook_calls, ==, 2);
    timer_del(&b.timer);                    /* the earliest goes */
    g_assert_cmpint(hook_calls, ==, 3);
    timer_del(&b.timer);                    /* idle already */
    g_assert_cmpint(hook_calls, ==, 3);

    qemu_timers_changed_hook = saved;
}

static void test_virtual_frozen(void)
{
    int64_t t1, t2, t3;
    FireLog f;

    qemu_clock_set_virtual_driven(false);
    g_assert_false(qemu_clock_virtual_is_driven());

    qemu_clock_enable(QEMU_CLOCK_VIRTUAL, false);
    t1 = qemu_clock_get_ns(QEMU_CLOCK_VIRTUAL);
    g_usleep(20000);
    t2 = qemu_clock_get_ns(QEMU_CLOCK_VIRTUAL);
    g_assert_cmpint(t2, ==, t1);

    /* Due timers wait while the clock is stopped. */
    fire_log_init(&f, 0);
    timer_mod_ns(&f.timer, t1);
    g_assert_false(qemu_clock_run_timers(QEMU_CLOCK_VIRTUAL));
    g_assert_cmpint(f.count, ==, 0);

    /* Resuming continues from the frozen value, not host time. */
    qemu_clock_enable(QEMU_CLOCK_VIRTUAL, true);
    g_usleep(10000);
    t3 = qemu_clock_get_ns(QEMU_CLOCK_VIRTUAL);
    g_assert_cmpint(t3 - t2, >=, 10 * SCALE_MS);
    g_assert_cmpint(t3 - t2, <, 10 * NANOSECONDS_PER_SECOND);
    g_assert_true(qemu_clock_run_timers(QEMU_CLOCK_VIRTUAL));
    g_assert_cmpint(f.count, ==, 1);

    /* Offsets: virtual = host + offset. */
    qemu_clock_set_virtual_offset(5 * NANOSECONDS_PER_SECOND - get_clock());
    t1 = qemu_clock_get_ns(QEMU_CLOCK_VIRTUAL);
    g_assert_cmpint(t1, >=, 5 * NANOSECONDS_PER_SECOND);
    g_assert_cmpint(t1, <, 6 * NANOSECONDS_PER_SECOND);

    /* Driven again: a counter from 0 that stands still. */
    qemu_clock_set_virtual_driven(true);
    g_assert_cmpint(qemu_clock_get_ns(QEMU_CLOCK_VIRTUAL), ==, 0);
    g_usleep(2000);
    g_assert_cmpint(qemu_clock_get_ns(QEMU_CLOCK_VIRTUAL), ==, 0);
}

static void test_host_clocks(void)
{
    int64_t rt1 = qemu_clock_get_ns(QEMU_CLOCK_REALTIME);
    int64_t wall = qemu_clock_get_ns(QEMU_CLOCK_HOST);
    int64_t rt2;

    g_usleep(1000);
    rt2 = qemu_clock_get_ns(QEMU_CLOCK_REALTIME);
    g_assert_cmpint(rt2 - rt1, >=, SCALE_MS);
    /* The host clock is wall time: after 2020-01-01. */
    g_assert_cmpint(wall / NANOSECONDS_PER_SECOND, >, 1577836800);
    g_assert_cmpint(qemu_clock_get_ms(QEMU_CLOCK_REALTIME), ==,
                    qemu_clock_get_ns(QEMU_CLOCK_REALTIME) / SCALE_MS);
}

static void set_flag_cb(void *opaque)
{
    int *flag = opaque;

    g_assert_true(bql_locked());
    (*flag)++;
}

static void test_main_loop_timer(void)
{
    int fired = 0;
    int64_t start = get_clock();
    QEMUTimer *t = timer_new_ms(QEMU_CLOCK_REALTIME, set_flag_cb, &fired);
    int iterations = 0;

    timer_mod(t, qemu_clock_get_ms(QEMU_CLOCK_REALTIME) + 5);
    while (!fired) {
        main_loop_wait(false);
        g_assert_cmpint(++iterations, <, 1000);
        g_assert_true(bql_locked());
    }
    g_assert_cmpint(get_clock() - start, >=, 5 * SCALE_MS);
    timer_free(t);
}

static gboolean source_cb(gpointer opaque)
{
    int *flag = opaque;

    g_assert_true(bql_locked());
    (*flag)++;
    return G_SOURCE_REMOVE;
}

static void test_main_loop_source(void)
{
    int fired = 0;
    int iterations = 0;

    g_timeout_add(2, source_cb, &fired);
    while (!fired) {
        main_loop_wait(false);
        g_assert_cmpint(++iterations, <, 1000);
    }
    g_assert_cmpint(fired, ==, 1);
}

static void *notify_thread(void *opaque)
{
    g_usleep(30000);
    qemu_notify_event();
    return NULL;
}

static void test_main_loop_notify(void)
{
    QemuThread thread;
    int64_t start;

    /* Consume wake-ups left by earlier tests. */
    main_loop_wait(true);
    start = get_clock();
    /* Nothing is armed: only the wake-up can end this wait. */
    qemu_thread_create(&thread, "notify", notify_thread, NULL,
                       QEMU_THREAD_JOINABLE);
    main_loop_wait(false);
    g_assert_cmpint(get_clock() - start, >=, 20 * SCALE_MS);
    qemu_thread_join(&thread);
}

typedef struct ArmFromThread {
    QEMUTimer *timer;
} ArmFromThread;

static void *arm_thread(void *opaque)
{
    ArmFromThread *a = opaque;

    g_usleep(20000);
    timer_mod(a->timer, qemu_clock_get_ms(QEMU_CLOCK_REALTIME) + 1);
    return NULL;
}

static void test_main_loop_arm_from_thread(void)
{
    int fired = 0;
    ArmFromThread a = {
        .timer = timer_new_ms(QEMU_CLOCK_REALTIME, set_flag_cb, &fired),
    };
    QemuThread thread;
    int iterations = 0;

    /* The changed-deadline hook must wake the sleeping poll. */
    qemu_thread_create(&thread, "arm", arm_thread, &a, QEMU_THREAD_JOINABLE);
    while (!fired) {
        main_loop_wait(false);
        g_assert_cmpint(++iterations, <, 1000);
    }
    qemu_thread_join(&thread);
    timer_free(a.timer);
}

static void test_main_loop_driven_due(void)
{
    int64_t base = qemu_clock_get_ns(QEMU_CLOCK_VIRTUAL);
    FireLog f;

    /* A driven timer armed for "now" fires without any clock step. */
    fire_log_init(&f, 0);
    timer_mod_ns(&f.timer, base);
    main_loop_wait(false);
    g_assert_cmpint(f.count, ==, 1);
    g_assert_cmpint(f.seen[0], ==, base);
    g_assert_cmpint(qemu_clock_get_ns(QEMU_CLOCK_VIRTUAL), ==, base);
}

static void test_bql_guard(void)
{
    g_assert_true(bql_locked());
    {
        BQL_LOCK_GUARD();
        g_assert_true(bql_locked());
    }
    /* Held before the guard, still held after it. */
    g_assert_true(bql_locked());

    bql_unlock();
    g_assert_false(bql_locked());
    {
        BQL_LOCK_GUARD();
        g_assert_true(bql_locked());
    }
    g_assert_false(bql_locked());
    bql_lock();
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);

    qemu_clock_set_virtual_driven(true);
    qemu_init_main_loop(&error_abort);

    g_test_add_func("/timer/advance/exact-deadlines",
                    test_advance_exact_deadlines);
    g_test_add_func("/timer/advance/periodic", test_advance_periodic);
    g_test_add_func("/timer/scaled", test_scaled_timer);
    g_test_add_func("/timer/callback/del", test_del_in_callback);
    g_test_add_func("/timer/callback/rearm-del-self",
                    test_rearm_then_del_self);
    g_test_add_func("/timer/callback/free", test_free_in_callback);
    g_test_add_func("/timer/order/simultaneous", test_simultaneous_order);
    g_test_add_func("/timer/past-deadline", test_past_deadline);
    g_test_add_func("/timer/deadline", test_deadline_query);
    g_test_add_func("/timer/changed-hook", test_changed_hook);
    g_test_add_func("/timer/virtual/frozen", test_virtual_frozen);
    g_test_add_func("/timer/host-clocks", test_host_clocks);
    g_test_add_func("/main-loop/timer", test_main_loop_timer);
    g_test_add_func("/main-loop/source", test_main_loop_source);
    g_test_add_func("/main-loop/notify", test_main_loop_notify);
    g_test_add_func("/main-loop/arm-from-thread",
                    test_main_loop_arm_from_thread);
    g_test_add_func("/main-loop/driven-due", test_main_loop_driven_due);
    g_test_add_func("/main-loop/bql-guard", test_bql_guard);
    return g_test_run();
}
