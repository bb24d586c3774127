/*
 * System reset: the roots that a machine reset walks.
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * A system reset resets the main system bus (and every device reachable
 * through buses from it), then every registered root in registration
 * order.  Legacy handlers are roots too: each runs as a hold phase, so it
 * sees all devices already in reset.
 */
#ifndef SYSTEM_RESET_H
#define SYSTEM_RESET_H

#include "hw/core/resettable.h"

typedef void QEMUResetHandler(void *opaque);

/**
 * qemu_register_reset: call @fn(@opaque) at every system reset.
 * @fn: the handler
 * @opaque: its argument
 *
 * Registering the same pair twice makes it run twice.
 */
void qemu_register_reset(QEMUResetHandler *fn, void *opaque);

/**
 * qemu_unregister_reset: undo one qemu_register_reset(@fn, @opaque).
 * @fn: the handler
 * @opaque: its argument
 */
void qemu_unregister_reset(QEMUResetHandler *fn, void *opaque);

/**
 * qemu_register_resettable: reset @obj (a Resettable) and everything
 * below it at every system reset.  Registering it again does nothing.
 * @obj: the new root
 */
void qemu_register_resettable(Object *obj);

/**
 * qemu_unregister_resettable: stop resetting @obj with the system.
 * @obj: a root added by qemu_register_resettable()
 */
void qemu_unregister_resettable(Object *obj);

/**
 * qemu_devices_reset: reset the whole machine: the main system bus tree
 * and every registered root, in three phases across all of them.
 * @type: the reason (RESET_TYPE_COLD for power-on and system_reset)
 */
void qemu_devices_reset(ResetType type);

#endif
