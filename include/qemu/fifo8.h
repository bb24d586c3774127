/*
 * Fifo8: a byte ring buffer for device models.
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * The bytes live in data[head], data[head + 1], ... wrapping at
 * capacity; num of them are in use.  Pushing into a full FIFO or popping
 * from an empty one is a bug in the caller and aborts.
 *
 * VMSTATE_FIFO8 (the whole buffer, head and num) belongs to the
 * migration layer and is declared there.
 */
#ifndef QEMU_FIFO8_H
#define QEMU_FIFO8_H

typedef struct Fifo8 {
    uint8_t *data;
    uint32_t capacity;
    uint32_t head;
    uint32_t num;
} Fifo8;

/**
 * fifo8_create: allocate the storage of an empty FIFO.
 * @fifo: the FIFO.
 * @capacity: its size in bytes (at least 1).
 */
void fifo8_create(Fifo8 *fifo, uint32_t capacity);

/** fifo8_destroy: free the storage of @fifo. */
void fifo8_destroy(Fifo8 *fifo);

/** fifo8_push: append @data; the FIFO must not be full. */
void fifo8_push(Fifo8 *fifo, uint8_t data);

/**
 * fifo8_push_all: append @num bytes from @data.
 * @fifo: the FIFO; it must have room for all of them.
 * @data: the bytes.
 * @num: how many.
 */
void fifo8_push_all(Fifo8 *fifo, const uint8_t *data, uint32_t num);

/** fifo8_pop: remove and return the oldest byte; @fifo must not be empty. */
uint8_t fifo8_pop(Fifo8 *fifo);

/** fifo8_peek: the oldest byte, left in place; @fifo must not be empty. */
uint8_t fifo8_peek(Fifo8 *fifo);

/**
 * fifo8_pop_buf: remove up to @destlen bytes, across the wrap.
 * @fifo: the FIFO.
 * @dest: where to copy them, or NULL to discard them.
 * @destlen: the most to take.
 *
 * Returns: how many bytes were taken.
 */
uint32_t fifo8_pop_buf(Fifo8 *fifo, uint8_t *dest, uint32_t destlen);

/** fifo8_peek_buf: as fifo8_pop_buf, leaving the bytes in the FIFO. */
uint32_t fifo8_peek_buf(Fifo8 *fifo, uint8_t *dest, uint32_t destlen);

/**
 * fifo8_pop_bufptr: remove up to @max bytes that are contiguous in the
 * storage, and point at them.
 * @fifo: the FIFO.
 * @max: the most to take.
 * @numptr: how many were taken; fewer than @max when the data wraps or
 *          the FIFO holds less.
 *
 * Returns: the bytes, valid until the next call on @fifo.
 */
const uint8_t *fifo8_pop_bufptr(Fifo8 *fifo, uint32_t max,
                                uint32_t *numptr);

/** fifo8_peek_bufptr: as fifo8_pop_bufptr, leaving the bytes in place. */
const uint8_t *fifo8_peek_bufptr(Fifo8 *fifo, uint32_t max,
                                 uint32_t *numptr);

/** fifo8_drop: discard the @len oldest bytes (at most fifo8_num_used). */
void fifo8_drop(Fifo8 *fifo, uint32_t len);

/** fifo8_reset: empty @fifo. */
void fifo8_reset(Fifo8 *fifo);

/** fifo8_is_empty: true when @fifo holds nothing. */
bool fifo8_is_empty(const Fifo8 *fifo);

/** fifo8_is_full: true when @fifo has no room. */
bool fifo8_is_full(const Fifo8 *fifo);

/** fifo8_num_free: how many more bytes fit. */
uint32_t fifo8_num_free(const Fifo8 *fifo);

/** fifo8_num_used: how many bytes are held. */
uint32_t fifo8_num_used(const Fifo8 *fifo);

#endif
