/*
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * CPU benchmark, integer loop: bench_iters iterations of a dependent
 * chain of data-processing instructions (an LCG step with MADD, an
 * xorshift step, CMP/CSEL, ROR, 32-bit ALU, shifted operands), then
 * "checksum=<hex>" on the PL011 and PSCI SYSTEM_OFF (the runtime's exit
 * after main returns).  bench_iters is a .quad that bench/cases/cpu.py
 * generates per size.
 *
 * The loop body is straight-line code closed by SUBS and B.NE, so one
 * iteration executes each instruction from .Lloop to .Ldone once: 20
 * (numbered below).  The program prints that count as "loop_insns",
 * computed from the two labels, and cpu.py takes it from there.
 */
#include "guest.h"

    .text
    .global main
main:
    stp     x29, x30, [sp, #-16]!
    adrp    x0, bench_iters
    ldr     x0, [x0, :lo12:bench_iters]
    MOV64   x1, 0x0123456789abcdef          /* LCG state */
    MOV64   x2, 0x9e3779b97f4a7c15          /* xorshift state */
    mov     x3, #0                          /* accumulator */
    MOV64   x4, 6364136223846793005         /* LCG multiplier */
    MOV64   x5, 1442695040888963407         /* LCG increment */
    mov     w9, #0x55aa                     /* 32-bit lane */
    cbz     x0, .Ldone
.Lloop:
    madd    x1, x1, x4, x5                  /*  1 */
    eor     x2, x2, x2, lsl #13             /*  2 */
    eor     x2, x2, x2, lsr #7              /*  3 */
    eor     x2, x2, x2, lsl #17             /*  4 */
    add     x3, x3, x1                      /*  5 */
    lsl     x6, x2, #3                      /*  6 */
    eor     x3, x3, x6                      /*  7 */
    cmp     x1, x2                          /*  8 */
    csel    x7, x1, x2, hi                  /*  9 */
    ror     x7, x7, #11                     /* 10 */
    sub     x3, x3, x7                      /* 11 */
    and     x8, x3, #0x00ff00ff00ff00ff     /* 12 */
    orr     x8, x8, x1, lsr #56             /* 13 */
    add     w9, w9, w8                      /* 14 */
    eor     w9, w9, w9, lsr #5              /* 15 */
    add     x3, x3, x9, lsl #2              /* 16 */
    ubfx    x10, x1, #20, #12               /* 17 */
    add     x3, x3, x10                     /* 18 */
    subs    x0, x0, #1                      /* 19 */
    b.ne    .Lloop                          /* 20 */
.Ldone:
    eor     x3, x3, x2
    eor     x3, x3, x9
    PRINT   checksum, x3
    adr     x4, .Lloop
    adr     x5, .Ldone
    sub     x4, x5, x4
    lsr     x4, x4, #2
    PRINT   loop_insns, x4
    ldp     x29, x30, [sp], #16
    mov     w0, #0
    ret
