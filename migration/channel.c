/*
 * Migration channels: addresses, connecting, listening, exec and files.
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include "qemu/osdep.h"
#include "qemu/sockets.h"
#include <sys/socket.h>
#include <sys/un.h>
#include <netdb.h>
#include <netinet/in.h>
#include <arpa/inet.h>
#include "qapi/error.h"
#include "channel.h"

void migration_address_clear(MigrationAddress *addr)
{
    g_free(addr->host);
    g_free(addr->port);
    g_free(addr->path);
    g_strfreev(addr->argv);
    g_free(addr->fdname);
    memset(addr, 0, sizeof(*addr));
}

bool migration_address_listens(const MigrationAddress *addr)
{
    return addr->type == MIGRATION_ADDRESS_TCP ||
           addr->type == MIGRATION_ADDRESS_UNIX;
}

static bool migration_parse_offset(const char *str, uint64_t *offset,
                                   Error **errp)
{
    char *end;

    errno = 0;
    *offset = g_ascii_strtoull(str, &end, 0);
    if (errno || end == str || *end) {
        error_setg(errp, "Invalid file offset '%s'", str);
        return false;
    }
    return true;
}

/* "HOST:PORT[,option...]", HOST possibly "[v6]" or empty. */
static bool migration_parse_inet(const char *str, MigrationAddress *addr,
                                 Error **errp)
{
    g_autofree char *main_part = g_strdup(str);
    char *comma = strchr(main_part, ',');
    char *colon;
    char *host = main_part;

    if (comma) {
        *comma = '\0';
    }
    if (host[0] == '[') {
        char *close = strchr(host, ']');

        if (!close || close[1] != ':') {
            error_setg(errp, "error parsing IPv6 address '%s'", str);
            return false;
        }
        *close = '\0';
        host++;
        colon = close + 1;
    } else {
        colon = strrchr(host, ':');
        if (!colon) {
            error_setg(errp, "error parsing address '%s'", str);
            return false;
        }
    }
    *colon = '\0';
    if (colon[1] == '\0') {
        error_setg(errp, "error parsing address '%s': no port", str);
        return false;
    }
    addr->type = MIGRATION_ADDRESS_TCP;
    addr->host = g_strdup(host);
    addr->port = g_strdup(colon + 1);
    return true;
}

bool migration_address_parse_uri(const char *uri, MigrationAddress *addr,
                                 Error **errp)
{
    const char *rest;

    memset(addr, 0, sizeof(*addr));
    if (g_str_has_prefix(uri, "tcp:")) {
        return migration_parse_inet(uri + 4, addr, errp);
    }
    if (g_str_has_prefix(uri, "unix:")) {
        addr->type = MIGRATION_ADDRESS_UNIX;
        addr->path = g_strdup(uri + 5);
        return true;
    }
    if (g_str_has_prefix(uri, "exec:")) {
        addr->type = MIGRATION_ADDRESS_EXEC;
        addr->argv = g_new0(char *, 4);
        addr->argv[0] = g_strdup("/bin/sh");
        addr->argv[1] = g_strdup("-c");
        addr->argv[2] = g_strdup(uri + 5);
        return true;
    }
    if (g_str_has_prefix(uri, "fd:")) {
        addr->type = MIGRATION_ADDRESS_FD;
        addr->fdname = g_strdup(uri + 3);
        return true;
    }
    if (g_str_has_prefix(uri, "file:")) {
        const char *opt;

        rest = uri + 5;
        opt = strstr(rest, ",offset=");
        addr->type = MIGRATION_ADDRESS_FILE;
        if (opt) {
            addr->path = g_strndup(rest, opt - rest);
            if (!migration_parse_offset(opt + 8, &addr->offset, errp)) {
                migration_address_clear(addr);
                return false;
            }
        } else {
            addr->path = g_strdup(rest);
        }
        return true;
    }
    error_setg(errp, "Parameter 'uri' expects a valid migration protocol");
    return false;
}

static const char *channel_get_str(QDict *dict, const char *key,
                                   Error **errp)
{
    QObject *value = qdict_get(dict, key);

    if (!value) {
        error_setg(errp, "Parameter '%s' is missing", key);
        return NULL;
    }
    if (qobject_type(value) != QTYPE_QSTRING) {
        error_setg(errp, "Invalid parameter type for '%s', expected: "
                   "string", key);
        return NULL;
    }
    return qstring_get_str(value);
}

static bool migration_parse_socket_channel(QDict *a, MigrationAddress *addr,
                                           Error **errp)
{
    const char *type = channel_get_str(a, "type", errp);
    const char *s1, *s2;

    if (!type) {
        return false;
    }
    if (!strcmp(type, "inet")) {
        s1 = channel_get_str(a, "host", errp);
        s2 = s1 ? channel_get_str(a, "port", errp) : NULL;
        if (!s2) {
            return false;
        }
        addr->type = MIGRATION_ADDRESS_TCP;
        addr->host = g_strdup(s1);
        addr->port = g_strdup(s2);
        return true;
    }
    if (!strcmp(type, "unix")) {
        s1 = channel_get_str(a, "path", errp);
        if (!s1) {
            return false;
        }
        addr->type = MIGRATION_ADDRESS_UNIX;
        addr->path = g_strdup(s1);
        return true;
    }
    if (!strcmp(type, "fd")) {
        s1 = channel_get_str(a, "str", errp);
        if (!s1) {
            return false;
        }
        addr->type = MIGRATION_ADDRESS_FD;
        addr->fdname = g_strdup(s1);
        return true;
    }
    error_setg(errp, "Parameter 'type' does not accept value '%s'", type);
    return false;
}

static bool migration_parse_channel(QDict *chan, MigrationAddress *addr,
                                    Error **errp)
{
    const char *ctype = channel_get_str(chan, "channel-type", errp);
    const char *transport;
    QObject *aobj;
    QDict *a;

    if (!ctype) {
        return false;
    }
    if (strcmp(ctype, "main") != 0) {
        error_setg(errp, "Channel type '%s' is not supported", ctype);
        return false;
    }
    aobj = qdict_get(chan, "addr");
    a = qobject_to(QDict, aobj);
    if (!a) {
        error_setg(errp, "Parameter 'addr' is missing");
        return false;
    }
    transport = channel_get_str(a, "transport", errp);
    if (!transport) {
        return false;
    }
    if (!strcmp(transport, "socket")) {
        return migration_parse_socket_channel(a, addr, errp);
    }
    if (!strcmp(transport, "exec")) {
        QList *args = qobject_to(QList, qdict_get(a, "args"));
        size_t i;

        if (!args || qlist_empty(args)) {
            error_setg(errp, "Parameter 'args' is missing");
            return false;
        }
        addr->type = MIGRATION_ADDRESS_EXEC;
        addr->argv = g_new0(char *, qlist_size(args) + 1);
        for (i = 0; i < qlist_size(args); i++) {
            QString *arg = qobject_to(QString, qlist_get(args, i));

            if (!arg) {
                error_setg(errp, "Invalid parameter type for 'args[%zu]', "
                           "expected: string", i);
                migration_address_clear(addr);
                return false;
            }
            addr->argv[i] = g_strdup(qstring_get_str(arg));
        }
        return true;
    }
    if (!strcmp(transport, "file")) {
        const char *filename = channel_get_str(a, "filename", errp);
        QNum *offset = qobject_to(QNum, qdict_get(a, "offset"));

        if (!filename) {
            return false;
        }
        addr->type = MIGRATION_ADDRESS_FILE;
        addr->path = g_strdup(filename);
        if (offset && !qnum_get_try_uint(offset, &addr->offset)) {
            error_setg(errp, "Parameter 'offset' expects uint64");
            migration_address_clear(addr);
            return false;
        }
        return true;
    }
    error_setg(errp, "Parameter 'transport' does not accept value '%s'",
               transport);
    return false;
}

bool migration_address_parse_channels(QList *channels,
                                      MigrationAddress *addr,
                                      Error **errp)
{
    QDict *chan;

    memset(addr, 0, sizeof(*addr));
    if (qlist_size(channels) != 1) {
        error_setg(errp, "Channel list has more than one entries");
        return false;
    }
    chan = qobject_to(QDict, qlist_get(channels, 0));
    if (!chan) {
        error_setg(errp, "Invalid parameter type for 'channels[0]', "
                   "expected: object");
        return false;
    }
    return migration_parse_channel(chan, addr, errp);
}

/* Sockets */

int migration_channel_connect(const MigrationAddress *addr, pid_t *pid,
                              Error **errp)
{
    GError *gerr = NULL;
    GPid child;
    int fd = -1;

    *pid = -1;
    switch (addr->type) {
    case MIGRATION_ADDRESS_TCP:
        return inet_connect_host(addr->host, addr->port, AF_UNSPEC, errp);
    case MIGRATION_ADDRESS_UNIX:
        return unix_connect_path(addr->path, false, false, errp);
    case MIGRATION_ADDRESS_EXEC:
        if (!g_spawn_async_with_pipes(NULL, addr->argv, NULL,
                                      G_SPAWN_DO_NOT_REAP_CHILD |
                                      G_SPAWN_SEARCH_PATH,
                                      NULL, NULL, &child, &fd, NULL, NULL,
                                      &gerr)) {
            error_setg(errp, "cannot run '%s': %s", addr->argv[0],
                       gerr->message);
            g_error_free(gerr);
            return -1;
        }
        *pid = child;
        return fd;
    case MIGRATION_ADDRESS_FD:
        return migration_channel_open_incoming(addr, pid, errp);
    case MIGRATION_ADDRESS_FILE:
        fd = open(addr->path, O_WRONLY | O_CREAT | O_CLOEXEC, 0600);
        if (fd < 0) {
            error_setg_errno(errp, errno, "Could not open '%s'",
                             addr->path);
            return -1;
        }
        if (ftruncate(fd, addr->offset) < 0 ||
            lseek(fd, addr->offset, SEEK_SET) < 0) {
            error_setg_errno(errp, errno, "Could not seek in '%s'",
                             addr->path);
            close(fd);
            return -1;
        }
        return fd;
    }
    g_assert_not_reached();
}

int migration_channel_open_incoming(const MigrationAddress *addr,
                                    pid_t *pid, Error **errp)
{
    GError *gerr = NULL;
    GPid child;
    guint64 num;
    int fd;

    *pid = -1;
    switch (addr->type) {
    case MIGRATION_ADDRESS_EXEC:
        if (!g_spawn_async_with_pipes(NULL, addr->argv, NULL,
                                      G_SPAWN_DO_NOT_REAP_CHILD |
                                      G_SPAWN_SEARCH_PATH,
                                      NULL, NULL, &child, NULL, &fd, NULL,
                                      &gerr)) {
            error_setg(errp, "cannot run '%s': %s", addr->argv[0],
                       gerr->message);
            g_error_free(gerr);
            return -1;
        }
        *pid = child;
        return fd;
    case MIGRATION_ADDRESS_FD:
        if (!g_ascii_string_to_unsigned(addr->fdname, 10, 0, INT_MAX, &num,
                                        NULL) ||
            fcntl((int)num, F_GETFD) < 0) {
            error_setg(errp, "File descriptor named '%s' has not been found",
                       addr->fdname);
            return -1;
        }
        return (int)num;
    case MIGRATION_ADDRESS_FILE:
        fd = open(addr->path, O_RDONLY | O_CLOEXEC);
        if (fd < 0) {
            error_setg_errno(errp, errno, "Could not open '%s'",
                             addr->path);
            return -1;
        }
        if (lseek(fd, addr->offset, SEEK_SET) < 0) {
            error_setg_errno(errp, errno, "Could not seek in '%s'",
                             addr->path);
            close(fd);
            return -1;
        }
        return fd;
    default:
        error_setg(errp, "this address only listens");
        return -1;
    }
}

int migration_channel_listen(const MigrationAddress *addr, Error **errp)
{
    if (addr->type == MIGRATION_ADDRESS_UNIX) {
        return unix_listen_path(addr->path, false, false, errp);
    }
    return inet_listen_host(addr->host, addr->port, AF_UNSPEC, errp);
}

QList *migration_channel_socket_address(int listen_fd)
{
    struct sockaddr_storage ss;
    socklen_t len = sizeof(ss);
    QList *list = qlist_new();
    QDict *entry;
    char host[INET6_ADDRSTRLEN];
    char port[16];

    if (getsockname(listen_fd, (struct sockaddr *)&ss, &len) < 0) {
        return list;
    }
    entry = qdict_new();
    if (ss.ss_family == AF_UNIX) {
        struct sockaddr_un *un = (struct sockaddr_un *)&ss;

        qdict_put_str(entry, "type", "unix");
        qdict_put_str(entry, "path", un->sun_path);
    } else if (getnameinfo((struct sockaddr *)&ss, len, host, sizeof(host),
                           port, sizeof(port),
                           NI_NUMERICHOST | NI_NUMERICSERV) == 0) {
        qdict_put_str(entry, "type", "inet");
        qdict_put_str(entry, "host", host);
        qdict_put_str(entry, "port", port);
    }
    qlist_append(list, entry);
    return list;
}
