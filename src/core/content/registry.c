/* Unsaid - registry.c: one set of rules for every kind of content by id. */
#include "registry.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void registry_init(Registry *r, const char *kind, void (*free_item)(void *item))
{
    memset(r, 0, sizeof *r);
    r->kind = kind;
    r->free_item = free_item;
    r->mark = -1;
}

static void drop_item(const Registry *r, void *item)
{
    if (!item)
        return;
    if (r->free_item)
        r->free_item(item);
    else
        free(item);
}

void registry_free(Registry *r)
{
    for (int i = 0; i < r->count; i++)
        drop_item(r, r->entries[i].item);
    for (int i = 0; i < r->nundo; i++)
        drop_item(r, r->undo[i].old.item);
    free(r->entries);
    free(r->undo);
    free(r->buckets);
    free(r->failed);
    arena_free(&r->arena);
    const char *kind = r->kind;
    void (*free_item)(void *) = r->free_item;
    registry_init(r, kind, free_item);
}

/* ---- the index: open addressing on FNV-1a, at most half full ---- */

static uint32_t hash_id(const char *s)
{
    uint32_t h = 2166136261u;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 16777619u;
    return h;
}

static void index_insert(Registry *r, int entry)
{
    uint32_t mask = (uint32_t)r->nbuckets - 1;
    uint32_t b = hash_id(r->entries[entry].id) & mask;
    while (r->buckets[b] >= 0)
        b = (b + 1) & mask;
    r->buckets[b] = entry;
}

/* Rebuild for count entries; false when out of memory (lookups then scan). */
static bool index_rebuild(Registry *r, int want)
{
    int n = 64;
    while (n < want * 2)
        n *= 2;
    int *b = malloc(sizeof *b * (size_t)n);
    if (!b) {
        free(r->buckets);
        r->buckets = NULL;
        r->nbuckets = 0;
        return false;
    }
    free(r->buckets);
    r->buckets = b;
    r->nbuckets = n;
    for (int i = 0; i < n; i++)
        b[i] = -1;
    for (int i = 0; i < r->count; i++)
        index_insert(r, i);
    return true;
}

static int find_index(const Registry *r, const char *id)
{
    if (!id)
        return -1;
    if (!r->buckets) {
        for (int i = 0; i < r->count; i++)
            if (strcmp(r->entries[i].id, id) == 0)
                return i;
        return -1;
    }
    uint32_t mask = (uint32_t)r->nbuckets - 1;
    for (uint32_t b = hash_id(id) & mask; r->buckets[b] >= 0; b = (b + 1) & mask)
        if (strcmp(r->entries[r->buckets[b]].id, id) == 0)
            return r->buckets[b];
    return -1;
}

/* ---- scopes ---- */

bool scope_sees(const PackScope *scope, int k)
{
    if (!scope || !scope->sees || k == scope->pack)
        return true;
    return k >= 0 && k < scope->npacks && scope->sees[k];
}

bool scope_overrides(const PackScope *scope, const char *id)
{
    return scope && scope->manifest && pack_overrides(scope->manifest, id);
}

/* ---- adding ---- */

/* What putting id would do; *at is its entry's index, or -1. */
static RegResult check_at(const Registry *r, const PackScope *scope, const char *id, const RegEntry **clash,
                          int *at_out)
{
    int at = find_index(r, id);
    *at_out = at;
    if (clash)
        *clash = at >= 0 ? &r->entries[at] : NULL;
    if (at < 0)
        return REG_ADDED;
    const RegEntry *old = &r->entries[at];
    if (old->owner == (scope ? scope->pack : -1))
        return REG_TWICE;
    if (!scope_overrides(scope, id) && !(r->all_key && scope_overrides(scope, r->all_key)))
        return REG_CONFLICT;
    if (!scope_sees(scope, old->origin))
        return REG_HIDDEN;
    return REG_REPLACED;
}

RegResult registry_check(const Registry *r, const PackScope *scope, const char *id, const RegEntry **clash)
{
    int at;
    return check_at(r, scope, id, clash, &at);
}

RegResult registry_put(Registry *r, const PackScope *scope, const char *id, const char *file, int line, int col,
                       void *item, const RegEntry **clash)
{
    int pack = scope ? scope->pack : -1;
    int at;
    RegResult res = check_at(r, scope, id, clash, &at);
    if (res == REG_REPLACED) {
        RegEntry *old = &r->entries[at];
        if (r->mark >= 0 && at < r->mark) { /* staged: keep what it replaces until commit */
            RegUndo *u = arena_array_push((void **)&r->undo, &r->nundo, &r->capundo, sizeof *u);
            if (!u)
                return REG_NOMEM;
            *u = (RegUndo){at, *old};
        } else {
            drop_item(r, old->item);
        }
        const char *f = arena_strdup(&r->arena, file);
        const char *owner_id = arena_strdup(&r->arena, scope && scope->pack_id ? scope->pack_id : "");
        old->item = item;
        old->owner = pack;
        old->owner_id = owner_id;
        old->file = f;
        old->line = line;
        old->col = col;
        return REG_REPLACED;
    }
    if (res != REG_ADDED)
        return res;
    if (r->count + 1 > r->nbuckets / 2)
        index_rebuild(r, r->count + 1); /* when out of memory, lookups fall back to a scan */
    const char *copy = arena_strdup(&r->arena, id);
    const char *f = arena_strdup(&r->arena, file);
    const char *owner_id = arena_strdup(&r->arena, scope && scope->pack_id ? scope->pack_id : "");
    RegEntry *e = copy && f && owner_id
                      ? arena_array_push((void **)&r->entries, &r->count, &r->cap, sizeof *e)
                      : NULL;
    if (!e)
        return REG_NOMEM;
    *e = (RegEntry){copy, item, pack, pack, owner_id, owner_id, f, line, col};
    if (r->buckets)
        index_insert(r, r->count - 1);
    return REG_ADDED;
}

void registry_put_message(const Registry *r, RegResult res, const char *id, const RegEntry *clash,
                          char *out, size_t size)
{
    switch (res) {
    case REG_TWICE:
        snprintf(out, size, "%s '%s' is defined twice in this pack (first at %s:%d:%d)", r->kind, id,
                 clash ? clash->file : "?", clash ? clash->line : 0, clash ? clash->col : 0);
        break;
    case REG_CONFLICT:
        snprintf(out, size,
                 "%s '%s' is already defined by pack '%s' (%s:%d:%d); list it%s%s%s under 'overrides:' in "
                 "pack.yaml to replace it on purpose",
                 r->kind, id, clash ? clash->owner_id : "?", clash ? clash->file : "?", clash ? clash->line : 0,
                 clash ? clash->col : 0, r->all_key ? " (or '" : "", r->all_key ? r->all_key : "",
                 r->all_key ? "' for all of them)" : "");
        break;
    case REG_HIDDEN:
        snprintf(out, size,
                 "%s '%s' comes from pack '%s', which this pack does not depend on; to replace it, "
                 "list '%s' under 'dependencies: required:' in pack.yaml",
                 r->kind, id, clash ? clash->origin_id : "?", clash ? clash->origin_id : "?");
        break;
    case REG_NOMEM:
        snprintf(out, size, "out of memory while adding %s '%s'", r->kind, id);
        break;
    default:
        snprintf(out, size, "%s '%s' was added", r->kind, id);
        break;
    }
}

/* ---- finding ---- */

const RegEntry *registry_find(const Registry *r, const char *id)
{
    int at = find_index(r, id);
    return at >= 0 ? &r->entries[at] : NULL;
}

const void *registry_item(const Registry *r, const char *id)
{
    const RegEntry *e = r ? registry_find(r, id) : NULL;
    return e ? e->item : NULL;
}

const RegEntry *registry_lookup(const Registry *r, const PackScope *scope, const char *id,
                                const RegEntry **hidden)
{
    const RegEntry *e = registry_find(r, id);
    if (hidden)
        *hidden = NULL;
    if (e && !scope_sees(scope, e->origin)) {
        if (hidden)
            *hidden = e;
        return NULL;
    }
    return e;
}

void registry_hidden_message(const Registry *r, const RegEntry *hidden, char *out, size_t size)
{
    snprintf(out, size,
             "%s '%s' comes from pack '%s', which this pack does not depend on; to use it, list '%s' "
             "under 'dependencies: required:' in pack.yaml",
             r->kind, hidden->id, hidden->origin_id, hidden->origin_id);
}

void registry_note_failed(Registry *r, const char *id)
{
    if (!id || registry_failed(r, id))
        return;
    if (r->nfailed == r->capfailed) {
        int cap = r->capfailed ? r->capfailed * 2 : 8;
        const char **f = realloc(r->failed, (size_t)cap * sizeof *f);
        if (!f)
            return; /* then a consequence may be reported too: no worse */
        r->failed = f;
        r->capfailed = cap;
    }
    const char *copy = arena_strdup(&r->arena, id);
    if (copy)
        r->failed[r->nfailed++] = copy;
}

bool registry_failed(const Registry *r, const char *id)
{
    for (int i = 0; id && i < r->nfailed; i++)
        if (strcmp(r->failed[i], id) == 0)
            return true;
    return false;
}

const char **registry_visible_ids(const Registry *r, const PackScope *scope)
{
    const char **ids = malloc(sizeof *ids * (size_t)(r->count + 1));
    if (!ids)
        return NULL;
    int n = 0;
    for (int i = 0; i < r->count; i++)
        if (scope_sees(scope, r->entries[i].origin))
            ids[n++] = r->entries[i].id;
    ids[n] = NULL;
    return ids;
}

/* ---- staging ---- */

void registry_begin(Registry *r)
{
    registry_commit(r); /* a stage left open is kept, never silently lost */
    r->mark = r->count;
}

void registry_commit(Registry *r)
{
    for (int i = 0; i < r->nundo; i++)
        drop_item(r, r->undo[i].old.item);
    r->nundo = 0;
    r->mark = -1;
}

void registry_rollback(Registry *r)
{
    if (r->mark < 0)
        return;
    for (int i = r->nundo - 1; i >= 0; i--) { /* newest first: each restores what it replaced */
        RegEntry *e = &r->entries[r->undo[i].index];
        drop_item(r, e->item);
        *e = r->undo[i].old;
    }
    r->nundo = 0;
    for (int i = r->mark; i < r->count; i++)
        drop_item(r, r->entries[i].item);
    bool shrank = r->count > r->mark;
    r->count = r->mark;
    r->mark = -1;
    if (shrank && r->buckets)
        index_rebuild(r, r->count);
}
