/*
 * QMP conformance: greeting, negotiation, malformed input, error
 * classes, ids, OOB negotiation.
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * Runs unchanged against our binaries and against QEMU (the reference).
 */
#include "qemu/osdep.h"
#include "libqtest.h"
#include "qobject/qjson.h"

static const char common_args[] = "-nodefaults -machine none";

static void assert_error_reply(QDict *resp, const char *cls,
                               const char *desc)
{
    QDict *error;

    g_assert(resp);
    error = qdict_get_qdict(resp, "error");
    g_assert_cmpstr(qdict_get_str(error, "class"), ==, cls);
    if (desc) {
        g_assert_cmpstr(qdict_get_str(error, "desc"), ==, desc);
    } else {
        g_assert(qdict_get_try_str(error, "desc"));
    }
    g_assert(!qdict_haskey(resp, "return"));
}

static void assert_generic_error(QDict *resp)
{
    assert_error_reply(resp, "GenericError", NULL);
    qobject_unref(resp);
}

/* Exactly one error reply, then the parser has recovered. */
static void send_bad_then_check_recovery(QTestState *qts, const char *bad)
{
    QDict *resp;

    qtest_qmp_send_raw(qts, "%s", bad);
    assert_generic_error(qtest_qmp_receive(qts));
    /* Before negotiation the desc differs; the class is the same. */
    resp = qtest_qmp(qts, "{'execute': 'no-such-cmd'}");
    assert_error_reply(resp, "CommandNotFound", NULL);
    qobject_unref(resp);
}

static void test_malformed(QTestState *qts)
{
    QDict *resp;

    send_bad_then_check_recovery(qts, "{]\n");
    send_bad_then_check_recovery(qts, "{\xFF");
    send_bad_then_check_recovery(qts, "{\x01");
    send_bad_then_check_recovery(qts, "{'bad \xFF");
    send_bad_then_check_recovery(qts,
                                 "{'execute': 'nonexistent', 'id':'\n");
    send_bad_then_check_recovery(qts, "%p");

    assert_generic_error(qtest_qmp(qts, "null"));
    assert_generic_error(qtest_qmp(qts, "{}"));
    assert_generic_error(qtest_qmp(qts, "{'execute': true}"));
    assert_generic_error(qtest_qmp(qts,
                         "{'execute': 'no-such-cmd', 'arguments': []}"));
    assert_generic_error(qtest_qmp(qts,
                         "{'execute': 'no-such-cmd', 'extra': true}"));

    resp = qtest_qmp(qts, "{'execute': 'no-such-cmd'}");
    assert_error_reply(resp, "CommandNotFound", NULL);
    qobject_unref(resp);
}

static void test_greeting_is_version_info(QDict *greeting)
{
    QDict *qmp = qdict_get_qdict(greeting, "QMP");
    QDict *version = qdict_get_qdict(qmp, "version");
    QDict *qemu = qdict_get_qdict(version, "qemu");
    QList *caps = qdict_get_qlist(qmp, "capabilities");

    g_assert_cmpuint(qdict_size(version), ==, 2);
    g_assert_cmpuint(qdict_size(qemu), ==, 3);
    g_assert(qdict_get_try_str(version, "package"));
    g_assert_cmpint(qdict_get_int(qemu, "major"), >=, 7);
    g_assert_cmpint(qdict_get_int(qemu, "minor"), >=, 0);
    g_assert_cmpint(qdict_get_int(qemu, "micro"), >=, 0);
    g_assert(caps);
}

static void test_qmp_protocol(void)
{
    QTestState *qts = qtest_init_without_qmp_handshake(common_args);
    QDict *resp, *ret;

    resp = qtest_qmp_receive(qts);
    test_greeting_is_version_info(resp);
    qobject_unref(resp);

    resp = qtest_qmp(qts, "{'execute': 'query-version'}");
    assert_error_reply(resp, "CommandNotFound", NULL);
    qobject_unref(resp);

    test_malformed(qts);

    resp = qtest_qmp(qts, "{'execute': 'qmp_capabilities'}");
    ret = qdict_get_qdict(resp, "return");
    g_assert_cmpuint(qdict_size(ret), ==, 0);
    qobject_unref(resp);

    resp = qtest_qmp(qts, "{'execute': 'qmp_capabilities'}");
    assert_error_reply(resp, "CommandNotFound", NULL);
    qobject_unref(resp);

    resp = qtest_qmp(qts, "{'execute': 'query-version'}");
    ret = qdict_get_qdict(resp, "return");
    g_assert(qdict_haskey(ret, "qemu"));
    g_assert(qdict_haskey(ret, "package"));
    qobject_unref(resp);

    test_malformed(qts);

    resp = qtest_qmp(qts, "{'execute': 'query-name', 'id': 'cookie#1'}");
    g_assert(qdict_get_qdict(resp, "return"));
    g_assert_cmpstr(qdict_get_str(resp, "id"), ==, "cookie#1");
    qobject_unref(resp);

    resp = qtest_qmp(qts, "{'execute': 'human-monitor-command', 'id': 2}");
    assert_error_reply(resp, "GenericError",
                       "Parameter 'command-line' is missing");
    g_assert_cmpint(qdict_get_int(resp, "id"), ==, 2);
    qobject_unref(resp);

    qtest_quit(qts);
}

static void test_qmp_oob_negotiation(void)
{
    QTestState *qts = qtest_init_without_qmp_handshake(common_args);
    QDict *resp;
    QList *caps;

    resp = qtest_qmp_receive(qts);
    caps = qdict_get_qlist(qdict_get_qdict(resp, "QMP"), "capabilities");
    g_assert_cmpuint(qlist_size(caps), >=, 1);
    g_assert_cmpstr(qstring_get_str(qlist_get(caps, 0)), ==, "oob");
    qobject_unref(resp);

    assert_generic_error(qtest_qmp(qts, "{'execute': 'qmp_capabilities',"
                                   " 'arguments': {'enable': "
                                   "['cap-does-not-exist']}}"));
    resp = qtest_qmp(qts, "{'execute': 'qmp_capabilities', 'arguments': "
                     "{'enable': ['oob']}}");
    g_assert(qdict_haskey(resp, "return"));
    qobject_unref(resp);

    /* query-cpus-fast does not run out of band. */
    assert_generic_error(qtest_qmp(qts, "{'exec-oob': 'query-cpus-fast'}"));
    qtest_quit(qts);
}

static void test_qmp_missing_any_arg(void)
{
    QTestState *qts = qtest_init(common_args);
    QDict *resp;

    resp = qtest_qmp(qts, "{'execute': 'qom-set', 'arguments':"
                     " { 'path': '/machine', 'property': 'rtc-time' } }");
    assert_error_reply(resp, "GenericError", NULL);
    qobject_unref(resp);
    qtest_quit(qts);
}

static void test_qmp_status_and_events(void)
{
    QTestState *qts = qtest_init("-nodefaults -machine none -S");
    QDict *resp, *ret;

    resp = qtest_qmp(qts, "{'execute': 'query-status'}");
    ret = qdict_get_qdict(resp, "return");
    g_assert_cmpstr(qdict_get_str(ret, "status"), ==, "prelaunch");
    g_assert(!qdict_get_bool(ret, "running"));
    qobject_unref(resp);

    qtest_qmp_assert_success(qts, "{'execute': 'cont'}");
    qtest_qmp_eventwait(qts, "RESUME");
    resp = qtest_qmp(qts, "{'execute': 'query-status'}");
    ret = qdict_get_qdict(resp, "return");
    g_assert_cmpstr(qdict_get_str(ret, "status"), ==, "running");
    g_assert(qdict_get_bool(ret, "running"));
    qobject_unref(resp);

    qtest_qmp_assert_success(qts, "{'execute': 'stop'}");
    qtest_qmp_eventwait(qts, "STOP");
    resp = qtest_qmp(qts, "{'execute': 'query-status'}");
    ret = qdict_get_qdict(resp, "return");
    g_assert_cmpstr(qdict_get_str(ret, "status"), ==, "paused");
    qobject_unref(resp);

    qtest_qmp_assert_success(qts, "{'execute': 'system_reset'}");
    resp = qtest_qmp_eventwait_ref(qts, "RESET");
    ret = qdict_get_qdict(resp, "data");
    g_assert(!qdict_get_bool(ret, "guest"));
    g_assert_cmpstr(qdict_get_str(ret, "reason"), ==,
                    "host-qmp-system-reset");
    g_assert(qdict_haskey(resp, "timestamp"));
    qobject_unref(resp);
    qtest_quit(qts);
}

static void test_qmp_quit_sends_shutdown(void)
{
    QTestState *qts = qtest_init("-nodefaults -machine none");
    QDict *resp, *data;

    resp = qtest_qmp(qts, "{'execute': 'quit'}");
    g_assert(qdict_haskey(resp, "return"));
    qobject_unref(resp);
    resp = qtest_qmp_eventwait_ref(qts, "SHUTDOWN");
    data = qdict_get_qdict(resp, "data");
    g_assert(!qdict_get_bool(data, "guest"));
    g_assert_cmpstr(qdict_get_str(data, "reason"), ==, "host-qmp-quit");
    qobject_unref(resp);
    qtest_quit(qts);
}

static void test_qmp_preconfig(void)
{
    QTestState *qts = qtest_init("-nodefaults -machine none --preconfig");
    bool started = qtest_clock_is_driven();
    QDict *resp, *ret;

    resp = qtest_qmp(qts, "{'execute': 'query-commands'}");
    g_assert(qdict_haskey(resp, "return"));
    qobject_unref(resp);

    /* Not allowed before the machine is initialised. */
    assert_generic_error(qtest_qmp(qts, "{'execute': 'query-cpus-fast'}"));

    resp = qtest_qmp(qts, "{'execute': 'query-status'}");
    ret = qdict_get_qdict(resp, "return");
    g_assert_cmpstr(qdict_get_str(ret, "status"), ==, "prelaunch");
    qobject_unref(resp);

    qtest_qmp_assert_success(qts, "{'execute': 'x-exit-preconfig'}");
    /* The reference runs with -S: it stays in prelaunch, no RESUME. */
    if (started) {
        qtest_qmp_eventwait(qts, "RESUME");
        resp = qtest_qmp(qts, "{'execute': 'query-status'}");
        ret = qdict_get_qdict(resp, "return");
        g_assert_cmpstr(qdict_get_str(ret, "status"), ==, "running");
        qobject_unref(resp);
    }

    assert_generic_error(qtest_qmp(qts, "{'execute': 'x-exit-preconfig'}"));
    resp = qtest_qmp(qts, "{'execute': 'query-cpus-fast'}");
    g_assert(qdict_haskey(resp, "return"));
    qobject_unref(resp);
    qtest_quit(qts);
}

static void test_qmp_argument_errors(void)
{
    QTestState *qts = qtest_init(common_args);
    QDict *resp;

    resp = qtest_qmp(qts, "{'execute': 'qom-list', 'arguments': "
                     "{'path': 42}}");
    assert_error_reply(resp, "GenericError",
                       "Invalid parameter type for 'path', expected: "
                       "string");
    qobject_unref(resp);

    resp = qtest_qmp(qts, "{'execute': 'qom-list', 'arguments': "
                     "{'path': '/machine', 'bogus': 1}}");
    assert_error_reply(resp, "GenericError",
                       "Parameter 'bogus' is unexpected");
    qobject_unref(resp);

    resp = qtest_qmp(qts, "{'execute': 'qom-list', 'arguments': "
                     "{'path': '/no/such/object'}}");
    assert_error_reply(resp, "DeviceNotFound",
                       "Device '/no/such/object' not found");
    qobject_unref(resp);

    resp = qtest_qmp(qts, "{'execute': 'device-list-properties', "
                     "'arguments': {'typename': 'no-such-device'}}");
    assert_error_reply(resp, "DeviceNotFound",
                       "Device 'no-such-device' not found");
    qobject_unref(resp);
    qtest_quit(qts);
}

static void test_qmp_hmp_info(void)
{
    QTestState *qts = qtest_init(common_args);
    g_autofree char *version = qtest_hmp(qts, "info version");
    g_autofree char *status = qtest_hmp(qts, "info status");
    g_autofree char *bad = qtest_hmp(qts, "no-such-hmp-command");

    g_assert(g_ascii_isdigit(version[0]));
    g_assert(g_str_has_suffix(version, "\r\n"));
    /* Running here; paused (prelaunch) on a reference started with -S. */
    g_assert(g_str_has_prefix(status, "VM status: "));
    g_assert(strstr(bad, "no-such-hmp-command"));
    qtest_quit(qts);
}

int main(int argc, char *argv[])
{
    g_test_init(&argc, &argv, NULL);

    qtest_add_func("qmp/protocol", test_qmp_protocol);
    qtest_add_func("qmp/oob", test_qmp_oob_negotiation);
    qtest_add_func("qmp/missing-any-arg", test_qmp_missing_any_arg);
    qtest_add_func("qmp/preconfig", test_qmp_preconfig);
    qtest_add_func("qmp/status-and-events", test_qmp_status_and_events);
    qtest_add_func("qmp/quit", test_qmp_quit_sends_shutdown);
    qtest_add_func("qmp/argument-errors", test_qmp_argument_errors);
    qtest_add_func("qmp/hmp-info", test_qmp_hmp_info);

    return g_test_run();
}
