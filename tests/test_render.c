/* The renderer's parts, drawn headless with SDL's software renderer over a
 * surface: the transform stack keeps pushes and pops paired past its
 * depth; fonts that cannot be opened again at a new size leave the old
 * ones working.
 *
 * usage: test_render SOURCE_DIR */
#include "check.h"
#include "draw.h"
#include "text.h"

#include <SDL2/SDL.h>
#include <stdbool.h>
#include <stdio.h>

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
    SDL_DestroyRenderer(sdl);
    SDL_FreeSurface(surface);
    SDL_Quit();
    return check_done("test_render");
}
