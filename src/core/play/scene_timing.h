/* Unsaid - scene_timing.h: when everything in a scene happens, as text
 * (unsaid --timeline SCENE).
 *
 * Each line's start, the moment its words are all shown, and its end; each
 * cue's start, peak and end with its channel and whether it disagrees with
 * the words; when the answers appear: in seconds and in ticks, counted
 * from the moment the person starts (the performance). Then a warning for
 * every cue that plays while no line is spoken, and every incongruent cue
 * a player can flag for less than a second (its window runs from its start
 * to its end and half a second more, and closes when the answers appear).
 * Then each cue at each difficulty (difficulty.h): its amount, how long it
 * shows and how long it can be flagged, and a warning for every
 * incongruent cue a difficulty would make too faint or too brief to flag.
 * Pure: the text goes to `emit`, one line at a time. */
#ifndef UNSAID_SCENE_TIMING_H
#define UNSAID_SCENE_TIMING_H

#include "scene.h"

typedef void (*SceneTimingEmit)(void *ctx, const char *line);

/* Returns the number of warnings. */
int scene_timing(const Scene *s, SceneTimingEmit emit, void *ctx);

#endif
