/*
 * Core HMP commands: help, info and its basic sub-commands.
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * The texts follow QEMU's: "info qom-tree" lists children sorted by
 * name, "info qtree" prints buses and devices newest first (QEMU keeps
 * both lists head-first) with properties formatted for humans (strings
 * quoted, integers also in hex, sizes with a unit).
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "qemu/cutils.h"
#include "chardev/char.h"
#include "hw/core/qdev.h"
#include "hw/core/qdev-properties.h"
#include "hw/core/clock.h"
#include "hw/core/sysbus.h"
#include "system/memory.h"
#include "monitor/monitor-internal.h"

static const char *hmp_args(const QDict *qdict)
{
    return qdict_get_str(qdict, "args");
}

static void hmp_help(Monitor *mon, const QDict *qdict)
{
    hmp_help_cmd(mon, hmp_args(qdict));
}

static void hmp_info_version(Monitor *mon, const QDict *qdict)
{
    monitor_printf(mon, "%d.%d.%d%s\n", QEMU_VERSION_MAJOR,
                   QEMU_VERSION_MINOR, QEMU_VERSION_MICRO, QEMU_PKGVERSION);
}

/* info qom-tree */

static int hmp_qom_collect_child(Object *child, void *opaque)
{
    g_ptr_array_add(opaque, child);
    return 0;
}

static gint hmp_qom_child_compare(gconstpointer a, gconstpointer b)
{
    Object *oa = *(Object *const *)a;
    Object *ob = *(Object *const *)b;

    return g_strcmp0(object_get_canonical_path_component(oa),
                     object_get_canonical_path_component(ob));
}

static void hmp_print_qom_composition(Monitor *mon, Object *obj, int indent)
{
    g_autoptr(GPtrArray) children = g_ptr_array_new();
    const char *name = "";
    guint i;

    if (obj != object_get_root()) {
        name = object_get_canonical_path_component(obj);
    }
    monitor_printf(mon, "%*s/%s (%s)\n", indent, "", name,
                   object_get_typename(obj));
    object_child_foreach(obj, hmp_qom_collect_child, children);
    g_ptr_array_sort(children, hmp_qom_child_compare);
    for (i = 0; i < children->len; i++) {
        hmp_print_qom_composition(mon, g_ptr_array_index(children, i),
                                  indent + 2);
    }
}

static void hmp_info_qom_tree(Monitor *mon, const QDict *qdict)
{
    const char *path = hmp_args(qdict);
    bool ambiguous = false;
    Object *obj;

    if (!*path) {
        hmp_print_qom_composition(mon, qdev_get_machine(), 0);
        return;
    }
    obj = object_resolve_path(path, &ambiguous);
    if (ambiguous) {
        monitor_printf(mon, "Warning: Path '%s' is ambiguous.\n", path);
        return;
    }
    if (!obj) {
        monitor_printf(mon, "Path '%s' could not be resolved.\n", path);
        return;
    }
    hmp_print_qom_composition(mon, obj, 0);
}

/* info mtree */

static void hmp_info_mtree(Monitor *mon, const QDict *qdict)
{
    g_auto(GStrv) opts = g_strsplit_set(hmp_args(qdict), " \t", -1);
    g_autoptr(GString) buf = g_string_new(NULL);
    bool flatview = false;
    char **o;

    for (o = opts; *o; o++) {
        if (strcmp(*o, "-f") == 0) {
            flatview = true;
        }
    }
    mtree_info(buf, flatview);
    monitor_puts(mon, buf->str);
}

/* info qtree */

/* Integers as QEMU's human string output: "5 (0x5)", runs as "1-3". */
static void hmp_append_int_list(GString *out, QList *list)
{
    GString *hex = g_string_new(NULL);
    int64_t first = 0, last = 0, v;
    bool open = false;
    size_t i;

    for (i = 0; i <= qlist_size(list); i++) {
        bool more = i < qlist_size(list);

        v = more ? qnum_get_int(qlist_get(list, i)) : 0;
        if (more && open && v == last + 1) {
            last = v;
            continue;
        }
        if (open) {
            const char *sep = out->len ? "," : "";

            if (first == last) {
                g_string_append_printf(out, "%s%" PRId64, sep, first);
                g_string_append_printf(hex, "%s0x%" PRIx64, sep, first);
            } else {
                g_string_append_printf(out, "%s%" PRId64 "-%" PRId64, sep,
                                       first, last);
                g_string_append_printf(hex, "%s0x%" PRIx64 "-0x%" PRIx64,
                                       sep, first, last);
            }
        }
        first = last = v;
        open = more;
    }
    g_string_append_printf(out, " (%s)", hex->str);
    g_string_free(hex, true);
}

static bool hmp_qlist_all_ints(QList *list)
{
    int64_t v;
    size_t i;

    for (i = 0; i < qlist_size(list); i++) {
        if (qobject_type(qlist_get(list, i)) != QTYPE_QNUM ||
            !qnum_get_try_int(qlist_get(list, i), &v)) {
            return false;
        }
    }
    return qlist_size(list) > 0;
}

static char *hmp_human_value(QObject *value, const char *type)
{
    GString *out = g_string_new(NULL);
    int64_t i;
    uint64_t u;
    size_t n;

    switch (qobject_type(value)) {
    case QTYPE_QSTRING:
        g_string_printf(out, "\"%s\"", qstring_get_str(value));
        break;
    case QTYPE_QBOOL:
        g_string_assign(out, qbool_get_bool(value) ? "true" : "false");
        break;
    case QTYPE_QNUM:
        if (g_strcmp0(type, "size") == 0 && qnum_get_try_uint(value, &u)) {
            g_autofree char *sz = size_to_str(u);

            g_string_printf(out, "%" PRIu64 " (%s)", u, sz);
        } else if (qnum_get_try_int(value, &i)) {
            g_string_printf(out, "%" PRId64 " (0x%" PRIx64 ")", i, i);
        } else if (qnum_get_try_uint(value, &u)) {
            /* QEMU prints these as their signed 64-bit reading. */
            g_string_printf(out, "%" PRId64 " (0x%" PRIx64 ")",
                            (int64_t)u, u);
        } else {
            g_string_printf(out, "%.17g", qnum_get_double(value));
        }
        break;
    case QTYPE_QLIST:
        if (hmp_qlist_all_ints(value)) {
            hmp_append_int_list(out, value);
            break;
        }
        for (n = 0; n < qlist_size(value); n++) {
            g_autofree char *elem = hmp_human_value(qlist_get(value, n),
                                                    NULL);

            g_string_append_printf(out, "%s%s", n ? ", " : "", elem);
        }
        break;
    case QTYPE_QDICT:
        g_string_assign(out, "<omitted>");
        break;
    default:
        g_string_assign(out, "<null>");
        break;
    }
    return g_string_free(out, false);
}

/* The value as "info qtree" shows it, or NULL when it cannot be read. */
static char *hmp_qtree_prop_value(Object *obj, const char *name)
{
    g_autofree char *legacy = g_strdup_printf("legacy-%s", name);
    ObjectProperty *op;
    QObject *value;
    char *text;

    if (object_property_find(obj, legacy)) {
        return object_property_get_str(obj, legacy, NULL);
    }
    op = object_property_find(obj, name);
    if (!op) {
        return NULL;
    }
    value = object_property_get_qobject(obj, name, NULL);
    if (!value) {
        return NULL;
    }
    text = hmp_human_value(value, op->type);
    qobject_unref(value);
    return text;
}

static void hmp_qtree_print_props(Monitor *mon, DeviceState *dev,
                                  DeviceClass *dc, int indent)
{
    unsigned i;

    for (i = 0; dc->props_ && i < dc->props_count_; i++) {
        const char *name = dc->props_[i].name;
        g_autofree char *value = hmp_qtree_prop_value(OBJECT(dev), name);

        if (value) {
            monitor_printf(mon, "%*s%s = %s\n", indent, "", name,
                           *value ? value : "<null>");
        }
    }
}

static void hmp_qtree_print_bus(Monitor *mon, BusState *bus, int indent,
                                bool details);

static void hmp_qtree_print_mmio(Monitor *mon, DeviceState *dev, int indent)
{
    SysBusDevice *sbd;
    int i;

    if (!object_dynamic_cast(OBJECT(dev), TYPE_SYS_BUS_DEVICE)) {
        return;
    }
    sbd = SYS_BUS_DEVICE(dev);
    for (i = 0; i < sbd->num_mmio; i++) {
        monitor_printf(mon, "%*smmio %016" PRIx64 "/%016" PRIx64 "\n",
                       indent, "", (uint64_t)sbd->mmio[i].addr,
                       memory_region_size(sbd->mmio[i].memory));
    }
}

static void hmp_qtree_print_details(Monitor *mon, DeviceState *dev,
                                    int indent)
{
    ObjectClass *device_class = object_class_by_name(TYPE_DEVICE);
    ObjectClass *klass = object_get_class(OBJECT(dev));
    BusClass *bc;
    GSList *l, *e;

    l = g_slist_reverse(g_slist_copy(dev->gpios));
    for (e = l; e; e = e->next) {
        NamedGPIOList *ngl = e->data;

        if (ngl->num_in) {
            monitor_printf(mon, "%*sgpio-in \"%s\" %d\n", indent, "",
                           ngl->name ? ngl->name : "", ngl->num_in);
        }
        if (ngl->num_out) {
            monitor_printf(mon, "%*sgpio-out \"%s\" %d\n", indent, "",
                           ngl->name ? ngl->name : "", ngl->num_out);
        }
    }
    g_slist_free(l);

    l = g_slist_reverse(g_slist_copy(dev->clocks));
    for (e = l; e; e = e->next) {
        NamedClockList *ncl = e->data;
        g_autofree char *freq = clock_display_freq(ncl->clock);

        monitor_printf(mon, "%*sclock-%s%s \"%s\" freq_hz=%s\n", indent, "",
                       ncl->output ? "out" : "in",
                       ncl->alias ? " (alias)" : "", ncl->name, freq);
    }
    g_slist_free(l);

    /* Each class lists its own table; a subclass may not have one. */
    while (klass && klass != device_class) {
        ObjectClass *parent = object_class_get_parent(klass);
        DeviceClass *dc = DEVICE_CLASS(klass);

        if (parent == device_class ||
            DEVICE_CLASS(parent)->props_ != dc->props_) {
            hmp_qtree_print_props(mon, dev, dc, indent);
        }
        klass = parent;
    }

    if (dev->parent_bus) {
        bc = BUS_GET_CLASS(dev->parent_bus);
        if (bc->print_dev) {
            bc->print_dev(mon, dev, indent);
        } else {
            hmp_qtree_print_mmio(mon, dev, indent);
        }
    }
}

static void hmp_qtree_print_dev(Monitor *mon, DeviceState *dev, int indent,
                                bool details)
{
    GSList *buses, *l;

    monitor_printf(mon, "%*sdev: %s, id \"%s\"\n", indent, "",
                   object_get_typename(OBJECT(dev)), dev->id ? dev->id : "");
    indent += 2;
    if (details) {
        hmp_qtree_print_details(mon, dev, indent);
    }
    buses = g_slist_reverse(g_slist_copy(dev->child_bus));
    for (l = buses; l; l = l->next) {
        hmp_qtree_print_bus(mon, l->data, indent, details);
    }
    g_slist_free(buses);
}

static void hmp_qtree_print_bus(Monitor *mon, BusState *bus, int indent,
                                bool details)
{
    GList *l;

    monitor_printf(mon, "%*sbus: %s\n", indent, "", bus->name);
    indent += 2;
    monitor_printf(mon, "%*stype %s\n", indent, "",
                   object_get_typename(OBJECT(bus)));
    for (l = g_list_last(bus->children); l; l = l->prev) {
        hmp_qtree_print_dev(mon, l->data, indent, details);
    }
}

static void hmp_info_qtree(Monitor *mon, const QDict *qdict)
{
    bool details = strcmp(hmp_args(qdict), "-b") != 0;
    BusState *bus = sysbus_get_default();

    if (bus) {
        hmp_qtree_print_bus(mon, bus, 0, details);
    }
}

/* info chardev */

static void hmp_print_chardev(Chardev *chr, void *opaque)
{
    monitor_printf(opaque, "%s: filename=%s\n", chr->label,
                   chr->filename ? chr->filename : "");
}

static void hmp_info_chardev(Monitor *mon, const QDict *qdict)
{
    qemu_chr_foreach(hmp_print_chardev, mon);
}

static const HMPCommand hmp_core_commands[] = {
    { "help|?", "[cmd]", "show the help", hmp_help },
    { "info", "[subcommand]",
      "show various information about the system state", hmp_info_cmd },
};

static const HMPCommand hmp_core_info[] = {
    { "version", "", "show the version of QEMU", hmp_info_version },
    { "qom-tree", "[path]", "show QOM composition tree",
      hmp_info_qom_tree },
    { "mtree", "[-f]", "show memory tree (-f: dump flat view for address "
      "spaces)", hmp_info_mtree },
    { "qtree", "[-b]", "show device tree (-b: brief, omit properties)",
      hmp_info_qtree },
    { "chardev", "", "show the character devices", hmp_info_chardev },
};

void hmp_register_core(void)
{
    size_t i;

    for (i = 0; i < ARRAY_SIZE(hmp_core_commands); i++) {
        hmp_register_command(&hmp_core_commands[i]);
    }
    for (i = 0; i < ARRAY_SIZE(hmp_core_info); i++) {
        hmp_register_info(&hmp_core_info[i]);
    }
}
