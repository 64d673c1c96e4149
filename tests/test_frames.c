/* The window draws less than every frame, and what it shows must not
 * change for it.
 *
 * 1. A frame not drawn is a frame that would not have changed. The window
 *    draws only when loop_draw_due says so (input, a request, a picture
 *    that moves, the first still frame after it moved). Replays of every
 *    kind of screen are played through the base pack as the window loop
 *    decides, and wherever it would skip a frame the frame is drawn anyway
 *    (at another moment between ticks) and compared, pixel for pixel, with
 *    the last one drawn. The screens a player reads must go still, and
 *    the title with reduced motion.
 * 2. A frame drawn in parts equals one drawn whole. A renderer that keeps
 *    its frames (as in a window) draws the frames the loop asks for; every
 *    few of them, a second renderer draws the same moment whole, and the
 *    two must match pixel for pixel: while people talk, flags pop in and
 *    fade, hints pulse, the cursor walks, words type and the title breathes.
 *    Both ways of keeping frames are played: in place with the game's own
 *    triangle filler (a software window), and in a texture through SDL's
 *    (as a GPU does; SDL's filler is allowed a small difference on the
 *    edges of a clip, where a GPU's has none).
 *
 * Both use SDL's software renderer over surfaces.
 *
 * usage: test_frames SOURCE_DIR */
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
#define PARTS 3    /* the kept renderer draws every 3rd frame the loop draws (a slow machine) */
#define WHOLE 4    /* and every 4th of those is compared with one drawn whole */
#define TAIL 240   /* ticks of nothing after a replay's last input */

static const char *src_dir;
static Library lib;
static SDL_Surface *surface, *kept_surface;
static Renderer *render, *kept; /* kept: keeps its frames and draws in parts */
static uint32_t last_frame[OUT_W * OUT_H];

static SDL_RWops *open_font(const char *path)
{
    char full[1400];
    snprintf(full, sizeof full, "%s%s", src_dir, path);
    return SDL_RWFromFile(full, "rb");
}

static void copy_out(const SDL_Surface *from, uint32_t *out)
{
    for (int y = 0; y < OUT_H; y++)
        memcpy(out + y * OUT_W, (const uint8_t *)from->pixels + y * from->pitch, OUT_W * 4);
}

static void draw(const Game *g, double alpha, uint32_t *out)
{
    render_frame(render, g, alpha);
    copy_out(surface, out);
}

static Renderer *make_renderer(SDL_Surface **surf, SDL_Renderer **sdl_out)
{
    *surf = SDL_CreateRGBSurfaceWithFormat(0, OUT_W, OUT_H, 32, SDL_PIXELFORMAT_ARGB8888);
    SDL_Renderer *sdl = *sdl_out = *surf ? SDL_CreateSoftwareRenderer(*surf) : NULL;
    char err[512] = "";
    Renderer *r = sdl ? render_create(sdl, open_font, err, sizeof err) : NULL;
    if (!r) {
        fprintf(stderr, "test_frames: cannot make a renderer: %s %s\n", err, SDL_GetError());
        exit(1);
    }
    SDL_SetRenderDrawBlendMode(sdl, SDL_BLENDMODE_BLEND);
    render_set_output(r, OUT_W, OUT_H);
    return r;
}

static const char *const screen_names[SCREEN_COUNT] = {
    [SCREEN_TITLE] = "title",       [SCREEN_INTRO] = "intro",     [SCREEN_PERFORM] = "perform",
    [SCREEN_ANSWER] = "answer",     [SCREEN_REACTION] = "reaction", [SCREEN_DEBRIEF] = "debrief",
    [SCREEN_PACKS] = "packs",       [SCREEN_CHAPTERS] = "chapters", [SCREEN_RESULTS] = "results",
    [SCREEN_SETTINGS] = "settings", [SCREEN_WATCH] = "watch",     [SCREEN_REVIEW] = "review",
};

/* Play recorded input as the window would; returns the frames skipped.
 * With `parts`, the kept renderer draws every frame the loop draws, and
 * every WHOLE-th of them is checked against the frame drawn whole. */
typedef enum {
    WHOLE_ONLY, /* 1 only */
    IN_PLACE,   /* 2 as SDL's software renderer in a window keeps frames: in its surface, shapes filled directly */
    IN_TEXTURE, /* 2 as a GPU renderer keeps them: in a texture, shapes through SDL */
} Keeping;

static int play(const char *name, const char *buf, size_t len, bool hints, Keeping keeping,
                int skipped_on[SCREEN_COUNT])
{
    Replay rep;
    DiagList diags = {0};
    bool ok = replay_load(&rep, name, buf, len, &diags);
    diag_free(&diags);
    CHECK(ok);
    if (!ok)
        return 0;
    const Scene *scene = rep.scene[0] ? library_scene(&lib, rep.scene) : library_first_scene(&lib);
    Game *g = calloc(1, sizeof *g);
    /* The game as the last drawn frame showed it: drawn only when a skip
     * needs it, as most drawn frames are followed by more drawn frames. */
    Game *shown = calloc(1, sizeof *shown);
    CHECK(scene != NULL && g != NULL && shown != NULL);
    if (!scene || !g || !shown) {
        free(g);
        free(shown);
        replay_free(&rep);
        return 0;
    }
    game_init(g, scene, &lib, rep.scene[0] != '\0');
    g->settings.hints = hints;
    bool parts = keeping != WHOLE_ONLY;
    if (keeping == IN_TEXTURE)
        render_keep_frames_in_texture(kept); /* a new window, as it were */
    else
        render_keep_frames(kept, true);
    render_set_direct(kept, keeping == IN_PLACE ? kept_surface : NULL);
    render_set_direct(render, keeping == IN_PLACE ? surface : NULL); /* the same path, drawn whole */
    long whole_before, parts_before;
    render_frame_counts(kept, &whole_before, &parts_before);
    LoopDraw gate = {0};
    int cursor = 0, skipped = 0, run = 0, drawn = 0, bad_parts = 0;
    bool shown_drawn = false;
    static uint32_t frame[OUT_W * OUT_H], whole[OUT_W * OUT_H];
    while (g->tick < rep.last_tick + TAIL) {
        TickInput in = {0};
        replay_input(&rep, &cursor, g->tick, &in);
        game_step(g, &in);
        bool changed = !input_empty(&in) || g->nrequests > 0;
        game_clear_requests(g);
        if (loop_draw_due(&gate, changed, game_still(g))) {
            memcpy(shown, g, sizeof *g);
            shown_drawn = false;
            run = 0;
            if (!parts || g->tick % PARTS != 0)
                continue;
            double alpha = (double)(g->tick % 8) / 8.0 + 0.0625;
            render_frame(kept, g, alpha);
            if (drawn++ % WHOLE != 0 || bad_parts > 3)
                continue;
            copy_out(kept_surface, frame);
            draw(g, alpha, whole);
            /* SDL's own triangle filler (IN_TEXTURE) shades the pixels on a
             * clip's edge a little differently from an unclipped fill; a
             * GPU's and the game's own filler (IN_PLACE) do not. */
            int tolerance = keeping == IN_TEXTURE ? 12 : 0, differ = 0;
            for (int i = 0; i < OUT_W * OUT_H; i++)
                for (int sh = 0; sh < 24; sh += 8)
                    if (abs((int)((frame[i] >> sh) & 255u) - (int)((whole[i] >> sh) & 255u)) > tolerance) {
                        differ++;
                        break;
                    }
            if (differ) {
                fprintf(stderr, "test_frames: %s: at tick %d on the %s screen, the frame drawn in parts has %d "
                                "pixels that differ by more than %d from the frame drawn whole\n",
                        name, g->tick, screen_names[g->screen], differ, tolerance);
                check_failures++;
                bad_parts++;
            }
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
            fprintf(stderr, "test_frames: %s: at tick %d on the %s screen the window shows an old frame: %d pixels "
                            "differ from what it would draw now\n",
                    name, g->tick, screen_names[g->screen], differ);
            check_failures++;
            memcpy(last_frame, frame, sizeof frame); /* one report per change */
        }
    }
    if (parts) {
        long whole_frames, part_frames;
        render_frame_counts(kept, &whole_frames, &part_frames);
        whole_frames -= whole_before;
        part_frames -= parts_before;
        printf("test_frames: %s: %ld frames drawn whole, %ld in parts\n", name, whole_frames, part_frames);
        CHECK(part_frames > 4 * whole_frames); /* or the parts prove nothing */
    }
    free(shown);
    free(g);
    replay_free(&rep);
    return skipped;
}

static int play_file(const char *name, Keeping keeping, int skipped_on[SCREEN_COUNT])
{
    char path[1400];
    snprintf(path, sizeof path, "%s/tests/replays/%s.replay", src_dir, name);
    size_t len;
    char *buf = slurp(path, &len);
    CHECK(buf != NULL);
    int n = buf ? play(name, buf, len, false, keeping, skipped_on) : 0;
    free(buf);
    return n;
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
        fprintf(stderr, "usage: test_frames SOURCE_DIR\n");
        return 2;
    }
    src_dir = argv[1];
    if (SDL_Init(SDL_INIT_VIDEO) != 0) {
        fprintf(stderr, "test_frames: SDL_Init: %s\n", SDL_GetError());
        return 1;
    }
    SDL_Renderer *sdl, *kept_sdl;
    render = make_renderer(&surface, &sdl);
    kept = make_renderer(&kept_surface, &kept_sdl);
    if (!disk_packs_load_base(&lib, src_dir, "test_frames"))
        return 1;

    test_which_screens_rest();
    int skipped_on[SCREEN_COUNT] = {0}, skipped = 0;
    /* 1 and 2: scenes played with the mouse and the keyboard. */
    skipped += play_file("im_fine_mouse", IN_PLACE, skipped_on);
    skipped += play_file("first_look_best", IN_TEXTURE, skipped_on);
    /* 1: a chat: messages arriving, the typing dots, Seen, rings on the phone. */
    skipped += play_file("one_am_empathic_laugh", IN_PLACE, skipped_on);
    /* 2: the title breathing, then hints pulsing and the cursor walking. */
    static const char title[] = "unsaid-replay 1\n150 move 5 5\n";
    skipped += play("title", title, sizeof title - 1, false, IN_TEXTURE, skipped_on);
    static const char hinted[] = "unsaid-replay 1\nscene im_fine\n10 press confirm\n200 press hint\n"
                                 "420 press down\n470 press down\n520 press confirm\n560 press hint\n"
                                 "700 press up\n760 press flag_hands\n";
    skipped += play("hints_and_cursor", hinted, sizeof hinted - 1, true, IN_PLACE, skipped_on);
    /* 1: every other kind of screen. */
    static const char *const replays[] = {
        "im_fine_empathic", "chapters", "settings", "pause", "pause_settings", "review", "watch", "results",
        "high_contrast", "projector_text", "packs_screen",
    };
    for (size_t i = 0; i < sizeof replays / sizeof replays[0]; i++)
        skipped += play_file(replays[i], WHOLE_ONLY, skipped_on);
    /* The replays spend time on every screen a player reads: each of those
     * must have rested, or this test would prove nothing. */
    static const Screen reads[] = {SCREEN_ANSWER, SCREEN_DEBRIEF, SCREEN_CHAPTERS, SCREEN_SETTINGS,
                                   SCREEN_REVIEW, SCREEN_RESULTS, SCREEN_PACKS};
    for (size_t i = 0; i < sizeof reads / sizeof reads[0]; i++)
        if (skipped_on[reads[i]] == 0) {
            fprintf(stderr, "test_frames: the %s screen never went still\n", screen_names[reads[i]]);
            check_failures++;
        }
    printf("test_frames: %d frames skipped:", skipped);
    for (int s = 0; s < SCREEN_COUNT; s++)
        if (skipped_on[s])
            printf(" %s %d", screen_names[s], skipped_on[s]);
    printf("\n");

    render_destroy(render);
    render_destroy(kept);
    SDL_DestroyRenderer(sdl);
    SDL_DestroyRenderer(kept_sdl);
    SDL_FreeSurface(surface);
    SDL_FreeSurface(kept_surface);
    library_free(&lib);
    SDL_Quit();
    return check_done("test_frames");
}
