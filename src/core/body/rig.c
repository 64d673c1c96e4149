/* Unsaid - rig.c: joint positions from a pose and the scene time.
 *
 * The body is solved in a local frame first (origin at the hips, x to the
 * screen right of an unmirrored character, y down, z towards the viewer),
 * then placed on the canvas. Arms are solved in 3D and projected, because a
 * forearm resting on a table points at the viewer: a flat 2D solver would
 * splay the elbows out like wings.
 *
 * All motion is a pure function of (pose, t): oscillators run at fixed
 * frequencies and cues only change their amplitudes or cross-fade between
 * them, so a cue easing in never makes the phase jump.
 */
#include "rig.h"

#include <math.h>
#include <string.h>

#define TAU 6.2831853f

/* Body proportions in local units at scale 1 (a seated adult whose head is
 * about 150 px tall on the 1280x720 canvas). */
#define CHEST_Y (-250.f)    /* base of the neck above the hips */
#define SHOULDER_Y (-234.f) /* shoulder joints */
#define NECK_LEN 112.f      /* base of neck to head centre */
#define HEAD_RX 60.f
#define HEAD_RY 76.f
#define EYE_X 24.f
#define EYE_Y 2.f
#define EYE_RX 15.5f
#define EYE_RY 10.f
#define MOUTH_Y 50.f
#define UPPER_ARM 122.f
#define FOREARM 114.f
#define TABLE_HAND_Y (-84.f) /* hands resting just behind a table edge */
#define LAP_HAND_Y (-40.f)   /* hands resting on the thighs */
#define STAND_HAND_Y (-58.f) /* standing: hands held together in front, at the belt */

typedef struct {
    float x, y, z;
} V3;

static float clampf(float v, float lo, float hi)
{
    return v < lo ? lo : v > hi ? hi : v;
}

static float osc(double t, float hz, float phase)
{
    /* Reduce the time first so float precision holds over long scenes. */
    double cycles = t * (double)hz + (double)phase;
    cycles -= floor(cycles);
    return sinf((float)cycles * TAU);
}

static V3 v3(float x, float y, float z)
{
    return (V3){x, y, z};
}

static V3 v3_add(V3 a, V3 b)
{
    return v3(a.x + b.x, a.y + b.y, a.z + b.z);
}

static V3 v3_sub(V3 a, V3 b)
{
    return v3(a.x - b.x, a.y - b.y, a.z - b.z);
}

static V3 v3_mul(V3 a, float k)
{
    return v3(a.x * k, a.y * k, a.z * k);
}

static float v3_dot(V3 a, V3 b)
{
    return a.x * b.x + a.y * b.y + a.z * b.z;
}

static float v3_len(V3 a)
{
    return sqrtf(v3_dot(a, a));
}

static V3 v3_norm(V3 a)
{
    float l = v3_len(a);
    return l > 1e-6f ? v3_mul(a, 1.f / l) : v3(0, 1, 0);
}

/* Two-bone IK: the elbow for shoulder s and hand h, bending towards pole.
 * An unreachable hand is pulled back along the arm. */
static V3 solve_elbow(V3 s, V3 *h, V3 pole)
{
    V3 d = v3_sub(*h, s);
    float len = v3_len(d);
    float reach = (UPPER_ARM + FOREARM) * 0.999f;
    V3 dir = v3_norm(d);
    if (len > reach) {
        *h = v3_add(s, v3_mul(dir, reach));
        len = reach;
    }
    if (len < fabsf(UPPER_ARM - FOREARM) + 1.f)
        len = fabsf(UPPER_ARM - FOREARM) + 1.f;
    float a = (UPPER_ARM * UPPER_ARM - FOREARM * FOREARM + len * len) / (2.f * len);
    float hh = sqrtf(fmaxf(UPPER_ARM * UPPER_ARM - a * a, 0.f));
    V3 perp = v3_sub(pole, v3_mul(dir, v3_dot(pole, dir)));
    perp = v3_norm(perp);
    return v3_add(v3_add(s, v3_mul(dir, a)), v3_mul(perp, hh));
}

/* Rotate local point p about the origin o by angle a (y down, + = clockwise
 * on screen, so a point above o moves to the right). */
static RigVec rot_about(RigVec p, RigVec o, float a)
{
    float c = cosf(a), s = sinf(a), x = p.x - o.x, y = p.y - o.y;
    return (RigVec){o.x + x * c - y * s, o.y + x * s + y * c};
}

/* One hand's target arrangement: where it goes, how open, which way the
 * fingers point relative to the forearm, and how much palm shows. */
typedef struct {
    V3 pos;
    float open, twist, palm;
    V3 pole;
} HandTarget;

typedef struct {
    HandTarget t[2];
} HandPair;

void rig_layout(RigLayout *out, const RigBody *body, const RigPlacement *place, const Pose *pose,
                double t)
{
    const float *v = pose->v;
    RigBody b = body ? *body : (RigBody){1.f, 0.5f, 1.f, 0.f};
    if (b.height <= 0.f)
        b.height = 1.f;
    if (b.head <= 0.f)
        b.head = 1.f;
    float ph = b.phase;
    memset(out, 0, sizeof *out);
    out->t = t;

    /* --- breathing: cross-fade fixed-rate oscillators by the rate param --- */
    float rate = clampf(v[P_BREATH_RATE], -1.f, 1.f);
    float slow = osc(t, 0.14f, ph), norm_b = osc(t, 0.25f, ph), fast = osc(t, 0.55f, ph * 1.7f);
    float breath = rate >= 0.f ? norm_b + (fast - norm_b) * rate : norm_b + (slow - norm_b) * -rate;
    float depth = 1.f + 0.8f * clampf(v[P_BREATH_DEPTH], -1.f, 1.f);
    if (rate > 0.f) /* fast breathing is shallow */
        depth *= 1.f - 0.35f * rate;
    breath *= depth;

    /* --- idle sway: two incommensurate slow waves, offset per person; small,
     * because the close shot enlarges it and a sway must never pass for a
     * lean or a turn a player might flag --- */
    float sway = 0.008f * osc(t, 0.11f, ph * 3.1f) + 0.003f * osc(t, 0.29f, ph * 7.3f + 0.2f);
    float head_idle = 0.018f * osc(t, 0.17f, ph * 5.7f + 0.5f);
    float head_idle_pitch = 0.04f * osc(t, 0.13f, ph * 2.3f + 0.8f);

    float slump = clampf(v[P_SLUMP], 0.f, 1.f);
    float shoulders = clampf(v[P_SHOULDERS], -1.f, 1.f);
    float lean = clampf(v[P_LEAN], -1.f, 1.f);
    float turn_away = clampf(v[P_TURN_AWAY], 0.f, 1.f);

    /* --- torso --- */
    float torso_w = (86.f + 26.f * clampf(b.build, 0.f, 1.f)) * (1.f - 0.07f * slump) *
                    (1.f - 0.2f * turn_away);
    torso_w += breath * 0.9f;
    RigVec hip = {0.f, 0.f};
    RigVec chest = {turn_away * 10.f, CHEST_Y + 40.f * slump + 16.f * lean - 4.f * breath};
    float sh_y = SHOULDER_Y + 34.f * slump + 16.f * lean - 18.f * shoulders - 4.5f * breath;
    float sh_x = torso_w - 6.f - 14.f * slump - 4.f * fmaxf(shoulders, 0.f);
    RigVec shoulder[2] = {{chest.x - sh_x, sh_y}, {chest.x + sh_x * (1.f - 0.1f * turn_away), sh_y}};
    float torso_angle = sway;
    chest = rot_about(chest, hip, torso_angle);
    for (int i = 0; i < 2; i++)
        shoulder[i] = rot_about(shoulder[i], hip, torso_angle);

    /* --- head --- */
    float pitch = clampf(v[P_HEAD_DROP], -1.f, 1.f) * 0.75f + 0.45f * slump + head_idle_pitch;
    float nod = clampf(v[P_NOD], 0.f, 1.f) * osc(t, 1.6f, 0.f);
    pitch += 0.4f * nod;
    float turn = clampf(v[P_HEAD_TURN], -1.f, 1.f) + 0.65f * turn_away +
                 0.45f * clampf(v[P_SHAKE], 0.f, 1.f) * osc(t, 2.1f, 0.f);
    turn = clampf(turn, -1.f, 1.f);
    float roll = 0.3f * clampf(v[P_HEAD_TILT], -1.f, 1.f) + head_idle;
    float hb = b.head * (1.f + 0.05f * lean);
    float hs = hb * (place && place->head > 0.f ? place->head : 1.f);
    /* Raised shoulders hide the neck, so the head rises less than they do.
     * A shot's larger head grows upwards from the chin: the neck keeps its
     * length. */
    RigVec head = {chest.x + turn * 4.f,
                   chest.y - NECK_LEN * hb - HEAD_RY * (hs - hb) + 20.f * fmaxf(pitch, 0.f) + 14.f * slump +
                       6.f * shoulders + 5.f * nod};
    head = rot_about(head, chest, torso_angle * 0.6f);

    /* Features in the head's own frame, then rotated by the roll. */
    float feat_dx = turn * 9.f, feat_dy = pitch * 10.f;
    RigVec eye_l[2] = {{-EYE_X + feat_dx, EYE_Y + feat_dy}, {EYE_X + feat_dx, EYE_Y + feat_dy}};
    RigVec mouth_l = {feat_dx * 1.1f, MOUTH_Y + feat_dy * 0.7f};

    /* --- hands: blend target arrangements by weight --- */
    HandPair rest;
    /* Forearms lie on the table angled inwards, elbows out: the classic
     * seated pose, and it keeps the hands large and visible. */
    V3 pole_r = v3(-0.75f, 0.8f, -0.3f), pole_l = v3(0.75f, 0.8f, -0.3f);
    /* With no table, hands rest on the thighs: lower, nearer the viewer, and
     * a little further in, where the thighs are. */
    bool standing = place && place->standing;
    bool lap = place && !place->table && !standing;
    float rest_y = lap ? LAP_HAND_Y : TABLE_HAND_Y, rest_z = lap ? 92.f : 34.f, rest_x = lap ? 50.f : 60.f;
    rest.t[RIG_R] = (HandTarget){v3(-rest_x, rest_y, rest_z), 0.6f, -0.3f, 0.f, pole_r};
    rest.t[RIG_L] = (HandTarget){v3(rest_x, rest_y, rest_z), 0.6f, 0.3f, 0.f, pole_l};
    /* Standing with nothing to lean on, hands are held loosely together in
     * front, at the belt: in the shot, and free to move to any cue. */
    /* Sitting side-on, the thighs run off to the screen's left and the
     * hands rest on them there, one behind the other. */
    bool side = lap && place->side;
    if (side) {
        rest.t[RIG_R] = (HandTarget){v3(-74.f, LAP_HAND_Y + 4.f, 86.f), 0.6f, -0.1f, 0.f, pole_r};
        rest.t[RIG_L] = (HandTarget){v3(-16.f, LAP_HAND_Y - 2.f, 92.f), 0.6f, 0.9f, 0.f, pole_l};
    }
    bool free_standing = standing && !(place && place->table);
    if (free_standing) {
        rest_y = STAND_HAND_Y;
        rest_z = 70.f;
        rest_x = 34.f;
        rest.t[RIG_R] = (HandTarget){v3(-22.f, STAND_HAND_Y, 72.f), 0.55f, 0.7f, 0.1f, pole_r};
        rest.t[RIG_L] = (HandTarget){v3(20.f, STAND_HAND_Y + 6.f, 76.f), 0.5f, -0.7f, 0.f, pole_l};
    }

    enum { NT = 9 };
    /* A touch either reaches the neck or it is no touch: a hand 40% of the
     * way there would rest on the chest and say something else. So even a
     * subtle amount (0.4) arrives; the curve eases in and out. */
    float neck = 1.f - clampf(v[P_TOUCH_NECK] / 0.4f, 0.f, 1.f);
    neck = 1.f - neck * neck;
    const float w[NT] = {v[P_WRING], v[P_FIDGET], v[P_ARMS_CROSSED], neck, v[P_TOUCH_FACE],
                         v[P_FISTS], v[P_PALMS_OPEN], v[P_HIDE_HANDS], v[P_TAP]};
    HandPair targets[NT];
    /* Wringing: the hands hold each other in front and rub, one over the
     * other, in small opposite circles: they never come apart. */
    {
        float a = (float)fmod(t * 1.25, 1.0) * TAU;
        float ca = cosf(a), sa = sinf(a);
        targets[0].t[RIG_R] = (HandTarget){v3(-13.f + 5.f * ca, -104.f + 4.f * sa, 78.f), 0.4f,
                                           0.f, 0.f, pole_r};
        targets[0].t[RIG_L] = (HandTarget){v3(13.f - 5.f * ca, -96.f - 4.f * sa, 80.f), 0.4f,
                                           0.f, 0.f, pole_l};
    }
    /* Fidgeting: hands closer together, small restless offbeat moves. */
    {
        float j1 = osc(t, 2.3f, ph), j2 = osc(t, 1.7f, ph + 0.3f), j3 = osc(t, 3.1f, ph + 0.6f);
        targets[1].t[RIG_R] = (HandTarget){v3(-36.f + 6.f * j1, -90.f + 4.f * j3, 74.f), 0.45f + 0.3f * j2,
                                           0.5f + 0.3f * j3, 0.f, pole_r};
        targets[1].t[RIG_L] = (HandTarget){v3(34.f + 5.f * j2, -92.f + 3.f * j1, 74.f), 0.5f + 0.3f * j1,
                                           -0.5f + 0.3f * j2, 0.f, pole_l};
    }
    /* Arms crossed: each hand tucks against the other arm. */
    targets[2].t[RIG_R] = (HandTarget){v3(shoulder[RIG_L].x - 18.f, sh_y + 72.f, 34.f), 0.6f, -0.5f,
                                       0.f, v3(-0.4f, 1.f, -0.3f)};
    targets[2].t[RIG_L] = (HandTarget){v3(shoulder[RIG_R].x + 22.f, sh_y + 104.f, 44.f), 0.6f, 0.5f,
                                       0.f, v3(0.4f, 1.f, -0.3f)};
    /* Touching the neck: the right hand goes up the side of the neck, the
     * palm behind the corner of the jaw and the fingers laid over the neck
     * below it; the elbow rises out to the side, which is what makes the
     * gesture readable from the front. Left rests. */
    targets[3] = rest;
    targets[3].t[RIG_R] = (HandTarget){v3(head.x - 28.f * hs, head.y + 52.f * hs, -30.f), 0.85f, 0.f, 0.f,
                                       v3(-1.f, 0.3f, -0.15f)};
    /* On its way there the hand lifts close in front of the shoulder, the
     * elbow still low, before the elbow swings out: a hand lifted, then
     * reaching back, not an elbow leading the way. */
    HandTarget neck_via = {v3(shoulder[RIG_R].x - 30.f, sh_y + 6.f, 30.f), 0.7f, -0.2f, 0.2f,
                           v3(-0.3f, 1.f, 0.3f)};
    /* Touching the face: fingers along the jaw and chin. */
    targets[4] = rest;
    targets[4].t[RIG_R] = (HandTarget){v3(head.x - 26.f, head.y + 62.f * hs, 50.f), 0.9f, -0.3f,
                                       0.7f, v3(-0.2f, 1.f, -0.1f)};
    /* Fists: resting, tightened, a little closer in, turned on their sides
     * so the folded fingers and the thumb across them face the viewer. */
    targets[5].t[RIG_R] = (HandTarget){v3(-rest_x + 10.f, rest_y - 4.f, rest_z), 0.f, -0.2f, 0.65f, pole_r};
    targets[5].t[RIG_L] = (HandTarget){v3(rest_x - 10.f, rest_y - 4.f, rest_z), 0.f, 0.2f, 0.65f, pole_l};
    /* Open palms: hands up and out, palms to the listener. */
    targets[6].t[RIG_R] = (HandTarget){v3(-158.f, -180.f, 8.f), 1.f, -0.7f, 1.f, v3(-0.5f, 1.f, -0.3f)};
    targets[6].t[RIG_L] = (HandTarget){v3(158.f, -180.f, 8.f), 1.f, 0.7f, 1.f, v3(0.5f, 1.f, -0.3f)};
    /* Hidden hands: dropped to the lap, below a table edge; with no table,
     * pushed down between the knees. */
    targets[7].t[RIG_R] = (HandTarget){v3(lap ? -14.f : -40.f, lap ? 6.f : -22.f, lap ? 70.f : 40.f), 0.5f, 0.3f, 0.f, pole_r};
    targets[7].t[RIG_L] = (HandTarget){v3(lap ? 14.f : 40.f, lap ? 6.f : -22.f, lap ? 70.f : 40.f), 0.5f, -0.3f, 0.f, pole_l};
    if (free_standing) { /* standing, with nothing to hide them under: in the pockets */
        targets[7].t[RIG_R] = (HandTarget){v3(-62.f, 14.f, 24.f), 0.f, 0.2f, 0.f, pole_r};
        targets[7].t[RIG_L] = (HandTarget){v3(62.f, 14.f, 24.f), 0.f, -0.2f, 0.f, pole_l};
    }
    /* Tapping: right hand's fingers bounce on the table. */
    targets[8] = rest;
    {
        float tap = osc(t, 3.6f, 0.f);
        targets[8].t[RIG_R].pos.y += -5.f * fmaxf(tap, 0.f);
        targets[8].t[RIG_R].twist += 0.25f * fmaxf(tap, 0.f);
        targets[8].t[RIG_R].open = 0.8f;
    }

    float wsum = 0.f;
    for (int k = 0; k < NT; k++)
        wsum += clampf(w[k], 0.f, 1.f);
    float rest_w = wsum < 1.f ? 1.f - wsum : 0.f;
    float total = rest_w + wsum;

    /* Each arrangement is solved to a whole arm first, and the arms are
     * blended by the directions of the upper arm and the forearm, not by
     * where the hand is. A hand moving between two poses then swings on the
     * arm (an arc about the shoulder and elbow), the bones keep their
     * length, and the elbow stays on its own side: blending hand positions
     * instead drew a straight line, through the chest on the way to the
     * neck, with the elbow flipping where the line passed near the shoulder. */
    RigVec hand[2], elbow[2];
    float hand_angle[2], hand_open[2], hand_palm[2], hand_neck[2], hand_clasp[2], hand_fidget[2], hand_tap[2];
    bool hand_behind[2];
    for (int s = 0; s < 2; s++) {
        V3 sh3 = v3(shoulder[s].x, shoulder[s].y, 0.f);
        V3 up_acc = v3(0, 0, 0), fore_acc = v3(0, 0, 0);
        float open = 0.f, twist = 0.f, palm = 0.f;
        for (int k = -1; k < NT; k++) {
            const HandTarget *h = k < 0 ? &rest.t[s] : &targets[k].t[s];
            float wk = (k < 0 ? rest_w : clampf(w[k], 0.f, 1.f)) / total;
            if (wk <= 0.f)
                continue;
            V3 hp = h->pos;
            V3 el = solve_elbow(sh3, &hp, h->pole);
            up_acc = v3_add(up_acc, v3_mul(v3_norm(v3_sub(el, sh3)), wk));
            fore_acc = v3_add(fore_acc, v3_mul(v3_norm(v3_sub(hp, el)), wk));
            open += h->open * wk;
            twist += h->twist * wk;
            palm += h->palm * wk;
        }
        float u = clampf(w[3], 0.f, 1.f) / total; /* how far the right hand is to the neck */
        if (s == RIG_R && u > 0.f && u < 1.f) {
            float via = 3.f * u * (1.f - u);
            V3 hp = neck_via.pos;
            V3 el = solve_elbow(sh3, &hp, neck_via.pole);
            up_acc = v3_add(up_acc, v3_mul(v3_norm(v3_sub(el, sh3)), via));
            fore_acc = v3_add(fore_acc, v3_mul(v3_norm(v3_sub(hp, el)), via));
        }
        V3 el = v3_add(sh3, v3_mul(v3_norm(up_acc), UPPER_ARM));
        V3 hp = v3_add(el, v3_mul(v3_norm(fore_acc), FOREARM));
        hand[s] = (RigVec){hp.x, hp.y};
        /* Behind the body's front and above the shoulders: the neck and the
         * head hide it, so the renderer draws it before them. */
        hand_behind[s] = hp.z < 0.f && hp.y < shoulder[s].y;
        elbow[s] = (RigVec){el.x, el.y};
        float fa = atan2f(hp.y - el.y, hp.x - el.x);
        hand_angle[s] = fa + twist;
        hand_open[s] = clampf(open, 0.f, 1.f);
        hand_palm[s] = clampf(palm, 0.f, 1.f);
        hand_neck[s] = 0.f;
        if (s == RIG_R && u > 0.f) {
            /* At the neck the fingers point down and in, across it, whatever
             * the forearm does: turn the hand towards that by the weight. */
            float aim = 1.15f, da = aim - hand_angle[s];
            da -= TAU * floorf(da / TAU + 0.5f);
            hand_angle[s] += da * u;
            hand_neck[s] = u;
        }
        float up = clampf(w[6], 0.f, 1.f) / total;
        if (up > 0.f) {
            /* Open palms turn their fingers up, a little outwards, sooner
             * than the arms rise: a half-raised hand with its fingers
             * pointing across the belly would read as a hand on it. */
            float k = 1.f - (1.f - up) * (1.f - up);
            float aim = s == RIG_R ? -1.75f : -1.39f, da = aim - hand_angle[s];
            da -= TAU * floorf(da / TAU + 0.5f);
            hand_angle[s] += da * k;
        }
        /* Wringing holds the hands together, each gripping the other. */
        hand_clasp[s] = clampf(w[0], 0.f, 1.f) / total;
        /* Fidgeting and tapping move the fingers themselves; the renderer
         * bends each by these weights and the time. */
        hand_fidget[s] = clampf(w[1], 0.f, 1.f) / total;
        hand_tap[s] = s == RIG_R ? clampf(w[8], 0.f, 1.f) / total : 0.f;
    }
    /* Clasped hands point their fingers across each other, the right hand
     * over the left's back and tipped down, the left's under it and tipped
     * up; the grip rolls with the rubbing. */
    if (hand_clasp[RIG_R] > 0.f) {
        float rub = 0.22f * osc(t, 1.25f, 0.f);
        for (int s = 0; s < 2; s++) {
            int o = 1 - s;
            float aim = atan2f(hand[o].y - hand[s].y, hand[o].x - hand[s].x) +
                        (s == RIG_R ? 0.42f + rub : -0.3f + rub);
            float da = aim - hand_angle[s];
            da -= TAU * floorf(da / TAU + 0.5f);
            hand_angle[s] += da * hand_clasp[s];
        }
    }

    /* --- place on the canvas --- */
    float S = (place ? place->scale : 1.f) * b.height;
    float m = (place && place->mirror) ? -1.f : 1.f;
    float ox = place ? place->x : 0.f, oy = place ? place->y : 0.f;
#define TO_CANVAS(p) ((RigVec){ox + m * (p).x * S, oy + (p).y * S})

    out->hip = TO_CANVAS(hip);
    out->chest = TO_CANVAS(chest);
    out->torso_angle = m * torso_angle;
    out->torso_w = torso_w * S;
    out->breath = breath;
    for (int s = 0; s < 2; s++) {
        out->shoulder[s] = TO_CANVAS(shoulder[s]);
        out->elbow[s] = TO_CANVAS(elbow[s]);
        out->hand[s] = TO_CANVAS(hand[s]);
        /* A mirrored direction (cos a, sin a) becomes (-cos a, sin a). */
        out->hand_angle[s] = m > 0.f ? hand_angle[s] : 3.14159265f - hand_angle[s];
        out->hand_open[s] = hand_open[s];
        out->hand_palm[s] = hand_palm[s];
        out->hand_behind[s] = hand_behind[s];
        out->hand_neck[s] = hand_neck[s];
        out->hand_clasp[s] = hand_clasp[s];
        out->hand_fidget[s] = hand_fidget[s];
        out->hand_tap[s] = hand_tap[s];
    }
    out->arm_w = (15.f + 5.f * clampf(b.build, 0.f, 1.f)) * S;
    out->head = TO_CANVAS(head);
    out->head_angle = m * (roll + torso_angle * 0.6f);
    out->head_turn = turn;
    out->head_pitch = clampf(pitch, -1.f, 1.f);
    out->head_rx = HEAD_RX * hs * S;
    out->head_ry = HEAD_RY * hs * S;
    RigVec zero = {0.f, 0.f};
    for (int s = 0; s < 2; s++) {
        RigVec e = rot_about(eye_l[s], zero, roll + torso_angle * 0.6f);
        e.x = head.x + e.x * hs;
        e.y = head.y + e.y * hs;
        out->eye[s] = TO_CANVAS(e);
    }
    out->eye_rx = EYE_RX * hs * S;
    out->eye_ry = EYE_RY * hs * S;
    {
        RigVec mo = rot_about(mouth_l, zero, roll + torso_angle * 0.6f);
        mo.x = head.x + mo.x * hs;
        mo.y = head.y + mo.y * hs;
        out->mouth = TO_CANVAS(mo);
    }
    out->scale = S;
    out->head_scale = S * hs;
    out->mirror = m < 0.f;
    out->slump = slump;
    out->body_turn = turn_away;
    /* The thighs come towards the viewer from the hips; seen from a little
     * above, each shows as a short rounded shape ending at the knee. */
    out->lap = lap;
    out->standing = standing;
    out->side = side;
    out->thigh_w = (34.f + 10.f * clampf(b.build, 0.f, 1.f)) * S;
    for (int s = 0; s < 2; s++) {
        RigVec k = {(s == RIG_R ? -1.f : 1.f) * (40.f + 10.f * clampf(b.build, 0.f, 1.f)), 14.f};
        if (side) /* both knees off to the left, the far one a little higher */
            k = (RigVec){-140.f - 8.f * clampf(b.build, 0.f, 1.f) + (s == RIG_R ? 0.f : 12.f), s == RIG_R ? 6.f : -16.f};
        out->knee[s] = TO_CANVAS(k);
    }
#undef TO_CANVAS
}

/* ---- hit testing ----------------------------------------------------------- */

static bool in_ellipse(float x, float y, RigVec c, float rx, float ry, float rot)
{
    if (rx <= 0.f || ry <= 0.f)
        return false;
    float cs = cosf(-rot), sn = sinf(-rot);
    float dx = x - c.x, dy = y - c.y;
    float lx = dx * cs - dy * sn, ly = dx * sn + dy * cs;
    return (lx * lx) / (rx * rx) + (ly * ly) / (ry * ry) <= 1.f;
}

static float seg_dist2(float x, float y, RigVec a, RigVec b)
{
    float dx = b.x - a.x, dy = b.y - a.y;
    float l2 = dx * dx + dy * dy;
    float u = l2 > 0.f ? ((x - a.x) * dx + (y - a.y) * dy) / l2 : 0.f;
    u = clampf(u, 0.f, 1.f);
    float px = a.x + dx * u - x, py = a.y + dy * u - y;
    return px * px + py * py;
}

/* Inside a convex quad given in order (either winding). */
static bool in_quad(float x, float y, const RigVec q[4])
{
    int pos = 0, neg = 0;
    for (int i = 0; i < 4; i++) {
        RigVec a = q[i], b = q[(i + 1) % 4];
        float c = (b.x - a.x) * (y - a.y) - (b.y - a.y) * (x - a.x);
        if (c > 0.f)
            pos++;
        else if (c < 0.f)
            neg++;
    }
    return pos == 0 || neg == 0;
}

Region rig_hit_test(const RigLayout *rig, float x, float y)
{
    float s = rig->scale > 0.f ? rig->scale : 1.f;
    /* Eyes: one band over both eyes with room to spare. */
    RigVec ec = {(rig->eye[0].x + rig->eye[1].x) * 0.5f, (rig->eye[0].y + rig->eye[1].y) * 0.5f};
    float half = sqrtf((rig->eye[1].x - rig->eye[0].x) * (rig->eye[1].x - rig->eye[0].x) +
                       (rig->eye[1].y - rig->eye[0].y) * (rig->eye[1].y - rig->eye[0].y)) * 0.5f;
    if (in_ellipse(x, y, ec, half + rig->eye_rx + 12.f * s, rig->eye_ry + 12.f * s, rig->head_angle))
        return REGION_EYES;
    /* Hands: generous circles over the palm and the fingers. A hand behind
     * the neck shows only its wrist and the fingers laid over the neck, so
     * the circle moves back onto the wrist (off the mouth), the raised
     * forearm counts too, and a small circle takes the fingers below the
     * jaw. */
    for (int i = 0; i < 2; i++) {
        float r = 30.f * s;
        float ca = cosf(rig->hand_angle[i]), sa = sinf(rig->hand_angle[i]);
        RigVec c = {rig->hand[i].x + ca * 12.f * s, rig->hand[i].y + sa * 12.f * s};
        if (rig->hand_behind[i]) {
            float fx = rig->hand[i].x - rig->elbow[i].x, fy = rig->hand[i].y - rig->elbow[i].y;
            float fl = sqrtf(fx * fx + fy * fy);
            if (fl > 1e-3f)
                c = (RigVec){rig->hand[i].x - fx / fl * 34.f * s, rig->hand[i].y - fy / fl * 34.f * s};
            r = 20.f * s;
            float aw = rig->arm_w * 1.3f;
            if (seg_dist2(x, y, rig->elbow[i], c) <= aw * aw)
                return REGION_HANDS;
            if (rig->hand_neck[i] >= 0.5f) {
                RigVec f = {rig->hand[i].x + ca * 36.f * s, rig->hand[i].y + sa * 36.f * s};
                float fr = 15.f * s, dx = x - f.x, dy = y - f.y;
                if (dx * dx + dy * dy <= fr * fr)
                    return REGION_HANDS;
            }
        }
        float dx = x - c.x, dy = y - c.y;
        if (dx * dx + dy * dy <= r * r)
            return REGION_HANDS;
    }
    RigVec hc = {rig->head.x, rig->head.y + rig->head_ry * 0.05f};
    if (in_ellipse(x, y, hc, rig->head_rx * 1.05f, rig->head_ry * 1.05f, rig->head_angle))
        return REGION_FACE;
    /* Posture: torso from shoulders to hips, plus the shoulder caps and arms. */
    float hw = rig->torso_w * 0.85f;
    RigVec q[4] = {rig->shoulder[RIG_R], rig->shoulder[RIG_L], {rig->hip.x + hw, rig->hip.y},
                   {rig->hip.x - hw, rig->hip.y}};
    if (rig->mirror) { /* keep the quad's order consistent */
        RigVec tmp = q[2];
        q[2] = q[3];
        q[3] = tmp;
    }
    if (in_quad(x, y, q))
        return REGION_POSTURE;
    float aw = rig->arm_w * 1.6f;
    for (int i = 0; i < 2; i++) {
        if (seg_dist2(x, y, rig->shoulder[i], rig->elbow[i]) <= aw * aw)
            return REGION_POSTURE;
    }
    if (seg_dist2(x, y, rig->chest, rig->shoulder[0]) <= aw * aw ||
        seg_dist2(x, y, rig->chest, rig->shoulder[1]) <= aw * aw)
        return REGION_POSTURE;
    return REGION_NONE;
}
