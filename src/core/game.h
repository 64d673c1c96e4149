/* Unsaid - game.h: the game's state machine, stepped by fixed ticks.
 *
 * game_step() is the whole of game logic: it reads one TickInput and
 * advances one tick (1/60 s). It never reads a clock, never calls SDL, and
 * uses no hidden state, so the same inputs always give the same game.
 *
 *   TITLE -> INTRO (context line) -> PERFORM (lines + cues; the player flags)
 *         -> ANSWER (choose what to say) -> REACTION (the body answers back)
 *         -> DEBRIEF (what was there, what you saw, why the answer fit)
 *
 * The screen layout that input is tested against (buttons, answer boxes,
 * the speech box) lives here too, so the renderer draws exactly what the
 * logic hit-tests. */
#ifndef UNSAID_GAME_H
#define UNSAID_GAME_H

#include "input.h"
#include "library.h"
#include "notice.h"
#include "pose.h"
#include "rig.h"
#include "scene.h"

#include <stdbool.h>
#include <stdint.h>

typedef enum {
    SCREEN_TITLE,
    SCREEN_INTRO,
    SCREEN_PERFORM,
    SCREEN_ANSWER,
    SCREEN_REACTION,
    SCREEN_DEBRIEF,
    SCREEN_PACKS, /* every pack: enabled, disabled or broken, with its errors */
    SCREEN_COUNT
} Screen;

typedef enum {
    EV_NONE,
    EV_FLAG,          /* a flag was placed (audio: a soft tick) */
    EV_SELECT,        /* a menu highlight moved */
    EV_CONFIRM,       /* a button or answer was chosen */
    EV_SCREEN,        /* the screen changed */
    EV_RESULT,        /* the scene's result is final (debrief began) */
} GameEventType;

#define GAME_MAX_EVENTS 8
#define GAME_FLAG_DEBOUNCE 20 /* ticks: a double click on one region is one flag */

typedef struct {
    float x, y, w, h;
} UiRect;

typedef struct {
    const Scene *scene;
    const Library *library; /* for the Packs screen; may be NULL */
    Screen screen;
    int tick;           /* steps taken since the game began */
    int screen_start;   /* tick the current screen began */
    int perform_start;  /* tick the performance began (cue time 0) */
    int reaction_start; /* tick the reaction began */
    int answer;         /* chosen answer, -1 while none */
    int selected;       /* highlighted menu item / answer */
    int pack_focus;     /* Packs screen: the pack whose details show */
    int pack_toggle;    /* a pack the player turned on or off: the platform
                           saves it and reloads, then sets this back to -1 */
    int mouse_x, mouse_y;
    bool quit;
    Notice notice;
    SceneResult result;
    bool result_ready;
    uint64_t seed;      /* idle-life seed (from the scene id) */
    int last_flag_tick;
    Region last_flag_region;
    GameEventType events[GAME_MAX_EVENTS]; /* what happened in the last step */
    int nevents;
} Game;

/* Start at the title, or straight into the scene's intro. */
void game_init(Game *g, const Scene *scene, const Library *library, bool skip_title);
void game_step(Game *g, const TickInput *in);
/* The packs were reloaded: take the new scene and library, keep the tick
 * count, and return to the same screen (a scene restarts at its intro). */
void game_reload(Game *g, const Scene *scene, const Library *library);

/* Scene-time helpers shared by logic and renderer. `alpha` in [0, 1] blends
 * between the previous tick and the current one; 1 is exactly `tick`. */
double game_time(const Game *g, double alpha);
/* The character's pose and skeleton at that time. */
void game_character(const Game *g, double alpha, Pose *pose, RigLayout *rig);
/* Which spoken line is on screen now: its text, visible bytes and whether it
 * is the reply. Returns false when no line is showing. */
bool game_current_line(const Game *g, double alpha, const SceneLine **line, int *visible);
/* The strongest active voice cue (caption, text style) or NULL. */
const CueDef *game_voice(const Game *g, double alpha, float *weight);
/* 0..1 progress of the performance (for the timeline bar). */
float game_perform_progress(const Game *g, double alpha);

/* Layout, in canvas pixels. */
#define GAME_TITLE_BUTTONS 3 /* Play, Packs, Quit */
#define GAME_PACK_ROWS 8      /* rows the Packs screen shows at once */
#define GAME_DEBRIEF_BUTTONS 2
UiRect game_title_button(int i);
UiRect game_answer_rect(const Scene *scene, int i);
UiRect game_debrief_button(int i);
UiRect game_speech_box(void);
/* Row i of the Packs screen's list (scrolled to keep the selection in
 * view); i == number of packs is the Back button, the one after it the
 * button that turns the focused pack on or off. */
UiRect game_pack_row(const Game *g, int i);
int game_pack_scroll(const Game *g);
RigPlacement game_placement(void);
bool ui_contains(UiRect r, float x, float y);

#endif
