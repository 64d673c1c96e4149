/* Unsaid - pack.c */
#include "pack.h"

#include "yamlutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

bool pack_semver_parse(const char *s, SemVer *out)
{
    int v[3] = {0, 0, 0};
    const char *p = s;
    for (int i = 0; i < 3; i++) {
        if (*p < '0' || *p > '9' || (*p == '0' && p[1] >= '0' && p[1] <= '9'))
            return false;
        long n = 0;
        while (*p >= '0' && *p <= '9') {
            n = n * 10 + (*p++ - '0');
            if (n > 999999)
                return false;
        }
        v[i] = (int)n;
        if (i < 2 && *p++ != '.')
            return false;
    }
    if (*p && *p != '-' && *p != '+')
        return false;
    *out = (SemVer){v[0], v[1], v[2]};
    return true;
}

int pack_semver_cmp(SemVer a, SemVer b)
{
    if (a.major != b.major)
        return a.major < b.major ? -1 : 1;
    if (a.minor != b.minor)
        return a.minor < b.minor ? -1 : 1;
    if (a.patch != b.patch)
        return a.patch < b.patch ? -1 : 1;
    return 0;
}

/* One comparator ("^1.2.0"); NULL range pieces are not valid. */
static bool comparator(const char *c, SemVer v, bool *ok)
{
    *ok = false;
    if (strcmp(c, "*") == 0) {
        *ok = true;
        return true;
    }
    char op[3] = "";
    int n = 0;
    while (n < 2 && (c[n] == '>' || c[n] == '<' || c[n] == '=' || c[n] == '^' || c[n] == '~')) {
        op[n] = c[n];
        n++;
    }
    op[n] = '\0';
    SemVer w;
    if (!pack_semver_parse(c + n, &w))
        return false;
    int cmp = pack_semver_cmp(v, w);
    *ok = true;
    if (n == 0 || strcmp(op, "=") == 0)
        return cmp == 0;
    if (strcmp(op, ">") == 0)
        return cmp > 0;
    if (strcmp(op, ">=") == 0)
        return cmp >= 0;
    if (strcmp(op, "<") == 0)
        return cmp < 0;
    if (strcmp(op, "<=") == 0)
        return cmp <= 0;
    if (strcmp(op, "^") == 0)
        return cmp >= 0 && v.major == w.major;
    if (strcmp(op, "~") == 0)
        return cmp >= 0 && v.major == w.major && v.minor == w.minor;
    *ok = false;
    return false;
}

/* Walk the space-separated comparators; every one must be well formed. */
static bool range_eval(const char *range, SemVer v, bool *valid)
{
    char buf[128];
    bool all = true;
    *valid = false;
    if (!range || strlen(range) >= sizeof buf)
        return false;
    snprintf(buf, sizeof buf, "%s", range);
    int count = 0;
    for (char *save = NULL, *tok = strtok_r(buf, " ", &save); tok; tok = strtok_r(NULL, " ", &save)) {
        bool ok;
        if (!comparator(tok, v, &ok))
            all = false;
        if (!ok)
            return false;
        count++;
    }
    *valid = count > 0;
    return *valid && all;
}

bool pack_range_valid(const char *range)
{
    bool valid;
    range_eval(range, (SemVer){0, 0, 0}, &valid);
    return valid;
}

bool pack_range_allows(const char *range, SemVer v)
{
    bool valid;
    return range_eval(range, v, &valid);
}

/* ---- the manifest ---------------------------------------------------------- */

typedef struct {
    PackManifest *m;
    YDoc *y;
} Ctx;

static const char *str(Ctx *c, const yaml_node_t *map, const char *key, size_t max)
{
    yaml_node_t *n = ymap_get(c->y, map, key);
    const char *s = n ? yscalar(c->y, n, key) : NULL;
    if (s && strlen(s) > max) {
        yerr(c->y, n, "%s is too long (at most %zu characters)", key, max);
        return NULL;
    }
    return s ? arena_strdup(&c->m->arena, s) : NULL;
}

/* SPDX licence ids are letters, digits, '.', '-' and '+' (e.g. CC-BY-4.0). */
static bool valid_spdx(const char *s)
{
    if (!*s)
        return false;
    for (; *s; s++)
        if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') || (*s >= '0' && *s <= '9') ||
              *s == '.' || *s == '-' || *s == '+'))
            return false;
    return true;
}

/* BCP 47 in the common shape: a 2-3 letter language, then optional
 * subtags of 1-8 letters or digits ("en", "pt-BR", "zh-Hant-TW"). */
static bool valid_bcp47(const char *s)
{
    size_t n = 0;
    while (s[n] >= 'a' && s[n] <= 'z')
        n++;
    if (n < 2 || n > 3)
        return false;
    s += n;
    while (*s == '-') {
        s++;
        n = 0;
        while ((s[n] >= 'a' && s[n] <= 'z') || (s[n] >= 'A' && s[n] <= 'Z') || (s[n] >= '0' && s[n] <= '9'))
            n++;
        if (n < 1 || n > 8)
            return false;
        s += n;
    }
    return *s == '\0';
}

/* A list of ids (plain "id" or {id: x, version: range}). */
static PackRef *refs(Ctx *c, const yaml_node_t *list, const char *what, bool versions, int *count)
{
    *count = 0;
    if (!list || !yis_seq(c->y, list, what))
        return NULL;
    int n = yseq_len(list);
    PackRef *out = arena_alloc(&c->m->arena, sizeof(PackRef) * (size_t)(n ? n : 1));
    for (int i = 0; out && i < n; i++) {
        yaml_node_t *item = yseq_at(c->y, list, i);
        PackRef r = {NULL, "*", (int)item->start_mark.line + 1, (int)item->start_mark.column + 1};
        if (versions && item->type == YAML_MAPPING_NODE) {
            static const char *const keys[] = {"id", "version", NULL};
            ymap_check_keys(c->y, item, keys);
            r.id = str(c, item, "id", PACK_ID_MAX);
            const char *v = str(c, item, "version", 100);
            if (v) {
                if (!pack_range_valid(v))
                    yerr(c->y, ymap_get(c->y, item, "version"),
                         "'%s' is not a version range (try \">=1.0.0\" or \"^1.2.0\")", v);
                else
                    r.range = v;
            }
            if (!r.id)
                yerr(c->y, item, "a dependency needs an 'id'");
        } else {
            const char *s = yscalar(c->y, item, what);
            r.id = s ? arena_strdup(&c->m->arena, s) : NULL;
        }
        if (r.id)
            out[(*count)++] = r;
    }
    return out;
}

static void chapters(Ctx *c, const yaml_node_t *list)
{
    PackManifest *m = c->m;
    if (!yis_seq(c->y, list, "chapters"))
        return;
    int n = yseq_len(list);
    m->chapters = arena_alloc(&m->arena, sizeof(PackChapter) * (size_t)(n ? n : 1));
    for (int i = 0; m->chapters && i < n; i++) {
        yaml_node_t *ch = yseq_at(c->y, list, i);
        if (!yis_map(c->y, ch, "a chapter"))
            continue;
        static const char *const keys[] = {"id", "title", "scenes", NULL};
        ymap_check_keys(c->y, ch, keys);
        ymap_require(c->y, ch, keys);
        PackChapter *out = &m->chapters[m->nchapters];
        out->id = str(c, ch, "id", 64);
        out->title = str(c, ch, "title", 120);
        out->line = (int)ch->start_mark.line + 1;
        out->col = (int)ch->start_mark.column + 1;
        yaml_node_t *sc = ymap_get(c->y, ch, "scenes");
        out->scenes = refs(c, sc, "scenes", false, &out->nscenes);
        if (sc && out->nscenes == 0 && sc->type == YAML_SEQUENCE_NODE)
            yerr(c->y, sc, "a chapter needs at least one scene");
        if (out->id && out->title)
            m->nchapters++;
    }
}

bool pack_manifest_load(PackManifest *m, const char *file, const char *buf, size_t len, DiagList *diags)
{
    memset(m, 0, sizeof *m);
    int errors_before = diags->errors;
    m->file = arena_strdup(&m->arena, file);
    YDoc y;
    if (!ydoc_load(&y, file, buf, len, diags))
        return false;
    Ctx c = {m, &y};
    yaml_node_t *root = ydoc_root(&y);
    static const char *const keys[] = {"id", "title", "version", "format", "game", "authors", "license",
                                       "language", "description", "dependencies", "overrides",
                                       "chapters", NULL};
    static const char *const required[] = {"id", "title", "version", "format", "game", "authors",
                                           "license", "language", NULL};
    if (yis_map(&y, root, "pack.yaml")) {
        ymap_check_keys(&y, root, keys);
        ymap_require(&y, root, required);
        yaml_node_t *v;
        m->id = str(&c, root, "id", 200);
        if (m->id && !yid_valid(m->id, PACK_ID_MIN, PACK_ID_MAX))
            yerr(&y, ymap_get(&y, root, "id"),
                 "pack id '%s' must be %d to %d characters of a-z, 0-9, _ and -", m->id, PACK_ID_MIN,
                 PACK_ID_MAX);
        m->title = str(&c, root, "title", 120);
        m->version = str(&c, root, "version", 64);
        if (m->version && !pack_semver_parse(m->version, &m->semver))
            yerr(&y, ymap_get(&y, root, "version"),
                 "version '%s' must look like 1.0.0 (major.minor.patch)", m->version);
        double d;
        if ((v = ymap_get(&y, root, "format")) && ynumber(&y, v, "format", 1, 1000, &d)) {
            m->format = (int)d;
            if (d != (double)m->format)
                yerr(&y, v, "format must be a whole number");
            else if (m->format > PACK_FORMAT)
                yerr(&y, v, "this pack needs format %d, but this version of the game reads format %d; "
                     "update the game", m->format, PACK_FORMAT);
        }
        m->game = str(&c, root, "game", 100);
        if ((v = ymap_get(&y, root, "game"))) {
            m->game_line = (int)v->start_mark.line + 1;
            m->game_col = (int)v->start_mark.column + 1;
        }
        if (m->game && !pack_range_valid(m->game))
            yerr(&y, ymap_get(&y, root, "game"),
                 "'%s' is not a version range (try \">=0.1.0\")", m->game);
        if ((v = ymap_get(&y, root, "authors")) && yis_seq(&y, v, "authors")) {
            int n = yseq_len(v);
            m->authors = arena_alloc(&m->arena, sizeof(char *) * (size_t)(n ? n : 1));
            for (int i = 0; m->authors && i < n; i++) {
                const char *a = yscalar(&y, yseq_at(&y, v, i), "an author");
                if (a)
                    m->authors[m->nauthors++] = arena_strdup(&m->arena, a);
            }
            if (n == 0)
                yerr(&y, v, "name at least one author");
        }
        m->license = str(&c, root, "license", 64);
        if (m->license && !valid_spdx(m->license))
            yerr(&y, ymap_get(&y, root, "license"),
                 "license '%s' should be an SPDX id such as CC-BY-4.0 or CC0-1.0", m->license);
        m->language = str(&c, root, "language", 35);
        if (m->language && !valid_bcp47(m->language))
            yerr(&y, ymap_get(&y, root, "language"),
                 "language '%s' should be a language tag such as en, fr or pt-BR", m->language);
        m->description = str(&c, root, "description", 2000);
        if ((v = ymap_get(&y, root, "dependencies")) && yis_map(&y, v, "dependencies")) {
            static const char *const dkeys[] = {"required", "optional", "incompatible", NULL};
            ymap_check_keys(&y, v, dkeys);
            m->required = refs(&c, ymap_get(&y, v, "required"), "required", true, &m->nrequired);
            m->optional = refs(&c, ymap_get(&y, v, "optional"), "optional", true, &m->noptional);
            m->incompatible = refs(&c, ymap_get(&y, v, "incompatible"), "incompatible", true,
                                   &m->nincompatible);
        }
        m->overrides = refs(&c, ymap_get(&y, root, "overrides"), "overrides", false, &m->noverrides);
        if ((v = ymap_get(&y, root, "chapters")))
            chapters(&c, v);
    }
    ydoc_free(&y);
    return diags->errors == errors_before;
}

void pack_manifest_free(PackManifest *m)
{
    arena_free(&m->arena);
    memset(m, 0, sizeof *m);
}

bool pack_overrides(const PackManifest *m, const char *id)
{
    for (int i = 0; i < m->noverrides; i++)
        if (strcmp(m->overrides[i].id, id) == 0)
            return true;
    return false;
}
