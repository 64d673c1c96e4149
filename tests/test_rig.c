/* The rig's arms: the path a hand takes between poses (no jumps, no elbow
 * flipping inwards, the elbow below the rising hand) and where a click on a
 * drawn hand lands. */
#include "check.h"
#include "rig.h"

#include <math.h>

/* The stage's close shot, as the game places a person. */
static RigPlacement stage(bool table, bool mirror)
{
    return (RigPlacement){470.f, 684.f, 1.3f, mirror, RIG_CLOSE_HEAD, table, false, false};
}

static RigLayout layout(PoseParam p, float amount, bool table, bool mirror, double t)
{
    Pose pose;
    memset(&pose, 0, sizeof pose);
    pose.v[p] = amount;
    RigPlacement pl = stage(table, mirror);
    RigLayout r;
    rig_layout(&r, NULL, &pl, &pose, t);
    return r;
}

static float dist(RigVec a, RigVec b)
{
    return hypotf(a.x - b.x, a.y - b.y);
}

/* Outside the shoulder, on the arm's own side of the body. */
static bool elbow_outside(const RigLayout *r, int s)
{
    float out = (r->shoulder[s].x - r->hip.x) > 0.f ? 1.f : -1.f;
    return (r->elbow[s].x - r->shoulder[s].x) * out > -6.f * r->scale;
}

/* To the neck and back: a smooth swing, the elbow out to the side and
 * under the hand until the hand is there, then the fingers on the neck. */
static void neck_path(bool mirror)
{
    RigLayout prev = layout(P_TOUCH_NECK, 0.f, true, mirror, 3.0);
    bool risen = false;
    for (int i = 1; i <= 100; i++) {
        float v = 0.4f * (float)i / 100.f;
        RigLayout r = layout(P_TOUCH_NECK, v, true, mirror, 3.0);
        /* No jumps: the fastest part of the ease moves the hand ~10 px a step. */
        CHECK(dist(r.hand[RIG_R], prev.hand[RIG_R]) < 16.f);
        CHECK(dist(r.elbow[RIG_R], prev.elbow[RIG_R]) < 16.f);
        CHECK(elbow_outside(&r, RIG_R));
        /* Once the hand has risen above the elbow, the elbow stays below it
         * until the hand arrives (0.31 brings it 95% of the way); there it
         * may come level with it. */
        if (r.elbow[RIG_R].y > r.hand[RIG_R].y)
            risen = true;
        else if (risen)
            CHECK(v >= 0.31f);
        /* The other hand stays where it rests. */
        CHECK(dist(r.hand[RIG_L], prev.hand[RIG_L]) < 0.5f);
        prev = r;
    }
    RigLayout at = layout(P_TOUCH_NECK, 1.f, true, mirror, 3.0);
    CHECK(at.hand_behind[RIG_R]);
    CHECK(at.hand_neck[RIG_R] > 0.99f);
    /* The hand is behind the jaw, beside the mouth's line, not below the chin. */
    CHECK(at.hand[RIG_R].y < at.head.y + at.head_ry);
    CHECK(fabsf(at.hand[RIG_R].x - at.head.x) < at.head_rx);
}

/* Every hand cue, eased in: the arms swing without jumps, and an elbow
 * that starts and ends outside its shoulder never swings inside it. (Arms
 * crossed, a hand on the face and hands hidden between the knees bring the
 * elbows in front of the body on purpose; open palms keep them at the sides
 * of the body, the forearms out, and never over it.) */
static void cue_paths(void)
{
    static const PoseParam cues[] = {P_WRING, P_FIDGET, P_ARMS_CROSSED, P_TOUCH_NECK, P_TOUCH_FACE,
                                     P_FISTS, P_PALMS_OPEN, P_HIDE_HANDS, P_TAP};
    for (size_t c = 0; c < sizeof cues / sizeof cues[0]; c++)
        for (int table = 0; table < 2; table++) {
            bool elbows_in = cues[c] == P_ARMS_CROSSED || cues[c] == P_TOUCH_FACE || cues[c] == P_HIDE_HANDS;
            RigLayout prev = layout(cues[c], 0.f, table, false, 2.0);
            for (int i = 1; i <= 200; i++) {
                RigLayout r = layout(cues[c], (float)i / 200.f, table, false, 2.0);
                for (int s = 0; s < 2; s++) {
                    if (cues[c] == P_PALMS_OPEN) /* elbows at the sides, forearms out: never over the body */
                        CHECK(fabsf(r.elbow[s].x - r.hip.x) > r.torso_w * 0.75f);
                    else if (!elbows_in)
                        CHECK(elbow_outside(&r, s));
                    if (dist(r.hand[s], prev.hand[s]) >= 16.f)
                        fprintf(stderr, "cue %d table %d step %d side %d: the hand jumps %.1f px\n", (int)cues[c],
                                table, i, s, (double)dist(r.hand[s], prev.hand[s]));
                    CHECK(dist(r.hand[s], prev.hand[s]) < 16.f);
                }
                prev = r;
            }
        }
}

/* A click on the middle of a drawn hand finds the hands: the palm for a
 * hand in front, the fingers laid over the neck for one behind it. */
static void hands_hit(bool mirror)
{
    static const PoseParam cues[] = {P_WRING, P_FIDGET, P_ARMS_CROSSED, P_TOUCH_NECK, P_TOUCH_FACE,
                                     P_FISTS, P_PALMS_OPEN, P_TAP};
    for (size_t c = 0; c < sizeof cues / sizeof cues[0]; c++) {
        RigLayout r = layout(cues[c], 1.f, true, mirror, 2.0);
        for (int s = 0; s < 2; s++) {
            float along = r.hand_behind[s] ? 36.f : 14.f;
            float x = r.hand[s].x + cosf(r.hand_angle[s]) * along * r.scale;
            float y = r.hand[s].y + sinf(r.hand_angle[s]) * along * r.scale;
            if (rig_hit_test(&r, x, y) != REGION_HANDS)
                fprintf(stderr, "cue %d side %d: (%.0f, %.0f) is not on the hands\n", (int)cues[c], s, (double)x,
                        (double)y);
            CHECK_INT(rig_hit_test(&r, x, y), REGION_HANDS);
        }
        /* A hand at the neck leaves the mouth and the eyes to the face. */
        if (cues[c] == P_TOUCH_NECK) {
            CHECK_INT(rig_hit_test(&r, r.mouth.x, r.mouth.y), REGION_FACE);
            CHECK_INT(rig_hit_test(&r, r.eye[RIG_R].x, r.eye[RIG_R].y), REGION_EYES);
        }
    }
}

/* Same pose, same time: the same layout, bit for bit. */
static void deterministic(void)
{
    RigLayout a = layout(P_WRING, 0.7f, true, false, 12.345);
    RigLayout b = layout(P_WRING, 0.7f, true, false, 12.345);
    CHECK(memcmp(&a, &b, sizeof a) == 0);
}

int main(void)
{
    neck_path(false);
    neck_path(true);
    cue_paths();
    hands_hit(false);
    hands_hit(true);
    deterministic();
    return check_done("test_rig");
}
