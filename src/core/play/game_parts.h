/* Unsaid - game_parts.h: what game.c, game_layout.c and game_view.c share
 * (not for use outside them). */
#ifndef UNSAID_GAME_PARTS_H
#define UNSAID_GAME_PARTS_H

#include "game.h"

int game_pack_count(const Game *g);
int game_hint_target(const Game *g);
void game_watch_window(const Game *g, int *from, int *to);

#endif
