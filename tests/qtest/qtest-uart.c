/*
 * Helpers for UART qtests: socket and named pipe back ends, the -D log.
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include "qemu/osdep.h"

#include <sys/socket.h>
#include <sys/un.h>

#include "qtest-uart.h"

/* Give up on bytes in flight after this long. */
#define QTEST_UART_WAIT_US  (10 * G_USEC_PER_SEC)

static char *qtest_uart_tmp_path(const char *prefix, const char *suffix)
{
    return g_strdup_printf("%s/%s-%d.%s", g_get_tmp_dir(), prefix,
                           getpid(), suffix);
}

void qtest_uart_socket_start(QTestUartSocket *u, const char *prefix,
                             const char *machine_args,
                             const char *chardev_opts, const char *extra)
{
    g_autofree char *path = qtest_uart_tmp_path(prefix, "sock");
    int lfd = qtest_socket_server(path);

    u->qts = qtest_initf("%s -chardev socket,id=s0,path=%s%s "
                         "-serial chardev:s0 %s",
                         machine_args, path, chardev_opts, extra);
    u->fd = accept(lfd, NULL, NULL);
    g_assert_cmpint(u->fd, >=, 0);
    close(lfd);
    unlink(path);
}

void qtest_uart_socket_start_server(QTestUartSocket *u, const char *prefix,
                                    const char *machine_args,
                                    const char *chardev_opts,
                                    const char *extra)
{
    g_autofree char *path = qtest_uart_tmp_path(prefix, "sock");
    struct sockaddr_un addr = { .sun_family = AF_UNIX };

    /* A file left by an earlier run with our pid would stop the bind. */
    unlink(path);
    u->qts = qtest_initf("%s -chardev socket,id=s0,path=%s,"
                         "server=on,wait=off%s -serial chardev:s0 %s",
                         machine_args, path, chardev_opts, extra);
    g_strlcpy(addr.sun_path, path, sizeof(addr.sun_path));
    u->fd = socket(AF_UNIX, SOCK_STREAM, 0);
    g_assert_cmpint(u->fd, >=, 0);
    g_assert_cmpint(connect(u->fd, (struct sockaddr *)&addr, sizeof(addr)),
                    ==, 0);
    unlink(path);
}

void qtest_uart_socket_stop(QTestUartSocket *u)
{
    qtest_quit(u->qts);
    close(u->fd);
}

void qtest_uart_socket_send(QTestUartSocket *u, const void *buf, size_t len)
{
    const uint8_t *p = buf;

    while (len > 0) {
        ssize_t n = send(u->fd, p, len, 0);

        g_assert_cmpint(n, >, 0);
        p += n;
        len -= n;
    }
}

size_t qtest_uart_socket_recv_now(QTestUartSocket *u, uint8_t *buf,
                                  size_t len)
{
    size_t got = 0;

    while (got < len) {
        ssize_t n = recv(u->fd, buf + got, len - got, MSG_DONTWAIT);

        if (n <= 0) {
            break;
        }
        got += n;
    }
    return got;
}

void qtest_uart_socket_recv(QTestUartSocket *u, uint8_t *buf, size_t len)
{
    gint64 deadline = g_get_monotonic_time() + QTEST_UART_WAIT_US;
    size_t got = 0;

    while (got < len) {
        got += qtest_uart_socket_recv_now(u, buf + got, len - got);
        if (got < len) {
            g_assert(g_get_monotonic_time() < deadline);
            /* Any command will do: libqtest fails if the emulator died. */
            g_free(qtest_raw_line(u->qts, "endianness"));
            g_usleep(50);
        }
    }
}

void qtest_uart_pipe_start(QTestUartPipe *p, const char *prefix,
                           const char *name, const char *machine_args,
                           const char *extra)
{
    g_autofree char *in = NULL;
    g_autofree char *out = NULL;

    p->base = g_strdup_printf("%s/%s-%d-%s", g_get_tmp_dir(), prefix,
                              getpid(), name);
    in = g_strdup_printf("%s.in", p->base);
    out = g_strdup_printf("%s.out", p->base);
    unlink(in);
    unlink(out);
    g_assert_cmpint(mkfifo(in, 0600), ==, 0);
    g_assert_cmpint(mkfifo(out, 0600), ==, 0);
    p->qts = qtest_initf("%s -chardev pipe,id=p0,path=%s "
                         "-serial chardev:p0 %s", machine_args, p->base,
                         extra);
    p->fd = open(out, O_RDWR | O_NONBLOCK);
    g_assert_cmpint(p->fd, >=, 0);
    g_assert_cmpint(fcntl(p->fd, F_SETPIPE_SZ, 4096), >=, 4096);
    p->filler = 0;
}

void qtest_uart_pipe_stop(QTestUartPipe *p)
{
    g_autofree char *in = g_strdup_printf("%s.in", p->base);
    g_autofree char *out = g_strdup_printf("%s.out", p->base);

    close(p->fd);
    unlink(in);
    unlink(out);
    g_free(p->base);
}

void qtest_uart_pipe_fill(QTestUartPipe *p)
{
    uint8_t junk[256];
    ssize_t n;

    /* Whole chunks first, then the last bytes one at a time. */
    memset(junk, '#', sizeof(junk));
    while ((n = write(p->fd, junk, sizeof(junk))) > 0) {
        p->filler += n;
    }
    while ((n = write(p->fd, junk, 1)) > 0) {
        p->filler += n;
    }
}

size_t qtest_uart_pipe_drain(QTestUartPipe *p, uint8_t *buf, size_t len)
{
    uint8_t chunk[512];
    size_t got = 0;
    ssize_t n;

    while ((n = read(p->fd, chunk, sizeof(chunk))) > 0) {
        size_t skip = MIN(p->filler, (size_t)n);

        p->filler -= skip;
        g_assert_cmpuint(got + n - skip, <=, len);
        memcpy(buf + got, chunk + skip, n - skip);
        got += n - skip;
    }
    return got;
}

char *qtest_uart_log_path(const char *prefix)
{
    return qtest_uart_tmp_path(prefix, "log");
}

char *qtest_uart_quit_and_read_log(QTestState *qts, const char *path)
{
    char *text = NULL;

    qtest_quit(qts);
    g_assert(g_file_get_contents(path, &text, NULL, NULL));
    unlink(path);
    return text;
}
