/*
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * Branches: B, BL, BR, BLR, RET, CBZ/CBNZ, TBZ/TBNZ, and B.cond for every
 * condition against every NZCV value.
 */
#include "guest.h"

/* Print name=1 when "insn target" branches, name=0 when it falls through. */
.macro TAKEN name, insn:vararg
    \insn 8001f
    mov     x20, #0
    b       8002f
8001:
    mov     x20, #1
8002:
    PRINTW  \name, w20
.endm

/*
 * For one condition, a 16-bit mask: bit n set when B.cond branches with
 * NZCV = n (N=8, Z=4, C=2, V=1).
 */
.macro COND_ROW cond
    mov     x20, #0
    mov     x21, #0
8003:
    lsl     x22, x21, #28
    msr     nzcv, x22
    b.\cond 8004f
    b       8005f
8004:
    mov     x23, #1
    lsl     x23, x23, x21
    orr     x20, x20, x23
8005:
    add     x21, x21, #1
    cmp     x21, #16
    b.lo    8003b
    PRINTW  b.\cond, w20
.endm

    .text
    .global main
main:
    stp     x29, x30, [sp, #-16]!

    .irp    cond, eq, ne, cs, cc, mi, pl, vs, vc, hi, ls, ge, lt, gt, le, al, nv
    COND_ROW \cond
    .endr

    /* cbz/cbnz: the 32-bit forms look at the low half only */
    MOV64   x1, 0x0000000100000000
    mov     x2, #0
    MOV64   x3, 0x8000000000000001
    TAKEN   cbz_x_zero, cbz x2,
    TAKEN   cbz_x_high, cbz x1,
    TAKEN   cbz_w_high, cbz w1,
    TAKEN   cbnz_x_high, cbnz x1,
    TAKEN   cbnz_w_high, cbnz w1,
    TAKEN   cbnz_x_zero, cbnz x2,
    TAKEN   cbnz_xzr, cbnz xzr,
    TAKEN   cbz_wzr, cbz wzr,

    /* tbz/tbnz on low, 31st, 32nd and top bits */
    TAKEN   tbz_0_set, tbz x3, #0,
    TAKEN   tbnz_0_set, tbnz x3, #0,
    TAKEN   tbz_1_clear, tbz x3, #1,
    TAKEN   tbnz_32_set, tbnz x1, #32,
    TAKEN   tbz_32_set, tbz x1, #32,
    TAKEN   tbnz_31_clear, tbnz x1, #31,
    TAKEN   tbnz_63_set, tbnz x3, #63,
    TAKEN   tbz_63_set, tbz x3, #63,
    TAKEN   tbz_w_31_clear, tbz w3, #31,

    /* B.cond after a real comparison */
    mov     x4, #-5
    cmp     x4, #3
    TAKEN   cmp_lt_signed, b.lt
    TAKEN   cmp_lo_unsigned, b.lo
    TAKEN   cmp_hi_unsigned, b.hi

    /* long forward and backward branches */
    mov     x5, #0
    tbz     x5, #0, tb_far
    b       fail
tb_back:
    mov     x5, #2
    PRINT   tbz_far_back, x5
    mov     x6, #0
    cbz     x6, cb_far
    b       fail
cb_back:
    PRINT   cbz_far_back, x6
    b       b_far
    b       fail
b_back:
    PRINT   b_far_back, x6

    /* bl, br, blr, ret */
    bl      leaf
bl_ret:
    PRINT_REL bl_lr, x30, bl_ret
    PRINT   bl_result, x0
    adr     x7, leaf
    blr     x7
blr_ret:
    PRINT_REL blr_lr, x30, blr_ret
    adr     x30, leaf
    blr     x30
blr30_ret:
    PRINT_REL blr_x30_lr, x30, blr30_ret
    adr     x8, br_target
    br      x8
    b       fail
br_target:
    PRINT_REL br_x8, x8, br_target
    adr     x9, ret_target
    ret     x9
    b       fail
ret_target:
    mov     x10, #1
    PRINT   ret_x9, x10
    bl      nested
    PRINT   nested_result, x0

    ldp     x29, x30, [sp], #16
    mov     w0, #0
    ret

/* Returns 0x1234 and keeps x30. */
leaf:
    mov     x0, #0x1234
    ret

/* Calls leaf twice through the stack-saved link register. */
nested:
    stp     x29, x30, [sp, #-16]!
    bl      leaf
    add     x11, x0, #1
    bl      leaf
    add     x0, x0, x11
    ldp     x29, x30, [sp], #16
    ret

fail:
    adrp    x0, fail_msg
    add     x0, x0, :lo12:fail_msg
    bl      guest_puts
    bl      guest_exit

    /* Targets near the limits of TBZ (32 KiB) and CBZ (1 MiB) ranges. */
    .skip   0x7000
tb_far:
    mov     x5, #1
    tbnz    x5, #0, tb_back
    b       fail
    .skip   0x60000
cb_far:
    mov     x6, #3
    cbnz    x6, cb_back
    b       fail
    .skip   0x100000
b_far:
    mov     x6, #4
    b       b_back

    .section .rodata
fail_msg:
    .asciz  "branch went the wrong way\n"
