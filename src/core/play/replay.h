/* Unsaid - replay.h: recorded input, as a small text file.
 *
 *   unsaid-replay 1
 *   # anything after '#' is a comment
 *   pack feelings 1.2.0       a user pack the recording played with (one line
 *                             each; none: the base pack alone)
 *   scene kitchen_fine        optional: start straight in this scene
 *   difficulty sharp          optional: gentle, standard or sharp (none: standard)
 *   120 move 640 300          at tick 120 the pointer is at (640, 300)
 *   121 click 640 300         a click there (also moves the pointer)
 *   400 press confirm         an action: up down left right confirm back
 *                             1 2 3 4 flag_eyes flag_face flag_hands
 *                             flag_posture flag_voice flag_text
 *
 * Ticks count fixed steps from the start of the game (60 per second) and
 * never go backwards. Several lines may share a tick. See docs/replay-format.md.
 */
#ifndef UNSAID_REPLAY_H
#define UNSAID_REPLAY_H

#include "diag.h"
#include "difficulty.h"
#include "input.h"
#include "pack.h"

#include <stdbool.h>
#include <stddef.h>

typedef struct {
    int tick;
    TickInput in;
} ReplayTick;

/* Every user pack the game can load at once (all packs but the base). */
#define REPLAY_MAX_PACKS 63

/* A `pack ID VERSION` line: a user pack that was enabled when the replay
 * was recorded. The base pack is not listed; it is always loaded. */
typedef struct {
    char id[PACK_ID_MAX + 1];
    char version[65];
    int line, col, version_col; /* where the id and the version are written */
} ReplayPack;

typedef struct {
    ReplayTick *ticks; /* merged: one entry per tick that has input */
    int count;
    char scene[65];    /* "" if the replay does not name a scene */
    int last_tick;
    ReplayPack packs[REPLAY_MAX_PACKS]; /* in the order written */
    int npacks;
    Difficulty difficulty; /* the `difficulty` line; standard without one */
} Replay;

bool replay_load(Replay *r, const char *file, const char *buf, size_t len, DiagList *diags);
void replay_free(Replay *r);
/* Input for `tick`, walking forward from *cursor (start it at 0). */
void replay_input(const Replay *r, int *cursor, int tick, TickInput *out);

/* Text for a recording: the header (with a `pack` line for each of the
 * npacks packs, a `scene` line when scene_id is not NULL, and the
 * `difficulty` line), then one call per tick with input. Each returns the
 * number of bytes written into buf (always terminated). */
size_t replay_format_header(char *buf, size_t size, const char *scene_id, const ReplayPack *packs,
                            int npacks, Difficulty difficulty);
size_t replay_format_tick(char *buf, size_t size, int tick, const TickInput *in);

const char *replay_action_name(Action a);
int replay_action_find(const char *name);

#endif
