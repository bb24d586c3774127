#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
# Copyright (c) 2026 The project contributors
"""Drive both boards over QMP and qtest, then run a guest on the CPU.

For each of qemu-system-aarch64 -M virt and qemu-system-x86_64 -M pc:
start the emulator with a qtest socket and a QMP socket (the way
libqtest does), negotiate QMP, list the QOM tree, print the memory map,
read and write guest RAM, read the interrupt controller's ID registers,
watch an interrupt line through irq_intercept_in, step the virtual
clock, and quit.  Then run a bare-metal AArch64 program
(tests/guest/aarch64/exceptions) on our CPU interpreter with -accel tcg
and show what it prints on the PL011.
"""
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile


class Emulator:
    def __init__(self, binary, args):
        self.tmp = tempfile.mkdtemp(prefix='demo-')
        qtest_path = os.path.join(self.tmp, 'qtest.sock')
        qmp_path = os.path.join(self.tmp, 'qmp.sock')
        listeners = []
        for path in (qtest_path, qmp_path):
            s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            s.bind(path)
            s.listen(1)
            s.settimeout(30)
            listeners.append(s)
        cmd = [binary, '-qtest', 'unix:' + qtest_path,
               '-qtest-log', '/dev/null',
               '-chardev', 'socket,path=%s,id=qmp0' % qmp_path,
               '-mon', 'chardev=qmp0,mode=control',
               '-display', 'none'] + args + ['-accel', 'qtest']
        print('$ ' + ' '.join(cmd))
        self.proc = subprocess.Popen(cmd)
        self.qtest = listeners[0].accept()[0].makefile('rwb', buffering=0)
        self.qmp = listeners[1].accept()[0].makefile('rwb', buffering=0)
        for s in listeners:
            s.close()
        self.greeting = self._qmp_read()

    def _qmp_read(self):
        while True:
            line = self.qmp.readline()
            if not line:
                raise RuntimeError('QMP connection closed')
            msg = json.loads(line)
            if 'event' not in msg:
                return msg

    def qmp_cmd(self, name, **args):
        req = {'execute': name}
        if args:
            req['arguments'] = args
        self.qmp.write(json.dumps(req).encode() + b'\n')
        return self._qmp_read()

    def qt(self, line):
        self.qtest.write(line.encode() + b'\n')
        irqs = []
        while True:
            reply = self.qtest.readline().decode().rstrip('\n')
            if reply.startswith('IRQ '):
                irqs.append(reply)
                continue
            return reply, irqs

    def quit(self):
        self.qmp_cmd('quit')
        return self.proc.wait(timeout=30)


def show_tree(emu, path, depth=0, limit=3):
    entries = emu.qmp_cmd('qom-list', path=path)['return']
    for e in entries:
        # Interrupt lines are children too; there are dozens of them.
        if e['type'].startswith('child<') and e['type'] != 'child<irq>':
            print('  ' * (depth + 1) + '%s (%s)' % (e['name'], e['type'][6:-1]))
            if depth + 1 < limit:
                show_tree(emu, path.rstrip('/') + '/' + e['name'], depth + 1,
                          limit)


def find_type(emu, path, qtype):
    for e in emu.qmp_cmd('qom-list', path=path)['return']:
        if not e['type'].startswith('child<'):
            continue
        child = path.rstrip('/') + '/' + e['name']
        if e['type'] == 'child<%s>' % qtype:
            return child
        found = find_type(emu, child, qtype)
        if found:
            return found
    return None


def demo_board(build, arch):
    binary = os.path.join(build, 'qemu-system-' + arch)
    board = 'virt' if arch == 'aarch64' else 'pc'
    ram = 0x40000000 if arch == 'aarch64' else 0x100000
    print('=' * 72)
    emu = Emulator(binary, ['-machine', board, '-m', '64'])
    ver = emu.greeting['QMP']['version']['qemu']
    print('QMP greeting: version %d.%d.%d, capabilities %s' % (
        ver['major'], ver['minor'], ver['micro'],
        emu.greeting['QMP']['capabilities']))
    print('qmp_capabilities ->', emu.qmp_cmd('qmp_capabilities'))
    print('query-status ->', emu.qmp_cmd('query-status')['return'])
    print('machine type ->',
          emu.qmp_cmd('qom-get', path='/machine', property='type')['return'])
    print('QOM tree under /machine:')
    show_tree(emu, '/machine')
    print('info mtree:')
    mtree = emu.qmp_cmd('human-monitor-command',
                        **{'command-line': 'info mtree'})['return']
    print('  ' + mtree.replace('\r\n', '\n  ').rstrip())

    print('qtest: endianness ->', emu.qt('endianness')[0])
    print('qtest: writel 0x%x 0xcafef00d ->' % ram,
          emu.qt('writel 0x%x 0xcafef00d' % ram)[0])
    print('qtest: readl  0x%x ->' % ram, emu.qt('readl 0x%x' % ram)[0])
    print('qtest: b64read 0x%x 4 ->' % ram,
          emu.qt('b64read 0x%x 4' % ram)[0])

    if arch == 'aarch64':
        dist = 0x08000000
        print('GICv2 GICD_TYPER  ->', emu.qt('readl 0x%x' % (dist + 4))[0])
        print('GICv2 GICD_IIDR   ->', emu.qt('readl 0x%x' % (dist + 8))[0])
        print('GICv2 ICPIDR2     ->', emu.qt('readl 0x%x' % (dist + 0xfe8))[0])
        irqdev = find_type(emu, '/machine', 'arm_gic')
    else:
        print('IOAPIC version    ->',
              emu.qt('writel 0xfec00000 0x1')[0],
              emu.qt('readl 0xfec00010')[0])
        print('i8259 master IMR  ->', emu.qt('inb 0x21')[0])
        irqdev = 'ioapic'
    print('qtest: irq_intercept_in %s ->' % irqdev,
          emu.qt('irq_intercept_in ' + irqdev)[0])
    reply, irqs = emu.qt('set_irq_in %s unnamed-gpio-in 5 1' % irqdev)
    print('qtest: set_irq_in ... 5 1 ->', reply, irqs)
    reply, irqs = emu.qt('set_irq_in %s unnamed-gpio-in 5 0' % irqdev)
    print('qtest: set_irq_in ... 5 0 ->', reply, irqs)
    print('qtest: clock_step 1000000 ->', emu.qt('clock_step 1000000')[0])
    print('qtest: clock_set 500 ->', emu.qt('clock_set 500')[0])
    print('quit -> exit status', emu.quit())


def demo_guest(build):
    """Run a bare-metal program on our AArch64 CPU and show its PL011."""
    src = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    runner = os.path.join(src, 'tests', 'guest', 'run-guest-tests.py')
    guest_dir = os.path.join(build, 'demo-guest')
    binary = os.path.join(build, 'qemu-system-aarch64')
    print('=' * 72)
    if not shutil.which('aarch64-linux-gnu-gcc'):
        print('(no gcc-aarch64-linux-gnu: skipping the guest program)')
        return
    # The runner builds the programs (and checks them) into guest_dir.
    subprocess.run([sys.executable, runner, '--binary', binary,
                    '--build-dir', guest_dir, 'exceptions'],
                   stdout=subprocess.DEVNULL, check=False)
    cmd = [binary, '-M', 'virt', '-cpu', 'cortex-a57', '-nographic',
           '-m', '128', '-kernel', os.path.join(guest_dir, 'exceptions.elf')]
    print('$ ' + ' '.join(cmd))
    out = subprocess.run(cmd, stdin=subprocess.DEVNULL,
                         stdout=subprocess.PIPE, timeout=60)
    print(out.stdout.decode(errors='replace').rstrip())
    print('(PSCI SYSTEM_OFF) -> exit status', out.returncode)


def main():
    build = sys.argv[1] if len(sys.argv) > 1 else 'build'
    for arch in ('aarch64', 'x86_64'):
        demo_board(build, arch)
    demo_guest(build)
    return 0


if __name__ == '__main__':
    sys.exit(main())
