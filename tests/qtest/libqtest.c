/*
 * libqtest: start QEMU under the qtest protocol and drive it from a test.
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * One QEMU process per QTestState.  The test listens on two Unix sockets
 * in the temporary directory (qtest-<pid>.sock and qtest-<pid>.qmp) and
 * QEMU connects to both as a client.  The qtest side is a line protocol
 * with asynchronous "IRQ raise N" / "IRQ lower N" lines; the QMP side is
 * handled by libqmp.
 */
#include "qemu/osdep.h"

#include <poll.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/wait.h>

#include "qobject/qjson.h"
#include "libqtest.h"
#include "libqtest-single.h"

#define QTEST_MAX_IRQ           256
#define QTEST_SOCKET_TIMEOUT_S  50      /* for accept() and each reply */
#define QTEST_WAITPID_TIMEOUT_S 30      /* SIGTERM to SIGKILL */

struct QTestState {
    int fd;                     /* qtest connection */
    int qmp_fd;                 /* QMP connection */
    int sock;                   /* listening sockets, until accepted */
    int qmp_sock;
    char *socket_path;
    char *qmp_socket_path;
    pid_t qemu_pid;             /* -1 once reaped */
    int wstatus;                /* waitpid() status after reaping */
    int expected_status;
    bool big_endian;
    bool irq_level[QTEST_MAX_IRQ];
    GString *rx;                /* qtest bytes not yet split into lines */
    char *last_cmd;             /* for failure messages */
    GQueue pending_events;      /* QMP events met while awaiting replies */
    QTestQMPEventCallback event_cb;
    void *event_data;
};

QTestState *global_qtest;

static GHookList qtest_abrt_hooks;
static struct sigaction qtest_sigabrt_old;

/* Lists cached per binary path: machines, and types per interface. */
typedef struct QTestMachine {
    char *name;
    char *alias;
} QTestMachine;

static GHashTable *qtest_machine_cache;
static GHashTable *qtest_type_cache;

static const char *qtest_qemu_binary(const char *var)
{
    const char *bin = var ? getenv(var) : NULL;

    if (!bin) {
        bin = getenv("QTEST_QEMU_BINARY");
    }
    if (!bin) {
        qtest_fail("Environment variable QTEST_QEMU_BINARY required: "
                   "set it to the qemu-system-<arch> binary to test");
    }
    return bin;
}

const char *qtest_get_arch(void)
{
    const char *bin = qtest_qemu_binary(NULL);
    const char *dash = strrchr(bin, '-');

    if (!dash || !strstr(bin, "-system-")) {
        qtest_fail("QTEST_QEMU_BINARY must name a qemu-system-<arch> "
                   "binary, not '%s'", bin);
    }
    return dash + 1;
}

static const char *qtest_accel_name(void)
{
    const char *accel = getenv("QTEST_ACCEL");

    return accel && *accel ? accel : "qtest";
}

bool qtest_clock_is_driven(void)
{
    return strcmp(qtest_accel_name(), "qtest") == 0;
}

bool qtest_skip_on_reference(const char *why)
{
    if (!qtest_clock_is_driven()) {
        g_test_skip(why);
        return true;
    }
    return false;
}

/* Abort handling: hooks run from SIGABRT, then the default action. */

static void qtest_sigabrt_handler(int signo)
{
    g_hook_list_invoke(&qtest_abrt_hooks, FALSE);
}

void qtest_add_abrt_handler(GHookFunc fn, const void *data)
{
    GHook *hook;

    if (!qtest_abrt_hooks.is_setup) {
        g_hook_list_init(&qtest_abrt_hooks, sizeof(GHook));
    }
    if (!qtest_abrt_hooks.hooks) {
        struct sigaction sigact = {
            .sa_handler = qtest_sigabrt_handler,
            .sa_flags = SA_RESETHAND,
        };

        sigemptyset(&sigact.sa_mask);
        sigaction(SIGABRT, &sigact, &qtest_sigabrt_old);
    }
    hook = g_hook_alloc(&qtest_abrt_hooks);
    hook->func = fn;
    hook->data = (void *)data;
    g_hook_prepend(&qtest_abrt_hooks, hook);
}

void qtest_remove_abrt_handler(void *data)
{
    GHook *hook;

    if (!qtest_abrt_hooks.is_setup) {
        return;
    }
    hook = g_hook_find_data(&qtest_abrt_hooks, TRUE, data);
    if (!hook) {
        return;
    }
    g_hook_destroy_link(&qtest_abrt_hooks, hook);
    if (!qtest_abrt_hooks.hooks) {
        sigaction(SIGABRT, &qtest_sigabrt_old, NULL);
    }
}

/* Runs in the SIGABRT handler: only async-signal-safe calls. */
static void qtest_kill_qemu_hook(void *opaque)
{
    QTestState *s = opaque;

    if (s->qemu_pid != -1) {
        kill(s->qemu_pid, SIGKILL);
    }
}

/* Start-up */

int qtest_socket_server(const char *socket_path)
{
    struct sockaddr_un addr = { .sun_family = AF_UNIX };
    int sock;

    if (strlen(socket_path) >= sizeof(addr.sun_path)) {
        qtest_fail("socket path too long: %s", socket_path);
    }
    g_strlcpy(addr.sun_path, socket_path, sizeof(addr.sun_path));
    sock = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (sock < 0) {
        qtest_fail("socket: %s", g_strerror(errno));
    }
    unlink(socket_path);
    if (bind(sock, (struct sockaddr *)&addr, sizeof(addr)) < 0 ||
        listen(sock, 1) < 0) {
        qtest_fail("cannot listen on %s: %s", socket_path, g_strerror(errno));
    }
    return sock;
}

static char *qtest_build_command(QTestState *s, const char *bin,
                                 const char *extra_args)
{
    const char *trace = getenv("QTEST_TRACE");
    const char *accel = qtest_accel_name();
    GString *cmd = g_string_new("exec ");

    g_string_append_printf(cmd, "%s ", bin);
    if (trace) {
        g_string_append_printf(cmd, "-trace %s ", trace);
    }
    g_string_append_printf(cmd,
                           "-qtest unix:%s -qtest-log %s "
                           "-chardev socket,path=%s,id=char0 "
                           "-mon chardev=char0,mode=control "
                           "-display none %s",
                           s->socket_path,
                           getenv("QTEST_LOG") ? "/dev/fd/2" : "/dev/null",
                           s->qmp_socket_path,
                           extra_args ? extra_args : "");
    if (strcmp(accel, "qtest") == 0) {
        g_string_append(cmd, " -accel qtest");
    } else {
        /* No qtest accelerator: keep the guest stopped instead. */
        g_string_append_printf(cmd, " -accel %s -S", accel);
    }
    return g_string_free(cmd, FALSE);
}

static void QEMU_NORETURN qtest_exec_child(const char *command, pid_t parent)
{
    /* QEMU dies with the test, even when the test is killed. */
    prctl(PR_SET_PDEATHSIG, SIGKILL, 0, 0, 0);
    if (getppid() != parent) {
        _exit(1);
    }
    setenv("QEMU_AUDIO_DRV", "none", 1);
    execl("/bin/sh", "sh", "-c", command, (char *)NULL);
    _exit(1);
}

static QTestState *qtest_spawn_qemu(const char *var, const char *extra_args)
{
    QTestState *s = g_new0(QTestState, 1);
    const char *bin = qtest_qemu_binary(var);
    pid_t parent = getpid();
    g_autofree char *command = NULL;

    s->fd = s->qmp_fd = -1;
    s->qemu_pid = -1;
    s->rx = g_string_new(NULL);
    g_queue_init(&s->pending_events);
    s->socket_path = g_strdup_printf("%s/qtest-%d.sock", g_get_tmp_dir(),
                                     parent);
    s->qmp_socket_path = g_strdup_printf("%s/qtest-%d.qmp", g_get_tmp_dir(),
                                         parent);
    s->sock = qtest_socket_server(s->socket_path);
    s->qmp_sock = qtest_socket_server(s->qmp_socket_path);

    command = qtest_build_command(s, bin, extra_args);
    g_test_message("starting QEMU: %s", command);

    qtest_add_abrt_handler(qtest_kill_qemu_hook, s);
    s->qemu_pid = fork();
    if (s->qemu_pid == 0) {
        qtest_exec_child(command, parent);
    }
    if (s->qemu_pid < 0) {
        qtest_fail("fork: %s", g_strerror(errno));
    }
    return s;
}

static void qtest_unlink_sockets(QTestState *s)
{
    unlink(s->socket_path);
    unlink(s->qmp_socket_path);
}

static void qtest_describe_exit(QTestState *s, GString *out)
{
    if (WIFEXITED(s->wstatus)) {
        g_string_append_printf(out, "exit status %d",
                               WEXITSTATUS(s->wstatus));
    } else if (WIFSIGNALED(s->wstatus)) {
        g_string_append_printf(out, "signal %d", WTERMSIG(s->wstatus));
    }
}

/*
 * Accept QEMU's connection on *@sock and close the listening socket.
 * Waits at most QTEST_SOCKET_TIMEOUT_S, but gives up at once when QEMU
 * exits first (bad arguments, say).
 */
static int qtest_accept(QTestState *s, int *sock, const char *path)
{
    struct timeval timeout = { .tv_sec = QTEST_SOCKET_TIMEOUT_S };
    gint64 deadline = g_get_monotonic_time() +
                      QTEST_SOCKET_TIMEOUT_S * G_TIME_SPAN_SECOND;
    int fd = -1;

    /* Linux copies this to the accepted socket: replies time out too. */
    setsockopt(*sock, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof(timeout));
    while (fd < 0) {
        struct pollfd pfd = { .fd = *sock, .events = POLLIN };
        int ret = poll(&pfd, 1, 100);

        if (ret < 0 && errno != EINTR) {
            qtest_unlink_sockets(s);
            qtest_fail("poll: %s", g_strerror(errno));
        }
        if (ret > 0) {
            fd = accept4(*sock, NULL, NULL, SOCK_CLOEXEC);
            if (fd < 0 && errno != EINTR && errno != EAGAIN) {
                qtest_unlink_sockets(s);
                qtest_fail("accept on %s: %s", path, g_strerror(errno));
            }
            continue;
        }
        if (!qtest_probe_child(s)) {
            g_autoptr(GString) why = g_string_new(NULL);

            qtest_describe_exit(s, why);
            qtest_unlink_sockets(s);
            qtest_fail("QEMU exited (%s) before connecting to %s",
                       why->str, path);
        }
        if (g_get_monotonic_time() >= deadline) {
            qtest_unlink_sockets(s);
            qtest_fail("QEMU did not connect to %s within %d s",
                       path, QTEST_SOCKET_TIMEOUT_S);
        }
    }
    close(*sock);
    *sock = -1;
    return fd;
}

/* The qtest line protocol */

static G_GNUC_PRINTF(2, 0) void qtest_vsendf(QTestState *s, const char *fmt,
                                             va_list ap)
{
    g_autofree char *line = NULL;

    g_free(s->last_cmd);
    s->last_cmd = g_strdup_vprintf(fmt, ap);
    line = g_strconcat(s->last_cmd, "\n", NULL);
    qmp_fd_write(s->fd, line, strlen(line));
}

static G_GNUC_PRINTF(2, 3) void qtest_sendf(QTestState *s, const char *fmt,
                                            ...)
{
    va_list ap;

    va_start(ap, fmt);
    qtest_vsendf(s, fmt, ap);
    va_end(ap);
}

/* The next line from QEMU, without its newline. */
static char *qtest_read_line(QTestState *s)
{
    char *eol;
    char *line;

    while (!(eol = memchr(s->rx->str, '\n', s->rx->len))) {
        char buf[1024];
        ssize_t len = read(s->fd, buf, sizeof(buf));

        if (len < 0 && errno == EINTR) {
            continue;
        }
        if (len < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
            qtest_fail("no reply from QEMU to '%s' within %d s",
                       s->last_cmd ? s->last_cmd : "", QTEST_SOCKET_TIMEOUT_S);
        }
        if (len <= 0) {
            qtest_fail("Broken pipe");
        }
        g_string_append_len(s->rx, buf, len);
    }
    line = g_strndup(s->rx->str, eol - s->rx->str);
    g_string_erase(s->rx, 0, eol - s->rx->str + 1);
    return line;
}

static void qtest_record_irq(QTestState *s, const char *line)
{
    g_auto(GStrv) words = g_strsplit(line, " ", 0);
    gint64 num;

    if (g_strv_length(words) != 3 ||
        (strcmp(words[1], "raise") != 0 && strcmp(words[1], "lower") != 0) ||
        !g_ascii_string_to_signed(words[2], 10, 0, QTEST_MAX_IRQ - 1,
                                  &num, NULL)) {
        qtest_fail("malformed IRQ line from QEMU: '%s'", line);
    }
    s->irq_level[num] = strcmp(words[1], "raise") == 0;
}

/* The reply to the last command; IRQ lines before it are recorded. */
static char *qtest_read_reply(QTestState *s)
{
    for (;;) {
        char *line = qtest_read_line(s);

        if (!g_str_has_prefix(line, "IRQ ")) {
            return line;
        }
        qtest_record_irq(s, line);
        g_free(line);
    }
}

/* The words of an "OK" reply with at least @expected_args arguments. */
static gchar **qtest_rsp_args(QTestState *s, int expected_args)
{
    g_autofree char *line = qtest_read_reply(s);
    gchar **words = g_strsplit(line, " ", 0);

    if (strcmp(words[0], "OK") != 0 ||
        g_strv_length(words) < expected_args + 1) {
        qtest_fail("qtest command '%s' failed: '%s'", s->last_cmd, line);
    }
    return words;
}

static void qtest_rsp(QTestState *s)
{
    g_strfreev(qtest_rsp_args(s, 0));
}

static uint64_t qtest_parse_u64(QTestState *s, const char *word)
{
    char *end;
    uint64_t val;

    errno = 0;
    val = g_ascii_strtoull(word, &end, 0);
    if (errno != 0 || end == word || *end != '\0') {
        qtest_fail("qtest command '%s': bad number '%s' in reply",
                   s->last_cmd, word);
    }
    return val;
}

static int64_t qtest_parse_i64(QTestState *s, const char *word)
{
    char *end;
    int64_t val;

    errno = 0;
    val = g_ascii_strtoll(word, &end, 10);
    if (errno != 0 || end == word || *end != '\0') {
        qtest_fail("qtest command '%s': bad number '%s' in reply",
                   s->last_cmd, word);
    }
    return val;
}

static bool qtest_query_target_endianness(QTestState *s)
{
    g_auto(GStrv) words = NULL;

    qtest_sendf(s, "endianness");
    words = qtest_rsp_args(s, 1);
    if (strcmp(words[1], "big") == 0) {
        return true;
    }
    if (strcmp(words[1], "little") != 0) {
        qtest_fail("unexpected reply to 'endianness': 'OK %s'", words[1]);
    }
    return false;
}

void qtest_connect(QTestState *s)
{
    s->fd = qtest_accept(s, &s->sock, s->socket_path);
    s->qmp_fd = qtest_accept(s, &s->qmp_sock, s->qmp_socket_path);
    qtest_unlink_sockets(s);

    if (getenv("QTEST_STOP")) {
        fprintf(stderr, "# QEMU pid %d stopped: attach a debugger, then "
                "send it SIGCONT\n", s->qemu_pid);
        kill(s->qemu_pid, SIGSTOP);
    }
    s->big_endian = qtest_query_target_endianness(s);
}

void qtest_qmp_handshake(QTestState *s, QList *capabilities)
{
    QDict *greeting = qtest_qmp_receive(s);
    QDict *rsp;
    QDict *ret;

    if (!qdict_haskey(greeting, "QMP")) {
        g_autofree char *json = qobject_to_json(greeting);

        qtest_fail("expected the QMP greeting, got %s", json);
    }
    qobject_unref(greeting);

    if (capabilities) {
        qtest_qmp_send(s, "{'execute': 'qmp_capabilities', "
                       "'arguments': {'enable': %p}}",
                       qobject_ref(capabilities));
    } else {
        qtest_qmp_send(s, "{'execute': 'qmp_capabilities'}");
    }
    rsp = qtest_qmp_receive(s);
    ret = qobject_to(QDict, qdict_get(rsp, "return"));
    if (!ret || qdict_size(ret) != 0) {
        g_autofree char *json = qobject_to_json(rsp);

        qtest_fail("qmp_capabilities failed: %s", json);
    }
    qobject_unref(rsp);
}

QTestState *qtest_init_with_env_and_capabilities(const char *var,
                                                 const char *extra_args,
                                                 QList *capabilities,
                                                 bool do_connect)
{
    QTestState *s = qtest_spawn_qemu(var, extra_args);

    if (do_connect) {
        qtest_connect(s);
        qtest_qmp_handshake(s, capabilities);
    }
    return s;
}

QTestState *qtest_init_with_env(const char *var, const char *extra_args,
                                bool do_connect)
{
    return qtest_init_with_env_and_capabilities(var, extra_args, NULL,
                                                do_connect);
}

QTestState *qtest_init_without_qmp_handshake(const char *extra_args)
{
    QTestState *s = qtest_spawn_qemu(NULL, extra_args);

    qtest_connect(s);
    return s;
}

QTestState *qtest_init(const char *extra_args)
{
    return qtest_init_with_env(NULL, extra_args, true);
}

QTestState *qtest_vinitf(const char *fmt, va_list ap)
{
    g_autofree char *args = g_strdup_vprintf(fmt, ap);

    return qtest_init(args);
}

QTestState *qtest_initf(const char *fmt, ...)
{
    va_list ap;
    QTestState *s;

    va_start(ap, fmt);
    s = qtest_vinitf(fmt, ap);
    va_end(ap);
    return s;
}

/* Shutting down */

pid_t qtest_pid(QTestState *s)
{
    return s->qemu_pid;
}

bool qtest_probe_child(QTestState *s)
{
    pid_t pid;

    if (s->qemu_pid == -1) {
        return false;
    }
    do {
        pid = waitpid(s->qemu_pid, &s->wstatus, WNOHANG);
    } while (pid < 0 && errno == EINTR);
    if (pid == 0) {
        return true;
    }
    s->qemu_pid = -1;
    qtest_remove_abrt_handler(s);
    return false;
}

void qtest_set_expected_status(QTestState *s, int status)
{
    s->expected_status = status;
}

static void qtest_check_exit_status(QTestState *s)
{
    int status = s->wstatus;

    if (WIFEXITED(status) && WEXITSTATUS(status) != s->expected_status) {
        qtest_fail("kill_qemu() tried to terminate QEMU process but "
                   "encountered exit status %d (expected %d)",
                   WEXITSTATUS(status), s->expected_status);
    }
    if (WIFSIGNALED(status)) {
        qtest_fail("kill_qemu() detected QEMU death from signal %d (%s)%s",
                   WTERMSIG(status), strsignal(WTERMSIG(status)),
                   WCOREDUMP(status) ? " (core dumped)" : "");
    }
}

void qtest_wait_qemu(QTestState *s)
{
    if (s->qemu_pid != -1) {
        gint64 deadline = g_get_monotonic_time() +
                          QTEST_WAITPID_TIMEOUT_S * G_TIME_SPAN_SECOND;
        gulong delay_us = 1000;
        pid_t pid;

        for (;;) {
            pid = waitpid(s->qemu_pid, &s->wstatus, WNOHANG);
            if (pid < 0 && errno == EINTR) {
                continue;
            }
            if (pid != 0) {
                break;
            }
            if (g_get_monotonic_time() >= deadline) {
                kill(s->qemu_pid, SIGKILL);
                do {
                    pid = waitpid(s->qemu_pid, &s->wstatus, 0);
                } while (pid < 0 && errno == EINTR);
                break;
            }
            g_usleep(delay_us);
            delay_us = MIN(delay_us * 2, 50000);
        }
        if (pid != s->qemu_pid) {
            qtest_fail("waitpid(%d): %s", s->qemu_pid, g_strerror(errno));
        }
        s->qemu_pid = -1;
    }
    qtest_check_exit_status(s);
}

void qtest_kill_qemu(QTestState *s)
{
    if (s->qemu_pid != -1) {
        kill(s->qemu_pid, SIGTERM);
    }
    qtest_wait_qemu(s);
}

void qtest_quit(QTestState *s)
{
    int fds[] = { s->fd, s->qmp_fd, s->sock, s->qmp_sock };

    qtest_remove_abrt_handler(s);
    qtest_kill_qemu(s);

    if (s->sock >= 0 || s->qmp_sock >= 0) {
        /* Never connected: the socket files are still ours. */
        qtest_unlink_sockets(s);
    }
    for (int i = 0; i < ARRAY_SIZE(fds); i++) {
        if (fds[i] >= 0) {
            close(fds[i]);
        }
    }
    g_string_free(s->rx, TRUE);
    g_queue_clear_full(&s->pending_events, (GDestroyNotify)qobject_unref);
    g_free(s->last_cmd);
    g_free(s->socket_path);
    g_free(s->qmp_socket_path);
    g_free(s);
}

/* QMP */

void qtest_qmp_vsend_fds(QTestState *s, int *fds, size_t fds_num,
                         const char *fmt, va_list ap)
{
    qmp_fd_vsend_fds(s->qmp_fd, fds, fds_num, fmt, ap);
}

void qtest_qmp_vsend(QTestState *s, const char *fmt, va_list ap)
{
    qmp_fd_vsend(s->qmp_fd, fmt, ap);
}

void qtest_qmp_send(QTestState *s, const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    qtest_qmp_vsend(s, fmt, ap);
    va_end(ap);
}

void qtest_qmp_send_raw(QTestState *s, const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    qmp_fd_vsend_raw(s->qmp_fd, fmt, ap);
    va_end(ap);
}

QDict *qtest_qmp_receive_dict(QTestState *s)
{
    return qmp_fd_receive(s->qmp_fd);
}

QDict *qtest_qmp_receive(QTestState *s)
{
    for (;;) {
        QDict *msg = qtest_qmp_receive_dict(s);
        const char *event = qdict_get_try_str(msg, "event");

        if (!event) {
            return msg;
        }
        if (s->event_cb && s->event_cb(s, event, msg, s->event_data)) {
            qobject_unref(msg);
        } else {
            g_queue_push_tail(&s->pending_events, msg);
        }
    }
}

QDict *qtest_vqmp_fds(QTestState *s, int *fds, size_t fds_num,
                      const char *fmt, va_list ap)
{
    qtest_qmp_vsend_fds(s, fds, fds_num, fmt, ap);
    return qtest_qmp_receive(s);
}

QDict *qtest_vqmp(QTestState *s, const char *fmt, va_list ap)
{
    qtest_qmp_vsend(s, fmt, ap);
    return qtest_qmp_receive(s);
}

QDict *qtest_qmp_fds(QTestState *s, int *fds, size_t fds_num,
                     const char *fmt, ...)
{
    va_list ap;
    QDict *rsp;

    va_start(ap, fmt);
    rsp = qtest_vqmp_fds(s, fds, fds_num, fmt, ap);
    va_end(ap);
    return rsp;
}

QDict *qtest_qmp(QTestState *s, const char *fmt, ...)
{
    va_list ap;
    QDict *rsp;

    va_start(ap, fmt);
    rsp = qtest_vqmp(s, fmt, ap);
    va_end(ap);
    return rsp;
}

void qtest_qmp_set_event_callback(QTestState *s, QTestQMPEventCallback cb,
                                  void *opaque)
{
    s->event_cb = cb;
    s->event_data = opaque;
}

static bool qtest_is_event(QDict *msg, const char *event)
{
    const char *name = qdict_get_try_str(msg, "event");

    return name && strcmp(name, event) == 0;
}

QDict *qtest_qmp_event_ref(QTestState *s, const char *event)
{
    for (GList *l = s->pending_events.head; l; l = l->next) {
        QDict *msg = l->data;

        if (qtest_is_event(msg, event)) {
            g_queue_delete_link(&s->pending_events, l);
            return msg;
        }
    }
    return NULL;
}

QDict *qtest_qmp_eventwait_ref(QTestState *s, const char *event)
{
    QDict *msg = qtest_qmp_event_ref(s, event);

    while (!msg) {
        msg = qtest_qmp_receive_dict(s);
        if (!qtest_is_event(msg, event)) {
            qobject_unref(msg);
            msg = NULL;
        }
    }
    return msg;
}

void qtest_qmp_eventwait(QTestState *s, const char *event)
{
    qobject_unref(qtest_qmp_eventwait_ref(s, event));
}

/* Fail unless @rsp is a success reply; @what names the command. */
static void qtest_require_return(QDict *rsp, const char *what)
{
    if (!qdict_haskey(rsp, "return") || qdict_haskey(rsp, "error")) {
        g_autofree char *json = qobject_to_json_pretty(rsp, true);

        qtest_fail("QMP command %s failed: %s", what, json);
    }
}

QDict *qtest_vqmp_assert_success_ref(QTestState *s, const char *fmt,
                                     va_list ap)
{
    QDict *rsp = qtest_vqmp(s, fmt, ap);
    QDict *ret;

    qtest_require_return(rsp, fmt);
    ret = qobject_to(QDict, qdict_get(rsp, "return"));
    if (ret) {
        qobject_ref(ret);
    }
    qobject_unref(rsp);
    return ret;
}

QDict *qtest_qmp_assert_success_ref(QTestState *s, const char *fmt, ...)
{
    va_list ap;
    QDict *ret;

    va_start(ap, fmt);
    ret = qtest_vqmp_assert_success_ref(s, fmt, ap);
    va_end(ap);
    return ret;
}

void qtest_vqmp_assert_success(QTestState *s, const char *fmt, va_list ap)
{
    QDict *ret = qtest_vqmp_assert_success_ref(s, fmt, ap);

    if (ret) {
        qobject_unref(ret);
    }
}

void qtest_qmp_assert_success(QTestState *s, const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    qtest_vqmp_assert_success(s, fmt, ap);
    va_end(ap);
}

char *qtest_vhmp(QTestState *s, const char *fmt, va_list ap)
{
    g_autofree char *cmd = g_strdup_vprintf(fmt, ap);
    QDict *rsp = qtest_qmp(s, "{'execute': 'human-monitor-command', "
                           "'arguments': {'command-line': %s}}", cmd);
    const char *out = qdict_get_try_str(rsp, "return");
    char *ret;

    if (!out) {
        g_autofree char *json = qobject_to_json(rsp);

        qtest_fail("human-monitor-command '%s' failed: %s", cmd, json);
    }
    ret = g_strdup(out);
    qobject_unref(rsp);
    return ret;
}

char *qtest_hmp(QTestState *s, const char *fmt, ...)
{
    va_list ap;
    char *ret;

    va_start(ap, fmt);
    ret = qtest_vhmp(s, fmt, ap);
    va_end(ap);
    return ret;
}

void qtest_system_reset_nowait(QTestState *s)
{
    qtest_qmp_assert_success(s, "{'execute': 'system_reset'}");
}

void qtest_system_reset(QTestState *s)
{
    qtest_system_reset_nowait(s);
    qtest_qmp_eventwait(s, "RESET");
}

/*
 * Poll query-migrate until the migration has completed or failed, for
 * @timeout_s seconds at most.  Returns NULL when it completed, else its
 * error description (newly allocated).
 */
static char *qtest_migrate_poll(QTestState *s, int timeout_s)
{
    gint64 deadline = g_get_monotonic_time() + timeout_s * G_USEC_PER_SEC;
    char *error_desc = NULL;

    for (;;) {
        QDict *rsp = qtest_qmp_assert_success_ref(s, "{'execute': "
                                                  "'query-migrate'}");
        const char *status = qdict_get_try_str(rsp, "status");
        bool done = status && (!strcmp(status, "completed") ||
                               !strcmp(status, "failed") ||
                               !strcmp(status, "cancelled"));

        if (done && strcmp(status, "completed") != 0) {
            const char *desc = qdict_get_try_str(rsp, "error-desc");

            error_desc = g_strdup(desc ? desc : status);
        }
        qobject_unref(rsp);
        if (done) {
            return error_desc;
        }
        g_assert(g_get_monotonic_time() < deadline);
        g_usleep(5000);
    }
}

QTestState *qtest_init_incoming_stream(const char *extra_args,
                                       const void *data, size_t len,
                                       char **error_desc)
{
    g_autofree char *path = g_strdup_printf("%s/qtest-%d-incoming.mig",
                                            g_get_tmp_dir(), getpid());
    g_autofree char *uri = g_strdup_printf("exec:cat %s", path);
    QTestState *qts;

    g_assert(g_file_set_contents(path, data, len, NULL));
    qts = qtest_initf("%s -incoming defer", extra_args);
    if (qtest_clock_is_driven()) {
        qtest_qmp_assert_success(qts, "{'execute': 'migrate-incoming', "
                                 "'arguments': {'uri': %s, "
                                 "'exit-on-error': false}}", uri);
    } else {
        qtest_qmp_assert_success(qts, "{'execute': 'migrate-incoming', "
                                 "'arguments': {'uri': %s}}", uri);
    }
    *error_desc = qtest_migrate_poll(qts, 30);
    unlink(path);
    return qts;
}

void qtest_migrate_wait(QTestState *s)
{
    g_autofree char *error_desc = qtest_migrate_poll(s, 60);

    if (error_desc) {
        g_test_message("migration did not complete: %s", error_desc);
    }
    g_assert_null(error_desc);
}

void qtest_wait_runstate(QTestState *s, const char *want)
{
    gint64 deadline = g_get_monotonic_time() + 60 * G_USEC_PER_SEC;

    for (;;) {
        QDict *rsp = qtest_qmp_assert_success_ref(s, "{'execute': "
                                                  "'query-status'}");
        bool done = !strcmp(qdict_get_str(rsp, "status"), want);

        qobject_unref(rsp);
        if (done) {
            return;
        }
        g_assert_cmpint(g_get_monotonic_time(), <, deadline);
        g_usleep(5000);
    }
}

char *qtest_migrate_save(QTestState *s, gsize *len)
{
    g_autofree char *path = g_strdup_printf("%s/qtest-%d-outgoing.mig",
                                            g_get_tmp_dir(), getpid());
    g_autofree char *uri = g_strdup_printf("exec:cat > %s", path);
    char *data = NULL;

    qtest_qmp_assert_success(s, "{'execute': 'migrate', "
                             "'arguments': {'uri': %s}}", uri);
    qtest_migrate_wait(s);
    qtest_quit(s);
    g_assert(g_file_get_contents(path, &data, len, NULL));
    unlink(path);
    return data;
}

/* Migration streams, in the format of QEMU's savevm.c (version 3). */

#define QTEST_STREAM_MAGIC          0x5145564d  /* "QEVM" */
#define QTEST_STREAM_VERSION        3
#define QTEST_STREAM_EOF            0x00
#define QTEST_STREAM_SECTION_FULL   0x04
#define QTEST_STREAM_SUBSECTION     0x05
#define QTEST_STREAM_VMDESCRIPTION  0x06
#define QTEST_STREAM_CONFIGURATION  0x07
#define QTEST_STREAM_SECTION_FOOTER 0x7e

GByteArray *qtest_stream_new(const char *machine_type)
{
    GByteArray *b = g_byte_array_new();

    qtest_stream_put_be32(b, QTEST_STREAM_MAGIC);
    qtest_stream_put_be32(b, QTEST_STREAM_VERSION);
    qtest_stream_put_byte(b, QTEST_STREAM_CONFIGURATION);
    qtest_stream_put_be32(b, strlen(machine_type));
    g_byte_array_append(b, (const uint8_t *)machine_type,
                        strlen(machine_type));
    qtest_stream_subsection_start(b, "configuration/target-page-bits", 1);
    qtest_stream_put_be32(b, 12);
    return b;
}

void qtest_stream_put_byte(GByteArray *b, uint8_t v)
{
    g_byte_array_append(b, &v, 1);
}

void qtest_stream_put_be32(GByteArray *b, uint32_t v)
{
    uint8_t bytes[4] = { v >> 24, v >> 16, v >> 8, v };

    g_byte_array_append(b, bytes, 4);
}

void qtest_stream_put_be64(GByteArray *b, uint64_t v)
{
    qtest_stream_put_be32(b, v >> 32);
    qtest_stream_put_be32(b, v);
}

void qtest_stream_put_str(GByteArray *b, const char *str)
{
    size_t len = strlen(str);

    g_assert_cmpuint(len, <=, UINT8_MAX);
    qtest_stream_put_byte(b, len);
    g_byte_array_append(b, (const uint8_t *)str, len);
}

void qtest_stream_section_start(GByteArray *b, uint32_t section_id,
                                const char *idstr, uint32_t instance,
                                uint32_t version)
{
    qtest_stream_put_byte(b, QTEST_STREAM_SECTION_FULL);
    qtest_stream_put_be32(b, section_id);
    qtest_stream_put_str(b, idstr);
    qtest_stream_put_be32(b, instance);
    qtest_stream_put_be32(b, version);
}

void qtest_stream_subsection_start(GByteArray *b, const char *name,
                                   uint32_t version)
{
    qtest_stream_put_byte(b, QTEST_STREAM_SUBSECTION);
    qtest_stream_put_str(b, name);
    qtest_stream_put_be32(b, version);
}

void qtest_stream_section_end(GByteArray *b, uint32_t section_id)
{
    qtest_stream_put_byte(b, QTEST_STREAM_SECTION_FOOTER);
    qtest_stream_put_be32(b, section_id);
}

void qtest_stream_finish(GByteArray *b)
{
    qtest_stream_put_byte(b, QTEST_STREAM_EOF);
    qtest_stream_put_byte(b, QTEST_STREAM_VMDESCRIPTION);
    qtest_stream_put_be32(b, 2);
    g_byte_array_append(b, (const uint8_t *)"{}", 2);
}

const uint8_t *qtest_stream_find_section(const void *data, size_t len,
                                         const void *head, size_t head_len)
{
    const uint8_t *bytes = data;
    size_t i;

    /* A full section: its type byte and 4-byte id, then @head. */
    for (i = 5; i + head_len <= len; i++) {
        if (bytes[i - 5] == QTEST_STREAM_SECTION_FULL &&
            !memcmp(bytes + i, head, head_len)) {
            return bytes + i;
        }
    }
    return NULL;
}

char *qtest_qom_find_child_of_type(QTestState *s, const char *path,
                                   const char *type)
{
    QDict *resp = qtest_qmp(s, "{'execute': 'qom-list', "
                            "'arguments': {'path': %s}}", path);
    QList *props = qdict_get_qlist(resp, "return");
    g_autofree char *want = g_strdup_printf("child<%s>", type);
    char *found = NULL;
    size_t i;

    for (i = 0; i < qlist_size(props) && !found; i++) {
        QDict *prop = qobject_to(QDict, qlist_get(props, i));
        const char *ptype = qdict_get_str(prop, "type");
        g_autofree char *child = NULL;

        if (!g_str_has_prefix(ptype, "child<")) {
            continue;
        }
        child = g_strdup_printf("%s/%s", path, qdict_get_str(prop, "name"));
        if (!strcmp(ptype, want)) {
            found = g_steal_pointer(&child);
        } else {
            found = qtest_qom_find_child_of_type(s, child, type);
        }
    }
    qobject_unref(resp);
    return found;
}

bool qtest_qom_get_bool(QTestState *s, const char *path,
                        const char *property)
{
    QDict *rsp = qtest_qmp(s, "{'execute': 'qom-get', 'arguments': "
                           "{'path': %s, 'property': %s}}", path, property);
    QBool *ret = qobject_to(QBool, qdict_get(rsp, "return"));
    bool value;

    if (!ret) {
        g_autofree char *json = qobject_to_json(rsp);

        qtest_fail("qom-get %s %s: no boolean in %s", path, property, json);
    }
    value = qbool_get_bool(ret);
    qobject_unref(rsp);
    return value;
}

void qtest_qom_set_bool(QTestState *s, const char *path,
                        const char *property, bool value)
{
    QDict *args = qdict_new();

    qdict_put_str(args, "path", path);
    qdict_put_str(args, "property", property);
    qdict_put_bool(args, "value", value);
    qtest_qmp_assert_success(s, "{'execute': 'qom-set', 'arguments': %p}",
                             args);
}

void qtest_qmp_device_add_qdict(QTestState *s, const char *drv,
                                const QDict *arguments)
{
    QDict *args = arguments ? json_copy((QDict *)arguments) : qdict_new();
    QDict *rsp;

    g_assert(!qdict_haskey(args, "driver"));
    qdict_put_str(args, "driver", drv);
    rsp = qtest_qmp(s, "{'execute': 'device_add', 'arguments': %p}", args);
    qtest_require_return(rsp, "device_add");
    qobject_unref(rsp);
}

void qtest_qmp_device_add(QTestState *s, const char *driver, const char *id,
                          const char *fmt, ...)
{
    va_list ap;
    QDict *args;

    va_start(ap, fmt);
    args = qdict_from_vjsonf_nofail(fmt, ap);
    va_end(ap);
    g_assert(!qdict_haskey(args, "id"));
    qdict_put_str(args, "id", id);
    qtest_qmp_device_add_qdict(s, driver, args);
    qobject_unref(args);
}

void qtest_qmp_device_del_send(QTestState *s, const char *id)
{
    QDict *rsp = qtest_qmp(s, "{'execute': 'device_del', "
                           "'arguments': {'id': %s}}", id);

    qtest_require_return(rsp, "device_del");
    qobject_unref(rsp);
}

void qtest_qmp_device_del(QTestState *s, const char *id)
{
    qtest_qmp_device_del_send(s, id);
    qtest_qmp_eventwait(s, "DEVICE_DELETED");
}

void qtest_qmp_add_client(QTestState *s, const char *protocol, int fd)
{
    QDict *rsp = qtest_qmp_fds(s, &fd, 1, "{'execute': 'getfd', "
                               "'arguments': {'fdname': 'fdname'}}");

    qtest_require_return(rsp, "getfd");
    qobject_unref(rsp);
    rsp = qtest_qmp(s, "{'execute': 'add_client', 'arguments': "
                    "{'protocol': %s, 'fdname': 'fdname'}}", protocol);
    qtest_require_return(rsp, "add_client");
    qobject_unref(rsp);
}

/* qtest commands */

void qtest_module_load(QTestState *s, const char *prefix,
                       const char *libname)
{
    qtest_sendf(s, "module_load %s %s", prefix, libname);
    qtest_rsp(s);
}

bool qtest_get_irq(QTestState *s, int num)
{
    g_assert_cmpint(num, >=, 0);
    g_assert_cmpint(num, <, QTEST_MAX_IRQ);
    /* Any command will do: IRQ lines sent before its reply get read. */
    qtest_inb(s, 0);
    return s->irq_level[num];
}

void qtest_irq_intercept_in(QTestState *s, const char *qom_path)
{
    qtest_sendf(s, "irq_intercept_in %s", qom_path);
    qtest_rsp(s);
}

void qtest_irq_intercept_out(QTestState *s, const char *qom_path)
{
    qtest_sendf(s, "irq_intercept_out %s", qom_path);
    qtest_rsp(s);
}

void qtest_irq_intercept_out_named(QTestState *s, const char *qom_path,
                                   const char *name)
{
    qtest_sendf(s, "irq_intercept_out %s %s", qom_path, name);
    qtest_rsp(s);
}

void qtest_set_irq_in(QTestState *s, const char *qom_path, const char *name,
                      int irq, int level)
{
    qtest_sendf(s, "set_irq_in %s %s %d %d", qom_path, name, irq, level);
    qtest_rsp(s);
}

static void qtest_out(QTestState *s, const char *cmd, uint16_t addr,
                      uint32_t value)
{
    qtest_sendf(s, "%s 0x%x 0x%x", cmd, addr, value);
    qtest_rsp(s);
}

void qtest_outb(QTestState *s, uint16_t addr, uint8_t value)
{
    qtest_out(s, "outb", addr, value);
}

void qtest_outw(QTestState *s, uint16_t addr, uint16_t value)
{
    qtest_out(s, "outw", addr, value);
}

void qtest_outl(QTestState *s, uint16_t addr, uint32_t value)
{
    qtest_out(s, "outl", addr, value);
}

static uint64_t qtest_rsp_value(QTestState *s)
{
    g_auto(GStrv) words = qtest_rsp_args(s, 1);

    return qtest_parse_u64(s, words[1]);
}

static uint32_t qtest_in(QTestState *s, const char *cmd, uint16_t addr)
{
    qtest_sendf(s, "%s 0x%x", cmd, addr);
    return qtest_rsp_value(s);
}

uint8_t qtest_inb(QTestState *s, uint16_t addr)
{
    return qtest_in(s, "inb", addr);
}

uint16_t qtest_inw(QTestState *s, uint16_t addr)
{
    return qtest_in(s, "inw", addr);
}

uint32_t qtest_inl(QTestState *s, uint16_t addr)
{
    return qtest_in(s, "inl", addr);
}

static void qtest_write(QTestState *s, const char *cmd, uint64_t addr,
                        uint64_t value)
{
    qtest_sendf(s, "%s 0x%" PRIx64 " 0x%" PRIx64, cmd, addr, value);
    qtest_rsp(s);
}

void qtest_writeb(QTestState *s, uint64_t addr, uint8_t value)
{
    qtest_write(s, "writeb", addr, value);
}

void qtest_writew(QTestState *s, uint64_t addr, uint16_t value)
{
    qtest_write(s, "writew", addr, value);
}

void qtest_writel(QTestState *s, uint64_t addr, uint32_t value)
{
    qtest_write(s, "writel", addr, value);
}

void qtest_writeq(QTestState *s, uint64_t addr, uint64_t value)
{
    qtest_write(s, "writeq", addr, value);
}

static uint64_t qtest_read(QTestState *s, const char *cmd, uint64_t addr)
{
    qtest_sendf(s, "%s 0x%" PRIx64, cmd, addr);
    return qtest_rsp_value(s);
}

uint8_t qtest_readb(QTestState *s, uint64_t addr)
{
    return qtest_read(s, "readb", addr);
}

uint16_t qtest_readw(QTestState *s, uint64_t addr)
{
    return qtest_read(s, "readw", addr);
}

uint32_t qtest_readl(QTestState *s, uint64_t addr)
{
    return qtest_read(s, "readl", addr);
}

uint64_t qtest_readq(QTestState *s, uint64_t addr)
{
    return qtest_read(s, "readq", addr);
}

void qtest_memread(QTestState *s, uint64_t addr, void *data, size_t size)
{
    uint8_t *bytes = data;
    g_auto(GStrv) words = NULL;
    const char *hex;

    if (size == 0) {
        return;
    }
    qtest_sendf(s, "read 0x%" PRIx64 " 0x%zx", addr, size);
    words = qtest_rsp_args(s, 1);
    hex = words[1];
    if (!g_str_has_prefix(hex, "0x") || strlen(hex) != 2 + 2 * size) {
        qtest_fail("qtest command '%s': bad data '%s' in reply",
                   s->last_cmd, hex);
    }
    for (size_t i = 0; i < size; i++) {
        int hi = g_ascii_xdigit_value(hex[2 + 2 * i]);
        int lo = g_ascii_xdigit_value(hex[3 + 2 * i]);

        if (hi < 0 || lo < 0) {
            qtest_fail("qtest command '%s': bad data '%s' in reply",
                       s->last_cmd, hex);
        }
        bytes[i] = hi << 4 | lo;
    }
}

void qtest_memwrite(QTestState *s, uint64_t addr, const void *data,
                    size_t size)
{
    const uint8_t *bytes = data;
    g_autoptr(GString) hex = NULL;

    if (size == 0) {
        return;
    }
    hex = g_string_sized_new(2 * size + 1);
    for (size_t i = 0; i < size; i++) {
        g_string_append_printf(hex, "%02x", bytes[i]);
    }
    qtest_sendf(s, "write 0x%" PRIx64 " 0x%zx 0x%s", addr, size, hex->str);
    qtest_rsp(s);
}

void qtest_bufread(QTestState *s, uint64_t addr, void *data, size_t size)
{
    g_auto(GStrv) words = NULL;
    gsize len;

    if (size == 0) {
        return;
    }
    qtest_sendf(s, "b64read 0x%" PRIx64 " 0x%zx", addr, size);
    words = qtest_rsp_args(s, 1);
    g_base64_decode_inplace(words[1], &len);
    if (len != size) {
        qtest_fail("qtest command '%s': %zu bytes in reply",
                   s->last_cmd, (size_t)len);
    }
    memcpy(data, words[1], size);
}

void qtest_bufwrite(QTestState *s, uint64_t addr, const void *data,
                    size_t size)
{
    g_autofree gchar *b64 = NULL;

    if (size == 0) {
        return;
    }
    b64 = g_base64_encode(data, size);
    qtest_sendf(s, "b64write 0x%" PRIx64 " 0x%zx %s", addr, size, b64);
    qtest_rsp(s);
}

void qtest_memset(QTestState *s, uint64_t addr, uint8_t patt, size_t size)
{
    qtest_sendf(s, "memset 0x%" PRIx64 " 0x%zx 0x%02x", addr, size, patt);
    qtest_rsp(s);
}

static int64_t qtest_clock_rsp(QTestState *s)
{
    g_auto(GStrv) words = qtest_rsp_args(s, 1);

    return qtest_parse_i64(s, words[1]);
}

int64_t qtest_clock_step_next(QTestState *s)
{
    qtest_sendf(s, "clock_step");
    return qtest_clock_rsp(s);
}

int64_t qtest_clock_step(QTestState *s, int64_t step)
{
    qtest_sendf(s, "clock_step %" PRIi64, step);
    return qtest_clock_rsp(s);
}

int64_t qtest_clock_set(QTestState *s, int64_t val)
{
    qtest_sendf(s, "clock_set %" PRIi64, val);
    return qtest_clock_rsp(s);
}

bool qtest_big_endian(QTestState *s)
{
    return s->big_endian;
}

static G_GNUC_PRINTF(2, 0) char *qtest_vraw_line(QTestState *s,
                                                 const char *fmt, va_list ap)
{
    qtest_vsendf(s, fmt, ap);
    return qtest_read_reply(s);
}

char *qtest_raw_line(QTestState *s, const char *fmt, ...)
{
    va_list ap;
    char *line;

    va_start(ap, fmt);
    line = qtest_vraw_line(s, fmt, ap);
    va_end(ap);
    return line;
}

gchar **qtest_raw_cmd(QTestState *s, const char *fmt, ...)
{
    va_list ap;
    g_autofree char *line = NULL;

    va_start(ap, fmt);
    line = qtest_vraw_line(s, fmt, ap);
    va_end(ap);
    return g_strsplit(line, " ", 0);
}

/* Test registration */

static char *qtest_test_path(const char *str)
{
    return g_strdup_printf("/%s/%s", qtest_get_arch(),
                           str[0] == '/' ? str + 1 : str);
}

void qtest_add_func(const char *str, void (*fn)(void))
{
    g_autofree char *path = qtest_test_path(str);

    g_test_add_func(path, fn);
}

void qtest_add_data_func(const char *str, const void *data,
                         void (*fn)(const void *))
{
    g_autofree char *path = qtest_test_path(str);

    g_test_add_data_func(path, data, fn);
}

void qtest_add_data_func_full(const char *str, void *data,
                              void (*fn)(const void *),
                              GDestroyNotify data_free_func)
{
    g_autofree char *path = qtest_test_path(str);

    g_test_add_data_func_full(path, data, fn, data_free_func);
}

/* What the binary offers, asked of a "-machine none" instance */

static GArray *qtest_get_machines(const char *var)
{
    const char *bin = qtest_qemu_binary(var);
    GArray *machines;
    QTestState *qts;
    QDict *rsp;
    QList *list;
    QObject *entry;
    size_t i;

    if (!qtest_machine_cache) {
        qtest_machine_cache = g_hash_table_new(g_str_hash, g_str_equal);
    }
    machines = g_hash_table_lookup(qtest_machine_cache, bin);
    if (machines) {
        return machines;
    }

    qts = qtest_init_with_env(var, "-machine none", true);
    rsp = qtest_qmp(qts, "{'execute': 'query-machines'}");
    qtest_require_return(rsp, "query-machines");
    list = qobject_to(QList, qdict_get(rsp, "return"));
    g_assert(list);
    machines = g_array_new(FALSE, TRUE, sizeof(QTestMachine));
    QLIST_FOREACH_ENTRY_IDX(list, i, entry) {
        QDict *info = qobject_to(QDict, entry);
        QTestMachine m;

        g_assert(info && qdict_get_try_str(info, "name"));
        m.name = g_strdup(qdict_get_try_str(info, "name"));
        m.alias = g_strdup(qdict_get_try_str(info, "alias"));
        g_array_append_val(machines, m);
    }
    qobject_unref(rsp);
    qtest_quit(qts);

    g_hash_table_insert(qtest_machine_cache, g_strdup(bin), machines);
    return machines;
}

/*
 * Split "pc-i440fx-7.2" into the family length (of "pc-i440fx") and the
 * version numbers; false for names without a version suffix.
 */
static bool qtest_machine_version(const char *name, size_t *family_len,
                                  guint64 version[3])
{
    const char *dash = strrchr(name, '-');
    g_auto(GStrv) parts = NULL;

    if (!dash || !strchr(dash, '.')) {
        return false;
    }
    parts = g_strsplit(dash + 1, ".", 0);
    if (g_strv_length(parts) > 3) {
        return false;
    }
    memset(version, 0, 3 * sizeof(version[0]));
    for (int i = 0; parts[i]; i++) {
        if (!g_ascii_string_to_unsigned(parts[i], 10, 0, G_MAXUINT32,
                                        &version[i], NULL)) {
            return false;
        }
    }
    *family_len = dash - name;
    return true;
}

/*
 * Old means that the same family has a newer version in this binary.
 * (Deciding from the binary rather than from our own version keeps the
 * answer right for an older reference QEMU too.)
 */
static bool qtest_is_old_versioned_machine(GArray *machines,
                                           const char *name)
{
    guint64 version[3];
    size_t family_len;

    if (!qtest_machine_version(name, &family_len, version)) {
        return false;
    }
    for (guint i = 0; i < machines->len; i++) {
        const char *other = g_array_index(machines, QTestMachine, i).name;
        guint64 other_version[3];
        size_t other_len;

        if (!qtest_machine_version(other, &other_len, other_version) ||
            other_len != family_len ||
            strncmp(other, name, family_len) != 0) {
            continue;
        }
        for (int j = 0; j < 3; j++) {
            if (other_version[j] != version[j]) {
                if (other_version[j] > version[j]) {
                    return true;
                }
                break;
            }
        }
    }
    return false;
}

void qtest_cb_for_every_machine(void (*cb)(const char *machine),
                                bool skip_old_versioned)
{
    GArray *machines = qtest_get_machines(NULL);

    for (guint i = 0; i < machines->len; i++) {
        const char *name = g_array_index(machines, QTestMachine, i).name;

        if (g_str_has_prefix(name, "xenfv") ||
            g_str_has_prefix(name, "xenpv")) {
            continue;
        }
        if (skip_old_versioned &&
            qtest_is_old_versioned_machine(machines, name)) {
            continue;
        }
        cb(name);
    }
}

char *qtest_resolve_machine_alias(const char *var, const char *alias)
{
    GArray *machines = qtest_get_machines(var);

    for (guint i = 0; i < machines->len; i++) {
        QTestMachine *m = &g_array_index(machines, QTestMachine, i);

        if (m->alias && strcmp(m->alias, alias) == 0) {
            return g_strdup(m->name);
        }
    }
    return NULL;
}

bool qtest_has_machine_with_env(const char *var, const char *machine)
{
    GArray *machines = qtest_get_machines(var);

    for (guint i = 0; i < machines->len; i++) {
        QTestMachine *m = &g_array_index(machines, QTestMachine, i);

        if (strcmp(m->name, machine) == 0 ||
            (m->alias && strcmp(m->alias, machine) == 0)) {
            return true;
        }
    }
    return false;
}

bool qtest_has_machine(const char *machine)
{
    return qtest_has_machine_with_env(NULL, machine);
}

/* Whether qom-list-types lists @type among the types implementing @iface. */
static bool qtest_has_type(const char *iface, const char *type)
{
    g_autofree char *key = g_strdup_printf("%s:%s", qtest_qemu_binary(NULL),
                                           iface);
    QList *types;
    QObject *entry;
    size_t i;

    if (!qtest_type_cache) {
        qtest_type_cache = g_hash_table_new(g_str_hash, g_str_equal);
    }
    types = g_hash_table_lookup(qtest_type_cache, key);
    if (!types) {
        QTestState *qts = qtest_init("-machine none");
        QDict *rsp = qtest_qmp(qts, "{'execute': 'qom-list-types', "
                               "'arguments': {'implements': %s, "
                               "'abstract': false}}", iface);

        qtest_require_return(rsp, "qom-list-types");
        types = qobject_to(QList, qdict_get(rsp, "return"));
        g_assert(types);
        qobject_ref(types);
        qobject_unref(rsp);
        qtest_quit(qts);
        g_hash_table_insert(qtest_type_cache, g_steal_pointer(&key), types);
    }

    QLIST_FOREACH_ENTRY_IDX(types, i, entry) {
        QDict *info = qobject_to(QDict, entry);
        const char *name = info ? qdict_get_try_str(info, "name") : NULL;

        if (name && strcmp(name, type) == 0) {
            return true;
        }
    }
    return false;
}

bool qtest_has_device(const char *device)
{
    return qtest_has_type("device", device);
}

bool qtest_has_accel(const char *accel_name)
{
    g_autofree char *type = g_strdup_printf("%s-accel", accel_name);

    if (!qtest_has_type("accel", type)) {
        return false;
    }
    if (strcmp(accel_name, "kvm") == 0) {
        return access("/dev/kvm", R_OK | W_OK) == 0;
    }
    return true;
}
