/*
 * Trace events of hw/char/ (generated from hw/char/trace-events).
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include "trace/trace-hw_char.h"
