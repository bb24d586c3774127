/*
 * Sections with hand-written save and load functions (iterative ones
 * such as "ram").
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#ifndef MIGRATION_REGISTER_H
#define MIGRATION_REGISTER_H

#include "migration/qemu-file-types.h"

/**
 * SaveVMHandlers: the callbacks of a section without a vmsd.
 * @save_setup: the START section's data.
 * @save_live_iterate: one PART section's data; returns 1 when nothing
 * is left to send before completion, 0 when more remains, or a negative
 * errno.
 * @save_live_complete_precopy: the END section's data (VM stopped).
 * @save_cleanup: after the save, whatever its outcome.
 * @load_setup / @load_cleanup: around a whole incoming stream.
 * @load_state: the data of one START/PART/END/FULL section; a failure
 * sets @errp.
 */
typedef struct SaveVMHandlers {
    int (*save_setup)(QEMUFile *f, void *opaque, Error **errp);
    int (*save_live_iterate)(QEMUFile *f, void *opaque);
    int (*save_live_complete_precopy)(QEMUFile *f, void *opaque);
    void (*save_cleanup)(void *opaque);
    int (*load_setup)(QEMUFile *f, void *opaque, Error **errp);
    int (*load_state)(QEMUFile *f, void *opaque, int version_id,
                      Error **errp);
    int (*load_cleanup)(void *opaque);
} SaveVMHandlers;

/**
 * register_savevm_live: add an iterative section @idstr.
 * @instance_id: its instance, or VMSTATE_INSTANCE_ID_ANY.
 * @version_id: the version sent, and the highest one accepted.
 * Returns 0.
 */
int register_savevm_live(const char *idstr, uint32_t instance_id,
                         int version_id, const SaveVMHandlers *ops,
                         void *opaque);

/** unregister_savevm: remove the section @idstr of @opaque. */
void unregister_savevm(void *obj, const char *idstr, void *opaque);

#endif
