/*
 * Back ends over a pair of plain file descriptors (file, pipe, stdio).
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include "qemu/osdep.h"
#include "chardev/char.h"
#include "chardev-internal.h"

static int fd_chr_write(Chardev *chr, const uint8_t *buf, int len)
{
    FDChardev *s = CHARDEV_FD(chr);
    ssize_t n;

    if (s->fd_out < 0) {
        return len;
    }
    do {
        n = write(s->fd_out, buf, len);
    } while (n < 0 && errno == EINTR);
    if (n < 0) {
        return (errno == EAGAIN || errno == EWOULDBLOCK) ? 0 : -1;
    }
    return n;
}

static void fd_chr_read(Chardev *chr, GIOCondition revents)
{
    FDChardev *s = CHARDEV_FD(chr);
    uint8_t buf[CHR_READ_BUF_LEN];
    int len = MIN(qemu_chr_be_can_write(chr), (int)sizeof(buf));
    ssize_t n;

    if (len <= 0) {
        return;
    }
    n = read(s->fd_in, buf, len);
    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK ||
                  errno == EINTR)) {
        return;
    }
    if (n <= 0) {
        /* End of input: nothing more will come from this descriptor. */
        chr_source_remove(&s->read_source);
        qemu_chr_be_event(chr, CHR_EVENT_CLOSED);
        return;
    }
    qemu_chr_be_write(chr, buf, n);
}

void fd_chr_attach(Chardev *chr, int fd_in, int fd_out, bool close_fds)
{
    FDChardev *s = CHARDEV_FD(chr);

    s->fd_in = fd_in;
    s->fd_out = fd_out;
    s->close_fds = close_fds;
    if (fd_out >= 0) {
        s->ioc_out = g_io_channel_unix_new(fd_out);
    }
    if (fd_in >= 0) {
        chr_set_nonblock(fd_in);
        s->read_source = chr_read_source_new(chr, fd_in, fd_chr_read);
    }
}

static GSource *fd_chr_add_watch(Chardev *chr, GIOCondition cond)
{
    FDChardev *s = CHARDEV_FD(chr);

    if (!s->ioc_out) {
        return chr_ready_source_new();
    }
    return g_io_create_watch(s->ioc_out, cond);
}

static void fd_chr_update_read_handler(Chardev *chr)
{
    FDChardev *s = CHARDEV_FD(chr);

    /* Follow the front end to its context, unless input has ended. */
    if (s->read_source) {
        chr_source_remove(&s->read_source);
        s->read_source = chr_read_source_new(chr, s->fd_in, fd_chr_read);
    }
}

static void fd_chr_instance_init(Object *obj)
{
    FDChardev *s = CHARDEV_FD(obj);

    s->fd_in = -1;
    s->fd_out = -1;
}

static void fd_chr_instance_finalize(Object *obj)
{
    FDChardev *s = CHARDEV_FD(obj);

    chr_source_remove(&s->read_source);
    if (s->ioc_out) {
        g_io_channel_unref(s->ioc_out);
    }
    if (s->close_fds) {
        if (s->fd_in >= 0) {
            close(s->fd_in);
        }
        if (s->fd_out >= 0 && s->fd_out != s->fd_in) {
            close(s->fd_out);
        }
    }
}

static void fd_chr_class_init(ObjectClass *klass, const void *data)
{
    ChardevClass *cc = CHARDEV_CLASS(klass);

    cc->chr_write = fd_chr_write;
    cc->chr_add_watch = fd_chr_add_watch;
    cc->chr_update_read_handler = fd_chr_update_read_handler;
}

static const TypeInfo fd_chr_types[] = {
    {
        .name = TYPE_CHARDEV_FD,
        .parent = TYPE_CHARDEV,
        .instance_size = sizeof(FDChardev),
        .instance_init = fd_chr_instance_init,
        .instance_finalize = fd_chr_instance_finalize,
        .class_init = fd_chr_class_init,
        .abstract = true,
    },
};
DEFINE_TYPES(fd_chr_types)
