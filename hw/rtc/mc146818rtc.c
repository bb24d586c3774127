/*
 * Motorola MC146818 real-time clock and CMOS RAM, after the MC146818A
 * datasheet, as the PC's ISA RTC
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * Time and date registers in BCD or binary, 12- or 24-hour, kept from
 * the host's UTC time at start-up on rtc_clock; the periodic interrupt
 * (rates 2 Hz to 8192 Hz), the update-ended and alarm interrupts, and
 * 114 bytes of CMOS RAM (the century in byte 0x32).
 * Not modelled: daylight saving (DSE), the square-wave output, the
 * divider-chain reset of register A, lost-tick compensation; update
 * and alarm flags are only maintained while their interrupt is
 * enabled.
 * Migration: VMState "mc146818rtc" v3 (v1 and v2 streams load), QEMU's
 * layout; the time travels as QEMU's base_rtc/last_update/offset.
 * Interface: I/O ports iobase (index, bit 7 = NMI mask) and iobase + 1
 * (data); GPIO out 0 = IRQ; properties "base_year", "iobase", "irq";
 * read-only property "date" (struct tm).
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "qemu/log.h"
#include "qemu/timer.h"
#include "hw/core/irq.h"
#include "hw/core/qdev-properties.h"
#include "hw/rtc/mc146818rtc.h"
#include "migration/vmstate.h"
#include "qobject/qobject.h"
#include "system/system.h"
#include "trace.h"

#define RTC_CMOS_SIZE 128

/* Clock registers (datasheet table 2). */
#define RTC_SECONDS 0x00
#define RTC_SECONDS_ALARM 0x01
#define RTC_MINUTES 0x02
#define RTC_MINUTES_ALARM 0x03
#define RTC_HOURS 0x04
#define RTC_HOURS_ALARM 0x05
#define RTC_DAY_OF_WEEK 0x06
#define RTC_DAY_OF_MONTH 0x07
#define RTC_MONTH 0x08
#define RTC_YEAR 0x09
#define RTC_REG_A 0x0a
#define RTC_REG_B 0x0b
#define RTC_REG_C 0x0c
#define RTC_REG_D 0x0d
#define RTC_CENTURY 0x32        /* PC convention */

#define REG_A_UIP 0x80          /* update in progress */
#define REG_A_DV_MASK 0x70
#define REG_A_DV_32KHZ 0x20     /* the normal 32.768 kHz time base */
#define REG_A_RS_MASK 0x0f

#define REG_B_SET 0x80
#define REG_B_PIE 0x40
#define REG_B_AIE 0x20
#define REG_B_UIE 0x10
#define REG_B_SQWE 0x08
#define REG_B_DM 0x04           /* binary, not BCD */
#define REG_B_24H 0x02

#define REG_C_IRQF 0x80
#define REG_C_PF 0x40
#define REG_C_AF 0x20
#define REG_C_UF 0x10

#define REG_D_VRT 0x80

#define RTC_HOURS_PM 0x80
#define RTC_ALARM_DONT_CARE 0xc0
#define RTC_INPUT_HZ 32768
/* UIP rises this long before each update (datasheet: 244 us). */
#define RTC_UIP_NS 244000

struct MC146818RtcState {
    ISADevice parent_obj;

    MemoryRegion io;
    qemu_irq irq;
    QEMUTimer *periodic_timer;
    QEMUTimer *update_timer;

    /* properties */
    int32_t base_year;
    uint32_t iobase;
    uint8_t isairq;

    uint8_t cmos_data[RTC_CMOS_SIZE];
    uint8_t cmos_index;
    int64_t offset_ns;          /* guest UTC ns since 1970 minus rtc_clock */

    /*
     * QEMU's migration fields: the guest time was base_rtc seconds plus
     * offset ns when rtc_clock read last_update; the rest describe
     * QEMU's timers and its lost-tick compensation, which we do not
     * model (the counts are kept only to be sent back).
     */
    uint64_t base_rtc;
    uint64_t last_update;
    int64_t offset;
    int64_t next_periodic_time;
    uint64_t next_alarm_time;
    uint32_t period;
    uint32_t irq_coalesced;
    uint16_t irq_reinject_on_ack_count;
};

static int64_t rtc_now(void)
{
    return qemu_clock_get_ns(rtc_clock);
}

static int64_t rtc_guest_ns(MC146818RtcState *s)
{
    return rtc_now() + s->offset_ns;
}

static uint8_t rtc_to_reg(MC146818RtcState *s, int val)
{
    if (s->cmos_data[RTC_REG_B] & REG_B_DM) {
        return val;
    }
    return (val / 10) << 4 | val % 10;
}

static int rtc_from_reg(MC146818RtcState *s, uint8_t val)
{
    if (s->cmos_data[RTC_REG_B] & REG_B_DM) {
        return val;
    }
    return (val >> 4) * 10 + (val & 0x0f);
}

static uint8_t rtc_hours_to_reg(MC146818RtcState *s, int hour)
{
    if (s->cmos_data[RTC_REG_B] & REG_B_24H) {
        return rtc_to_reg(s, hour);
    }
    return rtc_to_reg(s, (hour + 11) % 12 + 1) | (hour >= 12 ? RTC_HOURS_PM
                                                              : 0);
}

static int rtc_hours_from_reg(MC146818RtcState *s, uint8_t val)
{
    int hour;

    if (s->cmos_data[RTC_REG_B] & REG_B_24H) {
        return rtc_from_reg(s, val);
    }
    hour = rtc_from_reg(s, val & ~RTC_HOURS_PM) % 12;
    return val & RTC_HOURS_PM ? hour + 12 : hour;
}

static void rtc_time_of(MC146818RtcState *s, struct tm *tm)
{
    time_t secs = rtc_guest_ns(s) / NANOSECONDS_PER_SECOND;

    gmtime_r(&secs, tm);
}

/* Encode the current time into the clock registers. */
static void rtc_latch_time(MC146818RtcState *s)
{
    struct tm tm;
    int year;

    rtc_time_of(s, &tm);
    year = tm.tm_year + 1900;
    s->cmos_data[RTC_SECONDS] = rtc_to_reg(s, tm.tm_sec);
    s->cmos_data[RTC_MINUTES] = rtc_to_reg(s, tm.tm_min);
    s->cmos_data[RTC_HOURS] = rtc_hours_to_reg(s, tm.tm_hour);
    s->cmos_data[RTC_DAY_OF_WEEK] = rtc_to_reg(s, tm.tm_wday + 1);
    s->cmos_data[RTC_DAY_OF_MONTH] = rtc_to_reg(s, tm.tm_mday);
    s->cmos_data[RTC_MONTH] = rtc_to_reg(s, tm.tm_mon + 1);
    s->cmos_data[RTC_YEAR] = rtc_to_reg(s, (year - s->base_year) % 100);
    s->cmos_data[RTC_CENTURY] = rtc_to_reg(s, year / 100);
}

/* Restart the clock from what software wrote into the registers. */
static void rtc_set_time_from_regs(MC146818RtcState *s)
{
    struct tm tm = {
        .tm_sec = rtc_from_reg(s, s->cmos_data[RTC_SECONDS]),
        .tm_min = rtc_from_reg(s, s->cmos_data[RTC_MINUTES]),
        .tm_hour = rtc_hours_from_reg(s, s->cmos_data[RTC_HOURS]),
        .tm_mday = rtc_from_reg(s, s->cmos_data[RTC_DAY_OF_MONTH]),
        .tm_mon = rtc_from_reg(s, s->cmos_data[RTC_MONTH]) - 1,
        .tm_year = rtc_from_reg(s, s->cmos_data[RTC_YEAR]) + s->base_year -
                   1900,
    };

    s->offset_ns = (int64_t)timegm(&tm) * NANOSECONDS_PER_SECOND - rtc_now();
    trace_mc146818_set_time(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
                            tm.tm_hour, tm.tm_min, tm.tm_sec);
}

static bool rtc_clock_running(MC146818RtcState *s)
{
    return !(s->cmos_data[RTC_REG_B] & REG_B_SET) &&
           (s->cmos_data[RTC_REG_A] & REG_A_DV_MASK) == REG_A_DV_32KHZ;
}

/* The IRQ output follows IRQF; the only place that drives it. */
static void rtc_update_irq(MC146818RtcState *s)
{
    uint8_t enabled = s->cmos_data[RTC_REG_B] &
                      (REG_B_PIE | REG_B_AIE | REG_B_UIE);
    /* The interrupt-enable bits of B line up with the flags of C. */
    bool level = s->cmos_data[RTC_REG_C] & enabled;

    if (level) {
        s->cmos_data[RTC_REG_C] |= REG_C_IRQF;
    } else {
        s->cmos_data[RTC_REG_C] &= ~REG_C_IRQF;
    }
    trace_mc146818_irq(level);
    qemu_set_irq(s->irq, level);
}

/* Periodic interrupt period in 32.768 kHz cycles, 0 when off. */
static uint32_t rtc_periodic_cycles(MC146818RtcState *s)
{
    unsigned rs = s->cmos_data[RTC_REG_A] & REG_A_RS_MASK;

    if (rs == 0) {
        return 0;
    }
    /* Rates 1 and 2 repeat rates 8 and 9 (256 Hz, 128 Hz). */
    return rs <= 2 ? 1 << (rs + 6) : 1 << (rs - 1);
}

/* Arm the periodic timer at the next multiple of its period. */
static void rtc_update_periodic_timer(MC146818RtcState *s)
{
    uint32_t period = rtc_periodic_cycles(s);
    uint64_t cycle, next;
    int64_t now = rtc_now();

    if (period == 0 || !(s->cmos_data[RTC_REG_B] & REG_B_PIE) ||
        (s->cmos_data[RTC_REG_A] & REG_A_DV_MASK) != REG_A_DV_32KHZ) {
        timer_del(s->periodic_timer);
        return;
    }
    cycle = muldiv64(now, RTC_INPUT_HZ, NANOSECONDS_PER_SECOND);
    next = muldiv64((cycle / period + 1) * period, NANOSECONDS_PER_SECOND,
                    RTC_INPUT_HZ) + 1;
    timer_mod(s->periodic_timer, next);
}

static void rtc_periodic_expire(void *opaque)
{
    MC146818RtcState *s = opaque;

    s->cmos_data[RTC_REG_C] |= REG_C_PF;
    rtc_update_irq(s);
    rtc_update_periodic_timer(s);
}

/* Arm the update timer for the next second when UIE or AIE needs it. */
static void rtc_update_second_timer(MC146818RtcState *s)
{
    int64_t subsec;

    if (!(s->cmos_data[RTC_REG_B] & (REG_B_UIE | REG_B_AIE)) ||
        !rtc_clock_running(s)) {
        timer_del(s->update_timer);
        return;
    }
    subsec = rtc_guest_ns(s) % NANOSECONDS_PER_SECOND;
    if (subsec < 0) {
        subsec += NANOSECONDS_PER_SECOND;
    }
    timer_mod(s->update_timer, rtc_now() + NANOSECONDS_PER_SECOND - subsec);
}

static bool rtc_alarm_matches(uint8_t alarm, uint8_t now)
{
    return (alarm & RTC_ALARM_DONT_CARE) == RTC_ALARM_DONT_CARE ||
           alarm == now;
}

/* End of an update cycle: UF, and AF when the alarm time is reached. */
static void rtc_update_expire(void *opaque)
{
    MC146818RtcState *s = opaque;

    rtc_latch_time(s);
    s->cmos_data[RTC_REG_C] |= REG_C_UF;
    if (rtc_alarm_matches(s->cmos_data[RTC_SECONDS_ALARM],
                          s->cmos_data[RTC_SECONDS]) &&
        rtc_alarm_matches(s->cmos_data[RTC_MINUTES_ALARM],
                          s->cmos_data[RTC_MINUTES]) &&
        rtc_alarm_matches(s->cmos_data[RTC_HOURS_ALARM],
                          s->cmos_data[RTC_HOURS])) {
        s->cmos_data[RTC_REG_C] |= REG_C_AF;
    }
    rtc_update_irq(s);
    rtc_update_second_timer(s);
}

static bool rtc_is_clock_reg(int addr)
{
    switch (addr) {
    case RTC_SECONDS:
    case RTC_MINUTES:
    case RTC_HOURS:
    case RTC_DAY_OF_WEEK:
    case RTC_DAY_OF_MONTH:
    case RTC_MONTH:
    case RTC_YEAR:
    case RTC_CENTURY:
        return true;
    default:
        return false;
    }
}

static void rtc_write_reg_b(MC146818RtcState *s, uint8_t val)
{
    uint8_t old = s->cmos_data[RTC_REG_B];

    if (val & REG_B_SET) {
        /* Setting SET ends updates: freeze the time, drop UIE. */
        if (!(old & REG_B_SET)) {
            rtc_latch_time(s);
        }
        val &= ~REG_B_UIE;
    }
    s->cmos_data[RTC_REG_B] = val;
    if ((old & REG_B_SET) && !(val & REG_B_SET)) {
        rtc_set_time_from_regs(s);
    }
    rtc_update_irq(s);
    rtc_update_periodic_timer(s);
    rtc_update_second_timer(s);
}

static void rtc_write_data(MC146818RtcState *s, uint8_t val)
{
    int addr = s->cmos_index;

    trace_mc146818_cmos_write(addr, val);
    switch (addr) {
    case RTC_REG_A:
        /* UIP is read-only. */
        s->cmos_data[RTC_REG_A] = (val & ~REG_A_UIP);
        rtc_update_periodic_timer(s);
        rtc_update_second_timer(s);
        break;
    case RTC_REG_B:
        rtc_write_reg_b(s, val);
        break;
    case RTC_REG_C:
    case RTC_REG_D:
        qemu_log_mask(LOG_GUEST_ERROR, "%s: register %c is read-only\n",
                      __func__, addr == RTC_REG_C ? 'C' : 'D');
        break;
    default:
        if (rtc_is_clock_reg(addr) && rtc_clock_running(s)) {
            /* A running clock takes the new field at once. */
            rtc_latch_time(s);
            s->cmos_data[addr] = val;
            rtc_set_time_from_regs(s);
            rtc_update_second_timer(s);
        } else {
            s->cmos_data[addr] = val;
        }
        break;
    }
}

static uint8_t rtc_read_data(MC146818RtcState *s)
{
    int addr = s->cmos_index;
    uint8_t val;
    int64_t subsec;

    switch (addr) {
    case RTC_REG_A:
        val = s->cmos_data[RTC_REG_A];
        subsec = rtc_guest_ns(s) % NANOSECONDS_PER_SECOND;
        if (rtc_clock_running(s) &&
            subsec >= NANOSECONDS_PER_SECOND - RTC_UIP_NS) {
            val |= REG_A_UIP;
        }
        break;
    case RTC_REG_C:
        /* Reading C acknowledges every flag. */
        val = s->cmos_data[RTC_REG_C];
        s->cmos_data[RTC_REG_C] = 0;
        rtc_update_irq(s);
        break;
    case RTC_REG_D:
        val = REG_D_VRT;
        break;
    default:
        if (rtc_is_clock_reg(addr) && rtc_clock_running(s)) {
            rtc_latch_time(s);
        }
        val = s->cmos_data[addr];
        break;
    }
    trace_mc146818_cmos_read(addr, val);
    return val;
}

static void rtc_ioport_write(void *opaque, hwaddr addr, uint64_t val,
                             unsigned size)
{
    MC146818RtcState *s = opaque;

    if (addr == 0) {
        s->cmos_index = val & (RTC_CMOS_SIZE - 1);
    } else {
        rtc_write_data(s, val);
    }
}

static uint64_t rtc_ioport_read(void *opaque, hwaddr addr, unsigned size)
{
    MC146818RtcState *s = opaque;

    if (addr == 0) {
        return 0xff;            /* the index port is write-only */
    }
    return rtc_read_data(s);
}

static const MemoryRegionOps rtc_ioport_ops = {
    .read = rtc_ioport_read,
    .write = rtc_ioport_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
    .impl = { .min_access_size = 1, .max_access_size = 1 },
};

void mc146818rtc_set_cmos_data(MC146818RtcState *s, int addr, int val)
{
    assert(addr >= 0 && addr < RTC_CMOS_SIZE);
    s->cmos_data[addr] = val;
}

int mc146818rtc_get_cmos_data(MC146818RtcState *s, int addr)
{
    assert(addr >= 0 && addr < RTC_CMOS_SIZE);
    if (rtc_is_clock_reg(addr) && rtc_clock_running(s)) {
        rtc_latch_time(s);
    }
    return s->cmos_data[addr];
}

/* The "date" property: the RTC's time as a struct tm. */
static QObject *rtc_get_date(Object *obj, const char *name, void *opaque,
                             Error **errp)
{
    MC146818RtcState *s = MC146818_RTC(obj);
    QDict *dict = qdict_new();
    struct tm tm;

    rtc_time_of(s, &tm);
    qdict_put_int(dict, "tm_year", tm.tm_year);
    qdict_put_int(dict, "tm_mon", tm.tm_mon);
    qdict_put_int(dict, "tm_mday", tm.tm_mday);
    qdict_put_int(dict, "tm_hour", tm.tm_hour);
    qdict_put_int(dict, "tm_min", tm.tm_min);
    qdict_put_int(dict, "tm_sec", tm.tm_sec);
    return QOBJECT(dict);
}

/*
 * Reset keeps the time and the CMOS RAM (they are battery backed) but
 * clears the interrupt enables and flags, as the RESET pin does.
 */
static void rtc_reset_hold(Object *obj, ResetType type)
{
    MC146818RtcState *s = MC146818_RTC(obj);

    s->cmos_data[RTC_REG_B] &= ~(REG_B_PIE | REG_B_AIE | REG_B_UIE |
                                 REG_B_SQWE);
    s->cmos_data[RTC_REG_C] = 0;
    rtc_update_irq(s);
    rtc_update_periodic_timer(s);
    rtc_update_second_timer(s);
}

/*
 * The rtc_clock instant of the next update at which the alarm matches,
 * or UINT64_MAX when the alarm registers can never match.
 */
static uint64_t rtc_next_alarm_time(MC146818RtcState *s)
{
    int64_t guest_ns = rtc_guest_ns(s);
    int64_t second = guest_ns / NANOSECONDS_PER_SECOND;
    int64_t k;

    for (k = 1; k <= 24 * 60 * 60; k++) {
        int64_t tod = (second + k) % (24 * 60 * 60);

        if (rtc_alarm_matches(s->cmos_data[RTC_SECONDS_ALARM],
                              rtc_to_reg(s, tod % 60)) &&
            rtc_alarm_matches(s->cmos_data[RTC_MINUTES_ALARM],
                              rtc_to_reg(s, tod / 60 % 60)) &&
            rtc_alarm_matches(s->cmos_data[RTC_HOURS_ALARM],
                              rtc_hours_to_reg(s, tod / 3600))) {
            return rtc_now() + (second + k) * NANOSECONDS_PER_SECOND -
                   guest_ns;
        }
    }
    return UINT64_MAX;
}

/* Express our state in QEMU's fields. */
static int rtc_pre_save(void *opaque)
{
    MC146818RtcState *s = opaque;
    int64_t guest_ns;

    if (rtc_clock_running(s)) {
        rtc_latch_time(s);
    }
    s->last_update = rtc_now();
    guest_ns = s->last_update + s->offset_ns;
    s->base_rtc = guest_ns / NANOSECONDS_PER_SECOND;
    s->offset = guest_ns % NANOSECONDS_PER_SECOND;
    s->next_periodic_time = timer_expire_time_ns(s->periodic_timer);
    s->period = (s->cmos_data[RTC_REG_B] & REG_B_PIE) ?
                rtc_periodic_cycles(s) : 0;
    s->next_alarm_time = rtc_next_alarm_time(s);
    return 0;
}

/*
 * Check the index and the time, then derive the rest: the clock offset,
 * IRQF from the flags and enables, and both timers from the registers
 * (no interrupt line changes: the line's state travels with its sink).
 */
static bool rtc_post_load(void *opaque, int version_id, Error **errp)
{
    MC146818RtcState *s = opaque;
    uint8_t enabled;

    if (s->cmos_index >= RTC_CMOS_SIZE) {
        error_setg(errp, "cmos_index %u is not below %d", s->cmos_index,
                   RTC_CMOS_SIZE);
        s->cmos_index &= RTC_CMOS_SIZE - 1;
        return false;
    }
    if (version_id >= 3) {
        if (s->base_rtc > INT64_MAX / NANOSECONDS_PER_SECOND - 1) {
            error_setg(errp, "base_rtc %" PRIu64 " is out of range",
                       s->base_rtc);
            return false;
        }
        if (s->offset < 0 || s->offset >= NANOSECONDS_PER_SECOND) {
            error_setg(errp, "offset %" PRId64 " is not within a second",
                       s->offset);
            return false;
        }
        if (s->last_update > INT64_MAX) {
            error_setg(errp, "last_update %" PRIu64 " is out of range",
                       s->last_update);
            return false;
        }
        s->offset_ns = (int64_t)s->base_rtc * NANOSECONDS_PER_SECOND +
                       s->offset - (int64_t)s->last_update;
    } else {
        rtc_set_time_from_regs(s);
    }
    /* QEMU keeps a latched UIP in register A; ours is computed. */
    s->cmos_data[RTC_REG_A] &= ~REG_A_UIP;
    enabled = s->cmos_data[RTC_REG_B] & (REG_B_PIE | REG_B_AIE | REG_B_UIE);
    if (s->cmos_data[RTC_REG_C] & enabled) {
        s->cmos_data[RTC_REG_C] |= REG_C_IRQF;
    } else {
        s->cmos_data[RTC_REG_C] &= ~REG_C_IRQF;
    }
    rtc_update_periodic_timer(s);
    rtc_update_second_timer(s);
    return true;
}

static bool rtc_irq_reinject_on_ack_count_needed(void *opaque)
{
    MC146818RtcState *s = opaque;

    return s->irq_reinject_on_ack_count != 0;
}

static const VMStateDescription vmstate_rtc_irq_reinject_on_ack_count = {
    .name = "mc146818rtc/irq_reinject_on_ack_count",
    .version_id = 1,
    .minimum_version_id = 1,
    .needed = rtc_irq_reinject_on_ack_count_needed,
    .fields = (const VMStateField[]) {
        VMSTATE_UINT16(irq_reinject_on_ack_count, MC146818RtcState),
        VMSTATE_END_OF_LIST()
    },
};

static const VMStateDescription vmstate_rtc = {
    .name = "mc146818rtc",
    .version_id = 3,
    .minimum_version_id = 1,
    .pre_save = rtc_pre_save,
    .post_load_errp = rtc_post_load,
    .fields = (const VMStateField[]) {
        VMSTATE_BUFFER(cmos_data, MC146818RtcState),
        VMSTATE_UINT8(cmos_index, MC146818RtcState),
        VMSTATE_UNUSED(7 * 4),
        VMSTATE_TIMER_PTR(periodic_timer, MC146818RtcState),
        VMSTATE_INT64(next_periodic_time, MC146818RtcState),
        VMSTATE_UNUSED(3 * 8),
        VMSTATE_UINT32_V(irq_coalesced, MC146818RtcState, 2),
        VMSTATE_UINT32_V(period, MC146818RtcState, 2),
        VMSTATE_UINT64_V(base_rtc, MC146818RtcState, 3),
        VMSTATE_UINT64_V(last_update, MC146818RtcState, 3),
        VMSTATE_INT64_V(offset, MC146818RtcState, 3),
        VMSTATE_TIMER_PTR_V(update_timer, MC146818RtcState, 3),
        VMSTATE_UINT64_V(next_alarm_time, MC146818RtcState, 3),
        VMSTATE_END_OF_LIST()
    },
    .subsections = (const VMStateDescription * const []) {
        &vmstate_rtc_irq_reinject_on_ack_count,
        NULL
    },
};

static const Property rtc_properties[] = {
    DEFINE_PROP_INT32("base_year", MC146818RtcState, base_year, 1980),
    DEFINE_PROP_UINT32("iobase", MC146818RtcState, iobase, RTC_ISA_BASE),
    DEFINE_PROP_UINT8("irq", MC146818RtcState, isairq, RTC_ISA_IRQ),
};

static void rtc_realize(DeviceState *dev, Error **errp)
{
    MC146818RtcState *s = MC146818_RTC(dev);

    if (s->iobase > 0xfffe) {
        error_setg(errp, "mc146818rtc: invalid 'iobase' 0x%" PRIx32,
                   s->iobase);
        return;
    }
    memory_region_init_io(&s->io, OBJECT(s), &rtc_ioport_ops, s, "rtc", 2);
    isa_register_ioport(ISA_DEVICE(dev), &s->io, s->iobase);
    s->periodic_timer = timer_new_ns(rtc_clock, rtc_periodic_expire, s);
    s->update_timer = timer_new_ns(rtc_clock, rtc_update_expire, s);
    qdev_init_gpio_out(dev, &s->irq, 1);

    /* Power-on: the host's UTC time, 32.768 kHz base at 1024 Hz, 24h. */
    s->cmos_data[RTC_REG_A] = REG_A_DV_32KHZ | 0x06;
    s->cmos_data[RTC_REG_B] = REG_B_24H;
    s->cmos_data[RTC_REG_C] = 0;
    s->cmos_data[RTC_REG_D] = REG_D_VRT;
    s->offset_ns = g_get_real_time() * 1000 - rtc_now();
    rtc_latch_time(s);
}

static void rtc_instance_init(Object *obj)
{
    object_property_add(obj, "date", "struct tm", rtc_get_date, NULL, NULL,
                        NULL);
}

static void rtc_class_init(ObjectClass *klass, const void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);

    dc->realize = rtc_realize;
    dc->vmsd = &vmstate_rtc;
    RESETTABLE_CLASS(klass)->phases.hold = rtc_reset_hold;
    device_class_set_props(dc, rtc_properties);
}

MC146818RtcState *mc146818_rtc_init(ISABus *bus, int base_year,
                                    qemu_irq intercept_irq)
{
    ISADevice *isadev = isa_new(TYPE_MC146818_RTC);
    DeviceState *dev = DEVICE(isadev);
    MC146818RtcState *s = MC146818_RTC(isadev);

    qdev_prop_set_int32(dev, "base_year", base_year);
    isa_realize_and_unref(isadev, bus, &error_fatal);
    if (intercept_irq) {
        qdev_connect_gpio_out(dev, 0, intercept_irq);
    } else {
        isa_connect_gpio_out(isadev, 0, s->isairq);
    }
    object_property_add_alias(qdev_get_machine(), "rtc-time", OBJECT(s),
                              "date");
    return s;
}

static const TypeInfo rtc_types[] = {
    {
        .name          = TYPE_MC146818_RTC,
        .parent        = TYPE_ISA_DEVICE,
        .instance_size = sizeof(MC146818RtcState),
        .instance_init = rtc_instance_init,
        .class_init    = rtc_class_init,
    },
};
DEFINE_TYPES(rtc_types)
