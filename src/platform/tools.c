/* Unsaid - tools.c: the pack tools (see tools.h). */
#include "tools.h"

#include "content.h"
#include "packs.h"
#include "platform.h"
#include "schema_out.h"
#include "sheet.h"
#include "util.h"
#include "vfs.h"

#include <SDL2/SDL.h>
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static void plural(char *buf, size_t size, int n, const char *word)
{
    snprintf(buf, size, "%d %s%s", n, word, n == 1 ? "" : "s");
}

/* --check: load the base pack and the given packs exactly as the game
 * would, and report everything about the given ones. */
static int run_check(const Options *o)
{
    char base_real[PATH_MAX], real[PATH_MAX], path[1200];
    snprintf(path, sizeof path, "%s/levels/base", vfs_data_dir());
    if (!realpath(path, base_real))
        base_real[0] = '\0';
    const char *extra[VFS_MAX_SOURCES];
    int nextra = 0;
    bool check_base = false;
    for (int i = 0; i < o->ncheck; i++) {
        if (!realpath(o->check[i], real)) {
            fprintf(stderr, "unsaid: %s: %s\n", o->check[i], strerror(errno));
            return 2;
        }
        if (strcmp(real, base_real) == 0)
            check_base = true;
        else
            extra[nextra++] = o->check[i];
    }
    PackSource sources[VFS_MAX_SOURCES];
    int n = vfs_mount_packs(false, extra, nextra, sources, VFS_MAX_SOURCES);
    PackIO io = vfs_pack_io();
    Library lib;
    library_load(&lib, sources, n, &io, UNSAID_VERSION);
    int errors = 0, warnings = 0, checked = 0;
    for (int s = 0; s < n; s++) {
        const PackInfo *p = library_pack_of_source(&lib, s);
        if (!p || (s == 0 && !check_base))
            continue;
        checked++;
        for (int i = 0; i < p->diags.count; i++) {
            char line[800];
            char source[800];
            diag_format(&p->diags.items[i], line, sizeof line);
            diag_format_source(&p->diags.items[i], source, sizeof source);
            printf("%s\n%s", line, source);
        }
        errors += p->diags.errors;
        warnings += p->diags.warnings;
        char sc[32], li[32], cu[32], an[32], wo[32];
        plural(sc, sizeof sc, p->nscenes, "scene");
        plural(li, sizeof li, p->stats.lines, "line");
        plural(cu, sizeof cu, p->stats.cues, "cue");
        plural(an, sizeof an, p->stats.answers, "answer");
        plural(wo, sizeof wo, p->stats.words, "word");
        printf("%s: %s (%s): %s, %s, %s (%d incongruent), %s, %s\n", p->name,
               p->has_manifest && p->manifest.id ? p->manifest.id : "?", library_state_name(p->state), sc,
               li, cu, p->stats.incongruent, an, wo);
    }
    /* A broken base pack breaks everything checked against it. */
    const PackInfo *base = library_pack_of_source(&lib, 0);
    if (!check_base && base && base->state == PACK_BROKEN) {
        fprintf(stderr, "unsaid: the game's own data is broken; run --check %s\n", path);
        errors++;
    }
    char e[32], w[32], c[32];
    plural(e, sizeof e, errors, "error");
    plural(w, sizeof w, warnings, "warning");
    plural(c, sizeof c, checked, "pack");
    printf("checked %s: %s, %s\n", c, e, w);
    library_free(&lib);
    return errors ? 1 : 0;
}

/* Replace every {{key}} in text with its value; returns a new string. */
static char *fill_template(const char *text, const char *id, const char *title)
{
    size_t cap = strlen(text) * 2 + 256, used = 0;
    char *out = malloc(cap);
    for (const char *p = text; out && *p;) {
        const char *val = NULL;
        size_t skip = 0;
        if (strncmp(p, "{{id}}", 6) == 0)
            val = id, skip = 6;
        else if (strncmp(p, "{{title}}", 9) == 0)
            val = title, skip = 9;
        size_t need = val ? strlen(val) : 1;
        if (used + need + 1 > cap) {
            cap = (used + need + 1) * 2;
            char *grown = realloc(out, cap);
            if (!grown) {
                free(out);
                return NULL;
            }
            out = grown;
        }
        if (val) {
            memcpy(out + used, val, need);
            p += skip;
        } else {
            out[used] = *p++;
        }
        used += need;
    }
    if (out)
        out[used] = '\0';
    return out;
}

/* mkdir -p */
static bool make_dirs(const char *path)
{
    char buf[PATH_MAX + 64];
    snprintf(buf, sizeof buf, "%s", path);
    for (char *p = buf + 1; *p; p++) {
        if (*p != '/')
            continue;
        *p = '\0';
        if (mkdir(buf, 0777) != 0 && errno != EEXIST)
            return false;
        *p = '/';
    }
    return mkdir(buf, 0777) == 0 || errno == EEXIST;
}

/* --new-pack DIR: a small pack that passes the checker, with comments that
 * teach the format. Never writes into a folder that already has files. */
static int run_new_pack(const char *dir_arg)
{
    char dir[PATH_MAX];
    snprintf(dir, sizeof dir, "%s", dir_arg);
    for (size_t l = strlen(dir); l > 1 && dir[l - 1] == '/'; l--)
        dir[l - 1] = '\0';
    static const char *const files[] = {"pack.yaml", "lexicon.yaml", "looks/theo.yaml",
                                        "scenes/first_scene.yaml"};
    struct stat st;
    if (stat(dir, &st) == 0) {
        DIR *d = opendir(dir);
        int entries = 0;
        for (struct dirent *e; d && (e = readdir(d));)
            entries += strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0;
        if (d)
            closedir(d);
        if (!S_ISDIR(st.st_mode) || entries > 0) {
            fprintf(stderr, "unsaid: %s already exists and is not an empty folder; choose a new name\n", dir);
            return 2;
        }
    }
    /* The pack id comes from the folder's name: lower case, a-z 0-9 _ -. */
    const char *base = strrchr(dir, '/');
    base = base ? base + 1 : dir;
    char id[PACK_ID_MAX + 1], title[128];
    size_t n = 0;
    for (const char *p = base; *p && *p != '/' && n < PACK_ID_MAX; p++) {
        char c = *p >= 'A' && *p <= 'Z' ? (char)(*p - 'A' + 'a') : *p;
        id[n++] = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' ? c : '-';
    }
    id[n] = '\0';
    if (n < PACK_ID_MIN)
        snprintf(id, sizeof id, "my-pack");
    snprintf(title, sizeof title, "%.100s", base);
    char path[PATH_MAX + 64];
    snprintf(path, sizeof path, "%s/looks", dir);
    bool made = make_dirs(path);
    snprintf(path, sizeof path, "%s/scenes", dir);
    if (!made || !make_dirs(path)) {
        fprintf(stderr, "unsaid: %s: %s\n", path, strerror(errno));
        return 2;
    }
    for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
        char src[256], err[512];
        snprintf(src, sizeof src, "/assets/templates/pack/%s", files[i]);
        char *text = vfs_read(src, NULL, VFS_MAX_FILE, err, sizeof err);
        char *filled = text ? fill_template(text, id, title) : NULL;
        snprintf(path, sizeof path, "%s/%s", dir, files[i]);
        FILE *f = filled ? fopen(path, "wbx") : NULL;
        bool ok = f && fputs(filled, f) >= 0;
        if (f && fclose(f) != 0)
            ok = false;
        free(text);
        free(filled);
        if (!ok) {
            fprintf(stderr, "unsaid: %s: %s\n", path, text ? strerror(errno) : err);
            return 2;
        }
    }
    /* Quoted, so the command works when pasted even if the folder's name has spaces. */
    printf("Wrote a new pack '%s' in %s. Check it with:  unsaid --check '%s'\n", id, dir, dir);
    return 0;
}

/* --gallery, --cast, --places: a labelled contact sheet to a PNG. */
static int run_sheet(const Options *o)
{
    Library lib;
    if (!packs_load(&lib, false, true)) {
        library_free(&lib);
        return 1;
    }
    SDL_SetHint(SDL_HINT_VIDEODRIVER, "dummy");
    int rc = 1;
    char err[512] = "";
    SDL_Surface *sheet = SDL_Init(0) == 0 ? sheet_render((SheetKind)o->sheet_kind, &lib, vfs_rwops, err, sizeof err)
                                          : NULL;
    if (!sheet)
        fprintf(stderr, "unsaid: %s\n", err[0] ? err : SDL_GetError());
    else if (!platform_save_opaque_png(sheet, o->sheet_file))
        fprintf(stderr, "unsaid: %s: cannot save: %s\n", o->sheet_file, SDL_GetError());
    else {
        static const char *const what[] = {"every body cue of the lexicon at its peak", "every person",
                                           "every place"};
        printf("Wrote %s (%d x %d): %s in the packs.\n", o->sheet_file, sheet->w, sheet->h,
               what[o->sheet_kind >= 0 && o->sheet_kind < 3 ? o->sheet_kind : 0]);
        rc = 0;
    }
    SDL_FreeSurface(sheet);
    SDL_Quit();
    library_free(&lib);
    return rc;
}

static void print_line(void *ctx, const char *line)
{
    (void)ctx;
    printf("%s\n", line);
}

/* --timeline SCENE: when each line and cue happens, from the packs the
 * game would load. */
static int run_timeline(const Options *o)
{
    Library lib;
    if (!packs_load(&lib, false, true)) {
        library_free(&lib);
        return 1;
    }
    const Scene *s = library_scene(&lib, o->timeline);
    if (!s) {
        const char *close = library_closest_scene(&lib, o->timeline);
        fprintf(stderr, "unsaid: no scene '%s' in any pack%s%s%s (scene ids are set by 'id:' in each scene file); "
                        "the scenes are:", o->timeline, close ? "; did you mean '" : "", close ? close : "",
                close ? "'?" : "");
        for (int i = 0; i < library_scene_count(&lib); i++)
            fprintf(stderr, " %s", library_scene_at(&lib, i)->id);
        fprintf(stderr, "\n");
        library_free(&lib);
        return 1;
    }
    scene_timing(s, print_line, NULL);
    library_free(&lib);
    return 0;
}

/* --write-schema DIR: the schemas of docs/schema with the names of the
 * packs the game would load (schema_out.h). */
static int run_write_schema(const char *dir_arg)
{
    char dir[PATH_MAX];
    snprintf(dir, sizeof dir, "%s", dir_arg);
    for (size_t l = strlen(dir); l > 1 && dir[l - 1] == '/'; l--)
        dir[l - 1] = '\0';
    struct stat st;
    int why = !make_dirs(dir) || stat(dir, &st) != 0 ? errno : S_ISDIR(st.st_mode) ? 0 : ENOTDIR;
    if (why) {
        fprintf(stderr, "unsaid: cannot write the schemas into %s: %s\n", dir, strerror(why));
        return 2;
    }
    Library lib;
    packs_load(&lib, false, true);
    PackIO io = vfs_pack_io();
    int rc = schema_out_write(&lib, &io, dir);
    library_free(&lib);
    return rc;
}

bool tools_wanted(const Options *o)
{
    return o->sheet_file || o->new_pack || o->ncheck || o->timeline || o->write_schema;
}

int tools_run(const Options *o)
{
    if (o->timeline)
        return run_timeline(o);
    if (o->write_schema)
        return run_write_schema(o->write_schema);
    if (o->sheet_file)
        return run_sheet(o);
    if (o->new_pack)
        return run_new_pack(o->new_pack);
    return run_check(o);
}
