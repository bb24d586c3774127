/*
 * The ISA bus: port I/O devices with 16 interrupt lines.
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#ifndef HW_ISA_ISA_H
#define HW_ISA_ISA_H

#include "hw/core/qdev.h"
#include "system/memory.h"

#define ISA_NUM_IRQS 16

#define TYPE_ISA_DEVICE "isa-device"
OBJECT_DECLARE_SIMPLE_TYPE(ISADevice, ISA_DEVICE)

#define TYPE_ISA_BUS "ISA"
OBJECT_DECLARE_SIMPLE_TYPE(ISABus, ISA_BUS)

struct ISADevice {
    DeviceState parent_obj;

    int ioport_id;
};

struct ISABus {
    BusState parent_obj;

    MemoryRegion *address_space;
    MemoryRegion *address_space_io;
    qemu_irq *irqs_in;
};

/**
 * isa_bus_new: create the bus under @dev (NULL: standalone) with the
 * memory and I/O containers devices map into.
 */
ISABus *isa_bus_new(DeviceState *dev, MemoryRegion *address_space,
                    MemoryRegion *address_space_io, Error **errp);
/** isa_bus_register_input_irqs: the 16 lines devices drive. */
void isa_bus_register_input_irqs(ISABus *bus, qemu_irq *irqs_in);
qemu_irq isa_bus_get_irq(ISABus *bus, unsigned isairq);
qemu_irq isa_get_irq(ISADevice *dev, unsigned isairq);
void isa_connect_gpio_out(ISADevice *isadev, int gpioirq, unsigned isairq);
ISADevice *isa_new(const char *name);
ISADevice *isa_try_new(const char *name);
bool isa_realize_and_unref(ISADevice *dev, ISABus *bus, Error **errp);
ISADevice *isa_create_simple(ISABus *bus, const char *name);
/** isa_register_ioport: map @io at port @start of the bus's I/O space. */
void isa_register_ioport(ISADevice *dev, MemoryRegion *io, uint16_t start);
ISABus *isa_bus_from_device(ISADevice *dev);

#endif
