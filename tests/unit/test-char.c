/*
 * Unit tests for the character devices: back ends, front ends, mux,
 * legacy specifications.
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * I/O moves only while the test iterates the default GLib context, so
 * each step pumps it until the expected state appears (or 10 s pass).
 */
#include "qemu/osdep.h"
#include <poll.h>
#include <pthread.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/un.h>
#include "qapi/error.h"
#include "qemu/option.h"
#include "qemu/module.h"
#include "chardev/char.h"
#include "chardev/char-fe.h"
#include "chardev/char-mux.h"
#include "chardev/char-ringbuf.h"

#define WAIT_FOR(cond)                                                    \
    do {                                                                  \
        gint64 deadline_ = g_get_monotonic_time() + 10 * G_USEC_PER_SEC;  \
        while (!(cond)) {                                                 \
            g_assert_cmpint(g_get_monotonic_time(), <, deadline_);       \
            g_main_context_iteration(NULL, FALSE);                        \
            g_usleep(500);                                                \
        }                                                                 \
    } while (0)

/* A device-like front end: a FIFO of fifo_size bytes the test drains. */
typedef struct TestFe {
    CharFrontend fe;
    GByteArray *fifo;
    GByteArray *received;       /* drained from fifo */
    int fifo_size;
    int last_room;
    int events[CHR_EVENT_CLOSED + 1];
} TestFe;

static int test_fe_can_read(void *opaque)
{
    TestFe *t = opaque;

    t->last_room = t->fifo_size - (int)t->fifo->len;
    return t->last_room;
}

static void test_fe_read(void *opaque, const uint8_t *buf, int size)
{
    TestFe *t = opaque;

    /* Never more than the last can_read answer. */
    g_assert_cmpint(size, >, 0);
    g_assert_cmpint(size, <=, t->last_room);
    g_byte_array_append(t->fifo, buf, size);
    t->last_room -= size;
}

static void test_fe_event(void *opaque, QEMUChrEvent event)
{
    TestFe *t = opaque;

    t->events[event]++;
}

static TestFe *test_fe_new(Chardev *chr, int fifo_size)
{
    TestFe *t = g_new0(TestFe, 1);

    t->fifo = g_byte_array_new();
    t->received = g_byte_array_new();
    t->fifo_size = fifo_size;
    g_assert_true(qemu_chr_fe_init(&t->fe, chr, &error_abort));
    qemu_chr_fe_set_handlers(&t->fe, test_fe_can_read, test_fe_read,
                             test_fe_event, NULL, t, NULL, true);
    return t;
}

/* The guest empties its FIFO and tells the back end. */
static void test_fe_drain(TestFe *t)
{
    g_byte_array_append(t->received, t->fifo->data, t->fifo->len);
    g_byte_array_set_size(t->fifo, 0);
    qemu_chr_fe_accept_input(&t->fe);
}

static bool test_fe_got(TestFe *t, const char *text)
{
    size_t len = strlen(text);

    test_fe_drain(t);
    return t->received->len == len &&
           (len == 0 || memcmp(t->received->data, text, len) == 0);
}

static void test_fe_free(TestFe *t, bool del)
{
    qemu_chr_fe_deinit(&t->fe, del);
    g_byte_array_free(t->fifo, true);
    g_byte_array_free(t->received, true);
    g_free(t);
}

static Chardev *chr_new(const char *spec, Error **errp)
{
    g_autoptr(QemuOpts) opts = qemu_opts_parse(spec, "backend",
                                               &error_abort);

    return qemu_chr_new_from_opts(opts, NULL, errp);
}

static void chr_new_expect_error(const char *spec, const char *message)
{
    Error *err = NULL;

    g_assert_null(chr_new(spec, &err));
    g_assert_nonnull(err);
    g_assert_cmpstr(error_get_pretty(err), ==, message);
    error_free(err);
}

static char *make_tmpdir(void)
{
    char *dir = g_dir_make_tmp("test-char-XXXXXX", NULL);

    g_assert_nonnull(dir);
    return dir;
}

static int unix_connect_raw(const char *path)
{
    struct sockaddr_un sun = { .sun_family = AF_UNIX };
    int fd = socket(AF_UNIX, SOCK_STREAM, 0);

    g_assert_cmpint(fd, >=, 0);
    g_strlcpy(sun.sun_path, path, sizeof(sun.sun_path));
    g_assert_cmpint(connect(fd, (struct sockaddr *)&sun, sizeof(sun)), ==, 0);
    return fd;
}

static void write_full(int fd, const void *buf, size_t len)
{
    g_assert_cmpint(write(fd, buf, len), ==, len);
}

/* Read exactly @len bytes from blocking @fd while pumping nothing. */
static void read_full(int fd, void *buf, size_t len)
{
    size_t done = 0;
    ssize_t n;

    while (done < len) {
        struct pollfd pfd = { .fd = fd, .events = POLLIN };

        g_assert_cmpint(poll(&pfd, 1, 10000), ==, 1);
        n = read(fd, (char *)buf + done, len - done);
        g_assert_cmpint(n, >, 0);
        done += n;
    }
}

static void test_socket_unix_pair(void)
{
    g_autofree char *dir = make_tmpdir();
    g_autofree char *path = g_build_filename(dir, "sock", NULL);
    g_autofree char *srv_spec = g_strdup_printf(
        "socket,id=srv,path=%s,server=on,wait=off", path);
    g_autofree char *cli_spec = g_strdup_printf("socket,id=cli,path=%s",
                                                path);
    g_autofree char *srv_name = g_strdup_printf("unix:%s,server=on", path);
    g_autofree char *srv_idle = g_strdup_printf("disconnected:%s",
                                                srv_name);
    g_autofree char *cli_name = g_strdup_printf("unix:%s", path);
    Chardev *srv = chr_new(srv_spec, &error_abort);
    Chardev *cli;
    TestFe *s;
    TestFe *c;

    g_assert_cmpstr(srv->filename, ==, srv_idle);
    g_assert_true(g_file_test(path, G_FILE_TEST_EXISTS));
    s = test_fe_new(srv, 64);
    g_assert_cmpint(s->events[CHR_EVENT_OPENED], ==, 0);

    cli = chr_new(cli_spec, &error_abort);
    c = test_fe_new(cli, 64);
    g_assert_cmpint(c->events[CHR_EVENT_OPENED], ==, 1);
    g_assert_cmpstr(cli->filename, ==, cli_name);
    WAIT_FOR(s->events[CHR_EVENT_OPENED] == 1);
    g_assert_cmpstr(srv->filename, ==, srv_name);
    g_assert_true(qemu_chr_fe_backend_open(&s->fe));

    g_assert_cmpint(qemu_chr_fe_write_all(&c->fe, (const uint8_t *)"hello",
                                          5), ==, 5);
    WAIT_FOR(test_fe_got(s, "hello"));
    qemu_chr_fe_printf(&s->fe, "%s-%d", "world", 42);
    WAIT_FOR(test_fe_got(c, "world-42"));

    test_fe_free(c, true);
    WAIT_FOR(s->events[CHR_EVENT_CLOSED] == 1);
    g_assert_cmpstr(srv->filename, ==, srv_idle);
    test_fe_free(s, true);
    g_assert_null(qemu_chr_find("srv"));
    g_assert_false(g_file_test(path, G_FILE_TEST_EXISTS));
    rmdir(dir);
}

static void test_socket_backpressure(void)
{
    g_autofree char *dir = make_tmpdir();
    g_autofree char *path = g_build_filename(dir, "sock", NULL);
    g_autofree char *spec = g_strdup_printf(
        "socket,id=bp,path=%s,server=on,wait=off", path);
    Chardev *chr = chr_new(spec, &error_abort);
    TestFe *t = test_fe_new(chr, 7);
    uint8_t data[10000];
    int fd;
    int i;

    for (i = 0; i < sizeof(data); i++) {
        data[i] = i * 7 + i / 256;
    }
    fd = unix_connect_raw(path);
    WAIT_FOR(t->events[CHR_EVENT_OPENED] == 1);
    write_full(fd, data, sizeof(data));

    /* With a full FIFO nothing more is read, however long we wait. */
    WAIT_FOR(t->fifo->len == 7);
    for (i = 0; i < 50; i++) {
        g_main_context_iteration(NULL, FALSE);
        g_usleep(200);
    }
    g_assert_cmpint(t->fifo->len, ==, 7);
    g_assert_cmpint(t->received->len, ==, 0);

    while (t->received->len < sizeof(data)) {
        WAIT_FOR(t->fifo->len > 0 ||
                 t->received->len == sizeof(data));
        test_fe_drain(t);
    }
    g_assert_cmpint(t->received->len, ==, sizeof(data));
    g_assert_cmpmem(t->received->data, t->received->len, data,
                    sizeof(data));

    close(fd);
    test_fe_free(t, true);
    rmdir(dir);
}

static void test_socket_disconnect(void)
{
    g_autofree char *dir = make_tmpdir();
    g_autofree char *path = g_build_filename(dir, "sock", NULL);
    g_autofree char *spec = g_strdup_printf(
        "socket,id=dc,path=%s,server=on,wait=off", path);
    Chardev *chr = chr_new(spec, &error_abort);
    TestFe *t = test_fe_new(chr, 16);
    uint8_t buf[4096] = { 0 };
    char got[3];
    int fd;
    int i;

    /* Clean close by the peer: CLOSED, then writes are dropped. */
    fd = unix_connect_raw(path);
    WAIT_FOR(t->events[CHR_EVENT_OPENED] == 1);
    close(fd);
    WAIT_FOR(t->events[CHR_EVENT_CLOSED] == 1);
    g_assert_false(qemu_chr_fe_backend_open(&t->fe));
    g_assert_cmpint(qemu_chr_fe_write_all(&t->fe, buf, 10), ==, 10);

    /* The server listens again. */
    fd = unix_connect_raw(path);
    WAIT_FOR(t->events[CHR_EVENT_OPENED] == 2);
    g_assert_cmpint(qemu_chr_fe_write_all(&t->fe, (const uint8_t *)"abc",
                                          3), ==, 3);
    read_full(fd, got, 3);
    g_assert_cmpmem(got, 3, "abc", 3);

    /*
     * The peer vanishes while the front end is not reading, so only a
     * write can notice: it must neither fail nor raise SIGPIPE.
     */
    t->fifo_size = 0;
    close(fd);
    for (i = 0; i < 4; i++) {
        g_assert_cmpint(qemu_chr_fe_write_all(&t->fe, buf, sizeof(buf)), ==,
                        sizeof(buf));
    }
    WAIT_FOR(t->events[CHR_EVENT_CLOSED] == 2);
    g_assert_cmpint(qemu_chr_fe_write(&t->fe, buf, 5), ==, 5);

    test_fe_free(t, true);
    rmdir(dir);
}

static void test_socket_connect_error(void)
{
    g_autofree char *dir = make_tmpdir();
    g_autofree char *path = g_build_filename(dir, "missing", NULL);
    g_autofree char *spec = g_strdup_printf("socket,id=ce,path=%s", path);
    g_autofree char *msg = g_strdup_printf(
        "Failed to connect to '%s': %s", path, g_strerror(ENOENT));

    chr_new_expect_error(spec, msg);
    g_assert_null(qemu_chr_find("ce"));
    chr_new_expect_error("socket,id=w,path=/x,wait=off",
                         "'wait' option is incompatible with socket in "
                         "client connect mode");
    chr_new_expect_error("socket,id=h,port=4", "chardev: socket: no host "
                         "given");
    rmdir(dir);
}

static void *connect_later_thread(void *opaque)
{
    const char *path = opaque;
    int fd;
    int i;

    for (i = 0; i < 1000; i++) {
        struct sockaddr_un sun = { .sun_family = AF_UNIX };

        fd = socket(AF_UNIX, SOCK_STREAM, 0);
        g_strlcpy(sun.sun_path, path, sizeof(sun.sun_path));
        if (connect(fd, (struct sockaddr *)&sun, sizeof(sun)) == 0) {
            return GINT_TO_POINTER(fd);
        }
        close(fd);
        g_usleep(10000);
    }
    return GINT_TO_POINTER(-1);
}

static void test_socket_wait(void)
{
    g_autofree char *dir = make_tmpdir();
    g_autofree char *path = g_build_filename(dir, "sock", NULL);
    g_autofree char *spec = g_strdup_printf("socket,id=wt,path=%s,server=on",
                                            path);
    pthread_t thread;
    Chardev *chr;
    TestFe *t;
    void *ret;

    pthread_create(&thread, NULL, connect_later_thread, path);
    chr = chr_new(spec, &error_abort);
    pthread_join(thread, &ret);
    g_assert_cmpint(GPOINTER_TO_INT(ret), >=, 0);

    /* Already connected: a new front end hears OPENED at once. */
    g_assert_true(chr->be_open);
    t = test_fe_new(chr, 16);
    g_assert_cmpint(t->events[CHR_EVENT_OPENED], ==, 1);
    write_full(GPOINTER_TO_INT(ret), "ok", 2);
    WAIT_FOR(test_fe_got(t, "ok"));
    close(GPOINTER_TO_INT(ret));
    test_fe_free(t, true);
    rmdir(dir);
}

static int tcp_connect_raw(const char *port)
{
    struct sockaddr_in sin = {
        .sin_family = AF_INET,
        .sin_port = htons(atoi(port)),
        .sin_addr.s_addr = htonl(INADDR_LOOPBACK),
    };
    int fd = socket(AF_INET, SOCK_STREAM, 0);

    g_assert_cmpint(fd, >=, 0);
    g_assert_cmpint(connect(fd, (struct sockaddr *)&sin, sizeof(sin)), ==,
                    0);
    return fd;
}

/* The port a server chardev got for port=0, from its filename. */
static char *server_port(Chardev *chr)
{
    const char *p = strrchr(chr->filename, ':');
    char *port = g_strdup(p + 1);

    *strchr(port, ',') = '\0';
    return port;
}

static void test_socket_tcp_telnet(void)
{
    static const uint8_t from_client[] = {
        'a', 255, 251, 1, 'b', 255, 250, 24, 0, 'x', 255, 240, 'c',
        255, 255, 'd', 255, 243, 'e',
    };
    static const uint8_t expect_telnet[] = { 'a', 'b', 'c', 255, 'd' };
    Chardev *srv = chr_new("socket,id=tn,host=127.0.0.1,port=0,server=on,"
                           "wait=off,telnet=on", &error_abort);
    g_autofree char *port = server_port(srv);
    g_autofree char *idle = g_strdup_printf(
        "disconnected:telnet:127.0.0.1:%s,server=on", port);
    g_autofree char *prefix = g_strdup_printf("telnet:127.0.0.1:%s,server=on"
                                              " <-> 127.0.0.1:", port);
    g_autofree char *cli_spec = g_strdup_printf(
        "socket,id=tc,host=127.0.0.1,port=%s,nodelay=on", port);
    TestFe *t = test_fe_new(srv, 64);
    uint8_t greeting[9];
    Chardev *cli;
    TestFe *c;
    int fd;

    g_assert_cmpstr(srv->filename, ==, idle);
    fd = tcp_connect_raw(port);
    WAIT_FOR(t->events[CHR_EVENT_OPENED] == 1);
    g_assert_true(g_str_has_prefix(srv->filename, prefix));
    /* The server announces echo, suppress-go-ahead, no line mode. */
    read_full(fd, greeting, sizeof(greeting));
    g_assert_cmpint(greeting[0], ==, 255);
    g_assert_cmpint(greeting[1], ==, 251);
    g_assert_cmpint(greeting[2], ==, 1);

    write_full(fd, from_client, sizeof(from_client));
    WAIT_FOR(t->events[CHR_EVENT_BREAK] == 1);
    WAIT_FOR(test_fe_got(t, "abc\377de"));
    g_assert_cmpmem(t->received->data, 5, expect_telnet, 5);
    close(fd);
    WAIT_FOR(t->events[CHR_EVENT_CLOSED] == 1);

    /* A plain TCP client of the same server. */
    cli = chr_new(cli_spec, &error_abort);
    c = test_fe_new(cli, 64);
    g_assert_cmpint(c->events[CHR_EVENT_OPENED], ==, 1);
    g_assert_true(g_str_has_prefix(cli->filename, "tcp:127.0.0.1:"));
    g_assert_nonnull(strstr(cli->filename, " <-> 127.0.0.1:"));
    WAIT_FOR(t->events[CHR_EVENT_OPENED] == 2);
    qemu_chr_fe_write_all(&c->fe, (const uint8_t *)"tcp", 3);
    WAIT_FOR(test_fe_got(t, "abc\377detcp"));

    test_fe_free(c, true);
    test_fe_free(t, true);
}

static void test_socket_reconnect(void)
{
    g_autofree char *dir = make_tmpdir();
    g_autofree char *path = g_build_filename(dir, "sock", NULL);
    g_autofree char *cli_spec = g_strdup_printf(
        "socket,id=rc,path=%s,reconnect-ms=20", path);
    g_autofree char *srv_spec = g_strdup_printf(
        "socket,id=rs,path=%s,server=on,wait=off", path);
    Chardev *cli;
    TestFe *c;
    TestFe *s;

    /* No server yet: the client still comes up and keeps trying. */
    cli = chr_new(cli_spec, &error_abort);
    g_assert_true(qemu_chr_has_feature(cli,
                                       QEMU_CHAR_FEATURE_RECONNECTABLE));
    c = test_fe_new(cli, 16);
    g_assert_cmpint(c->events[CHR_EVENT_OPENED], ==, 0);
    s = test_fe_new(chr_new(srv_spec, &error_abort), 16);
    WAIT_FOR(c->events[CHR_EVENT_OPENED] == 1 &&
             s->events[CHR_EVENT_OPENED] == 1);

    /* The server drops the client, which comes back by itself. */
    qemu_chr_fe_disconnect(&s->fe);
    WAIT_FOR(c->events[CHR_EVENT_CLOSED] == 1);
    WAIT_FOR(c->events[CHR_EVENT_OPENED] == 2 &&
             s->events[CHR_EVENT_OPENED] == 2);
    qemu_chr_fe_write_all(&c->fe, (const uint8_t *)"back", 4);
    WAIT_FOR(test_fe_got(s, "back"));

    test_fe_free(c, true);
    test_fe_free(s, true);
    chr_new_expect_error("socket,id=x,path=/x,server=on,reconnect-ms=5",
                         "'reconnect' option is incompatible with 'server' "
                         "option");
    rmdir(dir);
}

static gboolean watch_cb(void *do_not_use, GIOCondition cond, void *data)
{
    int *fired = data;

    g_assert_true(cond & G_IO_OUT);
    (*fired)++;
    return G_SOURCE_REMOVE;
}

/*
 * A back end that cannot watch (null) still wakes a writer that asked:
 * the front end polls it for the device, once.
 */
static void test_watch_without_backend_support(void)
{
    Chardev *chr = chr_new("null,id=nowatch", &error_abort);
    TestFe *t = test_fe_new(chr, 16);
    int fired = 0;
    int i;

    g_assert_cmpuint(qemu_chr_fe_add_watch(&t->fe, G_IO_OUT, watch_cb,
                                           &fired), >, 0);
    WAIT_FOR(fired == 1);
    for (i = 0; i < 20; i++) {
        g_main_context_iteration(NULL, FALSE);
    }
    g_assert_cmpint(fired, ==, 1);
    test_fe_free(t, true);
}

static void test_socket_write_watch(void)
{
    g_autofree char *dir = make_tmpdir();
    g_autofree char *path = g_build_filename(dir, "sock", NULL);
    g_autofree char *spec = g_strdup_printf(
        "socket,id=ww,path=%s,server=on,wait=off", path);
    Chardev *chr = chr_new(spec, &error_abort);
    TestFe *t = test_fe_new(chr, 16);
    uint8_t chunk[4096];
    uint8_t sink[4096];
    size_t total = 0;
    int fired = 0;
    int fd;
    int n;

    memset(chunk, 'w', sizeof(chunk));
    /* Without a peer the watch fires at once: output is dropped. */
    g_assert_cmpuint(qemu_chr_fe_add_watch(&t->fe, G_IO_OUT, watch_cb,
                                           &fired), >, 0);
    WAIT_FOR(fired == 1);

    fd = unix_connect_raw(path);
    WAIT_FOR(t->events[CHR_EVENT_OPENED] == 1);
    /* Fill the socket until the back end takes no more. */
    do {
        n = qemu_chr_fe_write(&t->fe, chunk, sizeof(chunk));
        g_assert_cmpint(n, >=, 0);
        total += n;
    } while (n > 0);
    g_assert_cmpuint(total, >, 0);
    g_assert_cmpuint(qemu_chr_fe_add_watch(&t->fe, G_IO_OUT, watch_cb,
                                           &fired), >, 0);
    for (n = 0; n < 20; n++) {
        g_main_context_iteration(NULL, FALSE);
    }
    g_assert_cmpint(fired, ==, 1);
    /* The peer reads: room again, the watch fires. */
    while (total > 0) {
        n = read(fd, sink, MIN(total, sizeof(sink)));
        g_assert_cmpint(n, >, 0);
        total -= n;
    }
    WAIT_FOR(fired == 2);

    close(fd);
    test_fe_free(t, true);
    rmdir(dir);
}

static char *slurp(const char *path)
{
    char *text = NULL;

    g_assert_true(g_file_get_contents(path, &text, NULL, NULL));
    return text;
}

static void test_file(void)
{
    g_autofree char *dir = make_tmpdir();
    g_autofree char *out = g_build_filename(dir, "out", NULL);
    g_autofree char *in = g_build_filename(dir, "in", NULL);
    g_autofree char *log = g_build_filename(dir, "log", NULL);
    g_autofree char *spec = g_strdup_printf("file,id=f,path=%s", out);
    g_autofree char *spec_append = g_strdup_printf(
        "file,id=f,path=%s,append=on,input-path=%s", out, in);
    g_autofree char *spec_log = g_strdup_printf(
        "null,id=n,logfile=%s", log);
    g_autofree char *text = NULL;
    Chardev *chr;
    TestFe *t;

    g_assert_true(g_file_set_contents(out, "old", -1, NULL));
    g_assert_true(g_file_set_contents(in, "input!", -1, NULL));
    chr = chr_new(spec, &error_abort);
    g_assert_cmpstr(chr->filename, ==, "file");
    t = test_fe_new(chr, 16);
    g_assert_cmpint(t->events[CHR_EVENT_OPENED], ==, 1);
    qemu_chr_fe_write_all(&t->fe, (const uint8_t *)"first ", 6);
    test_fe_free(t, true);
    text = slurp(out);
    g_assert_cmpstr(text, ==, "first ");
    g_free(text);

    chr = chr_new(spec_append, &error_abort);
    t = test_fe_new(chr, 4);
    qemu_chr_fe_write_all(&t->fe, (const uint8_t *)"second", 6);
    WAIT_FOR(test_fe_got(t, "input!"));
    WAIT_FOR(t->events[CHR_EVENT_CLOSED] == 1);
    test_fe_free(t, true);
    text = slurp(out);
    g_assert_cmpstr(text, ==, "first second");
    g_free(text);

    chr = chr_new(spec_log, &error_abort);
    t = test_fe_new(chr, 4);
    g_assert_cmpint(qemu_chr_fe_write_all(&t->fe, (const uint8_t *)"logged",
                                          6), ==, 6);
    test_fe_free(t, true);
    text = slurp(log);
    g_assert_cmpstr(text, ==, "logged");

    chr_new_expect_error("file,id=f", "chardev: file: no filename given");
    unlink(out);
    unlink(in);
    unlink(log);
    rmdir(dir);
}

static void test_pipe(void)
{
    g_autofree char *dir = make_tmpdir();
    g_autofree char *base = g_build_filename(dir, "p", NULL);
    g_autofree char *name_in = g_strdup_printf("%s.in", base);
    g_autofree char *name_out = g_strdup_printf("%s.out", base);
    g_autofree char *spec = g_strdup_printf("pipe,id=p,path=%s", base);
    char got[4];
    Chardev *chr;
    TestFe *t;
    int fd_in;
    int fd_out;

    g_assert_cmpint(mkfifo(name_in, 0600), ==, 0);
    g_assert_cmpint(mkfifo(name_out, 0600), ==, 0);
    chr = chr_new(spec, &error_abort);
    g_assert_cmpstr(chr->filename, ==, "pipe");
    t = test_fe_new(chr, 16);
    fd_in = open(name_in, O_WRONLY);
    fd_out = open(name_out, O_RDONLY);
    g_assert_cmpint(fd_in, >=, 0);
    g_assert_cmpint(fd_out, >=, 0);

    write_full(fd_in, "to guest", 8);
    WAIT_FOR(test_fe_got(t, "to guest"));
    qemu_chr_fe_write_all(&t->fe, (const uint8_t *)"out!", 4);
    read_full(fd_out, got, 4);
    g_assert_cmpmem(got, 4, "out!", 4);

    close(fd_in);
    close(fd_out);
    test_fe_free(t, true);
    unlink(name_in);
    unlink(name_out);
    rmdir(dir);
}

static void test_pty(void)
{
    Chardev *chr = chr_new("pty,id=pt", &error_abort);
    TestFe *t = test_fe_new(chr, 16);
    char got[3];
    int fd;

    g_assert_true(g_str_has_prefix(chr->filename, "pty:/dev/"));
    g_assert_cmpint(t->events[CHR_EVENT_OPENED], ==, 0);
    /* Nobody on the slave side: output vanishes. */
    g_assert_cmpint(qemu_chr_fe_write(&t->fe, (const uint8_t *)"x", 1), ==,
                    1);

    fd = open(chr->filename + 4, O_RDWR | O_NOCTTY);
    g_assert_cmpint(fd, >=, 0);
    WAIT_FOR(t->events[CHR_EVENT_OPENED] == 1);
    qemu_chr_fe_write_all(&t->fe, (const uint8_t *)"tty", 3);
    read_full(fd, got, 3);
    g_assert_cmpmem(got, 3, "tty", 3);
    write_full(fd, "in", 2);
    WAIT_FOR(test_fe_got(t, "in"));
    close(fd);
    WAIT_FOR(t->events[CHR_EVENT_CLOSED] == 1);
    test_fe_free(t, true);
}

static void test_ringbuf(void)
{
    Chardev *chr = chr_new("ringbuf,id=rb,size=8", &error_abort);
    TestFe *t = test_fe_new(chr, 4);
    Error *err = NULL;
    uint8_t *data;
    size_t len;

    g_assert_cmpstr(chr->filename, ==, "ringbuf");
    qemu_chr_fe_write_all(&t->fe, (const uint8_t *)"0123456789", 10);
    data = qemu_chr_ringbuf_read("rb", 100, &len, &error_abort);
    g_assert_cmpstr((char *)data, ==, "23456789");
    g_free(data);
    data = qemu_chr_ringbuf_read("rb", 100, &len, &error_abort);
    g_assert_cmpuint(len, ==, 0);
    g_free(data);

    g_assert_true(qemu_chr_ringbuf_write("rb", (const uint8_t *)"abc", 3,
                                         &error_abort));
    data = qemu_chr_ringbuf_read("rb", 1, &len, &error_abort);
    g_assert_cmpstr((char *)data, ==, "a");
    g_free(data);
    data = qemu_chr_ringbuf_read("rb", 5, &len, &error_abort);
    g_assert_cmpstr((char *)data, ==, "bc");
    g_free(data);

    g_assert_null(qemu_chr_ringbuf_read("nope", 1, &len, &err));
    g_assert_cmpstr(error_get_pretty(err), ==, "Device 'nope' not found");
    error_free(err);
    err = NULL;
    g_assert_null(qemu_chr_ringbuf_read("rb", 0, &len, &err));
    g_assert_cmpstr(error_get_pretty(err), ==,
                    "size must be greater than zero");
    error_free(err);
    err = NULL;
    chr_new("null,id=nl", &error_abort);
    g_assert_false(qemu_chr_ringbuf_write("nl", (const uint8_t *)"x", 1,
                                          &err));
    g_assert_cmpstr(error_get_pretty(err), ==, "nl is not a ringbuf device");
    error_free(err);

    chr_new_expect_error("ringbuf,id=r2,size=12",
                         "size of ringbuf chardev must be power of two");
    chr = chr_new("memory,id=r3,size=1k", &error_abort);
    g_assert_cmpstr(object_get_typename(OBJECT(chr)), ==, "chardev-ringbuf");
    test_fe_free(t, false);
    qemu_chr_cleanup();
    g_assert_null(qemu_chr_find("rb"));
}

/* Input into the back end of a multiplexer, as a terminal would type. */
static void mux_type(Chardev *base, const char *text)
{
    int len = strlen(text);

    g_assert_cmpint(qemu_chr_be_can_write(base), >=, len);
    qemu_chr_be_write(base, (const uint8_t *)text, len);
}

static char *mux_output(void)
{
    size_t len;

    return (char *)qemu_chr_ringbuf_read("mx-base", 65536, &len,
                                         &error_abort);
}

static int quit_count;

static void test_quit_hook(void)
{
    quit_count++;
}

static void test_mux(void)
{
    Chardev *mux = chr_new("ringbuf,id=mx,mux=on", &error_abort);
    Chardev *base = qemu_chr_find("mx-base");
    TestFe *fe[5];
    g_autofree char *out = NULL;
    Error *err = NULL;
    int i;

    g_assert_nonnull(base);
    g_assert_true(mux != base);
    g_assert_cmpstr(mux->label, ==, "mx");
    fe[0] = test_fe_new(mux, 8);
    g_assert_cmpint(fe[0]->events[CHR_EVENT_OPENED], ==, 1);
    g_assert_cmpint(fe[0]->events[CHR_EVENT_MUX_IN], ==, 1);
    fe[1] = test_fe_new(mux, 8);
    /* The newest front end takes the focus. */
    g_assert_cmpint(fe[0]->events[CHR_EVENT_MUX_OUT], ==, 1);
    g_assert_cmpint(fe[1]->events[CHR_EVENT_MUX_IN], ==, 1);
    g_assert_true(mux->fe == &fe[1]->fe);
    g_assert_true(mux->fe->fe_is_open);
    g_assert_true(qemu_chr_is_busy(mux));
    g_assert_true(qemu_chr_is_busy(base));

    mux_type(base, "ab");
    g_assert_true(test_fe_got(fe[1], "ab"));
    g_assert_true(test_fe_got(fe[0], ""));

    /* C-a c moves the focus on; what follows goes to the other one. */
    mux_type(base, "cd\001cef");
    g_assert_true(test_fe_got(fe[1], "abcd"));
    g_assert_true(test_fe_got(fe[0], "ef"));
    g_assert_cmpint(fe[1]->events[CHR_EVENT_MUX_OUT], ==, 1);
    g_assert_cmpint(fe[0]->events[CHR_EVENT_MUX_IN], ==, 2);
    g_assert_true(mux->fe == &fe[0]->fe);

    /* C-a C-a is a literal C-a; split across two reads as well. */
    mux_type(base, "\001\001g\001");
    mux_type(base, "\001");
    g_assert_true(test_fe_got(fe[0], "ef\001g\001"));

    /* Output of every front end reaches the back end. */
    qemu_chr_fe_write_all(&fe[0]->fe, (const uint8_t *)"one ", 4);
    qemu_chr_fe_write_all(&fe[1]->fe, (const uint8_t *)"two", 3);
    out = mux_output();
    g_assert_cmpstr(out, ==, "one two");
    g_free(out);

    /* A busy front end: input waits in the multiplexer, then arrives. */
    test_fe_drain(fe[0]);
    g_byte_array_set_size(fe[0]->received, 0);
    g_byte_array_append(fe[0]->fifo, (const uint8_t *)"busybusy", 8);
    g_assert_cmpint(qemu_chr_be_can_write(base), ==, 32);
    mux_type(base, "0123456789abcdefghijklmnopqrstuv");
    g_assert_cmpint(qemu_chr_be_can_write(base), ==, 0);
    g_byte_array_set_size(fe[0]->fifo, 0);
    for (i = 0; i < 5; i++) {
        test_fe_drain(fe[0]);
    }
    g_assert_cmpint(fe[0]->received->len, ==, 32);
    g_assert_cmpmem(fe[0]->received->data, 32,
                    "0123456789abcdefghijklmnopqrstuv", 32);

    /* Escape commands: break, help, timestamps, quit. */
    mux_type(base, "\001b");
    g_assert_cmpint(fe[0]->events[CHR_EVENT_BREAK], ==, 1);
    g_assert_cmpint(fe[1]->events[CHR_EVENT_BREAK], ==, 0);
    mux_type(base, "\001h");
    out = mux_output();
    g_assert_nonnull(strstr(out, "\n\rC-a h    print this help\n\r"));
    g_assert_nonnull(strstr(out, "C-a c    switch between console and "
                                 "monitor\n\r"));
    g_assert_nonnull(strstr(out, "C-a C-a  sends C-a\n\r"));
    g_free(out);
    mux_type(base, "\001t");
    qemu_chr_fe_write_all(&fe[1]->fe, (const uint8_t *)"x\ny", 3);
    out = mux_output();
    g_assert_true(g_str_has_prefix(out, "x\n[00:00:00."));
    g_assert_true(g_str_has_suffix(out, "] y"));
    g_free(out);
    mux_type(base, "\001t");
    mux_quit_hook = test_quit_hook;
    mux_type(base, "\001x");
    g_assert_cmpint(quit_count, ==, 1);
    out = mux_output();
    g_assert_cmpstr(out, ==, "QEMU: Terminated\n\r");

    /* Four front ends at most. */
    fe[2] = test_fe_new(mux, 8);
    fe[3] = test_fe_new(mux, 8);
    fe[4] = g_new0(TestFe, 1);
    g_assert_false(qemu_chr_fe_init(&fe[4]->fe, mux, &err));
    g_assert_cmpstr(error_get_pretty(err), ==, "Device 'mx' is in use");
    error_free(err);
    err = NULL;
    g_free(fe[4]);

    g_assert_false(qemu_chr_remove("mx", &err));
    g_assert_cmpstr(error_get_pretty(err), ==, "Chardev 'mx' is busy");
    error_free(err);
    for (i = 0; i < 4; i++) {
        test_fe_free(fe[i], false);
    }
    g_assert_true(qemu_chr_remove("mx", &error_abort));
    g_assert_true(qemu_chr_remove("mx-base", &error_abort));
}

static int dump_opt(void *opaque, const char *name, const char *value,
                    Error **errp)
{
    g_string_append_printf(opaque, "[%s=%s]", name, value);
    return 0;
}

static void check_compat(const char *spec, bool mux_mon, const char *expect)
{
    g_autoptr(GString) text = g_string_new(NULL);
    QemuOpts *opts = qemu_chr_parse_compat("lbl", spec, mux_mon,
                                           &error_abort);

    g_assert_nonnull(opts);
    qemu_opt_foreach(opts, dump_opt, text, &error_abort);
    g_assert_cmpstr(text->str, ==, expect);
    qemu_opts_free(opts);
}

static void check_compat_error(const char *spec, bool mux_mon,
                               const char *message)
{
    Error *err = NULL;

    g_assert_null(qemu_chr_parse_compat("lbl", spec, mux_mon, &err));
    g_assert_nonnull(err);
    g_assert_cmpstr(error_get_pretty(err), ==, message);
    error_free(err);
}

static void test_compat(void)
{
    Error *err = NULL;

    check_compat("null", false, "[id=lbl][backend=null]");
    check_compat("stdio", false, "[id=lbl][backend=stdio]");
    check_compat("pty", false, "[id=lbl][backend=pty]");
    check_compat("pty:/tmp/link", false,
                 "[id=lbl][backend=pty][path=/tmp/link]");
    check_compat("vc", false, "[id=lbl][backend=vc]");
    check_compat("vc:80Cx24C", false,
                 "[id=lbl][backend=vc][cols=80][rows=24]");
    check_compat("vc:640x480", false,
                 "[id=lbl][backend=vc][width=640][height=480]");
    check_compat("file:/tmp/a,b", false,
                 "[id=lbl][backend=file][path=/tmp/a,b]");
    check_compat("pipe:/tmp/p", false,
                 "[id=lbl][backend=pipe][path=/tmp/p]");
    check_compat("unix:/tmp/q.sock", false,
                 "[id=lbl][backend=socket][path=/tmp/q.sock]");
    check_compat("unix:/tmp/q.sock,server=on,wait=off", false,
                 "[id=lbl][backend=socket][path=/tmp/q.sock][server=on]"
                 "[wait=off]");
    check_compat("tcp:localhost:4444,server=on,wait=off,nodelay=on", false,
                 "[id=lbl][backend=socket][host=localhost][port=4444]"
                 "[server=on][wait=off][nodelay=on]");
    check_compat("tcp::5555", false,
                 "[id=lbl][backend=socket][host=][port=5555]");
    check_compat("tcp:[::1]:6666,reconnect-ms=100", false,
                 "[id=lbl][backend=socket][host=::1][port=6666]"
                 "[reconnect-ms=100]");
    check_compat("telnet::4444,server=on", false,
                 "[id=lbl][backend=socket][host=][port=4444][telnet=on]"
                 "[server=on]");
    check_compat("udp:1.2.3.4:5@:6", false,
                 "[id=lbl][backend=udp][host=1.2.3.4][port=5]"
                 "[localaddr=][localport=6]");
    check_compat("/dev/ttyS0", false,
                 "[id=lbl][backend=serial][path=/dev/ttyS0]");
    check_compat("mon:stdio", true,
                 "[id=lbl][mux=on][signal=off][backend=stdio]");
    check_compat("mon:telnet::4444,server=on,wait=off", true,
                 "[id=lbl][mux=on][backend=socket][host=][port=4444]"
                 "[telnet=on][server=on][wait=off]");

    check_compat_error("mon:stdio", false,
                       "mon: isn't supported in this context");
    check_compat_error("bogus", false,
                       "'bogus' is not a valid char driver name");
    check_compat_error("tcp:nocolon", false,
                       "Could not parse character device specification "
                       "'tcp:nocolon'");
    g_assert_null(qemu_chr_parse_compat("lbl", "none", false, &err));
    g_assert_null(err);
}

static void collect_label(Chardev *chr, void *opaque)
{
    g_string_append_printf(opaque, "%s=%s;", chr->label, chr->filename);
}

static void collect_name(const char *name, void *opaque)
{
    g_string_append_printf(opaque, "%s;", name);
}

static void test_new_and_errors(void)
{
    g_autoptr(GString) labels = g_string_new(NULL);
    g_autoptr(GString) names = g_string_new(NULL);
    Error *err = NULL;
    Chardev *chr;

    chr = qemu_chr_new("serial0", "null", NULL, &error_abort);
    g_assert_true(qemu_chr_find("serial0") == chr);
    g_assert_true(qemu_chr_new("x", "chardev:serial0", NULL,
                               &error_abort) == chr);
    g_assert_null(qemu_chr_new("x", "chardev:nothere", NULL, &err));
    g_assert_cmpstr(error_get_pretty(err), ==, "Chardev 'nothere' not found");
    error_free(err);
    err = NULL;
    g_assert_null(qemu_chr_new("serial1", "none", NULL, &err));
    g_assert_null(err);
    chr = qemu_chr_new("serial1", "vc:80Cx24C", NULL, &error_abort);
    g_assert_cmpstr(chr->filename, ==, "vc");
    g_assert_true(chr->be_open);
    g_assert_true(object_resolve_path("/chardevs/serial1", NULL) ==
                  OBJECT(chr));
    qemu_chr_foreach(collect_label, labels);
    g_assert_cmpstr(labels->str, ==, "serial0=null;serial1=vc;");

    chr_new_expect_error("foo,id=a", "'foo' is not a valid char driver "
                         "name");
    chr_new_expect_error("mux,id=a", "'mux' is not a valid char driver "
                         "name");
    chr_new_expect_error("null,id=a,bogus=1", "Invalid parameter 'bogus'");
    chr_new_expect_error("null", "Parameter 'id' is missing");
    chr_new_expect_error("null,id=serial0",
                         "Duplicate ID 'serial0' for chardev");
    chr_new_expect_error("null,id=b,mux=maybe",
                         "Parameter 'mux' expects 'on' or 'off'");
    /* A key that only another back end uses is accepted. */
    chr_new("null,id=c,path=/nowhere", &error_abort);

    g_assert_false(qemu_chr_remove("nothere", &err));
    g_assert_cmpstr(error_get_pretty(err), ==, "Chardev 'nothere' not found");
    error_free(err);
    g_assert_true(qemu_chr_remove("c", &error_abort));

    qemu_chr_backend_foreach(collect_name, names);
    g_assert_cmpstr(names->str, ==,
                    "file;null;pipe;pty;ringbuf;socket;stdio;vc;memory;");
    qemu_chr_cleanup();
    g_assert_null(qemu_chr_find("serial0"));
}

static void test_help(void)
{
    char *text = NULL;
    size_t size = 0;
    FILE *f = open_memstream(&text, &size);

    qemu_chr_print_help(f);
    fclose(f);
    g_assert_true(g_str_has_prefix(text, "Available chardev backend types: "
                                         "\n  file\n  null\n"));
    g_assert_nonnull(strstr(text, "\n  socket\n"));
    g_assert_true(g_str_has_suffix(text, "\n  memory\n"));
    free(text);
}

static void test_stdio_single_user(void)
{
    Chardev *chr = chr_new("stdio,id=s1,signal=off", &error_abort);

    g_assert_cmpstr(chr->filename, ==, "stdio");
    chr_new_expect_error("stdio,id=s2",
                         "cannot use stdio by multiple character devices");
    g_assert_true(qemu_chr_remove("s1", &error_abort));
    chr = chr_new("stdio,id=s2", &error_abort);
    qemu_chr_cleanup();
}

static void test_no_backend(void)
{
    CharFrontend fe = { 0 };

    g_assert_true(qemu_chr_fe_init(&fe, NULL, &error_abort));
    g_assert_false(qemu_chr_fe_backend_connected(&fe));
    g_assert_cmpint(qemu_chr_fe_write(&fe, (const uint8_t *)"x", 1), ==, 0);
    g_assert_cmpint(qemu_chr_fe_write_all(&fe, (const uint8_t *)"x", 1), ==,
                    0);
    g_assert_cmpint(qemu_chr_fe_ioctl(&fe, 1, NULL), ==, -ENOTSUP);
    g_assert_cmpuint(qemu_chr_fe_add_watch(&fe, G_IO_OUT, NULL, NULL), ==,
                     0);
    qemu_chr_fe_set_handlers(&fe, test_fe_can_read, NULL, NULL, NULL, NULL,
                             NULL, true);
    qemu_chr_fe_accept_input(&fe);
    qemu_chr_fe_deinit(&fe, true);
}

static void test_frontend_in_use(void)
{
    Chardev *chr = chr_new("null,id=busy", &error_abort);
    TestFe *t = test_fe_new(chr, 1);
    CharFrontend other = { 0 };
    Error *err = NULL;

    g_assert_cmpint(t->events[CHR_EVENT_OPENED], ==, 0);
    g_assert_false(qemu_chr_fe_init(&other, chr, &err));
    g_assert_cmpstr(error_get_pretty(err), ==, "Device 'busy' is in use");
    error_free(err);
    /* Deleting the back end leaves a harmless front end. */
    qemu_chr_cleanup();
    g_assert_false(qemu_chr_fe_backend_connected(&t->fe));
    g_assert_cmpint(qemu_chr_fe_write(&t->fe, (const uint8_t *)"x", 1), ==,
                    0);
    test_fe_free(t, true);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    module_call_init(MODULE_INIT_QOM);

    g_test_add_func("/char/fe/watch-without-backend-support",
                    test_watch_without_backend_support);
    g_test_add_func("/char/socket/unix-pair", test_socket_unix_pair);
    g_test_add_func("/char/socket/backpressure", test_socket_backpressure);
    g_test_add_func("/char/socket/disconnect", test_socket_disconnect);
    g_test_add_func("/char/socket/connect-error", test_socket_connect_error);
    g_test_add_func("/char/socket/wait", test_socket_wait);
    g_test_add_func("/char/socket/tcp-telnet", test_socket_tcp_telnet);
    g_test_add_func("/char/socket/reconnect", test_socket_reconnect);
    g_test_add_func("/char/socket/write-watch", test_socket_write_watch);
    g_test_add_func("/char/file", test_file);
    g_test_add_func("/char/pipe", test_pipe);
    g_test_add_func("/char/pty", test_pty);
    g_test_add_func("/char/ringbuf", test_ringbuf);
    g_test_add_func("/char/mux", test_mux);
    g_test_add_func("/char/compat", test_compat);
    g_test_add_func("/char/new-and-errors", test_new_and_errors);
    g_test_add_func("/char/help", test_help);
    g_test_add_func("/char/stdio", test_stdio_single_user);
    g_test_add_func("/char/no-backend", test_no_backend);
    g_test_add_func("/char/frontend-in-use", test_frontend_in_use);
    return g_test_run();
}
