/*
 * The aarch64 "virt" board: QEMU's memory map, a GICv2, a PL011, RAM.
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * Addresses, interrupt numbers and device tree nodes follow QEMU's virt
 * machine.  The first -serial is the PL011 at 0x09000000 on SPI 1.  Until
 * a CPU exists the GIC's outputs are left unconnected and its inputs are
 * there for qtest to drive and intercept; the CPU work adds the /cpus and
 * /timer nodes.  -machine dumpdtb=FILE writes the device tree and exits.
 * Further PL011s may come from -device: they go on the platform bus, as
 * QEMU places the sysbus devices its virt board accepts.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "qemu/error-report.h"
#include "qemu/units.h"
#include "hw/core/boards.h"
#include "hw/core/qdev-properties.h"
#include "hw/core/qdev-properties-system.h"
#include "hw/core/sysbus.h"
#include "hw/char/pl011.h"
#include "hw/intc/arm_gic.h"
#include "system/address-spaces.h"
#include "system/device_tree.h"
#include "system/system.h"

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
    VIRT_PLATFORM_BUS,
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
    [VIRT_PLATFORM_BUS] = { 0x0c000000, 0x02000000 },
    [VIRT_MEM] = { 0x40000000, 255 * GiB },
};

/* SPI numbers (GIC inputs) of the devices, as QEMU's virt. */
static const int virt_irqmap[] = {
    [VIRT_UART0] = 1,
    [VIRT_PLATFORM_BUS] = 112,
};

#define VIRT_PLATFORM_BUS_NUM_IRQS 64

#define VIRT_NUM_IRQS 256           /* SPIs, as QEMU's virt */

/* Cells of a GIC "interrupts" specifier. */
#define VIRT_FDT_IRQ_TYPE_SPI 0
#define VIRT_FDT_IRQ_FLAGS_LEVEL_HI 4

/* The fixed clock the device tree gives the PrimeCell devices. */
#define VIRT_APB_PCLK_HZ 24000000

#define TYPE_VIRT_MACHINE MACHINE_TYPE_NAME("virt")

typedef struct VirtMachineState {
    MachineState parent_obj;

    DeviceState *gic;
    uint32_t gic_version;
    uint32_t clock_phandle;
    uint32_t gic_phandle;
    Notifier machine_done;
} VirtMachineState;

DECLARE_INSTANCE_CHECKER(VirtMachineState, VIRT_MACHINE, TYPE_VIRT_MACHINE)

/* The root, /chosen, /aliases and the clock the PrimeCells refer to. */
static void virt_create_fdt(VirtMachineState *vms)
{
    MachineState *ms = MACHINE(vms);
    void *fdt = create_device_tree(&ms->fdt_size);

    ms->fdt = fdt;
    qemu_fdt_setprop_string(fdt, "/", "compatible", "linux,dummy-virt");
    qemu_fdt_setprop_string(fdt, "/", "model", "linux,dummy-virt");
    qemu_fdt_setprop_cell(fdt, "/", "#address-cells", 2);
    qemu_fdt_setprop_cell(fdt, "/", "#size-cells", 2);
    qemu_fdt_setprop(fdt, "/", "dma-coherent", NULL, 0);
    qemu_fdt_add_subnode(fdt, "/chosen");
    qemu_fdt_add_subnode(fdt, "/aliases");

    vms->clock_phandle = qemu_fdt_alloc_phandle(fdt);
    qemu_fdt_add_subnode(fdt, "/apb-pclk");
    qemu_fdt_setprop_string(fdt, "/apb-pclk", "compatible", "fixed-clock");
    qemu_fdt_setprop_cell(fdt, "/apb-pclk", "#clock-cells", 0);
    qemu_fdt_setprop_cell(fdt, "/apb-pclk", "clock-frequency",
                          VIRT_APB_PCLK_HZ);
    qemu_fdt_setprop_string(fdt, "/apb-pclk", "clock-output-names",
                            "clk24mhz");
    qemu_fdt_setprop_cell(fdt, "/apb-pclk", "phandle", vms->clock_phandle);
}

static void virt_fdt_add_gic_node(VirtMachineState *vms)
{
    void *fdt = MACHINE(vms)->fdt;
    g_autofree char *nodename = g_strdup_printf("/intc@%" PRIx64,
                                               virt_memmap[VIRT_GIC_DIST].base);

    vms->gic_phandle = qemu_fdt_alloc_phandle(fdt);
    qemu_fdt_setprop_cell(fdt, "/", "interrupt-parent", vms->gic_phandle);
    qemu_fdt_add_subnode(fdt, nodename);
    qemu_fdt_setprop_cell(fdt, nodename, "#interrupt-cells", 3);
    qemu_fdt_setprop(fdt, nodename, "interrupt-controller", NULL, 0);
    qemu_fdt_setprop_cell(fdt, nodename, "#address-cells", 2);
    qemu_fdt_setprop_cell(fdt, nodename, "#size-cells", 2);
    qemu_fdt_setprop(fdt, nodename, "ranges", NULL, 0);
    qemu_fdt_setprop_string(fdt, nodename, "compatible",
                            "arm,cortex-a15-gic");
    qemu_fdt_setprop_sized_cells(fdt, nodename, "reg",
                                 2, virt_memmap[VIRT_GIC_DIST].base,
                                 2, virt_memmap[VIRT_GIC_DIST].size,
                                 2, virt_memmap[VIRT_GIC_CPU].base,
                                 2, virt_memmap[VIRT_GIC_CPU].size);
    qemu_fdt_setprop_cell(fdt, nodename, "phandle", vms->gic_phandle);
}

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
    virt_fdt_add_gic_node(vms);
}

/* A PL011 node; the console's is also /chosen's and /aliases' serial0. */
static void virt_fdt_add_uart_node(VirtMachineState *vms, hwaddr base,
                                   hwaddr size, int irq, bool console)
{
    static const char compat[] = "arm,pl011\0arm,primecell";
    static const char clocknames[] = "uartclk\0apb_pclk";
    void *fdt = MACHINE(vms)->fdt;
    g_autofree char *nodename = g_strdup_printf("/pl011@%" PRIx64, base);

    qemu_fdt_add_subnode(fdt, nodename);
    qemu_fdt_setprop(fdt, nodename, "compatible", compat, sizeof(compat));
    qemu_fdt_setprop_sized_cells(fdt, nodename, "reg", 2, base, 2, size);
    qemu_fdt_setprop_cells(fdt, nodename, "interrupts",
                           VIRT_FDT_IRQ_TYPE_SPI, irq,
                           VIRT_FDT_IRQ_FLAGS_LEVEL_HI);
    qemu_fdt_setprop_cells(fdt, nodename, "clocks", vms->clock_phandle,
                           vms->clock_phandle);
    qemu_fdt_setprop(fdt, nodename, "clock-names", clocknames,
                     sizeof(clocknames));
    if (console) {
        qemu_fdt_setprop_string(fdt, "/chosen", "stdout-path", nodename);
        qemu_fdt_setprop_string(fdt, "/aliases", "serial0", nodename);
    }
}

/* A PL011 wired to the GIC; UART0 is the console. */
static void virt_create_uart(VirtMachineState *vms, int uart,
                             MemoryRegion *mem, Chardev *chr)
{
    hwaddr base = virt_memmap[uart].base;
    int irq = virt_irqmap[uart];
    DeviceState *dev = qdev_new(TYPE_PL011);
    SysBusDevice *s = SYS_BUS_DEVICE(dev);

    qdev_prop_set_chr(dev, "chardev", chr);
    sysbus_realize_and_unref(s, &error_fatal);
    memory_region_add_subregion(mem, base, sysbus_mmio_get_region(s, 0));
    sysbus_connect_irq(s, 0, qdev_get_gpio_in(vms->gic, irq));
    virt_fdt_add_uart_node(vms, base, virt_memmap[uart].size, irq,
                           uart == VIRT_UART0);
}

static void virt_fdt_add_memory_node(VirtMachineState *vms)
{
    MachineState *ms = MACHINE(vms);
    hwaddr base = virt_memmap[VIRT_MEM].base;
    g_autofree char *nodename = g_strdup_printf("/memory@%" PRIx64, base);

    qemu_fdt_add_subnode(ms->fdt, nodename);
    qemu_fdt_setprop_string(ms->fdt, nodename, "device_type", "memory");
    qemu_fdt_setprop_sized_cells(ms->fdt, nodename, "reg", 2, base,
                                 2, ms->ram_size);
}

/* Where the next -device sysbus device goes on the platform bus. */
typedef struct VirtPlatformBus {
    VirtMachineState *vms;
    hwaddr next_offset;
    int next_irq;
} VirtPlatformBus;

/*
 * Map a -device sysbus device: its regions one after the other in the
 * window, its combined interrupt (output 0) on the next free SPI.
 */
static int virt_platform_bus_plug(Object *obj, void *opaque)
{
    VirtPlatformBus *pb = opaque;
    MachineClass *mc = MACHINE_GET_CLASS(pb->vms);
    const VirtMemMapEntry *window = &virt_memmap[VIRT_PLATFORM_BUS];
    SysBusDevice *sbd;
    hwaddr first = (hwaddr)-1;
    hwaddr size = 0;
    int irq;
    int i;

    sbd = (SysBusDevice *)object_dynamic_cast(obj, TYPE_SYS_BUS_DEVICE);
    if (sbd == NULL ||
        !device_type_is_dynamic_sysbus(mc, object_get_typename(obj))) {
        return 0;
    }
    for (i = 0; i < sbd->num_mmio; i++) {
        hwaddr len = memory_region_size(sbd->mmio[i].memory);
        hwaddr offset = QEMU_ALIGN_UP(pb->next_offset, 0x1000);

        if (sbd->mmio[i].addr != (hwaddr)-1) {
            continue;
        }
        if (offset + len > window->size) {
            error_report("virt: no room left on the platform bus for %s",
                         object_get_typename(obj));
            exit(1);
        }
        sysbus_mmio_map(sbd, i, window->base + offset);
        pb->next_offset = offset + len;
        if (first == (hwaddr)-1) {
            first = window->base + offset;
            size = len;
        }
    }
    if (first == (hwaddr)-1 || !sysbus_has_irq(sbd, 0)) {
        return 0;
    }
    if (pb->next_irq >= VIRT_PLATFORM_BUS_NUM_IRQS) {
        error_report("virt: no interrupt left on the platform bus for %s",
                     object_get_typename(obj));
        exit(1);
    }
    irq = virt_irqmap[VIRT_PLATFORM_BUS] + pb->next_irq++;
    sysbus_connect_irq(sbd, 0, qdev_get_gpio_in(pb->vms->gic, irq));
    if (object_dynamic_cast(obj, TYPE_PL011)) {
        virt_fdt_add_uart_node(pb->vms, first, size, irq, false);
    }
    return 0;
}

/* Every device exists: place the -device ones; the tree is complete. */
static void virt_machine_done(Notifier *notifier, void *data)
{
    VirtMachineState *vms = container_of(notifier, VirtMachineState,
                                         machine_done);
    MachineState *ms = MACHINE(vms);
    VirtPlatformBus pb = { .vms = vms };

    object_child_foreach(machine_get_container("peripheral"),
                         virt_platform_bus_plug, &pb);
    object_child_foreach(machine_get_container("peripheral-anon"),
                         virt_platform_bus_plug, &pb);
    qemu_fdt_dumpdtb(ms->fdt, ms->fdt_size);
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
    virt_create_fdt(vms);
    virt_create_gic(vms);
    virt_create_uart(vms, VIRT_UART0, get_system_memory(), serial_hd(0));
    virt_fdt_add_memory_node(vms);
    vms->machine_done.notify = virt_machine_done;
    qemu_add_machine_init_done_notifier(&vms->machine_done);
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
    machine_class_allow_dynamic_sysbus_dev(mc, TYPE_PL011);
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
