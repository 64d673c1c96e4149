/* Difficulty as the game plays it: a scene at gentle, standard or sharp
 * (difficulty.h rewrites its cues; the game plays the rewrite), the
 * setting and its row, the Chapters screen's control, replays that carry
 * their difficulty, scores that say it, and bests kept apart by it. Over
 * the real base pack, driven one TickInput at a time as the platform does.
 *
 * usage: test_difficulty SOURCE_DIR */
#include "check.h"
#include "game.h"
#include "library.h"
#include "replay.h"

#include "disk_packs.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define KEY(a) (1u << (a))
#define MAX_TICKS 40000 /* far longer than any scene; a loop bound */

static Library lib;

static Game *new_game(const char *scene_id, bool skip_title)
{
    Game *g = calloc(1, sizeof *g);
    const Scene *s = scene_id ? library_scene(&lib, scene_id) : library_first_scene(&lib);
    if (!g || !s) {
        fprintf(stderr, "test_difficulty: cannot set up a game for %s\n", scene_id ? scene_id : "(first)");
        exit(1);
    }
    game_init(g, s, &lib, skip_title);
    return g;
}

static void press(Game *g, Action a)
{
    TickInput in = {0};
    in.pressed = KEY(a);
    game_step(g, &in);
}

static void idle(Game *g, int n)
{
    TickInput in = {0};
    for (int i = 0; i < n; i++)
        game_step(g, &in);
}

/* Step without input until the performance reaches scene tick t. */
static void run_to(Game *g, int t)
{
    for (int i = 0; i < MAX_TICKS && g->screen == SCREEN_PERFORM && g->tick - g->perform_start < t; i++)
        idle(g, 1);
}

/* The first incongruent cue of the scene on this channel, or -1. */
static int cue_on(const Scene *s, Channel ch)
{
    for (int i = 0; i < s->ncues; i++)
        if (s->cues[i].incongruent && s->cues[i].def && s->cues[i].def->channel == ch)
            return i;
    return -1;
}

/* ---- (a) sharp: a face cue is a flash, and still a second to flag ---------- */

/* Play im_fine at d and flag its incongruent face cue `after` ticks after
 * it starts. Returns whether the flag hit it. */
static bool flag_face_after(int d, int after, int *flash_ticks, int *window)
{
    Game *g = new_game("im_fine", true);
    game_force_difficulty(g, d);
    CHECK_INT(g->difficulty, d);
    int c = cue_on(g->scene, CH_FACE);
    CHECK(c >= 0);
    if (c < 0) {
        free(g);
        return false;
    }
    const SceneCue *cue = &g->scene->cues[c];
    *flash_ticks = cue->end - cue->start;
    *window = difficulty_flag_window(cue, g->scene->length);
    press(g, ACT_CONFIRM);
    CHECK_INT(g->screen, SCREEN_PERFORM);
    run_to(g, cue->start + after);
    press(g, ACT_FLAG_FACE);
    bool hit = g->notice.cue_hit[c] != 0;
    free(g);
    return hit;
}

static void sharp_face_flash(void)
{
    int flash, window, flash_std, window_std;
    /* Long after the flash is gone (40 ticks after it began, 12 it showed),
     * the flag still counts. */
    CHECK(flag_face_after(DIFFICULTY_SHARP, 40, &flash, &window));
    CHECK(flash <= DIFFICULTY_FLASH_TICKS);
    CHECK(flash > 0);
    CHECK(window >= DIFFICULTY_MIN_WINDOW_TICKS);
    CHECK(flag_face_after(DIFFICULTY_SHARP, window - 1, &flash, &window));
    /* After its window, it does not. */
    CHECK(!flag_face_after(DIFFICULTY_SHARP, window + 2, &flash, &window));
    /* At standard the cue is as written: far longer, and a late flag that
     * misses at sharp hits. */
    CHECK(flag_face_after(DIFFICULTY_STANDARD, window + 2, &flash_std, &window_std));
    CHECK(flash_std > DIFFICULTY_FLASH_TICKS);
    CHECK(window_std > window);

    /* The library's scene is never touched: only the game's copy changes. */
    const Scene *src = library_scene(&lib, "im_fine");
    int c = cue_on(src, CH_FACE);
    CHECK(c >= 0 && src->cues[c].end - src->cues[c].start == flash_std);
}

/* ---- (b) gentle: never past a parameter's range -------------------------- */

static void gentle_in_range(void)
{
    static SceneCue cues[NOTICE_MAX_CUES];
    int checked = 0, stronger = 0;
    for (int k = 0; k < library_scene_count(&lib); k++) {
        const Scene *s = library_scene_at(&lib, k);
        Scene out;
        CHECK(difficulty_scene(s, DIFFICULTY_GENTLE, &out, cues, NOTICE_MAX_CUES));
        for (int i = 0; i < out.ncues; i++) {
            const SceneCue *c = &out.cues[i];
            CHECK(c->amount >= s->cues[i].amount - 1e-6f); /* gentle is never weaker */
            stronger += c->amount > s->cues[i].amount + 1e-6f;
            for (int t = 0; c->def && t < c->def->ntargets; t++) {
                float lo, hi, v = c->def->targets[t].value * c->amount;
                float written = c->def->targets[t].value * s->cues[i].amount;
                pose_param_range(c->def->targets[t].param, &lo, &hi);
                /* Within the range, unless the scene itself wrote it past. */
                bool ok = (v <= hi + 1e-4f || v <= written + 1e-4f) && (v >= lo - 1e-4f || v >= written - 1e-4f);
                if (!ok)
                    fprintf(stderr, "test_difficulty: %s: cue %s at gentle moves a parameter to %.3f, outside %.3f..%.3f\n",
                            s->id, c->def->name, v, lo, hi);
                CHECK(ok);
                checked++;
            }
        }
    }
    CHECK(checked > 50);
    CHECK(stronger > 10);
}

/* ---- (c) a replay at sharp plays at sharp, and scores otherwise ----------- */

/* im_fine_empathic.replay's input (the face flagged at 740, late in the
 * polite smile), with a difficulty line when `line` is not NULL. */
static bool load_replay(Replay *r, const char *line)
{
    char text[1024];
    snprintf(text, sizeof text,
             "unsaid-replay 1\n"
             "scene im_fine\n"
             "%s"
             "10 press confirm\n150 press flag_face\n420 press flag_eyes\n700 move 640 300\n"
             "720 press flag_hands\n740 press flag_face\n1120 press flag_posture\n1320 move 600 560\n"
             "1340 press 3\n",
             line ? line : "");
    DiagList d = {0};
    bool ok = replay_load(r, "test.replay", text, strlen(text), &d);
    CHECK_INT(d.count, 0);
    diag_free(&d);
    return ok;
}

/* Play the replay as the platform does (app.c): its difficulty forced. */
static SceneResult play_replay(const Replay *r, char *line, size_t size)
{
    Game *g = new_game(r->scene, true);
    game_force_difficulty(g, (int)r->difficulty);
    int cursor = 0;
    for (int i = 0; i < MAX_TICKS && !g->result_ready; i++) {
        TickInput in;
        replay_input(r, &cursor, g->tick, &in);
        game_step(g, &in);
    }
    CHECK(g->result_ready);
    SceneResult res = g->result;
    notice_format_result(&res, line, size);
    free(g);
    return res;
}

static void replay_at_sharp(void)
{
    Replay old, sharp, standard;
    char line_old[256], line_sharp[256], line_std[256];
    CHECK(load_replay(&old, NULL));
    CHECK(load_replay(&sharp, "difficulty sharp\n"));
    CHECK(load_replay(&standard, "difficulty standard\n"));
    /* (e) A replay without the line is standard, as every replay before. */
    CHECK_INT(old.difficulty, DIFFICULTY_STANDARD);
    CHECK_INT(sharp.difficulty, DIFFICULTY_SHARP);
    SceneResult a = play_replay(&old, line_old, sizeof line_old);
    SceneResult b = play_replay(&sharp, line_sharp, sizeof line_sharp);
    SceneResult c = play_replay(&standard, line_std, sizeof line_std);
    CHECK_INT(a.difficulty, DIFFICULTY_STANDARD);
    CHECK_INT(b.difficulty, DIFFICULTY_SHARP);
    CHECK_INT(c.difficulty, DIFFICULTY_STANDARD);
    CHECK_INT(c.score, a.score);
    CHECK_STR(line_old, line_std);
    CHECK_STR(line_old, "hits=4 misses=1 false_alarms=1 answer=3 answer_kind=empathic answer_quality=best "
                        "d_prime=1.99 c=0.32 score=500 difficulty=standard");
    /* The flag at 740 hits the smile at standard; at sharp the smile was a
     * flash, and its second to flag is over by then. */
    CHECK(b.hits < a.hits);
    CHECK(b.false_alarms > a.false_alarms);
    CHECK(b.score < a.score);
    CHECK(strstr(line_sharp, " difficulty=sharp") != NULL);
    CHECK(strcmp(line_sharp + strlen(line_sharp) - strlen("difficulty=sharp"), "difficulty=sharp") == 0);

    /* A recording's header says its difficulty, and reads back as it. */
    char head[512];
    replay_format_header(head, sizeof head, "im_fine", NULL, 0, DIFFICULTY_SHARP);
    CHECK_STR(head, "unsaid-replay 1\nscene im_fine\ndifficulty sharp\n");
    Replay back;
    DiagList d = {0};
    CHECK(replay_load(&back, "rec.replay", head, strlen(head), &d));
    CHECK_INT(back.difficulty, DIFFICULTY_SHARP);
    replay_free(&back);
    /* A word it does not know is an error at its place. */
    const char *bad = "unsaid-replay 1\ndifficulty hard\n";
    CHECK(!replay_load(&back, "bad.replay", bad, strlen(bad), &d));
    CHECK(d.count == 1 && d.items[0].line == 2 && d.items[0].col == 12);
    diag_free(&d);
    replay_free(&back);
    replay_free(&old);
    replay_free(&sharp);
    replay_free(&standard);
}

/* ---- (d) the settings row, the Chapters screen, the pause menu ------------ */

static void settings_row(void)
{
    Game *g = new_game(NULL, false);
    press(g, ACT_3); /* Settings */
    CHECK_INT(g->screen, SCREEN_SETTINGS);
    for (int i = 0; i < SET_DIFFICULTY; i++)
        press(g, ACT_DOWN);
    CHECK_INT(g->selected, SET_DIFFICULTY);
    CHECK_INT(game_chosen_difficulty(g), DIFFICULTY_STANDARD);
    game_clear_requests(g);
    /* Right: standard, sharp, gentle, standard again. */
    static const Difficulty right[] = {DIFFICULTY_SHARP, DIFFICULTY_GENTLE, DIFFICULTY_STANDARD};
    for (int i = 0; i < 3; i++) {
        press(g, ACT_RIGHT);
        CHECK_INT(g->settings.difficulty, right[i]);
        CHECK(game_requested(g, REQ_SAVE_SETTINGS));
        game_clear_requests(g);
        CHECK_INT(g->selected, SET_DIFFICULTY);
    }
    press(g, ACT_LEFT);
    CHECK_INT(g->settings.difficulty, DIFFICULTY_GENTLE);
    press(g, ACT_CONFIRM); /* Enter changes it onwards too */
    CHECK_INT(g->settings.difficulty, DIFFICULTY_STANDARD);
    press(g, ACT_LEFT);
    press(g, ACT_LEFT);
    CHECK_INT(g->settings.difficulty, DIFFICULTY_SHARP);

    /* Saved with the others, and read back. */
    size_t len;
    char *text = settings_format(&g->settings, &len);
    CHECK(text && strstr(text, "\ndifficulty = sharp ") != NULL);
    Settings back;
    DiagList d = {0};
    CHECK(text && settings_parse(&back, "settings.txt", text, len, &d));
    CHECK_INT(d.count, 0);
    CHECK_INT(back.difficulty, DIFFICULTY_SHARP);
    CHECK(settings_equal(&back, &g->settings));
    free(text);

    /* The player's choice wins over one the command line made. */
    game_force_difficulty(g, DIFFICULTY_GENTLE);
    CHECK_INT(game_chosen_difficulty(g), DIFFICULTY_GENTLE);
    CHECK_INT(g->settings.difficulty, DIFFICULTY_SHARP); /* not saved as the player's */
    press(g, ACT_RIGHT);
    CHECK_INT(game_chosen_difficulty(g), DIFFICULTY_STANDARD);
    CHECK_INT(g->forced_difficulty, -1);

    /* The Chapters screen shows the same setting and changes it: the item
     * after Back. */
    press(g, ACT_BACK);
    CHECK_INT(g->screen, SCREEN_TITLE);
    press(g, ACT_2);
    CHECK_INT(g->screen, SCREEN_CHAPTERS);
    int n = g->campaign.chapters[g->chapter_focus].nscenes;
    for (int i = 0; i < n + 3; i++)
        press(g, ACT_DOWN);
    CHECK_INT(g->selected, n + 1); /* Down stops on the difficulty */
    int focus = g->chapter_focus;
    game_clear_requests(g);
    press(g, ACT_RIGHT);
    CHECK_INT(g->settings.difficulty, DIFFICULTY_SHARP);
    CHECK_INT(g->chapter_focus, focus); /* not the next chapter */
    CHECK(game_requested(g, REQ_SAVE_SETTINGS));
    press(g, ACT_RIGHT);
    CHECK_INT(g->settings.difficulty, DIFFICULTY_GENTLE);
    /* Then a scene chosen there plays at it, with hints on. */
    for (int i = 0; i < n + 1; i++)
        press(g, ACT_UP);
    CHECK_INT(g->selected, 0);
    CHECK(!g->settings.hints);
    press(g, ACT_CONFIRM);
    CHECK_INT(g->screen, SCREEN_INTRO);
    CHECK_INT(g->difficulty, DIFFICULTY_GENTLE);
    CHECK(g->scene != g->source);
    CHECK(game_hints_on(g));
    press(g, ACT_CONFIRM);
    int before = g->hints;
    press(g, ACT_HINT);
    CHECK(g->hints == before + 1 || g->hint_cue < 0); /* a hint, unless nothing is left to point at */
    free(g);
}

/* A change in the pause menu waits for the next start of the scene; one
 * at the context card applies at once. */
static void pause_change(void)
{
    Game *g = new_game("im_fine", true);
    CHECK_INT(g->difficulty, DIFFICULTY_STANDARD);
    CHECK(g->scene == g->source);
    press(g, ACT_CONFIRM);
    idle(g, 30);
    press(g, ACT_BACK); /* pause */
    press(g, ACT_DOWN);
    press(g, ACT_DOWN);
    press(g, ACT_CONFIRM); /* Settings */
    CHECK_INT(game_shown(g), SCREEN_SETTINGS);
    for (int i = 0; i < SET_DIFFICULTY; i++)
        press(g, ACT_DOWN);
    press(g, ACT_RIGHT);
    CHECK_INT(g->settings.difficulty, DIFFICULTY_SHARP);
    CHECK_INT(g->difficulty, DIFFICULTY_STANDARD); /* the scene under way keeps its own */
    press(g, ACT_BACK);
    press(g, ACT_UP); /* Restart the scene */
    CHECK_INT(g->selected, PAUSE_RESTART);
    press(g, ACT_CONFIRM);
    CHECK_INT(g->screen, SCREEN_INTRO);
    CHECK_INT(g->difficulty, DIFFICULTY_SHARP);
    CHECK(g->scene == &g->played);
    /* A reload plays the new copy of the scene at the same difficulty. */
    game_reload(g, library_scene(&lib, "im_fine"), &lib);
    CHECK_INT(g->difficulty, DIFFICULTY_SHARP);
    CHECK(g->scene == &g->played && g->source == library_scene(&lib, "im_fine"));
    free(g);

    /* Settings loaded after the game began (as the platform does) reach
     * a scene still at its context card. */
    g = new_game("im_fine", true);
    g->settings.difficulty = DIFFICULTY_GENTLE;
    game_force_difficulty(g, -1);
    CHECK_INT(g->difficulty, DIFFICULTY_GENTLE);
    free(g);
}

/* ---- (e) files without a difficulty, and bests kept apart ----------------- */

static void old_files(void)
{
    /* A settings file from before: standard, without a word. */
    const char *old = "format = 1\nhints = yes\nend = settings\n";
    Settings s;
    DiagList d = {0};
    CHECK(settings_parse(&s, "settings.txt", old, strlen(old), &d));
    CHECK_INT(d.count, 0);
    CHECK_INT(s.difficulty, DIFFICULTY_STANDARD);
    CHECK(s.hints);
    /* An unknown word: standard, with a warning naming file and line. */
    const char *newer = "format = 1\nhints = yes\ndifficulty = brutal\nend = settings\n";
    CHECK(settings_parse(&s, "settings.txt", newer, strlen(newer), &d));
    CHECK_INT(d.count, 1);
    CHECK_INT(d.errors, 0);
    if (d.count == 1) {
        CHECK_STR(d.items[0].file, "settings.txt");
        CHECK_INT(d.items[0].line, 3);
        CHECK_INT(d.items[0].col, 14);
        CHECK_STR(d.items[0].msg, "unknown difficulty 'brutal' (expected gentle, standard or sharp); using standard");
    }
    CHECK_INT(s.difficulty, DIFFICULTY_STANDARD);
    CHECK(s.hints); /* the rest of the file is kept */
    diag_free(&d);

    /* A progress file from before: its bests are standard's. */
    static Progress p;
    const char *prog = "format = 1\n"
                       "scene = im_fine pack=base done=yes stars=2 score=300 plays=1 best.eyes=1/1,0/4\n"
                       "end = progress\n";
    CHECK(progress_parse(&p, "progress.txt", prog, strlen(prog), &d));
    CHECK_INT(d.count, 0);
    const SceneRecord *r = progress_find(&p, "im_fine");
    CHECK(r != NULL);
    if (!r)
        return;
    CHECK(r->at[DIFFICULTY_STANDARD].played);
    CHECK_INT(r->at[DIFFICULTY_STANDARD].stars, 2);
    CHECK_INT(r->at[DIFFICULTY_STANDARD].best.region[REGION_EYES].hits, 1);
    CHECK(!r->at[DIFFICULTY_GENTLE].played && !r->at[DIFFICULTY_SHARP].played);
    CHECK_INT(progress_best(r, NULL), DIFFICULTY_STANDARD);
    char *text = progress_format(&p, NULL);
    CHECK(text && strstr(text, "\nscene = im_fine pack=base done=yes stars=2 score=300 plays=1 best.eyes=1/1,0/4\n"));
    free(text);

    /* A sharp best is never hidden by a better gentle one, nor lowered. */
    PlayResult sharp = {.completed = true, .stars = 2, .score = 250, .difficulty = DIFFICULTY_SHARP};
    sharp.tally.region[REGION_FACE] = (TallyCounts){.signals = 2, .hits = 1, .noise = 5};
    PlayResult gentle = {.completed = true, .stars = 3, .score = 600, .difficulty = DIFFICULTY_GENTLE};
    PlayResult worse = {.completed = true, .stars = 1, .score = 50, .difficulty = DIFFICULTY_SHARP};
    progress_record(&p, "base", "im_fine", &sharp);
    progress_record(&p, "base", "im_fine", &gentle);
    progress_record(&p, "base", "im_fine", &worse);
    CHECK_INT(r->plays, 4);
    CHECK_INT(r->at[DIFFICULTY_SHARP].stars, 2);
    CHECK_INT(r->at[DIFFICULTY_SHARP].score, 250);
    CHECK_INT(r->at[DIFFICULTY_SHARP].best.region[REGION_FACE].hits, 1);
    CHECK_INT(r->at[DIFFICULTY_GENTLE].score, 600);
    CHECK_INT(r->at[DIFFICULTY_STANDARD].score, 300);
    const SceneBest *b = NULL;
    CHECK_INT(progress_best(r, &b), DIFFICULTY_GENTLE); /* the most stars */
    CHECK(b && b->stars == 3);
    /* Written and read back, the same. */
    size_t len;
    text = progress_format(&p, &len);
    CHECK(text && strstr(text, " sharp.stars=2 sharp.score=250 sharp.best.face=1/2,0/5") != NULL);
    CHECK(text && strstr(text, " gentle.stars=3 gentle.score=600") != NULL);
    static Progress again;
    CHECK(text && progress_parse(&again, "progress.txt", text, len, &d));
    CHECK_INT(d.count, 0);
    const SceneRecord *r2 = progress_find(&again, "im_fine");
    CHECK(r2 && memcmp(r2->at, r->at, sizeof r->at) == 0);
    char *text2 = progress_format(&again, NULL);
    CHECK(text && text2 && strcmp(text, text2) == 0);
    free(text);
    free(text2);
    /* A tie in stars goes to the sharper difficulty. */
    PlayResult tie = {.completed = true, .stars = 3, .score = 100, .difficulty = DIFFICULTY_SHARP};
    progress_record(&p, "base", "im_fine", &tie);
    CHECK_INT(progress_best(r, NULL), DIFFICULTY_SHARP);
    /* Played only at sharp: no standard best is made up. */
    PlayResult only = {.completed = true, .stars = 1, .score = 100, .difficulty = DIFFICULTY_SHARP};
    progress_record(&p, "base", "the_number_nine", &only);
    text = progress_format(&p, NULL);
    CHECK(text && strstr(text, "\nscene = the_number_nine pack=base done=yes plays=1 sharp.stars=1 sharp.score=100\n"));
    free(text);
    diag_free(&d);
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: test_difficulty SOURCE_DIR\n");
        return 2;
    }
    if (!disk_packs_load_base(&lib, argv[1], "test_difficulty")) {
        library_free(&lib);
        return 1;
    }
    sharp_face_flash();
    gentle_in_range();
    replay_at_sharp();
    settings_row();
    pause_change();
    old_files();
    library_free(&lib);
    return check_done("test_difficulty");
}
