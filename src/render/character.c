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

static void ellipse_outlined(Draw *d, float cx, float cy, float rx, float ry, float rot, Color fill,
                             Color line, float w)
{
    Vec2 pts[48];
    int n = draw_ellipse_points(pts, 40, cx, cy, rx, ry, rot);
    shape_outlined(d, pts, n, fill, line, w);
}

static void capsule_outlined(Draw *d, Vec2 a, Vec2 b, float ra, float rb, Color fill, Color line,
                             float w)
{
    draw_capsule(d, a, b, ra + w * 0.5f, rb + w * 0.5f, line);
    draw_capsule(d, a, b, ra - w * 0.5f, rb - w * 0.5f, fill);
}

/* Quadratic curve through three points (the middle one is on the curve). */
static int curve3(Vec2 *out, int n, Vec2 a, Vec2 mid, Vec2 b)
{
    Vec2 c = v2(2.f * mid.x - 0.5f * (a.x + b.x), 2.f * mid.y - 0.5f * (a.y + b.y));
    return draw_bezier_quad(out, n, a, c, b);
}

static void line3(Draw *d, Vec2 a, Vec2 mid, Vec2 b, float w0, float wm, float w1, Color c)
{
    Vec2 pts[12];
    int n = curve3(pts, 12, a, mid, b);
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
static int head_outline(Vec2 *out, float jaw, float turn)
{
    Vec2 half[40];
    int n = 0;
    float chin = 80.f + 12.f * jaw, jaw_y = 52.f + 7.f * jaw;
    n += draw_bezier_cubic(half + n, 10, v2(0, -78), v2(35, -78), v2(58, -58), v2(58, -16));
    n += draw_bezier_cubic(half + n, 10, v2(58, -12), v2(58, 14), v2(55, 30), v2(45, jaw_y));
    n += draw_bezier_cubic(half + n, 10, v2(43, jaw_y + 3), v2(30, chin - 6), v2(15, chin), v2(0, chin + 1));
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
        n += draw_bezier_cubic(pts + n, 12, v2(-70, -30), v2(-82, 40), v2(-86, 120), v2(-66, 158));
        n += draw_bezier_cubic(pts + n, 6, v2(-60, 162), v2(-20, 170), v2(20, 170), v2(60, 162));
        n += draw_bezier_cubic(pts + n, 12, v2(66, 158), v2(86, 120), v2(82, 40), v2(70, -30));
        n += draw_bezier_cubic(pts + n, 8, v2(66, -60), v2(40, -94), v2(-40, -94), v2(-66, -60));
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
            draw_circle(d, curls[i][0], curls[i][1], curls[i][2] + 2.5f, p->hair_dark);
        for (int i = 0; i < nc; i++)
            draw_circle(d, curls[i][0], curls[i][1], curls[i][2], p->hair);
        draw_ellipse(d, 0, -20, 74, 70, 0.f, p->hair);
        for (int i = 0; i < nc; i++) { /* a little texture: curl arcs */
            float x = curls[i][0], y = curls[i][1], r = curls[i][2] * 0.55f;
            line3(d, v2(x - r, y), v2(x, y - r * 0.8f), v2(x + r, y + 2), 0.8f, 2.f, 0.8f,
                  color_alpha(p->hair_dark, 0.8f));
        }
        break;
    }
    default:
        break;
    }
}

/* The crown: outer arc over the top, a hairline (a gentle arch, so the shape
 * stays star-shaped for the fan fill) across the forehead. */
static void hair_crown(Draw *d, const Palette *p, float hairline, float side_y, float puff, Color fill)
{
    Vec2 pts[64];
    int n = 0;
    n += draw_bezier_cubic(pts + n, 14, v2(-63 - puff, side_y), v2(-70 - puff, -70 - puff),
                           v2(-40, -92 - puff), v2(0, -92 - puff));
    n += draw_bezier_cubic(pts + n, 14, v2(4, -92 - puff), v2(40, -92 - puff), v2(70 + puff, -70 - puff),
                           v2(63 + puff, side_y));
    n += draw_bezier_cubic(pts + n, 12, v2(58, side_y - 4), v2(48, hairline + 10), v2(24, hairline),
                           v2(0, hairline - 2));
    n += draw_bezier_cubic(pts + n, 12, v2(-4, hairline - 2), v2(-24, hairline), v2(-48, hairline + 10),
                           v2(-58, side_y - 4));
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
            int n = draw_bezier_cubic(pts, 16, v2(s * 8.f, -62), v2(s * 58.f, -62), v2(s * 64.f, 30),
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
        hair_crown(d, p, -50.f, -14.f, 10.f, p->hair);
        static const float front[][3] = {{-56, -30, 12}, {-46, -48, 13}, {-26, -58, 13}, {-4, -62, 13},
                                         {18, -60, 13},  {38, -52, 13},  {54, -36, 12}};
        int nf = (int)(sizeof front / sizeof front[0]);
        for (int i = 0; i < nf; i++)
            draw_circle(d, front[i][0], front[i][1], front[i][2] + 2.f, p->hair_dark);
        for (int i = 0; i < nf; i++)
            draw_circle(d, front[i][0], front[i][1] - 1.f, front[i][2], p->hair);
        for (int i = 0; i < nf; i++) {
            float x = front[i][0], y = front[i][1], r = front[i][2] * 0.5f;
            line3(d, v2(x - r, y + 1), v2(x, y - r), v2(x + r, y), 0.6f, 1.6f, 0.6f,
                  color_alpha(p->hair_dark, 0.8f));
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
} EyeState;

/* Outline of the visible eye: upper lid inner->outer, lower lid outer->inner.
 * `in` is +1 when the inner corner is towards +x. */
static int eye_outline(Vec2 *out, Vec2 c, float rx, float in, float up, float low)
{
    Vec2 inner = v2(c.x + in * rx, c.y + 1.f), outer = v2(c.x - in * rx, c.y - 1.5f);
    int n = draw_bezier_cubic(out, 12, inner, v2(c.x + in * rx * 0.45f, c.y - up * 1.33f),
                              v2(c.x - in * rx * 0.55f, c.y - up * 1.3f), outer);
    n += draw_bezier_cubic(out + n, 10, v2(outer.x + in * 0.5f, outer.y + 0.5f),
                           v2(c.x - in * rx * 0.5f, c.y + low * 1.3f), v2(c.x + in * rx * 0.45f, c.y + low * 1.3f),
                           v2(inner.x - in * 0.5f, inner.y + 0.3f));
    return n;
}

static void draw_eye(Draw *d, const Palette *p, Vec2 c, float rx, float in, const EyeState *e,
                     bool tear_side, double t)
{
    Vec2 pts[32];
    Vec2 inner = v2(c.x + in * rx, c.y + 1.f), outer = v2(c.x - in * rx, c.y - 1.5f);
    float open = e->up + e->low;
    if (open < 1.8f) {
        /* Closed: a lash line curving down and a hint of the lid crease. */
        line3(d, inner, v2(c.x, c.y + 2.5f), outer, 1.4f, 2.8f, 2.f, p->lash);
        line3(d, v2(inner.x - in * 2.f, c.y - 6.f), v2(c.x, c.y - 8.f), v2(outer.x + in * 2.f, c.y - 6.f),
              0.5f, 1.2f, 0.5f, color_alpha(p->skin_line, 0.5f));
        return;
    }
    /* A soft socket shadow grounds the eye in the face. */
    draw_glow_ellipse(d, c.x, c.y - 3.f, rx * 1.5f, 12.f, color_alpha(p->skin_line, 0.22f));
    int n = eye_outline(pts, c, rx, in, e->up, e->low);
    Color sclera = e->tears > 0.2f ? color_mix(p->sclera, color_hex(0xF2D2CC), 0.5f * e->tears) : p->sclera;
    draw_shape(d, pts, n, sclera);

    /* Iris and pupil, clipped to the eye so the lids cover them. */
    float ir = rx * 0.56f;
    Vec2 ic = v2(c.x + e->gx * rx * 0.48f, c.y - 0.5f + e->gy * 5.5f);
    Vec2 circ[28];
    int m = draw_ellipse_points(circ, 24, ic.x, ic.y, ir, ir, 0.f);
    draw_shape_clipped(d, circ, m, pts, n, color_shade(p->iris, 0.55f));
    m = draw_ellipse_points(circ, 24, ic.x, ic.y, ir * 0.84f, ir * 0.84f, 0.f);
    draw_shape_clipped(d, circ, m, pts, n, p->iris);
    m = draw_ellipse_points(circ, 20, ic.x, ic.y + ir * 0.35f, ir * 0.55f, ir * 0.4f, 0.f);
    draw_shape_clipped(d, circ, m, pts, n, color_shade(p->iris, 1.25f));
    m = draw_ellipse_points(circ, 20, ic.x, ic.y, ir * 0.42f, ir * 0.42f, 0.f);
    draw_shape_clipped(d, circ, m, pts, n, color_hex(0x120C0A));
    /* Shadow of the upper lid across the top of the eye. */
    Vec2 lid[14];
    int ln = draw_bezier_cubic(lid, 12, inner, v2(c.x + in * rx * 0.45f, c.y - e->up * 1.33f + 2.f),
                               v2(c.x - in * rx * 0.55f, c.y - e->up * 1.3f + 2.f), outer);
    draw_stroke(d, lid, ln, 3.2f, color_alpha(p->skin_line, 0.35f));
    /* Catchlights: bigger and doubled when the eyes are wet. */
    float hl = ir * (0.3f + 0.2f * e->tears);
    m = draw_ellipse_points(circ, 16, ic.x - ir * 0.35f, ic.y - ir * 0.35f, hl, hl, 0.f);
    draw_shape_clipped(d, circ, m, pts, n, color_rgba(255, 255, 255, 235));
    if (e->tears > 0.1f) {
        m = draw_ellipse_points(circ, 12, ic.x + ir * 0.35f, ic.y + ir * 0.4f, hl * 0.6f, hl * 0.45f, 0.f);
        draw_shape_clipped(d, circ, m, pts, n, color_rgba(255, 255, 255, (uint8_t)(200 * fminf(e->tears * 2.f, 1.f))));
    }

    /* Upper lid: lash line, thicker towards the outer corner, and the crease. */
    Vec2 up[14];
    int un = draw_bezier_cubic(up, 12, inner, v2(c.x + in * rx * 0.45f, c.y - e->up * 1.33f),
                               v2(c.x - in * rx * 0.55f, c.y - e->up * 1.3f), outer);
    draw_stroke_tapered(d, up, un, 1.2f, 3.2f, 3.4f, p->lash);
    line3(d, outer, v2(outer.x - in * 2.f, outer.y - 1.5f), v2(outer.x - in * 4.5f, outer.y - 3.5f), 2.4f,
          1.6f, 0.4f, p->lash);
    float crease = e->up * 1.0f + 5.f + 2.f * e->au5;
    line3(d, v2(inner.x - in * 2.f, c.y - crease * 0.6f), v2(c.x - in * 1.f, c.y - crease - 1.f),
          v2(outer.x + in * 1.f, c.y - crease * 0.75f), 0.4f, 1.4f, 0.6f, color_alpha(p->skin_line, 0.6f));

    /* Lower lid: a fine line; raised and bagged by AU6/AU7. */
    Vec2 lo[12];
    int lon = draw_bezier_cubic(lo, 10, outer, v2(c.x - in * rx * 0.5f, c.y + e->low * 1.3f),
                                v2(c.x + in * rx * 0.45f, c.y + e->low * 1.3f), inner);
    Color lower_col = color_alpha(p->skin_line, 0.55f + 0.35f * fmaxf(e->au6, e->au7));
    if (e->tears > 0.05f) /* red-rimmed */
        lower_col = color_mix(lower_col, color_rgba(200, 90, 90, 220), fminf(e->tears * 1.5f, 0.8f));
    draw_stroke_tapered(d, lo, lon, 0.6f, 1.4f + 0.6f * e->au6, 0.6f, lower_col);
    float bag = fmaxf(e->au6, e->au7 * 0.6f);
    if (bag > 0.05f)
        line3(d, v2(c.x - in * rx * 0.8f, c.y + e->low + 4.f), v2(c.x, c.y + e->low + 7.5f),
              v2(c.x + in * rx * 0.7f, c.y + e->low + 4.5f), 0.4f, 1.8f, 0.4f, color_alpha(p->crease, 0.75f * bag));

    /* Crow's feet: the crinkle that makes a smile reach the eyes. */
    if (e->au6 > 0.05f) {
        Color cf = color_alpha(p->crease, clampf(e->au6 * 1.1f, 0.f, 0.9f));
        for (int k = 0; k < 3; k++) {
            float dy = -4.f + 4.5f * (float)k;
            Vec2 a = v2(outer.x - in * 3.5f, outer.y + dy * 0.5f + 1.f);
            Vec2 b = v2(outer.x - in * 13.f, outer.y + dy * 1.7f + 1.f);
            line3(d, a, v2((a.x + b.x) * 0.5f, (a.y + b.y) * 0.5f - 1.f), b, 1.6f, 1.8f, 0.3f, cf);
        }
    }

    /* Wet eyes: a bright line of water on the lower lid. */
    if (e->tears > 0.05f) {
        float a = fminf(e->tears * 2.6f, 1.f);
        float shimmer = 0.85f + 0.15f * sinf((float)t * 3.1f + c.x);
        Vec2 w[12];
        int wn = draw_bezier_cubic(w, 10, v2(outer.x + in * 2.f, outer.y - 0.2f),
                                   v2(c.x - in * rx * 0.5f, c.y + e->low * 1.3f - 1.6f),
                                   v2(c.x + in * rx * 0.45f, c.y + e->low * 1.3f - 1.6f),
                                   v2(inner.x - in * 2.f, inner.y - 0.8f));
        draw_stroke_tapered(d, w, wn, 0.8f, 2.4f, 0.8f, color_rgba(225, 240, 255, (uint8_t)(230 * a * shimmer)));
    }
    /* A tear running from the lower lid down the cheek. */
    if (tear_side && e->tears > 0.55f) {
        float k = clampf((e->tears - 0.55f) / 0.45f, 0.f, 1.f);
        float len = 10.f + 42.f * k;
        Vec2 top = v2(c.x - in * 3.f, c.y + e->low * 1.2f + 1.f);
        Vec2 end = v2(top.x - in * 5.f, top.y + len);
        Vec2 track[10];
        int tn = curve3(track, 10, top, v2(top.x - in * 1.5f, top.y + len * 0.5f), end);
        draw_stroke_tapered(d, track, tn, 2.6f, 2.2f, 1.6f, color_rgba(200, 225, 245, 110));
        draw_stroke_tapered(d, track, tn, 0.8f, 1.0f, 0.6f, color_rgba(255, 255, 255, 150));
        float wob = 0.3f * sinf((float)t * 2.3f);
        ellipse_outlined(d, end.x, end.y + 2.f, 3.f, 4.2f + wob, 0.f, color_rgba(205, 228, 248, 210),
                         color_rgba(140, 170, 200, 160), 0.8f);
        draw_circle(d, end.x - 1.f, end.y + 0.8f, 1.1f, color_rgba(255, 255, 255, 240));
    }
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
    int n = curve3(pts, 14, inner, mid, outer);
    float thick = 1.f + 0.15f * a4;
    draw_stroke_tapered(d, pts, n, 5.2f * thick, 5.4f * thick, 1.8f, p->brow);
}

/* ---- mouth ------------------------------------------------------------------- */

static void draw_mouth(Draw *d, const Palette *p, Vec2 mc, const Pose *pose, float turn)
{
    float a12 = clampf(pose->v[P_AU12], 0, 1), a14 = clampf(pose->v[P_AU14], 0, 1);
    float a15 = clampf(pose->v[P_AU15], 0, 1), a17 = clampf(pose->v[P_AU17], 0, 1);
    float a24 = clampf(pose->v[P_AU24], 0, 1), a25 = clampf(pose->v[P_AU25], 0, 1);
    float a26 = clampf(pose->v[P_AU26], 0, 1), a6 = clampf(pose->v[P_AU6], 0, 1);
    float a9 = clampf(pose->v[P_AU9], 0, 1);

    float half = 17.f + 4.f * a12 - 2.f * a24 - 2.5f * a26 + 1.5f * a14;
    Vec2 cr = v2(mc.x - half, mc.y - 7.f * a12 + 6.5f * a15 - 1.f * a17);
    Vec2 cl = v2(mc.x + half + 3.f * a14, mc.y - 7.f * a12 - 9.f * a14 + 6.5f * a15 - 1.f * a17);
    /* The centre of the lips' meeting line: pushed up by AU17, raised by AU9. */
    float mid_y = mc.y - 3.5f * a17 - 2.f * a9 + 1.5f * a12;
    float open = 3.5f * a25 + 17.f * a26;
    float tu = 4.6f * (1.f - 0.75f * a24) * (1.f - 0.2f * a12);
    float tl = 6.f * (1.f - 0.7f * a24) * (1.f + 0.25f * a17);

    enum { N = 15 };
    Vec2 line[N], top[N], gap[N], bot[N];
    curve3(line, N, cr, v2(mc.x + turn * 1.f, mid_y), cl);
    for (int i = 0; i < N; i++) {
        float u = (float)i / (N - 1);
        float su = fmaxf(sinf(PI * u), 0.f); /* never negative: powf would NaN */
        float prof = powf(su, 0.6f);
        float bow = 1.6f * expf(-powf((u - 0.5f) * 9.f, 2.f)); /* the cupid's-bow dip */
        float o = open * powf(su, 0.8f);
        top[i] = v2(line[i].x, line[i].y - tu * prof + bow * (1.f - a24));
        gap[i] = v2(line[i].x, line[i].y + o);
        bot[i] = v2(line[i].x, gap[i].y + tl * prof);
    }
    /* Folds from the nose to the mouth corners deepen with a smile. */
    float fold = 0.06f + 0.5f * a12 + 0.25f * a6 + 0.35f * a9;
    for (int s = -1; s <= 1; s += 2) {
        Vec2 corner = s < 0 ? cr : cl;
        Vec2 a = v2(mc.x + s * 11.f, mc.y - 20.f);
        Vec2 b = v2(corner.x + s * 5.f, corner.y + 1.f);
        line3(d, a, v2(mc.x + s * (half + 2.f + 3.f * a12), (a.y + b.y) * 0.5f - 2.f), b, 0.5f, 1.8f, 0.4f,
              color_alpha(p->skin_line, clampf(fold, 0.f, 0.85f)));
    }
    if (open > 1.f) {
        Vec2 hole[2 * N];
        int k = 0;
        for (int i = 0; i < N; i++)
            hole[k++] = line[i];
        for (int i = N - 2; i > 0; i--)
            hole[k++] = gap[i];
        draw_shape(d, hole, k, color_hex(0x3A1618));
        /* Upper teeth and a glimpse of tongue. */
        Vec2 teeth[8] = {v2(mc.x - half * 0.55f, mid_y - 1.f), v2(mc.x + half * 0.55f, mid_y - 1.f),
                         v2(mc.x + half * 0.5f, mid_y + fminf(open * 0.3f, 4.5f)),
                         v2(mc.x - half * 0.5f, mid_y + fminf(open * 0.3f, 4.5f))};
        draw_shape_clipped(d, teeth, 4, hole, k, color_hex(0xEDE6DC));
        if (open > 8.f) {
            Vec2 tongue[20];
            int tn = draw_ellipse_points(tongue, 20, mc.x, mid_y + open + 1.f, half * 0.55f, open * 0.4f, 0.f);
            draw_shape_clipped(d, tongue, tn, hole, k, color_hex(0x9A4A4E));
        }
    }
    /* Lips. Pressed lips (AU24) go thin, pale and bunch the skin around. */
    Vec2 lip[2 * N];
    int k = 0;
    for (int i = 0; i < N; i++)
        lip[k++] = top[i];
    for (int i = N - 2; i > 0; i--)
        lip[k++] = line[i];
    Color lips = color_mix(p->lips, p->skin, 0.45f * a24);
    draw_shape(d, lip, k, color_shade(lips, 0.86f));
    k = 0;
    for (int i = 0; i < N; i++)
        lip[k++] = gap[i];
    for (int i = N - 2; i > 0; i--)
        lip[k++] = bot[i];
    draw_shape(d, lip, k, lips);
    draw_glow_ellipse(d, mc.x - 3.f, bot[N / 2].y - tl * 0.55f, 6.f, 2.f, color_rgba(255, 240, 230, 60));
    /* The line where the lips meet, dark enough to read at a distance. */
    draw_stroke_tapered(d, line, N, 1.f, open > 1.f ? 1.f : 2.2f + 0.6f * a24, 1.f, p->lips_dark);
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
            draw_circle(d, mc.x - 6.f + 4.f * i, ly + 13.f + (i % 2) * 2.f, 1.1f,
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
    draw_capsule(d, top, bottom, 19.f * s, 22.f * r->scale, p->skin_line);
    draw_capsule(d, top, bottom, 17.5f * s, 20.5f * r->scale, p->skin_shadow);
    /* The jaw's shadow falls on the neck. */
    Vec2 sh = head_point(r, 0.f, 74.f + 6.f * r->head_pitch);
    draw_push(d);
    draw_translate(d, sh.x, sh.y);
    draw_rotate(d, r->head_angle);
    draw_glow_ellipse(d, 0.f, -2.f * s, 34.f * s, 18.f * s, color_alpha(p->skin_line, 0.9f));
    draw_pop(d);
}

static void draw_torso(Draw *d, const RigLayout *r, const Palette *p)
{
    float S = r->scale, ta = r->torso_angle;
    Vec2 rt = v2(cosf(ta), sinf(ta)), upv = v2(sinf(ta), -cosf(ta));
    bool swap = r->shoulder[RIG_R].x > r->shoulder[RIG_L].x;
    RigVec sl = r->shoulder[swap ? RIG_L : RIG_R], sr = r->shoulder[swap ? RIG_R : RIG_L];
    float aw = r->arm_w;
#define AT(base, a, b) v2((base).x + rt.x * (a) + upv.x * (b), (base).y + rt.y * (a) + upv.y * (b))
    Vec2 pts[80];
    int n = 0;
    /* Left side (screen): neck base, trapezius slope, shoulder cap, flank. */
    Vec2 neck_l = AT(r->chest, -24.f * S, 4.f * S);
    Vec2 cap_top_l = AT(sl, 6.f * S, aw * 0.72f);
    n += curve3(pts + n, 6, neck_l, AT(r->chest, -46.f * S, -4.f * S - aw * 0.1f), cap_top_l);
    for (int i = 1; i <= 8; i++) {
        float a = -PI * 0.5f - (PI * 0.62f) * (float)i / 8.f;
        Vec2 o = v2(cosf(a) * aw * 1.08f, sinf(a) * aw * 1.08f + aw * 0.3f);
        pts[n++] = v2(sl.x + rt.x * o.x - upv.x * o.y, sl.y + rt.y * o.x - upv.y * o.y);
    }
    float waist = r->torso_w * (0.8f + 0.06f * r->slump);
    pts[n++] = AT(r->hip, -(r->torso_w * 0.92f), 150.f * S);
    pts[n++] = AT(r->hip, -waist, 70.f * S);
    pts[n++] = AT(r->hip, -(r->torso_w * 0.88f), -10.f * S);
    pts[n++] = AT(r->hip, r->torso_w * 0.88f, -10.f * S);
    pts[n++] = AT(r->hip, waist, 70.f * S);
    pts[n++] = AT(r->hip, r->torso_w * 0.92f, 150.f * S);
    for (int i = 8; i >= 1; i--) {
        float a = -PI * 0.5f + (PI * 0.62f) * (float)i / 8.f;
        Vec2 o = v2(cosf(a) * aw * 1.08f, sinf(a) * aw * 1.08f + aw * 0.3f);
        pts[n++] = v2(sr.x + rt.x * o.x - upv.x * o.y, sr.y + rt.y * o.x - upv.y * o.y);
    }
    Vec2 neck_r = AT(r->chest, 24.f * S, 4.f * S);
    Vec2 cap_top_r = AT(sr, -6.f * S, aw * 0.72f);
    Vec2 tmp[6];
    curve3(tmp, 6, cap_top_r, AT(r->chest, 46.f * S, -4.f * S - aw * 0.1f), neck_r);
    for (int i = 0; i < 6; i++)
        pts[n++] = tmp[i];
    draw_shape_gradient(d, pts, n, color_shade(p->top, 1.06f), color_shade(p->top, 0.78f));
    outline(d, pts, n, 2.6f * S, p->top_line);

    /* Soft shading: the lamp is above, so the sides and belly fall darker. */
    draw_glow_ellipse(d, r->hip.x, r->hip.y - 60.f * S, r->torso_w * 0.9f, 60.f * S, color_alpha(p->top_line, 0.3f));
    /* Neckline: skin showing, then a collar band. */
    Vec2 nl[12];
    float depth = 26.f + 6.f * r->slump;
    int nn = curve3(nl, 12, AT(r->chest, -25.f * S, 5.f * S), AT(r->chest, 0.f, -depth * S),
                    AT(r->chest, 25.f * S, 5.f * S));
    draw_shape(d, nl, nn, p->skin_shadow);
    draw_glow_ellipse(d, r->chest.x, r->chest.y - 2.f * S, 20.f * S, 8.f * S, color_alpha(p->skin_line, 0.35f));
    draw_stroke_tapered(d, nl, nn, 5.f * S, 8.f * S, 5.f * S, p->accent);
    draw_stroke_tapered(d, nl, nn, 1.f * S, 1.4f * S, 1.f * S, color_alpha(color_shade(p->accent, 0.6f), 0.6f));
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
            draw_circle(d, 13.f, k * 5.5f - 2.7f, 1.8f, color_rgba(255, 255, 255, 45));
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

/* ---- the face ------------------------------------------------------------------ */

static void draw_head(Draw *d, const Look *look, const RigLayout *r, const Pose *pose, const Palette *p,
                      double t)
{
    float jaw = clampf(pose->v[P_AU26], 0, 1);
    float turn = r->head_turn;
    push_head_frame(d, r);
    /* Ears, unless long hair covers them. */
    if (look->hair_style != HAIR_LONG) {
        for (int s = -1; s <= 1; s += 2) {
            float ex = s * (57.f - 3.f * turn * s) + turn * 2.f;
            ellipse_outlined(d, ex, 4.f, 10.f, 16.f, s * 0.12f, p->skin, p->skin_line, 2.4f);
            line3(d, v2(ex + s * 3.f, -7.f), v2(ex + s * 5.f, 3.f), v2(ex + s * 1.f, 13.f), 0.5f, 2.f, 0.5f,
                  color_alpha(p->skin_line, 0.7f));
        }
    }
    Vec2 face[DRAW_MAX_POINTS];
    int n = head_outline(face, jaw, turn);
    draw_shape(d, face, n, p->skin);
    /* Far-side shade: the lamp is above and slightly to the character's right. */
    {
        /* Stacked faint layers fake a soft gradient without a blur. */
        Vec2 sh[40];
        for (int k = 0; k < 3; k++) {
            int m = draw_ellipse_points(sh, 32, 106.f - 9.f * k + turn * 10.f, 14.f, 58.f, 112.f, 0.f);
            draw_shape_clipped(d, sh, m, face, n, color_alpha(p->skin_shadow, 0.2f));
        }
        for (int k = 0; k < 2; k++) {
            int m = draw_ellipse_points(sh, 32, turn * 8.f, 146.f - 6.f * k + 12.f * jaw, 90.f, 62.f, 0.f);
            draw_shape_clipped(d, sh, m, face, n, color_alpha(p->skin_shadow, 0.3f));
        }
    }
    outline(d, face, n, 2.6f, p->skin_line);

    Vec2 eye_c[2] = {head_local(r, r->eye[RIG_R]), head_local(r, r->eye[RIG_L])};
    Vec2 mouth_c = head_local(r, r->mouth);
    float rx = r->eye_rx / r->head_scale, ry = r->eye_ry / r->head_scale;

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
    float blink = clampf(pose->v[P_BLINK], 0, 1), tears = clampf(pose->v[P_TEARS], 0, 1);
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
    draw_eye(d, p, eye_c[0], rx, 1.f, &es, true, t);
    draw_eye(d, p, eye_c[1], rx, -1.f, &es, tears > 0.85f, t);
    draw_brow(d, p, eye_c[0], 1.f, pose);
    draw_brow(d, p, eye_c[1], -1.f, pose);

    float nose_y = (eye_c[0].y + mouth_c.y) * 0.5f + 6.f;
    draw_nose(d, p, mouth_c.x * 0.6f + turn * 8.f, nose_y, clampf(pose->v[P_AU9], 0, 1));
    draw_mouth(d, p, mouth_c, pose, turn);

    hair_front(d, look->hair_style, p);
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
        push_head_frame(d, rig);
        hair_back(d, look->hair_style, &p);
        draw_pop(d);
        draw_upper_arm(d, rig, &p, RIG_R);
        draw_upper_arm(d, rig, &p, RIG_L);
        draw_neck(d, rig, &p);
        draw_torso(d, rig, &p);
        draw_head(d, look, rig, pose, &p, t);
    }
    if ((layer == CHAR_LAYER_FRONT) != arms_in_body) {
        /* The arm crossing on top is drawn last. */
        int first = RIG_L, second = RIG_R;
        for (int k = 0; k < 2; k++) {
            int s = k ? second : first;
            draw_forearm(d, rig, &p, s);
            draw_hand(d, rig, &p, s, t);
        }
    }
}
