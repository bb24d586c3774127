/*
 * The aarch64 "virt" board: QEMU's memory map, a GICv2, a PL011, RAM.
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * Addresses, interrupt numbers and device tree nodes follow QEMU's virt
 * machine.  The first -serial is the PL011 at 0x09000000 on SPI 1.  One
 * AArch64 CPU (-cpu cortex-a57 or max; the default cortex-a15 of QEMU's
 * virt, a 32-bit CPU, is replaced by cortex-a57) receives the GIC's IRQ
 * and FIQ outputs; its generic timers drive PPIs 30 (physical), 27
 * (virtual), 26 (hypervisor) and 29 (secure).  PSCI is served over HVC.
 * Under the qtest accelerator the CPU exists but never runs.  -kernel
 * boots an ELF file or an arm64 Image (hw/arm/boot.c).  -machine
 * dumpdtb=FILE writes the device tree and exits.
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
#include "hw/arm/boot.h"
#include "hw/char/pl011.h"
#include "hw/intc/arm_gic.h"
#include "system/address-spaces.h"
#include "system/device_tree.h"
#include "system/qtest.h"
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
#define VIRT_FDT_IRQ_TYPE_PPI 1
#define VIRT_FDT_IRQ_FLAGS_LEVEL_HI 4
#define VIRT_FDT_IRQ_PPI_CPU_START 8

/* PPIs (interrupt IDs) of the generic timers, as QEMU's virt. */
#define VIRT_ARCH_TIMER_S_EL1_IRQ 29
#define VIRT_ARCH_TIMER_NS_EL1_IRQ 30
#define VIRT_ARCH_TIMER_VIRT_IRQ 27
#define VIRT_ARCH_TIMER_NS_EL2_IRQ 26

/* QEMU's virt without a -cpu: a 32-bit CPU we replace. */
#define VIRT_DEFAULT_CPU_TYPE "cortex-a15-arm-cpu"
#define VIRT_FALLBACK_CPU_MODEL "cortex-a57"

/* The fixed clock the device tree gives the PrimeCell devices. */
#define VIRT_APB_PCLK_HZ 24000000

#define TYPE_VIRT_MACHINE MACHINE_TYPE_NAME("virt")

typedef struct VirtMachineState {
    MachineState parent_obj;

    DeviceState *gic;
    ARMCPU **cpus;
    ArmBootInfo bootinfo;
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

/* The CPU model -cpu asked for, as a QOM type name. */
static char *virt_cpu_type(MachineState *ms)
{
    const char *model = ms->cpu_type ? ms->cpu_type : VIRT_DEFAULT_CPU_TYPE;
    Error *err = NULL;
    char *type;

    if (!strcmp(model, VIRT_DEFAULT_CPU_TYPE) || !strcmp(model, "host")) {
        model = VIRT_FALLBACK_CPU_MODEL;
    }
    type = arm_cpu_type_for_model(model, &err);
    if (type == NULL) {
        error_report_err(err);
        exit(1);
    }
    return type;
}

/*
 * The CPUs, with QEMU's affinities (clusters of 8).  Only one can run;
 * under qtest, where none runs, -smp still gives the GIC its CPU
 * interfaces.
 */
static void virt_create_cpus(VirtMachineState *vms)
{
    MachineState *ms = MACHINE(vms);
    g_autofree char *type = virt_cpu_type(ms);
    DeviceState *dev;
    unsigned i;

    if (ms->smp.cpus != 1 && !qtest_enabled()) {
        error_report("mach-virt: only one CPU is supported (-smp 1)");
        exit(1);
    }
    vms->cpus = g_new0(ARMCPU *, ms->smp.cpus);
    for (i = 0; i < ms->smp.cpus; i++) {
        dev = qdev_new(type);
        qdev_prop_set_uint32(dev, "psci-conduit", QEMU_PSCI_CONDUIT_HVC);
        qdev_prop_set_uint64(dev, "mp-affinity", ((i / 8) << 8) | (i % 8));
        qdev_realize_and_unref(dev, NULL, &error_fatal);
        vms->cpus[i] = ARM_CPU(dev);
    }
}

/* /cpus, /psci and /timer, as QEMU's virt describes them. */
static void virt_fdt_add_cpu_nodes(VirtMachineState *vms)
{
    void *fdt = MACHINE(vms)->fdt;
    uint32_t ppi_flags = (((1 << MACHINE(vms)->smp.cpus) - 1)
                          << VIRT_FDT_IRQ_PPI_CPU_START) |
                         VIRT_FDT_IRQ_FLAGS_LEVEL_HI;
    static const char psci_compat[] = "arm,psci-1.0\0arm,psci-0.2\0arm,psci";
    static const char timer_compat[] = "arm,armv8-timer\0arm,armv7-timer";
    int i;

    qemu_fdt_add_subnode(fdt, "/psci");
    qemu_fdt_setprop(fdt, "/psci", "compatible", psci_compat,
                     sizeof(psci_compat));
    qemu_fdt_setprop_string(fdt, "/psci", "method", "hvc");
    qemu_fdt_setprop_cell(fdt, "/psci", "cpu_suspend", 0xc4000001);
    qemu_fdt_setprop_cell(fdt, "/psci", "cpu_off", 0x84000002);
    qemu_fdt_setprop_cell(fdt, "/psci", "cpu_on", 0xc4000003);
    qemu_fdt_setprop_cell(fdt, "/psci", "migrate", 0xc4000005);

    qemu_fdt_add_subnode(fdt, "/timer");
    qemu_fdt_setprop(fdt, "/timer", "compatible", timer_compat,
                     sizeof(timer_compat));
    qemu_fdt_setprop(fdt, "/timer", "always-on", NULL, 0);
    qemu_fdt_setprop_cells(fdt, "/timer", "interrupts",
                           VIRT_FDT_IRQ_TYPE_PPI, 13, ppi_flags,
                           VIRT_FDT_IRQ_TYPE_PPI, 14, ppi_flags,
                           VIRT_FDT_IRQ_TYPE_PPI, 11, ppi_flags,
                           VIRT_FDT_IRQ_TYPE_PPI, 10, ppi_flags);

    qemu_fdt_add_subnode(fdt, "/cpus");
    qemu_fdt_setprop_cell(fdt, "/cpus", "#address-cells", 1);
    qemu_fdt_setprop_cell(fdt, "/cpus", "#size-cells", 0);
    for (i = MACHINE(vms)->smp.cpus - 1; i >= 0; i--) {
        g_autofree char *node = g_strdup_printf("/cpus/cpu@%d", i);

        qemu_fdt_add_subnode(fdt, node);
        qemu_fdt_setprop_string(fdt, node, "device_type", "cpu");
        qemu_fdt_setprop_string(fdt, node, "compatible", "arm,cortex-a57");
        qemu_fdt_setprop_cell(fdt, node, "reg",
                              vms->cpus[i]->mp_affinity);
        if (MACHINE(vms)->smp.cpus > 1) {
            qemu_fdt_setprop_string(fdt, node, "enable-method", "psci");
        }
    }
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

/* GIC outputs to the CPU's inputs, timer outputs to the GIC's PPIs. */
static void virt_connect_cpu(VirtMachineState *vms)
{
    static const int timer_irq[NUM_GTIMERS] = {
        [GTIMER_PHYS] = VIRT_ARCH_TIMER_NS_EL1_IRQ,
        [GTIMER_VIRT] = VIRT_ARCH_TIMER_VIRT_IRQ,
        [GTIMER_HYP] = VIRT_ARCH_TIMER_NS_EL2_IRQ,
        [GTIMER_SEC] = VIRT_ARCH_TIMER_S_EL1_IRQ,
    };
    SysBusDevice *gicbusdev = SYS_BUS_DEVICE(vms->gic);
    int n = MACHINE(vms)->smp.cpus;
    int i, t;

    for (i = 0; i < n; i++) {
        DeviceState *cpudev = DEVICE(vms->cpus[i]);
        /* CPU i's PPIs follow the SPIs and the PPIs of CPUs before it. */
        int ppibase = VIRT_NUM_IRQS + i * GIC_INTERNAL;

        for (t = 0; t < NUM_GTIMERS; t++) {
            qdev_connect_gpio_out(cpudev, t,
                                  qdev_get_gpio_in(vms->gic,
                                                   ppibase + timer_irq[t]));
        }
        sysbus_connect_irq(gicbusdev, i,
                           qdev_get_gpio_in(cpudev, ARM_CPU_IRQ));
        sysbus_connect_irq(gicbusdev, i + n,
                           qdev_get_gpio_in(cpudev, ARM_CPU_FIQ));
        sysbus_connect_irq(gicbusdev, i + 2 * n,
                           qdev_get_gpio_in(cpudev, ARM_CPU_VIRQ));
        sysbus_connect_irq(gicbusdev, i + 3 * n,
                           qdev_get_gpio_in(cpudev, ARM_CPU_VFIQ));
    }
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
    virt_connect_cpu(vms);
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
    arm_load_dtb(&vms->bootinfo, ms);
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
    virt_create_cpus(vms);
    virt_fdt_add_cpu_nodes(vms);
    virt_create_gic(vms);
    virt_create_uart(vms, VIRT_UART0, get_system_memory(), serial_hd(0));
    virt_fdt_add_memory_node(vms);
    vms->bootinfo.loader_start = virt_memmap[VIRT_MEM].base;
    vms->bootinfo.ram_size = ms->ram_size;
    arm_load_kernel(vms->cpus[0], ms, &vms->bootinfo);
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
    mc->default_cpu_type = VIRT_DEFAULT_CPU_TYPE;
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
