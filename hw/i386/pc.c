/*
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * The x86_64 "pc" board (i440FX + PIIX3): RAM, the port space, a pair of
 * i8259s and an IOAPIC wired through QEMU's GSI fan-out, the HPET, the
 * MC146818 RTC, the i8254 PIT with the speaker port, fw_cfg, and a
 * 16550A UART for each -serial (COM1..COM4).
 *
 * GSI n (n < 16) reaches both i8259 input n and IOAPIC input n; GSIs
 * 16-23 reach the IOAPIC only.  ISA devices drive GSIs 0-15.  HPET
 * route n drives GSI n (n < 24).  With the HPET present (-machine
 * hpet=on, the default) the PIT and RTC outputs pass through it, so
 * that its LegacyReplacement routing can take IRQ 0 and IRQ 8 over.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "qemu/error-report.h"
#include "qemu/timer.h"
#include "qemu/units.h"
#include "hw/core/boards.h"
#include "hw/core/irq.h"
#include "hw/core/qdev-properties.h"
#include "hw/core/sysbus.h"
#include "hw/char/serial.h"
#include "hw/intc/i8259.h"
#include "hw/intc/ioapic.h"
#include "hw/isa/isa.h"
#include "hw/nvram/fw_cfg.h"
#include "hw/rtc/mc146818rtc.h"
#include "hw/timer/hpet.h"
#include "hw/timer/i8254.h"
#include "system/address-spaces.h"

#define PC_MACHINE_VERSION "10.2"
#define PC_GSI_NUM 24
#define PC_LOWMEM_MAX 0xe0000000ULL     /* i440FX: RAM below the PCI hole */
#define PC_HPET_INTCAP 0x4              /* i440FX: HPET routes to GSI 2 only */
#define PC_PIT_BASE 0x40
#define PC_SPEAKER_PORT 0x61
#define PC_FW_CFG_IO_BASE 0x510
#define PC_FW_CFG_DMA_IO_BASE 0x514

/* x86 items of fw_cfg (FW_CFG_ARCH_LOCAL + n), as firmware numbers them. */
#define FW_CFG_IRQ0_OVERRIDE (FW_CFG_ARCH_LOCAL + 2)
#define FW_CFG_HPET (FW_CFG_ARCH_LOCAL + 4)

/* CMOS bytes the PC BIOS reads. */
#define CMOS_EQUIPMENT 0x14
#define CMOS_BASE_MEM_LO 0x15
#define CMOS_BASE_MEM_HI 0x16
#define CMOS_EXT_MEM_LO 0x17
#define CMOS_EXT_MEM_HI 0x18
#define CMOS_EXT_MEM2_LO 0x30
#define CMOS_EXT_MEM2_HI 0x31
#define CMOS_MEM_16M_LO 0x34        /* 64 KiB units above 16 MiB */
#define CMOS_MEM_16M_HI 0x35
#define CMOS_BOOT_ORDER_3 0x38
#define CMOS_BOOT_ORDER_12 0x3d
#define CMOS_MEM_4G_LO 0x5b         /* 64 KiB units above 4 GiB */
#define CMOS_MEM_4G_MID 0x5c
#define CMOS_MEM_4G_HI 0x5d
#define CMOS_NB_CPUS 0x5f           /* CPU count - 1 */

#define E820_RAM 1

/* One "etc/e820" entry, little endian. */
struct e820_entry {
    uint64_t address;
    uint64_t length;
    uint32_t type;
} QEMU_PACKED;

#define TYPE_PC_MACHINE MACHINE_TYPE_NAME("generic-pc")

typedef struct PCMachineState {
    MachineState parent_obj;

    qemu_irq *gsi;
    qemu_irq i8259_irq[ISA_NUM_IRQS];
    qemu_irq ioapic_irq[IOAPIC_NUM_PINS];
    ISABus *isa_bus;
    DeviceState *ioapic;
    DeviceState *hpet;
    MC146818RtcState *rtc;
    ISADevice *pit;
    MemoryRegion ram_below_4g;
    MemoryRegion ram_above_4g;
    uint64_t below_4g_size;
    uint64_t above_4g_size;
    MemoryRegion speaker_io;
    bool speaker_data_on;
    struct e820_entry e820[2];
    bool hpet_enabled;          /* -machine hpet */
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

    pcms->below_4g_size = below;
    pcms->above_4g_size = ms->ram_size - below;
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

/*
 * Port 0x61 (PIIX NMI status and control): bit 0 gates PIT channel 2,
 * bit 1 enables the speaker data; bit 4 toggles with every DRAM refresh
 * (15.085 us) and bit 5 reads channel 2's output.  No sound is made.
 */
#define PC_SPEAKER_GATE 0x01
#define PC_SPEAKER_DATA 0x02
#define PC_SPEAKER_REFRESH 0x10
#define PC_SPEAKER_OUT2 0x20
#define PC_REFRESH_NS 15085

static uint64_t pc_speaker_read(void *opaque, hwaddr addr, unsigned size)
{
    PCMachineState *pcms = opaque;
    int64_t now = qemu_clock_get_ns(QEMU_CLOCK_VIRTUAL);
    PITChannelInfo info;

    pit_get_channel_info(pcms->pit, 2, &info);
    return (info.gate ? PC_SPEAKER_GATE : 0) |
           (pcms->speaker_data_on ? PC_SPEAKER_DATA : 0) |
           ((now / PC_REFRESH_NS) & 1 ? PC_SPEAKER_REFRESH : 0) |
           (info.out ? PC_SPEAKER_OUT2 : 0);
}

static void pc_speaker_write(void *opaque, hwaddr addr, uint64_t val,
                             unsigned size)
{
    PCMachineState *pcms = opaque;

    pcms->speaker_data_on = val & PC_SPEAKER_DATA;
    pit_set_gate(pcms->pit, 2, val & PC_SPEAKER_GATE);
}

static const MemoryRegionOps pc_speaker_ops = {
    .read = pc_speaker_read,
    .write = pc_speaker_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
    .impl = { .min_access_size = 1, .max_access_size = 1 },
};

/*
 * The HPET, RTC and PIT.  The HPET takes the PIT and RTC outputs and
 * passes them on to GSI 0 and 8 unless its legacy mode owns those lines;
 * its "PIT enable" output gates the PIT's IRQ.
 */
static void pc_basic_device_init(PCMachineState *pcms)
{
    qemu_irq rtc_irq = NULL;
    qemu_irq pit_alt_irq = NULL;
    SysBusDevice *sbd;
    int i;

    if (pcms->hpet_enabled) {
        pcms->hpet = qdev_new(TYPE_HPET);
        sbd = SYS_BUS_DEVICE(pcms->hpet);
        /* A user's -global hpet.hpet-intcap takes precedence. */
        if (object_property_get_uint(OBJECT(pcms->hpet), HPET_INTCAP,
                                     &error_abort) == 0) {
            qdev_prop_set_uint32(pcms->hpet, HPET_INTCAP, PC_HPET_INTCAP);
        }
        sysbus_realize_and_unref(sbd, &error_fatal);
        sysbus_mmio_map(sbd, 0, HPET_BASE);
        for (i = 0; i < PC_GSI_NUM; i++) {
            sysbus_connect_irq(sbd, i, pcms->gsi[i]);
        }
        rtc_irq = qdev_get_gpio_in(pcms->hpet, HPET_LEGACY_RTC_INT);
        pit_alt_irq = qdev_get_gpio_in(pcms->hpet, HPET_LEGACY_PIT_INT);
    }

    pcms->rtc = mc146818_rtc_init(pcms->isa_bus, 2000, rtc_irq);
    pcms->pit = i8254_pit_init(pcms->isa_bus, PC_PIT_BASE,
                               pcms->hpet ? -1 : 0, pit_alt_irq);
    if (pcms->hpet) {
        qdev_connect_gpio_out(pcms->hpet, 0,
                              qdev_get_gpio_in(DEVICE(pcms->pit), 0));
    }

    memory_region_init_io(&pcms->speaker_io, OBJECT(pcms), &pc_speaker_ops,
                          pcms, "pcspk", 1);
    memory_region_add_subregion(get_system_io(), PC_SPEAKER_PORT,
                                &pcms->speaker_io);
}

/* Memory sizes, CPU count and boot order where the BIOS looks for them. */
static void pc_cmos_init(PCMachineState *pcms)
{
    MachineState *ms = MACHINE(pcms);
    MC146818RtcState *rtc = pcms->rtc;
    uint64_t ext_kb, blocks;

    mc146818rtc_set_cmos_data(rtc, CMOS_BASE_MEM_LO, 640 & 0xff);
    mc146818rtc_set_cmos_data(rtc, CMOS_BASE_MEM_HI, 640 >> 8);

    ext_kb = MIN(pcms->below_4g_size > MiB ?
                 (pcms->below_4g_size - MiB) / KiB : 0, 0xffff);
    mc146818rtc_set_cmos_data(rtc, CMOS_EXT_MEM_LO, ext_kb & 0xff);
    mc146818rtc_set_cmos_data(rtc, CMOS_EXT_MEM_HI, ext_kb >> 8);
    mc146818rtc_set_cmos_data(rtc, CMOS_EXT_MEM2_LO, ext_kb & 0xff);
    mc146818rtc_set_cmos_data(rtc, CMOS_EXT_MEM2_HI, ext_kb >> 8);

    blocks = MIN(pcms->below_4g_size > 16 * MiB ?
                 (pcms->below_4g_size - 16 * MiB) / (64 * KiB) : 0, 0xffff);
    mc146818rtc_set_cmos_data(rtc, CMOS_MEM_16M_LO, blocks & 0xff);
    mc146818rtc_set_cmos_data(rtc, CMOS_MEM_16M_HI, blocks >> 8);

    blocks = pcms->above_4g_size / (64 * KiB);
    mc146818rtc_set_cmos_data(rtc, CMOS_MEM_4G_LO, blocks & 0xff);
    mc146818rtc_set_cmos_data(rtc, CMOS_MEM_4G_MID, (blocks >> 8) & 0xff);
    mc146818rtc_set_cmos_data(rtc, CMOS_MEM_4G_HI, (blocks >> 16) & 0xff);

    mc146818rtc_set_cmos_data(rtc, CMOS_NB_CPUS, ms->smp.cpus - 1);
    /* FPU present, PS/2 mouse installed, no floppy. */
    mc146818rtc_set_cmos_data(rtc, CMOS_EQUIPMENT, 0x06);
    /* Boot order "cad": hard disk (2), floppy (1), CD-ROM (3). */
    mc146818rtc_set_cmos_data(rtc, CMOS_BOOT_ORDER_12, 0x12);
    mc146818rtc_set_cmos_data(rtc, CMOS_BOOT_ORDER_3, 0x30);
}

/* fw_cfg at 0x510 (DMA at 0x514) with what x86 firmware reads. */
static void pc_fw_cfg_init(PCMachineState *pcms)
{
    MachineState *ms = MACHINE(pcms);
    FWCfgState *fw_cfg;
    int n = 0;

    fw_cfg = fw_cfg_init_io_dma(PC_FW_CFG_IO_BASE, PC_FW_CFG_DMA_IO_BASE,
                                &address_space_memory);
    fw_cfg_add_i16(fw_cfg, FW_CFG_NB_CPUS, ms->smp.cpus);
    fw_cfg_add_i16(fw_cfg, FW_CFG_MAX_CPUS, ms->smp.max_cpus);
    fw_cfg_add_i64(fw_cfg, FW_CFG_RAM_SIZE, ms->ram_size);
    fw_cfg_add_i32(fw_cfg, FW_CFG_IRQ0_OVERRIDE, 1);
    /* By reference: every HPET reset refreshes its entry. */
    fw_cfg_add_bytes(fw_cfg, FW_CFG_HPET, &hpet_fw_cfg, sizeof(hpet_fw_cfg));

    pcms->e820[n++] = (struct e820_entry) {
        .address = cpu_to_le64(0),
        .length = cpu_to_le64(pcms->below_4g_size),
        .type = cpu_to_le32(E820_RAM),
    };
    if (pcms->above_4g_size) {
        pcms->e820[n++] = (struct e820_entry) {
            .address = cpu_to_le64(4 * GiB),
            .length = cpu_to_le64(pcms->above_4g_size),
            .type = cpu_to_le32(E820_RAM),
        };
    }
    fw_cfg_add_file(fw_cfg, "etc/e820", pcms->e820,
                    n * sizeof(struct e820_entry));
}

static void pc_init(MachineState *ms)
{
    PCMachineState *pcms = PC_MACHINE(ms);
    qemu_irq *i8259;
    int i;

    pc_memory_init(pcms);

    pcms->gsi = qemu_allocate_irqs(pc_gsi_handler, pcms, PC_GSI_NUM);

    /*
     * Devices reset in creation order: the IOAPIC first, so that its
     * pins are masked before the PIT and the HPET drive GSIs at reset.
     */
    pcms->ioapic = qdev_new(TYPE_IOAPIC);
    object_property_add_child(OBJECT(ms), "ioapic", OBJECT(pcms->ioapic));
    sysbus_realize_and_unref(SYS_BUS_DEVICE(pcms->ioapic), &error_fatal);
    sysbus_mmio_map(SYS_BUS_DEVICE(pcms->ioapic), 0,
                    IO_APIC_DEFAULT_ADDRESS);
    for (i = 0; i < IOAPIC_NUM_PINS; i++) {
        pcms->ioapic_irq[i] = qdev_get_gpio_in(pcms->ioapic, i);
    }

    pcms->isa_bus = isa_bus_new(NULL, get_system_memory(), get_system_io(),
                                &error_fatal);
    isa_bus_register_input_irqs(pcms->isa_bus, pcms->gsi);

    i8259 = i8259_init(pcms->isa_bus, qemu_allocate_irq(pc_cpu_intr, pcms,
                                                        0));
    for (i = 0; i < ISA_NUM_IRQS; i++) {
        pcms->i8259_irq[i] = i8259[i];
    }
    g_free(i8259);

    pc_basic_device_init(pcms);
    /* COM1..COM4 at 0x3f8/IRQ 4, 0x2f8/IRQ 3, 0x3e8/IRQ 4, 0x2e8/IRQ 3. */
    serial_hds_isa_init(pcms->isa_bus, 0, MAX_ISA_SERIAL_PORTS);
    pc_cmos_init(pcms);
    pc_fw_cfg_init(pcms);
}

static bool pc_machine_get_hpet(Object *obj, Error **errp)
{
    return PC_MACHINE(obj)->hpet_enabled;
}

static void pc_machine_set_hpet(Object *obj, bool value, Error **errp)
{
    PC_MACHINE(obj)->hpet_enabled = value;
}

static void pc_machine_instance_init(Object *obj)
{
    PC_MACHINE(obj)->hpet_enabled = true;
}

static void pc_machine_common_class_init(ObjectClass *oc, const void *data)
{
    object_class_property_add_bool(oc, "hpet", pc_machine_get_hpet,
                                   pc_machine_set_hpet);
    object_class_property_set_description(oc, "hpet",
        "Enable/disable high precision event timer emulation");
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
        .instance_init = pc_machine_instance_init,
        .class_init = pc_machine_common_class_init,
    },
    {
        .name = MACHINE_TYPE_NAME("pc-i440fx-" PC_MACHINE_VERSION),
        .parent = TYPE_PC_MACHINE,
        .class_init = pc_machine_class_init,
    },
};
DEFINE_TYPES(pc_machine_types)
