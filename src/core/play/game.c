/* Unsaid - game.c: the state machine and the scene's screens. game_step
 * takes one tick of input, finds the screen's step in a table, and queues
 * what it asks of the platform. The menus' steps are in game_menus.c, where
 * things are on screen in game_layout.c, and what a moment looks like in
 * game_view.c. */
#include "game_parts.h"

#include <string.h>

/* ---- helpers --------------------------------------------------------------- */


void game_note(Game *g, Note n)
{
    g->step_notes |= 1u << n;
}

void game_request(Game *g, RequestType type, int arg)
{
    for (int i = 0; i < g->nrequests; i++)
        if (g->requests[i].type == type && g->requests[i].arg == arg)
            return;
    if (g->nrequests < GAME_MAX_REQUESTS)
        g->requests[g->nrequests++] = (GameRequest){type, arg};
}

bool game_reaction_skippable(const Game *g)
{
    return g->screen == SCREEN_REACTION && g->tick - g->reaction_start > GAME_REACTION_MIN;
}

bool game_requested(const Game *g, RequestType type)
{
    for (int i = 0; i < g->nrequests; i++)
        if (g->requests[i].type == type)
            return true;
    return false;
}

void game_clear_requests(Game *g)
{
    g->nrequests = 0;
}

void game_go(Game *g, Screen s)
{
    g->screen = s;
    g->screen_start = g->tick;
    g->selected = 0;
    game_note(g, NOTE_SCREEN);
}

static uint64_t hash_str(const char *s)
{
    uint64_t h = 1469598103934665603ULL; /* FNV-1a */
    for (; s && *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211ULL;
    return h;
}

/* The pack a scene came from (its id), or "" if unknown. */
static const char *scene_pack_id(const Game *g, const Scene *scene)
{
    const char *id = g->library ? library_scene_pack_id(g->library, scene) : NULL;
    return id ? id : "";
}

/* The answers on offer: all those that need nothing, and those whose cue
 * the player noticed. */
static void offer_answers(Game *g)
{
    g->noffered = g->scene ? scene_offered_answers(g->scene, g->notice.cue_hit, g->offered) : 0;
}

Difficulty game_chosen_difficulty(const Game *g)
{
    if (g->forced_difficulty >= 0 && g->forced_difficulty < DIFFICULTY_COUNT)
        return (Difficulty)g->forced_difficulty;
    Difficulty d = g->settings.difficulty;
    return d >= 0 && d < DIFFICULTY_COUNT ? d : DIFFICULTY_STANDARD;
}

bool game_hints_on(const Game *g)
{
    return g->settings.hints || g->difficulty == DIFFICULTY_GENTLE;
}

/* The scene to play is g->source: play it at the chosen difficulty. At
 * standard the library's scene itself is played, as it always was; a
 * scene with more cues than there is room for is played as written. */
void game_apply_difficulty(Game *g)
{
    Difficulty d = game_chosen_difficulty(g);
    g->scene = g->source;
    g->difficulty = DIFFICULTY_STANDARD;
    if (g->source && d != DIFFICULTY_STANDARD &&
        difficulty_scene(g->source, d, &g->played, g->played_cues, NOTICE_MAX_CUES)) {
        g->scene = &g->played;
        g->difficulty = d;
    }
}

void game_force_difficulty(Game *g, int d)
{
    g->forced_difficulty = d >= 0 && d < DIFFICULTY_COUNT ? d : -1;
    if (g->screen == SCREEN_INTRO)
        game_apply_difficulty(g); /* nothing of the scene has been seen yet */
}

void game_start_scene(Game *g)
{
    game_apply_difficulty(g);
    notice_reset(&g->notice);
    g->answer = -1;
    g->result_ready = false;
    g->last_flag_tick = -1000;
    g->last_flag_region = REGION_NONE;
    g->overlay = OVERLAY_NONE;
    g->region_cursor = -1;
    g->hints = 0;
    g->hint_cue = -1;
    g->hint_tick = -1000;
    g->stars = 0;
    g->seed = hash_str(g->scene ? g->scene->id : "");
    offer_answers(g);
    game_go(g, SCREEN_INTRO);
}

void game_play(Game *g, const Scene *scene)
{
    g->scene = g->source = scene;
    if (!campaign_find(&g->campaign, scene, &g->chapter, &g->chapter_pos)) {
        g->chapter = -1;
        g->chapter_pos = -1;
    } else {
        g->chapter_focus = g->chapter;
    }
    game_start_scene(g);
}

void game_init(Game *g, const Scene *scene, const Library *library, bool skip_title)
{
    memset(g, 0, sizeof *g);
    g->scene = g->source = scene;
    g->forced_difficulty = -1;
    g->library = library;
    g->answer = -1;
    g->mouse_x = -1;
    g->mouse_y = -1;
    g->settings = settings_default();
    g->region_cursor = -1;
    g->hint_cue = -1;
    campaign_build(&g->campaign, library);
    g->chapter = g->chapter_pos = -1;
    if (!campaign_find(&g->campaign, scene, &g->chapter, &g->chapter_pos))
        g->chapter = g->chapter_pos = -1;
    g->chapter_focus = g->chapter > 0 ? g->chapter : 0;
    g->seed = hash_str(scene ? scene->id : "");
    if (skip_title && scene)
        game_play(g, scene);
    else
        game_go(g, SCREEN_TITLE);
    g->step_notes = 0;
}

void game_reload(Game *g, const Scene *scene, const Library *library)
{
    int tick = g->tick, focus = g->pack_focus;
    Screen was = g->screen;
    Progress *progress = g->progress;
    Settings settings = g->settings;
    int forced = g->forced_difficulty;
    game_init(g, scene, library, false);
    g->tick = tick; /* time never goes back: recorded input stays in step */
    g->progress = progress;
    g->settings = settings;
    g->forced_difficulty = forced;
    if (was == SCREEN_PACKS) {
        game_go(g, SCREEN_PACKS);
        g->pack_focus = focus < (library ? library->npacks : 0) ? focus : 0;
    } else if (was != SCREEN_TITLE && was != SCREEN_CHAPTERS && was != SCREEN_RESULTS &&
               was != SCREEN_SETTINGS && scene) {
        game_play(g, scene);
    } else {
        game_go(g, SCREEN_TITLE);
    }
    g->step_notes = 0;
}

/* ---- menus ------------------------------------------------------------------- */

/* Keyboard / mouse selection shared by every menu: returns the chosen item
 * or -1. Arrows move, number keys and clicks choose directly, Enter confirms. */
int game_menu(Game *g, const TickInput *in, int count, UiRect (*rect)(const Game *, int))
{
    int prev = g->selected;
    if (count <= 0)
        return -1;
    if (in->has_mouse)
        for (int i = 0; i < count; i++)
            if (game_rect_contains(rect(g, i), in->mouse_x, in->mouse_y))
                g->selected = i;
    if (input_pressed(in, ACT_UP) || input_pressed(in, ACT_LEFT))
        g->selected = (g->selected + count - 1) % count;
    if (input_pressed(in, ACT_DOWN) || input_pressed(in, ACT_RIGHT))
        g->selected = (g->selected + 1) % count;
    if (g->selected != prev)
        game_note(g, NOTE_SELECT);
    static const Action numbers[] = {ACT_1, ACT_2, ACT_3, ACT_4, ACT_5};
    for (int i = 0; i < count && i < 5; i++)
        if (input_pressed(in, numbers[i]))
            return i;
    if (in->click)
        for (int i = 0; i < count; i++)
            if (game_rect_contains(rect(g, i), in->mouse_x, in->mouse_y))
                return i;
    if (input_pressed(in, ACT_CONFIRM))
        return g->selected;
    return -1;
}

TickInput game_without_numbers(const TickInput *in)
{
    TickInput t = *in;
    t.pressed &= ~((1u << ACT_1) | (1u << ACT_2) | (1u << ACT_3) | (1u << ACT_4) | (1u << ACT_5));
    return t;
}

static UiRect debrief_rect(const Game *g, int i)
{
    (void)g;
    return game_debrief_button(i);
}

/* ---- the scene ------------------------------------------------------------- */

static void flag(Game *g, Region r, float x, float y, bool at_anchor)
{
    int cue_tick = g->tick - g->perform_start;
    if (r == g->last_flag_region && g->tick - g->last_flag_tick < GAME_FLAG_DEBOUNCE)
        return;
    if (at_anchor) {
        Pose pose;
        RigLayout rig;
        game_character(g, 1.0, &pose, &rig);
        RigVec a = game_region_anchor(&rig, r);
        x = a.x;
        y = a.y;
    }
    notice_flag(&g->notice, g->scene, r, cue_tick, x, y);
    g->last_flag_tick = g->tick;
    g->last_flag_region = r;
    game_note(g, NOTE_FLAG);
}

static void ask_hint(Game *g)
{
    int cue = game_hint_target(g);
    if (cue < 0)
        return;
    if (cue != g->hint_cue) /* one charge per cue, however often it is asked */
        g->hints++;
    g->hint_cue = cue;
    g->hint_tick = g->tick;
    game_note(g, NOTE_SELECT);
}

static void step_perform(Game *g, const TickInput *in)
{
    static const struct { Action act; Region region; } keys[] = {
        {ACT_FLAG_EYES, REGION_EYES},       {ACT_FLAG_FACE, REGION_FACE},
        {ACT_FLAG_HANDS, REGION_HANDS},     {ACT_FLAG_POSTURE, REGION_POSTURE},
        {ACT_FLAG_VOICE, REGION_VOICE},     {ACT_FLAG_TEXT, REGION_TEXT},
    };
    /* The order the region cursor walks: top of the body to the words (or
     * a chat's one region). A key for a region the scene does not show
     * does nothing. */
    Region walk[REGION_COUNT];
    int nwalk = game_timeline_rows(g->scene, walk);
    for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++)
        if (input_pressed(in, keys[i].act) && scene_has_region(g->scene, keys[i].region))
            flag(g, keys[i].region, 0, 0, true);
    int step = input_pressed(in, ACT_DOWN) || input_pressed(in, ACT_RIGHT) ? 1
             : input_pressed(in, ACT_UP) || input_pressed(in, ACT_LEFT)    ? -1
                                                                           : 0;
    if (step && nwalk > 0) {
        int at = 0;
        for (int i = 0; i < nwalk; i++)
            if (walk[i] == g->region_cursor)
                at = i;
        g->region_cursor = g->region_cursor < 0 ? (int)walk[step > 0 ? 0 : nwalk - 1]
                                                : (int)walk[(at + step + nwalk) % nwalk];
        game_note(g, NOTE_SELECT);
    }
    if (input_pressed(in, ACT_CONFIRM) && g->region_cursor >= 0)
        flag(g, (Region)g->region_cursor, 0, 0, true);
    if (input_pressed(in, ACT_HINT) && game_hints_on(g))
        ask_hint(g);
    if (in->click && g->scene->chat) {
        /* A chat: the whole phone is its one region. */
        if (game_rect_contains(game_chat_phone(), in->mouse_x, in->mouse_y))
            flag(g, REGION_TEXT, in->mouse_x, in->mouse_y, false);
    } else if (in->click) {
        /* The speech box is the voice; the body never reaches under it
         * (test speech_box_clear_of_body). */
        Region r = REGION_VOICE;
        if (!game_rect_contains(game_speech_box(), in->mouse_x, in->mouse_y)) {
            Pose pose;
            RigLayout rig;
            game_character(g, 1.0, &pose, &rig);
            r = rig_hit_test(&rig, in->mouse_x, in->mouse_y);
        }
        if (r != REGION_NONE)
            flag(g, r, in->mouse_x, in->mouse_y, false);
    }
    if (g->tick - g->perform_start >= g->scene->length) {
        offer_answers(g);
        game_go(g, SCREEN_ANSWER);
    }
}

/* The scene is over: score it, and count it in the player's progress. */
static void finish_scene(Game *g)
{
    int score = g->result.score - GAME_HINT_COST * g->hints;
    g->result.score = score > 0 ? score : 0;
    g->stars = campaign_stars(&g->result);
    g->result_ready = true;
    if (g->progress && g->scene && g->scene->id) {
        PlayResult play = {.completed = true, .stars = g->stars, .score = g->result.score, .tally = g->result.tally,
                           .difficulty = g->difficulty};
        progress_record(g->progress, scene_pack_id(g, g->source), g->scene->id, &play);
        game_request(g, REQ_SAVE_PROGRESS, 0);
    }
    game_go(g, SCREEN_DEBRIEF);
    g->selected = DEBRIEF_CONTINUE;
    game_note(g, NOTE_RESULT);
}

/* The next incongruent cue after `after` in time order, or -1. */
static int next_incongruent(const Game *g, int after)
{
    const Scene *s = g->scene;
    int best = -1;
    for (int i = 0; i < s->ncues && i < NOTICE_MAX_CUES; i++) {
        const SceneCue *c = &s->cues[i];
        if (!c->incongruent || !c->def || i == after)
            continue;
        bool later = after < 0 || c->start > s->cues[after].start || (c->start == s->cues[after].start && i > after);
        if (later && (best < 0 || c->start < s->cues[best].start))
            best = i;
    }
    return best;
}

static void watch(Game *g, int cue, bool all)
{
    if (cue < 0)
        return;
    g->watch_cue = cue;
    g->watch_all = all;
    game_go(g, SCREEN_WATCH);
    g->watch_start = g->tick + 1;
}

static void back_to_debrief(Game *g)
{
    game_go(g, SCREEN_DEBRIEF);
    g->selected = DEBRIEF_WATCH;
}

static void step_watch(Game *g, const TickInput *in)
{
    int from, to;
    game_watch_window(g, &from, &to);
    bool over = (g->tick - g->watch_start) >= (to - from) * GAME_WATCH_SLOW;
    if (input_pressed(in, ACT_BACK) || input_pressed(in, ACT_PAUSE)) {
        back_to_debrief(g);
    } else if (over || in->click || input_pressed(in, ACT_CONFIRM)) {
        int next = g->watch_all ? next_incongruent(g, g->watch_cue) : -1;
        if (next >= 0)
            watch(g, next, true);
        else
            back_to_debrief(g);
    }
}

/* After the debrief: the next scene of the chapter, or its results. */
static void continue_campaign(Game *g)
{
    const SceneAnswer *chosen = g->answer >= 0 ? &g->scene->answers[g->answer] : NULL;
    const Scene *branch = chosen && chosen->next && g->library ? library_scene(g->library, chosen->next) : NULL;
    if (branch) {
        int k, pos;
        if (campaign_find(&g->campaign, branch, &k, &pos)) {
            game_play(g, branch);
        } else {
            /* A scene outside the chapter's list: afterwards the chapter
             * goes on from the scene that branched. */
            g->scene = g->source = branch;
            game_start_scene(g);
        }
        return;
    }
    if (g->chapter < 0) {
        game_go(g, SCREEN_TITLE);
        return;
    }
    const Chapter *ch = &g->campaign.chapters[g->chapter];
    if (g->chapter_pos + 1 < ch->nscenes) {
        game_play(g, ch->scenes[g->chapter_pos + 1]);
    } else {
        g->chapter_focus = g->chapter;
        game_go(g, SCREEN_RESULTS);
    }
}

/* ---- pause and settings ----------------------------------------------------- */

void game_pause_scene(Game *g)
{
    g->overlay = OVERLAY_PAUSE;
    g->pause_tick = g->tick;
    g->selected = PAUSE_RESUME;
    game_note(g, NOTE_SCREEN);
}

/* ---- chapters and results -------------------------------------------------- */

void game_open_chapters(Game *g)
{
    int k, pos;
    game_go(g, SCREEN_CHAPTERS);
    if (g->chapter >= 0) {
        g->chapter_focus = g->chapter;
        g->selected = g->chapter_pos;
    } else if (campaign_resume(&g->campaign, g->progress, &k, &pos)) {
        g->chapter_focus = k;
        g->selected = pos;
    }
}

static UiRect answer_rect(const Game *g, int i)
{
    return game_answer_rect(g, i);
}

/* The step's one interface sound (a flag's besides), as the platform
 * would have chosen it from what happened. */
static void ask_for_sounds(Game *g)
{
    unsigned n = g->step_notes;
    if (n & 1u << NOTE_FLAG)
        game_request(g, REQ_SOUND, SOUND_FLAG);
    if (n & 1u << NOTE_RESULT)
        game_request(g, REQ_SOUND, SOUND_RESULT);
    else if (n & 1u << NOTE_CONFIRM)
        game_request(g, REQ_SOUND, SOUND_CONFIRM);
    else if (n & 1u << NOTE_SCREEN)
        game_request(g, REQ_SOUND, g->screen == SCREEN_TITLE || g->screen == SCREEN_CHAPTERS ? SOUND_BACK : SOUND_PAGE);
    else if (n & 1u << NOTE_SELECT)
        game_request(g, REQ_SOUND, SOUND_SELECT);
}

static void step(Game *g, const TickInput *in);

void game_step(Game *g, const TickInput *in)
{
    g->step_notes = 0;
    if (input_pressed(in, ACT_RELOAD))
        game_request(g, REQ_RELOAD, 0);
    step(g, in);
    ask_for_sounds(g);
}

static void step_intro(Game *g, const TickInput *in)
{
    if (in->click || input_pressed(in, ACT_CONFIRM)) {
        game_note(g, NOTE_CONFIRM);
        game_go(g, SCREEN_PERFORM);
        g->perform_start = g->tick + 1; /* cue time 0 is the next tick */
    }
}

static void step_answer(Game *g, const TickInput *in)
{
    int choice = game_menu(g, in, g->noffered, answer_rect);
    if (choice >= 0) {
        g->answer = g->offered[choice];
        notice_result(&g->notice, g->scene, g->answer, &g->result);
        g->result.difficulty = g->difficulty;
        game_note(g, NOTE_CONFIRM);
        game_go(g, SCREEN_REACTION);
        g->reaction_start = g->tick + 1;
    }
}

static void step_reaction(Game *g, const TickInput *in)
{
    /* The body answers first; after a moment the player may skip ahead. */
    if (g->tick - g->reaction_start >= g->scene->answers[g->answer].length ||
        (game_reaction_skippable(g) && (in->click || input_pressed(in, ACT_CONFIRM))))
        finish_scene(g);
}

static void step_debrief(Game *g, const TickInput *in)
{
    TickInput t = game_without_numbers(in);
    int choice = game_menu(g, &t, GAME_DEBRIEF_BUTTONS, debrief_rect);
    int cue = in->click ? game_timeline_cue(g, in->mouse_x, in->mouse_y) : -1;
    if (input_pressed(in, ACT_BACK))
        choice = DEBRIEF_CHAPTERS;
    if (cue >= 0) {
        game_note(g, NOTE_CONFIRM);
        watch(g, cue, false);
        return;
    }
    switch (choice) {
    case DEBRIEF_WATCH:
        game_note(g, NOTE_CONFIRM);
        watch(g, next_incongruent(g, -1), true);
        break;
    case DEBRIEF_ANSWERS:
        game_note(g, NOTE_CONFIRM);
        game_go(g, SCREEN_REVIEW);
        break;
    case DEBRIEF_AGAIN:
        game_note(g, NOTE_CONFIRM);
        game_start_scene(g);
        break;
    case DEBRIEF_CHAPTERS: game_open_chapters(g); break;
    case DEBRIEF_CONTINUE:
        game_note(g, NOTE_CONFIRM);
        continue_campaign(g);
        break;
    default: break;
    }
}

static void step_review(Game *g, const TickInput *in)
{
    /* Up and down scroll by whole answers (selected is the first shown). */
    if (input_pressed(in, ACT_UP) && g->selected > 0)
        g->selected--;
    if (input_pressed(in, ACT_DOWN) && g->selected + 1 < g->scene->nanswers)
        g->selected++;
    if (input_pressed(in, ACT_BACK) || input_pressed(in, ACT_CONFIRM) ||
        (in->click && game_rect_contains(game_review_button(), in->mouse_x, in->mouse_y))) {
        game_note(g, NOTE_CONFIRM);
        game_go(g, SCREEN_DEBRIEF);
        g->selected = DEBRIEF_ANSWERS;
    }
}

/* Each screen's step, found by its Screen (the renderer's screen_x draws it). */
typedef void (*ScreenStep)(Game *g, const TickInput *in);
static const ScreenStep steps[SCREEN_COUNT] = {
    [SCREEN_TITLE] = game_step_title,       [SCREEN_CHAPTERS] = game_step_chapters,
    [SCREEN_RESULTS] = game_step_results,   [SCREEN_PACKS] = game_step_packs,
    [SCREEN_SETTINGS] = game_step_settings, [SCREEN_INTRO] = step_intro,
    [SCREEN_PERFORM] = step_perform,        [SCREEN_ANSWER] = step_answer,
    [SCREEN_REACTION] = step_reaction,      [SCREEN_DEBRIEF] = step_debrief,
    [SCREEN_WATCH] = step_watch,            [SCREEN_REVIEW] = step_review,
};

static void step(Game *g, const TickInput *in)
{
    if (in->has_mouse) {
        g->mouse_x = in->mouse_x;
        g->mouse_y = in->mouse_y;
    }
    bool scene_screen = g->screen >= SCREEN_INTRO && g->screen <= SCREEN_REACTION;
    if (g->overlay == OVERLAY_PAUSE)
        game_step_pause(g, in); /* the pause game_menu is over the scene, which stands still */
    else if (g->overlay == OVERLAY_SETTINGS)
        game_step_settings(g, in);
    else if (scene_screen && (input_pressed(in, ACT_BACK) || input_pressed(in, ACT_PAUSE)))
        game_pause_scene(g);
    else if (g->screen >= 0 && g->screen < SCREEN_COUNT && steps[g->screen])
        steps[g->screen](g, in);
    g->tick++;
}
