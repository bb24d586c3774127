/*
 * Unit tests for QemuOpts option strings.
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "qemu/option.h"

static int collect(void *opaque, const char *name, const char *value,
                   Error **errp)
{
    g_string_append_printf(opaque, "[%s=%s]", name, value);
    return 0;
}

/* All pairs of @opts as "[a=b][c=d]". */
static char *dump(QemuOpts *opts)
{
    GString *out = g_string_new(NULL);

    g_assert_cmpint(qemu_opt_foreach(opts, collect, out, &error_abort), ==,
                    0);
    return g_string_free(out, false);
}

static void check_parse(const char *params, const char *implied,
                        const char *expect)
{
    g_autoptr(QemuOpts) opts = qemu_opts_parse(params, implied,
                                               &error_abort);
    g_autofree char *text = dump(opts);

    g_assert_cmpstr(text, ==, expect);
}

static void test_parse_basic(void)
{
    check_parse("", NULL, "");
    check_parse("a=b,c=d", NULL, "[a=b][c=d]");
    check_parse("a=b,", NULL, "[a=b]");
    check_parse("a=,b=x=y", NULL, "[a=][b=x=y]");
    check_parse("a=1,a=2", NULL, "[a=1][a=2]");
}

static void test_parse_commas(void)
{
    check_parse("path=/tmp/a,,b,id=x", NULL, "[path=/tmp/a,b][id=x]");
    check_parse("v=,,,,", NULL, "[v=,,]");
    check_parse("v=a,,", NULL, "[v=a,]");
    check_parse("file,,name,x=1", "path", "[path=file,name][x=1]");
}

static void test_parse_implied(void)
{
    check_parse("virt", "type", "[type=virt]");
    check_parse("virt,gic-version=3", "type", "[type=virt][gic-version=3]");
    check_parse("type=pc,hpet=on", "type", "[type=pc][hpet=on]");
    /* Only the first item can be implied; later bare keys mean on. */
    check_parse("socket,server,wait=off", "backend",
                "[backend=socket][server=on][wait=off]");
    check_parse("server", NULL, "[server=on]");
    check_parse("id=a,virt", "type", "[id=a][virt=on]");
}

static void test_parse_help(void)
{
    g_autoptr(QemuOpts) a = qemu_opts_parse("help", "type", &error_abort);
    g_autoptr(QemuOpts) b = qemu_opts_parse("?", "type", &error_abort);
    g_autoptr(QemuOpts) c = qemu_opts_parse("pl011,help", "driver",
                                            &error_abort);
    g_autoptr(QemuOpts) d = qemu_opts_parse("virt,x=help", "type",
                                            &error_abort);

    g_assert_true(qemu_opt_has_help_opt(a));
    g_assert_null(qemu_opt_get(a, "type"));
    g_assert_true(qemu_opt_has_help_opt(b));
    g_assert_true(qemu_opt_has_help_opt(c));
    g_assert_cmpstr(qemu_opt_get(c, "driver"), ==, "pl011");
    g_assert_false(qemu_opt_has_help_opt(d));
    g_assert_true(is_help_option("help"));
    g_assert_true(is_help_option("?"));
    g_assert_false(is_help_option("helpme"));
}

static void test_parse_errors(void)
{
    Error *err = NULL;

    g_assert_null(qemu_opts_parse("a=1,=2", NULL, &err));
    g_assert_nonnull(strstr(error_get_pretty(err), "a=1,=2"));
    error_free(err);
}

static void test_getters(void)
{
    g_autoptr(QemuOpts) opts = qemu_opts_parse(
        "on1=on,off1=off,y=yes,n=no,t=true,f=false,bad=maybe,"
        "num=0x10,num2=17,neg=-x,big=99999999999999999999,"
        "mem=64M,frac=1.5k,badsz=12Q,id=dev0,dup=1,dup=2", NULL,
        &error_abort);
    Error *err = NULL;
    uint64_t u = 5;
    bool b = false;

    g_assert_true(qemu_opt_get_bool(opts, "on1", false));
    g_assert_false(qemu_opt_get_bool(opts, "off1", true));
    g_assert_true(qemu_opt_get_bool(opts, "y", false));
    g_assert_false(qemu_opt_get_bool(opts, "n", true));
    g_assert_true(qemu_opt_get_bool(opts, "t", false));
    g_assert_false(qemu_opt_get_bool(opts, "f", true));
    g_assert_true(qemu_opt_get_bool(opts, "missing", true));
    g_assert_true(qemu_opt_get_bool(opts, "bad", true));
    g_assert_false(qemu_opt_get_bool_err(opts, "bad", &b, &err));
    g_assert_cmpstr(error_get_pretty(err), ==,
                    "Parameter 'bad' expects 'on' or 'off'");
    error_free(err);
    err = NULL;
    b = true;
    g_assert_true(qemu_opt_get_bool_err(opts, "missing", &b, &error_abort));
    g_assert_true(b);

    g_assert_cmpuint(qemu_opt_get_number(opts, "num", 0), ==, 16);
    g_assert_cmpuint(qemu_opt_get_number(opts, "num2", 0), ==, 17);
    g_assert_cmpuint(qemu_opt_get_number(opts, "missing", 3), ==, 3);
    g_assert_cmpuint(qemu_opt_get_number(opts, "neg", 3), ==, 3);
    g_assert_false(qemu_opt_get_number_err(opts, "neg", &u, &err));
    g_assert_cmpstr(error_get_pretty(err), ==,
                    "Parameter 'neg' expects a number");
    error_free(err);
    err = NULL;
    g_assert_false(qemu_opt_get_number_err(opts, "big", &u, &err));
    g_assert_cmpstr(error_get_pretty(err), ==,
                    "Value '99999999999999999999' is too large for "
                    "parameter 'big'");
    error_free(err);
    err = NULL;
    g_assert_cmpuint(u, ==, 5);

    g_assert_cmpuint(qemu_opt_get_size(opts, "mem", 0), ==, 64 << 20);
    g_assert_cmpuint(qemu_opt_get_size(opts, "frac", 0), ==, 1536);
    g_assert_cmpuint(qemu_opt_get_size(opts, "badsz", 7), ==, 7);
    g_assert_false(qemu_opt_get_size_err(opts, "badsz", &u, &err));
    g_assert_nonnull(strstr(error_get_pretty(err), "'badsz'"));
    error_free(err);

    g_assert_cmpstr(qemu_opts_id(opts), ==, "dev0");
    g_assert_cmpstr(qemu_opt_get(opts, "dup"), ==, "2");
    g_assert_null(qemu_opt_get(opts, "nope"));
}

static void test_unset_set(void)
{
    g_autoptr(QemuOpts) opts = qemu_opts_parse("a=1,b=2,a=3", NULL,
                                               &error_abort);
    g_autofree char *text = NULL;

    g_assert_cmpuint(qemu_opts_count(opts), ==, 3);
    g_assert_cmpint(qemu_opt_unset(opts, "a"), ==, 0);
    g_assert_cmpint(qemu_opt_unset(opts, "a"), ==, -ENOENT);
    g_assert_false(qemu_opt_has(opts, "a"));
    g_assert_true(qemu_opt_has(opts, "b"));
    g_assert_cmpuint(qemu_opts_count(opts), ==, 1);

    qemu_opt_set(opts, "c", "x");
    text = dump(opts);
    g_assert_cmpstr(text, ==, "[b=2][c=x]");
}

static int stop_at_b(void *opaque, const char *name, const char *value,
                     Error **errp)
{
    int *visited = opaque;

    (*visited)++;
    if (g_str_equal(name, "b")) {
        error_setg(errp, "stopped at %s", value);
        return -1;
    }
    return 0;
}

static void test_foreach_stop(void)
{
    g_autoptr(QemuOpts) opts = qemu_opts_parse("a=1,b=2,c=3", NULL,
                                               &error_abort);
    Error *err = NULL;
    int visited = 0;

    g_assert_cmpint(qemu_opt_foreach(opts, stop_at_b, &visited, &err), ==,
                    -1);
    g_assert_cmpint(visited, ==, 2);
    g_assert_cmpstr(error_get_pretty(err), ==, "stopped at 2");
    error_free(err);
}

static void test_to_string(void)
{
    g_autoptr(QemuOpts) opts = qemu_opts_parse("pl011,path=a,,b,x=",
                                               "driver", &error_abort);
    g_autofree char *text = qemu_opts_to_string(opts);
    g_autoptr(QemuOpts) again = NULL;
    g_autofree char *first = NULL;
    g_autofree char *second = NULL;

    g_assert_cmpstr(text, ==, "driver=pl011,path=a,,b,x=");
    again = qemu_opts_parse(text, NULL, &error_abort);
    first = dump(opts);
    second = dump(again);
    g_assert_cmpstr(first, ==, second);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);

    g_test_add_func("/option/parse/basic", test_parse_basic);
    g_test_add_func("/option/parse/commas", test_parse_commas);
    g_test_add_func("/option/parse/implied", test_parse_implied);
    g_test_add_func("/option/parse/help", test_parse_help);
    g_test_add_func("/option/parse/errors", test_parse_errors);
    g_test_add_func("/option/getters", test_getters);
    g_test_add_func("/option/unset-set", test_unset_set);
    g_test_add_func("/option/foreach-stop", test_foreach_stop);
    g_test_add_func("/option/to-string", test_to_string);
    return g_test_run();
}
