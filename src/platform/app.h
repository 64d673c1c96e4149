/* Unsaid - app.h: the running game and everything around it.
 *
 * The App holds what one run of the game needs: the packs, the window (or
 * the headless surface) and the renderer, the game itself, the replay it
 * plays or the recording it writes, the settings and progress on disk,
 * and a message box over the frame (pack problems, a save that failed).
 * app_tick steps the game once and carries out what the game asked for
 * in that tick (see GameRequest in game.h); run.h drives it. */
#ifndef UNSAID_APP_H
#define UNSAID_APP_H

#include "cli.h"
#include "content.h"
#include "platform.h"
#include "play.h"
#include "render.h"

#include <stdbool.h>
#include <stdio.h>

typedef struct {
    Options opt;
    double t_launch; /* ms on the real clock when the program started (--timing) */
    Library lib;
    Platform plat;
    Renderer *render;
    Game game;
    Replay replay;
    bool have_replay;
    Script script; /* --play: steps that drive the game instead of a person */
    bool have_script;
    const char *script_file; /* its name in messages: the file, or "--play" */
    int replay_cursor;
    FILE *record;
    bool score_printed;
    bool changed; /* a tick had input or asked for something: the picture may differ */
    char overlay_title[128];
    char overlay[4096];
    double overlay_until; /* ms on the real clock */
    bool overlay_packs;   /* it lists the packs' problems, which the Packs screen shows anyway */
    bool saving;          /* progress and settings live on disk (a window, no replay) */
    bool quit;            /* the game asked to quit */
    Settings applied;     /* the settings the window and sound last took */
} App;

/* Milliseconds on the real (monotonic) clock: overlays and --timing. */
double app_clock_ms(void);
/* Reload every pack (F5) and go back to scene scene_id (NULL: the one
 * being played; the first scene when it is gone, unless keep_scene),
 * its context card first. If the game's own data is now broken, or
 * keep_scene and the scene is gone (its pack broke), keep playing the copy
 * already loaded. Problems show in the overlay. */
void app_reload(App *app, const char *scene_id, bool keep_scene);
/* Open everything the command line asks for: the replay and its packs, the
 * library, the first scene, the window or headless surface, the renderer,
 * the saves (in a window), the recording and the sound (in a window).
 * False when the game cannot run: the reason has been told, and nothing
 * is left to close. The data folder must be open (vfs_init). */
bool app_open(App *app, const Options *opt, double t_launch);
/* Close what app_open opened. Returns rc, or 1 in place of 0 when the
 * recording could not be written in full. */
int app_close(App *app, int rc);
/* One fixed tick: the replay's input in place of *in when replaying,
 * recorded when recording; then the game's requests, and the score when
 * --print-score asks for it. */
void app_tick(App *app, TickInput *in);

#endif
