/*
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * Unit tests of the AArch64 CPU outside a board: system registers,
 * exception entry and return, branches, PSCI, the memory path and the
 * exclusive monitor, the generic timer.
 *
 * Instructions are fed to a64_decode_exec() directly, so no fetch is
 * involved; memory is 64 KiB of RAM at 0x40000000.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "qemu/main-loop.h"
#include "qemu/module.h"
#include "hw/core/irq.h"
#include "hw/core/qdev-properties.h"
#include "system/address-spaces.h"
#include "target/arm/internals.h"

#define RAM_BASE    0x40000000ULL
#define RAM_SIZE    0x10000
#define VBAR        (RAM_BASE + 0x8000)
#define UNMAPPED    0x30000000ULL

/* A few encodings, written out from the Arm ARM. */
#define INSN_SVC(imm)       (0xd4000001 | ((imm) << 5))
#define INSN_HVC(imm)       (0xd4000002 | ((imm) << 5))
#define INSN_BRK(imm)       (0xd4200000 | ((imm) << 5))
#define INSN_ERET           0xd69f03e0
#define INSN_UDF            0x00000000
#define INSN_MRS(key, rt)   (0xd5300000 | ((key) << 5) | (rt))
#define INSN_MSR(key, rt)   (0xd5100000 | ((key) << 5) | (rt))
#define INSN_DAIFCLR(imm)   (0xd50340ff | ((imm) << 8))
#define INSN_WFI            0xd503207f
#define INSN_B(off)         (0x14000000 | (((off) >> 2) & 0x3ffffff))
#define INSN_BL(off)        (0x94000000 | (((off) >> 2) & 0x3ffffff))
#define INSN_CBZ_X(rt, off) (0xb4000000 | ((((off) >> 2) & 0x7ffff) << 5) | \
                             (rt))
#define INSN_FMOV           0x9e670020      /* fmov d0, x1 */

/* Encodings (op0..op2 as in ARM_SYSREG_KEY, 16 bits). */
#define KEY(op0, op1, crn, crm, op2) ARM_SYSREG_KEY(op0, op1, crn, crm, op2)
#define K_MIDR      KEY(3, 0, 0, 0, 0)
#define K_CTR       KEY(3, 3, 0, 0, 1)
#define K_SCTLR     KEY(3, 0, 1, 0, 0)
#define K_VBAR      KEY(3, 0, 12, 0, 0)
#define K_CNTFRQ    KEY(3, 3, 14, 0, 0)
#define K_CNTV_CTL  KEY(3, 3, 14, 3, 1)
#define K_CNTV_CVAL KEY(3, 3, 14, 3, 2)
#define K_CNTV_TVAL KEY(3, 3, 14, 3, 0)
#define K_SP_EL0    KEY(3, 0, 4, 1, 0)
#define K_SPSEL     KEY(3, 0, 4, 2, 0)

static MemoryRegion test_ram;

/* The run-state code names the target; system/main.c is not linked. */
const char *target_name(void)
{
    return "aarch64";
}

static int timer_level = -1;

static void test_timer_irq(void *opaque, int n, int level)
{
    timer_level = level;
}

static ARMCPU *test_cpu_new(void)
{
    g_autofree char *type = arm_cpu_type_for_model("cortex-a57",
                                                   &error_abort);
    DeviceState *dev = qdev_new(type);
    ARMCPU *cpu;

    qdev_prop_set_uint64(dev, "rvbar", RAM_BASE);
    qdev_prop_set_uint32(dev, "psci-conduit", QEMU_PSCI_CONDUIT_HVC);
    qdev_realize(dev, NULL, &error_abort);
    qdev_connect_gpio_out(dev, GTIMER_VIRT,
                          qemu_allocate_irq(test_timer_irq, NULL, 0));
    cpu = ARM_CPU(dev);
    cpu_reset(CPU(cpu));
    cpu->env.cp15.vbar_el[1] = VBAR;
    return cpu;
}

static void test_cpu_free(ARMCPU *cpu)
{
    object_unparent(OBJECT(cpu));
}

static uint64_t sysreg_read(ARMCPU *cpu, uint32_t key)
{
    uint64_t v = 0;

    g_assert_cmpint(arm_sysreg_access(cpu, key, true, &v), ==,
                    ARM_SR_ACCESS_OK);
    return v;
}

static void test_reset_state(void)
{
    ARMCPU *cpu = test_cpu_new();
    CPUARMState *env = &cpu->env;

    g_assert_cmphex(env->pc, ==, RAM_BASE);
    g_assert_cmphex(pstate_read(env), ==, 0x3c5);     /* EL1h, DAIF */
    g_assert_cmphex(sysreg_read(cpu, K_MIDR), ==, 0x411fd070);
    g_assert_cmphex(sysreg_read(cpu, K_SCTLR), ==, 0x00c50838);
    g_assert_cmpuint(sysreg_read(cpu, K_CNTFRQ), ==, 62500000);
    g_assert_cmphex(sysreg_read(cpu, K_CTR), ==, 0x8444c004);
    test_cpu_free(cpu);
}

static void test_sysreg_access_rights(void)
{
    ARMCPU *cpu = test_cpu_new();
    CPUARMState *env = &cpu->env;
    uint64_t v = 0;

    /* Not in the table: UNDEFINED; reserved ID space: zero. */
    g_assert_cmpint(arm_sysreg_access(cpu, KEY(3, 0, 15, 15, 7), true, &v),
                    ==, ARM_SR_ACCESS_UNDEF);
    v = 1;
    g_assert_cmpint(arm_sysreg_access(cpu, KEY(3, 0, 0, 7, 7), true, &v),
                    ==, ARM_SR_ACCESS_OK);
    g_assert_cmphex(v, ==, 0);
    /* Read-only registers refuse MSR. */
    g_assert_cmpint(arm_sysreg_access(cpu, K_MIDR, false, &v), ==,
                    ARM_SR_ACCESS_UNDEF);
    /* VBAR_EL1 keeps bits 63:11. */
    v = RAM_BASE + 0x7ff;
    g_assert_cmpint(arm_sysreg_access(cpu, K_VBAR, false, &v), ==,
                    ARM_SR_ACCESS_OK);
    g_assert_cmphex(sysreg_read(cpu, K_VBAR), ==, RAM_BASE);

    /* EL0: SCTLR is UNDEFINED, CTR traps unless SCTLR_EL1.UCT. */
    env->pstate = PSTATE_MODE_EL0t;
    g_assert_cmpint(arm_sysreg_access(cpu, K_SCTLR, true, &v), ==,
                    ARM_SR_ACCESS_UNDEF);
    env->cp15.sctlr_el[1] &= ~SCTLR_UCT;
    g_assert_cmpint(arm_sysreg_access(cpu, K_CTR, true, &v), ==,
                    ARM_SR_ACCESS_TRAP_EL1);
    env->cp15.sctlr_el[1] |= SCTLR_UCT;
    g_assert_cmpint(arm_sysreg_access(cpu, K_CTR, true, &v), ==,
                    ARM_SR_ACCESS_OK);
    test_cpu_free(cpu);
}

static void test_sp_banking(void)
{
    ARMCPU *cpu = test_cpu_new();
    CPUARMState *env = &cpu->env;
    uint64_t v;

    env->xregs[31] = 0x1110;                /* SP_EL1 */
    v = 0x2220;
    g_assert_cmpint(arm_sysreg_access(cpu, K_SP_EL0, false, &v), ==,
                    ARM_SR_ACCESS_OK);
    v = 0;
    g_assert_cmpint(arm_sysreg_access(cpu, K_SPSEL, false, &v), ==,
                    ARM_SR_ACCESS_OK);
    g_assert_cmphex(env->xregs[31], ==, 0x2220);
    g_assert_cmphex(env->sp_el[1], ==, 0x1110);
    /* SP_EL0 is not accessible while it is the current SP. */
    g_assert_cmpint(arm_sysreg_access(cpu, K_SP_EL0, true, &v), ==,
                    ARM_SR_ACCESS_UNDEF);
    test_cpu_free(cpu);
}

static void test_svc_and_eret(void)
{
    ARMCPU *cpu = test_cpu_new();
    CPUARMState *env = &cpu->env;

    env->pc = RAM_BASE + 0x100;
    arm_set_nzcv(env, PSTATE_Z | PSTATE_C);
    env->pstate = PSTATE_MODE_EL1h;         /* DAIF clear */
    a64_decode_exec(cpu, INSN_SVC(0x1234));
    g_assert_cmphex(env->cp15.esr_el[1], ==, 0x56001234);
    g_assert_cmphex(env->elr_el[1], ==, RAM_BASE + 0x104);
    g_assert_cmphex(env->spsr_el[1], ==, 0x60000005);
    g_assert_cmphex(env->pc, ==, VBAR + 0x200);
    g_assert_cmphex(pstate_read(env), ==, 0x3c5);
    a64_decode_exec(cpu, INSN_ERET);
    g_assert_cmphex(env->pc, ==, RAM_BASE + 0x104);
    g_assert_cmphex(pstate_read(env), ==, 0x60000005);
    test_cpu_free(cpu);
}

static void test_el0_exceptions(void)
{
    ARMCPU *cpu = test_cpu_new();
    CPUARMState *env = &cpu->env;

    /* From EL0: the lower-EL vector, SP_EL1 selected again. */
    env->sp_el[1] = 0x5550;
    env->pstate = PSTATE_MODE_EL0t;
    env->pc = RAM_BASE + 0x200;
    env->xregs[31] = 0x7770;                /* SP_EL0 */
    a64_decode_exec(cpu, INSN_UDF);
    g_assert_cmphex(env->cp15.esr_el[1], ==, 0x02000000);
    g_assert_cmphex(env->elr_el[1], ==, RAM_BASE + 0x200);
    g_assert_cmphex(env->pc, ==, VBAR + 0x400);
    g_assert_cmphex(env->sp_el[0], ==, 0x7770);
    g_assert_cmphex(env->xregs[31], ==, 0x5550);
    /* HVC at EL0 is UNDEFINED. */
    env->pstate = PSTATE_MODE_EL0t;
    env->pc = RAM_BASE + 0x300;
    a64_decode_exec(cpu, INSN_HVC(0));
    g_assert_cmphex(env->cp15.esr_el[1], ==, 0x02000000);
    g_assert_cmphex(env->elr_el[1], ==, RAM_BASE + 0x300);
    /* BRK reports its immediate and returns to itself. */
    env->pc = RAM_BASE + 0x400;
    a64_decode_exec(cpu, INSN_BRK(0x42));
    g_assert_cmphex(env->cp15.esr_el[1], ==, 0xf2000042);
    g_assert_cmphex(env->elr_el[1], ==, RAM_BASE + 0x400);
    /* FP with CPACR_EL1.FPEN 0 traps with EC 0x07. */
    env->pc = RAM_BASE + 0x500;
    a64_decode_exec(cpu, INSN_FMOV);
    g_assert_cmphex(env->cp15.esr_el[1], ==, 0x1fe00000);
    test_cpu_free(cpu);
}

static void test_branches(void)
{
    ARMCPU *cpu = test_cpu_new();
    CPUARMState *env = &cpu->env;

    env->pc = RAM_BASE + 0x1000;
    a64_decode_exec(cpu, INSN_BL(-0x100));
    g_assert_cmphex(env->pc, ==, RAM_BASE + 0xf00);
    g_assert_cmphex(env->xregs[30], ==, RAM_BASE + 0x1004);
    /* B . stays put. */
    a64_decode_exec(cpu, INSN_B(0));
    g_assert_cmphex(env->pc, ==, RAM_BASE + 0xf00);
    env->xregs[3] = 1;
    a64_decode_exec(cpu, INSN_CBZ_X(3, 0x40));
    g_assert_cmphex(env->pc, ==, RAM_BASE + 0xf04);
    env->xregs[3] = 0;
    a64_decode_exec(cpu, INSN_CBZ_X(3, 0x40));
    g_assert_cmphex(env->pc, ==, RAM_BASE + 0xf44);
    test_cpu_free(cpu);
}

static void test_psci_over_hvc(void)
{
    ARMCPU *cpu = test_cpu_new();
    CPUARMState *env = &cpu->env;

    env->pc = RAM_BASE;
    env->xregs[0] = 0x84000000;             /* PSCI_VERSION */
    a64_decode_exec(cpu, INSN_HVC(0));
    g_assert_cmphex(env->xregs[0], ==, 0x10001);
    g_assert_cmphex(env->pc, ==, RAM_BASE + 4);
    env->xregs[0] = 0xc4000003;             /* CPU_ON, absent CPU */
    env->xregs[1] = 7;
    a64_decode_exec(cpu, INSN_HVC(0));
    g_assert_cmpint((int64_t)env->xregs[0], ==, -2);
    env->xregs[0] = 0x8400ffff;             /* unknown function */
    a64_decode_exec(cpu, INSN_HVC(0));
    g_assert_cmpint((int64_t)env->xregs[0], ==, -1);
    test_cpu_free(cpu);
}

static void test_interrupt_delivery(void)
{
    ARMCPU *cpu = test_cpu_new();
    CPUARMState *env = &cpu->env;

    env->pc = RAM_BASE + 0x40;
    qemu_set_irq(qdev_get_gpio_in(DEVICE(cpu), ARM_CPU_IRQ), 1);
    g_assert_true(cpu_has_work(CPU(cpu)));
    /* Masked: nothing; WFI does not sleep with an interrupt pending. */
    g_assert_false(arm_take_interrupt(cpu));
    a64_decode_exec(cpu, INSN_WFI);
    g_assert_cmpuint(CPU(cpu)->halted, ==, 0);
    a64_decode_exec(cpu, INSN_DAIFCLR(2));
    g_assert_cmphex(env->pc, ==, RAM_BASE + 0x48);
    g_assert_true(arm_take_interrupt(cpu));
    g_assert_cmphex(env->pc, ==, VBAR + 0x280);
    g_assert_cmphex(env->elr_el[1], ==, RAM_BASE + 0x48);
    qemu_set_irq(qdev_get_gpio_in(DEVICE(cpu), ARM_CPU_IRQ), 0);
    g_assert_false(cpu_has_work(CPU(cpu)));
    a64_decode_exec(cpu, INSN_WFI);
    g_assert_cmpuint(CPU(cpu)->halted, ==, 1);
    test_cpu_free(cpu);
}

static void test_memory_path(void)
{
    ARMCPU *cpu = test_cpu_new();
    CPUARMState *env = &cpu->env;
    uint64_t v = 0;

    g_assert_true(arm_mem_st(cpu, RAM_BASE + 0x10, 8, false, false,
                             0x1122334455667788ULL));
    g_assert_true(arm_mem_ld(cpu, RAM_BASE + 0x12, 2, false, false, &v));
    g_assert_cmphex(v, ==, 0x5566);
    /* An access crossing a page goes through. */
    g_assert_true(arm_mem_st(cpu, RAM_BASE + 0xffe, 4, false, false,
                             0xa1b2c3d4));
    g_assert_true(arm_mem_ld(cpu, RAM_BASE + 0xffe, 4, false, false, &v));
    g_assert_cmphex(v, ==, 0xa1b2c3d4);

    /* Misaligned with must_align: an alignment fault at EL1. */
    env->pc = RAM_BASE + 0x80;
    g_assert_false(arm_mem_ld(cpu, RAM_BASE + 0x11, 4, false, true, &v));
    g_assert_cmphex(env->cp15.esr_el[1], ==, 0x96000021);
    g_assert_cmphex(env->cp15.far_el[1], ==, RAM_BASE + 0x11);
    g_assert_cmphex(env->elr_el[1], ==, RAM_BASE + 0x80);

    /* Unassigned space: a synchronous external abort (write: WnR). */
    env->pstate = PSTATE_MODE_EL1h;
    g_assert_false(arm_mem_st(cpu, UNMAPPED, 4, false, false, 0));
    g_assert_cmphex(env->cp15.esr_el[1], ==, 0x96000050);
    g_assert_cmphex(env->cp15.far_el[1], ==, UNMAPPED);

    /* Above the 44-bit PA range: an address size fault. */
    g_assert_false(arm_mem_ld(cpu, 1ULL << 48, 8, false, false, &v));
    g_assert_cmphex(env->cp15.esr_el[1], ==, 0x96000000);
    test_cpu_free(cpu);
}

static void test_exclusive_monitor(void)
{
    ARMCPU *cpu = test_cpu_new();
    uint64_t v0, v1;
    uint32_t status = 7;

    g_assert_true(arm_mem_st(cpu, RAM_BASE + 0x100, 8, false, false, 5));
    g_assert_true(arm_mem_ld_excl(cpu, RAM_BASE + 0x100, 8, false, &v0,
                                  NULL));
    g_assert_cmpuint(v0, ==, 5);
    g_assert_true(arm_mem_st_excl(cpu, RAM_BASE + 0x100, 8, false, 6, 0,
                                  &status));
    g_assert_cmpuint(status, ==, 0);
    /* The monitor is open now: a second store fails. */
    g_assert_true(arm_mem_st_excl(cpu, RAM_BASE + 0x100, 8, false, 9, 0,
                                  &status));
    g_assert_cmpuint(status, ==, 1);
    g_assert_true(arm_mem_ld(cpu, RAM_BASE + 0x100, 8, false, false, &v0));
    g_assert_cmpuint(v0, ==, 6);
    /* A changed value fails the store, as on QEMU. */
    g_assert_true(arm_mem_ld_excl(cpu, RAM_BASE + 0x100, 4, true, &v0,
                                  &v1));
    g_assert_true(arm_mem_st(cpu, RAM_BASE + 0x100, 4, false, false, 1));
    g_assert_true(arm_mem_st_excl(cpu, RAM_BASE + 0x100, 4, true, 2, 3,
                                  &status));
    g_assert_cmpuint(status, ==, 1);
    /* A pair must be aligned to its total size. */
    g_assert_false(arm_mem_ld_excl(cpu, RAM_BASE + 0x108, 8, true, &v0,
                                   &v1));
    g_assert_cmphex(cpu->env.cp15.esr_el[1], ==, 0x96000021);
    test_cpu_free(cpu);
}

static void test_virtual_timer(void)
{
    ARMCPU *cpu = test_cpu_new();
    uint64_t v;

    qemu_clock_advance_virtual(qemu_clock_get_ns(QEMU_CLOCK_VIRTUAL) +
                               1000);
    v = 100;
    g_assert_cmpint(arm_sysreg_access(cpu, K_CNTV_TVAL, false, &v), ==,
                    ARM_SR_ACCESS_OK);
    v = 1;                                  /* ENABLE */
    g_assert_cmpint(arm_sysreg_access(cpu, K_CNTV_CTL, false, &v), ==,
                    ARM_SR_ACCESS_OK);
    g_assert_cmpint(timer_level, ==, 0);
    g_assert_cmphex(sysreg_read(cpu, K_CNTV_CTL), ==, 1);
    /* 100 ticks of 16 ns later the condition holds: ISTATUS, IRQ. */
    qemu_clock_advance_virtual(qemu_clock_get_ns(QEMU_CLOCK_VIRTUAL) +
                               100 * GTIMER_SCALE);
    g_assert_cmpint(timer_level, ==, 1);
    g_assert_cmphex(sysreg_read(cpu, K_CNTV_CTL), ==, 5);
    /* IMASK lowers the line, ISTATUS stays. */
    v = 3;
    g_assert_cmpint(arm_sysreg_access(cpu, K_CNTV_CTL, false, &v), ==,
                    ARM_SR_ACCESS_OK);
    g_assert_cmpint(timer_level, ==, 0);
    g_assert_cmphex(sysreg_read(cpu, K_CNTV_CTL), ==, 7);
    g_assert_cmphex((uint32_t)sysreg_read(cpu, K_CNTV_TVAL), ==, 0);
    g_assert_cmphex(sysreg_read(cpu, K_CNTV_CVAL), ==,
                    arm_gt_counter(cpu));
    test_cpu_free(cpu);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    module_call_init(MODULE_INIT_QOM);
    qemu_init_main_loop(&error_abort);
    qemu_clock_set_virtual_driven(true);
    memory_map_init();
    memory_region_init_ram(&test_ram, NULL, "test.ram", RAM_SIZE,
                           &error_abort);
    memory_region_add_subregion(get_system_memory(), RAM_BASE, &test_ram);

    g_test_add_func("/arm-cpu/reset-state", test_reset_state);
    g_test_add_func("/arm-cpu/sysreg/access-rights",
                    test_sysreg_access_rights);
    g_test_add_func("/arm-cpu/sysreg/sp-banking", test_sp_banking);
    g_test_add_func("/arm-cpu/exception/svc-eret", test_svc_and_eret);
    g_test_add_func("/arm-cpu/exception/el0", test_el0_exceptions);
    g_test_add_func("/arm-cpu/branches", test_branches);
    g_test_add_func("/arm-cpu/psci", test_psci_over_hvc);
    g_test_add_func("/arm-cpu/interrupts", test_interrupt_delivery);
    g_test_add_func("/arm-cpu/memory", test_memory_path);
    g_test_add_func("/arm-cpu/exclusive", test_exclusive_monitor);
    g_test_add_func("/arm-cpu/timer", test_virtual_timer);
    return g_test_run();
}
