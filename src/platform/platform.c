/* Unsaid - platform.c */
#include "platform.h"

#include <SDL2/SDL_image.h>
#ifdef __linux__
#include <dirent.h>
#include <unistd.h>
#endif
#include <stdint.h>
#include <stdio.h>
#include <string.h>

/* Is this renderer OpenGL drawn by the processor (Mesa's llvmpipe, softpipe
 * or swrast: a machine without a usable GPU)? There every textured pixel
 * costs processor time, and SDL's software renderer draws the same picture
 * for far less. */
static bool gl_without_gpu(SDL_Renderer *renderer)
{
    SDL_RendererInfo info;
    if (SDL_GetRendererInfo(renderer, &info) != 0 || strncmp(info.name, "opengl", 6) != 0)
        return false;
    typedef const unsigned char *(*GetString)(unsigned int);
    GetString get = (GetString)(uintptr_t)SDL_GL_GetProcAddress("glGetString");
    const char *name = get ? (const char *)get(0x1F01 /* GL_RENDERER */) : NULL;
    return name && (strstr(name, "llvmpipe") || strstr(name, "softpipe") || strstr(name, "Software Rasterizer") ||
                    strstr(name, "swrast"));
}

/* Can this machine have a GPU at all? On Linux, OpenGL reaches one through
 * a DRM render node (/dev/dri/renderD*) or NVIDIA's own device files; with
 * neither (a virtual machine, a remote desktop, Xvfb) Mesa can only draw
 * on the processor, and creating an OpenGL context just to find that out
 * costs a visible part of start-up. Elsewhere: assume it may. */
static bool may_have_gpu(void)
{
#ifdef __linux__
    const char *soft = SDL_getenv("LIBGL_ALWAYS_SOFTWARE");
    if (soft && *soft && strcmp(soft, "0") != 0)
        return false;
    if (access("/dev/nvidia0", F_OK) == 0)
        return true;
    DIR *d = opendir("/dev/dri");
    bool node = false;
    for (struct dirent *e; d && !node && (e = readdir(d));)
        node = strncmp(e->d_name, "renderD", 7) == 0;
    if (d)
        closedir(d);
    return node;
#else
    return true;
#endif
}

bool platform_open(Platform *p, bool headless, bool fullscreen, int w, int h, char *err, size_t errsize)
{
    SDL_memset(p, 0, sizeof *p);
    p->headless = headless;
    if (headless) {
        SDL_SetHint(SDL_HINT_VIDEODRIVER, "dummy");
        SDL_SetHint(SDL_HINT_AUDIODRIVER, "dummy");
    }
    SDL_SetHint(SDL_HINT_RENDER_SCALE_QUALITY, "linear");
    /* SDL's software renderer shows its picture with plain X11 calls rather
     * than through OpenGL, which costs far less where OpenGL has no GPU.
     * (A default: the environment variable SDL_FRAMEBUFFER_ACCELERATION wins.) */
    SDL_SetHintWithPriority(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0", SDL_HINT_DEFAULT);
    if (SDL_Init(headless ? 0 : SDL_INIT_VIDEO | SDL_INIT_GAMECONTROLLER) != 0) {
        snprintf(err, errsize, "cannot start SDL: %s", SDL_GetError());
        return false;
    }
    if (headless) {
        p->surface = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
        p->renderer = p->surface ? SDL_CreateSoftwareRenderer(p->surface) : NULL;
    } else {
        Uint32 flags = SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI;
        if (fullscreen)
            flags |= SDL_WINDOW_FULLSCREEN_DESKTOP;
        p->fullscreen = fullscreen;
        p->window = SDL_CreateWindow("Unsaid", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, w, h, flags);
        if (p->window) {
            SDL_SetWindowMinimumSize(p->window, 640, 360);
            /* Unless the player chose a renderer (SDL_RENDER_DRIVER), no GPU
             * device means no OpenGL worth the trying. */
            const char *chosen = SDL_GetHint(SDL_HINT_RENDER_DRIVER);
            if ((chosen && *chosen) || may_have_gpu())
                p->renderer = SDL_CreateRenderer(p->window, -1, SDL_RENDERER_ACCELERATED | SDL_RENDERER_PRESENTVSYNC);
            if (p->renderer && gl_without_gpu(p->renderer)) {
                SDL_DestroyRenderer(p->renderer);
                p->renderer = NULL;
            }
            if (!p->renderer) /* no GPU: the software renderer draws the same picture */
                p->renderer = SDL_CreateRenderer(p->window, -1, SDL_RENDERER_SOFTWARE);
        }
    }
    if (!p->renderer) {
        snprintf(err, errsize, "cannot create a %s: %s", headless ? "drawing surface" : "window",
                 SDL_GetError());
        platform_close(p);
        return false;
    }
    SDL_SetRenderDrawBlendMode(p->renderer, SDL_BLENDMODE_BLEND);
    return true;
}

void platform_close(Platform *p)
{
    if (p->renderer)
        SDL_DestroyRenderer(p->renderer);
    if (p->window)
        SDL_DestroyWindow(p->window);
    if (p->surface)
        SDL_FreeSurface(p->surface);
    SDL_Quit();
    SDL_memset(p, 0, sizeof *p);
}

static void press(TickInput *in, Action a)
{
    in->pressed |= 1u << a;
}

static void on_key(Platform *p, SDL_Keycode key, TickInput *in)
{
    switch (key) {
    case SDLK_UP: press(in, ACT_UP); break;
    case SDLK_DOWN: press(in, ACT_DOWN); break;
    case SDLK_LEFT: press(in, ACT_LEFT); break;
    case SDLK_RIGHT: press(in, ACT_RIGHT); break;
    case SDLK_RETURN:
    case SDLK_KP_ENTER:
    case SDLK_SPACE: press(in, ACT_CONFIRM); break;
    case SDLK_ESCAPE:
    case SDLK_BACKSPACE: press(in, ACT_BACK); break;
    case SDLK_1: case SDLK_KP_1: press(in, ACT_1); break;
    case SDLK_2: case SDLK_KP_2: press(in, ACT_2); break;
    case SDLK_3: case SDLK_KP_3: press(in, ACT_3); break;
    case SDLK_4: case SDLK_KP_4: press(in, ACT_4); break;
    case SDLK_5: case SDLK_KP_5: press(in, ACT_5); break;
    case SDLK_TAB: press(in, ACT_HINT); break;
    case SDLK_e: press(in, ACT_FLAG_EYES); break;
    case SDLK_f: press(in, ACT_FLAG_FACE); break;
    case SDLK_h: press(in, ACT_FLAG_HANDS); break;
    case SDLK_p: press(in, ACT_FLAG_POSTURE); break;
    case SDLK_v: press(in, ACT_FLAG_VOICE); break;
    case SDLK_t: press(in, ACT_FLAG_TEXT); break;
    case SDLK_F11: platform_set_fullscreen(p, !p->fullscreen); break;
    case SDLK_F12: p->screenshot_requested = true; break;
    case SDLK_F5: press(in, ACT_RELOAD); break;
    default: break;
    }
}

void platform_set_fullscreen(Platform *p, bool on)
{
    if (!p->window || p->fullscreen == on)
        return;
    p->fullscreen = on;
    SDL_SetWindowFullscreen(p->window, on ? SDL_WINDOW_FULLSCREEN_DESKTOP : 0);
}

void platform_set_window_size(Platform *p, int w, int h)
{
    if (!p->window || p->fullscreen || w <= 0 || h <= 0)
        return;
    SDL_SetWindowSize(p->window, w, h);
    SDL_SetWindowPosition(p->window, SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED);
}

/* A gamepad does everything the keyboard does: the d-pad (or left stick)
 * moves, A confirms, B goes back, Start pauses, Y asks for a hint, and X
 * flags the region the cursor is on, like A. */
static void on_button(Uint8 button, TickInput *in)
{
    switch (button) {
    case SDL_CONTROLLER_BUTTON_DPAD_UP: press(in, ACT_UP); break;
    case SDL_CONTROLLER_BUTTON_DPAD_DOWN: press(in, ACT_DOWN); break;
    case SDL_CONTROLLER_BUTTON_DPAD_LEFT: press(in, ACT_LEFT); break;
    case SDL_CONTROLLER_BUTTON_DPAD_RIGHT: press(in, ACT_RIGHT); break;
    case SDL_CONTROLLER_BUTTON_A:
    case SDL_CONTROLLER_BUTTON_X: press(in, ACT_CONFIRM); break;
    case SDL_CONTROLLER_BUTTON_B:
    case SDL_CONTROLLER_BUTTON_BACK: press(in, ACT_BACK); break;
    case SDL_CONTROLLER_BUTTON_START: press(in, ACT_PAUSE); break;
    case SDL_CONTROLLER_BUTTON_Y: press(in, ACT_HINT); break;
    default: break;
    }
}

/* The left stick acts as a d-pad: one press each time it is pushed past
 * half-way, none while it is held. */
static void on_axis(Platform *p, Uint8 axis, Sint16 value, TickInput *in)
{
    if (axis != SDL_CONTROLLER_AXIS_LEFTX && axis != SDL_CONTROLLER_AXIS_LEFTY)
        return;
    int dir = value > 16000 ? 1 : value < -16000 ? -1 : 0;
    int *held = axis == SDL_CONTROLLER_AXIS_LEFTX ? &p->stick_x : &p->stick_y;
    if (dir != 0 && dir != *held) {
        if (axis == SDL_CONTROLLER_AXIS_LEFTX)
            press(in, dir < 0 ? ACT_LEFT : ACT_RIGHT);
        else
            press(in, dir < 0 ? ACT_UP : ACT_DOWN);
    }
    if (dir == 0 && (value > 8000 || value < -8000))
        return; /* between the thresholds: keep the held state */
    *held = dir;
}

/* The pointer at window position (wx, wy), clicked or not. A click pins
 * the pointer where the button went down until a tick has read it: pointer
 * events after it wait in p->later for the tick after (the latest move
 * wins, unless a click is waiting there too). */
static void set_mouse(Platform *p, Renderer *r, TickInput *in, int wx, int wy, bool click)
{
    TickInput *to = in->click ? &p->later : in;
    if (to->click && !click)
        return;
    /* Window coordinates can differ from output pixels on high-DPI screens. */
    int ww = 1, wh = 1, ow = 1, oh = 1;
    if (p->window)
        SDL_GetWindowSize(p->window, &ww, &wh);
    SDL_GetRendererOutputSize(p->renderer, &ow, &oh);
    float px = p->window && ww > 0 ? (float)wx * ow / ww : (float)wx;
    float py = p->window && wh > 0 ? (float)wy * oh / wh : (float)wy;
    Vec2 c = render_to_canvas(r, px, py);
    int x = (int)c.x, y = (int)c.y;
    to->has_mouse = true;
    to->click |= click;
    to->mouse_x = (int16_t)(x < 0 ? 0 : x > INPUT_CANVAS_W - 1 ? INPUT_CANVAS_W - 1 : x);
    to->mouse_y = (int16_t)(y < 0 ? 0 : y > INPUT_CANVAS_H - 1 ? INPUT_CANVAS_H - 1 : y);
}

/* Once a tick has read the pinned click, what waited behind it is next. */
static void release_later(Platform *p, TickInput *in)
{
    if (in->click || !p->later.has_mouse)
        return;
    in->has_mouse = true;
    in->click = p->later.click;
    in->mouse_x = p->later.mouse_x;
    in->mouse_y = p->later.mouse_y;
    SDL_zero(p->later);
}

SDL_Surface *platform_direct_surface(Platform *p)
{
    if (p->headless)
        return p->surface;
    SDL_RendererInfo info;
    if (SDL_GetRendererInfo(p->renderer, &info) != 0 || strcmp(info.name, "software") != 0)
        return NULL;
    return SDL_GetWindowSurface(p->window);
}

void platform_poll(Platform *p, Renderer *r, TickInput *in)
{
    release_later(p, in);
    SDL_Event e;
    while (SDL_PollEvent(&e)) {
        p->events++;
        switch (e.type) {
        case SDL_QUIT: p->quit_requested = true; break;
        case SDL_KEYDOWN:
            if (!e.key.repeat || e.key.keysym.sym == SDLK_UP || e.key.keysym.sym == SDLK_DOWN)
                on_key(p, e.key.keysym.sym, in);
            break;
        case SDL_MOUSEMOTION: set_mouse(p, r, in, e.motion.x, e.motion.y, false); break;
        case SDL_CONTROLLERDEVICEADDED: /* which: a device index */
            if (SDL_IsGameController(e.cdevice.which))
                SDL_GameControllerOpen(e.cdevice.which); /* SDL closes it at quit */
            break;
        case SDL_CONTROLLERDEVICEREMOVED: { /* which: an instance id */
            /* SDL keeps an unplugged controller open until it is closed:
             * each unplug and plug back would leave one more behind. */
            SDL_GameController *gc = SDL_GameControllerFromInstanceID(e.cdevice.which);
            if (gc)
                SDL_GameControllerClose(gc);
            break;
        }
        case SDL_CONTROLLERBUTTONDOWN: on_button(e.cbutton.button, in); break;
        case SDL_CONTROLLERAXISMOTION: on_axis(p, e.caxis.axis, e.caxis.value, in); break;
        case SDL_MOUSEBUTTONDOWN:
            if (e.button.button == SDL_BUTTON_LEFT)
                set_mouse(p, r, in, e.button.x, e.button.y, true);
            break;
        case SDL_WINDOWEVENT:
            if (e.window.event == SDL_WINDOWEVENT_SIZE_CHANGED) {
                int w, h;
                SDL_GetRendererOutputSize(p->renderer, &w, &h);
                render_set_output(r, w, h);
                render_set_direct(r, platform_direct_surface(p)); /* a new window surface */
            }
            break;
        default: break;
        }
    }
}

/* The refresh period of the display the window is on, in counter units;
 * 60 Hz when the display does not say. */
static Uint64 refresh_period(const Platform *p)
{
    SDL_DisplayMode mode;
    int hz = 60;
    if (p->window && SDL_GetWindowDisplayMode(p->window, &mode) == 0 && mode.refresh_rate > 0)
        hz = mode.refresh_rate;
    return SDL_GetPerformanceFrequency() / (Uint64)hz;
}

void platform_present(Platform *p)
{
    SDL_RenderPresent(p->renderer);
    if (p->headless)
        return;
    /* The game's timing does not depend on this: the fixed-step loop
     * measures real time. It only keeps the machine from drawing frames
     * the display never shows. A present that waited for vsync took most
     * of a period; one that came back at once is not trusted. Frames keep
     * to a schedule one period apart, so sleeping in whole milliseconds
     * still averages the display's rate. */
    SDL_RendererInfo info;
    bool vsync = SDL_GetRendererInfo(p->renderer, &info) == 0 && (info.flags & SDL_RENDERER_PRESENTVSYNC);
    Uint64 period = refresh_period(p), freq = SDL_GetPerformanceFrequency(), now = SDL_GetPerformanceCounter();
    bool waited = vsync && p->last_present && now - p->last_present >= period / 2;
    if (!waited && p->next_present > now)
        SDL_Delay((Uint32)(((p->next_present - now) * 1000 + freq - 1) / freq));
    now = SDL_GetPerformanceCounter();
    /* On schedule, the next frame is due a period after this one was; after
     * a pause (nothing drawn for a while), a period from now. */
    p->next_present = p->next_present && now < p->next_present + period ? p->next_present + period : now + period;
    p->last_present = now;
}

void platform_wait(Platform *p, int ms)
{
    (void)p;
    SDL_WaitEventTimeout(NULL, ms);
}

bool platform_save_opaque_png(SDL_Surface *s, const char *path)
{
    /* Blending leaves the target's alpha a little below full in places; a
     * picture of the screen is opaque, so drop the alpha channel. */
    SDL_Surface *rgb = SDL_ConvertSurfaceFormat(s, SDL_PIXELFORMAT_RGB24, 0);
    bool ok = rgb && IMG_SavePNG(rgb, path) == 0;
    SDL_FreeSurface(rgb);
    return ok;
}

bool platform_save_png(Platform *p, const char *path, char *err, size_t errsize)
{
    bool ok;
    if (p->surface) {
        ok = platform_save_opaque_png(p->surface, path);
    } else {
        int w, h;
        SDL_GetRendererOutputSize(p->renderer, &w, &h);
        SDL_Surface *s = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
        ok = s && SDL_RenderReadPixels(p->renderer, NULL, SDL_PIXELFORMAT_ARGB8888, s->pixels, s->pitch) == 0 &&
             platform_save_opaque_png(s, path);
        SDL_FreeSurface(s);
    }
    if (!ok)
        snprintf(err, errsize, "%s: cannot save screenshot: %s", path, SDL_GetError());
    return ok;
}

uint64_t platform_counter(void)
{
    return SDL_GetPerformanceCounter();
}

uint64_t platform_frequency(void)
{
    return SDL_GetPerformanceFrequency();
}

void platform_error_box(const char *title, const char *msg)
{
    fprintf(stderr, "unsaid: %s\n", msg);
    SDL_ShowSimpleMessageBox(SDL_MESSAGEBOX_ERROR, title, msg, NULL);
}
