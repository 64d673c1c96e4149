/* Unsaid - draw.h: anti-aliased 2D shapes over SDL_RenderGeometry.
 *
 * Everything is drawn in logical coordinates (a 1280x720 canvas). The view
 * maps the canvas onto the real output (letterboxed, any size), so shapes
 * are rasterised at the output resolution and stay sharp on a projector.
 *
 * Anti-aliasing: every filled shape gets a one-pixel "fringe" of triangles
 * whose outer vertices have alpha 0, so edges are smooth with any SDL
 * renderer, including the software one used for tests. Triangles are
 * batched and sent in as few SDL_RenderGeometry calls as the draw order
 * allows.
 *
 * A transform stack (translate / rotate / scale) lets the character rig pose
 * parts relative to their parents.
 */
#ifndef UNSAID_DRAW_H
#define UNSAID_DRAW_H

#include "color.h"
#include "play.h"

#include <SDL2/SDL.h>
#include <stdbool.h>
#include <stdint.h>

#define DRAW_LOGICAL_W INPUT_CANVAS_W /* the game's canvas (input.h) */
#define DRAW_LOGICAL_H INPUT_CANVAS_H
#define DRAW_MAX_POINTS 256 /* largest outline a shape call accepts */


typedef struct {
    float x, y;
} Vec2;

typedef struct {
    float a, b, c, d, tx, ty; /* x' = a*x + c*y + tx; y' = b*x + d*y + ty */
} Affine;

typedef struct Draw Draw;

/* Create a drawing context on a renderer. Returns NULL on allocation failure. */
Draw *draw_create(SDL_Renderer *renderer);
void draw_destroy(Draw *d);

/* Fit the logical canvas into an output of w x h pixels (letterbox). */
void draw_set_output(Draw *d, int w, int h);
/* Show the canvas region (lx, ly, lw, lh) in the output rectangle
 * (ox, oy, ow, oh), keeping the region's aspect (for contact sheets). */
void draw_set_view(Draw *d, float lx, float ly, float lw, float ox, float oy, float ow);
float draw_scale(const Draw *d);          /* output pixels per logical unit */
SDL_Renderer *draw_renderer(const Draw *d);
/* Convert an output pixel position into logical coordinates. */
Vec2 draw_to_logical(const Draw *d, float px, float py);
/* Convert a logical position (through the current transform) to pixels. */
Vec2 draw_to_pixels(const Draw *d, Vec2 p);

/* Fill triangles straight into this surface (the one the software renderer
 * draws into) instead of through SDL: much faster for many small shapes.
 * Text and textures still go through the renderer, in order. NULL turns
 * it off; surfaces that are not ARGB8888 (or XRGB8888) are ignored. */
void draw_set_direct(Draw *d, SDL_Surface *surface);

/* Measure instead of drawing: between these, shapes are shaped but not
 * drawn, and end gives the output pixels they would cover (false if none).
 * Text and textures are not measured. */
void draw_measure_begin(Draw *d);
bool draw_measure_end(Draw *d, Vec2 *top_left, Vec2 *bottom_right);

/* Send batched triangles to the renderer. Needed before any direct
 * SDL_Render* call (text, textures) so the draw order stays right. */
void draw_flush(Draw *d);

/* Transform stack (max depth 16). Pushes past the depth are counted, not
 * stored: pops stay paired with pushes, but a transform made that deep
 * stays on the deepest level kept. */
void draw_push(Draw *d);
void draw_pop(Draw *d);
void draw_translate(Draw *d, float x, float y);
void draw_rotate(Draw *d, float radians);
void draw_scale_by(Draw *d, float sx, float sy);

/* Shapes. Outlines may be in either winding. draw_shape fills any simple
 * polygon (one that does not cross itself): a hairline or a beard's edge
 * may curve in and out, and the fill keeps to the outline with a soft edge
 * all round. */
void draw_shape(Draw *d, const Vec2 *pts, int n, Color c);
/* Fill a polygon clipped to a convex region (e.g. an iris inside an eye). */
void draw_shape_clipped(Draw *d, const Vec2 *pts, int n, const Vec2 *clip, int clip_n, Color c);
/* A vertical gradient inside a shape: top colour at min y, bottom at max y. */
void draw_shape_gradient(Draw *d, const Vec2 *pts, int n, Color top, Color bottom);
/* The part of a shape past `from`, its colour fading in along the way from
 * `from` (transparent) to `to` (c): a soft shade with no edge inside the
 * shape. Keep `to` at or beyond the shape's far side. */
void draw_shape_ramp(Draw *d, const Vec2 *pts, int n, Vec2 from, Vec2 to, Color c);
void draw_ellipse(Draw *d, float cx, float cy, float rx, float ry, float rot, Color c);
void draw_circle(Draw *d, float cx, float cy, float r, Color c);
/* A soft round glow: colour c at the centre fading to transparent at r. */
void draw_glow(Draw *d, float cx, float cy, float r, Color c);
/* The same glow squashed into an ellipse (pools of light, blush). */
void draw_glow_ellipse(Draw *d, float cx, float cy, float rx, float ry, Color c);
/* A glow that adds light instead of blending (lamps, windows, the sky):
 * it can only brighten, and leaves no seam where it fades out. */
void draw_light_ellipse(Draw *d, float cx, float cy, float rx, float ry, Color c);
/* A tapered limb: the convex hull of circles (a, ra) and (b, rb). */
void draw_capsule(Draw *d, Vec2 a, Vec2 b, float ra, float rb, Color c);
/* A polyline of constant width with round-ish ends. */
void draw_stroke(Draw *d, const Vec2 *pts, int n, float width, Color c);
/* A polyline whose width runs from w0 at the first point to w1 at the last,
 * bulging to wmid in the middle (brows, lips, creases). */
void draw_stroke_tapered(Draw *d, const Vec2 *pts, int n, float w0, float wmid, float w1, Color c);
/* A line with no edge: full colour along its middle, fading to nothing at
 * both sides and both ends (a fold in the skin rather than a drawn line).
 * Needs 3 points or more. */
void draw_stroke_soft(Draw *d, const Vec2 *pts, int n, float w0, float wmid, float w1, Color c);
void draw_rect(Draw *d, float x, float y, float w, float h, Color c);
void draw_rect_gradient(Draw *d, float x, float y, float w, float h, Color top, Color bottom);
void draw_rounded_rect(Draw *d, float x, float y, float w, float h, float r, Color c);
void draw_rounded_rect_outline(Draw *d, float x, float y, float w, float h, float r,
                               float width, Color c);

/* Point generators: write n points along a curve into out, return n. */
int draw_bezier_quad(Vec2 *out, int n, Vec2 p0, Vec2 p1, Vec2 p2);
int draw_bezier_cubic(Vec2 *out, int n, Vec2 p0, Vec2 p1, Vec2 p2, Vec2 p3);
int draw_ellipse_points(Vec2 *out, int n, float cx, float cy, float rx, float ry, float rot);

#endif
