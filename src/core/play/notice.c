/* Unsaid - notice.c */
#include "notice.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

/* Noticing keeps one hit per cue of a scene in a fixed array. */
_Static_assert(SCENE_MAX_LINES * SCENE_MAX_CUES_PER_LINE <= NOTICE_MAX_CUES,
               "a scene's cues must fit Notice.cue_hit: raise NOTICE_MAX_CUES with the scene limits");

void notice_reset(Notice *n)
{
    memset(n, 0, sizeof *n);
}

static bool cue_active(const SceneCue *c, int tick)
{
    return tick >= c->start && tick <= scene_cue_flag_end(c);
}

FlagResult notice_flag(Notice *n, const Scene *scene, Region region, int tick, float x, float y)
{
    int hit = -1, repeat = -1;
    int count = scene->ncues < NOTICE_MAX_CUES ? scene->ncues : NOTICE_MAX_CUES;
    for (int i = 0; i < count && hit < 0; i++) {
        const SceneCue *c = &scene->cues[i];
        if (!c->incongruent || !c->def || channel_region(c->def->channel) != region ||
            !cue_active(c, tick))
            continue;
        if (n->cue_hit[i])
            repeat = i;
        else
            hit = i;
    }
    FlagResult r = hit >= 0 ? FLAG_HIT : repeat >= 0 ? FLAG_REPEAT : FLAG_FALSE_ALARM;
    if (r == FLAG_HIT) {
        n->cue_hit[hit] = 1;
        n->hits++;
    } else if (r == FLAG_REPEAT) {
        n->repeats++;
    } else {
        n->false_alarms++;
        if (region > REGION_NONE && region < REGION_COUNT)
            n->region_false_alarms[region]++;
    }
    if (n->nflags < NOTICE_MAX_FLAGS)
        n->flags[n->nflags++] = (Flag){tick, region, x, y, hit >= 0 ? hit : repeat, r};
    return r;
}

int notice_answer_points(AnswerQuality q)
{
    return q == QUALITY_BEST ? 150 : q == QUALITY_GOOD ? 75 : 0;
}

void notice_result(const Notice *n, const Scene *scene, int answer, SceneResult *out)
{
    memset(out, 0, sizeof *out);
    out->hits = n->hits;
    out->misses = scene->nincongruent - n->hits;
    out->false_alarms = n->false_alarms;
    out->answer = answer;
    out->kind = KIND_DISMISSIVE;
    out->quality = QUALITY_POOR;
    if (answer >= 0 && answer < scene->nanswers) {
        out->kind = scene->answers[answer].kind;
        out->quality = scene->answers[answer].quality;
    }
    int score = SCORE_HIT * n->hits + SCORE_FALSE_ALARM * n->false_alarms;
    if (answer >= 0)
        score += notice_answer_points(out->quality);
    out->score = score < 0 ? 0 : score;
    stats_tally_scene(scene, n, &out->tally);
    stats_tally_dprime(&out->tally, &out->d_prime, &out->criterion);
}

/* Rounded to two places, and never "-0.00". */
static double two_places(double x)
{
    double r = round(x * 100.0) / 100.0;
    return r == 0.0 ? 0.0 : r;
}

void notice_format_result(const SceneResult *r, char *buf, size_t size)
{
    snprintf(buf, size,
             "hits=%d misses=%d false_alarms=%d answer=%d answer_kind=%s answer_quality=%s "
             "d_prime=%.2f c=%.2f score=%d difficulty=%s",
             r->hits, r->misses, r->false_alarms, r->answer + 1,
             r->answer >= 0 ? scene_kind_name(r->kind) : "none",
             r->answer >= 0 ? scene_quality_name(r->quality) : "none", two_places(r->d_prime),
             two_places(r->criterion), r->score, difficulty_name(r->difficulty));
}
