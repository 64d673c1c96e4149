/* Unsaid - platform.h: the only code that owns SDL's window, events and
 * clock. Everything else gets a TickInput and a renderer. */
#ifndef UNSAID_PLATFORM_H
#define UNSAID_PLATFORM_H

#include "play.h"
#include "render.h"

#include <SDL2/SDL.h>
#include <stdbool.h>
#include <stdint.h>

typedef struct {
    bool headless;       /* software renderer into a surface, no window */
    SDL_Window *window;
    SDL_Renderer *renderer;
    SDL_Surface *surface; /* headless target */
    bool fullscreen;
    bool quit_requested;
    bool screenshot_requested; /* F12 */
    uint64_t last_present;     /* counter at the last present (frame pacing) */
    uint64_t next_present;     /* counter when the next frame is due */
    int events;                /* events polled since the caller last zeroed this */
    int stick_x, stick_y;      /* left stick direction last reported (-1, 0, 1) */
    TickInput later;           /* pointer events after a click, for the tick after it */
} Platform;

/* Open a w x h resizable window (or a headless surface of that size).
 * Returns false with err filled on failure. */
bool platform_open(Platform *p, bool headless, bool fullscreen, int w, int h, char *err, size_t errsize);
void platform_close(Platform *p);
/* Drain SDL events into `in` (merged until a tick consumes them and clears
 * it). A click in `in` keeps the place the button went down; pointer events
 * after it come in the next poll after the tick. Handles quit, F11
 * fullscreen and resizes (telling the renderer). */
void platform_poll(Platform *p, Renderer *r, TickInput *in);
/* The surface the renderer draws into, when it is SDL's software renderer
 * (headless, or a window without a GPU): shapes can be filled straight into
 * it (render_set_direct). NULL otherwise. */
SDL_Surface *platform_direct_surface(Platform *p);
/* Show the frame, never faster than the display the window is on
 * refreshes: vsync does the waiting where the renderer has it, otherwise
 * (or where vsync returns at once) this waits for the next refresh. */
void platform_present(Platform *p);
/* Sleep until an event comes or `ms` milliseconds pass (the event stays
 * queued for the next poll). */
void platform_wait(Platform *p, int ms);
/* Settings: full screen on or off; a window size (ignored in full screen). */
void platform_set_fullscreen(Platform *p, bool on);
void platform_set_window_size(Platform *p, int w, int h);
/* Save a surface as an opaque PNG (no alpha channel). */
bool platform_save_opaque_png(SDL_Surface *s, const char *path);
/* Save what was last drawn as a PNG. */
bool platform_save_png(Platform *p, const char *path, char *err, size_t errsize);
uint64_t platform_counter(void);
uint64_t platform_frequency(void);
/* Show a fatal error (stderr, and a message box when there is a window). */
void platform_error_box(const char *title, const char *msg);

#endif
