/* Unsaid - region.c */
#include "region.h"

#include "names.h"


static const char *const region_names[REGION_COUNT] = {"eyes", "hands", "face", "posture", "voice", "text"};

const char *region_name(Region r)
{
    return names_of(region_names, REGION_COUNT, (int)r, "none");
}

Region region_find(const char *name)
{
    int i = names_find(region_names, REGION_COUNT, name);
    return i < 0 ? REGION_NONE : (Region)i;
}
