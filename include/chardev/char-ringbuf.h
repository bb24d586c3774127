/*
 * The ring buffer back end (ringbuf, alias memory): QMP access.
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * The ring keeps the most recent output of its front end, dropping the
 * oldest bytes when full.  ringbuf-write appends to the same ring and
 * ringbuf-read consumes from it, oldest first.
 */
#ifndef CHARDEV_CHAR_RINGBUF_H
#define CHARDEV_CHAR_RINGBUF_H

#define TYPE_CHARDEV_RINGBUF "chardev-ringbuf"

/**
 * qemu_chr_ringbuf_write: append bytes to a ring buffer back end.
 * @device: the chardev id.
 * @data: the bytes.
 * @len: how many.
 * @errp: "Device 'x' not found" or "x is not a ringbuf device".
 *
 * Returns: false with @errp set on failure.
 */
bool qemu_chr_ringbuf_write(const char *device, const uint8_t *data,
                            size_t len, Error **errp);

/**
 * qemu_chr_ringbuf_read: take up to @size bytes out of a ring buffer.
 * @device: the chardev id.
 * @size: the most bytes wanted; must be positive.
 * @lenp: set to the count returned.
 * @errp: as for qemu_chr_ringbuf_write, or "size must be greater than
 * zero".
 *
 * Returns: a g_malloc'ed buffer of *@lenp bytes followed by a NUL (so it
 * may be used as a string when the data has no NUL), or NULL on error.
 */
uint8_t *qemu_chr_ringbuf_read(const char *device, int64_t size,
                               size_t *lenp, Error **errp);

#endif
