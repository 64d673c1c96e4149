/* A click lands where the button went down. platform_poll gathers a
 * frame's events into the TickInput the next tick reads; the pointer may
 * move on between the button going down and that tick (in the same frame,
 * or in frames that run no tick). The tick must still see the click where
 * it was made, and the pointer's new place one tick later.
 *
 * SDL's events are pushed by hand into a headless platform of 1280x720
 * output pixels, so output pixels are canvas pixels.
 *
 * usage: test_pointer SOURCE_DIR */
#include "check.h"
#include "game.h"
#include "platform.h"
#include "sdl_events.h"

#include <stdio.h>
#include <string.h>

static const char *src_dir;
static Platform plat;
static Renderer *render;

static SDL_RWops *open_data(const char *path)
{
    char full[1400];
    snprintf(full, sizeof full, "%s%s", src_dir, path);
    return SDL_RWFromFile(full, "rb");
}

/* The centre of a title button, in whole canvas pixels. */
static void title_button_centre(int i, int *x, int *y)
{
    UiRect r = game_title_button(i);
    *x = (int)(r.x + r.w / 2);
    *y = (int)(r.y + r.h / 2);
}

/* The button goes down on Settings, the pointer moves on to Quit, and only
 * then does the tick run: Settings opens, and the game does not quit. */
static void test_click_then_move_in_one_frame(void)
{
    Game game;
    game_init(&game, NULL, NULL, false);
    int sx, sy, qx, qy;
    title_button_centre(2, &sx, &sy); /* Settings */
    title_button_centre(4, &qx, &qy); /* Quit */
    TickInput in;
    memset(&in, 0, sizeof in);
    sdl_events_click(sx, sy, false);
    sdl_events_motion(qx, qy);
    platform_poll(&plat, render, &in);
    CHECK(in.click);
    CHECK_INT(in.mouse_x, sx);
    CHECK_INT(in.mouse_y, sy);
    game_step(&game, &in);
    CHECK_INT(game.screen, SCREEN_SETTINGS);
    CHECK(!game_requested(&game, REQ_QUIT));
    /* The next tick sees where the pointer went. */
    memset(&in, 0, sizeof in);
    platform_poll(&plat, render, &in);
    CHECK(in.has_mouse && !in.click);
    CHECK_INT(in.mouse_x, qx);
    CHECK_INT(in.mouse_y, qy);
}

/* Frames can run no tick (a fast display): events of several frames go
 * into one TickInput. A move in a later frame must not carry the click. */
static void test_click_then_move_in_later_frame(void)
{
    TickInput in;
    memset(&in, 0, sizeof in);
    sdl_events_click(200, 300, false);
    platform_poll(&plat, render, &in);
    sdl_events_motion(900, 600);
    platform_poll(&plat, render, &in);
    CHECK(in.click);
    CHECK_INT(in.mouse_x, 200);
    CHECK_INT(in.mouse_y, 300);
    memset(&in, 0, sizeof in); /* a tick read it */
    platform_poll(&plat, render, &in);
    CHECK(in.has_mouse && !in.click);
    CHECK_INT(in.mouse_x, 900);
    CHECK_INT(in.mouse_y, 600);
    /* Nothing more happened: nothing more to report. */
    memset(&in, 0, sizeof in);
    platform_poll(&plat, render, &in);
    CHECK(input_empty(&in));
}

/* Without a click, the latest place of the pointer is the one that counts. */
static void test_moves_merge(void)
{
    TickInput in;
    memset(&in, 0, sizeof in);
    sdl_events_motion(10, 20);
    sdl_events_motion(30, 40);
    platform_poll(&plat, render, &in);
    CHECK(in.has_mouse && !in.click);
    CHECK_INT(in.mouse_x, 30);
    CHECK_INT(in.mouse_y, 40);
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: test_pointer SOURCE_DIR\n");
        return 2;
    }
    src_dir = argv[1];
    char err[512];
    if (!platform_open(&plat, true, false, DRAW_LOGICAL_W, DRAW_LOGICAL_H, err, sizeof err)) {
        fprintf(stderr, "test_pointer: %s\n", err);
        return 1;
    }
    /* A headless game reads no devices; the test pushes events itself. */
    render = SDL_InitSubSystem(SDL_INIT_EVENTS) == 0
                 ? render_create(plat.renderer, open_data, err, sizeof err)
                 : NULL;
    if (!render) {
        fprintf(stderr, "test_pointer: %s\n", err[0] ? err : SDL_GetError());
        platform_close(&plat);
        return 1;
    }
    test_click_then_move_in_one_frame();
    test_click_then_move_in_later_frame();
    test_moves_merge();
    render_destroy(render);
    platform_close(&plat);
    return check_done("test_pointer");
}
