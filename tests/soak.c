/* The soak: thousands of scenes played from random input, headless.
 *
 * The base pack and every example pack of docs/examples/packs/ are loaded
 * from the source tree through a PackIO, and one Game is stepped one
 * TickInput at a time, as the platform does. The input is random but aimed:
 * on each screen it presses the keys that screen reads, clicks its buttons,
 * answers, body regions, timeline and speech box, moves the mouse, and now
 * and then presses anything at all or clicks anywhere. So it reaches every
 * screen a player can: flags, answers, pause and its menu, hints (once the
 * settings turn them on), settings, chapters, packs (turning example packs
 * off and on reloads the library, as the game does), results, the debrief,
 * slow motion and the review. Quitting from the title starts a new session
 * with the same progress. What the renderer reads each frame (the
 * character, the line, the hint, the timeline) is read too, and every save
 * is written and read back through the settings and progress formats.
 *
 * It checks: no crash (the test build runs under ASan and UBSan), a scene
 * finishes every so often (no screen traps the player), saves read back
 * as written, and memory does not grow with the number of scenes: the
 * live heap (ASan's count, or malloc's) at the end of a scene, in the last
 * quarter of the run, peaks no higher than in the first quarter, and,
 * without ASan, the peak RSS (getrusage) at the end is within a margin of
 * the peak at a quarter of the run.
 *
 * The run is random from one seed, printed first; the game is
 * deterministic, so the same seed plays the same run again.
 *
 * usage: soak SOURCE_DIR [--scenes N] [--seed S] [--quiet]
 *   ctest plays 400 scenes; the long run, from the source folder (README,
 *   Tests): build-test/tests/soak . --scenes 10000 */
#include "game.h"
#include "library.h"
#include "rng.h"
#include "disk_packs.h"
#include "stats.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>

#if defined(__SANITIZE_ADDRESS__)
#define SOAK_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define SOAK_ASAN 1
#endif
#endif
#ifndef SOAK_ASAN
#define SOAK_ASAN 0
#endif
#if SOAK_ASAN
/* From the sanitizer runtime (sanitizer/allocator_interface.h, which GCC
 * does not install): the bytes malloc'd and not yet freed. */
size_t __sanitizer_get_current_allocated_bytes(void);
#else
#include <malloc.h>
#endif

#define SOAK_MAX_PACKS 16
#define SOAK_STUCK_TICKS 400000 /* ticks without a finished scene: the player is trapped */
/* Live heap: bytes allowed above the first quarter's peak. ASan counts
 * exactly; glibc's count also holds the chunks its per-thread cache keeps
 * (up to 7 of each small size, a few hundred KiB). */
#define SOAK_HEAP_SLACK (SOAK_ASAN ? 64u * 1024u : 768u * 1024u)
#define SOAK_RSS_SLACK_KIB (8 * 1024L) /* peak RSS: KiB allowed above the peak at a quarter */

static int failures;
static uint64_t seed;

#define SOAK_FAIL(...)                                                                     \
    do {                                                                                   \
        fflush(stdout);                                                                    \
        fprintf(stderr, "soak: FAILED (seed %" PRIu64 "): ", seed);                        \
        fprintf(stderr, __VA_ARGS__);                                                      \
        fputc('\n', stderr);                                                               \
        failures++;                                                                        \
    } while (0)

/* ---- the packs, from the source tree ------------------------------------------ */

typedef struct {
    DiskPacks disk;                   /* real folders, one per source */
    char names[SOAK_MAX_PACKS][300];  /* as PackSource.name */
    bool disabled[SOAK_MAX_PACKS];
    int n;
} Packs;

static void find_packs(Packs *p, const char *src)
{
    memset(p, 0, sizeof *p);
    snprintf(p->disk.roots[0], sizeof p->disk.roots[0], "%s/levels/base", src);
    snprintf(p->names[0], sizeof p->names[0], "levels/base");
    p->n = 1;
    char dir[1100];
    snprintf(dir, sizeof dir, "%s/docs/examples/packs", src);
    char **names;
    int n = disk_packs_list_dir(dir, true, &names);
    for (int i = 0; i < n; i++) {
        if (p->n < SOAK_MAX_PACKS) {
            snprintf(p->disk.roots[p->n], sizeof p->disk.roots[0], "%s/%s", dir, names[i]);
            snprintf(p->names[p->n], sizeof p->names[0], "docs/examples/packs/%s", names[i]);
            p->n++;
        }
        free(names[i]);
    }
    free(names);
}

/* Load every pack not turned off into lib. */
static bool load(Library *lib, Packs *p)
{
    PackSource sources[SOAK_MAX_PACKS];
    for (int i = 0; i < p->n; i++)
        sources[i] = (PackSource){p->names[i], false, i == 0, p->disabled[i], NULL};
    PackIO io = disk_packs_io(&p->disk);
    return library_load(lib, sources, p->n, &io, "0.1.0");
}

/* ---- memory ---------------------------------------------------------------------- */

static size_t live_heap(void)
{
#if SOAK_ASAN
    return __sanitizer_get_current_allocated_bytes();
#else
    return mallinfo2().uordblks;
#endif
}

static long peak_rss_kib(void)
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return ru.ru_maxrss;
}

/* ---- random input ----------------------------------------------------------------- */

static RngStream rng;

static int pick(int n)
{
    return n > 0 ? (int)(rng_next(&rng) % (uint64_t)n) : 0;
}

static bool chance(double p)
{
    return rng_unit(&rng) < p;
}

/* A point inside r (or near it: clicks land on edges too). */
static void aim(TickInput *in, UiRect r)
{
    float x = r.x - 2 + (float)rng_unit(&rng) * (r.w + 4);
    float y = r.y - 2 + (float)rng_unit(&rng) * (r.h + 4);
    in->mouse_x = (int16_t)x;
    in->mouse_y = (int16_t)y;
    in->has_mouse = true;
}

/* Anywhere on the canvas, a little beyond its edges too. */
static void aim_anywhere(TickInput *in)
{
    in->mouse_x = (int16_t)(pick(1320) - 20);
    in->mouse_y = (int16_t)(pick(760) - 20);
    in->has_mouse = true;
}

#define KEY(a) (1u << (a))

/* One of the keys in a weighted list {action, weight, ...}. */
static uint32_t key_from(const int *list, int n)
{
    int total = 0;
    for (int i = 0; i < n; i += 2)
        total += list[i + 1];
    int r = pick(total);
    for (int i = 0; i < n; i += 2) {
        if (r < list[i + 1])
            return KEY(list[i]);
        r -= list[i + 1];
    }
    return 0;
}

#define KEYS(...) key_from((const int[]){__VA_ARGS__}, (int)(sizeof((const int[]){__VA_ARGS__}) / sizeof(int)))

/* A click or hover on a body region of the character as it stands now. */
static void aim_body(const Game *g, TickInput *in)
{
    Pose pose;
    RigLayout rig;
    game_character(g, 1.0, &pose, &rig);
    static const Region regions[] = {REGION_EYES, REGION_FACE, REGION_HANDS, REGION_POSTURE, REGION_VOICE, REGION_TEXT};
    RigVec a = game_region_anchor(&rig, regions[pick(6)]);
    /* Anchors sit beside their region: reach in from there. */
    in->mouse_x = (int16_t)(a.x - (float)pick(140) + 20);
    in->mouse_y = (int16_t)(a.y + (float)pick(60) - 30);
    in->has_mouse = true;
}

/* The input of one tick for the screen the game is on. */
static TickInput random_input(const Game *g)
{
    TickInput in;
    memset(&in, 0, sizeof in);
    Screen s = game_shown(g);
    bool paused = g->overlay == OVERLAY_PAUSE;
    /* How often something happens: scenes are watched, menus are clicked. */
    double rate = paused ? 0.12
                : s == SCREEN_PERFORM ? 0.03
                : s == SCREEN_INTRO || s == SCREEN_REACTION || s == SCREEN_WATCH ? 0.02
                : s == SCREEN_ANSWER ? 0.04
                : 0.1;
    if (!chance(rate))
        return in;
    if (chance(0.04)) { /* anything at all: keys the screen does not expect, a stray click */
        in.pressed = KEY(pick(ACT_COUNT));
        if (chance(0.3))
            in.pressed |= KEY(pick(ACT_COUNT));
        if (chance(0.5)) {
            aim_anywhere(&in);
            in.click = chance(0.5);
        }
        return in;
    }
    bool click = chance(0.35);
    if (paused) {
        if (click || chance(0.2)) {
            aim(&in, game_pause_button(pick(PAUSE_COUNT)));
            in.click = click;
        } else {
            in.pressed = KEYS(ACT_UP, 3, ACT_DOWN, 3, ACT_CONFIRM, 4, ACT_BACK, 2, ACT_PAUSE, 2);
        }
        return in;
    }
    switch (s) {
    case SCREEN_TITLE:
        if (click || chance(0.2)) {
            aim(&in, game_title_button(pick(TITLE_COUNT)));
            in.click = click;
        } else {
            in.pressed = KEYS(ACT_UP, 3, ACT_DOWN, 4, ACT_CONFIRM, 5, ACT_1, 4, ACT_2, 3, ACT_3, 2, ACT_4, 3,
                              ACT_BACK, 1);
        }
        break;
    case SCREEN_CHAPTERS: {
        int n = g->chapter_focus < g->campaign.nchapters ? g->campaign.chapters[g->chapter_focus].nscenes : 0;
        if (click || chance(0.2)) {
            aim(&in, game_chapter_row(g, pick(n + 4)));
            in.click = click;
        } else {
            in.pressed = KEYS(ACT_UP, 3, ACT_DOWN, 4, ACT_LEFT, 4, ACT_RIGHT, 4, ACT_CONFIRM, 6, ACT_BACK, 1);
        }
        break;
    }
    case SCREEN_SETTINGS:
        if (click || chance(0.2)) {
            aim(&in, game_settings_row(pick(SET_COUNT)));
            in.click = click;
        } else {
            in.pressed = KEYS(ACT_UP, 4, ACT_DOWN, 4, ACT_LEFT, 3, ACT_RIGHT, 3, ACT_CONFIRM, 3, ACT_BACK, 2,
                              ACT_PAUSE, 1);
        }
        break;
    case SCREEN_PACKS: {
        int n = g->library ? g->library->npacks : 0;
        if (click || chance(0.2)) {
            aim(&in, game_pack_row(g, pick(n + 2)));
            in.click = click;
        } else {
            in.pressed = KEYS(ACT_UP, 3, ACT_DOWN, 3, ACT_CONFIRM, 4, ACT_BACK, 1);
        }
        break;
    }
    case SCREEN_INTRO:
        if (click) {
            aim_anywhere(&in);
            in.click = true;
        } else
            in.pressed = KEYS(ACT_CONFIRM, 8, ACT_PAUSE, 1, ACT_BACK, 1);
        break;
    case SCREEN_PERFORM:
        if (click || chance(0.15)) {
            if (chance(0.8))
                aim_body(g, &in);
            else if (chance(0.5))
                aim(&in, game_speech_box());
            else
                aim_anywhere(&in);
            in.click = click;
        } else {
            in.pressed = KEYS(ACT_FLAG_EYES, 3, ACT_FLAG_FACE, 3, ACT_FLAG_HANDS, 3, ACT_FLAG_POSTURE, 3,
                              ACT_FLAG_VOICE, 3, ACT_FLAG_TEXT, 3, ACT_UP, 2, ACT_DOWN, 2, ACT_LEFT, 1, ACT_RIGHT, 1, ACT_CONFIRM,
                              3, ACT_HINT, 3, ACT_PAUSE, 1, ACT_BACK, 1);
        }
        break;
    case SCREEN_ANSWER:
        if (click || chance(0.2)) {
            aim(&in, game_answer_rect(g, pick(g->noffered)));
            in.click = click;
        } else {
            in.pressed = KEYS(ACT_1, 3, ACT_2, 3, ACT_3, 3, ACT_4, 2, ACT_5, 2, ACT_UP, 2, ACT_DOWN, 2,
                              ACT_CONFIRM, 3, ACT_PAUSE, 1);
        }
        break;
    case SCREEN_REACTION:
        if (click) {
            aim_anywhere(&in);
            in.click = true;
        } else
            in.pressed = KEYS(ACT_CONFIRM, 6, ACT_PAUSE, 1);
        break;
    case SCREEN_DEBRIEF:
        if (click && chance(0.3)) {
            aim(&in, game_timeline_rect());
            in.click = true;
        } else if (click || chance(0.2)) {
            aim(&in, game_debrief_button(pick(GAME_DEBRIEF_BUTTONS)));
            in.click = click;
        } else {
            in.pressed = KEYS(ACT_UP, 3, ACT_DOWN, 3, ACT_LEFT, 1, ACT_RIGHT, 1, ACT_CONFIRM, 8, ACT_BACK, 1);
        }
        break;
    case SCREEN_WATCH:
        if (click) {
            aim_anywhere(&in);
            in.click = true;
        } else
            in.pressed = KEYS(ACT_CONFIRM, 3, ACT_BACK, 1, ACT_PAUSE, 1);
        break;
    case SCREEN_REVIEW:
        if (click) {
            aim(&in, chance(0.7) ? game_review_button() : (UiRect){0, 0, 1280, 720});
            in.click = true;
        } else {
            in.pressed = KEYS(ACT_UP, 3, ACT_DOWN, 3, ACT_CONFIRM, 2, ACT_BACK, 2);
        }
        break;
    case SCREEN_RESULTS:
        if (click) {
            aim(&in, chance(0.7) ? game_results_button() : (UiRect){0, 0, 1280, 720});
            in.click = true;
        } else {
            in.pressed = KEYS(ACT_CONFIRM, 3, ACT_BACK, 1, ACT_UP, 1);
        }
        break;
    case SCREEN_COUNT: break;
    }
    return in;
}

/* ---- what the renderer reads ------------------------------------------------------ */

/* The game's view of itself, as a frame is drawn from it (alpha: how far
 * into the next tick). Results are folded into a sum so nothing is
 * optimised away. */
static double view(const Game *g, double alpha)
{
    double sum = game_time(g, alpha);
    Screen s = g->screen;
    if (g->scene && (s == SCREEN_INTRO || s == SCREEN_PERFORM || s == SCREEN_ANSWER || s == SCREEN_REACTION ||
                     s == SCREEN_WATCH)) {
        Pose pose;
        RigLayout rig;
        game_character(g, alpha, &pose, &rig);
        for (int r = 0; r < REGION_COUNT; r++)
            sum += game_region_anchor(&rig, (Region)r).x;
        const SceneLine *line;
        int visible;
        if (game_current_line(g, alpha, &line, &visible))
            sum += visible;
        float w;
        if (game_voice(g, alpha, &w))
            sum += w;
        sum += game_perform_progress(g, alpha);
        Region hr;
        float phase;
        if (game_hint(g, alpha, &hr, &phase))
            sum += phase + (game_hint_upcoming(g) ? 1 : 0);
        int from, to;
        float p;
        if (game_watch(g, alpha, &from, &to, &p))
            sum += p + from + to;
    }
    if (s == SCREEN_DEBRIEF && g->scene) {
        UiRect t = game_timeline_rect();
        Region rows[REGION_COUNT];
        int nrows = game_timeline_rows(g->scene, rows);
        for (int r = 0; r < nrows; r++)
            sum += game_timeline_cue(g, t.x + (float)rng_unit(&rng) * t.w, t.y + (float)r * t.h / (float)nrows + 2);
    }
    if (s == SCREEN_CHAPTERS || s == SCREEN_RESULTS) {
        sum += game_chapter_scroll(g);
        for (int k = 0; k < g->campaign.nchapters; k++) {
            int max;
            sum += campaign_chapter_stars(&g->campaign, g->progress, k, &max) + max;
            for (int i = 0; i < g->campaign.chapters[k].nscenes; i++)
                sum += campaign_open(&g->campaign, g->progress, k, i);
        }
    }
    if (s == SCREEN_RESULTS && g->progress) {
        Tally t;
        double d, c;
        progress_totals(g->progress, &t);
        stats_tally_dprime(&t, &d, &c);
        StatsVerdict v = stats_profile(&t);
        sum += (double)v.region + (v.key ? (double)strlen(v.key) : 0) + d + c;
    }
    if (s == SCREEN_PACKS)
        sum += game_pack_scroll(g);
    return sum;
}

/* ---- saves, in memory ---------------------------------------------------------------- */

/* Write and read back, as the platform's save and the next start do. */
static void save_round_trip(Game *g, bool settings_asked, bool progress_asked)
{
    if (settings_asked) {
        size_t len;
        char *text = settings_format(&g->settings, &len);
        Settings back;
        DiagList d = {0};
        if (!text || !settings_parse(&back, "settings.txt", text, len, &d) || !settings_equal(&back, &g->settings))
            SOAK_FAIL("settings did not read back as written:\n%s", text ? text : "(out of memory)");
        diag_free(&d);
        free(text);
    }
    if (progress_asked && g->progress) {
        static Progress back;
        size_t len, len2 = 0;
        char *text = progress_format(g->progress, &len);
        DiagList d = {0};
        bool ok = text && progress_parse(&back, "progress.txt", text, len, &d);
        char *again = ok ? progress_format(&back, &len2) : NULL;
        if (!ok || !again || len != len2 || memcmp(text, again, len) != 0)
            SOAK_FAIL("progress did not read back as written:\n%s", text ? text : "(out of memory)");
        diag_free(&d);
        free(text);
        free(again);
    }
}

/* ---- the run ------------------------------------------------------------------------ */

static const char *screen_name(Screen s)
{
    static const char *const names[] = {"title", "intro", "perform", "answer", "reaction", "debrief",
                                        "packs", "chapters", "results", "settings", "watch", "review"};
    return s >= 0 && s < SCREEN_COUNT ? names[s] : "?";
}

static double now_s(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

#define SOAK_MAX_IDS 128

typedef struct {
    long scenes, started, ticks, sessions, reloads, flags, hints, pauses;
    long seen[SCREEN_COUNT];
    long paused_ticks;
    char ids[SOAK_MAX_IDS][SAVE_ID_MAX + 1]; /* scenes finished, and how often */
    long plays[SOAK_MAX_IDS];
    int nids;
} Counts;

static bool played(const Counts *c, const char *key)
{
    for (int i = 0; i < c->nids; i++)
        if (strcmp(c->ids[i], key) == 0)
            return true;
    return false;
}

static void count_play(Counts *c, const char *id)
{
    int i = 0;
    while (i < c->nids && strcmp(c->ids[i], id) != 0)
        i++;
    if (i == c->nids) {
        if (c->nids == SOAK_MAX_IDS)
            return;
        snprintf(c->ids[c->nids++], sizeof c->ids[0], "%s", id);
    }
    c->plays[i]++;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: soak SOURCE_DIR [--scenes N] [--seed S] [--quiet]\n");
        return 2;
    }
    long want = 400;
    bool seeded = false, quiet = false;
    for (int i = 2; i < argc; i++) {
        if (strcmp(argv[i], "--scenes") == 0 && i + 1 < argc)
            want = strtol(argv[++i], NULL, 10);
        else if (strcmp(argv[i], "--seed") == 0 && i + 1 < argc) {
            seed = strtoull(argv[++i], NULL, 10);
            seeded = true;
        } else if (strcmp(argv[i], "--quiet") == 0)
            quiet = true;
        else {
            fprintf(stderr, "soak: unknown option %s\n", argv[i]);
            return 2;
        }
    }
    if (want < 8) {
        fprintf(stderr, "soak: --scenes must be at least 8\n");
        return 2;
    }
    if (!seeded) {
        struct timespec t;
        clock_gettime(CLOCK_REALTIME, &t);
        seed = ((uint64_t)t.tv_sec * 1000003u) ^ (uint64_t)t.tv_nsec;
        seed %= 1000000000000ULL; /* short enough to type */
    }
    printf("soak: seed %" PRIu64 ", %ld scenes (repeat with: soak %s --scenes %ld --seed %" PRIu64 ")\n", seed,
           want, argv[1], want, seed);
    fflush(stdout);
    rng_seed(&rng, seed);

    static Packs packs;
    find_packs(&packs, argv[1]);
    /* Two libraries: a reload loads the new one before the old one goes. */
    static Library libs[2];
    int cur = 0;
    if (!load(&libs[cur], &packs) || libs[cur].npacks != packs.n) {
        fprintf(stderr, "soak: the packs did not load from %s\n", argv[1]);
        return 1;
    }
    for (int k = 0; k < libs[cur].npacks; k++)
        if (libs[cur].packs[k].state != PACK_ENABLED) {
            char buf[8192] = "";
            diag_format_all(&libs[cur].packs[k].diags, buf, sizeof buf);
            fprintf(stderr, "soak: %s did not load:\n%s", libs[cur].packs[k].name, buf);
            return 1;
        }
    /* Every scene of every chapter with every pack on: each must be
     * finished at least once. (Ids: the library may be reloaded since.) */
    static Campaign campaign;
    static char all[SOAK_MAX_IDS][SAVE_ID_MAX + 1];
    int nall = 0;
    campaign_build(&campaign, &libs[cur]);
    for (int k = 0; k < campaign.nchapters; k++)
        for (int i = 0; i < campaign.chapters[k].nscenes && nall < SOAK_MAX_IDS; i++) {
            const char *id = campaign.chapters[k].scenes[i]->id;
            int j = 0;
            while (j < nall && strcmp(all[j], id) != 0)
                j++;
            if (j == nall)
                snprintf(all[nall++], sizeof all[0], "%s", id);
        }
    printf("soak: %d packs, %d chapters, %d scenes in them:", libs[cur].npacks, campaign.nchapters, nall);
    for (int k = 0; k < libs[cur].npacks; k++)
        printf(" %s", libs[cur].packs[k].name);
    printf("\n");

    static Progress progress;
    progress_init(&progress);
    Game *g = calloc(1, sizeof *g);
    if (!g)
        return 1;
    game_init(g, library_first_scene(&libs[cur]), &libs[cur], false);
    g->progress = &progress;

    Counts c = {.sessions = 1};
    size_t heap_first = live_heap(), heap_last = 0;
    long rss_quarter = 0;
    double t0 = now_s(), sink = 0;
    long since_scene = 0;
    long report_every = want / 10 > 0 ? want / 10 : 1;
    while (c.scenes < want && failures == 0) {
        TickInput in = random_input(g);
        bool was_paused = game_paused(g);
        int hints_before = g->hints;
        game_step(g, &in);
        c.ticks++;
        since_scene++;
        if (g->screen < 0 || g->screen >= SCREEN_COUNT) {
            SOAK_FAIL("tick %ld: the game is on screen %d", c.ticks, (int)g->screen);
            break;
        }
        c.seen[g->screen]++;
        c.paused_ticks += game_paused(g);
        c.pauses += game_paused(g) && !was_paused;
        /* The requests, as the platform carries them out. */
        bool settings_asked = false, progress_asked = false, quit = false;
        int toggle = -1;
        for (int e = 0; e < g->nrequests; e++) {
            const GameRequest *r = &g->requests[e];
            settings_asked |= r->type == REQ_SAVE_SETTINGS;
            progress_asked |= r->type == REQ_SAVE_PROGRESS;
            quit |= r->type == REQ_QUIT;
            if (r->type == REQ_TOGGLE_PACK)
                toggle = r->arg;
            if (r->type == REQ_SOUND && r->arg == SOUND_FLAG)
                c.flags++;
            if (r->type == REQ_SOUND && r->arg == SOUND_RESULT) {
                c.scenes++;
                count_play(&c, g->scene && g->scene->id ? g->scene->id : "?");
                since_scene = 0;
                size_t h = live_heap();
                if (c.scenes <= want / 4 && h > heap_first)
                    heap_first = h;
                if (c.scenes > want - want / 4 && h > heap_last)
                    heap_last = h;
                if (c.scenes == want / 4)
                    rss_quarter = peak_rss_kib();
                if (c.scenes % report_every == 0 && !quiet) {
                    printf("soak: %6ld scenes %9ld ticks %7.1f s  peak RSS %6ld KiB  live heap %8zu bytes\n",
                           c.scenes, c.ticks, now_s() - t0, peak_rss_kib(), h);
                    fflush(stdout);
                }
            }
        }
        game_clear_requests(g);
        if (g->screen == SCREEN_INTRO && g->screen_start == g->tick - 1)
            c.started++;
        c.hints += g->hints > hints_before;
        save_round_trip(g, settings_asked, progress_asked);
        if (c.ticks % 5 == 0)
            sink += view(g, rng_unit(&rng));
        if (toggle >= 0) {
            /* As the platform does: remember the choice, reload, come back
             * to the same scene and the Packs screen's focus. */
            int k = toggle;
            const PackInfo *info = &libs[cur].packs[k];
            packs.disabled[info->source] = info->state != PACK_DISABLED;
            char id[SAVE_ID_MAX + 1], name[300];
            snprintf(id, sizeof id, "%s", g->scene && g->scene->id ? g->scene->id : "");
            snprintf(name, sizeof name, "%s", info->name);
            int next = 1 - cur;
            if (!load(&libs[next], &packs)) {
                SOAK_FAIL("reloading the packs failed (the base pack broke)");
                library_free(&libs[next]);
                break;
            }
            const Scene *scene = library_scene(&libs[next], id);
            game_reload(g, scene ? scene : library_first_scene(&libs[next]), &libs[next]);
            library_free(&libs[cur]);
            cur = next;
            for (int i = 0; i < libs[cur].npacks; i++)
                if (strcmp(libs[cur].packs[i].name, name) == 0)
                    g->pack_focus = i;
            g->selected = libs[cur].npacks + 1;
            c.reloads++;
        }
        if (quit) {
            /* The player quit: the game starts again with what was saved. */
            Settings settings = g->settings;
            game_init(g, library_first_scene(&libs[cur]), &libs[cur], false);
            g->progress = &progress;
            g->settings = settings;
            c.sessions++;
        }
        if (since_scene > SOAK_STUCK_TICKS) {
            SOAK_FAIL("no scene finished in %d ticks, after %ld scenes; stuck on %s%s (scene %s)",
                      SOAK_STUCK_TICKS, c.scenes, screen_name(g->screen), game_paused(g) ? " (paused)" : "",
                      g->scene && g->scene->id ? g->scene->id : "-");
            break;
        }
    }
    double secs = now_s() - t0;
    long rss_end = peak_rss_kib();

    printf("soak: %ld scenes finished (%ld started) in %ld ticks, %.1f s; %ld sessions, %ld pack reloads, "
           "%ld flags, %ld hints, %ld pauses\n",
           c.scenes, c.started, c.ticks, secs, c.sessions, c.reloads, c.flags, c.hints, c.pauses);
    printf("soak: ticks by screen:");
    for (int s = 0; s < SCREEN_COUNT; s++)
        printf(" %s %ld", screen_name((Screen)s), c.seen[s]);
    printf("; paused %ld\n", c.paused_ticks);
    printf("soak: scenes finished:");
    for (int i = 0; i < c.nids; i++)
        printf(" %s %ld", c.ids[i], c.plays[i]);
    printf("\n");
    printf("soak: peak RSS %ld KiB at a quarter, %ld KiB at the end; live heap peak %zu bytes in the first "
           "quarter, %zu in the last\n",
           rss_quarter, rss_end, heap_first, heap_last);
    if (failures == 0) {
        for (int s = 0; s < SCREEN_COUNT; s++)
            if (c.seen[s] == 0 && want >= 200)
                SOAK_FAIL("random play never reached the %s screen", screen_name((Screen)s));
        if (c.paused_ticks == 0 && want >= 200)
            SOAK_FAIL("random play never paused a scene");
        if ((c.hints == 0 || c.reloads == 0) && want >= 200)
            SOAK_FAIL("random play never asked for a hint (%ld) or turned a pack off or on (%ld)", c.hints,
                      c.reloads);
        /* Scenes of a pack that random play turned off wait until it is
         * turned on again: asked of long runs only. */
        for (int i = 0; i < nall && want >= 2000; i++)
            if (!played(&c, all[i]))
                SOAK_FAIL("random play never finished scene %s", all[i]);
        if (heap_last > heap_first + SOAK_HEAP_SLACK)
            SOAK_FAIL("the live heap grew with the scenes played: peak %zu bytes in the first quarter, %zu in "
                      "the last",
                      heap_first, heap_last);
        /* Under ASan freed memory waits in its quarantine (up to 256 MiB)
         * before it is reused, so RSS climbs with any churn: there the live
         * heap above is the measure. */
        if (!SOAK_ASAN && rss_end > rss_quarter + rss_quarter / 10 + SOAK_RSS_SLACK_KIB)
            SOAK_FAIL("peak RSS grew with the scenes played: %ld KiB at a quarter, %ld KiB at the end",
                      rss_quarter, rss_end);
    }
    free(g);
    library_free(&libs[cur]);
    if (sink == 12345.678) /* never true; keeps the view's work */
        printf("\n");
    if (failures) {
        fprintf(stderr, "soak: repeat with: soak %s --scenes %ld --seed %" PRIu64 "\n", argv[1], want, seed);
        return 1;
    }
    printf("soak: passed\n");
    return 0;
}
