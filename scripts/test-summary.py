#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
# Copyright (c) 2026 The project contributors
"""Count test cases from meson's test log and print one closing line.

Each TAP line of each test program is one case ("ok", "not ok",
"ok ... # SKIP").  A program that failed without reporting a failing
case (crash, time-out, bad exit) counts as one failed case.  Prints
"N passed, N failed[, N skipped]" last and exits 1 when anything failed
or nothing ran.
"""
import json
import os
import re
import sys

TAP_RE = re.compile(r'^(not ok|ok)\b(.*)$')


def count(log_path):
    passed = failed = skipped = 0
    per_test = []
    with open(log_path, encoding='utf-8', errors='replace') as f:
        for line in f:
            if not line.strip():
                continue
            entry = json.loads(line)
            p = fl = sk = 0
            for out in (entry.get('stdout') or '').splitlines():
                m = TAP_RE.match(out.strip())
                if not m:
                    continue
                rest = m.group(2)
                if re.search(r'#\s*SKIP', rest, re.I):
                    sk += 1
                elif m.group(1) == 'ok':
                    p += 1
                else:
                    fl += 1
            result = entry.get('result', '')
            if result == 'SKIP' and p + fl + sk == 0:
                sk += 1
            elif result not in ('OK', 'SKIP', 'EXPECTEDFAIL') and fl == 0:
                fl += 1
            elif result == 'OK' and p + fl + sk == 0:
                p += 1
            per_test.append((entry.get('name', '?'), result, p, fl, sk))
            passed += p
            failed += fl
            skipped += sk
    return passed, failed, skipped, per_test


def main():
    build = sys.argv[1] if len(sys.argv) > 1 else 'build'
    log_path = os.path.join(build, 'meson-logs', 'testlog.json')
    if not os.path.exists(log_path):
        print('no test log at %s' % log_path)
        print('0 passed, 1 failed')
        return 1
    passed, failed, skipped, per_test = count(log_path)
    for name, result, p, fl, sk in per_test:
        print('  %-40s %-8s %4d passed %3d failed %3d skipped'
              % (name, result, p, fl, sk))
    line = '%d passed, %d failed' % (passed, failed)
    if skipped:
        line += ', %d skipped' % skipped
    print(line)
    return 1 if failed or passed + skipped == 0 else 0


if __name__ == '__main__':
    sys.exit(main())
