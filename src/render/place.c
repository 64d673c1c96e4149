/* Unsaid - place.c: the settings scenes happen in.
 *
 * Places are painted with a handful of large soft shapes. They stay low in
 * contrast and saturation so the face is always the brightest, busiest
 * thing on screen.
 */
#include "place.h"

#include <math.h>
#include <string.h>

typedef struct {
    const char *id;
    void (*back)(Draw *d);           /* static: may be cached in a texture */
    void (*life)(Draw *d, double t); /* small moving details; may be NULL */
    void (*front)(Draw *d);          /* static: may be cached in a texture */
    float table_y;
} PlaceDef;

static void plain_back(Draw *d)
{
    draw_rect_gradient(d, 0, 0, DRAW_LOGICAL_W, DRAW_LOGICAL_H, color_hex(0x3A4250),
                       color_hex(0x232832));
    draw_glow_ellipse(d, 640.f, 300.f, 560.f, 360.f, color_rgba(120, 130, 150, 50));
}

/* ---- kitchen at night -------------------------------------------------------- */

#define KITCHEN_WIN_X 96.f
#define KITCHEN_WIN_Y 110.f

static void kitchen_window(Draw *d)
{
    const float x = KITCHEN_WIN_X, y = KITCHEN_WIN_Y, w = 300.f, h = 300.f;
    /* Frame and a deep sill shadow. */
    draw_rounded_rect(d, x - 14.f, y - 14.f, w + 28.f, h + 28.f, 6.f, color_hex(0x2E3542));
    Color sky_top = color_hex(0x0E1628), sky_bot = color_hex(0x28344C);
    draw_rect_gradient(d, x, y, w, h, sky_top, sky_bot);
    /* Moon with a soft halo, mostly hidden behind a thin cloud. */
    draw_glow(d, x + 210.f, y + 80.f, 90.f, color_rgba(170, 185, 215, 60));
    draw_circle(d, x + 210.f, y + 80.f, 20.f, color_hex(0xC9D0DC));
    draw_circle(d, x + 218.f, y + 74.f, 18.f, color_rgba(30, 40, 62, 120));
    /* Rooftops far away, then the mullions. */
    draw_rect(d, x, y + 236, 70, h - 236, color_hex(0x161C28));
    draw_rect(d, x + 70, y + 214, 60, h - 214, color_hex(0x141A25));
    draw_rect(d, x + 130, y + 250, 70, h - 250, color_hex(0x171D29));
    draw_rect(d, x + 200, y + 226, 100, h - 226, color_hex(0x131924));
    draw_rect(d, x + 150, y + 262, 10, 12, color_rgba(230, 190, 120, 150)); /* a lit window */
    draw_rect(d, x + 240, y + 244, 10, 12, color_rgba(230, 190, 120, 110));
    Color frame = color_hex(0x343C4A);
    draw_rect(d, x + w * 0.5f - 5.f, y, 10.f, h, frame);
    draw_rect(d, x, y + h * 0.5f - 5.f, w, 10.f, frame);
    draw_rect(d, x - 24.f, y + h + 10.f, w + 48.f, 14.f, color_hex(0x3A4250));
    draw_rect(d, x - 24.f, y + h + 24.f, w + 48.f, 6.f, color_rgba(10, 12, 18, 90));
    /* A plant on the sill: a pot and a few leaves. */
    draw_rounded_rect(d, x + 30.f, y + h - 18.f, 34.f, 28.f, 5.f, color_hex(0x5A4438));
    for (int i = 0; i < 5; i++) {
        float a = -2.4f + i * 0.42f;
        Vec2 c = {x + 47.f + cosf(a) * 22.f, y + h - 24.f + sinf(a) * 22.f};
        draw_ellipse(d, c.x, c.y, 14.f, 6.f, a, color_hex(0x34483E));
    }
}

/* A few stars in the window, twinkling slowly. */
static void kitchen_life(Draw *d, double t)
{
    static const float stars[][2] = {{40, 50}, {90, 120}, {150, 40}, {260, 170}, {60, 200}, {120, 230}};
    for (size_t i = 0; i < sizeof stars / sizeof stars[0]; i++) {
        float tw = 0.55f + 0.45f * sinf((float)t * 0.9f + (float)i * 1.7f);
        draw_circle(d, KITCHEN_WIN_X + stars[i][0], KITCHEN_WIN_Y + stars[i][1], 1.4f,
                    color_rgba(200, 210, 230, (uint8_t)(120 * tw)));
    }
}

static void kitchen_back(Draw *d)
{
    draw_rect_gradient(d, 0, 0, DRAW_LOGICAL_W, DRAW_LOGICAL_H, color_hex(0x2B3342),
                       color_hex(0x1C212B));
    /* The lamp's warm pool on the wall behind the table. */
    draw_glow_ellipse(d, 640.f, 300.f, 420.f, 320.f, color_rgba(200, 150, 90, 50));
    kitchen_window(d);

    /* Upper cupboards and a counter on the right, just lighter than the wall. */
    Color cup = color_hex(0x323A48), cup_edge = color_hex(0x272E3A);
    for (int i = 0; i < 2; i++) {
        float cx = 930.f + i * 150.f;
        draw_rounded_rect(d, cx, 60.f, 140.f, 210.f, 6.f, cup_edge);
        draw_rounded_rect(d, cx + 8.f, 68.f, 124.f, 194.f, 4.f, cup);
        draw_rounded_rect(d, cx + (i ? 18.f : 112.f), 220.f, 8.f, 30.f, 3.f, color_hex(0x505A6A));
    }
    draw_rect(d, 900.f, 440.f, 380.f, 14.f, color_hex(0x3C4452)); /* counter top */
    draw_rect_gradient(d, 900.f, 454.f, 380.f, 266.f, color_hex(0x2A313D), color_hex(0x1E232C));
    /* Kettle on the counter. */
    Vec2 body[24];
    int n = 0;
    Vec2 k = {1130.f, 440.f};
    n += draw_bezier_cubic(body + n, 12, (Vec2){k.x - 36, k.y}, (Vec2){k.x - 44, k.y - 40},
                           (Vec2){k.x - 26, k.y - 62}, (Vec2){k.x, k.y - 62});
    n += draw_bezier_cubic(body + n, 12, (Vec2){k.x, k.y - 62}, (Vec2){k.x + 26, k.y - 62},
                           (Vec2){k.x + 44, k.y - 40}, (Vec2){k.x + 36, k.y});
    draw_shape(d, body, n, color_hex(0x4A5262));
    Vec2 spout[3] = {{k.x - 34, k.y - 22}, {k.x - 58, k.y - 42}, {k.x - 62, k.y - 46}};
    draw_stroke_tapered(d, spout, 3, 12.f, 8.f, 6.f, color_hex(0x4A5262));
    Vec2 handle[12];
    int hn = draw_bezier_cubic(handle, 12, (Vec2){k.x - 22, k.y - 62}, (Vec2){k.x - 18, k.y - 92},
                               (Vec2){k.x + 18, k.y - 92}, (Vec2){k.x + 22, k.y - 62});
    draw_stroke(d, handle, hn, 7.f, color_hex(0x3A4150));
    draw_ellipse(d, k.x - 14, k.y - 40, 6.f, 14.f, 0.3f, color_rgba(255, 230, 190, 40));

    /* Pendant lamp: cord, shade, and its glow. */
    Color cord = color_hex(0x161A22);
    draw_rect(d, 639.f, 0.f, 2.f, 58.f, cord);
    Vec2 shade[4] = {{612, 58}, {668, 58}, {700, 100}, {580, 100}};
    draw_shape(d, shade, 4, color_hex(0x3E3A36));
    draw_glow(d, 640.f, 104.f, 240.f, color_rgba(255, 200, 130, 60));
    draw_ellipse(d, 640.f, 101.f, 58.f, 6.f, 0.f, color_hex(0xFFE2B0));
    draw_glow(d, 640.f, 104.f, 60.f, color_rgba(255, 225, 170, 150));
}

static void kitchen_front(Draw *d)
{
    const float top = 540.f;
    /* The table top seen from slightly above, lit from the lamp. */
    Vec2 surf[4] = {{130.f, top}, {1150.f, top}, {1230.f, 612.f}, {50.f, 612.f}};
    draw_shape_gradient(d, surf, 4, color_hex(0x6A5240), color_hex(0x5A4434));
    draw_glow_ellipse(d, 640.f, 570.f, 420.f, 40.f, color_rgba(255, 200, 140, 55));
    draw_rect_gradient(d, 50.f, 612.f, 1180.f, 16.f, color_hex(0x4A3829), color_hex(0x3E2F23));
    draw_rect_gradient(d, 50.f, 628.f, 1180.f, 92.f, color_hex(0x30251C), color_hex(0x221A14));
    /* A line of soft highlight on the far edge. */
    Vec2 edge[2] = {{130.f, top + 1.f}, {1150.f, top + 1.f}};
    draw_stroke(d, edge, 2, 2.f, color_rgba(255, 220, 170, 50));
    /* A mug, slightly off to the side, its steam long gone. */
    float mx = 930.f, my = 586.f;
    draw_ellipse(d, mx + 2.f, my + 2.f, 34.f, 7.f, 0.f, color_rgba(20, 14, 10, 70));
    draw_rounded_rect(d, mx - 24.f, my - 50.f, 48.f, 52.f, 8.f, color_hex(0x8A9AA6));
    draw_ellipse(d, mx, my - 50.f, 24.f, 6.f, 0.f, color_hex(0x9EADB8));
    draw_ellipse(d, mx, my - 49.f, 20.f, 4.5f, 0.f, color_hex(0x3A2A20));
    Vec2 h[10];
    int hn = draw_bezier_cubic(h, 10, (Vec2){mx + 22.f, my - 40.f}, (Vec2){mx + 44.f, my - 42.f},
                               (Vec2){mx + 44.f, my - 14.f}, (Vec2){mx + 22.f, my - 14.f});
    draw_stroke(d, h, hn, 6.f, color_hex(0x7C8C98));
    draw_rect(d, mx - 16.f, my - 40.f, 6.f, 36.f, color_rgba(255, 255, 255, 40));
}

static const PlaceDef places[] = {
    {"kitchen_night", kitchen_back, kitchen_life, kitchen_front, 540.f},
};

static const PlaceDef *find_place(const char *id)
{
    if (!id)
        return NULL;
    for (size_t i = 0; i < sizeof places / sizeof places[0]; i++)
        if (strcmp(places[i].id, id) == 0)
            return &places[i];
    return NULL;
}

bool place_draw(Draw *d, const char *place_id, PlaceLayer layer, double t)
{
    const PlaceDef *p = find_place(place_id);
    if (!p) {
        if (layer == PLACE_LAYER_BACK)
            plain_back(d);
        return false;
    }
    if (layer == PLACE_LAYER_BACK)
        p->back(d);
    else if (layer == PLACE_LAYER_LIFE && p->life)
        p->life(d, t);
    else if (layer == PLACE_LAYER_FRONT && p->front)
        p->front(d);
    return true;
}

bool place_known(const char *place_id)
{
    return find_place(place_id) != NULL;
}

float place_table_y(const char *place_id)
{
    const PlaceDef *p = find_place(place_id);
    return p ? p->table_y : -1.f;
}
