/*
 * Unit tests of the A64 data processing instructions (target/arm/a64-dp.c)
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * The handlers run on a CPUARMState of their own, without the rest of the
 * CPU.  Expected values are computed here, independently of the code
 * under test: the Arm ARM's pseudo-code functions (AddWithCarry with
 * 128-bit integers, DecodeBitMasks, ShiftReg, ExtendReg, the bitfield
 * move) re-implemented bit by bit, and constants worked out by hand.
 */
#include "qemu/osdep.h"
#include "target/arm/internals.h"

/* Registers the tests use as Rd, Rn, Rm and Ra. */
#define RD  2
#define RN  3
#define RM  4
#define RA  5

static ARMCPU *cpu;
static CPUARMState *env;
static uint64_t rng_state = 0x9e3779b97f4a7c15ULL;

/* Values at the edges of the 8, 16, 32 and 64-bit ranges. */
static const uint64_t edge_values[] = {
    0, 1, 2, 3, 0x7f, 0x80, 0xff, 0x100, 0x7fff, 0x8000, 0xffff,
    0x7fffffff, 0x80000000, 0x80000001, 0xfffffffe, 0xffffffff,
    0x100000000ULL, 0x1ffffffffULL, 0x123456789abcdef0ULL,
    0x7fffffffffffffffULL, 0x8000000000000000ULL, 0x8000000000000001ULL,
    0xfffffffffffffffeULL, 0xffffffffffffffffULL, 0xffffffff00000000ULL,
    0x00000000ffffffffULL, 0xfedcba9876543210ULL, 0x5555555555555555ULL,
};

/* xorshift64*: reproducible operands. */
static uint64_t rnd(void)
{
    rng_state ^= rng_state >> 12;
    rng_state ^= rng_state << 25;
    rng_state ^= rng_state >> 27;
    return rng_state * 0x2545f4914f6cdd1dULL;
}

/* The i-th operand of a sweep: the edge values, then random ones. */
static uint64_t operand(unsigned i)
{
    if (i < G_N_ELEMENTS(edge_values)) {
        return edge_values[i];
    }
    return rnd();
}

static uint64_t width_mask(unsigned bits)
{
    return bits == 64 ? ~0ULL : (1ULL << bits) - 1;
}

static uint64_t bit_of(uint64_t x, unsigned i)
{
    return (x >> i) & 1;
}

/* SInt() of the low @bits of @x. */
static int64_t sint(uint64_t x, unsigned bits)
{
    x &= width_mask(bits);
    if (bit_of(x, bits - 1)) {
        x |= ~width_mask(bits);
    }
    return (int64_t)x;
}

static uint32_t nzcv_of(bool n, bool z, bool c, bool v)
{
    return ((uint32_t)n << 31) | ((uint32_t)z << 30) | ((uint32_t)c << 29) |
           ((uint32_t)v << 28);
}

/* AddWithCarry(), literally, with 128-bit sums. */
static uint64_t ref_add_with_carry(uint64_t x, uint64_t y, unsigned carry,
                                   unsigned bits, uint32_t *nzcv)
{
    uint64_t m = width_mask(bits);
    unsigned __int128 usum = (unsigned __int128)(x & m) + (y & m) + carry;
    __int128 ssum = (__int128)sint(x, bits) + sint(y, bits) + carry;
    uint64_t res = (uint64_t)usum & m;

    *nzcv = nzcv_of(bit_of(res, bits - 1), res == 0,
                    (unsigned __int128)res != usum,
                    (__int128)sint(res, bits) != ssum);
    return res;
}

static uint64_t ref_add_sub(uint64_t x, uint64_t y, bool sub, unsigned bits,
                            uint32_t *nzcv)
{
    if (sub) {
        return ref_add_with_carry(x, ~y, 1, bits, nzcv);
    }
    return ref_add_with_carry(x, y, 0, bits, nzcv);
}

/* ROR() on @bits bits, one bit at a time. */
static uint64_t ref_ror(uint64_t x, unsigned amount, unsigned bits)
{
    uint64_t r = 0;
    unsigned i;

    for (i = 0; i < bits; i++) {
        r |= bit_of(x, (i + amount) % bits) << i;
    }
    return r;
}

/* ShiftReg(), one bit at a time. */
static uint64_t ref_shift(uint64_t x, unsigned type, unsigned amount,
                          unsigned bits)
{
    uint64_t r = 0;
    unsigned i;

    for (i = 0; i < bits; i++) {
        uint64_t b;

        switch (type) {
        case 0:
            b = i >= amount ? bit_of(x, i - amount) : 0;
            break;
        case 1:
            b = i + amount < bits ? bit_of(x, i + amount) : 0;
            break;
        case 2:
            b = bit_of(x, MIN(i + amount, bits - 1));
            break;
        default:
            b = bit_of(x, (i + amount) % bits);
            break;
        }
        r |= b << i;
    }
    return r;
}

/* ExtendReg(): the low len bits of @x, shifted, then extended. */
static uint64_t ref_extend_reg(uint64_t x, unsigned option, unsigned shift,
                               unsigned bits)
{
    unsigned len = MIN(8U << (option & 3), bits - shift);
    bool is_signed = option >= 4;
    uint64_t r = 0;
    unsigned i;

    for (i = 0; i < len; i++) {
        r |= bit_of(x, i) << (i + shift);
    }
    if (is_signed && bit_of(x, len - 1)) {
        for (i = len + shift; i < bits; i++) {
            r |= 1ULL << i;
        }
    }
    return r;
}

static uint64_t ones(unsigned count)
{
    uint64_t r = 0;
    unsigned i;

    for (i = 0; i < count; i++) {
        r |= 1ULL << i;
    }
    return r;
}

static uint64_t replicate(uint64_t elem, unsigned esize, unsigned bits)
{
    uint64_t r = 0;
    unsigned i;

    for (i = 0; i < bits; i += esize) {
        r |= elem << i;
    }
    return r;
}

/* DecodeBitMasks(); false where the pseudo-code says ReservedValue(). */
static bool ref_decode_bit_masks(unsigned n, unsigned imms, unsigned immr,
                                 bool immediate, unsigned bits,
                                 uint64_t *wmask, uint64_t *tmask)
{
    unsigned combined = (n << 6) | (~imms & 0x3f);
    int len = -1;
    unsigned levels, s, r, esize, d;
    int i;

    for (i = 6; i >= 0; i--) {
        if (combined & (1U << i)) {
            len = i;
            break;
        }
    }
    if (len < 1) {
        return false;
    }
    g_assert_cmpuint(bits, >=, 1U << len);
    levels = ones(len);
    if (immediate && (imms & levels) == levels) {
        return false;
    }
    s = imms & levels;
    r = immr & levels;
    esize = 1U << len;
    d = (s - r) & (esize - 1);
    *wmask = replicate(ref_ror(ones(s + 1), r, esize), esize, bits);
    *tmask = replicate(ones(d + 1), esize, bits);
    return true;
}

/* SBFM (opc 0), BFM (1), UBFM (2) as the pseudo-code computes them. */
static uint64_t ref_bitfield(unsigned opc, unsigned bits, unsigned immr,
                             unsigned imms, uint64_t src, uint64_t old)
{
    uint64_t m = width_mask(bits);
    uint64_t wmask, tmask, dst, bot, top;

    g_assert_true(ref_decode_bit_masks(bits == 64, imms, immr, false, bits,
                                       &wmask, &tmask));
    dst = opc == 1 ? old & m : 0;
    bot = (dst & ~wmask) | (ref_ror(src, immr, bits) & wmask);
    if (opc == 0) {
        top = bit_of(src, imms) ? m : 0;
    } else {
        top = dst;
    }
    return ((top & ~tmask) | (bot & tmask)) & m;
}

/* ConditionHolds(), from the table of condition codes. */
static bool ref_cond(unsigned cond, uint32_t nzcv)
{
    bool n = nzcv >> 31, z = (nzcv >> 30) & 1;
    bool c = (nzcv >> 29) & 1, v = (nzcv >> 28) & 1;

    switch (cond) {
    case 0:
        return z;
    case 1:
        return !z;
    case 2:
        return c;
    case 3:
        return !c;
    case 4:
        return n;
    case 5:
        return !n;
    case 6:
        return v;
    case 7:
        return !v;
    case 8:
        return c && !z;
    case 9:
        return !c || z;
    case 10:
        return n == v;
    case 11:
        return n != v;
    case 12:
        return !z && n == v;
    case 13:
        return z || n != v;
    default:
        return true;
    }
}

/* Encoders, field by field as the encoding index draws them. */

static uint32_t enc_pc_rel(bool page, int32_t imm21, unsigned rd)
{
    return ((uint32_t)page << 31) | ((imm21 & 3U) << 29) | (0x10U << 24) |
           (((uint32_t)imm21 >> 2 & 0x7ffff) << 5) | rd;
}

static uint32_t enc_add_sub_imm(bool sf, bool sub, bool s, unsigned sh,
                                unsigned imm12, unsigned rn, unsigned rd)
{
    return ((uint32_t)sf << 31) | ((uint32_t)sub << 30) |
           ((uint32_t)s << 29) | (0x11U << 24) | (sh << 22) | (imm12 << 10) |
           (rn << 5) | rd;
}

/* Logical (0x24), move wide (0x25), bitfield (0x26), extract (0x27). */
static uint32_t enc_imm_class(unsigned op28_23, bool sf, unsigned opc,
                              unsigned n, unsigned immr, unsigned imms,
                              unsigned rn, unsigned rd)
{
    return ((uint32_t)sf << 31) | (opc << 29) | (op28_23 << 23) | (n << 22) |
           (immr << 16) | (imms << 10) | (rn << 5) | rd;
}

static uint32_t enc_move_wide(bool sf, unsigned opc, unsigned hw,
                              unsigned imm16, unsigned rd)
{
    return ((uint32_t)sf << 31) | (opc << 29) | (0x25U << 23) | (hw << 21) |
           (imm16 << 5) | rd;
}

static uint32_t enc_extr(bool sf, unsigned rm, unsigned lsb, unsigned rn,
                         unsigned rd)
{
    return ((uint32_t)sf << 31) | (0x27U << 23) | ((uint32_t)sf << 22) |
           (rm << 16) | (lsb << 10) | (rn << 5) | rd;
}

static uint32_t enc_logic_reg(bool sf, unsigned opc, unsigned shift,
                              unsigned invert, unsigned rm, unsigned imm6,
                              unsigned rn, unsigned rd)
{
    return ((uint32_t)sf << 31) | (opc << 29) | (0x0aU << 24) |
           (shift << 22) | (invert << 21) | (rm << 16) | (imm6 << 10) |
           (rn << 5) | rd;
}

static uint32_t enc_add_sub_shift(bool sf, bool sub, bool s, unsigned shift,
                                  unsigned rm, unsigned imm6, unsigned rn,
                                  unsigned rd)
{
    return ((uint32_t)sf << 31) | ((uint32_t)sub << 30) |
           ((uint32_t)s << 29) | (0x0bU << 24) | (shift << 22) | (rm << 16) |
           (imm6 << 10) | (rn << 5) | rd;
}

static uint32_t enc_add_sub_ext(bool sf, bool sub, bool s, unsigned rm,
                                unsigned option, unsigned imm3, unsigned rn,
                                unsigned rd)
{
    return ((uint32_t)sf << 31) | ((uint32_t)sub << 30) |
           ((uint32_t)s << 29) | (0x0bU << 24) | (1U << 21) | (rm << 16) |
           (option << 13) | (imm3 << 10) | (rn << 5) | rd;
}

/* The op1 = 1 groups: bits 28:21 = 0xd0 (carry), 0xd2, 0xd4, 0xd6. */
static uint32_t enc_reg_class(unsigned op28_21, bool sf, unsigned op,
                              unsigned s, unsigned rm, unsigned bits15_10,
                              unsigned rn, unsigned rd)
{
    return ((uint32_t)sf << 31) | (op << 30) | (s << 29) | (op28_21 << 21) |
           (rm << 16) | (bits15_10 << 10) | (rn << 5) | rd;
}

static uint32_t enc_ccmp(bool sf, bool sub, bool imm, unsigned rm_imm5,
                         unsigned cond, unsigned rn, unsigned nzcv)
{
    return ((uint32_t)sf << 31) | ((uint32_t)sub << 30) | (1U << 29) |
           (0xd2U << 21) | (rm_imm5 << 16) | (cond << 12) |
           ((uint32_t)imm << 11) | (rn << 5) | nzcv;
}

static uint32_t enc_csel(bool sf, unsigned op, unsigned cond, unsigned op2,
                         unsigned rm, unsigned rn, unsigned rd)
{
    return ((uint32_t)sf << 31) | (op << 30) | (0xd4U << 21) | (rm << 16) |
           (cond << 12) | (op2 << 10) | (rn << 5) | rd;
}

static uint32_t enc_3src(bool sf, unsigned op31, bool o0, unsigned rm,
                         unsigned ra, unsigned rn, unsigned rd)
{
    return ((uint32_t)sf << 31) | (0x1bU << 24) | (op31 << 21) | (rm << 16) |
           ((uint32_t)o0 << 15) | (ra << 10) | (rn << 5) | rd;
}

/* Running instructions. */

/* The dispatch a64_decode_exec does on bits 28:25. */
static bool exec_insn(uint32_t insn)
{
    if (extract32(insn, 26, 3) == 4) {
        return a64_dp_imm(cpu, insn);
    }
    g_assert_cmphex(extract32(insn, 25, 3), ==, 5);
    return a64_dp_reg(cpu, insn);
}

static void exec_ok(uint32_t insn)
{
    if (!exec_insn(insn)) {
        g_error("0x%08x: UNDEFINED, expected to execute", insn);
    }
}

/* @insn must be UNDEFINED and leave the whole CPU state as it was. */
static void exec_undef(uint32_t insn)
{
    CPUARMState *before = g_memdup2(env, sizeof(*env));

    if (exec_insn(insn)) {
        g_error("0x%08x: executed, expected UNDEFINED", insn);
    }
    g_assert_true(memcmp(before, env, sizeof(*env)) == 0);
    g_free(before);
}

/* Fill every register with a value of its own. */
static void scramble_regs(void)
{
    unsigned i;

    for (i = 0; i < 32; i++) {
        env->xregs[i] = 0xa5a5000000000000ULL | (i * 0x0101010101ULL);
    }
}

static void check_rd(uint64_t expected, uint32_t insn)
{
    if (env->xregs[RD] != expected) {
        g_error("0x%08x: Rd 0x%016" PRIx64 ", expected 0x%016" PRIx64,
                insn, env->xregs[RD], expected);
    }
}

static void check_nzcv(uint32_t expected, uint32_t insn)
{
    if (env->nzcv != expected) {
        g_error("0x%08x: NZCV 0x%x, expected 0x%x", insn, env->nzcv >> 28,
                expected >> 28);
    }
}

/* Immediate class. */

static void test_adr(void)
{
    static const int32_t imms[] = {
        0, 1, 2, 3, 4, -1, -4, 0x7ffff, 0xfffff, -0x100000, 0x12345,
    };
    unsigned i;

    env->pc = 0x40001234;
    for (i = 0; i < G_N_ELEMENTS(imms); i++) {
        uint32_t insn = enc_pc_rel(false, imms[i], RD);

        exec_ok(insn);
        check_rd(0x40001234 + (int64_t)imms[i], insn);
        insn = enc_pc_rel(true, imms[i], RD);
        exec_ok(insn);
        check_rd(0x40001000 + (int64_t)imms[i] * 4096, insn);
    }

    /* ADRP reaches 4 GiB either way and wraps around the address space. */
    env->pc = 0x1000;
    exec_ok(enc_pc_rel(true, -2, RD));
    g_assert_cmphex(env->xregs[RD], ==, 0xfffffffffffff000ULL);
    env->pc = 0xffffffffffffff00ULL;
    exec_ok(enc_pc_rel(false, 0x100, RD));
    g_assert_cmphex(env->xregs[RD], ==, 0);

    /* Rd = 31 is XZR: the stack pointer is left alone. */
    env->xregs[31] = 0x8000;
    env->pc = 0x40000000;
    exec_ok(enc_pc_rel(false, 4, 31));
    g_assert_cmphex(env->xregs[31], ==, 0x8000);
}

static void test_add_sub_imm(void)
{
    static const unsigned imm12s[] = { 0, 1, 0x7ff, 0x800, 0xfff, 0x123 };
    unsigned sf, op, s, sh, i, j;

    for (sf = 0; sf < 2; sf++) {
        for (op = 0; op < 4; op++) {
            for (sh = 0; sh < 2; sh++) {
                for (i = 0; i < G_N_ELEMENTS(imm12s); i++) {
                    for (j = 0; j < 40; j++) {
                        unsigned bits = sf ? 64 : 32;
                        uint64_t x = operand(j);
                        uint64_t imm = (uint64_t)imm12s[i] << (sh * 12);
                        uint32_t insn, nzcv, old = (j & 15) << 28;
                        uint64_t expected;

                        s = op & 1;
                        insn = enc_add_sub_imm(sf, op >> 1, s, sh, imm12s[i],
                                               RN, RD);
                        expected = ref_add_sub(x, imm, op >> 1, bits, &nzcv);
                        env->xregs[RN] = x;
                        env->xregs[RD] = rnd();
                        env->nzcv = old;
                        exec_ok(insn);
                        check_rd(expected, insn);
                        check_nzcv(s ? nzcv : old, insn);
                    }
                }
            }
        }
    }

    /* Rn and Rd are SP, except that CMP/CMN (S = 1) discard the result. */
    scramble_regs();
    env->xregs[31] = 0x40008000;
    exec_ok(enc_add_sub_imm(true, true, false, 0, 0x10, 31, 31));
    g_assert_cmphex(env->xregs[31], ==, 0x40007ff0);
    exec_ok(enc_add_sub_imm(true, false, false, 1, 1, 31, RD));
    g_assert_cmphex(env->xregs[RD], ==, 0x40008ff0);
    exec_ok(enc_add_sub_imm(true, true, true, 0, 0x7f0, 31, 31));
    g_assert_cmphex(env->xregs[31], ==, 0x40007ff0);
    g_assert_cmphex(env->nzcv, ==, PSTATE_C);
    /* MOV WSP, W3 zero-extends into the stack pointer. */
    env->xregs[RN] = 0xffffffff87654321ULL;
    exec_ok(enc_add_sub_imm(false, false, false, 0, 0, RN, 31));
    g_assert_cmphex(env->xregs[31], ==, 0x87654321);
    /* CMP W: 0x80000000 - 1 overflows; ADDS W: 0xffffffff + 1 carries. */
    env->xregs[RN] = 0x80000000;
    exec_ok(enc_add_sub_imm(false, true, true, 0, 1, RN, 31));
    g_assert_cmphex(env->nzcv, ==, PSTATE_C | PSTATE_V);
    env->xregs[RN] = 0xffffffff;
    exec_ok(enc_add_sub_imm(false, false, true, 0, 1, RN, RD));
    g_assert_cmphex(env->nzcv, ==, PSTATE_Z | PSTATE_C);
    g_assert_cmphex(env->xregs[RD], ==, 0);

    /* Shift field 1x (ADDG/SUBG with MTE): unallocated. */
    exec_undef(enc_add_sub_imm(true, false, false, 2, 1, RN, RD));
    exec_undef(enc_add_sub_imm(true, true, false, 3, 1, RN, RD));
    exec_undef(enc_add_sub_imm(false, false, true, 2, 1, RN, RD));
}

/* Known logical immediates and the reserved encodings around them. */
static void test_logic_imm_table(void)
{
    static const struct {
        unsigned n, immr, imms;
        uint64_t value;         /* 0: reserved */
    } table[] = {
        { 0, 0x00, 0x3c, 0x5555555555555555ULL },
        { 0, 0x01, 0x3c, 0xaaaaaaaaaaaaaaaaULL },
        { 0, 0x00, 0x39, 0x3333333333333333ULL },
        { 0, 0x00, 0x33, 0x0f0f0f0f0f0f0f0fULL },
        { 0, 0x04, 0x33, 0xf0f0f0f0f0f0f0f0ULL },
        { 0, 0x00, 0x27, 0x00ff00ff00ff00ffULL },
        { 0, 0x08, 0x27, 0xff00ff00ff00ff00ULL },
        { 0, 0x00, 0x07, 0x000000ff000000ffULL },
        { 0, 0x00, 0x1e, 0x7fffffff7fffffffULL },
        { 0, 0x21, 0x1e, 0xbfffffffbfffffffULL },
        { 1, 0x00, 0x00, 0x0000000000000001ULL },
        { 1, 0x01, 0x00, 0x8000000000000000ULL },
        { 1, 0x00, 0x3e, 0x7fffffffffffffffULL },
        { 1, 0x20, 0x1f, 0xffffffff00000000ULL },
        { 1, 0x3c, 0x07, 0x0000000000000ff0ULL },
        { 1, 0x00, 0x3f, 0 },   /* 64 ones */
        { 0, 0x00, 0x3f, 0 },   /* len = 0 */
        { 0, 0x00, 0x3e, 0 },   /* len = 0 */
        { 0, 0x00, 0x3d, 0 },   /* two ones in two bits */
        { 0, 0x00, 0x3b, 0 },   /* four ones in four bits */
        { 0, 0x00, 0x37, 0 },   /* eight in eight */
        { 0, 0x00, 0x2f, 0 },   /* sixteen in sixteen */
        { 0, 0x03, 0x1f, 0 },   /* thirty-two in thirty-two */
    };
    unsigned i;

    for (i = 0; i < G_N_ELEMENTS(table); i++) {
        uint32_t orr64 = enc_imm_class(0x24, true, 1, table[i].n,
                                       table[i].immr, table[i].imms, 31, RD);
        uint32_t orr32 = enc_imm_class(0x24, false, 1, table[i].n,
                                       table[i].immr, table[i].imms, 31, RD);

        scramble_regs();
        if (table[i].value == 0) {
            exec_undef(orr64);
            exec_undef(orr32);
            continue;
        }
        exec_ok(orr64);
        check_rd(table[i].value, orr64);
        if (table[i].n) {
            exec_undef(orr32);
        } else {
            exec_ok(orr32);
            check_rd((uint32_t)table[i].value, orr32);
        }
    }
}

static int compare_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

    return x < y ? -1 : x > y;
}

static unsigned count_distinct(uint64_t *values, unsigned count)
{
    unsigned i, distinct = 0;

    qsort(values, count, sizeof(*values), compare_u64);
    for (i = 0; i < count; i++) {
        if (i == 0 || values[i] != values[i - 1]) {
            distinct++;
        }
    }
    return distinct;
}

/*
 * Every (N, immr, imms) for both widths against DecodeBitMasks(); there
 * are 5334 distinct 64-bit logical immediates and 1302 32-bit ones.
 */
static void test_logic_imm_sweep(void)
{
    uint64_t *values = g_new(uint64_t, 8192);
    unsigned sf, n, immr, imms, valid;

    for (sf = 0; sf < 2; sf++) {
        unsigned bits = sf ? 64 : 32;

        valid = 0;
        for (n = 0; n < 2; n++) {
            for (immr = 0; immr < 64; immr++) {
                for (imms = 0; imms < 64; imms++) {
                    uint32_t insn = enc_imm_class(0x24, sf, 1, n, immr, imms,
                                                  31, RD);
                    uint64_t wmask, tmask;

                    if ((!sf && n) ||
                        !ref_decode_bit_masks(n, imms, immr, true, bits,
                                              &wmask, &tmask)) {
                        exec_undef(insn);
                        continue;
                    }
                    exec_ok(insn);
                    check_rd(wmask, insn);
                    values[valid++] = wmask;
                }
            }
        }
        g_assert_cmpuint(count_distinct(values, valid), ==,
                         sf ? 5334 : 1302);
    }
    g_free(values);
}

static void test_logic_imm_ops(void)
{
    unsigned sf, opc, i;

    for (sf = 0; sf < 2; sf++) {
        for (opc = 0; opc < 4; opc++) {
            for (i = 0; i < 60; i++) {
                unsigned bits = sf ? 64 : 32;
                unsigned imms = sf ? rnd() % 63 : rnd() % 31;
                unsigned immr = rnd() % bits;
                uint64_t x = operand(i), mask = ones(imms + 1), res;
                uint32_t insn = enc_imm_class(0x24, sf, opc, sf, immr, imms,
                                              RN, RD);

                /* N = sf: one element filling the register. */
                mask = ref_ror(mask, immr, bits);
                switch (opc) {
                case 0:
                case 3:
                    res = x & mask;
                    break;
                case 1:
                    res = x | mask;
                    break;
                default:
                    res = x ^ mask;
                    break;
                }
                res &= width_mask(bits);
                env->xregs[RN] = x;
                env->nzcv = PSTATE_C | PSTATE_V;
                exec_ok(insn);
                check_rd(res, insn);
                check_nzcv(opc == 3 ? nzcv_of(bit_of(res, bits - 1), res == 0,
                                              false, false)
                                    : PSTATE_C | PSTATE_V, insn);
            }
        }
    }

    /* Rd = 31: SP for AND/ORR/EOR, XZR for ANDS; Rn = 31 is XZR. */
    env->xregs[31] = 0x12345;
    /* AND SP, X3, #~0xf */
    env->xregs[RN] = 0x4000ffff;
    exec_ok(enc_imm_class(0x24, true, 0, 1, 60, 59, RN, 31));
    g_assert_cmphex(env->xregs[31], ==, 0x4000fff0);
    /* TST X3, #0x10000 */
    exec_ok(enc_imm_class(0x24, true, 3, 1, 48, 0, RN, 31));
    g_assert_cmphex(env->xregs[31], ==, 0x4000fff0);
    g_assert_cmphex(env->nzcv, ==, PSTATE_Z);
    /* MOV X2, #0xff00 (ORR X2, XZR, #0xff00) */
    exec_ok(enc_imm_class(0x24, true, 1, 1, 56, 7, 31, RD));
    g_assert_cmphex(env->xregs[RD], ==, 0xff00);
    /* ANDS W2, W3, #0x80000000 sets N from bit 31. */
    env->xregs[RN] = 0xffffffff80000000ULL;
    exec_ok(enc_imm_class(0x24, false, 3, 0, 1, 0, RN, RD));
    g_assert_cmphex(env->xregs[RD], ==, 0x80000000);
    g_assert_cmphex(env->nzcv, ==, PSTATE_N);
}

static void test_move_wide(void)
{
    scramble_regs();
    exec_ok(enc_move_wide(true, 2, 3, 0x1234, RD));
    g_assert_cmphex(env->xregs[RD], ==, 0x1234000000000000ULL);
    exec_ok(enc_move_wide(true, 2, 0, 0, RD));
    g_assert_cmphex(env->xregs[RD], ==, 0);
    exec_ok(enc_move_wide(false, 2, 1, 0xffff, RD));
    g_assert_cmphex(env->xregs[RD], ==, 0xffff0000);
    exec_ok(enc_move_wide(true, 0, 1, 0x1234, RD));
    g_assert_cmphex(env->xregs[RD], ==, 0xffffffffedcbffffULL);
    exec_ok(enc_move_wide(true, 0, 0, 0, RD));
    g_assert_cmphex(env->xregs[RD], ==, 0xffffffffffffffffULL);
    exec_ok(enc_move_wide(false, 0, 1, 0x1234, RD));
    g_assert_cmphex(env->xregs[RD], ==, 0xedcbffff);
    exec_ok(enc_move_wide(false, 0, 0, 0, RD));
    g_assert_cmphex(env->xregs[RD], ==, 0xffffffff);

    env->xregs[RD] = 0x1111222233334444ULL;
    exec_ok(enc_move_wide(true, 3, 2, 0xabcd, RD));
    g_assert_cmphex(env->xregs[RD], ==, 0x1111abcd33334444ULL);
    exec_ok(enc_move_wide(true, 3, 3, 0xfedc, RD));
    g_assert_cmphex(env->xregs[RD], ==, 0xfedcabcd33334444ULL);
    exec_ok(enc_move_wide(true, 3, 0, 0x0000, RD));
    g_assert_cmphex(env->xregs[RD], ==, 0xfedcabcd33330000ULL);
    /* MOVK W clears the upper half as every W write does. */
    exec_ok(enc_move_wide(false, 3, 0, 0xbeef, RD));
    g_assert_cmphex(env->xregs[RD], ==, 0x3333beef);
    exec_ok(enc_move_wide(false, 3, 1, 0xdead, RD));
    g_assert_cmphex(env->xregs[RD], ==, 0xdeadbeef);

    /* Rd = 31 is XZR. */
    env->xregs[31] = 0x8000;
    exec_ok(enc_move_wide(true, 2, 0, 1, 31));
    g_assert_cmphex(env->xregs[31], ==, 0x8000);

    /* opc = 01; hw = 2 or 3 for W registers. */
    exec_undef(enc_move_wide(true, 1, 0, 1, RD));
    exec_undef(enc_move_wide(false, 1, 0, 1, RD));
    exec_undef(enc_move_wide(false, 2, 2, 1, RD));
    exec_undef(enc_move_wide(false, 0, 3, 1, RD));
    exec_undef(enc_move_wide(false, 3, 2, 1, RD));
}

/* Every immr/imms of SBFM, BFM, UBFM for both widths. */
static void test_bitfield_sweep(void)
{
    unsigned sf, opc, n, immr, imms, k;

    for (sf = 0; sf < 2; sf++) {
        unsigned bits = sf ? 64 : 32;

        for (opc = 0; opc < 4; opc++) {
            for (n = 0; n < 2; n++) {
                for (immr = 0; immr < 64; immr++) {
                    for (imms = 0; imms < 64; imms++) {
                        uint32_t insn = enc_imm_class(0x26, sf, opc, n, immr,
                                                      imms, RN, RD);

                        if (opc == 3 || n != sf || immr >= bits ||
                            imms >= bits) {
                            exec_undef(insn);
                            continue;
                        }
                        for (k = 0; k < 4; k++) {
                            uint64_t src = k ? rnd() : ~0ULL;
                            uint64_t old = k < 2 ? rnd() : 0;

                            env->xregs[RN] = src;
                            env->xregs[RD] = old;
                            exec_ok(insn);
                            check_rd(ref_bitfield(opc, bits, immr, imms, src,
                                                  old), insn);
                        }
                    }
                }
            }
        }
    }
}

/* The aliases, with results worked out by hand. */
static void test_bitfield_aliases(void)
{
    /* LSL X2, X3, #4 = UBFM X2, X3, #60, #59 */
    env->xregs[RN] = 0xf123456789abcdefULL;
    exec_ok(enc_imm_class(0x26, true, 2, 1, 60, 59, RN, RD));
    g_assert_cmphex(env->xregs[RD], ==, 0x123456789abcdef0ULL);
    /* LSR X2, X3, #60 = UBFM X2, X3, #60, #63 */
    exec_ok(enc_imm_class(0x26, true, 2, 1, 60, 63, RN, RD));
    g_assert_cmphex(env->xregs[RD], ==, 0xf);
    /* ASR X2, X3, #60 = SBFM X2, X3, #60, #63 */
    exec_ok(enc_imm_class(0x26, true, 0, 1, 60, 63, RN, RD));
    g_assert_cmphex(env->xregs[RD], ==, 0xffffffffffffffffULL);
    /* ASR W2, W3, #31 */
    env->xregs[RN] = 0x0000000180000000ULL;
    exec_ok(enc_imm_class(0x26, false, 0, 0, 31, 31, RN, RD));
    g_assert_cmphex(env->xregs[RD], ==, 0xffffffff);
    /* SXTB X2, W3 = SBFM X2, X3, #0, #7 */
    env->xregs[RN] = 0x1280;
    exec_ok(enc_imm_class(0x26, true, 0, 1, 0, 7, RN, RD));
    g_assert_cmphex(env->xregs[RD], ==, 0xffffffffffffff80ULL);
    /* SXTH W2, W3 */
    env->xregs[RN] = 0x18001;
    exec_ok(enc_imm_class(0x26, false, 0, 0, 0, 15, RN, RD));
    g_assert_cmphex(env->xregs[RD], ==, 0xffff8001);
    /* SXTW X2, W3 */
    env->xregs[RN] = 0x1234567880000000ULL;
    exec_ok(enc_imm_class(0x26, true, 0, 1, 0, 31, RN, RD));
    g_assert_cmphex(env->xregs[RD], ==, 0xffffffff80000000ULL);
    /* UXTB W2, W3 */
    env->xregs[RN] = 0xffffffffffffff9aULL;
    exec_ok(enc_imm_class(0x26, false, 2, 0, 0, 7, RN, RD));
    g_assert_cmphex(env->xregs[RD], ==, 0x9a);
    /* UBFX X2, X3, #8, #12 = UBFM X2, X3, #8, #19 */
    env->xregs[RN] = 0xfffffffffff123ffULL;
    exec_ok(enc_imm_class(0x26, true, 2, 1, 8, 19, RN, RD));
    g_assert_cmphex(env->xregs[RD], ==, 0x123);
    /* SBFX X2, X3, #8, #12 */
    env->xregs[RN] = 0x00000000000a1200ULL;
    exec_ok(enc_imm_class(0x26, true, 0, 1, 8, 19, RN, RD));
    g_assert_cmphex(env->xregs[RD], ==, 0xfffffffffffffa12ULL);
    /* UBFIZ X2, X3, #40, #8 = UBFM X2, X3, #24, #7 */
    env->xregs[RN] = 0xffffffffffffffabULL;
    exec_ok(enc_imm_class(0x26, true, 2, 1, 24, 7, RN, RD));
    g_assert_cmphex(env->xregs[RD], ==, 0x0000ab0000000000ULL);
    /* SBFIZ W2, W3, #4, #8 = SBFM W2, W3, #28, #7 */
    env->xregs[RN] = 0x80;
    exec_ok(enc_imm_class(0x26, false, 0, 0, 28, 7, RN, RD));
    g_assert_cmphex(env->xregs[RD], ==, 0xfffff800);
    /* BFI X2, X3, #16, #8 = BFM X2, X3, #48, #7 */
    env->xregs[RN] = 0xcd;
    env->xregs[RD] = 0x1111111111111111ULL;
    exec_ok(enc_imm_class(0x26, true, 1, 1, 48, 7, RN, RD));
    g_assert_cmphex(env->xregs[RD], ==, 0x1111111111cd1111ULL);
    /* BFXIL W2, W3, #4, #8 = BFM W2, W3, #4, #11; upper half cleared. */
    env->xregs[RN] = 0xabc0;
    env->xregs[RD] = 0xffffffff22222222ULL;
    exec_ok(enc_imm_class(0x26, false, 1, 0, 4, 11, RN, RD));
    g_assert_cmphex(env->xregs[RD], ==, 0x222222bc);
    /* BFC X2, #8, #4 = BFM X2, XZR, #56, #3 */
    env->xregs[RD] = 0xffffffffffffffffULL;
    exec_ok(enc_imm_class(0x26, true, 1, 1, 56, 3, 31, RD));
    g_assert_cmphex(env->xregs[RD], ==, 0xfffffffffffff0ffULL);
}

static void test_extr(void)
{
    unsigned sf, lsb, k;

    for (sf = 0; sf < 2; sf++) {
        unsigned bits = sf ? 64 : 32;

        for (lsb = 0; lsb < 64; lsb++) {
            uint32_t insn = enc_extr(sf, RM, lsb, RN, RD);

            if (lsb >= bits) {
                exec_undef(insn);
                continue;
            }
            for (k = 0; k < 8; k++) {
                uint64_t hi = rnd(), lo = rnd(), expected = 0;
                unsigned i;

                /* Result bit i is bit (i + lsb) of Rn:Rm. */
                for (i = 0; i < bits; i++) {
                    unsigned pos = i + lsb;

                    expected |= (pos < bits ? bit_of(lo, pos)
                                            : bit_of(hi, pos - bits)) << i;
                }
                env->xregs[RN] = hi;
                env->xregs[RM] = lo;
                exec_ok(insn);
                check_rd(expected, insn);
            }
        }
    }

    /* ROR W2, W3, #8 = EXTR W2, W3, W3, #8 */
    env->xregs[RN] = 0xffffffff12345678ULL;
    exec_ok(enc_extr(false, RN, 8, RN, RD));
    g_assert_cmphex(env->xregs[RD], ==, 0x78123456);

    /* N != sf, op21 != 0, o0 = 1. */
    exec_undef(enc_extr(true, RM, 1, RN, RD) & ~(1U << 22));
    exec_undef(enc_extr(false, RM, 1, RN, RD) | (1U << 22));
    exec_undef(enc_extr(true, RM, 1, RN, RD) | (1U << 29));
    exec_undef(enc_extr(true, RM, 1, RN, RD) | (2U << 29));
    exec_undef(enc_extr(true, RM, 1, RN, RD) | (1U << 21));
    exec_undef(enc_extr(false, RM, 1, RN, RD) | (1U << 21));
}

/* Register class. */

static void test_logic_reg(void)
{
    unsigned sf, opc, inv, type, amount, k;

    for (sf = 0; sf < 2; sf++) {
        unsigned bits = sf ? 64 : 32;

        for (opc = 0; opc < 4; opc++) {
            for (inv = 0; inv < 2; inv++) {
                for (type = 0; type < 4; type++) {
                    for (amount = 0; amount < 64; amount++) {
                        uint32_t insn = enc_logic_reg(sf, opc, type, inv, RM,
                                                      amount, RN, RD);

                        if (amount >= bits) {
                            exec_undef(insn);
                            continue;
                        }
                        for (k = 0; k < 6; k++) {
                            uint64_t x = operand(rnd() % 40);
                            uint64_t y = operand(rnd() % 40);
                            uint64_t op2 = ref_shift(y, type, amount, bits);
                            uint64_t res;
                            uint32_t nzcv = PSTATE_Z | PSTATE_C | PSTATE_V;

                            if (inv) {
                                op2 = ~op2;
                            }
                            switch (opc) {
                            case 1:
                                res = x | op2;
                                break;
                            case 2:
                                res = x ^ op2;
                                break;
                            default:
                                res = x & op2;
                                break;
                            }
                            res &= width_mask(bits);
                            if (opc == 3) {
                                nzcv = nzcv_of(bit_of(res, bits - 1),
                                               res == 0, false, false);
                            }
                            env->xregs[RN] = x;
                            env->xregs[RM] = y;
                            env->nzcv = PSTATE_Z | PSTATE_C | PSTATE_V;
                            exec_ok(insn);
                            check_rd(res, insn);
                            check_nzcv(nzcv, insn);
                        }
                    }
                }
            }
        }
    }

    /* Register 31 is XZR everywhere: MOV X2, X4 and MVN; no SP write. */
    env->xregs[31] = 0x4000;
    env->xregs[RM] = 0x1234;
    exec_ok(enc_logic_reg(true, 1, 0, 0, RM, 0, 31, RD));
    g_assert_cmphex(env->xregs[RD], ==, 0x1234);
    exec_ok(enc_logic_reg(true, 1, 0, 1, RM, 0, 31, RD));
    g_assert_cmphex(env->xregs[RD], ==, ~0x1234ULL);
    exec_ok(enc_logic_reg(true, 1, 0, 0, RM, 0, RN, 31));
    g_assert_cmphex(env->xregs[31], ==, 0x4000);
    exec_ok(enc_logic_reg(true, 1, 0, 0, 31, 0, 31, RD));
    g_assert_cmphex(env->xregs[RD], ==, 0);
}

static void test_add_sub_shift(void)
{
    unsigned sf, op, type, amount, k;

    for (sf = 0; sf < 2; sf++) {
        unsigned bits = sf ? 64 : 32;

        for (op = 0; op < 4; op++) {
            for (type = 0; type < 4; type++) {
                for (amount = 0; amount < 64; amount++) {
                    bool sub = op >> 1, s = op & 1;
                    uint32_t insn = enc_add_sub_shift(sf, sub, s, type, RM,
                                                      amount, RN, RD);

                    if (type == 3 || amount >= bits) {
                        exec_undef(insn);
                        continue;
                    }
                    for (k = 0; k < 6; k++) {
                        uint64_t x = operand(rnd() % 40);
                        uint64_t y = operand(rnd() % 40);
                        uint32_t nzcv, old = (k & 3) << 29;
                        uint64_t res;

                        res = ref_add_sub(x, ref_shift(y, type, amount, bits),
                                          sub, bits, &nzcv);
                        env->xregs[RN] = x;
                        env->xregs[RM] = y;
                        env->nzcv = old;
                        exec_ok(insn);
                        check_rd(res, insn);
                        check_nzcv(s ? nzcv : old, insn);
                    }
                }
            }
        }
    }

    /* Rn = 31 is XZR here: NEG X2, X4 = SUB X2, XZR, X4. */
    env->xregs[31] = 0x4000;
    env->xregs[RM] = 5;
    exec_ok(enc_add_sub_shift(true, true, false, 0, RM, 0, 31, RD));
    g_assert_cmphex(env->xregs[RD], ==, (uint64_t)-5);
    /* NEGS W2, W4 of 0x80000000 overflows. */
    env->xregs[RM] = 0x80000000;
    exec_ok(enc_add_sub_shift(false, true, true, 0, RM, 0, 31, RD));
    g_assert_cmphex(env->xregs[RD], ==, 0x80000000);
    g_assert_cmphex(env->nzcv, ==, PSTATE_N | PSTATE_V);
    /* CMP X3, X4 with Rd = 31 leaves SP alone. */
    env->xregs[RN] = 5;
    exec_ok(enc_add_sub_shift(true, true, true, 0, RM, 0, RN, 31));
    g_assert_cmphex(env->xregs[31], ==, 0x4000);
    g_assert_cmphex(env->nzcv, ==, PSTATE_N);
}

static void test_add_sub_ext(void)
{
    unsigned sf, op, option, shift, k;

    for (sf = 0; sf < 2; sf++) {
        unsigned bits = sf ? 64 : 32;

        for (op = 0; op < 4; op++) {
            for (option = 0; option < 8; option++) {
                for (shift = 0; shift < 8; shift++) {
                    bool sub = op >> 1, s = op & 1;
                    uint32_t insn = enc_add_sub_ext(sf, sub, s, RM, option,
                                                    shift, RN, RD);

                    if (shift > 4) {
                        exec_undef(insn);
                        continue;
                    }
                    for (k = 0; k < 40; k++) {
                        uint64_t x = operand(k), y = operand(rnd() % 40);
                        uint32_t nzcv, old = (k & 15) << 28;
                        uint64_t res;

                        res = ref_add_sub(x, ref_extend_reg(y, option, shift,
                                                            bits),
                                          sub, bits, &nzcv);
                        env->xregs[RN] = x;
                        env->xregs[RM] = y;
                        env->nzcv = old;
                        exec_ok(insn);
                        check_rd(res, insn);
                        check_nzcv(s ? nzcv : old, insn);
                    }
                }
            }
        }
    }

    /* ADD SP, SP, W4, UXTW #4 reads and writes SP; Rm = 31 is XZR. */
    env->xregs[31] = 0x40000000;
    env->xregs[RM] = 0xffffffff00000010ULL;
    exec_ok(enc_add_sub_ext(true, false, false, RM, 2, 4, 31, 31));
    g_assert_cmphex(env->xregs[31], ==, 0x40000100);
    exec_ok(enc_add_sub_ext(true, false, false, 31, 3, 0, 31, RD));
    g_assert_cmphex(env->xregs[RD], ==, 0x40000100);
    /* SUB X2, X3, W4, SXTB #2 */
    env->xregs[RN] = 100;
    env->xregs[RM] = 0x1ff;
    exec_ok(enc_add_sub_ext(true, true, false, RM, 4, 2, RN, RD));
    g_assert_cmphex(env->xregs[RD], ==, 104);
    /* CMP SP, #X4 (SUBS XZR, SP, X4, UXTX): Rd = 31 is XZR. */
    env->xregs[RM] = 0x40000100;
    exec_ok(enc_add_sub_ext(true, true, true, RM, 3, 0, 31, 31));
    g_assert_cmphex(env->xregs[31], ==, 0x40000100);
    g_assert_cmphex(env->nzcv, ==, PSTATE_Z | PSTATE_C);

    /* opt (bits 23:22) other than 0. */
    exec_undef(enc_add_sub_ext(true, false, false, RM, 0, 0, RN, RD) |
               (1U << 22));
    exec_undef(enc_add_sub_ext(true, false, true, RM, 0, 0, RN, RD) |
               (2U << 22));
    exec_undef(enc_add_sub_ext(false, true, false, RM, 3, 1, RN, RD) |
               (3U << 22));
}

static void test_adc_sbc(void)
{
    unsigned sf, op, carry, k;

    for (sf = 0; sf < 2; sf++) {
        unsigned bits = sf ? 64 : 32;

        for (op = 0; op < 4; op++) {
            for (carry = 0; carry < 2; carry++) {
                for (k = 0; k < 400; k++) {
                    bool sub = op >> 1, s = op & 1;
                    uint32_t insn = enc_reg_class(0xd0, sf, sub, s, RM, 0,
                                                  RN, RD);
                    uint64_t x = operand(k % 40), y = operand(rnd() % 40);
                    uint32_t nzcv, old = carry ? PSTATE_C | PSTATE_N : 0;
                    uint64_t res;

                    res = ref_add_with_carry(x, sub ? ~y : y, carry, bits,
                                             &nzcv);
                    env->xregs[RN] = x;
                    env->xregs[RM] = y;
                    env->nzcv = old;
                    exec_ok(insn);
                    check_rd(res, insn);
                    check_nzcv(s ? nzcv : old, insn);
                }
            }
        }
    }

    /* NGC X2, X4 with C clear: -X4 - 1. */
    env->nzcv = 0;
    env->xregs[RM] = 9;
    exec_ok(enc_reg_class(0xd0, true, 1, 0, RM, 0, 31, RD));
    g_assert_cmphex(env->xregs[RD], ==, (uint64_t)-10);

    /* Bits 15:10 != 0: RMIF, SETF8, SETF16 (FlagM) and the rest. */
    for (k = 1; k < 64; k++) {
        exec_undef(enc_reg_class(0xd0, true, 0, 1, RM, k, RN, RD));
        exec_undef(enc_reg_class(0xd0, false, 0, 1, 0, k, RN, 0xd));
    }
}

static void test_cond_compare(void)
{
    unsigned sf, sub, imm, cond, flags, k;

    for (sf = 0; sf < 2; sf++) {
        unsigned bits = sf ? 64 : 32;

        for (sub = 0; sub < 2; sub++) {
            for (imm = 0; imm < 2; imm++) {
                for (cond = 0; cond < 16; cond++) {
                    for (flags = 0; flags < 16; flags++) {
                        for (k = 0; k < 6; k++) {
                            uint64_t x = operand(rnd() % 40);
                            uint64_t y = operand(rnd() % 40);
                            unsigned imm5 = rnd() % 32, nzimm = rnd() % 16;
                            uint32_t insn, nzcv;

                            insn = enc_ccmp(sf, sub, imm, imm ? imm5 : RM,
                                            cond, RN, nzimm);
                            if (ref_cond(cond, flags << 28)) {
                                ref_add_sub(x, imm ? imm5 : y, sub, bits,
                                            &nzcv);
                            } else {
                                nzcv = nzimm << 28;
                            }
                            env->xregs[RN] = x;
                            env->xregs[RM] = y;
                            env->xregs[RD] = 0x5a5a;
                            env->nzcv = flags << 28;
                            exec_ok(insn);
                            check_nzcv(nzcv, insn);
                            check_rd(0x5a5a, insn);
                        }
                    }
                }
            }
        }
    }

    /* S = 0, o2 (bit 10) = 1, o3 (bit 4) = 1. */
    for (imm = 0; imm < 2; imm++) {
        uint32_t insn = enc_ccmp(true, true, imm, RM, 0, RN, 0);

        exec_undef(insn & ~(1U << 29));
        exec_undef(insn | (1U << 10));
        exec_undef(insn | (1U << 4));
        exec_undef((insn & ~(1U << 31)) | (1U << 4) | 0xf);
    }
}

static void test_cond_select(void)
{
    unsigned sf, op, op2, cond, flags;

    for (sf = 0; sf < 2; sf++) {
        unsigned bits = sf ? 64 : 32;

        for (op = 0; op < 2; op++) {
            for (op2 = 0; op2 < 4; op2++) {
                for (cond = 0; cond < 16; cond++) {
                    for (flags = 0; flags < 16; flags++) {
                        uint32_t insn = enc_csel(sf, op, cond, op2, RM, RN,
                                                 RD);
                        uint64_t x = operand(flags), y = operand(cond + 10);
                        uint64_t res;

                        if (op2 >= 2) {
                            exec_undef(insn);
                            exec_undef(insn | (1U << 29));
                            continue;
                        }
                        exec_undef(insn | (1U << 29));
                        if (ref_cond(cond, flags << 28)) {
                            res = x;
                        } else {
                            res = op ? ~y : y;
                            res += op2;
                        }
                        env->xregs[RN] = x;
                        env->xregs[RM] = y;
                        env->nzcv = flags << 28;
                        exec_ok(insn);
                        check_rd(res & width_mask(bits), insn);
                        check_nzcv(flags << 28, insn);
                    }
                }
            }
        }
    }

    /* CSET W2, EQ = CSINC W2, WZR, WZR, NE; CSETM X2, EQ. */
    env->nzcv = PSTATE_Z;
    exec_ok(enc_csel(false, 0, 1, 1, 31, 31, RD));
    g_assert_cmphex(env->xregs[RD], ==, 1);
    exec_ok(enc_csel(true, 1, 1, 0, 31, 31, RD));
    g_assert_cmphex(env->xregs[RD], ==, ~0ULL);
    /* CNEG W2, W3, MI = CSNEG W2, W3, W3, PL with N set. */
    env->nzcv = PSTATE_N;
    env->xregs[RN] = 7;
    exec_ok(enc_csel(false, 1, 5, 1, RN, RN, RD));
    g_assert_cmphex(env->xregs[RD], ==, 0xfffffff9);
}

static uint64_t ref_rev_bytes(uint64_t x, unsigned container, unsigned bits)
{
    uint64_t r = 0;
    unsigned i;

    /* Byte i moves to the mirror position inside its container. */
    for (i = 0; i < bits / 8; i++) {
        unsigned base = i - i % container;
        unsigned to = base + (container - 1 - i % container);

        r |= ((x >> (i * 8)) & 0xff) << (to * 8);
    }
    return r;
}

static void test_1src(void)
{
    unsigned sf, k, i;

    for (sf = 0; sf < 2; sf++) {
        unsigned bits = sf ? 64 : 32;

        for (k = 0; k < 300; k++) {
            uint64_t x = operand(k), xm = x & width_mask(bits);
            uint64_t rbit = 0, clz = 0, cls = 0;
            uint32_t insn;

            for (i = 0; i < bits; i++) {
                rbit |= bit_of(xm, i) << (bits - 1 - i);
            }
            while (clz < bits && !bit_of(xm, bits - 1 - clz)) {
                clz++;
            }
            while (cls < bits - 1 &&
                   bit_of(xm, bits - 2 - cls) == bit_of(xm, bits - 1)) {
                cls++;
            }
            env->xregs[RN] = x;
            env->nzcv = PSTATE_V;
            insn = enc_reg_class(0xd6, sf, 1, 0, 0, 0, RN, RD);
            exec_ok(insn);
            check_rd(rbit, insn);
            insn = enc_reg_class(0xd6, sf, 1, 0, 0, 1, RN, RD);
            exec_ok(insn);
            check_rd(ref_rev_bytes(x, 2, bits), insn);
            insn = enc_reg_class(0xd6, sf, 1, 0, 0, 2, RN, RD);
            exec_ok(insn);
            check_rd(ref_rev_bytes(x, 4, bits), insn);
            insn = enc_reg_class(0xd6, sf, 1, 0, 0, 3, RN, RD);
            if (sf) {
                exec_ok(insn);
                check_rd(ref_rev_bytes(x, 8, bits), insn);
            } else {
                exec_undef(insn);
            }
            insn = enc_reg_class(0xd6, sf, 1, 0, 0, 4, RN, RD);
            exec_ok(insn);
            check_rd(clz, insn);
            insn = enc_reg_class(0xd6, sf, 1, 0, 0, 5, RN, RD);
            exec_ok(insn);
            check_rd(cls, insn);
            check_nzcv(PSTATE_V, insn);
        }
    }

    /* A few by hand. */
    env->xregs[RN] = 0x0123456789abcdefULL;
    exec_ok(enc_reg_class(0xd6, true, 1, 0, 0, 3, RN, RD));
    g_assert_cmphex(env->xregs[RD], ==, 0xefcdab8967452301ULL);
    exec_ok(enc_reg_class(0xd6, true, 1, 0, 0, 2, RN, RD));
    g_assert_cmphex(env->xregs[RD], ==, 0x67452301efcdab89ULL);
    exec_ok(enc_reg_class(0xd6, true, 1, 0, 0, 1, RN, RD));
    g_assert_cmphex(env->xregs[RD], ==, 0x23016745ab89efcdULL);
    exec_ok(enc_reg_class(0xd6, false, 1, 0, 0, 2, RN, RD));
    g_assert_cmphex(env->xregs[RD], ==, 0xefcdab89);
    exec_ok(enc_reg_class(0xd6, false, 1, 0, 0, 0, RN, RD));
    g_assert_cmphex(env->xregs[RD], ==, 0xf7b3d591);
    env->xregs[RN] = 0;
    exec_ok(enc_reg_class(0xd6, true, 1, 0, 0, 5, RN, RD));
    g_assert_cmphex(env->xregs[RD], ==, 63);
    exec_ok(enc_reg_class(0xd6, false, 1, 0, 0, 4, RN, RD));
    g_assert_cmphex(env->xregs[RD], ==, 32);
    env->xregs[RN] = 0xffffffffc0000000ULL;
    exec_ok(enc_reg_class(0xd6, false, 1, 0, 0, 5, RN, RD));
    g_assert_cmphex(env->xregs[RD], ==, 1);
    env->xregs[RN] = 0xffffffffffffffffULL;
    exec_ok(enc_reg_class(0xd6, false, 1, 0, 0, 5, RN, RD));
    g_assert_cmphex(env->xregs[RD], ==, 31);

    /* S = 1, opcode2 != 0 (PAC*, AUT*, XPAC*), opcodes 6..63. */
    for (k = 0; k < 64; k++) {
        for (sf = 0; sf < 2; sf++) {
            exec_undef(enc_reg_class(0xd6, sf, 1, 1, 0, k, RN, RD));
            exec_undef(enc_reg_class(0xd6, sf, 1, 0, 1 + k % 31, k, RN, RD));
            if (k >= 6) {
                exec_undef(enc_reg_class(0xd6, sf, 1, 0, 0, k, RN, RD));
            }
        }
    }
    /* PACIA X0, X1; XPACI X0. */
    exec_undef(0xdac10020);
    exec_undef(0xdac143e0);
}

static void test_division(void)
{
    static const struct {
        bool sf, is_signed;
        uint64_t x, y, q;
    } table[] = {
        { true, false, 100, 7, 14 },
        { true, false, 100, 0, 0 },
        { true, false, ~0ULL, 1, ~0ULL },
        { true, false, ~0ULL, ~0ULL, 1 },
        { true, false, 0x8000000000000000ULL, 2, 0x4000000000000000ULL },
        { false, false, 0xffffffff00000064ULL, 0x7, 14 },
        { false, false, 0xffffffff, 0xffffffff00000000ULL, 0 },
        { false, false, 0xffffffff, 2, 0x7fffffff },
        { true, true, 0x8000000000000000ULL, ~0ULL, 0x8000000000000000ULL },
        { true, true, 0x8000000000000000ULL, 0, 0 },
        { true, true, 0x8000000000000000ULL, 1, 0x8000000000000000ULL },
        { true, true, (uint64_t)-7, 2, (uint64_t)-3 },
        { true, true, 7, (uint64_t)-2, (uint64_t)-3 },
        { true, true, (uint64_t)-7, (uint64_t)-2, 3 },
        { true, true, 5, ~0ULL, (uint64_t)-5 },
        { false, true, 0x80000000, 0xffffffff, 0x80000000 },
        { false, true, 0x80000000, 0, 0 },
        { false, true, 0xfffffff9, 2, 0xfffffffd },
        { false, true, 0x123456780000000aULL, 0xfffffffffffffffdULL,
          0xfffffffd },
        { false, true, 0x7fffffff, 0xffffffff, 0x80000001 },
    };
    unsigned i, k;

    for (i = 0; i < G_N_ELEMENTS(table); i++) {
        uint32_t insn = enc_reg_class(0xd6, table[i].sf, 0, 0, RM,
                                      2 + table[i].is_signed, RN, RD);

        env->xregs[RN] = table[i].x;
        env->xregs[RM] = table[i].y;
        env->nzcv = PSTATE_Z;
        exec_ok(insn);
        check_rd(table[i].q, insn);
        check_nzcv(PSTATE_Z, insn);
    }

    for (k = 0; k < 4000; k++) {
        bool sf = k & 1;
        unsigned bits = sf ? 64 : 32;
        uint64_t x = operand(k % 60), y = operand(rnd() % 60);
        uint64_t m = width_mask(bits), uq, sq;

        if (k & 2) {
            y >>= rnd() % 64;
        }
        uq = (y & m) ? (x & m) / (y & m) : 0;
        sq = sint(y, bits) ? (uint64_t)((__int128)sint(x, bits) /
                                        sint(y, bits)) & m : 0;
        env->xregs[RN] = x;
        env->xregs[RM] = y;
        exec_ok(enc_reg_class(0xd6, sf, 0, 0, RM, 2, RN, RD));
        g_assert_cmphex(env->xregs[RD], ==, uq);
        exec_ok(enc_reg_class(0xd6, sf, 0, 0, RM, 3, RN, RD));
        g_assert_cmphex(env->xregs[RD], ==, sq);
    }
}

static void test_shift_reg(void)
{
    unsigned sf, type, k;

    for (sf = 0; sf < 2; sf++) {
        unsigned bits = sf ? 64 : 32;

        for (type = 0; type < 4; type++) {
            uint32_t insn = enc_reg_class(0xd6, sf, 0, 0, RM, 8 + type, RN,
                                          RD);

            for (k = 0; k < 600; k++) {
                uint64_t x = operand(k % 40);
                uint64_t y = k < 256 ? k : rnd();

                env->xregs[RN] = x;
                env->xregs[RM] = y;
                env->nzcv = PSTATE_N;
                exec_ok(insn);
                check_rd(ref_shift(x, type, y % bits, bits), insn);
                check_nzcv(PSTATE_N, insn);
            }
        }
    }

    /* LSLV by 65 shifts by 1; ASRV W by 63 shifts by 31. */
    env->xregs[RN] = 0x8000000000000001ULL;
    env->xregs[RM] = 65;
    exec_ok(enc_reg_class(0xd6, true, 0, 0, RM, 8, RN, RD));
    g_assert_cmphex(env->xregs[RD], ==, 2);
    env->xregs[RN] = 0x80000000;
    env->xregs[RM] = 63;
    exec_ok(enc_reg_class(0xd6, false, 0, 0, RM, 10, RN, RD));
    g_assert_cmphex(env->xregs[RD], ==, 0xffffffff);
    env->xregs[RM] = 36;
    exec_ok(enc_reg_class(0xd6, false, 0, 0, RM, 11, RN, RD));
    g_assert_cmphex(env->xregs[RD], ==, 0x08000000);
}

/* The 2-source opcodes other than UDIV, SDIV and the shifts, and S = 1. */
static void test_2src_unallocated(void)
{
    unsigned opcode, sf;

    for (opcode = 0; opcode < 64; opcode++) {
        for (sf = 0; sf < 2; sf++) {
            uint32_t insn = enc_reg_class(0xd6, sf, 0, 0, RM, opcode, RN, RD);

            exec_undef(insn | (1U << 29));
            if (opcode == 2 || opcode == 3 || (opcode >= 8 && opcode < 12)) {
                continue;
            }
            exec_undef(insn);
        }
    }
    /* CRC32B W0, W1, W2; CRC32X W0, W1, X2; CRC32CW W3, W4, W5. */
    exec_undef(0x1ac24020);
    exec_undef(0x9ac24c20);
    exec_undef(0x1ac55883);
}

/* The product of the 3-source instructions, as 128-bit integers. */
static unsigned __int128 ref_product(unsigned op31, uint64_t x, uint64_t y)
{
    switch (op31) {
    case 1:
        return (unsigned __int128)((__int128)sint(x, 32) * sint(y, 32));
    case 2:
        return (unsigned __int128)((__int128)sint(x, 64) * sint(y, 64));
    case 5:
        return (unsigned __int128)(x & width_mask(32)) * (y & width_mask(32));
    default:
        return (unsigned __int128)x * y;
    }
}

static void test_3src(void)
{
    unsigned sf, op31, o0, k;

    for (sf = 0; sf < 2; sf++) {
        for (op31 = 0; op31 < 8; op31++) {
            for (o0 = 0; o0 < 2; o0++) {
                uint32_t insn = enc_3src(sf, op31, o0, RM, RA, RN, RD);
                bool allocated;

                switch (op31) {
                case 0:
                    allocated = true;
                    break;
                case 1:
                case 5:
                    allocated = sf;
                    break;
                case 2:
                case 6:
                    allocated = sf && !o0;
                    break;
                default:
                    allocated = false;
                    break;
                }
                exec_undef(insn | (1U << 29));
                exec_undef(insn | (2U << 29));
                exec_undef(insn | (3U << 29));
                if (!allocated) {
                    exec_undef(insn);
                    continue;
                }
                for (k = 0; k < 400; k++) {
                    uint64_t x = operand(k % 40), y = operand(rnd() % 40);
                    uint64_t a = rnd();
                    unsigned __int128 prod = ref_product(op31, x, y);
                    uint64_t expected;

                    if (op31 == 2 || op31 == 6) {
                        expected = (uint64_t)(prod >> 64);
                    } else if (o0) {
                        expected = a - (uint64_t)prod;
                    } else {
                        expected = a + (uint64_t)prod;
                    }
                    env->xregs[RN] = x;
                    env->xregs[RM] = y;
                    env->xregs[RA] = a;
                    env->nzcv = PSTATE_C;
                    exec_ok(insn);
                    check_rd(expected & width_mask(sf ? 64 : 32), insn);
                    check_nzcv(PSTATE_C, insn);
                }
            }
        }
    }

    /* By hand: SMULH, UMULH, SMNEGL, MNEG W, MUL W. */
    env->xregs[RN] = 0x8000000000000000ULL;
    env->xregs[RM] = 0x8000000000000000ULL;
    exec_ok(enc_3src(true, 2, false, RM, 31, RN, RD));
    g_assert_cmphex(env->xregs[RD], ==, 0x4000000000000000ULL);
    env->xregs[RN] = ~0ULL;
    env->xregs[RM] = ~0ULL;
    exec_ok(enc_3src(true, 6, false, RM, 31, RN, RD));
    g_assert_cmphex(env->xregs[RD], ==, 0xfffffffffffffffeULL);
    exec_ok(enc_3src(true, 2, false, RM, 31, RN, RD));
    g_assert_cmphex(env->xregs[RD], ==, 0);
    env->xregs[RN] = 0xffffffff;
    env->xregs[RM] = 3;
    exec_ok(enc_3src(true, 1, true, RM, 31, RN, RD));
    g_assert_cmphex(env->xregs[RD], ==, 3);
    exec_ok(enc_3src(true, 5, true, RM, 31, RN, RD));
    g_assert_cmphex(env->xregs[RD], ==, 0xfffffffd00000003ULL);
    exec_ok(enc_3src(false, 0, true, RM, 31, RN, RD));
    g_assert_cmphex(env->xregs[RD], ==, 3);
    env->xregs[RN] = 0x100000001ULL;
    env->xregs[RM] = 0x100000001ULL;
    exec_ok(enc_3src(false, 0, false, RM, 31, RN, RD));
    g_assert_cmphex(env->xregs[RD], ==, 1);
}

/*
 * The groups of the register class that ARMv8.0 leaves empty, and
 * random words of both classes: whatever is UNDEFINED changes nothing.
 */
static void test_unallocated_keeps_state(void)
{
    static const unsigned empty_op2[] = { 1, 3, 5, 7 };
    unsigned i, k, undefined = 0;

    for (i = 0; i < G_N_ELEMENTS(empty_op2); i++) {
        for (k = 0; k < 64; k++) {
            uint32_t insn = (uint32_t)rnd();

            insn = (insn & ~(0x1fU << 24) & ~(0xfU << 21)) |
                   (0x1aU << 24) | (empty_op2[i] << 21);
            exec_undef(insn);
        }
    }

    for (k = 0; k < 200000; k++) {
        uint32_t insn = (uint32_t)rnd();
        uint64_t regs[32];
        uint64_t pc;
        uint32_t nzcv, pstate;

        if (k & 1) {
            insn = (insn & ~(7U << 26)) | (4U << 26);
        } else {
            insn = (insn & ~(7U << 25)) | (5U << 25);
        }
        scramble_regs();
        env->nzcv = (uint32_t)(k % 16) << 28;
        memcpy(regs, env->xregs, sizeof(regs));
        pc = env->pc;
        nzcv = env->nzcv;
        pstate = env->pstate;
        if (!exec_insn(insn)) {
            g_assert_true(memcmp(regs, env->xregs, sizeof(regs)) == 0);
            g_assert_cmphex(nzcv, ==, env->nzcv);
            undefined++;
        }
        /* No data processing instruction writes the PC or PSTATE. */
        g_assert_cmphex(pc, ==, env->pc);
        g_assert_cmphex(pstate, ==, env->pstate);
    }
    g_test_message("%u of 200000 random words UNDEFINED", undefined);
    /* Both outcomes were exercised: about half of these words are free. */
    g_assert_cmpuint(undefined, >, 200000 / 4);
    g_assert_cmpuint(undefined, <, 200000 * 3 / 4);
}

int main(int argc, char **argv)
{
    int ret;

    g_test_init(&argc, &argv, NULL);
    cpu = g_new0(ARMCPU, 1);
    env = &cpu->env;
    env->pstate = PSTATE_MODE_EL1h;
    env->pc = 0x40080000;

    g_test_add_func("/a64-dp/imm/adr", test_adr);
    g_test_add_func("/a64-dp/imm/add-sub", test_add_sub_imm);
    g_test_add_func("/a64-dp/imm/logic-table", test_logic_imm_table);
    g_test_add_func("/a64-dp/imm/logic-sweep", test_logic_imm_sweep);
    g_test_add_func("/a64-dp/imm/logic-ops", test_logic_imm_ops);
    g_test_add_func("/a64-dp/imm/move-wide", test_move_wide);
    g_test_add_func("/a64-dp/imm/bitfield-sweep", test_bitfield_sweep);
    g_test_add_func("/a64-dp/imm/bitfield-aliases", test_bitfield_aliases);
    g_test_add_func("/a64-dp/imm/extr", test_extr);
    g_test_add_func("/a64-dp/reg/logic", test_logic_reg);
    g_test_add_func("/a64-dp/reg/add-sub-shifted", test_add_sub_shift);
    g_test_add_func("/a64-dp/reg/add-sub-extended", test_add_sub_ext);
    g_test_add_func("/a64-dp/reg/adc-sbc", test_adc_sbc);
    g_test_add_func("/a64-dp/reg/cond-compare", test_cond_compare);
    g_test_add_func("/a64-dp/reg/cond-select", test_cond_select);
    g_test_add_func("/a64-dp/reg/1src", test_1src);
    g_test_add_func("/a64-dp/reg/division", test_division);
    g_test_add_func("/a64-dp/reg/shift-reg", test_shift_reg);
    g_test_add_func("/a64-dp/reg/2src-unallocated", test_2src_unallocated);
    g_test_add_func("/a64-dp/reg/3src", test_3src);
    g_test_add_func("/a64-dp/unallocated", test_unallocated_keeps_state);
    ret = g_test_run();
    g_free(cpu);
    return ret;
}
