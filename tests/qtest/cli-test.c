/*
 * The command line: --version, help listings, and one-line errors with
 * exit status 1 for bad options.
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * Runs the binary in QTEST_QEMU_BINARY directly.  Messages shared with
 * QEMU are checked on both; the accelerator message is ours only.
 */
#include "qemu/osdep.h"
#include "libqtest.h"

typedef struct CliResult {
    int status;
    char *out;
    char *err;
} CliResult;

static void cli_result_free(CliResult *r)
{
    g_free(r->out);
    g_free(r->err);
}

static CliResult run_cli(const char *args)
{
    const char *binary = g_getenv("QTEST_QEMU_BINARY");
    g_autofree char *cmd = g_strdup_printf("%s %s", binary, args);
    g_auto(GStrv) argv = NULL;
    GError *gerr = NULL;
    CliResult r = { 0 };
    int wait_status;

    g_assert(binary);
    g_assert(g_shell_parse_argv(cmd, NULL, &argv, &gerr));
    g_assert(g_spawn_sync(NULL, argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                          &r.out, &r.err, &wait_status, &gerr));
    g_assert(WIFEXITED(wait_status));
    r.status = WEXITSTATUS(wait_status);
    return r;
}

/* Run a shell command line (for pipelines); status as run_cli. */
static CliResult run_cli_shell(const char *cmd)
{
    const char *argv[] = { "/bin/sh", "-c", cmd, NULL };
    GError *gerr = NULL;
    CliResult r = { 0 };
    int wait_status;

    g_assert(g_spawn_sync(NULL, (char **)argv, NULL, G_SPAWN_DEFAULT, NULL,
                          NULL, &r.out, &r.err, &wait_status, &gerr));
    g_assert(WIFEXITED(wait_status));
    r.status = WEXITSTATUS(wait_status);
    return r;
}

static char *progname(void)
{
    return g_path_get_basename(g_getenv("QTEST_QEMU_BINARY"));
}

static bool binary_is_ours(void)
{
    CliResult r = run_cli("--version");
    bool ours = strstr(r.out, "project contributors") != NULL;

    cli_result_free(&r);
    return ours;
}

static void test_version(void)
{
    CliResult r = run_cli("--version");

    g_assert_cmpint(r.status, ==, 0);
    g_assert(g_str_has_prefix(r.out, "QEMU emulator version "));
    cli_result_free(&r);
}

static void test_invalid_option(void)
{
    g_autofree char *prog = progname();
    g_autofree char *want = g_strdup_printf("%s: -foo: invalid option\n",
                                            prog);
    CliResult r = run_cli("-foo");

    g_assert_cmpint(r.status, ==, 1);
    g_assert_cmpstr(r.err, ==, want);
    cli_result_free(&r);
}

static void test_missing_argument(void)
{
    g_autofree char *prog = progname();
    g_autofree char *want = g_strdup_printf("%s: -m: requires an argument\n",
                                            prog);
    CliResult r = run_cli("-m");

    g_assert_cmpint(r.status, ==, 1);
    g_assert_cmpstr(r.err, ==, want);
    cli_result_free(&r);
}

static void test_unknown_machine(void)
{
    g_autofree char *prog = progname();
    g_autofree char *want = g_strdup_printf("%s: ", prog);
    CliResult r = run_cli("-machine nosuch -display none");

    /*
     * Newer QEMU (and we) name the option: "-machine nosuch: unsupported
     * machine type"; 7.2 omits it.
     */
    g_assert_cmpint(r.status, ==, 1);
    g_assert(g_str_has_prefix(r.err, want));
    g_assert(strstr(r.err, "unsupported machine type\n"));
    g_assert(strstr(r.err, "-machine help"));
    cli_result_free(&r);
}

static void test_machine_help(void)
{
    CliResult r = run_cli("-machine help");

    g_assert_cmpint(r.status, ==, 0);
    g_assert(g_str_has_prefix(r.out, "Supported machines are:\n"));
    g_assert(strstr(r.out, "\nnone "));
    cli_result_free(&r);
}

static void test_bad_log_item(void)
{
    CliResult r = run_cli("-d no_such_item -machine none");
    g_autofree char *all = g_strconcat(r.out, r.err, NULL);

    /* Both list the valid items (QEMU 7.2 on stdout, we on stderr). */
    g_assert_cmpint(r.status, ==, 1);
    g_assert(strstr(all, "Log items"));
    g_assert(strstr(all, "guest_errors"));
    cli_result_free(&r);
}

static void test_log_help(void)
{
    CliResult r = run_cli("-d help");

    /* QEMU 7.2 exits 1 after the listing; newer QEMU and we exit 0. */
    g_assert_cmpint(r.status, <=, 1);
    g_assert(strstr(r.out, "guest_errors"));
    g_assert(strstr(r.out, "unimp"));
    cli_result_free(&r);
}

static void test_no_accelerator(void)
{
    g_autofree char *prog = progname();
    g_autofree char *prefix = g_strdup_printf("%s: no accelerator found",
                                              prog);
    CliResult r;

    if (!binary_is_ours()) {
        g_test_skip("the reference has a TCG accelerator");
        return;
    }
    /* aarch64 has a CPU now: only x86_64 still lacks one. */
    if (strcmp(qtest_get_arch(), "x86_64") != 0) {
        g_test_skip("this target has a guest CPU");
        return;
    }
    r = run_cli("-machine none -display none -nodefaults");
    g_assert_cmpint(r.status, ==, 1);
    g_assert(g_str_has_prefix(r.err, prefix));
    g_assert(strstr(r.err, "qtest"));
    /* One line. */
    g_assert(strchr(r.err, '\n') == r.err + strlen(r.err) - 1);
    cli_result_free(&r);
}

/*
 * -nographic multiplexes the serial port and the monitor on stdio: the
 * monitor's banner waits until Ctrl-A c gives it the focus, and Ctrl-A x
 * ends the emulator.  Keys are piped in at once: stdin is read only when
 * the main loop runs, after the machine is built.
 */
static CliResult run_nographic(const char *keys)
{
    const char *binary = g_getenv("QTEST_QEMU_BINARY");
    const char *accel = g_strcmp0(g_getenv("QTEST_ACCEL"), "tcg") ?
                        "-accel qtest" : "-accel tcg -S";
    const char *board = strcmp(qtest_get_arch(), "aarch64") ? "pc" : "virt";
    g_autofree char *cmd = g_strdup_printf("printf '%s' | %s -M %s "
                                           "-nographic %s", keys, binary,
                                           board, accel);

    return run_cli_shell(cmd);
}

static void test_nographic_quiet_until_focus(void)
{
    CliResult r = run_nographic("\\001x");

    g_assert_cmpint(r.status, ==, 0);
    g_assert_cmpstr(r.out, ==, "QEMU: Terminated\n\r");
    cli_result_free(&r);
}

static void test_nographic_monitor_focus(void)
{
    CliResult r = run_nographic("\\001c\\001x");

    g_assert_cmpint(r.status, ==, 0);
    g_assert(g_str_has_prefix(r.out, "QEMU "));
    g_assert(g_str_has_suffix(r.out, " monitor - type 'help' for more "
                              "information\r\n(qemu) QEMU: Terminated\n\r"));
    cli_result_free(&r);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);

    qtest_add_func("cli/version", test_version);
    qtest_add_func("cli/invalid-option", test_invalid_option);
    qtest_add_func("cli/missing-argument", test_missing_argument);
    qtest_add_func("cli/unknown-machine", test_unknown_machine);
    qtest_add_func("cli/machine-help", test_machine_help);
    qtest_add_func("cli/bad-log-item", test_bad_log_item);
    qtest_add_func("cli/log-help", test_log_help);
    qtest_add_func("cli/no-accelerator", test_no_accelerator);
    qtest_add_func("cli/nographic/quiet-until-focus",
                   test_nographic_quiet_until_focus);
    qtest_add_func("cli/nographic/monitor-focus",
                   test_nographic_monitor_focus);

    return g_test_run();
}
