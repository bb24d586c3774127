/*
 * Loading guest images (raw files and ELF) into guest memory.
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * As in QEMU, loaded images are kept as "ROM blobs": their bytes are
 * written to guest memory at every system reset, so a guest that
 * overwrote its own image (or rebooted through PSCI) starts from the
 * pristine file again.
 */
#ifndef HW_CORE_LOADER_H
#define HW_CORE_LOADER_H

#include "exec/hwaddr.h"

/* ELF machine numbers accepted by load_elf_as(). */
#define EM_AARCH64  183
#define EM_X86_64   62

/**
 * get_image_size: the size of file @filename.
 * Returns: the size, or -1 when it cannot be opened.
 */
ssize_t get_image_size(const char *filename);

/**
 * rom_add_blob_fixed_as: keep a copy of @len bytes of @data, written at
 * @addr of @as at every system reset (and once now).
 * @name: what the blob is, for error messages.
 */
void rom_add_blob_fixed_as(const char *name, const void *data, size_t len,
                           hwaddr addr, AddressSpace *as);

/**
 * load_image_targphys_as: load file @filename as a ROM blob at @addr.
 * @max_sz: the room there; a larger file is refused.
 * Returns: the size loaded, or -1 when the file cannot be read or is
 * too large.
 */
ssize_t load_image_targphys_as(const char *filename, hwaddr addr,
                               uint64_t max_sz, AddressSpace *as);

/**
 * load_elf_as: load the PT_LOAD segments of the little-endian ELF64
 * executable @filename for machine @elf_machine (EM_*) at their
 * physical addresses (p_paddr), as ROM blobs; bytes between p_filesz
 * and p_memsz are zeroed.
 * @pentry: receives the entry point (may be NULL).
 * @lowaddr, @highaddr: receive the lowest and highest loaded address
 *   (may be NULL).
 * Returns: the total size loaded, or a negative value when the file is
 * not such an ELF file (-ENOEXEC), cannot be read (-EIO) or is
 * malformed (-EINVAL).
 */
ssize_t load_elf_as(const char *filename, uint64_t *pentry,
                    uint64_t *lowaddr, uint64_t *highaddr, int elf_machine,
                    AddressSpace *as);

/**
 * rom_reset_all: write every ROM blob to guest memory again (the
 * system reset handler; exported for tests).
 */
void rom_reset_all(void);

#endif
