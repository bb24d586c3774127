/*
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * PSCI over the conduit of QEMU's virt without firmware: the calls Linux
 * makes at boot, with a single CPU.  SYSTEM_OFF ends every program.
 */
#include "guest.h"

#define PSCI_AFFINITY_INFO_64       0xc4000004
#define PSCI_MIGRATE_INFO_TYPE      0x84000006
#define PSCI_CPU_SUSPEND_64         0xc4000001

extern char _start[];

static void call(const char *name, uint64_t fn, uint64_t a1, uint64_t a2,
                 uint64_t a3)
{
    guest_print_reg64(name, guest_psci(fn, a1, a2, a3));
}

int main(void)
{
    call("version", PSCI_VERSION, 0, 0, 0);
    call("features.version", PSCI_FEATURES, PSCI_VERSION, 0, 0);
    call("features.cpu_on", PSCI_FEATURES, PSCI_CPU_ON_64, 0, 0);
    call("features.system_off", PSCI_FEATURES, PSCI_SYSTEM_OFF, 0, 0);
    call("features.cpu_suspend", PSCI_FEATURES, PSCI_CPU_SUSPEND_64, 0, 0);
    call("features.unknown", PSCI_FEATURES, 0x8400001f, 0, 0);
    call("migrate_info_type", PSCI_MIGRATE_INFO_TYPE, 0, 0, 0);
    call("affinity_info.cpu0", PSCI_AFFINITY_INFO_64, 0, 0, 0);
    call("cpu_on.self", PSCI_CPU_ON_64, 0, (uint64_t)_start, 0);
    call("cpu_on.absent", PSCI_CPU_ON_64, 1, (uint64_t)_start, 0);
    call("unknown_function", 0x8400001f, 0, 0, 0);
    return 0;
}
