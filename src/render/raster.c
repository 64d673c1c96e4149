/* Unsaid - raster.c: a span-walking triangle filler with colour blending. */
#include "raster.h"

#include <math.h>
#include <stdint.h>

typedef struct {
    float a, b, c; /* e(x, y) = a*x + b*y + c, >= 0 inside */
    float ta, tc;  /* where e crosses zero on row yc, as a pixel index: ta*yc + tc */
    bool top_left; /* shared edges belong to exactly one triangle */
} Edge;

static Edge edge(SDL_FPoint p, SDL_FPoint q)
{
    Edge e = {p.y - q.y, q.x - p.x, p.x * q.y - p.y * q.x, 0, 0, false};
    /* With counter-clockwise triangles (in y-down space), a "top" edge is
     * horizontal with the inside below, a "left" edge goes downwards. */
    e.top_left = (e.a == 0 && e.b < 0) || e.a > 0;
    if (e.a != 0) { /* exact under negation, so a shared edge splits rows alike */
        e.ta = -e.b / e.a;
        e.tc = -e.c / e.a - 0.5f;
    }
    return e;
}

static inline float min3(float a, float b, float c)
{
    float m = a < b ? a : b;
    return m < c ? m : c;
}

static inline float max3(float a, float b, float c)
{
    float m = a > b ? a : b;
    return m > c ? m : c;
}

/* floor and ceil for values well inside int range, without a libm call. */
static inline float clampf(float v, float lo, float hi)
{
    return v < lo ? lo : v > hi ? hi : v;
}

static inline int ifloor(float v)
{
    int i = (int)v;
    return i - ((float)i > v);
}

static inline int iceil(float v)
{
    int i = (int)v;
    return i + ((float)i < v);
}

/* Narrow [x0, x1] to the pixel columns whose centre is inside the edge on
 * the row whose centre is yc. Returns false if none are left. */
static inline bool clip_span(const Edge *e, float yc, int *x0, int *x1)
{
    if (e->a == 0) { /* horizontal edge: the whole row is in or out */
        float d = e->b * yc + e->c;
        return d > 0 || (d == 0 && e->top_left);
    }
    float t = clampf(e->ta * yc + e->tc, -1e6f, 1e6f);
    if (e->a > 0) { /* inside for x >= t (or > t) */
        int xs = iceil(t);
        if (!e->top_left && (float)xs == t)
            xs++;
        if (xs > *x0)
            *x0 = xs;
    } else { /* inside for x <= t */
        int xe = ifloor(t);
        if (!e->top_left && (float)xe == t)
            xe--;
        if (xe < *x1)
            *x1 = xe;
    }
    return *x0 <= *x1;
}

/* dst = src * a + dst * (1 - a), two channels at a time, rounded like
 * division by 255 (x + 128) * 257 >> 16. */
static inline Uint32 blend(Uint32 dst, Uint32 src, unsigned a)
{
    unsigned ia = 255 - a;
    Uint32 rb = (src & 0xff00ffu) * a + (dst & 0xff00ffu) * ia + 0x800080u;
    rb = ((rb + ((rb >> 8) & 0xff00ffu)) >> 8) & 0xff00ffu;
    Uint32 g = (src & 0x00ff00u) * a + (dst & 0x00ff00u) * ia + 0x008000u;
    g = ((g + ((g >> 8) & 0x00ff00u)) >> 8) & 0x00ff00u;
    unsigned da = a + (((dst >> 24) * ia + 128) * 257 >> 16);
    return (Uint32)da << 24 | rb | g;
}

static inline Uint32 add(Uint32 dst, int r, int g, int b, int a)
{ /* light: dst + src * a, each channel saturating */
    int dr = (int)(dst >> 16 & 255) + (r * a + 127) / 255;
    int dg = (int)(dst >> 8 & 255) + (g * a + 127) / 255;
    int db = (int)(dst & 255) + (b * a + 127) / 255;
    dr = dr > 255 ? 255 : dr;
    dg = dg > 255 ? 255 : dg;
    db = db > 255 ? 255 : db;
    return (dst & 0xff000000u) | (Uint32)dr << 16 | (Uint32)dg << 8 | (Uint32)db;
}

/* A triangle into s, inside clip. Every row's colours are found from the
 * span the triangle covers on the whole surface, then stepped to where the
 * clip starts: a pixel comes out the same whether it is drawn clipped or
 * not (frames drawn in parts rely on it). */
static void triangle(SDL_Surface *s, const SDL_Rect *clip, SDL_Vertex v0, SDL_Vertex v1, SDL_Vertex v2,
                     RasterMode mode)
{
    float miny = min3(v0.position.y, v1.position.y, v2.position.y);
    float maxy = max3(v0.position.y, v1.position.y, v2.position.y);
    float minx = min3(v0.position.x, v1.position.x, v2.position.x);
    float maxx = max3(v0.position.x, v1.position.x, v2.position.x);
    if (maxx < (float)clip->x - 1 || minx > (float)(clip->x + clip->w) + 1 || maxy < (float)clip->y - 1 ||
        miny > (float)(clip->y + clip->h) + 1)
        return; /* wholly outside the clip (a frame drawn in parts) */
    float area = (v1.position.x - v0.position.x) * (v2.position.y - v0.position.y) -
                 (v2.position.x - v0.position.x) * (v1.position.y - v0.position.y);
    if (fabsf(area) < 1e-6f)
        return;
    if (area < 0) { /* make every triangle wind the same way */
        SDL_Vertex t = v1;
        v1 = v2;
        v2 = t;
        area = -area;
    }
    bool same_rgb = v0.color.r == v1.color.r && v0.color.r == v2.color.r && v0.color.g == v1.color.g &&
                    v0.color.g == v2.color.g && v0.color.b == v1.color.b && v0.color.b == v2.color.b;
    bool uniform = same_rgb && v0.color.a == v1.color.a && v0.color.a == v2.color.a;
    bool opaque = mode == RASTER_BLEND && v0.color.a == 255 && v1.color.a == 255 && v2.color.a == 255;
    if (uniform && v0.color.a == 0)
        return;
    /* Edge i is opposite vertex i, so e_i / area is vertex i's weight. */
    Edge e[3] = {edge(v1.position, v2.position), edge(v2.position, v0.position), edge(v0.position, v1.position)};
    int y0 = (int)ceilf(miny - 0.5f), y1 = (int)floorf(maxy - 0.5f);
    int bx0 = (int)floorf(minx) - 1, bx1 = (int)ceilf(maxx) + 1;
    if (y0 < clip->y)
        y0 = clip->y;
    if (y1 > clip->y + clip->h - 1)
        y1 = clip->y + clip->h - 1;
    if (bx0 < 0)
        bx0 = 0;
    if (bx1 > s->w - 1)
        bx1 = s->w - 1;
    int cx0 = clip->x, cx1 = clip->x + clip->w - 1;
    float inv = 1.f / area;
    const SDL_Color c[3] = {v0.color, v1.color, v2.color};
    /* Each channel as a plane over the triangle, v = pa*x + pb*y + pc, found
     * once from the barycentric weights (edge i / area is vertex i's). */
    float pa[4] = {0}, pb[4] = {0}, pc[4] = {0};
    if (!uniform)
        for (int k = same_rgb && mode == RASTER_BLEND ? 3 : 0; k < 4; k++)
            for (int i = 0; i < 3; i++) {
                float cv = (k == 0 ? c[i].r : k == 1 ? c[i].g : k == 2 ? c[i].b : c[i].a) * inv;
                pa[k] += e[i].a * cv;
                pb[k] += e[i].b * cv;
                pc[k] += e[i].c * cv;
            }
    for (int y = y0; y <= y1; y++) {
        float yc = (float)y + 0.5f;
        int xu0 = bx0, xu1 = bx1; /* the row's span on the whole surface */
        if (!clip_span(&e[0], yc, &xu0, &xu1) || !clip_span(&e[1], yc, &xu0, &xu1) ||
            !clip_span(&e[2], yc, &xu0, &xu1))
            continue;
        int x0 = xu0 > cx0 ? xu0 : cx0, x1 = xu1 < cx1 ? xu1 : cx1; /* and inside the clip */
        if (x0 > x1)
            continue;
        Uint32 *row = (Uint32 *)((Uint8 *)s->pixels + (size_t)y * (size_t)s->pitch);
        if (uniform) {
            int r = c[0].r, g = c[0].g, b = c[0].b, a = c[0].a;
            if (mode == RASTER_ADD)
                for (int x = x0; x <= x1; x++)
                    row[x] = add(row[x], r, g, b, a);
            else if (a == 255)
                for (int x = x0; x <= x1; x++)
                    row[x] = 0xff000000u | (Uint32)r << 16 | (Uint32)g << 8 | (Uint32)b;
            else {
                Uint32 src = (Uint32)r << 16 | (Uint32)g << 8 | (Uint32)b;
                for (int x = x0; x <= x1; x++)
                    row[x] = blend(row[x], src, (unsigned)a);
            }
            continue;
        }
        float xc = (float)xu0 + 0.5f;
        if (same_rgb && mode == RASTER_BLEND) { /* edges fading out: only alpha varies */
            Uint32 src = (Uint32)c[0].r << 16 | (Uint32)c[0].g << 8 | (Uint32)c[0].b;
            /* Step alpha in 16.16 fixed point: no float work per pixel. Slivers
             * can have huge slopes over a pixel or two; clamp to stay in range. */
            float al = clampf(pa[3] * xc + (pb[3] * yc + pc[3]), -512.f, 512.f);
            float dal = clampf(pa[3], -8192.f, 8192.f);
            int64_t fa = (int64_t)(al * 65536.f + 32768.f), fd = (int64_t)(dal * 65536.f);
            fa += fd * (x0 - xu0);
            for (int x = x0; x <= x1; x++, fa += fd) {
                int64_t a = fa >> 16;
                if (a > 0)
                    row[x] = blend(row[x], src, (unsigned)(a > 255 ? 255 : a));
            }
            continue;
        }
        /* Each channel is linear along the row: find it at the span's first
         * pixel from the barycentric weights, then step in 16.16 fixed point. */
        int32_t ch[4], dch[4];
        /* Keep v + dv * span inside int32: a steeper slope only moves where
         * a sliver's channel saturates. */
        float dmax = 30000.f / (float)(xu1 - xu0 + 1);
        for (int k = 0; k < 4; k++) {
            float v = clampf(pa[k] * xc + (pb[k] * yc + pc[k]), -512.f, 512.f);
            float dv = clampf(pa[k], -dmax, dmax);
            ch[k] = (int32_t)(v * 65536.f + 32768.f);
            dch[k] = (int32_t)(dv * 65536.f);
            ch[k] += dch[k] * (x0 - xu0);
        }
        /* An opaque gradient whose ends are in range (linear, so every pixel
         * between is too) is just written; anything else blends, which at
         * alpha 255 writes exactly the same colour. */
        bool in_range = opaque;
        for (int k = 0; in_range && k < 3; k++) {
            int64_t last = (int64_t)ch[k] + (int64_t)dch[k] * (x1 - x0);
            in_range = ch[k] >= 0 && last >= 0 && (ch[k] >> 16) <= 255 && (last >> 16) <= 255;
        }
        if (in_range) {
            for (int x = x0; x <= x1; x++) {
                row[x] = 0xff000000u | (Uint32)(ch[0] >> 16) << 16 | (Uint32)(ch[1] >> 16) << 8 |
                         (Uint32)(ch[2] >> 16);
                ch[0] += dch[0];
                ch[1] += dch[1];
                ch[2] += dch[2];
            }
            continue;
        }
        for (int x = x0; x <= x1; x++) {
            int v[4];
            for (int k = 0; k < 4; k++) {
                int q = ch[k] >> 16;
                v[k] = q < 0 ? 0 : q > 255 ? 255 : q;
                ch[k] += dch[k];
            }
            if (v[3] > 0)
                row[x] = mode == RASTER_ADD ? add(row[x], v[0], v[1], v[2], v[3])
                                            : blend(row[x], (Uint32)v[0] << 16 | (Uint32)v[1] << 8 | (Uint32)v[2],
                                                    (unsigned)v[3]);
        }
    }
}

void raster_triangles(SDL_Surface *surf, const SDL_Rect *clip, const SDL_Vertex *v, const int *idx, int nidx,
                      RasterMode mode)
{
    SDL_Rect full = {0, 0, surf->w, surf->h}, c = full;
    if (clip && !SDL_IntersectRect(clip, &full, &c))
        return;
    if (SDL_MUSTLOCK(surf) && SDL_LockSurface(surf) != 0)
        return;
    for (int i = 0; i + 2 < nidx; i += 3)
        triangle(surf, &c, v[idx[i]], v[idx[i + 1]], v[idx[i + 2]], mode);
    if (SDL_MUSTLOCK(surf))
        SDL_UnlockSurface(surf);
}
