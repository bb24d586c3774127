/*
 * Interrupt lines.
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * A line is a QOM object (TYPE_IRQ) holding a handler, an opaque pointer
 * and a line number.  Setting a level calls the handler at once; there
 * is no edge detection.  A NULL line ignores everything.
 */
#ifndef HW_CORE_IRQ_H
#define HW_CORE_IRQ_H

#include "qom/object.h"

#define TYPE_IRQ "irq"
OBJECT_DECLARE_SIMPLE_TYPE(IRQState, IRQ)

struct IRQState {
    Object parent_obj;

    qemu_irq_handler handler;
    void *opaque;
    int n;
};

void qemu_set_irq(qemu_irq irq, int level);

static inline void qemu_irq_raise(qemu_irq irq)
{
    qemu_set_irq(irq, 1);
}

static inline void qemu_irq_lower(qemu_irq irq)
{
    qemu_set_irq(irq, 0);
}

static inline void qemu_irq_pulse(qemu_irq irq)
{
    qemu_set_irq(irq, 1);
    qemu_set_irq(irq, 0);
}

static inline bool qemu_irq_is_connected(qemu_irq irq)
{
    return irq != NULL;
}

/** qemu_init_irq: initialise embedded storage as line @n. */
void qemu_init_irq(IRQState *irq, qemu_irq_handler handler, void *opaque,
                   int n);
void qemu_init_irqs(IRQState irq[], size_t count, qemu_irq_handler handler,
                    void *opaque);

/** qemu_allocate_irq: one free-standing line. */
qemu_irq qemu_allocate_irq(qemu_irq_handler handler, void *opaque, int n);

/**
 * qemu_allocate_irqs: @count lines numbered from 0; the caller owns the
 * returned array (g_free) and the lines.
 */
qemu_irq *qemu_allocate_irqs(qemu_irq_handler handler, void *opaque,
                             int count);
qemu_irq *qemu_extend_irqs(qemu_irq *old, int n_old,
                           qemu_irq_handler handler, void *opaque, int n);

void qemu_free_irq(qemu_irq irq);
void qemu_free_irqs(qemu_irq *s, int n);

/**
 * qemu_irq_intercept_in: route each line in @gpio_in to @handler first
 * (with the line's index as n); @handler is expected to pass the level on
 * through qemu_irq_intercept_forward().  Used by the qtest server.
 */
void qemu_irq_intercept_in(qemu_irq *gpio_in, qemu_irq_handler handler,
                           int n);

/** qemu_irq_intercept_forward: deliver @level to the original handler. */
void qemu_irq_intercept_forward(qemu_irq irq, int level);

#endif
