/* Unsaid - saves.h: settings.txt and progress.txt in the user's data folder.
 *
 * The formats are in src/core/save.h and docs/save-format.md. Nothing the
 * player has saved is ever thrown away:
 * - Saving goes through vfs_write_atomic: the previous file is kept as
 *   <file>.bak and a crash never leaves half a file.
 * - Loading reads <file>. When it is missing, <file>.bak is read instead
 *   (a save that was cut off between its two renames leaves exactly that),
 *   and when both are missing the defaults are used: a first start.
 * - A file that cannot be read (damaged, cut short, from a newer game) is
 *   moved aside to <file>.corrupt-N (N = 1, 2, ...), never overwritten,
 *   and <file>.bak is read instead. A damaged backup is moved aside the
 *   same way (<file>.bak.corrupt-N), and then the defaults are used.
 * - Saving first checks the file it is about to turn into the backup: if
 *   that one cannot be read either, it too is moved aside, so a good
 *   backup is never replaced by a bad file.
 * So after loading from the backup, the next save writes <file> and leaves
 * <file>.bak, the only good copy, as it is.
 *
 * Messages are for the player: one or more lines, naming the file with
 * line and column for each problem (at most a few), and saying what was
 * loaded instead and where the damaged copy was kept. */
#ifndef UNSAID_SAVES_H
#define UNSAID_SAVES_H

#include "persist.h"

#include <stdbool.h>
#include <stddef.h>

#define SAVES_SETTINGS_FILE "settings.txt"
#define SAVES_PROGRESS_FILE "progress.txt"

/* Load settings from the user's data folder into *s, which always ends up
 * usable (the file, its backup, or the defaults). Returns true when the
 * file was read cleanly, or there is none yet; msg is then empty, or holds
 * warnings (unknown keys, values clamped). Returns false when something
 * went wrong that the player should be told: msg says what, and what *s
 * holds instead. */
bool saves_load_settings(Settings *s, char *msg, size_t msgsize);
/* Save settings atomically, keeping the previous file as the backup.
 * Returns false and fills err when nothing could be saved (no user data
 * folder, disk full, a damaged file that could not be moved aside). */
bool saves_store_settings(const Settings *s, char *err, size_t errsize);

/* The same for progress. *p is large: see save.h. */
bool saves_load_progress(Progress *p, char *msg, size_t msgsize);
bool saves_store_progress(const Progress *p, char *err, size_t errsize);

/* The same four in any folder given by its real path, without PhysicsFS:
 * for tests and tools. The ones above use vfs_user_dir(). */
bool saves_load_settings_in(const char *dir, Settings *s, char *msg, size_t msgsize);
bool saves_store_settings_in(const char *dir, const Settings *s, char *err, size_t errsize);
bool saves_load_progress_in(const char *dir, Progress *p, char *msg, size_t msgsize);
bool saves_store_progress_in(const char *dir, const Progress *p, char *err, size_t errsize);

#endif
