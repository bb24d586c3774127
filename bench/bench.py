#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
# Copyright (c) 2026 The project contributors
"""Benchmark our emulators side by side with Debian's QEMU 7.2.

For every case (see bench/cases/) and target, run one untimed warm-up of
each implementation, then --reps samples, alternating ours and QEMU
(ABBA order: ours first on even repetitions, QEMU first on odd ones).
Report min and median per metric and the ratio of the medians,
ours/QEMU, in bench/results/latest.md, with every sample in
bench/results/latest.json.  Exit status 1 when a case failed; a case the
build lacks is "n/a", not a failure.  Method: docs/devel/benchmarks.rst.
"""
import argparse
import datetime
import fnmatch
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import traceback

import cases  # noqa: F401  (registers the cases)
from harness import CASES, Context, Impl, NotAvailable, pin_cpus

SRC_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MACHINES = {'aarch64': 'virt', 'x86_64': 'pc'}
IMPL_KEYS = ('ours', 'qemu')


def parse_args(argv):
    p = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    p.add_argument('--build', default='build',
                   help='build directory with our binaries (default: build)')
    p.add_argument('--qemu-dir', default='/usr/bin',
                   help="directory of QEMU's binaries (default: /usr/bin)")
    p.add_argument('--reps', type=int,
                   help='timed samples per implementation (default 10, '
                   '3 with --quick)')
    p.add_argument('--quick', action='store_true',
                   help='fewer repetitions and 10 000 MMIO operations')
    p.add_argument('--ops', type=int,
                   help='qtest operations per MMIO sample (default 100000)')
    p.add_argument('--window', type=int, default=2000,
                   help='qtest commands in flight (default 2000; '
                   '1 measures round trips)')
    p.add_argument('--target', action='append', choices=sorted(MACHINES),
                   help='only this target (repeatable)')
    p.add_argument('--case', action='append', metavar='PATTERN',
                   help='only cases matching this glob (repeatable)')
    p.add_argument('--out', default=os.path.join(SRC_DIR, 'bench',
                                                 'results'),
                   help='output directory (default: bench/results)')
    p.add_argument('--no-pin', action='store_true',
                   help='do not pin the harness to the first CPU and the '
                   'emulators to the others')
    p.add_argument('--list', action='store_true', help='list the cases')
    opts = p.parse_args(argv)
    if opts.reps is None:
        opts.reps = 3 if opts.quick else 10
    if opts.ops is None:
        opts.ops = 10000 if opts.quick else 100000
    if opts.reps < 1 or opts.ops < 1 or opts.window < 1:
        p.error('--reps, --ops and --window must be positive')
    return opts


def selected_cases(opts):
    out = []
    for case in CASES:
        if opts.case and not any(fnmatch.fnmatch(case.name, pat)
                                 for pat in opts.case):
            continue
        out.append(case)
    return out


def make_impls(opts, arch):
    name = 'qemu-system-' + arch
    return {
        'ours': Impl('ours', 'ours', os.path.join(opts.build, name),
                     ['-accel', 'qtest']),
        'qemu': Impl('qemu', 'QEMU', os.path.join(opts.qemu_dir, name),
                     ['-accel', 'tcg', '-S']),
    }


def run_output(argv):
    try:
        return subprocess.run(argv, capture_output=True, text=True,
                              timeout=30).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return ''


def binary_version(binary):
    lines = run_output([binary, '--version']).splitlines()
    return lines[0] if lines else ''


def machine_info():
    info = {'nproc': os.cpu_count(), 'cpu': '', 'memory': '',
            'kernel': platform.release(), 'python': platform.python_version(),
            'loadavg': round(os.getloadavg()[0], 2)}
    try:
        with open('/proc/cpuinfo') as f:
            for ln in f:
                if ln.startswith('model name'):
                    info['cpu'] = ln.split(':', 1)[1].strip()
                    break
        with open('/proc/meminfo') as f:
            for ln in f:
                if ln.startswith('MemTotal:'):
                    kib = int(ln.split()[1])
                    info['memory'] = '%.1f GiB' % (kib / (1 << 20))
    except OSError:
        pass
    return info


def build_info(build):
    """Commit of the tree and the build options of the build directory."""
    info = {'commit': run_output(['git', '-C', SRC_DIR, 'rev-parse',
                                  '--short', 'HEAD']),
            'dirty': bool(run_output(['git', '-C', SRC_DIR, 'status',
                                      '--porcelain', '-uno'])),
            'buildtype': '', 'sanitize': ''}
    try:
        with open(os.path.join(build, 'meson-info',
                               'intro-buildoptions.json')) as f:
            for opt in json.load(f):
                if opt['name'] == 'buildtype':
                    info['buildtype'] = opt['value']
                elif opt['name'] == 'b_sanitize':
                    info['sanitize'] = opt['value']
    except (OSError, ValueError, KeyError):
        pass
    return info


def run_sample(case, impl, arch, workdir, opts, cache):
    """One call of the case; (values, argv) or an exception."""
    ctx = Context(impl, arch, MACHINES[arch], workdir, opts, cache)
    try:
        values = case.fn(ctx)
    finally:
        ctx.close()
    missing = [m.key for m in case.metrics if m.key not in values]
    if missing:
        raise RuntimeError('case returned no value for ' + ', '.join(missing))
    return values, ctx.argv


def run_case(case, arch, impls, workdir, opts, cache):
    """Warm-up, then opts.reps alternated samples of both implementations.

    Returns {impl key: {'status', 'note', 'samples', 'argv'}}; status is
    'ok', 'n/a' or 'error'.
    """
    res = {}
    for key in IMPL_KEYS:
        impl = impls[key]
        res[key] = {'status': 'ok', 'note': '', 'argv': [],
                    'samples': {m.key: [] for m in case.metrics}}
        if not os.access(impl.binary, os.X_OK):
            res[key]['status'] = 'n/a'
            res[key]['note'] = '%s not found' % impl.binary
    for rep in range(-1, opts.reps):
        order = IMPL_KEYS if rep % 2 == 0 else IMPL_KEYS[::-1]
        for key in order:
            r = res[key]
            if r['status'] != 'ok':
                continue
            try:
                values, argv = run_sample(case, impls[key], arch, workdir,
                                          opts, cache)
            except NotAvailable as e:
                r['status'], r['note'] = 'n/a', str(e)
                continue
            except Exception as e:
                r['status'], r['note'] = 'error', '%s: %s' % (
                    type(e).__name__, e)
                if os.environ.get('BENCH_DEBUG'):
                    traceback.print_exc()
                continue
            r['argv'] = argv
            if rep >= 0:
                for k, v in values.items():
                    r['samples'][k].append(v)
    return res


def fmt_value(metric, v):
    if metric.kind == 'time':
        return '%.3g ms' % (v * 1e3) if v < 1 else '%.3g s' % v
    if metric.kind == 'bytes':
        if v >= 1 << 20:
            return '%.3g MiB' % (v / (1 << 20))
        return '%.3g KiB' % (v / 1024)
    if metric.kind == 'rate':
        return '%.3g k/s' % (v / 1e3)
    if metric.kind == 'ips':
        mips = v / 1e6
        return '%.0f MIPS' % mips if mips >= 100 else '%.3g MIPS' % mips
    return '%.3g' % v


def fmt_ratio(ratio):
    """Two decimals; three below 0.1, where two would say little."""
    if ratio is None:
        return '-'
    return '%.2f' % ratio if ratio >= 0.1 else '%.3f' % ratio


def summarise(results):
    """Add min, median and ratio of medians to every metric row."""
    rows = []
    for entry in results:
        case = entry['case']
        for m in case.metrics:
            row = {'target': entry['target'], 'case': case.name,
                   'title': case.title, 'metric': m.key, 'label': m.label,
                   'kind': m.kind, 'better': m.better, 'impl': {}}
            for key in IMPL_KEYS:
                r = entry['result'][key]
                s = r['samples'][m.key]
                row['impl'][key] = {
                    'status': r['status'], 'note': r['note'],
                    'samples': s,
                    'min': min(s) if s and r['status'] == 'ok' else None,
                    'median': (statistics.median(s)
                               if s and r['status'] == 'ok' else None),
                }
            ours, qemu = row['impl']['ours'], row['impl']['qemu']
            row['ratio'] = (ours['median'] / qemu['median']
                            if ours['median'] is not None and qemu['median']
                            else None)
            row['m'] = m
            rows.append(row)
    return rows


def cell(row, key, field):
    d = row['impl'][key]
    if d['status'] == 'n/a':
        if key == 'ours':
            return 'n/a (not in this build)'
        return 'n/a'
    if d['status'] == 'error':
        return 'error'
    return fmt_value(row['m'], d[field])


def markdown(rows, meta):
    mach, bld = meta['machine'], meta['build']
    out = ['# Benchmarks: ours vs QEMU 7.2', '',
           '- Date: %s' % meta['date'],
           '- Tree: %s%s; build directory `%s` (%s%s)' % (
               bld['commit'] or '?',
               ' with uncommitted changes' if bld['dirty'] else '',
               meta['options']['build'], bld['buildtype'] or '?',
               ', sanitizers ' + bld['sanitize']
               if bld['sanitize'] not in ('', 'none') else ''),
           '- Ours: `-accel qtest`; QEMU: `-accel tcg -S` (%s); CPU '
           'cases: both `-accel tcg`, running a guest program' % (
               '; '.join(sorted(set(meta['versions']['qemu'].values())))
               or 'not found'),
           '- Host: %d CPUs, %s, %s RAM, Linux %s; load average %.2f '
           'at start' % (mach['nproc'], mach['cpu'], mach['memory'],
                         mach['kernel'], mach['loadavg']),
           '- %d timed samples per implementation after one warm-up, '
           'alternated; MMIO: %d operations at most %d in flight' % (
               meta['options']['reps'], meta['options']['ops'],
               meta['options']['window']),
           '- Ratio: median ours / median QEMU; "better" says which way '
           'is good', '',
           '| Target | Case | Metric | Ours min | Ours median | QEMU min '
           '| QEMU median | Ours/QEMU | Better |',
           '|---|---|---|---:|---:|---:|---:|---:|---|']
    for row in rows:
        ratio = fmt_ratio(row['ratio'])
        out.append('| %s | %s | %s | %s | %s | %s | %s | %s | %s |' % (
            '%s `%s`' % (row['target'], MACHINES[row['target']]),
            row['case'], row['label'],
            cell(row, 'ours', 'min'), cell(row, 'ours', 'median'),
            cell(row, 'qemu', 'min'), cell(row, 'qemu', 'median'),
            ratio, row['better']))
    notes = []
    seen = set()
    for row in rows:
        for key in IMPL_KEYS:
            d = row['impl'][key]
            tag = (row['target'], row['case'], key)
            if d['status'] != 'ok' and tag not in seen:
                seen.add(tag)
                notes.append('- %s %s, %s: %s: %s' % (
                    row['target'], row['case'],
                    'ours' if key == 'ours' else 'QEMU', d['status'],
                    d['note']))
    if notes:
        out += ['', 'Not measured (n/a) or failed (error):', ''] + notes
    return '\n'.join(out) + '\n'


def to_json(rows, results, meta):
    data = dict(meta)
    data['results'] = []
    for row in rows:
        data['results'].append({
            k: row[k] for k in ('target', 'case', 'title', 'metric', 'label',
                                'kind', 'better', 'impl', 'ratio')})
    data['argv'] = [{'target': e['target'], 'case': e['case'].name,
                     'impl': key, 'argv': e['result'][key]['argv']}
                    for e in results for key in IMPL_KEYS]
    data['units'] = {'time': 'seconds', 'bytes': 'bytes',
                     'rate': 'operations per second',
                     'ips': 'guest instructions per second'}
    return data


def main(argv):
    opts = parse_args(argv)
    cases = selected_cases(opts)
    targets = opts.target or sorted(MACHINES)
    if opts.list:
        for case in CASES:
            print('%-18s %-16s %s' % (case.name, ','.join(case.targets),
                                      case.title))
        return 0
    if not cases:
        print('no case matches', file=sys.stderr)
        return 1
    meta = {'date': datetime.datetime.now().astimezone().isoformat(
                timespec='seconds'),
            'machine': machine_info(), 'build': build_info(opts.build),
            'options': {'build': opts.build, 'qemu_dir': opts.qemu_dir,
                        'reps': opts.reps, 'ops': opts.ops,
                        'window': opts.window, 'quick': opts.quick},
            'versions': {'ours': {}, 'qemu': {}}}
    pinning = pin_cpus(not opts.no_pin)
    meta['options']['pinning'] = (
        {'harness': sorted(pinning[0]), 'emulators': sorted(pinning[1])}
        if pinning else None)
    results = []
    cache = {}
    t_start = time.monotonic()
    workdir = tempfile.mkdtemp(prefix='bench-')
    try:
        for arch in targets:
            impls = make_impls(opts, arch)
            for key in IMPL_KEYS:
                if os.access(impls[key].binary, os.X_OK):
                    meta['versions'][key][arch] = binary_version(
                        impls[key].binary)
            for case in cases:
                if arch not in case.targets:
                    continue
                t0 = time.monotonic()
                res = run_case(case, arch, impls, workdir, opts, cache)
                results.append({'target': arch, 'case': case, 'result': res})
                print('%-8s %-18s %5.1fs  %s' % (
                    arch, case.name, time.monotonic() - t0,
                    ', '.join('%s %s%s' % (k, res[k]['status'],
                                           ' (%s)' % res[k]['note']
                                           if res[k]['note'] else '')
                              for k in IMPL_KEYS)),
                      flush=True)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    meta['elapsed'] = round(time.monotonic() - t_start, 1)
    rows = summarise(results)
    os.makedirs(opts.out, exist_ok=True)
    md = markdown(rows, meta)
    with open(os.path.join(opts.out, 'latest.md'), 'w') as f:
        f.write(md)
    with open(os.path.join(opts.out, 'latest.json'), 'w') as f:
        json.dump(to_json(rows, results, meta), f, indent=1)
        f.write('\n')
    print(md)
    print('written to %s/latest.{md,json} in %.0f s' % (opts.out,
                                                         meta['elapsed']))
    failed = any(e['result'][k]['status'] == 'error'
                 for e in results for k in IMPL_KEYS)
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
