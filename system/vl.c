/*
 * The front door: command line, start-up order, main loop, exit.
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * Start-up order: options are read completely first; then logging,
 * the machine object, chardevs, -object, monitors, the accelerator, the
 * board, -device, the first reset and the run state.  Every failure is
 * one "<prog>: [-opt value: ]message" line and exit status 1.
 */
#include "qemu/osdep.h"
#include <glib-unix.h>
#include <sys/prctl.h>
#include "qapi/error.h"
#include "qapi/qmp-registry.h"
#include "qemu/accel.h"
#include "qemu/cutils.h"
#include "qemu/error-report.h"
#include "qemu/log.h"
#include "qemu/main-loop.h"
#include "qemu/module.h"
#include "qemu/option.h"
#include "qemu/timer.h"
#include "qemu/units.h"
#include "hw/core/boards.h"
#include "hw/core/cpu.h"
#include "hw/core/qdev-properties.h"
#include "hw/core/sysbus.h"
#include "chardev/char.h"
#include "chardev/char-mux.h"
#include "monitor/monitor.h"
#include "system/address-spaces.h"
#include "system/qtest.h"
#include "migration/misc.h"
#include "system/reset.h"
#include "system/runstate.h"
#include "system/system.h"
#include "system/vl.h"
#include "trace/control.h"

const char *qemu_name;
int nb_serial_hds;
QEMUClockType rtc_clock = QEMU_CLOCK_HOST;
static Chardev *serial_hds[MAX_SERIAL_PORTS];

Chardev *serial_hd(int i)
{
    if (i < 0 || i >= nb_serial_hds) {
        return NULL;
    }
    return serial_hds[i];
}

int serial_max_hds(void)
{
    return nb_serial_hds;
}

/* One option occurrence, kept in command-line order. */
typedef struct VLOption {
    const char *name;
    const char *value;
} VLOption;

typedef enum VLOptionFlags {
    VL_ARG = 1 << 0,        /* takes a value */
} VLOptionFlags;

typedef struct VLOptionDef {
    const char *name;
    unsigned flags;
    const char *args;
    const char *help;
} VLOptionDef;

static const VLOptionDef vl_option_defs[] = {
    { "h", 0, "", "display this help and exit" },
    { "help", 0, "", "display this help and exit" },
    { "version", 0, "", "display version information and exit" },
    { "machine", VL_ARG, "[type=]name[,prop=value...]",
      "select the board (-machine help lists them)" },
    { "M", VL_ARG, "", "same as -machine" },
    { "accel", VL_ARG, "name[,prop=value...]",
      "select an accelerator (-accel help lists them; tcg is our "
      "interpreter); repeatable, the first that initialises wins" },
    { "cpu", VL_ARG, "model", "select the CPU model" },
    { "smp", VL_ARG, "n", "number of CPUs" },
    { "m", VL_ARG, "[size=]megs[M|G]", "RAM size (default 128 MiB)" },
    { "name", VL_ARG, "[guest=]name", "set the guest name" },
    { "nodefaults", 0, "", "create no default devices" },
    { "display", VL_ARG, "none", "display back end (only 'none')" },
    { "nographic", 0, "",
      "no display; serial and monitor multiplexed on stdio" },
    { "serial", VL_ARG, "dev",
      "redirect the next serial port to dev (stdio, null, file:, pty, "
      "tcp:, unix:, mon:, chardev:, none)" },
    { "parallel", VL_ARG, "dev", "accepted; there is no parallel port" },
    { "chardev", VL_ARG, "backend,id=id[,options]",
      "create a character back end (-chardev help lists them)" },
    { "mon", VL_ARG, "[chardev=]id[,mode=readline|control][,pretty=on]",
      "attach a monitor to a chardev" },
    { "qmp", VL_ARG, "dev", "QMP monitor on dev" },
    { "qmp-pretty", VL_ARG, "dev", "QMP monitor on dev, pretty JSON" },
    { "monitor", VL_ARG, "dev", "HMP monitor on dev ('none': no monitor)" },
    { "S", 0, "", "do not start the guest at start-up" },
    { "global", VL_ARG, "driver.prop=value",
      "default property value for every device of a type" },
    { "device", VL_ARG, "driver[,prop=value...]",
      "add a device (-device help lists them)" },
    { "object", VL_ARG, "type,id=id[,prop=value...]",
      "create a user-creatable object" },
    { "d", VL_ARG, "item1[,...]", "enable log items (-d help lists them)" },
    { "D", VL_ARG, "logfile", "write the log to logfile, not stderr" },
    { "dfilter", VL_ARG, "range1[,...]", "accepted; not used yet" },
    { "trace", VL_ARG, "[[enable=]pattern][,events=file][,file=file]",
      "trace events (-trace help lists them)" },
    { "msg", VL_ARG, "timestamp=on|off", "time-stamp error messages" },
    { "qtest", VL_ARG, "dev", "serve the qtest protocol on dev" },
    { "qtest-log", VL_ARG, "file", "log qtest traffic (none: off)" },
    { "no-shutdown", 0, "", "stop, not exit, when the guest shuts down" },
    { "no-reboot", 0, "", "exit instead of rebooting" },
    { "kernel", VL_ARG, "file", "kernel image" },
    { "append", VL_ARG, "cmdline", "kernel command line" },
    { "initrd", VL_ARG, "file", "initial ram disk" },
    { "dtb", VL_ARG, "file", "device tree blob" },
    { "bios", VL_ARG, "file", "firmware image" },
    { "L", VL_ARG, "path", "firmware search path" },
    { "audio", VL_ARG, "none", "accepted: no audio back end" },
    { "audiodev", VL_ARG, "none,id=id", "accepted: no audio back end" },
    { "run-with", VL_ARG, "exit-with-parent=on|off",
      "exit when the parent process goes away" },
    { "echr", VL_ARG, "chr", "escape character of the multiplexer" },
    { "rtc", VL_ARG, "[base=utc][,clock=host|rt|vm]", "RTC settings" },
    { "preconfig", 0, "",
      "pause before machine initialisation until QMP x-exit-preconfig" },
    { "no-user-config", 0, "", "accepted" },
    { "enable-kvm", 0, "", "same as -accel kvm" },
    { "vga", VL_ARG, "type", "accepted: there is no display" },
    { "boot", VL_ARG, "order", "accepted" },
    { "pidfile", VL_ARG, "file", "write the process id to file" },
    { "incoming", VL_ARG, "uri", "wait for a migration stream" },
    { "dump-vmstate", VL_ARG, "file", "write the VMState layouts, exit" },
};

static const VLOptionDef *vl_find_option(const char *name)
{
    size_t i;

    for (i = 0; i < ARRAY_SIZE(vl_option_defs); i++) {
        if (!strcmp(vl_option_defs[i].name, name)) {
            return &vl_option_defs[i];
        }
    }
    return NULL;
}

static void vl_print_help(void)
{
    size_t i;

    printf("usage: %s [options]\n\n"
           "A QEMU-compatible system emulator. Options:\n\n",
           error_get_progname());
    for (i = 0; i < ARRAY_SIZE(vl_option_defs); i++) {
        const VLOptionDef *d = &vl_option_defs[i];

        printf("-%s%s%s\n        %s\n", d->name, d->args[0] ? " " : "",
               d->args, d->help);
    }
    printf("\nDuring emulation with -nographic, Ctrl-a h prints the "
           "multiplexer keys.\n");
}

static void vl_print_version(void)
{
    printf("QEMU emulator version " QEMU_VERSION "%s%s%s\n"
           "Copyright (c) 2026 The project contributors "
           "(a QEMU-compatible emulator)\n",
           QEMU_PKGVERSION[0] ? " (" : "", QEMU_PKGVERSION,
           QEMU_PKGVERSION[0] ? ")" : "");
}

/* Everything the command line says, gathered before acting on it. */
typedef struct VLConfig {
    GArray *opts;               /* VLOption, in order */
    bool nodefaults;
    bool nographic;
    bool display_none;
    bool autostart;
    const char *incoming;
    const char *dump_vmstate;
    bool preconfig;
    bool have_serial;
    bool have_monitor;
    const char *qtest_chrdev;
    const char *qtest_log;
    const char *pidfile;
    const char *cpu;
} VLConfig;

static void vl_fail(const char *opt, const char *value, const char *fmt, ...)
    G_GNUC_PRINTF(3, 4);

static void vl_fail(const char *opt, const char *value, const char *fmt, ...)
{
    va_list ap;

    if (opt) {
        loc_set_cmdline(opt, value);
    }
    va_start(ap, fmt);
    error_vreport(fmt, ap);
    va_end(ap);
    exit(1);
}

static void vl_fail_err(const VLOption *o, Error *err)
{
    if (o) {
        loc_set_cmdline(o->name, o->value);
    }
    error_report_err(err);
    exit(1);
}

static void vl_parse_argv(VLConfig *cfg, int argc, char **argv)
{
    int i;

    cfg->opts = g_array_new(false, true, sizeof(VLOption));
    for (i = 1; i < argc; i++) {
        const char *arg = argv[i];
        const VLOptionDef *def;
        VLOption o = { 0 };

        if (arg[0] != '-') {
            vl_fail(NULL, NULL, "%s: disk images are not supported", arg);
        }
        arg++;
        if (arg[0] == '-') {
            arg++;
        }
        def = vl_find_option(arg);
        if (def == NULL) {
            vl_fail(NULL, NULL, "%s: invalid option", argv[i]);
        }
        o.name = def->name;
        if (def->flags & VL_ARG) {
            if (i + 1 >= argc) {
                vl_fail(NULL, NULL, "%s: requires an argument", argv[i]);
            }
            o.value = argv[++i];
        }
        g_array_append_val(cfg->opts, o);
    }
}

#define VL_FOREACH_OPT(cfg, o)                                          \
    for (VLOption *o = &g_array_index((cfg)->opts, VLOption, 0);        \
         o < &g_array_index((cfg)->opts, VLOption, (cfg)->opts->len);   \
         o++)

static bool vl_is(const VLOption *o, const char *name)
{
    return !strcmp(o->name, name);
}

static QemuOpts *vl_parse_opts(const VLOption *o, const char *implied)
{
    Error *err = NULL;
    QemuOpts *opts = qemu_opts_parse(o->value, implied, &err);

    if (opts == NULL) {
        vl_fail_err(o, err);
    }
    return opts;
}

/* -d, -D, -msg: first, so that later steps can log. */
static void vl_setup_logging(VLConfig *cfg)
{
    Error *err = NULL;

    VL_FOREACH_OPT(cfg, o) {
        if (vl_is(o, "msg")) {
            QemuOpts *opts = vl_parse_opts(o, NULL);

            message_with_timestamp = qemu_opt_get_bool(opts, "timestamp",
                                                       false);
            qemu_opts_free(opts);
        } else if (vl_is(o, "D")) {
            if (!qemu_set_log_filename(o->value, &err)) {
                vl_fail_err(o, err);
            }
        }
    }
    VL_FOREACH_OPT(cfg, o) {
        if (vl_is(o, "trace") && !trace_opt_parse(o->value, &err)) {
            vl_fail_err(o, err);
        }
    }
    trace_init_file();
    if (!trace_init_backends(&err)) {
        vl_fail_err(NULL, err);
    }
    VL_FOREACH_OPT(cfg, o) {
        if (vl_is(o, "d")) {
            int mask;

            if (!strcmp(o->value, "help") || !strcmp(o->value, "?")) {
                qemu_print_log_usage(stdout);
                exit(0);
            }
            mask = qemu_str_to_log_mask(o->value, &err);
            if (err) {
                qemu_print_log_usage(stderr);
                vl_fail_err(o, err);
            }
            if (!qemu_set_log(qemu_loglevel | mask, &err)) {
                vl_fail_err(o, err);
            }
        }
    }
}

static int vl_set_machine_prop(void *opaque, const char *name,
                               const char *value, Error **errp)
{
    Object *machine = opaque;

    if (!strcmp(name, "type") || !strcmp(name, "accel")) {
        return 0;
    }
    return object_property_parse(machine, name, value, errp) ? 0 : -1;
}

static void vl_print_object_props(ObjectClass *oc, FILE *f)
{
    ObjectPropertyIterator iter;
    ObjectProperty *prop;

    object_class_property_iter_init(&iter, oc);
    while ((prop = object_property_iter_next(&iter)) != NULL) {
        if (!strcmp(prop->name, "type")) {
            continue;
        }
        fprintf(f, "  %s=<%s>%s%s\n", prop->name, prop->type,
                prop->description ? " - " : "",
                prop->description ? prop->description : "");
    }
}

static MachineState *vl_create_machine(VLConfig *cfg)
{
    MachineClass *mc = NULL;
    MachineState *ms;
    Error *err = NULL;

    VL_FOREACH_OPT(cfg, o) {
        if (vl_is(o, "machine") || vl_is(o, "M")) {
            QemuOpts *opts = vl_parse_opts(o, "type");
            const char *type = qemu_opt_get(opts, "type");

            if ((type && (!strcmp(type, "help") || !strcmp(type, "?"))) ||
                (type == NULL && qemu_opt_has_help_opt(opts))) {
                machine_print_help(stdout);
                exit(0);
            }
            if (type) {
                mc = machine_find_class(type);
                if (mc == NULL) {
                    loc_set_cmdline(o->name, o->value);
                    error_report("unsupported machine type");
                    error_printf("Use -machine help to list supported "
                                 "machines\n");
                    exit(1);
                }
            }
            if (qemu_opt_has_help_opt(opts) && mc) {
                vl_print_object_props(OBJECT_CLASS(mc), stdout);
                exit(0);
            }
            qemu_opts_free(opts);
        }
    }
    if (mc == NULL) {
        mc = machine_default_class();
    }
    if (mc == NULL) {
        error_report("No machine specified, and there is no default");
        error_printf("Use -machine help to list supported machines\n");
        exit(1);
    }
    ms = MACHINE(object_new(object_class_get_name(OBJECT_CLASS(mc))));
    object_property_add_child(object_get_root(), "machine", OBJECT(ms));
    object_unref(ms);
    current_machine = ms;
    memory_map_init();

    VL_FOREACH_OPT(cfg, o) {
        if (vl_is(o, "machine") || vl_is(o, "M")) {
            QemuOpts *opts = vl_parse_opts(o, "type");

            if (qemu_opt_foreach(opts, vl_set_machine_prop, ms, &err) != 0) {
                vl_fail_err(o, err);
            }
            qemu_opts_free(opts);
        } else if (vl_is(o, "m")) {
            QemuOpts *opts = vl_parse_opts(o, "size");
            const char *size = qemu_opt_get(opts, "size");
            uint64_t bytes;

            if (size == NULL || qemu_strtosz_MiB(size, NULL, &bytes) < 0 ||
                bytes == 0) {
                vl_fail(o->name, o->value, "Invalid RAM size '%s'",
                        size ? size : "");
            }
            ms->ram_size = bytes;
            ms->maxram_size = bytes;
            qemu_opts_free(opts);
        } else if (vl_is(o, "kernel") || vl_is(o, "append") ||
                   vl_is(o, "initrd") || vl_is(o, "dtb") ||
                   vl_is(o, "bios")) {
            const char *prop = vl_is(o, "bios") ? "firmware" : o->name;

            if (!object_property_parse(OBJECT(ms), prop, o->value, &err)) {
                vl_fail_err(o, err);
            }
        } else if (vl_is(o, "smp")) {
            QemuOpts *opts = vl_parse_opts(o, "cpus");
            uint64_t n = qemu_opt_get_number(opts, "cpus", 1);

            if (n < 1 || n > (uint64_t)mc->max_cpus) {
                vl_fail(o->name, o->value, "Invalid SMP CPUs %" PRIu64
                        ". The max CPUs supported by machine '%s' is %d",
                        n, mc->name, mc->max_cpus);
            }
            ms->smp.cpus = n;
            ms->smp.max_cpus = n;
            qemu_opts_free(opts);
        }
    }
    return ms;
}

static void vl_register_globals(VLConfig *cfg)
{
    VL_FOREACH_OPT(cfg, o) {
        if (vl_is(o, "global")) {
            GlobalProperty *g = g_new0(GlobalProperty, 1);
            const char *eq = strchr(o->value, '=');
            const char *dot = strchr(o->value, '.');

            if (g_str_has_prefix(o->value, "driver=")) {
                QemuOpts *opts = vl_parse_opts(o, NULL);

                g->driver = g_strdup(qemu_opt_get(opts, "driver"));
                g->property = g_strdup(qemu_opt_get(opts, "property"));
                g->value = g_strdup(qemu_opt_get(opts, "value"));
                qemu_opts_free(opts);
            } else if (eq && dot && dot < eq) {
                g->driver = g_strndup(o->value, dot - o->value);
                g->property = g_strndup(dot + 1, eq - dot - 1);
                g->value = g_strdup(eq + 1);
            }
            if (!g->driver || !g->property || !g->value) {
                vl_fail(o->name, o->value,
                        "Invalid -global: expected driver.property=value");
            }
            qdev_prop_register_global(g);
        }
    }
}

static void vl_create_chardevs(VLConfig *cfg)
{
    Error *err = NULL;

    VL_FOREACH_OPT(cfg, o) {
        if (vl_is(o, "chardev")) {
            QemuOpts *opts;

            if (!strcmp(o->value, "help")) {
                qemu_chr_print_help(stdout);
                exit(0);
            }
            opts = vl_parse_opts(o, "backend");
            if (qemu_chr_new_from_opts(opts, NULL, &err) == NULL) {
                vl_fail_err(o, err);
            }
            qemu_opts_free(opts);
        }
    }
}

static int vl_opt_to_qdict(void *opaque, const char *name, const char *value,
                           Error **errp)
{
    qdict_put_str(opaque, name, value);
    return 0;
}

static void vl_create_objects(VLConfig *cfg)
{
    Error *err = NULL;

    VL_FOREACH_OPT(cfg, o) {
        if (vl_is(o, "object")) {
            QemuOpts *opts = vl_parse_opts(o, "qom-type");
            QDict *args = qdict_new();
            Object *obj;

            qemu_opt_foreach(opts, vl_opt_to_qdict, args, &error_abort);
            obj = user_creatable_add_qdict(args, &err);
            qobject_unref(args);
            qemu_opts_free(opts);
            /* The tree holds the only reference. */
            if (obj == NULL) {
                vl_fail_err(o, err);
            }
        }
    }
}

static int vl_monitor_count;

static void vl_add_monitor(const VLOption *o, const char *spec, bool control,
                           bool pretty)
{
    g_autofree char *label = g_strdup_printf("compat_monitor%d",
                                             vl_monitor_count++);
    Error *err = NULL;
    Chardev *chr = qemu_chr_new_mux_mon(label, spec, NULL, &err);

    if (chr == NULL || monitor_new(chr, control, pretty, &err) == NULL) {
        vl_fail_err(o, err);
    }
}

static void vl_create_monitors(VLConfig *cfg)
{
    Error *err = NULL;

    VL_FOREACH_OPT(cfg, o) {
        if (vl_is(o, "mon")) {
            QemuOpts *opts = vl_parse_opts(o, "chardev");

            if (!monitor_init_opts(opts, &err)) {
                vl_fail_err(o, err);
            }
            qemu_opts_free(opts);
        } else if (vl_is(o, "qmp") || vl_is(o, "qmp-pretty")) {
            vl_add_monitor(o, o->value, true, vl_is(o, "qmp-pretty"));
        } else if (vl_is(o, "monitor") && strcmp(o->value, "none") != 0) {
            vl_add_monitor(o, o->value, false, false);
        }
    }
}

/*
 * Serial ports.  Without an explicit -serial: -nographic multiplexes the
 * first port and an HMP monitor on stdio; otherwise (no display exists)
 * the port goes to the null back end, as QEMU does with -display none.
 */
static void vl_add_serial(const VLOption *o, const char *spec)
{
    g_autofree char *label = NULL;
    Error *err = NULL;
    Chardev *chr = NULL;

    if (nb_serial_hds >= MAX_SERIAL_PORTS) {
        vl_fail(o ? o->name : NULL, o ? o->value : NULL,
                "too many serial ports (at most %d)", MAX_SERIAL_PORTS);
    }
    if (strcmp(spec, "none") != 0) {
        label = g_strdup_printf("serial%d", nb_serial_hds);
        chr = qemu_chr_new_mux_mon(label, spec, NULL, &err);
        /*
         * "mon:DEV" shares DEV with an HMP monitor; it attaches now, so
         * the serial port, attached later by the board, gets the focus.
         */
        if (chr && g_str_has_prefix(spec, "mon:") &&
            monitor_new(chr, false, false, &err) == NULL) {
            chr = NULL;
        }
        if (chr == NULL) {
            if (o) {
                vl_fail_err(o, err);
            }
            error_report_err(err);
            exit(1);
        }
    }
    serial_hds[nb_serial_hds++] = chr;
}

static void vl_create_serials(VLConfig *cfg)
{
    MachineClass *mc = MACHINE_GET_CLASS(current_machine);

    VL_FOREACH_OPT(cfg, o) {
        if (vl_is(o, "serial")) {
            vl_add_serial(o, o->value);
        }
    }
    if (cfg->have_serial || cfg->nodefaults || mc->no_serial) {
        return;
    }
    if (cfg->nographic) {
        vl_add_serial(NULL, cfg->have_monitor ? "stdio" : "mon:stdio");
    } else {
        vl_add_serial(NULL, "null");
    }
}

static void vl_default_monitor(VLConfig *cfg)
{
    /* -nographic with -serial given: the monitor takes stdio. */
    if (cfg->nographic && cfg->have_serial && !cfg->have_monitor &&
        !cfg->nodefaults) {
        vl_add_monitor(NULL, "stdio", false, false);
    }
}

static void vl_init_accel(VLConfig *cfg, MachineState *ms)
{
    GPtrArray *names = g_ptr_array_new_with_free_func(g_free);
    GString *tried = g_string_new("");
    const char *machine_accel = NULL;
    AccelClass *found = NULL;
    guint i;

    VL_FOREACH_OPT(cfg, o) {
        if (vl_is(o, "accel") || vl_is(o, "enable-kvm")) {
            QemuOpts *opts;
            const char *name;

            if (vl_is(o, "enable-kvm")) {
                g_ptr_array_add(names, g_strdup("kvm"));
                continue;
            }
            if (!strcmp(o->value, "help") || !strcmp(o->value, "?")) {
                accel_print_help(stdout);
                exit(0);
            }
            opts = vl_parse_opts(o, "accel");
            name = qemu_opt_get(opts, "accel");
            if (name == NULL) {
                vl_fail(o->name, o->value, "Parameter 'accel' is missing");
            }
            g_ptr_array_add(names, g_strdup(name));
            qemu_opts_free(opts);
        } else if (vl_is(o, "machine") || vl_is(o, "M")) {
            QemuOpts *opts = vl_parse_opts(o, "type");

            if (qemu_opt_get(opts, "accel")) {
                machine_accel = g_intern_string(qemu_opt_get(opts, "accel"));
            }
            qemu_opts_free(opts);
        }
    }
    if (machine_accel) {
        g_auto(GStrv) list = NULL;

        if (names->len > 0) {
            error_report("The -accel and \"-machine accel=\" options are "
                         "incompatible");
            exit(1);
        }
        list = g_strsplit(machine_accel, ":", 0);
        for (i = 0; list[i]; i++) {
            g_ptr_array_add(names, g_strdup(list[i]));
        }
    }
    if (names->len == 0) {
        g_ptr_array_add(names, g_strdup("tcg"));
        g_ptr_array_add(names, g_strdup("kvm"));
    }
    for (i = 0; i < names->len && found == NULL; i++) {
        const char *name = g_ptr_array_index(names, i);
        AccelClass *ac = accel_find(name);
        AccelState *accel;
        int ret;

        if (ac == NULL) {
            g_string_append_printf(tried, "%s%s (not in this build)",
                                   tried->len ? ", " : "", name);
            continue;
        }
        accel = ACCEL(object_new_with_class(OBJECT_CLASS(ac)));
        ret = ac->init_machine(accel, ms);
        if (ret < 0) {
            g_string_append_printf(tried, "%s%s (%s)",
                                   tried->len ? ", " : "", name,
                                   ret == -ENOTSUP ?
                                   "no guest CPU model for this target" :
                                   g_strerror(-ret));
            object_unref(accel);
            continue;
        }
        if (ac->allowed) {
            *ac->allowed = true;
        }
        accel_set_current(accel);
        found = ac;
    }
    if (found == NULL) {
        g_autofree char *avail = accel_available_names();

        error_report("no accelerator found: tried %s; this build has %s",
                     tried->str, avail);
        exit(1);
    }
    g_string_free(tried, true);
    g_ptr_array_free(names, true);
}

static void vl_print_device_help(FILE *f)
{
    GSList *list = object_class_get_list_sorted(TYPE_DEVICE, false);
    GSList *l;

    fprintf(f, "Devices:\n");
    for (l = list; l; l = l->next) {
        DeviceClass *dc = l->data;

        if (!dc->user_creatable) {
            continue;
        }
        fprintf(f, "name \"%s\"%s%s%s\n",
                object_class_get_name(OBJECT_CLASS(dc)),
                dc->bus_type ? ", bus " : "",
                dc->bus_type ? dc->bus_type : "",
                dc->desc ? ", desc \"" : "");
        if (dc->desc) {
            fprintf(f, "%s\"\n", dc->desc);
        }
    }
    g_slist_free(list);
}

typedef struct VLDeviceProps {
    DeviceState *dev;
} VLDeviceProps;

static int vl_set_device_prop(void *opaque, const char *name,
                              const char *value, Error **errp)
{
    VLDeviceProps *p = opaque;

    if (!strcmp(name, "driver") || !strcmp(name, "id") ||
        !strcmp(name, "bus")) {
        return 0;
    }
    return object_property_parse(OBJECT(p->dev), name, value, errp) ? 0 : -1;
}

static BusState *vl_find_bus_of_type(BusState *bus, const char *type)
{
    GList *l;

    if (object_dynamic_cast(OBJECT(bus), type)) {
        return bus;
    }
    for (l = bus->children; l; l = l->next) {
        DeviceState *dev = l->data;
        GSList *b;

        for (b = dev->child_bus; b; b = b->next) {
            BusState *found = vl_find_bus_of_type(b->data, type);

            if (found) {
                return found;
            }
        }
    }
    return NULL;
}

/**
 * qdev_device_add_from_opts: the body of -device and device_add: create,
 * name, set properties, plug, realize.
 */
DeviceState *qdev_device_add_from_opts(QemuOpts *opts, Error **errp)
{
    const char *driver = qemu_opt_get(opts, "driver");
    const char *id = qemu_opt_get(opts, "id");
    MachineClass *mc = MACHINE_GET_CLASS(current_machine);
    ObjectClass *oc;
    DeviceClass *dc;
    DeviceState *dev;
    BusState *bus = NULL;
    VLDeviceProps props;

    if (driver == NULL) {
        error_setg(errp, "Parameter 'driver' is missing");
        return NULL;
    }
    oc = object_class_by_name(driver);
    if (oc == NULL || !object_class_dynamic_cast(oc, TYPE_DEVICE) ||
        object_class_is_abstract(oc)) {
        error_setg(errp, "'%s' is not a valid device model name", driver);
        return NULL;
    }
    dc = DEVICE_CLASS(oc);
    if (object_class_dynamic_cast(oc, TYPE_SYS_BUS_DEVICE)) {
        if (!device_type_is_dynamic_sysbus(mc, driver)) {
            error_setg(errp, "Option '-device %s' cannot be handled by this "
                       "machine", driver);
            return NULL;
        }
    } else if (!dc->user_creatable) {
        error_setg(errp, "Parameter 'driver' expects a pluggable device "
                   "type");
        return NULL;
    } else if (dc->bus_type) {
        bus = vl_find_bus_of_type(sysbus_get_default(), dc->bus_type);
        if (bus == NULL) {
            error_setg(errp, "No '%s' bus found for device '%s'",
                       dc->bus_type, driver);
            return NULL;
        }
    }
    if (id && object_resolve_path_component(
            machine_get_container("peripheral"), id)) {
        error_setg(errp, "Duplicate device ID '%s'", id);
        return NULL;
    }
    dev = qdev_new(driver);
    if (id) {
        dev->id = g_strdup(id);
        object_property_add_child(machine_get_container("peripheral"), id,
                                  OBJECT(dev));
    } else {
        object_property_add_child(machine_get_container("peripheral-anon"),
                                  "device[*]", OBJECT(dev));
    }
    props.dev = dev;
    if (qemu_opt_foreach(opts, vl_set_device_prop, &props, errp) != 0 ||
        !(bus ? qdev_realize(dev, bus, errp)
              : qdev_realize(dev, sysbus_get_default(), errp))) {
        object_unparent(OBJECT(dev));
        object_unref(dev);
        return NULL;
    }
    object_unref(dev);
    return dev;
}

static void vl_create_devices(VLConfig *cfg)
{
    Error *err = NULL;

    VL_FOREACH_OPT(cfg, o) {
        if (vl_is(o, "device")) {
            QemuOpts *opts;
            const char *driver;

            if (!strcmp(o->value, "help") || !strcmp(o->value, "?")) {
                vl_print_device_help(stdout);
                exit(0);
            }
            opts = vl_parse_opts(o, "driver");
            driver = qemu_opt_get(opts, "driver");
            if (driver && qemu_opt_has_help_opt(opts)) {
                ObjectClass *oc = object_class_by_name(driver);

                if (oc == NULL) {
                    vl_fail(o->name, o->value,
                            "'%s' is not a valid device model name", driver);
                }
                printf("%s options:\n", driver);
                vl_print_object_props(oc, stdout);
                exit(0);
            }
            if (qdev_device_add_from_opts(opts, &err) == NULL) {
                vl_fail_err(o, err);
            }
            qemu_opts_free(opts);
        }
    }
}

static gboolean vl_signal_handler(gpointer data)
{
    qemu_system_killed(GPOINTER_TO_INT(data), 0);
    return G_SOURCE_CONTINUE;
}

static void vl_mux_quit(void)
{
    qemu_system_shutdown_request(SHUTDOWN_CAUSE_HOST_UI);
}

/*
 * -rtc: clock= picks the clock the RTC follows (host wall time, host
 * monotonic time, or guest virtual time, which makes it deterministic
 * under qtest); base= only "utc" is implemented.
 */
static void vl_parse_rtc(const VLOption *o)
{
    QemuOpts *opts = vl_parse_opts(o, NULL);
    const char *clock = qemu_opt_get(opts, "clock");
    const char *base = qemu_opt_get(opts, "base");

    if (clock == NULL || !strcmp(clock, "host")) {
        rtc_clock = QEMU_CLOCK_HOST;
    } else if (!strcmp(clock, "rt")) {
        rtc_clock = QEMU_CLOCK_REALTIME;
    } else if (!strcmp(clock, "vm")) {
        rtc_clock = QEMU_CLOCK_VIRTUAL;
    } else {
        vl_fail(o->name, o->value, "Invalid option value '%s' for 'clock'",
                clock);
    }
    if (base && strcmp(base, "utc") != 0) {
        vl_fail(o->name, o->value, "base=%s is not supported (only utc)",
                base);
    }
    qemu_opts_free(opts);
}

static void vl_simple_options(VLConfig *cfg)
{
    cfg->autostart = true;
    VL_FOREACH_OPT(cfg, o) {
        if (vl_is(o, "h") || vl_is(o, "help")) {
            vl_print_help();
            exit(0);
        } else if (vl_is(o, "version")) {
            vl_print_version();
            exit(0);
        } else if (vl_is(o, "nodefaults")) {
            cfg->nodefaults = true;
        } else if (vl_is(o, "nographic")) {
            cfg->nographic = true;
        } else if (vl_is(o, "display")) {
            QemuOpts *opts = vl_parse_opts(o, "type");
            const char *type = qemu_opt_get(opts, "type");

            if (type == NULL || (strcmp(type, "none") != 0 &&
                                 strcmp(type, "default") != 0)) {
                vl_fail(o->name, o->value,
                        "Parameter 'type' does not accept value '%s' (only "
                        "'none' is available)", type ? type : "");
            }
            cfg->display_none = true;
            qemu_opts_free(opts);
        } else if (vl_is(o, "S")) {
            cfg->autostart = false;
        } else if (vl_is(o, "incoming")) {
            cfg->incoming = o->value;
        } else if (vl_is(o, "dump-vmstate")) {
            cfg->dump_vmstate = o->value;
        } else if (vl_is(o, "preconfig")) {
            cfg->preconfig = true;
        } else if (vl_is(o, "serial")) {
            cfg->have_serial = true;
            if (g_str_has_prefix(o->value, "mon:")) {
                cfg->have_monitor = true;
            }
        } else if (vl_is(o, "mon") || vl_is(o, "qmp") ||
                   vl_is(o, "qmp-pretty") || vl_is(o, "monitor")) {
            cfg->have_monitor = true;
        } else if (vl_is(o, "name")) {
            QemuOpts *opts = vl_parse_opts(o, "guest");

            qemu_name = g_strdup(qemu_opt_get(opts, "guest"));
            qemu_opts_free(opts);
        } else if (vl_is(o, "qtest")) {
            cfg->qtest_chrdev = o->value;
        } else if (vl_is(o, "qtest-log")) {
            cfg->qtest_log = o->value;
        } else if (vl_is(o, "no-shutdown")) {
            no_shutdown = true;
        } else if (vl_is(o, "no-reboot")) {
            no_reboot = true;
        } else if (vl_is(o, "pidfile")) {
            cfg->pidfile = o->value;
        } else if (vl_is(o, "cpu")) {
            cfg->cpu = o->value;
        } else if (vl_is(o, "echr")) {
            uint64_t c;

            if (qemu_strtou64(o->value, NULL, 0, &c) < 0 || c > 255) {
                vl_fail(o->name, o->value, "Invalid escape character");
            }
            term_escape_char = c;
        } else if (vl_is(o, "rtc")) {
            vl_parse_rtc(o);
        } else if (vl_is(o, "run-with")) {
            QemuOpts *opts = vl_parse_opts(o, NULL);

            if (qemu_opt_get_bool(opts, "exit-with-parent", false)) {
                prctl(PR_SET_PDEATHSIG, SIGTERM);
            }
            qemu_opts_free(opts);
        }
    }
}

/* "-cpu help": the CPU models, named as -cpu takes them. */
static void vl_print_cpu_models(FILE *f)
{
    GSList *list = object_class_get_list_sorted(TYPE_CPU, false);
    g_autofree char *suffix = g_strdup_printf("-%s-cpu",
                                              !strcmp(target_name(),
                                                      "aarch64") ?
                                              "arm" : target_name());
    GSList *l;

    fprintf(f, "Available CPUs:\n");
    if (list == NULL) {
        fprintf(f, "  (none: this target has no guest CPU model yet)\n");
    }
    for (l = list; l; l = l->next) {
        const char *name = object_class_get_name(l->data);

        if (g_str_has_suffix(name, suffix)) {
            fprintf(f, "  %.*s\n", (int)(strlen(name) - strlen(suffix)),
                    name);
        } else {
            fprintf(f, "  %s\n", name);
        }
    }
    g_slist_free(list);
}

static void vl_write_pidfile(const char *path)
{
    g_autofree char *text = g_strdup_printf("%d\n", getpid());
    GError *gerr = NULL;

    if (!g_file_set_contents(path, text, -1, &gerr)) {
        error_report("cannot create PID file: %s", gerr->message);
        g_error_free(gerr);
        exit(1);
    }
}

int qemu_main(int argc, char **argv)
{
    VLConfig cfg = { 0 };
    MachineState *ms;
    MachineClass *mc;
    Error *err = NULL;

    error_set_progname(argv[0]);
    signal(SIGPIPE, SIG_IGN);
    module_call_init(MODULE_INIT_QOM);
    module_call_init(MODULE_INIT_TRACE);
    qemu_init_main_loop(&error_fatal);
    migration_init();

    vl_parse_argv(&cfg, argc, argv);
    vl_simple_options(&cfg);
    vl_setup_logging(&cfg);
    if (cfg.cpu && (!strcmp(cfg.cpu, "help") || !strcmp(cfg.cpu, "?"))) {
        vl_print_cpu_models(stdout);
        exit(0);
    }

    ms = vl_create_machine(&cfg);
    mc = MACHINE_GET_CLASS(ms);
    if (cfg.dump_vmstate) {
        FILE *f = fopen(cfg.dump_vmstate, "w");

        if (!f) {
            error_report("cannot open %s: %s", cfg.dump_vmstate,
                         strerror(errno));
            exit(1);
        }
        dump_vmstate_json_to_file(f);
        fclose(f);
        exit(0);
    }
    if (cfg.cpu) {
        ms->cpu_type = g_strdup(cfg.cpu);
    }
    vl_register_globals(&cfg);
    monitor_register_core_commands();
    runstate_register_commands();
    mux_quit_hook = vl_mux_quit;
    mux_chr_defer_open_events();

    vl_create_chardevs(&cfg);
    vl_create_objects(&cfg);
    if (cfg.qtest_chrdev &&
        !qtest_server_init(cfg.qtest_chrdev, cfg.qtest_log, &err)) {
        loc_set_cmdline("qtest", cfg.qtest_chrdev);
        error_report_err(err);
        exit(1);
    }
    vl_create_monitors(&cfg);
    if (cfg.preconfig && !qemu_preconfig_loop()) {
        monitor_cleanup();
        qemu_chr_cleanup();
        return 0;
    }
    vl_init_accel(&cfg, ms);
    /* With a guest CPU, virtual time passes only once the VM runs. */
    if (!qemu_clock_virtual_is_driven()) {
        qemu_clock_enable(QEMU_CLOCK_VIRTUAL, false);
    }
    vl_create_serials(&cfg);
    vl_default_monitor(&cfg);

    if (mc->init) {
        mc->init(ms);
    }
    vl_create_devices(&cfg);
    qdev_prop_check_globals();
    qdev_machine_creation_done();
    mux_chr_realize_done();
    qemu_system_reset(SHUTDOWN_CAUSE_NONE);

    if (cfg.pidfile) {
        vl_write_pidfile(cfg.pidfile);
    }
    g_unix_signal_add(SIGTERM, vl_signal_handler, GINT_TO_POINTER(SIGTERM));
    g_unix_signal_add(SIGINT, vl_signal_handler, GINT_TO_POINTER(SIGINT));
    g_unix_signal_add(SIGHUP, vl_signal_handler, GINT_TO_POINTER(SIGHUP));

    migration_set_autostart(cfg.autostart);
    if (cfg.incoming) {
        if (!migration_incoming_start(cfg.incoming, &err)) {
            loc_set_cmdline("incoming", cfg.incoming);
            error_report_err(err);
            exit(1);
        }
    } else if (cfg.autostart) {
        vm_start();
    } else {
        runstate_set(RUN_STATE_PRELAUNCH);
    }

    qemu_main_loop();

    pause_all_vcpus();
    monitor_cleanup();
    qemu_chr_cleanup();
    if (cfg.pidfile) {
        unlink(cfg.pidfile);
    }
    g_array_free(cfg.opts, true);
    return 0;
}
