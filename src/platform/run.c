/* Unsaid - run.c: the window's loop and the headless run (see run.h). */
#include "run.h"

#include "audio.h"
#include "packs.h"
#include "play.h"
#include "vfs.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

/* Draw the frame n times (alpha stepping through the tick, so the person
 * moves a little each time) and print the median and spread, in ms. */
static void time_frames(App *app, const char *how, long n, double *ms)
{
    uint64_t freq = platform_frequency();
    for (long i = 0; i < n; i++) {
        uint64_t t0 = platform_counter();
        render_frame(app->render, &app->game, (double)(i % 8) / 8.0);
        ms[i] = (double)(platform_counter() - t0) * 1000.0 / (double)freq;
    }
    double first = ms[0];
    qsort(ms, (size_t)n, sizeof *ms, cmp_double);
    printf("%s: frames=%ld tick=%d first_ms=%.2f median_ms=%.2f p90_ms=%.2f min_ms=%.2f max_ms=%.2f\n", how, n,
           app->game.tick, first, ms[n / 2], ms[n * 9 / 10], ms[0], ms[n - 1]);
}

/* A benchmark, not a test: the frame at --at drawn whole each time, as a
 * screenshot is; then as a window draws it, keeping each frame and
 * drawing the next only where it changed. Software renderer. */
static void bench_frames(App *app)
{
    long n = app->opt.bench_frames;
    double *ms = malloc((size_t)n * sizeof *ms);
    if (!ms)
        return;
    time_frames(app, "whole", n, ms);
    render_keep_frames(app->render, true);
    if (game_still(&app->game)) { /* a window draws this once, then nothing until input */
        time_frames(app, "kept", 1, ms);
        printf("kept: a still picture: after its first frame a window draws nothing until input\n");
        free(ms);
        return;
    }
    time_frames(app, "kept", n, ms);
    long whole, parts;
    render_frame_counts(app->render, &whole, &parts);
    printf("kept: %ld drawn whole, %ld in parts\n", whole, parts);
    free(ms);
}

/* Step unseen up to --at: a tick, or ticks into the performance (the
 * context card passed by itself when no replay does it). False, with the
 * reason told, when the game never gets there. */
static bool run_to_at(App *app)
{
    const Options *o = &app->opt;
    Game *g = &app->game;
    if (!o->at_perform) {
        while (g->tick < o->at && !app->quit) {
            TickInput in = {0};
            app_tick(app, &in);
        }
        return true;
    }
    bool began = false;
    for (long guard = 0; !app->quit && guard < 60L * 3600 * 2; guard++) {
        if (g->screen == SCREEN_PERFORM) {
            began = true;
            if (g->tick - g->perform_start >= o->at)
                return true;
        } else if (began) {
            break;
        }
        TickInput in = {0};
        if (!app->have_replay && g->screen == SCREEN_INTRO)
            in.pressed = 1u << ACT_CONFIRM;
        app_tick(app, &in);
    }
    if (began)
        fprintf(stderr, "unsaid: --at %.1fs is after the performance: scene '%s' is over %.1f s in\n",
                (double)o->at / 60, g->scene ? g->scene->id : "?",
                g->scene ? (double)g->scene->length / 60 : 0.0);
    else
        fprintf(stderr, "unsaid: --at %.1fs: the replay never starts the scene's performance\n",
                (double)o->at / 60);
    return false;
}

/* --play without a window: the steps to the end of the scene. False, with
 * the step it could not take, when the scene ended first. */
static bool play_script(App *app)
{
    for (long guard = 0; !app->game.result_ready && !app->quit && guard < HEADLESS_TAIL_TICKS; guard++) {
        TickInput in = {0};
        app_tick(app, &in);
    }
    DiagList d = {0};
    bool ok = script_finished(&app->script, &app->game, app->script_file, &d);
    packs_report(&d, false, "The --play steps");
    diag_free(&d);
    return ok;
}

int run_headless(App *app)
{
    if (app->have_script && !app->opt.screenshot && !app->opt.bench_frames && !play_script(app))
        return 1;
    if ((app->opt.screenshot || app->opt.bench_frames) && !run_to_at(app))
        return 1;
    long limit = app->opt.screenshot || app->opt.bench_frames ? app->game.tick : 0;
    long tail = (app->have_replay ? app->replay.last_tick : 0) + HEADLESS_TAIL_TICKS;
    if (app->opt.print_score && tail > limit)
        limit = tail;
    while (app->game.tick < limit && !app->quit) {
        if (app->opt.print_score && app->score_printed && !app->opt.screenshot)
            break;
        TickInput in = {0};
        app_tick(app, &in);
    }
    if (app->opt.screenshot) {
        if (!app->opt.at_perform && app->game.tick < app->opt.at) {
            fprintf(stderr, "unsaid: the game quit at tick %d, before --at %ld\n", app->game.tick,
                    app->opt.at);
            return 1;
        }
        render_frame(app->render, &app->game, 1.0);
        char err[512];
        if (!platform_save_png(&app->plat, app->opt.screenshot, err, sizeof err)) {
            fprintf(stderr, "unsaid: %s\n", err);
            return 1;
        }
    }
    if (app->opt.bench_frames > 0)
        bench_frames(app);
    if (app->opt.print_score && !app->score_printed) {
        fprintf(stderr, "unsaid: the scene did not end (no answer was chosen by tick %d)\n", app->game.tick);
        return 3;
    }
    return 0;
}

/* The longest the loop sleeps while nothing moves: sound and the clock
 * get a look in this often, which costs nothing measurable. */
#define IDLE_WAIT_MS 250

/* Live preview for pack authors: saving a file of a pack reloads the packs
 * and goes back to the moment of the scene being watched, as F5 would and
 * more. Not while a replay plays or a recording is made: they would no
 * longer play back the same. */
#define WATCH_MS 700 /* how often the packs' files are looked at */

typedef struct {
    uint64_t stamp; /* vfs_packs_stamp when last looked */
    double next;    /* when to look again, on the real clock */
    char scene[80]; /* the scene watched: kept while its pack is broken */
    long at;        /* ticks into its performance; -1: its context card */
} Watch;

/* Back to `at` ticks into the performance, unseen. */
static void catch_up(App *app, long at)
{
    Game *g = &app->game;
    for (long guard = 0; at >= 0 && guard < HEADLESS_TAIL_TICKS && !app->quit; guard++) {
        if (g->screen != SCREEN_INTRO && (g->screen != SCREEN_PERFORM || g->tick - g->perform_start >= at))
            return;
        TickInput in = {0};
        if (g->screen == SCREEN_INTRO)
            in.pressed = 1u << ACT_CONFIRM;
        app_tick(app, &in);
    }
}

static void watch_packs(App *app, Watch *w, double clock)
{
    if (app->have_replay || app->record || clock < w->next)
        return;
    w->next = clock + WATCH_MS;
    uint64_t stamp = vfs_packs_stamp();
    if (stamp == w->stamp)
        return;
    w->stamp = stamp;
    const Game *g = &app->game;
    /* Where the author is, unless the scene they watched is still missing
     * from a broken pack: then where they were. */
    if (!w->scene[0] || (g->scene && g->scene->id && strcmp(g->scene->id, w->scene) == 0)) {
        bool in_scene = g->scene && g->scene->id && g->screen >= SCREEN_INTRO && g->screen <= SCREEN_DEBRIEF;
        snprintf(w->scene, sizeof w->scene, "%s", in_scene ? g->scene->id : "");
        w->at = g->screen == SCREEN_INTRO     ? -1
              : g->screen == SCREEN_PERFORM ? g->tick - g->perform_start
              : in_scene                    ? g->scene->length
                                            : -1;
    }
    app_reload(app, w->scene[0] ? w->scene : NULL, true);
    if (w->scene[0] && g->scene && g->scene->id && strcmp(g->scene->id, w->scene) == 0)
        catch_up(app, w->at);
    /* Problems stay in sight until a save fixes them. */
    if (app->overlay[0] && app->overlay_until > clock)
        app->overlay_until = clock + 1e9;
    app->changed = true;
}

int run_window(App *app)
{
    Loop loop;
    loop_init(&loop);
    LoopDraw drawing = {0};
    TickInput pending = {0};
    /* --at: the moments before it run unseen, as fast as they can. */
    if (app->opt.at >= 0 && !run_to_at(app))
        return 1;
    uint64_t last = platform_counter(), start = last;
    long frames = 0;
    bool first = true, message_shown = false;
    Watch watch = {.stamp = vfs_packs_stamp(), .next = app_clock_ms() + WATCH_MS};
    while (!app->quit && !app->plat.quit_requested) {
        platform_poll(&app->plat, app->render, &pending);
        uint64_t now = platform_counter();
        int steps = loop_advance(&loop, now - last, platform_frequency());
        last = now;
        app->changed = false;
        for (int i = 0; i < steps; i++) {
            app_tick(app, &pending);
            memset(&pending, 0, sizeof pending); /* one tick consumes the frame's events */
        }
        double clock = app_clock_ms();
        watch_packs(app, &watch, clock);
        audio_update(&app->game, game_paused(&app->game));
        /* The packs' problems are on the Packs screen itself: not over it. */
        bool message = app->overlay_until > clock && !(app->overlay_packs && app->game.screen == SCREEN_PACKS);
        bool changed = app->plat.events > 0 || app->changed || message != message_shown ||
                       app->plat.screenshot_requested;
        app->plat.events = 0;
        if (!loop_draw_due(&drawing, changed, game_still(&app->game))) {
            /* Nothing to draw: sleep until input, or until the message goes. */
            double ms = message ? app->overlay_until - clock + 1 : IDLE_WAIT_MS;
            platform_wait(&app->plat, ms < IDLE_WAIT_MS ? (int)ms : IDLE_WAIT_MS);
            continue;
        }
        message_shown = message;
        render_frame(app->render, &app->game, loop_alpha(&loop));
        if (message)
            render_overlay(app->render, app->overlay_title, app->overlay);
        if (app->plat.screenshot_requested && vfs_read_only()) {
            fprintf(stderr, "unsaid: F12 saves nothing during a replay, which leaves the data folder as it "
                            "was; use --replay FILE --screenshot PNG --at %d\n", app->game.tick);
        } else if (app->plat.screenshot_requested) {
            char path[1200], err[512];
            snprintf(path, sizeof path, "%sscreenshot-%d.png", vfs_user_dir(), app->game.tick);
            if (platform_save_png(&app->plat, path, err, sizeof err))
                fprintf(stderr, "unsaid: saved %s\n", path);
            else
                fprintf(stderr, "unsaid: %s\n", err);
        }
        app->plat.screenshot_requested = false;
        platform_present(&app->plat);
        frames++;
        if (first && app->opt.timing)
            fprintf(stderr, "unsaid: first frame %.1f ms after launch\n", app_clock_ms() - app->t_launch);
        first = false;
    }
    if (app->opt.timing) {
        long whole, parts;
        render_frame_counts(app->render, &whole, &parts);
        double secs = (double)(platform_counter() - start) / (double)platform_frequency();
        fprintf(stderr, "unsaid: %ld frames in %.1f s (%ld drawn whole, %ld in parts)\n", frames, secs, whole, parts);
    }
    return 0;
}
