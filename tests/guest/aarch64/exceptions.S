/*
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * Instruction sequences for exceptions.c: each case_<name> sets NZCV to
 * a known value and raises one synchronous exception at case_<name>_insn.
 * x0 is a pointer to an aligned scratch buffer.  Cases that resume after
 * the instruction record NZCV in case_nzcv_after, to check that ERET
 * restored it from SPSR_EL1.
 */
#include "guest.h"

.macro CASE name
    .global case_\name
    .global case_\name\()_insn
case_\name:
    mov     x9, #0x60000000
    msr     nzcv, x9
.endm

.macro INSN name
case_\name\()_insn:
.endm

.macro CASE_END
    mrs     x9, nzcv
    adrp    x10, case_nzcv_after
    str     x9, [x10, :lo12:case_nzcv_after]
    ret
.endm

    .text
    CASE    svc
    INSN    svc
    svc     #0x1234
    CASE_END

    CASE    svc_spsel0
    msr     spsel, #0
    INSN    svc_spsel0
    svc     #0x55
    msr     spsel, #1
    CASE_END

    /* PSCI takes every HVC: an unknown function returns NOT_SUPPORTED. */
    CASE    hvc_not_psci
    mov     x0, #0
    INSN    hvc_not_psci
    hvc     #0x4321
    CASE_END

    CASE    smc
    mov     x10, x0
    mov     x0, #0
    INSN    smc
    smc     #0x77
    mov     x0, x10
    CASE_END

    CASE    brk
    INSN    brk
    brk     #0x42
    CASE_END

    CASE    udf
    INSN    udf
    .inst   0x00000000
    CASE_END

    /* LDADD (ARMv8.1 LSE): not implemented by a Cortex-A57 */
    CASE    lse_ldadd
    mov     x3, x0
    INSN    lse_ldadd
    .inst   0xf8210062
    CASE_END

    CASE    fp_trapped
    INSN    fp_trapped
    .inst   0x9e670020
    CASE_END

    CASE    sysreg_unknown
    INSN    sysreg_unknown
    mrs     x1, s3_0_c15_c15_7
    CASE_END

    CASE    sysreg_write_ro
    mov     x1, #0
    INSN    sysreg_write_ro
    msr     s3_0_c0_c0_0, x1
    CASE_END

    CASE    sp_el0_while_spsel0
    msr     spsel, #0
    INSN    sp_el0_while_spsel0
    mrs     x1, sp_el0
    msr     spsel, #1
    CASE_END

    CASE    align_ldr
    add     x2, x0, #1
    INSN    align_ldr
    ldr     x1, [x2]
    CASE_END

    CASE    align_str
    add     x2, x0, #2
    INSN    align_str
    str     w1, [x2]
    CASE_END

    CASE    align_ldp
    add     x2, x0, #4
    INSN    align_ldp
    ldp     x1, x3, [x2]
    CASE_END

    CASE    align_ldxr
    add     x2, x0, #4
    INSN    align_ldxr
    ldxr    x1, [x2]
    CASE_END

    CASE    align_stlr
    add     x2, x0, #6
    INSN    align_stlr
    stlr    w1, [x2]
    CASE_END

    CASE    unmapped_ldr
    movz    x2, #0x0b00, lsl #16
    add     x2, x2, #0x18
    INSN    unmapped_ldr
    ldr     w1, [x2]
    CASE_END

    CASE    unmapped_strb
    movz    x2, #0x0b00, lsl #16
    add     x2, x2, #0x21
    INSN    unmapped_strb
    strb    w1, [x2]
    CASE_END

    /* The handler resumes at x30 for instruction-side faults. */
    CASE    unmapped_fetch
    movz    x2, #0x0b00, lsl #16
    add     x2, x2, #0x40
    INSN    unmapped_fetch
    br      x2

    CASE    pc_align
    adr     x2, case_pc_align_insn
    add     x2, x2, #2
    INSN    pc_align
    br      x2

/*
 * run_el0(fn, stack_top): run fn at EL0t with SP_EL0 = stack_top and DAIF
 * masked.  fn returns with "svc #0xff", which exceptions.c turns into a
 * return to el0_return at EL1.
 */
    .global run_el0
    .global el0_return
run_el0:
    stp     x29, x30, [sp, #-96]!
    stp     x19, x20, [sp, #16]
    stp     x21, x22, [sp, #32]
    stp     x23, x24, [sp, #48]
    stp     x25, x26, [sp, #64]
    stp     x27, x28, [sp, #80]
    msr     elr_el1, x0
    msr     sp_el0, x1
    mov     x2, #0x3c0
    msr     spsr_el1, x2
    isb
    eret
el0_return:
    ldp     x19, x20, [sp, #16]
    ldp     x21, x22, [sp, #32]
    ldp     x23, x24, [sp, #48]
    ldp     x25, x26, [sp, #64]
    ldp     x27, x28, [sp, #80]
    ldp     x29, x30, [sp], #96
    ret

/* EL0 code: each instruction after el0_code traps to EL1. */
    .global el0_code
el0_code:
    mov     x9, #0x80000000
    msr     nzcv, x9
    svc     #0x10
    mrs     x1, sctlr_el1
    mrs     x1, cntvct_el0
    msr     daifset, #2
    mrs     x1, daif
    brk     #0x7
    .inst   0x00000000
    mrs     x1, currentel
    eret
    mov     x1, #0x5a
    str     x1, [sp, #-16]!
    ldr     x2, [sp], #16
    mrs     x1, tpidr_el0
    mrs     x3, tpidrro_el0
    add     x1, x1, x3
    add     x1, x1, x2
    svc     #0xff

    .bss
    .balign 8
    .global case_nzcv_after
case_nzcv_after:
    .skip   8
