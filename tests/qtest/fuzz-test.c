/*
 * Deterministic mutation fuzzing of the two inputs a hostile peer
 * controls: incoming migration streams and QMP.
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * Streams: a board with busy devices (virt: PL011 with data in its
 * receive FIFO; pc: HPET timers armed, the serial port and the PIT
 * programmed) is saved once; mutated copies of its device sections (the
 * bytes between the end of RAM and the end-of-stream marker) are each
 * loaded into a fresh destination, which must keep answering QMP and,
 * when it accepted the stream, its device registers.
 * QMP: random bytes and damaged requests, each followed by a resync byte
 * and a query-status that must get its reply.
 *
 * QTEST_FUZZ_SEED picks the seed (printed); QTEST_FUZZ_ITERATIONS the
 * number of streams per board (QMP inputs are eight times as many).
 */
#include "qemu/osdep.h"
#include "libqtest.h"

#define DEFAULT_ITERATIONS  40
#define DEFAULT_SEED        0x5eed2026u
#define QMP_PER_ITERATION   8

/* Stream format bytes (QEMU's savevm.c) */
#define SECTION_FULL        0x04
#define STREAM_EOF          0x00
#define STREAM_VMDESC       0x06

/* virt */
#define UART_BASE           0x09000000ULL
#define UART_DR             0x000
#define UART_FR             0x018
#define UART_IBRD           0x024
#define UART_FBRD           0x028
#define UART_LCR_H          0x02c
#define UART_CR             0x030
#define UART_IFLS           0x034
#define UART_IMSC           0x038
#define UART_RIS            0x03c
#define UART_MIS            0x040
#define GICD_BASE           0x08000000ULL
#define GICD_CTLR           0x000
#define GICD_TYPER          0x004
#define GICD_ISENABLER1     0x104

/* pc */
#define COM1                0x3f8
#define HPET_BASE           0xfed00000ULL
#define HPET_GEN_CONF       0x010
#define HPET_MAIN_CNT       0x0f0
#define HPET_TN_CONF(n)     (0x100 + 0x20 * (n))
#define HPET_TN_COMP(n)     (0x108 + 0x20 * (n))
#define PIT_CH0             0x40
#define PIT_CH2             0x42
#define PIT_MODE            0x43

/* At most this many sections per board are aimed at one by one. */
#define MAX_SECTIONS        8

typedef struct FuzzBoard {
    const char *arch;
    const char *args;
    const char *sections[MAX_SECTIONS];
    void (*prepare)(QTestState *qts);
    void (*probe)(QTestState *qts);
} FuzzBoard;

static guint32 fuzz_seed;
static unsigned fuzz_iterations;

/* Boards: programming before the save, register reads after a load */

static void virt_prepare(QTestState *qts)
{
    const char *text = "fuzzing";
    size_t i;

    qtest_writel(qts, UART_BASE + UART_IBRD, 1);
    qtest_writel(qts, UART_BASE + UART_FBRD, 2);
    qtest_writel(qts, UART_BASE + UART_LCR_H, 0x70);  /* FIFOs, 8 bits */
    qtest_writel(qts, UART_BASE + UART_IFLS, 0x12);
    qtest_writel(qts, UART_BASE + UART_IMSC, 0x50);
    /* Enabled, in loopback, so what is sent fills the receive FIFO. */
    qtest_writel(qts, UART_BASE + UART_CR, 0x381);
    for (i = 0; i < strlen(text); i++) {
        qtest_writel(qts, UART_BASE + UART_DR, text[i]);
    }
    g_assert_cmphex(qtest_readl(qts, UART_BASE + UART_DR) & 0xff, ==, 'f');
    qtest_writel(qts, GICD_BASE + GICD_CTLR, 1);
    qtest_writel(qts, GICD_BASE + GICD_ISENABLER1, 0x2);
}

static void virt_probe(QTestState *qts)
{
    int i;

    for (i = 0; i < 4; i++) {
        qtest_readl(qts, UART_BASE + UART_DR);
    }
    qtest_readl(qts, UART_BASE + UART_FR);
    qtest_readl(qts, UART_BASE + UART_RIS);
    qtest_readl(qts, UART_BASE + UART_MIS);
    qtest_writel(qts, UART_BASE + UART_DR, 'x');
    qtest_readl(qts, GICD_BASE + GICD_TYPER);
    qtest_clock_step(qts, 10 * 1000 * 1000);
    qtest_readl(qts, UART_BASE + UART_FR);
}

static void pc_prepare(QTestState *qts)
{
    const char *text = "fuzz";
    size_t i;

    /*
     * HPET: timer 0 periodic (the second comparator write sets its
     * period), timer 1 one-shot, both due later, routed to IRQ 2.
     */
    qtest_writel(qts, HPET_BASE + HPET_TN_CONF(0), 0x44c);
    qtest_writel(qts, HPET_BASE + HPET_TN_COMP(0), 0x100000);
    qtest_writel(qts, HPET_BASE + HPET_TN_COMP(0), 0x100000);
    qtest_writel(qts, HPET_BASE + HPET_TN_CONF(1), 0x404);
    qtest_writel(qts, HPET_BASE + HPET_TN_COMP(1), 0x200000);
    qtest_writel(qts, HPET_BASE + HPET_GEN_CONF, 1);

    /* COM1: 9600 8N1, FIFOs on, all interrupts, loopback. */
    qtest_outb(qts, COM1 + 3, 0x80);
    qtest_outb(qts, COM1 + 0, 0x0c);
    qtest_outb(qts, COM1 + 1, 0x00);
    qtest_outb(qts, COM1 + 3, 0x03);
    qtest_outb(qts, COM1 + 2, 0xc7);
    qtest_outb(qts, COM1 + 1, 0x0f);
    qtest_outb(qts, COM1 + 4, 0x1b);
    qtest_outb(qts, COM1 + 7, 0x5a);
    for (i = 0; i < strlen(text); i++) {
        qtest_outb(qts, COM1, text[i]);
    }

    /* PIT: channel 0 rate generator, channel 2 square wave. */
    qtest_outb(qts, PIT_MODE, 0x34);
    qtest_outb(qts, PIT_CH0, 0x00);
    qtest_outb(qts, PIT_CH0, 0x10);
    qtest_outb(qts, PIT_MODE, 0xb6);
    qtest_outb(qts, PIT_CH2, 0x34);
    qtest_outb(qts, PIT_CH2, 0x12);
    qtest_clock_step(qts, 1000);
}

static void pc_probe(QTestState *qts)
{
    int i;

    for (i = 0; i < 4; i++) {
        qtest_inb(qts, COM1 + 5);
        qtest_inb(qts, COM1);
    }
    qtest_inb(qts, COM1 + 2);
    qtest_outb(qts, COM1, 'x');
    qtest_readl(qts, HPET_BASE + HPET_MAIN_CNT);
    qtest_readl(qts, HPET_BASE + HPET_TN_CONF(0));
    qtest_outb(qts, PIT_MODE, 0x00);
    qtest_inb(qts, PIT_CH0);
    qtest_inb(qts, PIT_CH0);
    qtest_clock_step(qts, 10 * 1000 * 1000);
    qtest_readl(qts, HPET_BASE + HPET_MAIN_CNT);
    qtest_inb(qts, COM1 + 5);
}

static const FuzzBoard boards[] = {
    {
        "aarch64", "-machine virt -serial null",
        { "pl011", "arm_gic", "timer" },
        virt_prepare, virt_probe,
    }, {
        "x86_64", "-machine pc -serial null",
        { "hpet", "serial", "i8254", "mc146818rtc", "ioapic", "i8259",
          "fw_cfg" },
        pc_prepare, pc_probe,
    },
};

static const FuzzBoard *this_board(void)
{
    size_t i;

    for (i = 0; i < G_N_ELEMENTS(boards); i++) {
        if (strcmp(boards[i].arch, qtest_get_arch()) == 0) {
            return &boards[i];
        }
    }
    g_assert_not_reached();
}

/* The process is alive and its monitor works. */
static void assert_alive(QTestState *qts)
{
    QDict *rsp = qtest_qmp(qts, "{'execute': 'query-status'}");
    QDict *ret = qdict_get_qdict(rsp, "return");

    g_assert_nonnull(ret);
    g_assert_nonnull(qdict_get_try_str(ret, "status"));
    qobject_unref(rsp);
}

/* Streams */

static uint32_t be32_at(const guint8 *p)
{
    return (uint32_t)p[0] << 24 | p[1] << 16 | p[2] << 8 | p[3];
}

/*
 * The device sections: from the first full section after RAM (the
 * "timer" section both boards save first) to the end-of-stream marker,
 * which the JSON description follows.
 */
static void find_device_sections(const guint8 *data, size_t len,
                                 size_t *start, size_t *end)
{
    static const char head[] = "\x05timer";
    const guint8 *timer = qtest_stream_find_section(data, len, head,
                                                    sizeof(head) - 1);
    size_t i;

    g_assert_nonnull(timer);
    *start = timer - data - 5;
    g_assert_cmpint(data[*start], ==, SECTION_FULL);
    for (i = len - 6; i > *start; i--) {
        if (data[i] == STREAM_EOF && data[i + 1] == STREAM_VMDESC &&
            be32_at(data + i + 2) == len - i - 6) {
            *end = i;
            return;
        }
    }
    g_assert_not_reached();
}

/*
 * Where the first section named @idstr starts (its type byte) and where
 * the next of @board's sections, or the device sections, end.
 */
static void find_span(const FuzzBoard *board, const guint8 *data,
                      size_t len, const char *idstr, size_t end,
                      size_t *span_start, size_t *span_end)
{
    g_autofree char *head = g_strdup_printf("%c%s", (int)strlen(idstr),
                                            idstr);
    const guint8 *p = qtest_stream_find_section(data, len, head,
                                                strlen(head));
    size_t i;

    g_assert_nonnull(p);
    *span_start = p - data - 5;
    *span_end = end;
    for (i = 0; i < MAX_SECTIONS && board->sections[i]; i++) {
        g_autofree char *other = g_strdup_printf(
            "%c%s", (int)strlen(board->sections[i]), board->sections[i]);
        const guint8 *q = qtest_stream_find_section(data, len, other,
                                                    strlen(other));

        if (q && (size_t)(q - data - 5) > *span_start &&
            (size_t)(q - data - 5) < *span_end) {
            *span_end = q - data - 5;
        }
    }
}

/* Mutate @b in [@start, @end); returns what was done, for the log. */
static char *mutate_stream(GRand *r, GByteArray *b, size_t start,
                           size_t end)
{
    static const guint8 special[] = { 0x00, 0xff, 0x7f, 0x80 };
    static const uint32_t huge[] = {
        0xffffffff, 0x7fffffff, 0x80000000, 0x10000000, 0x00010000,
    };
    size_t at = g_rand_int_range(r, start, end);
    size_t span = g_rand_int_range(r, 1, 65);
    unsigned n = g_rand_int_range(r, 1, 9);
    unsigned i;
    uint32_t v;

    span = MIN(span, end - at);
    switch (g_rand_int_range(r, 0, 6)) {
    case 0:
        for (i = 0; i < n; i++) {
            at = g_rand_int_range(r, start, end);
            b->data[at] ^= 1 << g_rand_int_range(r, 0, 8);
        }
        return g_strdup_printf("%u bit flips, last at %zu", n, at);
    case 1:
        for (i = 0; i < n; i++) {
            at = g_rand_int_range(r, start, end);
            b->data[at] = special[g_rand_int_range(r, 0, 4)];
        }
        return g_strdup_printf("%u special bytes, last at %zu", n, at);
    case 2:
        g_byte_array_set_size(b, at);
        return g_strdup_printf("truncated at %zu", at);
    case 3:
        g_byte_array_set_size(b, b->len + span);
        memmove(b->data + at + span, b->data + at, b->len - span - at);
        return g_strdup_printf("%zu bytes at %zu duplicated", span, at);
    case 4:
        g_byte_array_remove_range(b, at, span);
        return g_strdup_printf("%zu bytes at %zu dropped", span, at);
    default:
        at = ROUND_UP(at, 4);
        if (at + 4 > end) {
            at = ROUND_DOWN(end - 4, 4);
        }
        v = huge[g_rand_int_range(r, 0, G_N_ELEMENTS(huge))];
        b->data[at] = v >> 24;
        b->data[at + 1] = v >> 16;
        b->data[at + 2] = v >> 8;
        b->data[at + 3] = v;
        return g_strdup_printf("be32 0x%08x at %zu", v, at);
    }
}

static void test_stream_fuzz(void)
{
    const FuzzBoard *board = this_board();
    QTestState *qts = qtest_init(board->args);
    GRand *r = g_rand_new_with_seed(fuzz_seed);
    unsigned accepted = 0;
    unsigned nsections = 0;
    size_t start, end;
    gsize len;
    char *data;
    unsigned i;

    while (nsections < MAX_SECTIONS && board->sections[nsections]) {
        nsections++;
    }
    board->prepare(qts);
    data = qtest_migrate_save(qts, &len);
    find_device_sections((guint8 *)data, len, &start, &end);
    g_test_message("seed %u, %u streams, device sections at [%zu, %zu)",
                   fuzz_seed, fuzz_iterations, start, end);

    for (i = 0; i < fuzz_iterations; i++) {
        GByteArray *b = g_byte_array_sized_new(len + 64);
        g_autofree char *what = NULL;
        g_autofree char *error_desc = NULL;

        unsigned pick = g_rand_int_range(r, 0, nsections + 1);
        const char *target = pick < nsections ? board->sections[pick]
                                              : "all devices";
        size_t from = start, to = end;

        if (pick < nsections) {
            find_span(board, (guint8 *)data, len, target, end, &from, &to);
        }
        g_byte_array_append(b, (guint8 *)data, len);
        what = mutate_stream(r, b, from, to);
        g_test_message("stream %u: %s: %s", i, target, what);
        qts = qtest_init_incoming_stream(board->args, b->data, b->len,
                                         &error_desc);
        assert_alive(qts);
        if (!error_desc) {
            accepted++;
            board->probe(qts);
            assert_alive(qts);
        }
        qtest_quit(qts);
        g_byte_array_unref(b);
    }
    g_test_message("%u of %u mutated streams loaded", accepted,
                   fuzz_iterations);
    g_rand_free(r);
    g_free(data);
}

/* QMP */

static const char *const qmp_requests[] = {
    "{\"execute\": \"query-status\", \"id\": \"fz\"}",
    "{\"execute\": \"query-version\"}",
    "{\"execute\": \"query-commands\"}",
    "{\"execute\": \"qom-list\", \"arguments\": {\"path\": \"/machine\"}}",
    "{\"execute\": \"qom-get\", \"arguments\": {\"path\": \"/machine\", "
    "\"property\": \"type\"}}",
    "{\"execute\": \"query-migrate\"}",
    "{\"execute\": \"query-machines\"}",
    "{\"execute\": \"qom-list-types\", \"arguments\": "
    "{\"abstract\": true, \"implements\": \"device\"}}",
    "{'execute': 'query-cpus-fast', 'id': [1, 2.5e3, -7, null, true]}",
    "{\"execute\": \"query-status\", \"arguments\": {\"a\": \"\\u00e9\\n\"}}",
};

static const char *const bad_utf8[] = {
    "\xc0\x80", "\xed\xa0\x80", "\xf8\x88\x80\x80\x80", "\x80", "\xbf\xbf",
    "\xe2\x82", "\xf4\x90\x80\x80", "\xc3\x28", "\xfe", "\xef\xbf\xbf",
};

/* A random byte other than NUL, which send_raw cannot carry. */
static char random_byte(GRand *r, int lo, int hi)
{
    return g_rand_int_range(r, MAX(lo, 1), hi);
}

static GString *qmp_mutated_request(GRand *r)
{
    GString *s = g_string_new(
        qmp_requests[g_rand_int_range(r, 0, G_N_ELEMENTS(qmp_requests))]);
    unsigned n = g_rand_int_range(r, 1, 5);
    unsigned i;

    for (i = 0; i < n; i++) {
        size_t at = g_rand_int_range(r, 0, s->len);
        size_t cut;

        switch (g_rand_int_range(r, 0, 4)) {
        case 0:
            s->str[at] ^= 1 << g_rand_int_range(r, 0, 8);
            if (!s->str[at]) {
                s->str[at] = 1;
            }
            break;
        case 1:
            s->str[at] = random_byte(r, 1, 256);
            break;
        case 2:
            cut = g_rand_int_range(r, 1, 8);
            g_string_erase(s, at, MIN(s->len - at, cut));
            break;
        default:
            g_string_insert_c(s, at, random_byte(r, 1, 256));
            break;
        }
        if (!s->len) {
            g_string_append_c(s, '{');
        }
    }
    return s;
}

static GString *qmp_nested(GRand *r)
{
    static const unsigned depths[] = { 2, 500, 1023, 1024, 1025, 2000 };
    unsigned depth = g_rand_boolean(r)
        ? depths[g_rand_int_range(r, 0, G_N_ELEMENTS(depths))]
        : (unsigned)g_rand_int_range(r, 1, 3000);
    unsigned closes = g_rand_boolean(r) ? depth
                                        : (unsigned)g_rand_int_range(r, 0,
                                                                 depth + 2);
    bool dicts = g_rand_int_range(r, 0, 4) == 0;
    GString *s = g_string_new("{\"execute\": \"query-status\", "
                              "\"arguments\": {\"x\": ");
    unsigned i;

    for (i = 0; i < depth; i++) {
        g_string_append(s, dicts ? "{\"k\": " : "[");
    }
    g_string_append(s, "1");
    for (i = 0; i < closes; i++) {
        g_string_append_c(s, dicts ? '}' : ']');
    }
    g_string_append(s, "}}");
    return s;
}

static GString *qmp_long_string(GRand *r)
{
    size_t n = g_rand_int_range(r, 1, 200000);
    GString *s = g_string_new("{\"execute\": \"qom-list\", "
                              "\"arguments\": {\"path\": \"");
    size_t i;

    for (i = 0; i < n; i++) {
        g_string_append_c(s, 'a' + i % 26);
    }
    if (g_rand_boolean(r)) {
        g_string_append(s, "\"}}");
    }
    return s;
}

static GString *qmp_bad_utf8(GRand *r)
{
    GString *s = g_string_new("{\"execute\": \"qom-list\", "
                              "\"arguments\": {\"path\": \"/mach");
    unsigned n = g_rand_int_range(r, 1, 4);
    unsigned i;

    for (i = 0; i < n; i++) {
        g_string_append(s, bad_utf8[g_rand_int_range(r, 0,
                                                     G_N_ELEMENTS(bad_utf8))]);
    }
    g_string_append(s, "ine\"}}");
    return s;
}

static GString *qmp_control_chars(GRand *r)
{
    GString *s = g_string_new(
        qmp_requests[g_rand_int_range(r, 0, G_N_ELEMENTS(qmp_requests))]);
    unsigned n = g_rand_int_range(r, 1, 6);
    unsigned i;

    for (i = 0; i < n; i++) {
        g_string_insert_c(s, g_rand_int_range(r, 0, s->len),
                          random_byte(r, 1, 0x20));
    }
    return s;
}

static GString *qmp_random_bytes(GRand *r)
{
    size_t n = g_rand_int_range(r, 1, 256);
    GString *s = g_string_sized_new(n);
    size_t i;

    for (i = 0; i < n; i++) {
        g_string_append_c(s, random_byte(r, 1, 256));
    }
    return s;
}

static GString *qmp_input(GRand *r, const char **kind)
{
    switch (g_rand_int_range(r, 0, 6)) {
    case 0:
        *kind = "random bytes";
        return qmp_random_bytes(r);
    case 1:
        *kind = "mutated request";
        return qmp_mutated_request(r);
    case 2:
        *kind = "nesting";
        return qmp_nested(r);
    case 3:
        *kind = "long string";
        return qmp_long_string(r);
    case 4:
        *kind = "invalid UTF-8";
        return qmp_bad_utf8(r);
    default:
        *kind = "control characters";
        return qmp_control_chars(r);
    }
}

/* Resynchronise and wait for the reply that carries id sync-@n. */
static void qmp_sync(QTestState *qts, unsigned n)
{
    g_autofree char *id = g_strdup_printf("sync-%u", n);
    QDict *rsp;

    qtest_qmp_send_raw(qts, "\xff\n{\"execute\": \"query-status\", "
                       "\"id\": \"%s\"}\n", id);
    for (;;) {
        const char *got;

        rsp = qtest_qmp_receive(qts);
        got = qdict_get_try_str(rsp, "id");
        if (got && strcmp(got, id) == 0) {
            break;
        }
        qobject_unref(rsp);
    }
    g_assert_nonnull(qdict_get_qdict(rsp, "return"));
    g_assert_nonnull(qdict_get_try_str(qdict_get_qdict(rsp, "return"),
                                       "status"));
    qobject_unref(rsp);
}

static void test_qmp_fuzz(void)
{
    const FuzzBoard *board = this_board();
    QTestState *qts = qtest_init(board->args);
    GRand *r = g_rand_new_with_seed(fuzz_seed);
    unsigned count = fuzz_iterations * QMP_PER_ITERATION;
    unsigned i;

    g_test_message("seed %u, %u QMP inputs", fuzz_seed, count);
    for (i = 0; i < count; i++) {
        const char *kind;
        GString *s = qmp_input(r, &kind);

        if (g_test_verbose()) {
            g_test_message("QMP input %u: %s, %zu bytes", i, kind, s->len);
        }
        qtest_qmp_send_raw(qts, "%s", s->str);
        qmp_sync(qts, i);
        g_string_free(s, true);
    }
    assert_alive(qts);
    qtest_quit(qts);
    g_rand_free(r);
}

static unsigned env_uint(const char *name, unsigned dflt)
{
    const char *v = g_getenv(name);

    return v && *v ? (unsigned)g_ascii_strtoull(v, NULL, 0) : dflt;
}

int main(int argc, char **argv)
{
    const char *arch = qtest_get_arch();

    g_test_init(&argc, &argv, NULL);
    fuzz_seed = env_uint("QTEST_FUZZ_SEED", DEFAULT_SEED);
    fuzz_iterations = env_uint("QTEST_FUZZ_ITERATIONS", DEFAULT_ITERATIONS);

    if (strcmp(arch, "aarch64") == 0 || strcmp(arch, "x86_64") == 0) {
        qtest_add_func("fuzz/migration-stream", test_stream_fuzz);
        qtest_add_func("fuzz/qmp", test_qmp_fuzz);
    }
    return g_test_run();
}
