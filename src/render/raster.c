/* Unsaid - raster.c: a span-walking triangle filler with colour blending. */
#include "raster.h"

#include <math.h>
#include <stdint.h>

typedef struct {
    float a, b, c; /* e(x, y) = a*x + b*y + c, >= 0 inside */
    bool top_left; /* shared edges belong to exactly one triangle */
} Edge;

static Edge edge(SDL_FPoint p, SDL_FPoint q)
{
    Edge e = {p.y - q.y, q.x - p.x, p.x * q.y - p.y * q.x, false};
    /* With counter-clockwise triangles (in y-down space), a "top" edge is
     * horizontal with the inside below, a "left" edge goes downwards. */
    e.top_left = (e.a == 0 && e.b < 0) || e.a > 0;
    return e;
}

/* The first and last pixel column (inclusive) whose centre is inside the
 * edge on the row whose centre is yc. Returns false if none. */
static bool clip_span(const Edge *e, float yc, int *x0, int *x1)
{
    float d = e->b * yc + e->c;
    if (e->a == 0) /* horizontal edge: the whole row is in or out */
        return d > 0 || (d == 0 && e->top_left);
    float t = -d / e->a; /* where e crosses zero, as a pixel-centre x */
    if (e->a > 0) { /* inside for x >= t (or > t) */
        float first = t - 0.5f;
        int xs = (int)ceilf(first);
        if (!e->top_left && (float)xs == first)
            xs++;
        if (xs > *x0)
            *x0 = xs;
    } else { /* inside for x <= t */
        float last = t - 0.5f;
        int xe = (int)floorf(last);
        if (!e->top_left && (float)xe == last)
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

static void triangle(SDL_Surface *s, const SDL_Rect *clip, SDL_Vertex v0, SDL_Vertex v1, SDL_Vertex v2,
                     RasterMode mode)
{
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
    if (uniform && v0.color.a == 0)
        return;
    /* Edge i is opposite vertex i, so e_i / area is vertex i's weight. */
    Edge e[3] = {edge(v1.position, v2.position), edge(v2.position, v0.position), edge(v0.position, v1.position)};
    float miny = fminf(v0.position.y, fminf(v1.position.y, v2.position.y));
    float maxy = fmaxf(v0.position.y, fmaxf(v1.position.y, v2.position.y));
    float minx = fminf(v0.position.x, fminf(v1.position.x, v2.position.x));
    float maxx = fmaxf(v0.position.x, fmaxf(v1.position.x, v2.position.x));
    int y0 = (int)ceilf(miny - 0.5f), y1 = (int)floorf(maxy - 0.5f);
    int bx0 = (int)floorf(minx) - 1, bx1 = (int)ceilf(maxx) + 1;
    if (y0 < clip->y)
        y0 = clip->y;
    if (y1 > clip->y + clip->h - 1)
        y1 = clip->y + clip->h - 1;
    if (bx0 < clip->x)
        bx0 = clip->x;
    if (bx1 > clip->x + clip->w - 1)
        bx1 = clip->x + clip->w - 1;
    float inv = 1.f / area;
    const SDL_Color c[3] = {v0.color, v1.color, v2.color};
    for (int y = y0; y <= y1; y++) {
        float yc = (float)y + 0.5f;
        int x0 = bx0, x1 = bx1;
        if (!clip_span(&e[0], yc, &x0, &x1) || !clip_span(&e[1], yc, &x0, &x1) ||
            !clip_span(&e[2], yc, &x0, &x1))
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
        float xc = (float)x0 + 0.5f;
        if (same_rgb && mode == RASTER_BLEND) { /* edges fading out: only alpha varies */
            Uint32 src = (Uint32)c[0].r << 16 | (Uint32)c[0].g << 8 | (Uint32)c[0].b;
            float al = 0, dal = 0;
            for (int i = 0; i < 3; i++) {
                al += (e[i].a * xc + e[i].b * yc + e[i].c) * inv * c[i].a;
                dal += e[i].a * inv * c[i].a;
            }
            /* Step alpha in 16.16 fixed point: no float work per pixel. Slivers
             * can have huge slopes over a pixel or two; clamp to stay in range. */
            al = fmaxf(-512.f, fminf(al, 512.f));
            dal = fmaxf(-8192.f, fminf(dal, 8192.f));
            int64_t fa = (int64_t)(al * 65536.f + 32768.f), fd = (int64_t)(dal * 65536.f);
            for (int x = x0; x <= x1; x++, fa += fd) {
                int64_t a = fa >> 16;
                if (a > 0)
                    row[x] = blend(row[x], src, (unsigned)(a > 255 ? 255 : a));
            }
            continue;
        }
        /* Barycentric weights at the span's first pixel, then step along x. */
        float w[3], dw[3];
        for (int i = 0; i < 3; i++) {
            w[i] = (e[i].a * xc + e[i].b * yc + e[i].c) * inv;
            dw[i] = e[i].a * inv;
        }
        for (int x = x0; x <= x1; x++) {
            int r = (int)(w[0] * c[0].r + w[1] * c[1].r + w[2] * c[2].r + 0.5f);
            int g = (int)(w[0] * c[0].g + w[1] * c[1].g + w[2] * c[2].g + 0.5f);
            int b = (int)(w[0] * c[0].b + w[1] * c[1].b + w[2] * c[2].b + 0.5f);
            int a = (int)(w[0] * c[0].a + w[1] * c[1].a + w[2] * c[2].a + 0.5f);
            r = r < 0 ? 0 : r > 255 ? 255 : r;
            g = g < 0 ? 0 : g > 255 ? 255 : g;
            b = b < 0 ? 0 : b > 255 ? 255 : b;
            a = a < 0 ? 0 : a > 255 ? 255 : a;
            if (a > 0)
                row[x] = mode == RASTER_ADD ? add(row[x], r, g, b, a)
                                            : blend(row[x], (Uint32)r << 16 | (Uint32)g << 8 | (Uint32)b, (unsigned)a);
            for (int i = 0; i < 3; i++)
                w[i] += dw[i];
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
