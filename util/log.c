/*
 * The debug log: -d categories, the -D file, qemu_log.
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * The log goes to stderr unless -D names a file.  That file is opened
 * when logging is first enabled (or first written), so "-D x" alone
 * creates nothing.  With the "tid" category every thread gets its own
 * file, the "%d" of the name becoming the thread id.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "qemu/cutils.h"
#include "qemu/log.h"
#include "qemu/thread.h"

int qemu_loglevel;

bool (*qemu_log_trace_pattern_cb)(const char *pattern, Error **errp);

const QEMULogItem qemu_log_items[] = {
    { CPU_LOG_TB_OUT_ASM, "out_asm",
      "show generated host assembly code for each compiled TB" },
    { CPU_LOG_TB_IN_ASM, "in_asm",
      "show target assembly code for each compiled TB" },
    { CPU_LOG_TB_OP, "op",
      "show micro ops for each compiled TB" },
    { CPU_LOG_TB_OP_OPT, "op_opt",
      "show micro ops after optimization" },
    { CPU_LOG_TB_OP_IND, "op_ind",
      "show micro ops before indirect lowering" },
    { LOG_TB_OP_PLUGIN, "op_plugin",
      "show micro ops before plugin injection" },
    { CPU_LOG_INT, "int",
      "show interrupts/exceptions in short format" },
    { CPU_LOG_EXEC, "exec",
      "show trace before each executed TB (lots of logs)" },
    { CPU_LOG_TB_CPU, "cpu",
      "show CPU registers before entering a TB (lots of logs)" },
    { CPU_LOG_TB_FPU, "fpu",
      "include FPU registers in the 'cpu' logging" },
    { CPU_LOG_MMU, "mmu",
      "log MMU-related activities" },
    { CPU_LOG_PCALL, "pcall",
      "x86 only: show protected mode far calls/returns/exceptions" },
    { CPU_LOG_RESET, "cpu_reset",
      "show CPU state before CPU resets" },
    { LOG_UNIMP, "unimp",
      "log unimplemented functionality" },
    { LOG_GUEST_ERROR, "guest_errors",
      "log when the guest OS does something invalid (eg accessing a\n"
      "non-existent register)" },
    { CPU_LOG_PAGE, "page",
      "dump pages at beginning of user mode emulation" },
    { CPU_LOG_TB_NOCHAIN, "nochain",
      "do not chain compiled TBs so that \"exec\" and \"cpu\" show\n"
      "complete traces" },
    { CPU_LOG_PLUGIN, "plugin",
      "output from TCG plugins" },
    { LOG_STRACE, "strace",
      "log every user-mode syscall, its input, and its result" },
    { LOG_PER_THREAD, "tid",
      "open a separate log file per thread; filename must contain '%d'" },
    { CPU_LOG_TB_VPU, "vpu",
      "include VPU registers in the 'cpu' logging" },
    { LOG_INVALID_MEM, "invalid_mem",
      "log invalid memory accesses" },
    { 0, NULL, NULL },
};

/*
 * Everything below is guarded by log_lock.  It is recursive so that a
 * qemu_log inside a qemu_log_trylock section does not deadlock.
 */
static GRecMutex log_lock;
static char *log_filename;          /* NULL: stderr */
static FILE *log_file;              /* the shared -D file once open */
static unsigned int log_generation; /* bumped when the destination moves */

/* With "tid", each thread's own file and the generation it belongs to. */
typedef struct ThreadLog {
    FILE *file;
    unsigned int generation;
} ThreadLog;

static void thread_log_free(gpointer data)
{
    ThreadLog *tl = data;

    if (tl->file) {
        fclose(tl->file);
    }
    g_free(tl);
}

static GPrivate thread_log = G_PRIVATE_INIT(thread_log_free);

static bool log_per_thread(void)
{
    return (qemu_loglevel & LOG_PER_THREAD) && log_filename;
}

/* Expand the single "%d" of the -D name, if any. */
static char *log_expand_name(int id)
{
    const char *pct = strchr(log_filename, '%');
    g_autofree char *head = NULL;

    if (!pct) {
        return g_strdup(log_filename);
    }
    head = g_strndup(log_filename, pct - log_filename);
    return g_strdup_printf("%s%d%s", head, id, pct + 2);
}

static FILE *log_open(int id, Error **errp)
{
    g_autofree char *name = log_expand_name(id);
    FILE *f = fopen(name, "w");

    if (!f) {
        error_setg_errno(errp, errno, "Error opening logfile %s", name);
        return NULL;
    }
    setvbuf(f, NULL, _IOLBF, 0);
    return f;
}

static void log_close_shared(void)
{
    if (log_file) {
        fclose(log_file);
        log_file = NULL;
    }
    log_generation++;
}

/*
 * The stream for the calling thread, opening the file if it is time.
 * A file that cannot be opened sends the text to stderr instead.
 */
static FILE *log_stream(void)
{
    if (!log_filename) {
        return stderr;
    }
    if (log_per_thread()) {
        ThreadLog *tl = g_private_get(&thread_log);

        if (!tl) {
            tl = g_new0(ThreadLog, 1);
            g_private_set(&thread_log, tl);
        }
        if (tl->file && tl->generation != log_generation) {
            fclose(tl->file);
            tl->file = NULL;
        }
        if (!tl->file) {
            tl->file = log_open(qemu_get_thread_id(), NULL);
            tl->generation = log_generation;
        }
        return tl->file ? tl->file : stderr;
    }
    if (!log_file) {
        log_file = log_open(getpid(), NULL);
    }
    return log_file ? log_file : stderr;
}

void qemu_log(const char *fmt, ...)
{
    va_list ap;
    FILE *f;

    g_rec_mutex_lock(&log_lock);
    f = log_stream();
    va_start(ap, fmt);
    vfprintf(f, fmt, ap);
    va_end(ap);
    fflush(f);
    g_rec_mutex_unlock(&log_lock);
}

FILE *qemu_log_trylock(void)
{
    g_rec_mutex_lock(&log_lock);
    if (qemu_loglevel == 0) {
        g_rec_mutex_unlock(&log_lock);
        return NULL;
    }
    return log_stream();
}

void qemu_log_unlock(FILE *f)
{
    if (f) {
        fflush(f);
        g_rec_mutex_unlock(&log_lock);
    }
}

void qemu_log_flush(void)
{
    g_rec_mutex_lock(&log_lock);
    fflush(log_stream());
    g_rec_mutex_unlock(&log_lock);
}

/* Open the shared file now if logging is on, to report failure early. */
static bool log_open_if_enabled(Error **errp)
{
    if (!log_filename || qemu_loglevel == 0 || log_per_thread() ||
        log_file) {
        return true;
    }
    log_file = log_open(getpid(), errp);
    return log_file != NULL;
}

bool qemu_set_log(int mask, Error **errp)
{
    bool ok;

    g_rec_mutex_lock(&log_lock);
    if ((mask & LOG_PER_THREAD) &&
        !(log_filename && strchr(log_filename, '%'))) {
        g_rec_mutex_unlock(&log_lock);
        error_setg(errp, "Filename template with '%%d' required for 'tid'");
        return false;
    }
    if ((mask & LOG_PER_THREAD) != (qemu_loglevel & LOG_PER_THREAD)) {
        log_close_shared();
    }
    qemu_loglevel = mask;
    ok = log_open_if_enabled(errp);
    g_rec_mutex_unlock(&log_lock);
    return ok;
}

bool qemu_set_log_filename(const char *filename, Error **errp)
{
    bool ok;

    if (filename) {
        const char *pct = strchr(filename, '%');

        if (pct && (pct[1] != 'd' || strchr(pct + 2, '%'))) {
            error_setg(errp, "Bad logfile format: %s", filename);
            return false;
        }
    }

    g_rec_mutex_lock(&log_lock);
    if ((qemu_loglevel & LOG_PER_THREAD) &&
        !(filename && strchr(filename, '%'))) {
        g_rec_mutex_unlock(&log_lock);
        error_setg(errp, "Filename template with '%%d' required for 'tid'");
        return false;
    }
    log_close_shared();
    g_free(log_filename);
    log_filename = g_strdup(filename);
    ok = log_open_if_enabled(errp);
    g_rec_mutex_unlock(&log_lock);
    return ok;
}

static int log_all_mask(void)
{
    const QEMULogItem *item;
    int mask = 0;

    for (item = qemu_log_items; item->mask; item++) {
        /* "all" must not also demand a per-thread file name. */
        if (item->mask != LOG_PER_THREAD) {
            mask |= item->mask;
        }
    }
    return mask;
}

int qemu_str_to_log_mask(const char *str, Error **errp)
{
    g_auto(GStrv) parts = g_strsplit(str, ",", 0);
    int mask = 0;
    char **p;

    for (p = parts; *p; p++) {
        const QEMULogItem *item;
        const char *pattern;

        if (**p == '\0') {
            continue;
        }
        if (g_str_equal(*p, "all")) {
            mask |= log_all_mask();
            continue;
        }
        if (strstart(*p, "trace:", &pattern)) {
            if (qemu_log_trace_pattern_cb &&
                !qemu_log_trace_pattern_cb(pattern, errp)) {
                return 0;
            }
            mask |= LOG_TRACE;
            continue;
        }
        for (item = qemu_log_items; item->mask; item++) {
            if (g_str_equal(*p, item->name)) {
                break;
            }
        }
        if (!item->mask) {
            error_setg(errp, "Unknown log item '%s'", *p);
            return 0;
        }
        mask |= item->mask;
    }
    return mask;
}

void qemu_print_log_usage(FILE *f)
{
    const QEMULogItem *item;

    fprintf(f, "Log items (comma separated):\n");
    for (item = qemu_log_items; item->mask; item++) {
        g_auto(GStrv) lines = g_strsplit(item->help, "\n", 0);
        char **line;

        fprintf(f, "%-15s %s\n", item->name, lines[0]);
        for (line = lines + 1; *line; line++) {
            fprintf(f, "%-15s %s\n", "", *line);
        }
    }
    fprintf(f, "%-15s %s\n", "all", "enable every item above but 'tid'");
    fprintf(f, "%-15s %s\n", "trace:PATTERN",
            "enable trace events matching PATTERN");
    fprintf(f, "\nUse \"-d trace:help\" to get a list of trace events.\n\n");
}
