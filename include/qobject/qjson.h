/*
 * JSON text <-> QObject, with QEMU's dialect and interpolation.
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * The dialect: RFC 8259 plus single-quoted strings ('x', in which "
 * needs no escape) and the escape \'.  Parsing proper is Jansson's; the
 * lexer here only finds where a value ends in a byte stream, rewrites
 * single-quoted strings, and performs %-interpolation for the format
 * variants.
 */
#ifndef QOBJECT_QJSON_H
#define QOBJECT_QJSON_H

#include "qobject/qobject.h"

/**
 * qobject_from_json: parse one complete JSON value.  Returns a new
 * reference, or NULL with @errp set ("JSON parse error, ...").
 */
QObject *qobject_from_json(const char *string, Error **errp);

/**
 * qobject_from_jsonf_nofail / qobject_from_vjsonf_nofail: parse a JSON
 * format with interpolation of %s (string), %i (bool, as QEMU), %d %u %ld
 * %lu %lld %llu
 * and PRId64/PRIu64 (integers), %f (double), %p (a QObject, whose
 * reference is consumed) and %% (literal %).  Abort on syntax errors.
 */
QObject *qobject_from_jsonf_nofail(const char *fmt, ...);
QObject *qobject_from_vjsonf_nofail(const char *fmt, va_list ap);
QDict *qdict_from_jsonf_nofail(const char *fmt, ...);
QDict *qdict_from_vjsonf_nofail(const char *fmt, va_list ap);

/**
 * qobject_to_json: compact one-line JSON as QEMU writes it
 * ({"a": 1, "b": [1, 2]}, non-ASCII as \uXXXX).  Caller frees.
 */
char *qobject_to_json(const QObject *obj);

/** qobject_to_json_pretty: multi-line, four-space indentation. */
char *qobject_to_json_pretty(const QObject *obj, bool pretty);

/*
 * JSON message streamer: feed it bytes in any split; it calls @emit once
 * for every complete top-level value (@obj a new reference, @err NULL) or
 * once for every error (@obj NULL, @err set, ownership passed), and then
 * recovers as QEMU does.
 */
typedef struct JSONMessageParser JSONMessageParser;
typedef void JSONMessageEmit(void *opaque, QObject *obj, Error *err);

JSONMessageParser *json_message_parser_new(JSONMessageEmit *emit,
                                           void *opaque);
void json_message_parser_feed(JSONMessageParser *parser,
                              const char *buffer, size_t size);
/** json_message_parser_flush: end of input; report an unfinished value. */
void json_message_parser_flush(JSONMessageParser *parser);
void json_message_parser_free(JSONMessageParser *parser);

#endif
