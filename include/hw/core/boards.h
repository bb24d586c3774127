/*
 * Machines (boards): MachineState, MachineClass.
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#ifndef HW_CORE_BOARDS_H
#define HW_CORE_BOARDS_H

#include "qom/object.h"
#include "hw/core/qdev.h"
#include "system/memory.h"
#include "qemu/notify.h"

#define TYPE_MACHINE_SUFFIX "-machine"
#define MACHINE_TYPE_NAME(machinename) (machinename TYPE_MACHINE_SUFFIX)

#define TYPE_MACHINE "machine"
OBJECT_DECLARE_TYPE(MachineState, MachineClass, MACHINE)

typedef struct CpuTopology {
    unsigned int cpus;
    unsigned int sockets;
    unsigned int cores;
    unsigned int threads;
    unsigned int max_cpus;
} CpuTopology;

struct MachineClass {
    ObjectClass parent_class;

    const char *family;
    char *name;                 /* e.g. "pc-i440fx-10.2", "none" */
    const char *alias;          /* e.g. "pc", "virt" */
    const char *desc;
    const char *deprecation_reason;

    void (*init)(MachineState *state);
    void (*reset)(MachineState *state, ResetType type);

    int max_cpus;
    int min_cpus;
    int default_cpus;
    bool is_default;
    bool no_serial;
    bool no_parallel;
    bool no_floppy;
    bool no_cdrom;
    bool no_sdcard;
    bool has_hotpluggable_cpus;
    bool numa_mem_supported;
    bool auto_enable_numa;
    bool rom_file_has_mr;
    const char *default_cpu_type;
    const char *default_machine_opts;
    const char *default_display;
    const char *default_ram_id;
    ram_addr_t default_ram_size;
    GPtrArray *compat_props;    /* GlobalProperty * */
    GSList *allowed_dynamic_sysbus_devices;
};

struct MachineState {
    Object parent_obj;

    void *fdt;
    char *dtb;
    char *dumpdtb;
    int fdt_size;
    char *firmware;
    char *kernel_filename;
    char *kernel_cmdline;
    char *initrd_filename;
    char *accel;
    char *cpu_type;
    char *ram_memdev_id;
    bool dump_guest_core;
    bool mem_merge;
    bool usb;
    bool enable_graphics;
    bool suppress_vmdesc;
    ram_addr_t ram_size;
    ram_addr_t maxram_size;
    MemoryRegion *ram;          /* the board maps it */
    CpuTopology smp;
    Notifier sysbus_notifier;
};

/**
 * machine_class_allow_dynamic_sysbus_dev: let -device create @type (a
 * sysbus device) on this board.
 */
void machine_class_allow_dynamic_sysbus_dev(MachineClass *mc,
                                            const char *type);
bool device_type_is_dynamic_sysbus(MachineClass *mc, const char *type);

/** compat_props_add: append @n GlobalProperty defaults for this board. */
void compat_props_add(GPtrArray *arr, GlobalProperty props[], size_t n);

/** qemu_add_machine_init_done_notifier: called after board init. */
void qemu_add_machine_init_done_notifier(Notifier *notify);
void qemu_remove_machine_init_done_notifier(Notifier *notify);
/** qdev_machine_creation_done: run the notifiers; mark init done. */
void qdev_machine_creation_done(void);
bool qdev_machine_init_done(void);

/** machine_find_class: by name or alias; NULL when unknown. */
MachineClass *machine_find_class(const char *name);
/** machine_default_class: the board used without -machine, or NULL. */
MachineClass *machine_default_class(void);
/** machine_print_help: the "-machine help" listing. */
void machine_print_help(FILE *f);

/** current_machine: the /machine object once created. */
extern MachineState *current_machine;

/*
 * DEFINE_MACHINE: register a simple board "NAME" whose class is
 * filled in by @initfn.
 */
#define DEFINE_MACHINE(namestr, machine_initfn)                          \
    static void machine_initfn##_class_init(ObjectClass *oc,            \
                                            const void *data)           \
    {                                                                   \
        MachineClass *mc = MACHINE_CLASS(oc);                           \
        machine_initfn(mc);                                             \
    }                                                                   \
    static const TypeInfo machine_initfn##_typeinfo = {                 \
        .name       = MACHINE_TYPE_NAME(namestr),                       \
        .parent     = TYPE_MACHINE,                                     \
        .class_init = machine_initfn##_class_init,                      \
    };                                                                  \
    static void machine_initfn##_register_types(void)                   \
    {                                                                   \
        type_register_static(&machine_initfn##_typeinfo);               \
    }                                                                   \
    type_init(machine_initfn##_register_types)

#endif
