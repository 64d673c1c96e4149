/* Unsaid - look.h: how a character looks (data from the scene's character). */
#ifndef UNSAID_LOOK_H
#define UNSAID_LOOK_H

#include "rig.h"

#include <stdint.h>

typedef enum {
    HAIR_SHORT,
    HAIR_LONG,
    HAIR_BUN,
    HAIR_CURLY,
    HAIR_BALD,
    HAIR_STYLE_COUNT
} HairStyle;

typedef struct {
    uint32_t skin;   /* 0xRRGGBB */
    uint32_t hair;
    uint32_t iris;
    uint32_t top;    /* shirt / jumper */
    uint32_t accent; /* collar, trim */
    uint32_t lips;
    HairStyle hair_style;
    RigBody body;
} Look;

/* A reasonable default look (used when a scene gives none). */
Look look_default(void);
/* Data name of a hair style, and lookup (-1 if unknown). */
const char *look_hair_name(HairStyle s);
int look_hair_find(const char *name);

#endif
