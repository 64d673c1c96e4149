/* Benchmark (not a test): generate a pack of N scenes in memory and time
 * loading and checking it the way the game and --check do. Prints the
 * median of several runs. Goal: 1,000 scenes in under 100 ms.
 *
 * usage: bench_library SOURCE_DIR [N] */
#include "library.h"

#include <dirent.h>
#include "slurp.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

typedef struct {
    const char *src;
    int n;
    char *pack_yaml;
} Mem;

static char *scene_text(int i, size_t *len)
{
    char *b = malloc(4096);
    int n = snprintf(b, 4096,
        "id: gen_%04d\n"
        "title: \"Generated %d\"\n"
        "place: kitchen_night\n"
        "context: >\n  A generated scene number %d, for timing the loader.\n"
        "character: { name: Alex, look: { skin: \"#a86b4c\", hair_style: short } }\n"
        "lines:\n"
        "  - id: one\n    text: \"I'm fine, honestly. It's nothing.\"\n    cues:\n"
        "      - { cue: gaze_down, start: 0.5, end: 3.0, incongruent: true, means: \"Hurt.\" }\n"
        "      - { cue: smile_small, start: 0.0, end: 1.5 }\n"
        "  - id: two\n    text: \"Don't worry about me. Really.\"\n    cues:\n"
        "      - { cue: wring_hands, start: 0.0, end: 3.0, incongruent: true, means: \"Worry.\" }\n"
        "      - { cue: sigh, start: -0.5, end: 1.0, incongruent: true, means: \"Sadness.\" }\n"
        "  - id: three\n    text: \"Anyway. How was your day?\"\n    cues:\n"
        "      - { cue: slump, start: 0.0, end: hold, incongruent: true, means: \"Tired.\" }\n"
        "answers:\n"
        "  - { text: \"You seem upset. Want to talk?\", kind: empathic, quality: best, why: \"Checked in.\" }\n"
        "  - { text: \"Let me make you tea.\", kind: compassionate, quality: good, why: \"Kind.\" }\n"
        "  - { text: \"Okay. Good day, thanks!\", kind: dismissive, quality: poor, why: \"Missed it.\" }\n",
        i, i, i);
    *len = (size_t)n;
    return b;
}

static char *io_read(void *ctx, int source, const char *path, size_t max, size_t *len, char *err, size_t es)
{
    Mem *m = ctx;
    char full[1200];
    if (source == 0) { /* the real base pack */
        snprintf(full, sizeof full, "%s/levels/base/%s", m->src, path);
        char *b = slurp(full, len);
        if (!b)
            snprintf(err, es, "%s: missing", path);
        return b;
    }
    if (strcmp(path, "pack.yaml") == 0) {
        *len = strlen(m->pack_yaml);
        return strdup(m->pack_yaml);
    }
    int i;
    if (sscanf(path, "scenes/gen_%d.yaml", &i) == 1)
        return scene_text(i, len);
    snprintf(err, es, "%s: missing", path);
    (void)max;
    return NULL;
}

static int io_list(void *ctx, int source, const char *dir, char ***out)
{
    Mem *m = ctx;
    *out = NULL;
    if (source == 0) { /* the real base pack: list its folder */
        char path[1200];
        snprintf(path, sizeof path, "%s/levels/base/%s", m->src, dir);
        DIR *d = opendir(path);
        int n = 0;
        *out = malloc(64 * sizeof **out);
        for (struct dirent *e; d && *out && n < 64 && (e = readdir(d));)
            if (e->d_name[0] != '.')
                (*out)[n++] = strdup(e->d_name);
        if (d)
            closedir(d);
        return n;
    }
    if (strcmp(dir, "scenes") != 0)
        return 0;
    *out = malloc((size_t)m->n * sizeof **out);
    for (int i = 0; i < m->n; i++) {
        char name[64];
        snprintf(name, sizeof name, "gen_%04d.yaml", i);
        (*out)[i] = strdup(name);
    }
    return m->n;
}

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int cmp(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: bench_library SOURCE_DIR [N]\n");
        return 2;
    }
    Mem m = {argv[1], argc > 2 ? atoi(argv[2]) : 1000, NULL};
    m.pack_yaml = "id: generated\ntitle: Generated\nversion: 1.0.0\nformat: 1\ngame: \"*\"\n"
                  "authors: [Bench]\nlicense: CC0-1.0\nlanguage: en\n";
    PackSource src[2] = {{"levels/base", false, true, false, NULL}, {"generated", false, false, false, NULL}};
    PackIO io = {io_read, io_list, &m};
    double times[7];
    int scenes = 0, errors = 0;
    for (int run = 0; run < 7; run++) {
        Library lib;
        double t0 = now_ms();
        library_load(&lib, src, 2, &io, "0.1.0");
        times[run] = now_ms() - t0;
        scenes = library_scene_count(&lib);
        errors = 0;
        for (int k = 0; k < lib.npacks; k++)
            errors += lib.packs[k].diags.errors;
        library_free(&lib);
    }
    qsort(times, 7, sizeof times[0], cmp);
    printf("scenes=%d errors=%d load_and_check_ms median=%.1f min=%.1f max=%.1f\n", scenes, errors,
           times[3], times[0], times[6]);
    return errors ? 1 : 0;
}
