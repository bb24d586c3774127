/*
 * Messages for the user: "<prog>: [-opt value: ]<message>" on stderr.
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * Each message is formatted whole and written with one call, so lines
 * from different threads do not interleave.
 */
#include "qemu/osdep.h"
#include "qemu/error-report.h"

typedef enum {
    REPORT_ERROR,
    REPORT_WARNING,
    REPORT_INFO,
} ReportKind;

bool message_with_timestamp;

static char *progname;

/* The command-line option being handled, for the message prefix. */
static char *loc_opt;
static char *loc_value;

void error_set_progname(const char *argv0)
{
    g_free(progname);
    progname = argv0 ? g_path_get_basename(argv0) : NULL;
}

const char *error_get_progname(void)
{
    return progname ? progname : g_get_prgname();
}

void loc_set_cmdline(const char *opt, const char *value)
{
    g_free(loc_opt);
    g_free(loc_value);
    if (opt && opt[0] != '-') {
        loc_opt = g_strconcat("-", opt, NULL);
    } else {
        loc_opt = g_strdup(opt);
    }
    loc_value = g_strdup(value);
}

void loc_set_none(void)
{
    loc_set_cmdline(NULL, NULL);
}

/* "2025-01-01T12:00:00.000000Z ": UTC, microseconds, then a space. */
static void append_timestamp(GString *out)
{
    struct timespec ts;
    struct tm tm;
    char buf[32];

    clock_gettime(CLOCK_REALTIME, &ts);
    gmtime_r(&ts.tv_sec, &tm);
    strftime(buf, sizeof(buf), "%Y-%m-%dT%H:%M:%S", &tm);
    g_string_append_printf(out, "%s.%06ldZ ", buf, ts.tv_nsec / 1000);
}

static void error_write(const char *text)
{
    fputs(text, stderr);
    fflush(stderr);
}

static void vreport(ReportKind kind, const char *fmt, va_list ap)
{
    GString *out = g_string_new(NULL);
    const char *prog = error_get_progname();

    if (message_with_timestamp) {
        append_timestamp(out);
    }
    if (prog) {
        g_string_append_printf(out, "%s: ", prog);
    }
    if (loc_opt) {
        if (loc_value) {
            g_string_append_printf(out, "%s %s: ", loc_opt, loc_value);
        } else {
            g_string_append_printf(out, "%s: ", loc_opt);
        }
    }
    switch (kind) {
    case REPORT_WARNING:
        g_string_append(out, "warning: ");
        break;
    case REPORT_INFO:
        g_string_append(out, "info: ");
        break;
    case REPORT_ERROR:
        break;
    }
    g_string_append_vprintf(out, fmt, ap);
    g_string_append_c(out, '\n');
    error_write(out->str);
    g_string_free(out, true);
}

void error_vreport(const char *fmt, va_list ap)
{
    vreport(REPORT_ERROR, fmt, ap);
}

void warn_vreport(const char *fmt, va_list ap)
{
    vreport(REPORT_WARNING, fmt, ap);
}

void error_report(const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    vreport(REPORT_ERROR, fmt, ap);
    va_end(ap);
}

void warn_report(const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    vreport(REPORT_WARNING, fmt, ap);
    va_end(ap);
}

void info_report(const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    vreport(REPORT_INFO, fmt, ap);
    va_end(ap);
}

void error_vprintf(const char *fmt, va_list ap)
{
    char *text = g_strdup_vprintf(fmt, ap);

    error_write(text);
    g_free(text);
}

void error_printf(const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    error_vprintf(fmt, ap);
    va_end(ap);
}
