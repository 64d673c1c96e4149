/* Unsaid - render_frames.c: in a window, drawing again only where a frame
 * changed.
 *
 * The renderer keeps the last frame: in a texture, or where SDL's software
 * renderer draws, in the window's own surface, which stays as drawn. A frame that differs from
 * it only in places it can name - the person, who breathes and moves; the
 * place's twinkles; the scene's progress bar; the speech box while words
 * type; the rings of flags, of a hint and of the keyboard cursor - is drawn
 * again inside those places only, clipped (and a texture is then copied to
 * the window). Everything else a frame shows is summed up in a key; when the key
 * changes (another screen, a selection, a setting, a new line), the whole
 * frame is drawn. Clipping changes where pixels are drawn, never which:
 * test_frames checks that frames built this way equal frames drawn whole. */
#include "render_parts.h"

#include <string.h>

/* FNV-1a over bytes, folded into a running key. */
static uint64_t mix(uint64_t h, const void *p, size_t n)
{
    const unsigned char *b = p;
    for (size_t i = 0; i < n; i++)
        h = (h ^ b[i]) * 1099511628211ULL;
    return h;
}
#define MIX(h, v) ((h) = mix((h), &(v), sizeof(v)))

/* The screens drawn in parts: those where something moves on its own. */
static bool in_parts(const Game *g)
{
    return g->overlay == OVERLAY_NONE &&
           (g->screen == SCREEN_TITLE || g->screen == SCREEN_PERFORM || g->screen == SCREEN_REACTION);
}

/* Everything a frame shows outside its moving places. */
static uint64_t frame_key(const Renderer *r, const Game *g, double alpha)
{
    uint64_t h = 1469598103934665603ULL;
    const FrameKeep *k = &r->keep;
    MIX(h, k->w);
    MIX(h, k->h);
    MIX(h, g->screen);
    MIX(h, g->overlay);
    MIX(h, g->selected);
    MIX(h, g->scene);
    MIX(h, g->source); /* at gentle or sharp, every scene is played from one copy */
    MIX(h, g->difficulty);
    MIX(h, g->library);
    h = mix(h, &g->settings, sizeof g->settings);
    MIX(h, g->notice.nflags);
    MIX(h, g->hint_cue);
    MIX(h, g->hints);
    bool cursor = g->region_cursor >= 0, skippable = game_reaction_skippable(g);
    MIX(h, cursor);
    MIX(h, skippable);
    const SceneLine *line = NULL;
    int visible = 0;
    game_current_line(g, alpha, &line, &visible);
    MIX(h, line); /* the speaker's tag and the coach's tip go with the line */
    return h;
}

/* The speech box: the line, how much of it shows, and how the voice
 * colours it. Trembling words move every frame. */
static uint64_t speech_key(const Game *g, double alpha)
{
    uint64_t h = 1469598103934665603ULL;
    const SceneLine *line = NULL;
    int visible = 0;
    float vw = 0;
    game_current_line(g, alpha, &line, &visible);
    const CueDef *voice = game_voice(g, alpha, &vw);
    TextStyle style = voice && vw > 0.3f ? voice->text : TEXT_PLAIN;
    MIX(h, line);
    MIX(h, visible);
    MIX(h, voice);
    MIX(h, style);
    if (style == TEXT_TREMBLE && !g->settings.reduced_motion)
        MIX(h, g->tick);
    return h;
}

static void add(FrameArea *a, int *n, UiRect rect, uint64_t key, bool moving)
{
    if (*n < FRAME_AREAS)
        a[(*n)++] = (FrameArea){rect, key, moving};
}

/* The places of this frame that may differ from the last one, each with a
 * key (or moving: different every frame). */
static int frame_areas(Renderer *r, const Game *g, double alpha, FrameArea *a)
{
    int n = 0;
    Pose pose;
    RigLayout rig;
    game_character(g, alpha, &pose, &rig);
    /* The person: where drawing them would touch, measured by shaping them
     * without drawing (both layers: in front of the place's front too). */
    Look look = g->scene ? g->scene->look : look_default();
    Vec2 p0, p1;
    bool person = !(g->scene && g->scene->chat); /* a chat shows the phone instead */
    draw_measure_begin(r->draw);
    if (person) {
        character_draw(r->draw, &look, &rig, &pose, rig.t, CHAR_LAYER_BODY);
        character_draw(r->draw, &look, &rig, &pose, rig.t, CHAR_LAYER_FRONT);
    }
    if (draw_measure_end(r->draw, &p0, &p1) && person) {
        r->keep.person = (SDL_Rect){(int)p0.x - 1, (int)p0.y - 1, (int)(p1.x - p0.x) + 3, (int)(p1.y - p0.y) + 3};
        r->keep.person_known = true;
        Vec2 c0 = draw_to_logical(r->draw, p0.x, p0.y), c1 = draw_to_logical(r->draw, p1.x, p1.y);
        add(a, &n, (UiRect){c0.x - 2, c0.y - 2, c1.x - c0.x + 4, c1.y - c0.y + 4}, 0, true);
    }
    /* The place's twinkles. */
    if (!g->settings.reduced_motion) {
        UiRect life[FRAME_AREAS];
        const char *place = g->scene && g->scene->place ? g->scene->place : "";
        int nl = place_moving(g->library ? places_find(&g->library->places, place) : NULL, life, FRAME_AREAS);
        for (int i = 0; i < nl; i++)
            add(a, &n, game_camera_rect(life[i]), 0, true);
    }
    if (g->screen == SCREEN_PERFORM) {
        UiRect b = game_progress_bar();
        uint64_t bar = (uint64_t)(game_perform_progress(g, alpha) * b.w * 64.f);
        add(a, &n, (UiRect){b.x - 4, b.y - 4, b.w + 8, b.h + 8}, bar, false);
        /* Rings that pop in and fade, with their labels to one side. */
        double now = game_time(g, alpha) - g->perform_start;
        for (int i = 0; i < g->notice.nflags; i++) {
            const Flag *f = &g->notice.flags[i];
            double age = (now - f->tick) / SCENE_TICK_HZ;
            if (age >= -0.1 && age <= 1.9)
                add(a, &n, (UiRect){f->x - 40, f->y - 40, 80 + 260, 80}, 0, true);
        }
        Region hint;
        float phase;
        if (game_hint(g, alpha, &hint, &phase)) {
            RigVec p = game_region_anchor(&rig, hint);
            add(a, &n, (UiRect){p.x - 70, p.y - 70, 140 + 420, 140}, 0, true);
        }
        if (g->region_cursor >= 0) {
            RigVec p = game_region_anchor(&rig, (Region)g->region_cursor);
            add(a, &n, (UiRect){p.x - 460, p.y - 40, 920, 110}, 0, true);
        }
    }
    GameChat chat;
    if (game_chat(g, alpha, &chat)) { /* a chat's phone: what arrived, and the dots while they move */
        uint64_t h = 1469598103934665603ULL;
        MIX(h, chat.nshown);
        MIX(h, chat.typing);
        MIX(h, chat.seen);
        MIX(h, chat.sent);
        MIX(h, chat.replied);
        UiRect p = game_chat_phone();
        add(a, &n, (UiRect){p.x - 8, p.y - 2, p.w + 16, p.h + 24}, h, chat.typing && chat.dots > 0);
    }
    if (g->screen == SCREEN_PERFORM || g->screen == SCREEN_REACTION) {
        UiRect b = game_speech_box();
        add(a, &n, (UiRect){b.x - 4, b.y - 24, b.w + 8, b.h + 28}, speech_key(g, alpha), false);
    }
    return n;
}

static UiRect join(UiRect a, UiRect b)
{
    float x0 = a.x < b.x ? a.x : b.x, y0 = a.y < b.y ? a.y : b.y;
    float x1 = a.x + a.w > b.x + b.w ? a.x + a.w : b.x + b.w, y1 = a.y + a.h > b.y + b.h ? a.y + a.h : b.y + b.h;
    return (UiRect){x0, y0, x1 - x0, y1 - y0};
}

/* Each part drawn costs a pass over the frame's drawing besides its pixels,
 * worth about this many canvas pixels. */
#define PASS_COST 40000.f

/* Join two parts wherever one pass over their union costs less than two
 * passes over each, until no join pays: a person and the bar above them
 * stay two thin passes, twinkles in one window become one. */
static int merge(UiRect *rs, int n)
{
    for (bool joined = true; joined;) {
        joined = false;
        for (int i = 0; i < n && !joined; i++)
            for (int j = i + 1; j < n && !joined; j++) {
                UiRect u = join(rs[i], rs[j]);
                if (u.w * u.h <= rs[i].w * rs[i].h + rs[j].w * rs[j].h + PASS_COST) {
                    rs[i] = u;
                    rs[j] = rs[--n];
                    joined = true;
                }
            }
    }
    return n;
}

void frames_forget(FrameKeep *k)
{
    if (k->tex)
        SDL_DestroyTexture(k->tex);
    k->tex = NULL;
    k->valid = false;
}

void frames_draw(Renderer *r, const Game *g, double alpha)
{
    FrameKeep *k = &r->keep;
    if (!k->in_place && !k->tex && k->w > 0 && k->h > 0) {
        k->tex = SDL_CreateTexture(r->sdl, SDL_PIXELFORMAT_ARGB8888, SDL_TEXTUREACCESS_TARGET, k->w, k->h);
        if (k->tex) {
            SDL_SetTextureBlendMode(k->tex, SDL_BLENDMODE_NONE);
            SDL_SetTextureScaleMode(k->tex, SDL_ScaleModeNearest); /* copied 1:1 */
        }
        k->valid = false;
    }
    if (!k->in_place && (!k->tex || SDL_SetRenderTarget(r->sdl, k->tex) != 0)) { /* no target textures */
        render_draw(r, g, alpha, NULL);
        return;
    }
    uint64_t key = frame_key(r, g, alpha);
    FrameArea now[FRAME_AREAS];
    k->person_known = false;
    int n = in_parts(g) ? frame_areas(r, g, alpha, now) : -1;
    if (!k->valid || key != k->key || n < 0 || n >= FRAME_AREAS || k->nareas >= FRAME_AREAS) {
        render_draw(r, g, alpha, NULL);
        k->full++;
    } else {
        UiRect dirty[2 * FRAME_AREAS];
        int nd = 0;
        for (int i = 0; i < n; i++) {
            const FrameArea *was = i < k->nareas ? &k->areas[i] : NULL;
            bool same = was && !now[i].moving && !was->moving && was->key == now[i].key &&
                        memcmp(&was->rect, &now[i].rect, sizeof was->rect) == 0;
            if (!same)
                dirty[nd++] = now[i].rect;
            if (was && !same)
                dirty[nd++] = was->rect;
        }
        for (int i = n; i < k->nareas; i++) /* places that were there and are gone */
            dirty[nd++] = k->areas[i].rect;
        nd = merge(dirty, nd);
        for (int i = 0; i < nd; i++) {
            Vec2 p0 = render_to_pixels(r, dirty[i].x, dirty[i].y);
            Vec2 p1 = render_to_pixels(r, dirty[i].x + dirty[i].w, dirty[i].y + dirty[i].h);
            SDL_Rect clip = {(int)p0.x - 2, (int)p0.y - 2, (int)(p1.x - p0.x) + 5, (int)(p1.y - p0.y) + 5};
            render_draw(r, g, alpha, &clip);
        }
        k->partial++;
    }
    k->key = key;
    k->nareas = n > 0 && n < FRAME_AREAS ? n : 0;
    memcpy(k->areas, now, (size_t)k->nareas * sizeof now[0]);
    k->valid = true;
    k->person_known = false;
    if (k->in_place)
        return;
    SDL_SetRenderTarget(r->sdl, NULL);
    SDL_RenderCopy(r->sdl, k->tex, NULL, NULL);
}
