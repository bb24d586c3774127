/*
 * The global memory and I/O address spaces.
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#ifndef SYSTEM_ADDRESS_SPACES_H
#define SYSTEM_ADDRESS_SPACES_H

#include "system/memory.h"

/** get_system_memory: root container of guest-physical memory. */
MemoryRegion *get_system_memory(void);
/** get_system_io: root container of the 64 KiB port space. */
MemoryRegion *get_system_io(void);

extern AddressSpace address_space_memory;
extern AddressSpace address_space_io;

/** memory_map_init: create both roots and address spaces (once). */
void memory_map_init(void);

#endif
