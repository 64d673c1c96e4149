/* The renderer's parts, drawn headless with SDL's software renderer over a
 * surface: the transform stack keeps pushes and pops paired past its
 * depth.
 *
 * usage: test_render SOURCE_DIR */
#include "check.h"
#include "draw.h"

#include <SDL2/SDL.h>
#include <stdio.h>

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

int main(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    surface = SDL_CreateRGBSurfaceWithFormat(0, DRAW_LOGICAL_W, DRAW_LOGICAL_H, 32, SDL_PIXELFORMAT_ARGB8888);
    sdl = surface ? SDL_CreateSoftwareRenderer(surface) : NULL;
    if (!sdl) {
        fprintf(stderr, "test_render: no software renderer: %s\n", SDL_GetError());
        return 1;
    }
    test_stack_overflow();
    SDL_DestroyRenderer(sdl);
    SDL_FreeSurface(surface);
    SDL_Quit();
    return check_done("test_render");
}
