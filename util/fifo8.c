/*
 * Fifo8: a byte ring buffer for device models.
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include "qemu/osdep.h"
#include "qemu/fifo8.h"

void fifo8_create(Fifo8 *fifo, uint32_t capacity)
{
    assert(capacity > 0);
    fifo->data = g_new0(uint8_t, capacity);
    fifo->capacity = capacity;
    fifo->head = 0;
    fifo->num = 0;
}

void fifo8_destroy(Fifo8 *fifo)
{
    g_free(fifo->data);
    fifo->data = NULL;
    fifo->capacity = 0;
    fifo->head = 0;
    fifo->num = 0;
}

/* Index in data[] of the byte @offset places after the oldest. */
static uint32_t fifo8_index(const Fifo8 *fifo, uint32_t offset)
{
    return (fifo->head + offset) % fifo->capacity;
}

void fifo8_push(Fifo8 *fifo, uint8_t data)
{
    assert(fifo->num < fifo->capacity);
    fifo->data[fifo8_index(fifo, fifo->num)] = data;
    fifo->num++;
}

void fifo8_push_all(Fifo8 *fifo, const uint8_t *data, uint32_t num)
{
    uint32_t start, first;

    assert(num <= fifo8_num_free(fifo));
    if (num == 0) {
        return;
    }
    start = fifo8_index(fifo, fifo->num);
    first = MIN(num, fifo->capacity - start);
    memcpy(&fifo->data[start], data, first);
    memcpy(&fifo->data[0], data + first, num - first);
    fifo->num += num;
}

uint8_t fifo8_peek(Fifo8 *fifo)
{
    assert(fifo->num > 0);
    return fifo->data[fifo->head];
}

uint8_t fifo8_pop(Fifo8 *fifo)
{
    uint8_t ret = fifo8_peek(fifo);

    fifo8_drop(fifo, 1);
    return ret;
}

uint32_t fifo8_peek_buf(Fifo8 *fifo, uint8_t *dest, uint32_t destlen)
{
    uint32_t len = MIN(destlen, fifo->num);
    uint32_t first;

    if (dest && len > 0) {
        first = MIN(len, fifo->capacity - fifo->head);
        memcpy(dest, &fifo->data[fifo->head], first);
        memcpy(dest + first, &fifo->data[0], len - first);
    }
    return len;
}

uint32_t fifo8_pop_buf(Fifo8 *fifo, uint8_t *dest, uint32_t destlen)
{
    uint32_t len = fifo8_peek_buf(fifo, dest, destlen);

    fifo8_drop(fifo, len);
    return len;
}

const uint8_t *fifo8_peek_bufptr(Fifo8 *fifo, uint32_t max,
                                 uint32_t *numptr)
{
    *numptr = MIN(MIN(max, fifo->num), fifo->capacity - fifo->head);
    return &fifo->data[fifo->head];
}

const uint8_t *fifo8_pop_bufptr(Fifo8 *fifo, uint32_t max,
                                uint32_t *numptr)
{
    const uint8_t *ret = fifo8_peek_bufptr(fifo, max, numptr);

    /* Dropping only moves head: the bytes stay put until overwritten. */
    fifo8_drop(fifo, *numptr);
    return ret;
}

void fifo8_drop(Fifo8 *fifo, uint32_t len)
{
    assert(len <= fifo->num);
    fifo->head = fifo8_index(fifo, len);
    fifo->num -= len;
}

void fifo8_reset(Fifo8 *fifo)
{
    fifo->head = 0;
    fifo->num = 0;
}

bool fifo8_is_empty(const Fifo8 *fifo)
{
    return fifo->num == 0;
}

bool fifo8_is_full(const Fifo8 *fifo)
{
    return fifo->num == fifo->capacity;
}

uint32_t fifo8_num_free(const Fifo8 *fifo)
{
    return fifo->capacity - fifo->num;
}

uint32_t fifo8_num_used(const Fifo8 *fifo)
{
    return fifo->num;
}
