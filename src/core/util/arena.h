/* Unsaid - arena.h: a bump allocator for data that lives and dies together
 * (one loaded scene, one lexicon). Freeing the arena frees everything. */
#ifndef UNSAID_ARENA_H
#define UNSAID_ARENA_H

#include <stddef.h>

typedef struct ArenaBlock ArenaBlock;

typedef struct {
    ArenaBlock *head;
    size_t used_total;
} Arena;

/* Zeroed memory aligned for any type; NULL when out of memory. */
void *arena_alloc(Arena *a, size_t size);
/* Copy of s (NULL stays NULL). */
char *arena_strdup(Arena *a, const char *s);
void arena_free(Arena *a);

/* Make room for one more element in a growable array (*items, *count,
 * *cap), doubling as needed. Returns a zeroed slot and counts it, or NULL
 * when out of memory (the array is then unchanged). */
void *arena_array_push(void **items, int *count, int *cap, size_t elem);

#endif
