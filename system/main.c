/*
 * Program entry; compiled once per target so it can name the target.
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include "qemu/osdep.h"
#include "system/system.h"
#include "system/vl.h"

const char *target_name(void)
{
    return TARGET_NAME;
}

int main(int argc, char **argv)
{
    return qemu_main(argc, argv);
}
