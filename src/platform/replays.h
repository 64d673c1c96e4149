/* Unsaid - replays.h: .replay files on disk, and the packs they play with.
 *
 * The format is in src/core/replay.h and docs/replay-format.md. A replay
 * plays with the base pack and exactly the user packs its `pack` lines
 * name, whatever else is installed and whatever the player turned off, so
 * that it plays the same on every machine. A recording names the user
 * packs playing when it starts. */
#ifndef UNSAID_REPLAYS_H
#define UNSAID_REPLAYS_H

#include "content.h"
#include "play.h"

#include <stdbool.h>
#include <stdio.h>

/* Read the replay in `file` into *r. On failure says why on stderr, as
 * file:line:col, and leaves nothing to free. */
bool replays_load(Replay *r, const char *file);
/* Find each pack the replay names among the installed ones, by the id and
 * version in its pack.yaml; one that is missing, or installed only with
 * another version, is reported at its line of the replay (in a window,
 * also in a message box). On success only the chosen user packs stay
 * mountable (vfs_only_packs): call before loading the packs. */
bool replays_choose_packs(const Replay *r, const char *file, bool windowed);
/* After loading: every pack the replay names must have loaded. One set
 * aside (a missing dependency, a broken file) would change what the
 * replay plays. */
bool replays_check_packs(const Library *lib, const Replay *r, const char *file, bool windowed);

/* Start recording into `file`: the header names the enabled user packs of
 * lib, scene_id when not NULL, and the difficulty the game starts at.
 * NULL, said on stderr, when the file cannot be opened (the game plays on
 * unrecorded). */
FILE *replays_record_start(const char *file, const Library *lib, const char *scene_id, Difficulty difficulty);
/* One tick's input, when there is any. */
void replays_record_tick(FILE *f, int tick, const TickInput *in);
/* Close the recording; false, said on stderr, when it could not be written
 * in full. */
bool replays_record_finish(FILE *f, const char *file);

#endif
