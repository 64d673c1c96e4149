/* Unsaid - eyes.c: eyes, lids, brows, tears and blinks.
 *
 * Drawn in the head's frame, from an EyeState the face fills in (openings,
 * gaze, the action units that move the lids). Wet eyes must read on every
 * skin: see Palette.dark in character_parts.h.
 */
#include "character_parts.h"

#include <math.h>

/* Outline of the visible eye: upper lid inner->outer, lower lid outer->inner.
 * `in` is +1 when the inner corner is towards +x. */
static int eye_outline(Vec2 *out, Vec2 c, float rx, float in, float up, float low, float drop)
{
    Vec2 inner = v2(c.x + in * rx, c.y + 1.f + drop), outer = v2(c.x - in * rx, c.y - 1.5f + drop);
    int n = draw_bezier_cubic(out, 8, inner, v2(c.x + in * rx * 0.45f, c.y - up * 1.33f),
                              v2(c.x - in * rx * 0.55f, c.y - up * 1.3f), outer);
    n += draw_bezier_cubic(out + n, 7, v2(outer.x + in * 0.5f, outer.y + 0.5f),
                           v2(c.x - in * rx * 0.5f, c.y + low * 1.3f), v2(c.x + in * rx * 0.45f, c.y + low * 1.3f),
                           v2(inner.x - in * 0.5f, inner.y + 0.3f));
    return n;
}

void character_draw_eye(Draw *d, const Palette *p, Vec2 c, float rx, float in, const EyeState *e, double t)
{
    Vec2 pts[32];
    /* Looking down, the corners sink a little with the lids, so the upper
     * lid keeps its arch over the lowered iris instead of lying flat. */
    float gd = fmaxf(e->gy, 0.f), drop = 1.8f * gd;
    Vec2 inner = v2(c.x + in * rx, c.y + 1.f + drop), outer = v2(c.x - in * rx, c.y - 1.5f + drop);
    float open = e->up + e->low;
    if (open < 1.8f) {
        /* Closed: a lash line curving down and a hint of the lid crease. A
         * held close (AU43) shades the whole lid, so it reads as rest. */
        if (e->au43 > 0.5f)
            draw_glow_ellipse(d, c.x, c.y - 4.f, rx * 1.2f, 8.f, color_alpha(p->skin_line, 0.35f));
        character_line3(d, inner, v2(c.x, c.y + 2.5f), outer, 1.4f, 2.8f, 2.f, p->lash);
        character_line3(d, v2(inner.x - in * 2.f, c.y - 6.f), v2(c.x, c.y - 8.f), v2(outer.x + in * 2.f, c.y - 6.f),
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
    int n = eye_outline(pts, c, rx, in, e->up, e->low, drop);
    Color sclera = p->sclera;
    if (wet > 0.05f) /* light skin's whites redden; deep skin's would only look grey */
        sclera = color_mix(sclera, color_hex(0xF2CFC8), 0.55f * wet * (1.f - 0.6f * p->dark));
    draw_shape(d, pts, n, sclera);

    /* Iris and pupil, clipped to the eye so the lids cover them. */
    float ir = rx * 0.56f;
    /* Looking down, the iris sinks to the lower lid, and the upper lid
     * (face.c) rides down on it. */
    Vec2 ic = v2(c.x + e->gx * rx * 0.48f, c.y - 0.5f + e->gy * 5.5f + 2.5f * gd);
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
        Color spark = color_rgba(255, 255, 255, (uint8_t)(190.f * wet));
        m = draw_ellipse_points(circ, 8, ic.x + ir * 0.38f, ic.y + ir * 0.2f, hl * 0.42f, hl * 0.42f, 0.f);
        draw_shape_clipped(d, circ, m, pts, n, spark);
    }

    /* Upper lid: lash line, thicker towards the outer corner, and the crease.
     * The crease stays nearer its place as the lid comes down, so the lid
     * between shows: smooth and lit when the eyes look down (the lid is
     * stretched over the eye), heavy and shaded when they are closing. */
    float crease = 0.55f * e->up + 0.45f * e->rest_up + 5.f + 2.f * e->au5;
    float lid_y = c.y - e->up * 0.98f;
    float heavy = clampf((e->shut - 0.15f) * 1.6f, 0.f, 1.f) * clampf((1.f - e->shut) * 6.f, 0.f, 1.f);
    if (heavy > 0.02f)
        draw_glow_ellipse(d, c.x - in * 1.f, (lid_y + c.y - crease) * 0.5f, rx * 1.05f, (lid_y - c.y + crease) * 0.6f + 2.f,
                          color_alpha(p->skin_line, 0.45f * heavy));
    if (gd > 0.05f)
        draw_glow_ellipse(d, c.x - in * 1.f, (lid_y + c.y - crease) * 0.5f, rx * 0.9f, (lid_y - c.y + crease) * 0.5f + 1.f,
                          color_rgba(255, 240, 225, (uint8_t)(55.f * gd)));
    Vec2 up[14];
    int un = draw_bezier_cubic(up, 8, inner, v2(c.x + in * rx * 0.45f, c.y - e->up * 1.33f),
                               v2(c.x - in * rx * 0.55f, c.y - e->up * 1.3f), outer);
    draw_stroke_tapered(d, up, un, 1.2f, 3.2f + 0.6f * gd, 3.4f + 0.6f * gd, p->lash);
    /* The lashes at the outer corner flick out, and down with the gaze. */
    character_line3(d, outer, v2(outer.x - in * 2.f, outer.y - 1.5f + 2.f * gd),
                    v2(outer.x - in * 4.5f, outer.y - 3.5f + 5.5f * gd), 2.4f, 1.6f, 0.4f, p->lash);
    Color crease_col = color_alpha(p->skin_line, 0.6f * (1.f - 0.75f * gd) + 0.3f * heavy);
    character_line3(d, v2(inner.x - in * 2.f, c.y - crease * 0.6f), v2(c.x - in * 1.f, c.y - crease - 1.f),
                    v2(outer.x + in * 1.f, c.y - crease * 0.75f), 0.4f, 1.4f + 0.6f * heavy, 0.6f, crease_col);

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
    draw_stroke_tapered(d, lo, lon, 0.6f, 1.4f + 0.8f * e->au6, 0.6f, lower_col);
    /* Under the lower lid the skin bulges when the cheek pushes it up (AU6,
     * less so AU7): a lit roll just under the lid and a soft furrow below
     * it, shading with no edge. An elder's face keeps a trace at rest. */
    float bag = fmaxf(fmaxf(e->au6, e->au7 * 0.6f), 0.3f * e->lines);
    if (bag > 0.03f) {
        float ly = c.y + e->low * 1.0f;
        draw_glow_ellipse(d, c.x - in * 1.f, ly + 3.5f, rx * 0.8f, 3.4f,
                          color_rgba(255, 238, 220, (uint8_t)(80.f * bag * (1.f - 0.5f * p->dark) + 0.5f)));
        character_fold3(d, v2(c.x - in * rx * 0.85f, ly + 5.f), v2(c.x - in * 1.f, ly + 9.5f),
                        v2(c.x + in * rx * 0.65f, ly + 6.f), 3.6f, color_alpha(p->skin_line, 0.55f * bag));
    }

    /* Crow's feet: the crinkle that makes a smile reach the eyes. Soft folds
     * fanning out from the outer corner, shade rather than lines (a dark
     * line there reads as a scar); faint at rest on an elder's face. */
    float cfa = fmaxf(e->au6, 0.3f * e->lines);
    if (cfa > 0.03f) {
        Color cf = color_alpha(p->skin_line, clampf(0.75f * cfa, 0.f, 0.75f));
        for (int k = 0; k < 3; k++) {
            float dy = -4.f + 4.5f * (float)k;
            Vec2 a = v2(outer.x - in * 3.f, outer.y + dy * 0.45f + 1.f);
            Vec2 b = v2(outer.x - in * 12.f, outer.y + dy * 1.5f + 1.5f);
            Vec2 mid = v2((a.x + b.x) * 0.5f, (a.y + b.y) * 0.5f - 0.8f + 0.5f * (float)k);
            character_fold3(d, a, mid, b, 3.f, cf);
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
        /* Soft, so it reads as light on a wet rim, not a line drawn under
         * the eye. */
        draw_stroke_soft(d, w, wn, 0.6f, 1.6f + 0.6f * p->dark, 0.6f,
                         color_alpha(p->wet_gloss, wet * (0.22f + 0.33f * p->dark) * shimmer));
        character_circle(d, inner.x - in * 2.4f, inner.y + 0.3f, 1.1f + 0.3f * wet,
                         color_alpha(p->wet_gloss, 0.9f * wet));
    }
}

/* A tear running from the lower lid down the cheek: drawn after a beard so
 * the beard does not hide it. A darker edge on one side makes the track
 * stand out on light skin, where pale water barely shows. */
void character_draw_tear(Draw *d, const Palette *p, Vec2 c, float in, const EyeState *e, double t)
{
    if (e->tears <= 0.55f)
        return;
    float k = clampf((e->tears - 0.55f) / 0.45f, 0.f, 1.f);
    float len = 10.f + 42.f * k;
    Vec2 top = v2(c.x - in * 3.f, c.y + e->low * 1.2f + 1.f);
    Vec2 end = v2(top.x - in * 5.f, top.y + len);
    Vec2 track[10], edge[10];
    int tn = character_curve3(track, 10, top, v2(top.x - in * 1.5f, top.y + len * 0.5f), end);
    for (int i = 0; i < tn; i++)
        edge[i] = v2(track[i].x + in * 1.6f, track[i].y + 0.4f);
    draw_stroke_tapered(d, edge, tn, 1.2f, 1.6f, 1.2f, color_alpha(p->skin_line, 0.55f * (1.f - p->dark)));
    draw_stroke_tapered(d, track, tn, 3.f, 2.6f, 2.f, color_rgba(200, 225, 245, 130));
    draw_stroke_tapered(d, track, tn, 1.f, 1.2f, 0.8f, color_rgba(255, 255, 255, 170));
    float wob = 0.3f * sinf((float)t * 2.3f);
    character_ellipse_outlined(d, end.x, end.y + 2.f, 3.f, 4.2f + wob, 0.f, color_rgba(205, 228, 248, 220),
                               color_mix(color_rgba(140, 170, 200, 200), p->skin_line, 0.5f * (1.f - p->dark)), 0.9f);
    character_circle(d, end.x - 1.f, end.y + 0.8f, 1.1f, color_rgba(255, 255, 255, 240));
}

void character_draw_brow(Draw *d, const Palette *p, Vec2 eye, float in, const Pose *pose)
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
    int n = character_curve3(pts, 8, inner, mid, outer);
    float thick = 1.f + 0.15f * a4;
    draw_stroke_tapered(d, pts, n, 5.2f * thick, 5.4f * thick, 1.8f, p->brow);
}

float character_eye_closure(const Pose *pose, double t, float phase)
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
