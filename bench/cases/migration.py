# SPDX-License-Identifier: GPL-2.0-or-later
# Copyright (c) 2026 The project contributors
"""Migration of an idle machine to a file and back."""
import os
import time

from harness import Metric, bench_case

DONE = ('completed', 'failed', 'cancelled')


def wait_migration(emu, what):
    """Poll query-migrate until the migration ends; raise unless it
    completed.  The poll costs one QMP round trip (tens of
    microseconds) every half millisecond."""
    deadline = time.monotonic() + emu.TIMEOUT
    while True:
        info = emu.qmp('query-migrate')
        status = info.get('status')
        if status in DONE:
            break
        if time.monotonic() > deadline:
            raise RuntimeError('%s: still %s' % (what, status))
        time.sleep(0.0005)
    if status != 'completed':
        raise RuntimeError('%s %s: %s' % (what, status,
                                          info.get('error-desc', '')))
    return time.perf_counter()


def wait_file(path, timeout):
    deadline = time.monotonic() + timeout
    while not os.path.exists(path):
        if time.monotonic() > deadline:
            raise RuntimeError('%s never appeared' % path)
        time.sleep(0.001)


@bench_case('migration', 'Migrate an idle -m 256 machine to a file and back',
            ('aarch64', 'x86_64'), [
    Metric('out', 'migrate to exec:cat > FILE', 'time'),
    Metric('bytes', 'stream size', 'bytes'),
    Metric('in', 'incoming from exec:cat FILE', 'time'),
])
def migration(ctx):
    """Source: `migrate` until query-migrate says completed.  The exec
    command renames the file once cat has written all of it, which tells
    the harness the stream is complete.  Destination: -incoming defer,
    then `migrate-incoming` until completed."""
    path = os.path.join(ctx.workdir, '%s-%s.mig' % (ctx.impl.key, ctx.arch))
    if os.path.exists(path):
        os.unlink(path)
    src = ctx.start('-m', '256', '-serial', 'null')
    ctx.require_commands(src, 'migrate', 'migrate-incoming',
                         'query-migrate')
    t0 = time.perf_counter()
    src.qmp('migrate', uri='exec:cat > %s.part && mv %s.part %s'
            % (path, path, path))
    t_out = wait_migration(src, 'outgoing migration') - t0
    wait_file(path, src.TIMEOUT)
    size = os.path.getsize(path)
    src.quit()

    dst = ctx.start('-m', '256', '-serial', 'null', '-incoming', 'defer')
    t0 = time.perf_counter()
    dst.qmp('migrate-incoming', uri='exec:cat %s' % path)
    t_in = wait_migration(dst, 'incoming migration') - t0
    dst.quit()
    os.unlink(path)
    return {'out': t_out, 'bytes': size, 'in': t_in}
