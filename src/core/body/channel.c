/* Unsaid - channel.c */
#include "channel.h"

#include <string.h>

static const char *const names[CH_COUNT + 1] = {
    "face", "gaze", "head", "posture", "hands", "voice", "distance", NULL,
};

const char *channel_name(Channel c)
{
    return c >= 0 && c < CH_COUNT ? names[c] : "?";
}

int channel_find(const char *name)
{
    for (int i = 0; i < CH_COUNT; i++)
        if (strcmp(names[i], name) == 0)
            return i;
    return -1;
}

Region channel_region(Channel c)
{
    switch (c) {
    case CH_FACE:
    case CH_HEAD: return REGION_FACE;
    case CH_GAZE: return REGION_EYES;
    case CH_HANDS: return REGION_HANDS;
    case CH_VOICE: return REGION_VOICE;
    case CH_POSTURE:
    case CH_DISTANCE:
    default: return REGION_POSTURE;
    }
}

const char *const *channel_names(void)
{
    return names;
}
