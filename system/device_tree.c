/*
 * Building flattened device trees (libfdt) for the boards.
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * Thin wrappers over libfdt's read-write API that address nodes by path
 * and turn any failure into an error message and exit(1): the boards
 * build their tree once at start-up, where a failure is a bug.
 */
#include "qemu/osdep.h"
#include "qemu/bswap.h"
#include "qemu/error-report.h"
#include "hw/core/boards.h"
#include "system/device_tree.h"

#include <libfdt.h>

/* Phandles QEMU's boards hand out start here. */
#define FDT_PHANDLE_START 0x8000

void *create_device_tree(int *sizep)
{
    void *fdt = g_malloc0(FDT_MAX_SIZE);
    int ret;

    ret = fdt_create(fdt, FDT_MAX_SIZE);
    if (ret == 0) {
        ret = fdt_finish_reservemap(fdt);
    }
    if (ret == 0) {
        ret = fdt_begin_node(fdt, "");
    }
    if (ret == 0) {
        ret = fdt_end_node(fdt);
    }
    if (ret == 0) {
        ret = fdt_finish(fdt);
    }
    if (ret == 0) {
        ret = fdt_open_into(fdt, fdt, FDT_MAX_SIZE);
    }
    if (ret != 0) {
        error_report("%s: cannot create the device tree: %s", __func__,
                     fdt_strerror(ret));
        exit(1);
    }
    *sizep = FDT_MAX_SIZE;
    return fdt;
}

static int fdt_node_offset(void *fdt, const char *node_path)
{
    int offset = fdt_path_offset(fdt, node_path);

    if (offset < 0) {
        error_report("cannot find device tree node %s: %s", node_path,
                     fdt_strerror(offset));
        exit(1);
    }
    return offset;
}

int qemu_fdt_add_subnode(void *fdt, const char *name)
{
    const char *slash = strrchr(name, '/');
    g_autofree char *parent = NULL;
    int offset;

    if (slash == NULL || slash[1] == '\0') {
        error_report("%s: '%s' is not the full path of a new node",
                     __func__, name);
        exit(1);
    }
    parent = slash == name ? g_strdup("/") : g_strndup(name, slash - name);
    offset = fdt_add_subnode(fdt, fdt_node_offset(fdt, parent), slash + 1);
    if (offset < 0) {
        error_report("%s: cannot add device tree node %s: %s", __func__,
                     name, fdt_strerror(offset));
        exit(1);
    }
    return offset;
}

int qemu_fdt_add_path(void *fdt, const char *path)
{
    g_auto(GStrv) parts = g_strsplit(path, "/", -1);
    int parent = fdt_node_offset(fdt, "/");
    int i;

    for (i = 0; parts[i]; i++) {
        int offset;

        if (parts[i][0] == '\0') {
            continue;
        }
        offset = fdt_subnode_offset(fdt, parent, parts[i]);
        if (offset == -FDT_ERR_NOTFOUND) {
            offset = fdt_add_subnode(fdt, parent, parts[i]);
        }
        if (offset < 0) {
            error_report("%s: cannot add device tree node %s: %s", __func__,
                         path, fdt_strerror(offset));
            exit(1);
        }
        parent = offset;
    }
    return parent;
}

int qemu_fdt_setprop(void *fdt, const char *node_path, const char *property,
                     const void *val, int size)
{
    int ret = fdt_setprop(fdt, fdt_node_offset(fdt, node_path), property,
                          val, size);

    if (ret < 0) {
        error_report("%s: cannot set %s/%s: %s", __func__, node_path,
                     property, fdt_strerror(ret));
        exit(1);
    }
    return 0;
}

int qemu_fdt_setprop_cell(void *fdt, const char *node_path,
                          const char *property, uint32_t val)
{
    uint32_t cell = cpu_to_be32(val);

    return qemu_fdt_setprop(fdt, node_path, property, &cell, sizeof(cell));
}

int qemu_fdt_setprop_u64(void *fdt, const char *node_path,
                         const char *property, uint64_t val)
{
    uint64_t cells = cpu_to_be64(val);

    return qemu_fdt_setprop(fdt, node_path, property, &cells, sizeof(cells));
}

int qemu_fdt_setprop_string(void *fdt, const char *node_path,
                            const char *property, const char *string)
{
    return qemu_fdt_setprop(fdt, node_path, property, string,
                            strlen(string) + 1);
}

int qemu_fdt_setprop_cells_array(void *fdt, const char *node_path,
                                 const char *property,
                                 const uint32_t *cells, int n)
{
    g_autofree uint32_t *be = g_new(uint32_t, n);
    int i;

    for (i = 0; i < n; i++) {
        be[i] = cpu_to_be32(cells[i]);
    }
    return qemu_fdt_setprop(fdt, node_path, property, be,
                            n * sizeof(uint32_t));
}

int qemu_fdt_setprop_sized_cells_from_array(void *fdt, const char *node_path,
                                            const char *property,
                                            int numvalues,
                                            const uint64_t *values)
{
    g_autofree uint32_t *cells = g_new(uint32_t, numvalues * 2);
    int n = 0;
    int i;

    for (i = 0; i < numvalues; i++) {
        uint64_t ncells = values[2 * i];
        uint64_t value = values[2 * i + 1];

        if (ncells == 1 && value <= UINT32_MAX) {
            cells[n++] = cpu_to_be32(value);
        } else if (ncells == 2) {
            cells[n++] = cpu_to_be32(value >> 32);
            cells[n++] = cpu_to_be32(value);
        } else {
            return -1;
        }
    }
    return qemu_fdt_setprop(fdt, node_path, property, cells,
                            n * sizeof(uint32_t));
}

uint32_t qemu_fdt_get_phandle(void *fdt, const char *path)
{
    return fdt_get_phandle(fdt, fdt_node_offset(fdt, path));
}

int qemu_fdt_setprop_phandle(void *fdt, const char *node_path,
                             const char *property,
                             const char *target_node_path)
{
    uint32_t phandle = qemu_fdt_get_phandle(fdt, target_node_path);

    if (phandle == 0) {
        error_report("%s: node %s has no phandle", __func__,
                     target_node_path);
        exit(1);
    }
    return qemu_fdt_setprop_cell(fdt, node_path, property, phandle);
}

uint32_t qemu_fdt_alloc_phandle(void *fdt)
{
    static uint32_t next_phandle = FDT_PHANDLE_START;

    return next_phandle++;
}

void qemu_fdt_dumpdtb(void *fdt, int size)
{
    const char *filename = current_machine ? current_machine->dumpdtb : NULL;
    g_autoptr(GError) err = NULL;

    if (filename == NULL || *filename == '\0') {
        return;
    }
    if (!g_file_set_contents(filename, fdt, size, &err)) {
        error_report("cannot dump the device tree to %s: %s", filename,
                     err->message);
        exit(1);
    }
    info_report("dtb dumped to %s. Exiting.", filename);
    exit(0);
}
