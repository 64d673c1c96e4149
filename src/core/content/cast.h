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
#include "registry.h"

#include <stdbool.h>
#include <stddef.h>

typedef struct {
    const char *id;
    const char *describe; /* who they are, for the cast sheet; may be NULL */
    Look look;
} CastEntry;

/* CastEntry items by id in a registry (registry.h has the rules). */
struct Cast {
    Arena arena; /* ids and descriptions */
    Registry reg;
};
typedef struct Cast Cast;

void cast_init(Cast *c);
void cast_free(Cast *c);
/* Add one look file for scope's pack (NULL: a lone file). */
bool cast_add(Cast *c, const PackScope *scope, const char *file, const char *buf, size_t len,
              DiagList *diags);
/* Any pack's look of that id, or NULL. */
const CastEntry *cast_find(const Cast *c, const char *id);
static inline int cast_count(const Cast *c) { return c->reg.count; }
static inline const CastEntry *cast_at(const Cast *c, int i) { return c->reg.entries[i].item; }

#endif
