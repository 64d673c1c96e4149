/* Unsaid - strings.c */
#include "strings.h"

#include "registry_yaml.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define STRING_MAX 600

void strings_init(Strings *s)
{
    memset(s, 0, sizeof *s);
    registry_init(&s->reg, "interface text", NULL);
    s->reg.all_key = "strings";
}

void strings_free(Strings *s)
{
    registry_free(&s->reg);
    arena_free(&s->arena);
    memset(s, 0, sizeof *s);
}

static const UiString *find(const Strings *s, const char *key)
{
    return s ? registry_item(&s->reg, key) : NULL;
}

const char *strings_find(const Strings *s, const char *key)
{
    const UiString *u = find(s, key);
    return u ? u->text : NULL;
}

const char *strings_get(const Strings *s, const char *key)
{
    const UiString *u = find(s, key);
    return u ? u->text : key;
}

bool strings_add(Strings *s, const PackScope *scope, const char *file, const char *buf, size_t len, bool base,
                 DiagList *diags)
{
    int errors_before = diags->errors;
    YDoc y;
    if (!ydoc_load(&y, file, buf, len, diags))
        return false;
    yaml_node_t *root = ydoc_root(&y), *map = NULL;
    static const char *const keys[] = {"strings", NULL};
    if (yis_map(&y, root, "strings.yaml")) {
        ymap_check_keys(&y, root, keys);
        map = ymap_get(&y, root, "strings");
        if (!map)
            yerr(&y, root, "missing required key 'strings'");
    }
    int n = map && yis_map(&y, map, "strings") ? ymap_len(map) : 0;
    for (int i = 0; i < n; i++) {
        yaml_node_t *k = ymap_key_at(&y, map, i), *v = ymap_value_at(&y, map, i);
        const char *key = yscalar(&y, k, "a string's key");
        const char *text = yscalar(&y, v, "a string's text");
        if (!key || !text)
            continue;
        if (strlen(text) > STRING_MAX) {
            yerr(&y, v, "'%s' is too long (at most %d bytes)", key, STRING_MAX);
            continue;
        }
        if (!base && !find(s, key)) {
            ywarn(&y, k, "the game has no interface text called '%s'; it is ignored", key);
            continue;
        }
        UiString *u = malloc(sizeof *u);
        if (!u) {
            yerr(&y, k, "out of memory");
            break;
        }
        *u = (UiString){arena_strdup(&s->arena, key), arena_strdup(&s->arena, text)};
        if (!registry_put_node(&s->reg, &y, k, scope, key, u))
            free(u);
    }
    ydoc_free(&y);
    return diags->errors == errors_before;
}

void strings_fill(char *out, size_t size, const char *text, const char *const *names,
                  const char *const *values, int n)
{
    size_t o = 0;
    if (size == 0)
        return;
    for (const char *p = text; *p && o + 1 < size;) {
        bool done = false;
        if (*p == '{') {
            for (int i = 0; i < n && !done; i++) {
                size_t l = strlen(names[i]);
                if (strncmp(p + 1, names[i], l) == 0 && p[1 + l] == '}') {
                    int w = snprintf(out + o, size - o, "%s", values[i] ? values[i] : "");
                    o += w < 0 ? 0 : (size_t)w < size - o ? (size_t)w : size - o - 1;
                    p += l + 2;
                    done = true;
                }
            }
        }
        if (!done)
            out[o++] = *p++;
    }
    out[o] = '\0';
}
