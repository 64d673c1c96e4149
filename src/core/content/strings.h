/* Unsaid - strings.h: the words of the interface, as data.
 *
 * Every piece of interface text has a key ("title.play") and lives in a
 * pack's strings.yaml, so a pack can reword or translate the game. The base
 * pack defines every key; another pack may only replace keys that exist,
 * and only when its pack.yaml lists the key, or `strings` for all of them,
 * under overrides. Text may hold {placeholders} that the game fills in. */
#ifndef UNSAID_STRINGS_H
#define UNSAID_STRINGS_H

#include "arena.h"
#include "diag.h"
#include "registry.h"

#include <stdbool.h>
#include <stddef.h>

/* The words of each key, as UiString items by key in a registry
 * (registry.h has the rules). */
typedef struct {
    const char *key, *text;
} UiString;

typedef struct {
    Arena arena;
    Registry reg;
} Strings;

void strings_init(Strings *s);
void strings_free(Strings *s);
/* Add one pack's strings.yaml for scope's pack (NULL: a lone file).
 * `base` says whether new keys may be defined (only the base pack may);
 * another pack replaces keys it lists under overrides:, or all of them
 * with `strings`. */
bool strings_add(Strings *s, const PackScope *scope, const char *file, const char *buf, size_t len, bool base,
                 DiagList *diags);
/* The text for key, or the key itself when missing (so a gap shows). */
const char *strings_get(const Strings *s, const char *key);
/* The text for key, or NULL when missing. */
const char *strings_find(const Strings *s, const char *key);
/* Fill {name} placeholders: names[i] is replaced by values[i]. Unknown
 * placeholders stay as written. Always terminates out. */
void strings_fill(char *out, size_t size, const char *text, const char *const *names,
                  const char *const *values, int n);

#endif
