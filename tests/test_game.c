/* The game around the scene, as a player meets it: Continue and the
 * chapter list, stars and saved progress, pause, the keyboard region
 * cursor, hints, settings, the end of a chapter, slow motion and the
 * answers on offer. The tests' own fixture pack (tests/data/fixture, one
 * scene per role: tutorial, mixed, needs_notice, calm) is loaded as the
 * base through a PackIO over the source tree, and a Game is driven one TickInput at a
 * time, as the platform does.
 *
 * usage: test_game SOURCE_DIR */
#include "check.h"
#include "game.h"
#include "scene_timing.h"
#include "script.h"
#include "timeline.h"
#include "library.h"

#include "disk_packs.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *test_name = "?";

/* A failed expectation: which test, where, and what a player would see. */
#define EXPECT(cond, ...)                                                                  \
    do {                                                                                   \
        if (!(cond)) {                                                                     \
            fprintf(stderr, "%s:%d: [%s] ", __FILE__, __LINE__, test_name);                \
            fprintf(stderr, __VA_ARGS__);                                                  \
            fputc('\n', stderr);                                                           \
            check_failures++;                                                              \
        }                                                                                  \
    } while (0)

/* ---- the fixture pack, from the source tree --------------------------------- */

static const char *src_dir;

static Library lib;

/* ---- driving a game ------------------------------------------------------------ */

#define KEY(a) (1u << (a))
#define MAX_SCENE_TICKS 20000 /* far longer than any scene; a loop bound */

static Game *new_game(const char *scene_id, bool skip_title, Progress *progress)
{
    Game *g = calloc(1, sizeof *g);
    const Scene *s = scene_id ? library_scene(&lib, scene_id) : library_first_scene(&lib);
    if (!g || !s) {
        fprintf(stderr, "test_game: cannot set up a game for %s\n", scene_id ? scene_id : "(first)");
        exit(1);
    }
    game_init(g, s, &lib, skip_title);
    g->progress = progress;
    return g;
}

static void step(Game *g, uint32_t pressed)
{
    TickInput in;
    memset(&in, 0, sizeof in);
    in.pressed = pressed;
    game_step(g, &in);
}

static void press(Game *g, Action a)
{
    step(g, KEY(a));
}

static void idle(Game *g, int n)
{
    for (int i = 0; i < n; i++)
        step(g, 0);
}

static const char *screen_name(Screen s)
{
    static const char *const names[] = {"TITLE", "INTRO", "PERFORM", "ANSWER", "REACTION", "DEBRIEF",
                                        "PACKS", "CHAPTERS", "RESULTS", "SETTINGS", "WATCH", "REVIEW"};
    return s >= 0 && s < (int)(sizeof names / sizeof names[0]) ? names[s] : "?";
}

static const char *scene_id(const Game *g)
{
    return g->scene && g->scene->id ? g->scene->id : "(none)";
}

/* The scene tick the next step will play (flags pressed now land on it). */
static int scene_tick(const Game *g)
{
    return g->tick - g->perform_start;
}

/* From the intro, start the performance. */
static void start_performance(Game *g)
{
    EXPECT(g->screen == SCREEN_INTRO, "expected the intro of %s, on %s", scene_id(g), screen_name(g->screen));
    press(g, ACT_CONFIRM);
    EXPECT(g->screen == SCREEN_PERFORM, "Enter on the intro should start the performance, on %s",
           screen_name(g->screen));
}

/* Step without input until the performance reaches scene tick t. */
static void run_to(Game *g, int t)
{
    for (int i = 0; i < MAX_SCENE_TICKS && g->screen == SCREEN_PERFORM && scene_tick(g) < t; i++)
        step(g, 0);
}

static void run_until(Game *g, Screen s)
{
    for (int i = 0; i < MAX_SCENE_TICKS && g->screen != s; i++)
        step(g, 0);
    EXPECT(g->screen == s, "%s never reached %s (stuck on %s)", scene_id(g), screen_name(s), screen_name(g->screen));
}

static Action flag_key(Region r)
{
    switch (r) {
    case REGION_EYES: return ACT_FLAG_EYES;
    case REGION_HANDS: return ACT_FLAG_HANDS;
    case REGION_FACE: return ACT_FLAG_FACE;
    case REGION_POSTURE: return ACT_FLAG_POSTURE;
    default: return ACT_FLAG_VOICE;
    }
}

static Region cue_region(const SceneCue *c)
{
    return channel_region(c->def->channel);
}

/* The incongruent cues of a scene in time order (ties in file order). */
static int incongruent_cues(const Scene *s, int *out, int max)
{
    int n = 0;
    for (int i = 0; i < s->ncues && n < max; i++)
        if (s->cues[i].incongruent && s->cues[i].def) {
            int j = n++;
            while (j > 0 && s->cues[out[j - 1]].start > s->cues[i].start) {
                out[j] = out[j - 1];
                j--;
            }
            out[j] = i;
        }
    return n;
}

/* The first incongruent cue whose lexicon name is `name`, or -1. */
static int cue_named(const Scene *s, const char *name)
{
    for (int i = 0; i < s->ncues; i++)
        if (s->cues[i].incongruent && s->cues[i].def && strcmp(s->cues[i].def->name, name) == 0)
            return i;
    return -1;
}

/* Flag cue i with its region's key, a few ticks after it begins (or as
 * soon as the debounce allows). */
static void flag_cue(Game *g, int i)
{
    const SceneCue *c = &g->scene->cues[i];
    run_to(g, c->start + 6);
    EXPECT(g->screen == SCREEN_PERFORM, "%s: the performance ended before cue %d", scene_id(g), i);
    press(g, flag_key(cue_region(c)));
}

static void flag_all(Game *g)
{
    int cues[64];
    int n = incongruent_cues(g->scene, cues, 64);
    for (int k = 0; k < n; k++)
        flag_cue(g, cues[k]);
}

/* Choose the answer at position `pos` (0-based) on screen, with 1..5. */
static void choose(Game *g, int pos)
{
    static const Action keys[] = {ACT_1, ACT_2, ACT_3, ACT_4, ACT_5};
    EXPECT(g->screen == SCREEN_ANSWER, "expected the answers, on %s", screen_name(g->screen));
    press(g, keys[pos]);
}

/* The scene's answer with this quality, as an index into the scene's answers. */
static int answer_of_quality(const Scene *s, AnswerQuality q)
{
    for (int i = 0; i < s->nanswers; i++)
        if (s->answers[i].quality == q && !s->answers[i].requires)
            return i;
    return -1;
}

/* Where answer `index` sits among the answers on offer, or -1. */
static int offered_pos(const Game *g, int index)
{
    for (int i = 0; i < g->noffered; i++)
        if (g->offered[i] == index)
            return i;
    return -1;
}

/* Play from the answer screen through the reaction to the debrief. */
static void answer_and_finish(Game *g, int index)
{
    run_until(g, SCREEN_ANSWER);
    int pos = offered_pos(g, index);
    EXPECT(pos >= 0, "%s: answer %d is not on offer", scene_id(g), index);
    choose(g, pos < 0 ? 0 : pos);
    run_until(g, SCREEN_DEBRIEF);
}

/* On the debrief, walk the highlight to a button and press Enter. */
static void debrief_choose(Game *g, DebriefItem item)
{
    EXPECT(g->screen == SCREEN_DEBRIEF, "expected the debrief, on %s", screen_name(g->screen));
    for (int i = 0; i < GAME_DEBRIEF_BUTTONS && g->selected != (int)item; i++)
        press(g, ACT_UP);
    EXPECT(g->selected == (int)item, "Up should reach debrief button %d, highlights %d", (int)item, g->selected);
    press(g, ACT_CONFIRM);
}

static Progress *new_progress(void)
{
    Progress *p = malloc(sizeof *p);
    if (!p)
        exit(1);
    progress_init(p);
    return p;
}

static void mark_done(Progress *p, const char *scene)
{
    PlayResult play = {.completed = true, .stars = 1, .score = 100};
    EXPECT(progress_record(p, FIXTURE_PACK, scene, &play) != NULL, "progress_record(%s) failed", scene);
}

/* The id of scene `pos` of the first chapter: the tests follow the
 * campaign's order, not particular scenes. */
static const char *nth_scene(int pos)
{
    Campaign c;
    campaign_build(&c, &lib);
    return c.nchapters > 0 && pos < c.chapters[0].nscenes ? c.chapters[0].scenes[pos]->id : "?";
}

/* ---- 1. Continue ----------------------------------------------------------------- */

static void test_continue(void)
{
    test_name = "continue";
    const char *first = nth_scene(0), *second = nth_scene(1);
    Progress *p = new_progress();
    Game *g = new_game(NULL, false, p);
    EXPECT(g->screen == SCREEN_TITLE, "the game should start on the title, not %s", screen_name(g->screen));
    EXPECT(g->selected == 0, "Continue should be highlighted first, not item %d", g->selected);
    press(g, ACT_CONFIRM);
    EXPECT(g->screen == SCREEN_INTRO, "Continue with no progress should open a scene's intro, got %s",
           screen_name(g->screen));
    EXPECT(strcmp(scene_id(g), first) == 0, "Continue with no progress should start %s, got %s", first,
           scene_id(g));
    EXPECT(g->chapter == 0 && g->chapter_pos == 0, "%s should be chapter 0 scene 0, got %d/%d", first, g->chapter,
           g->chapter_pos);
    free(g);

    mark_done(p, first);
    g = new_game(NULL, false, p);
    press(g, ACT_CONFIRM);
    EXPECT(strcmp(scene_id(g), second) == 0, "Continue after %s should start %s, got %s", first, second,
           scene_id(g));
    EXPECT(g->chapter == 0 && g->chapter_pos == 1, "%s should be chapter 0 scene 1, got %d/%d", second, g->chapter,
           g->chapter_pos);
    free(g);

    /* Everything finished: Continue starts again from the first scene. */
    Campaign c;
    campaign_build(&c, &lib);
    for (int k = 0; k < c.nchapters; k++)
        for (int i = 0; i < c.chapters[k].nscenes; i++)
            mark_done(p, c.chapters[k].scenes[i]->id);
    g = new_game(NULL, false, p);
    press(g, ACT_CONFIRM);
    EXPECT(strcmp(scene_id(g), first) == 0, "Continue with every scene done should start %s, got %s", first,
           scene_id(g));
    free(g);
    free(p);
}

/* ---- 2. Chapters: a scene opens when the one before it is done ---------------- */

static void test_chapters_locked(void)
{
    test_name = "chapters";
    const char *first = nth_scene(0), *second = nth_scene(1), *third = nth_scene(2);
    Progress *p = new_progress();
    Game *g = new_game(NULL, false, p);
    press(g, ACT_2); /* Chapters */
    EXPECT(g->screen == SCREEN_CHAPTERS, "item 2 on the title should open Chapters, got %s", screen_name(g->screen));
    EXPECT(g->chapter_focus == 0 && g->selected == 0, "Chapters should open on chapter 0, scene 0 (got %d, %d)",
           g->chapter_focus, g->selected);
    press(g, ACT_DOWN);
    EXPECT(g->selected == 1, "Down should move to the second scene, selected %d", g->selected);
    press(g, ACT_CONFIRM);
    EXPECT(g->screen == SCREEN_CHAPTERS, "%s is locked until %s is done; Enter went to %s (%s)", second, first,
           screen_name(g->screen), scene_id(g));

    mark_done(p, first);
    press(g, ACT_DOWN);
    press(g, ACT_CONFIRM);
    EXPECT(g->screen == SCREEN_CHAPTERS, "%s is still locked (%s not done); Enter went to %s (%s)", third, second,
           screen_name(g->screen), scene_id(g));
    press(g, ACT_UP);
    EXPECT(g->selected == 1, "Up should come back to %s, selected %d", second, g->selected);
    press(g, ACT_CONFIRM);
    EXPECT(g->screen == SCREEN_INTRO && strcmp(scene_id(g), second) == 0,
           "with %s done, %s should start: got %s (%s)", first, second, screen_name(g->screen), scene_id(g));
    free(g);
    free(p);
}

/* A facilitator's setting opens every scene, finished or not. */
static void test_open_all_scenes(void)
{
    test_name = "open_all_scenes";
    Progress *p = new_progress();
    Game *g = new_game(NULL, false, p);
    g->settings.open_all_scenes = true;
    press(g, ACT_2); /* Chapters */
    const Chapter *ch = &g->campaign.chapters[0];
    int last = ch->nscenes - 1; /* the chapter's last scene, whatever it is */
    for (int i = 0; i < last; i++)
        press(g, ACT_DOWN);
    press(g, ACT_CONFIRM);
    EXPECT(last > 0 && g->screen == SCREEN_INTRO && g->scene == ch->scenes[last],
           "with every scene open, the chapter's last scene (%s) should start with nothing done: got %s (%s)",
           ch->scenes[last]->id, screen_name(g->screen), scene_id(g));
    free(g);
    free(p);
}

/* ---- 3. Stars ------------------------------------------------------------------- */

static int stars_of(int hits, int misses, int fas, int answer, AnswerQuality q)
{
    SceneResult r;
    memset(&r, 0, sizeof r);
    r.hits = hits;
    r.misses = misses;
    r.false_alarms = fas;
    r.answer = answer;
    r.quality = q;
    return campaign_stars(&r);
}

static void test_stars_rule(void)
{
    test_name = "stars";
    struct {
        int hits, misses, fas, answer;
        AnswerQuality q;
        int want;
        const char *why;
    } cases[] = {
        {0, 3, 0, 0, QUALITY_POOR, 1, "finishing alone is one star"},
        {1, 2, 0, 0, QUALITY_GOOD, 1, "1 of 3 noticed is short of two thirds"},
        {2, 1, 0, 0, QUALITY_POOR, 2, "2 of 3 noticed, no false alarm: the noticing star"},
        {2, 1, 1, 0, QUALITY_POOR, 2, "2 of 3 noticed with one false alarm still earns it"},
        {2, 1, 2, 0, QUALITY_POOR, 1, "two false alarms lose the noticing star"},
        {4, 2, 0, 0, QUALITY_POOR, 2, "4 of 6 is exactly two thirds"},
        {3, 2, 0, 0, QUALITY_POOR, 1, "3 of 5 is under two thirds"},
        {0, 3, 0, 1, QUALITY_BEST, 2, "the best answer is a star of its own"},
        {3, 0, 0, 1, QUALITY_BEST, 3, "everything noticed and the best answer: three"},
        {3, 0, 0, 1, QUALITY_GOOD, 2, "a good answer is not the best"},
        {0, 0, 0, 2, QUALITY_POOR, 2, "a catch scene left alone earns the noticing star"},
        {0, 0, 1, 2, QUALITY_POOR, 1, "a catch scene with one false alarm does not"},
        {0, 0, 0, 0, QUALITY_BEST, 3, "a catch scene left alone with the best answer: three"},
        {3, 0, 0, -1, QUALITY_BEST, 2, "no answer chosen earns no answer star"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        int got = stars_of(cases[i].hits, cases[i].misses, cases[i].fas, cases[i].answer, cases[i].q);
        EXPECT(got == cases[i].want, "%s: hits=%d misses=%d false_alarms=%d quality=%s gave %d stars, want %d",
               cases[i].why, cases[i].hits, cases[i].misses, cases[i].fas, scene_quality_name(cases[i].q), got,
               cases[i].want);
    }

    /* The same rule in play: calm is a catch scene. */
    const Scene *s = library_scene(&lib, "calm");
    EXPECT(s && s->nincongruent == 0, "calm should be a catch scene (no incongruent cue)");
    if (!s)
        return;
    int best = answer_of_quality(s, QUALITY_BEST);
    Game *g = new_game("calm", true, NULL);
    start_performance(g);
    answer_and_finish(g, best);
    EXPECT(g->stars == 3, "calm left alone with the best answer should give 3 stars, got %d", g->stars);
    free(g);

    g = new_game("calm", true, NULL);
    start_performance(g);
    run_to(g, 200);
    press(g, ACT_FLAG_EYES);
    answer_and_finish(g, best);
    EXPECT(g->result.false_alarms == 1, "one flag in a catch scene is one false alarm, got %d",
           g->result.false_alarms);
    EXPECT(g->stars == 2, "calm with one false alarm and the best answer should give 2 stars, got %d",
           g->stars);
    free(g);
}

/* ---- 4. Finishing a scene records a play ------------------------------------------ */

static void test_progress_recorded(void)
{
    test_name = "progress";
    Progress *p = new_progress();
    Game *g = new_game("tutorial", true, p);
    const Scene *s = g->scene;
    start_performance(g);
    flag_all(g);
    EXPECT(!game_requested(g, REQ_SAVE_PROGRESS), "nothing should be recorded before the scene ends");
    answer_and_finish(g, answer_of_quality(s, QUALITY_BEST));
    EXPECT(game_requested(g, REQ_SAVE_PROGRESS), "finishing tutorial should ask for progress to be saved");
    EXPECT(g->stars == 3, "tutorial, its one cue flagged and the best answer, should give 3 stars, got %d",
           g->stars);
    const SceneRecord *r = progress_find(p, "tutorial");
    EXPECT(r != NULL, "finishing tutorial should add a progress record");
    if (r) {
        EXPECT(r->done, "the record should say tutorial is done");
        EXPECT(r->at[DIFFICULTY_STANDARD].stars == 3, "the record should keep 3 stars, has %d", r->at[DIFFICULTY_STANDARD].stars);
        EXPECT(r->at[DIFFICULTY_STANDARD].score == g->result.score, "the record's score %d should be the play's %d", r->at[DIFFICULTY_STANDARD].score,
               g->result.score);
        EXPECT(r->plays == 1, "one play recorded, the record says %d", r->plays);
        EXPECT(strcmp(r->pack, FIXTURE_PACK) == 0, "the record should name pack '%s', has '%s'", FIXTURE_PACK,
               r->pack);
        EXPECT(r->last.total.hits == 1 && r->last.total.signals == 1,
               "the record's tally should hold the one hit of one signal, has %d/%d", r->last.total.hits,
               r->last.total.signals);
    }
    int best_score = g->result.score;

    /* Try again (debrief item 1), and play it worse: nothing flagged, a poor answer. */
    game_clear_requests(g);
    debrief_choose(g, DEBRIEF_AGAIN);
    EXPECT(g->screen == SCREEN_INTRO && g->scene == s, "Try again should restart tutorial, got %s (%s)",
           screen_name(g->screen), scene_id(g));
    start_performance(g);
    answer_and_finish(g, answer_of_quality(s, QUALITY_POOR));
    EXPECT(game_requested(g, REQ_SAVE_PROGRESS), "the second play should be recorded too");
    EXPECT(g->stars == 1, "the worse play should earn 1 star, got %d", g->stars);
    r = progress_find(p, "tutorial");
    if (r) {
        EXPECT(r->at[DIFFICULTY_STANDARD].stars == 3, "a worse play must not lower the best stars: 3 expected, the record has %d", r->at[DIFFICULTY_STANDARD].stars);
        EXPECT(r->at[DIFFICULTY_STANDARD].score == best_score, "a worse play must not lower the best score %d, the record has %d",
               best_score, r->at[DIFFICULTY_STANDARD].score);
        EXPECT(r->plays == 2, "two plays recorded, the record says %d", r->plays);
        EXPECT(r->done, "tutorial stays done");
        EXPECT(r->last.total.hits == 0, "the record's last tally is the latest play (0 hits), has %d",
               r->last.total.hits);
    }
    free(g);
    free(p);
}

/* ---- 5. Pause ------------------------------------------------------------------------ */

static bool same_pose(const Pose *a, const Pose *b)
{
    return memcmp(a->v, b->v, sizeof a->v) == 0;
}

static void test_pause(void)
{
    test_name = "pause";
    Game *g = new_game("mixed", true, NULL);   /* paused */
    Game *ref = new_game("mixed", true, NULL); /* never paused */
    const Scene *s = g->scene;
    start_performance(g);
    start_performance(ref);
    /* Halfway through typing the second line: time passing would show. */
    const SceneLine *ln = &s->lines[s->nlines > 1 ? 1 : 0];
    int t = ln->start + (ln->typed - ln->start) / 2;
    run_to(g, t);
    run_to(ref, t);

    const SceneLine *line0 = NULL, *line1 = NULL;
    int vis0 = -1, vis1 = -1;
    Pose pose0, pose1;
    RigLayout rig0, rig1;
    EXPECT(game_current_line(g, 1.0, &line0, &vis0), "a line should show at scene tick %d", t);
    game_character(g, 1.0, &pose0, &rig0);
    double time0 = game_time(g, 1.0);
    float prog0 = game_perform_progress(g, 1.0);
    EXPECT(line0 && vis0 > 0 && vis0 < (int)strlen(line0->text),
           "the line should be half typed at scene tick %d (visible %d)", t, vis0);

    int paused_at = g->tick;
    press(g, ACT_BACK);
    EXPECT(game_paused(g), "Esc during the performance should pause");
    for (int i = 0; i < 120; i++)
        step(g, i == 60 ? KEY(ACT_FLAG_EYES) : 0);
    EXPECT(game_paused(g) && g->screen == SCREEN_PERFORM, "still paused on the performance after 120 ticks (%s)",
           screen_name(g->screen));
    EXPECT(g->notice.nflags == 0, "a flag key while paused must not place a flag (%d flags)", g->notice.nflags);
    EXPECT(game_time(g, 1.0) == time0, "game_time moved while paused: %.1f, then %.1f", time0, game_time(g, 1.0));
    EXPECT(game_time(g, 0.25) == time0, "game_time between ticks moved while paused: %.2f", game_time(g, 0.25));
    EXPECT(game_perform_progress(g, 1.0) == prog0, "the timeline bar moved while paused");
    EXPECT(game_current_line(g, 1.0, &line1, &vis1) && line1 == line0 && vis1 == vis0,
           "the typewriter moved while paused: %d bytes, then %d", vis0, vis1);
    game_character(g, 1.0, &pose1, &rig1);
    EXPECT(same_pose(&pose0, &pose1), "the character's pose changed while paused");
    EXPECT(rig1.breath == rig0.breath && rig1.head.y == rig0.head.y, "the character breathed while paused");

    /* Resume: one tick on from where it stopped, as if no time had passed. */
    press(g, ACT_BACK);
    int gap = g->tick - 1 - paused_at;
    step(ref, 0);
    EXPECT(!game_paused(g) && g->screen == SCREEN_PERFORM, "Esc in the pause menu should resume (%s, paused %d)",
           screen_name(g->screen), game_paused(g));
    EXPECT(scene_tick(g) == scene_tick(ref), "after resuming, scene tick %d, expected %d", scene_tick(g),
           scene_tick(ref));
    for (int k = 0; k < 3; k++) {
        const SceneLine *la = NULL, *lb = NULL;
        int va = -1, vb = -2;
        game_current_line(g, 1.0, &la, &va);
        game_current_line(ref, 1.0, &lb, &vb);
        EXPECT(la == lb && va == vb, "%d ticks after resuming the typewriter shows %d bytes, unpaused %d", k, va, vb);
        Pose pa, pb;
        RigLayout ra, rb;
        game_character(g, 1.0, &pa, &ra);
        game_character(ref, 1.0, &pb, &rb);
        /* Cue-driven parameters: everything but idle blinks and glances. */
        Pose ca = pa, cb = pb;
        ca.v[P_BLINK] = cb.v[P_BLINK] = 0;
        ca.v[P_GAZE_X] = cb.v[P_GAZE_X] = 0;
        ca.v[P_GAZE_Y] = cb.v[P_GAZE_Y] = 0;
        EXPECT(same_pose(&ca, &cb), "%d ticks after resuming, the cues do not match the unpaused scene", k);
        /* Idle life (blinks, glances, breath) is left out here: see
         * test_pause_idle_life. */
        step(g, 0);
        step(ref, 0);
    }
    EXPECT(gap == 121, "the pause lasted %d ticks, expected 121 (the pause press and 120 ticks)", gap);

    /* The scene still ends at perform_start + length, in scene time. */
    run_until(g, SCREEN_ANSWER);
    run_until(ref, SCREEN_ANSWER);
    EXPECT(g->screen_start - g->perform_start == s->length,
           "the paused scene ended at scene tick %d, its length is %d", g->screen_start - g->perform_start, s->length);
    EXPECT(g->screen_start == ref->screen_start + gap,
           "the paused scene should end %d ticks after the unpaused one, ended %d later", gap,
           g->screen_start - ref->screen_start);
    free(g);
    free(ref);

    /* ACT_PAUSE (Start on a gamepad, Esc) pauses too; so does it on the answers. */
    g = new_game("mixed", true, NULL);
    start_performance(g);
    idle(g, 30);
    press(g, ACT_PAUSE);
    EXPECT(game_paused(g), "the pause action should pause the performance");
    press(g, ACT_PAUSE);
    EXPECT(!game_paused(g), "the pause action should resume from the pause menu");
    free(g);
}

/* The character's idle life (breath, blinks, glances) continues from where
 * the pause stopped it, instead of jumping ahead by the time spent paused.
 * (It once ran on the game's clock, which a pause does not stop.) */
static void test_pause_idle_life(void)
{
    test_name = "pause_idle_life";
    Game *g = new_game("mixed", true, NULL);
    start_performance(g);
    /* How far the breath moves in one tick when nothing is paused. */
    Pose pose0, pose1;
    RigLayout rig0, rig1;
    float most = 0;
    game_character(g, 1.0, &pose0, &rig0);
    for (int i = 0; i < 300; i++) {
        step(g, 0);
        game_character(g, 1.0, &pose1, &rig1);
        float d = rig1.breath - rig0.breath;
        most = d < 0 ? (-d > most ? -d : most) : (d > most ? d : most);
        rig0 = rig1;
    }
    EXPECT(most > 0, "the character should breathe");
    press(g, ACT_BACK);
    game_character(g, 1.0, &pose0, &rig0);
    idle(g, 100); /* not a whole number of breaths */
    press(g, ACT_BACK);
    /* One tick on from the pause: at most one tick's worth of breath. */
    game_character(g, 1.0, &pose1, &rig1);
    float d = rig1.breath - rig0.breath;
    if (d < 0)
        d = -d;
    EXPECT(d <= 2 * most,
           "on resuming after a 101-tick pause the character's breath jumps from %.3f to %.3f "
           "in one tick (at most %.3f a tick otherwise): idle life runs on game time, not scene time",
           (double)rig0.breath, (double)rig1.breath, (double)most);
    free(g);
}

/* ---- 6. Keyboard region pick --------------------------------------------------------- */

static void test_region_cursor(void)
{
    test_name = "region_cursor";
    Game *g = new_game("mixed", true, NULL);
    start_performance(g);
    EXPECT(g->region_cursor < 0, "the region cursor should be hidden at first (%d)", g->region_cursor);
    idle(g, 10);
    press(g, ACT_DOWN);
    EXPECT(g->region_cursor >= 0, "Down during the performance should show the region cursor");
    EXPECT(g->region_cursor == REGION_EYES, "the cursor should start on the eyes, is on %d", g->region_cursor);
    press(g, ACT_DOWN);
    int at = g->region_cursor;
    EXPECT(at == REGION_FACE, "a second Down should move the cursor from the eyes to the face, is on %d", at);
    int before = g->notice.nflags;
    press(g, ACT_CONFIRM);
    EXPECT(g->notice.nflags == before + 1, "Enter on the cursor should place one flag (%d -> %d)", before,
           g->notice.nflags);
    if (g->notice.nflags > before)
        EXPECT((int)g->notice.flags[before].region == at, "the flag should be on the cursor's region %d, is on %d", at,
               (int)g->notice.flags[before].region);
    EXPECT(g->screen == SCREEN_PERFORM, "Enter on the cursor must not leave the performance (%s)",
           screen_name(g->screen));
    idle(g, GAME_FLAG_DEBOUNCE);
    press(g, ACT_UP);
    EXPECT(g->region_cursor == REGION_EYES, "Up should move the cursor back to the eyes, is on %d",
           g->region_cursor);
    press(g, ACT_CONFIRM);
    EXPECT(g->notice.nflags == before + 2 && g->notice.flags[before + 1].region == REGION_EYES,
           "a second Enter should flag the eyes (%d flags)", g->notice.nflags);
    free(g);
}

/* ---- 7. Hints ---------------------------------------------------------------------- */

/* Play mixed: flag every incongruent cue, hinting before the first
 * `hint_upto` of them (0: no hints), and choose `answer`. */
static Game *play_with_hints(bool hints_on, int hint_upto, int answer, bool flag)
{
    Game *g = new_game("mixed", true, NULL);
    g->settings.hints = hints_on;
    start_performance(g);
    int cues[64];
    int n = incongruent_cues(g->scene, cues, 64);
    for (int k = 0; k < n; k++) {
        if (k < hint_upto) {
            int t = g->scene->cues[cues[k]].start - 2;
            if (t > scene_tick(g))
                run_to(g, t);
            press(g, ACT_HINT);
        }
        if (flag)
            flag_cue(g, cues[k]);
    }
    answer_and_finish(g, answer);
    return g;
}

static void test_hints(void)
{
    test_name = "hints";
    const Scene *s = library_scene(&lib, "mixed");
    int cues[64];
    int n = incongruent_cues(s, cues, 64);
    EXPECT(n >= 2, "mixed should have two incongruent cues or more, has %d", n);
    if (n < 2)
        return;
    Region r;
    float phase;

    /* Off (the default): the hint key does nothing. */
    Game *g = new_game("mixed", true, NULL);
    EXPECT(!g->settings.hints, "hints should be off by default");
    start_performance(g);
    idle(g, 10);
    press(g, ACT_HINT);
    EXPECT(g->hints == 0 && g->hint_cue < 0, "with hints off the hint key charged %d (cue %d)", g->hints,
           g->hint_cue);
    EXPECT(!game_hint(g, 1.0, &r, &phase), "with hints off no hint should show");
    free(g);

    /* On: the next incongruent cue not yet flagged, charged once. */
    g = new_game("mixed", true, NULL);
    g->settings.hints = true;
    start_performance(g);
    idle(g, 10);
    press(g, ACT_HINT);
    EXPECT(g->hints == 1, "one hint asked, %d charged", g->hints);
    EXPECT(g->hint_cue == cues[0], "the hint should point at the first incongruent cue %d, points at %d", cues[0],
           g->hint_cue);
    EXPECT(game_hint(g, 1.0, &r, &phase) && r == cue_region(&s->cues[cues[0]]),
           "game_hint should show the region of the first cue (%d)", (int)cue_region(&s->cues[cues[0]]));
    idle(g, 30);
    press(g, ACT_HINT);
    EXPECT(g->hints == 1, "asking again about the same cue must not charge again: %d charged", g->hints);
    flag_cue(g, cues[0]);
    EXPECT(g->notice.cue_hit[cues[0]], "flagging the hinted cue should hit it");
    EXPECT(!game_hint(g, 1.0, &r, &phase), "a hint about a cue just flagged should stop showing");
    idle(g, GAME_FLAG_DEBOUNCE);
    press(g, ACT_HINT);
    EXPECT(g->hints == 2, "a hint about the next cue costs again: %d charged", g->hints);
    EXPECT(g->hint_cue == cues[1], "the next hint should point at cue %d, points at %d", cues[1], g->hint_cue);
    EXPECT(game_hint(g, 1.0, &r, &phase) && r == cue_region(&s->cues[cues[1]]),
           "game_hint should show the region of the second cue");
    idle(g, GAME_HINT_TICKS + 1);
    EXPECT(!game_hint(g, 1.0, &r, &phase), "a hint's pulse should end after GAME_HINT_TICKS");
    free(g);

    /* The score: GAME_HINT_COST less per hint, never below 0. */
    int best = answer_of_quality(s, QUALITY_BEST), poor = answer_of_quality(s, QUALITY_POOR);
    Game *plain = play_with_hints(false, 0, best, true);
    Game *hinted = play_with_hints(true, 2, best, true);
    EXPECT(hinted->hints == 2, "two cues hinted, %d charged", hinted->hints);
    EXPECT(hinted->result.hits == plain->result.hits, "hints must not change the hits (%d vs %d)",
           hinted->result.hits, plain->result.hits);
    EXPECT(hinted->result.score == plain->result.score - 2 * GAME_HINT_COST,
           "two hints should cost %d: score %d without, %d with", 2 * GAME_HINT_COST, plain->result.score,
           hinted->result.score);
    free(plain);
    free(hinted);
    plain = play_with_hints(false, 0, poor, false);
    hinted = play_with_hints(true, 1, poor, false);
    EXPECT(plain->result.score < GAME_HINT_COST, "a play with nothing flagged and a poor answer scores %d",
           plain->result.score);
    EXPECT(hinted->hints == 1 && hinted->result.score == 0,
           "a hint on a score of %d must leave 0, not %d (hints %d)", plain->result.score, hinted->result.score,
           hinted->hints);
    free(plain);
    free(hinted);
}

/* ---- 8. Settings -------------------------------------------------------------------- */

static void test_settings(void)
{
    test_name = "settings";
    Game *g = new_game(NULL, false, NULL);
    press(g, ACT_3); /* Settings */
    EXPECT(g->screen == SCREEN_SETTINGS, "item 3 on the title should open Settings, got %s", screen_name(g->screen));
    for (int i = 0; i < SET_TEXT_SIZE; i++)
        press(g, ACT_DOWN);
    EXPECT(g->selected == SET_TEXT_SIZE, "five Downs should reach the text size row, selected %d", g->selected);
    TextSize was = g->settings.text_size;
    EXPECT(!game_requested(g, REQ_SAVE_SETTINGS), "nothing changed yet, yet saving the settings is asked for");
    press(g, ACT_RIGHT);
    EXPECT(g->settings.text_size == (TextSize)((was + 1) % TEXT_SIZE_COUNT), "Right should make the text larger: %s -> %s",
           settings_text_size_name(was), settings_text_size_name(g->settings.text_size));
    EXPECT(game_requested(g, REQ_SAVE_SETTINGS), "changing the text size should ask for the settings to be saved");
    EXPECT(g->selected == SET_TEXT_SIZE, "Right must not move off the row (selected %d)", g->selected);
    press(g, ACT_LEFT);
    EXPECT(g->settings.text_size == was, "Left should undo it (%s)", settings_text_size_name(g->settings.text_size));
    press(g, ACT_BACK);
    EXPECT(g->screen == SCREEN_TITLE, "Back from Settings opened from the title should return there, got %s",
           screen_name(g->screen));
    EXPECT(g->selected == 2, "the title should come back with Settings highlighted, highlights %d", g->selected);
    free(g);

    /* From the pause menu: Back returns to the pause menu, still paused. */
    g = new_game("mixed", true, NULL);
    start_performance(g);
    idle(g, 100);
    press(g, ACT_BACK);
    double time0 = game_time(g, 1.0);
    EXPECT(game_paused(g) && g->selected == PAUSE_RESUME, "Esc should pause with Resume highlighted (%d)", g->selected);
    press(g, ACT_DOWN);
    press(g, ACT_DOWN);
    EXPECT(g->selected == PAUSE_SETTINGS, "two Downs should reach Settings in the pause menu, selected %d",
           g->selected);
    press(g, ACT_CONFIRM);
    EXPECT(game_shown(g) == SCREEN_SETTINGS, "Settings in the pause menu should open Settings, got %s",
           screen_name(game_shown(g)));
    for (int i = 0; i < SET_TEXT_SIZE; i++)
        press(g, ACT_DOWN);
    press(g, ACT_RIGHT);
    EXPECT(game_requested(g, REQ_SAVE_SETTINGS), "changing a setting from the pause menu should ask for the settings to be saved");
    idle(g, 50);
    press(g, ACT_BACK);
    EXPECT(g->screen == SCREEN_PERFORM && game_paused(g),
           "Back from Settings opened from the pause menu should return to it: got %s, paused %d",
           screen_name(g->screen), game_paused(g));
    EXPECT(g->selected == PAUSE_SETTINGS, "the pause menu should come back on its Settings item, selected %d",
           g->selected);
    EXPECT(game_time(g, 1.0) == time0, "the scene clock moved while in Settings from the pause menu");
    press(g, ACT_BACK);
    EXPECT(!game_paused(g) && g->screen == SCREEN_PERFORM, "Esc should then resume the scene (%s, paused %d)",
           screen_name(g->screen), game_paused(g));
    free(g);
}

/* ---- 9. The end of the chapter ------------------------------------------------------ */

static void test_chapter_end(void)
{
    test_name = "chapter_end";
    Campaign c;
    campaign_build(&c, &lib);
    EXPECT(c.nchapters >= 1 && c.chapters[0].nscenes >= 2, "the fixture should have a chapter of scenes");
    if (c.nchapters < 1 || c.chapters[0].nscenes < 2)
        return;
    const Chapter *ch = &c.chapters[0];
    const char *last = ch->scenes[ch->nscenes - 1]->id;

    /* A scene in the middle: Continue goes on to the next scene. */
    Game *g = new_game("mixed", true, NULL);
    start_performance(g);
    answer_and_finish(g, answer_of_quality(g->scene, QUALITY_POOR));
    EXPECT(g->selected == DEBRIEF_CONTINUE, "the debrief should highlight Continue, highlights %d", g->selected);
    press(g, ACT_CONFIRM);
    EXPECT(g->screen == SCREEN_INTRO && strcmp(scene_id(g), ch->scenes[2]->id) == 0,
           "Continue after mixed should start %s, got %s (%s)", ch->scenes[2]->id, screen_name(g->screen),
           scene_id(g));
    free(g);

    /* The last scene: Continue shows the chapter's results. */
    g = new_game(last, true, NULL);
    start_performance(g);
    answer_and_finish(g, answer_of_quality(g->scene, QUALITY_BEST));
    EXPECT(g->selected == DEBRIEF_CONTINUE, "the debrief should highlight Continue, highlights %d", g->selected);
    press(g, ACT_CONFIRM);
    EXPECT(g->screen == SCREEN_RESULTS, "Continue after %s, the last scene of chapter 1, should show the results, "
           "got %s (%s)", last, screen_name(g->screen), scene_id(g));
    EXPECT(g->chapter_focus == 0, "the results should be chapter 0's, are %d's", g->chapter_focus);
    free(g);
}

/* ---- 10. Slow motion ------------------------------------------------------------------ */

static void test_watch(void)
{
    test_name = "watch";
    Game *g = new_game("mixed", true, NULL);
    const Scene *s = g->scene;
    int cues[64];
    int n = incongruent_cues(s, cues, 64);
    EXPECT(n > 0, "mixed has incongruent cues");
    if (n == 0) {
        free(g);
        return;
    }
    /* The watched window begins GAME_WATCH_LEAD ticks before the first cue;
     * keep what the performance showed a few ticks into the cue, while the
     * body moves from tick to tick. */
    int from0 = s->cues[cues[0]].start - GAME_WATCH_LEAD > 0 ? s->cues[cues[0]].start - GAME_WATCH_LEAD : 0;
    const int k = s->cues[cues[0]].start + 8 - from0;
    start_performance(g);
    run_to(g, from0 + k - 1);
    step(g, 0); /* now showing scene tick from0 + k */
    Pose seen, next_pose;
    RigLayout seen_rig;
    game_character(g, 1.0, &seen, &seen_rig);
    run_to(g, from0 + k + 1);
    game_character(g, 1.0, &next_pose, &seen_rig);
    EXPECT(!same_pose(&seen, &next_pose), "the first cue should move the body from tick to tick");
    answer_and_finish(g, answer_of_quality(s, QUALITY_BEST));

    debrief_choose(g, DEBRIEF_WATCH);
    EXPECT(g->screen == SCREEN_WATCH, "Watch on the debrief should start slow motion, got %s", screen_name(g->screen));
    EXPECT(g->watch_cue == cues[0], "slow motion should begin with the first incongruent cue %d, shows %d", cues[0],
           g->watch_cue);
    int from, to;
    float p0, p1;
    EXPECT(game_watch(g, 1.0, &from, &to, &p0), "game_watch should report while watching");
    EXPECT(from == from0, "the watched window should start at scene tick %d, starts at %d", from0, from);
    EXPECT(p0 == 0.f, "slow motion should start at the window's beginning, progress %.3f", (double)p0);
    idle(g, GAME_WATCH_SLOW * k);
    EXPECT(game_watch(g, 1.0, &from, &to, &p1), "game_watch should still report");
    float moved = (p1 - p0) * (float)(to - from);
    EXPECT(moved > k - 0.01f && moved < k + 0.01f, "after %d ticks of slow motion the scene moved %.2f ticks, want %d",
           GAME_WATCH_SLOW * k, (double)moved, k);
    Pose watched;
    RigLayout watched_rig;
    game_character(g, 1.0, &watched, &watched_rig);
    EXPECT(same_pose(&watched, &seen), "slow motion at scene tick %d should show the pose the performance showed",
           from0 + k);
    press(g, ACT_BACK);
    EXPECT(g->screen == SCREEN_DEBRIEF, "Esc in slow motion should return to the debrief, got %s",
           screen_name(g->screen));
    EXPECT(!game_paused(g), "Esc in slow motion must not pause anything");

    /* Left to play, Watch goes on from one disconnection to the next. */
    if (n > 1) {
        debrief_choose(g, DEBRIEF_WATCH);
        game_watch(g, 1.0, &from, &to, &p0);
        idle(g, (to - from) * GAME_WATCH_SLOW + 1);
        EXPECT(g->screen == SCREEN_WATCH && g->watch_cue == cues[1],
               "when the first cue's window ends slow motion should go on to cue %d: on %s, cue %d", cues[1],
               screen_name(g->screen), g->watch_cue);
    }
    free(g);
}

/* ---- 11. Answers on offer -------------------------------------------------------------- */

static void test_answers_offered(void)
{
    test_name = "answers";
    /* tutorial: every answer on offer, in file order; 2 picks the second. */
    Game *g = new_game("tutorial", true, NULL);
    start_performance(g);
    run_until(g, SCREEN_ANSWER);
    EXPECT(g->noffered == g->scene->nanswers, "tutorial offers %d answers, has %d", g->noffered,
           g->scene->nanswers);
    for (int i = 0; i < g->noffered; i++)
        EXPECT(g->offered[i] == i, "offered[%d] is %d, expected %d", i, g->offered[i], i);
    choose(g, 1);
    EXPECT(g->answer == g->offered[1], "key 2 should choose offered[1] = %d, chose %d", g->offered[1], g->answer);
    EXPECT(g->screen == SCREEN_REACTION, "choosing an answer should start the reaction, got %s",
           screen_name(g->screen));
    free(g);

    /* needs_notice: an answer that needs its cue noticed. */
    const Scene *s = library_scene(&lib, "needs_notice");
    int need = -1;
    for (int i = 0; s && i < s->nanswers; i++)
        if (s->answers[i].requires)
            need = i;
    EXPECT(need >= 0, "needs_notice should have an answer with requires:");
    if (need < 0)
        return;
    int cue = cue_named(s, s->answers[need].requires);
    EXPECT(cue >= 0, "needs_notice should have the incongruent cue %s", s->answers[need].requires);
    if (cue < 0)
        return;

    g = new_game("needs_notice", true, NULL);
    start_performance(g);
    run_until(g, SCREEN_ANSWER);
    EXPECT(offered_pos(g, need) < 0, "answer %d (requires %s) is on offer although the cue was not flagged", need,
           s->answers[need].requires);
    EXPECT(g->noffered == s->nanswers - 1, "with nothing flagged needs_notice should offer %d answers, offers %d",
           s->nanswers - 1, g->noffered);
    choose(g, g->noffered); /* the key one past the last answer does nothing */
    EXPECT(g->screen == SCREEN_ANSWER, "key %d with %d answers on offer should do nothing, went to %s",
           g->noffered + 1, g->noffered, screen_name(g->screen));
    free(g);

    /* Flag every cue but that one: still not offered. */
    g = new_game("needs_notice", true, NULL);
    start_performance(g);
    int cues[64];
    int n = incongruent_cues(s, cues, 64);
    for (int k = 0; k < n; k++)
        if (strcmp(s->cues[cues[k]].def->name, s->answers[need].requires) != 0)
            flag_cue(g, cues[k]);
    run_until(g, SCREEN_ANSWER);
    EXPECT(offered_pos(g, need) < 0, "answer %d is on offer though only other cues were flagged", need);
    free(g);

    /* Flag it: offered, last, and chosen with its number. */
    g = new_game("needs_notice", true, NULL);
    start_performance(g);
    flag_cue(g, cue);
    EXPECT(g->notice.cue_hit[cue], "the flag on %s should hit it", s->answers[need].requires);
    run_until(g, SCREEN_ANSWER);
    int pos = offered_pos(g, need);
    EXPECT(pos == g->noffered - 1 && g->noffered == s->nanswers,
           "with %s flagged, answer %d should be offered last of %d (at %d of %d)", s->answers[need].requires, need,
           s->nanswers, pos, g->noffered);
    if (pos >= 0) {
        choose(g, pos);
        EXPECT(g->answer == need, "key %d should choose answer %d, chose %d", pos + 1, need, g->answer);
        EXPECT(g->result.kind == s->answers[need].kind && g->result.quality == s->answers[need].quality,
               "the result should carry the chosen answer's kind and quality");
    }
    free(g);
}

/* ---- 12. Small things a player trips over -------------------------------------------- */

/* Esc on the title moves to Quit first; only a second Esc (or Enter) quits,
 * so backing out of a menu with Esc, Esc never closes the game by surprise. */
static void test_title_escape(void)
{
    test_name = "title_escape";
    Game *g = new_game(NULL, false, NULL);
    press(g, ACT_BACK);
    EXPECT(!game_requested(g, REQ_QUIT), "the first Esc on the title should not quit");
    EXPECT(g->selected == 4, "the first Esc should move to Quit (item 4), it is on %d", g->selected);
    press(g, ACT_BACK);
    EXPECT(game_requested(g, REQ_QUIT), "a second Esc on the title should quit");
    free(g);
}

/* How a place has people be: seated at a table, seated with a lap,
 * seated side-on, standing with hands held in front at the belt (in their
 * pockets when a cue hides them), or leaning on a counter. */
static void test_stances(void)
{
    test_name = "stances";
    Look look = look_default();
    Pose pose;
    memset(&pose, 0, sizeof pose);
    RigLayout rig;
    RigPlacement table = {640, 640, 1.f, false, 1.f, true, false, false}, lap = {640, 640, 1.f, false, 1.f, false, false, false};
    RigPlacement stand = {640, 640, 1.f, false, 1.f, false, true, false}, counter = {640, 640, 1.f, false, 1.f, true, true, false};
    rig_layout(&rig, &look.body, &table, &pose, 0.0);
    EXPECT(!rig.lap && !rig.standing, "at a table a person sits with no lap showing");
    rig_layout(&rig, &look.body, &lap, &pose, 0.0);
    EXPECT(rig.lap && !rig.standing, "with nothing in front a seated person has a lap");
    rig_layout(&rig, &look.body, &counter, &pose, 0.0);
    EXPECT(!rig.lap && rig.standing, "at a counter a person stands, with no lap");
    rig_layout(&rig, &look.body, &stand, &pose, 0.0);
    EXPECT(!rig.lap && rig.standing, "standing, a person has no lap");
    float S = rig.scale;
    for (int s = 0; s < 2; s++) {
        EXPECT(rig.hand[s].y > rig.hip.y - 100.f * S && rig.hand[s].y < rig.hip.y - 20.f * S &&
                   fabsf(rig.hand[s].x - rig.hip.x) < 50.f * S,
               "standing, hand %d should be held in front at the belt, is at (%.0f, %.0f), hip (%.0f, %.0f)", s,
               rig.hand[s].x, rig.hand[s].y, rig.hip.x, rig.hip.y);
    }
    /* Side-on on a bench: a lap whose knees are off to the left, both well
     * beyond the hip, and hands resting on the thighs there. */
    RigPlacement side = {640, 640, 1.f, false, 1.f, false, false, true};
    rig_layout(&rig, &look.body, &side, &pose, 0.0);
    EXPECT(rig.lap && rig.side && !rig.standing, "side-on, a person sits with a lap seen from the side");
    for (int s = 0; s < 2; s++) {
        EXPECT(rig.knee[s].x < rig.hip.x - 100.f * S, "side-on, knee %d should be off to the left, is at x %.0f (hip %.0f)",
               s, rig.knee[s].x, rig.hip.x);
        EXPECT(rig.hand[s].x < rig.hip.x, "side-on, hand %d should rest on the thighs, left of the hip", s);
    }
    RigPlacement side_mirrored = side;
    side_mirrored.mirror = true;
    rig_layout(&rig, &look.body, &side_mirrored, &pose, 0.0);
    EXPECT(rig.knee[0].x > rig.hip.x + 100.f * S, "side-on and mirrored, the knees should be off to the right");
    pose.v[P_HIDE_HANDS] = 1.f;
    rig_layout(&rig, &look.body, &stand, &pose, 0.0);
    for (int s = 0; s < 2; s++)
        EXPECT(rig.hand[s].y > rig.hip.y - 20.f * S && fabsf(rig.hand[s].x - rig.hip.x) > 40.f * S,
               "standing, hidden hand %d should be at the side, in a pocket, is at (%.0f, %.0f)", s,
               rig.hand[s].x, rig.hand[s].y);
}

/* The words never cover the body: through the whole tutorial, hands,
 * elbows and face stay clear of the speech box and inside the frame (a
 * player must see the hands while reading), and a click in the box flags
 * the voice. */
static bool clear_of(UiRect box, RigVec p, float margin)
{
    return p.x + margin < box.x || p.x - margin > box.x + box.w || p.y + margin < box.y ||
           p.y - margin > box.y + box.h;
}

static bool in_frame(RigVec p, float margin)
{
    return p.x - margin >= 0.f && p.x + margin <= 1280.f && p.y - margin >= 0.f && p.y + margin <= 720.f;
}

static void test_speech_box_clear_of_body(void)
{
    test_name = "speech_box_clear_of_body";
    Game *g = new_game("tutorial", true, NULL);
    start_performance(g);
    UiRect box = game_speech_box();
    int bad = 0;
    for (int t = 0; t < g->scene->length && bad < 3; t += 15) {
        run_to(g, t);
        Pose pose;
        RigLayout rig;
        game_character(g, 1.0, &pose, &rig);
        float hand = 34.f * rig.scale; /* a hand's reach round its centre */
        for (int s = 0; s < 2; s++) {
            if (!clear_of(box, rig.hand[s], hand) || !clear_of(box, rig.elbow[s], rig.arm_w)) {
                EXPECT(false, "tick %d: hand %d at (%.0f, %.0f) is under the speech box", t, s, rig.hand[s].x,
                       rig.hand[s].y);
                bad++;
            }
            if (!in_frame(rig.hand[s], hand)) {
                EXPECT(false, "tick %d: hand %d at (%.0f, %.0f) is out of the frame", t, s, rig.hand[s].x,
                       rig.hand[s].y);
                bad++;
            }
        }
        if (!clear_of(box, rig.head, rig.head_rx) || !in_frame(rig.head, rig.head_rx)) {
            EXPECT(false, "tick %d: the face at (%.0f, %.0f) is under the speech box or out of the frame", t,
                   rig.head.x, rig.head.y);
            bad++;
        }
    }
    free(g);
    /* A click in the box is the voice. */
    g = new_game("tutorial", true, NULL);
    start_performance(g);
    run_to(g, 60);
    TickInput in;
    memset(&in, 0, sizeof in);
    in.has_mouse = in.click = true;
    in.mouse_x = (int16_t)(box.x + box.w - 40);
    in.mouse_y = (int16_t)(box.y + box.h - 20);
    idle(g, GAME_FLAG_DEBOUNCE);
    int before = g->notice.nflags;
    game_step(g, &in);
    EXPECT(g->notice.nflags == before + 1 && g->notice.flags[before].region == REGION_VOICE,
           "a click in the speech box away from the body should flag the voice");
    free(g);
}

/* ---- What the game asks of the platform ------------------------------------------- */

/* Requests wait, once each, until the platform clears them; F5 reloads
 * through the same request whatever the screen; a menu move asks for its
 * sound. */
static void test_requests(void)
{
    test_name = "requests";
    Game *g = new_game("mixed", true, NULL);
    EXPECT(g->nrequests == 0, "a new game should ask for nothing, asks for %d things", g->nrequests);
    press(g, ACT_RELOAD);
    press(g, ACT_RELOAD);
    int reloads = 0;
    for (int i = 0; i < g->nrequests; i++)
        reloads += g->requests[i].type == REQ_RELOAD;
    EXPECT(reloads == 1, "two F5s before the platform acts should ask for one reload, asked for %d", reloads);
    EXPECT(g->screen == SCREEN_INTRO, "F5 should leave the scene where it is (the platform reloads), got %s",
           screen_name(g->screen));
    game_clear_requests(g);
    EXPECT(!game_requested(g, REQ_RELOAD), "cleared requests should be gone");
    free(g);
    g = new_game(NULL, false, NULL);
    press(g, ACT_DOWN);
    bool select = false;
    for (int i = 0; i < g->nrequests; i++)
        select |= g->requests[i].type == REQ_SOUND && g->requests[i].arg == SOUND_SELECT;
    EXPECT(select, "moving in a menu should ask for the select sound");
    free(g);
}

/* Enter on a pack in the Packs screen: a working pack is turned off (or on);
 * a broken one is already off, and is read again instead, so its problems
 * stay in sight while they are fixed. */
static void test_packs_enter(void)
{
    test_name = "packs_enter";
    static DiskPacks dp;
    snprintf(dp.roots[0], sizeof dp.roots[0], "%s/levels/base", src_dir); /* as the checker tests do */
    snprintf(dp.roots[1], sizeof dp.roots[1], "%s/tests/data/packs/consequences", src_dir);
    snprintf(dp.roots[2], sizeof dp.roots[2], "%s/tests/data/packs/good", src_dir);
    PackSource sources[3] = {{dp.roots[0], false, true, false, NULL},
                             {dp.roots[1], false, false, false, NULL},
                             {dp.roots[2], false, false, false, NULL}};
    PackIO io = disk_packs_io(&dp);
    Library packs;
    library_load(&packs, sources, 3, &io, "0.1.0");
    int broken = -1, good = -1;
    for (int k = 0; k < packs.npacks; k++) {
        if (packs.packs[k].state == PACK_BROKEN)
            broken = k;
        else if (!packs.packs[k].is_base && packs.packs[k].state == PACK_ENABLED)
            good = k;
    }
    EXPECT(broken >= 0 && good >= 0, "the test needs a broken and a working pack, found %d and %d", broken, good);
    for (int which = 0; broken >= 0 && good >= 0 && which < 2; which++) {
        int k = which ? good : broken;
        Game *g = calloc(1, sizeof *g);
        game_init(g, library_first_scene(&packs), &packs, false);
        for (int i = 0; i < TITLE_PACKS; i++) /* from the title, as a player goes */
            press(g, ACT_DOWN);
        press(g, ACT_CONFIRM);
        EXPECT(g->screen == SCREEN_PACKS, "the title's Packs item should open the Packs screen, got %s",
               screen_name(g->screen));
        for (int i = 0; i < k; i++)
            press(g, ACT_DOWN);
        game_clear_requests(g);
        press(g, ACT_CONFIRM);
        bool toggled = game_requested(g, REQ_TOGGLE_PACK), rechecked = game_requested(g, REQ_RECHECK_PACK);
        if (k == broken)
            EXPECT(rechecked && !toggled, "Enter on a broken pack should read it again (asked: toggle %d, "
                   "recheck %d): turning it off would hide its errors", toggled, rechecked);
        else
            EXPECT(toggled && !rechecked, "Enter on a working pack should turn it off (asked: toggle %d, "
                   "recheck %d)", toggled, rechecked);
        free(g);
    }
    library_free(&packs);
}

/* A chat scene (the base pack's "1 a.m."): the phone is the one region.
 * T and a click on the phone flag the text; the body's keys and a click
 * beside the phone do nothing; the region cursor has only the text; and
 * the phone shows what arrived, the typing bubble and its stop, and
 * "Seen", from the scene's timing alone. */
static void test_chat(void)
{
    test_name = "chat";
    static DiskPacks dp;
    snprintf(dp.roots[0], sizeof dp.roots[0], "%s/levels/base", src_dir);
    PackSource sources[1] = {{dp.roots[0], false, true, false, NULL}};
    PackIO io = disk_packs_io(&dp);
    Library base;
    library_load(&base, sources, 1, &io, "0.1.0");
    const Scene *s = library_scene(&base, "one_am");
    EXPECT(s && s->chat, "the base pack should have the chat scene one_am");
    if (!s || !s->chat) {
        library_free(&base);
        return;
    }
    Game *g = calloc(1, sizeof *g);
    game_init(g, s, &base, true);
    GameChat chat;
    EXPECT(game_chat(g, 1.0, &chat) && chat.nshown == 0 && !chat.typing, "the intro's phone should be empty");
    start_performance(g);
    press(g, ACT_FLAG_FACE);
    press(g, ACT_FLAG_EYES);
    EXPECT(g->notice.nflags == 0, "a body key in a chat should flag nothing (%d flags)", g->notice.nflags);
    press(g, ACT_FLAG_TEXT);
    EXPECT(g->notice.nflags == 1 && g->notice.flags[0].region == REGION_TEXT, "T should flag the text (%d flags)",
           g->notice.nflags);
    idle(g, GAME_FLAG_DEBOUNCE);
    press(g, ACT_DOWN);
    EXPECT(g->region_cursor == REGION_TEXT, "the cursor should be on the text, is on %d", g->region_cursor);
    press(g, ACT_DOWN);
    EXPECT(g->region_cursor == REGION_TEXT, "the cursor should stay on the text, is on %d", g->region_cursor);
    UiRect phone = game_chat_phone();
    TickInput in;
    memset(&in, 0, sizeof in);
    in.has_mouse = in.click = true;
    in.mouse_x = (int16_t)(phone.x + phone.w + 100);
    in.mouse_y = (int16_t)(phone.y + phone.h / 2);
    game_step(g, &in);
    EXPECT(g->notice.nflags == 1, "a click beside the phone should flag nothing (%d flags)", g->notice.nflags);
    idle(g, GAME_FLAG_DEBOUNCE);
    in.mouse_x = (int16_t)(phone.x + phone.w / 2);
    game_step(g, &in);
    EXPECT(g->notice.nflags == 2 && g->notice.flags[1].region == REGION_TEXT,
           "a click on the phone should flag the text (%d flags)", g->notice.nflags);

    /* The first message: typed, then there. */
    const SceneLine *first = &s->lines[0];
    run_to(g, first->start + 5);
    EXPECT(game_chat(g, 1.0, &chat) && chat.typing && chat.nshown == 0, "the first message should be typed first");
    run_to(g, first->typed + 1);
    EXPECT(game_chat(g, 1.0, &chat) && !chat.typing && chat.nshown == 1, "the first message should have arrived");
    /* The typing bubble stops in the middle of a typing cue. */
    int typing_cue = -1;
    for (int i = 0; i < s->ncues; i++)
        if (s->cues[i].def->chat == CHAT_TYPING)
            typing_cue = i;
    EXPECT(typing_cue >= 0, "one_am should have a typing cue");
    if (typing_cue >= 0) {
        const SceneCue *c = &s->cues[typing_cue];
        int third = (c->end - c->start) / 3;
        bool on[3];
        for (int k = 0; k < 3; k++) {
            run_to(g, c->start + third * k + third / 2);
            game_chat(g, 1.0, &chat);
            on[k] = chat.typing;
        }
        EXPECT(on[0] && !on[1] && on[2], "the typing bubble should show, stop and show again (%d %d %d)", on[0],
               on[1], on[2]);
    }
    /* Before the long delay's message, "Seen" shows under yours. */
    const SceneCue *delay = NULL;
    for (int i = 0; i < s->ncues; i++)
        if (s->cues[i].def->chat == CHAT_SILENCE)
            delay = &s->cues[i];
    EXPECT(delay != NULL, "one_am should have a silence cue");
    free(g);
    if (delay) {
        g = calloc(1, sizeof *g);
        game_init(g, s, &base, true);
        start_performance(g);
        run_to(g, delay->start + 60);
        EXPECT(game_chat(g, 1.0, &chat) && chat.seen && !chat.typing,
               "during a long delay, \"Seen\" should show and nothing be typed");
        run_until(g, SCREEN_ANSWER);
        EXPECT(game_chat(g, 1.0, &chat) && chat.nshown == s->nlines, "every message should be there at the answers");
        free(g);
    }
    library_free(&base);
}

/* A voice cue's caption is there to be read: it stays as long as the cue
 * can be flagged, though the sound has faded, at least long enough to read
 * beside the words, and then goes. */
static void test_voice_caption(void)
{
    test_name = "voice_caption";
    const Scene *s = library_scene(&lib, "mixed");
    const SceneCue *c = NULL;
    for (int i = 0; s && i < s->ncues && !c; i++)
        if (s->cues[i].def && s->cues[i].def->channel == CH_VOICE && s->cues[i].end != SCENE_HOLD)
            c = &s->cues[i];
    EXPECT(c != NULL, "the fixture's 'mixed' scene should have a voice cue with an end");
    if (!c)
        return;
    TimelineInput in = {.scene = s, .hold_end = SCENE_HOLD, .answer = -1};
    float w = 0;
    in.cue_t = c->start + 1;
    EXPECT(timeline_voice(&in, &w) == c->def, "the caption should show as the cue starts");
    int last = scene_cue_flag_end(c);
    EXPECT(last >= c->start + SCENE_CAPTION_MIN_TICKS && last >= c->end + NOTICE_GRACE_TICKS,
           "a voice cue should count a flag for its length and the grace, and at least %.1f s; counts to tick %d "
           "for a cue from %d to %d", SCENE_CAPTION_MIN_TICKS / 60.0, last, c->start, c->end);
    in.cue_t = last - 1;
    EXPECT(timeline_voice(&in, &w) == c->def && w < 0.05f,
           "the caption should stay while the cue can still be flagged, after its sound has faded (weight %.2f)", w);
    in.cue_t = last + 2;
    EXPECT(timeline_voice(&in, &w) != c->def, "the caption should go once the cue can no longer be flagged");
    /* A flag on the voice just before the caption goes is a hit. */
    Notice n;
    notice_reset(&n);
    EXPECT(notice_flag(&n, s, REGION_VOICE, last - 1, 0.f, 0.f) == FLAG_HIT,
           "a flag on the voice while its caption shows should count");
}

/* --play: steps written as words drive the game like a player's keys. */
static void test_script(void)
{
    test_name = "script";
    Script sc;
    DiagList d = {0};
    EXPECT(!script_parse(&sc, "steps", "flag hand at 2s", &d) && d.count == 1 &&
               strstr(d.items[0].msg, "did you mean 'hands'") && d.items[0].col == 6,
           "a misspelt region should be named with a did-you-mean at its column, got %s",
           d.count ? d.items[0].msg : "nothing");
    diag_free(&d);
    EXPECT(!script_parse(&sc, "steps", "flag eyes at 5; flag hands at 2", &d) && d.count == 1 &&
               strstr(d.items[0].msg, "time order"),
           "flags out of time order should be refused, got %s", d.count ? d.items[0].msg : "nothing");
    diag_free(&d);
    EXPECT(!script_parse(&sc, "steps", "answer 1\nflag eyes at 5", &d) && d.count == 1 && d.items[0].line == 2,
           "a flag after the answer should be refused on its line, got %s", d.count ? d.items[0].msg : "nothing");
    diag_free(&d);
    EXPECT(!script_parse(&sc, "steps", "# nothing\n", &d) && d.count == 1,
           "steps with nothing to do should be refused");
    diag_free(&d);

    /* Flag every incongruent cue at its peak, then give the best answer:
     * every one of them is noticed, with no false alarm. */
    const Scene *scene = library_scene(&lib, "mixed");
    char text[2048] = "";
    int expect = 0, last = -1;
    for (int i = 0; scene && i < scene->ncues; i++) {
        const SceneCue *c = &scene->cues[i];
        if (!c->incongruent || c->peak <= last)
            continue; /* one flag a tick, in time order */
        last = c->peak;
        size_t n = strlen(text);
        snprintf(text + n, sizeof text - n, "flag %s at %.3fs\n", region_name(channel_region(c->def->channel)),
                 c->peak / 60.0);
        expect++;
    }
    int best = 0;
    for (int a = 0; scene && a < scene->nanswers; a++)
        if (scene->answers[a].quality == QUALITY_BEST)
            best = a;
    EXPECT(scene && expect >= 2, "the fixture's 'mixed' scene should have incongruent cues to flag");
    Game *g = new_game("mixed", true, NULL);
    bool parsed = script_parse(&sc, "steps", text, &d);
    EXPECT(parsed, "the steps should parse:\n%s", text);
    for (int t = 0; parsed && t < 60 * 120 && !g->result_ready; t++) {
        TickInput in;
        memset(&in, 0, sizeof in);
        if (g->screen == SCREEN_ANSWER && sc.next == sc.n) { /* answer by its place on screen */
            for (int k = 0; k < g->noffered; k++)
                if (g->offered[k] == best)
                    in.pressed = 1u << (k < 4 ? ACT_1 + k : ACT_5);
        }
        script_input(&sc, g, &in);
        game_step(g, &in);
    }
    EXPECT(script_finished(&sc, g, "steps", &d), "every step should have been taken");
    EXPECT(g->result_ready && g->result.hits == expect && g->result.false_alarms == 0 && g->result.answer == best,
           "flagging each incongruent cue at its peak should notice %d with no false alarm and the best answer, "
           "got hits %d, false alarms %d, answer %d",
           expect, g->result.hits, g->result.false_alarms, g->result.answer);
    free(g);

    /* A flag after the performance is told, with the scene's length. */
    g = new_game("mixed", true, NULL);
    EXPECT(script_parse(&sc, "steps", "flag eyes at 3000s", &d), "a late flag still parses");
    for (int t = 0; t < 60 * 120 && g->screen != SCREEN_ANSWER; t++) {
        TickInput in;
        memset(&in, 0, sizeof in);
        script_input(&sc, g, &in);
        game_step(g, &in);
    }
    EXPECT(!script_finished(&sc, g, "steps", &d) && d.count == 1 && strstr(d.items[0].msg, "after the performance"),
           "a flag after the performance should be reported, got %s", d.count ? d.items[0].msg : "nothing");
    diag_free(&d);
    free(g);
}

/* ---- 13. --timeline: when everything happens ---------------------------------------- */

typedef struct {
    char text[16384];
} Captured;

static void capture(void *ctx, const char *line)
{
    Captured *c = ctx;
    size_t n = strlen(c->text);
    snprintf(c->text + n, sizeof c->text - n, "%s\n", line);
}

static void test_timing(void)
{
    test_name = "timing";
    const Scene *s = library_scene(&lib, "mixed");
    Captured *out = calloc(1, sizeof *out);
    if (!s || !out) {
        free(out);
        return;
    }
    int warnings = scene_timing(s, capture, out);
    EXPECT(warnings == 0, "the fixture's mixed scene should time cleanly, got %d warnings:\n%s", warnings, out->text);
    char want[64];
    snprintf(want, sizeof want, "The answers appear at %6.2f s (%d).", s->length / 60.0, s->length);
    EXPECT(strstr(out->text, want) != NULL, "the timeline should say '%s':\n%s", want, out->text);
    for (int i = 0; i < s->nlines; i++)
        EXPECT(strstr(out->text, s->lines[i].id) != NULL, "line %s missing from the timeline", s->lines[i].id);
    EXPECT(strstr(out->text, "gaze_down") && strstr(out->text, "incongruent") && strstr(out->text, "voice"),
           "the timeline should list each cue with its channel and whether it disagrees:\n%s", out->text);
    free(out);

    /* A cue that can hardly be flagged, and one while nobody speaks. */
    static const char yaml[] = "id: short\ntitle: Short\nplace: room\ncontext: c\ncharacter: { name: A, look: adult }\n"
                               "lines:\n"
                               "  - id: one\n"
                               "    text: \"I'm fine.\"\n"
                               "    hold: 2\n"
                               "    cues:\n"
                               "      - { cue: gaze_down, start: 0.1, end: 0.3, incongruent: true, means: m }\n"
                               "      - { cue: nod, start: -3, end: -2 }\n"
                               "answers:\n"
                               "  - { text: a, kind: empathic, quality: best, why: w }\n"
                               "  - { text: b, kind: dismissive, quality: poor, why: w }\n";
    Scene sc;
    DiagList diags = {0};
    bool ok = scene_load(&sc, "short.yaml", yaml, sizeof yaml - 1, &lib.lex, &lib.cast, &diags);
    EXPECT(ok, "the short scene should load");
    diag_free(&diags);
    if (!ok)
        return;
    out = calloc(1, sizeof *out);
    warnings = out ? scene_timing(&sc, capture, out) : 0;
    EXPECT(warnings == 2, "two warnings expected, got %d:\n%s", warnings, out ? out->text : "");
    EXPECT(out && strstr(out->text, "cue 'gaze_down' can be flagged for only 0.7 s"), "the glance's short window:\n%s",
           out ? out->text : "");
    EXPECT(out && strstr(out->text, "cue 'nod' plays while no line is spoken"), "the nod before any line:\n%s",
           out ? out->text : "");
    free(out);
    scene_free(&sc);
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: test_game SOURCE_DIR\n");
        return 2;
    }
    src_dir = argv[1];
    if (!disk_packs_load_fixture(&lib, src_dir, "test_game")) {
        library_free(&lib);
        return 1;
    }

    test_continue();
    test_chapters_locked();
    test_stars_rule();
    test_progress_recorded();
    test_pause();
    test_pause_idle_life();
    test_region_cursor();
    test_hints();
    test_settings();
    test_chapter_end();
    test_watch();
    test_answers_offered();
    test_title_escape();
    test_open_all_scenes();
    test_speech_box_clear_of_body();
    test_stances();
    test_requests();
    test_packs_enter();
    test_script();
    test_voice_caption();
    test_timing();
    test_chat();

    library_free(&lib);
    return check_done("test_game");
}
