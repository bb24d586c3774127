/*
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * ID registers: the AArch64 and AArch32 feature registers Linux reads at
 * boot, and unallocated encodings in the ID space (RAZ in ARMv8.0).  Kept
 * apart from system.c so that a deliberate difference from the reference
 * CPU shows up here alone.
 */
#include "guest.h"

#define ID(name, enc) guest_print_reg64(name, READ_SYSREG(enc))

int main(void)
{
    ID("id_aa64pfr0_el1", s3_0_c0_c4_0);
    ID("id_aa64pfr1_el1", s3_0_c0_c4_1);
    ID("id_aa64zfr0_el1", s3_0_c0_c4_4);
    ID("id_aa64smfr0_el1", s3_0_c0_c4_5);
    ID("id_aa64dfr0_el1", s3_0_c0_c5_0);
    ID("id_aa64dfr1_el1", s3_0_c0_c5_1);
    ID("id_aa64afr0_el1", s3_0_c0_c5_4);
    ID("id_aa64afr1_el1", s3_0_c0_c5_5);
    ID("id_aa64isar0_el1", s3_0_c0_c6_0);
    ID("id_aa64isar1_el1", s3_0_c0_c6_1);
    ID("id_aa64isar2_el1", s3_0_c0_c6_2);
    ID("id_aa64mmfr0_el1", s3_0_c0_c7_0);
    ID("id_aa64mmfr1_el1", s3_0_c0_c7_1);
    ID("id_aa64mmfr2_el1", s3_0_c0_c7_2);
    ID("unallocated_c0_c7_7", s3_0_c0_c7_7);
    ID("unallocated_c0_c3_7", s3_0_c0_c3_7);
    ID("id_pfr0_el1", s3_0_c0_c1_0);
    ID("id_pfr1_el1", s3_0_c0_c1_1);
    ID("id_pfr2_el1", s3_0_c0_c3_4);
    ID("id_dfr0_el1", s3_0_c0_c1_2);
    ID("id_afr0_el1", s3_0_c0_c1_3);
    ID("id_mmfr0_el1", s3_0_c0_c1_4);
    ID("id_mmfr1_el1", s3_0_c0_c1_5);
    ID("id_mmfr2_el1", s3_0_c0_c1_6);
    ID("id_mmfr3_el1", s3_0_c0_c1_7);
    ID("id_mmfr4_el1", s3_0_c0_c2_6);
    ID("id_isar0_el1", s3_0_c0_c2_0);
    ID("id_isar1_el1", s3_0_c0_c2_1);
    ID("id_isar2_el1", s3_0_c0_c2_2);
    ID("id_isar3_el1", s3_0_c0_c2_3);
    ID("id_isar4_el1", s3_0_c0_c2_4);
    ID("id_isar5_el1", s3_0_c0_c2_5);
    ID("id_isar6_el1", s3_0_c0_c2_7);
    ID("mvfr0_el1", s3_0_c0_c3_0);
    ID("mvfr1_el1", s3_0_c0_c3_1);
    ID("mvfr2_el1", s3_0_c0_c3_2);
    return 0;
}
