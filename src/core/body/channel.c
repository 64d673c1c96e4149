/* Unsaid - channel.c */
#include "channel.h"

#include "names.h"

#include <stddef.h>

static const char *const names[CH_COUNT + 1] = {
    "face", "gaze", "head", "posture", "hands", "voice", "distance", "text", NULL,
};

const char *channel_name(Channel c)
{
    return names_of(names, CH_COUNT, (int)c, "?");
}

int channel_find(const char *name)
{
    return names_find(names, CH_COUNT, name);
}

Region channel_region(Channel c)
{
    switch (c) {
    case CH_FACE:
    case CH_HEAD: return REGION_FACE;
    case CH_GAZE: return REGION_EYES;
    case CH_HANDS: return REGION_HANDS;
    case CH_VOICE: return REGION_VOICE;
    case CH_TEXT: return REGION_TEXT;
    case CH_POSTURE:
    case CH_DISTANCE:
    default: return REGION_POSTURE;
    }
}

const char *const *channel_names(void)
{
    return names;
}
