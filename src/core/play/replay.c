/* Unsaid - replay.c */
#include "replay.h"

#include "names.h"
#include "yamlutil.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define REPLAY_MAX_TICKS 1000000

static const char *const action_names[ACT_COUNT] = {
#define INPUT_NAME(e, name) name,
    INPUT_ACTIONS(INPUT_NAME)
#undef INPUT_NAME
};

const char *replay_action_name(Action a)
{
    return names_of(action_names, ACT_COUNT, (int)a, "?");
}

int replay_action_find(const char *name)
{
    return names_find(action_names, ACT_COUNT, name);
}

/* Split a line into at most 5 whitespace-separated words (in place). */
static int words(char *line, char **w, int max, int *cols, const char *start)
{
    int n = 0;
    char *p = line;
    while (*p && n < max) {
        while (*p == ' ' || *p == '\t')
            p++;
        if (!*p)
            break;
        w[n] = p;
        cols[n] = (int)(p - start) + 1;
        n++;
        while (*p && *p != ' ' && *p != '\t')
            p++;
        if (*p)
            *p++ = '\0';
    }
    return n;
}

static bool parse_int(const char *s, long lo, long hi, long *out)
{
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (end == s || *end || errno || v < lo || v > hi)
        return false;
    *out = v;
    return true;
}

/* `pack ID VERSION`: a user pack the recording played with. */
static void parse_pack(Replay *r, char **w, const int *cols, int nw, const char *file, int lineno,
                       DiagList *diags)
{
    SemVer v;
    if (nw != 3) {
        diag_add(diags, DIAG_ERROR, file, lineno, cols[0], "expected 'pack ID VERSION', e.g. 'pack feelings 1.0.0'");
        return;
    }
    if (!yid_valid(w[1], PACK_ID_MIN, PACK_ID_MAX)) {
        diag_add(diags, DIAG_ERROR, file, lineno, cols[1],
                 "pack id '%.60s' must be %d to %d characters of a-z, 0-9, _ and -", w[1], PACK_ID_MIN,
                 PACK_ID_MAX);
        return;
    }
    if (strlen(w[2]) >= sizeof r->packs[0].version || !pack_semver_parse(w[2], &v)) {
        diag_add(diags, DIAG_ERROR, file, lineno, cols[2],
                 "version '%.60s' must look like 1.0.0 (major.minor.patch)", w[2]);
        return;
    }
    for (int i = 0; i < r->npacks; i++)
        if (strcmp(r->packs[i].id, w[1]) == 0) {
            diag_add(diags, DIAG_ERROR, file, lineno, cols[1], "pack '%s' is already listed on line %d", w[1],
                     r->packs[i].line);
            return;
        }
    if (r->npacks == REPLAY_MAX_PACKS) {
        diag_add(diags, DIAG_ERROR, file, lineno, cols[0], "more than %d packs", REPLAY_MAX_PACKS);
        return;
    }
    ReplayPack *p = &r->packs[r->npacks++];
    snprintf(p->id, sizeof p->id, "%s", w[1]);
    snprintf(p->version, sizeof p->version, "%s", w[2]);
    p->line = lineno;
    p->col = cols[1];
    p->version_col = cols[2];
}

static ReplayTick *tick_slot(Replay *r, int tick, int *cap)
{
    if (r->count > 0 && r->ticks[r->count - 1].tick == tick)
        return &r->ticks[r->count - 1];
    if (r->count == *cap) {
        int ncap = *cap ? *cap * 2 : 64;
        ReplayTick *t = realloc(r->ticks, (size_t)ncap * sizeof *t);
        if (!t)
            return NULL;
        r->ticks = t;
        *cap = ncap;
    }
    ReplayTick *t = &r->ticks[r->count++];
    memset(t, 0, sizeof *t);
    t->tick = tick;
    return t;
}

bool replay_load(Replay *r, const char *file, const char *buf, size_t len, DiagList *diags)
{
    memset(r, 0, sizeof *r);
    int errors_before = diags->errors;
    int cap = 0, lineno = 0;
    bool header = false;
    size_t pos = 0;
    while (pos < len) {
        size_t end = pos;
        while (end < len && buf[end] != '\n')
            end++;
        lineno++;
        char line[256];
        size_t n = end - pos;
        if (n >= sizeof line) {
            diag_add(diags, DIAG_ERROR, file, lineno, 1, "line is too long");
            pos = end + 1;
            continue;
        }
        memcpy(line, buf + pos, n);
        line[n] = '\0';
        pos = end + 1;
        if (n && line[n - 1] == '\r')
            line[n - 1] = '\0';
        char *hash = strchr(line, '#');
        if (hash)
            *hash = '\0';
        char *w[6];
        int cols[6];
        int nw = words(line, w, 6, cols, line);
        if (nw == 0)
            continue;
        if (!header) {
            if (nw != 2 || strcmp(w[0], "unsaid-replay") != 0 || strcmp(w[1], "1") != 0) {
                diag_add(diags, DIAG_ERROR, file, lineno, cols[0],
                         "expected the header 'unsaid-replay 1'");
                break;
            }
            header = true;
            continue;
        }
        if (strcmp(w[0], "scene") == 0) {
            if (nw != 2 || strlen(w[1]) >= sizeof r->scene)
                diag_add(diags, DIAG_ERROR, file, lineno, cols[0], "expected 'scene ID'");
            else
                snprintf(r->scene, sizeof r->scene, "%s", w[1]);
            continue;
        }
        if (strcmp(w[0], "pack") == 0) {
            parse_pack(r, w, cols, nw, file, lineno, diags);
            continue;
        }
        if (strcmp(w[0], "difficulty") == 0) {
            int d = nw == 2 ? difficulty_find(w[1]) : -1;
            if (d < 0)
                diag_add(diags, DIAG_ERROR, file, lineno, nw >= 2 ? cols[1] : cols[0],
                         "expected 'difficulty gentle', 'difficulty standard' or 'difficulty sharp'%s%s%s",
                         nw >= 2 ? ", found '" : "", nw >= 2 ? w[1] : "", nw >= 2 ? "'" : "");
            else
                r->difficulty = (Difficulty)d;
            continue;
        }
        long tick;
        if (!parse_int(w[0], 0, REPLAY_MAX_TICKS, &tick)) {
            diag_add(diags, DIAG_ERROR, file, lineno, cols[0],
                     "expected a tick number (0 to %d), 'scene', 'pack' or 'difficulty', found '%s'", REPLAY_MAX_TICKS, w[0]);
            continue;
        }
        if (tick < r->last_tick) {
            diag_add(diags, DIAG_ERROR, file, lineno, cols[0],
                     "tick %ld comes before tick %d on an earlier line", tick, r->last_tick);
            continue;
        }
        if (nw < 2) {
            diag_add(diags, DIAG_ERROR, file, lineno, cols[0] + (int)strlen(w[0]),
                     "expected move, click or press after the tick");
            continue;
        }
        TickInput in = {0};
        if (strcmp(w[1], "move") == 0 || strcmp(w[1], "click") == 0) {
            long x, y;
            if (nw != 4 || !parse_int(w[2], 0, INPUT_CANVAS_W - 1, &x) ||
                !parse_int(w[3], 0, INPUT_CANVAS_H - 1, &y)) {
                diag_add(diags, DIAG_ERROR, file, lineno, cols[1],
                         "expected '%s X Y' with 0 <= X < 1280 and 0 <= Y < 720", w[1]);
                continue;
            }
            in.has_mouse = true;
            in.mouse_x = (int16_t)x;
            in.mouse_y = (int16_t)y;
            in.click = w[1][0] == 'c';
        } else if (strcmp(w[1], "press") == 0) {
            int a = nw == 3 ? replay_action_find(w[2]) : -1;
            if (a < 0) {
                diag_add(diags, DIAG_ERROR, file, lineno, nw == 3 ? cols[2] : cols[1],
                         "expected 'press ACTION' with a known action, found '%s'", nw == 3 ? w[2] : "");
                continue;
            }
            in.pressed = 1u << a;
        } else {
            diag_add(diags, DIAG_ERROR, file, lineno, cols[1],
                     "unknown event '%s' (expected move, click or press)", w[1]);
            continue;
        }
        ReplayTick *t = tick_slot(r, (int)tick, &cap);
        if (!t) {
            diag_add(diags, DIAG_ERROR, file, lineno, 1, "out of memory");
            break;
        }
        if (in.has_mouse) {
            t->in.has_mouse = true;
            t->in.mouse_x = in.mouse_x;
            t->in.mouse_y = in.mouse_y;
        }
        t->in.click |= in.click;
        t->in.pressed |= in.pressed;
        r->last_tick = (int)tick;
    }
    if (!header && diags->errors == errors_before)
        diag_add(diags, DIAG_ERROR, file, 1, 1, "empty replay (expected the header 'unsaid-replay 1')");
    return diags->errors == errors_before;
}

void replay_free(Replay *r)
{
    free(r->ticks);
    memset(r, 0, sizeof *r);
}

void replay_input(const Replay *r, int *cursor, int tick, TickInput *out)
{
    memset(out, 0, sizeof *out);
    while (*cursor < r->count && r->ticks[*cursor].tick < tick)
        (*cursor)++;
    if (*cursor < r->count && r->ticks[*cursor].tick == tick)
        *out = r->ticks[*cursor].in;
}

size_t replay_format_header(char *buf, size_t size, const char *scene_id, const ReplayPack *packs,
                            int npacks, Difficulty difficulty)
{
    size_t used = 0;
    buf[0] = '\0';
    for (int i = -1; i <= npacks + 1; i++) {
        int k = i < 0          ? snprintf(buf + used, size - used, "unsaid-replay 1\n")
              : i < npacks     ? snprintf(buf + used, size - used, "pack %s %s\n", packs[i].id, packs[i].version)
              : i == npacks + 1 ? snprintf(buf + used, size - used, "difficulty %s\n", difficulty_name(difficulty))
              : scene_id       ? snprintf(buf + used, size - used, "scene %s\n", scene_id)
                               : 0;
        if (k < 0 || (size_t)k >= size - used) {
            buf[used] = '\0'; /* whole lines only */
            return used;
        }
        used += (size_t)k;
    }
    return used;
}

size_t replay_format_tick(char *buf, size_t size, int tick, const TickInput *in)
{
    size_t used = 0;
    buf[0] = '\0';
#define EMIT(...)                                                                     \
    do {                                                                              \
        int k = snprintf(buf + used, size - used, __VA_ARGS__);                       \
        if (k < 0 || (size_t)k >= size - used)                                        \
            return used;                                                              \
        used += (size_t)k;                                                            \
    } while (0)
    if (in->has_mouse)
        EMIT("%d %s %d %d\n", tick, in->click ? "click" : "move", in->mouse_x, in->mouse_y);
    for (int a = 0; a < ACT_COUNT; a++)
        if (input_pressed(in, (Action)a))
            EMIT("%d press %s\n", tick, action_names[a]);
#undef EMIT
    return used;
}
