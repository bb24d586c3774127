/*
 * qdev: devices, buses, realize, GPIO lines.
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#ifndef HW_CORE_QDEV_H
#define HW_CORE_QDEV_H

#include "qom/object.h"
#include "hw/core/irq.h"
#include "hw/core/resettable.h"

typedef enum DeviceCategory {
    DEVICE_CATEGORY_BRIDGE,
    DEVICE_CATEGORY_USB,
    DEVICE_CATEGORY_STORAGE,
    DEVICE_CATEGORY_NETWORK,
    DEVICE_CATEGORY_INPUT,
    DEVICE_CATEGORY_DISPLAY,
    DEVICE_CATEGORY_SOUND,
    DEVICE_CATEGORY_MISC,
    DEVICE_CATEGORY_CPU,
    DEVICE_CATEGORY_WATCHDOG,
    DEVICE_CATEGORY_MAX
} DeviceCategory;

typedef void (*DeviceRealize)(DeviceState *dev, Error **errp);
typedef void (*DeviceUnrealize)(DeviceState *dev);
typedef void (*DeviceReset)(DeviceState *dev);

#define TYPE_DEVICE "device"
OBJECT_DECLARE_TYPE(DeviceState, DeviceClass, DEVICE)

struct DeviceClass {
    ObjectClass parent_class;

    unsigned long categories[BITS_TO_LONGS(DEVICE_CATEGORY_MAX)];
    const char *fw_name;
    const char *desc;
    const Property *props_;
    uint16_t props_count_;
    /* May -device / device_add create it? */
    bool user_creatable;
    bool hotpluggable;

    DeviceReset legacy_reset;
    DeviceRealize realize;
    DeviceUnrealize unrealize;

    const VMStateDescription *vmsd;
    /* The bus type this device plugs into (NULL: none). */
    const char *bus_type;
};

typedef struct NamedGPIOList {
    char *name;
    qemu_irq *in;
    int num_in;
    int num_out;
} NamedGPIOList;

typedef struct NamedClockList {
    char *name;
    Clock *clock;
    bool output;
    bool alias;
} NamedClockList;

struct DeviceState {
    Object parent_obj;

    char *id;
    char *canonical_path;
    bool realized;
    bool pending_deleted_event;
    int hotplugged;
    BusState *parent_bus;
    GSList *gpios;          /* NamedGPIOList *, creation order */
    GSList *clocks;         /* NamedClockList * */
    GSList *child_bus;      /* BusState * */
    int num_child_bus;
    int instance_id_alias;
    int alias_required_for_version;
    ResettableState reset;
};

#define TYPE_BUS "bus"
OBJECT_DECLARE_TYPE(BusState, BusClass, BUS)

struct BusClass {
    ObjectClass parent_class;

    void (*print_dev)(Monitor *mon, DeviceState *dev, int indent);
    /* The device's path for migration section names (NULL: none). */
    char *(*get_dev_path)(DeviceState *dev);
    char *(*get_fw_dev_path)(DeviceState *dev);
    bool (*check_address)(BusState *bus, DeviceState *dev, Error **errp);
    void (*realize)(BusState *bus, Error **errp);
    void (*unrealize)(BusState *bus);
    int max_dev;
    int automatic_ids;
};

struct BusState {
    Object obj;

    DeviceState *parent;
    char *name;
    int max_index;
    bool realized;
    bool full;
    int num_children;
    GList *children;        /* DeviceState *, plug order */
    ResettableState reset;
};

/* Creation and realize. */
DeviceState *qdev_new(const char *name);
DeviceState *qdev_try_new(const char *name);
bool qdev_realize(DeviceState *dev, BusState *bus, Error **errp);
bool qdev_realize_and_unref(DeviceState *dev, BusState *bus, Error **errp);
void qdev_unrealize(DeviceState *dev);
/** qdev_set_parent_bus: plug @dev into @bus (takes a bus reference). */
bool qdev_set_parent_bus(DeviceState *dev, BusState *bus, Error **errp);
void qdev_set_id(DeviceState *dev, char *id, Error **errp);

/* Legacy and Resettable reset. */
void device_class_set_legacy_reset(DeviceClass *dc, DeviceReset dev_reset);
void device_class_set_parent_realize(DeviceClass *dc,
                                     DeviceRealize dev_realize,
                                     DeviceRealize *parent_realize);
void device_class_set_parent_unrealize(DeviceClass *dc,
                                       DeviceUnrealize dev_unrealize,
                                       DeviceUnrealize *parent_unrealize);
void device_cold_reset(DeviceState *dev);
void bus_cold_reset(BusState *bus);
bool device_is_in_reset(DeviceState *dev);

/* Properties (defined in qdev-properties.c). */
#define device_class_set_props(dc, props) \
    device_class_set_props_n((dc), (props), ARRAY_SIZE(props))
void device_class_set_props_n(DeviceClass *dc, const Property *props,
                              size_t n);

/* GPIO lines. */
void qdev_init_gpio_in(DeviceState *dev, qemu_irq_handler handler, int n);
void qdev_init_gpio_out(DeviceState *dev, qemu_irq *pins, int n);
void qdev_init_gpio_out_named(DeviceState *dev, qemu_irq *pins,
                              const char *name, int n);
void qdev_init_gpio_in_named_with_opaque(DeviceState *dev,
                                         qemu_irq_handler handler,
                                         void *opaque,
                                         const char *name, int n);
static inline void qdev_init_gpio_in_named(DeviceState *dev,
                                           qemu_irq_handler handler,
                                           const char *name, int n)
{
    qdev_init_gpio_in_named_with_opaque(dev, handler, dev, name, n);
}
qemu_irq qdev_get_gpio_in(DeviceState *dev, int n);
qemu_irq qdev_get_gpio_in_named(DeviceState *dev, const char *name, int n);
void qdev_connect_gpio_out(DeviceState *dev, int n, qemu_irq pin);
void qdev_connect_gpio_out_named(DeviceState *dev, const char *name, int n,
                                 qemu_irq input_pin);
qemu_irq qdev_get_gpio_out_connector(DeviceState *dev, const char *name,
                                     int n);
void qdev_pass_gpios(DeviceState *dev, DeviceState *container,
                     const char *name);
/** qdev_get_named_gpio_list: NULL name is the unnamed list. */
NamedGPIOList *qdev_get_named_gpio_list(DeviceState *dev, const char *name);

/* Buses. */
BusState *qdev_get_parent_bus(const DeviceState *dev);
BusState *qdev_get_child_bus(DeviceState *dev, const char *name);
void qbus_init(void *bus, size_t size, const char *typename,
               DeviceState *parent, const char *name);
BusState *qbus_new(const char *typename, DeviceState *parent,
                   const char *name);
bool qbus_realize(BusState *bus, Error **errp);
void qbus_unrealize(BusState *bus);
typedef int (qdev_walkerfn)(DeviceState *dev, void *opaque);
typedef int (qbus_walkerfn)(BusState *bus, void *opaque);
int qbus_walk_children(BusState *bus, qdev_walkerfn *pre_devfn,
                       qbus_walkerfn *pre_busfn, qdev_walkerfn *post_devfn,
                       qbus_walkerfn *post_busfn, void *opaque);
char *qdev_get_dev_path(DeviceState *dev);

/* The machine and its containers. */
Object *qdev_get_machine(void);
Object *machine_get_container(const char *name);

/* Migration instance id of old streams. */
void qdev_set_legacy_instance_id(DeviceState *dev, int alias_id,
                                 int required_for_version);

/* Look-ups by id (for -device ids and QMP). */
DeviceState *qdev_find_recursive(BusState *bus, const char *id);

/* The system-wide list of devices that -global applies to. */
typedef struct GlobalProperty {
    const char *driver;
    const char *property;
    const char *value;
    bool used;
    bool optional;
} GlobalProperty;

void qdev_prop_register_global(GlobalProperty *prop);
/** qdev_prop_set_globals: apply -global and compat defaults to @dev. */
void qdev_prop_set_globals(DeviceState *dev);
/** qdev_prop_check_globals: warn about -global that matched nothing. */
int qdev_prop_check_globals(void);

/* Hooks the machine layer sets so realize can register migration. */
extern void (*qdev_realize_hook)(DeviceState *dev);
extern void (*qdev_unrealize_hook)(DeviceState *dev);

#endif
