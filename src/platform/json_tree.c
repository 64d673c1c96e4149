/* Unsaid - json_tree.c: a JSON document in memory (see json_tree.h). */
#include "json_tree.h"

#include "persist.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define JSON_MAX_DEPTH 64

typedef struct {
    Arena *a;
    const char *s;
    size_t len, at;
    char *err;
    size_t errsize;
} Parser;

static bool fail(Parser *p, const char *what)
{
    if (p->err[0] == '\0')
        snprintf(p->err, p->errsize, "byte %zu: %s", p->at + 1, what);
    return false;
}

static void skip_space(Parser *p)
{
    while (p->at < p->len && strchr(" \t\r\n", p->s[p->at]) && p->s[p->at])
        p->at++;
}

static char peek(Parser *p)
{
    skip_space(p);
    return p->at < p->len ? p->s[p->at] : '\0';
}

/* Room for one more member or item. */
static bool grow(Arena *a, JsonNode *node)
{
    if (node->n < node->cap)
        return true;
    int cap = node->cap ? node->cap * 2 : 8;
    JsonNode **items = arena_alloc(a, (size_t)cap * sizeof *items);
    const char **keys = node->kind == JSON_OBJECT ? arena_alloc(a, (size_t)cap * sizeof *keys) : NULL;
    if (!items || (node->kind == JSON_OBJECT && !keys))
        return false;
    if (node->n) {
        memcpy(items, node->items, (size_t)node->n * sizeof *items);
        if (keys)
            memcpy(keys, node->keys, (size_t)node->n * sizeof *keys);
    }
    node->items = items;
    node->keys = keys;
    node->cap = cap;
    return true;
}

/* A string's contents, escapes kept; p->at is on the opening quote. */
static const char *parse_string(Parser *p)
{
    size_t start = ++p->at;
    while (p->at < p->len && p->s[p->at] != '"') {
        if ((unsigned char)p->s[p->at] < 0x20) {
            fail(p, "a control character inside a string");
            return NULL;
        }
        p->at += p->s[p->at] == '\\' ? 2 : 1;
    }
    if (p->at >= p->len) {
        fail(p, "a string without its closing quote");
        return NULL;
    }
    size_t n = p->at++ - start;
    char *out = arena_alloc(p->a, n + 1);
    if (out)
        memcpy(out, p->s + start, n);
    return out;
}

static JsonNode *parse_value(Parser *p, int depth);

/* An object or an array; p->at is on its opening bracket. */
static JsonNode *parse_container(Parser *p, int depth)
{
    bool object = p->s[p->at] == '{';
    char close = object ? '}' : ']';
    JsonNode *node = json_new(p->a, object ? JSON_OBJECT : JSON_ARRAY);
    p->at++;
    if (!node)
        return NULL;
    if (peek(p) == close) {
        p->at++;
        return node;
    }
    for (;;) {
        const char *key = NULL;
        if (object) {
            if (peek(p) != '"' || !(key = parse_string(p)))
                return fail(p, "expected a member name in quotes"), NULL;
            if (peek(p) != ':')
                return fail(p, "expected ':' after a member name"), NULL;
            p->at++;
        }
        JsonNode *value = parse_value(p, depth + 1);
        if (!value || !grow(p->a, node))
            return NULL;
        if (object)
            node->keys[node->n] = key;
        node->items[node->n++] = value;
        char c = peek(p);
        p->at++;
        if (c == close)
            return node;
        if (c != ',')
            return fail(p, object ? "expected ',' or '}'" : "expected ',' or ']'"), NULL;
    }
}

static JsonNode *parse_value(Parser *p, int depth)
{
    if (depth > JSON_MAX_DEPTH)
        return fail(p, "nested too deeply"), NULL;
    char c = peek(p);
    if (c == '{' || c == '[')
        return parse_container(p, depth);
    JsonNode *node = json_new(p->a, c == '"' ? JSON_STRING : JSON_LITERAL);
    if (!node)
        return NULL;
    if (c == '"') {
        node->text = parse_string(p);
        return node->text ? node : NULL;
    }
    size_t start = p->at;
    while (p->at < p->len && p->s[p->at] && strchr("+-.0123456789Eabcdefilnrstu", p->s[p->at]))
        p->at++;
    if (p->at == start)
        return fail(p, "expected a value"), NULL;
    char *text = arena_alloc(p->a, p->at - start + 1);
    if (!text)
        return NULL;
    memcpy(text, p->s + start, p->at - start);
    node->text = text;
    return node;
}

JsonNode *json_parse(Arena *a, const char *text, size_t len, char *err, size_t errsize)
{
    err[0] = '\0';
    Parser p = {a, text, len, 0, err, errsize};
    JsonNode *root = parse_value(&p, 0);
    if (root && peek(&p) != '\0')
        return fail(&p, "more after the document"), NULL;
    if (!root)
        fail(&p, "out of memory");
    return root;
}

JsonNode *json_new(Arena *a, JsonKind kind)
{
    JsonNode *node = arena_alloc(a, sizeof *node);
    if (node)
        node->kind = kind;
    return node;
}

/* s with JSON's escapes, in the arena. */
static char *escape(Arena *a, const char *s)
{
    size_t n = 1;
    for (const unsigned char *c = (const unsigned char *)s; *c; c++)
        n += *c < 0x20 ? 6 : *c == '"' || *c == '\\' ? 2 : 1;
    char *out = arena_alloc(a, n);
    if (!out)
        return NULL;
    char *o = out;
    for (const unsigned char *c = (const unsigned char *)s; *c; c++) {
        if (*c == '\n')
            o += sprintf(o, "\\n");
        else if (*c < 0x20)
            o += sprintf(o, "\\u%04x", *c);
        else {
            if (*c == '"' || *c == '\\')
                *o++ = '\\';
            *o++ = (char)*c;
        }
    }
    *o = '\0';
    return out;
}

JsonNode *json_string(Arena *a, const char *s)
{
    JsonNode *node = json_new(a, JSON_STRING);
    if (node && !(node->text = escape(a, s ? s : "")))
        return NULL;
    return node;
}

bool json_push(Arena *a, JsonNode *array, JsonNode *item)
{
    if (!item || !grow(a, array))
        return false;
    array->items[array->n++] = item;
    return true;
}

static int member(const JsonNode *object, const char *key, size_t keylen)
{
    for (int i = 0; object && object->kind == JSON_OBJECT && i < object->n; i++)
        if (strncmp(object->keys[i], key, keylen) == 0 && object->keys[i][keylen] == '\0')
            return i;
    return -1;
}

bool json_set(Arena *a, JsonNode *object, const char *key, JsonNode *value)
{
    int i = member(object, key, strlen(key));
    if (!value)
        return false;
    if (i >= 0) {
        object->items[i] = value;
        return true;
    }
    const char *k = escape(a, key);
    if (!k || !grow(a, object))
        return false;
    object->keys[object->n] = k;
    object->items[object->n++] = value;
    return true;
}

void json_remove(JsonNode *object, const char *key)
{
    int i = member(object, key, strlen(key));
    if (i < 0)
        return;
    memmove(object->keys + i, object->keys + i + 1, (size_t)(object->n - i - 1) * sizeof *object->keys);
    memmove(object->items + i, object->items + i + 1, (size_t)(object->n - i - 1) * sizeof *object->items);
    object->n--;
}

JsonNode *json_at(JsonNode *root, const char *pointer)
{
    JsonNode *node = root;
    for (const char *p = pointer; node && *p == '/';) {
        const char *name = p + 1;
        size_t n = strcspn(name, "/");
        p = name + n;
        if (node->kind == JSON_OBJECT) {
            int i = member(node, name, n);
            node = i >= 0 ? node->items[i] : NULL;
        } else if (node->kind == JSON_ARRAY) {
            char *end;
            long i = strtol(name, &end, 10);
            node = end == name + n && n > 0 && i >= 0 && i < node->n ? node->items[i] : NULL;
        } else {
            node = NULL;
        }
    }
    return node;
}

static void write_node(TextWriter *w, const JsonNode *node, int depth)
{
    if (node->kind != JSON_OBJECT && node->kind != JSON_ARRAY) {
        textio_printf(w, node->kind == JSON_STRING ? "\"%s\"" : "%s", node->text);
        return;
    }
    bool object = node->kind == JSON_OBJECT;
    textio_printf(w, "%c", object ? '{' : '[');
    for (int i = 0; i < node->n; i++) {
        textio_printf(w, "\n%*s", 2 * (depth + 1), "");
        if (object)
            textio_printf(w, "\"%s\": ", node->keys[i]);
        write_node(w, node->items[i], depth + 1);
        if (i + 1 < node->n)
            textio_printf(w, ",");
    }
    if (node->n)
        textio_printf(w, "\n%*s", 2 * depth, "");
    textio_printf(w, "%c", object ? '}' : ']');
}

char *json_write(const JsonNode *root, size_t *len)
{
    TextWriter w = {0};
    write_node(&w, root, 0);
    textio_printf(&w, "\n");
    return textio_take(&w, len);
}
