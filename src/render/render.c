/* Unsaid - render.c: every screen, drawn from the game state. */
#include "render.h"

#include "character.h"
#include "lexicon.h"
#include "place.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A place's static layers, drawn once into textures at the output size:
 * large soft shapes are the slowest thing the software rasteriser draws. */
typedef struct {
    char place[65];
    int w, h;
    SDL_Texture *layer[2]; /* back, front */
} PlaceCache;

struct Renderer {
    SDL_Renderer *sdl;
    Draw *draw;
    Text *text;
    PlaceCache cache;
};

/* The palette: calm dark panels, warm light text, one warm accent. */
#define C_PANEL color_rgba(20, 24, 36, 232)
#define C_PANEL_EDGE color_rgba(255, 255, 255, 34)
#define C_TEXT color_hex(0xf5f0e8)
#define C_MUTED color_hex(0xb8b2a7)
#define C_ACCENT color_hex(0xf2b45a)
#define C_GOOD color_hex(0x86d9a0)
#define C_BAD color_hex(0xf08a7a)
#define C_BUTTON color_rgba(46, 54, 76, 240)
#define C_BUTTON_HI color_rgba(242, 180, 90, 255)

Renderer *render_create(SDL_Renderer *sdl, TextOpenFn open, char *err, size_t errsize)
{
    Renderer *r = calloc(1, sizeof *r);
    if (!r) {
        snprintf(err, errsize, "out of memory");
        return NULL;
    }
    r->sdl = sdl;
    r->draw = draw_create(sdl);
    if (!r->draw) {
        snprintf(err, errsize, "out of memory");
        free(r);
        return NULL;
    }
    r->text = text_create(sdl, open, draw_scale(r->draw), err, errsize);
    if (!r->text) {
        draw_destroy(r->draw);
        free(r);
        return NULL;
    }
    return r;
}

static void cache_clear(PlaceCache *c)
{
    for (int i = 0; i < 2; i++) {
        if (c->layer[i])
            SDL_DestroyTexture(c->layer[i]);
        c->layer[i] = NULL;
    }
    c->place[0] = '\0';
}

void render_destroy(Renderer *r)
{
    if (!r)
        return;
    cache_clear(&r->cache);
    text_destroy(r->text);
    draw_destroy(r->draw);
    free(r);
}

void render_set_direct(Renderer *r, SDL_Surface *surface)
{
    draw_set_direct(r->draw, surface);
}

void render_forget_places(Renderer *r)
{
    cache_clear(&r->cache);
}

void render_set_output(Renderer *r, int w, int h)
{
    cache_clear(&r->cache);
    draw_set_output(r->draw, w, h);
    text_set_scale(r->text, draw_scale(r->draw));
}

Vec2 render_to_canvas(const Renderer *r, float px, float py)
{
    return draw_to_logical(r->draw, px, py);
}

/* ---- words ------------------------------------------------------------------ */

/* Interface text by key, from the packs' strings.yaml (see strings.h). */
static const char *T(const Game *g, const char *key)
{
    return g->library ? strings_get(&g->library->strings, key) : key;
}

/* Interface text with {placeholders} filled: pairs of name, value. */
static const char *TF(const Game *g, char *buf, size_t size, const char *key, int n, ...)
{
    const char *names[8], *values[8];
    va_list ap;
    va_start(ap, n);
    for (int i = 0; i < n && i < 8; i++) {
        names[i] = va_arg(ap, const char *);
        values[i] = va_arg(ap, const char *);
    }
    va_end(ap);
    strings_fill(buf, size, T(g, key), names, values, n < 8 ? n : 8);
    return buf;
}

/* The word for a named thing ("region" + "eyes"), or its data name. */
static const char *named(const Game *g, const char *prefix, const char *name)
{
    char key[64];
    snprintf(key, sizeof key, "%s.%s", prefix, name);
    const char *t = g->library ? strings_find(&g->library->strings, key) : NULL;
    return t ? t : name;
}

static const char *region_word(const Game *g, Region reg)
{
    return named(g, "region", rig_region_name(reg));
}

static const char *kind_word(const Game *g, AnswerKind k)
{
    return named(g, "kind", scene_kind_name(k));
}

static const char *quality_word(const Game *g, AnswerQuality q)
{
    return named(g, "quality", scene_quality_name(q));
}

/* ---- small widgets ------------------------------------------------------- */

static void panel(Renderer *r, float x, float y, float w, float h)
{
    draw_rounded_rect(r->draw, x, y + 4, w, h, 18, color_rgba(0, 0, 0, 70)); /* soft drop */
    draw_rounded_rect(r->draw, x, y, w, h, 18, C_PANEL);
    draw_rounded_rect_outline(r->draw, x, y, w, h, 18, 1.5f, C_PANEL_EDGE);
}

static void button(Renderer *r, UiRect b, const char *label, bool selected)
{
    Draw *d = r->draw;
    draw_rounded_rect(d, b.x, b.y + 3, b.w, b.h, 14, color_rgba(0, 0, 0, 80));
    draw_rounded_rect(d, b.x, b.y, b.w, b.h, 14, selected ? C_BUTTON_HI : C_BUTTON);
    if (!selected)
        draw_rounded_rect_outline(d, b.x, b.y, b.w, b.h, 14, 1.5f, C_PANEL_EDGE);
    float lh = text_line_height(r->text, FONT_BODY_BOLD);
    text_draw(r->text, d, FONT_BODY_BOLD, label, -1, b.x + b.w / 2, b.y + (b.h - lh) / 2,
              selected ? color_hex(0x1b1f2b) : C_TEXT, ALIGN_CENTER);
}

/* A key cap such as "E" or "1", to teach the keyboard controls. */
static float keycap(Renderer *r, const char *key, float x, float y)
{
    float w = text_width(r->text, FONT_SMALL_BOLD, key, -1) + 16;
    if (w < 28)
        w = 28;
    float h = text_line_height(r->text, FONT_SMALL_BOLD) + 6;
    draw_rounded_rect(r->draw, x, y, w, h, 6, color_rgba(255, 255, 255, 40));
    draw_rounded_rect_outline(r->draw, x, y, w, h, 6, 1.2f, color_rgba(255, 255, 255, 90));
    text_draw(r->text, r->draw, FONT_SMALL_BOLD, key, -1, x + w / 2, y + 3, C_TEXT, ALIGN_CENTER);
    return w;
}

static void dim(Renderer *r, float alpha)
{
    draw_rect(r->draw, -400, -400, DRAW_LOGICAL_W + 800, DRAW_LOGICAL_H + 800,
              color_rgba(8, 10, 18, (uint8_t)(alpha * 255)));
}

/* ---- the scene ------------------------------------------------------------ */

/* Draw a static place layer from its cached texture, making it first if
 * needed. Falls back to drawing directly when textures are unavailable. */
static void place_layer(Renderer *r, const char *place, const PlaceDef *def, PlaceLayer layer)
{
    PlaceCache *c = &r->cache;
    int w, h;
    SDL_GetRendererOutputSize(r->sdl, &w, &h);
    if (strcmp(c->place, place) != 0 || c->w != w || c->h != h) {
        cache_clear(c);
        snprintf(c->place, sizeof c->place, "%s", place);
        c->w = w;
        c->h = h;
    }
    int i = layer == PLACE_LAYER_BACK ? 0 : 1;
    draw_flush(r->draw);
    if (!c->layer[i]) {
        SDL_Texture *t = SDL_CreateTexture(r->sdl, SDL_PIXELFORMAT_ARGB8888, SDL_TEXTUREACCESS_TARGET, w, h);
        SDL_Texture *old = SDL_GetRenderTarget(r->sdl);
        if (!t || SDL_SetRenderTarget(r->sdl, t) != 0) {
            if (t)
                SDL_DestroyTexture(t);
            place_draw(r->draw, def, layer, 0);
            return;
        }
        SDL_SetTextureBlendMode(t, SDL_BLENDMODE_BLEND);
        SDL_SetRenderDrawColor(r->sdl, 0, 0, 0, i == 0 ? 255 : 0);
        SDL_RenderClear(r->sdl);
        place_draw(r->draw, def, layer, 0);
        draw_flush(r->draw);
        SDL_SetRenderTarget(r->sdl, old);
        c->layer[i] = t;
    }
    SDL_RenderCopy(r->sdl, c->layer[i], NULL, NULL);
}

static void scene_view(Renderer *r, const Game *g, double alpha)
{
    Draw *d = r->draw;
    const Scene *s = g->scene;
    const char *place = s && s->place ? s->place : "";
    double t = game_time(g, alpha) / SCENE_TICK_HZ;
    Pose pose;
    RigLayout rig;
    game_character(g, alpha, &pose, &rig);
    Look look = s ? s->look : look_default();
    const PlaceDef *def = g->library ? places_find(&g->library->places, place) : NULL;
    place_layer(r, place, def, PLACE_LAYER_BACK);
    place_draw(d, def, PLACE_LAYER_LIFE, t);
    character_draw(d, &look, &rig, &pose, t, CHAR_LAYER_BODY);
    place_layer(r, place, def, PLACE_LAYER_FRONT);
    character_draw(d, &look, &rig, &pose, t, CHAR_LAYER_FRONT);
}

static void speech_box(Renderer *r, const Game *g, double alpha)
{
    const SceneLine *line;
    int visible;
    float vw;
    const CueDef *voice = game_voice(g, alpha, &vw);
    const char *caption = voice ? voice->caption : NULL;
    if (!game_current_line(g, alpha, &line, &visible) && !caption)
        return;
    Draw *d = r->draw;
    UiRect b = game_speech_box();
    panel(r, b.x, b.y, b.w, b.h);
    const char *name = g->scene->speaker ? g->scene->speaker : "";
    /* Name tag on the box's top edge. */
    float nw = text_width(r->text, FONT_SMALL_BOLD, name, -1) + 28;
    draw_rounded_rect(d, b.x + 24, b.y - 16, nw, 32, 10, C_ACCENT);
    text_draw(r->text, d, FONT_SMALL_BOLD, name, -1, b.x + 24 + nw / 2, b.y - 12,
              color_hex(0x1b1f2b), ALIGN_CENTER);
    if (caption) { /* voice cues as captions, beside the name so they never cover the words */
        float cw = text_width(r->text, FONT_SMALL_BOLD, caption, -1) + 24;
        float cx = b.x + 24 + nw + 10;
        draw_rounded_rect(d, cx, b.y - 16, cw, 32, 10, color_rgba(20, 24, 36, 235));
        draw_rounded_rect_outline(d, cx, b.y - 16, cw, 32, 10, 1.5f, color_alpha(C_ACCENT, 0.6f));
        text_draw(r->text, d, FONT_SMALL_BOLD, caption, -1, cx + cw / 2, b.y - 12, C_ACCENT, ALIGN_CENTER);
    }
    if (!game_current_line(g, alpha, &line, &visible))
        return;
    /* How the words look follows the voice: quiet words fade, flat words go
     * grey, trembling words shake, loud words are bold. */
    TextStyle style = voice && vw > 0.3f ? voice->text : TEXT_PLAIN;
    FontId font = style == TEXT_LOUD ? FONT_BODY_BOLD : FONT_BODY;
    Color ink = style == TEXT_QUIET ? color_alpha(C_TEXT, 0.55f) : style == TEXT_FLAT ? C_MUTED : C_TEXT;
    float dx = 0, dy = 0;
    if (style == TEXT_TREMBLE) {
        double t = game_time(g, alpha);
        dx = (float)(sin(t * 2.1) * 1.2);
        dy = (float)(sin(t * 2.9 + 1.0) * 1.0);
    }
    text_draw_wrapped(r->text, d, font, line->text, b.x + 32 + dx, b.y + 26 + dy, b.w - 64, visible, ink,
                      ALIGN_LEFT);
}

/* Flags stay neutral while the scene plays: whether they were right is for
 * the debrief, so the player learns to look, not to fish for feedback. A
 * flag is a hollow ring that pops in and fades within two seconds, so it
 * never hides the face it was placed on. */
static void flags(Renderer *r, const Game *g, double alpha)
{
    Draw *d = r->draw;
    double now = game_time(g, alpha) - g->perform_start;
    for (int i = 0; i < g->notice.nflags; i++) {
        const Flag *f = &g->notice.flags[i];
        double age = (now - f->tick) / SCENE_TICK_HZ;
        if (age < 0 || age > 1.8)
            continue;
        float pop = (float)fmin(1.0, age / 0.15);
        float fade = (float)(age < 1.0 ? 1.0 : 1.0 - (age - 1.0) / 0.8);
        float rad = 16 + 10 * (1 - pop);
        Vec2 ring[40];
        int n = draw_ellipse_points(ring, 39, f->x, f->y, rad, rad, 0);
        ring[n++] = ring[0];
        draw_stroke(d, ring, n, 5.f, color_rgba(0, 0, 0, (uint8_t)(110 * fade)));
        draw_stroke(d, ring, n, 3.f, color_alpha(C_ACCENT, fade));
        const char *lab = region_word(g, f->region);
        float w = text_width(r->text, FONT_SMALL_BOLD, lab, -1) + 16;
        float lx = f->x + rad + 6, ly = f->y - 13;
        draw_rounded_rect(d, lx, ly, w, 26, 8, color_rgba(20, 24, 36, (uint8_t)(215 * fade)));
        text_draw(r->text, d, FONT_SMALL_BOLD, lab, -1, lx + 8, ly + 2, color_alpha(C_TEXT, fade), ALIGN_LEFT);
    }
}

static void hud(Renderer *r, const Game *g, double alpha)
{
    Draw *d = r->draw;
    /* Timeline bar: how far through the scene we are. */
    float p = game_perform_progress(g, alpha);
    draw_rounded_rect(d, 40, 24, 1200, 8, 4, color_rgba(255, 255, 255, 40));
    if (p > 0)
        draw_rounded_rect(d, 40, 24, 1200 * p, 8, 4, color_alpha(C_ACCENT, 0.9f));
    char buf[128], num[16];
    snprintf(num, sizeof num, "%d", g->notice.nflags);
    TF(g, buf, sizeof buf, "hud.flags", 1, "count", num);
    panel(r, 40, 44, 150, 40);
    text_draw(r->text, d, FONT_SMALL_BOLD, buf, -1, 115, 53, C_TEXT, ALIGN_CENTER);
    /* Controls reminder, top right. */
    const char *hint = T(g, "hud.hint");
    float x = 1240 - 5 * 36 - text_width(r->text, FONT_SMALL, hint, -1) - 12;
    panel(r, x - 16, 44, 1240 - x + 16, 40);
    text_draw(r->text, d, FONT_SMALL, hint, -1, x, 53, C_MUTED, ALIGN_LEFT);
    x += text_width(r->text, FONT_SMALL, hint, -1) + 10;
    static const char *const keys[] = {"E", "F", "H", "P", "V"};
    for (int i = 0; i < 5; i++)
        x += keycap(r, keys[i], x, 50) + 6;
}

/* ---- screens ------------------------------------------------------------------ */

static void title_screen(Renderer *r, const Game *g, double alpha)
{
    Draw *d = r->draw;
    dim(r, 0.25f);
    /* A dark column on the left for the title; the scene stays visible. */
    draw_rect(d, -400, 0, 400 + 420, DRAW_LOGICAL_H, color_rgba(8, 10, 18, 215));
    for (int i = 0; i < 10; i++) /* soft right edge */
        draw_rect(d, 420 + 12.f * i, 0, 12, DRAW_LOGICAL_H, color_rgba(8, 10, 18, (uint8_t)(195 - 19 * i)));
    text_draw(r->text, d, FONT_TITLE, T(g, "title.name"), -1, 80, 150, C_TEXT, ALIGN_LEFT);
    text_draw_wrapped(r->text, d, FONT_BODY, T(g, "title.tagline"), 84, 290, 320, -1, C_ACCENT, ALIGN_LEFT);
    static const char *const labels[GAME_TITLE_BUTTONS] = {"title.play", "title.packs", "title.quit"};
    for (int i = 0; i < GAME_TITLE_BUTTONS; i++)
        button(r, game_title_button(i), T(g, labels[i]), g->selected == i);
    text_draw_wrapped(r->text, d, FONT_SMALL, T(g, "title.controls"), 84, 650, 320, -1, C_MUTED, ALIGN_LEFT);
}

static void intro_screen(Renderer *r, const Game *g, double alpha)
{
    Draw *d = r->draw;
    const Scene *s = g->scene;
    dim(r, 0.35f);
    float w = 860, x = (DRAW_LOGICAL_W - w) / 2, y = 150;
    float ch = text_wrapped_height(r->text, FONT_BODY, s->context, w - 80);
    float h = 300 + ch;
    panel(r, x, y, w, h);
    text_draw(r->text, d, FONT_SMALL_BOLD, T(g, "intro.label"), -1, x + 40, y + 30, C_ACCENT, ALIGN_LEFT);
    text_draw(r->text, d, FONT_HEADING, s->title, -1, x + 40, y + 56, C_TEXT, ALIGN_LEFT);
    float cy = y + 120;
    cy += text_draw_wrapped(r->text, d, FONT_BODY, s->context, x + 40, cy, w - 80, -1, C_TEXT, ALIGN_LEFT);
    cy += 24;
    draw_rect(d, x + 40, cy, w - 80, 1.5f, C_PANEL_EDGE);
    cy += 18;
    cy += text_draw_wrapped(r->text, d, FONT_SMALL, T(g, "intro.howto"), x + 40, cy, w - 80, -1, C_MUTED,
                            ALIGN_LEFT) + 10;
    static const char *const keys[] = {"E", "F", "H", "P", "V"};
    static const Region regions[] = {REGION_EYES, REGION_FACE, REGION_HANDS, REGION_POSTURE, REGION_VOICE};
    float kx = x + 40;
    for (int i = 0; i < 5; i++) {
        const char *name = region_word(g, regions[i]);
        kx += keycap(r, keys[i], kx, cy) + 8;
        text_draw(r->text, d, FONT_SMALL, name, -1, kx, cy + 3, C_TEXT, ALIGN_LEFT);
        kx += text_width(r->text, FONT_SMALL, name, -1) + 26;
    }
    float blink = 0.65f + 0.35f * (float)sin(game_time(g, alpha) / 20.0);
    const char *go = T(g, "intro.begin");
    float gw = text_width(r->text, FONT_BODY_BOLD, go, -1) + 48;
    draw_rounded_rect(d, 640 - gw / 2, y + h + 16, gw, 46, 14, C_PANEL);
    text_draw(r->text, d, FONT_BODY_BOLD, go, -1, 640, y + h + 24, color_alpha(C_ACCENT, blink),
              ALIGN_CENTER);
}

static void answer_screen(Renderer *r, const Game *g)
{
    Draw *d = r->draw;
    const Scene *s = g->scene;
    UiRect first = game_answer_rect(s, 0);
    draw_rect_gradient(d, 0, first.y - 70, DRAW_LOGICAL_W, 70, color_rgba(8, 10, 18, 0),
                       color_rgba(8, 10, 18, 180));
    draw_rect(d, 0, first.y, DRAW_LOGICAL_W, DRAW_LOGICAL_H - first.y, color_rgba(8, 10, 18, 180));
    char prompt[256];
    TF(g, prompt, sizeof prompt, "answers.prompt", 1, "name", s->speaker ? s->speaker : "");
    text_draw(r->text, d, FONT_BODY_BOLD, prompt, -1, first.x, first.y - 40, C_TEXT, ALIGN_LEFT);
    /* One text size for every answer, so none looks more important. */
    FontId f = FONT_BODY;
    for (int i = 0; i < s->nanswers; i++)
        if (text_wrapped_height(r->text, FONT_BODY, s->answers[i].text, first.w - 100) > first.h - 6)
            f = FONT_SMALL;
    for (int i = 0; i < s->nanswers; i++) {
        UiRect b = game_answer_rect(s, i);
        bool sel = g->selected == i;
        draw_rounded_rect(d, b.x, b.y + 3, b.w, b.h, 14, color_rgba(0, 0, 0, 80));
        draw_rounded_rect(d, b.x, b.y, b.w, b.h, 14, sel ? color_rgba(60, 68, 94, 250) : C_PANEL);
        draw_rounded_rect_outline(d, b.x, b.y, b.w, b.h, 14, sel ? 2.5f : 1.5f,
                                  sel ? C_ACCENT : C_PANEL_EDGE);
        char num[12];
        snprintf(num, sizeof num, "%d", i + 1);
        draw_circle(d, b.x + 34, b.y + b.h / 2, 17, sel ? C_ACCENT : color_rgba(255, 255, 255, 45));
        text_draw(r->text, d, FONT_BODY_BOLD, num, -1, b.x + 34,
                  b.y + b.h / 2 - text_line_height(r->text, FONT_BODY_BOLD) / 2,
                  sel ? color_hex(0x1b1f2b) : C_TEXT, ALIGN_CENTER);
        float th = text_wrapped_height(r->text, f, s->answers[i].text, b.w - 100);
        text_draw_wrapped(r->text, d, f, s->answers[i].text, b.x + 68, b.y + (b.h - th) / 2, b.w - 100,
                          -1, C_TEXT, ALIGN_LEFT);
    }
}

static Color quality_color(AnswerQuality q)
{
    return q == QUALITY_BEST ? C_GOOD : q == QUALITY_GOOD ? C_ACCENT : C_BAD;
}

/* One row per incongruent cue: noticed or missed, what it was, what it may
 * mean. Rows stop at `bottom`; the rest are counted. */
static float debrief_cues(Renderer *r, const Game *g, float x, float y, float w, float bottom)
{
    Draw *d = r->draw;
    const Scene *s = g->scene;
    float lh = text_line_height(r->text, FONT_SMALL);
    int hidden = 0;
    for (int i = 0; i < s->ncues && i < NOTICE_MAX_CUES; i++) {
        const SceneCue *c = &s->cues[i];
        if (!c->incongruent)
            continue;
        char body[1400], means[700];
        if (c->means)
            TF(g, means, sizeof means, "debrief.may_mean", 1, "means", c->means);
        snprintf(body, sizeof body, "%s%s%s", c->describe ? c->describe : "", c->describe && c->means ? " " : "",
                 c->means ? means : "");
        float h = lh + 2 + text_wrapped_height(r->text, FONT_SMALL, body, w - 32);
        if (y + h > bottom) {
            hidden++;
            continue;
        }
        bool hit = g->notice.cue_hit[i];
        Color mark = hit ? C_GOOD : C_BAD;
        draw_circle(d, x + 11, y + 11, 10, mark);
        text_draw(r->text, d, FONT_SMALL_BOLD, hit ? "+" : "-", -1, x + 11, y, color_hex(0x1b1f2b),
                  ALIGN_CENTER);
        char head[160];
        TF(g, head, sizeof head, hit ? "debrief.noticed" : "debrief.missed", 1, "region",
           region_word(g, channel_region(c->def->channel)));
        text_draw(r->text, d, FONT_SMALL_BOLD, head, -1, x + 32, y, mark, ALIGN_LEFT);
        y += lh + 2;
        y += text_draw_wrapped(r->text, d, FONT_SMALL, body, x + 32, y, w - 32, -1, C_TEXT, ALIGN_LEFT);
        y += 10;
    }
    if (hidden > 0) {
        char more[128], num[16];
        snprintf(num, sizeof num, "%d", hidden);
        TF(g, more, sizeof more, "debrief.more", 1, "count", num);
        text_draw(r->text, d, FONT_SMALL, more, -1, x + 32, y, C_MUTED, ALIGN_LEFT);
        y += lh;
    }
    return y;
}

static void debrief_screen(Renderer *r, const Game *g)
{
    Draw *d = r->draw;
    const Scene *s = g->scene;
    const SceneResult *res = &g->result;
    dim(r, 0.6f);
    panel(r, 40, 30, 1200, 660);
    text_draw(r->text, d, FONT_SMALL_BOLD, T(g, "debrief.label"), -1, 80, 54, C_ACCENT, ALIGN_LEFT);
    text_draw(r->text, d, FONT_HEADING, s->title, -1, 80, 78, C_TEXT, ALIGN_LEFT);
    char score[128], n1[16], n2[16], n3[16], n4[16];
    snprintf(n1, sizeof n1, "%d", res->score);
    TF(g, score, sizeof score, "debrief.points", 1, "points", n1);
    text_draw(r->text, d, FONT_HEADING, score, -1, 1200, 78, C_ACCENT, ALIGN_RIGHT);

    /* Left column: noticing. */
    float lx = 80, lw = 560, y = 150;
    text_draw(r->text, d, FONT_BODY_BOLD, T(g, "debrief.body_said"), -1, lx, y, C_TEXT, ALIGN_LEFT);
    y += 40;
    char stats[256];
    snprintf(n1, sizeof n1, "%d", res->hits);
    snprintf(n2, sizeof n2, "%d", res->hits + res->misses);
    snprintf(n3, sizeof n3, "%d", res->misses);
    snprintf(n4, sizeof n4, "%d", res->false_alarms);
    TF(g, stats, sizeof stats, "debrief.stats", 4, "hits", n1, "total", n2, "misses", n3, "false_alarms", n4);
    text_draw(r->text, d, FONT_SMALL_BOLD, stats, -1, lx, y, C_MUTED, ALIGN_LEFT);
    y += 36;
    debrief_cues(r, g, lx, y, lw, 680);

    /* Right column: the answer. */
    float rx = 690, rw = 510;
    y = 150;
    text_draw(r->text, d, FONT_BODY_BOLD, T(g, "debrief.you_said"), -1, rx, y, C_TEXT, ALIGN_LEFT);
    y += 40;
    if (res->answer >= 0) {
        const SceneAnswer *a = &s->answers[res->answer];
        char quoted[400];
        snprintf(quoted, sizeof quoted, "\u201c%s\u201d", a->text);
        y += text_draw_wrapped(r->text, d, FONT_SMALL, quoted, rx, y, rw, -1, C_TEXT, ALIGN_LEFT) + 10;
        char kind[256];
        TF(g, kind, sizeof kind, "debrief.kind_quality", 2, "kind", kind_word(g, a->kind), "quality",
           quality_word(g, a->quality));
        float kw = text_width(r->text, FONT_SMALL_BOLD, kind, -1) + 24;
        draw_rounded_rect(d, rx, y, kw, 30, 10, color_alpha(quality_color(a->quality), 0.25f));
        text_draw(r->text, d, FONT_SMALL_BOLD, kind, -1, rx + 12, y + 5, quality_color(a->quality),
                  ALIGN_LEFT);
        y += 44;
        y += text_draw_wrapped(r->text, d, FONT_SMALL, a->why, rx, y, rw, -1, C_TEXT, ALIGN_LEFT) + 16;
        if (a->quality != QUALITY_BEST) {
            for (int i = 0; i < s->nanswers; i++) {
                if (s->answers[i].quality != QUALITY_BEST)
                    continue;
                char best[700];
                TF(g, best, sizeof best, "debrief.best", 2, "kind", kind_word(g, s->answers[i].kind), "text",
                   s->answers[i].text);
                y += text_draw_wrapped(r->text, d, FONT_SMALL, best, rx, y, rw, -1, C_GOOD, ALIGN_LEFT) + 16;
                break;
            }
        }
    }
    if (s->question) {
        y += 6;
        text_draw(r->text, d, FONT_SMALL_BOLD, T(g, "debrief.talk"), -1, rx, y, C_ACCENT, ALIGN_LEFT);
        y += 28;
        y += text_draw_wrapped(r->text, d, FONT_SMALL, s->question, rx, y, rw, -1, C_TEXT, ALIGN_LEFT) + 16;
    }
    if (res->false_alarms > 0 && y < 560)
        text_draw_wrapped(r->text, d, FONT_SMALL, T(g, "debrief.false_alarms"), rx, y, rw, -1, C_MUTED,
                          ALIGN_LEFT);
    static const char *const labels[GAME_DEBRIEF_BUTTONS] = {"debrief.play_again", "debrief.title"};
    for (int i = 0; i < GAME_DEBRIEF_BUTTONS; i++)
        button(r, game_debrief_button(i), T(g, labels[i]), g->selected == i);
}

static Color state_color(PackState s)
{
    return s == PACK_ENABLED ? C_GOOD : s == PACK_DISABLED ? C_MUTED : C_BAD;
}

/* Every pack the game found, and what is wrong with the broken ones. */
static void packs_screen(Renderer *r, const Game *g)
{
    Draw *d = r->draw;
    const Library *lib = g->library;
    int n = lib ? lib->npacks : 0;
    dim(r, 0.75f);
    text_draw(r->text, d, FONT_HEADING, T(g, "packs.title"), -1, 60, 40, C_TEXT, ALIGN_LEFT);
    text_draw(r->text, d, FONT_SMALL, T(g, "packs.hint"), -1, 200, 54, C_MUTED, ALIGN_LEFT);
    for (int i = 0; i < n; i++) {
        UiRect b = game_pack_row(g, i);
        if (b.w <= 0)
            continue;
        const PackInfo *p = &lib->packs[i];
        bool sel = g->pack_focus == i;
        draw_rounded_rect(d, b.x, b.y, b.w, b.h, 12, sel ? color_rgba(60, 68, 94, 250) : C_PANEL);
        draw_rounded_rect_outline(d, b.x, b.y, b.w, b.h, 12, sel ? 2.5f : 1.2f, sel ? C_ACCENT : C_PANEL_EDGE);
        const char *title = p->has_manifest && p->manifest.title ? p->manifest.title : p->name;
        text_draw(r->text, d, FONT_SMALL_BOLD, title, -1, b.x + 16, b.y + 6, C_TEXT, ALIGN_LEFT);
        text_draw(r->text, d, FONT_SMALL, p->name, -1, b.x + 16, b.y + 28, C_MUTED, ALIGN_LEFT);
        const char *st = named(g, "packs", library_state_name(p->state));
        float sw = text_width(r->text, FONT_SMALL_BOLD, st, -1) + 20;
        draw_rounded_rect(d, b.x + b.w - sw - 12, b.y + 14, sw, 26, 8, color_alpha(state_color(p->state), 0.22f));
        text_draw(r->text, d, FONT_SMALL_BOLD, st, -1, b.x + b.w - sw / 2 - 12, b.y + 16,
                  state_color(p->state), ALIGN_CENTER);
    }
    button(r, game_pack_row(g, n), T(g, "packs.back"), g->selected == n);
    if (g->pack_focus < 0 || g->pack_focus >= n)
        return;
    /* Details of the focused pack. */
    const PackInfo *p = &lib->packs[g->pack_focus];
    float x = 570, y = 120, w = 650;
    panel(r, x, y, w, 570);
    x += 28;
    w -= 56;
    y += 22;
    const PackManifest *m = &p->manifest;
    char line[600];
    snprintf(line, sizeof line, "%s", p->has_manifest && m->title ? m->title : p->name);
    y += text_draw_wrapped(r->text, d, FONT_BODY_BOLD, line, x, y, w, -1, C_TEXT, ALIGN_LEFT) + 4;
    if (p->has_manifest && m->id) {
        snprintf(line, sizeof line, "%s %s  |  %s  |  %s", m->id, m->version ? m->version : "",
                 m->license ? m->license : "", m->language ? m->language : "");
        text_draw(r->text, d, FONT_SMALL, line, -1, x, y, C_MUTED, ALIGN_LEFT);
        y += 26;
        if (m->nauthors > 0) {
            char authors[400] = "";
            for (int i = 0; i < m->nauthors; i++)
                snprintf(authors + strlen(authors), sizeof authors - strlen(authors), "%s%s", i ? ", " : "",
                         m->authors[i]);
            TF(g, line, sizeof line, "packs.by", 1, "authors", authors);
            text_draw(r->text, d, FONT_SMALL, line, -1, x, y, C_MUTED, ALIGN_LEFT);
            y += 26;
        }
        if (m->description)
            y += text_draw_wrapped(r->text, d, FONT_SMALL, m->description, x, y + 6, w, -1, C_TEXT, ALIGN_LEFT) + 14;
    }
    char c1[16], c2[16], c3[16], c4[16];
    snprintf(c1, sizeof c1, "%d", p->nscenes);
    snprintf(c2, sizeof c2, "%d", p->stats.cues);
    snprintf(c3, sizeof c3, "%d", p->stats.incongruent);
    snprintf(c4, sizeof c4, "%d", p->stats.answers);
    TF(g, line, sizeof line, "packs.counts", 4, "scenes", c1, "cues", c2, "incongruent", c3, "answers", c4);
    text_draw(r->text, d, FONT_SMALL_BOLD, line, -1, x, y, state_color(p->state), ALIGN_LEFT);
    y += 34;
    for (int i = 0; i < p->diags.count && y < 590; i++) {
        diag_format(&p->diags.items[i], line, sizeof line);
        Color c = p->diags.items[i].level == DIAG_ERROR ? C_BAD : C_ACCENT;
        y += text_draw_wrapped(r->text, d, FONT_SMALL, line, x, y, w, -1, c, ALIGN_LEFT) + 6;
    }
    if (p->is_base)
        text_draw(r->text, d, FONT_SMALL, T(g, "packs.base"), -1, x, 634, C_MUTED, ALIGN_LEFT);
    else
        button(r, game_pack_row(g, n + 1), T(g, p->state == PACK_DISABLED ? "packs.turn_on" : "packs.turn_off"),
               g->selected == n + 1);
}

void render_overlay(Renderer *r, const char *title, const char *body)
{
    Draw *d = r->draw;
    float w = 900, x = (DRAW_LOGICAL_W - w) / 2;
    float h = 90 + text_wrapped_height(r->text, FONT_SMALL, body, w - 60);
    if (h > 600)
        h = 600;
    panel(r, x, 60, w, h);
    draw_rounded_rect_outline(d, x, 60, w, h, 18, 2.5f, C_BAD);
    text_draw(r->text, d, FONT_BODY_BOLD, title, -1, x + 30, 80, C_BAD, ALIGN_LEFT);
    text_draw_wrapped(r->text, d, FONT_SMALL, body, x + 30, 124, w - 60, -1, C_TEXT, ALIGN_LEFT);
    draw_flush(d);
}

void render_frame(Renderer *r, const Game *g, double alpha)
{
    SDL_SetRenderDrawColor(r->sdl, 0, 0, 0, 255);
    SDL_RenderClear(r->sdl);
    scene_view(r, g, alpha);
    switch (g->screen) {
    case SCREEN_TITLE: title_screen(r, g, alpha); break;
    case SCREEN_INTRO: intro_screen(r, g, alpha); break;
    case SCREEN_PERFORM:
        hud(r, g, alpha);
        flags(r, g, alpha);
        speech_box(r, g, alpha);
        break;
    case SCREEN_ANSWER: answer_screen(r, g); break;
    case SCREEN_REACTION: speech_box(r, g, alpha); break;
    case SCREEN_DEBRIEF: debrief_screen(r, g); break;
    case SCREEN_PACKS: packs_screen(r, g); break;
    case SCREEN_COUNT: break;
    }
    draw_flush(r->draw);
    text_frame_end(r->text);
}
