/* The library's promises about a set of packs, whatever sits in it:
 * the game starts with packs that are broken in any way, a pack that is set
 * aside changes nothing (not even what it overrides), a pack uses only what
 * it depends on, and the base game plays to the same score beside any
 * number of broken packs. The real base pack is read from the source tree;
 * the other packs are written here, or read from tests/data/packs.
 *
 * usage: test_library SOURCE_DIR */
#include "check.h"
#include "game.h"
#include "library.h"
#include "replay.h"
#include "disk_packs.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static const char *src_dir;

/* ---- packs on disk or in memory, behind one PackIO ---- */

typedef struct {
    const char *path, *text;
} MemFile;

typedef struct {
    const char *dir;      /* a folder, relative to the source tree; or NULL: */
    const MemFile *files; /* files in memory, ending with {NULL, NULL} */
} Src;

#define MAX_SRC 64
static Src srcs[MAX_SRC];
static DiskPacks disk; /* the folder of each source that has one */

static void set_folder(int n, const char *dir)
{
    srcs[n] = (Src){dir, NULL};
    snprintf(disk.roots[n], sizeof disk.roots[n], "%s/%s", src_dir, dir);
}

static char *io_read(void *ctx, int source, const char *path, size_t max, size_t *len, char *err,
                     size_t errsize)
{
    (void)ctx;
    const Src *s = &srcs[source];
    if (s->dir)
        return disk_packs_read(&disk, source, path, max, len, err, errsize);
    char *b = NULL;
    for (const MemFile *f = s->files; f->path && !b; f++)
        if (strcmp(f->path, path) == 0) {
            *len = strlen(f->text);
            b = malloc(*len + 1);
            if (b)
                memcpy(b, f->text, *len + 1);
        }
    if (b && *len > max) {
        free(b);
        b = NULL;
    }
    if (!b)
        snprintf(err, errsize, "%s: missing or too large", path);
    return b;
}

static int io_list(void *ctx, int source, const char *dir, char ***out)
{
    (void)ctx;
    const Src *s = &srcs[source];
    if (s->dir)
        return disk_packs_list(&disk, source, dir, out);
    int n = 0, cap = 256;
    *out = malloc((size_t)cap * sizeof **out);
    if (!*out)
        return 0;
    size_t dl = strlen(dir);
    for (const MemFile *f = s->files; f->path && n < cap; f++)
        if (strncmp(f->path, dir, dl) == 0 && f->path[dl] == '/' && !strchr(f->path + dl + 1, '/'))
            (*out)[n++] = strdup(f->path + dl + 1);
    qsort(*out, (size_t)n, sizeof **out, disk_packs_cmp_names);
    return n;
}

/* Load the base pack and then the given packs (n of them). */
static bool load(Library *lib, const MemFile *const *packs, int n)
{
    PackSource sources[MAX_SRC];
    set_folder(0, "levels/base");
    sources[0] = (PackSource){"levels/base", false, true, false, NULL};
    static char names[MAX_SRC][32];
    for (int i = 0; i < n && i + 1 < MAX_SRC; i++) {
        srcs[i + 1] = (Src){NULL, packs[i]};
        snprintf(names[i], sizeof names[i], "packs/p%d", i + 1);
        sources[i + 1] = (PackSource){names[i], false, false, false, NULL};
    }
    PackIO io = {io_read, io_list, NULL};
    return library_load(lib, sources, n + 1, &io, "0.1.0");
}

static const PackInfo *pack(const Library *lib, const char *id)
{
    for (int k = 0; k < lib->npacks; k++)
        if (lib->packs[k].has_manifest && lib->packs[k].manifest.id && strcmp(lib->packs[k].manifest.id, id) == 0)
            return &lib->packs[k];
    return NULL;
}

/* Does any diagnostic of the pack say all of these? */
static bool says(const PackInfo *p, const char *a, const char *b)
{
    for (int i = 0; p && i < p->diags.count; i++)
        if (strstr(p->diags.items[i].msg, a) && (!b || strstr(p->diags.items[i].msg, b)))
            return true;
    return false;
}

static void show(const PackInfo *p)
{
    char buf[8192];
    diag_format_all(&p->diags, buf, sizeof buf);
    fprintf(stderr, "  %s (%s):\n%s", p->name, library_state_name(p->state), buf);
}

/* ---- playing a replay through the game, as --print-score does ---- */

static void play(const Library *lib, const char *replay_file, char *out, size_t size)
{
    snprintf(out, size, "(no result)");
    char path[1400];
    snprintf(path, sizeof path, "%s/%s", src_dir, replay_file);
    size_t len;
    char *buf = slurp(path, &len);
    Replay r;
    DiagList d = {0};
    bool ok = buf && replay_load(&r, path, buf, len, &d);
    free(buf);
    diag_free(&d);
    if (!ok)
        return;
    Game *g = calloc(1, sizeof *g);
    const Scene *scene = library_scene(lib, r.scene);
    if (g && scene) {
        game_init(g, scene, lib, true);
        int cursor = 0;
        for (int tick = 0; tick < r.last_tick + 60 * 120 && !g->result_ready; tick++) {
            TickInput in;
            replay_input(&r, &cursor, tick, &in);
            game_step(g, &in);
        }
        if (g->result_ready)
            notice_format_result(&g->result, out, size);
    }
    free(g);
    replay_free(&r);
}

static const char *const REPLAY = "tests/replays/im_fine_empathic.replay";
static char base_score[256];

/* The caption, channel and first target of a cue, to compare. */
static void cue_print(const Library *lib, const char *name, char *out, size_t size)
{
    const CueDef *d = lexicon_find(&lib->lex, name);
    snprintf(out, size, "%s %s %d %.2f", d && d->caption ? d->caption : "-", d ? channel_name(d->channel) : "?",
             d ? d->ntargets : -1, d && d->ntargets ? (double)d->targets[0].value : 0.0);
}

/* ---- the packs ---- */

#define MANIFEST(id, extra)                                                                        \
    "id: " id "\ntitle: \"" id "\"\nversion: 1.0.0\nformat: 1\ngame: \">=0.1.0\"\nauthors: [T]\n"   \
    "license: CC-BY-4.0\nlanguage: en\n" extra

#define SCENE(id, cue, more)                                                                       \
    "id: " id "\ntitle: \"T\"\nplace: kitchen_night\ncontext: \"C.\"\ncharacter: { name: Jo }\n"    \
    "lines:\n  - id: a\n    text: \"It is fine.\"\n    cues:\n"                                    \
    "      - { cue: " cue ", start: 0.2, end: 2.5, incongruent: true, means: \"M.\" }\n"           \
    "answers:\n  - { text: \"That sounds hard.\", kind: empathic, quality: best, why: \"W.\" }\n"    \
    "  - { text: \"Food?\", kind: dismissive, quality: poor, why: \"W.\"" more " }\n"

/* Overrides a base cue, a look, a place and a string, all used by im_fine
 * or the title; `broken` adds a scene with an unknown cue. */
static const char *const LOUD_SIGH =
    "cues:\n  sigh:\n    channel: hands\n    targets: { hands_wring: 1.0 }\n    caption: \"[LOUD]\"\n"
    "  slump:\n    channel: face\n    targets: { flush: 1.0 }\n";
static const char *const NOOR = "id: noor\nskin: \"#ff0000\"\n";
static const char *const KITCHEN = "id: kitchen_night\nback:\n  - { shape: rect, rect: [0, 0, 1280, 720], color: \"#ff0000\" }\n";
static const char *const PLAY = "strings:\n  title.play: \"PLAY LOUDLY\"\n";

static const MemFile override_broken[] = {
    {"pack.yaml", MANIFEST("loud", "overrides: [sigh, slump, noor, kitchen_night, title.play, im_fine]\n")},
    {"lexicon.yaml", LOUD_SIGH},
    {"looks/noor.yaml", NOOR},
    {"places/kitchen_night.yaml", KITCHEN},
    {"strings.yaml", PLAY},
    {"scenes/a_fine.yaml", SCENE("im_fine", "slump", "")},
    {"scenes/b_broken.yaml", SCENE("loud_one", "no_such_cue", "")},
    {NULL, NULL},
};
static const MemFile override_clean[] = {
    {"pack.yaml", MANIFEST("loud", "overrides: [sigh, slump, noor, kitchen_night, title.play]\n")},
    {"lexicon.yaml", LOUD_SIGH},
    {"looks/noor.yaml", NOOR},
    {"places/kitchen_night.yaml", KITCHEN},
    {"strings.yaml", PLAY},
    {NULL, NULL},
};

/* Several packs whose manifests were read but name no id. */
static void several_without_id(void)
{
    static const MemFile a[] = {{"pack.yaml", "title: \"A\"\nversion: 1.0.0\n"}, {NULL, NULL}};
    static const MemFile b[] = {{"pack.yaml", "title: \"B\"\nformat: 1\n"}, {NULL, NULL}};
    static const MemFile c[] = {{"pack.yaml", "[not, a, map]\n"}, {NULL, NULL}};
    const MemFile *const packs[] = {a, b, c, b};
    Library lib;
    CHECK(load(&lib, packs, 4));
    CHECK_INT(lib.npacks, 5);
    for (int k = 0; k < lib.npacks; k++)
        if (!lib.packs[k].is_base) {
            CHECK(lib.packs[k].state == PACK_BROKEN);
            CHECK(lib.packs[k].diags.errors > 0);
        }
    library_free(&lib);
}

/* A pack set aside takes back everything it would have changed. */
static void broken_changes_nothing(void)
{
    Library base, lib;
    char want[200], got[200];
    CHECK(load(&base, NULL, 0));
    const MemFile *const packs[] = {override_broken};
    CHECK(load(&lib, packs, 1));
    const PackInfo *p = pack(&lib, "loud");
    CHECK(p && p->state == PACK_BROKEN && says(p, "unknown cue 'no_such_cue'", NULL));
    cue_print(&base, "sigh", want, sizeof want);
    cue_print(&lib, "sigh", got, sizeof got);
    CHECK_STR(got, want);
    CHECK(cast_find(&lib.cast, "noor")->look.skin == cast_find(&base.cast, "noor")->look.skin);
    CHECK(places_find(&lib.places, "kitchen_night")->nshapes[0] == places_find(&base.places, "kitchen_night")->nshapes[0]);
    CHECK_STR(strings_get(&lib.strings, "title.play"), strings_get(&base.strings, "title.play"));
    CHECK_STR(library_scene(&lib, "im_fine")->title, library_scene(&base, "im_fine")->title);
    CHECK(library_scene(&lib, "loud_one") == NULL);
    play(&lib, REPLAY, got, sizeof got);
    CHECK_STR(got, base_score);
    library_free(&lib);
    library_free(&base);
}

/* A clean pack's overrides reach every scene, the base game's too. */
static void clean_override_reaches_base(void)
{
    const MemFile *const packs[] = {override_clean};
    Library lib;
    CHECK(load(&lib, packs, 1));
    const PackInfo *p = pack(&lib, "loud");
    CHECK(p && p->state == PACK_ENABLED);
    if (p && p->state != PACK_ENABLED)
        show(p);
    const Scene *s = library_scene(&lib, "im_fine");
    bool loud = false;
    for (int i = 0; s && i < s->ncues; i++)
        loud |= s->cues[i].def && s->cues[i].def->caption && strcmp(s->cues[i].def->caption, "[LOUD]") == 0;
    CHECK(loud);
    CHECK_STR(strings_get(&lib.strings, "title.play"), "PLAY LOUDLY");
    char got[200];
    play(&lib, REPLAY, got, sizeof got);
    CHECK(strcmp(got, base_score) != 0); /* the slump is now on the face: the posture flag misses */
    library_free(&lib);
}

/* One rule for every kind of content: a pack uses what it depends on. */
static void visibility(void)
{
    static const MemFile a[] = {
        {"pack.yaml", MANIFEST("aaa", "")},
        {"lexicon.yaml", "cues:\n  big_shrug:\n    channel: posture\n    targets: { shoulders_raise: 1.0 }\n"},
        {"looks/ana.yaml", "id: ana\n"},
        {"places/hall.yaml", "id: hall\nback:\n  - { shape: rect, rect: [0, 0, 1280, 720], color: \"#202020\" }\n"},
        {"scenes/a1.yaml", SCENE("a1", "big_shrug", "")},
        {NULL, NULL},
    };
    /* bbb depends on nothing, yet uses aa's cue, look, place and scene. */
    static const MemFile b[] = {
        {"pack.yaml", MANIFEST("bbb", "chapters:\n  - { id: c, title: \"C\", scenes: [a1] }\n")},
        {"scenes/b1.yaml",
         "id: b1\ntitle: \"T\"\nplace: hall\ncontext: \"C.\"\ncharacter: { name: Jo, look: ana }\n"
         "lines:\n  - id: a\n    text: \"Fine.\"\n    cues:\n"
         "      - { cue: big_shrug, start: 0.2, end: 2.5, incongruent: true, means: \"M.\" }\n"
         "      - { cue: later_cue, start: 0.2, end: 2.5, incongruent: true, means: \"M.\" }\n"
         "answers:\n  - { text: \"Hard.\", kind: empathic, quality: best, why: \"W.\", next: a1 }\n"
         "  - { text: \"Food?\", kind: dismissive, quality: poor, why: \"W.\" }\n"},
        {NULL, NULL},
    };
    /* zzz loads after bbb (ids in order) and defines the cue bbb also uses. */
    static const MemFile z[] = {
        {"pack.yaml", MANIFEST("zzz", "")},
        {"lexicon.yaml", "cues:\n  later_cue:\n    channel: posture\n    targets: { shoulders_raise: 1.0 }\n"},
        {NULL, NULL},
    };
    const MemFile *const packs[] = {b, z, a};
    Library lib;
    CHECK(load(&lib, packs, 3));
    const PackInfo *pb = pack(&lib, "bbb");
    CHECK(pb && pb->state == PACK_BROKEN);
    CHECK(says(pb, "cue 'big_shrug' comes from pack 'aaa'", "list 'aaa' under 'dependencies: required:'"));
    CHECK(says(pb, "cue 'later_cue' comes from pack 'zzz'", "list 'zzz' under 'dependencies: required:'"));
    CHECK(says(pb, "look 'ana' comes from pack 'aaa'", NULL));
    CHECK(says(pb, "place 'hall' comes from pack 'aaa'", NULL));
    CHECK(says(pb, "answer 1 leads to scene 'a1'", "comes from pack 'aaa'"));
    CHECK(says(pb, "chapter 'c' names scene 'a1'", "comes from pack 'aaa'"));
    CHECK(pack(&lib, "aaa")->state == PACK_ENABLED && pack(&lib, "zzz")->state == PACK_ENABLED);
    library_free(&lib);

    /* With the dependencies declared, the same scene loads. */
    static const MemFile b2[] = {
        {"pack.yaml", MANIFEST("bbb", "dependencies:\n  required: [aaa, zzz]\n"
                                     "chapters:\n  - { id: c, title: \"C\", scenes: [a1] }\n")},
        {"scenes/b1.yaml", NULL},
        {NULL, NULL},
    };
    MemFile copy[3];
    memcpy(copy, b2, sizeof copy);
    copy[1].text = b[1].text;
    const MemFile *const packs2[] = {copy, z, a};
    CHECK(load(&lib, packs2, 3));
    pb = pack(&lib, "bbb");
    CHECK(pb && pb->state == PACK_ENABLED);
    if (pb && pb->state != PACK_ENABLED)
        show(pb);
    library_free(&lib);

    /* Replacing what a pack does not depend on is refused too. */
    static const MemFile c[] = {
        {"pack.yaml", MANIFEST("ccc", "overrides: [big_shrug]\n")},
        {"lexicon.yaml", "cues:\n  big_shrug:\n    channel: face\n    targets: { flush: 1.0 }\n"},
        {NULL, NULL},
    };
    const MemFile *const packs3[] = {a, c};
    CHECK(load(&lib, packs3, 2));
    const PackInfo *pc = pack(&lib, "ccc");
    CHECK(pc && pc->state == PACK_BROKEN && says(pc, "cue 'big_shrug' comes from pack 'aaa'", "to replace it, list 'aaa'"));
    CHECK(lexicon_find(&lib.lex, "big_shrug")->channel == CH_POSTURE);
    library_free(&lib);
}

/* A pack that breaks in its scenes, after others loaded over it: those
 * that need it are set aside with it; the others load as if it were not
 * there, overriding what it overrode. */
static void cascade(void)
{
    static const MemFile q[] = {
        {"pack.yaml", MANIFEST("needs_loud", "dependencies:\n  required: [loud]\n")},
        {"scenes/q.yaml", SCENE("q1", "sigh", "")},
        {NULL, NULL},
    };
    static const MemFile r[] = {
        {"pack.yaml", MANIFEST("zz_other", "overrides: [sigh]\n")},
        {"lexicon.yaml", "cues:\n  sigh:\n    channel: voice\n    targets: { breath_depth: 1.0 }\n    caption: \"[zz]\"\n"},
        {NULL, NULL},
    };
    const MemFile *const packs[] = {override_broken, q, r};
    Library lib;
    CHECK(load(&lib, packs, 3));
    CHECK(pack(&lib, "loud")->state == PACK_BROKEN);
    const PackInfo *pq = pack(&lib, "needs_loud");
    CHECK(pq && pq->state == PACK_BROKEN && says(pq, "needs pack 'loud'", NULL));
    const PackInfo *pr = pack(&lib, "zz_other");
    CHECK(pr && pr->state == PACK_ENABLED);
    CHECK_STR(lexicon_find(&lib.lex, "sigh")->caption, "[zz]");
    CHECK(library_scene(&lib, "q1") == NULL);
    CHECK_INT(lib.rounds, 2);
    library_free(&lib);
}

/* Every pack of tests/data/packs at once, as a player might install them. */
static void every_test_pack(void)
{
    char path[1400];
    snprintf(path, sizeof path, "%s/tests/data/packs", src_dir);
    DIR *d = opendir(path);
    CHECK(d != NULL);
    static char names[MAX_SRC][300];
    PackSource sources[MAX_SRC];
    set_folder(0, "levels/base");
    sources[0] = (PackSource){"levels/base", false, true, false, NULL};
    int n = 1;
    for (struct dirent *e; d && n < MAX_SRC && (e = readdir(d));) {
        struct stat st;
        snprintf(path, sizeof path, "%s/tests/data/packs/%s", src_dir, e->d_name);
        if (e->d_name[0] == '.' || stat(path, &st) != 0 || !S_ISDIR(st.st_mode))
            continue;
        snprintf(names[n], sizeof names[n], "tests/data/packs/%s", e->d_name);
        set_folder(n, names[n]);
        sources[n] = (PackSource){names[n], false, false, false, NULL};
        n++;
    }
    if (d)
        closedir(d);
    CHECK(n > 15);
    Library lib;
    PackIO io = {io_read, io_list, NULL};
    CHECK(library_load(&lib, sources, n, &io, "0.1.0"));
    for (int k = 0; k < lib.npacks; k++) {
        const PackInfo *p = &lib.packs[k];
        if (p->state == PACK_BROKEN && p->diags.errors == 0) {
            fprintf(stderr, "%s is set aside without an error\n", p->name);
            check_failures++;
        }
        if (p->state == PACK_ENABLED && p->diags.errors > 0) {
            fprintf(stderr, "%s is enabled with errors\n", p->name);
            check_failures++;
        }
    }
    char got[200];
    play(&lib, REPLAY, got, sizeof got);
    CHECK_STR(got, base_score);
    library_free(&lib);
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: test_library SOURCE_DIR\n");
        return 2;
    }
    src_dir = argv[1];
    Library base;
    CHECK(load(&base, NULL, 0));
    play(&base, REPLAY, base_score, sizeof base_score);
    library_free(&base);
    CHECK(strstr(base_score, "score=") != NULL);
    several_without_id();
    broken_changes_nothing();
    clean_override_reaches_base();
    visibility();
    cascade();
    every_test_pack();
    return check_done("test_library");
}
