/*
 * The system bus: devices with MMIO regions and output IRQs.
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * The main system bus ("main-system-bus", type "System") has no parent
 * device; it is the root of the device reset tree.  It is created on
 * first use and placed in the composition tree as
 * /machine/unattached/sysbus as soon as that container exists.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "hw/core/sysbus.h"
#include "system/address-spaces.h"
#include "qdev-internal.h"

static BusState *main_system_bus;

BusState *sysbus_get_default(void)
{
    Object *unattached;

    if (main_system_bus == NULL) {
        main_system_bus = qbus_new(TYPE_SYSTEM_BUS, NULL, "main-system-bus");
    }
    if (OBJECT(main_system_bus)->parent == NULL) {
        unattached = qdev_find_unattached();
        if (unattached != NULL) {
            object_property_add_child(unattached, "sysbus",
                                      OBJECT(main_system_bus));
        }
    }
    return main_system_bus;
}

void sysbus_init_mmio(SysBusDevice *dev, MemoryRegion *memory)
{
    int n = dev->num_mmio++;

    assert(n < QDEV_MAX_MMIO);
    dev->mmio[n].addr = (hwaddr)-1;
    dev->mmio[n].memory = memory;
}

MemoryRegion *sysbus_mmio_get_region(SysBusDevice *dev, int n)
{
    assert(n >= 0 && n < QDEV_MAX_MMIO);
    return dev->mmio[n].memory;
}

bool sysbus_has_mmio(SysBusDevice *dev, unsigned int n)
{
    return n < dev->num_mmio;
}

static void sysbus_mmio_map_common(SysBusDevice *dev, int n, hwaddr addr,
                                   bool may_overlap, int priority)
{
    MemoryRegion *sysmem = get_system_memory();

    assert(n >= 0 && n < dev->num_mmio);
    if (dev->mmio[n].addr == addr) {
        return;
    }
    if (dev->mmio[n].addr != (hwaddr)-1) {
        memory_region_del_subregion(sysmem, dev->mmio[n].memory);
    }
    dev->mmio[n].addr = addr;
    if (may_overlap) {
        memory_region_add_subregion_overlap(sysmem, addr,
                                            dev->mmio[n].memory, priority);
    } else {
        memory_region_add_subregion(sysmem, addr, dev->mmio[n].memory);
    }
}

void sysbus_mmio_map(SysBusDevice *dev, int n, hwaddr addr)
{
    sysbus_mmio_map_common(dev, n, addr, false, 0);
}

void sysbus_mmio_map_overlap(SysBusDevice *dev, int n, hwaddr addr,
                             int priority)
{
    sysbus_mmio_map_common(dev, n, addr, true, priority);
}

void sysbus_mmio_unmap(SysBusDevice *dev, int n)
{
    assert(n >= 0 && n < dev->num_mmio);
    if (dev->mmio[n].addr != (hwaddr)-1) {
        memory_region_del_subregion(get_system_memory(),
                                    dev->mmio[n].memory);
        dev->mmio[n].addr = (hwaddr)-1;
    }
}

/* Output IRQs are the elements of the named GPIO output "sysbus-irq". */
void sysbus_init_irq(SysBusDevice *dev, qemu_irq *p)
{
    qdev_init_gpio_out_named(DEVICE(dev), p, SYSBUS_DEVICE_GPIO_IRQ, 1);
}

void sysbus_pass_irq(SysBusDevice *dev, SysBusDevice *target)
{
    assert(!sysbus_has_irq(dev, 0));
    qdev_pass_gpios(DEVICE(target), DEVICE(dev), SYSBUS_DEVICE_GPIO_IRQ);
}

bool sysbus_has_irq(SysBusDevice *dev, int n)
{
    g_autofree char *prop = g_strdup_printf("%s[%d]",
                                            SYSBUS_DEVICE_GPIO_IRQ, n);

    return object_property_find(OBJECT(dev), prop) != NULL;
}

qemu_irq sysbus_get_connected_irq(SysBusDevice *dev, int n)
{
    return qdev_get_gpio_out_connector(DEVICE(dev), SYSBUS_DEVICE_GPIO_IRQ,
                                       n);
}

bool sysbus_is_irq_connected(SysBusDevice *dev, int n)
{
    return sysbus_get_connected_irq(dev, n) != NULL;
}

void sysbus_connect_irq(SysBusDevice *dev, int n, qemu_irq irq)
{
    SysBusDeviceClass *sbc = SYS_BUS_DEVICE_GET_CLASS(dev);

    qdev_connect_gpio_out_named(DEVICE(dev), SYSBUS_DEVICE_GPIO_IRQ, n, irq);
    if (sbc->connect_irq_notifier != NULL) {
        sbc->connect_irq_notifier(dev, irq);
    }
}

void sysbus_init_ioports(SysBusDevice *dev, uint32_t ioport, uint32_t size)
{
    uint32_t i;

    for (i = 0; i < size; i++) {
        assert(dev->num_pio < QDEV_MAX_PIO);
        dev->pio[dev->num_pio++] = ioport + i;
    }
}

bool sysbus_realize(SysBusDevice *dev, Error **errp)
{
    return qdev_realize(DEVICE(dev), sysbus_get_default(), errp);
}

bool sysbus_realize_and_unref(SysBusDevice *dev, Error **errp)
{
    return qdev_realize_and_unref(DEVICE(dev), sysbus_get_default(), errp);
}

/*
 * Create @name, realize it (fatal on failure), map region 0 at @addr
 * unless @addr is -1, and connect IRQs 0, 1, ... to the NULL-terminated
 * list that follows.
 */
DeviceState *sysbus_create_varargs(const char *name, hwaddr addr, ...)
{
    DeviceState *dev = qdev_new(name);
    SysBusDevice *s = SYS_BUS_DEVICE(dev);
    qemu_irq irq;
    va_list va;
    int n = 0;

    sysbus_realize_and_unref(s, &error_fatal);
    if (addr != (hwaddr)-1) {
        sysbus_mmio_map(s, 0, addr);
    }
    va_start(va, addr);
    while ((irq = va_arg(va, qemu_irq)) != NULL) {
        sysbus_connect_irq(s, n++, irq);
    }
    va_end(va);
    return dev;
}

static void sysbus_device_class_init(ObjectClass *klass, const void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);

    dc->bus_type = TYPE_SYSTEM_BUS;
    /* Only boards that list a type may let -device create it. */
    dc->user_creatable = false;
}

static const TypeInfo sysbus_types[] = {
    {
        .name          = TYPE_SYSTEM_BUS,
        .parent        = TYPE_BUS,
        .instance_size = sizeof(BusState),
    },
    {
        .name          = TYPE_SYS_BUS_DEVICE,
        .parent        = TYPE_DEVICE,
        .instance_size = sizeof(SysBusDevice),
        .abstract      = true,
        .class_size    = sizeof(SysBusDeviceClass),
        .class_init    = sysbus_device_class_init,
    },
};
DEFINE_TYPES(sysbus_types)
