/* Unsaid - save.h: the player's settings and progress, as text.
 *
 * Two small files a teacher can open in any editor (docs/save-format.md):
 *
 *   # settings.txt                      # progress.txt
 *   format = 1                          format = 1
 *   fullscreen = no                     scene = im_fine pack=base done=yes stars=3 score=500 ...
 *   master_volume = 80                  scene = the_call pack=base done=no stars=0 score=-50 ...
 *   ...                                 end = progress
 *   end = settings
 *
 * One `key = value` per line; `#` starts a comment. `format = 1` comes
 * first and `end = settings` / `end = progress` last, so a file cut short
 * is told apart from a finished one. The rules for reading:
 * - unknown keys (a newer game's) are skipped with a warning;
 * - numbers out of range are clamped with a warning;
 * - anything else that cannot be read (a damaged line, a word where a
 *   number belongs, a missing `end`, stray control bytes) is an error, and
 *   the caller falls back to the backup copy instead of using the file.
 * Writing gives back exactly what reading took in.
 *
 * Pure: no SDL, no files, no clock. src/platform/saves.h puts these on disk. */
#ifndef UNSAID_SAVE_H
#define UNSAID_SAVE_H

#include "diag.h"
#include "stats.h"

#include <stdbool.h>
#include <stddef.h>

#define SAVE_FORMAT 1                   /* the format this game reads and writes */
#define SAVE_MAX_FILE (1024u * 1024u)   /* larger files are refused as damaged */
#define SAVE_MAX_LINE 1024              /* bytes in one line, without the newline */
#define SAVE_ID_MAX 64                  /* scene and pack ids: 1..64 of a-z 0-9 _ - */
#define PROGRESS_MAX_SCENES 512

/* Window sizes: 0 means the game's default; otherwise these bounds. */
#define SETTINGS_MIN_WIDTH 320
#define SETTINGS_MAX_WIDTH 7680
#define SETTINGS_MIN_HEIGHT 180
#define SETTINGS_MAX_HEIGHT 4320

/* Scores, play counts and signal-detection counts are clamped to these. */
#define PROGRESS_MAX_SCORE 1000000
#define PROGRESS_MAX_COUNT 1000000

/* ---- settings ------------------------------------------------------------ */

typedef enum { TEXT_SIZE_SMALL, TEXT_SIZE_NORMAL, TEXT_SIZE_LARGE, TEXT_SIZE_PROJECTOR, TEXT_SIZE_COUNT } TextSize;
typedef enum { TEXT_SPEED_SLOW, TEXT_SPEED_NORMAL, TEXT_SPEED_FAST, TEXT_SPEED_INSTANT, TEXT_SPEED_COUNT } TextSpeed;

typedef struct {
    bool fullscreen;
    int window_width, window_height;                /* 0 = the default size */
    int master_volume, music_volume, effects_volume; /* 0..100 */
    TextSize text_size;
    TextSpeed text_speed;
    bool reduced_motion; /* fewer and gentler movements outside the characters' cues */
    bool high_contrast;
    bool hints;          /* off by default: noticing is the game */
    bool open_all_scenes; /* for facilitators: every scene can be chosen, finished or not */
} Settings;

/* Full screen off, default window, volumes 100/80/100, normal text at
 * normal speed, everything else off. */
Settings settings_default(void);
bool settings_equal(const Settings *a, const Settings *b);

/* Read a settings file. `file` names it in diagnostics; buf need not be
 * NUL-terminated. Returns false when diags gained an error; *s is then the
 * defaults, never half a file. Warnings (unknown keys, clamped values)
 * leave it true. */
bool settings_parse(Settings *s, const char *file, const char *buf, size_t len, DiagList *diags);
/* The text of a settings file, NUL-terminated, its length in *len (may be
 * NULL). malloc'd: free() it. NULL only when out of memory. */
char *settings_format(const Settings *s, size_t *len);

/* Data names: "small" .. "projector", "slow" .. "instant"; "?" out of range. */
const char *settings_text_size_name(TextSize t);
const char *settings_text_speed_name(TextSpeed t);

/* ---- progress ------------------------------------------------------------ */

/* Each record keeps the signal-detection counts (stats.h) of two plays,
 * region by region: trials, hits and false alarms. Added up over a run
 * (progress_totals), they give the player's noticing profile. */
typedef struct {
    char scene[SAVE_ID_MAX + 1]; /* the scene's id; records are found by it */
    char pack[SAVE_ID_MAX + 1];  /* the pack it came from at the last play ("" if unknown) */
    bool done;                   /* played to the end at least once */
    int stars;                   /* best, 0..3 */
    int score;                   /* best */
    int plays;
    Tally best; /* of the play that set the best score */
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
} PlayResult;

void progress_init(Progress *p); /* empty */
/* The record for a scene id, or NULL if it was never played. */
const SceneRecord *progress_find(const Progress *p, const char *scene);
/* The record for a scene id, added (empty, with `pack`) when missing.
 * NULL when an id is not valid or the table is full. */
SceneRecord *progress_get(Progress *p, const char *pack, const char *scene);
/* Count one play: plays + 1, `last` replaced, the pack updated; done,
 * stars and score only ever improve, and `best` follows the best score
 * (a tie keeps the earlier play). Values are clamped as when reading:
 * counts to 0..PROGRESS_MAX_COUNT, hits to signals, false alarms to
 * noise; each total is the sum of its regions.
 * Returns the record, or NULL as progress_get. */
SceneRecord *progress_record(Progress *p, const char *pack, const char *scene, const PlayResult *play);
/* `last` of every record added up: the tally of the run, for
 * stats_tally_dprime() and stats_profile(). */
void progress_totals(const Progress *p, Tally *out);

/* As settings_parse / settings_format. On failure *p is empty. */
bool progress_parse(Progress *p, const char *file, const char *buf, size_t len, DiagList *diags);
char *progress_format(const Progress *p, size_t *len);

/* Is s a scene or pack id as saves accept it (1..64 of a-z 0-9 _ -)? */
bool save_id_valid(const char *s);

#endif
