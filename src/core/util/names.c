/* Unsaid - names.c */
#include "names.h"

#include <string.h>

const char *names_of(const char *const *names, int count, int value, const char *none)
{
    return value >= 0 && value < count ? names[value] : none;
}

int names_find(const char *const *names, int count, const char *name)
{
    if (!name)
        return -1;
    for (int i = 0; i < count; i++)
        if (strcmp(names[i], name) == 0)
            return i;
    return -1;
}
