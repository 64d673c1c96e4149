/* The floor for tests/bench/bench_idle.py (a benchmark, not a test): the
 * least a program can do and still be a live 60 frames-a-second SDL2 window
 * the size of the game's. Whatever CPU this takes on a machine, the game
 * cannot take less; the benchmark reports the game as a multiple of it.
 *
 * usage: bench_floor FONT.ttf
 *
 * Each frame: clear to a background colour, fill one rectangle, copy two
 * lines of text (rasterised once with SDL2_ttf, at start) and present. The
 * renderer is SDL's own choice, so SDL_RENDER_DRIVER picks it as for any
 * SDL program. Vsync is asked for, and when presenting waits for the
 * refresh that is all the pacing there is. When the renderer has no vsync,
 * or reports it but a frame still came back well before a refresh was due
 * (SDL's software renderer straight onto an X window does that), the
 * program sleeps until the next refresh of the display by the clock (60 Hz
 * when SDL does not know the rate). Either way it draws one frame a
 * refresh and no more.
 *
 * On stderr: one line naming the renderer, then `first-frame` right after
 * the first SDL_RenderPresent, and when it stops (window closed, SIGTERM or
 * SIGINT, which SDL turns into a quit event) a line with the frame count
 * and how many frames the clock had to pace. */
#include <SDL2/SDL.h>
#include <SDL2/SDL_ttf.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

enum { WIDTH = 1280, HEIGHT = 720, FONT_PX = 32 };

typedef const unsigned char *(*GetStringFn)(unsigned int name);

/* The OpenGL implementation behind an OpenGL renderer ("llvmpipe ..." when
 * the drawing is done on the CPU), or "" for the others. */
static const char *gl_renderer_name(const char *renderer_name)
{
    if (strncmp(renderer_name, "opengl", 6) != 0)
        return "";
    void *sym = SDL_GL_GetProcAddress("glGetString");
    if (!sym)
        return "";
    GetStringFn get_string;
    memcpy(&get_string, &sym, sizeof get_string); /* object to function pointer, as dlsym's users do */
    const unsigned char *s = get_string(0x1F01u); /* GL_RENDERER */
    return s ? (const char *)s : "";
}

static SDL_Texture *text_texture(SDL_Renderer *ren, TTF_Font *font, const char *text, SDL_Color colour,
                                 SDL_Rect *where)
{
    SDL_Surface *s = TTF_RenderUTF8_Blended(font, text, colour);
    if (!s)
        return NULL;
    SDL_Texture *t = SDL_CreateTextureFromSurface(ren, s);
    where->w = s->w;
    where->h = s->h;
    SDL_FreeSurface(s);
    return t;
}

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void sleep_until(double t)
{
    struct timespec ts;
    ts.tv_sec = (time_t)t;
    ts.tv_nsec = (long)((t - (double)ts.tv_sec) * 1e9);
    if (ts.tv_nsec >= 1000000000L) {
        ts.tv_sec += 1;
        ts.tv_nsec -= 1000000000L;
    }
    while (clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &ts, NULL) == EINTR) {
    }
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: bench_floor FONT.ttf\n");
        return 2;
    }
    if (SDL_Init(SDL_INIT_VIDEO) != 0 || TTF_Init() != 0) {
        fprintf(stderr, "bench_floor: cannot start SDL: %s\n", SDL_GetError());
        return 1;
    }
    TTF_Font *font = TTF_OpenFont(argv[1], FONT_PX);
    if (!font) {
        fprintf(stderr, "bench_floor: %s: %s\n", argv[1], TTF_GetError());
        return 1;
    }
    SDL_Window *win = SDL_CreateWindow("bench_floor", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, WIDTH,
                                       HEIGHT, 0);
    SDL_Renderer *ren = win ? SDL_CreateRenderer(win, -1, SDL_RENDERER_PRESENTVSYNC) : NULL;
    if (win && !ren)
        ren = SDL_CreateRenderer(win, -1, 0);
    if (!ren) {
        fprintf(stderr, "bench_floor: cannot open a window: %s\n", SDL_GetError());
        return 1;
    }
    SDL_RendererInfo info;
    SDL_GetRendererInfo(ren, &info);
    SDL_DisplayMode mode;
    int hz = SDL_GetWindowDisplayMode(win, &mode) == 0 && mode.refresh_rate > 0 ? mode.refresh_rate : 60;
    const char *gl = gl_renderer_name(info.name);
    fprintf(stderr, "bench_floor: renderer %s%s%s%s, vsync %s, refresh %d Hz%s\n", info.name, gl[0] ? " (" : "",
            gl, gl[0] ? ")" : "", info.flags & SDL_RENDERER_PRESENTVSYNC ? "reported" : "not reported", hz,
            mode.refresh_rate > 0 ? "" : " (assumed)");

    SDL_Color ink = {235, 230, 220, 255};
    SDL_Rect line1 = {120, 300, 0, 0}, line2 = {120, 350, 0, 0};
    SDL_Texture *t1 = text_texture(ren, font, "The floor: a window, a rectangle and two lines.", ink, &line1);
    SDL_Texture *t2 = text_texture(ren, font, "Nothing else is drawn, at 60 frames a second.", ink, &line2);
    if (!t1 || !t2) {
        fprintf(stderr, "bench_floor: cannot draw text: %s\n", SDL_GetError());
        return 1;
    }

    const int vsync = (info.flags & SDL_RENDERER_PRESENTVSYNC) != 0;
    const double period = 1.0 / hz;
    const double start = now_s();
    double next = start + period, in_present = 0.0, frame_start = start;
    long frames = 0, paced = 0;
    int running = 1;
    while (running) {
        SDL_Event e;
        while (SDL_PollEvent(&e))
            if (e.type == SDL_QUIT)
                running = 0;
        SDL_SetRenderDrawColor(ren, 24, 28, 40, 255);
        SDL_RenderClear(ren);
        SDL_SetRenderDrawColor(ren, 60, 72, 100, 255);
        SDL_RenderFillRect(ren, &(SDL_Rect){80, 260, 1120, 160});
        SDL_RenderCopy(ren, t1, NULL, &line1);
        SDL_RenderCopy(ren, t2, NULL, &line2);
        double before = now_s();
        SDL_RenderPresent(ren);
        in_present += now_s() - before;
        if (frames++ == 0)
            fprintf(stderr, "first-frame\n");
        /* A present that waited for a refresh took most of a period. */
        double t = now_s();
        if (!vsync || t - frame_start < 0.75 * period) {
            if (t < next) {
                sleep_until(next);
                paced++;
                next += period;
            } else {
                next = t + period; /* late: count the period from here */
            }
        } else {
            next = t + period;
        }
        frame_start = now_s();
    }
    double spent = now_s() - start;
    fprintf(stderr,
            "bench_floor: %ld frames in %.1f s (%.1f a second), %.2f ms a frame in SDL_RenderPresent, "
            "%ld paced by the clock\n",
            frames, spent, (double)frames / spent, 1000.0 * in_present / (double)frames, paced);

    SDL_DestroyTexture(t1);
    SDL_DestroyTexture(t2);
    SDL_DestroyRenderer(ren);
    SDL_DestroyWindow(win);
    TTF_CloseFont(font);
    TTF_Quit();
    SDL_Quit();
    return 0;
}
