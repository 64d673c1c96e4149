/* Unsaid - settings_file.h: the player's settings and their file, settings.txt.
 *
 *   format = 1
 *   fullscreen = no              # yes or no
 *   master_volume = 100          # 0 to 100
 *   text_size = normal           # small, normal, large or projector
 *   ...
 *   end = settings
 *
 * Every setting is one entry of a table in settings_file.c (its key, kind,
 * field, limits and default); reading, writing, the defaults and
 * settings_equal() all follow that table. A key that is missing takes its
 * default, one given twice takes the later value with a warning, and a
 * number out of range is clamped with a warning, an unknown difficulty
 * is standard with a warning; a value of the wrong kind refuses the whole file (the frame's rules are in saveframe.h).
 * Writing gives back exactly what reading took in.
 *
 * Pure: no SDL, no files, no clock. src/platform/saves.h puts it on disk. */
#ifndef UNSAID_SETTINGS_FILE_H
#define UNSAID_SETTINGS_FILE_H

#include "diag.h"
#include "difficulty.h"

#include <stdbool.h>
#include <stddef.h>

/* Window sizes: 0 means the game's default; otherwise these bounds. */
#define SETTINGS_MIN_WIDTH 320
#define SETTINGS_MAX_WIDTH 7680
#define SETTINGS_MIN_HEIGHT 180
#define SETTINGS_MAX_HEIGHT 4320

typedef enum { TEXT_SIZE_SMALL, TEXT_SIZE_NORMAL, TEXT_SIZE_LARGE, TEXT_SIZE_PROJECTOR, TEXT_SIZE_COUNT } TextSize;
typedef enum { TEXT_SPEED_SLOW, TEXT_SPEED_NORMAL, TEXT_SPEED_FAST, TEXT_SPEED_INSTANT, TEXT_SPEED_COUNT } TextSpeed;

typedef struct {
    bool fullscreen;
    int window_width, window_height;                /* 0 = the default size */
    int master_volume, music_volume, effects_volume; /* 0..100 */
    TextSize text_size;
    TextSpeed text_speed;
    bool reduced_motion; /* fewer and gentler movements outside the characters' cues */
    bool high_contrast;
    bool hints;          /* off by default: noticing is the game */
    bool open_all_scenes; /* for facilitators: every scene can be chosen, finished or not */
    Difficulty difficulty; /* gentle, standard or sharp (difficulty.h); gentle turns hints on */
} Settings;

/* Full screen off, default window, volumes 100/80/100, normal text at
 * normal speed, standard difficulty, everything else off. */
Settings settings_default(void);
/* Do a and b hold the same value for every setting? */
bool settings_equal(const Settings *a, const Settings *b);

/* Read a settings file. `file` names it in diagnostics; buf need not be
 * NUL-terminated. Returns false when diags gained an error; *s is then the
 * defaults, never half a file. Warnings (unknown keys, clamped values)
 * leave it true. */
bool settings_parse(Settings *s, const char *file, const char *buf, size_t len, DiagList *diags);
/* The text of a settings file, NUL-terminated, its length in *len (may be
 * NULL). malloc'd: free() it. NULL only when out of memory. */
char *settings_format(const Settings *s, size_t *len);

/* Data names: "small" .. "projector", "slow" .. "instant"; "?" out of range. */
const char *settings_text_size_name(TextSize t);
const char *settings_text_speed_name(TextSpeed t);

#endif
