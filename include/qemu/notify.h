/*
 * Notifier lists.
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#ifndef QEMU_NOTIFY_H
#define QEMU_NOTIFY_H

struct Notifier {
    void (*notify)(Notifier *notifier, void *data);
    Notifier *next;
};

struct NotifierList {
    Notifier *head;
};

#define NOTIFIER_LIST_INITIALIZER(head) { NULL }

void notifier_list_init(NotifierList *list);
void notifier_list_add(NotifierList *list, Notifier *notifier);
void notifier_remove(NotifierList *list, Notifier *notifier);
void notifier_list_notify(NotifierList *list, void *data);

#endif
