/* Unsaid - lexicon.h: the cue vocabulary.
 *
 * A cue is a named, data-defined movement of the body: "gaze_down" moves the
 * eyes down and lowers the lids. The lexicon file (levels/base/lexicon.yaml)
 * maps each name to a channel, pose targets and default timing, so scene
 * writers say *what* happens and the rig decides *how*. */
#ifndef UNSAID_LEXICON_H
#define UNSAID_LEXICON_H

#include "arena.h"
#include "diag.h"
#include "pose.h"
#include "rig.h"

#include <stdbool.h>
#include <stddef.h>

#define CUE_MAX_TARGETS 16

/* Where on the person a cue shows. */
typedef enum {
    CH_FACE,
    CH_GAZE,
    CH_HEAD,
    CH_POSTURE,
    CH_HANDS,
    CH_VOICE,
    CH_DISTANCE,
    CH_COUNT
} Channel;

typedef struct {
    PoseParam param;
    float value;
} CueTarget;

/* How a voice cue changes the spoken text on screen. */
typedef enum { TEXT_PLAIN, TEXT_QUIET, TEXT_FLAT, TEXT_TREMBLE, TEXT_LOUD, TEXT_STYLE_COUNT } TextStyle;

typedef struct {
    const char *name;
    Channel channel;
    CueTarget targets[CUE_MAX_TARGETS];
    int ntargets;
    float attack, release; /* default seconds to reach / leave the peak */
    const char *caption;   /* shown while active, e.g. "[sighs]"; may be NULL */
    TextStyle text;        /* how the words look while it is active */
    const char *describe;  /* plain words for the debrief */
    const char *sound;     /* a file in the pack's sounds/ folder, without its
                              extension, played as the cue starts; may be NULL */
    int sound_line, sound_col; /* where `sound:` was written */
    const char *pack;      /* where it was defined, for conflict messages */
    const char *file;
    int line, col;
} CueDef;

/* The merged cue vocabulary of every loaded pack. Add every pack's lexicon
 * before loading scenes: adding may move the definitions in memory. */
typedef struct {
    Arena arena;
    CueDef *defs;
    int count, cap;
} Lexicon;

void lexicon_init(Lexicon *lex);
/* Add the cues of one pack's lexicon file. A name an earlier pack defined
 * is an error unless `overrides` (may be NULL) says the pack replaces it on
 * purpose. Returns false on errors; what loaded cleanly is kept. */
bool lexicon_add(Lexicon *lex, const char *pack, const char *file, const char *buf, size_t len,
                 bool (*overrides)(const void *ctx, const char *name), const void *ctx,
                 DiagList *diags);
/* lexicon_init + lexicon_add for a single file. */
bool lexicon_load(Lexicon *lex, const char *file, const char *buf, size_t len, DiagList *diags);
void lexicon_free(Lexicon *lex);
const CueDef *lexicon_find(const Lexicon *lex, const char *name);

const char *channel_name(Channel c);
int channel_find(const char *name); /* -1 if unknown */
/* The body region a player flags to notice a cue on this channel. */
Region channel_region(Channel c);

#endif
