/*
 * Building flattened device trees (libfdt) for the boards.
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * Every function takes the blob first and a node by its full path.  The
 * boards build their tree at start-up, so a libfdt failure (unknown
 * node, blob full) is a programming error: it is reported and the
 * emulator exits.  The setters return 0, as QEMU's do on success.
 */
#ifndef SYSTEM_DEVICE_TREE_H
#define SYSTEM_DEVICE_TREE_H

/* The blob create_device_tree allocates, as QEMU's boards use it. */
#define FDT_MAX_SIZE 0x100000

/**
 * create_device_tree: a new, empty FDT_MAX_SIZE blob holding the root.
 * @sizep: receives the size of the allocation
 *
 * The blob comes from g_malloc and belongs to the caller (boards keep it
 * in MachineState.fdt, freed with the machine).
 */
void *create_device_tree(int *sizep);

/**
 * qemu_fdt_add_subnode: create node @name, a full path whose parent exists.
 * Returns the new node's offset.
 */
int qemu_fdt_add_subnode(void *fdt, const char *name);

/**
 * qemu_fdt_add_path: create node @path and any missing parents.
 * An existing node is fine.  Returns the node's offset.
 */
int qemu_fdt_add_path(void *fdt, const char *path);

/**
 * qemu_fdt_setprop: set property @property of @node_path to @size raw
 * bytes (@val NULL and @size 0: an empty property such as
 * "interrupt-controller").  A string list is its strings with their NULs.
 */
int qemu_fdt_setprop(void *fdt, const char *node_path, const char *property,
                     const void *val, int size);

/** qemu_fdt_setprop_cell: one big-endian 32-bit cell. */
int qemu_fdt_setprop_cell(void *fdt, const char *node_path,
                          const char *property, uint32_t val);

/** qemu_fdt_setprop_u64: one 64-bit value as two big-endian cells. */
int qemu_fdt_setprop_u64(void *fdt, const char *node_path,
                         const char *property, uint64_t val);

/** qemu_fdt_setprop_string: one NUL-terminated string. */
int qemu_fdt_setprop_string(void *fdt, const char *node_path,
                            const char *property, const char *string);

/**
 * qemu_fdt_setprop_cells_array: @n cells given in host order; see the
 * qemu_fdt_setprop_cells() macro.
 */
int qemu_fdt_setprop_cells_array(void *fdt, const char *node_path,
                                 const char *property,
                                 const uint32_t *cells, int n);

/* A list of 32-bit cells: qemu_fdt_setprop_cells(fdt, "/x", "p", 1, 2). */
#define qemu_fdt_setprop_cells(fdt, node_path, property, ...)            \
    ({                                                                   \
        const uint32_t fdt_cells_[] = { __VA_ARGS__ };                   \
        qemu_fdt_setprop_cells_array(fdt, node_path, property,           \
                                     fdt_cells_, ARRAY_SIZE(fdt_cells_)); \
    })

/**
 * qemu_fdt_setprop_sized_cells_from_array: @numvalues values, each given
 * as a pair (number of cells: 1 or 2, value) in @values.  Returns 0, or
 * -1 (nothing set) when a value does not fit its cells or a count is
 * neither 1 nor 2.
 */
int qemu_fdt_setprop_sized_cells_from_array(void *fdt, const char *node_path,
                                            const char *property,
                                            int numvalues,
                                            const uint64_t *values);

/*
 * Values of mixed widths, each preceded by its cell count, e.g. a "reg"
 * with #address-cells = #size-cells = 2:
 * qemu_fdt_setprop_sized_cells(fdt, node, "reg", 2, base, 2, size).
 */
#define qemu_fdt_setprop_sized_cells(fdt, node_path, property, ...)      \
    ({                                                                   \
        const uint64_t fdt_pairs_[] = { __VA_ARGS__ };                   \
        qemu_fdt_setprop_sized_cells_from_array(fdt, node_path, property, \
                                                ARRAY_SIZE(fdt_pairs_) / 2, \
                                                fdt_pairs_);             \
    })

/**
 * qemu_fdt_get_phandle: the "phandle" of @path, 0 when it has none.
 */
uint32_t qemu_fdt_get_phandle(void *fdt, const char *path);

/**
 * qemu_fdt_setprop_phandle: make @property of @node_path refer to the
 * node @target_node_path, which must already have a phandle.
 */
int qemu_fdt_setprop_phandle(void *fdt, const char *node_path,
                             const char *property,
                             const char *target_node_path);

/**
 * qemu_fdt_alloc_phandle: the next free phandle, counting from 0x8000
 * as QEMU does.  The caller stores it in the node's "phandle" property.
 */
uint32_t qemu_fdt_alloc_phandle(void *fdt);

/**
 * qemu_fdt_dumpdtb: honour -machine dumpdtb=FILE.
 * @fdt: the finished blob
 * @size: how many bytes of it to write
 *
 * Without the option this does nothing.  With it, the blob is written to
 * FILE and the emulator exits with status 0 (status 1 if the file cannot
 * be written).
 */
void qemu_fdt_dumpdtb(void *fdt, int size);

#endif
