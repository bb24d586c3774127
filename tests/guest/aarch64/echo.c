/*
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * Interrupts: the virtual timer (PPI 27) at a programmed rate and PL011
 * receive interrupts (SPI 1, INTID 33) through the GICv2, with the CPU
 * sleeping in WFI.  Counts ten timer ticks and checks them against the
 * elapsed virtual time, then echoes its input in upper case up to a
 * newline.  The test harness sends the input after the "ready" line.
 */
#include "guest.h"

#define GICD_CTLR           0x000
#define GICD_ISENABLER(n)   (0x100 + 4 * (n))
#define GICD_IPRIORITYR     0x400
#define GICD_ITARGETSR      0x800
#define GICD_ICFGR(n)       (0xc00 + 4 * (n))
#define GICC_CTLR           0x000
#define GICC_PMR            0x004
#define GICC_IAR            0x00c
#define GICC_EOIR           0x010

#define UART_DR             0x000
#define UART_FR             0x018
#define UART_FR_RXFE        (1u << 4)
#define UART_CR             0x030
#define UART_IMSC           0x038
#define UART_ICR            0x044
#define UART_INT_RX         (1u << 4)
#define UART_INT_RT         (1u << 6)

#define INTID_VTIMER        27
#define INTID_UART          33
#define INTID_SPURIOUS      1023

#define TICKS               10
#define TICK_HZ             100

static volatile uint32_t ticks;
static volatile uint32_t early_ticks;
static volatile uint32_t other_irqs;
static volatile uint64_t last_tick_time;
static uint64_t period;

/* Received characters, filled by the IRQ handler. */
static volatile char rx_buf[256];
static volatile uint32_t rx_head;
static uint32_t rx_tail;

static void gic_init(void)
{
    mmio_write32(GICD_BASE + GICD_CTLR, 0);
    mmio_write8(GICD_BASE + GICD_IPRIORITYR + INTID_VTIMER, 0xa0);
    mmio_write8(GICD_BASE + GICD_IPRIORITYR + INTID_UART, 0x80);
    mmio_write8(GICD_BASE + GICD_ITARGETSR + INTID_UART, 0x01);
    /* The UART's line is level-sensitive. */
    mmio_write32(GICD_BASE + GICD_ICFGR(2),
                 mmio_read32(GICD_BASE + GICD_ICFGR(2)) & ~(3u << 2));
    mmio_write32(GICD_BASE + GICD_ISENABLER(0), 1u << INTID_VTIMER);
    mmio_write32(GICD_BASE + GICD_ISENABLER(1), 1u << (INTID_UART - 32));
    mmio_write32(GICD_BASE + GICD_CTLR, 1);
    mmio_write32(GICC_BASE + GICC_PMR, 0xf0);
    mmio_write32(GICC_BASE + GICC_CTLR, 1);
}

static void timer_irq(void)
{
    uint64_t now = READ_SYSREG(cntvct_el0);
    uint64_t cval = READ_SYSREG(cntv_cval_el0);

    if (now < cval) {
        early_ticks++;
    }
    last_tick_time = now;
    ticks++;
    /* The next deadline is relative to this one: no drift, no loss. */
    WRITE_SYSREG(cntv_cval_el0, cval + period);
}

static void uart_irq(void)
{
    while (!(mmio_read32(UART_BASE + UART_FR) & UART_FR_RXFE)) {
        rx_buf[rx_head % sizeof(rx_buf)] =
            (char)mmio_read32(UART_BASE + UART_DR);
        rx_head++;
    }
    mmio_write32(UART_BASE + UART_ICR, UART_INT_RX | UART_INT_RT);
}

static bool irq_handler(ExcFrame *frame, unsigned kind)
{
    uint32_t iar = mmio_read32(GICC_BASE + GICC_IAR);
    uint32_t intid = iar & 0x3ff;

    if (intid == INTID_SPURIOUS) {
        return true;
    }
    if (intid == INTID_VTIMER) {
        timer_irq();
    } else if (intid == INTID_UART) {
        uart_irq();
    } else {
        other_irqs++;
    }
    mmio_write32(GICC_BASE + GICC_EOIR, iar);
    return true;
}

/* Sleep until an interrupt has been handled (IRQs masked around the test). */
static void wait_for_irq(void)
{
    __asm__ volatile("wfi\n"
                     "msr daifclr, #2\n"
                     "isb\n"
                     "msr daifset, #2\n" ::: "memory");
}

static void test_timer(void)
{
    uint64_t start, elapsed;

    period = READ_SYSREG(cntfrq_el0) / TICK_HZ;
    start = READ_SYSREG(cntvct_el0);
    WRITE_SYSREG(cntv_cval_el0, start + period);
    WRITE_SYSREG(cntv_ctl_el0, 1);
    while (ticks < TICKS) {
        wait_for_irq();
    }
    WRITE_SYSREG(cntv_ctl_el0, 0);
    elapsed = last_tick_time - start;

    guest_puts("timer: ");
    guest_put_dec(TICKS);
    guest_puts(" ticks at ");
    guest_put_dec(TICK_HZ);
    guest_puts(" Hz\n");
    guest_puts(elapsed >= TICKS * period ? "timer: elapsed time ok\n"
                                         : "timer: elapsed time too short\n");
    guest_puts("timer: early ticks=");
    guest_put_dec(early_ticks);
    guest_putc('\n');
}

static char to_upper(char c)
{
    return c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c;
}

static void test_echo(void)
{
    uint32_t count = 0;
    char c = 0;

    mmio_write32(UART_BASE + UART_IMSC, UART_INT_RX | UART_INT_RT);
    guest_puts("echo: ready\n");
    while (c != '\n') {
        while (rx_head == rx_tail) {
            wait_for_irq();
        }
        c = rx_buf[rx_tail % sizeof(rx_buf)];
        rx_tail++;
        count++;
        guest_putc(to_upper(c));
    }
    mmio_write32(UART_BASE + UART_IMSC, 0);
    guest_puts("echo: ");
    guest_put_dec(count);
    guest_puts(" characters\n");
}

int main(void)
{
    guest_set_irq_handler(irq_handler);
    /* Enable the UART for reception as real hardware requires. */
    mmio_write32(UART_BASE + UART_CR, 0x301);
    gic_init();
    test_timer();
    test_echo();
    guest_puts("irq: other interrupts=");
    guest_put_dec(other_irqs);
    guest_putc('\n');
    return 0;
}
