/* Unsaid - render_debrief.c: what was there, what you saw, and every answer. */
#include "render_parts.h"

#include <stdio.h>

/* A cue's row begins as its bar does on the timeline: noticed, a filled
 * disc with a plus; missed, an open ring with a minus as wide as the plus,
 * so that the two differ without their colours. */
static void mark_row(Draw *d, float x, float y, bool hit, Color c)
{
    Color ink = hit ? color_hex(0x1b1f2b) : c;
    if (hit) {
        draw_circle(d, x, y, 10, c);
    } else {
        draw_circle(d, x, y, 10, color_alpha(c, 0.18f));
        draw_rounded_rect_outline(d, x - 10, y - 10, 20, 20, 10, 2.f, c);
    }
    draw_rect(d, x - 5.5f, y - 1.25f, 11, 2.5f, ink);
    if (hit)
        draw_rect(d, x - 1.25f, y - 5.5f, 2.5f, 11, ink);
}

/* One row per incongruent cue: noticed or missed, what it was, what it may
 * mean. Rows stop at `bottom`; the rest are counted. */
static float debrief_cues(Renderer *r, const Game *g, float x, float y, float w, float bottom)
{
    Draw *d = r->draw;
    const Scene *s = g->scene;
    float lh = text_line_height(r->text, FONT_SMALL);
    int hidden = 0;
    if (s->nincongruent == 0) /* a catch scene: say so, not "0 of 0" */
        return y + text_draw_wrapped(r->text, d, FONT_SMALL, words_get(g, "debrief.catch"), x, y, w, -1, r->theme.text, ALIGN_LEFT);
    /* What was missed comes first: it is what the player most needs. Rows
     * stop where the space ends, leaving room to say how many are left. */
    for (int pass = 0; pass < 2; pass++)
        for (int i = 0; i < s->ncues && i < NOTICE_MAX_CUES; i++) {
            const SceneCue *c = &s->cues[i];
            bool hit = g->notice.cue_hit[i];
            if (!c->incongruent || !c->def || hit != (pass == 1))
                continue;
            char body[1400], means[700];
            if (c->means)
                words_fill(g, means, sizeof means, "debrief.may_mean", 1, "means", c->means);
            snprintf(body, sizeof body, "%s%s%s", c->describe ? c->describe : "", c->describe && c->means ? " " : "",
                     c->means ? means : "");
            float h = lh + 2 + text_wrapped_height(r->text, FONT_SMALL, body, w - 32);
            if (hidden > 0 || y + h > bottom - 2 * lh) {
                hidden++;
                continue;
            }
            Color mark = hit ? r->theme.good : r->theme.bad;
            mark_row(d, x + 11, y + lh / 2, hit, mark);
            char head[160];
            words_fill(g, head, sizeof head, hit ? "debrief.noticed" : "debrief.missed", 1, "region",
               words_region(g, channel_region(c->def->channel)));
            text_draw(r->text, d, FONT_SMALL_BOLD, head, -1, x + 32, y, mark, ALIGN_LEFT);
            y += lh + 2;
            y += text_draw_wrapped(r->text, d, FONT_SMALL, body, x + 32, y, w - 32, -1, r->theme.text, ALIGN_LEFT);
            y += 10;
        }
    if (hidden > 0) {
        char more[160], num[16];
        snprintf(num, sizeof num, "%d", hidden);
        words_fill(g, more, sizeof more, "debrief.more", 1, "count", num);
        y += text_draw_wrapped(r->text, d, FONT_SMALL, more, x + 32, y, w - 32, -1, r->theme.muted, ALIGN_LEFT);
    }
    return y;
}

/* Marks that differ in shape as well as colour, so that no one needs to
 * tell green from red: a noticed cue is a filled bar, a missed one an
 * open outline; a flag is a dot, a false alarm a cross. */
static void mark_bar(Draw *d, float x, float cy, float w, bool filled, Color c)
{
    if (filled) {
        draw_rounded_rect(d, x, cy - 6, w, 12, 6, c);
    } else {
        draw_rounded_rect(d, x, cy - 6, w, 12, 6, color_alpha(c, 0.18f));
        draw_rounded_rect_outline(d, x, cy - 6, w, 12, 6, 2.f, c);
    }
}

static void mark_flag(Draw *d, float x, float y, bool false_alarm, Color c)
{
    if (!false_alarm) {
        draw_circle(d, x, y, 6.5f, color_rgba(0, 0, 0, 200));
        draw_circle(d, x, y, 4.5f, c);
        return;
    }
    for (int k = 0; k < 2; k++) { /* a dark cross under a light one */
        float a = k ? 4.5f : 5.5f, w = k ? 2.2f : 4.2f;
        Color cc = k ? c : color_rgba(0, 0, 0, 200);
        Vec2 p1[2] = {{x - a, y - a}, {x + a, y + a}}, p2[2] = {{x - a, y + a}, {x + a, y - a}};
        draw_stroke(d, p1, 2, w, cc);
        draw_stroke(d, p2, 2, w, cc);
    }
}

/* The scene at a glance: one row per region, every cue as a bar (thick
 * for the ones to notice: filled when noticed, open when missed), and the
 * player's flags as dots (crosses for false alarms). A click on a bar
 * replays that cue slowly. */
static void debrief_timeline(Renderer *r, const Game *g)
{
    Draw *d = r->draw;
    const Scene *s = g->scene;
    UiRect t = game_timeline_rect();
    Region rows[REGION_COUNT];
    int nrows = game_timeline_rows(s, rows);
    float rh = t.h / (float)(nrows > 0 ? nrows : 1);
    draw_rounded_rect(d, t.x - 8, t.y - 4, t.w + 16, t.h + 8, 10, color_rgba(0, 0, 0, 70));
    for (int i = 0; i < nrows; i++) {
        float y = t.y + rh * (float)i;
        text_draw(r->text, d, FONT_LABEL, words_region(g, rows[i]), -1, t.x - 16,
                  y + (rh - text_line_height(r->text, FONT_LABEL)) / 2, r->theme.muted, ALIGN_RIGHT);
        if (i > 0)
            draw_rect(d, t.x, y, t.w, 1, color_rgba(255, 255, 255, 18));
    }
    if (!s || s->length <= 0)
        return;
    /* A legend under the strip, right-aligned. */
    enum { BAR, OPEN_BAR, THIN_BAR, DOT, CROSS };
    struct { const char *key; Color c; float w; int shape; } keys[] = {
        {"legend.noticed", r->theme.good, 18, BAR}, {"legend.missed", r->theme.bad, 18, OPEN_BAR},
        {"legend.fits", color_rgba(255, 255, 255, 90), 14, THIN_BAR}, {"legend.flag", r->theme.accent, 10, DOT},
        {"legend.false_alarm", r->theme.text, 10, CROSS}};
    float lw = 0;
    for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++)
        lw += keys[i].w + 6 + text_width(r->text, FONT_LABEL, words_get(g, keys[i].key), -1) + 16;
    float lx = t.x + t.w - lw, ly = t.y + t.h + 6;
    if (lx > t.x)
        for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++) {
            float cy = ly + text_line_height(r->text, FONT_LABEL) / 2;
            if (keys[i].shape == BAR || keys[i].shape == OPEN_BAR)
                mark_bar(d, lx, cy, keys[i].w, keys[i].shape == BAR, keys[i].c);
            else if (keys[i].shape == THIN_BAR)
                draw_rounded_rect(d, lx, cy - 1.5f, keys[i].w, 3, 1.5f, keys[i].c);
            else
                mark_flag(d, lx + 5, cy, keys[i].shape == CROSS, keys[i].c);
            lx += keys[i].w + 6;
            text_draw(r->text, d, FONT_LABEL, words_get(g, keys[i].key), -1, lx, ly, r->theme.muted, ALIGN_LEFT);
            lx += text_width(r->text, FONT_LABEL, words_get(g, keys[i].key), -1) + 16;
        }
    float k = t.w / (float)s->length;
    for (int i = 0; i < s->nlines; i++) /* where each line begins */
        draw_rect(d, t.x + k * (float)s->lines[i].start, t.y, 1.5f, t.h, color_rgba(255, 255, 255, 40));
    for (int pass = 0; pass < 2; pass++) /* congruent cues underneath */
        for (int i = 0; i < s->ncues && i < NOTICE_MAX_CUES; i++) {
            const SceneCue *c = &s->cues[i];
            if (!c->def || c->incongruent != (pass == 1))
                continue;
            int end = c->end == SCENE_HOLD || c->end > s->length ? s->length : c->end;
            float x0 = t.x + k * (float)(c->start > 0 ? c->start : 0), x1 = t.x + k * (float)end;
            float y = t.y + rh * (float)game_timeline_row(s, channel_region(c->def->channel)) + rh / 2;
            if (x1 - x0 < 6)
                x1 = x0 + 6;
            if (pass == 0)
                draw_rounded_rect(d, x0, y - 2, x1 - x0, 4, 2, color_rgba(255, 255, 255, 55));
            else
                mark_bar(d, x0, y, x1 - x0, g->notice.cue_hit[i], g->notice.cue_hit[i] ? r->theme.good : r->theme.bad);
        }
    for (int i = 0; i < g->notice.nflags; i++) {
        const Flag *f = &g->notice.flags[i];
        float x = t.x + k * (float)f->tick, y = t.y + rh * (float)game_timeline_row(s, f->region) + rh / 2;
        if (f->tick < 0 || f->tick > s->length)
            continue;
        mark_flag(d, x, y, f->result == FLAG_FALSE_ALARM, f->result == FLAG_FALSE_ALARM ? r->theme.text : r->theme.accent);
    }
}

void screen_debrief(Renderer *r, const Game *g, double alpha)
{
    Draw *d = r->draw;
    const Scene *s = g->scene;
    const SceneResult *res = &g->result;
    widget_dim(r, 0.6f);
    widget_panel(r, 40, 30, 1200, 660);
    text_draw(r->text, d, FONT_SMALL_BOLD, words_get(g, "debrief.label"), -1, 80, 54, r->theme.accent, ALIGN_LEFT);
    text_draw(r->text, d, FONT_HEADING, s->title, -1, 80, 78, r->theme.text, ALIGN_LEFT);
    char score[128], n1[16], n2[16], n3[16], n4[16];
    snprintf(n1, sizeof n1, "%d", res->score);
    words_fill(g, score, sizeof score, "debrief.points", 1, "points", n1);
    text_draw(r->text, d, FONT_HEADING, score, -1, 1200, 78, r->theme.accent, ALIGN_RIGHT);
    float stars_right = 1200 - text_width(r->text, FONT_HEADING, score, -1) - 40;
    widget_stars(r, stars_right, 96, 14, g->stars, CAMPAIGN_STARS, true);
    /* The difficulty the points were earned at, left of the stars. */
    char at[96];
    words_fill(g, at, sizeof at, "debrief.difficulty", 1, "difficulty",
               words_named(g, "difficulty", difficulty_name(res->difficulty)));
    text_draw(r->text, d, FONT_SMALL, at, -1, stars_right - 14 * 2.3f * (CAMPAIGN_STARS - 1) - 26,
              96 - text_line_height(r->text, FONT_SMALL) / 2, r->theme.muted, ALIGN_RIGHT);
    if (g->hints > 0) {
        char hints[128], pts[16];
        snprintf(n1, sizeof n1, "%d", g->hints);
        snprintf(pts, sizeof pts, "%d", g->hints * GAME_HINT_COST);
        words_fill(g, hints, sizeof hints, "debrief.hints", 2, "count", n1, "points", pts);
        UiRect t = game_timeline_rect(); /* left of the legend, under the strip */
        text_draw(r->text, d, FONT_LABEL, hints, -1, t.x, t.y + t.h + 6, r->theme.accent, ALIGN_LEFT);
    }
    debrief_timeline(r, g);

    /* Left column: noticing. */
    float lx = 80, lw = 560, y = 256;
    char stats[256];
    snprintf(n1, sizeof n1, "%d", res->hits);
    snprintf(n2, sizeof n2, "%d", res->hits + res->misses);
    snprintf(n3, sizeof n3, "%d", res->misses);
    snprintf(n4, sizeof n4, "%d", res->false_alarms);
    words_fill(g, stats, sizeof stats, "debrief.stats", 4, "hits", n1, "total", n2, "misses", n3, "false_alarms", n4);
    y += text_draw_wrapped(r->text, d, FONT_SMALL_BOLD, stats, lx, y, lw, -1, r->theme.muted, ALIGN_LEFT) + 12;
    debrief_cues(r, g, lx, y, lw, 626);

    /* Right column: the answer. Sections that would run into the buttons
     * are left out (the "Every answer" page has them all). */
    float rx = 690, rw = 510, limit = 622;
    y = 256;
    text_draw(r->text, d, FONT_SMALL_BOLD, words_get(g, "debrief.you_said"), -1, rx, y, r->theme.accent, ALIGN_LEFT);
    y += text_line_height(r->text, FONT_SMALL_BOLD) + 10;
    if (res->answer >= 0) {
        const SceneAnswer *a = &s->answers[res->answer];
        char kind[256];
        words_fill(g, kind, sizeof kind, "debrief.kind_quality", 2, "kind", words_kind(g, a->kind), "quality",
           words_quality(g, a->quality));
        float kw = text_width(r->text, FONT_SMALL_BOLD, kind, -1) + 24;
        float kh = text_line_height(r->text, FONT_SMALL_BOLD) + 8;
        /* A light tint, so that the words on it keep 4.5:1 under every
         * colour vision (tests/colour_vision.py); the same on "Every answer". */
        draw_rounded_rect(d, rx, y, kw, kh, 10, color_alpha(theme_quality_color(r, a->quality), 0.18f));
        text_draw(r->text, d, FONT_SMALL_BOLD, kind, -1, rx + 12, y + 4, theme_quality_color(r, a->quality), ALIGN_LEFT);
        y += kh + 12;
        if (y + text_wrapped_height(r->text, FONT_SMALL, a->why, rw) < limit)
            y += text_draw_wrapped(r->text, d, FONT_SMALL, a->why, rx, y, rw, -1, r->theme.text, ALIGN_LEFT) + 14;
        if (a->quality != QUALITY_BEST) {
            for (int i = 0; i < s->nanswers; i++) {
                if (s->answers[i].quality != QUALITY_BEST)
                    continue;
                char best[700];
                words_fill(g, best, sizeof best, "debrief.best", 2, "kind", words_kind(g, s->answers[i].kind), "text",
                   s->answers[i].text);
                if (y + text_wrapped_height(r->text, FONT_SMALL, best, rw) < limit)
                    y += text_draw_wrapped(r->text, d, FONT_SMALL, best, rx, y, rw, -1, r->theme.good, ALIGN_LEFT) + 14;
                break;
            }
        }
    }
    float qlh = text_line_height(r->text, FONT_SMALL_BOLD) + 6;
    if (s->question && y + 4 + qlh + text_wrapped_height(r->text, FONT_SMALL, s->question, rw) < limit) {
        y += 4;
        text_draw(r->text, d, FONT_SMALL_BOLD, words_get(g, "debrief.talk"), -1, rx, y, r->theme.accent, ALIGN_LEFT);
        y += qlh;
        y += text_draw_wrapped(r->text, d, FONT_SMALL, s->question, rx, y, rw, -1, r->theme.text, ALIGN_LEFT) + 14;
    }
    if (res->false_alarms > 0 && y + text_wrapped_height(r->text, FONT_SMALL, words_get(g, "debrief.false_alarms"), rw) < limit)
        text_draw_wrapped(r->text, d, FONT_SMALL, words_get(g, "debrief.false_alarms"), rx, y, rw, -1, r->theme.muted,
                          ALIGN_LEFT);
    static const char *const labels[GAME_DEBRIEF_BUTTONS] = {
        [DEBRIEF_WATCH] = "debrief.watch",       [DEBRIEF_ANSWERS] = "debrief.answers",
        [DEBRIEF_AGAIN] = "debrief.play_again",  [DEBRIEF_CHAPTERS] = "debrief.chapters",
        [DEBRIEF_CONTINUE] = "debrief.continue"};
    for (int i = 0; i < GAME_DEBRIEF_BUTTONS; i++)
        if (i != DEBRIEF_WATCH || s->nincongruent > 0)
            widget_button(r, game_debrief_button(i), words_get(g, labels[i]), g->selected == i);
}

/* Every answer the scene had: what kind it is, how well it fits, and why.
 * When they do not all fit (large text), up and down scroll by answer. */
void screen_review(Renderer *r, const Game *g, double alpha)
{
    Draw *d = r->draw;
    const Scene *s = g->scene;
    widget_dim(r, 0.6f);
    widget_panel(r, 40, 30, 1200, 660);
    text_draw(r->text, d, FONT_SMALL_BOLD, words_get(g, "review.label"), -1, 80, 54, r->theme.accent, ALIGN_LEFT);
    text_draw(r->text, d, FONT_HEADING, s->title, -1, 80, 78, r->theme.text, ALIGN_LEFT);
    float y = 140, w = 1120, bottom = 626;
    float kh = text_line_height(r->text, FONT_SMALL_BOLD) + 6;
    int first = g->selected < s->nanswers ? g->selected : 0, last = first - 1;
    if (s->question && first == 0) { /* the group's question, always reachable here */
        text_draw(r->text, d, FONT_SMALL_BOLD, words_get(g, "debrief.talk"), -1, 80, y, r->theme.accent, ALIGN_LEFT);
        float qx = 80 + text_width(r->text, FONT_SMALL_BOLD, words_get(g, "debrief.talk"), -1) + 16;
        y += text_draw_wrapped(r->text, d, FONT_SMALL, s->question, qx, y, 80 + w - qx, -1, r->theme.text, ALIGN_LEFT) + 18;
    }
    for (int i = first; i < s->nanswers; i++) {
        const SceneAnswer *a = &s->answers[i];
        char kind[256], quoted[500];
        words_fill(g, kind, sizeof kind, "debrief.kind_quality", 2, "kind", words_kind(g, a->kind), "quality",
           words_quality(g, a->quality));
        float kw = text_width(r->text, FONT_SMALL_BOLD, kind, -1) + 24;
        bool chosen = i == g->answer;
        const char *you = chosen ? words_get(g, "review.yours") : a->requires ? words_get(g, "review.needs_cue") : NULL;
        float yw = you ? text_width(r->text, FONT_SMALL_BOLD, you, -1) + 20 : 0;
        float tx = 80 + kw + 14 + (you ? yw + 14 : 0);
        snprintf(quoted, sizeof quoted, "\u201c%s\u201d", a->text);
        float qh = text_wrapped_height(r->text, FONT_SMALL_BOLD, quoted, 80 + w - tx);
        float h = (qh > kh ? qh : kh) + 8 + text_wrapped_height(r->text, FONT_SMALL, a->why, w) + 16;
        if (i > first && y + h > bottom)
            break;
        last = i;
        draw_rounded_rect(d, 80, y, kw, kh, 10, color_alpha(theme_quality_color(r, a->quality), 0.18f));
        text_draw(r->text, d, FONT_SMALL_BOLD, kind, -1, 92, y + 3, theme_quality_color(r, a->quality), ALIGN_LEFT);
        if (you) {
            float yx = 80 + kw + 14;
            draw_rounded_rect(d, yx, y, yw, kh, 10, chosen ? r->theme.accent : color_rgba(255, 255, 255, 40));
            text_draw(r->text, d, FONT_SMALL_BOLD, you, -1, yx + 10, y + 3, chosen ? color_hex(0x1b1f2b) : r->theme.text,
                      ALIGN_LEFT);
        }
        text_draw_wrapped(r->text, d, FONT_SMALL_BOLD, quoted, tx, y + 3, 80 + w - tx, -1, r->theme.text, ALIGN_LEFT);
        y += (qh > kh ? qh : kh) + 8;
        y += text_draw_wrapped(r->text, d, FONT_SMALL, a->why, 80, y, w, -1, r->theme.muted, ALIGN_LEFT) + 16;
    }
    if (first > 0 || last + 1 < s->nanswers) {
        text_draw(r->text, d, FONT_SMALL, words_get(g, "review.scroll"), -1, 80, 652, r->theme.muted, ALIGN_LEFT);
    }
    widget_button(r, game_review_button(), words_get(g, "review.back"), true);
}
