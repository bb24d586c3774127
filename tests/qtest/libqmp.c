/*
 * QMP client for tests: send commands and read replies over a socket.
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include "qemu/osdep.h"

#include <sys/socket.h>
#include <sys/uio.h>

#include "qapi/error.h"
#include "qobject/qjson.h"
#include "libqmp.h"

/* The streamer stops us at the first complete value; it lands here. */
typedef struct QMPReceiver {
    QObject *msg;
} QMPReceiver;

static bool qmp_log_enabled(void)
{
    return getenv("QTEST_LOG") != NULL;
}

void qtest_fail(const char *fmt, ...)
{
    va_list ap;
    char *msg;

    va_start(ap, fmt);
    msg = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    g_assertion_message(G_LOG_DOMAIN, __FILE__, __LINE__, G_STRFUNC, msg);
    /* Only reached when the test asked for non-fatal assertions. */
    abort();
}

static void qmp_report_io_error(const char *what, int err)
{
    if (err == EPIPE || err == ECONNRESET) {
        qtest_fail("Broken pipe");
    }
    if (err == EAGAIN || err == EWOULDBLOCK) {
        qtest_fail("%s: timed out waiting for QEMU", what);
    }
    qtest_fail("%s: %s", what, g_strerror(err));
}

void qmp_fd_write(int fd, const void *buf, size_t size)
{
    const char *p = buf;
    bool is_socket = true;

    while (size > 0) {
        ssize_t len;

        if (is_socket) {
            len = send(fd, p, size, MSG_NOSIGNAL);
            if (len < 0 && errno == ENOTSOCK) {
                is_socket = false;
                continue;
            }
        } else {
            len = write(fd, p, size);
        }
        if (len < 0 && errno == EINTR) {
            continue;
        }
        if (len <= 0) {
            qmp_report_io_error("write", len < 0 ? errno : EPIPE);
        }
        p += len;
        size -= len;
    }
}

/* Send @buf with @fds attached to its first byte, then the rest. */
static void qmp_fd_write_fds(int fd, int *fds, size_t fds_num,
                             const char *buf, size_t size)
{
    size_t payload = sizeof(int) * fds_num;
    g_autofree char *control = g_malloc0(CMSG_SPACE(payload));
    struct iovec iov = { .iov_base = (char *)buf, .iov_len = size };
    struct msghdr msg = {
        .msg_iov = &iov,
        .msg_iovlen = 1,
        .msg_control = control,
        .msg_controllen = CMSG_SPACE(payload),
    };
    struct cmsghdr *cmsg = CMSG_FIRSTHDR(&msg);
    ssize_t len;

    cmsg->cmsg_level = SOL_SOCKET;
    cmsg->cmsg_type = SCM_RIGHTS;
    cmsg->cmsg_len = CMSG_LEN(payload);
    memcpy(CMSG_DATA(cmsg), fds, payload);
    do {
        len = sendmsg(fd, &msg, MSG_NOSIGNAL);
    } while (len < 0 && errno == EINTR);
    if (len <= 0) {
        qmp_report_io_error("sendmsg", len < 0 ? errno : EPIPE);
    }
    qmp_fd_write(fd, buf + len, size - len);
}

static void qmp_receiver_emit(void *opaque, QObject *obj, Error *err)
{
    QMPReceiver *r = opaque;

    if (err) {
        qtest_fail("QMP JSON response parsing failed: %s",
                   error_get_pretty(err));
    }
    g_assert(!r->msg);
    r->msg = obj;
}

/*
 * Sockets are peeked in blocks and only the bytes up to the end of the
 * message are then consumed; anything else is read a byte at a time.
 */
QDict *qmp_fd_receive(int fd)
{
    QMPReceiver r = { NULL };
    JSONMessageParser *parser = json_message_parser_new(qmp_receiver_emit,
                                                        &r);
    bool is_socket = true;
    char buf[4096];
    QDict *dict;

    while (!r.msg) {
        ssize_t avail;
        ssize_t used = 0;

        if (is_socket) {
            avail = recv(fd, buf, sizeof(buf), MSG_PEEK);
            if (avail < 0 && errno == ENOTSOCK) {
                is_socket = false;
                continue;
            }
        } else {
            avail = read(fd, buf, 1);
        }
        if (avail < 0 && errno == EINTR) {
            continue;
        }
        if (avail <= 0) {
            qmp_report_io_error("QMP read", avail < 0 ? errno : EPIPE);
        }
        while (used < avail && !r.msg) {
            json_message_parser_feed(parser, buf + used, 1);
            used++;
        }
        while (is_socket && used > 0) {
            ssize_t len = recv(fd, buf, used, 0);

            if (len < 0 && errno == EINTR) {
                continue;
            }
            if (len <= 0) {
                qmp_report_io_error("QMP read", len < 0 ? errno : EPIPE);
            }
            used -= len;
        }
    }
    json_message_parser_free(parser);

    if (qmp_log_enabled()) {
        g_autofree char *json = qobject_to_json(r.msg);

        fprintf(stderr, "[QMP <] %s\n", json);
    }
    dict = qobject_to(QDict, r.msg);
    if (!dict) {
        g_autofree char *json = qobject_to_json(r.msg);

        qtest_fail("QMP message is not a JSON object: %s", json);
    }
    return dict;
}

void qmp_fd_vsend_fds(int fd, int *fds, size_t fds_num,
                      const char *fmt, va_list ap)
{
    QObject *cmd = qobject_from_vjsonf_nofail(fmt, ap);
    g_autofree char *json = qobject_to_json(cmd);
    g_autofree char *line = g_strconcat(json, "\n", NULL);

    qobject_unref(cmd);
    if (qmp_log_enabled()) {
        fprintf(stderr, "[QMP >] %s\n", json);
    }
    if (fds_num > 0) {
        qmp_fd_write_fds(fd, fds, fds_num, line, strlen(line));
    } else {
        qmp_fd_write(fd, line, strlen(line));
    }
}

void qmp_fd_vsend(int fd, const char *fmt, va_list ap)
{
    qmp_fd_vsend_fds(fd, NULL, 0, fmt, ap);
}

void qmp_fd_send(int fd, const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    qmp_fd_vsend(fd, fmt, ap);
    va_end(ap);
}

void qmp_fd_vsend_raw(int fd, const char *fmt, va_list ap)
{
    g_autofree char *text = g_strdup_vprintf(fmt, ap);

    if (qmp_log_enabled()) {
        fprintf(stderr, "[QMP >] (raw) %s\n", text);
    }
    qmp_fd_write(fd, text, strlen(text));
}

void qmp_fd_send_raw(int fd, const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    qmp_fd_vsend_raw(fd, fmt, ap);
    va_end(ap);
}

QDict *qmp_fdv(int fd, const char *fmt, va_list ap)
{
    qmp_fd_vsend(fd, fmt, ap);
    return qmp_fd_receive(fd);
}

QDict *qmp_fd(int fd, const char *fmt, ...)
{
    va_list ap;
    QDict *rsp;

    va_start(ap, fmt);
    rsp = qmp_fdv(fd, fmt, ap);
    va_end(ap);
    return rsp;
}

bool qmp_rsp_is_err(QDict *rsp)
{
    bool is_err = qdict_haskey(rsp, "error");

    qobject_unref(rsp);
    return is_err;
}

void qmp_expect_error_and_unref(QDict *rsp, const char *class)
{
    QDict *error = qobject_to(QDict, qdict_get(rsp, "error"));

    g_assert(error);
    g_assert_cmpstr(qdict_get_try_str(error, "class"), ==, class);
    g_assert_nonnull(qdict_get_try_str(error, "desc"));
    g_assert(!qdict_haskey(rsp, "return"));
    qobject_unref(rsp);
}
