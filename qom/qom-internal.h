/*
 * QOM: hooks shared between the files of qom/ only.
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#ifndef QOM_QOM_INTERNAL_H
#define QOM_QOM_INTERNAL_H

/**
 * container_register_types: register TYPE_CONTAINER.  Called when the
 * type registry is first used, so the root exists without module init.
 */
void container_register_types(void);

/**
 * user_creatable_register_types: register TYPE_USER_CREATABLE, at the
 * same moment as container_register_types().
 */
void user_creatable_register_types(void);

#endif
