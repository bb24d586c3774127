#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
# Copyright (c) 2026 The project contributors
"""Build the bare-metal AArch64 guest programs and check what they print.

Every aarch64/<prog>.c and aarch64/<prog>.S (with the runtime in
aarch64/runtime/) makes one program aarch64/<prog>.elf, built with the
cross compiler into the build directory.  Each runs under

    BINARY -M virt -cpu cortex-a57 -nographic -m 128 -kernel <prog>.elf

and its PL011 output (stdout) must equal aarch64/expected/<prog>.out
byte for byte, and it must exit with status 0 (PSCI SYSTEM_OFF).  Where
our CPU differs from QEMU's on purpose (the ID registers advertise only
what we implement), aarch64/expected/<prog>.ours.out holds what ours
must print and <prog>.out what the reference prints.  A
program with an input file aarch64/<prog>.in receives that file on its
serial port once it has printed a line ending in "ready".

Default: run BINARY (ours) and compare.  --reference: run Debian's QEMU
and compare, which checks that the expected files still describe the
reference; with --update, write the expected files from its output.
Output is TAP, for meson's protocol: 'tap'.
"""
import argparse
import difflib
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time

SRC_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'aarch64')
RUNTIME_DIR = os.path.join(SRC_DIR, 'runtime')
EXPECTED_DIR = os.path.join(SRC_DIR, 'expected')
RUNTIME_SOURCES = ['start.S', 'guest.c']
REFERENCE_BINARY = '/usr/bin/qemu-system-aarch64'
DEFAULT_CC = 'aarch64-linux-gnu-gcc'
CC_PACKAGES = 'gcc-aarch64-linux-gnu binutils-aarch64-linux-gnu'
MACHINE_ARGS = ['-M', 'virt', '-cpu', 'cortex-a57', '-nographic',
                '-m', '128']
READY_MARKER = b'ready\n'
NO_CPU_MESSAGE = 'no accelerator found'
CFLAGS = ['-O2', '-g', '-ffreestanding', '-nostdlib', '-nostartfiles',
          '-static', '-fno-pie', '-no-pie', '-mgeneral-regs-only',
          '-mstrict-align', '-fno-stack-protector',
          '-fno-asynchronous-unwind-tables', '-Wall', '-Wextra', '-Werror',
          '-Wno-unused-parameter', '-I' + RUNTIME_DIR]
LDFLAGS = ['-T', os.path.join(RUNTIME_DIR, 'guest.ld'),
           '-Wl,--build-id=none', '-Wl,--no-warn-rwx-segments']


class Tap:
    """Numbered TAP results on stdout."""

    def __init__(self, count):
        self.n = 0
        print('1..%d' % count, flush=True)

    def result(self, ok, name, directive=None, diag=None):
        self.n += 1
        line = '%s %d - %s' % ('ok' if ok else 'not ok', self.n, name)
        if directive:
            line += ' # ' + directive
        print(line)
        for d in (diag or '').splitlines():
            print('# ' + d)
        sys.stdout.flush()


def find_programs(only):
    progs = {}
    for f in sorted(os.listdir(SRC_DIR)):
        stem, ext = os.path.splitext(f)
        if ext in ('.c', '.S'):
            progs.setdefault(stem, []).append(os.path.join(SRC_DIR, f))
    if only:
        missing = [p for p in only if p not in progs]
        if missing:
            sys.exit('unknown program(s): ' + ', '.join(missing))
        return {p: progs[p] for p in only}
    return progs


def build(cc, build_dir, prog, sources):
    """Compile and link one program; returns (elf path, error text)."""
    elf = os.path.join(build_dir, prog + '.elf')
    all_sources = [os.path.join(RUNTIME_DIR, s) for s in RUNTIME_SOURCES]
    all_sources += sources
    # Build under a temporary name: two test runs may share build_dir.
    fd, tmp = tempfile.mkstemp(prefix=prog + '.', suffix='.elf.tmp',
                               dir=build_dir)
    os.close(fd)
    cmd = [cc] + CFLAGS + LDFLAGS + ['-o', tmp] + all_sources
    res = subprocess.run(cmd, stdout=subprocess.PIPE,
                         stderr=subprocess.STDOUT, universal_newlines=True)
    if res.returncode != 0:
        os.unlink(tmp)
        return None, '$ ' + ' '.join(cmd) + '\n' + res.stdout
    os.replace(tmp, elf)
    return elf, None


class Run:
    def __init__(self):
        self.out = b''
        self.err = ''
        self.status = None
        self.timed_out = False


def run(binary, elf, input_data, timeout):
    """Run one program; feed input_data once it prints READY_MARKER."""
    r = Run()
    cmd = [binary] + MACHINE_ARGS + ['-kernel', elf]
    proc = subprocess.Popen(cmd, stdin=subprocess.PIPE if input_data
                            else subprocess.DEVNULL,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    out = bytearray()
    err = bytearray()
    cond = threading.Condition()

    def reader(stream, buf):
        while True:
            data = os.read(stream.fileno(), 4096)
            with cond:
                if not data:
                    cond.notify_all()
                    return
                buf.extend(data)
                cond.notify_all()

    threads = [threading.Thread(target=reader, args=(proc.stdout, out)),
               threading.Thread(target=reader, args=(proc.stderr, err))]
    for t in threads:
        t.daemon = True
        t.start()
    deadline = time.monotonic() + timeout
    if input_data:
        with cond:
            while (READY_MARKER not in out and proc.poll() is None and
                   time.monotonic() < deadline):
                cond.wait(0.1)
        if READY_MARKER in out:
            try:
                proc.stdin.write(input_data)
                proc.stdin.flush()
            except BrokenPipeError:
                pass
    try:
        proc.wait(max(0.0, deadline - time.monotonic()))
    except subprocess.TimeoutExpired:
        r.timed_out = True
        proc.kill()
        proc.wait()
    if proc.stdin:
        try:
            proc.stdin.close()
        except BrokenPipeError:
            pass
    for t in threads:
        t.join(5)
    with cond:
        r.out = bytes(out)
        r.err = bytes(err).decode('utf-8', 'replace')
    r.status = proc.returncode
    return r


def show(data, limit=40):
    lines = data.decode('utf-8', 'replace').splitlines()
    text = '\n'.join(lines[:limit])
    if len(lines) > limit:
        text += '\n... (%d more lines)' % (len(lines) - limit)
    return text


def compare(expected, actual):
    diff = list(difflib.unified_diff(
        expected.decode('utf-8', 'replace').splitlines(),
        actual.decode('utf-8', 'replace').splitlines(),
        'expected', 'actual', lineterm=''))
    if len(diff) > 60:
        diff = diff[:60] + ['... (%d more diff lines)' % (len(diff) - 60)]
    return '\n'.join(diff)


def check_one(args, tap, prog, sources):
    elf, error = build(args.cc, args.build_dir, prog, sources)
    if error:
        tap.result(False, prog, diag='build failed:\n' + error)
        return
    in_file = os.path.join(SRC_DIR, prog + '.in')
    input_data = None
    if os.path.exists(in_file):
        with open(in_file, 'rb') as f:
            input_data = f.read()
    r = run(args.binary, elf, input_data, args.timeout)
    if NO_CPU_MESSAGE in r.err:
        tap.result(True, prog, 'SKIP no CPU')
        return
    problems = []
    if r.timed_out:
        problems.append('timed out after %ds' % args.timeout)
    elif r.status != 0:
        problems.append('exit status %d' % r.status)
    exp_file = os.path.join(EXPECTED_DIR, prog + '.out')
    # Where we differ from the reference on purpose (documented in the
    # file's first lines' program), ours is checked against its own file.
    ours_file = os.path.join(EXPECTED_DIR, prog + '.ours.out')
    if not args.reference and os.path.exists(ours_file):
        exp_file = ours_file
    if args.update:
        if problems:
            tap.result(False, prog, diag='\n'.join(problems) +
                       '\nstderr:\n' + r.err.strip() +
                       '\noutput:\n' + show(r.out))
            return
        with open(exp_file, 'wb') as f:
            f.write(r.out)
        tap.result(True, prog, diag='wrote ' + exp_file)
        return
    if not os.path.exists(exp_file):
        problems.append('no %s: run with --reference --update' % exp_file)
    else:
        with open(exp_file, 'rb') as f:
            expected = f.read()
        if expected != r.out:
            problems.append('output differs from %s:\n%s' %
                            (exp_file, compare(expected, r.out)))
    if problems:
        if r.err.strip():
            problems.append('stderr:\n' + r.err.strip())
        tap.result(False, prog, diag='$ %s\n%s' % (
            ' '.join([args.binary] + MACHINE_ARGS + ['-kernel', elf]),
            '\n'.join(problems)))
    else:
        tap.result(True, prog)


def main():
    parser = argparse.ArgumentParser(
        description='Build and run the AArch64 guest test programs (TAP).')
    parser.add_argument('--binary', help='emulator to run (default with '
                        '--reference: %s)' % REFERENCE_BINARY)
    parser.add_argument('--build-dir', required=True,
                        help='where the programs are built')
    parser.add_argument('--reference', action='store_true',
                        help="run Debian's QEMU and check the expected "
                        'outputs against it')
    parser.add_argument('--update', action='store_true',
                        help='with --reference: rewrite the expected '
                        'outputs')
    parser.add_argument('--cc', default=os.environ.get('GUEST_CC',
                                                       DEFAULT_CC),
                        help='cross compiler (default: %(default)s)')
    parser.add_argument('--timeout', type=int, default=30,
                        help='seconds per program (default: %(default)s)')
    parser.add_argument('programs', nargs='*',
                        help='programs to run (default: all)')
    args = parser.parse_args()

    if args.update and not args.reference:
        parser.error('--update needs --reference: expected outputs come '
                     'from the reference')
    if args.binary is None:
        if not args.reference:
            parser.error('--binary is required without --reference')
        args.binary = REFERENCE_BINARY
    progs = find_programs(args.programs)

    if shutil.which(args.cc) is None:
        print('1..0 # SKIP %s not found (apt-get install %s)' %
              (args.cc, CC_PACKAGES))
        return 0
    if not os.access(args.binary, os.X_OK):
        if args.reference:
            print('1..0 # SKIP %s not found (apt-get install '
                  'qemu-system-arm)' % args.binary)
            return 0
        print('Bail out! %s not found' % args.binary)
        return 1
    os.makedirs(args.build_dir, exist_ok=True)

    tap = Tap(len(progs))
    for prog, sources in progs.items():
        check_one(args, tap, prog, sources)
    return 0


if __name__ == '__main__':
    sys.exit(main())
