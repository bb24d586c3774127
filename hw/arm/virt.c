/*
 * The aarch64 "virt" board: QEMU's memory map, a GICv2, RAM.
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * Addresses follow QEMU's virt machine.  Devices arrive with their own
 * work (PL011 at 0x09000000 on SPI 1, the CPU and its timers); until a
 * CPU exists the GIC's outputs are left unconnected and its inputs are
 * there for qtest to drive and intercept.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "qemu/error-report.h"
#include "qemu/units.h"
#include "hw/core/boards.h"
#include "hw/core/qdev-properties.h"
#include "hw/core/sysbus.h"
#include "hw/intc/arm_gic.h"
#include "system/address-spaces.h"

#define VIRT_MACHINE_VERSION "10.2"

enum {
    VIRT_FLASH,
    VIRT_GIC_DIST,
    VIRT_GIC_CPU,
    VIRT_UART0,
    VIRT_RTC,
    VIRT_FW_CFG,
    VIRT_GPIO,
    VIRT_MMIO,
    VIRT_MEM,
};

typedef struct VirtMemMapEntry {
    hwaddr base;
    hwaddr size;
} VirtMemMapEntry;

/* The low part of QEMU's virt memory map. */
static const VirtMemMapEntry virt_memmap[] = {
    [VIRT_FLASH] = { 0x00000000, 0x08000000 },
    [VIRT_GIC_DIST] = { 0x08000000, 0x00010000 },
    [VIRT_GIC_CPU] = { 0x08010000, 0x00010000 },
    [VIRT_UART0] = { 0x09000000, 0x00001000 },
    [VIRT_RTC] = { 0x09010000, 0x00001000 },
    [VIRT_FW_CFG] = { 0x09020000, 0x00000018 },
    [VIRT_GPIO] = { 0x09030000, 0x00001000 },
    [VIRT_MMIO] = { 0x0a000000, 0x00000200 },
    [VIRT_MEM] = { 0x40000000, 255 * GiB },
};

#define VIRT_NUM_IRQS 256           /* SPIs, as QEMU's virt */

#define TYPE_VIRT_MACHINE MACHINE_TYPE_NAME("virt")

typedef struct VirtMachineState {
    MachineState parent_obj;

    DeviceState *gic;
    uint32_t gic_version;
} VirtMachineState;

DECLARE_INSTANCE_CHECKER(VirtMachineState, VIRT_MACHINE, TYPE_VIRT_MACHINE)

static void virt_create_gic(VirtMachineState *vms)
{
    MachineState *ms = MACHINE(vms);
    SysBusDevice *gicbusdev;

    vms->gic = qdev_new(gic_class_name());
    qdev_prop_set_uint32(vms->gic, "revision", 2);
    qdev_prop_set_uint32(vms->gic, "num-cpu", ms->smp.cpus);
    qdev_prop_set_uint32(vms->gic, "num-irq", VIRT_NUM_IRQS + GIC_INTERNAL);
    gicbusdev = SYS_BUS_DEVICE(vms->gic);
    sysbus_realize_and_unref(gicbusdev, &error_fatal);
    sysbus_mmio_map(gicbusdev, 0, virt_memmap[VIRT_GIC_DIST].base);
    sysbus_mmio_map(gicbusdev, 1, virt_memmap[VIRT_GIC_CPU].base);
}

static void virt_init(MachineState *ms)
{
    VirtMachineState *vms = VIRT_MACHINE(ms);

    if (ms->ram_size > virt_memmap[VIRT_MEM].size) {
        error_report("mach-virt: cannot model more than %" PRIu64 "GB RAM",
                     virt_memmap[VIRT_MEM].size / GiB);
        exit(1);
    }
    if (vms->gic_version != 2) {
        error_report("gic-version=%u is not supported (only 2)",
                     vms->gic_version);
        exit(1);
    }
    ms->ram = g_new0(MemoryRegion, 1);
    memory_region_init_ram(ms->ram, OBJECT(ms), "mach-virt.ram",
                           ms->ram_size, &error_fatal);
    memory_region_add_subregion(get_system_memory(),
                                virt_memmap[VIRT_MEM].base, ms->ram);
    virt_create_gic(vms);
}

static char *virt_get_gic_version(Object *obj, Error **errp)
{
    return g_strdup_printf("%u", VIRT_MACHINE(obj)->gic_version);
}

static void virt_set_gic_version(Object *obj, const char *value,
                                 Error **errp)
{
    VirtMachineState *vms = VIRT_MACHINE(obj);

    if (!strcmp(value, "2") || !strcmp(value, "max") ||
        !strcmp(value, "host")) {
        vms->gic_version = 2;
    } else if (!strcmp(value, "3") || !strcmp(value, "4")) {
        vms->gic_version = value[0] - '0';
    } else {
        error_setg(errp, "Invalid gic-version value");
        error_append_hint(errp, "Valid values are 2, 3, 4, host, max.\n");
    }
}

static void virt_instance_init(Object *obj)
{
    VIRT_MACHINE(obj)->gic_version = 2;
}

static void virt_machine_class_init(ObjectClass *oc, const void *data)
{
    MachineClass *mc = MACHINE_CLASS(oc);

    mc->desc = "QEMU " VIRT_MACHINE_VERSION " ARM Virtual Machine";
    mc->alias = "virt";
    mc->init = virt_init;
    mc->max_cpus = 512;
    mc->default_cpu_type = "cortex-a15-arm-cpu";
    mc->default_ram_id = "mach-virt.ram";
    mc->default_ram_size = 128 * MiB;
    mc->no_cdrom = true;
    mc->numa_mem_supported = true;
    object_class_property_add_str(oc, "gic-version", virt_get_gic_version,
                                  virt_set_gic_version);
    object_class_property_set_description(oc, "gic-version",
        "Set GIC version. Valid values are 2, 3, 4, host and max");
}

static const TypeInfo virt_machine_types[] = {
    {
        .name = TYPE_VIRT_MACHINE,
        .parent = TYPE_MACHINE,
        .abstract = true,
        .instance_size = sizeof(VirtMachineState),
        .instance_init = virt_instance_init,
    },
    {
        .name = MACHINE_TYPE_NAME("virt-" VIRT_MACHINE_VERSION),
        .parent = TYPE_VIRT_MACHINE,
        .class_init = virt_machine_class_init,
    },
};
DEFINE_TYPES(virt_machine_types)
