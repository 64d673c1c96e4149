/* Unsaid - scene_load.c: YAML scene file -> validated Scene.
 *
 * The loader reports every problem it can find in one pass (file:line:col)
 * and never aborts; a scene with errors is not played. The format is
 * documented in docs/scene-format.md. */
#include "scene.h"

#include "cast.h"
#include "cast_parse.h"
#include "yamlutil.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define MAX_TEXT 600

typedef struct {
    Scene *scene;
    YDoc *y;
    const Lexicon *lex;
    const PackScope *scope; /* what the scene's pack may use; NULL: everything */
    bool lines_ok; /* the lines loaded without errors, so every cue is known */
} Loader;

static int secs_to_ticks(double s)
{
    return (int)lround(s * SCENE_TICK_HZ);
}

static bool valid_utf8(const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    while (*p) {
        int n = *p < 0x80 ? 0 : (*p & 0xE0) == 0xC0 ? 1 : (*p & 0xF0) == 0xE0 ? 2 : (*p & 0xF8) == 0xF0 ? 3 : -1;
        if (n < 0 || (n == 1 && *p < 0xC2))
            return false;
        p++;
        for (int i = 0; i < n; i++, p++)
            if ((*p & 0xC0) != 0x80)
                return false;
    }
    return true;
}

/* A text value: scalar, valid UTF-8, not too long. Copied into the arena. */
static const char *text(Loader *L, const yaml_node_t *n, const char *what, size_t max)
{
    const char *s = yscalar(L->y, n, what);
    if (!s)
        return NULL;
    if (!valid_utf8(s)) {
        yerr(L->y, n, "%s is not valid UTF-8 text (save the file as UTF-8)", what);
        return NULL;
    }
    if (strlen(s) > max) {
        yerr(L->y, n, "%s is too long (%zu bytes; at most %zu)", what, strlen(s), max);
        return NULL;
    }
    return arena_strdup(&L->scene->arena, s);
}

static const char *req_text(Loader *L, const yaml_node_t *map, const char *key, size_t max)
{
    yaml_node_t *n = ymap_get(L->y, map, key);
    return n ? text(L, n, key, max) : NULL;
}

static float parse_amount(Loader *L, const yaml_node_t *n)
{
    const char *s = yscalar(L->y, n, "amount");
    if (!s)
        return 0.7f;
    if (strcmp(s, "subtle") == 0)
        return 0.4f;
    if (strcmp(s, "clear") == 0)
        return 0.7f;
    if (strcmp(s, "strong") == 0)
        return 1.0f;
    double v;
    if (s[0] >= 'a' && s[0] <= 'z') {
        yerr(L->y, n, "amount must be subtle, clear, strong or a number from 0 to 1, found '%s'", s);
        return 0.7f;
    }
    return ynumber(L->y, n, "amount", 0.0, 1.0, &v) ? (float)v : 0.7f;
}

static const char *const cue_keys[] = {"cue", "start", "peak", "relax", "end", "amount",
                                       "incongruent", "means", "describe", NULL};
static const char *const cue_required[] = {"cue", "start", NULL};

#define MAX_MARKS 8
#define SCENE_PERSIST (SCENE_HOLD - 1) /* until the next cue on the channel */

/* What a line's cue times may refer to besides plain seconds. */
typedef struct {
    char names[MAX_MARKS][17];
    double at[MAX_MARKS]; /* seconds from the line's start */
    int n;
    double end; /* seconds from the line's start to the last word typed */
} TimeRef;

/* Remove {mark} tags from a line's text, remembering when the typewriter
 * reaches each one. Anything else in braces stays as text. */
static const char *strip_marks(Loader *L, const yaml_node_t *node, const char *text, TimeRef *ref)
{
    size_t len = strlen(text);
    char *out = arena_alloc(&L->scene->arena, len + 1);
    if (!out)
        return text;
    size_t o = 0;
    int chars = 0;
    for (size_t i = 0; i < len;) {
        size_t k = i + 1;
        while (k < len && k - i <= 16 && ((text[k] >= 'a' && text[k] <= 'z') || (text[k] >= '0' && text[k] <= '9') || text[k] == '_'))
            k++;
        if (text[i] == '{' && k < len && text[k] == '}' && k > i + 1) {
            char name[17];
            snprintf(name, sizeof name, "%.*s", (int)(k - i - 1), text + i + 1);
            bool dup = false;
            for (int m = 0; m < ref->n; m++)
                dup |= strcmp(ref->names[m], name) == 0;
            if (dup)
                yerr(L->y, node, "mark {%s} appears twice in this line", name);
            else if (ref->n == MAX_MARKS)
                yerr(L->y, node, "a line can have at most %d marks", MAX_MARKS);
            else {
                snprintf(ref->names[ref->n], sizeof ref->names[0], "%s", name);
                ref->at[ref->n++] = chars / SCENE_TYPE_CPS;
            }
            i = k + 1;
            continue;
        }
        if (((unsigned char)text[i] & 0xC0) != 0x80)
            chars++;
        out[o++] = text[i++];
    }
    out[o] = '\0';
    return out;
}

/* A cue time: seconds from the line's start (-1.5, 2), or "end", "end+0.5",
 * "m1", "m1-0.2" relative to the line's last word or a {mark} in its text. */
static bool cue_time(Loader *L, const yaml_node_t *n, const char *what, const TimeRef *ref, double *out)
{
    YDoc *y = L->y;
    const char *s = yscalar(y, n, what);
    if (!s)
        return false;
    if (!((s[0] >= 'a' && s[0] <= 'z') || s[0] == '_'))
        return ynumber(y, n, what, -60.0, 600.0, out);
    size_t w = 0;
    while ((s[w] >= 'a' && s[w] <= 'z') || (s[w] >= '0' && s[w] <= '9') || s[w] == '_')
        w++;
    double base = 0, off = 0;
    bool found = false;
    if (ref && w == 3 && strncmp(s, "end", 3) == 0) {
        base = ref->end;
        found = true;
    }
    for (int m = 0; ref && !found && m < ref->n; m++)
        if (strlen(ref->names[m]) == w && strncmp(s, ref->names[m], w) == 0) {
            base = ref->at[m];
            found = true;
        }
    if (!ref) {
        yerr(y, n, "%s in a reaction is seconds from the start of the reaction, found '%s'", what, s);
        return false;
    }
    if (!found) {
        yerr(y, n, "%s '%s' is not a number, 'end' or a {mark} in this line's text", what, s);
        return false;
    }
    if (s[w]) {
        char *e;
        off = strtod(s + w, &e);
        if ((s[w] != '+' && s[w] != '-') || *e || e == s + w + 1) {
            yerr(y, n, "%s '%s': after '%.*s' write +seconds or -seconds, like '%.*s+0.5'", what, s,
                 (int)w, s, (int)w, s);
            return false;
        }
    }
    *out = base + off;
    return true;
}

/* Parse one cue; times in seconds relative to `base` (ticks). */
static bool load_cue(Loader *L, const yaml_node_t *n, int base, int line_index, const TimeRef *ref,
                     SceneCue *out)
{
    YDoc *y = L->y;
    if (!yis_map(y, n, "a cue"))
        return false;
    ymap_check_keys(y, n, cue_keys);
    if (!ymap_require(y, n, cue_required))
        return false;
    memset(out, 0, sizeof *out);
    out->line = line_index;
    out->src_line = (int)n->start_mark.line + 1;
    out->src_col = (int)n->start_mark.column + 1;
    out->amount = 0.7f;
    bool ok = true;
    yaml_node_t *v = ymap_get(y, n, "cue");
    const char *name = yscalar(y, v, "cue");
    if (name) {
        const RegEntry *hidden;
        const RegEntry *e = registry_lookup(&L->lex->reg, L->scope, name, &hidden);
        out->def = e ? e->item : NULL;
        if (hidden) {
            char msg[400];
            registry_hidden_message(&L->lex->reg, hidden, msg, sizeof msg);
            yerr(y, v, "%s", msg);
            ok = false;
        } else if (!out->def) {
            const char **names = registry_visible_ids(&L->lex->reg, L->scope);
            const char *sug = names ? names_closest(name, names) : NULL;
            if (sug)
                yerr(y, v, "unknown cue '%s' (did you mean '%s'?)", name, sug);
            else
                yerr(y, v, "unknown cue '%s' (cue names are listed in lexicon.yaml)", name);
            free(names);
            ok = false;
        }
    } else {
        ok = false;
    }
    if (out->def && L->scene->chat && out->def->channel != CH_TEXT) {
        yerr(y, v, "cue '%s' shows on the %s channel, but a chat scene shows no body: use a cue of the "
             "text channel (its lexicon entry says 'channel: text')", name, channel_name(out->def->channel));
        ok = false;
    } else if (out->def && !L->scene->chat && out->def->channel == CH_TEXT) {
        yerr(y, v, "cue '%s' is a text cue: it shows in a phone chat, so the scene must be a chat (write "
             "'chat: true' at the top of the scene)", name);
        ok = false;
    }
    double start = 0, end = 0, d;
    if (!cue_time(L, ymap_get(y, n, "start"), "start", ref, &start))
        ok = false;
    yaml_node_t *endn = ymap_get(y, n, "end");
    bool hold = endn && endn->type == YAML_SCALAR_NODE &&
                strcmp((const char *)endn->data.scalar.value, "hold") == 0;
    /* Posture and gaze persist: without an end they hold until replaced. */
    bool persist = !endn && out->def &&
                   (out->def->channel == CH_POSTURE || out->def->channel == CH_GAZE);
    if (!endn && out->def && !persist) {
        yerr(y, n, "a %s cue needs an 'end' (seconds, 'end', a {mark}, or 'hold')",
             channel_name(out->def->channel));
        ok = false;
    }
    hold |= persist;
    if (!hold && endn) {
        if (!cue_time(L, endn, "end", ref, &end)) {
            ok = false;
        } else if (ok && end <= start) {
            yerr(y, endn, "end (%g s) must come after start (%g s)", end, start);
            ok = false;
        }
    }
    if (!ok)
        return false;
    float attack = out->def->attack, release = out->def->release;
    out->start = base + secs_to_ticks(start);
    out->end = persist ? SCENE_PERSIST : hold ? SCENE_HOLD : base + secs_to_ticks(end);
    double span = hold ? 1e9 : end - start;
    /* Default ramps, squeezed so a short cue still peaks. */
    double a = fmin(attack, span * 0.5), r = fmin(release, span * 0.5);
    out->peak = base + secs_to_ticks(start + a);
    out->relax = hold ? out->end - secs_to_ticks(release) : base + secs_to_ticks(end - r);
    if ((v = ymap_get(y, n, "peak")) && cue_time(L, v, "peak", ref, &d)) {
        if (d < start || (!hold && d > end))
            yerr(y, v, "peak (%g s) must be between start and end", d);
        else
            out->peak = base + secs_to_ticks(d);
    }
    if ((v = ymap_get(y, n, "relax")) && !hold && cue_time(L, v, "relax", ref, &d)) {
        if (d < start || d > end)
            yerr(y, v, "relax (%g s) must be between start and end", d);
        else
            out->relax = base + secs_to_ticks(d);
    }
    if (out->peak <= out->start)
        out->peak = out->start + 1;
    if (!hold && out->relax < out->peak)
        out->relax = out->peak;
    if (!hold && out->end <= out->relax)
        out->end = out->relax + 1;
    if ((v = ymap_get(y, n, "amount")))
        out->amount = parse_amount(L, v);
    if ((v = ymap_get(y, n, "incongruent")))
        ybool(y, v, "incongruent", &out->incongruent);
    out->means = req_text(L, n, "means", MAX_TEXT);
    out->describe = req_text(L, n, "describe", MAX_TEXT);
    if (!out->describe)
        out->describe = out->def->describe;
    if (!out->means)
        out->means = out->def->means;
    if (out->incongruent && !out->means)
        ywarn(y, n, "an incongruent cue should say what it 'means:' (shown in the debrief)");
    return true;
}

/* Cues of a line or reply: a list under `cues`. Appends into *cues. */
static void load_cues(Loader *L, const yaml_node_t *list, int base, int line_index, const TimeRef *ref,
                      SceneCue **cues,
                      int *ncues, int cap)
{
    if (!yis_seq(L->y, list, "cues"))
        return;
    int n = yseq_len(list);
    if (n > SCENE_MAX_CUES_PER_LINE) {
        yerr(L->y, list, "a line can have at most %d cues", SCENE_MAX_CUES_PER_LINE);
        n = SCENE_MAX_CUES_PER_LINE;
    }
    for (int i = 0; i < n && *ncues < cap; i++) {
        if (load_cue(L, yseq_at(L->y, list, i), base, line_index, ref, &(*cues)[*ncues]))
            (*ncues)++;
    }
}

/* Timing of a spoken line starting at `start`. */
static void time_line(SceneLine *line, int start, double hold)
{
    int chars = 0, words = 1;
    for (const char *p = line->text; *p; p++) {
        if (((unsigned char)*p & 0xC0) != 0x80)
            chars++;
        if (*p == ' ')
            words++;
    }
    line->start = start;
    line->typed = start + secs_to_ticks(chars / SCENE_TYPE_CPS);
    if (hold < 0) { /* long enough to read twice at a calm pace */
        hold = 1.2 + 0.22 * words;
        hold = hold < 1.6 ? 1.6 : hold > 5.0 ? 5.0 : hold;
    }
    line->end = line->typed + secs_to_ticks(hold);
}

/* Timing of a chat message starting at `start`: the person's is typed
 * (the bubble shows) and arrives whole at `typed`; the player's own is
 * there at once. Then a moment to read it, shorter than a spoken line's,
 * as it stays on the phone. */
static void time_message(SceneLine *line, int start, double hold)
{
    line->start = start;
    int chars = 0;
    for (const char *p = line->text; *p; p++)
        chars += ((unsigned char)*p & 0xC0) != 0x80;
    int words = 1;
    for (const char *p = line->text; *p; p++)
        words += *p == ' ';
    if (hold < 0) { /* the message stays on the phone: a shorter look than a spoken line */
        hold = 1.0 + 0.1 * words;
        hold = hold < 1.2 ? 1.2 : hold > 3.0 ? 3.0 : hold;
    }
    line->typed = line->mine ? start : start + scene_chat_typing_ticks(chars);
    line->end = line->typed + secs_to_ticks(hold);
}

/* `from:` on a chat line: them (the person, as written without it) or you. */
static void load_from(Loader *L, const yaml_node_t *line_node, SceneLine *line)
{
    YDoc *y = L->y;
    yaml_node_t *v = ymap_get(y, line_node, "from");
    const char *who = v ? yscalar(y, v, "from") : NULL;
    if (!who)
        return;
    if (!L->scene->chat)
        yerr(y, v, "'from:' is for the messages of a chat scene; write 'chat: true' at the top of the scene, "
             "or leave 'from:' out");
    else if (strcmp(who, "you") == 0)
        line->mine = true;
    else if (strcmp(who, "them") != 0)
        yerr(y, v, "from must be 'you' (a message the player sent) or 'them' (the person's, as when "
             "'from:' is left out), found '%s'", who);
}

static const char *const line_keys[] = {"id", "text", "pause", "hold", "cues", "coach", "from", NULL};
static const char *const line_required[] = {"id", "text", NULL};

static void load_lines(Loader *L, const yaml_node_t *list)
{
    Scene *s = L->scene;
    YDoc *y = L->y;
    if (!yis_seq(y, list, "lines"))
        return;
    int n = yseq_len(list);
    if (n == 0) {
        yerr(y, list, "a scene needs at least one line");
        return;
    }
    if (n > SCENE_MAX_LINES) {
        yerr(y, list, "a scene can have at most %d lines", SCENE_MAX_LINES);
        n = SCENE_MAX_LINES;
    }
    s->lines = arena_alloc(&s->arena, sizeof(SceneLine) * (size_t)n);
    s->cues = arena_alloc(&s->arena, sizeof(SceneCue) * (size_t)n * SCENE_MAX_CUES_PER_LINE);
    if (!s->lines || !s->cues)
        return;
    int t = 0, theirs = 0;
    for (int i = 0; i < n; i++) {
        yaml_node_t *ln = yseq_at(y, list, i);
        if (!yis_map(y, ln, "a line"))
            continue;
        ymap_check_keys(y, ln, line_keys);
        ymap_require(y, ln, line_required);
        SceneLine *line = &s->lines[s->nlines];
        line->id = req_text(L, ln, "id", 64);
        if (line->id && !yid_valid(line->id, 1, 64))
            yerr(y, ymap_get(y, ln, "id"), "line id '%s' may use only a-z, 0-9, _ and -", line->id);
        for (int j = 0; line->id && j < i; j++) { /* an earlier line with this id? */
            yaml_node_t *prev = yseq_at(y, list, j);
            yaml_node_t *pid = prev && prev->type == YAML_MAPPING_NODE ? ymap_get(y, prev, "id") : NULL;
            if (pid && pid->type == YAML_SCALAR_NODE && strcmp((const char *)pid->data.scalar.value, line->id) == 0) {
                yerr(y, ymap_get(y, ln, "id"), "line id '%s' is used twice (first on line %d)", line->id,
                     (int)pid->start_mark.line + 1);
                break;
            }
        }
        line->text = req_text(L, ln, "text", MAX_TEXT);
        if (!line->text)
            continue;
        line->coach = req_text(L, ln, "coach", 200);
        line->mine = false;
        load_from(L, ln, line);
        TimeRef ref = {.n = 0};
        line->text = strip_marks(L, ymap_get(y, ln, "text"), line->text, &ref);
        double pause = 0.5, hold = -1;
        yaml_node_t *v;
        if ((v = ymap_get(y, ln, "pause")))
            ynumber(y, v, "pause", 0.0, 30.0, &pause);
        if ((v = ymap_get(y, ln, "hold")))
            ynumber(y, v, "hold", 0.3, 60.0, &hold);
        if (s->chat)
            time_message(line, t + secs_to_ticks(pause), hold);
        else
            time_line(line, t + secs_to_ticks(pause), hold);
        ref.end = (line->typed - line->start) / (double)SCENE_TICK_HZ;
        if (s->chat) /* a message arrives whole: every mark in it is the moment it arrives */
            for (int m = 0; m < ref.n; m++)
                ref.at[m] = ref.end;
        t = line->end;
        if ((v = ymap_get(y, ln, "cues")) && line->mine)
            yerr(y, v, "a message from you carries no cue: the player cannot notice their own message; put "
                 "the cue on the next message from %s", s->speaker ? s->speaker : "the person");
        else if (v)
            load_cues(L, v, line->start, s->nlines, &ref, &s->cues, &s->ncues, n * SCENE_MAX_CUES_PER_LINE);
        theirs += !line->mine;
        s->nlines++;
    }
    if (s->chat && s->nlines > 0 && theirs == 0)
        yerr(y, list, "a chat needs at least one message from %s (a line without 'from: you')",
             s->speaker ? s->speaker : "the person");
    /* A persistent cue lets go when the next cue on its channel begins. */
    for (int i = 0; i < s->ncues; i++) {
        SceneCue *c = &s->cues[i];
        if (c->end != SCENE_PERSIST)
            continue;
        int release = secs_to_ticks(c->def->release);
        const SceneCue *next = NULL;
        for (int j = 0; j < s->ncues; j++) {
            const SceneCue *o = &s->cues[j];
            if (j != i && o->def->channel == c->def->channel && o->start > c->start &&
                (!next || o->start < next->start))
                next = o;
        }
        if (next) {
            c->relax = next->start > c->peak ? next->start : c->peak;
            c->end = c->relax + (release > 0 ? release : 1);
        } else {
            c->end = SCENE_HOLD;
            c->relax = SCENE_HOLD - release;
        }
    }
    s->length = t + 30;
    for (int i = 0; i < s->ncues; i++) {
        if (s->cues[i].end != SCENE_HOLD && s->cues[i].end + 30 > s->length)
            s->length = s->cues[i].end + 30;
        if (s->cues[i].incongruent)
            s->nincongruent++;
    }
}

static const char *const answer_keys[] = {"text", "kind", "quality", "why", "reply", "cues",
                                          "requires", "next", NULL};
static const char *const answer_required[] = {"text", "kind", "quality", "why", NULL};

/* `requires: CUE`: the answer is offered only if the player hit an
 * incongruent cue of that name, so it must name one the player can flag in
 * this scene. Resolved to cue indexes here, so play needs no names. */
static void load_requires(Loader *L, const yaml_node_t *v, SceneAnswer *a, const char *name)
{
    Scene *s = L->scene;
    YDoc *y = L->y;
    int *idx = arena_alloc(&s->arena, sizeof(int) * (size_t)(s->ncues > 0 ? s->ncues : 1));
    int n = 0;
    bool congruent = false;
    for (int i = 0; idx && i < s->ncues; i++) {
        if (strcmp(s->cues[i].def->name, name) != 0)
            continue;
        if (s->cues[i].incongruent)
            idx[n++] = i;
        else
            congruent = true;
    }
    if (n > 0) {
        a->requires_cues = idx;
        a->nrequires_cues = n;
        return;
    }
    /* The names the player could flag here, each once, for the message. */
    const char *names[SCENE_MAX_LINES * SCENE_MAX_CUES_PER_LINE + 1];
    int k = 0;
    char list[200] = "";
    size_t used = 0;
    for (int i = 0; i < s->ncues; i++) {
        if (!s->cues[i].incongruent)
            continue;
        bool seen = false;
        for (int j = 0; j < k && !seen; j++)
            seen = strcmp(names[j], s->cues[i].def->name) == 0;
        if (seen)
            continue;
        names[k++] = s->cues[i].def->name;
        if (used < sizeof list)
            used += (size_t)snprintf(list + used, sizeof list - used, "%s%s", k > 1 ? ", " : "",
                                     s->cues[i].def->name);
    }
    names[k] = NULL;
    const char *sug = names_closest(name, names);
    if (k == 0)
        yerr(y, v, "no incongruent cue '%s' in this scene, and it has none an answer could require",
             name);
    else if (congruent)
        yerr(y, v, "cue '%s' agrees with the words here (it is not 'incongruent: true'), so nobody can "
             "flag it; require one the player can flag: %s", name, list);
    else if (sug)
        yerr(y, v, "no incongruent cue '%s' in this scene (did you mean '%s'?)", name, sug);
    else
        yerr(y, v, "no incongruent cue '%s' in this scene; require one the player can flag: %s", name,
             list);
}

static void load_answers(Loader *L, const yaml_node_t *list)
{
    Scene *s = L->scene;
    YDoc *y = L->y;
    if (!yis_seq(y, list, "answers"))
        return;
    int n = yseq_len(list);
    if (n < SCENE_MIN_OPEN_ANSWERS || n > SCENE_MAX_ANSWERS) {
        yerr(y, list, "a scene needs %d to %d answers, found %d", SCENE_MIN_OPEN_ANSWERS,
             SCENE_MAX_ANSWERS, n);
        if (n > SCENE_MAX_ANSWERS)
            n = SCENE_MAX_ANSWERS;
    } else {
        /* Someone who noticed nothing must still have a real choice. */
        int open = 0;
        for (int i = 0; i < n; i++) {
            const yaml_node_t *an = yseq_at(y, list, i);
            open += !(an && an->type == YAML_MAPPING_NODE && ymap_get(y, an, "requires"));
        }
        if (open < SCENE_MIN_OPEN_ANSWERS)
            yerr(y, list, "only %d of the %d answers can be chosen without noticing anything; a "
                 "scene needs at least %d without 'requires:', so a player who noticed nothing can "
                 "still answer", open, n, SCENE_MIN_OPEN_ANSWERS);
    }
    bool best = false;
    for (int i = 0; i < n; i++) {
        yaml_node_t *an = yseq_at(y, list, i);
        if (!yis_map(y, an, "an answer"))
            continue;
        ymap_check_keys(y, an, answer_keys);
        ymap_require(y, an, answer_required);
        SceneAnswer *a = &s->answers[s->nanswers];
        memset(a, 0, sizeof *a); /* the slot of an answer dropped for errors is reused */
        a->text = req_text(L, an, "text", 300);
        a->why = req_text(L, an, "why", MAX_TEXT);
        yaml_node_t *v;
        const char *str;
        if ((v = ymap_get(y, an, "kind")) && (str = yscalar(y, v, "kind"))) {
            int k = scene_kind_find(str);
            if (k < 0) {
                const char *sug = names_closest(str, (const char *const[]){"empathic", "compassionate",
                    "boundary", "sympathy", "fixing", "self_focused", "dismissive", NULL});
                yerr(y, v, "unknown answer kind '%s'%s%s%s", str, sug ? " (did you mean '" : "",
                     sug ? sug : "", sug ? "'?)" : "");
            }
            a->kind = k < 0 ? KIND_DISMISSIVE : (AnswerKind)k;
        }
        if ((v = ymap_get(y, an, "quality")) && (str = yscalar(y, v, "quality"))) {
            int q = scene_quality_find(str);
            if (q < 0)
                yerr(y, v, "quality must be best, good or poor, found '%s'", str);
            a->quality = q < 0 ? QUALITY_POOR : (AnswerQuality)q;
            best |= q == QUALITY_BEST;
        }
        a->reply.id = "reply";
        a->reply.text = req_text(L, an, "reply", MAX_TEXT);
        if (a->reply.text && s->chat) /* the player's answer is sent, then the reply is typed */
            time_message(&a->reply, 30, -1);
        else if (a->reply.text)
            time_line(&a->reply, 30, -1);
        a->length = a->reply.text ? a->reply.end + 30 : 150;
        if ((v = ymap_get(y, an, "cues"))) {
            a->cues = arena_alloc(&s->arena, sizeof(SceneCue) * SCENE_MAX_CUES_PER_LINE);
            if (a->cues)
                load_cues(L, v, 0, -1, NULL, &a->cues, &a->ncues, SCENE_MAX_CUES_PER_LINE);
            for (int c = 0; c < a->ncues; c++) {
                if (a->cues[c].end == SCENE_PERSIST) /* nothing replaces it: hold to the end */
                    a->cues[c].end = SCENE_HOLD;
            }
            for (int c = 0; c < a->ncues; c++)
                if (a->cues[c].end != SCENE_HOLD && a->cues[c].end + 30 > a->length)
                    a->length = a->cues[c].end + 30;
        }
        if ((v = ymap_get(y, an, "requires")) && (str = yscalar(y, v, "requires"))) {
            a->requires = arena_strdup(&s->arena, str);
            if (!str[0])
                yerr(y, v, "requires needs the name of a cue the player can flag in this scene");
            else if (L->lines_ok) /* a cue that failed to load would be reported twice */
                load_requires(L, v, a, str);
        }
        if ((v = ymap_get(y, an, "next"))) {
            a->next_line = (int)v->start_mark.line + 1;
            a->next_col = (int)v->start_mark.column + 1;
            a->next = text(L, v, "next", 64);
            if (a->next && !yid_valid(a->next, 1, 64)) {
                yerr(y, v, "next must be a scene id (a-z, 0-9, _ and -), found '%s'", a->next);
                a->next = NULL;
            } else if (a->next && s->id && strcmp(a->next, s->id) == 0) {
                yerr(y, v, "next names this scene itself; leave 'next:' out to go on with the chapter");
                a->next = NULL;
            }
        }
        if (a->text && a->why) {
            s->nbranches += a->next != NULL;
            s->nanswers++;
        }
    }
    if (n > 0 && !best)
        yerr(y, list, "no answer has 'quality: best'; say which answer fits the moment");
}

static const char *const scene_keys[] = {"id", "title", "place", "context", "character",
                                         "lines", "answers", "question", "catch", "chat", NULL};

/* Do two cues move any pose parameter in common? */
static bool share_target(const CueDef *a, const CueDef *b)
{
    for (int i = 0; i < a->ntargets; i++)
        for (int j = 0; j < b->ntargets; j++)
            if (a->targets[i].param == b->targets[j].param)
                return true;
    return false;
}

/* Timing problems. A cue that starts after the answers appear can never be
 * seen or flagged: an error. One that only runs on past its line still
 * plays: a warning. */
static void check_timing(YDoc *y, const Scene *s)
{
    const int slack = 2 * SCENE_TICK_HZ;
    for (int i = 0; i < s->ncues; i++) {
        const SceneCue *c = &s->cues[i];
        const SceneLine *l = &s->lines[c->line];
        if (c->start >= s->length) {
            yreport_at(y, DIAG_ERROR, c->src_line, c->src_col,
                     "cue '%s' starts %.1f s into its line '%s', but the scene is over by then: the "
                     "answers appear %.1f s into that line, so no player can see it; start it while "
                     "the line is spoken (it lasts %.1f s)",
                     c->def->name, (c->start - l->start) / (double)SCENE_TICK_HZ, l->id ? l->id : "?",
                     (s->length - l->start) / (double)SCENE_TICK_HZ, (l->end - l->start) / (double)SCENE_TICK_HZ);
            continue;
        }
        /* In a chat a cue may fill the wait before its message (a long delay). */
        int earliest = l->start - slack;
        if (s->chat && c->line > 0 && s->lines[c->line - 1].end - slack < earliest)
            earliest = s->lines[c->line - 1].end - slack;
        /* ... and its message stays on the phone until the next one comes. */
        int latest = l->end + slack;
        if (s->chat) {
            int next = c->line + 1 < s->nlines ? s->lines[c->line + 1].start : s->length;
            latest = next + slack > latest ? next + slack : latest;
        }
        if (c->start < earliest || (c->end != SCENE_HOLD && c->end > latest))
            yreport_at(y, DIAG_WARNING, c->src_line, c->src_col,
                     "cue '%s' runs more than 2 s outside its line '%s' (%.1f s to %.1f s; the line "
                     "lasts %.1f s); move it to the line it belongs to",
                     c->def->name, l->id ? l->id : "?", (c->start - l->start) / (double)SCENE_TICK_HZ,
                     c->end == SCENE_HOLD ? 0.0 : (c->end - l->start) / (double)SCENE_TICK_HZ,
                     (l->end - l->start) / (double)SCENE_TICK_HZ);
        if (s->chat && c->def->chat == CHAT_WORDS && c->start < l->typed - 6)
            yreport_at(y, DIAG_WARNING, c->src_line, c->src_col,
                     "cue '%s' is in the words of message '%s', but starts %.1f s before the message arrives, "
                     "when there is nothing to see yet; start it as it arrives ('start: end')",
                     c->def->name, l->id ? l->id : "?", (l->typed - c->start) / (double)SCENE_TICK_HZ);
        for (int j = 0; j < i; j++) {
            const SceneCue *o = &s->cues[j];
            if (o->def->channel != c->def->channel || !share_target(o->def, c->def))
                continue;
            if (c->start < o->end && o->start < c->end)
                yreport_at(y, DIAG_WARNING, c->src_line, c->src_col,
                         "cue '%s' overlaps cue '%s' (line %d) on the %s channel and moves the same "
                         "part of the body; the two will blend into something else",
                         c->def->name, o->def->name, o->src_line, channel_name(c->def->channel));
        }
    }
}
static const char *const scene_required[] = {"id", "title", "place", "context", "character",
                                             "lines", "answers", NULL};

bool scene_load(Scene *scene, const char *file, const char *buf, size_t len, const Lexicon *lex,
                const Cast *cast, DiagList *diags)
{
    return scene_load_scoped(scene, file, buf, len, lex, cast, NULL, diags);
}

bool scene_load_scoped(Scene *scene, const char *file, const char *buf, size_t len, const Lexicon *lex,
                       const Cast *cast, const PackScope *scope, DiagList *diags)
{
    memset(scene, 0, sizeof *scene);
    scene->look = look_default();
    int errors_before = diags->errors;
    scene->file = arena_strdup(&scene->arena, file);
    YDoc y;
    if (!ydoc_load(&y, file, buf, len, diags))
        return false;
    Loader L = {scene, &y, lex, scope, false};
    yaml_node_t *root = ydoc_root(&y);
    if (yis_map(&y, root, "a scene file")) {
        ymap_check_keys(&y, root, scene_keys);
        ymap_require(&y, root, scene_required);
        scene->id = req_text(&L, root, "id", 64);
        yaml_node_t *idn = ymap_get(&y, root, "id");
        scene->id_line = idn ? (int)idn->start_mark.line + 1 : 1;
        scene->id_col = idn ? (int)idn->start_mark.column + 1 : 1;
        if (scene->id && !yid_valid(scene->id, 1, 64))
            yerr(&y, ymap_get(&y, root, "id"), "scene id '%s' may use only a-z, 0-9, _ and -",
                 scene->id);
        scene->title = req_text(&L, root, "title", 120);
        scene->place = req_text(&L, root, "place", 64);
        yaml_node_t *pn = ymap_get(&y, root, "place");
        if (pn) {
            scene->place_line = (int)pn->start_mark.line + 1;
            scene->place_col = (int)pn->start_mark.column + 1;
        }
        scene->context = req_text(&L, root, "context", MAX_TEXT);
        scene->question = req_text(&L, root, "question", MAX_TEXT);
        yaml_node_t *ch = ymap_get(&y, root, "character");
        if (ch && yis_map(&y, ch, "character")) {
            static const char *const ch_keys[] = {"name", "look", NULL};
            static const char *const ch_req[] = {"name", NULL};
            ymap_check_keys(&y, ch, ch_keys);
            ymap_require(&y, ch, ch_req);
            scene->speaker = req_text(&L, ch, "name", 40);
            yaml_node_t *lk = ymap_get(&y, ch, "look");
            if (lk && lk->type == YAML_SCALAR_NODE) { /* a look file's id */
                const char *id = (const char *)lk->data.scalar.value;
                const RegEntry *hidden = NULL;
                const RegEntry *e = cast ? registry_lookup(&cast->reg, scope, id, &hidden) : NULL;
                char msg[400];
                if (e) {
                    scene->look = ((const CastEntry *)e->item)->look;
                } else if (hidden) {
                    registry_hidden_message(&cast->reg, hidden, msg, sizeof msg);
                    yerr(&y, lk, "%s", msg);
                } else if (cast && registry_failed(&cast->reg, id)) {
                    /* Its own file's error is reported, and breaks the pack. */
                } else {
                    yerr(&y, lk, "unknown look '%s' (looks are files in a pack's looks/ folder)", id);
                }
            } else if (lk) {
                cast_parse_look(&y, lk, NULL, &scene->look);
            }
        }
        yaml_node_t *v;
        if ((v = ymap_get(&y, root, "chat")))
            ybool(&y, v, "chat", &scene->chat);
        int before_lines = diags->errors;
        if ((v = ymap_get(&y, root, "lines")))
            load_lines(&L, v);
        L.lines_ok = diags->errors == before_lines;
        if ((v = ymap_get(&y, root, "answers")))
            load_answers(&L, v);
        /* Only worth saying when nothing else is wrong: a failed cue may have been the one. */
        bool catch_scene = false;
        yaml_node_t *cn = ymap_get(&y, root, "catch");
        if (cn)
            ybool(&y, cn, "catch", &catch_scene);
        if (diags->errors == errors_before) {
            check_timing(&y, scene);
            if (scene->nlines > 0 && scene->nincongruent == 0 && !catch_scene)
                ywarn(&y, root, "no cue is marked 'incongruent: true', so there is nothing to notice; "
                      "if the body agrees with the words on purpose, say 'catch: true'");
            if (catch_scene && scene->nincongruent > 0)
                ywarn(&y, cn, "a catch scene (body and words agree) should not have incongruent cues");
        }
    }
    ydoc_free(&y);
    return diags->errors == errors_before;
}
