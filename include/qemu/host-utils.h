/*
 * Arithmetic helpers.
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#ifndef QEMU_HOST_UTILS_H
#define QEMU_HOST_UTILS_H

/* a * b / c with a 128-bit intermediate product. */
static inline uint64_t muldiv64(uint64_t a, uint32_t b, uint32_t c)
{
    return (uint64_t)(((unsigned __int128)a * b) / c);
}

static inline int clz32(uint32_t val)
{
    return val ? __builtin_clz(val) : 32;
}

static inline int clz64(uint64_t val)
{
    return val ? __builtin_clzll(val) : 64;
}

static inline int ctz32(uint32_t val)
{
    return val ? __builtin_ctz(val) : 32;
}

static inline int ctz64(uint64_t val)
{
    return val ? __builtin_ctzll(val) : 64;
}

static inline int ctpop32(uint32_t val)
{
    return __builtin_popcount(val);
}

static inline int ctpop64(uint64_t val)
{
    return __builtin_popcountll(val);
}

static inline bool is_power_of_2(uint64_t value)
{
    return value && !(value & (value - 1));
}

static inline uint64_t pow2ceil(uint64_t value)
{
    return value <= 1 ? 1 : 1ULL << (64 - clz64(value - 1));
}

#endif
