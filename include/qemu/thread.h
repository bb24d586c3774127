/*
 * Threads and locks: mutexes, condition variables, semaphores, scoped
 * lock guards and sequence locks.
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * These wrap POSIX threads.  A failing pthread call is a bug (or the
 * host is out of resources) and aborts with a message.
 */
#ifndef QEMU_THREAD_H
#define QEMU_THREAD_H

#include <pthread.h>

typedef struct QemuMutex {
    pthread_mutex_t lock;
    bool initialized;
} QemuMutex;

typedef struct QemuCond {
    pthread_cond_t cond;
    bool initialized;
} QemuCond;

typedef struct QemuSemaphore {
    QemuMutex mutex;
    QemuCond cond;
    unsigned int count;
} QemuSemaphore;

typedef struct QemuThread {
    pthread_t thread;
} QemuThread;

#define QEMU_THREAD_JOINABLE 0
#define QEMU_THREAD_DETACHED 1

/** qemu_mutex_init: make @mutex ready (unlocked). */
void qemu_mutex_init(QemuMutex *mutex);
/** qemu_mutex_destroy: release @mutex; it must be unlocked. */
void qemu_mutex_destroy(QemuMutex *mutex);
/** qemu_mutex_lock: take @mutex, waiting as long as needed. */
void qemu_mutex_lock(QemuMutex *mutex);
/** qemu_mutex_trylock: take @mutex if free; returns 0 or -EBUSY. */
int qemu_mutex_trylock(QemuMutex *mutex);
/** qemu_mutex_unlock: release @mutex, held by this thread. */
void qemu_mutex_unlock(QemuMutex *mutex);

/** qemu_cond_init: make @cond ready. */
void qemu_cond_init(QemuCond *cond);
/** qemu_cond_destroy: release @cond; nobody may wait on it. */
void qemu_cond_destroy(QemuCond *cond);
/** qemu_cond_signal: wake one waiter of @cond. */
void qemu_cond_signal(QemuCond *cond);
/** qemu_cond_broadcast: wake every waiter of @cond. */
void qemu_cond_broadcast(QemuCond *cond);
/** qemu_cond_wait: release @mutex, wait for @cond, retake @mutex. */
void qemu_cond_wait(QemuCond *cond, QemuMutex *mutex);
/**
 * qemu_cond_timedwait: qemu_cond_wait giving up after @ms milliseconds.
 * Returns: false on time-out, true otherwise (spurious wake-ups too).
 */
bool qemu_cond_timedwait(QemuCond *cond, QemuMutex *mutex, int ms);

/** qemu_sem_init: make @sem ready with @init tokens. */
void qemu_sem_init(QemuSemaphore *sem, int init);
/** qemu_sem_destroy: release @sem. */
void qemu_sem_destroy(QemuSemaphore *sem);
/** qemu_sem_post: add a token, waking one waiter. */
void qemu_sem_post(QemuSemaphore *sem);
/** qemu_sem_wait: take a token, waiting for one if needed. */
void qemu_sem_wait(QemuSemaphore *sem);
/** qemu_sem_timedwait: take a token within @ms ms; 0 or -1 on time-out. */
int qemu_sem_timedwait(QemuSemaphore *sem, int ms);

/**
 * qemu_thread_create: start a thread running @start_routine(@arg).
 * @thread: filled with the new thread.
 * @name: its name as the host shows it (first 15 chars).
 * @start_routine: the body.
 * @arg: its argument.
 * @mode: QEMU_THREAD_JOINABLE (someone calls qemu_thread_join) or
 *        QEMU_THREAD_DETACHED.
 *
 * The new thread starts with every signal blocked, so signals reach the
 * main thread.
 */
void qemu_thread_create(QemuThread *thread, const char *name,
                        void *(*start_routine)(void *), void *arg,
                        int mode);
/** qemu_thread_join: wait for a joinable @thread; returns its result. */
void *qemu_thread_join(QemuThread *thread);
/** qemu_thread_get_self: fill @thread with the calling thread. */
void qemu_thread_get_self(QemuThread *thread);
/** qemu_thread_is_self: is @thread the calling thread? */
bool qemu_thread_is_self(QemuThread *thread);
/** qemu_get_thread_id: the host thread id (Linux tid) of the caller. */
int qemu_get_thread_id(void);

/*
 * Scoped locking.  QEMU_LOCK_GUARD(&m) holds m until the end of the
 * enclosing block; WITH_QEMU_LOCK_GUARD(&m) { ... } holds it for the
 * statement that follows (leaving by break or return also unlocks).
 */
typedef struct QemuLockGuard QemuLockGuard;

static inline QemuLockGuard *qemu_lock_guard_lock(QemuMutex *mutex)
{
    qemu_mutex_lock(mutex);
    return (QemuLockGuard *)mutex;
}

static inline void qemu_lock_guard_unlock(QemuLockGuard *guard)
{
    qemu_mutex_unlock((QemuMutex *)guard);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC(QemuLockGuard, qemu_lock_guard_unlock)

#define QEMU_LOCK_GUARD(mutex)                                          \
    g_autoptr(QemuLockGuard) glue(qemu_lock_guard_, __COUNTER__)        \
        G_GNUC_UNUSED = qemu_lock_guard_lock(mutex)

#define WITH_QEMU_LOCK_GUARD_(mutex, var)                               \
    for (g_autoptr(QemuLockGuard) var = qemu_lock_guard_lock(mutex);    \
         var;                                                           \
         qemu_lock_guard_unlock(var), var = NULL)

#define WITH_QEMU_LOCK_GUARD(mutex)                                     \
    WITH_QEMU_LOCK_GUARD_(mutex, glue(qemu_lock_guard_, __COUNTER__))

/*
 * Sequence locks: writers (serialised by a lock of their own) make the
 * sequence odd while they change the data; a reader copies the data and
 * retries when the sequence was odd or moved meanwhile:
 *
 *     do {
 *         start = seqlock_read_begin(&s->sl);
 *         copy = s->value;
 *     } while (seqlock_read_retry(&s->sl, start));
 */
typedef struct QemuSeqLock {
    unsigned int sequence;
} QemuSeqLock;

static inline void seqlock_init(QemuSeqLock *sl)
{
    sl->sequence = 0;
}

static inline void seqlock_write_begin(QemuSeqLock *sl)
{
    __atomic_store_n(&sl->sequence,
                     __atomic_load_n(&sl->sequence, __ATOMIC_RELAXED) + 1,
                     __ATOMIC_RELAXED);
    /* The odd sequence must be visible before any store to the data. */
    __atomic_thread_fence(__ATOMIC_SEQ_CST);
}

static inline void seqlock_write_end(QemuSeqLock *sl)
{
    __atomic_store_n(&sl->sequence,
                     __atomic_load_n(&sl->sequence, __ATOMIC_RELAXED) + 1,
                     __ATOMIC_RELEASE);
}

static inline unsigned int seqlock_read_begin(const QemuSeqLock *sl)
{
    /* An odd value never equals a later even one: the reader retries. */
    return __atomic_load_n(&sl->sequence, __ATOMIC_ACQUIRE) & ~1u;
}

static inline int seqlock_read_retry(const QemuSeqLock *sl,
                                     unsigned int start)
{
    __atomic_thread_fence(__ATOMIC_ACQUIRE);
    return __atomic_load_n(&sl->sequence, __ATOMIC_RELAXED) != start;
}

#endif
