/* A frame not drawn is a frame that would not have changed. The window
 * draws only when loop_draw_due says so (input, a request, a picture that
 * moves, the first still frame after it moved); otherwise the picture on
 * screen stays. This plays replays of every kind of screen through the
 * base pack, exactly as the window loop decides, and wherever the loop
 * would skip a frame it draws it anyway (software renderer, at another
 * moment between ticks) and compares it, pixel for pixel, with the last
 * frame drawn. It also checks that the screens a player reads do go
 * still, and that the title does with reduced motion.
 *
 * usage: test_still SOURCE_DIR */
#include "check.h"
#include "disk_packs.h"
#include "play.h"
#include "render.h"
#include "slurp.h"

#include <SDL2/SDL.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define OUT_W 480
#define OUT_H 270
#define SAMPLE 6   /* compare every 6th skipped frame (and the first of each run) */
#define TAIL 240   /* ticks of nothing after a replay's last input */

static const char *src_dir;
static Library lib;
static SDL_Surface *surface;
static Renderer *render;
static uint32_t last_frame[OUT_W * OUT_H];

static SDL_RWops *open_font(const char *path)
{
    char full[1400];
    snprintf(full, sizeof full, "%s%s", src_dir, path);
    return SDL_RWFromFile(full, "rb");
}

static void draw(const Game *g, double alpha, uint32_t *out)
{
    render_frame(render, g, alpha);
    for (int y = 0; y < OUT_H; y++)
        memcpy(out + y * OUT_W, (const uint8_t *)surface->pixels + y * surface->pitch, OUT_W * 4);
}

static const char *const screen_names[SCREEN_COUNT] = {
    [SCREEN_TITLE] = "title",       [SCREEN_INTRO] = "intro",     [SCREEN_PERFORM] = "perform",
    [SCREEN_ANSWER] = "answer",     [SCREEN_REACTION] = "reaction", [SCREEN_DEBRIEF] = "debrief",
    [SCREEN_PACKS] = "packs",       [SCREEN_CHAPTERS] = "chapters", [SCREEN_RESULTS] = "results",
    [SCREEN_SETTINGS] = "settings", [SCREEN_WATCH] = "watch",     [SCREEN_REVIEW] = "review",
};

/* Play one replay as the window would; returns the frames skipped. */
static int play(const char *name, int skipped_on[SCREEN_COUNT])
{
    char path[1400];
    snprintf(path, sizeof path, "%s/tests/replays/%s.replay", src_dir, name);
    size_t len;
    char *buf = slurp(path, &len);
    Replay rep;
    DiagList diags = {0};
    bool ok = buf && replay_load(&rep, path, buf, len, &diags);
    free(buf);
    diag_free(&diags);
    CHECK(ok);
    if (!ok)
        return 0;
    const Scene *scene = rep.scene[0] ? library_scene(&lib, rep.scene) : library_first_scene(&lib);
    Game *g = calloc(1, sizeof *g);
    CHECK(scene != NULL && g != NULL);
    if (!scene || !g) {
        free(g);
        replay_free(&rep);
        return 0;
    }
    game_init(g, scene, &lib, rep.scene[0] != '\0');
    /* The game as the last drawn frame showed it: drawn only when a skip
     * needs it, as most drawn frames are followed by more drawn frames. */
    Game *shown = calloc(1, sizeof *shown);
    CHECK(shown != NULL);
    LoopDraw gate = {0};
    int cursor = 0, skipped = 0, run = 0;
    bool shown_drawn = false;
    static uint32_t frame[OUT_W * OUT_H];
    while (shown && g->tick < rep.last_tick + TAIL) {
        TickInput in = {0};
        replay_input(&rep, &cursor, g->tick, &in);
        game_step(g, &in);
        bool changed = !input_empty(&in) || g->nrequests > 0;
        game_clear_requests(g);
        if (loop_draw_due(&gate, changed, game_still(g))) {
            memcpy(shown, g, sizeof *g);
            shown_drawn = false;
            run = 0;
            continue;
        }
        if (!shown_drawn) {
            draw(shown, 1.0, last_frame);
            shown_drawn = true;
        }
        skipped++;
        skipped_on[g->screen]++;
        if (run++ % SAMPLE != 0)
            continue;
        draw(g, 0.37, frame);
        int differ = 0;
        for (int i = 0; i < OUT_W * OUT_H; i++)
            differ += frame[i] != last_frame[i];
        if (differ) {
            fprintf(stderr, "test_still: %s: at tick %d on the %s screen the window shows an old frame: %d pixels "
                            "differ from what it would draw now\n",
                    name, g->tick, screen_names[g->screen], differ);
            check_failures++;
            memcpy(last_frame, frame, sizeof frame); /* one report per change */
        }
    }
    free(shown);
    free(g);
    replay_free(&rep);
    return skipped;
}

/* The screens that must go still, and the one that must not. */
static void test_which_screens_rest(void)
{
    Game *g = calloc(1, sizeof *g);
    CHECK(g != NULL);
    if (!g)
        return;
    TickInput none = {0};
    game_init(g, library_first_scene(&lib), &lib, false);
    for (int i = 0; i < 100; i++)
        game_step(g, &none);
    CHECK(g->screen == SCREEN_TITLE && !game_still(g)); /* the person breathes */
    g->settings.reduced_motion = true;
    CHECK(game_still(g)); /* ... unless motion is reduced */
    g->settings.reduced_motion = false;

    game_init(g, library_first_scene(&lib), &lib, true);
    CHECK(g->screen == SCREEN_INTRO && !game_still(g)); /* settling in */
    for (int i = 0; i <= GAME_SETTLE_TICKS; i++)
        game_step(g, &none);
    CHECK(game_still(g)); /* the context card, being read */
    TickInput go = {.pressed = 1u << ACT_CONFIRM};
    game_step(g, &go);
    for (int i = 0; i < 100; i++)
        game_step(g, &none);
    CHECK(g->screen == SCREEN_PERFORM && !game_still(g)); /* someone is talking */
    TickInput pause = {.pressed = 1u << ACT_BACK};
    game_step(g, &pause);
    CHECK(game_paused(g) && game_still(g)); /* paused */
    free(g);
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: test_still SOURCE_DIR\n");
        return 2;
    }
    src_dir = argv[1];
    if (SDL_Init(SDL_INIT_VIDEO) != 0) {
        fprintf(stderr, "test_still: SDL_Init: %s\n", SDL_GetError());
        return 1;
    }
    surface = SDL_CreateRGBSurfaceWithFormat(0, OUT_W, OUT_H, 32, SDL_PIXELFORMAT_ARGB8888);
    SDL_Renderer *sdl = surface ? SDL_CreateSoftwareRenderer(surface) : NULL;
    char err[512] = "";
    render = sdl ? render_create(sdl, open_font, err, sizeof err) : NULL;
    if (!render || !disk_packs_load_base(&lib, src_dir, "test_still")) {
        fprintf(stderr, "test_still: cannot set up: %s %s\n", err, SDL_GetError());
        return 1;
    }
    SDL_SetRenderDrawBlendMode(sdl, SDL_BLENDMODE_BLEND);
    render_set_direct(render, surface);
    render_set_output(render, OUT_W, OUT_H);

    test_which_screens_rest();
    static const char *const replays[] = {
        "im_fine_empathic", "im_fine_mouse", "first_look_best", "chapters",    "settings",
        "pause",            "pause_settings", "review",         "watch",       "results",
        "high_contrast",    "projector_text", "packs_screen",
    };
    int skipped_on[SCREEN_COUNT] = {0}, skipped = 0;
    for (size_t i = 0; i < sizeof replays / sizeof replays[0]; i++)
        skipped += play(replays[i], skipped_on);
    /* The replays spend time on every screen a player reads: each of those
     * must have rested, or this test would prove nothing. */
    static const Screen reads[] = {SCREEN_ANSWER, SCREEN_DEBRIEF, SCREEN_CHAPTERS, SCREEN_SETTINGS,
                                   SCREEN_REVIEW, SCREEN_RESULTS, SCREEN_PACKS};
    for (size_t i = 0; i < sizeof reads / sizeof reads[0]; i++)
        if (skipped_on[reads[i]] == 0) {
            fprintf(stderr, "test_still: the %s screen never went still\n", screen_names[reads[i]]);
            check_failures++;
        }
    printf("test_still: %d frames skipped:", skipped);
    for (int s = 0; s < SCREEN_COUNT; s++)
        if (skipped_on[s])
            printf(" %s %d", screen_names[s], skipped_on[s]);
    printf("\n");

    render_destroy(render);
    SDL_DestroyRenderer(sdl);
    SDL_FreeSurface(surface);
    library_free(&lib);
    SDL_Quit();
    return check_done("test_still");
}
