/* Unsaid - game_parts.h: what game.c, game_menus.c, game_layout.c and
 * game_view.c share (not for use outside them). */
#ifndef UNSAID_GAME_PARTS_H
#define UNSAID_GAME_PARTS_H

#include "game.h"

/* What happened in a step, to choose its sound when the step ends. */
typedef enum { NOTE_FLAG, NOTE_SELECT, NOTE_CONFIRM, NOTE_SCREEN, NOTE_RESULT } Note;

int game_pack_count(const Game *g);
int game_hint_target(const Game *g);
void game_watch_window(const Game *g, int *from, int *to);

/* The state machine's helpers (game.c). */
void game_note(Game *g, Note n);
/* Ask the platform for something; the same request twice is kept once. */
void game_request(Game *g, RequestType type, int arg);
/* Change screen: its clock starts now, the first item is selected. */
void game_go(Game *g, Screen s);
/* Keyboard / mouse selection shared by every menu: the chosen item or -1. */
int game_menu(Game *g, const TickInput *in, int count, UiRect (*rect)(const Game *, int));
/* The input without the number keys (they choose answers elsewhere). */
TickInput game_without_numbers(const TickInput *in);
void game_start_scene(Game *g);
/* Play g->source at the chosen difficulty: set g->scene and g->difficulty. */
void game_apply_difficulty(Game *g);
/* The difficulty one step on (dir -1 or +1), chosen by the player: the
 * settings row and the Chapters screen. */
void game_change_difficulty(Game *g, int dir);
void game_open_chapters(Game *g);
void game_pause_scene(Game *g);

/* The menus' steps (game_menus.c). */
void game_step_title(Game *g, const TickInput *in);
void game_step_chapters(Game *g, const TickInput *in);
void game_step_results(Game *g, const TickInput *in);
void game_step_packs(Game *g, const TickInput *in);
void game_step_settings(Game *g, const TickInput *in);
/* The pause menu over a paused scene. */
void game_step_pause(Game *g, const TickInput *in);

#endif
