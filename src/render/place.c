/* Unsaid - place.c: places drawn from their shapes. */
#include "place.h"

#include <math.h>

static Color shape_color(uint32_t rgb, float alpha)
{
    return color_alpha(color_hex(rgb), alpha);
}

static void draw_shape_def(Draw *d, const PlaceShape *s, double t)
{
    Color c = shape_color(s->color, s->alpha);
    Vec2 pts[PLACE_MAX_POINTS];
    for (int i = 0; i < s->npts; i++)
        pts[i] = (Vec2){s->pts[2 * i], s->pts[2 * i + 1]};
    switch (s->kind) {
    case SHAPE_RECT:
        if (s->corner > 0)
            draw_rounded_rect(d, s->x, s->y, s->w, s->h, s->corner, c);
        else
            draw_rect(d, s->x, s->y, s->w, s->h, c);
        break;
    case SHAPE_GRADIENT:
        draw_rect_gradient(d, s->x, s->y, s->w, s->h, c, shape_color(s->bottom, s->alpha));
        break;
    case SHAPE_ELLIPSE: draw_ellipse(d, s->x, s->y, s->w, s->h, s->rotate, c); break;
    case SHAPE_GLOW: draw_light_ellipse(d, s->x, s->y, s->w, s->h, c); break;
    case SHAPE_POLYGON:
        if (s->gradient)
            draw_shape_gradient(d, pts, s->npts, c, shape_color(s->bottom, s->alpha));
        else
            draw_shape(d, pts, s->npts, c);
        break;
    case SHAPE_LINE: draw_stroke_tapered(d, pts, s->npts, s->width[0], s->width[1], s->width[2], c); break;
    case SHAPE_TWINKLE: {
        float tw = 0.55f + 0.45f * sinf((float)t * s->speed + s->phase);
        draw_ellipse(d, s->x, s->y, s->w, s->h, 0, color_alpha(c, tw));
        break;
    }
    case SHAPE_COUNT: break;
    }
}

/* Somewhere neutral for a place that is missing. */
static void plain_back(Draw *d)
{
    draw_rect_gradient(d, 0, 0, DRAW_LOGICAL_W, DRAW_LOGICAL_H, color_hex(0x3A4250), color_hex(0x232832));
    draw_glow_ellipse(d, 640.f, 300.f, 560.f, 360.f, color_rgba(120, 130, 150, 50));
}

void place_draw(Draw *d, const PlaceDef *place, PlaceLayer layer, double t)
{
    if (!place) {
        if (layer == PLACE_LAYER_BACK)
            plain_back(d);
        return;
    }
    for (int i = 0; i < place->nshapes[layer]; i++)
        draw_shape_def(d, &place->shapes[layer][i], t);
}

int place_moving(const PlaceDef *place, UiRect *out, int max)
{
    int n = 0;
    for (int i = 0; place && i < place->nshapes[PLACE_LAYER_LIFE] && n < max; i++) {
        const PlaceShape *s = &place->shapes[PLACE_LAYER_LIFE][i];
        if (s->kind == SHAPE_TWINKLE) /* the only shape that moves; +2 for the soft edge */
            out[n++] = (UiRect){s->x - s->w - 2, s->y - s->h - 2, 2 * s->w + 4, 2 * s->h + 4};
    }
    return n;
}
