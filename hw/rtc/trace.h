/*
 * Trace events of hw/rtc/ (generated from hw/rtc/trace-events).
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include "trace/trace-hw_rtc.h"
