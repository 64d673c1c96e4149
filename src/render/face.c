/* Unsaid - face.c: the head and the face on it.
 *
 * Drawn in the head's frame (see character_parts.h): the ears, the face's
 * shape and shading, cheeks and forehead lines, then the features in order
 * (eyes and brows, beard, tears, nose, mouth, glasses), and last the front
 * hair and the hearing aids' hooks over it. The nose and the mouth live
 * here; nothing else draws them.
 */
#include "character_parts.h"

#include <math.h>

/* A canvas point in the head's frame (inverse of character_push_head_frame). */
static Vec2 head_local(const RigLayout *r, RigVec p)
{
    float dx = p.x - r->head.x, dy = p.y - r->head.y;
    float c = cosf(-r->head_angle), s = sinf(-r->head_angle);
    float x = (dx * c - dy * s) / r->head_scale, y = (dx * s + dy * c) / r->head_scale;
    return v2(r->mirror ? -x : x, y);
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
    character_curve3(line, N, cr, v2(mc.x + turn * 1.f, mid_y), cl);
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
        character_line3(d, a, v2(mc.x + s * (half + 2.f + 3.f * a12 - 4.f * a20), (a.y + b.y) * 0.5f - 2.f), b, 0.5f,
                        1.8f, 0.4f, color_alpha(p->skin_line, clampf(fold, 0.f, 0.85f)));
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
            character_line3(d, v2(c.x - s * 1.f, c.y + 1.f), v2(c.x + s * 2.5f, c.y - 1.f),
                            v2(c.x + s * 3.f, c.y - 4.f), 1.4f, 1.4f, 0.3f,
                            color_alpha(p->skin_line, clampf(upw, 0.f, 0.8f)));
        if (a15 > 0.05f)
            character_line3(d, v2(c.x + s * 1.f, c.y + 1.f), v2(c.x + s * 3.f, c.y + 5.f),
                            v2(c.x + s * 3.5f, c.y + 10.f), 1.4f, 1.2f, 0.3f, color_alpha(p->skin_line, 0.7f * a15));
    }
    if (a23 > 0.05f) { /* tightened: the lips' edges roll in, firm and dark */
        draw_stroke_tapered(d, top, N, 0.4f, 1.6f, 0.4f, color_alpha(p->lips_dark, 0.6f * a23));
        draw_stroke_tapered(d, bot, N, 0.4f, 1.6f, 0.4f, color_alpha(p->lips_dark, 0.6f * a23));
    }
    if (a20 > 0.05f) { /* stretched: the skin beyond the corners creases */
        for (int s = -1; s <= 1; s += 2) {
            Vec2 c = s < 0 ? cr : cl;
            character_line3(d, v2(c.x + s * 4.f, c.y - 6.f), v2(c.x + s * 6.f, c.y), v2(c.x + s * 4.f, c.y + 6.f), 0.3f,
                            1.4f, 0.3f, color_alpha(p->skin_line, 0.7f * a20));
        }
    }
    if (a24 > 0.05f) { /* bunched skin above and below the pressed lips */
        character_line3(d, v2(mc.x - half * 0.6f, top[N / 2].y - 3.f), v2(mc.x, top[N / 2].y - 4.f),
                        v2(mc.x + half * 0.6f, top[N / 2].y - 3.f), 0.3f, 1.2f, 0.3f,
                        color_alpha(p->skin_line, 0.45f * a24));
        character_line3(d, v2(mc.x - half * 0.5f, bot[N / 2].y + 3.f), v2(mc.x, bot[N / 2].y + 4.5f),
                        v2(mc.x + half * 0.5f, bot[N / 2].y + 3.f), 0.3f, 1.2f, 0.3f,
                        color_alpha(p->skin_line, 0.45f * a24));
    }
    /* Under the lower lip: the chin fold, strong when AU17 pushes it up. */
    float ly = bot[N / 2].y;
    character_line3(d, v2(mc.x - 8.f, ly + 5.f), v2(mc.x, ly + 3.5f - 1.5f * a17), v2(mc.x + 8.f, ly + 5.f), 0.4f,
                    1.6f + a17, 0.4f, color_alpha(p->skin_line, 0.25f + 0.5f * a17));
    if (a17 > 0.05f) { /* the chin boss bunches and dimples */
        draw_glow_ellipse(d, mc.x, ly + 14.f, 12.f, 6.f, color_alpha(p->skin_line, 0.3f * a17));
        for (int i = 0; i < 4; i++)
            character_circle(d, mc.x - 6.f + 4.f * i, ly + 13.f + (i % 2) * 2.f, 1.1f,
                             color_alpha(p->crease, 0.45f * a17));
    }
}

/* ---- nose --------------------------------------------------------------------- */

static void draw_nose(Draw *d, const Palette *p, float nx, float ny, float a9)
{
    float lift = 3.f * a9;
    /* Bridge shading on the side away from the lamp: a shade, not a line,
     * or it reads as a stripe down the face. */
    character_fold3(d, v2(nx + 6.f, ny - 26.f), v2(nx + 8.f, ny - 12.f), v2(nx + 10.f, ny - 2.f), 4.f,
                    color_alpha(p->skin_line, 0.4f));
    draw_glow_ellipse(d, nx, ny + 5.f - lift, 11.f, 3.5f, color_alpha(p->skin_line, 0.35f));
    draw_glow_ellipse(d, nx - 2.f, ny - 4.f - lift, 5.f, 3.f, color_rgba(255, 245, 235, 45));
    for (int s = -1; s <= 1; s += 2) { /* nostril wings */
        character_line3(d, v2(nx + s * 8.f, ny - 6.f - lift), v2(nx + s * 11.f, ny - 1.f - lift),
                        v2(nx + s * 5.f, ny + 3.f - lift), 0.6f, 1.8f, 0.6f, color_alpha(p->skin_line, 0.85f));
        draw_ellipse(d, nx + s * 3.8f, ny + 2.2f - lift, 2.6f, 1.3f, s * 0.3f, color_alpha(p->crease, 0.55f));
    }
    character_line3(d, v2(nx - 4.f, ny + 3.5f - lift), v2(nx, ny + 4.5f - lift), v2(nx + 4.f, ny + 3.5f - lift), 0.4f,
                    1.2f, 0.4f, color_alpha(p->skin_line, 0.5f));
    if (a9 > 0.05f) { /* wrinkles across the bridge */
        Color c = color_alpha(p->crease, 0.85f * a9);
        for (int i = 0; i < 3; i++) {
            float y = ny - 26.f + 4.5f * (float)i;
            character_line3(d, v2(nx - 7.f, y + 1.f), v2(nx, y - 1.5f), v2(nx + 7.f, y + 1.f), 0.3f, 1.4f, 0.3f, c);
        }
        for (int s = -1; s <= 1; s += 2)
            character_line3(d, v2(nx + s * 9.f, ny - 14.f), v2(nx + s * 13.f, ny - 10.f), v2(nx + s * 15.f, ny - 5.f),
                            0.3f, 1.3f, 0.3f, c);
    }
}

/* ---- the face ------------------------------------------------------------------ */

void character_draw_head(Draw *d, const Look *look, const RigLayout *r, const Pose *pose, const Palette *p,
                                double t)
{
    float jaw = clampf(pose->v[P_AU26], 0, 1);
    float turn = r->head_turn;
    float youth = look->age == AGE_CHILD ? 1.f : look->age == AGE_TEEN ? 0.4f : 0.f;
    float elder = look->age == AGE_ELDER ? 1.f : 0.f;
    character_push_head_frame(d, r);
    /* Ears, unless long hair covers them. */
    if (look->hair_style != HAIR_LONG || look->hearing_aid) {
        for (int s = -1; s <= 1; s += 2) {
            float ex = s * (57.f - 3.f * turn * s) + turn * 2.f;
            if (look->hearing_aid)
                character_draw_hearing_aid(d, ex, (float)s, false);
            character_ellipse_outlined(d, ex, 4.f, 10.f, 16.f, s * 0.12f, p->skin, p->skin_line, 2.4f);
            character_line3(d, v2(ex + s * 3.f, -7.f), v2(ex + s * 5.f, 3.f), v2(ex + s * 1.f, 13.f), 0.5f, 2.f, 0.5f,
                            color_alpha(p->skin_line, 0.7f));
        }
    }
    Vec2 face[DRAW_MAX_POINTS];
    int n = head_outline(face, jaw, turn, youth);
    draw_shape(d, face, n, p->skin);
    /* Far-side shade: the lamp is above and slightly to the character's
     * right. Soft ramps across the face, with no edge of their own: an
     * edge inside a face reads as a stripe, or on a cheek as a tear track. */
    draw_shape_ramp(d, face, n, v2(30.f + turn * 10.f, 0.f), v2(100.f + turn * 10.f, 0.f),
                    color_alpha(p->skin_shadow, 0.42f));
    draw_shape_ramp(d, face, n, v2(0.f, 92.f + 12.f * jaw), v2(0.f, 158.f + 12.f * jaw),
                    color_alpha(p->skin_shadow, 0.45f));
    character_outline(d, face, n, 2.6f, p->skin_line);

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
    /* Around the eyes AU6 shows early: a small felt smile's crinkle must
     * still tell it from a smile of the mouth alone. */
    float a6e = a6 * (2.f - a6);
    for (int s = 0; s < 2; s++) {
        float sx = s ? 1.f : -1.f;
        Vec2 ck = v2(eye_c[s].x + sx * 6.f, eye_c[s].y + 26.f - 11.f * a6e);
        draw_glow_ellipse(d, ck.x, ck.y, 17.f + 3.f * flush, 10.f + 2.f * flush,
                     color_alpha(p->blush, 0.16f + 0.6f * flush));
        if (a6 > 0.05f) { /* the cheek apple bunches up under the eye */
            draw_glow_ellipse(d, ck.x, ck.y - 3.f, 14.f, 7.f, color_rgba(255, 240, 225, (uint8_t)(60 * a6e)));
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
            character_line3(d, v2(turn * 8.f - w, y + 2.f), v2(turn * 8.f, y - 2.f * a1), v2(turn * 8.f + w, y + 2.f),
                            0.3f, 1.4f, 0.3f, c);
        }
    }
    if (elder > 0.f && a1 <= 0.1f && a2 <= 0.3f) { /* an elder's forehead lines at rest */
        for (int i = 0; i < 2; i++) {
            float y = -38.f - 7.f * (float)i;
            character_line3(d, v2(turn * 8.f - 26.f, y + 2.f), v2(turn * 8.f, y - 1.f), v2(turn * 8.f + 26.f, y + 2.f),
                            0.3f, 1.3f, 0.3f, color_alpha(p->crease, 0.35f));
        }
    }
    /* Brow furrow: short vertical creases between the brows. */
    if (a4 > 0.1f) {
        Color c = color_alpha(p->crease, 0.85f * a4);
        float bx = (eye_c[0].x + eye_c[1].x) * 0.5f, by = eye_c[0].y;
        for (int s = -1; s <= 1; s += 2)
            character_line3(d, v2(bx + s * 3.5f, by - 24.f), v2(bx + s * 4.5f, by - 17.f), v2(bx + s * 3.f, by - 10.f),
                            0.4f, 1.6f, 0.4f, c);
    }

    /* Eyes. */
    float gx = clampf(pose->v[P_GAZE_X], -1, 1), gy = clampf(pose->v[P_GAZE_Y], -1, 1);
    float a5 = clampf(pose->v[P_AU5], 0, 1), a7 = clampf(pose->v[P_AU7], 0, 1);
    float tears = clampf(pose->v[P_TEARS], 0, 1), a43 = clampf(pose->v[P_AU43], 0, 1);
    float blink = character_eye_closure(pose, t, look->body.phase);
    float gd = fmaxf(gy, 0.f), gu = fmaxf(-gy, 0.f);
    EyeState es;
    /* Upper lids follow the eyes down, riding on the iris (eyes.c drops
     * the iris further): the clearest sign of looking away. The lower lid
     * drops a little with them, so the eye stays open, only lower: a
     * downcast eye is not a sleepy one, whose lids close on a centred iris. */
    es.up = ry * (1.f + 0.55f * a5 - 0.45f * a7 - 0.2f * a6e - 0.62f * gd + 0.15f * gu -
                  0.12f * fmaxf(r->head_pitch, 0.f)) * (1.f - blink);
    es.up = fmaxf(es.up, 0.f);
    /* AU6 narrows the eye from below: the cheek pushes the lower lid up. */
    es.low = ry * 0.62f * (1.f - 0.62f * a6e - 0.4f * a7 + 0.25f * a5 + 0.35f * gd) * (1.f - blink);
    es.low = fmaxf(es.low, 0.f);
    es.gx = gx;
    es.gy = gy;
    es.au5 = a5;
    es.au6 = a6e;
    es.au7 = a7;
    es.tears = tears;
    es.lines = elder;
    es.au43 = a43;
    es.shut = blink;
    es.rest_up = ry;
    character_draw_eye(d, p, eye_c[0], rx, 1.f, &es, t);
    character_draw_eye(d, p, eye_c[1], rx, -1.f, &es, t);
    character_draw_brow(d, p, eye_c[0], 1.f, pose);
    character_draw_brow(d, p, eye_c[1], -1.f, pose);

    float nose_y = (eye_c[0].y + mouth_c.y) * 0.5f + 6.f;
    character_draw_beard(d, p, look->beard, face, n, mouth_c, turn);
    character_draw_tear(d, p, eye_c[0], 1.f, &es, t);
    if (tears > 0.85f)
        character_draw_tear(d, p, eye_c[1], -1.f, &es, t);
    draw_nose(d, p, mouth_c.x * 0.6f + turn * 8.f, nose_y,
              fmaxf(clampf(pose->v[P_AU9], 0, 1), 0.5f * clampf(pose->v[P_AU10], 0, 1)));
    /* On a full beard the folds and marks round the mouth are the beard's
     * own shade: a skin-coloured line drawn over hair reads as a stripe. */
    Palette mouth_p = *p;
    if (look->beard == BEARD_FULL) {
        mouth_p.skin_line = color_mix(p->hair, p->hair_dark, 0.8f);
        mouth_p.crease = p->hair_dark;
    }
    draw_mouth(d, &mouth_p, mouth_c, pose, turn, elder);
    if (look->glasses)
        character_draw_glasses(d, eye_c);

    character_hair_front(d, look->hair_style, p, turn);
    /* The aids' hooks go over the hair, or hair at the temples hides them. */
    if (look->hearing_aid)
        for (int s = -1; s <= 1; s += 2)
            character_draw_hearing_aid(d, s * (57.f - 3.f * turn * s) + turn * 2.f, (float)s, true);
    draw_pop(d);
}
