/*
 * QemuOpts: "key=value,key=value" option strings from the command line.
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * A QemuOpts is an ordered list of (name, value) string pairs, kept as
 * written: duplicates stay, and lookups return the last one.  Syntax:
 *
 *   - items are separated by ','; in a value ",," is a literal comma;
 *   - "name=value" sets name; a bare "name" means name=on;
 *   - with an implied key, a first item without '=' is that key's value
 *     ("-machine virt" is type=virt), except "help" and "?", which stay
 *     help requests (see qemu_opt_has_help_opt);
 *   - an empty name ("=x" or ",,," at the start) is an error; empty
 *     items (a trailing ',') are skipped.
 *
 * Values are checked only when read, by the typed getters.
 */
#ifndef QEMU_OPTION_H
#define QEMU_OPTION_H

/**
 * qemu_opts_parse: split an option string.
 * @params: the text after the option ("virt,gic-version=3").
 * @implied_key: the key of a first item without '=', or NULL.
 * @errp: error destination.
 *
 * Returns: a new QemuOpts (free with qemu_opts_free), or NULL on error.
 */
QemuOpts *qemu_opts_parse(const char *params, const char *implied_key,
                          Error **errp);

/** qemu_opts_new: an empty QemuOpts, to fill with qemu_opt_set. */
QemuOpts *qemu_opts_new(void);

/** qemu_opts_free: free @opts and its strings (NULL allowed). */
void qemu_opts_free(QemuOpts *opts);

G_DEFINE_AUTOPTR_CLEANUP_FUNC(QemuOpts, qemu_opts_free)

/** qemu_opt_set: append @name=@value (a copy of both) to @opts. */
void qemu_opt_set(QemuOpts *opts, const char *name, const char *value);

/** qemu_opt_get: the value of the last @name in @opts, or NULL. */
const char *qemu_opt_get(QemuOpts *opts, const char *name);

/** qemu_opts_id: the value of "id", or NULL. */
const char *qemu_opts_id(QemuOpts *opts);

/** qemu_opt_has: is @name present at least once? */
bool qemu_opt_has(QemuOpts *opts, const char *name);

/**
 * qemu_opt_unset: remove every @name from @opts.
 * Returns: 0, or -ENOENT when there was none.
 */
int qemu_opt_unset(QemuOpts *opts, const char *name);

/** qemu_opts_count: how many pairs @opts holds. */
unsigned int qemu_opts_count(QemuOpts *opts);

/**
 * qemu_opt_get_bool_err: read @name as a boolean.
 * @opts: the options.
 * @name: the key.
 * @value: set to the value; left alone when @name is absent.
 * @errp: error destination.
 *
 * on/yes/true/y and off/no/false/n are accepted.
 *
 * Returns: false (with @errp set) when the value is none of those.
 */
bool qemu_opt_get_bool_err(QemuOpts *opts, const char *name, bool *value,
                           Error **errp);

/** qemu_opt_get_bool: the boolean @name, or @defval if absent or bad. */
bool qemu_opt_get_bool(QemuOpts *opts, const char *name, bool defval);

/**
 * qemu_opt_get_number_err: read @name as an unsigned number (base 0:
 * decimal, 0x hex, leading-0 octal); like qemu_opt_get_bool_err.
 */
bool qemu_opt_get_number_err(QemuOpts *opts, const char *name,
                             uint64_t *value, Error **errp);

/** qemu_opt_get_number: the number @name, or @defval if absent or bad. */
uint64_t qemu_opt_get_number(QemuOpts *opts, const char *name,
                             uint64_t defval);

/**
 * qemu_opt_get_size_err: read @name as a size in bytes with an optional
 * k/M/G/T/P/E suffix (see qemu_strtosz); like qemu_opt_get_bool_err.
 */
bool qemu_opt_get_size_err(QemuOpts *opts, const char *name,
                           uint64_t *value, Error **errp);

/** qemu_opt_get_size: the size @name, or @defval if absent or bad. */
uint64_t qemu_opt_get_size(QemuOpts *opts, const char *name,
                           uint64_t defval);

typedef int (*qemu_opt_loopfunc)(void *opaque, const char *name,
                                 const char *value, Error **errp);

/**
 * qemu_opt_foreach: call @func on every pair of @opts, in order.
 * @opts: the options.
 * @func: the callback; a non-zero return stops the walk.
 * @opaque: passed to @func.
 * @errp: passed to @func.
 *
 * Returns: the first non-zero result of @func, or 0.
 */
int qemu_opt_foreach(QemuOpts *opts, qemu_opt_loopfunc func, void *opaque,
                     Error **errp);

/**
 * qemu_opts_to_string: @opts back in option syntax ("a=b,c=d,,e"),
 * which qemu_opts_parse reads back to the same pairs.  The caller frees
 * the string.
 */
char *qemu_opts_to_string(QemuOpts *opts);

/**
 * qemu_opt_has_help_opt: did the user ask for help?  True when the key
 * "help" or "?" is present (e.g. "-machine help", "-device pl011,help").
 */
bool qemu_opt_has_help_opt(QemuOpts *opts);

/** is_help_option: is @s "help" or "?"? */
bool is_help_option(const char *s);

#endif
