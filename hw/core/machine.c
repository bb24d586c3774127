/*
 * The machine object: /machine, its containers and generic properties.
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "qemu/notify.h"
#include "qemu/units.h"
#include "hw/core/boards.h"
#include "hw/core/sysbus.h"

MachineState *current_machine;

static NotifierList machine_init_done_notifiers;
static bool machine_init_done;

Object *qdev_get_machine(void)
{
    Object *dev = object_resolve_path_component(object_get_root(), "machine");

    /*
     * Unit tests and early start-up have no machine; give them a plain
     * container so that /machine/unattached still exists.  vl.c creates
     * the real machine before anything asks.
     */
    if (dev == NULL) {
        dev = container_get(object_get_root(), "/machine");
    }
    return dev;
}

Object *machine_get_container(const char *name)
{
    Object *container;
    Object *machine = qdev_get_machine();

    container = object_resolve_path_component(machine, name);
    if (container == NULL) {
        container = container_get(machine, name);
    }
    return container;
}

void qemu_add_machine_init_done_notifier(Notifier *notify)
{
    notifier_list_add(&machine_init_done_notifiers, notify);
    if (machine_init_done) {
        notify->notify(notify, NULL);
    }
}

void qemu_remove_machine_init_done_notifier(Notifier *notify)
{
    notifier_remove(&machine_init_done_notifiers, notify);
}

void qdev_machine_creation_done(void)
{
    machine_init_done = true;
    notifier_list_notify(&machine_init_done_notifiers, NULL);
}

bool qdev_machine_init_done(void)
{
    return machine_init_done;
}

void machine_class_allow_dynamic_sysbus_dev(MachineClass *mc,
                                            const char *type)
{
    mc->allowed_dynamic_sysbus_devices =
        g_slist_append(mc->allowed_dynamic_sysbus_devices, g_strdup(type));
}

bool device_type_is_dynamic_sysbus(MachineClass *mc, const char *type)
{
    GSList *l;

    for (l = mc->allowed_dynamic_sysbus_devices; l; l = l->next) {
        if (object_class_dynamic_cast(object_class_by_name(type),
                                      l->data)) {
            return true;
        }
    }
    return false;
}

void compat_props_add(GPtrArray *arr, GlobalProperty props[], size_t n)
{
    size_t i;

    for (i = 0; i < n; i++) {
        g_ptr_array_add(arr, &props[i]);
    }
}

static gint machine_class_cmp(gconstpointer a, gconstpointer b)
{
    const MachineClass *ma = a;
    const MachineClass *mb = b;

    return strcmp(ma->name, mb->name);
}

MachineClass *machine_find_class(const char *name)
{
    GSList *list = object_class_get_list(TYPE_MACHINE, false);
    MachineClass *found = NULL;
    GSList *l;

    for (l = list; l; l = l->next) {
        MachineClass *mc = l->data;

        if (!strcmp(mc->name, name) ||
            (mc->alias && !strcmp(mc->alias, name))) {
            found = mc;
            break;
        }
    }
    g_slist_free(list);
    return found;
}

MachineClass *machine_default_class(void)
{
    GSList *list = object_class_get_list(TYPE_MACHINE, false);
    MachineClass *found = NULL;
    GSList *l;

    for (l = list; l; l = l->next) {
        MachineClass *mc = l->data;

        if (mc->is_default) {
            found = mc;
            break;
        }
    }
    g_slist_free(list);
    return found;
}

void machine_print_help(FILE *f)
{
    GSList *list = object_class_get_list(TYPE_MACHINE, false);
    GSList *l;

    list = g_slist_sort(list, machine_class_cmp);
    fprintf(f, "Supported machines are:\n");
    for (l = list; l; l = l->next) {
        MachineClass *mc = l->data;

        if (mc->alias) {
            fprintf(f, "%-20s %s (alias of %s)\n", mc->alias, mc->desc,
                    mc->name);
        }
        fprintf(f, "%-20s %s%s%s\n", mc->name, mc->desc,
                mc->is_default ? " (default)" : "",
                mc->deprecation_reason ? " (deprecated)" : "");
    }
    g_slist_free(list);
}

/* Generic properties: string-valued ones share one accessor pair. */
typedef struct MachineStrProp {
    const char *name;
    size_t offset;
    const char *description;
} MachineStrProp;

static const MachineStrProp machine_str_props[] = {
    { "kernel", offsetof(MachineState, kernel_filename),
      "Linux kernel image file" },
    { "initrd", offsetof(MachineState, initrd_filename),
      "Linux initial ramdisk file" },
    { "append", offsetof(MachineState, kernel_cmdline),
      "Linux kernel command line" },
    { "dtb", offsetof(MachineState, dtb), "Linux kernel device tree file" },
    { "dumpdtb", offsetof(MachineState, dumpdtb),
      "Dump current dtb to a file and quit" },
    { "firmware", offsetof(MachineState, firmware), "Firmware image" },
    { "memory-backend", offsetof(MachineState, ram_memdev_id),
      "Set RAM backend; valid value is ID of hostmem based backend" },
};

static QObject *machine_get_strprop(Object *obj, const char *name,
                                    void *opaque, Error **errp)
{
    const MachineStrProp *p = opaque;
    char *value = *(char **)((char *)obj + p->offset);

    return qstring_from_str(value ? value : "");
}

static bool machine_set_strprop(Object *obj, const char *name,
                                QObject *value, void *opaque, Error **errp)
{
    const MachineStrProp *p = opaque;
    char **field = (char **)((char *)obj + p->offset);
    const char *str;

    if (!qobject_input_str(value, name, &str, errp)) {
        return false;
    }
    g_free(*field);
    *field = g_strdup(str);
    return true;
}

typedef struct MachineBoolProp {
    const char *name;
    size_t offset;
    const char *description;
} MachineBoolProp;

static const MachineBoolProp machine_bool_props[] = {
    { "graphics", offsetof(MachineState, enable_graphics),
      "Set on/off to enable/disable graphics emulation" },
    { "dump-guest-core", offsetof(MachineState, dump_guest_core),
      "Include guest memory in a core dump" },
    { "mem-merge", offsetof(MachineState, mem_merge),
      "Enable/disable memory merge support" },
    { "usb", offsetof(MachineState, usb),
      "Set on/off to enable/disable usb" },
    { "suppress-vmdesc", offsetof(MachineState, suppress_vmdesc),
      "Set on to disable self-describing migration" },
};

static QObject *machine_get_boolprop(Object *obj, const char *name,
                                     void *opaque, Error **errp)
{
    const MachineBoolProp *p = opaque;

    return qbool_from_bool(*(bool *)((char *)obj + p->offset));
}

static bool machine_set_boolprop(Object *obj, const char *name,
                                 QObject *value, void *opaque, Error **errp)
{
    const MachineBoolProp *p = opaque;

    return qobject_input_bool(value, name, (bool *)((char *)obj + p->offset),
                              errp);
}

static void machine_class_init(ObjectClass *oc, const void *data)
{
    MachineClass *mc = MACHINE_CLASS(oc);
    size_t i;

    mc->default_ram_size = 128 * MiB;
    mc->max_cpus = 1;
    mc->min_cpus = 1;
    mc->default_cpus = 1;
    for (i = 0; i < ARRAY_SIZE(machine_str_props); i++) {
        const MachineStrProp *p = &machine_str_props[i];

        object_class_property_add(oc, p->name, "str", machine_get_strprop,
                                  machine_set_strprop, NULL, (void *)p);
        object_class_property_set_description(oc, p->name, p->description);
    }
    for (i = 0; i < ARRAY_SIZE(machine_bool_props); i++) {
        const MachineBoolProp *p = &machine_bool_props[i];

        object_class_property_add(oc, p->name, "bool", machine_get_boolprop,
                                  machine_set_boolprop, NULL, (void *)p);
        object_class_property_set_description(oc, p->name, p->description);
    }
}

/*
 * Every concrete board gets its name from the QOM type ("x-machine");
 * boards registered through DEFINE_MACHINE leave mc->name unset.
 */
static void machine_class_base_init(ObjectClass *oc, const void *data)
{
    MachineClass *mc = MACHINE_CLASS(oc);
    const char *cname = object_class_get_name(oc);

    mc->compat_props = g_ptr_array_new();
    mc->allowed_dynamic_sysbus_devices = NULL;
    if (g_str_has_suffix(cname, TYPE_MACHINE_SUFFIX)) {
        mc->name = g_strndup(cname,
                             strlen(cname) - strlen(TYPE_MACHINE_SUFFIX));
    }
}

static void machine_initfn(Object *obj)
{
    MachineState *ms = MACHINE(obj);
    MachineClass *mc = MACHINE_GET_CLASS(obj);

    container_get(obj, "/peripheral");
    container_get(obj, "/peripheral-anon");
    ms->enable_graphics = true;
    ms->mem_merge = true;
    ms->dump_guest_core = true;
    ms->usb = false;
    ms->ram_size = mc->default_ram_size;
    ms->maxram_size = mc->default_ram_size;
    ms->smp.cpus = mc->default_cpus;
    ms->smp.max_cpus = mc->default_cpus;
    ms->smp.sockets = 1;
    ms->smp.cores = 1;
    ms->smp.threads = 1;
}

static void machine_finalize(Object *obj)
{
    MachineState *ms = MACHINE(obj);

    g_free(ms->kernel_filename);
    g_free(ms->initrd_filename);
    g_free(ms->kernel_cmdline);
    g_free(ms->dtb);
    g_free(ms->dumpdtb);
    g_free(ms->firmware);
    g_free(ms->ram_memdev_id);
    g_free(ms->accel);
    g_free(ms->cpu_type);
    g_free(ms->fdt);
}

static const TypeInfo machine_types[] = {
    {
        .name = TYPE_MACHINE,
        .parent = TYPE_OBJECT,
        .abstract = true,
        .class_size = sizeof(MachineClass),
        .class_init = machine_class_init,
        .class_base_init = machine_class_base_init,
        .instance_size = sizeof(MachineState),
        .instance_init = machine_initfn,
        .instance_finalize = machine_finalize,
    },
};
DEFINE_TYPES(machine_types)
