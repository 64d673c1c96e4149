/* Unsaid - game.h: the game's state machine, stepped by fixed ticks.
 *
 * game_step() is the whole of game logic: it reads one TickInput and
 * advances one tick (1/60 s). It never reads a clock, never calls SDL, and
 * uses no hidden state, so the same inputs always give the same game.
 *
 *   TITLE -> CHAPTERS (pick a scene) or Continue (the next unfinished one)
 *   -> INTRO (context line) -> PERFORM (lines + cues; the player flags)
 *   -> ANSWER (choose what to say) -> REACTION (the body answers back)
 *   -> DEBRIEF (what was there, what you saw, why the answer fit)
 *   -> the next scene, or RESULTS at the end of a chapter.
 * Esc / Start pauses a scene: the pause menu is an overlay over the scene's
 * screen, which stands still, and settings opened from it are an overlay
 * too (Overlay); from the title, SETTINGS is a screen of its own.
 *
 * The game and the platform talk one way. Input goes in through TickInput;
 * what the game asks of the world (save the settings or the progress, turn
 * a pack on or off, reload the packs, quit, play an interface sound) comes
 * out as GameRequests, which the platform carries out after each tick and
 * then clears. The game never touches a file. Progress and settings are
 * plain data: the game records a finished play into `progress` and edits
 * `settings`, then asks for them to be saved.
 *
 * The screen layout that input is tested against (buttons, answer boxes,
 * the speech box) lives here too, so the renderer draws exactly what the
 * logic hit-tests. */
#ifndef UNSAID_GAME_H
#define UNSAID_GAME_H

#include "campaign.h"
#include "difficulty.h"
#include "input.h"
#include "library.h"
#include "notice.h"
#include "pose.h"
#include "rig.h"
#include "persist.h"
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
    SCREEN_CHAPTERS, /* chapter and scene select, with stars */
    SCREEN_RESULTS,  /* a chapter's totals and the noticing profile */
    SCREEN_SETTINGS,
    SCREEN_WATCH,    /* from the debrief: an incongruent cue again, at a quarter speed */
    SCREEN_REVIEW,   /* from the debrief: every answer, its kind, and why it fits or not */
    SCREEN_COUNT
} Screen;

/* Interface sounds the game asks for. */
typedef enum {
    SOUND_SELECT,  /* the highlighted choice moved */
    SOUND_CONFIRM, /* a choice was made */
    SOUND_BACK,    /* back to the title or the chapters */
    SOUND_FLAG,    /* a flag was placed, whatever it hit */
    SOUND_RESULT,  /* the debrief began */
    SOUND_PAGE,    /* the screen changed by itself */
    SOUND_COUNT
} GameSound;

typedef enum {
    REQ_SAVE_SETTINGS, /* the settings changed: apply and save them */
    REQ_SAVE_PROGRESS, /* a play was recorded in progress: save it */
    REQ_TOGGLE_PACK,   /* turn pack `arg` (an index into library->packs) on or off, then reload */
    REQ_RECHECK_PACK,  /* read every pack again, keeping pack `arg` in focus (a broken pack, after its
                        * files were fixed) */
    REQ_RELOAD,        /* reload every pack and come back to the scene being played */
    REQ_QUIT,
    REQ_SOUND,         /* play interface sound `arg` (a GameSound) */
    REQ_COUNT
} RequestType;

typedef struct {
    RequestType type;
    int arg;
} GameRequest;

/* Requests wait here until the platform clears them; the same request
 * twice is kept once, so the queue cannot fill up however long it waits. */
#define GAME_MAX_REQUESTS (REQ_COUNT + SOUND_COUNT + 64)
#define GAME_FLAG_DEBOUNCE 20 /* ticks: a double click on one region is one flag */
#define GAME_HINT_COST 25     /* points a hint costs (once per cue) */
#define GAME_HINT_TICKS 120   /* how long a hint's pulse shows */
#define GAME_WATCH_SLOW 4     /* slow motion: one scene tick every 4 ticks (0.25x) */
#define GAME_WATCH_LEAD 45    /* scene ticks shown before and after a watched cue */
#define GAME_REACTION_MIN 60  /* ticks a reaction plays before the player may go on */
#define GAME_SETTLE_TICKS 30  /* a screen the player reads: its world moves this long, then holds */

/* The settings screen's rows, in order. */
typedef enum {
    SET_FULLSCREEN,
    SET_WINDOW,
    SET_MASTER,
    SET_MUSIC,
    SET_EFFECTS,
    SET_TEXT_SIZE,
    SET_TEXT_SPEED,
    SET_REDUCED_MOTION,
    SET_HIGH_CONTRAST,
    SET_HINTS,
    SET_OPEN_ALL,
    SET_DIFFICULTY, /* last of the values, so recorded walks through the rows above keep their way */
    SET_BACK,
    SET_COUNT
} SettingRow;

typedef enum { PAUSE_RESUME, PAUSE_RESTART, PAUSE_SETTINGS, PAUSE_QUIT, PAUSE_COUNT } PauseItem;

/* What is over a scene's screen: nothing, the pause menu (the scene stands
 * still), or the settings opened from the pause menu. Settings opened from
 * the title are a screen of their own. */
typedef enum { OVERLAY_NONE, OVERLAY_PAUSE, OVERLAY_SETTINGS } Overlay;

/* The title screen's buttons. */
typedef enum { TITLE_PLAY, TITLE_CHAPTERS, TITLE_SETTINGS, TITLE_PACKS, TITLE_QUIT, TITLE_COUNT } TitleItem;

/* The debrief's buttons. */
typedef enum {
    DEBRIEF_WATCH,    /* the disconnections again, slowly */
    DEBRIEF_ANSWERS,  /* every answer and why */
    DEBRIEF_AGAIN,    /* play the scene again */
    DEBRIEF_CHAPTERS,
    DEBRIEF_CONTINUE, /* the next scene, or the chapter's results */
    DEBRIEF_COUNT
} DebriefItem;

typedef struct {
    float x, y, w, h;
} UiRect;

typedef struct {
    /* The scene being played, as the game plays it: at standard difficulty
     * the library's scene itself; at gentle or sharp `played`, a copy whose
     * cues difficulty_scene rewrote (the body, the flags, hints, the
     * debrief and slow motion all read this). */
    const Scene *scene;
    const Scene *source;    /* the same scene as its file has it (the library's) */
    const Library *library; /* for the Packs screen; may be NULL */
    Screen screen;
    int tick;           /* steps taken since the game began */
    int screen_start;   /* tick the current screen began */
    int perform_start;  /* tick the performance began (cue time 0) */
    int reaction_start; /* tick the reaction began */
    int answer;         /* chosen answer, -1 while none */
    int selected;       /* highlighted menu item / answer */
    int pack_focus;     /* Packs screen: the pack whose details show */
    int mouse_x, mouse_y;
    GameRequest requests[GAME_MAX_REQUESTS]; /* for the platform, oldest first */
    int nrequests;
    unsigned step_notes; /* what happened in this step, for its sound (bits of game.c's Note) */
    Notice notice;
    SceneResult result;
    bool result_ready;
    uint64_t seed;      /* idle-life seed (from the scene id) */
    int last_flag_tick;
    Region last_flag_region;

    /* The campaign. */
    Campaign campaign;
    int chapter, chapter_pos; /* where the scene being played sits; -1 if in no chapter */
    int chapter_focus;        /* the chapter the Chapters screen shows */
    Progress *progress;       /* owned by the platform; may be NULL */
    int stars;                /* stars of the play just finished */
    int offered[SCENE_MAX_ANSWERS]; /* answers on offer, as indexes into the scene's */
    int noffered;

    /* Settings, the pause menu and the scene clock. */
    Settings settings;
    Overlay overlay;    /* what is over the screen; a scene under an overlay is paused */
    int pause_tick;     /* tick the pause began */
    int paused_total;   /* ticks spent paused so far: idle life (breath, blinks) skips them */

    /* Keyboard / gamepad region pick and hints, during a performance. */
    int region_cursor;  /* Region the cursor is on, -1 while hidden */
    int hints;          /* hints paid for in this play */
    int hint_cue;       /* the cue the last hint pointed at, -1 if none */
    int hint_tick;      /* tick the last hint began */

    /* Slow-motion replay from the debrief. */
    int watch_cue;      /* the cue being watched (index into scene->cues) */
    int watch_start;    /* tick the watching began */
    bool watch_all;     /* go on to the next incongruent cue when one ends */

    /* Difficulty (difficulty.h). A scene is played at the difficulty
     * chosen when it starts: the setting, unless the command line or a
     * replay chose one for this run (forced_difficulty), until the player
     * changes it. Its rewritten cues live here, not on the heap: the
     * scene's lines and answers stay the library's, so a reload makes a
     * new copy (game_reload) and the old one is never read again. */
    Difficulty difficulty;   /* the scene being played is played at this */
    int forced_difficulty;   /* a Difficulty for this run, or -1: the setting */
    Scene played;
    SceneCue played_cues[NOTICE_MAX_CUES];
} Game;

/* Start at the title, or straight into the scene's intro. Settings start
 * at their defaults and progress empty (NULL); set them after init. */
void game_init(Game *g, const Scene *scene, const Library *library, bool skip_title);
/* Play this scene from its intro (campaign position found from the scene). */
void game_play(Game *g, const Scene *scene);
void game_step(Game *g, const TickInput *in);
/* May the player go on from the reaction yet (Enter or a click)? */
bool game_reaction_skippable(const Game *g);
/* Is the scene paused (an overlay over it)? */
static inline bool game_paused(const Game *g) { return g->overlay != OVERLAY_NONE; }
/* The screen the player sees: the settings when opened over a paused
 * scene, otherwise g->screen. */
static inline Screen game_shown(const Game *g) { return g->overlay == OVERLAY_SETTINGS ? SCREEN_SETTINGS : g->screen; }
/* The difficulty the next scene starts at: the forced one, else the setting. */
Difficulty game_chosen_difficulty(const Game *g);
/* Play at difficulty d for this run (--difficulty, a replay's
 * `difficulty` line), whatever the setting says; -1 for the setting's
 * again. Call it too when the settings were set after game_init: a scene
 * still at its context card starts at the difficulty now chosen. */
void game_force_difficulty(Game *g, int d);
/* May the player ask for hints in the scene being played: the setting,
 * or a scene played at gentle (which turns them on)? */
bool game_hints_on(const Game *g);
/* Has the game asked for this (any arg)? */
bool game_requested(const Game *g, RequestType type);
/* The platform has carried out every request. */
void game_clear_requests(Game *g);
/* The packs were reloaded: take the new scene and library, keep the tick
 * count, and return to the same screen (a scene restarts at its intro). */
void game_reload(Game *g, const Scene *scene, const Library *library);

/* Will the picture stay exactly as it is until input comes? False while
 * anything moves (a person talking or breathing, words typing, a ring
 * fading, the world behind a screen settling in). On the screens a player reads (the context card, the answers, the
 * debrief, every menu but the title) the world behind holds still once
 * the screen has settled in; with reduced motion, the person's idle life
 * and the place's stop everywhere. The platform draws nothing while the
 * picture is still, so reading costs next to nothing. */
bool game_still(const Game *g);

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
/* A chat scene's phone at a moment: what has arrived and what shows. */
typedef struct {
    int nshown;        /* the scene's first nshown lines are on the phone (sent or arrived) */
    bool typing;       /* the person's typing bubble shows */
    bool seen;         /* "Seen" under your last message, with nothing back yet */
    const char *sent;  /* the answer you sent (in the reaction and after), or NULL */
    bool replied;      /* the person's reply to it has arrived */
    double dots;       /* the typing dots' clock, in ticks (0 with reduced motion) */
} GameChat;
/* False outside a chat scene's screens. */
bool game_chat(const Game *g, double alpha, GameChat *out);

/* 0..1 progress of the performance (for the timeline bar). */
float game_perform_progress(const Game *g, double alpha);

/* The region a hint points at now, and how far through its pulse (0..1);
 * false when no hint shows. */
bool game_hint(const Game *g, double alpha, Region *region, float *phase);
/* Has the cue the hint points at not started yet? */
bool game_hint_upcoming(const Game *g);
/* Slow motion: the watched cue's window in scene ticks, and how far
 * through it the replay is (0..1). False outside SCREEN_WATCH. */
bool game_watch(const Game *g, double alpha, int *from, int *to, float *progress);
/* The debrief's timeline strip, and the scene tick at canvas x on it. */
UiRect game_timeline_rect(void);
/* The timeline's rows, top to bottom: the regions scene s offers (eyes,
 * face, hands, posture, voice; or a chat's text). Writes up to
 * REGION_COUNT into rows and returns how many. */
int game_timeline_rows(const Scene *s, Region *rows);
/* Which of those rows a region is drawn on. */
int game_timeline_row(const Scene *s, Region r);
/* The incongruent cue drawn at canvas (x, y) on the debrief timeline, or -1. */
int game_timeline_cue(const Game *g, float x, float y);

/* Where a keyboard flag's marker (and the region cursor) goes. */
RigVec game_region_anchor(const RigLayout *rig, Region r);

/* Layout, in canvas pixels. */
#define GAME_PACK_ROWS 8      /* rows the Packs screen shows at once */
#define GAME_CHAPTER_ROWS 7   /* scene rows the Chapters screen shows at once */
#define GAME_DEBRIEF_BUTTONS DEBRIEF_COUNT
UiRect game_title_button(int i);
/* The i-th answer on offer (see Game.offered). */
UiRect game_answer_rect(const Game *g, int i);
UiRect game_debrief_button(int i);
/* Chapters screen: scene row i of the focused chapter; i == its scene
 * count is Back, the one after it the difficulty (left and right, Enter
 * or a click change it), then the previous / next chapter arrows. */
UiRect game_chapter_row(const Game *g, int i);
int game_chapter_scroll(const Game *g);
/* Settings rows (SET_*), and the pause menu's items. */
UiRect game_settings_row(int i);
UiRect game_pause_button(int i);
/* The review of every answer: its Back button. */
UiRect game_review_button(void);
/* Results screen: its one button. */
UiRect game_results_button(void);
UiRect game_speech_box(void);
/* The scene's progress bar: over the words' column, clear of the person. */
UiRect game_progress_bar(void);
/* A chat scene's phone: the messages, and the one region a player flags. */
UiRect game_chat_phone(void);
/* Row i of the Packs screen's list (scrolled to keep the selection in
 * view); i == number of packs is the Back button, the one after it the
 * button that turns the focused pack on or off. */
UiRect game_pack_row(const Game *g, int i);
int game_pack_scroll(const Game *g);
/* The stage's camera: a close shot. The place's point `from` (its canvas
 * coordinates, drawn for the whole 1280x720 frame) is shown at `to`, zoomed
 * by `zoom`, and the person stands at that point of the place. */
typedef struct {
    float zoom;
    RigVec from, to;
} StageCamera;
StageCamera game_camera(void);
/* A rectangle of the place as it shows on the stage. */
UiRect game_camera_rect(UiRect place_rect);
RigPlacement game_placement(const Game *g);
bool game_rect_contains(UiRect r, float x, float y);

#endif
