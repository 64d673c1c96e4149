/* Unsaid - slurp.h: read a whole file for the tests and benchmarks. */
#ifndef UNSAID_SLURP_H
#define UNSAID_SLURP_H

#include <stdio.h>
#include <stdlib.h>

/* The file's bytes, NUL-terminated, or NULL; free with free(). */
static inline char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *b = n >= 0 ? malloc((size_t)n + 1) : NULL;
    if (b && fread(b, 1, (size_t)n, f) == (size_t)n) {
        b[n] = '\0';
        *len = (size_t)n;
    } else {
        free(b);
        b = NULL;
    }
    fclose(f);
    return b;
}

#endif
