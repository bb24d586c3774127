/*
 * QemuOpts: "key=value,key=value" option strings from the command line.
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "qemu/cutils.h"
#include "qemu/option.h"

typedef struct QemuOpt {
    char *name;
    char *value;
} QemuOpt;

struct QemuOpts {
    GPtrArray *list;    /* of QemuOpt, in the order given */
};

static void qemu_opt_free(gpointer data)
{
    QemuOpt *opt = data;

    g_free(opt->name);
    g_free(opt->value);
    g_free(opt);
}

QemuOpts *qemu_opts_new(void)
{
    QemuOpts *opts = g_new0(QemuOpts, 1);

    opts->list = g_ptr_array_new_with_free_func(qemu_opt_free);
    return opts;
}

void qemu_opts_free(QemuOpts *opts)
{
    if (opts) {
        g_ptr_array_free(opts->list, true);
        g_free(opts);
    }
}

void qemu_opt_set(QemuOpts *opts, const char *name, const char *value)
{
    QemuOpt *opt = g_new0(QemuOpt, 1);

    opt->name = g_strdup(name);
    opt->value = g_strdup(value);
    g_ptr_array_add(opts->list, opt);
}

bool is_help_option(const char *s)
{
    return g_str_equal(s, "help") || g_str_equal(s, "?");
}

/*
 * Read a value starting at @p up to the next lone ',' (",," is a
 * literal comma).  Returns where the value ends.
 */
static const char *parse_value(const char *p, char **value)
{
    GString *out = g_string_new(NULL);

    while (*p) {
        if (*p == ',') {
            if (p[1] != ',') {
                break;
            }
            p++;
        }
        g_string_append_c(out, *p);
        p++;
    }
    *value = g_string_free(out, false);
    return p;
}

QemuOpts *qemu_opts_parse(const char *params, const char *implied_key,
                          Error **errp)
{
    QemuOpts *opts = qemu_opts_new();
    const char *p = params;
    bool first = true;

    while (*p) {
        size_t len = strcspn(p, "=,");
        g_autofree char *name = g_strndup(p, len);
        char *value;

        if (p[len] == '=') {
            if (len == 0) {
                error_setg(errp, "Invalid option string '%s': a parameter "
                           "name is missing before '='", params);
                qemu_opts_free(opts);
                return NULL;
            }
            p = parse_value(p + len + 1, &value);
        } else if (len == 0) {
            /* An empty item, e.g. a trailing comma. */
            p++;
            first = false;
            continue;
        } else if (first && implied_key && !is_help_option(name)) {
            g_free(name);
            name = g_strdup(implied_key);
            p = parse_value(p, &value);
        } else {
            value = g_strdup("on");
            p += len;
        }

        qemu_opt_set(opts, name, value);
        g_free(value);
        if (*p == ',') {
            p++;
        }
        first = false;
    }
    return opts;
}

static QemuOpt *qemu_opt_find(QemuOpts *opts, const char *name)
{
    guint i;

    for (i = opts->list->len; i > 0; i--) {
        QemuOpt *opt = g_ptr_array_index(opts->list, i - 1);

        if (g_str_equal(opt->name, name)) {
            return opt;
        }
    }
    return NULL;
}

const char *qemu_opt_get(QemuOpts *opts, const char *name)
{
    QemuOpt *opt = qemu_opt_find(opts, name);

    return opt ? opt->value : NULL;
}

const char *qemu_opts_id(QemuOpts *opts)
{
    return qemu_opt_get(opts, "id");
}

bool qemu_opt_has(QemuOpts *opts, const char *name)
{
    return qemu_opt_find(opts, name) != NULL;
}

int qemu_opt_unset(QemuOpts *opts, const char *name)
{
    guint i = 0;
    bool found = false;

    while (i < opts->list->len) {
        QemuOpt *opt = g_ptr_array_index(opts->list, i);

        if (g_str_equal(opt->name, name)) {
            g_ptr_array_remove_index(opts->list, i);
            found = true;
        } else {
            i++;
        }
    }
    return found ? 0 : -ENOENT;
}

unsigned int qemu_opts_count(QemuOpts *opts)
{
    return opts->list->len;
}

bool qemu_opt_get_bool_err(QemuOpts *opts, const char *name, bool *value,
                           Error **errp)
{
    static const char *const yes[] = { "on", "yes", "true", "y" };
    static const char *const no[] = { "off", "no", "false", "n" };
    const char *str = qemu_opt_get(opts, name);
    int i;

    if (!str) {
        return true;
    }
    for (i = 0; i < ARRAY_SIZE(yes); i++) {
        if (g_str_equal(str, yes[i])) {
            *value = true;
            return true;
        }
        if (g_str_equal(str, no[i])) {
            *value = false;
            return true;
        }
    }
    error_setg(errp, "Parameter '%s' expects 'on' or 'off'", name);
    return false;
}

bool qemu_opt_get_bool(QemuOpts *opts, const char *name, bool defval)
{
    bool value = defval;

    if (!qemu_opt_get_bool_err(opts, name, &value, NULL)) {
        return defval;
    }
    return value;
}

bool qemu_opt_get_number_err(QemuOpts *opts, const char *name,
                             uint64_t *value, Error **errp)
{
    const char *str = qemu_opt_get(opts, name);
    uint64_t number;
    int ret;

    if (!str) {
        return true;
    }
    ret = qemu_strtou64(str, NULL, 0, &number);
    if (ret == -ERANGE) {
        error_setg(errp, "Value '%s' is too large for parameter '%s'",
                   str, name);
        return false;
    }
    if (ret < 0) {
        error_setg(errp, "Parameter '%s' expects a number", name);
        return false;
    }
    *value = number;
    return true;
}

uint64_t qemu_opt_get_number(QemuOpts *opts, const char *name,
                             uint64_t defval)
{
    uint64_t value = defval;

    if (!qemu_opt_get_number_err(opts, name, &value, NULL)) {
        return defval;
    }
    return value;
}

bool qemu_opt_get_size_err(QemuOpts *opts, const char *name,
                           uint64_t *value, Error **errp)
{
    const char *str = qemu_opt_get(opts, name);
    uint64_t size;

    if (!str) {
        return true;
    }
    if (qemu_strtosz(str, NULL, &size) < 0) {
        error_setg(errp, "Parameter '%s' expects a non-negative number "
                   "below 2^64", name);
        error_append_hint(errp, "Optional suffix k, M, G, T, P or E means "
                          "kilo-, mega-, giga-, tera-, peta-\n"
                          "and exabytes, respectively.\n");
        return false;
    }
    *value = size;
    return true;
}

uint64_t qemu_opt_get_size(QemuOpts *opts, const char *name,
                           uint64_t defval)
{
    uint64_t value = defval;

    if (!qemu_opt_get_size_err(opts, name, &value, NULL)) {
        return defval;
    }
    return value;
}

int qemu_opt_foreach(QemuOpts *opts, qemu_opt_loopfunc func, void *opaque,
                     Error **errp)
{
    guint i;

    for (i = 0; i < opts->list->len; i++) {
        QemuOpt *opt = g_ptr_array_index(opts->list, i);
        int ret = func(opaque, opt->name, opt->value, errp);

        if (ret) {
            return ret;
        }
    }
    return 0;
}

/* Append @s with every ',' doubled. */
static void append_escaped(GString *out, const char *s)
{
    for (; *s; s++) {
        if (*s == ',') {
            g_string_append_c(out, ',');
        }
        g_string_append_c(out, *s);
    }
}

char *qemu_opts_to_string(QemuOpts *opts)
{
    GString *out = g_string_new(NULL);
    guint i;

    for (i = 0; i < opts->list->len; i++) {
        QemuOpt *opt = g_ptr_array_index(opts->list, i);

        if (i > 0) {
            g_string_append_c(out, ',');
        }
        append_escaped(out, opt->name);
        g_string_append_c(out, '=');
        append_escaped(out, opt->value);
    }
    return g_string_free(out, false);
}

bool qemu_opt_has_help_opt(QemuOpts *opts)
{
    return qemu_opt_has(opts, "help") || qemu_opt_has(opts, "?");
}
