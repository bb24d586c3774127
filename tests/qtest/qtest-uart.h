/*
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * Helpers for UART qtests: a serial port whose back end is a Unix socket
 * the test holds the other end of, or a named pipe the test can stall,
 * and the -D log of a run.
 *
 * The board and the name of its test are parameters, so one UART test
 * per board (pl011-test on virt, serial-test on pc) shares them.  The
 * socket is the first serial port (-serial chardev:s0); temporary files
 * are named <prefix>-<pid>.<suffix> in the temporary directory.
 */
#ifndef QTEST_UART_H
#define QTEST_UART_H

#include "libqtest.h"

/**
 * QTestUartSocket: an emulator whose first serial port is a socket.
 * @qts: the emulator.
 * @fd: our end of the connection; a test may close it and set it to -1.
 */
typedef struct QTestUartSocket {
    QTestState *qts;
    int fd;
} QTestUartSocket;

/**
 * qtest_uart_socket_start: start an emulator that connects to us.
 * @u: filled in with the emulator and our end of the connection.
 * @prefix: start of the socket's file name, e.g. "pl011-test".
 * @machine_args: the board, e.g. "-machine virt".
 * @chardev_opts: appended to the socket chardev's options; "" or
 *                starting with a comma.
 * @extra: more command line arguments, or "".
 *
 * We listen and the emulator connects as a client while it starts, so
 * the connection is up in both directions when this returns.  The
 * socket file is removed once the emulator has connected.
 */
void qtest_uart_socket_start(QTestUartSocket *u, const char *prefix,
                             const char *machine_args,
                             const char *chardev_opts, const char *extra);

/**
 * qtest_uart_socket_start_server: start an emulator that listens for us.
 * @u: filled in with the emulator and our end of the connection.
 * @prefix: start of the socket's file name, e.g. "serial-test".
 * @machine_args: the board, e.g. "-machine pc".
 * @chardev_opts: appended to the socket chardev's options ("server=on,
 *                wait=off" already); "" or starting with a comma.
 * @extra: more command line arguments, or "".
 *
 * The emulator is the server, which is where telnet=on decodes the
 * peer's commands.  What we send waits in our connection until the
 * emulator accepts it; what the UART sends before then is lost.  The
 * socket file is removed once we have connected.
 */
void qtest_uart_socket_start_server(QTestUartSocket *u, const char *prefix,
                                    const char *machine_args,
                                    const char *chardev_opts,
                                    const char *extra);

/**
 * qtest_uart_socket_stop: quit the emulator and close our end.
 * @u: a started socket UART.
 */
void qtest_uart_socket_stop(QTestUartSocket *u);

/**
 * qtest_uart_socket_send: send all of a buffer to the UART.
 * @u: a started socket UART.
 * @buf: the bytes.
 * @len: how many.
 *
 * Blocks while the connection is full; fails the test on an error.
 */
void qtest_uart_socket_send(QTestUartSocket *u, const void *buf, size_t len);

/**
 * qtest_uart_socket_recv_now: what the UART has sent so far, without
 * waiting.
 * @u: a started socket UART.
 * @buf: where to store the bytes.
 * @len: at most this many.
 *
 * Returns how many bytes were stored, from 0 to @len.
 */
size_t qtest_uart_socket_recv_now(QTestUartSocket *u, uint8_t *buf,
                                  size_t len);

/**
 * qtest_uart_socket_recv: wait for @len bytes from the UART.
 * @u: a started socket UART.
 * @buf: where to store the bytes.
 * @len: how many.
 *
 * Talks to the emulator over qtest while waiting, so that a crashed
 * emulator fails the test at once; fails it too when the bytes have not
 * all arrived after ten seconds.
 */
void qtest_uart_socket_recv(QTestUartSocket *u, uint8_t *buf, size_t len);

/**
 * QTestUartPipe: an emulator whose first serial port is a named pipe.
 * @qts: the emulator.
 * @base: the pipe back end's path, without ".in" or ".out".
 * @fd: both ends of the UART's output pipe, non-blocking.
 * @filler: our own bytes still in that pipe.
 *
 * The output pipe holds one page: we fill it ourselves to stall the UART
 * and read it to let the UART go on.
 */
typedef struct QTestUartPipe {
    QTestState *qts;
    char *base;
    int fd;
    size_t filler;
} QTestUartPipe;

/**
 * qtest_uart_pipe_start: start an emulator on a pair of named pipes.
 * @p: filled in with the emulator and our end of its output.
 * @prefix: start of the pipes' file names, e.g. "pl011-test".
 * @name: tells apart pipes used at once, e.g. "src" and "dst".
 * @machine_args: the board, e.g. "-machine virt".
 * @extra: more command line arguments, or "".
 *
 * The pipes are <prefix>-<pid>-<name>.in and .out in the temporary
 * directory.
 */
void qtest_uart_pipe_start(QTestUartPipe *p, const char *prefix,
                           const char *name, const char *machine_args,
                           const char *extra);

/**
 * qtest_uart_pipe_stop: close our end and remove the pipes.
 * @p: a started pipe UART whose emulator has quit.
 */
void qtest_uart_pipe_stop(QTestUartPipe *p);

/**
 * qtest_uart_pipe_fill: fill the output pipe to the brim.
 * @p: a started pipe UART.
 *
 * The UART's next write to its back end is then refused.
 */
void qtest_uart_pipe_fill(QTestUartPipe *p);

/**
 * qtest_uart_pipe_drain: empty the output pipe.
 * @p: a started pipe UART.
 * @buf: where the UART's bytes (after our filler) go.
 * @len: room in @buf; more bytes than that fail the test.
 *
 * Returns how many bytes of the UART's were stored.
 */
size_t qtest_uart_pipe_drain(QTestUartPipe *p, uint8_t *buf, size_t len);

/**
 * qtest_uart_log_path: a file name for the emulator's -D log.
 * @prefix: start of the file name, e.g. "pl011-test".
 *
 * Returns a newly allocated path; qtest_uart_quit_and_read_log() removes
 * the file.
 */
char *qtest_uart_log_path(const char *prefix);

/**
 * qtest_uart_quit_and_read_log: quit the emulator and read its log.
 * @qts: an emulator started with -D @path.
 * @path: from qtest_uart_log_path().
 *
 * Quitting flushes the log.  The file must exist; it is removed.
 * Returns its text, newly allocated.
 */
char *qtest_uart_quit_and_read_log(QTestState *qts, const char *path);

#endif
