# SPDX-License-Identifier: GPL-2.0-or-later
# Copyright (c) 2026 The project contributors
"""The benchmark cases.

Each module registers its cases with harness.bench_case when imported;
the order here is the order of the report.  To add a case, write a
function in one of these modules (or a new module listed here).
"""
from . import startup, mmio, migration, cpu  # noqa: F401
