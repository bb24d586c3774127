/*
 * Migration between two instances: transports, run states, guest RAM,
 * the virtual clock, cancellation, and hostile incoming streams.
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * The machine is "pc" for x86_64 and "virt" for aarch64; the source
 * writes a pattern into guest RAM through qtest and the destination must
 * read back the same bytes.  Hostile streams are files loaded with
 * migrate-incoming and exit-on-error=false: the destination must fail
 * with the error named in query-migrate and keep answering QMP.
 *
 * Device state (PL011 FIFO, HPET timers) is covered by the device
 * tests once those devices exist.
 */
#include "qemu/osdep.h"
#include <sys/socket.h>
#include <sys/un.h>
#include "libqtest.h"

#define PATTERN_OFFSET  (1 * 1024 * 1024)
#define PATTERN_SIZE    (64 * 1024)
#define WAIT_TIMEOUT_US (60 * G_USEC_PER_SEC)

static char *tmpdir;

static bool is_arm(void)
{
    return strcmp(qtest_get_arch(), "aarch64") == 0;
}

static const char *test_machine(void)
{
    return is_arm() ? "virt" : "pc";
}

static uint64_t pattern_addr(void)
{
    return (is_arm() ? 0x40000000ULL : 0) + PATTERN_OFFSET;
}

static char *tmp_path(const char *name)
{
    return g_build_filename(tmpdir, name, NULL);
}

/* QMP helpers */

static char *query_status(QTestState *qts)
{
    QDict *rsp = qtest_qmp_assert_success_ref(qts,
                                              "{'execute': 'query-status'}");
    char *status = g_strdup(qdict_get_str(rsp, "status"));

    qobject_unref(rsp);
    return status;
}

/* query-migrate's status ("" before any), and its error-desc if any. */
static char *query_migrate(QTestState *qts, char **error_desc)
{
    QDict *rsp = qtest_qmp_assert_success_ref(qts,
                                              "{'execute': 'query-migrate'}");
    const char *status = qdict_get_try_str(rsp, "status");
    char *ret = g_strdup(status ? status : "");

    if (error_desc) {
        const char *desc = qdict_get_try_str(rsp, "error-desc");

        *error_desc = desc ? g_strdup(desc) : NULL;
    }
    qobject_unref(rsp);
    return ret;
}

/* Poll until @qts leaves the running phases; it must end in @want. */
static char *wait_for_migration(QTestState *qts, const char *want)
{
    gint64 deadline = g_get_monotonic_time() + WAIT_TIMEOUT_US;
    char *error_desc = NULL;

    for (;;) {
        g_autofree char *status = query_migrate(qts, &error_desc);

        if (!strcmp(status, want)) {
            return error_desc;
        }
        if (!strcmp(status, "completed") || !strcmp(status, "failed") ||
            !strcmp(status, "cancelled")) {
            g_test_message("migration ended '%s' (%s), expected '%s'",
                           status, error_desc ? error_desc : "", want);
            g_assert_cmpstr(status, ==, want);
        }
        g_free(error_desc);
        g_assert_cmpint(g_get_monotonic_time(), <, deadline);
        g_usleep(5000);
    }
}

static void migrate(QTestState *from, const char *uri)
{
    qtest_qmp_assert_success(from, "{'execute': 'migrate',"
                             " 'arguments': {'uri': %s}}", uri);
}

/* Guest RAM */

static uint8_t *make_pattern(void)
{
    uint8_t *buf = g_malloc(PATTERN_SIZE);
    size_t i;

    for (i = 0; i < PATTERN_SIZE; i++) {
        buf[i] = (i * 13 + 7) ^ (i >> 9);
    }
    return buf;
}

/*
 * The source side of every migration: the pattern in RAM, the virtual
 * clock moved on.  Returns the clock value.
 */
static int64_t prepare_source(QTestState *from)
{
    g_autofree uint8_t *pattern = make_pattern();

    qtest_memwrite(from, pattern_addr(), pattern, PATTERN_SIZE);
    return qtest_clock_step(from, 12345678);
}

static void check_destination(QTestState *to, const char *runstate,
                              int64_t clock)
{
    g_autofree uint8_t *pattern = make_pattern();
    g_autofree uint8_t *got = g_malloc(PATTERN_SIZE);
    g_autofree char *status = NULL;

    qtest_wait_runstate(to, runstate);
    status = query_migrate(to, NULL);
    g_assert_cmpstr(status, ==, "completed");
    qtest_memread(to, pattern_addr(), got, PATTERN_SIZE);
    g_assert_cmpmem(got, PATTERN_SIZE, pattern, PATTERN_SIZE);
    if (qtest_clock_is_driven()) {
        /* The clock continues from the very nanosecond it stopped at. */
        g_assert_cmpint(qtest_clock_step(to, 0), ==, clock);
    }
}

static void check_source_after(QTestState *from)
{
    g_free(wait_for_migration(from, "completed"));
    qtest_wait_runstate(from, "postmigrate");
}

/* Transports */

static void test_tcp(void)
{
    QTestState *from = qtest_initf("-machine %s", test_machine());
    QTestState *to = qtest_initf("-machine %s -incoming tcp:127.0.0.1:0",
                                 test_machine());
    g_autofree char *runstate = query_status(from);
    g_autofree char *to_state = query_status(to);
    g_autofree char *uri = NULL;
    QDict *info, *addr;
    int64_t clock;

    g_assert_cmpstr(to_state, ==, "inmigrate");
    info = qtest_qmp_assert_success_ref(to, "{'execute': 'query-migrate'}");
    g_assert_cmpstr(qdict_get_str(info, "status"), ==, "setup");
    addr = qobject_to(QDict, qlist_get(qdict_get_qlist(info,
                                                       "socket-address"), 0));
    g_assert_cmpstr(qdict_get_str(addr, "type"), ==, "inet");
    uri = g_strdup_printf("tcp:127.0.0.1:%s", qdict_get_str(addr, "port"));
    qobject_unref(info);

    clock = prepare_source(from);
    migrate(from, uri);
    check_source_after(from);
    check_destination(to, runstate, clock);
    qtest_quit(from);
    qtest_quit(to);
}

static void test_unix(void)
{
    g_autofree char *path = tmp_path("migsocket");
    g_autofree char *uri = g_strdup_printf("unix:%s", path);
    QTestState *from = qtest_initf("-machine %s", test_machine());
    QTestState *to = qtest_initf("-machine %s -incoming %s", test_machine(),
                                 uri);
    g_autofree char *runstate = query_status(from);
    int64_t clock = prepare_source(from);

    migrate(from, uri);
    check_source_after(from);
    check_destination(to, runstate, clock);
    qtest_quit(from);
    qtest_quit(to);
    unlink(path);
}

static void test_exec(void)
{
    g_autofree char *path = tmp_path("migexec");
    g_autofree char *out_uri = g_strdup_printf("exec:cat > %s", path);
    g_autofree char *in_uri = g_strdup_printf("exec:cat %s", path);
    QTestState *from = qtest_initf("-machine %s", test_machine());
    QTestState *to = qtest_initf("-machine %s -incoming defer",
                                 test_machine());
    g_autofree char *runstate = query_status(from);
    int64_t clock = prepare_source(from);

    migrate(from, out_uri);
    check_source_after(from);
    qtest_qmp_assert_success(to, "{'execute': 'migrate-incoming',"
                             " 'arguments': {'uri': %s}}", in_uri);
    check_destination(to, runstate, clock);
    qtest_quit(from);
    qtest_quit(to);
    unlink(path);
}

static void test_file(const void *opaque)
{
    const char *offset = opaque;
    g_autofree char *path = tmp_path("migfile");
    g_autofree char *uri = g_strdup_printf("file:%s%s", path, offset);
    QTestState *from = qtest_initf("-machine %s", test_machine());
    QTestState *to;
    g_autofree char *runstate = query_status(from);
    int64_t clock = prepare_source(from);

    migrate(from, uri);
    check_source_after(from);
    to = qtest_initf("-machine %s -incoming %s", test_machine(), uri);
    check_destination(to, runstate, clock);
    qtest_quit(from);
    qtest_quit(to);
    unlink(path);
}

/* The same through MigrationChannel objects instead of URIs. */
static void test_channels(void)
{
    g_autofree char *path = tmp_path("migchannels");
    QTestState *from = qtest_initf("-machine %s", test_machine());
    QTestState *to = qtest_initf("-machine %s -incoming defer",
                                 test_machine());
    g_autofree char *runstate = query_status(from);
    int64_t clock = prepare_source(from);

    qtest_qmp_assert_success(from, "{'execute': 'migrate', 'arguments': {"
                             "'channels': [{'channel-type': 'main',"
                             " 'addr': {'transport': 'file',"
                             " 'filename': %s, 'offset': 4096}}]}}", path);
    check_source_after(from);
    qtest_qmp_assert_success(to, "{'execute': 'migrate-incoming',"
                             " 'arguments': {"
                             "'channels': [{'channel-type': 'main',"
                             " 'addr': {'transport': 'file',"
                             " 'filename': %s, 'offset': 4096}}]}}", path);
    check_destination(to, runstate, clock);
    qtest_quit(from);
    qtest_quit(to);
    unlink(path);
}

/* Run states */

static void test_dest_paused_with_S(void)
{
    g_autofree char *path = tmp_path("migpaused");
    g_autofree char *uri = g_strdup_printf("unix:%s", path);
    QTestState *from = qtest_initf("-machine %s", test_machine());
    QTestState *to = qtest_initf("-machine %s -S -incoming %s",
                                 test_machine(), uri);
    g_autofree char *runstate = query_status(from);
    int64_t clock = prepare_source(from);

    migrate(from, uri);
    check_source_after(from);
    /* A running source, but -S here: the destination stays paused. */
    check_destination(to, !strcmp(runstate, "running") ? "paused"
                                                       : runstate, clock);
    qtest_quit(from);
    qtest_quit(to);
    unlink(path);
}

static void test_stopped_source_stays_stopped(void)
{
    g_autofree char *path = tmp_path("migstopped");
    g_autofree char *uri = g_strdup_printf("unix:%s", path);
    QTestState *from = qtest_initf("-machine %s", test_machine());
    QTestState *to = qtest_initf("-machine %s -incoming %s", test_machine(),
                                 uri);
    int64_t clock = prepare_source(from);
    g_autofree char *runstate = NULL;

    qtest_qmp_assert_success(from, "{'execute': 'stop'}");
    runstate = query_status(from);
    migrate(from, uri);
    check_source_after(from);
    check_destination(to, runstate, clock);
    qtest_quit(from);
    qtest_quit(to);
    unlink(path);
}

static void test_events(void)
{
    g_autofree char *path = tmp_path("migevents");
    g_autofree char *uri = g_strdup_printf("unix:%s", path);
    QTestState *from = qtest_initf("-machine %s", test_machine());
    QTestState *to = qtest_initf("-machine %s -incoming %s", test_machine(),
                                 uri);
    static const char *const expect[] = { "setup", "active", "completed" };
    QList *caps;
    QDict *rsp;
    size_t i;

    qtest_qmp_assert_success(from, "{'execute': 'migrate-set-capabilities',"
                             " 'arguments': {'capabilities': [{"
                             "'capability': 'events', 'state': true}]}}");
    rsp = qtest_qmp(from, "{'execute': 'query-migrate-capabilities'}");
    caps = qdict_get_qlist(rsp, "return");
    for (i = 0; i < qlist_size(caps); i++) {
        QDict *cap = qobject_to(QDict, qlist_get(caps, i));

        if (!strcmp(qdict_get_str(cap, "capability"), "events")) {
            g_assert_true(qdict_get_bool(cap, "state"));
            break;
        }
    }
    g_assert_cmpint(i, <, qlist_size(caps));
    qobject_unref(rsp);
    migrate(from, uri);
    for (i = 0; i < G_N_ELEMENTS(expect); i++) {
        QDict *ev = qtest_qmp_eventwait_ref(from, "MIGRATION");

        g_assert_cmpstr(qdict_get_str(qdict_get_qdict(ev, "data"),
                                      "status"), ==, expect[i]);
        qobject_unref(ev);
    }
    check_source_after(from);
    qtest_quit(from);
    qtest_quit(to);
    unlink(path);
}

/* Failures and cancellation leave the source running */

static void test_failed_connect_resumes(void)
{
    QTestState *from = qtest_initf("-machine %s", test_machine());
    g_autofree char *before = query_status(from);
    g_autofree char *after = NULL;
    g_autofree char *error_desc = NULL;

    migrate(from, "unix:/nonexistent-dir/migration-socket");
    error_desc = wait_for_migration(from, "failed");
    g_assert_nonnull(error_desc);
    g_assert_nonnull(strstr(error_desc, "/nonexistent-dir/"));
    after = query_status(from);
    g_assert_cmpstr(after, ==, before);
    qtest_quit(from);
}

static void test_cancel_resumes(void)
{
    g_autofree char *path = tmp_path("migcancel");
    g_autofree char *uri = g_strdup_printf("unix:%s", path);
    struct sockaddr_un un = { .sun_family = AF_UNIX };
    QTestState *from = qtest_initf("-machine %s", test_machine());
    g_autofree char *before = query_status(from);
    g_autofree char *after = NULL;
    QTestState *to;
    gint64 deadline;
    int lfd;

    /* A destination that accepts the connection and never reads. */
    g_strlcpy(un.sun_path, path, sizeof(un.sun_path));
    lfd = socket(AF_UNIX, SOCK_STREAM, 0);
    g_assert_cmpint(lfd, >=, 0);
    g_assert_cmpint(bind(lfd, (struct sockaddr *)&un, sizeof(un)), ==, 0);
    g_assert_cmpint(listen(lfd, 1), ==, 0);

    /* 16 MiB of non-zero pages: far more than the socket buffers. */
    qtest_memset(from, pattern_addr(), 0x5a, 16 * 1024 * 1024);
    migrate(from, uri);
    deadline = g_get_monotonic_time() + WAIT_TIMEOUT_US;
    for (;;) {
        g_autofree char *status = query_migrate(from, NULL);

        if (!strcmp(status, "active")) {
            break;
        }
        g_assert_cmpstr(status, ==, "setup");
        g_assert_cmpint(g_get_monotonic_time(), <, deadline);
        g_usleep(5000);
    }
    /* The writer is blocked; the monitor still answers. */
    g_usleep(100000);
    g_free(query_migrate(from, NULL));
    qtest_qmp_assert_success(from, "{'execute': 'migrate_cancel'}");
    g_free(wait_for_migration(from, "cancelled"));
    after = query_status(from);
    g_assert_cmpstr(after, ==, before);
    close(lfd);
    unlink(path);

    /* A later migration is not disturbed by the earlier cancel. */
    to = qtest_initf("-machine %s -incoming %s", test_machine(), uri);
    migrate(from, uri);
    check_source_after(from);
    qtest_wait_runstate(to, before);
    g_assert_cmpuint(qtest_readb(to, pattern_addr() + 12345), ==, 0x5a);
    qtest_quit(from);
    qtest_quit(to);
    unlink(path);
}

/* migrate-incoming and migrate refusals */

static void test_incoming_errors(void)
{
    g_autofree char *path = tmp_path("migdefer");
    g_autofree char *uri = g_strdup_printf("unix:%s", path);
    QTestState *plain = qtest_initf("-machine %s", test_machine());
    QTestState *to = qtest_initf("-machine %s -incoming defer",
                                 test_machine());
    QDict *rsp;

    rsp = qtest_qmp(plain, "{'execute': 'migrate-incoming',"
                    " 'arguments': {'uri': %s}}", uri);
    g_assert_cmpstr(qdict_get_str(qdict_get_qdict(rsp, "error"), "desc"),
                    ==, "'-incoming' was not specified on the command line");
    qobject_unref(rsp);

    rsp = qtest_qmp(to, "{'execute': 'migrate',"
                    " 'arguments': {'uri': %s}}", uri);
    g_assert_cmpstr(qdict_get_str(qdict_get_qdict(rsp, "error"), "desc"),
                    ==, "Guest is waiting for an incoming migration");
    qobject_unref(rsp);

    qtest_qmp_assert_success(to, "{'execute': 'migrate-incoming',"
                             " 'arguments': {'uri': %s}}", uri);
    rsp = qtest_qmp(to, "{'execute': 'migrate-incoming',"
                    " 'arguments': {'uri': %s}}", uri);
    g_assert_cmpstr(qdict_get_str(qdict_get_qdict(rsp, "error"), "desc"),
                    ==, "The incoming migration has already been started");
    qobject_unref(rsp);
    qtest_quit(plain);
    qtest_quit(to);
    unlink(path);
}

/* Hostile streams */

/* Load @b from a file with exit-on-error=false; the error must name it. */
static void check_hostile(GByteArray *b, const char *expect)
{
    g_autofree char *path = tmp_path("hostile");
    g_autofree char *uri = g_strdup_printf("file:%s", path);
    g_autofree char *error_desc = NULL;
    g_autofree char *runstate = NULL;
    QTestState *to;

    g_assert_true(g_file_set_contents(path, (const char *)b->data, b->len,
                                      NULL));
    to = qtest_initf("-machine %s -incoming defer", test_machine());
    qtest_qmp_assert_success(to, "{'execute': 'migrate-incoming',"
                             " 'arguments': {'uri': %s,"
                             " 'exit-on-error': false}}", uri);
    error_desc = wait_for_migration(to, "failed");
    g_assert_nonnull(error_desc);
    if (!strstr(error_desc, expect)) {
        g_test_message("error-desc: %s", error_desc);
    }
    g_assert_nonnull(strstr(error_desc, expect));
    /* Still alive and answering, still waiting. */
    runstate = query_status(to);
    g_assert_cmpstr(runstate, ==, "inmigrate");
    qtest_quit(to);
    unlink(path);
}

static void test_hostile_magic(void)
{
    g_autoptr(GByteArray) b = g_byte_array_new();

    qtest_stream_put_be32(b, 0x5145564e);
    qtest_stream_put_be32(b, 3);
    check_hostile(b, "Not a migration stream");
}

static void test_hostile_version(void)
{
    g_autoptr(GByteArray) b = g_byte_array_new();

    qtest_stream_put_be32(b, 0x5145564d);
    qtest_stream_put_be32(b, 4);
    check_hostile(b, "Unsupported migration stream version");
}

static void test_hostile_unknown_section(void)
{
    g_autoptr(GByteArray) b = qtest_stream_new("");

    qtest_stream_put_byte(b, 0x04);
    qtest_stream_put_be32(b, 0);
    qtest_stream_put_str(b, "nosuch");
    qtest_stream_put_be32(b, 0);
    qtest_stream_put_be32(b, 1);
    check_hostile(b, "Unknown savevm section or instance 'nosuch' 0");
}

static void test_hostile_reordered(void)
{
    g_autoptr(GByteArray) b = qtest_stream_new("");

    /* The end of an iterative section that never started. */
    qtest_stream_put_byte(b, 0x03);
    qtest_stream_put_be32(b, 0);
    check_hostile(b, "Unknown savevm section 0");
}

static void test_hostile_huge_vbuffer(void)
{
    g_autoptr(GByteArray) b = g_byte_array_new();

    qtest_stream_put_be32(b, 0x5145564d);
    qtest_stream_put_be32(b, 3);
    qtest_stream_put_byte(b, 0x07);
    qtest_stream_put_be32(b, 0xfffffff0);
    qtest_stream_put_str(b, "pc");
    check_hostile(b, "Failed to load configuration:len");
}

static void test_hostile_ram_offset(void)
{
    g_autoptr(GByteArray) b = qtest_stream_new("");
    static const uint8_t page_far_away[] = {
        0x00, 0x00, 0x7f, 0x00, 0x00, 0x00, 0x00, 0x08,
    };

    qtest_stream_put_byte(b, 0x01);
    qtest_stream_put_be32(b, 0);
    qtest_stream_put_str(b, "ram");
    qtest_stream_put_be32(b, 0);
    qtest_stream_put_be32(b, 4);
    g_byte_array_append(b, page_far_away, sizeof(page_far_away));
    qtest_stream_put_str(b, is_arm() ? "mach-virt.ram" : "pc.ram");
    check_hostile(b, "Illegal RAM offset");
}

/* A real stream cut in the middle of its RAM. */
static void test_hostile_truncated(void)
{
    g_autofree char *path = tmp_path("migfull");
    g_autofree char *uri = g_strdup_printf("file:%s", path);
    g_autofree char *data = NULL;
    g_autoptr(GByteArray) b = g_byte_array_new();
    QTestState *from = qtest_initf("-machine %s", test_machine());
    gsize len;

    prepare_source(from);
    migrate(from, uri);
    check_source_after(from);
    qtest_quit(from);
    g_assert_true(g_file_get_contents(path, &data, &len, NULL));
    g_byte_array_append(b, (const uint8_t *)data, len / 2);
    unlink(path);
    check_hostile(b, "Unexpected end of migration stream");
}

static void test_hostile_exits_by_default(void)
{
    g_autofree char *path = tmp_path("hostile-exit");
    g_autofree char *uri = g_strdup_printf("file:%s", path);
    QTestState *to;

    g_assert_true(g_file_set_contents(path, "QEVN", 4, NULL));
    to = qtest_initf("-machine %s -incoming defer", test_machine());
    qtest_set_expected_status(to, 1);
    qtest_qmp_send(to, "{'execute': 'migrate-incoming',"
                   " 'arguments': {'uri': %s}}", uri);
    qtest_wait_qemu(to);
    qtest_quit(to);
    unlink(path);
}

int main(int argc, char **argv)
{
    int ret;

    g_test_init(&argc, &argv, NULL);
    tmpdir = g_dir_make_tmp("migration-test-XXXXXX", NULL);
    g_assert_nonnull(tmpdir);

    qtest_add_func("/migration/transport/tcp", test_tcp);
    qtest_add_func("/migration/transport/unix", test_unix);
    qtest_add_func("/migration/transport/exec", test_exec);
    qtest_add_data_func("/migration/transport/file", "", test_file);
    qtest_add_data_func("/migration/transport/file-offset", ",offset=8192",
                        test_file);
    qtest_add_func("/migration/transport/channels", test_channels);
    qtest_add_func("/migration/runstate/dest-S", test_dest_paused_with_S);
    qtest_add_func("/migration/runstate/stopped-source",
                   test_stopped_source_stays_stopped);
    qtest_add_func("/migration/events", test_events);
    qtest_add_func("/migration/failure/connect", test_failed_connect_resumes);
    qtest_add_func("/migration/failure/cancel", test_cancel_resumes);
    qtest_add_func("/migration/incoming/errors", test_incoming_errors);
    qtest_add_func("/migration/hostile/magic", test_hostile_magic);
    qtest_add_func("/migration/hostile/version", test_hostile_version);
    qtest_add_func("/migration/hostile/unknown-section",
                   test_hostile_unknown_section);
    qtest_add_func("/migration/hostile/reordered", test_hostile_reordered);
    qtest_add_func("/migration/hostile/huge-vbuffer",
                   test_hostile_huge_vbuffer);
    qtest_add_func("/migration/hostile/ram-offset", test_hostile_ram_offset);
    qtest_add_func("/migration/hostile/truncated", test_hostile_truncated);
    qtest_add_func("/migration/hostile/exit-on-error",
                   test_hostile_exits_by_default);
    ret = g_test_run();
    rmdir(tmpdir);
    g_free(tmpdir);
    return ret;
}
