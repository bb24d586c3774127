/*
 * The socket back end: a Unix or TCP stream, as client or server.
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * -chardev socket,id=ID,path=P | host=H,port=N[,to=M]
 *          [,server=on|off][,wait=on|off][,nodelay=on][,telnet=on]
 *          [,reconnect-ms=N][,abstract=on][,tight=off]
 *
 * One peer at a time.  A server stops accepting while it has a peer and
 * listens again when the peer leaves; a client with reconnect-ms tries
 * again that often after losing (or never getting) its peer.  Without
 * a peer, output is dropped.  The peer gets CHR_EVENT_OPENED and
 * CHR_EVENT_CLOSED; a write that fails never raises SIGPIPE and only
 * ends the connection.  A server's Unix socket file is removed when the
 * back end goes away.
 *
 * telnet=on strips the telnet commands the peer sends (IAC BRK becomes
 * CHR_EVENT_BREAK) and, as a server, announces character-at-a-time mode.
 * websocket, tn3270, TLS and fd passing are not implemented.
 */
#include "qemu/osdep.h"
#include "qemu/sockets.h"
#include <glib-unix.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/un.h>
#include "qapi/error.h"
#include "qemu/error-report.h"
#include "qemu/option.h"
#include "chardev/char.h"
#include "chardev-internal.h"

#define TYPE_CHARDEV_SOCKET "chardev-socket"
OBJECT_DECLARE_SIMPLE_TYPE(SocketChardev, CHARDEV_SOCKET)

/* Telnet protocol bytes (RFC 854) and options (RFC 857, 858, 1184). */
#define TELNET_IAC          255
#define TELNET_DONT         254
#define TELNET_WILL         251
#define TELNET_SB           250
#define TELNET_BRK          243
#define TELNET_SE           240
#define TELNET_OPT_ECHO     1
#define TELNET_OPT_SGA      3
#define TELNET_OPT_LINEMODE 34

typedef enum TelnetState {
    TELNET_DATA,
    TELNET_GOT_IAC,
    TELNET_GOT_VERB,            /* WILL/WONT/DO/DONT: one option follows */
    TELNET_IN_SB,
    TELNET_IN_SB_IAC,
} TelnetState;

struct SocketChardev {
    Chardev parent_obj;

    /* Configuration */
    bool is_unix;
    bool is_listen;
    bool is_telnet;
    bool nodelay;
    bool abstract;
    bool tight;
    bool ipv4;
    bool ipv6;
    char *path;
    char *host;
    char *port;
    char *port_to;
    int64_t reconnect_ms;

    /* State */
    int listen_fd;
    GSource *listen_source;
    int fd;
    GIOChannel *ioc;
    GSource *read_source;
    GSource *reconnect_source;
    GSource *hangup_source;     /* disconnect requested by a failed write */
    bool connected;
    bool connect_error_reported;
    TelnetState telnet_state;
};

static void tcp_chr_read(Chardev *chr, GIOCondition revents);
static void tcp_chr_listen_watch(Chardev *chr);

/* Names */

static char *tcp_chr_address_string(SocketChardev *s)
{
    const char *server = s->is_listen ? ",server=on" : "";

    if (s->is_unix) {
        return g_strdup_printf("unix:%s%s", s->path, server);
    }
    return g_strdup_printf("%s:%s:%s%s", s->is_telnet ? "telnet" : "tcp",
                           s->host, s->port, server);
}

static char *tcp_chr_format_sockaddr(struct sockaddr_storage *ss,
                                     socklen_t len)
{
    char host[NI_MAXHOST];
    char serv[NI_MAXSERV];

    if (getnameinfo((struct sockaddr *)ss, len, host, sizeof(host), serv,
                    sizeof(serv), NI_NUMERICHOST | NI_NUMERICSERV) != 0) {
        return g_strdup("?:?");
    }
    if (ss->ss_family == AF_INET6) {
        return g_strdup_printf("[%s]:%s", host, serv);
    }
    return g_strdup_printf("%s:%s", host, serv);
}

/* query-chardev's "filename": the address, and the peer when there is one. */
static void tcp_chr_update_filename(SocketChardev *s)
{
    Chardev *chr = CHARDEV(s);
    g_autofree char *addr = tcp_chr_address_string(s);
    struct sockaddr_storage local;
    struct sockaddr_storage peer;
    socklen_t local_len = sizeof(local);
    socklen_t peer_len = sizeof(peer);
    g_autofree char *local_str = NULL;
    g_autofree char *peer_str = NULL;

    g_free(chr->filename);
    if (!s->connected) {
        chr->filename = g_strdup_printf("disconnected:%s", addr);
    } else if (s->is_unix ||
               getsockname(s->fd, (struct sockaddr *)&local,
                           &local_len) < 0 ||
               getpeername(s->fd, (struct sockaddr *)&peer,
                           &peer_len) < 0) {
        chr->filename = g_steal_pointer(&addr);
    } else {
        local_str = tcp_chr_format_sockaddr(&local, local_len);
        peer_str = tcp_chr_format_sockaddr(&peer, peer_len);
        chr->filename = g_strdup_printf("%s:%s%s <-> %s",
                                        s->is_telnet ? "telnet" : "tcp",
                                        local_str,
                                        s->is_listen ? ",server=on" : "",
                                        peer_str);
    }
}

/* Addresses and descriptors */

static int tcp_chr_family(SocketChardev *s)
{
    if (s->ipv4 && !s->ipv6) {
        return AF_INET;
    }
    if (s->ipv6 && !s->ipv4) {
        return AF_INET6;
    }
    return AF_UNSPEC;
}

static int tcp_chr_listen_inet_port(SocketChardev *s, const char *port,
                                    Error **errp)
{
    return inet_listen_host(s->host, port, tcp_chr_family(s), errp);
}

/* Listen on the first free port of port..to; remember the one we got. */
static int tcp_chr_listen_inet(SocketChardev *s, Error **errp)
{
    unsigned long first;
    unsigned long last;
    unsigned long p;
    struct sockaddr_storage ss;
    socklen_t len = sizeof(ss);
    char serv[NI_MAXSERV];
    int fd = -1;

    if (!s->port_to) {
        fd = tcp_chr_listen_inet_port(s, s->port, errp);
    } else {
        first = strtoul(s->port, NULL, 10);
        last = strtoul(s->port_to, NULL, 10);
        if (first > last) {
            error_setg(errp, "Invalid port range %s..%s", s->port,
                       s->port_to);
            return -1;
        }
        for (p = first; p <= last && fd < 0; p++) {
            g_autofree char *port = g_strdup_printf("%lu", p);
            Error *err = NULL;

            fd = tcp_chr_listen_inet_port(s, port, &err);
            if (fd < 0 && p == last) {
                error_propagate(errp, err);
            } else {
                error_free(err);
            }
        }
    }
    if (fd >= 0 &&
        getsockname(fd, (struct sockaddr *)&ss, &len) == 0 &&
        getnameinfo((struct sockaddr *)&ss, len, NULL, 0, serv, sizeof(serv),
                    NI_NUMERICSERV) == 0) {
        g_free(s->port);
        s->port = g_strdup(serv);
    }
    return fd;
}

/* Connection life cycle */

static void tcp_chr_telnet_greet(SocketChardev *s)
{
    static const uint8_t greeting[] = {
        TELNET_IAC, TELNET_WILL, TELNET_OPT_ECHO,
        TELNET_IAC, TELNET_WILL, TELNET_OPT_SGA,
        TELNET_IAC, TELNET_DONT, TELNET_OPT_LINEMODE,
    };

    /* A peer that is already gone shows up at the next read. */
    send(s->fd, greeting, sizeof(greeting), MSG_NOSIGNAL);
}

static void tcp_chr_new_connection(Chardev *chr, int fd)
{
    SocketChardev *s = CHARDEV_SOCKET(chr);
    int one = 1;

    s->fd = fd;
    chr_set_nonblock(fd);
    if (!s->is_unix && s->nodelay) {
        setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
    }
    s->ioc = g_io_channel_unix_new(fd);
    s->connected = true;
    s->connect_error_reported = false;
    s->telnet_state = TELNET_DATA;
    chr_source_remove(&s->listen_source);
    chr_source_remove(&s->reconnect_source);
    s->read_source = chr_read_source_new(chr, fd, tcp_chr_read);
    tcp_chr_update_filename(s);
    if (s->is_telnet && s->is_listen) {
        tcp_chr_telnet_greet(s);
    }
    qemu_chr_be_event(chr, CHR_EVENT_OPENED);
}

static bool tcp_chr_connect_client(Chardev *chr, Error **errp)
{
    SocketChardev *s = CHARDEV_SOCKET(chr);
    int fd = s->is_unix ?
             unix_connect_path(s->path, s->abstract, s->tight, errp) :
             inet_connect_host(s->host, s->port, tcp_chr_family(s), errp);

    if (fd < 0) {
        return false;
    }
    tcp_chr_new_connection(chr, fd);
    return true;
}

static gboolean tcp_chr_reconnect_cb(gpointer opaque)
{
    Chardev *chr = opaque;
    SocketChardev *s = CHARDEV_SOCKET(chr);
    Error *err = NULL;

    if (s->connected || tcp_chr_connect_client(chr, &err)) {
        chr_source_remove(&s->reconnect_source);
        return G_SOURCE_REMOVE;
    }
    if (!s->connect_error_reported) {
        error_report("Unable to connect character device %s: %s",
                     chr->label, error_get_pretty(err));
        s->connect_error_reported = true;
    }
    error_free(err);
    return G_SOURCE_CONTINUE;
}

static void tcp_chr_schedule_reconnect(Chardev *chr)
{
    SocketChardev *s = CHARDEV_SOCKET(chr);

    if (!s->reconnect_source) {
        s->reconnect_source = g_timeout_source_new(s->reconnect_ms);
        g_source_set_callback(s->reconnect_source, tcp_chr_reconnect_cb,
                              chr, NULL);
        g_source_attach(s->reconnect_source, chr->gcontext);
    }
}

static void tcp_chr_disconnect(Chardev *chr)
{
    SocketChardev *s = CHARDEV_SOCKET(chr);

    chr_source_remove(&s->hangup_source);
    if (!s->connected) {
        return;
    }
    chr_source_remove(&s->read_source);
    g_io_channel_unref(s->ioc);
    s->ioc = NULL;
    close(s->fd);
    s->fd = -1;
    s->connected = false;
    tcp_chr_update_filename(s);
    if (s->is_listen) {
        tcp_chr_listen_watch(chr);
    }
    qemu_chr_be_event(chr, CHR_EVENT_CLOSED);
    if (!s->is_listen && s->reconnect_ms > 0) {
        tcp_chr_schedule_reconnect(chr);
    }
}

static gboolean tcp_chr_hangup_cb(gpointer opaque)
{
    tcp_chr_disconnect(opaque);
    return G_SOURCE_REMOVE;
}

static gboolean tcp_chr_accept_cb(gint fd, GIOCondition cond,
                                  gpointer opaque)
{
    Chardev *chr = opaque;
    SocketChardev *s = CHARDEV_SOCKET(chr);
    int cfd;

    if (s->connected) {
        return G_SOURCE_CONTINUE;
    }
    cfd = accept4(s->listen_fd, NULL, NULL, SOCK_CLOEXEC);
    if (cfd < 0) {
        return G_SOURCE_CONTINUE;
    }
    tcp_chr_new_connection(chr, cfd);
    return G_SOURCE_CONTINUE;
}

static void tcp_chr_listen_watch(Chardev *chr)
{
    SocketChardev *s = CHARDEV_SOCKET(chr);

    if (s->listen_fd < 0 || s->listen_source) {
        return;
    }
    s->listen_source = g_unix_fd_source_new(s->listen_fd, G_IO_IN);
    g_source_set_callback(s->listen_source,
                          (GSourceFunc)(void (*)(void))tcp_chr_accept_cb,
                          chr, NULL);
    g_source_attach(s->listen_source, chr->gcontext);
}

/* Data */

/* Strip telnet commands out of @buf and pass the data on. */
static void tcp_chr_telnet_input(Chardev *chr, uint8_t *buf, int len)
{
    SocketChardev *s = CHARDEV_SOCKET(chr);
    int out = 0;
    int i;

    for (i = 0; i < len; i++) {
        uint8_t c = buf[i];

        switch (s->telnet_state) {
        case TELNET_DATA:
            if (c == TELNET_IAC) {
                s->telnet_state = TELNET_GOT_IAC;
            } else {
                buf[out++] = c;
            }
            break;
        case TELNET_GOT_IAC:
            s->telnet_state = TELNET_DATA;
            if (c == TELNET_IAC) {
                buf[out++] = c;
            } else if (c == TELNET_BRK) {
                qemu_chr_be_write(chr, buf, out);
                out = 0;
                qemu_chr_be_event(chr, CHR_EVENT_BREAK);
            } else if (c >= TELNET_WILL) {
                s->telnet_state = TELNET_GOT_VERB;
            } else if (c == TELNET_SB) {
                s->telnet_state = TELNET_IN_SB;
            }
            break;
        case TELNET_GOT_VERB:
            s->telnet_state = TELNET_DATA;
            break;
        case TELNET_IN_SB:
            if (c == TELNET_IAC) {
                s->telnet_state = TELNET_IN_SB_IAC;
            }
            break;
        case TELNET_IN_SB_IAC:
            s->telnet_state = c == TELNET_SE ? TELNET_DATA : TELNET_IN_SB;
            break;
        }
    }
    qemu_chr_be_write(chr, buf, out);
}

static void tcp_chr_read(Chardev *chr, GIOCondition revents)
{
    SocketChardev *s = CHARDEV_SOCKET(chr);
    uint8_t buf[CHR_READ_BUF_LEN];
    int len = MIN(qemu_chr_be_can_write(chr), (int)sizeof(buf));
    ssize_t n;

    if (len <= 0) {
        return;
    }
    n = recv(s->fd, buf, len, 0);
    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK ||
                  errno == EINTR)) {
        return;
    }
    if (n <= 0) {
        tcp_chr_disconnect(chr);
        return;
    }
    if (s->is_telnet) {
        tcp_chr_telnet_input(chr, buf, n);
    } else {
        qemu_chr_be_write(chr, buf, n);
    }
}

static int tcp_chr_write(Chardev *chr, const uint8_t *buf, int len)
{
    SocketChardev *s = CHARDEV_SOCKET(chr);
    ssize_t n;

    if (!s->connected || s->hangup_source) {
        /* Nobody listens: the bytes are gone, as on a wire. */
        return len;
    }
    do {
        n = send(s->fd, buf, len, MSG_NOSIGNAL);
    } while (n < 0 && errno == EINTR);
    if (n >= 0) {
        return n;
    }
    if (errno == EAGAIN || errno == EWOULDBLOCK) {
        return 0;
    }
    /*
     * The write lock is held here: the front end hears about the lost
     * peer from the main loop, where it may write again.
     */
    s->hangup_source = g_idle_source_new();
    g_source_set_callback(s->hangup_source, tcp_chr_hangup_cb, chr, NULL);
    g_source_attach(s->hangup_source, chr->gcontext);
    return len;
}

static GSource *tcp_chr_add_watch(Chardev *chr, GIOCondition cond)
{
    SocketChardev *s = CHARDEV_SOCKET(chr);

    if (!s->connected || s->hangup_source) {
        return chr_ready_source_new();
    }
    return g_io_create_watch(s->ioc, cond);
}

static void tcp_chr_update_read_handler(Chardev *chr)
{
    SocketChardev *s = CHARDEV_SOCKET(chr);

    if (s->read_source) {
        chr_source_remove(&s->read_source);
        s->read_source = chr_read_source_new(chr, s->fd, tcp_chr_read);
    }
    if (s->listen_source) {
        chr_source_remove(&s->listen_source);
        tcp_chr_listen_watch(chr);
    }
}

static bool tcp_chr_wait_connected(Chardev *chr, Error **errp)
{
    SocketChardev *s = CHARDEV_SOCKET(chr);
    struct pollfd pfd;
    Error *err = NULL;
    int cfd;

    if (s->is_listen && !s->connected) {
        info_report("QEMU waiting for connection on: %s", chr->filename);
    }
    while (!s->connected) {
        if (s->is_listen) {
            pfd.fd = s->listen_fd;
            pfd.events = POLLIN;
            if (poll(&pfd, 1, -1) <= 0) {
                continue;
            }
            cfd = accept4(s->listen_fd, NULL, NULL, SOCK_CLOEXEC);
            if (cfd >= 0) {
                tcp_chr_new_connection(chr, cfd);
            }
        } else if (!tcp_chr_connect_client(chr, &err)) {
            if (s->reconnect_ms <= 0) {
                error_propagate(errp, err);
                return false;
            }
            error_free(err);
            err = NULL;
            g_usleep(s->reconnect_ms * 1000);
        }
    }
    return true;
}

/* Set-up */

static bool tcp_chr_parse_bools(SocketChardev *s, QemuOpts *opts,
                                Error **errp)
{
    bool delay = true;

    s->tight = true;
    if (!qemu_opt_get_bool_err(opts, "server", &s->is_listen, errp) ||
        !qemu_opt_get_bool_err(opts, "telnet", &s->is_telnet, errp) ||
        !qemu_opt_get_bool_err(opts, "nodelay", &s->nodelay, errp) ||
        !qemu_opt_get_bool_err(opts, "delay", &delay, errp) ||
        !qemu_opt_get_bool_err(opts, "abstract", &s->abstract, errp) ||
        !qemu_opt_get_bool_err(opts, "tight", &s->tight, errp) ||
        !qemu_opt_get_bool_err(opts, "ipv4", &s->ipv4, errp) ||
        !qemu_opt_get_bool_err(opts, "ipv6", &s->ipv6, errp)) {
        return false;
    }
    if (!delay) {
        s->nodelay = true;
    }
    return true;
}

static bool tcp_chr_parse_unsupported(QemuOpts *opts, Error **errp)
{
    static const struct {
        const char *key;
        const char *what;
    } unsupported[] = {
        { "websocket", "websocket" },
        { "tn3270", "tn3270" },
    };
    bool on = false;
    size_t i;

    for (i = 0; i < ARRAY_SIZE(unsupported); i++) {
        if (!qemu_opt_get_bool_err(opts, unsupported[i].key, &on, errp)) {
            return false;
        }
        if (on) {
            error_setg(errp, "chardev: socket: %s is not supported",
                       unsupported[i].what);
            return false;
        }
    }
    if (qemu_opt_has(opts, "tls-creds") || qemu_opt_has(opts, "tls-authz")) {
        error_setg(errp, "chardev: socket: TLS is not supported");
        return false;
    }
    if (qemu_opt_has(opts, "fd")) {
        error_setg(errp, "chardev: socket: fd= is not supported");
        return false;
    }
    return true;
}

static bool tcp_chr_parse_reconnect(SocketChardev *s, QemuOpts *opts,
                                    Error **errp)
{
    uint64_t secs = 0;
    uint64_t ms = 0;

    if (!qemu_opt_get_number_err(opts, "reconnect", &secs, errp) ||
        !qemu_opt_get_number_err(opts, "reconnect-ms", &ms, errp)) {
        return false;
    }
    if (qemu_opt_has(opts, "reconnect") &&
        qemu_opt_has(opts, "reconnect-ms")) {
        error_setg(errp, "'reconnect' and 'reconnect-ms' are mutually "
                   "exclusive");
        return false;
    }
    if (secs > INT32_MAX / 1000 || ms > INT32_MAX) {
        error_setg(errp, "chardev: socket: reconnect time is too large");
        return false;
    }
    s->reconnect_ms = ms ? ms : secs * 1000;
    if (s->is_listen && s->reconnect_ms > 0) {
        error_setg(errp, "'reconnect' option is incompatible with "
                   "'server' option");
        return false;
    }
    return true;
}

static bool tcp_chr_open(Chardev *chr, QemuOpts *opts, bool *be_opened,
                         Error **errp)
{
    SocketChardev *s = CHARDEV_SOCKET(chr);
    const char *path = qemu_opt_get(opts, "path");
    const char *host = qemu_opt_get(opts, "host");
    const char *port = qemu_opt_get(opts, "port");
    Error *err = NULL;

    *be_opened = false;
    if (!tcp_chr_parse_bools(s, opts, errp) ||
        !tcp_chr_parse_unsupported(opts, errp) ||
        !tcp_chr_parse_reconnect(s, opts, errp)) {
        return false;
    }
    if (!s->is_listen && qemu_opt_has(opts, "wait")) {
        error_setg(errp, "'wait' option is incompatible with socket in "
                   "client connect mode");
        return false;
    }
    if (path) {
        s->is_unix = true;
        s->path = g_strdup(path);
        qemu_chr_set_feature(chr, QEMU_CHAR_FEATURE_FD_PASS);
    } else {
        if (!host) {
            error_setg(errp, "chardev: socket: no host given");
            return false;
        }
        if (!port) {
            error_setg(errp, "chardev: socket: no port given");
            return false;
        }
        s->host = g_strdup(host);
        s->port = g_strdup(port);
        s->port_to = g_strdup(qemu_opt_get(opts, "to"));
    }
    if (s->reconnect_ms > 0) {
        qemu_chr_set_feature(chr, QEMU_CHAR_FEATURE_RECONNECTABLE);
    }

    if (s->is_listen) {
        s->listen_fd = s->is_unix ?
            unix_listen_path(s->path, s->abstract, s->tight, errp) :
            tcp_chr_listen_inet(s, errp);
        if (s->listen_fd < 0) {
            return false;
        }
        tcp_chr_update_filename(s);
        tcp_chr_listen_watch(chr);
        return true;
    }

    tcp_chr_update_filename(s);
    if (tcp_chr_connect_client(chr, &err)) {
        return true;
    }
    if (s->reconnect_ms <= 0) {
        error_propagate(errp, err);
        return false;
    }
    error_report("Unable to connect character device %s: %s", chr->label,
                 error_get_pretty(err));
    error_free(err);
    s->connect_error_reported = true;
    tcp_chr_schedule_reconnect(chr);
    return true;
}

static void tcp_chr_instance_init(Object *obj)
{
    SocketChardev *s = CHARDEV_SOCKET(obj);

    s->fd = -1;
    s->listen_fd = -1;
}

static void tcp_chr_instance_finalize(Object *obj)
{
    SocketChardev *s = CHARDEV_SOCKET(obj);

    chr_source_remove(&s->read_source);
    chr_source_remove(&s->listen_source);
    chr_source_remove(&s->reconnect_source);
    chr_source_remove(&s->hangup_source);
    if (s->ioc) {
        g_io_channel_unref(s->ioc);
    }
    if (s->fd >= 0) {
        close(s->fd);
    }
    if (s->listen_fd >= 0) {
        close(s->listen_fd);
        if (s->is_unix && !s->abstract) {
            unlink(s->path);
        }
    }
    g_free(s->path);
    g_free(s->host);
    g_free(s->port);
    g_free(s->port_to);
}

static void tcp_chr_class_init(ObjectClass *klass, const void *data)
{
    ChardevClass *cc = CHARDEV_CLASS(klass);

    cc->backend_name = "socket";
    cc->open = tcp_chr_open;
    cc->chr_write = tcp_chr_write;
    cc->chr_add_watch = tcp_chr_add_watch;
    cc->chr_update_read_handler = tcp_chr_update_read_handler;
    cc->chr_wait_connected = tcp_chr_wait_connected;
    cc->chr_disconnect = tcp_chr_disconnect;
}

static const TypeInfo tcp_chr_types[] = {
    {
        .name = TYPE_CHARDEV_SOCKET,
        .parent = TYPE_CHARDEV,
        .instance_size = sizeof(SocketChardev),
        .instance_init = tcp_chr_instance_init,
        .instance_finalize = tcp_chr_instance_finalize,
        .class_init = tcp_chr_class_init,
    },
};
DEFINE_TYPES(tcp_chr_types)
