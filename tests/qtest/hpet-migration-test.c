/*
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * Device state across migration: HPET timers that fire on time, the PC's
 * interrupt controllers, RTC, PIT and fw_cfg read back the same, and
 * device sections saved by QEMU 7.2 that load and read as 7.2 read them.
 *
 * x86_64 (pc): timers armed mid-period migrate between two instances and
 * fire at the virtual instants an instance that never migrated sees; a
 * register round trip for IOAPIC, i8259, RTC, PIT and fw_cfg; QEMU 7.2's
 * pc stream.  aarch64 (virt): QEMU 7.2's stream with GIC state.
 * The 7.2 streams, and the programming and replies that go with them,
 * are in tests/data/vmstate (capture-72.py made them); the data folder
 * is found from G_TEST_SRCDIR (tests/qtest) or else from this file.
 */
#include "qemu/osdep.h"
#include "qobject/qjson.h"
#include "libqtest.h"

#define HPET_BASE 0xfed00000
#define HPET_GEN_CONF 0x010
#define HPET_GINTR_STA 0x020
#define HPET_MAIN_CNT 0x0f0
#define HPET_TN_CONF(n) (0x100 + 0x20 * (n))
#define HPET_TN_COMP(n) (0x108 + 0x20 * (n))

#define CONF_ENABLE 0x1
#define TN_LEVEL 0x2
#define TN_INT_ENB 0x4
#define TN_PERIODIC 0x8
#define TN_VAL_SET 0x40
#define TN_32BIT 0x100
#define TN_ROUTE(r) ((r) << 9)

#define TICK_NS 10                  /* QEMU's HPET: 100 MHz */
#define PC_ROUTE 2                  /* the only route the i440FX allows */
#define START_COUNT 0xfffff000ULL   /* the 32-bit counter wraps soon */
#define WAIT_TIMEOUT_US (60 * G_USEC_PER_SEC)

static char *tmpdir;

/* HPET helpers: 32-bit accesses only, as QEMU 7.2 takes. */

static uint32_t hpet_rd(QTestState *qts, uint32_t reg)
{
    return qtest_readl(qts, HPET_BASE + reg);
}

static void hpet_wr(QTestState *qts, uint32_t reg, uint32_t val)
{
    qtest_writel(qts, HPET_BASE + reg, val);
}

static uint64_t hpet_rd64(QTestState *qts, uint32_t reg)
{
    uint32_t lo = hpet_rd(qts, reg);

    return (uint64_t)hpet_rd(qts, reg + 4) << 32 | lo;
}

/* Migration helpers */

static char *query_migrate_status(QTestState *qts, char **error_desc)
{
    QDict *rsp = qtest_qmp_assert_success_ref(qts,
                                              "{'execute': 'query-migrate'}");
    const char *status = qdict_get_try_str(rsp, "status");
    const char *desc = qdict_get_try_str(rsp, "error-desc");
    char *ret = g_strdup(status ? status : "");

    if (error_desc) {
        *error_desc = desc ? g_strdup(desc) : NULL;
    }
    qobject_unref(rsp);
    return ret;
}

/* Move @from's state into a new instance of @machine and return it. */
static QTestState *migrate_to_new(QTestState *from, const char *machine)
{
    g_autofree char *path = g_build_filename(tmpdir, "migration.sock",
                                             NULL);
    g_autofree char *uri = g_strdup_printf("unix:%s", path);
    QTestState *to = qtest_initf("-machine %s -incoming %s", machine, uri);

    qtest_qmp_assert_success(from, "{'execute': 'migrate',"
                             " 'arguments': {'uri': %s}}", uri);
    qtest_migrate_wait(from);
    qtest_migrate_wait(to);
    unlink(path);
    return to;
}

/* A new instance of @machine loaded from the stream file @path. */
static QTestState *load_stream_file(const char *machine, const char *path)
{
    g_autofree char *uri = g_strdup_printf("file:%s", path);
    QTestState *to = qtest_initf("-machine %s -incoming defer", machine);

    qtest_qmp_assert_success(to, "{'execute': 'migrate-incoming',"
                             " 'arguments': {'uri': %s}}", uri);
    qtest_migrate_wait(to);
    return to;
}

/* Test data: tests/data/vmstate */

static char *data_path(const char *name)
{
    const char *srcdir = g_getenv("G_TEST_SRCDIR");
    g_autofree char *here = srcdir ? g_strdup(srcdir)
                                   : g_path_get_dirname(__FILE__);

    return g_build_filename(here, "..", "data", "vmstate", name, NULL);
}

/* capture-<name>-7.2.replay.json: {machine, program, replay}. */
static QDict *load_manifest(const char *name)
{
    g_autofree char *file = g_strdup_printf("capture-%s-7.2.replay.json",
                                            name);
    g_autofree char *path = data_path(file);
    g_autofree char *text = NULL;
    GError *gerr = NULL;
    QObject *obj;

    if (!g_file_get_contents(path, &text, NULL, &gerr)) {
        g_test_message("cannot read %s: %s", path, gerr->message);
        g_assert_not_reached();
    }
    obj = qobject_from_json(text, NULL);
    g_assert_nonnull(qobject_to(QDict, obj));
    return qobject_to(QDict, obj);
}

static const char *manifest_line(QList *list, size_t i, size_t j)
{
    QObject *entry = qlist_get(list, i);

    if (j == (size_t)-1) {
        return qstring_get_str(qobject_to(QString, entry));
    }
    return qstring_get_str(qobject_to(QString,
                                      qlist_get(qobject_to(QList, entry),
                                                j)));
}

/* Run the programming lines of @manifest; each must answer "OK". */
static void run_program(QTestState *qts, QDict *manifest)
{
    QList *program = qdict_get_qlist(manifest, "program");
    size_t i;

    for (i = 0; i < qlist_size(program); i++) {
        g_autofree char *reply = qtest_raw_line(qts, "%s",
                                                manifest_line(program, i,
                                                              -1));

        g_assert_true(g_str_has_prefix(reply, "OK"));
    }
}

/* The answers of @qts to the replayed commands of @manifest. */
static GPtrArray *run_replay(QTestState *qts, QDict *manifest)
{
    QList *replay = qdict_get_qlist(manifest, "replay");
    GPtrArray *replies = g_ptr_array_new_with_free_func(g_free);
    size_t i;

    for (i = 0; i < qlist_size(replay); i++) {
        g_ptr_array_add(replies,
                        qtest_raw_line(qts, "%s",
                                       manifest_line(replay, i, 0)));
    }
    return replies;
}

/* HPET timers across a migration */

/*
 * The timers of every case: the counter starts at START_COUNT at clock
 * 0; timer 0 is periodic (0x3000 ticks, first at +0x3000), timer 1
 * one-shot at +0x5000, timer 2 a 32-bit one-shot at 0x1800, reached
 * after the low half wraps (+0x2800), which interrupts at the wrap too
 * (+0x1000), as the specification and QEMU have it.  All are
 * level-triggered on route 2, so each stays visible in GINTR_STA until
 * cleared.
 */
static QTestState *hpet_start_armed(void)
{
    QTestState *qts = qtest_init("-machine pc");

    qtest_irq_intercept_in(qts, "ioapic");
    hpet_wr(qts, HPET_MAIN_CNT, START_COUNT);
    hpet_wr(qts, HPET_MAIN_CNT + 4, START_COUNT >> 32);
    hpet_wr(qts, HPET_TN_CONF(0), TN_LEVEL | TN_INT_ENB | TN_PERIODIC |
            TN_VAL_SET | TN_ROUTE(PC_ROUTE));
    hpet_wr(qts, HPET_TN_COMP(0) + 4, (START_COUNT + 0x3000) >> 32);
    hpet_wr(qts, HPET_TN_CONF(0), TN_LEVEL | TN_INT_ENB | TN_PERIODIC |
            TN_VAL_SET | TN_ROUTE(PC_ROUTE));
    hpet_wr(qts, HPET_TN_COMP(0), (uint32_t)(START_COUNT + 0x3000));
    hpet_wr(qts, HPET_TN_COMP(0), 0x3000);
    hpet_wr(qts, HPET_TN_COMP(0) + 4, 0);
    hpet_wr(qts, HPET_TN_CONF(1), TN_LEVEL | TN_INT_ENB |
            TN_ROUTE(PC_ROUTE));
    hpet_wr(qts, HPET_TN_COMP(1), (uint32_t)(START_COUNT + 0x5000));
    hpet_wr(qts, HPET_TN_COMP(1) + 4, (START_COUNT + 0x5000) >> 32);
    hpet_wr(qts, HPET_TN_CONF(2), TN_LEVEL | TN_INT_ENB | TN_32BIT |
            TN_ROUTE(PC_ROUTE));
    hpet_wr(qts, HPET_TN_COMP(2), 0x1800);
    hpet_wr(qts, HPET_GEN_CONF, CONF_ENABLE);
    g_assert_cmphex(hpet_rd64(qts, HPET_TN_COMP(0)), ==,
                    START_COUNT + 0x3000);
    g_assert_cmphex(hpet_rd64(qts, HPET_TN_COMP(1)), ==,
                    START_COUNT + 0x5000);
    return qts;
}

/* Where a timer should fire, in virtual ns, and which timer. */
typedef struct HPETEvent {
    int64_t when;
    int timer;
} HPETEvent;

static const HPETEvent hpet_events[] = {
    { 0x1000 * TICK_NS, 2 },        /* 32-bit one-shot: the wrap */
    { 0x2800 * TICK_NS, 2 },        /* 32-bit one-shot: its match */
    { 0x3000 * TICK_NS, 0 },        /* periodic, first */
    { 0x5000 * TICK_NS, 1 },        /* one-shot */
    { 0x6000 * TICK_NS, 0 },        /* periodic, second */
    { 0x9000 * TICK_NS, 0 },        /* periodic, third */
};

/*
 * QEMU 7.2 arms the wrap interrupt for when the counter reads
 * 0xffffffff, a tick before ours; a stream it saved keeps that instant.
 */
static const HPETEvent hpet_events_qemu72[] = {
    { 0x0fff * TICK_NS, 2 },
    { 0x2800 * TICK_NS, 2 },
    { 0x3000 * TICK_NS, 0 },
    { 0x5000 * TICK_NS, 1 },
    { 0x6000 * TICK_NS, 0 },
    { 0x9000 * TICK_NS, 0 },
};

/*
 * Step @qts to just before @ev (nothing pending, line low), then onto it
 * (its timer's status bit and the line up), then acknowledge it.
 */
static void hpet_expect_event(QTestState *qts, const HPETEvent *ev)
{
    int64_t now = qtest_clock_step(qts, 0);

    g_assert_cmpint(now, <, ev->when);
    qtest_clock_step(qts, ev->when - 1 - now);
    g_assert_cmphex(hpet_rd(qts, HPET_GINTR_STA), ==, 0);
    g_assert_false(qtest_get_irq(qts, PC_ROUTE));
    qtest_clock_step(qts, 1);
    g_assert_cmphex(hpet_rd(qts, HPET_GINTR_STA), ==, 1u << ev->timer);
    g_assert_true(qtest_get_irq(qts, PC_ROUTE));
    g_assert_cmphex(hpet_rd64(qts, HPET_MAIN_CNT), ==,
                    START_COUNT + ev->when / TICK_NS);
    hpet_wr(qts, HPET_GINTR_STA, 1u << ev->timer);
    g_assert_false(qtest_get_irq(qts, PC_ROUTE));
}

/*
 * Migrate at @at ns, after the events before it were seen on the
 * source; the destination must see the rest at the same instants, and
 * so must an instance that never migrates.
 */
static void hpet_migrate_at(int64_t at)
{
    QTestState *from = hpet_start_armed();
    QTestState *control = hpet_start_armed();
    QTestState *to;
    uint64_t count;
    size_t i;

    for (i = 0; i < G_N_ELEMENTS(hpet_events) && hpet_events[i].when <= at;
         i++) {
        hpet_expect_event(from, &hpet_events[i]);
        hpet_expect_event(control, &hpet_events[i]);
    }
    qtest_clock_step(from, at - qtest_clock_step(from, 0));
    qtest_clock_step(control, at - qtest_clock_step(control, 0));
    count = hpet_rd64(from, HPET_MAIN_CNT);
    g_assert_cmphex(count, ==, START_COUNT + at / TICK_NS);

    to = migrate_to_new(from, "pc");
    qtest_wait_runstate(to, "running");
    qtest_irq_intercept_in(to, "ioapic");
    /* The counter goes on from the very tick it was at. */
    g_assert_cmpint(qtest_clock_step(to, 0), ==, at);
    g_assert_cmphex(hpet_rd64(to, HPET_MAIN_CNT), ==, count);
    g_assert_cmphex(hpet_rd(to, HPET_GEN_CONF), ==, CONF_ENABLE);
    for (; i < G_N_ELEMENTS(hpet_events); i++) {
        hpet_expect_event(to, &hpet_events[i]);
        hpet_expect_event(control, &hpet_events[i]);
    }
    qtest_quit(from);
    qtest_quit(to);
    qtest_quit(control);
}

/* All three timers armed, none fired yet, the counter not yet wrapped. */
static void test_hpet_before_any(void)
{
    hpet_migrate_at(0x800 * TICK_NS + 3);
}

/*
 * The 32-bit timer past the wrap, the periodic one half way through its
 * second period, the one-shot still ahead.
 */
static void test_hpet_mid_period(void)
{
    hpet_migrate_at(0x4800 * TICK_NS + 7);
}

/* A periodic timer alone, one nanosecond before it fires. */
static void test_hpet_one_ns_before(void)
{
    hpet_migrate_at(0x6000 * TICK_NS - 1);
}

/* PC devices: program on the source, read back on the destination */

static void test_pc_round_trip(void)
{
    QDict *manifest = load_manifest("pc");
    QTestState *from = qtest_init("-machine pc -m 16");
    QTestState *to;
    g_autoptr(GPtrArray) got = NULL;
    g_autoptr(GPtrArray) want = NULL;
    guint i;

    run_program(from, manifest);
    to = migrate_to_new(from, "pc -m 16");
    /* Both replay the same accesses, side effects included. */
    got = run_replay(to, manifest);
    want = run_replay(from, manifest);
    for (i = 0; i < want->len; i++) {
        g_assert_cmpstr(g_ptr_array_index(got, i), ==,
                        g_ptr_array_index(want, i));
    }
    /* And the values are the ones programmed. */
    qtest_outb(to, 0x70, 0x45);
    g_assert_cmphex(qtest_inb(to, 0x71), ==, 0x5a ^ 0x55);
    g_assert_cmphex(qtest_inb(to, 0x21), ==, 0xb8);
    g_assert_cmphex(qtest_inb(to, 0xa1), ==, 0x3d);
    g_assert_cmphex(qtest_inb(to, 0x4d1), ==, 0x0c);
    qtest_writel(to, 0xfec00000, 0x10);
    g_assert_cmphex(qtest_readl(to, 0xfec00010), ==, 0x0001a031);
    qtest_writel(to, 0xfec00000, 0);
    g_assert_cmphex(qtest_readl(to, 0xfec00010), ==, 0x05000000);
    qobject_unref(manifest);
    qtest_quit(from);
    qtest_quit(to);
}

/* Streams saved by QEMU 7.2 */

/*
 * Load capture-@name-7.2.mig and replay the manifest: every answer must
 * be the one QEMU 7.2 gave from the same state.
 */
static QTestState *load_qemu72(const char *name, const char *machine)
{
    QDict *manifest = load_manifest(name);
    g_autofree char *file = g_strdup_printf("capture-%s-7.2.mig", name);
    g_autofree char *path = data_path(file);
    QList *replay = qdict_get_qlist(manifest, "replay");
    g_autoptr(GPtrArray) got = NULL;
    QTestState *to;
    guint i;

    to = load_stream_file(machine, path);
    /* QEMU 7.2 never ran (-S): the destination stays paused too. */
    qtest_wait_runstate(to, "prelaunch");
    got = run_replay(to, manifest);
    for (i = 0; i < got->len; i++) {
        const char *cmd = manifest_line(replay, i, 0);
        const char *want = manifest_line(replay, i, 1);

        if (strcmp(g_ptr_array_index(got, i), want) != 0) {
            g_test_message("'%s': QEMU 7.2 answered '%s', we '%s'", cmd,
                           want, (char *)g_ptr_array_index(got, i));
        }
        g_assert_cmpstr(g_ptr_array_index(got, i), ==, want);
    }
    qobject_unref(manifest);
    return to;
}

static void test_qemu72_pc(void)
{
    QTestState *to = load_qemu72("pc", "pc -m 16");
    size_t i;

    qtest_quit(to);
    /*
     * The same timers as hpet_start_armed(), saved by QEMU 7.2 at clock
     * 0 (the 32-bit one while QEMU waited for the wrap): once running,
     * each fires when QEMU 7.2 would have fired it.
     */
    to = load_qemu72("pc", "pc -m 16");
    qtest_irq_intercept_in(to, "ioapic");
    qtest_qmp_assert_success(to, "{'execute': 'cont'}");
    g_assert_cmpint(qtest_clock_step(to, 0), ==, 0);
    for (i = 0; i < G_N_ELEMENTS(hpet_events_qemu72); i++) {
        hpet_expect_event(to, &hpet_events_qemu72[i]);
    }
    qtest_quit(to);
}

static void test_qemu72_virt(void)
{
    qtest_quit(load_qemu72("virt", "virt -m 16"));
}

/* Hostile streams: a 7.2 capture with one device field made impossible */

typedef struct BadField {
    const char *capture;        /* capture-<capture>-7.2.mig */
    const char *machine;
    const char *idstr;          /* the section to corrupt */
    size_t offset;              /* from the start of its data */
    size_t len;                 /* bytes replaced, big-endian @value */
    uint32_t value;
    const char *error;          /* must appear in the error */
} BadField;

/* The offset of the data of section @idstr in the stream @buf. */
static size_t find_section_data(const guint8 *buf, size_t size,
                                const char *idstr)
{
    size_t len = strlen(idstr);
    size_t i;

    for (i = 5; i + 1 + len + 8 <= size; i++) {
        if ((buf[i - 5] == 0x04 || buf[i - 5] == 0x01) && buf[i] == len &&
            !memcmp(buf + i + 1, idstr, len)) {
            return i + 1 + len + 8;
        }
    }
    g_assert_not_reached();
}

static void test_bad_field(const void *opaque)
{
    const BadField *bad = opaque;
    g_autofree char *file = g_strdup_printf("capture-%s-7.2.mig",
                                            bad->capture);
    g_autofree char *src = data_path(file);
    g_autofree char *path = g_build_filename(tmpdir, file, NULL);
    g_autofree char *uri = g_strdup_printf("file:%s", path);
    g_autofree guint8 *buf = NULL;
    g_autofree char *status = NULL;
    g_autofree char *error_desc = NULL;
    gint64 deadline = g_get_monotonic_time() + WAIT_TIMEOUT_US;
    QTestState *to;
    gsize size;
    size_t at, i;

    g_assert_true(g_file_get_contents(src, (char **)&buf, &size, NULL));
    at = find_section_data(buf, size, bad->idstr) + bad->offset;
    for (i = 0; i < bad->len; i++) {
        buf[at + i] = bad->value >> (8 * (bad->len - 1 - i));
    }
    g_assert_true(g_file_set_contents(path, (char *)buf, size, NULL));

    to = qtest_initf("-machine %s -incoming defer", bad->machine);
    qtest_qmp_assert_success(to, "{'execute': 'migrate-incoming',"
                             " 'arguments': {'uri': %s,"
                             " 'exit-on-error': false}}", uri);
    for (;;) {
        g_free(status);
        g_free(error_desc);
        status = query_migrate_status(to, &error_desc);
        if (!strcmp(status, "failed") || !strcmp(status, "completed")) {
            break;
        }
        g_assert_cmpint(g_get_monotonic_time(), <, deadline);
        g_usleep(5000);
    }
    g_assert_cmpstr(status, ==, "failed");
    g_assert_nonnull(error_desc);
    if (!strstr(error_desc, bad->error)) {
        g_test_message("error: %s", error_desc);
    }
    g_assert_nonnull(strstr(error_desc, bad->error));
    /* The destination is still there and answers. */
    qtest_wait_runstate(to, "inmigrate");
    qtest_readl(to, strcmp(bad->machine, "pc") ? 0x08000000 : HPET_BASE);
    unlink(path);
    qtest_quit(to);
}

static const BadField bad_fields[] = {
    { "pc", "pc -m 16", "i8254", 4 + 13, 1, 9,
      "channels[0].mode 9 is out of range" },
    { "pc", "pc -m 16", "i8254", 4 + 32, 4, 0,
      "channels[1].count 0 is out of range" },
    { "pc", "pc -m 16", "i8254", 4 + 64 + 9, 1, 7,
      "channels[2]: read_state 7, write_state" },
    { "pc", "pc -m 16", "mc146818rtc", 128, 1, 0x80,
      "cmos_index 128 is not below 128" },
    { "pc", "pc -m 16", "ioapic", 0, 1, 0x10,
      "id 0x10 is wider than 4 bits" },
    { "pc", "pc -m 16", "ioapic", 2 + 8, 4, 0x01000000,
      "irr 0x01000000 names pins above 23" },
    { "pc", "pc -m 16", "i8259", 9, 1, 4,
      "init_state 4 is out of range (0-3)" },
    { "pc", "pc -m 16", "i8259", 4, 1, 8,
      "priority_add 8 is out of range (0-7)" },
    { "pc", "pc -m 16", "fw_cfg", 0, 2, 0x3fff,
      "cur_entry 0x3fff is not a key of this device" },
    { "pc", "pc -m 16", "fw_cfg", 2, 4, 0x1000,
      "cur_offset 4096 is past the 4-byte item 0x0000" },
    { "virt", "virt -m 16", "arm_gic", 9616, 1, 9,
      "bpr[0] 9 or abpr[0]" },
    { "virt", "virt -m 16", "arm_gic", 9584, 2, 0x101,
      "running_priority[0] 0x101 is out of range" },
    { "virt", "virt -m 16", "arm_gic", 4 + 32 + 7 * 300 + 5, 1, 1,
      "irq_state[300] is not idle but the GIC has 288 interrupts" },
    { "virt", "virt -m 16", "arm_gic", 4 + 32 + 7 * 40 + 4, 1, 1,
      "irq_state[40].model is set" },
    { "virt", "virt -m 16", "arm_gic", 0, 4, 4,
      "ctlr 0x4 sets bits this GIC does not implement" },
};

int main(int argc, char **argv)
{
    size_t i;
    int ret;

    g_test_init(&argc, &argv, NULL);
    tmpdir = g_dir_make_tmp("hpet-migration-XXXXXX", NULL);
    g_assert(tmpdir);
    if (!strcmp(qtest_get_arch(), "x86_64")) {
        qtest_add_func("/hpet-migration/timers/before-any",
                       test_hpet_before_any);
        qtest_add_func("/hpet-migration/timers/mid-period",
                       test_hpet_mid_period);
        qtest_add_func("/hpet-migration/timers/one-ns-before",
                       test_hpet_one_ns_before);
        qtest_add_func("/hpet-migration/pc/round-trip", test_pc_round_trip);
        qtest_add_func("/hpet-migration/qemu72/pc", test_qemu72_pc);
    } else if (!strcmp(qtest_get_arch(), "aarch64")) {
        qtest_add_func("/hpet-migration/qemu72/virt", test_qemu72_virt);
    }
    for (i = 0; i < G_N_ELEMENTS(bad_fields); i++) {
        const BadField *bad = &bad_fields[i];
        g_autofree char *name = NULL;

        if (strcmp(bad->capture, !strcmp(qtest_get_arch(), "x86_64") ?
                   "pc" : "virt")) {
            continue;
        }
        name = g_strdup_printf("/hpet-migration/hostile/%s/%zu",
                               bad->idstr, i);
        qtest_add_data_func(name, bad, test_bad_field);
    }
    ret = g_test_run();
    rmdir(tmpdir);
    g_free(tmpdir);
    return ret;
}
