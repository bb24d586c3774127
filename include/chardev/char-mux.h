/*
 * The multiplexer back end (mux=on, mon:DEV): escape key and quit hook.
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#ifndef CHARDEV_CHAR_MUX_H
#define CHARDEV_CHAR_MUX_H

/**
 * term_escape_char: the multiplexer escape key, Ctrl-A (0x01) unless
 * -echr changed it.
 */
extern int term_escape_char;

/**
 * mux_quit_hook: run for the "escape x" sequence after "QEMU: Terminated"
 * was printed; the system sets it to request an orderly shutdown.  When
 * NULL the process exits with status 0.
 */
extern void (*mux_quit_hook)(void);

/**
 * mux_chr_defer_open_events: until mux_chr_realize_done(), multiplexers
 * keep CHR_EVENT_OPENED from their front ends.  Start-up calls it before
 * creating chardevs.
 */
void mux_chr_defer_open_events(void);

/**
 * mux_chr_realize_done: the machine is built; every multiplexer whose
 * back end is open now tells all its front ends.
 */
void mux_chr_realize_done(void);

#endif
