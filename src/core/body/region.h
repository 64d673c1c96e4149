/* Unsaid - region.h: the parts of a person a player can flag.
 *
 * Noticing, scoring, saves and the debrief all speak of regions; the rig
 * knows where each one is on the body (rig_hit_test), and a cue's channel
 * says which region notices it (channel_region). */
#ifndef UNSAID_REGION_H
#define UNSAID_REGION_H

/* Regions a player can flag. Order is the hit-test priority. */
typedef enum {
    REGION_NONE = -1,
    REGION_EYES = 0,
    REGION_HANDS,
    REGION_FACE,
    REGION_POSTURE,
    REGION_VOICE, /* not on the body: the speech box */
    REGION_TEXT,  /* not on the body: a chat's messages, on the phone */
    REGION_COUNT
} Region;

/* Data name of a region ("eyes", "hands", "face", "posture", "voice",
 * "text"), or "none". */
const char *region_name(Region r);
/* The region of that data name, or REGION_NONE. */
Region region_find(const char *name);

#endif
