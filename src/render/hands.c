/* Unsaid - hands.c: hands, in every pose the lexicon uses.
 *
 * A hand is a palm and five jointed fingers, laid out in the hand's own
 * frame: +x from the wrist along the fingers, the thumb towards +y * ts.
 * Fingers curl in depth, away from the viewer when we see the back of the
 * hand and towards them when we see the palm, so in the picture a curling
 * finger shortens and, past a right angle, folds back over the palm.
 *
 * Drawing, so that overlapping parts share one outline and still read as
 * fingers: first every part's outline, slightly fat, in the line colour;
 * then the fills, each finger with a thin line of its own where it lies on
 * its neighbour; then the palm over the fingers' roots; last, the parts in
 * front of the palm (the thumb on a shown palm, fingers curled over it)
 * each with its full outline.
 *
 * Drawn on the canvas at the rig's hand joint, in units scaled by the rig's
 * scale.
 */
#include "character_parts.h"

#include <math.h>

#define HAND_UNIT 1.22f /* hand units per rig unit */
#define HAND_LW 1.7f    /* outline width, hand units */

typedef struct {
    Vec2 p[3];      /* knuckle, middle joint, tip */
    float r0, r1;   /* half-widths at the knuckle and the tip */
    bool tip_back;  /* the tip has folded back past the knuckle row */
} Finger;

typedef struct {
    Finger f[4]; /* index, middle, ring, little */
    Finger thumb;
    Vec2 palm[10];
    float ts;         /* which side the thumb is on: +1 or -1 along y */
    bool palm_shown;  /* the palm faces the viewer */
    bool thumb_front; /* the thumb lies in front of the palm */
    float curl;       /* 0 straight .. 1 a fist */
} HandShape;

/* Which way the thumb points: towards the body's midline when we see the
 * back of the hand, outwards when the palm faces us. */
static float thumb_side(const RigLayout *r, int side)
{
    float ang = r->hand_angle[side];
    Vec2 nrm = v2(-sinf(ang), cosf(ang));
    float towards_mid = (r->hip.x - r->hand[side].x) * nrm.x;
    float ts = towards_mid >= 0.f ? 1.f : -1.f;
    return r->hand_palm[side] > 0.5f ? -ts : ts;
}

static void finger_chain(Finger *f, Vec2 knuckle, float dir, float l1, float l2, float a1, float a2,
                         float r0, float r1)
{
    Vec2 d = v2(cosf(dir), sinf(dir));
    float p1 = l1 * cosf(a1), p2 = l2 * cosf(a1 + a2);
    f->p[0] = knuckle;
    f->p[1] = v2(knuckle.x + d.x * p1, knuckle.y + d.y * p1);
    f->p[2] = v2(f->p[1].x + d.x * p2, f->p[1].y + d.y * p2);
    f->r0 = r0;
    f->r1 = r1;
    f->tip_back = p1 + p2 < 2.f;
}

/* A wave at hz, 0..1 of a cycle ahead, reduced first so long scenes keep
 * their precision (as the rig's oscillators are). */
static float wave(double t, float hz, float phase)
{
    double cycles = t * (double)hz + (double)phase;
    cycles -= floor(cycles);
    return sinf((float)cycles * 2.f * PI);
}

static void hand_shape(HandShape *h, const RigLayout *r, int side)
{
    float open = clampf(r->hand_open[side], 0.f, 1.f);
    float ts = thumb_side(r, side);
    h->ts = ts;
    h->palm_shown = r->hand_palm[side] >= 0.5f;
    /* A relaxed hand (open 0.6) curls a little; 0.2 and under is a fist. */
    float curl = clampf((0.9f - open) / 0.7f, 0.f, 1.f);
    curl = curl * sqrtf(curl);
    /* Holding the other hand: the fingers bend round it. */
    curl += ((side == RIG_R ? 0.55f : 0.3f) - curl) * clampf(r->hand_clasp[side], 0.f, 1.f);
    h->curl = curl;
    float spread = clampf((open - 0.7f) / 0.3f, 0.f, 1.f);

    /* Palm (or back of the hand): narrow at the wrist, widest across the
     * knuckles, the thumb's pad bulging on its side. */
    const float px[10] = {-11.f, -3.f, 6.f, 12.5f, 15.f, 15.5f, 15.f, 12.5f, 4.f, -11.f};
    const float py[10] = {8.4f, 11.5f, 12.f, 10.5f, 5.f, -1.f, -6.f, -10.f, -10.5f, -8.2f};
    for (int i = 0; i < 10; i++)
        h->palm[i] = v2(px[i], py[i] * ts);

    /* Fingers: knuckle position (x, y from the thumb side), lengths of the
     * part before the middle joint and after it, half-width at the root. */
    const float kx[4] = {13.5f, 14.5f, 14.f, 12.f};
    const float ky[4] = {7.6f, 2.6f, -2.5f, -7.2f};
    const float l1[4] = {10.5f, 11.5f, 11.f, 8.5f};
    const float l2[4] = {9.f, 10.f, 9.5f, 7.5f};
    const float rw[4] = {3.4f, 3.5f, 3.3f, 2.9f};
    const float fan[4] = {0.1f, 0.02f, -0.06f, -0.16f};
    for (int k = 0; k < 4; k++) {
        /* The little finger curls a touch sooner; a fist's knuckles still
         * show a stub of each finger from the viewer's slightly high eye. */
        float c = curl * (1.f + 0.1f * (float)k);
        /* Restless fingers each curl and straighten at their own pace;
         * tapping ones lift in turn, little finger first, and come down. */
        float fk = (float)k;
        c += 0.35f * r->hand_fidget[side] * wave(r->t, 1.3f + 0.37f * fk, 0.29f * fk + 0.5f * (float)side);
        float lift = fmaxf(wave(r->t, 1.8f, 0.16f * (3.f - fk)), 0.f);
        c += 0.7f * r->hand_tap[side] * lift * lift;
        c = clampf(c, 0.f, 1.f);
        float a1 = c * 1.3f, a2 = c * 1.9f;
        float dir = ts * fan[k] * (1.f + 1.6f * spread);
        finger_chain(&h->f[k], v2(kx[k], ky[k] * ts), dir, l1[k], l2[k], a1, a2, rw[k], rw[k] * 0.8f);
        if (!h->palm_shown) {
            /* From the back a folded finger goes under the hand: keep only
             * the stub past the knuckle. */
            float stub = 3.f + 2.f * (1.f - c);
            Vec2 d = v2(h->f[k].p[1].x - h->f[k].p[0].x, h->f[k].p[1].y - h->f[k].p[0].y);
            float len = sqrtf(d.x * d.x + d.y * d.y);
            if (len < stub) {
                Vec2 u = v2(cosf(dir), sinf(dir));
                h->f[k].p[1] = v2(h->f[k].p[0].x + u.x * stub, h->f[k].p[0].y + u.y * stub);
                h->f[k].p[2] = h->f[k].p[1];
                h->f[k].r1 = h->f[k].r0;
            } else if (h->f[k].tip_back) {
                h->f[k].p[2] = h->f[k].p[1];
            }
        }
    }

    /* Thumb: out to the side when open, along the index finger when
     * relaxed, across the front of the folded fingers in a fist. */
    float ta = ts * (-0.55f + 1.35f * open);
    Vec2 tb = v2(1.f, 9.5f * ts);
    Vec2 tdir = v2(cosf(ta), sinf(ta));
    float bend = -ts * 0.35f * curl;
    Vec2 t1 = v2(tb.x + tdir.x * 10.f, tb.y + tdir.y * 10.f);
    Vec2 tdir2 = v2(cosf(ta + bend), sinf(ta + bend));
    Vec2 t2 = v2(t1.x + tdir2.x * 8.5f, t1.y + tdir2.y * 8.5f);
    h->thumb = (Finger){{tb, t1, t2}, 4.6f, 3.4f, false};
    h->thumb_front = h->palm_shown;
}

/* A finger as two tapered capsules meeting at the middle joint, widened by
 * `grow` (negative shrinks). */
static void finger_fill(Draw *d, const Finger *f, float grow, Color c)
{
    /* Straight in the picture (its curl is all in depth) it is one shape:
     * hands are many small parts, and every shape costs. */
    Vec2 a = v2(f->p[1].x - f->p[0].x, f->p[1].y - f->p[0].y), b = v2(f->p[2].x - f->p[1].x, f->p[2].y - f->p[1].y);
    float cross = a.x * b.y - a.y * b.x, dot = a.x * b.x + a.y * b.y;
    if (fabsf(cross) <= 0.05f * fabsf(dot) && dot >= 0.f) {
        character_capsule(d, f->p[0], f->p[2], f->r0 + grow, f->r1 + grow, c);
        return;
    }
    float rm = 0.5f * (f->r0 + f->r1);
    character_capsule(d, f->p[0], f->p[1], f->r0 + grow, rm + grow, c);
    if (f->p[2].x != f->p[1].x || f->p[2].y != f->p[1].y)
        character_capsule(d, f->p[1], f->p[2], rm + grow, f->r1 + grow, c);
}

/* A finger whose part past `from` (0..1 along its first bone) carries a
 * line of its own, so it reads against whatever it lies on. */
static void finger_separate(Draw *d, const Finger *f, float from, float w, Color line)
{
    Finger g = *f;
    g.p[0] = lerp2(f->p[0], f->p[1], from);
    g.r0 = f->r0 + (f->r1 - f->r0) * 0.25f * from;
    finger_fill(d, &g, -HAND_LW * 0.5f + w, line);
}

static void finger_crease(Draw *d, const Finger *f, Color c)
{
    /* A faint crease across the middle joint. */
    Vec2 a = f->p[0], b = f->p[1];
    float dx = b.x - a.x, dy = b.y - a.y, len = sqrtf(dx * dx + dy * dy);
    if (len < 4.f)
        return;
    Vec2 n = v2(-dy / len, dx / len);
    float rw = 0.5f * (f->r0 + f->r1) * 0.55f;
    Vec2 e0 = v2(b.x + n.x * rw, b.y + n.y * rw), e1 = v2(b.x - n.x * rw, b.y - n.y * rw);
    character_line3(d, e0, b, e1, 0.3f, 0.9f, 0.3f, c);
}

static void push_hand_frame(Draw *d, const RigLayout *r, int side)
{
    draw_push(d);
    draw_translate(d, r->hand[side].x, r->hand[side].y);
    draw_rotate(d, r->hand_angle[side]);
    draw_scale_by(d, r->scale * HAND_UNIT, r->scale * HAND_UNIT);
}

void character_draw_hand(Draw *d, const RigLayout *r, const Palette *p, int side, double t)
{
    (void)t;
    HandShape h;
    hand_shape(&h, r, side);
    float ang = r->hand_angle[side];
    Color skin = p->skin, line = p->skin_line;
    Color sep = color_alpha(line, 0.85f), crease = color_alpha(p->crease, 0.45f);
    const float lw = HAND_LW;
    push_hand_frame(d, r, side);
    if (r->hand_clasp[side] > 0.3f && side == RIG_R) {
        /* The upper hand's shadow on the lower one: a soft dark edge that
         * keeps the two apart. */
        Vec2 a = v2(-4.f, -h.ts * 9.f), b = v2(14.f, -h.ts * 9.f);
        character_capsule(d, a, b, 6.f, 5.f, color_alpha(p->crease, 0.35f * r->hand_clasp[side]));
        character_capsule(d, v2(a.x, a.y - h.ts * 1.5f), v2(b.x, b.y - h.ts * 1.5f), 5.f, 4.f,
                          color_alpha(p->crease, 0.3f * r->hand_clasp[side]));
    }

    bool fingers_front = h.palm_shown && h.curl > 0.45f;
    /* 1. One outline around everything. The palm's runs round it from
     * wrist to wrist, but not across: the forearm goes on there. */
    draw_stroke(d, h.palm, 10, lw * 2.f, line);
    for (int k = 0; k < 4; k++)
        finger_fill(d, &h.f[k], lw * 0.5f, line);
    if (!h.thumb_front)
        finger_fill(d, &h.thumb, lw * 0.5f, line);
    /* 2. Fingers behind the palm's edge, each with its line where it lies
     * on the one before. From the back the index finger is on top. */
    if (!fingers_front) {
        for (int i = 0; i < 4; i++) {
            int k = h.palm_shown ? i : 3 - i;
            if (i > 0)
                finger_separate(d, &h.f[k], 0.35f, lw * 0.7f, sep);
            finger_fill(d, &h.f[k], -lw * 0.5f, skin);
        }
    }
    if (!h.thumb_front)
        finger_fill(d, &h.thumb, -lw * 0.5f, skin);
    /* 3. The palm over the roots, shaded away from the lamp (above, to the
     * character's right) as the face is. */
    draw_shape(d, h.palm, 10, skin);
    {
        float m = r->mirror ? -1.f : 1.f;
        float ca = cosf(ang), sa = sinf(ang);
        Vec2 sd = v2(m * ca + 0.7f * sa, -m * sa + 0.7f * ca); /* (m, 0.7) in the hand's frame */
        float sl = sqrtf(sd.x * sd.x + sd.y * sd.y);
        sd = v2(sd.x / sl, sd.y / sl);
        draw_shape_ramp(d, h.palm, 10, v2(3.f + sd.x * 2.f, sd.y * 2.f), v2(3.f + sd.x * 16.f, sd.y * 16.f),
                        color_alpha(p->skin_shadow, 0.7f));
    }
    if (!fingers_front) {
        for (int k = 0; k < 4; k++)
            if (h.curl < 0.7f)
                finger_crease(d, &h.f[k], crease);
    }
    if (h.palm_shown) {
        /* The palm's creases. */
        float ts = h.ts;
        character_line3(d, v2(12.f, -9.f * ts), v2(8.f, -1.f * ts), v2(9.f, 6.f * ts), 0.3f, 1.f, 0.3f, crease);
        character_line3(d, v2(-4.f, 4.f * ts), v2(2.f, 0.f), v2(10.f, 8.5f * ts), 0.3f, 1.f, 0.3f, crease);
    } else {
        /* Knuckles: a light ridge where the fingers start, in a closing hand. */
        if (h.curl > 0.4f)
            for (int k = 0; k < 4; k++) {
                Vec2 kp = h.f[k].p[0];
                character_circle(d, kp.x - 0.5f, kp.y, 2.f, color_rgba(255, 255, 255, (uint8_t)(30 * h.curl)));
            }
        if (h.curl > 0.5f)
            for (int k = 0; k < 3; k++) { /* the grooves between folded fingers */
                Vec2 a = lerp2(h.f[k].p[0], h.f[k + 1].p[0], 0.5f), b = lerp2(h.f[k].p[1], h.f[k + 1].p[1], 0.5f);
                character_line3(d, v2(a.x - 2.f, a.y), lerp2(a, b, 0.5f), v2(b.x + 1.f, b.y), 0.3f, 1.f, 0.4f,
                                color_alpha(line, 0.7f * h.curl));
            }
    }
    /* 4. Parts in front of the palm, each with its own outline. */
    if (fingers_front) {
        for (int k = 3; k >= 0; k--) {
            finger_fill(d, &h.f[k], lw * 0.5f, line);
            finger_fill(d, &h.f[k], -lw * 0.5f, skin);
        }
    }
    if (h.thumb_front) {
        finger_fill(d, &h.thumb, lw * 0.5f, line);
        finger_fill(d, &h.thumb, -lw * 0.5f, skin);
    }
    draw_pop(d);
}

void character_draw_hand_over(Draw *d, const RigLayout *r, const Palette *p, int side)
{
    float neck = clampf(r->hand_neck[side], 0.f, 1.f);
    bool clasp = r->hand_clasp[side] > 0.3f && side == RIG_L;
    if (neck < 0.5f && !clasp)
        return;
    HandShape h;
    hand_shape(&h, r, side);
    Color skin = p->skin, line = p->skin_line;
    const float lw = HAND_LW;
    push_hand_frame(d, r, side);
    if (clasp) {
        /* The lower hand's fingertips come round over the upper hand's
         * edge: the grip, and the interlacing, read from these. */
        for (int k = 3; k >= 0; k--) {
            Finger g = h.f[k];
            g.p[0] = lerp2(g.p[0], g.p[1], 0.5f);
            finger_fill(d, &g, lw * 0.3f, line);
            finger_fill(d, &g, -lw * 0.3f, skin);
        }
    } else {
        /* Fingers laid over the side of the neck, out from behind the jaw,
         * each with its own outline; the jaw (drawn next) covers their
         * roots and the palm. A soft shadow under them sits them on it. */
        /* Only their outer halves show: the hand holds the back of the
         * neck and the fingertips curl round its side, so nothing of it
         * lies across the throat or props the chin. */
        Finger tips[4];
        for (int k = 0; k < 4; k++) {
            tips[k] = h.f[k];
            tips[k].p[0] = lerp2(tips[k].p[1], tips[k].p[0], 0.35f);
        }
        for (int k = 0; k < 4; k++) {
            Finger g = tips[k];
            character_capsule(d, v2(g.p[1].x + 1.5f, g.p[1].y - h.ts * 1.5f), v2(g.p[2].x + 1.f, g.p[2].y - h.ts * 1.5f),
                              g.r0 + 1.f, g.r1 + 1.f, color_alpha(p->crease, 0.25f));
        }
        for (int k = 3; k >= 0; k--) {
            finger_fill(d, &tips[k], lw * 0.5f, line);
            finger_fill(d, &tips[k], -lw * 0.5f, skin);
            finger_crease(d, &tips[k], color_alpha(p->crease, 0.45f));
        }
    }
    draw_pop(d);
}
