/* Unsaid - hair.c: hair behind the head, the crown and fringe, and beards.
 *
 * Drawn in the head's frame: character_hair_back() before the body,
 * character_hair_front() over the face, and the beard between the eyes and
 * the mouth.
 */
#include "character_parts.h"

#include <math.h>

void character_hair_back(Draw *d, HairStyle style, const Palette *p)
{
    switch (style) {
    case HAIR_LONG: {
        Vec2 pts[40];
        int n = 0;
        n += draw_bezier_cubic(pts + n, 8, v2(-70, -30), v2(-82, 40), v2(-86, 120), v2(-66, 158));
        n += draw_bezier_cubic(pts + n, 4, v2(-60, 162), v2(-20, 170), v2(20, 170), v2(60, 162));
        n += draw_bezier_cubic(pts + n, 8, v2(66, 158), v2(86, 120), v2(82, 40), v2(70, -30));
        n += draw_bezier_cubic(pts + n, 6, v2(68, -42), v2(58, -104), v2(-58, -104), v2(-68, -42));
        character_shape_outlined(d, pts, n, p->hair_dark, color_shade(p->hair_dark, 0.8f), 3.f);
        break;
    }
    case HAIR_BUN:
        character_ellipse_outlined(d, 8, -92, 30, 26, 0.2f, p->hair, p->hair_dark, 3.f);
        character_line3(d, v2(-10, -100), v2(6, -110), v2(26, -98), 1.f, 2.5f, 1.f, p->hair_dark);
        character_line3(d, v2(-6, -84), v2(12, -80), v2(30, -90), 1.f, 2.f, 1.f, p->hair_dark);
        break;
    case HAIR_CURLY: {
        /* A cloud of curls: outline pass then fill pass so they merge. */
        static const float curls[][3] = {
            {-74, -20, 24}, {-80, 14, 22}, {-72, 44, 20}, {-62, -56, 26}, {-34, -84, 28}, {0, -94, 28},
            {34, -84, 28},  {62, -56, 26}, {74, -20, 24}, {80, 14, 22},  {72, 44, 20},
        };
        int nc = (int)(sizeof curls / sizeof curls[0]);
        for (int i = 0; i < nc; i++)
            character_circle(d, curls[i][0], curls[i][1], curls[i][2] + 2.5f, p->hair_dark);
        for (int i = 0; i < nc; i++)
            character_circle(d, curls[i][0], curls[i][1], curls[i][2], p->hair);
        draw_ellipse(d, 0, -20, 74, 70, 0.f, p->hair);
        /* Depth: the hair falls into shadow where it meets the face. */
        draw_ellipse(d, 0, 2, 67, 80, 0.f, color_mix(p->hair, p->hair_dark, 0.6f));
        break;
    }
    default:
        break;
    }
}

/* The head's edge on side s (-1 or +1) at height y, for -40 <= y <= 14:
 * face.c's outline, narrowed and its lower part slid by a head turn. */
static float head_edge_x(float s, float y, float turn)
{
    static const float ys[] = {-40.f, -28.f, -16.f, -3.f, 6.f, 14.f};
    static const float xs[] = {55.f, 57.3f, 58.f, 57.9f, 57.4f, 56.5f};
    float x = xs[5];
    if (y <= ys[0])
        x = xs[0];
    else
        for (int i = 1; i < 6; i++)
            if (y <= ys[i]) {
                x = xs[i - 1] + (xs[i] - xs[i - 1]) * (y - ys[i - 1]) / (ys[i] - ys[i - 1]);
                break;
            }
    float lower = clampf((y + 10.f) / 90.f, 0.f, 1.f);
    return s * x * (1.f - 0.06f * fabsf(turn)) + turn * 8.f * lower;
}

/* Hair at the side of the head (side s, -1 or +1) from y0 down to y1, w
 * wide at most: a crescent whose outer edge lies along the head's own
 * edge, so it never stands off the head like a flap. */
static void hair_side(Draw *d, float s, float y0, float y1, float w, float turn, Color fill, Color edge)
{
    enum { K = 9 };
    Vec2 pts[2 * K];
    for (int i = 0; i < K; i++) {
        float u = (float)i / (K - 1), y = y0 + (y1 - y0) * u;
        float bulge = fmaxf(sinf(PI * u), 0.f); /* never negative: powf would NaN */
        float x = head_edge_x(s, y, turn) + s * 0.8f;
        pts[i] = v2(x, y);
        /* The inner edge: full width in the upper middle, tapering to both ends. */
        pts[2 * K - 1 - i] = v2(x - s * w * powf(bulge, 0.7f) * (1.f - 0.25f * u), y);
    }
    draw_shape(d, pts, 2 * K, fill);
    draw_stroke_tapered(d, pts, K, 0.4f, 1.6f, 0.4f, edge);
}

/* The crown: outer arc over the top, a hairline arching across the
 * forehead. */
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
    character_shape_outlined(d, pts, n, fill, p->hair_dark, 2.6f);
}

void character_hair_front(Draw *d, HairStyle style, const Palette *p, float turn)
{
    switch (style) {
    case HAIR_SHORT:
        hair_crown(d, p, -52.f, -16.f, 2.f, p->hair);
        /* A side-swept fringe breaks the helmet line, then a parting. */
        character_line3(d, v2(-36, -64), v2(6, -56), v2(50, -34), 8.f, 17.f, 2.f, p->hair_dark);
        character_line3(d, v2(-36, -65), v2(6, -58), v2(48, -36), 6.f, 14.f, 1.f, p->hair);
        character_line3(d, v2(-30, -70), v2(4, -64), v2(40, -46), 0.5f, 1.6f, 0.5f, color_alpha(p->hair_dark, 0.8f));
        character_line3(d, v2(-22, -90), v2(-24, -78), v2(-30, -64), 0.5f, 2.f, 0.5f, p->hair_dark);
        character_line3(d, v2(-50, -64), v2(-58, -50), v2(-60, -36), 0.5f, 1.4f, 0.5f, color_alpha(p->hair_dark, 0.7f));
        hair_side(d, -1.f, -30.f, 4.f, 6.f, turn, p->hair, p->hair_dark);
        hair_side(d, 1.f, -30.f, 4.f, 6.f, turn, p->hair, p->hair_dark);
        character_line3(d, v2(-30, -82), v2(0, -88), v2(30, -80), 1.f, 4.f, 1.f, color_alpha(p->hair_hi, 0.45f));
        break;
    case HAIR_LONG:
        hair_crown(d, p, -54.f, -10.f, 3.f, p->hair);
        /* Centre parting, then curtains falling past the cheeks to the shoulders. */
        character_line3(d, v2(0, -94), v2(2, -78), v2(0, -56), 1.f, 2.f, 1.f, p->hair_dark);
        for (int s = -1; s <= 1; s += 2) {
            Vec2 pts[16];
            int n = draw_bezier_cubic(pts, 10, v2(s * 8.f, -62), v2(s * 58.f, -62), v2(s * 64.f, 30),
                                      v2(s * 84.f, 140));
            draw_stroke_tapered(d, pts, n, 9.f, 23.f, 16.f, p->hair_dark);
            draw_stroke_tapered(d, pts, n, 6.f, 19.f, 12.f, p->hair);
            character_line3(d, v2(s * 40.f, -56), v2(s * 60.f, 0), v2(s * 66.f, 90), 0.6f, 1.6f, 0.5f,
                            color_alpha(p->hair_dark, 0.8f));
        }
        character_line3(d, v2(-34, -84), v2(-14, -90), v2(4, -86), 1.f, 4.f, 1.f, color_alpha(p->hair_hi, 0.45f));
        break;
    case HAIR_BUN:
        hair_crown(d, p, -56.f, -18.f, 0.f, p->hair);
        /* Combed-back lines show the hair is pulled up into the bun. */
        for (int i = -2; i <= 2; i++)
            character_line3(d, v2(i * 20.f, -56), v2(i * 14.f, -76), v2(i * 6.f, -90), 0.5f, 1.4f, 0.5f,
                            color_alpha(p->hair_dark, 0.7f));
        hair_side(d, -1.f, -30.f, 0.f, 4.f, turn, p->hair, p->hair_dark);
        break;
    case HAIR_CURLY: {
        /* One clean outline: the crown lies inside the cloud behind, so it
         * takes no outline of its own, and it covers the tops of the
         * fringe curls' outlines, leaving only the scalloped hairline. */
        static const float front[][3] = {{-57, -28, 11}, {-49, -46, 11.5f}, {-32, -57, 11.5f}, {-11, -62, 11.5f},
                                         {11, -62, 11.5f}, {32, -57, 11.5f}, {49, -46, 11.5f}, {57, -28, 11}};
        int nf = (int)(sizeof front / sizeof front[0]);
        for (int i = 0; i < nf; i++)
            character_circle(d, front[i][0], front[i][1], front[i][2] + 2.f, p->hair_dark);
        Vec2 pts[64];
        draw_shape(d, pts, crown_points(pts, -56.f, -24.f, 10.f), p->hair);
        for (int i = 0; i < nf; i++)
            character_circle(d, front[i][0], front[i][1] - 1.f, front[i][2], p->hair);
        /* Texture is sheen, not lines: light arcs where the lamp catches
         * the round tops of the outer curls (lifted for black hair). */
        static const float sheen[][3] = {{-62, -56, 26}, {-34, -84, 28}, {0, -94, 28}, {-74, -20, 24}, {-80, 14, 22}, {80, 14, 22}};
        Color hi = color_alpha(color_mix(p->hair, color_hex(0xFFFFFF), 0.2f), 0.65f);
        for (int i = 0; i < (int)(sizeof sheen / sizeof sheen[0]); i++) {
            float x = sheen[i][0], y = sheen[i][1], r = sheen[i][2] * 0.72f;
            float a0 = sheen[i][0] > 0 ? -1.9f : -2.75f, a1 = a0 + 0.9f, am = (a0 + a1) * 0.5f;
            character_line3(d, v2(x + cosf(a0) * r, y + sinf(a0) * r), v2(x + cosf(am) * r, y + sinf(am) * r),
                            v2(x + cosf(a1) * r, y + sinf(a1) * r), 0.5f, 2.4f, 0.5f, hi);
        }
        break;
    }
    case HAIR_BALD:
        /* A fringe of short hair above the ears and a sheen on the scalp. */
        hair_side(d, -1.f, -40.f, 4.f, 7.f, turn, p->hair, p->hair_dark);
        hair_side(d, 1.f, -40.f, 4.f, 7.f, turn, p->hair, p->hair_dark);
        draw_glow_ellipse(d, -14, -60, 26, 12, color_rgba(255, 255, 255, 40));
        break;
    default:
        break;
    }
}

/* ---- beards ------------------------------------------------------------------- */

/* A beard covers the jaw and the cheeks below the cheekbones, from
 * sideburns that lie along the head's edge; the mouth is drawn over it.
 * Its outer edge is outlined like any part; its edge on the cheek is
 * feathered, as hair thins into skin, with no line of its own. Stubble is
 * the same shape, faint. */
void character_draw_beard(Draw *d, const Palette *p, BeardStyle style, const Vec2 *face, int n, Vec2 mc, float turn)
{
    if (style == BEARD_NONE)
        return;
    bool full = style == BEARD_FULL;
    Vec2 pts[DRAW_MAX_POINTS];
    int m = 0;
    /* The outline runs down the right side to the chin and up the left, so
     * the points below the temples are one run. A full beard grows a
     * little past the jaw, more towards the chin, and none at the
     * sideburns, so it leaves the head's edge without a step. */
    for (int i = 0; i < n && m < DRAW_MAX_POINTS - 24; i++)
        if (face[i].y > -6.f) {
            float g = full ? clampf((face[i].y - 8.f) / 40.f, 0.f, 1.f) : 0.f;
            pts[m++] = v2(face[i].x * (1.f + 0.04f * g), face[i].y + 5.f * g);
        }
    int outer_n = m;
    /* The edge on the cheek: from the left sideburn, tapering from the
     * head's edge, down the cheek and in under the nose, and back up. */
    float top = mc.y - 15.f;
    Vec2 *edge = pts + m;
    float x = mc.x, bl = head_edge_x(-1.f, -7.f, turn) + 0.4f, br = head_edge_x(1.f, -7.f, turn) - 0.4f;
    /* The cheek line runs down and in from the sideburn towards the corner
     * of the mouth, leaving the upper cheeks bare, and rises to the
     * moustache only beside the nose: a line across under the eyes would
     * read as a mask. */
    int k = draw_bezier_cubic(edge, 10, v2(bl, -7.f), v2(bl + 6.f, 16.f), v2(0.6f * x - 30.f, mc.y + 4.f),
                              v2(x - 18.f, top + 0.5f));
    k += draw_bezier_cubic(edge + k, 4, v2(x - 15.f, top + 0.2f), v2(x - 9.f, top - 0.5f), v2(x - 5.f, top), v2(x, top));
    k += draw_bezier_cubic(edge + k, 4, v2(x + 1.f, top), v2(x + 5.f, top), v2(x + 9.f, top - 0.5f), v2(x + 15.f, top + 0.2f));
    k += draw_bezier_cubic(edge + k, 10, v2(x + 18.f, top + 0.5f), v2(0.6f * x + 30.f, mc.y + 4.f), v2(br - 6.f, 16.f),
                           v2(br, -7.f));
    m += k;
    if (!full) {
        draw_shape(d, pts, m, color_alpha(p->hair, 0.3f));
        return;
    }
    draw_shape(d, pts, m, p->hair);
    /* Outer edge: the outline, from sideburn to sideburn round the chin. */
    draw_stroke(d, pts, outer_n, 2.f, p->hair_dark);
    /* The cheek edge, softened: the beard's colour fading out over the skin. */
    draw_stroke_soft(d, edge, k, 2.f, 4.f, 2.f, color_alpha(p->hair, 0.8f));
    for (int sd = -1; sd <= 1; sd += 2) /* a little texture */
        character_line3(d, v2(sd * 30.f, mc.y + 18.f), v2(sd * 26.f, mc.y + 28.f), v2(sd * 16.f, mc.y + 36.f), 0.5f,
                        1.6f, 0.5f, color_alpha(p->hair_dark, 0.8f));
}
