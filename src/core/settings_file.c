/* Unsaid - settings_file.c */
#include "settings_file.h"

#include "saveframe.h"
#include "textio.h"

#include <stdio.h>
#include <string.h>

static const char *const text_sizes[] = {"small", "normal", "large", "projector", NULL};
static const char *const text_speeds[] = {"slow", "normal", "fast", "instant", NULL};

static int clampi(int v, int lo, int hi)
{
    return v < lo ? lo : v > hi ? hi : v;
}

/* A `key = value` line with a note in a comment lined up after it. */
static void text_entry(TextWriter *w, const char *key, const char *value, const char *note)
{
    char kv[SAVE_MAX_LINE];
    snprintf(kv, sizeof kv, "%s = %s", key, value);
    if (note)
        textio_printf(w, "%-28s # %s\n", kv, note);
    else
        textio_printf(w, "%s\n", kv);
}

typedef enum { V_BOOL, V_INT, V_SIZE, V_WORD } ValueKind;

enum {
    S_FULLSCREEN,
    S_WIDTH,
    S_HEIGHT,
    S_MASTER,
    S_MUSIC,
    S_EFFECTS,
    S_TEXT_SIZE,
    S_TEXT_SPEED,
    S_REDUCED_MOTION,
    S_HIGH_CONTRAST,
    S_HINTS,
    S_ALL_OPEN,
    S_COUNT
};

static const struct {
    const char *key;
    ValueKind kind;
    int lo, hi;                /* V_INT, V_SIZE (V_SIZE also takes 0) */
    const char *const *words;  /* V_WORD */
    const char *note;          /* the comment written after it */
} skeys[S_COUNT] = {
    [S_FULLSCREEN] = {"fullscreen", V_BOOL, 0, 1, NULL, "yes or no"},
    [S_WIDTH] = {"window_width", V_SIZE, SETTINGS_MIN_WIDTH, SETTINGS_MAX_WIDTH, NULL, "pixels; 0 = the default"},
    [S_HEIGHT] = {"window_height", V_SIZE, SETTINGS_MIN_HEIGHT, SETTINGS_MAX_HEIGHT, NULL, "pixels; 0 = the default"},
    [S_MASTER] = {"master_volume", V_INT, 0, 100, NULL, "0 to 100"},
    [S_MUSIC] = {"music_volume", V_INT, 0, 100, NULL, "0 to 100"},
    [S_EFFECTS] = {"effects_volume", V_INT, 0, 100, NULL, "0 to 100"},
    [S_TEXT_SIZE] = {"text_size", V_WORD, 0, TEXT_SIZE_COUNT - 1, text_sizes, "small, normal, large or projector"},
    [S_TEXT_SPEED] = {"text_speed", V_WORD, 0, TEXT_SPEED_COUNT - 1, text_speeds, "slow, normal, fast or instant"},
    [S_REDUCED_MOTION] = {"reduced_motion", V_BOOL, 0, 1, NULL, "yes or no"},
    [S_HIGH_CONTRAST] = {"high_contrast", V_BOOL, 0, 1, NULL, "yes or no"},
    [S_HINTS] = {"hints", V_BOOL, 0, 1, NULL, "yes or no"},
    [S_ALL_OPEN] = {"open_all_scenes", V_BOOL, 0, 1, NULL, "yes or no"},
};

static int sget(const Settings *s, int k)
{
    switch (k) {
    case S_FULLSCREEN: return s->fullscreen;
    case S_WIDTH: return s->window_width;
    case S_HEIGHT: return s->window_height;
    case S_MASTER: return s->master_volume;
    case S_MUSIC: return s->music_volume;
    case S_EFFECTS: return s->effects_volume;
    case S_TEXT_SIZE: return (int)s->text_size;
    case S_TEXT_SPEED: return (int)s->text_speed;
    case S_REDUCED_MOTION: return s->reduced_motion;
    case S_HIGH_CONTRAST: return s->high_contrast;
    case S_ALL_OPEN: return s->open_all_scenes;
    default: return s->hints;
    }
}

static void sset(Settings *s, int k, int v)
{
    switch (k) {
    case S_FULLSCREEN: s->fullscreen = v != 0; break;
    case S_WIDTH: s->window_width = v; break;
    case S_HEIGHT: s->window_height = v; break;
    case S_MASTER: s->master_volume = v; break;
    case S_MUSIC: s->music_volume = v; break;
    case S_EFFECTS: s->effects_volume = v; break;
    case S_TEXT_SIZE: s->text_size = (TextSize)v; break;
    case S_TEXT_SPEED: s->text_speed = (TextSpeed)v; break;
    case S_REDUCED_MOTION: s->reduced_motion = v != 0; break;
    case S_HIGH_CONTRAST: s->high_contrast = v != 0; break;
    case S_ALL_OPEN: s->open_all_scenes = v != 0; break;
    default: s->hints = v != 0; break;
    }
}

Settings settings_default(void)
{
    return (Settings){
        .fullscreen = false,
        .window_width = 0,
        .window_height = 0,
        .master_volume = 100,
        .music_volume = 80,
        .effects_volume = 100,
        .text_size = TEXT_SIZE_NORMAL,
        .text_speed = TEXT_SPEED_NORMAL,
        .reduced_motion = false,
        .high_contrast = false,
        .hints = false,
        .open_all_scenes = false,
    };
}

bool settings_equal(const Settings *a, const Settings *b)
{
    for (int k = 0; k < S_COUNT; k++)
        if (sget(a, k) != sget(b, k))
            return false;
    return true;
}

const char *settings_text_size_name(TextSize t)
{
    return t >= 0 && t < TEXT_SIZE_COUNT ? text_sizes[t] : "?";
}

const char *settings_text_speed_name(TextSpeed t)
{
    return t >= 0 && t < TEXT_SPEED_COUNT ? text_speeds[t] : "?";
}

/* One settings value; false (reported) when it cannot be read. */
static bool settings_value(Settings *s, int k, TextReader *rd, const char *val, int vcol)
{
    char q[64];
    const char *key = skeys[k].key;
    switch (skeys[k].kind) {
    case V_BOOL: {
        bool b;
        if (!textio_parse_bool(val, &b)) {
            textio_report(rd, DIAG_ERROR, rd->lineno, vcol, "expected yes or no for '%s', found '%s'", key,
                          textio_quote(val, q, sizeof q));
            return false;
        }
        sset(s, k, b);
        return true;
    }
    case V_INT: {
        int v;
        if (!textio_read_int(rd, vcol, key, val, skeys[k].lo, skeys[k].hi, &v))
            return false;
        sset(s, k, v);
        return true;
    }
    case V_SIZE: {
        long long v;
        TextioNum np = textio_parse_num(val, strlen(val), &v);
        if (np == TEXTIO_NUM_BAD) {
            textio_report(rd, DIAG_ERROR, rd->lineno, vcol, "expected a whole number for '%s', found '%s'", key,
                          textio_quote(val, q, sizeof q));
            return false;
        }
        if (np == TEXTIO_NUM_OK && v == 0) {
            sset(s, k, 0);
            return true;
        }
        if (np == TEXTIO_NUM_HUGE || v < skeys[k].lo || v > skeys[k].hi) {
            int c = np == TEXTIO_NUM_HUGE || v > skeys[k].hi ? skeys[k].hi : v < 0 ? 0 : skeys[k].lo;
            textio_report(rd, DIAG_WARNING, rd->lineno, vcol,
                          "'%s' is %s%s; using %d (0 for the default, or %d to %d)", key,
                          np == TEXTIO_NUM_HUGE ? "far too large" : "",
                          np == TEXTIO_NUM_HUGE ? "" : textio_quote(val, q, sizeof q), c, skeys[k].lo, skeys[k].hi);
            sset(s, k, c);
        } else {
            sset(s, k, (int)v);
        }
        return true;
    }
    case V_WORD:
        for (int i = 0; skeys[k].words[i]; i++) {
            if (strcmp(val, skeys[k].words[i]) == 0) {
                sset(s, k, i);
                return true;
            }
        }
        textio_report(rd, DIAG_ERROR, rd->lineno, vcol, "expected %s for '%s', found '%s'", skeys[k].note, key,
                      textio_quote(val, q, sizeof q));
        return false;
    }
    return false;
}

typedef struct {
    Settings *s;
    int seen[S_COUNT]; /* the line each key was set on */
} SettingsRead;

static bool settings_entry(void *ctx, TextReader *rd, const char *key, int kcol, char *val, int vcol)
{
    SettingsRead *sr = ctx;
    int k = 0;
    while (k < S_COUNT && strcmp(skeys[k].key, key) != 0)
        k++;
    if (k == S_COUNT)
        return false;
    if (sr->seen[k])
        textio_report(rd, DIAG_WARNING, rd->lineno, kcol,
                      "'%s' is set twice (first on line %d); the later value is used", key, sr->seen[k]);
    sr->seen[k] = rd->lineno;
    settings_value(sr->s, k, rd, val, vcol);
    return true;
}

bool settings_parse(Settings *s, const char *file, const char *buf, size_t len, DiagList *diags)
{
    *s = settings_default();
    SettingsRead sr = {.s = s};
    if (saveframe_read(file, buf, len, diags, "settings", settings_entry, &sr))
        return true;
    *s = settings_default();
    return false;
}

char *settings_format(const Settings *s, size_t *len)
{
    TextWriter w = {0};
    saveframe_begin(&w, "# Unsaid settings. Change a value after '=' and keep the rest of the\n"
                        "# line as it is; the game reads this file when it starts. Delete the\n"
                        "# file to go back to the defaults. See docs/save-format.md.\n");
    for (int k = 0; k < S_COUNT; k++) {
        char v[32];
        int x = sget(s, k);
        switch (skeys[k].kind) {
        case V_BOOL: snprintf(v, sizeof v, "%s", x ? "yes" : "no"); break;
        case V_WORD: snprintf(v, sizeof v, "%s", skeys[k].words[clampi(x, skeys[k].lo, skeys[k].hi)]); break;
        default: snprintf(v, sizeof v, "%d", x); break;
        }
        text_entry(&w, skeys[k].key, v, skeys[k].note);
    }
    return saveframe_end(&w, "settings", len);
}
