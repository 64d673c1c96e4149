/* Unsaid - game_layout.c: where everything on screen is, in canvas pixels.
 * The game hit-tests input against these rectangles and the renderer draws
 * at them, so what is drawn is what is clicked. */
#include "game_parts.h"

bool game_rect_contains(UiRect r, float x, float y)
{
    return x >= r.x && y >= r.y && x < r.x + r.w && y < r.y + r.h;
}

UiRect game_title_button(int i)
{
    return (UiRect){84, 300 + 66.f * i, 280, 54};
}

int game_chapter_scroll(const Game *g)
{
    int n = g->chapter_focus < g->campaign.nchapters ? g->campaign.chapters[g->chapter_focus].nscenes : 0;
    int sel = g->selected < n ? g->selected : n - 1;
    int scroll = sel - (GAME_CHAPTER_ROWS - 1);
    return scroll > 0 ? scroll : 0;
}

UiRect game_chapter_row(const Game *g, int i)
{
    int n = g->chapter_focus < g->campaign.nchapters ? g->campaign.chapters[g->chapter_focus].nscenes : 0;
    if (i == n)
        return (UiRect){60, 636, 220, 54}; /* Back */
    if (i == n + 1)
        return (UiRect){330, 636, 420, 54}; /* the difficulty */
    if (i == n + 2)
        return (UiRect){330, 100, 60, 60}; /* previous chapter */
    if (i == n + 3)
        return (UiRect){1160, 100, 60, 60}; /* next chapter */
    int row = i - game_chapter_scroll(g);
    if (i < 0 || i > n || row < 0 || row >= GAME_CHAPTER_ROWS)
        return (UiRect){-1000, -1000, 0, 0};
    return (UiRect){330, 190 + 62.f * row, 890, 54};
}

UiRect game_settings_row(int i)
{
    if (i == SET_BACK)
        return (UiRect){60, 636, 220, 54};
    return (UiRect){330, 40 + 52.f * i, 620, 46};
}

UiRect game_pause_button(int i)
{
    return (UiRect){470, 250 + 66.f * i, 340, 54};
}

UiRect game_results_button(void)
{
    return (UiRect){980, 636, 240, 54};
}

int game_pack_count(const Game *g)
{
    return g->library ? g->library->npacks : 0;
}

int game_pack_scroll(const Game *g)
{
    int sel = g->pack_focus < game_pack_count(g) ? g->pack_focus : game_pack_count(g) - 1;
    int scroll = sel - (GAME_PACK_ROWS - 1);
    return scroll > 0 ? scroll : 0;
}

UiRect game_pack_row(const Game *g, int i)
{
    if (i == game_pack_count(g) + 1)
        return (UiRect){598, 620, 300, 50}; /* turn on / off, in the details panel */
    if (i >= game_pack_count(g))
        return (UiRect){60, 636, 220, 54}; /* Back */
    int row = i - game_pack_scroll(g);
    if (row < 0 || row >= GAME_PACK_ROWS)
        return (UiRect){-1000, -1000, 0, 0}; /* scrolled out of view */
    return (UiRect){60, 120 + 62.f * row, 470, 54};
}

UiRect game_answer_rect(const Game *g, int i)
{
    /* The answers take the right-hand column, where the words were, so the
     * person stays in sight while the player chooses: the reaction they are
     * about to cause is on the face and hands beside the list. Taller boxes
     * for larger text, so answers keep their size: the text size is a
     * setting, so this stays a pure function of the game. */
    int n = g->noffered;
    static const float heights[TEXT_SIZE_COUNT] = {128, 138, 150, 160};
    float h = heights[g->settings.text_size < TEXT_SIZE_COUNT ? g->settings.text_size : TEXT_SIZE_NORMAL];
    float gap = 10, top = 110, bottom = 704;
    if (n > 0 && bottom - (h + gap) * (float)n < top)
        h = (bottom - top) / (float)n - gap;
    return (UiRect){700, bottom - (h + gap) * (float)(n - i), 550, h};
}

UiRect game_debrief_button(int i)
{
    if (i == DEBRIEF_WATCH) /* under the cues it replays */
        return (UiRect){80, 632, 330, 54};
    if (i == DEBRIEF_ANSWERS)
        return (UiRect){424, 632, 220, 54};
    return (UiRect){690 + 176.f * (float)(i - DEBRIEF_AGAIN), 632, 160, 54}; /* under the right column */
}

UiRect game_review_button(void)
{
    return (UiRect){980, 628, 240, 54};
}

UiRect game_timeline_rect(void)
{
    return (UiRect){190, 132, 1010, 90};
}

int game_timeline_rows(const Scene *s, Region *rows)
{
    static const Region order[] = {REGION_EYES, REGION_FACE, REGION_HANDS, REGION_POSTURE, REGION_VOICE, REGION_TEXT};
    int n = 0;
    for (size_t i = 0; i < sizeof order / sizeof order[0]; i++)
        if (scene_has_region(s, order[i]))
            rows[n++] = order[i];
    return n;
}

/* The rows of the timeline, top to bottom. */
int game_timeline_row(const Scene *s, Region r)
{
    Region rows[REGION_COUNT];
    int n = game_timeline_rows(s, rows);
    for (int i = 0; i < n; i++)
        if (rows[i] == r)
            return i;
    return 0;
}

int game_timeline_cue(const Game *g, float x, float y)
{
    const Scene *s = g->scene;
    UiRect t = game_timeline_rect();
    if (!s || s->length <= 0 || !game_rect_contains(t, x, y))
        return -1;
    Region rows[REGION_COUNT];
    int row = (int)((y - t.y) / (t.h / (float)game_timeline_rows(s, rows)));
    double tick = (x - t.x) / t.w * s->length;
    for (int i = 0; i < s->ncues && i < NOTICE_MAX_CUES; i++) {
        const SceneCue *c = &s->cues[i];
        if (!c->incongruent || !c->def || game_timeline_row(s, channel_region(c->def->channel)) != row)
            continue;
        int end = c->end == SCENE_HOLD ? s->length : c->end;
        if (tick >= c->start - 20 && tick <= end + 20) /* a little slack for short cues */
            return i;
    }
    return -1;
}

UiRect game_chat_phone(void)
{
    /* Where the person sits in other scenes, a little left of centre; the
     * answers take the right-hand column beside it, as they do there. */
    return (UiRect){280, 58, 380, 642};
}

UiRect game_speech_box(void)
{
    return (UiRect){740, 190, 500, 180};
}

UiRect game_progress_bar(void)
{
    UiRect b = game_speech_box();
    return (UiRect){b.x - 40, 24, 1240 - (b.x - 40), 8};
}

/* The person sits left of centre, close enough that a face cue reads at a
 * glance, and the words take the right-hand side, level with the face: the
 * eyes go from face to words without crossing the hands. */
StageCamera game_camera(void)
{
    return (StageCamera){1.3f, {640.f, 640.f}, {470.f, 684.f}};
}

UiRect game_camera_rect(UiRect p)
{
    StageCamera c = game_camera();
    return (UiRect){c.to.x + (p.x - c.from.x) * c.zoom, c.to.y + (p.y - c.from.y) * c.zoom, p.w * c.zoom, p.h * c.zoom};
}

RigPlacement game_placement(const Game *g)
{
    StageCamera c = game_camera();
    const char *place = g->scene && g->scene->place ? g->scene->place : "";
    const PlaceDef *def = g->library ? places_find(&g->library->places, place) : NULL;
    return (RigPlacement){c.to.x, c.to.y, c.zoom, false, RIG_CLOSE_HEAD, def && def->table_y >= 0.f,
                          def && def->standing, def && def->side};
}

/* Where a keyboard flag's marker goes: beside the region, not on it, so the
 * marker never covers the cue it points at. */
RigVec game_region_anchor(const RigLayout *rig, Region r)
{
    float side = rig->head.x + rig->head_rx + 40;
    switch (r) {
    case REGION_EYES: return (RigVec){side, (rig->eye[0].y + rig->eye[1].y) / 2};
    case REGION_HANDS: {
        float right = rig->hand[0].x > rig->hand[1].x ? rig->hand[0].x : rig->hand[1].x;
        return (RigVec){right + 50, (rig->hand[0].y + rig->hand[1].y) / 2};
    }
    case REGION_FACE: return (RigVec){side, rig->mouth.y};
    case REGION_VOICE: {
        UiRect b = game_speech_box();
        return (RigVec){b.x + b.w - 40, b.y + 30};
    }
    case REGION_TEXT: { /* beside the newest message, off the phone */
        UiRect p = game_chat_phone();
        return (RigVec){p.x + p.w + 28, p.y + p.h - 150};
    }
    case REGION_POSTURE:
    default: return (RigVec){rig->chest.x + rig->torso_w + 50, rig->chest.y + 60};
    }
}
