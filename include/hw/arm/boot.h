/*
 * Direct kernel boot for Arm boards: -kernel, -initrd, -append.
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * As QEMU's arm boot code: an ELF file is entered at its entry point
 * with every register zero; any other file is taken for an arm64 Linux
 * "Image" (loaded at RAM + text_offset, or RAM + 0x80000 without the
 * header) and entered through a small loader at the start of RAM that
 * passes the device tree address in X0.
 */
#ifndef HW_ARM_BOOT_H
#define HW_ARM_BOOT_H

#include "exec/hwaddr.h"
#include "target/arm/cpu.h"

typedef struct ArmBootInfo {
    /* Filled by the board. */
    hwaddr loader_start;        /* RAM base */
    uint64_t ram_size;
    /* Filled by arm_load_kernel. */
    ARMCPU *cpu;
    bool have_kernel;
    bool is_linux;
    uint64_t entry;
    hwaddr dtb_start;           /* 0: no room for a device tree */
    hwaddr dtb_limit;           /* the tree must end below this */
    hwaddr initrd_start;
    uint64_t initrd_size;
} ArmBootInfo;

/**
 * arm_load_kernel: load MachineState's kernel and initrd (if any) and
 * make every system reset restart @cpu there (or at its reset vector
 * without a kernel).  Exits with a message when a file cannot be
 * loaded.
 */
void arm_load_kernel(ARMCPU *cpu, MachineState *ms, ArmBootInfo *info);

/**
 * arm_load_dtb: complete /chosen (bootargs, initrd) in MachineState's
 * device tree and load the blob where arm_load_kernel decided; call it
 * once the tree is final (machine init done).  Nothing without a
 * kernel.
 */
void arm_load_dtb(ArmBootInfo *info, MachineState *ms);

#endif
