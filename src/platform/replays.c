/* Unsaid - replays.c: .replay files on disk (see replays.h). */
#include "replays.h"

#include "packs.h"
#include "util.h"
#include "vfs.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

bool replays_load(Replay *rp, const char *file)
{
    FILE *f = fopen(file, "rb");
    if (!f) {
        fprintf(stderr, "unsaid: %s: %s\n", file, strerror(errno));
        return false;
    }
    char *buf = malloc(VFS_MAX_FILE + 1);
    size_t len = buf ? fread(buf, 1, VFS_MAX_FILE + 1, f) : 0;
    fclose(f);
    if (!buf || len > VFS_MAX_FILE) {
        fprintf(stderr, "unsaid: %s: replay is too large\n", file);
        free(buf);
        return false;
    }
    DiagList diags = {0};
    bool ok = replay_load(rp, file, buf, len, &diags);
    free(buf);
    packs_report(&diags, false, "The replay");
    diag_free(&diags);
    if (!ok)
        replay_free(rp); /* the events read before the error */
    return ok;
}

bool replays_choose_packs(const Replay *r, const char *file, bool windowed)
{
    const char *chosen[VFS_MAX_SOURCES];
    int nchosen = 0;
    DiagList diags = {0};
    PackSource sources[VFS_MAX_SOURCES];
    int n = r->npacks ? vfs_mount_packs(true, NULL, 0, sources, VFS_MAX_SOURCES) : 0;
    PackManifest *m = calloc((size_t)n + 1, sizeof *m);
    if (!m) {
        fprintf(stderr, "unsaid: out of memory\n");
        return false;
    }
    PackIO io = vfs_pack_io();
    for (int s = 0; s < n; s++) {
        char err[512];
        size_t len;
        char *buf = sources[s].problem ? NULL : io.read(io.ctx, s, "pack.yaml", 64u * 1024u, &len, err, sizeof err);
        DiagList ignored = {0}; /* a broken pack.yaml is reported when the packs load */
        if (buf)
            pack_manifest_load(&m[s], sources[s].name, buf, len, &ignored);
        diag_free(&ignored);
        free(buf);
    }
    for (int i = 0; i < r->npacks; i++) {
        const ReplayPack *rp = &r->packs[i];
        int same = -1, other = -1;
        for (int s = 0; s < n; s++) {
            if (!m[s].id || strcmp(m[s].id, rp->id) != 0)
                continue;
            if (sources[s].is_base)
                other = s;
            else if (m[s].version && strcmp(m[s].version, rp->version) == 0) {
                if (same < 0 || (sources[same].is_zip && !sources[s].is_zip)) /* as the library: a folder wins */
                    same = s;
            } else if (other < 0) {
                other = s;
            }
        }
        if (same >= 0)
            chosen[nchosen++] = sources[same].name;
        else if (other >= 0 && sources[other].is_base)
            diag_add(&diags, DIAG_ERROR, file, rp->line, rp->col,
                     "'%s' is the game's own pack, which every replay plays with; 'pack' lines name added packs",
                     rp->id);
        else if (other >= 0)
            diag_add(&diags, DIAG_ERROR, file, rp->line, rp->version_col,
                     "this replay needs pack '%s' version %s, but %.100s has version %.64s", rp->id, rp->version,
                     sources[other].name, m[other].version ? m[other].version : "?");
        else
            diag_add(&diags, DIAG_ERROR, file, rp->line, rp->col,
                     "this replay needs pack '%s' version %s, which is not installed", rp->id, rp->version);
    }
    for (int s = 0; s < n; s++)
        pack_manifest_free(&m[s]);
    free(m);
    bool ok = diags.errors == 0;
    if (ok)
        vfs_only_packs(chosen, nchosen); /* copies the names before the next mount reuses them */
    packs_report(&diags, windowed, "The replay");
    diag_free(&diags);
    return ok;
}

bool replays_check_packs(const Library *lib, const Replay *r, const char *file, bool windowed)
{
    DiagList diags = {0};
    for (int i = 0; i < r->npacks; i++) {
        const ReplayPack *rp = &r->packs[i];
        const PackInfo *found = NULL;
        for (int k = 0; k < lib->npacks && !found; k++)
            if (!lib->packs[k].is_base && lib->packs[k].has_manifest && lib->packs[k].manifest.id &&
                strcmp(lib->packs[k].manifest.id, rp->id) == 0)
                found = &lib->packs[k];
        if (!found || found->state != PACK_ENABLED)
            diag_add(&diags, DIAG_ERROR, file, rp->line, rp->col,
                     "this replay needs pack '%s' version %s, which %.100s has but could not load "
                     "(see the errors above)",
                     rp->id, rp->version, found ? found->name : "the packs folder");
    }
    bool ok = diags.errors == 0;
    packs_report(&diags, windowed, "The replay");
    diag_free(&diags);
    return ok;
}

FILE *replays_record_start(const char *file, const Library *lib, const char *scene_id, Difficulty difficulty)
{
    FILE *f = fopen(file, "wb");
    if (!f) {
        fprintf(stderr, "unsaid: %s: %s\n", file, strerror(errno));
        return NULL;
    }
    /* The user packs playing now, so that the replay plays with them. */
    static ReplayPack packs[REPLAY_MAX_PACKS];
    static char head[REPLAY_MAX_PACKS * 128 + 256];
    int npacks = 0;
    for (int k = 0; k < lib->npacks && npacks < REPLAY_MAX_PACKS; k++) {
        const PackInfo *p = &lib->packs[k];
        if (p->is_base || p->state != PACK_ENABLED || !p->has_manifest)
            continue;
        snprintf(packs[npacks].id, sizeof packs[npacks].id, "%s", p->manifest.id);
        snprintf(packs[npacks].version, sizeof packs[npacks].version, "%s", p->manifest.version);
        npacks++;
    }
    replay_format_header(head, sizeof head, scene_id, packs, npacks, difficulty);
    fputs(head, f);
    return f;
}

void replays_record_tick(FILE *f, int tick, const TickInput *in)
{
    if (input_empty(in))
        return;
    char line[512];
    replay_format_tick(line, sizeof line, tick, in);
    fputs(line, f);
}

bool replays_record_finish(FILE *f, const char *file)
{
    if (fclose(f) == 0)
        return true;
    fprintf(stderr, "unsaid: %s: could not finish writing the recording\n", file);
    return false;
}
