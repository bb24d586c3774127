/*
 * Character device back ends.
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * A Chardev is a QOM object under /chardevs/<id>.  Options arrive as a
 * QemuOpts list of strings (from -chardev, or built from the legacy
 * -serial/-qmp forms, or from QMP chardev-add).  Output is non-blocking:
 * chr_write takes what it can now, and a front end that wants the rest
 * asks for a watch.  Input is offered to the front end only as far as its
 * can_read handler allows; the back end stops reading meanwhile.
 */
#ifndef CHARDEV_CHAR_H
#define CHARDEV_CHAR_H

#include "qom/object.h"
#include "qemu/option.h"

typedef enum {
    CHR_EVENT_BREAK,    /* serial break from the outside */
    CHR_EVENT_OPENED,   /* peer connected / back end ready */
    CHR_EVENT_MUX_IN,   /* mux focus moved to this front end */
    CHR_EVENT_MUX_OUT,  /* mux focus moved away */
    CHR_EVENT_CLOSED,   /* peer gone */
} QEMUChrEvent;

#define CHR_READ_BUF_LEN 4096

typedef enum ChardevFeature {
    QEMU_CHAR_FEATURE_RECONNECTABLE,
    QEMU_CHAR_FEATURE_FD_PASS,
    QEMU_CHAR_FEATURE_REPLAY,
    QEMU_CHAR_FEATURE_GCONTEXT,
    QEMU_CHAR_FEATURE_LAST,
} ChardevFeature;

#define TYPE_CHARDEV "chardev"
OBJECT_DECLARE_TYPE(Chardev, ChardevClass, CHARDEV)

struct Chardev {
    Object parent_obj;

    GMutex chr_write_lock;
    CharFrontend *fe;
    char *label;
    char *filename;         /* query-chardev "filename" */
    int logfd;              /* logfile=, or -1 */
    int be_open;
    GSource *gsource;
    GMainContext *gcontext;
    unsigned long features[BITS_TO_LONGS(QEMU_CHAR_FEATURE_LAST)];
};

struct ChardevClass {
    ObjectClass parent_class;

    /* Not listed by query-chardev-backends, not creatable by -chardev. */
    bool internal;
    /* The -chardev back end name ("socket", "stdio", ...). */
    const char *backend_name;

    /**
     * open: set the back end up from @opts.  Set *@be_opened false when
     * the back end will send CHR_EVENT_OPENED itself later.
     */
    bool (*open)(Chardev *chr, QemuOpts *opts, bool *be_opened,
                 Error **errp);
    /**
     * chr_write: non-blocking; returns bytes taken (may be fewer than
     * @len, 0 when none fit now) or -1 on a broken peer.
     */
    int (*chr_write)(Chardev *s, const uint8_t *buf, int len);
    /** chr_add_watch: a GSource that fires when @cond holds. */
    GSource *(*chr_add_watch)(Chardev *s, GIOCondition cond);
    /** chr_update_read_handler: the front end's handlers changed. */
    void (*chr_update_read_handler)(Chardev *s);
    int (*chr_ioctl)(Chardev *s, int cmd, void *arg);
    void (*chr_set_fe_open)(Chardev *chr, int fe_open);
    void (*chr_be_event)(Chardev *s, QEMUChrEvent event);
    /** chr_accept_input: the front end has room again; resume reading. */
    void (*chr_accept_input)(Chardev *chr);
    void (*chr_set_echo)(Chardev *chr, bool echo);
    /** chr_wait_connected: block until a peer is there (wait=on). */
    bool (*chr_wait_connected)(Chardev *chr, Error **errp);
    void (*chr_disconnect)(Chardev *chr);
};

/* Creation and look-up. */

/**
 * qemu_chr_new_from_opts: create a back end from -chardev options
 * ("backend" implied key, "id" required).  Returns it, or NULL with @errp.
 */
Chardev *qemu_chr_new_from_opts(QemuOpts *opts, GMainContext *context,
                                Error **errp);

/**
 * qemu_chr_parse_compat: translate a legacy spec ("stdio", "null",
 * "unix:/p,server=on", "tcp:h:p", "file:x", "pty", "mon:stdio",
 * "chardev:id", ...) into -chardev options with id @label.
 */
QemuOpts *qemu_chr_parse_compat(const char *label, const char *filename,
                                bool permit_mux_mon, Error **errp);

/**
 * qemu_chr_new: the two steps above; "chardev:ID" returns the existing
 * back end.  @context NULL is the main loop.
 */
Chardev *qemu_chr_new(const char *label, const char *filename,
                      GMainContext *context, Error **errp);
Chardev *qemu_chr_new_mux_mon(const char *label, const char *filename,
                              GMainContext *context, Error **errp);

Chardev *qemu_chr_find(const char *name);
/** qemu_chr_remove: chardev-remove; fails while a front end uses it. */
bool qemu_chr_remove(const char *id, Error **errp);
/** qemu_chr_cleanup: close every back end (restores terminals). */
void qemu_chr_cleanup(void);
/** qemu_chr_foreach: visit every back end in creation order. */
void qemu_chr_foreach(void (*fn)(Chardev *chr, void *opaque), void *opaque);
/** qemu_chr_backend_foreach: visit every non-internal back end class. */
void qemu_chr_backend_foreach(void (*fn)(const char *name, void *opaque),
                              void *opaque);
/** qemu_chr_print_help: the text of "-chardev help". */
void qemu_chr_print_help(FILE *f);

bool qemu_chr_has_feature(Chardev *chr, ChardevFeature feature);
void qemu_chr_set_feature(Chardev *chr, ChardevFeature feature);
bool qemu_chr_is_busy(Chardev *s);

/* Back-end side: feeding the front end. */

/** qemu_chr_be_can_write: bytes the front end can take now. */
int qemu_chr_be_can_write(Chardev *s);
/** qemu_chr_be_write: deliver bytes (at most can_write of them). */
void qemu_chr_be_write(Chardev *s, const uint8_t *buf, int len);
/** qemu_chr_be_event: tell the front end about @event. */
void qemu_chr_be_event(Chardev *s, QEMUChrEvent event);
/** qemu_chr_be_update_read_handlers: handlers or context changed. */
void qemu_chr_be_update_read_handlers(Chardev *s, GMainContext *context);

/**
 * qemu_chr_write: write through the back end; with @write_all, loop
 * (waiting for the back end) until everything is out.  Returns the
 * count written or -1.
 */
int qemu_chr_write(Chardev *s, const uint8_t *buf, int len, bool write_all);

#endif
