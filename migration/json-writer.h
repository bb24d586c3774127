/*
 * A small streaming JSON writer for the migration description (vmdesc).
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * Output is one line in QMP's layout: ", " between members and ": "
 * after keys, members in the order written.  @name is the member name
 * inside an object and NULL inside an array or at the top level.
 */
#ifndef MIGRATION_JSON_WRITER_H
#define MIGRATION_JSON_WRITER_H

typedef struct JSONWriter JSONWriter;

/** json_writer_new: an empty writer. */
JSONWriter *json_writer_new(void);
/** json_writer_free: free @w (NULL is fine). */
void json_writer_free(JSONWriter *w);
/** json_writer_get: the text so far (owned by @w). */
const char *json_writer_get(JSONWriter *w);

/** json_writer_start_object: open an object, member @name of the parent. */
void json_writer_start_object(JSONWriter *w, const char *name);
/** json_writer_end_object: close the innermost object. */
void json_writer_end_object(JSONWriter *w);
/** json_writer_start_array: open an array, member @name of the parent. */
void json_writer_start_array(JSONWriter *w, const char *name);
/** json_writer_end_array: close the innermost array. */
void json_writer_end_array(JSONWriter *w);
/** json_writer_int64: a signed integer member or element. */
void json_writer_int64(JSONWriter *w, const char *name, int64_t val);
/** json_writer_uint64: an unsigned integer member or element. */
void json_writer_uint64(JSONWriter *w, const char *name, uint64_t val);
/** json_writer_str: a string member or element, escaped. */
void json_writer_str(JSONWriter *w, const char *name, const char *str);

#endif
