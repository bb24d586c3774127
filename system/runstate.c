/*
 * Run states, VM start/stop, shutdown and reset requests, and the QMP
 * and HMP commands that drive them.
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "qapi/qmp-registry.h"
#include "qemu/error-report.h"
#include "qemu/main-loop.h"
#include "qemu/timer.h"
#include "qemu/accel.h"
#include "hw/core/boards.h"
#include "system/reset.h"
#include "system/runstate.h"
#include "system/system.h"
#include "system/qtest.h"
#include "monitor/monitor.h"
#include "migration/misc.h"

const char *const RunState_str[RUN_STATE__MAX] = {
    [RUN_STATE_DEBUG] = "debug",
    [RUN_STATE_INMIGRATE] = "inmigrate",
    [RUN_STATE_INTERNAL_ERROR] = "internal-error",
    [RUN_STATE_IO_ERROR] = "io-error",
    [RUN_STATE_PAUSED] = "paused",
    [RUN_STATE_POSTMIGRATE] = "postmigrate",
    [RUN_STATE_PRELAUNCH] = "prelaunch",
    [RUN_STATE_FINISH_MIGRATE] = "finish-migrate",
    [RUN_STATE_RESTORE_VM] = "restore-vm",
    [RUN_STATE_RUNNING] = "running",
    [RUN_STATE_SAVE_VM] = "save-vm",
    [RUN_STATE_SHUTDOWN] = "shutdown",
    [RUN_STATE_SUSPENDED] = "suspended",
    [RUN_STATE_WATCHDOG] = "watchdog",
    [RUN_STATE_GUEST_PANICKED] = "guest-panicked",
    [RUN_STATE_COLO] = "colo",
};

const char *const ShutdownCause_str[SHUTDOWN_CAUSE__MAX] = {
    [SHUTDOWN_CAUSE_NONE] = "none",
    [SHUTDOWN_CAUSE_HOST_ERROR] = "host-error",
    [SHUTDOWN_CAUSE_HOST_QMP_QUIT] = "host-qmp-quit",
    [SHUTDOWN_CAUSE_HOST_QMP_SYSTEM_RESET] = "host-qmp-system-reset",
    [SHUTDOWN_CAUSE_HOST_SIGNAL] = "host-signal",
    [SHUTDOWN_CAUSE_HOST_UI] = "host-ui",
    [SHUTDOWN_CAUSE_GUEST_SHUTDOWN] = "guest-shutdown",
    [SHUTDOWN_CAUSE_GUEST_RESET] = "guest-reset",
    [SHUTDOWN_CAUSE_GUEST_PANIC] = "guest-panic",
    [SHUTDOWN_CAUSE_SUBSYSTEM_RESET] = "subsystem-reset",
    [SHUTDOWN_CAUSE_SNAPSHOT_LOAD] = "snapshot-load",
};

bool no_shutdown;
bool no_reboot;

static RunState current_run_state = RUN_STATE_PRELAUNCH;

struct VMChangeStateEntry {
    VMChangeStateHandler *cb;
    void *opaque;
};

static GList *vm_change_state_handlers;

/* --preconfig: QMP runs before the board exists, until x-exit-preconfig. */
static bool preconfig_active;
static bool preconfig_exit_requested;

/* Pending requests, consumed by the main loop. */
static ShutdownCause shutdown_requested;
static ShutdownCause reset_requested;
static bool powerdown_requested;
static int shutdown_signal = -1;

RunState runstate_get(void)
{
    return current_run_state;
}

void runstate_set(RunState new_state)
{
    assert(new_state < RUN_STATE__MAX);
    current_run_state = new_state;
}

bool runstate_check(RunState state)
{
    return current_run_state == state;
}

bool runstate_is_running(void)
{
    return runstate_check(RUN_STATE_RUNNING);
}

const char *runstate_name(RunState state)
{
    return RunState_str[state];
}

VMChangeStateEntry *qemu_add_vm_change_state_handler(
    VMChangeStateHandler *cb, void *opaque)
{
    VMChangeStateEntry *e = g_new0(VMChangeStateEntry, 1);

    e->cb = cb;
    e->opaque = opaque;
    vm_change_state_handlers = g_list_append(vm_change_state_handlers, e);
    return e;
}

void qemu_del_vm_change_state(VMChangeStateEntry *e)
{
    vm_change_state_handlers = g_list_remove(vm_change_state_handlers, e);
    g_free(e);
}

static void vm_state_notify(bool running, RunState state)
{
    GList *l;

    /* Starting: in registration order; stopping: the reverse. */
    if (running) {
        for (l = vm_change_state_handlers; l; l = l->next) {
            VMChangeStateEntry *e = l->data;

            e->cb(e->opaque, running, state);
        }
    } else {
        for (l = g_list_last(vm_change_state_handlers); l; l = l->prev) {
            VMChangeStateEntry *e = l->data;

            e->cb(e->opaque, running, state);
        }
    }
}

void vm_prepare_start(void)
{
    qemu_clock_enable(QEMU_CLOCK_VIRTUAL, true);
    runstate_set(RUN_STATE_RUNNING);
    vm_state_notify(true, RUN_STATE_RUNNING);
    qapi_event_send("RESUME", NULL);
}

void vm_start(void)
{
    if (!runstate_is_running()) {
        vm_prepare_start();
    }
}

int vm_stop(RunState state)
{
    if (runstate_is_running()) {
        qemu_clock_enable(QEMU_CLOCK_VIRTUAL, false);
        runstate_set(state);
        vm_state_notify(false, state);
        qapi_event_send("STOP", NULL);
    } else {
        runstate_set(state);
    }
    return 0;
}

void qemu_system_reset_request(ShutdownCause reason)
{
    if (no_reboot && reason != SHUTDOWN_CAUSE_SUBSYSTEM_RESET) {
        shutdown_requested = reason;
    } else {
        reset_requested = reason;
    }
    qemu_notify_event();
}

void qemu_system_shutdown_request(ShutdownCause reason)
{
    shutdown_requested = reason;
    qemu_notify_event();
}

void qemu_system_powerdown_request(void)
{
    powerdown_requested = true;
    qemu_notify_event();
}

void qemu_system_killed(int signal, pid_t pid)
{
    shutdown_signal = signal;
    /* A signal always ends the process, even with -no-shutdown. */
    no_shutdown = false;
    qemu_system_shutdown_request(SHUTDOWN_CAUSE_HOST_SIGNAL);
}

static QDict *runstate_cause_data(ShutdownCause cause)
{
    QDict *data = qdict_new();
    bool guest = cause >= SHUTDOWN_CAUSE_GUEST_SHUTDOWN &&
                 cause <= SHUTDOWN_CAUSE_GUEST_PANIC;

    qdict_put_bool(data, "guest", guest);
    qdict_put_str(data, "reason", ShutdownCause_str[cause]);
    return data;
}

void qemu_system_reset(ShutdownCause reason)
{
    MachineClass *mc = current_machine ?
                       MACHINE_GET_CLASS(current_machine) : NULL;

    if (mc && mc->reset) {
        mc->reset(current_machine, RESET_TYPE_COLD);
    } else {
        qemu_devices_reset(RESET_TYPE_COLD);
    }
    if (reason != SHUTDOWN_CAUSE_NONE) {
        qapi_event_send("RESET", runstate_cause_data(reason));
    }
}

/* Handle pending requests; true when the process should exit. */
static bool main_loop_should_exit(void)
{
    ShutdownCause request;

    if (shutdown_requested != SHUTDOWN_CAUSE_NONE) {
        request = shutdown_requested;
        shutdown_requested = SHUTDOWN_CAUSE_NONE;
        if (shutdown_signal >= 0 && !qtest_enabled()) {
            error_report("terminating on signal %d", shutdown_signal);
        }
        qapi_event_send("SHUTDOWN", runstate_cause_data(request));
        if (no_shutdown) {
            vm_stop(RUN_STATE_SHUTDOWN);
        } else {
            return true;
        }
    }
    if (reset_requested != SHUTDOWN_CAUSE_NONE) {
        request = reset_requested;
        reset_requested = SHUTDOWN_CAUSE_NONE;
        qemu_system_reset(request);
        if (runstate_check(RUN_STATE_SHUTDOWN)) {
            runstate_set(RUN_STATE_PAUSED);
        }
    }
    if (powerdown_requested) {
        powerdown_requested = false;
        qapi_event_send("POWERDOWN", NULL);
    }
    return false;
}

bool qemu_preconfig_loop(void)
{
    preconfig_active = true;
    while (!preconfig_exit_requested) {
        if (main_loop_should_exit()) {
            preconfig_active = false;
            return false;
        }
        main_loop_wait(false);
    }
    preconfig_active = false;
    return true;
}

int qemu_main_loop(void)
{
    while (!main_loop_should_exit()) {
        main_loop_wait(false);
    }
    return 0;
}

/* QMP commands. */

static void qmp_query_status(QDict *args, QObject **ret, Error **errp)
{
    QDict *info = qdict_new();

    qdict_put_str(info, "status", runstate_name(runstate_get()));
    qdict_put_bool(info, "running", runstate_is_running());
    *ret = QOBJECT(info);
}

static void qmp_stop(QDict *args, QObject **ret, Error **errp)
{
    if (runstate_check(RUN_STATE_INMIGRATE)) {
        /* Incoming migration: stay stopped once it completes. */
        migration_set_autostart(false);
        return;
    }
    vm_stop(RUN_STATE_PAUSED);
}

static void qmp_cont(QDict *args, QObject **ret, Error **errp)
{
    if (runstate_check(RUN_STATE_INMIGRATE)) {
        error_setg(errp, "Migration is not finished yet");
        return;
    }
    if (runstate_check(RUN_STATE_INTERNAL_ERROR) ||
        runstate_check(RUN_STATE_SHUTDOWN) ||
        runstate_check(RUN_STATE_GUEST_PANICKED)) {
        error_setg(errp, "Resetting the Virtual Machine is required");
        return;
    }
    vm_start();
}

static void qmp_system_reset(QDict *args, QObject **ret, Error **errp)
{
    qemu_system_reset_request(SHUTDOWN_CAUSE_HOST_QMP_SYSTEM_RESET);
}

static void qmp_system_powerdown(QDict *args, QObject **ret, Error **errp)
{
    qemu_system_powerdown_request();
}

static void qmp_quit(QDict *args, QObject **ret, Error **errp)
{
    no_shutdown = false;
    qemu_system_shutdown_request(SHUTDOWN_CAUSE_HOST_QMP_QUIT);
}

static void qmp_query_name(QDict *args, QObject **ret, Error **errp)
{
    QDict *info = qdict_new();

    if (qemu_name) {
        qdict_put_str(info, "name", qemu_name);
    }
    *ret = QOBJECT(info);
}

static void qmp_query_machines(QDict *args, QObject **ret, Error **errp)
{
    GSList *list = object_class_get_list(TYPE_MACHINE, false);
    QList *machines = qlist_new();
    GSList *l;

    for (l = list; l; l = l->next) {
        MachineClass *mc = l->data;
        QDict *info = qdict_new();

        qdict_put_str(info, "name", mc->name);
        if (mc->alias) {
            qdict_put_str(info, "alias", mc->alias);
        }
        if (mc->is_default) {
            qdict_put_bool(info, "is-default", true);
        }
        qdict_put_int(info, "cpu-max", mc->max_cpus);
        qdict_put_bool(info, "hotpluggable-cpus", mc->has_hotpluggable_cpus);
        qdict_put_bool(info, "numa-mem-supported", mc->numa_mem_supported);
        qdict_put_bool(info, "deprecated", mc->deprecation_reason != NULL);
        if (mc->default_cpu_type) {
            qdict_put_str(info, "default-cpu-type", mc->default_cpu_type);
        }
        if (mc->default_ram_id) {
            qdict_put_str(info, "default-ram-id", mc->default_ram_id);
        }
        qdict_put_bool(info, "acpi", false);
        qlist_append(machines, info);
    }
    g_slist_free(list);
    *ret = QOBJECT(machines);
}

static void qmp_query_target(QDict *args, QObject **ret, Error **errp)
{
    QDict *info = qdict_new();

    qdict_put_str(info, "arch", target_name());
    *ret = QOBJECT(info);
}

static void qmp_query_kvm(QDict *args, QObject **ret, Error **errp)
{
    QDict *info = qdict_new();

    qdict_put_bool(info, "enabled", false);
    qdict_put_bool(info, "present", false);
    *ret = QOBJECT(info);
}

static void qmp_query_cpus_fast(QDict *args, QObject **ret, Error **errp)
{
    /* No guest CPU exists yet: the accelerator is qtest. */
    *ret = QOBJECT(qlist_new());
}

static void qmp_x_exit_preconfig(QDict *args, QObject **ret, Error **errp)
{
    if (!preconfig_active) {
        error_setg(errp, "The command is permitted only before machine "
                   "initialization");
        return;
    }
    preconfig_exit_requested = true;
    qemu_notify_event();
}

/* During --preconfig only commands marked for it may run. */
static bool runstate_command_available(const QmpCommand *cmd, Error **errp)
{
    if (preconfig_active && !(cmd->flags & QCO_ALLOW_PRECONFIG)) {
        error_setg(errp, "The command '%s' is permitted only after machine "
                   "initialization has completed", cmd->name);
        return false;
    }
    return true;
}

static const QmpArgSpec qmp_query_machines_args[] = {
    { "compat-props", QMP_ARG_BOOL, true },
    { NULL }
};

static const QmpCommand runstate_qmp_commands[] = {
    { "query-status", qmp_query_status, NULL, QCO_ALLOW_PRECONFIG },
    { "stop", qmp_stop, NULL, QCO_NO_FLAGS },
    { "cont", qmp_cont, NULL, QCO_NO_FLAGS },
    { "system_reset", qmp_system_reset, NULL, QCO_NO_FLAGS },
    { "system_powerdown", qmp_system_powerdown, NULL, QCO_NO_FLAGS },
    { "quit", qmp_quit, NULL, QCO_ALLOW_PRECONFIG },
    { "query-name", qmp_query_name, NULL, QCO_ALLOW_PRECONFIG },
    { "query-machines", qmp_query_machines, qmp_query_machines_args,
      QCO_ALLOW_PRECONFIG },
    { "query-target", qmp_query_target, NULL, QCO_ALLOW_PRECONFIG },
    { "query-kvm", qmp_query_kvm, NULL, QCO_ALLOW_PRECONFIG },
    { "query-cpus-fast", qmp_query_cpus_fast, NULL, QCO_NO_FLAGS },
    { "x-exit-preconfig", qmp_x_exit_preconfig, NULL, QCO_ALLOW_PRECONFIG },
};

/* HMP commands. */

static void hmp_stop(Monitor *mon, const QDict *qdict)
{
    vm_stop(RUN_STATE_PAUSED);
}

static void hmp_cont(Monitor *mon, const QDict *qdict)
{
    Error *err = NULL;

    qmp_cont(NULL, NULL, &err);
    if (err) {
        monitor_printf(mon, "%s\n", error_get_pretty(err));
        error_free(err);
    }
}

static void hmp_quit(Monitor *mon, const QDict *qdict)
{
    qmp_quit(NULL, NULL, NULL);
}

static void hmp_system_reset(Monitor *mon, const QDict *qdict)
{
    qmp_system_reset(NULL, NULL, NULL);
}

static void hmp_info_status(Monitor *mon, const QDict *qdict)
{
    if (runstate_is_running()) {
        monitor_printf(mon, "VM status: running\n");
    } else if (runstate_check(RUN_STATE_PAUSED)) {
        monitor_printf(mon, "VM status: paused\n");
    } else {
        monitor_printf(mon, "VM status: paused (%s)\n",
                       runstate_name(runstate_get()));
    }
}

static void hmp_info_name(Monitor *mon, const QDict *qdict)
{
    if (qemu_name) {
        monitor_printf(mon, "%s\n", qemu_name);
    }
}

static const HMPCommand runstate_hmp_commands[] = {
    { "stop", "", "stop emulation", hmp_stop },
    { "cont", "", "resume emulation", hmp_cont },
    { "c", "", "resume emulation", hmp_cont },
    { "quit", "", "quit the emulator", hmp_quit },
    { "q", "", "quit the emulator", hmp_quit },
    { "system_reset", "", "reset the system", hmp_system_reset },
};

static const HMPCommand runstate_hmp_info[] = {
    { "status", "", "show the current VM status (running|paused)",
      hmp_info_status },
    { "name", "", "show the current VM name", hmp_info_name },
};

void runstate_register_commands(void)
{
    size_t i;

    qmp_register_commands(runstate_qmp_commands,
                          ARRAY_SIZE(runstate_qmp_commands));
    qmp_command_available_hook = runstate_command_available;
    for (i = 0; i < ARRAY_SIZE(runstate_hmp_commands); i++) {
        hmp_register_command(&runstate_hmp_commands[i]);
    }
    for (i = 0; i < ARRAY_SIZE(runstate_hmp_info); i++) {
        hmp_register_info(&runstate_hmp_info[i]);
    }
}
