/*
 * QObject to JSON text, byte for byte as QEMU's monitor writes it.
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * Jansson's own dumper escapes differently (lowercase hex, no \uFFFD for
 * bad UTF-8) and orders members otherwise, hence this writer.  Member
 * order follows QEMU's QDict, a 512-bucket hash table printed bucket by
 * bucket with the most recent insertion first inside a bucket
 * (docs: interfaces.md section 3.1); QMP transcripts then match QEMU's.
 */
#include "qemu/osdep.h"
#include "qobject/qjson.h"
#include "json-internal.h"

#define JSON_BUCKETS 512

typedef struct JSONWriter {
    GString *out;
    bool pretty;
    guint depth;
    JSONIntTrack *track;    /* non-NULL: write for re-parsing */
} JSONWriter;

typedef struct JSONMember {
    const char *key;
    QObject *value;
    guint bucket;
    size_t seq;             /* insertion rank */
} JSONMember;

static void json_append_escape(GString *out, guint cp)
{
    if (cp > 0xffff) {
        cp -= 0x10000;
        g_string_append_printf(out, "\\u%04X\\u%04X",
                               0xd800 | (cp >> 10), 0xdc00 | (cp & 0x3ff));
    } else {
        g_string_append_printf(out, "\\u%04X", cp);
    }
}

/*
 * Decode the UTF-8 sequence at @s (@avail bytes).  Returns its code
 * point, or -1 when it is malformed, overlong, a surrogate or beyond
 * U+10FFFF.  A malformed sequence spans its lead byte and the
 * continuation bytes that follow, up to the count the lead announces.
 */
static int json_utf8_decode(const unsigned char *s, size_t avail,
                            size_t *len)
{
    guint cp, min, need, i;

    if (s[0] < 0x80) {
        *len = 1;
        return s[0];
    }
    if (s[0] >= 0xc0 && s[0] < 0xe0) {
        need = 1;
        cp = s[0] & 0x1f;
        min = 0x80;
    } else if (s[0] >= 0xe0 && s[0] < 0xf0) {
        need = 2;
        cp = s[0] & 0x0f;
        min = 0x800;
    } else if (s[0] >= 0xf0 && s[0] < 0xf8) {
        need = 3;
        cp = s[0] & 0x07;
        min = 0x10000;
    } else {
        *len = 1;
        return -1;
    }
    for (i = 1; i <= need; i++) {
        if (i >= avail || (s[i] & 0xc0) != 0x80) {
            *len = i;
            return -1;
        }
        cp = (cp << 6) | (s[i] & 0x3f);
    }
    *len = need + 1;
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) {
        return -1;
    }
    return cp;
}

void json_append_string(GString *out, const char *str, size_t len)
{
    const unsigned char *s = (const unsigned char *)str;
    size_t i = 0, n;
    int cp;

    g_string_append_c(out, '"');
    while (i < len) {
        switch (s[i]) {
        case '"':
            g_string_append(out, "\\\"");
            break;
        case '\\':
            g_string_append(out, "\\\\");
            break;
        case '\b':
            g_string_append(out, "\\b");
            break;
        case '\f':
            g_string_append(out, "\\f");
            break;
        case '\n':
            g_string_append(out, "\\n");
            break;
        case '\r':
            g_string_append(out, "\\r");
            break;
        case '\t':
            g_string_append(out, "\\t");
            break;
        default:
            if (s[i] >= 0x20 && s[i] < 0x7f) {
                g_string_append_c(out, s[i]);
                break;
            }
            cp = json_utf8_decode(s + i, len - i, &n);
            json_append_escape(out, cp < 0 ? 0xfffd : cp);
            i += n;
            continue;
        }
        i++;
    }
    g_string_append_c(out, '"');
}

void json_append_double(GString *out, double value, bool reparsable)
{
    char buf[G_ASCII_DTOSTR_BUF_SIZE];

    g_ascii_formatd(buf, sizeof(buf), "%.17g", value);
    g_string_append(out, buf);
    if (reparsable && !strpbrk(buf, ".eEn")) {
        g_string_append(out, ".0");
    }
}

/* QEMU's QDict bucket for @key: the tdb string hash modulo 512. */
static guint json_member_bucket(const char *key)
{
    const unsigned char *s = (const unsigned char *)key;
    size_t len = strlen(key), i;
    uint32_t v = 0x238F13AFu * (uint32_t)len;

    for (i = 0; i < len; i++) {
        v += (uint32_t)s[i] << (5 * i % 24);
    }
    return (1103515243u * v + 12345u) % JSON_BUCKETS;
}

static int json_member_compare(const void *a, const void *b)
{
    const JSONMember *ma = a, *mb = b;

    if (ma->bucket != mb->bucket) {
        return ma->bucket < mb->bucket ? -1 : 1;
    }
    return ma->seq > mb->seq ? -1 : ma->seq < mb->seq;
}

static void json_writer_newline(JSONWriter *w)
{
    if (w->pretty) {
        g_string_append_printf(w->out, "\n%*s", 4 * (int)w->depth, "");
    }
}

/* Before each member or element: comma unless first, then the spacing. */
static void json_writer_separator(JSONWriter *w, bool first)
{
    if (!first) {
        g_string_append_c(w->out, ',');
    }
    if (w->pretty) {
        json_writer_newline(w);
    } else if (!first) {
        g_string_append_c(w->out, ' ');
    }
}

static void json_writer_value(JSONWriter *w, const QObject *obj);

static void json_writer_integer(JSONWriter *w, const QNum *qn)
{
    int64_t i;
    uint64_t u;

    if (qnum_get_try_int(qn, &i)) {
        g_string_append_printf(w->out, "%" PRId64, i);
    } else {
        u = qnum_get_uint(qn);
        if (w->track) {
            g_string_append_printf(w->out, "%" PRId64, (int64_t)u);
            g_array_append_val(w->track->big, w->track->count);
        } else {
            g_string_append_printf(w->out, "%" PRIu64, u);
        }
    }
    if (w->track) {
        w->track->count++;
    }
}

static void json_writer_list(JSONWriter *w, const QList *qlist)
{
    size_t i;

    g_string_append_c(w->out, '[');
    w->depth++;
    for (i = 0; i < qlist_size(qlist); i++) {
        json_writer_separator(w, i == 0);
        json_writer_value(w, qlist_get(qlist, i));
    }
    w->depth--;
    json_writer_newline(w);
    g_string_append_c(w->out, ']');
}

static void json_writer_dict(JSONWriter *w, const QDict *qdict)
{
    size_t n = qdict_size(qdict), i = 0;
    g_autofree JSONMember *members = g_new(JSONMember, n);
    const QDictEntry *e;

    for (e = qdict_first(qdict); e; e = qdict_next(qdict, e), i++) {
        members[i].key = qdict_entry_key(e);
        members[i].value = qdict_entry_value(e);
        members[i].bucket = json_member_bucket(members[i].key);
        members[i].seq = i;
    }
    if (!w->track && n > 1) {
        qsort(members, n, sizeof(*members), json_member_compare);
    }

    g_string_append_c(w->out, '{');
    w->depth++;
    for (i = 0; i < n; i++) {
        json_writer_separator(w, i == 0);
        json_append_string(w->out, members[i].key, strlen(members[i].key));
        g_string_append(w->out, ": ");
        json_writer_value(w, members[i].value);
    }
    w->depth--;
    json_writer_newline(w);
    g_string_append_c(w->out, '}');
}

static void json_writer_value(JSONWriter *w, const QObject *obj)
{
    g_assert(obj);
    switch (json_typeof(obj)) {
    case JSON_NULL:
        g_string_append(w->out, "null");
        break;
    case JSON_TRUE:
        g_string_append(w->out, "true");
        break;
    case JSON_FALSE:
        g_string_append(w->out, "false");
        break;
    case JSON_INTEGER:
        json_writer_integer(w, obj);
        break;
    case JSON_REAL:
        json_append_double(w->out, json_real_value(obj), w->track != NULL);
        break;
    case JSON_STRING:
        json_append_string(w->out, json_string_value(obj),
                           json_string_length(obj));
        break;
    case JSON_ARRAY:
        json_writer_list(w, obj);
        break;
    case JSON_OBJECT:
        json_writer_dict(w, obj);
        break;
    }
}

void json_append_value(GString *out, const QObject *obj, bool pretty)
{
    JSONWriter w = { .out = out, .pretty = pretty };

    json_writer_value(&w, obj);
}

void json_append_reparsable(GString *out, const QObject *obj,
                            JSONIntTrack *track)
{
    JSONWriter w = { .out = out, .track = track };

    json_writer_value(&w, obj);
}
