/* Unsaid - notice.h: flags, hits, misses, false alarms and the score.
 *
 * The rules, in one place:
 * - A flag names a body region at a tick. It is a HIT when an incongruent
 *   cue shown on that region is active: start <= tick <= end + grace. The
 *   grace (NOTICE_GRACE_TICKS, half a second) allows for reaction time; a
 *   cue the difficulty made brief has more (scene_cue_flag_end).
 * - A flag on a cue already hit is a REPEAT: it costs and earns nothing.
 * - Any other flag (a congruent cue, the wrong region, no cue at all, too
 *   early, too late) is a FALSE ALARM and costs points, so flagging
 *   everything scores worse than flagging with care.
 * - Every incongruent cue never hit is a MISS.
 * The result also carries the scene's signal-detection figures, d' and c
 * (see stats.h for how trials are counted).
 */
#ifndef UNSAID_NOTICE_H
#define UNSAID_NOTICE_H

#include "difficulty.h"
#include "region.h"
#include "scene.h"
#include "stats.h"

#include <stdbool.h>

#define NOTICE_GRACE_TICKS SCENE_FLAG_GRACE_TICKS
#define NOTICE_MAX_FLAGS 64
#define NOTICE_MAX_CUES 1024

#define SCORE_HIT 100
#define SCORE_FALSE_ALARM (-50)

typedef enum { FLAG_HIT, FLAG_FALSE_ALARM, FLAG_REPEAT } FlagResult;

typedef struct {
    int tick;
    Region region;
    float x, y; /* canvas position (where the marker is drawn) */
    int cue;    /* index of the cue hit, or -1 */
    FlagResult result;
} Flag;

typedef struct Notice {
    Flag flags[NOTICE_MAX_FLAGS]; /* the first NOTICE_MAX_FLAGS flags, for display */
    int nflags;
    unsigned char cue_hit[NOTICE_MAX_CUES];
    int hits, false_alarms, repeats;
    int region_false_alarms[REGION_COUNT]; /* false_alarms by the region flagged */
} Notice;

typedef struct {
    int hits, misses, false_alarms;
    int answer; /* 0-based index, -1 if none */
    AnswerKind kind;
    AnswerQuality quality;
    int score;
    Tally tally;      /* the scene's trials, to add up over a chapter or a run */
    double d_prime;   /* sensitivity: higher is better, 0 is guessing */
    double criterion; /* c: > 0 cautious, < 0 eager (flags a lot) */
    Difficulty difficulty; /* what it was earned at (the game sets it; standard otherwise) */
} SceneResult;

void notice_reset(Notice *n);
/* Classify and record a flag. */
FlagResult notice_flag(Notice *n, const Scene *scene, Region region, int tick, float x, float y);
/* Totals for the scene once an answer has been chosen. */
void notice_result(const Notice *n, const Scene *scene, int answer, SceneResult *out);
/* The one-line summary printed by --print-score, its difficulty last. */
void notice_format_result(const SceneResult *r, char *buf, size_t size);
/* Points an answer of this quality earns. */
int notice_answer_points(AnswerQuality q);

#endif
