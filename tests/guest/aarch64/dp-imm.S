/*
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * Data processing (immediate): add/sub with flags, logical immediates,
 * move wide, adr/adrp, bitfield moves and their aliases, extract.
 */
#include "guest.h"

    .text
    .global main
main:
    stp     x29, x30, [sp, #-16]!

    /* Operands: A, B, INT64_MIN, a 32-bit all-ones. */
    MOV64   x1, 0x0123456789abcdef
    MOV64   x3, 0xfedcba9876543210
    MOV64   x4, 0x8000000000000000
    MOV64   x5, 0x00000000ffffffff

    /* add/sub immediate, 64 and 32 bits, shifted by 12 */
    add     x2, x1, #0xfff
    PRINT   add_x_imm, x2
    add     x2, x1, #0xabc, lsl #12
    PRINT   add_x_imm_lsl12, x2
    sub     x2, x1, #1
    PRINT   sub_x_imm, x2
    sub     x2, x1, #0x800, lsl #12
    PRINT   sub_x_imm_lsl12, x2
    mov     x2, #-1
    add     w2, w5, #2
    PRINT   add_w_wrap, x2
    mov     x2, #-1
    sub     w2, w1, #0xfff
    PRINT   sub_w_imm, x2

    /* add with sp as source and destination */
    mov     x6, sp
    add     x2, sp, #32
    sub     x2, x2, x6
    PRINT   add_sp_src, x2
    sub     sp, sp, #0x40
    mov     x2, sp
    add     sp, sp, #0x40
    sub     x2, x6, x2
    PRINT   sub_sp_dst, x2

    /* flags: adds/subs/cmp/cmn immediate */
    MOV64   x7, 0x7fffffffffffffff
    adds    x2, x7, #1
    PRINT   adds_x_ovf, x2
    PRINT_NZCV adds_x_ovf.nzcv
    mov     x8, #-1
    adds    x2, x8, #1
    PRINT   adds_x_carry, x2
    PRINT_NZCV adds_x_carry.nzcv
    subs    x2, x4, #1
    PRINT   subs_x_ovf, x2
    PRINT_NZCV subs_x_ovf.nzcv
    mov     x12, #0
    subs    x2, x12, #1
    PRINT_NZCV subs_x_borrow.nzcv
    cmp     x1, #0
    PRINT_NZCV cmp_x_pos.nzcv
    mov     x9, #5
    cmp     x9, #5
    PRINT_NZCV cmp_x_eq.nzcv
    cmn     x8, #1
    PRINT_NZCV cmn_x_m1.nzcv
    adds    w2, w5, #1
    PRINT   adds_w_carry, x2
    PRINT_NZCV adds_w_carry.nzcv
    mov     w10, #0x80000000
    subs    w2, w10, #1
    PRINT   subs_w_ovf, x2
    PRINT_NZCV subs_w_ovf.nzcv
    mov     w11, #0x7fffffff
    adds    w2, w11, #0x1, lsl #12
    PRINT   adds_w_ovf, x2
    PRINT_NZCV adds_w_ovf.nzcv
    cmp     w1, #0xfff, lsl #12
    PRINT_NZCV cmp_w_lsl12.nzcv

    /* logical immediate */
    and     x2, x1, #0x5555555555555555
    PRINT   and_x_5555, x2
    and     x2, x3, #0x00ff00ff00ff00ff
    PRINT   and_x_00ff, x2
    orr     x2, x1, #0xfffffffffffffffe
    PRINT   orr_x_not1, x2
    orr     x2, x1, #0x8000000000000001
    PRINT   orr_x_rot, x2
    eor     x2, x3, #0x0000ffff0000ffff
    PRINT   eor_x_halves, x2
    eor     x2, x3, #0x7ffffffffffffff0
    PRINT   eor_x_run, x2
    mov     x2, #-1
    and     w2, w3, #0x0f0f0f0f
    PRINT   and_w_0f0f, x2
    orr     w2, w1, #0x80000000
    PRINT   orr_w_top, x2
    eor     w2, w5, #0x3
    PRINT   eor_w_3, x2
    ands    x2, x3, #0xff00000000000000
    PRINT   ands_x_neg, x2
    PRINT_NZCV ands_x_neg.nzcv
    SET_NZCV 0x3, x12
    ands    x2, x1, #0xf0
    PRINT_NZCV ands_x_clears_cv.nzcv
    tst     x1, #0x10
    PRINT_NZCV tst_x_zero.nzcv
    ands    w2, w5, #0x80000000
    PRINT   ands_w_neg, x2
    PRINT_NZCV ands_w_neg.nzcv
    orr     sp, x6, #0x10
    mov     x2, sp
    mov     sp, x6
    sub     x2, x2, x6
    PRINT   orr_sp_dst, x2
    mov     x2, #0x5555555555555555
    PRINT   mov_bitmask, x2

    /* move wide */
    movz    x2, #0x1234, lsl #48
    PRINT   movz_x_lsl48, x2
    movz    x2, #0xbeef, lsl #16
    PRINT   movz_x_lsl16, x2
    movn    x2, #0
    PRINT   movn_x_0, x2
    movn    x2, #0x1234, lsl #32
    PRINT   movn_x_lsl32, x2
    mov     x2, #-1
    movn    w2, #0
    PRINT   movn_w_0, x2
    mov     x2, #-1
    movz    w2, #0x8000, lsl #16
    PRINT   movz_w_lsl16, x2
    mov     x2, x3
    movk    x2, #0xaaaa, lsl #32
    PRINT   movk_x_lsl32, x2
    mov     x2, x3
    movk    w2, #0x5555
    PRINT   movk_w, x2

    /* adr and adrp */
    adr     x2, adr_fwd
    PRINT_REL adr_fwd, x2, main
    adr     x2, main
    PRINT_REL adr_back, x2, adr_fwd
    adrp    x2, far_data
    adr     x12, far_data
    and     x12, x12, #~0xfff
    sub     x2, x2, x12
    PRINT   adrp_page_delta, x2
    adrp    x2, far_data
    add     x2, x2, :lo12:far_data
    ldr     x2, [x2]
    PRINT   adrp_add_load, x2

adr_fwd:
    /* shifts by immediate (UBFM/SBFM aliases) */
    lsl     x2, x1, #4
    PRINT   lsl_x_4, x2
    lsl     x2, x1, #63
    PRINT   lsl_x_63, x2
    lsr     x2, x3, #60
    PRINT   lsr_x_60, x2
    asr     x2, x3, #8
    PRINT   asr_x_8, x2
    asr     x2, x4, #63
    PRINT   asr_x_63, x2
    mov     x2, #-1
    lsl     w2, w1, #31
    PRINT   lsl_w_31, x2
    mov     x2, #-1
    lsr     w2, w3, #1
    PRINT   lsr_w_1, x2
    mov     x2, #-1
    asr     w2, w3, #4
    PRINT   asr_w_4, x2

    /* extracts and inserts */
    ubfx    x2, x1, #8, #16
    PRINT   ubfx_x, x2
    ubfx    x2, x3, #63, #1
    PRINT   ubfx_x_top, x2
    sbfx    x2, x3, #60, #4
    PRINT   sbfx_x_neg, x2
    sbfx    x2, x1, #4, #8
    PRINT   sbfx_x_negfield, x2
    mov     x2, #-1
    sbfx    w2, w1, #28, #4
    PRINT   sbfx_w, x2
    mov     x2, #-1
    ubfx    w2, w3, #4, #24
    PRINT   ubfx_w, x2
    mov     x2, x3
    bfi     x2, x1, #16, #8
    PRINT   bfi_x, x2
    mov     x2, x1
    bfi     x2, x3, #56, #8
    PRINT   bfi_x_top, x2
    mov     x2, x3
    bfxil   x2, x1, #8, #12
    PRINT   bfxil_x, x2
    mov     x2, x3
    bfi     w2, w1, #28, #4
    PRINT   bfi_w_top, x2
    mov     x2, x3
    bfxil   w2, w1, #0, #32
    PRINT   bfxil_w_all, x2
    mov     x2, x1
    bfm     x2, x5, #4, #2
    PRINT   bfm_x_wrap, x2
    ubfiz   x2, x1, #3, #10
    PRINT   ubfiz_x, x2
    sbfiz   x2, x3, #40, #12
    PRINT   sbfiz_x, x2
    mov     x2, #-1
    ubfiz   w2, w1, #30, #2
    PRINT   ubfiz_w, x2
    sbfm    x2, x1, #60, #3
    PRINT   sbfm_x_wrap, x2
    ubfm    x2, x3, #62, #61
    PRINT   ubfm_x_wrap, x2

    /* sign and zero extension */
    sxtb    x2, w1
    PRINT   sxtb_x, x2
    sxth    x2, w3
    PRINT   sxth_x, x2
    sxtw    x2, w3
    PRINT   sxtw_x, x2
    sxtw    x2, w1
    PRINT   sxtw_x_pos, x2
    mov     x2, #-1
    sxtb    w2, w3
    PRINT   sxtb_w, x2
    mov     x2, #-1
    sxth    w2, w1
    PRINT   sxth_w, x2
    mov     x2, #-1
    uxtb    w2, w1
    PRINT   uxtb_w, x2
    mov     x2, #-1
    uxth    w2, w3
    PRINT   uxth_w, x2

    /* extract (EXTR) and rotate */
    extr    x2, x1, x3, #17
    PRINT   extr_x_17, x2
    extr    x2, x1, x3, #0
    PRINT   extr_x_0, x2
    extr    x2, x1, x3, #63
    PRINT   extr_x_63, x2
    ror     x2, x1, #13
    PRINT   ror_x_13, x2
    mov     x2, #-1
    extr    w2, w1, w3, #5
    PRINT   extr_w_5, x2
    mov     x2, #-1
    ror     w2, w3, #31
    PRINT   ror_w_31, x2

    ldp     x29, x30, [sp], #16
    mov     w0, #0
    ret

    .data
    .balign 4096
    .skip   0x1230
far_data:
    .quad   0x1122334455667788
