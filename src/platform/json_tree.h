/* Unsaid - json_tree.h: a JSON document in memory, to edit and write back.
 *
 * Just enough for --write-schema: read one of docs/schema, change a few
 * members, write it again in the same layout (two spaces a level, one
 * member or item a line, a newline at the end). Strings keep their JSON
 * escapes exactly as read, so what is not changed is written back the
 * same; numbers, true, false and null keep their text. Every node lives
 * in the Arena it was made in. */
#ifndef UNSAID_JSON_TREE_H
#define UNSAID_JSON_TREE_H

#include "util.h"

#include <stdbool.h>
#include <stddef.h>

typedef enum { JSON_OBJECT, JSON_ARRAY, JSON_STRING, JSON_LITERAL } JsonKind;

typedef struct JsonNode JsonNode;
struct JsonNode {
    JsonKind kind;
    const char *text;  /* a string's contents, escaped as in JSON; a literal's text */
    const char **keys; /* an object's member names (escaped), in order */
    JsonNode **items;  /* an object's values, an array's items */
    int n, cap;
};

/* The document in text[0..len), or NULL with err filled ("byte 12: ..."). */
JsonNode *json_parse(Arena *a, const char *text, size_t len, char *err, size_t errsize);
/* An empty object or array. */
JsonNode *json_new(Arena *a, JsonKind kind);
/* A string holding s (any UTF-8; escaped here). */
JsonNode *json_string(Arena *a, const char *s);
/* Add item at the end of an array. False when out of memory. */
bool json_push(Arena *a, JsonNode *array, JsonNode *item);
/* Set an object's member key (plain text, no escapes): replaced where it
 * is, or added at the end. False when out of memory. */
bool json_set(Arena *a, JsonNode *object, const char *key, JsonNode *value);
/* Drop an object's member key, if it has one. */
void json_remove(JsonNode *object, const char *key);
/* The node at a JSON Pointer ("/properties/lines/items", "/oneOf/0"), or
 * NULL. Keys in the pointer are plain names without ~ escapes. */
JsonNode *json_at(JsonNode *root, const char *pointer);
/* The document as text, ending in a newline; malloc'd, NULL when out of
 * memory. */
char *json_write(const JsonNode *root, size_t *len);

#endif
