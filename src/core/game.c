/* Unsaid - game.c */
#include "game.h"

#include "timeline.h"

#include <string.h>

/* ---- layout ------------------------------------------------------------- */

bool ui_contains(UiRect r, float x, float y)
{
    return x >= r.x && y >= r.y && x < r.x + r.w && y < r.y + r.h;
}

UiRect game_title_button(int i)
{
    return (UiRect){84, 380 + 72.f * i, 280, 58};
}

static int pack_count(const Game *g)
{
    return g->library ? g->library->npacks : 0;
}

int game_pack_scroll(const Game *g)
{
    int sel = g->pack_focus < pack_count(g) ? g->pack_focus : pack_count(g) - 1;
    int scroll = sel - (GAME_PACK_ROWS - 1);
    return scroll > 0 ? scroll : 0;
}

UiRect game_pack_row(const Game *g, int i)
{
    if (i == pack_count(g) + 1)
        return (UiRect){598, 620, 300, 50}; /* turn on / off, in the details panel */
    if (i >= pack_count(g))
        return (UiRect){60, 636, 220, 54}; /* Back */
    int row = i - game_pack_scroll(g);
    if (row < 0 || row >= GAME_PACK_ROWS)
        return (UiRect){-1000, -1000, 0, 0}; /* scrolled out of view */
    return (UiRect){60, 120 + 62.f * row, 470, 54};
}

UiRect game_answer_rect(const Scene *scene, int i)
{
    int n = scene ? scene->nanswers : 0;
    return (UiRect){150, 704 - 78.f * (n - i), 980, 70};
}

UiRect game_debrief_button(int i)
{
    return (UiRect){i == 0 ? 700 : 960, 628, 240, 56};
}

UiRect game_speech_box(void)
{
    return (UiRect){190, 584, 900, 120};
}

RigPlacement game_placement(void)
{
    return (RigPlacement){640, 640, 1.f, false};
}

/* ---- helpers --------------------------------------------------------------- */

static void emit(Game *g, GameEventType e)
{
    if (g->nevents < GAME_MAX_EVENTS)
        g->events[g->nevents++] = e;
}

static void go(Game *g, Screen s)
{
    g->screen = s;
    g->screen_start = g->tick;
    g->selected = 0;
    emit(g, EV_SCREEN);
}

static uint64_t hash_str(const char *s)
{
    uint64_t h = 1469598103934665603ULL; /* FNV-1a */
    for (; s && *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211ULL;
    return h;
}

static void start_scene(Game *g)
{
    notice_reset(&g->notice);
    g->answer = -1;
    g->result_ready = false;
    g->last_flag_tick = -1000;
    g->last_flag_region = REGION_NONE;
    go(g, SCREEN_INTRO);
}

void game_init(Game *g, const Scene *scene, const Library *library, bool skip_title)
{
    memset(g, 0, sizeof *g);
    g->scene = scene;
    g->library = library;
    g->answer = -1;
    g->mouse_x = -1;
    g->mouse_y = -1;
    g->pack_toggle = -1;
    g->seed = hash_str(scene ? scene->id : "");
    if (skip_title)
        start_scene(g);
    else
        go(g, SCREEN_TITLE);
    g->nevents = 0;
}

void game_reload(Game *g, const Scene *scene, const Library *library)
{
    int tick = g->tick, focus = g->pack_focus;
    Screen was = g->screen;
    game_init(g, scene, library, false);
    g->tick = tick; /* time never goes back: recorded input stays in step */
    if (was == SCREEN_PACKS) {
        go(g, SCREEN_PACKS);
        g->pack_focus = focus < (library ? library->npacks : 0) ? focus : 0;
    } else if (was != SCREEN_TITLE && scene) {
        start_scene(g);
    } else {
        go(g, SCREEN_TITLE);
    }
    g->nevents = 0;
}

double game_time(const Game *g, double alpha)
{
    return g->tick - 1 + alpha;
}

static TimelineInput timeline_at(const Game *g, double alpha)
{
    double t = game_time(g, alpha);
    bool performing = g->screen >= SCREEN_PERFORM;
    bool reacting = g->screen >= SCREEN_REACTION && g->answer >= 0;
    return (TimelineInput){
        .scene = g->scene,
        .cue_t = performing ? t - g->perform_start : -1e9,
        .life_t = t,
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
    RigPlacement place = game_placement();
    Look look = g->scene ? g->scene->look : look_default();
    rig_layout(rig, &look.body, &place, pose, game_time(g, alpha) / SCENE_TICK_HZ);
}

const CueDef *game_voice(const Game *g, double alpha, float *weight)
{
    TimelineInput ti = timeline_at(g, alpha);
    return timeline_voice(&ti, weight);
}

bool game_current_line(const Game *g, double alpha, const SceneLine **line, int *visible)
{
    const Scene *s = g->scene;
    double t = game_time(g, alpha);
    if (!s)
        return false;
    if (g->screen == SCREEN_PERFORM) {
        double ct = t - g->perform_start;
        for (int i = 0; i < s->nlines; i++) {
            if (ct >= s->lines[i].start && ct < s->lines[i].end) {
                *line = &s->lines[i];
                *visible = scene_line_visible_bytes(*line, ct);
                return true;
            }
        }
    } else if ((g->screen == SCREEN_REACTION) && g->answer >= 0) {
        const SceneLine *r = &s->answers[g->answer].reply;
        double rt = t - g->reaction_start;
        if (r->text && rt >= r->start) {
            *line = r;
            *visible = scene_line_visible_bytes(r, rt);
            return true;
        }
    }
    return false;
}

float game_perform_progress(const Game *g, double alpha)
{
    if (!g->scene || g->scene->length <= 0 || g->screen < SCREEN_PERFORM)
        return 0.f;
    if (g->screen > SCREEN_PERFORM)
        return 1.f;
    float p = (float)((game_time(g, alpha) - g->perform_start) / g->scene->length);
    return p < 0 ? 0 : p > 1 ? 1 : p;
}

/* ---- screens ----------------------------------------------------------------- */

/* Keyboard / mouse selection shared by every menu: returns the chosen item
 * or -1. Arrows move, number keys and clicks choose directly, Enter confirms. */
static int menu(Game *g, const TickInput *in, int count, UiRect (*rect)(const Game *, int))
{
    int prev = g->selected;
    if (in->has_mouse)
        for (int i = 0; i < count; i++)
            if (ui_contains(rect(g, i), in->mouse_x, in->mouse_y))
                g->selected = i;
    if (input_pressed(in, ACT_UP) || input_pressed(in, ACT_LEFT))
        g->selected = (g->selected + count - 1) % count;
    if (input_pressed(in, ACT_DOWN) || input_pressed(in, ACT_RIGHT))
        g->selected = (g->selected + 1) % count;
    if (g->selected != prev)
        emit(g, EV_SELECT);
    for (int i = 0; i < count && i < 4; i++)
        if (input_pressed(in, (Action)(ACT_1 + i)))
            return i;
    if (in->click)
        for (int i = 0; i < count; i++)
            if (ui_contains(rect(g, i), in->mouse_x, in->mouse_y))
                return i;
    if (input_pressed(in, ACT_CONFIRM))
        return g->selected;
    return -1;
}

static UiRect title_rect(const Game *g, int i)
{
    (void)g;
    return game_title_button(i);
}

static UiRect debrief_rect(const Game *g, int i)
{
    (void)g;
    return game_debrief_button(i);
}

static UiRect answer_rect(const Game *g, int i)
{
    return game_answer_rect(g->scene, i);
}

/* Where a keyboard flag's marker goes: beside the region, not on it, so the
 * marker never covers the cue it points at. */
static RigVec region_anchor(const RigLayout *rig, Region r)
{
    float side = rig->head.x + rig->head_rx + 40;
    switch (r) {
    case REGION_EYES: return (RigVec){side, (rig->eye[0].y + rig->eye[1].y) / 2};
    case REGION_HANDS: {
        float right = rig->hand[0].x > rig->hand[1].x ? rig->hand[0].x : rig->hand[1].x;
        return (RigVec){right + 50, (rig->hand[0].y + rig->hand[1].y) / 2};
    }
    case REGION_FACE: return (RigVec){side, rig->mouth.y};
    case REGION_VOICE: {
        UiRect b = game_speech_box();
        return (RigVec){b.x + b.w - 40, b.y + 30};
    }
    case REGION_POSTURE:
    default: return (RigVec){rig->chest.x + rig->torso_w + 50, rig->chest.y + 60};
    }
}

static void flag(Game *g, Region r, float x, float y, bool at_anchor)
{
    int cue_tick = g->tick - g->perform_start;
    if (r == g->last_flag_region && g->tick - g->last_flag_tick < GAME_FLAG_DEBOUNCE)
        return;
    if (at_anchor) {
        Pose pose;
        RigLayout rig;
        game_character(g, 1.0, &pose, &rig);
        RigVec a = region_anchor(&rig, r);
        x = a.x;
        y = a.y;
    }
    notice_flag(&g->notice, g->scene, r, cue_tick, x, y);
    g->last_flag_tick = g->tick;
    g->last_flag_region = r;
    emit(g, EV_FLAG);
}

static void step_perform(Game *g, const TickInput *in)
{
    static const struct { Action act; Region region; } keys[] = {
        {ACT_FLAG_EYES, REGION_EYES},       {ACT_FLAG_FACE, REGION_FACE},
        {ACT_FLAG_HANDS, REGION_HANDS},     {ACT_FLAG_POSTURE, REGION_POSTURE},
        {ACT_FLAG_VOICE, REGION_VOICE},
    };
    for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++)
        if (input_pressed(in, keys[i].act))
            flag(g, keys[i].region, 0, 0, true);
    if (in->click) {
        Region r;
        if (ui_contains(game_speech_box(), in->mouse_x, in->mouse_y)) {
            r = REGION_VOICE;
        } else {
            Pose pose;
            RigLayout rig;
            game_character(g, 1.0, &pose, &rig);
            r = rig_hit_test(&rig, in->mouse_x, in->mouse_y);
        }
        if (r != REGION_NONE)
            flag(g, r, in->mouse_x, in->mouse_y, false);
    }
    if (g->tick - g->perform_start >= g->scene->length)
        go(g, SCREEN_ANSWER);
}

void game_step(Game *g, const TickInput *in)
{
    g->nevents = 0;
    if (in->has_mouse) {
        g->mouse_x = in->mouse_x;
        g->mouse_y = in->mouse_y;
    }
    int choice;
    switch (g->screen) {
    case SCREEN_TITLE:
        choice = menu(g, in, GAME_TITLE_BUTTONS, title_rect);
        if (input_pressed(in, ACT_BACK))
            choice = 2;
        if (choice == 0 && g->scene) {
            emit(g, EV_CONFIRM);
            start_scene(g);
        } else if (choice == 1) {
            emit(g, EV_CONFIRM);
            go(g, SCREEN_PACKS);
        } else if (choice == 2) {
            g->quit = true;
        }
        break;
    case SCREEN_PACKS: {
        /* The number keys choose answers elsewhere; here only rows and Back. */
        TickInput rows = *in;
        rows.pressed &= ~((1u << ACT_1) | (1u << ACT_2) | (1u << ACT_3) | (1u << ACT_4));
        int n = pack_count(g);
        choice = menu(g, &rows, n + 2, game_pack_row);
        if (g->selected < n)
            g->pack_focus = g->selected; /* the highlighted pack shows its details */
        if (choice == n || input_pressed(in, ACT_BACK)) {
            go(g, SCREEN_TITLE);
            g->selected = 1;
        } else if (n > 0 && (choice == n + 1 || (choice >= 0 && choice < n && !in->click)) &&
                   !g->library->packs[g->pack_focus].is_base) {
            /* The button, or Enter on a row, turns the pack on or off; a
             * click on a row only shows its details. */
            g->pack_toggle = g->pack_focus;
            emit(g, EV_CONFIRM);
        }
        break;
    }
    case SCREEN_INTRO:
        if (input_pressed(in, ACT_BACK)) {
            go(g, SCREEN_TITLE);
        } else if (in->click || input_pressed(in, ACT_CONFIRM)) {
            emit(g, EV_CONFIRM);
            go(g, SCREEN_PERFORM);
            g->perform_start = g->tick + 1; /* cue time 0 is the next tick */
        }
        break;
    case SCREEN_PERFORM:
        if (input_pressed(in, ACT_BACK))
            go(g, SCREEN_TITLE);
        else
            step_perform(g, in);
        break;
    case SCREEN_ANSWER:
        if (input_pressed(in, ACT_BACK)) {
            go(g, SCREEN_TITLE);
            break;
        }
        choice = menu(g, in, g->scene->nanswers, answer_rect);
        if (choice >= 0) {
            g->answer = choice;
            notice_result(&g->notice, g->scene, choice, &g->result);
            emit(g, EV_CONFIRM);
            go(g, SCREEN_REACTION);
            g->reaction_start = g->tick + 1;
        }
        break;
    case SCREEN_REACTION:
        /* The body answers first; after a moment the player may skip ahead. */
        if (g->tick - g->reaction_start >= g->scene->answers[g->answer].length ||
            (g->tick - g->reaction_start > 60 && (in->click || input_pressed(in, ACT_CONFIRM)))) {
            go(g, SCREEN_DEBRIEF);
            g->result_ready = true;
            emit(g, EV_RESULT);
        }
        break;
    case SCREEN_DEBRIEF:
        choice = menu(g, in, GAME_DEBRIEF_BUTTONS, debrief_rect);
        if (input_pressed(in, ACT_BACK))
            choice = 1;
        if (choice == 0) {
            emit(g, EV_CONFIRM);
            start_scene(g);
        } else if (choice == 1) {
            go(g, SCREEN_TITLE);
        }
        break;
    case SCREEN_COUNT:
        break;
    }
    g->tick++;
}
