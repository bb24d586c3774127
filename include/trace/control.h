/*
 * Trace events: the registry, run-time state and the -trace option.
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * Every folder's trace-events file becomes a generated header of inline
 * trace_<event>() functions and a table of TraceEvent descriptors that
 * registers itself here at MODULE_INIT_TRACE time.  All events start
 * disabled; -trace, -d trace:PATTERN, HMP and QMP switch them.  How to
 * add an event: docs/devel/tracing.rst.
 */
#ifndef TRACE_CONTROL_H
#define TRACE_CONTROL_H

/**
 * TraceEvent: the descriptor of one event.
 * @id: its index in the registry, set at registration.
 * @name: the event name, as in trace-events.
 * @sstate: compiled in (false for events marked "disable").
 * @dstate: the run-time state, read by trace_<event>() on every call.
 */
typedef struct TraceEvent {
    uint32_t id;
    const char *name;
    bool sstate;
    bool *dstate;
} TraceEvent;

/**
 * trace_event_register_group: add a NULL-terminated array of events.
 * @events: static storage, kept.
 *
 * Called by each generated trace-<group>.c at MODULE_INIT_TRACE time.
 */
void trace_event_register_group(TraceEvent **events);

/**
 * trace_event_name: the event called @name exactly, or NULL.
 */
TraceEvent *trace_event_name(const char *name);

/**
 * trace_event_is_pattern: does @str contain a glob character ('*', '?')?
 */
bool trace_event_is_pattern(const char *str);

/**
 * TraceEventIter: a walk over the registered events, by registry order,
 * optionally restricted to those whose name matches a glob.
 */
typedef struct TraceEventIter {
    size_t index;
    const char *pattern;
} TraceEventIter;

/**
 * trace_event_iter_init_all: start a walk over every event.
 * @iter: the iterator.
 */
void trace_event_iter_init_all(TraceEventIter *iter);

/**
 * trace_event_iter_init_pattern: start a walk over the events matching
 * the glob @pattern (kept by reference; it must outlive the walk).
 */
void trace_event_iter_init_pattern(TraceEventIter *iter,
                                   const char *pattern);

/**
 * trace_event_iter_next: the next event of the walk, or NULL at the end.
 */
TraceEvent *trace_event_iter_next(TraceEventIter *iter);

static inline const char *trace_event_get_name(const TraceEvent *ev)
{
    return ev->name;
}

static inline bool trace_event_get_state_static(const TraceEvent *ev)
{
    return ev->sstate;
}

static inline bool trace_event_get_state_dynamic(const TraceEvent *ev)
{
    return *ev->dstate;
}

/**
 * trace_event_set_state_dynamic: enable or disable @ev at run time.
 * @ev: an event whose static state is true.
 * @state: the new state.
 *
 * With the log back end, enabling an event also turns on the log
 * category "trace" (LOG_TRACE).
 */
void trace_event_set_state_dynamic(TraceEvent *ev, bool state);

/*
 * trace_event_get_state(TRACE_FOO): is event foo compiled in and enabled
 * at run time?  trace_event_get_state_backends(TRACE_FOO): would any back
 * end record it now (enabled for "log", a tracer attached for "dtrace")?
 * Use the latter to skip expensive argument preparation.
 */
#define trace_event_get_state(id) \
    ((id ## _ENABLED) && trace_event_get_state_dynamic(id))
#define trace_event_get_state_backends(id) \
    ((id ## _ENABLED) && (id ## _BACKEND_DSTATE()))

/**
 * trace_enable_events: apply one pattern line.
 * @line: a name or glob; a leading '-' disables instead; "help" or "?"
 *        lists the events on stdout and exits with status 0.
 *
 * A name (not a glob) that matches no event, or only a "disable"d one,
 * gets a warning.
 */
void trace_enable_events(const char *line);

/**
 * trace_init_events: apply every line of the events file @fname.
 * @fname: one pattern per line as for trace_enable_events; blank lines
 *         and lines starting with '#' are skipped.
 * @errp: set when the file cannot be read.
 *
 * Returns: true on success.
 */
bool trace_init_events(const char *fname, Error **errp);

/**
 * trace_list_events: print every event name, one per line, sorted.
 * @f: the stream.
 */
void trace_list_events(FILE *f);

/**
 * trace_opt_parse: handle the value of one -trace option,
 * "[enable=]PATTERN[,events=FILE][,file=FILE]".
 * @optarg: the value.
 * @errp: set on a malformed value or an unreadable events file.
 *
 * "help" (or "enable=help") prints the event list and exits with status
 * 0.  Patterns and events files take effect at once; file= is kept for
 * trace_init_file().
 *
 * Returns: true on success.
 */
bool trace_opt_parse(const char *optarg, Error **errp);

/**
 * trace_init_file: apply the last -trace file=FILE, once options are
 * parsed.  The log back end writes its lines there (as -D would); in a
 * build without the log back end the option is an error and the program
 * exits with status 1.
 */
void trace_init_file(void);

/**
 * trace_init_backends: start the configured back ends.
 * @errp: set when one cannot start.
 *
 * Returns: true on success.
 */
bool trace_init_backends(Error **errp);

/**
 * trace_log_line: the log back end's output for one event.
 * @name: the event name.
 * @fmt: its format, from trace-events.
 *
 * Writes "NAME <formatted arguments>\n" through qemu_log, prefixed with
 * "<tid>@<sec>.<usec>:" when -msg timestamp=on.
 */
void trace_log_line(const char *name, const char *fmt, ...)
    G_GNUC_PRINTF(2, 3);

#endif
