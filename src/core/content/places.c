/* Unsaid - places.c: place files -> shapes. */
#include "places.h"

#include "names.h"
#include "registry_yaml.h"

#include <stdlib.h>
#include <string.h>

static const char *const shape_names[SHAPE_COUNT + 1] = {
    "rect", "gradient", "ellipse", "glow", "polygon", "line", "twinkle", NULL,
};

/* Which keys each shape takes, and which it needs. */
static const char *const shape_keys[SHAPE_COUNT][10] = {
    [SHAPE_RECT] = {"shape", "rect", "corner", "color", "alpha", NULL},
    [SHAPE_GRADIENT] = {"shape", "rect", "top", "bottom", "alpha", NULL},
    [SHAPE_ELLIPSE] = {"shape", "at", "radius", "rotate", "color", "alpha", NULL},
    [SHAPE_GLOW] = {"shape", "at", "radius", "color", "alpha", NULL},
    [SHAPE_POLYGON] = {"shape", "points", "color", "top", "bottom", "alpha", NULL},
    [SHAPE_LINE] = {"shape", "points", "width", "color", "alpha", NULL},
    [SHAPE_TWINKLE] = {"shape", "at", "radius", "color", "alpha", "speed", "phase", NULL},
};
static const char *const shape_required[SHAPE_COUNT][4] = {
    [SHAPE_RECT] = {"rect", "color", NULL},
    [SHAPE_GRADIENT] = {"rect", "top", "bottom", NULL},
    [SHAPE_ELLIPSE] = {"at", "radius", "color", NULL},
    [SHAPE_GLOW] = {"at", "radius", "color", NULL},
    [SHAPE_POLYGON] = {"points", NULL},
    [SHAPE_LINE] = {"points", "color", NULL},
    [SHAPE_TWINKLE] = {"at", "radius", "color", NULL},
};

const char *places_shape_name(ShapeKind k)
{
    return names_of(shape_names, SHAPE_COUNT, (int)k, "?");
}

void places_init(Places *p)
{
    memset(p, 0, sizeof *p);
    registry_init(&p->reg, "place", NULL);
}

void places_free(Places *p)
{
    registry_free(&p->reg);
    arena_free(&p->arena);
    memset(p, 0, sizeof *p);
}

const PlaceDef *places_find(const Places *p, const char *id)
{
    return p ? registry_item(&p->reg, id) : NULL;
}

/* A list of n numbers ([x, y] or [x, y, w, h]) into out. */
static bool numbers(YDoc *y, const yaml_node_t *n, const char *what, int count, float *out)
{
    if (!n || n->type != YAML_SEQUENCE_NODE || yseq_len(n) != count) {
        if (n)
            yerr(y, n, "%s must be a list of %d numbers, like [%s]", what, count,
                 count == 2 ? "640, 300" : "0, 0, 1280, 720");
        return false;
    }
    for (int i = 0; i < count; i++) {
        double d;
        if (!ynumber(y, yseq_at(y, n, i), what, -10000, 10000, &d))
            return false;
        out[i] = (float)d;
    }
    return true;
}

/* A number, or a list of `max` numbers; fills every slot. */
static bool one_or_more(YDoc *y, const yaml_node_t *n, const char *what, int max, double lo, double hi,
                        float *out)
{
    double d;
    if (n->type == YAML_SCALAR_NODE) {
        if (!ynumber(y, n, what, lo, hi, &d))
            return false;
        for (int i = 0; i < max; i++)
            out[i] = (float)d;
        return true;
    }
    if (n->type != YAML_SEQUENCE_NODE || yseq_len(n) < 2 || yseq_len(n) > max) {
        yerr(y, n, "%s must be a number or a list of 2 to %d numbers", what, max);
        return false;
    }
    int k = yseq_len(n);
    for (int i = 0; i < k; i++) {
        if (!ynumber(y, yseq_at(y, n, i), what, lo, hi, &d))
            return false;
        out[i] = (float)d;
    }
    for (int i = k; i < max; i++) /* [w0, w1] -> w0, (w0+w1)/2, w1 */
        out[i] = out[k - 1];
    if (k == 2 && max == 3) {
        out[2] = out[1];
        out[1] = (out[0] + out[2]) * 0.5f;
    }
    return true;
}

static bool load_shape(Places *pl, YDoc *y, const yaml_node_t *n, PlaceShape *s)
{
    if (!yis_map(y, n, "a shape"))
        return false;
    memset(s, 0, sizeof *s);
    s->alpha = 1.f;
    yaml_node_t *kn = ymap_get(y, n, "shape");
    const char *kind = kn ? yscalar(y, kn, "shape") : NULL;
    if (!kn) {
        yerr(y, n, "a shape needs 'shape:' (rect, gradient, ellipse, glow, polygon, line or twinkle)");
        return false;
    }
    int k = -1;
    for (int i = 0; kind && i < SHAPE_COUNT; i++)
        if (strcmp(shape_names[i], kind) == 0)
            k = i;
    if (k < 0) {
        if (kind) {
            const char *sug = names_closest(kind, shape_names);
            yerr(y, kn, "unknown shape '%s'%s%s%s", kind, sug ? " (did you mean '" : "", sug ? sug : "",
                 sug ? "'?)" : " (rect, gradient, ellipse, glow, polygon, line or twinkle)");
        }
        return false;
    }
    s->kind = (ShapeKind)k;
    int errors = y->diags->errors;
    ymap_check_keys(y, n, shape_keys[k]);
    ymap_require(y, n, shape_required[k]);
    yaml_node_t *v;
    float f4[4];
    unsigned c;
    if ((v = ymap_get(y, n, "rect")) && numbers(y, v, "rect", 4, f4)) {
        s->x = f4[0];
        s->y = f4[1];
        s->w = f4[2];
        s->h = f4[3];
        if (s->w <= 0 || s->h <= 0)
            yerr(y, v, "a rect's width and height must be more than 0");
    }
    if ((v = ymap_get(y, n, "at")) && numbers(y, v, "at", 2, f4)) {
        s->x = f4[0];
        s->y = f4[1];
    }
    if ((v = ymap_get(y, n, "radius")) && one_or_more(y, v, "radius", 2, 0.1, 4000, f4)) {
        s->w = f4[0];
        s->h = f4[1];
    }
    double d;
    if ((v = ymap_get(y, n, "rotate")) && ynumber(y, v, "rotate", -360, 360, &d))
        s->rotate = (float)(d * 3.14159265358979 / 180.0);
    if ((v = ymap_get(y, n, "corner")) && ynumber(y, v, "corner", 0, 1000, &d))
        s->corner = (float)d;
    if ((v = ymap_get(y, n, "width")))
        one_or_more(y, v, "width", 3, 0.1, 500, s->width);
    else
        s->width[0] = s->width[1] = s->width[2] = 2.f;
    if ((v = ymap_get(y, n, "color")) && ycolor(y, v, "color", &c))
        s->color = c;
    yaml_node_t *top = ymap_get(y, n, "top"), *bottom = ymap_get(y, n, "bottom");
    if (top && ycolor(y, top, "top", &c))
        s->color = c;
    if (bottom && ycolor(y, bottom, "bottom", &c))
        s->bottom = c;
    s->gradient = s->kind == SHAPE_GRADIENT || (top && bottom);
    if (s->kind == SHAPE_POLYGON && !ymap_get(y, n, "color") && !(top && bottom))
        yerr(y, n, "a polygon needs a 'color', or 'top' and 'bottom' for a gradient");
    if ((v = ymap_get(y, n, "alpha")) && ynumber(y, v, "alpha", 0, 1, &d))
        s->alpha = (float)d;
    if ((v = ymap_get(y, n, "speed")) && ynumber(y, v, "speed", 0, 20, &d))
        s->speed = (float)d;
    if ((v = ymap_get(y, n, "phase")) && ynumber(y, v, "phase", -1000, 1000, &d))
        s->phase = (float)d;
    if ((v = ymap_get(y, n, "points")) && yis_seq(y, v, "points")) {
        int np = yseq_len(v);
        int min = s->kind == SHAPE_LINE ? 2 : 3;
        if (np < min || np > PLACE_MAX_POINTS) {
            yerr(y, v, "a %s needs %d to %d points", shape_names[k], min, PLACE_MAX_POINTS);
        } else {
            s->pts = arena_alloc(&pl->arena, sizeof(float) * 2 * (size_t)np);
            for (int i = 0; s->pts && i < np; i++)
                if (!numbers(y, yseq_at(y, v, i), "a point", 2, s->pts + 2 * i))
                    break;
            s->npts = np;
        }
    }
    return y->diags->errors == errors;
}

bool places_add(Places *p, const PackScope *scope, const char *file, const char *buf, size_t len,
                DiagList *diags)
{
    int errors_before = diags->errors;
    YDoc y;
    if (!ydoc_load(&y, file, buf, len, diags)) {
        char id[65];
        if (ypeek_id(buf, len, id, sizeof id))
            registry_note_failed(&p->reg, id);
        return false;
    }
    static const char *const keys[] = {"id", "describe", "ambience", "table_y", "stance", "back", "life", "front", NULL};
    static const char *const layer_keys[PLACE_LAYER_COUNT] = {"back", "life", "front"};
    PlaceDef def = {0};
    yaml_node_t *root = ydoc_root(&y), *idn = NULL;
    if (yis_map(&y, root, "a place file")) {
        ymap_check_keys(&y, root, keys);
        idn = ymap_get(&y, root, "id");
        const char *id = idn ? yscalar(&y, idn, "id") : NULL;
        if (!idn)
            yerr(&y, root, "missing required key 'id'");
        else if (id && !yid_valid(id, 1, 64))
            yerr(&y, idn, "place id '%s' may use only a-z, 0-9, _ and -", id);
        def.id = id;
        yaml_node_t *v = ymap_get(&y, root, "describe");
        def.describe = v ? yscalar(&y, v, "describe") : NULL;
        if ((v = ymap_get(&y, root, "ambience")) && (def.ambience = yscalar(&y, v, "ambience"))) {
            if (!yid_valid(def.ambience, 1, 64))
                yerr(&y, v, "ambience '%s' may use only a-z, 0-9, _ and - (1 to 64 of them) and no .ogg "
                     "or .wav: it names a file in the pack's sounds/ folder", def.ambience);
            def.ambience_line = (int)v->start_mark.line + 1;
            def.ambience_col = (int)v->start_mark.column + 1;
        }
        double d;
        def.table_y = -1;
        if ((v = ymap_get(&y, root, "table_y")) && ynumber(&y, v, "table_y", 0, 720, &d))
            def.table_y = (float)d;
        if ((v = ymap_get(&y, root, "stance"))) {
            const char *st = yscalar(&y, v, "stance");
            if (st && strcmp(st, "standing") == 0)
                def.standing = true;
            else if (st && strcmp(st, "side-on") == 0)
                def.side = true;
            else if (st && strcmp(st, "seated") != 0)
                yerr(&y, v, "stance '%s' is not one the game knows: write 'seated' (the default), 'side-on' "
                     "(seated side-on, as on a bench) or 'standing' (with table_y, at a counter)", st);
            if (def.side && def.table_y >= 0.f)
                yerr(&y, v, "stance 'side-on' is for a seat with nothing in front: leave out table_y");
        }
        if (!ymap_get(&y, root, "back"))
            yerr(&y, root, "a place needs a 'back' layer (at least one shape)");
        for (int l = 0; l < PLACE_LAYER_COUNT; l++) {
            yaml_node_t *list = ymap_get(&y, root, layer_keys[l]);
            if (!list || !yis_seq(&y, list, layer_keys[l]))
                continue;
            int n = yseq_len(list);
            if (n > PLACE_MAX_SHAPES) {
                yerr(&y, list, "a layer can have at most %d shapes", PLACE_MAX_SHAPES);
                n = PLACE_MAX_SHAPES;
            }
            def.shapes[l] = arena_alloc(&p->arena, sizeof(PlaceShape) * (size_t)(n ? n : 1));
            for (int i = 0; def.shapes[l] && i < n; i++)
                if (load_shape(p, &y, yseq_at(&y, list, i), &def.shapes[l][def.nshapes[l]]))
                    def.nshapes[l]++;
        }
    }
    /* A place with errors is not added, but a clash of ids is still told. */
    if (def.id && diags->errors > errors_before) {
        registry_put_node(&p->reg, &y, idn, scope, def.id, NULL);
        registry_note_failed(&p->reg, def.id);
    } else if (def.id) {
        PlaceDef *item = malloc(sizeof *item);
        def.id = arena_strdup(&p->arena, def.id);
        def.describe = arena_strdup(&p->arena, def.describe);
        def.ambience = arena_strdup(&p->arena, def.ambience);
        def.pack = arena_strdup(&p->arena, scope && scope->pack_id ? scope->pack_id : "");
        if (item)
            *item = def;
        if (!item)
            yerr(&y, idn, "out of memory");
        else if (!registry_put_node(&p->reg, &y, idn, scope, def.id, item))
            free(item);
    }
    bool ok = diags->errors == errors_before && def.id;
    ydoc_free(&y);
    return ok;
}
