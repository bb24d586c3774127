/*
 * The stdio back end: the terminal QEMU was started from.
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * Only one back end may own stdin.  When stdin is a terminal it is put
 * in raw mode (keys go to the guest one by one, unechoed) and restored
 * when the back end goes away or the process exits.  signal=on (the
 * default) keeps Ctrl-C and friends as signals for QEMU itself.
 */
#include "qemu/osdep.h"
#include <termios.h>
#include "qapi/error.h"
#include "qemu/option.h"
#include "chardev/char.h"
#include "chardev-internal.h"

#define TYPE_CHARDEV_STDIO "chardev-stdio"

static bool stdio_in_use;
static bool stdio_allow_signals;
static bool stdio_tty_saved;
static struct termios stdio_saved_tty;
static int stdio_saved_flags = -1;

static void stdio_apply_tty(bool echo)
{
    struct termios tty = stdio_saved_tty;

    if (!stdio_tty_saved) {
        return;
    }
    tty.c_iflag &= ~(IGNBRK | BRKINT | PARMRK | ISTRIP | INLCR | IGNCR |
                     ICRNL | IXON);
    tty.c_oflag |= OPOST;
    tty.c_lflag &= ~(ECHO | ECHONL | ICANON | IEXTEN | ISIG);
    if (echo) {
        tty.c_lflag |= ECHO;
    }
    if (stdio_allow_signals) {
        tty.c_lflag |= ISIG;
    }
    tty.c_cflag &= ~(CSIZE | PARENB);
    tty.c_cflag |= CS8;
    tty.c_cc[VMIN] = 1;
    tty.c_cc[VTIME] = 0;
    tcsetattr(STDIN_FILENO, TCSANOW, &tty);
}

/* Give the terminal back as we found it. */
static void stdio_restore(void)
{
    if (stdio_tty_saved) {
        tcsetattr(STDIN_FILENO, TCSANOW, &stdio_saved_tty);
        stdio_tty_saved = false;
    }
    if (stdio_saved_flags >= 0) {
        fcntl(STDIN_FILENO, F_SETFL, stdio_saved_flags);
        stdio_saved_flags = -1;
    }
}

static bool stdio_chr_open(Chardev *chr, QemuOpts *opts, bool *be_opened,
                           Error **errp)
{
    static bool atexit_done;
    bool signals = true;

    if (stdio_in_use) {
        error_setg(errp, "cannot use stdio by multiple character devices");
        return false;
    }
    if (!qemu_opt_get_bool_err(opts, "signal", &signals, errp)) {
        return false;
    }
    stdio_in_use = true;
    stdio_allow_signals = signals;
    stdio_saved_flags = fcntl(STDIN_FILENO, F_GETFL);
    if (isatty(STDIN_FILENO) &&
        tcgetattr(STDIN_FILENO, &stdio_saved_tty) == 0) {
        stdio_tty_saved = true;
    }
    if (!atexit_done) {
        atexit(stdio_restore);
        atexit_done = true;
    }
    stdio_apply_tty(false);
    chr_ignore_sigpipe();
    fd_chr_attach(chr, STDIN_FILENO, STDOUT_FILENO, false);
    return true;
}

static void stdio_chr_set_echo(Chardev *chr, bool echo)
{
    stdio_apply_tty(echo);
}

static void stdio_chr_instance_finalize(Object *obj)
{
    FDChardev *s = CHARDEV_FD(obj);

    /* Only the back end that opened stdio gave it a descriptor. */
    if (s->fd_in == STDIN_FILENO) {
        stdio_restore();
        stdio_in_use = false;
    }
}

static void stdio_chr_class_init(ObjectClass *klass, const void *data)
{
    ChardevClass *cc = CHARDEV_CLASS(klass);

    cc->backend_name = "stdio";
    cc->open = stdio_chr_open;
    cc->chr_set_echo = stdio_chr_set_echo;
}

static const TypeInfo stdio_chr_types[] = {
    {
        .name = TYPE_CHARDEV_STDIO,
        .parent = TYPE_CHARDEV_FD,
        .instance_size = sizeof(FDChardev),
        .instance_finalize = stdio_chr_instance_finalize,
        .class_init = stdio_chr_class_init,
    },
};
DEFINE_TYPES(stdio_chr_types)
