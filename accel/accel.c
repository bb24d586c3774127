/*
 * Accelerator registry: QOM classes named "<name>-accel".
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include "qemu/osdep.h"
#include "qemu/accel.h"

static AccelState *accel_current;

AccelClass *accel_find(const char *opt_name)
{
    g_autofree char *class_name = g_strdup_printf(ACCEL_CLASS_NAME("%s"),
                                                  opt_name);
    ObjectClass *oc = object_class_by_name(class_name);

    if (oc == NULL || object_class_is_abstract(oc) ||
        !object_class_dynamic_cast(oc, TYPE_ACCEL)) {
        return NULL;
    }
    return ACCEL_CLASS(oc);
}

AccelState *current_accel(void)
{
    return accel_current;
}

void accel_set_current(AccelState *accel)
{
    accel_current = accel;
}

const char *current_accel_name(void)
{
    return accel_current ? ACCEL_GET_CLASS(accel_current)->name : NULL;
}

static gint accel_class_cmp(gconstpointer a, gconstpointer b)
{
    return strcmp(((const AccelClass *)a)->name,
                  ((const AccelClass *)b)->name);
}

char *accel_available_names(void)
{
    GSList *list = g_slist_sort(object_class_get_list(TYPE_ACCEL, false),
                                accel_class_cmp);
    GString *names = g_string_new("");
    GSList *l;

    for (l = list; l; l = l->next) {
        AccelClass *ac = l->data;

        g_string_append_printf(names, "%s%s", names->len ? ", " : "",
                               ac->name);
    }
    g_slist_free(list);
    return g_string_free(names, false);
}

void accel_print_help(FILE *f)
{
    GSList *list = g_slist_sort(object_class_get_list(TYPE_ACCEL, false),
                                accel_class_cmp);
    GSList *l;

    fprintf(f, "Accelerators supported in QEMU binary:\n");
    for (l = list; l; l = l->next) {
        AccelClass *ac = l->data;

        /* As in QEMU, the test-only accelerator is not advertised. */
        if (strcmp(ac->name, "qtest") != 0) {
            fprintf(f, "%s\n", ac->name);
        }
    }
    g_slist_free(list);
}

static const TypeInfo accel_types[] = {
    {
        .name = TYPE_ACCEL,
        .parent = TYPE_OBJECT,
        .abstract = true,
        .class_size = sizeof(AccelClass),
        .instance_size = sizeof(AccelState),
    },
};
DEFINE_TYPES(accel_types)
