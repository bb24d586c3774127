/*
 * Stream sockets: resolve, connect and listen for TCP and Unix.
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include "qemu/osdep.h"
#include <netdb.h>
#include <netinet/in.h>
#include <sys/un.h>
#include "qapi/error.h"
#include "qemu/sockets.h"

static struct addrinfo *inet_resolve(const char *host, const char *port,
                                     int family, bool passive, Error **errp)
{
    struct addrinfo hints = {
        .ai_socktype = SOCK_STREAM,
        .ai_flags = passive ? AI_PASSIVE : 0,
        .ai_family = family,
    };
    struct addrinfo *res = NULL;
    const char *name = host;
    int rc;

    if (name == NULL || *name == '\0') {
        name = passive ? NULL : "localhost";
    }
    rc = getaddrinfo(name, port, &hints, &res);
    if (rc != 0) {
        error_setg(errp, "address resolution failed for %s:%s: %s",
                   host ? host : "", port, gai_strerror(rc));
        return NULL;
    }
    return res;
}

int inet_connect_host(const char *host, const char *port, int family,
                      Error **errp)
{
    struct addrinfo *res = inet_resolve(host, port, family, false, errp);
    struct addrinfo *ai;
    int saved_errno = ECONNREFUSED;
    int fd = -1;

    if (!res) {
        return -1;
    }
    for (ai = res; ai; ai = ai->ai_next) {
        fd = socket(ai->ai_family, ai->ai_socktype | SOCK_CLOEXEC,
                    ai->ai_protocol);
        if (fd < 0) {
            saved_errno = errno;
            continue;
        }
        if (connect(fd, ai->ai_addr, ai->ai_addrlen) == 0) {
            break;
        }
        saved_errno = errno;
        close(fd);
        fd = -1;
    }
    freeaddrinfo(res);
    if (fd < 0) {
        error_setg_errno(errp, saved_errno, "Failed to connect to '%s:%s'",
                         host ? host : "", port);
    }
    return fd;
}

int inet_listen_host(const char *host, const char *port, int family,
                     Error **errp)
{
    struct addrinfo *res = inet_resolve(host, port, family, true, errp);
    struct addrinfo *ai;
    int saved_errno = EADDRNOTAVAIL;
    int one = 1;
    int zero = 0;
    int fd = -1;

    if (!res) {
        return -1;
    }
    for (ai = res; ai; ai = ai->ai_next) {
        fd = socket(ai->ai_family, ai->ai_socktype | SOCK_CLOEXEC,
                    ai->ai_protocol);
        if (fd < 0) {
            saved_errno = errno;
            continue;
        }
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
        if (ai->ai_family == AF_INET6 && family != AF_INET6) {
            /* Unless IPv6 alone was asked for, take IPv4 peers too. */
            setsockopt(fd, IPPROTO_IPV6, IPV6_V6ONLY, &zero, sizeof(zero));
        }
        if (bind(fd, ai->ai_addr, ai->ai_addrlen) == 0 &&
            listen(fd, 1) == 0) {
            break;
        }
        saved_errno = errno;
        close(fd);
        fd = -1;
    }
    freeaddrinfo(res);
    if (fd < 0) {
        error_setg_errno(errp, saved_errno, "Failed to listen on %s:%s",
                         host ? host : "", port);
    }
    return fd;
}

static bool unix_sockaddr(const char *path, bool abstract, bool tight,
                          struct sockaddr_un *sun, socklen_t *len,
                          Error **errp)
{
    size_t n = strlen(path);

    /* Room for the NUL, or for the leading NUL of an abstract name. */
    if (n >= sizeof(sun->sun_path)) {
        error_setg(errp, "UNIX socket path '%s' is too long", path);
        return false;
    }
    memset(sun, 0, sizeof(*sun));
    sun->sun_family = AF_UNIX;
    if (abstract) {
        memcpy(sun->sun_path + 1, path, n);
        *len = tight ? offsetof(struct sockaddr_un, sun_path) + 1 + n
                     : sizeof(*sun);
    } else {
        memcpy(sun->sun_path, path, n);
        *len = sizeof(*sun);
    }
    return true;
}

/* A new stream socket and the address of @path; -1 with @errp set. */
static int unix_socket_new(const char *path, bool abstract, bool tight,
                           struct sockaddr_un *sun, socklen_t *len,
                           Error **errp)
{
    int fd;

    if (!unix_sockaddr(path, abstract, tight, sun, len, errp)) {
        return -1;
    }
    fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0) {
        error_setg_errno(errp, errno, "Failed to create Unix socket");
    }
    return fd;
}

int unix_connect_path(const char *path, bool abstract, bool tight,
                      Error **errp)
{
    struct sockaddr_un sun;
    socklen_t len;
    int fd = unix_socket_new(path, abstract, tight, &sun, &len, errp);

    if (fd < 0) {
        return -1;
    }
    if (connect(fd, (struct sockaddr *)&sun, len) < 0) {
        error_setg_errno(errp, errno, "Failed to connect to '%s'", path);
        close(fd);
        return -1;
    }
    return fd;
}

int unix_listen_path(const char *path, bool abstract, bool tight,
                     Error **errp)
{
    struct sockaddr_un sun;
    socklen_t len;
    int fd = unix_socket_new(path, abstract, tight, &sun, &len, errp);

    if (fd < 0) {
        return -1;
    }
    /* A stale socket file from an earlier run would make bind fail. */
    if (!abstract && unlink(path) < 0 && errno != ENOENT) {
        error_setg_errno(errp, errno, "Failed to unlink socket %s", path);
        close(fd);
        return -1;
    }
    if (bind(fd, (struct sockaddr *)&sun, len) < 0) {
        error_setg_errno(errp, errno, "Failed to bind socket to %s", path);
        close(fd);
        return -1;
    }
    if (listen(fd, 1) < 0) {
        error_setg_errno(errp, errno, "Failed to listen on socket");
        close(fd);
        if (!abstract) {
            unlink(path);
        }
        return -1;
    }
    return fd;
}
