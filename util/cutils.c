/*
 * String helpers: strict number parsing, sizes, prefixes.
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include "qemu/osdep.h"
#include "qemu/cutils.h"

/*
 * Turn the outcome of a libc strtoX call into our convention (see the
 * header): @ep is where libc stopped, @libc_errno what it left in errno.
 */
static int strtox_result(const char *nptr, const char *ep,
                         const char **endptr, int libc_errno)
{
    if (endptr) {
        *endptr = ep;
    }
    if (ep == nptr) {
        return -EINVAL;
    }
    if (!endptr && *ep) {
        return -EINVAL;
    }
    if (libc_errno == ERANGE) {
        return -ERANGE;
    }
    return 0;
}

static bool strtox_base_ok(int base)
{
    return base == 0 || (base >= 2 && base <= 36);
}

/* Does the number start with '-' after the blanks strtol skips? */
static bool starts_negative(const char *s)
{
    while (g_ascii_isspace(*s)) {
        s++;
    }
    return *s == '-';
}

static int parse_signed(const char *nptr, const char **endptr, int base,
                        int64_t min, int64_t max, int64_t *result)
{
    char *ep;
    long long val;
    int err;

    if (!nptr || !strtox_base_ok(base)) {
        if (endptr) {
            *endptr = nptr;
        }
        *result = 0;
        return -EINVAL;
    }
    errno = 0;
    val = strtoll(nptr, &ep, base);
    err = errno;
    if (ep == nptr) {
        val = 0;
    } else if (val > max) {
        val = max;
        err = ERANGE;
    } else if (val < min) {
        val = min;
        err = ERANGE;
    }
    *result = val;
    return strtox_result(nptr, ep, endptr, err);
}

/*
 * Unsigned parsing into a type whose largest value is @max (2^N - 1):
 * "-x" gives 2^N - x as strtoul does, when x itself fits.
 */
static int parse_unsigned(const char *nptr, const char **endptr, int base,
                          uint64_t max, uint64_t *result)
{
    char *ep;
    unsigned long long val;
    int err;

    if (!nptr || !strtox_base_ok(base)) {
        if (endptr) {
            *endptr = nptr;
        }
        *result = 0;
        return -EINVAL;
    }
    errno = 0;
    val = strtoull(nptr, &ep, base);
    err = errno;
    if (ep == nptr) {
        val = 0;
    } else if (err == ERANGE) {
        val = max;
    } else if (starts_negative(nptr)) {
        uint64_t magnitude = -(uint64_t)val;

        if (magnitude > max) {
            val = max;
            err = ERANGE;
        } else {
            val = -magnitude & max;
        }
    } else if (val > max) {
        val = max;
        err = ERANGE;
    }
    *result = val;
    return strtox_result(nptr, ep, endptr, err);
}

int qemu_strtoi(const char *nptr, const char **endptr, int base,
                int *result)
{
    int64_t val;
    int ret = parse_signed(nptr, endptr, base, INT_MIN, INT_MAX, &val);

    *result = val;
    return ret;
}

int qemu_strtoui(const char *nptr, const char **endptr, int base,
                 unsigned int *result)
{
    uint64_t val;
    int ret = parse_unsigned(nptr, endptr, base, UINT_MAX, &val);

    *result = val;
    return ret;
}

int qemu_strtol(const char *nptr, const char **endptr, int base,
                long *result)
{
    int64_t val;
    int ret = parse_signed(nptr, endptr, base, LONG_MIN, LONG_MAX, &val);

    *result = val;
    return ret;
}

int qemu_strtoul(const char *nptr, const char **endptr, int base,
                 unsigned long *result)
{
    uint64_t val;
    int ret = parse_unsigned(nptr, endptr, base, ULONG_MAX, &val);

    *result = val;
    return ret;
}

int qemu_strtoi64(const char *nptr, const char **endptr, int base,
                  int64_t *result)
{
    return parse_signed(nptr, endptr, base, INT64_MIN, INT64_MAX, result);
}

int qemu_strtou64(const char *nptr, const char **endptr, int base,
                  uint64_t *result)
{
    return parse_unsigned(nptr, endptr, base, UINT64_MAX, result);
}

int qemu_strtod(const char *nptr, const char **endptr, double *result)
{
    char *ep;
    int err;

    if (!nptr) {
        if (endptr) {
            *endptr = nptr;
        }
        *result = 0;
        return -EINVAL;
    }
    errno = 0;
    *result = strtod(nptr, &ep);
    err = errno;
    if (ep == nptr) {
        *result = 0;
    }
    return strtox_result(nptr, ep, endptr, err);
}

/* The multiplier of a size suffix, or 0 if @c is not one. */
static uint64_t size_suffix_mul(char c, uint64_t unit)
{
    static const char suffixes[] = "KMGTPE";
    const char *pos;
    uint64_t mul = 1;

    if (c == 'B' || c == 'b') {
        return 1;
    }
    pos = c ? strchr(suffixes, g_ascii_toupper(c)) : NULL;
    if (!pos) {
        return 0;
    }
    for (; pos >= suffixes; pos--) {
        mul *= unit;
    }
    return mul;
}

static int size_fail(const char *nptr, const char **end, uint64_t *result,
                     int err)
{
    if (end) {
        *end = nptr;
    }
    *result = 0;
    return err;
}

static int do_strtosz(const char *nptr, const char **end, char default_suffix,
                      uint64_t unit, uint64_t *result)
{
    const char *p;
    const char *digits;
    uint64_t val, mul, frac_bytes = 0;
    double fraction = 0;
    bool hex;
    int ret;

    if (!nptr) {
        return size_fail(nptr, end, result, -EINVAL);
    }
    for (digits = nptr; g_ascii_isspace(*digits); digits++) {
        continue;
    }
    if (*digits == '-') {
        return size_fail(nptr, end, result, -EINVAL);
    }
    hex = digits[0] == '0' && (digits[1] == 'x' || digits[1] == 'X');

    /* Leading zeros are decimal, not octal: "010k" is ten KiB. */
    ret = qemu_strtou64(nptr, &p, hex ? 16 : 10, &val);
    if (ret < 0) {
        return size_fail(nptr, end, result, ret);
    }
    if (*p == '.') {
        const char *q = p + 1;
        double scale = 0.1;

        if (hex || !g_ascii_isdigit(*q)) {
            return size_fail(nptr, end, result, -EINVAL);
        }
        for (; g_ascii_isdigit(*q); q++) {
            fraction += (*q - '0') * scale;
            scale /= 10;
        }
        p = q;
    }

    mul = size_suffix_mul(*p, unit);
    if (mul) {
        p++;
    } else {
        mul = size_suffix_mul(default_suffix, unit);
    }
    if (fraction != 0 && mul == 1) {
        /* No such thing as part of a byte. */
        return size_fail(nptr, end, result, -EINVAL);
    }
    if (!end && *p) {
        return size_fail(nptr, end, result, -EINVAL);
    }

    if (val > UINT64_MAX / mul) {
        return size_fail(nptr, end, result, -ERANGE);
    }
    if (fraction != 0) {
        double extra = fraction * (double)mul;

        /* 2^64 as a double: anything at or above it cannot be added. */
        if (extra >= 18446744073709551616.0) {
            return size_fail(nptr, end, result, -ERANGE);
        }
        frac_bytes = (uint64_t)extra;
    }
    if (val * mul > UINT64_MAX - frac_bytes) {
        return size_fail(nptr, end, result, -ERANGE);
    }

    if (end) {
        *end = p;
    }
    *result = val * mul + frac_bytes;
    return 0;
}

int qemu_strtosz(const char *nptr, const char **end, uint64_t *result)
{
    return do_strtosz(nptr, end, 'B', 1024, result);
}

int qemu_strtosz_MiB(const char *nptr, const char **end, uint64_t *result)
{
    return do_strtosz(nptr, end, 'M', 1024, result);
}

int qemu_strtosz_metric(const char *nptr, const char **end,
                        uint64_t *result)
{
    return do_strtosz(nptr, end, 'B', 1000, result);
}

int parse_uint(const char *s, const char **endptr, int base,
               uint64_t *value)
{
    char *ep;
    unsigned long long val;
    int err;

    if (!s || !strtox_base_ok(base)) {
        if (endptr) {
            *endptr = s;
        }
        *value = 0;
        return -EINVAL;
    }
    errno = 0;
    val = strtoull(s, &ep, base);
    err = errno;
    if (endptr) {
        *endptr = ep;
    }
    if (ep == s) {
        *value = 0;
        return -EINVAL;
    }
    if (starts_negative(s)) {
        *value = 0;
        return -ERANGE;
    }
    if (err == ERANGE) {
        *value = UINT64_MAX;
        return -ERANGE;
    }
    *value = val;
    return 0;
}

int parse_uint_full(const char *s, int base, uint64_t *value)
{
    const char *end;
    int ret = parse_uint(s, &end, base, value);

    if (ret < 0) {
        return ret;
    }
    if (*end) {
        *value = 0;
        return -EINVAL;
    }
    return 0;
}

int strstart(const char *str, const char *val, const char **ptr)
{
    size_t len = strlen(val);

    if (strncmp(str, val, len) != 0) {
        return 0;
    }
    if (ptr) {
        *ptr = str + len;
    }
    return 1;
}

int stristart(const char *str, const char *val, const char **ptr)
{
    size_t len = strlen(val);

    if (g_ascii_strncasecmp(str, val, len) != 0) {
        return 0;
    }
    if (ptr) {
        *ptr = str + len;
    }
    return 1;
}

void pstrcpy(char *buf, int buf_size, const char *str)
{
    size_t len;

    if (buf_size <= 0) {
        return;
    }
    len = MIN(strlen(str), (size_t)buf_size - 1);
    memcpy(buf, str, len);
    buf[len] = '\0';
}

char *pstrcat(char *buf, int buf_size, const char *s)
{
    size_t len = strnlen(buf, buf_size);

    if (len < buf_size) {
        pstrcpy(buf + len, buf_size - len, s);
    }
    return buf;
}

char *size_to_str(uint64_t val)
{
    static const char *const units[] = {
        "B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB",
    };
    unsigned int i = 0;
    g_autofree char *text = NULL;
    char *dot;

    while (i + 1 < ARRAY_SIZE(units) && val >> (10 * (i + 1))) {
        i++;
    }
    if ((val & ((UINT64_C(1) << (10 * i)) - 1)) == 0) {
        return g_strdup_printf("%" PRIu64 " %s", val >> (10 * i), units[i]);
    }

    /* Two decimals at most, without trailing zeros: "1.5 KiB". */
    text = g_strdup_printf("%.2f", (double)val / (double)(UINT64_C(1) <<
                                                            (10 * i)));
    dot = strchr(text, '.');
    if (dot) {
        char *last = text + strlen(text) - 1;

        while (last > dot && *last == '0') {
            *last-- = '\0';
        }
        if (last == dot) {
            *last = '\0';
        }
    }
    return g_strdup_printf("%s %s", text, units[i]);
}
