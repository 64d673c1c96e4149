/* Unsaid - place.h: draws a place (see the core's places.h) from its shapes.
 *
 * BACK and FRONT never change, so the renderer draws them once into
 * textures; LIFE (small moving details) is drawn every frame. */
#ifndef UNSAID_PLACE_H
#define UNSAID_PLACE_H

#include "content.h"
#include "draw.h"

/* Draw one layer of a place at time t (seconds; only LIFE moves). A NULL
 * place draws a plain soft backdrop. */
void place_draw(Draw *d, const PlaceDef *place, PlaceLayer layer, double t);
/* Where the LIFE layer changes from moment to moment (canvas rects, at
 * most max of them); returns how many. */
int place_moving(const PlaceDef *place, UiRect *out, int max);

#endif
