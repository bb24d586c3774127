/*
 * Character devices: what the back ends in chardev/ share privately.
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#ifndef CHARDEV_INTERNAL_H
#define CHARDEV_INTERNAL_H

#include "chardev/char-fe.h"

#define MUX_MAX_FRONTENDS 4
#define MUX_BUFFER_SIZE 32      /* input held per front end while it is busy */

#define TYPE_CHARDEV_MUX "chardev-mux"
OBJECT_DECLARE_SIMPLE_TYPE(MuxChardev, CHARDEV_MUX)

struct MuxChardev {
    Chardev parent_obj;

    CharFrontend *frontends[MUX_MAX_FRONTENDS];
    CharFrontend base;          /* our own front end on the real back end */
    int focus;                  /* index in frontends[], or -1 */
    bool base_open;             /* the real back end reported OPENED */
    bool got_escape;
    bool timestamps;
    bool at_line_start;
    int64_t timestamps_start_us;    /* -1: not yet started */
    uint8_t buffer[MUX_MAX_FRONTENDS][MUX_BUFFER_SIZE];
    unsigned int prod[MUX_MAX_FRONTENDS];
    unsigned int cons[MUX_MAX_FRONTENDS];
};

/**
 * mux_chr_attach_base: make @mux multiplex @base.
 * @mux: a new, empty multiplexer.
 * @base: the real back end; it must have no front end yet.
 * @errp: error destination.
 *
 * Returns: false with @errp set when @base cannot be used.
 */
bool mux_chr_attach_base(Chardev *mux, Chardev *base, Error **errp);

/**
 * mux_chr_attach_frontend: give @fe a slot of @mux.
 * @mux: the multiplexer.
 * @fe: the front end; its tag becomes the slot index.
 * @errp: error destination.
 *
 * Returns: false with @errp set when all slots are taken.
 */
bool mux_chr_attach_frontend(Chardev *mux, CharFrontend *fe, Error **errp);

/** mux_chr_detach_frontend: free the slot of @fe. */
void mux_chr_detach_frontend(Chardev *mux, CharFrontend *fe);

/** mux_chr_has_frontends: does any front end use @mux? */
bool mux_chr_has_frontends(Chardev *mux);

/**
 * mux_chr_set_focus: route input to slot @focus; the old focus gets
 * CHR_EVENT_MUX_OUT and the new one CHR_EVENT_MUX_IN.  The focused front
 * end is also the multiplexer's Chardev.fe, so events raised on the
 * multiplexer itself (escape b) reach it only.
 */
void mux_chr_set_focus(Chardev *mux, int focus);

/* Sources shared by the back ends that poll file descriptors. */

/**
 * ChrFdReadFunc: called when @fd is readable (or hung up) and the front
 * end of @chr can take input.
 */
typedef void ChrFdReadFunc(Chardev *chr, GIOCondition revents);

/**
 * chr_read_source_new: watch @fd for input on the context of @chr, but
 * only while qemu_chr_be_can_write(@chr) is positive, so input waits in
 * the kernel while the front end is full.
 * @chr: the back end.
 * @fd: the descriptor to read.
 * @fn: the read callback.
 *
 * Returns: the attached source; the caller holds one reference and
 * drops it with chr_source_remove.
 */
GSource *chr_read_source_new(Chardev *chr, int fd, ChrFdReadFunc *fn);

/**
 * chr_ready_source_new: a watch source that always reports G_IO_OUT,
 * for back ends that currently drop their output.  Not attached.
 */
GSource *chr_ready_source_new(void);

/**
 * chr_source_remove: destroy and release *@src (if any), set it NULL.
 */
void chr_source_remove(GSource **src);

/** chr_context_wakeup: make the loop of @chr look at its sources again. */
void chr_context_wakeup(Chardev *chr);

/** chr_set_nonblock: put @fd in non-blocking mode. */
void chr_set_nonblock(int fd);

/** chr_ignore_sigpipe: a vanished reader must not kill the process. */
void chr_ignore_sigpipe(void);

/* The back ends built on a pair of plain descriptors. */

#define TYPE_CHARDEV_FD "chardev-fd"
OBJECT_DECLARE_SIMPLE_TYPE(FDChardev, CHARDEV_FD)

struct FDChardev {
    Chardev parent_obj;

    int fd_in;                  /* -1: no input */
    int fd_out;                 /* -1: output discarded */
    bool close_fds;             /* false for stdin/stdout */
    GIOChannel *ioc_out;
    GSource *read_source;
};

/**
 * fd_chr_attach: start using @fd_in and @fd_out (either may be -1).
 * @chr: an FDChardev.
 * @fd_in: input descriptor; made non-blocking.
 * @fd_out: output descriptor.
 * @close_fds: close both when the back end goes away.
 */
void fd_chr_attach(Chardev *chr, int fd_in, int fd_out, bool close_fds);

#endif
