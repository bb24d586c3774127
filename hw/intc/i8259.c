/*
 * Intel 8259A programmable interrupt controller, as cascaded on the PC
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * After the 8259A datasheet: ICW1-ICW4 initialisation, OCW1 (mask),
 * OCW2 (EOI, rotation), OCW3 (register select, poll, special mask), plus
 * the PIIX edge/level control register (ELCR).
 * Not modelled: buffered mode (ICW4 BUF/MS bits are stored, no effect).
 * Interface: I/O ports base (2 bytes) and elcr_addr (1 byte); 8 unnamed
 * GPIO inputs; 1 unnamed GPIO output (INT).
 * Migration: VMState "i8259" v1, QEMU's layout, with the "i8259/ltim"
 * subsection (QEMU 8.1 on) sent only while ICW1's LTIM bit is set.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "qemu/log.h"
#include "hw/core/irq.h"
#include "hw/core/qdev-properties.h"
#include "hw/intc/i8259.h"
#include "migration/vmstate.h"
#include "trace.h"

OBJECT_DECLARE_SIMPLE_TYPE(PICCommonState, PIC_COMMON)

struct PICCommonState {
    ISADevice parent_obj;

    MemoryRegion base_io;
    MemoryRegion elcr_io;
    qemu_irq int_out;

    uint8_t last_irr;       /* input levels, for edge detection */
    uint8_t irr;            /* interrupt request register */
    uint8_t imr;            /* interrupt mask register */
    uint8_t isr;            /* in-service register */
    uint8_t priority_add;   /* lowest-priority line + 1, rotation */
    uint8_t irq_base;       /* vector of line 0, from ICW2 */
    uint8_t read_reg_select;    /* OCW3: 0 IRR, 1 ISR */
    uint8_t poll;
    uint8_t special_mask;
    uint8_t init_state;     /* 0 ready, 1-3 waiting for ICW2-ICW4 */
    uint8_t auto_eoi;
    uint8_t rotate_on_auto_eoi;
    uint8_t special_fully_nested_mode;
    uint8_t init4;          /* ICW4 expected */
    uint8_t single_mode;
    uint8_t ltim;           /* ICW1 level-triggered mode */
    uint8_t elcr;

    /* properties */
    uint32_t iobase;
    uint32_t elcr_addr;
    uint8_t elcr_mask;
    uint32_t master;
};

DeviceState *isa_pic;

/* Highest-priority set bit of @mask in rotation order, or 8 if none. */
static int pic_get_priority(PICCommonState *s, uint8_t mask)
{
    int priority;

    if (mask == 0) {
        return 8;
    }
    priority = 0;
    while ((mask & (1 << ((priority + s->priority_add) & 7))) == 0) {
        priority++;
    }
    return priority;
}

/* The line to deliver now, or -1. */
static int pic_get_irq(PICCommonState *s)
{
    int mask, cur_priority, priority;

    mask = s->irr & ~s->imr;
    priority = pic_get_priority(s, mask);
    if (priority == 8) {
        return -1;
    }
    /*
     * In-service lines block equal and lower priorities; special mask
     * mode ignores masked in-service lines, and special fully nested
     * mode on the master lets the cascade line through again.
     */
    mask = s->isr;
    if (s->special_mask) {
        mask &= ~s->imr;
    }
    if (s->special_fully_nested_mode && s->master) {
        mask &= ~(1 << 2);
    }
    cur_priority = pic_get_priority(s, mask);
    if (priority < cur_priority) {
        return (priority + s->priority_add) & 7;
    }
    return -1;
}

/* The only place that drives INT: call after any change. */
static void pic_update_irq(PICCommonState *s)
{
    int level = pic_get_irq(s) >= 0;

    trace_pic_update_irq(s->master, s->imr, s->irr, s->isr, level);
    qemu_set_irq(s->int_out, level);
}

static void pic_set_irq(void *opaque, int irq, int level)
{
    PICCommonState *s = opaque;
    int mask = 1 << irq;
    bool level_mode = s->ltim || (s->elcr & mask);

    trace_pic_set_irq(s->master, irq, level);
    if (level_mode) {
        if (level) {
            s->irr |= mask;
            s->last_irr |= mask;
        } else {
            s->irr &= ~mask;
            s->last_irr &= ~mask;
        }
    } else {
        if (level) {
            if ((s->last_irr & mask) == 0) {
                s->irr |= mask;
            }
            s->last_irr |= mask;
        } else {
            s->last_irr &= ~mask;
        }
    }
    pic_update_irq(s);
}

/* Accept line @irq: move it from IRR to ISR (INTA cycle). */
static void pic_intack(PICCommonState *s, int irq)
{
    if (s->auto_eoi) {
        if (s->rotate_on_auto_eoi) {
            s->priority_add = (irq + 1) & 7;
        }
    } else {
        s->isr |= 1 << irq;
    }
    /* An edge-triggered request is consumed; a level one stays. */
    if (!s->ltim && !(s->elcr & (1 << irq))) {
        s->irr &= ~(1 << irq);
    }
    pic_update_irq(s);
}

int pic_get_output(DeviceState *d)
{
    return pic_get_irq(PIC_COMMON(d)) >= 0;
}

static PICCommonState *pic_slave;

int pic_read_irq(DeviceState *d)
{
    PICCommonState *s = PIC_COMMON(d);
    int irq, irq2, intno;

    irq = pic_get_irq(s);
    if (irq < 0) {
        /* Spurious: the master answers IRQ7's vector. */
        return s->irq_base + 7;
    }
    if (irq == 2 && pic_slave) {
        irq2 = pic_get_irq(pic_slave);
        if (irq2 >= 0) {
            pic_intack(pic_slave, irq2);
        } else {
            irq2 = 7;
        }
        intno = pic_slave->irq_base + irq2;
    } else {
        intno = s->irq_base + irq;
    }
    pic_intack(s, irq);
    trace_pic_interrupt(irq, intno);
    return intno;
}

static void pic_init_reset(PICCommonState *s)
{
    s->last_irr = 0;
    s->irr &= s->elcr;
    s->imr = 0;
    s->isr = 0;
    s->priority_add = 0;
    s->irq_base = 0;
    s->read_reg_select = 0;
    s->poll = 0;
    s->special_mask = 0;
    s->init_state = 0;
    s->auto_eoi = 0;
    s->rotate_on_auto_eoi = 0;
    s->special_fully_nested_mode = 0;
    s->init4 = 0;
    s->single_mode = 0;
    s->ltim = 0;
    pic_update_irq(s);
}

static void pic_write_command(PICCommonState *s, uint8_t val)
{
    int cmd, irq, priority;

    if (val & 0x10) {
        /* ICW1 */
        pic_init_reset(s);
        s->init_state = 1;
        s->init4 = val & 1;
        s->single_mode = (val >> 1) & 1;
        s->ltim = (val >> 3) & 1;
        if (val & 0x02) {
            qemu_log_mask(LOG_UNIMP, "%s: single mode not supported\n",
                          __func__);
        }
        return;
    }
    if (val & 0x08) {
        /* OCW3 */
        if (val & 0x04) {
            s->poll = 1;
        }
        if (val & 0x02) {
            s->read_reg_select = val & 1;
        }
        if (val & 0x40) {
            s->special_mask = (val >> 5) & 1;
        }
        pic_update_irq(s);
        return;
    }
    /* OCW2 */
    cmd = val >> 5;
    switch (cmd) {
    case 0:     /* rotate in automatic EOI mode: clear */
    case 4:     /* set */
        s->rotate_on_auto_eoi = cmd >> 2;
        break;
    case 1:     /* non-specific EOI */
    case 5:     /* non-specific EOI and rotate */
        priority = pic_get_priority(s, s->isr);
        if (priority != 8) {
            irq = (priority + s->priority_add) & 7;
            s->isr &= ~(1 << irq);
            if (cmd == 5) {
                s->priority_add = (irq + 1) & 7;
            }
        }
        pic_update_irq(s);
        break;
    case 3:     /* specific EOI */
        s->isr &= ~(1 << (val & 7));
        pic_update_irq(s);
        break;
    case 6:     /* set priority */
        s->priority_add = (val + 1) & 7;
        pic_update_irq(s);
        break;
    case 7:     /* specific EOI and rotate */
        irq = val & 7;
        s->isr &= ~(1 << irq);
        s->priority_add = (irq + 1) & 7;
        pic_update_irq(s);
        break;
    default:    /* 2: no operation */
        break;
    }
}

static void pic_write_data(PICCommonState *s, uint8_t val)
{
    switch (s->init_state) {
    case 0:
        /* OCW1 */
        s->imr = val;
        pic_update_irq(s);
        break;
    case 1:
        /* ICW2 */
        s->irq_base = val & 0xf8;
        s->init_state = s->single_mode ? (s->init4 ? 3 : 0) : 2;
        break;
    case 2:
        /* ICW3: cascade wiring, fixed on the PC */
        s->init_state = s->init4 ? 3 : 0;
        break;
    case 3:
        /* ICW4 */
        s->special_fully_nested_mode = (val >> 4) & 1;
        s->auto_eoi = (val >> 1) & 1;
        s->init_state = 0;
        break;
    }
}

static void pic_ioport_write(void *opaque, hwaddr addr, uint64_t val,
                             unsigned size)
{
    PICCommonState *s = opaque;

    trace_pic_ioport_write(s->master, addr, val);
    if (addr == 0) {
        pic_write_command(s, val);
    } else {
        pic_write_data(s, val);
    }
}

/* Poll mode: the read is an acknowledge that returns the line number. */
static uint64_t pic_poll_read(PICCommonState *s)
{
    int irq = pic_get_irq(s);

    if (irq >= 0) {
        pic_intack(s, irq);
        return 0x80 | irq;
    }
    return 0;
}

static uint64_t pic_ioport_read(void *opaque, hwaddr addr, unsigned size)
{
    PICCommonState *s = opaque;
    uint64_t val;

    if (s->poll) {
        s->poll = 0;
        val = pic_poll_read(s);
    } else if (addr == 0) {
        val = s->read_reg_select ? s->isr : s->irr;
    } else {
        val = s->imr;
    }
    trace_pic_ioport_read(s->master, addr, val);
    return val;
}

static const MemoryRegionOps pic_base_ioport_ops = {
    .read = pic_ioport_read,
    .write = pic_ioport_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
    .impl = { .min_access_size = 1, .max_access_size = 1 },
};

static uint64_t elcr_ioport_read(void *opaque, hwaddr addr, unsigned size)
{
    PICCommonState *s = opaque;

    trace_elcr_ioport_read(addr, s->elcr);
    return s->elcr;
}

static void elcr_ioport_write(void *opaque, hwaddr addr, uint64_t val,
                              unsigned size)
{
    PICCommonState *s = opaque;

    trace_elcr_ioport_write(addr, val);
    s->elcr = val & s->elcr_mask;
}

static const MemoryRegionOps pic_elcr_ioport_ops = {
    .read = elcr_ioport_read,
    .write = elcr_ioport_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
    .impl = { .min_access_size = 1, .max_access_size = 1 },
};

static void pic_reset(DeviceState *dev)
{
    PICCommonState *s = PIC_COMMON(dev);

    s->elcr = 0;
    pic_init_reset(s);
}

static void pic_realize(DeviceState *dev, Error **errp)
{
    PICCommonState *s = PIC_COMMON(dev);
    ISADevice *isa = ISA_DEVICE(dev);

    memory_region_init_io(&s->base_io, OBJECT(s), &pic_base_ioport_ops, s,
                          "pic", 2);
    memory_region_init_io(&s->elcr_io, OBJECT(s), &pic_elcr_ioport_ops, s,
                          "elcr", 1);
    isa_register_ioport(isa, &s->base_io, s->iobase);
    if (s->elcr_addr != -1) {
        isa_register_ioport(isa, &s->elcr_io, s->elcr_addr);
    }
    qdev_init_gpio_out(dev, &s->int_out, 1);
    qdev_init_gpio_in(dev, pic_set_irq, 8);
}

/* Latch a range error for @name (one per load) and put @v back in range. */
static bool pic_check_range(uint8_t *v, uint8_t max, const char *name,
                            Error **errp)
{
    if (*v <= max) {
        return true;
    }
    error_setg(errp, "%s %u is out of range (0-%u)", name, *v, max);
    *v = 0;
    return false;
}

/*
 * QEMU stores some flags as the ICW bit itself (single_mode 2, ltim 8):
 * any non-zero value means set.  The rotation base, the initialisation
 * step, the vector base and ELCR must be values the registers can hold.
 */
static bool pic_post_load(void *opaque, int version_id, Error **errp)
{
    PICCommonState *s = opaque;

    s->read_reg_select = !!s->read_reg_select;
    s->poll = !!s->poll;
    s->special_mask = !!s->special_mask;
    s->auto_eoi = !!s->auto_eoi;
    s->rotate_on_auto_eoi = !!s->rotate_on_auto_eoi;
    s->special_fully_nested_mode = !!s->special_fully_nested_mode;
    s->init4 = !!s->init4;
    s->single_mode = !!s->single_mode;
    s->ltim = !!s->ltim;
    if (!pic_check_range(&s->priority_add, 7, "priority_add", errp) ||
        !pic_check_range(&s->init_state, 3, "init_state", errp)) {
        return false;
    }
    if (s->irq_base & 7) {
        error_setg(errp, "irq_base 0x%02x is not a multiple of 8",
                   s->irq_base);
        s->irq_base &= ~7;
        return false;
    }
    if (s->elcr & ~s->elcr_mask) {
        error_setg(errp, "elcr 0x%02x sets bits outside elcr_mask 0x%02x",
                   s->elcr, s->elcr_mask);
        s->elcr &= s->elcr_mask;
        return false;
    }
    return true;
}

static bool pic_ltim_needed(void *opaque)
{
    PICCommonState *s = opaque;

    return s->ltim != 0;
}

/* Loading it sets LTIM; a stream without it (QEMU before 8.1) clears it. */
static int pic_pre_load(void *opaque)
{
    PICCommonState *s = opaque;

    s->ltim = 0;
    return 0;
}

static const VMStateDescription vmstate_pic_ltim = {
    .name = "i8259/ltim",
    .version_id = 1,
    .minimum_version_id = 1,
    .needed = pic_ltim_needed,
    .fields = (const VMStateField[]) {
        VMSTATE_UINT8(ltim, PICCommonState),
        VMSTATE_END_OF_LIST()
    },
};

static const VMStateDescription vmstate_pic = {
    .name = "i8259",
    .version_id = 1,
    .minimum_version_id = 1,
    .pre_load = pic_pre_load,
    .post_load_errp = pic_post_load,
    .fields = (const VMStateField[]) {
        VMSTATE_UINT8(last_irr, PICCommonState),
        VMSTATE_UINT8(irr, PICCommonState),
        VMSTATE_UINT8(imr, PICCommonState),
        VMSTATE_UINT8(isr, PICCommonState),
        VMSTATE_UINT8(priority_add, PICCommonState),
        VMSTATE_UINT8(irq_base, PICCommonState),
        VMSTATE_UINT8(read_reg_select, PICCommonState),
        VMSTATE_UINT8(poll, PICCommonState),
        VMSTATE_UINT8(special_mask, PICCommonState),
        VMSTATE_UINT8(init_state, PICCommonState),
        VMSTATE_UINT8(auto_eoi, PICCommonState),
        VMSTATE_UINT8(rotate_on_auto_eoi, PICCommonState),
        VMSTATE_UINT8(special_fully_nested_mode, PICCommonState),
        VMSTATE_UINT8(init4, PICCommonState),
        VMSTATE_UINT8(single_mode, PICCommonState),
        VMSTATE_UINT8(elcr, PICCommonState),
        VMSTATE_END_OF_LIST()
    },
    .subsections = (const VMStateDescription * const []) {
        &vmstate_pic_ltim,
        NULL
    },
};

static const Property pic_properties[] = {
    DEFINE_PROP_UINT32("iobase", PICCommonState, iobase, -1),
    DEFINE_PROP_UINT32("elcr_addr", PICCommonState, elcr_addr, -1),
    DEFINE_PROP_UINT8("elcr_mask", PICCommonState, elcr_mask, -1),
    DEFINE_PROP_BIT("master", PICCommonState, master, 0, false),
};

static void pic_common_class_init(ObjectClass *klass, const void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);

    device_class_set_props(dc, pic_properties);
    dc->user_creatable = false;
    dc->vmsd = &vmstate_pic;
}

static void pic_class_init(ObjectClass *klass, const void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);

    dc->realize = pic_realize;
    dc->desc = "ISA i8259 programmable interrupt controller";
    device_class_set_legacy_reset(dc, pic_reset);
}

qemu_irq *i8259_init(ISABus *bus, qemu_irq parent_irq)
{
    qemu_irq *irqs = g_new0(qemu_irq, ISA_NUM_IRQS);
    ISADevice *isadev;
    DeviceState *dev;
    int i;

    isadev = isa_new(TYPE_I8259);
    dev = DEVICE(isadev);
    qdev_prop_set_uint32(dev, "iobase", 0x20);
    qdev_prop_set_uint32(dev, "elcr_addr", 0x4d0);
    qdev_prop_set_uint8(dev, "elcr_mask", 0xf8);
    qdev_prop_set_bit(dev, "master", true);
    isa_realize_and_unref(isadev, bus, &error_fatal);
    qdev_connect_gpio_out(dev, 0, parent_irq);
    for (i = 0; i < 8; i++) {
        irqs[i] = qdev_get_gpio_in(dev, i);
    }
    isa_pic = dev;

    isadev = isa_new(TYPE_I8259);
    dev = DEVICE(isadev);
    qdev_prop_set_uint32(dev, "iobase", 0xa0);
    qdev_prop_set_uint32(dev, "elcr_addr", 0x4d1);
    qdev_prop_set_uint8(dev, "elcr_mask", 0xde);
    isa_realize_and_unref(isadev, bus, &error_fatal);
    qdev_connect_gpio_out(dev, 0, irqs[2]);
    for (i = 0; i < 8; i++) {
        irqs[i + 8] = qdev_get_gpio_in(dev, i);
    }
    pic_slave = PIC_COMMON(dev);
    return irqs;
}

static const TypeInfo i8259_types[] = {
    {
        .name = TYPE_PIC_COMMON,
        .parent = TYPE_ISA_DEVICE,
        .instance_size = sizeof(PICCommonState),
        .class_init = pic_common_class_init,
        .abstract = true,
    },
    {
        .name = TYPE_I8259,
        .parent = TYPE_PIC_COMMON,
        .class_init = pic_class_init,
    },
};
DEFINE_TYPES(i8259_types)
