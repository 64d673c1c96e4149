/* Unsaid - run.h: the two ways to run an open App.
 *
 * In a window, on the real clock: events in, whole fixed ticks out (see
 * loop.h), a frame drawn between ticks, until the player quits. Headless,
 * on recorded input only: as many ticks as the command line needs, as
 * fast as they go, then a screenshot, frame times or the score. Both
 * return the program's exit code. */
#ifndef UNSAID_RUN_H
#define UNSAID_RUN_H

#include "app.h"

#define HEADLESS_TAIL_TICKS (60 * 60 * 10) /* headless runs past the replay at most this long */

/* --headless: run to --at TICK for --screenshot or --bench-frames, or on
 * to the end of the scene for --print-score (at most HEADLESS_TAIL_TICKS
 * past the replay's last input). Returns 0, 1 when the screenshot could
 * not be taken, or 3 when the scene did not end for --print-score. */
int run_headless(App *app);
/* A window, until the player or the game quits. F12 saves a screenshot
 * into the data folder. Returns 0. */
int run_window(App *app);

#endif
