/*
 * Monitor commands of the tracing layer: QMP trace-event-get-state and
 * trace-event-set-state, HMP trace-event and info trace-events.
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * @name is an event name or a glob.  An exact name must exist (and, when
 * setting, be compiled in unless @ignore-unavailable); a glob may match
 * nothing.  Events marked "disable" report "unavailable".  The old @vcpu
 * argument is accepted and ignored: there are no per-vCPU events.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "qapi/qmp-registry.h"
#include "qemu/module.h"
#include "monitor/monitor.h"
#include "trace/control.h"

/* Refuse an unknown exact name, or an untraceable one unless @ignore. */
static bool trace_qmp_check(const char *name, bool ignore, Error **errp)
{
    TraceEventIter iter;
    TraceEvent *ev;

    if (!trace_event_is_pattern(name)) {
        ev = trace_event_name(name);
        if (!ev) {
            error_setg(errp, "unknown event \"%s\"", name);
            return false;
        }
        if (!ignore && !trace_event_get_state_static(ev)) {
            error_setg(errp, "event \"%s\" is not traceable", name);
            return false;
        }
        return true;
    }
    trace_event_iter_init_pattern(&iter, name);
    while ((ev = trace_event_iter_next(&iter)) != NULL) {
        if (!ignore && !trace_event_get_state_static(ev)) {
            error_setg(errp, "event \"%s\" is not traceable", name);
            return false;
        }
    }
    return true;
}

static const char *trace_qmp_state_name(const TraceEvent *ev)
{
    if (!trace_event_get_state_static(ev)) {
        return "unavailable";
    }
    return trace_event_get_state_dynamic(ev) ? "enabled" : "disabled";
}

static QList *trace_qmp_get_state(const char *name, Error **errp)
{
    TraceEventIter iter;
    TraceEvent *ev;
    QList *list;

    if (!trace_qmp_check(name, true, errp)) {
        return NULL;
    }
    list = qlist_new();
    trace_event_iter_init_pattern(&iter, name);
    while ((ev = trace_event_iter_next(&iter)) != NULL) {
        QDict *info = qdict_new();

        qdict_put_str(info, "name", trace_event_get_name(ev));
        qdict_put_str(info, "state", trace_qmp_state_name(ev));
        qlist_append(list, info);
    }
    return list;
}

static bool trace_qmp_set_state(const char *name, bool enable,
                                bool ignore_unavailable, Error **errp)
{
    TraceEventIter iter;
    TraceEvent *ev;

    if (!trace_qmp_check(name, ignore_unavailable, errp)) {
        return false;
    }
    trace_event_iter_init_pattern(&iter, name);
    while ((ev = trace_event_iter_next(&iter)) != NULL) {
        if (trace_event_get_state_static(ev)) {
            trace_event_set_state_dynamic(ev, enable);
        }
    }
    return true;
}

static void qmp_trace_event_get_state(QDict *args, QObject **ret,
                                      Error **errp)
{
    QList *list = trace_qmp_get_state(qdict_get_str(args, "name"), errp);

    if (list) {
        *ret = QOBJECT(list);
    }
}

static void qmp_trace_event_set_state(QDict *args, QObject **ret,
                                      Error **errp)
{
    trace_qmp_set_state(qdict_get_str(args, "name"),
                        qdict_get_bool(args, "enable"),
                        qdict_get_try_bool(args, "ignore-unavailable", false),
                        errp);
}

static const QmpArgSpec trace_get_state_args[] = {
    { "name", QMP_ARG_STR },
    { "vcpu", QMP_ARG_INT, true },
    { NULL }
};

static const QmpArgSpec trace_set_state_args[] = {
    { "name", QMP_ARG_STR },
    { "enable", QMP_ARG_BOOL },
    { "ignore-unavailable", QMP_ARG_BOOL, true },
    { "vcpu", QMP_ARG_INT, true },
    { NULL }
};

static const QmpCommand trace_qmp_commands[] = {
    { "trace-event-get-state", qmp_trace_event_get_state,
      trace_get_state_args, QCO_ALLOW_PRECONFIG },
    { "trace-event-set-state", qmp_trace_event_set_state,
      trace_set_state_args, QCO_ALLOW_PRECONFIG },
};

/* Argument errors, worded as QEMU's HMP argument parser words them. */
static void hmp_trace_event_usage(Monitor *mon, const char *what)
{
    monitor_printf(mon, "%s\nTry \"help trace-event\" for more "
                   "information\n", what);
}

/* trace-event NAME on|off */
static void hmp_trace_event(Monitor *mon, const QDict *qdict)
{
    g_auto(GStrv) words = g_strsplit_set(qdict_get_str(qdict, "args"),
                                         " \t", -1);
    g_autoptr(GPtrArray) used = g_ptr_array_new();
    Error *err = NULL;
    const char *state;
    char **p;

    for (p = words; *p; p++) {
        if (**p) {
            g_ptr_array_add(used, *p);
        }
    }
    if (used->len == 0) {
        hmp_trace_event_usage(mon, "trace-event: string expected");
        return;
    }
    state = used->len > 1 ? g_ptr_array_index(used, 1) : "";
    if (strcmp(state, "on") && strcmp(state, "off")) {
        hmp_trace_event_usage(mon, "Expected 'on' or 'off'");
        return;
    }
    if (used->len > 2) {
        hmp_trace_event_usage(mon, "trace-event: too many arguments");
        return;
    }
    if (!trace_qmp_set_state(g_ptr_array_index(used, 0),
                             g_str_equal(state, "on"), true, &err)) {
        monitor_printf(mon, "%s\n", error_get_pretty(err));
        error_free(err);
    }
}

/* info trace-events [PATTERN]: "disable"d events show as state 0. */
static void hmp_info_trace_events(Monitor *mon, const QDict *qdict)
{
    const char *pattern = qdict_get_str(qdict, "args");
    TraceEventIter iter;
    TraceEvent *ev;
    Error *err = NULL;

    if (!*pattern) {
        pattern = "*";
    }
    if (!trace_qmp_check(pattern, true, &err)) {
        monitor_printf(mon, "%s\n", error_get_pretty(err));
        error_free(err);
        return;
    }
    trace_event_iter_init_pattern(&iter, pattern);
    while ((ev = trace_event_iter_next(&iter)) != NULL) {
        monitor_printf(mon, "%s : state %d\n", trace_event_get_name(ev),
                       trace_event_get_state_static(ev) &&
                       trace_event_get_state_dynamic(ev));
    }
}

static const HMPCommand trace_hmp_command = {
    "trace-event", "name on|off",
    "changes status of a specific trace event", hmp_trace_event,
};

static const HMPCommand trace_hmp_info = {
    "trace-events", "[name]",
    "show available trace-events & their state", hmp_info_trace_events,
};

static void trace_monitor_register(void)
{
    qmp_register_commands(trace_qmp_commands,
                          ARRAY_SIZE(trace_qmp_commands));
    hmp_register_command(&trace_hmp_command);
    hmp_register_info(&trace_hmp_info);
}
trace_init(trace_monitor_register)
