/* Level files: every broken file in tests/data/levels gives exactly the
 * diagnostics in its .expected file (file:line:col), without crashing; the
 * fixture pack's `mixed` scene loads into the model we expect. Broken replays in
 * tests/data/replays are checked the same way.
 *
 * usage: test_levels SOURCE_DIR */
#include "check.h"
#include "cast.h"
#include "lexicon.h"
#include "notice.h"
#include "replay.h"
#include "scene.h"

#include <dirent.h>
#include "slurp.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int cmp_names(const void *a, const void *b)
{
    return strcmp(a, b);
}

/* Sorted list of files in dir ending with ext. */
static int list(const char *dir, const char *ext, char names[][128], int max)
{
    DIR *d = opendir(dir);
    int n = 0;
    if (!d)
        return 0;
    struct dirent *e;
    while ((e = readdir(d)) && n < max) {
        size_t l = strlen(e->d_name), le = strlen(ext);
        if (l > le && l < 128 && strcmp(e->d_name + l - le, ext) == 0)
            memcpy(names[n++], e->d_name, l + 1);
    }
    closedir(d);
    qsort(names, (size_t)n, sizeof names[0], cmp_names);
    return n;
}

/* Compare diagnostics with the .expected file next to `path`. */
static void compare(const char *path, const char *name, const DiagList *diags)
{
    /* Each diagnostic and the line it quotes, with its caret. */
    char got[16384] = "", exp_path[1200];
    size_t used = 0;
    for (int i = 0; i < diags->count && used < sizeof got; i++) {
        char line[800], source[800];
        diag_format(&diags->items[i], line, sizeof line);
        diag_format_source(&diags->items[i], source, sizeof source);
        int n = snprintf(got + used, sizeof got - used, "%s\n%s", line, source);
        used += n > 0 ? (size_t)n : 0;
    }
    snprintf(exp_path, sizeof exp_path, "%.*s.expected", (int)(strrchr(path, '.') - path), path);
    size_t len;
    char *want = slurp(exp_path, &len);
    if (!want) {
        fprintf(stderr, "%s: no %s; the loader said:\n%s", name, exp_path, got);
        check_failures++;
        return;
    }
    if (strcmp(got, want) != 0) {
        fprintf(stderr, "%s: diagnostics differ.\n--- expected\n%s--- got\n%s", name, want, got);
        check_failures++;
    }
    free(want);
}

typedef void (*FileCheck)(const char *path, const char *name, const char *buf, size_t len,
                          const Lexicon *lex);

/* Run `check` on every file in SRC/SUB ending with EXT; returns how many. */
static int each_file(const char *src, const char *sub, const char *ext, FileCheck check,
                     const Lexicon *lex)
{
    char dir[1024];
    snprintf(dir, sizeof dir, "%s/%s", src, sub);
    static char names[256][128];
    int n = list(dir, ext, names, 256);
    for (int i = 0; i < n; i++) {
        char path[1200 + 128];
        snprintf(path, sizeof path, "%s/%.127s", dir, names[i]);
        size_t len;
        char *buf = slurp(path, &len);
        CHECK(buf != NULL);
        if (buf)
            check(path, names[i], buf, len, lex);
        free(buf);
    }
    return n;
}

static void broken_level(const char *path, const char *name, const char *buf, size_t len,
                         const Lexicon *lex)
{
    DiagList diags = {0};
    Scene s;
    CHECK(!scene_load(&s, name, buf, len, lex, NULL, &diags));
    CHECK(diags.errors > 0);
    compare(path, name, &diags);
    scene_free(&s);
    diag_free(&diags);
}

/* Files that load but deserve a warning (or, for catch scenes, nothing). */
static void warned_level(const char *path, const char *name, const char *buf, size_t len,
                         const Lexicon *lex)
{
    DiagList diags = {0};
    Scene s;
    CHECK(scene_load(&s, name, buf, len, lex, NULL, &diags));
    CHECK_INT(diags.errors, 0);
    compare(path, name, &diags);
    scene_free(&s);
    diag_free(&diags);
}

static void broken_replay(const char *path, const char *name, const char *buf, size_t len,
                          const Lexicon *lex)
{
    (void)lex;
    DiagList diags = {0};
    Replay r;
    CHECK(!replay_load(&r, name, buf, len, &diags));
    compare(path, name, &diags);
    replay_free(&r);
    diag_free(&diags);
}

/* Every example scene in the docs must load cleanly: a modder copies them. */
static void doc_example(const char *path, const char *name, const char *buf, size_t len,
                        const Lexicon *lex)
{
    (void)path;
    DiagList diags = {0};
    Scene s;
    bool ok = scene_load(&s, name, buf, len, lex, NULL, &diags);
    if (!ok || diags.count) {
        char msg[4096];
        diag_format_all(&diags, msg, sizeof msg);
        fprintf(stderr, "%s should load cleanly:\n%s", name, msg);
        check_failures++;
    }
    scene_free(&s);
    diag_free(&diags);
}

static void fixture_scene(const char *src, const Lexicon *lex)
{
    /* The cast first: the scene names its person by look id. */
    Cast cast;
    cast_init(&cast);
    char lpath[1200];
    snprintf(lpath, sizeof lpath, "%s/tests/data/fixture/looks/adult.yaml", src);
    size_t llen;
    char *lbuf = slurp(lpath, &llen);
    DiagList ld = {0};
    CHECK(lbuf && cast_add(&cast, NULL, "adult.yaml", lbuf, llen, &ld));
    CHECK_INT(ld.count, 0);
    free(lbuf);
    diag_free(&ld);
    char path[1200];
    snprintf(path, sizeof path, "%s/tests/data/fixture/scenes/mixed.yaml", src);
    size_t len;
    char *buf = slurp(path, &len);
    CHECK(buf != NULL);
    if (!buf)
        return;
    DiagList diags = {0};
    Scene s;
    CHECK(scene_load(&s, "mixed.yaml", buf, len, lex, &cast, &diags));
    CHECK_INT(diags.count, 0);
    CHECK_STR(s.id, "mixed");
    CHECK_STR(s.place, "room");
    CHECK_STR(s.speaker, "Sam");
        CHECK_INT(s.look.skin, 0xa86b4c);
    CHECK_INT(s.nlines, 3);
    CHECK_STR(s.lines[1].text, "Honestly, I'm fine. It's nothing.");
    CHECK_STR(s.lines[1].id, "fine");
    /* Lines follow each other: a pause, typing, then time to read. */
    for (int i = 0; i < s.nlines; i++) {
        CHECK(s.lines[i].start < s.lines[i].typed);
        CHECK(s.lines[i].typed < s.lines[i].end);
        if (i > 0)
            CHECK(s.lines[i].start > s.lines[i - 1].end);
    }
    /* One incongruent cue each in the eyes, the face and the voice. */
    CHECK_INT(s.nincongruent, 3);
    int per_region[REGION_COUNT] = {0};
    for (int i = 0; i < s.ncues; i++)
        if (s.cues[i].incongruent)
            per_region[channel_region(s.cues[i].def->channel)]++;
    for (int r = 0; r < REGION_COUNT; r++)
        CHECK_INT(per_region[r], r == REGION_EYES || r == REGION_FACE || r == REGION_VOICE);
    CHECK_INT(s.nanswers, 2);
    int best = 0;
    for (int i = 0; i < s.nanswers; i++) {
        CHECK(s.answers[i].why != NULL);
        CHECK(s.answers[i].reply.text != NULL);
        best += s.answers[i].quality == QUALITY_BEST;
    }
    CHECK_INT(best, 1);
    CHECK_INT(s.answers[1].kind, KIND_EMPATHIC);
    CHECK(s.length > s.lines[2].end);
    cast_free(&cast);
    scene_free(&s);
    diag_free(&diags);
    free(buf);
}

/* Answers that need a noticed cue are offered only when one of its cues
 * was hit; `next:` is kept for the campaign. */
static void offered_answers(const Lexicon *lex)
{
    static const char yaml[] =
        "id: offered\ntitle: O\nplace: kitchen_night\ncontext: c\ncharacter: { name: A }\n"
        "lines:\n"
        "  - id: one\n"
        "    text: \"I'm fine.\"\n"
        "    cues:\n"
        "      - { cue: nod, start: 0.0, end: 1.0 }\n"                               /* cue 0 */
        "      - { cue: wring_hands, start: 0.2, end: 2.0, incongruent: true, means: m }\n" /* 1 */
        "  - id: two\n"
        "    text: \"Really.\"\n"
        "    cues:\n"
        "      - { cue: sigh, start: -0.4, end: 1.0, incongruent: true, means: m }\n"  /* cue 2 */
        "      - { cue: wring_hands, start: 0.2, end: 2.0, incongruent: true, means: m }\n" /* 3 */
        "answers:\n"
        "  - { text: a, kind: dismissive, quality: poor, why: w }\n"
        "  - { text: b, kind: fixing, quality: poor, why: w }\n"
        "  - { text: c, kind: empathic, quality: best, why: w, requires: wring_hands }\n"
        "  - { text: d, kind: empathic, quality: good, why: w }\n"
        "  - { text: e, kind: empathic, quality: good, why: w, requires: sigh, next: later }\n";
    Scene s;
    DiagList d = {0};
    CHECK(scene_load(&s, "offered.yaml", yaml, sizeof yaml - 1, lex, NULL, &d));
    CHECK_INT(d.count, 0);
    CHECK_INT(s.nanswers, 5);
    CHECK_INT(s.ncues, 4);
    CHECK_STR(s.answers[2].requires, "wring_hands");
    CHECK_INT(s.answers[2].nrequires_cues, 2); /* either hand-wringing will do */
    CHECK_INT(s.answers[2].requires_cues[0], 1);
    CHECK_INT(s.answers[2].requires_cues[1], 3);
    CHECK(s.answers[0].requires == NULL && s.answers[0].nrequires_cues == 0);
    CHECK_STR(s.answers[4].next, "later");
    CHECK_INT(s.answers[4].next_line, 22);
    CHECK(s.answers[3].next == NULL);
    CHECK_INT(s.nbranches, 1);

    int idx[SCENE_MAX_ANSWERS] = {0};
    Notice notice;
    memset(&notice, 0, sizeof notice);
    unsigned char *hit = notice.cue_hit; /* what the game passes */
    /* Nothing noticed: only the answers that need nothing, in file order. */
    CHECK_INT(scene_offered_answers(&s, NULL, idx), 3);
    CHECK(idx[0] == 0 && idx[1] == 1 && idx[2] == 3);
    CHECK_INT(scene_offered_answers(&s, hit, idx), 3);
    CHECK_INT(scene_offered_answers(&s, hit, NULL), 3);
    /* A congruent cue never widens the choice. */
    hit[0] = 1;
    CHECK_INT(scene_offered_answers(&s, hit, idx), 3);
    /* The second hand-wringing alone offers the check-in about the hands. */
    hit[3] = 1;
    CHECK_INT(scene_offered_answers(&s, hit, idx), 4);
    CHECK(idx[0] == 0 && idx[1] == 1 && idx[2] == 2 && idx[3] == 3);
    CHECK(scene_answer_offered(&s, 2, hit));
    CHECK(!scene_answer_offered(&s, 4, hit));
    /* Everything noticed: all five. */
    hit[2] = 1;
    CHECK_INT(scene_offered_answers(&s, hit, idx), 5);
    CHECK_INT(idx[4], 4);
    /* The sigh alone: the last answer but not the one about the hands. */
    memset(notice.cue_hit, 0, sizeof notice.cue_hit);
    hit[2] = 1;
    CHECK_INT(scene_offered_answers(&s, hit, idx), 4);
    CHECK(idx[2] == 3 && idx[3] == 4);
    CHECK(!scene_answer_offered(&s, -1, hit));
    CHECK(!scene_answer_offered(&s, 5, hit));
    CHECK(scene_answer_offered(&s, 0, NULL));
    scene_free(&s);
    diag_free(&d);
}

/* The modding guide lists every cue of the lexicon; a new cue must be documented. */
static void guide_lists_cues(const char *src, const Lexicon *lex)
{
    char path[1200];
    snprintf(path, sizeof path, "%s/docs/scene-format.md", src);
    size_t len;
    char *doc = slurp(path, &len);
    CHECK(doc != NULL);
    for (int i = 0; doc && i < lexicon_count(lex); i++) {
        char needle[128];
        snprintf(needle, sizeof needle, "`%s`", lexicon_at(lex, i)->name);
        if (!strstr(doc, needle)) {
            fprintf(stderr, "docs/scene-format.md does not mention cue %s\n", needle);
            check_failures++;
        }
    }
    free(doc);
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: test_levels SOURCE_DIR\n");
        return 2;
    }
    char path[1200];
    snprintf(path, sizeof path, "%s/levels/base/lexicon.yaml", argv[1]);
    size_t len;
    char *buf = slurp(path, &len);
    CHECK(buf != NULL);
    if (!buf)
        return check_done("test_levels");
    Lexicon lex;
    DiagList diags = {0};
    CHECK(lexicon_load(&lex, "lexicon.yaml", buf, len, &diags));
    CHECK_INT(diags.count, 0);
    CHECK(lexicon_count(&lex) >= 35);
    free(buf);
    fixture_scene(argv[1], &lex);
    offered_answers(&lex);
    CHECK(each_file(argv[1], "docs/examples", ".yaml", doc_example, &lex) >= 1);
    guide_lists_cues(argv[1], &lex);
    CHECK(each_file(argv[1], "tests/data/levels", ".yaml", broken_level, &lex) >= 10);
    CHECK(each_file(argv[1], "tests/data/replays", ".replay", broken_replay, &lex) >= 4);
    CHECK(each_file(argv[1], "tests/data/warnings", ".yaml", warned_level, &lex) >= 5);
    lexicon_free(&lex);
    diag_free(&diags);
    return check_done("test_levels");
}
