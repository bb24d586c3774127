/*
 * Interfaces shared by the JSON writer, the streamer and qjson.c.
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * Text handed to Jansson never holds an integer above INT64_MAX: such a
 * number is written with the same bit pattern as a negative int64, and
 * its ordinal among the integers of the value (in document order) goes
 * into a JSONIntTrack, so that the parsed value can be marked unsigned.
 */
#ifndef QOBJECT_JSON_INTERNAL_H
#define QOBJECT_JSON_INTERNAL_H

#include "qobject/qjson.h"

typedef struct JSONIntTrack {
    guint count;        /* integers written so far */
    GArray *big;        /* guint ordinals of the unsigned ones, ascending */
} JSONIntTrack;

/**
 * json_append_string: append @len bytes of @str as a quoted JSON string,
 * escaped as QEMU does (see qobject_to_json()).
 */
void json_append_string(GString *out, const char *str, size_t len);

/**
 * json_append_double: append @value with 17 significant digits; with
 * @reparsable, make sure the text reads back as a real, not an integer.
 */
void json_append_double(GString *out, double value, bool reparsable);

/**
 * json_append_value: append @obj as QEMU prints it: members in QEMU's
 * hash-table order, compact or @pretty.
 */
void json_append_value(GString *out, const QObject *obj, bool pretty);

/**
 * json_append_reparsable: append @obj so that parsing the text gives an
 * equal value: members in insertion order, reals always as reals and
 * unsigned integers recorded in @track.
 */
void json_append_reparsable(GString *out, const QObject *obj,
                            JSONIntTrack *track);

/**
 * json_message_parser_new_interp: a streamer for a format string; with
 * @ap non-NULL, %-conversions outside strings take their values from
 * @ap and "%%" inside strings stands for "%".  After the first error
 * the rest of the input is ignored, so no argument is read with a wrong
 * type.
 */
JSONMessageParser *json_message_parser_new_interp(JSONMessageEmit *emit,
                                                  void *opaque,
                                                  va_list *ap);

#endif
