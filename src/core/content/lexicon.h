/* Unsaid - lexicon.h: the cue vocabulary.
 *
 * A cue is a named, data-defined movement of the body: "gaze_down" moves the
 * eyes down and lowers the lids. The lexicon file (levels/base/lexicon.yaml)
 * maps each name to a channel, pose targets and default timing, so scene
 * writers say *what* happens and the rig decides *how*. */
#ifndef UNSAID_LEXICON_H
#define UNSAID_LEXICON_H

#include "arena.h"
#include "channel.h"
#include "diag.h"
#include "pose.h"
#include "registry.h"
#include "region.h"

#include <stdbool.h>
#include <stddef.h>

#define CUE_MAX_TARGETS 16


typedef struct {
    PoseParam param;
    float value;
} CueTarget;

/* How a voice cue changes the spoken text on screen. */
typedef enum { TEXT_PLAIN, TEXT_QUIET, TEXT_FLAT, TEXT_TREMBLE, TEXT_LOUD, TEXT_STYLE_COUNT } TextStyle;

/* What a text cue (channel text) does to a chat. Body cues have CHAT_NONE. */
typedef enum {
    CHAT_NONE,
    CHAT_WORDS,   /* the message's own words carry it; the chat shows it as written */
    CHAT_TYPING,  /* the typing bubble shows, stops in the middle third of the cue, shows again */
    CHAT_SILENCE, /* no typing bubble while it lasts: only "Seen" under the last message */
    CHAT_EFFECT_COUNT
} ChatEffect;

typedef struct {
    const char *name;
    Channel channel;
    ChatEffect chat;       /* a text cue's effect on the chat (CHAT_WORDS if not written) */
    CueTarget targets[CUE_MAX_TARGETS];
    int ntargets;
    float attack, release; /* default seconds to reach / leave the peak */
    const char *caption;   /* shown while active, e.g. "[sighs]"; may be NULL */
    TextStyle text;        /* how the words look while it is active */
    const char *describe;  /* plain words for the debrief */
    const char *means;     /* what it may mean, for a scene that does not say (may be NULL) */
    const char *sound;     /* a file in the pack's sounds/ folder, without its
                              extension, played as the cue starts; may be NULL */
    int sound_line, sound_col; /* where `sound:` was written */
    const char *pack;      /* the id of the pack that defined it (its sounds/ folder) */
} CueDef;

/* The merged cue vocabulary of every loaded pack: CueDef items by name in a
 * registry (registry.h has the rules). Definitions never move in memory. */
typedef struct {
    Arena arena; /* the cues' words */
    Registry reg;
} Lexicon;

void lexicon_init(Lexicon *lex);
/* Add the cues of one pack's lexicon file for scope's pack (NULL: a lone
 * file). Returns false on errors; what loaded cleanly is kept, so stage a
 * pack's content (registry_begin) to be able to take it back. */
bool lexicon_add(Lexicon *lex, const PackScope *scope, const char *file, const char *buf, size_t len,
                 DiagList *diags);
/* lexicon_init + lexicon_add for a single file. */
bool lexicon_load(Lexicon *lex, const char *file, const char *buf, size_t len, DiagList *diags);
void lexicon_free(Lexicon *lex);
/* Any pack's cue of that name, or NULL. */
const CueDef *lexicon_find(const Lexicon *lex, const char *name);
static inline int lexicon_count(const Lexicon *lex) { return lex->reg.count; }
static inline const CueDef *lexicon_at(const Lexicon *lex, int i) { return lex->reg.entries[i].item; }

#endif
