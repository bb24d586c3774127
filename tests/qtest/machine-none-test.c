/*
 * The empty board: starts, answers, lists itself, has no CPU.
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include "qemu/osdep.h"
#include "libqtest.h"

static void test_machine_none(void)
{
    QTestState *qts = qtest_init("-machine none");
    QDict *resp;
    QList *cpus;

    resp = qtest_qmp(qts, "{'execute': 'query-cpus-fast'}");
    cpus = qdict_get_qlist(resp, "return");
    g_assert_cmpuint(qlist_size(cpus), ==, 0);
    qobject_unref(resp);

    /* Port space exists on every target: unassigned reads all ones. */
    g_assert_cmphex(qtest_inb(qts, 0x1234), ==, 0xff);
    qtest_quit(qts);
}

static void test_machine_list(void)
{
    QTestState *qts = qtest_init("-machine none");
    const char *board = strcmp(qtest_get_arch(), "aarch64") == 0 ?
                        "virt" : "pc";
    QDict *resp = qtest_qmp(qts, "{'execute': 'query-machines'}");
    QList *machines = qdict_get_qlist(resp, "return");
    bool have_none = false, have_board = false, board_default = false;
    size_t i;

    for (i = 0; i < qlist_size(machines); i++) {
        QDict *m = qobject_to(QDict, qlist_get(machines, i));
        const char *alias = qdict_get_try_str(m, "alias");

        g_assert(qdict_haskey(m, "cpu-max"));
        if (!strcmp(qdict_get_str(m, "name"), "none")) {
            have_none = true;
        }
        if (alias && !strcmp(alias, board)) {
            have_board = true;
            board_default = qdict_get_try_bool(m, "is-default", false);
        }
    }
    g_assert(have_none);
    g_assert(have_board);
    /* x86_64 defaults to pc; aarch64 has no default board. */
    g_assert(board_default == (strcmp(board, "pc") == 0));
    qobject_unref(resp);
    qtest_quit(qts);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);

    qtest_add_func("machine/none/basics", test_machine_none);
    qtest_add_func("machine/list", test_machine_list);

    return g_test_run();
}
