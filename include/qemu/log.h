/*
 * The debug log: -d categories, -D file, qemu_log_mask.
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#ifndef QEMU_LOG_H
#define QEMU_LOG_H

#define CPU_LOG_TB_OUT_ASM  (1 << 0)
#define CPU_LOG_TB_IN_ASM   (1 << 1)
#define CPU_LOG_TB_OP       (1 << 2)
#define CPU_LOG_TB_OP_OPT   (1 << 3)
#define CPU_LOG_INT         (1 << 4)
#define CPU_LOG_EXEC        (1 << 5)
#define CPU_LOG_PCALL       (1 << 6)
#define CPU_LOG_TB_CPU      (1 << 8)
#define CPU_LOG_RESET       (1 << 9)
#define LOG_UNIMP           (1 << 10)
#define LOG_GUEST_ERROR     (1 << 11)
#define CPU_LOG_MMU         (1 << 12)
#define CPU_LOG_TB_NOCHAIN  (1 << 13)
#define CPU_LOG_PAGE        (1 << 14)
#define LOG_TRACE           (1 << 15)
#define CPU_LOG_TB_OP_IND   (1 << 16)
#define CPU_LOG_TB_FPU      (1 << 17)
#define CPU_LOG_PLUGIN      (1 << 18)
#define LOG_STRACE          (1 << 19)
#define LOG_PER_THREAD      (1 << 20)
#define CPU_LOG_TB_VPU      (1 << 21)
#define LOG_TB_OP_PLUGIN    (1 << 22)
#define LOG_INVALID_MEM     (1 << 23)

/* The enabled categories; test with qemu_loglevel_mask(). */
extern int qemu_loglevel;

static inline bool qemu_loglevel_mask(int mask)
{
    return (qemu_loglevel & mask) != 0;
}

/**
 * qemu_log: write to the log (stderr or the -D file) unconditionally.
 */
void qemu_log(const char *fmt, ...) G_GNUC_PRINTF(1, 2);

/* Write to the log only when one of the categories in @mask is enabled. */
#define qemu_log_mask(mask, ...) do {           \
        if (unlikely(qemu_loglevel_mask(mask))) { \
            qemu_log(__VA_ARGS__);              \
        }                                       \
    } while (0)

typedef struct QEMULogItem {
    int mask;
    const char *name;
    const char *help;
} QEMULogItem;

extern const QEMULogItem qemu_log_items[];

/**
 * qemu_str_to_log_mask: parse a -d list ("guest_errors,unimp,trace:X").
 * Returns the mask, or 0 and sets @errp for an unknown item.  Trace
 * patterns are handed to the trace layer.
 */
int qemu_str_to_log_mask(const char *str, Error **errp);

/** qemu_set_log: enable exactly the categories in @mask. */
bool qemu_set_log(int mask, Error **errp);

/**
 * qemu_set_log_filename: send the log to @filename ("%d" becomes the pid)
 * instead of stderr; NULL goes back to stderr.
 */
bool qemu_set_log_filename(const char *filename, Error **errp);

/** qemu_print_log_usage: the "-d help" text. */
void qemu_print_log_usage(FILE *f);

/** qemu_log_flush: flush the log stream. */
void qemu_log_flush(void);

/** qemu_log_trylock / qemu_log_unlock: the log stream, for multi-part
 * messages; NULL when logging is off. */
FILE *qemu_log_trylock(void);
void qemu_log_unlock(FILE *f);

#endif
