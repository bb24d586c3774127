/*
 * The dtrace back end: SystemTap SDT probes behind USDT semaphores.
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * Each event gets a probe "qemu:<event>" (an ELF note of type stapsdt)
 * and a semaphore qemu_<event>_semaphore in the .probes section, which
 * a tracer (stap, bpftrace, perf) increments while it is attached.  The
 * generated trace_<event>() fires the probe only then, so an idle probe
 * costs one test of that counter.  No dtrace tool is involved.
 */
#ifndef TRACE_DTRACE_H
#define TRACE_DTRACE_H

#define _SDT_HAS_SEMAPHORES 1
#include <sys/sdt.h>

#endif
