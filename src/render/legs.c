/* Unsaid - legs.c: a seated person's lap, when no table hides it (facing
 * us, or side-on on a bench), and a standing person's legs.
 *
 * Seen from the front and a little above, a seated person's thighs come
 * straight towards the viewer: each shows as a short rounded shape from the
 * fold of the hip to the knee, and the lower legs drop from the knees to the
 * floor. The shirt ends in the lap, so the lap is drawn over the torso's
 * lower edge and under the forearms and hands that rest on it.
 */
#include "character_parts.h"

#include <math.h>

/* Sitting side-on: the thighs run off to one side from the hips to the
 * knees, the far one a little higher, the lower legs dropping from the
 * knees; the near thigh is drawn last, over the far one. */
static void draw_side_lap(Draw *d, const RigLayout *r, const Palette *p)
{
    float S = r->scale, tw = r->thigh_w, lw = 2.4f * S;
    float toward = r->knee[RIG_R].x < r->hip.x ? -1.f : 1.f;
    Color shade = color_shade(p->legs, 0.78f), lit = color_shade(p->legs, 1.08f);
    const int order[2] = {RIG_L, RIG_R}; /* far, then near */
    for (int k = 0; k < 2; k++) {
        int s = order[k];
        Vec2 kn = v2(r->knee[s].x, r->knee[s].y);
        Vec2 foot = v2(kn.x + toward * 18.f * S, kn.y + 220.f * S);
        character_capsule_outlined(d, v2(kn.x - toward * 6.f * S, kn.y + tw * 0.3f), foot, tw * 0.72f, tw * 0.56f,
                                   shade, p->legs_line, lw);
        character_ellipse_outlined(d, foot.x + toward * tw * 0.35f, foot.y + tw * 0.4f, tw * 0.95f, tw * 0.4f, 0.f,
                                   color_hex(0x24252A), color_hex(0x121317), lw);
    }
    for (int k = 0; k < 2; k++) {
        int s = order[k];
        Vec2 kn = v2(r->knee[s].x, r->knee[s].y);
        /* From the far side of the hips, so the near thigh covers the hem
         * and the legs come out of the body, not from in front of it. */
        bool near = s == RIG_R;
        Vec2 hip = v2(r->hip.x - toward * r->torso_w * (near ? 0.55f : 0.25f), r->hip.y - (near ? 4.f : 26.f) * S);
        character_capsule_outlined(d, hip, kn, tw * (near ? 0.95f : 0.8f), tw * 0.62f, near ? lit : p->legs,
                                   p->legs_line, lw);
    }
}

void character_draw_lap(Draw *d, const RigLayout *r, const Palette *p)
{
    if (r->side) {
        draw_side_lap(d, r, p);
        return;
    }
    float S = r->scale, tw = r->thigh_w;
    Color shade = color_shade(p->legs, 0.78f), lit = color_shade(p->legs, 1.1f);
    float lw = 2.4f * S;
    /* Lower legs first: behind the knees, down towards the floor. */
    for (int s = 0; s < 2; s++) {
        Vec2 k = v2(r->knee[s].x, r->knee[s].y);
        Vec2 foot = v2(k.x + (s == RIG_R ? -4.f : 4.f) * S, k.y + 230.f * S);
        character_capsule_outlined(d, v2(k.x, k.y + tw * 0.2f), foot, tw * 0.78f, tw * 0.6f, shade, p->legs_line, lw);
        character_ellipse_outlined(d, foot.x, foot.y + tw * 0.45f, tw * 0.8f, tw * 0.42f, 0.f,
                                   color_hex(0x24252A), color_hex(0x121317), lw);
    }
    /* The thighs: from the hip fold (under the shirt's hem) to the knee. Each
     * is one convex outline: a flat top edge at the hips, full sides, and a
     * round knee cap at the front. */
    for (int s = 0; s < 2; s++) {
        Vec2 k = v2(r->knee[s].x, r->knee[s].y);
        float side = s == RIG_R ? -1.f : 1.f;
        float top = r->hip.y - 34.f * S;
        float inner = r->hip.x - side * 0.5f * S, outer = k.x + side * tw * 1.02f;
        Vec2 pts[24];
        int n = 0;
        pts[n++] = v2(inner, top);
        pts[n++] = v2(outer - side * 6.f * S, top);
        pts[n++] = v2(outer, top + 14.f * S);
        /* The knee: the lower half of an ellipse around k. */
        for (int i = 0; i <= 12; i++) {
            float a = (float)i / 12.f * PI;
            float c = cosf(a) * side;
            pts[n++] = v2(k.x + c * tw * 1.02f, k.y + sinf(a) * tw * 0.62f);
        }
        pts[n++] = v2(inner, k.y);
        draw_shape_gradient(d, pts, n, lit, p->legs);
        character_outline(d, pts, n, lw, p->legs_line);
    }
    /* A soft shadow in the fold where the shirt meets the lap. */
    Vec2 fold[3] = {v2(r->hip.x - r->torso_w * 0.8f, r->hip.y - 33.f * S), v2(r->hip.x, r->hip.y - 31.f * S),
                    v2(r->hip.x + r->torso_w * 0.8f, r->hip.y - 33.f * S)};
    draw_stroke(d, fold, 3, 5.f * S, color_alpha(shade, 0.6f));
}

/* Standing: trousers from under the shirt's hem straight down to the floor.
 * The fill is three convex pieces (hips and two legs) under one outline, so
 * no seam shows where they meet. */
void character_draw_standing_legs(Draw *d, const RigLayout *r, const Palette *p)
{
    float S = r->scale, w = r->torso_w * 0.86f, lw = 2.4f * S;
    float top = r->hip.y - 8.f * S, crotch = r->hip.y + 74.f * S, ankle = r->hip.y + RIG_LEG_LEN * S;
    float x = r->hip.x;
    Vec2 hips[4] = {v2(x - w, top), v2(x + w, top), v2(x + w * 0.97f, crotch), v2(x - w * 0.97f, crotch)};
    Vec2 leg[2][4];
    for (int s = 0; s < 2; s++) {
        float side = s == RIG_R ? -1.f : 1.f;
        leg[s][0] = v2(x + side * w * 0.97f, crotch);
        leg[s][1] = v2(x, crotch);
        leg[s][2] = v2(x + side * w * 0.16f, ankle);
        leg[s][3] = v2(x + side * w * 0.74f, ankle);
    }
    /* Shoes first: the trouser hems fall over them. */
    for (int s = 0; s < 2; s++) {
        float side = s == RIG_R ? -1.f : 1.f;
        character_ellipse_outlined(d, x + side * w * 0.5f, ankle + 6.f * S, w * 0.5f, 15.f * S, 0.f,
                                   color_hex(0x24252A), color_hex(0x121317), lw);
    }
    Vec2 outline[9] = {v2(x - w, top), leg[RIG_R][0], leg[RIG_R][3], leg[RIG_R][2], v2(x, crotch),
                       leg[RIG_L][2], leg[RIG_L][3], leg[RIG_L][0], v2(x + w, top)};
    draw_stroke(d, outline, 9, lw * 2.f, p->legs_line);
    draw_shape(d, hips, 4, p->legs);
    for (int s = 0; s < 2; s++)
        draw_shape(d, leg[s], 4, p->legs);
    /* A soft crease down the front of each leg, and the fold at the crotch. */
    for (int s = 0; s < 2; s++) {
        float side = s == RIG_R ? -1.f : 1.f;
        character_line3(d, v2(x + side * w * 0.52f, crotch - 30.f * S), v2(x + side * w * 0.5f, crotch + 120.f * S),
                        v2(x + side * w * 0.46f, ankle - 10.f * S), 0.5f * S, 1.8f * S, 0.5f * S,
                        color_alpha(p->legs_line, 0.35f));
    }
}
