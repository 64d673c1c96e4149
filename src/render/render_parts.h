/* Unsaid - render_parts.h: what the renderer's files share (not for use
 * outside src/render). The Renderer itself, its theme, the words and small
 * widgets every screen uses, and one draw function per screen.
 *
 *   render.c          the Renderer's life cycle; render_frame calls the
 *                     screen's draw function from a table by Screen
 *   render_frames.c   in a window, drawing again only where a frame changed
 *   render_widgets.c  theme, interface words, panels, buttons, stars
 *   render_stage.c    the scene: place, person, speech box, flags, HUD;
 *                     and the screens drawn over it while it plays
 *   render_chat.c     a chat scene's phone, where the person would be
 *   render_debrief.c  the debrief and the every-answer review
 *   render_menus.c    title, chapters, results, packs, settings, pause */
#ifndef UNSAID_RENDER_PARTS_H
#define UNSAID_RENDER_PARTS_H

#include "character.h"
#include "content.h"
#include "place.h"
#include "play.h"
#include "render.h"

#include <stdbool.h>

/* A place's static layers, drawn once into textures at the output size:
 * large soft shapes are the slowest thing the software rasteriser draws. */
typedef struct {
    char place[65];
    int w, h;
    SDL_Texture *layer[2]; /* back, front */
} PlaceCache;

/* The palette: calm dark panels, warm light text, one warm accent. High
 * contrast (a setting) makes panels solid, edges and quiet text brighter. */
typedef struct {
    bool high_contrast;
    Color panel, panel_edge, text, muted, accent, good, bad, button, button_hi;
} Theme;

/* The last frame, kept in a window so the next can be drawn in parts
 * (render_frames.c). */
#define FRAME_AREAS 24
typedef struct {
    UiRect rect; /* canvas pixels */
    uint64_t key;
    bool moving; /* differs every frame */
} FrameArea;

typedef struct {
    bool on;           /* keep frames (render_keep_frames) */
    bool in_place;     /* the output itself keeps the last frame (SDL's software
                          renderer: its window surface stays as drawn) */
    SDL_Texture *tex;  /* otherwise the last frame, at the output size */
    int w, h;
    bool valid;
    uint64_t key;      /* everything the last frame showed outside its areas */
    FrameArea areas[FRAME_AREAS];
    int nareas;
    long full, partial; /* frames drawn whole and in parts */
    bool person_known;  /* this frame's person measured: */
    SDL_Rect person;    /* the output pixels they cover */
} FrameKeep;

struct Renderer {
    SDL_Renderer *sdl;
    Draw *draw;
    Text *text;
    PlaceCache cache;
    FrameKeep keep;
    const SDL_Rect *clip; /* drawing only inside this (a frame in parts), or NULL */
    Theme theme; /* follows the settings, set at the start of each frame */
};

#define PI_F 3.14159265f

/* ---- theme ---- */
Theme theme_make(bool high_contrast);
Color theme_quality_color(const Renderer *r, AnswerQuality q);
Color theme_state_color(const Renderer *r, PackState s);

/* ---- words: interface text from the packs' strings ---- */
const char *words_get(const Game *g, const char *key);
/* key's text with {name} placeholders filled: n pairs of name, value. */
const char *words_fill(const Game *g, char *buf, size_t size, const char *key, int n, ...);
const char *words_named(const Game *g, const char *prefix, const char *name);
const char *words_region(const Game *g, Region reg);
const char *words_kind(const Game *g, AnswerKind k);
const char *words_quality(const Game *g, AnswerQuality q);
const char *words_on_off(const Game *g, bool on);

/* ---- widgets ---- */
void widget_panel(Renderer *r, float x, float y, float w, float h);
void widget_button(Renderer *r, UiRect b, const char *label, bool selected);
float widget_mid(Renderer *r, UiRect b, FontId f);
float widget_keycap(Renderer *r, const char *key, float x, float y);
void widget_dim(Renderer *r, float alpha);
void widget_star(Renderer *r, float cx, float cy, float rad, bool filled);
void widget_stars(Renderer *r, float x, float cy, float rad, int count, int max, bool right_aligned);
void widget_menu_backdrop(Renderer *r, const Game *g, const char *label, const char *heading);

/* ---- the stage: the scene behind every screen ---- */
/* Forget a place's cached layers. */
/* A whole frame, or only what falls inside clip (output pixels). */
void render_draw(Renderer *r, const Game *g, double alpha, const SDL_Rect *clip);
Vec2 render_to_pixels(const Renderer *r, float x, float y);
void frames_draw(Renderer *r, const Game *g, double alpha);
void frames_forget(FrameKeep *k);

void stage_cache_clear(PlaceCache *c);
void stage_view(Renderer *r, const Game *g, double alpha);
void stage_speech_box(Renderer *r, const Game *g, double alpha);
void stage_coach_banner(Renderer *r, const Game *g, double alpha);
void stage_flags(Renderer *r, const Game *g, double alpha);
void stage_hud(Renderer *r, const Game *g, double alpha);
void stage_region_cursor(Renderer *r, const Game *g, double alpha);
/* A chat scene's phone, in place of the person (render_chat.c). */
void stage_phone(Renderer *r, const Game *g, double alpha);

/* ---- one draw function per screen, drawn over the stage ---- */
typedef void (*ScreenDraw)(Renderer *r, const Game *g, double alpha);
void screen_title(Renderer *r, const Game *g, double alpha);
void screen_intro(Renderer *r, const Game *g, double alpha);
void screen_perform(Renderer *r, const Game *g, double alpha);
void screen_answer(Renderer *r, const Game *g, double alpha);
void screen_reaction(Renderer *r, const Game *g, double alpha);
void screen_debrief(Renderer *r, const Game *g, double alpha);
void screen_review(Renderer *r, const Game *g, double alpha);
void screen_packs(Renderer *r, const Game *g, double alpha);
void screen_chapters(Renderer *r, const Game *g, double alpha);
void screen_results(Renderer *r, const Game *g, double alpha);
void screen_settings(Renderer *r, const Game *g, double alpha);
void screen_watch(Renderer *r, const Game *g, double alpha);
/* The pause menu, over a paused scene. */
void screen_pause(Renderer *r, const Game *g, double alpha);

#endif
