/*
 * Unit tests for the A64 load/store decoder (target/arm/a64-ldst.c).
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * The decoder is linked alone against the memory helpers of
 * target/arm/internals.h implemented below over a flat RAM: every
 * access is recorded, alignment is checked as the contract says
 * (must_align or SCTLR_EL1.A; exclusives on their total size) and a
 * fault is reported the way exception.c does, ESR_EL1 (with the
 * instruction's ISS from env->ldst_syndrome) and FAR_EL1, so that the
 * tests can check what the decoder told the memory system.
 * Encodings come from GNU as; the comments give their assembly.
 */
#include "qemu/osdep.h"
#include "target/arm/internals.h"

#define RAM_BASE        0x40000000ULL
#define RAM_SIZE        0x10000
#define RAM_END         (RAM_BASE + RAM_SIZE)
#define BUF             (RAM_BASE + 0x100)    /* the usual base in X1 */
#define CODE            (RAM_BASE + 0x8000)   /* env->pc */
#define MAX_ACCESSES    16

/* ESR_EL1 fields of a data abort. */
#define ESR_EC(esr)     ((esr) >> ARM_EL_EC_SHIFT)
#define ESR_ISV         (1U << 24)
#define ESR_SAS(esr)    (((esr) >> 22) & 3)
#define ESR_SSE         (1U << 21)
#define ESR_SRT(esr)    (((esr) >> 16) & 31)
#define ESR_SF          (1U << 15)
#define ESR_AR          (1U << 14)
#define ESR_WNR         (1U << 6)
#define ESR_FSC(esr)    ((esr) & 0x3f)

typedef struct Access {
    uint64_t va;
    unsigned size;
    bool write;
    bool unpriv;
    bool must_align;
    bool excl;
} Access;

static ARMCPU *cpu;
static CPUARMState *env;
static uint8_t ram[RAM_SIZE];
static Access accesses[MAX_ACCESSES];
static unsigned n_accesses;
static bool fp_enabled;

/* The memory system the decoder sees. */

static void mock_abort(uint64_t va, bool write, uint32_t fsc)
{
    uint32_t ec = EC_DATAABORT_SAME_EL;

    env->cp15.esr_el[1] = (ec << ARM_EL_EC_SHIFT) | ARM_EL_IL |
                          env->ldst_syndrome | (write ? ESR_WNR : 0) | fsc;
    env->cp15.far_el[1] = va;
    env->exception_taken = true;
}

static bool mock_check(uint64_t va, unsigned size, bool write, bool unpriv,
                       bool must_align, bool excl)
{
    g_assert_cmpuint(n_accesses, <, MAX_ACCESSES);
    accesses[n_accesses++] = (Access) {
        .va = va, .size = size, .write = write, .unpriv = unpriv,
        .must_align = must_align, .excl = excl,
    };
    if ((must_align || (env->cp15.sctlr_el[1] & SCTLR_A)) &&
        (va & (size - 1))) {
        mock_abort(va, write, ARM_FSC_ALIGNMENT);
        return false;
    }
    if (va < RAM_BASE || va >= RAM_END || RAM_END - va < size) {
        mock_abort(va, write, ARM_FSC_SYNC_EXTERNAL);
        return false;
    }
    return true;
}

static uint64_t ram_get(uint64_t va, unsigned size)
{
    uint64_t val = 0;
    unsigned i;

    for (i = 0; i < size; i++) {
        val |= (uint64_t)ram[va - RAM_BASE + i] << (8 * i);
    }
    return val;
}

static void ram_put(uint64_t va, unsigned size, uint64_t val)
{
    unsigned i;

    for (i = 0; i < size; i++) {
        ram[va - RAM_BASE + i] = val >> (8 * i);
    }
}

bool arm_mem_ld(ARMCPU *c, uint64_t va, unsigned size, bool unpriv,
                bool must_align, uint64_t *val)
{
    if (!mock_check(va, size, false, unpriv, must_align, false)) {
        return false;
    }
    *val = ram_get(va, size);
    return true;
}

bool arm_mem_st(ARMCPU *c, uint64_t va, unsigned size, bool unpriv,
                bool must_align, uint64_t val)
{
    if (!mock_check(va, size, true, unpriv, must_align, false)) {
        return false;
    }
    ram_put(va, size, val);
    return true;
}

bool arm_mem_ld_excl(ARMCPU *c, uint64_t va, unsigned size, bool pair,
                     uint64_t *v0, uint64_t *v1)
{
    unsigned total = pair ? 2 * size : size;

    if (!mock_check(va, total, false, false, true, true)) {
        return false;
    }
    *v0 = ram_get(va, size);
    *v1 = pair ? ram_get(va + size, size) : 0;
    env->exclusive_addr = va;
    env->exclusive_size = total;
    env->exclusive_val = *v0;
    env->exclusive_high = *v1;
    return true;
}

bool arm_mem_st_excl(ARMCPU *c, uint64_t va, unsigned size, bool pair,
                     uint64_t v0, uint64_t v1, uint32_t *status)
{
    unsigned total = pair ? 2 * size : size;

    /* The decoder passes the W register for 32-bit elements. */
    if (size < 8) {
        g_assert_cmphex(v0 >> (8 * size), ==, 0);
        g_assert_cmphex(v1 >> (8 * size), ==, 0);
    }
    /* As mem.c and QEMU: another address fails before any check. */
    if (env->exclusive_addr != va) {
        arm_excl_clear(env);
        *status = 1;
        return true;
    }
    if (!mock_check(va, total, true, false, true, true)) {
        return false;
    }
    if (env->exclusive_size == total &&
        ram_get(va, size) == env->exclusive_val &&
        (!pair || ram_get(va + size, size) == env->exclusive_high)) {
        ram_put(va, size, v0);
        if (pair) {
            ram_put(va + size, size, v1);
        }
        *status = 0;
    } else {
        *status = 1;
    }
    arm_excl_clear(env);
    return true;
}

bool arm_fp_access_check(ARMCPU *c)
{
    if (!fp_enabled) {
        env->cp15.esr_el[1] = syn_uncategorized();
        env->exception_taken = true;
    }
    return fp_enabled;
}

/* Test helpers. */

static void setup(void)
{
    memset(env, 0, sizeof(*env));
    memset(ram, 0, sizeof(ram));
    env->pc = CODE;
    env->pstate = PSTATE_MODE_EL1h;
    arm_excl_clear(env);
    n_accesses = 0;
    fp_enabled = false;
}

/* Execute @insn as the dispatcher does. */
static bool run(uint32_t insn)
{
    env->exception_taken = false;
    env->ldst_syndrome = 0;
    n_accesses = 0;
    return a64_ldst(cpu, insn);
}

/* Execute @insn, which must complete without an exception. */
static void exec_ok(uint32_t insn)
{
    g_assert_true(run(insn));
    g_assert_false(env->exception_taken);
}

/* Execute @insn, which must raise a data abort at @far. */
static uint32_t exec_abort(uint32_t insn, uint64_t far)
{
    uint32_t esr;

    g_assert_true(run(insn));
    g_assert_true(env->exception_taken);
    esr = env->cp15.esr_el[1];
    g_assert_cmphex(ESR_EC(esr), ==, EC_DATAABORT_SAME_EL);
    g_assert_cmphex(env->cp15.far_el[1], ==, far);
    return esr;
}

/* Unsigned offset. */

static void test_uimm_load(void)
{
    setup();
    env->xregs[1] = BUF;
    ram_put(BUF, 8, 0x1122334455667788ULL);
    ram_put(BUF + 8, 8, 0x8877665544332211ULL);

    exec_ok(0xf9400420);                    /* ldr x0, [x1, #8] */
    g_assert_cmphex(env->xregs[0], ==, 0x8877665544332211ULL);
    g_assert_cmpuint(accesses[0].size, ==, 8);
    g_assert_cmphex(accesses[0].va, ==, BUF + 8);
    g_assert_false(accesses[0].unpriv || accesses[0].must_align);

    env->xregs[2] = UINT64_MAX;
    exec_ok(0xb9400422);                    /* ldr w2, [x1, #4] */
    g_assert_cmphex(env->xregs[2], ==, 0x11223344);

    env->xregs[3] = UINT64_MAX;
    exec_ok(0x79400423);                    /* ldrh w3, [x1, #2] */
    g_assert_cmphex(env->xregs[3], ==, 0x5566);

    env->xregs[4] = UINT64_MAX;
    exec_ok(0x39400424);                    /* ldrb w4, [x1, #1] */
    g_assert_cmphex(env->xregs[4], ==, 0x77);

    /* Rt = 31 is XZR: the load happens, nothing is written (not SP). */
    env->xregs[31] = 0x1234;
    exec_ok(0xf940003f);                    /* ldr xzr, [x1] */
    g_assert_cmpuint(n_accesses, ==, 1);
    g_assert_cmphex(env->xregs[31], ==, 0x1234);

    /* Rn = 31 is SP. */
    env->xregs[31] = BUF;
    exec_ok(0xf94007e0);                    /* ldr x0, [sp, #8] */
    g_assert_cmphex(env->xregs[0], ==, 0x8877665544332211ULL);
}

static void test_uimm_store(void)
{
    setup();
    env->xregs[1] = BUF;
    env->xregs[5] = 0x0102030405060708ULL;
    memset(ram, 0xee, sizeof(ram));

    exec_ok(0xf9000825);                    /* str x5, [x1, #16] */
    g_assert_cmphex(ram_get(BUF + 16, 8), ==, 0x0102030405060708ULL);
    g_assert_true(accesses[0].write);
    exec_ok(0xb9001825);                    /* str w5, [x1, #24] */
    g_assert_cmphex(ram_get(BUF + 24, 8), ==, 0xeeeeeeee05060708ULL);
    exec_ok(0x79003c25);                    /* strh w5, [x1, #30] */
    g_assert_cmphex(ram_get(BUF + 28, 4), ==, 0x0708eeee);
    exec_ok(0x39007c25);                    /* strb w5, [x1, #31] */
    g_assert_cmphex(ram_get(BUF + 28, 4), ==, 0x0808eeee);
    g_assert_cmphex(ram_get(BUF + 32, 1), ==, 0xee);

    /* Rt = 31 stores XZR, not SP. */
    env->xregs[31] = 0xdeadbeef;
    exec_ok(0xf900103f);                    /* str xzr, [x1, #32] */
    g_assert_cmphex(ram_get(BUF + 32, 8), ==, 0);
}

/* Unscaled, pre- and post-index. */

static void test_unscaled(void)
{
    setup();
    env->xregs[1] = BUF;
    env->xregs[5] = 0xa1b2c3d4;
    ram_put(BUF - 8, 8, 0x0fedcba987654321ULL);

    exec_ok(0xf85f8020);                    /* ldur x0, [x1, #-8] */
    g_assert_cmphex(env->xregs[0], ==, 0x0fedcba987654321ULL);
    g_assert_cmphex(env->xregs[1], ==, BUF);

    /* Unaligned is fine while SCTLR_EL1.A is clear. */
    exec_ok(0xb81fd025);                    /* stur w5, [x1, #-3] */
    g_assert_cmphex(ram_get(BUF - 3, 4), ==, 0xa1b2c3d4);
    g_assert_cmphex(accesses[0].va, ==, BUF - 3);
}

static void test_pre_post_index(void)
{
    setup();
    env->xregs[1] = BUF;
    ram_put(BUF, 8, 0xaaaa);
    ram_put(BUF + 16, 8, 0xbbbb);

    exec_ok(0xf8410c20);                    /* ldr x0, [x1, #16]! */
    g_assert_cmphex(env->xregs[0], ==, 0xbbbb);
    g_assert_cmphex(env->xregs[1], ==, BUF + 16);

    exec_ok(0xf85f0420);                    /* ldr x0, [x1], #-16 */
    g_assert_cmphex(env->xregs[0], ==, 0xbbbb);
    g_assert_cmphex(env->xregs[1], ==, BUF);

    exec_ok(0xf85f0420);                    /* ldr x0, [x1], #-16 */
    g_assert_cmphex(env->xregs[0], ==, 0xaaaa);
    g_assert_cmphex(env->xregs[1], ==, BUF - 16);

    /* SP as the base is written back. */
    env->xregs[31] = BUF + 0x100;
    env->xregs[5] = 0x5555;
    exec_ok(0xf81f0fe5);                    /* str x5, [sp, #-16]! */
    g_assert_cmphex(env->xregs[31], ==, BUF + 0xf0);
    g_assert_cmphex(ram_get(BUF + 0xf0, 8), ==, 0x5555);

    env->xregs[1] = BUF + 4;
    ram_put(BUF, 4, 0x80000001);
    exec_ok(0xb89fcc20);                    /* ldrsw x0, [x1, #-4]! */
    g_assert_cmphex(env->xregs[0], ==, 0xffffffff80000001ULL);
    g_assert_cmphex(env->xregs[1], ==, BUF);
}

/* CONSTRAINED UNPREDICTABLE, as QEMU: the write-back wins over Rt. */
static void test_writeback_rt_is_rn(void)
{
    setup();
    ram_put(BUF + 8, 8, 0x1111);
    ram_put(BUF, 8, 0x2222);

    env->xregs[1] = BUF;
    exec_ok(0xf8408c21);                    /* ldr x1, [x1, #8]! */
    g_assert_cmphex(env->xregs[1], ==, BUF + 8);

    env->xregs[1] = BUF;
    exec_ok(0xf8408421);                    /* ldr x1, [x1], #8 */
    g_assert_cmphex(env->xregs[1], ==, BUF + 8);

    /* A store writes the base as it was before the write-back. */
    env->xregs[1] = BUF;
    exec_ok(0xf8008c21);                    /* str x1, [x1, #8]! */
    g_assert_cmphex(ram_get(BUF + 8, 8), ==, BUF);
    g_assert_cmphex(env->xregs[1], ==, BUF + 8);
}

/* Register offset. */

static void test_register_offset(void)
{
    setup();
    env->xregs[1] = BUF;
    ram_put(BUF + 0x18, 8, 0x18);
    ram_put(BUF + 3, 8, 0x03);
    ram_put(BUF + 0x20, 8, 0x20);
    ram_put(BUF - 0x10, 8, 0xf0);
    ram_put(BUF - 0x20, 2, 0xffe0);
    ram_put(BUF - 4, 1, 0x00);

    env->xregs[2] = 3;
    exec_ok(0xf8627820);                    /* ldr x0, [x1, x2, lsl #3] */
    g_assert_cmphex(env->xregs[0], ==, 0x18);
    exec_ok(0xf8626820);                    /* ldr x0, [x1, x2] */
    g_assert_cmphex(env->xregs[0], ==, 0x03);

    /* UXTW ignores the top half of X2. */
    env->xregs[2] = 0xffffffff00000008ULL;
    exec_ok(0xb8625820);                    /* ldr w0, [x1, w2, uxtw #2] */
    g_assert_cmphex(accesses[0].va, ==, BUF + 0x20);
    g_assert_cmphex(env->xregs[0], ==, 0x20);

    /* SXTW: W2 = -2, scaled by 8. */
    env->xregs[2] = 0x12345678fffffffeULL;
    exec_ok(0xf862d820);                    /* ldr x0, [x1, w2, sxtw #3] */
    g_assert_cmphex(accesses[0].va, ==, BUF - 0x10);
    g_assert_cmphex(env->xregs[0], ==, 0xf0);

    env->xregs[2] = (uint64_t)-16;
    exec_ok(0x7862f820);                    /* ldrh w0, [x1, x2, sxtx #1] */
    g_assert_cmphex(accesses[0].va, ==, BUF - 0x20);
    g_assert_cmphex(env->xregs[0], ==, 0xffe0);

    /* Rm = 31 is XZR. */
    env->xregs[31] = 0x1000;
    exec_ok(0x387f6820);                    /* ldrb w0, [x1, xzr] */
    g_assert_cmphex(accesses[0].va, ==, BUF);

    env->xregs[2] = 0xfffffffc;             /* W2 = -4 */
    env->xregs[5] = 0x1a5;
    exec_ok(0x3822c825);                    /* strb w5, [x1, w2, sxtw] */
    g_assert_cmphex(accesses[0].va, ==, BUF - 4);
    g_assert_cmphex(ram_get(BUF - 4, 2), ==, 0xa5);
}

/* Sign-extending loads, to X and to W. */

static void test_sign_extend(void)
{
    static const struct {
        uint32_t insn;
        unsigned size;
        uint64_t mem;
        uint64_t want;
    } cases[] = {
        { 0x39800020, 1, 0x80, 0xffffffffffffff80ULL },  /* ldrsb x0 */
        { 0x39800020, 1, 0x7f, 0x7f },
        { 0x39c00020, 1, 0x80, 0xffffff80 },             /* ldrsb w0 */
        { 0x79800020, 2, 0x8001, 0xffffffffffff8001ULL },/* ldrsh x0 */
        { 0x79c00020, 2, 0x8001, 0xffff8001 },           /* ldrsh w0 */
        { 0x79c00020, 2, 0x7001, 0x7001 },
        { 0xb9800020, 4, 0x80000000, 0xffffffff80000000ULL }, /* ldrsw */
        { 0xb9800020, 4, 0x7fffffff, 0x7fffffff },
    };
    unsigned i;

    for (i = 0; i < ARRAY_SIZE(cases); i++) {
        setup();
        env->xregs[1] = BUF;
        env->xregs[0] = 0x5a5a5a5a5a5a5a5aULL;
        ram_put(BUF, 8, 0x5a5a5a5a5a5a5a5aULL);
        ram_put(BUF, cases[i].size, cases[i].mem);
        exec_ok(cases[i].insn);
        g_assert_cmpuint(accesses[0].size, ==, cases[i].size);
        g_assert_cmphex(env->xregs[0], ==, cases[i].want);
    }
}

/* LDTR/STTR: unprivileged accesses, never written back. */

static void test_unprivileged(void)
{
    setup();
    env->xregs[1] = BUF;
    env->xregs[5] = 0xcafef00d;
    ram_put(BUF + 8, 8, 0x123456789ULL);
    ram_put(BUF, 4, 0x8081f0f1);

    exec_ok(0xf8408820);                    /* ldtr x0, [x1, #8] */
    g_assert_cmphex(env->xregs[0], ==, 0x123456789ULL);
    g_assert_true(accesses[0].unpriv);
    g_assert_cmphex(env->xregs[1], ==, BUF);

    exec_ok(0xb81fc825);                    /* sttr w5, [x1, #-4] */
    g_assert_true(accesses[0].unpriv && accesses[0].write);
    g_assert_cmphex(ram_get(BUF - 4, 4), ==, 0xcafef00d);

    exec_ok(0x38c00820);                    /* ldtrsb w0, [x1] */
    g_assert_cmphex(env->xregs[0], ==, 0xfffffff1);
    exec_ok(0x78800820);                    /* ldtrsh x0, [x1] */
    g_assert_cmphex(env->xregs[0], ==, 0xfffffffffffff0f1ULL);
    exec_ok(0xb8800820);                    /* ldtrsw x0, [x1] */
    g_assert_cmphex(env->xregs[0], ==, 0xffffffff8081f0f1ULL);
    exec_ok(0x38400820);                    /* ldtrb w0, [x1] */
    g_assert_cmphex(env->xregs[0], ==, 0xf1);
    g_assert_true(accesses[0].unpriv);

    /* The ordinary forms are privileged. */
    exec_ok(0xf9400420);                    /* ldr x0, [x1, #8] */
    g_assert_false(accesses[0].unpriv);
}

/* Literal and prefetch. */

static void test_literal(void)
{
    setup();
    ram_put(CODE + 8, 8, 0xfedcba9876543210ULL);
    ram_put(CODE - 8, 8, 0x0011223344556677ULL);
    ram_put(CODE + 16, 4, 0x80000002);

    env->xregs[0] = UINT64_MAX;
    exec_ok(0x18000040);                    /* ldr w0, .+8 */
    g_assert_cmphex(env->xregs[0], ==, 0x76543210);
    exec_ok(0x58ffffc0);                    /* ldr x0, .-8 */
    g_assert_cmphex(env->xregs[0], ==, 0x0011223344556677ULL);
    exec_ok(0x98000080);                    /* ldrsw x0, .+16 */
    g_assert_cmphex(env->xregs[0], ==, 0xffffffff80000002ULL);
    g_assert_cmphex(env->pc, ==, CODE);
}

static void test_prefetch(void)
{
    static const uint32_t insns[] = {
        0xd8002000,                         /* prfm pldl1keep, .+1024 */
        0xf9800420,                         /* prfm pldl1keep, [x1, #8] */
        0xf89ff020,                         /* prfum pldl1keep, [x1, #-1] */
        0xf8a26820,                         /* prfm pldl1keep, [x1, x2] */
    };
    CPUARMState before;
    unsigned i;

    setup();
    env->pc = 0x1000;                       /* no memory anywhere near */
    env->xregs[1] = 0x2000;
    env->xregs[2] = 8;
    before = *env;
    for (i = 0; i < ARRAY_SIZE(insns); i++) {
        exec_ok(insns[i]);
        g_assert_cmpuint(n_accesses, ==, 0);
        g_assert_cmpmem(env, sizeof(*env), &before, sizeof(before));
    }
}

/* Pairs. */

static void test_pair_offset(void)
{
    setup();
    env->xregs[1] = BUF;
    env->xregs[5] = 0x5555555555555555ULL;
    env->xregs[6] = 0x6666666666666666ULL;

    exec_ok(0xa9011825);                    /* stp x5, x6, [x1, #16] */
    g_assert_cmphex(ram_get(BUF + 16, 8), ==, 0x5555555555555555ULL);
    g_assert_cmphex(ram_get(BUF + 24, 8), ==, 0x6666666666666666ULL);
    g_assert_cmphex(env->xregs[1], ==, BUF);

    exec_ok(0xa9412027);                    /* ldp x7, x8, [x1, #16] */
    g_assert_cmphex(env->xregs[7], ==, 0x5555555555555555ULL);
    g_assert_cmphex(env->xregs[8], ==, 0x6666666666666666ULL);

    exec_ok(0xa8021825);                    /* stnp x5, x6, [x1, #32] */
    g_assert_cmphex(ram_get(BUF + 32, 8), ==, 0x5555555555555555ULL);
    g_assert_cmphex(ram_get(BUF + 40, 8), ==, 0x6666666666666666ULL);

    ram_put(BUF - 8, 8, 0xf0000002f0000001ULL);
    env->xregs[7] = env->xregs[8] = UINT64_MAX;
    exec_ok(0x287f2027);                    /* ldnp w7, w8, [x1, #-8] */
    g_assert_cmphex(env->xregs[7], ==, 0xf0000001);
    g_assert_cmphex(env->xregs[8], ==, 0xf0000002);

    exec_ok(0x69402027);                    /* ldpsw x7, x8, [x1, #-8] */
    g_assert_cmphex(env->xregs[7], ==, 0);
    ram_put(BUF, 8, 0x7fffffff80000000ULL);
    exec_ok(0x69402027);                    /* ldpsw x7, x8, [x1] */
    g_assert_cmphex(env->xregs[7], ==, 0xffffffff80000000ULL);
    g_assert_cmphex(env->xregs[8], ==, 0x7fffffff);
}

static void test_pair_writeback(void)
{
    setup();
    env->xregs[1] = BUF;
    env->xregs[5] = 0x105;
    env->xregs[6] = 0x106;

    exec_ok(0x29bf1825);                    /* stp w5, w6, [x1, #-8]! */
    g_assert_cmphex(env->xregs[1], ==, BUF - 8);
    g_assert_cmphex(ram_get(BUF - 8, 8), ==, 0x0000010600000105ULL);

    exec_ok(0x28c12027);                    /* ldp w7, w8, [x1], #8 */
    g_assert_cmphex(env->xregs[1], ==, BUF);
    g_assert_cmphex(env->xregs[7], ==, 0x105);
    g_assert_cmphex(env->xregs[8], ==, 0x106);
    g_assert_cmphex(accesses[0].va, ==, BUF - 8);

    ram_put(BUF + 8, 8, 0x80000000fffffffeULL);
    exec_ok(0x69c12027);                    /* ldpsw x7, x8, [x1, #8]! */
    g_assert_cmphex(env->xregs[1], ==, BUF + 8);
    g_assert_cmphex(env->xregs[7], ==, (uint64_t)-2);
    g_assert_cmphex(env->xregs[8], ==, 0xffffffff80000000ULL);

    /* The usual function prologue and epilogue, on SP. */
    env->xregs[31] = BUF + 0x200;
    env->xregs[29] = 0x2929;
    env->xregs[30] = 0x3030;
    exec_ok(0xa9bf7bfd);                    /* stp x29, x30, [sp, #-16]! */
    g_assert_cmphex(env->xregs[31], ==, BUF + 0x1f0);
    g_assert_cmphex(ram_get(BUF + 0x1f0, 8), ==, 0x2929);
    g_assert_cmphex(ram_get(BUF + 0x1f8, 8), ==, 0x3030);
    env->xregs[29] = env->xregs[30] = 0;
    exec_ok(0xa8c17bfd);                    /* ldp x29, x30, [sp], #16 */
    g_assert_cmphex(env->xregs[31], ==, BUF + 0x200);
    g_assert_cmphex(env->xregs[29], ==, 0x2929);
    g_assert_cmphex(env->xregs[30], ==, 0x3030);
    g_assert_cmphex(accesses[1].va, ==, BUF + 0x1f8);

    env->xregs[1] = BUF + 0x200;
    exec_ok(0xa97f5033);                    /* ldp x19, x20, [x1, #-16] */
    g_assert_cmphex(env->xregs[19], ==, 0x2929);
    g_assert_cmphex(env->xregs[20], ==, 0x3030);
}

/* CONSTRAINED UNPREDICTABLE pairs, resolved as QEMU does. */
static void test_pair_unpredictable(void)
{
    setup();
    env->xregs[1] = BUF;
    ram_put(BUF, 8, 0x1111);
    ram_put(BUF + 8, 8, 0x2222);
    ram_put(BUF + 16, 8, 0x3333);
    ram_put(BUF + 24, 8, 0x4444);

    exec_ok(0xa9401c27);                    /* ldp x7, x7, [x1] */
    g_assert_cmphex(env->xregs[7], ==, 0x1111);

    exec_ok(0xa9c10821);                    /* ldp x1, x2, [x1, #16]! */
    g_assert_cmphex(env->xregs[1], ==, BUF + 16);
    g_assert_cmphex(env->xregs[2], ==, 0x4444);

    env->xregs[1] = BUF;
    env->xregs[2] = 0x2;
    exec_ok(0xa9810821);                    /* stp x1, x2, [x1, #16]! */
    g_assert_cmphex(ram_get(BUF + 16, 8), ==, BUF);
    g_assert_cmphex(env->xregs[1], ==, BUF + 16);
}

/* A fault on the second element writes no register and no base. */
static void test_pair_fault(void)
{
    uint32_t esr;

    setup();
    env->xregs[1] = RAM_END - 16 - 8;
    env->xregs[7] = 7;
    env->xregs[8] = 8;
    esr = exec_abort(0xa9c12027, RAM_END);  /* ldp x7, x8, [x1, #16]! */
    g_assert_cmpuint(n_accesses, ==, 2);
    g_assert_cmphex(env->xregs[7], ==, 7);
    g_assert_cmphex(env->xregs[8], ==, 8);
    g_assert_cmphex(env->xregs[1], ==, RAM_END - 24);
    g_assert_false(esr & ESR_ISV);
    g_assert_cmphex(ESR_FSC(esr), ==, ARM_FSC_SYNC_EXTERNAL);
}

/* Exclusives. */

static void test_excl_success(void)
{
    static const struct {
        uint32_t ldx, stx;
        unsigned size;
    } cases[] = {
        { 0xc85f7c20, 0xc8037c25, 8 },      /* ldxr x0 / stxr w3, x5 */
        { 0x885f7c20, 0x88037c25, 4 },      /* ldxr w0 / stxr w3, w5 */
        { 0x485f7c20, 0x48037c25, 2 },      /* ldxrh / stxrh */
        { 0x085f7c20, 0x08037c25, 1 },      /* ldxrb / stxrb */
        { 0xc85ffc20, 0xc803fc25, 8 },      /* ldaxr x0 / stlxr w3, x5 */
    };
    uint64_t mask;
    unsigned i;

    for (i = 0; i < ARRAY_SIZE(cases); i++) {
        mask = cases[i].size == 8 ? UINT64_MAX :
               (1ULL << (8 * cases[i].size)) - 1;
        setup();
        env->xregs[1] = BUF;
        env->xregs[0] = UINT64_MAX;
        env->xregs[3] = 0x77;
        env->xregs[5] = 0xa5a5a5a5a5a5a5a5ULL;
        ram_put(BUF, 8, 0x0123456789abcdefULL);

        exec_ok(cases[i].ldx);
        g_assert_cmphex(env->xregs[0], ==, 0x0123456789abcdefULL & mask);
        g_assert_true(accesses[0].excl);
        g_assert_cmpuint(accesses[0].size, ==, cases[i].size);

        exec_ok(cases[i].stx);
        g_assert_cmphex(env->xregs[3], ==, 0);
        g_assert_cmphex(ram_get(BUF, 8), ==,
                        (0x0123456789abcdefULL & ~mask) |
                        (0xa5a5a5a5a5a5a5a5ULL & mask));

        /* The monitor is open again: a second store fails. */
        env->xregs[5] = 0;
        exec_ok(cases[i].stx);
        g_assert_cmphex(env->xregs[3], ==, 1);
        g_assert_cmphex(ram_get(BUF, 1), ==, 0xa5);
    }
}

static void test_excl_failure(void)
{
    setup();
    env->xregs[1] = BUF;
    env->xregs[5] = 0x55;
    ram_put(BUF, 8, 0x99);

    /* No LDXR before. */
    exec_ok(0xc8037c25);                    /* stxr w3, x5, [x1] */
    g_assert_cmphex(env->xregs[3], ==, 1);
    g_assert_cmphex(ram_get(BUF, 8), ==, 0x99);

    /* Memory changed in between. */
    exec_ok(0xc85f7c20);                    /* ldxr x0, [x1] */
    env->xregs[6] = 0x98;
    exec_ok(0xf9000026);                    /* str x6, [x1] */
    exec_ok(0xc8037c25);                    /* stxr w3, x5, [x1] */
    g_assert_cmphex(env->xregs[3], ==, 1);
    g_assert_cmphex(ram_get(BUF, 8), ==, 0x98);

    /* Another address. */
    exec_ok(0xc85f7c20);                    /* ldxr x0, [x1] */
    env->xregs[1] = BUF + 8;
    exec_ok(0xc8037c25);                    /* stxr w3, x5, [x1] */
    g_assert_cmphex(env->xregs[3], ==, 1);
    g_assert_cmphex(ram_get(BUF + 8, 8), ==, 0);

    /* A status register of 31 is WZR: the store still happens. */
    env->xregs[1] = BUF;
    env->xregs[31] = 0x4242;
    exec_ok(0xc85f7c20);                    /* ldxr x0, [x1] */
    exec_ok(0xc81f7c25);                    /* stxr wzr, x5, [x1] */
    g_assert_cmphex(ram_get(BUF, 8), ==, 0x55);
    g_assert_cmphex(env->xregs[31], ==, 0x4242);
}

static void test_excl_pair(void)
{
    setup();
    env->xregs[1] = BUF;
    env->xregs[5] = 0x5555555555555555ULL;
    env->xregs[6] = 0x6666666666666666ULL;
    ram_put(BUF, 8, 0x1111);
    ram_put(BUF + 8, 8, 0x2222);

    exec_ok(0xc87f0820);                    /* ldxp x0, x2, [x1] */
    g_assert_cmphex(env->xregs[0], ==, 0x1111);
    g_assert_cmphex(env->xregs[2], ==, 0x2222);
    g_assert_cmpuint(accesses[0].size, ==, 16);
    exec_ok(0xc8231825);                    /* stxp w3, x5, x6, [x1] */
    g_assert_cmphex(env->xregs[3], ==, 0);
    g_assert_cmphex(ram_get(BUF, 8), ==, 0x5555555555555555ULL);
    g_assert_cmphex(ram_get(BUF + 8, 8), ==, 0x6666666666666666ULL);

    /* 32-bit pair: each element is the W register. */
    exec_ok(0x887f0820);                    /* ldxp w0, w2, [x1] */
    g_assert_cmphex(env->xregs[0], ==, 0x55555555);
    g_assert_cmphex(env->xregs[2], ==, 0x55555555);
    g_assert_cmpuint(accesses[0].size, ==, 8);
    exec_ok(0x88231825);                    /* stxp w3, w5, w6, [x1] */
    g_assert_cmphex(env->xregs[3], ==, 0);
    g_assert_cmphex(ram_get(BUF, 8), ==, 0x6666666655555555ULL);
    g_assert_cmphex(ram_get(BUF + 8, 8), ==, 0x6666666666666666ULL);

    exec_ok(0xc87f8820);                    /* ldaxp x0, x2, [x1] */
    exec_ok(0xc8239825);                    /* stlxp w3, x5, x6, [x1] */
    g_assert_cmphex(env->xregs[3], ==, 0);
    exec_ok(0xc8239825);                    /* stlxp w3, x5, x6, [x1] */
    g_assert_cmphex(env->xregs[3], ==, 1);
}

static void test_excl_alignment(void)
{
    uint32_t esr;

    setup();
    env->xregs[0] = 0x1234;
    env->xregs[1] = BUF + 4;
    esr = exec_abort(0xc85f7c20, BUF + 4);  /* ldxr x0, [x1] */
    g_assert_cmphex(ESR_FSC(esr), ==, ARM_FSC_ALIGNMENT);
    g_assert_false(esr & (ESR_ISV | ESR_WNR));
    g_assert_cmphex(env->xregs[0], ==, 0x1234);

    /* A status register is not written when the store faults. */
    env->exclusive_addr = BUF + 4;
    env->exclusive_size = 8;
    env->xregs[3] = 0x33;
    esr = exec_abort(0xc8037c25, BUF + 4);  /* stxr w3, x5, [x1] */
    g_assert_true(esr & ESR_WNR);
    g_assert_cmphex(env->xregs[3], ==, 0x33);

    /* An X pair needs 16-byte alignment; the monitor stays open. */
    arm_excl_clear(env);
    env->xregs[1] = BUF + 8;
    exec_abort(0xc87f0820, BUF + 8);        /* ldxp x0, x2, [x1] */
    g_assert_cmphex(env->xregs[0], ==, 0x1234);
    g_assert_cmphex(env->exclusive_addr, ==, (uint64_t)-1);
}

/* Load-acquire, store-release. */

static void test_acquire_release(void)
{
    static const struct {
        uint32_t insn;
        unsigned size;
        bool load;
    } cases[] = {
        { 0x08dffc20, 1, true },            /* ldarb w0, [x1] */
        { 0x48dffc20, 2, true },            /* ldarh w0, [x1] */
        { 0x88dffc20, 4, true },            /* ldar w0, [x1] */
        { 0xc8dffc20, 8, true },            /* ldar x0, [x1] */
        { 0x089ffc25, 1, false },           /* stlrb w5, [x1] */
        { 0x489ffc25, 2, false },           /* stlrh w5, [x1] */
        { 0x889ffc25, 4, false },           /* stlr w5, [x1] */
        { 0xc89ffc25, 8, false },           /* stlr x5, [x1] */
    };
    uint64_t mask;
    unsigned i;

    for (i = 0; i < ARRAY_SIZE(cases); i++) {
        mask = cases[i].size == 8 ? UINT64_MAX :
               (1ULL << (8 * cases[i].size)) - 1;
        setup();
        env->xregs[1] = BUF;
        env->xregs[0] = UINT64_MAX;
        env->xregs[5] = 0x8899aabbccddeeffULL;
        ram_put(BUF, 8, 0x0123456789abcdefULL);
        exec_ok(cases[i].insn);
        g_assert_true(accesses[0].must_align);
        g_assert_cmpuint(accesses[0].size, ==, cases[i].size);
        if (cases[i].load) {
            g_assert_cmphex(env->xregs[0], ==, 0x0123456789abcdefULL & mask);
        } else {
            g_assert_cmphex(ram_get(BUF, 8), ==,
                            (0x0123456789abcdefULL & ~mask) |
                            (0x8899aabbccddeeffULL & mask));
        }
    }
}

static void test_acquire_release_alignment(void)
{
    uint32_t esr;

    setup();
    env->xregs[0] = 0x1234;
    env->xregs[1] = BUF + 2;
    esr = exec_abort(0x88dffc20, BUF + 2);  /* ldar w0, [x1] */
    g_assert_cmphex(ESR_FSC(esr), ==, ARM_FSC_ALIGNMENT);
    g_assert_true(esr & ESR_ISV);
    g_assert_true(esr & ESR_AR);
    g_assert_cmpuint(ESR_SAS(esr), ==, 2);
    g_assert_false(esr & (ESR_SF | ESR_WNR));
    g_assert_cmphex(env->xregs[0], ==, 0x1234);

    env->xregs[1] = BUF + 1;
    esr = exec_abort(0x489ffc25, BUF + 1);  /* stlrh w5, [x1] */
    g_assert_true(esr & ESR_WNR);
    g_assert_cmpuint(ESR_SRT(esr), ==, 5);
    g_assert_cmphex(ram_get(BUF, 4), ==, 0);

    /* Byte accesses are always aligned. */
    exec_ok(0x08dffc20);                    /* ldarb w0, [x1] */
}

/* Faults: the syndrome and what the instruction leaves behind. */

static void test_abort_syndrome(void)
{
    uint32_t esr;

    setup();
    env->xregs[1] = RAM_END;
    env->xregs[0] = 0x1234;

    esr = exec_abort(0xf9400420, RAM_END + 8);  /* ldr x0, [x1, #8] */
    g_assert_cmphex(ESR_FSC(esr), ==, ARM_FSC_SYNC_EXTERNAL);
    g_assert_true(esr & ESR_ISV);
    g_assert_cmpuint(ESR_SAS(esr), ==, 3);
    g_assert_cmpuint(ESR_SRT(esr), ==, 0);
    g_assert_true(esr & ESR_SF);
    g_assert_false(esr & (ESR_SSE | ESR_AR | ESR_WNR));
    g_assert_cmphex(env->xregs[0], ==, 0x1234);

    env->xregs[3] = 0x3333;
    esr = exec_abort(0x79c00023, RAM_END);  /* ldrsh w3, [x1] */
    g_assert_true(esr & ESR_SSE);
    g_assert_false(esr & ESR_SF);
    g_assert_cmpuint(ESR_SAS(esr), ==, 1);
    g_assert_cmpuint(ESR_SRT(esr), ==, 3);
    g_assert_cmphex(env->xregs[3], ==, 0x3333);

    esr = exec_abort(0x39800020, RAM_END);  /* ldrsb x0, [x1] */
    g_assert_true(esr & ESR_SSE);
    g_assert_true(esr & ESR_SF);

    env->xregs[5] = 0x5555;
    esr = exec_abort(0xb9001825, RAM_END + 24); /* str w5, [x1, #24] */
    g_assert_true(esr & (ESR_ISV | ESR_WNR));
    g_assert_cmpuint(ESR_SAS(esr), ==, 2);
    g_assert_cmpuint(ESR_SRT(esr), ==, 5);
    g_assert_false(esr & ESR_SF);

    env->xregs[2] = 0;
    esr = exec_abort(0xf8626820, RAM_END);  /* ldr x0, [x1, x2] */
    g_assert_true(esr & ESR_ISV);

    esr = exec_abort(0xf8408820, RAM_END + 8);  /* ldtr x0, [x1, #8] */
    g_assert_true(esr & ESR_ISV);

    /* Write-back forms report no syndrome and keep the base. */
    esr = exec_abort(0xf8410c20, RAM_END + 16); /* ldr x0, [x1, #16]! */
    g_assert_false(esr & ESR_ISV);
    g_assert_cmphex(env->xregs[1], ==, RAM_END);
    g_assert_cmphex(env->xregs[0], ==, 0x1234);

    env->pc = 0x1000;
    esr = exec_abort(0x58ffffc0, 0xff8);    /* ldr x0, .-8 */
    g_assert_true(esr & (ESR_ISV | ESR_SF));
    g_assert_cmphex(env->xregs[0], ==, 0x1234);
}

/* SCTLR_EL1.A makes every access check its alignment. */
static void test_sctlr_alignment(void)
{
    uint32_t esr;

    setup();
    env->xregs[1] = BUF + 4;
    env->xregs[0] = 0x1234;
    exec_ok(0xf9400420);                    /* ldr x0, [x1, #8] */

    env->cp15.sctlr_el[1] = SCTLR_A;
    env->xregs[0] = 0x1234;
    esr = exec_abort(0xf9400420, BUF + 12); /* ldr x0, [x1, #8] */
    g_assert_cmphex(ESR_FSC(esr), ==, ARM_FSC_ALIGNMENT);
    g_assert_cmphex(env->xregs[0], ==, 0x1234);
    g_assert_false(accesses[0].must_align);
    exec_ok(0xb9400422);                    /* ldr w2, [x1, #4] */
}

/* SIMD&FP registers. */

static void test_fp_disabled(void)
{
    static const uint32_t insns[] = {
        0x3dc00420,                         /* ldr q0, [x1, #16] */
        0xfc1f8c21,                         /* str d1, [x1, #-8]! */
        0x3ce27826,                         /* ldr q6, [x1, x2, lsl #4] */
        0xad400420,                         /* ldp q0, q1, [x1] */
        0x9c000087,                         /* ldr q7, .+16 */
    };
    CPUARMState before;
    unsigned i;

    setup();
    env->xregs[1] = BUF;
    for (i = 0; i < ARRAY_SIZE(insns); i++) {
        before = *env;
        g_assert_true(run(insns[i]));
        g_assert_true(env->exception_taken);
        g_assert_cmpuint(n_accesses, ==, 0);
        g_assert_cmphex(env->cp15.esr_el[1], ==, syn_uncategorized());
        g_assert_cmphex(env->xregs[1], ==, before.xregs[1]);
        g_assert_cmpmem(env->vfp.zregs, sizeof(env->vfp.zregs),
                        before.vfp.zregs, sizeof(before.vfp.zregs));
    }
}

static void test_fp_registers(void)
{
    unsigned i;

    setup();
    fp_enabled = true;
    env->xregs[1] = BUF;
    for (i = 0; i < 64; i++) {
        ram_put(BUF + i, 1, 0x10 + i);
    }
    for (i = 0; i < 32; i++) {
        env->vfp.zregs[i][0] = env->vfp.zregs[i][1] = UINT64_MAX;
    }

    exec_ok(0x3dc00420);                    /* ldr q0, [x1, #16] */
    g_assert_cmphex(env->vfp.zregs[0][0], ==, 0x2726252423222120ULL);
    g_assert_cmphex(env->vfp.zregs[0][1], ==, 0x2f2e2d2c2b2a2928ULL);
    exec_ok(0xfd400421);                    /* ldr d1, [x1, #8] */
    g_assert_cmphex(env->vfp.zregs[1][0], ==, 0x1f1e1d1c1b1a1918ULL);
    g_assert_cmphex(env->vfp.zregs[1][1], ==, 0);
    exec_ok(0xbd400422);                    /* ldr s2, [x1, #4] */
    g_assert_cmphex(env->vfp.zregs[2][0], ==, 0x17161514);
    exec_ok(0x7d400423);                    /* ldr h3, [x1, #2] */
    g_assert_cmphex(env->vfp.zregs[3][0], ==, 0x1312);
    exec_ok(0x3d400424);                    /* ldr b4, [x1, #1] */
    g_assert_cmphex(env->vfp.zregs[4][0], ==, 0x11);
    g_assert_cmphex(env->vfp.zregs[4][1], ==, 0);

    exec_ok(0x3d800820);                    /* str q0, [x1, #32] */
    g_assert_cmphex(ram_get(BUF + 32, 8), ==, 0x2726252423222120ULL);
    g_assert_cmphex(ram_get(BUF + 40, 8), ==, 0x2f2e2d2c2b2a2928ULL);

    exec_ok(0x3cdf0025);                    /* ldur q5, [x1, #-16] */
    g_assert_cmphex(accesses[0].va, ==, BUF - 16);
    g_assert_cmphex(env->vfp.zregs[5][1], ==, 0);

    env->xregs[2] = 2;
    exec_ok(0x3ce27826);                    /* ldr q6, [x1, x2, lsl #4] */
    g_assert_cmphex(env->vfp.zregs[6][0], ==, 0x2726252423222120ULL);

    exec_ok(0xad400420);                    /* ldp q0, q1, [x1] */
    g_assert_cmphex(env->vfp.zregs[0][0], ==, 0x1716151413121110ULL);
    g_assert_cmphex(env->vfp.zregs[1][1], ==, 0x2f2e2d2c2b2a2928ULL);

    exec_ok(0x2c400420);                    /* ldnp s0, s1, [x1] */
    g_assert_cmphex(env->vfp.zregs[0][0], ==, 0x13121110);
    g_assert_cmphex(env->vfp.zregs[1][0], ==, 0x17161514);
    g_assert_cmphex(env->vfp.zregs[1][1], ==, 0);

    exec_ok(0x6d010420);                    /* stp d0, d1, [x1, #16] */
    g_assert_cmphex(ram_get(BUF + 16, 8), ==, 0x13121110);
    g_assert_cmphex(ram_get(BUF + 24, 8), ==, 0x17161514);

    exec_ok(0xfc1f8c21);                    /* str d1, [x1, #-8]! */
    g_assert_cmphex(env->xregs[1], ==, BUF - 8);
    g_assert_cmphex(ram_get(BUF - 8, 8), ==, 0x17161514);

    ram_put(CODE + 16, 8, 0xaaaa);
    ram_put(CODE + 24, 8, 0xbbbb);
    ram_put(CODE - 4, 4, 0xcccc);
    exec_ok(0x9c000087);                    /* ldr q7, .+16 */
    g_assert_cmphex(env->vfp.zregs[7][0], ==, 0xaaaa);
    g_assert_cmphex(env->vfp.zregs[7][1], ==, 0xbbbb);
    exec_ok(0x1cffffe8);                    /* ldr s8, .-4 */
    g_assert_cmphex(env->vfp.zregs[8][0], ==, 0xcccc);
    g_assert_cmphex(env->vfp.zregs[8][1], ==, 0);
}

/* UNALLOCATED, or a feature this CPU lacks: false, and nothing done. */
static void test_unallocated(void)
{
    static const uint32_t insns[] = {
        0xf8200041,             /* ldadd x0, x1, [x2] (LSE) */
        0xb8208041,             /* swp w0, w1, [x2] (LSE) */
        0xc8a07c41,             /* cas x0, x1, [x2] (LSE) */
        0x08a07c41,             /* casb w0, w1, [x2] (LSE) */
        0x48207c82,             /* casp x0, x1, x2, x3, [x4] (LSE) */
        0xf8bfc020,             /* ldapr x0, [x1] (8.3) */
        0xc8df7c20,             /* ldlar x0, [x1] (LOR) */
        0xc89f7c20,             /* stllr x0, [x1] (LOR) */
        0xf8200420,             /* ldraa x0, [x1] (PAuth) */
        0xf8a01c20,             /* ldrab x0, [x1, #8]! (PAuth) */
        0xd9400020,             /* ldapur x0, [x1] (8.4) */
        0x99000020,             /* stlur w0, [x1] (8.4) */
        0x69000440,             /* stgp x0, x1, [x2] (MTE) */
        0x4c407000,             /* ld1 {v0.16b}, [x0] */
        0x4c9f7000,             /* st1 {v0.16b}, [x0], #16 */
        0x4d40c000,             /* ld1r {v0.16b}, [x0] */
        0xb9c00020,             /* ldrsw, opc 11 */
        0xf9c00020,             /* size 3, opc 11 */
        0xf8800c20,             /* prfm, pre-index */
        0xf8800420,             /* prfm, post-index */
        0xf8800820,             /* prfm, unprivileged */
        0x3c400820,             /* ldtr b0: no SIMD&FP unprivileged */
        0x7dc00020,             /* SIMD&FP, opc 1x with size 01 */
        0xfc800020,             /* SIMD&FP, opc 1x with size 11 */
        0xe9400020,             /* pair, opc 11 */
        0xed400020,             /* SIMD&FP pair, opc 11 */
        0x68400020,             /* "ldnpsw" */
        0x69800020,             /* stgp x0, x0, [x1, #0]! (MTE) */
        0xf8620820,             /* ldr x0, [x1, w2, option 000] */
        0xf862a820,             /* ldr x0, [x1, x2, option 101] */
        0xdc000000,             /* SIMD&FP literal, opc 11 */
        0x09400020,             /* bits 29:28 = 00 with bit 24 set */
    };
    CPUARMState before;
    uint8_t *ram_before = g_memdup2(ram, sizeof(ram));
    unsigned i;

    setup();
    fp_enabled = true;
    env->xregs[1] = BUF;
    env->xregs[2] = BUF;
    before = *env;
    for (i = 0; i < ARRAY_SIZE(insns); i++) {
        g_test_message("insn 0x%08x", insns[i]);
        g_assert_false(run(insns[i]));
        g_assert_false(env->exception_taken);
        g_assert_cmpuint(n_accesses, ==, 0);
        g_assert_cmphex(env->ldst_syndrome, ==, 0);
        env->exception_taken = before.exception_taken;
        g_assert_cmpmem(env, sizeof(*env), &before, sizeof(before));
        g_assert_cmpmem(ram, sizeof(ram), ram_before, sizeof(ram));
    }
    g_free(ram_before);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    cpu = g_new0(ARMCPU, 1);
    env = &cpu->env;

    g_test_add_func("/a64-ldst/uimm/load", test_uimm_load);
    g_test_add_func("/a64-ldst/uimm/store", test_uimm_store);
    g_test_add_func("/a64-ldst/unscaled", test_unscaled);
    g_test_add_func("/a64-ldst/index/pre-post", test_pre_post_index);
    g_test_add_func("/a64-ldst/index/rt-is-rn", test_writeback_rt_is_rn);
    g_test_add_func("/a64-ldst/register-offset", test_register_offset);
    g_test_add_func("/a64-ldst/sign-extend", test_sign_extend);
    g_test_add_func("/a64-ldst/unprivileged", test_unprivileged);
    g_test_add_func("/a64-ldst/literal", test_literal);
    g_test_add_func("/a64-ldst/prefetch", test_prefetch);
    g_test_add_func("/a64-ldst/pair/offset", test_pair_offset);
    g_test_add_func("/a64-ldst/pair/writeback", test_pair_writeback);
    g_test_add_func("/a64-ldst/pair/unpredictable", test_pair_unpredictable);
    g_test_add_func("/a64-ldst/pair/fault", test_pair_fault);
    g_test_add_func("/a64-ldst/excl/success", test_excl_success);
    g_test_add_func("/a64-ldst/excl/failure", test_excl_failure);
    g_test_add_func("/a64-ldst/excl/pair", test_excl_pair);
    g_test_add_func("/a64-ldst/excl/alignment", test_excl_alignment);
    g_test_add_func("/a64-ldst/acqrel/access", test_acquire_release);
    g_test_add_func("/a64-ldst/acqrel/alignment",
                    test_acquire_release_alignment);
    g_test_add_func("/a64-ldst/fault/syndrome", test_abort_syndrome);
    g_test_add_func("/a64-ldst/fault/sctlr-a", test_sctlr_alignment);
    g_test_add_func("/a64-ldst/fp/disabled", test_fp_disabled);
    g_test_add_func("/a64-ldst/fp/registers", test_fp_registers);
    g_test_add_func("/a64-ldst/unallocated", test_unallocated);

    return g_test_run();
}
