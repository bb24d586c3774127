/*
 * Character devices: the Chardev base type, creation from options,
 * legacy specifications and the back-end half of the data path.
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * Every back end lives in the QOM container /chardevs under its id.  A
 * list kept here remembers the creation order, which query-chardev and
 * qemu_chr_cleanup follow.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "qemu/option.h"
#include "chardev/char.h"
#include "chardev/char-fe.h"
#include "chardev-internal.h"

/* Back ends, oldest first. */
static GPtrArray *chardevs;

/* Other spellings of back-end names, as query-chardev-backends lists. */
static const struct {
    const char *alias;
    const char *name;
} chardev_aliases[] = {
    { "memory", "ringbuf" },
};

/*
 * Every key -chardev knows, whatever the back end: as in QEMU a key that
 * belongs to another back end is accepted and ignored.
 */
static const char *const chardev_known_keys[] = {
    "backend", "id", "path", "host", "port", "fd", "local", "localaddr",
    "localport", "to", "ipv4", "ipv6", "wait", "server", "delay",
    "nodelay", "reconnect", "reconnect-ms", "telnet", "tn3270", "websocket",
    "tls-creds", "tls-authz", "width", "height", "cols", "rows", "mux",
    "signal", "name", "debug", "size", "chardev", "append", "logfile",
    "logappend", "mouse", "clipboard", "abstract", "tight", "input-path",
};

/* Sources */

typedef struct ChrReadSource {
    GSource source;
    Chardev *chr;
    GPollFD pfd;
    bool polling;
    ChrFdReadFunc *fn;
} ChrReadSource;

/*
 * The descriptor is polled only while the front end has room: otherwise
 * the data stays in the kernel, and the peer feels the back-pressure.
 */
static gboolean chr_read_source_prepare(GSource *source, gint *timeout)
{
    ChrReadSource *rs = (ChrReadSource *)source;
    bool want = qemu_chr_be_can_write(rs->chr) > 0;

    *timeout = -1;
    if (want && !rs->polling) {
        rs->pfd.revents = 0;
        g_source_add_poll(source, &rs->pfd);
        rs->polling = true;
    } else if (!want && rs->polling) {
        g_source_remove_poll(source, &rs->pfd);
        rs->polling = false;
    }
    return FALSE;
}

static gboolean chr_read_source_check(GSource *source)
{
    ChrReadSource *rs = (ChrReadSource *)source;

    return rs->polling &&
           (rs->pfd.revents & (G_IO_IN | G_IO_HUP | G_IO_ERR | G_IO_NVAL));
}

static gboolean chr_read_source_dispatch(GSource *source,
                                         GSourceFunc callback,
                                         gpointer user_data)
{
    ChrReadSource *rs = (ChrReadSource *)source;
    GIOCondition revents = rs->pfd.revents;

    rs->pfd.revents = 0;
    rs->fn(rs->chr, revents);
    return G_SOURCE_CONTINUE;
}

static GSourceFuncs chr_read_source_funcs = {
    .prepare = chr_read_source_prepare,
    .check = chr_read_source_check,
    .dispatch = chr_read_source_dispatch,
};

GSource *chr_read_source_new(Chardev *chr, int fd, ChrFdReadFunc *fn)
{
    GSource *source = g_source_new(&chr_read_source_funcs,
                                   sizeof(ChrReadSource));
    ChrReadSource *rs = (ChrReadSource *)source;

    rs->chr = chr;
    rs->fn = fn;
    rs->pfd.fd = fd;
    rs->pfd.events = G_IO_IN | G_IO_HUP | G_IO_ERR;
    g_source_attach(source, chr->gcontext);
    chr_context_wakeup(chr);
    return source;
}

static gboolean chr_ready_source_prepare(GSource *source, gint *timeout)
{
    *timeout = 0;
    return TRUE;
}

static gboolean chr_ready_source_check(GSource *source)
{
    return TRUE;
}

static gboolean chr_ready_source_dispatch(GSource *source,
                                          GSourceFunc callback,
                                          gpointer user_data)
{
    FEWatchFunc *fn = (FEWatchFunc *)(void (*)(void))callback;

    if (!fn) {
        return G_SOURCE_REMOVE;
    }
    return fn(NULL, G_IO_OUT, user_data);
}

static GSourceFuncs chr_ready_source_funcs = {
    .prepare = chr_ready_source_prepare,
    .check = chr_ready_source_check,
    .dispatch = chr_ready_source_dispatch,
};

GSource *chr_ready_source_new(void)
{
    return g_source_new(&chr_ready_source_funcs, sizeof(GSource));
}

void chr_source_remove(GSource **src)
{
    if (*src) {
        g_source_destroy(*src);
        g_source_unref(*src);
        *src = NULL;
    }
}

void chr_context_wakeup(Chardev *chr)
{
    g_main_context_wakeup(chr->gcontext ? chr->gcontext
                                        : g_main_context_default());
}

void chr_set_nonblock(int fd)
{
    int flags = fcntl(fd, F_GETFL);

    if (flags >= 0 && !(flags & O_NONBLOCK)) {
        fcntl(fd, F_SETFL, flags | O_NONBLOCK);
    }
}

void chr_ignore_sigpipe(void)
{
    static bool done;

    if (!done) {
        signal(SIGPIPE, SIG_IGN);
        done = true;
    }
}

/* The data path */

static void chr_write_log(Chardev *s, const uint8_t *buf, int len)
{
    ssize_t n;

    while (s->logfd >= 0 && len > 0) {
        n = write(s->logfd, buf, len);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            break;
        }
        buf += n;
        len -= n;
    }
}

int qemu_chr_write(Chardev *s, const uint8_t *buf, int len, bool write_all)
{
    ChardevClass *cc = CHARDEV_GET_CLASS(s);
    int done = 0;
    int ret;

    g_mutex_lock(&s->chr_write_lock);
    while (done < len) {
        ret = cc->chr_write(s, buf + done, len - done);
        if (ret < 0) {
            if (write_all || done == 0) {
                done = -1;
            }
            break;
        }
        if (ret > 0) {
            chr_write_log(s, buf + done, ret);
            done += ret;
        }
        if (!write_all) {
            break;
        }
        if (ret == 0) {
            /* The back end is full: wait for the other side to drain it. */
            g_usleep(100);
        }
    }
    g_mutex_unlock(&s->chr_write_lock);
    return done;
}

int qemu_chr_be_can_write(Chardev *s)
{
    CharFrontend *fe = s->fe;

    if (!fe || !fe->chr_can_read) {
        return 0;
    }
    return fe->chr_can_read(fe->opaque);
}

void qemu_chr_be_write(Chardev *s, const uint8_t *buf, int len)
{
    CharFrontend *fe = s->fe;

    if (fe && fe->chr_read && len > 0) {
        fe->chr_read(fe->opaque, buf, len);
    }
}

void qemu_chr_be_event(Chardev *s, QEMUChrEvent event)
{
    ChardevClass *cc = CHARDEV_GET_CLASS(s);
    CharFrontend *fe = s->fe;

    if (event == CHR_EVENT_OPENED) {
        s->be_open = 1;
    } else if (event == CHR_EVENT_CLOSED) {
        s->be_open = 0;
    }
    if (cc->chr_be_event) {
        cc->chr_be_event(s, event);
    } else if (fe && fe->chr_event) {
        fe->chr_event(fe->opaque, event);
    }
}

void qemu_chr_be_update_read_handlers(Chardev *s, GMainContext *context)
{
    ChardevClass *cc = CHARDEV_GET_CLASS(s);

    s->gcontext = context;
    if (cc->chr_update_read_handler) {
        cc->chr_update_read_handler(s);
    }
    chr_context_wakeup(s);
}

bool qemu_chr_has_feature(Chardev *chr, ChardevFeature feature)
{
    return test_bit(feature, chr->features);
}

void qemu_chr_set_feature(Chardev *chr, ChardevFeature feature)
{
    set_bit(feature, chr->features);
}

bool qemu_chr_is_busy(Chardev *s)
{
    if (object_dynamic_cast(OBJECT(s), TYPE_CHARDEV_MUX)) {
        return mux_chr_has_frontends(s);
    }
    return s->fe != NULL;
}

/* The base type */

static void chardev_instance_init(Object *obj)
{
    Chardev *chr = CHARDEV(obj);

    g_mutex_init(&chr->chr_write_lock);
    chr->logfd = -1;
}

static void chardev_instance_finalize(Object *obj)
{
    Chardev *chr = CHARDEV(obj);

    if (chardevs) {
        g_ptr_array_remove(chardevs, chr);
    }
    if (chr->fe) {
        chr->fe->chr = NULL;
    }
    if (chr->logfd >= 0) {
        close(chr->logfd);
    }
    g_free(chr->filename);
    g_free(chr->label);
    g_mutex_clear(&chr->chr_write_lock);
}

/* Creation */

static ChardevClass *chardev_class_by_backend(const char *name)
{
    GSList *list = object_class_get_list(TYPE_CHARDEV, false);
    ChardevClass *found = NULL;
    GSList *l;
    size_t i;

    for (i = 0; i < ARRAY_SIZE(chardev_aliases); i++) {
        if (!strcmp(name, chardev_aliases[i].alias)) {
            name = chardev_aliases[i].name;
        }
    }
    for (l = list; l; l = l->next) {
        ChardevClass *cc = CHARDEV_CLASS(l->data);

        if (!cc->internal && cc->backend_name &&
            !strcmp(cc->backend_name, name)) {
            found = cc;
            break;
        }
    }
    g_slist_free(list);
    return found;
}

static bool chardev_open_logfile(Chardev *chr, QemuOpts *opts, Error **errp)
{
    const char *path = qemu_opt_get(opts, "logfile");
    bool append = false;
    int flags = O_WRONLY | O_CREAT | O_CLOEXEC;

    if (!path) {
        return true;
    }
    if (!qemu_opt_get_bool_err(opts, "logappend", &append, errp)) {
        return false;
    }
    flags |= append ? O_APPEND : O_TRUNC;
    chr->logfd = open(path, flags, 0666);
    if (chr->logfd < 0) {
        error_setg_errno(errp, errno, "Could not open '%s'", path);
        return false;
    }
    return true;
}

/* A back end, opened but not yet in /chardevs. */
static Chardev *chardev_create(const char *typename, const char *id,
                               QemuOpts *opts, GMainContext *context,
                               Error **errp)
{
    Object *obj = object_new(typename);
    Chardev *chr = CHARDEV(obj);
    ChardevClass *cc = CHARDEV_GET_CLASS(chr);
    bool be_opened = true;

    chr->label = g_strdup(id);
    chr->gcontext = context;
    if (opts && !chardev_open_logfile(chr, opts, errp)) {
        object_unref(obj);
        return NULL;
    }
    if (cc->open && !cc->open(chr, opts, &be_opened, errp)) {
        object_unref(obj);
        return NULL;
    }
    if (!chr->filename) {
        chr->filename = g_strdup(cc->backend_name);
    }
    if (be_opened) {
        qemu_chr_be_event(chr, CHR_EVENT_OPENED);
    }
    return chr;
}

static void chardev_register(Chardev *chr)
{
    if (!chardevs) {
        chardevs = g_ptr_array_new();
    }
    object_property_add_child(object_get_container("chardevs"), chr->label,
                              OBJECT(chr));
    object_unref(OBJECT(chr));
    g_ptr_array_add(chardevs, chr);
}

static int chardev_check_key(void *opaque, const char *name,
                             const char *value, Error **errp)
{
    size_t i;

    for (i = 0; i < ARRAY_SIZE(chardev_known_keys); i++) {
        if (!strcmp(name, chardev_known_keys[i])) {
            return 0;
        }
    }
    error_setg(errp, "Invalid parameter '%s'", name);
    return -1;
}

Chardev *qemu_chr_new_from_opts(QemuOpts *opts, GMainContext *context,
                                Error **errp)
{
    const char *backend = qemu_opt_get(opts, "backend");
    const char *id = qemu_opts_id(opts);
    g_autofree char *base_id = NULL;
    ChardevClass *cc;
    Chardev *chr;
    Chardev *mux;
    bool use_mux = false;
    bool server = false;
    bool wait = true;

    if (qemu_opt_has_help_opt(opts) || (backend && is_help_option(backend))) {
        qemu_chr_print_help(stdout);
        exit(0);
    }
    if (qemu_opt_foreach(opts, chardev_check_key, NULL, errp)) {
        return NULL;
    }
    if (!id) {
        error_setg(errp, "Parameter 'id' is missing");
        return NULL;
    }
    if (!backend) {
        error_setg(errp, "chardev: \"%s\" missing backend", id);
        return NULL;
    }
    cc = chardev_class_by_backend(backend);
    if (!cc) {
        error_setg(errp, "'%s' is not a valid char driver name", backend);
        return NULL;
    }
    if (!qemu_opt_get_bool_err(opts, "mux", &use_mux, errp) ||
        !qemu_opt_get_bool_err(opts, "server", &server, errp) ||
        !qemu_opt_get_bool_err(opts, "wait", &wait, errp)) {
        return NULL;
    }
    if (qemu_chr_find(id)) {
        error_setg(errp, "Duplicate ID '%s' for chardev", id);
        return NULL;
    }
    if (use_mux) {
        base_id = g_strdup_printf("%s-base", id);
        if (qemu_chr_find(base_id)) {
            error_setg(errp, "Duplicate ID '%s' for chardev", base_id);
            return NULL;
        }
    }

    chr = chardev_create(object_class_get_name(OBJECT_CLASS(cc)),
                         use_mux ? base_id : id, opts, context, errp);
    if (!chr) {
        return NULL;
    }
    if (server && wait && cc->chr_wait_connected &&
        !cc->chr_wait_connected(chr, errp)) {
        object_unref(OBJECT(chr));
        return NULL;
    }
    chardev_register(chr);
    if (!use_mux) {
        return chr;
    }

    mux = chardev_create(TYPE_CHARDEV_MUX, id, NULL, context, errp);
    if (!mux) {
        object_unparent(OBJECT(chr));
        return NULL;
    }
    if (!mux_chr_attach_base(mux, chr, errp)) {
        object_unref(OBJECT(mux));
        object_unparent(OBJECT(chr));
        return NULL;
    }
    chardev_register(mux);
    return mux;
}

/* Legacy specifications (-serial, -monitor, -qmp, -qtest) */

static int chr_compat_copy_opt(void *opaque, const char *name,
                               const char *value, Error **errp)
{
    qemu_opt_set(opaque, name, value);
    return 0;
}

/* Append the pairs of the option string @text to @opts. */
static bool chr_compat_merge(QemuOpts *opts, const char *text,
                             const char *implied_key, Error **errp)
{
    QemuOpts *extra = qemu_opts_parse(text, implied_key, errp);

    if (!extra) {
        return false;
    }
    qemu_opt_foreach(extra, chr_compat_copy_opt, opts, NULL);
    qemu_opts_free(extra);
    return true;
}

/*
 * Split "HOST:PORT", "[V6ADDR]:PORT" or ":PORT" (the first @len bytes of
 * @text) into @host_key and @port_key of @opts.
 */
static bool chr_compat_host_port(QemuOpts *opts, const char *text,
                                 size_t len, const char *host_key,
                                 const char *port_key)
{
    g_autofree char *spec = g_strndup(text, len);
    g_autofree char *host = NULL;
    const char *port;
    char *colon;

    if (spec[0] == '[') {
        char *close = strchr(spec, ']');

        if (!close || close[1] != ':') {
            return false;
        }
        host = g_strndup(spec + 1, close - spec - 1);
        port = close + 2;
    } else {
        colon = strrchr(spec, ':');
        if (!colon) {
            return false;
        }
        host = g_strndup(spec, colon - spec);
        port = colon + 1;
    }
    if (!*port) {
        return false;
    }
    qemu_opt_set(opts, host_key, host);
    qemu_opt_set(opts, port_key, port);
    return true;
}

static bool chr_compat_parse_vc(QemuOpts *opts, const char *dims)
{
    unsigned int w, h;
    int n = 0;

    if (sscanf(dims, "%uCx%uC%n", &w, &h, &n) == 2 && n > 0 &&
        dims[n] == '\0') {
        g_autofree char *cols = g_strdup_printf("%u", w);
        g_autofree char *rows = g_strdup_printf("%u", h);

        qemu_opt_set(opts, "cols", cols);
        qemu_opt_set(opts, "rows", rows);
        return true;
    }
    n = 0;
    if (sscanf(dims, "%ux%u%n", &w, &h, &n) == 2 && n > 0 &&
        dims[n] == '\0') {
        g_autofree char *width = g_strdup_printf("%u", w);
        g_autofree char *height = g_strdup_printf("%u", h);

        qemu_opt_set(opts, "width", width);
        qemu_opt_set(opts, "height", height);
        return true;
    }
    return false;
}

static bool chr_compat_parse(QemuOpts *opts, const char *spec, Error **errp)
{
    static const char *const plain[] = {
        "null", "stdio", "pty", "vc", "msmouse", "braille", "testdev",
    };
    const char *p;
    size_t i;

    for (i = 0; i < ARRAY_SIZE(plain); i++) {
        if (!strcmp(spec, plain[i])) {
            qemu_opt_set(opts, "backend", spec);
            return true;
        }
    }
    if (g_str_has_prefix(spec, "vc:")) {
        qemu_opt_set(opts, "backend", "vc");
        if (chr_compat_parse_vc(opts, spec + 3)) {
            return true;
        }
    } else if (g_str_has_prefix(spec, "file:")) {
        qemu_opt_set(opts, "backend", "file");
        qemu_opt_set(opts, "path", spec + 5);
        return true;
    } else if (g_str_has_prefix(spec, "pipe:")) {
        qemu_opt_set(opts, "backend", "pipe");
        qemu_opt_set(opts, "path", spec + 5);
        return true;
    } else if (g_str_has_prefix(spec, "pty:")) {
        qemu_opt_set(opts, "backend", "pty");
        qemu_opt_set(opts, "path", spec + 4);
        return true;
    } else if (g_str_has_prefix(spec, "unix:")) {
        qemu_opt_set(opts, "backend", "socket");
        return chr_compat_merge(opts, spec + 5, "path", errp);
    } else if (g_str_has_prefix(spec, "tcp:") ||
               g_str_has_prefix(spec, "telnet:") ||
               g_str_has_prefix(spec, "websocket:")) {
        p = strchr(spec, ':') + 1;
        qemu_opt_set(opts, "backend", "socket");
        if (chr_compat_host_port(opts, p, strcspn(p, ","), "host", "port")) {
            if (spec[0] == 't' && spec[1] == 'e') {
                qemu_opt_set(opts, "telnet", "on");
            } else if (spec[0] == 'w') {
                qemu_opt_set(opts, "websocket", "on");
            }
            p += strcspn(p, ",");
            return *p == '\0' || chr_compat_merge(opts, p + 1, NULL, errp);
        }
    } else if (g_str_has_prefix(spec, "udp:")) {
        p = spec + 4;
        qemu_opt_set(opts, "backend", "udp");
        if (chr_compat_host_port(opts, p, strcspn(p, "@"), "host", "port")) {
            p += strcspn(p, "@");
            if (*p == '\0' ||
                chr_compat_host_port(opts, p + 1, strlen(p + 1),
                                     "localaddr", "localport")) {
                return true;
            }
        }
    } else if (g_str_has_prefix(spec, "/dev/parport")) {
        qemu_opt_set(opts, "backend", "parallel");
        qemu_opt_set(opts, "path", spec);
        return true;
    } else if (g_str_has_prefix(spec, "/dev/")) {
        qemu_opt_set(opts, "backend", "serial");
        qemu_opt_set(opts, "path", spec);
        return true;
    } else if (!strchr(spec, ':')) {
        error_setg(errp, "'%s' is not a valid char driver name", spec);
        return false;
    }
    error_setg(errp, "Could not parse character device specification '%s'",
               spec);
    return false;
}

QemuOpts *qemu_chr_parse_compat(const char *label, const char *filename,
                                bool permit_mux_mon, Error **errp)
{
    g_autoptr(QemuOpts) opts = NULL;

    if (!strcmp(filename, "none")) {
        return NULL;
    }
    opts = qemu_opts_new();
    qemu_opt_set(opts, "id", label);
    if (g_str_has_prefix(filename, "mon:")) {
        if (!permit_mux_mon) {
            error_setg(errp, "mon: isn't supported in this context");
            return NULL;
        }
        filename += 4;
        qemu_opt_set(opts, "mux", "on");
        if (!strcmp(filename, "stdio")) {
            /* Ctrl-C goes to the guest when the monitor shares stdio. */
            qemu_opt_set(opts, "signal", "off");
        }
    }
    if (!chr_compat_parse(opts, filename, errp)) {
        return NULL;
    }
    return g_steal_pointer(&opts);
}

static Chardev *chr_new_compat(const char *label, const char *filename,
                               bool permit_mux_mon, GMainContext *context,
                               Error **errp)
{
    QemuOpts *opts;
    Chardev *chr;

    if (g_str_has_prefix(filename, "chardev:")) {
        chr = qemu_chr_find(filename + 8);
        if (!chr) {
            error_setg(errp, "Chardev '%s' not found", filename + 8);
        }
        return chr;
    }
    opts = qemu_chr_parse_compat(label, filename, permit_mux_mon, errp);
    if (!opts) {
        return NULL;
    }
    chr = qemu_chr_new_from_opts(opts, context, errp);
    qemu_opts_free(opts);
    return chr;
}

Chardev *qemu_chr_new(const char *label, const char *filename,
                      GMainContext *context, Error **errp)
{
    return chr_new_compat(label, filename, false, context, errp);
}

Chardev *qemu_chr_new_mux_mon(const char *label, const char *filename,
                              GMainContext *context, Error **errp)
{
    return chr_new_compat(label, filename, true, context, errp);
}

/* Look-up and removal */

Chardev *qemu_chr_find(const char *name)
{
    guint i;

    for (i = 0; chardevs && i < chardevs->len; i++) {
        Chardev *chr = g_ptr_array_index(chardevs, i);

        if (!strcmp(chr->label, name)) {
            return chr;
        }
    }
    return NULL;
}

bool qemu_chr_remove(const char *id, Error **errp)
{
    Chardev *chr = qemu_chr_find(id);

    if (!chr) {
        error_setg(errp, "Chardev '%s' not found", id);
        return false;
    }
    if (qemu_chr_is_busy(chr)) {
        error_setg(errp, "Chardev '%s' is busy", id);
        return false;
    }
    object_unparent(OBJECT(chr));
    return true;
}

void qemu_chr_cleanup(void)
{
    g_autoptr(GPtrArray) all = NULL;
    guint i;

    if (!chardevs) {
        return;
    }
    all = g_ptr_array_copy(chardevs, NULL, NULL);
    /* Newest first: a multiplexer goes before the back end it uses. */
    for (i = all->len; i > 0; i--) {
        object_unparent(OBJECT(g_ptr_array_index(all, i - 1)));
    }
}

void qemu_chr_foreach(void (*fn)(Chardev *chr, void *opaque), void *opaque)
{
    g_autoptr(GPtrArray) all = NULL;
    guint i;

    if (!chardevs) {
        return;
    }
    all = g_ptr_array_copy(chardevs, NULL, NULL);
    for (i = 0; i < all->len; i++) {
        fn(g_ptr_array_index(all, i), opaque);
    }
}

static gint chr_compare_names(gconstpointer a, gconstpointer b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The -chardev back-end names, sorted, then the aliases. */
static GPtrArray *chr_backend_names(void)
{
    GSList *list = object_class_get_list(TYPE_CHARDEV, false);
    GPtrArray *names = g_ptr_array_new();
    GSList *l;
    size_t i;

    for (l = list; l; l = l->next) {
        ChardevClass *cc = CHARDEV_CLASS(l->data);

        if (!cc->internal && cc->backend_name) {
            g_ptr_array_add(names, (gpointer)cc->backend_name);
        }
    }
    g_slist_free(list);
    g_ptr_array_sort(names, chr_compare_names);
    for (i = 0; i < ARRAY_SIZE(chardev_aliases); i++) {
        g_ptr_array_add(names, (gpointer)chardev_aliases[i].alias);
    }
    return names;
}

void qemu_chr_backend_foreach(void (*fn)(const char *name, void *opaque),
                              void *opaque)
{
    g_autoptr(GPtrArray) names = chr_backend_names();
    guint i;

    for (i = 0; i < names->len; i++) {
        fn(g_ptr_array_index(names, i), opaque);
    }
}

void qemu_chr_print_help(FILE *f)
{
    g_autoptr(GPtrArray) names = chr_backend_names();
    guint i;

    fprintf(f, "Available chardev backend types: \n");
    for (i = 0; i < names->len; i++) {
        fprintf(f, "  %s\n", (const char *)g_ptr_array_index(names, i));
    }
}

static const TypeInfo char_types[] = {
    {
        .name = TYPE_CHARDEV,
        .parent = TYPE_OBJECT,
        .instance_size = sizeof(Chardev),
        .instance_init = chardev_instance_init,
        .instance_finalize = chardev_instance_finalize,
        .abstract = true,
        .class_size = sizeof(ChardevClass),
    },
};
DEFINE_TYPES(char_types)
