/*
 * Unit tests for the QMP dispatcher, the core commands and the monitors.
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * The dispatcher is driven with parsed requests; the QMP and HMP
 * servers are driven through an in-memory chardev whose output the
 * tests read back byte for byte.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "qapi/qmp-registry.h"
#include "qobject/qjson.h"
#include "qom/object.h"
#include "hw/core/qdev.h"
#include "hw/core/qdev-properties.h"
#include "chardev/char-fe.h"
#include "monitor/monitor.h"

/* Test commands */

static const char *const test_colours[] = { "red", "green", NULL };

static const QmpArgSpec test_args_spec[] = {
    { "s", QMP_ARG_STR },
    { "i", QMP_ARG_INT, true },
    { "u", QMP_ARG_UINT, true },
    { "n", QMP_ARG_NUMBER, true },
    { "b", QMP_ARG_BOOL, true },
    { "d", QMP_ARG_DICT, true },
    { "l", QMP_ARG_LIST, true },
    { "sl", QMP_ARG_STR_LIST, true },
    { "e", QMP_ARG_ENUM, true, test_colours },
    { "el", QMP_ARG_STR_LIST, true, test_colours },
    { "a", QMP_ARG_ANY, true },
    { NULL }
};

/* Echo the arguments back. */
static void test_cmd_echo(QDict *args, QObject **ret, Error **errp)
{
    *ret = qobject_ref(args);
}

static void test_cmd_nothing(QDict *args, QObject **ret, Error **errp)
{
}

static void test_cmd_fail(QDict *args, QObject **ret, Error **errp)
{
    error_set(errp, ERROR_CLASS_DEVICE_NOT_FOUND, "Device 'x' not found");
}

static const QmpCommand test_commands[] = {
    { "test-echo", test_cmd_echo, test_args_spec, QCO_NO_FLAGS },
    { "test-nothing", test_cmd_nothing, NULL, QCO_ALLOW_OOB },
    { "test-fail", test_cmd_fail, NULL, QCO_NO_FLAGS },
    { "test-extra", test_cmd_echo, test_args_spec, QCO_ALLOW_EXTRA_ARGS },
};

/* QOM types for the tree and the device commands */

#define TYPE_TEST_QMP_BASE "test-qmp-base"
#define TYPE_TEST_QMP_OBJ "test-qmp-obj"
#define TYPE_TEST_QMP_DEV "test-qmp-dev"

typedef struct TestQmpObj {
    Object parent_obj;
    bool flag;
    char *label;
} TestQmpObj;

typedef struct TestQmpDev {
    DeviceState parent_obj;
    uint32_t freq;
} TestQmpDev;

static bool test_obj_get_flag(Object *obj, Error **errp)
{
    return ((TestQmpObj *)obj)->flag;
}

static void test_obj_set_flag(Object *obj, bool value, Error **errp)
{
    ((TestQmpObj *)obj)->flag = value;
}

static char *test_obj_get_label(Object *obj, Error **errp)
{
    return g_strdup(((TestQmpObj *)obj)->label);
}

static void test_obj_init(Object *obj)
{
    TestQmpObj *t = (TestQmpObj *)obj;

    t->label = g_strdup("hello");
    object_property_add_str(obj, "label", test_obj_get_label, NULL);
}

static void test_obj_finalize(Object *obj)
{
    g_free(((TestQmpObj *)obj)->label);
}

static void test_obj_class_init(ObjectClass *klass, const void *data)
{
    object_class_property_add_bool(klass, "flag", test_obj_get_flag,
                                   test_obj_set_flag);
    object_class_property_set_description(klass, "flag", "a test flag");
}

static const Property test_dev_props[] = {
    DEFINE_PROP_UINT32("freq", TestQmpDev, freq, 42),
};

static void test_dev_class_init(ObjectClass *klass, const void *data)
{
    device_class_set_props(DEVICE_CLASS(klass), test_dev_props);
}

static const TypeInfo test_types[] = {
    {
        .name = TYPE_TEST_QMP_BASE,
        .parent = TYPE_OBJECT,
        .instance_size = sizeof(TestQmpObj),
        .abstract = true,
    }, {
        .name = TYPE_TEST_QMP_OBJ,
        .parent = TYPE_TEST_QMP_BASE,
        .instance_size = sizeof(TestQmpObj),
        .instance_init = test_obj_init,
        .instance_finalize = test_obj_finalize,
        .class_init = test_obj_class_init,
    }, {
        .name = TYPE_TEST_QMP_DEV,
        .parent = TYPE_DEVICE,
        .instance_size = sizeof(TestQmpDev),
        .class_init = test_dev_class_init,
    },
};

/* Helpers */

static QDict *request(const char *json, bool allow_oob, bool negotiation)
{
    QObject *req = qobject_from_json(json, &error_abort);
    QDict *rsp = qmp_dispatch(req, allow_oob, negotiation);

    qobject_unref(req);
    return rsp;
}

/* The reply to @json in command mode, as the JSON text QEMU sends. */
static char *reply_text(const char *json)
{
    QDict *rsp = request(json, false, false);
    char *text = qobject_to_json(rsp);

    qobject_unref(rsp);
    return text;
}

static void assert_error(QDict *rsp, const char *klass, const char *desc)
{
    QDict *error = qobject_to(QDict, qdict_get(rsp, "error"));

    g_assert_nonnull(error);
    g_assert_false(qdict_haskey(rsp, "return"));
    g_assert_cmpstr(qdict_get_str(error, "class"), ==, klass);
    g_assert_cmpstr(qdict_get_str(error, "desc"), ==, desc);
}

static void assert_request_error(const char *json, const char *klass,
                                 const char *desc)
{
    QDict *rsp = request(json, false, false);

    assert_error(rsp, klass, desc);
    qobject_unref(rsp);
}

static void assert_args_error(const char *args, const char *desc)
{
    g_autofree char *json = g_strdup_printf(
        "{'execute': 'test-echo', 'arguments': %s}", args);

    assert_request_error(json, "GenericError", desc);
}

static QObject *command_return(const char *json)
{
    QDict *rsp = request(json, false, false);
    QObject *ret = qdict_get(rsp, "return");

    if (!ret) {
        g_autofree char *text = qobject_to_json(rsp);

        g_test_message("unexpected reply %s", text);
        g_assert_not_reached();
    }
    qobject_ref(ret);
    qobject_unref(rsp);
    return ret;
}

/* The entry of @list whose "name" is @name, or NULL. */
static QDict *find_named(QList *list, const char *name)
{
    size_t i;

    for (i = 0; i < qlist_size(list); i++) {
        QDict *d = qobject_to(QDict, qlist_get(list, i));

        if (g_strcmp0(qdict_get_try_str(d, "name"), name) == 0) {
            return d;
        }
    }
    return NULL;
}

/* Argument checks */

static void test_args_missing(void)
{
    assert_args_error("{}", "Parameter 's' is missing");
    assert_args_error("{'i': 1}", "Parameter 's' is missing");
}

static void test_args_unexpected(void)
{
    QObject *ret;

    assert_args_error("{'s': 'x', 'bogus': 1}",
                      "Parameter 'bogus' is unexpected");
    assert_request_error("{'execute': 'test-nothing', "
                         "'arguments': {'x': 1}}",
                         "GenericError", "Parameter 'x' is unexpected");
    ret = command_return("{'execute': 'test-extra', "
                         "'arguments': {'s': 'x', 'extra': 1}}");
    g_assert_cmpint(qdict_get_int(ret, "extra"), ==, 1);
    qobject_unref(ret);
}

static void test_args_types(void)
{
    QObject *ret;

    assert_args_error("{'s': 1}",
                      "Invalid parameter type for 's', expected: string");
    assert_args_error("{'s': 'x', 'i': 'one'}",
                      "Invalid parameter type for 'i', expected: integer");
    assert_args_error("{'s': 'x', 'i': 1.5}",
                      "Invalid parameter type for 'i', expected: integer");
    assert_args_error("{'s': 'x', 'u': -1}", "Parameter 'u' expects uint64");
    assert_args_error("{'s': 'x', 'u': 'x'}", "Parameter 'u' expects uint64");
    assert_args_error("{'s': 'x', 'n': true}",
                      "Invalid parameter type for 'n', expected: number");
    assert_args_error("{'s': 'x', 'b': 1}",
                      "Invalid parameter type for 'b', expected: boolean");
    assert_args_error("{'s': 'x', 'd': []}",
                      "Invalid parameter type for 'd', expected: object");
    assert_args_error("{'s': 'x', 'l': {}}",
                      "Invalid parameter type for 'l', expected: array");
    assert_args_error("{'s': 'x', 'sl': 'a'}",
                      "Invalid parameter type for 'sl', expected: array");
    assert_args_error("{'s': 'x', 'sl': ['a', 2]}",
                      "Invalid parameter type for 'sl[1]', expected: "
                      "string");
    assert_args_error("{'s': 'x', 'e': 3}",
                      "Invalid parameter type for 'e', expected: string");
    assert_args_error("{'s': null}",
                      "Invalid parameter type for 's', expected: string");

    ret = command_return("{'execute': 'test-echo', 'arguments': "
                         "{'s': 'x', 'i': -5, 'u': 7, 'n': 2, 'b': false, "
                         "'d': {}, 'l': [1, 'a'], 'sl': [], 'e': 'green', "
                         "'el': ['red', 'green'], 'a': null}}");
    g_assert_cmpint(qdict_get_int(ret, "i"), ==, -5);
    g_assert_cmpstr(qdict_get_str(ret, "e"), ==, "green");
    qobject_unref(ret);
}

static void test_args_enum(void)
{
    assert_args_error("{'s': 'x', 'e': 'blue'}",
                      "Parameter 'e' does not accept value 'blue'");
    assert_args_error("{'s': 'x', 'el': ['red', 'blue']}",
                      "Parameter 'el[1]' does not accept value 'blue'");
}

/* Request validation, in the texts of interfaces.md 3.3 */

static void test_request_validation(void)
{
    assert_request_error("null", "GenericError",
                         "QMP input must be a JSON object");
    assert_request_error("[]", "GenericError",
                         "QMP input must be a JSON object");
    assert_request_error("1", "GenericError",
                         "QMP input must be a JSON object");
    assert_request_error("{}", "GenericError",
                         "QMP input lacks member 'execute'");
    assert_request_error("{'id': 1}", "GenericError",
                         "QMP input lacks member 'execute'");
    assert_request_error("{'execute': true}", "GenericError",
                         "QMP input member 'execute' must be a string");
    assert_request_error("{'execute': 'no-such-cmd', 'arguments': []}",
                         "GenericError",
                         "QMP input member 'arguments' must be an object");
    assert_request_error("{'execute': 'no-such-cmd', 'extra': true}",
                         "GenericError",
                         "QMP input member 'extra' is unexpected");
    assert_request_error("{'execute': 'no-such-cmd'}", "CommandNotFound",
                         "The command no-such-cmd has not been found");
    assert_request_error("{'execute': 'test-fail'}", "DeviceNotFound",
                         "Device 'x' not found");
}

static void test_request_oob(void)
{
    QDict *rsp;

    /* Without OOB enabled "exec-oob" is just an unknown member. */
    assert_request_error("{'exec-oob': 'test-nothing'}", "GenericError",
                         "QMP input member 'exec-oob' is unexpected");

    rsp = request("{'exec-oob': 'test-echo'}", true, false);
    assert_error(rsp, "GenericError",
                 "The command test-echo does not support OOB");
    qobject_unref(rsp);

    /* QEMU's member order puts exec-oob first, whatever the input. */
    rsp = request("{'execute': 'test-nothing', 'exec-oob': 'test-nothing'}",
                  true, false);
    assert_error(rsp, "GenericError",
                 "QMP input member 'execute' clashes with 'exec-oob'");
    qobject_unref(rsp);
    rsp = request("{'exec-oob': 'test-nothing', 'execute': 'test-nothing'}",
                  true, false);
    assert_error(rsp, "GenericError",
                 "QMP input member 'execute' clashes with 'exec-oob'");
    qobject_unref(rsp);

    rsp = request("{'exec-oob': 'test-nothing', 'id': 'o'}", true, false);
    g_assert_cmpint(qdict_size(qdict_get_qdict(rsp, "return")), ==, 0);
    g_assert_cmpstr(qdict_get_str(rsp, "id"), ==, "o");
    qobject_unref(rsp);
}

static void test_negotiation(void)
{
    QDict *rsp;

    rsp = request("{'execute': 'query-version'}", false, true);
    assert_error(rsp, "CommandNotFound",
                 "Expecting capabilities negotiation with "
                 "'qmp_capabilities'");
    qobject_unref(rsp);

    rsp = request("{'execute': 'no-such-cmd', 'id': 3}", false, true);
    assert_error(rsp, "CommandNotFound",
                 "Expecting capabilities negotiation with "
                 "'qmp_capabilities'");
    g_assert_cmpint(qdict_get_int(rsp, "id"), ==, 3);
    qobject_unref(rsp);

    rsp = request("{'execute': 'qmp_capabilities'}", false, true);
    g_assert_cmpint(qdict_size(qdict_get_qdict(rsp, "return")), ==, 0);
    qobject_unref(rsp);

    /* Malformed requests get their own error even while negotiating. */
    rsp = request("{'execute': 'qmp_capabilities', 'extra': 1}", false,
                  true);
    assert_error(rsp, "GenericError", "QMP input member 'extra' is unexpected");
    qobject_unref(rsp);

    rsp = request("{'execute': 'qmp_capabilities', "
                  "'arguments': {'enable': ['cap-does-not-exist']}}",
                  false, true);
    assert_error(rsp, "GenericError",
                 "Parameter 'enable[0]' does not accept value "
                 "'cap-does-not-exist'");
    qobject_unref(rsp);

    /* No QMP server session: nothing is offered. */
    rsp = request("{'execute': 'qmp_capabilities', "
                  "'arguments': {'enable': ['oob']}}", false, true);
    assert_error(rsp, "GenericError", "Capability oob not available");
    qobject_unref(rsp);

    rsp = request("{'execute': 'qmp_capabilities'}", false, false);
    assert_error(rsp, "CommandNotFound",
                 "Capabilities negotiation is already complete, command "
                 "ignored");
    qobject_unref(rsp);
}

static void test_id_echo(void)
{
    static const char *const ids[] = {
        "'cookie#1'", "2", "-1.5", "true", "null", "[1, 'x']",
        "{'a': {'b': []}}",
    };
    size_t i;

    for (i = 0; i < ARRAY_SIZE(ids); i++) {
        g_autofree char *ok = g_strdup_printf(
            "{'execute': 'test-nothing', 'id': %s}", ids[i]);
        g_autofree char *bad = g_strdup_printf(
            "{'execute': 'no-such-cmd', 'id': %s}", ids[i]);
        QObject *id = qobject_from_json(ids[i], &error_abort);
        QDict *rsp;

        rsp = request(ok, false, false);
        g_assert_true(qobject_is_equal(qdict_get(rsp, "id"), id));
        g_assert_true(qdict_haskey(rsp, "return"));
        qobject_unref(rsp);

        rsp = request(bad, false, false);
        g_assert_true(qobject_is_equal(qdict_get(rsp, "id"), id));
        g_assert_true(qdict_haskey(rsp, "error"));
        qobject_unref(rsp);
        qobject_unref(id);
    }
}

static void test_reply_text(void)
{
    g_autofree char *empty = reply_text("{'execute': 'test-nothing'}");
    g_autofree char *with_id =
        reply_text("{'execute': 'test-nothing', 'id': 'cookie#1'}");
    g_autofree char *err =
        reply_text("{'execute': 'human-monitor-command', 'id': 2}");

    g_assert_cmpstr(empty, ==, "{\"return\": {}}");
    g_assert_cmpstr(with_id, ==, "{\"return\": {}, \"id\": \"cookie#1\"}");
    g_assert_cmpstr(err, ==,
                    "{\"id\": 2, \"error\": {\"class\": \"GenericError\", "
                    "\"desc\": \"Parameter 'command-line' is missing\"}}");
}

static QDict *captured_event;

static void capture_event(QDict *event)
{
    qobject_unref(captured_event);
    captured_event = qobject_ref(event);
}

static void test_event(void)
{
    void (*old)(QDict *) = qapi_event_emit_hook;
    gint64 before = g_get_real_time() / G_USEC_PER_SEC;
    QDict *data = qdict_new();
    QDict *ts;

    qapi_event_emit_hook = capture_event;
    qdict_put_bool(data, "guest", false);
    qapi_event_send("SHUTDOWN", data);
    g_assert_nonnull(captured_event);
    ts = qdict_get_qdict(captured_event, "timestamp");
    g_assert_cmpint(qdict_get_int(ts, "seconds"), >=, before);
    g_assert_cmpint(qdict_get_int(ts, "microseconds"), >=, 0);
    g_assert_cmpint(qdict_get_int(ts, "microseconds"), <, G_USEC_PER_SEC);
    g_assert_cmpstr(qdict_get_str(captured_event, "event"), ==, "SHUTDOWN");
    g_assert_false(qdict_get_bool(qdict_get_qdict(captured_event, "data"),
                                  "guest"));

    qapi_event_send("STOP", NULL);
    g_assert_cmpstr(qdict_get_str(captured_event, "event"), ==, "STOP");
    g_assert_false(qdict_haskey(captured_event, "data"));
    qobject_unref(captured_event);
    captured_event = NULL;
    qapi_event_emit_hook = old;
}

/* Core commands */

static void test_query_version(void)
{
    g_autofree char *text = reply_text("{'execute': 'query-version'}");
    g_autofree char *expect = g_strdup_printf(
        "{\"return\": {\"qemu\": {\"micro\": %d, \"minor\": %d, "
        "\"major\": %d}, \"package\": \"%s\"}}", QEMU_VERSION_MICRO,
        QEMU_VERSION_MINOR, QEMU_VERSION_MAJOR, QEMU_PKGVERSION);

    g_assert_cmpstr(text, ==, expect);
}

static void test_query_commands(void)
{
    QObject *ret = command_return("{'execute': 'query-commands'}");
    const char *prev = "";
    size_t i;

    g_assert_nonnull(find_named(ret, "qmp_capabilities"));
    g_assert_nonnull(find_named(ret, "qom-list"));
    g_assert_nonnull(find_named(ret, "test-echo"));
    for (i = 0; i < qlist_size(ret); i++) {
        const char *name = qdict_get_str(qlist_get(ret, i), "name");

        g_assert_cmpint(strcmp(prev, name), <, 0);
        prev = name;
    }
    qobject_unref(ret);
}

static void test_hmp_via_qmp(void)
{
    QObject *ret;
    g_autofree char *expect = g_strdup_printf("%s%s\r\n", QEMU_VERSION,
                                              QEMU_PKGVERSION);

    ret = command_return("{'execute': 'human-monitor-command', "
                         "'arguments': {'command-line': 'info version'}}");
    g_assert_cmpstr(qstring_get_str(ret), ==, expect);
    qobject_unref(ret);

    ret = command_return("{'execute': 'human-monitor-command', "
                         "'arguments': {'command-line': 'frobnicate 1'}}");
    g_assert_cmpstr(qstring_get_str(ret), ==,
                    "unknown command: 'frobnicate'\r\n");
    qobject_unref(ret);

    ret = command_return("{'execute': 'human-monitor-command', "
                         "'arguments': {'command-line': 'info nope'}}");
    g_assert_cmpstr(qstring_get_str(ret), ==,
                    "unknown command: 'info nope'\r\n");
    qobject_unref(ret);

    ret = command_return("{'execute': 'human-monitor-command', "
                         "'arguments': {'command-line': ''}}");
    g_assert_cmpstr(qstring_get_str(ret), ==, "");
    qobject_unref(ret);

    ret = command_return("{'execute': 'human-monitor-command', "
                         "'arguments': {'command-line': 'info'}}");
    g_assert_nonnull(strstr(qstring_get_str(ret),
                            "info version  -- show the version of QEMU\r\n"));
    g_assert_nonnull(strstr(qstring_get_str(ret), "info qom-tree [path]"));
    qobject_unref(ret);

    ret = command_return("{'execute': 'human-monitor-command', "
                         "'arguments': {'command-line': 'help'}}");
    g_assert_nonnull(strstr(qstring_get_str(ret),
                            "help|? [cmd] -- show the help\r\n"));
    qobject_unref(ret);

    assert_request_error("{'execute': 'human-monitor-command', "
                         "'arguments': {'command-line': 'help', "
                         "'cpu-index': -1}}", "GenericError",
                         "Parameter 'cpu-index' expects a CPU number");
}

static void test_hmp_registration(void)
{
    static const HMPCommand late_cmd = {
        "late-cmd|lc", "", "registered after start", NULL
    };
    static const HMPCommand late_info = {
        "info late", "", "a late info command", NULL
    };
    g_autofree char *help = NULL;
    g_autofree char *info_help = NULL;

    hmp_register_command(&late_cmd);
    hmp_register_info(&late_info);
    help = hmp_run_command_line("help lc");
    g_assert_cmpstr(help, ==, "late-cmd|lc  -- registered after start\r\n");
    info_help = hmp_run_command_line("help info late");
    g_assert_cmpstr(info_help, ==, "info late  -- a late info command\r\n");
}

/* The QOM tree: /test-tree/{a,b}, each with a child "leaf". */
static void build_tree(void)
{
    Object *tree = object_new(TYPE_CONTAINER);
    Object *a = object_new(TYPE_TEST_QMP_OBJ);
    Object *b = object_new(TYPE_CONTAINER);
    Object *leaf1 = object_new(TYPE_TEST_QMP_OBJ);
    Object *leaf2 = object_new(TYPE_TEST_QMP_OBJ);

    object_property_add_child(object_get_root(), "test-tree", tree);
    object_property_add_child(tree, "a", a);
    object_property_add_child(tree, "b", b);
    object_property_add_child(a, "leaf", leaf1);
    object_property_add_child(b, "leaf", leaf2);
    object_unref(tree);
    object_unref(a);
    object_unref(b);
    object_unref(leaf1);
    object_unref(leaf2);
}

static void test_qom_list(void)
{
    QObject *ret = command_return("{'execute': 'qom-list', "
                                  "'arguments': {'path': '/test-tree/a'}}");
    QDict *entry;

    entry = find_named(ret, "leaf");
    g_assert_nonnull(entry);
    g_assert_cmpstr(qdict_get_str(entry, "type"), ==, "child<test-qmp-obj>");
    g_assert_cmpint(qdict_size(entry), ==, 2);
    g_assert_cmpstr(qdict_get_str(find_named(ret, "flag"), "type"), ==,
                    "bool");
    g_assert_cmpstr(qdict_get_str(find_named(ret, "label"), "type"), ==,
                    "string");
    g_assert_cmpstr(qdict_get_str(find_named(ret, "type"), "type"), ==,
                    "string");
    qobject_unref(ret);

    /* Empty components are ignored. */
    ret = command_return("{'execute': 'qom-list', "
                         "'arguments': {'path': '//test-tree//b'}}");
    g_assert_nonnull(find_named(ret, "leaf"));
    qobject_unref(ret);

    assert_request_error("{'execute': 'qom-list', "
                         "'arguments': {'path': '/test-tree/nope'}}",
                         "DeviceNotFound",
                         "Device '/test-tree/nope' not found");
    assert_request_error("{'execute': 'qom-list', "
                         "'arguments': {'path': 'leaf'}}",
                         "GenericError", "Path 'leaf' is ambiguous");
}

static void test_qom_get_set(void)
{
    QObject *ret;

    ret = command_return("{'execute': 'qom-get', 'arguments': "
                         "{'path': '/test-tree/a', 'property': 'label'}}");
    g_assert_cmpstr(qstring_get_str(ret), ==, "hello");
    qobject_unref(ret);

    ret = command_return("{'execute': 'qom-get', 'arguments': "
                         "{'path': '/test-tree/a/leaf', "
                         "'property': 'flag'}}");
    g_assert_false(qbool_get_bool(ret));
    qobject_unref(ret);

    ret = command_return("{'execute': 'qom-set', 'arguments': "
                         "{'path': '/test-tree/a/leaf', "
                         "'property': 'flag', 'value': true}}");
    g_assert_cmpint(qdict_size(ret), ==, 0);
    qobject_unref(ret);

    ret = command_return("{'execute': 'qom-get', 'arguments': "
                         "{'path': '/test-tree/a/leaf', "
                         "'property': 'flag'}}");
    g_assert_true(qbool_get_bool(ret));
    qobject_unref(ret);

    /* The other leaf is untouched. */
    ret = command_return("{'execute': 'qom-get', 'arguments': "
                         "{'path': '/test-tree/b/leaf', "
                         "'property': 'flag'}}");
    g_assert_false(qbool_get_bool(ret));
    qobject_unref(ret);

    assert_request_error("{'execute': 'qom-set', 'arguments': "
                         "{'path': '/test-tree/a', 'property': 'flag'}}",
                         "GenericError", "Parameter 'value' is missing");
    assert_request_error("{'execute': 'qom-get', 'arguments': "
                         "{'path': '/nope', 'property': 'flag'}}",
                         "DeviceNotFound", "Device '/nope' not found");
}

static void test_qom_get_errors(void)
{
    QDict *rsp;

    rsp = request("{'execute': 'qom-get', 'arguments': "
                  "{'path': '/test-tree/a', 'property': 'nope'}}",
                  false, false);
    g_assert_cmpstr(qdict_get_str(qdict_get_qdict(rsp, "error"), "class"),
                    ==, "GenericError");
    qobject_unref(rsp);

    /* A read-only property refuses qom-set. */
    rsp = request("{'execute': 'qom-set', 'arguments': "
                  "{'path': '/test-tree/a', 'property': 'label', "
                  "'value': 'x'}}", false, false);
    g_assert_true(qdict_haskey(rsp, "error"));
    qobject_unref(rsp);
}

static void test_qom_list_types(void)
{
    QObject *ret;
    QDict *entry;

    ret = command_return("{'execute': 'qom-list-types', "
                         "'arguments': {'implements': 'test-qmp-base'}}");
    g_assert_cmpint(qlist_size(ret), ==, 1);
    entry = find_named(ret, TYPE_TEST_QMP_OBJ);
    g_assert_nonnull(entry);
    g_assert_cmpstr(qdict_get_str(entry, "parent"), ==, TYPE_TEST_QMP_BASE);
    g_assert_false(qdict_haskey(entry, "abstract"));
    qobject_unref(ret);

    ret = command_return("{'execute': 'qom-list-types', 'arguments': "
                         "{'implements': 'test-qmp-base', "
                         "'abstract': true}}");
    g_assert_cmpint(qlist_size(ret), ==, 2);
    entry = find_named(ret, TYPE_TEST_QMP_BASE);
    g_assert_true(qdict_get_bool(entry, "abstract"));
    g_assert_cmpstr(qdict_get_str(entry, "parent"), ==, TYPE_OBJECT);
    qobject_unref(ret);

    ret = command_return("{'execute': 'qom-list-types'}");
    g_assert_nonnull(find_named(ret, TYPE_TEST_QMP_DEV));
    g_assert_null(find_named(ret, TYPE_TEST_QMP_BASE));
    g_assert_null(find_named(ret, TYPE_OBJECT));
    qobject_unref(ret);

    ret = command_return("{'execute': 'qom-list-types', "
                         "'arguments': {'implements': 'no-such-type'}}");
    g_assert_cmpint(qlist_size(ret), ==, 0);
    qobject_unref(ret);
}

static void test_qom_list_properties(void)
{
    QObject *ret;
    QDict *entry;

    ret = command_return("{'execute': 'qom-list-properties', "
                         "'arguments': {'typename': 'test-qmp-obj'}}");
    entry = find_named(ret, "flag");
    g_assert_nonnull(entry);
    g_assert_cmpstr(qdict_get_str(entry, "type"), ==, "bool");
    g_assert_cmpstr(qdict_get_str(entry, "description"), ==, "a test flag");
    /* Instance properties too: the type was instantiated. */
    g_assert_nonnull(find_named(ret, "label"));
    qobject_unref(ret);

    /* An abstract class lists its class properties only. */
    ret = command_return("{'execute': 'qom-list-properties', "
                         "'arguments': {'typename': 'test-qmp-base'}}");
    g_assert_null(find_named(ret, "label"));
    qobject_unref(ret);

    assert_request_error("{'execute': 'qom-list-properties', "
                         "'arguments': {'typename': 'nope'}}",
                         "DeviceNotFound", "Class 'nope' not found");
}

static void test_device_list_properties(void)
{
    QObject *ret;
    QDict *entry;

    ret = command_return("{'execute': 'device-list-properties', "
                         "'arguments': {'typename': 'test-qmp-dev'}}");
    entry = find_named(ret, "freq");
    g_assert_nonnull(entry);
    g_assert_cmpstr(qdict_get_str(entry, "type"), ==, "uint32");
    g_assert_cmpint(qdict_get_int(entry, "default-value"), ==, 42);
    g_assert_null(find_named(ret, "type"));
    g_assert_null(find_named(ret, "realized"));
    g_assert_null(find_named(ret, "hotpluggable"));
    g_assert_null(find_named(ret, "hotplugged"));
    g_assert_null(find_named(ret, "parent_bus"));
    g_assert_null(find_named(ret, "legacy-freq"));
    qobject_unref(ret);

    assert_request_error("{'execute': 'device-list-properties', "
                         "'arguments': {'typename': 'nope'}}",
                         "DeviceNotFound", "Device 'nope' not found");
    assert_request_error("{'execute': 'device-list-properties', "
                         "'arguments': {'typename': 'test-qmp-obj'}}",
                         "GenericError",
                         "Parameter 'typename' expects device");
    assert_request_error("{'execute': 'device-list-properties', "
                         "'arguments': {'typename': 'device'}}",
                         "GenericError",
                         "Parameter 'typename' expects non-abstract device "
                         "type");
}

/* An in-memory chardev that takes at most "room" bytes per write. */

#define TYPE_TEST_CHARDEV_SOCKET "chardev-test-socket"
#define TYPE_TEST_CHARDEV_PLAIN "chardev-test-plain"

typedef struct TestChardev {
    Chardev parent_obj;
    GString *out;
    int room;               /* -1: unlimited */
} TestChardev;

static int test_chr_write(Chardev *chr, const uint8_t *buf, int len)
{
    TestChardev *t = (TestChardev *)chr;
    int n = t->room < 0 ? len : MIN(len, t->room);

    g_string_append_len(t->out, (const char *)buf, n);
    return n;
}

/* A source that is always ready and calls an FEWatchFunc. */
static gboolean test_watch_prepare(GSource *source, gint *timeout)
{
    *timeout = 0;
    return TRUE;
}

static gboolean test_watch_dispatch(GSource *source, GSourceFunc callback,
                                    gpointer user_data)
{
    FEWatchFunc *func = (FEWatchFunc *)(void (*)(void))callback;

    return func(NULL, G_IO_OUT, user_data);
}

static GSourceFuncs test_watch_funcs = {
    .prepare = test_watch_prepare,
    .dispatch = test_watch_dispatch,
};

static GSource *test_chr_add_watch(Chardev *chr, GIOCondition cond)
{
    return g_source_new(&test_watch_funcs, sizeof(GSource));
}

static void test_chr_init(Object *obj)
{
    TestChardev *t = (TestChardev *)obj;

    t->out = g_string_new(NULL);
    t->room = -1;
}

static void test_chr_finalize(Object *obj)
{
    g_string_free(((TestChardev *)obj)->out, true);
}

static void test_chr_class_init(ObjectClass *klass, const void *data)
{
    ChardevClass *cc = CHARDEV_CLASS(klass);

    cc->internal = true;
    cc->backend_name = data;
    cc->chr_write = test_chr_write;
    cc->chr_add_watch = test_chr_add_watch;
}

static const TypeInfo test_chardev_types[] = {
    {
        .name = TYPE_TEST_CHARDEV_SOCKET,
        .parent = TYPE_CHARDEV,
        .instance_size = sizeof(TestChardev),
        .instance_init = test_chr_init,
        .instance_finalize = test_chr_finalize,
        .class_init = test_chr_class_init,
        .class_data = "socket",
    }, {
        .name = TYPE_TEST_CHARDEV_PLAIN,
        .parent = TYPE_CHARDEV,
        .instance_size = sizeof(TestChardev),
        .instance_init = test_chr_init,
        .instance_finalize = test_chr_finalize,
        .class_init = test_chr_class_init,
        .class_data = "testbuf",
    },
};

static TestChardev *test_chr_new(const char *type, const char *label)
{
    TestChardev *t = (TestChardev *)object_new(type);

    t->parent_obj.label = g_strdup(label);
    return t;
}

/* Everything written so far, then forget it. */
static char *test_chr_take(TestChardev *t)
{
    char *text = g_strdup(t->out->str);

    g_string_truncate(t->out, 0);
    return text;
}

static void test_chr_feed(TestChardev *t, const char *text)
{
    qemu_chr_be_write(&t->parent_obj, (const uint8_t *)text, strlen(text));
}

static void assert_output(TestChardev *t, const char *expect)
{
    g_autofree char *text = test_chr_take(t);

    g_assert_cmpstr(text, ==, expect);
}

static char *greeting(const char *caps)
{
    return g_strdup_printf("{\"QMP\": {\"version\": {\"qemu\": "
                           "{\"micro\": %d, \"minor\": %d, \"major\": %d}, "
                           "\"package\": \"%s\"}, \"capabilities\": [%s]}}"
                           "\r\n", QEMU_VERSION_MICRO, QEMU_VERSION_MINOR,
                           QEMU_VERSION_MAJOR, QEMU_PKGVERSION, caps);
}

static void test_qmp_server_session(void)
{
    TestChardev *t = test_chr_new(TYPE_TEST_CHARDEV_SOCKET, "qmp-sock");
    Chardev *chr = &t->parent_obj;
    g_autofree char *greet = greeting("\"oob\"");
    g_autofree char *event = NULL;
    g_autofree char *errors = NULL;
    Monitor *mon;

    mon = monitor_new(chr, true, false, &error_abort);
    g_assert_nonnull(mon);
    g_assert_cmpstr(t->out->str, ==, "");

    qemu_chr_be_event(chr, CHR_EVENT_OPENED);
    assert_output(t, greet);

    /* Events are held back while negotiating. */
    qapi_event_send("STOP", NULL);
    assert_output(t, "");

    test_chr_feed(t, "{'execute': 'query-version'}");
    assert_output(t, "{\"error\": {\"class\": \"CommandNotFound\", \"desc\": "
                  "\"Expecting capabilities negotiation with "
                  "'qmp_capabilities'\"}}\r\n");

    /* Two requests in one chunk, the second split across feeds. */
    test_chr_feed(t, "{\"execute\": \"qmp_capabilities\", "
                  "\"arguments\": {\"enable\": [\"oob\"]}}{\"execute\": "
                  "\"qmp_cap");
    assert_output(t, "{\"return\": {}}\r\n");
    test_chr_feed(t, "abilities\", \"id\": 7}");
    assert_output(t, "{\"id\": 7, \"error\": {\"class\": \"CommandNotFound\", "
                  "\"desc\": \"Capabilities negotiation is already "
                  "complete, command ignored\"}}\r\n");

    /* OOB is on: exec-oob is checked against the command. */
    test_chr_feed(t, "{'exec-oob': 'query-commands'}");
    assert_output(t, "{\"error\": {\"class\": \"GenericError\", \"desc\": "
                  "\"The command query-commands does not support OOB\"}}"
                  "\r\n");

    qapi_event_send("STOP", NULL);
    event = test_chr_take(t);
    g_assert_true(g_str_has_prefix(event, "{\"timestamp\": {\"seconds\": "));
    g_assert_true(g_str_has_suffix(event, "\"event\": \"STOP\"}\r\n"));

    /* One error for a parse error, then the parser has recovered. */
    test_chr_feed(t, "{]\n{'execute': 'no-such-cmd'}");
    errors = test_chr_take(t);
    g_assert_true(g_str_has_prefix(errors, "{\"error\": {\"class\": "
                                   "\"GenericError\", \"desc\": "
                                   "\"JSON parse error"));
    g_assert_true(g_str_has_suffix(errors, "\"}}\r\n{\"error\": {\"class\": "
                                   "\"CommandNotFound\", \"desc\": "
                                   "\"The command no-such-cmd has not "
                                   "been found\"}}\r\n"));
    g_assert_true(strstr(strstr(errors, "\r\n") + 2, "\r\n") ==
                  errors + strlen(errors) - 2);

    /* A new connection starts over. */
    qemu_chr_be_event(chr, CHR_EVENT_CLOSED);
    qapi_event_send("STOP", NULL);
    assert_output(t, "");
    qemu_chr_be_event(chr, CHR_EVENT_OPENED);
    assert_output(t, greet);
    test_chr_feed(t, "{'execute': 'query-commands'}");
    assert_output(t, "{\"error\": {\"class\": \"CommandNotFound\", \"desc\": "
                  "\"Expecting capabilities negotiation with "
                  "'qmp_capabilities'\"}}\r\n");

    monitor_cleanup();
    object_unref(chr);
}

static void test_qmp_server_no_oob(void)
{
    TestChardev *t = test_chr_new(TYPE_TEST_CHARDEV_PLAIN, "qmp-plain");
    Chardev *chr = &t->parent_obj;
    g_autofree char *greet = greeting("");

    monitor_new(chr, true, false, &error_abort);
    qemu_chr_be_event(chr, CHR_EVENT_OPENED);
    assert_output(t, greet);
    test_chr_feed(t, "{'execute': 'qmp_capabilities', "
                  "'arguments': {'enable': ['oob']}}");
    assert_output(t, "{\"error\": {\"class\": \"GenericError\", \"desc\": "
                  "\"Capability oob not available\"}}\r\n");
    /* Still negotiating after the failure. */
    test_chr_feed(t, "{'execute': 'qmp_capabilities'}"
                  "{'exec-oob': 'query-version'}");
    assert_output(t, "{\"return\": {}}\r\n{\"error\": {\"class\": "
                  "\"GenericError\", \"desc\": \"QMP input member "
                  "'exec-oob' is unexpected\"}}\r\n");
    monitor_cleanup();
    object_unref(chr);
}

static void test_qmp_server_pretty(void)
{
    TestChardev *t = test_chr_new(TYPE_TEST_CHARDEV_PLAIN, "qmp-pretty");
    Chardev *chr = &t->parent_obj;
    g_autofree char *text = NULL;
    const char *p;

    monitor_new(chr, true, true, &error_abort);
    qemu_chr_be_event(chr, CHR_EVENT_OPENED);
    text = test_chr_take(t);
    g_assert_true(g_str_has_prefix(text, "{\r\n    \"QMP\": {\r\n"));
    g_assert_true(g_str_has_suffix(text, "}\r\n"));
    for (p = strchr(text, '\n'); p; p = strchr(p + 1, '\n')) {
        g_assert_cmpint(p[-1], ==, '\r');
    }
    monitor_cleanup();
    object_unref(chr);
}

/* A client that takes few bytes at a time loses nothing. */
static void test_qmp_server_slow_client(void)
{
    TestChardev *t = test_chr_new(TYPE_TEST_CHARDEV_PLAIN, "qmp-slow");
    Chardev *chr = &t->parent_obj;
    g_autofree char *greet = greeting("");
    g_autoptr(GString) expect = g_string_new(greet);
    int i;

    monitor_new(chr, true, false, &error_abort);
    t->room = 0;
    qemu_chr_be_event(chr, CHR_EVENT_OPENED);
    for (i = 0; i < 20; i++) {
        g_autofree char *req = g_strdup_printf(
            "{'execute': 'qmp_capabilities', 'id': %d}", i);

        test_chr_feed(t, req);
        g_string_append_printf(expect, i == 0 ? "{\"return\": {}, "
                               "\"id\": %d}\r\n" : "{\"id\": %d, "
                               "\"error\": {\"class\": \"CommandNotFound\", "
                               "\"desc\": \"Capabilities negotiation is "
                               "already complete, command ignored\"}}\r\n",
                               i);
    }
    g_assert_cmpstr(t->out->str, ==, "");
    t->room = 7;
    for (i = 0; i < 10000 && t->out->len < expect->len; i++) {
        g_main_context_iteration(NULL, false);
    }
    g_assert_cmpstr(t->out->str, ==, expect->str);
    monitor_cleanup();
    object_unref(chr);
}

static void test_hmp_server(void)
{
    TestChardev *t = test_chr_new(TYPE_TEST_CHARDEV_PLAIN, "hmp");
    Chardev *chr = &t->parent_obj;
    g_autofree char *greet = g_strdup_printf(
        "QEMU %s monitor - type 'help' for more information\r\n(qemu) ",
        QEMU_VERSION);
    g_autofree char *version = g_strdup_printf(
        "info version\r\n%s%s\r\n(qemu) ", QEMU_VERSION, QEMU_PKGVERSION);
    g_autofree char *edited = g_strdup_printf(
        "infx\b \bo version\r\n%s%s\r\n(qemu) ", QEMU_VERSION,
        QEMU_PKGVERSION);

    monitor_new(chr, false, false, &error_abort);
    qemu_chr_be_event(chr, CHR_EVENT_OPENED);
    assert_output(t, greet);

    test_chr_feed(t, "info version\r\n");
    assert_output(t, version);

    /* Backspace edits, cursor keys are ignored. */
    test_chr_feed(t, "infx\x7fo\x1b[A version\n");
    assert_output(t, edited);

    test_chr_feed(t, "bogus\r");
    assert_output(t, "bogus\r\nunknown command: 'bogus'\r\n(qemu) ");

    /* The LF of a CRLF split across reads is not a second line... */
    test_chr_feed(t, "\n");
    assert_output(t, "");
    /* ...but an empty line alone still gets a new prompt. */
    test_chr_feed(t, "\n");
    assert_output(t, "\r\n(qemu) ");
    monitor_cleanup();
    object_unref(chr);
}

/* On a mux, output waits while another front end has the focus. */
static void test_hmp_mux_focus(void)
{
    TestChardev *t = test_chr_new(TYPE_TEST_CHARDEV_PLAIN, "hmp-mux");
    Chardev *chr = &t->parent_obj;
    g_autofree char *greet = g_strdup_printf(
        "QEMU %s monitor - type 'help' for more information\r\n(qemu) ",
        QEMU_VERSION);

    monitor_new(chr, false, false, &error_abort);
    /* The serial port took the focus before the mux opened. */
    qemu_chr_be_event(chr, CHR_EVENT_MUX_OUT);
    qemu_chr_be_event(chr, CHR_EVENT_OPENED);
    assert_output(t, "");
    qemu_chr_be_event(chr, CHR_EVENT_MUX_IN);
    assert_output(t, greet);

    test_chr_feed(t, "inf");
    assert_output(t, "inf");
    qemu_chr_be_event(chr, CHR_EVENT_MUX_OUT);
    assert_output(t, "\r\n");
    /* Coming back starts a fresh line. */
    qemu_chr_be_event(chr, CHR_EVENT_MUX_IN);
    assert_output(t, "(qemu) ");
    test_chr_feed(t, "bogus\r");
    assert_output(t, "bogus\r\nunknown command: 'bogus'\r\n(qemu) ");
    monitor_cleanup();
    object_unref(chr);
}

static void test_monitor_init_opts(void)
{
    g_autoptr(QemuOpts) missing = qemu_opts_parse("mode=control", NULL,
                                                  &error_abort);
    g_autoptr(QemuOpts) unknown = qemu_opts_parse("chardev=nochr", NULL,
                                                  &error_abort);
    g_autoptr(QemuOpts) badmode = qemu_opts_parse("chardev=x,mode=fancy",
                                                  NULL, &error_abort);
    Error *err = NULL;

    g_assert_false(monitor_init_opts(missing, &err));
    g_assert_cmpstr(error_get_pretty(err), ==,
                    "Parameter 'chardev' is missing");
    error_free_or_abort(&err);
    g_assert_false(monitor_init_opts(unknown, &err));
    g_assert_cmpstr(error_get_pretty(err), ==,
                    "chardev \"nochr\" not found");
    error_free_or_abort(&err);
    g_assert_false(monitor_init_opts(badmode, &err));
    g_assert_cmpstr(error_get_pretty(err), ==,
                    "Parameter 'mode' does not accept value 'fancy'");
    error_free_or_abort(&err);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);

    type_register_static_array(test_types, ARRAY_SIZE(test_types));
    type_register_static_array(test_chardev_types,
                               ARRAY_SIZE(test_chardev_types));
    module_call_init(MODULE_INIT_QOM);
    monitor_register_core_commands();
    qmp_register_commands(test_commands, ARRAY_SIZE(test_commands));
    build_tree();

    g_test_add_func("/qmp/args/missing", test_args_missing);
    g_test_add_func("/qmp/args/unexpected", test_args_unexpected);
    g_test_add_func("/qmp/args/types", test_args_types);
    g_test_add_func("/qmp/args/enum", test_args_enum);
    g_test_add_func("/qmp/request/validation", test_request_validation);
    g_test_add_func("/qmp/request/oob", test_request_oob);
    g_test_add_func("/qmp/request/negotiation", test_negotiation);
    g_test_add_func("/qmp/request/id-echo", test_id_echo);
    g_test_add_func("/qmp/request/reply-text", test_reply_text);
    g_test_add_func("/qmp/event", test_event);
    g_test_add_func("/qmp/cmd/query-version", test_query_version);
    g_test_add_func("/qmp/cmd/query-commands", test_query_commands);
    g_test_add_func("/qmp/cmd/human-monitor-command", test_hmp_via_qmp);
    g_test_add_func("/qmp/cmd/hmp-registration", test_hmp_registration);
    g_test_add_func("/qmp/qom/list", test_qom_list);
    g_test_add_func("/qmp/qom/get-set", test_qom_get_set);
    g_test_add_func("/qmp/qom/get-errors", test_qom_get_errors);
    g_test_add_func("/qmp/qom/list-types", test_qom_list_types);
    g_test_add_func("/qmp/qom/list-properties", test_qom_list_properties);
    g_test_add_func("/qmp/qom/device-list-properties",
                    test_device_list_properties);
    g_test_add_func("/monitor/qmp/session", test_qmp_server_session);
    g_test_add_func("/monitor/qmp/no-oob", test_qmp_server_no_oob);
    g_test_add_func("/monitor/qmp/pretty", test_qmp_server_pretty);
    g_test_add_func("/monitor/qmp/slow-client", test_qmp_server_slow_client);
    g_test_add_func("/monitor/hmp/line-input", test_hmp_server);
    g_test_add_func("/monitor/hmp/mux-focus", test_hmp_mux_focus);
    g_test_add_func("/monitor/init-opts", test_monitor_init_opts);

    return g_test_run();
}
