/* Unsaid - scene.c: timing and naming helpers for the scene model. */
#include "scene.h"

#include "names.h"

#include <math.h>
#include <string.h>

void scene_free(Scene *scene)
{
    arena_free(&scene->arena);
    memset(scene, 0, sizeof *scene);
}

static float smooth(float x)
{
    x = x < 0 ? 0 : x > 1 ? 1 : x;
    return x * x * (3 - 2 * x);
}

float scene_cue_weight(const SceneCue *cue, double t, double hold_end)
{
    double start = cue->start, peak = cue->peak, relax = cue->relax, end = cue->end;
    if (end >= SCENE_HOLD) { /* held: let go over the release time from hold_end */
        double release = cue->end - cue->relax;
        if (release <= 0 || release >= SCENE_HOLD / 2)
            release = cue->def ? cue->def->release * SCENE_TICK_HZ : 24;
        relax = hold_end;
        end = hold_end + release;
        if (relax < peak)
            relax = peak;
    }
    if (t <= start || t >= end)
        return 0.f;
    if (t < peak)
        return smooth((float)((t - start) / (peak - start)));
    if (t <= relax)
        return 1.f;
    return 1.f - smooth((float)((t - relax) / (end - relax)));
}

int scene_cue_flag_end(const SceneCue *cue)
{
    if (cue->end >= SCENE_HOLD)
        return SCENE_HOLD;
    int end = cue->end + SCENE_FLAG_GRACE_TICKS + cue->grace_extra;
    /* A voice cue's caption is read beside the words: it shows, and a flag
     * on it counts, for at least SCENE_CAPTION_MIN_TICKS. */
    if (cue->def && cue->def->channel == CH_VOICE && end < cue->start + SCENE_CAPTION_MIN_TICKS)
        end = cue->start + SCENE_CAPTION_MIN_TICKS;
    return end;
}

/* Counts code points, so a typewriter never shows half a UTF-8 sequence. */
static int utf8_count(const char *s)
{
    int n = 0;
    for (; *s; s++)
        if (((unsigned char)*s & 0xC0) != 0x80)
            n++;
    return n;
}

int scene_line_visible_bytes(const SceneLine *line, double t)
{
    if (t < line->start)
        return 0;
    int len = (int)strlen(line->text);
    if (t >= line->typed || line->typed <= line->start)
        return len;
    double frac = (t - line->start) / (double)(line->typed - line->start);
    int want = (int)floor(frac * utf8_count(line->text));
    int cps = 0, i = 0;
    for (; i < len; i++) {
        if (((unsigned char)line->text[i] & 0xC0) != 0x80) {
            if (cps == want)
                break;
            cps++;
        }
    }
    return i;
}

bool scene_has_region(const Scene *s, Region r)
{
    if (r <= REGION_NONE || r >= REGION_COUNT)
        return false;
    return s && s->chat ? r == REGION_TEXT : r != REGION_TEXT;
}

int scene_chat_typing_ticks(int chars)
{
    /* A thumb types slower than a voice speaks: about 18 characters a
     * second, and never so quick that the bubble only blinks. */
    double secs = 0.9 + chars / 18.0;
    secs = secs < 1.0 ? 1.0 : secs > 3.5 ? 3.5 : secs;
    return (int)lround(secs * SCENE_TICK_HZ);
}

bool scene_answer_offered(const Scene *s, int answer, const unsigned char *cue_hit)
{
    if (!s || answer < 0 || answer >= s->nanswers)
        return false;
    const SceneAnswer *a = &s->answers[answer];
    if (!a->requires)
        return true;
    for (int i = 0; cue_hit && i < a->nrequires_cues; i++)
        if (cue_hit[a->requires_cues[i]])
            return true;
    return false;
}

int scene_offered_answers(const Scene *s, const unsigned char *cue_hit, int *out_indexes)
{
    int n = 0;
    for (int i = 0; s && i < s->nanswers; i++)
        if (scene_answer_offered(s, i, cue_hit)) {
            if (out_indexes)
                out_indexes[n] = i;
            n++;
        }
    return n;
}

static const char *const kind_names[KIND_COUNT + 1] = {
    "empathic", "compassionate", "boundary", "sympathy", "fixing", "self_focused", "dismissive", NULL,
};
static const char *const quality_names[QUALITY_COUNT + 1] = {"best", "good", "poor", NULL};

const char *scene_kind_name(AnswerKind k)
{
    return names_of(kind_names, KIND_COUNT, (int)k, "?");
}

int scene_kind_find(const char *name)
{
    return names_find(kind_names, KIND_COUNT, name);
}

const char *scene_quality_name(AnswerQuality q)
{
    return names_of(quality_names, QUALITY_COUNT, (int)q, "?");
}

int scene_quality_find(const char *name)
{
    return names_find(quality_names, QUALITY_COUNT, name);
}
