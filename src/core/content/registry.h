/* Unsaid - registry.h: content found by id, each piece owned by a pack.
 *
 * Cues, looks, places, interface strings and scenes all keep the same rules
 * (library.h lists them for modders); this module keeps them once:
 *  - An id names one thing. A later pack may replace it only when the pack
 *    lists the id under `overrides:` and can see the pack that first
 *    defined it; otherwise reusing the id is a conflict.
 *  - A pack sees its own content, the base pack's and that of the packs it
 *    depends on (`dependencies:` `required:` or `optional:`), and nothing else. Lookups
 *    made for a pack (registry_lookup) say when an id exists but belongs
 *    to a pack it cannot see, so the message can name the pack to depend on.
 *  - A pack's additions are staged: registry_begin marks where they start;
 *    registry_commit keeps them, registry_rollback undoes every one of
 *    them, replaced definitions included, as if the pack had never loaded.
 *
 * Items are allocated one by one and owned by the registry, so a pointer
 * to one stays valid for as long as it is in the registry, however many
 * are added after it. */
#ifndef UNSAID_REGISTRY_H
#define UNSAID_REGISTRY_H

#include "arena.h"
#include "pack.h"

#include <stdbool.h>
#include <stddef.h>

/* The pack that adds or looks up content. A NULL scope is a lone file
 * (the tests, the rig preview): it sees everything and overrides nothing. */
typedef struct {
    int pack;                   /* its place in the load order */
    const char *pack_id;        /* for messages */
    const PackManifest *manifest; /* its overrides; may be NULL */
    const bool *sees;           /* sees[k]: it may use pack k's content; NULL sees every pack */
    int npacks;                 /* entries in sees */
} PackScope;

typedef struct {
    const char *id;
    void *item;
    int owner;            /* the pack whose definition this is */
    int origin;           /* the pack that first defined the id: it decides who may use it */
    const char *owner_id; /* pack ids, for messages */
    const char *origin_id;
    const char *file;     /* where the current definition was written */
    int line, col;
} RegEntry;

typedef struct {
    int index;
    RegEntry old;
} RegUndo;

typedef struct {
    const char *kind;              /* "cue", "look", ... in messages */
    const char *all_key;           /* an overrides: entry that replaces every id (strings), or NULL */
    void (*free_item)(void *item); /* frees what the item owns and the item itself */
    Arena arena;                   /* ids, file names and pack ids of entries */
    RegEntry *entries;
    int count, cap;
    RegUndo *undo;                 /* definitions replaced since registry_begin */
    int nundo, capundo;
    int mark;                      /* count at registry_begin; -1 when nothing is staged */
    int *buckets;                  /* open-addressing index of entries by id, -1 when empty */
    int nbuckets;
    const char **failed;           /* ids whose definitions failed to load (in the arena) */
    int nfailed, capfailed;
} Registry;

typedef enum {
    REG_ADDED,    /* a new id */
    REG_REPLACED, /* an override */
    REG_TWICE,    /* this pack already defined the id */
    REG_CONFLICT, /* another pack defined it and the id is not under overrides: */
    REG_HIDDEN,   /* listed under overrides:, but the pack that defined it is not a dependency */
    REG_NOMEM
} RegResult;

/* free_item may be NULL when items own nothing but their own block. */
void registry_init(Registry *r, const char *kind, void (*free_item)(void *item));
void registry_free(Registry *r);

/* Put item under id for scope's pack: a new id, or a replacement when the
 * pack lists the id (or the registry's all_key) under overrides:. On REG_ADDED or REG_REPLACED the registry owns item;
 * otherwise the caller still does, and *clash (may be NULL) is the entry in
 * the way. */
RegResult registry_put(Registry *r, const PackScope *scope, const char *id, const char *file, int line, int col,
                       void *item, const RegEntry **clash);
/* What registry_put would do, without doing it. */
RegResult registry_check(const Registry *r, const PackScope *scope, const char *id, const RegEntry **clash);
/* A message for a failed registry_put, without file:line:col (the caller
 * adds where the id was written). */
void registry_put_message(const Registry *r, RegResult res, const char *id, const RegEntry *clash,
                          char *out, size_t size);

/* Any pack's entry for id, or NULL. */
const RegEntry *registry_find(const Registry *r, const char *id);
/* Its item, or NULL (r may be NULL). */
const void *registry_item(const Registry *r, const char *id);
/* The entry for id if scope may use it. When the id exists but belongs to
 * a pack scope cannot see, returns NULL and sets *hidden (may be NULL). */
const RegEntry *registry_lookup(const Registry *r, const PackScope *scope, const char *id,
                                const RegEntry **hidden);
/* "cue 'x' comes from pack 'p', which this pack does not depend on; ..." */
void registry_hidden_message(const Registry *r, const RegEntry *hidden, char *out, size_t size);
/* May scope use content of pack k? */
bool scope_sees(const PackScope *scope, int k);
/* Does scope's pack list id under overrides:? */
bool scope_overrides(const PackScope *scope, const char *id);

/* An id whose definition was found broken and reported: what names it
 * elsewhere is a consequence of that report, not a new problem. Kept until
 * registry_free, through commits and rollbacks. */
void registry_note_failed(Registry *r, const char *id);
bool registry_failed(const Registry *r, const char *id);

/* The ids scope may use, NULL-terminated, for "did you mean"; free() it. */
const char **registry_visible_ids(const Registry *r, const PackScope *scope);

void registry_begin(Registry *r);
void registry_commit(Registry *r);
void registry_rollback(Registry *r);

static inline int registry_count(const Registry *r) { return r->count; }
static inline const RegEntry *registry_at(const Registry *r, int i) { return &r->entries[i]; }

#endif
