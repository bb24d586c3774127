#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Build (if needed) and run the demonstration.
set -e
build=${1:-build}
exec python3 "$(dirname "$0")/demo.py" "$build"
