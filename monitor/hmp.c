/*
 * The human monitor: command tables, line input, command execution.
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * Line editing is minimal: printable characters are echoed and
 * collected, backspace erases, CR or LF runs the line; escape sequences
 * (cursor keys) are skipped.  A command line is split at the first word;
 * the handler gets the rest, trimmed, as the "args" member.  Commands
 * may register from any layer at any time; names may carry aliases
 * separated by '|' ("help|?").
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "monitor/monitor-internal.h"

#define HMP_PROMPT "(qemu) "

/* const HMPCommand *, sorted by name. */
static GPtrArray *hmp_commands;
static GPtrArray *hmp_info_commands;

static gint hmp_command_compare(gconstpointer a, gconstpointer b)
{
    const HMPCommand *ca = *(const HMPCommand *const *)a;
    const HMPCommand *cb = *(const HMPCommand *const *)b;

    return strcmp(ca->name, cb->name);
}

/* Does @name match one of the '|'-separated names of @cmd? */
static bool hmp_command_matches(const HMPCommand *cmd, const char *name)
{
    const char *p = cmd->name;
    size_t len = strlen(name);
    const char *bar;

    while (p) {
        bar = strchr(p, '|');
        if ((bar ? (size_t)(bar - p) : strlen(p)) == len &&
            strncmp(p, name, len) == 0) {
            return true;
        }
        p = bar ? bar + 1 : NULL;
    }
    return false;
}

static const HMPCommand *hmp_table_find(GPtrArray *table, const char *name)
{
    guint i;

    for (i = 0; table && i < table->len; i++) {
        if (hmp_command_matches(g_ptr_array_index(table, i), name)) {
            return g_ptr_array_index(table, i);
        }
    }
    return NULL;
}

/* A later registration of the same name replaces the earlier one. */
static void hmp_table_add(GPtrArray **table, const HMPCommand *cmd)
{
    guint i;

    if (!*table) {
        *table = g_ptr_array_new();
    }
    for (i = 0; i < (*table)->len; i++) {
        if (strcmp(((const HMPCommand *)
                    g_ptr_array_index(*table, i))->name, cmd->name) == 0) {
            g_ptr_array_index(*table, i) = (gpointer)cmd;
            return;
        }
    }
    g_ptr_array_add(*table, (gpointer)cmd);
    g_ptr_array_sort(*table, hmp_command_compare);
}

void hmp_register_command(const HMPCommand *cmd)
{
    hmp_table_add(&hmp_commands, cmd);
}

void hmp_register_info(const HMPCommand *cmd)
{
    const char *sub;

    /* Accept "info <name>" as well as the bare sub-command name. */
    if (g_str_has_prefix(cmd->name, "info ")) {
        HMPCommand *copy = g_new(HMPCommand, 1);

        sub = cmd->name + strlen("info ");
        *copy = *cmd;
        copy->name = sub;
        cmd = copy;
    }
    hmp_table_add(&hmp_info_commands, cmd);
}

/* Split off the first word of @line: its length; *@rest the remainder. */
static size_t hmp_first_word(const char *line, const char **rest)
{
    size_t len = strcspn(line, " \t");
    const char *p = line + len;

    while (*p == ' ' || *p == '\t') {
        p++;
    }
    *rest = p;
    return len;
}

static void hmp_run(Monitor *mon, const HMPCommand *cmd, const char *args)
{
    g_autofree char *trimmed = g_strstrip(g_strdup(args));
    QDict *qdict;
    Monitor *old;

    if (!cmd->cmd) {
        return;
    }
    qdict = qdict_new();
    old = monitor_set_cur(mon);
    qdict_put_str(qdict, "args", trimmed);
    cmd->cmd(mon, qdict);
    qobject_unref(qdict);
    monitor_set_cur(old);
}

static void hmp_help_dump(Monitor *mon, const char *prefix,
                          const HMPCommand *cmd)
{
    monitor_printf(mon, "%s%s %s -- %s\n", prefix, cmd->name,
                   cmd->params ? cmd->params : "",
                   cmd->help ? cmd->help : "");
}

static void hmp_help_table(Monitor *mon, const char *prefix,
                           GPtrArray *table)
{
    guint i;

    for (i = 0; table && i < table->len; i++) {
        hmp_help_dump(mon, prefix, g_ptr_array_index(table, i));
    }
}

void hmp_help_cmd(Monitor *mon, const char *name)
{
    g_autofree char *word = NULL;
    g_autofree char *sub = NULL;
    const HMPCommand *cmd;
    const char *rest;
    size_t len;

    if (!name || !*name) {
        hmp_help_table(mon, "", hmp_commands);
        return;
    }
    len = hmp_first_word(name, &rest);
    word = g_strndup(name, len);
    if (strcmp(word, "info") == 0) {
        if (!*rest) {
            hmp_help_table(mon, "info ", hmp_info_commands);
            return;
        }
        len = hmp_first_word(rest, &name);
        sub = g_strndup(rest, len);
        cmd = hmp_table_find(hmp_info_commands, sub);
        if (!cmd) {
            monitor_printf(mon, "unknown command: 'info %s'\n", sub);
            return;
        }
        hmp_help_dump(mon, "info ", cmd);
        return;
    }
    cmd = hmp_table_find(hmp_commands, word);
    if (!cmd) {
        monitor_printf(mon, "unknown command: '%s'\n", word);
        return;
    }
    hmp_help_dump(mon, "", cmd);
}

void hmp_info_cmd(Monitor *mon, const QDict *qdict)
{
    const char *args = qdict_get_str(qdict, "args");
    g_autofree char *sub = NULL;
    const HMPCommand *cmd;
    const char *rest;
    size_t len;

    if (!*args) {
        hmp_help_table(mon, "info ", hmp_info_commands);
        return;
    }
    len = hmp_first_word(args, &rest);
    sub = g_strndup(args, len);
    cmd = hmp_table_find(hmp_info_commands, sub);
    if (!cmd) {
        monitor_printf(mon, "unknown command: 'info %s'\n", sub);
        return;
    }
    hmp_run(mon, cmd, rest);
}

void hmp_handle_command(Monitor *mon, const char *cmdline)
{
    g_autofree char *name = NULL;
    const HMPCommand *cmd;
    const char *rest;
    size_t len;

    while (*cmdline == ' ' || *cmdline == '\t') {
        cmdline++;
    }
    if (!*cmdline) {
        return;
    }
    len = hmp_first_word(cmdline, &rest);
    name = g_strndup(cmdline, len);
    cmd = hmp_table_find(hmp_commands, name);
    if (!cmd) {
        monitor_printf(mon, "unknown command: '%s'\n", name);
        return;
    }
    hmp_run(mon, cmd, rest);
}

char *hmp_run_command_line(const char *cmdline)
{
    Monitor mon = { 0 };
    char *out;

    monitor_data_init(&mon, false, false);
    hmp_handle_command(&mon, cmdline);
    out = g_strdup(mon.outbuf->str);
    monitor_data_destroy(&mon);
    return out;
}

/* Line input */

static void hmp_show_prompt(Monitor *mon)
{
    monitor_puts(mon, HMP_PROMPT);
}

static void hmp_enter(Monitor *mon)
{
    g_autofree char *line = g_strdup(mon->line->str);

    g_string_truncate(mon->line, 0);
    monitor_puts(mon, "\n");
    hmp_handle_command(mon, line);
    hmp_show_prompt(mon);
}

/*
 * esc_state: 0 normal, 1 after ESC, 2 inside "ESC [" or "ESC O" up to
 * the final byte (0x40..0x7e).
 */
static void hmp_read_byte(Monitor *mon, uint8_t c)
{
    char echo[2] = { (char)c, 0 };
    bool was_cr = mon->last_was_cr;

    mon->last_was_cr = false;
    if (mon->esc_state == 1) {
        mon->esc_state = (c == '[' || c == 'O') ? 2 : 0;
        return;
    }
    if (mon->esc_state == 2) {
        if (c >= 0x40 && c <= 0x7e) {
            mon->esc_state = 0;
        }
        return;
    }
    switch (c) {
    case 0x1b:
        mon->esc_state = 1;
        break;
    case '\r':
        mon->last_was_cr = true;
        hmp_enter(mon);
        break;
    case '\n':
        if (!was_cr) {
            hmp_enter(mon);
        }
        break;
    case 0x08:
    case 0x7f:
        if (mon->line->len) {
            g_string_truncate(mon->line, mon->line->len - 1);
            monitor_puts(mon, "\b \b");
        }
        break;
    default:
        if (c >= 0x20) {
            g_string_append_c(mon->line, c);
            monitor_puts(mon, echo);
        }
        break;
    }
}

static int monitor_hmp_can_read(void *opaque)
{
    return monitor_can_read_common(opaque);
}

static void monitor_hmp_read(void *opaque, const uint8_t *buf, int size)
{
    Monitor *mon = opaque;
    int i;

    for (i = 0; i < size; i++) {
        hmp_read_byte(mon, buf[i]);
    }
}

static void monitor_hmp_event(void *opaque, QEMUChrEvent event)
{
    Monitor *mon = opaque;

    switch (event) {
    case CHR_EVENT_OPENED:
        mon->connected = true;
        g_string_truncate(mon->line, 0);
        mon->esc_state = 0;
        monitor_printf(mon, "QEMU %s monitor - type 'help' for more "
                       "information\n", QEMU_VERSION);
        if (!mon->mux_out) {
            hmp_show_prompt(mon);
        }
        mon->reset_seen = true;
        break;
    case CHR_EVENT_MUX_IN:
        /* Output held while another front end had the focus goes now. */
        mon->mux_out = false;
        if (mon->reset_seen) {
            g_string_truncate(mon->line, 0);
            mon->esc_state = 0;
            hmp_show_prompt(mon);
        }
        monitor_flush(mon);
        break;
    case CHR_EVENT_MUX_OUT:
        if (mon->reset_seen) {
            monitor_puts(mon, "\n");
        }
        mon->mux_out = true;
        break;
    case CHR_EVENT_CLOSED:
        monitor_discard_output(mon);
        mon->connected = false;
        g_string_truncate(mon->line, 0);
        break;
    default:
        break;
    }
}

void monitor_init_hmp(Monitor *mon)
{
    mon->line = g_string_new(NULL);
    qemu_chr_fe_set_handlers(&mon->chr, monitor_hmp_can_read,
                             monitor_hmp_read, monitor_hmp_event, NULL,
                             mon, NULL, true);
}
