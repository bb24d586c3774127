/*
 * JSON message streamer: finds top-level values in a byte stream.
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * A small lexer splits the input into tokens and rewrites each value as
 * standard JSON (single-quoted strings and \' become ordinary strings,
 * %-conversions become their values); once a value's braces and
 * brackets balance, Jansson parses the rewritten text.  Error handling
 * follows QEMU (interfaces.md section 3.3):
 *  - a lexical error (a byte Jansson could never accept, a control
 *    character, a '%' in QMP input, a bad escape or number) reports
 *    "stray '<token so far>'", drops the partial value and skips input
 *    up to a structural character, a control character other than tab,
 *    or a 0xFE/0xFF byte, which is then lexed afresh;
 *  - a value that cannot balance (a closing bracket too many, or a
 *    structural character at top level) goes to Jansson at once, which
 *    reports the syntax error;
 *  - size, token count and nesting limits drop the partial value.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "qobject/qjson.h"
#include "json-internal.h"

#define JSON_MAX_SIZE       (64 * 1024 * 1024)
#define JSON_MAX_TOKENS     (1u << 21)
#define JSON_MAX_NESTING    1024

typedef enum JSONLexState {
    LEX_START,          /* between tokens */
    LEX_RECOVERY,       /* after a lexical error, looking for a restart */
    LEX_STRING,         /* inside a string */
    LEX_STRING_PERCENT, /* after '%' inside a string of a format */
    LEX_ESCAPE,         /* after a backslash inside a string */
    LEX_UNICODE,        /* inside the hex digits of \uXXXX */
    LEX_NEG,            /* after a minus sign */
    LEX_ZERO,           /* integer part "0" */
    LEX_INT,            /* in the digits of the integer part */
    LEX_DOT,            /* after the decimal point */
    LEX_FRAC,           /* in the digits of the fraction */
    LEX_EXP,            /* after 'e' or 'E' */
    LEX_EXP_SIGN,       /* after the exponent's sign */
    LEX_EXP_DIGITS,     /* in the digits of the exponent */
    LEX_KEYWORD,        /* in a lowercase word: true, false, null */
    LEX_INTERP,         /* after '%' outside strings, in a format */
} JSONLexState;

struct JSONMessageParser {
    JSONMessageEmit *emit;
    void *opaque;
    va_list *ap;            /* format arguments, NULL for plain input */
    bool failed;            /* a format had an error: ignore the rest */

    JSONLexState state;
    char quote;             /* the quote that opened the current string */
    guint hex_left;         /* hex digits still due in \uXXXX */
    GString *token;         /* raw text of the current token */

    GString *text;          /* the current value as standard JSON */
    int brace_count;
    int bracket_count;
    guint token_count;
    JSONIntTrack ints;
};

/* Hand one result to the client, after resetting for the next value. */
static void json_stream_emit(JSONMessageParser *p, QObject *obj, Error *err)
{
    g_string_truncate(p->text, 0);
    p->brace_count = 0;
    p->bracket_count = 0;
    p->token_count = 0;
    p->ints.count = 0;
    g_array_set_size(p->ints.big, 0);
    if (err && p->ap) {
        p->failed = true;
    }
    p->emit(p->opaque, obj, err);
}

static void json_lex_error(JSONMessageParser *p)
{
    Error *err = NULL;

    error_setg(&err, "JSON parse error, stray '%s'", p->token->str);
    p->state = LEX_RECOVERY;
    json_stream_emit(p, NULL, err);
}

static void json_lex_size_error(JSONMessageParser *p)
{
    Error *err = NULL;

    error_setg(&err, "JSON token size limit exceeded");
    p->state = LEX_RECOVERY;
    json_stream_emit(p, NULL, err);
}

/*
 * Replace the integers whose ordinals @big lists by unsigned QNums.
 * Jansson keeps members in document order and duplicate keys are
 * rejected, so a depth-first walk meets integers in token order.
 * Returns the replacement for @obj, or NULL to keep it.
 */
static QObject *json_mark_unsigned(QObject *obj, const GArray *big,
                                   guint *seen, guint *next)
{
    QObject *repl;
    void *iter;
    size_t i;

    switch (json_typeof(obj)) {
    case JSON_INTEGER:
        if (*next < big->len && g_array_index(big, guint, *next) == *seen) {
            (*next)++;
            (*seen)++;
            return qnum_from_uint((uint64_t)json_integer_value(obj));
        }
        (*seen)++;
        return NULL;
    case JSON_ARRAY:
        for (i = 0; i < json_array_size(obj); i++) {
            repl = json_mark_unsigned(json_array_get(obj, i), big, seen,
                                      next);
            if (repl) {
                json_array_set_new(obj, i, repl);
            }
        }
        return NULL;
    case JSON_OBJECT:
        for (iter = json_object_iter(obj); iter;
             iter = json_object_iter_next(obj, iter)) {
            repl = json_mark_unsigned(json_object_iter_value(iter), big,
                                      seen, next);
            if (repl) {
                json_object_iter_set_new(obj, iter, repl);
            }
        }
        return NULL;
    default:
        return NULL;
    }
}

/* The value is complete (or cannot become so): let Jansson judge it. */
static void json_stream_parse(JSONMessageParser *p)
{
    json_error_t jerr;
    Error *err = NULL;
    QObject *obj, *repl;
    guint seen = 0, next = 0;

    obj = json_loadb(p->text->str, p->text->len,
                     JSON_DECODE_ANY | JSON_ALLOW_NUL |
                     JSON_REJECT_DUPLICATES, &jerr);
    if (!obj) {
        error_setg(&err, "JSON parse error, %s", jerr.text);
    } else if (p->ints.big->len) {
        repl = json_mark_unsigned(obj, p->ints.big, &seen, &next);
        if (repl) {
            qobject_unref(obj);
            obj = repl;
        }
    }
    json_stream_emit(p, obj, err);
}

/* A token of the current value is complete; @kind is its first char. */
static void json_stream_token(JSONMessageParser *p, char kind)
{
    Error *err = NULL;

    switch (kind) {
    case '{':
        p->brace_count++;
        break;
    case '}':
        p->brace_count--;
        break;
    case '[':
        p->bracket_count++;
        break;
    case ']':
        p->bracket_count--;
        break;
    default:
        break;
    }
    p->token_count++;

    if (p->text->len > JSON_MAX_SIZE) {
        error_setg(&err, "JSON token size limit exceeded");
    } else if (p->token_count > JSON_MAX_TOKENS) {
        error_setg(&err, "JSON token count limit exceeded");
    } else if (p->brace_count + p->bracket_count > JSON_MAX_NESTING) {
        error_setg(&err, "JSON nesting depth limit exceeded");
    }
    if (err) {
        json_stream_emit(p, NULL, err);
        return;
    }

    if ((p->brace_count > 0 || p->bracket_count > 0) &&
        p->brace_count >= 0 && p->bracket_count >= 0) {
        return;
    }
    json_stream_parse(p);
}

/*
 * Append an integer token.  One above INT64_MAX is written in its
 * signed form and recorded; one beyond 64 bits becomes a real, as QEMU
 * reads it.
 */
static void json_lex_append_integer(JSONMessageParser *p)
{
    const char *tok = p->token->str;
    uint64_t u;

    errno = 0;
    g_ascii_strtoll(tok, NULL, 10);
    if (errno == 0) {
        g_string_append(p->text, tok);
        p->ints.count++;
        return;
    }
    if (tok[0] != '-') {
        errno = 0;
        u = g_ascii_strtoull(tok, NULL, 10);
        if (errno == 0) {
            g_string_append_printf(p->text, "%" PRId64, (int64_t)u);
            g_array_append_val(p->ints.big, p->ints.count);
            p->ints.count++;
            return;
        }
    }
    g_string_append_printf(p->text, "%s.0", tok);
}

/* End of a number or keyword token, found by looking at the next char. */
static void json_lex_end_word(JSONMessageParser *p)
{
    if (p->state == LEX_ZERO || p->state == LEX_INT) {
        json_lex_append_integer(p);
    } else {
        g_string_append(p->text, p->token->str);
    }
    /* Keep Jansson from gluing this token to the next one. */
    g_string_append_c(p->text, ' ');
    p->state = LEX_START;
    json_stream_token(p, 'v');
}

static bool json_is_structural(unsigned char c)
{
    switch (c) {
    case '{':
    case '}':
    case '[':
    case ']':
    case ',':
    case ':':
        return true;
    default:
        return false;
    }
}

static void json_lex_start(JSONMessageParser *p, unsigned char c)
{
    g_string_truncate(p->token, 0);
    g_string_append_c(p->token, c);

    if (json_is_structural(c)) {
        g_string_append_c(p->text, c);
        json_stream_token(p, c);
        return;
    }
    switch (c) {
    case ' ':
    case '\t':
    case '\r':
    case '\n':
        return;
    case '"':
    case '\'':
        p->quote = c;
        g_string_append_c(p->text, '"');
        p->state = LEX_STRING;
        return;
    case '-':
        p->state = LEX_NEG;
        return;
    case '0':
        p->state = LEX_ZERO;
        return;
    case '%':
        if (p->ap) {
            p->state = LEX_INTERP;
            return;
        }
        break;
    default:
        if (c >= '1' && c <= '9') {
            p->state = LEX_INT;
            return;
        }
        if (c >= 'a' && c <= 'z') {
            p->state = LEX_KEYWORD;
            return;
        }
        break;
    }
    json_lex_error(p);
}

static void json_lex_string(JSONMessageParser *p, unsigned char c)
{
    g_string_append_c(p->token, c);
    if (c == p->quote) {
        g_string_append_c(p->text, '"');
        p->state = LEX_START;
        json_stream_token(p, 'v');
        return;
    }
    if (c < 0x20 || c >= 0xfe) {
        json_lex_error(p);
        return;
    }
    if (c == '\\') {
        p->state = LEX_ESCAPE;
        return;
    }
    if (c == '%' && p->ap) {
        p->state = LEX_STRING_PERCENT;
        return;
    }
    if (c == '"') {
        g_string_append(p->text, "\\\"");
    } else {
        g_string_append_c(p->text, c);
    }
    if (p->text->len > JSON_MAX_SIZE) {
        json_lex_size_error(p);
    }
}

static void json_lex_escape(JSONMessageParser *p, unsigned char c)
{
    g_string_append_c(p->token, c);
    switch (c) {
    case '"':
    case '\\':
    case '/':
    case 'b':
    case 'f':
    case 'n':
    case 'r':
    case 't':
        g_string_append_c(p->text, '\\');
        g_string_append_c(p->text, c);
        p->state = LEX_STRING;
        break;
    case '\'':
        g_string_append_c(p->text, '\'');
        p->state = LEX_STRING;
        break;
    case 'u':
        g_string_append(p->text, "\\u");
        p->hex_left = 4;
        p->state = LEX_UNICODE;
        break;
    default:
        json_lex_error(p);
        break;
    }
}

static void json_lex_unicode(JSONMessageParser *p, unsigned char c)
{
    g_string_append_c(p->token, c);
    if (!g_ascii_isxdigit(c)) {
        json_lex_error(p);
        return;
    }
    g_string_append_c(p->text, c);
    if (--p->hex_left == 0) {
        p->state = LEX_STRING;
    }
}

/* %d %u (and %li) with @longs 'l' modifiers. */
static void json_interp_integer(JSONMessageParser *p, guint longs,
                                bool is_unsigned)
{
    uint64_t u;
    int64_t i;

    if (is_unsigned) {
        if (longs == 0) {
            u = va_arg(*p->ap, unsigned int);
        } else if (longs == 1) {
            u = va_arg(*p->ap, unsigned long);
        } else {
            u = va_arg(*p->ap, unsigned long long);
        }
        if (u > INT64_MAX) {
            g_array_append_val(p->ints.big, p->ints.count);
        }
        i = (int64_t)u;
    } else if (longs == 0) {
        i = va_arg(*p->ap, int);
    } else if (longs == 1) {
        i = va_arg(*p->ap, long);
    } else {
        i = va_arg(*p->ap, long long);
    }
    g_string_append_printf(p->text, "%" PRId64 " ", i);
    p->ints.count++;
}

static void json_lex_interp(JSONMessageParser *p, unsigned char c)
{
    guint longs = p->token->len - 1;
    const char *str;
    QObject *obj;

    g_string_append_c(p->token, c);
    switch (c) {
    case 'l':
        if (longs < 2) {
            return;
        }
        json_lex_error(p);
        return;
    case 'i':
        /* As in QEMU, a plain %i interpolates a bool. */
        if (longs == 0) {
            g_string_append(p->text, va_arg(*p->ap, int) ? "true " :
                            "false ");
            break;
        }
        /* fall through */
    case 'd':
    case 'u':
        json_interp_integer(p, longs, c == 'u');
        break;
    case 's':
    case 'f':
    case 'p':
        if (longs) {
            json_lex_error(p);
            return;
        }
        if (c == 's') {
            str = va_arg(*p->ap, const char *);
            g_assert(str);
            json_append_string(p->text, str, strlen(str));
        } else if (c == 'f') {
            json_append_double(p->text, va_arg(*p->ap, double), true);
            g_string_append_c(p->text, ' ');
        } else {
            obj = va_arg(*p->ap, QObject *);
            g_assert(obj);
            json_append_reparsable(p->text, obj, &p->ints);
            g_string_append_c(p->text, ' ');
            qobject_unref(obj);
        }
        break;
    default:
        json_lex_error(p);
        return;
    }
    p->state = LEX_START;
    json_stream_token(p, 'v');
}

/* Number states: where a digit leads, and whether the token may end. */
static void json_lex_number(JSONMessageParser *p, unsigned char c,
                            bool *consumed)
{
    JSONLexState next = LEX_START;
    bool digit = g_ascii_isdigit(c);

    switch (p->state) {
    case LEX_NEG:
        next = c == '0' ? LEX_ZERO : digit ? LEX_INT : LEX_START;
        break;
    case LEX_ZERO:
    case LEX_INT:
        if (p->state == LEX_INT && digit) {
            next = LEX_INT;
        } else if (c == '.') {
            next = LEX_DOT;
        } else if (c == 'e' || c == 'E') {
            next = LEX_EXP;
        }
        break;
    case LEX_DOT:
    case LEX_FRAC:
        if (digit) {
            next = LEX_FRAC;
        } else if (p->state == LEX_FRAC && (c == 'e' || c == 'E')) {
            next = LEX_EXP;
        }
        break;
    case LEX_EXP:
        next = digit ? LEX_EXP_DIGITS :
               (c == '+' || c == '-') ? LEX_EXP_SIGN : LEX_START;
        break;
    case LEX_EXP_SIGN:
    case LEX_EXP_DIGITS:
        next = digit ? LEX_EXP_DIGITS : LEX_START;
        break;
    default:
        g_assert_not_reached();
    }

    if (next != LEX_START) {
        g_string_append_c(p->token, c);
        p->state = next;
        if (p->token->len > JSON_MAX_SIZE) {
            json_lex_size_error(p);
        }
        return;
    }
    switch (p->state) {
    case LEX_ZERO:
    case LEX_INT:
    case LEX_FRAC:
    case LEX_EXP_DIGITS:
        json_lex_end_word(p);
        *consumed = false;
        break;
    default:
        g_string_append_c(p->token, c);
        json_lex_error(p);
        break;
    }
}

/* Lex one byte; false when @c must be lexed again in the new state. */
static bool json_lex_char(JSONMessageParser *p, unsigned char c)
{
    bool consumed = true;

    switch (p->state) {
    case LEX_START:
        json_lex_start(p, c);
        break;
    case LEX_RECOVERY:
        if (json_is_structural(c) || (c < 0x20 && c != '\t') || c >= 0xfe) {
            p->state = LEX_START;
            consumed = false;
        }
        break;
    case LEX_STRING:
        json_lex_string(p, c);
        break;
    case LEX_STRING_PERCENT:
        g_string_append_c(p->text, '%');
        p->state = LEX_STRING;
        if (c == '%') {
            g_string_append_c(p->token, c);
        } else {
            consumed = false;
        }
        break;
    case LEX_ESCAPE:
        json_lex_escape(p, c);
        break;
    case LEX_UNICODE:
        json_lex_unicode(p, c);
        break;
    case LEX_KEYWORD:
        if (c >= 'a' && c <= 'z') {
            g_string_append_c(p->token, c);
            if (p->token->len > JSON_MAX_SIZE) {
                json_lex_size_error(p);
            }
        } else {
            json_lex_end_word(p);
            consumed = false;
        }
        break;
    case LEX_INTERP:
        json_lex_interp(p, c);
        break;
    default:
        json_lex_number(p, c, &consumed);
        break;
    }
    return consumed;
}

JSONMessageParser *json_message_parser_new_interp(JSONMessageEmit *emit,
                                                  void *opaque,
                                                  va_list *ap)
{
    JSONMessageParser *p = g_new0(JSONMessageParser, 1);

    p->emit = emit;
    p->opaque = opaque;
    p->ap = ap;
    p->state = LEX_START;
    p->token = g_string_new(NULL);
    p->text = g_string_new(NULL);
    p->ints.big = g_array_new(FALSE, FALSE, sizeof(guint));
    return p;
}

JSONMessageParser *json_message_parser_new(JSONMessageEmit *emit,
                                           void *opaque)
{
    return json_message_parser_new_interp(emit, opaque, NULL);
}

void json_message_parser_feed(JSONMessageParser *parser,
                              const char *buffer, size_t size)
{
    size_t i;

    for (i = 0; i < size && !parser->failed; i++) {
        while (!json_lex_char(parser, (unsigned char)buffer[i])) {
            continue;
        }
    }
}

void json_message_parser_flush(JSONMessageParser *parser)
{
    if (parser->failed) {
        return;
    }
    switch (parser->state) {
    case LEX_START:
    case LEX_RECOVERY:
        break;
    case LEX_ZERO:
    case LEX_INT:
    case LEX_FRAC:
    case LEX_EXP_DIGITS:
    case LEX_KEYWORD:
        json_lex_end_word(parser);
        break;
    default:
        json_lex_error(parser);
        break;
    }
    parser->state = LEX_START;
    if (parser->text->len) {
        json_stream_parse(parser);
    }
}

void json_message_parser_free(JSONMessageParser *parser)
{
    if (!parser) {
        return;
    }
    g_string_free(parser->token, TRUE);
    g_string_free(parser->text, TRUE);
    g_array_free(parser->ints.big, TRUE);
    g_free(parser);
}
