/* Unsaid - campaign.h: chapters of scenes, what is open, and stars.
 *
 * The campaign is every chapter of every enabled pack, in load order (the
 * base pack's chapters first), each a list of scenes found by id. It is
 * rebuilt from the library whenever packs change; progress is kept by
 * scene id, so it survives packs being added, removed or reordered.
 *
 * The rules, in one place:
 * - The first scene of every chapter is open. Any other scene opens when
 *   the scene before it in its chapter has been finished once.
 * - Stars for one play, up to three:
 *     one for finishing the scene (reaching the debrief);
 *     one for noticing: at least two thirds of the disconnections flagged
 *       with at most one false alarm (in a catch scene, no false alarm);
 *     one for the answer that fits the moment (quality "best").
 *   A scene keeps its best stars at each difficulty; a chapter counts
 *   each scene's most at any difficulty.
 * - After a scene, Continue goes to the scene its answer leads to (`next:`
 *   in the scene file) or else to the next scene of the chapter; after a
 *   chapter's last scene it shows the chapter's results. */
#ifndef UNSAID_CAMPAIGN_H
#define UNSAID_CAMPAIGN_H

#include "library.h"
#include "notice.h"
#include "persist.h"

#include <stdbool.h>

#define CAMPAIGN_MAX_CHAPTERS 64
#define CAMPAIGN_MAX_SCENES 64 /* per chapter */
#define CAMPAIGN_STARS 3

typedef struct {
    const char *id, *title;
    const char *pack; /* the pack's id */
    const Scene *scenes[CAMPAIGN_MAX_SCENES];
    int nscenes;
} Chapter;

typedef struct {
    Chapter chapters[CAMPAIGN_MAX_CHAPTERS];
    int nchapters;
} Campaign;

/* Collect the chapters of every enabled pack. Scene ids that do not
 * resolve (the checker reports them) are left out. */
void campaign_build(Campaign *c, const Library *lib);
/* Where a scene sits: its chapter and position. False if in no chapter. */
bool campaign_find(const Campaign *c, const Scene *scene, int *chapter, int *pos);
/* Is this scene open to play (see the rules above)? progress may be NULL. */
bool campaign_open(const Campaign *c, const Progress *p, int chapter, int pos);
/* The first open scene not yet finished, for "Continue"; the first scene
 * of the first chapter when everything is finished. False if no chapters. */
bool campaign_resume(const Campaign *c, const Progress *p, int *chapter, int *pos);
/* Stars earned by one play of a scene. */
int campaign_stars(const SceneResult *r);
/* Best stars of a chapter's scenes (each at its best difficulty) added
 * up, and the most there are. */
int campaign_chapter_stars(const Campaign *c, const Progress *p, int chapter, int *max);

#endif
