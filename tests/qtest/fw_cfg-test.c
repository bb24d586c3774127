/*
 * fw_cfg on the pc board: the port interface (selector 0x510, data
 * 0x511), the file directory and the DMA interface (0x514).
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * Keys and layouts after QEMU's docs/specs/fw_cfg.rst.
 */
#include "qemu/osdep.h"
#include "libqtest.h"

#define FW_CFG_CTL 0x510
#define FW_CFG_DATA 0x511
#define FW_CFG_DMA 0x514

#define FW_CFG_SIGNATURE 0x00
#define FW_CFG_ID 0x01
#define FW_CFG_RAM_SIZE 0x03
#define FW_CFG_NB_CPUS 0x05
#define FW_CFG_FILE_DIR 0x19
#define FW_CFG_FILE_ENTRY_SIZE 64   /* size, select, reserved, name[56] */
#define E820_ENTRY_SIZE 20          /* address, length, type */

#define FW_CFG_VERSION 0x01
#define FW_CFG_VERSION_DMA 0x02

#define DMA_CTL_ERROR 0x01
#define DMA_CTL_READ 0x02
#define DMA_CTL_SELECT 0x08

#define DESC_ADDR 0x10000           /* guest RAM for the DMA descriptor */
#define BUF_ADDR 0x11000

static void fw_cfg_read(QTestState *qts, uint16_t key, void *buf,
                        size_t len)
{
    uint8_t *p = buf;
    size_t i;

    qtest_outw(qts, FW_CFG_CTL, key);
    for (i = 0; i < len; i++) {
        p[i] = qtest_inb(qts, FW_CFG_DATA);
    }
}

static void test_signature_and_id(void)
{
    QTestState *qts = qtest_init("-machine pc");
    char sig[4];
    uint8_t id[4];

    fw_cfg_read(qts, FW_CFG_SIGNATURE, sig, sizeof(sig));
    g_assert(!memcmp(sig, "QEMU", 4));
    fw_cfg_read(qts, FW_CFG_ID, id, sizeof(id));
    g_assert_cmphex(ldl_le_p(id), ==, FW_CFG_VERSION | FW_CFG_VERSION_DMA);
    /* Past the end of an item the data port reads 0. */
    g_assert_cmphex(qtest_inb(qts, FW_CFG_DATA), ==, 0);
    qtest_quit(qts);
}

static void test_machine_items(void)
{
    QTestState *qts = qtest_init("-machine pc -m 256 -smp 2");
    uint8_t buf[8];

    fw_cfg_read(qts, FW_CFG_RAM_SIZE, buf, 8);
    g_assert_cmphex(ldq_le_p(buf), ==, 256 * 1024 * 1024);
    fw_cfg_read(qts, FW_CFG_NB_CPUS, buf, 2);
    g_assert_cmphex(lduw_le_p(buf), ==, 2);
    qtest_quit(qts);
}

/* The directory is sorted by name and lists etc/e820 with its key. */
static void test_file_dir(void)
{
    QTestState *qts = qtest_init("-machine pc");
    uint8_t count_be[4];
    uint32_t count, i;
    g_autofree uint8_t *dir = NULL;
    uint16_t e820_key = 0;
    uint32_t e820_size = 0;
    g_autofree uint8_t *e820 = NULL;
    bool found_ram = false;

    fw_cfg_read(qts, FW_CFG_FILE_DIR, count_be, sizeof(count_be));
    count = ldl_be_p(count_be);
    g_assert_cmpuint(count, >=, 1);
    dir = g_malloc(count * FW_CFG_FILE_ENTRY_SIZE);
    for (i = 0; i < count * FW_CFG_FILE_ENTRY_SIZE; i++) {
        dir[i] = qtest_inb(qts, FW_CFG_DATA);
    }
    for (i = 0; i < count; i++) {
        const uint8_t *e = dir + i * FW_CFG_FILE_ENTRY_SIZE;
        const char *name = (const char *)e + 8;

        if (i > 0) {
            g_assert_cmpstr((const char *)e - FW_CFG_FILE_ENTRY_SIZE + 8, <,
                            name);
        }
        if (!strcmp(name, "etc/e820")) {
            e820_size = ldl_be_p(e);
            e820_key = (e[4] << 8) | e[5];
        }
    }
    /* Among the 20-byte entries: RAM from 0, 128 MiB long (type 1). */
    g_assert_cmpuint(e820_size % E820_ENTRY_SIZE, ==, 0);
    g_assert_cmpuint(e820_size, >=, E820_ENTRY_SIZE);
    e820 = g_malloc(e820_size);
    fw_cfg_read(qts, e820_key, e820, e820_size);
    for (i = 0; i < e820_size; i += E820_ENTRY_SIZE) {
        if (ldq_le_p(e820 + i) == 0 && ldl_le_p(e820 + i + 16) == 1) {
            g_assert_cmphex(ldq_le_p(e820 + i + 8), ==, 128 * 1024 * 1024);
            found_ram = true;
        }
    }
    g_assert(found_ram);
    qtest_quit(qts);
}

/* Run the DMA descriptor at DESC_ADDR; returns its control word after. */
static uint32_t fw_cfg_dma(QTestState *qts, uint32_t control,
                           uint32_t length)
{
    uint8_t desc[16];

    stl_be_p(desc, control);
    stl_be_p(desc + 4, length);
    stq_be_p(desc + 8, BUF_ADDR);
    qtest_memwrite(qts, DESC_ADDR, desc, sizeof(desc));
    qtest_outl(qts, FW_CFG_DMA, 0);
    qtest_outl(qts, FW_CFG_DMA + 4, GUINT32_SWAP_LE_BE(DESC_ADDR));
    qtest_memread(qts, DESC_ADDR, desc, 4);
    return ldl_be_p(desc);
}

static void test_dma(void)
{
    QTestState *qts = qtest_init("-machine pc");
    uint8_t buf[8];

    /* The DMA register reads "QEMU CFG" (big endian). */
    g_assert_cmphex(GUINT32_SWAP_LE_BE(qtest_inl(qts, FW_CFG_DMA)), ==,
                    0x51454d55);
    g_assert_cmphex(GUINT32_SWAP_LE_BE(qtest_inl(qts, FW_CFG_DMA + 4)), ==,
                    0x20434647);

    qtest_memset(qts, BUF_ADDR, 0xff, sizeof(buf));
    g_assert_cmphex(fw_cfg_dma(qts, FW_CFG_SIGNATURE << 16 | DMA_CTL_SELECT |
                               DMA_CTL_READ, 4), ==, 0);
    qtest_memread(qts, BUF_ADDR, buf, 4);
    g_assert(!memcmp(buf, "QEMU", 4));

    /* Reading past the end of the item fills the rest with zeros. */
    qtest_memset(qts, BUF_ADDR, 0xff, sizeof(buf));
    g_assert_cmphex(fw_cfg_dma(qts, FW_CFG_ID << 16 | DMA_CTL_SELECT |
                               DMA_CTL_READ, 8), ==, 0);
    qtest_memread(qts, BUF_ADDR, buf, 8);
    g_assert_cmphex(ldq_le_p(buf), ==, FW_CFG_VERSION | FW_CFG_VERSION_DMA);
    qtest_quit(qts);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);

    qtest_add_func("fw_cfg/signature-and-id", test_signature_and_id);
    qtest_add_func("fw_cfg/machine-items", test_machine_items);
    qtest_add_func("fw_cfg/file-dir", test_file_dir);
    qtest_add_func("fw_cfg/dma", test_dma);

    return g_test_run();
}
