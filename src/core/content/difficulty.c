/* Unsaid - difficulty.c: see difficulty.h. */
#include "difficulty.h"

#include "names.h"

#include <string.h>

static const char *const names[DIFFICULTY_COUNT + 1] = {"standard", "gentle", "sharp", NULL};

const char *difficulty_name(Difficulty d)
{
    return names_of(names, DIFFICULTY_COUNT, (int)d, "?");
}

int difficulty_find(const char *name)
{
    return names_find(names, DIFFICULTY_COUNT, name);
}

Difficulty difficulty_step(Difficulty d, int dir)
{
    static const Difficulty order[DIFFICULTY_COUNT] = {DIFFICULTY_GENTLE, DIFFICULTY_STANDARD, DIFFICULTY_SHARP};
    int at = 1;
    for (int i = 0; i < DIFFICULTY_COUNT; i++)
        if (order[i] == d)
            at = i;
    return order[(at + (dir < 0 ? DIFFICULTY_COUNT - 1 : 1)) % DIFFICULTY_COUNT];
}

static int max_i(int a, int b)
{
    return a > b ? a : b;
}

static int min_i(int a, int b)
{
    return a < b ? a : b;
}

int difficulty_flag_window(const SceneCue *c, int scene_length)
{
    int end = scene_cue_flag_end(c);
    if (end >= SCENE_HOLD || c->end >= scene_length || end > scene_length)
        end = scene_length;
    return end - c->start;
}

bool difficulty_cue_flaggable(const SceneCue *c, int scene_length)
{
    return difficulty_flag_window(c, scene_length) >= DIFFICULTY_MIN_WINDOW_TICKS &&
           c->amount >= DIFFICULTY_MIN_AMOUNT - 1e-6f;
}

/* The largest amount at which no target of the cue leaves its
 * parameter's range; at least `amount` itself. */
static float amount_cap(const SceneCue *c)
{
    float cap = 1e9f;
    for (int i = 0; c->def && i < c->def->ntargets; i++) {
        float lo, hi, v = c->def->targets[i].value;
        pose_param_range(c->def->targets[i].param, &lo, &hi);
        float most = v > 0.f ? hi / v : v < 0.f && lo < 0.f ? lo / v : 1e9f;
        if (most < cap)
            cap = most;
    }
    return cap > c->amount ? cap : c->amount;
}

static int scaled(int ticks, float by)
{
    return (int)((float)ticks * by + 0.5f);
}

static void gentle(SceneCue *o, int length)
{
    float a = o->amount * DIFFICULTY_GENTLE_AMOUNT, cap = amount_cap(o);
    o->amount = a < cap ? a : cap;
    if (o->end >= SCENE_HOLD)
        return;
    int more = scaled(o->relax - o->peak, DIFFICULTY_GENTLE_HOLD) - (o->relax - o->peak);
    /* Longer, but a cue that ended before the answers still ends by then. */
    int room = o->end < length ? length - o->end : 0;
    more = min_i(more, room);
    o->relax += more;
    o->end += more;
}

static void sharp(SceneCue *o, const SceneCue *in, int length)
{
    float a = o->amount * DIFFICULTY_SHARP_AMOUNT, floor = o->amount < DIFFICULTY_MIN_AMOUNT ? o->amount : DIFFICULTY_MIN_AMOUNT;
    o->amount = a > floor ? a : floor;
    if (o->end >= SCENE_HOLD)
        return;
    if (o->incongruent && o->def && o->def->channel == CH_FACE && o->end - o->start > DIFFICULTY_FLASH_TICKS) {
        /* A flash: up, held for a moment, gone, from where it began. */
        o->peak = o->start + DIFFICULTY_FLASH_ONSET;
        o->end = o->start + DIFFICULTY_FLASH_TICKS;
        o->relax = o->end - DIFFICULTY_FLASH_ONSET;
    } else {
        int less = (o->relax - o->peak) - scaled(o->relax - o->peak, DIFFICULTY_SHARP_HOLD);
        o->relax -= less;
        o->end -= less;
    }
    /* Brief to see, not too brief to flag. */
    int want = min_i(difficulty_flag_window(in, length), DIFFICULTY_MIN_WINDOW_TICKS);
    int have = difficulty_flag_window(o, length);
    if (have < want && o->end < length)
        o->grace_extra += want - have;
    o->grace_extra = max_i(o->grace_extra, 0);
}

void difficulty_cue(const SceneCue *in, Difficulty d, int scene_length, SceneCue *out)
{
    *out = *in;
    if (d == DIFFICULTY_GENTLE)
        gentle(out, scene_length);
    else if (d == DIFFICULTY_SHARP)
        sharp(out, in, scene_length);
}

bool difficulty_scene(const Scene *in, Difficulty d, Scene *out, SceneCue *cues, int room)
{
    *out = *in;
    if (in->ncues > room)
        return false;
    for (int i = 0; i < in->ncues; i++)
        difficulty_cue(&in->cues[i], d, in->length, &cues[i]);
    out->cues = cues;
    return true;
}
