/* The renderer's parts, drawn headless with SDL's software renderer over a
 * surface: the transform stack keeps pushes and pops paired past its
 * depth; fonts that cannot be opened again at a new size leave the old
 * ones working; a pause stops the character's blinking with the rest of
 * the scene (the base pack is loaded from the source tree for that); a
 * fill keeps to an outline that is not star-shaped; the
 * face reads at play size: a felt smile narrows the eyes from below where a
 * smile of the mouth alone leaves them as they were, and eyes looking down
 * move down without closing; a beard keeps below the cheeks as the head
 * turns.
 *
 * usage: test_render SOURCE_DIR */
#include "character.h"
#include "check.h"
#include "draw.h"
#include "library.h"
#include "render.h"
#include "disk_packs.h"
#include "text.h"

#include <SDL2/SDL.h>
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *src_dir;
static SDL_Surface *surface;
static SDL_Renderer *sdl;

/* ---- 1. the transform stack ------------------------------------------------------- */

/* Where the canvas origin lands, in output pixels, under the current transform. */
static float origin_x(const Draw *d)
{
    return draw_to_pixels(d, (Vec2){0, 0}).x;
}

/* Pushes past the stack's depth are not stored, but each pop must still
 * undo exactly one push: a deep part of a drawing must not pop its
 * parent's transform. */
static void test_stack_overflow(void)
{
    Draw *d = draw_create(sdl);
    CHECK(d != NULL);
    if (!d)
        return;
    float base = origin_x(d);
    draw_push(d);
    draw_translate(d, 100, 0);
    float moved = origin_x(d);
    CHECK(moved > base + 50);
    enum { DEEP = 40 }; /* well past the stack's depth */
    for (int i = 0; i < DEEP; i++)
        draw_push(d);
    for (int i = 0; i < DEEP; i++)
        draw_pop(d);
    CHECK(origin_x(d) == moved); /* back at the first push */
    draw_pop(d);
    CHECK(origin_x(d) == base);
    draw_pop(d); /* one pop too many stays at the bottom */
    CHECK(origin_x(d) == base);
    draw_destroy(d);
}

/* ---- 2. fonts opened again ------------------------------------------------------- */

static bool fonts_missing; /* the game's font files cannot be opened */

static SDL_RWops *open_font(const char *path)
{
    if (fonts_missing) {
        SDL_SetError("no such file");
        return NULL;
    }
    char full[1400];
    snprintf(full, sizeof full, "%s%s", src_dir, path);
    return SDL_RWFromFile(full, "rb");
}

/* A new output scale or text size opens every font again. When that fails
 * the old fonts must go on working: the next frame measures and draws. */
static void test_fonts_reopen_fails(void)
{
    char err[512] = "";
    fonts_missing = false;
    Text *t = text_create(sdl, open_font, 1.f, err, sizeof err);
    CHECK(t != NULL);
    if (!t) {
        fprintf(stderr, "test_render: %s\n", err);
        return;
    }
    Draw *d = draw_create(sdl);
    float lh = text_line_height(t, FONT_BODY), w = text_width(t, FONT_BODY, "I'm fine.", -1);
    CHECK(lh > 0 && w > 0);
    fonts_missing = true;
    CHECK(!text_set_scale(t, 2.f));
    CHECK(!text_set_size(t, 1.28f));
    CHECK(text_line_height(t, FONT_BODY) == lh);
    CHECK(text_width(t, FONT_BODY, "I'm fine.", -1) == w);
    text_draw(t, d, FONT_BODY, "I'm fine.", -1, 100, 100, color_hex(0xffffff), ALIGN_LEFT);
    CHECK(text_draw_wrapped(t, d, FONT_SMALL, "Really, I'm fine.", 100, 200, 400, -1, color_hex(0xffffff),
                            ALIGN_LEFT) > 0);
    text_frame_end(t);
    /* Asked for every frame, a failed size is not tried again; the next
     * change of size opens the fonts. */
    fonts_missing = false;
    CHECK(!text_set_size(t, 1.28f));
    CHECK(text_set_size(t, 1.14f));
    CHECK(text_line_height(t, FONT_BODY) > lh);
    draw_destroy(d);
    text_destroy(t);
}

/* ---- 3. a paused scene stands still --------------------------------------------- */

/* One long line with quick blinks all through it. */
static const char blink_scene[] =
    "id: blinks\n"
    "title: \"Blinks\"\n"
    "place: kitchen_night\n"
    "context: \"Someone who blinks a lot.\"\n"
    "character: { name: Sam }\n"
    "lines:\n"
    "  - id: long\n"
    "    text: \"I have been meaning to say something for a while now, and I keep putting it off, "
    "because every time I start, the words come out wrong and I stop.\"\n"
    "    cues:\n"
    "      - { cue: blink_fast, start: 0.0 }\n"
    "answers:\n"
    "  - { text: \"Take your time.\", kind: empathic, quality: best, why: \"Room to speak.\" }\n"
    "  - { text: \"Just say it.\", kind: dismissive, quality: poor, why: \"Pressure.\" }\n";

static void step_game(Game *g, Action a, bool pressed)
{
    TickInput in;
    memset(&in, 0, sizeof in);
    in.pressed = pressed ? 1u << a : 0;
    game_step(g, &in);
}

/* The pixels around both eyes, as the renderer draws the game now. */
typedef struct {
    SDL_Rect box;
    Uint32 px[160 * 60];
} EyeShot;

static bool eye_shot(Renderer *r, const Game *g, EyeShot *shot)
{
    Pose pose;
    RigLayout rig;
    game_character(g, 1.0, &pose, &rig);
    float cx = (rig.eye[0].x + rig.eye[1].x) / 2, cy = (rig.eye[0].y + rig.eye[1].y) / 2;
    shot->box = (SDL_Rect){(int)cx - 80, (int)cy - 30, 160, 60};
    render_frame(r, g, 1.0);
    return SDL_RenderReadPixels(sdl, &shot->box, SDL_PIXELFORMAT_ARGB8888, shot->px, 160 * 4) == 0;
}

/* A game paused for a while and one never paused, at the same moment of
 * the scene: the eyes must look the same, blink for blink. (The quick
 * blinks once ran on the game's clock, which a pause does not stop.) */
static void test_pause_stops_blinking(Renderer *r, const Library *lib)
{
    Scene scene;
    DiagList diags = {0};
    bool ok = scene_load(&scene, "blinks.yaml", blink_scene, strlen(blink_scene), &lib->lex, &lib->cast, &diags);
    CHECK(ok);
    if (!ok) {
        char buf[2048];
        diag_format_all(&diags, buf, sizeof buf);
        fprintf(stderr, "test_render: the blinking scene did not load:\n%s", buf);
        diag_free(&diags);
        return;
    }
    diag_free(&diags);
    Game *paused = calloc(1, sizeof *paused), *never = calloc(1, sizeof *never);
    game_init(paused, &scene, lib, true);
    game_init(never, &scene, lib, true);
    step_game(paused, ACT_CONFIRM, true); /* the intro: start the performance */
    step_game(never, ACT_CONFIRM, true);
    for (int i = 0; i < 30; i++)
        step_game(paused, ACT_CONFIRM, false);
    step_game(paused, ACT_BACK, true);
    CHECK(game_paused(paused));
    for (int i = 0; i < 37; i++) /* not a whole number of blinks */
        step_game(paused, ACT_CONFIRM, false);
    step_game(paused, ACT_BACK, true);
    CHECK(!game_paused(paused) && paused->screen == SCREEN_PERFORM);
    while (never->tick - never->perform_start < paused->tick - paused->perform_start)
        step_game(never, ACT_CONFIRM, false);
    /* Over a whole cycle of quick blinks (0.9 s), every other tick. */
    static EyeShot a, b, first;
    int differ = 0, changes = 0;
    for (int k = 0; k < 56; k += 2) {
        CHECK(paused->screen == SCREEN_PERFORM && never->screen == SCREEN_PERFORM);
        CHECK(eye_shot(r, paused, &a) && eye_shot(r, never, &b));
        CHECK(memcmp(&a.box, &b.box, sizeof a.box) == 0);
        differ += memcmp(a.px, b.px, sizeof a.px) != 0;
        if (k == 0)
            first = b;
        else
            changes += memcmp(first.px, b.px, sizeof b.px) != 0;
        for (int i = 0; i < 2; i++) {
            step_game(paused, ACT_CONFIRM, false);
            step_game(never, ACT_CONFIRM, false);
        }
    }
    CHECK(changes > 0); /* the eyes do blink: the test can see it */
    if (differ)
        fprintf(stderr, "test_render: after a pause the eyes differed from the unpaused scene's "
                        "on %d of 28 ticks\n", differ);
    CHECK_INT(differ, 0);
    free(paused);
    free(never);
    scene_free(&scene);
}

/* ---- 3b. outlines that are not star-shaped ---------------------------------------- */

/* A Draw straight onto the test's surface (checked). */
static Draw *direct_draw(void)
{
    Draw *d = draw_create(sdl);
    CHECK(d != NULL);
    if (d)
        draw_set_direct(d, surface);
    return d;
}

static Uint32 pixel_at(int x, int y)
{
    Uint32 px = 0;
    SDL_Rect r = {x, y, 1, 1};
    SDL_RenderReadPixels(sdl, &r, SDL_PIXELFORMAT_ARGB8888, &px, 4);
    return px;
}

/* A horseshoe, like a hairline or a beard's edge seen whole: its centroid
 * lies in the gap, outside it. The fill must keep to the outline (a fan
 * from the centroid once filled the gap too, in straight unsmoothed edges)
 * and still cover the band. */
static void test_fill_keeps_to_the_outline(void)
{
    Draw *d = direct_draw();
    if (!d)
        return;
    SDL_SetRenderDrawColor(sdl, 0, 0, 0, 255);
    SDL_RenderClear(sdl);
    enum { K = 24 };
    Vec2 pts[2 * K];
    for (int i = 0; i < K; i++) { /* an arc over the top, 200 degrees, outer then inner */
        float a = 3.14159265f * (-1.05f + 1.1f * (float)i / (K - 1));
        pts[i] = (Vec2){640.f + 200.f * cosf(a), 400.f + 200.f * sinf(a)};
        pts[2 * K - 1 - i] = (Vec2){640.f + 150.f * cosf(a), 400.f + 150.f * sinf(a)};
    }
    draw_shape(d, pts, 2 * K, color_hex(0xFFFFFF));
    draw_flush(d);
    CHECK((pixel_at(640, 400) & 0xFFFFFF) == 0);     /* the gap's centre */
    CHECK((pixel_at(640, 300) & 0xFFFFFF) == 0);     /* the gap, under the band */
    CHECK((pixel_at(640, 225) & 0xFFFFFF) == 0xFFFFFF); /* the band's top */
    CHECK((pixel_at(465, 400) & 0xFFFFFF) == 0xFFFFFF); /* the band's left foot */
    draw_destroy(d);
}

/* ---- 4. faces at play size ------------------------------------------------------ */

/* A look whose eye is easy to find by colour: a blue iris, white sclera. */
static Look eye_look(void)
{
    Look look = look_default();
    look.iris = 0x2050D0;
    return look;
}

/* Where an eye's parts are, measured in the pixels of one eye at play size. */
typedef struct {
    int top, bottom;   /* rows of the highest and lowest pixel of the open eye */
    float iris_y;      /* the visible iris's centre row */
    int iris_px;       /* how many iris pixels show */
} EyeMeasure;

static SDL_Rect face_box; /* the right eye's surroundings, set by face_draw */
static Uint32 face_px[120 * 100];

/* The person at the stage's placement, posed; keeps the pixels around the
 * character's right eye (screen left) in face_px. */
static bool face_draw(Draw *d, const Look *look, const Pose *pose)
{
    RigPlacement place = {470.f, 684.f, 1.3f, false, RIG_CLOSE_HEAD, true, false, false};
    RigLayout rig;
    rig_layout(&rig, &look->body, &place, pose, 1.0);
    SDL_SetRenderDrawColor(sdl, 40, 44, 52, 255);
    SDL_RenderClear(sdl);
    character_draw(d, look, &rig, pose, 1.0, CHAR_LAYER_BODY);
    draw_flush(d);
    face_box = (SDL_Rect){(int)rig.eye[RIG_R].x - 60, (int)rig.eye[RIG_R].y - 55, 120, 100};
    return SDL_RenderReadPixels(sdl, &face_box, SDL_PIXELFORMAT_ARGB8888, face_px, 120 * 4) == 0;
}

static EyeMeasure eye_measure(void)
{
    EyeMeasure m = {1000, -1, 0.f, 0};
    float sum = 0.f;
    for (int y = 0; y < 100; y++)
        for (int x = 0; x < 120; x++) {
            Uint32 c = face_px[y * 120 + x];
            int r = (c >> 16) & 255, g = (c >> 8) & 255, b = c & 255;
            bool white = r > 215 && g > 210 && b > 200;
            bool iris = b > r + 60 && b > g + 30;
            if (!white && !iris)
                continue;
            if (y < m.top)
                m.top = y;
            if (y > m.bottom)
                m.bottom = y;
            if (iris) {
                sum += (float)y;
                m.iris_px++;
            }
        }
    m.iris_y = m.iris_px ? sum / (float)m.iris_px : -1.f;
    return m;
}

static EyeMeasure eye_posed(Draw *d, const Look *look, const Pose *pose)
{
    EyeMeasure m = {0, 0, 0.f, 0};
    if (face_draw(d, look, pose))
        m = eye_measure();
    return m;
}

/* A felt smile (AU6 with AU12) lifts the lower lid: the eye narrows from
 * below, more than the upper lid comes down. A smile of the mouth alone
 * (AU12) leaves every pixel around the eye as it was: that difference is
 * what a player reads. */
static void test_smiles_differ_at_the_eyes(void)
{
    Draw *d = direct_draw();
    if (!d)
        return;
    Look look = eye_look();
    Pose neutral, felt, polite;
    memset(&neutral, 0, sizeof neutral);
    felt = polite = neutral;
    felt.v[P_AU6] = 0.8f;
    felt.v[P_AU12] = 0.9f;
    polite.v[P_AU12] = 0.9f;
    EyeMeasure n = eye_posed(d, &look, &neutral);
    static Uint32 rest[120 * 100];
    memcpy(rest, face_px, sizeof rest);
    EyeMeasure f = eye_posed(d, &look, &felt);
    CHECK(n.iris_px > 50 && f.iris_px > 0); /* the eye was found */
    int rise = n.bottom - f.bottom, drop = f.top - n.top;
    if (rise < 6 || rise <= drop)
        fprintf(stderr, "test_render: a felt smile's lower lid rose %d px (want 6 or more) and the upper "
                        "lid came down %d px\n", rise, drop);
    CHECK(rise >= 6);
    CHECK(rise > drop);
    /* A small felt smile, at a cue's everyday strength, still shows. */
    Pose small = neutral;
    small.v[P_AU6] = 0.21f;
    small.v[P_AU12] = 0.28f;
    EyeMeasure s = eye_posed(d, &look, &small);
    CHECK(n.bottom - s.bottom >= 2);
    CHECK(face_draw(d, &look, &polite));
    int changed = 0;
    for (int i = 0; i < 120 * 100; i++)
        changed += face_px[i] != rest[i];
    if (changed)
        fprintf(stderr, "test_render: a smile of the mouth alone changed %d pixels around the eye\n", changed);
    CHECK_INT(changed, 0);
    draw_destroy(d);
}

/* Eyes looking down (gaze_down's pose) move down and stay open: the iris
 * sinks and the upper lid rides down on it, but the eye is not narrowed
 * to a slit. Half-closed lids (a sleepy look) close over an iris that
 * stays where it was: the two must not look alike. */
static void test_looking_down_is_not_sleepy(void)
{
    Draw *d = direct_draw();
    if (!d)
        return;
    Look look = eye_look();
    Pose neutral, down, sleepy;
    memset(&neutral, 0, sizeof neutral);
    down = sleepy = neutral;
    down.v[P_GAZE_Y] = 0.9f;
    down.v[P_HEAD_DROP] = 0.12f;
    sleepy.v[P_AU43] = 0.5f;
    EyeMeasure n = eye_posed(d, &look, &neutral), g = eye_posed(d, &look, &down), z = eye_posed(d, &look, &sleepy);
    CHECK(n.iris_px > 50 && g.iris_px > 0 && z.iris_px > 0);
    /* Rows of the box around the eye's centre: the head dropping a little
     * with the gaze moves the box too, and does not count. */
    float sink = g.iris_y - n.iris_y;
    float open = (float)(g.bottom - g.top) / (float)(n.bottom - n.top);
    if (sink < 4.f || open < 0.6f)
        fprintf(stderr, "test_render: looking down, the iris sank %.1f px in the eye (want 4 or more) and "
                        "the eye stayed %.0f%% open (want 60%% or more)\n", sink, open * 100.f);
    CHECK(sink >= 4.f);
    CHECK(open >= 0.6f);
    /* Screen rows: the downcast iris sits lower than the sleepy one. */
    CHECK(g.iris_y - z.iris_y >= 3.f);
    draw_destroy(d);
}

/* A full beard stays below the cheeks however the head turns: turned one
 * way, its cheek edge once folded over and the beard filled a wedge up
 * across the face. The skin under each eye and between them must show. */
static void test_beard_keeps_below_the_cheeks(void)
{
    Draw *d = direct_draw();
    if (!d)
        return;
    Look look = look_default(); /* light skin, dark brown hair */
    look.beard = BEARD_FULL;
    for (int k = -2; k <= 2; k++) {
        Pose pose;
        memset(&pose, 0, sizeof pose);
        pose.v[P_HEAD_TURN] = 0.5f * (float)k;
        RigPlacement place = {470.f, 684.f, 1.3f, false, RIG_CLOSE_HEAD, true, false, false};
        RigLayout rig;
        rig_layout(&rig, &look.body, &place, &pose, 1.0);
        SDL_SetRenderDrawColor(sdl, 40, 44, 52, 255);
        SDL_RenderClear(sdl);
        character_draw(d, &look, &rig, &pose, 1.0, CHAR_LAYER_BODY);
        draw_flush(d);
        float ex = (rig.eye[0].x + rig.eye[1].x) * 0.5f, ey = (rig.eye[0].y + rig.eye[1].y) * 0.5f;
        int spots[3][2] = {{(int)rig.eye[0].x, (int)(rig.eye[0].y + rig.eye_ry * 2.4f)},
                           {(int)rig.eye[1].x, (int)(rig.eye[1].y + rig.eye_ry * 2.4f)},
                           {(int)ex, (int)(ey + rig.eye_ry * 1.5f)}};
        for (int i = 0; i < 3; i++) {
            Uint32 c = pixel_at(spots[i][0], spots[i][1]);
            int r = (c >> 16) & 255;
            if (r < 150)
                fprintf(stderr, "test_render: head turned %.1f: beard (red %d) at spot %d on the face\n",
                        0.5 * k, r, i);
            CHECK(r >= 150);
        }
    }
    draw_destroy(d);
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: test_render SOURCE_DIR\n");
        return 2;
    }
    src_dir = argv[1];
    surface = SDL_CreateRGBSurfaceWithFormat(0, DRAW_LOGICAL_W, DRAW_LOGICAL_H, 32, SDL_PIXELFORMAT_ARGB8888);
    sdl = surface ? SDL_CreateSoftwareRenderer(surface) : NULL;
    if (!sdl) {
        fprintf(stderr, "test_render: no software renderer: %s\n", SDL_GetError());
        return 1;
    }
    test_stack_overflow();
    test_fonts_reopen_fails();
    test_fill_keeps_to_the_outline();
    test_smiles_differ_at_the_eyes();
    test_looking_down_is_not_sleepy();
    test_beard_keeps_below_the_cheeks();
    Library lib;
    char err[512] = "";
    Renderer *r = render_create(sdl, open_font, err, sizeof err);
    if (disk_packs_load_base(&lib, src_dir, "test_render") && r) {
        render_set_direct(r, surface);
        test_pause_stops_blinking(r, &lib);
    } else {
        fprintf(stderr, "test_render: no base pack or renderer for the scene tests %s\n", err);
        check_failures++;
    }
    render_destroy(r);
    library_free(&lib);
    SDL_DestroyRenderer(sdl);
    SDL_FreeSurface(surface);
    SDL_Quit();
    return check_done("test_render");
}
