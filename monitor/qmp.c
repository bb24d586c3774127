/*
 * The QMP server: greeting, capabilities negotiation, requests, events.
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * Each opening of the chardev starts a session: greeting, then
 * negotiation mode until qmp_capabilities succeeds.  Bytes go through a
 * JSON streamer; every complete value is one request, answered at once
 * and in order (commands run synchronously, so an exec-oob request is
 * answered in arrival order too).  Replies and events are one line of
 * JSON each, or pretty JSON, with \r\n line ends.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "monitor/monitor-internal.h"

/* The monitor whose request is being dispatched. */
static Monitor *qmp_cur_mon;

void monitor_qmp_send(Monitor *mon, QDict *msg)
{
    g_autofree char *json = NULL;
    g_autofree char *line = NULL;

    json = mon->pretty ? qobject_to_json_pretty(msg, true)
                       : qobject_to_json(msg);
    line = g_strconcat(json, "\n", NULL);
    monitor_puts(mon, line);
}

/* Accept @enable for qmp_cur_mon and enter command mode. */
static bool monitor_qmp_accept_caps(QList *enable, Error **errp)
{
    Monitor *mon = qmp_cur_mon;
    g_autoptr(GString) unavailable = g_string_new(NULL);
    bool oob = false;
    QObject *cap;
    size_t i;

    for (i = 0; enable && i < qlist_size(enable); i++) {
        cap = qlist_get(enable, i);
        /* "oob" is the only capability the schema knows. */
        if (!mon || !mon->oob_offered) {
            g_string_append_printf(unavailable, "%s%s",
                                   unavailable->len ? ", " : "",
                                   qstring_get_str(cap));
        }
        oob = true;
    }
    if (unavailable->len) {
        error_setg(errp, "Capability %s not available", unavailable->str);
        return false;
    }
    if (mon) {
        mon->oob_enabled = oob;
        mon->negotiating = false;
    }
    return true;
}

/*
 * A chardev may report the peer gone from inside our own write, that is
 * while the streamer is feeding us; it is freed once the feed returns.
 */
static void monitor_qmp_reset(Monitor *mon)
{
    if (mon->feeding) {
        mon->parser_stale = true;
    } else if (mon->parser) {
        json_message_parser_free(mon->parser);
        mon->parser = NULL;
    }
    mon->negotiating = true;
    mon->oob_enabled = false;
    monitor_discard_output(mon);
}

static void monitor_qmp_handle(void *opaque, QObject *req, Error *err)
{
    Monitor *mon = opaque;
    Monitor *old_cur = qmp_cur_mon;
    QDict *rsp;

    if (mon->parser_stale) {
        qobject_unref(req);
        error_free(err);
        return;
    }
    if (err) {
        rsp = qmp_error_response(err);
    } else {
        qmp_cur_mon = mon;
        rsp = qmp_dispatch(req, mon->oob_enabled, mon->negotiating);
        qmp_cur_mon = old_cur;
        qobject_unref(req);
    }
    monitor_qmp_send(mon, rsp);
    qobject_unref(rsp);
}

static void monitor_qmp_greet(Monitor *mon)
{
    QDict *greeting = qdict_new();
    QDict *qmp = qdict_new();
    QList *caps = qlist_new();

    if (mon->oob_offered) {
        qlist_append_str(caps, "oob");
    }
    qdict_put(qmp, "version", qmp_query_version_dict());
    qdict_put(qmp, "capabilities", caps);
    qdict_put(greeting, "QMP", qmp);
    monitor_qmp_send(mon, greeting);
    qobject_unref(greeting);
}

static int monitor_qmp_can_read(void *opaque)
{
    return monitor_can_read_common(opaque);
}

static void monitor_qmp_read(void *opaque, const uint8_t *buf, int size)
{
    Monitor *mon = opaque;

    if (!mon->parser) {
        mon->parser = json_message_parser_new(monitor_qmp_handle, mon);
    }
    mon->feeding = true;
    json_message_parser_feed(mon->parser, (const char *)buf, size);
    mon->feeding = false;
    if (mon->parser_stale) {
        json_message_parser_free(mon->parser);
        mon->parser = NULL;
        mon->parser_stale = false;
    }
}

static void monitor_qmp_event(void *opaque, QEMUChrEvent event)
{
    Monitor *mon = opaque;

    switch (event) {
    case CHR_EVENT_OPENED:
        monitor_qmp_reset(mon);
        mon->connected = true;
        monitor_qmp_greet(mon);
        break;
    case CHR_EVENT_CLOSED:
        monitor_qmp_reset(mon);
        mon->connected = false;
        break;
    default:
        break;
    }
}

static void monitor_qmp_emit_one(Monitor *mon, void *opaque)
{
    if (mon->is_qmp && mon->connected && !mon->negotiating) {
        monitor_qmp_send(mon, opaque);
    }
}

static void monitor_qmp_broadcast(QDict *event)
{
    monitor_foreach(monitor_qmp_emit_one, event);
}

/*
 * Out-of-band execution is offered where QEMU offers it: on back ends
 * that can run in a monitor thread (sockets and stdio; Debian's 7.2
 * greets -qmp stdio with ["oob"] too).
 */
static bool monitor_qmp_chr_can_oob(Chardev *chr)
{
    const char *backend = CHARDEV_GET_CLASS(chr)->backend_name;

    return g_strcmp0(backend, "socket") == 0 ||
           g_strcmp0(backend, "stdio") == 0;
}

void monitor_init_qmp(Monitor *mon)
{
    qapi_event_emit_hook = monitor_qmp_broadcast;
    qmp_capabilities_hook = monitor_qmp_accept_caps;
    mon->negotiating = true;
    mon->oob_offered = monitor_qmp_chr_can_oob(mon->chr.chr);
    qemu_chr_fe_set_handlers(&mon->chr, monitor_qmp_can_read,
                             monitor_qmp_read, monitor_qmp_event, NULL,
                             mon, NULL, true);
}
