/* Unsaid - text.c */
#include "text.h"

#include <SDL2/SDL_ttf.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define CACHE_SIZE 256
#define CACHE_KEEP_FRAMES 3
#define MAX_WRAP_LINES 32

static const struct {
    const char *file;
    float size;
} font_spec[FONT_COUNT] = {
    [FONT_SMALL] = {"/assets/fonts/DejaVuSans.ttf", 18},
    [FONT_SMALL_BOLD] = {"/assets/fonts/DejaVuSans-Bold.ttf", 18},
    [FONT_BODY] = {"/assets/fonts/DejaVuSans.ttf", 25},
    [FONT_BODY_BOLD] = {"/assets/fonts/DejaVuSans-Bold.ttf", 25},
    [FONT_HEADING] = {"/assets/fonts/DejaVuSans-Bold.ttf", 36},
    [FONT_TITLE] = {"/assets/fonts/DejaVuSans-Bold.ttf", 104},
    [FONT_LABEL] = {"/assets/fonts/DejaVuSans.ttf", 15},
};

typedef struct {
    bool used;
    FontId font;
    Color color;
    uint64_t hash;
    char *str;
    SDL_Texture *tex;
    int w, h;
    unsigned last_frame;
} CacheEntry;

struct Text {
    SDL_Renderer *renderer;
    TextOpenFn open;
    float scale;
    float size_factor; /* the player's text size: 1 is normal */
    TTF_Font *fonts[FONT_COUNT];
    /* A scale and size whose fonts could not be opened: asked for again
     * every frame, they are not tried (nor reported) again. */
    float failed_scale, failed_factor;
    CacheEntry cache[CACHE_SIZE];
    unsigned frame;
};

static void close_fonts(TTF_Font **fonts)
{
    for (int i = 0; i < FONT_COUNT; i++) {
        if (fonts[i])
            TTF_CloseFont(fonts[i]);
        fonts[i] = NULL;
    }
}

static void clear_cache(Text *t)
{
    for (int i = 0; i < CACHE_SIZE; i++) {
        if (t->cache[i].used) {
            SDL_DestroyTexture(t->cache[i].tex);
            free(t->cache[i].str);
        }
        t->cache[i].used = false;
    }
}

/* Every font at an output scale and text size, into fonts; all or none. */
static bool open_fonts(const Text *t, float scale, float factor, TTF_Font **fonts, char *err,
                       size_t errsize)
{
    memset(fonts, 0, FONT_COUNT * sizeof *fonts);
    for (int i = 0; i < FONT_COUNT; i++) {
        SDL_RWops *rw = t->open(font_spec[i].file);
        /* The reading sizes follow the player's text size; headings keep theirs. */
        float k = i == FONT_HEADING || i == FONT_TITLE || i == FONT_LABEL ? 1.f : factor;
        int px = (int)lroundf(font_spec[i].size * k * scale);
        fonts[i] = rw ? TTF_OpenFontRW(rw, 1, px < 6 ? 6 : px) : NULL;
        if (!fonts[i]) {
            snprintf(err, errsize, "%s: cannot load font: %s", font_spec[i].file, SDL_GetError());
            close_fonts(fonts);
            return false;
        }
        TTF_SetFontHinting(fonts[i], TTF_HINTING_LIGHT);
    }
    return true;
}

Text *text_create(SDL_Renderer *renderer, TextOpenFn open, float scale, char *err, size_t errsize)
{
    if (TTF_Init() != 0) { /* counted: each Text starts SDL_ttf and stops it again */
        snprintf(err, errsize, "cannot start SDL_ttf: %s", TTF_GetError());
        return NULL;
    }
    Text *t = calloc(1, sizeof *t);
    if (!t) {
        snprintf(err, errsize, "out of memory");
        TTF_Quit();
        return NULL;
    }
    t->renderer = renderer;
    t->open = open;
    t->scale = scale > 0 ? scale : 1;
    t->size_factor = 1;
    if (!open_fonts(t, t->scale, t->size_factor, t->fonts, err, errsize)) {
        free(t);
        TTF_Quit();
        return NULL;
    }
    return t;
}

void text_destroy(Text *t)
{
    if (!t)
        return;
    clear_cache(t);
    close_fonts(t->fonts);
    free(t);
    TTF_Quit(); /* after the fonts close */
}

static bool same(float a, float b)
{
    return fabsf(a - b) < 1e-3f;
}

/* Re-rasterise every font for a new output scale or text size. The new
 * fonts are opened before the old ones close: if they cannot be, the old
 * ones stay (text keeps its old size) and the failure is reported once. */
static bool reopen(Text *t, float scale, float factor)
{
    if (scale <= 0 || factor <= 0 || (same(scale, t->scale) && same(factor, t->size_factor)))
        return true;
    if (same(scale, t->failed_scale) && same(factor, t->failed_factor))
        return false;
    TTF_Font *fonts[FONT_COUNT];
    char err[512];
    if (!open_fonts(t, scale, factor, fonts, err, sizeof err)) {
        fprintf(stderr, "unsaid: %s (text keeps its size)\n", err);
        t->failed_scale = scale;
        t->failed_factor = factor;
        return false;
    }
    clear_cache(t);
    close_fonts(t->fonts);
    memcpy(t->fonts, fonts, sizeof fonts);
    t->scale = scale;
    t->size_factor = factor;
    t->failed_scale = t->failed_factor = 0;
    return true;
}

bool text_set_size(Text *t, float factor)
{
    return reopen(t, t->scale, factor);
}

bool text_set_scale(Text *t, float scale)
{
    return reopen(t, scale, t->size_factor);
}

float text_line_height(Text *t, FontId f)
{
    return TTF_FontLineSkip(t->fonts[f]) / t->scale;
}

/* Measure a byte range (TTF wants a NUL-terminated string). */
static int measure_px(Text *t, FontId f, const char *s, int nbytes)
{
    char buf[1024];
    if (nbytes < 0)
        nbytes = (int)strlen(s);
    if (nbytes >= (int)sizeof buf)
        nbytes = (int)sizeof buf - 1;
    memcpy(buf, s, (size_t)nbytes);
    buf[nbytes] = '\0';
    int w = 0, h = 0;
    TTF_SizeUTF8(t->fonts[f], buf, &w, &h);
    return w;
}

float text_width(Text *t, FontId f, const char *s, int nbytes)
{
    return measure_px(t, f, s, nbytes) / t->scale;
}

int text_wrap(Text *t, FontId f, const char *s, float width, TextLine *lines, int max)
{
    int n = 0, len = (int)strlen(s), pos = 0;
    while (pos < len && n < max) {
        /* Explicit newlines end a line. */
        int stop = pos;
        while (stop < len && s[stop] != '\n')
            stop++;
        int best = -1; /* end of the longest run of whole words that fits */
        int i = pos;
        while (i <= stop) {
            if (i == stop || s[i] == ' ') {
                if (text_width(t, f, s + pos, i - pos) <= width || best < 0)
                    best = i;
                else
                    break;
            }
            i++;
        }
        if (best < 0)
            best = stop;
        lines[n++] = (TextLine){pos, best - pos};
        pos = best;
        while (pos < len && s[pos] == ' ')
            pos++;
        if (pos < len && s[pos] == '\n' && pos == stop)
            pos++;
    }
    return n;
}

static uint64_t hash_bytes(const char *s, int n)
{
    uint64_t h = 1469598103934665603ULL;
    for (int i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 1099511628211ULL;
    return h;
}

/* A texture holding the whole string, from the cache or freshly made. */
static CacheEntry *lookup(Text *t, FontId f, const char *s, int n, Color c)
{
    uint64_t h = hash_bytes(s, n) ^ ((uint64_t)f << 56);
    CacheEntry *free_slot = NULL, *oldest = &t->cache[0];
    for (int i = 0; i < CACHE_SIZE; i++) {
        CacheEntry *e = &t->cache[i];
        if (!e->used) {
            if (!free_slot)
                free_slot = e;
            continue;
        }
        if (e->hash == h && e->font == f && memcmp(&e->color, &c, sizeof c) == 0 &&
            (int)strlen(e->str) == n && memcmp(e->str, s, (size_t)n) == 0) {
            e->last_frame = t->frame;
            return e;
        }
        if (e->last_frame < oldest->last_frame)
            oldest = e;
    }
    CacheEntry *e = free_slot ? free_slot : oldest;
    if (e->used) {
        SDL_DestroyTexture(e->tex);
        free(e->str);
        e->used = false;
    }
    char *copy = malloc((size_t)n + 1);
    if (!copy)
        return NULL;
    memcpy(copy, s, (size_t)n);
    copy[n] = '\0';
    SDL_Surface *surf = TTF_RenderUTF8_Blended(t->fonts[f], copy, (SDL_Color){c.r, c.g, c.b, c.a});
    if (!surf) {
        free(copy);
        return NULL;
    }
    SDL_Texture *tex = SDL_CreateTextureFromSurface(t->renderer, surf);
    if (tex) /* always drawn 1:1 at whole pixels: filtering would change nothing but the cost */
        SDL_SetTextureScaleMode(tex, SDL_ScaleModeNearest);
    int w = surf->w, hh = surf->h;
    SDL_FreeSurface(surf);
    if (!tex) {
        free(copy);
        return NULL;
    }
    SDL_SetTextureBlendMode(tex, SDL_BLENDMODE_BLEND);
    *e = (CacheEntry){true, f, c, h, copy, tex, w, hh, t->frame};
    return e;
}

/* Draw the first `visible` bytes of a cached whole-line texture. */
static void blit_prefix(Text *t, Draw *d, FontId f, const char *s, int n, int visible, float x,
                        float y, Color c, TextAlign align)
{
    if (n <= 0 || visible == 0)
        return;
    CacheEntry *e = lookup(t, f, s, n, c);
    if (!e)
        return;
    int src_w = visible >= n ? e->w : measure_px(t, f, s, visible);
    float lw = e->w / t->scale;
    if (align == ALIGN_CENTER)
        x -= lw / 2;
    else if (align == ALIGN_RIGHT)
        x -= lw;
    Vec2 p = draw_to_pixels(d, (Vec2){x, y});
    draw_flush(d);
    SDL_Rect src = {0, 0, src_w, e->h};
    SDL_FRect dst = {floorf(p.x + 0.5f), floorf(p.y + 0.5f), (float)src_w, (float)e->h};
    SDL_RenderCopyF(t->renderer, e->tex, &src, &dst);
}

void text_draw(Text *t, Draw *d, FontId f, const char *s, int nbytes, float x, float y, Color c,
               TextAlign align)
{
    int n = nbytes < 0 ? (int)strlen(s) : nbytes;
    blit_prefix(t, d, f, s, n, n, x, y, c, align);
}

float text_draw_wrapped(Text *t, Draw *d, FontId f, const char *s, float x, float y, float width,
                        int visible, Color c, TextAlign align)
{
    TextLine lines[MAX_WRAP_LINES];
    int n = text_wrap(t, f, s, width, lines, MAX_WRAP_LINES);
    float lh = text_line_height(t, f);
    if (visible < 0)
        visible = (int)strlen(s);
    float ax = align == ALIGN_CENTER ? x + width / 2 : align == ALIGN_RIGHT ? x + width : x;
    for (int i = 0; i < n; i++) {
        int vis = visible - lines[i].start;
        if (vis <= 0)
            break;
        blit_prefix(t, d, f, s + lines[i].start, lines[i].len, vis, ax, y + i * lh, c, align);
    }
    return n * lh;
}

float text_wrapped_height(Text *t, FontId f, const char *s, float width)
{
    TextLine lines[MAX_WRAP_LINES];
    return text_wrap(t, f, s, width, lines, MAX_WRAP_LINES) * text_line_height(t, f);
}

void text_frame_end(Text *t)
{
    t->frame++;
    for (int i = 0; i < CACHE_SIZE; i++) {
        CacheEntry *e = &t->cache[i];
        if (e->used && t->frame - e->last_frame > CACHE_KEEP_FRAMES) {
            SDL_DestroyTexture(e->tex);
            free(e->str);
            e->used = false;
        }
    }
}
