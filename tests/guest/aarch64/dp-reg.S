/*
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * Data processing (register): shifted and extended operands, logical ops,
 * carry arithmetic, conditional select and compare, variable shifts,
 * multiply and divide, bit and byte reversal, CLZ/CLS.
 */
#include "guest.h"

/* Run "op x2, x1, x3" style cases from C/V flag states: prints x2, NZCV. */
.macro FLAGS_CASE name, flags, insn:vararg
    SET_NZCV \flags, x12
    \insn
    PRINT   \name, x2
    PRINT_NZCV \name\().nzcv
.endm

/* The same for comparisons, which only set NZCV. */
.macro NZCV_CASE name, flags, insn:vararg
    SET_NZCV \flags, x12
    \insn
    PRINT_NZCV \name\().nzcv
.endm

    .text
    .global main
main:
    stp     x29, x30, [sp, #-16]!

    MOV64   x1, 0x0123456789abcdef
    MOV64   x3, 0xfedcba9876543210
    MOV64   x4, 0x8000000000000000
    MOV64   x5, 0x00000000ffffffff
    MOV64   x6, 0x7fffffffffffffff
    mov     x7, #-1
    mov     x8, #-7
    mov     x9, #2

    /* add/sub shifted register */
    add     x2, x1, x3, lsl #4
    PRINT   add_x_lsl4, x2
    add     x2, x1, x3, lsr #7
    PRINT   add_x_lsr7, x2
    add     x2, x1, x3, asr #63
    PRINT   add_x_asr63, x2
    sub     x2, x1, x3, lsl #63
    PRINT   sub_x_lsl63, x2
    mov     x2, #-1
    add     w2, w1, w3, asr #31
    PRINT   add_w_asr31, x2
    mov     x2, #-1
    sub     w2, w1, w3, lsr #3
    PRINT   sub_w_lsr3, x2
    neg     x2, x1
    PRINT   neg_x, x2
    neg     x2, x1, lsl #1
    PRINT   neg_x_lsl1, x2
    mov     x2, #-1
    neg     w2, w3
    PRINT   neg_w, x2
    FLAGS_CASE adds_x_reg_ovf, 0, adds x2, x6, x9
    FLAGS_CASE adds_x_reg_carry, 0, adds x2, x7, x7
    FLAGS_CASE subs_x_reg_eq, 0, subs x2, x1, x1
    FLAGS_CASE subs_x_reg_ovf, 0, subs x2, x4, x9
    FLAGS_CASE subs_x_reg_lt, 0, subs x2, x9, x8
    FLAGS_CASE negs_x_min, 0, negs x2, x4
    FLAGS_CASE negs_x_zero, 0, negs x2, xzr
    FLAGS_CASE adds_w_reg_ovf, 0, adds w2, w6, w9
    FLAGS_CASE subs_w_reg_lsl, 0, subs w2, w1, w3, lsl #8
    NZCV_CASE cmp_x_asr, 0, cmp x1, x3, asr #2
    NZCV_CASE cmn_w_reg, 0, cmn w5, w9

    /* add/sub extended register */
    add     x2, x1, w3, uxtb
    PRINT   add_x_uxtb, x2
    add     x2, x1, w3, uxth #2
    PRINT   add_x_uxth2, x2
    add     x2, x1, w3, uxtw #4
    PRINT   add_x_uxtw4, x2
    add     x2, x1, w8, sxtb
    PRINT   add_x_sxtb, x2
    add     x2, x1, w8, sxth #1
    PRINT   add_x_sxth1, x2
    add     x2, x1, w8, sxtw #3
    PRINT   add_x_sxtw3, x2
    add     x2, x1, x3, sxtx #2
    PRINT   add_x_sxtx2, x2
    sub     x2, x1, x3, uxtx #1
    PRINT   sub_x_uxtx1, x2
    mov     x2, #-1
    add     w2, w1, w3, sxtb #4
    PRINT   add_w_sxtb4, x2
    mov     x2, #-1
    sub     w2, w1, w8, uxth
    PRINT   sub_w_uxth, x2
    mov     x10, sp
    add     x2, sp, w9, uxtw #3
    sub     x2, x2, x10
    PRINT   add_sp_ext, x2
    sub     sp, sp, x9, lsl #4
    mov     x2, sp
    add     sp, sp, x9, lsl #4
    sub     x2, x10, x2
    PRINT   sub_sp_ext, x2
    FLAGS_CASE adds_x_sxtw, 0, adds x2, x6, w9, sxtw
    FLAGS_CASE subs_x_uxtb, 0, subs x2, x9, w9, uxtb #1
    NZCV_CASE cmp_x_sxtw, 0, cmp x8, w8, sxtw
    NZCV_CASE cmp_sp_uxtx, 0, cmp sp, x10

    /* logical shifted register */
    and     x2, x1, x3, ror #4
    PRINT   and_x_ror4, x2
    orr     x2, x1, x3, lsl #32
    PRINT   orr_x_lsl32, x2
    eor     x2, x1, x3, lsr #16
    PRINT   eor_x_lsr16, x2
    bic     x2, x1, x3, asr #60
    PRINT   bic_x_asr60, x2
    orn     x2, x1, x3
    PRINT   orn_x, x2
    eon     x2, x1, x3, ror #63
    PRINT   eon_x_ror63, x2
    mvn     x2, x1
    PRINT   mvn_x, x2
    mov     x2, #-1
    and     w2, w1, w3, ror #12
    PRINT   and_w_ror12, x2
    mov     x2, #-1
    orn     w2, w1, w3, lsl #1
    PRINT   orn_w_lsl1, x2
    mov     x2, #-1
    mvn     w2, w1
    PRINT   mvn_w, x2
    mov     x2, x3
    mov     w2, w1
    PRINT   mov_w_reg, x2
    FLAGS_CASE ands_x_reg, 3, ands x2, x3, x7
    FLAGS_CASE bics_x_reg, 3, bics x2, x1, x1
    FLAGS_CASE ands_w_reg, 0, ands w2, w3, w1, lsl #4
    FLAGS_CASE bics_w_ror, 0, bics w2, w5, w1, ror #16
    NZCV_CASE tst_x_reg, 0, tst x4, x3

    /* carry arithmetic */
    FLAGS_CASE adc_x_c0, 0, adc x2, x1, x3
    FLAGS_CASE adc_x_c1, 2, adc x2, x1, x3
    FLAGS_CASE adcs_x_wrap, 2, adcs x2, x7, xzr
    FLAGS_CASE adcs_x_ovf, 2, adcs x2, x6, xzr
    FLAGS_CASE adcs_x_both, 0, adcs x2, x4, x4
    FLAGS_CASE sbc_x_c1, 2, sbc x2, x1, x3
    FLAGS_CASE sbc_x_c0, 0, sbc x2, x1, x3
    FLAGS_CASE sbcs_x_zero, 2, sbcs x2, x9, x9
    FLAGS_CASE sbcs_x_borrow, 0, sbcs x2, x9, x9
    FLAGS_CASE sbcs_x_ovf, 2, sbcs x2, x4, x9
    FLAGS_CASE ngc_x_c0, 0, ngc x2, x9
    FLAGS_CASE ngcs_x_c1, 2, ngcs x2, xzr
    FLAGS_CASE adc_w_c1, 2, adc w2, w5, w9
    FLAGS_CASE adcs_w_c1, 2, adcs w2, w5, wzr
    FLAGS_CASE sbcs_w_c0, 0, sbcs w2, w9, w5

    /* conditional select */
    cmp     x9, #2
    csel    x2, x1, x3, eq
    PRINT   csel_x_t, x2
    csel    x2, x1, x3, ne
    PRINT   csel_x_f, x2
    csinc   x2, x1, x3, lt
    PRINT   csinc_x_f, x2
    csinc   x2, x1, x7, ge
    PRINT   csinc_x_t, x2
    csinv   x2, x1, x3, hi
    PRINT   csinv_x_f, x2
    csneg   x2, x1, x3, mi
    PRINT   csneg_x_f, x2
    csneg   x2, x1, x3, pl
    PRINT   csneg_x_t, x2
    mov     x2, #-1
    csel    w2, w1, w3, ls
    PRINT   csel_w_t, x2
    mov     x2, #-1
    csinc   w2, w1, w7, vs
    PRINT   csinc_w_wrap, x2
    mov     x2, #-1
    csneg   w2, w1, w4, cc
    PRINT   csneg_w_min, x2
    cset    x2, eq
    PRINT   cset_x, x2
    csetm   x2, eq
    PRINT   csetm_x, x2
    cset    w2, ne
    PRINT   cset_w, x2
    cinc    x2, x1, eq
    PRINT   cinc_x, x2
    cinv    x2, x1, eq
    PRINT   cinv_x, x2
    cneg    x2, x1, eq
    PRINT   cneg_x, x2
    csel    x2, x1, x3, al
    PRINT   csel_al, x2
    csel    x2, x1, x3, nv
    PRINT   csel_nv, x2

    /* conditional compare */
    cmp     x9, #2
    ccmp    x1, x3, #0xf, eq
    PRINT_NZCV ccmp_x_t
    cmp     x9, #2
    ccmp    x1, x3, #0x5, ne
    PRINT_NZCV ccmp_x_f
    cmp     x9, #2
    ccmp    x9, #2, #0x8, eq
    PRINT_NZCV ccmp_imm_t
    cmp     x9, #3
    ccmp    x9, #2, #0xa, eq
    PRINT_NZCV ccmp_imm_f
    cmp     x9, #2
    ccmn    x4, x4, #0, eq
    PRINT_NZCV ccmn_x_t
    cmp     x9, #2
    ccmn    w7, #1, #0x2, lt
    PRINT_NZCV ccmn_w_f
    cmp     x9, #2
    ccmn    w7, #1, #0x0, ge
    PRINT_NZCV ccmn_w_t
    cmp     x9, #2
    ccmp    w4, w9, #0x1, hs
    PRINT_NZCV ccmp_w_t

    /* variable shifts */
    mov     x11, #68
    lslv    x2, x1, x11
    PRINT   lslv_x_68, x2
    lsrv    x2, x3, x11
    PRINT   lsrv_x_68, x2
    asrv    x2, x3, x9
    PRINT   asrv_x_2, x2
    rorv    x2, x1, x11
    PRINT   rorv_x_68, x2
    mov     x11, #63
    asrv    x2, x4, x11
    PRINT   asrv_x_63, x2
    mov     x11, #33
    mov     x2, #-1
    lslv    w2, w1, w11
    PRINT   lslv_w_33, x2
    mov     x2, #-1
    lsrv    w2, w3, w11
    PRINT   lsrv_w_33, x2
    mov     x2, #-1
    asrv    w2, w3, w11
    PRINT   asrv_w_33, x2
    mov     x2, #-1
    rorv    w2, w1, w11
    PRINT   rorv_w_33, x2

    /* multiply */
    mul     x2, x1, x3
    PRINT   mul_x, x2
    mov     x2, #-1
    mul     w2, w1, w3
    PRINT   mul_w, x2
    madd    x2, x1, x3, x6
    PRINT   madd_x, x2
    msub    x2, x1, x3, x6
    PRINT   msub_x, x2
    mneg    x2, x1, x9
    PRINT   mneg_x, x2
    mov     x2, #-1
    madd    w2, w1, w9, w3
    PRINT   madd_w, x2
    mov     x2, #-1
    msub    w2, w1, w9, w3
    PRINT   msub_w, x2
    smull   x2, w3, w1
    PRINT   smull, x2
    umull   x2, w3, w1
    PRINT   umull, x2
    smaddl  x2, w8, w3, x1
    PRINT   smaddl, x2
    umaddl  x2, w8, w3, x1
    PRINT   umaddl, x2
    smsubl  x2, w8, w3, x1
    PRINT   smsubl, x2
    umsubl  x2, w8, w3, x1
    PRINT   umsubl, x2
    smnegl  x2, w8, w9
    PRINT   smnegl, x2
    umnegl  x2, w8, w9
    PRINT   umnegl, x2
    smulh   x2, x1, x3
    PRINT   smulh, x2
    umulh   x2, x1, x3
    PRINT   umulh, x2
    smulh   x2, x4, x4
    PRINT   smulh_min, x2
    umulh   x2, x7, x7
    PRINT   umulh_max, x2
    smulh   x2, x8, x9
    PRINT   smulh_neg, x2

    /* divide, including by zero and INT_MIN / -1 */
    udiv    x2, x3, x1
    PRINT   udiv_x, x2
    sdiv    x2, x3, x1
    PRINT   sdiv_x, x2
    sdiv    x2, x8, x9
    PRINT   sdiv_x_trunc, x2
    udiv    x2, x8, x9
    PRINT   udiv_x_big, x2
    udiv    x2, x1, xzr
    PRINT   udiv_x_zero, x2
    sdiv    x2, x1, xzr
    PRINT   sdiv_x_zero, x2
    sdiv    x2, x4, x7
    PRINT   sdiv_x_min_m1, x2
    mov     x2, #-1
    udiv    w2, w3, w9
    PRINT   udiv_w, x2
    mov     x2, #-1
    sdiv    w2, w3, w9
    PRINT   sdiv_w, x2
    mov     x2, #-1
    sdiv    w2, w8, w9
    PRINT   sdiv_w_trunc, x2
    mov     x2, #-1
    udiv    w2, w1, wzr
    PRINT   udiv_w_zero, x2
    mov     x2, #-1
    sdiv    w2, w1, wzr
    PRINT   sdiv_w_zero, x2
    mov     w10, #0x80000000
    mov     x2, #-1
    sdiv    w2, w10, w7
    PRINT   sdiv_w_min_m1, x2

    /* bit and byte reversal, counting */
    rbit    x2, x1
    PRINT   rbit_x, x2
    rev     x2, x1
    PRINT   rev_x, x2
    rev16   x2, x1
    PRINT   rev16_x, x2
    rev32   x2, x1
    PRINT   rev32_x, x2
    mov     x2, #-1
    rbit    w2, w1
    PRINT   rbit_w, x2
    mov     x2, #-1
    rev     w2, w1
    PRINT   rev_w, x2
    mov     x2, #-1
    rev16   w2, w1
    PRINT   rev16_w, x2
    clz     x2, x1
    PRINT   clz_x, x2
    clz     x2, xzr
    PRINT   clz_x_zero, x2
    clz     x2, x4
    PRINT   clz_x_top, x2
    mov     x2, #-1
    clz     w2, w5
    PRINT   clz_w_ones, x2
    clz     w2, wzr
    PRINT   clz_w_zero, x2
    cls     x2, x1
    PRINT   cls_x, x2
    cls     x2, x7
    PRINT   cls_x_m1, x2
    cls     x2, xzr
    PRINT   cls_x_zero, x2
    cls     x2, x3
    PRINT   cls_x_neg, x2
    cls     w2, w3
    PRINT   cls_w, x2
    cls     w2, w7
    PRINT   cls_w_m1, x2

    ldp     x29, x30, [sp], #16
    mov     w0, #0
    ret
