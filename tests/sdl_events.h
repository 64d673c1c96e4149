/* Unsaid - sdl_events.h: real SDL input for the tests that drive
 * platform_poll (keyboard, mouse, gamepad), and a readable name for what
 * came out of it. */
#ifndef UNSAID_SDL_EVENTS_H
#define UNSAID_SDL_EVENTS_H

#include "input.h"
#include "replay.h"

#include <SDL2/SDL.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

/* "up+confirm", or "nothing": the replay names of the actions pressed. */
static inline const char *sdl_events_action_names(uint32_t pressed, char *buf, size_t size)
{
    buf[0] = '\0';
    for (int a = 0; a < ACT_COUNT; a++)
        if (pressed & (1u << a))
            snprintf(buf + strlen(buf), size - strlen(buf), "%s%s", buf[0] ? "+" : "",
                     replay_action_name((Action)a));
    if (!buf[0])
        snprintf(buf, size, "nothing");
    return buf;
}

static inline bool sdl_events_motion(int x, int y)
{
    SDL_Event e;
    SDL_zero(e);
    e.type = SDL_MOUSEMOTION;
    e.motion.x = x;
    e.motion.y = y;
    return SDL_PushEvent(&e) == 1;
}

/* The primary button goes down at (x, y) and, with `release`, up again. */
static inline bool sdl_events_click(int x, int y, bool release)
{
    SDL_Event e;
    SDL_zero(e);
    e.type = SDL_MOUSEBUTTONDOWN;
    e.button.button = SDL_BUTTON_LEFT;
    e.button.state = SDL_PRESSED;
    e.button.clicks = 1;
    e.button.x = x;
    e.button.y = y;
    bool ok = SDL_PushEvent(&e) == 1;
    if (release) {
        e.type = SDL_MOUSEBUTTONUP;
        e.button.state = SDL_RELEASED;
        ok = SDL_PushEvent(&e) == 1 && ok;
    }
    return ok;
}

#endif
