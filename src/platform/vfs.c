/* Unsaid - vfs.c */
#include "vfs.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <physfs.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char data_dir[1024];
static char user_dir[1024];
static bool read_only; /* the user's folder is read, never created or written */

static const char *physfs_error(void)
{
    return PHYSFS_getErrorByCode(PHYSFS_getLastErrorCode());
}

static bool has_base(const char *dir)
{
    char path[1100];
    struct stat st;
    snprintf(path, sizeof path, "%s/levels/base/pack.yaml", dir);
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

/* The user's data folder as PHYSFS_getPrefDir names it, without creating
 * it as PHYSFS_getPrefDir does. On Linux and the BSDs PhysicsFS names
 * $XDG_DATA_HOME/unsaid/, or ~/.local/share/unsaid/ when XDG_DATA_HOME is
 * not set; elsewhere PhysicsFS is asked, and may create an empty folder. */
static const char *user_folder_name(char *buf, size_t size)
{
#if defined(__unix__) && !defined(__APPLE__)
    const char *xdg = getenv("XDG_DATA_HOME");
    const char *home = getenv("HOME");
    if (!home) {
        const struct passwd *pw = getpwuid(getuid());
        home = pw ? pw->pw_dir : NULL;
    }
    int n = xdg    ? snprintf(buf, size, "%s/unsaid/", xdg)
          : home ? snprintf(buf, size, "%s/.local/share/unsaid/", home)
                 : -1;
    return n > 0 && (size_t)n < size ? buf : NULL;
#else
    (void)buf;
    (void)size;
    return PHYSFS_getPrefDir("unsaid", "unsaid");
#endif
}

static void reset_packs_state(void);

static bool init(const char *argv0, bool only_read, char *err, size_t errsize)
{
    read_only = only_read;
    user_dir[0] = '\0';
    reset_packs_state();
    if (!PHYSFS_init(argv0)) {
        snprintf(err, errsize, "cannot start PhysicsFS: %s", physfs_error());
        return false;
    }
    PHYSFS_permitSymbolicLinks(0);
    if (!pick_data_dir()) {
        snprintf(err, errsize,
                 "cannot find the game data (levels/base/pack.yaml). Looked in $UNSAID_DATA_DIR, "
                 "%s, %s and next to the program.",
                 UNSAID_INSTALL_DATA_DIR, UNSAID_SOURCE_DATA_DIR);
        PHYSFS_deinit();
        return false;
    }
    char path[1100];
    snprintf(path, sizeof path, "%s/assets", data_dir);
    if (!PHYSFS_mount(path, "/assets", 1)) {
        snprintf(err, errsize, "cannot read the game data in %s: %s", data_dir, physfs_error());
        PHYSFS_deinit();
        return false;
    }
    if (read_only) {
        /* No write folder: PhysicsFS itself cannot write anything. A
         * missing folder just means no user packs. */
        char name[1024];
        const char *pref = user_folder_name(name, sizeof name);
        if (pref && PHYSFS_mount(pref, "/user", 1))
            snprintf(user_dir, sizeof user_dir, "%s", pref);
        return true;
    }
    const char *pref = PHYSFS_getPrefDir("unsaid", "unsaid");
    if (pref && PHYSFS_setWriteDir(pref)) {
        snprintf(user_dir, sizeof user_dir, "%s", pref);
        PHYSFS_mkdir("packs");
        PHYSFS_mount(pref, "/user", 1);
    } else {
        /* Playing still works; only saving does not. */
        fprintf(stderr, "unsaid: no user data folder (%s); progress will not be saved\n",
                physfs_error());
    }
    return true;
}

bool vfs_init(const char *argv0, char *err, size_t errsize)
{
    return init(argv0, false, err, errsize);
}

bool vfs_init_read_only(const char *argv0, char *err, size_t errsize)
{
    return init(argv0, true, err, errsize);
}

bool vfs_read_only(void)
{
    return read_only;
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

/* ---- writing ------------------------------------------------------------------ */

/* fsync a folder so that renames in it survive a power cut. Best effort:
 * some file systems cannot, and the data itself is already synced. */
static void sync_dir(const char *dir)
{
    int fd = open(dir, O_RDONLY);
    if (fd >= 0) {
        fsync(fd);
        close(fd);
    }
}

/* Write all of data to path and sync it to the disk. */
static bool write_synced(const char *path, const void *data, size_t len)
{
    FILE *f = fopen(path, "wb");
    if (!f)
        return false;
    bool ok = fwrite(data, 1, len, f) == len;
    ok = fflush(f) == 0 && ok;
    ok = fsync(fileno(f)) == 0 && ok;
    return fclose(f) == 0 && ok;
}

bool vfs_write_atomic_in(const char *dir, const char *name, const void *data, size_t len, char *err,
                         size_t errsize)
{
    if (!dir || !dir[0]) {
        snprintf(err, errsize, "%s: there is no user data folder to save in", name);
        return false;
    }
    if (read_only && strcmp(dir, user_dir) == 0) {
        snprintf(err, errsize, "%s: not saved: the user data folder is only read during a replay or a "
                 "headless run", name);
        return false;
    }
    if (!name[0] || name[0] == '.' || strchr(name, '/') || strchr(name, '\\')) {
        snprintf(err, errsize, "%s: not a plain file name", name);
        return false;
    }
    const char *sep = dir[strlen(dir) - 1] == '/' ? "" : "/";
    char path[1400], tmp[1410], bak[1410], baktmp[1420];
    snprintf(path, sizeof path, "%s%s%s", dir, sep, name);
    snprintf(tmp, sizeof tmp, "%s.tmp", path);
    snprintf(bak, sizeof bak, "%s.bak", path);
    snprintf(baktmp, sizeof baktmp, "%s.bak.tmp", path);
    if (!write_synced(tmp, data, len)) {
        snprintf(err, errsize, "%s: cannot save: %s", path, strerror(errno));
        remove(tmp);
        return false;
    }
    struct stat st;
    bool moved = false;
    if (stat(path, &st) == 0) {
        /* The old file becomes the backup. A second name for it, swapped in
         * over the old backup, keeps both names whole all the time; where
         * hard links are not allowed, move it (for a moment there is then
         * only the backup, which is what the loaders fall back to). */
        remove(baktmp);
        bool kept = link(path, baktmp) == 0 && rename(baktmp, bak) == 0;
        if (!kept) {
            remove(baktmp);
            if (rename(path, bak) != 0) {
                snprintf(err, errsize, "%s: cannot keep the previous copy as %s: %s", path, bak, strerror(errno));
                remove(tmp);
                return false;
            }
            moved = true;
        }
    }
    /* The new copy is complete on disk; swap it in. */
    if (rename(tmp, path) != 0) {
        snprintf(err, errsize, "%s: cannot save: %s", path, strerror(errno));
        remove(tmp);
        if (moved)
            rename(bak, path);
        return false;
    }
    sync_dir(dir);
    return true;
}

bool vfs_write_atomic(const char *name, const void *data, size_t len, char *err, size_t errsize)
{
    return vfs_write_atomic_in(user_dir, name, data, len, err, errsize);
}

/* ---- packs ------------------------------------------------------------------ */

static char mounted[VFS_MAX_SOURCES][1200]; /* real paths, for unmounting */
static char disabled[VFS_MAX_SOURCES][256];  /* user packs the player turned off */
static int ndisabled;
static bool disabled_kept; /* read only: the list was read once and lives in memory */
static char only[VFS_MAX_SOURCES][256];      /* a replay's packs: the only user packs mounted */
static int nonly;
static bool only_listed; /* vfs_only_packs was called */
static char names[VFS_MAX_SOURCES][256];
static char problems[VFS_MAX_SOURCES][1200];
static int nmounted;

static void reset_packs_state(void)
{
    ndisabled = nonly = nmounted = 0;
    disabled_kept = only_listed = false;
}

typedef struct {
    int files, depth_exceeded;
    PHYSFS_uint64 total;
    char big[1024];
} Scan;

/* Walk a mounted pack and count what it holds, before reading any of it. */
static void scan(const char *dir, int depth, Scan *sc)
{
    if (depth > VFS_PACK_MAX_DEPTH) {
        sc->depth_exceeded = 1;
        return;
    }
    char **list = PHYSFS_enumerateFiles(dir);
    for (char **e = list; e && *e && sc->files <= VFS_PACK_MAX_FILES && !sc->depth_exceeded; e++) {
        char path[1024];
        snprintf(path, sizeof path, "%s/%s", dir, *e);
        PHYSFS_Stat st;
        if (!PHYSFS_stat(path, &st))
            continue;
        if (st.filetype == PHYSFS_FILETYPE_DIRECTORY) {
            scan(path, depth + 1, sc);
        } else {
            sc->files++;
            if (st.filesize > 0) {
                sc->total += (PHYSFS_uint64)st.filesize;
                if ((PHYSFS_uint64)st.filesize > VFS_PACK_MAX_FILE && !sc->big[0])
                    snprintf(sc->big, sizeof sc->big, "%s", path);
            }
        }
    }
    PHYSFS_freeList(list);
}

static uint64_t stamp_mix(uint64_t h, const void *data, size_t n)
{
    const unsigned char *b = data;
    for (size_t i = 0; i < n; i++)
        h = (h ^ b[i]) * 0x100000001b3ull; /* FNV-1a */
    return h;
}

/* Every path below dir with its size and time of change (to the
 * nanosecond: PhysicsFS keeps whole seconds, and an editor may save twice
 * in one), on the real file system. Links are not followed. */
static uint64_t stamp_dir(const char *dir, int depth, int *budget, uint64_t h)
{
    DIR *d = depth <= VFS_PACK_MAX_DEPTH ? opendir(dir) : NULL;
    if (!d)
        return h;
    for (struct dirent *e; (e = readdir(d)) && --*budget > 0;) {
        if (e->d_name[0] == '.')
            continue;
        char path[1200];
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        struct stat st;
        if (lstat(path, &st) != 0)
            continue;
        h = stamp_mix(h, path, strlen(path));
        h = stamp_mix(h, &st.st_size, sizeof st.st_size);
        h = stamp_mix(h, &st.st_mtim.tv_sec, sizeof st.st_mtim.tv_sec);
        h = stamp_mix(h, &st.st_mtim.tv_nsec, sizeof st.st_mtim.tv_nsec);
        if (S_ISDIR(st.st_mode))
            h = stamp_dir(path, depth + 1, budget, h);
    }
    closedir(d);
    return h;
}

uint64_t vfs_packs_stamp(void)
{
    int budget = 4 * VFS_PACK_MAX_FILES;
    char dir[1200];
    snprintf(dir, sizeof dir, "%s/levels/base", data_dir);
    uint64_t h = stamp_dir(dir, 0, &budget, 0xcbf29ce484222325ull);
    if (user_dir[0]) {
        snprintf(dir, sizeof dir, "%spacks", user_dir);
        h = stamp_dir(dir, 0, &budget, h);
    }
    return h;
}

static const char *check_limits(const char *mnt, char *buf, size_t size)
{
    Scan sc = {0};
    scan(mnt, 0, &sc);
    if (sc.depth_exceeded)
        snprintf(buf, size, "folders nested more than %d deep; refused", VFS_PACK_MAX_DEPTH);
    else if (sc.files > VFS_PACK_MAX_FILES)
        snprintf(buf, size, "more than %d files; refused", VFS_PACK_MAX_FILES);
    else if (sc.big[0])
        snprintf(buf, size, "%s is larger than %u MiB; refused before reading",
                 sc.big + strlen(mnt) + 1, VFS_PACK_MAX_FILE >> 20);
    else if (sc.total > VFS_PACK_MAX_TOTAL)
        snprintf(buf, size, "its files add up to more than %u MiB; refused before reading",
                 VFS_PACK_MAX_TOTAL >> 20);
    else
        return NULL;
    return buf;
}

/* Find the shallowest pack.yaml below `dir` (depth 1 is one folder down),
 * exactly `depth` folders down; its path from the pack's root goes to out. */
static bool find_manifest_at(const char *dir, size_t root_len, int depth, char *out, size_t size)
{
    char **list = PHYSFS_enumerateFiles(dir);
    bool found = false;
    for (char **e = list; e && *e && !found; e++) {
        char path[1024];
        snprintf(path, sizeof path, "%s/%s", dir, *e);
        PHYSFS_Stat st;
        if (!PHYSFS_stat(path, &st) || st.filetype != PHYSFS_FILETYPE_DIRECTORY)
            continue;
        if (depth == 1) {
            char yaml[1100];
            snprintf(yaml, sizeof yaml, "%s/pack.yaml", path);
            if (PHYSFS_stat(yaml, &st) && st.filetype == PHYSFS_FILETYPE_REGULAR) {
                snprintf(out, size, "%s", yaml + root_len);
                found = true;
            }
        } else {
            found = find_manifest_at(path, root_len, depth - 1, out, size);
        }
    }
    PHYSFS_freeList(list);
    return found;
}

/* The only entry at the top of a pack, when that is a folder ("" if not). */
static void single_top_folder(const char *mnt, char *out, size_t size)
{
    char **list = PHYSFS_enumerateFiles(mnt);
    out[0] = '\0';
    if (list && list[0] && !list[1]) {
        char path[1024];
        PHYSFS_Stat st;
        snprintf(path, sizeof path, "%s/%s", mnt, list[0]);
        if (PHYSFS_stat(path, &st) && st.filetype == PHYSFS_FILETYPE_DIRECTORY)
            snprintf(out, size, "%s", list[0]);
    }
    PHYSFS_freeList(list);
}

/* Why a pack has no pack.yaml at its top, when there is more to say than
 * that it has none: the file is a symbolic link, or it sits in a folder
 * inside the pack. NULL otherwise (the library then says a pack needs a
 * pack.yaml at its root). */
static const char *check_manifest_place(const char *mnt, bool zip, char *buf, size_t size)
{
    char path[64];
    snprintf(path, sizeof path, "%s/pack.yaml", mnt);
    if (PHYSFS_exists(path))
        return NULL;
    /* With links refused, a linked pack.yaml looks like no file at all:
     * allow links just long enough to see it (nothing is read through it). */
    PHYSFS_Stat st;
    PHYSFS_permitSymbolicLinks(1);
    bool link = PHYSFS_stat(path, &st) && st.filetype == PHYSFS_FILETYPE_SYMLINK;
    PHYSFS_permitSymbolicLinks(0);
    if (link) {
        snprintf(buf, size, "pack.yaml is a symbolic link, and the game does not follow links; "
                 "put the file itself at the top of the %s", zip ? "zip" : "pack");
        return buf;
    }
    char found[1024];
    int depth = 1;
    while (depth <= VFS_PACK_MAX_DEPTH && !find_manifest_at(mnt, strlen(mnt) + 1, depth, found, sizeof found))
        depth++;
    if (depth > VFS_PACK_MAX_DEPTH)
        return NULL;
    char top[256];
    single_top_folder(mnt, top, sizeof top);
    if (depth == 1 && top[0])
        snprintf(buf, size,
                 "pack.yaml is one folder down, at '%.200s', because everything in this %s is inside the "
                 "folder '%.100s'; %s, so that pack.yaml is at the top",
                 found, zip ? "zip" : "pack", top,
                 zip ? "zip what is inside the folder, not the folder itself"
                     : "move what is inside that folder up one level");
    else
        snprintf(buf, size,
                 "pack.yaml is nested too deep: it is at '%.200s', %d folder%s down, and must be at the "
                 "top of the %s; %s '%.*s' %s",
                 found, depth, depth == 1 ? "" : "s", zip ? "zip" : "pack", zip ? "zip what is in" : "move what is in",
                 (int)(strlen(found) - strlen("/pack.yaml")), found, zip ? "instead" : "up to the top");
    return buf;
}

void vfs_unmount_packs(void)
{
    for (int i = 0; i < nmounted; i++)
        if (mounted[i][0])
            PHYSFS_unmount(mounted[i]);
    nmounted = 0;
}

void vfs_pack_root(int source, char *out, size_t size)
{
    snprintf(out, size, "/p/%d", source);
}

/* Mount one pack at its root and describe it. */
static void add_source(const char *real, const char *shown, bool is_base, PackSource *out, int *n, int max)
{
    if (*n >= max || *n >= VFS_MAX_SOURCES)
        return;
    int i = *n;
    size_t len = strlen(real);
    bool zip = len > 4 && strcmp(real + len - 4, ".zip") == 0;
    char mnt[32];
    vfs_pack_root(i, mnt, sizeof mnt);
    snprintf(names[i], sizeof names[i], "%s", shown);
    problems[i][0] = '\0';
    out[i] = (PackSource){names[i], zip, is_base, false, NULL};
    mounted[i][0] = '\0';
    if (!PHYSFS_mount(real, mnt, 1)) {
        snprintf(problems[i], sizeof problems[i], "cannot open: %s", physfs_error());
        out[i].problem = problems[i];
    } else {
        snprintf(mounted[i], sizeof mounted[i], "%s", real);
        out[i].problem = check_limits(mnt, problems[i], sizeof problems[i]);
        if (!out[i].problem)
            out[i].problem = check_manifest_place(mnt, zip, problems[i], sizeof problems[i]);
    }
    nmounted = ++*n;
}

#define DISABLED_FILE "disabled-packs.txt"

/* Read the player's list of turned-off packs. Read only, it is read once
 * and then changed in memory; a replay does not read it at all. */
static void load_disabled(void)
{
    if (read_only && disabled_kept)
        return;
    disabled_kept = true;
    ndisabled = 0;
    if (only_listed)
        return;
    char err[256];
    size_t len;
    char *buf = PHYSFS_exists("/user/" DISABLED_FILE)
                    ? vfs_read("/user/" DISABLED_FILE, &len, 64 * 1024, err, sizeof err)
                    : NULL;
    for (char *line = buf, *next; line && *line && ndisabled < VFS_MAX_SOURCES; line = next) {
        next = strchr(line, '\n');
        if (next)
            *next++ = '\0';
        else
            next = line + strlen(line);
        if (*line && *line != '#')
            snprintf(disabled[ndisabled++], sizeof disabled[0], "%s", line);
    }
    free(buf);
}

static bool is_disabled(const char *name)
{
    for (int i = 0; i < ndisabled; i++)
        if (strcmp(disabled[i], name) == 0)
            return true;
    return false;
}

bool vfs_set_pack_disabled(const char *name, bool off, char *err, size_t errsize)
{
    if (!user_dir[0] && !read_only) {
        snprintf(err, errsize, "there is no user data folder to remember the choice in");
        return false;
    }
    load_disabled();
    int kept = 0;
    for (int i = 0; i < ndisabled; i++) {
        if (strcmp(disabled[i], name) == 0)
            continue;
        if (kept != i)
            memcpy(disabled[kept], disabled[i], sizeof disabled[i]);
        kept++;
    }
    ndisabled = kept;
    if (off && ndisabled < VFS_MAX_SOURCES)
        snprintf(disabled[ndisabled++], sizeof disabled[0], "%.255s", name);
    if (read_only)
        return true; /* remembered until vfs_quit, never written */
    char text[(VFS_MAX_SOURCES + 1) * 257 + 80]; /* every name fits: at most 255 bytes each */
    size_t used = (size_t)snprintf(text, sizeof text, "# Level packs turned off in the Packs screen, one per line.\n");
    for (int i = 0; i < ndisabled; i++)
        used += (size_t)snprintf(text + used, sizeof text - used, "%.255s\n", disabled[i]);
    bool ok = vfs_write_atomic(DISABLED_FILE, text, used, err, errsize);
    load_disabled(); /* what the file now says */
    return ok;
}

void vfs_only_packs(const char *const *list, int n)
{
    nonly = 0;
    for (int i = 0; i < n && nonly < VFS_MAX_SOURCES; i++)
        snprintf(only[nonly++], sizeof only[0], "%s", list[i]);
    only_listed = true;
    ndisabled = 0; /* the player's choices do not apply to a replay */
    disabled_kept = true;
}

static bool is_only(const char *name)
{
    for (int i = 0; i < nonly; i++)
        if (strcmp(only[i], name) == 0)
            return true;
    return false;
}

int vfs_mount_packs(bool user_packs, const char *const *extra, int nextra, PackSource *out, int max)
{
    vfs_unmount_packs();
    if (user_packs)
        load_disabled();
    int n = 0;
    char real[1200];
    snprintf(real, sizeof real, "%s/levels/base", data_dir);
    add_source(real, "levels/base", true, out, &n, max);
    char **list = user_packs && user_dir[0] ? PHYSFS_enumerateFiles("/user/packs") : NULL;
    for (char **e = list; e && *e; e++) {
        char vpath[512], shown[300];
        snprintf(vpath, sizeof vpath, "/user/packs/%s", *e);
        PHYSFS_Stat st;
        size_t len = strlen(*e);
        bool zip = len > 4 && strcmp(*e + len - 4, ".zip") == 0;
        if (!PHYSFS_stat(vpath, &st) || (st.filetype != PHYSFS_FILETYPE_DIRECTORY && !zip))
            continue; /* stray files and links are not packs */
        snprintf(real, sizeof real, "%spacks/%s", user_dir, *e);
        snprintf(shown, sizeof shown, "packs/%s", *e);
        if (only_listed && !is_only(shown))
            continue;
        add_source(real, shown, false, out, &n, max);
        if (n > 0 && is_disabled(shown))
            out[n - 1].disabled = true;
    }
    PHYSFS_freeList(list);
    for (int i = 0; i < nextra; i++)
        add_source(extra[i], extra[i], false, out, &n, max);
    return n;
}

static char *io_read(void *ctx, int source, const char *path, size_t max, size_t *len, char *err,
                     size_t errsize)
{
    (void)ctx;
    char full[600];
    char root[32];
    vfs_pack_root(source, root, sizeof root);
    snprintf(full, sizeof full, "%s/%s", root, path);
    if (!PHYSFS_exists(full)) {
        snprintf(err, errsize, "%s: no such file", path);
        return NULL;
    }
    char *buf = vfs_read(full, len, max, err, errsize);
    if (!buf) /* name the file as the pack has it, not by mount point */
        snprintf(err, errsize, "%s: cannot read it, or it is larger than %zu KiB", path, max >> 10);
    return buf;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static int io_list(void *ctx, int source, const char *dir, char ***out)
{
    (void)ctx;
    char full[600];
    char root[32];
    vfs_pack_root(source, root, sizeof root);
    snprintf(full, sizeof full, "%s/%s", root, dir);
    *out = NULL;
    char **list = PHYSFS_enumerateFiles(full);
    int n = 0, cap = 0;
    for (char **e = list; e && *e; e++) {
        char path[900];
        snprintf(path, sizeof path, "%s/%s", full, *e);
        PHYSFS_Stat st;
        if (!PHYSFS_stat(path, &st) || st.filetype != PHYSFS_FILETYPE_REGULAR)
            continue;
        if (n == cap) {
            cap = cap ? cap * 2 : 16;
            char **grown = realloc(*out, (size_t)cap * sizeof *grown);
            if (!grown)
                break;
            *out = grown;
        }
        (*out)[n] = malloc(strlen(*e) + 1);
        if (!(*out)[n])
            break;
        strcpy((*out)[n++], *e);
    }
    PHYSFS_freeList(list);
    if (n > 1)
        qsort(*out, (size_t)n, sizeof **out, cmp_str);
    return n;
}

PackIO vfs_pack_io(void)
{
    return (PackIO){io_read, io_list, NULL};
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
