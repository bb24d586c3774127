/*
 * String helpers: strict number parsing, sizes, prefixes.
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * The qemu_strtoX family differs from libc in three ways: the result
 * comes back through a pointer and the return value is 0, -EINVAL or
 * -ERANGE; with @endptr NULL anything after the number is -EINVAL; and
 * an empty string (or only blanks) is -EINVAL rather than 0.  Without
 * a number at all, *@result is 0 and *@endptr is @nptr; otherwise
 * *@endptr points after the digits and *@result holds the number, or
 * the nearest value the type has on -ERANGE (trailing junk with @endptr
 * NULL is -EINVAL, checked before -ERANGE).  Unsigned
 * variants accept a leading '-' and negate modulo 2^N, as strtoul does,
 * but a magnitude too big for the type is -ERANGE.
 */
#ifndef QEMU_CUTILS_H
#define QEMU_CUTILS_H

/**
 * qemu_strtoi: parse an int.
 * @nptr: the string; leading blanks are skipped.
 * @endptr: where parsing stopped, or NULL to require the whole string.
 * @base: as for strtol (0 accepts 0x hex and leading-0 octal).
 * @result: the value.
 *
 * Returns: 0, -EINVAL or -ERANGE.
 */
int qemu_strtoi(const char *nptr, const char **endptr, int base,
                int *result);

/** qemu_strtoui: as qemu_strtoi for unsigned int. */
int qemu_strtoui(const char *nptr, const char **endptr, int base,
                 unsigned int *result);

/** qemu_strtol: as qemu_strtoi for long. */
int qemu_strtol(const char *nptr, const char **endptr, int base,
                long *result);

/** qemu_strtoul: as qemu_strtoi for unsigned long. */
int qemu_strtoul(const char *nptr, const char **endptr, int base,
                 unsigned long *result);

/** qemu_strtoi64: as qemu_strtoi for int64_t. */
int qemu_strtoi64(const char *nptr, const char **endptr, int base,
                  int64_t *result);

/** qemu_strtou64: as qemu_strtoi for uint64_t. */
int qemu_strtou64(const char *nptr, const char **endptr, int base,
                  uint64_t *result);

/**
 * qemu_strtod: parse a double.
 * @nptr: the string.
 * @endptr: where parsing stopped, or NULL to require the whole string.
 * @result: the value.
 *
 * Returns: 0, -EINVAL, or -ERANGE (overflow gives +-HUGE_VAL, underflow
 * a value of at most DBL_MIN in magnitude).
 */
int qemu_strtod(const char *nptr, const char **endptr, double *result);

/**
 * qemu_strtosz: parse a size such as "4096", "64k", "1.5G" or "0x1000".
 * @nptr: the string.
 * @end: where parsing stopped, or NULL to require the whole string.
 * @result: the size in bytes.
 *
 * Suffixes B, K, M, G, T, P, E (either case) are powers of 1024; without
 * a suffix the number is in bytes.  A fraction needs a suffix above B,
 * hexadecimal takes no fraction, negative numbers are refused.
 *
 * Returns: 0, -EINVAL or -ERANGE (over 2^64 - 1); on error *@result is
 * 0 and *@end is @nptr.
 */
int qemu_strtosz(const char *nptr, const char **end, uint64_t *result);

/** qemu_strtosz_MiB: as qemu_strtosz, but no suffix means MiB (-m). */
int qemu_strtosz_MiB(const char *nptr, const char **end, uint64_t *result);

/** qemu_strtosz_metric: as qemu_strtosz with powers of 1000. */
int qemu_strtosz_metric(const char *nptr, const char **end,
                        uint64_t *result);

/**
 * parse_uint: parse a non-negative number into a uint64_t.
 * @s: the string; leading blanks are skipped.
 * @endptr: where parsing stopped, or NULL to require the whole string.
 * @base: as for strtoull.
 * @value: the value; 0 on -EINVAL; on -ERANGE 0 for a negative number
 *         and UINT64_MAX for one too big.
 *
 * Returns: 0, -EINVAL or -ERANGE.
 */
int parse_uint(const char *s, const char **endptr, int base,
               uint64_t *value);

/** parse_uint_full: parse_uint that must consume the whole string. */
int parse_uint_full(const char *s, int base, uint64_t *value);

/**
 * strstart: does @str begin with @val?
 * @str: the string.
 * @val: the prefix.
 * @ptr: if not NULL and the prefix matched, the text after it.
 *
 * Returns: 1 on a match, else 0.
 */
int strstart(const char *str, const char *val, const char **ptr);

/** stristart: strstart ignoring ASCII case. */
int stristart(const char *str, const char *val, const char **ptr);

/**
 * pstrcpy: bounded copy that always terminates @buf.
 * @buf: destination.
 * @buf_size: its size; 0 leaves it untouched.
 * @str: source.
 */
void pstrcpy(char *buf, int buf_size, const char *str);

/** pstrcat: append @s to @buf, truncating at @buf_size - 1 chars. */
char *pstrcat(char *buf, int buf_size, const char *s);

/**
 * size_to_str: a size in the largest binary unit that keeps it >= 1,
 * e.g. "512 B", "1.5 KiB", "2 GiB".  The caller frees the string.
 */
char *size_to_str(uint64_t val);

/**
 * qemu_log_trace_pattern_cb: how "-d trace:PATTERN" reaches the trace
 * layer without util depending on it.  The trace code sets it at start
 * up; NULL means such items are accepted and ignored.  It returns false
 * and sets @errp when the pattern is refused.
 */
extern bool (*qemu_log_trace_pattern_cb)(const char *pattern, Error **errp);

#endif
