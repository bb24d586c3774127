/*
 * The ring buffer back end (ringbuf, alias memory).
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * Output is kept in a ring of size= bytes (a power of two, 64 KiB by
 * default); when it is full the oldest bytes give way.  QMP
 * ringbuf-write adds to the ring and ringbuf-read takes from it.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "qemu/option.h"
#include "chardev/char.h"
#include "chardev/char-ringbuf.h"

OBJECT_DECLARE_SIMPLE_TYPE(RingBufChardev, CHARDEV_RINGBUF)

#define RINGBUF_DEFAULT_SIZE 65536

struct RingBufChardev {
    Chardev parent_obj;

    uint64_t size;
    uint64_t prod;              /* total bytes ever stored */
    uint64_t cons;              /* total bytes ever taken */
    uint8_t *cbuf;
};

static void ringbuf_put(RingBufChardev *d, const uint8_t *buf, size_t len)
{
    size_t i;

    for (i = 0; i < len; i++) {
        d->cbuf[d->prod++ & (d->size - 1)] = buf[i];
    }
    if (d->prod - d->cons > d->size) {
        d->cons = d->prod - d->size;
    }
}

static size_t ringbuf_take(RingBufChardev *d, uint8_t *buf, size_t len)
{
    size_t i;

    for (i = 0; i < len && d->cons != d->prod; i++) {
        buf[i] = d->cbuf[d->cons++ & (d->size - 1)];
    }
    return i;
}

static int ringbuf_chr_write(Chardev *chr, const uint8_t *buf, int len)
{
    ringbuf_put(CHARDEV_RINGBUF(chr), buf, len);
    return len;
}

static bool ringbuf_chr_open(Chardev *chr, QemuOpts *opts, bool *be_opened,
                             Error **errp)
{
    RingBufChardev *d = CHARDEV_RINGBUF(chr);
    uint64_t size = RINGBUF_DEFAULT_SIZE;

    if (!qemu_opt_get_size_err(opts, "size", &size, errp)) {
        return false;
    }
    if (size == 0 || (size & (size - 1))) {
        error_setg(errp, "size of ringbuf chardev must be power of two");
        return false;
    }
    if (size > SIZE_MAX / 2) {
        error_setg(errp, "size of ringbuf chardev is too large");
        return false;
    }
    d->size = size;
    d->cbuf = g_malloc0(size);
    return true;
}

static void ringbuf_chr_instance_finalize(Object *obj)
{
    g_free(CHARDEV_RINGBUF(obj)->cbuf);
}

static RingBufChardev *ringbuf_find(const char *device, Error **errp)
{
    Chardev *chr = qemu_chr_find(device);

    if (!chr) {
        error_setg(errp, "Device '%s' not found", device);
        return NULL;
    }
    if (!object_dynamic_cast(OBJECT(chr), TYPE_CHARDEV_RINGBUF)) {
        error_setg(errp, "%s is not a ringbuf device", device);
        return NULL;
    }
    return CHARDEV_RINGBUF(chr);
}

bool qemu_chr_ringbuf_write(const char *device, const uint8_t *data,
                            size_t len, Error **errp)
{
    RingBufChardev *d = ringbuf_find(device, errp);
    Chardev *chr;

    if (!d) {
        return false;
    }
    chr = CHARDEV(d);
    g_mutex_lock(&chr->chr_write_lock);
    ringbuf_put(d, data, len);
    g_mutex_unlock(&chr->chr_write_lock);
    return true;
}

uint8_t *qemu_chr_ringbuf_read(const char *device, int64_t size,
                               size_t *lenp, Error **errp)
{
    RingBufChardev *d = ringbuf_find(device, errp);
    Chardev *chr;
    uint8_t *buf;
    size_t want;

    if (!d) {
        return NULL;
    }
    if (size <= 0) {
        error_setg(errp, "size must be greater than zero");
        return NULL;
    }
    chr = CHARDEV(d);
    g_mutex_lock(&chr->chr_write_lock);
    want = MIN((uint64_t)size, d->prod - d->cons);
    buf = g_malloc(want + 1);
    *lenp = ringbuf_take(d, buf, want);
    g_mutex_unlock(&chr->chr_write_lock);
    buf[*lenp] = '\0';
    return buf;
}

static void ringbuf_chr_class_init(ObjectClass *klass, const void *data)
{
    ChardevClass *cc = CHARDEV_CLASS(klass);

    cc->backend_name = "ringbuf";
    cc->open = ringbuf_chr_open;
    cc->chr_write = ringbuf_chr_write;
}

static const TypeInfo ringbuf_chr_types[] = {
    {
        .name = TYPE_CHARDEV_RINGBUF,
        .parent = TYPE_CHARDEV,
        .instance_size = sizeof(RingBufChardev),
        .instance_finalize = ringbuf_chr_instance_finalize,
        .class_init = ringbuf_chr_class_init,
    },
};
DEFINE_TYPES(ringbuf_chr_types)
