/* Unsaid - look.c: default look and hair style names. */
#include "look.h"

#include <string.h>

static const char *const hair_names[HAIR_STYLE_COUNT] = {"short", "long", "bun", "curly", "bald"};

Look look_default(void)
{
    /* A warm mid skin tone, dark brown hair, a muted teal jumper: readable
     * against the quiet blue-grey places. */
    return (Look){
        .skin = 0xE0AC8A,
        .hair = 0x4A3228,
        .iris = 0x5B4030,
        .top = 0x4F7A7A,
        .accent = 0xE8DCC8,
        .lips = 0xB86E68,
        .hair_style = HAIR_SHORT,
        .body = {.height = 1.f, .build = 0.5f, .head = 1.f, .phase = 0.f},
    };
}

const char *look_hair_name(HairStyle s)
{
    return (s >= 0 && s < HAIR_STYLE_COUNT) ? hair_names[s] : "?";
}

int look_hair_find(const char *name)
{
    if (!name)
        return -1;
    for (int i = 0; i < HAIR_STYLE_COUNT; i++)
        if (strcmp(hair_names[i], name) == 0)
            return i;
    return -1;
}
