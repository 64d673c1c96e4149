/* Unsaid - stats.h: noticing as signal detection (d' and criterion c).
 *
 * Hits and false alarms alone reward the wrong thing: flag everything and
 * every cue is "noticed". Signal-detection theory splits a player's flags
 * into two numbers: how well they tell a disconnection from nothing (d')
 * and how readily they flag at all (c). Counting needs trials of both kinds.
 *
 * Trials, per body region (see region.h):
 * - A SIGNAL trial is one incongruent cue on that region. It is a HIT when
 *   the player flagged it in time (notice.h decides).
 * - A NOISE trial is one (line, region) cell with nothing on that region
 *   to notice: no incongruent cue on that region overlaps the line, where a
 *   cue spans its flaggable window (start to end plus NOTICE_GRACE_TICKS)
 *   and a line spans its start to its end tick. Each such cell is one
 *   chance to flag wrongly. Only the regions the scene offers count
 *   (scene_has_region): a scene of L lines holds 5L cells on the body and
 *   the voice, a chat L cells on its text; the cells with a signal are not
 *   noise trials.
 * - A FALSE ALARM counts against the region the player flagged, whatever
 *   made it wrong (nothing there, a congruent cue, too early or late).
 *   Within one scene and region it is capped at that region's noise trials,
 *   so a rate never exceeds 1 and a flood of flags weighs what one flag per
 *   empty cell weighs. Repeats (a cue already hit) are not counted.
 * A catch scene (no incongruent cue) has no signal trials: only its false
 * alarms speak, and d' then rewards leaving it alone (see stats_dprime). A
 * scene with no lines has no trials at all.
 *
 * Tallies add up: a chapter's or a run's tally is the sum of its scenes'.
 * Nothing here allocates, and every function is pure. */
#ifndef UNSAID_STATS_H
#define UNSAID_STATS_H

#include "scene.h"
#include "tally.h"

typedef struct Notice Notice; /* notice.h */

/* Fewest signal trials (in total, or in one region) before the profile
 * judges them: with fewer, one slip would swing the verdict. */
#define STATS_MIN_SIGNALS 3

/* Count one scene's trials and the player's flags. Both pointers are only
 * read; *out is overwritten. Cues beyond NOTICE_MAX_CUES are not counted,
 * as notice_flag() never hits them. */
void stats_tally_scene(const Scene *scene, const Notice *notice, Tally *out);

/* The inverse of the standard normal CDF (the z-score of probability p):
 * stats_z(0.975) = 1.959964. Accurate to about 1e-12 over (0, 1).
 * Returns -HUGE_VAL for p <= 0, HUGE_VAL for p >= 1, NaN for NaN. */
double stats_z(double p);

/* Sensitivity d' and criterion c from counts, with the log-linear
 * correction (Hautus, 1995): 0.5 is added to the hits and to the false
 * alarms, and 1 to the signal and to the noise trials, before taking the
 * rates H = (hits + 0.5) / (signals + 1) and F = (fas + 0.5) / (noise + 1).
 * Rates of 0 and 1 thus stay finite, and with no trials of a kind the rate
 * is 0.5, which says nothing either way.
 *   d' = z(H) - z(F): 0 when flags are blind to what happens; higher is
 *        better; negative when flags land more often on nothing.
 *   c  = -(z(H) + z(F)) / 2: POSITIVE is cautious (flags little, misses
 *        more), NEGATIVE is eager (flags a lot, more false alarms), 0 is
 *        balanced.
 * Counts below 0 are read as 0; hits above signals as signals, and fas
 * above noise as noise. Either output pointer may be NULL. */
void stats_dprime(int hits, int signals, int fas, int noise, double *d, double *c);

/* d' and c of a tally's totals. */
void stats_tally_dprime(const Tally *t, double *d, double *c);

/* A short verdict on a tally for a results screen: `key` names a text in
 * levels/base/strings.yaml ("profile.misses_region"); `region` is the
 * region the text is about, to fill its {region} placeholder with the
 * region.* text, or REGION_NONE when the text has none. A region is judged
 * only with STATS_MIN_SIGNALS signal trials or more. The rules, first
 * match wins:
 *   profile.too_few        fewer than STATS_MIN_SIGNALS signal trials
 *   profile.flags_often    more than 1 in 4 empty cells flagged (3+ noise)
 *   profile.misses_region  one region's hit rate is under 1/2 and at least
 *                          1/4 below the rest of the body's
 *   profile.quiet          no flags at all
 *   profile.sharp          4 in 5 cues or more noticed, and at most 1 in 10
 *                          empty cells flagged
 *   profile.careful        fewer than 4 in 5 noticed, but 3 in 4 flags or
 *                          more were right
 *   profile.steady         anything else */
typedef struct {
    const char *key;
    Region region;
} StatsVerdict;

StatsVerdict stats_profile(const Tally *t);

#endif
