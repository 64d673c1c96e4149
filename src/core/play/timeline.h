/* Unsaid - timeline.h: what the body is doing at a moment of the scene.
 *
 * A pure function of time: the same inputs always give the same pose, at
 * any frame rate, so rendering can sample between ticks (interpolation) and
 * replays reproduce frames exactly. Idle life (blinks, glances) comes from a
 * seeded hash, never from a shared random stream. */
#ifndef UNSAID_TIMELINE_H
#define UNSAID_TIMELINE_H

#include "pose.h"
#include "scene.h"

#include <stdint.h>

typedef struct {
    const Scene *scene;
    double cue_t;      /* ticks since the performance began (may be < 0) */
    double life_t;     /* ticks since the game began: drives idle life */
    double hold_end;   /* cue tick at which held cues let go (SCENE_HOLD: not yet) */
    int answer;        /* chosen answer, or -1 */
    double reaction_t; /* ticks since the reaction began (when answer >= 0) */
    uint64_t seed;     /* idle-life seed */
} TimelineInput;

void timeline_pose(const TimelineInput *in, Pose *out);
/* The strongest voice cue active now (its caption, "[sighs]", and text
 * style show with the words), or NULL; *weight says how strong its sound
 * is, 0..1. The caption stays from the cue's start for as long as it can
 * be flagged (its end and the grace after), after the sound has faded. */
const CueDef *timeline_voice(const TimelineInput *in, float *weight);

#endif
