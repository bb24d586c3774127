/*
 * libqtest for tests that drive a single QEMU: the global_qtest wrappers.
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * qtest_start() sets global_qtest; every helper below acts on it.
 */
#ifndef LIBQTEST_SINGLE_H
#define LIBQTEST_SINGLE_H

#include "libqtest.h"

/* The instance the helpers below act on; set by qtest_start(). */
extern QTestState *global_qtest;

/**
 * qtest_start: start QEMU (qtest_init()) and make it global_qtest.
 * @args: extra command line arguments.
 */
static inline QTestState *qtest_start(const char *args)
{
    global_qtest = qtest_init(args);
    return global_qtest;
}

/**
 * qtest_end: qtest_quit() global_qtest, if any, and clear it.
 */
static inline void qtest_end(void)
{
    if (!global_qtest) {
        return;
    }
    qtest_quit(global_qtest);
    global_qtest = NULL;
}

/**
 * qmp: qtest_qmp() on global_qtest.
 * @fmt: the command in QEMU's JSON dialect, then its values.
 *
 * Returns the reply, a new reference.
 */
static inline G_GNUC_PRINTF(1, 2) QDict *qmp(const char *fmt, ...)
{
    va_list ap;
    QDict *rsp;

    va_start(ap, fmt);
    rsp = qtest_vqmp(global_qtest, fmt, ap);
    va_end(ap);
    return rsp;
}

/**
 * qmp_assert_success: qtest_qmp_assert_success() on global_qtest.
 * @fmt: the command, then its values.
 */
static inline G_GNUC_PRINTF(1, 2) void qmp_assert_success(const char *fmt,
                                                          ...)
{
    va_list ap;

    va_start(ap, fmt);
    qtest_vqmp_assert_success(global_qtest, fmt, ap);
    va_end(ap);
}

/**
 * qmp_eventwait: wait for a QMP event on global_qtest.
 * @event: the event name.
 */
static inline void qmp_eventwait(const char *event)
{
    qtest_qmp_eventwait(global_qtest, event);
}

/**
 * get_irq: qtest_get_irq() on global_qtest.
 * @num: the intercepted line.
 */
static inline bool get_irq(int num)
{
    return qtest_get_irq(global_qtest, num);
}

/**
 * outb: write a byte to an I/O port of global_qtest.
 * @addr: the port.
 * @value: the byte.
 */
static inline void outb(uint16_t addr, uint8_t value)
{
    qtest_outb(global_qtest, addr, value);
}

/**
 * outw: write 16 bits to an I/O port of global_qtest.
 * @addr: the port.
 * @value: the value.
 */
static inline void outw(uint16_t addr, uint16_t value)
{
    qtest_outw(global_qtest, addr, value);
}

/**
 * outl: write 32 bits to an I/O port of global_qtest.
 * @addr: the port.
 * @value: the value.
 */
static inline void outl(uint16_t addr, uint32_t value)
{
    qtest_outl(global_qtest, addr, value);
}

/**
 * inb: read a byte from an I/O port of global_qtest.
 * @addr: the port.
 */
static inline uint8_t inb(uint16_t addr)
{
    return qtest_inb(global_qtest, addr);
}

/**
 * inw: read 16 bits from an I/O port of global_qtest.
 * @addr: the port.
 */
static inline uint16_t inw(uint16_t addr)
{
    return qtest_inw(global_qtest, addr);
}

/**
 * inl: read 32 bits from an I/O port of global_qtest.
 * @addr: the port.
 */
static inline uint32_t inl(uint16_t addr)
{
    return qtest_inl(global_qtest, addr);
}

/**
 * writeb: write a byte of global_qtest's guest memory.
 * @addr: guest physical address.
 * @value: the byte.
 */
static inline void writeb(uint64_t addr, uint8_t value)
{
    qtest_writeb(global_qtest, addr, value);
}

/**
 * writew: write 16 bits of global_qtest's guest memory.
 * @addr: guest physical address.
 * @value: the value.
 */
static inline void writew(uint64_t addr, uint16_t value)
{
    qtest_writew(global_qtest, addr, value);
}

/**
 * writel: write 32 bits of global_qtest's guest memory.
 * @addr: guest physical address.
 * @value: the value.
 */
static inline void writel(uint64_t addr, uint32_t value)
{
    qtest_writel(global_qtest, addr, value);
}

/**
 * writeq: write 64 bits of global_qtest's guest memory.
 * @addr: guest physical address.
 * @value: the value.
 */
static inline void writeq(uint64_t addr, uint64_t value)
{
    qtest_writeq(global_qtest, addr, value);
}

/**
 * readb: read a byte of global_qtest's guest memory.
 * @addr: guest physical address.
 */
static inline uint8_t readb(uint64_t addr)
{
    return qtest_readb(global_qtest, addr);
}

/**
 * readw: read 16 bits of global_qtest's guest memory.
 * @addr: guest physical address.
 */
static inline uint16_t readw(uint64_t addr)
{
    return qtest_readw(global_qtest, addr);
}

/**
 * readl: read 32 bits of global_qtest's guest memory.
 * @addr: guest physical address.
 */
static inline uint32_t readl(uint64_t addr)
{
    return qtest_readl(global_qtest, addr);
}

/**
 * readq: read 64 bits of global_qtest's guest memory.
 * @addr: guest physical address.
 */
static inline uint64_t readq(uint64_t addr)
{
    return qtest_readq(global_qtest, addr);
}

/**
 * memread: read bytes of global_qtest's guest memory.
 * @addr: guest physical address.
 * @data: where to put them.
 * @size: how many.
 */
static inline void memread(uint64_t addr, void *data, size_t size)
{
    qtest_memread(global_qtest, addr, data, size);
}

/**
 * memwrite: write bytes of global_qtest's guest memory.
 * @addr: guest physical address.
 * @data: the bytes.
 * @size: how many.
 */
static inline void memwrite(uint64_t addr, const void *data, size_t size)
{
    qtest_memwrite(global_qtest, addr, data, size);
}

/**
 * clock_step_next: advance global_qtest's virtual clock to its next
 * deadline.
 *
 * Returns the virtual clock afterwards, in nanoseconds.
 */
static inline int64_t clock_step_next(void)
{
    return qtest_clock_step_next(global_qtest);
}

/**
 * clock_step: advance global_qtest's virtual clock.
 * @step: nanoseconds to advance by.
 *
 * Returns the virtual clock afterwards, in nanoseconds.
 */
static inline int64_t clock_step(int64_t step)
{
    return qtest_clock_step(global_qtest, step);
}

/**
 * clock_set: advance global_qtest's virtual clock to an absolute time.
 * @val: the target, in nanoseconds.
 *
 * Returns the virtual clock afterwards, in nanoseconds.
 */
static inline int64_t clock_set(int64_t val)
{
    return qtest_clock_set(global_qtest, val);
}

#endif
