/* Unsaid - script.h: a play written as a few words, turned into input.
 *
 * A modder who wants a replay should not have to find ticks and pixels:
 *
 *     flag hands at 3.2s
 *     flag eyes at 5
 *     answer 2
 *
 * Steps go one per line or separated by ';'. Times count seconds of the
 * scene's performance (0 is the first line's start, as `--at 4.5s` and
 * `--timeline` count them); `answer N` picks the Nth answer as shown. The
 * context card is left at once. The player drives the game through the
 * same TickInput a person's keys make, so recording it gives an ordinary
 * replay. */
#ifndef UNSAID_SCRIPT_H
#define UNSAID_SCRIPT_H

#include "diag.h"
#include "game.h"
#include "input.h"

#include <stdbool.h>

#define SCRIPT_MAX_STEPS 64
#define SCRIPT_MAX_TEXT 16384 /* bytes of a file of steps */

typedef enum { SCRIPT_FLAG, SCRIPT_ANSWER } ScriptKind;

typedef struct {
    ScriptKind kind;
    int region;    /* SCRIPT_FLAG: a Region */
    int at;        /* SCRIPT_FLAG: ticks into the performance */
    int answer;    /* SCRIPT_ANSWER: 1 to 5 */
    int line, col; /* where it was written */
} ScriptStep;

typedef struct {
    ScriptStep steps[SCRIPT_MAX_STEPS];
    int n;
    int next;     /* the step still to do */
    bool answered;
    int refused;  /* 1 + a flag step on a region the scene does not have (a chat's text, or a body
                     in a chat), which stopped the script; 0 if none */
} Script;

/* Read text (named `file` in messages). Flags must come in time order and
 * before the answer. Returns false with the problems in diags. */
bool script_parse(Script *s, const char *file, const char *text, DiagList *diags);

/* The input for the game's next tick, added to *in. */
void script_input(Script *s, const Game *g, TickInput *in);

/* Every step done? When the performance ended first, says which step it
 * did not reach, in diags (with the performance's length). */
bool script_finished(const Script *s, const Game *g, const char *file, DiagList *diags);

#endif
