/* Unsaid - accessories.c: glasses, hearing aids and the wheelchair.
 *
 * What a look adds to a person. Glasses and hearing aids are drawn in the
 * head's frame as part of the face; the wheelchair on the canvas, first,
 * behind the whole body.
 */
#include "character_parts.h"

#include <math.h>

/* Thin frames, wide and tall enough to clear the lids at their widest
 * (AU5) and the cheek's bulge under a felt smile, with clear lenses: the
 * eyes behind must read as well as anyone's. The lamp's glint sits in the
 * lens's lower outer corner, never across the iris. */
void character_draw_glasses(Draw *d, const Vec2 *eye_c)
{
    Color frame = color_hex(0x2B2624), glint = color_rgba(255, 255, 255, 90);
    const float hw = 21.f, hh = 15.f, top = 16.f;
    for (int s = 0; s < 2; s++) {
        Vec2 c = eye_c[s];
        float out = s == 0 ? -1.f : 1.f;
        draw_rounded_rect_outline(d, c.x - hw, c.y - top, 2.f * hw, 2.f * hh, 10.f, 1.9f, frame);
        character_line3(d, v2(c.x + out * (hw - 9.f), c.y - top + 2.f * hh - 3.f),
                        v2(c.x + out * (hw - 4.5f), c.y - top + 2.f * hh - 4.5f),
                        v2(c.x + out * (hw - 3.f), c.y - top + 2.f * hh - 9.f), 0.5f, 1.6f, 0.5f, glint);
        character_line3(d, v2(c.x + out * hw, c.y - 8.f), v2(c.x + out * (hw + 8.f), c.y - 8.5f), v2(out * 57.f, c.y - 7.f),
                        1.9f, 1.8f, 1.6f, frame);
    }
    float mx = (eye_c[0].x + eye_c[1].x) * 0.5f, y = (eye_c[0].y + eye_c[1].y) * 0.5f;
    character_line3(d, v2(eye_c[0].x + hw, y - 5.f), v2(mx, y - 8.f), v2(eye_c[1].x - hw, y - 5.f), 1.9f, 1.7f,
                    1.9f, frame);
}

/* Behind-the-ear hearing aid, made to read as one even when the head is
 * small: a curved case hugging the back of the ear (drawn before the ear,
 * which overlaps its inner edge), and a hook and tube arching over the top
 * of the ear and down into it (drawn after). Both carry a dark outline so
 * they stand out on skin, on grey hair and on a pale sky. */
void character_draw_hearing_aid(Draw *d, float ex, float s, bool tube)
{
    Color body = color_hex(0x9FB2C6), line = color_hex(0x2C3846), shine = color_rgba(255, 255, 255, 170);
    Vec2 top = v2(ex + s * 7.f, -15.f), back = v2(ex + s * 15.5f, 0.f), foot = v2(ex + s * 10.f, 17.f);
    if (!tube) {
        character_line3(d, top, back, foot, 11.f, 12.f, 9.f, line);
        character_line3(d, top, back, foot, 7.f, 8.f, 5.f, body);
        character_line3(d, v2(top.x + s * 2.f, top.y + 3.f), v2(back.x + s * 0.5f, back.y - 4.f),
                        v2(back.x - s * 0.5f, back.y + 5.f), 0.6f, 2.f, 0.6f, shine);
    } else {
        /* Over the top of the ear and down into its bowl, which is the
         * part of the ear that shows beside the cheek. */
        Vec2 over = v2(ex + s * 5.f, -21.f), tip = v2(ex + s * 3.f, -1.f);
        character_line3(d, v2(top.x + s * 1.f, top.y + 1.f), over, tip, 4.4f, 4.f, 3.4f, line);
        character_line3(d, v2(top.x + s * 1.f, top.y + 1.f), over, tip, 2.4f, 2.1f, 1.6f, body);
        character_ellipse_outlined(d, tip.x, tip.y + 1.5f, 2.8f, 3.2f, 0.f, body, line, 1.6f);
    }
}

/* A wheelchair, seen from the front: push handles above the shoulders, the
 * backrest between them, and the big wheels at either side of the seat
 * (their tops show above a table). Drawn first, behind the whole body. */
void character_draw_wheelchair(Draw *d, const RigLayout *r)
{
    float S = r->scale;
    Color frame = color_hex(0x3A4350), frame_line = color_hex(0x22282F), tyre = color_hex(0x202328);
    Color rim = color_hex(0xA7B0BA), seat = color_hex(0x2E3640);
    float post_x = r->torso_w * 0.86f, top_y = fminf(r->shoulder[0].y, r->shoulder[1].y) - 52.f * S;
    draw_rounded_rect(d, r->hip.x - post_x, top_y + 20.f * S, post_x * 2.f, r->hip.y - top_y - 20.f * S, 10.f * S,
                      seat);
    for (int s = -1; s <= 1; s += 2) {
        float x = r->hip.x + s * post_x;
        character_capsule_outlined(d, v2(x, r->hip.y), v2(x, top_y), 6.f * S, 6.f * S, frame, frame_line, 2.f * S);
        character_capsule_outlined(d, v2(x, top_y), v2(x + s * 9.f * S, top_y + 3.f * S), 8.f * S, 8.f * S, tyre,
                                   frame_line, 2.f * S);
        /* Wheel: a tall ellipse (seen a little from the side), tyre, rim,
         * hand rim and a few spokes. */
        float wx = r->hip.x + s * (r->torso_w + 34.f * S), wy = r->hip.y + 6.f * S, R = 128.f * S, rx = R * 0.34f;
        character_ellipse_outlined(d, wx, wy, rx, R, 0.f, rim, tyre, 9.f * S);
        draw_ellipse(d, wx + s * 3.f * S, wy, rx * 0.72f, R * 0.86f, 0.f, color_hex(0x59626D));
        for (int k = 0; k < 3; k++) {
            float a = (float)k * PI / 3.f + 0.3f;
            Vec2 sp[2] = {v2(wx + cosf(a) * rx * 0.7f, wy + sinf(a) * R * 0.84f),
                          v2(wx - cosf(a) * rx * 0.7f, wy - sinf(a) * R * 0.84f)};
            draw_stroke(d, sp, 2, 2.f * S, rim);
        }
        character_circle(d, wx, wy, 7.f * S, frame);
        Vec2 hr[14];
        int hn = draw_ellipse_points(hr, 13, wx + s * 8.f * S, wy, rx * 0.9f, R * 0.9f, 0.f);
        hr[hn++] = hr[0];
        draw_stroke(d, hr, hn, 3.f * S, rim);
    }
}

/* How far the lids are shut: the idle blink (damped when blink_rate is
 * negative: a fixed stare), extra quick blinks when it is positive, and
 * AU43's slow, held close. Deterministic in t. */
