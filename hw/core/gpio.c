/*
 * qdev GPIO lines: named lists of inputs and outputs.
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * An input line is an IRQState owned by the device, visible as the QOM
 * child "<name>[i]" ("unnamed-gpio-in[i]" without a name).  An output is
 * a qemu_irq slot in the device state, visible as the link property
 * "<name>[i]" ("unnamed-gpio-out[i]"); connecting an output stores the
 * target line through that link, so it works before and after realize.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "hw/core/qdev.h"
#include "qdev-internal.h"

#define QDEV_GPIO_IN_UNNAMED "unnamed-gpio-in"
#define QDEV_GPIO_OUT_UNNAMED "unnamed-gpio-out"

static char *qdev_gpio_prop_name(const char *name, bool input, int n)
{
    if (name == NULL) {
        name = input ? QDEV_GPIO_IN_UNNAMED : QDEV_GPIO_OUT_UNNAMED;
    }
    return g_strdup_printf("%s[%d]", name, n);
}

NamedGPIOList *qdev_get_named_gpio_list(DeviceState *dev, const char *name)
{
    NamedGPIOList *ngl;
    GSList *l;

    for (l = dev->gpios; l != NULL; l = l->next) {
        ngl = l->data;
        if (g_strcmp0(ngl->name, name) == 0) {
            return ngl;
        }
    }
    ngl = g_new0(NamedGPIOList, 1);
    ngl->name = g_strdup(name);
    dev->gpios = g_slist_append(dev->gpios, ngl);
    return ngl;
}

void qdev_init_gpio_in_named_with_opaque(DeviceState *dev,
                                         qemu_irq_handler handler,
                                         void *opaque,
                                         const char *name, int n)
{
    NamedGPIOList *ngl = qdev_get_named_gpio_list(dev, name);
    int i;

    /* A named list is either inputs or outputs, never both. */
    assert(name == NULL || ngl->num_out == 0);
    ngl->in = qemu_extend_irqs(ngl->in, ngl->num_in, handler, opaque, n);
    for (i = ngl->num_in; i < ngl->num_in + n; i++) {
        g_autofree char *prop = qdev_gpio_prop_name(name, true, i);

        object_property_add_child(OBJECT(dev), prop, OBJECT(ngl->in[i]));
    }
    ngl->num_in += n;
}

void qdev_init_gpio_in(DeviceState *dev, qemu_irq_handler handler, int n)
{
    qdev_init_gpio_in_named_with_opaque(dev, handler, dev, NULL, n);
}

void qdev_init_gpio_out_named(DeviceState *dev, qemu_irq *pins,
                              const char *name, int n)
{
    NamedGPIOList *ngl = qdev_get_named_gpio_list(dev, name);
    int i;

    assert(name == NULL || ngl->num_in == 0);
    for (i = 0; i < n; i++) {
        g_autofree char *prop = qdev_gpio_prop_name(name, false,
                                                    ngl->num_out + i);

        pins[i] = NULL;
        object_property_add_link(OBJECT(dev), prop, TYPE_IRQ,
                                 (Object **)&pins[i],
                                 object_property_allow_set_link,
                                 OBJ_PROP_LINK_STRONG);
    }
    ngl->num_out += n;
}

void qdev_init_gpio_out(DeviceState *dev, qemu_irq *pins, int n)
{
    qdev_init_gpio_out_named(dev, pins, NULL, n);
}

qemu_irq qdev_get_gpio_in_named(DeviceState *dev, const char *name, int n)
{
    NamedGPIOList *ngl = qdev_get_named_gpio_list(dev, name);

    assert(n >= 0 && n < ngl->num_in);
    return ngl->in[n];
}

qemu_irq qdev_get_gpio_in(DeviceState *dev, int n)
{
    return qdev_get_gpio_in_named(dev, NULL, n);
}

void qdev_connect_gpio_out_named(DeviceState *dev, const char *name, int n,
                                 qemu_irq input_pin)
{
    g_autofree char *prop = qdev_gpio_prop_name(name, false, n);
    Object *unattached;

    if (input_pin != NULL && OBJECT(input_pin)->parent == NULL) {
        /* A link needs a path: give stray lines a home in the tree. */
        unattached = qdev_find_unattached();
        if (unattached != NULL) {
            object_property_add_child(unattached, "non-qdev-gpio[*]",
                                      OBJECT(input_pin));
        }
    }
    object_property_set_link(OBJECT(dev), prop, OBJECT(input_pin),
                             &error_abort);
}

void qdev_connect_gpio_out(DeviceState *dev, int n, qemu_irq pin)
{
    qdev_connect_gpio_out_named(dev, NULL, n, pin);
}

qemu_irq qdev_get_gpio_out_connector(DeviceState *dev, const char *name,
                                     int n)
{
    g_autofree char *prop = qdev_gpio_prop_name(name, false, n);

    return (qemu_irq)object_property_get_link(OBJECT(dev), prop, NULL);
}

/*
 * Make the GPIO list @name of @dev appear on @container too (a device
 * built from sub-devices shows their lines as its own).  The list moves
 * to @container, so the qdev_get_gpio_in() family works there.
 */
void qdev_pass_gpios(DeviceState *dev, DeviceState *container,
                     const char *name)
{
    NamedGPIOList *ngl = qdev_get_named_gpio_list(dev, name);
    GSList *l;
    int i;

    for (l = container->gpios; l != NULL; l = l->next) {
        assert(g_strcmp0(((NamedGPIOList *)l->data)->name, name) != 0);
    }
    for (i = 0; i < ngl->num_in; i++) {
        g_autofree char *prop = qdev_gpio_prop_name(name, true, i);

        object_property_add_alias(OBJECT(container), prop, OBJECT(dev), prop);
    }
    for (i = 0; i < ngl->num_out; i++) {
        g_autofree char *prop = qdev_gpio_prop_name(name, false, i);

        object_property_add_alias(OBJECT(container), prop, OBJECT(dev), prop);
    }
    dev->gpios = g_slist_remove(dev->gpios, ngl);
    container->gpios = g_slist_append(container->gpios, ngl);
}

void qdev_gpio_cleanup(DeviceState *dev)
{
    GSList *l;

    for (l = dev->gpios; l != NULL; l = l->next) {
        NamedGPIOList *ngl = l->data;

        /* Drops the creation references; the child properties hold theirs. */
        qemu_free_irqs(ngl->in, ngl->num_in);
        g_free(ngl->name);
        g_free(ngl);
    }
    g_slist_free(dev->gpios);
    dev->gpios = NULL;
}
