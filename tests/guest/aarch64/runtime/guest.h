/*
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * Runtime of the bare-metal AArch64 guest test programs: PL011 output,
 * PSCI, exception hooks, and (for assembly) macros that print registers.
 *
 * The programs start at EL1 with the MMU off, as QEMU's virt machine does
 * without firmware, and end with PSCI SYSTEM_OFF.  Every value they print
 * must be the same on every run: print addresses relative to a label.
 */
#ifndef GUEST_H
#define GUEST_H

/*
 * PSCI conduit of QEMU's virt started at EL1 without firmware (no EL2, no
 * EL3): HVC.  The only place that chooses it.
 */
#define GUEST_PSCI_CONDUIT hvc

#define PSCI_VERSION            0x84000000
#define PSCI_CPU_ON_64          0xc4000003
#define PSCI_SYSTEM_OFF         0x84000008
#define PSCI_FEATURES           0x8400000a

#define UART_BASE               0x09000000
#define GICD_BASE               0x08000000
#define GICC_BASE               0x08010000

/* Index of an exception vector entry: (group << 2) | type. */
#define EXC_CUR_SP0             0
#define EXC_CUR_SPX             4
#define EXC_LOWER_A64           8
#define EXC_LOWER_A32           12
#define EXC_SYNC                0
#define EXC_IRQ                 1
#define EXC_FIQ                 2
#define EXC_SERROR              3

/* Layout of the frame the vectors save (struct ExcFrame). */
#define FRAME_ELR               (31 * 8)
#define FRAME_SPSR              (32 * 8)
#define FRAME_SIZE              (34 * 8)

#ifdef __ASSEMBLER__

/*
 * PRINT name, xN / PRINTW name, wN: print "name=<hex>" for a register
 * without disturbing any general register or NZCV.  name is a bare word.
 */
.macro PRINT_WITH func, name, reg, move
    sub     sp, sp, #176
    stp     x0, x1, [sp, #0]
    stp     x2, x3, [sp, #16]
    stp     x4, x5, [sp, #32]
    stp     x6, x7, [sp, #48]
    stp     x8, x9, [sp, #64]
    stp     x10, x11, [sp, #80]
    stp     x12, x13, [sp, #96]
    stp     x14, x15, [sp, #112]
    stp     x16, x17, [sp, #128]
    stp     x18, x30, [sp, #144]
    \move
    mrs     x2, nzcv
    str     x2, [sp, #160]
    .pushsection .rodata.str, "a"
9999:
    .asciz  "\name"
    .popsection
    adrp    x0, 9999b
    add     x0, x0, :lo12:9999b
    bl      \func
    ldr     x2, [sp, #160]
    msr     nzcv, x2
    ldp     x0, x1, [sp, #0]
    ldp     x2, x3, [sp, #16]
    ldp     x4, x5, [sp, #32]
    ldp     x6, x7, [sp, #48]
    ldp     x8, x9, [sp, #64]
    ldp     x10, x11, [sp, #80]
    ldp     x12, x13, [sp, #96]
    ldp     x14, x15, [sp, #112]
    ldp     x16, x17, [sp, #128]
    ldp     x18, x30, [sp, #144]
    add     sp, sp, #176
.endm

.macro PRINT name, reg
    PRINT_WITH guest_print_reg64, \name, \reg, "mov x1, \reg"
.endm

.macro PRINTW name, reg
    PRINT_WITH guest_print_reg32, \name, \reg, "mov w1, \reg"
.endm

/* Print NZCV as "name=N Z C V" flags, e.g. "adds_ov.nzcv=nZcV". */
.macro PRINT_NZCV name
    PRINT_WITH guest_print_nzcv, \name, x0, "mrs x1, nzcv"
.endm

/* Print the distance of xN from a label, for addresses. */
.macro PRINT_REL name, reg, label
    PRINT_WITH guest_print_reg64, \name, \reg, \
        "mov x1, \reg ; adr x2, \label ; sub x1, x1, x2"
.endm

/* Load a 64-bit constant. */
.macro MOV64 reg, val
    movz    \reg, #((\val) & 0xffff)
    movk    \reg, #(((\val) >> 16) & 0xffff), lsl #16
    movk    \reg, #(((\val) >> 32) & 0xffff), lsl #32
    movk    \reg, #(((\val) >> 48) & 0xffff), lsl #48
.endm

/* Set NZCV from a 4-bit value (N=8, Z=4, C=2, V=1); clobbers tmp. */
.macro SET_NZCV bits, tmp
    mov     \tmp, #((\bits) << 28)
    msr     nzcv, \tmp
.endm

#else

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* General registers x0..x30, then ELR_EL1 and SPSR_EL1 at entry. */
typedef struct ExcFrame {
    uint64_t x[31];
    uint64_t elr;
    uint64_t spsr;
    uint64_t pad;
} ExcFrame;

/*
 * A handler of synchronous exceptions or interrupts: @kind is the vector
 * entry index (EXC_*).  It may change @frame (return address, registers).
 * A synchronous handler returns false for an exception it did not expect.
 */
typedef bool GuestExcHandler(ExcFrame *frame, unsigned kind);

#define READ_SYSREG(name) ({                                    \
    uint64_t v_;                                                \
    __asm__ volatile("mrs %0, " #name : "=r"(v_) :: "memory");  \
    v_;                                                         \
})

#define WRITE_SYSREG(name, val) do {                            \
    uint64_t v_ = (val);                                        \
    __asm__ volatile("msr " #name ", %0" :: "r"(v_) : "memory"); \
} while (0)

static inline void mmio_write32(uintptr_t addr, uint32_t val)
{
    *(volatile uint32_t *)addr = val;
}

static inline uint32_t mmio_read32(uintptr_t addr)
{
    return *(volatile uint32_t *)addr;
}

static inline void mmio_write8(uintptr_t addr, uint8_t val)
{
    *(volatile uint8_t *)addr = val;
}

/**
 * guest_putc: Write one byte to the PL011, waiting while its FIFO is full.
 */
void guest_putc(char c);

/**
 * guest_puts: Write a string to the PL011 (no newline added).
 */
void guest_puts(const char *s);

/**
 * guest_put_hex: Write the low @digits hex digits of @val, lower case.
 */
void guest_put_hex(uint64_t val, int digits);

/**
 * guest_put_dec: Write @val in decimal.
 */
void guest_put_dec(uint64_t val);

/**
 * guest_print_reg64: Write "name=<16 hex digits>\n".
 */
void guest_print_reg64(const char *name, uint64_t val);

/**
 * guest_print_reg32: Write "name=<8 hex digits>\n".
 */
void guest_print_reg32(const char *name, uint64_t val);

/**
 * guest_print_nzcv: Write "name=NZCV\n" with clear flags in lower case.
 */
void guest_print_nzcv(const char *name, uint64_t nzcv);

/**
 * guest_psci: Call PSCI function @fn with arguments; returns x0.
 */
uint64_t guest_psci(uint64_t fn, uint64_t a1, uint64_t a2, uint64_t a3);

/**
 * guest_exit: Power off through PSCI SYSTEM_OFF; never returns.
 */
void guest_exit(void) __attribute__((noreturn));

/**
 * guest_set_sync_handler: Route synchronous exceptions to @fn (NULL: the
 * default, which reports the exception and powers off).
 */
void guest_set_sync_handler(GuestExcHandler *fn);

/**
 * guest_set_irq_handler: Route IRQs to @fn.
 */
void guest_set_irq_handler(GuestExcHandler *fn);

/**
 * guest_exception: Called by the vectors with the saved frame.
 */
void guest_exception(ExcFrame *frame, unsigned kind);

int main(void);

void *memset(void *dst, int c, size_t n);
void *memcpy(void *dst, const void *src, size_t n);

#endif /* __ASSEMBLER__ */

#endif /* GUEST_H */
