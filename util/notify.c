/*
 * Notifier lists.
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * The newest notifier is called first.  A notifier may remove itself
 * while being called.
 */
#include "qemu/osdep.h"
#include "qemu/notify.h"

void notifier_list_init(NotifierList *list)
{
    list->head = NULL;
}

void notifier_list_add(NotifierList *list, Notifier *notifier)
{
    notifier->next = list->head;
    list->head = notifier;
}

void notifier_remove(NotifierList *list, Notifier *notifier)
{
    Notifier **link;

    for (link = &list->head; *link; link = &(*link)->next) {
        if (*link == notifier) {
            *link = notifier->next;
            notifier->next = NULL;
            return;
        }
    }
}

void notifier_list_notify(NotifierList *list, void *data)
{
    Notifier *n = list->head;

    while (n) {
        Notifier *next = n->next;

        n->notify(n, data);
        n = next;
    }
}
