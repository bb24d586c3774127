#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Run the qtest suite against Debian's QEMU (the reference), installing
# qemu-system-arm and qemu-system-x86 first when they are missing.  The
# reference has no qtest accelerator: libqtest starts it with -accel tcg
# -S (QTEST_ACCEL=tcg), and cases that need clock_step skip.
set -e
build=${1:-build}
if ! command -v qemu-system-aarch64 >/dev/null 2>&1 ||
   ! command -v qemu-system-x86_64 >/dev/null 2>&1; then
    if [ "$(id -u)" = 0 ]; then
        apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
            qemu-system-arm qemu-system-x86 >/dev/null
    else
        echo "install qemu-system-arm and qemu-system-x86 first" >&2
        exit 1
    fi
fi
status=0
meson test -C "$build" --no-rebuild --print-errorlogs \
    --suite qtest-reference || status=$?
python3 "$(dirname "$0")/test-summary.py" "$build" || status=1
exit $status
