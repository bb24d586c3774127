/*
 * Unit tests for threads, mutexes, lock guards and sequence locks.
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include "qemu/osdep.h"
#include "qemu/thread.h"

#define WORKERS 4
#define ROUNDS 20000

typedef struct Shared {
    QemuMutex lock;
    QemuCond cond;
    QemuSeqLock seq;
    uint64_t counter;
    uint64_t a, b;      /* a seqlock writer keeps b == 2 * a */
    bool stop;
} Shared;

static void *counter_worker(void *opaque)
{
    Shared *s = opaque;
    int i;

    for (i = 0; i < ROUNDS; i++) {
        QEMU_LOCK_GUARD(&s->lock);
        s->counter++;
    }
    return (void *)(uintptr_t)qemu_get_thread_id();
}

static void test_mutex_guard(void)
{
    QemuThread threads[WORKERS];
    Shared s = { 0 };
    int i;

    qemu_mutex_init(&s.lock);
    for (i = 0; i < WORKERS; i++) {
        qemu_thread_create(&threads[i], "counter", counter_worker, &s,
                           QEMU_THREAD_JOINABLE);
    }
    for (i = 0; i < WORKERS; i++) {
        int tid = (uintptr_t)qemu_thread_join(&threads[i]);

        g_assert_cmpint(tid, !=, qemu_get_thread_id());
    }
    g_assert_cmpuint(s.counter, ==, WORKERS * ROUNDS);
    qemu_mutex_destroy(&s.lock);
}

static int guarded_early_return(QemuMutex *m, bool leave)
{
    QEMU_LOCK_GUARD(m);

    g_assert_cmpint(qemu_mutex_trylock(m), ==, -EBUSY);
    if (leave) {
        return 1;
    }
    return 2;
}

static void test_guard_scopes(void)
{
    QemuMutex m;
    int i;

    qemu_mutex_init(&m);
    g_assert_cmpint(guarded_early_return(&m, true), ==, 1);
    g_assert_cmpint(qemu_mutex_trylock(&m), ==, 0);
    qemu_mutex_unlock(&m);
    g_assert_cmpint(guarded_early_return(&m, false), ==, 2);

    WITH_QEMU_LOCK_GUARD(&m) {
        g_assert_cmpint(qemu_mutex_trylock(&m), ==, -EBUSY);
    }
    g_assert_cmpint(qemu_mutex_trylock(&m), ==, 0);
    qemu_mutex_unlock(&m);

    /* Leaving the block by break releases the lock too. */
    for (i = 0; i < 3; i++) {
        WITH_QEMU_LOCK_GUARD(&m) {
            if (i == 1) {
                break;
            }
        }
        g_assert_cmpint(qemu_mutex_trylock(&m), ==, 0);
        qemu_mutex_unlock(&m);
    }
    qemu_mutex_destroy(&m);
}

static void *seq_writer(void *opaque)
{
    Shared *s = opaque;
    uint64_t i = 0;

    for (;;) {
        QEMU_LOCK_GUARD(&s->lock);
        if (s->stop) {
            break;
        }
        seqlock_write_begin(&s->seq);
        __atomic_store_n(&s->a, ++i, __ATOMIC_RELAXED);
        __atomic_store_n(&s->b, 2 * i, __ATOMIC_RELAXED);
        seqlock_write_end(&s->seq);
    }
    return NULL;
}

static void test_seqlock(void)
{
    QemuThread writer;
    Shared s = { 0 };
    uint64_t last = 0;
    int reads;

    qemu_mutex_init(&s.lock);
    seqlock_init(&s.seq);
    qemu_thread_create(&writer, "seq-writer", seq_writer, &s,
                       QEMU_THREAD_JOINABLE);
    for (reads = 0; reads < 100000; reads++) {
        uint64_t a, b;
        unsigned int start;

        do {
            start = seqlock_read_begin(&s.seq);
            a = __atomic_load_n(&s.a, __ATOMIC_RELAXED);
            b = __atomic_load_n(&s.b, __ATOMIC_RELAXED);
        } while (seqlock_read_retry(&s.seq, start));
        g_assert_cmpuint(b, ==, 2 * a);
        g_assert_cmpuint(a, >=, last);
        last = a;
    }
    WITH_QEMU_LOCK_GUARD(&s.lock) {
        s.stop = true;
    }
    qemu_thread_join(&writer);
    qemu_mutex_destroy(&s.lock);
}

static void *cond_waker(void *opaque)
{
    Shared *s = opaque;

    g_usleep(10000);
    WITH_QEMU_LOCK_GUARD(&s->lock) {
        s->stop = true;
        qemu_cond_broadcast(&s->cond);
    }
    return NULL;
}

static void test_cond(void)
{
    QemuThread thread;
    Shared s = { 0 };

    qemu_mutex_init(&s.lock);
    qemu_cond_init(&s.cond);

    qemu_mutex_lock(&s.lock);
    g_assert_false(qemu_cond_timedwait(&s.cond, &s.lock, 5));
    qemu_thread_create(&thread, "waker", cond_waker, &s,
                       QEMU_THREAD_JOINABLE);
    while (!s.stop) {
        qemu_cond_wait(&s.cond, &s.lock);
    }
    qemu_mutex_unlock(&s.lock);
    qemu_thread_join(&thread);
    qemu_cond_destroy(&s.cond);
    qemu_mutex_destroy(&s.lock);
}

static void *sem_poster(void *opaque)
{
    QemuSemaphore *sem = opaque;

    qemu_sem_post(sem);
    qemu_sem_post(sem);
    return NULL;
}

static void test_semaphore(void)
{
    QemuSemaphore sem;
    QemuThread thread;
    QemuThread self;

    qemu_sem_init(&sem, 1);
    g_assert_cmpint(qemu_sem_timedwait(&sem, 0), ==, 0);
    g_assert_cmpint(qemu_sem_timedwait(&sem, 10), ==, -1);
    qemu_thread_create(&thread, "poster", sem_poster, &sem,
                       QEMU_THREAD_DETACHED);
    qemu_sem_wait(&sem);
    g_assert_cmpint(qemu_sem_timedwait(&sem, 5000), ==, 0);

    qemu_thread_get_self(&self);
    g_assert_true(qemu_thread_is_self(&self));
    g_assert_cmpint(qemu_get_thread_id(), ==, getpid());
    qemu_sem_destroy(&sem);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);

    g_test_add_func("/thread/mutex-guard", test_mutex_guard);
    g_test_add_func("/thread/guard-scopes", test_guard_scopes);
    g_test_add_func("/thread/seqlock", test_seqlock);
    g_test_add_func("/thread/cond", test_cond);
    g_test_add_func("/thread/semaphore", test_semaphore);
    return g_test_run();
}
