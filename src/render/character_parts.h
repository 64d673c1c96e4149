/* Unsaid - character_parts.h: what the files that draw a person share.
 *
 * Private to the character module: character.c and the part files face.c,
 * eyes.c, hair.c, body.c, hands.c and accessories.c include it; nothing
 * else may.
 * The public entry point stays character_draw() in character.h.
 *
 * Shared, and why:
 * - the Palette, made once per person in character.c, which every part
 *   paints with;
 * - v2, lerp2 and clampf, which nearly every line uses: static inline, so
 *   they cost what they did when all of this was one file;
 * - the shape helpers (character.c), which pick how many points a shape
 *   needs from its size on screen, so small parts stay cheap on the
 *   software renderer;
 * - the head's frame, which character_draw() and the face both enter;
 * - EyeState, which the face fills in and the eyes draw;
 * - each part's entry points, called in drawing order by character_draw()
 *   and character_draw_head().
 *
 * Coordinates: the face and hair are drawn in the head's frame (origin at
 * the head centre, head 120 x 152 units, y down); the body, hands and
 * wheelchair on the canvas, in units scaled by the rig's scale.
 */
#ifndef UNSAID_CHARACTER_PARTS_H
#define UNSAID_CHARACTER_PARTS_H

#include "character.h"

#include <stdbool.h>

#define PI 3.14159265f

typedef struct {
    Color skin, skin_shadow, skin_line, crease, blush;
    Color hair, hair_dark, hair_hi, brow;
    Color iris, top, top_shade, top_line, accent, lips, lips_dark;
    Color lash, sclera;
    Color legs, legs_line;
    /* Wet eyes must read on every skin. `dark` runs from 0 (light skin) to 1
     * (deep skin); light skin shows a red rim, deep skin a cool gloss. */
    float dark;
    Color wet_rim, wet_gloss;
} Palette;

static inline float clampf(float v, float lo, float hi)
{
    return v < lo ? lo : v > hi ? hi : v;
}

static inline Vec2 v2(float x, float y)
{
    return (Vec2){x, y};
}

static inline Vec2 lerp2(Vec2 a, Vec2 b, float t)
{
    return v2(a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t);
}

/* ---- shape helpers (character.c) ---------------------------------------------- */

/* Stroke a closed outline of n points (3 to DRAW_MAX_POINTS - 2). */
void character_outline(Draw *d, const Vec2 *pts, int n, float w, Color c);
/* Fill a shape, then stroke its outline w wide. */
void character_shape_outlined(Draw *d, const Vec2 *pts, int n, Color fill, Color line, float w);
/* An ellipse filled with `fill` inside a `line` border w wide. */
void character_ellipse_outlined(Draw *d, float cx, float cy, float rx, float ry, float rot, Color fill,
                                Color line, float w);
/* A low-poly filled circle for small round parts. */
void character_circle(Draw *d, float cx, float cy, float r, Color c);
/* A limb: the convex hull of circles (a, ra) and (b, rb). */
void character_capsule(Draw *d, Vec2 a, Vec2 b, float ra, float rb, Color c);
void character_capsule_outlined(Draw *d, Vec2 a, Vec2 b, float ra, float rb, Color fill, Color line,
                                float w);
/* Write n points of the quadratic curve from a through mid to b; returns n. */
int character_curve3(Vec2 *out, int n, Vec2 a, Vec2 mid, Vec2 b);
/* A tapered curved line from a through mid to b (widths w0, wm, w1); colours
 * with alpha under 8 draw nothing. */
void character_line3(Draw *d, Vec2 a, Vec2 mid, Vec2 b, float w0, float wm, float w1, Color c);
/* A soft fold from a through mid to b, about w wide: a shade with no edge. */
void character_fold3(Draw *d, Vec2 a, Vec2 mid, Vec2 b, float w, Color c);

/* Push the head's frame (translate, roll, mirror, scale); pair with draw_pop. */
void character_push_head_frame(Draw *d, const RigLayout *r);

/* ---- face.c ------------------------------------------------------------------- */

/* The head and everything on it, front hair and aids included, in its frame. */
void character_draw_head(Draw *d, const Look *look, const RigLayout *r, const Pose *pose, const Palette *p,
                         double t);

/* ---- eyes.c ------------------------------------------------------------------- */

typedef struct {
    float up, low;      /* lid openings above and below the centre line */
    float gx, gy;       /* gaze */
    float au5, au6, au7, tears;
    float lines; /* age lines at rest: crow's feet, under-eye */
    float au43;  /* a held close: the lids relax and look heavy */
    float shut;  /* how far the lids are closed (blinks, AU43), 0..1 */
    float rest_up; /* the upper lid's opening at rest, where its crease sits */
} EyeState;

/* `in` is +1 when the eye's inner corner is towards +x, -1 otherwise. */
void character_draw_eye(Draw *d, const Palette *p, Vec2 c, float rx, float in, const EyeState *e, double t);
void character_draw_tear(Draw *d, const Palette *p, Vec2 c, float in, const EyeState *e, double t);
void character_draw_brow(Draw *d, const Palette *p, Vec2 eye, float in, const Pose *pose);
/* How far the lids are shut, 0 (open) to 1, at time t. */
float character_eye_closure(const Pose *pose, double t, float phase);

/* ---- hair.c ------------------------------------------------------------------- */

/* Hair behind the head (long hair, a bun, a cloud of curls), in its frame. */
void character_hair_back(Draw *d, HairStyle style, const Palette *p);
/* The crown and fringe, over the face, in the head's frame; turn: the
 * head's turn, which narrows and slides the face's outline. */
void character_hair_front(Draw *d, HairStyle style, const Palette *p, float turn);
/* face: the head outline (n points); mc: the mouth's centre; turn: the head's. */
void character_draw_beard(Draw *d, const Palette *p, BeardStyle style, const Vec2 *face, int n, Vec2 mc,
                          float turn);

/* ---- body.c ------------------------------------------------------------------- */

void character_draw_neck(Draw *d, const RigLayout *r, const Palette *p);
void character_draw_torso(Draw *d, const RigLayout *r, const Palette *p, TopStyle style);
void character_draw_upper_arm(Draw *d, const RigLayout *r, const Palette *p, int side);
/* legs.c: a seated person's lap and lower legs, when there is no table. */
void character_draw_lap(Draw *d, const RigLayout *r, const Palette *p);
/* A standing person's legs, hip to floor (RIG_LEG_LEN). */
void character_draw_standing_legs(Draw *d, const RigLayout *r, const Palette *p);
void character_draw_forearm(Draw *d, const RigLayout *r, const Palette *p, int side);

/* ---- hands.c ------------------------------------------------------------------ */

void character_draw_hand(Draw *d, const RigLayout *r, const Palette *p, int side, double t);
/* The fingers that lie over what the hand holds, drawn after it: over the
 * neck (before the head, whose jaw hides their roots) and, of clasped
 * hands, the lower hand's fingertips over the upper hand. */
void character_draw_hand_over(Draw *d, const RigLayout *r, const Palette *p, int side);

/* ---- accessories.c ------------------------------------------------------------ */

/* eye_c: the two eyes' centres in the head's frame. */
void character_draw_glasses(Draw *d, const Vec2 *eye_c);
/* ex: the ear's centre x; s: -1 or +1, the side; tube: the hook and tube
 * over the ear (drawn after it) instead of the case behind it. */
void character_draw_hearing_aid(Draw *d, float ex, float s, bool tube);
void character_draw_wheelchair(Draw *d, const RigLayout *r);

#endif
