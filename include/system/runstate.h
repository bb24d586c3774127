/*
 * Run states, shutdown and reset requests, VM start and stop.
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#ifndef SYSTEM_RUNSTATE_H
#define SYSTEM_RUNSTATE_H

typedef enum RunState {
    RUN_STATE_DEBUG,
    RUN_STATE_INMIGRATE,
    RUN_STATE_INTERNAL_ERROR,
    RUN_STATE_IO_ERROR,
    RUN_STATE_PAUSED,
    RUN_STATE_POSTMIGRATE,
    RUN_STATE_PRELAUNCH,
    RUN_STATE_FINISH_MIGRATE,
    RUN_STATE_RESTORE_VM,
    RUN_STATE_RUNNING,
    RUN_STATE_SAVE_VM,
    RUN_STATE_SHUTDOWN,
    RUN_STATE_SUSPENDED,
    RUN_STATE_WATCHDOG,
    RUN_STATE_GUEST_PANICKED,
    RUN_STATE_COLO,
    RUN_STATE__MAX
} RunState;

extern const char *const RunState_str[RUN_STATE__MAX];

typedef enum ShutdownCause {
    SHUTDOWN_CAUSE_NONE,
    SHUTDOWN_CAUSE_HOST_ERROR,
    SHUTDOWN_CAUSE_HOST_QMP_QUIT,
    SHUTDOWN_CAUSE_HOST_QMP_SYSTEM_RESET,
    SHUTDOWN_CAUSE_HOST_SIGNAL,
    SHUTDOWN_CAUSE_HOST_UI,
    SHUTDOWN_CAUSE_GUEST_SHUTDOWN,
    SHUTDOWN_CAUSE_GUEST_RESET,
    SHUTDOWN_CAUSE_GUEST_PANIC,
    SHUTDOWN_CAUSE_SUBSYSTEM_RESET,
    SHUTDOWN_CAUSE_SNAPSHOT_LOAD,
    SHUTDOWN_CAUSE__MAX
} ShutdownCause;

extern const char *const ShutdownCause_str[SHUTDOWN_CAUSE__MAX];

RunState runstate_get(void);
void runstate_set(RunState new_state);
bool runstate_check(RunState state);
bool runstate_is_running(void);
const char *runstate_name(RunState state);

typedef void VMChangeStateHandler(void *opaque, bool running,
                                  RunState state);
typedef struct VMChangeStateEntry VMChangeStateEntry;
VMChangeStateEntry *qemu_add_vm_change_state_handler(
    VMChangeStateHandler *cb, void *opaque);
void qemu_del_vm_change_state(VMChangeStateEntry *e);

/** vm_start: run the VM (RESUME event); no-op when running. */
void vm_start(void);
/** vm_stop: stop the VM and enter @state (STOP event when running). */
int vm_stop(RunState state);
/** vm_prepare_start: the run-state half of vm_start (for accelerators). */
void vm_prepare_start(void);

/* Requests are handled by the main loop, outside device code. */
void qemu_system_reset_request(ShutdownCause reason);
void qemu_system_shutdown_request(ShutdownCause reason);
void qemu_system_powerdown_request(void);
/** qemu_system_killed: SIGTERM and friends (called from signal context). */
void qemu_system_killed(int signal, pid_t pid);
void qemu_system_reset(ShutdownCause reason);

/**
 * qemu_main_loop: run until a shutdown is requested (and not turned into
 * a pause by -no-shutdown).  Returns the exit status.
 */
int qemu_main_loop(void);

/**
 * qemu_preconfig_loop: --preconfig: serve QMP (only commands allowed
 * before machine initialisation) until x-exit-preconfig (true) or a
 * shutdown request (false).
 */
bool qemu_preconfig_loop(void);

/* -no-shutdown / -no-reboot */
extern bool no_shutdown;
extern bool no_reboot;

/** runstate_register_commands: QMP/HMP run-state commands. */
void runstate_register_commands(void);

#endif
