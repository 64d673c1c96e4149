/* Unsaid - game_view.c: what the game looks like at a moment between two
 * ticks, for the renderer and the sound: the scene clock, the person's pose,
 * the line being spoken, hints, the slow replay. Read-only. */
#include "game_parts.h"

#include "timeline.h"

#include <string.h>

/* The screens where the player reads rather than watches. */
static bool reading(Screen s)
{
    return s != SCREEN_TITLE && s != SCREEN_PERFORM && s != SCREEN_REACTION && s != SCREEN_WATCH;
}

double game_time(const Game *g, double alpha)
{
    /* A paused scene stands still: its clock stops where the pause began. */
    double t = game_paused(g) ? g->pause_tick : g->tick - 1 + alpha;
    /* So does the world behind a screen being read, once it has settled. */
    double settled = g->screen_start + GAME_SETTLE_TICKS;
    return reading(g->screen) && t > settled ? settled : t;
}

bool game_still(const Game *g)
{
    /* game_time stops at screen_start + GAME_SETTLE_TICKS: from the tick
     * after it, every frame (whatever its alpha) is the same. */
    if (game_paused(g) || reading(g->screen))
        return game_paused(g) || g->tick > g->screen_start + GAME_SETTLE_TICKS;
    return g->screen == SCREEN_TITLE && g->settings.reduced_motion;
}

/* The watched cue's window, in scene ticks. */
void game_watch_window(const Game *g, int *from, int *to)
{
    const SceneCue *c = &g->scene->cues[g->watch_cue];
    int end = c->end == SCENE_HOLD || c->end > g->scene->length ? g->scene->length : c->end;
    *from = c->start - GAME_WATCH_LEAD > 0 ? c->start - GAME_WATCH_LEAD : 0;
    *to = end + GAME_WATCH_LEAD < g->scene->length ? end + GAME_WATCH_LEAD : g->scene->length;
    if (*to <= *from)
        *to = *from + 1;
}

bool game_watch(const Game *g, double alpha, int *from, int *to, float *progress)
{
    if (g->screen != SCREEN_WATCH || !g->scene)
        return false;
    game_watch_window(g, from, to);
    double p = (game_time(g, alpha) - g->watch_start) / GAME_WATCH_SLOW / (*to - *from);
    *progress = (float)(p < 0 ? 0 : p > 1 ? 1 : p);
    return true;
}

static TimelineInput timeline_at(const Game *g, double alpha)
{
    double t = game_time(g, alpha);
    if (g->screen == SCREEN_WATCH && g->scene) {
        /* The performance again, slowed down, around the watched cue. */
        int from, to;
        game_watch_window(g, &from, &to);
        double ct = from + (t - g->watch_start) / GAME_WATCH_SLOW;
        return (TimelineInput){.scene = g->scene, .cue_t = ct, .life_t = g->settings.reduced_motion ? 0 : g->perform_start + ct - g->paused_total,
                               .hold_end = SCENE_HOLD, .answer = -1, .reaction_t = 0, .seed = g->seed};
    }
    Screen screen = g->screen;
    bool in_scene = screen >= SCREEN_PERFORM && screen <= SCREEN_DEBRIEF;
    bool reacting = in_scene && screen >= SCREEN_REACTION && g->answer >= 0;
    return (TimelineInput){
        .scene = g->scene,
        .cue_t = in_scene ? t - g->perform_start : -1e9,
        /* so a pause leaves the breath where it was; reduced motion stops it */
        .life_t = g->settings.reduced_motion ? 0 : t - g->paused_total,
        .hold_end = reacting ? g->reaction_start - g->perform_start : SCENE_HOLD,
        .answer = reacting ? g->answer : -1,
        .reaction_t = reacting ? t - g->reaction_start : 0,
        .seed = g->seed,
    };
}

void game_character(const Game *g, double alpha, Pose *pose, RigLayout *rig)
{
    TimelineInput ti = timeline_at(g, alpha);
    timeline_pose(&ti, pose);
    RigPlacement place = game_placement(g);
    Look look = g->scene ? g->scene->look : look_default();
    rig_layout(rig, &look.body, &place, pose, ti.life_t / SCENE_TICK_HZ);
}

const CueDef *game_voice(const Game *g, double alpha, float *weight)
{
    TimelineInput ti = timeline_at(g, alpha);
    return timeline_voice(&ti, weight);
}

/* How fast the typewriter runs, as a multiple of the scene's own pace. The
 * line's timing (and so every cue) never changes, only how soon its words
 * are all there. */
static double type_speed(const Game *g)
{
    switch (g->settings.text_speed) {
    case TEXT_SPEED_SLOW: return 0.7;
    case TEXT_SPEED_FAST: return 1.8;
    case TEXT_SPEED_INSTANT: return 1000.0;
    default: return 1.0;
    }
}

static int visible_bytes(const Game *g, const SceneLine *line, double t)
{
    return scene_line_visible_bytes(line, line->start + (t - line->start) * type_speed(g));
}

bool game_current_line(const Game *g, double alpha, const SceneLine **line, int *visible)
{
    const Scene *s = g->scene;
    double t = game_time(g, alpha);
    Screen screen = g->screen;
    if (!s)
        return false;
    if (screen == SCREEN_PERFORM || screen == SCREEN_WATCH) {
        double ct = t - g->perform_start;
        if (screen == SCREEN_WATCH)
            ct = timeline_at(g, alpha).cue_t;
        for (int i = 0; i < s->nlines; i++) {
            if (ct >= s->lines[i].start && ct < s->lines[i].end) {
                *line = &s->lines[i];
                *visible = visible_bytes(g, *line, ct);
                return true;
            }
        }
    } else if (screen == SCREEN_REACTION && g->answer >= 0) {
        const SceneLine *r = &s->answers[g->answer].reply;
        double rt = t - g->reaction_start;
        if (r->text && rt >= r->start) {
            *line = r;
            *visible = visible_bytes(g, r, rt);
            return true;
        }
    }
    return false;
}

/* The typing bubble at time t of a line or reaction: `base` as the message
 * timing says, unless a text cue says otherwise. A typing cue shows it in
 * its first and last thirds and hides it between (a stop); a silence cue
 * hides it. */
static bool chat_typing(const SceneCue *cues, int ncues, double t, bool base)
{
    for (int i = 0; i < ncues; i++) {
        const SceneCue *c = &cues[i];
        if (!c->def || c->def->channel != CH_TEXT || t < c->start || t >= c->end || c->end >= SCENE_HOLD)
            continue;
        if (c->def->chat == CHAT_SILENCE)
            return false;
        if (c->def->chat == CHAT_TYPING) {
            double phase = (t - c->start) / (double)(c->end - c->start);
            base = phase < 1.0 / 3.0 || phase >= 2.0 / 3.0;
        }
    }
    return base;
}

bool game_chat(const Game *g, double alpha, GameChat *out)
{
    const Scene *s = g->scene;
    memset(out, 0, sizeof *out);
    if (!s || !s->chat || g->screen < SCREEN_INTRO || g->screen > SCREEN_WATCH || g->screen == SCREEN_PACKS ||
        g->screen == SCREEN_CHAPTERS || g->screen == SCREEN_RESULTS || g->screen == SCREEN_SETTINGS)
        return false;
    TimelineInput ti = timeline_at(g, alpha);
    double ct = ti.cue_t, seen_after = 0.8 * SCENE_TICK_HZ;
    bool base = false;
    int last_mine = -1;
    for (int i = 0; i < s->nlines; i++) {
        const SceneLine *l = &s->lines[i];
        if (ct >= l->typed) {
            out->nshown = i + 1;
            last_mine = l->mine ? l->start : -1;
        } else if (!l->mine && ct >= l->start) {
            base = true;
        }
    }
    out->typing = chat_typing(s->cues, s->ncues, ct, base);
    out->seen = last_mine >= 0 && !out->typing && ct >= last_mine + seen_after;
    if (ti.answer >= 0) { /* the reaction: your answer goes, then theirs is typed */
        const SceneAnswer *a = &s->answers[ti.answer];
        double rt = ti.reaction_t;
        out->sent = a->text;
        out->replied = a->reply.text && rt >= a->reply.typed;
        bool typing = a->reply.text && rt >= a->reply.start && rt < a->reply.typed;
        out->typing = chat_typing(a->cues, a->ncues, rt, typing);
        out->seen = !out->replied && !out->typing && rt >= seen_after;
    }
    out->dots = g->settings.reduced_motion ? 0 : game_time(g, alpha);
    return true;
}

float game_perform_progress(const Game *g, double alpha)
{
    Screen screen = g->screen;
    if (!g->scene || g->scene->length <= 0 || screen < SCREEN_PERFORM || screen > SCREEN_DEBRIEF)
        return 0.f;
    if (screen > SCREEN_PERFORM)
        return 1.f;
    float p = (float)((game_time(g, alpha) - g->perform_start) / g->scene->length);
    return p < 0 ? 0 : p > 1 ? 1 : p;
}

/* The cue a hint points at: the incongruent cue not yet noticed that is
 * showing now, or else the next one to come. -1 if none is left. */
int game_hint_target(const Game *g)
{
    const Scene *s = g->scene;
    int now = g->tick - g->perform_start, best = -1;
    for (int i = 0; i < s->ncues && i < NOTICE_MAX_CUES; i++) {
        const SceneCue *c = &s->cues[i];
        if (!c->incongruent || g->notice.cue_hit[i] || !c->def)
            continue;
        bool over = c->end != SCENE_HOLD && now > scene_cue_flag_end(c);
        if (over)
            continue;
        if (best < 0 || c->start < s->cues[best].start)
            best = i;
    }
    return best;
}

bool game_hint(const Game *g, double alpha, Region *region, float *phase)
{
    if (g->hint_cue < 0 || !g->scene || (g->screen) != SCREEN_PERFORM)
        return false;
    double since = game_time(g, alpha) - g->hint_tick;
    const SceneCue *c = &g->scene->cues[g->hint_cue];
    if (since < 0 || since > GAME_HINT_TICKS || g->notice.cue_hit[g->hint_cue])
        return false;
    *region = channel_region(c->def->channel);
    *phase = (float)(since / GAME_HINT_TICKS);
    return true;
}

bool game_hint_upcoming(const Game *g)
{
    if (g->hint_cue < 0 || !g->scene)
        return false;
    return g->tick - g->perform_start < g->scene->cues[g->hint_cue].start;
}
