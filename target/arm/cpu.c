/*
 * The AArch64 CPU device: QOM types, models, reset, interrupt inputs,
 * the execution loop and the register dump.
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * Models: "cortex-a57" (MIDR 0x411fd070) and "max", the same ARMv8.0-A
 * CPU for now.  The ID registers advertise exactly what the interpreter
 * implements: EL0 and EL1 in AArch64 state, 4 KiB and 64 KiB granules,
 * no FP/SIMD yet and no optional extension (LSE, CRC32, crypto, SVE,
 * PAuth, BTI, MTE, PMU).
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "qemu/error-report.h"
#include "qemu/log.h"
#include "hw/core/qdev-properties.h"
#include "target/arm/internals.h"

/* The registers of one model, filled by its class. */
typedef struct ARMCPUModel {
    const char *name;
    void (*init)(ARMCPU *cpu);
} ARMCPUModel;

static void arm_cpu_set_irq(void *opaque, int line, int level)
{
    ARMCPU *cpu = opaque;
    CPUState *cs = CPU(cpu);
    static const int mask[] = {
        [ARM_CPU_IRQ] = CPU_INTERRUPT_HARD,
        [ARM_CPU_FIQ] = CPU_INTERRUPT_FIQ,
        [ARM_CPU_VIRQ] = CPU_INTERRUPT_VIRQ,
        [ARM_CPU_VFIQ] = CPU_INTERRUPT_VFIQ,
    };

    assert(line >= 0 && line < ARRAY_SIZE(mask));
    if (level) {
        cpu->irq_lines |= 1U << line;
        cpu_interrupt(cs, mask[line]);
    } else {
        cpu->irq_lines &= ~(1U << line);
        cpu_reset_interrupt(cs, mask[line]);
    }
}

/* WFI ends on any pending interrupt, masked or not. */
static bool arm_cpu_has_work(CPUState *cs)
{
    uint32_t req = __atomic_load_n(&cs->interrupt_request, __ATOMIC_ACQUIRE);

    return !cs->powered_off &&
           (req & (CPU_INTERRUPT_HARD | CPU_INTERRUPT_FIQ |
                   CPU_INTERRUPT_VIRQ | CPU_INTERRUPT_VFIQ));
}

static void arm_cpu_set_pc(CPUState *cs, vaddr pc)
{
    ARM_CPU(cs)->env.pc = pc;
}

static vaddr arm_cpu_get_pc(CPUState *cs)
{
    return ARM_CPU(cs)->env.pc;
}

/* -d in_asm, exec and cpu: one instruction about to execute. */
static void arm_cpu_log_insn(ARMCPU *cpu, uint32_t insn)
{
    CPUARMState *env = &cpu->env;
    g_autoptr(GString) line = NULL;

    if (qemu_loglevel_mask(CPU_LOG_TB_CPU)) {
        FILE *f = qemu_log_trylock();

        if (f) {
            cpu_dump_state(CPU(cpu), f, 0);
            qemu_log_unlock(f);
        }
    }
    if (qemu_loglevel_mask(CPU_LOG_EXEC)) {
        qemu_log("Trace %d: pc=%016" PRIx64 " [EL%u]\n", CPU(cpu)->cpu_index,
                 env->pc, arm_current_el(env));
    }
    if (qemu_loglevel_mask(CPU_LOG_TB_IN_ASM)) {
        line = g_string_new(NULL);
        a64_disas(env->pc, insn, line);
        qemu_log("0x%016" PRIx64 ":  %08x      %s\n", env->pc, insn,
                 line->str);
    }
}

/*
 * Run until asked to stop.  Interrupts are looked at on entry: whoever
 * makes one takeable (an input line rising, DAIF or PSTATE changing)
 * also sets exit_request, which brings us back here.
 */
static uint64_t arm_cpu_exec(CPUState *cs, uint64_t budget)
{
    ARMCPU *cpu = container_of(cs, ARMCPU, parent_obj);
    CPUARMState *env = &cpu->env;
    bool logging = qemu_loglevel_mask(CPU_LOG_TB_IN_ASM | CPU_LOG_EXEC |
                                      CPU_LOG_TB_CPU);
    uint64_t n = 0;
    uint32_t insn;

    if (__atomic_load_n(&cs->interrupt_request, __ATOMIC_ACQUIRE)) {
        arm_take_interrupt(cpu);
    }
    if (unlikely(env->pstate & PSTATE_IL)) {
        /* After an illegal exception return. */
        arm_raise_exception(cpu, EXCP_UDEF,
                            (EC_ILLEGALSTATE << ARM_EL_EC_SHIFT) | ARM_EL_IL,
                            0, 1);
    }
    while (n < budget &&
           !__atomic_load_n(&cs->exit_request, __ATOMIC_RELAXED)) {
        n++;
        if (unlikely(!arm_fetch_insn_fast(env, &insn)) &&
            !arm_fetch_insn(cpu, &insn)) {
            continue;
        }
        if (unlikely(logging)) {
            arm_cpu_log_insn(cpu, insn);
        }
        a64_decode_exec(cpu, insn);
    }
    cs->insns_executed += n;
    return n;
}

static const char *arm_cpu_mode_name(uint32_t pstate)
{
    switch (pstate & 0xf) {
    case PSTATE_MODE_EL0t:
        return "EL0t";
    case PSTATE_MODE_EL1t:
        return "EL1t";
    case PSTATE_MODE_EL1h:
        return "EL1h";
    default:
        return "EL?";
    }
}

static void arm_cpu_dump_state(CPUState *cs, FILE *f, int flags)
{
    CPUARMState *env = &ARM_CPU(cs)->env;
    uint32_t psr = pstate_read(env);
    int i;

    fprintf(f, " PC=%016" PRIx64 " ", env->pc);
    for (i = 0; i < 31; i++) {
        fprintf(f, "X%02d=%016" PRIx64 "%s", i, env->xregs[i],
                (i + 2) % 3 ? " " : "\n");
    }
    fprintf(f, " SP=%016" PRIx64 "\n", env->xregs[31]);
    fprintf(f, "PSTATE=%08x %c%c%c%c %s\n", psr,
            psr & PSTATE_N ? 'N' : '-', psr & PSTATE_Z ? 'Z' : '-',
            psr & PSTATE_C ? 'C' : '-', psr & PSTATE_V ? 'V' : '-',
            arm_cpu_mode_name(psr));
}

static void arm_cpu_disas_insn(CPUState *cs, vaddr pc, uint32_t insn,
                               GString *out)
{
    a64_disas(pc, insn, out);
}

/* Cortex-A57 r1p0 as an ARMv8.0 CPU without optional features. */
static void arm_cortex_a57_init(ARMCPU *cpu)
{
    cpu->midr = 0x411fd070;
    cpu->revidr = 0;
    cpu->ctr = 0x8444c004;          /* 64-byte lines, VIPT I-cache */
    cpu->clidr = 0x0a200023;        /* L1 I+D, L2 unified */
    cpu->ccsidr[0] = 0x701fe00a;    /* L1 D: 32 KiB, 2 ways, 64 B */
    cpu->ccsidr[1] = 0x201fe012;    /* L1 I: 48 KiB, 3 ways, 64 B */
    cpu->ccsidr[2] = 0x70ffe07a;    /* L2: 2 MiB, 16 ways, 64 B */
    cpu->dcz_blocksize = 4;         /* DC ZVA clears 64 bytes */
    cpu->reset_sctlr = 0x00c50838;
    /* EL0 and EL1 AArch64 only; FP and AdvSIMD not implemented (0xf). */
    cpu->isar.id_aa64pfr0 = 0x0000000000ff0011ULL;
    cpu->isar.id_aa64pfr1 = 0;
    /* Debug v8, 6 breakpoints, 4 watchpoints, 2 context-aware; no PMU. */
    cpu->isar.id_aa64dfr0 = 0x10305006;
    cpu->isar.id_aa64dfr1 = 0;
    cpu->isar.id_aa64afr0 = 0;
    cpu->isar.id_aa64afr1 = 0;
    cpu->isar.id_aa64isar0 = 0;
    cpu->isar.id_aa64isar1 = 0;
    /* 44-bit PA, 16-bit ASID, 4K and 64K granules, little endian only. */
    cpu->isar.id_aa64mmfr0 = 0x0000000000001024ULL;
    cpu->isar.id_aa64mmfr1 = 0;
    cpu->isar.id_aa64mmfr2 = 0;
}

static void arm_max_init(ARMCPU *cpu)
{
    arm_cortex_a57_init(cpu);
}

static const ARMCPUModel arm_cpu_models[] = {
    { "cortex-a57", arm_cortex_a57_init },
    { "max", arm_max_init },
};

char *arm_cpu_type_for_model(const char *model, Error **errp)
{
    g_autofree char *type = NULL;
    ObjectClass *oc;

    if (g_str_has_suffix(model, ARM_CPU_TYPE_SUFFIX)) {
        type = g_strdup(model);
    } else {
        type = g_strdup_printf("%s" ARM_CPU_TYPE_SUFFIX, model);
    }
    oc = object_class_by_name(type);
    if (oc == NULL || object_class_is_abstract(oc) ||
        !object_class_dynamic_cast(oc, TYPE_ARM_CPU)) {
        error_setg(errp, "unable to find CPU model '%s'", model);
        return NULL;
    }
    return g_steal_pointer(&type);
}

void arm_cpu_list(FILE *f)
{
    size_t i;

    fprintf(f, "Available CPUs:\n");
    for (i = 0; i < ARRAY_SIZE(arm_cpu_models); i++) {
        fprintf(f, "  %s\n", arm_cpu_models[i].name);
    }
}

static void arm_cpu_reset_hold(Object *obj, ResetType type)
{
    ARMCPU *cpu = ARM_CPU(obj);
    ARMCPUClass *acc = ARM_CPU_GET_CLASS(obj);
    CPUState *cs = CPU(obj);
    CPUARMState *env = &cpu->env;

    if (acc->parent_phases.hold) {
        acc->parent_phases.hold(obj, type);
    }
    memset(env, 0, offsetof(CPUARMState, cp15));
    memset(&env->vfp, 0, sizeof(env->vfp));
    /* As QEMU's virt without firmware: EL1h, every interrupt masked. */
    env->pstate = PSTATE_MODE_EL1h | PSTATE_DAIF;
    env->nzcv = 0;
    env->pc = cpu->rvbar;
    arm_excl_clear(env);
    arm_sysreg_reset(cpu);
    arm_tlb_flush(cpu);
    arm_gt_update_all(cpu);
    cs->halted = cpu->start_powered_off;
    cs->powered_off = cpu->start_powered_off;
    cpu_exit(cs);
}

static void arm_cpu_realize(DeviceState *dev, Error **errp)
{
    ARMCPU *cpu = ARM_CPU(dev);
    CPUClass *cc = CPU_GET_CLASS(dev);

    if (cpu->cntfrq_hz == 0 || cpu->cntfrq_hz > NANOSECONDS_PER_SECOND) {
        error_setg(errp, "cntfrq must be between 1 Hz and 1 GHz");
        return;
    }
    arm_sysreg_init(cpu);
    qdev_init_gpio_in(dev, arm_cpu_set_irq, 4);
    qdev_init_gpio_out(dev, cpu->gt_timer_outputs, NUM_GTIMERS);
    arm_gt_init(cpu);
    cc->parent_realize(dev, errp);
}

static void arm_cpu_unrealize(DeviceState *dev)
{
    ARMCPU *cpu = ARM_CPU(dev);
    int i;

    for (i = 0; i < NUM_GTIMERS; i++) {
        timer_del(&cpu->gt_timer[i]);
    }
}

static void arm_cpu_initfn(Object *obj)
{
    ARMCPU *cpu = ARM_CPU(obj);
    ARMCPUClass *acc = ARM_CPU_GET_CLASS(obj);

    if (acc->model_init) {
        acc->model_init(cpu);
    }
}

static void arm_cpu_finalize(Object *obj)
{
    ARMCPU *cpu = ARM_CPU(obj);

    if (cpu->sysregs) {
        g_hash_table_destroy(cpu->sysregs);
    }
}

static const Property arm_cpu_properties[] = {
    DEFINE_PROP_UINT32("psci-conduit", ARMCPU, psci_conduit,
                       QEMU_PSCI_CONDUIT_DISABLED),
    DEFINE_PROP_UINT64("rvbar", ARMCPU, rvbar, 0),
    DEFINE_PROP_UINT64("mp-affinity", ARMCPU, mp_affinity, 0),
    DEFINE_PROP_BOOL("start-powered-off", ARMCPU, start_powered_off, false),
    DEFINE_PROP_UINT64("cntfrq", ARMCPU, cntfrq_hz, ARM_DEFAULT_CNTFRQ),
};

static void arm_cpu_class_init(ObjectClass *klass, const void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);
    CPUClass *cc = CPU_CLASS(klass);
    ARMCPUClass *acc = ARM_CPU_CLASS(klass);
    ResettableClass *rc = RESETTABLE_CLASS(klass);

    device_class_set_parent_realize(dc, arm_cpu_realize,
                                    &cc->parent_realize);
    dc->unrealize = arm_cpu_unrealize;
    device_class_set_props(dc, arm_cpu_properties);
    resettable_class_set_parent_phases(rc, NULL, arm_cpu_reset_hold, NULL,
                                       &acc->parent_phases);
    cc->has_work = arm_cpu_has_work;
    cc->exec = arm_cpu_exec;
    cc->set_pc = arm_cpu_set_pc;
    cc->get_pc = arm_cpu_get_pc;
    cc->dump_state = arm_cpu_dump_state;
    cc->disas_insn = arm_cpu_disas_insn;
}

static void arm_cpu_model_class_init(ObjectClass *klass, const void *data)
{
    const ARMCPUModel *model = data;

    ARM_CPU_CLASS(klass)->model_init = model->init;
}

static const TypeInfo arm_cpu_types[] = {
    {
        .name = TYPE_ARM_CPU,
        .parent = TYPE_CPU,
        .abstract = true,
        .instance_size = sizeof(ARMCPU),
        .instance_init = arm_cpu_initfn,
        .instance_finalize = arm_cpu_finalize,
        .class_size = sizeof(ARMCPUClass),
        .class_init = arm_cpu_class_init,
    },
    {
        .name = ARM_CPU_TYPE_NAME("cortex-a57"),
        .parent = TYPE_ARM_CPU,
        .class_init = arm_cpu_model_class_init,
        .class_data = &arm_cpu_models[0],
    },
    {
        .name = ARM_CPU_TYPE_NAME("max"),
        .parent = TYPE_ARM_CPU,
        .class_init = arm_cpu_model_class_init,
        .class_data = &arm_cpu_models[1],
    },
};
DEFINE_TYPES(arm_cpu_types)
