/* Unsaid - rig_preview: renders the character rig to PNGs for eyeballing.
 *
 * Usage: rig_preview FRAME.png SHEET.png [LOOKS.png [WRING.png [SMALL.png]]]
 *   FRAME  a full 1280x720 frame: kitchen at night, default look, seated
 *   SHEET  one cell per key cue at its peak, labelled
 *   LOOKS  several looks (skin, hair, age), neutral and sad, one mirrored
 *   WRING  hand wringing at several moments, to check that it moves
 *   SMALL  the full frame rendered at 640x360
 * Runs headless (SDL_VIDEODRIVER=dummy) on the software renderer.
 */
#include "character.h"
#include "draw.h"
#include "look.h"
#include "place.h"
#include "pose.h"
#include "rig.h"

#include <SDL2/SDL.h>
#include <SDL2/SDL_image.h>
#include <SDL2/SDL_ttf.h>
#include <stdio.h>
#include <string.h>

typedef struct {
    SDL_Surface *surf;
    SDL_Renderer *ren;
    Draw *draw;
} Canvas;

static bool canvas_open(Canvas *c, int w, int h)
{
    memset(c, 0, sizeof *c);
    c->surf = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
    if (!c->surf)
        return false;
    c->ren = SDL_CreateSoftwareRenderer(c->surf);
    if (!c->ren)
        return false;
    c->draw = draw_create(c->ren);
    if (!c->draw)
        return false;
    SDL_SetRenderDrawColor(c->ren, 20, 22, 28, 255);
    SDL_RenderClear(c->ren);
    return true;
}

static bool canvas_save(Canvas *c, const char *path)
{
    draw_flush(c->draw);
    SDL_RenderPresent(c->ren);
    bool ok = IMG_SavePNG(c->surf, path) == 0;
    if (!ok)
        fprintf(stderr, "rig_preview: cannot save %s: %s\n", path, IMG_GetError());
    else
        printf("wrote %s\n", path);
    return ok;
}

static void canvas_close(Canvas *c)
{
    draw_destroy(c->draw);
    if (c->ren)
        SDL_DestroyRenderer(c->ren);
    if (c->surf)
        SDL_FreeSurface(c->surf);
}

static void label(Canvas *c, TTF_Font *font, const char *text, float lx, float ly)
{
    if (!font)
        return;
    draw_flush(c->draw);
    SDL_Color col = {235, 230, 220, 255};
    SDL_Surface *s = TTF_RenderUTF8_Blended(font, text, col);
    if (!s)
        return;
    SDL_Texture *tx = SDL_CreateTextureFromSurface(c->ren, s);
    Vec2 p = draw_to_pixels(c->draw, (Vec2){lx, ly});
    SDL_Rect dst = {(int)p.x, (int)p.y, s->w, s->h};
    if (tx) {
        SDL_RenderCopy(c->ren, tx, NULL, &dst);
        SDL_DestroyTexture(tx);
    }
    SDL_FreeSurface(s);
}

static void person(Canvas *c, const Look *look, const Pose *pose, RigPlacement pl, double t, CharLayer layer)
{
    RigLayout rig;
    rig_layout(&rig, &look->body, &pl, pose, t);
    character_draw(c->draw, look, &rig, pose, t, layer);
}

/* The kitchen, read from the base pack's place file. */
static const PlaceDef *kitchen(void)
{
    static Places places;
    static int loaded;
    if (!loaded) {
        loaded = 1;
        places_init(&places);
        FILE *f = fopen("levels/base/places/kitchen_night.yaml", "rb");
        static char buf[1 << 16];
        size_t n = f ? fread(buf, 1, sizeof buf - 1, f) : 0;
        if (f)
            fclose(f);
        DiagList d = {0};
        places_add(&places, NULL, "kitchen_night.yaml", buf, n, &d);
        diag_free(&d);
    }
    return places_find(&places, "kitchen_night");
}

static void render_frame(Canvas *c, const Look *look, const Pose *pose, double t)
{
    RigPlacement pl = {640.f, 640.f, 1.f, false, 1.f, true, false, false};
    place_draw(c->draw, kitchen(), PLACE_LAYER_BACK, t);
    person(c, look, pose, pl, t, CHAR_LAYER_BODY);
    place_draw(c->draw, kitchen(), PLACE_LAYER_FRONT, t);
    person(c, look, pose, pl, t, CHAR_LAYER_FRONT);
}

typedef struct {
    const char *name;
    PoseParam p[4];
    float v[4];
} Cell;

#define NOP POSE_COUNT

static const Cell cells[] = {
    {"neutral", {NOP, NOP, NOP, NOP}, {0}},
    {"gaze down", {P_GAZE_Y, NOP, NOP, NOP}, {1.f}},
    {"sad brows 1+4+15", {P_AU1, P_AU4, P_AU15, NOP}, {1.f, 0.8f, 0.8f}},
    {"smile 6+12", {P_AU6, P_AU12, NOP, NOP}, {1.f, 1.f}},
    {"polite smile 12", {P_AU12, NOP, NOP, NOP}, {1.f}},
    {"slump", {P_SLUMP, P_GAZE_Y, NOP, NOP}, {1.f, 0.3f}},
    {"wringing", {P_WRING, NOP, NOP, NOP}, {1.f}},
    {"tears 0.4", {P_TEARS, NOP, NOP, NOP}, {0.4f}},
    {"tears 1.0", {P_TEARS, P_AU1, P_AU15, NOP}, {1.f, 0.6f, 0.5f}},
    {"arms crossed", {P_ARMS_CROSSED, NOP, NOP, NOP}, {1.f}},
    {"touch neck", {P_TOUCH_NECK, NOP, NOP, NOP}, {1.f}},
    {"head drop", {P_HEAD_DROP, NOP, NOP, NOP}, {1.f}},
    {"lip press 24", {P_AU24, NOP, NOP, NOP}, {1.f}},
    {"surprise 1+2+5+26", {P_AU1, P_AU2, P_AU5, P_AU26}, {1.f, 1.f, 1.f, 1.f}},
    {"disgust 9+4+15", {P_AU9, P_AU4, P_AU15, P_AU17}, {1.f, 0.6f, 0.5f, 0.5f}},
    {"smirk 14", {P_AU14, NOP, NOP, NOP}, {1.f}},
    {"fists + tense", {P_FISTS, P_SHOULDERS, P_AU4, P_AU24}, {1.f, 1.f, 0.6f, 0.6f}},
    {"palms open", {P_PALMS_OPEN, P_AU1, P_AU2, NOP}, {1.f, 0.4f, 0.4f}},
    {"touch face", {P_TOUCH_FACE, NOP, NOP, NOP}, {1.f}},
    {"flush + gaze aside", {P_FLUSH, P_GAZE_X, P_HEAD_TURN, NOP}, {1.f, -0.9f, -0.3f}},
};

static Pose cell_pose(const Cell *cell)
{
    Pose p;
    memset(&p, 0, sizeof p);
    for (int i = 0; i < 4; i++)
        if (cell->p[i] != NOP)
            p.v[cell->p[i]] = cell->v[i];
    return p;
}

/* A grid of cells; each shows the upper body at half scale on a soft backdrop. */
static void render_sheet(Canvas *c, TTF_Font *font, const Look *looks, const Pose *poses, const char *const *names,
                         int count, int cols, float scale)
{
    int rows = (count + cols - 1) / cols;
    float cw = 1280.f / cols, ch = 720.f / rows;
    for (int i = 0; i < count; i++) {
        float x = (i % cols) * cw, y = (i / cols) * ch;
        draw_rect_gradient(c->draw, x + 2, y + 2, cw - 4, ch - 4, (Color){58, 64, 78, 255}, (Color){36, 40, 50, 255});
        RigPlacement pl = {x + cw * 0.5f, y + ch + 50.f * scale, scale, false, 1.f, true, false, false};
        if (names && strstr(names[i], "mirror"))
            pl.mirror = true;
        person(c, &looks[i], &poses[i], pl, 1.3, CHAR_LAYER_BODY);
        person(c, &looks[i], &poses[i], pl, 1.3, CHAR_LAYER_FRONT);
        if (names)
            label(c, font, names[i], x + 8, y + 6);
    }
}

static Look make_look(uint32_t skin, uint32_t hair, uint32_t iris, uint32_t top, uint32_t accent, uint32_t lips,
                      HairStyle hs, float build, float phase)
{
    Look l = look_default();
    l.skin = skin;
    l.hair = hair;
    l.iris = iris;
    l.top = top;
    l.accent = accent;
    l.lips = lips;
    l.hair_style = hs;
    l.body.build = build;
    l.body.phase = phase;
    return l;
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: %s FRAME.png SHEET.png [LOOKS.png [WRING.png [SMALL.png]]]\n", argv[0]);
        return 2;
    }
    if (SDL_Init(0) != 0 || TTF_Init() != 0) {
        fprintf(stderr, "rig_preview: SDL init failed: %s\n", SDL_GetError());
        return 1;
    }
    TTF_Font *font = TTF_OpenFont("assets/fonts/DejaVuSans.ttf", 18);
    if (!font)
        font = TTF_OpenFont("../assets/fonts/DejaVuSans.ttf", 18);
    int rc = 0;
    Look def = look_default();
    Pose neutral;
    memset(&neutral, 0, sizeof neutral);

    /* (a) the full frame, timed. */
    Canvas c;
    if (!canvas_open(&c, 1280, 720))
        return 1;
    {
        /* Time the parts separately: the place is drawn once per frame, the
         * character once per person. */
        double f = 1000.0 / (double)SDL_GetPerformanceFrequency();
        RigPlacement pl = {640.f, 640.f, 1.f, false, 1.f, true, false, false};
        Uint64 t0 = SDL_GetPerformanceCounter();
        place_draw(c.draw, kitchen(), PLACE_LAYER_BACK, 2.0);
        draw_flush(c.draw);
        Uint64 t1 = SDL_GetPerformanceCounter();
        person(&c, &def, &neutral, pl, 2.0, CHAR_LAYER_BODY);
        draw_flush(c.draw);
        Uint64 t2 = SDL_GetPerformanceCounter();
        place_draw(c.draw, kitchen(), PLACE_LAYER_FRONT, 2.0);
        draw_flush(c.draw);
        Uint64 t3 = SDL_GetPerformanceCounter();
        person(&c, &def, &neutral, pl, 2.0, CHAR_LAYER_FRONT);
        draw_flush(c.draw);
        Uint64 t4 = SDL_GetPerformanceCounter();
        printf("frame ms: place back %.2f, body %.2f, place front %.2f, arms %.2f\n", (double)(t1 - t0) * f,
               (double)(t2 - t1) * f, (double)(t3 - t2) * f, (double)(t4 - t3) * f);
    }
    {
        RigLayout rig;
        RigPlacement pl = {640.f, 640.f, 1.f, false, 1.f, true, false, false};
        rig_layout(&rig, &def.body, &pl, &neutral, 2.0);
        printf("head centre (%.0f, %.0f), head height %.0f, eyes y %.0f, hands y %.0f\n", rig.head.x, rig.head.y,
               rig.head_ry * 2.f, rig.eye[0].y, rig.hand[0].y);
        static const float probes[][2] = {{615, 252}, {640, 205}, {580, 560}, {640, 420}, {640, 330}, {100, 100}};
        for (size_t i = 0; i < sizeof probes / sizeof probes[0]; i++)
            printf("  hit (%.0f,%.0f) -> %s\n", probes[i][0], probes[i][1],
                   region_name(rig_hit_test(&rig, probes[i][0], probes[i][1])));
    }
    rc |= !canvas_save(&c, argv[1]);
    canvas_close(&c);

    /* (b) the contact sheet of cues. */
    enum { NCELL = sizeof cells / sizeof cells[0] };
    Look looks[NCELL];
    Pose poses[NCELL];
    const char *names[NCELL];
    for (int i = 0; i < NCELL; i++) {
        looks[i] = def;
        poses[i] = cell_pose(&cells[i]);
        names[i] = cells[i].name;
    }
    if (!canvas_open(&c, 2560, 1440))
        return 1;
    render_sheet(&c, font, looks, poses, names, NCELL, 5, 0.4f);
    rc |= !canvas_save(&c, argv[2]);
    canvas_close(&c);

    /* (c) several looks, neutral and sad. */
    if (argc > 3) {
        Look lk[4] = {
            make_look(0x6B4532, 0x1E1612, 0x2A1A12, 0xC98A3A, 0x3A2A22, 0x7A4440, HAIR_CURLY, 0.5f, 0.31f),
            make_look(0xE9C4A8, 0xC8C4C0, 0x6A8AA0, 0x6A5A7A, 0xDDD4C8, 0xB07A74, HAIR_SHORT, 0.7f, 0.62f),
            make_look(0xC68E6A, 0x2A1C16, 0x3A2818, 0x8A4A5A, 0xF0E0D0, 0xA0585A, HAIR_LONG, 0.3f, 0.12f),
            make_look(0x8C5E44, 0x2A2220, 0x3A2A20, 0x4A6A8A, 0xE0E0E0, 0x8A5048, HAIR_BUN, 0.4f, 0.85f),
        };
        Look lks[8];
        Pose ps[8];
        const char *nm[8] = {"curly, dark skin", "grey short, older", "long hair", "bun",
                             "sad", "smile 6+12", "gaze down", "mirror, bald"};
        for (int i = 0; i < 8; i++) {
            lks[i] = lk[i % 4];
            memset(&ps[i], 0, sizeof ps[i]);
        }
        ps[4].v[P_AU1] = 1.f, ps[4].v[P_AU4] = 0.8f, ps[4].v[P_AU15] = 0.8f;
        ps[5].v[P_AU6] = 1.f, ps[5].v[P_AU12] = 1.f;
        ps[6].v[P_GAZE_Y] = 1.f;
        lks[7].hair_style = HAIR_BALD;
        ps[7].v[P_HEAD_TURN] = 0.5f, ps[7].v[P_AU14] = 1.f;
        if (!canvas_open(&c, 2560, 1440))
            return 1;
        render_sheet(&c, font, lks, ps, nm, 8, 4, 0.62f);
        rc |= !canvas_save(&c, argv[3]);
        canvas_close(&c);
    }

    /* (d) wringing over one second. */
    if (argc > 4) {
        if (!canvas_open(&c, 1280, 720))
            return 1;
        Pose w = neutral;
        w.v[P_WRING] = 1.f;
        for (int i = 0; i < 4; i++) {
            float cw = 320.f;
            draw_rect_gradient(c.draw, i * cw + 2, 2, cw - 4, 716, (Color){58, 64, 78, 255}, (Color){36, 40, 50, 255});
            RigPlacement pl = {i * cw + cw * 0.5f, 730.f, 1.3f, false, 1.f, true, false, false};
            double t = 3.0 + i * 0.2;
            person(&c, &def, &w, pl, t, CHAR_LAYER_BODY);
            person(&c, &def, &w, pl, t, CHAR_LAYER_FRONT);
            char buf[32];
            snprintf(buf, sizeof buf, "t = %.1f s", t);
            label(&c, font, buf, i * cw + 10, 8);
        }
        rc |= !canvas_save(&c, argv[4]);
        canvas_close(&c);
    }

    /* (e) the frame at 640x360, with a cue on. */
    if (argc > 5) {
        if (!canvas_open(&c, 640, 360))
            return 1;
        Pose sad = neutral;
        sad.v[P_AU1] = 1.f, sad.v[P_AU4] = 0.7f, sad.v[P_AU15] = 0.7f, sad.v[P_GAZE_Y] = 0.6f;
        sad.v[P_TEARS] = 0.4f, sad.v[P_WRING] = 1.f, sad.v[P_AU12] = 0.f;
        render_frame(&c, &def, &sad, 2.0);
        rc |= !canvas_save(&c, argv[5]);
        canvas_close(&c);
    }

    if (font)
        TTF_CloseFont(font);
    TTF_Quit();
    SDL_Quit();
    return rc;
}
