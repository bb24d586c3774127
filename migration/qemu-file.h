/*
 * QEMUFile: the buffered byte stream the migration code reads and writes.
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * Output always goes to memory; whoever owns the channel drains it
 * (qemu_file_output_data, qemu_file_output_reset), so that producing the
 * stream never blocks on the network.  Input comes either from a memory
 * copy or from a file descriptor; waiting for an fd to become readable
 * drops the BQL when the reading thread holds it, so that the main loop
 * keeps serving the monitor during an incoming migration.
 */
#ifndef MIGRATION_QEMU_FILE_H
#define MIGRATION_QEMU_FILE_H

#include "migration/qemu-file-types.h"

/** qemu_file_new_output: an empty output stream in memory. */
QEMUFile *qemu_file_new_output(void);

/** qemu_file_new_input_buffer: read from a copy of @data. */
QEMUFile *qemu_file_new_input_buffer(const void *data, size_t size);

/**
 * qemu_file_new_input_fd: read from @fd (not closed by qemu_fclose).
 * @fd may be blocking or not; reads wait with poll().
 */
QEMUFile *qemu_file_new_input_fd(int fd);

/** qemu_fclose: free @f; returns its latched error (0 or -errno). */
int qemu_fclose(QEMUFile *f);

G_DEFINE_AUTOPTR_CLEANUP_FUNC(QEMUFile, qemu_fclose)

/** qemu_file_output_data: the bytes produced and not yet reset. */
const uint8_t *qemu_file_output_data(QEMUFile *f, size_t *size);

/** qemu_file_output_reset: forget the produced bytes (after sending). */
void qemu_file_output_reset(QEMUFile *f);

/**
 * qemu_file_transferred: bytes put into (output) or consumed from
 * (input) @f since it was created.
 */
uint64_t qemu_file_transferred(QEMUFile *f);

/**
 * qemu_peek_byte / qemu_peek_buffer: look @offset bytes ahead without
 * consuming.  qemu_peek_buffer sets *@buf to @size bytes inside the
 * file's buffer (valid until the next read) and returns how many are
 * available (fewer at the end of the stream).  @offset + @size must not
 * exceed 512.
 */
int qemu_peek_byte(QEMUFile *f, size_t offset);
size_t qemu_peek_buffer(QEMUFile *f, uint8_t **buf, size_t size,
                        size_t offset);

#endif
