/* Unsaid - cast.h: the people scenes can use, loaded from packs' looks/.
 *
 * A look file (looks/<id>.yaml) describes one person's appearance; a scene
 * names it (`look: noor`) or writes a look in place. Like cues, looks are
 * found by id, and reusing an id needs `overrides:` in pack.yaml. */
#ifndef UNSAID_CAST_H
#define UNSAID_CAST_H

#include "arena.h"
#include "diag.h"
#include "look.h"
#include "yamlutil.h"

#include <stdbool.h>
#include <stddef.h>

typedef struct {
    const char *id;
    const char *describe; /* who they are, for the cast sheet; may be NULL */
    Look look;
    const char *pack, *file;
    int line, col;
} CastEntry;

struct Cast {
    Arena arena;
    CastEntry *items;
    int count, cap;
};
typedef struct Cast Cast;

void cast_init(Cast *c);
void cast_free(Cast *c);
/* Add one look file. An id an earlier pack defined is an error unless
 * `overrides` says the pack replaces it on purpose. */
bool cast_add(Cast *c, const char *pack, const char *file, const char *buf, size_t len,
              bool (*overrides)(const void *ctx, const char *id), const void *ctx, DiagList *diags);
const CastEntry *cast_find(const Cast *c, const char *id);

/* Read look keys (skin, hair, hair_style, ...) from a mapping into *look;
 * `extra` names further keys the caller allows (NULL-terminated, may be NULL). */
void look_parse(YDoc *y, const yaml_node_t *map, const char *const *extra, Look *look);

#endif
