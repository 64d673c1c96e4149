/* Unsaid - body.h: the folder src/core/body, a person as numbers.
 *
 *   channel.h  the ways a body speaks: face, gaze, head, posture, hands,
 *              voice, distance
 *   region.h   the parts of a person a player can flag, and which
 *              channel shows on which part
 *   pose.h     the rig's parameters (action units, gaze, limbs, breath),
 *              one pose blended from many
 *   rig.h      the skeleton a pose gives on the 1280x720 canvas, and which
 *              region a point hits
 *
 * Contract: depends on util alone (names.h). Knows nothing of scenes or
 * packs: content describes cues in these terms, play moves the body
 * through a scene (timeline.h) and render draws the rig. Pure and
 * allocation-free. Code outside src/core includes this header only. */
#ifndef UNSAID_BODY_H
#define UNSAID_BODY_H

#include "channel.h"
#include "pose.h"
#include "region.h"
#include "rig.h"

#endif
