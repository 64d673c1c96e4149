/* Unsaid - render.c: the Renderer, and a frame: the stage, then the
 * screen's own drawing over it (render_parts.h maps the files). */
#include "render_parts.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

Renderer *render_create(SDL_Renderer *sdl, TextOpenFn open, char *err, size_t errsize)
{
    Renderer *r = calloc(1, sizeof *r);
    if (!r) {
        snprintf(err, errsize, "out of memory");
        return NULL;
    }
    r->sdl = sdl;
    r->theme = theme_make(false);
    r->draw = draw_create(sdl);
    if (!r->draw) {
        snprintf(err, errsize, "out of memory");
        free(r);
        return NULL;
    }
    r->text = text_create(sdl, open, draw_scale(r->draw), err, errsize);
    if (!r->text) {
        draw_destroy(r->draw);
        free(r);
        return NULL;
    }
    return r;
}


void render_destroy(Renderer *r)
{
    if (!r)
        return;
    stage_cache_clear(&r->cache);
    frames_forget(&r->keep);
    text_destroy(r->text);
    draw_destroy(r->draw);
    free(r);
}

void render_set_direct(Renderer *r, SDL_Surface *surface)
{
    draw_set_direct(r->draw, surface);
}

void render_forget_places(Renderer *r)
{
    stage_cache_clear(&r->cache);
    r->keep.valid = false;
}

void render_keep_frames(Renderer *r, bool on)
{
    SDL_RendererInfo info;
    r->keep.on = on;
    r->keep.in_place = SDL_GetRendererInfo(r->sdl, &info) == 0 && strcmp(info.name, "software") == 0;
    frames_forget(&r->keep);
}

void render_keep_frames_in_texture(Renderer *r)
{
    render_keep_frames(r, true);
    r->keep.in_place = false;
}

void render_frame_counts(const Renderer *r, long *whole, long *parts)
{
    *whole = r->keep.full;
    *parts = r->keep.partial;
}

void render_set_output(Renderer *r, int w, int h)
{
    stage_cache_clear(&r->cache);
    frames_forget(&r->keep);
    r->keep.w = w;
    r->keep.h = h;
    draw_set_output(r->draw, w, h);
    text_set_scale(r->text, draw_scale(r->draw));
}

Vec2 render_to_canvas(const Renderer *r, float px, float py)
{
    return draw_to_logical(r->draw, px, py);
}

Vec2 render_to_pixels(const Renderer *r, float x, float y)
{
    return draw_to_pixels(r->draw, (Vec2){x, y});
}

void render_overlay(Renderer *r, const char *title, const char *body)
{
    Draw *d = r->draw;
    r->keep.valid = false; /* drawn over the kept frame: the next is drawn whole */
    float w = 900, x = (DRAW_LOGICAL_W - w) / 2;
    float h = 90 + text_wrapped_height(r->text, FONT_SMALL, body, w - 60);
    if (h > 600)
        h = 600;
    widget_panel(r, x, 60, w, h);
    draw_rounded_rect_outline(d, x, 60, w, h, 18, 2.5f, r->theme.bad);
    text_draw(r->text, d, FONT_BODY_BOLD, title, -1, x + 30, 80, r->theme.bad, ALIGN_LEFT);
    text_draw_wrapped(r->text, d, FONT_SMALL, body, x + 30, 124, w - 60, -1, r->theme.text, ALIGN_LEFT);
    draw_flush(d);
}

static float text_factor(TextSize s)
{
    switch (s) {
    case TEXT_SIZE_SMALL: return 0.88f;
    case TEXT_SIZE_LARGE: return 1.14f;
    case TEXT_SIZE_PROJECTOR: return 1.28f;
    default: return 1.f;
    }
}

/* Each screen's draw function, found by its Screen (the game's step_x has
 * its draw_x here). */
static const ScreenDraw screens[SCREEN_COUNT] = {
    [SCREEN_TITLE] = screen_title,       [SCREEN_INTRO] = screen_intro,
    [SCREEN_PERFORM] = screen_perform,   [SCREEN_ANSWER] = screen_answer,
    [SCREEN_REACTION] = screen_reaction, [SCREEN_DEBRIEF] = screen_debrief,
    [SCREEN_PACKS] = screen_packs,       [SCREEN_CHAPTERS] = screen_chapters,
    [SCREEN_RESULTS] = screen_results,   [SCREEN_SETTINGS] = screen_settings,
    [SCREEN_WATCH] = screen_watch,       [SCREEN_REVIEW] = screen_review,
};

void render_draw(Renderer *r, const Game *g, double alpha, const SDL_Rect *clip)
{
    text_set_size(r->text, text_factor(g->settings.text_size));
    r->theme = theme_make(g->settings.high_contrast);
    SDL_SetRenderDrawColor(r->sdl, 0, 0, 0, 255);
    r->clip = clip;
    if (clip) { /* a clear ignores the clip: fill instead */
        SDL_RenderSetClipRect(r->sdl, clip);
        SDL_SetRenderDrawBlendMode(r->sdl, SDL_BLENDMODE_NONE);
        SDL_RenderFillRect(r->sdl, NULL);
        SDL_SetRenderDrawBlendMode(r->sdl, SDL_BLENDMODE_BLEND);
    } else {
        SDL_RenderClear(r->sdl);
    }
    stage_view(r, g, alpha);
    Screen shown = game_shown(g);
    if (shown >= 0 && shown < SCREEN_COUNT && screens[shown])
        screens[shown](r, g, alpha);
    if (g->overlay == OVERLAY_PAUSE)
        screen_pause(r, g, alpha);
    draw_flush(r->draw);
    if (clip)
        SDL_RenderSetClipRect(r->sdl, NULL);
    r->clip = NULL;
}

void render_frame(Renderer *r, const Game *g, double alpha)
{
    if (r->keep.on)
        frames_draw(r, g, alpha);
    else
        render_draw(r, g, alpha, NULL);
    text_frame_end(r->text);
}
