/* Unsaid - character.h: draws a person over a rig layout.
 *
 * The skeleton (joint positions) comes from the core's rig_layout(); this
 * module only paints skin, clothes, hair and the face onto it, reading the
 * pose's action units for the face. It never changes state.
 *
 * Characters are drawn in two layers so places can put furniture between
 * them: CHAR_LAYER_BODY (hair behind, torso, upper arms, neck, head, face)
 * and CHAR_LAYER_FRONT (forearms and hands), which goes over a table.
 */
#ifndef UNSAID_CHARACTER_H
#define UNSAID_CHARACTER_H

#include "body.h"
#include "content.h"
#include "draw.h"

typedef enum { CHAR_LAYER_BODY, CHAR_LAYER_FRONT } CharLayer;

/* t is the character's time in seconds (quick blinks, shimmer on tears,
 * wringing motion): in a scene, the rig's (rig->t), which a pause stops. */
void character_draw(Draw *d, const Look *look, const RigLayout *rig, const Pose *pose, double t,
                    CharLayer layer);

#endif
