/*
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * Tracing and logging as a user sees them: -d trace:, -trace, -D, -msg,
 * -d guest_errors, QMP trace-event-get/set-state, HMP trace-event and
 * info trace-events.  Accesses go to the pc board's IOAPIC.
 *
 * Event names and the QMP/HMP shapes are QEMU's, so those cases also run
 * against QEMU 7.2; the text of our events' arguments is our own, so
 * cases reading it skip there.
 */
#include "qemu/osdep.h"
#include <glib/gstdio.h>
#include "libqtest.h"

#define IOAPIC_BASE 0xfec00000
#define IOAPIC_IOREGSEL (IOAPIC_BASE + 0x00)
#define IOAPIC_IOWIN (IOAPIC_BASE + 0x10)
#define IOAPIC_BAD_OFFSET 0x20
#define IOAPIC_REG_VER 0x01
#define IOAPIC_VERSION 0x00170020   /* 24 entries, version 0x20 */
#define PIC_MASTER_DATA 0x21

/* A scratch directory for one case: the -D log and events files. */
typedef struct TraceTest {
    char *dir;
    char *log;
} TraceTest;

static void trace_test_begin(TraceTest *t)
{
    t->dir = g_dir_make_tmp("trace-test-XXXXXX", NULL);
    g_assert_nonnull(t->dir);
    t->log = g_build_filename(t->dir, "log", NULL);
}

static void trace_test_end(TraceTest *t)
{
    GDir *dir = g_dir_open(t->dir, 0, NULL);
    const char *name;

    while (dir && (name = g_dir_read_name(dir)) != NULL) {
        g_autofree char *path = g_build_filename(t->dir, name, NULL);

        g_unlink(path);
    }
    if (dir) {
        g_dir_close(dir);
    }
    g_rmdir(t->dir);
    g_free(t->dir);
    g_free(t->log);
}

/*
 * The lines of the -D log that start with @prefix and, unless it is
 * NULL, contain @needle; each ends in '\n'.
 */
static char *trace_test_log_lines(TraceTest *t, const char *prefix,
                                  const char *needle)
{
    g_autofree char *text = NULL;
    g_auto(GStrv) lines = NULL;
    GString *out = g_string_new("");
    char **p;

    if (!g_file_get_contents(t->log, &text, NULL, NULL)) {
        return g_string_free(out, false);
    }
    lines = g_strsplit(text, "\n", -1);
    for (p = lines; *p; p++) {
        if (**p && g_str_has_prefix(*p, prefix) &&
            (!needle || strstr(*p, needle))) {
            g_string_append_printf(out, "%s\n", *p);
        }
    }
    return g_string_free(out, false);
}

/* The first word of each of @lines: the event names, one per line. */
static char *trace_test_names(const char *lines)
{
    g_auto(GStrv) split = g_strsplit(lines, "\n", -1);
    GString *out = g_string_new("");
    char **p;

    for (p = split; *p; p++) {
        if (**p) {
            g_string_append_len(out, *p, strcspn(*p, " "));
            g_string_append_c(out, '\n');
        }
    }
    return g_string_free(out, false);
}

/*
 * Is the binary QEMU 7.2 (started with -accel tcg)?  It has the same
 * event names but formats their arguments its own way, so cases check
 * which events appeared everywhere and their text only on ours.
 */
static bool trace_test_is_reference(void)
{
    return !g_strcmp0(g_getenv("QTEST_ACCEL"), "tcg");
}

/* @lines name exactly the events @names; on our binary they are @text. */
static void trace_test_assert_lines(const char *lines, const char *names,
                                    const char *text)
{
    g_autofree char *seen = trace_test_names(lines);

    g_assert_cmpstr(seen, ==, names);
    if (!trace_test_is_reference()) {
        g_assert_cmpstr(lines, ==, text);
    }
}

/* Select the VER register and read it: one write, one read. */
static void ioapic_read_version(QTestState *qts)
{
    qtest_writel(qts, IOAPIC_IOREGSEL, IOAPIC_REG_VER);
    g_assert_cmphex(qtest_readl(qts, IOAPIC_IOWIN), ==, IOAPIC_VERSION);
}

static void test_d_trace_pattern(void)
{
    TraceTest t;
    QTestState *qts;
    g_autofree char *lines = NULL;
    g_autofree char *all = NULL;

    trace_test_begin(&t);
    qts = qtest_initf("-machine pc -d trace:ioapic_mem_* -D %s", t.log);
    ioapic_read_version(qts);
    qtest_quit(qts);

    lines = trace_test_log_lines(&t, "ioapic_", NULL);
    trace_test_assert_lines(lines, "ioapic_mem_write\nioapic_mem_read\n",
                            "ioapic_mem_write addr 0x0 size 4 val 0x1\n"
                            "ioapic_mem_read addr 0x10 size 4 "
                            "val 0x170020\n");
    /* Nothing else was enabled, so nothing else was logged. */
    all = trace_test_log_lines(&t, "", NULL);
    g_assert_cmpstr(all, ==, lines);
    trace_test_end(&t);
}

static void test_memory_region_events(void)
{
    TraceTest t;
    QTestState *qts;
    g_autofree char *lines = NULL;

    trace_test_begin(&t);
    qts = qtest_initf("-machine pc -d trace:memory_region_ops_* -D %s",
                      t.log);
    ioapic_read_version(qts);
    qtest_quit(qts);

    lines = trace_test_log_lines(&t, "memory_region_ops_", "'ioapic'");
    trace_test_assert_lines(lines,
                            "memory_region_ops_write\n"
                            "memory_region_ops_read\n",
                            "memory_region_ops_write region 'ioapic' "
                            "addr 0x0 value 0x1 size 4\n"
                            "memory_region_ops_read region 'ioapic' "
                            "addr 0x10 value 0x170020 size 4\n");
    trace_test_end(&t);
}

static void test_disabled_events_silent(void)
{
    TraceTest t;
    QTestState *qts;
    g_autofree char *ioapic = NULL;
    g_autofree char *pic = NULL;

    trace_test_begin(&t);
    qts = qtest_initf("-machine pc -d trace:pic_ioport_write -D %s", t.log);
    ioapic_read_version(qts);
    qtest_outb(qts, PIC_MASTER_DATA, 0xfb);
    qtest_quit(qts);

    ioapic = trace_test_log_lines(&t, "ioapic_", NULL);
    g_assert_cmpstr(ioapic, ==, "");
    pic = trace_test_log_lines(&t, "", NULL);
    trace_test_assert_lines(pic, "pic_ioport_write\n",
                            "pic_ioport_write master 1 addr 0x1 "
                            "val 0xfb\n");
    trace_test_end(&t);
}

static void test_trace_enable(void)
{
    TraceTest t;
    QTestState *qts;
    g_autofree char *lines = NULL;

    trace_test_begin(&t);
    qts = qtest_initf("-machine pc -trace enable=ioapic_mem_read -D %s",
                      t.log);
    ioapic_read_version(qts);
    qtest_quit(qts);

    lines = trace_test_log_lines(&t, "", NULL);
    trace_test_assert_lines(lines, "ioapic_mem_read\n",
                            "ioapic_mem_read addr 0x10 size 4 "
                            "val 0x170020\n");
    trace_test_end(&t);
}

static void test_trace_events_file(void)
{
    TraceTest t;
    QTestState *qts;
    g_autofree char *events = NULL;
    g_autofree char *lines = NULL;

    trace_test_begin(&t);
    events = g_build_filename(t.dir, "events", NULL);
    g_assert_true(g_file_set_contents(events,
                                      "# every IOAPIC access but writes\n"
                                      "ioapic_mem_*\n"
                                      "-ioapic_mem_write\n", -1, NULL));
    qts = qtest_initf("-machine pc -trace events=%s -D %s", events, t.log);
    ioapic_read_version(qts);
    qtest_quit(qts);

    lines = trace_test_log_lines(&t, "ioapic_mem_", NULL);
    trace_test_assert_lines(lines, "ioapic_mem_read\n",
                            "ioapic_mem_read addr 0x10 size 4 "
                            "val 0x170020\n");
    trace_test_end(&t);
}

static void test_timestamp(void)
{
    TraceTest t;
    QTestState *qts;
    g_autofree char *text = NULL;

    trace_test_begin(&t);
    qts = qtest_initf("-machine pc -msg timestamp=on "
                      "-d trace:ioapic_mem_read -D %s", t.log);
    ioapic_read_version(qts);
    qtest_quit(qts);

    g_assert_true(g_file_get_contents(t.log, &text, NULL, NULL));
    g_assert_true(g_regex_match_simple(
                      "^[0-9]+@[0-9]+\\.[0-9]{6}:ioapic_mem_read [^\n]*\n$",
                      text, 0, 0));
    if (!trace_test_is_reference()) {
        g_assert_true(g_str_has_suffix(text, ":ioapic_mem_read addr 0x10 "
                                       "size 4 val 0x170020\n"));
    }
    trace_test_end(&t);
}

static void test_trace_help(void)
{
    const char *binary = g_getenv("QTEST_QEMU_BINARY");
    const char *argv[] = { binary, "-trace", "help", NULL };
    g_autofree char *out = NULL;
    int status;

    g_assert_nonnull(binary);
    g_assert_true(g_spawn_sync(NULL, (char **)argv, NULL,
                               G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                               &out, NULL, &status, NULL));
    g_assert_true(g_spawn_check_wait_status(status, NULL));
    g_assert_true(g_str_has_prefix(out, "ioapic_mem_read\n") ||
                  strstr(out, "\nioapic_mem_read\n"));
    g_assert_nonnull(strstr(out, "\nmemory_region_ops_write\n"));
}

/* The "state" of the single event @name as trace-event-get-state says. */
static char *trace_test_qmp_state(QTestState *qts, const char *name)
{
    QDict *resp = qtest_qmp(qts, "{'execute': 'trace-event-get-state', "
                            "'arguments': {'name': %s}}", name);
    QList *list = qdict_get_qlist(resp, "return");
    QDict *info;
    char *state;

    g_assert_cmpuint(qlist_size(list), ==, 1);
    info = qobject_to(QDict, qlist_get(list, 0));
    g_assert_cmpstr(qdict_get_str(info, "name"), ==, name);
    state = g_strdup(qdict_get_str(info, "state"));
    qobject_unref(resp);
    return state;
}

static void test_qmp_state(void)
{
    QTestState *qts = qtest_init("-machine pc");
    g_autofree char *before = trace_test_qmp_state(qts, "ioapic_set_irq");
    g_autofree char *after = NULL;
    QDict *resp;
    QList *list;
    QDict *err;
    size_t i;

    g_assert_cmpstr(before, ==, "disabled");
    qtest_qmp_assert_success(qts, "{'execute': 'trace-event-set-state', "
                             "'arguments': {'name': 'ioapic_set_irq', "
                             "'enable': true}}");
    after = trace_test_qmp_state(qts, "ioapic_set_irq");
    g_assert_cmpstr(after, ==, "enabled");

    /* A glob answers every match, in any order. */
    qtest_qmp_assert_success(qts, "{'execute': 'trace-event-set-state', "
                             "'arguments': {'name': 'ioapic_mem_*', "
                             "'enable': true}}");
    resp = qtest_qmp(qts, "{'execute': 'trace-event-get-state', "
                     "'arguments': {'name': 'ioapic_mem_*'}}");
    list = qdict_get_qlist(resp, "return");
    g_assert_cmpuint(qlist_size(list), ==, 2);
    for (i = 0; i < qlist_size(list); i++) {
        QDict *info = qobject_to(QDict, qlist_get(list, i));

        g_assert_true(g_str_has_prefix(qdict_get_str(info, "name"),
                                       "ioapic_mem_"));
        g_assert_cmpstr(qdict_get_str(info, "state"), ==, "enabled");
    }
    qobject_unref(resp);

    /* A glob may match nothing; an exact name must exist. */
    resp = qtest_qmp(qts, "{'execute': 'trace-event-get-state', "
                     "'arguments': {'name': 'nosuch_event_*'}}");
    g_assert_cmpuint(qlist_size(qdict_get_qlist(resp, "return")), ==, 0);
    qobject_unref(resp);
    resp = qtest_qmp(qts, "{'execute': 'trace-event-set-state', "
                     "'arguments': {'name': 'nosuch_event', "
                     "'enable': true}}");
    err = qdict_get_qdict(resp, "error");
    g_assert_cmpstr(qdict_get_str(err, "class"), ==, "GenericError");
    g_assert_cmpstr(qdict_get_str(err, "desc"), ==,
                    "unknown event \"nosuch_event\"");
    qobject_unref(resp);
    qtest_quit(qts);
}

static void test_qmp_enables_output(void)
{
    TraceTest t;
    QTestState *qts;
    g_autofree char *lines = NULL;

    trace_test_begin(&t);
    qts = qtest_initf("-machine pc -D %s", t.log);
    qtest_writel(qts, IOAPIC_IOREGSEL, IOAPIC_REG_VER);
    qtest_qmp_assert_success(qts, "{'execute': 'trace-event-set-state', "
                             "'arguments': {'name': 'ioapic_mem_read', "
                             "'enable': true}}");
    g_assert_cmphex(qtest_readl(qts, IOAPIC_IOWIN), ==, IOAPIC_VERSION);
    qtest_qmp_assert_success(qts, "{'execute': 'trace-event-set-state', "
                             "'arguments': {'name': 'ioapic_mem_read', "
                             "'enable': false}}");
    qtest_readl(qts, IOAPIC_IOWIN);
    qtest_quit(qts);

    lines = trace_test_log_lines(&t, "", NULL);
    trace_test_assert_lines(lines, "ioapic_mem_read\n",
                            "ioapic_mem_read addr 0x10 size 4 "
                            "val 0x170020\n");
    trace_test_end(&t);
}

static void test_hmp(void)
{
    QTestState *qts = qtest_init("-machine pc");
    g_autofree char *on = NULL;
    g_autofree char *info = NULL;
    g_autofree char *unknown = NULL;
    g_autofree char *usage = NULL;

    on = qtest_hmp(qts, "trace-event ioapic_set_irq on");
    g_assert_cmpstr(on, ==, "");
    info = qtest_hmp(qts, "info trace-events ioapic_set_irq");
    g_assert_cmpstr(info, ==, "ioapic_set_irq : state 1\r\n");
    unknown = qtest_hmp(qts, "trace-event nosuch_event on");
    g_assert_cmpstr(unknown, ==, "unknown event \"nosuch_event\"\r\n");
    usage = qtest_hmp(qts, "trace-event ioapic_set_irq");
    g_assert_cmpstr(usage, ==, "Expected 'on' or 'off'\r\n"
                    "Try \"help trace-event\" for more information\r\n");
    qtest_quit(qts);
}

static void test_guest_errors(void)
{
    TraceTest t;
    QTestState *qts;
    g_autofree char *lines = NULL;

    if (trace_test_is_reference()) {
        g_test_skip("QEMU 7.2's IOAPIC does not log bad offsets");
        return;
    }
    trace_test_begin(&t);
    qts = qtest_initf("-machine pc -d guest_errors -D %s", t.log);
    g_assert_cmphex(qtest_readl(qts, IOAPIC_BASE + IOAPIC_BAD_OFFSET), ==,
                    0);
    qtest_quit(qts);

    lines = trace_test_log_lines(&t, "ioapic_", NULL);
    g_assert_cmpstr(lines, ==, "ioapic_mem_read: bad offset 0x20\n");
    trace_test_end(&t);
}

#define PL011_BASE 0x09000000
#define PL011_DR 0x000
#define PL011_FR 0x018

/*
 * A PL011 write driven through qtest: with only pl011_write enabled,
 * exactly the two writes appear, with their arguments, and the FR
 * read in between (pl011_read, disabled) prints nothing.
 */
static void test_pl011_write_events(void)
{
    TraceTest t;
    QTestState *qts;
    g_autofree char *lines = NULL;
    g_autofree char *reads = NULL;

    trace_test_begin(&t);
    qts = qtest_initf("-machine virt -serial null "
                      "-trace enable=pl011_write -D %s", t.log);
    qtest_writel(qts, PL011_BASE + PL011_DR, 'A');
    qtest_readl(qts, PL011_BASE + PL011_FR);
    qtest_writel(qts, PL011_BASE + PL011_DR, 'B');
    qtest_quit(qts);

    lines = trace_test_log_lines(&t, "pl011_", NULL);
    trace_test_assert_lines(lines, "pl011_write\npl011_write\n",
                            "pl011_write addr 0x000 value 0x00000041 "
                            "reg DR\n"
                            "pl011_write addr 0x000 value 0x00000042 "
                            "reg DR\n");
    reads = trace_test_log_lines(&t, "pl011_read", NULL);
    g_assert_cmpstr(reads, ==, "");
    trace_test_end(&t);
}

/* A pattern enables every matching PL011 event and nothing else. */
static void test_pl011_pattern(void)
{
    TraceTest t;
    QTestState *qts;
    g_autofree char *all = NULL;
    g_autofree char *names = NULL;
    g_auto(GStrv) split = NULL;
    char **p;

    trace_test_begin(&t);
    qts = qtest_initf("-machine virt -serial null -d trace:pl011_read* "
                      "-D %s", t.log);
    g_assert_cmphex(qtest_readl(qts, PL011_BASE + PL011_FR) & 0x90, ==,
                    0x90);      /* TXFE and RXFE: both FIFOs empty */
    qtest_quit(qts);

    all = trace_test_log_lines(&t, "", NULL);
    names = trace_test_names(all);
    g_assert_cmpstr(names, !=, "");
    split = g_strsplit(names, "\n", -1);
    for (p = split; *p; p++) {
        if (**p) {
            g_assert(g_str_has_prefix(*p, "pl011_read"));
        }
    }
    trace_test_end(&t);
}

/* GIC distributor reads traced with their offset, size and value. */
static void test_gic_dist_read_event(void)
{
    TraceTest t;
    QTestState *qts;
    g_autofree char *lines = NULL;

    trace_test_begin(&t);
    qts = qtest_initf("-machine virt -serial null "
                      "-trace enable=gic_dist_read -D %s", t.log);
    /* GICD_TYPER of virt's GIC: 288 interrupts, one CPU. */
    g_assert_cmphex(qtest_readl(qts, 0x08000004), ==, 0x8);
    qtest_quit(qts);

    lines = trace_test_log_lines(&t, "gic_", NULL);
    trace_test_assert_lines(lines, "gic_dist_read\n",
                            "gic_dist_read offset 0x004 size 4 "
                            "value 0x00000008\n");
    trace_test_end(&t);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);

    if (!strcmp(qtest_get_arch(), "aarch64")) {
        qtest_add_func("/trace/pl011/write-events", test_pl011_write_events);
        qtest_add_func("/trace/pl011/pattern", test_pl011_pattern);
        qtest_add_func("/trace/gic/dist-read", test_gic_dist_read_event);
        qtest_add_func("/trace/option/help", test_trace_help);
        return g_test_run();
    }

    qtest_add_func("/trace/log/d-trace-pattern", test_d_trace_pattern);
    qtest_add_func("/trace/log/memory-region", test_memory_region_events);
    qtest_add_func("/trace/log/disabled-silent",
                   test_disabled_events_silent);
    qtest_add_func("/trace/log/timestamp", test_timestamp);
    qtest_add_func("/trace/option/enable", test_trace_enable);
    qtest_add_func("/trace/option/events-file", test_trace_events_file);
    qtest_add_func("/trace/option/help", test_trace_help);
    qtest_add_func("/trace/qmp/state", test_qmp_state);
    qtest_add_func("/trace/qmp/enables-output", test_qmp_enables_output);
    qtest_add_func("/trace/hmp", test_hmp);
    qtest_add_func("/log/guest-errors", test_guest_errors);
    return g_test_run();
}
