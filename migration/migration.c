/*
 * Live migration: the outgoing and incoming state machines and their
 * QMP commands.
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * The outgoing side runs in its own thread.  It produces the stream
 * with the BQL held, in batches, into memory, and writes each batch to
 * the channel with the BQL released, so the main loop keeps answering
 * QMP (query-migrate, migrate_cancel) however slow the destination is.
 * For the final batch it stops the VM ("finish-migrate"); on success the
 * source ends in "postmigrate", on failure or cancellation it runs again.
 *
 * The incoming side loads in its own thread too, holding the BQL except
 * while it waits for bytes.  Its end is handled back in the main loop:
 * the VM starts (or stays paused), or the process exits with status 1
 * naming the error unless migrate-incoming asked otherwise.
 */
#include "qemu/osdep.h"
#include <glib-unix.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include "qapi/error.h"
#include "qapi/qmp-registry.h"
#include "qemu/error-report.h"
#include "qemu/main-loop.h"
#include "qemu/thread.h"
#include "qemu/timer.h"
#include "qobject/qjson.h"
#include "hw/core/qdev.h"
#include "system/runstate.h"
#include "system/system.h"
#include "migration/misc.h"
#include "migration/qemu-file.h"
#include "savevm.h"
#include "channel.h"
#include "ram.h"

typedef enum MigrationStatus {
    MIGRATION_STATUS_NONE,
    MIGRATION_STATUS_SETUP,
    MIGRATION_STATUS_CANCELLING,
    MIGRATION_STATUS_CANCELLED,
    MIGRATION_STATUS_ACTIVE,
    MIGRATION_STATUS_POSTCOPY_ACTIVE,
    MIGRATION_STATUS_POSTCOPY_PAUSED,
    MIGRATION_STATUS_POSTCOPY_RECOVER_SETUP,
    MIGRATION_STATUS_POSTCOPY_RECOVER,
    MIGRATION_STATUS_COMPLETED,
    MIGRATION_STATUS_FAILED,
    MIGRATION_STATUS_COLO,
    MIGRATION_STATUS_PRE_SWITCHOVER,
    MIGRATION_STATUS_DEVICE,
    MIGRATION_STATUS_WAIT_UNPLUG,
    MIGRATION_STATUS__MAX
} MigrationStatus;

static const char *const MigrationStatus_str[MIGRATION_STATUS__MAX] = {
    [MIGRATION_STATUS_NONE] = "none",
    [MIGRATION_STATUS_SETUP] = "setup",
    [MIGRATION_STATUS_CANCELLING] = "cancelling",
    [MIGRATION_STATUS_CANCELLED] = "cancelled",
    [MIGRATION_STATUS_ACTIVE] = "active",
    [MIGRATION_STATUS_POSTCOPY_ACTIVE] = "postcopy-active",
    [MIGRATION_STATUS_POSTCOPY_PAUSED] = "postcopy-paused",
    [MIGRATION_STATUS_POSTCOPY_RECOVER_SETUP] = "postcopy-recover-setup",
    [MIGRATION_STATUS_POSTCOPY_RECOVER] = "postcopy-recover",
    [MIGRATION_STATUS_COMPLETED] = "completed",
    [MIGRATION_STATUS_FAILED] = "failed",
    [MIGRATION_STATUS_COLO] = "colo",
    [MIGRATION_STATUS_PRE_SWITCHOVER] = "pre-switchover",
    [MIGRATION_STATUS_DEVICE] = "device",
    [MIGRATION_STATUS_WAIT_UNPLUG] = "wait-unplug",
};

/* Capabilities, in QEMU 10.2's order; true: accepted here. */
static const struct {
    const char *name;
    bool supported;
} migration_caps[] = {
    { "xbzrle" }, { "rdma-pin-all" }, { "auto-converge" },
    { "zero-blocks", true }, { "events", true }, { "postcopy-ram" },
    { "x-colo" }, { "release-ram" }, { "return-path" },
    { "pause-before-switchover" }, { "multifd" },
    { "dirty-bitmaps", true }, { "postcopy-blocktime" },
    { "late-block-activate", true }, { "x-ignore-shared" },
    { "validate-uuid" }, { "background-snapshot" }, { "zero-copy-send" },
    { "postcopy-preempt" }, { "switchover-ack" }, { "dirty-limit" },
    { "mapped-ram" },
};
#define MIGRATION_CAP_EVENTS 4

typedef struct MigrationState {
    MigrationStatus status;
    Error *error;
    MigrationAddress addr;
    QemuThread thread;
    bool thread_running;        /* created and not joined */
    bool thread_done;           /* atomic: it has nothing left to do */
    int cancel_pipe[2];
    bool cancel_requested;      /* atomic: read without the BQL */
    int fd;
    pid_t child;
    uint64_t bytes_written;     /* atomic */
    int64_t start_time;         /* ms, realtime clock */
    int64_t setup_time;
    int64_t total_time;
    int64_t downtime;
    bool stopped_vm;
    bool vm_was_running;
    RunState old_runstate;
} MigrationState;

typedef struct MigrationIncomingState {
    MigrationStatus status;
    Error *error;
    bool deferred;              /* -incoming defer */
    bool started;               /* only once per process */
    bool exit_on_error;
    int listen_fd;
    guint listen_tag;
    int fd;
    pid_t child;
    QemuThread thread;
    int ret;
} MigrationIncomingState;

static MigrationState migration_state = { .fd = -1, .child = -1 };
static MigrationIncomingState incoming_state = {
    .listen_fd = -1, .fd = -1, .child = -1, .exit_on_error = true,
};
static bool migration_caps_state[G_N_ELEMENTS(migration_caps)];
static bool migration_autostart = true;
static QDict *migration_params;

void migration_set_autostart(bool autostart)
{
    migration_autostart = autostart;
}

static bool migration_events_enabled(void)
{
    return migration_caps_state[MIGRATION_CAP_EVENTS];
}

static void migration_event(const char *name, const char *key,
                            QObject *value)
{
    QDict *data;

    if (!migration_events_enabled()) {
        qobject_unref(value);
        return;
    }
    data = qdict_new();
    qdict_put_obj(data, key, value);
    qapi_event_send(name, data);
}

/* Move @state from @old to @new (only if it is still @old). */
static bool migrate_set_state(MigrationStatus *state, MigrationStatus old,
                              MigrationStatus new)
{
    if (*state != old) {
        return false;
    }
    *state = new;
    migration_event("MIGRATION", "status",
                    QOBJECT(qstring_from_str(MigrationStatus_str[new])));
    return true;
}

static void migration_pass_event(uint64_t pass)
{
    migration_event("MIGRATION_PASS", "pass",
                    QOBJECT(qnum_from_uint(pass)));
}

bool migration_is_running(void)
{
    switch (migration_state.status) {
    case MIGRATION_STATUS_SETUP:
    case MIGRATION_STATUS_ACTIVE:
    case MIGRATION_STATUS_CANCELLING:
    case MIGRATION_STATUS_DEVICE:
        return true;
    default:
        return false;
    }
}

static int64_t migration_now_ms(void)
{
    return qemu_clock_get_ms(QEMU_CLOCK_REALTIME);
}

/* Outgoing */

static bool migration_cancelled(MigrationState *s)
{
    return __atomic_load_n(&s->cancel_requested, __ATOMIC_ACQUIRE);
}

/* Write @len bytes without the BQL; a cancellation interrupts. */
static bool migration_write_all(MigrationState *s, const uint8_t *buf,
                                size_t len, Error **errp)
{
    while (len > 0) {
        struct pollfd pfd[2] = {
            { .fd = s->fd, .events = POLLOUT },
            { .fd = s->cancel_pipe[0], .events = POLLIN },
        };
        ssize_t n;

        if (migration_cancelled(s)) {
            error_setg(errp, "Migration cancelled");
            return false;
        }
        n = write(s->fd, buf, len);
        if (n > 0) {
            buf += n;
            len -= n;
            __atomic_add_fetch(&s->bytes_written, n, __ATOMIC_RELAXED);
            continue;
        }
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n < 0 && errno == EAGAIN) {
            poll(pfd, 2, -1);
            continue;
        }
        error_setg_errno(errp, n < 0 ? errno : EIO,
                         "Unable to write to migration stream");
        return false;
    }
    return true;
}

/* Send what @f holds; the BQL is released meanwhile. */
static bool migration_flush(MigrationState *s, QEMUFile *f, Error **errp)
{
    const uint8_t *data;
    size_t len;
    bool ok;

    data = qemu_file_output_data(f, &len);
    bql_unlock();
    ok = migration_write_all(s, data, len, errp);
    bql_lock();
    qemu_file_output_reset(f);
    return ok;
}

/*
 * Close the channel; for exec, wait for the command to finish (it may
 * still be writing what it received), or end it when the migration
 * failed.  Called without the BQL.
 */
static bool migration_close_channel(MigrationState *s, bool failed,
                                    Error **errp)
{
    int status;
    bool ok = true;

    if (s->fd >= 0) {
        close(s->fd);
        s->fd = -1;
    }
    if (s->child > 0) {
        if (failed) {
            kill(s->child, SIGTERM);
        }
        while (waitpid(s->child, &status, 0) < 0 && errno == EINTR) {
            /* retry */
        }
        if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
            error_setg(errp, "migration command exited with status %d",
                       WIFEXITED(status) ? WEXITSTATUS(status) : -1);
            ok = false;
        }
        s->child = -1;
    }
    return ok;
}

/* After a failure or a cancellation: the source carries on. */
static void migration_resume_source(MigrationState *s)
{
    if (!s->stopped_vm) {
        return;
    }
    s->stopped_vm = false;
    if (s->vm_was_running) {
        vm_start();
    } else if (runstate_check(RUN_STATE_FINISH_MIGRATE)) {
        runstate_set(s->old_runstate);
    }
}

/* Reap a finished outgoing thread (a newer one is left alone). */
static gboolean migration_thread_joined(gpointer opaque)
{
    MigrationState *s = opaque;

    if (s->thread_running &&
        __atomic_load_n(&s->thread_done, __ATOMIC_ACQUIRE)) {
        qemu_thread_join(&s->thread);
        s->thread_running = false;
    }
    return G_SOURCE_REMOVE;
}

static void migration_schedule(GSourceFunc fn, void *opaque)
{
    GSource *src = g_idle_source_new();

    g_source_set_callback(src, fn, opaque, NULL);
    g_source_attach(src, qemu_get_main_context());
    g_source_unref(src);
}

/* Produce and send the stream; see the comment at the top of the file. */
static bool migration_run(MigrationState *s, Error **errp)
{
    g_autoptr(QEMUFile) f = qemu_file_new_output();
    JSONWriter *vmdesc = json_writer_new();
    int64_t stop_time;
    bool ok = false;
    int ret;

    qemu_savevm_state_header(f, vmdesc);
    if (qemu_savevm_state_setup(f, vmdesc, errp) < 0) {
        goto out;
    }
    migration_pass_event(1);
    for (;;) {
        if (!migration_flush(s, f, errp)) {
            goto out;
        }
        ret = qemu_savevm_state_iterate(f, errp);
        if (ret < 0) {
            goto out;
        }
        if (ret > 0) {
            break;
        }
    }

    stop_time = migration_now_ms();
    s->vm_was_running = runstate_is_running();
    s->old_runstate = runstate_get();
    global_state_store();
    vm_stop(RUN_STATE_FINISH_MIGRATE);
    s->stopped_vm = true;
    migration_pass_event(2);
    if (qemu_savevm_state_complete(f, vmdesc, errp) < 0 ||
        !migration_flush(s, f, errp)) {
        goto out;
    }
    bql_unlock();
    ok = migration_close_channel(s, false, errp);
    bql_lock();
    s->downtime = migration_now_ms() - stop_time;

out:
    json_writer_free(vmdesc);
    return ok;
}

static void *migration_thread(void *opaque)
{
    MigrationState *s = opaque;
    Error *err = NULL;
    bool ok = false;
    int fd;

    fd = migration_channel_connect(&s->addr, &s->child, &err);
    bql_lock();
    s->fd = fd;
    if (fd >= 0 && !migration_cancelled(s)) {
        g_unix_set_fd_nonblocking(fd, true, NULL);
        s->setup_time = migration_now_ms() - s->start_time;
        migrate_set_state(&s->status, MIGRATION_STATUS_SETUP,
                          MIGRATION_STATUS_ACTIVE);
        ok = migration_run(s, &err);
    }
    if (ok) {
        migrate_set_state(&s->status, MIGRATION_STATUS_ACTIVE,
                          MIGRATION_STATUS_COMPLETED);
        s->stopped_vm = false;
        runstate_set(RUN_STATE_POSTMIGRATE);
    } else {
        if (migration_cancelled(s)) {
            migrate_set_state(&s->status, MIGRATION_STATUS_CANCELLING,
                              MIGRATION_STATUS_CANCELLED);
            error_free(err);
        } else {
            error_free(s->error);
            s->error = err;
            migrate_set_state(&s->status, s->status,
                              MIGRATION_STATUS_FAILED);
            if (err) {
                error_report("%s", error_get_pretty(err));
            }
        }
        err = NULL;
        migration_resume_source(s);
    }
    qemu_savevm_state_cleanup();
    s->total_time = migration_now_ms() - s->start_time;
    bql_unlock();

    if (s->fd >= 0 || s->child > 0) {
        migration_close_channel(s, true, NULL);
    }
    __atomic_store_n(&s->thread_done, true, __ATOMIC_RELEASE);
    migration_schedule(migration_thread_joined, s);
    return NULL;
}

/* Forget the wake-ups of an earlier cancellation. */
static void migration_drain_cancel_pipe(MigrationState *s)
{
    char buf[16];

    while (read(s->cancel_pipe[0], buf, sizeof(buf)) > 0) {
        /* discard */
    }
}

static void qmp_migrate(QDict *args, QObject **ret, Error **errp)
{
    MigrationState *s = &migration_state;
    const char *uri = qdict_get_try_str(args, "uri");
    QList *channels = qobject_to(QList, qdict_get(args, "channels"));
    MigrationAddress addr;

    if (qdict_get_try_bool(args, "resume", false)) {
        error_setg(errp, "Cannot resume if there is no paused migration");
        return;
    }
    if (!!uri == !!channels) {
        error_setg(errp, "need either 'uri' or 'channels' argument");
        return;
    }
    if (runstate_check(RUN_STATE_INMIGRATE)) {
        error_setg(errp, "Guest is waiting for an incoming migration");
        return;
    }
    if (migration_is_running()) {
        error_setg(errp, "There's a migration process in progress");
        return;
    }
    if (!qemu_savevm_check_migratable(errp)) {
        return;
    }
    if (uri ? !migration_address_parse_uri(uri, &addr, errp)
            : !migration_address_parse_channels(channels, &addr, errp)) {
        return;
    }
    if (s->thread_running) {
        /* The previous migration has ended: its thread is finishing. */
        qemu_thread_join(&s->thread);
        s->thread_running = false;
    }
    migration_address_clear(&s->addr);
    s->addr = addr;
    error_free(s->error);
    s->error = NULL;
    migration_drain_cancel_pipe(s);
    s->cancel_requested = false;
    s->bytes_written = 0;
    s->setup_time = s->total_time = s->downtime = 0;
    s->start_time = migration_now_ms();
    s->stopped_vm = false;
    s->status = MIGRATION_STATUS_NONE;
    migrate_set_state(&s->status, MIGRATION_STATUS_NONE,
                      MIGRATION_STATUS_SETUP);
    s->thread_running = true;
    s->thread_done = false;
    qemu_thread_create(&s->thread, "live_migration", migration_thread, s,
                       QEMU_THREAD_JOINABLE);
}

static void qmp_migrate_cancel(QDict *args, QObject **ret, Error **errp)
{
    MigrationState *s = &migration_state;
    char byte = 0;

    if (s->status != MIGRATION_STATUS_SETUP &&
        s->status != MIGRATION_STATUS_ACTIVE) {
        return;
    }
    migrate_set_state(&s->status, s->status, MIGRATION_STATUS_CANCELLING);
    __atomic_store_n(&s->cancel_requested, true, __ATOMIC_RELEASE);
    if (write(s->cancel_pipe[1], &byte, 1) < 0) {
        /* The flag alone stops the thread at its next batch. */
    }
}

/* Incoming */

/* The load failed: say why; exit unless told to stay. */
static void incoming_failed(MigrationIncomingState *mis)
{
    error_report("load of migration failed: %s",
                 mis->error ? error_get_pretty(mis->error) : "unknown");
    migrate_set_state(&mis->status, mis->status, MIGRATION_STATUS_FAILED);
    if (mis->exit_on_error) {
        exit(EXIT_FAILURE);
    }
}

/* The load's outcome, in the main loop. */
static gboolean incoming_finish(gpointer opaque)
{
    MigrationIncomingState *mis = opaque;
    int rs;

    qemu_thread_join(&mis->thread);
    if (mis->ret < 0) {
        incoming_failed(mis);
        return G_SOURCE_REMOVE;
    }
    migrate_set_state(&mis->status, MIGRATION_STATUS_ACTIVE,
                      MIGRATION_STATUS_COMPLETED);
    rs = global_state_received_runstate();
    if (rs < 0 || rs == RUN_STATE_RUNNING) {
        if (migration_autostart) {
            vm_start();
        } else {
            runstate_set(RUN_STATE_PAUSED);
        }
    } else {
        runstate_set(rs);
    }
    return G_SOURCE_REMOVE;
}

static void *incoming_thread(void *opaque)
{
    MigrationIncomingState *mis = opaque;
    QEMUFile *f;
    int status;

    bql_lock();
    migrate_set_state(&mis->status, MIGRATION_STATUS_SETUP,
                      MIGRATION_STATUS_ACTIVE);
    f = qemu_file_new_input_fd(mis->fd);
    global_state_reset_received();
    mis->ret = qemu_loadvm_state(f, &mis->error);
    qemu_fclose(f);
    bql_unlock();

    close(mis->fd);
    mis->fd = -1;
    if (mis->child > 0) {
        while (waitpid(mis->child, &status, 0) < 0 && errno == EINTR) {
            /* retry */
        }
        mis->child = -1;
    }
    migration_schedule(incoming_finish, mis);
    return NULL;
}

static void incoming_start_loading(MigrationIncomingState *mis, int fd)
{
    mis->fd = fd;
    qemu_thread_create(&mis->thread, "mig/dst/main", incoming_thread, mis,
                       QEMU_THREAD_JOINABLE);
}

static gboolean incoming_accept(gint listen_fd, GIOCondition cond,
                                gpointer opaque)
{
    MigrationIncomingState *mis = opaque;
    int fd = accept4(listen_fd, NULL, NULL, SOCK_CLOEXEC);

    if (fd < 0 && (errno == EAGAIN || errno == EINTR)) {
        return G_SOURCE_CONTINUE;
    }
    if (fd < 0) {
        error_setg_errno(&mis->error, errno, "Failed to accept the "
                         "migration connection");
    }
    close(mis->listen_fd);
    mis->listen_fd = -1;
    mis->listen_tag = 0;
    if (fd < 0) {
        incoming_failed(mis);
    } else {
        incoming_start_loading(mis, fd);
    }
    return G_SOURCE_REMOVE;
}

static bool incoming_begin(MigrationIncomingState *mis,
                           const MigrationAddress *addr, Error **errp)
{
    GSource *src;
    int fd;

    if (migration_address_listens(addr)) {
        fd = migration_channel_listen(addr, errp);
        if (fd < 0) {
            return false;
        }
        g_unix_set_fd_nonblocking(fd, true, NULL);
        mis->listen_fd = fd;
        src = g_unix_fd_source_new(fd, G_IO_IN);
        g_source_set_callback(src, G_SOURCE_FUNC(incoming_accept), mis, NULL);
        mis->listen_tag = g_source_attach(src, qemu_get_main_context());
        g_source_unref(src);
        mis->started = true;
        migrate_set_state(&mis->status, MIGRATION_STATUS_NONE,
                          MIGRATION_STATUS_SETUP);
        return true;
    }
    fd = migration_channel_open_incoming(addr, &mis->child, errp);
    if (fd < 0) {
        return false;
    }
    mis->started = true;
    migrate_set_state(&mis->status, MIGRATION_STATUS_NONE,
                      MIGRATION_STATUS_SETUP);
    incoming_start_loading(mis, fd);
    return true;
}

/* An -incoming argument: a URI or a JSON MigrationChannel. */
static bool incoming_parse(const char *uri, MigrationAddress *addr,
                           Error **errp)
{
    QObject *obj;
    QList *list;
    bool ok;

    if (uri[0] != '{') {
        return migration_address_parse_uri(uri, addr, errp);
    }
    obj = qobject_from_json(uri, errp);
    if (!obj) {
        return false;
    }
    list = qlist_new();
    qlist_append_obj(list, obj);
    ok = migration_address_parse_channels(list, addr, errp);
    qobject_unref(list);
    return ok;
}

bool migration_incoming_start(const char *uri, Error **errp)
{
    MigrationIncomingState *mis = &incoming_state;
    MigrationAddress addr;
    bool ok;

    runstate_set(RUN_STATE_INMIGRATE);
    qemu_clock_enable(QEMU_CLOCK_VIRTUAL, false);
    if (!strcmp(uri, "defer")) {
        mis->deferred = true;
        return true;
    }
    if (!incoming_parse(uri, &addr, errp)) {
        return false;
    }
    ok = incoming_begin(mis, &addr, errp);
    migration_address_clear(&addr);
    return ok;
}

static void qmp_migrate_incoming(QDict *args, QObject **ret, Error **errp)
{
    MigrationIncomingState *mis = &incoming_state;
    const char *uri = qdict_get_try_str(args, "uri");
    QList *channels = qobject_to(QList, qdict_get(args, "channels"));
    MigrationAddress addr;

    if (!mis->deferred || !runstate_check(RUN_STATE_INMIGRATE)) {
        error_setg(errp, "'-incoming' was not specified on the command "
                   "line");
        return;
    }
    if (mis->started) {
        error_setg(errp, "The incoming migration has already been started");
        return;
    }
    if (!!uri == !!channels) {
        error_setg(errp, "need either 'uri' or 'channels' argument");
        return;
    }
    if (uri ? !migration_address_parse_uri(uri, &addr, errp)
            : !migration_address_parse_channels(channels, &addr, errp)) {
        return;
    }
    mis->exit_on_error = qdict_get_try_bool(args, "exit-on-error", true);
    incoming_begin(mis, &addr, errp);
    migration_address_clear(&addr);
}

/* query-migrate */

static QDict *migration_ram_info(MigrationState *s)
{
    RAMMigrationStats st;
    QDict *ram = qdict_new();
    uint64_t written = __atomic_load_n(&s->bytes_written, __ATOMIC_RELAXED);
    int64_t elapsed = MAX(s->total_time ? s->total_time
                          : migration_now_ms() - s->start_time, 1);

    ram_get_stats(&st);
    qdict_put_uint(ram, "transferred", written);
    qdict_put_uint(ram, "remaining",
                   (st.total_pages - st.sent_pages) * MIG_TARGET_PAGE_SIZE);
    qdict_put_uint(ram, "total", st.total_pages * MIG_TARGET_PAGE_SIZE);
    qdict_put_uint(ram, "duplicate", st.duplicate);
    qdict_put_uint(ram, "normal", st.normal);
    qdict_put_uint(ram, "normal-bytes", st.normal * MIG_TARGET_PAGE_SIZE);
    qdict_put_int(ram, "dirty-pages-rate", 0);
    qdict_put_obj(ram, "mbps",
                  QOBJECT(qnum_from_double(written * 8.0 / 1000.0 /
                                           elapsed)));
    qdict_put_uint(ram, "dirty-sync-count", st.dirty_sync_count);
    qdict_put_int(ram, "postcopy-requests", 0);
    qdict_put_int(ram, "page-size", MIG_TARGET_PAGE_SIZE);
    qdict_put_int(ram, "multifd-bytes", 0);
    qdict_put_uint(ram, "pages-per-second",
                   (st.duplicate + st.normal) * 1000 / elapsed);
    qdict_put_uint(ram, "precopy-bytes", written);
    qdict_put_int(ram, "downtime-bytes", 0);
    qdict_put_int(ram, "postcopy-bytes", 0);
    qdict_put_int(ram, "dirty-sync-missed-zero-copy", 0);
    return ram;
}

static void migration_fill_source_info(MigrationState *s, QDict *info)
{
    qdict_put_str(info, "status", MigrationStatus_str[s->status]);
    switch (s->status) {
    case MIGRATION_STATUS_ACTIVE:
    case MIGRATION_STATUS_CANCELLING:
        qdict_put_int(info, "total-time",
                      migration_now_ms() - s->start_time);
        qdict_put_int(info, "expected-downtime", 300);
        qdict_put_int(info, "setup-time", s->setup_time);
        qdict_put(info, "ram", migration_ram_info(s));
        break;
    case MIGRATION_STATUS_COMPLETED:
        qdict_put_int(info, "total-time", s->total_time);
        qdict_put_int(info, "downtime", s->downtime);
        qdict_put_int(info, "setup-time", s->setup_time);
        qdict_put(info, "ram", migration_ram_info(s));
        break;
    case MIGRATION_STATUS_FAILED:
        if (s->error) {
            qdict_put_str(info, "error-desc", error_get_pretty(s->error));
        }
        break;
    default:
        break;
    }
}

static void migration_fill_incoming_info(MigrationIncomingState *mis,
                                         QDict *info)
{
    qdict_put_str(info, "status", MigrationStatus_str[mis->status]);
    if (mis->status == MIGRATION_STATUS_SETUP && mis->listen_fd >= 0) {
        qdict_put(info, "socket-address",
                  migration_channel_socket_address(mis->listen_fd));
    }
    if (mis->status == MIGRATION_STATUS_FAILED && mis->error) {
        qdict_put_str(info, "error-desc", error_get_pretty(mis->error));
    }
}

static void qmp_query_migrate(QDict *args, QObject **ret, Error **errp)
{
    QDict *info = qdict_new();

    if (migration_state.status != MIGRATION_STATUS_NONE) {
        migration_fill_source_info(&migration_state, info);
    } else if (incoming_state.status != MIGRATION_STATUS_NONE) {
        migration_fill_incoming_info(&incoming_state, info);
    }
    *ret = QOBJECT(info);
}

/* Capabilities and parameters */

static int migration_cap_index(const char *name)
{
    size_t i;

    for (i = 0; i < G_N_ELEMENTS(migration_caps); i++) {
        if (!strcmp(migration_caps[i].name, name)) {
            return i;
        }
    }
    return -1;
}

static void qmp_migrate_set_capabilities(QDict *args, QObject **ret,
                                         Error **errp)
{
    QList *caps = qdict_get_qlist(args, "capabilities");
    bool new_state[G_N_ELEMENTS(migration_caps)];
    QObject *elem;
    size_t i;

    if (migration_is_running()) {
        error_setg(errp, "There's a migration process in progress");
        return;
    }
    memcpy(new_state, migration_caps_state, sizeof(new_state));
    QLIST_FOREACH_ENTRY_IDX(caps, i, elem) {
        QDict *cap = qobject_to(QDict, elem);
        QString *name = cap ? qobject_to(QString,
                                         qdict_get(cap, "capability")) : NULL;
        QBool *on = cap ? qobject_to(QBool, qdict_get(cap, "state")) : NULL;
        int idx;

        if (!cap || !name || !on) {
            error_setg(errp, "Invalid parameter type for 'capabilities[%zu]'"
                       ", expected: MigrationCapabilityStatus", i);
            return;
        }
        idx = migration_cap_index(qstring_get_str(name));
        if (idx < 0) {
            error_setg(errp, "Parameter 'capability' does not accept value "
                       "'%s'", qstring_get_str(name));
            return;
        }
        if (qbool_get_bool(on) && !migration_caps[idx].supported) {
            error_setg(errp, "Migration capability '%s' is not supported",
                       migration_caps[idx].name);
            return;
        }
        new_state[idx] = qbool_get_bool(on);
    }
    memcpy(migration_caps_state, new_state, sizeof(new_state));
}

static void qmp_query_migrate_capabilities(QDict *args, QObject **ret,
                                           Error **errp)
{
    QList *list = qlist_new();
    size_t i;

    for (i = 0; i < G_N_ELEMENTS(migration_caps); i++) {
        QDict *cap = qdict_new();

        qdict_put_str(cap, "capability", migration_caps[i].name);
        qdict_put_bool(cap, "state", migration_caps_state[i]);
        qlist_append(list, cap);
    }
    *ret = QOBJECT(list);
}

/* Parameters: accepted and reported; none changes the stream here. */
static const QmpArgSpec migration_param_args[] = {
    { "announce-initial", QMP_ARG_UINT, true },
    { "announce-max", QMP_ARG_UINT, true },
    { "announce-rounds", QMP_ARG_UINT, true },
    { "announce-step", QMP_ARG_UINT, true },
    { "throttle-trigger-threshold", QMP_ARG_UINT, true },
    { "cpu-throttle-initial", QMP_ARG_UINT, true },
    { "cpu-throttle-increment", QMP_ARG_UINT, true },
    { "cpu-throttle-tailslow", QMP_ARG_BOOL, true },
    { "tls-creds", QMP_ARG_STR, true },
    { "tls-hostname", QMP_ARG_STR, true },
    { "max-bandwidth", QMP_ARG_UINT, true },
    { "avail-switchover-bandwidth", QMP_ARG_UINT, true },
    { "downtime-limit", QMP_ARG_UINT, true },
    { "x-checkpoint-delay", QMP_ARG_UINT, true },
    { "multifd-channels", QMP_ARG_UINT, true },
    { "xbzrle-cache-size", QMP_ARG_UINT, true },
    { "max-postcopy-bandwidth", QMP_ARG_UINT, true },
    { "max-cpu-throttle", QMP_ARG_UINT, true },
    { "multifd-compression", QMP_ARG_STR, true },
    { "multifd-zlib-level", QMP_ARG_UINT, true },
    { "multifd-zstd-level", QMP_ARG_UINT, true },
    { "x-vcpu-dirty-limit-period", QMP_ARG_UINT, true },
    { "vcpu-dirty-limit", QMP_ARG_UINT, true },
    { "mode", QMP_ARG_STR, true },
    { "zero-page-detection", QMP_ARG_STR, true },
    { "direct-io", QMP_ARG_BOOL, true },
    { NULL }
};

static void migration_params_init(void)
{
    migration_params = qdict_from_jsonf_nofail(
        "{'announce-initial': 50, 'announce-max': 550,"
        " 'announce-rounds': 5, 'announce-step': 100,"
        " 'throttle-trigger-threshold': 50, 'cpu-throttle-initial': 20,"
        " 'cpu-throttle-increment': 10, 'cpu-throttle-tailslow': false,"
        " 'tls-creds': '', 'tls-hostname': '',"
        " 'max-bandwidth': 134217728, 'avail-switchover-bandwidth': 0,"
        " 'downtime-limit': 300, 'x-checkpoint-delay': 20000,"
        " 'multifd-channels': 2, 'xbzrle-cache-size': 67108864,"
        " 'max-postcopy-bandwidth': 0, 'max-cpu-throttle': 99,"
        " 'multifd-compression': 'none', 'multifd-zlib-level': 1,"
        " 'multifd-zstd-level': 1, 'x-vcpu-dirty-limit-period': 1000,"
        " 'vcpu-dirty-limit': 1, 'mode': 'normal',"
        " 'zero-page-detection': 'multifd', 'direct-io': false}");
}

static void qmp_migrate_set_parameters(QDict *args, QObject **ret,
                                       Error **errp)
{
    const QDictEntry *ent;

    for (ent = qdict_first(args); ent; ent = qdict_next(args, ent)) {
        qdict_put_obj(migration_params, qdict_entry_key(ent),
                      qobject_ref(qdict_entry_value(ent)));
    }
}

static void qmp_query_migrate_parameters(QDict *args, QObject **ret,
                                         Error **errp)
{
    *ret = qobject_ref(migration_params);
}

static const QmpArgSpec qmp_migrate_args[] = {
    { "uri", QMP_ARG_STR, true },
    { "channels", QMP_ARG_LIST, true },
    { "detach", QMP_ARG_BOOL, true },
    { "resume", QMP_ARG_BOOL, true },
    { NULL }
};

static const QmpArgSpec qmp_migrate_incoming_args[] = {
    { "uri", QMP_ARG_STR, true },
    { "channels", QMP_ARG_LIST, true },
    { "exit-on-error", QMP_ARG_BOOL, true },
    { NULL }
};

static const QmpArgSpec qmp_migrate_set_capabilities_args[] = {
    { "capabilities", QMP_ARG_LIST, false },
    { NULL }
};

static const QmpCommand migration_qmp_commands[] = {
    { "migrate", qmp_migrate, qmp_migrate_args },
    { "migrate-incoming", qmp_migrate_incoming, qmp_migrate_incoming_args,
      QCO_ALLOW_PRECONFIG },
    { "migrate_cancel", qmp_migrate_cancel, NULL },
    { "query-migrate", qmp_query_migrate, NULL },
    { "migrate-set-capabilities", qmp_migrate_set_capabilities,
      qmp_migrate_set_capabilities_args },
    { "query-migrate-capabilities", qmp_query_migrate_capabilities, NULL },
    { "migrate-set-parameters", qmp_migrate_set_parameters,
      migration_param_args },
    { "query-migrate-parameters", qmp_query_migrate_parameters, NULL },
};

/* Devices */

static void migration_device_realized(DeviceState *dev)
{
    DeviceClass *dc = DEVICE_GET_CLASS(dev);

    if (dc->vmsd) {
        vmstate_register_with_alias_id(dev, VMSTATE_INSTANCE_ID_ANY,
                                       dc->vmsd, dev,
                                       dev->instance_id_alias,
                                       dev->alias_required_for_version,
                                       &error_abort);
    }
}

static void migration_device_unrealized(DeviceState *dev)
{
    DeviceClass *dc = DEVICE_GET_CLASS(dev);

    if (dc->vmsd) {
        vmstate_unregister(dev, dc->vmsd, dev);
    }
}

void migration_init(void)
{
    if (!g_unix_open_pipe(migration_state.cancel_pipe,
                          FD_CLOEXEC, NULL)) {
        error_report("cannot create the migration cancel pipe");
        exit(1);
    }
    g_unix_set_fd_nonblocking(migration_state.cancel_pipe[0], true, NULL);
    g_unix_set_fd_nonblocking(migration_state.cancel_pipe[1], true, NULL);
    migration_params_init();
    if (!strcmp(target_name(), "aarch64")) {
        /* ARM's variable page size: the smallest is 1 KiB. */
        savevm_set_target_page_bits_min(10);
    }
    /*
     * QEMU's order, which makes "timer" section 0.  QEMU 7.2 takes a
     * PART/END section numbered 0 for any handler not loaded yet, so an
     * iterative section must never get that number.
     */
    timers_register_vmstate();
    ram_mig_init();
    register_global_state();
    qdev_realize_hook = migration_device_realized;
    qdev_unrealize_hook = migration_device_unrealized;
    qmp_register_commands(migration_qmp_commands,
                          G_N_ELEMENTS(migration_qmp_commands));
}
