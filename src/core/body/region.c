/* Unsaid - region.c */
#include "region.h"

#include <string.h>

static const char *const region_names[REGION_COUNT] = {"eyes", "hands", "face", "posture", "voice"};

const char *region_name(Region r)
{
    return (r >= 0 && r < REGION_COUNT) ? region_names[r] : "none";
}

Region region_find(const char *name)
{
    if (!name)
        return REGION_NONE;
    for (int i = 0; i < REGION_COUNT; i++)
        if (strcmp(region_names[i], name) == 0)
            return (Region)i;
    return REGION_NONE;
}
