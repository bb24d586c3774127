/*
 * QMP commands: registration, argument checking, dispatch, events.
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * Each command declares its arguments in a small table instead of a
 * generated schema; the dispatcher checks presence and types against it
 * and produces QEMU's error texts before the handler runs.
 */
#ifndef QAPI_QMP_REGISTRY_H
#define QAPI_QMP_REGISTRY_H

#include "qobject/qobject.h"

typedef enum QmpArgType {
    QMP_ARG_STR,
    QMP_ARG_INT,        /* "int" */
    QMP_ARG_UINT,       /* "uint64"-style, non-negative */
    QMP_ARG_NUMBER,     /* int or float */
    QMP_ARG_BOOL,
    QMP_ARG_DICT,
    QMP_ARG_LIST,       /* any JSON array */
    QMP_ARG_STR_LIST,   /* array of strings */
    QMP_ARG_ENUM,       /* a string from @enum_values */
    QMP_ARG_ANY,        /* any JSON value */
} QmpArgType;

typedef struct QmpArgSpec {
    const char *name;
    QmpArgType type;
    bool optional;
    const char *const *enum_values;     /* NULL-terminated, for ENUM */
} QmpArgSpec;

/**
 * QmpCommandFunc: run a command with checked @args (never NULL); store
 * the result (a new reference) in *@ret, or leave it NULL for {} ; on
 * failure set @errp (and no result).
 */
typedef void QmpCommandFunc(QDict *args, QObject **ret, Error **errp);

typedef enum QmpCommandFlags {
    QCO_NO_FLAGS = 0,
    QCO_ALLOW_OOB = 1 << 0,
    QCO_ALLOW_PRECONFIG = 1 << 1,
    /* Extra members beyond the table are passed through (device_add). */
    QCO_ALLOW_EXTRA_ARGS = 1 << 2,
} QmpCommandFlags;

typedef struct QmpCommand {
    const char *name;
    QmpCommandFunc *fn;
    const QmpArgSpec *args;     /* ends with { NULL }; NULL: no arguments */
    unsigned flags;
} QmpCommand;

/** qmp_register_command: add @cmd (static storage) to the table. */
void qmp_register_command(const QmpCommand *cmd);
/** qmp_register_commands: register an array. */
void qmp_register_commands(const QmpCommand *cmds, size_t n);
const QmpCommand *qmp_find_command(const char *name);
/** qmp_for_each_command: in name order. */
void qmp_for_each_command(void (*fn)(const QmpCommand *cmd, void *opaque),
                          void *opaque);

/**
 * qmp_dispatch: check one parsed request (@request, borrowed) and run it.
 * Returns the reply dict to send ({"return": ...} or {"error": ...}, with
 * "id" echoed), a new reference.  @allow_oob: the session enabled OOB.
 * @in_negotiation: only qmp_capabilities may run.  Validation happens in
 * the order and with the texts of interfaces.md 3.3.
 */
QDict *qmp_dispatch(QObject *request, bool allow_oob, bool in_negotiation);

/** qmp_error_response: {"error": {"class": ..., "desc": ...}}; frees @err. */
QDict *qmp_error_response(Error *err);

/* Events. */

/**
 * qapi_event_send: broadcast {"timestamp": ..., "event": @name,
 * "data": @data} to every QMP monitor in command mode.  @data may be NULL
 * (no "data" member); its reference is consumed.
 */
void qapi_event_send(const char *name, QDict *data);

/** qapi_event_emit_hook: the monitor layer installs the broadcaster. */
extern void (*qapi_event_emit_hook)(QDict *event);

/**
 * qmp_command_available_hook: may @cmd run in the current phase?  The
 * run-state layer sets it; false (with @errp set) refuses the command,
 * e.g. a command not marked QCO_ALLOW_PRECONFIG during --preconfig.
 */
extern bool (*qmp_command_available_hook)(const QmpCommand *cmd,
                                          Error **errp);

/** qmp_check_args: the argument checks alone (for unit tests). */
bool qmp_check_args(const QmpCommand *cmd, QDict *args, Error **errp);

#endif
