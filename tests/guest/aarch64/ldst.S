/*
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * Loads and stores: every addressing form (unsigned offset, unscaled,
 * pre/post-index, register offset with extend and shift, pairs, literal,
 * unprivileged), every size with the sign-extending variants, exclusives,
 * acquire/release, prefetch as a no-op, and barriers.  All accesses are
 * aligned: with the MMU off, memory is Device and unaligned accesses fault.
 */
#include "guest.h"

/* x1: src, x20: dst.  Fill dst (128 bytes) with 0xaa. */
.macro FILL_DST
    MOV64   x26, 0xaaaaaaaaaaaaaaaa
    mov     x27, #0
8001:
    str     x26, [x20, x27]
    add     x27, x27, #8
    cmp     x27, #128
    b.lo    8001b
.endm

/* Print the first 64 bytes of dst as 8 doublewords. */
.macro DUMP_DST name
    .irp    off, 0, 8, 16, 24, 32, 40, 48, 56
    ldr     x26, [x20, #\off]
    PRINT   \name\().\off, x26
    .endr
.endm

    .text
    .global main
main:
    stp     x29, x30, [sp, #-16]!
    /* Alignment checking on: any misaligned access here is a test bug. */
    mrs     x0, sctlr_el1
    orr     x0, x0, #2
    msr     sctlr_el1, x0
    isb
    adrp    x1, src
    add     x1, x1, :lo12:src
    adrp    x20, dst
    add     x20, x20, :lo12:dst

    /* unsigned offset, every size */
    ldr     x2, [x1]
    PRINT   ldr_x, x2
    ldr     x2, [x1, #56]
    PRINT   ldr_x_56, x2
    mov     x2, #-1
    ldr     w2, [x1, #4]
    PRINT   ldr_w_4, x2
    mov     x2, #-1
    ldrh    w2, [x1, #6]
    PRINT   ldrh_6, x2
    mov     x2, #-1
    ldrb    w2, [x1, #7]
    PRINT   ldrb_7, x2
    ldrsb   x2, [x1, #0]
    PRINT   ldrsb_x_pos, x2
    ldrsb   x2, [x1, #7]
    PRINT   ldrsb_x_neg, x2
    mov     x2, #-1
    ldrsb   w2, [x1, #7]
    PRINT   ldrsb_w_neg, x2
    ldrsh   x2, [x1, #6]
    PRINT   ldrsh_x_neg, x2
    mov     x2, #-1
    ldrsh   w2, [x1, #6]
    PRINT   ldrsh_w_neg, x2
    ldrsh   x2, [x1, #8]
    PRINT   ldrsh_x_pos, x2
    ldrsw   x2, [x1, #4]
    PRINT   ldrsw_x_neg, x2
    ldrsw   x2, [x1, #8]
    PRINT   ldrsw_x_pos, x2

    /* unscaled (negative and odd-looking offsets, aligned addresses) */
    add     x9, x1, #16
    ldur    x2, [x9, #-8]
    PRINT   ldur_x_m8, x2
    ldur    w2, [x9, #-12]
    PRINT   ldur_w_m12, x2
    ldurb   w2, [x9, #-9]
    PRINT   ldurb_m9, x2
    ldursh  x2, [x9, #-10]
    PRINT   ldursh_m10, x2
    ldursw  x2, [x9, #-12]
    PRINT   ldursw_m12, x2
    ldursb  w2, [x9, #-1]
    PRINT   ldursb_w_m1, x2
    ldur    x2, [x9, #40]
    PRINT   ldur_x_40, x2

    /* pre- and post-index */
    mov     x9, x1
    ldr     x2, [x9, #8]!
    PRINT   ldr_pre, x2
    PRINT_REL ldr_pre.base, x9, src
    ldr     x2, [x9], #16
    PRINT   ldr_post, x2
    PRINT_REL ldr_post.base, x9, src
    ldrb    w2, [x9, #-1]!
    PRINT   ldrb_pre_m1, x2
    PRINT_REL ldrb_pre_m1.base, x9, src
    ldrsb   x2, [x9], #-15
    PRINT   ldrsb_post, x2
    PRINT_REL ldrsb_post.base, x9, src
    ldrsh   x2, [x9, #4]!
    PRINT   ldrsh_pre, x2
    PRINT_REL ldrsh_pre.base, x9, src
    ldrsw   x2, [x9], #-2
    PRINT   ldrsw_post, x2
    PRINT_REL ldrsw_post.base, x9, src
    ldrh    w2, [x9], #2
    PRINT   ldrh_post, x2
    PRINT_REL ldrh_post.base, x9, src

    /* register offset with extend and shift */
    mov     x10, #24
    ldr     x2, [x1, x10]
    PRINT   ldr_reg, x2
    mov     x10, #2
    ldr     x2, [x1, x10, lsl #3]
    PRINT   ldr_reg_lsl3, x2
    MOV64   x11, 0xffffffff00000003
    ldr     w2, [x1, w11, uxtw #2]
    PRINT   ldr_w_uxtw2, x2
    add     x12, x1, #32
    mov     x13, #-2
    ldr     x2, [x12, w13, sxtw #3]
    PRINT   ldr_sxtw3, x2
    mov     x14, #-8
    ldr     x2, [x12, w14, sxtw]
    PRINT   ldr_sxtw_noscale, x2
    ldr     x2, [x12, x14, sxtx]
    PRINT   ldr_sxtx, x2
    ldr     x2, [x12, x13, sxtx #3]
    PRINT   ldr_sxtx3, x2
    mov     x10, #7
    ldrh    w2, [x1, x10, lsl #1]
    PRINT   ldrh_lsl1, x2
    ldrb    w2, [x1, x10]
    PRINT   ldrb_reg, x2
    ldrb    w2, [x1, x10, lsl #0]
    PRINT   ldrb_reg_lsl0, x2
    ldrsb   x2, [x1, w10, uxtw]
    PRINT   ldrsb_uxtw, x2
    ldrsh   w2, [x12, w13, sxtw #1]
    PRINT   ldrsh_w_sxtw1, x2
    mov     x10, #3
    ldrsw   x2, [x1, x10, lsl #2]
    PRINT   ldrsw_lsl2, x2

    /* pairs */
    ldp     x2, x3, [x1, #16]
    PRINT   ldp_x.0, x2
    PRINT   ldp_x.1, x3
    ldp     w2, w3, [x1, #8]
    PRINT   ldp_w.0, x2
    PRINT   ldp_w.1, x3
    mov     x9, x1
    ldp     x2, x3, [x9, #32]!
    PRINT   ldp_pre.0, x2
    PRINT   ldp_pre.1, x3
    PRINT_REL ldp_pre.base, x9, src
    ldp     x2, x3, [x9], #-24
    PRINT   ldp_post.0, x2
    PRINT   ldp_post.1, x3
    PRINT_REL ldp_post.base, x9, src
    ldpsw   x2, x3, [x1]
    PRINT   ldpsw.0, x2
    PRINT   ldpsw.1, x3
    ldpsw   x2, x3, [x1, #48]
    PRINT   ldpsw_48.0, x2
    PRINT   ldpsw_48.1, x3
    mov     x9, x1
    ldpsw   x2, x3, [x9, #8]!
    PRINT   ldpsw_pre.0, x2
    PRINT   ldpsw_pre.1, x3
    PRINT_REL ldpsw_pre.base, x9, src
    ldnp    x2, x3, [x1, #-16 + 32]
    PRINT   ldnp.0, x2
    PRINT   ldnp.1, x3
    ldp     w2, w3, [x1, #-4 + 60]
    PRINT   ldp_w_neg.0, x2
    PRINT   ldp_w_neg.1, x3

    /* literal */
    ldr     x2, lit64
    PRINT   ldr_lit_x, x2
    mov     x2, #-1
    ldr     w2, lit32
    PRINT   ldr_lit_w, x2
    ldrsw   x2, lit32
    PRINT   ldrsw_lit, x2
    ldr     x2, lit_back
    PRINT   ldr_lit_back, x2

    /* unprivileged forms behave as normal accesses at EL1 (no MMU) */
    ldtr    x2, [x1, #8]
    PRINT   ldtr_x, x2
    ldtrsb  x2, [x1, #7]
    PRINT   ldtrsb_x, x2
    ldtrsh  w2, [x1, #6]
    PRINT   ldtrsh_w, x2
    ldtrsw  x2, [x1, #4]
    PRINT   ldtrsw, x2
    ldtrb   w2, [x1, #15]
    PRINT   ldtrb, x2
    ldtrh   w2, [x1, #14]
    PRINT   ldtrh, x2
    ldtr    w2, [x1, #-4 + 8]
    PRINT   ldtr_w, x2

    /* prefetches do nothing, even to an address with no device */
    prfm    pldl1keep, [x1]
    prfm    pstl2strm, [x1, x10]
    prfum   pldl3keep, [x1, #-1]
    prfm    plil1keep, lit64
    MOV64   x15, 0x0b000000
    prfm    pldl1keep, [x15]
    prfm    #0x1f, [x15, #8]
    mov     x2, #1
    PRINT   prefetch_ok, x2

    /* stores, every size and form, into dst pre-filled with 0xaa */
    MOV64   x3, 0x0102030405060708
    MOV64   x4, 0xf1f2f3f4f5f6f7f8
    FILL_DST
    str     x3, [x20]
    str     w4, [x20, #8]
    strh    w3, [x20, #14]
    strb    w4, [x20, #17]
    strb    wzr, [x20, #19]
    stur    x4, [x20, #24]
    sturh   w4, [x20, #34]
    sturb   w3, [x20, #37]
    stur    w3, [x20, #44]
    str     xzr, [x20, #48]
    sttr    w3, [x20, #56]
    sttrb   w4, [x20, #61]
    sttrh   w4, [x20, #62]
    DUMP_DST store_imm
    FILL_DST
    mov     x9, x20
    str     x3, [x9, #8]!
    PRINT_REL str_pre.base, x9, dst
    str     w4, [x9], #12
    PRINT_REL str_post.base, x9, dst
    strb    w3, [x9, #-2]!
    PRINT_REL strb_pre.base, x9, dst
    strh    w4, [x9], #9
    PRINT_REL strh_post.base, x9, dst
    mov     x10, #4
    str     x4, [x20, x10, lsl #3]
    mov     w11, #40
    str     w3, [x20, w11, uxtw]
    add     x12, x20, #64
    mov     x13, #-10
    strh    w3, [x12, w13, sxtw #1]
    mov     x13, #-9
    strb    w4, [x12, x13]
    sttr    x4, [x20, #56]
    DUMP_DST store_wb
    FILL_DST
    stp     x3, x4, [x20]
    stp     w4, w3, [x20, #16]
    mov     x9, x20
    stp     x4, xzr, [x9, #24]!
    PRINT_REL stp_pre.base, x9, dst
    stp     w3, w4, [x9], #16
    PRINT_REL stp_post.base, x9, dst
    stnp    x3, x4, [x20, #48]
    DUMP_DST store_pair

    /* stores relative to sp */
    mov     x9, sp
    str     x3, [sp, #-16]!
    mov     x2, sp
    ldr     x5, [sp], #16
    sub     x2, x9, x2
    PRINT   str_sp_pre.delta, x2
    PRINT   ldr_sp_post, x5
    stp     x3, x4, [sp, #-32]!
    ldp     x5, x6, [sp], #32
    PRINT   stp_sp.0, x5
    PRINT   stp_sp.1, x6
    mov     x2, sp
    sub     x2, x9, x2
    PRINT   sp_restored, x2

    /* exclusives */
    FILL_DST
    ldxr    x2, [x20]
    stxr    w5, x3, [x20]
    PRINT   stxr_ok.status, x5
    stxr    w5, x4, [x20]
    PRINT   stxr_again.status, x5
    add     x21, x20, #8
    ldaxr   w2, [x21]
    stlxr   w5, w3, [x21]
    PRINT   stlxr_w_ok.status, x5
    add     x21, x20, #16
    ldxr    x2, [x21]
    clrex
    stxr    w5, x3, [x21]
    PRINT   stxr_clrex.status, x5
    add     x21, x20, #24
    ldxrb   w2, [x21]
    stxrb   w5, w4, [x21]
    PRINT   stxrb_ok.status, x5
    add     x21, x20, #26
    ldaxrh  w2, [x21]
    stlxrh  w5, w3, [x21]
    PRINT   stlxrh_ok.status, x5
    add     x21, x20, #32
    ldxp    x2, x6, [x21]
    stxp    w5, x3, x4, [x21]
    PRINT   stxp_ok.status, x5
    PRINT   ldxp.0, x2
    PRINT   ldxp.1, x6
    add     x21, x20, #48
    ldaxp   w2, w6, [x21]
    stlxp   w5, w4, w3, [x21]
    PRINT   stlxp_w_ok.status, x5
    add     x21, x20, #56
    mov     w5, #7
    stxr    w5, x3, [x21]
    PRINT   stxr_no_monitor.status, x5
    DUMP_DST exclusive

    /* acquire/release */
    FILL_DST
    stlr    x3, [x20]
    add     x21, x20, #8
    stlr    w4, [x21]
    add     x21, x20, #12
    stlrh   w3, [x21]
    add     x21, x20, #15
    stlrb   w4, [x21]
    ldar    x2, [x1]
    PRINT   ldar_x, x2
    mov     x2, #-1
    add     x21, x1, #4
    ldar    w2, [x21]
    PRINT   ldar_w, x2
    add     x21, x1, #6
    ldarh   w2, [x21]
    PRINT   ldarh, x2
    add     x21, x1, #7
    ldarb   w2, [x21]
    PRINT   ldarb, x2
    add     x21, x1, #8
    ldaxr   x2, [x21]
    clrex
    PRINT   ldaxr_x, x2
    DUMP_DST release

    /* barriers */
    dmb     sy
    dmb     ish
    dmb     ishld
    dmb     oshst
    dsb     sy
    dsb     nsh
    isb
    mov     x2, #1
    PRINT   barriers_ok, x2

    mrs     x0, sctlr_el1
    bic     x0, x0, #2
    msr     sctlr_el1, x0
    isb
    ldp     x29, x30, [sp], #16
    mov     w0, #0
    ret

    .balign 8
lit64:
    .quad   0x8877665544332211
lit32:
    .word   0x87654321
    .word   0

    .data
    .balign 64
lit_back:
    .quad   0x0badc0de0badc0de
src:
    .quad   0x8f7e6d5c4b3a2918
    .quad   0x0716253443526170
    .quad   0xfedcba9876543210
    .quad   0x0123456789abcdef
    .quad   0x8000000000000001
    .quad   0x7fffffff80000000
    .quad   0xffff0000ffff8000
    .quad   0x00807f80ff017e81
    .skip   0x200
    .balign 64
dst:
    .skip   128
