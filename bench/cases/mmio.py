# SPDX-License-Identifier: GPL-2.0-or-later
# Copyright (c) 2026 The project contributors
"""MMIO dispatch through the qtest socket."""
import time

from harness import Metric, bench_case

PL011_BASE = 0x09000000
PL011_DR = PL011_BASE + 0x00
PL011_FR = PL011_BASE + 0x18
PL011_CR = PL011_BASE + 0x30
PL011_CR_ENABLE = 0x301            # UARTEN | TXE | RXE
HPET_COUNTER = 0xfed000f0


def timed_repeat(ctx, emu, line):
    """Operations per second of the qtest command line, repeated."""
    count = ctx.options.ops
    reply = emu.qtest(line)
    if not reply.startswith('OK'):
        raise RuntimeError('%s -> %s' % (line, reply))
    t0 = time.perf_counter()
    emu.qtest_repeat(line, count, ctx.options.window)
    return count / (time.perf_counter() - t0)


@bench_case('mmio-pl011-read', 'qtest readl of PL011 FR', ('aarch64',), [
    Metric('ops', 'readl 0x%08x' % PL011_FR, 'rate', 'higher'),
])
def mmio_pl011_read(ctx):
    emu = ctx.start('-m', '128', '-serial', 'null')
    ctx.require_type(emu, 'pl011')
    ops = timed_repeat(ctx, emu, 'readl 0x%x' % PL011_FR)
    emu.quit()
    return {'ops': ops}


@bench_case('mmio-pl011-write', 'qtest writel of PL011 DR, -serial null',
            ('aarch64',), [
    Metric('ops', 'writel 0x%08x' % PL011_DR, 'rate', 'higher'),
])
def mmio_pl011_write(ctx):
    """Enable the UART and its transmitter first so every write reaches
    the (null) character back end."""
    emu = ctx.start('-m', '128', '-serial', 'null')
    ctx.require_type(emu, 'pl011')
    emu.qtest('writel 0x%x 0x%x' % (PL011_CR, PL011_CR_ENABLE))
    ops = timed_repeat(ctx, emu, 'writel 0x%x 0x41' % PL011_DR)
    emu.quit()
    return {'ops': ops}


@bench_case('mmio-hpet-read', 'qtest readl of the HPET main counter',
            ('x86_64',), [
    Metric('ops', 'readl 0x%08x' % HPET_COUNTER, 'rate', 'higher'),
])
def mmio_hpet_read(ctx):
    emu = ctx.start('-m', '128', '-serial', 'null')
    ctx.require_type(emu, 'hpet')
    ops = timed_repeat(ctx, emu, 'readl 0x%x' % HPET_COUNTER)
    emu.quit()
    return {'ops': ops}
