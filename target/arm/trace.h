/*
 * Trace events of target/arm/ (generated from target/arm/trace-events).
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include "trace/trace-target_arm.h"
