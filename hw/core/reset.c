/*
 * System reset: the main system bus, registered roots, legacy handlers.
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * One hidden Resettable object is the parent of everything a system
 * reset touches: the main system bus first, then the registered roots
 * in registration order.  A legacy handler is wrapped in a small object
 * whose hold phase calls it, so handlers and devices share the three
 * phases.  The list of children is frozen for the duration of a reset,
 * so a handler that registers or unregisters another only affects the
 * next one.
 */
#include "qemu/osdep.h"
#include "hw/core/sysbus.h"
#include "system/reset.h"

#define TYPE_SYSTEM_RESET_ROOT "system-reset-root"
#define TYPE_LEGACY_RESET "legacy-reset"

typedef struct SystemResetRoot {
    Object parent_obj;

    ResettableState reset;
    GList *roots;           /* Object *, registration order, referenced */
    GList *walk;            /* frozen children during a reset */
} SystemResetRoot;

typedef struct LegacyReset {
    Object parent_obj;

    ResettableState reset;
    QEMUResetHandler *fn;
    void *opaque;
} LegacyReset;

DECLARE_INSTANCE_CHECKER(SystemResetRoot, SYSTEM_RESET_ROOT,
                         TYPE_SYSTEM_RESET_ROOT)
DECLARE_INSTANCE_CHECKER(LegacyReset, LEGACY_RESET, TYPE_LEGACY_RESET)

static SystemResetRoot *reset_root;

static SystemResetRoot *system_reset_root(void)
{
    if (reset_root == NULL) {
        reset_root = SYSTEM_RESET_ROOT(object_new(TYPE_SYSTEM_RESET_ROOT));
    }
    return reset_root;
}

void qemu_register_resettable(Object *obj)
{
    SystemResetRoot *root = system_reset_root();

    if (g_list_find(root->roots, obj) == NULL) {
        root->roots = g_list_append(root->roots, object_ref(obj));
    }
}

void qemu_unregister_resettable(Object *obj)
{
    SystemResetRoot *root = system_reset_root();
    GList *l = g_list_find(root->roots, obj);

    if (l != NULL) {
        root->roots = g_list_delete_link(root->roots, l);
        object_unref(obj);
    }
}

void qemu_register_reset(QEMUResetHandler *fn, void *opaque)
{
    SystemResetRoot *root = system_reset_root();
    LegacyReset *lr = LEGACY_RESET(object_new(TYPE_LEGACY_RESET));

    lr->fn = fn;
    lr->opaque = opaque;
    root->roots = g_list_append(root->roots, lr);
}

void qemu_unregister_reset(QEMUResetHandler *fn, void *opaque)
{
    SystemResetRoot *root = system_reset_root();
    GList *l;

    for (l = root->roots; l != NULL; l = l->next) {
        LegacyReset *lr;

        lr = (LegacyReset *)object_dynamic_cast(l->data, TYPE_LEGACY_RESET);
        if (lr != NULL && lr->fn == fn && lr->opaque == opaque) {
            root->roots = g_list_delete_link(root->roots, l);
            object_unref(OBJECT(lr));
            return;
        }
    }
}

void qemu_devices_reset(ResetType type)
{
    SystemResetRoot *root = system_reset_root();
    Object *sysbus = OBJECT(sysbus_get_default());
    GList *l;

    root->walk = g_list_prepend(NULL, object_ref(sysbus));
    for (l = root->roots; l != NULL; l = l->next) {
        if (l->data != sysbus) {
            root->walk = g_list_prepend(root->walk, object_ref(l->data));
        }
    }
    root->walk = g_list_reverse(root->walk);

    resettable_reset(OBJECT(root), type);

    g_list_free_full(root->walk, object_unref);
    root->walk = NULL;
}

static ResettableState *system_reset_root_get_state(Object *obj)
{
    return &SYSTEM_RESET_ROOT(obj)->reset;
}

static void system_reset_root_child_foreach(Object *obj,
                                            ResettableChildCallback cb,
                                            void *opaque, ResetType type)
{
    GList *l;

    for (l = SYSTEM_RESET_ROOT(obj)->walk; l != NULL; l = l->next) {
        cb(l->data, opaque, type);
    }
}

static void system_reset_root_class_init(ObjectClass *klass,
                                         const void *data)
{
    ResettableClass *rc = RESETTABLE_CLASS(klass);

    rc->get_state = system_reset_root_get_state;
    rc->child_foreach = system_reset_root_child_foreach;
}

static ResettableState *legacy_reset_get_state(Object *obj)
{
    return &LEGACY_RESET(obj)->reset;
}

static void legacy_reset_hold(Object *obj, ResetType type)
{
    LegacyReset *lr = LEGACY_RESET(obj);

    lr->fn(lr->opaque);
}

static void legacy_reset_class_init(ObjectClass *klass, const void *data)
{
    ResettableClass *rc = RESETTABLE_CLASS(klass);

    rc->get_state = legacy_reset_get_state;
    rc->phases.hold = legacy_reset_hold;
}

static const TypeInfo reset_types[] = {
    {
        .name          = TYPE_SYSTEM_RESET_ROOT,
        .parent        = TYPE_OBJECT,
        .instance_size = sizeof(SystemResetRoot),
        .class_init    = system_reset_root_class_init,
        .interfaces    = (const InterfaceInfo[]) {
            { TYPE_RESETTABLE_INTERFACE },
            { }
        },
    },
    {
        .name          = TYPE_LEGACY_RESET,
        .parent        = TYPE_OBJECT,
        .instance_size = sizeof(LegacyReset),
        .class_init    = legacy_reset_class_init,
        .interfaces    = (const InterfaceInfo[]) {
            { TYPE_RESETTABLE_INTERFACE },
            { }
        },
    },
};
DEFINE_TYPES(reset_types)
