# SPDX-License-Identifier: GPL-2.0-or-later
# Copyright (c) 2026 The project contributors
"""Pieces the benchmark cases are built from.

A case is a function registered with @bench_case.  It is called once per
sample with a Context for one implementation (ours or QEMU) of one
target, starts as many emulators as it needs through ctx.start(), and
returns a dict {metric key: value in base units} (seconds, bytes,
operations per second).  It raises NotAvailable when the implementation
lacks what the case measures; the run then reports "n/a" instead of a
failure.
"""
import json
import os
import selectors
import socket
import subprocess
import time

CASES = []

# CPU sets for the harness and the emulators; None means no pinning.
PINNING = None


def pin_cpus(enabled):
    """With two CPUs or more, keep the harness on the first one and the
    emulators (and their children) on the others, so the two sides of a
    qtest stream never compete for one CPU."""
    global PINNING
    cpus = sorted(os.sched_getaffinity(0))
    if enabled and len(cpus) >= 2:
        PINNING = ({cpus[0]}, set(cpus[1:]))
        os.sched_setaffinity(0, PINNING[0])
    else:
        PINNING = None
    return PINNING


def spawn(argv, stdout, stderr):
    """Start an emulator on the emulators' CPUs, stdin from /dev/null.

    Returns (time.perf_counter() just before the spawn, Popen).
    """
    env = dict(os.environ, QEMU_AUDIO_DRV='none')
    if PINNING:
        os.sched_setaffinity(0, PINNING[1])
    try:
        t_exec = time.perf_counter()
        proc = subprocess.Popen(argv, stdin=subprocess.DEVNULL,
                                stdout=stdout, stderr=stderr, env=env)
    finally:
        if PINNING:
            os.sched_setaffinity(0, PINNING[0])
    return t_exec, proc


class NotAvailable(Exception):
    """The implementation lacks a device, command or feature."""


class QMPError(Exception):
    def __init__(self, command, err):
        self.command = command
        self.err_class = err.get('class', '')
        self.desc = err.get('desc', '')
        super().__init__('%s: %s: %s' % (command, self.err_class, self.desc))


class Metric:
    """One figure a case reports.

    kind is 'time' (seconds, shown in ms), 'bytes' (shown in KiB or
    MiB), 'rate' (operations per second) or 'ips' (guest instructions
    per second, shown in MIPS); better is 'lower' or 'higher'.
    """

    def __init__(self, key, label, kind, better='lower'):
        self.key = key
        self.label = label
        self.kind = kind
        self.better = better


class Case:
    def __init__(self, name, title, fn, targets, metrics):
        self.name = name
        self.title = title
        self.fn = fn
        self.targets = targets
        self.metrics = metrics


def bench_case(name, title, targets, metrics):
    """Register the decorated function as a case.

    targets: the architectures ('aarch64', 'x86_64') it applies to.
    metrics: the Metric list; the function returns one value per key.
    """
    def register(fn):
        CASES.append(Case(name, title, fn, tuple(targets), list(metrics)))
        return fn
    return register


class Impl:
    """One implementation of one target: binary plus accelerator."""

    def __init__(self, key, label, binary, accel_args):
        self.key = key
        self.label = label
        self.binary = binary
        self.accel_args = list(accel_args)


class Emulator:
    """A running emulator with a QMP and a qtest connection.

    The harness listens on two Unix sockets and the emulator connects to
    both, as libqtest arranges it.  Times are time.perf_counter() values:
    t_exec just before the process is spawned, t_greeting when the QMP
    greeting has been read, t_ready when qmp_capabilities was answered.
    """

    TIMEOUT = 60

    def __init__(self, impl, machine, args, workdir, tag):
        self.impl = impl
        self.workdir = workdir
        self.tag = tag
        self.qtest_path = os.path.join(workdir, tag + '.qtest')
        self.qmp_path = os.path.join(workdir, tag + '.qmp')
        self.log_path = os.path.join(workdir, tag + '.log')
        self.argv = [impl.binary,
                     '-qtest', 'unix:' + self.qtest_path,
                     '-qtest-log', '/dev/null',
                     '-chardev', 'socket,path=%s,id=c0' % self.qmp_path,
                     '-mon', 'chardev=c0,mode=control',
                     '-display', 'none',
                     '-machine', machine] + list(args) + impl.accel_args
        self.proc = None
        self.qmp_sock = None
        self.qmp_in = None
        self.qtest_sock = None
        self.qtest_buf = bytearray()
        self.greeting = None
        self.t_exec = self.t_greeting = self.t_ready = None

    def start(self, negotiate=True):
        listeners = []
        for path in (self.qtest_path, self.qmp_path):
            if os.path.exists(path):
                os.unlink(path)
            s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            s.bind(path)
            s.listen(1)
            listeners.append(s)
        with open(self.log_path, 'wb') as log:
            self.t_exec, self.proc = spawn(self.argv, log, log)
        try:
            self.qtest_sock = self._accept(listeners[0])
            self.qmp_sock = self._accept(listeners[1])
        finally:
            for s in listeners:
                s.close()
        self.qmp_in = self.qmp_sock.makefile('rb')
        self.greeting = self._qmp_recv()
        self.t_greeting = time.perf_counter()
        if 'QMP' not in self.greeting:
            raise RuntimeError('no QMP greeting: %r' % self.greeting)
        if negotiate:
            self.qmp('qmp_capabilities')
            self.t_ready = time.perf_counter()
        return self

    def _accept(self, listener):
        """Accept one connection, failing early if the emulator died."""
        deadline = time.monotonic() + self.TIMEOUT
        with selectors.DefaultSelector() as sel:
            sel.register(listener, selectors.EVENT_READ)
            while not sel.select(0.05):
                if self.proc.poll() is not None:
                    raise RuntimeError('emulator exited with %d: %s' % (
                        self.proc.returncode, self.log_tail()))
                if time.monotonic() > deadline:
                    raise RuntimeError('emulator did not connect')
        conn = listener.accept()[0]
        conn.settimeout(self.TIMEOUT)
        return conn

    def log_tail(self):
        try:
            with open(self.log_path, 'rb') as f:
                text = f.read().decode(errors='replace')
        except OSError:
            return ''
        lines = [ln for ln in text.splitlines() if ln.strip()]
        return ' | '.join(lines[-3:])

    def _qmp_recv(self):
        """The next QMP message that is not an event."""
        while True:
            line = self.qmp_in.readline()
            if not line:
                raise RuntimeError('QMP connection closed: %s'
                                   % self.log_tail())
            msg = json.loads(line)
            if 'event' not in msg:
                return msg

    def qmp(self, command, **arguments):
        """Run a QMP command; its 'return' value, or raise QMPError."""
        req = {'execute': command}
        if arguments:
            req['arguments'] = arguments
        self.qmp_sock.sendall(json.dumps(req).encode() + b'\n')
        msg = self._qmp_recv()
        if 'error' in msg:
            raise QMPError(command, msg['error'])
        return msg['return']

    def qtest(self, line):
        """Send one qtest command and return its reply line."""
        self.qtest_sock.sendall(line.encode() + b'\n')
        while True:
            reply = self._qtest_line()
            if not reply.startswith(b'IRQ '):
                return reply.decode()

    def _qtest_fill(self):
        data = self.qtest_sock.recv(1 << 16)
        if not data:
            raise RuntimeError('qtest connection closed: %s'
                               % self.log_tail())
        self.qtest_buf += data

    def _qtest_line(self):
        while b'\n' not in self.qtest_buf:
            self._qtest_fill()
        line, _, rest = self.qtest_buf.partition(b'\n')
        self.qtest_buf = rest
        return bytes(line)

    def qtest_repeat(self, line, count, window):
        """Send the qtest command line count times; every reply must
        start with "OK" (no interrupt may be intercepted meanwhile).

        Up to window commands are in flight: the harness keeps writing
        while it reads the replies in bulk, so the emulator always has
        input queued and the figure is its rate, not the round-trip
        latency of one command (window=1 measures that instead).
        Non-blocking I/O keeps the two sides from both stalling on full
        socket buffers whatever the window.
        """
        if window == 1:
            for _ in range(count):
                reply = self.qtest(line)
                if not reply.startswith('OK'):
                    raise RuntimeError('qtest replied %r' % reply)
            return
        one = (line + '\n').encode()
        sock = self.qtest_sock
        pending = b''
        unsent = count
        in_flight = 0
        done = 0
        partial = bytes(self.qtest_buf)
        self.qtest_buf = bytearray()
        sock.setblocking(False)
        try:
            with selectors.DefaultSelector() as sel:
                sel.register(sock, selectors.EVENT_READ)
                writing = False
                while done < count:
                    if (not pending and unsent and
                            in_flight <= window // 2):
                        n = min(unsent, window - in_flight)
                        pending = memoryview(one * n)
                        unsent -= n
                        in_flight += n
                    if bool(pending) != writing:
                        writing = bool(pending)
                        sel.modify(sock, selectors.EVENT_READ |
                                   (selectors.EVENT_WRITE if writing else 0))
                    events = sel.select(self.TIMEOUT)
                    if not events:
                        raise RuntimeError('qtest: no reply for %ds'
                                           % self.TIMEOUT)
                    mask = events[0][1]
                    if mask & selectors.EVENT_WRITE and pending:
                        try:
                            pending = pending[sock.send(pending):]
                        except BlockingIOError:
                            pass
                    if mask & selectors.EVENT_READ:
                        data = sock.recv(1 << 18)
                        if not data:
                            raise RuntimeError('qtest connection closed: %s'
                                               % self.log_tail())
                        partial += data
                        cut = partial.rfind(b'\n') + 1
                        if cut:
                            n = _count_ok(partial[:cut])
                            partial = partial[cut:]
                            done += n
                            in_flight -= n
        finally:
            sock.setblocking(True)
            sock.settimeout(self.TIMEOUT)
        self.qtest_buf = bytearray(partial)

    def rss_bytes(self):
        """VmRSS of the emulator process, from /proc/PID/status."""
        with open('/proc/%d/status' % self.proc.pid) as f:
            for ln in f:
                if ln.startswith('VmRSS:'):
                    return int(ln.split()[1]) * 1024
        raise RuntimeError('no VmRSS in /proc/%d/status' % self.proc.pid)

    def quit(self):
        """Send quit and wait for the exit; the time of the exit."""
        self.qmp_sock.sendall(b'{"execute": "quit"}\n')
        try:
            self._qmp_recv()
        except (RuntimeError, OSError):
            pass
        status = self.proc.wait(timeout=self.TIMEOUT)
        t_exit = time.perf_counter()
        if status != 0:
            raise RuntimeError('exit status %d after quit: %s'
                               % (status, self.log_tail()))
        self.close()
        return t_exit

    def close(self):
        if self.proc and self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()
        for f in (self.qmp_in, self.qtest_sock, self.qmp_sock):
            if f:
                f.close()
        self.qmp_in = self.qtest_sock = self.qmp_sock = None
        for path in (self.qtest_path, self.qmp_path):
            if os.path.exists(path):
                os.unlink(path)


class Context:
    """What a case sees: one implementation of one target, and options."""

    def __init__(self, impl, arch, machine, workdir, options, cache):
        self.impl = impl
        self.arch = arch
        self.machine = machine
        self.workdir = workdir
        self.options = options
        self.cache = cache
        self.emulators = []
        self.argv = []

    def start(self, *args, negotiate=True):
        """Start an emulator of this implementation with extra args."""
        tag = '%s-%s-%d' % (self.impl.key, self.arch, len(self.emulators))
        emu = Emulator(self.impl, self.machine, args, self.workdir, tag)
        self.emulators.append(emu)
        self.argv.append(emu.argv)
        return emu.start(negotiate=negotiate)

    def run(self, argv, timeout=Emulator.TIMEOUT):
        """Run argv (no QMP, no qtest) until it exits by itself.

        Returns (wall time from spawn to reaped exit, stdout bytes,
        stderr text, exit status).  The process is killed after timeout
        seconds (RuntimeError).
        """
        self.argv.append(list(argv))
        t_exec, proc = spawn(argv, subprocess.PIPE, subprocess.PIPE)
        try:
            out, err = proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.communicate()
            raise RuntimeError('%s did not exit within %d s' % (
                os.path.basename(argv[0]), timeout))
        elapsed = time.perf_counter() - t_exec
        return elapsed, out, err.decode(errors='replace'), proc.returncode

    def close(self):
        for emu in self.emulators:
            emu.close()
        self.emulators = []

    def require_type(self, emu, qom_type):
        """NotAvailable unless the board has a device of type qom_type.

        The type must be registered (qom-list-types) and an instance
        must be in the QOM tree under /machine; the answer is cached
        for the rest of the run.
        """
        key = ('type', self.impl.key, self.arch, qom_type)
        if key not in self.cache:
            types = {t['name'] for t in emu.qmp('qom-list-types')}
            if qom_type not in types:
                self.cache[key] = "no QOM type '%s'" % qom_type
            elif not find_child(emu, '/machine', qom_type):
                self.cache[key] = "no '%s' on -machine %s" % (
                    qom_type, self.machine)
            else:
                self.cache[key] = None
        if self.cache[key]:
            raise NotAvailable(self.cache[key])

    def require_commands(self, emu, *names):
        """NotAvailable unless every QMP command in names exists."""
        key = ('commands', self.impl.key, self.arch)
        if key not in self.cache:
            self.cache[key] = {c['name'] for c in emu.qmp('query-commands')}
        missing = [n for n in names if n not in self.cache[key]]
        if missing:
            raise NotAvailable('no QMP command ' + ', '.join(missing))


def find_child(emu, path, qom_type, depth=0):
    """Whether a child<qom_type> exists below path (interrupt lines and
    memory regions, which are many and hold no devices, are skipped)."""
    if depth > 6:
        return False
    for prop in emu.qmp('qom-list', path=path):
        ptype = prop['type']
        if not ptype.startswith('child<'):
            continue
        if ptype == 'child<%s>' % qom_type:
            return True
        if ptype in ('child<irq>', 'child<memory-region>'):
            continue
        if find_child(emu, path.rstrip('/') + '/' + prop['name'], qom_type,
                      depth + 1):
            return True
    return False


def _count_ok(block):
    """Number of lines in block (which ends with a newline); raise unless
    each of them starts with OK."""
    n = block.count(b'\n')
    if (b'\n' + block).count(b'\nOK') != n:
        bad = [ln for ln in block.split(b'\n') if not ln.startswith(b'OK')]
        raise RuntimeError('qtest replied %r' % bad[0].decode())
    return n
