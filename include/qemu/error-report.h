/*
 * Messages for the user: error_report and friends.
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#ifndef QEMU_ERROR_REPORT_H
#define QEMU_ERROR_REPORT_H

/**
 * error_report: print "<prog>: [<location>: ]<message>\n" to stderr (or
 * to the current HMP monitor while it runs a command).
 */
void error_report(const char *fmt, ...) G_GNUC_PRINTF(1, 2);
void warn_report(const char *fmt, ...) G_GNUC_PRINTF(1, 2);
void info_report(const char *fmt, ...) G_GNUC_PRINTF(1, 2);
void error_vreport(const char *fmt, va_list ap) G_GNUC_PRINTF(1, 0);
void warn_vreport(const char *fmt, va_list ap) G_GNUC_PRINTF(1, 0);

/** error_printf: raw text to the same place, no prefix or newline. */
void error_printf(const char *fmt, ...) G_GNUC_PRINTF(1, 2);
void error_vprintf(const char *fmt, va_list ap) G_GNUC_PRINTF(1, 0);

#define error_report_once(fmt, ...) ({          \
        static bool print_once_;                \
        if (!print_once_) {                     \
            print_once_ = true;                 \
            error_report(fmt, ##__VA_ARGS__);   \
        }                                       \
        true; })

#define warn_report_once(fmt, ...) ({           \
        static bool print_once_;                \
        if (!print_once_) {                     \
            print_once_ = true;                 \
            warn_report(fmt, ##__VA_ARGS__);    \
        }                                       \
        true; })

/** error_set_progname: the program name used as prefix (basename). */
void error_set_progname(const char *argv0);
const char *error_get_progname(void);

/**
 * loc_set_cmdline / loc_pop: while an option is being handled, messages
 * carry "-opt value: " after the program name.
 */
void loc_set_cmdline(const char *opt, const char *value);
void loc_set_none(void);

/* -msg timestamp=on */
extern bool message_with_timestamp;

#endif
