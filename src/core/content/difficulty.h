/* Unsaid - difficulty.h: gentle, standard and sharp, and what each does to
 * a scene's cues.
 *
 * Scene files do not change with the difficulty. When a scene is played,
 * its cues are rewritten by a pure function of the scene and the
 * difficulty, within the limits below, and everything downstream (the
 * body, the flags, the debrief) sees the rewritten cues:
 *
 * - standard: the cues exactly as written.
 * - gentle: every cue stronger (amount x DIFFICULTY_GENTLE_AMOUNT, but
 *   never past the range of a pose parameter it moves) and held longer
 *   (hold x DIFFICULTY_GENTLE_HOLD; its end, and so the time to flag it,
 *   moves later by as much, though not past the answers when it ended
 *   before them).
 * - sharp: every cue weaker (amount x DIFFICULTY_SHARP_AMOUNT, never
 *   below DIFFICULTY_MIN_AMOUNT unless written below it) and held shorter
 *   (hold x DIFFICULTY_SHARP_HOLD). An incongruent face cue becomes a
 *   flash: DIFFICULTY_FLASH_TICKS (a fifth of a second) from its start,
 *   after the brief expressions of Ekman's micro-expression training.
 *   A cue made brief keeps at least DIFFICULTY_MIN_WINDOW_TICKS to be
 *   flagged (or as long as it had, if that was less): the flag still
 *   counts for a while after it has gone (SceneCue.grace_extra).
 *
 * A cue held until the answer keeps its timing; only its amount changes.
 * The body's reactions to an answer are never changed: nobody flags them.
 * The checker (--timeline) uses difficulty_cue_flaggable to say, for every
 * cue, what it becomes at each difficulty and whether it can still be
 * flagged there. */
#ifndef UNSAID_DIFFICULTY_H
#define UNSAID_DIFFICULTY_H

#include "scene.h"

#include <stdbool.h>

/* Standard is 0, so anything zeroed (an old file, a result) is standard. */
typedef enum { DIFFICULTY_STANDARD, DIFFICULTY_GENTLE, DIFFICULTY_SHARP, DIFFICULTY_COUNT } Difficulty;

/* The limits, in one place. */
#define DIFFICULTY_GENTLE_AMOUNT 1.3f /* gentle: amounts this much larger */
#define DIFFICULTY_GENTLE_HOLD 1.5f   /* gentle: holds this much longer */
#define DIFFICULTY_SHARP_AMOUNT 0.6f  /* sharp: amounts this much smaller */
#define DIFFICULTY_SHARP_HOLD 0.5f    /* sharp: holds this much shorter */
#define DIFFICULTY_MIN_AMOUNT 0.25f   /* sharp never makes a cue weaker than this */
#define DIFFICULTY_FLASH_TICKS 12     /* sharp: a face flash, onset to gone (0.2 s) */
#define DIFFICULTY_FLASH_ONSET 3      /* ticks a flash takes to peak, and to fade */
#define DIFFICULTY_MIN_WINDOW_TICKS SCENE_TICK_HZ /* a cue can be flagged for at least a second */

/* "standard", "gentle", "sharp" ("?" out of range); the words of files,
 * replays, --difficulty and --print-score. */
const char *difficulty_name(Difficulty d);
/* The difficulty with that name, or -1. */
int difficulty_find(const char *name);
/* The next difficulty in the order gentle, standard, sharp (dir +1 or -1),
 * wrapping round. */
Difficulty difficulty_step(Difficulty d, int dir);

/* The cue `in` at difficulty d, in a scene whose answers appear at tick
 * scene_length. Pure; out may not be in. */
void difficulty_cue(const SceneCue *in, Difficulty d, int scene_length, SceneCue *out);
/* The scene at difficulty d: *out is a copy of *in whose cues are `cues`
 * (room for in->ncues of them), each rewritten by difficulty_cue. Lines,
 * answers and everything else are shared with in, which must outlive out.
 * Returns false (out a plain copy of in) when there is no room. */
bool difficulty_scene(const Scene *in, Difficulty d, Scene *out, SceneCue *cues, int room);

/* Ticks a flag on cue c counts: from its start to its flag end
 * (scene_cue_flag_end), never after the answers appear. */
int difficulty_flag_window(const SceneCue *c, int scene_length);
/* Can a player be expected to flag this cue: at least
 * DIFFICULTY_MIN_WINDOW_TICKS to do it, and at least DIFFICULTY_MIN_AMOUNT
 * strong? (The checker warns when a difficulty makes a cue fail this
 * that passed it as written.) */
bool difficulty_cue_flaggable(const SceneCue *c, int scene_length);

#endif
