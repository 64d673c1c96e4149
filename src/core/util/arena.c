/* Unsaid - arena.c */
#include "arena.h"

#include <stdlib.h>
#include <string.h>

#define ARENA_BLOCK 16384

struct ArenaBlock {
    ArenaBlock *next;
    size_t size, used;
    _Alignas(max_align_t) unsigned char data[];
};

void *arena_alloc(Arena *a, size_t size)
{
    const size_t align = _Alignof(max_align_t);
    size = (size + align - 1) & ~(align - 1);
    ArenaBlock *b = a->head;
    if (!b || b->size - b->used < size) {
        size_t cap = size > ARENA_BLOCK ? size : ARENA_BLOCK;
        b = malloc(sizeof *b + cap);
        if (!b)
            return NULL;
        b->size = cap;
        b->used = 0;
        b->next = a->head;
        a->head = b;
    }
    void *p = b->data + b->used;
    b->used += size;
    a->used_total += size;
    memset(p, 0, size);
    return p;
}

char *arena_strdup(Arena *a, const char *s)
{
    if (!s)
        return NULL;
    size_t n = strlen(s) + 1;
    char *p = arena_alloc(a, n);
    if (p)
        memcpy(p, s, n);
    return p;
}

void arena_free(Arena *a)
{
    ArenaBlock *b = a->head;
    while (b) {
        ArenaBlock *next = b->next;
        free(b);
        b = next;
    }
    a->head = NULL;
    a->used_total = 0;
}

void *arena_array_push(void **items, int *count, int *cap, size_t elem)
{
    if (*count == *cap) {
        int ncap = *cap ? *cap * 2 : 16;
        void *grown = realloc(*items, (size_t)ncap * elem);
        if (!grown)
            return NULL;
        *items = grown;
        *cap = ncap;
    }
    unsigned char *slot = (unsigned char *)*items + (size_t)(*count)++ * elem;
    memset(slot, 0, elem);
    return slot;
}
