/* Unsaid - audio.h: sound through SDL2_mixer, reacting to the game.
 *
 * Audio listens to the game and never talks back: it reads a const Game
 * after the game has stepped, so sound can never change what happens, and a
 * replay plays the same with sound on or off. It is optional too: when no
 * audio device opens (no sound card, SDL_AUDIODRIVER=dummy fails, a broken
 * file) the game runs silent and every function here is a harmless no-op.
 * Headless runs never call audio_init.
 *
 * What plays:
 * - interface sounds for the game's events (a soft tick when a choice moves,
 *   notes for confirm and for going back to the title or the chapters,
 *   one neutral sound for every flag, right or wrong, a chime when the
 *   debrief begins, a page turn when the screen changes otherwise), at most
 *   one of each kind per frame;
 * - a cue's `sound:` once, when the performance (or the reaction) reaches
 *   the cue's start tick, a little quieter for a small `amount`, and again
 *   when the debrief's slow motion reaches it;
 * - the place's `ambience:` as a loop while a scene is on screen, faded out
 *   and the next one faded in when it changes.
 * A paused game holds the cue sounds and the ambience where they are; the
 * interface sounds still play, for the pause menu.
 *
 * Cues are heard by game ticks, not by the clock: each frame plays the cues
 * whose start lies between the tick heard last and the tick now, so frames
 * that run several ticks miss none, and none plays twice. A cue found more
 * than AUDIO_LATE_TICKS after its start (after a long stall) is skipped
 * rather than played out of step with the picture. Entering a performance
 * part-way plays nothing already past.
 *
 * Sounds are files in a pack's sounds/ folder, NAME.ogg or NAME.wav, looked
 * for in the pack that names them and then in the base pack (source 0);
 * interface sounds are the base pack's ui_*.ogg. Loaded sounds are cached
 * until audio_forget (call it when the packs are remounted). */
#ifndef UNSAID_AUDIO_H
#define UNSAID_AUDIO_H

#include "play.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#define AUDIO_LATE_TICKS 15                          /* a quarter of a second */
#define AUDIO_MAX_SOUND_FILE (4u * 1024u * 1024u)    /* one cue or interface sound */
#define AUDIO_MAX_SOUND_SECONDS 30.0                 /* decoded length of one */
#define AUDIO_MAX_AMBIENCE_FILE (8u * 1024u * 1024u) /* one ambience loop (streamed) */
#define AUDIO_MAX_CACHED 128                         /* sounds kept loaded */
#define AUDIO_KEY_MAX 96 /* "<pack root>/sounds/<name>": "/p/63/sounds/" and a 64-character name */

typedef enum {
    AUDIO_UI_SELECT,  /* the highlighted choice moved */
    AUDIO_UI_CONFIRM, /* a choice was made */
    AUDIO_UI_BACK,    /* back to the title */
    AUDIO_UI_FLAG,    /* a flag was placed: the same sound whatever it hit */
    AUDIO_UI_RESULT,  /* the debrief began */
    AUDIO_UI_PAGE,    /* the screen changed by itself */
    AUDIO_UI_COUNT
} AudioUi;

/* What audio has done, for --timing, benchmarks and tests. */
typedef struct {
    bool on;                  /* a device is open */
    char driver[128];         /* SDL's audio driver, or why sound is off */
    int freq, channels;       /* the device's format */
    int loaded;               /* sound files decoded into memory (cached) */
    size_t bytes;             /* their decoded size */
    size_t ambience_bytes;    /* the ambience file held for streaming */
    double load_ms;           /* time spent loading sounds, all told */
    int ui_played[AUDIO_UI_COUNT];
    int cues_played;          /* cue sounds started */
    int cues_skipped;         /* cues found too late to play in step */
    char last_cue[AUDIO_KEY_MAX]; /* the last cue sound started: "/p/0/sounds/sigh" */
    char ambience[AUDIO_KEY_MAX]; /* the ambience wanted now ("" for none) */
} AudioStats;

/* Open the default audio device and load the interface sounds. Returns
 * whether sound is on; false is not an error (the game runs silent). Call
 * after the packs are mounted and SDL is initialised. */
bool audio_init(void);
/* Stop every sound and close the device. Safe when audio_init failed. */
void audio_quit(void);
/* Volumes from the settings, each 0..100; master scales the other two.
 * `music` is the place ambience, `effects` the interface and cue sounds. */
void audio_set_volumes(int master, int music, int effects);

/* Play one interface sound now. */
void audio_play_ui(AudioUi which);
/* Play sounds/NAME.ogg (or .wav) of pack source `source` (PackSource index;
 * the base pack's when that pack lacks it) once, at `gain` (0..1) of the
 * effects volume. Loads and caches it on first use. */
void audio_play_sound(int source, const char *name, float gain);
/* Loop sounds/NAME of pack source `source` as the ambience (name NULL or ""
 * for none): the current loop fades out and this one fades in. Takes
 * effect over the next calls of audio_update. */
void audio_ambience(int source, const char *name);

/* The game asked for an interface sound (REQ_SOUND): the next
 * audio_update plays it. Cheap; does not touch the device. */
void audio_request(GameSound sound);
/* Call once per rendered frame, after the frame's steps: plays the events
 * noted since the last frame, starts the sounds of cues whose start tick
 * has passed, follows the place's ambience, and pauses every sound while
 * `paused` (resuming where it was). */
void audio_update(const Game *g, bool paused);
/* The packs were remounted (F5, a pack turned on or off): drop every loaded
 * sound, since a mount point may now hold another pack. */
void audio_forget(void);

void audio_stats(AudioStats *out);
/* One line for --timing: device, sounds loaded, memory and load time. */
void audio_report(FILE *f);

#endif
