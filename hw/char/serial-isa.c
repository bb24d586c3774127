/*
 * The 16550A UART on the ISA bus: the PC's COM1..COM4
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * Wraps the "serial" core: eight I/O ports at "iobase" and ISA interrupt
 * "irq".  Without them, port "index" (by default the next one) takes its
 * standard place: 0x3f8/IRQ 4, 0x2f8/IRQ 3, 0x3e8/IRQ 4, 0x2e8/IRQ 3.
 * Interface: properties "index", "iobase", "irq"; "chardev", "baudbase"
 * and "wakeup" are the core's; the core is child "serial".
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "hw/core/qdev-properties.h"
#include "hw/core/qdev-properties-system.h"
#include "hw/isa/isa.h"
#include "migration/vmstate.h"
#include "system/system.h"
#include "hw/char/serial.h"

OBJECT_DECLARE_SIMPLE_TYPE(ISASerialState, ISA_SERIAL)

struct ISASerialState {
    ISADevice parent_obj;

    uint32_t index;                 /* property; -1: the next free one */
    uint32_t iobase;                /* property; -1: by index */
    uint32_t isairq;                /* property "irq"; -1: by index */
    SerialState state;
};

#define ISA_SERIAL_PORTS 8

static const uint16_t isa_serial_io[MAX_ISA_SERIAL_PORTS] = {
    0x3f8, 0x2f8, 0x3e8, 0x2e8
};
static const uint8_t isa_serial_irq[MAX_ISA_SERIAL_PORTS] = {
    4, 3, 4, 3
};

/* The core's properties, set through the wrapper as QEMU users do. */
static const char *const isa_serial_core_props[] = {
    "chardev", "baudbase", "wakeup"
};

static void isa_serial_realize(DeviceState *dev, Error **errp)
{
    static uint32_t next_index;
    ISADevice *isadev = ISA_DEVICE(dev);
    ISASerialState *isa = ISA_SERIAL(dev);
    SerialState *s = &isa->state;

    if (isa->index == UINT32_MAX) {
        isa->index = next_index;
    }
    if (isa->index >= MAX_ISA_SERIAL_PORTS) {
        error_setg(errp, "Max. supported number of ISA serial ports is %d.",
                   MAX_ISA_SERIAL_PORTS);
        return;
    }
    if (isa->iobase == UINT32_MAX) {
        isa->iobase = isa_serial_io[isa->index];
    }
    if (isa->isairq == UINT32_MAX) {
        isa->isairq = isa_serial_irq[isa->index];
    }
    if (isa->iobase > 0x10000 - ISA_SERIAL_PORTS) {
        error_setg(errp, "isa-serial: 'iobase' 0x%" PRIx32 " leaves no room "
                   "for %d ports", isa->iobase, ISA_SERIAL_PORTS);
        return;
    }
    if (isa->isairq >= ISA_NUM_IRQS) {
        error_setg(errp, "Maximum value for \"irq\" is: %u",
                   ISA_NUM_IRQS - 1);
        return;
    }

    s->irq = isa_get_irq(isadev, isa->isairq);
    if (!qdev_realize(DEVICE(s), NULL, errp)) {
        return;
    }
    next_index++;
    /* Streams before version 3 numbered the ports by their address. */
    qdev_set_legacy_instance_id(dev, isa->iobase, 3);
    memory_region_init_io(&s->io, OBJECT(isa), &serial_io_ops, s, "serial",
                          ISA_SERIAL_PORTS);
    isa_register_ioport(isadev, &s->io, isa->iobase);
}

static void isa_serial_unrealize(DeviceState *dev)
{
    ISASerialState *isa = ISA_SERIAL(dev);

    memory_region_del_subregion(
        isa_bus_from_device(ISA_DEVICE(dev))->address_space_io,
        &isa->state.io);
    qdev_unrealize(DEVICE(&isa->state));
}

static void isa_serial_init(Object *obj)
{
    ISASerialState *isa = ISA_SERIAL(obj);
    size_t i;

    object_initialize_child(obj, "serial", &isa->state, TYPE_SERIAL);
    for (i = 0; i < ARRAY_SIZE(isa_serial_core_props); i++) {
        object_property_add_alias(obj, isa_serial_core_props[i],
                                  OBJECT(&isa->state),
                                  isa_serial_core_props[i]);
    }
}

static const VMStateDescription vmstate_isa_serial = {
    .name = "serial",
    .version_id = 3,
    .minimum_version_id = 2,
    .fields = (const VMStateField[]) {
        VMSTATE_STRUCT(state, ISASerialState, 0, vmstate_serial,
                       SerialState),
        VMSTATE_END_OF_LIST()
    },
};

static const Property isa_serial_properties[] = {
    DEFINE_PROP_UINT32("index", ISASerialState, index, -1),
    DEFINE_PROP_UINT32("iobase", ISASerialState, iobase, -1),
    DEFINE_PROP_UINT32("irq", ISASerialState, isairq, -1),
};

static void isa_serial_class_init(ObjectClass *klass, const void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);

    dc->realize = isa_serial_realize;
    dc->unrealize = isa_serial_unrealize;
    dc->vmsd = &vmstate_isa_serial;
    device_class_set_props(dc, isa_serial_properties);
    set_bit(DEVICE_CATEGORY_INPUT, dc->categories);
}

void serial_hds_isa_init(ISABus *bus, int from, int to)
{
    int i;

    assert(from >= 0 && to <= MAX_ISA_SERIAL_PORTS);
    for (i = from; i < to; i++) {
        ISADevice *isadev;

        if (!serial_hd(i)) {
            continue;
        }
        isadev = isa_new(TYPE_ISA_SERIAL);
        qdev_prop_set_uint32(DEVICE(isadev), "index", i);
        qdev_prop_set_chr(DEVICE(isadev), "chardev", serial_hd(i));
        isa_realize_and_unref(isadev, bus, &error_fatal);
    }
}

static const TypeInfo isa_serial_types[] = {
    {
        .name = TYPE_ISA_SERIAL,
        .parent = TYPE_ISA_DEVICE,
        .instance_size = sizeof(ISASerialState),
        .instance_init = isa_serial_init,
        .class_init = isa_serial_class_init,
    },
};
DEFINE_TYPES(isa_serial_types)
