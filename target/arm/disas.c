/*
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * A small A64 disassembler for -d in_asm: branches, exception
 * generation and system instructions by name, the other groups by
 * their encoding class.
 */
#include "qemu/osdep.h"
#include "qemu/bitops.h"
#include "target/arm/internals.h"

static const char *const a64_cond_names[16] = {
    "eq", "ne", "hs", "lo", "mi", "pl", "vs", "vc",
    "hi", "ls", "ge", "lt", "gt", "le", "al", "nv",
};

static void a64_disas_reg(GString *out, unsigned reg, bool sf)
{
    if (reg == 31) {
        g_string_append(out, sf ? "xzr" : "wzr");
    } else {
        g_string_append_printf(out, "%c%u", sf ? 'x' : 'w', reg);
    }
}

static bool a64_disas_branch(uint64_t pc, uint32_t insn, GString *out)
{
    if ((insn & 0x7c000000) == 0x14000000) {
        g_string_append_printf(out, "%s #0x%" PRIx64,
                               (insn >> 31) ? "bl" : "b",
                               pc + ((int64_t)sextract32(insn, 0, 26) * 4));
        return true;
    }
    if ((insn & 0x7e000000) == 0x34000000) {
        g_string_append(out, extract32(insn, 24, 1) ? "cbnz " : "cbz ");
        a64_disas_reg(out, insn & 0x1f, insn >> 31);
        g_string_append_printf(out, ", #0x%" PRIx64,
                               pc + ((int64_t)sextract32(insn, 5, 19) * 4));
        return true;
    }
    if ((insn & 0x7e000000) == 0x36000000) {
        g_string_append(out, extract32(insn, 24, 1) ? "tbnz " : "tbz ");
        a64_disas_reg(out, insn & 0x1f, insn >> 31);
        g_string_append_printf(out, ", #%u, #0x%" PRIx64,
                               (extract32(insn, 31, 1) << 5) |
                               extract32(insn, 19, 5),
                               pc + ((int64_t)sextract32(insn, 5, 14) * 4));
        return true;
    }
    if ((insn & 0xff000010) == 0x54000000) {
        g_string_append_printf(out, "b.%s #0x%" PRIx64,
                               a64_cond_names[insn & 0xf],
                               pc + ((int64_t)sextract32(insn, 5, 19) * 4));
        return true;
    }
    if ((insn & 0xfffffc1f) == 0xd61f0000) {
        g_string_append(out, "br ");
        a64_disas_reg(out, extract32(insn, 5, 5), true);
        return true;
    }
    if ((insn & 0xfffffc1f) == 0xd63f0000) {
        g_string_append(out, "blr ");
        a64_disas_reg(out, extract32(insn, 5, 5), true);
        return true;
    }
    if ((insn & 0xfffffc1f) == 0xd65f0000) {
        g_string_append(out, "ret");
        if (extract32(insn, 5, 5) != 30) {
            g_string_append(out, " ");
            a64_disas_reg(out, extract32(insn, 5, 5), true);
        }
        return true;
    }
    if (insn == 0xd69f03e0) {
        g_string_append(out, "eret");
        return true;
    }
    return false;
}

static bool a64_disas_system(uint32_t insn, GString *out)
{
    static const char *const excp[] = { NULL, "svc", "hvc", "smc" };
    static const char *const hints[] = {
        "nop", "yield", "wfe", "wfi", "sev", "sevl",
    };
    unsigned hint;

    if ((insn & 0xffe0001c) == 0xd4000000 && (insn & 3)) {
        g_string_append_printf(out, "%s #0x%x", excp[insn & 3],
                               extract32(insn, 5, 16));
        return true;
    }
    if ((insn & 0xffe0001f) == 0xd4200000) {
        g_string_append_printf(out, "brk #0x%x", extract32(insn, 5, 16));
        return true;
    }
    if ((insn & 0xfffff01f) == 0xd503201f) {
        hint = extract32(insn, 5, 7);
        if (hint < ARRAY_SIZE(hints)) {
            g_string_append(out, hints[hint]);
        } else {
            g_string_append_printf(out, "hint #0x%x", hint);
        }
        return true;
    }
    if ((insn & 0xfffff0ff) == 0xd503305f) {
        g_string_append(out, "clrex");
        return true;
    }
    if ((insn & 0xfffff09f) == 0xd503309f) {
        static const char *const bar[] = { "dsb", "dmb", "isb", "sb" };

        g_string_append_printf(out, "%s #0x%x", bar[extract32(insn, 5, 2)],
                               extract32(insn, 8, 4));
        return true;
    }
    if ((insn & 0xffd00000) == 0xd5100000) {
        bool read = extract32(insn, 21, 1);

        if (read) {
            g_string_append(out, "mrs ");
            a64_disas_reg(out, insn & 0x1f, true);
            g_string_append(out, ", ");
        } else {
            g_string_append(out, "msr ");
        }
        g_string_append_printf(out, "s%u_%u_c%u_c%u_%u",
                               extract32(insn, 19, 2), extract32(insn, 16, 3),
                               extract32(insn, 12, 4), extract32(insn, 8, 4),
                               extract32(insn, 5, 3));
        if (!read) {
            g_string_append(out, ", ");
            a64_disas_reg(out, insn & 0x1f, true);
        }
        return true;
    }
    if ((insn & 0xffd80000) == 0xd5080000) {
        g_string_append_printf(out, "sys #%u, c%u, c%u, #%u, ",
                               extract32(insn, 16, 3), extract32(insn, 12, 4),
                               extract32(insn, 8, 4), extract32(insn, 5, 3));
        a64_disas_reg(out, insn & 0x1f, true);
        return true;
    }
    if ((insn & 0xfff8f01f) == 0xd500401f) {
        g_string_append_printf(out, "msr pstate(%u,%u), #%u",
                               extract32(insn, 16, 3), extract32(insn, 5, 3),
                               extract32(insn, 8, 4));
        return true;
    }
    return false;
}

void a64_disas(uint64_t pc, uint32_t insn, GString *out)
{
    if (a64_disas_branch(pc, insn, out) || a64_disas_system(insn, out)) {
        return;
    }
    switch (extract32(insn, 25, 4)) {
    case 0x8:
    case 0x9:
        g_string_append(out, "(data processing, immediate)");
        break;
    case 0x5:
    case 0xd:
        g_string_append(out, "(data processing, register)");
        break;
    case 0x4:
    case 0x6:
    case 0xc:
    case 0xe:
        g_string_append(out, "(load/store)");
        break;
    default:
        g_string_append(out, "(unallocated or not implemented)");
        break;
    }
}
