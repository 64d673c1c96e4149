/* Unsaid - sheet.c: contact sheets of cues, cast and places. */
#include "sheet.h"

#include "character.h"
#include "draw.h"
#include "place.h"

#include <stdio.h>
#include <string.h>

#define LABEL_H 74
#define MARGIN 16

typedef struct {
    float lx, ly, lw, lh; /* the canvas region a cell shows */
    int cell_w, cols;
} Layout;

/* A person seated at the default placement, posed. */
static void person(Draw *d, const Look *look, const Pose *pose, double t)
{
    RigLayout rig;
    RigPlacement pl = {640, 640, 1.f, false, RIG_CLOSE_HEAD, false, false, false};
    rig_layout(&rig, &look->body, &pl, pose, t);
    character_draw(d, look, &rig, pose, t, CHAR_LAYER_BODY);
    character_draw(d, look, &rig, pose, t, CHAR_LAYER_FRONT);
}

/* The cast stand on one floor, full length, so heights and builds compare;
 * a wheelchair user sits in their chair. */
#define CAST_FLOOR 1070.f
static void person_standing(Draw *d, const Look *look, const Pose *pose, double t)
{
    RigLayout rig;
    float h = look->body.height > 0.f ? look->body.height : 1.f;
    float hip = CAST_FLOOR - (look->wheelchair ? 250.f : RIG_LEG_LEN) * h;
    RigPlacement pl = {640, hip, 1.f, false, RIG_CLOSE_HEAD, false, !look->wheelchair, false};
    rig_layout(&rig, &look->body, &pl, pose, t);
    character_draw(d, look, &rig, pose, t, CHAR_LAYER_BODY);
    character_draw(d, look, &rig, pose, t, CHAR_LAYER_FRONT);
    draw_rect(d, 300, CAST_FLOOR + 14.f, 680, 3, color_rgba(255, 255, 255, 30));
}

/* The backdrop of a cast cell, which shows more than the stage's canvas. */
static void cast_backdrop(Draw *d)
{
    draw_rect_gradient(d, 0, 0, DRAW_LOGICAL_W, CAST_FLOOR + 60.f, color_hex(0x3a4352), color_hex(0x222833));
}

static void cell_backdrop(Draw *d)
{
    draw_rect_gradient(d, 0, 0, DRAW_LOGICAL_W, DRAW_LOGICAL_H, color_hex(0x3a4352), color_hex(0x222833));
}

typedef struct {
    SDL_Surface *surface;
    SDL_Renderer *ren;
    Draw *draw;
    Text *text;
    Layout lay;
    int cell_h;
} Sheet;

static bool sheet_open(Sheet *s, Layout lay, int cells, TextOpenFn open, char *err, size_t errsize)
{
    memset(s, 0, sizeof *s);
    s->lay = lay;
    s->cell_h = (int)(lay.cell_w * lay.lh / lay.lw);
    int rows = (cells + lay.cols - 1) / lay.cols;
    int w = MARGIN + lay.cols * (lay.cell_w + MARGIN);
    int h = MARGIN + rows * (s->cell_h + LABEL_H + MARGIN);
    s->surface = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
    s->ren = s->surface ? SDL_CreateSoftwareRenderer(s->surface) : NULL;
    s->draw = s->ren ? draw_create(s->ren) : NULL;
    s->text = s->draw ? text_create(s->ren, open, 1.f, err, errsize) : NULL;
    if (s->draw)
        draw_set_direct(s->draw, s->surface);
    if (!s->text) {
        if (!err[0])
            snprintf(err, errsize, "cannot make a %dx%d sheet: %s", w, h, SDL_GetError());
        return false;
    }
    SDL_SetRenderDrawColor(s->ren, 20, 23, 31, 255);
    SDL_RenderClear(s->ren);
    return true;
}

static void sheet_close(Sheet *s, bool keep_surface)
{
    text_destroy(s->text);
    draw_destroy(s->draw);
    if (s->ren)
        SDL_DestroyRenderer(s->ren);
    if (!keep_surface && s->surface)
        SDL_FreeSurface(s->surface);
}

/* Point the drawing at cell i, showing the canvas region that starts at
 * (lx, ly) and is lw wide (the cell's aspect sets its height). */
static SDL_Rect cell_begin_at(Sheet *s, int i, float lx, float ly, float lw)
{
    const Layout *l = &s->lay;
    SDL_Rect r = {MARGIN + (i % l->cols) * (l->cell_w + MARGIN),
                  MARGIN + (i / l->cols) * (s->cell_h + LABEL_H + MARGIN), l->cell_w, s->cell_h};
    draw_flush(s->draw);
    SDL_RenderSetClipRect(s->ren, &r);
    draw_set_view(s->draw, lx, ly, lw, (float)r.x, (float)r.y, (float)r.w);
    return r;
}

static SDL_Rect cell_begin(Sheet *s, int i)
{
    return cell_begin_at(s, i, s->lay.lx, s->lay.ly, s->lay.lw);
}

/* Finish cell i with a title and a line of smaller text under it. */
static void cell_end(Sheet *s, SDL_Rect r, const char *title, const char *sub)
{
    draw_flush(s->draw);
    SDL_RenderSetClipRect(s->ren, NULL);
    draw_set_view(s->draw, 0, 0, 1, 0, 0, 1); /* labels in sheet pixels */
    text_draw(s->text, s->draw, FONT_SMALL_BOLD, title, -1, (float)r.x, (float)(r.y + r.h + 6),
              color_hex(0xf5f0e8), ALIGN_LEFT);
    if (sub) {
        TextLine lines[4];
        int n = text_wrap(s->text, FONT_SMALL, sub, (float)r.w, lines, 4);
        float lh = text_line_height(s->text, FONT_SMALL);
        for (int i = 0; i < n && i < 2; i++) { /* two lines fit the label strip */
            char cut[320];
            const char *line = sub + lines[i].start;
            int len = lines[i].len;
            if (i == 1 && n > 2) { /* more follows: end on a whole word and an ellipsis */
                snprintf(cut, sizeof cut, "%.*s\xe2\x80\xa6", len < 300 ? len : 300, line);
                while (text_width(s->text, FONT_SMALL, cut, -1) > (float)r.w) {
                    char *space = strrchr(cut, ' ');
                    if (!space)
                        break;
                    strcpy(space, "\xe2\x80\xa6");
                }
                line = cut;
                len = -1;
            }
            text_draw(s->text, s->draw, FONT_SMALL, line, len, (float)r.x, (float)(r.y + r.h + 8) + lh * (float)(i + 1),
                      color_hex(0xb8b2a7), ALIGN_LEFT);
        }
    }
    draw_flush(s->draw);
}

/* The gallery's model: Noor, the first scene's person, when she is there. */
static const Look *gallery_look(const Library *lib)
{
    static Look fallback;
    fallback = look_default();
    const CastEntry *e = cast_find(&lib->cast, "noor");
    return e ? &e->look : cast_count(&lib->cast) > 0 ? &cast_at(&lib->cast, 0)->look : &fallback;
}

SDL_Surface *sheet_render(SheetKind kind, const Library *lib, TextOpenFn open, char *err, size_t errsize)
{
    Sheet s;
    err[0] = '\0';
    bool ok = false;
    if (kind == SHEET_GALLERY) {
        Layout lay = {440, 130, 400, 460, 232, 8};
        /* Two neutral cells first (face and body), to compare every cue with;
         * then every cue of the body (a text cue shows in a chat, not here). */
        int nbody = 0;
        for (int i = 0; i < lexicon_count(&lib->lex); i++)
            nbody += lexicon_at(&lib->lex, i)->channel != CH_TEXT;
        if (!sheet_open(&s, lay, nbody + 2, open, err, errsize))
            goto done;
        const Look *look = gallery_look(lib);
        for (int i = 0, next = 0; i < nbody + 2; i++) {
            Pose pose;
            memset(&pose, 0, sizeof pose);
            while (i > 1 && lexicon_at(&lib->lex, next)->channel == CH_TEXT)
                next++;
            const CueDef *c = i > 1 ? lexicon_at(&lib->lex, next++) : NULL;
            for (int k = 0; c && k < c->ntargets; k++)
                pose.v[c->targets[k].param] += c->targets[k].value;
            pose_clamp(&pose);
            /* Face, eyes and head cues close up; the body's from further back. */
            bool face = c ? c->channel == CH_FACE || c->channel == CH_GAZE || c->channel == CH_HEAD : i == 0;
            SDL_Rect r = face ? cell_begin_at(&s, i, 530, 140, 220) : cell_begin(&s, i);
            cell_backdrop(s.draw);
            person(s.draw, look, &pose, 1.2);
            char sub[200];
            if (c)
                snprintf(sub, sizeof sub, "%s%s%s", channel_name(c->channel), c->caption ? "  " : "",
                         c->caption ? c->caption : "");
            cell_end(&s, r, c ? c->name : "neutral", c ? sub : i == 0 ? "face, no cue" : "body, no cue");
        }
    } else if (kind == SHEET_CAST) {
        Layout lay = {400, 90, 480, 1010, 224, 5};
        int n = cast_count(&lib->cast);
        if (n == 0) {
            snprintf(err, errsize, "no looks in any pack (looks are files in a pack's looks/ folder)");
            return NULL;
        }
        if (!sheet_open(&s, lay, n, open, err, errsize))
            goto done;
        Pose neutral;
        memset(&neutral, 0, sizeof neutral);
        for (int i = 0; i < n; i++) {
            const CastEntry *e = cast_at(&lib->cast, i);
            SDL_Rect r = cell_begin(&s, i);
            cast_backdrop(s.draw);
            /* Not everyone stands the same way: every third person has their
             * hands in their pockets. */
            neutral.v[P_HIDE_HANDS] = i % 3 == 1 ? 1.f : 0.f;
            person_standing(s.draw, &e->look, &neutral, 1.0 + i * 0.37);
            cell_end(&s, r, e->id, e->describe);
        }
    } else {
        Layout lay = {0, 0, 1280, 720, 620, 2};
        int n = places_count(&lib->places);
        if (n == 0) {
            snprintf(err, errsize, "no places in any pack (places are files in a pack's places/ folder)");
            return NULL;
        }
        if (!sheet_open(&s, lay, n, open, err, errsize))
            goto done;
        for (int i = 0; i < n; i++) {
            const PlaceDef *p = places_at(&lib->places, i);
            SDL_Rect r = cell_begin(&s, i);
            for (int l = 0; l < PLACE_LAYER_COUNT; l++)
                place_draw(s.draw, p, (PlaceLayer)l, 1.0);
            cell_end(&s, r, p->id, p->describe);
        }
    }
    ok = true;
done:
    sheet_close(&s, ok);
    return ok ? s.surface : NULL;
}
