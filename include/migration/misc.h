/*
 * Migration: what the rest of the emulator calls.
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#ifndef MIGRATION_MISC_H
#define MIGRATION_MISC_H

/**
 * migration_init: create the migration state, register the QMP
 * commands, the "ram", "timer" and "globalstate" sections and the qdev
 * hooks that give every realized device with a vmsd its section.  Call
 * once, before the machine is built.
 */
void migration_init(void);

/**
 * migration_set_autostart: whether the VM runs once an incoming
 * migration completes (false with -S, or after "stop" while waiting).
 */
void migration_set_autostart(bool autostart);

/**
 * migration_incoming_start: wait for a stream on @uri (an -incoming
 * argument; "defer" waits for QMP migrate-incoming).  Enters the
 * "inmigrate" run state.  When the load completes the VM runs (or
 * stays "paused" without autostart); when it fails the process exits
 * with status 1 after naming the error.  Returns false with @errp set
 * for a URI that cannot be used.
 */
bool migration_incoming_start(const char *uri, Error **errp);

/**
 * migration_is_running: an outgoing migration is between setup and its
 * end.
 */
bool migration_is_running(void);

/**
 * dump_vmstate_json_to_file: write the -dump-vmstate description of
 * every device class that has a vmsd (interfaces.md 4.13), for the
 * machine type of current_machine.
 */
void dump_vmstate_json_to_file(FILE *out_file);

#endif
