/* The README's controls table, row by row, for the keyboard and the mouse
 * (the gamepad has test_gamepad.c). Real SDL events - a key going down and
 * up with the scancode and keycode a keyboard sends, the pointer moving and
 * its button going down - are pushed into SDL's queue; platform_poll turns
 * them into a TickInput, as in the game's loop. The test checks first the
 * action each key gives, then what a Game over the tests' fixture pack does
 * with it: the selection moves, Enter chooses, Esc goes back and pauses,
 * the region cursor walks and flags, E F H P V flag their region, 1-5
 * choose an answer, Tab asks for a hint, a click chooses and flags.
 * F11 (full screen) and F12 (screenshot) act on the platform and give the
 * game nothing; F5 asks the game to reload the packs.
 *
 * The platform is headless, 1280x720, so output pixels are canvas pixels;
 * F11 needs a window, which SDL's dummy video driver provides.
 *
 * usage: test_controls SOURCE_DIR */
#include "check.h"
#include "game.h"
#include "library.h"
#include "platform.h"
#include "sdl_events.h"
#include "disk_packs.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *src_dir;
static Platform plat;
static Renderer *render;
static Library lib;

#define NONE 0u
#define ACT(a) (1u << (a))

/* ---- SDL events, as a keyboard and a mouse send them ------------------------- */

typedef struct {
    const char *name;
    SDL_Scancode scancode;
    SDL_Keycode key;
} Key;

static void push_key_event(Key k, Uint32 type, bool repeat)
{
    SDL_Event e;
    SDL_zero(e);
    e.type = type;
    e.key.state = type == SDL_KEYDOWN ? SDL_PRESSED : SDL_RELEASED;
    e.key.repeat = repeat;
    e.key.keysym.scancode = k.scancode;
    e.key.keysym.sym = k.key;
    CHECK(SDL_PushEvent(&e) == 1);
}

/* A tap: the key goes down and comes back up within one frame. */
static void push_tap(Key k)
{
    push_key_event(k, SDL_KEYDOWN, false);
    push_key_event(k, SDL_KEYUP, false);
}

/* One frame of the game's loop: drain SDL's events into a fresh TickInput. */
static TickInput poll_input(void)
{
    TickInput in;
    memset(&in, 0, sizeof in);
    platform_poll(&plat, render, &in);
    return in;
}

/* ---- 1. each key gives its action --------------------------------------------- */

#define K(sc, key) #sc, SDL_SCANCODE_##sc, key

static void expect_key(Key k, uint32_t want)
{
    push_tap(k);
    TickInput in = poll_input();
    if (in.pressed != want || in.has_mouse || in.click) {
        char a[256], b[256];
        fprintf(stderr, "test_controls: key %s gave %s%s, expected %s\n", k.name,
                sdl_events_action_names(in.pressed, a, sizeof a), in.has_mouse || in.click ? " and the pointer" : "",
                sdl_events_action_names(want, b, sizeof b));
        check_failures++;
    }
    /* F12 asks the platform for a screenshot; no other key does. */
    if (plat.screenshot_requested != (k.key == SDLK_F12)) {
        fprintf(stderr, "test_controls: key %s %s a screenshot\n", k.name,
                plat.screenshot_requested ? "asked for" : "did not ask for");
        check_failures++;
    }
    plat.screenshot_requested = false;
}

static void test_key_actions(void)
{
    static const struct {
        Key key;
        uint32_t action;
    } rows[] = {
        /* move in menus, pick a body region: arrow keys */
        {{K(UP, SDLK_UP)}, ACT(ACT_UP)},
        {{K(DOWN, SDLK_DOWN)}, ACT(ACT_DOWN)},
        {{K(LEFT, SDLK_LEFT)}, ACT(ACT_LEFT)},
        {{K(RIGHT, SDLK_RIGHT)}, ACT(ACT_RIGHT)},
        /* choose, flag the picked region: Enter (either one) or Space */
        {{K(RETURN, SDLK_RETURN)}, ACT(ACT_CONFIRM)},
        {{K(KP_ENTER, SDLK_KP_ENTER)}, ACT(ACT_CONFIRM)},
        {{K(SPACE, SDLK_SPACE)}, ACT(ACT_CONFIRM)},
        /* back; pause a scene: Esc (and Backspace) */
        {{K(ESCAPE, SDLK_ESCAPE)}, ACT(ACT_BACK)},
        {{K(BACKSPACE, SDLK_BACKSPACE)}, ACT(ACT_BACK)},
        /* flag eyes, face, hands, posture, voice: E, F, H, P, V */
        {{K(E, SDLK_e)}, ACT(ACT_FLAG_EYES)},
        {{K(F, SDLK_f)}, ACT(ACT_FLAG_FACE)},
        {{K(H, SDLK_h)}, ACT(ACT_FLAG_HANDS)},
        {{K(P, SDLK_p)}, ACT(ACT_FLAG_POSTURE)},
        {{K(V, SDLK_v)}, ACT(ACT_FLAG_VOICE)},
        /* flag a chat's messages: T */
        {{K(T, SDLK_t)}, ACT(ACT_FLAG_TEXT)},
        /* choose answer 1-5: 1-5 on the main keys or the keypad */
        {{K(1, SDLK_1)}, ACT(ACT_1)},
        {{K(2, SDLK_2)}, ACT(ACT_2)},
        {{K(3, SDLK_3)}, ACT(ACT_3)},
        {{K(4, SDLK_4)}, ACT(ACT_4)},
        {{K(5, SDLK_5)}, ACT(ACT_5)},
        {{K(KP_1, SDLK_KP_1)}, ACT(ACT_1)},
        {{K(KP_2, SDLK_KP_2)}, ACT(ACT_2)},
        {{K(KP_3, SDLK_KP_3)}, ACT(ACT_3)},
        {{K(KP_4, SDLK_KP_4)}, ACT(ACT_4)},
        {{K(KP_5, SDLK_KP_5)}, ACT(ACT_5)},
        /* ask for a hint: Tab */
        {{K(TAB, SDLK_TAB)}, ACT(ACT_HINT)},
        /* F5 reloads the packs: game input, so replays can hold it */
        {{K(F5, SDLK_F5)}, ACT(ACT_RELOAD)},
        /* F11 (test_fullscreen_key) and F12 are the platform's own: nothing for the game */
        {{K(F11, SDLK_F11)}, NONE},
        {{K(F12, SDLK_F12)}, NONE},
        /* keys the table does not list do nothing */
        {{K(A, SDLK_a)}, NONE},
        {{K(Q, SDLK_q)}, NONE},
        {{K(6, SDLK_6)}, NONE},
        {{K(0, SDLK_0)}, NONE},
        {{K(F1, SDLK_F1)}, NONE},
        {{K(LSHIFT, SDLK_LSHIFT)}, NONE},
    };
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++)
        expect_key(rows[i].key, rows[i].action);

    /* A key held down repeats: Up and Down scroll on, nothing else does
     * (held Enter must not choose twice). Its release gives nothing. */
    static const Key held[] = {{K(DOWN, SDLK_DOWN)}, {K(UP, SDLK_UP)}, {K(RETURN, SDLK_RETURN)},
                               {K(ESCAPE, SDLK_ESCAPE)}, {K(E, SDLK_e)}, {K(1, SDLK_1)}};
    static const uint32_t repeats[] = {ACT(ACT_DOWN), ACT(ACT_UP), NONE, NONE, NONE, NONE};
    for (size_t i = 0; i < sizeof held / sizeof held[0]; i++) {
        push_key_event(held[i], SDL_KEYDOWN, false);
        CHECK(poll_input().pressed != NONE);
        push_key_event(held[i], SDL_KEYDOWN, true);
        TickInput in = poll_input();
        if (in.pressed != repeats[i]) {
            char a[256];
            fprintf(stderr, "test_controls: holding %s repeated as %s\n", held[i].name,
                    sdl_events_action_names(in.pressed, a, sizeof a));
            check_failures++;
        }
        push_key_event(held[i], SDL_KEYUP, false);
        CHECK_INT(poll_input().pressed, NONE);
    }
}

/* ---- 2. the keyboard drives the game ---------------------------------------------- */

static Game *game;

/* One frame and one tick: what was pushed becomes the tick's input. */
static void tick(void)
{
    TickInput in = poll_input();
    game_step(game, &in);
}

static void tap(Key k)
{
    push_tap(k);
    tick();
}

static void idle(int n)
{
    for (int i = 0; i < n; i++)
        tick();
}

static const Key up = {K(UP, SDLK_UP)}, down = {K(DOWN, SDLK_DOWN)}, left = {K(LEFT, SDLK_LEFT)},
                 right = {K(RIGHT, SDLK_RIGHT)}, enter = {K(RETURN, SDLK_RETURN)},
                 space = {K(SPACE, SDLK_SPACE)}, esc = {K(ESCAPE, SDLK_ESCAPE)}, tab = {K(TAB, SDLK_TAB)},
                 f5 = {K(F5, SDLK_F5)};

static void new_game(const char *scene_id, bool skip_title)
{
    const Scene *s = library_scene(&lib, scene_id);
    CHECK(s != NULL);
    game_init(game, s, &lib, skip_title);
}

/* Run the performance out without input, to the answers. */
static void run_to_answers(void)
{
    for (int i = 0; i < 20000 && game->screen == SCREEN_PERFORM; i++)
        tick();
    CHECK_INT(game->screen, SCREEN_ANSWER);
}

/* Title and menus: arrows move, Enter and Space choose, Esc goes back;
 * on the title the first Esc moves to Quit and a second one quits. */
static void test_menus(void)
{
    new_game("tutorial", false);
    CHECK_INT(game->screen, SCREEN_TITLE);
    CHECK_INT(game->selected, 0);
    tap(down);
    tap(down);
    CHECK_INT(game->selected, 2);
    tap(up);
    CHECK_INT(game->selected, 1);
    tap(right); /* on the title, left and right move as up and down */
    CHECK_INT(game->selected, 2);
    tap(left);
    CHECK_INT(game->selected, 1);
    tap(enter);
    CHECK_INT(game->screen, SCREEN_CHAPTERS);
    tap(esc);
    CHECK_INT(game->screen, SCREEN_TITLE);
    CHECK_INT(game->selected, 1);
    tap(down);
    tap(space);
    CHECK_INT(game->screen, SCREEN_SETTINGS);
    tap(esc);
    CHECK_INT(game->screen, SCREEN_TITLE);
    CHECK_INT(game->selected, 2);
    tap(esc);
    CHECK_INT(game->selected, 4); /* Quit */
    CHECK(!game_requested(game, REQ_QUIT));
    tap(esc);
    CHECK(game_requested(game, REQ_QUIT));
}

/* The flag just placed, or NULL when the count did not grow by one. */
static const Flag *new_flag(int before)
{
    if (game->notice.nflags != before + 1) {
        fprintf(stderr, "test_controls: %d flag(s) placed, expected one\n", game->notice.nflags - before);
        check_failures++;
        return NULL;
    }
    return &game->notice.flags[before];
}

static void expect_flag(int before, Region want, const char *how)
{
    const Flag *f = new_flag(before);
    if (f && f->region != want) {
        fprintf(stderr, "test_controls: %s flagged region %d, expected %d\n", how, (int)f->region, (int)want);
        check_failures++;
    }
}

/* A scene: Esc pauses and resumes, Tab asks for a hint (when hints are on),
 * arrows walk the region cursor and Enter or Space flag it, E F H P V flag
 * their regions, 1-5 choose an answer. */
static void test_scene_keys(void)
{
    new_game("tutorial", true);
    CHECK_INT(game->screen, SCREEN_INTRO);
    tap(enter);
    CHECK_INT(game->screen, SCREEN_PERFORM);
    idle(30);

    tap(esc);
    CHECK(game_paused(game));
    tap(esc);
    CHECK(!game_paused(game));
    CHECK_INT(game->screen, SCREEN_PERFORM);

    tap(tab); /* hints are off by default: Tab does nothing */
    CHECK_INT(game->hints, 0);
    CHECK_INT(game->hint_cue, -1);
    game->settings.hints = true;
    tap(tab);
    CHECK_INT(game->hints, 1);
    CHECK(game->hint_cue >= 0);

    /* The region cursor: hidden until an arrow is pressed, then it walks
     * eyes, face, hands, posture, voice; Enter or Space flags where it is. */
    CHECK_INT(game->region_cursor, -1);
    tap(down);
    CHECK_INT(game->region_cursor, REGION_EYES);
    tap(down);
    CHECK_INT(game->region_cursor, REGION_FACE);
    tap(right);
    CHECK_INT(game->region_cursor, REGION_HANDS);
    tap(up);
    CHECK_INT(game->region_cursor, REGION_FACE);
    tap(left);
    CHECK_INT(game->region_cursor, REGION_EYES);
    int n = game->notice.nflags;
    tap(enter);
    expect_flag(n, REGION_EYES, "Enter on the eyes");
    tap(down);
    n = game->notice.nflags;
    tap(space);
    expect_flag(n, REGION_FACE, "Space on the face");

    static const struct {
        Key key;
        Region region;
    } flags[] = {
        {{K(E, SDLK_e)}, REGION_EYES},   {{K(F, SDLK_f)}, REGION_FACE},
        {{K(H, SDLK_h)}, REGION_HANDS},  {{K(P, SDLK_p)}, REGION_POSTURE},
        {{K(V, SDLK_v)}, REGION_VOICE},
    };
    for (size_t i = 0; i < sizeof flags / sizeof flags[0]; i++) {
        idle(GAME_FLAG_DEBOUNCE); /* a second flag on one region too soon is the same flag */
        n = game->notice.nflags;
        tap(flags[i].key);
        expect_flag(n, flags[i].region, flags[i].key.name);
    }

    run_to_answers();
    CHECK(game->noffered >= 2);
    tap((Key){K(2, SDLK_2)});
    CHECK_INT(game->screen, SCREEN_REACTION);
    CHECK_INT(game->answer, game->offered[1]);
}

/* The keypad's digits choose answers as well; the highest, 5, too. */
static void test_answer_keys(void)
{
    /* The fixture's needs_notice offers a fifth answer once the hand on
     * the neck is noticed: H while it is there. */
    new_game("needs_notice", true);
    tap(enter);
    const Scene *s = game->scene;
    int hands = -1;
    for (int i = 0; i < s->ncues; i++)
        if (s->cues[i].incongruent && s->cues[i].def && strcmp(s->cues[i].def->name, "touch_neck") == 0)
            hands = i;
    CHECK(hands >= 0);
    while (hands >= 0 && game->screen == SCREEN_PERFORM && game->tick - game->perform_start < s->cues[hands].start + 6)
        tick();
    tap((Key){K(H, SDLK_h)});
    run_to_answers();
    CHECK_INT(game->noffered, 5);
    tap((Key){K(KP_5, SDLK_KP_5)});
    CHECK_INT(game->screen, SCREEN_REACTION);
    CHECK_INT(game->answer, game->offered[4]);
}

/* F5 asks for the packs to be reloaded; the game carries on meanwhile. */
static void test_reload_key(void)
{
    new_game("tutorial", false);
    CHECK(!game_requested(game, REQ_RELOAD));
    tap(f5);
    CHECK(game_requested(game, REQ_RELOAD));
    CHECK_INT(game->screen, SCREEN_TITLE);
}

/* ---- 3. the mouse drives the game ---------------------------------------------------- */

static void click_at(float x, float y)
{
    CHECK(sdl_events_click((int)x, (int)y, true));
    tick();
}

static void centre(UiRect r, int *x, int *y)
{
    *x = (int)(r.x + r.w / 2);
    *y = (int)(r.y + r.h / 2);
}

/* Pointing at a menu item highlights it; a click chooses it. */
static void test_mouse_menus(void)
{
    new_game("tutorial", false);
    int x, y;
    centre(game_title_button(3), &x, &y); /* Packs */
    CHECK(sdl_events_motion(x, y));
    tick();
    CHECK_INT(game->selected, 3);
    CHECK_INT(game->screen, SCREEN_TITLE);
    centre(game_title_button(2), &x, &y); /* Settings */
    click_at((float)x, (float)y);
    CHECK_INT(game->screen, SCREEN_SETTINGS);
    centre(game_settings_row(SET_BACK), &x, &y);
    click_at((float)x, (float)y);
    CHECK_INT(game->screen, SCREEN_TITLE);
    centre(game_title_button(0), &x, &y); /* Play */
    click_at((float)x, (float)y);
    CHECK_INT(game->screen, SCREEN_INTRO);
    click_at(640, 360); /* a click anywhere leaves the context screen */
    CHECK_INT(game->screen, SCREEN_PERFORM);
}

/* During a scene a click on the eyes, face, hands or posture flags that
 * region, and a click on the speech box flags the voice; the flag sits
 * where the click was. A click on the answers chooses one. */
static void test_mouse_scene(void)
{
    new_game("tutorial", true);
    tap(enter);
    idle(30);
    static const Region regions[] = {REGION_EYES, REGION_FACE, REGION_HANDS, REGION_POSTURE, REGION_VOICE};
    for (size_t i = 0; i < sizeof regions / sizeof regions[0]; i++) {
        Region r = regions[i];
        idle(GAME_FLAG_DEBOUNCE);
        Pose pose;
        RigLayout rig;
        game_character(game, 1.0, &pose, &rig);
        float x, y;
        switch (r) {
        case REGION_EYES:
            x = (rig.eye[0].x + rig.eye[1].x) / 2;
            y = (rig.eye[0].y + rig.eye[1].y) / 2;
            break;
        case REGION_FACE: x = rig.mouth.x, y = rig.mouth.y; break;
        case REGION_HANDS: x = rig.hand[0].x, y = rig.hand[0].y; break;
        case REGION_POSTURE:
            x = (rig.chest.x + rig.hip.x) / 2;
            y = (rig.chest.y + rig.hip.y) / 2;
            break;
        default: {
            UiRect box = game_speech_box();
            x = box.x + 40;
            y = box.y + box.h - 20;
            break;
        }
        }
        int n = game->notice.nflags;
        char how[64];
        snprintf(how, sizeof how, "a click at (%d, %d)", (int)x, (int)y);
        click_at(x, y);
        expect_flag(n, r, how);
        const Flag *f = game->notice.nflags == n + 1 ? &game->notice.flags[n] : NULL;
        if (f) {
            CHECK_INT((int)f->x, (int)x);
            CHECK_INT((int)f->y, (int)y);
        }
    }
    int n = game->notice.nflags;
    click_at(40, 300); /* the wall beside her: nothing to flag */
    CHECK_INT(game->notice.nflags, n);

    run_to_answers();
    int x, y;
    centre(game_answer_rect(game, 1), &x, &y);
    CHECK(sdl_events_motion(x, y));
    tick();
    CHECK_INT(game->selected, 1);
    CHECK_INT(game->screen, SCREEN_ANSWER);
    click_at((float)x, (float)y);
    CHECK_INT(game->screen, SCREEN_REACTION);
    CHECK_INT(game->answer, game->offered[1]);
}

/* ---- 4. F11 toggles full screen (it needs a window) ------------------------------------- */

static bool fullscreen_now(const Platform *p)
{
    return (SDL_GetWindowFlags(p->window) & SDL_WINDOW_FULLSCREEN_DESKTOP) == SDL_WINDOW_FULLSCREEN_DESKTOP;
}

static SDL_RWops *open_data(const char *path)
{
    char full[1400];
    snprintf(full, sizeof full, "%s%s", src_dir, path);
    return SDL_RWFromFile(full, "rb");
}

static void test_fullscreen_key(void)
{
    char err[512];
    SDL_SetHint(SDL_HINT_VIDEODRIVER, "dummy");
    if (!platform_open(&plat, false, false, 640, 360, err, sizeof err)) {
        fprintf(stderr, "test_controls: no window for F11: %s\n", err);
        check_failures++;
        return;
    }
    Renderer *r = render_create(plat.renderer, open_data, err, sizeof err);
    CHECK(r != NULL);
    render = r;
    CHECK(!plat.fullscreen && !fullscreen_now(&plat));
    Key f11 = {K(F11, SDLK_F11)};
    push_tap(f11);
    CHECK_INT(poll_input().pressed, NONE);
    CHECK(plat.fullscreen);
    CHECK(fullscreen_now(&plat));
    push_tap(f11);
    CHECK_INT(poll_input().pressed, NONE);
    CHECK(!plat.fullscreen);
    CHECK(!fullscreen_now(&plat));
    if (r)
        render_destroy(r);
    render = NULL;
    platform_close(&plat);
}

/* ---- running the checks --------------------------------------------------------------- */

static void run(const char *name, void (*fn)(void))
{
    int before = check_failures;
    fn();
    if (check_failures != before)
        fprintf(stderr, "test_controls: %s failed\n", name);
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: test_controls SOURCE_DIR\n");
        return 2;
    }
    src_dir = argv[1];
    game = calloc(1, sizeof *game);
    if (!game || !disk_packs_load_fixture(&lib, src_dir, "test_controls")) {
        library_free(&lib);
        free(game);
        return 1;
    }
    char err[512] = "";
    if (!platform_open(&plat, true, false, DRAW_LOGICAL_W, DRAW_LOGICAL_H, err, sizeof err)) {
        fprintf(stderr, "test_controls: %s\n", err);
        return 1;
    }
    /* A headless game reads no devices; the test pushes events itself. */
    render = SDL_InitSubSystem(SDL_INIT_EVENTS) == 0 ? render_create(plat.renderer, open_data, err, sizeof err)
                                                      : NULL;
    if (!render) {
        fprintf(stderr, "test_controls: %s\n", err[0] ? err : SDL_GetError());
        platform_close(&plat);
        return 1;
    }
    run("each key's action", test_key_actions);
    run("menus by keyboard", test_menus);
    run("a scene by keyboard", test_scene_keys);
    run("answers by number key", test_answer_keys);
    run("F5", test_reload_key);
    run("menus by mouse", test_mouse_menus);
    run("a scene by mouse", test_mouse_scene);
    render_destroy(render);
    render = NULL;
    platform_close(&plat);
    run("F11", test_fullscreen_key);
    free(game);
    library_free(&lib);
    return check_done("test_controls");
}
