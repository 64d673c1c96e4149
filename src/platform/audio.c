/* Unsaid - audio.c: SDL2_mixer playing what the game does (see audio.h).
 *
 * Mixer channels: 0-3 play interface sounds, 4-11 cue sounds (voices);
 * the ambience is SDL_mixer's music stream, so its fades and its volume are
 * apart from the effects'. Pausing pauses the voices and the ambience only,
 * so a pause menu still ticks. */
#include "audio.h"

#include "vfs.h"

#include <SDL2/SDL_mixer.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define KEY_MAX AUDIO_KEY_MAX
#define CHANNELS 16
#define TAG_UI 1
#define TAG_VOICE 2
#define UI_FIRST 0
#define UI_LAST 3
#define VOICE_FIRST 4
#define VOICE_LAST 11
#define AMBIENCE_FADE_IN_MS 1500
#define AMBIENCE_FADE_OUT_MS 700
#define VOICE_FADE_MS 200

static const char *const ui_names[AUDIO_UI_COUNT] = {
    "ui_select", "ui_confirm", "ui_back", "ui_flag", "ui_result", "ui_page",
};

typedef struct {
    char key[KEY_MAX];  /* "<mount>/sounds/<name>" as asked for */
    Mix_Chunk *chunk;   /* NULL: it would not load (asked once, not again) */
} Cached;

/* Where a timeline of cues was last heard. */
typedef struct {
    const Scene *scene;
    int key;   /* which showing of the timeline (a slow-motion watch's start) */
    int heard; /* cue tick heard up to, inclusive */
    bool active;
} Track;

static struct {
    bool on, paused;
    int master, music, effects;
    Cached cache[AUDIO_MAX_CACHED];
    int ncached;
    unsigned pending; /* AudioUi bits asked for by audio_request */
    const Scene *scene_on; /* the scene whose voices may be playing */
    Track perform, reaction, watch;
    char amb_want[KEY_MAX], amb_now[KEY_MAX];
    Mix_Music *amb_music;
    void *amb_buf;
    AudioStats st;
} A = {.master = 100, .music = 100, .effects = 100};

static double ms_since(uint64_t t0)
{
    return (double)(SDL_GetPerformanceCounter() - t0) * 1000.0 / (double)SDL_GetPerformanceFrequency();
}

/* 0..100 settings to the mixer's 0..128, squared so that halfway sounds
 * about half as loud rather than barely quieter. */
static int mix_volume(int a, int b, float gain)
{
    double v = (a / 100.0) * (b / 100.0) * gain;
    int out = (int)(v * v * MIX_MAX_VOLUME + 0.5);
    return out < 0 ? 0 : out > MIX_MAX_VOLUME ? MIX_MAX_VOLUME : out;
}

static void apply_volumes(void)
{
    if (!A.on)
        return;
    Mix_Volume(-1, mix_volume(A.master, A.effects, 1.f));
    Mix_VolumeMusic(mix_volume(A.master, A.music, 1.f));
}

static int clamp100(int v)
{
    return v < 0 ? 0 : v > 100 ? 100 : v;
}

void audio_set_volumes(int master, int music, int effects)
{
    A.master = clamp100(master);
    A.music = clamp100(music);
    A.effects = clamp100(effects);
    apply_volumes();
}

/* The whole of one file, or NULL (SDL_GetError says why). */
static void *read_all(const char *path, size_t max, size_t *len)
{
    SDL_RWops *rw = vfs_rwops(path);
    if (!rw)
        return NULL;
    Sint64 size = SDL_RWsize(rw);
    void *buf = NULL;
    if (size <= 0)
        SDL_SetError("%s is empty or unreadable", path);
    else if ((uint64_t)size > max)
        SDL_SetError("%s is larger than %u MiB", path, (unsigned)(max >> 20));
    else if ((buf = malloc((size_t)size)) && SDL_RWread(rw, buf, 1, (size_t)size) != (size_t)size) {
        SDL_SetError("%s: could not read it all", path);
        free(buf);
        buf = NULL;
    }
    SDL_RWclose(rw);
    *len = buf ? (size_t)size : 0;
    return buf;
}

/* Where the base pack's files are (the VFS decides). */
static const char *base_root(void)
{
    static char root[32];
    if (!root[0])
        vfs_pack_root(0, root, sizeof root);
    return root;
}

/* Read mount/sounds/NAME.ogg or .wav, else the base pack's. */
static void *find_sound(const char *mount, const char *name, size_t max, size_t *len)
{
    static const char *const exts[] = {"ogg", "wav"};
    const char *mounts[] = {mount, base_root()};
    char first_error[256] = "";
    for (int m = 0; m < 2; m++) {
        if (m == 1 && strcmp(mount, base_root()) == 0)
            break;
        for (int e = 0; e < 2; e++) {
            char path[KEY_MAX + 8];
            snprintf(path, sizeof path, "%s/sounds/%s.%s", mounts[m], name, exts[e]);
            void *buf = read_all(path, max, len);
            if (buf)
                return buf;
            if (!first_error[0] && !strstr(SDL_GetError(), "not found"))
                snprintf(first_error, sizeof first_error, "%s", SDL_GetError());
        }
    }
    if (first_error[0])
        SDL_SetError("%s", first_error);
    else
        SDL_SetError("no %s.ogg or %s.wav in the pack's sounds/ folder or the base pack's", name, name);
    return NULL;
}

/* Decode one sound into memory, refusing files that would decode to more
 * than AUDIO_MAX_SOUND_SECONDS (a small file can hold hours of silence). */
static Mix_Chunk *decode(void *buf, size_t len)
{
    if (len > INT32_MAX)
        return NULL;
    Mix_Music *probe = Mix_LoadMUS_RW(SDL_RWFromConstMem(buf, (int)len), 1);
    double secs = probe ? Mix_MusicDuration(probe) : -1.0;
    if (probe)
        Mix_FreeMusic(probe);
    if (!probe)
        return NULL;
    if (!(secs > 0.0 && secs <= AUDIO_MAX_SOUND_SECONDS)) {
        SDL_SetError("it lasts %.0f s; a sound may last at most %.0f s", secs, AUDIO_MAX_SOUND_SECONDS);
        return NULL;
    }
    return Mix_LoadWAV_RW(SDL_RWFromConstMem(buf, (int)len), 1);
}

/* The cached sound for mount/name, loading it on first use. */
static Mix_Chunk *get_chunk(const char *mount, const char *name)
{
    char key[KEY_MAX];
    snprintf(key, sizeof key, "%s/sounds/%s", mount, name);
    for (int i = 0; i < A.ncached; i++)
        if (strcmp(A.cache[i].key, key) == 0)
            return A.cache[i].chunk;
    if (A.ncached == AUDIO_MAX_CACHED)
        return NULL;
    uint64_t t0 = SDL_GetPerformanceCounter();
    size_t len = 0;
    void *buf = find_sound(mount, name, AUDIO_MAX_SOUND_FILE, &len);
    Mix_Chunk *chunk = buf ? decode(buf, len) : NULL;
    free(buf);
    A.st.load_ms += ms_since(t0);
    if (chunk) {
        A.st.loaded++;
        A.st.bytes += chunk->alen;
    } else {
        fprintf(stderr, "unsaid: sound %s: %s (it stays silent)\n", key, SDL_GetError());
    }
    Cached *c = &A.cache[A.ncached++];
    snprintf(c->key, sizeof c->key, "%s", key);
    c->chunk = chunk;
    return chunk;
}

static void play_chunk(Mix_Chunk *chunk, int tag, float gain)
{
    int ch = Mix_GroupAvailable(tag);
    if (ch < 0)
        ch = Mix_GroupOldest(tag);
    if (ch < 0)
        return;
    Mix_Volume(ch, mix_volume(A.master, A.effects, gain));
    Mix_PlayChannel(ch, chunk, 0);
}

void audio_play_ui(AudioUi which)
{
    if (!A.on || which < 0 || which >= AUDIO_UI_COUNT)
        return;
    Mix_Chunk *c = get_chunk(base_root(), ui_names[which]);
    if (c) {
        play_chunk(c, TAG_UI, 1.f);
        A.st.ui_played[which]++;
    }
}

void audio_play_sound(int source, const char *name, float gain)
{
    if (!A.on || !name || !*name)
        return;
    char mount[32];
    vfs_pack_root(source > 0 ? source : 0, mount, sizeof mount);
    Mix_Chunk *c = get_chunk(mount, name);
    if (!c)
        return;
    play_chunk(c, TAG_VOICE, gain < 0.f ? 0.f : gain > 1.f ? 1.f : gain);
    A.st.cues_played++;
    snprintf(A.st.last_cue, sizeof A.st.last_cue, "%s/sounds/%s", mount, name);
}

/* ---- ambience -------------------------------------------------------------- */

void audio_ambience(int source, const char *name)
{
    char mount[32];
    vfs_pack_root(source > 0 ? source : 0, mount, sizeof mount);
    if (name && *name)
        snprintf(A.amb_want, sizeof A.amb_want, "%s/sounds/%s", mount, name);
    else
        A.amb_want[0] = '\0';
    snprintf(A.st.ambience, sizeof A.st.ambience, "%s", A.amb_want);
}

static void drop_ambience(void)
{
    if (A.amb_music) {
        Mix_HaltMusic();
        Mix_FreeMusic(A.amb_music);
    }
    free(A.amb_buf);
    A.amb_music = NULL;
    A.amb_buf = NULL;
    A.st.ambience_bytes = 0;
}

static void start_ambience(void)
{
    snprintf(A.amb_now, sizeof A.amb_now, "%s", A.amb_want);
    if (!A.amb_want[0])
        return;
    /* "<mount>/sounds/<name>" back into its parts */
    char mount[KEY_MAX];
    snprintf(mount, sizeof mount, "%s", A.amb_want);
    char *cut = strstr(mount, "/sounds/");
    if (!cut)
        return;
    *cut = '\0';
    const char *name = cut + 8;
    uint64_t t0 = SDL_GetPerformanceCounter();
    size_t len = 0;
    A.amb_buf = find_sound(mount, name, AUDIO_MAX_AMBIENCE_FILE, &len);
    /* Streamed from memory: decoding never waits on the pack's files. */
    A.amb_music = A.amb_buf && len <= INT32_MAX ? Mix_LoadMUS_RW(SDL_RWFromConstMem(A.amb_buf, (int)len), 1) : NULL;
    A.st.load_ms += ms_since(t0);
    if (!A.amb_music || Mix_FadeInMusic(A.amb_music, -1, AMBIENCE_FADE_IN_MS) != 0) {
        fprintf(stderr, "unsaid: ambience %s: %s (it stays silent)\n", A.amb_want, SDL_GetError());
        drop_ambience();
        return;
    }
    A.st.ambience_bytes = len;
}

/* Fade the loop playing now out, then the wanted one in. */
static void follow_ambience(void)
{
    if (strcmp(A.amb_want, A.amb_now) == 0) {
        if (A.amb_music && !Mix_PlayingMusic()) /* it was fading out when wanted back */
            Mix_FadeInMusic(A.amb_music, -1, AMBIENCE_FADE_IN_MS);
        return;
    }
    if (A.amb_music && Mix_PlayingMusic()) {
        if (Mix_FadingMusic() != MIX_FADING_OUT)
            Mix_FadeOutMusic(AMBIENCE_FADE_OUT_MS);
        return; /* the next frames wait for the fade to end */
    }
    drop_ambience();
    start_ambience();
}

/* ---- following the game ----------------------------------------------------- */

void audio_request(GameSound sound)
{
    static const AudioUi ui[SOUND_COUNT] = {
        [SOUND_SELECT] = AUDIO_UI_SELECT, [SOUND_CONFIRM] = AUDIO_UI_CONFIRM, [SOUND_BACK] = AUDIO_UI_BACK,
        [SOUND_FLAG] = AUDIO_UI_FLAG,     [SOUND_RESULT] = AUDIO_UI_RESULT,   [SOUND_PAGE] = AUDIO_UI_PAGE,
    };
    if (A.on && sound >= 0 && sound < SOUND_COUNT)
        A.pending |= 1u << ui[sound];
}

/* The source of the enabled pack with this id (0, the base pack's, if none). */
static int source_of(const Library *lib, const char *pack)
{
    for (int k = 0; lib && pack && k < lib->npacks; k++) {
        const PackInfo *p = &lib->packs[k];
        if (p->has_manifest && p->state == PACK_ENABLED && p->manifest.id && strcmp(p->manifest.id, pack) == 0)
            return p->source;
    }
    return 0;
}

static int min_int(int a, int b)
{
    return a < b ? a : b;
}

/* Play the sounds of cues whose start lies in (heard, now]. A timeline
 * shown afresh is heard from `origin` (its first tick) when it is there
 * now, and otherwise from now on: joining part-way replays nothing. */
static void follow_cues(Track *t, const Game *g, int key, int origin, int now, const SceneCue *cues, int ncues)
{
    if (!t->active || t->scene != g->source || t->key != key || now < t->heard)
        t->heard = now - origin <= AUDIO_LATE_TICKS ? origin - 1 : now;
    t->active = true;
    t->scene = g->source;
    t->key = key;
    for (int i = 0; i < ncues; i++) {
        const SceneCue *c = &cues[i];
        if (!c->def || !c->def->sound || c->start <= t->heard || c->start > now)
            continue;
        if (now - c->start > AUDIO_LATE_TICKS) {
            A.st.cues_skipped++;
            continue;
        }
        float amount = c->amount < 0.f ? 0.f : c->amount > 1.f ? 1.f : c->amount;
        audio_play_sound(source_of(g->library, c->def->pack), c->def->sound, 0.55f + 0.45f * amount);
    }
    t->heard = now;
}

/* Decode a scene's cue sounds as it begins (while its context is read),
 * so no cue's frame waits on a decoder. */
static void preload(const Game *g)
{
    const Scene *s = g->scene;
    for (int a = -1; a < s->nanswers; a++) {
        const SceneCue *cues = a < 0 ? s->cues : s->answers[a].cues;
        int n = a < 0 ? s->ncues : s->answers[a].ncues;
        for (int i = 0; i < n; i++) {
            if (!cues[i].def || !cues[i].def->sound)
                continue;
            char mount[32];
            vfs_pack_root(source_of(g->library, cues[i].def->pack), mount, sizeof mount);
            get_chunk(mount, cues[i].def->sound);
        }
    }
}

static void set_paused(bool paused)
{
    if (paused == A.paused)
        return;
    A.paused = paused;
    for (int ch = VOICE_FIRST; ch <= VOICE_LAST; ch++)
        if (paused)
            Mix_Pause(ch);
        else
            Mix_Resume(ch);
    if (paused)
        Mix_PauseMusic();
    else
        Mix_ResumeMusic();
}

void audio_update(const Game *g, bool paused)
{
    if (!A.on)
        return;
    set_paused(paused);
    for (int u = 0; u < AUDIO_UI_COUNT; u++)
        if (A.pending & (1u << u))
            audio_play_ui((AudioUi)u);
    A.pending = 0;
    if (paused)
        return; /* the scene's time stands still, and so do its sounds */
    /* The scene as played (its cues at the difficulty), and which scene it
     * is: at gentle or sharp every scene is played from the same copy
     * (Game.played), so a scene is known by its source. */
    const Scene *s = g->scene, *which = g->source;
    bool in_scene = s && ((g->screen >= SCREEN_INTRO && g->screen <= SCREEN_DEBRIEF) || g->screen == SCREEN_WATCH);
    if (A.scene_on && (!in_scene || A.scene_on != which))
        Mix_FadeOutGroup(TAG_VOICE, VOICE_FADE_MS); /* left the scene: its voices stop */
    if (in_scene && A.scene_on != which)
        preload(g);
    A.scene_on = in_scene ? which : NULL;
    /* A timeline is followed while its screen shows, and once more after
     * it ends, up to the tick the next screen began: a frame that ran past
     * the end still hears the cues of its last ticks. */
    if (in_scene && (g->screen == SCREEN_PERFORM || (g->screen > SCREEN_PERFORM && A.perform.active))) {
        int now = g->tick - g->perform_start;
        bool ended = g->screen != SCREEN_PERFORM;
        follow_cues(&A.perform, g, 0, 0, ended ? min_int(now, g->screen_start - g->perform_start) : now,
                    s->cues, s->ncues);
        A.perform.active = !ended;
    } else {
        A.perform.active = false;
    }
    bool answered = in_scene && g->answer >= 0 && g->answer < s->nanswers;
    if (answered && (g->screen == SCREEN_REACTION || (g->screen > SCREEN_REACTION && A.reaction.active))) {
        int now = g->tick - g->reaction_start;
        bool ended = g->screen != SCREEN_REACTION;
        follow_cues(&A.reaction, g, 0, 0, ended ? min_int(now, g->screen_start - g->reaction_start) : now,
                    s->answers[g->answer].cues, s->answers[g->answer].ncues);
        A.reaction.active = !ended;
    } else {
        A.reaction.active = false;
    }
    /* The debrief's slow motion: cues sound again at their (slowed) start. */
    int from, to;
    float progress;
    if (in_scene && game_watch(g, 1.0, &from, &to, &progress)) {
        int now = min_int(from + (g->tick - g->watch_start) / GAME_WATCH_SLOW, to);
        follow_cues(&A.watch, g, g->watch_start, from, now, s->cues, s->ncues);
    } else {
        A.watch.active = false;
    }
    const PlaceDef *place = in_scene && s->place && g->library ? places_find(&g->library->places, s->place) : NULL;
    if (place && place->ambience)
        audio_ambience(source_of(g->library, place->pack), place->ambience);
    else
        audio_ambience(0, NULL);
    follow_ambience();
}

/* ---- life cycle -------------------------------------------------------------- */

static void free_cache(void)
{
    for (int i = 0; i < A.ncached; i++)
        if (A.cache[i].chunk)
            Mix_FreeChunk(A.cache[i].chunk); /* stops any channel playing it */
    A.ncached = 0;
    A.st.loaded = 0;
    A.st.bytes = 0;
}

void audio_forget(void)
{
    if (!A.on)
        return;
    free_cache();
    A.amb_now[0] = '\0'; /* fade the loop out and load it again: the file may have changed */
    A.perform.active = A.reaction.active = A.watch.active = false;
    A.scene_on = NULL;
}

bool audio_init(void)
{
    if (A.on)
        return true;
    memset(&A.st, 0, sizeof A.st);
    if (SDL_InitSubSystem(SDL_INIT_AUDIO) != 0) {
        snprintf(A.st.driver, sizeof A.st.driver, "no audio: %s", SDL_GetError());
        return false;
    }
    Mix_Init(MIX_INIT_OGG); /* Ogg Vorbis may also be built in; WAV always is */
    if (Mix_OpenAudio(MIX_DEFAULT_FREQUENCY, MIX_DEFAULT_FORMAT, 2, 1024) != 0) {
        snprintf(A.st.driver, sizeof A.st.driver, "no device: %s", Mix_GetError());
        Mix_Quit();
        SDL_QuitSubSystem(SDL_INIT_AUDIO);
        return false;
    }
    Uint16 format;
    Mix_QuerySpec(&A.st.freq, &format, &A.st.channels);
    snprintf(A.st.driver, sizeof A.st.driver, "%s", SDL_GetCurrentAudioDriver());
    Mix_AllocateChannels(CHANNELS);
    Mix_GroupChannels(UI_FIRST, UI_LAST, TAG_UI);
    Mix_GroupChannels(VOICE_FIRST, VOICE_LAST, TAG_VOICE);
    A.on = true;
    A.st.on = true;
    apply_volumes();
    for (int u = 0; u < AUDIO_UI_COUNT; u++) /* now, not on the first click */
        get_chunk(base_root(), ui_names[u]);
    return true;
}

void audio_quit(void)
{
    if (!A.on)
        return;
    AudioStats st = A.st; /* kept for a report after quitting */
    Mix_HaltChannel(-1);
    drop_ambience();
    free_cache();
    Mix_CloseAudio();
    Mix_Quit();
    SDL_QuitSubSystem(SDL_INIT_AUDIO);
    int master = A.master, music = A.music, effects = A.effects;
    memset(&A, 0, sizeof A);
    A.master = master;
    A.music = music;
    A.effects = effects;
    A.st = st;
    A.st.on = false;
}

void audio_stats(AudioStats *out)
{
    *out = A.st;
}

void audio_report(FILE *f)
{
    if (!A.st.on && !A.st.freq) {
        fprintf(f, "unsaid: sound off (%s)\n", A.st.driver[0] ? A.st.driver : "not started");
        return;
    }
    fprintf(f,
            "unsaid: sound on (%s, %d Hz, %d channels): %d sounds decoded, %.1f KiB, loaded in %.1f ms; "
            "ambience file %.1f KiB\n",
            A.st.driver, A.st.freq, A.st.channels, A.st.loaded, (double)A.st.bytes / 1024.0, A.st.load_ms,
            (double)A.st.ambience_bytes / 1024.0);
}
