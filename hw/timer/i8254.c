/*
 * Intel 8254 programmable interval timer, after Intel's 8254 datasheet
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * Three 16-bit down-counters clocked at 1.193182 MHz of virtual time,
 * modes 0-5, binary or BCD counting, counter latch and read-back
 * commands.  Channel 0 drives the PC's IRQ 0; channel 2's gate and
 * output belong to the speaker port (0x61, on the board).
 * OUT follows the datasheet in every mode: low for the last clock of a
 * mode 2 period, low for one clock at the end of a mode 4 or 5 count
 * (QEMU's model shows those strobes inverted; in mode 2 the rising
 * edges, which interrupt, come at the same instants either way).
 * Not modelled: a low GATE pausing modes 0 and 4 (they keep counting);
 * a count written in modes 2 and 3 takes effect at once, not at the
 * end of the current period.
 * Migration: VMState "i8254" v3 (v2 streams load) in QEMU's layout,
 * converted from and to this model; see pit_pre_save.
 * Interface: I/O ports iobase..iobase+3; GPIO out 0 = channel 0 OUT;
 * GPIO in 0 = channel 0 IRQ enable (the HPET's LegacyReplacement).
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "qemu/log.h"
#include "qemu/timer.h"
#include "hw/core/irq.h"
#include "hw/core/qdev-properties.h"
#include "hw/timer/i8254.h"
#include "migration/vmstate.h"
#include "trace.h"

#define PIT_CHANNELS 3

/* Control word (port 3) fields. */
#define PIT_CW_SC_SHIFT 6
#define PIT_CW_RW_SHIFT 4
#define PIT_CW_MODE_SHIFT 1
#define PIT_CW_BCD 0x01
#define PIT_SC_READ_BACK 3
#define PIT_RB_NO_COUNT 0x20    /* read-back: 0 latches the counts */
#define PIT_RB_NO_STATUS 0x10   /* read-back: 0 latches the status */

/* Access modes (RW field). */
#define PIT_RW_LATCH 0
#define PIT_RW_LSB 1
#define PIT_RW_MSB 2
#define PIT_RW_WORD 3

/* QEMU's byte-sequencing states (read_state, write_state, count_latched). */
#define PIT_RW_STATE_LSB 1
#define PIT_RW_STATE_MSB 2
#define PIT_RW_STATE_WORD0 3      /* word access, LSB next */
#define PIT_RW_STATE_WORD1 4      /* word access, MSB next */

/* Status byte (read-back). */
#define PIT_STATUS_OUT 0x80
#define PIT_STATUS_NULL_COUNT 0x40

OBJECT_DECLARE_SIMPLE_TYPE(PITCommonState, PIT_COMMON)

typedef struct PITChannel {
    uint8_t mode;               /* 0-5 */
    uint8_t rw;                 /* PIT_RW_LSB, _MSB or _WORD; 0 at reset */
    bool bcd;
    bool gate;
    bool counting;              /* the counting element runs */
    bool null_count;            /* control word written, count not yet */
    uint32_t reload;            /* initial count: 1..0x10000 (10000 BCD) */
    int64_t load_time;          /* virtual ns when counting (re)started */

    bool write_msb_next;        /* word access: LSB written, MSB due */
    uint8_t write_lsb;
    bool read_msb_next;         /* word access to the live count */

    uint8_t latched_bytes;      /* bytes of latched_count still to read */
    bool latched_msb_next;
    uint16_t latched_count;
    bool status_latched;
    uint8_t status;
} PITChannel;

/* A channel as QEMU migrates it ("pit channel"). */
typedef struct PITChannelMig {
    int32_t count;              /* initial count, 1..0x10000 */
    uint16_t latched_count;
    uint8_t count_latched;      /* PIT_RW_STATE_* of the latch, 0: none */
    uint8_t status_latched;
    uint8_t status;
    uint8_t read_state;         /* PIT_RW_STATE_* */
    uint8_t write_state;
    uint8_t write_latch;        /* LSB of a word being written */
    uint8_t rw_mode;            /* PIT_RW_* */
    uint8_t mode;               /* 0-7: 6 and 7 alias 2 and 3 */
    uint8_t bcd;
    uint8_t gate;
    int64_t count_load_time;    /* virtual ns of the last (re)load */
    int64_t next_transition_time;   /* channel 0: next OUT edge, or -1 */
} PITChannelMig;

struct PITCommonState {
    ISADevice parent_obj;

    MemoryRegion ioports;
    qemu_irq irq;               /* channel 0 OUT */
    QEMUTimer *irq_timer;       /* next channel 0 OUT transition */
    bool irq_disabled;          /* silenced by the HPET */
    uint32_t iobase;
    PITChannel channels[PIT_CHANNELS];

    /* QEMU's layout, filled by pit_pre_save and read by pit_post_load. */
    PITChannelMig mig[PIT_CHANNELS];
    uint32_t mig_irq_disabled;
};

static uint16_t pit_to_bcd(uint32_t val)
{
    return (val % 10) | (val / 10 % 10) << 4 | (val / 100 % 10) << 8 |
           (val / 1000 % 10) << 12;
}

static uint32_t pit_from_bcd(uint16_t val)
{
    return (val & 0xf) + (val >> 4 & 0xf) * 10 + (val >> 8 & 0xf) * 100 +
           (val >> 12 & 0xf) * 1000;
}

/* Input clock periods since counting started. */
static uint64_t pit_ticks(PITChannel *ch, int64_t now)
{
    return muldiv64(now - ch->load_time, PIT_FREQ, NANOSECONDS_PER_SECOND);
}

/* The first virtual time at which pit_ticks() reaches @ticks. */
static int64_t pit_ticks_to_time(PITChannel *ch, uint64_t ticks)
{
    uint64_t ns = muldiv64(ticks, NANOSECONDS_PER_SECOND, PIT_FREQ);

    if (muldiv64(ns, PIT_FREQ, NANOSECONDS_PER_SECOND) < ticks) {
        ns++;
    }
    return ch->load_time + ns;
}

/*
 * The OUT pin @d clock periods into counting.  Modes 2 and 3 need a
 * count of at least 2 (the datasheet forbids 1); with 1 OUT stays high.
 */
static bool pit_out_at(PITChannel *ch, uint64_t d)
{
    uint32_t n = ch->reload;

    if (!ch->counting) {
        return ch->mode != 0;
    }
    switch (ch->mode) {
    case 0:
    case 1:
        return d >= n;
    case 2:
        return n < 2 || d % n != n - 1;
    case 3:
        return d % n < (n + 1) / 2;
    default:
        return d != n;
    }
}

/* The next clock period after @d at which OUT changes, or 0 for never. */
static uint64_t pit_next_edge(PITChannel *ch, uint64_t d)
{
    uint32_t n = ch->reload;
    uint64_t base;

    if (!ch->counting) {
        return 0;
    }
    switch (ch->mode) {
    case 0:
    case 1:
        return d < n ? n : 0;
    case 2:
        if (n < 2) {
            return 0;
        }
        base = d - d % n;
        return d % n < n - 1 ? base + n - 1 : base + n;
    case 3:
        if (n < 2) {
            return 0;
        }
        base = d - d % n;
        return d % n < (n + 1) / 2 ? base + (n + 1) / 2 : base + n;
    default:
        if (d < n) {
            return n;
        }
        return d == n ? n + 1 : 0;
    }
}

/* The counting element @d clock periods into counting. */
static uint16_t pit_count_at(PITChannel *ch, uint64_t d)
{
    uint32_t n = ch->reload;
    uint32_t modulus = ch->bcd ? 10000 : 0x10000;
    uint32_t val;
    uint64_t r;

    if (!ch->counting) {
        val = n % modulus;
    } else if (ch->mode == 2) {
        val = n - d % n;
    } else if (ch->mode == 3) {
        /* Counts down by two, once through each half of the period. */
        r = d % n;
        if (r >= (n + 1) / 2) {
            r -= (n + 1) / 2;
        }
        val = (n - 2 * r) & 0xfffe;
    } else {
        val = (n + modulus - d % modulus) % modulus;
    }
    val %= modulus;
    return ch->bcd ? pit_to_bcd(val) : val;
}

static bool pit_out_now(PITChannel *ch, int64_t now)
{
    return pit_out_at(ch, pit_ticks(ch, now));
}

/* Arm the timer for channel 0's next OUT change at @d clock periods. */
static void pit_rearm_irq_timer(PITCommonState *s, uint64_t d)
{
    PITChannel *ch = &s->channels[0];
    uint64_t next = pit_next_edge(ch, d);

    if (next && !s->irq_disabled) {
        timer_mod(s->irq_timer, pit_ticks_to_time(ch, next));
    } else {
        timer_del(s->irq_timer);
    }
}

/*
 * Drive IRQ 0 from channel 0's OUT and arm the timer for its next
 * change.  The only place that touches the output line.
 */
static void pit_update_irq(PITCommonState *s)
{
    PITChannel *ch = &s->channels[0];
    uint64_t d = pit_ticks(ch, qemu_clock_get_ns(QEMU_CLOCK_VIRTUAL));
    bool level;

    if (s->irq_disabled) {
        timer_del(s->irq_timer);
        return;
    }
    level = pit_out_at(ch, d);
    trace_pit_irq(level);
    qemu_set_irq(s->irq, level);
    pit_rearm_irq_timer(s, d);
}

static void pit_irq_timer_expire(void *opaque)
{
    pit_update_irq(opaque);
}

static void pit_channel_changed(PITCommonState *s, PITChannel *ch)
{
    if (ch == &s->channels[0]) {
        pit_update_irq(s);
    }
}

/* Counting (re)starts now, if this mode runs on the current gate. */
static void pit_start_counting(PITChannel *ch, bool gate_edge)
{
    bool triggered_mode = ch->mode == 1 || ch->mode == 5;

    if (ch->null_count) {
        return;
    }
    if (triggered_mode && !gate_edge) {
        ch->counting = false;
        return;
    }
    ch->counting = (ch->mode != 2 && ch->mode != 3) || ch->gate;
    ch->load_time = qemu_clock_get_ns(QEMU_CLOCK_VIRTUAL);
}

static void pit_load_count(PITCommonState *s, PITChannel *ch, uint16_t val)
{
    uint32_t n = ch->bcd ? pit_from_bcd(val) : val;

    if (n == 0) {
        n = ch->bcd ? 10000 : 0x10000;
    }
    trace_pit_load_count(ch - s->channels, n);
    ch->reload = n;
    ch->null_count = false;
    pit_start_counting(ch, false);
    pit_channel_changed(s, ch);
}

static void pit_latch_count(PITChannel *ch, int64_t now)
{
    if (ch->latched_bytes) {
        return;
    }
    ch->latched_count = pit_count_at(ch, pit_ticks(ch, now));
    ch->latched_bytes = ch->rw == PIT_RW_WORD ? 2 : 1;
    ch->latched_msb_next = ch->rw == PIT_RW_MSB;
}

static void pit_latch_status(PITChannel *ch, int64_t now)
{
    if (ch->status_latched) {
        return;
    }
    ch->status = (pit_out_now(ch, now) ? PIT_STATUS_OUT : 0) |
                 (ch->null_count ? PIT_STATUS_NULL_COUNT : 0) |
                 ch->rw << PIT_CW_RW_SHIFT | ch->mode << PIT_CW_MODE_SHIFT |
                 (ch->bcd ? PIT_CW_BCD : 0);
    ch->status_latched = true;
}

static void pit_write_control(PITCommonState *s, uint8_t val)
{
    int64_t now = qemu_clock_get_ns(QEMU_CLOCK_VIRTUAL);
    unsigned sc = val >> PIT_CW_SC_SHIFT;
    unsigned rw = (val >> PIT_CW_RW_SHIFT) & 3;
    PITChannel *ch;
    int i;

    if (sc == PIT_SC_READ_BACK) {
        for (i = 0; i < PIT_CHANNELS; i++) {
            if (!(val & (2 << i))) {
                continue;
            }
            if (!(val & PIT_RB_NO_COUNT)) {
                pit_latch_count(&s->channels[i], now);
            }
            if (!(val & PIT_RB_NO_STATUS)) {
                pit_latch_status(&s->channels[i], now);
            }
        }
        return;
    }
    ch = &s->channels[sc];
    if (rw == PIT_RW_LATCH) {
        pit_latch_count(ch, now);
        return;
    }
    ch->rw = rw;
    ch->mode = (val >> PIT_CW_MODE_SHIFT) & 7;
    if (ch->mode > 5) {
        ch->mode -= 4;          /* 6 and 7 are aliases of 2 and 3 */
    }
    ch->bcd = val & PIT_CW_BCD;
    ch->write_msb_next = false;
    ch->read_msb_next = false;
    ch->null_count = true;
    ch->counting = false;
    trace_pit_control(sc, ch->mode, rw, ch->bcd);
    pit_channel_changed(s, ch);
}

static void pit_write_count(PITCommonState *s, PITChannel *ch, uint8_t val)
{
    switch (ch->rw) {
    case PIT_RW_LSB:
        pit_load_count(s, ch, val);
        break;
    case PIT_RW_MSB:
        pit_load_count(s, ch, val << 8);
        break;
    default:
        if (!ch->write_msb_next) {
            ch->write_lsb = val;
            ch->write_msb_next = true;
            /* Mode 0 stops counting when the first byte arrives. */
            if (ch->mode == 0) {
                ch->counting = false;
                pit_channel_changed(s, ch);
            }
        } else {
            ch->write_msb_next = false;
            pit_load_count(s, ch, ch->write_lsb | val << 8);
        }
        break;
    }
}

static void pit_ioport_write(void *opaque, hwaddr addr, uint64_t val,
                             unsigned size)
{
    PITCommonState *s = opaque;

    trace_pit_ioport_write(addr, val);
    if (addr == 3) {
        pit_write_control(s, val);
    } else {
        pit_write_count(s, &s->channels[addr], val);
    }
}

/* One byte of a 16-bit value, as the access mode asks. */
static uint8_t pit_read_byte(uint8_t rw, bool *msb_next, uint16_t val)
{
    bool msb = rw == PIT_RW_MSB || (rw == PIT_RW_WORD && *msb_next);

    if (rw == PIT_RW_WORD) {
        *msb_next = !*msb_next;
    }
    return msb ? val >> 8 : val & 0xff;
}

static uint64_t pit_ioport_read(void *opaque, hwaddr addr, unsigned size)
{
    PITCommonState *s = opaque;
    int64_t now = qemu_clock_get_ns(QEMU_CLOCK_VIRTUAL);
    PITChannel *ch;
    uint8_t val;

    if (addr == 3) {
        qemu_log_mask(LOG_GUEST_ERROR, "%s: the control word is write-only\n",
                      __func__);
        return 0;
    }
    ch = &s->channels[addr];
    if (ch->status_latched) {
        ch->status_latched = false;
        val = ch->status;
    } else if (ch->latched_bytes) {
        val = pit_read_byte(ch->rw, &ch->latched_msb_next,
                            ch->latched_count);
        ch->latched_bytes--;
    } else {
        val = pit_read_byte(ch->rw, &ch->read_msb_next,
                            pit_count_at(ch, pit_ticks(ch, now)));
    }
    trace_pit_ioport_read(addr, val);
    return val;
}

static const MemoryRegionOps pit_ioport_ops = {
    .read = pit_ioport_read,
    .write = pit_ioport_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
    .impl = { .min_access_size = 1, .max_access_size = 1 },
};

void pit_set_gate(ISADevice *dev, int channel, int val)
{
    PITCommonState *s = PIT_COMMON(dev);
    PITChannel *ch = &s->channels[channel];
    bool rising = val && !ch->gate;

    ch->gate = val;
    if (rising) {
        /* Modes 1 and 5 trigger, modes 2 and 3 reload, on a rising edge. */
        if (ch->mode != 0 && ch->mode != 4) {
            pit_start_counting(ch, true);
        }
    } else if (!val && (ch->mode == 2 || ch->mode == 3)) {
        ch->counting = false;
    }
    pit_channel_changed(s, ch);
}

void pit_get_channel_info(ISADevice *dev, int channel, PITChannelInfo *info)
{
    PITCommonState *s = PIT_COMMON(dev);
    PITChannel *ch = &s->channels[channel];

    info->gate = ch->gate;
    info->mode = ch->mode;
    info->initial_count = ch->reload;
    info->out = pit_out_now(ch, qemu_clock_get_ns(QEMU_CLOCK_VIRTUAL));
}

/* GPIO in 0: the HPET's "PIT enable" output gates channel 0's IRQ. */
static void pit_irq_control(void *opaque, int n, int enable)
{
    PITCommonState *s = opaque;

    s->irq_disabled = !enable;
    pit_update_irq(s);
}

/* As the BIOS expects: every channel in mode 3 with a count of 65536. */
static void pit_reset_hold(Object *obj, ResetType type)
{
    PITCommonState *s = PIT_COMMON(obj);
    int i;

    for (i = 0; i < PIT_CHANNELS; i++) {
        PITChannel *ch = &s->channels[i];

        memset(ch, 0, sizeof(*ch));
        ch->mode = 3;
        ch->gate = i != 2;
        ch->reload = 0x10000;
        pit_start_counting(ch, false);
    }
    pit_update_irq(s);
}

/* QEMU's sequencing state for a byte-wise access of mode @rw. */
static uint8_t pit_rw_state(uint8_t rw, bool msb_next)
{
    if (rw == PIT_RW_WORD) {
        return msb_next ? PIT_RW_STATE_WORD1 : PIT_RW_STATE_WORD0;
    }
    return rw;
}

/*
 * QEMU's channel has no "not counting" state: it counts from
 * count_load_time whatever the gate.  A mode 1 or 5 channel still
 * waiting for its trigger is sent as one whose count ran out a clock
 * ago, which gives the same (high) OUT.  A pending null count is sent
 * as the old count carrying on, as QEMU itself would have it.
 */
static void pit_channel_pre_save(PITChannel *ch, PITChannelMig *m,
                                 int64_t now)
{
    bool latched_msb;

    m->count = ch->reload;
    m->latched_count = ch->latched_count;
    latched_msb = ch->rw == PIT_RW_MSB ||
                  (ch->rw == PIT_RW_WORD && ch->latched_msb_next);
    if (ch->latched_bytes == 0) {
        m->count_latched = 0;
    } else if (ch->latched_bytes == 2) {
        m->count_latched = PIT_RW_STATE_WORD0;
    } else {
        m->count_latched = latched_msb ? PIT_RW_STATE_MSB : PIT_RW_STATE_LSB;
    }
    m->status_latched = ch->status_latched;
    m->status = ch->status;
    m->read_state = pit_rw_state(ch->rw, ch->read_msb_next);
    m->write_state = pit_rw_state(ch->rw, ch->write_msb_next);
    m->write_latch = ch->write_lsb;
    m->rw_mode = ch->rw;
    m->mode = ch->mode;
    m->bcd = ch->bcd;
    m->gate = ch->gate;
    m->count_load_time = ch->load_time;
    if (!ch->counting && !ch->null_count &&
        (ch->mode == 1 || ch->mode == 5)) {
        m->count_load_time = now - muldiv64(ch->reload + 1,
                                            NANOSECONDS_PER_SECOND,
                                            PIT_FREQ) - 1;
    }
    m->next_transition_time = 0;
}

static int pit_pre_save(void *opaque)
{
    PITCommonState *s = opaque;
    int64_t now = qemu_clock_get_ns(QEMU_CLOCK_VIRTUAL);
    int i;

    for (i = 0; i < PIT_CHANNELS; i++) {
        pit_channel_pre_save(&s->channels[i], &s->mig[i], now);
    }
    s->mig[0].next_transition_time = timer_expire_time_ns(s->irq_timer);
    s->mig_irq_disabled = s->irq_disabled;
    return 0;
}

/* Every value a channel record holds must be one a PIT can be in. */
static bool pit_channel_check(PITChannelMig *m, int i, int64_t now,
                              Error **errp)
{
    if (m->mode > 7) {
        error_setg(errp, "channels[%d].mode %u is out of range (0-5, or "
                   "6-7 as aliases)", i, m->mode);
        return false;
    }
    if (m->rw_mode > PIT_RW_WORD) {
        error_setg(errp, "channels[%d].rw_mode %u is out of range (0-3)", i,
                   m->rw_mode);
        return false;
    }
    if (m->read_state > PIT_RW_STATE_WORD1 ||
        m->write_state > PIT_RW_STATE_WORD1 ||
        m->count_latched > PIT_RW_STATE_WORD1) {
        error_setg(errp, "channels[%d]: read_state %u, write_state %u or "
                   "count_latched %u is out of range (0-4)", i,
                   m->read_state, m->write_state, m->count_latched);
        return false;
    }
    if (m->count < 1 || m->count > 0x10000) {
        error_setg(errp, "channels[%d].count %" PRId32 " is out of range "
                   "(1-65536)", i, m->count);
        return false;
    }
    if (m->count_load_time > now) {
        error_setg(errp, "channels[%d].count_load_time %" PRId64 " is after "
                   "the current time %" PRId64, i, m->count_load_time, now);
        return false;
    }
    return true;
}

static void pit_channel_post_load(PITChannel *ch, PITChannelMig *m)
{
    ch->mode = m->mode > 5 ? m->mode - 4 : m->mode;
    ch->rw = m->rw_mode;
    ch->bcd = m->bcd;
    ch->gate = m->gate;
    ch->reload = m->count;
    ch->load_time = m->count_load_time;
    ch->null_count = false;
    ch->counting = (ch->mode != 2 && ch->mode != 3) || ch->gate;
    ch->write_msb_next = m->write_state == PIT_RW_STATE_WORD1;
    ch->write_lsb = m->write_latch;
    ch->read_msb_next = m->read_state == PIT_RW_STATE_WORD1;
    ch->latched_count = m->latched_count;
    switch (m->count_latched) {
    case 0:
        ch->latched_bytes = 0;
        ch->latched_msb_next = false;
        break;
    case PIT_RW_STATE_WORD0:
        ch->latched_bytes = 2;
        ch->latched_msb_next = false;
        break;
    default:
        ch->latched_bytes = 1;
        ch->latched_msb_next = m->count_latched != PIT_RW_STATE_LSB;
        break;
    }
    ch->status_latched = m->status_latched;
    ch->status = m->status;
}

/*
 * All three records are checked before any reaches the model, so a
 * refused stream leaves the PIT as it was.  Channel 0's timer follows
 * from the model, not from QEMU's next_transition_time.
 */
static bool pit_post_load(void *opaque, int version_id, Error **errp)
{
    PITCommonState *s = opaque;
    int64_t now = qemu_clock_get_ns(QEMU_CLOCK_VIRTUAL);
    int i;

    for (i = 0; i < PIT_CHANNELS; i++) {
        if (!pit_channel_check(&s->mig[i], i, now, errp)) {
            return false;
        }
    }
    for (i = 0; i < PIT_CHANNELS; i++) {
        pit_channel_post_load(&s->channels[i], &s->mig[i]);
    }
    if (version_id >= 3) {
        s->irq_disabled = s->mig_irq_disabled != 0;
    }
    pit_rearm_irq_timer(s, pit_ticks(&s->channels[0], now));
    return true;
}

static const VMStateDescription vmstate_pit_channel = {
    .name = "pit channel",
    .version_id = 2,
    .minimum_version_id = 2,
    .fields = (const VMStateField[]) {
        VMSTATE_INT32(count, PITChannelMig),
        VMSTATE_UINT16(latched_count, PITChannelMig),
        VMSTATE_UINT8(count_latched, PITChannelMig),
        VMSTATE_UINT8(status_latched, PITChannelMig),
        VMSTATE_UINT8(status, PITChannelMig),
        VMSTATE_UINT8(read_state, PITChannelMig),
        VMSTATE_UINT8(write_state, PITChannelMig),
        VMSTATE_UINT8(write_latch, PITChannelMig),
        VMSTATE_UINT8(rw_mode, PITChannelMig),
        VMSTATE_UINT8(mode, PITChannelMig),
        VMSTATE_UINT8(bcd, PITChannelMig),
        VMSTATE_UINT8(gate, PITChannelMig),
        VMSTATE_INT64(count_load_time, PITChannelMig),
        VMSTATE_INT64(next_transition_time, PITChannelMig),
        VMSTATE_END_OF_LIST()
    },
};

/*
 * QEMU names these fields by their path in its own state, where the
 * IRQ state belongs to channel 0 and the last field repeats channel 0's
 * next_transition_time (it used to be the timer): spelled out here.
 */
static const VMStateDescription vmstate_pit = {
    .name = "i8254",
    .version_id = 3,
    .minimum_version_id = 2,
    .pre_save = pit_pre_save,
    .post_load_errp = pit_post_load,
    .fields = (const VMStateField[]) {
        {
            .name = "channels[0].irq_disabled",
            .version_id = 3,
            .size = sizeof(uint32_t),
            .info = &vmstate_info_uint32,
            .flags = VMS_SINGLE,
            .offset = vmstate_offset_value(PITCommonState, mig_irq_disabled,
                                           uint32_t),
        },
        {
            .name = "channels",
            .version_id = 2,
            .num = PIT_CHANNELS,
            .vmsd = &vmstate_pit_channel,
            .size = sizeof(PITChannelMig),
            .flags = VMS_STRUCT | VMS_ARRAY,
            .offset = vmstate_offset_array(PITCommonState, mig,
                                           PITChannelMig, PIT_CHANNELS),
        },
        {
            .name = "channels[0].next_transition_time",
            .size = sizeof(int64_t),
            .info = &vmstate_info_int64,
            .flags = VMS_SINGLE,
            .offset = vmstate_offset_value(PITCommonState,
                                           mig[0].next_transition_time,
                                           int64_t),
        },
        VMSTATE_END_OF_LIST()
    },
};

static const Property pit_properties[] = {
    DEFINE_PROP_UINT32("iobase", PITCommonState, iobase, -1),
};

static void pit_realize(DeviceState *dev, Error **errp)
{
    PITCommonState *s = PIT_COMMON(dev);

    if (s->iobase > 0xfffc) {
        error_setg(errp, "isa-pit: property 'iobase' must be set");
        return;
    }
    memory_region_init_io(&s->ioports, OBJECT(s), &pit_ioport_ops, s, "pit",
                          4);
    isa_register_ioport(ISA_DEVICE(dev), &s->ioports, s->iobase);
    s->irq_timer = timer_new_ns(QEMU_CLOCK_VIRTUAL, pit_irq_timer_expire, s);
    qdev_init_gpio_out(dev, &s->irq, 1);
    qdev_init_gpio_in(dev, pit_irq_control, 1);
}

static void pit_common_class_init(ObjectClass *klass, const void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);

    RESETTABLE_CLASS(klass)->phases.hold = pit_reset_hold;
    device_class_set_props(dc, pit_properties);
    dc->vmsd = &vmstate_pit;
}

static void pit_class_init(ObjectClass *klass, const void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);

    dc->realize = pit_realize;
}

static const TypeInfo pit_types[] = {
    {
        .name          = TYPE_PIT_COMMON,
        .parent        = TYPE_ISA_DEVICE,
        .instance_size = sizeof(PITCommonState),
        .class_init    = pit_common_class_init,
        .abstract      = true,
    },
    {
        .name          = TYPE_I8254,
        .parent        = TYPE_PIT_COMMON,
        .class_init    = pit_class_init,
    },
};
DEFINE_TYPES(pit_types)
