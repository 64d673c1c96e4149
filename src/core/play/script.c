/* Unsaid - script.c */
#include "script.h"

#include "names.h"
#include "region.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SCRIPT_MAX_SECONDS 3600

typedef struct {
    const char *s; /* the word, not terminated */
    int n;
    int col;       /* 1-based */
} Word;

static bool word_is(Word w, const char *lit)
{
    return (int)strlen(lit) == w.n && strncmp(w.s, lit, (size_t)w.n) == 0;
}

/* Seconds like "3.2", "3.2s" or "12s" into ticks. */
static bool parse_seconds(Word w, int *ticks)
{
    char buf[32];
    int n = w.n;
    if (n > 0 && w.s[n - 1] == 's')
        n--;
    if (n <= 0 || n >= (int)sizeof buf)
        return false;
    memcpy(buf, w.s, (size_t)n);
    buf[n] = '\0';
    for (int i = 0; i < n; i++)
        if (!isdigit((unsigned char)buf[i]) && buf[i] != '.')
            return false;
    char *end;
    double v = strtod(buf, &end);
    if (*end || v < 0 || v > SCRIPT_MAX_SECONDS)
        return false;
    *ticks = (int)(v * 60.0 + 0.5);
    return true;
}

static const char *const *region_names(void)
{
    static const char *names[REGION_COUNT + 1];
    for (int i = 0; i < REGION_COUNT; i++)
        names[i] = region_name((Region)i);
    names[REGION_COUNT] = NULL;
    return names;
}

/* One step from its words. */
static bool parse_step(Script *s, const char *file, int line, const Word *w, int nw, DiagList *diags)
{
    ScriptStep st = {.line = line, .col = w[0].col};
    if (word_is(w[0], "flag")) {
        int at = nw > 2 && word_is(w[2], "at") ? 3 : 2; /* "at" may be left out */
        if (nw < 3 || nw != at + 1) {
            diag_add(diags, DIAG_ERROR, file, line, w[0].col, "write a flag as 'flag REGION at SECONDS', like 'flag hands at 3.2s'");
            return false;
        }
        char name[32];
        snprintf(name, sizeof name, "%.*s", w[1].n < 31 ? w[1].n : 31, w[1].s);
        st.kind = SCRIPT_FLAG;
        st.region = region_find(name);
        if (st.region == REGION_NONE) {
            const char *sug = names_closest(name, region_names());
            diag_add(diags, DIAG_ERROR, file, line, w[1].col, "unknown region '%s'%s%s%s: eyes, face, hands, posture, voice or text",
                     name, sug ? " (did you mean '" : "", sug ? sug : "", sug ? "'?)" : "");
            return false;
        }
        if (!parse_seconds(w[at], &st.at)) {
            diag_add(diags, DIAG_ERROR, file, line, w[at].col,
                     "'%.*s' is not a time: give seconds of the performance, like 3.2s (0 to %d)", w[at].n, w[at].s,
                     SCRIPT_MAX_SECONDS);
            return false;
        }
        for (int i = 0; i < s->n; i++) {
            if (s->steps[i].kind == SCRIPT_ANSWER) {
                diag_add(diags, DIAG_ERROR, file, line, w[0].col,
                         "a flag after the answer (line %d): the performance is over by then; flag before answering",
                         s->steps[i].line);
                return false;
            }
        }
        if (s->n > 0 && s->steps[s->n - 1].at > st.at) {
            diag_add(diags, DIAG_ERROR, file, line, w[at].col,
                     "flags go in time order: %.*s comes before the flag on line %d", w[at].n, w[at].s,
                     s->steps[s->n - 1].line);
            return false;
        }
    } else if (word_is(w[0], "answer")) {
        st.kind = SCRIPT_ANSWER;
        if (nw != 2 || w[1].n != 1 || w[1].s[0] < '1' || w[1].s[0] > '5') {
            diag_add(diags, DIAG_ERROR, file, line, w[0].col, "write an answer as 'answer N', N from 1 to 5 as the answers are shown");
            return false;
        }
        st.answer = w[1].s[0] - '0';
        for (int i = 0; i < s->n; i++) {
            if (s->steps[i].kind == SCRIPT_ANSWER) {
                diag_add(diags, DIAG_ERROR, file, line, w[0].col, "a scene is answered once: there is an answer on line %d",
                         s->steps[i].line);
                return false;
            }
        }
    } else {
        diag_add(diags, DIAG_ERROR, file, line, w[0].col, "expected 'flag REGION at SECONDS' or 'answer N', found '%.*s'",
                 w[0].n, w[0].s);
        return false;
    }
    if (s->n == SCRIPT_MAX_STEPS) {
        diag_add(diags, DIAG_ERROR, file, line, w[0].col, "at most %d steps", SCRIPT_MAX_STEPS);
        return false;
    }
    s->steps[s->n++] = st;
    return true;
}

bool script_parse(Script *s, const char *file, const char *text, DiagList *diags)
{
    memset(s, 0, sizeof *s);
    int errors = diags->errors, line = 1;
    const char *p = text, *line_start = text;
    while (*p) {
        /* One step: up to a newline, a ';' or a '#'. */
        Word w[8];
        int nw = 0;
        while (*p && *p != '\n' && *p != ';' && *p != '#') {
            if (*p == ' ' || *p == '\t' || *p == '\r' || *p == ',') {
                p++;
                continue;
            }
            const char *b = p;
            while (*p && !strchr(" \t\r\n;#,", *p))
                p++;
            if (nw < 8)
                w[nw++] = (Word){b, (int)(p - b), (int)(b - line_start) + 1};
        }
        if (*p == '#')
            while (*p && *p != '\n')
                p++;
        if (nw > 0)
            parse_step(s, file, line, w, nw, diags);
        if (*p == '\n') {
            line++;
            line_start = p + 1;
        }
        if (*p)
            p++;
    }
    if (diags->errors == errors && s->n == 0)
        diag_add(diags, DIAG_ERROR, file, 1, 1, "nothing to play: write steps like 'flag hands at 3.2s; answer 2'");
    return diags->errors == errors;
}

static const Action flag_keys[REGION_COUNT] = {
    [REGION_EYES] = ACT_FLAG_EYES, [REGION_HANDS] = ACT_FLAG_HANDS, [REGION_FACE] = ACT_FLAG_FACE,
    [REGION_POSTURE] = ACT_FLAG_POSTURE, [REGION_VOICE] = ACT_FLAG_VOICE, [REGION_TEXT] = ACT_FLAG_TEXT,
};

void script_input(Script *s, const Game *g, TickInput *in)
{
    const ScriptStep *st = s->next < s->n ? &s->steps[s->next] : NULL;
    switch (g->screen) {
    case SCREEN_INTRO:
        in->pressed |= 1u << ACT_CONFIRM; /* the context card: straight on */
        break;
    case SCREEN_PERFORM:
        /* One flag a tick: two flags of a region on one tick would be one. */
        if (st && st->kind == SCRIPT_FLAG && g->tick - g->perform_start >= st->at) {
            if (!scene_has_region(g->scene, (Region)st->region)) { /* say so at the end, and stop */
                s->refused = s->next + 1;
                s->next = s->n;
                break;
            }
            in->pressed |= 1u << flag_keys[st->region];
            s->next++;
        }
        break;
    case SCREEN_ANSWER:
        if (st && st->kind == SCRIPT_ANSWER && st->answer <= g->noffered) {
            static const Action keys[] = {ACT_1, ACT_2, ACT_3, ACT_4, ACT_5};
            in->pressed |= 1u << keys[st->answer - 1];
            s->next++;
            s->answered = true;
        }
        break;
    default:
        break;
    }
}

bool script_finished(const Script *s, const Game *g, const char *file, DiagList *diags)
{
    const char *id = g->scene && g->scene->id ? g->scene->id : "?";
    if (s->refused > 0 && s->refused <= s->n) {
        const ScriptStep *st = &s->steps[s->refused - 1];
        if (g->scene && g->scene->chat)
            diag_add(diags, DIAG_ERROR, file, st->line, st->col,
                     "'%s' is a chat: there is no %s to flag, only the text ('flag text at %.1fs')", id,
                     region_name((Region)st->region), st->at / 60.0);
        else
            diag_add(diags, DIAG_ERROR, file, st->line, st->col,
                     "'%s' is not a chat: there is no text to flag; flag the eyes, face, hands, posture or voice",
                     id);
        return false;
    }
    if (s->next >= s->n)
        return true;
    const ScriptStep *st = &s->steps[s->next];
    if (st->kind == SCRIPT_FLAG)
        diag_add(diags, DIAG_ERROR, file, st->line, st->col,
                 "the flag at %.1fs comes after the performance: '%s' is over %.1f s in (unsaid --timeline %s "
                 "says when each line and cue happens)",
                 st->at / 60.0, id, g->scene ? g->scene->length / 60.0 : 0.0, id);
    else if (st->answer > g->noffered)
        diag_add(diags, DIAG_ERROR, file, st->line, st->col, "answer %d: '%s' offers %d answers", st->answer, id,
                 g->noffered);
    else
        diag_add(diags, DIAG_ERROR, file, st->line, st->col, "answer %d: the answers never appeared", st->answer);
    return false;
}
