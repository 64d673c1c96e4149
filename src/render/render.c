/* Unsaid - render.c: every screen, drawn from the game state. */
#include "render.h"

#include "character.h"
#include "lexicon.h"
#include "place.h"
#include "stats.h"

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

/* The palette: calm dark panels, warm light text, one warm accent. High
 * contrast (a setting) makes panels solid, edges and quiet text brighter. */
typedef struct {
    bool high_contrast;
    Color panel, panel_edge, text, muted, accent, good, bad, button, button_hi;
} Theme;

static Theme theme_make(bool high_contrast)
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

struct Renderer {
    SDL_Renderer *sdl;
    Draw *draw;
    Text *text;
    PlaceCache cache;
    Theme theme; /* follows the settings, set at the start of each frame */
};

#define PI_F 3.14159265f



Renderer *render_create(SDL_Renderer *sdl, TextOpenFn open, char *err, size_t errsize)
{
    Renderer *r = calloc(1, sizeof *r);
    if (!r) {
        snprintf(err, errsize, "out of memory");
        return NULL;
    }
    r->sdl = sdl;
    r->theme = theme_make(false);
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
    draw_rounded_rect(r->draw, x, y, w, h, 18, r->theme.panel);
    draw_rounded_rect_outline(r->draw, x, y, w, h, 18, 1.5f, r->theme.panel_edge);
}

static void button(Renderer *r, UiRect b, const char *label, bool selected)
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
static float mid(Renderer *r, UiRect b, FontId f)
{
    return b.y + (b.h - text_line_height(r->text, f)) / 2;
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
    text_draw(r->text, r->draw, FONT_SMALL_BOLD, key, -1, x + w / 2, y + 3, r->theme.text, ALIGN_CENTER);
    return w;
}

static void dim(Renderer *r, float alpha)
{
    if (r->theme.high_contrast)
        alpha = alpha + (1 - alpha) * 0.5f;
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
    /* The character moves on its own clock (the rig's), which a pause stops. */
    character_draw(d, &look, &rig, &pose, rig.t, CHAR_LAYER_BODY);
    place_layer(r, place, def, PLACE_LAYER_FRONT);
    character_draw(d, &look, &rig, &pose, rig.t, CHAR_LAYER_FRONT);
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
    draw_rounded_rect(d, b.x + 24, b.y - 16, nw, 32, 10, r->theme.accent);
    text_draw(r->text, d, FONT_SMALL_BOLD, name, -1, b.x + 24 + nw / 2, b.y - 12,
              color_hex(0x1b1f2b), ALIGN_CENTER);
    if (caption) { /* voice cues as captions, beside the name so they never cover the words */
        float cw = text_width(r->text, FONT_SMALL_BOLD, caption, -1) + 24;
        float cx = b.x + 24 + nw + 10;
        draw_rounded_rect(d, cx, b.y - 16, cw, 32, 10, color_rgba(20, 24, 36, 235));
        draw_rounded_rect_outline(d, cx, b.y - 16, cw, 32, 10, 1.5f, color_alpha(r->theme.accent, 0.6f));
        text_draw(r->text, d, FONT_SMALL_BOLD, caption, -1, cx + cw / 2, b.y - 12, r->theme.accent, ALIGN_CENTER);
    }
    if (!game_current_line(g, alpha, &line, &visible))
        return;
    /* How the words look follows the voice: quiet words fade, flat words go
     * grey, trembling words shake, loud words are bold. */
    TextStyle style = voice && vw > 0.3f ? voice->text : TEXT_PLAIN;
    FontId font = style == TEXT_LOUD ? FONT_BODY_BOLD : FONT_BODY;
    Color ink = style == TEXT_QUIET ? color_alpha(r->theme.text, 0.55f) : style == TEXT_FLAT ? r->theme.muted : r->theme.text;
    float dx = 0, dy = 0;
    if (style == TEXT_TREMBLE && !g->settings.reduced_motion) {
        double t = game_time(g, alpha);
        dx = (float)(sin(t * 2.1) * 1.2);
        dy = (float)(sin(t * 2.9 + 1.0) * 1.0);
    }
    text_draw_wrapped(r->text, d, font, line->text, b.x + 32 + dx, b.y + 26 + dy, b.w - 64, visible, ink,
                      ALIGN_LEFT);
}

/* A tutorial's tip for the line being spoken, under the HUD. */
static void coach_banner(Renderer *r, const Game *g, double alpha)
{
    const SceneLine *line;
    int visible;
    if (!game_current_line(g, alpha, &line, &visible) || !line->coach)
        return;
    Draw *d = r->draw;
    float w = 700, x = (DRAW_LOGICAL_W - w) / 2;
    float th = text_wrapped_height(r->text, FONT_BODY, line->coach, w - 56);
    panel(r, x, 100, w, th + 32);
    draw_rounded_rect_outline(d, x, 100, w, th + 32, 18, 2.f, r->theme.accent);
    draw_circle(d, x + 2, 100 + (th + 32) / 2, 9, r->theme.accent);
    text_draw_wrapped(r->text, d, FONT_BODY, line->coach, x + 28, 116, w - 56, -1, r->theme.text, ALIGN_LEFT);
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
        draw_stroke(d, ring, n, 3.f, color_alpha(r->theme.accent, fade));
        const char *lab = region_word(g, f->region);
        float w = text_width(r->text, FONT_SMALL_BOLD, lab, -1) + 16;
        float lx = f->x + rad + 6, ly = f->y - 13;
        draw_rounded_rect(d, lx, ly, w, 26, 8, color_rgba(20, 24, 36, (uint8_t)(215 * fade)));
        text_draw(r->text, d, FONT_SMALL_BOLD, lab, -1, lx + 8, ly + 2, color_alpha(r->theme.text, fade), ALIGN_LEFT);
    }
}

static void hud(Renderer *r, const Game *g, double alpha)
{
    Draw *d = r->draw;
    /* Timeline bar: how far through the scene we are. */
    float p = game_perform_progress(g, alpha);
    draw_rounded_rect(d, 40, 24, 1200, 8, 4, color_rgba(255, 255, 255, 40));
    if (p > 0)
        draw_rounded_rect(d, 40, 24, 1200 * p, 8, 4, color_alpha(r->theme.accent, 0.9f));
    char buf[128], num[16];
    snprintf(num, sizeof num, "%d", g->notice.nflags);
    TF(g, buf, sizeof buf, "hud.flags", 1, "count", num);
    panel(r, 40, 44, 150, 40);
    text_draw(r->text, d, FONT_SMALL_BOLD, buf, -1, 115, 53, r->theme.text, ALIGN_CENTER);
    /* Controls reminder, top right. */
    const char *hint = T(g, "hud.hint");
    float x = 1240 - 5 * 36 - text_width(r->text, FONT_SMALL, hint, -1) - 12;
    panel(r, x - 16, 44, 1240 - x + 16, 40);
    text_draw(r->text, d, FONT_SMALL, hint, -1, x, 53, r->theme.muted, ALIGN_LEFT);
    x += text_width(r->text, FONT_SMALL, hint, -1) + 10;
    static const char *const keys[] = {"E", "F", "H", "P", "V"};
    for (int i = 0; i < 5; i++)
        x += keycap(r, keys[i], x, 50) + 6;
    if (g->settings.hints) {
        char pts[16], hint_key[96];
        snprintf(pts, sizeof pts, "%d", GAME_HINT_COST);
        TF(g, hint_key, sizeof hint_key, "hud.hint_key", 1, "points", pts);
        float w = text_width(r->text, FONT_SMALL, hint_key, -1) + 32;
        panel(r, 1240 - w, 92, w, 36);
        text_draw(r->text, d, FONT_SMALL, hint_key, -1, 1240 - 16, 99, r->theme.muted, ALIGN_RIGHT);
    }
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
    text_draw(r->text, d, FONT_TITLE, T(g, "title.name"), -1, 80, 90, r->theme.text, ALIGN_LEFT);
    /* The tagline must end above the first button whatever the text size. */
    const char *tag = T(g, "title.tagline");
    FontId tf = 210 + text_wrapped_height(r->text, FONT_BODY, tag, 330) < game_title_button(0).y - 8 ? FONT_BODY
                                                                                                     : FONT_SMALL;
    text_draw_wrapped(r->text, d, tf, tag, 84, 210, 330, -1, r->theme.accent, ALIGN_LEFT);
    static const char *const labels[GAME_TITLE_BUTTONS] = {"title.play", "title.chapters", "title.settings",
                                                           "title.packs", "title.quit"};
    for (int i = 0; i < GAME_TITLE_BUTTONS; i++)
        button(r, game_title_button(i), T(g, labels[i]), g->selected == i);
    text_draw_wrapped(r->text, d, FONT_SMALL, T(g, "title.controls"), 84, 650, 320, -1, r->theme.muted, ALIGN_LEFT);
}

static void intro_screen(Renderer *r, const Game *g, double alpha)
{
    Draw *d = r->draw;
    const Scene *s = g->scene;
    dim(r, 0.35f);
    /* The card grows with the text and moves up to keep the prompt to
     * begin on screen; with very large text the context uses the small font. */
    float w = 900, x = (DRAW_LOGICAL_W - w) / 2;
    float howto_h = text_wrapped_height(r->text, FONT_SMALL, T(g, "intro.howto"), w - 80);
    float keys_h = text_line_height(r->text, FONT_SMALL_BOLD) + 6;
    FontId cf = FONT_BODY;
    float ch = text_wrapped_height(r->text, cf, s->context, w - 80);
    float fixed = 120 + 24 + 18 + howto_h + 10 + keys_h + 30, room = 712 - 62 - 20;
    if (fixed + ch > room) {
        cf = FONT_SMALL;
        ch = text_wrapped_height(r->text, cf, s->context, w - 80);
    }
    float h = fixed + ch;
    float y = 712 - 62 - h < 150 ? 712 - 62 - h : 150;
    if (y < 20)
        y = 20;
    panel(r, x, y, w, h);
    text_draw(r->text, d, FONT_SMALL_BOLD, T(g, "intro.label"), -1, x + 40, y + 30, r->theme.accent, ALIGN_LEFT);
    text_draw(r->text, d, FONT_HEADING, s->title, -1, x + 40, y + 56, r->theme.text, ALIGN_LEFT);
    float cy = y + 120;
    cy += text_draw_wrapped(r->text, d, cf, s->context, x + 40, cy, w - 80, -1, r->theme.text, ALIGN_LEFT);
    cy += 24;
    draw_rect(d, x + 40, cy, w - 80, 1.5f, r->theme.panel_edge);
    cy += 18;
    cy += text_draw_wrapped(r->text, d, FONT_SMALL, T(g, "intro.howto"), x + 40, cy, w - 80, -1, r->theme.muted,
                            ALIGN_LEFT) + 10;
    static const char *const keys[] = {"E", "F", "H", "P", "V"};
    static const Region regions[] = {REGION_EYES, REGION_FACE, REGION_HANDS, REGION_POSTURE, REGION_VOICE};
    float kx = x + 40;
    for (int i = 0; i < 5; i++) {
        const char *name = region_word(g, regions[i]);
        kx += keycap(r, keys[i], kx, cy) + 8;
        text_draw(r->text, d, FONT_SMALL, name, -1, kx, cy + 3, r->theme.text, ALIGN_LEFT);
        kx += text_width(r->text, FONT_SMALL, name, -1) + 26;
    }
    float blink = g->settings.reduced_motion ? 1.f : 0.65f + 0.35f * (float)sin(game_time(g, alpha) / 20.0);
    const char *go = T(g, "intro.begin");
    float gw = text_width(r->text, FONT_BODY_BOLD, go, -1) + 48;
    float gh = text_line_height(r->text, FONT_BODY_BOLD) + 16;
    draw_rounded_rect(d, 640 - gw / 2, y + h + 12, gw, gh, 14, r->theme.panel);
    text_draw(r->text, d, FONT_BODY_BOLD, go, -1, 640, y + h + 20, color_alpha(r->theme.accent, blink), ALIGN_CENTER);
}

static void answer_screen(Renderer *r, const Game *g)
{
    Draw *d = r->draw;
    const Scene *s = g->scene;
    UiRect first = game_answer_rect(g, 0);
    draw_rect_gradient(d, 0, first.y - 70, DRAW_LOGICAL_W, 70, color_rgba(8, 10, 18, 0),
                       color_rgba(8, 10, 18, 180));
    draw_rect(d, 0, first.y, DRAW_LOGICAL_W, DRAW_LOGICAL_H - first.y, color_rgba(8, 10, 18, 180));
    char prompt[256];
    TF(g, prompt, sizeof prompt, "answers.prompt", 1, "name", s->speaker ? s->speaker : "");
    text_draw(r->text, d, FONT_BODY_BOLD, prompt, -1, first.x, first.y - 40, r->theme.text, ALIGN_LEFT);
    /* One text size for every answer, so none looks more important. */
    FontId f = FONT_BODY;
    for (int i = 0; i < g->noffered; i++)
        if (text_wrapped_height(r->text, FONT_BODY, s->answers[g->offered[i]].text,
                                first.w - 100 - (s->answers[g->offered[i]].requires ? 220 : 0)) > first.h - 6)
            f = FONT_SMALL;
    for (int i = 0; i < g->noffered; i++) {
        const SceneAnswer *a = &s->answers[g->offered[i]];
        UiRect b = game_answer_rect(g, i);
        bool sel = g->selected == i;
        draw_rounded_rect(d, b.x, b.y + 3, b.w, b.h, 14, color_rgba(0, 0, 0, 80));
        draw_rounded_rect(d, b.x, b.y, b.w, b.h, 14, sel ? color_rgba(60, 68, 94, 250) : r->theme.panel);
        draw_rounded_rect_outline(d, b.x, b.y, b.w, b.h, 14, sel ? 2.5f : 1.5f,
                                  sel ? r->theme.accent : r->theme.panel_edge);
        char num[12];
        snprintf(num, sizeof num, "%d", i + 1);
        draw_circle(d, b.x + 34, b.y + b.h / 2, 17, sel ? r->theme.accent : color_rgba(255, 255, 255, 45));
        text_draw(r->text, d, FONT_BODY_BOLD, num, -1, b.x + 34,
                  b.y + b.h / 2 - text_line_height(r->text, FONT_BODY_BOLD) / 2,
                  sel ? color_hex(0x1b1f2b) : r->theme.text, ALIGN_CENTER);
        float tw = 0;
        if (a->requires) { /* offered because the player noticed something */
            const char *tag = T(g, "answers.noticed");
            tw = text_width(r->text, FONT_SMALL_BOLD, tag, -1) + 20;
            float lh = text_line_height(r->text, FONT_SMALL_BOLD);
            draw_rounded_rect(d, b.x + b.w - tw - 12, b.y + (b.h - lh - 6) / 2, tw, lh + 6, 8,
                              color_alpha(r->theme.accent, 0.25f));
            text_draw(r->text, d, FONT_SMALL_BOLD, tag, -1, b.x + b.w - tw / 2 - 12, b.y + (b.h - lh) / 2, r->theme.accent,
                      ALIGN_CENTER);
            tw += 12;
        }
        float th = text_wrapped_height(r->text, f, a->text, b.w - 100 - tw);
        text_draw_wrapped(r->text, d, f, a->text, b.x + 68, b.y + (b.h - th) / 2, b.w - 100 - tw, -1, r->theme.text,
                          ALIGN_LEFT);
    }
}

static void stars(Renderer *r, float x, float cy, float rad, int count, int max, bool right_aligned);

static Color quality_color(const Renderer *r, AnswerQuality q)
{
    return q == QUALITY_BEST ? r->theme.good : q == QUALITY_GOOD ? r->theme.accent : r->theme.bad;
}

/* One row per incongruent cue: noticed or missed, what it was, what it may
 * mean. Rows stop at `bottom`; the rest are counted. */
static float debrief_cues(Renderer *r, const Game *g, float x, float y, float w, float bottom)
{
    Draw *d = r->draw;
    const Scene *s = g->scene;
    float lh = text_line_height(r->text, FONT_SMALL);
    int hidden = 0;
    if (s->nincongruent == 0) /* a catch scene: say so, not "0 of 0" */
        return y + text_draw_wrapped(r->text, d, FONT_SMALL, T(g, "debrief.catch"), x, y, w, -1, r->theme.text, ALIGN_LEFT);
    /* What was missed comes first: it is what the player most needs. Rows
     * stop where the space ends, leaving room to say how many are left. */
    for (int pass = 0; pass < 2; pass++)
        for (int i = 0; i < s->ncues && i < NOTICE_MAX_CUES; i++) {
            const SceneCue *c = &s->cues[i];
            bool hit = g->notice.cue_hit[i];
            if (!c->incongruent || !c->def || hit != (pass == 1))
                continue;
            char body[1400], means[700];
            if (c->means)
                TF(g, means, sizeof means, "debrief.may_mean", 1, "means", c->means);
            snprintf(body, sizeof body, "%s%s%s", c->describe ? c->describe : "", c->describe && c->means ? " " : "",
                     c->means ? means : "");
            float h = lh + 2 + text_wrapped_height(r->text, FONT_SMALL, body, w - 32);
            if (hidden > 0 || y + h > bottom - 2 * lh) {
                hidden++;
                continue;
            }
            Color mark = hit ? r->theme.good : r->theme.bad;
            draw_circle(d, x + 11, y + lh / 2, 10, mark);
            text_draw(r->text, d, FONT_SMALL_BOLD, hit ? "+" : "-", -1, x + 11, y, color_hex(0x1b1f2b), ALIGN_CENTER);
            char head[160];
            TF(g, head, sizeof head, hit ? "debrief.noticed" : "debrief.missed", 1, "region",
               region_word(g, channel_region(c->def->channel)));
            text_draw(r->text, d, FONT_SMALL_BOLD, head, -1, x + 32, y, mark, ALIGN_LEFT);
            y += lh + 2;
            y += text_draw_wrapped(r->text, d, FONT_SMALL, body, x + 32, y, w - 32, -1, r->theme.text, ALIGN_LEFT);
            y += 10;
        }
    if (hidden > 0) {
        char more[160], num[16];
        snprintf(num, sizeof num, "%d", hidden);
        TF(g, more, sizeof more, "debrief.more", 1, "count", num);
        y += text_draw_wrapped(r->text, d, FONT_SMALL, more, x + 32, y, w - 32, -1, r->theme.muted, ALIGN_LEFT);
    }
    return y;
}

/* The scene at a glance: one row per region, every cue as a bar (thick
 * for the ones to notice: green when noticed, red when missed), and the
 * player's flags as dots. A click on a bar replays that cue slowly. */
static void debrief_timeline(Renderer *r, const Game *g)
{
    Draw *d = r->draw;
    const Scene *s = g->scene;
    UiRect t = game_timeline_rect();
    float rh = t.h / 5;
    draw_rounded_rect(d, t.x - 8, t.y - 4, t.w + 16, t.h + 8, 10, color_rgba(0, 0, 0, 70));
    static const Region rows[] = {REGION_EYES, REGION_FACE, REGION_HANDS, REGION_POSTURE, REGION_VOICE};
    for (int i = 0; i < 5; i++) {
        float y = t.y + rh * (float)game_timeline_row(rows[i]);
        text_draw(r->text, d, FONT_LABEL, region_word(g, rows[i]), -1, t.x - 16,
                  y + (rh - text_line_height(r->text, FONT_LABEL)) / 2, r->theme.muted, ALIGN_RIGHT);
        if (i > 0)
            draw_rect(d, t.x, y, t.w, 1, color_rgba(255, 255, 255, 18));
    }
    if (!s || s->length <= 0)
        return;
    /* A legend under the strip, right-aligned. */
    struct { const char *key; Color c; float w, h; } keys[] = {
        {"legend.noticed", r->theme.good, 14, 8}, {"legend.missed", r->theme.bad, 14, 8},
        {"legend.fits", color_rgba(255, 255, 255, 90), 14, 3}, {"legend.flag", r->theme.accent, 8, 8},
        {"legend.false_alarm", r->theme.text, 8, 8}};
    float lw = 0;
    for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++)
        lw += keys[i].w + 6 + text_width(r->text, FONT_LABEL, T(g, keys[i].key), -1) + 16;
    float lx = t.x + t.w - lw, ly = t.y + t.h + 6;
    if (lx > t.x)
        for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++) {
            float cy = ly + text_line_height(r->text, FONT_LABEL) / 2;
            if (keys[i].w == keys[i].h)
                draw_circle(d, lx + 4, cy, 4, keys[i].c);
            else
                draw_rounded_rect(d, lx, cy - keys[i].h / 2, keys[i].w, keys[i].h, keys[i].h / 2, keys[i].c);
            lx += keys[i].w + 6;
            text_draw(r->text, d, FONT_LABEL, T(g, keys[i].key), -1, lx, ly, r->theme.muted, ALIGN_LEFT);
            lx += text_width(r->text, FONT_LABEL, T(g, keys[i].key), -1) + 16;
        }
    float k = t.w / (float)s->length;
    for (int i = 0; i < s->nlines; i++) /* where each line begins */
        draw_rect(d, t.x + k * (float)s->lines[i].start, t.y, 1.5f, t.h, color_rgba(255, 255, 255, 40));
    for (int pass = 0; pass < 2; pass++) /* congruent cues underneath */
        for (int i = 0; i < s->ncues && i < NOTICE_MAX_CUES; i++) {
            const SceneCue *c = &s->cues[i];
            if (!c->def || c->incongruent != (pass == 1))
                continue;
            int end = c->end == SCENE_HOLD || c->end > s->length ? s->length : c->end;
            float x0 = t.x + k * (float)(c->start > 0 ? c->start : 0), x1 = t.x + k * (float)end;
            float y = t.y + rh * (float)game_timeline_row(channel_region(c->def->channel)) + rh / 2;
            if (x1 - x0 < 6)
                x1 = x0 + 6;
            if (pass == 0)
                draw_rounded_rect(d, x0, y - 2, x1 - x0, 4, 2, color_rgba(255, 255, 255, 55));
            else
                draw_rounded_rect(d, x0, y - 6, x1 - x0, 12, 6, g->notice.cue_hit[i] ? r->theme.good : r->theme.bad);
        }
    for (int i = 0; i < g->notice.nflags; i++) {
        const Flag *f = &g->notice.flags[i];
        float x = t.x + k * (float)f->tick, y = t.y + rh * (float)game_timeline_row(f->region) + rh / 2;
        if (f->tick < 0 || f->tick > s->length)
            continue;
        draw_circle(d, x, y, 6.5f, color_rgba(0, 0, 0, 200));
        draw_circle(d, x, y, 4.5f, f->result == FLAG_FALSE_ALARM ? r->theme.text : r->theme.accent);
    }
}

static void debrief_screen(Renderer *r, const Game *g)
{
    Draw *d = r->draw;
    const Scene *s = g->scene;
    const SceneResult *res = &g->result;
    dim(r, 0.6f);
    panel(r, 40, 30, 1200, 660);
    text_draw(r->text, d, FONT_SMALL_BOLD, T(g, "debrief.label"), -1, 80, 54, r->theme.accent, ALIGN_LEFT);
    text_draw(r->text, d, FONT_HEADING, s->title, -1, 80, 78, r->theme.text, ALIGN_LEFT);
    char score[128], n1[16], n2[16], n3[16], n4[16];
    snprintf(n1, sizeof n1, "%d", res->score);
    TF(g, score, sizeof score, "debrief.points", 1, "points", n1);
    text_draw(r->text, d, FONT_HEADING, score, -1, 1200, 78, r->theme.accent, ALIGN_RIGHT);
    stars(r, 1200 - text_width(r->text, FONT_HEADING, score, -1) - 40, 96, 14, g->stars, CAMPAIGN_STARS, true);
    if (g->hints > 0) {
        char hints[128], pts[16];
        snprintf(n1, sizeof n1, "%d", g->hints);
        snprintf(pts, sizeof pts, "%d", g->hints * GAME_HINT_COST);
        TF(g, hints, sizeof hints, "debrief.hints", 2, "count", n1, "points", pts);
        UiRect t = game_timeline_rect(); /* left of the legend, under the strip */
        text_draw(r->text, d, FONT_LABEL, hints, -1, t.x, t.y + t.h + 6, r->theme.accent, ALIGN_LEFT);
    }
    debrief_timeline(r, g);

    /* Left column: noticing. */
    float lx = 80, lw = 560, y = 256;
    char stats[256];
    snprintf(n1, sizeof n1, "%d", res->hits);
    snprintf(n2, sizeof n2, "%d", res->hits + res->misses);
    snprintf(n3, sizeof n3, "%d", res->misses);
    snprintf(n4, sizeof n4, "%d", res->false_alarms);
    TF(g, stats, sizeof stats, "debrief.stats", 4, "hits", n1, "total", n2, "misses", n3, "false_alarms", n4);
    y += text_draw_wrapped(r->text, d, FONT_SMALL_BOLD, stats, lx, y, lw, -1, r->theme.muted, ALIGN_LEFT) + 12;
    debrief_cues(r, g, lx, y, lw, 626);

    /* Right column: the answer. Sections that would run into the buttons
     * are left out (the "Every answer" page has them all). */
    float rx = 690, rw = 510, limit = 622;
    y = 256;
    text_draw(r->text, d, FONT_SMALL_BOLD, T(g, "debrief.you_said"), -1, rx, y, r->theme.accent, ALIGN_LEFT);
    y += text_line_height(r->text, FONT_SMALL_BOLD) + 10;
    if (res->answer >= 0) {
        const SceneAnswer *a = &s->answers[res->answer];
        char kind[256];
        TF(g, kind, sizeof kind, "debrief.kind_quality", 2, "kind", kind_word(g, a->kind), "quality",
           quality_word(g, a->quality));
        float kw = text_width(r->text, FONT_SMALL_BOLD, kind, -1) + 24;
        float kh = text_line_height(r->text, FONT_SMALL_BOLD) + 8;
        draw_rounded_rect(d, rx, y, kw, kh, 10, color_alpha(quality_color(r, a->quality), 0.25f));
        text_draw(r->text, d, FONT_SMALL_BOLD, kind, -1, rx + 12, y + 4, quality_color(r, a->quality), ALIGN_LEFT);
        y += kh + 12;
        if (y + text_wrapped_height(r->text, FONT_SMALL, a->why, rw) < limit)
            y += text_draw_wrapped(r->text, d, FONT_SMALL, a->why, rx, y, rw, -1, r->theme.text, ALIGN_LEFT) + 14;
        if (a->quality != QUALITY_BEST) {
            for (int i = 0; i < s->nanswers; i++) {
                if (s->answers[i].quality != QUALITY_BEST)
                    continue;
                char best[700];
                TF(g, best, sizeof best, "debrief.best", 2, "kind", kind_word(g, s->answers[i].kind), "text",
                   s->answers[i].text);
                if (y + text_wrapped_height(r->text, FONT_SMALL, best, rw) < limit)
                    y += text_draw_wrapped(r->text, d, FONT_SMALL, best, rx, y, rw, -1, r->theme.good, ALIGN_LEFT) + 14;
                break;
            }
        }
    }
    float qlh = text_line_height(r->text, FONT_SMALL_BOLD) + 6;
    if (s->question && y + 4 + qlh + text_wrapped_height(r->text, FONT_SMALL, s->question, rw) < limit) {
        y += 4;
        text_draw(r->text, d, FONT_SMALL_BOLD, T(g, "debrief.talk"), -1, rx, y, r->theme.accent, ALIGN_LEFT);
        y += qlh;
        y += text_draw_wrapped(r->text, d, FONT_SMALL, s->question, rx, y, rw, -1, r->theme.text, ALIGN_LEFT) + 14;
    }
    if (res->false_alarms > 0 && y + text_wrapped_height(r->text, FONT_SMALL, T(g, "debrief.false_alarms"), rw) < limit)
        text_draw_wrapped(r->text, d, FONT_SMALL, T(g, "debrief.false_alarms"), rx, y, rw, -1, r->theme.muted,
                          ALIGN_LEFT);
    static const char *const labels[GAME_DEBRIEF_BUTTONS] = {
        [DEBRIEF_WATCH] = "debrief.watch",       [DEBRIEF_ANSWERS] = "debrief.answers",
        [DEBRIEF_AGAIN] = "debrief.play_again",  [DEBRIEF_CHAPTERS] = "debrief.chapters",
        [DEBRIEF_CONTINUE] = "debrief.continue"};
    for (int i = 0; i < GAME_DEBRIEF_BUTTONS; i++)
        if (i != DEBRIEF_WATCH || s->nincongruent > 0)
            button(r, game_debrief_button(i), T(g, labels[i]), g->selected == i);
}

/* Every answer the scene had: what kind it is, how well it fits, and why.
 * When they do not all fit (large text), up and down scroll by answer. */
static void review_screen(Renderer *r, const Game *g)
{
    Draw *d = r->draw;
    const Scene *s = g->scene;
    dim(r, 0.6f);
    panel(r, 40, 30, 1200, 660);
    text_draw(r->text, d, FONT_SMALL_BOLD, T(g, "review.label"), -1, 80, 54, r->theme.accent, ALIGN_LEFT);
    text_draw(r->text, d, FONT_HEADING, s->title, -1, 80, 78, r->theme.text, ALIGN_LEFT);
    float y = 140, w = 1120, bottom = 626;
    float kh = text_line_height(r->text, FONT_SMALL_BOLD) + 6;
    int first = g->selected < s->nanswers ? g->selected : 0, last = first - 1;
    if (s->question && first == 0) { /* the group's question, always reachable here */
        text_draw(r->text, d, FONT_SMALL_BOLD, T(g, "debrief.talk"), -1, 80, y, r->theme.accent, ALIGN_LEFT);
        float qx = 80 + text_width(r->text, FONT_SMALL_BOLD, T(g, "debrief.talk"), -1) + 16;
        y += text_draw_wrapped(r->text, d, FONT_SMALL, s->question, qx, y, 80 + w - qx, -1, r->theme.text, ALIGN_LEFT) + 18;
    }
    for (int i = first; i < s->nanswers; i++) {
        const SceneAnswer *a = &s->answers[i];
        char kind[256], quoted[500];
        TF(g, kind, sizeof kind, "debrief.kind_quality", 2, "kind", kind_word(g, a->kind), "quality",
           quality_word(g, a->quality));
        float kw = text_width(r->text, FONT_SMALL_BOLD, kind, -1) + 24;
        bool chosen = i == g->answer;
        const char *you = chosen ? T(g, "review.yours") : a->requires ? T(g, "review.needs_cue") : NULL;
        float yw = you ? text_width(r->text, FONT_SMALL_BOLD, you, -1) + 20 : 0;
        float tx = 80 + kw + 14 + (you ? yw + 14 : 0);
        snprintf(quoted, sizeof quoted, "\u201c%s\u201d", a->text);
        float qh = text_wrapped_height(r->text, FONT_SMALL_BOLD, quoted, 80 + w - tx);
        float h = (qh > kh ? qh : kh) + 8 + text_wrapped_height(r->text, FONT_SMALL, a->why, w) + 16;
        if (i > first && y + h > bottom)
            break;
        last = i;
        draw_rounded_rect(d, 80, y, kw, kh, 10, color_alpha(quality_color(r, a->quality), 0.25f));
        text_draw(r->text, d, FONT_SMALL_BOLD, kind, -1, 92, y + 3, quality_color(r, a->quality), ALIGN_LEFT);
        if (you) {
            float yx = 80 + kw + 14;
            draw_rounded_rect(d, yx, y, yw, kh, 10, chosen ? r->theme.accent : color_rgba(255, 255, 255, 40));
            text_draw(r->text, d, FONT_SMALL_BOLD, you, -1, yx + 10, y + 3, chosen ? color_hex(0x1b1f2b) : r->theme.text,
                      ALIGN_LEFT);
        }
        text_draw_wrapped(r->text, d, FONT_SMALL_BOLD, quoted, tx, y + 3, 80 + w - tx, -1, r->theme.text, ALIGN_LEFT);
        y += (qh > kh ? qh : kh) + 8;
        y += text_draw_wrapped(r->text, d, FONT_SMALL, a->why, 80, y, w, -1, r->theme.muted, ALIGN_LEFT) + 16;
    }
    if (first > 0 || last + 1 < s->nanswers) {
        text_draw(r->text, d, FONT_SMALL, T(g, "review.scroll"), -1, 80, 652, r->theme.muted, ALIGN_LEFT);
    }
    button(r, game_review_button(), T(g, "review.back"), true);
}

static Color state_color(const Renderer *r, PackState s)
{
    return s == PACK_ENABLED ? r->theme.good : s == PACK_DISABLED ? r->theme.muted : r->theme.bad;
}

/* Every pack the game found, and what is wrong with the broken ones. */
static void packs_screen(Renderer *r, const Game *g)
{
    Draw *d = r->draw;
    const Library *lib = g->library;
    int n = lib ? lib->npacks : 0;
    dim(r, 0.75f);
    text_draw(r->text, d, FONT_HEADING, T(g, "packs.title"), -1, 60, 40, r->theme.text, ALIGN_LEFT);
    text_draw(r->text, d, FONT_SMALL, T(g, "packs.hint"), -1, 200, 54, r->theme.muted, ALIGN_LEFT);
    for (int i = 0; i < n; i++) {
        UiRect b = game_pack_row(g, i);
        if (b.w <= 0)
            continue;
        const PackInfo *p = &lib->packs[i];
        bool sel = g->pack_focus == i;
        draw_rounded_rect(d, b.x, b.y, b.w, b.h, 12, sel ? color_rgba(60, 68, 94, 250) : r->theme.panel);
        draw_rounded_rect_outline(d, b.x, b.y, b.w, b.h, 12, sel ? 2.5f : 1.2f, sel ? r->theme.accent : r->theme.panel_edge);
        const char *title = p->has_manifest && p->manifest.title ? p->manifest.title : p->name;
        text_draw(r->text, d, FONT_SMALL_BOLD, title, -1, b.x + 16, b.y + 6, r->theme.text, ALIGN_LEFT);
        text_draw(r->text, d, FONT_SMALL, p->name, -1, b.x + 16, b.y + 28, r->theme.muted, ALIGN_LEFT);
        const char *st = named(g, "packs", library_state_name(p->state));
        float sw = text_width(r->text, FONT_SMALL_BOLD, st, -1) + 20;
        draw_rounded_rect(d, b.x + b.w - sw - 12, b.y + 14, sw, 26, 8, color_alpha(state_color(r, p->state), 0.22f));
        text_draw(r->text, d, FONT_SMALL_BOLD, st, -1, b.x + b.w - sw / 2 - 12, b.y + 16,
                  state_color(r, p->state), ALIGN_CENTER);
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
    y += text_draw_wrapped(r->text, d, FONT_BODY_BOLD, line, x, y, w, -1, r->theme.text, ALIGN_LEFT) + 4;
    if (p->has_manifest && m->id) {
        snprintf(line, sizeof line, "%s %s  |  %s  |  %s", m->id, m->version ? m->version : "",
                 m->license ? m->license : "", m->language ? m->language : "");
        text_draw(r->text, d, FONT_SMALL, line, -1, x, y, r->theme.muted, ALIGN_LEFT);
        y += 26;
        if (m->nauthors > 0) {
            char authors[400] = "";
            for (int i = 0; i < m->nauthors; i++)
                snprintf(authors + strlen(authors), sizeof authors - strlen(authors), "%s%s", i ? ", " : "",
                         m->authors[i]);
            TF(g, line, sizeof line, "packs.by", 1, "authors", authors);
            text_draw(r->text, d, FONT_SMALL, line, -1, x, y, r->theme.muted, ALIGN_LEFT);
            y += 26;
        }
        if (m->description)
            y += text_draw_wrapped(r->text, d, FONT_SMALL, m->description, x, y + 6, w, -1, r->theme.text, ALIGN_LEFT) + 14;
    }
    char c1[16], c2[16], c3[16], c4[16];
    snprintf(c1, sizeof c1, "%d", p->nscenes);
    snprintf(c2, sizeof c2, "%d", p->stats.cues);
    snprintf(c3, sizeof c3, "%d", p->stats.incongruent);
    snprintf(c4, sizeof c4, "%d", p->stats.answers);
    TF(g, line, sizeof line, "packs.counts", 4, "scenes", c1, "cues", c2, "incongruent", c3, "answers", c4);
    text_draw(r->text, d, FONT_SMALL_BOLD, line, -1, x, y, state_color(r, p->state), ALIGN_LEFT);
    y += 34;
    for (int i = 0; i < p->diags.count && y < 590; i++) {
        diag_format(&p->diags.items[i], line, sizeof line);
        Color c = p->diags.items[i].level == DIAG_ERROR ? r->theme.bad : r->theme.accent;
        y += text_draw_wrapped(r->text, d, FONT_SMALL, line, x, y, w, -1, c, ALIGN_LEFT) + 6;
    }
    if (p->is_base)
        text_draw(r->text, d, FONT_SMALL, T(g, "packs.base"), -1, x, 634, r->theme.muted, ALIGN_LEFT);
    else
        button(r, game_pack_row(g, n + 1), T(g, p->state == PACK_DISABLED ? "packs.turn_on" : "packs.turn_off"),
               g->selected == n + 1);
}

/* ---- campaign screens ----------------------------------------------------- */

/* A five-pointed star, filled or hollow. */
static void star(Renderer *r, float cx, float cy, float rad, bool filled)
{
    Vec2 p[10];
    for (int i = 0; i < 10; i++) {
        float a = -PI_F / 2 + (float)i * PI_F / 5;
        float k = i % 2 ? rad * 0.45f : rad;
        p[i] = (Vec2){cx + k * cosf(a), cy + k * sinf(a)};
    }
    if (filled) {
        /* Star-shaped around its centre, as draw_shape needs. */
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
static void stars(Renderer *r, float x, float cy, float rad, int count, int max, bool right_aligned)
{
    float step = rad * 2.3f;
    float x0 = right_aligned ? x - step * (float)(max - 1) : x + rad;
    for (int i = 0; i < max; i++)
        star(r, x0 + step * (float)i, cy, rad, i < count);
}

/* A hint pulses on a region; the keyboard cursor rings the region it is on. */
static void region_cursor(Renderer *r, const Game *g, double alpha)
{
    Pose pose;
    RigLayout rig;
    Region hint;
    float phase;
    bool still = g->settings.reduced_motion;
    if (game_hint(g, alpha, &hint, &phase)) {
        game_character(g, alpha, &pose, &rig);
        RigVec a = game_region_anchor(&rig, hint);
        float beat = still ? 0.5f : 0.5f + 0.5f * sinf(phase * 6.f * PI_F);
        float fade = phase < 0.8f ? 1.f : (1.f - phase) / 0.2f;
        draw_glow(r->draw, a.x, a.y, 46 + 10 * beat, color_alpha(r->theme.accent, 0.55f * fade));
        const char *lab = region_word(g, hint);
        char buf[96];
        /* Before the cue starts, say it is coming, so nobody flags too soon. */
        TF(g, buf, sizeof buf, game_hint_upcoming(g) ? "hud.hint_soon" : "hud.hint_here", 1, "region", lab);
        float w = text_width(r->text, FONT_SMALL_BOLD, buf, -1) + 20;
        draw_rounded_rect(r->draw, a.x + 30, a.y - 15, w, 30, 9, color_rgba(20, 24, 36, (uint8_t)(225 * fade)));
        text_draw(r->text, r->draw, FONT_SMALL_BOLD, buf, -1, a.x + 40, a.y - 11, color_alpha(r->theme.accent, fade),
                  ALIGN_LEFT);
    }
    if (g->region_cursor < 0)
        return;
    game_character(g, alpha, &pose, &rig);
    RigVec a = game_region_anchor(&rig, (Region)g->region_cursor);
    Vec2 ring[40];
    int n = draw_ellipse_points(ring, 39, a.x, a.y, 20, 20, 0);
    ring[n++] = ring[0];
    draw_stroke(r->draw, ring, n, 6.f, color_rgba(0, 0, 0, 120));
    draw_stroke(r->draw, ring, n, 3.f, r->theme.text);
    const char *lab = region_word(g, (Region)g->region_cursor);
    char buf[96];
    TF(g, buf, sizeof buf, "hud.cursor", 1, "region", lab);
    float w = text_width(r->text, FONT_SMALL_BOLD, buf, -1) + 20;
    float lh = text_line_height(r->text, FONT_SMALL_BOLD);
    /* Below the ring, on whichever side keeps it on screen. */
    float lx = a.x + 28 + w > DRAW_LOGICAL_W - 8 ? a.x - 28 - w : a.x + 28;
    draw_rounded_rect(r->draw, lx, a.y + 20, w, lh + 8, 9, color_rgba(20, 24, 36, 225));
    text_draw(r->text, r->draw, FONT_SMALL_BOLD, buf, -1, lx + 10, a.y + 24, r->theme.text, ALIGN_LEFT);
}

/* The left column shared by the menu screens: a label and a heading. */
static void menu_backdrop(Renderer *r, const Game *g, const char *label, const char *heading)
{
    dim(r, 0.72f);
    text_draw(r->text, r->draw, FONT_SMALL_BOLD, label, -1, 64, 56, r->theme.accent, ALIGN_LEFT);
    if (heading)
        text_draw_wrapped(r->text, r->draw, FONT_HEADING, heading, 64, 84, 250, -1, r->theme.text, ALIGN_LEFT);
}

static void chapters_screen(Renderer *r, const Game *g)
{
    Draw *d = r->draw;
    const Campaign *c = &g->campaign;
    menu_backdrop(r, g, T(g, "chapters.label"), NULL);
    if (c->nchapters == 0) {
        text_draw_wrapped(r->text, d, FONT_BODY, T(g, "chapters.none"), 330, 120, 860, -1, r->theme.text, ALIGN_LEFT);
        button(r, game_chapter_row(g, 0), T(g, "chapters.back"), true);
        return;
    }
    int k = g->chapter_focus < c->nchapters ? g->chapter_focus : 0;
    const Chapter *ch = &c->chapters[k];
    int max, got = campaign_chapter_stars(c, g->progress, k, &max);
    /* Chapter heading between the arrows, its stars under it. */
    text_draw(r->text, d, FONT_HEADING, ch->title, -1, 775, 104, r->theme.text, ALIGN_CENTER);
    char buf[160], n1[16], n2[16], n3[16], n4[16];
    snprintf(n1, sizeof n1, "%d", got);
    snprintf(n2, sizeof n2, "%d", max);
    snprintf(n3, sizeof n3, "%d", k + 1);
    snprintf(n4, sizeof n4, "%d", c->nchapters);
    TF(g, buf, sizeof buf, "chapters.summary", 4, "stars", n1, "max", n2, "number", n3, "count", n4);
    text_draw(r->text, d, FONT_SMALL, buf, -1, 775, 148, r->theme.muted, ALIGN_CENTER);
    if (c->nchapters > 1)
        for (int i = 0; i < 2; i++) {
            UiRect b = game_chapter_row(g, ch->nscenes + 1 + i);
            draw_rounded_rect(d, b.x, b.y, b.w, b.h, 14, r->theme.button);
            text_draw(r->text, d, FONT_HEADING, i == 0 ? "\u2039" : "\u203a", -1, b.x + b.w / 2, b.y + 6, r->theme.text,
                      ALIGN_CENTER);
        }
    for (int i = 0; i < ch->nscenes; i++) {
        UiRect b = game_chapter_row(g, i);
        if (b.w <= 0)
            continue;
        const Scene *s = ch->scenes[i];
        bool open = g->settings.open_all_scenes || campaign_open(c, g->progress, k, i), sel = g->selected == i;
        const SceneRecord *rec = g->progress ? progress_find(g->progress, s->id) : NULL;
        draw_rounded_rect(d, b.x, b.y, b.w, b.h, 14, sel ? color_rgba(60, 68, 94, 250) : r->theme.panel);
        draw_rounded_rect_outline(d, b.x, b.y, b.w, b.h, 14, sel ? 2.5f : 1.5f, sel ? r->theme.accent : r->theme.panel_edge);
        char num[12];
        snprintf(num, sizeof num, "%d", i + 1);
        text_draw(r->text, d, FONT_BODY_BOLD, num, -1, b.x + 34, mid(r, b, FONT_BODY_BOLD), open ? r->theme.accent : r->theme.muted,
                  ALIGN_CENTER);
        text_draw(r->text, d, open ? FONT_BODY_BOLD : FONT_BODY, s->title, -1, b.x + 64, mid(r, b, FONT_BODY),
                  open ? r->theme.text : r->theme.muted, ALIGN_LEFT);
        if (open)
            stars(r, b.x + b.w - 30, b.y + b.h / 2, 11, rec ? rec->stars : 0, CAMPAIGN_STARS, true);
        else
            text_draw(r->text, d, FONT_SMALL, T(g, "chapters.locked"), -1, b.x + b.w - 24, mid(r, b, FONT_SMALL), r->theme.muted,
                      ALIGN_RIGHT);
    }
    button(r, game_chapter_row(g, ch->nscenes), T(g, "chapters.back"), g->selected == ch->nscenes);
    text_draw_wrapped(r->text, d, FONT_SMALL, T(g, "chapters.help"), 64, 160, 230, -1, r->theme.muted, ALIGN_LEFT);
}

static void results_screen(Renderer *r, const Game *g)
{
    Draw *d = r->draw;
    const Campaign *c = &g->campaign;
    int k = g->chapter_focus < c->nchapters ? g->chapter_focus : 0;
    const Chapter *ch = c->nchapters ? &c->chapters[k] : NULL;
    dim(r, 0.72f);
    panel(r, 40, 30, 1200, 660);
    text_draw(r->text, d, FONT_SMALL_BOLD, T(g, "results.label"), -1, 80, 54, r->theme.accent, ALIGN_LEFT);
    text_draw(r->text, d, FONT_HEADING, ch ? ch->title : "", -1, 80, 78, r->theme.text, ALIGN_LEFT);
    int max, got = campaign_chapter_stars(c, g->progress, k, &max);
    char buf[256], n1[16], n2[16], n3[16];
    snprintf(n1, sizeof n1, "%d", got);
    snprintf(n2, sizeof n2, "%d", max);
    TF(g, buf, sizeof buf, "results.stars", 2, "stars", n1, "max", n2);
    text_draw(r->text, d, FONT_HEADING, buf, -1, 1200, 78, r->theme.accent, ALIGN_RIGHT);

    /* Left: each scene of the chapter. */
    float y = 150;
    text_draw(r->text, d, FONT_BODY_BOLD, T(g, "results.scenes"), -1, 80, y, r->theme.text, ALIGN_LEFT);
    y += 44;
    Tally chapter_tally;
    memset(&chapter_tally, 0, sizeof chapter_tally);
    for (int i = 0; ch && i < ch->nscenes; i++) {
        const SceneRecord *rec = g->progress ? progress_find(g->progress, ch->scenes[i]->id) : NULL;
        text_draw(r->text, d, FONT_SMALL_BOLD, ch->scenes[i]->title, -1, 80, y, rec ? r->theme.text : r->theme.muted,
                  ALIGN_LEFT);
        stars(r, 560, y + 11, 10, rec ? rec->stars : 0, CAMPAIGN_STARS, true);
        y += 38;
        if (rec)
            stats_tally_add(&chapter_tally, &rec->last);
    }

    /* Right: the noticing profile of the chapter (latest plays). The verdict
     * comes first; the numbers behind it follow as far as space allows. */
    float rx = 660, rw = 540, limit = 624;
    y = 150;
    text_draw(r->text, d, FONT_BODY_BOLD, T(g, "results.profile"), -1, rx, y, r->theme.text, ALIGN_LEFT);
    y += text_line_height(r->text, FONT_BODY_BOLD) + 12;
    StatsVerdict v = stats_profile(&chapter_tally);
    TF(g, buf, sizeof buf, v.key, 1, "region", v.region >= 0 ? region_word(g, v.region) : "");
    FontId vf = text_wrapped_height(r->text, FONT_BODY, buf, rw) > 100 ? FONT_SMALL : FONT_BODY;
    float vh = text_wrapped_height(r->text, vf, buf, rw);
    draw_rounded_rect(d, rx - 12, y - 8, rw + 24, vh + 16, 12, color_alpha(r->theme.accent, 0.16f));
    text_draw_wrapped(r->text, d, vf, buf, rx, y, rw, -1, r->theme.text, ALIGN_LEFT);
    y += vh + 24;
    const TallyCounts *tot = &chapter_tally.total;
    double dp, cc;
    stats_tally_dprime(&chapter_tally, &dp, &cc);
    snprintf(n1, sizeof n1, "%d", tot->hits);
    snprintf(n2, sizeof n2, "%d", tot->signals);
    snprintf(n3, sizeof n3, "%d", tot->false_alarms);
    TF(g, buf, sizeof buf, "results.totals", 3, "hits", n1, "signals", n2, "false_alarms", n3);
    y += text_draw_wrapped(r->text, d, FONT_SMALL_BOLD, buf, rx, y, rw, -1, r->theme.muted, ALIGN_LEFT) + 8;
    /* One bar per region, in the order used everywhere: the share of its cues noticed. */
    static const Region order[] = {REGION_EYES, REGION_FACE, REGION_HANDS, REGION_POSTURE, REGION_VOICE};
    float lh = text_line_height(r->text, FONT_SMALL);
    for (int k2 = 0; k2 < 5; k2++) {
        const TallyCounts *t = &chapter_tally.region[order[k2]];
        text_draw(r->text, d, FONT_SMALL_BOLD, region_word(g, order[k2]), -1, rx, y, r->theme.text, ALIGN_LEFT);
        float bx = rx + 120, bw = 150;
        draw_rounded_rect(d, bx, y + lh / 2 - 7, bw, 14, 7, color_rgba(255, 255, 255, 30));
        if (t->signals > 0 && t->hits > 0)
            draw_rounded_rect(d, bx, y + lh / 2 - 7, bw * (float)t->hits / (float)t->signals, 14, 7, r->theme.good);
        snprintf(n1, sizeof n1, "%d", t->hits);
        snprintf(n2, sizeof n2, "%d", t->signals);
        snprintf(n3, sizeof n3, "%d", t->false_alarms);
        TF(g, buf, sizeof buf, t->signals ? "results.region" : "results.region_none", 3, "hits", n1, "signals", n2,
           "false_alarms", n3);
        text_draw(r->text, d, FONT_SMALL, buf, -1, bx + bw + 12, y, r->theme.muted, ALIGN_LEFT);
        y += lh + 8;
    }
    y += 6;
    char dps[16], cs[16];
    snprintf(dps, sizeof dps, "%.2f", dp);
    snprintf(cs, sizeof cs, "%.2f", cc);
    TF(g, buf, sizeof buf, "results.dprime", 2, "d", dps, "c", cs);
    if (y + lh < limit)
        y += text_draw_wrapped(r->text, d, FONT_SMALL_BOLD, buf, rx, y, rw, -1, r->theme.accent, ALIGN_LEFT) + 6;
    if (g->progress) { /* and over every scene played so far */
        Tally run;
        double rd, rc;
        progress_totals(g->progress, &run);
        stats_tally_dprime(&run, &rd, &rc);
        snprintf(dps, sizeof dps, "%.2f", rd);
        snprintf(cs, sizeof cs, "%.2f", rc);
        snprintf(n1, sizeof n1, "%d", run.total.hits);
        snprintf(n2, sizeof n2, "%d", run.total.signals);
        TF(g, buf, sizeof buf, "results.run", 4, "d", dps, "c", cs, "hits", n1, "signals", n2);
        if (y + text_wrapped_height(r->text, FONT_SMALL, buf, rw) < limit)
            y += text_draw_wrapped(r->text, d, FONT_SMALL, buf, rx, y, rw, -1, r->theme.muted, ALIGN_LEFT) + 10;
    }
    if (y + text_wrapped_height(r->text, FONT_SMALL, T(g, "results.dprime_help"), rw) < limit)
        text_draw_wrapped(r->text, d, FONT_SMALL, T(g, "results.dprime_help"), rx, y, rw, -1, r->theme.muted, ALIGN_LEFT);
    button(r, game_results_button(), T(g, "results.continue"), true);
}

/* Slow motion from the debrief: the cue again at a quarter speed, its
 * region ringed, with what it was and what it may mean. */
static void watch_screen(Renderer *r, const Game *g, double alpha)
{
    Draw *d = r->draw;
    int from, to;
    float p;
    if (!game_watch(g, alpha, &from, &to, &p))
        return;
    const SceneCue *c = &g->scene->cues[g->watch_cue];
    Pose pose;
    RigLayout rig;
    game_character(g, alpha, &pose, &rig);
    Region reg = channel_region(c->def->channel);
    RigVec a = game_region_anchor(&rig, reg);
    Vec2 ring[48];
    int n = draw_ellipse_points(ring, 47, a.x, a.y, 24, 24, 0);
    ring[n++] = ring[0];
    draw_stroke(d, ring, n, 6.f, color_rgba(0, 0, 0, 120));
    draw_stroke(d, ring, n, 3.f, g->notice.cue_hit[g->watch_cue] ? r->theme.good : r->theme.bad);
    char body[1400], means[700];
    means[0] = '\0';
    if (c->means)
        TF(g, means, sizeof means, "debrief.may_mean", 1, "means", c->means);
    snprintf(body, sizeof body, "%s%s%s", c->describe ? c->describe : "", c->describe && c->means ? " " : "", means);
    float lh = text_line_height(r->text, FONT_SMALL_BOLD);
    float bh = text_wrapped_height(r->text, FONT_SMALL, body, 1150);
    float ph = 12 + lh + 4 + bh + 14; /* the panel fits its text */
    panel(r, 40, 20, 1200, ph);
    text_draw(r->text, d, FONT_SMALL_BOLD, T(g, "watch.label"), -1, 64, 32, r->theme.accent, ALIGN_LEFT);
    char head[200];
    TF(g, head, sizeof head, g->notice.cue_hit[g->watch_cue] ? "debrief.noticed" : "debrief.missed", 1, "region",
       region_word(g, reg));
    text_draw(r->text, d, FONT_SMALL_BOLD, head, -1, 1216, 32, g->notice.cue_hit[g->watch_cue] ? r->theme.good : r->theme.bad,
              ALIGN_RIGHT);
    text_draw_wrapped(r->text, d, FONT_SMALL, body, 64, 32 + lh + 4, 1150, -1, r->theme.text, ALIGN_LEFT);
    float by = 20 + ph + 8;
    draw_rounded_rect(d, 40, by, 1200, 6, 3, color_rgba(255, 255, 255, 40));
    draw_rounded_rect(d, 40, by, 1200 * p, 6, 3, r->theme.accent);
    const char *help = T(g, "watch.help");
    float hw = text_width(r->text, FONT_SMALL, help, -1) + 28;
    float hh = text_line_height(r->text, FONT_SMALL) + 10;
    draw_rounded_rect(d, 1240 - hw, by + 16, hw, hh, 10, color_rgba(20, 24, 36, 225));
    text_draw(r->text, d, FONT_SMALL, help, -1, 1240 - 14, by + 21, r->theme.muted, ALIGN_RIGHT);
}

static const char *on_off(const Game *g, bool on)
{
    return T(g, on ? "settings.on" : "settings.off");
}

static void settings_screen(Renderer *r, const Game *g)
{
    Draw *d = r->draw;
    const Settings *st = &g->settings;
    menu_backdrop(r, g, T(g, "settings.label"), NULL);
    static const char *const names[SET_COUNT] = {
        "settings.fullscreen", "settings.window",         "settings.master",        "settings.music",
        "settings.effects",    "settings.text_size",      "settings.text_speed",    "settings.reduced_motion",
        "settings.high_contrast", "settings.hints",       "settings.open_all", "settings.back"};
    for (int i = 0; i < SET_BACK; i++) {
        UiRect b = game_settings_row(i);
        bool sel = g->selected == i;
        draw_rounded_rect(d, b.x, b.y, b.w, b.h, 12, sel ? color_rgba(60, 68, 94, 250) : r->theme.panel);
        draw_rounded_rect_outline(d, b.x, b.y, b.w, b.h, 12, sel ? 2.5f : 1.5f, sel ? r->theme.accent : r->theme.panel_edge);
        text_draw(r->text, d, FONT_BODY, T(g, names[i]), -1, b.x + 20, mid(r, b, FONT_BODY), r->theme.text, ALIGN_LEFT);
        char val[96];
        switch (i) {
        case SET_FULLSCREEN: snprintf(val, sizeof val, "%s", on_off(g, st->fullscreen)); break;
        case SET_WINDOW:
            if (st->window_width > 0)
                snprintf(val, sizeof val, "%d \u00d7 %d", st->window_width, st->window_height);
            else
                snprintf(val, sizeof val, "%s", T(g, "settings.window_default"));
            break;
        case SET_MASTER: snprintf(val, sizeof val, "%d%%", st->master_volume); break;
        case SET_MUSIC: snprintf(val, sizeof val, "%d%%", st->music_volume); break;
        case SET_EFFECTS: snprintf(val, sizeof val, "%d%%", st->effects_volume); break;
        case SET_TEXT_SIZE:
            snprintf(val, sizeof val, "%s", named(g, "settings.size", settings_text_size_name(st->text_size)));
            break;
        case SET_TEXT_SPEED:
            snprintf(val, sizeof val, "%s", named(g, "settings.speed", settings_text_speed_name(st->text_speed)));
            break;
        case SET_REDUCED_MOTION: snprintf(val, sizeof val, "%s", on_off(g, st->reduced_motion)); break;
        case SET_HIGH_CONTRAST: snprintf(val, sizeof val, "%s", on_off(g, st->high_contrast)); break;
        case SET_HINTS: snprintf(val, sizeof val, "%s", on_off(g, st->hints)); break;
        case SET_OPEN_ALL: snprintf(val, sizeof val, "%s", on_off(g, st->open_all_scenes)); break;
        default: val[0] = '\0';
        }
        char shown[128];
        snprintf(shown, sizeof shown, sel ? "\u2039  %s  \u203a" : "%s", val);
        text_draw(r->text, d, FONT_BODY_BOLD, shown, -1, b.x + b.w - 20, mid(r, b, FONT_BODY_BOLD), sel ? r->theme.accent : r->theme.text,
                  ALIGN_RIGHT);
    }
    button(r, game_settings_row(SET_BACK), T(g, names[SET_BACK]), g->selected == SET_BACK);
    text_draw_wrapped(r->text, d, FONT_SMALL, T(g, "settings.help"), 980, 100, 250, -1, r->theme.muted, ALIGN_LEFT);
}

static void pause_menu(Renderer *r, const Game *g)
{
    dim(r, 0.55f);
    UiRect first = game_pause_button(0);
    panel(r, first.x - 40, first.y - 90, first.w + 80, 66.f * PAUSE_COUNT + 120);
    text_draw(r->text, r->draw, FONT_HEADING, T(g, "pause.label"), -1, 640, first.y - 70, r->theme.text, ALIGN_CENTER);
    static const char *const labels[PAUSE_COUNT] = {"pause.resume", "pause.restart", "pause.settings", "pause.quit"};
    for (int i = 0; i < PAUSE_COUNT; i++)
        button(r, game_pause_button(i), T(g, labels[i]), g->selected == i);
}

void render_overlay(Renderer *r, const char *title, const char *body)
{
    Draw *d = r->draw;
    float w = 900, x = (DRAW_LOGICAL_W - w) / 2;
    float h = 90 + text_wrapped_height(r->text, FONT_SMALL, body, w - 60);
    if (h > 600)
        h = 600;
    panel(r, x, 60, w, h);
    draw_rounded_rect_outline(d, x, 60, w, h, 18, 2.5f, r->theme.bad);
    text_draw(r->text, d, FONT_BODY_BOLD, title, -1, x + 30, 80, r->theme.bad, ALIGN_LEFT);
    text_draw_wrapped(r->text, d, FONT_SMALL, body, x + 30, 124, w - 60, -1, r->theme.text, ALIGN_LEFT);
    draw_flush(d);
}

static float text_factor(TextSize s)
{
    switch (s) {
    case TEXT_SIZE_SMALL: return 0.88f;
    case TEXT_SIZE_LARGE: return 1.14f;
    case TEXT_SIZE_PROJECTOR: return 1.28f;
    default: return 1.f;
    }
}

void render_frame(Renderer *r, const Game *g, double alpha)
{
    text_set_size(r->text, text_factor(g->settings.text_size));
    r->theme = theme_make(g->settings.high_contrast);
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
        coach_banner(r, g, alpha);
        region_cursor(r, g, alpha);
        break;
    case SCREEN_ANSWER: answer_screen(r, g); break;
    case SCREEN_REACTION:
        speech_box(r, g, alpha);
        if (g->tick - g->reaction_start > 60) { /* the player may go on now */
            const char *go_on = T(g, "reaction.skip");
            float w = text_width(r->text, FONT_SMALL, go_on, -1) + 28;
            float h = text_line_height(r->text, FONT_SMALL) + 10;
            draw_rounded_rect(r->draw, 1240 - w, 20, w, h, 10, color_rgba(20, 24, 36, 200));
            text_draw(r->text, r->draw, FONT_SMALL, go_on, -1, 1240 - 14, 25, r->theme.muted, ALIGN_RIGHT);
        }
        break;
    case SCREEN_DEBRIEF: debrief_screen(r, g); break;
    case SCREEN_PACKS: packs_screen(r, g); break;
    case SCREEN_CHAPTERS: chapters_screen(r, g); break;
    case SCREEN_RESULTS: results_screen(r, g); break;
    case SCREEN_SETTINGS: settings_screen(r, g); break;
    case SCREEN_REVIEW: review_screen(r, g); break;
    case SCREEN_WATCH:
        speech_box(r, g, alpha);
        watch_screen(r, g, alpha);
        break;
    case SCREEN_COUNT: break;
    }
    if (g->paused && g->screen != SCREEN_SETTINGS)
        pause_menu(r, g);
    draw_flush(r->draw);
    text_frame_end(r->text);
}
