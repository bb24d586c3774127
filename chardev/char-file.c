/*
 * The file back end: output to a file, input optionally from another.
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * -chardev file,id=ID,path=OUT[,input-path=IN][,append=on]: OUT is
 * truncated unless append=on.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "qemu/option.h"
#include "chardev/char.h"
#include "chardev-internal.h"

#define TYPE_CHARDEV_FILE "chardev-file"

static bool file_chr_open(Chardev *chr, QemuOpts *opts, bool *be_opened,
                          Error **errp)
{
    const char *out = qemu_opt_get(opts, "path");
    const char *in = qemu_opt_get(opts, "input-path");
    bool append = false;
    int fd_out;
    int fd_in = -1;

    if (!out) {
        error_setg(errp, "chardev: file: no filename given");
        return false;
    }
    if (!qemu_opt_get_bool_err(opts, "append", &append, errp)) {
        return false;
    }
    fd_out = open(out, O_WRONLY | O_CREAT | O_CLOEXEC |
                  (append ? O_APPEND : O_TRUNC), 0666);
    if (fd_out < 0) {
        error_setg_errno(errp, errno, "Could not open '%s'", out);
        return false;
    }
    if (in) {
        fd_in = open(in, O_RDONLY | O_CLOEXEC);
        if (fd_in < 0) {
            error_setg_errno(errp, errno, "Could not open '%s'", in);
            close(fd_out);
            return false;
        }
    }
    fd_chr_attach(chr, fd_in, fd_out, true);
    return true;
}

static void file_chr_class_init(ObjectClass *klass, const void *data)
{
    ChardevClass *cc = CHARDEV_CLASS(klass);

    cc->backend_name = "file";
    cc->open = file_chr_open;
}

static const TypeInfo file_chr_types[] = {
    {
        .name = TYPE_CHARDEV_FILE,
        .parent = TYPE_CHARDEV_FD,
        .instance_size = sizeof(FDChardev),
        .class_init = file_chr_class_init,
    },
};
DEFINE_TYPES(file_chr_types)
