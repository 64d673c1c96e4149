/* Unsaid - save.c */
#include "save.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A file that has more problems than this is damaged; listing them all
 * helps nobody and a hostile file could make the list huge. */
#define SAVE_MAX_DIAGS 20

/* ---- reading lines ---------------------------------------------------------- */

typedef struct {
    const char *file;
    DiagList *diags;
    int shown, errors;
} Report;

static void report(Report *r, DiagLevel level, int line, int col, const char *fmt, ...) DIAG_PRINTF(5, 6);

static void report(Report *r, DiagLevel level, int line, int col, const char *fmt, ...)
{
    if (level == DIAG_ERROR)
        r->errors++;
    if (r->shown > SAVE_MAX_DIAGS)
        return;
    if (r->shown++ == SAVE_MAX_DIAGS) {
        diag_add(r->diags, level, r->file, line, col, "more problems follow; they are not listed");
        return;
    }
    char msg[320];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    diag_add(r->diags, level, r->file, line, col, "%s", msg);
}

/* A short, printable copy of what the file held, for messages. */
static const char *quote(const char *s, char *buf, size_t size)
{
    size_t n = 0;
    for (; s[n] && n + 4 < size && n < 40; n++)
        buf[n] = (s[n] >= 0x20 && s[n] < 0x7f) ? s[n] : '?';
    if (s[n] && n + 4 <= size) {
        memcpy(buf + n, "...", 3);
        n += 3;
    }
    buf[n] = '\0';
    return buf;
}

typedef struct {
    const char *buf;
    size_t len, pos;
    int lineno;
    char text[SAVE_MAX_LINE + 1]; /* the current line, comment cut off, right-trimmed */
    int eof_line, eof_col;        /* where the file ends */
} Lines;

static void lines_start(Lines *l, const char *buf, size_t len)
{
    memset(l, 0, sizeof *l);
    l->buf = buf;
    l->len = len;
    if (len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0)
        l->pos = 3; /* a byte-order mark, as some editors write */
    l->eof_line = 1;
    l->eof_col = 1;
}

/* The next line into l->text. A line that cannot be read (too long, or
 * holding control bytes) is reported and comes back empty. */
static bool lines_next(Lines *l, Report *r)
{
    if (l->pos >= l->len)
        return false;
    const char *s = l->buf + l->pos;
    const char *nl = memchr(s, '\n', l->len - l->pos);
    size_t n = nl ? (size_t)(nl - s) : l->len - l->pos;
    l->pos += n + (nl ? 1 : 0);
    l->lineno++;
    l->eof_line = nl ? l->lineno + 1 : l->lineno;
    l->eof_col = nl ? 1 : (int)(n > SAVE_MAX_LINE ? SAVE_MAX_LINE : n) + 1;
    l->text[0] = '\0';
    if (n && s[n - 1] == '\r')
        n--; /* Windows line endings */
    if (n > SAVE_MAX_LINE) {
        report(r, DIAG_ERROR, l->lineno, SAVE_MAX_LINE + 1, "line is longer than %d bytes", SAVE_MAX_LINE);
        return true;
    }
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if ((c < 0x20 && c != '\t') || c == 0x7f) {
            report(r, DIAG_ERROR, l->lineno, (int)i + 1, "unexpected byte 0x%02X: the file is damaged", c);
            return true;
        }
    }
    memcpy(l->text, s, n);
    l->text[n] = '\0';
    char *hash = strchr(l->text, '#');
    if (hash)
        *hash = '\0';
    size_t k = strlen(l->text);
    while (k && (l->text[k - 1] == ' ' || l->text[k - 1] == '\t'))
        l->text[--k] = '\0';
    return true;
}

static bool is_space(char c)
{
    return c == ' ' || c == '\t';
}

static bool is_key_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.';
}

/* Split "key = value" in place. Returns false (and reports) when the line
 * is not that shape; columns are 1-based. */
static bool split_kv(Lines *l, Report *r, char **key, int *kcol, char **val, int *vcol)
{
    char *t = l->text, q[64];
    char *p = t;
    while (is_space(*p))
        p++;
    char *k = p;
    while (is_key_char(*p))
        p++;
    if (p == k) {
        report(r, DIAG_ERROR, l->lineno, (int)(k - t) + 1, "expected 'key = value', found '%s'", quote(k, q, sizeof q));
        return false;
    }
    char *kend = p;
    while (is_space(*p))
        p++;
    if (*p != '=') {
        char kq[64];
        *kend = '\0';
        report(r, DIAG_ERROR, l->lineno, (int)(p - t) + 1, "expected '=' after '%s'", quote(k, kq, sizeof kq));
        return false;
    }
    *kend = '\0';
    p++;
    while (is_space(*p))
        p++;
    if (!*p) {
        report(r, DIAG_ERROR, l->lineno, (int)(p - t) + 1, "expected a value after '%s ='", quote(k, q, sizeof q));
        return false;
    }
    *key = k;
    *kcol = (int)(k - t) + 1;
    *val = p;
    *vcol = (int)(p - t) + 1;
    return true;
}

/* ---- values ----------------------------------------------------------------- */

typedef enum { NUM_OK, NUM_BAD, NUM_HUGE } NumParse;

/* A whole number in s[0..n): an optional '-', then digits. Numbers too
 * large for any field come back as NUM_HUGE, saturated. */
static NumParse parse_num(const char *s, size_t n, long long *out)
{
    size_t i = 0;
    bool neg = n > 0 && s[0] == '-';
    if (neg || (n > 0 && s[0] == '+'))
        i++;
    if (i == n)
        return NUM_BAD;
    long long v = 0;
    bool huge = false;
    for (; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return NUM_BAD;
        if (v < 1000000000000LL)
            v = v * 10 + (s[i] - '0');
        else
            huge = true;
    }
    *out = neg ? -v : v;
    return huge ? NUM_HUGE : NUM_OK;
}

static bool parse_bool(const char *s, bool *out)
{
    static const char *const yes[] = {"yes", "true", "on", "1"}, *const no[] = {"no", "false", "off", "0"};
    for (size_t i = 0; i < sizeof yes / sizeof yes[0]; i++) {
        if (strcmp(s, yes[i]) == 0) {
            *out = true;
            return true;
        }
        if (strcmp(s, no[i]) == 0) {
            *out = false;
            return true;
        }
    }
    return false;
}

/* Clamp v into lo..hi with a warning naming `what`. */
static int clamp_warn(Report *r, int line, int col, const char *what, long long v, bool huge, int lo, int hi)
{
    if (!huge && v >= lo && v <= hi)
        return (int)v;
    int c = v < lo ? lo : hi;
    if (huge)
        report(r, DIAG_WARNING, line, col, "'%s' is far too large; using %d (it goes from %d to %d)", what, c, lo, hi);
    else
        report(r, DIAG_WARNING, line, col, "'%s' is %lld; using %d (it goes from %d to %d)", what, v, c, lo, hi);
    return c;
}

/* A whole number for `what`, clamped to lo..hi. false (reported) when the
 * text is not a number. */
static bool read_int(Report *r, int line, int col, const char *what, const char *s, size_t n, int lo, int hi,
                     int *out)
{
    long long v;
    NumParse np = parse_num(s, n, &v);
    if (np == NUM_BAD) {
        char q[64], tmp[SAVE_MAX_LINE + 1];
        memcpy(tmp, s, n);
        tmp[n] = '\0';
        report(r, DIAG_ERROR, line, col, "expected a whole number for '%s', found '%s'", what, quote(tmp, q, sizeof q));
        return false;
    }
    *out = clamp_warn(r, line, col, what, v, np == NUM_HUGE, lo, hi);
    return true;
}

static int clampi(int v, int lo, int hi)
{
    return v < lo ? lo : v > hi ? hi : v;
}

bool save_id_valid(const char *s)
{
    size_t n = strlen(s);
    if (n < 1 || n > SAVE_ID_MAX)
        return false;
    for (size_t i = 0; i < n; i++)
        if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= '0' && s[i] <= '9') || s[i] == '_' || s[i] == '-'))
            return false;
    return true;
}

/* ---- growing text ---------------------------------------------------------- */

typedef struct {
    char *buf;
    size_t len, cap;
    bool failed;
} Text;

static void text_printf(Text *t, const char *fmt, ...) DIAG_PRINTF(2, 3);

static void text_printf(Text *t, const char *fmt, ...)
{
    if (t->failed)
        return;
    for (;;) {
        va_list ap;
        va_start(ap, fmt);
        int n = vsnprintf(t->buf ? t->buf + t->len : NULL, t->buf ? t->cap - t->len : 0, fmt, ap);
        va_end(ap);
        if (n < 0) {
            t->failed = true;
            return;
        }
        if (t->buf && (size_t)n < t->cap - t->len) {
            t->len += (size_t)n;
            return;
        }
        size_t cap = t->cap ? t->cap * 2 : 4096;
        while (cap < t->len + (size_t)n + 1)
            cap *= 2;
        char *grown = realloc(t->buf, cap);
        if (!grown) {
            t->failed = true;
            return;
        }
        t->buf = grown;
        t->cap = cap;
    }
}

static char *text_finish(Text *t, size_t *len)
{
    if (t->failed) {
        free(t->buf);
        return NULL;
    }
    if (len)
        *len = t->len;
    return t->buf;
}

/* A `key = value` line with a note in a comment lined up after it. */
static void text_entry(Text *t, const char *key, const char *value, const char *note)
{
    char kv[SAVE_MAX_LINE];
    snprintf(kv, sizeof kv, "%s = %s", key, value);
    if (note)
        text_printf(t, "%-28s # %s\n", kv, note);
    else
        text_printf(t, "%s\n", kv);
}

/* ---- the frame shared by both files ---------------------------------------- */

typedef enum { FRAME_FIRST, FRAME_BODY, FRAME_ENDED } FrameState;

/* Handle `format` and `end`. Returns true when the line was one of them
 * (or came in the wrong place); *stop asks the caller to read no further. */
static bool frame_line(Lines *l, Report *r, FrameState *st, const char *kind, const char *key,
                       const char *val, int vcol, bool *stop)
{
    char q[64];
    if (*st == FRAME_FIRST) {
        long long v;
        if (strcmp(key, "format") != 0 || parse_num(val, strlen(val), &v) != NUM_OK) {
            report(r, DIAG_ERROR, l->lineno, 1, "expected 'format = %d' as the first key of a %s file",
                   SAVE_FORMAT, kind);
            *stop = true;
        } else if (v > SAVE_FORMAT) {
            report(r, DIAG_ERROR, l->lineno, vcol,
                   "format %lld was written by a newer version of the game; this one reads format %d", v,
                   SAVE_FORMAT);
            *stop = true;
        } else if (v < 1) {
            report(r, DIAG_ERROR, l->lineno, vcol, "expected 'format = %d', found 'format = %lld'", SAVE_FORMAT, v);
            *stop = true;
        }
        *st = FRAME_BODY;
        return true;
    }
    if (*st == FRAME_ENDED) {
        report(r, DIAG_ERROR, l->lineno, 1, "nothing may follow 'end = %s' (found '%s')", kind,
               quote(key, q, sizeof q));
        *stop = true;
        return true;
    }
    if (strcmp(key, "format") == 0) {
        report(r, DIAG_ERROR, l->lineno, 1, "'format' may only come first; is this two files in one?");
        return true;
    }
    if (strcmp(key, "end") == 0) {
        if (strcmp(val, kind) != 0)
            report(r, DIAG_ERROR, l->lineno, vcol, "expected 'end = %s', found 'end = %s'", kind,
                   quote(val, q, sizeof q));
        *st = FRAME_ENDED;
        return true;
    }
    return false;
}

static void frame_finish(Lines *l, Report *r, FrameState st, const char *kind, bool stopped)
{
    if (stopped)
        return;
    if (st == FRAME_FIRST)
        report(r, DIAG_ERROR, l->eof_line, l->eof_col,
               "the file is empty or holds only comments (expected 'format = %d' first)", SAVE_FORMAT);
    else if (st == FRAME_BODY)
        report(r, DIAG_ERROR, l->eof_line, l->eof_col,
               "the file ends before 'end = %s': it was cut short or damaged", kind);
}

static void unknown_key(Lines *l, Report *r, const char *key, int kcol)
{
    char q[64];
    report(r, DIAG_WARNING, l->lineno, kcol, "unknown key '%s' (ignored; perhaps from a newer version of the game)",
           quote(key, q, sizeof q));
}

/* One `key = value` line of a file's body (not `format` or `end`). */
typedef void (*EntryFn)(void *ctx, Lines *l, Report *r, const char *key, int kcol, char *val, int vcol);

/* Read a whole file: the frame (`format` first, `end = KIND` last) here,
 * every other line through entry(). Returns the number of errors. */
static int read_frame(const char *file, const char *buf, size_t len, DiagList *diags, const char *kind,
                      EntryFn entry, void *ctx)
{
    Report r = {file, diags, 0, 0};
    Lines l;
    lines_start(&l, buf, len);
    FrameState st = FRAME_FIRST;
    bool stop = false;
    while (!stop && lines_next(&l, &r)) {
        if (!l.text[0])
            continue;
        char *key, *val;
        int kcol, vcol;
        if (!split_kv(&l, &r, &key, &kcol, &val, &vcol)) {
            if (st == FRAME_FIRST)
                stop = true; /* not even the start of such a file */
            continue;
        }
        if (!frame_line(&l, &r, &st, kind, key, val, vcol, &stop))
            entry(ctx, &l, &r, key, kcol, val, vcol);
    }
    frame_finish(&l, &r, st, kind, stop);
    return r.errors;
}

/* ---- settings ---------------------------------------------------------------- */

static const char *const text_sizes[] = {"small", "normal", "large", "projector", NULL};
static const char *const text_speeds[] = {"slow", "normal", "fast", "instant", NULL};

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
static bool settings_value(Settings *s, int k, Lines *l, Report *r, const char *val, int vcol)
{
    char q[64];
    const char *key = skeys[k].key;
    switch (skeys[k].kind) {
    case V_BOOL: {
        bool b;
        if (!parse_bool(val, &b)) {
            report(r, DIAG_ERROR, l->lineno, vcol, "expected yes or no for '%s', found '%s'", key,
                   quote(val, q, sizeof q));
            return false;
        }
        sset(s, k, b);
        return true;
    }
    case V_INT: {
        int v;
        if (!read_int(r, l->lineno, vcol, key, val, strlen(val), skeys[k].lo, skeys[k].hi, &v))
            return false;
        sset(s, k, v);
        return true;
    }
    case V_SIZE: {
        long long v;
        NumParse np = parse_num(val, strlen(val), &v);
        if (np == NUM_BAD) {
            report(r, DIAG_ERROR, l->lineno, vcol, "expected a whole number for '%s', found '%s'", key,
                   quote(val, q, sizeof q));
            return false;
        }
        if (np == NUM_OK && v == 0) {
            sset(s, k, 0);
            return true;
        }
        if (np == NUM_HUGE || v < skeys[k].lo || v > skeys[k].hi) {
            int c = np == NUM_HUGE || v > skeys[k].hi ? skeys[k].hi : v < 0 ? 0 : skeys[k].lo;
            report(r, DIAG_WARNING, l->lineno, vcol, "'%s' is %s%s; using %d (0 for the default, or %d to %d)", key,
                   np == NUM_HUGE ? "far too large" : "", np == NUM_HUGE ? "" : quote(val, q, sizeof q), c,
                   skeys[k].lo, skeys[k].hi);
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
        report(r, DIAG_ERROR, l->lineno, vcol, "expected %s for '%s', found '%s'", skeys[k].note, key,
               quote(val, q, sizeof q));
        return false;
    }
    return false;
}

typedef struct {
    Settings *s;
    int seen[S_COUNT]; /* the line each key was set on */
} SettingsRead;

static void settings_entry(void *ctx, Lines *l, Report *r, const char *key, int kcol, char *val, int vcol)
{
    SettingsRead *sr = ctx;
    int k = 0;
    while (k < S_COUNT && strcmp(skeys[k].key, key) != 0)
        k++;
    if (k == S_COUNT) {
        unknown_key(l, r, key, kcol);
        return;
    }
    if (sr->seen[k])
        report(r, DIAG_WARNING, l->lineno, kcol, "'%s' is set twice (first on line %d); the later value is used", key,
               sr->seen[k]);
    sr->seen[k] = l->lineno;
    settings_value(sr->s, k, l, r, val, vcol);
}

bool settings_parse(Settings *s, const char *file, const char *buf, size_t len, DiagList *diags)
{
    *s = settings_default();
    SettingsRead sr = {.s = s};
    if (read_frame(file, buf, len, diags, "settings", settings_entry, &sr) == 0)
        return true;
    *s = settings_default();
    return false;
}

char *settings_format(const Settings *s, size_t *len)
{
    Text t = {0};
    text_printf(&t, "# Unsaid settings. Change a value after '=' and keep the rest of the\n"
                    "# line as it is; the game reads this file when it starts. Delete the\n"
                    "# file to go back to the defaults. See docs/save-format.md.\n");
    text_printf(&t, "format = %d\n", SAVE_FORMAT);
    for (int k = 0; k < S_COUNT; k++) {
        char v[32];
        int x = sget(s, k);
        switch (skeys[k].kind) {
        case V_BOOL: snprintf(v, sizeof v, "%s", x ? "yes" : "no"); break;
        case V_WORD: snprintf(v, sizeof v, "%s", skeys[k].words[clampi(x, skeys[k].lo, skeys[k].hi)]); break;
        default: snprintf(v, sizeof v, "%d", x); break;
        }
        text_entry(&t, skeys[k].key, v, skeys[k].note);
    }
    text_printf(&t, "end = settings\n");
    return text_finish(&t, len);
}

/* ---- progress ---------------------------------------------------------------- */

static TallyCounts clamp_counts(TallyCounts c)
{
    c.signals = clampi(c.signals, 0, PROGRESS_MAX_COUNT);
    c.noise = clampi(c.noise, 0, PROGRESS_MAX_COUNT);
    c.hits = clampi(c.hits, 0, c.signals);
    c.false_alarms = clampi(c.false_alarms, 0, c.noise);
    return c;
}

void progress_init(Progress *p)
{
    p->count = 0;
}

const SceneRecord *progress_find(const Progress *p, const char *scene)
{
    for (int i = 0; i < p->count; i++)
        if (strcmp(p->scenes[i].scene, scene) == 0)
            return &p->scenes[i];
    return NULL;
}

SceneRecord *progress_get(Progress *p, const char *pack, const char *scene)
{
    if (!scene || !save_id_valid(scene) || (pack && *pack && !save_id_valid(pack)))
        return NULL;
    SceneRecord *rec = (SceneRecord *)progress_find(p, scene);
    if (rec)
        return rec;
    if (p->count >= PROGRESS_MAX_SCENES)
        return NULL;
    rec = &p->scenes[p->count++];
    memset(rec, 0, sizeof *rec);
    snprintf(rec->scene, sizeof rec->scene, "%s", scene);
    snprintf(rec->pack, sizeof rec->pack, "%s", pack ? pack : "");
    return rec;
}

/* Clamp every region and make the total their sum. */
static void clamp_tally(Tally *t)
{
    t->total = (TallyCounts){0};
    for (int g = 0; g < REGION_COUNT; g++) {
        t->region[g] = clamp_counts(t->region[g]);
        t->total.signals += t->region[g].signals;
        t->total.hits += t->region[g].hits;
        t->total.noise += t->region[g].noise;
        t->total.false_alarms += t->region[g].false_alarms;
    }
}

SceneRecord *progress_record(Progress *p, const char *pack, const char *scene, const PlayResult *play)
{
    SceneRecord *rec = progress_get(p, pack, scene);
    if (!rec)
        return NULL;
    if (pack && *pack)
        snprintf(rec->pack, sizeof rec->pack, "%s", pack);
    int score = clampi(play->score, -PROGRESS_MAX_SCORE, PROGRESS_MAX_SCORE);
    bool first = rec->plays == 0;
    rec->plays = clampi(rec->plays + 1, 0, PROGRESS_MAX_COUNT);
    rec->done = rec->done || play->completed;
    rec->stars = clampi(play->stars > rec->stars ? play->stars : rec->stars, 0, 3);
    rec->last = play->tally;
    clamp_tally(&rec->last);
    if (first || score > rec->score) {
        rec->score = score;
        rec->best = rec->last;
    }
    return rec;
}

void progress_totals(const Progress *p, Tally *out)
{
    memset(out, 0, sizeof *out);
    for (int i = 0; i < p->count; i++)
        stats_tally_add(out, &p->scenes[i].last);
}

/* Fields of a scene line; bits of `seen`. */
enum { F_PACK, F_DONE, F_STARS, F_SCORE, F_PLAYS, F_BEST, F_LAST = F_BEST + REGION_COUNT, F_COUNT = F_LAST + REGION_COUNT };

/* "H/S,F/N" for a region; false (reported) when not that shape. */
static bool read_counts(Report *r, int line, int col, const char *what, const char *val, TallyCounts *out)
{
    static const char seps[4] = {'/', ',', '/', '\0'};
    static const char *const names[4] = {"hits", "signals", "false alarms", "noise"};
    const char *p = val;
    int v[4];
    for (int i = 0; i < 4; i++) {
        const char *e = p;
        while (*e && *e != '/' && *e != ',')
            e++;
        long long x;
        NumParse np = parse_num(p, (size_t)(e - p), &x);
        if (np == NUM_BAD || *e != seps[i]) {
            char q[64];
            report(r, DIAG_ERROR, line, col,
                   "expected HITS/SIGNALS,FALSE_ALARMS/NOISE for '%s' (such as 1/2,0/5), found '%s'", what,
                   quote(val, q, sizeof q));
            return false;
        }
        char full[96];
        snprintf(full, sizeof full, "%s %s", what, names[i]);
        v[i] = clamp_warn(r, line, col, full, x, np == NUM_HUGE, 0, PROGRESS_MAX_COUNT);
        p = e + 1;
    }
    TallyCounts c = {.hits = v[0], .signals = v[1], .false_alarms = v[2], .noise = v[3]};
    if (c.hits > c.signals) {
        report(r, DIAG_WARNING, line, col, "'%s' has %d hits of %d signals; using %d hits", what, c.hits, c.signals,
               c.signals);
        c.hits = c.signals;
    }
    if (c.false_alarms > c.noise) {
        report(r, DIAG_WARNING, line, col, "'%s' has %d false alarms in %d chances; using %d", what,
               c.false_alarms, c.noise, c.noise);
        c.false_alarms = c.noise;
    }
    *out = c;
    return true;
}

/* The value of a `scene = ID field=value ...` line. */
static void progress_scene(Progress *p, Lines *l, Report *r, char *val, int vcol)
{
    char q[64];
    char *t = l->text;
    char *w = val;
    while (*w && !is_space(*w))
        w++;
    if (*w)
        *w++ = '\0';
    if (!save_id_valid(val)) {
        report(r, DIAG_ERROR, l->lineno, vcol, "expected a scene id (1 to %d of a-z, 0-9, _ and -), found '%s'",
               SAVE_ID_MAX, quote(val, q, sizeof q));
        return;
    }
    if (progress_find(p, val)) {
        report(r, DIAG_ERROR, l->lineno, vcol, "scene '%s' is listed twice", val);
        return;
    }
    if (p->count >= PROGRESS_MAX_SCENES) {
        report(r, DIAG_ERROR, l->lineno, vcol, "more than %d scenes; this game keeps at most %d",
               PROGRESS_MAX_SCENES, PROGRESS_MAX_SCENES);
        return;
    }
    SceneRecord rec = {0};
    snprintf(rec.scene, sizeof rec.scene, "%s", val);
    unsigned long long seen = 0;
    int errors = r->errors;
    for (;;) {
        while (is_space(*w))
            w++;
        if (!*w)
            break;
        char *tok = w;
        int col = (int)(tok - t) + 1;
        while (*w && !is_space(*w))
            w++;
        if (*w)
            *w++ = '\0';
        char *eq = strchr(tok, '=');
        if (!eq || eq == tok) {
            report(r, DIAG_ERROR, l->lineno, col, "expected 'name=value' in the scene line, found '%s'",
                   quote(tok, q, sizeof q));
            continue;
        }
        *eq = '\0';
        const char *name = tok, *v = eq + 1;
        int vc = col + (int)(v - tok);
        int f = -1;
        if (strcmp(name, "pack") == 0)
            f = F_PACK;
        else if (strcmp(name, "done") == 0)
            f = F_DONE;
        else if (strcmp(name, "stars") == 0)
            f = F_STARS;
        else if (strcmp(name, "score") == 0)
            f = F_SCORE;
        else if (strcmp(name, "plays") == 0)
            f = F_PLAYS;
        else if (strncmp(name, "best.", 5) == 0 && rig_region_find(name + 5) != REGION_NONE)
            f = F_BEST + (int)rig_region_find(name + 5);
        else if (strncmp(name, "last.", 5) == 0 && rig_region_find(name + 5) != REGION_NONE)
            f = F_LAST + (int)rig_region_find(name + 5);
        if (f < 0) {
            report(r, DIAG_WARNING, l->lineno, col,
                   "unknown field '%s' in the scene line (ignored; perhaps from a newer version of the game)",
                   quote(name, q, sizeof q));
            continue;
        }
        if (seen & (1ull << f))
            report(r, DIAG_WARNING, l->lineno, col, "'%s' is given twice; the later value is used", name);
        seen |= 1ull << f;
        if (f == F_PACK) {
            if (!save_id_valid(v))
                report(r, DIAG_ERROR, l->lineno, vc, "expected a pack id (1 to %d of a-z, 0-9, _ and -), found '%s'",
                       SAVE_ID_MAX, quote(v, q, sizeof q));
            else
                snprintf(rec.pack, sizeof rec.pack, "%s", v);
        } else if (f == F_DONE) {
            if (!parse_bool(v, &rec.done))
                report(r, DIAG_ERROR, l->lineno, vc, "expected yes or no for 'done', found '%s'", quote(v, q, sizeof q));
        } else if (f == F_STARS) {
            read_int(r, l->lineno, vc, "stars", v, strlen(v), 0, 3, &rec.stars);
        } else if (f == F_SCORE) {
            read_int(r, l->lineno, vc, "score", v, strlen(v), -PROGRESS_MAX_SCORE, PROGRESS_MAX_SCORE, &rec.score);
        } else if (f == F_PLAYS) {
            read_int(r, l->lineno, vc, "plays", v, strlen(v), 0, PROGRESS_MAX_COUNT, &rec.plays);
        } else if (f < F_LAST) {
            read_counts(r, l->lineno, vc, name, v, &rec.best.region[f - F_BEST]);
        } else {
            read_counts(r, l->lineno, vc, name, v, &rec.last.region[f - F_LAST]);
        }
    }
    clamp_tally(&rec.best); /* the totals */
    clamp_tally(&rec.last);
    if (r->errors == errors)
        p->scenes[p->count++] = rec;
}

static void progress_entry(void *ctx, Lines *l, Report *r, const char *key, int kcol, char *val, int vcol)
{
    if (strcmp(key, "scene") == 0)
        progress_scene(ctx, l, r, val, vcol);
    else
        unknown_key(l, r, key, kcol);
}

bool progress_parse(Progress *p, const char *file, const char *buf, size_t len, DiagList *diags)
{
    progress_init(p);
    if (read_frame(file, buf, len, diags, "progress", progress_entry, p) == 0)
        return true;
    progress_init(p);
    return false;
}

static void counts_field(Text *t, const char *which, int region, const TallyCounts *c)
{
    if (c->signals || c->hits || c->noise || c->false_alarms)
        text_printf(t, " %s.%s=%d/%d,%d/%d", which, rig_region_name((Region)region), c->hits, c->signals,
                    c->false_alarms, c->noise);
}

char *progress_format(const Progress *p, size_t *len)
{
    Text t = {0};
    text_printf(&t, "# Unsaid progress: one line per scene, in the order first played.\n"
                    "#   done=yes     played to the end at least once\n"
                    "#   stars        the most stars earned (0 to 3)\n"
                    "#   score        the best score\n"
                    "#   plays        how many times the scene was played\n"
                    "#   best.eyes=2/3,1/8  in the play with the best score, 2 of the 3 cues\n"
                    "#                shown on the eyes were noticed, and 1 flag on the eyes\n"
                    "#                found nothing there, out of 8 chances to make one.\n"
                    "#   last.eyes    the same for the latest play. Also hands, face, posture\n"
                    "#                and voice; a part of the body with nothing to count is\n"
                    "#                left out. See docs/save-format.md.\n");
    text_printf(&t, "format = %d\n", SAVE_FORMAT);
    for (int i = 0; i < p->count; i++) {
        const SceneRecord *s = &p->scenes[i];
        text_printf(&t, "scene = %s", s->scene);
        if (s->pack[0])
            text_printf(&t, " pack=%s", s->pack);
        text_printf(&t, " done=%s stars=%d score=%d plays=%d", s->done ? "yes" : "no", s->stars, s->score, s->plays);
        for (int g = 0; g < REGION_COUNT; g++)
            counts_field(&t, "best", g, &s->best.region[g]);
        for (int g = 0; g < REGION_COUNT; g++)
            counts_field(&t, "last", g, &s->last.region[g]);
        text_printf(&t, "\n");
    }
    text_printf(&t, "end = progress\n");
    return text_finish(&t, len);
}
