/* Signal detection: the normal quantile, d' and c with the log-linear
 * correction, how a scene's trials are counted, and the profile verdict. */
#include "check.h"
#include "lexicon.h"
#include "notice.h"
#include "scene.h"
#include "stats.h"

#include <math.h>

#define CHECK_NEAR(a, b, tol)                                                             \
    do {                                                                                  \
        double near_a_ = (a), near_b_ = (b);                                              \
        if (!(fabs(near_a_ - near_b_) <= (tol))) {                                        \
            fprintf(stderr, "%s:%d: %s is %.9f, expected %.9f\n", __FILE__, __LINE__, #a, \
                    near_a_, near_b_);                                                    \
            check_failures++;                                                             \
        }                                                                                 \
    } while (0)

static const char lexicon_yaml[] =
    "cues:\n"
    "  wring: { channel: hands, targets: { hands_wring: 1 } }\n"
    "  look_down: { channel: gaze, targets: { gaze_y: 1 } }\n"
    "  smile: { channel: face, targets: { au12_lip_corner_pull: 1 } }\n";

/* Two lines: the hands wring during the first (ticks 90..210), the eyes
 * drop during the second. Each cue sits well inside its line, so each
 * region has one signal cell (or none) and the rest are noise trials:
 * eyes 1 signal / 1 noise, hands 1 / 1, face, posture, voice 0 / 2. */
static const char scene_yaml[] =
    "id: t\ntitle: T\nplace: nowhere\ncontext: c\ncharacter: { name: A }\n"
    "lines:\n"
    "  - id: one\n"
    "    text: \"I'm fine.\"\n"
    "    hold: 4.0\n"
    "    cues:\n"
    "      - { cue: wring, start: 1.0, end: 3.0, incongruent: true, means: m }\n"
    "      - { cue: smile, start: 0.0, end: 2.0 }\n"
    "  - id: two\n"
    "    text: \"Really.\"\n"
    "    hold: 3.0\n"
    "    cues:\n"
    "      - { cue: look_down, start: 0.5, end: 2.0, incongruent: true, means: m }\n"
    "answers:\n"
    "  - { text: a, kind: empathic, quality: best, why: w }\n"
    "  - { text: b, kind: dismissive, quality: poor, why: w }\n";

/* A catch scene: the smile agrees with the words; nothing to notice. */
static const char catch_yaml[] =
    "id: c\ntitle: C\nplace: nowhere\ncontext: c\ncharacter: { name: A }\ncatch: true\n"
    "lines:\n"
    "  - id: one\n"
    "    text: \"Good news, actually.\"\n"
    "    cues:\n"
    "      - { cue: smile, start: 0.0, end: 2.0 }\n"
    "answers:\n"
    "  - { text: a, kind: empathic, quality: best, why: w }\n"
    "  - { text: b, kind: dismissive, quality: poor, why: w }\n";

static void quantile(void)
{
    CHECK_NEAR(stats_z(0.975), 1.959963985, 1e-6);
    CHECK_NEAR(stats_z(0.5), 0.0, 1e-6);
    CHECK_NEAR(stats_z(0.1), -1.281551566, 1e-6);
    /* Both tails and the joins of the approximation. */
    CHECK_NEAR(stats_z(0.001), -3.090232306, 1e-6);
    CHECK_NEAR(stats_z(1e-10), -6.361340902, 1e-6);
    CHECK_NEAR(stats_z(0.02425), -1.972961051, 1e-6);
    CHECK_NEAR(stats_z(0.97575), 1.972961051, 1e-6);
    /* It inverts the normal CDF everywhere, and is symmetric. */
    for (int i = 1; i < 1000; i++) {
        double p = i / 1000.0, z = stats_z(p);
        CHECK_NEAR(0.5 * erfc(-z / sqrt(2.0)), p, 1e-12);
        CHECK_NEAR(z, -stats_z(1.0 - p), 1e-9);
    }
    CHECK(isinf(stats_z(0.0)) && stats_z(0.0) < 0);
    CHECK(isinf(stats_z(1.0)) && stats_z(1.0) > 0);
    CHECK(isnan(stats_z(NAN)));
}

static void dprime(void)
{
    double d, c;
    /* Worked example, the im_fine_empathic replay: 5 incongruent cues, one
     * per region, each in one of the 4 lines, so 5 x 4 - 5 = 15 noise
     * cells. The player notices 4 cues and flags the face once during the
     * greeting: H = 4.5 / 6 = 0.75, F = 1.5 / 16 = 0.09375;
     * z(H) = 0.674490, z(F) = -1.318011; d' = 1.992501, c = -0.5 *
     * (0.674490 - 1.318011) = 0.321761 (the .score file: 1.99, 0.32). */
    stats_dprime(4, 5, 1, 15, &d, &c);
    CHECK_NEAR(d, 1.992501, 1e-6);
    CHECK_NEAR(c, 0.321761, 1e-6);

    /* Rates of 0 and 1 stay finite. */
    int cases[][4] = {{0, 5, 0, 10}, {5, 5, 10, 10}, {5, 5, 0, 10}, {0, 5, 10, 10}, {0, 0, 0, 0}};
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        stats_dprime(cases[i][0], cases[i][1], cases[i][2], cases[i][3], &d, &c);
        CHECK(isfinite(d) && isfinite(c));
    }
    /* All hits, no false alarms: 5.5/6 and 0.5/11. */
    stats_dprime(5, 5, 0, 10, &d, &c);
    CHECK_NEAR(d, 1.382994 + 1.690622, 1e-6);
    /* Everything flagged, with as many signal as noise trials: blind. */
    stats_dprime(6, 6, 6, 6, &d, &c);
    CHECK_NEAR(d, 0.0, 1e-12);
    CHECK(c < 0); /* and eager */
    /* No trials at all: no information. */
    stats_dprime(0, 0, 0, 0, &d, &c);
    CHECK_NEAR(d, 0.0, 1e-12);
    CHECK_NEAR(c, 0.0, 1e-12);
    /* Out-of-range counts are clamped rather than trusted. */
    double d2, c2;
    stats_dprime(9, 5, -3, 10, &d, &c);
    stats_dprime(5, 5, 0, 10, &d2, &c2);
    CHECK_NEAR(d, d2, 1e-12);
    CHECK_NEAR(c, c2, 1e-12);
    stats_dprime(1, 2, 0, 2, NULL, NULL); /* outputs are optional */
}

static void check_counts(const TallyCounts *t, int signals, int hits, int noise, int fas)
{
    CHECK_INT(t->signals, signals);
    CHECK_INT(t->hits, hits);
    CHECK_INT(t->noise, noise);
    CHECK_INT(t->false_alarms, fas);
}

static void scenes(const Lexicon *lex)
{
    Scene s, k;
    DiagList diags = {0};
    CHECK(scene_load(&s, "t.yaml", scene_yaml, sizeof scene_yaml - 1, lex, NULL, &diags));
    CHECK(scene_load(&k, "c.yaml", catch_yaml, sizeof catch_yaml - 1, lex, NULL, &diags));
    CHECK_INT(diags.count, 0);

    /* Careful: one flag on each cue. Spam: every region every 10 ticks
     * from start to end. None: no flags. */
    Notice careful, spam, none;
    notice_reset(&careful);
    notice_reset(&spam);
    notice_reset(&none);
    notice_flag(&careful, &s, REGION_HANDS, 150, 0, 0);
    notice_flag(&careful, &s, REGION_EYES, s.cues[2].start + 10, 0, 0);
    for (int t = 0; t < s.length; t += 10)
        for (int r = 0; r < REGION_COUNT; r++)
            if (scene_has_region(&s, (Region)r)) /* the game takes no flag on a region a scene lacks */
                notice_flag(&spam, &s, (Region)r, t, 0, 0);

    Tally tc, ts, tn;
    stats_tally_scene(&s, &careful, &tc);
    stats_tally_scene(&s, &spam, &ts);
    stats_tally_scene(&s, &none, &tn);
    check_counts(&tc.region[REGION_EYES], 1, 1, 1, 0);
    check_counts(&tc.region[REGION_HANDS], 1, 1, 1, 0);
    check_counts(&tc.region[REGION_FACE], 0, 0, 2, 0);
    check_counts(&tc.region[REGION_POSTURE], 0, 0, 2, 0);
    check_counts(&tc.region[REGION_VOICE], 0, 0, 2, 0);
    check_counts(&tc.total, 2, 2, 8, 0);
    /* Spam hits both cues, but its false alarms fill every noise cell
     * (and no more: the face alone was flagged wrongly dozens of times). */
    CHECK(spam.region_false_alarms[REGION_FACE] > 2);
    check_counts(&ts.region[REGION_FACE], 0, 0, 2, 2);
    check_counts(&ts.total, 2, 2, 8, 8);
    check_counts(&tn.total, 2, 0, 8, 0);

    /* Flagging everything is no better than flagging with care; it shows
     * no sensitivity at all, and an eager criterion. */
    SceneResult rc, rs, rn;
    notice_result(&careful, &s, 0, &rc);
    notice_result(&spam, &s, 0, &rs);
    notice_result(&none, &s, 0, &rn);
    CHECK(rs.d_prime <= rc.d_prime);
    CHECK(rs.d_prime <= 0.0);
    CHECK(rs.criterion < 0.0);
    CHECK(rn.criterion > rc.criterion); /* flagging nothing is the most cautious */
    /* Careful: H = 2.5 / 3, F = 0.5 / 9. */
    CHECK_NEAR(rc.d_prime, 2.560640, 1e-6);
    CHECK_NEAR(rc.criterion, 0.312899, 1e-6);
    check_counts(&rc.tally.total, 2, 2, 8, 0);
    char line[256];
    notice_format_result(&rc, line, sizeof line);
    CHECK_STR(line, "hits=2 misses=0 false_alarms=0 answer=1 answer_kind=empathic "
                    "answer_quality=best d_prime=2.56 c=0.31 score=350 difficulty=standard");
    notice_format_result(&rs, line, sizeof line);
    CHECK_STR(line, "hits=2 misses=0 false_alarms=242 answer=1 answer_kind=empathic "
                    "answer_quality=best d_prime=-0.63 c=-1.28 score=0 difficulty=standard");

    /* A catch scene: no signal trials, five noise trials. Leaving it alone
     * scores better than a wrong flag, and both stay finite. */
    Notice quiet, wrong;
    notice_reset(&quiet);
    notice_reset(&wrong);
    notice_flag(&wrong, &k, REGION_FACE, 60, 0, 0);
    SceneResult kq, kw;
    notice_result(&quiet, &k, 0, &kq);
    notice_result(&wrong, &k, 0, &kw);
    check_counts(&kq.tally.total, 0, 0, 5, 0);
    check_counts(&kw.tally.region[REGION_FACE], 0, 0, 1, 1);
    CHECK(isfinite(kq.d_prime) && isfinite(kw.d_prime));
    CHECK(kq.d_prime > kw.d_prime);
    CHECK_NEAR(kq.d_prime, 1.382994, 1e-6); /* H = 0.5, F = 0.5 / 6 */
    CHECK_NEAR(kw.d_prime, 0.674490, 1e-6); /* H = 0.5, F = 1.5 / 6 */

    /* Tallies add up over a chapter, region by region. */
    Tally sum = {0};
    tally_add(&sum, &tc);
    tally_add(&sum, &ts);
    tally_add(&sum, &kw.tally);
    check_counts(&sum.total, 4, 4, 21, 9);
    check_counts(&sum.region[REGION_FACE], 0, 0, 5, 3);
    check_counts(&sum.region[REGION_HANDS], 2, 2, 3, 1);
    TallyCounts regions = {0};
    for (int r = 0; r < REGION_COUNT; r++) {
        regions.signals += sum.region[r].signals;
        regions.hits += sum.region[r].hits;
        regions.noise += sum.region[r].noise;
        regions.false_alarms += sum.region[r].false_alarms;
    }
    check_counts(&regions, sum.total.signals, sum.total.hits, sum.total.noise, sum.total.false_alarms);
    double d, c;
    stats_tally_dprime(&sum, &d, &c);
    double d2, c2;
    stats_dprime(4, 4, 9, 21, &d2, &c2);
    CHECK_NEAR(d, d2, 1e-12);
    CHECK_NEAR(c, c2, 1e-12);

    scene_free(&s);
    scene_free(&k);
    diag_free(&diags);
}

static void set_region(Tally *t, Region r, int signals, int hits, int noise, int fas)
{
    t->region[r] = (TallyCounts){signals, hits, noise, fas};
    t->total = (TallyCounts){0};
    for (int i = 0; i < REGION_COUNT; i++) {
        t->total.signals += t->region[i].signals;
        t->total.hits += t->region[i].hits;
        t->total.noise += t->region[i].noise;
        t->total.false_alarms += t->region[i].false_alarms;
    }
}

static void profile(void)
{
    Tally t = {0};
    StatsVerdict v;
    /* Two cues are too few to judge anyone. */
    set_region(&t, REGION_EYES, 2, 0, 10, 0);
    v = stats_profile(&t);
    CHECK_STR(v.key, "profile.too_few");
    CHECK_INT(v.region, REGION_NONE);

    /* Sees the eyes and the face, misses the hands. */
    set_region(&t, REGION_EYES, 4, 4, 5, 0);
    set_region(&t, REGION_HANDS, 4, 1, 5, 1);
    set_region(&t, REGION_FACE, 3, 3, 5, 0);
    set_region(&t, REGION_POSTURE, 0, 0, 5, 0);
    v = stats_profile(&t);
    CHECK_STR(v.key, "profile.misses_region");
    CHECK_INT(v.region, REGION_HANDS);
    /* Two hand cues missed are too little evidence to name the hands. */
    set_region(&t, REGION_HANDS, 2, 0, 5, 1);
    CHECK_STR(stats_profile(&t).key, "profile.careful");
    /* Nearly everything seen, one wrong flag in twenty empty cells. */
    set_region(&t, REGION_HANDS, 2, 1, 5, 1);
    CHECK_STR(stats_profile(&t).key, "profile.sharp");

    /* Many wrong flags outweigh everything else. */
    set_region(&t, REGION_FACE, 3, 3, 5, 5);
    set_region(&t, REGION_POSTURE, 0, 0, 5, 4);
    CHECK_STR(stats_profile(&t).key, "profile.flags_often");

    /* No flags at all. */
    t = (Tally){0};
    set_region(&t, REGION_EYES, 2, 0, 10, 0);
    set_region(&t, REGION_HANDS, 3, 0, 10, 0);
    CHECK_STR(stats_profile(&t).key, "profile.quiet");

    /* Few flags, nearly all right: half the cues, one wrong flag. */
    set_region(&t, REGION_EYES, 4, 2, 10, 1);
    set_region(&t, REGION_HANDS, 4, 2, 10, 0);
    v = stats_profile(&t);
    CHECK_STR(v.key, "profile.careful");
    CHECK_INT(v.region, REGION_NONE);

    /* Half the cues and as many wrong flags as right ones. */
    set_region(&t, REGION_HANDS, 4, 2, 10, 3);
    CHECK_STR(stats_profile(&t).key, "profile.steady");
}

int main(void)
{
    Lexicon lex;
    DiagList diags = {0};
    CHECK(lexicon_load(&lex, "lex.yaml", lexicon_yaml, sizeof lexicon_yaml - 1, &diags));
    quantile();
    dprime();
    scenes(&lex);
    profile();
    lexicon_free(&lex);
    diag_free(&diags);
    return check_done("test_stats");
}
