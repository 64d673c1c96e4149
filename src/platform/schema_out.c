/* Unsaid - schema_out.c: --write-schema DIR (see schema_out.h). */
#include "schema_out.h"

#include "body.h"
#include "json_tree.h"
#include "util.h"
#include "vfs.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef enum { N_CUE, N_LOOK, N_PLACE, N_SCENE, N_SOUND, N_PACK, N_KIND, N_QUALITY, N_COUNT } NameKind;

/* Each kind's entry in $defs, and its name in what is printed. */
static const struct {
    const char *def, *one, *many;
} kinds[N_COUNT] = {
    {"cue", "cue", "cues"},          {"look", "look", "looks"},
    {"place", "place", "places"},    {"scene", "scene", "scenes"},
    {"sound", "sound", "sounds"},    {"pack", "pack", "packs"},
    {"answer_kind", "answer kind", "answer kinds"}, {"quality", "quality", "qualities"},
};

/* Where each kind of name is written: a field of a schema, as a JSON
 * Pointer. A field's own enum, if it had one, gives way to the list. */
static const struct {
    const char *schema, *field;
    NameKind kind;
} uses[] = {
    {"scene", "/properties/place", N_PLACE},
    {"scene", "/properties/character/properties/look/oneOf/0", N_LOOK},
    {"scene", "/properties/lines/items/properties/cues/items/properties/cue", N_CUE},
    {"scene", "/properties/answers/items/properties/cues/items/properties/cue", N_CUE},
    {"scene", "/properties/answers/items/properties/requires", N_CUE},
    {"scene", "/properties/answers/items/properties/kind", N_KIND},
    {"scene", "/properties/answers/items/properties/quality", N_QUALITY},
    {"scene", "/properties/answers/items/properties/next", N_SCENE},
    {"lexicon", "/properties/cues/additionalProperties/properties/sound", N_SOUND},
    {"place", "/properties/ambience", N_SOUND},
    {"pack", "/properties/chapters/items/properties/scenes/items", N_SCENE},
    {"pack", "/properties/dependencies/properties/required/items/oneOf/0", N_PACK},
    {"pack", "/properties/dependencies/properties/required/items/oneOf/1/properties/id", N_PACK},
};

typedef struct {
    const char *name, *about;
} Name;

typedef struct {
    Arena arena; /* the names, what they say, and the JSON trees */
    Name *list[N_COUNT];
    int n[N_COUNT], cap[N_COUNT];
} Names;

/* Add a name, described as "what (where)" (or "what" when where is NULL),
 * unless it is there already: the first pack to define it in load order
 * wins, as in the game. */
static void add(Names *nm, NameKind k, const char *name, const char *what, const char *where)
{
    if (!name || !name[0])
        return;
    for (int i = 0; i < nm->n[k]; i++)
        if (strcmp(nm->list[k][i].name, name) == 0)
            return;
    size_t size = strlen(what) + (where ? strlen(where) + 3 : 0) + 1;
    char *about = arena_alloc(&nm->arena, size);
    Name *slot = about ? arena_array_push((void **)&nm->list[k], &nm->n[k], &nm->cap[k], sizeof *slot) : NULL;
    if (!slot)
        return;
    snprintf(about, size, where ? "%s (%s)" : "%s", what, where);
    *slot = (Name){arena_strdup(&nm->arena, name), about};
}

/* "hands; pack 'x'": a detail (may be NULL), the pack, and when the pack
 * was set aside, that it has errors. */
static const char *from(char *buf, size_t size, const char *detail, const char *pack, bool broken)
{
    int n = snprintf(buf, size, "%s%spack '%s'%s", detail ? detail : "", detail ? "; " : "", pack ? pack : "?",
                     broken ? ", which has errors" : "");
    return n < 0 ? "" : buf; /* a long pack name is cut short: a description, not a key */
}

static void add_cues(Names *nm, const Lexicon *lex, const char *pack, bool broken)
{
    char f[200];
    for (int i = 0; i < lexicon_count(lex); i++) {
        const CueDef *d = lexicon_at(lex, i);
        const char *owner = pack ? pack : registry_at(&lex->reg, i)->owner_id;
        add(nm, N_CUE, d->name, d->describe ? d->describe : "A cue",
            from(f, sizeof f, channel_name(d->channel), owner, broken));
    }
}

static void add_looks(Names *nm, const Cast *cast, const char *pack, bool broken)
{
    char f[200];
    for (int i = 0; i < cast_count(cast); i++) {
        const CastEntry *e = cast_at(cast, i);
        const char *owner = pack ? pack : registry_at(&cast->reg, i)->owner_id;
        add(nm, N_LOOK, e->id, e->describe ? e->describe : "A person", from(f, sizeof f, NULL, owner, broken));
    }
}

static void add_places(Names *nm, const Places *places, const char *pack, bool broken)
{
    char f[200];
    for (int i = 0; i < places_count(places); i++) {
        const PlaceDef *d = places_at(places, i);
        const char *owner = pack ? pack : registry_at(&places->reg, i)->owner_id;
        add(nm, N_PLACE, d->id, d->describe ? d->describe : "A place", from(f, sizeof f, NULL, owner, broken));
    }
}

/* An id as the game takes it: a-z, 0-9, _ and - (a file with errors may
 * have read one that is not). */
static bool is_id(const char *id)
{
    return id && strlen(id) <= 64 && strspn(id, "abcdefghijklmnopqrstuvwxyz0123456789_-") == strlen(id);
}

static void add_scene(Names *nm, const Scene *s, const char *pack, bool broken)
{
    char f[200];
    if (is_id(s->id))
        add(nm, N_SCENE, s->id, s->title ? s->title : "A scene", from(f, sizeof f, NULL, pack, broken));
}

/* The sounds in a pack's sounds/ folder, by name without .ogg or .wav. */
static void add_sounds(Names *nm, const PackIO *io, const PackInfo *p, bool broken)
{
    char f[200];
    char **files = NULL;
    int n = io->list(io->ctx, p->source, "sounds", &files);
    for (int i = 0; i < n; i++) {
        size_t l = strlen(files[i]);
        if (l > 4 && (strcmp(files[i] + l - 4, ".ogg") == 0 || strcmp(files[i] + l - 4, ".wav") == 0)) {
            char stem[256];
            snprintf(stem, sizeof stem, "%.*s", (int)(l - 4), files[i]);
            add(nm, N_SOUND, stem, files[i],
                from(f, sizeof f, NULL, p->has_manifest ? p->manifest.id : p->name, broken));
        }
        free(files[i]);
    }
    free(files);
}

static char *read_file(const PackIO *io, int source, const char *path, size_t *len)
{
    char err[512];
    return io->read(io->ctx, source, path, LIBRARY_MAX_FILE, len, err, sizeof err);
}

/* A pack set aside because of errors adds nothing to the game, but the
 * one writing it wants its names: read what of it loads on its own (each
 * cue, look and place that has no error, each scene's id). */
static void add_salvaged(Names *nm, const Library *lib, const PackIO *io, const PackInfo *p)
{
    const char *pack = p->has_manifest && p->manifest.id ? p->manifest.id : p->name;
    Lexicon lex;
    Cast cast;
    Places places;
    DiagList junk = {0};
    lexicon_init(&lex);
    cast_init(&cast);
    places_init(&places);
    size_t len;
    char *buf = read_file(io, p->source, "lexicon.yaml", &len);
    if (buf)
        lexicon_add(&lex, NULL, "lexicon.yaml", buf, len, &junk);
    free(buf);
    static const char *const folders[] = {"looks", "places", "scenes"};
    for (int f = 0; f < 3; f++) {
        char **files = NULL;
        int n = io->list(io->ctx, p->source, folders[f], &files);
        for (int i = 0; i < n; i++) {
            char path[600];
            size_t l = strlen(files[i]);
            snprintf(path, sizeof path, "%s/%s", folders[f], files[i]);
            buf = l > 5 && strcmp(files[i] + l - 5, ".yaml") == 0 ? read_file(io, p->source, path, &len) : NULL;
            if (buf && f == 0) {
                cast_add(&cast, NULL, path, buf, len, &junk);
            } else if (buf && f == 1) {
                places_add(&places, NULL, path, buf, len, &junk);
            } else if (buf) {
                Scene s;
                scene_load(&s, path, buf, len, &lib->lex, &lib->cast, &junk);
                add_scene(nm, &s, pack, true);
                scene_free(&s);
            }
            free(buf);
            free(files[i]);
        }
        free(files);
    }
    add_cues(nm, &lex, pack, true);
    add_looks(nm, &cast, pack, true);
    add_places(nm, &places, pack, true);
    add_sounds(nm, io, p, true);
    lexicon_free(&lex);
    cast_free(&cast);
    places_free(&places);
    diag_free(&junk);
}

static int by_name(const void *a, const void *b)
{
    return strcmp(((const Name *)a)->name, ((const Name *)b)->name);
}

static void gather(Names *nm, const Library *lib, const PackIO *io)
{
    add_cues(nm, &lib->lex, NULL, false);
    add_looks(nm, &lib->cast, NULL, false);
    add_places(nm, &lib->places, NULL, false);
    for (int i = 0; i < registry_count(&lib->scenes); i++)
        add_scene(nm, registry_at(&lib->scenes, i)->item, registry_at(&lib->scenes, i)->owner_id, false);
    for (int k = 0; k < lib->npacks; k++) {
        const PackInfo *p = &lib->packs[k];
        bool broken = p->state == PACK_BROKEN;
        if (p->state == PACK_DISABLED)
            continue;
        if (broken)
            add_salvaged(nm, lib, io, p);
        else
            add_sounds(nm, io, p, false);
        if (p->has_manifest && is_id(p->manifest.id)) {
            char version[120];
            snprintf(version, sizeof version, "%s%s", p->manifest.version ? p->manifest.version : "?",
                     broken ? ", which has errors" : "");
            add(nm, N_PACK, p->manifest.id, p->manifest.title ? p->manifest.title : "A pack", version);
        }
    }
    /* Answer kinds and qualities are the game's own, in the words the
     * interface shows for them. */
    for (int i = 0; i < KIND_COUNT + QUALITY_COUNT; i++) {
        bool kind = i < KIND_COUNT;
        const char *name = kind ? scene_kind_name((AnswerKind)i) : scene_quality_name((AnswerQuality)(i - KIND_COUNT));
        char key[64];
        snprintf(key, sizeof key, "%s.%s", kind ? "kind" : "quality", name);
        const char *words = strings_find(&lib->strings, key);
        add(nm, kind ? N_KIND : N_QUALITY, name, words ? words : "", NULL);
    }
    for (int k = 0; k < N_KIND; k++) /* kinds and qualities keep the game's order */
        if (nm->n[k])
            qsort(nm->list[k], (size_t)nm->n[k], sizeof *nm->list[k], by_name);
}

/* {"enum": [names], "enumDescriptions": [what each is]} */
static JsonNode *name_list(Names *nm, NameKind k)
{
    JsonNode *def = json_new(&nm->arena, JSON_OBJECT);
    JsonNode *names = json_new(&nm->arena, JSON_ARRAY), *about = json_new(&nm->arena, JSON_ARRAY);
    bool ok = def && names && about;
    for (int i = 0; ok && i < nm->n[k]; i++)
        ok = json_push(&nm->arena, names, json_string(&nm->arena, nm->list[k][i].name)) &&
             json_push(&nm->arena, about, json_string(&nm->arena, nm->list[k][i].about));
    ok = ok && json_set(&nm->arena, def, "enum", names) && json_set(&nm->arena, def, "enumDescriptions", about);
    return ok ? def : NULL;
}

/* One schema with the names put in; what it names is counted in `said`.
 * NULL with err filled when it cannot be made. */
static char *fill_schema(Names *nm, const SchemaFile *f, size_t *len, char *said, size_t saidsize, char *err,
                         size_t errsize)
{
    JsonNode *root = json_parse(&nm->arena, (const char *)f->text, f->len, err, errsize);
    if (!root)
        return NULL;
    JsonNode *defs = json_new(&nm->arena, JSON_OBJECT);
    bool used[N_COUNT] = {false};
    said[0] = '\0';
    for (size_t u = 0; u < sizeof uses / sizeof uses[0]; u++) {
        size_t l = strlen(uses[u].schema);
        NameKind k = uses[u].kind;
        if (strncmp(f->name, uses[u].schema, l) != 0 || strcmp(f->name + l, ".schema.json") != 0 || !nm->n[k])
            continue; /* with no names of a kind at all, the field stays as it was */
        JsonNode *field = json_at(root, uses[u].field);
        if (!field || field->kind != JSON_OBJECT) {
            snprintf(err, errsize, "%s has no field %s to hold the %s", f->name, uses[u].field, kinds[k].many);
            return NULL;
        }
        char ref[64];
        snprintf(ref, sizeof ref, "#/$defs/%s", kinds[k].def);
        json_remove(field, "enum");
        if (!json_set(&nm->arena, field, "$ref", json_string(&nm->arena, ref)))
            return snprintf(err, errsize, "out of memory"), NULL;
        if (!used[k] && !json_set(&nm->arena, defs, kinds[k].def, name_list(nm, k)))
            return snprintf(err, errsize, "out of memory"), NULL;
        used[k] = true;
    }
    /* "12 cues, 3 looks and 2 places" */
    int nused = 0;
    for (int k = 0; k < N_COUNT; k++)
        nused += used[k];
    for (int k = 0, told = 0; k < N_COUNT; k++)
        if (used[k]) {
            size_t at = strlen(said);
            told++;
            snprintf(said + at, saidsize - at, "%s%d %s", told == 1 ? "" : told == nused ? " and " : ", ", nm->n[k],
                     nm->n[k] == 1 ? kinds[k].one : kinds[k].many);
        }
    if (said[0] && !(json_set(&nm->arena, root, "$comment",
                              json_string(&nm->arena, "Written by unsaid --write-schema with the names the installed "
                                                      "packs define; run it again after adding some.")) &&
                     json_set(&nm->arena, root, "$defs", defs)))
        return snprintf(err, errsize, "out of memory"), NULL;
    char *text = json_write(root, len);
    if (!text)
        snprintf(err, errsize, "out of memory");
    return text;
}

/* dir/name, written whole: into a hidden file first, then renamed. */
static bool write_whole(const char *dir, const char *name, const char *text, size_t len)
{
    char tmp[4200], path[4200];
    snprintf(tmp, sizeof tmp, "%s/.%s.tmp", dir, name);
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(tmp, "wb");
    if (!f)
        return false;
    bool ok = fwrite(text, 1, len, f) == len;
    int saved = errno;
    if (fclose(f) != 0 && ok) {
        ok = false;
        saved = errno;
    }
    if (ok && rename(tmp, path) != 0) {
        ok = false;
        saved = errno;
    }
    if (!ok)
        remove(tmp);
    errno = saved;
    return ok;
}

int schema_out_write(const Library *lib, const PackIO *io, const char *dir)
{
    Names nm;
    memset(&nm, 0, sizeof nm);
    gather(&nm, lib, io);
    int rc = 0;
    for (int i = 0; i < schema_file_count && rc == 0; i++) {
        const SchemaFile *f = &schema_files[i];
        char said[300], err[600];
        size_t len = 0;
        char *text = fill_schema(&nm, f, &len, said, sizeof said, err, sizeof err);
        if (!text) {
            fprintf(stderr, "unsaid: %s: %s\n", f->name, err);
            rc = 1;
        } else if (!write_whole(dir, f->name, text, len)) {
            fprintf(stderr, "unsaid: cannot write the schemas into %s: %s\n", dir, strerror(errno));
            rc = 2;
        } else if (said[0]) {
            printf("Wrote %s/%s: the names of %s.\n", dir, f->name, said);
        } else {
            printf("Wrote %s/%s (it names nothing a pack defines).\n", dir, f->name);
        }
        free(text);
    }
    fflush(stdout); /* the files first, then the packs with errors, in a pipe too */
    for (int k = 0; k < lib->npacks && rc == 0; k++) {
        const PackInfo *p = &lib->packs[k];
        char where[2200];
        if (p->state != PACK_BROKEN)
            continue;
        if (p->is_base)
            snprintf(where, sizeof where, "%s/%s", vfs_data_dir(), p->name);
        else
            snprintf(where, sizeof where, "%s%s", vfs_user_dir(), p->name);
        fprintf(stderr, "unsaid: %s has errors, so the game sets it aside; the schemas name what of it loads on "
                        "its own. Its errors: unsaid --check '%s'\n", p->name, where);
    }
    for (int k = 0; k < N_COUNT; k++)
        free(nm.list[k]);
    arena_free(&nm.arena);
    return rc;
}
