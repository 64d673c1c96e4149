/* Unsaid - render_chat.c: a chat scene's phone. The person's messages on
 * the left, yours on the right, newest at the bottom; the typing bubble's
 * three dots; "Seen" under your last message while nothing comes back.
 * What shows at a moment is the game's (game_chat); this only draws it. */
#include "render_parts.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#define BUBBLE_MAX_W 276.f
#define BUBBLE_PAD_X 14.f
#define BUBBLE_PAD_Y 9.f
#define HEADER_H 70.f
#define INPUT_H 62.f
#define MAX_ITEMS (SCENE_MAX_LINES + 4)

typedef enum { ITEM_THEIRS, ITEM_MINE, ITEM_TYPING, ITEM_SEEN } ItemKind;

typedef struct {
    ItemKind kind;
    const char *text;
    float w, h;
    FontId font;
} Item;

typedef struct {
    Color bezel, edge, screen, header, field, theirs, theirs_ink, mine, mine_ink;
} PhoneColors;

static PhoneColors phone_colors(const Renderer *r)
{
    bool hc = r->theme.high_contrast;
    return (PhoneColors){
        .bezel = color_hex(0x0c0e13),
        .edge = hc ? color_rgba(255, 255, 255, 200) : color_hex(0x474d60),
        .screen = hc ? color_hex(0x000000) : color_hex(0x13161e),
        .header = hc ? color_hex(0x101010) : color_hex(0x1c202b),
        .field = hc ? color_hex(0x1a1a1a) : color_hex(0x222736),
        .theirs = hc ? color_hex(0x2a2a2a) : color_hex(0x2b3142),
        .theirs_ink = r->theme.text,
        .mine = hc ? color_hex(0x1546a0) : color_hex(0x2d62c4),
        .mine_ink = color_hex(0xffffff),
    };
}

/* A message's bubble, sized to its words: as wide as its longest line. A
 * message taller than nearly half the screen (an answer you chose, say)
 * is set smaller, so that it never fills the phone. */
static Item message_item(Renderer *r, ItemKind kind, const char *text, float area_h)
{
    Item it = {kind, text, 0, 0, FONT_BODY};
    float room = BUBBLE_MAX_W - 2 * BUBBLE_PAD_X;
    if (text_wrapped_height(r->text, FONT_BODY, text, room) > area_h * 0.45f)
        it.font = FONT_SMALL;
    TextLine lines[32];
    int n = text_wrap(r->text, it.font, text, room, lines, 32);
    float widest = 0;
    for (int i = 0; i < n && i < 32; i++) {
        float w = text_width(r->text, it.font, text + lines[i].start, lines[i].len);
        widest = w > widest ? w : widest;
    }
    it.w = (widest < room ? widest : room) + 2 * BUBBLE_PAD_X;
    it.h = text_wrapped_height(r->text, it.font, text, room) + 2 * BUBBLE_PAD_Y;
    return it;
}

/* Three dots rising one after another; still with reduced motion. */
static void typing_dots(Draw *d, float x, float y, float h, double ticks, Color ink)
{
    for (int k = 0; k < 3; k++) {
        double phase = ticks / 40.0 * 2.0 * PI_F - k * 0.9;
        float up = ticks > 0 ? (float)fmax(0.0, sin(phase)) : 0.f;
        draw_circle(d, x + 20 + 15.f * (float)k, y + h / 2 - 4.f * up, 4.5f, color_alpha(ink, 0.55f + 0.45f * up));
    }
}

static void phone_header(Renderer *r, const Game *g, UiRect s, const PhoneColors *pc)
{
    Draw *d = r->draw;
    const char *name = g->scene->speaker ? g->scene->speaker : "";
    draw_rounded_rect(d, s.x, s.y, s.w, HEADER_H, 30, pc->header);
    draw_rect(d, s.x, s.y + HEADER_H - 30, s.w, 30, pc->header);
    draw_rect(d, s.x, s.y + HEADER_H - 1, s.w, 1.5f, pc->edge);
    float cx = s.x + 40, cy = s.y + HEADER_H / 2 + 4;
    draw_circle(d, cx, cy, 20, r->theme.accent);
    char initial[8] = "";
    size_t n = 1;
    while (name[0] && name[n] && ((unsigned char)name[n] & 0xC0) == 0x80 && n < sizeof initial - 1)
        n++;
    if (name[0])
        snprintf(initial, sizeof initial, "%.*s", (int)n, name);
    text_draw(r->text, d, FONT_BODY_BOLD, initial, -1, cx, cy - text_line_height(r->text, FONT_BODY_BOLD) / 2,
              color_hex(0x1b1f2b), ALIGN_CENTER);
    text_draw(r->text, d, FONT_BODY_BOLD, name, -1, cx + 32, cy - text_line_height(r->text, FONT_BODY_BOLD) / 2,
              r->theme.text, ALIGN_LEFT);
}

void stage_phone(Renderer *r, const Game *g, double alpha)
{
    Draw *d = r->draw;
    const Scene *s = g->scene;
    PhoneColors pc = phone_colors(r);
    UiRect p = game_chat_phone();
    UiRect sc = {p.x + 10, p.y + 10, p.w - 20, p.h - 20};
    draw_rounded_rect(d, p.x - 6, p.y + 10, p.w + 12, p.h, 44, color_rgba(0, 0, 0, 90)); /* its shadow */
    draw_rounded_rect(d, p.x, p.y, p.w, p.h, 40, pc.bezel);
    draw_rounded_rect_outline(d, p.x, p.y, p.w, p.h, 40, 2.f, pc.edge);
    draw_rounded_rect(d, sc.x, sc.y, sc.w, sc.h, 32, pc.screen);
    GameChat chat;
    /* Under the debrief's words, messages would be words behind words. */
    bool covered = game_shown(g) == SCREEN_DEBRIEF || game_shown(g) == SCREEN_REVIEW;
    bool live = game_chat(g, alpha, &chat) && !covered;

    /* What is on the phone, oldest first. */
    float top = sc.y + HEADER_H + 8, y = sc.y + sc.h - INPUT_H - 8;
    Item items[MAX_ITEMS];
    int n = 0;
    for (int i = 0; live && i < chat.nshown && i < s->nlines; i++)
        items[n++] = message_item(r, s->lines[i].mine ? ITEM_MINE : ITEM_THEIRS, s->lines[i].text, y - top);
    if (live && chat.sent)
        items[n++] = message_item(r, ITEM_MINE, chat.sent, y - top);
    if (live && chat.replied && s->answers[g->answer].reply.text)
        items[n++] = message_item(r, ITEM_THEIRS, s->answers[g->answer].reply.text, y - top);
    float seen_h = text_line_height(r->text, FONT_SMALL);
    if (live && chat.seen)
        items[n++] = (Item){ITEM_SEEN, words_get(g, "chat.seen"), 0, seen_h, FONT_SMALL};
    if (live && chat.typing)
        items[n++] = (Item){ITEM_TYPING, NULL, 74, 42, FONT_BODY};

    /* Newest at the bottom; older ones scroll up under the header and away.
     * The message area clips them, so one half scrolled away shows its
     * lower half, as on a phone, and never leaves a gap. */
    draw_flush(d);
    Vec2 a0 = draw_to_pixels(d, (Vec2){sc.x, top - 8}), a1 = draw_to_pixels(d, (Vec2){sc.x + sc.w, sc.y + sc.h});
    SDL_Rect area = {(int)floorf(a0.x), (int)floorf(a0.y), (int)ceilf(a1.x - a0.x), (int)ceilf(a1.y - a0.y)};
    if (r->clip && !SDL_IntersectRect(&area, r->clip, &area))
        area = (SDL_Rect){0, 0, 0, 0};
    SDL_RenderSetClipRect(r->sdl, &area);
    for (int i = n - 1; i >= 0; i--) {
        const Item *it = &items[i];
        bool same_side = i + 1 < n && (items[i + 1].kind == ITEM_MINE) == (it->kind == ITEM_MINE);
        y -= it->h + (i + 1 < n ? (same_side || items[i + 1].kind == ITEM_SEEN ? 6.f : 14.f) : 0.f);
        if (y + it->h < top - 8) /* scrolled away under the header: gone */
            break;
        bool mine = it->kind == ITEM_MINE;
        float x = mine ? sc.x + sc.w - 14 - it->w : sc.x + 14;
        switch (it->kind) {
        case ITEM_SEEN:
            text_draw(r->text, d, FONT_SMALL, it->text, -1, sc.x + sc.w - 18, y, r->theme.muted, ALIGN_RIGHT);
            break;
        case ITEM_TYPING:
            draw_rounded_rect(d, x, y, it->w, it->h, 18, pc.theirs);
            typing_dots(d, x + 2, y, it->h, chat.dots, pc.theirs_ink);
            break;
        default:
            draw_rounded_rect(d, x, y, it->w, it->h, 18, mine ? pc.mine : pc.theirs);
            if (r->theme.high_contrast)
                draw_rounded_rect_outline(d, x, y, it->w, it->h, 18, 1.5f, pc.edge);
            text_draw_wrapped(r->text, d, it->font, it->text, x + BUBBLE_PAD_X, y + BUBBLE_PAD_Y,
                              BUBBLE_MAX_W - 2 * BUBBLE_PAD_X, -1, mine ? pc.mine_ink : pc.theirs_ink, ALIGN_LEFT);
            break;
        }
    }
    draw_flush(d);
    SDL_RenderSetClipRect(r->sdl, r->clip);
    phone_header(r, g, sc, &pc);
    /* Where you would type: empty, for the words are the player's to choose. */
    float fy = sc.y + sc.h - INPUT_H + 12;
    draw_rounded_rect(d, sc.x + 14, fy, sc.w - 28, 38, 19, pc.field);
    text_draw(r->text, d, FONT_SMALL, words_get(g, "chat.message"), -1, sc.x + 32,
              fy + (38 - text_line_height(r->text, FONT_SMALL)) / 2, r->theme.muted, ALIGN_LEFT);
}
