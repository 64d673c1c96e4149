/* libFuzzer target for the library as a whole: the real base pack plus one
 * to six user packs built from the input, loaded together the way the game
 * loads them, with the rules of library.h checked after every load.
 *
 * The input is a list of records, each an operation byte (its value modulo
 * OP_COUNT) and its arguments. Most arguments are choices from lists of
 * plausible values (the base pack's cue, look, place and scene ids, pack
 * ids, version ranges, typos and broken forms of each), so that mutated
 * inputs stay packs that load far enough to meet the rules: overrides,
 * conflicts, dependencies, duplicate and missing ids. A choice byte from
 * 0xE0 up is instead a literal cut from the input (see value()), so any
 * text can still reach any field or whole file. Bytes run out as zeros, and
 * zero always chooses the plain, valid value.
 *
 * What must hold after library_load (check_library()):
 *  - no crash, leak or undefined behaviour;
 *  - library_load returns true: the base pack always loads;
 *  - a pack set aside as broken has at least one error; an enabled pack none;
 *  - every base scene is still there and, unless an enabled pack lists its
 *    id, a cue, look or place it uses under `overrides:`, is exactly what
 *    the base pack alone loads (cue definitions, look, place);
 *  - every scene in the library resolves each of its cues to the library's
 *    definition of that name, and its place is in the library;
 *  - those cues and places come from enabled packs: a pack set aside
 *    leaves nothing behind;
 *  - and the scene's pack may see them: the pack that first defined each
 *    one is the scene's own pack, the base pack or one it depends on.
 * A failed rule prints what broke and aborts, so libFuzzer keeps the input.
 *
 *   build:  cmake --build build-test --target fuzz_packs  (needs clang)
 *   run:    mkdir -p packs-work && build-test/tests/fuzz_packs -max_total_time=3600 -timeout=10 \
 *             packs-work tests/fuzz/corpus_packs tests/fuzz/packs_found
 *   one input, with every file it makes and every message:
 *           FUZZ_PACKS_SHOW=1 build-test/tests/fuzz_packs FILE
 *   the seeds:  tests/fuzz/make_packs_corpus.py writes tests/fuzz/corpus_packs/
 *               from tests/data/packs/ (and a few packs that use every record).
 * An input that broke a rule goes into tests/fuzz/packs_found/ under a name
 * that says what it does, once it is understood; the test run replays them.
 * The base pack is read from $UNSAID_DATA_DIR/levels/base, or else from the
 * source tree the target was built from. */
#include "library.h"
#include "yamlutil.h"

#include <dirent.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifndef UNSAID_SOURCE_DIR
#define UNSAID_SOURCE_DIR "."
#endif

#define GAME_VERSION "0.1.0"
#define MAX_USER_PACKS 6
#define MAX_FILES 32 /* per user pack */

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
const char *__asan_default_options(void);

/* Every run parses the whole base pack: tens of thousands of small
 * allocations. A smaller quarantine (still several runs' worth of freed
 * memory) and shorter allocation stacks make runs two to three times
 * faster. ASAN_OPTIONS still wins over these. */
const char *__asan_default_options(void)
{
    return "quarantine_size_mb=16:malloc_context_size=8";
}

/* ---- text buffers ------------------------------------------------------- */

typedef struct {
    char *s;
    size_t len, cap;
} Buf;

static void buf_add(Buf *b, const char *s, size_t n)
{
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 256;
        while (b->len + n + 1 > cap)
            cap *= 2;
        char *p = realloc(b->s, cap);
        if (!p)
            abort();
        b->s = p;
        b->cap = cap;
    }
    memcpy(b->s + b->len, s, n);
    b->len += n;
    b->s[b->len] = '\0';
}

static void buf_cat(Buf *b, const char *s)
{
    buf_add(b, s, strlen(s));
}

static void buf_printf(Buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void buf_printf(Buf *b, const char *fmt, ...)
{
    char tmp[1024];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    if (n > 0)
        buf_add(b, tmp, (size_t)n < sizeof tmp ? (size_t)n : sizeof tmp - 1);
}

/* ---- packs in memory ------------------------------------------------------ */

typedef struct {
    char *path; /* relative to the pack root: "scenes/a.yaml" */
    char *data;
    size_t len;
} MemFile;

typedef struct {
    MemFile *files;
    int n, cap, max;
} MemPack;

/* Put a file, replacing one at the same path. Takes data (malloc'd). */
static void mem_put(MemPack *p, const char *path, char *data, size_t len)
{
    for (int i = 0; i < p->n; i++)
        if (strcmp(p->files[i].path, path) == 0) {
            free(p->files[i].data);
            p->files[i].data = data;
            p->files[i].len = len;
            return;
        }
    if ((p->max && p->n == p->max) || !*path) {
        free(data);
        return;
    }
    if (p->n == p->cap) {
        int cap = p->cap ? p->cap * 2 : 8;
        MemFile *grown = realloc(p->files, sizeof *grown * (size_t)cap);
        if (!grown)
            abort();
        p->files = grown;
        p->cap = cap;
    }
    p->files[p->n].path = strdup(path);
    p->files[p->n].data = data;
    p->files[p->n].len = len;
    p->n++;
}

static const MemFile *mem_get(const MemPack *p, const char *path)
{
    for (int i = 0; i < p->n; i++)
        if (strcmp(p->files[i].path, path) == 0)
            return &p->files[i];
    return NULL;
}

static void mem_free(MemPack *p)
{
    for (int i = 0; i < p->n; i++) {
        free(p->files[i].path);
        free(p->files[i].data);
    }
    free(p->files);
    p->files = NULL;
    p->n = p->cap = 0;
}

/* The packs of one run: source 0 is the base pack. */
typedef struct {
    const MemPack *packs[1 + MAX_USER_PACKS];
    int n;
} PackSet;

static char *io_read(void *ctx, int source, const char *path, size_t max, size_t *len, char *err, size_t errsize)
{
    const PackSet *set = ctx;
    const MemFile *f = source >= 0 && source < set->n ? mem_get(set->packs[source], path) : NULL;
    if (!f) {
        snprintf(err, errsize, "%s: no such file", path);
        return NULL;
    }
    if (f->len > max) {
        snprintf(err, errsize, "%s is larger than %zu bytes", path, max);
        return NULL;
    }
    char *out = malloc(f->len + 1);
    if (!out)
        abort();
    memcpy(out, f->data, f->len);
    out[f->len] = '\0';
    *len = f->len;
    return out;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static int io_list(void *ctx, int source, const char *dir, char ***names)
{
    const PackSet *set = ctx;
    *names = NULL;
    if (source < 0 || source >= set->n)
        return 0;
    const MemPack *p = set->packs[source];
    size_t dl = strlen(dir);
    int n = 0;
    for (int i = 0; i < p->n; i++) {
        const char *path = p->files[i].path;
        if (strncmp(path, dir, dl) != 0 || path[dl] != '/' || !path[dl + 1] || strchr(path + dl + 1, '/'))
            continue;
        char **grown = realloc(*names, sizeof **names * (size_t)(n + 1));
        if (!grown)
            abort();
        *names = grown;
        (*names)[n++] = strdup(path + dl + 1);
    }
    if (n)
        qsort(*names, (size_t)n, sizeof **names, cmp_str);
    return n;
}

/* ---- the base pack, read once ---------------------------------------------- */

static MemPack base_pack;

static void read_base_dir(const char *root, const char *sub)
{
    char dirpath[2048];
    snprintf(dirpath, sizeof dirpath, "%s%s%s", root, *sub ? "/" : "", sub);
    DIR *d = opendir(dirpath);
    if (!d)
        return;
    for (struct dirent *e; (e = readdir(d));) {
        if (e->d_name[0] == '.' || !strchr(e->d_name, '.')) /* folders have no dot */
            continue;
        char path[600], full[2700];
        snprintf(path, sizeof path, "%s%s%s", sub, *sub ? "/" : "", e->d_name);
        snprintf(full, sizeof full, "%s/%s", root, path);
        FILE *f = fopen(full, "rb");
        if (!f)
            continue;
        /* Sounds are only listed by the library, never read: keep their names. */
        size_t l = strlen(e->d_name);
        bool text = l > 5 && strcmp(e->d_name + l - 5, ".yaml") == 0;
        Buf b = {0};
        buf_add(&b, "", 0);
        char chunk[4096];
        for (size_t got; text && (got = fread(chunk, 1, sizeof chunk, f)) > 0;)
            buf_add(&b, chunk, got);
        fclose(f);
        mem_put(&base_pack, path, b.s, b.len);
    }
    closedir(d);
}

/* The library's definition of a cue or place, by id. */
static const CueDef *lib_cue(const Library *lib, const char *name)
{
    return lexicon_find(&lib->lex, name);
}

static const PlaceDef *lib_place(const Library *lib, const char *id)
{
    return places_find(&lib->places, id);
}

/* The pack that first defined a cue or place: it decides who may use it. */
static const char *cue_origin(const Library *lib, const char *name)
{
    const RegEntry *e = registry_find(&lib->lex.reg, name);
    return e ? e->origin_id : NULL;
}

static const char *place_origin(const Library *lib, const char *id)
{
    const RegEntry *e = registry_find(&lib->places.reg, id);
    return e ? e->origin_id : NULL;
}

/* ---- fingerprints of base scenes ---------------------------------------- */

static void print_cue(Buf *b, const SceneCue *c)
{
    const CueDef *d = c->def;
    buf_printf(b, "  cue %s: channel=%d attack=%g release=%g caption=%s text=%d sound=%s targets=",
               d ? d->name : "(none)", d ? (int)d->channel : -1, d ? d->attack : 0.0,
               d ? d->release : 0.0, d && d->caption ? d->caption : "-", d ? (int)d->text : -1,
               d && d->sound ? d->sound : "-");
    for (int t = 0; d && t < d->ntargets; t++)
        buf_printf(b, "%d:%g,", (int)d->targets[t].param, d->targets[t].value);
    buf_printf(b, " amount=%g ticks=%d/%d/%d/%d incongruent=%d line=%d\n", c->amount, c->start, c->peak,
               c->relax, c->end, c->incongruent, c->line);
}

/* What a scene shows: its own text and timing, the definitions its cues
 * resolved to, its look and its place as the library holds them. */
static char *fingerprint(const Library *lib, const Scene *s)
{
    Buf b = {0};
    buf_printf(&b, "scene %s file=%s title=%s lines=%d cues=%d answers=%d length=%d incongruent=%d\n", s->id,
               s->file, s->title ? s->title : "-", s->nlines, s->ncues, s->nanswers, s->length,
               s->nincongruent);
    const Look *k = &s->look;
    buf_printf(&b, "look skin=%06x hair=%06x iris=%06x top=%06x accent=%06x lips=%06x style=%d age=%d beard=%d "
               "top_style=%d glasses=%d wheelchair=%d hearing_aid=%d body=%g/%g/%g/%g\n",
               (unsigned)k->skin, (unsigned)k->hair, (unsigned)k->iris, (unsigned)k->top, (unsigned)k->accent,
               (unsigned)k->lips, (int)k->hair_style, (int)k->age, (int)k->beard, (int)k->top_style, k->glasses,
               k->wheelchair, k->hearing_aid, k->body.height, k->body.build, k->body.head, k->body.phase);
    const PlaceDef *p = s->place ? lib_place(lib, s->place) : NULL;
    buf_printf(&b, "place %s resolves=%d", s->place ? s->place : "-", p != NULL);
    if (p)
        buf_printf(&b, " describe=%s ambience=%s table_y=%g shapes=%d/%d/%d", p->describe ? p->describe : "-",
                   p->ambience ? p->ambience : "-", p->table_y, p->nshapes[0], p->nshapes[1], p->nshapes[2]);
    buf_cat(&b, "\n");
    for (int i = 0; i < s->nlines; i++)
        buf_printf(&b, "line %d: %s %d/%d/%d\n", i, s->lines[i].text, s->lines[i].start, s->lines[i].typed,
                   s->lines[i].end);
    for (int i = 0; i < s->ncues; i++)
        print_cue(&b, &s->cues[i]);
    for (int a = 0; a < s->nanswers; a++) {
        const SceneAnswer *an = &s->answers[a];
        buf_printf(&b, "answer %d: kind=%d quality=%d next=%s length=%d\n", a, (int)an->kind, (int)an->quality,
                   an->next ? an->next : "-", an->length);
        for (int i = 0; i < an->ncues; i++)
            print_cue(&b, &an->cues[i]);
    }
    return b.s;
}

/* Every id a base scene depends on, as the base pack alone loads it. */
typedef struct {
    char *id, *look, *place;
    char **cues;
    int ncues;
    char *print;
} BaseScene;

static BaseScene base_scenes[LIBRARY_MAX_SCENES_PER_PACK];
static int nbase_scenes;

static void add_name(BaseScene *b, const char *name)
{
    for (int i = 0; i < b->ncues; i++)
        if (strcmp(b->cues[i], name) == 0)
            return;
    char **grown = realloc(b->cues, sizeof *b->cues * (size_t)(b->ncues + 1));
    if (!grown)
        abort();
    b->cues = grown;
    b->cues[b->ncues++] = strdup(name);
}

/* The look id a scene file names (character: look: ID), or NULL. */
static char *named_look(const char *file)
{
    const char *slash = strstr(file, "scenes/");
    const MemFile *f = slash ? mem_get(&base_pack, slash) : NULL;
    if (!f)
        return NULL;
    DiagList d = {0};
    YDoc y;
    char *id = NULL;
    if (ydoc_load(&y, "scene", f->data, f->len, &d)) {
        yaml_node_t *root = ydoc_root(&y), *ch, *lk;
        if (root && root->type == YAML_MAPPING_NODE && (ch = ymap_get(&y, root, "character")) &&
            ch->type == YAML_MAPPING_NODE && (lk = ymap_get(&y, ch, "look")) && lk->type == YAML_SCALAR_NODE)
            id = strdup((const char *)lk->data.scalar.value);
    }
    ydoc_free(&y);
    diag_free(&d);
    return id;
}

static void print_diags(const Library *lib, int nsources);

/* The library being checked, for the report of a broken rule. */
static const Library *checked;
static int checked_sources;

static void die(const char *fmt, ...) __attribute__((format(printf, 1, 2), noreturn));
static void die(const char *fmt, ...)
{
    if (checked)
        print_diags(checked, checked_sources);
    fputs("fuzz_packs: ", stderr);
    va_list ap;
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    abort();
}

static void print_diags(const Library *lib, int nsources)
{
    for (int i = 0; i < nsources; i++) {
        const PackInfo *p = library_pack_of_source(lib, i);
        if (!p)
            continue;
        static char out[16384];
        diag_format_all(&p->diags, out, sizeof out);
        fprintf(stderr, "-- source %d %s (%s), id %s:\n%s", i, p->name, library_state_name(p->state),
                p->has_manifest && p->manifest.id ? p->manifest.id : "-", out);
    }
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    const char *src = getenv("UNSAID_DATA_DIR");
    char root[1024];
    snprintf(root, sizeof root, "%s/levels/base", src && *src ? src : UNSAID_SOURCE_DIR);
    read_base_dir(root, "");
    read_base_dir(root, "looks");
    read_base_dir(root, "places");
    read_base_dir(root, "scenes");
    read_base_dir(root, "sounds");
    if (!mem_get(&base_pack, "pack.yaml"))
        die("no base pack at %s (set UNSAID_DATA_DIR to the source tree)", root);
    PackSet set = {{&base_pack}, 1};
    PackSource src0 = {"levels/base", false, true, false, NULL};
    PackIO io = {io_read, io_list, &set};
    static Library lib;
    if (!library_load(&lib, &src0, 1, &io, GAME_VERSION)) {
        print_diags(&lib, 1);
        die("the base pack alone does not load");
    }
    for (int i = 0; i < library_scene_count(&lib) && nbase_scenes < LIBRARY_MAX_SCENES_PER_PACK; i++) {
        const Scene *s = library_scene_at(&lib, i);
        BaseScene *b = &base_scenes[nbase_scenes++];
        b->id = strdup(s->id);
        b->place = s->place ? strdup(s->place) : NULL;
        b->look = named_look(s->file);
        for (int c = 0; c < s->ncues; c++)
            add_name(b, s->cues[c].def->name);
        for (int a = 0; a < s->nanswers; a++)
            for (int c = 0; c < s->answers[a].ncues; c++)
                add_name(b, s->answers[a].cues[c].def->name);
        b->print = fingerprint(&lib, s);
    }
    library_free(&lib);
    if (nbase_scenes == 0)
        die("the base pack has no scenes");
    return 0;
}

/* ---- reading the input ------------------------------------------------------ */

typedef struct {
    const uint8_t *p;
    size_t n;
} In;

static unsigned take(In *in)
{
    if (!in->n)
        return 0;
    in->n--;
    return *in->p++;
}

/* A literal: a length byte (0xFF: two more bytes, little-endian) and that
 * many bytes, cut short where the input ends. */
static size_t literal(In *in, const uint8_t **bytes)
{
    size_t len = take(in);
    if (len == 0xFF) {
        len = take(in);
        len |= (size_t)take(in) << 8;
    }
    if (len > in->n)
        len = in->n;
    *bytes = in->p;
    in->p += len;
    in->n -= len;
    return len;
}

#define OMIT NULL /* in a list of choices: leave the key out */
#define COUNT(a) ((int)(sizeof(a) / sizeof((a)[0])))
#define LIT_QUOTED 0xE0 /* 0xE0..0xEF: a literal inside double quotes */
#define LIT_RAW 0xF0    /* 0xF0..0xFF: a literal as it is */

/* A choice from `pool` (n entries), or a literal. Returns the text to write
 * (NULL: leave the key out); literals are built in *scratch. */
static const char *value(In *in, const char *const *pool, int n, Buf *scratch)
{
    unsigned t = take(in);
    if (t < LIT_QUOTED)
        return pool[t % (unsigned)n];
    const uint8_t *bytes;
    size_t len = literal(in, &bytes);
    scratch->len = 0;
    buf_add(scratch, "", 0);
    if (t >= LIT_RAW) {
        buf_add(scratch, (const char *)bytes, len);
        return scratch->s;
    }
    buf_cat(scratch, "\"");
    for (size_t i = 0; i < len; i++) {
        unsigned char c = bytes[i];
        if (c == '"' || c == '\\')
            buf_printf(scratch, "\\%c", c);
        else if (c < 0x20)
            buf_printf(scratch, "\\x%02x", c);
        else
            buf_add(scratch, (const char *)&c, 1);
    }
    buf_cat(scratch, "\"");
    return scratch->s;
}

#define VALUE(in, pool, scratch) value(in, pool, COUNT(pool), scratch)

/* ---- the choices ----------------------------------------------------------
 * The first entry of each list is the plain, valid one. */

static const char *const pack_ids[] = {"alpha", "beta", "gamma", "delta", "epsilon", "zeta", "base",
                                       "twin", "X", "ab", "school-life", "\"\"", "[alpha]", OMIT};
static const char *const versions[] = {"1.0.0", "2.0.0", "0.1.0", "1.5.0", "\"1.0\"", "1.0.0-pre", "banana",
                                       "[1]", OMIT};
static const char *const ranges[] = {"\"*\"", "\">=1.0.0\"", "\"^1.0.0\"", "\"~2.0.0\"", "\"<1.0.0\"",
                                     "\"=1.0.0\"", "1.0.0", "\">=1.0.0 <2.0.0\"", "\"^2.0.0\"", "\">=9.0.0\"",
                                     "\"one\"", "\"\"", OMIT};
static const char *const games[] = {"\">=0.1.0\"", "\"*\"", "\"^0.1.0\"", "\"~0.1.0\"", "\">=9.0.0\"",
                                    "\"<0.1.0\"", "\"x\"", "[1]", OMIT};
static const char *const titles[] = {"\"A pack\"", "\"\"", "[a, b]", "\"Caf\xc3\xa9\"", "\"\xff\"", OMIT};
static const char *const formats[] = {"1", "2", "0", "1.5", "\"one\"", OMIT};
static const char *const authorses[] = {"[A. Teacher]", "[]", "A. Teacher", "[[a]]", OMIT};
static const char *const licenses[] = {"CC0-1.0", "CC-BY-4.0", "\"my own licence\"", "\"\"", OMIT};
static const char *const languages[] = {"en", "fr", "pt-BR", "english", "e", OMIT};
static const char *const descriptions[] = {OMIT, "\"Some scenes.\"", "[x]"};

/* Content ids: the base pack's, new ones, and typos of both. The lists
 * for defining something start with a new id, the lists for naming
 * something with one the base pack defines. */
static const char *const cue_defs[] = {"fuzz_cue", "sigh", "slump", "gaze_down", "smile_small", "nod",
                                       "shoulders_drop", "wring_hands", "eyes_wet", "smile_polite", "lip_press",
                                       "touch_neck", "nervous_laugh", "other_cue", "tears", "Bad Cue"};
static const char *const cue_refs[] = {"slump", "fuzz_cue", "sigh", "gaze_down", "smile_small", "nod",
                                       "shoulders_drop", "wring_hands", "eyes_wet", "smile_polite", "lip_press",
                                       "touch_neck", "nervous_laugh", "other_cue", "tears", "slumped",
                                       "wring_handz"};
static const char *const look_defs[] = {"jo", "noor", "priya", "tomas", "kenji", "lee", "Jo!"};
static const char *const look_refs[] = {"noor", "jo", "priya", "tomas", "kenji", "rosa", "david", "lee",
                                        "nobody"};
static const char *const place_defs[] = {"gym", "kitchen_night", "office", "park_bench", "street", "Gym!"};
static const char *const place_refs[] = {"kitchen_night", "gym", "office", "park_bench", "classroom",
                                         "hospital_corridor", "support_group", "street", "kitchen_nite"};
static const char *const scene_defs[] = {"bad_mark", "after_mark", "im_fine", "first_look", "a_one", "b_two",
                                         "Bad Mark"};
static const char *const scene_refs[] = {"im_fine", "bad_mark", "after_mark", "first_look", "good_for_her",
                                         "the_number_nine", "ninety_days", "every_evening", "a_one", "b_two",
                                         "no_such_scene"};
static const char *const string_keys[] = {"title.play", "title.quit", "title.jump", "hud.flags",
                                          "intro.begin", "strings"};
static const char *const chapter_ids[] = {"one", "two", "first_steps", "\"\""};

static const char *const channels[] = {"voice", "face", "gaze", "head", "posture", "hands", "distance",
                                       "bogus", "[voice]"};
static const char *const params[] = {"breath_depth", "slump", "gaze_y", "au12_lip_corner_pull", "hands_wring",
                                     "tears", "head_drop", "bogus_param"};
static const char *const numbers[] = {"1.0", "0.5", "0", "-1", "2", "\"x\"", ".nan", "1e308", "[1]"};
static const char *const sounds[] = {"sigh", "gasp", "rain", "Sigh.ogg", "\"../../secret\"", "[groan, moan]",
                                     "office"};
static const char *const text_styles[] = {"quiet", "plain", "flat", "tremble", "loud", "shout"};
static const char *const texts[] = {"\"I'm fine.\"", "\"It was nothing, honestly.\"", "\"\"",
                                    "\"Really {mark}nothing at all.\"", "[a]", "{x: 1}",
                                    "\"\xc3\xa9t\xc3\xa9\"", "\"\xc3\"", OMIT};
static const char *const starts[] = {"0.2", "0.0", "1.0", "-0.5", "3", "hold", "\"x\"", "mark", "[0]"};
static const char *const ends[] = {"2.5", "hold", "1.0", "0.1", "-1", "99", "\"x\"", OMIT};
static const char *const amounts[] = {"strong", "subtle", "clear", "0.5", "7", "loud"};
static const char *const kinds[] = {"empathic", "dismissive", "compassionate", "boundary", "sympathy",
                                    "fixing", "self_focused", "bogus"};
static const char *const qualities[] = {"best", "poor", "good", "bogus"};
static const char *const colours[] = {"\"#a86b4c\"", "\"#ffcc99\"", "\"#12345\"", "red", "[1, 2, 3]"};
static const char *const hair_styles[] = {"short", "long", "bun", "curly", "bald", "mohawk"};
static const char *const ages[] = {"adult", "child", "teen", "elder", "42", "200", "old"};
static const char *const bools[] = {"true", "false", "maybe"};
static const char *const shapes[] = {
    "{ shape: gradient, rect: [0, 0, 1280, 720], top: \"#3a4250\", bottom: \"#22262e\" }",
    "{ shape: rect, rect: [10, 10, 300, 200], color: \"#556677\" }",
    "{ shape: ellipse, at: [640, 300], radius: [40, 20], color: \"#ffffff\" }",
    "{ shape: glow, at: [640, 300], radius: 200, color: \"#ffeecc\" }",
    "{ shape: line, points: [[0, 0], [100, 100]], width: 3, color: \"#000000\" }",
    "{ shape: circle, at: [100, 100], radius: 20, color: \"#ffffff\" }",
    "{ shape: rect, rect: [10, 10, 300], color: \"#556677\" }",
    "{ shape: line, points: [[0, 0]], color: \"#000000\" }",
    "[]",
};
static const char *const scene_files[] = {"scenes/a_scene.yaml", "scenes/b_scene.yaml", "scenes/c_scene.yaml",
                                          "scenes/im_fine.yaml", "scenes/notes.txt", "scenes/.yaml"};
static const char *const look_files[] = {"looks/jo.yaml", "looks/noor.yaml", "looks/lee.yaml", "looks/x.yml"};
static const char *const place_files[] = {"places/gym.yaml", "places/kitchen_night.yaml", "places/street.yaml",
                                          "places/x.txt"};
static const char *const raw_paths[] = {"pack.yaml", "lexicon.yaml", "strings.yaml", "scenes/raw.yaml",
                                        "looks/raw.yaml", "places/raw.yaml", "sounds/raw.ogg",
                                        "scenes/deep/raw.yaml"};
static const char *const raw_files[] = {"", "cues: {}\n", "[", "id: x\n", "strings: []\n", "\xef\xbb\xbfid: a\n",
                                        "a: &x 1\nb: *x\n", "%YAML 1.1\n---\nid: y\n...\n---\nid: z\n"};
static const char *const junk[] = {"auther: me\n", "id: again\n", "  - [\n", "\t\n", "overrides: [sigh]\n",
                                   "a: &x 1\nb: *x\n", "\xff\xfe\n", "cues:\n", "  sigh: {}\n", "  x: 1\n",
                                   "---\n", "? [a]\n: b\n"};

/* ---- building packs --------------------------------------------------------- */

enum {
    OP_PACK,     /* flags: a new user pack */
    OP_FIELD,    /* field, value: a pack.yaml field */
    OP_DEP,      /* kind, form, id [, range]: a dependency */
    OP_OVERRIDE, /* kind, id: an id under overrides: */
    OP_CHAPTER,  /* id, count, scene ids: a chapter */
    OP_CUE,      /* a cue in lexicon.yaml */
    OP_LOOK,     /* a file in looks/ */
    OP_PLACE,    /* a file in places/ */
    OP_STRING,   /* key, text: a line of strings.yaml */
    OP_SCENE,    /* a file in scenes/ */
    OP_RAW,      /* path, text: a whole file as it is */
    OP_JUNK,     /* file, text: lines added to the end of a file */
    OP_COUNT
};

/* A new pack's flags. Each needs all of its bits, so that most bytes make a
 * plain folder and a pack set aside before it is read stays rare. */
enum { PACK_ZIP = 0x01, PACK_OFF = 0x06, PACK_NO_MANIFEST = 0x18, PACK_REFUSED = 0xE0 };
#define HAS(flags, flag) (((flags) & (flag)) == (flag))

enum { F_ID, F_TITLE, F_VERSION, F_FORMAT, F_GAME, F_AUTHORS, F_LICENSE, F_LANGUAGE, F_DESCRIPTION, F_COUNT };
static const char *const field_keys[F_COUNT] = {"id", "title", "version", "format", "game",
                                                "authors", "license", "language", "description"};

typedef struct {
    unsigned flags;
    char *field[F_COUNT];
    bool field_set[F_COUNT];
    Buf deps[3]; /* required, optional, incompatible: list items */
    Buf overrides, chapters, cues, strings;
    Buf tail[3]; /* junk after pack.yaml, lexicon.yaml, strings.yaml */
    char last_scene[64];
    MemPack mem;
    char name[32];
} GenPack;

typedef struct {
    GenPack packs[MAX_USER_PACKS];
    int n;
    Buf scratch;
} Gen;

static GenPack *current(Gen *g)
{
    if (g->n == 0)
        g->n = 1;
    g->packs[g->n - 1].mem.max = MAX_FILES;
    return &g->packs[g->n - 1];
}

static void set_field(GenPack *p, int f, const char *v)
{
    free(p->field[f]);
    p->field[f] = v ? strdup(v) : NULL;
    p->field_set[f] = true;
}

static void op_dep(Gen *g, In *in)
{
    GenPack *p = current(g);
    int kind = (int)(take(in) % 3);
    unsigned form = take(in);
    const char *id = VALUE(in, pack_ids, &g->scratch);
    Buf *b = &p->deps[kind];
    if (form & 1) {
        buf_printf(b, "    - { id: %s", id ? id : "\"\"");
        const char *r = VALUE(in, ranges, &g->scratch);
        if (r)
            buf_printf(b, ", version: %s", r);
        buf_cat(b, " }\n");
    } else {
        buf_printf(b, "    - %s\n", id ? id : "\"\"");
    }
}

static void op_override(Gen *g, In *in)
{
    static const char *const *const lists[] = {cue_refs, look_refs, place_refs, scene_refs, string_keys};
    static const int sizes[] = {COUNT(cue_refs), COUNT(look_refs), COUNT(place_refs), COUNT(scene_refs),
                                COUNT(string_keys)};
    int kind = (int)(take(in) % 5);
    const char *id = value(in, lists[kind], sizes[kind], &g->scratch);
    buf_printf(&current(g)->overrides, "  - %s\n", id ? id : "\"\"");
}

static void op_chapter(Gen *g, In *in)
{
    Buf *b = &current(g)->chapters;
    const char *id = VALUE(in, chapter_ids, &g->scratch);
    buf_printf(b, "  - id: %s\n    title: \"A chapter\"\n    scenes:\n", id ? id : "one");
    int n = 1 + (int)(take(in) % 3);
    for (int i = 0; i < n; i++) {
        const char *s = VALUE(in, scene_refs, &g->scratch);
        buf_printf(b, "      - %s\n", s ? s : "\"\"");
    }
}

static void key_value(Buf *b, const char *indent, const char *key, const char *v)
{
    if (v)
        buf_printf(b, "%s%s: %s\n", indent, key, v);
}

static void op_cue(Gen *g, In *in)
{
    Buf *b = &current(g)->cues, *s = &g->scratch;
    const char *name = VALUE(in, cue_defs, s);
    buf_printf(b, "  %s:\n", name ? name : "\"\"");
    unsigned f = take(in);
    if (!(f & 0x80))
        key_value(b, "    ", "channel", VALUE(in, channels, s));
    if (!(f & 0x40)) {
        int n = (int)(take(in) % 3);
        buf_cat(b, "    targets: {");
        for (int i = 0; i < n; i++) {
            buf_printf(b, "%s %s: ", i ? "," : "", params[take(in) % COUNT(params)]);
            const char *v = VALUE(in, numbers, s);
            buf_cat(b, v ? v : "1");
        }
        buf_cat(b, " }\n");
    }
    if (f & 0x01)
        key_value(b, "    ", "caption", VALUE(in, texts, s));
    if (f & 0x02)
        key_value(b, "    ", "sound", VALUE(in, sounds, s));
    if (f & 0x04)
        key_value(b, "    ", "attack", VALUE(in, numbers, s));
    if (f & 0x08)
        key_value(b, "    ", "text", VALUE(in, text_styles, s));
    if (f & 0x10)
        key_value(b, "    ", "describe", VALUE(in, texts, s));
    if (f & 0x20)
        key_value(b, "    ", "release", VALUE(in, numbers, s));
}

static char *take_buf(Buf *b)
{
    char *s = b->s ? b->s : strdup("");
    b->s = NULL;
    b->len = b->cap = 0;
    return s;
}

static void put_buf(GenPack *p, const char *path, Buf *b)
{
    size_t len = b->len;
    mem_put(&p->mem, path, take_buf(b), len);
}

static void op_look(Gen *g, In *in)
{
    GenPack *p = current(g);
    Buf b = {0}, *s = &g->scratch;
    const char *path = look_files[take(in) % COUNT(look_files)];
    unsigned f = take(in);
    if (!(f & 0x40))
        key_value(&b, "", "id", VALUE(in, look_defs, s));
    if (f & 0x01)
        key_value(&b, "", "skin", VALUE(in, colours, s));
    if (f & 0x02)
        key_value(&b, "", "hair_style", VALUE(in, hair_styles, s));
    if (f & 0x04)
        key_value(&b, "", "describe", VALUE(in, texts, s));
    if (f & 0x08)
        key_value(&b, "", "age", VALUE(in, ages, s));
    if (f & 0x10)
        key_value(&b, "", "glasses", VALUE(in, bools, s));
    if (f & 0x20)
        buf_cat(&b, "hat: red\n");
    if (f & 0x80)
        key_value(&b, "", "hair", VALUE(in, colours, s));
    put_buf(p, path, &b);
}

static void op_place(Gen *g, In *in)
{
    GenPack *p = current(g);
    Buf b = {0}, *s = &g->scratch;
    const char *path = place_files[take(in) % COUNT(place_files)];
    unsigned f = take(in);
    if (!(f & 0x20))
        key_value(&b, "", "id", VALUE(in, place_defs, s));
    if (f & 0x01)
        key_value(&b, "", "describe", VALUE(in, texts, s));
    if (f & 0x02)
        key_value(&b, "", "ambience", VALUE(in, sounds, s));
    if (f & 0x04)
        key_value(&b, "", "table_y", VALUE(in, numbers, s));
    for (int layer = 0; layer < 2; layer++) {
        if (layer == 0 ? (f & 0x08) != 0 : (f & 0x10) == 0)
            continue;
        buf_cat(&b, layer == 0 ? "back:\n" : "life:\n");
        int n = 1 + (int)(take(in) % 3);
        for (int i = 0; i < n; i++)
            buf_printf(&b, "  - %s\n", shapes[take(in) % COUNT(shapes)]);
    }
    put_buf(p, path, &b);
}

static void op_string(Gen *g, In *in)
{
    Buf *b = &current(g)->strings;
    const char *key = VALUE(in, string_keys, &g->scratch);
    buf_printf(b, "  %s: ", key ? key : "\"\"");
    const char *text = VALUE(in, texts, &g->scratch);
    buf_printf(b, "%s\n", text ? text : "\"\"");
}

/* One cue of a line or a reply, in flow style. */
static void scene_cue(Buf *b, In *in, Buf *s, const char *indent)
{
    unsigned f = take(in);
    const char *v = VALUE(in, cue_refs, s);
    buf_printf(b, "%s- { cue: %s", indent, v ? v : "\"\"");
    v = VALUE(in, starts, s);
    if (v)
        buf_printf(b, ", start: %s", v);
    if (!(f & 0x04) && (v = VALUE(in, ends, s)))
        buf_printf(b, ", end: %s", v);
    if (f & 0x02)
        buf_printf(b, ", amount: %s", amounts[take(in) % COUNT(amounts)]);
    if (!(f & 0x01))
        buf_cat(b, ", incongruent: true, means: \"More than the words say.\"");
    buf_cat(b, " }\n");
}

static void op_scene(Gen *g, In *in)
{
    GenPack *p = current(g);
    Buf b = {0}, *s = &g->scratch;
    const char *path = scene_files[take(in) % COUNT(scene_files)];
    unsigned f = take(in);
    const char *v = VALUE(in, scene_defs, s);
    key_value(&b, "", "id", v);
    buf_cat(&b, "title: \"A scene\"\n");
    if (!(f & 0x20))
        key_value(&b, "", "place", VALUE(in, place_refs, s));
    buf_cat(&b, "context: \"After class, Jo looks at a test paper.\"\n");
    buf_cat(&b, "character: { name: Jo");
    if (f & 0x04)
        buf_printf(&b, ", look: { skin: %s, hair_style: curly }", colours[take(in) % COUNT(colours)]);
    else if (!(f & 0x02) && (v = VALUE(in, look_refs, s)))
        buf_printf(&b, ", look: %s", v);
    buf_cat(&b, " }\n");
    if (f & 0x10)
        key_value(&b, "", "question", VALUE(in, texts, s));
    if (f & 0x08)
        buf_cat(&b, "catch: true\n");
    buf_cat(&b, "lines:\n");
    int nlines = 1 + (int)(f >> 6);
    for (int l = 0; l < nlines; l++) {
        v = VALUE(in, texts, s);
        buf_printf(&b, "  - id: line%d\n    text: %s\n", l, v ? v : "\"\"");
        int ncues = (int)((1 + take(in)) % 4);
        if (ncues)
            buf_cat(&b, "    cues:\n");
        for (int c = 0; c < ncues; c++)
            scene_cue(&b, in, s, "      ");
    }
    static const int answer_counts[] = {2, 3, 4, 1, 5, 6, 0};
    int nanswers = answer_counts[take(in) % COUNT(answer_counts)];
    buf_cat(&b, "answers:\n");
    for (int a = 0; a < nanswers; a++) {
        unsigned af = take(in);
        v = VALUE(in, texts, s);
        buf_printf(&b, "  - text: %s\n", v ? v : "\"\"");
        buf_printf(&b, "    kind: %s\n", kinds[(take(in) + (a ? 1u : 0u)) % COUNT(kinds)]);
        buf_printf(&b, "    quality: %s\n", qualities[(take(in) + (a ? 1u : 0u)) % COUNT(qualities)]);
        buf_cat(&b, "    why: \"Because.\"\n");
        if (af & 0x01)
            key_value(&b, "    ", "next", VALUE(in, scene_refs, s));
        if (af & 0x02)
            key_value(&b, "    ", "requires", VALUE(in, cue_refs, s));
        if (af & 0x04) {
            key_value(&b, "    ", "reply", VALUE(in, texts, s));
            int n = 1 + (int)(take(in) % 2);
            buf_cat(&b, "    cues:\n");
            for (int c = 0; c < n; c++)
                scene_cue(&b, in, s, "      ");
        }
    }
    snprintf(p->last_scene, sizeof p->last_scene, "%s", path);
    put_buf(p, path, &b);
}

static void op_raw(Gen *g, In *in)
{
    GenPack *p = current(g);
    Buf path = {0};
    const char *v = VALUE(in, raw_paths, &g->scratch);
    buf_cat(&path, v ? v : "");
    v = VALUE(in, raw_files, &g->scratch);
    /* A literal may hold NUL bytes: copy by length, not as a string. */
    size_t len = v == g->scratch.s ? g->scratch.len : strlen(v ? v : "");
    char *data = malloc(len + 1);
    if (!data)
        abort();
    memcpy(data, v ? v : "", len);
    data[len] = '\0';
    mem_put(&p->mem, path.s, data, len);
    free(path.s);
}

static void op_junk(Gen *g, In *in)
{
    GenPack *p = current(g);
    int where = (int)(take(in) % 4);
    const char *v = VALUE(in, junk, &g->scratch);
    size_t len = v == g->scratch.s ? g->scratch.len : strlen(v ? v : "");
    if (where < 3) {
        buf_add(&p->tail[where], v ? v : "", len);
        return;
    }
    const MemFile *f = p->last_scene[0] ? mem_get(&p->mem, p->last_scene) : NULL;
    if (!f)
        return;
    char *data = malloc(f->len + len + 1);
    if (!data)
        abort();
    memcpy(data, f->data, f->len);
    memcpy(data + f->len, v ? v : "", len);
    data[f->len + len] = '\0';
    mem_put(&p->mem, p->last_scene, data, f->len + len);
}

/* pack.yaml, lexicon.yaml and strings.yaml from what the records gave,
 * unless a raw record wrote the file. */
static void finish_pack(GenPack *p, int index)
{
    static const char *const defaults[F_COUNT] = {NULL, "\"A pack\"", "1.0.0", "1", "\">=0.1.0\"",
                                                  "[A. Teacher]", "CC0-1.0", "en", NULL};
    if (!HAS(p->flags, PACK_NO_MANIFEST) && !mem_get(&p->mem, "pack.yaml")) {
        Buf b = {0};
        for (int f = 0; f < F_COUNT; f++) {
            const char *v = p->field_set[f] ? p->field[f] : f == F_ID ? pack_ids[index] : defaults[f];
            key_value(&b, "", field_keys[f], v);
        }
        static const char *const dep_keys[3] = {"required", "optional", "incompatible"};
        if (p->deps[0].len || p->deps[1].len || p->deps[2].len) {
            buf_cat(&b, "dependencies:\n");
            for (int k = 0; k < 3; k++)
                if (p->deps[k].len) {
                    buf_printf(&b, "  %s:\n", dep_keys[k]);
                    buf_add(&b, p->deps[k].s, p->deps[k].len);
                }
        }
        if (p->overrides.len) {
            buf_cat(&b, "overrides:\n");
            buf_add(&b, p->overrides.s, p->overrides.len);
        }
        if (p->chapters.len) {
            buf_cat(&b, "chapters:\n");
            buf_add(&b, p->chapters.s, p->chapters.len);
        }
        buf_add(&b, p->tail[0].s ? p->tail[0].s : "", p->tail[0].len);
        put_buf(p, "pack.yaml", &b);
    }
    for (int k = 1; k < 3; k++) {
        Buf *body = k == 1 ? &p->cues : &p->strings;
        const char *path = k == 1 ? "lexicon.yaml" : "strings.yaml";
        if ((!body->len && !p->tail[k].len) || mem_get(&p->mem, path))
            continue;
        Buf b = {0};
        buf_cat(&b, k == 1 ? "cues:\n" : "strings:\n");
        buf_add(&b, body->s ? body->s : "", body->len);
        buf_add(&b, p->tail[k].s ? p->tail[k].s : "", p->tail[k].len);
        put_buf(p, path, &b);
    }
}

static void gen_free(Gen *g)
{
    for (int i = 0; i < MAX_USER_PACKS; i++) {
        GenPack *p = &g->packs[i];
        for (int f = 0; f < F_COUNT; f++)
            free(p->field[f]);
        for (int k = 0; k < 3; k++) {
            free(p->deps[k].s);
            free(p->tail[k].s);
        }
        free(p->overrides.s);
        free(p->chapters.s);
        free(p->cues.s);
        free(p->strings.s);
        mem_free(&p->mem);
    }
    free(g->scratch.s);
}

static void build(Gen *g, In *in)
{
    while (in->n) {
        int op = (int)(take(in) % OP_COUNT);
        switch (op) {
        case OP_PACK:
            if (g->n < MAX_USER_PACKS)
                g->n++;
            current(g)->flags = take(in);
            break;
        case OP_FIELD: {
            static const char *const *const pools[F_COUNT] = {pack_ids, titles, versions, formats, games,
                                                              authorses, licenses, languages, descriptions};
            static const int sizes[F_COUNT] = {COUNT(pack_ids), COUNT(titles), COUNT(versions),
                                               COUNT(formats), COUNT(games), COUNT(authorses),
                                               COUNT(licenses), COUNT(languages), COUNT(descriptions)};
            int f = (int)(take(in) % F_COUNT);
            set_field(current(g), f, value(in, pools[f], sizes[f], &g->scratch));
            break;
        }
        case OP_DEP: op_dep(g, in); break;
        case OP_OVERRIDE: op_override(g, in); break;
        case OP_CHAPTER: op_chapter(g, in); break;
        case OP_CUE: op_cue(g, in); break;
        case OP_LOOK: op_look(g, in); break;
        case OP_PLACE: op_place(g, in); break;
        case OP_STRING: op_string(g, in); break;
        case OP_SCENE: op_scene(g, in); break;
        case OP_RAW: op_raw(g, in); break;
        case OP_JUNK: op_junk(g, in); break;
        }
    }
    if (g->n == 0)
        g->n = 1;
    for (int i = 0; i < g->n; i++) {
        GenPack *p = &g->packs[i];
        finish_pack(p, i);
        snprintf(p->name, sizeof p->name, "packs/user%d%s", i + 1, HAS(p->flags, PACK_ZIP) ? ".zip" : "");
    }
}

/* ---- the rules ---------------------------------------------------------------- */

static bool listed(const char *const *ids, int n, const char *id)
{
    for (int i = 0; id && i < n; i++)
        if (strcmp(ids[i], id) == 0)
            return true;
    return false;
}

/* Who a scene's pack may take content from: itself, the base pack and its
 * dependencies (`required:` and `optional:`). */
typedef struct {
    const char *self, *base;
    const PackManifest *m;
} Sight;

static bool may_see(const Sight *v, const char *origin)
{
    if (!origin || !v->self || strcmp(origin, v->self) == 0 || (v->base && strcmp(origin, v->base) == 0))
        return true;
    for (int i = 0; v->m && i < v->m->nrequired + v->m->noptional; i++) {
        const PackRef *r = i < v->m->nrequired ? &v->m->required[i] : &v->m->optional[i - v->m->nrequired];
        if (r->id && strcmp(r->id, origin) == 0)
            return true;
    }
    return false;
}

static void check_cue(const Library *lib, const Scene *s, const SceneCue *c, const char *const *enabled,
                      int nenabled, const Sight *sight)
{
    if (!c->def)
        die("scene '%s' (%s) has a cue with no definition", s->id, s->file);
    const CueDef *now = lib_cue(lib, c->def->name);
    if (now != c->def)
        die("scene '%s' (%s) uses cue '%s' at %p, but the library's cue of that name is %p", s->id, s->file,
            c->def->name, (const void *)c->def, (const void *)now);
    if (c->def->pack && !listed(enabled, nenabled, c->def->pack))
        die("scene '%s' (%s) uses cue '%s' of pack '%s', which is not enabled", s->id, s->file, c->def->name,
            c->def->pack);
    const char *origin = cue_origin(lib, c->def->name);
    if (!may_see(sight, origin))
        die("scene '%s' (%s) of pack '%s' uses cue '%s' of pack '%s', which it does not depend on", s->id,
            s->file, sight->self, c->def->name, origin);
}

static void check_library(const Library *lib, bool ok, int nsources)
{
    if (!ok)
        die("library_load returned false: the base pack must always load");
    /* Broken packs say why; enabled packs have no errors. */
    const char *overridden[LIBRARY_MAX_PACKS * 64], *enabled[LIBRARY_MAX_PACKS];
    int noverridden = 0, nenabled = 0;
    for (int i = 0; i < nsources; i++) {
        const PackInfo *p = library_pack_of_source(lib, i);
        if (!p)
            continue;
        if (i == 0 && p->state != PACK_ENABLED)
            die("the base pack is %s", library_state_name(p->state));
        if (p->state == PACK_BROKEN && p->diags.errors == 0)
            die("pack %s is set aside as broken without an error", p->name);
        if (p->state == PACK_ENABLED && p->diags.errors > 0)
            die("pack %s is enabled with %d error(s)", p->name, p->diags.errors);
        if (p->state == PACK_ENABLED && p->has_manifest && p->manifest.id && nenabled < COUNT(enabled))
            enabled[nenabled++] = p->manifest.id;
        if (p->state == PACK_ENABLED && i > 0)
            for (int k = 0; k < p->manifest.noverrides && noverridden < COUNT(overridden); k++)
                overridden[noverridden++] = p->manifest.overrides[k].id;
    }
    /* Base scenes are as the base pack alone loads them, unless an enabled
     * pack replaces the scene or something it uses on purpose. */
    for (int b = 0; b < nbase_scenes; b++) {
        const BaseScene *base = &base_scenes[b];
        const Scene *s = library_scene(lib, base->id);
        if (!s)
            die("base scene '%s' is gone from the library", base->id);
        bool replaced = listed(overridden, noverridden, base->id) ||
                        listed(overridden, noverridden, base->look) ||
                        listed(overridden, noverridden, base->place);
        for (int c = 0; c < base->ncues && !replaced; c++)
            replaced = listed(overridden, noverridden, base->cues[c]);
        if (replaced)
            continue;
        char *now = fingerprint(lib, s);
        if (strcmp(now, base->print) != 0) {
            size_t at = 0;
            while (now[at] && now[at] == base->print[at])
                at++;
            size_t from = at > 200 ? at - 200 : 0;
            fprintf(stderr, "base scene '%s' changed; no enabled pack overrides it or what it uses.\n"
                    "--- loaded alone, from the difference on:\n%.400s\n--- now:\n%.400s\n",
                    base->id, base->print + from, now + from);
            free(now);
            die("base scene '%s' changed", base->id);
        }
        free(now);
    }
    /* Every scene resolves what it names, to content of enabled packs that
     * its pack may see. */
    const PackInfo *base_info = library_pack_of_source(lib, 0);
    for (int i = 0; i < library_scene_count(lib); i++) {
        const Scene *s = library_scene_at(lib, i);
        Sight sight = {library_scene_pack_id(lib, s), base_info ? base_info->manifest.id : NULL, NULL};
        if (!sight.self)
            die("scene '%s' (%s) belongs to no pack", s->id, s->file);
        for (int k = 0; k < nsources; k++) {
            const PackInfo *p = library_pack_of_source(lib, k);
            if (p && p->state == PACK_ENABLED && p->manifest.id && strcmp(p->manifest.id, sight.self) == 0)
                sight.m = &p->manifest;
        }
        if (!sight.m)
            die("scene '%s' (%s) belongs to pack '%s', which is not enabled", s->id, s->file, sight.self);
        for (int c = 0; c < s->ncues; c++)
            check_cue(lib, s, &s->cues[c], enabled, nenabled, &sight);
        for (int a = 0; a < s->nanswers; a++)
            for (int c = 0; c < s->answers[a].ncues; c++)
                check_cue(lib, s, &s->answers[a].cues[c], enabled, nenabled, &sight);
        const PlaceDef *place = s->place ? lib_place(lib, s->place) : NULL;
        if (!place)
            die("scene '%s' (%s) is in the library, but its place '%s' is not", s->id, s->file,
                s->place ? s->place : "(none)");
        if (place->pack && !listed(enabled, nenabled, place->pack))
            die("scene '%s' (%s) is set in place '%s' of pack '%s', which is not enabled", s->id, s->file,
                s->place, place->pack);
        const char *origin = place_origin(lib, s->place);
        if (!may_see(&sight, origin))
            die("scene '%s' (%s) of pack '%s' is set in place '%s' of pack '%s', which it does not depend on",
                s->id, s->file, sight.self, s->place, origin);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static Gen g;
    memset(&g, 0, sizeof g);
    In in = {data, size};
    build(&g, &in);
    PackSet set = {{&base_pack}, 1};
    PackSource sources[1 + MAX_USER_PACKS] = {{"levels/base", false, true, false, NULL}};
    for (int i = 0; i < g.n; i++) {
        GenPack *p = &g.packs[i];
        set.packs[set.n] = &p->mem;
        sources[set.n] = (PackSource){p->name, HAS(p->flags, PACK_ZIP), false, HAS(p->flags, PACK_OFF),
                                      HAS(p->flags, PACK_REFUSED) ? "refused: larger than the platform allows" : NULL};
        set.n++;
    }
    PackIO io = {io_read, io_list, &set};
    static Library lib;
    bool ok = library_load(&lib, sources, set.n, &io, GAME_VERSION);
    if (getenv("FUZZ_PACKS_SHOW")) { /* to read what an input makes: every file and every message */
        for (int i = 1; i < set.n; i++)
            for (int f = 0; f < set.packs[i]->n; f++)
                fprintf(stderr, "==== %s/%s\n%s\n", sources[i].name, set.packs[i]->files[f].path,
                        set.packs[i]->files[f].data);
        print_diags(&lib, set.n);
    }
    checked = &lib;
    checked_sources = set.n;
    check_library(&lib, ok, set.n);
    checked = NULL;
    library_free(&lib);
    gen_free(&g);
    return 0;
}
