/* Unsaid - character.c: paints a person over a rig layout.
 *
 * Style: flat warm colours, each part outlined in a darker tone of its own
 * colour (never black), a few soft shadows (under the chin, the lamp on the
 * face's far side). The face is drawn in the head's own frame (origin at the
 * head centre, head 120 x 152 units, y down, mirrored by the transform), so
 * every feature is written once and follows roll, mirror and scale.
 *
 * Readability comes first: each action unit moves something big enough to
 * see on a projector, and the cues that matter for the game get a second,
 * redundant sign (AU6 narrows the eye AND crinkles the corners AND lifts the
 * cheek; gaze down moves the iris AND lowers the lids).
 *
 * This file orders the layers (character_draw), makes the palette and holds
 * the shape helpers the parts share. The parts live in face.c (the head,
 * nose and mouth), eyes.c (eyes, brows, tears), hair.c (hair and beards),
 * body.c (neck, torso, arms, hands) and accessories.c (glasses, hearing
 * aids, the wheelchair); character_parts.h says what they share.
 */
#include "character_parts.h"

#include <math.h>
#include <string.h>

static Palette make_palette(const Look *look, const Pose *pose)
{
    Palette p;
    Color skin = color_hex(look->skin);
    /* Pallor: drain the warmth out of the skin towards a cool grey. */
    float pallor = clampf(pose->v[P_PALLOR], 0.f, 1.f);
    if (pallor > 0.f) {
        float lum = 0.3f * skin.r + 0.59f * skin.g + 0.11f * skin.b;
        Color grey = color_rgba((uint8_t)clampf(lum * 1.02f, 0, 255), (uint8_t)clampf(lum * 1.04f, 0, 255),
                                (uint8_t)clampf(lum * 1.0f, 0, 255), 255);
        skin = color_mix(skin, grey, 0.6f * pallor);
        skin = color_shade(skin, 1.f + 0.08f * pallor);
    }
    Color warm_dark = color_hex(0x5A2A22);
    p.skin = skin;
    p.skin_shadow = color_mix(color_shade(skin, 0.86f), warm_dark, 0.06f);
    p.skin_line = color_mix(color_shade(skin, 0.66f), warm_dark, 0.2f);
    p.crease = color_mix(color_shade(skin, 0.58f), warm_dark, 0.25f);
    p.blush = color_mix(color_hex(0xE06A70), skin, 0.25f);
    p.hair = color_hex(look->hair);
    p.hair_dark = color_shade(p.hair, 0.68f);
    p.hair_hi = color_shade(p.hair, 1.25f);
    /* Brows must read on any skin: pull them towards a dark skin tone. */
    p.brow = color_mix(color_shade(p.hair, 0.8f), color_shade(skin, 0.32f), 0.4f);
    p.iris = color_hex(look->iris);
    p.top = color_hex(look->top);
    p.top_shade = color_shade(p.top, 0.8f);
    p.top_line = color_shade(p.top, 0.62f);
    p.accent = color_hex(look->accent);
    p.lips = color_mix(color_hex(look->lips), skin, 0.25f + 0.4f * pallor);
    p.lips_dark = color_mix(color_shade(p.lips, 0.55f), warm_dark, 0.3f);
    p.lash = color_mix(color_hex(0x22160F), p.hair_dark, 0.2f);
    p.sclera = color_hex(0xF3EDE6);
    p.legs = color_hex(look->legs);
    p.legs_line = color_shade(p.legs, 0.6f);
    float lum = 0.3f * skin.r + 0.59f * skin.g + 0.11f * skin.b;
    p.dark = clampf((165.f - lum) / 85.f, 0.f, 1.f);
    p.wet_rim = color_mix(color_shade(skin, 0.8f), color_hex(0xC8404A), 0.55f);
    p.wet_gloss = color_hex(0xE4F2FF);
    return p;
}

/* ---- shape helpers ------------------------------------------------------------ */

/* Stroke a closed outline, starting and ending mid-edge so the seam is smooth. */
void character_outline(Draw *d, const Vec2 *pts, int n, float w, Color c)
{
    Vec2 buf[DRAW_MAX_POINTS];
    if (n < 3 || n + 2 > DRAW_MAX_POINTS)
        return;
    Vec2 m = lerp2(pts[n - 1], pts[0], 0.5f);
    buf[0] = m;
    memcpy(buf + 1, pts, (size_t)n * sizeof *pts);
    buf[n + 1] = m;
    draw_stroke(d, buf, n + 2, w, c);
}

void character_shape_outlined(Draw *d, const Vec2 *pts, int n, Color fill, Color line, float w)
{
    draw_shape(d, pts, n, fill);
    character_outline(d, pts, n, w, line);
}

/* Output pixels per local unit under the current transform: shapes take
 * only as many points as their size on screen needs. The software renderer
 * pays for every triangle and for every pixel of each triangle's bounding
 * box, so small parts must stay cheap. */
static float px_per_unit(Draw *d)
{
    Vec2 o = draw_to_pixels(d, v2(0.f, 0.f)), x = draw_to_pixels(d, v2(1.f, 0.f)), y = draw_to_pixels(d, v2(0.f, 1.f));
    return 0.5f * (hypotf(x.x - o.x, x.y - o.y) + hypotf(y.x - o.x, y.y - o.y));
}

/* Points for an ellipse of this size: about one per 5 px of its outline. */
static int ellipse_segments(Draw *d, float rx, float ry, int lo, int hi)
{
    int n = (int)((rx + ry) * px_per_unit(d) * 0.62f);
    return n < lo ? lo : n > hi ? hi : n;
}

/* Outlined ellipse as two fills (line colour, then the fill inset): fewer
 * triangles than a stroke around it. */
void character_ellipse_outlined(Draw *d, float cx, float cy, float rx, float ry, float rot, Color fill,
                                       Color line, float w)
{
    Vec2 pts[48];
    float h = w * 0.5f;
    int n = draw_ellipse_points(pts, ellipse_segments(d, rx, ry, 10, 40), cx, cy, rx + h, ry + h, rot);
    draw_shape(d, pts, n, line);
    n = draw_ellipse_points(pts, n, cx, cy, rx - h, ry - h, rot);
    draw_shape(d, pts, n, fill);
}

/* A low-poly circle for small round parts (curls, buttons). */
void character_circle(Draw *d, float cx, float cy, float r, Color c)
{
    Vec2 pts[32];
    int n = draw_ellipse_points(pts, ellipse_segments(d, r, r, 8, 32), cx, cy, r, r, 0.f);
    draw_shape(d, pts, n, c);
}

/* k points strictly inside the edge e0-e1, bowed a hair away from the
 * shape's centre c: exactly collinear points would make the fill think the
 * shape is concave and fall back to a costly fan. */
static int split_side(Vec2 *out, int k, Vec2 e0, Vec2 e1, Vec2 c, float pxu)
{
    Vec2 m = lerp2(e0, e1, 0.5f), nrm = v2(e0.y - e1.y, e1.x - e0.x);
    float l = hypotf(nrm.x, nrm.y);
    if (l < 1e-4f)
        return 0;
    if ((m.x - c.x) * nrm.x + (m.y - c.y) * nrm.y < 0.f)
        l = -l;
    float bow = 0.4f / (pxu > 1e-3f ? pxu : 1.f);
    for (int i = 1; i <= k; i++) {
        float t = (float)i / (float)(k + 1), b = bow * 4.f * t * (1.f - t);
        Vec2 p = lerp2(e0, e1, t);
        out[i - 1] = v2(p.x + nrm.x / l * b, p.y + nrm.y / l * b);
    }
    return k;
}

/* Capsule outline: a half circle around each end, long sides split so no
 * triangle's bounding box spans the whole limb. */
static int capsule_points(Vec2 *out, float pxu, Vec2 a, Vec2 b, float ra, float rb)
{
    float dx = b.x - a.x, dy = b.y - a.y, len = sqrtf(dx * dx + dy * dy);
    if (len <= fabsf(ra - rb) * 1.02f + 1e-3f) { /* one end swallows the other */
        Vec2 c = ra > rb ? a : b;
        return draw_ellipse_points(out, 14, c.x, c.y, fmaxf(ra, rb), fmaxf(ra, rb), 0.f);
    }
    float ang = atan2f(dy, dx), off = asinf(clampf((ra - rb) / len, -0.99f, 0.99f));
    int arc = (int)(fmaxf(ra, rb) * pxu * 0.24f);
    arc = arc < 3 ? 3 : arc > 8 ? 8 : arc;
    int side = (int)(len * pxu / 30.f);
    side = side > 8 ? 8 : side;
    int n = 0;
    float s0 = ang - (PI * 0.5f + off), s1 = ang + (PI * 0.5f + off);
    for (int i = 0; i <= arc; i++) {
        float t = s0 + (s1 - s0) * (float)i / (float)arc;
        out[n++] = v2(b.x + cosf(t) * rb, b.y + sinf(t) * rb);
    }
    Vec2 e0 = out[n - 1];
    float u0 = ang + (PI * 0.5f + off), u1 = ang + 2.f * PI - (PI * 0.5f + off);
    Vec2 e1 = v2(a.x + cosf(u0) * ra, a.y + sinf(u0) * ra);
    n += split_side(out + n, side, e0, e1, lerp2(a, b, 0.5f), pxu);
    for (int i = 0; i <= arc; i++) {
        float t = u0 + (u1 - u0) * (float)i / (float)arc;
        out[n++] = v2(a.x + cosf(t) * ra, a.y + sinf(t) * ra);
    }
    n += split_side(out + n, side, out[n - 1], out[0], lerp2(a, b, 0.5f), pxu);
    return n;
}

void character_capsule(Draw *d, Vec2 a, Vec2 b, float ra, float rb, Color c)
{
    Vec2 pts[48];
    int n = capsule_points(pts, px_per_unit(d), a, b, ra, rb);
    draw_shape(d, pts, n, c);
}

void character_capsule_outlined(Draw *d, Vec2 a, Vec2 b, float ra, float rb, Color fill, Color line,
                                       float w)
{
    character_capsule(d, a, b, ra + w * 0.5f, rb + w * 0.5f, line);
    character_capsule(d, a, b, ra - w * 0.5f, rb - w * 0.5f, fill);
}

/* Quadratic curve through three points (the middle one is on the curve). */
int character_curve3(Vec2 *out, int n, Vec2 a, Vec2 mid, Vec2 b)
{
    Vec2 c = v2(2.f * mid.x - 0.5f * (a.x + b.x), 2.f * mid.y - 0.5f * (a.y + b.y));
    return draw_bezier_quad(out, n, a, c, b);
}

/* Points along a, mid, b: one every 9 px or so, from `least` to 10. */
static int curve_points(Draw *d, Vec2 *pts, Vec2 a, Vec2 mid, Vec2 b, int least)
{
    float len = (hypotf(mid.x - a.x, mid.y - a.y) + hypotf(b.x - mid.x, b.y - mid.y)) * px_per_unit(d);
    int k = least + (int)(len / 9.f);
    return character_curve3(pts, k > 10 ? 10 : k, a, mid, b);
}

/* A tapered curved line. */
void character_line3(Draw *d, Vec2 a, Vec2 mid, Vec2 b, float w0, float wm, float w1, Color c)
{
    if (c.a < 8)
        return;
    Vec2 pts[12];
    int n = curve_points(d, pts, a, mid, b, 3);
    draw_stroke_tapered(d, pts, n, w0, wm, w1, c);
}

/* A soft fold through a, mid and b: a shade with no edge, for creases that
 * must read as skin folding, never as a cut or a scar. */
void character_fold3(Draw *d, Vec2 a, Vec2 mid, Vec2 b, float w, Color c)
{
    if (c.a < 4)
        return;
    Vec2 pts[12];
    int n = curve_points(d, pts, a, mid, b, 5);
    draw_stroke_soft(d, pts, n, w * 0.6f, w, w * 0.5f, c);
}

/* ---- frames ------------------------------------------------------------------- */

void character_push_head_frame(Draw *d, const RigLayout *r)
{
    draw_push(d);
    draw_translate(d, r->head.x, r->head.y);
    draw_rotate(d, r->head_angle);
    draw_scale_by(d, (r->mirror ? -1.f : 1.f) * r->head_scale, r->head_scale);
}

/* ---- layers ------------------------------------------------------------------- */

void character_draw(Draw *d, const Look *look, const RigLayout *rig, const Pose *pose, double t,
                    CharLayer layer)
{
    if (!d || !look || !rig || !pose)
        return;
    Palette p = make_palette(look, pose);
    /* Hidden hands go under the table: draw them with the body so the
     * place's front layer covers them. */
    bool arms_in_body = pose->v[P_HIDE_HANDS] >= 0.5f;
    if (layer == CHAR_LAYER_BODY) {
        if (look->wheelchair)
            character_draw_wheelchair(d, rig);
        character_push_head_frame(d, rig);
        character_hair_back(d, look->hair_style, &p);
        draw_pop(d);
        if (rig->standing && !look->wheelchair)
            character_draw_standing_legs(d, rig, &p);
        character_draw_upper_arm(d, rig, &p, RIG_R);
        character_draw_upper_arm(d, rig, &p, RIG_L);
        /* A hand at the back of the neck goes behind it and the jaw. */
        for (int s = 0; s < 2; s++)
            if (rig->hand_behind[s]) {
                character_draw_forearm(d, rig, &p, s);
                character_draw_hand(d, rig, &p, s, t);
            }
        character_draw_neck(d, rig, &p);
        /* Its fingers lie on the neck: over it, under the jaw and the
         * collar, so on the way up, while the hand is still behind the
         * shoulder, the torso hides them too. */
        for (int s = 0; s < 2; s++)
            if (rig->hand_behind[s])
                character_draw_hand_over(d, rig, &p, s);
        character_draw_torso(d, rig, &p, look->top_style);
        if (rig->lap)
            character_draw_lap(d, rig, &p);
        character_draw_head(d, look, rig, pose, &p, t);
    }
    if ((layer == CHAR_LAYER_FRONT) != arms_in_body) {
        /* The arm crossing on top is drawn last. */
        int first = RIG_L, second = RIG_R;
        for (int k = 0; k < 2; k++) {
            int s = k ? second : first;
            if (rig->hand_behind[s])
                continue;
            character_draw_forearm(d, rig, &p, s);
            character_draw_hand(d, rig, &p, s, t);
        }
        if (!rig->hand_behind[first])
            character_draw_hand_over(d, rig, &p, first);
    }
}
