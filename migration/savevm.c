/*
 * Sections of a migration stream: registry, save order, loading.
 * Copyright (c) 2026 The project contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * Every piece of state travels in a section named by (idstr,
 * instance_id) and numbered by its registration (interfaces.md 4.3-4.7).
 * The loader maps incoming sections by name, uses the sender's numbers
 * for PART/END and footers, and turns anything unexpected into a single
 * error that names the section.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "qemu/error-report.h"
#include "hw/core/qdev.h"
#include "hw/core/boards.h"
#include "migration/vmstate.h"
#include "migration/register.h"
#include "migration/misc.h"
#include "migration/qemu-file.h"
#include "savevm.h"

#define MIG_CMD_INVALID             0
#define MIG_CMD_OPEN_RETURN_PATH    1
#define MIG_CMD_PING                2
#define MIG_CMD_POSTCOPY_ADVISE     3
#define MIG_CMD_PACKAGED            7
#define MIG_CMD_SWITCHOVER_START    11

typedef struct SaveStateEntry {
    char idstr[256];
    uint32_t instance_id;
    int alias_id;
    int version_id;
    uint32_t section_id;
    const SaveVMHandlers *ops;
    const VMStateDescription *vmsd;
    void *opaque;
    void *obj;
    bool iterate_done;
} SaveStateEntry;

typedef struct LoadStateEntry {
    SaveStateEntry *se;
    uint32_t section_id;
    int version_id;
} LoadStateEntry;

/* The configuration section (interfaces.md 4.5). */
typedef struct SaveConfiguration {
    uint32_t len;
    char *name;
    uint32_t target_page_bits;
    bool target_page_bits_present;
} SaveConfiguration;

static struct {
    GList *handlers;            /* SaveStateEntry *, registration order */
    uint32_t next_section_id;
    bool send_configuration;
    bool send_section_footer;
    int target_page_bits_min;
    SaveConfiguration config;
} savevm_state = {
    .send_configuration = true,
    .send_section_footer = true,
    .target_page_bits_min = MIG_TARGET_PAGE_BITS,
};

void savevm_set_send_configuration(bool on)
{
    savevm_state.send_configuration = on;
}

void savevm_set_target_page_bits_min(int bits)
{
    savevm_state.target_page_bits_min = bits;
}

/* The registry */

static uint32_t savevm_new_instance_id(const char *idstr)
{
    uint32_t id = 0;
    GList *l;

    for (l = savevm_state.handlers; l; l = l->next) {
        SaveStateEntry *se = l->data;

        if (!strcmp(se->idstr, idstr) && se->instance_id >= id) {
            id = se->instance_id + 1;
        }
    }
    return id;
}

static SaveStateEntry *savevm_find(const char *idstr, uint32_t instance_id)
{
    GList *l;

    for (l = savevm_state.handlers; l; l = l->next) {
        SaveStateEntry *se = l->data;

        if (strcmp(se->idstr, idstr) != 0) {
            continue;
        }
        if (se->instance_id == instance_id ||
            (se->alias_id >= 0 && (uint32_t)se->alias_id == instance_id)) {
            return se;
        }
    }
    return NULL;
}

static int savevm_add(SaveStateEntry *se, uint32_t instance_id,
                      Error **errp)
{
    if (instance_id == (uint32_t)VMSTATE_INSTANCE_ID_ANY) {
        se->instance_id = savevm_new_instance_id(se->idstr);
    } else if (savevm_find(se->idstr, instance_id)) {
        error_setg(errp, "savevm: duplicate section '%s' instance %" PRIu32,
                   se->idstr, instance_id);
        g_free(se);
        return -EEXIST;
    } else {
        se->instance_id = instance_id;
    }
    se->section_id = savevm_state.next_section_id++;
    savevm_state.handlers = g_list_append(savevm_state.handlers, se);
    return 0;
}

int register_savevm_live(const char *idstr, uint32_t instance_id,
                         int version_id, const SaveVMHandlers *ops,
                         void *opaque)
{
    SaveStateEntry *se = g_new0(SaveStateEntry, 1);

    g_strlcpy(se->idstr, idstr, sizeof(se->idstr));
    se->version_id = version_id;
    se->ops = ops;
    se->opaque = opaque;
    se->alias_id = -1;
    return savevm_add(se, instance_id, &error_abort);
}

void unregister_savevm(void *obj, const char *idstr, void *opaque)
{
    GList *l, *next;

    for (l = savevm_state.handlers; l; l = next) {
        SaveStateEntry *se = l->data;

        next = l->next;
        if (!strcmp(se->idstr, idstr) && se->opaque == opaque) {
            savevm_state.handlers =
                g_list_delete_link(savevm_state.handlers, l);
            g_free(se);
        }
    }
}

/*
 * A device on a bus that names its children (PCI...) prefixes its
 * section with that path; sysbus and ISA devices have none.
 */
static char *savevm_device_path(void *obj)
{
    if (!obj || !object_dynamic_cast(obj, TYPE_DEVICE)) {
        return NULL;
    }
    return qdev_get_dev_path(DEVICE(obj));
}

int vmstate_register_with_alias_id(void *obj, uint32_t instance_id,
                                   const VMStateDescription *vmsd,
                                   void *opaque, int alias_id,
                                   int required_for_version, Error **errp)
{
    SaveStateEntry *se = g_new0(SaveStateEntry, 1);
    g_autofree char *path = savevm_device_path(obj);

    if (path) {
        snprintf(se->idstr, sizeof(se->idstr), "%s/%s", path, vmsd->name);
    } else {
        g_strlcpy(se->idstr, vmsd->name, sizeof(se->idstr));
    }
    se->version_id = vmsd->version_id;
    se->vmsd = vmsd;
    se->opaque = opaque;
    se->obj = obj;
    se->alias_id = alias_id;
    return savevm_add(se, instance_id, errp);
}

void vmstate_unregister(void *obj, const VMStateDescription *vmsd,
                        void *opaque)
{
    GList *l, *next;

    for (l = savevm_state.handlers; l; l = next) {
        SaveStateEntry *se = l->data;

        next = l->next;
        if (se->vmsd == vmsd && se->opaque == opaque) {
            savevm_state.handlers =
                g_list_delete_link(savevm_state.handlers, l);
            g_free(se);
        }
    }
}

/* Save order: higher priority first, registration order within one. */
static GPtrArray *savevm_sorted_handlers(void)
{
    GPtrArray *order = g_ptr_array_new();
    int pri;
    GList *l;

    for (pri = MIG_PRI_MAX - 1; pri >= MIG_PRI_DEFAULT; pri--) {
        for (l = savevm_state.handlers; l; l = l->next) {
            SaveStateEntry *se = l->data;
            int se_pri = se->vmsd ? se->vmsd->priority : MIG_PRI_DEFAULT;

            if (se_pri == pri) {
                g_ptr_array_add(order, se);
            }
        }
    }
    return order;
}

bool qemu_savevm_check_migratable(Error **errp)
{
    GList *l;

    for (l = savevm_state.handlers; l; l = l->next) {
        SaveStateEntry *se = l->data;

        if (se->vmsd && se->vmsd->unmigratable) {
            error_setg(errp, "State blocked by non-migratable device '%s'",
                       se->idstr);
            return false;
        }
    }
    return true;
}

/* The configuration section */

static const char *savevm_local_machine(void)
{
    return current_machine ? MACHINE_GET_CLASS(current_machine)->name : "";
}

static int configuration_pre_save(void *opaque)
{
    SaveConfiguration *c = opaque;

    g_free(c->name);
    c->name = g_strdup(savevm_local_machine());
    c->len = strlen(c->name);
    c->target_page_bits = MIG_TARGET_PAGE_BITS;
    return 0;
}

static int configuration_pre_load(void *opaque)
{
    SaveConfiguration *c = opaque;

    g_free(c->name);
    c->name = NULL;
    c->len = 0;
    c->target_page_bits_present = false;
    return 0;
}

static bool configuration_len_valid(void *opaque, int version_id)
{
    SaveConfiguration *c = opaque;

    return c->len < 256;
}

static bool configuration_post_load(void *opaque, int version_id,
                                    Error **errp)
{
    SaveConfiguration *c = opaque;
    const char *local = savevm_local_machine();

    if (strncmp(c->name ? c->name : "", local, c->len) != 0) {
        error_setg(errp, "Machine type received is '%.*s' and local is "
                   "'%s'", (int)c->len, c->name ? c->name : "", local);
        return false;
    }
    if (!c->target_page_bits_present) {
        c->target_page_bits = savevm_state.target_page_bits_min;
    }
    if (c->target_page_bits != MIG_TARGET_PAGE_BITS) {
        error_setg(errp, "Received TARGET_PAGE_BITS is %" PRIu32 " but "
                   "local is %d", c->target_page_bits, MIG_TARGET_PAGE_BITS);
        return false;
    }
    return true;
}

static bool configuration_page_bits_needed(void *opaque)
{
    return savevm_state.target_page_bits_min != MIG_TARGET_PAGE_BITS;
}

static int configuration_page_bits_post_load(void *opaque, int version_id)
{
    SaveConfiguration *c = opaque;

    c->target_page_bits_present = true;
    return 0;
}

static const VMStateDescription vmstate_target_page_bits = {
    .name = "configuration/target-page-bits",
    .version_id = 1,
    .minimum_version_id = 1,
    .needed = configuration_page_bits_needed,
    .post_load = configuration_page_bits_post_load,
    .fields = (const VMStateField[]) {
        VMSTATE_UINT32(target_page_bits, SaveConfiguration),
        VMSTATE_END_OF_LIST()
    },
};

static const VMStateDescription vmstate_configuration = {
    .name = "configuration",
    .version_id = 1,
    .minimum_version_id = 0,
    .pre_save = configuration_pre_save,
    .pre_load = configuration_pre_load,
    .post_load_errp = configuration_post_load,
    .fields = (const VMStateField[]) {
        VMSTATE_UINT32(len, SaveConfiguration),
        VMSTATE_VALIDATE("len", configuration_len_valid),
        VMSTATE_VBUFFER_ALLOC_UINT32(name, SaveConfiguration, 0, NULL, len),
        VMSTATE_END_OF_LIST()
    },
    .subsections = (const VMStateDescription * const []) {
        &vmstate_target_page_bits,
        NULL
    },
};

/* Saving */

static void save_section_header(QEMUFile *f, SaveStateEntry *se,
                                uint8_t type)
{
    qemu_put_byte(f, type);
    qemu_put_be32(f, se->section_id);
    if (type == QEMU_VM_SECTION_FULL || type == QEMU_VM_SECTION_START) {
        qemu_put_counted_string(f, se->idstr);
        qemu_put_be32(f, se->instance_id);
        qemu_put_be32(f, se->version_id);
    }
}

static void save_section_footer(QEMUFile *f, SaveStateEntry *se)
{
    if (savevm_state.send_section_footer) {
        qemu_put_byte(f, QEMU_VM_SECTION_FOOTER);
        qemu_put_be32(f, se->section_id);
    }
}

static bool savevm_is_iterative(SaveStateEntry *se)
{
    return se->ops && se->ops->save_live_iterate;
}

void qemu_savevm_state_header(QEMUFile *f, JSONWriter *vmdesc)
{
    qemu_put_be32(f, QEMU_VM_FILE_MAGIC);
    qemu_put_be32(f, QEMU_VM_FILE_VERSION);
    if (vmdesc) {
        json_writer_start_object(vmdesc, NULL);
    }
    if (savevm_state.send_configuration) {
        qemu_put_byte(f, QEMU_VM_CONFIGURATION);
        if (vmdesc) {
            json_writer_start_object(vmdesc, "configuration");
        }
        vmstate_save_state(f, &vmstate_configuration, &savevm_state.config,
                           vmdesc, &error_abort);
        if (vmdesc) {
            json_writer_end_object(vmdesc);
        }
    }
    if (vmdesc) {
        json_writer_int64(vmdesc, "page_size", MIG_TARGET_PAGE_SIZE);
        json_writer_start_array(vmdesc, "devices");
    }
}

static int save_device_section(QEMUFile *f, SaveStateEntry *se,
                               JSONWriter *vmdesc, Error **errp)
{
    int ret;

    save_section_header(f, se, QEMU_VM_SECTION_FULL);
    if (vmdesc) {
        json_writer_start_object(vmdesc, NULL);
        json_writer_str(vmdesc, "name", se->idstr);
        json_writer_int64(vmdesc, "instance_id", se->instance_id);
    }
    ret = vmstate_save_state(f, se->vmsd, se->opaque, vmdesc, errp);
    if (vmdesc) {
        json_writer_end_object(vmdesc);
    }
    if (ret < 0) {
        error_prepend(errp, "Error saving section '%s': ", se->idstr);
        return ret;
    }
    save_section_footer(f, se);
    return 0;
}

int qemu_savevm_state_setup(QEMUFile *f, JSONWriter *vmdesc, Error **errp)
{
    g_autoptr(GPtrArray) order = savevm_sorted_handlers();
    guint i;
    int ret;

    for (i = 0; i < order->len; i++) {
        SaveStateEntry *se = g_ptr_array_index(order, i);

        if (se->vmsd && se->vmsd->early_setup) {
            ret = save_device_section(f, se, vmdesc, errp);
            if (ret < 0) {
                return ret;
            }
            continue;
        }
        if (!savevm_is_iterative(se)) {
            continue;
        }
        se->iterate_done = false;
        save_section_header(f, se, QEMU_VM_SECTION_START);
        ret = se->ops->save_setup ? se->ops->save_setup(f, se->opaque, errp)
                                  : 0;
        if (ret < 0) {
            return ret;
        }
        save_section_footer(f, se);
    }
    return qemu_file_get_error(f);
}

int qemu_savevm_state_iterate(QEMUFile *f, Error **errp)
{
    g_autoptr(GPtrArray) order = savevm_sorted_handlers();
    bool all_done = true;
    guint i;
    int ret;

    for (i = 0; i < order->len; i++) {
        SaveStateEntry *se = g_ptr_array_index(order, i);

        if (!savevm_is_iterative(se) || se->iterate_done) {
            continue;
        }
        save_section_header(f, se, QEMU_VM_SECTION_PART);
        ret = se->ops->save_live_iterate(f, se->opaque);
        if (ret < 0) {
            error_setg_errno(errp, -ret, "Error saving section '%s'",
                             se->idstr);
            return ret;
        }
        save_section_footer(f, se);
        if (ret > 0) {
            se->iterate_done = true;
        } else {
            all_done = false;
        }
    }
    return all_done ? 1 : 0;
}

int qemu_savevm_state_complete(QEMUFile *f, JSONWriter *vmdesc,
                               Error **errp)
{
    g_autoptr(GPtrArray) order = savevm_sorted_handlers();
    guint i;
    int ret;

    for (i = 0; i < order->len; i++) {
        SaveStateEntry *se = g_ptr_array_index(order, i);

        if (!savevm_is_iterative(se)) {
            continue;
        }
        save_section_header(f, se, QEMU_VM_SECTION_END);
        ret = se->ops->save_live_complete_precopy ?
              se->ops->save_live_complete_precopy(f, se->opaque) : 0;
        if (ret < 0) {
            error_setg_errno(errp, -ret, "Error saving section '%s'",
                             se->idstr);
            return ret;
        }
        save_section_footer(f, se);
    }
    for (i = 0; i < order->len; i++) {
        SaveStateEntry *se = g_ptr_array_index(order, i);

        if (!se->vmsd || se->vmsd->early_setup ||
            !vmstate_section_needed(se->vmsd, se->opaque)) {
            continue;
        }
        ret = save_device_section(f, se, vmdesc, errp);
        if (ret < 0) {
            return ret;
        }
    }
    qemu_put_byte(f, QEMU_VM_EOF);
    if (vmdesc) {
        const char *text;

        json_writer_end_array(vmdesc);
        json_writer_end_object(vmdesc);
        text = json_writer_get(vmdesc);
        if (!current_machine || !current_machine->suppress_vmdesc) {
            qemu_put_byte(f, QEMU_VM_VMDESCRIPTION);
            qemu_put_be32(f, strlen(text));
            qemu_put_buffer(f, (const uint8_t *)text, strlen(text));
        }
    }
    return qemu_file_get_error(f);
}

void qemu_savevm_state_cleanup(void)
{
    GList *l;

    for (l = savevm_state.handlers; l; l = l->next) {
        SaveStateEntry *se = l->data;

        if (se->ops && se->ops->save_cleanup) {
            se->ops->save_cleanup(se->opaque);
        }
    }
}

/* Loading */

/* The reason a read failed, for messages: the latched error. */
static char *loadvm_file_error(QEMUFile *f)
{
    Error *err = NULL;
    char *msg;

    if (!qemu_file_get_error_obj(f, &err)) {
        return g_strdup("unexpected end of migration stream");
    }
    msg = g_strdup(error_get_pretty(err));
    error_free(err);
    return msg;
}

static bool loadvm_check_footer(QEMUFile *f, LoadStateEntry *le,
                                Error **errp)
{
    uint8_t type;
    uint32_t id;

    if (!savevm_state.send_section_footer) {
        return true;
    }
    type = qemu_get_byte(f);
    if (qemu_file_get_error(f) || type != QEMU_VM_SECTION_FOOTER) {
        error_setg(errp, "Missing section footer for %s", le->se->idstr);
        return false;
    }
    id = qemu_get_be32(f);
    if (qemu_file_get_error(f)) {
        error_setg(errp, "Missing section footer for %s", le->se->idstr);
        return false;
    }
    if (id != le->section_id) {
        error_setg(errp, "Mismatched section id in footer for %s - read "
                   "0x%" PRIx32 " expected 0x%" PRIx32, le->se->idstr, id,
                   le->section_id);
        return false;
    }
    return true;
}

static int loadvm_section_data(QEMUFile *f, LoadStateEntry *le,
                               Error **errp)
{
    SaveStateEntry *se = le->se;
    Error *local_err = NULL;
    int ret;

    if (se->vmsd) {
        ret = vmstate_load_state(f, se->vmsd, se->opaque, le->version_id,
                                 &local_err);
    } else {
        ret = se->ops->load_state(f, se->opaque, le->version_id,
                                  &local_err);
    }
    if (ret >= 0 && qemu_file_get_error(f)) {
        ret = qemu_file_get_error(f);
    }
    if (ret < 0 && !local_err) {
        if (qemu_file_get_error(f)) {
            g_autofree char *why = loadvm_file_error(f);

            error_setg(&local_err, "%s", why);
        } else {
            error_setg(&local_err, "%s", g_strerror(-ret));
        }
    }
    if (ret < 0) {
        error_setg(errp, "error while loading state for instance 0x%" PRIx32
                   " of device '%s': %s", se->instance_id, se->idstr,
                   error_get_pretty(local_err));
        error_free(local_err);
        return ret;
    }
    return 0;
}

static int loadvm_section_start_full(QEMUFile *f, GList **loaded,
                                     Error **errp)
{
    LoadStateEntry *le;
    SaveStateEntry *se;
    uint32_t section_id, instance_id;
    int version_id;
    char idstr[256];

    section_id = qemu_get_be32(f);
    qemu_get_counted_string(f, idstr);
    instance_id = qemu_get_be32(f);
    version_id = qemu_get_be32(f);
    if (qemu_file_get_error(f)) {
        g_autofree char *why = loadvm_file_error(f);

        error_setg(errp, "Failed to read section header: %s", why);
        return qemu_file_get_error(f);
    }
    se = savevm_find(idstr, instance_id);
    if (!se) {
        error_setg(errp, "Unknown savevm section or instance '%s' %" PRIu32
                   ". Make sure that your current VM setup matches your "
                   "saved VM setup, including any hotplugged devices",
                   idstr, instance_id);
        return -EINVAL;
    }
    if (version_id > se->version_id) {
        error_setg(errp, "savevm: unsupported version %d for '%s' v%d",
                   version_id, idstr, se->version_id);
        return -EINVAL;
    }
    if (!se->vmsd && !se->ops->load_state) {
        error_setg(errp, "savevm: section '%s' cannot be loaded", idstr);
        return -EINVAL;
    }
    le = g_new0(LoadStateEntry, 1);
    le->se = se;
    le->section_id = section_id;
    le->version_id = version_id;
    *loaded = g_list_prepend(*loaded, le);
    if (loadvm_section_data(f, le, errp) < 0 ||
        !loadvm_check_footer(f, le, errp)) {
        return -EINVAL;
    }
    return 0;
}

static int loadvm_section_part_end(QEMUFile *f, GList *loaded,
                                   Error **errp)
{
    uint32_t section_id = qemu_get_be32(f);
    GList *l;

    if (qemu_file_get_error(f)) {
        g_autofree char *why = loadvm_file_error(f);

        error_setg(errp, "Failed to read section id: %s", why);
        return qemu_file_get_error(f);
    }
    for (l = loaded; l; l = l->next) {
        LoadStateEntry *le = l->data;

        if (le->section_id == section_id) {
            if (loadvm_section_data(f, le, errp) < 0 ||
                !loadvm_check_footer(f, le, errp)) {
                return -EINVAL;
            }
            return 0;
        }
    }
    error_setg(errp, "Unknown savevm section %" PRIu32, section_id);
    return -EINVAL;
}

static int loadvm_command(QEMUFile *f, Error **errp)
{
    uint16_t cmd = qemu_get_be16(f);
    uint16_t len = qemu_get_be16(f);
    int expected = -1;

    if (qemu_file_get_error(f)) {
        g_autofree char *why = loadvm_file_error(f);

        error_setg(errp, "Failed to read command: %s", why);
        return qemu_file_get_error(f);
    }
    switch (cmd) {
    case MIG_CMD_OPEN_RETURN_PATH:
    case MIG_CMD_SWITCHOVER_START:
        /* No return path here: nothing to answer. */
        expected = 0;
        break;
    case MIG_CMD_PING:
        expected = 4;
        break;
    case MIG_CMD_POSTCOPY_ADVISE:
        error_setg(errp, "Postcopy migration is not supported");
        return -EINVAL;
    case MIG_CMD_PACKAGED:
        error_setg(errp, "Packaged migration streams are not supported");
        return -EINVAL;
    default:
        error_setg(errp, "VM_COMMAND 0x%x unknown (len 0x%x)", cmd, len);
        return -EINVAL;
    }
    if (len != expected) {
        error_setg(errp, "VM_COMMAND 0x%x received with bad length - "
                   "expecting %d, got %d", cmd, expected, len);
        return -EINVAL;
    }
    qemu_file_skip_bytes(f, len);
    return qemu_file_get_error(f);
}

/* The JSON description after EOF is for tools; read it and drop it. */
static void loadvm_skip_vmdesc(QEMUFile *f)
{
    uint32_t size;
    int type;

    if (current_machine && current_machine->suppress_vmdesc) {
        return;
    }
    type = qemu_peek_byte(f, 0);
    if (type != QEMU_VM_VMDESCRIPTION) {
        warn_report("Expected vmdescription section, but got %d", type);
        return;
    }
    qemu_file_skip_bytes(f, 1);
    size = qemu_get_be32(f);
    qemu_file_skip_bytes(f, size);
}

static void loadvm_handlers_cleanup(void)
{
    GList *l;

    for (l = savevm_state.handlers; l; l = l->next) {
        SaveStateEntry *se = l->data;

        if (se->ops && se->ops->load_cleanup) {
            se->ops->load_cleanup(se->opaque);
        }
    }
}

static int loadvm_header(QEMUFile *f, Error **errp)
{
    uint32_t magic = qemu_get_be32(f);
    uint32_t version;

    if (qemu_file_get_error(f)) {
        g_autofree char *why = loadvm_file_error(f);

        error_setg(errp, "Failed to read the stream header: %s", why);
        return -EINVAL;
    }
    if (magic != QEMU_VM_FILE_MAGIC) {
        error_setg(errp, "Not a migration stream");
        return -EINVAL;
    }
    version = qemu_get_be32(f);
    if (version == QEMU_VM_FILE_VERSION_COMPAT) {
        error_setg(errp, "SaveVM v2 format is obsolete and don't work "
                   "anymore");
        return -ENOTSUP;
    }
    if (version != QEMU_VM_FILE_VERSION) {
        error_setg(errp, "Unsupported migration stream version");
        return -ENOTSUP;
    }
    if (!savevm_state.send_configuration) {
        return 0;
    }
    if (qemu_get_byte(f) != QEMU_VM_CONFIGURATION) {
        error_setg(errp, "Configuration section missing");
        return -EINVAL;
    }
    return vmstate_load_state(f, &vmstate_configuration,
                              &savevm_state.config, 0, errp);
}

int qemu_loadvm_state(QEMUFile *f, Error **errp)
{
    GList *loaded = NULL;
    GList *l;
    int ret;

    ret = loadvm_header(f, errp);
    if (ret < 0) {
        return ret;
    }
    for (l = savevm_state.handlers; l; l = l->next) {
        SaveStateEntry *se = l->data;

        if (se->ops && se->ops->load_setup &&
            se->ops->load_setup(f, se->opaque, errp) < 0) {
            ret = -EINVAL;
            goto out;
        }
    }
    for (;;) {
        uint8_t type = qemu_get_byte(f);

        if (qemu_file_get_error(f)) {
            g_autofree char *why = loadvm_file_error(f);

            error_setg(errp, "Failed to read section type: %s", why);
            ret = qemu_file_get_error(f);
            goto out;
        }
        switch (type) {
        case QEMU_VM_SECTION_START:
        case QEMU_VM_SECTION_FULL:
            ret = loadvm_section_start_full(f, &loaded, errp);
            break;
        case QEMU_VM_SECTION_PART:
        case QEMU_VM_SECTION_END:
            ret = loadvm_section_part_end(f, loaded, errp);
            break;
        case QEMU_VM_COMMAND:
            ret = loadvm_command(f, errp);
            break;
        case QEMU_VM_EOF:
            loadvm_skip_vmdesc(f);
            ret = 0;
            goto out;
        default:
            error_setg(errp, "Unknown savevm section type %d", type);
            ret = -EINVAL;
            break;
        }
        if (ret < 0) {
            goto out;
        }
    }

out:
    loadvm_handlers_cleanup();
    g_list_free_full(loaded, g_free);
    return ret;
}

/* -dump-vmstate (interfaces.md 4.13) */

static void dump_vmstate_vmsd(FILE *out, const VMStateDescription *vmsd,
                              int indent, bool is_subsection);

static void dump_vmstate_field(FILE *out, const VMStateField *field,
                               int indent)
{
    fprintf(out, "%*s{\n", indent, "");
    indent += 2;
    fprintf(out, "%*s\"field\": \"%s\",\n", indent, "", field->name);
    fprintf(out, "%*s\"version_id\": %d,\n", indent, "",
            field->version_id);
    fprintf(out, "%*s\"field_exists\": %s,\n", indent, "",
            field->field_exists ? "true" : "false");
    if (field->flags & VMS_ARRAY) {
        fprintf(out, "%*s\"num\": %d,\n", indent, "", field->num);
    }
    fprintf(out, "%*s\"size\": %zu", indent, "", field->size);
    if (field->vmsd) {
        fprintf(out, ",\n");
        dump_vmstate_vmsd(out, field->vmsd, indent, false);
    }
    fprintf(out, "\n%*s}", indent - 2, "");
}

static void dump_vmstate_vmsd(FILE *out, const VMStateDescription *vmsd,
                              int indent, bool is_subsection)
{
    const VMStateDescription * const *sub;
    const VMStateField *field;
    bool first;

    if (is_subsection) {
        fprintf(out, "%*s{\n", indent, "");
    } else {
        fprintf(out, "%*s\"Description\": {\n", indent, "");
    }
    indent += 2;
    fprintf(out, "%*s\"name\": \"%s\",\n", indent, "", vmsd->name);
    fprintf(out, "%*s\"version_id\": %d,\n", indent, "", vmsd->version_id);
    fprintf(out, "%*s\"minimum_version_id\": %d", indent, "",
            vmsd->minimum_version_id);
    if (vmsd->fields) {
        fprintf(out, ",\n%*s\"Fields\": [\n", indent, "");
        first = true;
        for (field = vmsd->fields; field->name; field++) {
            /* Validation entries put nothing on the wire. */
            if (field->flags & VMS_MUST_EXIST) {
                continue;
            }
            if (!first) {
                fprintf(out, ",\n");
            }
            dump_vmstate_field(out, field, indent + 2);
            first = false;
        }
        fprintf(out, "\n%*s]", indent, "");
    }
    if (vmsd->subsections) {
        fprintf(out, ",\n%*s\"Subsections\": [\n", indent, "");
        first = true;
        for (sub = vmsd->subsections; *sub; sub++) {
            if (!first) {
                fprintf(out, ",\n");
            }
            dump_vmstate_vmsd(out, *sub, indent + 2, true);
            first = false;
        }
        fprintf(out, "\n%*s]", indent, "");
    }
    fprintf(out, "\n%*s}", indent - 2, "");
}

void dump_vmstate_json_to_file(FILE *out)
{
    GSList *list = object_class_get_list(TYPE_DEVICE, true);
    GSList *l;

    fprintf(out, "{\n");
    fprintf(out, "  \"vmschkmachine\": {\n");
    fprintf(out, "    \"Name\": \"%s\"\n", savevm_local_machine());
    fprintf(out, "  }");
    for (l = list; l; l = l->next) {
        DeviceClass *dc = DEVICE_CLASS(l->data);
        const char *name = object_class_get_name(l->data);

        if (!dc->vmsd) {
            continue;
        }
        fprintf(out, ",\n");
        fprintf(out, "  \"%s\": {\n", name);
        fprintf(out, "    \"Name\": \"%s\",\n", name);
        fprintf(out, "    \"version_id\": %d,\n", dc->vmsd->version_id);
        fprintf(out, "    \"minimum_version_id\": %d,\n",
                dc->vmsd->minimum_version_id);
        dump_vmstate_vmsd(out, dc->vmsd, 4, false);
        fprintf(out, "\n  }");
    }
    fprintf(out, "\n}\n");
    g_slist_free(list);
}
