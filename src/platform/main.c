/* Unsaid - main.c: command line, loading, and the two ways to run the game
 * (a window with the real clock, or headless on recorded input). */
#include "audio.h"
#include "diag.h"
#include "game.h"
#include "lexicon.h"
#include "library.h"
#include "loop.h"
#include "platform.h"
#include "render.h"
#include "replay.h"
#include "saves.h"
#include "scene.h"
#include "sheet.h"
#include "vfs.h"

#include <SDL2/SDL_ttf.h>
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#define HEADLESS_TAIL_TICKS (60 * 60 * 10) /* headless runs past the replay at most this long */

typedef struct {
    const char *scene;
    const char *replay;
    const char *record;
    const char *screenshot;
    long at;
    long bench_frames;
    int width, height;
    const char *new_pack;
    const char *sheet_file;
    int sheet_kind;
    const char *check[VFS_MAX_SOURCES];
    int ncheck;
    bool headless, print_score, fullscreen, timing;
    bool size_given; /* --size: it wins over the saved window size */
} Options;

static void usage(FILE *f)
{
    fputs("Usage: unsaid [OPTION]...\n"
          "Notice what people don't say: a game about reading the body behind the words.\n"
          "\n"
          "  --scene ID          start straight into scene ID (skips the title screen)\n"
          "  --headless          run without a window (no display or sound card needed)\n"
          "  --replay FILE       play recorded input from FILE (*.replay)\n"
          "  --record FILE       record your input to FILE while you play\n"
          "  --screenshot FILE   render the frame at --at TICK to a PNG file and exit\n"
          "  --at TICK           the tick for --screenshot (60 ticks per second; default 1)\n"
          "  --print-score       print the scene's result as key=value pairs when it ends\n"
          "  --fullscreen        start in full screen (F11 toggles it while playing)\n"
          "  --size WxH          window or screenshot size in pixels (default 1280x720)\n"
          "  --timing            print start-up timing to stderr\n"
          "  --bench-frames N    render the frame at --at TICK N times and print frame times\n"
          "  --check PATH...     check level packs (folders or .zip files) and report every\n"
          "                      problem as file:line:col; exit 0 clean, 1 errors, 2 could not run\n"
          "  --new-pack DIR      write a small commented example pack into DIR to start from\n"
          "  --gallery FILE.png  render every cue of the lexicon at its peak, labelled, and exit\n"
          "  --cast FILE.png     render every person (look) in the packs, labelled, and exit\n"
          "  --places FILE.png   render every place in the packs, labelled, and exit\n"
          "  --help              show this help and exit\n"
          "  --version           show the version and exit\n"
          "\n"
          "Keys: mouse or arrows + Enter; 1-4 choose an answer; E F H P V flag eyes, face,\n"
          "hands, posture, voice; Esc goes back; F11 full screen; F12 saves a screenshot.\n",
          f);
}

static int parse_args(int argc, char **argv, Options *o)
{
    memset(o, 0, sizeof *o);
    o->at = -1;
    o->width = 1280;
    o->height = 720;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char **value = NULL;
        if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            usage(stdout);
            return 0;
        } else if (strcmp(a, "--version") == 0) {
            printf("unsaid %s\n", UNSAID_VERSION);
            return 0;
        } else if (strcmp(a, "--headless") == 0) {
            o->headless = true;
        } else if (strcmp(a, "--print-score") == 0) {
            o->print_score = true;
        } else if (strcmp(a, "--fullscreen") == 0) {
            o->fullscreen = true;
        } else if (strcmp(a, "--timing") == 0) {
            o->timing = true;
        } else if (strcmp(a, "--size") == 0) {
            char tail;
            o->size_given = true;
            if (i + 1 >= argc || sscanf(argv[i + 1], "%dx%d%c", &o->width, &o->height, &tail) != 2 ||
                o->width < 320 || o->height < 180 || o->width > 7680 || o->height > 4320) {
                fprintf(stderr, "unsaid: --size needs WIDTHxHEIGHT, from 320x180 to 7680x4320\n");
                return 2;
            }
            i++;
        } else if (strcmp(a, "--check") == 0) {
            while (i + 1 < argc && strncmp(argv[i + 1], "--", 2) != 0) {
                if (o->ncheck == VFS_MAX_SOURCES - 1) {
                    fprintf(stderr, "unsaid: --check takes at most %d packs at a time\n", VFS_MAX_SOURCES - 1);
                    return 2;
                }
                o->check[o->ncheck++] = argv[++i];
            }
            if (o->ncheck == 0) {
                fprintf(stderr, "unsaid: --check needs at least one pack folder or .zip file\n");
                return 2;
            }
        } else if (strcmp(a, "--new-pack") == 0) {
            value = &o->new_pack;
        } else if (strcmp(a, "--gallery") == 0 || strcmp(a, "--cast") == 0 || strcmp(a, "--places") == 0) {
            o->sheet_kind = a[2] == 'g' ? SHEET_GALLERY : a[2] == 'c' ? SHEET_CAST : SHEET_PLACES;
            value = &o->sheet_file;
        } else if (strcmp(a, "--scene") == 0) {
            value = &o->scene;
        } else if (strcmp(a, "--replay") == 0) {
            value = &o->replay;
        } else if (strcmp(a, "--record") == 0) {
            value = &o->record;
        } else if (strcmp(a, "--screenshot") == 0) {
            value = &o->screenshot;
        } else if (strcmp(a, "--at") == 0 || strcmp(a, "--bench-frames") == 0) {
            long *dst = a[2] == 'a' ? &o->at : &o->bench_frames;
            char *end = NULL;
            errno = 0;
            *dst = i + 1 < argc ? strtol(argv[i + 1], &end, 10) : -1;
            if (i + 1 >= argc || *end || errno || *dst < 0 || *dst > 100000000) {
                fprintf(stderr, "unsaid: %s needs a number (0 or more)\n", a);
                return 2;
            }
            i++;
        } else {
            fprintf(stderr, "unsaid: unknown option '%s' (try --help)\n", a);
            return 2;
        }
        if (value) {
            if (i + 1 >= argc) {
                fprintf(stderr, "unsaid: %s needs a value (try --help)\n", a);
                return 2;
            }
            *value = argv[++i];
        }
    }
    if (o->at >= 0 && !o->screenshot && !o->bench_frames) {
        fprintf(stderr, "unsaid: --at goes with --screenshot FILE or --bench-frames N\n");
        return 2;
    }
    if (o->screenshot || o->bench_frames) {
        o->headless = true; /* screenshots always come from the software renderer */
        if (o->at < 0)
            o->at = 1;
    }
    if (o->headless && !o->screenshot && !o->print_score && !o->replay && !o->bench_frames) {
        fprintf(stderr, "unsaid: --headless needs something to do: --replay, --screenshot or --print-score\n");
        return 2;
    }
    return -1;
}

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* Print diagnostics to stderr, and in a window also show the first few. */
static void report(const DiagList *diags, bool windowed, const char *what)
{
    for (int i = 0; i < diags->count; i++) {
        char line[700];
        diag_format(&diags->items[i], line, sizeof line);
        fprintf(stderr, "%s\n", line);
    }
    if (windowed && diags->errors > 0) {
        char msg[2048];
        int n = snprintf(msg, sizeof msg, "%s has problems:\n\n", what);
        diag_format_all(diags, msg + n, sizeof msg - (size_t)n);
        SDL_ShowSimpleMessageBox(SDL_MESSAGEBOX_ERROR, "Unsaid", msg, NULL);
    }
}

/* Load every pack. Problems in user packs are printed and those packs set
 * aside; only a broken base pack stops the game. */
static bool load_library(Library *lib, const char *const *extra, int nextra, bool windowed,
                         bool quiet_user_packs)
{
    PackSource sources[VFS_MAX_SOURCES];
    int n = vfs_mount_packs(true, extra, nextra, sources, VFS_MAX_SOURCES);
    PackIO io = vfs_pack_io();
    bool ok = library_load(lib, sources, n, &io, UNSAID_VERSION);
    for (int k = 0; k < lib->npacks; k++) {
        const PackInfo *p = &lib->packs[k];
        if (quiet_user_packs && !p->is_base)
            continue;
        if (p->is_base && !ok)
            report(&p->diags, windowed, "The game's own data");
        else if (p->diags.count)
            report(&p->diags, false, p->name);
    }
    return ok;
}

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
            diag_format(&p->diags.items[i], line, sizeof line);
            printf("%s\n", line);
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

/* --new-pack DIR: a small pack that passes the checker, with comments that
 * teach the format. Never writes into a folder that already has files. */
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
    printf("Wrote a new pack '%s' in %s. Check it with:  unsaid --check %s\n", id, dir, dir);
    return 0;
}

/* --gallery, --cast, --places: a labelled contact sheet to a PNG. */
static int run_sheet(const Options *o)
{
    Library lib;
    if (!load_library(&lib, NULL, 0, false, true)) {
        library_free(&lib);
        return 1;
    }
    SDL_SetHint(SDL_HINT_VIDEODRIVER, "dummy");
    int rc = 1;
    char err[512];
    SDL_Surface *sheet = SDL_Init(0) == 0 ? sheet_render((SheetKind)o->sheet_kind, &lib, vfs_rwops, err, sizeof err)
                                          : NULL;
    if (!sheet)
        fprintf(stderr, "unsaid: %s\n", err[0] ? err : SDL_GetError());
    else if (!platform_save_opaque_png(sheet, o->sheet_file))
        fprintf(stderr, "unsaid: %s: cannot save: %s\n", o->sheet_file, SDL_GetError());
    else
        rc = 0;
    SDL_FreeSurface(sheet);
    TTF_Quit();
    SDL_Quit();
    library_free(&lib);
    return rc;
}

static bool load_replay(Replay *rp, const char *file)
{
    FILE *f = fopen(file, "rb");
    if (!f) {
        fprintf(stderr, "unsaid: %s: %s\n", file, strerror(errno));
        return false;
    }
    char *buf = malloc(VFS_MAX_FILE + 1);
    size_t len = buf ? fread(buf, 1, VFS_MAX_FILE + 1, f) : 0;
    fclose(f);
    if (!buf || len > VFS_MAX_FILE) {
        fprintf(stderr, "unsaid: %s: replay is too large\n", file);
        free(buf);
        return false;
    }
    DiagList diags = {0};
    bool ok = replay_load(rp, file, buf, len, &diags);
    free(buf);
    report(&diags, false, "The replay");
    diag_free(&diags);
    if (!ok)
        replay_free(rp); /* the events read before the error */
    return ok;
}

/* A replay plays with the base pack and exactly the user packs its `pack`
 * lines name, whatever else is installed and whatever the player turned
 * off, so that it plays the same on every machine. Each named pack is found
 * among the installed ones by the id and version in its pack.yaml; one that
 * is missing, or installed only with another version, is reported at its
 * line of the replay. On success only the chosen packs stay mountable. */
static bool choose_replay_packs(const Replay *r, const char *file, bool windowed)
{
    const char *chosen[VFS_MAX_SOURCES];
    int nchosen = 0;
    DiagList diags = {0};
    PackSource sources[VFS_MAX_SOURCES];
    int n = r->npacks ? vfs_mount_packs(true, NULL, 0, sources, VFS_MAX_SOURCES) : 0;
    PackManifest *m = calloc((size_t)n + 1, sizeof *m);
    if (!m) {
        fprintf(stderr, "unsaid: out of memory\n");
        return false;
    }
    PackIO io = vfs_pack_io();
    for (int s = 0; s < n; s++) {
        char err[512];
        size_t len;
        char *buf = sources[s].problem ? NULL : io.read(io.ctx, s, "pack.yaml", 64u * 1024u, &len, err, sizeof err);
        DiagList ignored = {0}; /* a broken pack.yaml is reported when the packs load */
        if (buf)
            pack_manifest_load(&m[s], sources[s].name, buf, len, &ignored);
        diag_free(&ignored);
        free(buf);
    }
    for (int i = 0; i < r->npacks; i++) {
        const ReplayPack *rp = &r->packs[i];
        int same = -1, other = -1;
        for (int s = 0; s < n; s++) {
            if (!m[s].id || strcmp(m[s].id, rp->id) != 0)
                continue;
            if (sources[s].is_base)
                other = s;
            else if (m[s].version && strcmp(m[s].version, rp->version) == 0) {
                if (same < 0 || (sources[same].is_zip && !sources[s].is_zip)) /* as the library: a folder wins */
                    same = s;
            } else if (other < 0) {
                other = s;
            }
        }
        if (same >= 0)
            chosen[nchosen++] = sources[same].name;
        else if (other >= 0 && sources[other].is_base)
            diag_add(&diags, DIAG_ERROR, file, rp->line, rp->col,
                     "'%s' is the game's own pack, which every replay plays with; 'pack' lines name added packs",
                     rp->id);
        else if (other >= 0)
            diag_add(&diags, DIAG_ERROR, file, rp->line, rp->version_col,
                     "this replay needs pack '%s' version %s, but %.100s has version %.64s", rp->id, rp->version,
                     sources[other].name, m[other].version ? m[other].version : "?");
        else
            diag_add(&diags, DIAG_ERROR, file, rp->line, rp->col,
                     "this replay needs pack '%s' version %s, which is not installed", rp->id, rp->version);
    }
    for (int s = 0; s < n; s++)
        pack_manifest_free(&m[s]);
    free(m);
    bool ok = diags.errors == 0;
    if (ok)
        vfs_only_packs(chosen, nchosen); /* copies the names before the next mount reuses them */
    report(&diags, windowed, "The replay");
    diag_free(&diags);
    return ok;
}

/* Every pack a replay names must have loaded: one set aside (a missing
 * dependency, a broken file) would change what the replay plays. */
static bool replay_packs_loaded(const Library *lib, const Replay *r, const char *file, bool windowed)
{
    DiagList diags = {0};
    for (int i = 0; i < r->npacks; i++) {
        const ReplayPack *rp = &r->packs[i];
        const PackInfo *found = NULL;
        for (int k = 0; k < lib->npacks && !found; k++)
            if (!lib->packs[k].is_base && lib->packs[k].has_manifest && lib->packs[k].manifest.id &&
                strcmp(lib->packs[k].manifest.id, rp->id) == 0)
                found = &lib->packs[k];
        if (!found || found->state != PACK_ENABLED)
            diag_add(&diags, DIAG_ERROR, file, rp->line, rp->col,
                     "this replay needs pack '%s' version %s, which %.100s has but could not load "
                     "(see the errors above)",
                     rp->id, rp->version, found ? found->name : "the packs folder");
    }
    bool ok = diags.errors == 0;
    report(&diags, windowed, "The replay");
    diag_free(&diags);
    return ok;
}

typedef struct {
    Options opt;
    Library lib;
    Platform plat;
    Renderer *render;
    Game game;
    Replay replay;
    bool have_replay;
    int replay_cursor;
    FILE *record;
    bool score_printed;
    char overlay_title[128];
    char overlay[4096];
    double overlay_until; /* ms on the real clock */
    bool saving;          /* progress and settings live on disk (a window, no replay) */
    bool quit;            /* the game asked to quit */
    Settings applied;     /* the settings the window and sound last took */
} App;

/* The player's progress: large, so not on the stack. Replays and headless
 * runs start from an empty one and never write it. */
static Progress progress;

static void show_overlay(App *app, const char *title, const char *body)
{
    snprintf(app->overlay_title, sizeof app->overlay_title, "%s", title);
    snprintf(app->overlay, sizeof app->overlay, "%s", body);
    app->overlay_until = now_ms() + 12000;
}

/* Make the window (and later the sound) follow the settings. */
static void apply_settings(App *app)
{
    const Settings *s = &app->game.settings;
    if (s->fullscreen != app->applied.fullscreen)
        platform_set_fullscreen(&app->plat, s->fullscreen);
    if (s->window_width != app->applied.window_width || s->window_height != app->applied.window_height)
        platform_set_window_size(&app->plat, s->window_width > 0 ? s->window_width : 1280,
                                 s->window_height > 0 ? s->window_height : 720);
    audio_set_volumes(s->master_volume, s->music_volume, s->effects_volume);
    app->applied = *s;
}

/* Save the settings or the progress, as the game asked. */
static void save_settings(App *app)
{
    char err[512];
    apply_settings(app);
    if (app->saving && !saves_store_settings(&app->game.settings, err, sizeof err))
        show_overlay(app, strings_get(&app->lib.strings, "overlay.save_failed"), err);
}

static void save_progress(App *app)
{
    char err[512];
    if (app->saving && !saves_store_progress(&progress, err, sizeof err))
        show_overlay(app, strings_get(&app->lib.strings, "overlay.save_failed"), err);
}

/* Every error and warning of every pack, for the overlay after F5. */
static void collect_problems(const Library *lib, char *buf, size_t size)
{
    size_t used = 0;
    buf[0] = '\0';
    for (int k = 0; k < lib->npacks && used + 1 < size; k++) {
        const PackInfo *p = &lib->packs[k];
        for (int i = 0; i < p->diags.count && used + 1 < size; i++) {
            char line[800];
            diag_format(&p->diags.items[i], line, sizeof line);
            int n = snprintf(buf + used, size - used, "%s\n", line);
            if (n < 0)
                break;
            used += (size_t)n < size - used ? (size_t)n : size - used - 1;
        }
    }
}

/* F5: reload every pack and go back to the scene being played. If the
 * game's own data is now broken, keep playing the copy already loaded. */
static void app_reload(App *app)
{
    char id[80];
    snprintf(id, sizeof id, "%s", app->game.scene && app->game.scene->id ? app->game.scene->id : "");
    Library fresh;
    bool ok = load_library(&fresh, NULL, 0, false, false);
    collect_problems(&fresh, app->overlay, sizeof app->overlay);
    app->overlay_until = app->overlay[0] ? now_ms() + 12000 : 0;
    if (!ok) {
        snprintf(app->overlay_title, sizeof app->overlay_title, "%s",
                 strings_get(&app->lib.strings, "overlay.reload_failed"));
        library_free(&fresh);
        return;
    }
    library_free(&app->lib);
    app->lib = fresh;
    if (app->render)
        render_forget_places(app->render);
    audio_forget(); /* a mount point may now hold another pack */
    snprintf(app->overlay_title, sizeof app->overlay_title, "%s", strings_get(&app->lib.strings, "overlay.reloaded"));
    const Scene *scene = library_scene(&app->lib, id);
    if (!scene)
        scene = library_first_scene(&app->lib);
    game_reload(&app->game, scene, &app->lib);
}

static void app_reload(App *app);

/* The player turned a pack on or off in the Packs screen: remember it (on
 * disk; during a replay only in memory) and reload, keeping the same pack
 * in focus. */
static void toggle_pack(App *app, int k)
{
    if (k < 0 || k >= app->lib.npacks)
        return;
    char name[256], err[512];
    snprintf(name, sizeof name, "%s", app->lib.packs[k].name);
    if (!vfs_set_pack_disabled(name, app->lib.packs[k].state != PACK_DISABLED, err, sizeof err)) {
        fprintf(stderr, "unsaid: %s\n", err);
        return;
    }
    app_reload(app);
    for (int i = 0; i < app->lib.npacks; i++)
        if (strcmp(app->lib.packs[i].name, name) == 0)
            app->game.pack_focus = i;
    app->game.selected = app->lib.npacks + 1;
}

/* What the game asked for in its last tick. Taken off the game first: a
 * reload starts the game afresh. */
static void carry_out_requests(App *app)
{
    GameRequest reqs[GAME_MAX_REQUESTS];
    int n = app->game.nrequests;
    memcpy(reqs, app->game.requests, sizeof reqs[0] * (size_t)n);
    game_clear_requests(&app->game);
    for (int i = 0; i < n; i++) {
        switch (reqs[i].type) {
        case REQ_SAVE_SETTINGS: save_settings(app); break;
        case REQ_SAVE_PROGRESS: save_progress(app); break;
        case REQ_TOGGLE_PACK: toggle_pack(app, reqs[i].arg); break;
        case REQ_RELOAD: app_reload(app); break;
        case REQ_QUIT: app->quit = true; break;
        case REQ_SOUND: audio_request((GameSound)reqs[i].arg); break;
        default: break;
        }
    }
}

/* One fixed tick of the game with the given input, shared by both runs. */
static void app_tick(App *app, TickInput *in)
{
    if (app->have_replay)
        replay_input(&app->replay, &app->replay_cursor, app->game.tick, in);
    if (app->record && !input_empty(in)) {
        char line[512];
        replay_format_tick(line, sizeof line, app->game.tick, in);
        fputs(line, app->record);
    }
    game_step(&app->game, in);
    carry_out_requests(app);
    if (app->opt.print_score && app->game.result_ready && !app->score_printed) {
        char line[256];
        notice_format_result(&app->game.result, line, sizeof line);
        printf("%s\n", line);
        fflush(stdout);
        app->score_printed = true;
    }
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

/* Render one game state many times with the software renderer and report
 * how long a frame takes (a benchmark, not a test). */
static void bench_frames(App *app)
{
    long n = app->opt.bench_frames;
    double *ms = malloc((size_t)n * sizeof *ms);
    if (!ms)
        return;
    uint64_t freq = platform_frequency();
    for (long i = 0; i < n; i++) {
        uint64_t t0 = platform_counter();
        render_frame(app->render, &app->game, (double)(i % 8) / 8.0);
        ms[i] = (double)(platform_counter() - t0) * 1000.0 / (double)freq;
    }
    qsort(ms, (size_t)n, sizeof *ms, cmp_double);
    printf("frames=%ld tick=%d median_ms=%.2f p90_ms=%.2f min_ms=%.2f max_ms=%.2f\n", n, app->game.tick,
           ms[n / 2], ms[n * 9 / 10], ms[0], ms[n - 1]);
    free(ms);
}

static int run_headless(App *app)
{
    long limit = app->opt.screenshot || app->opt.bench_frames ? app->opt.at : 0;
    long tail = (app->have_replay ? app->replay.last_tick : 0) + HEADLESS_TAIL_TICKS;
    if (app->opt.print_score && tail > limit)
        limit = tail;
    while (app->game.tick < limit && !app->quit) {
        if (app->opt.print_score && app->score_printed && !app->opt.screenshot)
            break;
        TickInput in = {0};
        app_tick(app, &in);
    }
    if (app->opt.screenshot) {
        if (app->game.tick < app->opt.at) {
            fprintf(stderr, "unsaid: the game quit at tick %d, before --at %ld\n", app->game.tick,
                    app->opt.at);
            return 1;
        }
        render_frame(app->render, &app->game, 1.0);
        char err[512];
        if (!platform_save_png(&app->plat, app->opt.screenshot, err, sizeof err)) {
            fprintf(stderr, "unsaid: %s\n", err);
            return 1;
        }
    }
    if (app->opt.bench_frames > 0)
        bench_frames(app);
    if (app->opt.print_score && !app->score_printed) {
        fprintf(stderr, "unsaid: the scene did not end (no answer was chosen by tick %d)\n", app->game.tick);
        return 3;
    }
    return 0;
}

static int run_window(App *app, double t_launch)
{
    Loop loop;
    loop_init(&loop);
    TickInput pending = {0};
    uint64_t last = platform_counter();
    bool first = true;
    while (!app->quit && !app->plat.quit_requested) {
        platform_poll(&app->plat, app->render, &pending);
        uint64_t now = platform_counter();
        int steps = loop_advance(&loop, now - last, platform_frequency());
        last = now;
        for (int i = 0; i < steps; i++) {
            app_tick(app, &pending);
            memset(&pending, 0, sizeof pending); /* one tick consumes the frame's events */
        }
        audio_update(&app->game, app->game.paused);
        render_frame(app->render, &app->game, loop_alpha(&loop));
        if (app->overlay_until > now_ms())
            render_overlay(app->render, app->overlay_title, app->overlay);
        if (app->plat.screenshot_requested && vfs_read_only()) {
            fprintf(stderr, "unsaid: F12 saves nothing during a replay, which leaves the data folder as it "
                            "was; use --replay FILE --screenshot PNG --at %d\n", app->game.tick);
        } else if (app->plat.screenshot_requested) {
            char path[1200], err[512];
            snprintf(path, sizeof path, "%sscreenshot-%d.png", vfs_user_dir(), app->game.tick);
            if (platform_save_png(&app->plat, path, err, sizeof err))
                fprintf(stderr, "unsaid: saved %s\n", path);
            else
                fprintf(stderr, "unsaid: %s\n", err);
        }
        app->plat.screenshot_requested = false;
        platform_present(&app->plat);
        if (first && app->opt.timing)
            fprintf(stderr, "unsaid: first frame %.1f ms after launch\n", now_ms() - t_launch);
        first = false;
    }
    return 0;
}

int main(int argc, char **argv)
{
    double t_launch = now_ms();
    App app;
    memset(&app, 0, sizeof app);
    int rc = parse_args(argc, argv, &app.opt);
    if (rc >= 0)
        return rc;
    bool windowed = !app.opt.headless;
    char err[1024];
    /* Only playing in a window keeps settings, progress and pack choices;
     * everything else (a replay above all) leaves the data folder alone. */
    bool keeps_data = windowed && !app.opt.replay && !app.opt.ncheck && !app.opt.new_pack && !app.opt.sheet_file;
    if (!(keeps_data ? vfs_init : vfs_init_read_only)(argv[0], err, sizeof err)) {
        if (windowed)
            platform_error_box("Unsaid", err);
        else
            fprintf(stderr, "unsaid: %s\n", err);
        return 1;
    }
    if (app.opt.sheet_file) {
        rc = run_sheet(&app.opt);
        vfs_quit();
        return rc;
    }
    if (app.opt.new_pack) {
        rc = run_new_pack(app.opt.new_pack);
        vfs_quit();
        return rc;
    }
    if (app.opt.ncheck) {
        rc = run_check(&app.opt);
        vfs_quit();
        return rc;
    }
    rc = 1;
    if (app.opt.replay) {
        if (!load_replay(&app.replay, app.opt.replay))
            goto out;
        app.have_replay = true;
        if (!choose_replay_packs(&app.replay, app.opt.replay, windowed))
            goto out;
    }
    if (!load_library(&app.lib, NULL, 0, windowed, false))
        goto out;
    if (app.have_replay && !replay_packs_loaded(&app.lib, &app.replay, app.opt.replay, windowed))
        goto out;
    const char *scene_id = app.opt.scene ? app.opt.scene
                         : app.have_replay && app.replay.scene[0] ? app.replay.scene : NULL;
    const Scene *scene = scene_id ? library_scene(&app.lib, scene_id) : library_first_scene(&app.lib);
    if (!scene) {
        char msg[400];
        snprintf(msg, sizeof msg, "no scene '%s' in any pack%s (scene ids are set by 'id:' in each scene file)",
                 scene_id, app.have_replay ? " the replay plays with (the base pack and its 'pack' lines)" : "");
        if (windowed)
            platform_error_box("Unsaid", msg);
        else
            fprintf(stderr, "unsaid: %s\n", msg);
        goto out;
    }
    if (!platform_open(&app.plat, app.opt.headless, app.opt.fullscreen, app.opt.width, app.opt.height, err,
                       sizeof err)) {
        if (windowed)
            platform_error_box("Unsaid", err);
        else
            fprintf(stderr, "unsaid: %s\n", err);
        goto out;
    }
    app.render = render_create(app.plat.renderer, vfs_rwops, err, sizeof err);
    if (!app.render) {
        if (windowed)
            platform_error_box("Unsaid", err);
        else
            fprintf(stderr, "unsaid: %s\n", err);
        platform_close(&app.plat);
        goto out;
    }
    collect_problems(&app.lib, app.overlay, sizeof app.overlay);
    if (app.overlay[0]) {
        snprintf(app.overlay_title, sizeof app.overlay_title, "%s", strings_get(&app.lib.strings, "overlay.startup"));
        app.overlay_until = now_ms() + 12000;
    }
    int w, h;
    SDL_GetRendererOutputSize(app.plat.renderer, &w, &h);
    render_set_output(app.render, w, h);
    if (app.plat.surface)
        render_set_direct(app.render, app.plat.surface);
    bool skip_title = app.opt.scene || (app.have_replay && app.replay.scene[0]);
    game_init(&app.game, scene, &app.lib, skip_title);
    progress_init(&progress);
    app.game.progress = &progress;
    app.applied = app.game.settings;
    app.saving = windowed && !app.have_replay;
    if (app.saving) {
        char msg[2048];
        Settings settings;
        if (!saves_load_settings(&settings, msg, sizeof msg) && msg[0])
            show_overlay(&app, strings_get(&app.lib.strings, "overlay.save_problem"), msg);
        if (!saves_load_progress(&progress, msg, sizeof msg) && msg[0])
            show_overlay(&app, strings_get(&app.lib.strings, "overlay.save_problem"), msg);
        /* The command line wins over what was saved. */
        if (app.opt.fullscreen)
            settings.fullscreen = true;
        app.applied.fullscreen = app.opt.fullscreen;
        if (app.opt.size_given) {
            settings.window_width = app.opt.width;
            settings.window_height = app.opt.height;
        }
        app.applied.window_width = app.opt.width;
        app.applied.window_height = app.opt.height;
        app.game.settings = settings;
    }
    apply_settings(&app);
    if (app.opt.record) {
        app.record = fopen(app.opt.record, "wb");
        if (!app.record) {
            fprintf(stderr, "unsaid: %s: %s\n", app.opt.record, strerror(errno));
        } else {
            /* The user packs playing now, so that the replay plays with them. */
            static ReplayPack packs[REPLAY_MAX_PACKS];
            static char head[REPLAY_MAX_PACKS * 128 + 256];
            int npacks = 0;
            for (int k = 0; k < app.lib.npacks && npacks < REPLAY_MAX_PACKS; k++) {
                const PackInfo *p = &app.lib.packs[k];
                if (p->is_base || p->state != PACK_ENABLED || !p->has_manifest)
                    continue;
                snprintf(packs[npacks].id, sizeof packs[npacks].id, "%s", p->manifest.id);
                snprintf(packs[npacks].version, sizeof packs[npacks].version, "%s", p->manifest.version);
                npacks++;
            }
            replay_format_header(head, sizeof head, skip_title ? scene->id : NULL, packs, npacks);
            fputs(head, app.record);
        }
    }
    if (windowed)
        audio_init(); /* silent, not failing, when there is no sound device */
    if (app.opt.timing)
        fprintf(stderr, "unsaid: ready to run %.1f ms after launch\n", now_ms() - t_launch);
    rc = app.opt.headless ? run_headless(&app) : run_window(&app, t_launch);
    if (app.record && fclose(app.record) != 0) {
        fprintf(stderr, "unsaid: %s: could not finish writing the recording\n", app.opt.record);
        rc = rc ? rc : 1;
    }
    if (windowed && app.opt.timing)
        audio_report(stderr);
    audio_quit();
    render_destroy(app.render);
    TTF_Quit();
    platform_close(&app.plat);
out:
    if (app.have_replay)
        replay_free(&app.replay);
    library_free(&app.lib);
    vfs_quit();
    return rc;
}
