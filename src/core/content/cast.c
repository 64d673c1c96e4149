/* Unsaid - cast.c */
#include "cast.h"

#include "cast_parse.h"
#include "registry_yaml.h"

#include <stdlib.h>
#include <string.h>

#define LOOK_KEYS                                                                                  \
    "skin", "hair", "hair_style", "iris", "top", "accent", "lips", "legs", "height", "build", "head", "phase", \
        "age", "beard", "glasses", "top_style", "wheelchair", "hearing_aid"

void cast_parse_look(YDoc *y, const yaml_node_t *n, const char *const *extra, Look *look)
{
    if (!yis_map(y, n, "a look"))
        return;
    const char *keys[32] = {LOOK_KEYS};
    int nk = 0;
    while (keys[nk])
        nk++;
    for (int i = 0; extra && extra[i] && nk < 31; i++)
        keys[nk++] = extra[i];
    keys[nk] = NULL;
    ymap_check_keys(y, n, keys);
    struct { const char *key; uint32_t *dst; } colours[] = {
        {"skin", &look->skin}, {"hair", &look->hair}, {"iris", &look->iris},
        {"top", &look->top},   {"accent", &look->accent}, {"lips", &look->lips},
        {"legs", &look->legs},
    };
    for (size_t i = 0; i < sizeof colours / sizeof colours[0]; i++) {
        yaml_node_t *v = ymap_get(y, n, colours[i].key);
        unsigned c;
        if (v && ycolor(y, v, colours[i].key, &c))
            *colours[i].dst = c;
    }
    yaml_node_t *v;
    const char *s;
    if ((v = ymap_get(y, n, "hair_style")) && (s = yscalar(y, v, "hair_style"))) {
        int h = look_hair_find(s);
        if (h < 0)
            yerr(y, v, "unknown hair_style '%s' (short, long, bun, curly or bald)", s);
        else
            look->hair_style = (HairStyle)h;
    }
    struct { const char *key; int (*find)(const char *); int *dst; const char *choices; } enums[] = {
        {"beard", look_beard_find, (int *)&look->beard, "none, stubble or full"},
        {"top_style", look_top_find, (int *)&look->top_style, "jumper, shirt, hoodie, cardigan or blouse"},
    };
    for (size_t i = 0; i < sizeof enums / sizeof enums[0]; i++) {
        if (!(v = ymap_get(y, n, enums[i].key)) || !(s = yscalar(y, v, enums[i].key)))
            continue;
        int k = enums[i].find(s);
        if (k < 0)
            yerr(y, v, "unknown %s '%s' (%s)", enums[i].key, s, enums[i].choices);
        else
            *enums[i].dst = k;
    }
    /* Age: a group name, or years (a number). */
    if ((v = ymap_get(y, n, "age")) && (s = yscalar(y, v, "age"))) {
        int a = look_age_find(s);
        char *end = NULL;
        double years = strtod(s, &end);
        if (a >= 0)
            look->age = (AgeGroup)a;
        else if (end != s && *end == '\0' && years >= 0.0 && years <= 120.0)
            look->age = look_age_from_years(years);
        else
            yerr(y, v, "unknown age '%s' (child, teen, adult, elder, or years from 0 to 120)", s);
    }
    struct { const char *key; bool *dst; } flags[] = {
        {"glasses", &look->glasses}, {"wheelchair", &look->wheelchair}, {"hearing_aid", &look->hearing_aid},
    };
    for (size_t i = 0; i < sizeof flags / sizeof flags[0]; i++) {
        bool b;
        if ((v = ymap_get(y, n, flags[i].key)) && ybool(y, v, flags[i].key, &b))
            *flags[i].dst = b;
    }
    double d;
    if ((v = ymap_get(y, n, "height")) && ynumber(y, v, "height", 0.5, 1.3, &d))
        look->body.height = (float)d;
    if ((v = ymap_get(y, n, "build")) && ynumber(y, v, "build", 0.0, 1.0, &d))
        look->body.build = (float)d;
    if ((v = ymap_get(y, n, "head")) && ynumber(y, v, "head", 0.7, 1.4, &d))
        look->body.head = (float)d;
    if ((v = ymap_get(y, n, "phase")) && ynumber(y, v, "phase", 0.0, 1.0, &d))
        look->body.phase = (float)d;
}

void cast_init(Cast *c)
{
    memset(c, 0, sizeof *c);
    registry_init(&c->reg, "look", NULL);
}

void cast_free(Cast *c)
{
    registry_free(&c->reg);
    arena_free(&c->arena);
    memset(c, 0, sizeof *c);
}

const CastEntry *cast_find(const Cast *c, const char *id)
{
    return c ? registry_item(&c->reg, id) : NULL;
}

bool cast_add(Cast *c, const PackScope *scope, const char *file, const char *buf, size_t len,
              DiagList *diags)
{
    int errors_before = diags->errors;
    YDoc y;
    if (!ydoc_load(&y, file, buf, len, diags)) {
        char id[65];
        if (ypeek_id(buf, len, id, sizeof id))
            registry_note_failed(&c->reg, id);
        return false;
    }
    yaml_node_t *root = ydoc_root(&y);
    static const char *const extra[] = {"id", "describe", NULL};
    Look look = look_default();
    const char *id = NULL, *describe = NULL;
    yaml_node_t *idn = NULL;
    if (yis_map(&y, root, "a look file")) {
        cast_parse_look(&y, root, extra, &look);
        idn = ymap_get(&y, root, "id");
        id = idn ? yscalar(&y, idn, "id") : NULL;
        if (!idn)
            yerr(&y, root, "missing required key 'id'");
        else if (id && !yid_valid(id, 1, 64))
            yerr(&y, idn, "look id '%s' may use only a-z, 0-9, _ and -", id);
        yaml_node_t *dn = ymap_get(&y, root, "describe");
        describe = dn ? yscalar(&y, dn, "describe") : NULL;
    }
    /* A look with errors is not added, but a clash of ids is still told. */
    if (id && diags->errors > errors_before) {
        registry_put_node(&c->reg, &y, idn, scope, id, NULL);
        registry_note_failed(&c->reg, id);
    } else if (id) {
        CastEntry *e = calloc(1, sizeof *e);
        if (e)
            *e = (CastEntry){arena_strdup(&c->arena, id), arena_strdup(&c->arena, describe), look};
        if (!e)
            yerr(&y, idn, "out of memory");
        else if (!registry_put_node(&c->reg, &y, idn, scope, id, e))
            free(e);
    }
    ydoc_free(&y);
    return diags->errors == errors_before;
}
