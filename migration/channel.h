/*
 * Migration channels: where a stream goes to or comes from.
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * Addresses come as URIs (tcp:HOST:PORT, unix:PATH, exec:CMD, fd:N,
 * file:PATH[,offset=N]) or as QMP MigrationChannel objects; both become
 * a MigrationAddress.  Opening one yields a plain file descriptor.
 */
#ifndef MIGRATION_CHANNEL_H
#define MIGRATION_CHANNEL_H

#include "qobject/qobject.h"

typedef enum MigrationAddressType {
    MIGRATION_ADDRESS_TCP,
    MIGRATION_ADDRESS_UNIX,
    MIGRATION_ADDRESS_EXEC,
    MIGRATION_ADDRESS_FD,
    MIGRATION_ADDRESS_FILE,
} MigrationAddressType;

typedef struct MigrationAddress {
    MigrationAddressType type;
    char *host;                 /* tcp; "" for any/loopback */
    char *port;                 /* tcp */
    char *path;                 /* unix, file */
    char **argv;                /* exec */
    char *fdname;               /* fd */
    uint64_t offset;            /* file */
} MigrationAddress;

/** migration_address_parse_uri: a URI, as -incoming and migrate take. */
bool migration_address_parse_uri(const char *uri, MigrationAddress *addr,
                                 Error **errp);

/**
 * migration_address_parse_channels: a list of MigrationChannel objects
 * (only one "main" channel is supported).
 */
bool migration_address_parse_channels(QList *channels,
                                      MigrationAddress *addr,
                                      Error **errp);

/** migration_address_clear: free what @addr holds. */
void migration_address_clear(MigrationAddress *addr);

/** migration_address_listens: the incoming side accepts a connection. */
bool migration_address_listens(const MigrationAddress *addr);

/**
 * migration_channel_connect: open the outgoing side; returns a writable
 * fd or -1.  *@pid is the exec child, or -1.
 */
int migration_channel_connect(const MigrationAddress *addr, pid_t *pid,
                              Error **errp);

/**
 * migration_channel_open_incoming: exec, fd and file addresses: a
 * readable fd or -1.  *@pid is the exec child, or -1.
 */
int migration_channel_open_incoming(const MigrationAddress *addr,
                                    pid_t *pid, Error **errp);

/** migration_channel_listen: tcp and unix: a listening socket or -1. */
int migration_channel_listen(const MigrationAddress *addr, Error **errp);

/**
 * migration_channel_socket_address: the SocketAddress list QEMU shows
 * in query-migrate for a listening socket (new reference).
 */
QList *migration_channel_socket_address(int listen_fd);

#endif
