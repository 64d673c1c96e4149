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
 */
#include "character.h"

#include <math.h>
#include <string.h>

#define PI 3.14159265f

typedef struct {
    Color skin, skin_shadow, skin_line, crease, blush;
    Color hair, hair_dark, hair_hi, brow;
    Color iris, top, top_shade, top_line, accent, lips, lips_dark;
    Color lash, sclera;
    /* Wet eyes must read on every skin. `dark` runs from 0 (light skin) to 1
     * (deep skin); light skin shows a red rim, deep skin a cool gloss. */
    float dark;
    Color wet_rim, wet_gloss;
} Palette;

static float clampf(float v, float lo, float hi)
{
    return v < lo ? lo : v > hi ? hi : v;
}

static Vec2 v2(float x, float y)
{
    return (Vec2){x, y};
}

static Vec2 lerp2(Vec2 a, Vec2 b, float t)
{
    return v2(a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t);
}

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
    float lum = 0.3f * skin.r + 0.59f * skin.g + 0.11f * skin.b;
    p.dark = clampf((165.f - lum) / 85.f, 0.f, 1.f);
    p.wet_rim = color_mix(color_shade(skin, 0.8f), color_hex(0xC8404A), 0.55f);
    p.wet_gloss = color_hex(0xE4F2FF);
    return p;
}

/* Stroke a closed outline, starting and ending mid-edge so the seam is smooth. */
static void outline(Draw *d, const Vec2 *pts, int n, float w, Color c)
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

static void shape_outlined(Draw *d, const Vec2 *pts, int n, Color fill, Color line, float w)
{
    draw_shape(d, pts, n, fill);
    outline(d, pts, n, w, line);
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
static void ellipse_outlined(Draw *d, float cx, float cy, float rx, float ry, float rot, Color fill,
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
static void circle(Draw *d, float cx, float cy, float r, Color c)
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

static void capsule(Draw *d, Vec2 a, Vec2 b, float ra, float rb, Color c)
{
    Vec2 pts[48];
    int n = capsule_points(pts, px_per_unit(d), a, b, ra, rb);
    draw_shape(d, pts, n, c);
}

static void capsule_outlined(Draw *d, Vec2 a, Vec2 b, float ra, float rb, Color fill, Color line,
                             float w)
{
    capsule(d, a, b, ra + w * 0.5f, rb + w * 0.5f, line);
    capsule(d, a, b, ra - w * 0.5f, rb - w * 0.5f, fill);
}

/* Quadratic curve through three points (the middle one is on the curve). */
static int curve3(Vec2 *out, int n, Vec2 a, Vec2 mid, Vec2 b)
{
    Vec2 c = v2(2.f * mid.x - 0.5f * (a.x + b.x), 2.f * mid.y - 0.5f * (a.y + b.y));
    return draw_bezier_quad(out, n, a, c, b);
}

/* A tapered curved line; a point every 7 px or so (3 to 10). */
static void line3(Draw *d, Vec2 a, Vec2 mid, Vec2 b, float w0, float wm, float w1, Color c)
{
    if (c.a < 8)
        return;
    Vec2 pts[12];
    float len = (hypotf(mid.x - a.x, mid.y - a.y) + hypotf(b.x - mid.x, b.y - mid.y)) * px_per_unit(d);
    int k = 3 + (int)(len / 9.f);
    int n = curve3(pts, k > 10 ? 10 : k, a, mid, b);
    draw_stroke_tapered(d, pts, n, w0, wm, w1, c);
}

/* ---- frames ------------------------------------------------------------------- */

static void push_head_frame(Draw *d, const RigLayout *r)
{
    draw_push(d);
    draw_translate(d, r->head.x, r->head.y);
    draw_rotate(d, r->head_angle);
    draw_scale_by(d, (r->mirror ? -1.f : 1.f) * r->head_scale, r->head_scale);
}

/* A canvas point in the head's frame (inverse of push_head_frame). */
static Vec2 head_local(const RigLayout *r, RigVec p)
{
    float dx = p.x - r->head.x, dy = p.y - r->head.y;
    float c = cosf(-r->head_angle), s = sinf(-r->head_angle);
    float x = (dx * c - dy * s) / r->head_scale, y = (dx * s + dy * c) / r->head_scale;
    return v2(r->mirror ? -x : x, y);
}

/* A point offset from the head centre along the head's axes, on the canvas. */
static Vec2 head_point(const RigLayout *r, float lx, float ly)
{
    float x = (r->mirror ? -lx : lx) * r->head_scale, y = ly * r->head_scale;
    float c = cosf(r->head_angle), s = sinf(r->head_angle);
    return v2(r->head.x + x * c - y * s, r->head.y + x * s + y * c);
}

/* ---- head shape ---------------------------------------------------------------- */

/* The face outline: round cranium, cheekbones, a jaw tapering to the chin.
 * Jaw drop lowers the chin; a head turn slides the chin towards the turn. */
static int head_outline(Vec2 *out, float jaw, float turn, float youth)
{
    Vec2 half[40];
    int n = 0;
    /* A young face is rounder, with a shorter jaw and a softer chin. */
    float chin = 80.f - 9.f * youth + 12.f * jaw, jaw_y = 52.f - 4.f * youth + 7.f * jaw;
    float jx = 45.f + 5.f * youth;
    n += draw_bezier_cubic(half + n, 8, v2(0, -78), v2(35, -78), v2(58, -58), v2(58, -16));
    n += draw_bezier_cubic(half + n, 8, v2(58, -12), v2(58, 14), v2(55 + youth, 30), v2(jx, jaw_y));
    n += draw_bezier_cubic(half + n, 8, v2(jx - 2.f, jaw_y + 3), v2(30 + 6.f * youth, chin - 6), v2(15, chin),
                           v2(0, chin + 1));
    int m = 0;
    for (int i = 0; i < n; i++) /* right half, top to chin */
        out[m++] = half[i];
    for (int i = n - 2; i > 0; i--) /* left half, chin back up to the top */
        out[m++] = v2(-half[i].x, half[i].y);
    for (int i = 0; i < m; i++) {
        float lower = clampf((out[i].y + 10.f) / 90.f, 0.f, 1.f);
        out[i].x = out[i].x * (1.f - 0.06f * fabsf(turn)) + turn * 8.f * lower;
    }
    return m;
}

/* ---- hair --------------------------------------------------------------------- */

static void hair_back(Draw *d, HairStyle style, const Palette *p)
{
    switch (style) {
    case HAIR_LONG: {
        Vec2 pts[40];
        int n = 0;
        n += draw_bezier_cubic(pts + n, 8, v2(-70, -30), v2(-82, 40), v2(-86, 120), v2(-66, 158));
        n += draw_bezier_cubic(pts + n, 4, v2(-60, 162), v2(-20, 170), v2(20, 170), v2(60, 162));
        n += draw_bezier_cubic(pts + n, 8, v2(66, 158), v2(86, 120), v2(82, 40), v2(70, -30));
        n += draw_bezier_cubic(pts + n, 6, v2(68, -42), v2(58, -104), v2(-58, -104), v2(-68, -42));
        shape_outlined(d, pts, n, p->hair_dark, color_shade(p->hair_dark, 0.8f), 3.f);
        break;
    }
    case HAIR_BUN:
        ellipse_outlined(d, 8, -92, 30, 26, 0.2f, p->hair, p->hair_dark, 3.f);
        line3(d, v2(-10, -100), v2(6, -110), v2(26, -98), 1.f, 2.5f, 1.f, p->hair_dark);
        line3(d, v2(-6, -84), v2(12, -80), v2(30, -90), 1.f, 2.f, 1.f, p->hair_dark);
        break;
    case HAIR_CURLY: {
        /* A cloud of curls: outline pass then fill pass so they merge. */
        static const float curls[][3] = {
            {-74, -20, 24}, {-80, 14, 22}, {-72, 44, 20}, {-62, -56, 26}, {-34, -84, 28}, {0, -94, 28},
            {34, -84, 28},  {62, -56, 26}, {74, -20, 24}, {80, 14, 22},  {72, 44, 20},
        };
        int nc = (int)(sizeof curls / sizeof curls[0]);
        for (int i = 0; i < nc; i++)
            circle(d, curls[i][0], curls[i][1], curls[i][2] + 2.5f, p->hair_dark);
        for (int i = 0; i < nc; i++)
            circle(d, curls[i][0], curls[i][1], curls[i][2], p->hair);
        draw_ellipse(d, 0, -20, 74, 70, 0.f, p->hair);
        /* Depth: the hair falls into shadow where it meets the face. */
        draw_ellipse(d, 0, 2, 67, 80, 0.f, color_mix(p->hair, p->hair_dark, 0.6f));
        break;
    }
    default:
        break;
    }
}

/* The crown: outer arc over the top, a hairline (a gentle arch, so the shape
 * stays star-shaped for the fan fill) across the forehead. */
static int crown_points(Vec2 *pts, float hairline, float side_y, float puff)
{
    int n = 0;
    n += draw_bezier_cubic(pts + n, 8, v2(-63 - puff, side_y), v2(-70 - puff, -70 - puff),
                           v2(-40, -92 - puff), v2(0, -92 - puff));
    n += draw_bezier_cubic(pts + n, 8, v2(4, -92 - puff), v2(40, -92 - puff), v2(70 + puff, -70 - puff),
                           v2(63 + puff, side_y));
    n += draw_bezier_cubic(pts + n, 7, v2(58, side_y - 4), v2(48, hairline + 10), v2(24, hairline),
                           v2(0, hairline - 2));
    n += draw_bezier_cubic(pts + n, 7, v2(-4, hairline - 2), v2(-24, hairline), v2(-48, hairline + 10),
                           v2(-58, side_y - 4));
    return n;
}

static void hair_crown(Draw *d, const Palette *p, float hairline, float side_y, float puff, Color fill)
{
    Vec2 pts[64];
    int n = crown_points(pts, hairline, side_y, puff);
    shape_outlined(d, pts, n, fill, p->hair_dark, 2.6f);
}

static void hair_front(Draw *d, HairStyle style, const Palette *p)
{
    switch (style) {
    case HAIR_SHORT:
        hair_crown(d, p, -52.f, -16.f, 2.f, p->hair);
        /* A side-swept fringe breaks the helmet line, then a parting. */
        line3(d, v2(-36, -64), v2(6, -56), v2(50, -34), 8.f, 17.f, 2.f, p->hair_dark);
        line3(d, v2(-36, -65), v2(6, -58), v2(48, -36), 6.f, 14.f, 1.f, p->hair);
        line3(d, v2(-30, -70), v2(4, -64), v2(40, -46), 0.5f, 1.6f, 0.5f, color_alpha(p->hair_dark, 0.8f));
        line3(d, v2(-22, -90), v2(-24, -78), v2(-30, -64), 0.5f, 2.f, 0.5f, p->hair_dark);
        line3(d, v2(-50, -64), v2(-58, -50), v2(-60, -36), 0.5f, 1.4f, 0.5f, color_alpha(p->hair_dark, 0.7f));
        line3(d, v2(-59, -24), v2(-60, -10), v2(-58, 2), 7.f, 6.f, 3.f, p->hair);
        line3(d, v2(59, -24), v2(60, -10), v2(58, 2), 7.f, 6.f, 3.f, p->hair);
        line3(d, v2(-30, -82), v2(0, -88), v2(30, -80), 1.f, 4.f, 1.f, color_alpha(p->hair_hi, 0.45f));
        break;
    case HAIR_LONG:
        hair_crown(d, p, -54.f, -10.f, 3.f, p->hair);
        /* Centre parting, then curtains falling past the cheeks to the shoulders. */
        line3(d, v2(0, -94), v2(2, -78), v2(0, -56), 1.f, 2.f, 1.f, p->hair_dark);
        for (int s = -1; s <= 1; s += 2) {
            Vec2 pts[16];
            int n = draw_bezier_cubic(pts, 10, v2(s * 8.f, -62), v2(s * 58.f, -62), v2(s * 64.f, 30),
                                      v2(s * 84.f, 140));
            draw_stroke_tapered(d, pts, n, 9.f, 23.f, 16.f, p->hair_dark);
            draw_stroke_tapered(d, pts, n, 6.f, 19.f, 12.f, p->hair);
            line3(d, v2(s * 40.f, -56), v2(s * 60.f, 0), v2(s * 66.f, 90), 0.6f, 1.6f, 0.5f,
                  color_alpha(p->hair_dark, 0.8f));
        }
        line3(d, v2(-34, -84), v2(-14, -90), v2(4, -86), 1.f, 4.f, 1.f, color_alpha(p->hair_hi, 0.45f));
        break;
    case HAIR_BUN:
        hair_crown(d, p, -56.f, -18.f, 0.f, p->hair);
        /* Combed-back lines show the hair is pulled up into the bun. */
        for (int i = -2; i <= 2; i++)
            line3(d, v2(i * 20.f, -56), v2(i * 14.f, -76), v2(i * 6.f, -90), 0.5f, 1.4f, 0.5f,
                  color_alpha(p->hair_dark, 0.7f));
        line3(d, v2(-60, -24), v2(-62, -12), v2(-60, -2), 4.f, 4.f, 1.f, p->hair);
        break;
    case HAIR_CURLY: {
        /* One clean outline: the crown lies inside the cloud behind, so it
         * takes no outline of its own, and it covers the tops of the
         * fringe curls' outlines, leaving only the scalloped hairline. */
        static const float front[][3] = {{-57, -28, 11}, {-49, -46, 11.5f}, {-32, -57, 11.5f}, {-11, -62, 11.5f},
                                         {11, -62, 11.5f}, {32, -57, 11.5f}, {49, -46, 11.5f}, {57, -28, 11}};
        int nf = (int)(sizeof front / sizeof front[0]);
        for (int i = 0; i < nf; i++)
            circle(d, front[i][0], front[i][1], front[i][2] + 2.f, p->hair_dark);
        Vec2 pts[64];
        draw_shape(d, pts, crown_points(pts, -56.f, -24.f, 10.f), p->hair);
        for (int i = 0; i < nf; i++)
            circle(d, front[i][0], front[i][1] - 1.f, front[i][2], p->hair);
        /* Texture is sheen, not lines: light arcs where the lamp catches
         * the round tops of the outer curls (lifted for black hair). */
        static const float sheen[][3] = {{-62, -56, 26}, {-34, -84, 28}, {0, -94, 28}, {-74, -20, 24}, {-80, 14, 22}, {80, 14, 22}};
        Color hi = color_alpha(color_mix(p->hair, color_hex(0xFFFFFF), 0.2f), 0.65f);
        for (int i = 0; i < (int)(sizeof sheen / sizeof sheen[0]); i++) {
            float x = sheen[i][0], y = sheen[i][1], r = sheen[i][2] * 0.72f;
            float a0 = sheen[i][0] > 0 ? -1.9f : -2.75f, a1 = a0 + 0.9f, am = (a0 + a1) * 0.5f;
            line3(d, v2(x + cosf(a0) * r, y + sinf(a0) * r), v2(x + cosf(am) * r, y + sinf(am) * r),
                  v2(x + cosf(a1) * r, y + sinf(a1) * r), 0.5f, 2.4f, 0.5f, hi);
        }
        break;
    }
    case HAIR_BALD:
        /* A fringe of short hair above the ears and a sheen on the scalp. */
        line3(d, v2(-60, -38), v2(-64, -16), v2(-58, 2), 4.f, 9.f, 3.f, p->hair);
        line3(d, v2(60, -38), v2(64, -16), v2(58, 2), 4.f, 9.f, 3.f, p->hair);
        draw_glow_ellipse(d, -14, -60, 26, 12, color_rgba(255, 255, 255, 40));
        break;
    default:
        break;
    }
}

/* ---- eyes and brows ---------------------------------------------------------- */

typedef struct {
    float up, low;      /* lid openings above and below the centre line */
    float gx, gy;       /* gaze */
    float au5, au6, au7, tears;
    float lines; /* age lines at rest: crow's feet, under-eye */
    float au43;  /* a held close: the lids relax and look heavy */
} EyeState;

/* Outline of the visible eye: upper lid inner->outer, lower lid outer->inner.
 * `in` is +1 when the inner corner is towards +x. */
static int eye_outline(Vec2 *out, Vec2 c, float rx, float in, float up, float low)
{
    Vec2 inner = v2(c.x + in * rx, c.y + 1.f), outer = v2(c.x - in * rx, c.y - 1.5f);
    int n = draw_bezier_cubic(out, 8, inner, v2(c.x + in * rx * 0.45f, c.y - up * 1.33f),
                              v2(c.x - in * rx * 0.55f, c.y - up * 1.3f), outer);
    n += draw_bezier_cubic(out + n, 7, v2(outer.x + in * 0.5f, outer.y + 0.5f),
                           v2(c.x - in * rx * 0.5f, c.y + low * 1.3f), v2(c.x + in * rx * 0.45f, c.y + low * 1.3f),
                           v2(inner.x - in * 0.5f, inner.y + 0.3f));
    return n;
}

static void draw_eye(Draw *d, const Palette *p, Vec2 c, float rx, float in, const EyeState *e, double t)
{
    Vec2 pts[32];
    Vec2 inner = v2(c.x + in * rx, c.y + 1.f), outer = v2(c.x - in * rx, c.y - 1.5f);
    float open = e->up + e->low;
    if (open < 1.8f) {
        /* Closed: a lash line curving down and a hint of the lid crease. A
         * held close (AU43) shades the whole lid, so it reads as rest. */
        if (e->au43 > 0.5f)
            draw_glow_ellipse(d, c.x, c.y - 4.f, rx * 1.2f, 8.f, color_alpha(p->skin_line, 0.35f));
        line3(d, inner, v2(c.x, c.y + 2.5f), outer, 1.4f, 2.8f, 2.f, p->lash);
        line3(d, v2(inner.x - in * 2.f, c.y - 6.f), v2(c.x, c.y - 8.f), v2(outer.x + in * 2.f, c.y - 6.f),
              0.5f, 1.2f, 0.5f, color_alpha(p->skin_line, 0.5f));
        return;
    }
    /* How wet the eye looks: the glisten is nearly full by tears 0.3, so a
     * subtle cue still reads; more tears add the running tear. */
    float wet = clampf(e->tears * 3.2f, 0.f, 1.f);
    wet *= 2.f - wet;
    /* A soft socket shadow grounds the eye in the face. */
    draw_glow_ellipse(d, c.x, c.y - 3.f, rx * 1.5f, 12.f, color_alpha(p->skin_line, 0.22f));
    if (wet > 0.05f) {
        /* Below the eye the skin swells a little: pink on light skin, a cool
         * sheen of wet light on deep skin, where pink would not show. */
        float by = c.y + e->low * 1.3f + 5.f;
        if (p->dark < 0.95f)
            draw_glow_ellipse(d, c.x, by, rx * 1.15f, 6.f, color_alpha(p->wet_rim, 0.3f * wet * (1.f - p->dark)));
        if (p->dark > 0.05f)
            draw_light_ellipse(d, c.x, by - 1.f, rx * 1.1f, 5.f,
                               color_rgba(95, 120, 150, (uint8_t)(90.f * wet * p->dark)));
    }
    int n = eye_outline(pts, c, rx, in, e->up, e->low);
    Color sclera = p->sclera;
    if (wet > 0.05f) /* light skin's whites redden; deep skin's would only look grey */
        sclera = color_mix(sclera, color_hex(0xF2CFC8), 0.55f * wet * (1.f - 0.6f * p->dark));
    draw_shape(d, pts, n, sclera);

    /* Iris and pupil, clipped to the eye so the lids cover them. */
    float ir = rx * 0.56f;
    Vec2 ic = v2(c.x + e->gx * rx * 0.48f, c.y - 0.5f + e->gy * 5.5f);
    Vec2 circ[28];
    int m = draw_ellipse_points(circ, 16, ic.x, ic.y, ir, ir, 0.f);
    draw_shape_clipped(d, circ, m, pts, n, color_shade(p->iris, 0.55f));
    /* Tears pool against the lower lid: a bright crescent at the foot of the
     * iris (the iris proper rides up a little to uncover it). */
    float pool = 0.16f * ir * wet;
    if (wet > 0.05f) {
        m = draw_ellipse_points(circ, 16, ic.x, ic.y + ir * 0.06f, ir * 0.88f, ir * 0.88f, 0.f);
        draw_shape_clipped(d, circ, m, pts, n, color_alpha(color_mix(p->iris, p->wet_gloss, 0.85f), wet));
    }
    m = draw_ellipse_points(circ, 16, ic.x, ic.y - pool, ir * (0.84f - 0.06f * wet), ir * (0.84f - 0.06f * wet), 0.f);
    draw_shape_clipped(d, circ, m, pts, n, p->iris);
    m = draw_ellipse_points(circ, 10, ic.x, ic.y + ir * 0.35f - pool, ir * 0.55f, ir * 0.4f, 0.f);
    draw_shape_clipped(d, circ, m, pts, n, color_shade(p->iris, 1.25f + 0.25f * wet));
    m = draw_ellipse_points(circ, 12, ic.x, ic.y - pool, ir * 0.42f, ir * 0.42f, 0.f);
    draw_shape_clipped(d, circ, m, pts, n, color_hex(0x120C0A));
    /* Shadow of the upper lid across the top of the eye. */
    Vec2 lid[14];
    int ln = draw_bezier_cubic(lid, 8, inner, v2(c.x + in * rx * 0.45f, c.y - e->up * 1.33f + 2.f),
                               v2(c.x - in * rx * 0.55f, c.y - e->up * 1.3f + 2.f), outer);
    draw_stroke(d, lid, ln, 3.2f, color_alpha(p->skin_line, 0.35f));
    /* Catchlights: bigger and doubled when the eyes are wet. */
    float hl = ir * (0.3f + 0.1f * wet);
    m = draw_ellipse_points(circ, 8, ic.x - ir * 0.35f, ic.y - ir * 0.35f, hl, hl, 0.f);
    draw_shape_clipped(d, circ, m, pts, n, color_rgba(255, 255, 255, 235));
    if (wet > 0.05f) {
        Color spark = color_rgba(255, 255, 255, (uint8_t)(245.f * wet));
        m = draw_ellipse_points(circ, 8, ic.x + ir * 0.38f, ic.y + ir * 0.2f, hl * 0.55f, hl * 0.55f, 0.f);
        draw_shape_clipped(d, circ, m, pts, n, spark);
    }

    /* Upper lid: lash line, thicker towards the outer corner, and the crease. */
    Vec2 up[14];
    int un = draw_bezier_cubic(up, 8, inner, v2(c.x + in * rx * 0.45f, c.y - e->up * 1.33f),
                               v2(c.x - in * rx * 0.55f, c.y - e->up * 1.3f), outer);
    draw_stroke_tapered(d, up, un, 1.2f, 3.2f, 3.4f, p->lash);
    line3(d, outer, v2(outer.x - in * 2.f, outer.y - 1.5f), v2(outer.x - in * 4.5f, outer.y - 3.5f), 2.4f,
          1.6f, 0.4f, p->lash);
    float crease = e->up * 1.0f + 5.f + 2.f * e->au5;
    line3(d, v2(inner.x - in * 2.f, c.y - crease * 0.6f), v2(c.x - in * 1.f, c.y - crease - 1.f),
          v2(outer.x + in * 1.f, c.y - crease * 0.75f), 0.4f, 1.4f, 0.6f, color_alpha(p->skin_line, 0.6f));

    /* Lower lid: a fine line; raised and bagged by AU6/AU7. Wet, its rim
     * reddens on light skin (a red line is lost on deep skin). */
    Vec2 lo[12];
    int lon = draw_bezier_cubic(lo, 7, outer, v2(c.x - in * rx * 0.5f, c.y + e->low * 1.3f),
                                v2(c.x + in * rx * 0.45f, c.y + e->low * 1.3f), inner);
    Color lower_col = color_alpha(p->skin_line, 0.55f + 0.35f * fmaxf(e->au6, e->au7));
    if (wet > 0.05f) {
        float red = wet * (1.f - p->dark);
        lower_col = color_mix(lower_col, p->wet_rim, 0.85f * red);
        Vec2 rim[12];
        int rn = draw_bezier_cubic(rim, 7, v2(outer.x + in * 1.f, outer.y + 1.f),
                                   v2(c.x - in * rx * 0.5f, c.y + e->low * 1.3f + 2.2f),
                                   v2(c.x + in * rx * 0.45f, c.y + e->low * 1.3f + 2.2f), v2(inner.x - in * 1.f, inner.y + 1.f));
        if (red > 0.05f)
            draw_stroke_tapered(d, rim, rn, 0.6f, 3.f, 1.2f, color_alpha(p->wet_rim, 0.75f * red));
    }
    draw_stroke_tapered(d, lo, lon, 0.6f, 1.4f + 0.6f * e->au6, 0.6f, lower_col);
    float bag = fmaxf(fmaxf(e->au6, e->au7 * 0.6f), 0.45f * e->lines);
    if (bag > 0.05f)
        line3(d, v2(c.x - in * rx * 0.8f, c.y + e->low + 4.f), v2(c.x, c.y + e->low + 7.5f),
              v2(c.x + in * rx * 0.7f, c.y + e->low + 4.5f), 0.4f, 1.8f, 0.4f, color_alpha(p->crease, 0.75f * bag));

    /* Crow's feet: the crinkle that makes a smile reach the eyes. */
    if (e->au6 > 0.05f || e->lines > 0.f) {
        Color cf = color_alpha(p->crease, clampf(fmaxf(e->au6 * 1.1f, 0.3f * e->lines), 0.f, 0.9f));
        for (int k = 0; k < 3; k++) {
            float dy = -4.f + 4.5f * (float)k;
            Vec2 a = v2(outer.x - in * 3.5f, outer.y + dy * 0.5f + 1.f);
            Vec2 b = v2(outer.x - in * 13.f, outer.y + dy * 1.7f + 1.f);
            line3(d, a, v2((a.x + b.x) * 0.5f, (a.y + b.y) * 0.5f - 1.f), b, 1.6f, 1.8f, 0.3f, cf);
        }
    }

    /* Wet eyes: a thick bright line of water brimming on the lower lid, a
     * glint of it on the lid's rim below (strongest on deep skin, where it
     * is the clearest sign), and a bead at the inner corner. */
    if (wet > 0.05f) {
        float shimmer = 0.88f + 0.12f * sinf((float)t * 3.1f + c.x);
        Vec2 w[12];
        int wn = draw_bezier_cubic(w, 7, v2(outer.x + in * 2.f, outer.y - 0.2f),
                                   v2(c.x - in * rx * 0.5f, c.y + e->low * 1.3f - 1.8f),
                                   v2(c.x + in * rx * 0.45f, c.y + e->low * 1.3f - 1.8f),
                                   v2(inner.x - in * 2.f, inner.y - 0.8f));
        draw_stroke_tapered(d, w, wn, 1.f, 3.4f, 1.4f, color_alpha(p->wet_gloss, 0.95f * wet * shimmer));
        wn = draw_bezier_cubic(w, 7, v2(c.x - in * rx * 0.75f, c.y + e->low * 0.8f + 1.2f),
                               v2(c.x - in * rx * 0.35f, c.y + e->low * 1.3f + 2.1f),
                               v2(c.x + in * rx * 0.3f, c.y + e->low * 1.3f + 2.1f),
                               v2(c.x + in * rx * 0.8f, c.y + e->low * 0.8f + 1.5f));
        draw_stroke_tapered(d, w, wn, 0.2f, 1.4f + 0.6f * p->dark, 0.2f,
                            color_alpha(p->wet_gloss, wet * (0.3f + 0.55f * p->dark) * shimmer));
        circle(d, inner.x - in * 2.4f, inner.y + 0.3f, 1.1f + 0.3f * wet, color_alpha(p->wet_gloss, 0.9f * wet));
    }
}

/* A tear running from the lower lid down the cheek: drawn after a beard so
 * the beard does not hide it. A darker edge on one side makes the track
 * stand out on light skin, where pale water barely shows. */
static void draw_tear(Draw *d, const Palette *p, Vec2 c, float in, const EyeState *e, double t)
{
    if (e->tears <= 0.55f)
        return;
    float k = clampf((e->tears - 0.55f) / 0.45f, 0.f, 1.f);
    float len = 10.f + 42.f * k;
    Vec2 top = v2(c.x - in * 3.f, c.y + e->low * 1.2f + 1.f);
    Vec2 end = v2(top.x - in * 5.f, top.y + len);
    Vec2 track[10], edge[10];
    int tn = curve3(track, 10, top, v2(top.x - in * 1.5f, top.y + len * 0.5f), end);
    for (int i = 0; i < tn; i++)
        edge[i] = v2(track[i].x + in * 1.6f, track[i].y + 0.4f);
    draw_stroke_tapered(d, edge, tn, 1.2f, 1.6f, 1.2f, color_alpha(p->skin_line, 0.55f * (1.f - p->dark)));
    draw_stroke_tapered(d, track, tn, 3.f, 2.6f, 2.f, color_rgba(200, 225, 245, 130));
    draw_stroke_tapered(d, track, tn, 1.f, 1.2f, 0.8f, color_rgba(255, 255, 255, 170));
    float wob = 0.3f * sinf((float)t * 2.3f);
    ellipse_outlined(d, end.x, end.y + 2.f, 3.f, 4.2f + wob, 0.f, color_rgba(205, 228, 248, 220),
                     color_mix(color_rgba(140, 170, 200, 200), p->skin_line, 0.5f * (1.f - p->dark)), 0.9f);
    circle(d, end.x - 1.f, end.y + 0.8f, 1.1f, color_rgba(255, 255, 255, 240));
}

static void draw_brow(Draw *d, const Palette *p, Vec2 eye, float in, const Pose *pose)
{
    float a1 = clampf(pose->v[P_AU1], 0, 1), a2 = clampf(pose->v[P_AU2], 0, 1);
    float a4 = clampf(pose->v[P_AU4], 0, 1), a9 = clampf(pose->v[P_AU9], 0, 1);
    /* Inner end, arch, outer end. AU1 lifts the inner end hard so that with
     * AU4 (which pulls it in and presses the rest down) it slants up inward. */
    Vec2 inner = v2(eye.x + in * (11.f + 4.f * a4 + 1.f * a9), eye.y - 18.f - 15.f * a1 + 4.5f * a4 + 3.f * a9);
    Vec2 mid = v2(eye.x - in * 2.f, eye.y - 23.f - 4.f * a1 - 7.f * a2 + 5.f * a4 + 1.5f * a9);
    Vec2 outer = v2(eye.x - in * 17.f, eye.y - 19.f - 10.f * a2 + 3.f * a4);
    /* Make the sad brow's kink visible: the inner head bends upward. */
    Vec2 pts[14];
    int n = curve3(pts, 8, inner, mid, outer);
    float thick = 1.f + 0.15f * a4;
    draw_stroke_tapered(d, pts, n, 5.2f * thick, 5.4f * thick, 1.8f, p->brow);
}

/* ---- mouth ------------------------------------------------------------------- */

static void draw_mouth(Draw *d, const Palette *p, Vec2 mc, const Pose *pose, float turn, float elder)
{
    float a12 = clampf(pose->v[P_AU12], 0, 1), a14 = clampf(pose->v[P_AU14], 0, 1);
    float a15 = clampf(pose->v[P_AU15], 0, 1), a17 = clampf(pose->v[P_AU17], 0, 1);
    float a24 = clampf(pose->v[P_AU24], 0, 1), a25 = clampf(pose->v[P_AU25], 0, 1);
    float a26 = clampf(pose->v[P_AU26], 0, 1), a6 = clampf(pose->v[P_AU6], 0, 1);
    float a9 = clampf(pose->v[P_AU9], 0, 1), a10 = clampf(pose->v[P_AU10], 0, 1);
    float a16 = clampf(pose->v[P_AU16], 0, 1), a20 = clampf(pose->v[P_AU20], 0, 1);
    float a23 = clampf(pose->v[P_AU23], 0, 1);

    /* AU20 stretches the mouth wide and flat; AU23 narrows and thins it. */
    float half = 17.f + 4.f * a12 - 2.f * a24 - 2.5f * a26 + 1.5f * a14 + 7.f * a20 - 3.f * a23;
    float corner_y = -7.f * a12 + 6.5f * a15 - 1.f * a17 + 2.f * a20;
    Vec2 cr = v2(mc.x - half, mc.y + corner_y);
    Vec2 cl = v2(mc.x + half + 3.f * a14, mc.y + corner_y - 9.f * a14);
    /* The centre of the lips' meeting line: pushed up by AU17, raised by AU9. */
    float mid_y = mc.y - 3.5f * a17 - 2.f * a9 + 1.5f * a12;
    float open = 3.5f * a25 + 17.f * a26;
    float thin = (1.f - 0.3f * a20) * (1.f - 0.45f * a23);
    float tu = 4.6f * (1.f - 0.75f * a24) * (1.f - 0.2f * a12) * (1.f - 0.25f * elder) * thin;
    float tl = 6.f * (1.f - 0.7f * a24) * (1.f + 0.25f * a17) * (1.f - 0.2f * elder) * thin;
    /* AU10 lifts the upper lip off the teeth; AU16 pulls the lower lip
     * down off the lower teeth. */
    float lift = 8.f * a10, drop = 11.f * a16;

    enum { N = 11 };
    Vec2 line[N], top[N], ul[N], gap[N], bot[N];
    curve3(line, N, cr, v2(mc.x + turn * 1.f, mid_y), cl);
    for (int i = 0; i < N; i++) {
        float u = (float)i / (N - 1);
        float su = fmaxf(sinf(PI * u), 0.f); /* never negative: powf would NaN */
        float prof = powf(su, 0.6f);
        float bow = 1.6f * expf(-powf((u - 0.5f) * 9.f, 2.f)); /* the cupid's-bow dip */
        float o = open * powf(su, 0.8f) + drop * powf(su, 0.55f);
        float up = lift * powf(su, 0.4f);
        ul[i] = v2(line[i].x, line[i].y - up);
        top[i] = v2(line[i].x, ul[i].y - tu * prof + bow * (1.f - a24));
        gap[i] = v2(line[i].x, line[i].y + o);
        bot[i] = v2(line[i].x, gap[i].y + tl * prof);
    }
    /* Folds from the nose to the mouth corners deepen with a smile, and
     * with the sneer of AU10. */
    float fold = 0.06f + 0.3f * elder + 0.5f * a12 + 0.25f * a6 + 0.35f * a9 + 0.6f * a10 + 0.2f * a20;
    for (int s = -1; s <= 1; s += 2) {
        Vec2 corner = s < 0 ? cr : cl;
        Vec2 a = v2(mc.x + s * 11.f, mc.y - 20.f - 2.f * a10);
        Vec2 b = v2(corner.x + s * 5.f, corner.y + 1.f);
        line3(d, a, v2(mc.x + s * (half + 2.f + 3.f * a12 - 4.f * a20), (a.y + b.y) * 0.5f - 2.f), b, 0.5f, 1.8f,
              0.4f, color_alpha(p->skin_line, clampf(fold, 0.f, 0.85f)));
    }
    float gape = open + lift + drop;
    if (gape > 1.f) {
        Vec2 hole[2 * N];
        int k = 0;
        for (int i = 0; i < N; i++)
            hole[k++] = ul[i];
        for (int i = N - 2; i > 0; i--)
            hole[k++] = gap[i];
        draw_shape(d, hole, k, color_hex(0x3A1618));
        Color tooth = color_hex(0xEDE6DC);
        /* Upper teeth (all of them when AU10 bares them) and a glimpse of
         * tongue; lower teeth when AU16 pulls the lip down. */
        float ut = lift > 1.f ? lift + 1.5f : fminf(open * 0.3f, 4.5f);
        float tw = half * (0.55f + 0.25f * a10);
        Vec2 teeth[4] = {v2(mc.x - tw, mid_y - lift - 2.f), v2(mc.x + tw, mid_y - lift - 2.f),
                         v2(mc.x + tw * 0.9f, mid_y + ut - lift), v2(mc.x - tw * 0.9f, mid_y + ut - lift)};
        draw_shape_clipped(d, teeth, 4, hole, k, tooth);
        if (drop > 1.f) {
            float by = mid_y + open + drop + 0.5f, lt = fminf(drop * 0.55f, 6.f);
            Vec2 low[4] = {v2(mc.x - tw * 0.8f, by - lt), v2(mc.x + tw * 0.8f, by - lt), v2(mc.x + tw * 0.8f, by + 2.f),
                           v2(mc.x - tw * 0.8f, by + 2.f)};
            draw_shape_clipped(d, low, 4, hole, k, color_shade(tooth, 0.92f));
        }
        if (open > 8.f) {
            Vec2 tongue[16];
            int tn = draw_ellipse_points(tongue, 14, mc.x, mid_y + open + 1.f, half * 0.55f, open * 0.4f, 0.f);
            draw_shape_clipped(d, tongue, tn, hole, k, color_hex(0x9A4A4E));
        }
    }
    /* Lips. Pressed lips (AU24) go thin, pale and bunch the skin around. */
    Vec2 lip[2 * N];
    int k = 0;
    for (int i = 0; i < N; i++)
        lip[k++] = top[i];
    for (int i = N - 2; i > 0; i--)
        lip[k++] = ul[i];
    Color lips = color_mix(p->lips, p->skin, 0.45f * a24);
    if (a23 > 0.f) /* tightened lips go darker and firm-edged */
        lips = color_shade(lips, 1.f - 0.18f * a23);
    draw_shape(d, lip, k, color_shade(lips, 0.86f));
    k = 0;
    for (int i = 0; i < N; i++)
        lip[k++] = gap[i];
    for (int i = N - 2; i > 0; i--)
        lip[k++] = bot[i];
    draw_shape(d, lip, k, lips);
    draw_glow_ellipse(d, mc.x - 3.f, bot[N / 2].y - tl * 0.55f, 6.f, 2.f, color_rgba(255, 240, 230, 60));
    /* The line where the lips meet, dark enough to read at a distance. */
    draw_stroke_tapered(d, line, N, 1.f, gape > 1.f ? 1.f : 2.2f + 0.6f * a24 + 0.6f * a23, 1.f, p->lips_dark);
    /* Corner marks: dimples up for a smile, down-turned creases for AU15. */
    for (int s = -1; s <= 1; s += 2) {
        Vec2 c = s < 0 ? cr : cl;
        float upw = a12 + (s > 0 ? a14 : 0.f);
        if (upw > 0.05f)
            line3(d, v2(c.x - s * 1.f, c.y + 1.f), v2(c.x + s * 2.5f, c.y - 1.f), v2(c.x + s * 3.f, c.y - 4.f),
                  1.4f, 1.4f, 0.3f, color_alpha(p->skin_line, clampf(upw, 0.f, 0.8f)));
        if (a15 > 0.05f)
            line3(d, v2(c.x + s * 1.f, c.y + 1.f), v2(c.x + s * 3.f, c.y + 5.f), v2(c.x + s * 3.5f, c.y + 10.f),
                  1.4f, 1.2f, 0.3f, color_alpha(p->skin_line, 0.7f * a15));
    }
    if (a23 > 0.05f) { /* tightened: the lips' edges roll in, firm and dark */
        draw_stroke_tapered(d, top, N, 0.4f, 1.6f, 0.4f, color_alpha(p->lips_dark, 0.6f * a23));
        draw_stroke_tapered(d, bot, N, 0.4f, 1.6f, 0.4f, color_alpha(p->lips_dark, 0.6f * a23));
    }
    if (a20 > 0.05f) { /* stretched: the skin beyond the corners creases */
        for (int s = -1; s <= 1; s += 2) {
            Vec2 c = s < 0 ? cr : cl;
            line3(d, v2(c.x + s * 4.f, c.y - 6.f), v2(c.x + s * 6.f, c.y), v2(c.x + s * 4.f, c.y + 6.f), 0.3f, 1.4f,
                  0.3f, color_alpha(p->skin_line, 0.7f * a20));
        }
    }
    if (a24 > 0.05f) { /* bunched skin above and below the pressed lips */
        line3(d, v2(mc.x - half * 0.6f, top[N / 2].y - 3.f), v2(mc.x, top[N / 2].y - 4.f),
              v2(mc.x + half * 0.6f, top[N / 2].y - 3.f), 0.3f, 1.2f, 0.3f, color_alpha(p->skin_line, 0.45f * a24));
        line3(d, v2(mc.x - half * 0.5f, bot[N / 2].y + 3.f), v2(mc.x, bot[N / 2].y + 4.5f),
              v2(mc.x + half * 0.5f, bot[N / 2].y + 3.f), 0.3f, 1.2f, 0.3f, color_alpha(p->skin_line, 0.45f * a24));
    }
    /* Under the lower lip: the chin fold, strong when AU17 pushes it up. */
    float ly = bot[N / 2].y;
    line3(d, v2(mc.x - 8.f, ly + 5.f), v2(mc.x, ly + 3.5f - 1.5f * a17), v2(mc.x + 8.f, ly + 5.f), 0.4f,
          1.6f + a17, 0.4f, color_alpha(p->skin_line, 0.25f + 0.5f * a17));
    if (a17 > 0.05f) { /* the chin boss bunches and dimples */
        draw_glow_ellipse(d, mc.x, ly + 14.f, 12.f, 6.f, color_alpha(p->skin_line, 0.3f * a17));
        for (int i = 0; i < 4; i++)
            circle(d, mc.x - 6.f + 4.f * i, ly + 13.f + (i % 2) * 2.f, 1.1f,
                        color_alpha(p->crease, 0.45f * a17));
    }
}

/* ---- nose --------------------------------------------------------------------- */

static void draw_nose(Draw *d, const Palette *p, float nx, float ny, float a9)
{
    float lift = 3.f * a9;
    /* Bridge shading on the side away from the lamp. */
    line3(d, v2(nx + 6.f, ny - 26.f), v2(nx + 8.f, ny - 12.f), v2(nx + 10.f, ny - 2.f), 0.5f, 2.2f, 0.5f,
          color_alpha(p->skin_line, 0.3f));
    draw_glow_ellipse(d, nx, ny + 5.f - lift, 11.f, 3.5f, color_alpha(p->skin_line, 0.35f));
    draw_glow_ellipse(d, nx - 2.f, ny - 4.f - lift, 5.f, 3.f, color_rgba(255, 245, 235, 45));
    for (int s = -1; s <= 1; s += 2) { /* nostril wings */
        line3(d, v2(nx + s * 8.f, ny - 6.f - lift), v2(nx + s * 11.f, ny - 1.f - lift),
              v2(nx + s * 5.f, ny + 3.f - lift), 0.6f, 1.8f, 0.6f, color_alpha(p->skin_line, 0.85f));
        draw_ellipse(d, nx + s * 3.8f, ny + 2.2f - lift, 2.6f, 1.3f, s * 0.3f, color_alpha(p->crease, 0.55f));
    }
    line3(d, v2(nx - 4.f, ny + 3.5f - lift), v2(nx, ny + 4.5f - lift), v2(nx + 4.f, ny + 3.5f - lift), 0.4f, 1.2f,
          0.4f, color_alpha(p->skin_line, 0.5f));
    if (a9 > 0.05f) { /* wrinkles across the bridge */
        Color c = color_alpha(p->crease, 0.85f * a9);
        for (int i = 0; i < 3; i++) {
            float y = ny - 26.f + 4.5f * (float)i;
            line3(d, v2(nx - 7.f, y + 1.f), v2(nx, y - 1.5f), v2(nx + 7.f, y + 1.f), 0.3f, 1.4f, 0.3f, c);
        }
        for (int s = -1; s <= 1; s += 2)
            line3(d, v2(nx + s * 9.f, ny - 14.f), v2(nx + s * 13.f, ny - 10.f), v2(nx + s * 15.f, ny - 5.f), 0.3f,
                  1.3f, 0.3f, c);
    }
}

/* ---- body parts ---------------------------------------------------------------- */

static void draw_neck(Draw *d, const RigLayout *r, const Palette *p)
{
    float s = r->head_scale;
    Vec2 top = head_point(r, 0.f, 44.f), bottom = v2(r->chest.x, r->chest.y + 12.f * r->scale);
    capsule(d, top, bottom, 19.f * s, 22.f * r->scale, p->skin_line);
    capsule(d, top, bottom, 17.5f * s, 20.5f * r->scale, p->skin_shadow);
    /* The jaw's shadow falls on the neck. */
    Vec2 sh = head_point(r, 0.f, 74.f + 6.f * r->head_pitch);
    draw_push(d);
    draw_translate(d, sh.x, sh.y);
    draw_rotate(d, r->head_angle);
    draw_glow_ellipse(d, 0.f, -2.f * s, 34.f * s, 18.f * s, color_alpha(p->skin_line, 0.9f));
    draw_pop(d);
}

static void draw_torso(Draw *d, const RigLayout *r, const Palette *p, TopStyle style)
{
    float S = r->scale, ta = r->torso_angle;
    Vec2 rt = v2(cosf(ta), sinf(ta)), upv = v2(sinf(ta), -cosf(ta));
    bool swap = r->shoulder[RIG_R].x > r->shoulder[RIG_L].x;
    RigVec sl = r->shoulder[swap ? RIG_L : RIG_R], sr = r->shoulder[swap ? RIG_R : RIG_L];
    float aw = r->arm_w;
#define AT(base, a, b) v2((base).x + rt.x * (a) + upv.x * (b), (base).y + rt.y * (a) + upv.y * (b))
    /* The outline: neck base, trapezius, shoulder cap, flank, and back up.
     * It is concave at the armpits, and a concave fill is a fan of long
     * slivers (slow on the software renderer), so the fill is three convex
     * pieces, the body and two shoulder caps, under one outline. */
    Vec2 neck_l = AT(r->chest, -24.f * S, 4.f * S), neck_r = AT(r->chest, 24.f * S, 4.f * S);
    Vec2 cap_top_l = AT(sl, 6.f * S, aw * 0.72f), cap_top_r = AT(sr, -6.f * S, aw * 0.72f);
    Vec2 flank_l = AT(r->hip, -(r->torso_w * 0.92f), 150.f * S), flank_r = AT(r->hip, r->torso_w * 0.92f, 150.f * S);
    Vec2 hip_l = AT(r->hip, -(r->torso_w * 0.88f), -10.f * S), hip_r = AT(r->hip, r->torso_w * 0.88f, -10.f * S);
    /* The trapezius bows a little outwards, keeping the body piece convex. */
    Vec2 trap_l = lerp2(neck_l, cap_top_l, 0.5f), trap_r = lerp2(cap_top_r, neck_r, 0.5f);
    trap_l = v2(trap_l.x + upv.x * 1.f * S, trap_l.y + upv.y * 1.f * S);
    trap_r = v2(trap_r.x + upv.x * 1.f * S, trap_r.y + upv.y * 1.f * S);
    Vec2 tl[5], tr[5], cl[8], cr[8];
    curve3(tl, 5, neck_l, trap_l, cap_top_l);
    curve3(tr, 5, cap_top_r, trap_r, neck_r);
    for (int i = 1; i <= 8; i++) {
        float a = -PI * 0.5f - (PI * 0.62f) * (float)i / 8.f;
        Vec2 o = v2(cosf(a) * aw * 1.08f, sinf(a) * aw * 1.08f + aw * 0.3f);
        cl[i - 1] = v2(sl.x + rt.x * o.x - upv.x * o.y, sl.y + rt.y * o.x - upv.y * o.y);
        o.x = -o.x;
        cr[8 - i] = v2(sr.x + rt.x * o.x - upv.x * o.y, sr.y + rt.y * o.x - upv.y * o.y);
    }
    /* The lamp is above, so the top falls darker towards the lap. */
    Color top_c = color_shade(p->top, 1.06f), bot_c = color_shade(p->top, 0.72f);
    Vec2 pts[40];
    int n = 0;
    for (int i = 0; i < 5; i++)
        pts[n++] = tl[i];
    pts[n++] = flank_l;
    pts[n++] = hip_l;
    pts[n++] = hip_r;
    pts[n++] = flank_r;
    for (int i = 0; i < 5; i++)
        pts[n++] = tr[i];
    draw_shape_gradient(d, pts, n, top_c, bot_c);
    /* Caps: their inner edge reaches into the body, and their gradient is
     * the body's over their own height, so no seam shows. */
    float hi_y = 1e9f, lo_y = -1e9f;
    for (int i = 0; i < n; i++)
        hi_y = fminf(hi_y, pts[i].y), lo_y = fmaxf(lo_y, pts[i].y);
    float span = fmaxf(lo_y - hi_y, 1.f);
    for (int sd = 0; sd < 2; sd++) {
        const Vec2 *c = sd ? cr : cl;
        Vec2 top = sd ? cap_top_r : cap_top_l, fl = sd ? flank_r : flank_l;
        float in = sd ? -6.f * S : 6.f * S;
        n = 0;
        if (!sd) {
            pts[n++] = AT(top, in, -2.f * S);
            for (int i = 0; i < 8; i++)
                pts[n++] = c[i];
            pts[n++] = fl;
        } else {
            pts[n++] = fl;
            for (int i = 0; i < 8; i++)
                pts[n++] = c[i];
            pts[n++] = AT(top, in, -2.f * S);
        }
        float y0 = 1e9f, y1 = -1e9f;
        for (int i = 0; i < n; i++)
            y0 = fminf(y0, pts[i].y), y1 = fmaxf(y1, pts[i].y);
        draw_shape_gradient(d, pts, n, color_mix(top_c, bot_c, clampf((y0 - hi_y) / span, 0.f, 1.f)),
                            color_mix(top_c, bot_c, clampf((y1 - hi_y) / span, 0.f, 1.f)));
    }
    /* The outline of the whole. */
    n = 0;
    for (int i = 0; i < 5; i++)
        pts[n++] = tl[i];
    for (int i = 0; i < 8; i++)
        pts[n++] = cl[i];
    pts[n++] = flank_l;
    pts[n++] = hip_l;
    pts[n++] = hip_r;
    pts[n++] = flank_r;
    for (int i = 0; i < 8; i++)
        pts[n++] = cr[i];
    for (int i = 0; i < 5; i++)
        pts[n++] = tr[i];
    outline(d, pts, n, 2.6f * S, p->top_line);

    /* Necklines and fronts by the style of the top. */
    float depth = 26.f + 6.f * r->slump;
    float nw = 25.f;
    if (style == TOP_SHIRT)
        depth += 18.f, nw = 22.f;
    else if (style == TOP_BLOUSE)
        depth += 8.f, nw = 29.f;
    if (style == TOP_CARDIGAN) {
        /* Open front: the top underneath shows between the edges. */
        Vec2 panel[6] = {AT(r->chest, -28.f * S, 5.f * S), AT(r->chest, -8.f * S, -120.f * S),
                         AT(r->hip, -8.f * S, -10.f * S),  AT(r->hip, 8.f * S, -10.f * S),
                         AT(r->chest, 8.f * S, -120.f * S), AT(r->chest, 28.f * S, 5.f * S)};
        draw_shape(d, panel, 6, p->accent);
        depth = 18.f;
    }
    Vec2 nl[10];
    int nn = curve3(nl, 10, AT(r->chest, -nw * S, 5.f * S), AT(r->chest, 0.f, -depth * S),
                    AT(r->chest, nw * S, 5.f * S));
    draw_shape(d, nl, nn, p->skin_shadow);
    draw_glow_ellipse(d, r->chest.x, r->chest.y - 2.f * S, 20.f * S, 8.f * S, color_alpha(p->skin_line, 0.35f));
    Color band = style == TOP_CARDIGAN ? color_shade(p->accent, 0.85f) : style == TOP_HOODIE ? p->top_shade : p->accent;
    if (style != TOP_SHIRT)
        draw_stroke_tapered(d, nl, nn, 5.f * S, 8.f * S, 5.f * S, band);
    switch (style) {
    case TOP_SHIRT:
        /* Collar points either side of the open neck, a placket and buttons. */
        for (int sd = -1; sd <= 1; sd += 2) {
            Vec2 col[4] = {AT(r->chest, sd * 27.f * S, 8.f * S), AT(r->chest, sd * 38.f * S, -30.f * S),
                           AT(r->chest, sd * 6.f * S, -(depth + 2.f) * S), AT(r->chest, sd * 20.f * S, 0.f)};
            shape_outlined(d, col, 4, color_shade(p->top, 1.12f), p->top_line, 2.f * S);
        }
        {
            Vec2 a = AT(r->chest, 0.f, -(depth + 2.f) * S), b = AT(r->hip, 0.f, 40.f * S);
            Vec2 pl[2] = {a, b};
            draw_stroke(d, pl, 2, 1.8f * S, color_alpha(p->top_line, 0.7f));
            for (int i = 0; i < 3; i++) {
                Vec2 c = lerp2(a, b, 0.1f + 0.22f * (float)i);
                circle(d, c.x + 3.5f * S, c.y, 2.6f * S, p->accent);
            }
        }
        break;
    case TOP_HOODIE:
        /* The hood bunches at the sides of the neck; drawstrings hang down. */
        for (int sd = -1; sd <= 1; sd += 2) {
            Vec2 a = AT(r->chest, sd * 52.f * S, -6.f * S), m = AT(r->chest, sd * 40.f * S, 10.f * S),
                 b = AT(r->chest, sd * 22.f * S, 14.f * S);
            line3(d, a, m, b, 10.f * S, 15.f * S, 9.f * S, p->top_line);
            line3(d, a, m, b, 7.f * S, 12.f * S, 6.f * S, color_shade(p->top, 0.95f));
            Vec2 s0 = AT(r->chest, sd * 11.f * S, -6.f * S), s1 = AT(r->chest, sd * 14.f * S, -72.f * S);
            line3(d, s0, lerp2(s0, s1, 0.5f), s1, 2.6f * S, 2.6f * S, 2.6f * S, p->accent);
            circle(d, s1.x, s1.y + 3.f * S, 3.f * S, color_shade(p->accent, 0.7f));
        }
        break;
    case TOP_CARDIGAN: {
        /* Knitted edge bands down the opening, buttons on one side. */
        for (int sd = -1; sd <= 1; sd += 2) {
            Vec2 a = AT(r->chest, sd * 29.f * S, 5.f * S), m = AT(r->chest, sd * 9.f * S, -120.f * S),
                 b = AT(r->hip, sd * 9.f * S, -10.f * S);
            Vec2 e[3] = {a, m, b};
            draw_stroke(d, e, 3, 9.f * S, p->top_line);
            draw_stroke(d, e, 3, 6.f * S, color_shade(p->top, 1.08f));
            if (sd < 0)
                for (int i = 0; i < 3; i++) {
                    Vec2 c = lerp2(m, b, 0.15f + 0.3f * (float)i);
                    circle(d, c.x, c.y, 3.f * S, color_shade(p->top, 0.6f));
                }
        }
        break;
    }
    case TOP_BLOUSE:
        /* A soft rounded collar lying flat either side of the neck. */
        for (int sd = -1; sd <= 1; sd += 2) {
            Vec2 c = AT(r->chest, sd * 17.f * S, -12.f * S);
            ellipse_outlined(d, c.x, c.y, 17.f * S, 11.f * S, ta + sd * 0.45f, p->accent,
                             color_shade(p->accent, 0.7f), 1.8f * S);
        }
        break;
    default:
        draw_stroke_tapered(d, nl, nn, 1.f * S, 1.4f * S, 1.f * S, color_alpha(color_shade(p->accent, 0.6f), 0.6f));
        break;
    }
    /* A couple of fabric folds; a slump adds a crease across the middle. */
    Vec2 f1a = AT(sl, aw * 1.2f, -aw * 1.6f), f1b = AT(sl, aw * 2.4f, -aw * 3.2f);
    line3(d, f1a, lerp2(f1a, f1b, 0.5f), f1b, 0.5f * S, 2.f * S, 0.5f * S, color_alpha(p->top_line, 0.5f));
    Vec2 f2a = AT(sr, -aw * 1.2f, -aw * 1.6f), f2b = AT(sr, -aw * 2.4f, -aw * 3.2f);
    line3(d, f2a, lerp2(f2a, f2b, 0.5f), f2b, 0.5f * S, 2.f * S, 0.5f * S, color_alpha(p->top_line, 0.5f));
    if (r->slump > 0.05f) {
        Vec2 a = AT(r->hip, -r->torso_w * 0.6f, 120.f * S), b = AT(r->hip, r->torso_w * 0.6f, 120.f * S);
        line3(d, a, AT(r->hip, 0.f, 112.f * S), b, 0.5f * S, 2.6f * S, 0.5f * S,
              color_alpha(p->top_line, 0.8f * r->slump));
    }
#undef AT
}

static void draw_upper_arm(Draw *d, const RigLayout *r, const Palette *p, int side)
{
    Vec2 s = v2(r->shoulder[side].x, r->shoulder[side].y), e = v2(r->elbow[side].x, r->elbow[side].y);
    capsule_outlined(d, s, e, r->arm_w, r->arm_w * 0.86f, color_shade(p->top, 0.92f), p->top_line,
                     2.6f * r->scale);
}

/* A hand in its own frame: +x along the fingers, thumb towards +y * ts. */
static void draw_hand(Draw *d, const RigLayout *r, const Palette *p, int side, double t)
{
    float open = r->hand_open[side], palm = r->hand_palm[side];
    Vec2 h = v2(r->hand[side].x, r->hand[side].y);
    float ang = r->hand_angle[side];
    /* The thumb sits on the side towards the body's midline when we see the
     * back of the hand, and on the outside when the palm faces us. */
    Vec2 nrm = v2(-sinf(ang), cosf(ang));
    float towards_mid = (r->hip.x - h.x) * nrm.x;
    float ts = towards_mid >= 0.f ? 1.f : -1.f;
    if (palm > 0.5f)
        ts = -ts;
    Color skin = p->skin, line = p->skin_line;
    float lw = 2.2f;
    draw_push(d);
    draw_translate(d, h.x, h.y);
    draw_rotate(d, ang);
    draw_scale_by(d, r->scale * 1.12f, r->scale * 1.12f);
    (void)t;
    /* Thumb first when seen from the back, so the palm overlaps its root. */
    Vec2 t0 = v2(2.f, ts * 9.f);
    Vec2 t_open = v2(24.f, ts * 19.f), t_fist = v2(22.f, ts * 3.f);
    Vec2 t1 = lerp2(t_fist, t_open, open);
    if (palm < 0.5f)
        capsule_outlined(d, t0, t1, 6.5f, 5.f, skin, line, lw);
    /* Palm / back of the hand. */
    ellipse_outlined(d, 6.f, 0.f, 16.f, 14.5f, 0.f, skin, line, lw);
    /* Fingers: a mitten that shortens into a row of knuckles for a fist. */
    float flen = 4.f + 24.f * open;
    Vec2 f0 = v2(14.f, -ts * 1.f), f1 = v2(14.f + flen, -ts * 1.5f);
    capsule_outlined(d, f0, f1, 13.5f, 10.5f - 1.5f * (1.f - open), skin, line, lw);
    draw_ellipse(d, 8.f, 0.f, 13.f, 11.f, 0.f, skin); /* hide the seam */
    Color fl = color_alpha(line, 0.8f);
    if (open > 0.25f) {
        for (int k = -1; k <= 1; k++) {
            float y = k * 6.5f - ts * 1.2f;
            line3(d, v2(16.f + flen * 0.35f, y), v2(16.f + flen * 0.7f, y), v2(14.f + flen + 8.f, y), 0.3f, 1.4f,
                  0.6f, color_alpha(fl, clampf((open - 0.25f) * 2.f, 0.f, 1.f)));
        }
    } else {
        for (int k = -1; k <= 1; k++) { /* knuckle grooves */
            float y = k * 6.5f - ts * 1.2f;
            line3(d, v2(16.f, y), v2(20.f, y), v2(26.f, y), 0.3f, 1.3f, 0.3f, fl);
        }
        /* Knuckle highlights read as a clenched fist. */
        for (int k = -1; k <= 2; k++)
            circle(d, 13.f, k * 5.5f - 2.7f, 1.8f, color_rgba(255, 255, 255, 45));
    }
    if (palm >= 0.5f) {
        /* Palm lines and the thumb laid over the palm's side. */
        line3(d, v2(0.f, -8.f), v2(8.f, -2.f), v2(14.f, 8.f), 0.3f, 1.2f, 0.3f, color_alpha(line, 0.5f));
        capsule_outlined(d, t0, t1, 6.5f, 5.f, skin, line, lw);
    } else if (open < 0.4f) {
        /* A fist's thumb wraps across the front of the fingers. */
        capsule_outlined(d, v2(6.f, ts * 10.f), v2(20.f, ts * 2.f), 6.f, 5.f, skin, line, lw);
    }
    draw_pop(d);
}

static void draw_forearm(Draw *d, const RigLayout *r, const Palette *p, int side)
{
    float S = r->scale;
    Vec2 e = v2(r->elbow[side].x, r->elbow[side].y), h = v2(r->hand[side].x, r->hand[side].y);
    Vec2 dir = v2(h.x - e.x, h.y - e.y);
    float len = sqrtf(dir.x * dir.x + dir.y * dir.y);
    Vec2 u = len > 1e-3f ? v2(dir.x / len, dir.y / len) : v2(0.f, 1.f);
    /* Sleeves are pushed up: cloth to mid-forearm, then skin to the wrist. */
    Vec2 cuff = lerp2(e, h, 0.45f);
    Vec2 wrist = v2(h.x - u.x * 4.f * S, h.y - u.y * 4.f * S);
    capsule_outlined(d, cuff, wrist, 12.5f * S, 10.f * S, p->skin, p->skin_line, 2.2f * S);
    capsule_outlined(d, e, cuff, r->arm_w * 0.9f, r->arm_w * 0.95f, color_shade(p->top, 0.92f), p->top_line,
                     2.6f * S);
    Vec2 nrm = v2(-u.y, u.x);
    float cw = r->arm_w * 0.95f;
    Vec2 band[3] = {v2(cuff.x + nrm.x * cw, cuff.y + nrm.y * cw), cuff, v2(cuff.x - nrm.x * cw, cuff.y - nrm.y * cw)};
    draw_stroke(d, band, 3, 2.f * S, color_alpha(p->top_line, 0.8f));
}

/* ---- extras: beard, glasses, hearing aids, wheelchair ---------------------- */

/* A beard covers the face below the cheekbones; the mouth is drawn over it.
 * Stubble is the same shape, faint. */
static void draw_beard(Draw *d, const Palette *p, BeardStyle style, const Vec2 *face, int n, Vec2 mc)
{
    if (style == BEARD_NONE)
        return;
    bool full = style == BEARD_FULL;
    Vec2 pts[DRAW_MAX_POINTS];
    int m = 0;
    /* The outline runs down the right side to the chin and up the left, so
     * the points below the cheekbones are one run. */
    for (int i = 0; i < n && m < DRAW_MAX_POINTS - 8; i++)
        if (face[i].y > 14.f)
            pts[m++] = v2(face[i].x * (full ? 1.04f : 1.f), face[i].y + (full ? 5.f : 0.f));
    float top = mc.y - 15.f;
    m += draw_bezier_cubic(pts + m, 7, v2(-54.f, 12.f), v2(-36.f, 34.f), v2(-20.f, top), v2(mc.x, top));
    m += draw_bezier_cubic(pts + m, 7, v2(mc.x + 2.f, top), v2(20.f, top), v2(36.f, 34.f), v2(54.f, 12.f));
    if (!full) {
        draw_shape(d, pts, m, color_alpha(p->hair, 0.3f));
        return;
    }
    shape_outlined(d, pts, m, p->hair, p->hair_dark, 2.f);
    for (int sd = -1; sd <= 1; sd += 2) { /* sideburns, and a little texture */
        line3(d, v2(sd * 56.f, -8.f), v2(sd * 57.f, 4.f), v2(sd * 54.f, 18.f), 5.f, 8.f, 10.f, p->hair);
        line3(d, v2(sd * 30.f, mc.y + 18.f), v2(sd * 26.f, mc.y + 28.f), v2(sd * 16.f, mc.y + 36.f), 0.5f, 1.6f,
              0.5f, color_alpha(p->hair_dark, 0.8f));
    }
}

static void draw_glasses(Draw *d, const Vec2 *eye_c)
{
    Color frame = color_hex(0x2B2624), glint = color_rgba(255, 255, 255, 110);
    for (int s = 0; s < 2; s++) {
        Vec2 c = eye_c[s];
        draw_rounded_rect_outline(d, c.x - 19.f, c.y - 12.f, 38.f, 25.f, 9.f, 2.8f, frame);
        line3(d, v2(c.x - 11.f, c.y + 6.f), v2(c.x - 7.f, c.y + 2.f), v2(c.x - 3.f, c.y - 2.f), 0.5f, 2.f, 0.5f,
              glint);
        float out = s == 0 ? -1.f : 1.f;
        line3(d, v2(c.x + out * 19.f, c.y - 5.f), v2(c.x + out * 27.f, c.y - 6.f), v2(out * 57.f, c.y - 5.f), 2.6f,
              2.4f, 2.f, frame);
    }
    float mx = (eye_c[0].x + eye_c[1].x) * 0.5f, y = (eye_c[0].y + eye_c[1].y) * 0.5f;
    line3(d, v2(eye_c[0].x + 19.f, y - 3.f), v2(mx, y - 7.f), v2(eye_c[1].x - 19.f, y - 3.f), 2.6f, 2.2f, 2.6f,
          frame);
}

/* Behind-the-ear hearing aid, made to read as one even when the head is
 * small: a curved case hugging the back of the ear (drawn before the ear,
 * which overlaps its inner edge), and a hook and tube arching over the top
 * of the ear and down into it (drawn after). Both carry a dark outline so
 * they stand out on skin, on grey hair and on a pale sky. */
static void draw_hearing_aid(Draw *d, float ex, float s, bool tube)
{
    Color body = color_hex(0x9FB2C6), line = color_hex(0x2C3846), shine = color_rgba(255, 255, 255, 170);
    Vec2 top = v2(ex + s * 7.f, -15.f), back = v2(ex + s * 15.5f, 0.f), foot = v2(ex + s * 10.f, 17.f);
    if (!tube) {
        line3(d, top, back, foot, 11.f, 12.f, 9.f, line);
        line3(d, top, back, foot, 7.f, 8.f, 5.f, body);
        line3(d, v2(top.x + s * 2.f, top.y + 3.f), v2(back.x + s * 0.5f, back.y - 4.f),
              v2(back.x - s * 0.5f, back.y + 5.f), 0.6f, 2.f, 0.6f, shine);
    } else {
        /* Over the top of the ear and down into its bowl, which is the
         * part of the ear that shows beside the cheek. */
        Vec2 over = v2(ex + s * 5.f, -21.f), tip = v2(ex + s * 3.f, -1.f);
        line3(d, v2(top.x + s * 1.f, top.y + 1.f), over, tip, 4.4f, 4.f, 3.4f, line);
        line3(d, v2(top.x + s * 1.f, top.y + 1.f), over, tip, 2.4f, 2.1f, 1.6f, body);
        ellipse_outlined(d, tip.x, tip.y + 1.5f, 2.8f, 3.2f, 0.f, body, line, 1.6f);
    }
}

/* A wheelchair, seen from the front: push handles above the shoulders, the
 * backrest between them, and the big wheels at either side of the seat
 * (their tops show above a table). Drawn first, behind the whole body. */
static void draw_wheelchair(Draw *d, const RigLayout *r)
{
    float S = r->scale;
    Color frame = color_hex(0x3A4350), frame_line = color_hex(0x22282F), tyre = color_hex(0x202328);
    Color rim = color_hex(0xA7B0BA), seat = color_hex(0x2E3640);
    float post_x = r->torso_w * 0.86f, top_y = fminf(r->shoulder[0].y, r->shoulder[1].y) - 52.f * S;
    draw_rounded_rect(d, r->hip.x - post_x, top_y + 20.f * S, post_x * 2.f, r->hip.y - top_y - 20.f * S, 10.f * S,
                      seat);
    for (int s = -1; s <= 1; s += 2) {
        float x = r->hip.x + s * post_x;
        capsule_outlined(d, v2(x, r->hip.y), v2(x, top_y), 6.f * S, 6.f * S, frame, frame_line, 2.f * S);
        capsule_outlined(d, v2(x, top_y), v2(x + s * 9.f * S, top_y + 3.f * S), 8.f * S, 8.f * S, tyre, frame_line,
                         2.f * S);
        /* Wheel: a tall ellipse (seen a little from the side), tyre, rim,
         * hand rim and a few spokes. */
        float wx = r->hip.x + s * (r->torso_w + 34.f * S), wy = r->hip.y + 6.f * S, R = 128.f * S, rx = R * 0.34f;
        ellipse_outlined(d, wx, wy, rx, R, 0.f, rim, tyre, 9.f * S);
        draw_ellipse(d, wx + s * 3.f * S, wy, rx * 0.72f, R * 0.86f, 0.f, color_hex(0x59626D));
        for (int k = 0; k < 3; k++) {
            float a = (float)k * PI / 3.f + 0.3f;
            Vec2 sp[2] = {v2(wx + cosf(a) * rx * 0.7f, wy + sinf(a) * R * 0.84f),
                          v2(wx - cosf(a) * rx * 0.7f, wy - sinf(a) * R * 0.84f)};
            draw_stroke(d, sp, 2, 2.f * S, rim);
        }
        circle(d, wx, wy, 7.f * S, frame);
        Vec2 hr[14];
        int hn = draw_ellipse_points(hr, 13, wx + s * 8.f * S, wy, rx * 0.9f, R * 0.9f, 0.f);
        hr[hn++] = hr[0];
        draw_stroke(d, hr, hn, 3.f * S, rim);
    }
}

/* How far the lids are shut: the idle blink (damped when blink_rate is
 * negative: a fixed stare), extra quick blinks when it is positive, and
 * AU43's slow, held close. Deterministic in t. */
static float eye_closure(const Pose *pose, double t, float phase)
{
    float rate = clampf(pose->v[P_BLINK_RATE], -1.f, 1.f);
    float blink = clampf(pose->v[P_BLINK], 0.f, 1.f);
    if (rate < 0.f)
        blink *= 1.f + rate;
    if (rate > 0.f) {
        /* A second stream of blinks, every 0.9 s, 0.16 s long. */
        double cyc = t / 0.9 + (double)phase * 0.37;
        float x = (float)((cyc - floor(cyc)) * 0.9 / 0.16);
        if (x < 1.f)
            blink = fmaxf(blink, rate * (1.f - fabsf(2.f * x - 1.f)));
    }
    return fmaxf(blink, clampf(pose->v[P_AU43], 0.f, 1.f));
}

/* ---- the face ------------------------------------------------------------------ */

static void draw_head(Draw *d, const Look *look, const RigLayout *r, const Pose *pose, const Palette *p,
                      double t)
{
    float jaw = clampf(pose->v[P_AU26], 0, 1);
    float turn = r->head_turn;
    float youth = look->age == AGE_CHILD ? 1.f : look->age == AGE_TEEN ? 0.4f : 0.f;
    float elder = look->age == AGE_ELDER ? 1.f : 0.f;
    push_head_frame(d, r);
    /* Ears, unless long hair covers them. */
    if (look->hair_style != HAIR_LONG || look->hearing_aid) {
        for (int s = -1; s <= 1; s += 2) {
            float ex = s * (57.f - 3.f * turn * s) + turn * 2.f;
            if (look->hearing_aid)
                draw_hearing_aid(d, ex, (float)s, false);
            ellipse_outlined(d, ex, 4.f, 10.f, 16.f, s * 0.12f, p->skin, p->skin_line, 2.4f);
            line3(d, v2(ex + s * 3.f, -7.f), v2(ex + s * 5.f, 3.f), v2(ex + s * 1.f, 13.f), 0.5f, 2.f, 0.5f,
                  color_alpha(p->skin_line, 0.7f));
        }
    }
    Vec2 face[DRAW_MAX_POINTS];
    int n = head_outline(face, jaw, turn, youth);
    draw_shape(d, face, n, p->skin);
    /* Far-side shade: the lamp is above and slightly to the character's right. */
    {
        /* Stacked faint layers fake a soft gradient without a blur. */
        Vec2 sh[40];
        for (int k = 0; k < 2; k++) {
            int m = draw_ellipse_points(sh, 20, 104.f - 12.f * k + turn * 10.f, 14.f, 58.f, 112.f, 0.f);
            draw_shape_clipped(d, sh, m, face, n, color_alpha(p->skin_shadow, 0.27f));
        }
        {
            int m = draw_ellipse_points(sh, 20, turn * 8.f, 143.f + 12.f * jaw, 90.f, 62.f, 0.f);
            draw_shape_clipped(d, sh, m, face, n, color_alpha(p->skin_shadow, 0.5f));
        }
    }
    outline(d, face, n, 2.6f, p->skin_line);

    Vec2 eye_c[2] = {head_local(r, r->eye[RIG_R]), head_local(r, r->eye[RIG_L])};
    Vec2 mouth_c = head_local(r, r->mouth);
    float rx = r->eye_rx / r->head_scale, ry = r->eye_ry / r->head_scale;
    /* A child's features sit lower in the face, with larger eyes. */
    eye_c[0].y += 6.f * youth;
    eye_c[1].y += 6.f * youth;
    mouth_c.y -= 3.f * youth;
    rx *= 1.f + 0.08f * youth;
    ry *= 1.f + 0.12f * youth;

    /* Cheeks: a faint natural blush, stronger when flushed, lifted by AU6. */
    float a6 = clampf(pose->v[P_AU6], 0, 1), flush = clampf(pose->v[P_FLUSH], 0, 1);
    for (int s = 0; s < 2; s++) {
        float sx = s ? 1.f : -1.f;
        Vec2 ck = v2(eye_c[s].x + sx * 6.f, eye_c[s].y + 26.f - 9.f * a6);
        draw_glow_ellipse(d, ck.x, ck.y, 17.f + 3.f * flush, 10.f + 2.f * flush,
                     color_alpha(p->blush, 0.16f + 0.6f * flush));
        if (a6 > 0.05f) { /* the cheek apple bunches up under the eye */
            draw_glow_ellipse(d, ck.x, ck.y - 3.f, 14.f, 7.f, color_rgba(255, 240, 225, (uint8_t)(60 * a6)));
        }
    }
    if (flush > 0.3f) /* flush reaches the nose too */
        draw_glow_ellipse(d, turn * 14.f, 24.f, 10.f, 6.f, color_alpha(p->blush, 0.4f * flush));

    /* Forehead: worry lines in the middle when the inner brows lift. */
    float a1 = clampf(pose->v[P_AU1], 0, 1), a4 = clampf(pose->v[P_AU4], 0, 1), a2 = clampf(pose->v[P_AU2], 0, 1);
    if (a1 > 0.1f || a2 > 0.3f) {
        float w = a1 > a2 ? 16.f : 30.f;
        Color c = color_alpha(p->crease, 0.55f * fmaxf(a1, a2 * 0.8f));
        for (int i = 0; i < 2; i++) {
            float y = -36.f - 6.f * (float)i;
            line3(d, v2(turn * 8.f - w, y + 2.f), v2(turn * 8.f, y - 2.f * a1), v2(turn * 8.f + w, y + 2.f), 0.3f,
                  1.4f, 0.3f, c);
        }
    }
    if (elder > 0.f && a1 <= 0.1f && a2 <= 0.3f) { /* an elder's forehead lines at rest */
        for (int i = 0; i < 2; i++) {
            float y = -38.f - 7.f * (float)i;
            line3(d, v2(turn * 8.f - 26.f, y + 2.f), v2(turn * 8.f, y - 1.f), v2(turn * 8.f + 26.f, y + 2.f), 0.3f,
                  1.3f, 0.3f, color_alpha(p->crease, 0.35f));
        }
    }
    /* Brow furrow: short vertical creases between the brows. */
    if (a4 > 0.1f) {
        Color c = color_alpha(p->crease, 0.85f * a4);
        float bx = (eye_c[0].x + eye_c[1].x) * 0.5f, by = eye_c[0].y;
        for (int s = -1; s <= 1; s += 2)
            line3(d, v2(bx + s * 3.5f, by - 24.f), v2(bx + s * 4.5f, by - 17.f), v2(bx + s * 3.f, by - 10.f), 0.4f,
                  1.6f, 0.4f, c);
    }

    /* Eyes. */
    float gx = clampf(pose->v[P_GAZE_X], -1, 1), gy = clampf(pose->v[P_GAZE_Y], -1, 1);
    float a5 = clampf(pose->v[P_AU5], 0, 1), a7 = clampf(pose->v[P_AU7], 0, 1);
    float tears = clampf(pose->v[P_TEARS], 0, 1), a43 = clampf(pose->v[P_AU43], 0, 1);
    float blink = eye_closure(pose, t, look->body.phase);
    float gd = fmaxf(gy, 0.f), gu = fmaxf(-gy, 0.f);
    EyeState es;
    /* Upper lids follow the gaze down: the clearest sign of looking away. */
    es.up = ry * (1.f + 0.55f * a5 - 0.45f * a7 - 0.3f * a6 - 0.55f * gd + 0.15f * gu -
                  0.12f * fmaxf(r->head_pitch, 0.f)) * (1.f - blink);
    es.up = fmaxf(es.up, 0.f);
    es.low = ry * 0.62f * (1.f - 0.55f * a6 - 0.4f * a7 + 0.25f * a5) * (1.f - blink);
    es.low = fmaxf(es.low, 0.f);
    es.gx = gx;
    es.gy = gy;
    es.au5 = a5;
    es.au6 = a6;
    es.au7 = a7;
    es.tears = tears;
    es.lines = elder;
    es.au43 = a43;
    draw_eye(d, p, eye_c[0], rx, 1.f, &es, t);
    draw_eye(d, p, eye_c[1], rx, -1.f, &es, t);
    draw_brow(d, p, eye_c[0], 1.f, pose);
    draw_brow(d, p, eye_c[1], -1.f, pose);

    float nose_y = (eye_c[0].y + mouth_c.y) * 0.5f + 6.f;
    draw_beard(d, p, look->beard, face, n, mouth_c);
    draw_tear(d, p, eye_c[0], 1.f, &es, t);
    if (tears > 0.85f)
        draw_tear(d, p, eye_c[1], -1.f, &es, t);
    draw_nose(d, p, mouth_c.x * 0.6f + turn * 8.f, nose_y,
              fmaxf(clampf(pose->v[P_AU9], 0, 1), 0.5f * clampf(pose->v[P_AU10], 0, 1)));
    draw_mouth(d, p, mouth_c, pose, turn, elder);
    if (look->glasses)
        draw_glasses(d, eye_c);

    hair_front(d, look->hair_style, p);
    /* The aids' hooks go over the hair, or hair at the temples hides them. */
    if (look->hearing_aid)
        for (int s = -1; s <= 1; s += 2)
            draw_hearing_aid(d, s * (57.f - 3.f * turn * s) + turn * 2.f, (float)s, true);
    draw_pop(d);
}

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
            draw_wheelchair(d, rig);
        push_head_frame(d, rig);
        hair_back(d, look->hair_style, &p);
        draw_pop(d);
        draw_upper_arm(d, rig, &p, RIG_R);
        draw_upper_arm(d, rig, &p, RIG_L);
        /* A hand at the back of the neck goes behind it and the jaw. */
        for (int s = 0; s < 2; s++)
            if (rig->hand_behind[s]) {
                draw_forearm(d, rig, &p, s);
                draw_hand(d, rig, &p, s, t);
            }
        draw_neck(d, rig, &p);
        draw_torso(d, rig, &p, look->top_style);
        draw_head(d, look, rig, pose, &p, t);
    }
    if ((layer == CHAR_LAYER_FRONT) != arms_in_body) {
        /* The arm crossing on top is drawn last. */
        int first = RIG_L, second = RIG_R;
        for (int k = 0; k < 2; k++) {
            int s = k ? second : first;
            if (rig->hand_behind[s])
                continue;
            draw_forearm(d, rig, &p, s);
            draw_hand(d, rig, &p, s, t);
        }
    }
}
