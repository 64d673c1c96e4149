/* Unsaid - timeline.c */
#include "timeline.h"

#include "notice.h"
#include "rng.h"

#include <math.h>
#include <string.h>

#define BLINK_SLOT 200  /* ticks: about one blink every 3.3 s */
#define BLINK_LEN 10    /* ticks a blink takes */
#define GLANCE_SLOT 420 /* ticks between chances of an idle glance */

static void add_cue(Pose *p, const SceneCue *c, float w)
{
    if (w <= 0.f || !c->def)
        return;
    for (int i = 0; i < c->def->ntargets; i++)
        p->v[c->def->targets[i].param] += c->def->targets[i].value * c->amount * w;
}

/* A blink somewhere in every slot, at a seeded offset. */
static float idle_blink(uint64_t seed, double t)
{
    if (t < 0)
        t = 0;
    long slot = (long)(t / BLINK_SLOT);
    double at = slot * (double)BLINK_SLOT + rng_hash_unit(seed, (uint64_t)slot) * (BLINK_SLOT - BLINK_LEN);
    double x = (t - at) / BLINK_LEN;
    if (x < 0 || x > 1)
        return 0.f;
    return (float)(1.0 - fabs(2.0 * x - 1.0)); /* close then open */
}

/* Sometimes a short look aside and back, as people do. */
static void idle_glance(Pose *p, uint64_t seed, double t)
{
    if (t < 0)
        return;
    long slot = (long)(t / GLANCE_SLOT);
    uint64_t h = rng_hash(seed ^ 0x6c616e6365ULL, (uint64_t)slot);
    if ((h & 3) != 0) /* one slot in four */
        return;
    double at = slot * (double)GLANCE_SLOT + (double)((h >> 8) % 200);
    double x = (t - at) / 70.0;
    if (x < 0 || x > 1)
        return;
    float w = (float)sin(x * 3.14159265);
    float dir = (h >> 20) & 1 ? 1.f : -1.f;
    p->v[P_GAZE_X] += 0.35f * dir * w;
    p->v[P_GAZE_Y] += 0.08f * w;
}

void timeline_pose(const TimelineInput *in, Pose *out)
{
    memset(out, 0, sizeof *out);
    const Scene *s = in->scene;
    if (s) {
        for (int i = 0; i < s->ncues; i++)
            add_cue(out, &s->cues[i], scene_cue_weight(&s->cues[i], in->cue_t, in->hold_end));
        if (in->answer >= 0 && in->answer < s->nanswers) {
            const SceneAnswer *a = &s->answers[in->answer];
            for (int i = 0; i < a->ncues; i++)
                add_cue(out, &a->cues[i], scene_cue_weight(&a->cues[i], in->reaction_t, SCENE_HOLD));
        }
    }
    /* Idle life on top; pose_clamp keeps a blink on closed eyes in range. */
    out->v[P_BLINK] += idle_blink(in->seed, in->life_t);
    idle_glance(out, in->seed, in->life_t);
    pose_clamp(out);
}

/* The strongest voice cue at t. Its caption is words to read, not a body
 * to watch: it stays from the cue's start for as long as the cue can be
 * flagged (to its end and the grace after), even while the sound itself
 * has faded, so a player reading the line has time to see it. */
static void strongest_voice(const SceneCue *cues, int n, double t, double hold_end, const CueDef **best,
                            float *best_rank, float *best_w)
{
    for (int i = 0; i < n; i++) {
        const SceneCue *c = &cues[i];
        if (!c->def || c->def->channel != CH_VOICE)
            continue;
        double end = c->end == SCENE_HOLD ? hold_end : scene_cue_flag_end(c);
        float w = scene_cue_weight(c, t, hold_end);
        float shown = t >= c->start && t <= end ? 0.06f : 0.f; /* just above the threshold below */
        float rank = w > shown ? w : shown;
        if (rank > *best_rank) {
            *best_rank = rank;
            *best_w = w; /* how the words look follows the sound itself */
            *best = c->def;
        }
    }
}

const CueDef *timeline_voice(const TimelineInput *in, float *weight)
{
    const Scene *s = in->scene;
    const CueDef *best = NULL;
    float best_rank = 0.05f, best_w = 0.f;
    if (s) {
        strongest_voice(s->cues, s->ncues, in->cue_t, in->hold_end, &best, &best_rank, &best_w);
        if (in->answer >= 0 && in->answer < s->nanswers) {
            const SceneAnswer *a = &s->answers[in->answer];
            strongest_voice(a->cues, a->ncues, in->reaction_t, SCENE_HOLD, &best, &best_rank, &best_w);
        }
    }
    if (weight)
        *weight = best ? best_w : 0.f;
    return best;
}
