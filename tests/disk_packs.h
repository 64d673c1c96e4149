/* Unsaid - disk_packs.h: a PackIO over folders on disk, for the tests and
 * benchmarks that load real packs (the base pack, the examples) from the
 * source tree without PhysicsFS. Source n reads from roots[n]. */
#ifndef UNSAID_DISK_PACKS_H
#define UNSAID_DISK_PACKS_H

#include "library.h"
#include "slurp.h"

#include <dirent.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define DISK_PACKS_MAX 64

typedef struct {
    char roots[DISK_PACKS_MAX][1200]; /* a folder per source */
} DiskPacks;

static inline char *disk_packs_read(void *ctx, int source, const char *path, size_t max, size_t *len, char *err,
                                    size_t errsize)
{
    const DiskPacks *p = ctx;
    char full[2400];
    snprintf(full, sizeof full, "%s/%s", p->roots[source], path);
    char *b = slurp(full, len);
    if (b && *len > max) {
        free(b);
        b = NULL;
    }
    if (!b)
        snprintf(err, errsize, "%s: missing or too large", path);
    return b;
}

static inline int disk_packs_cmp_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Sorted names of the entries of dir: its regular files, or its folders. */
static inline int disk_packs_list_dir(const char *dir, bool folders, char ***out)
{
    *out = NULL;
    DIR *d = opendir(dir);
    if (!d)
        return 0;
    int n = 0, cap = 256;
    *out = malloc((size_t)cap * sizeof **out);
    for (struct dirent *e; *out && n < cap && (e = readdir(d));) {
        char full[2700];
        struct stat st;
        snprintf(full, sizeof full, "%s/%s", dir, e->d_name);
        if (e->d_name[0] == '.' || stat(full, &st) != 0 || (folders ? !S_ISDIR(st.st_mode) : !S_ISREG(st.st_mode)))
            continue;
        (*out)[n++] = strdup(e->d_name);
    }
    closedir(d);
    if (*out)
        qsort(*out, (size_t)n, sizeof **out, disk_packs_cmp_names);
    return n;
}

static inline int disk_packs_list(void *ctx, int source, const char *dir, char ***out)
{
    const DiskPacks *p = ctx;
    char path[2400];
    snprintf(path, sizeof path, "%s/%s", p->roots[source], dir);
    return disk_packs_list_dir(path, false, out);
}

static inline PackIO disk_packs_io(DiskPacks *p)
{
    return (PackIO){disk_packs_read, disk_packs_list, p};
}

/* One pack, from the folder `root`, loaded as the game's base. True when it
 * loaded clean; otherwise its problems are on stderr, under `who`. */
static inline bool disk_packs_load_root(Library *lib, const char *root, const char *who)
{
    static DiskPacks base;
    snprintf(base.roots[0], sizeof base.roots[0], "%s", root);
    PackSource source = {base.roots[0], false, true, false, NULL};
    PackIO io = disk_packs_io(&base);
    if (library_load(lib, &source, 1, &io, "0.1.0") && lib->npacks >= 1 && lib->packs[0].state == PACK_ENABLED)
        return true;
    char buf[8192] = "";
    if (lib->npacks > 0)
        diag_format_all(&lib->packs[0].diags, buf, sizeof buf);
    fprintf(stderr, "%s: the pack did not load from %s:\n%s", who, base.roots[0], buf);
    return false;
}

/* The base pack alone, from SOURCE_DIR/levels/base. */
static inline bool disk_packs_load_base(Library *lib, const char *src_dir, const char *who)
{
    char root[1100];
    snprintf(root, sizeof root, "%s/levels/base", src_dir);
    return disk_packs_load_root(lib, root, who);
}

/* The core tests' own small base, SOURCE_DIR/tests/data/fixture: scenes
 * named for the role each plays in the tests, which change only with the
 * tests, never with the game's content. */
#define FIXTURE_PACK "fixture"
static inline bool disk_packs_load_fixture(Library *lib, const char *src_dir, const char *who)
{
    char root[1100];
    snprintf(root, sizeof root, "%s/tests/data/fixture", src_dir);
    return disk_packs_load_root(lib, root, who);
}

#endif
