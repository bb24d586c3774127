/*
 * Character device front ends: what devices and monitors hold.
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#ifndef CHARDEV_CHAR_FE_H
#define CHARDEV_CHAR_FE_H

#include "chardev/char.h"

typedef void IOEventHandler(void *opaque, QEMUChrEvent event);
typedef int BackendChangeHandler(void *opaque);
/** IOCanReadHandler: bytes the device can take now (0: stop reading). */
typedef int IOCanReadHandler(void *opaque);
/** IOReadHandler: bytes, never more than the last can-read answer. */
typedef void IOReadHandler(void *opaque, const uint8_t *buf, int size);
typedef gboolean FEWatchFunc(void *do_not_use, GIOCondition condition,
                             void *data);

struct CharFrontend {
    Chardev *chr;
    IOEventHandler *chr_event;
    IOCanReadHandler *chr_can_read;
    IOReadHandler *chr_read;
    BackendChangeHandler *chr_be_change;
    void *opaque;
    int tag;                /* index in a mux, else 0 */
    bool fe_is_open;
};

/** qemu_chr_fe_init: attach @b to @s; fails if @s already has one. */
bool qemu_chr_fe_init(CharFrontend *b, Chardev *s, Error **errp);
/** qemu_chr_fe_deinit: detach; with @del also delete the back end. */
void qemu_chr_fe_deinit(CharFrontend *b, bool del);
Chardev *qemu_chr_fe_get_driver(CharFrontend *be);
bool qemu_chr_fe_backend_connected(CharFrontend *be);
bool qemu_chr_fe_backend_open(CharFrontend *be);

/**
 * qemu_chr_fe_set_handlers: install the callbacks (NULL to remove).
 * With @set_open the front end is marked open; if the back end is
 * already open, @fd_event gets CHR_EVENT_OPENED now.
 */
void qemu_chr_fe_set_handlers(CharFrontend *b,
                              IOCanReadHandler *fd_can_read,
                              IOReadHandler *fd_read,
                              IOEventHandler *fd_event,
                              BackendChangeHandler *be_change,
                              void *opaque, GMainContext *context,
                              bool set_open);
void qemu_chr_fe_take_focus(CharFrontend *b);
void qemu_chr_fe_accept_input(CharFrontend *be);
void qemu_chr_fe_set_open(CharFrontend *be, bool is_open);
void qemu_chr_fe_set_echo(CharFrontend *be, bool echo);

/**
 * qemu_chr_fe_write: non-blocking; returns the count taken (maybe 0 or
 * fewer than @len), or -1 on error; 0 without a back end.
 */
int qemu_chr_fe_write(CharFrontend *be, const uint8_t *buf, int len);
/** qemu_chr_fe_write_all: blocking; @len, 0 without back end, -1. */
int qemu_chr_fe_write_all(CharFrontend *be, const uint8_t *buf, int len);
void qemu_chr_fe_printf(CharFrontend *be, const char *fmt, ...)
    G_GNUC_PRINTF(2, 3);

/**
 * qemu_chr_fe_add_watch: call @func when @cond holds on the back end
 * (G_IO_OUT: it can take more).  Where the back end cannot watch, @func
 * is called after a millisecond instead, so a writer that got 0 always
 * tries again.  Returns a GSource tag; 0 only without a back end.
 */
guint qemu_chr_fe_add_watch(CharFrontend *be, GIOCondition cond,
                            FEWatchFunc func, void *user_data);

/** qemu_chr_fe_ioctl: back-end control; -ENOTSUP when unsupported. */
int qemu_chr_fe_ioctl(CharFrontend *be, int cmd, void *arg);
void qemu_chr_fe_disconnect(CharFrontend *be);
bool qemu_chr_fe_wait_connected(CharFrontend *be, Error **errp);

#endif
