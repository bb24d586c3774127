/*
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * A64 loads and stores: the "Loads and Stores" encoding group of
 * ARMv8.0-A (ARM DDI 0487, "Loads and Stores" in the A64 instruction set
 * encoding chapter).
 *
 * Every integer form: unsigned offset, unscaled (LDUR/STUR), pre- and
 * post-index, register offset, unprivileged (LDTR/STTR), literal, pairs
 * (LDP/STP/LDPSW, LDNP/STNP), exclusives (LDXR/STXR/LDXP/STXP and their
 * acquire/release forms), LDAR/STLR; PRFM and PRFUM decode as NOPs.
 * The scalar SIMD&FP register forms (LDR/STR/LDP/STP/LDR literal of
 * B/H/S/D/Q) are decoded and run once arm_fp_access_check allows them.
 *
 * UNDEFINED here: the SIMD structure forms (LD1..LD4, ST1..ST4, LD1R..),
 * which arrive with FP/SIMD support; and every later extension: LSE
 * atomics and CAS/CASP (8.1), LDLAR/STLLR (8.1 LOR), LDAPR (8.3), LDRAA/
 * LDRAB (8.3 PAuth), LDAPUR/STLUR (8.4), STGP (8.5 MTE).
 *
 * CONSTRAINED UNPREDICTABLE cases, resolved as QEMU (7.2, TCG) does:
 * - a load with base write-back and Rt == Rn (not SP): the base register
 *   ends up with the written-back address;
 * - a store with base write-back and Rt == Rn: the value stored is the
 *   register before the write-back;
 * - LDP/LDNP/LDPSW with Rt == Rt2: the integer register gets the first
 *   (lower address) element, a SIMD&FP register the second;
 * - LDXP/LDAXP with Rt == Rt2: the second element;
 * - STXR/STXP with the status register equal to Rt, Rt2 or Rn: the store
 *   uses the values before the status is written;
 * - the Rs and Rt2 fields that should be 0b11111: ignored.
 * QEMU does not check SP alignment (SCTLR_EL1.SA) and neither do we.
 * A Q register is transferred as two doublewords, so SCTLR_EL1.A checks
 * 8-byte alignment for it.
 */
#include "qemu/osdep.h"
#include "target/arm/internals.h"

/* One register transfer of a load or store. */
typedef struct A64Xfer {
    unsigned rt;
    unsigned size;          /* log2 of the bytes: 0..3, or 4 for Q */
    bool vector;            /* Bt/Ht/St/Dt/Qt rather than Wt/Xt */
    bool load;
    bool sign;              /* sign-extending load */
    bool ext64;             /* ... into Xt (else Wt) */
    bool unpriv;            /* LDTR/STTR family */
    bool prefetch;          /* PRFM/PRFUM: no transfer at all */
} A64Xfer;

/*
 * Acquire/release ordering against other CPUs' accesses: a full host
 * fence after a load-acquire and before a store-release.
 */
static void a64_ordering_fence(void)
{
    __atomic_thread_fence(__ATOMIC_SEQ_CST);
}

/*
 * Before the access of a single-register form: the FP/SIMD access check
 * for a vector register; otherwise the data abort syndrome, which only
 * forms without write-back report (@syndrome).
 * Returns: false when the check raised an exception.
 */
static bool a64_xfer_prepare(ARMCPU *cpu, const A64Xfer *x, bool syndrome)
{
    if (x->vector) {
        return arm_fp_access_check(cpu);
    }
    if (syndrome) {
        arm_set_ldst_syndrome(&cpu->env, x->size, x->sign, x->rt,
                              x->sign ? x->ext64 : x->size == 3, false);
    }
    return true;
}

/* Read the memory @x transfers at @va into @val (low doubleword first). */
static bool a64_mem_read(ARMCPU *cpu, const A64Xfer *x, uint64_t va,
                         uint64_t val[2])
{
    val[1] = 0;
    if (x->size == 4) {
        return arm_mem_ld(cpu, va, 8, x->unpriv, false, &val[0]) &&
               arm_mem_ld(cpu, va + 8, 8, x->unpriv, false, &val[1]);
    }
    return arm_mem_ld(cpu, va, 1U << x->size, x->unpriv, false, &val[0]);
}

/* Write @val, as @x transfers it, at @va. */
static bool a64_mem_write(ARMCPU *cpu, const A64Xfer *x, uint64_t va,
                          const uint64_t val[2])
{
    if (x->size == 4) {
        return arm_mem_st(cpu, va, 8, x->unpriv, false, val[0]) &&
               arm_mem_st(cpu, va + 8, 8, x->unpriv, false, val[1]);
    }
    return arm_mem_st(cpu, va, 1U << x->size, x->unpriv, false, val[0]);
}

/* The value a store of @x writes: Wt/Xt (31: zero) or the vector. */
static void a64_xfer_get(CPUARMState *env, const A64Xfer *x,
                         uint64_t val[2])
{
    if (x->vector) {
        val[0] = env->vfp.zregs[x->rt][0];
        val[1] = env->vfp.zregs[x->rt][1];
    } else {
        val[0] = a64_get_reg(env, x->rt, false);
        val[1] = 0;
    }
}

/*
 * Put a loaded @val in the register of @x: sign- or zero-extended for
 * the integer registers; a SIMD&FP load clears the rest of the vector.
 */
static void a64_xfer_set(CPUARMState *env, const A64Xfer *x,
                         const uint64_t val[2])
{
    if (x->vector) {
        env->vfp.zregs[x->rt][0] = val[0];
        env->vfp.zregs[x->rt][1] = val[1];
    } else if (x->sign) {
        a64_set_reg_sf(env, x->rt, sextract64(val[0], 0, 8 << x->size),
                       x->ext64, false);
    } else {
        a64_set_reg(env, x->rt, val[0], false);
    }
}

/*
 * Transfer @x at @va, then, when @wback, write @new_base to Xn|SP.  A
 * fault (raised by the memory helpers) leaves every register alone.
 */
static void a64_do_xfer(ARMCPU *cpu, const A64Xfer *x, uint64_t va,
                        bool wback, unsigned rn, uint64_t new_base)
{
    CPUARMState *env = &cpu->env;
    uint64_t val[2];

    if (x->load) {
        if (!a64_mem_read(cpu, x, va, val)) {
            return;
        }
        a64_xfer_set(env, x, val);
    } else {
        a64_xfer_get(env, x, val);
        if (!a64_mem_write(cpu, x, va, val)) {
            return;
        }
    }
    if (wback) {
        a64_set_reg(env, rn, new_base, true);
    }
}

/*
 * size:V:opc of the "load/store register" forms (unsigned offset, 9-bit
 * immediate, register offset).  PRFM is size 3, opc 2; opc 3 with size
 * 2 or 3 is unallocated; SIMD&FP uses opc bit 1 with size 0 for Q.
 * Returns: false when unallocated.
 */
static bool a64_decode_ldst_reg(uint32_t insn, A64Xfer *x)
{
    unsigned size = extract32(insn, 30, 2);
    unsigned opc = extract32(insn, 22, 2);

    *x = (A64Xfer) {
        .rt = extract32(insn, 0, 5),
        .size = size,
        .vector = extract32(insn, 26, 1),
        .load = opc & 1,
    };
    if (x->vector) {
        if (opc & 2) {
            if (size != 0) {
                return false;
            }
            x->size = 4;
        }
        return true;
    }
    switch (opc) {
    case 2:
        if (size == 3) {
            x->prefetch = true;
        } else {
            x->load = x->sign = x->ext64 = true;
        }
        break;
    case 3:
        if (size >= 2) {
            return false;
        }
        x->load = x->sign = true;
        break;
    }
    return true;
}

/* LDR/STR... [Xn|SP, #imm12 << size]. */
static bool a64_ldst_uimm(ARMCPU *cpu, uint32_t insn)
{
    CPUARMState *env = &cpu->env;
    unsigned rn = extract32(insn, 5, 5);
    A64Xfer x;
    uint64_t va;

    if (!a64_decode_ldst_reg(insn, &x)) {
        return false;
    }
    if (x.prefetch) {
        return true;
    }
    if (!a64_xfer_prepare(cpu, &x, true)) {
        return true;
    }
    va = a64_get_reg(env, rn, true) +
         ((uint64_t)extract32(insn, 10, 12) << x.size);
    a64_do_xfer(cpu, &x, va, false, rn, 0);
    return true;
}

/*
 * The 9-bit signed immediate forms, by bits 11:10: unscaled (LDUR,
 * PRFUM), post-index, unprivileged (LDTR/STTR), pre-index.
 */
static bool a64_ldst_imm9(ARMCPU *cpu, uint32_t insn)
{
    CPUARMState *env = &cpu->env;
    unsigned idx = extract32(insn, 10, 2);
    unsigned rn = extract32(insn, 5, 5);
    int64_t imm = sextract32(insn, 12, 9);
    bool post = idx == 1;
    bool wback = idx == 1 || idx == 3;
    uint64_t base;
    A64Xfer x;

    if (!a64_decode_ldst_reg(insn, &x)) {
        return false;
    }
    if (x.prefetch) {
        /* PRFUM; there is no prefetch with write-back or LDTR form. */
        return idx == 0;
    }
    if (idx == 2) {
        if (x.vector) {
            return false;
        }
        x.unpriv = true;
    }
    if (!a64_xfer_prepare(cpu, &x, !wback)) {
        return true;
    }
    base = a64_get_reg(env, rn, true);
    a64_do_xfer(cpu, &x, post ? base : base + imm, wback, rn, base + imm);
    return true;
}

/* LDR/STR... [Xn|SP, Rm{, extend {#amount}}]; option 0x0 unallocated. */
static bool a64_ldst_regoff(ARMCPU *cpu, uint32_t insn)
{
    CPUARMState *env = &cpu->env;
    unsigned option = extract32(insn, 13, 3);
    unsigned rn = extract32(insn, 5, 5);
    uint64_t offset;
    A64Xfer x;

    if (!(option & 2) || !a64_decode_ldst_reg(insn, &x)) {
        return false;
    }
    if (x.prefetch) {
        return true;
    }
    if (!a64_xfer_prepare(cpu, &x, true)) {
        return true;
    }
    offset = a64_get_reg(env, extract32(insn, 16, 5), false);
    switch (option) {
    case 2:                             /* UXTW */
        offset = (uint32_t)offset;
        break;
    case 6:                             /* SXTW */
        offset = (int64_t)(int32_t)offset;
        break;
    default:                            /* LSL (UXTX), SXTX */
        break;
    }
    if (extract32(insn, 12, 1)) {
        offset <<= x.size;
    }
    a64_do_xfer(cpu, &x, a64_get_reg(env, rn, true) + offset, false, rn, 0);
    return true;
}

/* LDR (literal), LDRSW (literal), PRFM (literal): PC + imm19 * 4. */
static bool a64_ldst_literal(ARMCPU *cpu, uint32_t insn)
{
    CPUARMState *env = &cpu->env;
    unsigned opc = extract32(insn, 30, 2);
    uint64_t va = env->pc + (int64_t)sextract32(insn, 5, 19) * 4;
    A64Xfer x = {
        .rt = extract32(insn, 0, 5),
        .vector = extract32(insn, 26, 1),
        .load = true,
    };

    if (x.vector) {
        if (opc == 3) {
            return false;
        }
        x.size = 2 + opc;
    } else {
        switch (opc) {
        case 0:
            x.size = 2;
            break;
        case 1:
            x.size = 3;
            break;
        case 2:
            x.size = 2;
            x.sign = x.ext64 = true;
            break;
        default:
            return true;                /* PRFM (literal) */
        }
    }
    if (!a64_xfer_prepare(cpu, &x, true)) {
        return true;
    }
    a64_do_xfer(cpu, &x, va, false, 0, 0);
    return true;
}

/*
 * LDP/STP/LDPSW and LDNP/STNP, by bits 24:23: no-allocate (an offset
 * form; the cache hint means nothing here), post-index, offset,
 * pre-index.  Both accesses happen before any register is written.
 */
static bool a64_ldst_pair(ARMCPU *cpu, uint32_t insn)
{
    CPUARMState *env = &cpu->env;
    unsigned opc = extract32(insn, 30, 2);
    unsigned idx = extract32(insn, 23, 2);
    unsigned rn = extract32(insn, 5, 5);
    bool wback = idx == 1 || idx == 3;
    A64Xfer x = {
        .rt = extract32(insn, 0, 5),
        .vector = extract32(insn, 26, 1),
        .load = extract32(insn, 22, 1),
    };
    A64Xfer x2;
    uint64_t v1[2], v2[2];
    uint64_t base, va, step;
    int64_t offset;

    if (opc == 3) {
        return false;
    }
    if (x.vector) {
        x.size = 2 + opc;
    } else if (opc == 1) {
        /* LDPSW; STGP (MTE) and the no-allocate form do not exist. */
        if (!x.load || idx == 0) {
            return false;
        }
        x.size = 2;
        x.sign = x.ext64 = true;
    } else {
        x.size = 2 + (opc >> 1);
    }
    if (x.vector && !arm_fp_access_check(cpu)) {
        return true;
    }
    x2 = x;
    x2.rt = extract32(insn, 10, 5);
    step = 1ULL << x.size;
    offset = sextract32(insn, 15, 7) * (int64_t)step;
    base = a64_get_reg(env, rn, true);
    va = idx == 1 ? base : base + offset;

    if (x.load) {
        if (!a64_mem_read(cpu, &x, va, v1) ||
            !a64_mem_read(cpu, &x2, va + step, v2)) {
            return true;
        }
        if (x.vector) {
            a64_xfer_set(env, &x, v1);
            a64_xfer_set(env, &x2, v2);
        } else {
            a64_xfer_set(env, &x2, v2);
            a64_xfer_set(env, &x, v1);
        }
    } else {
        a64_xfer_get(env, &x, v1);
        a64_xfer_get(env, &x2, v2);
        if (!a64_mem_write(cpu, &x, va, v1) ||
            !a64_mem_write(cpu, &x2, va + step, v2)) {
            return true;
        }
    }
    if (wback) {
        a64_set_reg(env, rn, base + offset, true);
    }
    return true;
}

/* LDAR/STLR (o2 = 1, o0 = 1): naturally aligned, ordered accesses. */
static bool a64_ldst_acq_rel(ARMCPU *cpu, uint32_t insn)
{
    CPUARMState *env = &cpu->env;
    unsigned size = extract32(insn, 30, 2);
    unsigned rt = extract32(insn, 0, 5);
    uint64_t va = a64_get_reg(env, extract32(insn, 5, 5), true);
    uint64_t val;

    arm_set_ldst_syndrome(env, size, false, rt, size == 3, true);
    if (extract32(insn, 22, 1)) {
        if (!arm_mem_ld(cpu, va, 1U << size, false, true, &val)) {
            return true;
        }
        a64_ordering_fence();
        a64_set_reg(env, rt, val, false);
    } else {
        a64_ordering_fence();
        arm_mem_st(cpu, va, 1U << size, false, true,
                   a64_get_reg(env, rt, false));
    }
    return true;
}

/*
 * The load/store exclusive group, by o2 (bit 23), L (22), o1 (21) and
 * o0 (15, acquire/release): STXR/STLXR, LDXR/LDAXR, STXP/STLXP,
 * LDXP/LDAXP, STLR, LDAR.  The rest is LSE (CAS, CASP) or LOR (LDLAR,
 * STLLR), which this CPU does not have.
 */
static bool a64_ldst_excl(ARMCPU *cpu, uint32_t insn)
{
    CPUARMState *env = &cpu->env;
    unsigned size = extract32(insn, 30, 2);
    bool o2 = extract32(insn, 23, 1);
    bool load = extract32(insn, 22, 1);
    bool pair = extract32(insn, 21, 1);
    bool acq_rel = extract32(insn, 15, 1);
    unsigned rs = extract32(insn, 16, 5);
    unsigned rt2 = extract32(insn, 10, 5);
    unsigned rt = extract32(insn, 0, 5);
    unsigned bytes = 1U << size;
    uint64_t mask = size == 3 ? UINT64_MAX : (1ULL << (8 * bytes)) - 1;
    uint64_t va, v0, v1 = 0;
    uint32_t status;

    if (o2) {
        if (pair || !acq_rel) {
            return false;
        }
        return a64_ldst_acq_rel(cpu, insn);
    }
    if (pair && size < 2) {
        return false;
    }
    va = a64_get_reg(env, extract32(insn, 5, 5), true);
    if (load) {
        if (!arm_mem_ld_excl(cpu, va, bytes, pair, &v0, &v1)) {
            return true;
        }
        if (acq_rel) {
            a64_ordering_fence();
        }
        a64_set_reg(env, rt, v0, false);
        if (pair) {
            a64_set_reg(env, rt2, v1, false);
        }
        return true;
    }
    v0 = a64_get_reg(env, rt, false) & mask;
    if (pair) {
        v1 = a64_get_reg(env, rt2, false) & mask;
    }
    if (acq_rel) {
        a64_ordering_fence();
    }
    if (arm_mem_st_excl(cpu, va, bytes, pair, v0, v1, &status)) {
        a64_set_reg(env, rs, status, false);
    }
    return true;
}

bool a64_ldst(ARMCPU *cpu, uint32_t insn)
{
    /* Bits 29:28 split the group; bit 24 then picks the sub-table. */
    switch (extract32(insn, 28, 2)) {
    case 0:
        /* V = 1: SIMD structures; bit 24 = 1: unallocated in v8.0. */
        if (extract32(insn, 26, 1) || extract32(insn, 24, 1)) {
            return false;
        }
        return a64_ldst_excl(cpu, insn);
    case 1:
        /* Bit 24 = 1: LDAPUR/STLUR (8.4) and later additions. */
        if (extract32(insn, 24, 1)) {
            return false;
        }
        return a64_ldst_literal(cpu, insn);
    case 2:
        return a64_ldst_pair(cpu, insn);
    default:
        if (extract32(insn, 24, 1)) {
            return a64_ldst_uimm(cpu, insn);
        }
        if (!extract32(insn, 21, 1)) {
            return a64_ldst_imm9(cpu, insn);
        }
        if (extract32(insn, 10, 2) == 2) {
            return a64_ldst_regoff(cpu, insn);
        }
        /* Bits 11:10 = 00: LSE atomics (8.1); x1: LDRAA/LDRAB (8.3). */
        return false;
    }
}
