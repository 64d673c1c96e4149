/* Unsaid - vfs.c */
#include "vfs.h"

#include <physfs.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static char data_dir[1024];
static char user_dir[1024];

static const char *physfs_error(void)
{
    return PHYSFS_getErrorByCode(PHYSFS_getLastErrorCode());
}

static bool has_base(const char *dir)
{
    char path[1100];
    struct stat st;
    snprintf(path, sizeof path, "%s/levels/base/lexicon.yaml", dir);
    return stat(path, &st) == 0;
}

static bool pick_data_dir(void)
{
    const char *env = getenv("UNSAID_DATA_DIR");
    char exe_up[1024];
    const char *base = PHYSFS_getBaseDir(); /* the executable's folder, with a trailing '/' */
    snprintf(exe_up, sizeof exe_up, "%s..", base ? base : "./");
    const char *candidates[] = {env, UNSAID_INSTALL_DATA_DIR, UNSAID_SOURCE_DATA_DIR, exe_up, base};
    for (size_t i = 0; i < sizeof candidates / sizeof candidates[0]; i++) {
        if (candidates[i] && *candidates[i] && has_base(candidates[i])) {
            snprintf(data_dir, sizeof data_dir, "%s", candidates[i]);
            return true;
        }
    }
    return false;
}

static void mount_user_packs(void)
{
    char **list = PHYSFS_enumerateFiles("/packs");
    if (!list)
        return;
    for (char **p = list; *p; p++) {
        char real[1200], mnt[300];
        snprintf(real, sizeof real, "%spacks/%s", user_dir, *p);
        snprintf(mnt, sizeof mnt, "/levels/%s", *p);
        size_t n = strlen(mnt);
        if (n > 4 && strcmp(mnt + n - 4, ".zip") == 0)
            mnt[n - 4] = '\0';
        if (strcmp(mnt, "/levels/base") == 0)
            continue; /* the base pack id is reserved */
        if (!PHYSFS_mount(real, mnt, 1))
            fprintf(stderr, "unsaid: %s: cannot mount pack: %s\n", real, physfs_error());
    }
    PHYSFS_freeList(list);
}

bool vfs_init(const char *argv0, char *err, size_t errsize)
{
    if (!PHYSFS_init(argv0)) {
        snprintf(err, errsize, "cannot start PhysicsFS: %s", physfs_error());
        return false;
    }
    PHYSFS_permitSymbolicLinks(0);
    if (!pick_data_dir()) {
        snprintf(err, errsize,
                 "cannot find the game data (levels/base/lexicon.yaml). Looked in $UNSAID_DATA_DIR, "
                 "%s, %s and next to the program.",
                 UNSAID_INSTALL_DATA_DIR, UNSAID_SOURCE_DATA_DIR);
        PHYSFS_deinit();
        return false;
    }
    char path[1100];
    snprintf(path, sizeof path, "%s/levels", data_dir);
    bool ok = PHYSFS_mount(path, "/levels", 1);
    snprintf(path, sizeof path, "%s/assets", data_dir);
    ok = ok && PHYSFS_mount(path, "/assets", 1);
    if (!ok) {
        snprintf(err, errsize, "cannot read the game data in %s: %s", data_dir, physfs_error());
        PHYSFS_deinit();
        return false;
    }
    const char *pref = PHYSFS_getPrefDir("unsaid", "unsaid");
    if (pref && PHYSFS_setWriteDir(pref)) {
        snprintf(user_dir, sizeof user_dir, "%s", pref);
        PHYSFS_mkdir("packs");
        PHYSFS_mount(pref, "/", 1); /* the user folder itself, last */
        mount_user_packs();
    } else {
        /* Playing still works; only saving does not. */
        fprintf(stderr, "unsaid: no user data folder (%s); progress will not be saved\n",
                physfs_error());
    }
    return true;
}

void vfs_quit(void)
{
    PHYSFS_deinit();
}

const char *vfs_data_dir(void)
{
    return data_dir;
}

const char *vfs_user_dir(void)
{
    return user_dir;
}

char *vfs_read(const char *path, size_t *len, size_t max, char *err, size_t errsize)
{
    PHYSFS_File *f = PHYSFS_openRead(path);
    if (!f) {
        snprintf(err, errsize, "%s: cannot open: %s", path, physfs_error());
        return NULL;
    }
    PHYSFS_sint64 size = PHYSFS_fileLength(f);
    if (size < 0 || (PHYSFS_uint64)size > max) {
        snprintf(err, errsize, "%s: file is too large (limit %zu bytes)", path, max);
        PHYSFS_close(f);
        return NULL;
    }
    char *buf = malloc((size_t)size + 1);
    if (!buf) {
        snprintf(err, errsize, "%s: out of memory", path);
        PHYSFS_close(f);
        return NULL;
    }
    PHYSFS_sint64 got = PHYSFS_readBytes(f, buf, (PHYSFS_uint64)size);
    PHYSFS_close(f);
    if (got != size) {
        snprintf(err, errsize, "%s: read failed: %s", path, physfs_error());
        free(buf);
        return NULL;
    }
    buf[size] = '\0';
    if (len)
        *len = (size_t)size;
    return buf;
}

/* ---- SDL_RWops over a PhysicsFS file -------------------------------------- */

static Sint64 rw_size(SDL_RWops *rw)
{
    return PHYSFS_fileLength(rw->hidden.unknown.data1);
}

static Sint64 rw_seek(SDL_RWops *rw, Sint64 offset, int whence)
{
    PHYSFS_File *f = rw->hidden.unknown.data1;
    Sint64 pos = offset;
    if (whence == RW_SEEK_CUR)
        pos = PHYSFS_tell(f) + offset;
    else if (whence == RW_SEEK_END)
        pos = PHYSFS_fileLength(f) + offset;
    if (pos < 0 || !PHYSFS_seek(f, (PHYSFS_uint64)pos))
        return SDL_SetError("seek failed: %s", physfs_error());
    return pos;
}

static size_t rw_read(SDL_RWops *rw, void *ptr, size_t size, size_t maxnum)
{
    if (size == 0)
        return 0;
    PHYSFS_sint64 got = PHYSFS_readBytes(rw->hidden.unknown.data1, ptr, (PHYSFS_uint64)size * maxnum);
    return got <= 0 ? 0 : (size_t)got / size;
}

static size_t rw_write(SDL_RWops *rw, const void *ptr, size_t size, size_t num)
{
    SDL_SetError("read-only file");
    return 0;
}

static int rw_close(SDL_RWops *rw)
{
    int ok = PHYSFS_close(rw->hidden.unknown.data1);
    SDL_FreeRW(rw);
    return ok ? 0 : -1;
}

SDL_RWops *vfs_rwops(const char *path)
{
    PHYSFS_File *f = PHYSFS_openRead(path);
    if (!f) {
        SDL_SetError("%s: %s", path, physfs_error());
        return NULL;
    }
    SDL_RWops *rw = SDL_AllocRW();
    if (!rw) {
        PHYSFS_close(f);
        return NULL;
    }
    rw->size = rw_size;
    rw->seek = rw_seek;
    rw->read = rw_read;
    rw->write = rw_write;
    rw->close = rw_close;
    rw->type = SDL_RWOPS_UNKNOWN;
    rw->hidden.unknown.data1 = f;
    return rw;
}
