/*
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * C half of the guest test runtime: PL011 output, number formatting,
 * exception dispatch and the few libc functions the compiler may call.
 */
#include "guest.h"

#define UART_DR     0x00
#define UART_FR     0x18
#define UART_FR_TXFF (1u << 5)

static GuestExcHandler *sync_handler;
static GuestExcHandler *irq_handler;

void guest_putc(char c)
{
    while (mmio_read32(UART_BASE + UART_FR) & UART_FR_TXFF) {
        continue;
    }
    mmio_write32(UART_BASE + UART_DR, (uint8_t)c);
}

void guest_puts(const char *s)
{
    while (*s) {
        guest_putc(*s++);
    }
}

void guest_put_hex(uint64_t val, int digits)
{
    static const char hex[] = "0123456789abcdef";
    int i;

    for (i = digits - 1; i >= 0; i--) {
        guest_putc(hex[(val >> (i * 4)) & 0xf]);
    }
}

void guest_put_dec(uint64_t val)
{
    char buf[24];
    int n = 0;

    do {
        buf[n++] = '0' + val % 10;
        val /= 10;
    } while (val);
    while (n > 0) {
        guest_putc(buf[--n]);
    }
}

void guest_print_reg64(const char *name, uint64_t val)
{
    guest_puts(name);
    guest_putc('=');
    guest_put_hex(val, 16);
    guest_putc('\n');
}

void guest_print_reg32(const char *name, uint64_t val)
{
    guest_puts(name);
    guest_putc('=');
    guest_put_hex(val, 8);
    guest_putc('\n');
}

void guest_print_nzcv(const char *name, uint64_t nzcv)
{
    guest_puts(name);
    guest_putc('=');
    guest_putc(nzcv & (1ull << 31) ? 'N' : 'n');
    guest_putc(nzcv & (1ull << 30) ? 'Z' : 'z');
    guest_putc(nzcv & (1ull << 29) ? 'C' : 'c');
    guest_putc(nzcv & (1ull << 28) ? 'V' : 'v');
    guest_putc('\n');
}

void guest_exit(void)
{
    guest_psci(PSCI_SYSTEM_OFF, 0, 0, 0);
    for (;;) {
        __asm__ volatile("wfi");
    }
}

void guest_set_sync_handler(GuestExcHandler *fn)
{
    sync_handler = fn;
}

void guest_set_irq_handler(GuestExcHandler *fn)
{
    irq_handler = fn;
}

void guest_exception(ExcFrame *frame, unsigned kind)
{
    GuestExcHandler *fn = NULL;

    if ((kind & 3) == EXC_SYNC) {
        fn = sync_handler;
    } else if ((kind & 3) == EXC_IRQ) {
        fn = irq_handler;
    }
    if (fn && fn(frame, kind)) {
        return;
    }
    guest_puts("unexpected exception: kind=");
    guest_put_dec(kind);
    guest_puts(" esr=");
    guest_put_hex(READ_SYSREG(esr_el1), 8);
    guest_puts(" far=");
    guest_put_hex(READ_SYSREG(far_el1), 16);
    guest_puts(" elr=");
    guest_put_hex(frame->elr, 16);
    guest_puts(" spsr=");
    guest_put_hex(frame->spsr, 8);
    guest_putc('\n');
    guest_exit();
}

void *memset(void *dst, int c, size_t n)
{
    volatile unsigned char *p = dst;

    while (n--) {
        *p++ = (unsigned char)c;
    }
    return dst;
}

void *memcpy(void *dst, const void *src, size_t n)
{
    volatile unsigned char *d = dst;
    const unsigned char *s = src;

    while (n--) {
        *d++ = *s++;
    }
    return dst;
}
