/*
 * The multiplexer: up to four front ends share one back end (mux=on,
 * mon:DEV).
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * Output of every front end goes through; input goes to the front end
 * with the focus only.  The escape key (Ctrl-A, see -echr) followed by
 * a letter controls the multiplexer itself.  While the focused front end
 * is busy, up to MUX_BUFFER_SIZE bytes wait here for it; beyond that the
 * back end stops reading.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "chardev/char-fe.h"
#include "chardev/char-mux.h"
#include "chardev-internal.h"

int term_escape_char = 0x01;
void (*mux_quit_hook)(void);

/* '%' stands for the escape key in these lines. */
static const char *const mux_help_lines[] = {
    "% h    print this help\n\r",
    "% x    exit emulator\n\r",
    "% s    save disk data back to file (if -snapshot)\n\r",
    "% t    toggle console timestamps\n\r",
    "% b    send break (magic sysrq)\n\r",
    "% c    switch between console and monitor\n\r",
    "% %  sends %\n\r",
};

static void mux_send_event(MuxChardev *d, int slot, QEMUChrEvent event)
{
    CharFrontend *fe = d->frontends[slot];

    if (fe && fe->chr_event) {
        fe->chr_event(fe->opaque, event);
    }
}

static void mux_send_event_all(MuxChardev *d, QEMUChrEvent event)
{
    int i;

    for (i = 0; i < MUX_MAX_FRONTENDS; i++) {
        mux_send_event(d, i, event);
    }
}

static void mux_wake_base(MuxChardev *d)
{
    if (d->base.chr) {
        chr_context_wakeup(d->base.chr);
    }
}

/* Output */

static void mux_write_stamp(MuxChardev *d)
{
    int64_t now = g_get_monotonic_time();
    int64_t ms;
    char stamp[64];

    if (d->timestamps_start_us < 0) {
        d->timestamps_start_us = now;
    }
    ms = (now - d->timestamps_start_us) / 1000;
    snprintf(stamp, sizeof(stamp), "[%02d:%02d:%02d.%03d] ",
             (int)(ms / 3600000), (int)(ms / 60000 % 60),
             (int)(ms / 1000 % 60), (int)(ms % 1000));
    qemu_chr_fe_write_all(&d->base, (const uint8_t *)stamp, strlen(stamp));
}

static int mux_chr_write(Chardev *chr, const uint8_t *buf, int len)
{
    MuxChardev *d = CHARDEV_MUX(chr);
    int done = 0;
    int n;

    if (!d->base.chr) {
        return len;
    }
    if (!d->timestamps) {
        return qemu_chr_fe_write_all(&d->base, buf, len);
    }
    while (done < len) {
        const uint8_t *nl = memchr(buf + done, '\n', len - done);

        n = nl ? nl - (buf + done) + 1 : len - done;
        if (d->at_line_start) {
            mux_write_stamp(d);
        }
        if (qemu_chr_fe_write_all(&d->base, buf + done, n) < 0) {
            return -1;
        }
        d->at_line_start = nl != NULL;
        done += n;
    }
    return len;
}

static void mux_print_help(Chardev *chr)
{
    g_autoptr(GString) text = g_string_new(NULL);
    g_autofree char *key = NULL;
    const char *p;
    size_t i;

    if (term_escape_char > 0 && term_escape_char < 26) {
        g_string_append(text, "\n\r");
        key = g_strdup_printf("C-%c", term_escape_char - 1 + 'a');
    } else {
        g_string_append_printf(text,
                               "\n\rEscape-Char set to Ascii: 0x%02x\n\r\n\r",
                               term_escape_char);
        key = g_strdup_printf("%c", term_escape_char);
    }
    for (i = 0; i < ARRAY_SIZE(mux_help_lines); i++) {
        for (p = mux_help_lines[i]; *p; p++) {
            if (*p == '%') {
                g_string_append(text, key);
            } else {
                g_string_append_c(text, *p);
            }
        }
    }
    qemu_chr_write(chr, (const uint8_t *)text->str, text->len, true);
}

/* Input */

/* Hand buffered input to the focused front end as far as it has room. */
static void mux_flush(MuxChardev *d, int slot)
{
    CharFrontend *fe = d->frontends[slot];
    unsigned int start;
    int room;
    int n;

    while (fe && fe->chr_can_read && fe->chr_read &&
           d->prod[slot] != d->cons[slot]) {
        room = fe->chr_can_read(fe->opaque);
        if (room <= 0) {
            break;
        }
        start = d->cons[slot] % MUX_BUFFER_SIZE;
        n = MIN(d->prod[slot] - d->cons[slot], MUX_BUFFER_SIZE - start);
        n = MIN(n, room);
        d->cons[slot] += n;
        fe->chr_read(fe->opaque, &d->buffer[slot][start], n);
    }
}

static void mux_deliver(MuxChardev *d, const uint8_t *buf, int len)
{
    int slot = d->focus;
    CharFrontend *fe;
    int n;

    if (slot < 0 || !d->frontends[slot]) {
        return;
    }
    fe = d->frontends[slot];
    mux_flush(d, slot);
    if (d->prod[slot] == d->cons[slot] && fe->chr_can_read && fe->chr_read) {
        n = MIN(fe->chr_can_read(fe->opaque), len);
        if (n > 0) {
            fe->chr_read(fe->opaque, buf, n);
            buf += n;
            len -= n;
        }
    }
    while (len > 0 && d->prod[slot] - d->cons[slot] < MUX_BUFFER_SIZE) {
        d->buffer[slot][d->prod[slot]++ % MUX_BUFFER_SIZE] = *buf++;
        len--;
    }
}

static void mux_rotate_focus(MuxChardev *d)
{
    int i;
    int slot;

    for (i = 1; i <= MUX_MAX_FRONTENDS; i++) {
        slot = (d->focus + i) % MUX_MAX_FRONTENDS;
        if (d->frontends[slot]) {
            mux_chr_set_focus(CHARDEV(d), slot);
            return;
        }
    }
}

static void mux_quit(MuxChardev *d)
{
    static const char term[] = "QEMU: Terminated\n\r";

    qemu_chr_write(CHARDEV(d), (const uint8_t *)term, strlen(term), true);
    if (mux_quit_hook) {
        mux_quit_hook();
    } else {
        exit(0);
    }
}

/* Act on @ch; true when it is data for the focused front end. */
static bool mux_proc_byte(MuxChardev *d, uint8_t ch)
{
    if (!d->got_escape) {
        if (ch == term_escape_char) {
            d->got_escape = true;
            return false;
        }
        return true;
    }
    d->got_escape = false;
    if (ch == term_escape_char) {
        return true;
    }
    switch (ch) {
    case '?':
    case 'h':
        mux_print_help(CHARDEV(d));
        break;
    case 'x':
        mux_quit(d);
        break;
    case 'b':
        qemu_chr_be_event(CHARDEV(d), CHR_EVENT_BREAK);
        break;
    case 'c':
        mux_rotate_focus(d);
        break;
    case 't':
        d->timestamps = !d->timestamps;
        d->timestamps_start_us = -1;
        d->at_line_start = false;
        break;
    default:
        /* 's' (commit disks) has nothing to do here; others are dropped. */
        break;
    }
    return false;
}

static int mux_base_can_read(void *opaque)
{
    MuxChardev *d = opaque;
    int slot = d->focus;
    CharFrontend *fe;
    unsigned int used;
    int room;

    if (slot < 0 || !d->frontends[slot]) {
        return 0;
    }
    fe = d->frontends[slot];
    used = d->prod[slot] - d->cons[slot];
    room = MUX_BUFFER_SIZE - used;
    if (used == 0 && fe->chr_can_read) {
        room += MAX(fe->chr_can_read(fe->opaque), 0);
    }
    return room;
}

static void mux_base_read(void *opaque, const uint8_t *buf, int size)
{
    MuxChardev *d = opaque;
    int run = 0;
    int i;

    for (i = 0; i < size; i++) {
        if (!d->got_escape && buf[i] != term_escape_char) {
            run++;
            continue;
        }
        /* Data before an escape goes out before the escape acts. */
        mux_deliver(d, buf + i - run, run);
        run = 0;
        if (mux_proc_byte(d, buf[i])) {
            mux_deliver(d, buf + i, 1);
        }
    }
    mux_deliver(d, buf + size - run, run);
}

/*
 * During start-up the front ends do not learn that the mux is open: they
 * hear OPENED together once the machine is built, when the focus has
 * settled (so the HMP banner waits until the monitor gets the focus,
 * as in QEMU).
 */
static bool mux_open_deferred;

void mux_chr_defer_open_events(void)
{
    mux_open_deferred = true;
}

static void mux_chr_release_open(Chardev *chr, void *opaque)
{
    MuxChardev *d;

    if (!object_dynamic_cast(OBJECT(chr), TYPE_CHARDEV_MUX)) {
        return;
    }
    d = CHARDEV_MUX(chr);
    if (d->base_open && !chr->be_open) {
        chr->be_open = 1;
        mux_send_event_all(d, CHR_EVENT_OPENED);
    }
}

void mux_chr_realize_done(void)
{
    mux_open_deferred = false;
    qemu_chr_foreach(mux_chr_release_open, NULL);
}

static void mux_base_event(void *opaque, QEMUChrEvent event)
{
    MuxChardev *d = opaque;
    Chardev *chr = CHARDEV(d);

    if (event == CHR_EVENT_OPENED) {
        d->base_open = true;
        if (mux_open_deferred) {
            return;
        }
        chr->be_open = 1;
    } else if (event == CHR_EVENT_CLOSED) {
        d->base_open = false;
        chr->be_open = 0;
    }
    mux_send_event_all(d, event);
}

/* Interface to char.c and char-fe.c */

void mux_chr_set_focus(Chardev *mux, int focus)
{
    MuxChardev *d = CHARDEV_MUX(mux);

    if (focus < 0 || focus >= MUX_MAX_FRONTENDS || !d->frontends[focus]) {
        return;
    }
    if (d->focus >= 0) {
        mux_send_event(d, d->focus, CHR_EVENT_MUX_OUT);
    }
    d->focus = focus;
    mux->fe = d->frontends[focus];
    mux_send_event(d, focus, CHR_EVENT_MUX_IN);
    mux_wake_base(d);
}

bool mux_chr_attach_base(Chardev *mux, Chardev *base, Error **errp)
{
    MuxChardev *d = CHARDEV_MUX(mux);

    if (!qemu_chr_fe_init(&d->base, base, errp)) {
        return false;
    }
    qemu_chr_fe_set_handlers(&d->base, mux_base_can_read, mux_base_read,
                             mux_base_event, NULL, d, mux->gcontext, true);
    return true;
}

bool mux_chr_attach_frontend(Chardev *mux, CharFrontend *fe, Error **errp)
{
    MuxChardev *d = CHARDEV_MUX(mux);
    int i;

    for (i = 0; i < MUX_MAX_FRONTENDS; i++) {
        if (!d->frontends[i]) {
            d->frontends[i] = fe;
            d->prod[i] = d->cons[i] = 0;
            fe->tag = i;
            return true;
        }
    }
    error_setg(errp, "Device '%s' is in use", mux->label);
    return false;
}

void mux_chr_detach_frontend(Chardev *mux, CharFrontend *fe)
{
    MuxChardev *d = CHARDEV_MUX(mux);
    int slot = fe->tag;
    int i;

    if (slot < 0 || slot >= MUX_MAX_FRONTENDS || d->frontends[slot] != fe) {
        return;
    }
    d->frontends[slot] = NULL;
    d->prod[slot] = d->cons[slot] = 0;
    if (d->focus == slot) {
        d->focus = -1;
        for (i = 1; i < MUX_MAX_FRONTENDS; i++) {
            if (d->frontends[(slot + i) % MUX_MAX_FRONTENDS]) {
                d->focus = (slot + i) % MUX_MAX_FRONTENDS;
                break;
            }
        }
        mux->fe = d->focus >= 0 ? d->frontends[d->focus] : NULL;
    }
}

bool mux_chr_has_frontends(Chardev *mux)
{
    MuxChardev *d = CHARDEV_MUX(mux);
    int i;

    for (i = 0; i < MUX_MAX_FRONTENDS; i++) {
        if (d->frontends[i]) {
            return true;
        }
    }
    return false;
}

/* Class methods */

static bool mux_chr_open(Chardev *chr, QemuOpts *opts, bool *be_opened,
                         Error **errp)
{
    /* Open once the real back end says so (mux_base_event). */
    *be_opened = false;
    return true;
}

static void mux_chr_accept_input(Chardev *chr)
{
    MuxChardev *d = CHARDEV_MUX(chr);

    if (d->focus >= 0) {
        mux_flush(d, d->focus);
    }
    qemu_chr_fe_accept_input(&d->base);
}

static void mux_chr_update_read_handler(Chardev *chr)
{
    MuxChardev *d = CHARDEV_MUX(chr);

    if (d->base.chr) {
        qemu_chr_be_update_read_handlers(d->base.chr, chr->gcontext);
    }
}

static GSource *mux_chr_add_watch(Chardev *chr, GIOCondition cond)
{
    MuxChardev *d = CHARDEV_MUX(chr);
    Chardev *base = d->base.chr;
    ChardevClass *cc;

    if (!base) {
        return NULL;
    }
    cc = CHARDEV_GET_CLASS(base);
    return cc->chr_add_watch ? cc->chr_add_watch(base, cond) : NULL;
}

static void mux_chr_instance_init(Object *obj)
{
    MuxChardev *d = CHARDEV_MUX(obj);

    d->focus = -1;
    d->timestamps_start_us = -1;
}

static void mux_chr_instance_finalize(Object *obj)
{
    MuxChardev *d = CHARDEV_MUX(obj);
    int i;

    for (i = 0; i < MUX_MAX_FRONTENDS; i++) {
        if (d->frontends[i]) {
            d->frontends[i]->chr = NULL;
            d->frontends[i] = NULL;
        }
    }
    CHARDEV(d)->fe = NULL;
    qemu_chr_fe_deinit(&d->base, false);
}

static void mux_chr_class_init(ObjectClass *klass, const void *data)
{
    ChardevClass *cc = CHARDEV_CLASS(klass);

    cc->internal = true;
    cc->backend_name = "mux";
    cc->open = mux_chr_open;
    cc->chr_write = mux_chr_write;
    cc->chr_accept_input = mux_chr_accept_input;
    cc->chr_update_read_handler = mux_chr_update_read_handler;
    cc->chr_add_watch = mux_chr_add_watch;
}

static const TypeInfo mux_chr_types[] = {
    {
        .name = TYPE_CHARDEV_MUX,
        .parent = TYPE_CHARDEV,
        .instance_size = sizeof(MuxChardev),
        .instance_init = mux_chr_instance_init,
        .instance_finalize = mux_chr_instance_finalize,
        .class_init = mux_chr_class_init,
    },
};
DEFINE_TYPES(mux_chr_types)
