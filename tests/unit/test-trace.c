/*
 * Tracing: scripts/tracetool.py output and the control layer, on the
 * events of tests/unit/test-trace-events (group "test_unit").
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * Built with the configured back ends: TEST_TRACE_LOG and
 * TEST_TRACE_DTRACE say which.  The environment names the generator
 * (TRACETOOL, PYTHON) and, for dtrace builds, the emulators whose USDT
 * notes are checked (TEST_TRACE_EMULATORS, ':'-separated).
 */
#include "qemu/osdep.h"
#include <glib/gstdio.h>
#include "qapi/error.h"
#include "qemu/cutils.h"
#include "qemu/error-report.h"
#include "qemu/log.h"
#include "qemu/module.h"
#include "trace/control.h"
#include "trace-test_unit.h"

static char *tmp_dir;
static char *log_path;

/* Start the log afresh: an empty file, nothing enabled. */
static void trace_test_reset(void)
{
    trace_enable_events("-*");
    message_with_timestamp = false;
    g_unlink(log_path);
    qemu_set_log(0, &error_abort);
    qemu_set_log_filename(log_path, &error_abort);
}

/* What the log holds now; "" when nothing was written. */
static char *trace_test_log(void)
{
    char *text = NULL;

    qemu_log_flush();
    if (!g_file_get_contents(log_path, &text, NULL, NULL)) {
        return g_strdup("");
    }
    return text;
}

/* Fire every event once, with fixed arguments. */
static void trace_test_fire_all(void)
{
    trace_test_trace_plain(42, "hello");
    trace_test_trace_second(-3);
    trace_test_trace_void();
    trace_test_trace_off(true);
    trace_test_other(0xbeef, NULL, 7);
}

static void test_generated_api(void)
{
    g_assert_cmpint(TRACE_TEST_TRACE_PLAIN_ENABLED, ==, 1);
    g_assert_cmpint(TRACE_TEST_TRACE_OFF_ENABLED, ==, 0);
    g_assert(trace_event_name("test_trace_plain") == TRACE_TEST_TRACE_PLAIN);
    g_assert(trace_event_name("test_trace_off") == TRACE_TEST_TRACE_OFF);
    g_assert_null(trace_event_name("test_trace"));
    g_assert_cmpstr(trace_event_get_name(TRACE_TEST_OTHER), ==,
                    "test_other");
    g_assert_true(trace_event_get_state_static(TRACE_TEST_TRACE_VOID));
    g_assert_false(trace_event_get_state_static(TRACE_TEST_TRACE_OFF));
    /* Ids follow registration, i.e. file order. */
    g_assert_cmpuint(TRACE_TEST_TRACE_SECOND->id, ==,
                     TRACE_TEST_TRACE_PLAIN->id + 1);
}

static void test_all_start_disabled(void)
{
    TraceEventIter iter;
    TraceEvent *ev;
    int n = 0;

    trace_event_iter_init_all(&iter);
    while ((ev = trace_event_iter_next(&iter)) != NULL) {
        g_assert_false(trace_event_get_state_dynamic(ev));
        n++;
    }
    g_assert_cmpint(n, ==, 5);
}

static void test_disabled_prints_nothing(void)
{
    g_autofree char *text = NULL;

    trace_test_reset();
    trace_test_fire_all();
    text = trace_test_log();
    g_assert_cmpstr(text, ==, "");
    g_assert_false(trace_event_get_state(TRACE_TEST_TRACE_PLAIN));
    g_assert_false(trace_event_get_state_backends(TRACE_TEST_TRACE_PLAIN));
}

static void test_pattern_enables_matching(void)
{
    g_autofree char *text = NULL;

    trace_test_reset();
    trace_enable_events("test_trace_*");
    g_assert_true(trace_event_get_state(TRACE_TEST_TRACE_PLAIN));
    g_assert_true(trace_event_get_state(TRACE_TEST_TRACE_SECOND));
    g_assert_true(trace_event_get_state(TRACE_TEST_TRACE_VOID));
    g_assert_false(trace_event_get_state(TRACE_TEST_OTHER));
    /* A glob skips what is compiled out. */
    g_assert_false(trace_event_get_state_dynamic(TRACE_TEST_TRACE_OFF));

    trace_enable_events("-test_trace_second");
    g_assert_false(trace_event_get_state(TRACE_TEST_TRACE_SECOND));
    trace_enable_events("test_o?her");
    g_assert_true(trace_event_get_state(TRACE_TEST_OTHER));

#ifdef TEST_TRACE_LOG
    g_assert_true(trace_event_get_state_backends(TRACE_TEST_TRACE_PLAIN));
    g_assert_true(qemu_loglevel_mask(LOG_TRACE));
    trace_test_fire_all();
    text = trace_test_log();
    g_assert_cmpstr(text, ==,
                    "test_trace_plain a 0x2a s hello\n"
                    "test_trace_void no arguments\n"
                    "test_other x 0x0000beef p (nil) len 7\n");
#else
    g_test_skip("the log back end is not configured");
#endif
}

static void test_exact_name(void)
{
    trace_test_reset();
    trace_enable_events("test_trace_second");
    g_assert_true(trace_event_get_state(TRACE_TEST_TRACE_SECOND));
    g_assert_false(trace_event_get_state(TRACE_TEST_TRACE_PLAIN));
}

/* Unknown and compiled-out names only warn. */
static void test_exact_name_warnings(void)
{
    if (g_test_subprocess()) {
        trace_test_reset();
        trace_enable_events("test_trace_nosuch");
        trace_enable_events("test_trace_off");
        g_assert_false(trace_event_get_state_dynamic(TRACE_TEST_TRACE_OFF));
        g_assert_false(trace_event_get_state(TRACE_TEST_TRACE_OFF));
        return;
    }
    g_test_trap_subprocess(NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
    g_test_trap_assert_passed();
    g_test_trap_assert_stderr(
        "*warning: trace event 'test_trace_nosuch' does not exist\n"
        "*warning: trace event 'test_trace_off' is not traceable\n");
}

static void test_timestamp_prefix(void)
{
#ifdef TEST_TRACE_LOG
    g_autofree char *text = NULL;

    trace_test_reset();
    trace_enable_events("test_trace_second");
    message_with_timestamp = true;
    trace_test_trace_second(5);
    message_with_timestamp = false;
    text = trace_test_log();
    g_assert_true(g_regex_match_simple(
                      "^[0-9]+@[0-9]+\\.[0-9]{6}:test_trace_second n 5\n$",
                      text, 0, 0));
#else
    g_test_skip("the log back end is not configured");
#endif
}

static void test_events_file(void)
{
    g_autofree char *path = g_build_filename(tmp_dir, "events", NULL);
    Error *err = NULL;

    trace_test_reset();
    g_assert_true(g_file_set_contents(path,
                                      "# comment\n"
                                      "\n"
                                      "test_*\n"
                                      "  -test_trace_void  \n"
                                      "-test_other\n", -1, NULL));
    g_assert_true(trace_init_events(path, &error_abort));
    g_assert_true(trace_event_get_state(TRACE_TEST_TRACE_PLAIN));
    g_assert_true(trace_event_get_state(TRACE_TEST_TRACE_SECOND));
    g_assert_false(trace_event_get_state(TRACE_TEST_TRACE_VOID));
    g_assert_false(trace_event_get_state(TRACE_TEST_OTHER));

    g_assert_false(trace_init_events("/nonexistent/events", &err));
    g_assert_true(g_str_has_prefix(error_get_pretty(err),
                                   "could not open trace events file "
                                   "'/nonexistent/events': "));
    error_free(err);
}

static void test_opt_parse(void)
{
    g_autofree char *path = g_build_filename(tmp_dir, "opt-events", NULL);
    g_autofree char *arg = g_strdup_printf("test_trace_plain,events=%s",
                                           path);
    Error *err = NULL;

    trace_test_reset();
    g_assert_true(g_file_set_contents(path, "test_other\n", -1, NULL));
    g_assert_true(trace_opt_parse(arg, &error_abort));
    g_assert_true(trace_event_get_state(TRACE_TEST_TRACE_PLAIN));
    g_assert_true(trace_event_get_state(TRACE_TEST_OTHER));
    g_assert_true(trace_opt_parse("enable=test_trace_void", &error_abort));
    g_assert_true(trace_event_get_state(TRACE_TEST_TRACE_VOID));
    g_assert_false(trace_event_get_state(TRACE_TEST_TRACE_SECOND));

    /* A bad key refuses the whole option. */
    g_assert_false(trace_opt_parse("test_trace_second,bogus=1", &err));
    g_assert_cmpstr(error_get_pretty(err), ==, "Invalid parameter 'bogus'");
    error_free(err);
    err = NULL;
    g_assert_false(trace_event_get_state(TRACE_TEST_TRACE_SECOND));

    g_assert_false(trace_opt_parse("events=/nonexistent/events", &err));
    g_assert_nonnull(err);
    error_free(err);
    g_assert_true(trace_init_backends(&error_abort));
}

static void test_opt_file(void)
{
#ifdef TEST_TRACE_LOG
    g_autofree char *path = g_build_filename(tmp_dir, "trace-out", NULL);
    g_autofree char *arg = g_strdup_printf("test_trace_void,file=%s", path);
    g_autofree char *text = NULL;

    trace_test_reset();
    g_assert_true(trace_opt_parse(arg, &error_abort));
    trace_init_file();
    trace_test_trace_void();
    qemu_log_flush();
    g_assert_true(g_file_get_contents(path, &text, NULL, NULL));
    g_assert_cmpstr(text, ==, "test_trace_void no arguments\n");
#else
    g_test_skip("the log back end is not configured");
#endif
}

static void test_opt_help(void)
{
    if (g_test_subprocess()) {
        trace_opt_parse("help", &error_abort);
        exit(3);
    }
    g_test_trap_subprocess(NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
    g_test_trap_assert_passed();
    g_test_trap_assert_stdout("test_other\n"
                              "test_trace_off\n"
                              "test_trace_plain\n"
                              "test_trace_second\n"
                              "test_trace_void\n");
}

static void test_opt_enable_help(void)
{
    if (g_test_subprocess()) {
        trace_opt_parse("enable=help", &error_abort);
        exit(3);
    }
    g_test_trap_subprocess(NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
    g_test_trap_assert_passed();
    g_test_trap_assert_stdout("*test_trace_plain\n*");
}

static void test_log_d_option(void)
{
    int mask;

    trace_test_reset();
    mask = qemu_str_to_log_mask("guest_errors,trace:test_trace_p*,"
                                "trace:test_other", &error_abort);
    g_assert_cmpint(mask, ==, LOG_GUEST_ERROR | LOG_TRACE);
    g_assert_true(trace_event_get_state(TRACE_TEST_TRACE_PLAIN));
    g_assert_true(trace_event_get_state(TRACE_TEST_OTHER));
    g_assert_false(trace_event_get_state(TRACE_TEST_TRACE_SECOND));
}

static void test_dtrace_semaphore(void)
{
#ifdef TEST_TRACE_DTRACE
    trace_test_reset();
    g_assert_false(trace_event_get_state_backends(TRACE_TEST_TRACE_SECOND));
    /* What a tracer does on attach: count itself in the semaphore. */
    qemu_test_trace_second_semaphore++;
    g_assert_true(trace_event_get_state_backends(TRACE_TEST_TRACE_SECOND));
    g_assert_false(trace_event_get_state(TRACE_TEST_TRACE_SECOND));
    trace_test_trace_second(1);
    qemu_test_trace_second_semaphore--;
    g_assert_false(trace_event_get_state_backends(TRACE_TEST_TRACE_SECOND));
#else
    g_test_skip("the dtrace back end is not configured");
#endif
}

/* "readelf -n" of @path, or NULL when readelf cannot run. */
static char *trace_test_readelf(const char *path)
{
    const char *argv[] = { "readelf", "-n", path, NULL };
    char *out = NULL;
    int status;

    if (!g_spawn_sync(NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH |
                      G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out, NULL,
                      &status, NULL)) {
        return NULL;
    }
    if (!g_spawn_check_wait_status(status, NULL)) {
        g_free(out);
        return NULL;
    }
    return out;
}

/* Does the readelf output @notes hold a stapsdt probe qemu:@name? */
static bool trace_test_has_probe(const char *notes, const char *name)
{
    g_autofree char *re = g_strdup_printf(
        "stapsdt +0x[0-9a-f]+\\s+NT_STAPSDT \\(SystemTap probe "
        "descriptors\\)\\s+Provider: qemu\\s+Name: %s\\s+Location: "
        "0x[0-9a-f]+, Base: 0x[0-9a-f]+, Semaphore: 0x0*[1-9a-f]", name);

    return g_regex_match_simple(re, notes, 0, 0);
}

static void test_dtrace_notes(void)
{
    g_autofree char *exe = g_strdup_printf("/proc/%d/exe", (int)getpid());
    g_autofree char *self = trace_test_readelf(exe);
    const char *emulators = g_getenv("TEST_TRACE_EMULATORS");
    g_auto(GStrv) paths = g_strsplit(emulators ? emulators : "", ":", -1);
    char **p;

    if (!self) {
        g_test_skip("readelf is not available");
        return;
    }
#ifdef TEST_TRACE_DTRACE
    g_assert_true(trace_test_has_probe(self, "test_trace_plain"));
    g_assert_true(trace_test_has_probe(self, "test_trace_void"));
    g_assert_true(trace_test_has_probe(self, "test_other"));
    /* Compiled out: no probe. */
    g_assert_null(strstr(self, "Name: test_trace_off"));
#else
    g_assert_false(trace_test_has_probe(self, "test_trace_plain"));
    g_assert_null(strstr(self, "Provider: qemu"));
#endif

    for (p = paths; *p; p++) {
        g_autofree char *notes = NULL;

        if (**p == '\0') {
            continue;
        }
        notes = trace_test_readelf(*p);
        g_assert_nonnull(notes);
        g_assert_true(trace_test_has_probe(notes, "memory_region_ops_read"));
        g_assert_true(trace_test_has_probe(notes, "memory_region_ops_write"));
    }
}

/* Run the generator on @text; its exit status, its stderr in *@err. */
static int trace_test_run_tracetool(const char *text, char **err)
{
    g_autofree char *in = g_build_filename(tmp_dir, "bad-events", NULL);
    g_autofree char *out = g_build_filename(tmp_dir, "bad.h", NULL);
    const char *argv[] = {
        g_getenv("PYTHON"), g_getenv("TRACETOOL"), "--format=h",
        "--group=bad", "--backends=log", in, out, NULL
    };
    int status;

    g_assert_true(g_file_set_contents(in, text, -1, NULL));
    g_assert_true(g_spawn_sync(NULL, (char **)argv, NULL, 0, NULL, NULL,
                               NULL, err, &status, NULL));
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

static void test_tracetool_refuses(void)
{
    static const struct {
        const char *text;
        const char *message;
    } cases[] = {
        { "a(int x) \"x %d\\n\"\n", "must not end with a newline" },
        { "a(int x) \"x %m\"\n", "\"%m\" is not allowed" },
        { "a(int x) \"x %d\"\na(int y) \"y %d\"\n", "declared twice" },
        { "a(int x) \"x %d\"", "does not end with a newline" },
        { "vcpu a(int x) \"x %d\"\n", "unknown property \"vcpu\"" },
        { "a() \"x\"\n", "empty argument list" },
        { "a(int x)\n", "cannot parse" },
        { "a(int a0, int a1, int a2, int a3, int a4, int a5, int a6, "
          "int a7, int a8, int a9, int a10) \"\"\n", "11 arguments" },
    };
    size_t i;

    if (!g_getenv("PYTHON") || !g_getenv("TRACETOOL")) {
        g_test_skip("PYTHON and TRACETOOL are not set");
        return;
    }
    for (i = 0; i < ARRAY_SIZE(cases); i++) {
        g_autofree char *err = NULL;

        g_assert_cmpint(trace_test_run_tracetool(cases[i].text, &err), ==,
                        1);
        g_assert_nonnull(strstr(err, "bad-events:"));
        g_assert_nonnull(strstr(err, cases[i].message));
    }
}

static void trace_test_remove_tmp(void)
{
    GDir *dir = g_dir_open(tmp_dir, 0, NULL);
    const char *name;

    while (dir && (name = g_dir_read_name(dir)) != NULL) {
        g_autofree char *path = g_build_filename(tmp_dir, name, NULL);

        g_unlink(path);
    }
    if (dir) {
        g_dir_close(dir);
    }
    g_rmdir(tmp_dir);
}

int main(int argc, char **argv)
{
    int ret;

    g_test_init(&argc, &argv, NULL);
    module_call_init(MODULE_INIT_TRACE);
    tmp_dir = g_dir_make_tmp("test-trace-XXXXXX", NULL);
    g_assert_nonnull(tmp_dir);
    log_path = g_build_filename(tmp_dir, "log", NULL);

    g_test_add_func("/trace/generated-api", test_generated_api);
    g_test_add_func("/trace/all-start-disabled", test_all_start_disabled);
    g_test_add_func("/trace/disabled-prints-nothing",
                    test_disabled_prints_nothing);
    g_test_add_func("/trace/pattern", test_pattern_enables_matching);
    g_test_add_func("/trace/exact-name", test_exact_name);
    g_test_add_func("/trace/exact-name-warnings", test_exact_name_warnings);
    g_test_add_func("/trace/timestamp", test_timestamp_prefix);
    g_test_add_func("/trace/events-file", test_events_file);
    g_test_add_func("/trace/opt/parse", test_opt_parse);
    g_test_add_func("/trace/opt/file", test_opt_file);
    g_test_add_func("/trace/opt/help", test_opt_help);
    g_test_add_func("/trace/opt/enable-help", test_opt_enable_help);
    g_test_add_func("/trace/log-d-option", test_log_d_option);
    g_test_add_func("/trace/dtrace/semaphore", test_dtrace_semaphore);
    g_test_add_func("/trace/dtrace/notes", test_dtrace_notes);
    g_test_add_func("/trace/tracetool/refuses", test_tracetool_refuses);
    ret = g_test_run();

    qemu_set_log_filename(NULL, &error_abort);
    trace_test_remove_tmp();
    g_free(log_path);
    g_free(tmp_dir);
    return ret;
}
