/*
 * Monitors: QMP (control) and HMP (human) sessions on chardevs.
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#ifndef MONITOR_MONITOR_H
#define MONITOR_MONITOR_H

#include "qobject/qobject.h"

/**
 * monitor_new: attach a monitor to the chardev @chr.  @control selects
 * QMP (else HMP); @pretty pretty-prints QMP.  Errors when the chardev
 * already has a front end.
 */
Monitor *monitor_new(Chardev *chr, bool control, bool pretty, Error **errp);

/**
 * monitor_init_opts: handle one -mon option list: "chardev" (required),
 * "mode" (readline|control), "pretty" (on|off).
 */
bool monitor_init_opts(QemuOpts *opts, Error **errp);

/** monitor_cleanup: flush and detach every monitor (at exit). */
void monitor_cleanup(void);

/** monitor_cur: the HMP monitor running the current command, or NULL. */
Monitor *monitor_cur(void);
/** monitor_printf: text to @mon (HMP); newlines become \r\n on output. */
int monitor_printf(Monitor *mon, const char *fmt, ...) G_GNUC_PRINTF(2, 3);
int monitor_vprintf(Monitor *mon, const char *fmt, va_list ap)
    G_GNUC_PRINTF(2, 0);
void monitor_puts(Monitor *mon, const char *str);

/* HMP commands. */
typedef void HMPCommandFunc(Monitor *mon, const QDict *qdict);

typedef struct HMPCommand {
    const char *name;       /* "info" sub-commands are "info <name>" */
    const char *params;     /* usage, e.g. "item" */
    const char *help;
    /*
     * Handler gets the rest of the line, split: qdict member "args" (a
     * string with everything after the command name, trimmed).
     */
    HMPCommandFunc *cmd;
} HMPCommand;

void hmp_register_command(const HMPCommand *cmd);
void hmp_register_info(const HMPCommand *cmd);

/**
 * hmp_run_command_line: run one HMP command line, output into a new
 * string (lines end in \r\n as the monitor writes them).  Unknown
 * commands produce "unknown command: 'x'\r\n" in the output.
 */
char *hmp_run_command_line(const char *cmdline);

/** monitor_get_greeting_version: VersionInfo for greetings and queries. */
QDict *qmp_query_version_dict(void);

/**
 * monitor_register_core_commands: QMP commands of the monitor and QOM
 * layers (qmp_capabilities, query-version, query-commands, qom-*,
 * device-list-properties, human-monitor-command, ringbuf-*, chardev
 * queries) and the HMP basics (help, info version, info qom-tree, info
 * mtree, info qtree, info chardev, quit via the run-state layer).
 */
void monitor_register_core_commands(void);

#endif
