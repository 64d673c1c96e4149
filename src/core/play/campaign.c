/* Unsaid - campaign.c */
#include "campaign.h"

#include <string.h>

void campaign_build(Campaign *c, const Library *lib)
{
    memset(c, 0, sizeof *c);
    if (!lib)
        return;
    for (int p = 0; p < lib->npacks; p++) {
        const PackInfo *pi = &lib->packs[p];
        if (pi->state != PACK_ENABLED || !pi->has_manifest)
            continue;
        for (int k = 0; k < pi->manifest.nchapters && c->nchapters < CAMPAIGN_MAX_CHAPTERS; k++) {
            const PackChapter *pc = &pi->manifest.chapters[k];
            Chapter *ch = &c->chapters[c->nchapters];
            ch->id = pc->id;
            ch->title = pc->title ? pc->title : pc->id;
            ch->pack = pi->manifest.id;
            for (int s = 0; s < pc->nscenes && ch->nscenes < CAMPAIGN_MAX_SCENES; s++) {
                const Scene *scene = library_scene(lib, pc->scenes[s].id);
                if (scene)
                    ch->scenes[ch->nscenes++] = scene;
            }
            if (ch->nscenes > 0)
                c->nchapters++;
        }
    }
}

bool campaign_find(const Campaign *c, const Scene *scene, int *chapter, int *pos)
{
    for (int k = 0; scene && k < c->nchapters; k++)
        for (int i = 0; i < c->chapters[k].nscenes; i++)
            if (c->chapters[k].scenes[i] == scene) {
                *chapter = k;
                *pos = i;
                return true;
            }
    return false;
}

static const SceneRecord *record(const Campaign *c, const Progress *p, int chapter, int pos)
{
    if (!p || chapter < 0 || chapter >= c->nchapters || pos < 0 || pos >= c->chapters[chapter].nscenes)
        return NULL;
    return progress_find(p, c->chapters[chapter].scenes[pos]->id);
}

bool campaign_open(const Campaign *c, const Progress *p, int chapter, int pos)
{
    if (chapter < 0 || chapter >= c->nchapters || pos < 0 || pos >= c->chapters[chapter].nscenes)
        return false;
    if (pos == 0)
        return true;
    const SceneRecord *prev = record(c, p, chapter, pos - 1);
    const SceneRecord *self = record(c, p, chapter, pos);
    return (prev && prev->done) || (self && self->done);
}

bool campaign_resume(const Campaign *c, const Progress *p, int *chapter, int *pos)
{
    if (c->nchapters == 0)
        return false;
    for (int k = 0; k < c->nchapters; k++)
        for (int i = 0; i < c->chapters[k].nscenes; i++) {
            const SceneRecord *r = record(c, p, k, i);
            if ((!r || !r->done) && campaign_open(c, p, k, i)) {
                *chapter = k;
                *pos = i;
                return true;
            }
        }
    *chapter = 0;
    *pos = 0;
    return true;
}

int campaign_stars(const SceneResult *r)
{
    int stars = 1; /* finished */
    int total = r->hits + r->misses;
    bool noticed = total > 0 ? r->hits * 3 >= total * 2 && r->false_alarms <= 1 : r->false_alarms == 0;
    if (noticed)
        stars++;
    if (r->answer >= 0 && r->quality == QUALITY_BEST)
        stars++;
    return stars;
}

int campaign_chapter_stars(const Campaign *c, const Progress *p, int chapter, int *max)
{
    int sum = 0;
    if (max)
        *max = 0;
    if (chapter < 0 || chapter >= c->nchapters)
        return 0;
    for (int i = 0; i < c->chapters[chapter].nscenes; i++) {
        const SceneRecord *r = record(c, p, chapter, i);
        const SceneBest *b = NULL;
        progress_best(r, &b); /* the best at any difficulty */
        sum += b ? b->stars : 0;
        if (max)
            *max += CAMPAIGN_STARS;
    }
    return sum;
}
