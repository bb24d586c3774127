/*
 * QEMU firmware configuration device (fw_cfg): the interface boards use
 * to hand firmware its configuration items and files.
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * The guest-visible interface is specified in QEMU's
 * docs/specs/fw_cfg.rst; the keys below are part of that interface.
 */
#ifndef HW_NVRAM_FW_CFG_H
#define HW_NVRAM_FW_CFG_H

#include "hw/core/sysbus.h"

#define TYPE_FW_CFG "fw_cfg"
#define TYPE_FW_CFG_IO "fw_cfg_io"
#define TYPE_FW_CFG_MEM "fw_cfg_mem"
OBJECT_DECLARE_SIMPLE_TYPE(FWCfgState, FW_CFG)

/* Items every machine may publish. */
#define FW_CFG_SIGNATURE 0x00
#define FW_CFG_ID 0x01
#define FW_CFG_UUID 0x02
#define FW_CFG_RAM_SIZE 0x03
#define FW_CFG_NOGRAPHIC 0x04
#define FW_CFG_NB_CPUS 0x05
#define FW_CFG_MACHINE_ID 0x06
#define FW_CFG_KERNEL_ADDR 0x07
#define FW_CFG_KERNEL_SIZE 0x08
#define FW_CFG_KERNEL_CMDLINE 0x09
#define FW_CFG_INITRD_ADDR 0x0a
#define FW_CFG_INITRD_SIZE 0x0b
#define FW_CFG_BOOT_DEVICE 0x0c
#define FW_CFG_NUMA 0x0d
#define FW_CFG_BOOT_MENU 0x0e
#define FW_CFG_MAX_CPUS 0x0f
#define FW_CFG_KERNEL_ENTRY 0x10
#define FW_CFG_KERNEL_DATA 0x11
#define FW_CFG_INITRD_DATA 0x12
#define FW_CFG_CMDLINE_ADDR 0x13
#define FW_CFG_CMDLINE_SIZE 0x14
#define FW_CFG_CMDLINE_DATA 0x15
#define FW_CFG_SETUP_ADDR 0x16
#define FW_CFG_SETUP_SIZE 0x17
#define FW_CFG_SETUP_DATA 0x18
#define FW_CFG_FILE_DIR 0x19

/* Named files take keys from here on. */
#define FW_CFG_FILE_FIRST 0x20
#define FW_CFG_FILE_SLOTS_MIN 0x10
#define FW_CFG_FILE_SLOTS_DFLT 0x20

#define FW_CFG_WRITE_CHANNEL 0x4000
#define FW_CFG_ARCH_LOCAL 0x8000
#define FW_CFG_ENTRY_MASK (~(FW_CFG_WRITE_CHANNEL | FW_CFG_ARCH_LOCAL))
#define FW_CFG_INVALID 0xffff

#define FW_CFG_MAX_FILE_PATH 56

/* FW_CFG_ID feature bits. */
#define FW_CFG_VERSION 0x01
#define FW_CFG_VERSION_DMA 0x02

/* FWCfgDmaAccess.control bits. */
#define FW_CFG_DMA_CTL_ERROR 0x01
#define FW_CFG_DMA_CTL_READ 0x02
#define FW_CFG_DMA_CTL_SKIP 0x04
#define FW_CFG_DMA_CTL_SELECT 0x08
#define FW_CFG_DMA_CTL_WRITE 0x10

/* "QEMU CFG", read from the DMA address register. */
#define FW_CFG_DMA_SIGNATURE 0x51454d5520434647ULL

/* One entry of the FW_CFG_FILE_DIR item (big endian fields). */
typedef struct FWCfgFile {
    uint32_t size;
    uint16_t select;
    uint16_t reserved;
    char name[FW_CFG_MAX_FILE_PATH];
} FWCfgFile;

/* The FW_CFG_FILE_DIR item: a big endian count, then the entries. */
typedef struct FWCfgFiles {
    uint32_t count;
    FWCfgFile f[];
} FWCfgFiles;

/* The DMA descriptor the guest points the DMA register at (big endian). */
typedef struct FWCfgDmaAccess {
    uint32_t control;
    uint32_t length;
    uint64_t address;
} QEMU_PACKED FWCfgDmaAccess;

/**
 * fw_cfg_add_bytes: publish @len bytes at @data under numeric @key.
 * @s: the fw_cfg device.
 * @key: the item key (FW_CFG_ARCH_LOCAL + n for board items).
 * @data: the bytes; referenced, not copied: they must outlive @s.
 * @len: their size.
 *
 * A key may be added once (aborts otherwise).
 */
void fw_cfg_add_bytes(FWCfgState *s, uint16_t key, void *data, size_t len);

/**
 * fw_cfg_add_string: publish a copy of @value, NUL included.
 * @s: the fw_cfg device.
 * @key: the item key.
 * @value: the string.
 */
void fw_cfg_add_string(FWCfgState *s, uint16_t key, const char *value);

/**
 * fw_cfg_modify_string: replace the string of an item added with
 * fw_cfg_add_string().
 * @s: the fw_cfg device.
 * @key: the item key.
 * @value: the new string.
 */
void fw_cfg_modify_string(FWCfgState *s, uint16_t key, const char *value);

/**
 * fw_cfg_add_i16: publish a little endian 16-bit value.
 * @s: the fw_cfg device.
 * @key: the item key.
 * @value: the value.
 */
void fw_cfg_add_i16(FWCfgState *s, uint16_t key, uint16_t value);

/**
 * fw_cfg_modify_i16: replace an item added with fw_cfg_add_i16().
 * @s: the fw_cfg device.
 * @key: the item key.
 * @value: the new value.
 */
void fw_cfg_modify_i16(FWCfgState *s, uint16_t key, uint16_t value);

/**
 * fw_cfg_add_i32: publish a little endian 32-bit value.
 * @s: the fw_cfg device.
 * @key: the item key.
 * @value: the value.
 */
void fw_cfg_add_i32(FWCfgState *s, uint16_t key, uint32_t value);

/**
 * fw_cfg_modify_i32: replace an item added with fw_cfg_add_i32().
 * @s: the fw_cfg device.
 * @key: the item key.
 * @value: the new value.
 */
void fw_cfg_modify_i32(FWCfgState *s, uint16_t key, uint32_t value);

/**
 * fw_cfg_add_i64: publish a little endian 64-bit value.
 * @s: the fw_cfg device.
 * @key: the item key.
 * @value: the value.
 */
void fw_cfg_add_i64(FWCfgState *s, uint16_t key, uint64_t value);

/**
 * fw_cfg_modify_i64: replace an item added with fw_cfg_add_i64().
 * @s: the fw_cfg device.
 * @key: the item key.
 * @value: the new value.
 */
void fw_cfg_modify_i64(FWCfgState *s, uint16_t key, uint64_t value);

/**
 * fw_cfg_add_file: publish @len bytes at @data as file @filename.
 * @s: the fw_cfg device.
 * @filename: the name, shorter than FW_CFG_MAX_FILE_PATH.
 * @data: the bytes; referenced, not copied: they must outlive @s.
 * @len: their size.
 *
 * The file gets a key from FW_CFG_FILE_FIRST on and an entry in the
 * FW_CFG_FILE_DIR directory, which stays sorted by name (keys of files
 * added earlier may move).  A duplicate name exits.
 */
void fw_cfg_add_file(FWCfgState *s, const char *filename, void *data,
                     size_t len);

/**
 * fw_cfg_modify_file: replace the contents of a file, or add it.
 * @s: the fw_cfg device.
 * @filename: the name.
 * @data: the new bytes, referenced as for fw_cfg_add_file().
 * @len: their size.
 *
 * Returns the previous contents (for the caller to free), or NULL when
 * the file is new.
 */
void *fw_cfg_modify_file(FWCfgState *s, const char *filename, void *data,
                         size_t len);

/**
 * fw_cfg_init_io_dma: create the port I/O fw_cfg device of a PC.
 * @iobase: selector port (data at @iobase + 1).
 * @dma_iobase: DMA address port, or 0 without DMA.
 * @dma_as: where DMA transfers go.
 *
 * The device becomes /machine/fw_cfg.  Exits on failure.
 */
FWCfgState *fw_cfg_init_io_dma(uint32_t iobase, uint32_t dma_iobase,
                               AddressSpace *dma_as);

/**
 * fw_cfg_init_mem_dma: create the MMIO fw_cfg device.
 * @ctl_addr: selector register (2 bytes).
 * @data_addr: data register.
 * @data_width: data register width, 1 to 8 bytes.
 * @dma_addr: DMA address register (8 bytes).
 * @dma_as: where DMA transfers go.
 *
 * The device becomes /machine/fw_cfg.  Exits on failure.
 */
FWCfgState *fw_cfg_init_mem_dma(hwaddr ctl_addr, hwaddr data_addr,
                                uint32_t data_width, hwaddr dma_addr,
                                AddressSpace *dma_as);

/**
 * fw_cfg_init_mem_nodma: the MMIO fw_cfg device without DMA.
 * @ctl_addr: selector register.
 * @data_addr: data register.
 * @data_width: data register width, 1 to 8 bytes.
 */
FWCfgState *fw_cfg_init_mem_nodma(hwaddr ctl_addr, hwaddr data_addr,
                                  uint32_t data_width);

/**
 * fw_cfg_find: the machine's fw_cfg device, or NULL when there is none.
 */
FWCfgState *fw_cfg_find(void);

/**
 * fw_cfg_dma_enabled: whether @s offers the DMA interface.
 * @s: the fw_cfg device.
 */
bool fw_cfg_dma_enabled(FWCfgState *s);

#endif
