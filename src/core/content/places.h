/* Unsaid - places.h: where scenes happen, as data (a pack's places/ folder).
 *
 * A place is three lists of simple shapes on the 1280x720 canvas: `back`
 * behind the people, `life` (small moving details) over it, and `front`
 * over their bodies but under their hands. The renderer draws them; this
 * module only reads and checks them. Place ids follow the same override
 * rules as cues and scenes. */
#ifndef UNSAID_PLACES_H
#define UNSAID_PLACES_H

#include "arena.h"
#include "diag.h"
#include "registry.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define PLACE_MAX_SHAPES 256  /* per layer */
#define PLACE_MAX_POINTS 64   /* per polygon or line */

typedef enum { PLACE_LAYER_BACK, PLACE_LAYER_LIFE, PLACE_LAYER_FRONT, PLACE_LAYER_COUNT } PlaceLayer;

typedef enum {
    SHAPE_RECT,     /* rect, corner, color */
    SHAPE_GRADIENT, /* rect, top, bottom */
    SHAPE_ELLIPSE,  /* at, radius, rotate, color */
    SHAPE_GLOW,     /* at, radius: colour fading to nothing at the edge */
    SHAPE_POLYGON,  /* points, color (or top and bottom) */
    SHAPE_LINE,     /* points, width (one, or start / middle / end), color */
    SHAPE_TWINKLE,  /* at, radius, color, speed, phase: a point that pulses */
    SHAPE_COUNT
} ShapeKind;

typedef struct {
    ShapeKind kind;
    float x, y, w, h;  /* rect; for at + radius shapes: centre (x, y), radii (w, h) */
    float rotate;      /* radians */
    float corner;
    float width[3];
    uint32_t color, bottom; /* 0xRRGGBB; bottom for gradients */
    float alpha;            /* 0..1 */
    bool gradient;          /* a polygon filled top to bottom */
    float *pts;             /* x0, y0, x1, y1, ... */
    int npts;
    float speed, phase;
} PlaceShape;

typedef struct {
    const char *id, *describe;
    const char *ambience;          /* a loop in the pack's sounds/ folder, without
                                      its extension; may be NULL */
    int ambience_line, ambience_col; /* where `ambience:` was written */
    float table_y;
    bool standing; /* `stance: standing`: people here are on their feet (at a
                    * counter when there is a table_y) */
    bool side;     /* `stance: side-on`: seated side-on, as on a bench */
    PlaceShape *shapes[PLACE_LAYER_COUNT];
    int nshapes[PLACE_LAYER_COUNT];
    const char *pack; /* the id of the pack that defined it (its sounds/ folder) */
} PlaceDef;

/* PlaceDef items by id in a registry (registry.h has the rules). */
typedef struct {
    Arena arena; /* shapes and words */
    Registry reg;
} Places;

void places_init(Places *p);
void places_free(Places *p);
/* Add one place file for scope's pack (NULL: a lone file). */
bool places_add(Places *p, const PackScope *scope, const char *file, const char *buf, size_t len,
                DiagList *diags);
/* Any pack's place of that id, or NULL. */
const PlaceDef *places_find(const Places *p, const char *id);
static inline int places_count(const Places *p) { return p->reg.count; }
static inline const PlaceDef *places_at(const Places *p, int i) { return p->reg.entries[i].item; }
const char *places_shape_name(ShapeKind k);

#endif
