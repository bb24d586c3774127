/*
 * JSON text <-> QObject: one-shot parsing, formats, printing.
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * One-shot parsing runs the message streamer over the whole string and
 * demands exactly one value.  Format arguments are spliced into the text
 * as JSON before Jansson parses it: strings are escaped (bytes that are
 * not UTF-8 become U+FFFD) and a %p QObject is written out and read back
 * as an equal value, not the same json_t.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "qobject/qjson.h"
#include "json-internal.h"

typedef struct JSONOneValue {
    QObject *result;
    Error *err;
    guint values;
} JSONOneValue;

/* Keep the first value and the first error; later ones are dropped. */
static void json_one_value_emit(void *opaque, QObject *obj, Error *err)
{
    JSONOneValue *s = opaque;

    if (err) {
        if (s->err) {
            error_free(err);
        } else {
            s->err = err;
        }
        return;
    }
    s->values++;
    if (s->result) {
        qobject_unref(obj);
    } else {
        s->result = obj;
    }
}

static QObject *json_parse_one(const char *string, va_list *ap,
                               Error **errp)
{
    JSONOneValue s = { 0 };
    JSONMessageParser *parser;

    parser = json_message_parser_new_interp(json_one_value_emit, &s, ap);
    json_message_parser_feed(parser, string, strlen(string));
    json_message_parser_flush(parser);
    json_message_parser_free(parser);

    if (!s.err && s.values > 1) {
        error_setg(&s.err,
                   "JSON parse error, expecting at most one JSON value");
    } else if (!s.err && !s.values) {
        error_setg(&s.err, "JSON parse error, expecting a JSON value");
    }
    if (s.err) {
        qobject_unref(s.result);
        error_propagate(errp, s.err);
        return NULL;
    }
    return s.result;
}

QObject *qobject_from_json(const char *string, Error **errp)
{
    return json_parse_one(string, NULL, errp);
}

QObject *qobject_from_vjsonf_nofail(const char *fmt, va_list ap)
{
    va_list ap_copy;
    Error *err = NULL;
    QObject *obj;

    va_copy(ap_copy, ap);
    obj = json_parse_one(fmt, &ap_copy, &err);
    va_end(ap_copy);
    if (!obj) {
        g_error("%s in JSON format \"%s\"", error_get_pretty(err), fmt);
    }
    return obj;
}

QObject *qobject_from_jsonf_nofail(const char *fmt, ...)
{
    va_list ap;
    QObject *obj;

    va_start(ap, fmt);
    obj = qobject_from_vjsonf_nofail(fmt, ap);
    va_end(ap);
    return obj;
}

QDict *qdict_from_vjsonf_nofail(const char *fmt, va_list ap)
{
    QObject *obj = qobject_from_vjsonf_nofail(fmt, ap);

    if (!qobject_to(QDict, obj)) {
        g_error("JSON format \"%s\" does not give an object", fmt);
    }
    return obj;
}

QDict *qdict_from_jsonf_nofail(const char *fmt, ...)
{
    va_list ap;
    QDict *qdict;

    va_start(ap, fmt);
    qdict = qdict_from_vjsonf_nofail(fmt, ap);
    va_end(ap);
    return qdict;
}

char *qobject_to_json_pretty(const QObject *obj, bool pretty)
{
    GString *out = g_string_new(NULL);

    json_append_value(out, obj, pretty);
    return g_string_free(out, FALSE);
}

char *qobject_to_json(const QObject *obj)
{
    return qobject_to_json_pretty(obj, false);
}
