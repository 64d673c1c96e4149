/* Unsaid - library.c: packs -> one merged set of cues and scenes.
 * The order and conflict rules are written out in library.h. */
#include "library.h"

#include "yamlutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MANIFEST_MAX (64u * 1024u)

const char *library_state_name(PackState s)
{
    return s == PACK_ENABLED ? "enabled" : s == PACK_DISABLED ? "disabled" : "broken";
}

static void shown_path(char *out, size_t size, const PackInfo *p, const char *file)
{
    snprintf(out, size, "%s/%s", p->name, file);
}

static void set_broken(PackInfo *p, const char *file, int line, int col, const char *msg)
{
    p->state = PACK_BROKEN;
    if (msg)
        diag_add(&p->diags, DIAG_ERROR, file, line, col, "%s", msg);
}

static void read_manifest(PackInfo *p, const PackSource *src, const PackIO *io, SemVer game)
{
    char file[300], err[512];
    shown_path(file, sizeof file, p, "pack.yaml");
    if (src->problem) {
        set_broken(p, p->name, 0, 0, src->problem);
        return;
    }
    size_t len;
    char *buf = io->read(io->ctx, p->source, "pack.yaml", MANIFEST_MAX, &len, err, sizeof err);
    if (!buf) {
        set_broken(p, file, 0, 0, "a pack needs a pack.yaml at its root (see docs/modding.md)");
        return;
    }
    p->has_manifest = true;
    if (!pack_manifest_load(&p->manifest, file, buf, len, &p->diags))
        p->state = PACK_BROKEN;
    free(buf);
    if (p->state == PACK_BROKEN)
        return;
    if (!pack_range_allows(p->manifest.game, game)) {
        char msg[300];
        snprintf(msg, sizeof msg, "this pack works with game versions %s; this game is %d.%d.%d",
                 p->manifest.game, game.major, game.minor, game.patch);
        set_broken(p, file, p->manifest.game_line, p->manifest.game_col, msg);
    }
    if (src->disabled && p->state == PACK_ENABLED)
        p->state = PACK_DISABLED;
}

/* Same id twice: a folder beats a zip; otherwise the later one breaks. */
static void resolve_duplicates(PackInfo *all, int n)
{
    for (int i = 0; i < n; i++) {
        for (int j = i + 1; j < n; j++) {
            PackInfo *a = &all[i], *b = &all[j];
            if (!a->has_manifest || !b->has_manifest || a->state == PACK_BROKEN ||
                b->state == PACK_BROKEN || strcmp(a->manifest.id, b->manifest.id) != 0)
                continue;
            PackInfo *loser = b, *winner = a;
            if (a->is_zip && !b->is_zip && !a->is_base) {
                loser = a;
                winner = b;
            }
            char file[300], msg[600];
            shown_path(file, sizeof file, loser, "pack.yaml");
            if (loser->is_zip && !winner->is_zip && !winner->is_base) {
                snprintf(msg, sizeof msg, "set aside: the folder %s has the same pack id '%s' and wins",
                         winner->name, loser->manifest.id);
                diag_add(&loser->diags, DIAG_WARNING, file, 0, 0, "%s", msg);
                loser->state = PACK_DISABLED;
            } else {
                snprintf(msg, sizeof msg, "pack id '%s' is already used by %s", loser->manifest.id,
                         winner->name);
                set_broken(loser, file, 0, 0, msg);
            }
        }
    }
}

static int find_enabled(PackInfo *all, int n, const char *id)
{
    for (int i = 0; i < n; i++)
        if (all[i].has_manifest && all[i].state == PACK_ENABLED && strcmp(all[i].manifest.id, id) == 0)
            return i;
    return -1;
}

static int cmp_ids(const PackInfo *a, const PackInfo *b)
{
    if (a->is_base != b->is_base)
        return a->is_base ? -1 : 1;
    const char *x = a->has_manifest ? a->manifest.id : a->name;
    const char *y = b->has_manifest ? b->manifest.id : b->name;
    int c = strcmp(x, y);
    return c ? c : strcmp(a->name, b->name);
}

static void dep_error(PackInfo *p, const PackRef *r, const char *msg)
{
    set_broken(p, p->manifest.file, r->line, r->col, msg);
}

/* Check one pack's dependencies against the packs enabled now. Returns
 * false if it cannot load; sets it broken with every reason. */
static bool deps_ok(PackInfo *all, int n, PackInfo *p)
{
    const PackManifest *m = &p->manifest;
    bool ok = true;
    for (int i = 0; i < m->nincompatible; i++) {
        int k = find_enabled(all, n, m->incompatible[i].id);
        if (k >= 0 && pack_range_allows(m->incompatible[i].range, all[k].manifest.semver)) {
            char msg[400];
            snprintf(msg, sizeof msg, "this pack does not work with pack '%s' (%s), which is installed",
                     m->incompatible[i].id, all[k].name);
            dep_error(p, &m->incompatible[i], msg);
            ok = false;
        }
    }
    for (int i = 0; i < m->nrequired; i++) {
        const PackRef *r = &m->required[i];
        int k = find_enabled(all, n, r->id);
        char msg[400];
        if (k < 0) {
            snprintf(msg, sizeof msg, "this pack needs pack '%s', which is missing, disabled or broken", r->id);
            dep_error(p, r, msg);
            ok = false;
        } else if (!pack_range_allows(r->range, all[k].manifest.semver)) {
            snprintf(msg, sizeof msg, "this pack needs pack '%s' version %s, but %s is installed", r->id,
                     r->range, all[k].manifest.version);
            dep_error(p, r, msg);
            ok = false;
        }
    }
    return ok;
}

/* Base first, then dependencies before dependents, ties by id. */
static int order_packs(PackInfo *all, int n, int *order)
{
    int count = 0;
    bool *placed = calloc((size_t)n, sizeof *placed);
    if (!placed)
        return 0;
    for (;;) {
        int next = -1;
        for (int i = 0; i < n; i++) {
            PackInfo *p = &all[i];
            if (placed[i] || p->state != PACK_ENABLED)
                continue;
            bool ready = true;
            const PackManifest *m = &p->manifest;
            for (int d = 0; d < m->nrequired + m->noptional && ready; d++) {
                const char *id = d < m->nrequired ? m->required[d].id : m->optional[d - m->nrequired].id;
                int k = find_enabled(all, n, id);
                if (k >= 0 && !placed[k] && k != i)
                    ready = false;
                if (k < 0 && d < m->nrequired)
                    ready = false;
            }
            if (ready && (next < 0 || cmp_ids(p, &all[next]) < 0))
                next = i;
        }
        if (next < 0)
            break;
        if (deps_ok(all, n, &all[next]))
            order[count++] = next;
        placed[next] = true;
    }
    /* Whatever is left could never be placed: a missing dependency or a cycle. */
    for (int i = 0; i < n; i++) {
        PackInfo *p = &all[i];
        if (placed[i] || p->state != PACK_ENABLED)
            continue;
        if (deps_ok(all, n, p)) { /* every dependency exists: they wait on each other */
            set_broken(p, p->manifest.file, 0, 0,
                       "its dependencies form a cycle (a pack that needs itself through others)");
        }
    }
    /* Packs set aside go last, for the Packs screen. */
    for (int pass = 0; pass < 2; pass++) {
        int start = count;
        for (int i = 0; i < n; i++) {
            bool in = false;
            for (int k = 0; k < count; k++)
                in |= order[k] == i;
            if (!in && ((pass == 0) == (all[i].state == PACK_DISABLED)))
                order[count++] = i;
        }
        for (int a = start; a < count; a++) /* sort the tail by id */
            for (int b = a + 1; b < count; b++)
                if (cmp_ids(&all[order[b]], &all[order[a]]) < 0) {
                    int t = order[a];
                    order[a] = order[b];
                    order[b] = t;
                }
    }
    free(placed);
    return count;
}

static bool overrides_cb(const void *ctx, const char *name)
{
    return pack_overrides(ctx, name);
}

static void load_lexicon(Library *lib, PackInfo *p, const PackIO *io)
{
    char file[300], err[512];
    size_t len;
    char *buf = io->read(io->ctx, p->source, "lexicon.yaml", LIBRARY_MAX_FILE, &len, err, sizeof err);
    if (!buf)
        return; /* a pack need not add cues */
    shown_path(file, sizeof file, p, "lexicon.yaml");
    int before = lib->lex.count;
    if (!lexicon_add(&lib->lex, p->manifest.id, file, buf, len, overrides_cb, &p->manifest, &p->diags)) {
        p->state = PACK_BROKEN;
        lib->lex.count = before; /* a broken pack adds nothing */
    }
    free(buf);
}

/* Strings are checked with the pack's other content (dry run) and only
 * applied once the whole pack has loaded cleanly. */
static void load_strings(Library *lib, PackInfo *p, const PackIO *io, bool apply)
{
    char file[300], err[512];
    size_t len;
    char *buf = io->read(io->ctx, p->source, "strings.yaml", LIBRARY_MAX_FILE, &len, err, sizeof err);
    if (!buf)
        return;
    shown_path(file, sizeof file, p, "strings.yaml");
    DiagList scratch = {0};
    if (!strings_add(&lib->strings, p->manifest.id, file, buf, len, p->is_base, !apply, overrides_cb,
                     &p->manifest, apply ? &scratch : &p->diags))
        p->state = PACK_BROKEN;
    diag_free(&scratch);
    free(buf);
}

typedef bool (*AddFn)(Library *lib, const char *pack, const char *file, const char *buf, size_t len,
                      const PackManifest *m, DiagList *diags);

static bool add_look(Library *lib, const char *pack, const char *file, const char *buf, size_t len,
                     const PackManifest *m, DiagList *diags)
{
    return cast_add(&lib->cast, pack, file, buf, len, overrides_cb, m, diags);
}

static bool add_place(Library *lib, const char *pack, const char *file, const char *buf, size_t len,
                      const PackManifest *m, DiagList *diags)
{
    return places_add(&lib->places, pack, file, buf, len, overrides_cb, m, diags);
}

/* A folder of one-thing-per-file data (looks/, places/). Returns false if
 * any file failed. */
static bool load_folder(Library *lib, PackInfo *p, const PackIO *io, const char *dir, AddFn add)
{
    char **names = NULL;
    int n = io->list(io->ctx, p->source, dir, &names);
    bool ok = true;
    for (int i = 0; i < n; i++) {
        size_t l = strlen(names[i]);
        if (l > 5 && strcmp(names[i] + l - 5, ".yaml") == 0) {
            char path[300], file[600], err[512];
            snprintf(path, sizeof path, "%s/%s", dir, names[i]);
            shown_path(file, sizeof file, p, path);
            size_t len;
            char *buf = io->read(io->ctx, p->source, path, LIBRARY_MAX_FILE, &len, err, sizeof err);
            if (!buf) {
                diag_add(&p->diags, DIAG_ERROR, file, 0, 0, "%s", err);
                ok = false;
            } else if (!add(lib, p->manifest.id, file, buf, len, &p->manifest, &p->diags)) {
                ok = false;
            }
            free(buf);
        }
        free(names[i]);
    }
    free(names);
    return ok;
}

/* People and places. A broken pack adds neither. */
static void load_looks_and_places(Library *lib, PackInfo *p, const PackIO *io)
{
    int looks = lib->cast.count, places = lib->places.count;
    bool ok = load_folder(lib, p, io, "looks", add_look);
    ok = load_folder(lib, p, io, "places", add_place) && ok;
    if (!ok) {
        p->state = PACK_BROKEN;
        lib->cast.count = looks;
        lib->places.count = places;
    }
}

/* Sounds named by a pack's cues (sound:) and places (ambience:) are files
 * in its sounds/ folder, or else in the base pack's, as NAME.ogg or
 * NAME.wav. A missing one is only a warning: the cue still shows and the
 * place still draws, in silence. */
#define SOUND_NAMES_MAX 256

typedef struct {
    char *stems[SOUND_NAMES_MAX + 1]; /* file names without .ogg / .wav, NULL-terminated */
    int n;
} SoundNames;

static void list_sounds(const PackIO *io, int source, SoundNames *out)
{
    char **names = NULL;
    int n = io->list(io->ctx, source, "sounds", &names);
    for (int i = 0; i < n; i++) {
        size_t l = strlen(names[i]);
        if (out->n < SOUND_NAMES_MAX && l > 4 &&
            (strcmp(names[i] + l - 4, ".ogg") == 0 || strcmp(names[i] + l - 4, ".wav") == 0)) {
            names[i][l - 4] = '\0';
            out->stems[out->n++] = names[i];
        } else {
            free(names[i]);
        }
    }
    free(names);
    out->stems[out->n] = NULL;
}

static bool has_sound(const SoundNames *s, const char *name)
{
    for (int i = 0; i < s->n; i++)
        if (strcmp(s->stems[i], name) == 0)
            return true;
    return false;
}

static void warn_sound(PackInfo *p, const SoundNames *mine, const SoundNames *base, const char *file, int line,
                       int col, const char *key, const char *name)
{
    if (has_sound(mine, name) || has_sound(base, name))
        return;
    const char *sug = ysuggest(name, (const char *const *)mine->stems);
    if (!sug)
        sug = ysuggest(name, (const char *const *)base->stems);
    if (sug)
        diag_add(&p->diags, DIAG_WARNING, file, line, col,
                 "%s '%s' is in neither this pack's sounds/ folder nor the base pack's (did you mean '%s'?)",
                 key, name, sug);
    else
        diag_add(&p->diags, DIAG_WARNING, file, line, col,
                 "%s '%s' is in neither this pack's sounds/ folder nor the base pack's: add sounds/%s.ogg "
                 "or sounds/%s.wav (until then it plays in silence)", key, name, name, name);
}

static void check_sounds(Library *lib, PackInfo *p, const PackIO *io)
{
    SoundNames mine = {0}, base = {0};
    list_sounds(io, p->source, &mine);
    for (int k = 0; k < lib->npacks; k++)
        if (lib->packs[k].is_base && &lib->packs[k] != p)
            list_sounds(io, lib->packs[k].source, &base);
    const char *id = p->manifest.id;
    for (int i = 0; id && i < lib->lex.count; i++) {
        const CueDef *d = &lib->lex.defs[i];
        if (d->sound && d->pack && strcmp(d->pack, id) == 0)
            warn_sound(p, &mine, &base, d->file, d->sound_line, d->sound_col, "sound", d->sound);
    }
    for (int i = 0; id && i < lib->places.count; i++) {
        const PlaceDef *d = &lib->places.items[i];
        if (d->ambience && d->pack && strcmp(d->pack, id) == 0)
            warn_sound(p, &mine, &base, d->file, d->ambience_line, d->ambience_col, "ambience", d->ambience);
    }
    for (int i = 0; i < mine.n; i++)
        free(mine.stems[i]);
    for (int i = 0; i < base.n; i++)
        free(base.stems[i]);
}

static int scene_index(const Library *lib, const char *id)
{
    for (int i = 0; i < lib->nscenes; i++)
        if (lib->scenes[i]->id && strcmp(lib->scenes[i]->id, id) == 0)
            return i;
    return -1;
}

static bool grow_scenes(Library *lib)
{
    if (lib->nscenes < lib->cap_scenes)
        return true;
    int cap = lib->cap_scenes ? lib->cap_scenes * 2 : 32;
    Scene **s = realloc(lib->scenes, (size_t)cap * sizeof *s);
    int *sp = realloc(lib->scene_pack, (size_t)cap * sizeof *sp);
    if (s)
        lib->scenes = s;
    if (sp)
        lib->scene_pack = sp;
    if (!s || !sp)
        return false;
    lib->cap_scenes = cap;
    return true;
}

static void count_words(const char *s, int *words)
{
    bool in = false;
    for (; s && *s; s++) {
        bool sp = *s == ' ' || *s == '\n' || *s == '\t';
        if (!sp && !in)
            (*words)++;
        in = !sp;
    }
}

static void add_stats(PackStats *st, const Scene *s)
{
    st->lines += s->nlines;
    st->cues += s->ncues;
    st->incongruent += s->nincongruent;
    st->answers += s->nanswers;
    for (int i = 0; i < s->nlines; i++)
        count_words(s->lines[i].text, &st->words);
    for (int i = 0; i < s->nanswers; i++) {
        count_words(s->answers[i].text, &st->words);
        count_words(s->answers[i].reply.text, &st->words);
    }
}

/* May a pack with manifest m refer to content of library pack k? */
static bool may_use(const Library *lib, const PackManifest *m, int k)
{
    const PackInfo *q = &lib->packs[k];
    if (q->is_base)
        return true;
    for (int i = 0; i < m->nrequired + m->noptional; i++) {
        const char *id = i < m->nrequired ? m->required[i].id : m->optional[i - m->nrequired].id;
        if (strcmp(id, q->manifest.id) == 0)
            return true;
    }
    return false;
}

/* Files are read in name order, so the earlier file is the first of a pair. */
static int cmp_scene_id(const void *a, const void *b)
{
    const Scene *x = *(Scene *const *)a, *y = *(Scene *const *)b;
    int c = strcmp(x->id, y->id);
    return c ? c : strcmp(x->file, y->file);
}

/* Load a pack's scenes; merge them only if the whole pack is clean. */
static void load_scenes(Library *lib, PackInfo *p, int pack_index, const PackIO *io)
{
    char **names = NULL;
    int n = io->list(io->ctx, p->source, "scenes", &names);
    Scene **mine = calloc((size_t)(n ? n : 1), sizeof *mine);
    int count = 0;
    char file[600], err[512];
    for (int i = 0; i < n; i++) {
        size_t l = strlen(names[i]);
        if (l < 6 || strcmp(names[i] + l - 5, ".yaml") != 0)
            continue;
        shown_path(file, sizeof file, p, "scenes/");
        strncat(file, names[i], sizeof file - strlen(file) - 1);
        if (count == LIBRARY_MAX_SCENES_PER_PACK) {
            diag_add(&p->diags, DIAG_ERROR, file, 0, 0, "a pack may hold at most %d scenes",
                     LIBRARY_MAX_SCENES_PER_PACK);
            p->state = PACK_BROKEN;
            break;
        }
        char path[300];
        snprintf(path, sizeof path, "scenes/%s", names[i]);
        size_t len;
        char *buf = io->read(io->ctx, p->source, path, LIBRARY_MAX_FILE, &len, err, sizeof err);
        if (!buf) {
            diag_add(&p->diags, DIAG_ERROR, file, 0, 0, "%s", err);
            p->state = PACK_BROKEN;
            continue;
        }
        Scene *s = mine ? malloc(sizeof *s) : NULL;
        if (!s) {
            free(buf);
            continue;
        }
        if (!scene_load(s, file, buf, len, &lib->lex, &lib->cast, &p->diags))
            p->state = PACK_BROKEN;
        else if (s->place && !places_find(&lib->places, s->place)) {
            const char *known[64];
            int k = 0;
            for (int j = 0; j < lib->places.count && k < 63; j++)
                known[k++] = lib->places.items[j].id;
            known[k] = NULL;
            const char *sug = ysuggest(s->place, known);
            diag_add(&p->diags, DIAG_ERROR, file, s->place_line, s->place_col,
                     "unknown place '%s'%s%s%s", s->place, sug ? " (did you mean '" : "",
                     sug ? sug : "", sug ? "'?)" : " (places are files in a pack's places/ folder)");
            p->state = PACK_BROKEN;
        }
        free(buf);
        mine[count++] = s;
        if (!s->id)
            continue;
        int old = scene_index(lib, s->id);
        if (old >= 0 && !pack_overrides(&p->manifest, s->id)) {
            diag_add(&p->diags, DIAG_ERROR, file, 1, 1,
                     "scene id '%s' is already used by %s; list it under 'overrides:' in pack.yaml "
                     "to replace it on purpose",
                     s->id, lib->scenes[old]->file);
            p->state = PACK_BROKEN;
        }
    }
    for (int i = 0; i < n; i++)
        free(names[i]);
    free(names);
    /* The same id twice in this pack: sort a copy by id, compare neighbours. */
    Scene **by_id = malloc(sizeof *by_id * (size_t)(count ? count : 1));
    int nid = 0;
    for (int i = 0; by_id && i < count; i++)
        if (mine[i]->id)
            by_id[nid++] = mine[i];
    if (by_id)
        qsort(by_id, (size_t)nid, sizeof *by_id, cmp_scene_id);
    for (int i = 1; by_id && i < nid; i++)
        if (strcmp(by_id[i - 1]->id, by_id[i]->id) == 0) {
            diag_add(&p->diags, DIAG_ERROR, by_id[i]->file, 1, 1, "scene id '%s' is also used by %s",
                     by_id[i]->id, by_id[i - 1]->file);
            p->state = PACK_BROKEN;
        }
    free(by_id);
    /* Chapters may name this pack's scenes, the base pack's and those of
     * the packs it depends on. */
    const PackManifest *m = &p->manifest;
    for (int c = 0; c < m->nchapters; c++) {
        for (int k = 0; k < m->chapters[c].nscenes; k++) {
            const PackRef *r = &m->chapters[c].scenes[k];
            int at = scene_index(lib, r->id);
            bool found = at >= 0 && may_use(lib, m, lib->scene_pack[at]);
            for (int j = 0; j < count && !found; j++)
                found = mine[j]->id && strcmp(mine[j]->id, r->id) == 0;
            if (!found) {
                diag_add(&p->diags, DIAG_ERROR, m->file, r->line, r->col,
                         "chapter '%s' names scene '%s', but neither this pack, the base game nor "
                         "a pack it depends on has a scene with that id",
                         m->chapters[c].id, r->id);
                p->state = PACK_BROKEN;
            }
        }
    }
    /* An answer's `next:` follows the same rule as a chapter: a scene of
     * this pack, the base game or a pack it depends on. Those are all
     * loaded by now: dependencies load first. */
    for (int i = 0; i < count; i++) {
        const Scene *s = mine[i];
        for (int a = 0; a < s->nanswers; a++) {
            const char *next = s->answers[a].next;
            if (!next)
                continue;
            int at = scene_index(lib, next);
            bool found = at >= 0 && may_use(lib, m, lib->scene_pack[at]);
            for (int j = 0; j < count && !found; j++)
                found = mine[j]->id && strcmp(mine[j]->id, next) == 0;
            if (found)
                continue;
            const char **known = malloc(sizeof *known * (size_t)(lib->nscenes + count + 1));
            int k = 0;
            for (int j = 0; known && j < count; j++)
                if (mine[j]->id)
                    known[k++] = mine[j]->id;
            for (int j = 0; known && j < lib->nscenes; j++)
                if (lib->scenes[j]->id && may_use(lib, m, lib->scene_pack[j]))
                    known[k++] = lib->scenes[j]->id;
            if (known)
                known[k] = NULL;
            const char *sug = known ? ysuggest(next, known) : NULL;
            diag_add(&p->diags, DIAG_ERROR, s->file, s->answers[a].next_line, s->answers[a].next_col,
                     "answer %d leads to scene '%s', but neither this pack, the base game nor a pack "
                     "it depends on has a scene with that id%s%s%s",
                     a + 1, next, sug ? " (did you mean '" : "", sug ? sug : "", sug ? "'?)" : "");
            free(known);
            p->state = PACK_BROKEN;
        }
    }
    /* Where each scene replaces one (an override), found before any of
     * this pack's scenes join the library, which keeps this linear. */
    int *replaces = malloc(sizeof *replaces * (size_t)(count ? count : 1));
    int lib_before = lib->nscenes;
    for (int i = 0; replaces && i < count; i++) {
        replaces[i] = -1;
        for (int k = 0; p->state == PACK_ENABLED && mine[i]->id && k < lib_before; k++)
            if (lib->scenes[k]->id && strcmp(lib->scenes[k]->id, mine[i]->id) == 0)
                replaces[i] = k;
    }
    for (int i = 0; i < count; i++) {
        Scene *s = mine[i];
        int old = p->state == PACK_ENABLED && replaces ? replaces[i] : -1;
        if (p->state != PACK_ENABLED) {
            scene_free(s);
            free(s);
        } else if (old >= 0) { /* an override replaces the earlier scene */
            scene_free(lib->scenes[old]);
            free(lib->scenes[old]);
            lib->scenes[old] = s;
            lib->scene_pack[old] = pack_index;
            add_stats(&p->stats, s);
            p->nscenes++;
        } else if (grow_scenes(lib)) {
            lib->scene_pack[lib->nscenes] = pack_index;
            lib->scenes[lib->nscenes++] = s;
            add_stats(&p->stats, s);
            p->nscenes++;
        } else {
            scene_free(s);
            free(s);
        }
    }
    free(replaces);
    free(mine);
}

/* A pack whose required dependency broke while loading cannot load either. */
static bool deps_still_enabled(Library *lib, PackInfo *p)
{
    for (int i = 0; i < p->manifest.nrequired; i++) {
        const PackRef *r = &p->manifest.required[i];
        bool ok = false;
        for (int k = 0; k < lib->npacks; k++)
            if (lib->packs[k].has_manifest && lib->packs[k].state == PACK_ENABLED &&
                strcmp(lib->packs[k].manifest.id, r->id) == 0)
                ok = true;
        if (!ok) {
            char msg[300];
            snprintf(msg, sizeof msg, "this pack needs pack '%s', which failed to load", r->id);
            set_broken(p, p->manifest.file, r->line, r->col, msg);
            return false;
        }
    }
    return true;
}

bool library_load(Library *lib, const PackSource *sources, int nsources, const PackIO *io,
                  const char *game_version)
{
    memset(lib, 0, sizeof *lib);
    lexicon_init(&lib->lex);
    cast_init(&lib->cast);
    strings_init(&lib->strings);
    places_init(&lib->places);
    SemVer game = {0, 0, 0};
    pack_semver_parse(game_version, &game);
    int n = nsources < LIBRARY_MAX_PACKS ? nsources : LIBRARY_MAX_PACKS;
    PackInfo *all = calloc((size_t)(n ? n : 1), sizeof *all);
    int *order = calloc((size_t)(n ? n : 1), sizeof *order);
    if (!all || !order) {
        free(all);
        free(order);
        return false;
    }
    for (int i = 0; i < n; i++) {
        PackInfo *p = &all[i];
        p->source = i;
        snprintf(p->name, sizeof p->name, "%s", sources[i].name);
        p->is_zip = sources[i].is_zip;
        p->is_base = sources[i].is_base;
        p->state = PACK_ENABLED;
        read_manifest(p, &sources[i], io, game);
    }
    resolve_duplicates(all, n);
    int count = order_packs(all, n, order);
    for (int k = 0; k < count; k++)
        lib->packs[k] = all[order[k]]; /* moved, not copied: `all` is freed without its contents */
    lib->npacks = count;
    free(all);
    free(order);
    /* Scenes are read even when a pack's looks failed, so one --check run
     * shows every problem; a broken pack's scenes are then dropped. Scenes
     * are not read when the pack's cues failed: every cue would be unknown. */
    bool read_scenes[LIBRARY_MAX_PACKS] = {false};
    for (int k = 0; k < lib->npacks; k++)
        if (lib->packs[k].state == PACK_ENABLED && deps_still_enabled(lib, &lib->packs[k])) {
            load_lexicon(lib, &lib->packs[k], io);
            read_scenes[k] = lib->packs[k].state == PACK_ENABLED;
            if (read_scenes[k]) {
                /* The base pack defines the keys, so it applies at once. */
                load_strings(lib, &lib->packs[k], io, lib->packs[k].is_base);
                load_looks_and_places(lib, &lib->packs[k], io);
                check_sounds(lib, &lib->packs[k], io);
            }
        }
    for (int k = 0; k < lib->npacks; k++)
        if (read_scenes[k] && (lib->packs[k].state != PACK_ENABLED || deps_still_enabled(lib, &lib->packs[k])))
            load_scenes(lib, &lib->packs[k], k, io);
    for (int k = 0; k < lib->npacks; k++)
        if (lib->packs[k].state == PACK_ENABLED && !lib->packs[k].is_base)
            load_strings(lib, &lib->packs[k], io, true);
    for (int k = 0; k < lib->npacks; k++)
        if (lib->packs[k].is_base)
            return lib->packs[k].state == PACK_ENABLED && lib->nscenes > 0;
    return false;
}

void library_free(Library *lib)
{
    for (int i = 0; i < lib->nscenes; i++) {
        scene_free(lib->scenes[i]);
        free(lib->scenes[i]);
    }
    free(lib->scenes);
    free(lib->scene_pack);
    for (int k = 0; k < lib->npacks; k++) {
        pack_manifest_free(&lib->packs[k].manifest);
        diag_free(&lib->packs[k].diags);
    }
    lexicon_free(&lib->lex);
    cast_free(&lib->cast);
    strings_free(&lib->strings);
    places_free(&lib->places);
    memset(lib, 0, sizeof *lib);
}

const Scene *library_scene(const Library *lib, const char *id)
{
    int i = id ? scene_index(lib, id) : -1;
    return i >= 0 ? lib->scenes[i] : NULL;
}

const Scene *library_first_scene(const Library *lib)
{
    for (int k = 0; k < lib->npacks; k++) {
        const PackInfo *p = &lib->packs[k];
        if (!p->is_base || p->state != PACK_ENABLED)
            continue;
        for (int c = 0; c < p->manifest.nchapters; c++)
            for (int s = 0; s < p->manifest.chapters[c].nscenes; s++) {
                const Scene *sc = library_scene(lib, p->manifest.chapters[c].scenes[s].id);
                if (sc)
                    return sc;
            }
    }
    return lib->nscenes > 0 ? lib->scenes[0] : NULL;
}

const PackInfo *library_pack_of_source(const Library *lib, int source)
{
    for (int k = 0; k < lib->npacks; k++)
        if (lib->packs[k].source == source)
            return &lib->packs[k];
    return NULL;
}
