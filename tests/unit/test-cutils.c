/*
 * Unit tests for string helpers, notifier lists and module init.
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include "qemu/osdep.h"
#include "qemu/cutils.h"
#include "qemu/module.h"
#include "qemu/notify.h"

static void test_strtoi(void)
{
    const char *end;
    int v = -1;

    g_assert_cmpint(qemu_strtoi("  -42", NULL, 0, &v), ==, 0);
    g_assert_cmpint(v, ==, -42);
    g_assert_cmpint(qemu_strtoi("0x1F", NULL, 0, &v), ==, 0);
    g_assert_cmpint(v, ==, 31);
    g_assert_cmpint(qemu_strtoi("017", NULL, 0, &v), ==, 0);
    g_assert_cmpint(v, ==, 15);
    g_assert_cmpint(qemu_strtoi("017", NULL, 10, &v), ==, 0);
    g_assert_cmpint(v, ==, 17);
    g_assert_cmpint(qemu_strtoi("ff", NULL, 16, &v), ==, 0);
    g_assert_cmpint(v, ==, 255);

    /* Limits and one past them. */
    g_assert_cmpint(qemu_strtoi("2147483647", NULL, 0, &v), ==, 0);
    g_assert_cmpint(v, ==, INT_MAX);
    g_assert_cmpint(qemu_strtoi("-2147483648", NULL, 0, &v), ==, 0);
    g_assert_cmpint(v, ==, INT_MIN);
    g_assert_cmpint(qemu_strtoi("2147483648", &end, 0, &v), ==, -ERANGE);
    g_assert_cmpint(v, ==, INT_MAX);
    g_assert_cmpint(*end, ==, '\0');
    g_assert_cmpint(qemu_strtoi("-2147483649", NULL, 0, &v), ==, -ERANGE);
    g_assert_cmpint(v, ==, INT_MIN);

    /* No number at all. */
    v = 7;
    g_assert_cmpint(qemu_strtoi("", &end, 0, &v), ==, -EINVAL);
    g_assert_cmpint(v, ==, 0);
    v = 7;
    g_assert_cmpint(qemu_strtoi("   ", &end, 0, &v), ==, -EINVAL);
    g_assert_cmpint(v, ==, 0);
    g_assert_cmpint(qemu_strtoi("x1", &end, 0, &v), ==, -EINVAL);
    g_assert_cmpint(qemu_strtoi(NULL, &end, 0, &v), ==, -EINVAL);
    g_assert_null(end);
    g_assert_cmpint(qemu_strtoi("12", NULL, 1, &v), ==, -EINVAL);

    /* Trailing text: fine with endptr, an error without. */
    g_assert_cmpint(qemu_strtoi("123abc", &end, 10, &v), ==, 0);
    g_assert_cmpint(v, ==, 123);
    g_assert_cmpstr(end, ==, "abc");
    g_assert_cmpint(qemu_strtoi("123abc", NULL, 10, &v), ==, -EINVAL);
    g_assert_cmpint(v, ==, 123);
    g_assert_cmpint(qemu_strtoi("12 ", NULL, 10, &v), ==, -EINVAL);
    /* "0x" alone is the number 0 followed by "x". */
    g_assert_cmpint(qemu_strtoi("0x", &end, 0, &v), ==, 0);
    g_assert_cmpint(v, ==, 0);
    g_assert_cmpstr(end, ==, "x");
    g_assert_cmpint(qemu_strtoi("0x", NULL, 0, &v), ==, -EINVAL);
    /* Junk is reported before range. */
    g_assert_cmpint(qemu_strtoi("99999999999z", NULL, 0, &v), ==, -EINVAL);
}

static void test_strtoui(void)
{
    unsigned int v;
    const char *end;

    g_assert_cmpint(qemu_strtoui("4294967295", NULL, 0, &v), ==, 0);
    g_assert_cmpuint(v, ==, UINT_MAX);
    g_assert_cmpint(qemu_strtoui("4294967296", NULL, 0, &v), ==, -ERANGE);
    g_assert_cmpuint(v, ==, UINT_MAX);
    /* Negative numbers wrap, as strtoul does, within the type. */
    g_assert_cmpint(qemu_strtoui("-1", NULL, 0, &v), ==, 0);
    g_assert_cmpuint(v, ==, UINT_MAX);
    g_assert_cmpint(qemu_strtoui("-4294967295", NULL, 0, &v), ==, 0);
    g_assert_cmpuint(v, ==, 1);
    g_assert_cmpint(qemu_strtoui("-4294967296", NULL, 0, &v), ==, -ERANGE);
    g_assert_cmpuint(v, ==, UINT_MAX);
    g_assert_cmpint(qemu_strtoui("-0", NULL, 0, &v), ==, 0);
    g_assert_cmpuint(v, ==, 0);
    g_assert_cmpint(qemu_strtoui("  12,", &end, 0, &v), ==, 0);
    g_assert_cmpuint(v, ==, 12);
    g_assert_cmpstr(end, ==, ",");
}

static void test_strtol_ul(void)
{
    long l;
    unsigned long ul;

    g_assert_cmpint(qemu_strtol("-9223372036854775808", NULL, 0, &l), ==, 0);
    g_assert_cmpint(l, ==, LONG_MIN);
    g_assert_cmpint(qemu_strtol("9223372036854775808", NULL, 0, &l), ==,
                    -ERANGE);
    g_assert_cmpint(l, ==, LONG_MAX);
    g_assert_cmpint(qemu_strtoul("18446744073709551615", NULL, 0, &ul), ==,
                    0);
    g_assert_cmpuint(ul, ==, ULONG_MAX);
    g_assert_cmpint(qemu_strtoul("18446744073709551616", NULL, 0, &ul), ==,
                    -ERANGE);
    g_assert_cmpuint(ul, ==, ULONG_MAX);
    g_assert_cmpint(qemu_strtoul("-2", NULL, 0, &ul), ==, 0);
    g_assert_cmpuint(ul, ==, ULONG_MAX - 1);
}

static void test_strto64(void)
{
    int64_t i;
    uint64_t u;
    const char *end;

    g_assert_cmpint(qemu_strtoi64("0x7fffffffffffffff", NULL, 0, &i), ==, 0);
    g_assert_cmpint(i, ==, INT64_MAX);
    g_assert_cmpint(qemu_strtoi64("-0x8000000000000001", NULL, 0, &i), ==,
                    -ERANGE);
    g_assert_cmpint(i, ==, INT64_MIN);
    g_assert_cmpint(qemu_strtou64("0xffffffffffffffff", NULL, 0, &u), ==, 0);
    g_assert_cmpuint(u, ==, UINT64_MAX);
    g_assert_cmpint(qemu_strtou64("0x10000000000000000", &end, 0, &u), ==,
                    -ERANGE);
    g_assert_cmpuint(u, ==, UINT64_MAX);
    g_assert_cmpint(*end, ==, '\0');
    g_assert_cmpint(qemu_strtou64("-18446744073709551615", NULL, 0, &u), ==,
                    0);
    g_assert_cmpuint(u, ==, 1);
    g_assert_cmpint(qemu_strtou64("1000000", NULL, 0, &u), ==, 0);
    g_assert_cmpuint(u, ==, 1000000);
}

static void test_strtod(void)
{
    double d;
    const char *end;

    g_assert_cmpint(qemu_strtod("1.5e3", NULL, &d), ==, 0);
    g_assert_cmpfloat(d, ==, 1500.0);
    g_assert_cmpint(qemu_strtod("2.5x", &end, &d), ==, 0);
    g_assert_cmpstr(end, ==, "x");
    g_assert_cmpint(qemu_strtod("2.5x", NULL, &d), ==, -EINVAL);
    g_assert_cmpint(qemu_strtod("1e999", NULL, &d), ==, -ERANGE);
    g_assert_cmpint(qemu_strtod("", NULL, &d), ==, -EINVAL);
}

static void test_strtosz(void)
{
    uint64_t v;
    const char *end;

    g_assert_cmpint(qemu_strtosz("0", NULL, &v), ==, 0);
    g_assert_cmpuint(v, ==, 0);
    g_assert_cmpint(qemu_strtosz("12345", NULL, &v), ==, 0);
    g_assert_cmpuint(v, ==, 12345);
    g_assert_cmpint(qemu_strtosz("12345B", NULL, &v), ==, 0);
    g_assert_cmpuint(v, ==, 12345);
    g_assert_cmpint(qemu_strtosz("1k", NULL, &v), ==, 0);
    g_assert_cmpuint(v, ==, 1024);
    g_assert_cmpint(qemu_strtosz("1K", NULL, &v), ==, 0);
    g_assert_cmpuint(v, ==, 1024);
    g_assert_cmpint(qemu_strtosz("64M", NULL, &v), ==, 0);
    g_assert_cmpuint(v, ==, 64ULL << 20);
    g_assert_cmpint(qemu_strtosz("1.5G", NULL, &v), ==, 0);
    g_assert_cmpuint(v, ==, 3ULL << 29);
    g_assert_cmpint(qemu_strtosz("2T", NULL, &v), ==, 0);
    g_assert_cmpuint(v, ==, 2ULL << 40);
    g_assert_cmpint(qemu_strtosz("1P", NULL, &v), ==, 0);
    g_assert_cmpuint(v, ==, 1ULL << 50);
    g_assert_cmpint(qemu_strtosz("15E", NULL, &v), ==, 0);
    g_assert_cmpuint(v, ==, 15ULL << 60);
    g_assert_cmpint(qemu_strtosz("010k", NULL, &v), ==, 0);
    g_assert_cmpuint(v, ==, 10 * 1024);
    g_assert_cmpint(qemu_strtosz("0x1000", NULL, &v), ==, 0);
    g_assert_cmpuint(v, ==, 4096);
    g_assert_cmpint(qemu_strtosz("0x10k", NULL, &v), ==, 0);
    g_assert_cmpuint(v, ==, 16 * 1024);
    g_assert_cmpint(qemu_strtosz("18446744073709551615", NULL, &v), ==, 0);
    g_assert_cmpuint(v, ==, UINT64_MAX);

    /* With an end pointer, parsing stops after the suffix. */
    g_assert_cmpint(qemu_strtosz("8M,rest", &end, &v), ==, 0);
    g_assert_cmpuint(v, ==, 8 << 20);
    g_assert_cmpstr(end, ==, ",rest");

    g_assert_cmpint(qemu_strtosz("16E", NULL, &v), ==, -ERANGE);
    g_assert_cmpint(qemu_strtosz("18446744073709551616", NULL, &v), ==,
                    -ERANGE);
    g_assert_cmpint(qemu_strtosz("1.5", NULL, &v), ==, -EINVAL);
    g_assert_cmpint(qemu_strtosz("1.5B", NULL, &v), ==, -EINVAL);
    g_assert_cmpint(qemu_strtosz("0x1.8k", NULL, &v), ==, -EINVAL);
    g_assert_cmpint(qemu_strtosz("1.k", NULL, &v), ==, -EINVAL);
    g_assert_cmpint(qemu_strtosz("-1", NULL, &v), ==, -EINVAL);
    g_assert_cmpint(qemu_strtosz(" -0", NULL, &v), ==, -EINVAL);
    g_assert_cmpint(qemu_strtosz("", NULL, &v), ==, -EINVAL);
    g_assert_cmpint(qemu_strtosz("k", NULL, &v), ==, -EINVAL);
    g_assert_cmpint(qemu_strtosz("1Q", &end, &v), ==, 0);
    g_assert_cmpstr(end, ==, "Q");
    v = 99;
    g_assert_cmpint(qemu_strtosz("1Q", NULL, &v), ==, -EINVAL);
    g_assert_cmpuint(v, ==, 0);
    g_assert_cmpint(qemu_strtosz("1kk", NULL, &v), ==, -EINVAL);
}

static void test_strtosz_units(void)
{
    uint64_t v;

    g_assert_cmpint(qemu_strtosz_MiB("128", NULL, &v), ==, 0);
    g_assert_cmpuint(v, ==, 128ULL << 20);
    g_assert_cmpint(qemu_strtosz_MiB("1G", NULL, &v), ==, 0);
    g_assert_cmpuint(v, ==, 1ULL << 30);
    g_assert_cmpint(qemu_strtosz_MiB("0.5", NULL, &v), ==, 0);
    g_assert_cmpuint(v, ==, 512 * 1024);
    g_assert_cmpint(qemu_strtosz_MiB("4096B", NULL, &v), ==, 0);
    g_assert_cmpuint(v, ==, 4096);
    g_assert_cmpint(qemu_strtosz_metric("1k", NULL, &v), ==, 0);
    g_assert_cmpuint(v, ==, 1000);
    g_assert_cmpint(qemu_strtosz_metric("2.5M", NULL, &v), ==, 0);
    g_assert_cmpuint(v, ==, 2500000);
}

static void test_parse_uint(void)
{
    uint64_t v;
    const char *end;

    g_assert_cmpint(parse_uint_full("42", 10, &v), ==, 0);
    g_assert_cmpuint(v, ==, 42);
    g_assert_cmpint(parse_uint_full("0x2a", 0, &v), ==, 0);
    g_assert_cmpuint(v, ==, 42);
    g_assert_cmpint(parse_uint_full("42 ", 10, &v), ==, -EINVAL);
    g_assert_cmpuint(v, ==, 0);
    g_assert_cmpint(parse_uint_full("", 10, &v), ==, -EINVAL);
    g_assert_cmpint(parse_uint_full("-1", 10, &v), ==, -ERANGE);
    g_assert_cmpuint(v, ==, 0);
    g_assert_cmpint(parse_uint_full("18446744073709551616", 10, &v), ==,
                    -ERANGE);
    g_assert_cmpuint(v, ==, UINT64_MAX);
    g_assert_cmpint(parse_uint(" 7:9", &end, 10, &v), ==, 0);
    g_assert_cmpuint(v, ==, 7);
    g_assert_cmpstr(end, ==, ":9");
    g_assert_cmpint(parse_uint("-", &end, 10, &v), ==, -EINVAL);
}

static void test_strings(void)
{
    const char *rest = NULL;
    char buf[8];

    g_assert_cmpint(strstart("trace:pl011_*", "trace:", &rest), ==, 1);
    g_assert_cmpstr(rest, ==, "pl011_*");
    rest = NULL;
    g_assert_cmpint(strstart("Trace:x", "trace:", &rest), ==, 0);
    g_assert_null(rest);
    g_assert_cmpint(strstart("abc", "abc", NULL), ==, 1);
    g_assert_cmpint(strstart("ab", "abc", NULL), ==, 0);
    g_assert_cmpint(stristart("Trace:x", "trace:", &rest), ==, 1);
    g_assert_cmpstr(rest, ==, "x");

    pstrcpy(buf, sizeof(buf), "truncated text");
    g_assert_cmpstr(buf, ==, "truncat");
    pstrcpy(buf, sizeof(buf), "ab");
    pstrcat(buf, sizeof(buf), "cdefghij");
    g_assert_cmpstr(buf, ==, "abcdefg");
}

static void test_size_to_str(void)
{
    static const struct {
        uint64_t val;
        const char *text;
    } cases[] = {
        { 0, "0 B" },
        { 512, "512 B" },
        { 1023, "1023 B" },
        { 1024, "1 KiB" },
        { 1536, "1.5 KiB" },
        { 128ULL << 20, "128 MiB" },
        { 3ULL << 29, "1.5 GiB" },
        { 1ULL << 62, "4 EiB" },
    };
    int i;

    for (i = 0; i < ARRAY_SIZE(cases); i++) {
        g_autofree char *text = size_to_str(cases[i].val);

        g_assert_cmpstr(text, ==, cases[i].text);
    }
}

typedef struct TestNotifier {
    Notifier n;
    int id;
    GString *trace;
    NotifierList *list;     /* set: remove itself when called */
} TestNotifier;

static void test_notify_cb(Notifier *n, void *data)
{
    TestNotifier *t = container_of(n, TestNotifier, n);

    g_string_append_printf(t->trace, "%d:%s ", t->id, (const char *)data);
    if (t->list) {
        notifier_remove(t->list, n);
    }
}

static void test_notifiers(void)
{
    NotifierList list = NOTIFIER_LIST_INITIALIZER(list);
    g_autoptr(GString) trace = g_string_new(NULL);
    TestNotifier t[3];
    int i;

    for (i = 0; i < 3; i++) {
        t[i] = (TestNotifier) {
            .n.notify = test_notify_cb, .id = i, .trace = trace,
        };
        notifier_list_add(&list, &t[i].n);
    }
    t[1].list = &list;

    /* Newest first; 1 removes itself during the walk. */
    notifier_list_notify(&list, "a");
    g_assert_cmpstr(trace->str, ==, "2:a 1:a 0:a ");
    g_string_truncate(trace, 0);
    notifier_list_notify(&list, "b");
    g_assert_cmpstr(trace->str, ==, "2:b 0:b ");

    g_string_truncate(trace, 0);
    notifier_remove(&list, &t[2].n);
    notifier_remove(&list, &t[2].n);
    notifier_list_notify(&list, "c");
    g_assert_cmpstr(trace->str, ==, "0:c ");

    notifier_list_init(&list);
    g_string_truncate(trace, 0);
    notifier_list_notify(&list, "d");
    g_assert_cmpstr(trace->str, ==, "");
}

static GString *module_trace;

static void module_late(void)
{
    g_string_append(module_trace, "late ");
}

static void module_first(void)
{
    g_string_append(module_trace, "first ");
    /* Registered while running: runs in the same pass. */
    register_module_init(module_late, MODULE_INIT_QOM);
}

static void module_second(void)
{
    g_string_append(module_trace, "second ");
}

static void module_trace_fn(void)
{
    g_string_append(module_trace, "trace ");
}

/*
 * One function comes from a constructor, the other is registered by the
 * test: C leaves the order of constructors open (link-time optimisation
 * does reorder them), registration order is what module init promises.
 */
type_init(module_first)
trace_init(module_trace_fn)

static void test_module_init(void)
{
    module_trace = g_string_new(NULL);
    register_module_init(module_second, MODULE_INIT_QOM);
    module_call_init(MODULE_INIT_QOM);
    g_assert_cmpstr(module_trace->str, ==, "first second late ");
    /* Each function runs once. */
    module_call_init(MODULE_INIT_QOM);
    g_assert_cmpstr(module_trace->str, ==, "first second late ");
    module_call_init(MODULE_INIT_TRACE);
    g_assert_cmpstr(module_trace->str, ==, "first second late trace ");
    g_string_free(module_trace, true);
    module_trace = NULL;
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);

    g_test_add_func("/cutils/strtoi", test_strtoi);
    g_test_add_func("/cutils/strtoui", test_strtoui);
    g_test_add_func("/cutils/strtol-ul", test_strtol_ul);
    g_test_add_func("/cutils/strto64", test_strto64);
    g_test_add_func("/cutils/strtod", test_strtod);
    g_test_add_func("/cutils/strtosz", test_strtosz);
    g_test_add_func("/cutils/strtosz-units", test_strtosz_units);
    g_test_add_func("/cutils/parse-uint", test_parse_uint);
    g_test_add_func("/cutils/strings", test_strings);
    g_test_add_func("/cutils/size-to-str", test_size_to_str);
    g_test_add_func("/notify/list", test_notifiers);
    g_test_add_func("/module/init", test_module_init);
    return g_test_run();
}
