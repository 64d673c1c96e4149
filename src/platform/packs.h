/* Unsaid - packs.h: the level packs the game plays with.
 *
 * Mounts the base pack and the user's packs (see vfs.h for where they come
 * from), loads them into a Library (see library.h for which pack wins and
 * why one is set aside), and tells the player what is wrong with them. */
#ifndef UNSAID_PACKS_H
#define UNSAID_PACKS_H

#include "content.h"
#include "util.h"

#include <stdbool.h>
#include <stddef.h>

/* Load every pack into *lib (free it with library_free, whatever this
 * returns). Problems in user packs are printed on stderr and those packs
 * set aside; only a broken base pack stops the game: then this returns
 * false, and in a window also shows the problems in a message box.
 * quiet_user_packs: say nothing about user packs (the contact sheets). */
bool packs_load(Library *lib, bool windowed, bool quiet_user_packs);
/* Print diagnostics to stderr, and in a window also show the first few
 * errors in a message box headed "<what> has problems". */
void packs_report(const DiagList *diags, bool windowed, const char *what);
/* Every error and warning of every pack, one a line, into buf (cut short
 * to fit): the overlay after F5 and at start-up. */
void packs_problems(const Library *lib, char *buf, size_t size);

#endif
