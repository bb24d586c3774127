/*
 * QEMUFile: buffered migration stream over memory or a file descriptor.
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include "qemu/osdep.h"
#include <poll.h>
#include "qapi/error.h"
#include "qemu/main-loop.h"
#include "migration/qemu-file.h"

#define QEMU_FILE_IO_SIZE   32768
#define QEMU_FILE_PEEK_MAX  512

struct QEMUFile {
    bool writable;
    GByteArray *out;            /* output: produced bytes */

    int fd;                     /* input channel, or -1 for memory */
    uint8_t *buf;               /* input: buf[pos, len) is unread */
    size_t buf_size;
    size_t pos;
    size_t len;
    bool eof;                   /* no more bytes beyond buf[len) */

    uint64_t transferred;
    int last_error;
    Error *last_error_obj;
};

QEMUFile *qemu_file_new_output(void)
{
    QEMUFile *f = g_new0(QEMUFile, 1);

    f->writable = true;
    f->fd = -1;
    f->out = g_byte_array_new();
    return f;
}

QEMUFile *qemu_file_new_input_buffer(const void *data, size_t size)
{
    QEMUFile *f = g_new0(QEMUFile, 1);

    f->fd = -1;
    f->buf = size ? g_memdup2(data, size) : NULL;
    f->buf_size = size;
    f->len = size;
    f->eof = true;
    return f;
}

QEMUFile *qemu_file_new_input_fd(int fd)
{
    QEMUFile *f = g_new0(QEMUFile, 1);

    f->fd = fd;
    f->buf_size = QEMU_FILE_IO_SIZE;
    f->buf = g_malloc(f->buf_size);
    return f;
}

int qemu_fclose(QEMUFile *f)
{
    int ret = f->last_error;

    if (f->out) {
        g_byte_array_unref(f->out);
    }
    g_free(f->buf);
    error_free(f->last_error_obj);
    g_free(f);
    return ret;
}

const uint8_t *qemu_file_output_data(QEMUFile *f, size_t *size)
{
    assert(f->writable);
    *size = f->out->len;
    return f->out->data;
}

void qemu_file_output_reset(QEMUFile *f)
{
    assert(f->writable);
    g_byte_array_set_size(f->out, 0);
}

uint64_t qemu_file_transferred(QEMUFile *f)
{
    return f->transferred;
}

/* Errors */

int qemu_file_get_error(QEMUFile *f)
{
    return f->last_error;
}

int qemu_file_get_error_obj(QEMUFile *f, Error **errp)
{
    if (f->last_error && errp) {
        if (f->last_error_obj) {
            *errp = error_copy(f->last_error_obj);
        } else {
            error_setg_errno(errp, -f->last_error, "migration stream error");
        }
    }
    return f->last_error;
}

void qemu_file_set_error_obj(QEMUFile *f, int ret, Error *err)
{
    if (f->last_error == 0 && ret < 0) {
        f->last_error = ret;
        f->last_error_obj = err;
    } else {
        error_free(err);
    }
}

void qemu_file_set_error(QEMUFile *f, int ret)
{
    qemu_file_set_error_obj(f, ret, NULL);
}

/* Output */

void qemu_put_buffer(QEMUFile *f, const uint8_t *buf, size_t size)
{
    assert(f->writable);
    if (f->last_error) {
        return;
    }
    g_byte_array_append(f->out, buf, size);
    f->transferred += size;
}

void qemu_put_byte(QEMUFile *f, uint8_t v)
{
    qemu_put_buffer(f, &v, 1);
}

void qemu_put_be16(QEMUFile *f, uint16_t v)
{
    uint8_t b[2] = { v >> 8, v };

    qemu_put_buffer(f, b, sizeof(b));
}

void qemu_put_be32(QEMUFile *f, uint32_t v)
{
    uint8_t b[4] = { v >> 24, v >> 16, v >> 8, v };

    qemu_put_buffer(f, b, sizeof(b));
}

void qemu_put_be64(QEMUFile *f, uint64_t v)
{
    qemu_put_be32(f, v >> 32);
    qemu_put_be32(f, v);
}

void qemu_put_counted_string(QEMUFile *f, const char *name)
{
    size_t len = strlen(name);

    assert(len < 256);
    qemu_put_byte(f, len);
    qemu_put_buffer(f, (const uint8_t *)name, len);
}

/* Input */

/*
 * Wait until @fd has something to read (or has failed).  A thread
 * holding the BQL lets it go meanwhile, so the main loop carries on.
 */
static void qemu_file_wait_readable(int fd)
{
    struct pollfd pfd = { .fd = fd, .events = POLLIN };
    bool locked;
    int r;

    if (poll(&pfd, 1, 0) > 0) {
        return;
    }
    locked = bql_locked();
    if (locked) {
        bql_unlock();
    }
    do {
        r = poll(&pfd, 1, -1);
    } while (r < 0 && errno == EINTR);
    if (locked) {
        bql_lock();
    }
}

/* Read more from the channel; false when nothing more will come. */
static bool qemu_file_fill(QEMUFile *f)
{
    ssize_t n;

    if (f->eof || f->last_error) {
        return false;
    }
    if (f->pos > 0) {
        memmove(f->buf, f->buf + f->pos, f->len - f->pos);
        f->len -= f->pos;
        f->pos = 0;
    }
    if (f->len == f->buf_size) {
        return true;
    }
    for (;;) {
        qemu_file_wait_readable(f->fd);
        n = read(f->fd, f->buf + f->len, f->buf_size - f->len);
        if (n >= 0 || (errno != EINTR && errno != EAGAIN)) {
            break;
        }
    }
    if (n < 0) {
        Error *err = NULL;

        error_setg_errno(&err, errno, "Unable to read from migration "
                         "stream");
        qemu_file_set_error_obj(f, -errno, err);
        return false;
    }
    if (n == 0) {
        f->eof = true;
        return false;
    }
    f->len += n;
    return true;
}

/* Latch the error for a read that ran past the end of the stream. */
static void qemu_file_short_read(QEMUFile *f)
{
    Error *err = NULL;

    if (f->last_error) {
        return;
    }
    error_setg(&err, "Unexpected end of migration stream after %" PRIu64
               " bytes", f->transferred);
    qemu_file_set_error_obj(f, -EIO, err);
}

size_t qemu_peek_buffer(QEMUFile *f, uint8_t **buf, size_t size,
                        size_t offset)
{
    size_t avail;

    assert(!f->writable);
    assert(size + offset <= QEMU_FILE_PEEK_MAX);
    while (f->len - f->pos < offset + size && qemu_file_fill(f)) {
        /* more arrived */
    }
    avail = f->len - f->pos;
    if (f->last_error || avail <= offset) {
        *buf = NULL;
        return 0;
    }
    *buf = f->buf + f->pos + offset;
    return MIN(size, avail - offset);
}

int qemu_peek_byte(QEMUFile *f, size_t offset)
{
    uint8_t *p;

    if (qemu_peek_buffer(f, &p, 1, offset) < 1) {
        return -1;
    }
    return *p;
}

size_t qemu_get_buffer(QEMUFile *f, uint8_t *buf, size_t size)
{
    size_t done = 0;

    assert(!f->writable);
    while (done < size && !f->last_error) {
        size_t avail = f->len - f->pos;
        size_t n;

        if (avail == 0) {
            if (!qemu_file_fill(f)) {
                break;
            }
            continue;
        }
        n = MIN(avail, size - done);
        if (buf) {
            memcpy(buf + done, f->buf + f->pos, n);
        }
        f->pos += n;
        f->transferred += n;
        done += n;
    }
    if (done < size) {
        qemu_file_short_read(f);
        if (buf) {
            memset(buf + done, 0, size - done);
        }
    }
    return done;
}

void qemu_file_skip_bytes(QEMUFile *f, size_t size)
{
    qemu_get_buffer(f, NULL, size);
}

uint8_t qemu_get_byte(QEMUFile *f)
{
    uint8_t v;

    qemu_get_buffer(f, &v, 1);
    return v;
}

uint16_t qemu_get_be16(QEMUFile *f)
{
    uint8_t b[2];

    qemu_get_buffer(f, b, sizeof(b));
    return (b[0] << 8) | b[1];
}

uint32_t qemu_get_be32(QEMUFile *f)
{
    uint8_t b[4];

    qemu_get_buffer(f, b, sizeof(b));
    return ((uint32_t)b[0] << 24) | (b[1] << 16) | (b[2] << 8) | b[3];
}

uint64_t qemu_get_be64(QEMUFile *f)
{
    uint64_t hi = qemu_get_be32(f);

    return (hi << 32) | qemu_get_be32(f);
}

size_t qemu_get_counted_string(QEMUFile *f, char buf[256])
{
    size_t len = qemu_get_byte(f);

    if (qemu_get_buffer(f, (uint8_t *)buf, len) != len) {
        buf[0] = '\0';
        return 0;
    }
    buf[len] = '\0';
    return len;
}
