/*
 * Loading guest images: raw files and ELF64 executables, kept as blobs
 * that every system reset writes back into guest memory.
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * The ELF reader follows the System V ABI's ELF-64 object file format
 * (file header, program headers, PT_LOAD segments); only little-endian
 * 64-bit executables are accepted.
 */
#include "qemu/osdep.h"
#include "qemu/error-report.h"
#include "hw/core/loader.h"
#include "system/memory.h"
#include "system/reset.h"

typedef struct RomBlob {
    char *name;
    uint8_t *data;
    size_t len;
    hwaddr addr;
    AddressSpace *as;
} RomBlob;

static GPtrArray *rom_blobs;

static void rom_write(RomBlob *rom)
{
    if (address_space_write(rom->as, rom->addr, MEMTXATTRS_UNSPECIFIED,
                            rom->data, rom->len) != MEMTX_OK) {
        warn_report("%s: could not write all of it at 0x%" HWADDR_PRIx,
                    rom->name, rom->addr);
    }
}

void rom_reset_all(void)
{
    guint i;

    for (i = 0; rom_blobs && i < rom_blobs->len; i++) {
        rom_write(g_ptr_array_index(rom_blobs, i));
    }
}

static void rom_reset(void *opaque)
{
    rom_reset_all();
}

void rom_add_blob_fixed_as(const char *name, const void *data, size_t len,
                           hwaddr addr, AddressSpace *as)
{
    RomBlob *rom = g_new0(RomBlob, 1);

    if (rom_blobs == NULL) {
        rom_blobs = g_ptr_array_new();
        qemu_register_reset(rom_reset, NULL);
    }
    rom->name = g_strdup(name);
    rom->data = g_memdup2(data, len);
    rom->len = len;
    rom->addr = addr;
    rom->as = as;
    g_ptr_array_add(rom_blobs, rom);
    rom_write(rom);
}

ssize_t get_image_size(const char *filename)
{
    struct stat st;

    if (stat(filename, &st) < 0 || !S_ISREG(st.st_mode)) {
        return -1;
    }
    return st.st_size;
}

ssize_t load_image_targphys_as(const char *filename, hwaddr addr,
                               uint64_t max_sz, AddressSpace *as)
{
    g_autofree char *data = NULL;
    gsize len;

    if (!g_file_get_contents(filename, &data, &len, NULL) ||
        len > max_sz) {
        return -1;
    }
    rom_add_blob_fixed_as(filename, data, len, addr, as);
    return len;
}

/* ELF-64 layout (little endian). */
#define ELF_EHDR_SIZE   64
#define ELF_PHDR_SIZE   56
#define ET_EXEC         2
#define PT_LOAD         1

static uint16_t elf_u16(const uint8_t *p)
{
    return p[0] | (p[1] << 8);
}

static uint32_t elf_u32(const uint8_t *p)
{
    return elf_u16(p) | ((uint32_t)elf_u16(p + 2) << 16);
}

static uint64_t elf_u64(const uint8_t *p)
{
    return elf_u32(p) | ((uint64_t)elf_u32(p + 4) << 32);
}

ssize_t load_elf_as(const char *filename, uint64_t *pentry,
                    uint64_t *lowaddr, uint64_t *highaddr, int elf_machine,
                    AddressSpace *as)
{
    g_autofree uint8_t *f = NULL;
    gsize size;
    uint64_t phoff, low = UINT64_MAX, high = 0;
    unsigned phnum, phentsize, i;
    ssize_t total = 0;

    if (!g_file_get_contents(filename, (gchar **)&f, &size, NULL)) {
        return -EIO;
    }
    if (size < ELF_EHDR_SIZE || memcmp(f, "\177ELF", 4) != 0 ||
        f[4] != 2 || f[5] != 1 || elf_u16(f + 18) != elf_machine ||
        elf_u16(f + 16) != ET_EXEC) {
        return -ENOEXEC;
    }
    phoff = elf_u64(f + 32);
    phentsize = elf_u16(f + 54);
    phnum = elf_u16(f + 56);
    if (phentsize < ELF_PHDR_SIZE || phoff > size ||
        (uint64_t)phnum * phentsize > size - phoff) {
        return -EINVAL;
    }
    for (i = 0; i < phnum; i++) {
        const uint8_t *ph = f + phoff + (uint64_t)i * phentsize;
        uint64_t offset = elf_u64(ph + 8);
        uint64_t paddr = elf_u64(ph + 24);
        uint64_t filesz = elf_u64(ph + 32);
        uint64_t memsz = elf_u64(ph + 40);
        g_autofree uint8_t *seg = NULL;

        if (elf_u32(ph) != PT_LOAD || memsz == 0) {
            continue;
        }
        if (filesz > memsz || offset > size || filesz > size - offset ||
            paddr + memsz < paddr) {
            return -EINVAL;
        }
        seg = g_malloc0(memsz);
        memcpy(seg, f + offset, filesz);
        rom_add_blob_fixed_as(filename, seg, memsz, paddr, as);
        low = MIN(low, paddr);
        high = MAX(high, paddr + memsz - 1);
        total += memsz;
    }
    if (pentry) {
        *pentry = elf_u64(f + 24);
    }
    if (lowaddr) {
        *lowaddr = low;
    }
    if (highaddr) {
        *highaddr = high;
    }
    return total;
}
