/*
 * libqtest: start QEMU under the qtest protocol and drive it from a test.
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * Each QTestState is one QEMU process, started from QTEST_QEMU_BINARY with
 * a qtest socket and a QMP socket, both connected back to the test.  The
 * names and behaviour follow QEMU's own libqtest, so a test written
 * against this header runs against our binaries and against QEMU's.
 *
 * Environment: QTEST_QEMU_BINARY (required), QTEST_LOG (echo the qtest
 * log and QMP traffic to stderr), QTEST_TRACE (-trace argument),
 * QTEST_STOP (SIGSTOP QEMU after connecting, to attach a debugger) and
 * QTEST_ACCEL (our addition: the accelerator appended to the command
 * line, "qtest" by default; any other value is appended as
 * "-accel <value> -S" for binaries built without the qtest accelerator).
 */
#ifndef LIBQTEST_H
#define LIBQTEST_H

#include "qobject/qobject.h"
#include "libqmp.h"

typedef struct QTestState QTestState;

/**
 * QTestQMPEventCallback: filter for QMP events met by qtest_qmp_receive().
 * @s: the QEMU instance.
 * @name: the event name.
 * @event: the whole event message (borrowed).
 * @opaque: the data given to qtest_qmp_set_event_callback().
 *
 * Returns true to drop the event, false to queue it for
 * qtest_qmp_eventwait() and friends.
 */
typedef bool (*QTestQMPEventCallback)(QTestState *s, const char *name,
                                      QDict *event, void *opaque);

/**
 * qtest_initf: start QEMU with printf-formatted extra arguments.
 * @fmt: format of the arguments, then its values.
 *
 * Returns the new instance, QMP negotiation already done.
 */
QTestState *qtest_initf(const char *fmt, ...) G_GNUC_PRINTF(1, 2);

/**
 * qtest_vinitf: start QEMU with printf-formatted extra arguments.
 * @fmt: format of the arguments.
 * @ap: its values.
 */
QTestState *qtest_vinitf(const char *fmt, va_list ap) G_GNUC_PRINTF(1, 0);

/**
 * qtest_init: start QEMU and negotiate QMP capabilities.
 * @extra_args: arguments added to the command line; they go through
 *              /bin/sh word splitting and quote removal.
 *
 * Aborts the test when QEMU does not start or answers unexpectedly.
 */
QTestState *qtest_init(const char *extra_args);

/**
 * qtest_init_without_qmp_handshake: start QEMU, leave QMP untouched.
 * @extra_args: arguments added to the command line.
 *
 * The qtest connection is up and its endianness known; the QMP greeting
 * is still unread and capabilities are not negotiated.
 */
QTestState *qtest_init_without_qmp_handshake(const char *extra_args);

/**
 * qtest_init_with_env: start QEMU from a binary named by @var.
 * @var: environment variable holding the binary's path; when NULL or not
 *       set, QTEST_QEMU_BINARY is used.
 * @extra_args: arguments added to the command line.
 * @do_connect: when false, QEMU is started but nothing is accepted yet;
 *              call qtest_connect() and qtest_qmp_handshake() later.
 */
QTestState *qtest_init_with_env(const char *var, const char *extra_args,
                                bool do_connect);

/**
 * qtest_init_with_env_and_capabilities: qtest_init_with_env() that also
 * enables QMP capabilities.
 * @var: see qtest_init_with_env().
 * @extra_args: arguments added to the command line.
 * @capabilities: list of capability names passed to qmp_capabilities as
 *                "enable" (borrowed; NULL for none).
 * @do_connect: see qtest_init_with_env().
 */
QTestState *qtest_init_with_env_and_capabilities(const char *var,
                                                 const char *extra_args,
                                                 QList *capabilities,
                                                 bool do_connect);

/**
 * qtest_connect: accept QEMU's qtest and QMP connections.
 * @s: an instance started with @do_connect false.
 *
 * Also asks the target's endianness.
 */
void qtest_connect(QTestState *s);

/**
 * qtest_qmp_handshake: read the QMP greeting and negotiate capabilities.
 * @s: a connected instance.
 * @capabilities: names to enable (borrowed), or NULL.
 *
 * Requires the reply {"return": {}}.
 */
void qtest_qmp_handshake(QTestState *s, QList *capabilities);

/**
 * qtest_socket_server: a listening Unix socket at @socket_path.
 * @socket_path: where; a stale file there is removed first.
 *
 * Returns the listening descriptor (backlog 1, close-on-exec).
 */
int qtest_socket_server(const char *socket_path);

/**
 * qtest_pid: process id of QEMU.
 * @s: the instance.
 *
 * Returns -1 once the process has been reaped.
 */
pid_t qtest_pid(QTestState *s);

/**
 * qtest_wait_qemu: wait for QEMU to exit and check its exit status.
 * @s: the instance.
 *
 * Waits up to 30 seconds, then kills QEMU with SIGKILL.  Aborts unless
 * QEMU exited normally with the expected status (0 unless set by
 * qtest_set_expected_status()).
 */
void qtest_wait_qemu(QTestState *s);

/**
 * qtest_kill_qemu: send SIGTERM to QEMU, then qtest_wait_qemu().
 * @s: the instance; it stays allocated, free it with qtest_quit().
 */
void qtest_kill_qemu(QTestState *s);

/**
 * qtest_quit: terminate QEMU, check its exit status and free @s.
 * @s: the instance.
 */
void qtest_quit(QTestState *s);

/**
 * qtest_set_expected_status: exit status qtest_quit() accepts.
 * @s: the instance.
 * @status: the status, 0 by default.
 */
void qtest_set_expected_status(QTestState *s, int status);

/**
 * qtest_probe_child: whether QEMU is still running.
 * @s: the instance.
 *
 * A QEMU that has exited is reaped and its status kept for qtest_quit().
 */
bool qtest_probe_child(QTestState *s);

/**
 * qtest_qmp_fds: send a QMP command with descriptors, wait for its reply.
 * @s: the instance.
 * @fds: descriptors sent with SCM_RIGHTS.
 * @fds_num: how many.
 * @fmt: the command in QEMU's JSON dialect, then the values for its
 *       %-conversions.
 *
 * Events that arrive first are queued.  Returns a new reference.
 */
QDict *qtest_qmp_fds(QTestState *s, int *fds, size_t fds_num,
                     const char *fmt, ...) G_GNUC_PRINTF(4, 5);

/**
 * qtest_qmp: send a QMP command and wait for its reply.
 * @s: the instance.
 * @fmt: the command, e.g. "{'execute': 'qom-get', 'arguments':
 *       {'path': %s, 'property': 'type'}}", then the values.
 *
 * Events that arrive before the reply are queued.  Returns a new
 * reference.
 */
QDict *qtest_qmp(QTestState *s, const char *fmt, ...) G_GNUC_PRINTF(2, 3);

/**
 * qtest_vqmp_fds: va_list form of qtest_qmp_fds().
 * @s: the instance.
 * @fds: descriptors sent with SCM_RIGHTS.
 * @fds_num: how many.
 * @fmt: the command.
 * @ap: its values.
 */
QDict *qtest_vqmp_fds(QTestState *s, int *fds, size_t fds_num,
                      const char *fmt, va_list ap) G_GNUC_PRINTF(4, 0);

/**
 * qtest_vqmp: va_list form of qtest_qmp().
 * @s: the instance.
 * @fmt: the command.
 * @ap: its values.
 */
QDict *qtest_vqmp(QTestState *s, const char *fmt, va_list ap)
    G_GNUC_PRINTF(2, 0);

/**
 * qtest_qmp_send: send a QMP command without waiting for the reply.
 * @s: the instance.
 * @fmt: the command, then its values.
 */
void qtest_qmp_send(QTestState *s, const char *fmt, ...) G_GNUC_PRINTF(2, 3);

/**
 * qtest_qmp_vsend: va_list form of qtest_qmp_send().
 * @s: the instance.
 * @fmt: the command.
 * @ap: its values.
 */
void qtest_qmp_vsend(QTestState *s, const char *fmt, va_list ap)
    G_GNUC_PRINTF(2, 0);

/**
 * qtest_qmp_vsend_fds: qtest_qmp_vsend() with descriptors attached.
 * @s: the instance.
 * @fds: descriptors sent with SCM_RIGHTS.
 * @fds_num: how many.
 * @fmt: the command.
 * @ap: its values.
 */
void qtest_qmp_vsend_fds(QTestState *s, int *fds, size_t fds_num,
                         const char *fmt, va_list ap) G_GNUC_PRINTF(4, 0);

/**
 * qtest_qmp_send_raw: send text to QMP as it is.
 * @s: the instance.
 * @fmt: printf-style format of the bytes (no JSON processing, no newline
 *       added), then its arguments; used to send malformed input.
 */
void qtest_qmp_send_raw(QTestState *s, const char *fmt, ...)
    G_GNUC_PRINTF(2, 3);

/**
 * qtest_qmp_receive_dict: the next message from the QMP socket.
 * @s: the instance.
 *
 * Events included, the queue not consulted.  Returns a new reference.
 */
QDict *qtest_qmp_receive_dict(QTestState *s);

/**
 * qtest_qmp_receive: the next message that is not an event.
 * @s: the instance.
 *
 * Events met on the way are queued (or dropped by the event callback).
 * Returns a new reference.
 */
QDict *qtest_qmp_receive(QTestState *s);

/**
 * qtest_qmp_set_event_callback: filter for queued events.
 * @s: the instance.
 * @cb: called for each event qtest_qmp_receive() meets, or NULL.
 * @opaque: passed to @cb.
 */
void qtest_qmp_set_event_callback(QTestState *s, QTestQMPEventCallback cb,
                                  void *opaque);

/**
 * qtest_qmp_eventwait: wait for an event and drop it.
 * @s: the instance.
 * @event: the event name, e.g. "RESET".
 */
void qtest_qmp_eventwait(QTestState *s, const char *event);

/**
 * qtest_qmp_eventwait_ref: wait for an event.
 * @s: the instance.
 * @event: the event name.
 *
 * Takes it from the queue when it is there, else reads messages and
 * drops everything else until it arrives.  Returns a new reference.
 */
QDict *qtest_qmp_eventwait_ref(QTestState *s, const char *event);

/**
 * qtest_qmp_event_ref: take a queued event without waiting.
 * @s: the instance.
 * @event: the event name.
 *
 * Returns a new reference, or NULL when no such event is queued.
 */
QDict *qtest_qmp_event_ref(QTestState *s, const char *event);

/**
 * qtest_qmp_assert_success_ref: run a QMP command that must succeed.
 * @s: the instance.
 * @fmt: the command, then its values.
 *
 * Returns the "return" member when it is a dict (a new reference),
 * else NULL.
 */
QDict *qtest_qmp_assert_success_ref(QTestState *s, const char *fmt, ...)
    G_GNUC_PRINTF(2, 3);

/**
 * qtest_vqmp_assert_success_ref: va_list form of
 * qtest_qmp_assert_success_ref().
 * @s: the instance.
 * @fmt: the command.
 * @ap: its values.
 */
QDict *qtest_vqmp_assert_success_ref(QTestState *s, const char *fmt,
                                     va_list ap) G_GNUC_PRINTF(2, 0);

/**
 * qtest_qmp_assert_success: run a QMP command that must succeed.
 * @s: the instance.
 * @fmt: the command, then its values.
 */
void qtest_qmp_assert_success(QTestState *s, const char *fmt, ...)
    G_GNUC_PRINTF(2, 3);

/**
 * qtest_vqmp_assert_success: va_list form of qtest_qmp_assert_success().
 * @s: the instance.
 * @fmt: the command.
 * @ap: its values.
 */
void qtest_vqmp_assert_success(QTestState *s, const char *fmt, va_list ap)
    G_GNUC_PRINTF(2, 0);

/**
 * qtest_hmp: run a human monitor command through QMP.
 * @s: the instance.
 * @fmt: printf-style command line, then its arguments.
 *
 * Returns the command's output (newly allocated; HMP errors are text in
 * it too).
 */
char *qtest_hmp(QTestState *s, const char *fmt, ...) G_GNUC_PRINTF(2, 3);

/**
 * qtest_vhmp: va_list form of qtest_hmp().
 * @s: the instance.
 * @fmt: the command line format.
 * @ap: its arguments.
 */
char *qtest_vhmp(QTestState *s, const char *fmt, va_list ap)
    G_GNUC_PRINTF(2, 0);

/**
 * qtest_system_reset: reset the machine and wait for the RESET event.
 * @s: the instance.
 */
void qtest_system_reset(QTestState *s);

/**
 * qtest_system_reset_nowait: reset the machine, do not wait for RESET.
 * @s: the instance.
 */
void qtest_system_reset_nowait(QTestState *s);

/**
 * qtest_init_incoming_stream: start QEMU with @extra_args plus "-incoming
 * defer", feed it the migration stream @data (@len bytes) and wait until
 * the load completes or fails.  *@error_desc is NULL on success, else
 * query-migrate's error description (caller frees).  Where the binary has
 * the qtest accelerator (ours), a failed load leaves the process running
 * (exit-on-error false) so the test can go on asking it questions; QEMU
 * 7.2 lacks that option.  Our addition.
 */
QTestState *qtest_init_incoming_stream(const char *extra_args,
                                       const void *data, size_t len,
                                       char **error_desc);

/**
 * qtest_migrate_wait: wait for a migration to complete.
 * @s: the instance that runs it, source or destination.
 *
 * Polls query-migrate until its status is "completed"; fails the test
 * when it is "failed" or "cancelled", or after a minute.  Our addition.
 */
void qtest_migrate_wait(QTestState *s);

/**
 * qtest_wait_runstate: wait until query-status reports @want.
 * @s: the instance.
 * @want: a RunState name such as "running" or "postmigrate".
 *
 * Polls for up to a minute, then fails the test.  Our addition.
 */
void qtest_wait_runstate(QTestState *s, const char *want);

/**
 * qtest_migrate_save: save the machine's state and quit it.
 * @s: the instance; it is gone on return.
 * @len: set to the length of the stream.
 *
 * Migrates to a temporary file, waits for the migration to complete and
 * quits @s.  Returns the stream, newly allocated.  Our addition, for
 * tests that compare what is saved with what QEMU saves.
 */
char *qtest_migrate_save(QTestState *s, gsize *len);

/**
 * qtest_stream_new: start a migration stream, as QEMU 7.2 writes one.
 * @machine_type: the configuration's machine name; "" matches any.
 *
 * Holds the header (version 3) and the configuration section with its
 * "configuration/target-page-bits" subsection (4 KiB pages, as both
 * targets use).  Device sections follow, then qtest_stream_finish().
 * Our addition; every qtest_stream_* function appends to the array.
 */
GByteArray *qtest_stream_new(const char *machine_type);

/**
 * qtest_stream_put_byte: append one byte.
 * @b: the stream.
 * @v: the byte.
 */
void qtest_stream_put_byte(GByteArray *b, uint8_t v);

/**
 * qtest_stream_put_be32: append a 32-bit big-endian word.
 * @b: the stream.
 * @v: the word.
 */
void qtest_stream_put_be32(GByteArray *b, uint32_t v);

/**
 * qtest_stream_put_be64: append a 64-bit big-endian word.
 * @b: the stream.
 * @v: the word.
 */
void qtest_stream_put_be64(GByteArray *b, uint64_t v);

/**
 * qtest_stream_put_str: append a string as its length byte and bytes.
 * @b: the stream.
 * @str: at most 255 characters; the NUL is not written.
 */
void qtest_stream_put_str(GByteArray *b, const char *str);

/**
 * qtest_stream_section_start: append the header of a full section.
 * @b: the stream.
 * @section_id: the number that qtest_stream_section_end() repeats.
 * @idstr: the device's section name, e.g. "pl011".
 * @instance: the instance number.
 * @version: the section's version.
 *
 * The device's fields and subsections follow.
 */
void qtest_stream_section_start(GByteArray *b, uint32_t section_id,
                                const char *idstr, uint32_t instance,
                                uint32_t version);

/**
 * qtest_stream_subsection_start: append the header of a subsection.
 * @b: the stream.
 * @name: its name, e.g. "serial/tsr".
 * @version: its version.
 *
 * The subsection's fields follow; nothing ends a subsection.
 */
void qtest_stream_subsection_start(GByteArray *b, const char *name,
                                   uint32_t version);

/**
 * qtest_stream_section_end: append the footer of a full section.
 * @b: the stream.
 * @section_id: as given to qtest_stream_section_start().
 */
void qtest_stream_section_end(GByteArray *b, uint32_t section_id);

/**
 * qtest_stream_finish: end a stream.
 * @b: the stream.
 *
 * Appends the end-of-stream marker and the (empty) JSON description
 * that loaders expect after it.
 */
void qtest_stream_finish(GByteArray *b);

/**
 * qtest_stream_find_section: find a full section in a saved stream.
 * @data: the stream.
 * @len: its length.
 * @head: the bytes that follow the section's id: its name, as
 *        qtest_stream_put_str() writes it, and usually its instance and
 *        version.
 * @head_len: how many.
 *
 * Returns where @head starts in @data, or NULL when no full section
 * starts with it.
 */
const uint8_t *qtest_stream_find_section(const void *data, size_t len,
                                         const void *head, size_t head_len);

/**
 * qtest_qom_find_child_of_type: the QOM path of the first object of type
 * @type found depth-first below @path (children in listing order), or
 * NULL.  Our addition, for devices whose path differs between builds
 * (QEMU puts board devices under /machine/unattached/device[N]).
 * The caller frees the result.
 */
char *qtest_qom_find_child_of_type(QTestState *s, const char *path,
                                   const char *type);

/**
 * qtest_qom_get_bool: read a boolean QOM property.
 * @s: the instance.
 * @path: QOM path of the object.
 * @property: property name.
 */
bool qtest_qom_get_bool(QTestState *s, const char *path,
                        const char *property);

/**
 * qtest_qom_set_bool: write a boolean QOM property; must succeed.
 * @s: the instance.
 * @path: QOM path of the object.
 * @property: property name.
 * @value: the new value.
 */
void qtest_qom_set_bool(QTestState *s, const char *path,
                        const char *property, bool value);

/**
 * qtest_qmp_device_add_qdict: device_add that must succeed.
 * @s: the instance.
 * @drv: the driver name.
 * @arguments: the other properties (borrowed), or NULL.
 */
void qtest_qmp_device_add_qdict(QTestState *s, const char *drv,
                                const QDict *arguments);

/**
 * qtest_qmp_device_add: device_add that must succeed.
 * @s: the instance.
 * @driver: the driver name.
 * @id: the device id.
 * @fmt: a JSON object of further properties, e.g. "{'addr': %s}", then
 *       its values.
 */
void qtest_qmp_device_add(QTestState *s, const char *driver, const char *id,
                          const char *fmt, ...) G_GNUC_PRINTF(4, 5);

/**
 * qtest_qmp_device_del_send: device_del that must be accepted.
 * @s: the instance.
 * @id: the device id.
 */
void qtest_qmp_device_del_send(QTestState *s, const char *id);

/**
 * qtest_qmp_device_del: device_del, then wait for DEVICE_DELETED.
 * @s: the instance.
 * @id: the device id.
 */
void qtest_qmp_device_del(QTestState *s, const char *id);

/**
 * qtest_qmp_add_client: hand a connected socket to QEMU (getfd +
 * add_client).
 * @s: the instance.
 * @protocol: the add_client protocol, e.g. "vnc".
 * @fd: the descriptor sent with SCM_RIGHTS.
 */
void qtest_qmp_add_client(QTestState *s, const char *protocol, int fd);

/**
 * qtest_module_load: load a module (QEMU builds with modules only).
 * @s: the instance.
 * @prefix: the module prefix.
 * @libname: the module name.
 */
void qtest_module_load(QTestState *s, const char *prefix,
                       const char *libname);

/**
 * qtest_get_irq: the level last reported for an intercepted IRQ line.
 * @s: the instance.
 * @num: line number, below 256.
 *
 * First sends "inb 0" so that IRQ changes already signalled are read.
 */
bool qtest_get_irq(QTestState *s, int num);

/**
 * qtest_irq_intercept_in: observe a device's unnamed GPIO inputs.
 * @s: the instance.
 * @qom_path: QOM path (absolute or a unique partial one).
 */
void qtest_irq_intercept_in(QTestState *s, const char *qom_path);

/**
 * qtest_irq_intercept_out: observe a device's unnamed GPIO outputs.
 * @s: the instance.
 * @qom_path: QOM path.
 */
void qtest_irq_intercept_out(QTestState *s, const char *qom_path);

/**
 * qtest_irq_intercept_out_named: observe a named list of GPIO outputs.
 * @s: the instance.
 * @qom_path: QOM path.
 * @name: the GPIO list name.
 */
void qtest_irq_intercept_out_named(QTestState *s, const char *qom_path,
                                   const char *name);

/**
 * qtest_set_irq_in: drive a device's GPIO input.
 * @s: the instance.
 * @qom_path: QOM path.
 * @name: GPIO list name, or "unnamed-gpio-in".
 * @irq: line number in the list.
 * @level: the level.
 */
void qtest_set_irq_in(QTestState *s, const char *qom_path, const char *name,
                      int irq, int level);

/**
 * qtest_outb: write a byte to an I/O port.
 * @s: the instance.
 * @addr: the port.
 * @value: the byte.
 */
void qtest_outb(QTestState *s, uint16_t addr, uint8_t value);

/**
 * qtest_outw: write 16 bits to an I/O port.
 * @s: the instance.
 * @addr: the port.
 * @value: the value.
 */
void qtest_outw(QTestState *s, uint16_t addr, uint16_t value);

/**
 * qtest_outl: write 32 bits to an I/O port.
 * @s: the instance.
 * @addr: the port.
 * @value: the value.
 */
void qtest_outl(QTestState *s, uint16_t addr, uint32_t value);

/**
 * qtest_inb: read a byte from an I/O port.
 * @s: the instance.
 * @addr: the port.
 */
uint8_t qtest_inb(QTestState *s, uint16_t addr);

/**
 * qtest_inw: read 16 bits from an I/O port.
 * @s: the instance.
 * @addr: the port.
 */
uint16_t qtest_inw(QTestState *s, uint16_t addr);

/**
 * qtest_inl: read 32 bits from an I/O port.
 * @s: the instance.
 * @addr: the port.
 */
uint32_t qtest_inl(QTestState *s, uint16_t addr);

/**
 * qtest_writeb: write a byte to guest memory (CPU 0's address space).
 * @s: the instance.
 * @addr: guest physical address.
 * @value: the byte.
 */
void qtest_writeb(QTestState *s, uint64_t addr, uint8_t value);

/**
 * qtest_writew: write 16 bits to guest memory, target endianness.
 * @s: the instance.
 * @addr: guest physical address.
 * @value: the value.
 */
void qtest_writew(QTestState *s, uint64_t addr, uint16_t value);

/**
 * qtest_writel: write 32 bits to guest memory, target endianness.
 * @s: the instance.
 * @addr: guest physical address.
 * @value: the value.
 */
void qtest_writel(QTestState *s, uint64_t addr, uint32_t value);

/**
 * qtest_writeq: write 64 bits to guest memory, target endianness.
 * @s: the instance.
 * @addr: guest physical address.
 * @value: the value.
 */
void qtest_writeq(QTestState *s, uint64_t addr, uint64_t value);

/**
 * qtest_readb: read a byte of guest memory.
 * @s: the instance.
 * @addr: guest physical address.
 */
uint8_t qtest_readb(QTestState *s, uint64_t addr);

/**
 * qtest_readw: read 16 bits of guest memory, target endianness.
 * @s: the instance.
 * @addr: guest physical address.
 */
uint16_t qtest_readw(QTestState *s, uint64_t addr);

/**
 * qtest_readl: read 32 bits of guest memory, target endianness.
 * @s: the instance.
 * @addr: guest physical address.
 */
uint32_t qtest_readl(QTestState *s, uint64_t addr);

/**
 * qtest_readq: read 64 bits of guest memory, target endianness.
 * @s: the instance.
 * @addr: guest physical address.
 */
uint64_t qtest_readq(QTestState *s, uint64_t addr);

/**
 * qtest_memread: read guest memory as bytes ("read", hex encoded).
 * @s: the instance.
 * @addr: guest physical address.
 * @data: where to put them.
 * @size: how many.
 */
void qtest_memread(QTestState *s, uint64_t addr, void *data, size_t size);

/**
 * qtest_memwrite: write bytes to guest memory ("write", hex encoded).
 * @s: the instance.
 * @addr: guest physical address.
 * @data: the bytes.
 * @size: how many.
 */
void qtest_memwrite(QTestState *s, uint64_t addr, const void *data,
                    size_t size);

/**
 * qtest_bufread: read guest memory as bytes ("b64read").
 * @s: the instance.
 * @addr: guest physical address.
 * @data: where to put them.
 * @size: how many.
 */
void qtest_bufread(QTestState *s, uint64_t addr, void *data, size_t size);

/**
 * qtest_bufwrite: write bytes to guest memory ("b64write").
 * @s: the instance.
 * @addr: guest physical address.
 * @data: the bytes.
 * @size: how many.
 */
void qtest_bufwrite(QTestState *s, uint64_t addr, const void *data,
                    size_t size);

/**
 * qtest_memset: fill guest memory with a byte.
 * @s: the instance.
 * @addr: guest physical address.
 * @patt: the byte.
 * @size: how many bytes.
 */
void qtest_memset(QTestState *s, uint64_t addr, uint8_t patt, size_t size);

/**
 * qtest_clock_step_next: advance the virtual clock to the next deadline.
 * @s: the instance.
 *
 * Returns the virtual clock afterwards, in nanoseconds.
 */
int64_t qtest_clock_step_next(QTestState *s);

/**
 * qtest_clock_step: advance the virtual clock.
 * @s: the instance.
 * @step: nanoseconds to advance by.
 *
 * Returns the virtual clock afterwards, in nanoseconds.
 */
int64_t qtest_clock_step(QTestState *s, int64_t step);

/**
 * qtest_clock_set: advance the virtual clock to an absolute time.
 * @s: the instance.
 * @val: the target, in nanoseconds.
 *
 * Returns the virtual clock afterwards, in nanoseconds.
 */
int64_t qtest_clock_set(QTestState *s, int64_t val);

/**
 * qtest_clock_is_driven: whether the virtual clock obeys clock_step.
 *
 * Our addition: true when QTEST_ACCEL selects the qtest accelerator.
 * Tests that step the clock skip themselves otherwise, with the reason
 * "clock_step needs the qtest accelerator".
 */
bool qtest_clock_is_driven(void);

/**
 * qtest_skip_on_reference: skip the test where the clock is not driven.
 * @why: the reason, given to g_test_skip().
 *
 * Our addition.  That is the reference QEMU, which has no qtest
 * accelerator: libqtest runs it with TCG, and its virtual clock does
 * not obey clock_step.  Returns true when the test was skipped and
 * should return at once.
 */
bool qtest_skip_on_reference(const char *why);

/**
 * qtest_big_endian: whether the target is big endian.
 * @s: the instance.
 */
bool qtest_big_endian(QTestState *s);

/**
 * qtest_raw_line: send one qtest protocol line, return the reply line.
 * @s: the instance.
 * @fmt: printf-style line without its newline, then its arguments.
 *
 * Our addition, for protocol tests: the reply is returned whatever it is
 * ("OK ...", "FAIL ...", "ERR ..."), without its newline; IRQ lines met
 * first are recorded as usual.  Returns a newly allocated string.
 */
char *qtest_raw_line(QTestState *s, const char *fmt, ...) G_GNUC_PRINTF(2, 3);

/**
 * qtest_raw_cmd: qtest_raw_line() split into words.
 * @s: the instance.
 * @fmt: printf-style line without its newline, then its arguments.
 *
 * Our addition.  The reply is split on single spaces, as the protocol
 * does.  Returns a NULL-terminated vector; free it with g_strfreev().
 */
gchar **qtest_raw_cmd(QTestState *s, const char *fmt, ...)
    G_GNUC_PRINTF(2, 3);

/**
 * qtest_get_arch: the target architecture, from QTEST_QEMU_BINARY.
 *
 * The text after the last '-' of the binary name ("x86_64" for
 * ".../qemu-system-x86_64").
 */
const char *qtest_get_arch(void);

/**
 * qtest_has_accel: whether the binary has an accelerator.
 * @accel_name: e.g. "tcg", "kvm", "qtest".
 *
 * Asks a "-machine none" instance for the QOM type "<name>-accel"; KVM
 * also needs an accessible /dev/kvm.  The answer is cached.
 */
bool qtest_has_accel(const char *accel_name);

/**
 * qtest_add_func: register a test case under "/<arch>/".
 * @str: the test path, e.g. "/hpet/counter".
 * @fn: the test function.
 */
void qtest_add_func(const char *str, void (*fn)(void));

/**
 * qtest_add_data_func: register a test case with data under "/<arch>/".
 * @str: the test path.
 * @data: passed to @fn.
 * @fn: the test function.
 */
void qtest_add_data_func(const char *str, const void *data,
                         void (*fn)(const void *));

/**
 * qtest_add_data_func_full: qtest_add_data_func() that frees @data.
 * @str: the test path.
 * @data: passed to @fn.
 * @fn: the test function.
 * @data_free_func: called on @data at the end of the run.
 */
void qtest_add_data_func_full(const char *str, void *data,
                              void (*fn)(const void *),
                              GDestroyNotify data_free_func);

/**
 * qtest_add: g_test_add() with the "/<arch>/" prefix.
 * @testpath: the test path.
 * @Fixture: the fixture type.
 * @tdata: data for the test.
 * @fsetup: fixture set-up function.
 * @ftest: the test function.
 * @fteardown: fixture tear-down function.
 */
#define qtest_add(testpath, Fixture, tdata, fsetup, ftest, fteardown) \
    do {                                                                \
        char *path_ = g_strdup_printf("/%s/%s", qtest_get_arch(),      \
                                      (testpath));                      \
        g_test_add(path_, Fixture, tdata, fsetup, ftest, fteardown);   \
        g_free(path_);                                                  \
    } while (0)

/**
 * qtest_add_abrt_handler: run @fn when the test aborts.
 * @fn: the hook, called from the SIGABRT handler.
 * @data: passed to @fn, and the key for qtest_remove_abrt_handler().
 */
void qtest_add_abrt_handler(GHookFunc fn, const void *data);

/**
 * qtest_remove_abrt_handler: remove the hook registered with @data.
 * @data: the key given to qtest_add_abrt_handler().
 */
void qtest_remove_abrt_handler(void *data);

/**
 * qtest_cb_for_every_machine: call @cb for each machine of the binary.
 * @cb: called with each machine name (aliases are not visited).
 * @skip_old_versioned: skip versioned machine types older than the
 *                      newest of their family (pass g_test_quick()).
 *
 * Xen machines (xenfv*, xenpv*) are always skipped.
 */
void qtest_cb_for_every_machine(void (*cb)(const char *machine),
                                bool skip_old_versioned);

/**
 * qtest_resolve_machine_alias: the machine that @alias stands for.
 * @var: binary variable, see qtest_init_with_env().
 * @alias: e.g. "pc".
 *
 * Returns a newly allocated name, or NULL when @alias is no alias.
 */
char *qtest_resolve_machine_alias(const char *var, const char *alias);

/**
 * qtest_has_machine: whether the binary has a machine (name or alias).
 * @machine: the machine name.
 */
bool qtest_has_machine(const char *machine);

/**
 * qtest_has_machine_with_env: qtest_has_machine() for another binary.
 * @var: binary variable, see qtest_init_with_env().
 * @machine: the machine name.
 */
bool qtest_has_machine_with_env(const char *var, const char *machine);

/**
 * qtest_has_device: whether the binary has a (non-abstract) device type.
 * @device: the type name.
 */
bool qtest_has_device(const char *device);

#endif
