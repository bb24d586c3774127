#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
# Copyright (c) 2026 The project contributors
"""Turn a folder's trace-events file into C code and SystemTap tapsets.

Usage:
  tracetool.py --group=GROUP --backends=B1[,B2] --format=h|c IN OUT
  tracetool.py --backends=... --format=stp --binary=PATH \\
               --probe-prefix=PREFIX OUT IN [IN...]

Formats:
  h    trace-GROUP.h: one static inline trace_NAME() per event, the
       event ids TRACE_NAME, TRACE_NAME_ENABLED and the per-event
       back-end state used by trace_event_get_state_backends().
  c    trace-GROUP.c: the event descriptors and their run-time states,
       handed to the control layer (trace/control.c) at start-up.
  stp  a SystemTap tapset naming every probe of PATH (dtrace back end).

Back ends: "log" prints enabled events through qemu_log, "dtrace" places
a SystemTap SDT probe (provider "qemu") behind a USDT semaphore, "nop"
compiles the calls away.  The grammar of a trace-events line is in
docs/devel/tracing.rst.
"""
import argparse
import os
import re
import sys

BACKENDS = ('log', 'dtrace', 'nop')
MAX_ARGS = 10
PROVIDER = 'qemu'

DECL_RE = re.compile(r'^(?P<props>(?:[a-z]+\s+)*)'
                     r'(?P<name>[A-Za-z_][A-Za-z0-9_]*)'
                     r'\((?P<args>[^()]*)\)'
                     r'\s+(?P<fmt>".*)$')
ARG_RE = re.compile(r'^(?P<type>.*?[\s*])\s*(?P<name>[A-Za-z_][A-Za-z0-9_]*)$')
IDENT_RE = re.compile(r'^[A-Za-z_][A-Za-z0-9_]*$')

# Words SystemTap reserves; an argument so named gets a trailing '_'.
STP_RESERVED = {
    'break', 'catch', 'continue', 'delete', 'else', 'for', 'foreach',
    'function', 'global', 'if', 'in', 'limit', 'long', 'next', 'private',
    'probe', 'return', 'string', 'try', 'while',
}


class TraceError(Exception):
    """A malformed trace-events file: the message names file and line."""


class Arg:
    """One argument of an event: its C type and name."""

    def __init__(self, ctype, name):
        self.ctype = ctype
        self.name = name

    def is_string(self):
        """Is this a C string (char pointer, not a pointer to pointer)?"""
        base = self.ctype.replace('const', '').replace(' ', '')
        return base == 'char*'

    def decl(self):
        """The argument as written in a C parameter list."""
        if self.ctype.endswith('*'):
            return self.ctype + self.name
        return self.ctype + ' ' + self.name


class Event:
    """One declaration of a trace-events file."""

    def __init__(self, name, props, args, fmt, where):
        self.name = name
        self.props = props
        self.args = args
        self.fmt = fmt
        self.where = where

    def is_disabled(self):
        return 'disable' in self.props

    def params(self):
        """The C parameter list of trace_NAME()."""
        if not self.args:
            return 'void'
        return ', '.join(a.decl() for a in self.args)

    def call_args(self):
        """The arguments as passed on, each preceded by ", "."""
        return ''.join(', ' + a.name for a in self.args)


def parse_args(text, where):
    text = text.strip()
    if text == '':
        raise TraceError('%s: empty argument list, write "void"' % where)
    if text == 'void':
        return []
    args = []
    for piece in text.split(','):
        piece = ' '.join(piece.split())
        m = ARG_RE.match(piece)
        if not m:
            raise TraceError('%s: cannot parse argument "%s"' %
                             (where, piece))
        ctype = m.group('type').strip()
        ctype = re.sub(r'\s*\*', ' *', ctype).replace('* *', '**')
        args.append(Arg(ctype, m.group('name')))
    if len(args) > MAX_ARGS:
        raise TraceError('%s: %d arguments, at most %d allowed' %
                         (where, len(args), MAX_ARGS))
    return args


def check_format(fmt, where):
    if not fmt.endswith('"') and not IDENT_RE.match(fmt.split()[-1]):
        raise TraceError('%s: format must be a string literal' % where)
    if re.search(r'\\n"\s*$', fmt):
        raise TraceError('%s: format must not end with a newline' % where)
    if '%m' in fmt:
        raise TraceError('%s: "%%m" is not allowed in a format' % where)


def parse_file(path):
    """The events of one trace-events file, in file order."""
    events = []
    seen = set()
    with open(path, encoding='utf-8') as f:
        text = f.read()
    if text and not text.endswith('\n'):
        raise TraceError('%s: file does not end with a newline' % path)
    for lineno, line in enumerate(text.splitlines(), 1):
        where = '%s:%d' % (path, lineno)
        line = line.strip()
        if not line or line.startswith('#'):
            continue
        m = DECL_RE.match(line)
        if not m:
            raise TraceError('%s: cannot parse "%s"' % (where, line))
        props = m.group('props').split()
        for p in props:
            if p != 'disable':
                raise TraceError('%s: unknown property "%s"' % (where, p))
        name = m.group('name')
        if name in seen:
            raise TraceError('%s: event "%s" declared twice' % (where, name))
        seen.add(name)
        fmt = m.group('fmt').strip()
        check_format(fmt, where)
        events.append(Event(name, props, parse_args(m.group('args'), where),
                            fmt, where))
    return events


def licence(out, source):
    out.append('/*')
    out.append(' * Generated by scripts/tracetool.py from %s: do not edit.'
               % source)
    out.append(' * Copyright (c) 2026 The project contributors')
    out.append(' * SPDX-License-Identifier: GPL-2.0-or-later')
    out.append(' */')


def backend_dstate(ev, backends):
    """C expression: does any back end want this event right now?"""
    terms = []
    if 'log' in backends:
        terms.append('trace_dstate__%s' % ev.name)
    if 'dtrace' in backends:
        terms.append('%s_%s_semaphore' % (PROVIDER, ev.name))
    if ev.is_disabled() or not terms:
        return '0'
    return ' || '.join(terms)


def gen_h(group, events, backends, source):
    out = []
    guard = 'TRACE_%s_GENERATED_H' % group.upper()
    licence(out, source)
    out.append('#ifndef ' + guard)
    out.append('#define ' + guard)
    out.append('')
    out.append('#include "trace/control.h"')
    if 'dtrace' in backends:
        out.append('#include "trace/dtrace.h"')
    out.append('')
    for ev in events:
        up = ev.name.upper()
        out.append('extern TraceEvent trace_event__%s;' % ev.name)
        out.append('extern bool trace_dstate__%s;' % ev.name)
        if 'dtrace' in backends and not ev.is_disabled():
            out.append('extern volatile unsigned short %s_%s_semaphore;'
                       % (PROVIDER, ev.name))
        out.append('#define TRACE_%s (&trace_event__%s)' % (up, ev.name))
        out.append('#define TRACE_%s_ENABLED %d'
                   % (up, 0 if ev.is_disabled() else 1))
        out.append('#define TRACE_%s_BACKEND_DSTATE() (%s)'
                   % (up, backend_dstate(ev, backends)))
        out.append('')
    for ev in events:
        out.append('static inline void trace_%s(%s)'
                   % (ev.name, ev.params()))
        out.append('{')
        if not ev.is_disabled():
            if 'log' in backends:
                out.append('    if (unlikely(trace_dstate__%s)) {' % ev.name)
                out.append('        trace_log_line("%s", %s%s);'
                           % (ev.name, ev.fmt, ev.call_args()))
                out.append('    }')
            if 'dtrace' in backends:
                sem = '%s_%s_semaphore' % (PROVIDER, ev.name)
                out.append('    if (unlikely(%s)) {' % sem)
                out.append('        STAP_PROBE%s(%s, %s%s);'
                           % (len(ev.args) or '', PROVIDER, ev.name,
                              ev.call_args()))
                out.append('    }')
        out.append('}')
        out.append('')
    out.append('#endif')
    return out


def gen_c(group, events, backends, source):
    out = []
    licence(out, source)
    out.append('#include "qemu/osdep.h"')
    out.append('#include "qemu/module.h"')
    out.append('#include "trace-%s.h"' % group)
    out.append('')
    for ev in events:
        out.append('bool trace_dstate__%s;' % ev.name)
        if 'dtrace' in backends and not ev.is_disabled():
            out.append('volatile unsigned short %s_%s_semaphore'
                       % (PROVIDER, ev.name))
            out.append('    __attribute__((section(".probes")));')
        out.append('TraceEvent trace_event__%s = {' % ev.name)
        out.append('    .name = "%s",' % ev.name)
        out.append('    .sstate = TRACE_%s_ENABLED,' % ev.name.upper())
        out.append('    .dstate = &trace_dstate__%s,' % ev.name)
        out.append('};')
    out.append('')
    out.append('static TraceEvent *trace_%s_events[] = {' % group)
    for ev in events:
        out.append('    &trace_event__%s,' % ev.name)
    out.append('    NULL,')
    out.append('};')
    out.append('')
    out.append('static void trace_%s_register(void)' % group)
    out.append('{')
    out.append('    trace_event_register_group(trace_%s_events);' % group)
    out.append('}')
    out.append('trace_init(trace_%s_register)' % group)
    return out


def stp_name(name):
    return name + '_' if name in STP_RESERVED else name


def gen_stp(events, binary, prefix):
    out = ['/*',
           ' * SystemTap probes of %s (provider "%s"), one per trace event.'
           % (binary, PROVIDER),
           ' * Generated by scripts/tracetool.py: do not edit.',
           ' * Copyright (c) 2026 The project contributors',
           ' * SPDX-License-Identifier: GPL-2.0-or-later',
           ' */',
           '']
    for ev in events:
        if ev.is_disabled():
            continue
        out.append('probe %s.%s = process("%s").mark("%s")'
                   % (prefix, ev.name, binary, ev.name))
        out.append('{')
        for i, arg in enumerate(ev.args, 1):
            var = stp_name(arg.name)
            if arg.is_string():
                out.append('    %s = $arg%d ? user_string($arg%d) : "<null>";'
                           % (var, i, i))
            else:
                out.append('    %s = $arg%d;' % (var, i))
        out.append('}')
        out.append('')
    return out


def write_lines(path, lines):
    tmp = path + '.tmp'
    with open(tmp, 'w', encoding='utf-8') as f:
        f.write('\n'.join(lines) + '\n')
    os.replace(tmp, path)


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--format', required=True, choices=('h', 'c', 'stp'))
    ap.add_argument('--backends', required=True,
                    help='comma-separated: ' + ', '.join(BACKENDS))
    ap.add_argument('--group', help='the folder, "/" as "_" (h, c)')
    ap.add_argument('--binary', help='the probed executable (stp)')
    ap.add_argument('--probe-prefix', help='probe name prefix (stp)')
    ap.add_argument('files', nargs='+')
    opts = ap.parse_args(argv)

    backends = [b for b in opts.backends.split(',') if b]
    for b in backends:
        if b not in BACKENDS:
            ap.error('unknown back end "%s"' % b)

    try:
        if opts.format == 'stp':
            if not opts.binary or not opts.probe_prefix:
                ap.error('stp needs --binary and --probe-prefix')
            events = []
            for path in opts.files[1:]:
                events += parse_file(path)
            write_lines(opts.files[0],
                        gen_stp(events, opts.binary, opts.probe_prefix))
            return 0
        if not opts.group or len(opts.files) != 2:
            ap.error('h and c need --group, an input and an output')
        if not IDENT_RE.match(opts.group):
            ap.error('bad group name "%s"' % opts.group)
        source, output = opts.files
        events = parse_file(source)
        shown = os.path.normpath(source)
        while shown.startswith('../'):
            shown = shown[3:]
        gen = gen_h if opts.format == 'h' else gen_c
        write_lines(output, gen(opts.group, events, backends, shown))
    except (TraceError, OSError) as e:
        print('tracetool: %s' % e, file=sys.stderr)
        return 1
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
