/* Unsaid - vfs.h: the game's files, through PhysicsFS.
 *
 * Search order (first match wins when two mounts hold the same path):
 *   1. the base game data, read-only:   <data>/levels -> /levels
 *                                       <data>/assets -> /assets
 *   2. the user's packs, read-only:     <user>/packs/<name> -> /levels/<name>
 * Writes go only to the user's data folder (PHYSFS_getPrefDir), never to
 * the game's own data. Symbolic links are refused, and PhysicsFS refuses
 * ".." in paths, so a pack cannot reach outside itself.
 *
 * <data> is the first of: $UNSAID_DATA_DIR, the install prefix's
 * share/unsaid, the source tree the binary was built from, or the folder
 * above the executable. */
#ifndef UNSAID_VFS_H
#define UNSAID_VFS_H

#include <SDL2/SDL.h>
#include <stdbool.h>
#include <stddef.h>

#define VFS_MAX_FILE (4u * 1024u * 1024u) /* the largest text file we read */

/* Returns false and fills err when the data cannot be found. */
bool vfs_init(const char *argv0, char *err, size_t errsize);
void vfs_quit(void);
/* Folder the base data was found in, and the user's data folder. */
const char *vfs_data_dir(void);
const char *vfs_user_dir(void);
/* Read a whole file (NUL-terminated). NULL and err on failure. Free with free(). */
char *vfs_read(const char *path, size_t *len, size_t max, char *err, size_t errsize);
/* An SDL_RWops over a file for SDL_image / SDL_ttf / SDL_mixer; NULL on failure
 * (SDL_GetError says why). Closing it closes the file. */
SDL_RWops *vfs_rwops(const char *path);

#endif
