/* Unsaid - render_stage.c: the scene as it plays (place, person, speech,
 * flags, HUD) and the screens drawn over it. */
#include "render_parts.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

void stage_cache_clear(PlaceCache *c)
{
    for (int i = 0; i < 2; i++) {
        if (c->layer[i])
            SDL_DestroyTexture(c->layer[i]);
        c->layer[i] = NULL;
    }
    c->place[0] = '\0';
}

/* A place layer through the stage's camera. */
static void place_draw_framed(Draw *d, const PlaceDef *def, PlaceLayer layer, double t)
{
    StageCamera c = game_camera();
    draw_push(d);
    draw_translate(d, c.to.x, c.to.y);
    draw_scale_by(d, c.zoom, c.zoom);
    draw_translate(d, -c.from.x, -c.from.y);
    place_draw(d, def, layer, t);
    draw_pop(d);
}

/* Draw a static place layer from its cached texture, making it first if
 * needed. Falls back to drawing directly when textures are unavailable. */
static void stage_place_layer(Renderer *r, const char *place, const PlaceDef *def, PlaceLayer layer)
{
    PlaceCache *c = &r->cache;
    int w, h;
    SDL_GetRendererOutputSize(r->sdl, &w, &h);
    if (strcmp(c->place, place) != 0 || c->w != w || c->h != h) {
        stage_cache_clear(c);
        snprintf(c->place, sizeof c->place, "%s", place);
        c->w = w;
        c->h = h;
    }
    int i = layer == PLACE_LAYER_BACK ? 0 : 1;
    draw_flush(r->draw);
    if (!c->layer[i]) {
        SDL_Texture *t = SDL_CreateTexture(r->sdl, SDL_PIXELFORMAT_ARGB8888, SDL_TEXTUREACCESS_TARGET, w, h);
        SDL_Texture *old = SDL_GetRenderTarget(r->sdl);
        if (!t || SDL_SetRenderTarget(r->sdl, t) != 0) {
            if (t)
                SDL_DestroyTexture(t);
            place_draw_framed(r->draw, def, layer, 0);
            return;
        }
        /* Copied 1:1 onto the frame: no filtering; the back is opaque, so
         * it needs no blending either (each costs a GPU without a GPU). */
        SDL_SetTextureBlendMode(t, i == 0 ? SDL_BLENDMODE_NONE : SDL_BLENDMODE_BLEND);
        SDL_SetTextureScaleMode(t, SDL_ScaleModeNearest);
        SDL_SetRenderDrawColor(r->sdl, 0, 0, 0, i == 0 ? 255 : 0);
        SDL_RenderClear(r->sdl);
        place_draw_framed(r->draw, def, layer, 0);
        draw_flush(r->draw);
        SDL_SetRenderTarget(r->sdl, old);
        c->layer[i] = t;
    }
    SDL_RenderCopy(r->sdl, c->layer[i], NULL, NULL);
}

void stage_view(Renderer *r, const Game *g, double alpha)
{
    Draw *d = r->draw;
    const Scene *s = g->scene;
    const char *place = s && s->place ? s->place : "";
    /* The place's life (stars, steam) stops with reduced motion, as the
     * person's idle life does. */
    double t = g->settings.reduced_motion ? 0 : game_time(g, alpha) / SCENE_TICK_HZ;
    Pose pose;
    RigLayout rig;
    game_character(g, alpha, &pose, &rig);
    Look look = s ? s->look : look_default();
    const PlaceDef *def = g->library ? places_find(&g->library->places, place) : NULL;
    stage_place_layer(r, place, def, PLACE_LAYER_BACK);
    place_draw_framed(d, def, PLACE_LAYER_LIFE, t);
    /* The character moves on its own clock (the rig's), which a pause stops.
     * A part of a frame they do not reach is drawn without them. */
    bool person = !r->clip || !r->keep.person_known || SDL_HasIntersection(r->clip, &r->keep.person);
    if (s && s->chat) { /* a chat: the phone, not the person */
        stage_place_layer(r, place, def, PLACE_LAYER_FRONT);
        widget_dim(r, 0.3f);
        stage_phone(r, g, alpha);
        return;
    }
    if (person)
        character_draw(d, &look, &rig, &pose, rig.t, CHAR_LAYER_BODY);
    stage_place_layer(r, place, def, PLACE_LAYER_FRONT);
    if (person)
        character_draw(d, &look, &rig, &pose, rig.t, CHAR_LAYER_FRONT);
}

void stage_speech_box(Renderer *r, const Game *g, double alpha)
{
    const SceneLine *line;
    int visible;
    float vw;
    const CueDef *voice = game_voice(g, alpha, &vw);
    const char *caption = voice ? voice->caption : NULL;
    if (g->scene->chat || (!game_current_line(g, alpha, &line, &visible) && !caption))
        return; /* a chat's words are on the phone */
    Draw *d = r->draw;
    UiRect b = game_speech_box();
    widget_panel(r, b.x, b.y, b.w, b.h);
    const char *name = g->scene->speaker ? g->scene->speaker : "";
    /* Name tag on the box's top edge. */
    float nw = text_width(r->text, FONT_SMALL_BOLD, name, -1) + 28;
    draw_rounded_rect(d, b.x + 24, b.y - 16, nw, 32, 10, r->theme.accent);
    text_draw(r->text, d, FONT_SMALL_BOLD, name, -1, b.x + 24 + nw / 2, b.y - 12,
              color_hex(0x1b1f2b), ALIGN_CENTER);
    if (caption) { /* voice cues as captions, beside the name so they never cover the words */
        float cw = text_width(r->text, FONT_SMALL_BOLD, caption, -1) + 24;
        float cx = b.x + 24 + nw + 10;
        draw_rounded_rect(d, cx, b.y - 16, cw, 32, 10, color_rgba(20, 24, 36, 235));
        draw_rounded_rect_outline(d, cx, b.y - 16, cw, 32, 10, 1.5f, color_alpha(r->theme.accent, 0.6f));
        text_draw(r->text, d, FONT_SMALL_BOLD, caption, -1, cx + cw / 2, b.y - 12, r->theme.accent, ALIGN_CENTER);
    }
    if (!game_current_line(g, alpha, &line, &visible))
        return;
    /* How the words look follows the voice: quiet words fade, flat words go
     * grey, trembling words shake, loud words are bold. */
    TextStyle style = voice && vw > 0.3f ? voice->text : TEXT_PLAIN;
    FontId font = style == TEXT_LOUD ? FONT_BODY_BOLD : FONT_BODY;
    Color ink = style == TEXT_QUIET ? color_alpha(r->theme.text, 0.55f) : style == TEXT_FLAT ? r->theme.muted : r->theme.text;
    float dx = 0, dy = 0;
    if (style == TEXT_TREMBLE && !g->settings.reduced_motion) {
        double t = game_time(g, alpha);
        dx = (float)(sin(t * 2.1) * 1.2);
        dy = (float)(sin(t * 2.9 + 1.0) * 1.0);
    }
    text_draw_wrapped(r->text, d, font, line->text, b.x + 32 + dx, b.y + 26 + dy, b.w - 64, visible, ink,
                      ALIGN_LEFT);
}

/* A tutorial's tip for the line being spoken, under the words in the
 * right-hand column, its dot on the side towards the person: never over
 * the face or the hands it asks about. */
void stage_coach_banner(Renderer *r, const Game *g, double alpha)
{
    const SceneLine *line;
    int visible;
    if (!game_current_line(g, alpha, &line, &visible) || !line->coach)
        return;
    Draw *d = r->draw;
    UiRect b = game_speech_box();
    float w = b.w, x = b.x, y = b.y + b.h + 24;
    float th = text_wrapped_height(r->text, FONT_BODY, line->coach, w - 56);
    widget_panel(r, x, y, w, th + 32);
    draw_rounded_rect_outline(d, x, y, w, th + 32, 18, 2.f, r->theme.accent);
    draw_circle(d, x + 2, y + (th + 32) / 2, 9, r->theme.accent);
    text_draw_wrapped(r->text, d, FONT_BODY, line->coach, x + 28, y + 16, w - 56, -1, r->theme.text, ALIGN_LEFT);
}

/* Flags stay neutral while the scene plays: whether they were right is for
 * the debrief, so the player learns to look, not to fish for feedback. A
 * flag is a hollow ring that pops in and fades within two seconds, so it
 * never hides the face it was placed on. */
void stage_flags(Renderer *r, const Game *g, double alpha)
{
    Draw *d = r->draw;
    double now = game_time(g, alpha) - g->perform_start;
    for (int i = 0; i < g->notice.nflags; i++) {
        const Flag *f = &g->notice.flags[i];
        double age = (now - f->tick) / SCENE_TICK_HZ;
        if (age < 0 || age > 1.8)
            continue;
        float pop = (float)fmin(1.0, age / 0.15);
        float fade = (float)(age < 1.0 ? 1.0 : 1.0 - (age - 1.0) / 0.8);
        float rad = 16 + 10 * (1 - pop);
        Vec2 ring[40];
        int n = draw_ellipse_points(ring, 39, f->x, f->y, rad, rad, 0);
        ring[n++] = ring[0];
        draw_stroke(d, ring, n, 5.f, color_rgba(0, 0, 0, (uint8_t)(110 * fade)));
        draw_stroke(d, ring, n, 3.f, color_alpha(r->theme.accent, fade));
        const char *lab = words_region(g, f->region);
        float w = text_width(r->text, FONT_SMALL_BOLD, lab, -1) + 16;
        float lx = f->x + rad + 6, ly = f->y - 13;
        draw_rounded_rect(d, lx, ly, w, 26, 8, color_rgba(20, 24, 36, (uint8_t)(215 * fade)));
        text_draw(r->text, d, FONT_SMALL_BOLD, lab, -1, lx + 8, ly + 2, color_alpha(r->theme.text, fade), ALIGN_LEFT);
    }
}

void stage_hud(Renderer *r, const Game *g, double alpha)
{
    Draw *d = r->draw;
    /* Timeline bar: how far through the scene we are. */
    float p = game_perform_progress(g, alpha);
    /* Over the right-hand column, where the words are: a head near the top
     * of the close shot never runs into it. */
    UiRect bar = game_progress_bar();
    draw_rounded_rect(d, bar.x, bar.y, bar.w, bar.h, 4, color_rgba(255, 255, 255, 40));
    if (p > 0)
        draw_rounded_rect(d, bar.x, bar.y, bar.w * p, bar.h, 4, color_alpha(r->theme.accent, 0.9f));
    char buf[128], num[16];
    snprintf(num, sizeof num, "%d", g->notice.nflags);
    words_fill(g, buf, sizeof buf, "hud.flags", 1, "count", num);
    widget_panel(r, 40, 44, 150, 40);
    text_draw(r->text, d, FONT_SMALL_BOLD, buf, -1, 115, 53, r->theme.text, ALIGN_CENTER);
    /* Controls reminder, top right: the keys of the regions this scene has. */
    bool chat = g->scene && g->scene->chat;
    const char *hint = words_get(g, chat ? "hud.hint_chat" : "hud.hint");
    static const char *const body_keys[] = {"E", "F", "H", "P", "V"}, *const chat_keys[] = {"T"};
    const char *const *keys = chat ? chat_keys : body_keys;
    int nkeys = chat ? 1 : 5;
    float x = 1240 - (float)nkeys * 36 - text_width(r->text, FONT_SMALL, hint, -1) - 12;
    widget_panel(r, x - 16, 44, 1240 - x + 16, 40);
    text_draw(r->text, d, FONT_SMALL, hint, -1, x, 53, r->theme.muted, ALIGN_LEFT);
    x += text_width(r->text, FONT_SMALL, hint, -1) + 10;
    for (int i = 0; i < nkeys; i++)
        x += widget_keycap(r, keys[i], x, 50) + 6;
    if (game_hints_on(g)) {
        char pts[16], hint_key[96];
        snprintf(pts, sizeof pts, "%d", GAME_HINT_COST);
        words_fill(g, hint_key, sizeof hint_key, "hud.hint_key", 1, "points", pts);
        float w = text_width(r->text, FONT_SMALL, hint_key, -1) + 32;
        widget_panel(r, 1240 - w, 92, w, 36);
        text_draw(r->text, d, FONT_SMALL, hint_key, -1, 1240 - 16, 99, r->theme.muted, ALIGN_RIGHT);
    }
}

/* A hint pulses on a region; the keyboard cursor rings the region it is on. */
void stage_region_cursor(Renderer *r, const Game *g, double alpha)
{
    Pose pose;
    RigLayout rig;
    Region hint;
    float phase;
    bool still = g->settings.reduced_motion;
    if (game_hint(g, alpha, &hint, &phase)) {
        game_character(g, alpha, &pose, &rig);
        RigVec a = game_region_anchor(&rig, hint);
        float beat = still ? 0.5f : 0.5f + 0.5f * sinf(phase * 6.f * PI_F);
        float fade = phase < 0.8f ? 1.f : (1.f - phase) / 0.2f;
        draw_glow(r->draw, a.x, a.y, 46 + 10 * beat, color_alpha(r->theme.accent, 0.55f * fade));
        const char *lab = words_region(g, hint);
        char buf[96];
        /* Before the cue starts, say it is coming, so nobody flags too soon. */
        words_fill(g, buf, sizeof buf, game_hint_upcoming(g) ? "hud.hint_soon" : "hud.hint_here", 1, "region", lab);
        float w = text_width(r->text, FONT_SMALL_BOLD, buf, -1) + 20;
        draw_rounded_rect(r->draw, a.x + 30, a.y - 15, w, 30, 9, color_rgba(20, 24, 36, (uint8_t)(225 * fade)));
        text_draw(r->text, r->draw, FONT_SMALL_BOLD, buf, -1, a.x + 40, a.y - 11, color_alpha(r->theme.accent, fade),
                  ALIGN_LEFT);
    }
    if (g->region_cursor < 0)
        return;
    game_character(g, alpha, &pose, &rig);
    RigVec a = game_region_anchor(&rig, (Region)g->region_cursor);
    Vec2 ring[40];
    int n = draw_ellipse_points(ring, 39, a.x, a.y, 20, 20, 0);
    ring[n++] = ring[0];
    draw_stroke(r->draw, ring, n, 6.f, color_rgba(0, 0, 0, 120));
    draw_stroke(r->draw, ring, n, 3.f, r->theme.text);
    const char *lab = words_region(g, (Region)g->region_cursor);
    char buf[96];
    words_fill(g, buf, sizeof buf, "hud.cursor", 1, "region", lab);
    float w = text_width(r->text, FONT_SMALL_BOLD, buf, -1) + 20;
    float lh = text_line_height(r->text, FONT_SMALL_BOLD);
    /* Below the ring, on whichever side keeps it on screen. */
    float lx = a.x + 28 + w > DRAW_LOGICAL_W - 8 ? a.x - 28 - w : a.x + 28;
    draw_rounded_rect(r->draw, lx, a.y + 20, w, lh + 8, 9, color_rgba(20, 24, 36, 225));
    text_draw(r->text, r->draw, FONT_SMALL_BOLD, buf, -1, lx + 10, a.y + 24, r->theme.text, ALIGN_LEFT);
}

void screen_intro(Renderer *r, const Game *g, double alpha)
{
    Draw *d = r->draw;
    const Scene *s = g->scene;
    widget_dim(r, 0.35f);
    /* The card grows with the text and moves up to keep the prompt to
     * begin on screen; with very large text the context uses the small font. */
    float w = 900, x = (DRAW_LOGICAL_W - w) / 2;
    const char *howto = words_get(g, s->chat ? "intro.howto_chat" : "intro.howto");
    float howto_h = text_wrapped_height(r->text, FONT_SMALL, howto, w - 80);
    float keys_h = text_line_height(r->text, FONT_SMALL_BOLD) + 6;
    FontId cf = FONT_BODY;
    float ch = text_wrapped_height(r->text, cf, s->context, w - 80);
    float fixed = 120 + 24 + 18 + howto_h + 10 + keys_h + 30, room = 712 - 62 - 20;
    if (fixed + ch > room) {
        cf = FONT_SMALL;
        ch = text_wrapped_height(r->text, cf, s->context, w - 80);
    }
    float h = fixed + ch;
    float y = 712 - 62 - h < 150 ? 712 - 62 - h : 150;
    if (y < 20)
        y = 20;
    widget_panel(r, x, y, w, h);
    text_draw(r->text, d, FONT_SMALL_BOLD, words_get(g, "intro.label"), -1, x + 40, y + 30, r->theme.accent, ALIGN_LEFT);
    text_draw(r->text, d, FONT_HEADING, s->title, -1, x + 40, y + 56, r->theme.text, ALIGN_LEFT);
    float cy = y + 120;
    cy += text_draw_wrapped(r->text, d, cf, s->context, x + 40, cy, w - 80, -1, r->theme.text, ALIGN_LEFT);
    cy += 24;
    draw_rect(d, x + 40, cy, w - 80, 1.5f, r->theme.panel_edge);
    cy += 18;
    cy += text_draw_wrapped(r->text, d, FONT_SMALL, howto, x + 40, cy, w - 80, -1, r->theme.muted, ALIGN_LEFT) + 10;
    static const char *const keys[] = {"E", "F", "H", "P", "V", "T"};
    static const Region regions[] = {REGION_EYES, REGION_FACE, REGION_HANDS, REGION_POSTURE, REGION_VOICE, REGION_TEXT};
    float kx = x + 40;
    for (int i = 0; i < 6; i++) {
        if (!scene_has_region(s, regions[i]))
            continue;
        const char *name = words_region(g, regions[i]);
        kx += widget_keycap(r, keys[i], kx, cy) + 8;
        text_draw(r->text, d, FONT_SMALL, name, -1, kx, cy + 3, r->theme.text, ALIGN_LEFT);
        kx += text_width(r->text, FONT_SMALL, name, -1) + 26;
    }
    float blink = g->settings.reduced_motion ? 1.f : 0.65f + 0.35f * (float)sin(game_time(g, alpha) / 20.0);
    const char *go = words_get(g, "intro.begin");
    float gw = text_width(r->text, FONT_BODY_BOLD, go, -1) + 48;
    float gh = text_line_height(r->text, FONT_BODY_BOLD) + 16;
    draw_rounded_rect(d, 640 - gw / 2, y + h + 12, gw, gh, 14, r->theme.panel);
    text_draw(r->text, d, FONT_BODY_BOLD, go, -1, 640, y + h + 20, color_alpha(r->theme.accent, blink), ALIGN_CENTER);
}

void screen_answer(Renderer *r, const Game *g, double alpha)
{
    Draw *d = r->draw;
    const Scene *s = g->scene;
    UiRect first = game_answer_rect(g, 0);
    /* The right-hand column darkens behind the answers, fading in from the
     * person's side so the body stays in full light. */
    float shade_x = first.x - 90;
    Vec2 col[4] = {{shade_x, -10}, {first.x - 10, -10}, {first.x - 10, DRAW_LOGICAL_H + 10}, {shade_x, DRAW_LOGICAL_H + 10}};
    draw_shape_ramp(d, col, 4, (Vec2){shade_x, 0}, (Vec2){first.x - 10, 0}, color_rgba(8, 10, 18, 190));
    draw_rect(d, first.x - 10, 0, DRAW_LOGICAL_W - first.x + 10, DRAW_LOGICAL_H, color_rgba(8, 10, 18, 190));
    char prompt[256];
    words_fill(g, prompt, sizeof prompt, "answers.prompt", 1, "name", s->speaker ? s->speaker : "");
    text_draw(r->text, d, FONT_BODY_BOLD, prompt, -1, first.x, first.y - 40, r->theme.text, ALIGN_LEFT);
    /* One text size for every answer, so none looks more important. A
     * "because you noticed" tag sits on its own line at the top of its box. */
    FontId f = FONT_BODY;
    float tag_h = text_line_height(r->text, FONT_SMALL_BOLD) + 8;
    for (int i = 0; i < g->noffered; i++)
        if (text_wrapped_height(r->text, FONT_BODY, s->answers[g->offered[i]].text, first.w - 90) >
            first.h - 10 - (s->answers[g->offered[i]].requires ? tag_h : 0))
            f = FONT_SMALL;
    for (int i = 0; i < g->noffered; i++) {
        const SceneAnswer *a = &s->answers[g->offered[i]];
        UiRect b = game_answer_rect(g, i);
        bool sel = g->selected == i;
        draw_rounded_rect(d, b.x, b.y + 3, b.w, b.h, 14, color_rgba(0, 0, 0, 80));
        draw_rounded_rect(d, b.x, b.y, b.w, b.h, 14, sel ? color_rgba(60, 68, 94, 250) : r->theme.panel);
        draw_rounded_rect_outline(d, b.x, b.y, b.w, b.h, 14, sel ? 2.5f : 1.5f,
                                  sel ? r->theme.accent : r->theme.panel_edge);
        char num[12];
        snprintf(num, sizeof num, "%d", i + 1);
        draw_circle(d, b.x + 34, b.y + b.h / 2, 17, sel ? r->theme.accent : color_rgba(255, 255, 255, 45));
        text_draw(r->text, d, FONT_BODY_BOLD, num, -1, b.x + 34,
                  b.y + b.h / 2 - text_line_height(r->text, FONT_BODY_BOLD) / 2,
                  sel ? color_hex(0x1b1f2b) : r->theme.text, ALIGN_CENTER);
        float top = 0;
        if (a->requires) { /* offered because the player noticed something */
            const char *tag = words_get(g, "answers.noticed");
            float tw = text_width(r->text, FONT_SMALL_BOLD, tag, -1) + 20;
            float lh = text_line_height(r->text, FONT_SMALL_BOLD);
            draw_rounded_rect(d, b.x + b.w - tw - 12, b.y + 8, tw, lh + 4, 8, color_alpha(r->theme.accent, 0.25f));
            text_draw(r->text, d, FONT_SMALL_BOLD, tag, -1, b.x + b.w - tw / 2 - 12, b.y + 10, r->theme.accent,
                      ALIGN_CENTER);
            top = tag_h;
        }
        float th = text_wrapped_height(r->text, f, a->text, b.w - 90);
        text_draw_wrapped(r->text, d, f, a->text, b.x + 68, b.y + top + (b.h - top - th) / 2, b.w - 90, -1,
                          r->theme.text, ALIGN_LEFT);
    }
}

/* Slow motion from the debrief: the cue again at a quarter speed, its
 * region ringed, with what it was and what it may mean. */
void screen_perform(Renderer *r, const Game *g, double alpha)
{
    stage_hud(r, g, alpha);
    stage_flags(r, g, alpha);
    stage_speech_box(r, g, alpha);
    stage_coach_banner(r, g, alpha);
    stage_region_cursor(r, g, alpha);
}

void screen_reaction(Renderer *r, const Game *g, double alpha)
{
    stage_speech_box(r, g, alpha);
    if (game_reaction_skippable(g)) { /* say that the player may go on now */
        const char *go_on = words_get(g, "reaction.skip");
        float w = text_width(r->text, FONT_SMALL, go_on, -1) + 28;
        float h = text_line_height(r->text, FONT_SMALL) + 10;
        draw_rounded_rect(r->draw, 1240 - w, 20, w, h, 10, color_rgba(20, 24, 36, 200));
        text_draw(r->text, r->draw, FONT_SMALL, go_on, -1, 1240 - 14, 25, r->theme.muted, ALIGN_RIGHT);
    }
}

void screen_watch(Renderer *r, const Game *g, double alpha)
{
    stage_speech_box(r, g, alpha);
    Draw *d = r->draw;
    int from, to;
    float p;
    if (!game_watch(g, alpha, &from, &to, &p))
        return;
    const SceneCue *c = &g->scene->cues[g->watch_cue];
    Pose pose;
    RigLayout rig;
    game_character(g, alpha, &pose, &rig);
    Region reg = channel_region(c->def->channel);
    RigVec a = game_region_anchor(&rig, reg);
    Vec2 ring[48];
    int n = draw_ellipse_points(ring, 47, a.x, a.y, 24, 24, 0);
    ring[n++] = ring[0];
    draw_stroke(d, ring, n, 6.f, color_rgba(0, 0, 0, 120));
    draw_stroke(d, ring, n, 3.f, g->notice.cue_hit[g->watch_cue] ? r->theme.good : r->theme.bad);
    char body[1400], means[700];
    means[0] = '\0';
    if (c->means)
        words_fill(g, means, sizeof means, "debrief.may_mean", 1, "means", c->means);
    snprintf(body, sizeof body, "%s%s%s", c->describe ? c->describe : "", c->describe && c->means ? " " : "", means);
    float lh = text_line_height(r->text, FONT_SMALL_BOLD);
    float bh = text_wrapped_height(r->text, FONT_SMALL, body, 1150);
    float ph = 12 + lh + 4 + bh + 14; /* the panel fits its text */
    widget_panel(r, 40, 20, 1200, ph);
    text_draw(r->text, d, FONT_SMALL_BOLD, words_get(g, "watch.label"), -1, 64, 32, r->theme.accent, ALIGN_LEFT);
    char head[200];
    words_fill(g, head, sizeof head, g->notice.cue_hit[g->watch_cue] ? "debrief.noticed" : "debrief.missed", 1, "region",
       words_region(g, reg));
    text_draw(r->text, d, FONT_SMALL_BOLD, head, -1, 1216, 32, g->notice.cue_hit[g->watch_cue] ? r->theme.good : r->theme.bad,
              ALIGN_RIGHT);
    text_draw_wrapped(r->text, d, FONT_SMALL, body, 64, 32 + lh + 4, 1150, -1, r->theme.text, ALIGN_LEFT);
    float by = 20 + ph + 8;
    draw_rounded_rect(d, 40, by, 1200, 6, 3, color_rgba(255, 255, 255, 40));
    draw_rounded_rect(d, 40, by, 1200 * p, 6, 3, r->theme.accent);
    const char *help = words_get(g, "watch.help");
    float hw = text_width(r->text, FONT_SMALL, help, -1) + 28;
    float hh = text_line_height(r->text, FONT_SMALL) + 10;
    draw_rounded_rect(d, 1240 - hw, by + 16, hw, hh, 10, color_rgba(20, 24, 36, 225));
    text_draw(r->text, d, FONT_SMALL, help, -1, 1240 - 14, by + 21, r->theme.muted, ALIGN_RIGHT);
}
