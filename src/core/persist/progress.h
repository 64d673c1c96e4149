/* Unsaid - progress.h: what the player has played, and its file, progress.txt.
 *
 *   format = 1
 *   scene = im_fine pack=base done=yes stars=3 score=500 plays=2 best.eyes=1/1,0/4 last.eyes=1/1,1/4
 *   scene = the_call pack=base done=no stars=0 score=-50 plays=1 last.face=0/0,1/6
 *   scene = ninety_days pack=base done=yes plays=1 last.hands=1/2,0/5 sharp.stars=2 sharp.score=200 ...
 *   end = progress
 *
 * One record per scene ever started, in the order first played, each on
 * one `scene = ID name=value ...` line. The best of each difficulty is
 * kept apart (a best at gentle never replaces one at sharp): `stars`,
 * `score` and `best.REGION` are standard's, as in files written before
 * there were difficulties, and `gentle.` or `sharp.` before them names
 * the others'. A field the game does not know is
 * skipped with a warning, one given twice takes the later value with a
 * warning, and a number out of range is clamped with a warning; anything
 * else that cannot be read (a bad id, a scene listed twice, a word where a
 * number belongs) refuses the whole file (the frame's rules are in
 * saveframe.h). Writing gives back exactly what reading took in.
 *
 * Pure: no SDL, no files, no clock. src/platform/saves.h puts it on disk. */
#ifndef UNSAID_PROGRESS_H
#define UNSAID_PROGRESS_H

#include "diag.h"
#include "difficulty.h"
#include "tally.h"

#include <stdbool.h>
#include <stddef.h>

#define SAVE_ID_MAX 64 /* scene and pack ids: 1..64 of a-z 0-9 _ - */
#define PROGRESS_MAX_SCENES 512

/* Scores, play counts and signal-detection counts are clamped to these. */
#define PROGRESS_MAX_SCORE 1000000
#define PROGRESS_MAX_COUNT 1000000

/* Each record keeps the signal-detection counts (tally.h) of two plays,
 * region by region: trials, hits and false alarms. Added up over a run
 * (progress_totals), they give the player's noticing profile. */
/* The best plays of a scene at one difficulty. */
typedef struct {
    bool played; /* there is a best at this difficulty */
    int stars;   /* best, 0..3 */
    int score;   /* best */
    Tally best;  /* of the play that set the best score */
} SceneBest;

typedef struct {
    char scene[SAVE_ID_MAX + 1]; /* the scene's id; records are found by it */
    char pack[SAVE_ID_MAX + 1];  /* the pack it came from at the last play ("" if unknown) */
    bool done;                   /* played to the end at least once, at any difficulty */
    int plays;                   /* at every difficulty */
    SceneBest at[DIFFICULTY_COUNT]; /* the bests, by Difficulty */
    Tally last; /* of the latest play */
} SceneRecord;

/* About 170 KiB: keep it static or on the heap, not on a small stack. */
typedef struct {
    SceneRecord scenes[PROGRESS_MAX_SCENES]; /* in the order first played */
    int count;
} Progress;

/* One play, as the scoring code sees it (SceneResult in notice.h). */
typedef struct {
    bool completed; /* reached the debrief */
    int stars, score;
    Tally tally;    /* SceneResult.tally */
    Difficulty difficulty; /* played at (0, standard, when not said) */
} PlayResult;

void progress_init(Progress *p); /* empty */
/* The record for a scene id, or NULL if it was never played. */
const SceneRecord *progress_find(const Progress *p, const char *scene);
/* The record for a scene id, added (empty, with `pack`) when missing.
 * NULL when an id is not valid or the table is full. */
SceneRecord *progress_get(Progress *p, const char *pack, const char *scene);
/* Count one play: plays + 1, `last` replaced, the pack updated; done
 * only ever improves, and so do the stars and score of the play's
 * difficulty (the others' are untouched), whose `best` follows its best
 * score (a tie keeps the earlier play). Values are clamped as when reading:
 * counts to 0..PROGRESS_MAX_COUNT, hits to signals, false alarms to
 * noise; each total is the sum of its regions.
 * Returns the record, or NULL as progress_get. */
SceneRecord *progress_record(Progress *p, const char *pack, const char *scene, const PlayResult *play);
/* The difficulty with the most stars in the record (a tie: the sharper
 * one), its best in *best (may be NULL); -1 when none has a best yet. */
int progress_best(const SceneRecord *r, const SceneBest **best);
/* `last` of every record added up: the tally of the run, for
 * stats_tally_dprime() and stats_profile(). */
void progress_totals(const Progress *p, Tally *out);

/* Read a progress file. `file` names it in diagnostics; buf need not be
 * NUL-terminated. Returns false when diags gained an error; *p is then
 * empty, never half a file. Warnings leave it true. */
bool progress_parse(Progress *p, const char *file, const char *buf, size_t len, DiagList *diags);
/* The text of a progress file, NUL-terminated, its length in *len (may be
 * NULL). malloc'd: free() it. NULL only when out of memory. */
char *progress_format(const Progress *p, size_t *len);

/* Is s a scene or pack id as progress accepts it (1..64 of a-z 0-9 _ -)? */
bool progress_id_valid(const char *s);

#endif
