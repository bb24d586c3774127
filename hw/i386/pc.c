/*
 * The x86_64 "pc" board (i440FX + PIIX3): RAM, the port space, a pair of
 * i8259s and an IOAPIC wired through QEMU's GSI fan-out.
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * GSI n (n < 16) reaches both i8259 input n and IOAPIC input n; GSIs
 * 16-23 reach the IOAPIC only.  ISA devices drive GSIs 0-15.  The HPET,
 * RTC, PIT and fw_cfg arrive with their own work.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "qemu/error-report.h"
#include "qemu/units.h"
#include "hw/core/boards.h"
#include "hw/core/irq.h"
#include "hw/core/qdev-properties.h"
#include "hw/core/sysbus.h"
#include "hw/intc/i8259.h"
#include "hw/intc/ioapic.h"
#include "hw/isa/isa.h"
#include "system/address-spaces.h"

#define PC_MACHINE_VERSION "10.2"
#define PC_GSI_NUM 24
#define PC_LOWMEM_MAX 0xe0000000ULL     /* i440FX: RAM below the PCI hole */

#define TYPE_PC_MACHINE MACHINE_TYPE_NAME("generic-pc")

typedef struct PCMachineState {
    MachineState parent_obj;

    qemu_irq *gsi;
    qemu_irq i8259_irq[ISA_NUM_IRQS];
    qemu_irq ioapic_irq[IOAPIC_NUM_PINS];
    ISABus *isa_bus;
    DeviceState *ioapic;
    MemoryRegion ram_below_4g;
    MemoryRegion ram_above_4g;
} PCMachineState;

DECLARE_INSTANCE_CHECKER(PCMachineState, PC_MACHINE, TYPE_PC_MACHINE)

static void pc_gsi_handler(void *opaque, int n, int level)
{
    PCMachineState *pcms = opaque;

    if (n < ISA_NUM_IRQS) {
        qemu_set_irq(pcms->i8259_irq[n], level);
    }
    qemu_set_irq(pcms->ioapic_irq[n], level);
}

/* The CPU's INTR pin: no CPU yet, so the level goes nowhere. */
static void pc_cpu_intr(void *opaque, int n, int level)
{
}

static void pc_memory_init(PCMachineState *pcms)
{
    MachineState *ms = MACHINE(pcms);
    uint64_t below = MIN(ms->ram_size, PC_LOWMEM_MAX);

    ms->ram = g_new0(MemoryRegion, 1);
    memory_region_init_ram(ms->ram, OBJECT(ms), "pc.ram", ms->ram_size,
                           &error_fatal);
    memory_region_init_alias(&pcms->ram_below_4g, OBJECT(ms), "ram-below-4g",
                             ms->ram, 0, below);
    memory_region_add_subregion(get_system_memory(), 0, &pcms->ram_below_4g);
    if (ms->ram_size > below) {
        memory_region_init_alias(&pcms->ram_above_4g, OBJECT(ms),
                                 "ram-above-4g", ms->ram, below,
                                 ms->ram_size - below);
        memory_region_add_subregion(get_system_memory(), 4 * GiB,
                                    &pcms->ram_above_4g);
    }
}

static void pc_init(MachineState *ms)
{
    PCMachineState *pcms = PC_MACHINE(ms);
    qemu_irq *i8259;
    int i;

    pc_memory_init(pcms);

    pcms->gsi = qemu_allocate_irqs(pc_gsi_handler, pcms, PC_GSI_NUM);
    pcms->isa_bus = isa_bus_new(NULL, get_system_memory(), get_system_io(),
                                &error_fatal);
    isa_bus_register_input_irqs(pcms->isa_bus, pcms->gsi);

    i8259 = i8259_init(pcms->isa_bus, qemu_allocate_irq(pc_cpu_intr, pcms,
                                                        0));
    for (i = 0; i < ISA_NUM_IRQS; i++) {
        pcms->i8259_irq[i] = i8259[i];
    }
    g_free(i8259);

    pcms->ioapic = qdev_new(TYPE_IOAPIC);
    object_property_add_child(OBJECT(ms), "ioapic", OBJECT(pcms->ioapic));
    sysbus_realize_and_unref(SYS_BUS_DEVICE(pcms->ioapic), &error_fatal);
    sysbus_mmio_map(SYS_BUS_DEVICE(pcms->ioapic), 0,
                    IO_APIC_DEFAULT_ADDRESS);
    for (i = 0; i < IOAPIC_NUM_PINS; i++) {
        pcms->ioapic_irq[i] = qdev_get_gpio_in(pcms->ioapic, i);
    }
}

static void pc_machine_class_init(ObjectClass *oc, const void *data)
{
    MachineClass *mc = MACHINE_CLASS(oc);

    mc->family = "pc_piix";
    mc->desc = "Standard PC (i440FX + PIIX, 1996)";
    mc->alias = "pc";
    mc->is_default = true;
    mc->init = pc_init;
    mc->max_cpus = 255;
    mc->default_cpu_type = "qemu64-x86_64-cpu";
    mc->default_ram_id = "pc.ram";
    mc->default_ram_size = 128 * MiB;
    mc->has_hotpluggable_cpus = true;
    mc->numa_mem_supported = true;
}

static const TypeInfo pc_machine_types[] = {
    {
        .name = TYPE_PC_MACHINE,
        .parent = TYPE_MACHINE,
        .abstract = true,
        .instance_size = sizeof(PCMachineState),
    },
    {
        .name = MACHINE_TYPE_NAME("pc-i440fx-" PC_MACHINE_VERSION),
        .parent = TYPE_PC_MACHINE,
        .class_init = pc_machine_class_init,
    },
};
DEFINE_TYPES(pc_machine_types)
