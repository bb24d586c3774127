/*
 * The pipe back end: named pipes BASE.in and BASE.out, or BASE alone.
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * The pipes are opened read-write so that opening never blocks and a
 * reader or writer that comes and goes is no end of file.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "qemu/option.h"
#include "chardev/char.h"
#include "chardev-internal.h"

#define TYPE_CHARDEV_PIPE "chardev-pipe"

static bool pipe_chr_open(Chardev *chr, QemuOpts *opts, bool *be_opened,
                          Error **errp)
{
    const char *base = qemu_opt_get(opts, "path");
    g_autofree char *name_in = NULL;
    g_autofree char *name_out = NULL;
    int fd_in;
    int fd_out;

    if (!base) {
        error_setg(errp, "chardev: pipe: no device path given");
        return false;
    }
    name_in = g_strdup_printf("%s.in", base);
    name_out = g_strdup_printf("%s.out", base);
    fd_in = open(name_in, O_RDWR | O_CLOEXEC);
    fd_out = open(name_out, O_RDWR | O_CLOEXEC);
    if (fd_in < 0 || fd_out < 0) {
        if (fd_in >= 0) {
            close(fd_in);
        }
        if (fd_out >= 0) {
            close(fd_out);
        }
        fd_in = fd_out = open(base, O_RDWR | O_CLOEXEC);
        if (fd_in < 0) {
            error_setg_errno(errp, errno, "Could not open '%s'", base);
            return false;
        }
    }
    chr_ignore_sigpipe();
    chr_set_nonblock(fd_out);
    fd_chr_attach(chr, fd_in, fd_out, true);
    return true;
}

static void pipe_chr_class_init(ObjectClass *klass, const void *data)
{
    ChardevClass *cc = CHARDEV_CLASS(klass);

    cc->backend_name = "pipe";
    cc->open = pipe_chr_open;
}

static const TypeInfo pipe_chr_types[] = {
    {
        .name = TYPE_CHARDEV_PIPE,
        .parent = TYPE_CHARDEV_FD,
        .instance_size = sizeof(FDChardev),
        .class_init = pipe_chr_class_init,
    },
};
DEFINE_TYPES(pipe_chr_types)
