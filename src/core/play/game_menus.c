/* Unsaid - game_menus.c: the screens that are menus - title, chapters,
 * results, packs, settings - and the pause menu over a paused scene. */
#include "game_parts.h"

#include <string.h>

/* Window sizes the settings screen steps through (0: the default). */
static const int window_sizes[][2] = {{0, 0}, {960, 540}, {1600, 900}, {1920, 1080}};
#define N_WINDOW_SIZES (int)(sizeof window_sizes / sizeof window_sizes[0])

static UiRect pause_rect(const Game *g, int i)
{
    (void)g;
    return game_pause_button(i);
}

static UiRect settings_rect(const Game *g, int i)
{
    (void)g;
    return game_settings_row(i);
}

static UiRect title_rect(const Game *g, int i)
{
    (void)g;
    return game_title_button(i);
}

static void resume_scene(Game *g)
{
    /* Every clock of the scene moves on by the time spent paused. */
    int gap = g->tick - g->pause_tick;
    g->perform_start += gap;
    g->reaction_start += gap;
    g->screen_start += gap;
    g->hint_tick += gap;
    g->last_flag_tick += gap;
    g->paused_total += gap;
    g->overlay = OVERLAY_NONE;
    g->selected = 0;
    game_note(g, NOTE_SCREEN);
}

void game_step_pause(Game *g, const TickInput *in)
{
    TickInput t = game_without_numbers(in);
    int choice = game_menu(g, &t, PAUSE_COUNT, pause_rect);
    if (input_pressed(in, ACT_BACK) || input_pressed(in, ACT_PAUSE))
        choice = PAUSE_RESUME;
    switch (choice) {
    case PAUSE_RESUME: resume_scene(g); break;
    case PAUSE_RESTART:
        game_note(g, NOTE_CONFIRM);
        game_start_scene(g);
        break;
    case PAUSE_SETTINGS:
        game_note(g, NOTE_CONFIRM);
        g->overlay = OVERLAY_SETTINGS; /* over the scene; back to this pause game_menu */
        g->selected = 0;
        game_note(g, NOTE_SCREEN);
        break;
    case PAUSE_QUIT:
        g->overlay = OVERLAY_NONE;
        game_go(g, g->chapter >= 0 ? SCREEN_CHAPTERS : SCREEN_TITLE);
        break;
    default: break;
    }
}

static int clampi(int v, int lo, int hi)
{
    return v < lo ? lo : v > hi ? hi : v;
}

static int window_index(const Settings *s)
{
    for (int i = 0; i < N_WINDOW_SIZES; i++)
        if (window_sizes[i][0] == s->window_width && window_sizes[i][1] == s->window_height)
            return i;
    return 0;
}

/* Change one setting by one step (dir is -1 or +1; toggles ignore it). */
static void change_setting(Game *g, int row, int dir)
{
    Settings *s = &g->settings;
    switch (row) {
    case SET_FULLSCREEN: s->fullscreen = !s->fullscreen; break;
    case SET_WINDOW: {
        int i = (window_index(s) + dir + N_WINDOW_SIZES) % N_WINDOW_SIZES;
        s->window_width = window_sizes[i][0];
        s->window_height = window_sizes[i][1];
        break;
    }
    case SET_MASTER: s->master_volume = clampi(s->master_volume + 10 * dir, 0, 100); break;
    case SET_MUSIC: s->music_volume = clampi(s->music_volume + 10 * dir, 0, 100); break;
    case SET_EFFECTS: s->effects_volume = clampi(s->effects_volume + 10 * dir, 0, 100); break;
    case SET_TEXT_SIZE: s->text_size = (TextSize)((s->text_size + dir + TEXT_SIZE_COUNT) % TEXT_SIZE_COUNT); break;
    case SET_TEXT_SPEED:
        s->text_speed = (TextSpeed)((s->text_speed + dir + TEXT_SPEED_COUNT) % TEXT_SPEED_COUNT);
        break;
    case SET_REDUCED_MOTION: s->reduced_motion = !s->reduced_motion; break;
    case SET_HIGH_CONTRAST: s->high_contrast = !s->high_contrast; break;
    case SET_HINTS: s->hints = !s->hints; break;
    case SET_OPEN_ALL: s->open_all_scenes = !s->open_all_scenes; break;
    case SET_DIFFICULTY: game_change_difficulty(g, dir); return;
    default: return;
    }
    game_request(g, REQ_SAVE_SETTINGS, 0);
    game_note(g, NOTE_SELECT);
}

void game_change_difficulty(Game *g, int dir)
{
    /* The player's choice wins over one the command line or a replay made. */
    g->settings.difficulty = difficulty_step(game_chosen_difficulty(g), dir);
    g->forced_difficulty = -1;
    /* A scene not yet begun (its context card under the pause menu) starts
     * at the new difficulty; one under way keeps its own until it ends. */
    if (g->screen == SCREEN_INTRO)
        game_apply_difficulty(g);
    game_request(g, REQ_SAVE_SETTINGS, 0);
    game_note(g, NOTE_SELECT);
}

static void leave_settings(Game *g)
{
    if (g->overlay == OVERLAY_SETTINGS) {
        g->overlay = OVERLAY_PAUSE; /* the pause game_menu shows over the scene again */
        g->selected = PAUSE_SETTINGS;
        game_note(g, NOTE_SCREEN);
    } else {
        game_go(g, SCREEN_TITLE);
        g->selected = TITLE_SETTINGS;
    }
}

void game_step_settings(Game *g, const TickInput *in)
{
    /* Up and down move between rows; left and right change the value. */
    TickInput rows = game_without_numbers(in);
    rows.pressed &= ~((1u << ACT_LEFT) | (1u << ACT_RIGHT));
    int choice = game_menu(g, &rows, SET_COUNT, settings_rect);
    if (input_pressed(in, ACT_LEFT))
        change_setting(g, g->selected, -1);
    if (input_pressed(in, ACT_RIGHT))
        change_setting(g, g->selected, +1);
    if (input_pressed(in, ACT_BACK) || input_pressed(in, ACT_PAUSE) || choice == SET_BACK)
        leave_settings(g);
    else if (choice >= 0)
        change_setting(g, choice, +1);
}

static UiRect chapter_rect(const Game *g, int i)
{
    return game_chapter_row(g, i);
}

static void focus_chapter(Game *g, int dir)
{
    int n = g->campaign.nchapters;
    if (n <= 1)
        return;
    g->chapter_focus = (g->chapter_focus + dir + n) % n;
    g->selected = 0;
    game_note(g, NOTE_SELECT);
}

void game_step_chapters(Game *g, const TickInput *in)
{
    int n = g->chapter_focus < g->campaign.nchapters ? g->campaign.chapters[g->chapter_focus].nscenes : 0;
    TickInput rows = game_without_numbers(in);
    rows.pressed &= ~((1u << ACT_LEFT) | (1u << ACT_RIGHT));
    /* Rows, Back, the difficulty and the two chapter arrows; only the
     * first three take the arrow keys. */
    int sel = g->selected;
    int level = n + 1;
    int choice = game_menu(g, &rows, n + 4, chapter_rect);
    if (g->selected > level && !in->has_mouse)
        g->selected = sel > level ? 0 : sel; /* arrows walk rows, Back and the difficulty only */
    int dir = input_pressed(in, ACT_LEFT) ? -1 : input_pressed(in, ACT_RIGHT) ? +1 : 0;
    if (g->selected == level && dir)
        game_change_difficulty(g, dir); /* left and right on it change the difficulty, not the chapter */
    else if (choice == level)
        game_change_difficulty(g, +1);
    else if (dir < 0 || choice == n + 2)
        focus_chapter(g, -1);
    else if (dir > 0 || choice == n + 3)
        focus_chapter(g, +1);
    else if (input_pressed(in, ACT_BACK) || choice == n) {
        game_go(g, SCREEN_TITLE);
        g->selected = 1;
    } else if (choice >= 0 && choice < n) {
        if (g->settings.open_all_scenes || campaign_open(&g->campaign, g->progress, g->chapter_focus, choice)) {
            game_note(g, NOTE_CONFIRM);
            game_play(g, g->campaign.chapters[g->chapter_focus].scenes[choice]);
        }
    }
}

void game_step_title(Game *g, const TickInput *in)
{
    int choice = game_menu(g, in, TITLE_COUNT, title_rect);
    if (input_pressed(in, ACT_BACK)) { /* the first Esc moves to Quit; a second one quits */
        if (g->selected == TITLE_QUIT) {
            choice = TITLE_QUIT;
        } else {
            g->selected = TITLE_QUIT;
            game_note(g, NOTE_SELECT);
        }
    }
    int k, pos;
    switch (choice) {
    case TITLE_PLAY: /* Continue: the first open scene not yet finished */
        game_note(g, NOTE_CONFIRM);
        if (campaign_resume(&g->campaign, g->progress, &k, &pos))
            game_play(g, g->campaign.chapters[k].scenes[pos]);
        else if (g->source)
            game_play(g, g->source);
        break;
    case TITLE_CHAPTERS:
        game_note(g, NOTE_CONFIRM);
        game_open_chapters(g);
        break;
    case TITLE_SETTINGS:
        game_note(g, NOTE_CONFIRM);
        game_go(g, SCREEN_SETTINGS);
        break;
    case TITLE_PACKS:
        game_note(g, NOTE_CONFIRM);
        game_go(g, SCREEN_PACKS);
        break;
    case TITLE_QUIT: game_request(g, REQ_QUIT, 0); break;
    default: break;
    }
}

void game_step_packs(Game *g, const TickInput *in)
{
    /* The number keys choose answers elsewhere; here only rows and Back. */
    TickInput rows = game_without_numbers(in);
    int n = game_pack_count(g);
    int choice = game_menu(g, &rows, n + 2, game_pack_row);
    if (g->selected < n)
        g->pack_focus = g->selected; /* the highlighted pack shows its details */
    if (choice == n || input_pressed(in, ACT_BACK)) {
        game_go(g, SCREEN_TITLE);
        g->selected = TITLE_PACKS;
    } else if (n > 0 && (choice == n + 1 || (choice >= 0 && choice < n && !in->click)) &&
               !g->library->packs[g->pack_focus].is_base) {
        /* The button, or Enter on a row, turns the pack on or off; a
         * click on a row only shows its details. A broken pack is off
         * already, and turning it off would hide its problems: it is read
         * again instead, to see whether the fixes worked. */
        bool broken = g->library->packs[g->pack_focus].state == PACK_BROKEN;
        game_request(g, broken ? REQ_RECHECK_PACK : REQ_TOGGLE_PACK, g->pack_focus);
        game_note(g, NOTE_CONFIRM);
    }
}

void game_step_results(Game *g, const TickInput *in)
{
    bool go_on = (in->click && game_rect_contains(game_results_button(), in->mouse_x, in->mouse_y)) ||
                 input_pressed(in, ACT_CONFIRM) || input_pressed(in, ACT_BACK);
    if (go_on) {
        game_note(g, NOTE_CONFIRM);
        game_open_chapters(g);
        if (g->campaign.nchapters > 1 && g->chapter_focus + 1 < g->campaign.nchapters) {
            g->chapter_focus++;
            g->selected = 0;
        }
    }
}
