/*
 * The null back end, and "vc", its stand-in for a text console.
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * Both take every byte and throw it away, and never have input.  There
 * is no display here, so a virtual console (-serial vc, the default of
 * QEMU 7.2 even with -display none) is an invisible sink like QEMU's
 * in-memory console; its size options are accepted and ignored.
 */
#include "qemu/osdep.h"
#include "chardev/char.h"

#define TYPE_CHARDEV_NULL "chardev-null"
#define TYPE_CHARDEV_VC "chardev-vc"

static bool null_chr_open(Chardev *chr, QemuOpts *opts, bool *be_opened,
                          Error **errp)
{
    /* Nobody is on the other side to say hello. */
    *be_opened = false;
    return true;
}

static int null_chr_write(Chardev *chr, const uint8_t *buf, int len)
{
    return len;
}

static void null_chr_class_init(ObjectClass *klass, const void *data)
{
    ChardevClass *cc = CHARDEV_CLASS(klass);

    cc->backend_name = "null";
    cc->open = null_chr_open;
    cc->chr_write = null_chr_write;
}

static void vc_chr_class_init(ObjectClass *klass, const void *data)
{
    ChardevClass *cc = CHARDEV_CLASS(klass);

    cc->backend_name = "vc";
    cc->chr_write = null_chr_write;
}

static const TypeInfo null_chr_types[] = {
    {
        .name = TYPE_CHARDEV_NULL,
        .parent = TYPE_CHARDEV,
        .instance_size = sizeof(Chardev),
        .class_init = null_chr_class_init,
    },
    {
        .name = TYPE_CHARDEV_VC,
        .parent = TYPE_CHARDEV,
        .instance_size = sizeof(Chardev),
        .class_init = vc_chr_class_init,
    },
};
DEFINE_TYPES(null_chr_types)
