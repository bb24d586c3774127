/*
 * Error objects: the Error **errp convention.
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * A function that can fail takes Error **errp last, returns bool (or a
 * pointer, NULL on failure) and sets *errp exactly once on failure.
 * errp may be NULL (discard), &error_abort (abort at once) or
 * &error_fatal (report and exit(1)).
 */
#ifndef QAPI_ERROR_H
#define QAPI_ERROR_H

/* QMP error classes, in the order QEMU's schema lists them. */
typedef enum ErrorClass {
    ERROR_CLASS_GENERIC_ERROR,
    ERROR_CLASS_COMMAND_NOT_FOUND,
    ERROR_CLASS_DEVICE_NOT_ACTIVE,
    ERROR_CLASS_DEVICE_NOT_FOUND,
    ERROR_CLASS_KVM_MISSING_CAP,
    ERROR_CLASS__MAX
} ErrorClass;

extern const char *const ErrorClass_str[ERROR_CLASS__MAX];

extern Error *error_abort;
extern Error *error_fatal;

/** error_get_pretty: the message text of @err. */
const char *error_get_pretty(const Error *err);

/** error_get_class: the QMP class of @err. */
ErrorClass error_get_class(const Error *err);

void error_setg_internal(Error **errp, const char *src, int line,
                         const char *func, const char *fmt, ...)
    G_GNUC_PRINTF(5, 6);
void error_set_internal(Error **errp, const char *src, int line,
                        const char *func, ErrorClass err_class,
                        const char *fmt, ...) G_GNUC_PRINTF(6, 7);
void error_setg_errno_internal(Error **errp, const char *src, int line,
                               const char *func, int os_errno,
                               const char *fmt, ...) G_GNUC_PRINTF(6, 7);

#define error_setg(errp, fmt, ...) \
    error_setg_internal((errp), __FILE__, __LINE__, __func__, \
                        (fmt), ## __VA_ARGS__)
#define error_set(errp, err_class, fmt, ...) \
    error_set_internal((errp), __FILE__, __LINE__, __func__, \
                       (err_class), (fmt), ## __VA_ARGS__)
#define error_setg_errno(errp, os_error, fmt, ...) \
    error_setg_errno_internal((errp), __FILE__, __LINE__, __func__, \
                              (os_error), (fmt), ## __VA_ARGS__)

/** error_propagate: move @local_err into @dst_errp (see the header). */
void error_propagate(Error **dst_errp, Error *local_err);

/** error_prepend: put "text" in front of the message of *@errp. */
void error_prepend(Error *const *errp, const char *fmt, ...)
    G_GNUC_PRINTF(2, 3);

/** error_append_hint: add a hint line printed after the message. */
void error_append_hint(Error *const *errp, const char *fmt, ...)
    G_GNUC_PRINTF(2, 3);

/** error_copy: a new Error with the same class and text. */
Error *error_copy(const Error *err);

void error_free(Error *err);
void error_free_or_abort(Error **errp);

/** error_report_err: report @err with error_report, then free it. */
void error_report_err(Error *err);
void warn_report_err(Error *err);

/*
 * ERRP_GUARD: first statement of a function that needs to look at *errp.
 * Afterwards errp is never NULL nor &error_fatal; the error travels to
 * the caller's destination when the function returns.
 */
typedef struct ErrorPropagator {
    Error *local_err;
    Error **errp;
} ErrorPropagator;

static inline void error_propagator_cleanup(ErrorPropagator *prop)
{
    error_propagate(prop->errp, prop->local_err);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC(ErrorPropagator, error_propagator_cleanup);

#define ERRP_GUARD()                                            \
    g_auto(ErrorPropagator) _auto_errp_prop = { .errp = errp }; \
    do {                                                        \
        if (!errp || errp == &error_fatal) {                    \
            errp = &_auto_errp_prop.local_err;                  \
        }                                                       \
    } while (0)

#endif
