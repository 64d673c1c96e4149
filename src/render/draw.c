/* Unsaid - draw.c: anti-aliased shapes batched into SDL_RenderGeometry. */
#include "draw.h"

#include "raster.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define STACK_MAX 16
#define FRINGE 1.0f /* width in output pixels of the alpha ramp on edges */

struct Draw {
    SDL_Renderer *renderer;
    SDL_Surface *direct; /* when set, triangles are filled straight into it */
    RasterMode mode;     /* how the batch blends: normal, or added light */
    float view_scale, view_x, view_y;
    Affine stack[STACK_MAX];
    int top;
    int overflow; /* pushes past the stack's depth: counted, so each pop undoes its own push */
    SDL_Vertex *verts;
    int nverts, cap_verts;
    int *idx;
    int nidx, cap_idx;
    bool measuring;            /* draw_measure_begin: shapes extend `seen`, nothing is drawn */
    float seen[4];             /* x0, y0, x1, y1 in output pixels */
};

/* ---- colours ------------------------------------------------------------ */

/* ---- context and transforms ---------------------------------------------- */

Draw *draw_create(SDL_Renderer *renderer)
{
    Draw *d = calloc(1, sizeof *d);
    if (!d)
        return NULL;
    d->renderer = renderer;
    d->stack[0] = (Affine){1, 0, 0, 1, 0, 0};
    SDL_SetRenderDrawBlendMode(renderer, SDL_BLENDMODE_BLEND);
    int w = DRAW_LOGICAL_W, h = DRAW_LOGICAL_H;
    SDL_GetRendererOutputSize(renderer, &w, &h);
    draw_set_output(d, w, h);
    return d;
}

void draw_destroy(Draw *d)
{
    if (!d)
        return;
    free(d->verts);
    free(d->idx);
    free(d);
}

void draw_set_output(Draw *d, int w, int h)
{
    float sx = (float)w / DRAW_LOGICAL_W, sy = (float)h / DRAW_LOGICAL_H;
    d->view_scale = sx < sy ? sx : sy;
    d->view_x = (w - DRAW_LOGICAL_W * d->view_scale) * 0.5f;
    d->view_y = (h - DRAW_LOGICAL_H * d->view_scale) * 0.5f;
}

void draw_set_view(Draw *d, float lx, float ly, float lw, float ox, float oy, float ow)
{
    d->view_scale = ow / lw;
    d->view_x = ox - lx * d->view_scale;
    d->view_y = oy - ly * d->view_scale;
}

float draw_scale(const Draw *d)
{
    return d->view_scale;
}

SDL_Renderer *draw_renderer(const Draw *d)
{
    return d->renderer;
}

Vec2 draw_to_logical(const Draw *d, float px, float py)
{
    return (Vec2){(px - d->view_x) / d->view_scale, (py - d->view_y) / d->view_scale};
}

static Vec2 xform(const Draw *d, Vec2 p)
{
    const Affine *m = &d->stack[d->top];
    float x = m->a * p.x + m->c * p.y + m->tx;
    float y = m->b * p.x + m->d * p.y + m->ty;
    return (Vec2){x * d->view_scale + d->view_x, y * d->view_scale + d->view_y};
}

Vec2 draw_to_pixels(const Draw *d, Vec2 p)
{
    return xform(d, p);
}

/* Average linear scale of the current transform, in pixels per unit. */
static float xform_scale(const Draw *d)
{
    const Affine *m = &d->stack[d->top];
    float det = fabsf(m->a * m->d - m->b * m->c);
    return sqrtf(det) * d->view_scale;
}

void draw_push(Draw *d)
{
    if (d->top + 1 < STACK_MAX) {
        d->stack[d->top + 1] = d->stack[d->top];
        d->top++;
    } else {
        d->overflow++;
    }
}

void draw_pop(Draw *d)
{
    if (d->overflow > 0)
        d->overflow--;
    else if (d->top > 0)
        d->top--;
}

static void mul(Draw *d, Affine n)
{
    Affine m = d->stack[d->top];
    d->stack[d->top] = (Affine){
        m.a * n.a + m.c * n.b,       m.b * n.a + m.d * n.b,       m.a * n.c + m.c * n.d,
        m.b * n.c + m.d * n.d,       m.a * n.tx + m.c * n.ty + m.tx, m.b * n.tx + m.d * n.ty + m.ty,
    };
}

void draw_translate(Draw *d, float x, float y)
{
    mul(d, (Affine){1, 0, 0, 1, x, y});
}

void draw_rotate(Draw *d, float r)
{
    float c = cosf(r), s = sinf(r);
    mul(d, (Affine){c, s, -s, c, 0, 0});
}

void draw_scale_by(Draw *d, float sx, float sy)
{
    mul(d, (Affine){sx, 0, 0, sy, 0, 0});
}

/* ---- batching ------------------------------------------------------------- */

static bool reserve(Draw *d, int nv, int ni)
{
    if (d->nverts + nv > d->cap_verts) {
        int cap = d->cap_verts ? d->cap_verts : 4096;
        while (cap < d->nverts + nv)
            cap *= 2;
        SDL_Vertex *v = realloc(d->verts, (size_t)cap * sizeof *v);
        if (!v)
            return false;
        d->verts = v;
        d->cap_verts = cap;
    }
    if (d->nidx + ni > d->cap_idx) {
        int cap = d->cap_idx ? d->cap_idx : 8192;
        while (cap < d->nidx + ni)
            cap *= 2;
        int *i = realloc(d->idx, (size_t)cap * sizeof *i);
        if (!i)
            return false;
        d->idx = i;
        d->cap_idx = cap;
    }
    return true;
}

static int vert(Draw *d, Vec2 p, Color c)
{
    SDL_Vertex *v = &d->verts[d->nverts];
    v->position = (SDL_FPoint){p.x, p.y};
    v->color = (SDL_Color){c.r, c.g, c.b, c.a};
    v->tex_coord = (SDL_FPoint){0, 0};
    return d->nverts++;
}

static void tri(Draw *d, int a, int b, int c)
{
    d->idx[d->nidx++] = a;
    d->idx[d->nidx++] = b;
    d->idx[d->nidx++] = c;
}

void draw_set_direct(Draw *d, SDL_Surface *surface)
{
    draw_flush(d);
    /* XRGB (a window's surface) has ARGB's layout; its alpha byte is unused. */
    Uint32 f = surface ? surface->format->format : 0;
    d->direct = f == SDL_PIXELFORMAT_ARGB8888 || f == SDL_PIXELFORMAT_RGB888 ? surface : NULL;
}

/* Drop the triangles that lie wholly outside the clip rectangle before
 * SDL sees them: a frame drawn in parts sends each part only its own, and
 * a GPU driver without a GPU (llvmpipe) pays for every triangle it is
 * sent, clipped or not. */
static void cull_outside_clip(Draw *d)
{
    SDL_Rect c;
    SDL_RenderGetClipRect(d->renderer, &c);
    float x0 = (float)c.x, y0 = (float)c.y, x1 = (float)(c.x + c.w), y1 = (float)(c.y + c.h);
    int kept = 0;
    for (int i = 0; i + 2 < d->nidx; i += 3) {
        const SDL_FPoint *a = &d->verts[d->idx[i]].position, *b = &d->verts[d->idx[i + 1]].position,
                         *e = &d->verts[d->idx[i + 2]].position;
        float minx = fminf(a->x, fminf(b->x, e->x)), maxx = fmaxf(a->x, fmaxf(b->x, e->x));
        float miny = fminf(a->y, fminf(b->y, e->y)), maxy = fmaxf(a->y, fmaxf(b->y, e->y));
        if (maxx < x0 || minx > x1 || maxy < y0 || miny > y1)
            continue;
        d->idx[kept] = d->idx[i];
        d->idx[kept + 1] = d->idx[i + 1];
        d->idx[kept + 2] = d->idx[i + 2];
        kept += 3;
    }
    d->nidx = kept;
}

static void see(Draw *d, float x, float y)
{
    d->seen[0] = fminf(d->seen[0], x);
    d->seen[1] = fminf(d->seen[1], y);
    d->seen[2] = fmaxf(d->seen[2], x);
    d->seen[3] = fmaxf(d->seen[3], y);
}

void draw_flush(Draw *d)
{
    if (d->measuring) {
        for (int i = 0; i < d->nidx; i++)
            see(d, d->verts[d->idx[i]].position.x, d->verts[d->idx[i]].position.y);
        d->nverts = 0;
        d->nidx = 0;
        return;
    }
    if (d->nidx > 0) {
        if (d->direct && !SDL_GetRenderTarget(d->renderer)) {
            /* Everything SDL has queued must land first, to keep the order. */
            SDL_RenderFlush(d->renderer);
            SDL_Rect clip;
            SDL_RenderGetClipRect(d->renderer, &clip);
            raster_triangles(d->direct, SDL_RenderIsClipEnabled(d->renderer) ? &clip : NULL, d->verts, d->idx,
                             d->nidx, d->mode);
        } else {
            if (SDL_RenderIsClipEnabled(d->renderer))
                cull_outside_clip(d);
            SDL_SetRenderDrawBlendMode(d->renderer, d->mode == RASTER_ADD ? SDL_BLENDMODE_ADD : SDL_BLENDMODE_BLEND);
            if (d->nidx > 0)
                SDL_RenderGeometry(d->renderer, NULL, d->verts, d->nverts, d->idx, d->nidx);
        }
    }
    d->nverts = 0;
    d->nidx = 0;
}

/* ---- filled shapes --------------------------------------------------------- */

static float signed_area(const Vec2 *p, int n)
{
    float a = 0;
    for (int i = 0; i < n; i++) {
        int j = (i + 1) % n;
        a += p[i].x * p[j].y - p[j].x * p[i].y;
    }
    return a * 0.5f;
}

static Vec2 norm(Vec2 v)
{
    float l = sqrtf(v.x * v.x + v.y * v.y);
    return l > 1e-6f ? (Vec2){v.x / l, v.y / l} : (Vec2){0, 0};
}

/* Is the polygon convex? Near-collinear corners (and repeated points) are
 * ignored, so sampled curves still count as convex. */
static bool is_convex(const Vec2 *p, int n)
{
    int pos = 0, neg = 0;
    for (int i = 0; i < n; i++) {
        Vec2 a = p[i], b = p[(i + 1) % n], c = p[(i + 2) % n];
        float cr = (b.x - a.x) * (c.y - b.y) - (b.y - a.y) * (c.x - b.x);
        if (cr > 1e-3f)
            pos++;
        else if (cr < -1e-3f)
            neg++;
        if (pos && neg)
            return false;
    }
    return true;
}

/* Is p inside triangle abc (or on its edges)? `orient` is the sign of the
 * polygon's area, which abc shares when it is an ear. */
static bool in_triangle(Vec2 p, Vec2 a, Vec2 b, Vec2 c, float orient)
{
    float d0 = ((b.x - a.x) * (p.y - a.y) - (b.y - a.y) * (p.x - a.x)) * orient;
    float d1 = ((c.x - b.x) * (p.y - b.y) - (c.y - b.y) * (p.x - b.x)) * orient;
    float d2 = ((a.x - c.x) * (p.y - c.y) - (a.y - c.y) * (p.x - c.x)) * orient;
    return d0 >= 0 && d1 >= 0 && d2 >= 0;
}

static bool same_point(Vec2 p, Vec2 q)
{
    return fabsf(p.x - q.x) < 1e-3f && fabsf(p.y - q.y) < 1e-3f;
}

/* Triangles covering a simple polygon exactly, by clipping ears: writes
 * index triples into out (room for n - 2) and returns how many, or -1 when
 * the outline crosses itself and no ear is left. A fan from the centroid
 * covers only star-shaped outlines: on any other (a hairline, a beard's
 * edge) it spills past the outline, in a straight edge with no fringe. */
static int ear_clip(const Vec2 *p, int n, float orient, int *out)
{
    if (n > DRAW_MAX_POINTS)
        return -1;
    int prev[DRAW_MAX_POINTS], next[DRAW_MAX_POINTS];
    bool reflex[DRAW_MAX_POINTS];
    for (int i = 0; i < n; i++) {
        prev[i] = (i + n - 1) % n;
        next[i] = (i + 1) % n;
    }
    for (int i = 0; i < n; i++) {
        Vec2 a = p[prev[i]], b = p[i], c = p[next[i]];
        reflex[i] = ((b.x - a.x) * (c.y - b.y) - (b.y - a.y) * (c.x - b.x)) * orient <= 0;
    }
    int left = n, count = 0, i = 0, tried = 0;
    while (left > 3) {
        if (tried > left)
            return -1;
        int ia = prev[i], ic = next[i];
        Vec2 a = p[ia], b = p[i], c = p[ic];
        float cr = ((b.x - a.x) * (c.y - b.y) - (b.y - a.y) * (c.x - b.x)) * orient;
        /* A point on a straight run (or a repeated one) goes at no cost. */
        bool ear = fabsf(cr) < 1e-4f;
        if (!ear && cr > 0) {
            ear = true;
            for (int k = next[ic]; k != ia && ear; k = next[k])
                if (reflex[k] && !same_point(p[k], a) && !same_point(p[k], b) && !same_point(p[k], c) &&
                    in_triangle(p[k], a, b, c, orient))
                    ear = false;
        }
        if (!ear) {
            i = next[i];
            tried++;
            continue;
        }
        if (fabsf(cr) >= 1e-4f) {
            out[count * 3] = ia;
            out[count * 3 + 1] = i;
            out[count * 3 + 2] = ic;
            count++;
        }
        next[ia] = ic;
        prev[ic] = ia;
        left--;
        for (int s = 0; s < 2; s++) { /* the neighbours' corners changed */
            int k = s ? ic : ia;
            Vec2 ka = p[prev[k]], kb = p[k], kc = p[next[k]];
            reflex[k] = ((kb.x - ka.x) * (kc.y - kb.y) - (kb.y - ka.y) * (kc.x - kb.x)) * orient <= 0;
        }
        i = ia;
        tried = 0;
    }
    out[count * 3] = prev[i];
    out[count * 3 + 1] = i;
    out[count * 3 + 2] = next[i];
    return count + 1;
}

/* Fill pixel-space polygon px[n] with per-vertex colours cols[n]: triangles
 * over the inset outline (a strip when convex, clipped ears otherwise), plus
 * a fringe fading outwards. */
static void fill_pixels(Draw *d, const Vec2 *px, const Color *cols, int n)
{
    if (n < 3 || !reserve(d, 2 * n + 1, 9 * n))
        return;
    float area = signed_area(px, n);
    if (fabsf(area) < 1e-4f)
        return;
    float orient = area > 0 ? 1.f : -1.f; /* outward normal sign */
    Vec2 centre = {0, 0};
    Color cc = {0, 0, 0, 0};
    float r = 0, g = 0, b = 0, a = 0;
    for (int i = 0; i < n; i++) {
        centre.x += px[i].x;
        centre.y += px[i].y;
        r += cols[i].r;
        g += cols[i].g;
        b += cols[i].b;
        a += cols[i].a;
    }
    centre.x /= n;
    centre.y /= n;
    cc = (Color){color_channel(r / n), color_channel(g / n), color_channel(b / n), color_channel(a / n)};
    int ic = vert(d, centre, cc);
    int base = d->nverts;
    for (int i = 0; i < n; i++) {
        Vec2 p0 = px[(i + n - 1) % n], p1 = px[i], p2 = px[(i + 1) % n];
        /* Edge normals pointing outwards (y down screen space). */
        Vec2 e0 = norm((Vec2){p1.x - p0.x, p1.y - p0.y});
        Vec2 e1 = norm((Vec2){p2.x - p1.x, p2.y - p1.y});
        Vec2 n0 = {e0.y * orient, -e0.x * orient};
        Vec2 n1 = {e1.y * orient, -e1.x * orient};
        Vec2 nm = norm((Vec2){n0.x + n1.x, n0.y + n1.y});
        float dotv = nm.x * n1.x + nm.y * n1.y;
        float miter = dotv > 0.25f ? 1.f / dotv : 4.f;
        float h = FRINGE * 0.5f * miter;
        Color co = cols[i];
        Color ct = co;
        ct.a = 0;
        vert(d, (Vec2){p1.x - nm.x * h, p1.y - nm.y * h}, co); /* inner */
        vert(d, (Vec2){p1.x + nm.x * h, p1.y + nm.y * h}, ct); /* outer */
    }
    bool strip = is_convex(px, n);
    int ears[3 * DRAW_MAX_POINTS];
    int nears = strip ? 0 : ear_clip(px, n, orient, ears);
    for (int k = 0; k < nears; k++)
        tri(d, base + 2 * ears[3 * k], base + 2 * ears[3 * k + 1], base + 2 * ears[3 * k + 2]);
    for (int i = 0; i < n; i++) {
        int j = (i + 1) % n;
        int in_i = base + 2 * i, out_i = in_i + 1;
        int in_j = base + 2 * j, out_j = in_j + 1;
        if (!strip && nears < 0) /* crossed outline: a fan, the best there is */
            tri(d, ic, in_i, in_j);
        tri(d, in_i, out_i, out_j);
        tri(d, in_i, out_j, in_j);
    }
    if (strip) {
        /* Convex: zig-zag down both sides from the top vertex. The triangles
         * become horizontal slabs instead of long slivers from the centre,
         * which matters for rasterisers that scan each triangle's bounding
         * box (SDL's software renderer). The centre vertex goes unused. */
        int top = 0;
        for (int i = 1; i < n; i++)
            if (px[i].y < px[top].y)
                top = i;
        /* The first step along one side only opens the strip. */
        int rt = (top + 1) % n, lt = top;
        for (int k = 0; k < n - 2; k++) {
            int nr = (rt + 1) % n, nl = (lt + n - 1) % n;
            if (px[nr].y <= px[nl].y) {
                tri(d, base + 2 * lt, base + 2 * rt, base + 2 * nr);
                rt = nr;
            } else {
                tri(d, base + 2 * lt, base + 2 * rt, base + 2 * nl);
                lt = nl;
            }
        }
    }
}

void draw_shape(Draw *d, const Vec2 *pts, int n, Color c)
{
    Vec2 px[DRAW_MAX_POINTS];
    Color cols[DRAW_MAX_POINTS];
    if (n > DRAW_MAX_POINTS)
        n = DRAW_MAX_POINTS;
    if (c.a == 0)
        return;
    for (int i = 0; i < n; i++) {
        px[i] = xform(d, pts[i]);
        cols[i] = c;
    }
    fill_pixels(d, px, cols, n);
}

void draw_shape_gradient(Draw *d, const Vec2 *pts, int n, Color top, Color bottom)
{
    Vec2 px[DRAW_MAX_POINTS];
    Color cols[DRAW_MAX_POINTS];
    if (n > DRAW_MAX_POINTS)
        n = DRAW_MAX_POINTS;
    float lo = 1e9f, hi = -1e9f;
    for (int i = 0; i < n; i++) {
        lo = fminf(lo, pts[i].y);
        hi = fmaxf(hi, pts[i].y);
    }
    float span = hi - lo > 1e-4f ? hi - lo : 1.f;
    for (int i = 0; i < n; i++) {
        px[i] = xform(d, pts[i]);
        cols[i] = color_mix(top, bottom, (pts[i].y - lo) / span);
    }
    fill_pixels(d, px, cols, n);
}

/* Sutherland-Hodgman: clip subject against one edge (a->b) of a convex
 * polygon; `inside_sign` says which side is inside. */
static int clip_edge(const Vec2 *in, int n, Vec2 *out, Vec2 a, Vec2 b, float inside_sign)
{
    int m = 0;
    for (int i = 0; i < n; i++) {
        Vec2 p = in[i], q = in[(i + 1) % n];
        float sp = ((b.x - a.x) * (p.y - a.y) - (b.y - a.y) * (p.x - a.x)) * inside_sign;
        float sq = ((b.x - a.x) * (q.y - a.y) - (b.y - a.y) * (q.x - a.x)) * inside_sign;
        if (sp >= 0 && m < DRAW_MAX_POINTS)
            out[m++] = p;
        if ((sp >= 0) != (sq >= 0) && m < DRAW_MAX_POINTS) {
            float t = sp / (sp - sq);
            out[m++] = (Vec2){p.x + (q.x - p.x) * t, p.y + (q.y - p.y) * t};
        }
    }
    return m;
}

void draw_shape_clipped(Draw *d, const Vec2 *pts, int n, const Vec2 *clip, int clip_n, Color c)
{
    Vec2 a[DRAW_MAX_POINTS], b[DRAW_MAX_POINTS];
    if (n > DRAW_MAX_POINTS || clip_n < 3)
        return;
    memcpy(a, pts, (size_t)n * sizeof *a);
    float sign = signed_area(clip, clip_n) > 0 ? 1.f : -1.f;
    for (int e = 0; e < clip_n && n > 0; e++) {
        n = clip_edge(a, n, b, clip[e], clip[(e + 1) % clip_n], sign);
        memcpy(a, b, (size_t)n * sizeof *a);
    }
    if (n >= 3)
        draw_shape(d, a, n, c);
}

void draw_shape_ramp(Draw *d, const Vec2 *pts, int n, Vec2 from, Vec2 to, Color c)
{
    Vec2 a[DRAW_MAX_POINTS], px[DRAW_MAX_POINTS];
    Color cols[DRAW_MAX_POINTS];
    Vec2 dir = {to.x - from.x, to.y - from.y};
    float len2 = dir.x * dir.x + dir.y * dir.y;
    if (n < 3 || n > DRAW_MAX_POINTS || len2 < 1e-6f || c.a == 0)
        return;
    /* Keep the part past the line through `from` (across the ramp), on
     * the side of `to`: there the alpha is linear in position, which the
     * rasteriser's per-vertex interpolation reproduces exactly. */
    Vec2 across = {from.x - dir.y, from.y + dir.x};
    float side = (across.x - from.x) * (to.y - from.y) - (across.y - from.y) * (to.x - from.x);
    int m = clip_edge(pts, n, a, from, across, side >= 0 ? 1.f : -1.f);
    if (m < 3)
        return;
    for (int i = 0; i < m; i++) {
        float t = ((a[i].x - from.x) * dir.x + (a[i].y - from.y) * dir.y) / len2;
        cols[i] = c;
        cols[i].a = (uint8_t)(c.a * (t < 0 ? 0 : t > 1 ? 1 : t) + 0.5f);
        px[i] = xform(d, a[i]);
    }
    fill_pixels(d, px, cols, m);
}

static int segments_for(const Draw *d, float rx, float ry)
{
    float px = (rx + ry) * xform_scale(d);
    int n = (int)(px * 0.9f);
    return n < 12 ? 12 : n > 120 ? 120 : n;
}

int draw_ellipse_points(Vec2 *out, int n, float cx, float cy, float rx, float ry, float rot)
{
    float c = cosf(rot), s = sinf(rot);
    for (int i = 0; i < n; i++) {
        float t = (float)i / n * 6.2831853f;
        float x = cosf(t) * rx, y = sinf(t) * ry;
        out[i] = (Vec2){cx + x * c - y * s, cy + x * s + y * c};
    }
    return n;
}

void draw_ellipse(Draw *d, float cx, float cy, float rx, float ry, float rot, Color c)
{
    Vec2 pts[DRAW_MAX_POINTS];
    int n = draw_ellipse_points(pts, segments_for(d, rx, ry), cx, cy, rx, ry, rot);
    draw_shape(d, pts, n, c);
}

void draw_circle(Draw *d, float cx, float cy, float r, Color c)
{
    draw_ellipse(d, cx, cy, r, r, 0, c);
}

void draw_glow(Draw *d, float cx, float cy, float r, Color c)
{
    /* The edge is transparent, so facets never show: keep the fan coarse. */
    int n = segments_for(d, r, r) / 2;
    n = n < 16 ? 16 : n > 40 ? 40 : n;
    if (!reserve(d, n + 1, 3 * n))
        return;
    Color edge = c;
    edge.a = 0;
    int ic = vert(d, xform(d, (Vec2){cx, cy}), c);
    int base = d->nverts;
    for (int i = 0; i < n; i++) {
        float t = (float)i / n * 6.2831853f;
        vert(d, xform(d, (Vec2){cx + cosf(t) * r, cy + sinf(t) * r}), edge);
    }
    for (int i = 0; i < n; i++)
        tri(d, ic, base + i, base + (i + 1) % n);
}

void draw_glow_ellipse(Draw *d, float cx, float cy, float rx, float ry, Color c)
{
    draw_push(d);
    draw_translate(d, cx, cy);
    draw_scale_by(d, 1.f, ry / rx);
    draw_glow(d, 0.f, 0.f, rx, c);
    draw_pop(d);
}

void draw_light_ellipse(Draw *d, float cx, float cy, float rx, float ry, Color c)
{
    /* Added, not blended: blending a nearly transparent colour rounds every
     * pixel down a little and leaves a dark ring where a glow ends. */
    draw_flush(d);
    d->mode = RASTER_ADD;
    draw_glow_ellipse(d, cx, cy, rx, ry, c);
    draw_flush(d);
    d->mode = RASTER_BLEND;
}

void draw_capsule(Draw *d, Vec2 a, Vec2 b, float ra, float rb, Color c)
{
    Vec2 pts[DRAW_MAX_POINTS];
    float dx = b.x - a.x, dy = b.y - a.y;
    float len = sqrtf(dx * dx + dy * dy);
    if (len < 1e-3f) {
        draw_circle(d, a.x, a.y, fmaxf(ra, rb), c);
        return;
    }
    float ang = atan2f(dy, dx);
    /* Tangent angle offset for circles of different radii. */
    float off = asinf(fmaxf(-0.99f, fminf(0.99f, (ra - rb) / len)));
    int half = segments_for(d, fmaxf(ra, rb), fmaxf(ra, rb)) / 2 + 2;
    if (half > DRAW_MAX_POINTS / 2)
        half = DRAW_MAX_POINTS / 2;
    int n = 0;
    /* Arc around b from ang - (pi/2 + off) to ang + (pi/2 + off). */
    float s0 = ang - (1.5707963f + off), s1 = ang + (1.5707963f + off);
    for (int i = 0; i < half; i++) {
        float t = s0 + (s1 - s0) * i / (half - 1);
        pts[n++] = (Vec2){b.x + cosf(t) * rb, b.y + sinf(t) * rb};
    }
    /* Arc around a, the other way round. */
    s0 = ang + (1.5707963f + off);
    s1 = ang + 6.2831853f - (1.5707963f + off);
    for (int i = 0; i < half; i++) {
        float t = s0 + (s1 - s0) * i / (half - 1);
        pts[n++] = (Vec2){a.x + cosf(t) * ra, a.y + sinf(t) * ra};
    }
    draw_shape(d, pts, n, c);
}

/* ---- strokes --------------------------------------------------------------- */

/* A stroke's points in output pixels, with the unit normal at each and the
 * width there (in output pixels) on a quadratic through (0, w0), (0.5,
 * wmid) and (1, w1) along the points. Returns how many (at most
 * DRAW_MAX_POINTS). */
static int stroke_frame(Draw *d, const Vec2 *pts, int n, float w0, float wmid, float w1, Vec2 *px, Vec2 *nn,
                        float *w)
{
    if (n > DRAW_MAX_POINTS)
        n = DRAW_MAX_POINTS;
    for (int i = 0; i < n; i++)
        px[i] = xform(d, pts[i]);
    float sc = xform_scale(d);
    for (int i = 0; i < n; i++) {
        Vec2 prev = px[i > 0 ? i - 1 : i], next = px[i < n - 1 ? i + 1 : i];
        Vec2 t = norm((Vec2){next.x - prev.x, next.y - prev.y});
        nn[i] = (Vec2){-t.y, t.x};
        float u = (float)i / (float)(n - 1);
        w[i] = (w0 * (1 - u) * (1 - 2 * u) + wmid * 4 * u * (1 - u) + w1 * u * (2 * u - 1)) * sc;
    }
    return n;
}

void draw_stroke_tapered(Draw *d, const Vec2 *pts, int n, float w0, float wmid, float w1, Color c)
{
    if (n < 2 || c.a == 0 || !reserve(d, 4 * n + 8, 18 * n + 24))
        return;
    Vec2 px[DRAW_MAX_POINTS], nns[DRAW_MAX_POINTS];
    float ws[DRAW_MAX_POINTS];
    n = stroke_frame(d, pts, n, w0, wmid, w1, px, nns, ws);
    int base = d->nverts;
    for (int i = 0; i < n; i++) {
        Vec2 nn = nns[i];
        float half = ws[i] * 0.5f;
        Color ci = c;
        if (half < 0.5f) { /* thinner than a pixel: fade instead of shrink */
            ci = color_alpha(c, fmaxf(half * 2.f, 0.f));
            half = 0.5f;
        }
        Color co = ci;
        co.a = 0;
        float hi = half - FRINGE * 0.5f, ho = half + FRINGE * 0.5f;
        if (hi < 0)
            hi = 0;
        vert(d, (Vec2){px[i].x + nn.x * ho, px[i].y + nn.y * ho}, co);
        vert(d, (Vec2){px[i].x + nn.x * hi, px[i].y + nn.y * hi}, ci);
        vert(d, (Vec2){px[i].x - nn.x * hi, px[i].y - nn.y * hi}, ci);
        vert(d, (Vec2){px[i].x - nn.x * ho, px[i].y - nn.y * ho}, co);
    }
    for (int i = 0; i + 1 < n; i++) {
        int a = base + 4 * i, b = a + 4;
        for (int k = 0; k < 3; k++) {
            tri(d, a + k, a + k + 1, b + k + 1);
            tri(d, a + k, b + k + 1, b + k);
        }
    }
    /* End caps: a short fade past each end so ends are soft too. */
    for (int end = 0; end < 2; end++) {
        int i = end ? n - 1 : 0;
        Vec2 o = px[end ? n - 2 : 1];
        Vec2 t = norm((Vec2){px[i].x - o.x, px[i].y - o.y});
        int a = base + 4 * i;
        SDL_Vertex *v = d->verts;
        int c0 = vert(d, (Vec2){v[a + 1].position.x + t.x * FRINGE, v[a + 1].position.y + t.y * FRINGE},
                      (Color){v[a + 1].color.r, v[a + 1].color.g, v[a + 1].color.b, 0});
        int c1 = vert(d, (Vec2){v[a + 2].position.x + t.x * FRINGE, v[a + 2].position.y + t.y * FRINGE},
                      (Color){v[a + 2].color.r, v[a + 2].color.g, v[a + 2].color.b, 0});
        tri(d, a + 1, c0, c1);
        tri(d, a + 1, c1, a + 2);
    }
}

void draw_stroke_soft(Draw *d, const Vec2 *pts, int n, float w0, float wmid, float w1, Color c)
{
    if (n < 3 || c.a == 0 || !reserve(d, 3 * n, 12 * n))
        return;
    Vec2 px[DRAW_MAX_POINTS], nns[DRAW_MAX_POINTS];
    float ws[DRAW_MAX_POINTS];
    n = stroke_frame(d, pts, n, w0, wmid, w1, px, nns, ws);
    int base = d->nverts;
    for (int i = 0; i < n; i++) {
        Vec2 nn = nns[i];
        /* At least a pixel and a half each side, or the softness is lost. */
        float half = fmaxf(ws[i] * 0.5f, 1.5f);
        Color ci = c, co = c;
        co.a = 0;
        if (i == 0 || i == n - 1) /* the ends fade out too */
            ci.a = 0;
        vert(d, (Vec2){px[i].x + nn.x * half, px[i].y + nn.y * half}, co);
        vert(d, px[i], ci);
        vert(d, (Vec2){px[i].x - nn.x * half, px[i].y - nn.y * half}, co);
    }
    for (int i = 0; i + 1 < n; i++) {
        int a = base + 3 * i, b = a + 3;
        for (int k = 0; k < 2; k++) {
            tri(d, a + k, a + k + 1, b + k + 1);
            tri(d, a + k, b + k + 1, b + k);
        }
    }
}

void draw_stroke(Draw *d, const Vec2 *pts, int n, float width, Color c)
{
    draw_stroke_tapered(d, pts, n, width, width, width, c);
}

/* ---- rectangles -------------------------------------------------------------- */

void draw_rect(Draw *d, float x, float y, float w, float h, Color c)
{
    const Affine *m = &d->stack[d->top];
    if (m->b == 0 && m->c == 0 && w * h * m->a * m->d * d->view_scale * d->view_scale > 65536.f) {
        /* Large axis-aligned rectangles (dimming, backdrops) go through
         * SDL's rectangle fill, many times faster than triangles in the
         * software renderer. Their edges land on whole pixels. */
        Vec2 a = xform(d, (Vec2){x, y}), b = xform(d, (Vec2){x + w, y + h});
        draw_flush(d);
        if (d->measuring) {
            see(d, a.x, a.y);
            see(d, b.x, b.y);
            return;
        }
        SDL_SetRenderDrawBlendMode(d->renderer, SDL_BLENDMODE_BLEND);
        SDL_SetRenderDrawColor(d->renderer, c.r, c.g, c.b, c.a);
        SDL_FRect r = {fminf(a.x, b.x), fminf(a.y, b.y), fabsf(b.x - a.x), fabsf(b.y - a.y)};
        SDL_RenderFillRectF(d->renderer, &r);
        return;
    }
    Vec2 p[4] = {{x, y}, {x + w, y}, {x + w, y + h}, {x, y + h}};
    draw_shape(d, p, 4, c);
}

void draw_rect_gradient(Draw *d, float x, float y, float w, float h, Color top, Color bottom)
{
    Vec2 p[4] = {{x, y}, {x + w, y}, {x + w, y + h}, {x, y + h}};
    draw_shape_gradient(d, p, 4, top, bottom);
}

static int rounded_rect_points(Vec2 *p, float x, float y, float w, float h, float r)
{
    const int seg = 8;
    r = fminf(r, fminf(w, h) * 0.5f);
    const Vec2 centres[4] = {{x + w - r, y + r}, {x + w - r, y + h - r}, {x + r, y + h - r}, {x + r, y + r}};
    int n = 0;
    for (int c = 0; c < 4; c++) {
        float a0 = -1.5707963f + c * 1.5707963f;
        for (int i = 0; i <= seg; i++) {
            float a = a0 + 1.5707963f * i / seg;
            Vec2 q = {centres[c].x + cosf(a) * r, centres[c].y + sinf(a) * r};
            /* A side of zero length (a pill: h == 2r) would repeat a point,
             * and a repeated point leaves a seam of double blending. */
            if (n > 0 && fabsf(q.x - p[n - 1].x) < 0.01f && fabsf(q.y - p[n - 1].y) < 0.01f)
                continue;
            p[n++] = q;
        }
    }
    if (n > 1 && fabsf(p[0].x - p[n - 1].x) < 0.01f && fabsf(p[0].y - p[n - 1].y) < 0.01f)
        n--;
    return n;
}

void draw_rounded_rect(Draw *d, float x, float y, float w, float h, float r, Color c)
{
    Vec2 p[40];
    int n = rounded_rect_points(p, x, y, w, h, r);
    draw_shape(d, p, n, c);
}

void draw_rounded_rect_outline(Draw *d, float x, float y, float w, float h, float r,
                               float width, Color c)
{
    Vec2 p[41];
    int n = rounded_rect_points(p, x, y, w, h, r);
    p[n++] = p[0];
    draw_stroke(d, p, n, width, c);
}

/* ---- curves ---------------------------------------------------------------- */

int draw_bezier_quad(Vec2 *out, int n, Vec2 p0, Vec2 p1, Vec2 p2)
{
    for (int i = 0; i < n; i++) {
        float t = n > 1 ? (float)i / (n - 1) : 0.f, u = 1 - t;
        out[i] = (Vec2){u * u * p0.x + 2 * u * t * p1.x + t * t * p2.x,
                        u * u * p0.y + 2 * u * t * p1.y + t * t * p2.y};
    }
    return n;
}

int draw_bezier_cubic(Vec2 *out, int n, Vec2 p0, Vec2 p1, Vec2 p2, Vec2 p3)
{
    for (int i = 0; i < n; i++) {
        float t = n > 1 ? (float)i / (n - 1) : 0.f, u = 1 - t;
        float a = u * u * u, b = 3 * u * u * t, c = 3 * u * t * t, e = t * t * t;
        out[i] = (Vec2){a * p0.x + b * p1.x + c * p2.x + e * p3.x, a * p0.y + b * p1.y + c * p2.y + e * p3.y};
    }
    return n;
}

void draw_measure_begin(Draw *d)
{
    draw_flush(d);
    d->measuring = true;
    d->seen[0] = d->seen[1] = INFINITY;
    d->seen[2] = d->seen[3] = -INFINITY;
}

bool draw_measure_end(Draw *d, Vec2 *top_left, Vec2 *bottom_right)
{
    draw_flush(d);
    d->measuring = false;
    if (!(d->seen[0] <= d->seen[2] && d->seen[1] <= d->seen[3]))
        return false;
    *top_left = (Vec2){d->seen[0], d->seen[1]};
    *bottom_right = (Vec2){d->seen[2], d->seen[3]};
    return true;
}
