/*
 * The "none" board: no devices, no CPU, RAM only when -m asks for it.
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "hw/core/boards.h"
#include "system/address-spaces.h"

static void machine_none_init(MachineState *ms)
{
    if (ms->ram_size > 0) {
        ms->ram = g_new0(MemoryRegion, 1);
        memory_region_init_ram(ms->ram, OBJECT(ms), "ram", ms->ram_size,
                               &error_fatal);
        memory_region_add_subregion(get_system_memory(), 0, ms->ram);
    }
}

static void machine_none_machine_init(MachineClass *mc)
{
    mc->desc = "empty machine";
    mc->init = machine_none_init;
    mc->max_cpus = 1;
    mc->default_ram_size = 0;
    mc->default_ram_id = "ram";
    mc->no_serial = true;
    mc->no_parallel = true;
    mc->no_floppy = true;
    mc->no_cdrom = true;
    mc->no_sdcard = true;
}

DEFINE_MACHINE("none", machine_none_machine_init)
