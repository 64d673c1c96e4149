/* Unsaid - hands.c: hands, in every pose the lexicon uses.
 *
 * Drawn on the canvas at the rig's hand joint, in units scaled by the rig's
 * scale.
 */
#include "character_parts.h"

#include <math.h>

/* A hand in its own frame: +x along the fingers, thumb towards +y * ts. */
void character_draw_hand(Draw *d, const RigLayout *r, const Palette *p, int side, double t)
{
    float open = r->hand_open[side], palm = r->hand_palm[side];
    Vec2 h = v2(r->hand[side].x, r->hand[side].y);
    float ang = r->hand_angle[side];
    /* The thumb sits on the side towards the body's midline when we see the
     * back of the hand, and on the outside when the palm faces us. */
    Vec2 nrm = v2(-sinf(ang), cosf(ang));
    float towards_mid = (r->hip.x - h.x) * nrm.x;
    float ts = towards_mid >= 0.f ? 1.f : -1.f;
    if (palm > 0.5f)
        ts = -ts;
    Color skin = p->skin, line = p->skin_line;
    float lw = 2.2f;
    draw_push(d);
    draw_translate(d, h.x, h.y);
    draw_rotate(d, ang);
    draw_scale_by(d, r->scale * 1.12f, r->scale * 1.12f);
    (void)t;
    /* Thumb first when seen from the back, so the palm overlaps its root. */
    Vec2 t0 = v2(2.f, ts * 9.f);
    Vec2 t_open = v2(24.f, ts * 19.f), t_fist = v2(22.f, ts * 3.f);
    Vec2 t1 = lerp2(t_fist, t_open, open);
    if (palm < 0.5f)
        character_capsule_outlined(d, t0, t1, 6.5f, 5.f, skin, line, lw);
    /* Palm / back of the hand. */
    character_ellipse_outlined(d, 6.f, 0.f, 16.f, 14.5f, 0.f, skin, line, lw);
    /* Fingers: a mitten that shortens into a row of knuckles for a fist. */
    float flen = 4.f + 24.f * open;
    Vec2 f0 = v2(14.f, -ts * 1.f), f1 = v2(14.f + flen, -ts * 1.5f);
    character_capsule_outlined(d, f0, f1, 13.5f, 10.5f - 1.5f * (1.f - open), skin, line, lw);
    draw_ellipse(d, 8.f, 0.f, 13.f, 11.f, 0.f, skin); /* hide the seam */
    Color fl = color_alpha(line, 0.8f);
    if (open > 0.25f) {
        for (int k = -1; k <= 1; k++) {
            float y = k * 6.5f - ts * 1.2f;
            character_line3(d, v2(16.f + flen * 0.35f, y), v2(16.f + flen * 0.7f, y), v2(14.f + flen + 8.f, y), 0.3f,
                            1.4f, 0.6f, color_alpha(fl, clampf((open - 0.25f) * 2.f, 0.f, 1.f)));
        }
    } else {
        for (int k = -1; k <= 1; k++) { /* knuckle grooves */
            float y = k * 6.5f - ts * 1.2f;
            character_line3(d, v2(16.f, y), v2(20.f, y), v2(26.f, y), 0.3f, 1.3f, 0.3f, fl);
        }
        /* Knuckle highlights read as a clenched fist. */
        for (int k = -1; k <= 2; k++)
            character_circle(d, 13.f, k * 5.5f - 2.7f, 1.8f, color_rgba(255, 255, 255, 45));
    }
    if (palm >= 0.5f) {
        /* Palm lines and the thumb laid over the palm's side. */
        character_line3(d, v2(0.f, -8.f), v2(8.f, -2.f), v2(14.f, 8.f), 0.3f, 1.2f, 0.3f, color_alpha(line, 0.5f));
        character_capsule_outlined(d, t0, t1, 6.5f, 5.f, skin, line, lw);
    } else if (open < 0.4f) {
        /* A fist's thumb wraps across the front of the fingers. */
        character_capsule_outlined(d, v2(6.f, ts * 10.f), v2(20.f, ts * 2.f), 6.f, 5.f, skin, line, lw);
    }
    draw_pop(d);
}
