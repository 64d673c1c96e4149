/* Unsaid - library.h: every pack the game can see, loaded in a defined order.
 *
 * The load order, in one place (the modding guide repeats it):
 *  1. The base pack (levels/base) loads first, always.
 *  2. Then the user's packs from <user data>/packs/, folders and .zip files.
 *     Two packs with the same id: a loose folder beats a .zip (it is the
 *     author's working copy); the zip is set aside. Two folders with the
 *     same id: the second is broken.
 *  3. Required dependencies load before the packs that need them; otherwise
 *     packs load in order of id. A pack whose required dependency is
 *     missing, broken, disabled or outside the version range, or which
 *     meets a pack it declares incompatible, or which needs another game
 *     version, is set aside. Dependency cycles set every pack in them aside.
 *  4. Each pack's lexicon.yaml adds cues, its strings.yaml rewords the
 *     interface, its looks/ *.yaml add people and its places/ *.yaml add
 *     places, then its scenes/ *.yaml add scenes.
 *     Content is found by id. Reusing an id an earlier pack defined is a
 *     conflict naming both places, unless the later pack lists the id under
 *     `overrides:` - then it replaces the earlier one everywhere.
 *  5. Visibility, one rule for every kind of content: a pack may use (and
 *     replace) the cues, looks, places and scenes of itself, the base pack
 *     and the packs it names under `dependencies:` (`required:` or
 *     `optional:`), nothing
 *     else; using another pack's is an error that names the pack to
 *     depend on. Interface strings all come from the base pack.
 *  6. A pack with any error is set aside whole, with its errors: none of
 *     its content reaches the game, and the rest of the game plays as if
 *     it were not there. Warnings do not set a pack aside.
 *
 * The library reads files through PackIO, so the same code serves the game
 * (PhysicsFS), the checker and the tests (memory). */
#ifndef UNSAID_LIBRARY_H
#define UNSAID_LIBRARY_H

#include "cast.h"
#include "diag.h"
#include "lexicon.h"
#include "pack.h"
#include "places.h"
#include "registry.h"
#include "scene.h"
#include "strings.h"

#include <stdbool.h>
#include <stddef.h>

#define LIBRARY_MAX_PACKS 64
#define LIBRARY_MAX_SCENES_PER_PACK 1000
#define LIBRARY_MAX_FILE (1u << 20) /* one text file, 1 MiB */

/* File access for one source (a pack's root). */
typedef struct {
    /* Read path (relative to the pack root, e.g. "scenes/a.yaml"); NULL with
     * err filled when missing or larger than max. Free with free(). */
    char *(*read)(void *ctx, int source, const char *path, size_t max, size_t *len, char *err,
                  size_t errsize);
    /* Sorted names of the regular files directly in dir, or 0 if none.
     * The caller frees each name and the array with free(). */
    int (*list)(void *ctx, int source, const char *dir, char ***names);
    void *ctx;
} PackIO;

/* Where a pack comes from. */
typedef struct {
    const char *name;    /* shown to people: "levels/base", "packs/feelings.zip" */
    bool is_zip;
    bool is_base;
    bool disabled;       /* turned off by the player */
    const char *problem; /* set when the platform refused it (too big, unreadable) */
} PackSource;

typedef enum { PACK_ENABLED, PACK_DISABLED, PACK_BROKEN } PackState;

typedef struct {
    int lines, cues, incongruent, answers, words;
} PackStats;

typedef struct {
    int source; /* index into the sources given to library_load */
    char name[256];
    bool is_zip, is_base;
    PackManifest manifest;
    bool has_manifest;
    PackState state;
    DiagList diags;
    int nscenes;
    PackStats stats;
} PackInfo;

typedef struct {
    PackInfo packs[LIBRARY_MAX_PACKS]; /* in load order */
    int npacks;
    Lexicon lex;
    Cast cast;
    Strings strings;
    Places places;
    Registry scenes; /* Scene items of every enabled pack, by id */
    int rounds;      /* times the packs were loaded until every pack left was clean */
} Library;

/* Load every source. Never fails as a whole: broken packs are set aside
 * with their diagnostics. Returns false only when the base pack is broken
 * (the game then has nothing to play). */
bool library_load(Library *lib, const PackSource *sources, int nsources, const PackIO *io,
                  const char *game_version);
void library_free(Library *lib);
const Scene *library_scene(const Library *lib, const char *id);
/* The id of a loaded scene that `id` is probably a typo of, or NULL. */
const char *library_closest_scene(const Library *lib, const char *id);
static inline int library_scene_count(const Library *lib) { return lib->scenes.count; }
static inline const Scene *library_scene_at(const Library *lib, int i) { return lib->scenes.entries[i].item; }
/* The id of the pack a loaded scene comes from, or NULL. */
const char *library_scene_pack_id(const Library *lib, const Scene *scene);
/* The first scene of the first chapter of the base pack (or any scene). */
const Scene *library_first_scene(const Library *lib);
/* The pack a source ended up as (NULL if it was never read). */
const PackInfo *library_pack_of_source(const Library *lib, int source);
const char *library_state_name(PackState s);

#endif
