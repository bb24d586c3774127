/*
 * Trace events of hw/intc/ (generated from hw/intc/trace-events).
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include "trace/trace-hw_intc.h"
