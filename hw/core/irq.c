/*
 * Interrupt lines as QOM objects.
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * Interception (qtest): each intercepted line keeps its identity (boards
 * and devices still hold the same qemu_irq) but its handler is replaced.
 * The previous handler, opaque and line number move into a fresh
 * free-standing IRQState, the "saved line".  The intercepting handler is
 * called with opaque = the saved line and n = the index of the line in
 * the intercepted array; qemu_irq_intercept_forward() accepts either the
 * saved line or the intercepted line itself and delivers the level to
 * the original handler.
 */
#include "qemu/osdep.h"
#include "hw/core/irq.h"

/* Intercepted line -> its saved line, for qemu_irq_intercept_forward. */
static GHashTable *irq_intercepted;

void qemu_set_irq(qemu_irq irq, int level)
{
    if (irq == NULL || irq->handler == NULL) {
        return;
    }
    irq->handler(irq->opaque, irq->n, level);
}

static void irq_fill(IRQState *irq, qemu_irq_handler handler, void *opaque,
                     int n)
{
    irq->handler = handler;
    irq->opaque = opaque;
    irq->n = n;
}

void qemu_init_irq(IRQState *irq, qemu_irq_handler handler, void *opaque,
                   int n)
{
    object_initialize(irq, sizeof(*irq), TYPE_IRQ);
    irq_fill(irq, handler, opaque, n);
}

void qemu_init_irqs(IRQState irq[], size_t count, qemu_irq_handler handler,
                    void *opaque)
{
    size_t i;

    for (i = 0; i < count; i++) {
        qemu_init_irq(&irq[i], handler, opaque, i);
    }
}

qemu_irq qemu_allocate_irq(qemu_irq_handler handler, void *opaque, int n)
{
    IRQState *irq = IRQ(object_new(TYPE_IRQ));

    irq_fill(irq, handler, opaque, n);
    return irq;
}

qemu_irq *qemu_extend_irqs(qemu_irq *old, int n_old,
                           qemu_irq_handler handler, void *opaque, int n)
{
    qemu_irq *lines = g_renew(qemu_irq, old, n_old + n);
    int i;

    for (i = n_old; i < n_old + n; i++) {
        lines[i] = qemu_allocate_irq(handler, opaque, i);
    }
    return lines;
}

qemu_irq *qemu_allocate_irqs(qemu_irq_handler handler, void *opaque,
                             int count)
{
    return qemu_extend_irqs(NULL, 0, handler, opaque, count);
}

void qemu_free_irq(qemu_irq irq)
{
    if (irq != NULL) {
        object_unref(OBJECT(irq));
    }
}

void qemu_free_irqs(qemu_irq *s, int n)
{
    int i;

    for (i = 0; i < n; i++) {
        qemu_free_irq(s[i]);
    }
    g_free(s);
}

void qemu_irq_intercept_in(qemu_irq *gpio_in, qemu_irq_handler handler,
                           int n)
{
    int i;

    if (irq_intercepted == NULL) {
        irq_intercepted = g_hash_table_new(NULL, NULL);
    }
    for (i = 0; i < n; i++) {
        qemu_irq line = gpio_in[i];
        qemu_irq saved = qemu_allocate_irq(line->handler, line->opaque,
                                           line->n);

        irq_fill(line, handler, saved, i);
        g_hash_table_insert(irq_intercepted, line, saved);
    }
}

void qemu_irq_intercept_forward(qemu_irq irq, int level)
{
    qemu_irq saved = NULL;

    if (irq_intercepted != NULL) {
        saved = g_hash_table_lookup(irq_intercepted, irq);
    }
    qemu_set_irq(saved != NULL ? saved : irq, level);
}

static void irq_finalize(Object *obj)
{
    qemu_irq saved;

    if (irq_intercepted == NULL) {
        return;
    }
    saved = g_hash_table_lookup(irq_intercepted, obj);
    if (saved != NULL) {
        g_hash_table_remove(irq_intercepted, obj);
        object_unref(OBJECT(saved));
    }
}

static const TypeInfo irq_types[] = {
    {
        .name              = TYPE_IRQ,
        .parent            = TYPE_OBJECT,
        .instance_size     = sizeof(IRQState),
        .instance_finalize = irq_finalize,
    },
};
DEFINE_TYPES(irq_types)
