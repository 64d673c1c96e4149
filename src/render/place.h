/* Unsaid - place.h: the settings scenes happen in.
 *
 * A place is drawn in layers around the characters: the background (walls,
 * window, light), its small moving details (life: twinkling stars), and the
 * foreground (a table the hands rest on). BACK and FRONT never change, so
 * the renderer draws them once into textures; only LIFE is drawn each frame.
 * Places set the mood but stay quiet: low contrast, soft colours, nothing
 * that competes with a face.
 */
#ifndef UNSAID_PLACE_H
#define UNSAID_PLACE_H

#include "draw.h"

#include <stdbool.h>

typedef enum { PLACE_LAYER_BACK, PLACE_LAYER_LIFE, PLACE_LAYER_FRONT } PlaceLayer;

/* Returns false if the place id is unknown (then a plain backdrop is drawn).
 * t (seconds) only matters for PLACE_LAYER_LIFE. */
bool place_draw(Draw *d, const char *place_id, PlaceLayer layer, double t);
/* Does this place id exist? */
bool place_known(const char *place_id);
/* The table top's canvas y for places with a table (hands rest there), or a
 * negative number for places without one. */
float place_table_y(const char *place_id);

#endif
