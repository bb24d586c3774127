/*
 * Threads and locks on top of POSIX threads.
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include "qemu/osdep.h"
#include "qemu/thread.h"

/* A pthread call failed: nothing sensible is left to do. */
static void QEMU_NORETURN thread_fail(int err, const char *what)
{
    fprintf(stderr, "qemu: %s: %s\n", what, strerror(err));
    abort();
}

static void thread_check(int err, const char *what)
{
    if (err) {
        thread_fail(err, what);
    }
}

void qemu_mutex_init(QemuMutex *mutex)
{
    thread_check(pthread_mutex_init(&mutex->lock, NULL), __func__);
    mutex->initialized = true;
}

void qemu_mutex_destroy(QemuMutex *mutex)
{
    assert(mutex->initialized);
    mutex->initialized = false;
    thread_check(pthread_mutex_destroy(&mutex->lock), __func__);
}

void qemu_mutex_lock(QemuMutex *mutex)
{
    assert(mutex->initialized);
    thread_check(pthread_mutex_lock(&mutex->lock), __func__);
}

int qemu_mutex_trylock(QemuMutex *mutex)
{
    int err;

    assert(mutex->initialized);
    err = pthread_mutex_trylock(&mutex->lock);
    if (err == EBUSY) {
        return -EBUSY;
    }
    thread_check(err, __func__);
    return 0;
}

void qemu_mutex_unlock(QemuMutex *mutex)
{
    assert(mutex->initialized);
    thread_check(pthread_mutex_unlock(&mutex->lock), __func__);
}

void qemu_cond_init(QemuCond *cond)
{
    pthread_condattr_t attr;

    /* Time-outs are measured on the monotonic clock. */
    thread_check(pthread_condattr_init(&attr), __func__);
    thread_check(pthread_condattr_setclock(&attr, CLOCK_MONOTONIC),
                 __func__);
    thread_check(pthread_cond_init(&cond->cond, &attr), __func__);
    pthread_condattr_destroy(&attr);
    cond->initialized = true;
}

void qemu_cond_destroy(QemuCond *cond)
{
    assert(cond->initialized);
    cond->initialized = false;
    thread_check(pthread_cond_destroy(&cond->cond), __func__);
}

void qemu_cond_signal(QemuCond *cond)
{
    assert(cond->initialized);
    thread_check(pthread_cond_signal(&cond->cond), __func__);
}

void qemu_cond_broadcast(QemuCond *cond)
{
    assert(cond->initialized);
    thread_check(pthread_cond_broadcast(&cond->cond), __func__);
}

void qemu_cond_wait(QemuCond *cond, QemuMutex *mutex)
{
    assert(cond->initialized && mutex->initialized);
    thread_check(pthread_cond_wait(&cond->cond, &mutex->lock), __func__);
}

bool qemu_cond_timedwait(QemuCond *cond, QemuMutex *mutex, int ms)
{
    struct timespec ts;
    int err;

    assert(cond->initialized && mutex->initialized);
    clock_gettime(CLOCK_MONOTONIC, &ts);
    ts.tv_sec += ms / 1000;
    ts.tv_nsec += (long)(ms % 1000) * 1000000;
    if (ts.tv_nsec >= 1000000000) {
        ts.tv_sec++;
        ts.tv_nsec -= 1000000000;
    }
    err = pthread_cond_timedwait(&cond->cond, &mutex->lock, &ts);
    if (err == ETIMEDOUT) {
        return false;
    }
    thread_check(err, __func__);
    return true;
}

void qemu_sem_init(QemuSemaphore *sem, int init)
{
    assert(init >= 0);
    qemu_mutex_init(&sem->mutex);
    qemu_cond_init(&sem->cond);
    sem->count = init;
}

void qemu_sem_destroy(QemuSemaphore *sem)
{
    qemu_cond_destroy(&sem->cond);
    qemu_mutex_destroy(&sem->mutex);
}

void qemu_sem_post(QemuSemaphore *sem)
{
    qemu_mutex_lock(&sem->mutex);
    sem->count++;
    qemu_cond_signal(&sem->cond);
    qemu_mutex_unlock(&sem->mutex);
}

void qemu_sem_wait(QemuSemaphore *sem)
{
    qemu_mutex_lock(&sem->mutex);
    while (sem->count == 0) {
        qemu_cond_wait(&sem->cond, &sem->mutex);
    }
    sem->count--;
    qemu_mutex_unlock(&sem->mutex);
}

int qemu_sem_timedwait(QemuSemaphore *sem, int ms)
{
    int64_t deadline = g_get_monotonic_time() + (int64_t)ms * 1000;
    int ret = 0;

    qemu_mutex_lock(&sem->mutex);
    while (sem->count == 0) {
        int64_t left_ms = (deadline - g_get_monotonic_time() + 999) / 1000;

        if (left_ms <= 0 ||
            (!qemu_cond_timedwait(&sem->cond, &sem->mutex, left_ms) &&
             sem->count == 0)) {
            ret = -1;
            break;
        }
    }
    if (ret == 0) {
        sem->count--;
    }
    qemu_mutex_unlock(&sem->mutex);
    return ret;
}

typedef struct QemuThreadStart {
    void *(*start_routine)(void *);
    void *arg;
    char *name;
} QemuThreadStart;

static void *qemu_thread_start(void *opaque)
{
    QemuThreadStart *start = opaque;
    void *(*start_routine)(void *) = start->start_routine;
    void *arg = start->arg;
    char name[16];

    /* The host limits thread names to 15 characters. */
    if (start->name) {
        g_strlcpy(name, start->name, sizeof(name));
        pthread_setname_np(pthread_self(), name);
    }
    g_free(start->name);
    g_free(start);
    return start_routine(arg);
}

void qemu_thread_create(QemuThread *thread, const char *name,
                        void *(*start_routine)(void *), void *arg,
                        int mode)
{
    QemuThreadStart *start = g_new0(QemuThreadStart, 1);
    sigset_t all, old;
    pthread_attr_t attr;
    int err;

    start->start_routine = start_routine;
    start->arg = arg;
    start->name = g_strdup(name);

    thread_check(pthread_attr_init(&attr), __func__);
    if (mode == QEMU_THREAD_DETACHED) {
        thread_check(pthread_attr_setdetachstate(&attr,
                                                 PTHREAD_CREATE_DETACHED),
                     __func__);
    }

    /* The new thread inherits the mask: signals stay with the caller. */
    sigfillset(&all);
    pthread_sigmask(SIG_SETMASK, &all, &old);
    err = pthread_create(&thread->thread, &attr, qemu_thread_start, start);
    pthread_sigmask(SIG_SETMASK, &old, NULL);
    pthread_attr_destroy(&attr);
    thread_check(err, __func__);
}

void *qemu_thread_join(QemuThread *thread)
{
    void *ret;

    thread_check(pthread_join(thread->thread, &ret), __func__);
    return ret;
}

void qemu_thread_get_self(QemuThread *thread)
{
    thread->thread = pthread_self();
}

bool qemu_thread_is_self(QemuThread *thread)
{
    return pthread_equal(pthread_self(), thread->thread);
}

int qemu_get_thread_id(void)
{
    return gettid();
}
