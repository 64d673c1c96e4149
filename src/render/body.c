/* Unsaid - body.c: neck, torso, arms and hands.
 *
 * Drawn on the canvas over the rig's joints, in units scaled by the rig's
 * scale; the neck meets the head through the head's frame. The top's style
 * shapes the neckline and front.
 */
#include "character_parts.h"

#include <math.h>

/* A point offset from the head centre along the head's axes, on the canvas. */
static Vec2 head_point(const RigLayout *r, float lx, float ly)
{
    float x = (r->mirror ? -lx : lx) * r->head_scale, y = ly * r->head_scale;
    float c = cosf(r->head_angle), s = sinf(r->head_angle);
    return v2(r->head.x + x * c - y * s, r->head.y + x * s + y * c);
}

/* ---- body parts ---------------------------------------------------------------- */

void character_draw_neck(Draw *d, const RigLayout *r, const Palette *p)
{
    float s = r->head_scale;
    Vec2 top = head_point(r, 0.f, 44.f), bottom = v2(r->chest.x, r->chest.y + 12.f * r->scale);
    character_capsule(d, top, bottom, 19.f * s, 22.f * r->scale, p->skin_line);
    character_capsule(d, top, bottom, 17.5f * s, 20.5f * r->scale, p->skin_shadow);
    /* The jaw's shadow falls on the neck. */
    Vec2 sh = head_point(r, 0.f, 74.f + 6.f * r->head_pitch);
    draw_push(d);
    draw_translate(d, sh.x, sh.y);
    draw_rotate(d, r->head_angle);
    draw_glow_ellipse(d, 0.f, -2.f * s, 34.f * s, 18.f * s, color_alpha(p->skin_line, 0.9f));
    draw_pop(d);
}

void character_draw_torso(Draw *d, const RigLayout *r, const Palette *p, TopStyle style)
{
    float S = r->scale, ta = r->torso_angle;
    Vec2 rt = v2(cosf(ta), sinf(ta)), upv = v2(sinf(ta), -cosf(ta));
    bool swap = r->shoulder[RIG_R].x > r->shoulder[RIG_L].x;
    RigVec sl = r->shoulder[swap ? RIG_L : RIG_R], sr = r->shoulder[swap ? RIG_R : RIG_L];
    float aw = r->arm_w;
#define AT(base, a, b) v2((base).x + rt.x * (a) + upv.x * (b), (base).y + rt.y * (a) + upv.y * (b))
    /* The outline: neck base, trapezius, shoulder cap, flank, and back up.
     * It is concave at the armpits, and a concave fill is cut into long
     * slivers (slow on the software renderer) where a convex one is filled
     * in slabs, so the fill is three convex pieces, the body and two
     * shoulder caps, under one outline. */
    Vec2 neck_l = AT(r->chest, -24.f * S, 4.f * S), neck_r = AT(r->chest, 24.f * S, 4.f * S);
    Vec2 cap_top_l = AT(sl, 6.f * S, aw * 0.72f), cap_top_r = AT(sr, -6.f * S, aw * 0.72f);
    Vec2 flank_l = AT(r->hip, -(r->torso_w * 0.92f), 150.f * S), flank_r = AT(r->hip, r->torso_w * 0.92f, 150.f * S);
    Vec2 hip_l = AT(r->hip, -(r->torso_w * 0.88f), -10.f * S), hip_r = AT(r->hip, r->torso_w * 0.88f, -10.f * S);
    /* The trapezius bows a little outwards, keeping the body piece convex. */
    Vec2 trap_l = lerp2(neck_l, cap_top_l, 0.5f), trap_r = lerp2(cap_top_r, neck_r, 0.5f);
    trap_l = v2(trap_l.x + upv.x * 1.f * S, trap_l.y + upv.y * 1.f * S);
    trap_r = v2(trap_r.x + upv.x * 1.f * S, trap_r.y + upv.y * 1.f * S);
    Vec2 tl[5], tr[5], cl[8], cr[8];
    character_curve3(tl, 5, neck_l, trap_l, cap_top_l);
    character_curve3(tr, 5, cap_top_r, trap_r, neck_r);
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
    /* The outline of the whole, open across the neck: closed, its last
     * edge drew a hard line where the neck meets the top. */
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
    draw_stroke(d, pts, n, 2.6f * S, p->top_line);

    /* Necklines and fronts by the style of the top. */
    float depth = 26.f + 6.f * r->slump;
    float nw = 25.f;
    if (style == TOP_SHIRT)
        depth += 18.f, nw = 22.f;
    else if (style == TOP_BLOUSE)
        depth += 8.f, nw = 29.f;
    if (style == TOP_CARDIGAN) {
        /* Open front: the top underneath shows between the edges. */
        /* Its top stays under the neckline's, or its edge shows as a light
         * line across the neck. */
        Vec2 panel[6] = {AT(r->chest, -28.f * S, 3.f * S), AT(r->chest, -8.f * S, -120.f * S),
                         AT(r->hip, -8.f * S, -10.f * S),  AT(r->hip, 8.f * S, -10.f * S),
                         AT(r->chest, 8.f * S, -120.f * S), AT(r->chest, 28.f * S, 3.f * S)};
        draw_shape(d, panel, 6, p->accent);
        depth = 18.f;
    }
    Vec2 nl[10];
    int nn = character_curve3(nl, 10, AT(r->chest, -nw * S, 5.f * S), AT(r->chest, 0.f, -depth * S),
                              AT(r->chest, nw * S, 5.f * S));
    draw_shape(d, nl, nn, p->skin_shadow);
    draw_glow_ellipse(d, r->chest.x, r->chest.y - 2.f * S, 20.f * S, 8.f * S, color_alpha(p->skin_line, 0.35f));
    /* A jumper's neckline is a ribbed band of its own colour: a light band
     * there reads at play size as a necklace. */
    Color band = style == TOP_CARDIGAN ? color_shade(p->accent, 0.85f) : style == TOP_BLOUSE ? p->accent : p->top_shade;
    if (style != TOP_SHIRT)
        draw_stroke_tapered(d, nl, nn, 5.f * S, 8.f * S, 5.f * S, band);
    switch (style) {
    case TOP_SHIRT:
        /* Collar points either side of the open neck, a placket and buttons. */
        for (int sd = -1; sd <= 1; sd += 2) {
            Vec2 col[4] = {AT(r->chest, sd * 27.f * S, 8.f * S), AT(r->chest, sd * 38.f * S, -30.f * S),
                           AT(r->chest, sd * 6.f * S, -(depth + 2.f) * S), AT(r->chest, sd * 20.f * S, 0.f)};
            character_shape_outlined(d, col, 4, color_shade(p->top, 1.12f), p->top_line, 2.f * S);
        }
        {
            Vec2 a = AT(r->chest, 0.f, -(depth + 2.f) * S), b = AT(r->hip, 0.f, 40.f * S);
            Vec2 pl[2] = {a, b};
            draw_stroke(d, pl, 2, 1.8f * S, color_alpha(p->top_line, 0.7f));
            for (int i = 0; i < 3; i++) {
                Vec2 c = lerp2(a, b, 0.1f + 0.22f * (float)i);
                character_circle(d, c.x + 3.5f * S, c.y, 2.6f * S, p->accent);
            }
        }
        break;
    case TOP_HOODIE:
        /* The hood bunches at the sides of the neck; drawstrings hang down. */
        for (int sd = -1; sd <= 1; sd += 2) {
            Vec2 a = AT(r->chest, sd * 52.f * S, -6.f * S), m = AT(r->chest, sd * 40.f * S, 10.f * S),
                 b = AT(r->chest, sd * 22.f * S, 14.f * S);
            character_line3(d, a, m, b, 10.f * S, 15.f * S, 9.f * S, p->top_line);
            character_line3(d, a, m, b, 7.f * S, 12.f * S, 6.f * S, color_shade(p->top, 0.95f));
            Vec2 s0 = AT(r->chest, sd * 11.f * S, -6.f * S), s1 = AT(r->chest, sd * 14.f * S, -72.f * S);
            character_line3(d, s0, lerp2(s0, s1, 0.5f), s1, 2.6f * S, 2.6f * S, 2.6f * S, p->accent);
            character_circle(d, s1.x, s1.y + 3.f * S, 3.f * S, color_shade(p->accent, 0.7f));
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
                    character_circle(d, c.x, c.y, 3.f * S, color_shade(p->top, 0.6f));
                }
        }
        break;
    }
    case TOP_BLOUSE:
        /* A soft rounded collar lying flat either side of the neck. */
        for (int sd = -1; sd <= 1; sd += 2) {
            Vec2 c = AT(r->chest, sd * 17.f * S, -12.f * S);
            character_ellipse_outlined(d, c.x, c.y, 17.f * S, 11.f * S, ta + sd * 0.45f, p->accent,
                                       color_shade(p->accent, 0.7f), 1.8f * S);
        }
        break;
    default:
        draw_stroke_tapered(d, nl, nn, 1.f * S, 1.4f * S, 1.f * S, color_alpha(color_shade(p->accent, 0.6f), 0.6f));
        break;
    }
    /* A couple of fabric folds; a slump adds a crease across the middle. */
    Vec2 f1a = AT(sl, aw * 1.2f, -aw * 1.6f), f1b = AT(sl, aw * 2.4f, -aw * 3.2f);
    character_line3(d, f1a, lerp2(f1a, f1b, 0.5f), f1b, 0.5f * S, 2.f * S, 0.5f * S, color_alpha(p->top_line, 0.5f));
    Vec2 f2a = AT(sr, -aw * 1.2f, -aw * 1.6f), f2b = AT(sr, -aw * 2.4f, -aw * 3.2f);
    character_line3(d, f2a, lerp2(f2a, f2b, 0.5f), f2b, 0.5f * S, 2.f * S, 0.5f * S, color_alpha(p->top_line, 0.5f));
    if (r->slump > 0.05f) {
        Vec2 a = AT(r->hip, -r->torso_w * 0.6f, 120.f * S), b = AT(r->hip, r->torso_w * 0.6f, 120.f * S);
        character_line3(d, a, AT(r->hip, 0.f, 112.f * S), b, 0.5f * S, 2.6f * S, 0.5f * S,
                        color_alpha(p->top_line, 0.8f * r->slump));
    }
#undef AT
}

void character_draw_upper_arm(Draw *d, const RigLayout *r, const Palette *p, int side)
{
    Vec2 s = v2(r->shoulder[side].x, r->shoulder[side].y), e = v2(r->elbow[side].x, r->elbow[side].y);
    /* The arm's round top starts a little down the arm, so it stays under
     * the torso's shoulder cap instead of poking out above it as a tab. */
    float len = hypotf(e.x - s.x, e.y - s.y);
    if (len > 1e-3f) {
        float in = fminf(r->arm_w * 0.35f, len * 0.3f) / len;
        s = v2(s.x + (e.x - s.x) * in, s.y + (e.y - s.y) * in);
    }
    character_capsule_outlined(d, s, e, r->arm_w, r->arm_w * 0.86f, color_shade(p->top, 0.92f), p->top_line,
                               2.6f * r->scale);
}

void character_draw_forearm(Draw *d, const RigLayout *r, const Palette *p, int side)
{
    float S = r->scale;
    Vec2 e = v2(r->elbow[side].x, r->elbow[side].y), h = v2(r->hand[side].x, r->hand[side].y);
    Vec2 dir = v2(h.x - e.x, h.y - e.y);
    float len = sqrtf(dir.x * dir.x + dir.y * dir.y);
    Vec2 u = len > 1e-3f ? v2(dir.x / len, dir.y / len) : v2(0.f, 1.f);
    /* Sleeves are pushed up: cloth to mid-forearm, then skin to the wrist. */
    Vec2 cuff = lerp2(e, h, 0.45f);
    Vec2 wrist = v2(h.x - u.x * 4.f * S, h.y - u.y * 4.f * S);
    character_capsule_outlined(d, cuff, wrist, 12.5f * S, 10.f * S, p->skin, p->skin_line, 2.2f * S);
    character_capsule_outlined(d, e, cuff, r->arm_w * 0.9f, r->arm_w * 0.95f, color_shade(p->top, 0.92f), p->top_line,
                               2.6f * S);
    Vec2 nrm = v2(-u.y, u.x);
    float cw = r->arm_w * 0.95f;
    Vec2 band[3] = {v2(cuff.x + nrm.x * cw, cuff.y + nrm.y * cw), cuff, v2(cuff.x - nrm.x * cw, cuff.y - nrm.y * cw)};
    draw_stroke(d, band, 3, 2.f * S, color_alpha(p->top_line, 0.8f));
}
