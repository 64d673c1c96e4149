/* Unsaid - look.h: how a character looks (data from the scene's character).
 *
 * Every field has a data name (see docs/scene-format.md section 7); the
 * enums' names are looked up with the look_*_find functions (-1 if unknown)
 * so look_parse can report a bad value with its file:line:col.
 */
#ifndef UNSAID_LOOK_H
#define UNSAID_LOOK_H

#include "rig.h"

#include <stdbool.h>
#include <stdint.h>

typedef enum {
    HAIR_SHORT,
    HAIR_LONG,
    HAIR_BUN,
    HAIR_CURLY,
    HAIR_BALD,
    HAIR_STYLE_COUNT
} HairStyle;

/* Age shapes the face: a child's features sit lower in a rounder face; an
 * elder's face has lines at the brow, eyes and mouth. */
typedef enum { AGE_CHILD, AGE_TEEN, AGE_ADULT, AGE_ELDER, AGE_COUNT } AgeGroup;

typedef enum { BEARD_NONE, BEARD_STUBBLE, BEARD_FULL, BEARD_COUNT } BeardStyle;

typedef enum { TOP_JUMPER, TOP_SHIRT, TOP_HOODIE, TOP_CARDIGAN, TOP_BLOUSE, TOP_STYLE_COUNT } TopStyle;

typedef struct {
    uint32_t skin;   /* 0xRRGGBB */
    uint32_t hair;
    uint32_t iris;
    uint32_t top;    /* shirt / jumper */
    uint32_t accent; /* collar, trim, the shirt under a cardigan */
    uint32_t lips;
    uint32_t legs;   /* trousers or skirt, seen in the lap */
    HairStyle hair_style;
    AgeGroup age;
    BeardStyle beard;
    TopStyle top_style;
    bool glasses;
    bool wheelchair;  /* seated in a wheelchair, drawn with the body */
    bool hearing_aid; /* behind-the-ear aids */
    RigBody body;
} Look;

/* A reasonable default look (used when a scene gives none). */
Look look_default(void);
/* Data names of the enums, and lookups (-1 if unknown). */
const char *look_hair_name(HairStyle s);
int look_hair_find(const char *name);
const char *look_age_name(AgeGroup a);
int look_age_find(const char *name);
/* An age in years as a group: under 13 child, under 20 teen, 65+ elder. */
AgeGroup look_age_from_years(double years);
const char *look_beard_name(BeardStyle b);
int look_beard_find(const char *name);
const char *look_top_name(TopStyle t);
int look_top_find(const char *name);

#endif
