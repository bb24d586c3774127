/*
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * The qtest server: a line-based protocol on a chardev through which a
 * test reads and writes guest memory and I/O ports, moves the virtual
 * clock and watches interrupt lines.
 *
 * Wire format and replies: interfaces.md section 1.  Where QEMU asserts
 * on a malformed command (missing or unparsable numbers) we answer
 * "FAIL ..." instead and keep serving.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "qemu/cutils.h"
#include "qemu/error-report.h"
#include "qemu/timer.h"
#include "hw/core/qdev.h"
#include "hw/core/irq.h"
#include "chardev/char-fe.h"
#include "system/address-spaces.h"
#include "system/qtest.h"
#include "trace.h"

#define TYPE_QTEST "qtest"
OBJECT_DECLARE_SIMPLE_TYPE(QTest, QTEST)

#define QTEST_MAX_IRQ 256

struct QTest {
    Object parent_obj;

    char *chr_name;
    char *log;
    CharFrontend chr;
    GString *inbuf;
    GString *outbuf;        /* replies of the commands being processed */
    bool batching;          /* inside qtest_read: flush at its end */
    FILE *log_fp;
    bool has_log;
    int64_t start_time_us;
    int64_t last_log_us;

    /* The one device whose lines are intercepted, and their levels. */
    DeviceState *irq_dev;
    bool irq_levels[QTEST_MAX_IRQ];
};

static bool qtest_allowed;
static QTest *qtest_server;

bool qtest_enabled(void)
{
    return qtest_allowed;
}

void qtest_set_enabled(bool enabled)
{
    qtest_allowed = enabled;
}

bool qtest_driven(void)
{
    return qtest_server != NULL &&
           qemu_chr_fe_backend_open(&qtest_server->chr);
}

/* Log lines carry seconds since the chardev opened, relative markers. */
static void qtest_log_prefix(QTest *q, char kind, bool relative)
{
    int64_t now = g_get_monotonic_time() - q->start_time_us;

    if (relative) {
        fprintf(q->log_fp, "[%c +%" PRId64 ".%06" PRId64 "]", kind,
                now / 1000000, now % 1000000);
    } else {
        fprintf(q->log_fp, "[%c %" PRId64 ".%06" PRId64 "]", kind,
                now / 1000000, now % 1000000);
    }
}

static void qtest_flush(QTest *q)
{
    if (q->outbuf->len > 0) {
        qemu_chr_fe_write_all(&q->chr, (const uint8_t *)q->outbuf->str,
                              q->outbuf->len);
        g_string_truncate(q->outbuf, 0);
    }
    if (q->log_fp) {
        fflush(q->log_fp);
    }
}

/*
 * Replies (and IRQ lines raised while a command runs) are queued in
 * order and written once per burst of commands read together, so a
 * client that pipelines commands costs one write per burst.
 */
static void qtest_send(QTest *q, const char *str)
{
    if (q->log_fp) {
        qtest_log_prefix(q, 'S', true);
        fprintf(q->log_fp, " %s", str);
    }
    g_string_append(q->outbuf, str);
    if (!q->batching) {
        qtest_flush(q);
    }
}

static void G_GNUC_PRINTF(2, 3) qtest_sendf(QTest *q, const char *fmt, ...)
{
    va_list ap;
    g_autofree char *buf = NULL;

    va_start(ap, fmt);
    buf = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    qtest_send(q, buf);
}

/*
 * Intercepted lines report changes of level only.  The handler's opaque
 * is the original line (see qemu_irq_intercept_in), so the level still
 * reaches its destination.
 */
static void qtest_irq_handler(void *opaque, int n, int level)
{
    QTest *q = qtest_server;
    qemu_irq orig = opaque;
    bool high = level != 0;

    qemu_irq_intercept_forward(orig, level);
    if (q == NULL || n < 0 || n >= QTEST_MAX_IRQ) {
        return;
    }
    if (q->irq_levels[n] != high) {
        trace_qtest_irq(n, high);
        q->irq_levels[n] = high;
        qtest_sendf(q, "IRQ %s %d\n", high ? "raise" : "lower", n);
    }
}

/* Output taps: a new line per output that reports, then forwards. */
typedef struct QTestOutTap {
    qemu_irq target;
    int n;
} QTestOutTap;

static void qtest_out_tap_handler(void *opaque, int n, int level)
{
    QTest *q = qtest_server;
    QTestOutTap *tap = opaque;
    bool high = level != 0;

    qemu_set_irq(tap->target, level);
    if (q == NULL || tap->n >= QTEST_MAX_IRQ) {
        return;
    }
    if (q->irq_levels[tap->n] != high) {
        trace_qtest_irq(tap->n, high);
        q->irq_levels[tap->n] = high;
        qtest_sendf(q, "IRQ %s %d\n", high ? "raise" : "lower", tap->n);
    }
}

static bool qtest_parse_u64(const char *word, uint64_t *value)
{
    return word != NULL && qemu_strtou64(word, NULL, 0, value) == 0;
}

static bool qtest_parse_i64(const char *word, int64_t *value)
{
    return word != NULL && qemu_strtoi64(word, NULL, 0, value) == 0;
}

static DeviceState *qtest_find_device(const char *path)
{
    Object *obj;

    if (path == NULL) {
        return NULL;
    }
    obj = object_resolve_path(path, NULL);
    if (obj == NULL) {
        return NULL;
    }
    return (DeviceState *)object_dynamic_cast(obj, TYPE_DEVICE);
}

static void qtest_irq_intercept(QTest *q, char **words, bool is_out)
{
    DeviceState *dev = qtest_find_device(words[1]);
    const char *name = words[1] ? words[2] : NULL;
    bool installed = false;
    GSList *l;

    if (dev == NULL) {
        qtest_send(q, "FAIL Unknown device\n");
        return;
    }
    if (!is_out && name) {
        qtest_send(q,
                   "FAIL Interception of named in-GPIOs not yet supported\n");
        return;
    }
    if (q->irq_dev == dev) {
        qtest_send(q, "OK\n");
        return;
    }
    if (q->irq_dev) {
        qtest_send(q, "FAIL IRQ intercept already enabled\n");
        return;
    }
    for (l = dev->gpios; l; l = l->next) {
        NamedGPIOList *ngl = l->data;
        int i;

        if (g_strcmp0(ngl->name, name) != 0) {
            continue;
        }
        if (is_out) {
            for (i = 0; i < ngl->num_out; i++) {
                QTestOutTap *tap = g_new0(QTestOutTap, 1);

                tap->target = qdev_get_gpio_out_connector(dev, ngl->name, i);
                tap->n = i;
                qdev_connect_gpio_out_named(dev, ngl->name, i,
                                            qemu_allocate_irq(
                                                qtest_out_tap_handler,
                                                tap, i));
                installed = true;
            }
        } else if (ngl->num_in > 0) {
            qemu_irq_intercept_in(ngl->in, qtest_irq_handler, ngl->num_in);
            installed = true;
        }
    }
    if (!installed) {
        qtest_send(q, "FAIL No intercepts installed\n");
        return;
    }
    q->irq_dev = dev;
    qtest_send(q, "OK\n");
}

static void qtest_set_irq_in(QTest *q, char **words)
{
    DeviceState *dev = qtest_find_device(words[1]);
    const char *name;
    int64_t num, level;
    qemu_irq irq;
    NamedGPIOList *ngl;

    if (dev == NULL) {
        qtest_send(q, "FAIL Unknown device\n");
        return;
    }
    if (!words[2] || !qtest_parse_i64(words[3], &num) ||
        !qtest_parse_i64(words[4], &level)) {
        qtest_send(q, "FAIL missing or invalid argument\n");
        return;
    }
    name = words[2];
    if (!strcmp(name, "unnamed-gpio-in")) {
        name = NULL;
    }
    ngl = qdev_get_named_gpio_list(dev, name);
    if (ngl == NULL || num < 0 || num >= ngl->num_in) {
        qtest_send(q, "FAIL No such IRQ\n");
        return;
    }
    irq = ngl->in[num];
    qemu_set_irq(irq, level);
    qtest_send(q, "OK\n");
}

static void qtest_port_io(QTest *q, char **words)
{
    unsigned size = words[0][strlen(words[0]) - 1] == 'b' ? 1 :
                    words[0][strlen(words[0]) - 1] == 'w' ? 2 : 4;
    bool is_out = words[0][0] == 'o';
    uint64_t addr, value;

    if (!qtest_parse_u64(words[1], &addr) || addr > 0xffff ||
        (is_out && !qtest_parse_u64(words[2], &value))) {
        qtest_send(q, "FAIL missing or invalid argument\n");
        return;
    }
    /* As a CPU's IN/OUT: split into the accesses the ports accept. */
    if (is_out) {
        uint8_t buf[4];

        stl_le_p(buf, value);
        address_space_write(&address_space_io, addr, MEMTXATTRS_UNSPECIFIED,
                            buf, size);
        qtest_send(q, "OK\n");
    } else {
        uint8_t buf[4] = { 0 };

        address_space_read(&address_space_io, addr, MEMTXATTRS_UNSPECIFIED,
                           buf, size);
        value = ldl_le_p(buf);
        qtest_sendf(q, "OK 0x%04" PRIx64 "\n", value);
    }
}

static void qtest_mem_io(QTest *q, char **words)
{
    char last = words[0][strlen(words[0]) - 1];
    unsigned size = last == 'b' ? 1 : last == 'w' ? 2 : last == 'l' ? 4 : 8;
    bool is_write = words[0][0] == 'w';
    uint64_t addr, value;

    if (!qtest_parse_u64(words[1], &addr) ||
        (is_write && !qtest_parse_u64(words[2], &value))) {
        qtest_send(q, "FAIL missing or invalid argument\n");
        return;
    }
    if (is_write) {
        uint8_t buf[8];

        stq_le_p(buf, value);
        address_space_write(&address_space_memory, addr,
                            MEMTXATTRS_UNSPECIFIED, buf, size);
        qtest_send(q, "OK\n");
    } else {
        uint8_t buf[8] = { 0 };

        address_space_read(&address_space_memory, addr,
                           MEMTXATTRS_UNSPECIFIED, buf, size);
        value = ldq_le_p(buf);
        qtest_sendf(q, "OK 0x%016" PRIx64 "\n", value);
    }
}

static int qtest_hex_nibble(char c)
{
    return g_ascii_xdigit_value(c);
}

static void qtest_bulk(QTest *q, char **words)
{
    const char *cmd = words[0];
    uint64_t addr, len;
    g_autofree uint8_t *data = NULL;

    if (!qtest_parse_u64(words[1], &addr) ||
        !qtest_parse_u64(words[2], &len)) {
        qtest_send(q, "FAIL missing or invalid argument\n");
        return;
    }
    if (len > 256 * 1024 * 1024) {
        qtest_send(q, "FAIL size too large\n");
        return;
    }
    if (!strcmp(cmd, "read") || !strcmp(cmd, "b64read")) {
        if (len == 0) {
            qtest_send(q, "FAIL invalid size 0\n");
            return;
        }
        data = g_malloc0(len);
        address_space_read(&address_space_memory, addr,
                           MEMTXATTRS_UNSPECIFIED, data, len);
        if (!strcmp(cmd, "read")) {
            GString *out = g_string_sized_new(len * 2 + 8);
            uint64_t i;

            g_string_append(out, "OK 0x");
            for (i = 0; i < len; i++) {
                g_string_append_printf(out, "%02x", data[i]);
            }
            g_string_append_c(out, '\n');
            qtest_send(q, out->str);
            g_string_free(out, true);
        } else {
            g_autofree char *enc = g_base64_encode(data, len);

            qtest_sendf(q, "OK %s\n", enc);
        }
        return;
    }
    if (!strcmp(cmd, "memset")) {
        uint64_t pattern;

        if (!qtest_parse_u64(words[3], &pattern)) {
            qtest_send(q, "FAIL missing or invalid argument\n");
            return;
        }
        if (len > 0) {
            address_space_set(&address_space_memory, addr, pattern & 0xff,
                              len, MEMTXATTRS_UNSPECIFIED);
        }
        qtest_send(q, "OK\n");
        return;
    }
    if (words[3] == NULL || strlen(words[3]) < 3) {
        qtest_send(q, "ERR invalid argument size\n");
        return;
    }
    data = g_malloc0(len ? len : 1);
    if (!strcmp(cmd, "write")) {
        const char *hex = words[3] + 2;
        uint64_t i;

        if (strncmp(words[3], "0x", 2) != 0) {
            qtest_send(q, "FAIL data must start with 0x\n");
            return;
        }
        for (i = 0; i < len && hex[2 * i] && hex[2 * i + 1]; i++) {
            int hi = qtest_hex_nibble(hex[2 * i]);
            int lo = qtest_hex_nibble(hex[2 * i + 1]);

            if (hi < 0 || lo < 0) {
                qtest_send(q, "FAIL invalid hex data\n");
                return;
            }
            data[i] = (hi << 4) | lo;
        }
    } else {
        gsize found;
        g_autofree guchar *dec = g_base64_decode(words[3], &found);

        if (found != len && q->log_fp) {
            fprintf(q->log_fp, "b64write: data length mismatch (told %"
                    PRIu64 ", found %zu)\n", len, (size_t)found);
        }
        memcpy(data, dec, MIN(found, len));
    }
    address_space_write(&address_space_memory, addr, MEMTXATTRS_UNSPECIFIED,
                        data, len);
    qtest_send(q, "OK\n");
}

static void qtest_clock(QTest *q, char **words)
{
    int64_t old = qemu_clock_get_ns(QEMU_CLOCK_VIRTUAL);
    int64_t ns, target;

    if (!qtest_enabled()) {
        qtest_sendf(q, "FAIL Unknown command '%s'\n", words[0]);
        return;
    }
    if (!strcmp(words[0], "clock_step")) {
        if (words[1]) {
            if (!qtest_parse_i64(words[1], &ns) || ns < 0) {
                qtest_send(q, "FAIL missing or invalid argument\n");
                return;
            }
            target = old + ns;
        } else {
            target = qemu_clock_next_deadline(QEMU_CLOCK_VIRTUAL);
            if (target < 0) {
                qtest_send(q, "FAIL cannot advance clock to the next "
                           "deadline because there is no pending "
                           "deadline\n");
                return;
            }
        }
        ns = qemu_clock_advance_virtual(target);
        if (ns == old && target != old) {
            qtest_send(q, "FAIL could not advance time\n");
            return;
        }
        qtest_sendf(q, "OK %" PRIi64 "\n", ns);
        return;
    }
    if (!qtest_parse_i64(words[1], &target)) {
        qtest_send(q, "FAIL missing or invalid argument\n");
        return;
    }
    if (target < old) {
        qtest_sendf(q, "FAIL %" PRIi64 "\n", old);
        return;
    }
    ns = qemu_clock_advance_virtual(target);
    qtest_sendf(q, "OK %" PRIi64 "\n", ns);
}

static void qtest_process_command(QTest *q, char **words)
{
    const char *cmd = words[0];

    if (trace_event_get_state_backends(TRACE_QTEST_COMMAND)) {
        g_autofree char *line = g_strjoinv(" ", words);

        trace_qtest_command(line);
    }
    if (q->log_fp) {
        int i;

        qtest_log_prefix(q, 'R', true);
        for (i = 0; words[i]; i++) {
            fprintf(q->log_fp, " %s", words[i]);
        }
        fprintf(q->log_fp, "\n");
    }
    if (cmd == NULL) {
        qtest_send(q, "FAIL Unknown command ''\n");
    } else if (!strcmp(cmd, "irq_intercept_in")) {
        qtest_irq_intercept(q, words, false);
    } else if (!strcmp(cmd, "irq_intercept_out")) {
        qtest_irq_intercept(q, words, true);
    } else if (!strcmp(cmd, "set_irq_in")) {
        qtest_set_irq_in(q, words);
    } else if (!strcmp(cmd, "outb") || !strcmp(cmd, "outw") ||
               !strcmp(cmd, "outl") || !strcmp(cmd, "inb") ||
               !strcmp(cmd, "inw") || !strcmp(cmd, "inl")) {
        qtest_port_io(q, words);
    } else if (!strcmp(cmd, "writeb") || !strcmp(cmd, "writew") ||
               !strcmp(cmd, "writel") || !strcmp(cmd, "writeq") ||
               !strcmp(cmd, "readb") || !strcmp(cmd, "readw") ||
               !strcmp(cmd, "readl") || !strcmp(cmd, "readq")) {
        qtest_mem_io(q, words);
    } else if (!strcmp(cmd, "read") || !strcmp(cmd, "write") ||
               !strcmp(cmd, "b64read") || !strcmp(cmd, "b64write") ||
               !strcmp(cmd, "memset")) {
        qtest_bulk(q, words);
    } else if (!strcmp(cmd, "endianness")) {
        qtest_send(q, HOST_BIG_ENDIAN ? "OK big\n" : "OK little\n");
    } else if (!strcmp(cmd, "clock_step") || !strcmp(cmd, "clock_set")) {
        qtest_clock(q, words);
    } else if (!strcmp(cmd, "module_load")) {
        qtest_send(q, "FAIL\n");
    } else {
        qtest_sendf(q, "FAIL Unknown command '%s'\n", cmd);
    }
}

static int qtest_can_read(void *opaque)
{
    return CHR_READ_BUF_LEN;
}

/* Split on single spaces: two spaces make an empty word, as in QEMU. */
static void qtest_read(void *opaque, const uint8_t *buf, int size)
{
    QTest *q = opaque;
    size_t start = 0;
    char *end;

    g_string_append_len(q->inbuf, (const char *)buf, size);
    q->batching = true;
    while ((end = memchr(q->inbuf->str + start, '\n',
                         q->inbuf->len - start)) != NULL) {
        g_autofree char *line = g_strndup(q->inbuf->str + start,
                                          end - (q->inbuf->str + start));
        g_auto(GStrv) words = g_strsplit(line, " ", 0);

        start = end - q->inbuf->str + 1;
        qtest_process_command(q, words);
    }
    g_string_erase(q->inbuf, 0, start);
    q->batching = false;
    qtest_flush(q);
}

static void qtest_event(void *opaque, QEMUChrEvent event)
{
    QTest *q = opaque;

    switch (event) {
    case CHR_EVENT_OPENED:
        memset(q->irq_levels, 0, sizeof(q->irq_levels));
        q->start_time_us = g_get_monotonic_time();
        if (q->log_fp) {
            qtest_log_prefix(q, 'I', false);
            fprintf(q->log_fp, " OPENED\n");
            fflush(q->log_fp);
        }
        break;
    case CHR_EVENT_CLOSED:
        if (q->log_fp) {
            qtest_log_prefix(q, 'I', true);
            fprintf(q->log_fp, " CLOSED\n");
            fflush(q->log_fp);
        }
        break;
    default:
        break;
    }
}

static bool qtest_server_start(QTest *q, Error **errp)
{
    Chardev *chr = qemu_chr_find(q->chr_name);

    if (chr == NULL) {
        error_setg(errp, "Cannot find character device '%s'", q->chr_name);
        return false;
    }
    if (!qemu_chr_fe_init(&q->chr, chr, errp)) {
        return false;
    }
    if (q->log == NULL) {
        q->log_fp = stderr;
    } else if (strcmp(q->log, "none") != 0) {
        q->log_fp = fopen(q->log, "w");
        if (q->log_fp == NULL) {
            error_setg_errno(errp, errno, "Cannot open qtest log '%s'",
                             q->log);
            return false;
        }
    }
    q->inbuf = g_string_new("");
    q->outbuf = g_string_new("");
    q->start_time_us = g_get_monotonic_time();
    qtest_server = q;
    qemu_chr_fe_set_handlers(&q->chr, qtest_can_read, qtest_read,
                             qtest_event, NULL, q, NULL, true);
    qemu_chr_fe_set_echo(&q->chr, true);
    return true;
}

bool qtest_server_init(const char *qtest_chrdev, const char *qtest_log,
                       Error **errp)
{
    Chardev *chr;
    QTest *q;
    Object *machine;

    chr = qemu_chr_new("qtest", qtest_chrdev, NULL, errp);
    if (chr == NULL) {
        return false;
    }
    q = QTEST(object_new(TYPE_QTEST));
    q->chr_name = g_strdup(chr->label);
    q->log = g_strdup(qtest_log);
    machine = qdev_get_machine();
    object_property_add_child(machine, "qtest", OBJECT(q));
    object_unref(q);
    return qtest_server_start(q, errp);
}

static char *qtest_get_chardev(Object *obj, Error **errp)
{
    return g_strdup(QTEST(obj)->chr_name);
}

static void qtest_set_chardev(Object *obj, const char *value, Error **errp)
{
    QTest *q = QTEST(obj);

    if (qtest_server == q) {
        error_setg(errp, "Property 'chardev' can not be set now");
        return;
    }
    g_free(q->chr_name);
    q->chr_name = g_strdup(value);
}

static char *qtest_get_log(Object *obj, Error **errp)
{
    return g_strdup(QTEST(obj)->log);
}

static void qtest_set_log(Object *obj, const char *value, Error **errp)
{
    QTest *q = QTEST(obj);

    if (qtest_server == q) {
        error_setg(errp, "Property 'log' can not be set now");
        return;
    }
    g_free(q->log);
    q->log = g_strdup(value);
}

static void qtest_complete(Object *obj, Error **errp)
{
    QTest *q = QTEST(obj);

    if (qtest_server != NULL) {
        error_setg(errp, "Only one instance of qtest can be created");
        return;
    }
    if (q->chr_name == NULL) {
        error_setg(errp, "No backend specified");
        return;
    }
    qtest_server_start(q, errp);
}

static void qtest_finalize(Object *obj)
{
    QTest *q = QTEST(obj);

    if (qtest_server == q) {
        qtest_server = NULL;
    }
    qemu_chr_fe_deinit(&q->chr, false);
    if (q->log_fp && q->log_fp != stderr) {
        fclose(q->log_fp);
    }
    if (q->inbuf) {
        g_string_free(q->inbuf, true);
    }
    if (q->outbuf) {
        g_string_free(q->outbuf, true);
    }
    g_free(q->chr_name);
    g_free(q->log);
}

static void qtest_class_init(ObjectClass *oc, const void *data)
{
    UserCreatableClass *ucc = USER_CREATABLE_CLASS(oc);

    ucc->complete = qtest_complete;
    object_class_property_add_str(oc, "chardev", qtest_get_chardev,
                                  qtest_set_chardev);
    object_class_property_add_str(oc, "log", qtest_get_log, qtest_set_log);
}

static const TypeInfo qtest_types[] = {
    {
        .name = TYPE_QTEST,
        .parent = TYPE_OBJECT,
        .instance_size = sizeof(QTest),
        .instance_finalize = qtest_finalize,
        .class_init = qtest_class_init,
        .interfaces = (const InterfaceInfo[]) {
            { TYPE_USER_CREATABLE },
            { }
        },
    },
};
DEFINE_TYPES(qtest_types)
