/*
 * Trace events of hw/timer/ (generated from hw/timer/trace-events).
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include "trace/trace-hw_timer.h"
