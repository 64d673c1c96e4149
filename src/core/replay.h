/* Unsaid - replay.h: recorded input, as a small text file.
 *
 *   unsaid-replay 1
 *   # anything after '#' is a comment
 *   scene kitchen_fine        optional: start straight in this scene
 *   120 move 640 300          at tick 120 the pointer is at (640, 300)
 *   121 click 640 300         a click there (also moves the pointer)
 *   400 press confirm         an action: up down left right confirm back
 *                             1 2 3 4 flag_eyes flag_face flag_hands
 *                             flag_posture flag_voice
 *
 * Ticks count fixed steps from the start of the game (60 per second) and
 * never go backwards. Several lines may share a tick. See docs/replay-format.md.
 */
#ifndef UNSAID_REPLAY_H
#define UNSAID_REPLAY_H

#include "diag.h"
#include "input.h"

#include <stdbool.h>
#include <stddef.h>

typedef struct {
    int tick;
    TickInput in;
} ReplayTick;

typedef struct {
    ReplayTick *ticks; /* merged: one entry per tick that has input */
    int count;
    char scene[65];    /* "" if the replay does not name a scene */
    int last_tick;
} Replay;

bool replay_load(Replay *r, const char *file, const char *buf, size_t len, DiagList *diags);
void replay_free(Replay *r);
/* Input for `tick`, walking forward from *cursor (start it at 0). */
void replay_input(const Replay *r, int *cursor, int tick, TickInput *out);

/* Text for a recording: the header, then one call per tick with input.
 * Each returns the number of bytes written into buf (always terminated). */
size_t replay_format_header(char *buf, size_t size, const char *scene_id);
size_t replay_format_tick(char *buf, size_t size, int tick, const TickInput *in);

const char *replay_action_name(Action a);
int replay_action_find(const char *name);

#endif
