/* Unsaid - saves.c */
#include "saves.h"

#include "vfs.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* Problems listed in a message before "and N more". */
#define SAVES_SHOWN 3

/* One of the two files, seen through its type's functions. */
typedef struct {
    const char *name;
    size_t size;
    bool (*parse)(void *obj, const char *file, const char *buf, size_t len, DiagList *diags);
    char *(*format)(const void *obj, size_t *len);
    void (*reset)(void *obj);
} Kind;

static bool parse_settings(void *obj, const char *file, const char *buf, size_t len, DiagList *diags)
{
    return settings_parse(obj, file, buf, len, diags);
}

static char *format_settings(const void *obj, size_t *len)
{
    return settings_format(obj, len);
}

static void reset_settings(void *obj)
{
    *(Settings *)obj = settings_default();
}

static bool parse_progress(void *obj, const char *file, const char *buf, size_t len, DiagList *diags)
{
    return progress_parse(obj, file, buf, len, diags);
}

static char *format_progress(const void *obj, size_t *len)
{
    return progress_format(obj, len);
}

static void reset_progress(void *obj)
{
    progress_init(obj);
}

static const Kind settings_kind = {SAVES_SETTINGS_FILE, sizeof(Settings), parse_settings, format_settings,
                                   reset_settings};
static const Kind progress_kind = {SAVES_PROGRESS_FILE, sizeof(Progress), parse_progress, format_progress,
                                   reset_progress};

/* ---- messages ---------------------------------------------------------------- */

typedef struct {
    char *buf;
    size_t size, used;
} Msg;

static void msg_add(Msg *m, const char *fmt, ...) DIAG_PRINTF(2, 3);

static void msg_add(Msg *m, const char *fmt, ...)
{
    if (!m->buf || m->size == 0 || m->used + 1 >= m->size)
        return;
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(m->buf + m->used, m->size - m->used, fmt, ap);
    va_end(ap);
    if (n > 0)
        m->used = (size_t)n < m->size - m->used ? m->used + (size_t)n : m->size - 1;
}

/* The first few diagnostics, one per line. */
static void msg_diags(Msg *m, const DiagList *d)
{
    for (int i = 0; i < d->count && i < SAVES_SHOWN; i++) {
        char line[700];
        diag_format(&d->items[i], line, sizeof line);
        msg_add(m, "%s\n", line);
    }
    if (d->count > SAVES_SHOWN)
        msg_add(m, "(and %d more)\n", d->count - SAVES_SHOWN);
}

/* ---- files ------------------------------------------------------------------- */

static void join(char *out, size_t size, const char *dir, const char *name)
{
    size_t n = strlen(dir);
    snprintf(out, size, "%s%s%s", dir, n && dir[n - 1] == '/' ? "" : "/", name);
}

typedef enum { FILE_MISSING, FILE_READ, FILE_FAILED } FileState;

/* The whole file at path (NUL-terminated, free() it) into *out. */
static FileState read_file(const char *path, char **out, size_t *len, char *why, size_t whysize)
{
    *out = NULL;
    FILE *f = fopen(path, "rb");
    if (!f) {
        snprintf(why, whysize, "%s", strerror(errno));
        return errno == ENOENT ? FILE_MISSING : FILE_FAILED;
    }
    char *buf = malloc(SAVE_MAX_FILE + 1);
    size_t n = buf ? fread(buf, 1, SAVE_MAX_FILE + 1, f) : 0;
    bool failed = !buf || ferror(f);
    if (failed)
        snprintf(why, whysize, "%s", buf ? strerror(errno) : "out of memory");
    fclose(f);
    if (failed) {
        free(buf);
        return FILE_FAILED;
    }
    if (n > SAVE_MAX_FILE) {
        snprintf(why, whysize, "it is larger than %u KiB", SAVE_MAX_FILE >> 10);
        free(buf);
        return FILE_FAILED;
    }
    buf[n] = '\0';
    *out = buf;
    *len = n;
    return FILE_READ;
}

/* Move dir/name to dir/name.corrupt-N with the first free N; the new
 * name goes to `kept`. */
static bool set_aside(const char *dir, const char *name, char *kept, size_t keptsize, char *why, size_t whysize)
{
    char from[1400], to[1450];
    join(from, sizeof from, dir, name);
    errno = 0;
    for (int n = 1; n < 1000; n++) {
        struct stat st;
        snprintf(to, sizeof to, "%s.corrupt-%d", from, n);
        if (lstat(to, &st) == 0)
            continue;
        if (rename(from, to) != 0)
            break;
        snprintf(kept, keptsize, "%s.corrupt-%d", name, n);
        return true;
    }
    snprintf(why, whysize, "%s", errno ? strerror(errno) : "too many damaged copies already");
    return false;
}

typedef enum { TRY_OK, TRY_MISSING, TRY_BAD } TryResult;

/* Read and parse dir/name into obj. Problems go into m; a file that cannot
 * be used is moved aside and obj is reset. */
static TryResult try_file(const char *dir, const char *name, const Kind *k, void *obj, Msg *m)
{
    char path[1400], why[256] = "";
    join(path, sizeof path, dir, name);
    char *buf;
    size_t len = 0;
    FileState fs = read_file(path, &buf, &len, why, sizeof why);
    if (fs == FILE_MISSING)
        return TRY_MISSING;
    DiagList d = {0};
    bool ok = fs == FILE_READ && k->parse(obj, name, buf, len, &d);
    free(buf);
    if (fs == FILE_FAILED)
        msg_add(m, "%s: error: cannot read it: %s\n", name, why);
    else
        msg_diags(m, &d);
    diag_free(&d);
    if (ok)
        return TRY_OK;
    k->reset(obj);
    char kept[300];
    if (set_aside(dir, name, kept, sizeof kept, why, sizeof why))
        msg_add(m, "The damaged file was kept as %s in %s.\n", kept, dir);
    else
        msg_add(m, "The damaged file could not be moved aside (%s); it was left as it is.\n", why);
    return TRY_BAD;
}

static bool load(const char *dir, const Kind *k, void *obj, char *msg, size_t msgsize)
{
    Msg m = {msg, msgsize, 0};
    if (msg && msgsize)
        msg[0] = '\0';
    k->reset(obj);
    if (!dir || !dir[0]) {
        msg_add(&m, "There is no user data folder: %s cannot be loaded or saved.\n", k->name);
        return false;
    }
    TryResult main_file = try_file(dir, k->name, k, obj, &m);
    if (main_file == TRY_OK)
        return true;
    char bak[300];
    snprintf(bak, sizeof bak, "%s.bak", k->name);
    TryResult backup = try_file(dir, bak, k, obj, &m);
    if (main_file == TRY_MISSING && backup == TRY_MISSING)
        return true; /* the first start: nothing saved yet */
    if (main_file == TRY_MISSING && backup == TRY_OK)
        msg_add(&m, "%s was missing; its backup %s was loaded instead.\n", k->name, bak);
    else if (backup == TRY_OK)
        msg_add(&m, "The backup %s (the save before) was loaded instead.\n", bak);
    else if (backup == TRY_MISSING)
        msg_add(&m, "There is no backup %s; starting from the defaults.\n", bak);
    else
        msg_add(&m, "%s could not be used either; starting from the defaults.\n", bak);
    return false;
}

static bool store(const char *dir, const Kind *k, const void *obj, char *err, size_t errsize)
{
    if (!dir || !dir[0]) {
        snprintf(err, errsize, "there is no user data folder to save %s in", k->name);
        return false;
    }
    /* The file there now is about to become the backup. If it cannot be
     * read, it must not push out a backup that can: move it aside. */
    char path[1400], why[256] = "";
    join(path, sizeof path, dir, k->name);
    char *buf;
    size_t len = 0;
    FileState fs = read_file(path, &buf, &len, why, sizeof why);
    bool good = fs == FILE_MISSING;
    if (fs == FILE_READ) {
        void *scratch = malloc(k->size);
        DiagList d = {0};
        good = scratch && k->parse(scratch, k->name, buf, len, &d);
        diag_free(&d);
        free(scratch);
    }
    free(buf);
    char kept[300];
    if (!good && !set_aside(dir, k->name, kept, sizeof kept, why, sizeof why)) {
        snprintf(err, errsize,
                 "%s cannot be read and cannot be moved aside (%s); not saving, so that its backup is kept",
                 path, why);
        return false;
    }
    size_t n;
    char *text = k->format(obj, &n);
    if (!text) {
        snprintf(err, errsize, "%s: out of memory", path);
        return false;
    }
    bool ok = vfs_write_atomic_in(dir, k->name, text, n, err, errsize);
    free(text);
    return ok;
}

/* ---- the API ------------------------------------------------------------------ */

bool saves_load_settings_in(const char *dir, Settings *s, char *msg, size_t msgsize)
{
    return load(dir, &settings_kind, s, msg, msgsize);
}

bool saves_store_settings_in(const char *dir, const Settings *s, char *err, size_t errsize)
{
    return store(dir, &settings_kind, s, err, errsize);
}

bool saves_load_progress_in(const char *dir, Progress *p, char *msg, size_t msgsize)
{
    return load(dir, &progress_kind, p, msg, msgsize);
}

bool saves_store_progress_in(const char *dir, const Progress *p, char *err, size_t errsize)
{
    return store(dir, &progress_kind, p, err, errsize);
}

bool saves_load_settings(Settings *s, char *msg, size_t msgsize)
{
    return saves_load_settings_in(vfs_user_dir(), s, msg, msgsize);
}

bool saves_store_settings(const Settings *s, char *err, size_t errsize)
{
    return saves_store_settings_in(vfs_user_dir(), s, err, errsize);
}

bool saves_load_progress(Progress *p, char *msg, size_t msgsize)
{
    return saves_load_progress_in(vfs_user_dir(), p, msg, msgsize);
}

bool saves_store_progress(const Progress *p, char *err, size_t errsize)
{
    return saves_store_progress_in(vfs_user_dir(), p, err, errsize);
}
