/*
 * Migration internals shared by the engine, the section layer and RAM.
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#ifndef MIGRATION_SAVEVM_H
#define MIGRATION_SAVEVM_H

#include "migration/vmstate.h"
#include "json-writer.h"

#define QEMU_VM_FILE_MAGIC          0x5145564d
#define QEMU_VM_FILE_VERSION_COMPAT 0x00000002
#define QEMU_VM_FILE_VERSION        0x00000003

#define QEMU_VM_EOF                 0x00
#define QEMU_VM_SECTION_START       0x01
#define QEMU_VM_SECTION_PART        0x02
#define QEMU_VM_SECTION_END         0x03
#define QEMU_VM_SECTION_FULL        0x04
#define QEMU_VM_SUBSECTION          0x05
#define QEMU_VM_VMDESCRIPTION       0x06
#define QEMU_VM_CONFIGURATION       0x07
#define QEMU_VM_COMMAND             0x08
#define QEMU_VM_SECTION_FOOTER      0x7e

/* The target page: 4 KiB on both targets. */
#define MIG_TARGET_PAGE_BITS        12
#define MIG_TARGET_PAGE_SIZE        (1u << MIG_TARGET_PAGE_BITS)

/** vmstate_section_needed: @vmsd has no needed() or it returns true. */
bool vmstate_section_needed(const VMStateDescription *vmsd, void *opaque);

/**
 * qemu_savevm_state_header: magic, version and (unless turned off) the
 * configuration section; starts the vmdesc object in @vmdesc.
 */
void qemu_savevm_state_header(QEMUFile *f, JSONWriter *vmdesc);

/** qemu_savevm_state_setup: a START section per iterative handler. */
int qemu_savevm_state_setup(QEMUFile *f, JSONWriter *vmdesc, Error **errp);

/**
 * qemu_savevm_state_iterate: a PART section per iterative handler that
 * has data left.  Returns 1 when all are done, 0 when more remains,
 * negative on error.
 */
int qemu_savevm_state_iterate(QEMUFile *f, Error **errp);

/**
 * qemu_savevm_state_complete: END sections, every device section that
 * is needed, EOF and the vmdesc block.  The VM must be stopped.
 */
int qemu_savevm_state_complete(QEMUFile *f, JSONWriter *vmdesc,
                               Error **errp);

/** qemu_savevm_state_cleanup: after success or failure of a save. */
void qemu_savevm_state_cleanup(void);

/**
 * qemu_savevm_check_migratable: false with @errp set when a registered
 * section is marked unmigratable.
 */
bool qemu_savevm_check_migratable(Error **errp);

/**
 * qemu_loadvm_state: read a whole stream from @f.  Returns 0, or a
 * negative errno with one message in @errp that names the failing
 * section and field.
 */
int qemu_loadvm_state(QEMUFile *f, Error **errp);

/**
 * savevm_set_send_configuration: send (and require) the configuration
 * section; on by default, off only for tests of bare streams.
 */
void savevm_set_send_configuration(bool on);

/**
 * savevm_set_target_page_bits_min: the smallest page size the target
 * allows (10 for aarch64); when it differs from the 4 KiB in use the
 * configuration carries the target-page-bits subsection.
 */
void savevm_set_target_page_bits_min(int bits);

/** timers_register_vmstate: the "timer" section (the virtual clock). */
void timers_register_vmstate(void);

/** register_global_state: the "globalstate" section (the run state). */
void register_global_state(void);

/** global_state_store: remember the run state to send. */
void global_state_store(void);
/**
 * global_state_received_runstate: the run state the source sent, or -1
 * when the stream had no "globalstate" section.
 */
int global_state_received_runstate(void);
/** global_state_reset_received: forget it before a new load. */
void global_state_reset_received(void);

#endif
