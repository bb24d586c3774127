/*
 * Forward declarations so headers can name each other's types.
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#ifndef QEMU_TYPEDEFS_H
#define QEMU_TYPEDEFS_H

typedef struct AddressSpace AddressSpace;
typedef struct BusClass BusClass;
typedef struct BusState BusState;
typedef struct Chardev Chardev;
typedef struct CharFrontend CharFrontend;
typedef struct Clock Clock;
typedef struct CPUState CPUState;
typedef struct DeviceClass DeviceClass;
typedef struct DeviceState DeviceState;
typedef struct Error Error;
typedef struct FlatView FlatView;
typedef struct FWCfgState FWCfgState;
typedef struct IRQState IRQState;
typedef struct ISABus ISABus;
typedef struct ISADevice ISADevice;
typedef struct MachineClass MachineClass;
typedef struct MachineState MachineState;
typedef struct MemoryRegion MemoryRegion;
typedef struct Monitor Monitor;
typedef struct Notifier Notifier;
typedef struct NotifierList NotifierList;
typedef struct Object Object;
typedef struct ObjectClass ObjectClass;
typedef struct Property Property;
typedef struct QEMUClock QEMUClock;
typedef struct QEMUTimer QEMUTimer;
typedef struct QemuOpts QemuOpts;
typedef struct SysBusDevice SysBusDevice;
typedef struct VMStateDescription VMStateDescription;
typedef uint64_t ram_addr_t;

typedef struct IRQState *qemu_irq;
typedef void (*qemu_irq_handler)(void *opaque, int n, int level);

#endif
