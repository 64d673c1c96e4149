/* Sound, with SDL's dummy audio driver (no sound card): the mixer opens;
 * every sound the base pack names is there and decodes; a pack's own sound
 * (a WAV) loads, and a name it lacks comes from the base pack; a recorded
 * play of a scene sounds each cue once, whether its ticks come one per
 * frame or many, and none after a long stall; pausing holds the cues back;
 * and with no audio device at all the game plays on in silence. Also prints
 * what the base pack's sounds cost in memory and loading time.
 *
 * usage: test_audio SOURCE_DIR   (with SDL_AUDIODRIVER=dummy, as ctest sets) */
#include "audio.h"
#include "check.h"
#include "game.h"
#include "library.h"
#include "replay.h"
#include "slurp.h"
#include "vfs.h"

#include <SDL2/SDL.h>
#include <SDL2/SDL_mixer.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_TICKS (60 * 60 * 5)

/* What one play of a replay sounded like. */
typedef struct {
    int cues, skipped, flags, results, expected_cues;
    int flag_events;  /* EV_FLAG in the steps, to compare with the flag sounds */
    int watch_cues;   /* cue sounds in the debrief's slow motion of every cue */
    int answer;       /* the answer chosen */
    char last_cue[AUDIO_KEY_MAX], ambience[AUDIO_KEY_MAX];
} Heard;

/* Cues with a sound in [0, end] of a timeline: what a play should sound. */
static int cues_with_sound(const SceneCue *cues, int n, int end)
{
    int count = 0;
    for (int i = 0; i < n; i++)
        count += cues[i].def && cues[i].def->sound && cues[i].start <= end;
    return count;
}

typedef struct {
    const int *frames; /* ticks in frame i, cycling; 0 is a frame drawn with no step */
    int nframes;
    int pause_at;      /* pause for a second of frames at this cue tick (-1: never) */
    int answer;        /* choose this answer of the scene when the answers show (-1: the replay's) */
    bool watch;        /* then watch every cue again in slow motion from the debrief */
} Way;

/* Play the replay the Way says, calling audio_step after every step and
 * audio_update once per frame, as the game's window loop does. */
static Heard play(const Library *lib, const Replay *rp, Way w)
{
    AudioStats before, mid, after;
    audio_stats(&before);
    mid = before;
    Game g;
    game_init(&g, library_scene(lib, rp->scene), lib, true);
    int cursor = 0, frame = 0, answer_start = -1, debrief_start = -1, flags = 0;
    bool paused_once = false, watching = false, done = false;
    int phase = 0; /* 0 playing, 1 the play is over, 2 watching, 3 done */
    while (!done && g.tick < MAX_TICKS) {
        for (int k = 0; k < w.frames[frame % w.nframes] && !done; k++) {
            TickInput in = {0};
            replay_input(rp, &cursor, g.tick, &in);
            if (w.answer >= 0 && g.screen == SCREEN_ANSWER) {
                memset(&in, 0, sizeof in);
                for (int i = 0; i < g.noffered; i++)
                    if (g.offered[i] == w.answer)
                        in.pressed = 1u << (ACT_1 + i);
            }
            if (phase == 2 && !watching) {
                UiRect r = game_debrief_button(0); /* Watch: every cue again, slowly */
                memset(&in, 0, sizeof in);
                in.has_mouse = in.click = true;
                in.mouse_x = (int16_t)(r.x + r.w / 2);
                in.mouse_y = (int16_t)(r.y + r.h / 2);
            }
            Screen was = g.screen;
            game_step(&g, &in);
            for (int e = 0; e < g.nrequests; e++) /* as the platform carries them out */
                if (g.requests[e].type == REQ_SOUND) {
                    audio_request((GameSound)g.requests[e].arg);
                    flags += g.requests[e].arg == SOUND_FLAG;
                }
            game_clear_requests(&g);
            if (was != g.screen && g.screen == SCREEN_ANSWER)
                answer_start = g.screen_start;
            if (was != g.screen && g.screen == SCREEN_DEBRIEF && phase == 0)
                debrief_start = g.screen_start;
            watching |= g.screen == SCREEN_WATCH;
            if (phase == 0 && g.result_ready) {
                phase = 1;
                break; /* the frame ends with the play; watching starts afresh */
            }
            if (phase == 2 && watching && g.screen == SCREEN_DEBRIEF)
                done = true;
        }
        frame++;
        if (w.pause_at >= 0 && !paused_once && g.screen == SCREEN_PERFORM &&
            g.tick - g.perform_start >= w.pause_at) {
            /* Paused for a second of frames: nothing new may start. */
            AudioStats held, still;
            audio_stats(&held);
            for (int i = 0; i < 60; i++)
                audio_update(&g, true);
            audio_stats(&still);
            CHECK_INT(still.cues_played, held.cues_played);
            paused_once = true;
        }
        audio_update(&g, false);
        if (phase == 1) {
            audio_stats(&mid); /* the play itself is over: what follows is watching */
            phase = w.watch ? 2 : 3;
            done = !w.watch;
        }
    }
    audio_update(&g, false);
    audio_stats(&after);
    Heard h = {mid.cues_played - before.cues_played, mid.cues_skipped - before.cues_skipped,
               mid.ui_played[AUDIO_UI_FLAG] - before.ui_played[AUDIO_UI_FLAG],
               mid.ui_played[AUDIO_UI_RESULT] - before.ui_played[AUDIO_UI_RESULT], 0, flags,
               after.cues_played - mid.cues_played, g.answer, "", ""};
    snprintf(h.last_cue, sizeof h.last_cue, "%s", mid.last_cue);
    snprintf(h.ambience, sizeof h.ambience, "%s", mid.ambience);
    CHECK(g.result_ready);
    CHECK(answer_start >= 0 && debrief_start >= 0);
    CHECK(!w.watch || watching);
    if (g.scene && answer_start >= 0 && debrief_start >= 0 && g.answer >= 0)
        h.expected_cues = cues_with_sound(g.scene->cues, g.scene->ncues, answer_start - g.perform_start) +
                          cues_with_sound(g.scene->answers[g.answer].cues, g.scene->answers[g.answer].ncues,
                                          debrief_start - g.reaction_start);
    return h;
}

/* A frame that runs past the end of the performance still hears the cues
 * of its last ticks; one that leaves the scene does not. The game state is
 * set by hand to put a cue at the very end. */
static void frame_past_the_end(const Library *lib, int cue_start)
{
    for (int leave = 0; leave < 2; leave++) {
        Game g;
        game_init(&g, library_scene(lib, "im_fine"), lib, true);
        AudioStats a, b;
        audio_stats(&a);
        g.screen = SCREEN_PERFORM;
        g.perform_start = 100;
        g.tick = g.perform_start + cue_start - 3;
        audio_update(&g, false);
        g.screen = leave ? SCREEN_TITLE : SCREEN_ANSWER; /* the performance ended on the cue's tick */
        g.screen_start = g.perform_start + cue_start;
        g.tick = g.screen_start + 5;
        audio_update(&g, false);
        g.tick += 3;
        audio_update(&g, false);
        audio_stats(&b);
        CHECK_INT(b.cues_played - a.cues_played, leave ? 0 : 1);
    }
}

static bool load_replay(const char *path, Replay *rp)
{
    size_t len;
    char *buf = slurp(path, &len);
    DiagList diags = {0};
    bool ok = buf && replay_load(rp, path, buf, len, &diags);
    free(buf);
    diag_free(&diags);
    return ok;
}

/* Every sound a cue or place of the base pack names decodes, and ambience
 * loops are about ten seconds long. */
static void base_sounds(const Library *lib)
{
    AudioStats before, after;
    audio_stats(&before);
    int cue_sounds = 0;
    for (int i = 0; i < lexicon_count(&lib->lex); i++) {
        const CueDef *d = lexicon_at(&lib->lex, i);
        if (!d->sound || strcmp(d->pack, "base") != 0)
            continue;
        audio_play_sound(0, d->sound, 0.f);
        cue_sounds++;
    }
    audio_stats(&after);
    CHECK(cue_sounds >= 3);
    CHECK_INT(after.loaded - before.loaded, cue_sounds);
    CHECK_INT(after.cues_played - before.cues_played, cue_sounds);
    printf("audio: %d interface sounds: %.1f KiB decoded; with %d cue sounds: %.1f KiB; %.1f ms to load all\n",
           before.loaded, (double)before.bytes / 1024.0, cue_sounds, (double)after.bytes / 1024.0, after.load_ms);
    int places = 0;
    int base_places = 0;
    for (int i = 0; i < places_count(&lib->places); i++) {
        const PlaceDef *p = places_at(&lib->places, i);
        base_places += strcmp(p->pack, "base") == 0;
        if (!p->ambience || strcmp(p->pack, "base") != 0)
            continue;
        char root[32], path[160];
        vfs_pack_root(0, root, sizeof root);
        snprintf(path, sizeof path, "%s/sounds/%s.ogg", root, p->ambience);
        SDL_RWops *rw = vfs_rwops(path);
        Mix_Music *m = rw ? Mix_LoadMUS_RW(rw, 1) : NULL;
        double secs = m ? Mix_MusicDuration(m) : -1;
        if (!(secs >= 5 && secs <= 30)) {
            fprintf(stderr, "%s: ambience lasts %.1f s (%s)\n", path, secs, m ? "" : Mix_GetError());
            check_failures++;
        }
        if (m)
            Mix_FreeMusic(m);
        places++;
    }
    CHECK_INT(places, base_places); /* every base place has its ambience */
}

/* A pack's own sound (a WAV here), the base pack's for a name the pack
 * does not have, and silence, asked for once, for a name nobody has. */
static void pack_sounds(void)
{
    AudioStats a, b;
    audio_stats(&a);
    audio_play_sound(1, "sniff", 1.f);
    audio_play_sound(1, "gasp", 1.f);
    audio_play_sound(1, "yawn", 1.f);
    audio_play_sound(1, "yawn", 1.f);
    audio_stats(&b);
    CHECK_INT(b.loaded - a.loaded, 2);
    CHECK_INT(b.cues_played - a.cues_played, 2);
    CHECK_STR(b.last_cue, "/p/1/sounds/gasp");
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: test_audio SOURCE_DIR\n");
        return 2;
    }
    char err[1024];
    CHECK(vfs_init(argv[0], err, sizeof err));
    /* The base pack at /p/0, and a pack with a sound of its own at /p/1. */
    char extra_pack[1200];
    snprintf(extra_pack, sizeof extra_pack, "%s/tests/data/packs/sound_missing", argv[1]);
    const char *extra[] = {extra_pack};
    PackSource sources[VFS_MAX_SOURCES];
    int n = vfs_mount_packs(false, extra, 1, sources, VFS_MAX_SOURCES);
    CHECK_INT(n, 2);
    PackIO io = vfs_pack_io();
    Library lib;
    CHECK(library_load(&lib, sources, n, &io, UNSAID_VERSION));
    CHECK(SDL_Init(0) == 0);

    CHECK(audio_init());
    AudioStats st;
    audio_stats(&st);
    CHECK(st.on);
    CHECK_STR(st.driver, "dummy");
    CHECK_INT(st.loaded, AUDIO_UI_COUNT); /* interface sounds load at start */
    audio_set_volumes(80, 50, 100);
    base_sounds(&lib);
    pack_sounds();

    char path[1200];
    snprintf(path, sizeof path, "%s/tests/replays/im_fine_empathic.replay", argv[1]);
    Replay rp;
    CHECK(load_replay(path, &rp));
    static const int one[] = {1}, three[] = {3}, eight[] = {8}, mixed[] = {0, 1, 0, 2, 8, 1, 1, 5, 0, 3, 7};
    Heard base = play(&lib, &rp, (Way){one, 1, -1, -1, false});
    CHECK(base.expected_cues >= 1); /* im_fine has a sigh */
    CHECK_INT(base.cues, base.expected_cues);
    CHECK_INT(base.skipped, 0);
    CHECK_INT(base.results, 1);
    CHECK(base.flag_events >= 1);
    CHECK_INT(base.flags, base.flag_events); /* one neutral sound for every flag */
    CHECK_STR(base.last_cue, "/p/0/sounds/sigh");
    CHECK_STR(base.ambience, "/p/0/sounds/kitchen_night");
    const struct { const int *f; int n; const char *name; } runs[] = {
        {three, 1, "3 ticks a frame"}, {eight, 1, "8 ticks a frame"}, {mixed, 11, "0 to 8 ticks a frame"},
    };
    for (size_t i = 0; i < sizeof runs / sizeof runs[0]; i++) {
        Heard h = play(&lib, &rp, (Way){runs[i].f, runs[i].n, -1, -1, false});
        if (h.cues != base.cues || h.skipped != 0 || h.results != 1)
            fprintf(stderr, "%s: %d cue sounds, %d skipped, %d chimes\n", runs[i].name, h.cues, h.skipped, h.results);
        CHECK_INT(h.cues, base.cues);
        CHECK_INT(h.skipped, 0);
        CHECK_INT(h.results, 1);
        /* Every flag is heard, however many ticks a frame holds; two in one
         * frame make one sound. */
        CHECK(h.flags >= 1 && h.flags <= h.flag_events);
    }
    /* A stall of 40 ticks a frame: a cue found too late is skipped, never
     * played twice. */
    static const int stall[] = {40};
    Heard late = play(&lib, &rp, (Way){stall, 1, -1, -1, false});
    CHECK_INT(late.cues + late.skipped, base.expected_cues);
    /* Paused just before the first cue with a sound, and resumed: it still
     * sounds once. */
    const Scene *fine = library_scene(&lib, "im_fine");
    int first = -1;
    for (int i = 0; fine && i < fine->ncues && first < 0; i++)
        if (fine->cues[i].def->sound)
            first = fine->cues[i].start;
    CHECK(first > 10);
    Heard paused = play(&lib, &rp, (Way){one, 1, first - 5, -1, false});
    CHECK_INT(paused.cues, base.cues);
    frame_past_the_end(&lib, first);

    /* The reaction's cues too: "I'm fine" answered with the answer whose
     * reaction has a sound (a nervous laugh), on frames of 1 and 8 ticks. */
    int with_sound = -1;
    for (int a = 0; fine && a < fine->nanswers && with_sound < 0; a++)
        if (cues_with_sound(fine->answers[a].cues, fine->answers[a].ncues, 1 << 20) > 0)
            with_sound = a;
    CHECK(with_sound >= 0);
    Heard r1 = play(&lib, &rp, (Way){one, 1, -1, with_sound, false});
    Heard r8 = play(&lib, &rp, (Way){eight, 1, -1, with_sound, false});
    CHECK_INT(r1.answer, with_sound);
    CHECK(r1.expected_cues >= 2); /* the sigh, and the laugh in the reaction */
    CHECK_INT(r1.cues, r1.expected_cues);
    CHECK_INT(r8.cues, r1.cues);
    CHECK_STR(r8.last_cue, "/p/0/sounds/nervous_laugh");

    /* The debrief's slow motion of every incongruent cue: the sigh sounds
     * again, the same however the ticks fall in frames. */
    Heard w1 = play(&lib, &rp, (Way){one, 1, -1, -1, true});
    Heard w8 = play(&lib, &rp, (Way){mixed, 11, -1, -1, true});
    CHECK_INT(w1.cues, base.cues);
    CHECK(w1.watch_cues >= 1);
    CHECK_INT(w8.watch_cues, w1.watch_cues);

    /* A second scene: a nervous laugh in the performance. */
    Replay rp2;
    snprintf(path, sizeof path, "%s/tests/replays/the_number_nine_best.replay", argv[1]);
    CHECK(load_replay(path, &rp2));
    Heard h1 = play(&lib, &rp2, (Way){one, 1, -1, -1, false});
    Heard h8 = play(&lib, &rp2, (Way){eight, 1, -1, -1, false});
    CHECK(h1.expected_cues >= 1);
    CHECK_INT(h1.cues, h1.expected_cues);
    CHECK_INT(h8.cues, h1.cues);
    replay_free(&rp2);

    audio_forget(); /* F5: everything loads again on demand */
    audio_stats(&st);
    CHECK_INT(st.loaded, 0);
    audio_play_ui(AUDIO_UI_CONFIRM);
    audio_stats(&st);
    CHECK_INT(st.loaded, 1);
    audio_report(stdout);
    audio_quit();

    /* No device: sound is off and everything else carries on. */
    SDL_setenv("SDL_AUDIODRIVER", "no_such_driver", 1);
    CHECK(!audio_init());
    audio_stats(&st);
    CHECK(!st.on);
    Heard silent = play(&lib, &rp, (Way){eight, 1, -1, -1, false});
    CHECK_INT(silent.cues, 0);
    CHECK_INT(silent.flags, 0);
    CHECK(silent.flag_events >= 1);
    audio_report(stdout);
    audio_quit();

    replay_free(&rp);
    SDL_Quit();
    library_free(&lib);
    vfs_unmount_packs();
    vfs_quit();
    return check_done("test_audio");
}
