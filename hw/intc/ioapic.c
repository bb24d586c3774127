/*
 * x86 I/O APIC, after the 82093AA datasheet
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * Registers through the IOREGSEL/IOWIN window: ID, VER, ARB and 24
 * 64-bit redirection entries; version 0x20 adds the EOI register.
 * Interrupts leave as MSI-format 32-bit writes to the local APIC window
 * (0xfee00000 | destination << 12), data = vector | delivery mode << 8
 * | trigger mode << 15.
 * Not modelled: the lowest-priority arbitration ID (ARB reads as ID).
 * Interface: MMIO region 0 (4 KiB); 24 unnamed GPIO inputs, input 0
 * taken as pin 2 as the PC wires ISA IRQ0; property "version".
 * Migration: VMState "ioapic" v3 (streams from v1 on load), QEMU's layout.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "qemu/log.h"
#include "hw/core/irq.h"
#include "hw/core/qdev-properties.h"
#include "hw/core/sysbus.h"
#include "hw/core/registerfields.h"
#include "hw/intc/ioapic.h"
#include "migration/vmstate.h"
#include "system/address-spaces.h"
#include "trace.h"

OBJECT_DECLARE_SIMPLE_TYPE(IOAPICCommonState, IOAPIC_COMMON)

REG32(IOREGSEL, 0x00)
REG32(IOWIN, 0x10)
REG32(EOI, 0x40)

#define IOAPIC_REG_ID 0x00
#define IOAPIC_REG_VER 0x01
#define IOAPIC_REG_ARB 0x02
#define IOAPIC_REG_REDTBL_BASE 0x10

/* Redirection entry fields. */
#define IOAPIC_LVT_VECTOR_MASK 0xffULL
#define IOAPIC_LVT_DELIV_MODE_SHIFT 8
#define IOAPIC_LVT_DEST_MODE_SHIFT 11
#define IOAPIC_LVT_DELIV_STATUS (1ULL << 12)
#define IOAPIC_LVT_POLARITY (1ULL << 13)
#define IOAPIC_LVT_REMOTE_IRR (1ULL << 14)
#define IOAPIC_LVT_TRIGGER_MODE (1ULL << 15)
#define IOAPIC_LVT_MASKED (1ULL << 16)
#define IOAPIC_LVT_DEST_SHIFT 56
/* Bits the guest can write: all but delivery status and remote IRR. */
#define IOAPIC_RW_BITS (~(IOAPIC_LVT_DELIV_STATUS | IOAPIC_LVT_REMOTE_IRR))

#define IOAPIC_ID_SHIFT 24
#define IOAPIC_ID_MASK 0xf
#define IOAPIC_VER_ENTRIES_SHIFT 16
#define MSI_ADDR_BASE 0xfee00000

struct IOAPICCommonState {
    SysBusDevice parent_obj;

    MemoryRegion io_memory;
    uint8_t id;
    uint8_t ioregsel;
    uint32_t irr;               /* pending requests, one bit per pin */
    uint64_t ioredtbl[IOAPIC_NUM_PINS];
    uint8_t version;            /* property */
};

static bool ioapic_entry_is_level(uint64_t entry)
{
    return (entry & IOAPIC_LVT_TRIGGER_MODE) != 0;
}

/* Send one message for pin @pin to the local APIC window. */
static void ioapic_deliver(IOAPICCommonState *s, int pin)
{
    uint64_t entry = s->ioredtbl[pin];
    uint32_t dest = extract64(entry, IOAPIC_LVT_DEST_SHIFT, 8);
    uint32_t addr = MSI_ADDR_BASE | (dest << 12) |
                    (extract64(entry, IOAPIC_LVT_DEST_MODE_SHIFT, 1) << 2);
    uint32_t data = (entry & IOAPIC_LVT_VECTOR_MASK) |
                    (extract64(entry, IOAPIC_LVT_DELIV_MODE_SHIFT, 3) << 8) |
                    (ioapic_entry_is_level(entry) << 15);

    trace_ioapic_deliver(pin, addr, data);
    address_space_stl_le(&address_space_memory, addr, data,
                         MEMTXATTRS_UNSPECIFIED, NULL);
}

/* Deliver every pending, unmasked request not blocked by remote IRR. */
static void ioapic_service(IOAPICCommonState *s)
{
    int pin;

    for (pin = 0; pin < IOAPIC_NUM_PINS; pin++) {
        uint64_t entry = s->ioredtbl[pin];

        if (!(s->irr & (1u << pin)) || (entry & IOAPIC_LVT_MASKED)) {
            continue;
        }
        if (ioapic_entry_is_level(entry)) {
            if (entry & IOAPIC_LVT_REMOTE_IRR) {
                continue;
            }
            s->ioredtbl[pin] |= IOAPIC_LVT_REMOTE_IRR;
        } else {
            s->irr &= ~(1u << pin);
        }
        ioapic_deliver(s, pin);
    }
}

static void ioapic_set_irq(void *opaque, int vector, int level)
{
    IOAPICCommonState *s = opaque;
    uint32_t mask;
    uint64_t entry;

    trace_ioapic_set_irq(vector, level);
    /* ISA IRQ0 (the PIT) is wired to pin 2 on the PC. */
    if (vector == 0) {
        vector = 2;
    }
    if (vector < 0 || vector >= IOAPIC_NUM_PINS) {
        return;
    }
    mask = 1u << vector;
    entry = s->ioredtbl[vector];
    if (entry & IOAPIC_LVT_POLARITY) {
        level = !level;
    }
    if (ioapic_entry_is_level(entry)) {
        if (level) {
            s->irr |= mask;
            ioapic_service(s);
        } else {
            s->irr &= ~mask;
        }
    } else if (level) {
        /* Edge: the rising edge latches a request. */
        s->irr |= mask;
        ioapic_service(s);
    }
}

/* End of interrupt for @vector: clear remote IRR, re-deliver if held. */
static void ioapic_eoi_vector(IOAPICCommonState *s, uint8_t vector)
{
    int pin;

    trace_ioapic_eoi(vector);
    for (pin = 0; pin < IOAPIC_NUM_PINS; pin++) {
        uint64_t entry = s->ioredtbl[pin];

        if ((entry & IOAPIC_LVT_VECTOR_MASK) == vector &&
            (entry & IOAPIC_LVT_REMOTE_IRR)) {
            s->ioredtbl[pin] &= ~IOAPIC_LVT_REMOTE_IRR;
        }
    }
    ioapic_service(s);
}

static uint32_t ioapic_read_indirect(IOAPICCommonState *s)
{
    int index;

    switch (s->ioregsel) {
    case IOAPIC_REG_ID:
    case IOAPIC_REG_ARB:
        return (uint32_t)s->id << IOAPIC_ID_SHIFT;
    case IOAPIC_REG_VER:
        return s->version |
               ((IOAPIC_NUM_PINS - 1) << IOAPIC_VER_ENTRIES_SHIFT);
    default:
        index = (s->ioregsel - IOAPIC_REG_REDTBL_BASE) >> 1;
        if (s->ioregsel >= IOAPIC_REG_REDTBL_BASE &&
            index < IOAPIC_NUM_PINS) {
            return (s->ioregsel & 1) ? s->ioredtbl[index] >> 32
                                     : (uint32_t)s->ioredtbl[index];
        }
        qemu_log_mask(LOG_GUEST_ERROR, "%s: bad register 0x%02x\n",
                      __func__, s->ioregsel);
        return 0;
    }
}

static void ioapic_write_indirect(IOAPICCommonState *s, uint32_t val)
{
    int index;
    uint64_t old, entry;

    switch (s->ioregsel) {
    case IOAPIC_REG_ID:
        s->id = (val >> IOAPIC_ID_SHIFT) & IOAPIC_ID_MASK;
        return;
    case IOAPIC_REG_VER:
    case IOAPIC_REG_ARB:
        return;     /* read-only */
    default:
        break;
    }
    index = (s->ioregsel - IOAPIC_REG_REDTBL_BASE) >> 1;
    if (s->ioregsel < IOAPIC_REG_REDTBL_BASE || index >= IOAPIC_NUM_PINS) {
        qemu_log_mask(LOG_GUEST_ERROR, "%s: bad register 0x%02x\n",
                      __func__, s->ioregsel);
        return;
    }
    old = s->ioredtbl[index];
    if (s->ioregsel & 1) {
        entry = deposit64(old, 32, 32, val);
    } else {
        entry = deposit64(old, 0, 32, val);
    }
    entry = (entry & IOAPIC_RW_BITS) | (old & ~IOAPIC_RW_BITS);
    /* Switching to edge mode drops a stale remote IRR. */
    if (!ioapic_entry_is_level(entry)) {
        entry &= ~IOAPIC_LVT_REMOTE_IRR;
    }
    s->ioredtbl[index] = entry;
    ioapic_service(s);
}

static uint64_t ioapic_mem_read(void *opaque, hwaddr addr, unsigned size)
{
    IOAPICCommonState *s = opaque;
    uint64_t val = 0;

    switch (addr) {
    case A_IOREGSEL:
        val = s->ioregsel;
        break;
    case A_IOWIN:
        if (size != 4) {
            qemu_log_mask(LOG_GUEST_ERROR, "%s: IOWIN access of size %u\n",
                          __func__, size);
            break;
        }
        val = ioapic_read_indirect(s);
        break;
    default:
        qemu_log_mask(LOG_GUEST_ERROR, "%s: bad offset 0x%" HWADDR_PRIx "\n",
                      __func__, addr);
        break;
    }
    trace_ioapic_mem_read(addr, size, val);
    return val;
}

static void ioapic_mem_write(void *opaque, hwaddr addr, uint64_t val,
                             unsigned size)
{
    IOAPICCommonState *s = opaque;

    trace_ioapic_mem_write(addr, size, val);
    switch (addr) {
    case A_IOREGSEL:
        s->ioregsel = val;
        break;
    case A_IOWIN:
        if (size != 4) {
            qemu_log_mask(LOG_GUEST_ERROR, "%s: IOWIN access of size %u\n",
                          __func__, size);
            break;
        }
        ioapic_write_indirect(s, val);
        break;
    case A_EOI:
        if (s->version >= 0x20) {
            ioapic_eoi_vector(s, val & 0xff);
            break;
        }
        /* fall through */
    default:
        qemu_log_mask(LOG_GUEST_ERROR, "%s: bad offset 0x%" HWADDR_PRIx "\n",
                      __func__, addr);
        break;
    }
}

static const MemoryRegionOps ioapic_io_ops = {
    .read = ioapic_mem_read,
    .write = ioapic_mem_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
    .impl = { .min_access_size = 1, .max_access_size = 4 },
};

static void ioapic_reset(DeviceState *dev)
{
    IOAPICCommonState *s = IOAPIC_COMMON(dev);
    int i;

    s->id = 0;
    s->ioregsel = 0;
    s->irr = 0;
    for (i = 0; i < IOAPIC_NUM_PINS; i++) {
        s->ioredtbl[i] = IOAPIC_LVT_MASKED;
    }
}

static void ioapic_init(Object *obj)
{
    IOAPICCommonState *s = IOAPIC_COMMON(obj);

    memory_region_init_io(&s->io_memory, obj, &ioapic_io_ops, s, "ioapic",
                          0x1000);
    sysbus_init_mmio(SYS_BUS_DEVICE(obj), &s->io_memory);
}

static void ioapic_realize(DeviceState *dev, Error **errp)
{
    IOAPICCommonState *s = IOAPIC_COMMON(dev);

    if (s->version != 0x11 && s->version != 0x20) {
        error_setg(errp, "IOAPIC only supports version 0x11 or 0x20 "
                   "(default: 0x%x).", 0x20);
        return;
    }
    qdev_init_gpio_in(dev, ioapic_set_irq, IOAPIC_NUM_PINS);
}

/*
 * Every 8-bit IOREGSEL is reachable (the guest writes it unchecked) and
 * the window accessors bound it, so it needs no check here.  The ID is
 * four bits wide and only 24 pins can request.
 */
static bool ioapic_post_load(void *opaque, int version_id, Error **errp)
{
    IOAPICCommonState *s = opaque;

    if (s->id > IOAPIC_ID_MASK) {
        error_setg(errp, "id 0x%x is wider than 4 bits", s->id);
        s->id &= IOAPIC_ID_MASK;
        return false;
    }
    if (s->irr & ~MAKE_64BIT_MASK(0, IOAPIC_NUM_PINS)) {
        error_setg(errp, "irr 0x%08" PRIx32 " names pins above %d", s->irr,
                   IOAPIC_NUM_PINS - 1);
        s->irr &= MAKE_64BIT_MASK(0, IOAPIC_NUM_PINS);
        return false;
    }
    return true;
}

static const VMStateDescription vmstate_ioapic = {
    .name = "ioapic",
    .version_id = 3,
    .minimum_version_id = 1,
    .post_load_errp = ioapic_post_load,
    .fields = (const VMStateField[]) {
        VMSTATE_UINT8(id, IOAPICCommonState),
        VMSTATE_UINT8(ioregsel, IOAPICCommonState),
        VMSTATE_UNUSED_V(2, 8),     /* qemu-kvm's version 2 */
        VMSTATE_UINT32_V(irr, IOAPICCommonState, 2),
        VMSTATE_UINT64_ARRAY(ioredtbl, IOAPICCommonState, IOAPIC_NUM_PINS),
        VMSTATE_END_OF_LIST()
    },
};

static void ioapic_common_class_init(ObjectClass *klass, const void *data)
{
    DEVICE_CLASS(klass)->vmsd = &vmstate_ioapic;
}

static const Property ioapic_properties[] = {
    DEFINE_PROP_UINT8("version", IOAPICCommonState, version, 0x20),
};

static void ioapic_class_init(ObjectClass *klass, const void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);

    dc->realize = ioapic_realize;
    dc->desc = "I/O APIC";
    device_class_set_legacy_reset(dc, ioapic_reset);
    device_class_set_props(dc, ioapic_properties);
}

static const TypeInfo ioapic_types[] = {
    {
        .name = TYPE_IOAPIC_COMMON,
        .parent = TYPE_SYS_BUS_DEVICE,
        .instance_size = sizeof(IOAPICCommonState),
        .instance_init = ioapic_init,
        .class_init = ioapic_common_class_init,
        .abstract = true,
    },
    {
        .name = TYPE_IOAPIC,
        .parent = TYPE_IOAPIC_COMMON,
        .class_init = ioapic_class_init,
    },
};
DEFINE_TYPES(ioapic_types)
