/* Unsaid - look.c: default look and the data names of its enums. */
#include "look.h"

#include "names.h"


static const char *const hair_names[HAIR_STYLE_COUNT] = {"short", "long", "bun", "curly", "bald"};
static const char *const age_names[AGE_COUNT] = {"child", "teen", "adult", "elder"};
static const char *const beard_names[BEARD_COUNT] = {"none", "stubble", "full"};
static const char *const top_names[TOP_STYLE_COUNT] = {"jumper", "shirt", "hoodie", "cardigan", "blouse"};

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
        .legs = 0x3A4150,
        .hair_style = HAIR_SHORT,
        .age = AGE_ADULT,
        .beard = BEARD_NONE,
        .top_style = TOP_JUMPER,
        .glasses = false,
        .wheelchair = false,
        .hearing_aid = false,
        .body = {.height = 1.f, .build = 0.5f, .head = 1.f, .phase = 0.f},
    };
}

const char *look_hair_name(HairStyle s)
{
    return names_of(hair_names, HAIR_STYLE_COUNT, (int)s, "?");
}

int look_hair_find(const char *name)
{
    return names_find(hair_names, HAIR_STYLE_COUNT, name);
}

const char *look_age_name(AgeGroup a)
{
    return names_of(age_names, AGE_COUNT, (int)a, "?");
}

int look_age_find(const char *name)
{
    return names_find(age_names, AGE_COUNT, name);
}

AgeGroup look_age_from_years(double years)
{
    return years < 13.0 ? AGE_CHILD : years < 20.0 ? AGE_TEEN : years < 65.0 ? AGE_ADULT : AGE_ELDER;
}

const char *look_beard_name(BeardStyle b)
{
    return names_of(beard_names, BEARD_COUNT, (int)b, "?");
}

int look_beard_find(const char *name)
{
    return names_find(beard_names, BEARD_COUNT, name);
}

const char *look_top_name(TopStyle t)
{
    return names_of(top_names, TOP_STYLE_COUNT, (int)t, "?");
}

int look_top_find(const char *name)
{
    return names_find(top_names, TOP_STYLE_COUNT, name);
}
