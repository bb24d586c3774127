/*
 * Stream sockets: resolve, connect and listen for TCP and Unix.
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * Shared by the socket chardev and the migration channels.  Every
 * descriptor is created close-on-exec; errors name the address.
 */
#ifndef QEMU_SOCKETS_H
#define QEMU_SOCKETS_H

#include <sys/socket.h>

/**
 * inet_connect_host: connect to @host:@port, trying each address
 * getaddrinfo gives.  An empty @host is the local host.  @family is
 * AF_UNSPEC, AF_INET or AF_INET6.  Returns the descriptor or -1 with
 * @errp set ("Failed to connect to 'host:port': ...").
 */
int inet_connect_host(const char *host, const char *port, int family,
                      Error **errp);

/**
 * inet_listen_host: bind and listen (backlog 1) on @host:@port with
 * SO_REUSEADDR; an empty @host is every address.  An IPv6 wildcard also
 * accepts IPv4 peers unless @family is AF_INET6.  Returns the descriptor
 * or -1 with @errp set ("Failed to listen on host:port: ...").
 */
int inet_listen_host(const char *host, const char *port, int family,
                     Error **errp);

/**
 * unix_connect_path / unix_listen_path: the same for a Unix socket at
 * @path; @abstract puts it in the abstract namespace, where @tight gives
 * the address its exact length.  Listening removes a stale file first.
 */
int unix_connect_path(const char *path, bool abstract, bool tight,
                      Error **errp);
int unix_listen_path(const char *path, bool abstract, bool tight,
                     Error **errp);

#endif
