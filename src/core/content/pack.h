/* Unsaid - pack.h: a level pack's manifest (pack.yaml) and version rules.
 *
 * A pack is a folder or a .zip whose root holds pack.yaml. The base game is
 * itself a pack (levels/base). See docs/modding.md for the format. */
#ifndef UNSAID_PACK_H
#define UNSAID_PACK_H

#include "arena.h"
#include "diag.h"

#include <stdbool.h>
#include <stddef.h>

#define PACK_FORMAT 1 /* the manifest format this game reads */
#define PACK_ID_MIN 3
#define PACK_ID_MAX 50

typedef struct {
    int major, minor, patch;
} SemVer;

/* A reference to an id written in a file, with where it was written. */
typedef struct {
    const char *id;
    const char *range; /* version range for dependencies ("*" if none) */
    int line, col;
} PackRef;

typedef struct {
    const char *id, *title;
    PackRef *scenes;
    int nscenes;
    int line, col;
} PackChapter;

typedef struct {
    Arena arena;
    const char *file;
    const char *id, *title, *version, *game, *license, *language, *description;
    int game_line, game_col; /* where `game:` was written */
    SemVer semver;
    int format;
    const char **authors;
    int nauthors;
    PackRef *required, *optional, *incompatible, *overrides;
    int nrequired, noptional, nincompatible, noverrides;
    PackChapter *chapters;
    int nchapters;
} PackManifest;

/* Parse and validate pack.yaml. Returns false (with every problem in
 * diags) when the manifest cannot be used. */
bool pack_manifest_load(PackManifest *m, const char *file, const char *buf, size_t len, DiagList *diags);
void pack_manifest_free(PackManifest *m);
/* Does the manifest list `id` under overrides? */
bool pack_overrides(const PackManifest *m, const char *id);

/* "1.2.3" (a "-pre" or "+build" suffix is allowed and ignored). */
bool pack_semver_parse(const char *s, SemVer *out);
int pack_semver_cmp(SemVer a, SemVer b);
/* Is `range` a valid version range? Forms, space-separated and all required:
 * "*", "1.2.3" (exactly), "=1.2.3", ">1.2.3", ">=1.2.3", "<1.2.3", "<=1.2.3",
 * "^1.2.3" (same major), "~1.2.3" (same major and minor). */
bool pack_range_valid(const char *range);
bool pack_range_allows(const char *range, SemVer v);

#endif
