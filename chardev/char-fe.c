/*
 * Character device front ends: the half a device or monitor holds.
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * Every call is safe without a back end: it does nothing and returns 0
 * (-ENOTSUP for ioctl), so a UART works with no -serial at all.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "chardev/char-fe.h"
#include "chardev-internal.h"

static bool chr_is_mux(Chardev *s)
{
    return object_dynamic_cast(OBJECT(s), TYPE_CHARDEV_MUX) != NULL;
}

bool qemu_chr_fe_init(CharFrontend *b, Chardev *s, Error **errp)
{
    b->tag = 0;
    if (s) {
        if (chr_is_mux(s)) {
            if (!mux_chr_attach_frontend(s, b, errp)) {
                return false;
            }
        } else if (s->fe) {
            error_setg(errp, "Device '%s' is in use", s->label);
            return false;
        } else {
            s->fe = b;
        }
    }
    b->fe_is_open = false;
    b->chr = s;
    return true;
}

void qemu_chr_fe_deinit(CharFrontend *b, bool del)
{
    Chardev *s = b->chr;

    if (!s) {
        return;
    }
    qemu_chr_fe_set_handlers(b, NULL, NULL, NULL, NULL, NULL, NULL, true);
    if (s->fe == b) {
        s->fe = NULL;
    }
    if (chr_is_mux(s)) {
        mux_chr_detach_frontend(s, b);
    }
    b->chr = NULL;
    if (del) {
        if (OBJECT(s)->parent) {
            object_unparent(OBJECT(s));
        } else {
            object_unref(OBJECT(s));
        }
    }
}

Chardev *qemu_chr_fe_get_driver(CharFrontend *be)
{
    return be->chr;
}

bool qemu_chr_fe_backend_connected(CharFrontend *be)
{
    return be->chr != NULL;
}

bool qemu_chr_fe_backend_open(CharFrontend *be)
{
    return be->chr && be->chr->be_open;
}

void qemu_chr_fe_set_handlers(CharFrontend *b,
                              IOCanReadHandler *fd_can_read,
                              IOReadHandler *fd_read,
                              IOEventHandler *fd_event,
                              BackendChangeHandler *be_change,
                              void *opaque, GMainContext *context,
                              bool set_open)
{
    Chardev *s = b->chr;
    bool fe_open;

    if (!s) {
        return;
    }
    fe_open = opaque || fd_can_read || fd_read || fd_event;
    b->chr_can_read = fd_can_read;
    b->chr_read = fd_read;
    b->chr_event = fd_event;
    b->chr_be_change = be_change;
    b->opaque = opaque;
    qemu_chr_be_update_read_handlers(s, context);
    if (set_open) {
        qemu_chr_fe_set_open(b, fe_open);
    }
    if (fe_open) {
        qemu_chr_fe_take_focus(b);
        /* A late front end still learns that the back end is up. */
        if (s->be_open && fd_event) {
            fd_event(opaque, CHR_EVENT_OPENED);
        }
    }
}

void qemu_chr_fe_take_focus(CharFrontend *b)
{
    if (b->chr && chr_is_mux(b->chr)) {
        mux_chr_set_focus(b->chr, b->tag);
    }
}

void qemu_chr_fe_accept_input(CharFrontend *be)
{
    Chardev *s = be->chr;
    ChardevClass *cc;

    if (!s) {
        return;
    }
    cc = CHARDEV_GET_CLASS(s);
    if (cc->chr_accept_input) {
        cc->chr_accept_input(s);
    }
    chr_context_wakeup(s);
}

void qemu_chr_fe_set_open(CharFrontend *be, bool is_open)
{
    Chardev *s = be->chr;
    ChardevClass *cc;

    if (!s || be->fe_is_open == is_open) {
        return;
    }
    be->fe_is_open = is_open;
    cc = CHARDEV_GET_CLASS(s);
    if (cc->chr_set_fe_open) {
        cc->chr_set_fe_open(s, is_open);
    }
}

void qemu_chr_fe_set_echo(CharFrontend *be, bool echo)
{
    Chardev *s = be->chr;
    ChardevClass *cc;

    if (!s) {
        return;
    }
    cc = CHARDEV_GET_CLASS(s);
    if (cc->chr_set_echo) {
        cc->chr_set_echo(s, echo);
    }
}

int qemu_chr_fe_write(CharFrontend *be, const uint8_t *buf, int len)
{
    if (!be->chr) {
        return 0;
    }
    return qemu_chr_write(be->chr, buf, len, false);
}

int qemu_chr_fe_write_all(CharFrontend *be, const uint8_t *buf, int len)
{
    if (!be->chr) {
        return 0;
    }
    return qemu_chr_write(be->chr, buf, len, true);
}

void qemu_chr_fe_printf(CharFrontend *be, const char *fmt, ...)
{
    g_autofree char *text = NULL;
    va_list ap;

    va_start(ap, fmt);
    text = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    qemu_chr_fe_write_all(be, (const uint8_t *)text, strlen(text));
}

/* A back end that cannot watch is polled: a short timer stands in. */
#define CHR_FE_WATCH_RETRY_MS 1

typedef struct CharFeWatchRetry {
    FEWatchFunc *func;
    GIOCondition cond;
    void *user_data;
} CharFeWatchRetry;

static gboolean qemu_chr_fe_watch_retry(gpointer opaque)
{
    CharFeWatchRetry *r = opaque;

    return r->func(NULL, r->cond, r->user_data);
}

guint qemu_chr_fe_add_watch(CharFrontend *be, GIOCondition cond,
                            FEWatchFunc func, void *user_data)
{
    Chardev *s = be->chr;
    ChardevClass *cc;
    GSource *src = NULL;
    guint tag;

    if (!s) {
        return 0;
    }
    cc = CHARDEV_GET_CLASS(s);
    if (cc->chr_add_watch) {
        src = cc->chr_add_watch(s, cond);
    }
    if (src) {
        g_source_set_callback(src, (GSourceFunc)(void (*)(void))func,
                              user_data, NULL);
    } else {
        CharFeWatchRetry *r = g_new(CharFeWatchRetry, 1);

        r->func = func;
        r->cond = cond;
        r->user_data = user_data;
        src = g_timeout_source_new(CHR_FE_WATCH_RETRY_MS);
        g_source_set_callback(src, qemu_chr_fe_watch_retry, r, g_free);
    }
    tag = g_source_attach(src, s->gcontext);
    g_source_unref(src);
    return tag;
}

int qemu_chr_fe_ioctl(CharFrontend *be, int cmd, void *arg)
{
    Chardev *s = be->chr;
    ChardevClass *cc;

    if (!s) {
        return -ENOTSUP;
    }
    cc = CHARDEV_GET_CLASS(s);
    if (!cc->chr_ioctl) {
        return -ENOTSUP;
    }
    return cc->chr_ioctl(s, cmd, arg);
}

void qemu_chr_fe_disconnect(CharFrontend *be)
{
    Chardev *s = be->chr;
    ChardevClass *cc;

    if (!s) {
        return;
    }
    cc = CHARDEV_GET_CLASS(s);
    if (cc->chr_disconnect) {
        cc->chr_disconnect(s);
    }
}

bool qemu_chr_fe_wait_connected(CharFrontend *be, Error **errp)
{
    Chardev *s = be->chr;
    ChardevClass *cc;

    if (!s) {
        error_setg(errp, "missing associated backend");
        return false;
    }
    cc = CHARDEV_GET_CLASS(s);
    if (!cc->chr_wait_connected) {
        return true;
    }
    return cc->chr_wait_connected(s, errp);
}
