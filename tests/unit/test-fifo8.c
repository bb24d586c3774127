/*
 * Unit tests for the Fifo8 byte ring buffer.
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include "qemu/osdep.h"
#include "qemu/fifo8.h"

static void test_push_pop(void)
{
    Fifo8 fifo;
    int i;

    fifo8_create(&fifo, 4);
    g_assert_true(fifo8_is_empty(&fifo));
    g_assert_false(fifo8_is_full(&fifo));
    g_assert_cmpuint(fifo8_num_free(&fifo), ==, 4);

    for (i = 0; i < 4; i++) {
        fifo8_push(&fifo, 0x10 + i);
    }
    g_assert_true(fifo8_is_full(&fifo));
    g_assert_cmpuint(fifo8_num_used(&fifo), ==, 4);
    g_assert_cmpuint(fifo8_num_free(&fifo), ==, 0);
    g_assert_cmpuint(fifo8_peek(&fifo), ==, 0x10);
    g_assert_cmpuint(fifo8_num_used(&fifo), ==, 4);

    /* Round and round: oldest first across many wraps. */
    for (i = 0; i < 40; i++) {
        g_assert_cmpuint(fifo8_pop(&fifo), ==, (uint8_t)(0x10 + i));
        fifo8_push(&fifo, 0x10 + i + 4);
        g_assert_cmpuint(fifo8_num_used(&fifo), ==, 4);
    }
    fifo8_reset(&fifo);
    g_assert_true(fifo8_is_empty(&fifo));
    fifo8_destroy(&fifo);
    g_assert_null(fifo.data);
}

/* A FIFO of 8 whose 6 bytes 1..6 start at index 5: 3 before the wrap. */
static void make_wrapped(Fifo8 *fifo)
{
    static const uint8_t fill[5] = { 0xee, 0xee, 0xee, 0xee, 0xee };
    static const uint8_t data[6] = { 1, 2, 3, 4, 5, 6 };

    fifo8_create(fifo, 8);
    fifo8_push_all(fifo, fill, 5);
    fifo8_drop(fifo, 5);
    fifo8_push_all(fifo, data, 6);
    g_assert_cmpuint(fifo->head, ==, 5);
    g_assert_cmpuint(fifo8_num_used(fifo), ==, 6);
}

static void test_buf_wrap(void)
{
    static const uint8_t expect[6] = { 1, 2, 3, 4, 5, 6 };
    uint8_t out[8] = { 0 };
    Fifo8 fifo;

    make_wrapped(&fifo);
    /* The copying calls cross the wrap. */
    g_assert_cmpuint(fifo8_peek_buf(&fifo, out, 8), ==, 6);
    g_assert_cmpmem(out, 6, expect, 6);
    g_assert_cmpuint(fifo8_num_used(&fifo), ==, 6);

    memset(out, 0, sizeof(out));
    g_assert_cmpuint(fifo8_pop_buf(&fifo, out, 4), ==, 4);
    g_assert_cmpmem(out, 4, expect, 4);
    g_assert_cmpuint(fifo8_num_used(&fifo), ==, 2);
    g_assert_cmpuint(fifo8_pop(&fifo), ==, 5);

    /* NULL destination discards. */
    g_assert_cmpuint(fifo8_pop_buf(&fifo, NULL, 10), ==, 1);
    g_assert_true(fifo8_is_empty(&fifo));
    g_assert_cmpuint(fifo8_pop_buf(&fifo, out, 4), ==, 0);
    fifo8_destroy(&fifo);
}

static void test_bufptr_contiguous(void)
{
    const uint8_t *p;
    uint32_t n;
    Fifo8 fifo;

    make_wrapped(&fifo);
    /* Only the 3 bytes before the end of storage are contiguous. */
    p = fifo8_peek_bufptr(&fifo, 6, &n);
    g_assert_cmpuint(n, ==, 3);
    g_assert_true(p == &fifo.data[5]);
    g_assert_cmpuint(p[0], ==, 1);
    g_assert_cmpuint(p[2], ==, 3);
    g_assert_cmpuint(fifo8_num_used(&fifo), ==, 6);

    p = fifo8_pop_bufptr(&fifo, 2, &n);
    g_assert_cmpuint(n, ==, 2);
    g_assert_cmpuint(p[0], ==, 1);
    g_assert_cmpuint(p[1], ==, 2);

    p = fifo8_pop_bufptr(&fifo, 6, &n);
    g_assert_cmpuint(n, ==, 1);
    g_assert_cmpuint(p[0], ==, 3);
    g_assert_cmpuint(fifo.head, ==, 0);

    /* After the wrap the rest is contiguous from the start. */
    p = fifo8_pop_bufptr(&fifo, 100, &n);
    g_assert_cmpuint(n, ==, 3);
    g_assert_true(p == &fifo.data[0]);
    g_assert_cmpuint(p[0], ==, 4);
    g_assert_cmpuint(p[2], ==, 6);
    g_assert_true(fifo8_is_empty(&fifo));

    p = fifo8_pop_bufptr(&fifo, 4, &n);
    g_assert_cmpuint(n, ==, 0);
    fifo8_destroy(&fifo);
}

static void test_push_all_wrap(void)
{
    static const uint8_t a[5] = { 'a', 'b', 'c', 'd', 'e' };
    uint8_t out[5];
    Fifo8 fifo;

    fifo8_create(&fifo, 5);
    fifo8_push_all(&fifo, a, 3);
    fifo8_drop(&fifo, 3);
    /* Two bytes fit before the end, three go to the start. */
    fifo8_push_all(&fifo, a, 5);
    g_assert_true(fifo8_is_full(&fifo));
    g_assert_cmpuint(fifo.data[3], ==, 'a');
    g_assert_cmpuint(fifo.data[0], ==, 'c');
    g_assert_cmpuint(fifo8_pop_buf(&fifo, out, 5), ==, 5);
    g_assert_cmpmem(out, 5, a, 5);
    fifo8_push_all(&fifo, a, 0);
    g_assert_true(fifo8_is_empty(&fifo));
    fifo8_destroy(&fifo);
}

static void test_overflow_aborts(void)
{
    Fifo8 fifo;

    if (g_test_subprocess()) {
        fifo8_create(&fifo, 1);
        fifo8_push(&fifo, 1);
        fifo8_push(&fifo, 2);
        return;
    }
    g_test_trap_subprocess(NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
    g_test_trap_assert_failed();
}

static void test_underflow_aborts(void)
{
    Fifo8 fifo;

    if (g_test_subprocess()) {
        fifo8_create(&fifo, 1);
        fifo8_pop(&fifo);
        return;
    }
    g_test_trap_subprocess(NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
    g_test_trap_assert_failed();
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);

    g_test_add_func("/fifo8/push-pop", test_push_pop);
    g_test_add_func("/fifo8/buf-wrap", test_buf_wrap);
    g_test_add_func("/fifo8/bufptr-contiguous", test_bufptr_contiguous);
    g_test_add_func("/fifo8/push-all-wrap", test_push_all_wrap);
    g_test_add_func("/fifo8/overflow-aborts", test_overflow_aborts);
    g_test_add_func("/fifo8/underflow-aborts", test_underflow_aborts);
    return g_test_run();
}
