/*
 * The QOM tree over QMP: listing, reading every property, setting one,
 * path forms, type listings.
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include "qemu/osdep.h"
#include "libqtest.h"

static const char *board(void)
{
    return strcmp(qtest_get_arch(), "aarch64") == 0 ? "virt" : "pc";
}

/*
 * List @path, read each property, recurse into children.  Returns the
 * number of objects seen.  Every qom-get must answer (value or error).
 */
static int walk_tree(QTestState *qts, const char *path, int depth)
{
    QDict *resp = qtest_qmp(qts, "{'execute': 'qom-list',"
                            " 'arguments': {'path': %s}}", path);
    QList *props = qdict_get_qlist(resp, "return");
    int objects = 1;
    bool has_type = false;
    size_t i;

    g_assert(props);
    g_assert_cmpint(depth, <, 32);
    for (i = 0; i < qlist_size(props); i++) {
        QDict *prop = qobject_to(QDict, qlist_get(props, i));
        const char *name = qdict_get_str(prop, "name");
        const char *type = qdict_get_str(prop, "type");
        g_autofree char *child = g_strdup_printf("%s/%s",
                                                 strcmp(path, "/") ?
                                                 path : "", name);

        if (!strcmp(name, "type")) {
            has_type = true;
            g_assert_cmpstr(type, ==, "string");
        }
        if (g_str_has_prefix(type, "child<")) {
            objects += walk_tree(qts, child, depth + 1);
        } else if (!g_str_has_prefix(type, "link<")) {
            QDict *got = qtest_qmp(qts, "{'execute': 'qom-get',"
                                   " 'arguments': {'path': %s,"
                                   " 'property': %s}}", path, name);

            g_assert(qdict_haskey(got, "return") ||
                     qdict_haskey(got, "error"));
            qobject_unref(got);
        }
    }
    g_assert(has_type);
    qobject_unref(resp);
    return objects;
}

static void test_walk_board(const void *data)
{
    const char *machine = data;
    g_autofree char *args = g_strdup_printf("-machine %s", machine);
    QTestState *qts = qtest_init(args);

    g_assert_cmpint(walk_tree(qts, "/machine", 0), >, 3);
    qtest_quit(qts);
}

static char *qom_get_str(QTestState *qts, const char *path,
                         const char *prop)
{
    QDict *resp = qtest_qmp(qts, "{'execute': 'qom-get', 'arguments':"
                            " {'path': %s, 'property': %s}}", path, prop);
    char *value = g_strdup(qdict_get_str(resp, "return"));

    qobject_unref(resp);
    return value;
}

static void test_machine_type_and_containers(void)
{
    QTestState *qts = qtest_init("-machine none");
    g_autofree char *type = qom_get_str(qts, "/machine", "type");
    g_autofree char *same = qom_get_str(qts, "//machine", "type");
    const char *containers[] = { "unattached", "peripheral",
                                 "peripheral-anon" };
    size_t i;

    g_assert_cmpstr(type, ==, "none-machine");
    g_assert_cmpstr(same, ==, type);
    for (i = 0; i < ARRAY_SIZE(containers); i++) {
        g_autofree char *path = g_strdup_printf("/machine/%s",
                                                containers[i]);
        g_autofree char *ctype = qom_get_str(qts, path, "type");

        g_assert_cmpstr(ctype, ==, "container");
    }
    qtest_quit(qts);
}

static void test_set_and_get(void)
{
    QTestState *qts = qtest_init("-machine none");
    QDict *resp;

    qtest_qmp_assert_success(qts, "{'execute': 'qom-set', 'arguments':"
                             " {'path': '/machine', 'property': 'graphics',"
                             " 'value': false}}");
    resp = qtest_qmp(qts, "{'execute': 'qom-get', 'arguments':"
                     " {'path': '/machine', 'property': 'graphics'}}");
    g_assert(!qdict_get_bool(resp, "return"));
    qobject_unref(resp);

    qtest_qmp_assert_success(qts, "{'execute': 'qom-set', 'arguments':"
                             " {'path': '/machine', 'property': 'graphics',"
                             " 'value': true}}");
    g_assert(qtest_qom_get_bool(qts, "/machine", "graphics"));

    resp = qtest_qmp(qts, "{'execute': 'qom-get', 'arguments':"
                     " {'path': '/machine', 'property': 'no-such-prop'}}");
    g_assert(qdict_haskey(resp, "error"));
    qobject_unref(resp);
    qtest_quit(qts);
}

static bool type_listed(QList *types, const char *name, bool *abstract)
{
    size_t i;

    for (i = 0; i < qlist_size(types); i++) {
        QDict *t = qobject_to(QDict, qlist_get(types, i));

        if (!strcmp(qdict_get_str(t, "name"), name)) {
            *abstract = qdict_get_try_bool(t, "abstract", false);
            return true;
        }
    }
    return false;
}

static void test_list_types(void)
{
    QTestState *qts = qtest_init("-machine none");
    QDict *resp;
    bool abstract = false;

    resp = qtest_qmp(qts, "{'execute': 'qom-list-types', 'arguments':"
                     " {'implements': 'device', 'abstract': true}}");
    g_assert(type_listed(qdict_get_qlist(resp, "return"),
                         "sys-bus-device", &abstract));
    g_assert(abstract);
    qobject_unref(resp);

    resp = qtest_qmp(qts, "{'execute': 'qom-list-types', 'arguments':"
                     " {'implements': 'device'}}");
    g_assert(!type_listed(qdict_get_qlist(resp, "return"),
                          "sys-bus-device", &abstract));
    qobject_unref(resp);

    resp = qtest_qmp(qts, "{'execute': 'qom-list-types', 'arguments':"
                     " {'implements': 'machine'}}");
    g_assert(type_listed(qdict_get_qlist(resp, "return"), "none-machine",
                         &abstract));
    g_assert(!abstract);
    qobject_unref(resp);
    qtest_quit(qts);
}

static void test_ambiguous_and_missing_paths(void)
{
    QTestState *qts = qtest_init("-machine none");
    QDict *resp;

    resp = qtest_qmp(qts, "{'execute': 'qom-list', 'arguments':"
                     " {'path': '/machine/does-not-exist'}}");
    g_assert_cmpstr(qdict_get_str(qdict_get_qdict(resp, "error"), "class"),
                    ==, "DeviceNotFound");
    qobject_unref(resp);

    /* Partial path: "peripheral" names exactly one object. */
    resp = qtest_qmp(qts, "{'execute': 'qom-list', 'arguments':"
                     " {'path': 'peripheral'}}");
    g_assert(qdict_haskey(resp, "return"));
    qobject_unref(resp);
    qtest_quit(qts);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);

    qtest_add_data_func("qom/walk/none", "none", test_walk_board);
    qtest_add_data_func("qom/walk/board", board(), test_walk_board);
    qtest_add_func("qom/machine-type", test_machine_type_and_containers);
    qtest_add_func("qom/set-get", test_set_and_get);
    qtest_add_func("qom/list-types", test_list_types);
    qtest_add_func("qom/paths", test_ambiguous_and_missing_paths);

    return g_test_run();
}
