/*
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * CPU benchmark, load/store loop: bench_iters iterations of
 * read-modify-write steps on a 256-byte buffer in RAM with LDR/STR
 * (register offset, unsigned offset, 32-bit, byte), LDP/STP and a
 * post-indexed pair, then "checksum=<hex>" (a mix of the buffer's
 * doublewords) on the PL011 and PSCI SYSTEM_OFF.  bench_iters is a .quad that
 * bench/cases/cpu.py generates per size.  Every access is aligned: with
 * the MMU off, RAM is Device memory.
 *
 * The loop body is straight-line code closed by SUBS and B.NE, so one
 * iteration executes each instruction from .Lloop to .Ldone once: 22
 * (numbered below), 10 of them loads or stores.  The program prints that
 * count as "loop_insns", computed from the two labels, and cpu.py takes
 * it from there.
 */
#include "guest.h"

#define BUF_SIZE 256

    .text
    .global main
main:
    stp     x29, x30, [sp, #-16]!
    adrp    x0, bench_iters
    ldr     x0, [x0, :lo12:bench_iters]
    adrp    x10, buf
    add     x10, x10, :lo12:buf
    mov     x11, #0                         /* offset in the first half */
    MOV64   x1, 0x9e3779b97f4a7c15          /* added each pass */
    mov     x2, #1                          /* running value */
    cbz     x0, .Ldone
.Lloop:
    ldr     x6, [x10, x11]                  /*  1 */
    add     x6, x6, x1                      /*  2 */
    str     x6, [x10, x11]                  /*  3 */
    ldp     x7, x8, [x10, #128]             /*  4 */
    eor     x7, x7, x6                      /*  5 */
    add     x8, x8, x7, lsr #3              /*  6 */
    stp     x7, x8, [x10, #128]             /*  7 */
    ldr     w12, [x10, #144]                /*  8 */
    add     w12, w12, w6                    /*  9 */
    str     w12, [x10, #144]                /* 10 */
    ldrb    w13, [x10, x2]                  /* 11 */
    add     w13, w13, #3                    /* 12 */
    strb    w13, [x10, #160]                /* 13 */
    add     x14, x10, #192                  /* 14 */
    stp     x6, x2, [x14], #16              /* 15 */
    ldr     x15, [x14, #-16]                /* 16 */
    add     x2, x2, x15, lsr #60            /* 17 */
    and     x2, x2, #0xff                   /* 18 */
    add     x11, x11, #8                    /* 19 */
    and     x11, x11, #0x78                 /* 20 */
    subs    x0, x0, #1                      /* 21 */
    b.ne    .Lloop                          /* 22 */
.Ldone:
    mov     x3, #0
    mov     x11, #0
3:
    ldr     x6, [x10, x11]
    eor     x3, x6, x3, ror #7
    add     x11, x11, #8
    cmp     x11, #BUF_SIZE
    b.lo    3b
    PRINT   checksum, x3
    adr     x4, .Lloop
    adr     x5, .Ldone
    sub     x4, x5, x4
    lsr     x4, x4, #2
    PRINT   loop_insns, x4
    ldp     x29, x30, [sp], #16
    mov     w0, #0
    ret

    /*
     * A page of its own: a store to a page that holds code makes QEMU's
     * TCG throw its translations of that page away.
     */
    .bss
    .balign 4096
buf:
    .skip   BUF_SIZE
