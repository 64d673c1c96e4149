/* Unsaid - loop.h: the fixed-timestep accumulator ("Fix Your Timestep").
 *
 * The platform measures real time; this module only does the arithmetic, in
 * integers so that N/60 s of time always gives exactly N ticks. Time is fed
 * as counter deltas at a given counter frequency (SDL's performance counter,
 * or any unit a test likes).
 *
 *   each frame:  n = loop_advance(&loop, delta, freq);
 *                repeat n times: game_step(...)
 *                render(loop_alpha(&loop))   -- blend previous and current tick
 */
#ifndef UNSAID_LOOP_H
#define UNSAID_LOOP_H

#include <stdbool.h>
#include <stdint.h>

#define LOOP_HZ 60
#define LOOP_MAX_FRAME_MS 250 /* a longer frame (debugger, drag) is clamped */
#define LOOP_MAX_STEPS 8      /* at most this many ticks per frame: no spiral */

typedef struct {
    uint64_t acc;  /* accumulated time, in units of 1/(freq*hz) s */
    uint64_t freq; /* counter frequency the accumulator is in */
    uint64_t ticks;
    uint64_t dropped; /* ticks thrown away by the clamp or the cap */
} Loop;

/* Drawing only when the picture changes: see loop_draw_due. */
typedef struct {
    bool drawn;  /* a frame has been drawn */
    bool moving; /* the picture was moving at the last frame */
} LoopDraw;

void loop_init(Loop *loop);
/* Add `delta` counter units at `freq` units per second; returns the number
 * of fixed ticks to run now (0..LOOP_MAX_STEPS). */
int loop_advance(Loop *loop, uint64_t delta, uint64_t freq);
/* How far between the last tick and the next one we are, in [0, 1). */
double loop_alpha(const Loop *loop);
/* Must this frame be drawn? `changed`: input came, or the world changed
 * around the game (a request carried out, the window resized or shown
 * again, a message appearing or going); `still`: game_still() after this
 * frame's ticks. Draws the first frame, every frame while the picture
 * moves, the first still one after it moved, and any frame after a change;
 * otherwise the picture on screen is the picture, and nothing is drawn. */
bool loop_draw_due(LoopDraw *d, bool changed, bool still);

#endif
