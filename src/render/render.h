/* Unsaid - render.h: draws a read-only view of the game.
 *
 * render_frame() reads the Game and draws every screen; it never changes
 * game state. It can target a window or, for screenshots and tests, a
 * software renderer over a surface: the output is the same. */
#ifndef UNSAID_RENDER_H
#define UNSAID_RENDER_H

#include "play.h"
#include "text.h"

#include <SDL2/SDL.h>

typedef struct Renderer Renderer;

Renderer *render_create(SDL_Renderer *sdl, TextOpenFn open, char *err, size_t errsize);
void render_destroy(Renderer *r);
/* Draw shapes straight into the surface a software renderer targets
 * (headless runs); see draw_set_direct. */
void render_set_direct(Renderer *r, SDL_Surface *surface);
/* Forget cached drawings of places (the packs were reloaded). */
void render_forget_places(Renderer *r);
/* The output changed size (window resize, fullscreen). */
void render_set_output(Renderer *r, int w, int h);
/* In a window: keep each frame, and draw the next one only where it
 * changed (render_frames.c). Off by default; pixels are the same either way. */
void render_keep_frames(Renderer *r, bool on);
/* The same, keeping them in a texture even where the output would keep
 * them itself (SDL's software renderer), as a GPU renderer must: for tests. */
void render_keep_frames_in_texture(Renderer *r);
/* How many frames were drawn whole, and how many in parts, while kept. */
void render_frame_counts(const Renderer *r, long *whole, long *parts);
/* Draw the game at `alpha` between the previous and the current tick. */
void render_frame(Renderer *r, const Game *g, double alpha);
/* A message box over the frame (pack errors after F5). Call after render_frame. */
void render_overlay(Renderer *r, const char *title, const char *body);
/* Convert output pixels (mouse) into canvas pixels. */
Vec2 render_to_canvas(const Renderer *r, float px, float py);

#endif
