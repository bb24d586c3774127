/*
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * System instructions: MRS/MSR of PSTATE fields and of the system registers
 * bare-metal code and Linux use, their reset values, SP banking, the
 * generic timer's counters and compare registers, hints and cache
 * maintenance as no-ops.
 * Timing-dependent values are only checked, and print "ok".
 */
#include "guest.h"

extern char guest_vectors[];

static uint64_t alt_stack[64] __attribute__((aligned(16)));

static void print_ok(const char *name, bool ok)
{
    guest_puts(name);
    guest_puts(ok ? "=ok\n" : "=FAILED\n");
}

static void test_pstate(void)
{
    uint64_t v;

    guest_print_reg64("currentel", READ_SYSREG(CurrentEL));
    guest_print_reg64("daif.reset", READ_SYSREG(daif));
    guest_print_reg64("spsel.reset", READ_SYSREG(spsel));

    __asm__ volatile("msr daifclr, #0xf" ::: "memory");
    guest_print_reg64("daif.clr_all", READ_SYSREG(daif));
    __asm__ volatile("msr daifset, #0x2" ::: "memory");
    guest_print_reg64("daif.set_i", READ_SYSREG(daif));
    __asm__ volatile("msr daifset, #0x9" ::: "memory");
    guest_print_reg64("daif.set_d_f", READ_SYSREG(daif));
    WRITE_SYSREG(daif, 0xffffffffffffffffull);
    guest_print_reg64("daif.write_ones", READ_SYSREG(daif));
    WRITE_SYSREG(daif, 0x140);
    guest_print_reg64("daif.write_a_f", READ_SYSREG(daif));
    WRITE_SYSREG(daif, 0x3c0);

    WRITE_SYSREG(nzcv, 0xffffffffffffffffull);
    v = READ_SYSREG(nzcv);
    WRITE_SYSREG(nzcv, 0);
    guest_print_reg64("nzcv.write_ones", v);
    WRITE_SYSREG(nzcv, 0x60000000);
    v = READ_SYSREG(nzcv);
    WRITE_SYSREG(nzcv, 0);
    guest_print_reg64("nzcv.zc", v);
}

/* SPSel selects between SP_EL0 and SP_EL1 at EL1. */
static void test_sp_banking(void)
{
    uint64_t alt = (uint64_t)&alt_stack[64];
    uint64_t sp_el1, sp_sel0, sel0, sp_after, sp_el0, sel1;

    __asm__ volatile(
        "mov    %[sp_el1], sp\n"
        "msr    sp_el0, %[alt]\n"
        "msr    spsel, #0\n"
        "mov    %[sp_sel0], sp\n"
        "mrs    %[sel0], spsel\n"
        "sub    sp, sp, #32\n"
        "msr    spsel, #1\n"
        "mov    %[sp_after], sp\n"
        "mrs    %[sp_el0], sp_el0\n"
        "mrs    %[sel1], spsel\n"
        : [sp_el1] "=&r"(sp_el1), [sp_sel0] "=&r"(sp_sel0),
          [sel0] "=&r"(sel0), [sp_after] "=&r"(sp_after),
          [sp_el0] "=&r"(sp_el0), [sel1] "=&r"(sel1)
        : [alt] "r"(alt)
        : "memory");
    guest_print_reg64("spsel0.sp_is_sp_el0", sp_sel0 - alt);
    guest_print_reg64("spsel0.spsel", sel0);
    guest_print_reg64("spsel1.sp_is_sp_el1", sp_after - sp_el1);
    guest_print_reg64("spsel1.sp_el0_moved", alt - sp_el0);
    guest_print_reg64("spsel1.spsel", sel1);
}

static void test_id_and_reset(void)
{
    guest_print_reg64("midr_el1", READ_SYSREG(midr_el1));
    guest_print_reg64("mpidr_el1", READ_SYSREG(mpidr_el1));
    guest_print_reg64("revidr_el1", READ_SYSREG(revidr_el1));
    guest_print_reg64("ctr_el0", READ_SYSREG(ctr_el0));
    guest_print_reg64("dczid_el0", READ_SYSREG(dczid_el0));
    guest_print_reg64("clidr_el1", READ_SYSREG(clidr_el1));
    guest_print_reg64("sctlr_el1.reset", READ_SYSREG(sctlr_el1));
    guest_print_reg64("cpacr_el1.reset", READ_SYSREG(cpacr_el1));
    guest_print_reg64("cntkctl_el1.reset", READ_SYSREG(cntkctl_el1));
    guest_print_reg64("cntv_ctl_el0.reset", READ_SYSREG(cntv_ctl_el0));
    guest_print_reg64("cntp_ctl_el0.reset", READ_SYSREG(cntp_ctl_el0));
    guest_print_reg64("cntfrq_el0", READ_SYSREG(cntfrq_el0));
    guest_print_reg64("vbar_el1.rel",
                      READ_SYSREG(vbar_el1) - (uint64_t)guest_vectors);
}

#define RW_CASE(reg, val) do {                                  \
    WRITE_SYSREG(reg, (val));                                   \
    guest_print_reg64(#reg, READ_SYSREG(reg));                  \
} while (0)

static void test_read_write(void)
{
    uint64_t saved_elr = READ_SYSREG(elr_el1);
    uint64_t saved_spsr = READ_SYSREG(spsr_el1);

    RW_CASE(tpidr_el0, 0x0123456789abcdefull);
    RW_CASE(tpidr_el1, 0xfedcba9876543210ull);
    RW_CASE(tpidrro_el0, 0x1122334455667788ull);
    RW_CASE(contextidr_el1, 0x12345678);
    RW_CASE(elr_el1, 0xffff000012345678ull);
    RW_CASE(spsr_el1, 0xf00003c5);
    RW_CASE(esr_el1, 0x96000045);
    RW_CASE(far_el1, 0xdeadbeefcafef00dull);
    RW_CASE(mair_el1, 0x000000ff440c0400ull);
    RW_CASE(tcr_el1, 0x00000032b5193519ull);
    RW_CASE(ttbr0_el1, 0x0000000040123000ull);
    RW_CASE(ttbr1_el1, 0x0001000040456000ull);
    RW_CASE(amair_el1, 0);
    RW_CASE(par_el1, 0);
    RW_CASE(cntkctl_el1, 0x3);
    RW_CASE(cpacr_el1, 0x300000);
    RW_CASE(cpacr_el1, 0);
    RW_CASE(cntv_cval_el0, 0x0123456789abcdefull);
    RW_CASE(cntp_cval_el0, 0x00000000ffffffffull);
    RW_CASE(mdscr_el1, 0);
    WRITE_SYSREG(elr_el1, saved_elr);
    WRITE_SYSREG(spsr_el1, saved_spsr);
}

static void test_counters(void)
{
    uint64_t first = READ_SYSREG(cntvct_el0);
    uint64_t prev = first;
    uint64_t now, pct;
    bool monotonic = true;
    int i;

    for (i = 0; i < 1000; i++) {
        __asm__ volatile("isb" ::: "memory");
        now = READ_SYSREG(cntvct_el0);
        if (now < prev) {
            monotonic = false;
        }
        prev = now;
    }
    print_ok("cntvct_el0.monotonic", monotonic);
    for (i = 0; i < 10000000 && READ_SYSREG(cntvct_el0) == first; i++) {
        continue;
    }
    print_ok("cntvct_el0.advances", READ_SYSREG(cntvct_el0) > first);
    pct = READ_SYSREG(cntpct_el0);
    print_ok("cntpct_el0.not_behind_cntvct", pct >= prev);
}

/* The virtual timer's compare logic, without interrupts (IMASK set). */
static void test_timer_regs(void)
{
    uint64_t now, tval;
    uint64_t ctl;

    WRITE_SYSREG(cntv_ctl_el0, 0);
    WRITE_SYSREG(cntv_cval_el0, 0);
    WRITE_SYSREG(cntv_ctl_el0, 3);
    __asm__ volatile("isb" ::: "memory");
    guest_print_reg64("cntv_ctl.enabled_expired", READ_SYSREG(cntv_ctl_el0));
    WRITE_SYSREG(cntv_ctl_el0, 2);
    __asm__ volatile("isb" ::: "memory");
    guest_print_reg64("cntv_ctl.disabled", READ_SYSREG(cntv_ctl_el0));

    now = READ_SYSREG(cntvct_el0);
    WRITE_SYSREG(cntv_cval_el0, now + 1000000000ull);
    WRITE_SYSREG(cntv_ctl_el0, 3);
    __asm__ volatile("isb" ::: "memory");
    tval = READ_SYSREG(cntv_tval_el0);
    ctl = READ_SYSREG(cntv_ctl_el0);
    print_ok("cntv_tval.counts_down",
             tval > 0 && tval <= 1000000000ull && (tval >> 31) == 0);
    guest_print_reg64("cntv_ctl.pending_not", ctl);

    /* TVAL is a signed 32-bit view of CVAL - count. */
    WRITE_SYSREG(cntv_tval_el0, 0x7fffffff);
    __asm__ volatile("isb" ::: "memory");
    now = READ_SYSREG(cntvct_el0);
    print_ok("cntv_tval.sets_cval",
             READ_SYSREG(cntv_cval_el0) - now <= 0x7fffffffull);
    WRITE_SYSREG(cntv_tval_el0, 0xffffff00);
    __asm__ volatile("isb" ::: "memory");
    guest_print_reg64("cntv_ctl.negative_tval", READ_SYSREG(cntv_ctl_el0));
    print_ok("cntv_tval.negative",
             (READ_SYSREG(cntv_tval_el0) >> 31) == 1);
    WRITE_SYSREG(cntv_ctl_el0, 0);

    WRITE_SYSREG(cntp_cval_el0, 0);
    WRITE_SYSREG(cntp_ctl_el0, 3);
    __asm__ volatile("isb" ::: "memory");
    guest_print_reg64("cntp_ctl.enabled_expired", READ_SYSREG(cntp_ctl_el0));
    WRITE_SYSREG(cntp_ctl_el0, 0);
}

/* Hint space: NOPs on this CPU, including PAuth, BTI and RAS hints. */
static void test_hints(void)
{
    __asm__ volatile(
        "nop\n"
        "yield\n"
        "sev\n"
        "sevl\n"
        "wfe\n"
        "hint #7\n"
        "hint #16\n"
        "hint #17\n"
        "hint #20\n"
        "hint #25\n"
        "hint #29\n"
        "hint #34\n"
        "hint #0x7f\n"
        ::: "memory");
    print_ok("hints", true);
}

/* Cache and TLB maintenance: no visible effect with the MMU off. */
static void test_maintenance(void)
{
    uint64_t addr = (uint64_t)alt_stack;

    alt_stack[0] = 0x1234;
    __asm__ volatile(
        "dc     civac, %0\n"
        "dc     cvac, %0\n"
        "dc     cvau, %0\n"
        "ic     ivau, %0\n"
        "ic     iallu\n"
        "ic     ialluis\n"
        "tlbi   vmalle1\n"
        "tlbi   vmalle1is\n"
        "tlbi   vae1, %1\n"
        "tlbi   aside1is, xzr\n"
        "dsb    ish\n"
        "isb\n"
        :: "r"(addr), "r"(addr >> 12) : "memory");
    print_ok("maintenance", alt_stack[0] == 0x1234);
}

int main(void)
{
    test_pstate();
    test_sp_banking();
    test_id_and_reset();
    test_read_write();
    test_counters();
    test_timer_regs();
    test_hints();
    test_maintenance();
    return 0;
}
