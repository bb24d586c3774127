/*
 * A64 data processing: the immediate and register classes.
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * ARMv8.0-A integer instructions after the A64 encoding index of the Arm
 * ARM (DDI 0487), "Data Processing -- Immediate" and "Data Processing --
 * Register".  Encodings that belong to features this CPU does not
 * advertise (MTE tags, FlagM, CRC32, pointer authentication, the v8.9
 * CSSC group) are UNDEFINED like the unallocated ones.
 *
 * Every handler decodes and checks the whole encoding before it writes
 * anything, so that returning false leaves the CPU state untouched.  The
 * 32-bit forms (sf = 0) compute on the low halves of their operands and
 * write W registers, which zero-extends the result.
 */
#include "qemu/osdep.h"
#include "target/arm/internals.h"

/* The "shift" field of the shifted register forms and of LSLV..RORV. */
enum {
    A64_SHIFT_LSL = 0,
    A64_SHIFT_LSR = 1,
    A64_SHIFT_ASR = 2,
    A64_SHIFT_ROR = 3,
};

static inline uint64_t dp_trunc(uint64_t val, bool sf)
{
    return sf ? val : (uint32_t)val;
}

static inline bool dp_msb(uint64_t val, bool sf)
{
    return sf ? val >> 63 : (val >> 31) & 1;
}

/* Rotate the 64-bit (@sf) or 32-bit value @val right by @amount bits. */
static inline uint64_t dp_ror(uint64_t val, unsigned amount, bool sf)
{
    if (amount == 0) {
        return dp_trunc(val, sf);
    }
    if (sf) {
        return (val >> amount) | (val << (64 - amount));
    }
    val = (uint32_t)val;
    return (uint32_t)((val >> amount) | (val << (32 - amount)));
}

/*
 * ShiftReg(): shift the 64-bit (@sf) or 32-bit value @val by @amount,
 * which is below the register width.
 */
static inline uint64_t dp_shift(uint64_t val, unsigned type,
                                unsigned amount, bool sf)
{
    switch (type) {
    case A64_SHIFT_LSL:
        return dp_trunc(val << amount, sf);
    case A64_SHIFT_LSR:
        return dp_trunc(val, sf) >> amount;
    case A64_SHIFT_ASR:
        if (sf) {
            return (uint64_t)((int64_t)val >> amount);
        }
        return (uint32_t)((int32_t)val >> amount);
    default:
        return dp_ror(val, amount, sf);
    }
}

/*
 * ExtendReg() without its shift: the byte, halfword, word or doubleword
 * at the bottom of @val zero- (option 0..3) or sign-extended (4..7) to
 * 64 bits.  UXTX and SXTX leave the value alone.
 */
static inline uint64_t dp_extend(uint64_t val, unsigned option)
{
    switch (option) {
    case 0:
        return (uint8_t)val;
    case 1:
        return (uint16_t)val;
    case 2:
        return (uint32_t)val;
    case 4:
        return (uint64_t)(int64_t)(int8_t)val;
    case 5:
        return (uint64_t)(int64_t)(int16_t)val;
    case 6:
        return (uint64_t)(int64_t)(int32_t)val;
    default:
        return val;
    }
}

/* N and Z of a logical result; C and V are cleared. */
static inline void dp_set_logic_flags(CPUARMState *env, uint64_t res,
                                      bool sf)
{
    arm_set_nzcv_bits(env, dp_msb(res, sf), dp_trunc(res, sf) == 0,
                      false, false);
}

/*
 * AddWithCarry(): @x + @y + @carry on 64 (@sf) or 32 bits, setting NZCV
 * from the sum when @setflags.
 */
static inline uint64_t dp_add_with_carry(CPUARMState *env, uint64_t x,
                                         uint64_t y, unsigned carry,
                                         bool sf, bool setflags)
{
    uint64_t res;
    bool c;

    if (sf) {
        res = x + y + carry;
        c = carry ? res <= x : res < x;
    } else {
        uint64_t sum = (uint64_t)(uint32_t)x + (uint32_t)y + carry;

        res = (uint32_t)sum;
        c = sum >> 32;
    }
    if (setflags) {
        /* Signed overflow: both operands differ in sign from the sum. */
        bool v = dp_msb((x ^ res) & (y ^ res), sf);

        arm_set_nzcv_bits(env, dp_msb(res, sf), res == 0, c, v);
    }
    return res;
}

/* ADD (@sub false) or SUB of @x and @y, as the A64 ADD/SUB forms do. */
static inline uint64_t dp_add_sub(CPUARMState *env, uint64_t x, uint64_t y,
                                  bool sub, bool sf, bool setflags)
{
    if (sub) {
        return dp_add_with_carry(env, x, ~y, 1, sf, setflags);
    }
    return dp_add_with_carry(env, x, y, 0, sf, setflags);
}

/*
 * DecodeBitMasks() for the logical immediates: the element of size
 * 2^len (len from the highest set bit of N:NOT(imms)) holding imms + 1
 * ones, rotated right by immr and replicated to 64 bits.  An element
 * of all ones and len = 0 are reserved.
 * Returns: false for a reserved encoding.
 */
static bool dp_decode_logic_imm(unsigned n, unsigned immr, unsigned imms,
                                uint64_t *mask)
{
    int len = 31 - clz32((n << 6) | (~imms & 0x3f));
    unsigned esize, levels, s, r;
    uint64_t elem;

    if (len < 1) {
        return false;
    }
    esize = 1U << len;
    levels = esize - 1;
    s = imms & levels;
    r = immr & levels;
    if (s == levels) {
        return false;
    }
    elem = (2ULL << s) - 1;
    if (r != 0) {
        elem = (elem >> r) | (elem << (esize - r));
        if (esize < 64) {
            elem &= (1ULL << esize) - 1;
        }
    }
    for (; esize < 64; esize *= 2) {
        elem |= elem << esize;
    }
    *mask = elem;
    return true;
}

/* ADR, ADRP. */
static bool dp_pc_rel(CPUARMState *env, uint32_t insn)
{
    uint64_t offset = ((uint64_t)sextract64(insn, 5, 19) << 2) |
                      extract32(insn, 29, 2);
    uint64_t base = env->pc;

    if (insn & (1U << 31)) {
        base &= ~0xfffULL;
        offset <<= 12;
    }
    a64_set_reg(env, extract32(insn, 0, 5), base + offset, false);
    return true;
}

/* ADD, ADDS, SUB, SUBS (immediate), optionally shifted left by 12. */
static bool dp_add_sub_imm(CPUARMState *env, uint32_t insn)
{
    bool sf = insn >> 31;
    bool sub = extract32(insn, 30, 1);
    bool setflags = extract32(insn, 29, 1);
    unsigned rd = extract32(insn, 0, 5);
    uint64_t imm = extract32(insn, 10, 12);
    uint64_t res;

    if (extract32(insn, 22, 1)) {
        imm <<= 12;
    }
    res = dp_add_sub(env, a64_get_reg(env, extract32(insn, 5, 5), true),
                     imm, sub, sf, setflags);
    /* The non-flag-setting forms write SP; CMP and CMN discard. */
    a64_set_reg_sf(env, rd, res, sf, !setflags);
    return true;
}

/* AND, ORR, EOR, ANDS (immediate). */
static bool dp_logic_imm(CPUARMState *env, uint32_t insn)
{
    bool sf = insn >> 31;
    unsigned opc = extract32(insn, 29, 2);
    unsigned n = extract32(insn, 22, 1);
    unsigned rd = extract32(insn, 0, 5);
    uint64_t mask, x, res;

    if (!sf && n) {
        return false;
    }
    if (!dp_decode_logic_imm(n, extract32(insn, 16, 6),
                             extract32(insn, 10, 6), &mask)) {
        return false;
    }
    x = a64_get_reg(env, extract32(insn, 5, 5), false);
    switch (opc) {
    case 0:
        res = x & mask;
        break;
    case 1:
        res = x | mask;
        break;
    case 2:
        res = x ^ mask;
        break;
    default:
        res = x & mask;
        dp_set_logic_flags(env, res, sf);
        /* ANDS, TST: register 31 is XZR. */
        a64_set_reg_sf(env, rd, res, sf, false);
        return true;
    }
    a64_set_reg_sf(env, rd, res, sf, true);
    return true;
}

/* MOVN, MOVZ, MOVK. */
static bool dp_move_wide(CPUARMState *env, uint32_t insn)
{
    bool sf = insn >> 31;
    unsigned opc = extract32(insn, 29, 2);
    unsigned hw = extract32(insn, 21, 2);
    unsigned rd = extract32(insn, 0, 5);
    uint64_t imm16 = extract32(insn, 5, 16);
    uint64_t res;

    if (opc == 1 || (!sf && hw >= 2)) {
        return false;
    }
    switch (opc) {
    case 0:
        res = ~(imm16 << (hw * 16));
        break;
    case 2:
        res = imm16 << (hw * 16);
        break;
    default:
        res = deposit64(a64_get_reg(env, rd, false), hw * 16, 16, imm16);
        break;
    }
    a64_set_reg_sf(env, rd, res, sf, false);
    return true;
}

/*
 * SBFM, BFM, UBFM and so their aliases (ASR, LSL, LSR, SXT*, UXT*,
 * SBFX, UBFX, BFXIL, SBFIZ, UBFIZ, BFI, BFC).  With imms >= immr the
 * field src<imms:immr> goes to the bottom of the result; otherwise
 * src<imms:0> goes to bit (width - immr).  SBFM sign-extends the field
 * and UBFM zero-extends it, both clearing the bits below it; BFM keeps
 * every other bit of the destination.
 */
static bool dp_bitfield(CPUARMState *env, uint32_t insn)
{
    bool sf = insn >> 31;
    unsigned opc = extract32(insn, 29, 2);
    unsigned n = extract32(insn, 22, 1);
    unsigned immr = extract32(insn, 16, 6);
    unsigned imms = extract32(insn, 10, 6);
    unsigned rd = extract32(insn, 0, 5);
    unsigned width, pos;
    uint64_t src, field, res;

    if (opc == 3) {
        return false;
    }
    if (sf ? !n : (n || immr >= 32 || imms >= 32)) {
        return false;
    }
    src = dp_trunc(a64_get_reg(env, extract32(insn, 5, 5), false), sf);
    if (imms >= immr) {
        width = imms - immr + 1;
        pos = 0;
        field = extract64(src, immr, width);
    } else {
        width = imms + 1;
        pos = (sf ? 64 : 32) - immr;
        field = extract64(src, 0, width);
    }
    switch (opc) {
    case 0:
        res = (uint64_t)sextract64(field, 0, width) << pos;
        break;
    case 1:
        res = deposit64(a64_get_reg(env, rd, false), pos, width, field);
        break;
    default:
        res = field << pos;
        break;
    }
    a64_set_reg_sf(env, rd, res, sf, false);
    return true;
}

/* EXTR (and ROR immediate when Rn = Rm). */
static bool dp_extract(CPUARMState *env, uint32_t insn)
{
    bool sf = insn >> 31;
    unsigned lsb = extract32(insn, 10, 6);
    uint64_t hi, lo, res;

    if (extract32(insn, 29, 2) != 0 || extract32(insn, 21, 1) != 0 ||
        extract32(insn, 22, 1) != sf || (!sf && lsb >= 32)) {
        return false;
    }
    hi = a64_get_reg(env, extract32(insn, 5, 5), false);
    lo = a64_get_reg(env, extract32(insn, 16, 5), false);
    if (!sf) {
        res = (((uint64_t)(uint32_t)hi << 32) | (uint32_t)lo) >> lsb;
    } else if (lsb == 0) {
        res = lo;
    } else {
        res = (lo >> lsb) | (hi << (64 - lsb));
    }
    a64_set_reg_sf(env, extract32(insn, 0, 5), res, sf, false);
    return true;
}

bool a64_dp_imm(ARMCPU *cpu, uint32_t insn)
{
    CPUARMState *env = &cpu->env;

    switch (extract32(insn, 23, 3)) {
    case 0:
    case 1:
        return dp_pc_rel(env, insn);
    case 2:
        return dp_add_sub_imm(env, insn);
    case 3:
        /* ADDG, SUBG: MTE, not advertised. */
        return false;
    case 4:
        return dp_logic_imm(env, insn);
    case 5:
        return dp_move_wide(env, insn);
    case 6:
        return dp_bitfield(env, insn);
    default:
        return dp_extract(env, insn);
    }
}

/* AND, BIC, ORR, ORN, EOR, EON, ANDS, BICS (shifted register). */
static bool dp_logic_reg(CPUARMState *env, uint32_t insn)
{
    bool sf = insn >> 31;
    unsigned opc = extract32(insn, 29, 2);
    unsigned amount = extract32(insn, 10, 6);
    uint64_t x, y, res;

    if (!sf && amount >= 32) {
        return false;
    }
    y = dp_shift(a64_get_reg(env, extract32(insn, 16, 5), false),
                 extract32(insn, 22, 2), amount, sf);
    if (extract32(insn, 21, 1)) {
        y = ~y;
    }
    x = a64_get_reg(env, extract32(insn, 5, 5), false);
    switch (opc) {
    case 0:
        res = x & y;
        break;
    case 1:
        res = x | y;
        break;
    case 2:
        res = x ^ y;
        break;
    default:
        res = x & y;
        dp_set_logic_flags(env, res, sf);
        break;
    }
    a64_set_reg_sf(env, extract32(insn, 0, 5), res, sf, false);
    return true;
}

/* ADD, ADDS, SUB, SUBS (shifted register): no SP, no ROR. */
static bool dp_add_sub_shift(CPUARMState *env, uint32_t insn)
{
    bool sf = insn >> 31;
    unsigned type = extract32(insn, 22, 2);
    unsigned amount = extract32(insn, 10, 6);
    uint64_t y, res;

    if (type == A64_SHIFT_ROR || (!sf && amount >= 32)) {
        return false;
    }
    y = dp_shift(a64_get_reg(env, extract32(insn, 16, 5), false), type,
                 amount, sf);
    res = dp_add_sub(env, a64_get_reg(env, extract32(insn, 5, 5), false), y,
                     extract32(insn, 30, 1), sf, extract32(insn, 29, 1));
    a64_set_reg_sf(env, extract32(insn, 0, 5), res, sf, false);
    return true;
}

/*
 * ADD, ADDS, SUB, SUBS (extended register): Rm extended (UXTB..SXTX)
 * and shifted left by 0 to 4; Rn is SP, and so is Rd unless the flags
 * are set.
 */
static bool dp_add_sub_ext(CPUARMState *env, uint32_t insn)
{
    bool sf = insn >> 31;
    bool setflags = extract32(insn, 29, 1);
    unsigned shift = extract32(insn, 10, 3);
    uint64_t y, res;

    if (extract32(insn, 22, 2) != 0 || shift > 4) {
        return false;
    }
    y = dp_extend(a64_get_reg(env, extract32(insn, 16, 5), false),
                  extract32(insn, 13, 3)) << shift;
    res = dp_add_sub(env, a64_get_reg(env, extract32(insn, 5, 5), true), y,
                     extract32(insn, 30, 1), sf, setflags);
    a64_set_reg_sf(env, extract32(insn, 0, 5), res, sf, !setflags);
    return true;
}

/* ADC, ADCS, SBC, SBCS. */
static bool dp_add_sub_carry(CPUARMState *env, uint32_t insn)
{
    bool sf = insn >> 31;
    uint64_t x, y, res;

    /* Bits 15:10 other than 0 are RMIF and SETF8/16 (FlagM), or free. */
    if (extract32(insn, 10, 6) != 0) {
        return false;
    }
    y = a64_get_reg(env, extract32(insn, 16, 5), false);
    if (extract32(insn, 30, 1)) {
        y = ~y;
    }
    x = a64_get_reg(env, extract32(insn, 5, 5), false);
    res = dp_add_with_carry(env, x, y, (arm_get_nzcv(env) & PSTATE_C) != 0,
                            sf, extract32(insn, 29, 1));
    a64_set_reg_sf(env, extract32(insn, 0, 5), res, sf, false);
    return true;
}

/* CCMN, CCMP (register and immediate). */
static bool dp_cond_compare(CPUARMState *env, uint32_t insn)
{
    bool sf = insn >> 31;
    uint64_t y;

    if (!extract32(insn, 29, 1) || extract32(insn, 10, 1) ||
        extract32(insn, 4, 1)) {
        return false;
    }
    if (!arm_cond_holds(env, extract32(insn, 12, 4))) {
        arm_set_nzcv(env, extract32(insn, 0, 4) << 28);
        return true;
    }
    if (extract32(insn, 11, 1)) {
        y = extract32(insn, 16, 5);
    } else {
        y = a64_get_reg(env, extract32(insn, 16, 5), false);
    }
    dp_add_sub(env, a64_get_reg(env, extract32(insn, 5, 5), false), y,
               extract32(insn, 30, 1), sf, true);
    return true;
}

/* CSEL, CSINC, CSINV, CSNEG. */
static bool dp_cond_select(CPUARMState *env, uint32_t insn)
{
    bool sf = insn >> 31;
    uint64_t res;

    if (extract32(insn, 29, 1) || extract32(insn, 11, 1)) {
        return false;
    }
    if (arm_cond_holds(env, extract32(insn, 12, 4))) {
        res = a64_get_reg(env, extract32(insn, 5, 5), false);
    } else {
        res = a64_get_reg(env, extract32(insn, 16, 5), false);
        if (extract32(insn, 30, 1)) {
            res = ~res;
        }
        res += extract32(insn, 10, 1);
    }
    a64_set_reg_sf(env, extract32(insn, 0, 5), res, sf, false);
    return true;
}

/* Swap the bits of each byte after swapping the bytes. */
static uint64_t dp_rbit64(uint64_t x)
{
    const uint64_t m4 = 0x0f0f0f0f0f0f0f0fULL;
    const uint64_t m2 = 0x3333333333333333ULL;
    const uint64_t m1 = 0x5555555555555555ULL;

    x = __builtin_bswap64(x);
    x = ((x >> 4) & m4) | ((x & m4) << 4);
    x = ((x >> 2) & m2) | ((x & m2) << 2);
    x = ((x >> 1) & m1) | ((x & m1) << 1);
    return x;
}

/* RBIT, REV16, REV32, REV, CLZ, CLS. */
static bool dp_1src(CPUARMState *env, uint32_t insn)
{
    bool sf = insn >> 31;
    uint64_t x, res;

    /* S = 1 is unallocated; opcode2 = 1 is pointer authentication. */
    if (extract32(insn, 29, 1) || extract32(insn, 16, 5) != 0) {
        return false;
    }
    x = dp_trunc(a64_get_reg(env, extract32(insn, 5, 5), false), sf);
    switch (extract32(insn, 10, 6)) {
    case 0:
        res = sf ? dp_rbit64(x) : dp_rbit64(x) >> 32;
        break;
    case 1:
        res = ((x & 0x00ff00ff00ff00ffULL) << 8) |
              ((x >> 8) & 0x00ff00ff00ff00ffULL);
        break;
    case 2:
        /* REV32 of X registers, REV of W registers. */
        res = __builtin_bswap64(x);
        res = (res >> 32) | (res << 32);
        break;
    case 3:
        if (!sf) {
            return false;
        }
        res = __builtin_bswap64(x);
        break;
    case 4:
        res = sf ? clz64(x) : clz32(x);
        break;
    case 5:
        /* Leading bits equal to the sign bit, the sign bit excluded. */
        if (sf) {
            res = clz64((x ^ (x << 1)) | 1);
        } else {
            res = clz32(((uint32_t)x ^ ((uint32_t)x << 1)) | 1);
        }
        break;
    default:
        return false;
    }
    a64_set_reg_sf(env, extract32(insn, 0, 5), res, sf, false);
    return true;
}

/* UDIV: division by zero gives zero. */
static uint64_t dp_udiv(uint64_t x, uint64_t y, bool sf)
{
    x = dp_trunc(x, sf);
    y = dp_trunc(y, sf);
    return y ? x / y : 0;
}

/*
 * SDIV rounds towards zero; division by zero gives zero and the one
 * overflowing quotient (most negative / -1) wraps to the dividend.
 */
static uint64_t dp_sdiv(uint64_t x, uint64_t y, bool sf)
{
    if (sf) {
        if (y == 0) {
            return 0;
        }
        if ((int64_t)y == -1) {
            return -x;
        }
        return (uint64_t)((int64_t)x / (int64_t)y);
    }
    if ((uint32_t)y == 0) {
        return 0;
    }
    if ((int32_t)y == -1) {
        return (uint32_t)-x;
    }
    return (uint32_t)((int32_t)x / (int32_t)y);
}

/*
 * UDIV, SDIV, LSLV, LSRV, ASRV, RORV.  CRC32* (optional in ARMv8.0 and
 * not advertised), PACGA and the MTE instructions are UNDEFINED.
 */
static bool dp_2src(CPUARMState *env, uint32_t insn)
{
    bool sf = insn >> 31;
    unsigned opcode = extract32(insn, 10, 6);
    uint64_t x, y, res;

    if (extract32(insn, 29, 1)) {
        return false;
    }
    x = a64_get_reg(env, extract32(insn, 5, 5), false);
    y = a64_get_reg(env, extract32(insn, 16, 5), false);
    switch (opcode) {
    case 2:
        res = dp_udiv(x, y, sf);
        break;
    case 3:
        res = dp_sdiv(x, y, sf);
        break;
    case 8 ... 11:
        /* The amount is taken modulo the register width. */
        res = dp_shift(x, opcode & 3, y & (sf ? 63 : 31), sf);
        break;
    default:
        return false;
    }
    a64_set_reg_sf(env, extract32(insn, 0, 5), res, sf, false);
    return true;
}

/*
 * MADD, MSUB, SMADDL, SMSUBL, UMADDL, UMSUBL, SMULH, UMULH.  The long
 * and high forms exist only with sf = 1.
 */
static bool dp_3src(CPUARMState *env, uint32_t insn)
{
    bool sf = insn >> 31;
    bool sub = extract32(insn, 15, 1);
    unsigned op31 = extract32(insn, 21, 3);
    uint64_t x, y, a, prod, res;

    if (extract32(insn, 29, 2) != 0 || (op31 != 0 && !sf)) {
        return false;
    }
    x = a64_get_reg(env, extract32(insn, 5, 5), false);
    y = a64_get_reg(env, extract32(insn, 16, 5), false);
    a = a64_get_reg(env, extract32(insn, 10, 5), false);
    switch (op31) {
    case 0:
        prod = x * y;
        break;
    case 1:
        prod = (uint64_t)((int64_t)(int32_t)x * (int32_t)y);
        break;
    case 5:
        prod = (uint64_t)(uint32_t)x * (uint32_t)y;
        break;
    case 2:
        if (sub) {
            return false;
        }
        res = (uint64_t)(((__int128)(int64_t)x * (int64_t)y) >> 64);
        a64_set_reg(env, extract32(insn, 0, 5), res, false);
        return true;
    case 6:
        if (sub) {
            return false;
        }
        res = (uint64_t)(((unsigned __int128)x * y) >> 64);
        a64_set_reg(env, extract32(insn, 0, 5), res, false);
        return true;
    default:
        return false;
    }
    res = sub ? a - prod : a + prod;
    a64_set_reg_sf(env, extract32(insn, 0, 5), res, sf, false);
    return true;
}

bool a64_dp_reg(ARMCPU *cpu, uint32_t insn)
{
    CPUARMState *env = &cpu->env;
    unsigned op2 = extract32(insn, 21, 4);

    if (!extract32(insn, 28, 1)) {
        if (!(op2 & 8)) {
            return dp_logic_reg(env, insn);
        }
        if (op2 & 1) {
            return dp_add_sub_ext(env, insn);
        }
        return dp_add_sub_shift(env, insn);
    }
    if (op2 & 8) {
        return dp_3src(env, insn);
    }
    switch (op2) {
    case 0:
        return dp_add_sub_carry(env, insn);
    case 2:
        return dp_cond_compare(env, insn);
    case 4:
        return dp_cond_select(env, insn);
    case 6:
        if (extract32(insn, 30, 1)) {
            return dp_1src(env, insn);
        }
        return dp_2src(env, insn);
    default:
        return false;
    }
}
