/* Unsaid - library.c: packs -> one merged set of cues and scenes.
 * The order and conflict rules are written out in library.h. */
#include "library_parts.h"

#include "yamlutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *library_state_name(PackState s)
{
    return s == PACK_ENABLED ? "enabled" : s == PACK_DISABLED ? "disabled" : "broken";
}

/* What a pack may use and what it replaces: itself, the base pack and the
 * packs it depends on (registry.h). */
typedef struct {
    PackScope scope;
    bool sees[LIBRARY_MAX_PACKS];
} Scope;

static void make_scope(const Library *lib, int k, Scope *out)
{
    const PackInfo *p = &lib->packs[k];
    const PackManifest *m = &p->manifest;
    memset(out, 0, sizeof *out);
    for (int j = 0; j < lib->npacks; j++) {
        const PackInfo *q = &lib->packs[j];
        bool dep = false;
        for (int i = 0; i < m->nrequired + m->noptional && !dep; i++) {
            const PackRef *r = i < m->nrequired ? &m->required[i] : &m->optional[i - m->nrequired];
            dep = r->id && q->has_manifest && strcmp(r->id, library_pack_id(q)) == 0;
        }
        out->sees[j] = j == k || q->is_base || dep;
    }
    out->scope = (PackScope){k, library_pack_id(p), p->has_manifest ? m : NULL, out->sees, lib->npacks};
}

static void load_lexicon(Library *lib, PackInfo *p, const PackScope *scope, const PackIO *io)
{
    char file[300], err[512];
    size_t len;
    char *buf = io->read(io->ctx, p->source, "lexicon.yaml", LIBRARY_MAX_FILE, &len, err, sizeof err);
    if (!buf)
        return; /* a pack need not add cues */
    library_shown_path(file, sizeof file, p, "lexicon.yaml");
    if (!lexicon_add(&lib->lex, scope, file, buf, len, &p->diags))
        p->state = PACK_BROKEN;
    free(buf);
}

static void load_strings(Library *lib, PackInfo *p, const PackScope *scope, const PackIO *io)
{
    char file[300], err[512];
    size_t len;
    char *buf = io->read(io->ctx, p->source, "strings.yaml", LIBRARY_MAX_FILE, &len, err, sizeof err);
    if (!buf)
        return;
    library_shown_path(file, sizeof file, p, "strings.yaml");
    if (!strings_add(&lib->strings, scope, file, buf, len, p->is_base, &p->diags))
        p->state = PACK_BROKEN;
    free(buf);
}

typedef bool (*AddFn)(Library *lib, const PackScope *scope, const char *file, const char *buf, size_t len,
                      DiagList *diags);

static bool add_look(Library *lib, const PackScope *scope, const char *file, const char *buf, size_t len,
                     DiagList *diags)
{
    return cast_add(&lib->cast, scope, file, buf, len, diags);
}

static bool add_place(Library *lib, const PackScope *scope, const char *file, const char *buf, size_t len,
                      DiagList *diags)
{
    return places_add(&lib->places, scope, file, buf, len, diags);
}

/* A folder of one-thing-per-file data (looks/, places/). */
static void load_folder(Library *lib, PackInfo *p, const PackScope *scope, const PackIO *io, const char *dir,
                        AddFn add)
{
    char **names = NULL;
    int n = io->list(io->ctx, p->source, dir, &names);
    for (int i = 0; i < n; i++) {
        size_t l = strlen(names[i]);
        if (l > 5 && strcmp(names[i] + l - 5, ".yaml") == 0) {
            char path[300], file[600], err[512];
            snprintf(path, sizeof path, "%s/%s", dir, names[i]);
            library_shown_path(file, sizeof file, p, path);
            size_t len;
            char *buf = io->read(io->ctx, p->source, path, LIBRARY_MAX_FILE, &len, err, sizeof err);
            if (!buf) {
                diag_add(&p->diags, DIAG_ERROR, file, 0, 0, "%s", err);
                p->state = PACK_BROKEN;
            } else if (!add(lib, scope, file, buf, len, &p->diags)) {
                p->state = PACK_BROKEN;
            }
            free(buf);
        }
        free(names[i]);
    }
    free(names);
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
    const char *sug = names_closest(name, (const char *const *)mine->stems);
    if (!sug)
        sug = names_closest(name, (const char *const *)base->stems);
    if (sug)
        diag_add(&p->diags, DIAG_WARNING, file, line, col,
                 "%s '%s' is in neither this pack's sounds/ folder nor the base pack's (did you mean '%s'?)",
                 key, name, sug);
    else
        diag_add(&p->diags, DIAG_WARNING, file, line, col,
                 "%s '%s' is in neither this pack's sounds/ folder nor the base pack's: add sounds/%s.ogg "
                 "or sounds/%s.wav (until then it plays in silence)", key, name, name, name);
}

static void check_sounds(Library *lib, PackInfo *p, int k, const PackIO *io)
{
    SoundNames mine = {0}, base = {0};
    list_sounds(io, p->source, &mine);
    for (int b = 0; b < lib->npacks; b++)
        if (lib->packs[b].is_base && &lib->packs[b] != p)
            list_sounds(io, lib->packs[b].source, &base);
    for (int i = 0; i < registry_count(&lib->lex.reg); i++) {
        const RegEntry *e = registry_at(&lib->lex.reg, i);
        const CueDef *d = e->item;
        if (d->sound && e->owner == k)
            warn_sound(p, &mine, &base, e->file, d->sound_line, d->sound_col, "sound", d->sound);
    }
    for (int i = 0; i < registry_count(&lib->places.reg); i++) {
        const RegEntry *e = registry_at(&lib->places.reg, i);
        const PlaceDef *d = e->item;
        if (d->ambience && e->owner == k)
            warn_sound(p, &mine, &base, e->file, d->ambience_line, d->ambience_col, "ambience", d->ambience);
    }
    for (int i = 0; i < mine.n; i++)
        free(mine.stems[i]);
    for (int i = 0; i < base.n; i++)
        free(base.stems[i]);
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

static void free_scene(void *item)
{
    scene_free(item);
    free(item);
}

/* Read one scene file and put it in the (staged) scene registry. */
static void load_scene(Library *lib, PackInfo *p, const PackScope *scope, const PackIO *io, const char *name)
{
    char file[600], path[300], err[512], msg[400];
    library_shown_path(file, sizeof file, p, "scenes/");
    strncat(file, name, sizeof file - strlen(file) - 1);
    snprintf(path, sizeof path, "scenes/%s", name);
    size_t len;
    char *buf = io->read(io->ctx, p->source, path, LIBRARY_MAX_FILE, &len, err, sizeof err);
    if (!buf) {
        diag_add(&p->diags, DIAG_ERROR, file, 0, 0, "%s", err);
        p->state = PACK_BROKEN;
        return;
    }
    Scene *s = malloc(sizeof *s);
    if (!s) {
        diag_add(&p->diags, DIAG_ERROR, file, 0, 0, "out of memory");
        p->state = PACK_BROKEN;
        free(buf);
        return;
    }
    if (!scene_load_scoped(s, file, buf, len, &lib->lex, &lib->cast, scope, &p->diags)) {
        p->state = PACK_BROKEN;
        char id[65];
        if (s->id)
            registry_note_failed(&lib->scenes, s->id);
        else if (ypeek_id(buf, len, id, sizeof id))
            registry_note_failed(&lib->scenes, id);
    }
    if (s->place) {
        const RegEntry *hidden;
        if (!registry_lookup(&lib->places.reg, scope, s->place, &hidden)) {
            if (registry_failed(&lib->places.reg, s->place)) {
                /* the place's own error is reported */
            } else if (hidden) {
                registry_hidden_message(&lib->places.reg, hidden, msg, sizeof msg);
                diag_add(&p->diags, DIAG_ERROR, file, s->place_line, s->place_col, "%s", msg);
                diag_quote(&p->diags, buf, len);
            } else {
                const char **known = registry_visible_ids(&lib->places.reg, scope);
                const char *sug = known ? names_closest(s->place, known) : NULL;
                diag_add(&p->diags, DIAG_ERROR, file, s->place_line, s->place_col, "unknown place '%s'%s%s%s",
                         s->place, sug ? " (did you mean '" : "", sug ? sug : "",
                         sug ? "'?)" : " (places are files in a pack's places/ folder)");
                diag_quote(&p->diags, buf, len);
                free(known);
            }
            p->state = PACK_BROKEN;
        }
    }
    free(buf);
    if (!s->id) {
        free_scene(s);
        return;
    }
    const RegEntry *clash;
    RegResult res = registry_put(&lib->scenes, scope, s->id, s->file, s->id_line, s->id_col, s, &clash);
    if (res != REG_ADDED && res != REG_REPLACED) {
        registry_put_message(&lib->scenes, res, s->id, clash, msg, sizeof msg);
        diag_add(&p->diags, DIAG_ERROR, file, s->id_line, s->id_col, "%s", msg);
        p->state = PACK_BROKEN;
        free_scene(s);
    }
}

/* Does scope see scene id? If not, say why at file:line:col, after `what`. */
static bool check_scene_ref(Library *lib, PackInfo *p, const PackScope *scope, const char *id, const char *file,
                            int line, int col, const char *what)
{
    const RegEntry *hidden;
    if (registry_lookup(&lib->scenes, scope, id, &hidden))
        return true;
    p->state = PACK_BROKEN;
    if (registry_failed(&lib->scenes, id)) {
        /* The scene's own error is reported with its pack. When that is
         * another pack, this one still says why it is set aside. */
        if (p->diags.errors == 0)
            diag_add(&p->diags, DIAG_ERROR, file, line, col,
                     "%s, but the scene with that id failed to load (its errors are listed with its pack)", what);
        return false;
    }
    char msg[400];
    if (hidden) {
        registry_hidden_message(&lib->scenes, hidden, msg, sizeof msg);
        diag_add(&p->diags, DIAG_ERROR, file, line, col, "%s: %s", what, msg);
    } else {
        const char **known = registry_visible_ids(&lib->scenes, scope);
        const char *sug = known ? names_closest(id, known) : NULL;
        diag_add(&p->diags, DIAG_ERROR, file, line, col,
                 "%s, but neither this pack, the base game nor a pack it depends on has a scene with that "
                 "id%s%s%s",
                 what, sug ? " (did you mean '" : "", sug ? sug : "", sug ? "'?)" : "");
        free(known);
    }
    p->state = PACK_BROKEN;
    return false;
}

/* Load a pack's scenes, staged: they stay only if the whole pack is clean. */
static void load_scenes(Library *lib, PackInfo *p, int k, const PackScope *scope, const PackIO *io)
{
    registry_begin(&lib->scenes);
    char **names = NULL;
    int n = io->list(io->ctx, p->source, "scenes", &names);
    int count = 0;
    for (int i = 0; i < n; i++) {
        size_t l = strlen(names[i]);
        if (l < 6 || strcmp(names[i] + l - 5, ".yaml") != 0)
            continue;
        if (count++ == LIBRARY_MAX_SCENES_PER_PACK) {
            char file[600];
            library_shown_path(file, sizeof file, p, "scenes/");
            strncat(file, names[i], sizeof file - strlen(file) - 1);
            diag_add(&p->diags, DIAG_ERROR, file, 0, 0, "a pack may hold at most %d scenes",
                     LIBRARY_MAX_SCENES_PER_PACK);
            p->state = PACK_BROKEN;
            break;
        }
        load_scene(lib, p, scope, io, names[i]);
    }
    for (int i = 0; i < n; i++)
        free(names[i]);
    free(names);
    /* Chapters and `next:` name scenes this pack sees: its own, the base
     * game's and those of the packs it depends on (all loaded by now). */
    const PackManifest *m = &p->manifest;
    for (int c = 0; c < m->nchapters; c++)
        for (int i = 0; i < m->chapters[c].nscenes; i++) {
            const PackRef *r = &m->chapters[c].scenes[i];
            char what[300];
            snprintf(what, sizeof what, "chapter '%s' names scene '%s'", m->chapters[c].id ? m->chapters[c].id : "?",
                     r->id);
            if (r->id)
                check_scene_ref(lib, p, scope, r->id, m->file, r->line, r->col, what);
        }
    for (int i = 0; i < registry_count(&lib->scenes); i++) {
        const RegEntry *e = registry_at(&lib->scenes, i);
        const Scene *s = e->item;
        for (int a = 0; e->owner == k && a < s->nanswers; a++) {
            const char *next = s->answers[a].next;
            char what[300];
            snprintf(what, sizeof what, "answer %d leads to scene '%s'", a + 1, next ? next : "");
            if (next)
                check_scene_ref(lib, p, scope, next, s->file, s->answers[a].next_line, s->answers[a].next_col,
                                what);
        }
    }
    if (p->state != PACK_ENABLED) {
        registry_rollback(&lib->scenes);
        return;
    }
    registry_commit(&lib->scenes);
    for (int i = 0; i < registry_count(&lib->scenes); i++)
        if (registry_at(&lib->scenes, i)->owner == k) {
            add_stats(&p->stats, registry_at(&lib->scenes, i)->item);
            p->nscenes++;
        }
}

/* A pack whose required dependency broke while loading cannot load either. */
static bool deps_still_enabled(Library *lib, PackInfo *p)
{
    for (int i = 0; i < p->manifest.nrequired; i++) {
        const PackRef *r = &p->manifest.required[i];
        bool ok = false;
        for (int k = 0; k < lib->npacks; k++)
            if (lib->packs[k].state == PACK_ENABLED && strcmp(library_pack_id(&lib->packs[k]), r->id) == 0)
                ok = true;
        if (!ok) {
            char msg[300];
            snprintf(msg, sizeof msg, "this pack needs pack '%s', which failed to load", r->id);
            library_dep_error(p, r, msg);
            return false;
        }
    }
    return true;
}

static void content_init(Library *lib)
{
    lexicon_init(&lib->lex);
    cast_init(&lib->cast);
    strings_init(&lib->strings);
    places_init(&lib->places);
    registry_init(&lib->scenes, "scene", free_scene);
}

static void content_free(Library *lib)
{
    registry_free(&lib->scenes);
    lexicon_free(&lib->lex);
    cast_free(&lib->cast);
    strings_free(&lib->strings);
    places_free(&lib->places);
}

/* The registries of every content kind but scenes, staged together. */
static void stage_begin(Library *lib)
{
    registry_begin(&lib->lex.reg);
    registry_begin(&lib->cast.reg);
    registry_begin(&lib->strings.reg);
    registry_begin(&lib->places.reg);
}

static void stage_end(Library *lib, bool keep)
{
    void (*end)(Registry *) = keep ? registry_commit : registry_rollback;
    end(&lib->lex.reg);
    end(&lib->cast.reg);
    end(&lib->strings.reg);
    end(&lib->places.reg);
}

/* One load of every enabled pack in order. Returns true if a pack that
 * added content broke later (in its scenes): its content was seen by the
 * packs after it, so the caller loads everything again without it. */
static bool load_round(Library *lib, const PackIO *io, const DiagMark *kept_diags)
{
    content_free(lib);
    content_init(lib);
    bool read_scenes[LIBRARY_MAX_PACKS] = {false};
    Scope sc;
    for (int k = 0; k < lib->npacks; k++) {
        PackInfo *p = &lib->packs[k];
        if (p->state != PACK_ENABLED)
            continue;
        diag_rollback(&p->diags, kept_diags[k]); /* as before its content was read */
        memset(&p->stats, 0, sizeof p->stats);
        p->nscenes = 0;
        if (!deps_still_enabled(lib, p))
            continue;
        make_scope(lib, k, &sc);
        stage_begin(lib);
        load_lexicon(lib, p, &sc.scope, io);
        /* Scenes are read even when a pack's looks failed, so one --check
         * run shows every problem; not when its cues failed: every cue
         * would be unknown. */
        read_scenes[k] = p->state == PACK_ENABLED;
        if (read_scenes[k]) {
            load_strings(lib, p, &sc.scope, io);
            load_folder(lib, p, &sc.scope, io, "looks", add_look);
            load_folder(lib, p, &sc.scope, io, "places", add_place);
            check_sounds(lib, p, k, io);
        }
        /* When its looks, places or strings broke, a pack's scenes are read
         * now, while its own cues are still staged: otherwise each of them
         * would be reported unknown, a consequence of an error already told. */
        if (read_scenes[k] && p->state != PACK_ENABLED) {
            load_scenes(lib, p, k, &sc.scope, io);
            read_scenes[k] = false;
        }
        stage_end(lib, p->state == PACK_ENABLED);
    }
    bool again = false;
    for (int k = 0; k < lib->npacks; k++) {
        PackInfo *p = &lib->packs[k];
        if (!read_scenes[k])
            continue;
        bool had_content = p->state == PACK_ENABLED;
        if (had_content && !deps_still_enabled(lib, p)) {
            again = true;
            continue;
        }
        make_scope(lib, k, &sc);
        load_scenes(lib, p, k, &sc.scope, io);
        again |= had_content && p->state != PACK_ENABLED;
    }
    return again;
}

bool library_load(Library *lib, const PackSource *sources, int nsources, const PackIO *io,
                  const char *game_version)
{
    memset(lib, 0, sizeof *lib);
    content_init(lib);
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
        snprintf(p->name, sizeof p->name, "%s", sources[i].name ? sources[i].name : "?");
        p->is_zip = sources[i].is_zip;
        p->is_base = sources[i].is_base;
        p->state = PACK_ENABLED;
        library_read_manifest(p, &sources[i], io, game);
    }
    library_resolve_duplicates(all, n);
    int count = library_order_packs(all, n, order);
    for (int k = 0; k < count; k++)
        lib->packs[k] = all[order[k]]; /* moved, not copied: `all` is freed without its contents */
    lib->npacks = count;
    free(all);
    free(order);
    /* A pack with any error is set aside whole: its content never reaches
     * the game. Content is staged per pack, so an error in its cues, looks,
     * places or strings takes back just that pack. An error in a scene is
     * found after later packs have loaded on top of it, so then everything
     * loads again without it (once per wave of such packs; usually never). */
    DiagMark kept[LIBRARY_MAX_PACKS];
    for (int k = 0; k < lib->npacks; k++)
        kept[k] = diag_mark(&lib->packs[k].diags);
    lib->rounds = 1;
    while (load_round(lib, io, kept))
        lib->rounds++;
    for (int k = 0; k < lib->npacks; k++)
        if (lib->packs[k].is_base)
            return lib->packs[k].state == PACK_ENABLED && registry_count(&lib->scenes) > 0;
    return false;
}

void library_free(Library *lib)
{
    content_free(lib);
    for (int k = 0; k < lib->npacks; k++) {
        pack_manifest_free(&lib->packs[k].manifest);
        diag_free(&lib->packs[k].diags);
    }
    memset(lib, 0, sizeof *lib);
}

const Scene *library_scene(const Library *lib, const char *id)
{
    return id ? registry_item(&lib->scenes, id) : NULL;
}

const char *library_scene_pack_id(const Library *lib, const Scene *scene)
{
    const RegEntry *e = scene && scene->id ? registry_find(&lib->scenes, scene->id) : NULL;
    return e && e->item == scene && e->owner >= 0 && e->owner < lib->npacks ? library_pack_id(&lib->packs[e->owner])
                                                                             : NULL;
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
    return library_scene_count(lib) > 0 ? library_scene_at(lib, 0) : NULL;
}

const PackInfo *library_pack_of_source(const Library *lib, int source)
{
    for (int k = 0; k < lib->npacks; k++)
        if (lib->packs[k].source == source)
            return &lib->packs[k];
    return NULL;
}

const char *library_closest_scene(const Library *lib, const char *id)
{
    int n = library_scene_count(lib);
    const char **ids = malloc(((size_t)n + 1) * sizeof *ids);
    if (!ids)
        return NULL;
    for (int i = 0; i < n; i++)
        ids[i] = library_scene_at(lib, i)->id;
    ids[n] = NULL;
    const char *best = names_closest(id, ids);
    free(ids);
    return best;
}
