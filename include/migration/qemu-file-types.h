/*
 * QEMUFile primitives for VMStateInfo implementations.
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * Integers travel big-endian.  The first failure (a short read, a
 * channel error, a rejected value) is latched in the file: later gets
 * return zeros, later puts are dropped, and the loader reports the
 * latched error once.
 */
#ifndef MIGRATION_QEMU_FILE_TYPES_H
#define MIGRATION_QEMU_FILE_TYPES_H

typedef struct QEMUFile QEMUFile;

/** qemu_put_byte: append one byte to @f. */
void qemu_put_byte(QEMUFile *f, uint8_t v);
/** qemu_put_be16: append @v, most significant byte first. */
void qemu_put_be16(QEMUFile *f, uint16_t v);
/** qemu_put_be32: append @v, most significant byte first. */
void qemu_put_be32(QEMUFile *f, uint32_t v);
/** qemu_put_be64: append @v, most significant byte first. */
void qemu_put_be64(QEMUFile *f, uint64_t v);
/** qemu_put_buffer: append @size bytes from @buf. */
void qemu_put_buffer(QEMUFile *f, const uint8_t *buf, size_t size);
/** qemu_put_counted_string: one length byte, then @name (< 256 bytes). */
void qemu_put_counted_string(QEMUFile *f, const char *name);

/** qemu_get_byte: the next byte (0 once an error is latched). */
uint8_t qemu_get_byte(QEMUFile *f);
/** qemu_get_be16: the next big-endian 16-bit value. */
uint16_t qemu_get_be16(QEMUFile *f);
/** qemu_get_be32: the next big-endian 32-bit value. */
uint32_t qemu_get_be32(QEMUFile *f);
/** qemu_get_be64: the next big-endian 64-bit value. */
uint64_t qemu_get_be64(QEMUFile *f);
/** qemu_get_buffer: read @size bytes; returns how many arrived. */
size_t qemu_get_buffer(QEMUFile *f, uint8_t *buf, size_t size);
/**
 * qemu_get_counted_string: a length byte and that many bytes into @buf,
 * NUL-terminated.  Returns the length, or 0 with the error latched.
 */
size_t qemu_get_counted_string(QEMUFile *f, char buf[256]);
/** qemu_file_skip_bytes: read and drop @size bytes. */
void qemu_file_skip_bytes(QEMUFile *f, size_t size);

static inline void qemu_put_8s(QEMUFile *f, const uint8_t *pv)
{
    qemu_put_byte(f, *pv);
}
static inline void qemu_put_be16s(QEMUFile *f, const uint16_t *pv)
{
    qemu_put_be16(f, *pv);
}
static inline void qemu_put_be32s(QEMUFile *f, const uint32_t *pv)
{
    qemu_put_be32(f, *pv);
}
static inline void qemu_put_be64s(QEMUFile *f, const uint64_t *pv)
{
    qemu_put_be64(f, *pv);
}
static inline void qemu_get_8s(QEMUFile *f, uint8_t *pv)
{
    *pv = qemu_get_byte(f);
}
static inline void qemu_get_be16s(QEMUFile *f, uint16_t *pv)
{
    *pv = qemu_get_be16(f);
}
static inline void qemu_get_be32s(QEMUFile *f, uint32_t *pv)
{
    *pv = qemu_get_be32(f);
}
static inline void qemu_get_be64s(QEMUFile *f, uint64_t *pv)
{
    *pv = qemu_get_be64(f);
}

/** qemu_file_get_error: 0, or the latched negative errno. */
int qemu_file_get_error(QEMUFile *f);
/**
 * qemu_file_get_error_obj: like qemu_file_get_error, also copying the
 * latched message (if any) into @errp.
 */
int qemu_file_get_error_obj(QEMUFile *f, Error **errp);
/** qemu_file_set_error: latch @ret (negative errno) unless one is set. */
void qemu_file_set_error(QEMUFile *f, int ret);
/** qemu_file_set_error_obj: as above with a message; takes @err. */
void qemu_file_set_error_obj(QEMUFile *f, int ret, Error *err);

#endif
