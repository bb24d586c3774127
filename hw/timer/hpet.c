/*
 * IA-PC High Precision Event Timer (HPET), after the IA-PC HPET
 * specification revision 1.0a, with the behaviour of QEMU's model
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * A 64-bit main counter ticking every 10 ns of virtual time, 3 to 32
 * comparators (one-shot or periodic, 64- or 32-bit), level or edge
 * interrupts on 32 routes or FSB (MSI) memory writes, and the
 * LegacyReplacement routing that takes IRQ 0 from the PIT and IRQ 8
 * from the RTC.  docs/system/devices/hpet.rst lists where this model
 * departs from the specification and from upstream QEMU.
 * Interface: MMIO region 0 (1 KiB, 4- and 8-byte accesses); sysbus IRQ
 * n = interrupt route n (0-31); GPIO in 0 = PIT output, 1 = RTC output;
 * GPIO out 0 = PIT enable; properties "timers", "msi", "hpet-intcap",
 * "hpet-offset-saved".  Runs under the BQL like every device here.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "qemu/log.h"
#include "qemu/timer.h"
#include "hw/core/irq.h"
#include "hw/core/qdev-properties.h"
#include "hw/core/registerfields.h"
#include "hw/core/sysbus.h"
#include "hw/rtc/mc146818rtc.h"
#include "hw/timer/hpet.h"
#include "migration/vmstate.h"
#include "system/address-spaces.h"
#include "trace.h"

#define HPET_CLK_PERIOD_NS 10
#define HPET_CLK_PERIOD_FS 10000000ULL
#define HPET_TIMER_BASE 0x100
#define HPET_TIMER_STRIDE 0x20
/* At most one periodic interrupt per microsecond (no timer storms). */
#define HPET_MIN_PERIODIC_NS 1000
/* Bit of HPETState.flags behind the "msi" property. */
#define HPET_MSI_SUPPORT 0

REG64(GCAP_ID, 0x000)
    FIELD(GCAP_ID, REV_ID, 0, 8)
    FIELD(GCAP_ID, NUM_TIM_CAP, 8, 5)
    FIELD(GCAP_ID, COUNT_SIZE_CAP, 13, 1)
    FIELD(GCAP_ID, LEG_RT_CAP, 15, 1)
    FIELD(GCAP_ID, VENDOR_ID, 16, 16)
REG64(GEN_CONF, 0x010)
    FIELD(GEN_CONF, ENABLE_CNF, 0, 1)
    FIELD(GEN_CONF, LEG_RT_CNF, 1, 1)
REG64(GINTR_STA, 0x020)                 /* write one to clear */
REG64(MAIN_CNT, 0x0f0)

/* Timer N registers, at 0x100 + 0x20 * N plus these offsets. */
REG64(TN_CONF_CAP, 0x00)
    FIELD(TN_CONF_CAP, INT_TYPE_CNF, 1, 1)      /* 1 = level */
    FIELD(TN_CONF_CAP, INT_ENB_CNF, 2, 1)
    FIELD(TN_CONF_CAP, TYPE_CNF, 3, 1)          /* 1 = periodic */
    FIELD(TN_CONF_CAP, PER_INT_CAP, 4, 1)
    FIELD(TN_CONF_CAP, SIZE_CAP, 5, 1)
    FIELD(TN_CONF_CAP, VAL_SET_CNF, 6, 1)
    FIELD(TN_CONF_CAP, MODE32_CNF, 8, 1)
    FIELD(TN_CONF_CAP, INT_ROUTE_CNF, 9, 5)
    FIELD(TN_CONF_CAP, FSB_EN_CNF, 14, 1)
    FIELD(TN_CONF_CAP, FSB_INT_DEL_CAP, 15, 1)
REG64(TN_COMP, 0x08)
REG64(TN_FSB_ROUTE, 0x10)               /* [63:32] address, [31:0] data */

#define HPET_GEN_CONF_WRITE_MASK \
    (R_GEN_CONF_ENABLE_CNF_MASK | R_GEN_CONF_LEG_RT_CNF_MASK)
#define HPET_TN_CONF_WRITE_MASK                                      \
    (R_TN_CONF_CAP_INT_TYPE_CNF_MASK | R_TN_CONF_CAP_INT_ENB_CNF_MASK | \
     R_TN_CONF_CAP_TYPE_CNF_MASK | R_TN_CONF_CAP_VAL_SET_CNF_MASK |     \
     R_TN_CONF_CAP_MODE32_CNF_MASK | R_TN_CONF_CAP_INT_ROUTE_CNF_MASK | \
     R_TN_CONF_CAP_FSB_EN_CNF_MASK)

OBJECT_DECLARE_SIMPLE_TYPE(HPETState, HPET)

/*
 * One comparator.  The migration stream's "hpet_timer" records carry
 * the fields up to wrap_flag, and the expiry of qemu_timer.
 */
typedef struct HPETTimer {
    uint8_t tn;                 /* index in HPETState.timer */
    QEMUTimer *qemu_timer;
    HPETState *state;
    uint64_t config;            /* Tn_CONF_CAP, capabilities included */
    uint64_t cmp;               /* Tn_COMP as software reads it */
    uint64_t fsb;               /* Tn_FSB_ROUTE */
    uint64_t cmp64;             /* next main counter value that matches */
    uint64_t period;            /* periodic increment, in ticks */
    uint8_t wrap_flag;          /* armed for the 32-bit wrap, not cmp64 */
    int64_t last;               /* virtual ns of the last interrupt */
} HPETTimer;

/* -dump-vmstate reports the element size of "timer": QEMU 10.2's is 80. */
QEMU_BUILD_BUG_ON(sizeof(HPETTimer) != 80);

struct HPETState {
    SysBusDevice parent_obj;

    MemoryRegion iomem;
    qemu_irq irqs[HPET_NUM_IRQ_ROUTES];
    qemu_irq pit_enabled;
    uint8_t hpet_id;            /* slot in hpet_fw_cfg */

    /* properties */
    uint8_t num_timers;
    uint32_t flags;
    uint32_t intcap;
    bool hpet_offset_saved;

    /* registers */
    uint64_t capability;        /* GCAP_ID, fixed at realize */
    uint64_t config;            /* GEN_CONF */
    uint64_t isr;               /* GINTR_STA */
    uint64_t hpet_counter;      /* main counter while halted */
    uint64_t hpet_offset;       /* running: counter = (now + offset) / 10 */
    uint8_t rtc_irq_level;      /* last level of the RTC input */
    uint8_t num_timers_save;    /* timer count in the migration stream */
    HPETTimer timer[HPET_MAX_TIMERS];
};

struct hpet_fw_config hpet_fw_cfg = { .count = UINT8_MAX };

static bool hpet_enabled(HPETState *s)
{
    return FIELD_EX64(s->config, GEN_CONF, ENABLE_CNF);
}

static bool hpet_in_legacy_mode(HPETState *s)
{
    return FIELD_EX64(s->config, GEN_CONF, LEG_RT_CNF);
}

static bool hpet_timer_is_periodic(HPETTimer *t)
{
    return FIELD_EX64(t->config, TN_CONF_CAP, TYPE_CNF);
}

static bool hpet_timer_is_level(HPETTimer *t)
{
    return FIELD_EX64(t->config, TN_CONF_CAP, INT_TYPE_CNF);
}

static bool hpet_timer_int_enabled(HPETTimer *t)
{
    return FIELD_EX64(t->config, TN_CONF_CAP, INT_ENB_CNF);
}

static bool hpet_timer_is_32bit(HPETTimer *t)
{
    return FIELD_EX64(t->config, TN_CONF_CAP, MODE32_CNF);
}

static bool hpet_timer_uses_fsb(HPETTimer *t)
{
    return FIELD_EX64(t->config, TN_CONF_CAP, FSB_EN_CNF);
}

/*
 * The output a timer drives: in LegacyReplacement mode timer 0 takes
 * IRQ 0 (the I/O APIC turns input 0 into pin 2) and timer 1 IRQ 8,
 * whatever their route fields say.
 */
static int hpet_timer_route(HPETTimer *t)
{
    if (t->tn <= 1 && hpet_in_legacy_mode(t->state)) {
        return t->tn == 0 ? 0 : RTC_ISA_IRQ;
    }
    return FIELD_EX64(t->config, TN_CONF_CAP, INT_ROUTE_CNF);
}

/* True when tick @a comes after tick @b on the wrapping 64-bit counter. */
static bool hpet_tick_after(uint64_t a, uint64_t b)
{
    return (int64_t)(b - a) < 0;
}

/* Virtual ns plus the offset: ten times the counter, modulo 2^64. */
static uint64_t hpet_elapsed_ns(HPETState *s)
{
    return qemu_clock_get_ns(QEMU_CLOCK_VIRTUAL) + s->hpet_offset;
}

static uint64_t hpet_get_ticks(HPETState *s)
{
    return hpet_elapsed_ns(s) / HPET_CLK_PERIOD_NS;
}

static uint64_t hpet_counter_value(HPETState *s)
{
    return hpet_enabled(s) ? hpet_get_ticks(s) : s->hpet_counter;
}

/* Start counting from the stored value at the current instant. */
static void hpet_counter_start(HPETState *s)
{
    s->hpet_offset = s->hpet_counter * HPET_CLK_PERIOD_NS -
                     qemu_clock_get_ns(QEMU_CLOCK_VIRTUAL);
}

/* Every level change of an interrupt output goes through here. */
static void hpet_set_route(HPETState *s, int route, int level)
{
    trace_hpet_set_irq(route, level);
    qemu_set_irq(s->irqs[route], level);
}

static void hpet_pulse_route(HPETState *s, int route)
{
    trace_hpet_pulse_irq(route);
    qemu_irq_pulse(s->irqs[route]);
}

/* FSB delivery: Tn_FSB_INT_VAL stored at Tn_FSB_INT_ADDR (an MSI on x86). */
static void hpet_timer_fsb_write(HPETTimer *t)
{
    uint32_t addr = extract64(t->fsb, 32, 32);
    uint32_t data = extract64(t->fsb, 0, 32);

    trace_hpet_fsb_write(t->tn, addr, data);
    address_space_stl_le(&address_space_memory, addr, data,
                         MEMTXATTRS_UNSPECIFIED, NULL);
}

/*
 * Deliver (@set) or withdraw the interrupt of timer @t.  A level timer
 * latches its status bit even while its interrupt is disabled ("the
 * timer will still operate and generate appropriate status bits"); an
 * edge timer never leaves it set.  Only an enabled timer of an enabled
 * HPET reaches its route or the FSB; otherwise the route is driven low.
 */
static void hpet_timer_update_irq(HPETTimer *t, bool set)
{
    HPETState *s = t->state;
    uint64_t mask = 1ULL << t->tn;
    int route = hpet_timer_route(t);

    if (set && hpet_timer_is_level(t)) {
        s->isr |= mask;
    } else {
        s->isr &= ~mask;
    }
    if (set && hpet_timer_int_enabled(t) && hpet_enabled(s)) {
        if (hpet_timer_uses_fsb(t)) {
            hpet_timer_fsb_write(t);
        } else if (hpet_timer_is_level(t)) {
            hpet_set_route(s, route, 1);
        } else {
            hpet_pulse_route(s, route);
        }
    } else if (!hpet_timer_uses_fsb(t)) {
        hpet_set_route(s, route, 0);
    }
}

/*
 * Arm the QEMU timer for the instant the main counter reaches the value
 * @ahead ticks after its current one, exactly on that tick's edge.  A
 * periodic timer never fires twice within HPET_MIN_PERIODIC_NS; a match
 * further away than the virtual clock can express (about 292 years) is
 * not armed at all.
 */
static void hpet_timer_arm_ahead(HPETTimer *t, uint64_t ahead)
{
    int64_t now = qemu_clock_get_ns(QEMU_CLOCK_VIRTUAL);
    uint64_t phase = hpet_elapsed_ns(t->state) % HPET_CLK_PERIOD_NS;
    int64_t deadline;

    if (ahead > (uint64_t)(INT64_MAX - now) / HPET_CLK_PERIOD_NS) {
        trace_hpet_timer_too_far(t->tn, ahead);
        timer_del(t->qemu_timer);
        return;
    }
    deadline = ahead ? now - phase + ahead * HPET_CLK_PERIOD_NS : now;
    if (hpet_timer_is_periodic(t) &&
        (uint64_t)deadline - (uint64_t)t->last < HPET_MIN_PERIODIC_NS) {
        deadline = t->last + HPET_MIN_PERIODIC_NS;
    }
    trace_hpet_timer_arm(t->tn, ahead, deadline);
    timer_mod(t->qemu_timer, deadline);
}

/* Arm for counter value @tick; one already passed fires at once. */
static void hpet_timer_arm(HPETTimer *t, uint64_t tick)
{
    uint64_t cur = hpet_get_ticks(t->state);

    hpet_timer_arm_ahead(t, hpet_tick_after(tick, cur) ? tick - cur : 0);
}

/*
 * The counter value a comparator value matches next: itself in 64-bit
 * mode; in 32-bit mode the next counter value with the same low half.
 */
static uint64_t hpet_timer_cmp64(HPETTimer *t, uint64_t cur, uint64_t cmp)
{
    uint64_t match;

    if (!hpet_timer_is_32bit(t)) {
        return cmp;
    }
    match = deposit64(cur, 0, 32, cmp);
    if (match < cur) {
        match += 1ULL << 32;
    }
    return match;
}

/* The counter value at which its low 32 bits next wrap to zero. */
static uint64_t hpet_next_wrap(uint64_t cur)
{
    return (cur | UINT32_MAX) + 1;
}

/*
 * (Re)start timer @t from its comparator.  A 32-bit one-shot timer whose
 * match lies beyond the next 32-bit wrap first interrupts at the wrap,
 * as the specification asks.
 */
static void hpet_timer_set(HPETTimer *t)
{
    uint64_t cur = hpet_get_ticks(t->state);

    t->wrap_flag = 0;
    t->cmp64 = hpet_timer_cmp64(t, cur, t->cmp);
    if (hpet_timer_is_32bit(t) && !hpet_timer_is_periodic(t) &&
        t->cmp64 > hpet_next_wrap(cur)) {
        t->wrap_flag = 1;
        hpet_timer_arm(t, hpet_next_wrap(cur));
        return;
    }
    hpet_timer_arm(t, t->cmp64);
}

/* Stop timer @t; a latched level interrupt keeps its status bit. */
static void hpet_timer_del(HPETTimer *t)
{
    timer_del(t->qemu_timer);
    if (t->state->isr & (1ULL << t->tn)) {
        hpet_timer_update_irq(t, true);
    }
}

/*
 * The comparator matched.  A periodic timer moves to the first multiple
 * of its period after the current counter value, so periods missed
 * while the callback was late collapse into this one interrupt.
 */
static void hpet_timer_expire(void *opaque)
{
    HPETTimer *t = opaque;
    uint64_t cur = hpet_get_ticks(t->state);

    trace_hpet_timer_expire(t->tn, cur);
    t->last = qemu_clock_get_ns(QEMU_CLOCK_VIRTUAL);
    if (hpet_timer_is_periodic(t) && t->period != 0) {
        uint64_t ahead;

        if (hpet_tick_after(t->cmp64, cur)) {
            ahead = t->cmp64 - cur;
        } else {
            ahead = t->period - (cur - t->cmp64) % t->period;
            t->cmp64 = cur + ahead;
        }
        t->cmp = hpet_timer_is_32bit(t) ? (uint32_t)t->cmp64 : t->cmp64;
        hpet_timer_arm_ahead(t, ahead);
    } else if (t->wrap_flag) {
        t->wrap_flag = 0;
        hpet_timer_arm(t, t->cmp64);
    }
    hpet_timer_update_irq(t, true);
}

/* The timer whose registers sit at @addr, or NULL (logged) if none. */
static HPETTimer *hpet_decode_timer(HPETState *s, hwaddr addr,
                                    bool is_write)
{
    unsigned id = (addr - HPET_TIMER_BASE) / HPET_TIMER_STRIDE;

    if (is_write) {
        trace_hpet_ram_write_timer_id(id);
    }
    /*
     * As in QEMU, the slot just past the last timer is accepted too: it
     * holds a timer that reset never initialises (see the docs).
     */
    if (id > s->num_timers) {
        trace_hpet_timer_id_out_of_range(id);
        qemu_log_mask(LOG_GUEST_ERROR,
                      "%s: %s of timer %u, only %u timers\n", __func__,
                      is_write ? "write" : "read", id, s->num_timers);
        return NULL;
    }
    return &s->timer[id];
}

/* @addr: the 8-byte aligned register address. */
static uint64_t hpet_timer_read(HPETState *s, hwaddr addr)
{
    HPETTimer *t = hpet_decode_timer(s, addr, false);

    if (t == NULL) {
        return 0;
    }
    switch ((addr - HPET_TIMER_BASE) % HPET_TIMER_STRIDE) {
    case A_TN_CONF_CAP:
        return t->config;
    case A_TN_COMP:
        return t->cmp;
    case A_TN_FSB_ROUTE:
        return t->fsb;
    default:
        trace_hpet_ram_read_invalid();
        qemu_log_mask(LOG_GUEST_ERROR, "%s: reserved offset 0x%" HWADDR_PRIx
                      "\n", __func__, addr);
        return 0;
    }
}

static uint64_t hpet_read(void *opaque, hwaddr addr, unsigned size)
{
    HPETState *s = opaque;
    unsigned shift = (addr & 4) * 8;
    uint64_t val;

    trace_hpet_ram_read(addr);
    if (addr >= HPET_TIMER_BASE) {
        val = hpet_timer_read(s, addr & ~7ULL);
    } else {
        switch (addr & ~7ULL) {
        case A_GCAP_ID:
            val = s->capability;
            break;
        case A_GEN_CONF:
            val = s->config;
            break;
        case A_GINTR_STA:
            val = s->isr;
            break;
        case A_MAIN_CNT:
            val = hpet_counter_value(s);
            trace_hpet_ram_read_reading_counter(addr & 4, val);
            break;
        default:
            trace_hpet_ram_read_invalid();
            qemu_log_mask(LOG_GUEST_ERROR, "%s: reserved offset 0x%"
                          HWADDR_PRIx "\n", __func__, addr);
            val = 0;
            break;
        }
    }
    return extract64(val, shift, size * 8);
}

/* Merge the written bits @wmask of @data into @old. */
static uint64_t hpet_merge(uint64_t old, uint64_t data, uint64_t wmask)
{
    return (old & ~wmask) | (data & wmask);
}

static void hpet_write_gen_conf(HPETState *s, uint64_t data, uint64_t wmask)
{
    uint64_t old = s->config;
    uint64_t changed;
    int i;

    s->config = hpet_merge(old, data, wmask & HPET_GEN_CONF_WRITE_MASK);
    changed = old ^ s->config;

    if (changed & R_GEN_CONF_ENABLE_CNF_MASK) {
        if (hpet_enabled(s)) {
            hpet_counter_start(s);
            for (i = 0; i < s->num_timers; i++) {
                HPETTimer *t = &s->timer[i];

                if (hpet_timer_int_enabled(t) && (s->isr & (1ULL << i))) {
                    hpet_timer_update_irq(t, true);
                }
                hpet_timer_set(t);
            }
        } else {
            s->hpet_counter = hpet_get_ticks(s);
            for (i = 0; i < s->num_timers; i++) {
                hpet_timer_del(&s->timer[i]);
            }
        }
    }
    /* LegacyReplacement silences the PIT and takes over IRQ 0 and 8. */
    if (changed & R_GEN_CONF_LEG_RT_CNF_MASK) {
        trace_hpet_legacy_mode(hpet_in_legacy_mode(s));
        if (hpet_in_legacy_mode(s)) {
            qemu_set_irq(s->pit_enabled, 0);
            hpet_set_route(s, 0, 0);
            hpet_set_route(s, RTC_ISA_IRQ, 0);
        } else {
            hpet_set_route(s, 0, 0);
            qemu_set_irq(s->pit_enabled, 1);
            hpet_set_route(s, RTC_ISA_IRQ, s->rtc_irq_level);
        }
    }
}

static void hpet_write_isr(HPETState *s, uint64_t data, uint64_t wmask)
{
    uint64_t cleared = data & wmask & s->isr;
    int i;

    for (i = 0; i < s->num_timers; i++) {
        if (cleared & (1ULL << i)) {
            hpet_timer_update_irq(&s->timer[i], false);
        }
    }
}

static void hpet_write_counter(HPETState *s, uint64_t data, uint64_t wmask)
{
    /* Only the halted value changes; the running count ignores it. */
    if (hpet_enabled(s)) {
        trace_hpet_ram_write_counter_write_while_enabled();
    }
    s->hpet_counter = hpet_merge(s->hpet_counter, data, wmask);
}

static void hpet_write_tn_conf(HPETTimer *t, uint64_t data, uint64_t wmask)
{
    HPETState *s = t->state;
    uint64_t old = t->config;
    uint64_t new = hpet_merge(old, data, wmask & HPET_TN_CONF_WRITE_MASK);

    /* Going from level to edge withdraws a latched interrupt first. */
    if ((old & ~new) & R_TN_CONF_CAP_INT_TYPE_CNF_MASK) {
        hpet_timer_update_irq(t, false);
    }
    t->config = new;
    /* Enabling the interrupt of a latched level timer asserts it. */
    if ((new & ~old) & R_TN_CONF_CAP_INT_ENB_CNF_MASK &&
        (s->isr & (1ULL << t->tn))) {
        hpet_timer_update_irq(t, true);
    }
    if (hpet_timer_is_32bit(t)) {
        t->cmp = (uint32_t)t->cmp;
        t->period = (uint32_t)t->period;
    }
    if (hpet_enabled(s)) {
        hpet_timer_set(t);
    }
}

/*
 * Comparator writes: a one-shot timer takes the value; a periodic timer
 * takes it as its period, and as its next match only while VAL_SET is
 * set.  Every write consumes VAL_SET.  In 32-bit mode the upper half
 * reads as zero and ignores writes.
 */
static void hpet_write_tn_comp(HPETTimer *t, uint64_t data, uint64_t wmask)
{
    if (hpet_timer_is_32bit(t)) {
        if (!(wmask & UINT32_MAX)) {
            trace_hpet_ram_write_invalid_tn_cmp();
            return;
        }
        data = (uint32_t)data;
        wmask = UINT64_MAX;
    }
    trace_hpet_ram_write_tn_cmp(ctz64(wmask) / 8);
    if (!hpet_timer_is_periodic(t) ||
        FIELD_EX64(t->config, TN_CONF_CAP, VAL_SET_CNF)) {
        t->cmp = hpet_merge(t->cmp, data, wmask);
    }
    if (hpet_timer_is_periodic(t)) {
        t->period = hpet_merge(t->period, data, wmask);
    }
    t->config = FIELD_DP64(t->config, TN_CONF_CAP, VAL_SET_CNF, 0);
    if (hpet_enabled(t->state)) {
        hpet_timer_set(t);
    }
}

static void hpet_timer_write(HPETState *s, hwaddr addr, uint64_t data,
                             uint64_t wmask)
{
    HPETTimer *t = hpet_decode_timer(s, addr, true);

    if (t == NULL) {
        return;
    }
    switch ((addr - HPET_TIMER_BASE) % HPET_TIMER_STRIDE) {
    case A_TN_CONF_CAP:
        trace_hpet_ram_write_tn_cfg(ctz64(wmask) / 8);
        hpet_write_tn_conf(t, data, wmask);
        break;
    case A_TN_COMP:
        hpet_write_tn_comp(t, data, wmask);
        break;
    case A_TN_FSB_ROUTE:
        t->fsb = hpet_merge(t->fsb, data, wmask);
        break;
    default:
        trace_hpet_ram_write_invalid();
        qemu_log_mask(LOG_GUEST_ERROR, "%s: reserved offset 0x%" HWADDR_PRIx
                      "\n", __func__, addr);
        break;
    }
}

static void hpet_write(void *opaque, hwaddr addr, uint64_t value,
                       unsigned size)
{
    HPETState *s = opaque;
    unsigned shift = (addr & 4) * 8;
    uint64_t wmask = MAKE_64BIT_MASK(shift, size * 8);
    uint64_t data = value << shift;
    hwaddr reg = addr & ~7ULL;

    trace_hpet_ram_write(addr, value);
    if (reg >= HPET_TIMER_BASE) {
        hpet_timer_write(s, reg, data, wmask);
        return;
    }
    switch (reg) {
    case A_GCAP_ID:
        break;
    case A_GEN_CONF:
        hpet_write_gen_conf(s, data, wmask);
        break;
    case A_GINTR_STA:
        hpet_write_isr(s, data, wmask);
        break;
    case A_MAIN_CNT:
        hpet_write_counter(s, data, wmask);
        break;
    default:
        trace_hpet_ram_write_invalid();
        qemu_log_mask(LOG_GUEST_ERROR, "%s: reserved offset 0x%" HWADDR_PRIx
                      "\n", __func__, addr);
        break;
    }
}

static const MemoryRegionOps hpet_ops = {
    .read = hpet_read,
    .write = hpet_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
    .valid = { .min_access_size = 4, .max_access_size = 8 },
    .impl = { .min_access_size = 4, .max_access_size = 8 },
};

/*
 * GPIO inputs 0 (PIT) and 1 (RTC): passed on to IRQ 0 and IRQ 8 unless
 * LegacyReplacement routing owns those lines.
 */
static void hpet_handle_legacy_irq(void *opaque, int n, int level)
{
    HPETState *s = opaque;

    if (n == HPET_LEGACY_PIT_INT) {
        if (!hpet_in_legacy_mode(s)) {
            hpet_set_route(s, 0, level);
        }
    } else {
        s->rtc_irq_level = level;
        if (!hpet_in_legacy_mode(s)) {
            hpet_set_route(s, RTC_ISA_IRQ, level);
        }
    }
}

/*
 * Reset: every register to its specified default.  Unlike upstream QEMU
 * the status register is cleared too, and a latched level interrupt is
 * withdrawn from the route it was raised on.
 */
static void hpet_reset_hold(Object *obj, ResetType type)
{
    HPETState *s = HPET(obj);
    int i;

    for (i = 0; i < s->num_timers; i++) {
        HPETTimer *t = &s->timer[i];

        timer_del(t->qemu_timer);
        if (s->isr & (1ULL << i)) {
            hpet_timer_update_irq(t, false);
        }
        t->cmp = UINT64_MAX;
        t->config = R_TN_CONF_CAP_PER_INT_CAP_MASK |
                    R_TN_CONF_CAP_SIZE_CAP_MASK |
                    deposit64(0, 32, 32, s->intcap);
        if (s->flags & BIT(HPET_MSI_SUPPORT)) {
            t->config |= R_TN_CONF_CAP_FSB_INT_DEL_CAP_MASK;
        }
        t->period = 0;
        t->wrap_flag = 0;
        t->last = INT64_MIN;
    }
    s->isr = 0;
    qemu_set_irq(s->pit_enabled, 1);
    s->hpet_counter = 0;
    s->hpet_offset = 0;
    s->config = 0;
    s->rtc_irq_level = 0;

    hpet_fw_cfg.hpet[s->hpet_id].event_timer_block_id =
        cpu_to_le32((uint32_t)s->capability);
    hpet_fw_cfg.hpet[s->hpet_id].address =
        cpu_to_le64(SYS_BUS_DEVICE(s)->mmio[0].addr);
}

static int hpet_pre_save(void *opaque)
{
    HPETState *s = opaque;

    if (hpet_enabled(s)) {
        s->hpet_counter = hpet_get_ticks(s);
    }
    s->num_timers_save = s->num_timers;
    return 0;
}

/* The stream's timer count sizes the array that follows: check it. */
static bool hpet_validate_num_timers(void *opaque, int version_id)
{
    HPETState *s = opaque;

    return s->num_timers_save >= HPET_MIN_TIMERS &&
           s->num_timers_save <= HPET_MAX_TIMERS &&
           s->num_timers_save == s->num_timers;
}

static int hpet_post_load(void *opaque, int version_id)
{
    HPETState *s = opaque;
    int64_t now = qemu_clock_get_ns(QEMU_CLOCK_VIRTUAL);
    int i;

    for (i = 0; i < s->num_timers; i++) {
        HPETTimer *t = &s->timer[i];

        t->cmp64 = hpet_timer_cmp64(t, s->hpet_counter, t->cmp);
        t->last = now - NANOSECONDS_PER_SECOND;
    }
    /* Without the offset subsection, resume counting from now. */
    if (!s->hpet_offset_saved) {
        hpet_counter_start(s);
    }
    return 0;
}

/* A timer record must describe the timer it is loaded into. */
static int hpet_timer_post_load(void *opaque, int version_id)
{
    HPETTimer *t = opaque;
    uint8_t index = t - t->state->timer;

    if (t->tn != index) {
        t->tn = index;
        return -EINVAL;
    }
    return 0;
}

static bool hpet_rtc_irq_level_needed(void *opaque)
{
    HPETState *s = opaque;

    return s->rtc_irq_level != 0;
}

static bool hpet_offset_needed(void *opaque)
{
    HPETState *s = opaque;

    return hpet_enabled(s) && s->hpet_offset_saved;
}

static const VMStateDescription vmstate_hpet_rtc_irq_level = {
    .name = "hpet/rtc_irq_level",
    .version_id = 1,
    .minimum_version_id = 1,
    .needed = hpet_rtc_irq_level_needed,
    .fields = (const VMStateField[]) {
        VMSTATE_UINT8(rtc_irq_level, HPETState),
        VMSTATE_END_OF_LIST()
    },
};

static const VMStateDescription vmstate_hpet_offset = {
    .name = "hpet/offset",
    .version_id = 1,
    .minimum_version_id = 1,
    .needed = hpet_offset_needed,
    .fields = (const VMStateField[]) {
        VMSTATE_UINT64(hpet_offset, HPETState),
        VMSTATE_END_OF_LIST()
    },
};

static const VMStateDescription vmstate_hpet_timer = {
    .name = "hpet_timer",
    .version_id = 1,
    .minimum_version_id = 1,
    .post_load = hpet_timer_post_load,
    .fields = (const VMStateField[]) {
        VMSTATE_UINT8(tn, HPETTimer),
        VMSTATE_UINT64(config, HPETTimer),
        VMSTATE_UINT64(cmp, HPETTimer),
        VMSTATE_UINT64(fsb, HPETTimer),
        VMSTATE_UINT64(period, HPETTimer),
        VMSTATE_UINT8(wrap_flag, HPETTimer),
        VMSTATE_TIMER_PTR(qemu_timer, HPETTimer),
        VMSTATE_END_OF_LIST()
    },
};

static const VMStateDescription vmstate_hpet = {
    .name = "hpet",
    .version_id = 2,
    .minimum_version_id = 2,
    .pre_save = hpet_pre_save,
    .post_load = hpet_post_load,
    .fields = (const VMStateField[]) {
        VMSTATE_UINT64(config, HPETState),
        VMSTATE_UINT64(isr, HPETState),
        VMSTATE_UINT64(hpet_counter, HPETState),
        VMSTATE_UINT8(num_timers_save, HPETState),
        VMSTATE_VALIDATE("num_timers must match", hpet_validate_num_timers),
        VMSTATE_STRUCT_VARRAY_UINT8(timer, HPETState, num_timers_save, 0,
                                    vmstate_hpet_timer, HPETTimer),
        VMSTATE_END_OF_LIST()
    },
    .subsections = (const VMStateDescription * const []) {
        &vmstate_hpet_rtc_irq_level,
        &vmstate_hpet_offset,
        NULL
    },
};

static const Property hpet_properties[] = {
    DEFINE_PROP_UINT8("timers", HPETState, num_timers, HPET_MIN_TIMERS),
    DEFINE_PROP_BIT("msi", HPETState, flags, HPET_MSI_SUPPORT, false),
    DEFINE_PROP_UINT32(HPET_INTCAP, HPETState, intcap, 0),
    DEFINE_PROP_BOOL("hpet-offset-saved", HPETState, hpet_offset_saved, true),
};

static void hpet_init(Object *obj)
{
    HPETState *s = HPET(obj);

    memory_region_init_io(&s->iomem, obj, &hpet_ops, s, "hpet", HPET_LEN);
    sysbus_init_mmio(SYS_BUS_DEVICE(obj), &s->iomem);
}

static void hpet_realize(DeviceState *dev, Error **errp)
{
    HPETState *s = HPET(dev);
    SysBusDevice *sbd = SYS_BUS_DEVICE(dev);
    int i;

    if (s->num_timers < HPET_MIN_TIMERS || s->num_timers > HPET_MAX_TIMERS) {
        error_setg(errp, "hpet.num_timers must be between %d and %d",
                   HPET_MIN_TIMERS, HPET_MAX_TIMERS);
        return;
    }
    if (s->intcap == 0) {
        error_setg(errp, "hpet.hpet-intcap not initialized");
        return;
    }
    if (hpet_fw_cfg.count == UINT8_MAX) {
        hpet_fw_cfg.count = 0;
    }
    if (hpet_fw_cfg.count == HPET_MAX_INSTANCES) {
        error_setg(errp, "Only %d instances of HPET are allowed",
                   HPET_MAX_INSTANCES);
        return;
    }
    s->hpet_id = hpet_fw_cfg.count++;

    for (i = 0; i < HPET_NUM_IRQ_ROUTES; i++) {
        sysbus_init_irq(sbd, &s->irqs[i]);
    }
    for (i = 0; i < HPET_MAX_TIMERS; i++) {
        HPETTimer *t = &s->timer[i];

        t->qemu_timer = timer_new_ns(QEMU_CLOCK_VIRTUAL, hpet_timer_expire,
                                     t);
        t->tn = i;
        t->state = s;
    }

    s->capability = FIELD_DP64(0, GCAP_ID, REV_ID, 1);
    s->capability = FIELD_DP64(s->capability, GCAP_ID, NUM_TIM_CAP,
                               s->num_timers - 1);
    s->capability = FIELD_DP64(s->capability, GCAP_ID, COUNT_SIZE_CAP, 1);
    s->capability = FIELD_DP64(s->capability, GCAP_ID, LEG_RT_CAP, 1);
    s->capability = FIELD_DP64(s->capability, GCAP_ID, VENDOR_ID, 0x8086);
    s->capability = deposit64(s->capability, 32, 32, HPET_CLK_PERIOD_FS);

    qdev_init_gpio_in(dev, hpet_handle_legacy_irq, 2);
    qdev_init_gpio_out(dev, &s->pit_enabled, 1);
}

static void hpet_class_init(ObjectClass *klass, const void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);

    dc->realize = hpet_realize;
    dc->vmsd = &vmstate_hpet;
    RESETTABLE_CLASS(klass)->phases.hold = hpet_reset_hold;
    device_class_set_props(dc, hpet_properties);
}

static const TypeInfo hpet_types[] = {
    {
        .name          = TYPE_HPET,
        .parent        = TYPE_SYS_BUS_DEVICE,
        .instance_size = sizeof(HPETState),
        .instance_init = hpet_init,
        .class_init    = hpet_class_init,
    },
};
DEFINE_TYPES(hpet_types)
