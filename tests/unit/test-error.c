/*
 * Unit tests for Error objects, error_report and the debug log.
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "qemu/cutils.h"
#include "qemu/error-report.h"
#include "qemu/log.h"

static void test_set_and_class(void)
{
    Error *err = NULL;

    error_setg(&err, "bad value %d", 42);
    g_assert_nonnull(err);
    g_assert_cmpstr(error_get_pretty(err), ==, "bad value 42");
    g_assert_cmpint(error_get_class(err), ==, ERROR_CLASS_GENERIC_ERROR);
    error_free(err);

    err = NULL;
    error_set(&err, ERROR_CLASS_DEVICE_NOT_FOUND, "no '%s'", "serial9");
    g_assert_cmpstr(error_get_pretty(err), ==, "no 'serial9'");
    g_assert_cmpint(error_get_class(err), ==, ERROR_CLASS_DEVICE_NOT_FOUND);
    error_free_or_abort(&err);
    g_assert_null(err);

    g_assert_cmpstr(ErrorClass_str[ERROR_CLASS_GENERIC_ERROR], ==,
                    "GenericError");
    g_assert_cmpstr(ErrorClass_str[ERROR_CLASS_COMMAND_NOT_FOUND], ==,
                    "CommandNotFound");
    g_assert_cmpstr(ErrorClass_str[ERROR_CLASS_DEVICE_NOT_ACTIVE], ==,
                    "DeviceNotActive");
    g_assert_cmpstr(ErrorClass_str[ERROR_CLASS_DEVICE_NOT_FOUND], ==,
                    "DeviceNotFound");
    g_assert_cmpstr(ErrorClass_str[ERROR_CLASS_KVM_MISSING_CAP], ==,
                    "KVMMissingCap");

    /* A NULL destination discards silently. */
    error_setg(NULL, "ignored");
}

static void test_errno(void)
{
    Error *err = NULL;

    errno = 0;
    error_setg_errno(&err, ENOENT, "Could not open '%s'", "/nonexistent");
    g_assert_cmpstr(error_get_pretty(err), ==,
                    "Could not open '/nonexistent': No such file or "
                    "directory");
    g_assert_cmpint(errno, ==, 0);
    error_free(err);
}

static void test_propagate(void)
{
    Error *dst = NULL;
    Error *local = NULL;
    Error *second = NULL;

    error_propagate(&dst, NULL);
    g_assert_null(dst);

    error_setg(&local, "first");
    error_propagate(&dst, local);
    g_assert_cmpstr(error_get_pretty(dst), ==, "first");

    /* The first error wins; the second is freed. */
    error_setg(&second, "second");
    error_propagate(&dst, second);
    g_assert_cmpstr(error_get_pretty(dst), ==, "first");

    /* Propagating to NULL frees. */
    local = NULL;
    error_setg(&local, "dropped");
    error_propagate(NULL, local);
    error_free(dst);
}

static void test_prepend_copy(void)
{
    Error *err = NULL;
    Error *copy;

    error_prepend(&err, "nothing to prefix: ");
    g_assert_null(err);
    error_prepend(NULL, "nothing: ");

    error_set(&err, ERROR_CLASS_KVM_MISSING_CAP, "no irqchip");
    error_prepend(&err, "kvm %s: ", "init");
    error_prepend(&err, "accel: ");
    g_assert_cmpstr(error_get_pretty(err), ==, "accel: kvm init: no irqchip");

    copy = error_copy(err);
    error_free(err);
    g_assert_cmpstr(error_get_pretty(copy), ==,
                    "accel: kvm init: no irqchip");
    g_assert_cmpint(error_get_class(copy), ==, ERROR_CLASS_KVM_MISSING_CAP);
    error_free(copy);
}

/* Sets an error, then looks at it: needs ERRP_GUARD. */
static bool check_positive(int value, bool *looked, Error **errp)
{
    ERRP_GUARD();

    if (value <= 0) {
        error_setg(errp, "value %d is not positive", value);
    }
    *looked = *errp != NULL;
    if (*errp) {
        error_append_hint(errp, "Use a value above zero.\n");
        return false;
    }
    return true;
}

static void test_errp_guard(void)
{
    Error *err = NULL;
    bool looked = false;

    g_assert_true(check_positive(3, &looked, &err));
    g_assert_false(looked);
    g_assert_null(err);

    g_assert_false(check_positive(-1, &looked, &err));
    g_assert_true(looked);
    g_assert_cmpstr(error_get_pretty(err), ==, "value -1 is not positive");
    error_free(err);

    /* With NULL the function can still see its own error. */
    looked = false;
    g_assert_false(check_positive(0, &looked, NULL));
    g_assert_true(looked);
}

static void test_errp_guard_fatal_child(void)
{
    bool looked;

    error_set_progname("/usr/bin/qemu-system-aarch64");
    check_positive(-7, &looked, &error_fatal);
    exit(0);
}

static void test_errp_guard_fatal(void)
{
    if (g_test_subprocess()) {
        test_errp_guard_fatal_child();
        return;
    }
    /* The hint survives the guard and is printed after the message. */
    g_test_trap_subprocess(NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
    g_test_trap_assert_failed();
    g_test_trap_assert_stderr("qemu-system-aarch64: value -7 is not "
                              "positive\nUse a value above zero.\n");
}

static void test_fatal_child(void)
{
    error_set_progname("qemu-system-x86_64");
    error_setg(&error_fatal, "cannot start: %s", "boom");
    exit(0);
}

static void test_fatal(void)
{
    if (g_test_subprocess()) {
        test_fatal_child();
        return;
    }
    g_test_trap_subprocess(NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
    g_test_trap_assert_failed();
    g_test_trap_assert_stderr("qemu-system-x86_64: cannot start: boom\n");
}

static void test_fatal_propagate_child(void)
{
    Error *local = NULL;

    error_set_progname("prog");
    error_setg(&local, "late failure");
    error_propagate(&error_fatal, local);
    exit(0);
}

static void test_fatal_propagate(void)
{
    if (g_test_subprocess()) {
        test_fatal_propagate_child();
        return;
    }
    g_test_trap_subprocess(NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
    g_test_trap_assert_failed();
    g_test_trap_assert_stderr("prog: late failure\n");
}

static void test_abort_child(void)
{
    error_set_progname("prog");
    error_setg(&error_abort, "impossible");
}

static void test_abort(void)
{
    if (g_test_subprocess()) {
        test_abort_child();
        return;
    }
    g_test_trap_subprocess(NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
    g_test_trap_assert_failed();
    g_test_trap_assert_stderr("Unexpected error in test_abort_child() "
                              "at *test-error.c:*:\nprog: impossible\n");
}

static void test_report_child(void)
{
    Error *err = NULL;

    error_set_progname("/usr/local/bin/qemu-system-x86_64");
    g_assert_cmpstr(error_get_progname(), ==, "qemu-system-x86_64");
    error_report("plain %d", 1);
    loc_set_cmdline("-machine", "foo");
    error_report("unsupported machine type");
    loc_set_cmdline("m", NULL);
    warn_report("rounded up");
    loc_set_none();
    info_report("just so you know");
    error_printf("raw%s", "-text\n");
    error_setg(&err, "with hint");
    error_append_hint(&err, "hint one\n");
    error_append_hint(&err, "hint %s\n", "two");
    error_report_err(err);
    err = NULL;
    error_setg(&err, "careful");
    warn_report_err(err);
    exit(0);
}

static void test_report(void)
{
    if (g_test_subprocess()) {
        test_report_child();
        return;
    }
    g_test_trap_subprocess(NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
    g_test_trap_assert_passed();
    g_test_trap_assert_stderr(
        "qemu-system-x86_64: plain 1\n"
        "qemu-system-x86_64: -machine foo: unsupported machine type\n"
        "qemu-system-x86_64: -m: warning: rounded up\n"
        "qemu-system-x86_64: info: just so you know\n"
        "raw-text\n"
        "qemu-system-x86_64: with hint\nhint one\nhint two\n"
        "qemu-system-x86_64: warning: careful\n");
}

static void test_timestamp_child(void)
{
    error_set_progname("qemu-system-aarch64");
    message_with_timestamp = true;
    error_report("stamped");
    exit(0);
}

static void test_timestamp(void)
{
    if (g_test_subprocess()) {
        test_timestamp_child();
        return;
    }
    g_test_trap_subprocess(NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
    g_test_trap_assert_passed();
    /* "?" is one character: "2025-01-01T12:00:00.000000Z ". */
    g_test_trap_assert_stderr("2???" "-??" "-??T??:??:??.??????Z "
                              "qemu-system-aarch64: stamped\n");
}

static void test_log_mask(void)
{
    Error *err = NULL;
    int all;

    g_assert_cmpint(qemu_str_to_log_mask("guest_errors,unimp", &error_abort),
                    ==, LOG_GUEST_ERROR | LOG_UNIMP);
    g_assert_cmpint(qemu_str_to_log_mask("invalid_mem", &error_abort), ==,
                    LOG_INVALID_MEM);
    g_assert_cmpint(qemu_str_to_log_mask("cpu_reset,op_plugin,tid",
                                         &error_abort), ==,
                    CPU_LOG_RESET | LOG_TB_OP_PLUGIN | LOG_PER_THREAD);

    all = qemu_str_to_log_mask("all", &error_abort);
    g_assert_cmpint(all & LOG_GUEST_ERROR, !=, 0);
    g_assert_cmpint(all & CPU_LOG_TB_VPU, !=, 0);
    g_assert_cmpint(all & LOG_PER_THREAD, ==, 0);

    g_assert_cmpint(qemu_str_to_log_mask("unimp,bogus", &err), ==, 0);
    g_assert_nonnull(strstr(error_get_pretty(err), "'bogus'"));
    error_free(err);
}

static char *seen_pattern;

static bool record_pattern(const char *pattern, Error **errp)
{
    if (g_str_equal(pattern, "nosuch")) {
        error_setg(errp, "pattern '%s' matches no event", pattern);
        return false;
    }
    g_free(seen_pattern);
    seen_pattern = g_strdup(pattern);
    return true;
}

static void test_log_trace_items(void)
{
    Error *err = NULL;

    /* Without a trace layer, trace items are accepted and ignored. */
    qemu_log_trace_pattern_cb = NULL;
    g_assert_cmpint(qemu_str_to_log_mask("trace:pl011_*", &error_abort), ==,
                    LOG_TRACE);

    qemu_log_trace_pattern_cb = record_pattern;
    g_assert_cmpint(qemu_str_to_log_mask("unimp,trace:hpet_*",
                                         &error_abort),
                    ==, LOG_UNIMP | LOG_TRACE);
    g_assert_cmpstr(seen_pattern, ==, "hpet_*");

    g_assert_cmpint(qemu_str_to_log_mask("trace:nosuch", &err), ==, 0);
    g_assert_cmpstr(error_get_pretty(err), ==,
                    "pattern 'nosuch' matches no event");
    error_free(err);
    qemu_log_trace_pattern_cb = NULL;
    g_free(seen_pattern);
    seen_pattern = NULL;
}

static void test_log_filename_rules(void)
{
    Error *err = NULL;

    g_assert_false(qemu_set_log_filename("/tmp/log-%d-%d", &err));
    g_assert_nonnull(strstr(error_get_pretty(err), "/tmp/log-%d-%d"));
    error_free(err);
    err = NULL;
    g_assert_false(qemu_set_log_filename("/tmp/log-%s", &err));
    error_free(err);
    err = NULL;
    g_assert_false(qemu_set_log_filename("/tmp/log-%%", &err));
    error_free(err);
    err = NULL;

    /* "tid" needs a %d to tell the threads' files apart. */
    g_assert_true(qemu_set_log_filename(NULL, &error_abort));
    g_assert_false(qemu_set_log(LOG_PER_THREAD, &err));
    error_free(err);
}

static void test_log_file(void)
{
    g_autofree char *dir = g_dir_make_tmp("test-log-XXXXXX", NULL);
    g_autofree char *tmpl = g_build_filename(dir, "log-%d.txt", NULL);
    g_autofree char *name = NULL;
    g_autofree char *contents = NULL;
    FILE *f;

    name = g_strdup_printf("%s/log-%d.txt", dir, getpid());
    g_assert_true(qemu_set_log(0, &error_abort));
    g_assert_true(qemu_set_log_filename(tmpl, &error_abort));
    /* Nothing is logged yet, so nothing is created. */
    g_assert_false(g_file_test(name, G_FILE_TEST_EXISTS));
    g_assert_null(qemu_log_trylock());

    g_assert_true(qemu_set_log(LOG_GUEST_ERROR, &error_abort));
    g_assert_true(g_file_test(name, G_FILE_TEST_EXISTS));
    qemu_log_mask(LOG_GUEST_ERROR, "pl011_read: Bad offset 0x%x\n", 0x44);
    qemu_log_mask(LOG_UNIMP, "not enabled\n");
    f = qemu_log_trylock();
    g_assert_nonnull(f);
    fprintf(f, "part one, ");
    qemu_log("part two\n");
    qemu_log_unlock(f);

    g_assert_true(g_file_get_contents(name, &contents, NULL, NULL));
    g_assert_cmpstr(contents, ==,
                    "pl011_read: Bad offset 0x44\npart one, part two\n");

    g_assert_true(qemu_set_log(0, &error_abort));
    g_assert_true(qemu_set_log_filename(NULL, &error_abort));
    g_assert_cmpint(unlink(name), ==, 0);
    g_assert_cmpint(rmdir(dir), ==, 0);
}

static void test_log_stderr_child(void)
{
    qemu_set_log(LOG_UNIMP, &error_abort);
    qemu_log_mask(LOG_UNIMP, "%s: DMA not implemented\n", "acme");
    qemu_log_mask(LOG_GUEST_ERROR, "hidden\n");
    exit(0);
}

static void test_log_stderr(void)
{
    if (g_test_subprocess()) {
        test_log_stderr_child();
        return;
    }
    g_test_trap_subprocess(NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
    g_test_trap_assert_passed();
    g_test_trap_assert_stderr("acme: DMA not implemented\n");
}

static void test_log_usage(void)
{
    char *text = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&text, &len);

    qemu_print_log_usage(f);
    fclose(f);
    g_assert_true(g_str_has_prefix(text, "Log items (comma separated):\n"));
    g_assert_nonnull(strstr(text, "\nguest_errors "));
    g_assert_nonnull(strstr(text, "\ninvalid_mem "));
    g_assert_nonnull(strstr(text, "\ntrace:PATTERN "));
    free(text);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);

    g_test_add_func("/error/set", test_set_and_class);
    g_test_add_func("/error/errno", test_errno);
    g_test_add_func("/error/propagate", test_propagate);
    g_test_add_func("/error/prepend-copy", test_prepend_copy);
    g_test_add_func("/error/errp-guard", test_errp_guard);
    g_test_add_func("/error/errp-guard/fatal", test_errp_guard_fatal);
    g_test_add_func("/error/fatal", test_fatal);
    g_test_add_func("/error/fatal-propagate", test_fatal_propagate);
    g_test_add_func("/error/abort", test_abort);
    g_test_add_func("/error/report", test_report);
    g_test_add_func("/error/timestamp", test_timestamp);
    g_test_add_func("/log/mask", test_log_mask);
    g_test_add_func("/log/trace-items", test_log_trace_items);
    g_test_add_func("/log/filename-rules", test_log_filename_rules);
    g_test_add_func("/log/file", test_log_file);
    g_test_add_func("/log/stderr", test_log_stderr);
    g_test_add_func("/log/usage", test_log_usage);
    return g_test_run();
}
