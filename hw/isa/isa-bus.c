/*
 * The ISA bus: 16 interrupt lines and a port I/O space.
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "qemu/error-report.h"
#include "hw/core/sysbus.h"
#include "hw/isa/isa.h"

static ISABus *isabus;

ISABus *isa_bus_new(DeviceState *dev, MemoryRegion *address_space,
                    MemoryRegion *address_space_io, Error **errp)
{
    if (isabus) {
        error_setg(errp, "Can't create a second ISA bus");
        return NULL;
    }
    if (dev == NULL) {
        dev = qdev_new("isabus-bridge");
        object_property_add_child(machine_get_container("unattached"),
                                  "isabus-bridge", OBJECT(dev));
        sysbus_realize_and_unref(SYS_BUS_DEVICE(dev), &error_fatal);
    }
    isabus = ISA_BUS(qbus_new(TYPE_ISA_BUS, dev, NULL));
    isabus->address_space = address_space;
    isabus->address_space_io = address_space_io;
    return isabus;
}

void isa_bus_register_input_irqs(ISABus *bus, qemu_irq *irqs_in)
{
    bus->irqs_in = irqs_in;
}

qemu_irq isa_bus_get_irq(ISABus *bus, unsigned isairq)
{
    assert(isairq < ISA_NUM_IRQS);
    return bus->irqs_in[isairq];
}

qemu_irq isa_get_irq(ISADevice *dev, unsigned isairq)
{
    return isa_bus_get_irq(isa_bus_from_device(dev), isairq);
}

void isa_connect_gpio_out(ISADevice *isadev, int gpioirq, unsigned isairq)
{
    qdev_connect_gpio_out(DEVICE(isadev), gpioirq,
                          isa_get_irq(isadev, isairq));
}

ISADevice *isa_new(const char *name)
{
    return ISA_DEVICE(qdev_new(name));
}

ISADevice *isa_try_new(const char *name)
{
    DeviceState *dev = qdev_try_new(name);

    return dev ? ISA_DEVICE(dev) : NULL;
}

bool isa_realize_and_unref(ISADevice *dev, ISABus *bus, Error **errp)
{
    return qdev_realize_and_unref(&dev->parent_obj, &bus->parent_obj, errp);
}

ISADevice *isa_create_simple(ISABus *bus, const char *name)
{
    ISADevice *dev = isa_new(name);

    isa_realize_and_unref(dev, bus, &error_fatal);
    return dev;
}

void isa_register_ioport(ISADevice *dev, MemoryRegion *io, uint16_t start)
{
    ISABus *bus = isa_bus_from_device(dev);

    memory_region_add_subregion(bus->address_space_io, start, io);
    if (dev->ioport_id == 0) {
        dev->ioport_id = start;
    }
}

ISABus *isa_bus_from_device(ISADevice *dev)
{
    return ISA_BUS(qdev_get_parent_bus(DEVICE(dev)));
}

static char *isabus_get_fw_dev_path(DeviceState *dev)
{
    ISADevice *d = ISA_DEVICE(dev);

    return g_strdup_printf("%s@%04x", object_get_typename(OBJECT(dev)),
                           d->ioport_id);
}

static void isa_bus_class_init(ObjectClass *klass, const void *data)
{
    BusClass *k = BUS_CLASS(klass);

    k->get_fw_dev_path = isabus_get_fw_dev_path;
}

static void isa_device_class_init(ObjectClass *klass, const void *data)
{
    DeviceClass *k = DEVICE_CLASS(klass);

    k->bus_type = TYPE_ISA_BUS;
}

static void isabus_bridge_class_init(ObjectClass *klass, const void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);

    set_bit(DEVICE_CATEGORY_BRIDGE, dc->categories);
    dc->fw_name = "isa";
}

static const TypeInfo isa_bus_types[] = {
    {
        .name = TYPE_ISA_BUS,
        .parent = TYPE_BUS,
        .instance_size = sizeof(ISABus),
        .class_init = isa_bus_class_init,
    },
    {
        .name = "isabus-bridge",
        .parent = TYPE_SYS_BUS_DEVICE,
        .instance_size = sizeof(SysBusDevice),
        .class_init = isabus_bridge_class_init,
    },
    {
        .name = TYPE_ISA_DEVICE,
        .parent = TYPE_DEVICE,
        .instance_size = sizeof(ISADevice),
        .abstract = true,
        .class_init = isa_device_class_init,
    },
};
DEFINE_TYPES(isa_bus_types)
