/*
 * The pc board's interrupt controllers: the i8259 pair and the IOAPIC,
 * through their ports and registers, with inputs driven by set_irq_in.
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include "qemu/osdep.h"
#include "libqtest.h"

#define PIC_MASTER_CMD 0x20
#define PIC_MASTER_DATA 0x21
#define PIC_ELCR1 0x4d0
#define PIC_ELCR2 0x4d1

#define IOAPIC_BASE 0xfec00000
#define IOAPIC_IOREGSEL (IOAPIC_BASE + 0x00)
#define IOAPIC_IOWIN (IOAPIC_BASE + 0x10)
#define IOAPIC_EOI (IOAPIC_BASE + 0x40)
#define IOAPIC_REDTBL(pin) (0x10 + 2 * (pin))
#define IOAPIC_REMOTE_IRR (1u << 14)
#define IOAPIC_LEVEL (1u << 15)
#define IOAPIC_MASKED (1u << 16)

/* The i8259 whose "master" property is @master, found over QMP. */
static char *find_pic(QTestState *qts, const char *path, bool master)
{
    QDict *resp = qtest_qmp(qts, "{'execute': 'qom-list', "
                            "'arguments': {'path': %s}}", path);
    QList *props = qdict_get_qlist(resp, "return");
    char *found = NULL;
    size_t i;

    for (i = 0; i < qlist_size(props) && !found; i++) {
        QDict *prop = qobject_to(QDict, qlist_get(props, i));
        const char *type = qdict_get_str(prop, "type");
        g_autofree char *child = NULL;

        if (!g_str_has_prefix(type, "child<")) {
            continue;
        }
        child = g_strdup_printf("%s/%s", path, qdict_get_str(prop, "name"));
        if (!strcmp(type, "child<isa-i8259>")) {
            if (qtest_qom_get_bool(qts, child, "master") == master) {
                found = g_steal_pointer(&child);
            }
        } else {
            found = find_pic(qts, child, master);
        }
    }
    qobject_unref(resp);
    return found;
}

/* ICW1-ICW4 as a BIOS programs the master: edge, vectors 0x08-0x0f. */
static void pic_master_init(QTestState *qts)
{
    qtest_outb(qts, PIC_MASTER_CMD, 0x11);
    qtest_outb(qts, PIC_MASTER_DATA, 0x08);
    qtest_outb(qts, PIC_MASTER_DATA, 0x04);
    qtest_outb(qts, PIC_MASTER_DATA, 0x01);
}

static void test_pic_request_ack_eoi(void)
{
    QTestState *qts = qtest_init("-machine pc");
    g_autofree char *pic = find_pic(qts, "/machine", true);

    g_assert(pic);
    pic_master_init(qts);
    g_assert_cmphex(qtest_inb(qts, PIC_MASTER_DATA), ==, 0x00);
    qtest_irq_intercept_out(qts, pic);
    g_assert(!qtest_get_irq(qts, 0));

    /* A rising edge on line 3 requests; INT goes high. */
    qtest_set_irq_in(qts, pic, "unnamed-gpio-in", 3, 1);
    g_assert(qtest_get_irq(qts, 0));
    g_assert_cmphex(qtest_inb(qts, PIC_MASTER_CMD), ==, 0x08);  /* IRR */

    /* Poll (OCW3): acknowledges line 3; it is now in service. */
    qtest_outb(qts, PIC_MASTER_CMD, 0x0c);
    g_assert_cmphex(qtest_inb(qts, PIC_MASTER_CMD), ==, 0x83);
    qtest_outb(qts, PIC_MASTER_CMD, 0x0b);                      /* ISR */
    g_assert_cmphex(qtest_inb(qts, PIC_MASTER_CMD), ==, 0x08);
    g_assert(!qtest_get_irq(qts, 0));

    /* Non-specific EOI ends it. */
    qtest_outb(qts, PIC_MASTER_CMD, 0x20);
    g_assert_cmphex(qtest_inb(qts, PIC_MASTER_CMD), ==, 0x00);
    qtest_set_irq_in(qts, pic, "unnamed-gpio-in", 3, 0);
    qtest_quit(qts);
}

static void test_pic_mask(void)
{
    QTestState *qts = qtest_init("-machine pc");
    g_autofree char *pic = find_pic(qts, "/machine", true);

    pic_master_init(qts);
    qtest_irq_intercept_out(qts, pic);
    qtest_outb(qts, PIC_MASTER_DATA, 0x10);         /* mask line 4 */
    g_assert_cmphex(qtest_inb(qts, PIC_MASTER_DATA), ==, 0x10);
    qtest_set_irq_in(qts, pic, "unnamed-gpio-in", 4, 1);
    g_assert(!qtest_get_irq(qts, 0));
    qtest_outb(qts, PIC_MASTER_CMD, 0x0a);          /* read IRR */
    g_assert_cmphex(qtest_inb(qts, PIC_MASTER_CMD), ==, 0x10);
    /* Unmasking delivers the latched request. */
    qtest_outb(qts, PIC_MASTER_DATA, 0x00);
    g_assert(qtest_get_irq(qts, 0));
    qtest_quit(qts);
}

static void test_pic_elcr(void)
{
    QTestState *qts = qtest_init("-machine pc");

    /* IRQ 0-2 (master) and 8 and 13 (slave) are always edge. */
    qtest_outb(qts, PIC_ELCR1, 0xff);
    g_assert_cmphex(qtest_inb(qts, PIC_ELCR1), ==, 0xf8);
    qtest_outb(qts, PIC_ELCR2, 0xff);
    g_assert_cmphex(qtest_inb(qts, PIC_ELCR2), ==, 0xde);
    qtest_quit(qts);
}

static uint32_t ioapic_read(QTestState *qts, uint32_t reg)
{
    qtest_writel(qts, IOAPIC_IOREGSEL, reg);
    return qtest_readl(qts, IOAPIC_IOWIN);
}

static void ioapic_write(QTestState *qts, uint32_t reg, uint32_t val)
{
    qtest_writel(qts, IOAPIC_IOREGSEL, reg);
    qtest_writel(qts, IOAPIC_IOWIN, val);
}

static void test_ioapic_registers(void)
{
    QTestState *qts = qtest_init("-machine pc");

    /* Version 0x20, 24 entries (maximum index 23). */
    g_assert_cmphex(ioapic_read(qts, 0x01), ==, 0x00170020);
    ioapic_write(qts, 0x00, 0x0f000000);
    g_assert_cmphex(ioapic_read(qts, 0x00), ==, 0x0f000000);
    /* Entries come out of reset masked. */
    g_assert_cmphex(ioapic_read(qts, IOAPIC_REDTBL(9)) & IOAPIC_MASKED, ==,
                    IOAPIC_MASKED);
    ioapic_write(qts, IOAPIC_REDTBL(9), IOAPIC_MASKED | 0x39);
    ioapic_write(qts, IOAPIC_REDTBL(9) + 1, 0xff000000);
    g_assert_cmphex(ioapic_read(qts, IOAPIC_REDTBL(9)), ==,
                    IOAPIC_MASKED | 0x39);
    g_assert_cmphex(ioapic_read(qts, IOAPIC_REDTBL(9) + 1), ==, 0xff000000);
    qtest_quit(qts);
}

static void test_ioapic_level_remote_irr(void)
{
    QTestState *qts = qtest_init("-machine pc");

    /* Pin 5: level triggered, vector 0x45, unmasked. */
    ioapic_write(qts, IOAPIC_REDTBL(5), IOAPIC_LEVEL | 0x45);
    qtest_set_irq_in(qts, "ioapic", "unnamed-gpio-in", 5, 1);
    g_assert_cmphex(ioapic_read(qts, IOAPIC_REDTBL(5)) & IOAPIC_REMOTE_IRR,
                    ==, IOAPIC_REMOTE_IRR);
    /* EOI while the line is still high: delivered again at once. */
    qtest_writel(qts, IOAPIC_EOI, 0x45);
    g_assert_cmphex(ioapic_read(qts, IOAPIC_REDTBL(5)) & IOAPIC_REMOTE_IRR,
                    ==, IOAPIC_REMOTE_IRR);
    /* Line low, then EOI: idle. */
    qtest_set_irq_in(qts, "ioapic", "unnamed-gpio-in", 5, 0);
    qtest_writel(qts, IOAPIC_EOI, 0x45);
    g_assert_cmphex(ioapic_read(qts, IOAPIC_REDTBL(5)) & IOAPIC_REMOTE_IRR,
                    ==, 0);
    qtest_quit(qts);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);

    qtest_add_func("pc-intc/pic/request-ack-eoi", test_pic_request_ack_eoi);
    qtest_add_func("pc-intc/pic/mask", test_pic_mask);
    qtest_add_func("pc-intc/pic/elcr", test_pic_elcr);
    qtest_add_func("pc-intc/ioapic/registers", test_ioapic_registers);
    qtest_add_func("pc-intc/ioapic/level-remote-irr",
                   test_ioapic_level_remote_irr);

    return g_test_run();
}
