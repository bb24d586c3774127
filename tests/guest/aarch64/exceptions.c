/*
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * Synchronous exceptions: one case per class (SVC, HVC and SMC without
 * EL2/EL3, BRK, undefined instructions, trapped FP, unknown and read-only
 * system registers, alignment faults, external aborts on addresses with
 * no device, PC alignment), then traps from EL0 (SVC, BRK, UNDEF, trapped
 * system register accesses).  Each prints the vector taken and ESR_EL1,
 * FAR_EL1 (when valid), ELR_EL1 relative to the faulting instruction and
 * SPSR_EL1, then NZCV after the return.
 */
#include "guest.h"

#define SCTLR_A     (1ull << 1)
#define ESR_EC(esr) (((esr) >> 26) & 0x3f)
#define EC_SVC64    0x15
#define EC_HVC64    0x16
#define EC_SMC64    0x17
#define EC_IABT_CUR 0x21
#define EC_PC_ALIGN 0x22

/* What a printed address is relative to. */
typedef enum Rel {
    REL_NONE,           /* not printed (FAR is UNKNOWN for the class) */
    REL_ZERO,           /* absolute */
    REL_INSN,           /* the case's faulting instruction */
    REL_SCRATCH,        /* the scratch buffer */
} Rel;

typedef struct ExcCase {
    const char *name;
    uint64_t (*fn)(void *buf);
    const char *insn;
    Rel elr_rel;
    Rel far_rel;
    bool align_check;   /* run with SCTLR_EL1.A set */
    bool print_x0;      /* print what the case returns */
} ExcCase;

#define DECLARE_CASE(n)                 \
    uint64_t case_##n(void *buf);       \
    extern const char case_##n##_insn[]

DECLARE_CASE(svc);
DECLARE_CASE(svc_spsel0);
DECLARE_CASE(hvc_not_psci);
DECLARE_CASE(smc);
DECLARE_CASE(brk);
DECLARE_CASE(udf);
DECLARE_CASE(lse_ldadd);
DECLARE_CASE(fp_trapped);
DECLARE_CASE(sysreg_unknown);
DECLARE_CASE(sysreg_write_ro);
DECLARE_CASE(sp_el0_while_spsel0);
DECLARE_CASE(align_ldr);
DECLARE_CASE(align_str);
DECLARE_CASE(align_ldp);
DECLARE_CASE(align_ldxr);
DECLARE_CASE(align_stlr);
DECLARE_CASE(unmapped_ldr);
DECLARE_CASE(unmapped_strb);
DECLARE_CASE(unmapped_fetch);
DECLARE_CASE(pc_align);

void run_el0(const void *fn, void *stack_top);
extern uint64_t case_nzcv_after;
extern const char el0_code[];
extern const char el0_return[];

#define CASE(n, elr, far, align, x0) \
    { #n, case_##n, case_##n##_insn, elr, far, align, x0 }

static const ExcCase cases[] = {
    CASE(svc, REL_INSN, REL_NONE, false, false),
    CASE(svc_spsel0, REL_INSN, REL_NONE, false, false),
    CASE(hvc_not_psci, REL_INSN, REL_NONE, false, true),
    CASE(smc, REL_INSN, REL_NONE, false, false),
    CASE(brk, REL_INSN, REL_NONE, false, false),
    CASE(udf, REL_INSN, REL_NONE, false, false),
    CASE(lse_ldadd, REL_INSN, REL_NONE, false, false),
    CASE(fp_trapped, REL_INSN, REL_NONE, false, false),
    CASE(sysreg_unknown, REL_INSN, REL_NONE, false, false),
    CASE(sysreg_write_ro, REL_INSN, REL_NONE, false, false),
    CASE(sp_el0_while_spsel0, REL_INSN, REL_NONE, false, false),
    CASE(align_ldr, REL_INSN, REL_SCRATCH, true, false),
    CASE(align_str, REL_INSN, REL_SCRATCH, true, false),
    CASE(align_ldp, REL_INSN, REL_SCRATCH, true, false),
    CASE(align_ldxr, REL_INSN, REL_SCRATCH, false, false),
    CASE(align_stlr, REL_INSN, REL_SCRATCH, true, false),
    CASE(unmapped_ldr, REL_INSN, REL_ZERO, false, false),
    CASE(unmapped_strb, REL_INSN, REL_ZERO, false, false),
    CASE(unmapped_fetch, REL_ZERO, REL_ZERO, false, false),
    CASE(pc_align, REL_INSN, REL_INSN, false, false),
};

static uint64_t scratch[8] __attribute__((aligned(64)));
static uint64_t el0_stack[128] __attribute__((aligned(16)));

/* The case being run, for the handler. */
static const ExcCase *cur;
static unsigned taken;
static uint64_t el0_result;

static const ExcCase el0_case = {
    "el0", NULL, el0_code, REL_INSN, REL_NONE, false, false
};

static uint64_t rel_base(Rel rel)
{
    switch (rel) {
    case REL_INSN:
        return (uint64_t)cur->insn;
    case REL_SCRATCH:
        return (uint64_t)scratch;
    default:
        return 0;
    }
}

static void print_field(const char *name, uint64_t val, int digits)
{
    guest_putc(' ');
    guest_puts(name);
    guest_putc('=');
    guest_put_hex(val, digits);
}

static bool sync_handler(ExcFrame *frame, unsigned kind)
{
    uint64_t esr = READ_SYSREG(esr_el1);
    uint64_t far = READ_SYSREG(far_el1);
    unsigned ec = ESR_EC(esr);

    if (kind == (EXC_LOWER_A64 | EXC_SYNC) && ec == EC_SVC64 &&
        (esr & 0xffff) == 0xff) {
        /* The EL0 code is done: back to EL1h, DAIF masked. */
        el0_result = frame->x[1];
        frame->elr = (uint64_t)el0_return;
        frame->spsr = 0x3c5;
        return true;
    }
    taken++;
    guest_puts("  kind=");
    guest_put_dec(kind);
    print_field("esr", esr, 8);
    print_field("elr", frame->elr - rel_base(cur->elr_rel), 16);
    if (cur->far_rel != REL_NONE) {
        print_field("far", far - rel_base(cur->far_rel), 16);
    }
    print_field("spsr", frame->spsr, 8);
    guest_putc('\n');

    if (ec == EC_IABT_CUR || ec == EC_PC_ALIGN) {
        frame->elr = frame->x[30];
    } else if (ec != EC_SVC64 && ec != EC_HVC64 && ec != EC_SMC64) {
        frame->elr += 4;
    }
    return true;
}

static void run_case(const ExcCase *c)
{
    uint64_t sctlr = READ_SYSREG(sctlr_el1);
    uint64_t ret;

    guest_puts(c->name);
    guest_puts(":\n");
    cur = c;
    taken = 0;
    case_nzcv_after = 1;
    if (c->align_check) {
        WRITE_SYSREG(sctlr_el1, sctlr | SCTLR_A);
        __asm__ volatile("isb" ::: "memory");
    }
    ret = c->fn(scratch);
    if (c->align_check) {
        WRITE_SYSREG(sctlr_el1, sctlr);
        __asm__ volatile("isb" ::: "memory");
    }
    guest_puts("  taken=");
    guest_put_dec(taken);
    guest_putc('\n');
    if (c->print_x0) {
        guest_print_reg64("  x0", ret);
    }
    if (case_nzcv_after != 1) {
        guest_print_nzcv("  nzcv_after", case_nzcv_after);
    }
}

/* EL0 code traps to EL1 (lower-EL vectors) and reports its result. */
static void run_el0_case(void)
{
    WRITE_SYSREG(tpidr_el0, 0x1000);
    WRITE_SYSREG(tpidrro_el0, 0x200);
    guest_puts("el0:\n");
    cur = &el0_case;
    taken = 0;
    run_el0(el0_code, &el0_stack[128]);
    guest_puts("  taken=");
    guest_put_dec(taken);
    guest_putc('\n');
    guest_print_reg64("  el0_result", el0_result);
    guest_print_reg64("  currentel_after", READ_SYSREG(CurrentEL));
    guest_print_reg64("  spsel_after", READ_SYSREG(spsel));
}

int main(void)
{
    unsigned i;

    guest_set_sync_handler(sync_handler);
    for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        run_case(&cases[i]);
    }
    run_el0_case();
    guest_set_sync_handler(NULL);
    return 0;
}
