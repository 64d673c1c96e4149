/* Unsaid - input.h: one tick's input, the only thing the game reads.
 *
 * The platform turns SDL events into these; replays store them as text.
 * Mouse positions are whole canvas (1280x720 logical) pixels so replays are
 * exact whatever the window size. */
#ifndef UNSAID_INPUT_H
#define UNSAID_INPUT_H

#include <stdbool.h>
#include <stdint.h>

/* The canvas every position is measured on, whatever the window's size. */
#define INPUT_CANVAS_W 1280
#define INPUT_CANVAS_H 720

#define INPUT_ACTIONS(X)                                                      \
    X(ACT_UP, "up")                                                           \
    X(ACT_DOWN, "down")                                                       \
    X(ACT_LEFT, "left")                                                       \
    X(ACT_RIGHT, "right")                                                     \
    X(ACT_CONFIRM, "confirm")                                                 \
    X(ACT_BACK, "back")                                                       \
    X(ACT_1, "1")                                                             \
    X(ACT_2, "2")                                                             \
    X(ACT_3, "3")                                                             \
    X(ACT_4, "4")                                                             \
    X(ACT_FLAG_EYES, "flag_eyes")                                             \
    X(ACT_FLAG_FACE, "flag_face")                                             \
    X(ACT_FLAG_HANDS, "flag_hands")                                           \
    X(ACT_FLAG_POSTURE, "flag_posture")                                       \
    X(ACT_FLAG_VOICE, "flag_voice")                                           \
    X(ACT_5, "5")                                                             \
    X(ACT_PAUSE, "pause")                                                     \
    X(ACT_HINT, "hint")                                                       \
    X(ACT_RELOAD, "reload")                                                   \
    X(ACT_FLAG_TEXT, "flag_text")

typedef enum {
#define INPUT_ENUM(e, name) e,
    INPUT_ACTIONS(INPUT_ENUM)
#undef INPUT_ENUM
    ACT_COUNT
} Action;

/* TickInput.pressed and replays hold actions as bits (1u << Action). */
_Static_assert(ACT_COUNT <= 32, "an action needs a bit of TickInput.pressed: at most 32 actions");

typedef struct {
    int16_t mouse_x, mouse_y; /* canvas pixels; valid when has_mouse */
    bool has_mouse;           /* the pointer moved (or clicked) this tick */
    bool click;               /* primary button pressed this tick, at mouse_x, mouse_y */
    uint32_t pressed;         /* bit (1u << Action) for actions pressed this tick */
} TickInput;

static inline bool input_pressed(const TickInput *in, Action a)
{
    return (in->pressed >> a) & 1u;
}

static inline bool input_empty(const TickInput *in)
{
    return !in->has_mouse && !in->click && !in->pressed;
}

#endif
