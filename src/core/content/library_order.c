/* Unsaid - library_order.c: every pack's manifest, read and checked, and the
 * packs in load order: duplicates resolved, dependencies before the packs
 * that need them, cycles and missing dependencies set aside. */
#include "library_parts.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MANIFEST_MAX (64u * 1024u) /* a pack.yaml */

/* A pack's id; a manifest that was read but is broken may lack one, and
 * then the pack goes by where it came from. */
const char *library_pack_id(const PackInfo *p)
{
    return p->has_manifest && p->manifest.id ? p->manifest.id : p->name;
}

void library_shown_path(char *out, size_t size, const PackInfo *p, const char *file)
{
    snprintf(out, size, "%s/%s", p->name, file);
}

static void set_broken(PackInfo *p, const char *file, int line, int col, const char *msg)
{
    p->state = PACK_BROKEN;
    if (msg)
        diag_add(&p->diags, DIAG_ERROR, file, line, col, "%s", msg);
}

void library_read_manifest(PackInfo *p, const PackSource *src, const PackIO *io, SemVer game)
{
    char file[300], err[512];
    library_shown_path(file, sizeof file, p, "pack.yaml");
    if (src->problem) {
        set_broken(p, p->name, 0, 0, src->problem);
        return;
    }
    size_t len;
    char *buf = io->read(io->ctx, p->source, "pack.yaml", MANIFEST_MAX, &len, err, sizeof err);
    if (!buf) {
        set_broken(p, file, 0, 0, "a pack needs a pack.yaml at its root (see docs/modding.md)");
        return;
    }
    p->has_manifest = true;
    if (!pack_manifest_load(&p->manifest, file, buf, len, &p->diags))
        p->state = PACK_BROKEN;
    free(buf);
    if (p->state == PACK_BROKEN)
        return;
    if (!pack_range_allows(p->manifest.game, game)) {
        char msg[300];
        snprintf(msg, sizeof msg, "this pack works with game versions %s; this game is %d.%d.%d",
                 p->manifest.game, game.major, game.minor, game.patch);
        set_broken(p, file, p->manifest.game_line, p->manifest.game_col, msg);
    }
    if (src->disabled && p->state == PACK_ENABLED)
        p->state = PACK_DISABLED;
}

/* Same id twice: a folder beats a zip; otherwise the later one breaks. */
void library_resolve_duplicates(PackInfo *all, int n)
{
    for (int i = 0; i < n; i++) {
        for (int j = i + 1; j < n; j++) {
            PackInfo *a = &all[i], *b = &all[j];
            if (!a->has_manifest || !b->has_manifest || a->state == PACK_BROKEN ||
                b->state == PACK_BROKEN || strcmp(library_pack_id(a), library_pack_id(b)) != 0)
                continue;
            PackInfo *loser = b, *winner = a;
            if (a->is_zip && !b->is_zip && !a->is_base) {
                loser = a;
                winner = b;
            }
            char file[300], msg[600];
            library_shown_path(file, sizeof file, loser, "pack.yaml");
            if (loser->is_zip && !winner->is_zip && !winner->is_base) {
                snprintf(msg, sizeof msg, "set aside: the folder %s has the same pack id '%s' and wins",
                         winner->name, library_pack_id(loser));
                diag_add(&loser->diags, DIAG_WARNING, file, 0, 0, "%s", msg);
                loser->state = PACK_DISABLED;
            } else {
                snprintf(msg, sizeof msg, "pack id '%s' is already used by %s", library_pack_id(loser),
                         winner->name);
                set_broken(loser, file, 0, 0, msg);
            }
        }
    }
}

static int find_enabled(PackInfo *all, int n, const char *id)
{
    for (int i = 0; i < n; i++)
        if (all[i].has_manifest && all[i].state == PACK_ENABLED && strcmp(library_pack_id(&all[i]), id) == 0)
            return i;
    return -1;
}

static int cmp_ids(const PackInfo *a, const PackInfo *b)
{
    if (a->is_base != b->is_base)
        return a->is_base ? -1 : 1;
    int c = strcmp(library_pack_id(a), library_pack_id(b));
    return c ? c : strcmp(a->name, b->name);
}

static void manifest_error(PackInfo *p, int line, int col, const char *msg)
{
    char file[300];
    library_shown_path(file, sizeof file, p, "pack.yaml");
    set_broken(p, file, line, col, msg);
}

void library_dep_error(PackInfo *p, const PackRef *r, const char *msg)
{
    manifest_error(p, r->line, r->col, msg);
}

/* Check one pack's dependencies against the packs enabled now. Returns
 * false if it cannot load; sets it broken with every reason. */
static bool deps_ok(PackInfo *all, int n, PackInfo *p)
{
    const PackManifest *m = &p->manifest;
    bool ok = true;
    for (int i = 0; i < m->nincompatible; i++) {
        int k = find_enabled(all, n, m->incompatible[i].id);
        if (k >= 0 && pack_range_allows(m->incompatible[i].range, all[k].manifest.semver)) {
            char msg[400];
            snprintf(msg, sizeof msg, "this pack does not work with pack '%s' (%s), which is installed",
                     m->incompatible[i].id, all[k].name);
            library_dep_error(p, &m->incompatible[i], msg);
            ok = false;
        }
    }
    for (int i = 0; i < m->nrequired; i++) {
        const PackRef *r = &m->required[i];
        int k = find_enabled(all, n, r->id);
        char msg[400];
        if (k < 0) {
            snprintf(msg, sizeof msg, "this pack needs pack '%s', which is missing, disabled or broken", r->id);
            library_dep_error(p, r, msg);
            ok = false;
        } else if (!pack_range_allows(r->range, all[k].manifest.semver)) {
            snprintf(msg, sizeof msg, "this pack needs pack '%s' version %s, but %s is installed", r->id,
                     r->range, all[k].manifest.version);
            library_dep_error(p, r, msg);
            ok = false;
        }
    }
    return ok;
}

/* Base first, then dependencies before dependents, ties by id. */
int library_order_packs(PackInfo *all, int n, int *order)
{
    int count = 0;
    bool *placed = calloc((size_t)n, sizeof *placed);
    if (!placed)
        return 0;
    for (;;) {
        int next = -1;
        for (int i = 0; i < n; i++) {
            PackInfo *p = &all[i];
            if (placed[i] || p->state != PACK_ENABLED)
                continue;
            bool ready = true;
            const PackManifest *m = &p->manifest;
            for (int d = 0; d < m->nrequired + m->noptional && ready; d++) {
                const char *id = d < m->nrequired ? m->required[d].id : m->optional[d - m->nrequired].id;
                int k = find_enabled(all, n, id);
                if (k >= 0 && !placed[k] && k != i)
                    ready = false;
                if (k < 0 && d < m->nrequired)
                    ready = false;
            }
            if (ready && (next < 0 || cmp_ids(p, &all[next]) < 0))
                next = i;
        }
        if (next < 0)
            break;
        if (deps_ok(all, n, &all[next]))
            order[count++] = next;
        placed[next] = true;
    }
    /* Whatever is left could never be placed: a missing dependency or a cycle. */
    for (int i = 0; i < n; i++) {
        PackInfo *p = &all[i];
        if (placed[i] || p->state != PACK_ENABLED)
            continue;
        if (deps_ok(all, n, p)) { /* every dependency exists: they wait on each other */
            manifest_error(p, 0, 0, "its dependencies form a cycle (a pack that needs itself through others)");
        }
    }
    /* Packs set aside go last, for the Packs screen. */
    for (int pass = 0; pass < 2; pass++) {
        int start = count;
        for (int i = 0; i < n; i++) {
            bool in = false;
            for (int k = 0; k < count; k++)
                in |= order[k] == i;
            if (!in && ((pass == 0) == (all[i].state == PACK_DISABLED)))
                order[count++] = i;
        }
        for (int a = start; a < count; a++) /* sort the tail by id */
            for (int b = a + 1; b < count; b++)
                if (cmp_ids(&all[order[b]], &all[order[a]]) < 0) {
                    int t = order[a];
                    order[a] = order[b];
                    order[b] = t;
                }
    }
    free(placed);
    return count;
}
