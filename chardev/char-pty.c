/*
 * The pty back end: a new pseudo-terminal whose slave the user opens.
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * The back end is open while someone holds the slave side: the master
 * then reports no hang-up.  While nobody does, output is dropped and
 * the state is polled once a second, so a terminal program that
 * attaches later gets CHR_EVENT_OPENED.
 */
#include "qemu/osdep.h"
#include <poll.h>
#include <termios.h>
#include "qapi/error.h"
#include "qemu/error-report.h"
#include "qemu/option.h"
#include "chardev/char.h"
#include "chardev-internal.h"

#define TYPE_CHARDEV_PTY "chardev-pty"
OBJECT_DECLARE_SIMPLE_TYPE(PtyChardev, CHARDEV_PTY)

#define PTY_POLL_MS 1000

struct PtyChardev {
    Chardev parent_obj;

    int fd;                     /* the master */
    GIOChannel *ioc;
    GSource *read_source;
    GSource *poll_source;       /* while disconnected */
    GSource *refresh_source;    /* state check requested by a write */
    bool connected;
    char *link;                 /* path=, a symlink to the slave */
};

static bool pty_slave_is_open(PtyChardev *s)
{
    struct pollfd pfd = { .fd = s->fd, .events = POLLOUT };

    if (poll(&pfd, 1, 0) < 0) {
        return s->connected;
    }
    return !(pfd.revents & POLLHUP);
}

static void pty_chr_read(Chardev *chr, GIOCondition revents);
static void pty_chr_check(Chardev *chr);

static gboolean pty_chr_poll_cb(gpointer opaque)
{
    PtyChardev *s = CHARDEV_PTY(opaque);

    pty_chr_check(CHARDEV(s));
    return s->poll_source ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
}

static gboolean pty_chr_refresh_cb(gpointer opaque)
{
    PtyChardev *s = CHARDEV_PTY(opaque);

    chr_source_remove(&s->refresh_source);
    pty_chr_check(CHARDEV(s));
    return G_SOURCE_REMOVE;
}

static void pty_chr_start_polling(Chardev *chr)
{
    PtyChardev *s = CHARDEV_PTY(chr);

    if (!s->poll_source) {
        s->poll_source = g_timeout_source_new(PTY_POLL_MS);
        g_source_set_callback(s->poll_source, pty_chr_poll_cb, s, NULL);
        g_source_attach(s->poll_source, chr->gcontext);
    }
}

/* Bring the connected state in line with the slave side. */
static void pty_chr_check(Chardev *chr)
{
    PtyChardev *s = CHARDEV_PTY(chr);
    bool open = pty_slave_is_open(s);

    if (open && !s->connected) {
        s->connected = true;
        chr_source_remove(&s->poll_source);
        s->read_source = chr_read_source_new(chr, s->fd, pty_chr_read);
        qemu_chr_be_event(chr, CHR_EVENT_OPENED);
    } else if (!open && s->connected) {
        s->connected = false;
        chr_source_remove(&s->read_source);
        pty_chr_start_polling(chr);
        qemu_chr_be_event(chr, CHR_EVENT_CLOSED);
    } else if (!open) {
        pty_chr_start_polling(chr);
    }
}

static void pty_chr_read(Chardev *chr, GIOCondition revents)
{
    PtyChardev *s = CHARDEV_PTY(chr);
    uint8_t buf[CHR_READ_BUF_LEN];
    int len = MIN(qemu_chr_be_can_write(chr), (int)sizeof(buf));
    ssize_t n;

    if (len <= 0) {
        return;
    }
    n = read(s->fd, buf, len);
    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK ||
                  errno == EINTR)) {
        return;
    }
    if (n <= 0) {
        /* EIO: the last holder of the slave went away. */
        pty_chr_check(chr);
        return;
    }
    qemu_chr_be_write(chr, buf, n);
}

/*
 * Runs with the write lock held, so a state change that notifies the
 * front end is left to the main loop.
 */
static void pty_chr_request_refresh(Chardev *chr)
{
    PtyChardev *s = CHARDEV_PTY(chr);

    if (!s->refresh_source) {
        s->refresh_source = g_idle_source_new();
        g_source_set_callback(s->refresh_source, pty_chr_refresh_cb, s,
                              NULL);
        g_source_attach(s->refresh_source, chr->gcontext);
    }
}

static int pty_chr_write(Chardev *chr, const uint8_t *buf, int len)
{
    PtyChardev *s = CHARDEV_PTY(chr);
    ssize_t n;

    if (!s->connected) {
        if (!pty_slave_is_open(s)) {
            return len;
        }
        pty_chr_request_refresh(chr);
    }
    do {
        n = write(s->fd, buf, len);
    } while (n < 0 && errno == EINTR);
    if (n < 0) {
        if (errno == EAGAIN || errno == EWOULDBLOCK) {
            return 0;
        }
        pty_chr_request_refresh(chr);
        return len;
    }
    return n;
}

static GSource *pty_chr_add_watch(Chardev *chr, GIOCondition cond)
{
    PtyChardev *s = CHARDEV_PTY(chr);

    if (!s->connected) {
        return chr_ready_source_new();
    }
    return g_io_create_watch(s->ioc, cond);
}

static void pty_chr_update_read_handler(Chardev *chr)
{
    PtyChardev *s = CHARDEV_PTY(chr);

    if (s->read_source) {
        chr_source_remove(&s->read_source);
        s->read_source = chr_read_source_new(chr, s->fd, pty_chr_read);
    }
    if (s->poll_source) {
        chr_source_remove(&s->poll_source);
        pty_chr_start_polling(chr);
    }
}

/* Raw mode, set through a short-lived slave descriptor. */
static void pty_make_raw(const char *slave_name)
{
    struct termios tty;
    int sfd = open(slave_name, O_RDWR | O_NOCTTY | O_CLOEXEC);

    if (sfd < 0) {
        return;
    }
    if (tcgetattr(sfd, &tty) == 0) {
        cfmakeraw(&tty);
        tcsetattr(sfd, TCSAFLUSH, &tty);
    }
    close(sfd);
}

static bool pty_chr_open(Chardev *chr, QemuOpts *opts, bool *be_opened,
                         Error **errp)
{
    PtyChardev *s = CHARDEV_PTY(chr);
    const char *link = qemu_opt_get(opts, "path");
    const char *name;

    s->fd = posix_openpt(O_RDWR | O_NOCTTY | O_CLOEXEC);
    if (s->fd < 0 || grantpt(s->fd) < 0 || unlockpt(s->fd) < 0 ||
        !(name = ptsname(s->fd))) {
        error_setg_errno(errp, errno, "Failed to create PTY");
        return false;
    }
    pty_make_raw(name);
    if (link) {
        if (symlink(name, link) < 0) {
            error_setg_errno(errp, errno, "Failed to create PTY symlink");
            return false;
        }
        s->link = g_strdup(link);
    }
    chr_ignore_sigpipe();
    chr_set_nonblock(s->fd);
    s->ioc = g_io_channel_unix_new(s->fd);
    chr->filename = g_strdup_printf("pty:%s", name);
    error_printf("char device redirected to %s (label %s)\n", name,
                 chr->label);
    *be_opened = false;
    pty_chr_check(chr);
    return true;
}

static void pty_chr_instance_init(Object *obj)
{
    CHARDEV_PTY(obj)->fd = -1;
}

static void pty_chr_instance_finalize(Object *obj)
{
    PtyChardev *s = CHARDEV_PTY(obj);

    chr_source_remove(&s->read_source);
    chr_source_remove(&s->poll_source);
    chr_source_remove(&s->refresh_source);
    if (s->ioc) {
        g_io_channel_unref(s->ioc);
    }
    if (s->fd >= 0) {
        close(s->fd);
    }
    if (s->link) {
        unlink(s->link);
        g_free(s->link);
    }
}

static void pty_chr_class_init(ObjectClass *klass, const void *data)
{
    ChardevClass *cc = CHARDEV_CLASS(klass);

    cc->backend_name = "pty";
    cc->open = pty_chr_open;
    cc->chr_write = pty_chr_write;
    cc->chr_add_watch = pty_chr_add_watch;
    cc->chr_update_read_handler = pty_chr_update_read_handler;
}

static const TypeInfo pty_chr_types[] = {
    {
        .name = TYPE_CHARDEV_PTY,
        .parent = TYPE_CHARDEV,
        .instance_size = sizeof(PtyChardev),
        .instance_init = pty_chr_instance_init,
        .instance_finalize = pty_chr_instance_finalize,
        .class_init = pty_chr_class_init,
    },
};
DEFINE_TYPES(pty_chr_types)
