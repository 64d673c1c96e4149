/* Unsaid - scene.h: one scene, loaded and validated, ready to play.
 *
 * All times are in ticks (1/60 s). Line and cue times written in the file
 * relative to a line are resolved to absolute scene ticks at load, where
 * tick 0 is the moment the performance starts. */
#ifndef UNSAID_SCENE_H
#define UNSAID_SCENE_H

#include "arena.h"
#include "diag.h"
#include "lexicon.h"
#include "look.h"

#include <stdbool.h>
#include <stddef.h>

#define SCENE_TICK_HZ 60
#define SCENE_HOLD 0x3fffffff /* a cue's end tick when it holds until the answer */
#define SCENE_MAX_LINES 64
#define SCENE_MAX_CUES_PER_LINE 16
#define SCENE_MAX_ANSWERS 5
/* Answers every player is offered, noticed or not: a scene needs at least
 * this many without `requires:`. */
#define SCENE_MIN_OPEN_ANSWERS 2
#define SCENE_TYPE_CPS 32.0   /* typewriter speed, characters per second */
/* A flag still counts this long after a cue ends (reaction time): half a
 * second. notice.h states the rule; NOTICE_GRACE_TICKS is this. */
#define SCENE_FLAG_GRACE_TICKS 30
/* A voice cue's caption stays at least this long from the cue's start (and
 * a flag on it counts as long): time to read "[sighs]" beside the words. */
#define SCENE_CAPTION_MIN_TICKS 150

typedef struct {
    const CueDef *def;
    float amount;  /* 0..1 as written, scales the lexicon targets (gentle may go past 1: difficulty.h) */
    int start, peak, relax, end;
    bool incongruent;
    const char *means;    /* the hidden feeling it may reveal */
    const char *describe; /* what the body does, in words */
    int line;             /* index of the line it belongs to (-1: a reply) */
    int src_line, src_col;
    /* Ticks a flag counts after end beyond SCENE_FLAG_GRACE_TICKS: 0 as
     * written; more for a cue the difficulty made brief (difficulty.h),
     * so it stays as long to flag as the limits there promise. */
    int grace_extra;
} SceneCue;

typedef struct {
    const char *id;
    const char *text;
    int start;  /* tick the line begins */
    int typed;  /* tick the typewriter finishes */
    int end;    /* tick the line leaves the screen */
    const char *coach; /* a tip for new players shown while the line plays (tutorials), or NULL */
    bool mine;  /* chat: a message the player sent (`from: you`), shown whole at `start` */
} SceneLine;

typedef enum {
    KIND_EMPATHIC,
    KIND_COMPASSIONATE,
    KIND_BOUNDARY,
    KIND_SYMPATHY,
    KIND_FIXING,
    KIND_SELF_FOCUSED,
    KIND_DISMISSIVE,
    KIND_COUNT
} AnswerKind;

typedef enum { QUALITY_BEST, QUALITY_GOOD, QUALITY_POOR, QUALITY_COUNT } AnswerQuality;

typedef struct {
    const char *text;
    AnswerKind kind;
    AnswerQuality quality;
    const char *why;   /* debrief: why this answer was good or poor */
    SceneLine reply;   /* the character's answer; ticks relative to the reaction */
    SceneCue *cues;    /* the body's reaction; ticks relative to the reaction */
    int ncues;
    int length;        /* ticks the reaction plays before the debrief */
    /* `requires: CUE`: offered only if the player hit one of these cues
     * (indexes into Scene.cues: every incongruent cue of that name). */
    const char *requires; /* the cue name as written, or NULL */
    const int *requires_cues;
    int nrequires_cues;
    /* `next: SCENE`: the campaign continues with this scene after the
     * debrief instead of the chapter's next one (a branch). The library
     * checks that the scene exists. NULL when the answer does not branch. */
    const char *next;
    int next_line, next_col; /* where `next:` was written */
} SceneAnswer;

typedef struct {
    Arena arena;
    const char *file;
    const char *id, *title, *place, *context, *question;
    const char *speaker; /* the character's name */
    int id_line, id_col;       /* where `id:` was written */
    int place_line, place_col; /* where `place:` was written */
    Look look;
    SceneLine *lines;
    int nlines;
    SceneCue *cues;
    int ncues;
    SceneAnswer answers[SCENE_MAX_ANSWERS];
    int nanswers;
    int length; /* ticks from the start of the performance to the answers */
    int nincongruent;
    int nbranches; /* answers with `next:` */
    /* `chat: true`: the scene is a phone chat. Each line is a message; the
     * person's are typed (a typing bubble from `start`) and arrive whole at
     * `typed`. No body is shown: every cue is on the text channel, and the
     * chat is the one region a player flags. */
    bool chat;
} Scene;

typedef struct Cast Cast;

/* Load a scene from YAML text. Cue names resolve against lex (which must
 * outlive the scene) and look ids against cast (may be NULL). Returns false
 * (and reports every problem) on errors. */
bool scene_load(Scene *scene, const char *file, const char *buf, size_t len, const Lexicon *lex,
                const Cast *cast, DiagList *diags);
/* The same for a scene of a pack: it may use only the cues and looks that
 * scope sees (registry.h), and is told which pack to depend on for others. */
bool scene_load_scoped(Scene *scene, const char *file, const char *buf, size_t len, const Lexicon *lex,
                       const Cast *cast, const PackScope *scope, DiagList *diags);
void scene_free(Scene *scene);

/* 0..1 weight of a cue at tick t (fractional for render interpolation).
 * `hold_end` is the tick a held cue starts to let go. */
float scene_cue_weight(const SceneCue *cue, double t, double hold_end);
/* The last tick a flag on this cue counts (its end, the grace and any
 * grace_extra; for a voice cue at least SCENE_CAPTION_MIN_TICKS from its
 * start), or SCENE_HOLD for a cue held until the answer. */
int scene_cue_flag_end(const SceneCue *cue);
/* How many bytes of a line's text the typewriter shows at tick t (always on
 * a UTF-8 character boundary). */
int scene_line_visible_bytes(const SceneLine *line, double t);

/* Can a player flag region r in this scene? A chat offers only its text;
 * any other scene every region of the body and the voice, never the text. */
bool scene_has_region(const Scene *s, Region r);
/* A chat message's typing time, in ticks: how long the typing bubble shows
 * before a message of this many characters arrives. */
int scene_chat_typing_ticks(int chars);

/* Is answer `answer` offered to a player who hit the cues marked in
 * cue_hit (one byte per scene cue, non-zero when hit: Notice.cue_hit)?
 * Answers without `requires:` always are; cue_hit may be NULL (nothing
 * hit). False for an answer index out of range. */
bool scene_answer_offered(const Scene *s, int answer, const unsigned char *cue_hit);
/* Writes the indexes of the offered answers, in file order, into
 * out_indexes (room for SCENE_MAX_ANSWERS; may be NULL to only count) and
 * returns how many. At least SCENE_MIN_OPEN_ANSWERS for a loaded scene. */
int scene_offered_answers(const Scene *s, const unsigned char *cue_hit, int *out_indexes);

const char *scene_kind_name(AnswerKind k);    /* "empathic" */
int scene_kind_find(const char *name);
const char *scene_quality_name(AnswerQuality q);
int scene_quality_find(const char *name);

#endif
