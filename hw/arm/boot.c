/*
 * Direct kernel boot for Arm boards (see include/hw/arm/boot.h).
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * The arm64 Image header (Documentation/arch/arm64/booting.rst in
 * Linux): magic "ARM\x64" at 0x38, text_offset at 0x08 and image_size
 * at 0x10; text_offset is only meaningful when image_size is not zero.
 */
#include "qemu/osdep.h"
#include <libfdt.h>
#include "qemu/error-report.h"
#include "qemu/units.h"
#include "hw/core/boards.h"
#include "hw/core/loader.h"
#include "hw/arm/boot.h"
#include "system/address-spaces.h"
#include "system/device_tree.h"
#include "system/reset.h"
#include "system/runstate.h"

#define ARM64_MAGIC_OFFSET          0x38
#define ARM64_TEXT_OFFSET_OFFSET    0x08
#define ARM64_IMAGE_SIZE_OFFSET     0x10
#define ARM64_DEFAULT_LOAD_OFFSET   0x80000

/* Room the boot loader keeps at the start of RAM. */
#define ARM_BOOT_LOADER_SIZE        0x1000

/*
 * The loader at the start of RAM: X0 = device tree, X1..X3 = 0, jump to
 * the kernel.  The two literals follow the code.
 */
static const uint32_t arm_boot_loader[] = {
    0x58000104,     /* ldr x4, entry       (pc + 0x20) */
    0x58000120,     /* ldr x0, dtb         (pc + 0x24, from 0x04) */
    0xaa1f03e1,     /* mov x1, xzr */
    0xaa1f03e2,     /* mov x2, xzr */
    0xaa1f03e3,     /* mov x3, xzr */
    0xd61f0080,     /* br x4 */
    0xd503201f,     /* nop */
    0xd503201f,     /* nop */
};

static void arm_boot_write_loader(ArmBootInfo *info)
{
    uint8_t blob[sizeof(arm_boot_loader) + 16];
    uint64_t entry = cpu_to_le64(info->entry);
    uint64_t dtb = cpu_to_le64(info->dtb_start);
    size_t i;

    for (i = 0; i < ARRAY_SIZE(arm_boot_loader); i++) {
        uint32_t insn = cpu_to_le32(arm_boot_loader[i]);

        memcpy(blob + 4 * i, &insn, 4);
    }
    memcpy(blob + sizeof(arm_boot_loader), &entry, 8);
    memcpy(blob + sizeof(arm_boot_loader) + 8, &dtb, 8);
    rom_add_blob_fixed_as("bootloader", blob, sizeof(blob),
                          info->loader_start, &address_space_memory);
}

/* Every system reset: the CPU restarts where the boot says. */
static void arm_boot_cpu_reset(void *opaque)
{
    ArmBootInfo *info = opaque;
    CPUState *cs = CPU(info->cpu);

    cpu_pause(cs);
    cpu_reset(cs);
    if (info->have_kernel) {
        info->cpu->env.pc = info->is_linux ? info->loader_start
                                           : info->entry;
    }
    if (runstate_is_running()) {
        cpu_resume(cs);
    }
}

/* An Image (or raw file) at its text offset.  Returns the size. */
static ssize_t arm_boot_load_image(ArmBootInfo *info, const char *filename)
{
    g_autofree uint8_t *data = NULL;
    uint64_t offset = ARM64_DEFAULT_LOAD_OFFSET;
    uint64_t text_offset, image_size;
    gsize len;

    if (!g_file_get_contents(filename, (gchar **)&data, &len, NULL)) {
        return -1;
    }
    if (len > ARM64_MAGIC_OFFSET + 4 &&
        memcmp(data + ARM64_MAGIC_OFFSET, "ARM\x64", 4) == 0) {
        memcpy(&text_offset, data + ARM64_TEXT_OFFSET_OFFSET, 8);
        memcpy(&image_size, data + ARM64_IMAGE_SIZE_OFFSET, 8);
        if (le64_to_cpu(image_size) != 0) {
            offset = le64_to_cpu(text_offset);
            /* Keep clear of the loader: offsets are from a 2 MiB base. */
            if (offset < ARM_BOOT_LOADER_SIZE) {
                offset += 2 * MiB;
            }
        }
    }
    if (offset + len > info->ram_size) {
        return -1;
    }
    info->entry = info->loader_start + offset;
    rom_add_blob_fixed_as(filename, data, len, info->entry,
                          &address_space_memory);
    return len;
}

void arm_load_kernel(ARMCPU *cpu, MachineState *ms, ArmBootInfo *info)
{
    uint64_t low, high, entry;
    hwaddr ram_end = info->loader_start + info->ram_size;
    hwaddr kernel_end;
    ssize_t size;

    info->cpu = cpu;
    qemu_register_reset(arm_boot_cpu_reset, info);
    if (ms->kernel_filename == NULL) {
        return;
    }
    info->have_kernel = true;
    size = load_elf_as(ms->kernel_filename, &entry, &low, &high, EM_AARCH64,
                       &address_space_memory);
    if (size >= 0) {
        /* A bare ELF: the device tree goes at the start of RAM if free. */
        info->entry = entry;
        info->is_linux = false;
        if (low > info->loader_start || high < info->loader_start) {
            info->dtb_start = info->loader_start;
            info->dtb_limit = low > info->loader_start ? low : ram_end;
        }
    } else {
        size = arm_boot_load_image(info, ms->kernel_filename);
        if (size < 0) {
            error_report("could not load kernel '%s'", ms->kernel_filename);
            exit(1);
        }
        info->is_linux = true;
        kernel_end = info->entry + size;
        /* Initrd then device tree, above the kernel, as QEMU does. */
        info->initrd_start = MAX(QEMU_ALIGN_UP(kernel_end, 4 * KiB),
                                 info->loader_start +
                                 MIN(info->ram_size / 2, 128 * MiB));
        if (ms->initrd_filename) {
            size = load_image_targphys_as(ms->initrd_filename,
                                          info->initrd_start,
                                          ram_end - info->initrd_start,
                                          &address_space_memory);
            if (size < 0) {
                error_report("could not load initrd '%s'",
                             ms->initrd_filename);
                exit(1);
            }
            info->initrd_size = size;
        }
        info->dtb_start = QEMU_ALIGN_UP(info->initrd_start +
                                        info->initrd_size, 2 * MiB);
        info->dtb_limit = ram_end;
        if (info->dtb_start + 2 * MiB > ram_end) {
            error_report("not enough RAM for the kernel, initrd and "
                         "device tree");
            exit(1);
        }
        arm_boot_write_loader(info);
    }
}

void arm_load_dtb(ArmBootInfo *info, MachineState *ms)
{
    g_autofree void *blob = NULL;
    int size;

    if (!info->have_kernel || info->dtb_start == 0 || ms->fdt == NULL) {
        return;
    }
    if (ms->kernel_cmdline && ms->kernel_cmdline[0]) {
        qemu_fdt_setprop_string(ms->fdt, "/chosen", "bootargs",
                                ms->kernel_cmdline);
    }
    if (info->initrd_size) {
        qemu_fdt_setprop_u64(ms->fdt, "/chosen", "linux,initrd-start",
                             info->initrd_start);
        qemu_fdt_setprop_u64(ms->fdt, "/chosen", "linux,initrd-end",
                             info->initrd_start + info->initrd_size);
    }
    /* The packed copy: the board's tree keeps its free space. */
    blob = g_memdup2(ms->fdt, fdt_totalsize(ms->fdt));
    fdt_pack(blob);
    size = fdt_totalsize(blob);
    if (info->dtb_start + size > info->dtb_limit) {
        warn_report("no room for the device tree below the kernel");
        return;
    }
    rom_add_blob_fixed_as("dtb", blob, size, info->dtb_start,
                          &address_space_memory);
}
