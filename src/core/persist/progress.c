/* Unsaid - progress.c */
#include "progress.h"

#include "saveframe.h"
#include "textio.h"

#include <stdio.h>
#include <string.h>

static int clampi(int v, int lo, int hi)
{
    return v < lo ? lo : v > hi ? hi : v;
}

bool progress_id_valid(const char *s)
{
    size_t n = strlen(s);
    if (n < 1 || n > SAVE_ID_MAX)
        return false;
    for (size_t i = 0; i < n; i++)
        if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= '0' && s[i] <= '9') || s[i] == '_' || s[i] == '-'))
            return false;
    return true;
}

/* ---- records ------------------------------------------------------------- */

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
    if (!scene || !progress_id_valid(scene) || (pack && *pack && !progress_id_valid(pack)))
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
    Difficulty d = play->difficulty >= 0 && play->difficulty < DIFFICULTY_COUNT ? play->difficulty : DIFFICULTY_STANDARD;
    SceneBest *b = &rec->at[d];
    bool first = !b->played;
    rec->plays = clampi(rec->plays + 1, 0, PROGRESS_MAX_COUNT);
    rec->done = rec->done || play->completed;
    b->played = true;
    b->stars = clampi(play->stars > b->stars ? play->stars : b->stars, 0, 3);
    rec->last = play->tally;
    clamp_tally(&rec->last);
    if (first || score > b->score) {
        b->score = score;
        b->best = rec->last;
    }
    return rec;
}

int progress_best(const SceneRecord *r, const SceneBest **best)
{
    /* Sharpest first, so that a tie goes to the sharper difficulty. */
    static const Difficulty order[DIFFICULTY_COUNT] = {DIFFICULTY_SHARP, DIFFICULTY_STANDARD, DIFFICULTY_GENTLE};
    int found = -1;
    for (int i = 0; r && i < DIFFICULTY_COUNT; i++) {
        const SceneBest *b = &r->at[order[i]];
        if (b->played && (found < 0 || b->stars > r->at[found].stars))
            found = (int)order[i];
    }
    if (best)
        *best = found >= 0 ? &r->at[found] : NULL;
    return found;
}

void progress_totals(const Progress *p, Tally *out)
{
    memset(out, 0, sizeof *out);
    for (int i = 0; i < p->count; i++)
        tally_add(out, &p->scenes[i].last);
}

/* ---- reading ------------------------------------------------------------- */

/* Fields of a scene line; bits of `seen`. Each difficulty has a block of
 * its own: stars, score and best.REGION, from F_AT + difficulty * F_BLOCK. */
enum {
    F_PACK, F_DONE, F_PLAYS,
    F_LAST,                           /* + the region */
    F_AT = F_LAST + REGION_COUNT,
    F_STARS = 0, F_SCORE = 1, F_BEST = 2, /* within a block; best + the region */
    F_BLOCK = F_BEST + REGION_COUNT,
    F_COUNT = F_AT + DIFFICULTY_COUNT * F_BLOCK
};

/* What comes before a difficulty's fields: nothing for standard (files
 * written before there were difficulties hold standard's bests). */
static const char *best_prefix(Difficulty d)
{
    return d == DIFFICULTY_GENTLE ? "gentle." : d == DIFFICULTY_SHARP ? "sharp." : "";
}
_Static_assert(F_COUNT <= 64, "the fields seen are bits of an unsigned long long");

/* "H/S,F/N" for a region; false (reported) when not that shape. */
static bool read_counts(TextReader *rd, int col, const char *what, const char *val, TallyCounts *out)
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
        TextioNum np = textio_parse_num(p, (size_t)(e - p), &x);
        if (np == TEXTIO_NUM_BAD || *e != seps[i]) {
            char q[64];
            textio_report(rd, DIAG_ERROR, rd->lineno, col,
                          "expected HITS/SIGNALS,FALSE_ALARMS/NOISE for '%s' (such as 1/2,0/5), found '%s'", what,
                          textio_quote(val, q, sizeof q));
            return false;
        }
        char full[96];
        snprintf(full, sizeof full, "%s %s", what, names[i]);
        v[i] = textio_clamp(rd, col, full, x, np == TEXTIO_NUM_HUGE, 0, PROGRESS_MAX_COUNT);
        p = e + 1;
    }
    TallyCounts c = {.hits = v[0], .signals = v[1], .false_alarms = v[2], .noise = v[3]};
    if (c.hits > c.signals) {
        textio_report(rd, DIAG_WARNING, rd->lineno, col, "'%s' has %d hits of %d signals; using %d hits", what,
                      c.hits, c.signals, c.signals);
        c.hits = c.signals;
    }
    if (c.false_alarms > c.noise) {
        textio_report(rd, DIAG_WARNING, rd->lineno, col, "'%s' has %d false alarms in %d chances; using %d", what,
                      c.false_alarms, c.noise, c.noise);
        c.false_alarms = c.noise;
    }
    *out = c;
    return true;
}

/* The value of a `scene = ID field=value ...` line. */
static void read_scene(Progress *p, TextReader *rd, char *val, int vcol)
{
    char q[64];
    char *t = rd->text;
    char *w = val;
    while (*w && !textio_is_space(*w))
        w++;
    if (*w)
        *w++ = '\0';
    if (!progress_id_valid(val)) {
        textio_report(rd, DIAG_ERROR, rd->lineno, vcol,
                      "expected a scene id (1 to %d of a-z, 0-9, _ and -), found '%s'", SAVE_ID_MAX,
                      textio_quote(val, q, sizeof q));
        return;
    }
    if (progress_find(p, val)) {
        textio_report(rd, DIAG_ERROR, rd->lineno, vcol, "scene '%s' is listed twice", val);
        return;
    }
    if (p->count >= PROGRESS_MAX_SCENES) {
        textio_report(rd, DIAG_ERROR, rd->lineno, vcol, "more than %d scenes; this game keeps at most %d",
                      PROGRESS_MAX_SCENES, PROGRESS_MAX_SCENES);
        return;
    }
    SceneRecord rec = {0};
    snprintf(rec.scene, sizeof rec.scene, "%s", val);
    unsigned long long seen = 0;
    int errors = rd->errors;
    for (;;) {
        while (textio_is_space(*w))
            w++;
        if (!*w)
            break;
        char *tok = w;
        int col = (int)(tok - t) + 1;
        while (*w && !textio_is_space(*w))
            w++;
        if (*w)
            *w++ = '\0';
        char *eq = strchr(tok, '=');
        if (!eq || eq == tok) {
            textio_report(rd, DIAG_ERROR, rd->lineno, col, "expected 'name=value' in the scene line, found '%s'",
                          textio_quote(tok, q, sizeof q));
            continue;
        }
        *eq = '\0';
        const char *name = tok, *v = eq + 1;
        int vc = col + (int)(v - tok);
        int f = -1;
        Difficulty d = DIFFICULTY_STANDARD;
        for (int k = 0; k < DIFFICULTY_COUNT; k++) {
            size_t n = strlen(best_prefix((Difficulty)k));
            if (n && strncmp(name, best_prefix((Difficulty)k), n) == 0)
                d = (Difficulty)k;
        }
        const char *field = name + strlen(best_prefix(d));
        int block = F_AT + (int)d * F_BLOCK;
        if (strcmp(name, "pack") == 0)
            f = F_PACK;
        else if (strcmp(name, "done") == 0)
            f = F_DONE;
        else if (strcmp(name, "plays") == 0)
            f = F_PLAYS;
        else if (strncmp(name, "last.", 5) == 0 && region_find(name + 5) != REGION_NONE)
            f = F_LAST + (int)region_find(name + 5);
        else if (strcmp(field, "stars") == 0)
            f = block + F_STARS;
        else if (strcmp(field, "score") == 0)
            f = block + F_SCORE;
        else if (strncmp(field, "best.", 5) == 0 && region_find(field + 5) != REGION_NONE)
            f = block + F_BEST + (int)region_find(field + 5);
        if (f < 0) {
            textio_report(rd, DIAG_WARNING, rd->lineno, col,
                          "unknown field '%s' in the scene line (ignored; perhaps from a newer version of the game)",
                          textio_quote(name, q, sizeof q));
            continue;
        }
        if (seen & (1ull << f))
            textio_report(rd, DIAG_WARNING, rd->lineno, col, "'%s' is given twice; the later value is used", name);
        seen |= 1ull << f;
        if (f == F_PACK) {
            if (!progress_id_valid(v))
                textio_report(rd, DIAG_ERROR, rd->lineno, vc,
                              "expected a pack id (1 to %d of a-z, 0-9, _ and -), found '%s'", SAVE_ID_MAX,
                              textio_quote(v, q, sizeof q));
            else
                snprintf(rec.pack, sizeof rec.pack, "%s", v);
        } else if (f == F_DONE) {
            if (!textio_parse_bool(v, &rec.done))
                textio_report(rd, DIAG_ERROR, rd->lineno, vc, "expected yes or no for 'done', found '%s'",
                              textio_quote(v, q, sizeof q));
        } else if (f == F_PLAYS) {
            textio_read_int(rd, vc, "plays", v, 0, PROGRESS_MAX_COUNT, &rec.plays);
        } else if (f < F_AT) {
            read_counts(rd, vc, name, v, &rec.last.region[f - F_LAST]);
        } else {
            SceneBest *b = &rec.at[d];
            b->played = true;
            if (f - block == F_STARS)
                textio_read_int(rd, vc, name, v, 0, 3, &b->stars);
            else if (f - block == F_SCORE)
                textio_read_int(rd, vc, name, v, -PROGRESS_MAX_SCORE, PROGRESS_MAX_SCORE, &b->score);
            else
                read_counts(rd, vc, name, v, &b->best.region[f - block - F_BEST]);
        }
    }
    for (int k = 0; k < DIFFICULTY_COUNT; k++)
        clamp_tally(&rec.at[k].best); /* the totals */
    clamp_tally(&rec.last);
    if (rd->errors == errors)
        p->scenes[p->count++] = rec;
}

static bool read_entry(void *ctx, TextReader *rd, const char *key, int kcol, char *val, int vcol)
{
    if (strcmp(key, "scene") != 0)
        return false;
    read_scene(ctx, rd, val, vcol);
    return true;
}

bool progress_parse(Progress *p, const char *file, const char *buf, size_t len, DiagList *diags)
{
    progress_init(p);
    if (saveframe_read(file, buf, len, diags, "progress", read_entry, p))
        return true;
    progress_init(p);
    return false;
}

/* ---- writing ------------------------------------------------------------- */

static void counts_field(TextWriter *w, const char *prefix, const char *which, int region, const TallyCounts *c)
{
    if (c->signals || c->hits || c->noise || c->false_alarms)
        textio_printf(w, " %s%s.%s=%d/%d,%d/%d", prefix, which, region_name((Region)region), c->hits, c->signals,
                      c->false_alarms, c->noise);
}

static void best_fields(TextWriter *w, const SceneBest *b, Difficulty d)
{
    const char *prefix = best_prefix(d);
    textio_printf(w, " %sstars=%d %sscore=%d", prefix, b->stars, prefix, b->score);
}

char *progress_format(const Progress *p, size_t *len)
{
    TextWriter w = {0};
    saveframe_begin(&w, "# Unsaid progress: one line per scene, in the order first played.\n"
                        "#   done=yes     played to the end at least once\n"
                        "#   stars        the most stars earned (0 to 3)\n"
                        "#   score        the best score\n"
                        "#   plays        how many times the scene was played\n"
                        "#   best.eyes=2/3,1/8  in the play with the best score, 2 of the 3 cues\n"
                        "#                shown on the eyes were noticed, and 1 flag on the eyes\n"
                        "#                found nothing there, out of 8 chances to make one.\n"
                        "#   last.eyes    the same for the latest play. Also hands, face, posture,\n"
                        "#                voice and text (a chat); a part with nothing to count is\n"
                        "#                left out.\n"
                        "#   stars, score and best are the bests at standard difficulty; gentle.stars,\n"
                        "#   sharp.score, sharp.best.eyes and so on those at gentle and sharp.\n"
                        "#   See docs/save-format.md.\n");
    for (int i = 0; i < p->count; i++) {
        const SceneRecord *s = &p->scenes[i];
        textio_printf(&w, "scene = %s", s->scene);
        if (s->pack[0])
            textio_printf(&w, " pack=%s", s->pack);
        /* Standard's bests where they always were; a record with no best
         * at all (never finished) keeps their zeros, as it always did. */
        const SceneBest *std = &s->at[DIFFICULTY_STANDARD];
        bool std_shown = std->played || (!s->at[DIFFICULTY_GENTLE].played && !s->at[DIFFICULTY_SHARP].played);
        textio_printf(&w, " done=%s", s->done ? "yes" : "no");
        if (std_shown)
            best_fields(&w, std, DIFFICULTY_STANDARD);
        textio_printf(&w, " plays=%d", s->plays);
        for (int g = 0; std_shown && g < REGION_COUNT; g++)
            counts_field(&w, "", "best", g, &std->best.region[g]);
        for (int g = 0; g < REGION_COUNT; g++)
            counts_field(&w, "", "last", g, &s->last.region[g]);
        for (int k = 0; k < DIFFICULTY_COUNT; k++) {
            const SceneBest *b = &s->at[k];
            if (k == DIFFICULTY_STANDARD || !b->played)
                continue;
            best_fields(&w, b, (Difficulty)k);
            for (int g = 0; g < REGION_COUNT; g++)
                counts_field(&w, best_prefix((Difficulty)k), "best", g, &b->best.region[g]);
        }
        textio_printf(&w, "\n");
    }
    return saveframe_end(&w, "progress", len);
}
