/* Unsaid - channel.h: the ways a person speaks without words (face, gaze,
 * head, posture, hands, voice, distance; and, in a chat, the text: when
 * and how the messages come). A cue belongs to one channel, and each
 * channel is noticed by flagging one region. */
#ifndef UNSAID_CHANNEL_H
#define UNSAID_CHANNEL_H

#include "region.h"

/* Where on the person a cue shows. */
typedef enum {
    CH_FACE,
    CH_GAZE,
    CH_HEAD,
    CH_POSTURE,
    CH_HANDS,
    CH_VOICE,
    CH_DISTANCE,
    CH_TEXT, /* a chat's timing and words, not the body (scene.h: chat scenes) */
    CH_COUNT
} Channel;

const char *channel_name(Channel c);       /* "face", or "?" */
int channel_find(const char *name);        /* -1 if unknown */
const char *const *channel_names(void);    /* every name, NULL-terminated */
/* The body region a player flags to notice a cue on this channel. */
Region channel_region(Channel c);

#endif
