/*
 * Trace events of accel/tcg/ (generated from accel/tcg/trace-events).
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include "trace/trace-accel_tcg.h"
