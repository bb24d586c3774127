/*
 * Trace events: the registry, run-time state and the -trace option.
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * The registry is filled at MODULE_INIT_TRACE time and never shrinks,
 * so an event's id is its index.  Run-time states are plain globals read
 * by the generated trace_<event>() functions without locking: a switch
 * reaches other threads a little late at worst.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "qemu/cutils.h"
#include "qemu/error-report.h"
#include "qemu/log.h"
#include "qemu/module.h"
#include "qemu/option.h"
#include "qemu/thread.h"
#include "trace/control.h"
#include "trace/trace-config.h"

static GPtrArray *trace_events;     /* TraceEvent *, by id */
static char *trace_opts_file;       /* the last -trace file= */

void trace_event_register_group(TraceEvent **events)
{
    if (!trace_events) {
        trace_events = g_ptr_array_new();
    }
    for (; *events; events++) {
        (*events)->id = trace_events->len;
        g_ptr_array_add(trace_events, *events);
    }
}

TraceEvent *trace_event_name(const char *name)
{
    guint i;

    for (i = 0; trace_events && i < trace_events->len; i++) {
        TraceEvent *ev = g_ptr_array_index(trace_events, i);

        if (g_str_equal(ev->name, name)) {
            return ev;
        }
    }
    return NULL;
}

bool trace_event_is_pattern(const char *str)
{
    return strpbrk(str, "*?") != NULL;
}

void trace_event_iter_init_all(TraceEventIter *iter)
{
    iter->index = 0;
    iter->pattern = NULL;
}

void trace_event_iter_init_pattern(TraceEventIter *iter,
                                   const char *pattern)
{
    iter->index = 0;
    iter->pattern = pattern;
}

TraceEvent *trace_event_iter_next(TraceEventIter *iter)
{
    while (trace_events && iter->index < trace_events->len) {
        TraceEvent *ev = g_ptr_array_index(trace_events, iter->index++);

        if (!iter->pattern ||
            g_pattern_match_simple(iter->pattern, ev->name)) {
            return ev;
        }
    }
    return NULL;
}

void trace_event_set_state_dynamic(TraceEvent *ev, bool state)
{
    assert(trace_event_get_state_static(ev));
    *ev->dstate = state;
#ifdef CONFIG_TRACE_LOG
    if (state && !qemu_loglevel_mask(LOG_TRACE)) {
        /* The file named by -D cannot be opened: stderr takes the lines. */
        qemu_set_log(qemu_loglevel | LOG_TRACE, NULL);
    }
#endif
}

static gint trace_compare_names(gconstpointer a, gconstpointer b)
{
    const TraceEvent *ea = *(const TraceEvent *const *)a;
    const TraceEvent *eb = *(const TraceEvent *const *)b;

    return strcmp(ea->name, eb->name);
}

void trace_list_events(FILE *f)
{
    g_autoptr(GPtrArray) sorted = g_ptr_array_new();
    TraceEventIter iter;
    TraceEvent *ev;
    guint i;

    trace_event_iter_init_all(&iter);
    while ((ev = trace_event_iter_next(&iter)) != NULL) {
        g_ptr_array_add(sorted, ev);
    }
    g_ptr_array_sort(sorted, trace_compare_names);
    for (i = 0; i < sorted->len; i++) {
        fprintf(f, "%s\n",
                trace_event_get_name(g_ptr_array_index(sorted, i)));
    }
}

void trace_enable_events(const char *line)
{
    bool enable = line[0] != '-';
    const char *pattern = enable ? line : line + 1;
    bool is_pattern = trace_event_is_pattern(pattern);
    TraceEventIter iter;
    TraceEvent *ev;

    if (is_help_option(line)) {
        trace_list_events(stdout);
        exit(0);
    }
    if (!is_pattern) {
        ev = trace_event_name(pattern);
        if (!ev) {
            warn_report("trace event '%s' does not exist", pattern);
        } else if (!trace_event_get_state_static(ev)) {
            warn_report("trace event '%s' is not traceable", pattern);
        } else {
            trace_event_set_state_dynamic(ev, enable);
        }
        return;
    }
    trace_event_iter_init_pattern(&iter, pattern);
    while ((ev = trace_event_iter_next(&iter)) != NULL) {
        if (trace_event_get_state_static(ev)) {
            trace_event_set_state_dynamic(ev, enable);
        }
    }
}

bool trace_init_events(const char *fname, Error **errp)
{
    g_autofree char *text = NULL;
    g_auto(GStrv) lines = NULL;
    GError *gerr = NULL;
    char **p;

    if (!g_file_get_contents(fname, &text, NULL, &gerr)) {
        error_setg(errp, "could not open trace events file '%s': %s",
                   fname, gerr->message);
        g_error_free(gerr);
        return false;
    }
    lines = g_strsplit(text, "\n", -1);
    for (p = lines; *p; p++) {
        char *line = g_strstrip(*p);

        if (line[0] == '\0' || line[0] == '#') {
            continue;
        }
        trace_enable_events(line);
    }
    return true;
}

/* The keys -trace knows; anything else is refused. */
static int trace_opt_check_key(void *opaque, const char *name,
                               const char *value, Error **errp)
{
    if (!g_str_equal(name, "enable") && !g_str_equal(name, "events") &&
        !g_str_equal(name, "file")) {
        error_setg(errp, "Invalid parameter '%s'", name);
        return -1;
    }
    return 0;
}

bool trace_opt_parse(const char *optarg, Error **errp)
{
    g_autoptr(QemuOpts) opts = qemu_opts_parse(optarg, "enable", errp);
    const char *enable, *events, *file;

    if (!opts) {
        return false;
    }
    enable = qemu_opt_get(opts, "enable");
    if (qemu_opt_has_help_opt(opts) || (enable && is_help_option(enable))) {
        trace_list_events(stdout);
        exit(0);
    }
    if (qemu_opt_foreach(opts, trace_opt_check_key, NULL, errp)) {
        return false;
    }
    if (enable) {
        trace_enable_events(enable);
    }
    events = qemu_opt_get(opts, "events");
    if (events && !trace_init_events(events, errp)) {
        return false;
    }
    file = qemu_opt_get(opts, "file");
    if (file) {
        g_free(trace_opts_file);
        trace_opts_file = g_strdup(file);
    }
    return true;
}

void trace_init_file(void)
{
    if (!trace_opts_file) {
        return;
    }
#ifdef CONFIG_TRACE_LOG
    qemu_set_log_filename(trace_opts_file, &error_fatal);
#else
    error_report("-trace file=...: option not supported by the selected "
                 "tracing backends");
    exit(1);
#endif
}

bool trace_init_backends(Error **errp)
{
    /* Neither back end needs a thread or a file of its own. */
    return true;
}

void trace_log_line(const char *name, const char *fmt, ...)
{
    g_autofree char *msg = NULL;
    va_list ap;

    va_start(ap, fmt);
    msg = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    if (message_with_timestamp) {
        struct timeval tv;

        gettimeofday(&tv, NULL);
        qemu_log("%d@%lld.%06ld:%s %s\n", qemu_get_thread_id(),
                 (long long)tv.tv_sec, (long)tv.tv_usec, name, msg);
    } else {
        qemu_log("%s %s\n", name, msg);
    }
}

/* "-d trace:PATTERN" reaches us through util/log.c. */
static bool trace_log_pattern(const char *pattern, Error **errp)
{
    trace_enable_events(pattern);
    return true;
}

static void trace_control_init(void)
{
    qemu_log_trace_pattern_cb = trace_log_pattern;
}
trace_init(trace_control_init)
