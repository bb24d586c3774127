/*
 * Monitors: creation, the monitor list, output queueing and flushing.
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * Output never blocks the main loop: what the chardev does not take at
 * once stays queued and a G_IO_OUT watch resumes the transfer.  While a
 * large backlog waits for a slow client, input is not read, so the
 * backlog cannot grow without bound; nothing is dropped unless the peer
 * disconnects.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "qemu/option.h"
#include "monitor/monitor-internal.h"

/* Retry period when the back end offers no write watch. */

static GPtrArray *monitors;
static Monitor *cur_mon;

Monitor *monitor_cur(void)
{
    return cur_mon;
}

Monitor *monitor_set_cur(Monitor *mon)
{
    Monitor *old = cur_mon;

    cur_mon = mon;
    return old;
}

void monitor_data_init(Monitor *mon, bool is_qmp, bool pretty)
{
    mon->is_qmp = is_qmp;
    mon->pretty = pretty;
    mon->outbuf = g_string_new(NULL);
}

/* Remove a GSource of our chardev by tag, whichever context holds it. */
static void monitor_source_remove(Monitor *mon, guint *tag)
{
    GMainContext *ctx = NULL;
    GSource *src;

    if (*tag == 0) {
        return;
    }
    if (mon->has_chr && mon->chr.chr) {
        ctx = mon->chr.chr->gcontext;
    }
    src = g_main_context_find_source_by_id(ctx, *tag);
    if (!src && ctx) {
        src = g_main_context_find_source_by_id(NULL, *tag);
    }
    if (src) {
        g_source_destroy(src);
    }
    *tag = 0;
}

void monitor_data_destroy(Monitor *mon)
{
    monitor_source_remove(mon, &mon->out_watch);
    if (mon->has_chr) {
        qemu_chr_fe_deinit(&mon->chr, false);
    }
    if (mon->parser) {
        json_message_parser_free(mon->parser);
    }
    if (mon->line) {
        g_string_free(mon->line, true);
    }
    g_string_free(mon->outbuf, true);
}

void monitor_discard_output(Monitor *mon)
{
    g_string_truncate(mon->outbuf, 0);
    monitor_source_remove(mon, &mon->out_watch);
}

static gboolean monitor_unblocked(void *do_not_use, GIOCondition cond,
                                  void *opaque)
{
    Monitor *mon = opaque;

    mon->out_watch = 0;
    monitor_flush(mon);
    return G_SOURCE_REMOVE;
}

void monitor_flush(Monitor *mon)
{
    int len, rc;

    if (!mon->has_chr || mon->mux_out || mon->out_watch) {
        return;
    }
    if (mon->outbuf->len) {
        len = MIN(mon->outbuf->len, (gsize)INT_MAX);
        rc = qemu_chr_fe_write(&mon->chr, (const uint8_t *)mon->outbuf->str,
                               len);
        if (rc < 0) {
            /* The peer is gone: its output goes with it. */
            g_string_truncate(mon->outbuf, 0);
        } else if (rc > 0) {
            g_string_erase(mon->outbuf, 0, rc);
        }
    }
    if (mon->outbuf->len) {
        mon->out_watch = qemu_chr_fe_add_watch(&mon->chr,
                                               G_IO_OUT | G_IO_HUP,
                                               monitor_unblocked, mon);
    }
    if (mon->input_throttled &&
        mon->outbuf->len < MONITOR_OUTPUT_HIGH_WATER) {
        mon->input_throttled = false;
        qemu_chr_fe_accept_input(&mon->chr);
    }
}

int monitor_can_read_common(Monitor *mon)
{
    if (mon->outbuf->len >= MONITOR_OUTPUT_HIGH_WATER) {
        mon->input_throttled = true;
        return 0;
    }
    return CHR_READ_BUF_LEN;
}

void monitor_puts(Monitor *mon, const char *str)
{
    const char *nl;

    if (!mon) {
        return;
    }
    if (mon->has_chr && !mon->connected) {
        /* Nobody listens; a new session starts with a greeting. */
        return;
    }
    while ((nl = strchr(str, '\n'))) {
        g_string_append_len(mon->outbuf, str, nl - str);
        g_string_append(mon->outbuf, "\r\n");
        str = nl + 1;
    }
    g_string_append(mon->outbuf, str);
    monitor_flush(mon);
}

int monitor_vprintf(Monitor *mon, const char *fmt, va_list ap)
{
    g_autofree char *buf = NULL;

    if (!mon || mon->is_qmp) {
        return -1;
    }
    buf = g_strdup_vprintf(fmt, ap);
    monitor_puts(mon, buf);
    return strlen(buf);
}

int monitor_printf(Monitor *mon, const char *fmt, ...)
{
    va_list ap;
    int ret;

    va_start(ap, fmt);
    ret = monitor_vprintf(mon, fmt, ap);
    va_end(ap);
    return ret;
}

void monitor_list_add(Monitor *mon)
{
    if (!monitors) {
        monitors = g_ptr_array_new();
    }
    g_ptr_array_add(monitors, mon);
}

void monitor_foreach(void (*fn)(Monitor *mon, void *opaque), void *opaque)
{
    guint i;

    for (i = 0; monitors && i < monitors->len; i++) {
        fn(g_ptr_array_index(monitors, i), opaque);
    }
}

Monitor *monitor_new(Chardev *chr, bool control, bool pretty, Error **errp)
{
    Monitor *mon = g_new0(Monitor, 1);

    if (!qemu_chr_fe_init(&mon->chr, chr, errp)) {
        g_free(mon);
        return NULL;
    }
    mon->has_chr = true;
    monitor_data_init(mon, control, pretty);
    monitor_list_add(mon);
    if (control) {
        monitor_init_qmp(mon);
    } else {
        monitor_init_hmp(mon);
    }
    return mon;
}

static const char *const monitor_mode_values[] = {
    "readline", "control", NULL
};

static int monitor_check_opt(void *opaque, const char *name,
                             const char *value, Error **errp)
{
    static const char *const known[] = {
        "chardev", "mode", "pretty", "id", NULL
    };
    const char *const *k;

    for (k = known; *k; k++) {
        if (strcmp(*k, name) == 0) {
            return 0;
        }
    }
    error_setg(errp, "Invalid parameter '%s'", name);
    return -1;
}

bool monitor_init_opts(QemuOpts *opts, Error **errp)
{
    const char *id = qemu_opt_get(opts, "chardev");
    const char *mode = qemu_opt_get(opts, "mode");
    bool pretty = false;
    bool control = false;
    Chardev *chr;

    if (qemu_opt_foreach(opts, monitor_check_opt, NULL, errp)) {
        return false;
    }
    if (!id) {
        error_setg(errp, "Parameter 'chardev' is missing");
        return false;
    }
    if (mode) {
        if (strcmp(mode, monitor_mode_values[1]) == 0) {
            control = true;
        } else if (strcmp(mode, monitor_mode_values[0]) != 0) {
            error_setg(errp, "Parameter 'mode' does not accept value '%s'",
                       mode);
            return false;
        }
    }
    if (!qemu_opt_get_bool_err(opts, "pretty", &pretty, errp)) {
        return false;
    }
    chr = qemu_chr_find(id);
    if (!chr) {
        error_setg(errp, "chardev \"%s\" not found", id);
        return false;
    }
    if (pretty && !control) {
        error_setg(errp, "'pretty' is not compatible with HMP monitors");
        return false;
    }
    return monitor_new(chr, control, pretty, errp) != NULL;
}

/* Give the peer up to this long to take the last replies at exit. */
#define MONITOR_EXIT_FLUSH_US (G_USEC_PER_SEC / 2)

static void monitor_flush_at_exit(Monitor *mon)
{
    gint64 deadline = g_get_monotonic_time() + MONITOR_EXIT_FLUSH_US;
    int rc;

    monitor_source_remove(mon, &mon->out_watch);
    /*
     * Output held for a monitor without the mux focus was never meant to
     * be seen yet; QEMU drops it at exit too.
     */
    while (mon->has_chr && mon->connected && !mon->mux_out &&
           mon->outbuf->len && g_get_monotonic_time() < deadline) {
        rc = qemu_chr_fe_write(&mon->chr,
                               (const uint8_t *)mon->outbuf->str,
                               MIN(mon->outbuf->len, (gsize)INT_MAX));
        if (rc < 0) {
            break;
        }
        g_string_erase(mon->outbuf, 0, rc);
        if (mon->outbuf->len) {
            g_usleep(1000);
        }
    }
}

void monitor_cleanup(void)
{
    Monitor *mon;

    if (!monitors) {
        return;
    }
    while (monitors->len) {
        mon = g_ptr_array_steal_index(monitors, monitors->len - 1);
        monitor_flush_at_exit(mon);
        monitor_data_destroy(mon);
        g_free(mon);
    }
    g_ptr_array_free(monitors, true);
    monitors = NULL;
}

void monitor_register_core_commands(void)
{
    qmp_register_core();
    hmp_register_core();
}
