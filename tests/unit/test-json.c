/*
 * Unit tests for JSON parsing, printing, interpolation and streaming.
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "qobject/qjson.h"

#define RECOVERY_REQUEST "{'execute': 'no-such-cmd'}"
#define RECOVERY_REPLY "{\"execute\": \"no-such-cmd\"}"

/* A string literal with its length, embedded NULs and all. */
#define BYTES(s) s, sizeof(s) - 1

/* Parse @text, which must be valid; the caller owns the result. */
static QObject *parse_ok(const char *text)
{
    Error *err = NULL;
    QObject *obj = qobject_from_json(text, &err);

    if (!obj) {
        g_error("'%s' did not parse: %s", text, error_get_pretty(err));
    }
    return obj;
}

/* Parse @text and print it back compactly. */
static char *reprint(const char *text)
{
    g_autoptr(json_t) obj = parse_ok(text);

    return qobject_to_json(obj);
}

/* The error message parsing @text gives; @text must be invalid. */
static char *parse_error(const char *text)
{
    Error *err = NULL;
    QObject *obj = qobject_from_json(text, &err);
    char *msg;

    g_assert_null(obj);
    g_assert_nonnull(err);
    g_assert_cmpint(error_get_class(err), ==, ERROR_CLASS_GENERIC_ERROR);
    msg = g_strdup(error_get_pretty(err));
    error_free(err);
    return msg;
}

static void check_reprint(const char *text, const char *expected)
{
    g_autofree char *out = reprint(text);

    g_assert_cmpstr(out, ==, expected);
}

static void test_parse_scalars(void)
{
    g_autoptr(json_t) big = NULL;
    g_autoptr(json_t) huge = NULL;
    uint64_t u;
    int64_t i;

    check_reprint("null", "null");
    check_reprint(" true ", "true");
    check_reprint("false", "false");
    check_reprint("0", "0");
    check_reprint("-0", "0");
    check_reprint("42", "42");
    check_reprint("-17", "-17");
    check_reprint("9223372036854775807", "9223372036854775807");
    check_reprint("-9223372036854775808", "-9223372036854775808");
    check_reprint("0.5", "0.5");
    check_reprint("-1.5e3", "-1500");
    check_reprint("2E-2", "0.02");
    check_reprint("\"str\"", "\"str\"");
    check_reprint("'str'", "\"str\"");
    check_reprint("[]", "[]");
    check_reprint("{}", "{}");

    /* Above INT64_MAX: unsigned; beyond 64 bits: a double, as QEMU. */
    big = parse_ok("18446744073709551615");
    g_assert_true(qnum_get_try_uint(big, &u));
    g_assert_cmpuint(u, ==, UINT64_MAX);
    g_assert_false(qnum_get_try_int(big, &i));
    huge = parse_ok("18446744073709551616");
    g_assert_true(json_is_real(huge));
    g_assert_cmpfloat(qnum_get_double(huge), ==, 18446744073709551616.0);
    check_reprint("[18446744073709551615, 9223372036854775808, "
                  "18446744073709551616, -9223372036854775809, 5]",
                  "[18446744073709551615, 9223372036854775808, "
                  "1.8446744073709552e+19, -9.2233720368547758e+18, 5]");
}

/* Unsigned values are found wherever they sit in the tree. */
static void test_parse_unsigned_nested(void)
{
    g_autoptr(json_t) obj = parse_ok(
        "{'a': [1, {'b': 18446744073709551615, 'c': -1}], 'd': 2, "
        "'e': 9223372036854775808, 'f': [[18446744073709551614]]}");
    QDict *inner = qlist_get(qdict_get_qlist(obj, "a"), 1);
    QList *f = qlist_get(qdict_get_qlist(obj, "f"), 0);

    g_assert_cmpuint(qnum_get_uint(qdict_get(inner, "b")), ==, UINT64_MAX);
    g_assert_cmpint(qdict_get_int(inner, "c"), ==, -1);
    g_assert_cmpint(qdict_get_int(obj, "d"), ==, 2);
    g_assert_cmpuint(qnum_get_uint(qdict_get(obj, "e")), ==, 1ULL << 63);
    g_assert_cmpuint(qnum_get_uint(qlist_get(f, 0)), ==, UINT64_MAX - 1);
}

static void test_parse_single_quotes(void)
{
    g_autoptr(json_t) obj = parse_ok(
        "{'a': 'it\"s', \"b\": 'don\\'t', 'c': \"x\\'y\", 'd': '\\\"'}");

    g_assert_cmpstr(qdict_get_str(obj, "a"), ==, "it\"s");
    g_assert_cmpstr(qdict_get_str(obj, "b"), ==, "don't");
    g_assert_cmpstr(qdict_get_str(obj, "c"), ==, "x'y");
    g_assert_cmpstr(qdict_get_str(obj, "d"), ==, "\"");
}

static void test_parse_escapes(void)
{
    g_autoptr(json_t) s = parse_ok(
        "\"\\\"\\\\\\/\\b\\f\\n\\r\\t\\u0041\\u00e9\\u20AC\\uD83D\\uDE00\"");
    g_autoptr(json_t) nul = parse_ok("'a\\u0000b'");
    g_autoptr(json_t) utf8 = parse_ok("'h\xc3\xa9'");

    g_assert_cmpstr(qstring_get_str(s), ==,
                    "\"\\/\b\f\n\r\tA\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80");
    g_assert_cmpuint(json_string_length(nul), ==, 3);
    g_assert_cmpint(memcmp(json_string_value(nul), "a\0b", 3), ==, 0);
    g_assert_cmpstr(qstring_get_str(utf8), ==, "h\xc3\xa9");
}

static void check_error(const char *text, const char *expected)
{
    g_autofree char *msg = parse_error(text);

    g_assert_cmpstr(msg, ==, expected);
}

static void check_error_prefix(const char *text)
{
    g_autofree char *msg = parse_error(text);

    g_assert_true(g_str_has_prefix(msg, "JSON parse error, "));
}

static void test_parse_errors(void)
{
    check_error("{\xff}", "JSON parse error, stray '\xff'");
    check_error("[\x01]", "JSON parse error, stray '\x01'");
    check_error("%p", "JSON parse error, stray '%'");
    check_error("['a\tb']", "JSON parse error, stray ''a\t'");
    check_error("'a\nb'", "JSON parse error, stray ''a\n'");
    check_error("\"\\x\"", "JSON parse error, stray '\"\\x'");
    check_error("'\\u12G4'", "JSON parse error, stray ''\\u12G'");
    check_error("1.x", "JSON parse error, stray '1.x'");
    check_error("-a", "JSON parse error, stray '-a'");
    check_error("1e+", "JSON parse error, stray '1e+'");
    check_error("True", "JSON parse error, stray 'T'");
    check_error("'unterminated", "JSON parse error, stray ''unterminated'");
    check_error("", "JSON parse error, expecting a JSON value");
    check_error("  \n", "JSON parse error, expecting a JSON value");
    check_error("1 2",
                "JSON parse error, expecting at most one JSON value");

    check_error_prefix("{]");
    check_error_prefix("]");
    check_error_prefix("[}");
    check_error_prefix("{'a' 1}");
    check_error_prefix("{'a': 1,}");
    check_error_prefix("[1,]");
    check_error_prefix("[1 2]");
    check_error_prefix("{'a': 1, 'a': 2}");
    check_error_prefix("{1: 2}");
    check_error_prefix("nul");
    check_error_prefix("[01]");
    check_error_prefix("{'a': 1");
    check_error_prefix("'\\uD800'");
    check_error_prefix("'\xc3\x28'");
    check_error_prefix(",");
    check_error_prefix("{'a': 1}}");
}

static void check_print(QObject *obj, const char *expected)
{
    g_autofree char *out = qobject_to_json(obj);

    g_assert_cmpstr(out, ==, expected);
    qobject_unref(obj);
}

static void test_print_escapes(void)
{
    check_print(qstring_from_str("\"\\\b\f\n\r\t/"),
                "\"\\\"\\\\\\b\\f\\n\\r\\t/\"");
    check_print(qstring_from_str("\x01\x1f\x7f"),
                "\"\\u0001\\u001F\\u007F\"");
    check_print(qstring_from_str("\xc3\xa9\xe2\x82\xac\xef\xbf\xbf"),
                "\"\\u00E9\\u20AC\\uFFFF\"");
    check_print(qstring_from_str("\xf0\x9f\x98\x80\xf4\x8f\xbf\xbf"),
                "\"\\uD83D\\uDE00\\uDBFF\\uDFFF\"");
    check_print(json_stringn("a\0b", 3), "\"a\\u0000b\"");

    /* Each malformed sequence becomes one U+FFFD. */
    check_print(qstring_from_str("\xff|\x80|\xc3|\xe2\x82x|\xc0\x80|"
                                 "\xed\xa0\x80|\xf4\x90\x80\x80|\xf8"),
                "\"\\uFFFD|\\uFFFD|\\uFFFD|\\uFFFDx|\\uFFFD|"
                "\\uFFFD|\\uFFFD|\\uFFFD\"");
}

static void test_print_numbers(void)
{
    check_print(qnum_from_int(0), "0");
    check_print(qnum_from_int(INT64_MIN), "-9223372036854775808");
    check_print(qnum_from_uint(UINT64_MAX), "18446744073709551615");
    check_print(qnum_from_double(0.5), "0.5");
    check_print(qnum_from_double(0.1), "0.10000000000000001");
    check_print(qnum_from_double(1.0), "1");
    check_print(qnum_from_double(-2.5e-300), "-2.5e-300");
    check_print(qnum_from_double(1e300), "1.0000000000000001e+300");
    check_print(qbool_from_bool(true), "true");
    check_print(qnull(), "null");
}

/* Member order is QEMU's hash order; examples from interfaces.md 3.1. */
static void test_print_member_order(void)
{
    QDict *greeting = qdict_new();
    QDict *qmp = qdict_new();
    QDict *version = qdict_new();
    QDict *qemu = qdict_new();
    QList *caps = qlist_new();
    QDict *reply = qdict_new();
    QDict *error = qdict_new();
    QDict *status = qdict_new();
    QDict *event = qdict_new();
    QDict *data = qdict_new();
    QDict *stamp = qdict_new();

    qdict_put_int(qemu, "major", 10);
    qdict_put_int(qemu, "minor", 2);
    qdict_put_int(qemu, "micro", 0);
    qdict_put(version, "qemu", qemu);
    qdict_put_str(version, "package", "");
    qlist_append_str(caps, "oob");
    qdict_put(qmp, "version", version);
    qdict_put(qmp, "capabilities", caps);
    qdict_put(greeting, "QMP", qmp);
    check_print(greeting,
                "{\"QMP\": {\"version\": {\"qemu\": {\"micro\": 0, "
                "\"minor\": 2, \"major\": 10}, \"package\": \"\"}, "
                "\"capabilities\": [\"oob\"]}}");

    qdict_put_str(error, "class", "GenericError");
    qdict_put_str(error, "desc", "Parameter 'command-line' is missing");
    qdict_put(reply, "error", error);
    qdict_put_int(reply, "id", 2);
    check_print(reply,
                "{\"id\": 2, \"error\": {\"class\": \"GenericError\", "
                "\"desc\": \"Parameter 'command-line' is missing\"}}");

    qdict_put_bool(status, "running", true);
    qdict_put_bool(status, "singlestep", false);
    qdict_put_str(status, "status", "running");
    check_print(status, "{\"status\": \"running\", \"singlestep\": false, "
                "\"running\": true}");

    qdict_put_bool(data, "guest", false);
    qdict_put_str(data, "reason", "host-qmp-quit");
    qdict_put_str(event, "event", "SHUTDOWN");
    qdict_put(event, "data", data);
    qdict_put_int(stamp, "seconds", 1732100000);
    qdict_put_int(stamp, "microseconds", 123456);
    qdict_put(event, "timestamp", stamp);
    check_print(event,
                "{\"timestamp\": {\"seconds\": 1732100000, "
                "\"microseconds\": 123456}, \"event\": \"SHUTDOWN\", "
                "\"data\": {\"guest\": false, \"reason\": "
                "\"host-qmp-quit\"}}");

    check_reprint("{'id': 'cookie#1', 'return': {}}",
                  "{\"return\": {}, \"id\": \"cookie#1\"}");
}

static void test_print_pretty(void)
{
    g_autoptr(json_t) ret = parse_ok("{'return': {}}");
    g_autoptr(json_t) list = parse_ok("[1, {'k': 'v'}, [], {}]");
    g_autoptr(json_t) nested = parse_ok("{'a': {'b': [true, null]}}");
    g_autofree char *ret_text = qobject_to_json_pretty(ret, true);
    g_autofree char *list_text = qobject_to_json_pretty(list, true);
    g_autofree char *nested_text = qobject_to_json_pretty(nested, true);
    g_autofree char *compact = qobject_to_json_pretty(list, false);

    g_assert_cmpstr(ret_text, ==, "{\n    \"return\": {\n    }\n}");
    g_assert_cmpstr(list_text, ==,
                    "[\n    1,\n    {\n        \"k\": \"v\"\n    },\n"
                    "    [\n    ],\n    {\n    }\n]");
    g_assert_cmpstr(nested_text, ==,
                    "{\n    \"a\": {\n        \"b\": [\n            true,\n"
                    "            null\n        ]\n    }\n}");
    g_assert_cmpstr(compact, ==, "[1, {\"k\": \"v\"}, [], {}]");
}

static void test_roundtrip(void)
{
    static const char *const texts[] = {
        "{'a': [1, 2.5, -3e10, true, false, null], 'b': {'c': 'd'}}",
        "[[[[]]], {}, [{}], '', 'x\\u0001y', '\\u00e9\\uD83D\\uDE00']",
        "{'u': 18446744073709551615, 'i': -9223372036854775808}",
        "'\\\"\\\\\\b\\f\\n\\r\\t/'",
        "[0.1, 1e-300, 123456789.125, -0.0]",
    };
    size_t i;

    for (i = 0; i < ARRAY_SIZE(texts); i++) {
        g_autoptr(json_t) first = parse_ok(texts[i]);
        g_autofree char *printed = qobject_to_json(first);
        g_autoptr(json_t) second = parse_ok(printed);
        g_autofree char *pretty = qobject_to_json_pretty(first, true);
        g_autoptr(json_t) third = parse_ok(pretty);

        g_assert_true(qobject_is_equal(first, second));
        g_assert_true(qobject_is_equal(first, third));
    }
}

static void test_interp_strings(void)
{
    const char *nasty = "a'b\"c\\d\ne\x01\tf\xc3\xa9/%s%%";
    g_autoptr(json_t) s = qobject_from_jsonf_nofail("%s", nasty);
    g_autoptr(json_t) cmd = qdict_from_jsonf_nofail(
        "{'execute': 'qom-get', 'arguments': {'path': %s, "
        "'property': %s}}", "/machine", "type");
    g_autoptr(json_t) key = qobject_from_jsonf_nofail("{%s: 1}", "k");
    g_autoptr(json_t) lit = qobject_from_jsonf_nofail(
        "{'a': '100%', 'b': '50%% off', 'c': '%s', \"d\": \"%d%%\"}");
    g_autofree char *cmd_text = qobject_to_json(cmd);

    g_assert_cmpstr(qstring_get_str(s), ==, nasty);
    g_assert_cmpstr(cmd_text, ==,
                    "{\"execute\": \"qom-get\", \"arguments\": "
                    "{\"path\": \"/machine\", \"property\": \"type\"}}");
    g_assert_cmpint(qdict_get_int(key, "k"), ==, 1);
    g_assert_cmpstr(qdict_get_str(lit, "a"), ==, "100%");
    g_assert_cmpstr(qdict_get_str(lit, "b"), ==, "50% off");
    g_assert_cmpstr(qdict_get_str(lit, "c"), ==, "%s");
    g_assert_cmpstr(qdict_get_str(lit, "d"), ==, "%d%");
}

static void test_interp_integers(void)
{
    g_autoptr(json_t) l = qobject_from_jsonf_nofail(
        "[%d, %d, %u, %ld, %li, %lu, %lld, %lli, %llu, %" PRId64 ", %"
        PRIu64 ", %" PRIu64 ", %i, %i]",
        INT_MIN, INT_MAX, UINT_MAX, LONG_MIN, LONG_MAX, ULONG_MAX,
        LLONG_MIN, LLONG_MAX, ULLONG_MAX, INT64_MIN, UINT64_MAX,
        (uint64_t)12, true, false);
    g_autofree char *text = qobject_to_json(l);
    uint64_t u;
    int64_t i;

    g_assert_cmpint(qnum_get_int(qlist_get(l, 0)), ==, INT_MIN);
    g_assert_cmpint(qnum_get_int(qlist_get(l, 1)), ==, INT_MAX);
    g_assert_cmpuint(qnum_get_uint(qlist_get(l, 2)), ==, UINT_MAX);
    g_assert_cmpint(qnum_get_int(qlist_get(l, 3)), ==, LONG_MIN);
    g_assert_cmpint(qnum_get_int(qlist_get(l, 4)), ==, LONG_MAX);
    g_assert_cmpuint(qnum_get_uint(qlist_get(l, 5)), ==, ULONG_MAX);
    g_assert_cmpint(qnum_get_int(qlist_get(l, 6)), ==, LLONG_MIN);
    g_assert_cmpint(qnum_get_int(qlist_get(l, 7)), ==, LLONG_MAX);
    g_assert_cmpuint(qnum_get_uint(qlist_get(l, 8)), ==, ULLONG_MAX);
    g_assert_cmpint(qnum_get_int(qlist_get(l, 9)), ==, INT64_MIN);
    g_assert_true(qnum_get_try_uint(qlist_get(l, 10), &u));
    g_assert_cmpuint(u, ==, UINT64_MAX);
    g_assert_false(qnum_get_try_int(qlist_get(l, 10), &i));
    g_assert_cmpint(qnum_get_int(qlist_get(l, 11)), ==, 12);
    /* A plain %i is a bool, as in QEMU. */
    g_assert_true(qbool_get_bool(qlist_get(l, 12)));
    g_assert_false(qbool_get_bool(qlist_get(l, 13)));
    g_assert_cmpstr(text, ==,
                    "[-2147483648, 2147483647, 4294967295, "
                    "-9223372036854775808, 9223372036854775807, "
                    "18446744073709551615, -9223372036854775808, "
                    "9223372036854775807, 18446744073709551615, "
                    "-9223372036854775808, 18446744073709551615, 12, "
                    "true, false]");
}

static void test_interp_double(void)
{
    g_autoptr(json_t) l = qobject_from_jsonf_nofail("[%f, %f, %f]",
                                                    1.0, 0.25, -3e100);

    g_assert_true(json_is_real(qlist_get(l, 0)));
    g_assert_cmpfloat(qnum_get_double(qlist_get(l, 0)), ==, 1.0);
    g_assert_cmpfloat(qnum_get_double(qlist_get(l, 1)), ==, 0.25);
    g_assert_cmpfloat(qnum_get_double(qlist_get(l, 2)), ==, -3e100);
}

static void test_interp_qobject(void)
{
    QDict *inner = qdict_new();
    g_autoptr(json_t) result = NULL;
    g_autoptr(json_t) scalar = NULL;
    QDict *got;

    qdict_put_uint(inner, "u", UINT64_MAX);
    qdict_put(inner, "d", qnum_from_double(2.0));
    qdict_put_str(inner, "s", "x'y");
    qdict_put(inner, "l", qlist_new());
    qobject_ref(inner);

    result = qobject_from_jsonf_nofail("{'obj': %p, 'n': %p, 'after': %d}",
                                       inner, qnull(), 7);
    /* The reference handed over is consumed. */
    g_assert_cmpuint(inner->refcount, ==, 1);
    got = qdict_get_qdict(result, "obj");
    g_assert_true(qobject_is_equal(got, inner));
    g_assert_cmpuint(qnum_get_uint(qdict_get(got, "u")), ==, UINT64_MAX);
    g_assert_true(json_is_real(qdict_get(got, "d")));
    g_assert_cmpint(qobject_type(qdict_get(result, "n")), ==, QTYPE_QNULL);
    g_assert_cmpint(qdict_get_int(result, "after"), ==, 7);
    qobject_unref(inner);

    scalar = qobject_from_jsonf_nofail("%p", qnum_from_int(-4));
    g_assert_cmpint(qnum_get_int(scalar), ==, -4);
}

static const char *const nofail_cases[] = {
    "bad-conversion", "bad-syntax", "two-values", "not-a-dict", "lexical",
    "too-many-l",
};

static void test_interp_aborts(void)
{
    size_t i;

    for (i = 0; i < ARRAY_SIZE(nofail_cases); i++) {
        g_autofree char *path =
            g_strdup_printf("/json/interp/aborts/subprocess/%s",
                            nofail_cases[i]);

        g_test_trap_subprocess(path, 0, G_TEST_SUBPROCESS_DEFAULT);
        g_test_trap_assert_failed();
    }
}

static void interp_abort_child(gconstpointer data)
{
    const char *which = data;

    if (g_str_equal(which, "bad-conversion")) {
        qobject_from_jsonf_nofail("{'a': %x}", 1);
    } else if (g_str_equal(which, "bad-syntax")) {
        qobject_from_jsonf_nofail("{'a' %d}", 1);
    } else if (g_str_equal(which, "two-values")) {
        qobject_from_jsonf_nofail("%d %d", 1, 2);
    } else if (g_str_equal(which, "not-a-dict")) {
        qdict_from_jsonf_nofail("[%s]", "x");
    } else if (g_str_equal(which, "lexical")) {
        qobject_from_jsonf_nofail("[\x01]");
    } else {
        qobject_from_jsonf_nofail("%llld", 1LL);
    }
    /* Only reached when the call failed to abort. */
    exit(0);
}

/* Streamer harness: every emitted value or error as one line of text. */
static void collect(void *opaque, QObject *obj, Error *err)
{
    GPtrArray *events = opaque;

    if (err) {
        g_assert_null(obj);
        g_assert_cmpint(error_get_class(err), ==,
                        ERROR_CLASS_GENERIC_ERROR);
        g_ptr_array_add(events, g_strdup_printf("error: %s",
                                                error_get_pretty(err)));
        error_free(err);
    } else {
        g_assert_nonnull(obj);
        g_ptr_array_add(events, qobject_to_json(obj));
        qobject_unref(obj);
    }
}

typedef enum FeedMode {
    FEED_WHOLE,
    FEED_BYTES,
    FEED_RANDOM,
} FeedMode;

/* Feed @len bytes of @input in chunks chosen by @mode, then flush. */
static GPtrArray *stream(const char *input, size_t len, FeedMode mode,
                         guint32 seed)
{
    GPtrArray *events = g_ptr_array_new_with_free_func(g_free);
    JSONMessageParser *parser = json_message_parser_new(collect, events);
    GRand *rand = g_rand_new_with_seed(seed);
    size_t pos = 0, chunk;

    while (pos < len) {
        if (mode == FEED_WHOLE) {
            chunk = len;
        } else if (mode == FEED_BYTES) {
            chunk = 1;
        } else {
            chunk = g_rand_int_range(rand, 1, 9);
        }
        chunk = MIN(chunk, len - pos);
        json_message_parser_feed(parser, input + pos, chunk);
        pos += chunk;
    }
    json_message_parser_flush(parser);
    json_message_parser_free(parser);
    g_rand_free(rand);
    return events;
}

/* Expected events ending in '*' only give the start of the text. */
static void check_events(GPtrArray *events, const char *const *expected,
                         size_t n)
{
    size_t i, len;

    for (i = 0; i < MIN(events->len, n); i++) {
        len = strlen(expected[i]);
        if (g_str_has_suffix(expected[i], "*")) {
            g_autofree char *got = g_strndup(events->pdata[i], len - 1);
            g_autofree char *want = g_strndup(expected[i], len - 1);

            g_assert_cmpstr(got, ==, want);
        } else {
            g_assert_cmpstr(events->pdata[i], ==, expected[i]);
        }
    }
    g_assert_cmpuint(events->len, ==, n);
}

/* Same events whatever the split of the input. */
static void check_stream(const char *input, size_t len,
                         const char *const *expected, size_t n)
{
    guint32 seed;
    GPtrArray *events;

    events = stream(input, len, FEED_WHOLE, 0);
    check_events(events, expected, n);
    g_ptr_array_unref(events);
    events = stream(input, len, FEED_BYTES, 0);
    check_events(events, expected, n);
    g_ptr_array_unref(events);
    for (seed = 1; seed <= 50; seed++) {
        events = stream(input, len, FEED_RANDOM, seed);
        check_events(events, expected, n);
        g_ptr_array_unref(events);
    }
}

static void test_stream_values(void)
{
    static const char input[] =
        "{'a': 1}[1, 2]\"s\"null true 3.5 -7{\"n\": {\"m\": []}}'q'"
        "\n\r\t 18446744073709551615 [-0.0e-1]{'x': 'y'}  12";
    static const char *const expected[] = {
        "{\"a\": 1}", "[1, 2]", "\"s\"", "null", "true", "3.5", "-7",
        "{\"n\": {\"m\": []}}", "\"q\"", "18446744073709551615", "[-0]",
        "{\"x\": \"y\"}", "12",
    };

    check_stream(BYTES(input), expected, ARRAY_SIZE(expected));
}

/* A top-level scalar is complete only when its token ends. */
static void test_stream_pending_scalars(void)
{
    GPtrArray *events = g_ptr_array_new_with_free_func(g_free);
    JSONMessageParser *parser = json_message_parser_new(collect, events);

    json_message_parser_feed(parser, "12", 2);
    json_message_parser_feed(parser, "3", 1);
    g_assert_cmpuint(events->len, ==, 0);
    json_message_parser_feed(parser, " nul", 4);
    g_assert_cmpuint(events->len, ==, 1);
    g_assert_cmpstr(events->pdata[0], ==, "123");
    json_message_parser_feed(parser, "l", 1);
    g_assert_cmpuint(events->len, ==, 1);
    json_message_parser_feed(parser, "{}", 2);
    g_assert_cmpuint(events->len, ==, 3);
    g_assert_cmpstr(events->pdata[1], ==, "null");
    g_assert_cmpstr(events->pdata[2], ==, "{}");
    json_message_parser_feed(parser, "4.5e1", 5);
    g_assert_cmpuint(events->len, ==, 3);
    json_message_parser_flush(parser);
    g_assert_cmpuint(events->len, ==, 4);
    g_assert_cmpstr(events->pdata[3], ==, "45");

    /* The parser stays usable after a flush. */
    json_message_parser_feed(parser, "[1", 2);
    json_message_parser_feed(parser, "]", 1);
    g_assert_cmpuint(events->len, ==, 5);
    g_assert_cmpstr(events->pdata[4], ==, "[1]");

    json_message_parser_free(parser);
    g_ptr_array_unref(events);
}

/* Flushing an unfinished value reports it exactly once. */
static void test_stream_flush_errors(void)
{
    static const struct {
        const char *input;
        const char *error;
    } cases[] = {
        { "{'a': 1", "error: JSON parse error, *" },
        { "[[[", "error: JSON parse error, *" },
        { "'abc", "error: JSON parse error, stray ''abc'" },
        { "{'k': \"v\\", "error: JSON parse error, stray '\"v\\'" },
        { "-", "error: JSON parse error, stray '-'" },
        { "1.", "error: JSON parse error, stray '1.'" },
    };
    size_t i;

    for (i = 0; i < ARRAY_SIZE(cases); i++) {
        const char *expected[] = { cases[i].error };

        check_stream(cases[i].input, strlen(cases[i].input), expected, 1);
    }
}

/*
 * The malformed-input battery of QEMU's qmp-test (interfaces.md 3.8):
 * each case gives exactly one event, and the request that follows is
 * read intact.
 */
static const struct {
    const char *input;
    size_t len;
    const char *event;
} battery[] = {
    { BYTES("{]\n"), "error: JSON parse error, *" },
    { BYTES("{\xff"), "error: JSON parse error, stray '\xff'" },
    { BYTES("{\x01"), "error: JSON parse error, stray '\x01'" },
    { BYTES("{'bad \xff"), "error: JSON parse error, stray ''bad \xff'" },
    { BYTES("{'execute': 'nonexistent', 'id':'\n"),
      "error: JSON parse error, stray ''\n'" },
    { BYTES("%p"), "error: JSON parse error, stray '%'" },
    { BYTES("null"), "null" },
    { BYTES("{}"), "{}" },
    { BYTES("{'execute': true}"), "{\"execute\": true}" },
    { BYTES("{'execute': 'no-such-cmd', 'arguments': []}"),
      "{\"execute\": \"no-such-cmd\", \"arguments\": []}" },
    { BYTES("{'execute': 'no-such-cmd', 'extra': true}"),
      "{\"extra\": true, \"execute\": \"no-such-cmd\"}" },
    { BYTES("{\x00"), "error: JSON parse error, stray ''" },
    { BYTES("\xfe"), "error: JSON parse error, stray '\xfe'" },
    { BYTES("[1, 2.x"), "error: JSON parse error, stray '2.x'" },
    { BYTES("{'a': \"\\q\""), "error: JSON parse error, stray '\"\\q'" },
    { BYTES("[}"), "error: JSON parse error, *" },
    { BYTES("]"), "error: JSON parse error, *" },
    { BYTES("{'a' 1}"), "error: JSON parse error, *" },
    { BYTES("Garbage"), "error: JSON parse error, stray 'G'" },
    { BYTES("{'a': 1, 'a': 2}"), "error: JSON parse error, *" },
};

static void test_stream_battery(void)
{
    size_t i;

    for (i = 0; i < ARRAY_SIZE(battery); i++) {
        g_autofree char *input = g_malloc(battery[i].len +
                                          sizeof(RECOVERY_REQUEST));
        const char *expected[] = { battery[i].event, RECOVERY_REPLY };

        memcpy(input, battery[i].input, battery[i].len);
        memcpy(input + battery[i].len, RECOVERY_REQUEST,
               sizeof(RECOVERY_REQUEST));
        check_stream(input, battery[i].len + strlen(RECOVERY_REQUEST),
                     expected, 2);
    }
}

/* The whole battery in one stream, as a client would send it. */
static void test_stream_battery_joined(void)
{
    GString *input = g_string_new(NULL);
    g_autoptr(GPtrArray) expected = g_ptr_array_new();
    size_t i;

    for (i = 0; i < ARRAY_SIZE(battery); i++) {
        g_string_append_len(input, battery[i].input, battery[i].len);
        g_string_append(input, RECOVERY_REQUEST);
        g_ptr_array_add(expected, (gpointer)battery[i].event);
        g_ptr_array_add(expected, (gpointer)RECOVERY_REPLY);
    }
    check_stream(input->str, input->len,
                 (const char *const *)expected->pdata, expected->len);
    g_string_free(input, TRUE);
}

/* After a lexical error, input is skipped up to a restart point. */
static void test_stream_recovery(void)
{
    static const char skip_text[] = "\x01 junk 'x' 12 {}";
    static const char *const skip_events[] = {
        "error: JSON parse error, stray '\x01'", "{}",
    };
    static const char ff_restart[] = "[\x01\xff[1]";
    static const char *const ff_events[] = {
        "error: JSON parse error, stray '\x01'",
        "error: JSON parse error, stray '\xff'",
        "[1]",
    };
    static const char comma_restart[] = "[%, 1]";
    static const char *const comma_events[] = {
        "error: JSON parse error, stray '%'",
        "error: JSON parse error, *",
        "1",
        "error: JSON parse error, *",
    };
    static const char newline_restart[] = "- x\n7 ";
    static const char *const newline_events[] = {
        "error: JSON parse error, stray '- '", "7",
    };

    check_stream(BYTES(skip_text), skip_events, ARRAY_SIZE(skip_events));
    check_stream(BYTES(ff_restart), ff_events, ARRAY_SIZE(ff_events));
    check_stream(BYTES(comma_restart), comma_events,
                 ARRAY_SIZE(comma_events));
    check_stream(BYTES(newline_restart), newline_events,
                 ARRAY_SIZE(newline_events));
}

static void test_limits_nesting(void)
{
    GString *ok = g_string_new(NULL);
    GString *deep = g_string_new(NULL);
    g_autoptr(json_t) obj = NULL;
    g_autofree char *msg = NULL;
    GPtrArray *events;
    int i;

    for (i = 0; i < 512; i++) {
        g_string_append(ok, "{'a': [");
    }
    for (i = 0; i < 512; i++) {
        g_string_append(ok, "]}");
    }
    obj = parse_ok(ok->str);
    g_assert_cmpint(qobject_type(obj), ==, QTYPE_QDICT);

    g_string_append_c(deep, '[');
    g_string_append(deep, ok->str);
    g_string_append_c(deep, ']');
    msg = parse_error(deep->str);
    g_assert_cmpstr(msg, ==, "JSON nesting depth limit exceeded");

    /* The streamer reports it first and keeps going. */
    g_string_append(deep, "{'ok': 1}");
    events = stream(deep->str, deep->len, FEED_WHOLE, 0);
    g_assert_cmpuint(events->len, >=, 2);
    g_assert_cmpstr(events->pdata[0], ==,
                    "error: JSON nesting depth limit exceeded");
    g_assert_cmpstr(events->pdata[events->len - 1], ==, "{\"ok\": 1}");
    g_ptr_array_unref(events);

    g_string_free(ok, TRUE);
    g_string_free(deep, TRUE);
}

static void test_limits_tokens(void)
{
    GString *text = g_string_new("[");
    g_autoptr(json_t) obj = NULL;
    g_autofree char *msg = NULL;
    guint i;

    /* "[", then "0," pairs, then "[]]": exactly 2^21 tokens. */
    for (i = 0; i < (1u << 20) - 2; i++) {
        g_string_append(text, "0,");
    }
    g_string_append(text, "[]]");
    obj = parse_ok(text->str);
    g_assert_cmpuint(qlist_size(obj), ==, (1u << 20) - 1);

    g_string_insert(text, 1, "0,");
    msg = parse_error(text->str);
    g_assert_cmpstr(msg, ==, "JSON token count limit exceeded");
    g_string_free(text, TRUE);
}

static void test_limits_size(void)
{
    size_t len = 64 * 1024 * 1024 + 2;
    char *text = g_malloc(len + sizeof(RECOVERY_REQUEST));
    static const char *const expected[] = {
        "error: JSON token size limit exceeded", RECOVERY_REPLY,
    };
    GPtrArray *events;
    g_autoptr(json_t) big = NULL;

    memset(text, 'a', len);
    text[0] = '\'';
    text[len - 1] = '\'';
    memcpy(text + len, RECOVERY_REQUEST, sizeof(RECOVERY_REQUEST));
    events = stream(text, len + strlen(RECOVERY_REQUEST), FEED_WHOLE, 0);
    check_events(events, expected, ARRAY_SIZE(expected));
    g_ptr_array_unref(events);

    /* A large value within the limit is fine. */
    text[1024 * 1024] = '\'';
    text[1024 * 1024 + 1] = '\0';
    big = parse_ok(text);
    g_assert_cmpuint(json_string_length(big), ==, 1024 * 1024 - 1);
    g_free(text);
}

int main(int argc, char **argv)
{
    size_t i;

    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/json/parse/scalars", test_parse_scalars);
    g_test_add_func("/json/parse/unsigned-nested",
                    test_parse_unsigned_nested);
    g_test_add_func("/json/parse/single-quotes", test_parse_single_quotes);
    g_test_add_func("/json/parse/escapes", test_parse_escapes);
    g_test_add_func("/json/parse/errors", test_parse_errors);
    g_test_add_func("/json/print/escapes", test_print_escapes);
    g_test_add_func("/json/print/numbers", test_print_numbers);
    g_test_add_func("/json/print/member-order", test_print_member_order);
    g_test_add_func("/json/print/pretty", test_print_pretty);
    g_test_add_func("/json/roundtrip", test_roundtrip);
    g_test_add_func("/json/interp/strings", test_interp_strings);
    g_test_add_func("/json/interp/integers", test_interp_integers);
    g_test_add_func("/json/interp/double", test_interp_double);
    g_test_add_func("/json/interp/qobject", test_interp_qobject);
    g_test_add_func("/json/interp/aborts", test_interp_aborts);
    for (i = 0; i < ARRAY_SIZE(nofail_cases); i++) {
        g_autofree char *path =
            g_strdup_printf("/json/interp/aborts/subprocess/%s",
                            nofail_cases[i]);

        g_test_add_data_func(path, nofail_cases[i], interp_abort_child);
    }
    g_test_add_func("/json/stream/values", test_stream_values);
    g_test_add_func("/json/stream/pending-scalars",
                    test_stream_pending_scalars);
    g_test_add_func("/json/stream/flush-errors", test_stream_flush_errors);
    g_test_add_func("/json/stream/battery", test_stream_battery);
    g_test_add_func("/json/stream/battery-joined",
                    test_stream_battery_joined);
    g_test_add_func("/json/stream/recovery", test_stream_recovery);
    g_test_add_func("/json/limits/nesting", test_limits_nesting);
    g_test_add_func("/json/limits/tokens", test_limits_tokens);
    g_test_add_func("/json/limits/size", test_limits_size);
    return g_test_run();
}
