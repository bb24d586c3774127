/*
 * The qtest server: a line protocol to poke memory, ports, IRQs, time.
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#ifndef SYSTEM_QTEST_H
#define SYSTEM_QTEST_H

/** qtest_enabled: true under -accel qtest (the clock is qtest's). */
bool qtest_enabled(void);
void qtest_set_enabled(bool enabled);

/**
 * qtest_server_init: serve the protocol on the chardev given by the
 * legacy spec @qtest_chrdev ("unix:/path"), logging to @qtest_log (NULL:
 * stderr, "none": nowhere).
 */
bool qtest_server_init(const char *qtest_chrdev, const char *qtest_log,
                       Error **errp);

/** qtest_driven: a qtest client is attached (for messages). */
bool qtest_driven(void);

#endif
