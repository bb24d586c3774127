/*
 * A small streaming JSON writer for the migration description (vmdesc).
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include "qemu/osdep.h"
#include "json-writer.h"

struct JSONWriter {
    GString *text;
    /* One entry per open container: has it a member already? */
    GArray *need_comma;
};

JSONWriter *json_writer_new(void)
{
    JSONWriter *w = g_new0(JSONWriter, 1);

    w->text = g_string_new(NULL);
    w->need_comma = g_array_new(false, false, sizeof(bool));
    return w;
}

void json_writer_free(JSONWriter *w)
{
    if (w) {
        g_string_free(w->text, true);
        g_array_free(w->need_comma, true);
        g_free(w);
    }
}

const char *json_writer_get(JSONWriter *w)
{
    return w->text->str;
}

static void json_writer_quoted(JSONWriter *w, const char *str)
{
    const unsigned char *p;

    g_string_append_c(w->text, '"');
    for (p = (const unsigned char *)str; *p; p++) {
        switch (*p) {
        case '"':
            g_string_append(w->text, "\\\"");
            break;
        case '\\':
            g_string_append(w->text, "\\\\");
            break;
        case '\n':
            g_string_append(w->text, "\\n");
            break;
        case '\t':
            g_string_append(w->text, "\\t");
            break;
        default:
            if (*p < 0x20 || *p >= 0x7f) {
                g_string_append_printf(w->text, "\\u%04X", *p);
            } else {
                g_string_append_c(w->text, *p);
            }
            break;
        }
    }
    g_string_append_c(w->text, '"');
}

/* The separator and key that come before every value. */
static void json_writer_member(JSONWriter *w, const char *name)
{
    if (w->need_comma->len > 0) {
        bool *comma = &g_array_index(w->need_comma, bool,
                                     w->need_comma->len - 1);

        if (*comma) {
            g_string_append(w->text, ", ");
        }
        *comma = true;
    }
    if (name) {
        json_writer_quoted(w, name);
        g_string_append(w->text, ": ");
    }
}

static void json_writer_open(JSONWriter *w, const char *name, char c)
{
    bool comma = false;

    json_writer_member(w, name);
    g_string_append_c(w->text, c);
    g_array_append_val(w->need_comma, comma);
}

static void json_writer_close(JSONWriter *w, char c)
{
    assert(w->need_comma->len > 0);
    g_array_set_size(w->need_comma, w->need_comma->len - 1);
    g_string_append_c(w->text, c);
}

void json_writer_start_object(JSONWriter *w, const char *name)
{
    json_writer_open(w, name, '{');
}

void json_writer_end_object(JSONWriter *w)
{
    json_writer_close(w, '}');
}

void json_writer_start_array(JSONWriter *w, const char *name)
{
    json_writer_open(w, name, '[');
}

void json_writer_end_array(JSONWriter *w)
{
    json_writer_close(w, ']');
}

void json_writer_int64(JSONWriter *w, const char *name, int64_t val)
{
    json_writer_member(w, name);
    g_string_append_printf(w->text, "%" PRId64, val);
}

void json_writer_uint64(JSONWriter *w, const char *name, uint64_t val)
{
    json_writer_member(w, name);
    g_string_append_printf(w->text, "%" PRIu64, val);
}

void json_writer_str(JSONWriter *w, const char *name, const char *str)
{
    json_writer_member(w, name);
    json_writer_quoted(w, str);
}
