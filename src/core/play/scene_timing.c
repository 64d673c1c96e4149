/* Unsaid - scene_timing.c: see scene_timing.h. */
#include "scene_timing.h"

#include "diag.h"
#include "difficulty.h"
#include "notice.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#define LINE_MAX_OUT 400

/* An end that is no moment: the cue holds until the answer (or until the
 * next cue on its channel replaces it). */
static bool holds(int end)
{
    return end >= SCENE_HOLD - 1;
}

static double secs(int ticks)
{
    return ticks / (double)SCENE_TICK_HZ;
}

/* "4.10 s (246)" */
static void when(char *out, size_t size, int ticks)
{
    snprintf(out, size, "%6.2f s (%d)", secs(ticks), ticks);
}

static void emit(SceneTimingEmit fn, void *ctx, const char *fmt, ...) DIAG_PRINTF(3, 4);
static void emit(SceneTimingEmit fn, void *ctx, const char *fmt, ...)
{
    char line[LINE_MAX_OUT];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(line, sizeof line, fmt, ap);
    va_end(ap);
    fn(ctx, line);
}

/* The ticks in which a flag on this cue counts: from its start to its end
 * and the grace after it, but never after the answers appear. */
static int flag_window(const Scene *s, const SceneCue *c)
{
    return difficulty_flag_window(c, s->length);
}

/* "0.42  1.40 s  1.90 s": how strong, how long it shows, how long it can
 * be flagged; "holds" for a cue held until the answers. */
static void strength(char *out, size_t size, const Scene *s, const SceneCue *c, const SceneCue *as_written)
{
    char shown[24];
    bool flash = c->end != as_written->end && c->end - c->start <= DIFFICULTY_FLASH_TICKS;
    if (holds(c->end))
        snprintf(shown, sizeof shown, "holds");
    else
        snprintf(shown, sizeof shown, "%s%.2f s", flash ? "flash " : "", secs(c->end - c->start));
    int w = flag_window(s, c);
    snprintf(out, size, "%.2f %-12s %.2f s", c->amount, shown, secs(w > 0 ? w : 0));
}

/* Each cue at each difficulty; a warning (counted in *warnings) for every
 * incongruent cue a difficulty makes too brief or too faint to flag. */
static void difficulties(const Scene *s, SceneTimingEmit fn, void *ctx, int *warnings)
{
    static const Difficulty order[] = {DIFFICULTY_GENTLE, DIFFICULTY_STANDARD, DIFFICULTY_SHARP};
    emit(fn, ctx, "%s", "");
    emit(fn, ctx, "Difficulty: each cue's amount, how long it shows, and how long a flag on it counts");
    emit(fn, ctx, "  %-16s %-29s %-29s %s", "", "gentle", "standard", "sharp");
    for (int i = 0; i < s->ncues; i++) {
        const SceneCue *c = &s->cues[i];
        char cell[3][48];
        for (int k = 0; k < 3; k++) {
            SceneCue at;
            difficulty_cue(c, order[k], s->length, &at);
            strength(cell[k], sizeof cell[k], s, &at, c);
        }
        emit(fn, ctx, "  %-16s %-29s %-29s %s", c->def->name, cell[0], cell[1], cell[2]);
    }
    bool headed = false;
    for (int i = 0; i < s->ncues; i++) {
        const SceneCue *c = &s->cues[i];
        if (!c->incongruent || !difficulty_cue_flaggable(c, s->length))
            continue; /* as written, the warnings below say what to do */
        for (int k = 0; k < 3; k++) {
            SceneCue at;
            difficulty_cue(c, order[k], s->length, &at);
            if (difficulty_cue_flaggable(&at, s->length))
                continue;
            if (!headed)
                emit(fn, ctx, "%s", "");
            if (!headed)
                emit(fn, ctx, "Warnings about difficulty");
            headed = true;
            (*warnings)++;
            int w = flag_window(s, &at);
            emit(fn, ctx, "  line %d: at %s, cue '%s' is %.2f strong and can be flagged for %.1f s; a player needs "
                          "%.2f and %.1f s: make it stronger, or end it later", c->src_line, difficulty_name(order[k]),
                 c->def->name, at.amount, secs(w > 0 ? w : 0), DIFFICULTY_MIN_AMOUNT,
                 secs(DIFFICULTY_MIN_WINDOW_TICKS));
        }
    }
}

static bool overlaps_a_line(const Scene *s, const SceneCue *c)
{
    int end = holds(c->end) ? s->length : c->end;
    for (int i = 0; i < s->nlines; i++)
        if (c->start < s->lines[i].end && s->lines[i].start < end)
            return true;
    return false;
}

int scene_timing(const Scene *s, SceneTimingEmit fn, void *ctx)
{
    char a[32], b[32], c3[32];
    int warnings = 0;
    emit(fn, ctx, "Scene '%s' (\"%s\"): times from the moment the person starts; 60 ticks a second.", s->id,
         s->title ? s->title : "");
    when(a, sizeof a, s->length);
    emit(fn, ctx, "The answers appear at %s.", a);
    emit(fn, ctx, "%s", "");
    if (s->chat)
        emit(fn, ctx, "Messages (a chat): start (the typing bubble; yours are sent), arrives, end");
    else
        emit(fn, ctx, "Lines: start, words all shown, end");
    for (int i = 0; i < s->nlines; i++) {
        const SceneLine *l = &s->lines[i];
        when(a, sizeof a, l->start);
        when(b, sizeof b, l->typed);
        when(c3, sizeof c3, l->end);
        emit(fn, ctx, "  %-16s %-16s %-16s %-16s %s\"%.48s%s\"", l->id ? l->id : "?", a, b, c3, l->mine ? "you: " : "",
             l->text, strlen(l->text) > 48 ? "..." : "");
    }
    emit(fn, ctx, "%s", "");
    emit(fn, ctx, "Cues: start, peak, end; its channel; whether it disagrees with the words");
    for (int i = 0; i < s->ncues; i++) {
        const SceneCue *c = &s->cues[i];
        const SceneLine *l = c->line >= 0 && c->line < s->nlines ? &s->lines[c->line] : NULL;
        when(a, sizeof a, c->start);
        when(b, sizeof b, c->peak);
        if (holds(c->end))
            snprintf(c3, sizeof c3, "  holds");
        else
            when(c3, sizeof c3, c->end);
        emit(fn, ctx, "  %-16s %-16s %-16s %-16s %-8s %-12s line '%s' (line %d of the file)", c->def->name, a, b, c3,
             channel_name(c->def->channel), c->incongruent ? "incongruent" : "fits", l && l->id ? l->id : "?",
             c->src_line);
    }
    /* What a writer would want to know before a player finds out. */
    for (int i = 0; i < s->ncues; i++) {
        const SceneCue *c = &s->cues[i];
        bool alone = !s->chat && !overlaps_a_line(s, c); /* a chat stays on screen between messages */
        int window = flag_window(s, c);
        bool short_window = c->incongruent && window < DIFFICULTY_MIN_WINDOW_TICKS;
        if ((alone || short_window) && warnings == 0) {
            emit(fn, ctx, "%s", "");
            emit(fn, ctx, "Warnings");
        }
        warnings += alone + short_window;
        if (alone)
            emit(fn, ctx, "  line %d: cue '%s' plays while no line is spoken: nothing it could agree or "
                          "disagree with is on screen", c->src_line, c->def->name);
        if (short_window)
            emit(fn, ctx, "  line %d: cue '%s' can be flagged for only %.1f s; give a player about a second "
                          "or more (a later end, or an earlier start)", c->src_line, c->def->name,
                 secs(window > 0 ? window : 0));
    }
    difficulties(s, fn, ctx, &warnings);
    return warnings;
}
