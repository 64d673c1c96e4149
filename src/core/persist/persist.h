/* Unsaid - persist.h: the folder src/core/persist, what is kept between
 * plays: the player's settings and progress, as text.
 *
 * Two small files a teacher can open in any editor (docs/save-format.md):
 *
 *   # settings.txt                      # progress.txt
 *   format = 1                          format = 1
 *   fullscreen = no                     scene = im_fine pack=base done=yes stars=3 score=500 ...
 *   master_volume = 80                  scene = the_call pack=base done=no stars=0 score=-50 ...
 *   ...                                 end = progress
 *   end = settings
 *
 * One `key = value` per line; `#` starts a comment. `format = 1` comes
 * first and `end = settings` / `end = progress` last, so a file cut short
 * is told apart from a finished one. The rules for reading:
 * - unknown keys (a newer game's) are skipped with a warning;
 * - numbers out of range are clamped with a warning;
 * - anything else that cannot be read (a damaged line, a word where a
 *   number belongs, a missing `end`, stray control bytes) is an error, and
 *   the caller falls back to the backup copy instead of using the file.
 * Writing gives back exactly what reading took in.
 *
 * The parts, each with its own header:
 *   textio.h         lines in and text out, numbers, file:line:col messages
 *   saveframe.h      the frame both files share: `format` first, `end` last
 *   settings_file.h  the settings, one table of keys
 *   progress.h       the scenes played and how they went
 *   tally.h          a play's counts of noticing, region by region
 * This header brings in all of them; code outside src/core includes this
 * one only.
 *
 * Contract: depends on util (diagnostics), body (the regions a tally
 * counts) and content's difficulty.h (the difficulty a setting chooses
 * and a best was earned at), nothing above. Pure: no SDL, no files, no clock; text in, text
 * out, and src/platform/saves.h puts it on disk. A file read never fails
 * silently: what was kept, clamped or refused is in the DiagList. */
#ifndef UNSAID_PERSIST_H
#define UNSAID_PERSIST_H

#include "progress.h"
#include "saveframe.h"
#include "settings_file.h"
#include "tally.h"

#endif
