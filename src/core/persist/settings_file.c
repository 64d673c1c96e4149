/* Unsaid - settings_file.c */
#include "settings_file.h"

#include "saveframe.h"
#include "textio.h"

#include <stdio.h>
#include <string.h>

static const char *const text_sizes[TEXT_SIZE_COUNT] = {"small", "normal", "large", "projector"};
static const char *const text_speeds[TEXT_SPEED_COUNT] = {"slow", "normal", "fast", "instant"};
/* By value (difficulty.h): standard is 0, so a missing key is standard. */
static const char *const difficulties[DIFFICULTY_COUNT] = {"standard", "gentle", "sharp"};

typedef enum {
    KIND_YES_NO, /* a bool field: yes or no */
    KIND_NUMBER, /* an int field: lo..hi */
    KIND_SIZE,   /* an int field: 0 for the default, or lo..hi */
    KIND_WORD,   /* an enum field, kept as int: words[lo..hi] */
    KIND_LEVEL   /* as KIND_WORD, but an unknown word is the default, with a warning */
} Kind;

typedef struct {
    const char *key;          /* in the file */
    Kind kind;
    size_t offset;            /* of the field in Settings */
    int lo, hi;               /* limits (a yes/no: 0, 1) */
    int def;                  /* the default */
    const char *const *words; /* KIND_WORD: the names, by value */
    const char *note;         /* written after the value; a word's note also names the choices in errors */
} Key;

/* The offset of Settings' field f, which must have type T: a field of any
 * other type does not compile, so no entry reads or writes its field as
 * the wrong kind. */
#define FIELD(f, T) (offsetof(Settings, f) + _Generic(((Settings *)0)->f, T: 0))
#define YES_NO(key, f, def) {key, KIND_YES_NO, FIELD(f, bool), 0, 1, def, NULL, "yes or no"}
#define NUMBER(key, f, lo, hi, def, note) {key, KIND_NUMBER, FIELD(f, int), lo, hi, def, NULL, note}
#define SIZE(key, f, lo, hi, def, note) {key, KIND_SIZE, FIELD(f, int), lo, hi, def, NULL, note}
#define WORD(key, f, T, words, def, note) \
    {key, KIND_WORD, FIELD(f, T), 0, (int)(sizeof words / sizeof words[0]) - 1, def, words, note}
#define LEVEL(key, f, T, words, def, note) \
    {key, KIND_LEVEL, FIELD(f, T), 0, (int)(sizeof words / sizeof words[0]) - 1, def, words, note}

_Static_assert(sizeof(TextSize) == sizeof(int) && sizeof(TextSpeed) == sizeof(int) && sizeof(Difficulty) == sizeof(int),
               "word settings are kept as int");

/* Every setting, in the order the file lists them. A new setting is a
 * field in Settings and one line here. */
static const Key keys[] = {
    YES_NO("fullscreen", fullscreen, false),
    SIZE("window_width", window_width, SETTINGS_MIN_WIDTH, SETTINGS_MAX_WIDTH, 0, "pixels; 0 = the default"),
    SIZE("window_height", window_height, SETTINGS_MIN_HEIGHT, SETTINGS_MAX_HEIGHT, 0, "pixels; 0 = the default"),
    NUMBER("master_volume", master_volume, 0, 100, 100, "0 to 100"),
    NUMBER("music_volume", music_volume, 0, 100, 80, "0 to 100"),
    NUMBER("effects_volume", effects_volume, 0, 100, 100, "0 to 100"),
    WORD("text_size", text_size, TextSize, text_sizes, TEXT_SIZE_NORMAL, "small, normal, large or projector"),
    WORD("text_speed", text_speed, TextSpeed, text_speeds, TEXT_SPEED_NORMAL, "slow, normal, fast or instant"),
    YES_NO("reduced_motion", reduced_motion, false),
    YES_NO("high_contrast", high_contrast, false),
    YES_NO("hints", hints, false),
    YES_NO("open_all_scenes", open_all_scenes, false),
    /* A newer game may have more levels: an unknown one plays standard. */
    LEVEL("difficulty", difficulty, Difficulty, difficulties, DIFFICULTY_STANDARD, "gentle, standard or sharp"),
};

#undef LEVEL
#undef WORD
#undef SIZE
#undef NUMBER
#undef YES_NO
#undef FIELD

#define KEY_COUNT (sizeof keys / sizeof keys[0])

static int key_get(const Settings *s, const Key *k)
{
    const char *field = (const char *)s + k->offset;
    return k->kind == KIND_YES_NO ? *(const bool *)field : *(const int *)field;
}

static void key_set(Settings *s, const Key *k, int v)
{
    char *field = (char *)s + k->offset;
    if (k->kind == KIND_YES_NO)
        *(bool *)field = v != 0;
    else
        *(int *)field = v;
}

Settings settings_default(void)
{
    Settings s;
    memset(&s, 0, sizeof s);
    for (size_t i = 0; i < KEY_COUNT; i++)
        key_set(&s, &keys[i], keys[i].def);
    return s;
}

bool settings_equal(const Settings *a, const Settings *b)
{
    for (size_t i = 0; i < KEY_COUNT; i++)
        if (key_get(a, &keys[i]) != key_get(b, &keys[i]))
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

/* ---- reading ------------------------------------------------------------- */

/* Set k from val, or report why it cannot be read; clamping is warned about. */
static void read_value(Settings *s, const Key *k, TextReader *rd, const char *val, int vcol)
{
    char q[64];
    switch (k->kind) {
    case KIND_YES_NO: {
        bool b;
        if (textio_parse_bool(val, &b))
            key_set(s, k, b);
        else
            textio_report(rd, DIAG_ERROR, rd->lineno, vcol, "expected yes or no for '%s', found '%s'", k->key,
                          textio_quote(val, q, sizeof q));
        return;
    }
    case KIND_NUMBER: {
        int v;
        if (textio_read_int(rd, vcol, k->key, val, k->lo, k->hi, &v))
            key_set(s, k, v);
        return;
    }
    case KIND_SIZE: {
        long long v;
        TextioNum np = textio_parse_num(val, strlen(val), &v);
        if (np == TEXTIO_NUM_BAD) {
            textio_report(rd, DIAG_ERROR, rd->lineno, vcol, "expected a whole number for '%s', found '%s'", k->key,
                          textio_quote(val, q, sizeof q));
        } else if (np == TEXTIO_NUM_OK && v == 0) {
            key_set(s, k, 0);
        } else if (np == TEXTIO_NUM_HUGE || v < k->lo || v > k->hi) {
            int c = np == TEXTIO_NUM_HUGE || v > k->hi ? k->hi : v < 0 ? 0 : k->lo;
            textio_report(rd, DIAG_WARNING, rd->lineno, vcol,
                          "'%s' is %s%s; using %d (0 for the default, or %d to %d)", k->key,
                          np == TEXTIO_NUM_HUGE ? "far too large" : "",
                          np == TEXTIO_NUM_HUGE ? "" : textio_quote(val, q, sizeof q), c, k->lo, k->hi);
            key_set(s, k, c);
        } else {
            key_set(s, k, (int)v);
        }
        return;
    }
    case KIND_WORD:
    case KIND_LEVEL:
        for (int i = k->lo; i <= k->hi; i++) {
            if (strcmp(val, k->words[i]) == 0) {
                key_set(s, k, i);
                return;
            }
        }
        if (k->kind == KIND_LEVEL) {
            textio_report(rd, DIAG_WARNING, rd->lineno, vcol, "unknown %s '%s' (expected %s); using %s", k->key,
                          textio_quote(val, q, sizeof q), k->note, k->words[k->def]);
            key_set(s, k, k->def);
            return;
        }
        textio_report(rd, DIAG_ERROR, rd->lineno, vcol, "expected %s for '%s', found '%s'", k->note, k->key,
                      textio_quote(val, q, sizeof q));
        return;
    }
}

typedef struct {
    Settings *s;
    int seen[KEY_COUNT]; /* the line each key was set on */
} Reading;

static bool read_entry(void *ctx, TextReader *rd, const char *key, int kcol, char *val, int vcol)
{
    Reading *r = ctx;
    size_t i = 0;
    while (i < KEY_COUNT && strcmp(keys[i].key, key) != 0)
        i++;
    if (i == KEY_COUNT)
        return false;
    if (r->seen[i])
        textio_report(rd, DIAG_WARNING, rd->lineno, kcol,
                      "'%s' is set twice (first on line %d); the later value is used", key, r->seen[i]);
    r->seen[i] = rd->lineno;
    read_value(r->s, &keys[i], rd, val, vcol);
    return true;
}

bool settings_parse(Settings *s, const char *file, const char *buf, size_t len, DiagList *diags)
{
    *s = settings_default();
    Reading r = {.s = s};
    if (saveframe_read(file, buf, len, diags, "settings", read_entry, &r))
        return true;
    *s = settings_default();
    return false;
}

/* ---- writing ------------------------------------------------------------- */

char *settings_format(const Settings *s, size_t *len)
{
    TextWriter w = {0};
    saveframe_begin(&w, "# Unsaid settings. Change a value after '=' and keep the rest of the\n"
                        "# line as it is; the game reads this file when it starts. Delete the\n"
                        "# file to go back to the defaults. See docs/save-format.md.\n");
    for (size_t i = 0; i < KEY_COUNT; i++) {
        const Key *k = &keys[i];
        int x = key_get(s, k);
        char kv[SAVE_MAX_LINE];
        if (k->kind == KIND_YES_NO)
            snprintf(kv, sizeof kv, "%s = %s", k->key, x ? "yes" : "no");
        else if (k->kind == KIND_WORD || k->kind == KIND_LEVEL)
            snprintf(kv, sizeof kv, "%s = %s", k->key, k->words[x < k->lo ? k->lo : x > k->hi ? k->hi : x]);
        else
            snprintf(kv, sizeof kv, "%s = %d", k->key, x);
        textio_printf(&w, "%-28s # %s\n", kv, k->note); /* the notes line up */
    }
    return saveframe_end(&w, "settings", len);
}
