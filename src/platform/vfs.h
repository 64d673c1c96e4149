/* Unsaid - vfs.h: the game's files, through PhysicsFS.
 *
 * Mounts, all read-only:
 *   <data>/assets             -> /assets   fonts and other shared assets
 *   <data>/levels/base        -> /p/0      the base pack
 *   <user>/packs/<entry>      -> /p/<n>    each user pack, folder or .zip
 *   <user>                    -> /user     the user's data folder
 * Every pack has its own mount point; which pack wins when two define the
 * same id is decided by id, not by path (see library.h). Writes go only to
 * the user's data folder (PHYSFS_getPrefDir). Symbolic links are refused,
 * and PhysicsFS refuses ".." in paths, so a pack cannot reach outside
 * itself. A pack whose files break the limits below is refused before any
 * file in it is read (a zip's sizes are the ones it claims).
 *
 * <data> is the first of: $UNSAID_DATA_DIR, the install prefix's
 * share/unsaid, the source tree the binary was built from, or the folder
 * above the executable. */
#ifndef UNSAID_VFS_H
#define UNSAID_VFS_H

#include "library.h"

#include <SDL2/SDL.h>
#include <stdbool.h>
#include <stddef.h>

#define VFS_MAX_FILE (4u * 1024u * 1024u)        /* the largest text file we read */
#define VFS_PACK_MAX_FILES 2000                   /* files in one pack */
#define VFS_PACK_MAX_DEPTH 8                      /* folder nesting in one pack */
#define VFS_PACK_MAX_FILE (16u * 1024u * 1024u)   /* one file in a pack */
#define VFS_PACK_MAX_TOTAL (128u * 1024u * 1024u) /* all files of one pack */
#define VFS_MAX_SOURCES LIBRARY_MAX_PACKS

/* Returns false and fills err when the data cannot be found. */
bool vfs_init(const char *argv0, char *err, size_t errsize);
void vfs_quit(void);
/* Folder the base data was found in, and the user's data folder. */
const char *vfs_data_dir(void);
const char *vfs_user_dir(void);
/* Read a whole file (NUL-terminated). NULL and err on failure. Free with free(). */
char *vfs_read(const char *path, size_t *len, size_t max, char *err, size_t errsize);
/* Mount the base pack and every user pack (and `extra` paths, e.g. the
 * packs given to --check) and describe them in `out`. Returns the count.
 * Call again to remount (F5): earlier pack mounts are dropped first. */
int vfs_mount_packs(bool user_packs, const char *const *extra, int nextra, PackSource *out, int max);
void vfs_unmount_packs(void);
/* Turn a user pack (by its shown name, "packs/feelings") off or on; the
 * choice is kept in <user>/disabled-packs.txt, written atomically. */
bool vfs_set_pack_disabled(const char *name, bool disabled, char *err, size_t errsize);
/* File access to mounted packs for the library. */
PackIO vfs_pack_io(void);

/* An SDL_RWops over a file for SDL_image / SDL_ttf / SDL_mixer; NULL on failure
 * (SDL_GetError says why). Closing it closes the file. */
SDL_RWops *vfs_rwops(const char *path);

#endif
