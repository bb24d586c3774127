# SPDX-License-Identifier: GPL-2.0-or-later
# Copyright (c) 2026 The project contributors
"""Start-up time and resident memory."""
from harness import Metric, bench_case


@bench_case('startup', 'Start-up, -m 128', ('aarch64', 'x86_64'), [
    Metric('greeting', 'exec to QMP greeting', 'time'),
    Metric('ready', 'exec to first QMP reply', 'time'),
    Metric('exit', 'exec to exit after quit', 'time'),
])
def startup(ctx):
    """Spawn, read the greeting, negotiate, quit at once, reap.

    QEMU writes the greeting before it builds the board, so the reply to
    qmp_capabilities (sent from the main loop) is the "ready" point.
    """
    emu = ctx.start('-m', '128', '-serial', 'null')
    t_exit = emu.quit()
    return {'greeting': emu.t_greeting - emu.t_exec,
            'ready': emu.t_ready - emu.t_exec,
            'exit': t_exit - emu.t_exec}


@bench_case('memory', 'Resident memory, -m 128', ('aarch64', 'x86_64'), [
    Metric('rss', 'VmRSS when ready', 'bytes'),
])
def memory(ctx):
    """VmRSS from /proc/PID/status once the first QMP reply arrived."""
    emu = ctx.start('-m', '128', '-serial', 'null')
    rss = emu.rss_bytes()
    emu.quit()
    return {'rss': rss}
