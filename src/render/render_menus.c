/* Unsaid - render_menus.c: title, chapters, results, packs, settings, pause. */
#include "render_parts.h"

#include <stdio.h>
#include <string.h>

void screen_title(Renderer *r, const Game *g, double alpha)
{
    Draw *d = r->draw;
    widget_dim(r, 0.25f);
    /* A dark column on the left for the title; the scene stays visible. */
    draw_rect(d, -400, 0, 400 + 420, DRAW_LOGICAL_H, color_rgba(8, 10, 18, 215));
    for (int i = 0; i < 10; i++) /* soft right edge */
        draw_rect(d, 420 + 12.f * i, 0, 12, DRAW_LOGICAL_H, color_rgba(8, 10, 18, (uint8_t)(195 - 19 * i)));
    text_draw(r->text, d, FONT_TITLE, words_get(g, "title.name"), -1, 80, 90, r->theme.text, ALIGN_LEFT);
    /* The tagline must end above the first button whatever the text size. */
    const char *tag = words_get(g, "title.tagline");
    FontId tf = 210 + text_wrapped_height(r->text, FONT_BODY, tag, 330) < game_title_button(0).y - 8 ? FONT_BODY
                                                                                                     : FONT_SMALL;
    text_draw_wrapped(r->text, d, tf, tag, 84, 210, 330, -1, r->theme.accent, ALIGN_LEFT);
    static const char *const labels[TITLE_COUNT] = {
        [TITLE_PLAY] = "title.play",   [TITLE_CHAPTERS] = "title.chapters", [TITLE_SETTINGS] = "title.settings",
        [TITLE_PACKS] = "title.packs", [TITLE_QUIT] = "title.quit"};
    for (int i = 0; i < TITLE_COUNT; i++)
        widget_button(r, game_title_button(i), words_get(g, labels[i]), g->selected == i);
    text_draw_wrapped(r->text, d, FONT_SMALL, words_get(g, "title.controls"), 84, 650, 320, -1, r->theme.muted, ALIGN_LEFT);
}

/* Every pack the game found, and what is wrong with the broken ones. */
void screen_packs(Renderer *r, const Game *g, double alpha)
{
    Draw *d = r->draw;
    const Library *lib = g->library;
    int n = lib ? lib->npacks : 0;
    widget_dim(r, 0.75f);
    text_draw(r->text, d, FONT_HEADING, words_get(g, "packs.title"), -1, 60, 40, r->theme.text, ALIGN_LEFT);
    text_draw(r->text, d, FONT_SMALL, words_get(g, "packs.hint"), -1, 200, 54, r->theme.muted, ALIGN_LEFT);
    for (int i = 0; i < n; i++) {
        UiRect b = game_pack_row(g, i);
        if (b.w <= 0)
            continue;
        const PackInfo *p = &lib->packs[i];
        bool sel = g->pack_focus == i;
        draw_rounded_rect(d, b.x, b.y, b.w, b.h, 12, sel ? color_rgba(60, 68, 94, 250) : r->theme.panel);
        draw_rounded_rect_outline(d, b.x, b.y, b.w, b.h, 12, sel ? 2.5f : 1.2f, sel ? r->theme.accent : r->theme.panel_edge);
        const char *title = p->has_manifest && p->manifest.title ? p->manifest.title : p->name;
        text_draw(r->text, d, FONT_SMALL_BOLD, title, -1, b.x + 16, b.y + 6, r->theme.text, ALIGN_LEFT);
        text_draw(r->text, d, FONT_SMALL, p->name, -1, b.x + 16, b.y + 28, r->theme.muted, ALIGN_LEFT);
        const char *st = words_named(g, "packs", library_state_name(p->state));
        float sw = text_width(r->text, FONT_SMALL_BOLD, st, -1) + 20;
        /* The tag on the panel's colour, opaque even on the lighter focused
         * row, and lightly tinted: its words keep 4.5:1 under every colour
         * vision (tests/colour_vision.py). */
        Color under = r->theme.panel;
        under.a = 255;
        draw_rounded_rect(d, b.x + b.w - sw - 12, b.y + 14, sw, 26, 8, under);
        draw_rounded_rect(d, b.x + b.w - sw - 12, b.y + 14, sw, 26, 8, color_alpha(theme_state_color(r, p->state), 0.18f));
        text_draw(r->text, d, FONT_SMALL_BOLD, st, -1, b.x + b.w - sw / 2 - 12, b.y + 16,
                  theme_state_color(r, p->state), ALIGN_CENTER);
    }
    widget_button(r, game_pack_row(g, n), words_get(g, "packs.back"), g->selected == n);
    if (g->pack_focus < 0 || g->pack_focus >= n)
        return;
    /* Details of the focused pack. */
    const PackInfo *p = &lib->packs[g->pack_focus];
    float x = 570, y = 120, w = 650;
    widget_panel(r, x, y, w, 570);
    x += 28;
    w -= 56;
    y += 22;
    const PackManifest *m = &p->manifest;
    char line[600];
    snprintf(line, sizeof line, "%s", p->has_manifest && m->title ? m->title : p->name);
    y += text_draw_wrapped(r->text, d, FONT_BODY_BOLD, line, x, y, w, -1, r->theme.text, ALIGN_LEFT) + 4;
    if (p->has_manifest && m->id) {
        snprintf(line, sizeof line, "%s %s  |  %s  |  %s", m->id, m->version ? m->version : "",
                 m->license ? m->license : "", m->language ? m->language : "");
        text_draw(r->text, d, FONT_SMALL, line, -1, x, y, r->theme.muted, ALIGN_LEFT);
        y += 26;
        if (m->nauthors > 0) {
            char authors[400] = "";
            for (int i = 0; i < m->nauthors; i++)
                snprintf(authors + strlen(authors), sizeof authors - strlen(authors), "%s%s", i ? ", " : "",
                         m->authors[i]);
            words_fill(g, line, sizeof line, "packs.by", 1, "authors", authors);
            text_draw(r->text, d, FONT_SMALL, line, -1, x, y, r->theme.muted, ALIGN_LEFT);
            y += 26;
        }
        if (m->description)
            y += text_draw_wrapped(r->text, d, FONT_SMALL, m->description, x, y + 6, w, -1, r->theme.text, ALIGN_LEFT) + 14;
    }
    char c1[16], c2[16], c3[16], c4[16];
    snprintf(c1, sizeof c1, "%d", p->nscenes);
    snprintf(c2, sizeof c2, "%d", p->stats.cues);
    snprintf(c3, sizeof c3, "%d", p->stats.incongruent);
    snprintf(c4, sizeof c4, "%d", p->stats.answers);
    words_fill(g, line, sizeof line, "packs.counts", 4, "scenes", c1, "cues", c2, "incongruent", c3, "answers", c4);
    text_draw(r->text, d, FONT_SMALL_BOLD, line, -1, x, y, theme_state_color(r, p->state), ALIGN_LEFT);
    y += 34;
    for (int i = 0; i < p->diags.count && y < 590; i++) {
        diag_format(&p->diags.items[i], line, sizeof line);
        Color c = p->diags.items[i].level == DIAG_ERROR ? r->theme.bad : r->theme.accent;
        y += text_draw_wrapped(r->text, d, FONT_SMALL, line, x, y, w, -1, c, ALIGN_LEFT) + 6;
        /* The line it is on, as written (without its indentation), cut to
         * the panel: which line to fix, without opening the file to count. */
        const Diag *dg = &p->diags.items[i];
        if (dg->source[0] && y < 590) {
            const char *src = dg->source;
            while (*src == ' ')
                src++;
            char quoted[220];
            snprintf(quoted, sizeof quoted, "%d | %s", dg->line, src);
            int nb = (int)strlen(quoted);
            while (nb > 0 && text_width(r->text, FONT_SMALL, quoted, nb) > w)
                do
                    nb--;
                while (nb > 0 && ((unsigned char)quoted[nb] & 0xC0) == 0x80);
            text_draw(r->text, d, FONT_SMALL, quoted, nb, x + 16, y - 2, r->theme.muted, ALIGN_LEFT);
            y += text_line_height(r->text, FONT_SMALL) + 8;
        }
    }
    if (p->is_base)
        text_draw(r->text, d, FONT_SMALL, words_get(g, "packs.base"), -1, x, 634, r->theme.muted, ALIGN_LEFT);
    else
        widget_button(r, game_pack_row(g, n + 1), words_get(g, p->state == PACK_DISABLED ? "packs.turn_on"
                                                    : p->state == PACK_BROKEN ? "packs.check_again"
                                                                              : "packs.turn_off"),
               g->selected == n + 1);
}

void screen_chapters(Renderer *r, const Game *g, double alpha)
{
    Draw *d = r->draw;
    const Campaign *c = &g->campaign;
    widget_menu_backdrop(r, g, words_get(g, "chapters.label"), NULL);
    if (c->nchapters == 0) {
        text_draw_wrapped(r->text, d, FONT_BODY, words_get(g, "chapters.none"), 330, 120, 860, -1, r->theme.text, ALIGN_LEFT);
        widget_button(r, game_chapter_row(g, 0), words_get(g, "chapters.back"), true);
        return;
    }
    int k = g->chapter_focus < c->nchapters ? g->chapter_focus : 0;
    const Chapter *ch = &c->chapters[k];
    int max, got = campaign_chapter_stars(c, g->progress, k, &max);
    /* Chapter heading between the arrows, its stars under it. */
    text_draw(r->text, d, FONT_HEADING, ch->title, -1, 775, 104, r->theme.text, ALIGN_CENTER);
    char buf[160], n1[16], n2[16], n3[16], n4[16];
    snprintf(n1, sizeof n1, "%d", got);
    snprintf(n2, sizeof n2, "%d", max);
    snprintf(n3, sizeof n3, "%d", k + 1);
    snprintf(n4, sizeof n4, "%d", c->nchapters);
    words_fill(g, buf, sizeof buf, "chapters.summary", 4, "stars", n1, "max", n2, "number", n3, "count", n4);
    text_draw(r->text, d, FONT_SMALL, buf, -1, 775, 148, r->theme.muted, ALIGN_CENTER);
    if (c->nchapters > 1)
        for (int i = 0; i < 2; i++) {
            UiRect b = game_chapter_row(g, ch->nscenes + 2 + i);
            draw_rounded_rect(d, b.x, b.y, b.w, b.h, 14, r->theme.button);
            text_draw(r->text, d, FONT_HEADING, i == 0 ? "\u2039" : "\u203a", -1, b.x + b.w / 2, b.y + 6, r->theme.text,
                      ALIGN_CENTER);
        }
    for (int i = 0; i < ch->nscenes; i++) {
        UiRect b = game_chapter_row(g, i);
        if (b.w <= 0)
            continue;
        const Scene *s = ch->scenes[i];
        bool open = g->settings.open_all_scenes || campaign_open(c, g->progress, k, i), sel = g->selected == i;
        const SceneRecord *rec = g->progress ? progress_find(g->progress, s->id) : NULL;
        draw_rounded_rect(d, b.x, b.y, b.w, b.h, 14, sel ? color_rgba(60, 68, 94, 250) : r->theme.panel);
        draw_rounded_rect_outline(d, b.x, b.y, b.w, b.h, 14, sel ? 2.5f : 1.5f, sel ? r->theme.accent : r->theme.panel_edge);
        char num[12];
        snprintf(num, sizeof num, "%d", i + 1);
        text_draw(r->text, d, FONT_BODY_BOLD, num, -1, b.x + 34, widget_mid(r, b, FONT_BODY_BOLD), open ? r->theme.accent : r->theme.muted,
                  ALIGN_CENTER);
        text_draw(r->text, d, open ? FONT_BODY_BOLD : FONT_BODY, s->title, -1, b.x + 64, widget_mid(r, b, FONT_BODY),
                  open ? r->theme.text : r->theme.muted, ALIGN_LEFT);
        const SceneBest *best = NULL;
        int at = progress_best(rec, &best); /* the most stars at any difficulty, and which */
        if (open) {
            widget_stars(r, b.x + b.w - 30, b.y + b.h / 2, 11, best ? best->stars : 0, CAMPAIGN_STARS, true);
            if (at >= 0)
                text_draw(r->text, d, FONT_LABEL, words_named(g, "difficulty", difficulty_name((Difficulty)at)), -1,
                          b.x + b.w - 30 - 11 * 2.3f * (CAMPAIGN_STARS - 1) - 24,
                          b.y + (b.h - text_line_height(r->text, FONT_LABEL)) / 2, r->theme.muted, ALIGN_RIGHT);
        } else
            text_draw(r->text, d, FONT_SMALL, words_get(g, "chapters.locked"), -1, b.x + b.w - 24, widget_mid(r, b, FONT_SMALL), r->theme.muted,
                      ALIGN_RIGHT);
    }
    widget_button(r, game_chapter_row(g, ch->nscenes), words_get(g, "chapters.back"), g->selected == ch->nscenes);
    /* The difficulty the scenes will be played at: the same setting as in
     * Settings, changed here too. */
    {
        UiRect b = game_chapter_row(g, ch->nscenes + 1);
        bool sel = g->selected == ch->nscenes + 1;
        char level[96], shown[128];
        words_fill(g, level, sizeof level, "chapters.difficulty", 1, "difficulty",
                   words_named(g, "settings.difficulty", difficulty_name(game_chosen_difficulty(g))));
        snprintf(shown, sizeof shown, "\u2039  %s  \u203a", level);
        draw_rounded_rect(d, b.x, b.y, b.w, b.h, 14, sel ? color_rgba(60, 68, 94, 250) : r->theme.panel);
        draw_rounded_rect_outline(d, b.x, b.y, b.w, b.h, 14, sel ? 2.5f : 1.5f, sel ? r->theme.accent : r->theme.panel_edge);
        text_draw(r->text, d, FONT_BODY_BOLD, shown, -1, b.x + b.w / 2, widget_mid(r, b, FONT_BODY_BOLD),
                  sel ? r->theme.accent : r->theme.text, ALIGN_CENTER);
    }
    text_draw_wrapped(r->text, d, FONT_SMALL, words_get(g, "chapters.help"), 64, 160, 230, -1, r->theme.muted, ALIGN_LEFT);
}

void screen_results(Renderer *r, const Game *g, double alpha)
{
    Draw *d = r->draw;
    const Campaign *c = &g->campaign;
    int k = g->chapter_focus < c->nchapters ? g->chapter_focus : 0;
    const Chapter *ch = c->nchapters ? &c->chapters[k] : NULL;
    widget_dim(r, 0.72f);
    widget_panel(r, 40, 30, 1200, 660);
    text_draw(r->text, d, FONT_SMALL_BOLD, words_get(g, "results.label"), -1, 80, 54, r->theme.accent, ALIGN_LEFT);
    text_draw(r->text, d, FONT_HEADING, ch ? ch->title : "", -1, 80, 78, r->theme.text, ALIGN_LEFT);
    int max, got = campaign_chapter_stars(c, g->progress, k, &max);
    char buf[256], n1[16], n2[16], n3[16];
    snprintf(n1, sizeof n1, "%d", got);
    snprintf(n2, sizeof n2, "%d", max);
    words_fill(g, buf, sizeof buf, "results.stars", 2, "stars", n1, "max", n2);
    text_draw(r->text, d, FONT_HEADING, buf, -1, 1200, 78, r->theme.accent, ALIGN_RIGHT);

    /* Left: each scene of the chapter. */
    float y = 150;
    text_draw(r->text, d, FONT_BODY_BOLD, words_get(g, "results.scenes"), -1, 80, y, r->theme.text, ALIGN_LEFT);
    y += 44;
    Tally chapter_tally;
    memset(&chapter_tally, 0, sizeof chapter_tally);
    for (int i = 0; ch && i < ch->nscenes; i++) {
        const SceneRecord *rec = g->progress ? progress_find(g->progress, ch->scenes[i]->id) : NULL;
        text_draw(r->text, d, FONT_SMALL_BOLD, ch->scenes[i]->title, -1, 80, y, rec ? r->theme.text : r->theme.muted,
                  ALIGN_LEFT);
        const SceneBest *best = NULL;
        int at = progress_best(rec, &best);
        widget_stars(r, 560, y + 11, 10, best ? best->stars : 0, CAMPAIGN_STARS, true);
        if (at >= 0)
            text_draw(r->text, d, FONT_LABEL, words_named(g, "difficulty", difficulty_name((Difficulty)at)), -1,
                      560 - 10 * 2.3f * (CAMPAIGN_STARS - 1) - 22, y + 11 - text_line_height(r->text, FONT_LABEL) / 2,
                      r->theme.muted, ALIGN_RIGHT);
        y += 38;
        if (rec)
            tally_add(&chapter_tally, &rec->last);
    }

    /* Right: the noticing profile of the chapter (latest plays). The verdict
     * comes first; the numbers behind it follow as far as space allows. */
    float rx = 660, rw = 540, limit = 624;
    y = 150;
    text_draw(r->text, d, FONT_BODY_BOLD, words_get(g, "results.profile"), -1, rx, y, r->theme.text, ALIGN_LEFT);
    y += text_line_height(r->text, FONT_BODY_BOLD) + 12;
    StatsVerdict v = stats_profile(&chapter_tally);
    words_fill(g, buf, sizeof buf, v.key, 1, "region", v.region >= 0 ? words_region(g, v.region) : "");
    FontId vf = text_wrapped_height(r->text, FONT_BODY, buf, rw) > 100 ? FONT_SMALL : FONT_BODY;
    float vh = text_wrapped_height(r->text, vf, buf, rw);
    draw_rounded_rect(d, rx - 12, y - 8, rw + 24, vh + 16, 12, color_alpha(r->theme.accent, 0.16f));
    text_draw_wrapped(r->text, d, vf, buf, rx, y, rw, -1, r->theme.text, ALIGN_LEFT);
    y += vh + 24;
    const TallyCounts *tot = &chapter_tally.total;
    double dp, cc;
    stats_tally_dprime(&chapter_tally, &dp, &cc);
    snprintf(n1, sizeof n1, "%d", tot->hits);
    snprintf(n2, sizeof n2, "%d", tot->signals);
    snprintf(n3, sizeof n3, "%d", tot->false_alarms);
    words_fill(g, buf, sizeof buf, "results.totals", 3, "hits", n1, "signals", n2, "false_alarms", n3);
    y += text_draw_wrapped(r->text, d, FONT_SMALL_BOLD, buf, rx, y, rw, -1, r->theme.muted, ALIGN_LEFT) + 8;
    /* One bar per region, in the order used everywhere: the share of its cues noticed. */
    static const Region order[] = {REGION_EYES, REGION_FACE, REGION_HANDS, REGION_POSTURE, REGION_VOICE, REGION_TEXT};
    float lh = text_line_height(r->text, FONT_SMALL);
    for (int k2 = 0; k2 < (int)(sizeof order / sizeof order[0]); k2++) {
        const TallyCounts *t = &chapter_tally.region[order[k2]];
        if (order[k2] == REGION_TEXT && t->signals == 0 && t->noise == 0)
            continue; /* a chapter without a chat */
        text_draw(r->text, d, FONT_SMALL_BOLD, words_region(g, order[k2]), -1, rx, y, r->theme.text, ALIGN_LEFT);
        float bx = rx + 120, bw = 150;
        draw_rounded_rect(d, bx, y + lh / 2 - 7, bw, 14, 7, color_rgba(255, 255, 255, 30));
        if (t->signals > 0 && t->hits > 0)
            draw_rounded_rect(d, bx, y + lh / 2 - 7, bw * (float)t->hits / (float)t->signals, 14, 7, r->theme.good);
        snprintf(n1, sizeof n1, "%d", t->hits);
        snprintf(n2, sizeof n2, "%d", t->signals);
        snprintf(n3, sizeof n3, "%d", t->false_alarms);
        words_fill(g, buf, sizeof buf, t->signals ? "results.region" : "results.region_none", 3, "hits", n1, "signals", n2,
           "false_alarms", n3);
        text_draw(r->text, d, FONT_SMALL, buf, -1, bx + bw + 12, y, r->theme.muted, ALIGN_LEFT);
        y += lh + 8;
    }
    y += 6;
    char dps[16], cs[16];
    snprintf(dps, sizeof dps, "%.2f", dp);
    snprintf(cs, sizeof cs, "%.2f", cc);
    words_fill(g, buf, sizeof buf, "results.dprime", 2, "d", dps, "c", cs);
    if (y + lh < limit)
        y += text_draw_wrapped(r->text, d, FONT_SMALL_BOLD, buf, rx, y, rw, -1, r->theme.accent, ALIGN_LEFT) + 6;
    if (g->progress) { /* and over every scene played so far */
        Tally run;
        double rd, rc;
        progress_totals(g->progress, &run);
        stats_tally_dprime(&run, &rd, &rc);
        snprintf(dps, sizeof dps, "%.2f", rd);
        snprintf(cs, sizeof cs, "%.2f", rc);
        snprintf(n1, sizeof n1, "%d", run.total.hits);
        snprintf(n2, sizeof n2, "%d", run.total.signals);
        words_fill(g, buf, sizeof buf, "results.run", 4, "d", dps, "c", cs, "hits", n1, "signals", n2);
        if (y + text_wrapped_height(r->text, FONT_SMALL, buf, rw) < limit)
            y += text_draw_wrapped(r->text, d, FONT_SMALL, buf, rx, y, rw, -1, r->theme.muted, ALIGN_LEFT) + 10;
    }
    if (y + text_wrapped_height(r->text, FONT_SMALL, words_get(g, "results.dprime_help"), rw) < limit)
        text_draw_wrapped(r->text, d, FONT_SMALL, words_get(g, "results.dprime_help"), rx, y, rw, -1, r->theme.muted, ALIGN_LEFT);
    widget_button(r, game_results_button(), words_get(g, "results.continue"), true);
}

void screen_settings(Renderer *r, const Game *g, double alpha)
{
    Draw *d = r->draw;
    const Settings *st = &g->settings;
    widget_menu_backdrop(r, g, words_get(g, "settings.label"), NULL);
    static const char *const names[SET_COUNT] = {
        "settings.fullscreen", "settings.window",         "settings.master",        "settings.music",
        "settings.effects",    "settings.text_size",      "settings.text_speed",    "settings.reduced_motion",
        "settings.high_contrast", "settings.hints",       "settings.open_all", "settings.difficulty",
        "settings.back"};
    for (int i = 0; i < SET_BACK; i++) {
        UiRect b = game_settings_row(i);
        bool sel = g->selected == i;
        draw_rounded_rect(d, b.x, b.y, b.w, b.h, 12, sel ? color_rgba(60, 68, 94, 250) : r->theme.panel);
        draw_rounded_rect_outline(d, b.x, b.y, b.w, b.h, 12, sel ? 2.5f : 1.5f, sel ? r->theme.accent : r->theme.panel_edge);
        text_draw(r->text, d, FONT_BODY, words_get(g, names[i]), -1, b.x + 20, widget_mid(r, b, FONT_BODY), r->theme.text, ALIGN_LEFT);
        char val[96];
        switch (i) {
        case SET_FULLSCREEN: snprintf(val, sizeof val, "%s", words_on_off(g, st->fullscreen)); break;
        case SET_WINDOW:
            if (st->window_width > 0)
                snprintf(val, sizeof val, "%d \u00d7 %d", st->window_width, st->window_height);
            else
                snprintf(val, sizeof val, "%s", words_get(g, "settings.window_default"));
            break;
        case SET_MASTER: snprintf(val, sizeof val, "%d%%", st->master_volume); break;
        case SET_MUSIC: snprintf(val, sizeof val, "%d%%", st->music_volume); break;
        case SET_EFFECTS: snprintf(val, sizeof val, "%d%%", st->effects_volume); break;
        case SET_TEXT_SIZE:
            snprintf(val, sizeof val, "%s", words_named(g, "settings.size", settings_text_size_name(st->text_size)));
            break;
        case SET_TEXT_SPEED:
            snprintf(val, sizeof val, "%s", words_named(g, "settings.speed", settings_text_speed_name(st->text_speed)));
            break;
        case SET_REDUCED_MOTION: snprintf(val, sizeof val, "%s", words_on_off(g, st->reduced_motion)); break;
        case SET_HIGH_CONTRAST: snprintf(val, sizeof val, "%s", words_on_off(g, st->high_contrast)); break;
        case SET_HINTS: /* gentle turns hints on while it is chosen */
            snprintf(val, sizeof val, "%s",
                     !st->hints && game_chosen_difficulty(g) == DIFFICULTY_GENTLE ? words_get(g, "settings.hints_gentle")
                                                                                   : words_on_off(g, st->hints));
            break;
        case SET_DIFFICULTY:
            snprintf(val, sizeof val, "%s",
                     words_named(g, "settings.difficulty", difficulty_name(game_chosen_difficulty(g))));
            break;
        case SET_OPEN_ALL: snprintf(val, sizeof val, "%s", words_on_off(g, st->open_all_scenes)); break;
        default: val[0] = '\0';
        }
        char shown[128];
        snprintf(shown, sizeof shown, sel ? "\u2039  %s  \u203a" : "%s", val);
        /* Large text: a value that would run into its name is set smaller. */
        FontId vf = text_width(r->text, FONT_BODY, words_get(g, names[i]), -1) +
                                text_width(r->text, FONT_BODY_BOLD, shown, -1) + 56 > b.w
                        ? FONT_SMALL_BOLD
                        : FONT_BODY_BOLD;
        text_draw(r->text, d, vf, shown, -1, b.x + b.w - 20, widget_mid(r, b, vf), sel ? r->theme.accent : r->theme.text,
                  ALIGN_RIGHT);
    }
    widget_button(r, game_settings_row(SET_BACK), words_get(g, names[SET_BACK]), g->selected == SET_BACK);
    text_draw_wrapped(r->text, d, FONT_SMALL, words_get(g, "settings.help"), 980, 100, 250, -1, r->theme.muted, ALIGN_LEFT);
}

void screen_pause(Renderer *r, const Game *g, double alpha)
{
    widget_dim(r, 0.55f);
    UiRect first = game_pause_button(0);
    widget_panel(r, first.x - 40, first.y - 90, first.w + 80, 66.f * PAUSE_COUNT + 120);
    text_draw(r->text, r->draw, FONT_HEADING, words_get(g, "pause.label"), -1, 640, first.y - 70, r->theme.text, ALIGN_CENTER);
    static const char *const labels[PAUSE_COUNT] = {"pause.resume", "pause.restart", "pause.settings", "pause.quit"};
    for (int i = 0; i < PAUSE_COUNT; i++)
        widget_button(r, game_pause_button(i), words_get(g, labels[i]), g->selected == i);
}
