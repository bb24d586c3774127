/*
 * Monitor internals shared by the QMP server, HMP and the commands.
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * A Monitor is one session on a chardev (or, for human-monitor-command,
 * a chardev-less capture of HMP output).  Output goes into a queue that
 * is drained without blocking; the chardev's write watch resumes it.
 */
#ifndef MONITOR_MONITOR_INTERNAL_H
#define MONITOR_MONITOR_INTERNAL_H

#include "chardev/char-fe.h"
#include "monitor/monitor.h"
#include "qapi/qmp-registry.h"
#include "qobject/qjson.h"

/* Stop reading input while this much output waits for a slow client. */
#define MONITOR_OUTPUT_HIGH_WATER (1024 * 1024)

struct Monitor {
    CharFrontend chr;
    bool has_chr;           /* false: capture only (human-monitor-command) */
    bool is_qmp;
    bool pretty;
    bool connected;         /* between CHR_EVENT_OPENED and _CLOSED */
    bool input_throttled;   /* can_read said 0 because of the queue */
    bool mux_out;           /* a mux gave the focus away: hold output */

    GString *outbuf;        /* bytes not yet taken by the chardev */
    guint out_watch;        /* G_IO_OUT watch tag, or 0 */

    /* QMP */
    JSONMessageParser *parser;
    bool feeding;           /* inside json_message_parser_feed */
    bool parser_stale;      /* session ended while feeding: drop the rest */
    bool negotiating;       /* only qmp_capabilities accepted */
    bool oob_offered;
    bool oob_enabled;

    /* HMP */
    GString *line;          /* the command line being typed */
    int esc_state;          /* position inside an escape sequence */
    bool last_was_cr;
    bool reset_seen;        /* greeting printed at least once */
};

/* monitor.c */

/**
 * monitor_data_init: set up the fields common to every monitor.
 * @mon: zeroed storage.
 * @is_qmp: control (QMP) or readline (HMP) mode.
 * @pretty: pretty-print QMP replies.
 */
void monitor_data_init(Monitor *mon, bool is_qmp, bool pretty);

/** monitor_data_destroy: free what monitor_data_init and the modes made. */
void monitor_data_destroy(Monitor *mon);

/** monitor_flush: hand queued output to the chardev without blocking. */
void monitor_flush(Monitor *mon);

/** monitor_discard_output: forget queued output (the peer went away). */
void monitor_discard_output(Monitor *mon);

/** monitor_can_read_common: input room, 0 while output backs up. */
int monitor_can_read_common(Monitor *mon);

/** monitor_list_add: make @mon visible to events and monitor_cleanup. */
void monitor_list_add(Monitor *mon);

/** monitor_foreach: call @fn on every attached monitor. */
void monitor_foreach(void (*fn)(Monitor *mon, void *opaque), void *opaque);

/** monitor_set_cur: make @mon the current HMP monitor; returns the old. */
Monitor *monitor_set_cur(Monitor *mon);

/* qmp.c */

/** monitor_init_qmp: QMP mode handlers on @mon's chardev. */
void monitor_init_qmp(Monitor *mon);

/** monitor_qmp_send: queue @msg (borrowed) as one reply or event. */
void monitor_qmp_send(Monitor *mon, QDict *msg);

/* hmp.c */

/** monitor_init_hmp: readline mode handlers on @mon's chardev. */
void monitor_init_hmp(Monitor *mon);

/** hmp_handle_command: run one HMP command line on @mon. */
void hmp_handle_command(Monitor *mon, const char *cmdline);

/**
 * hmp_help_cmd: the "help" text: every command, or the info table for
 * "info", or one command.
 */
void hmp_help_cmd(Monitor *mon, const char *name);

/** hmp_info_cmd: the "info" command: run a sub-command or list them. */
void hmp_info_cmd(Monitor *mon, const QDict *qdict);

/* hmp-cmds.c */

/** hmp_register_core: help, info and the core info sub-commands. */
void hmp_register_core(void);

/* qmp-cmds-core.c */

/** qmp_register_core: the QMP commands of the monitor and QOM layers. */
void qmp_register_core(void);

/* qmp-dispatch.c */

/**
 * qmp_capabilities_hook: accept the capability names in @enable (a list
 * of strings, already checked against the schema) for the session that
 * is dispatching and leave negotiation mode.  Installed by the QMP
 * server; without it no capability is available.
 */
extern bool (*qmp_capabilities_hook)(QList *enable, Error **errp);


/** qmp_oob_capability_values: the QMPCapability enumeration. */
extern const char *const qmp_capability_values[];

#endif
