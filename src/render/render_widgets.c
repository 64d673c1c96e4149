/* Unsaid - render_widgets.c: the theme, interface words and small widgets. */
#include "render_parts.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>

Theme theme_make(bool high_contrast)
{
    bool h = high_contrast;
    return (Theme){
        .high_contrast = h,
        .panel = h ? color_rgba(0, 0, 0, 250) : color_rgba(20, 24, 36, 232),
        .panel_edge = h ? color_rgba(255, 255, 255, 170) : color_rgba(255, 255, 255, 34),
        .text = h ? color_hex(0xffffff) : color_hex(0xf5f0e8),
        .muted = h ? color_hex(0xe6e1d8) : color_hex(0xb8b2a7),
        .accent = h ? color_hex(0xffc466) : color_hex(0xf2b45a),
        .good = h ? color_hex(0x9af0b4) : color_hex(0x86d9a0),
        .bad = h ? color_hex(0xff9c8c) : color_hex(0xf08a7a),
        .button = h ? color_rgba(30, 34, 48, 255) : color_rgba(46, 54, 76, 240),
        .button_hi = color_rgba(242, 180, 90, 255),
    };
}

Color theme_quality_color(const Renderer *r, AnswerQuality q)
{
    return q == QUALITY_BEST ? r->theme.good : q == QUALITY_GOOD ? r->theme.accent : r->theme.bad;
}

Color theme_state_color(const Renderer *r, PackState s)
{
    return s == PACK_ENABLED ? r->theme.good : s == PACK_DISABLED ? r->theme.muted : r->theme.bad;
}

/* Interface text by key, from the packs' strings.yaml (see strings.h). */
const char *words_get(const Game *g, const char *key)
{
    return g->library ? strings_get(&g->library->strings, key) : key;
}

/* Interface text with {placeholders} filled: pairs of name, value. */
const char *words_fill(const Game *g, char *buf, size_t size, const char *key, int n, ...)
{
    const char *names[8], *values[8];
    va_list ap;
    va_start(ap, n);
    for (int i = 0; i < n && i < 8; i++) {
        names[i] = va_arg(ap, const char *);
        values[i] = va_arg(ap, const char *);
    }
    va_end(ap);
    strings_fill(buf, size, words_get(g, key), names, values, n < 8 ? n : 8);
    return buf;
}

/* The word for a named thing ("region" + "eyes"), or its data name. */
const char *words_named(const Game *g, const char *prefix, const char *name)
{
    char key[64];
    snprintf(key, sizeof key, "%s.%s", prefix, name);
    const char *t = g->library ? strings_find(&g->library->strings, key) : NULL;
    return t ? t : name;
}

const char *words_region(const Game *g, Region reg)
{
    return words_named(g, "region", region_name(reg));
}

const char *words_kind(const Game *g, AnswerKind k)
{
    return words_named(g, "kind", scene_kind_name(k));
}

const char *words_quality(const Game *g, AnswerQuality q)
{
    return words_named(g, "quality", scene_quality_name(q));
}

const char *words_on_off(const Game *g, bool on)
{
    return words_get(g, on ? "settings.on" : "settings.off");
}

void widget_panel(Renderer *r, float x, float y, float w, float h)
{
    draw_rounded_rect(r->draw, x, y + 4, w, h, 18, color_rgba(0, 0, 0, 70)); /* soft drop */
    draw_rounded_rect(r->draw, x, y, w, h, 18, r->theme.panel);
    draw_rounded_rect_outline(r->draw, x, y, w, h, 18, 1.5f, r->theme.panel_edge);
}

void widget_button(Renderer *r, UiRect b, const char *label, bool selected)
{
    Draw *d = r->draw;
    draw_rounded_rect(d, b.x, b.y + 3, b.w, b.h, 14, color_rgba(0, 0, 0, 80));
    draw_rounded_rect(d, b.x, b.y, b.w, b.h, 14, selected ? r->theme.button_hi : r->theme.button);
    if (!selected)
        draw_rounded_rect_outline(d, b.x, b.y, b.w, b.h, 14, 1.5f, r->theme.panel_edge);
    /* Larger text sizes must not spill out of the button: fall back to the
     * small bold font when the label does not fit. */
    FontId f = text_width(r->text, FONT_BODY_BOLD, label, -1) <= b.w - 16 ? FONT_BODY_BOLD : FONT_SMALL_BOLD;
    float lh = text_line_height(r->text, f);
    text_draw(r->text, d, f, label, -1, b.x + b.w / 2, b.y + (b.h - lh) / 2, selected ? color_hex(0x1b1f2b) : r->theme.text,
              ALIGN_CENTER);
}

/* The top of one line of text in font f centred in box b. */
float widget_mid(Renderer *r, UiRect b, FontId f)
{
    return b.y + (b.h - text_line_height(r->text, f)) / 2;
}

/* A key cap such as "E" or "1", to teach the keyboard controls. */
float widget_keycap(Renderer *r, const char *key, float x, float y)
{
    float w = text_width(r->text, FONT_SMALL_BOLD, key, -1) + 16;
    if (w < 28)
        w = 28;
    float h = text_line_height(r->text, FONT_SMALL_BOLD) + 6;
    draw_rounded_rect(r->draw, x, y, w, h, 6, color_rgba(255, 255, 255, 40));
    draw_rounded_rect_outline(r->draw, x, y, w, h, 6, 1.2f, color_rgba(255, 255, 255, 90));
    text_draw(r->text, r->draw, FONT_SMALL_BOLD, key, -1, x + w / 2, y + 3, r->theme.text, ALIGN_CENTER);
    return w;
}

void widget_dim(Renderer *r, float alpha)
{
    if (r->theme.high_contrast)
        alpha = alpha + (1 - alpha) * 0.5f;
    draw_rect(r->draw, -400, -400, DRAW_LOGICAL_W + 800, DRAW_LOGICAL_H + 800,
              color_rgba(8, 10, 18, (uint8_t)(alpha * 255)));
}

/* A five-pointed star, filled or hollow. */
void widget_star(Renderer *r, float cx, float cy, float rad, bool filled)
{
    Vec2 p[10];
    for (int i = 0; i < 10; i++) {
        float a = -PI_F / 2 + (float)i * PI_F / 5;
        float k = i % 2 ? rad * 0.45f : rad;
        p[i] = (Vec2){cx + k * cosf(a), cy + k * sinf(a)};
    }
    if (filled) {
        /* One outline that does not cross itself, as draw_shape needs. */
        draw_shape(r->draw, p, 10, r->theme.accent);
    } else {
        Vec2 ring[11];
        for (int i = 0; i < 10; i++)
            ring[i] = p[i];
        ring[10] = p[0];
        draw_stroke(r->draw, ring, 11, 1.6f, color_rgba(255, 255, 255, 90));
    }
}

/* `count` of `max` stars in a row ending at x (right_aligned) or starting at x. */
void widget_stars(Renderer *r, float x, float cy, float rad, int count, int max, bool right_aligned)
{
    float step = rad * 2.3f;
    float x0 = right_aligned ? x - step * (float)(max - 1) : x + rad;
    for (int i = 0; i < max; i++)
        widget_star(r, x0 + step * (float)i, cy, rad, i < count);
}

/* The left column shared by the menu screens: a label and a heading. */
void widget_menu_backdrop(Renderer *r, const Game *g, const char *label, const char *heading)
{
    widget_dim(r, 0.72f);
    text_draw(r->text, r->draw, FONT_SMALL_BOLD, label, -1, 64, 56, r->theme.accent, ALIGN_LEFT);
    if (heading)
        text_draw_wrapped(r->text, r->draw, FONT_HEADING, heading, 64, 84, 250, -1, r->theme.text, ALIGN_LEFT);
}
