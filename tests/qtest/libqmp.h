/*
 * QMP client for tests: send commands and read replies over a socket.
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * Commands are written in QEMU's JSON dialect with %-interpolation
 * (qobject_from_vjsonf_nofail) and sent as compact JSON followed by a
 * newline.  Replies are read through the JSON message streamer, so they
 * may arrive split at any byte.  With QTEST_LOG set, every message sent
 * or received is echoed to stderr.
 */
#ifndef LIBQMP_H
#define LIBQMP_H

#include "qobject/qobject.h"

/**
 * qmp_fd_receive: read the next complete JSON object from @fd.
 * @fd: a connected QMP socket.
 *
 * Reads no byte past the end of the object.  Aborts with "Broken pipe"
 * when the peer closes the connection, and on malformed input.
 * Returns a new reference.
 */
QDict *qmp_fd_receive(int fd);

/**
 * qmp_fd_vsend_fds: send a QMP command with file descriptors attached.
 * @fd: a connected QMP socket.
 * @fds: descriptors passed with SCM_RIGHTS alongside the command.
 * @fds_num: number of entries in @fds (0 for none).
 * @fmt: the command in QEMU's JSON dialect, with %-interpolation.
 * @ap: the values to interpolate.
 */
void qmp_fd_vsend_fds(int fd, int *fds, size_t fds_num,
                      const char *fmt, va_list ap) G_GNUC_PRINTF(4, 0);

/**
 * qmp_fd_vsend: send a QMP command (see qmp_fd_vsend_fds()).
 * @fd: a connected QMP socket.
 * @fmt: the command with %-interpolation.
 * @ap: the values to interpolate.
 */
void qmp_fd_vsend(int fd, const char *fmt, va_list ap) G_GNUC_PRINTF(2, 0);

/**
 * qmp_fd_send: send a QMP command (see qmp_fd_vsend_fds()).
 * @fd: a connected QMP socket.
 * @fmt: the command with %-interpolation, then its values.
 */
void qmp_fd_send(int fd, const char *fmt, ...) G_GNUC_PRINTF(2, 3);

/**
 * qmp_fd_vsend_raw: send text without parsing it as JSON.
 * @fd: a connected QMP socket.
 * @fmt: printf-style format of the bytes to send (no JSON processing and
 *       no newline added), so malformed input can be sent on purpose.
 * @ap: the printf arguments.
 */
void qmp_fd_vsend_raw(int fd, const char *fmt, va_list ap)
    G_GNUC_PRINTF(2, 0);

/**
 * qmp_fd_send_raw: send text without parsing it as JSON.
 * @fd: a connected QMP socket.
 * @fmt: printf-style format of the bytes to send, then its arguments.
 */
void qmp_fd_send_raw(int fd, const char *fmt, ...) G_GNUC_PRINTF(2, 3);

/**
 * qmp_fdv: send a QMP command and return the next message received.
 * @fd: a connected QMP socket.
 * @fmt: the command with %-interpolation.
 * @ap: the values to interpolate.
 *
 * Returns a new reference.
 */
QDict *qmp_fdv(int fd, const char *fmt, va_list ap) G_GNUC_PRINTF(2, 0);

/**
 * qmp_fd: send a QMP command and return the next message received.
 * @fd: a connected QMP socket.
 * @fmt: the command with %-interpolation, then its values.
 *
 * Returns a new reference.
 */
QDict *qmp_fd(int fd, const char *fmt, ...) G_GNUC_PRINTF(2, 3);

/**
 * qmp_fd_write: write all of @buf to @fd.
 * @fd: a socket or other file descriptor.
 * @buf: the bytes.
 * @size: how many.
 *
 * Aborts with "Broken pipe" when the peer has gone away.
 */
void qmp_fd_write(int fd, const void *buf, size_t size);

/**
 * qtest_fail: report a test failure and abort.
 * @fmt: printf-style message, then its arguments.
 *
 * The message goes through GLib's assertion reporting, so it appears in
 * the TAP output ("Bail out!") as well as on stderr.  The SIGABRT hooks
 * of libqtest then kill any QEMU still running.
 */
void qtest_fail(const char *fmt, ...) G_GNUC_PRINTF(1, 2) QEMU_NORETURN;

/**
 * qmp_rsp_is_err: whether a reply is an error reply.
 * @rsp: a reply; the reference is consumed.
 *
 * Returns true when @rsp has an "error" member.
 */
bool qmp_rsp_is_err(QDict *rsp);

/**
 * qmp_expect_error_and_unref: assert that a reply is an error of a class.
 * @rsp: a reply; the reference is consumed.
 * @class: the expected "class" of the error, e.g. "GenericError".
 */
void qmp_expect_error_and_unref(QDict *rsp, const char *class);

#endif
