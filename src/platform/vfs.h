/* Unsaid - vfs.h: the game's files, through PhysicsFS.
 *
 * Mounts, all read-only:
 *   <data>/assets             -> /assets   fonts and other shared assets
 *   <data>/levels/base        -> /p/0      the base pack
 *   <user>/packs/<entry>      -> /p/<n>    each user pack, folder or .zip
 *                                          (for a replay, only those it names)
 *   <user>                    -> /user     the user's data folder
 * Every pack has its own mount point; which pack wins when two define the
 * same id is decided by id, not by path (see library.h). Writes go only to
 * the user's data folder (PHYSFS_getPrefDir), and only when the folder was
 * opened with vfs_init: replays, headless runs and the tools open it with
 * vfs_init_read_only and leave it exactly as it was. Symbolic links are refused,
 * and PhysicsFS refuses ".." in paths, so a pack cannot reach outside
 * itself. A pack whose files break the limits below is refused before any
 * file in it is read (a zip's sizes are the ones it claims).
 *
 * <data> is the first of: $UNSAID_DATA_DIR, the install prefix's
 * share/unsaid, the source tree the binary was built from, or the folder
 * above the executable. */
#ifndef UNSAID_VFS_H
#define UNSAID_VFS_H

#include "content.h"

#include <SDL2/SDL.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define VFS_MAX_FILE (4u * 1024u * 1024u)        /* the largest text file we read */
#define VFS_PACK_MAX_FILES 2000                   /* files in one pack */
#define VFS_PACK_MAX_DEPTH 8                      /* folder nesting in one pack */
#define VFS_PACK_MAX_FILE (16u * 1024u * 1024u)   /* one file in a pack */
#define VFS_PACK_MAX_TOTAL (128u * 1024u * 1024u) /* all files of one pack */
#define VFS_MAX_SOURCES LIBRARY_MAX_PACKS

/* Returns false and fills err when the data cannot be found. Creates the
 * user's data folder and its packs/ folder when they are missing. */
bool vfs_init(const char *argv0, char *err, size_t errsize);
/* The same, but the user's data folder is only read: it is not created
 * when missing, and nothing is written into it (vfs_write_atomic and
 * vfs_write_atomic_in on it fail; turning a pack off or on is kept in
 * memory until vfs_quit). */
bool vfs_init_read_only(const char *argv0, char *err, size_t errsize);
/* Was the user's data folder opened with vfs_init_read_only? */
bool vfs_read_only(void);
void vfs_quit(void);
/* Folder the base data was found in, and the user's data folder. */
const char *vfs_data_dir(void);
const char *vfs_user_dir(void);
/* Read a whole file (NUL-terminated). NULL and err on failure. Free with free(). */
char *vfs_read(const char *path, size_t *len, size_t max, char *err, size_t errsize);
/* Save `len` bytes of `data` as <user>/<name> so that a crash or power cut
 * at any moment leaves a whole file, old or new, never half of one:
 *   1. the bytes go to <name>.tmp, which is flushed and fsync'ed;
 *   2. the file there before, if any, becomes <name>.bak (the old backup
 *      is replaced; with no file there before, the old backup is kept);
 *   3. <name>.tmp is renamed to <name>, and the folder is synced.
 * `name` is a plain file name (no '/', not starting with '.'). PhysicsFS
 * cannot rename, so this works on the real path of the write folder.
 * Returns false and fills err when it fails; <name> is then as it was. */
bool vfs_write_atomic(const char *name, const void *data, size_t len, char *err, size_t errsize);
/* The same in any folder given by its real path (tests and tools). */
bool vfs_write_atomic_in(const char *dir, const char *name, const void *data, size_t len, char *err,
                         size_t errsize);
/* Mount the base pack and every user pack (and `extra` paths, e.g. the
 * packs given to --check) and describe them in `out`. Returns the count.
 * Call again to remount (F5): earlier pack mounts are dropped first.
 * A pack the platform refuses gets a PackSource.problem saying why: too
 * large, unreadable, or no pack.yaml at its top although one is nested
 * inside it or is a symbolic link. */
/* Where pack source n's files are mounted ("/p/<n>"; 0 is the base pack),
 * for reading them with vfs_read and vfs_rwops. */
void vfs_pack_root(int source, char *out, size_t size);
int vfs_mount_packs(bool user_packs, const char *const *extra, int nextra, PackSource *out, int max);
void vfs_unmount_packs(void);
/* For a replay: from now on, mount only these user packs (shown names, as
 * in PackSource.name: "packs/feelings"; copied), none when n is 0, and
 * ignore <user>/disabled-packs.txt: no pack starts turned off. Needs
 * vfs_init_read_only, so turning packs off or on stays in memory. */
void vfs_only_packs(const char *const *names, int n);
/* Turn a user pack (by its shown name, "packs/feelings") off or on; the
 * choice is kept in <user>/disabled-packs.txt, written with
 * vfs_write_atomic (after vfs_init_read_only: in memory only). */
bool vfs_set_pack_disabled(const char *name, bool disabled, char *err, size_t errsize);
/* A number that changes when any file of the base pack or the user's packs
 * is saved, added, removed or renamed (their paths, sizes and times of
 * change, hashed): live reload polls it. */
uint64_t vfs_packs_stamp(void);
/* File access to mounted packs for the library. */
PackIO vfs_pack_io(void);

/* An SDL_RWops over a file for SDL_image / SDL_ttf / SDL_mixer; NULL on failure
 * (SDL_GetError says why). Closing it closes the file. */
SDL_RWops *vfs_rwops(const char *path);

#endif
