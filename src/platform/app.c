/* Unsaid - app.c: the App's life cycle (see app.h). */
#include "app.h"

#include "audio.h"
#include "packs.h"
#include "replays.h"
#include "saves.h"
#include "vfs.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define OVERLAY_MS 12000 /* how long a message stays over the frame */

/* The player's progress: large, so not on the stack. Replays and headless
 * runs start from an empty one and never write it. */
static Progress progress;

double app_clock_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static void show_overlay(App *app, const char *title, const char *body)
{
    snprintf(app->overlay_title, sizeof app->overlay_title, "%s", title);
    snprintf(app->overlay, sizeof app->overlay, "%s", body);
    app->overlay_until = app_clock_ms() + OVERLAY_MS;
    app->overlay_packs = false;
}

/* Make the window (and later the sound) follow the settings. */
static void apply_settings(App *app)
{
    const Settings *s = &app->game.settings;
    if (s->fullscreen != app->applied.fullscreen)
        platform_set_fullscreen(&app->plat, s->fullscreen);
    if (s->window_width != app->applied.window_width || s->window_height != app->applied.window_height)
        platform_set_window_size(&app->plat, s->window_width > 0 ? s->window_width : 1280,
                                 s->window_height > 0 ? s->window_height : 720);
    audio_set_volumes(s->master_volume, s->music_volume, s->effects_volume);
    app->applied = *s;
}

/* Save the settings or the progress, as the game asked. */
static void save_settings(App *app)
{
    char err[512];
    apply_settings(app);
    if (app->saving && !saves_store_settings(&app->game.settings, err, sizeof err))
        show_overlay(app, strings_get(&app->lib.strings, "overlay.save_failed"), err);
}

static void save_progress(App *app)
{
    char err[512];
    if (app->saving && !saves_store_progress(&progress, err, sizeof err))
        show_overlay(app, strings_get(&app->lib.strings, "overlay.save_failed"), err);
}

void app_reload(App *app, const char *scene_id, bool keep_scene)
{
    char id[80];
    if (!scene_id)
        scene_id = app->game.scene && app->game.scene->id ? app->game.scene->id : "";
    snprintf(id, sizeof id, "%s", scene_id);
    Library fresh;
    bool ok = packs_load(&fresh, false, false);
    packs_problems(&fresh, app->overlay, sizeof app->overlay);
    app->overlay_until = app->overlay[0] ? app_clock_ms() + OVERLAY_MS : 0;
    app->overlay_packs = false;
    if (!ok || (keep_scene && id[0] && !library_scene(&fresh, id))) {
        snprintf(app->overlay_title, sizeof app->overlay_title, "%s",
                 strings_get(&app->lib.strings, ok ? "overlay.scene_kept" : "overlay.reload_failed"));
        library_free(&fresh);
        return;
    }
    library_free(&app->lib);
    app->lib = fresh;
    if (app->render)
        render_forget_places(app->render);
    audio_forget(); /* a mount point may now hold another pack */
    snprintf(app->overlay_title, sizeof app->overlay_title, "%s", strings_get(&app->lib.strings, "overlay.reloaded"));
    app->overlay_packs = true;
    const Scene *scene = library_scene(&app->lib, id);
    if (!scene)
        scene = library_first_scene(&app->lib);
    game_reload(&app->game, scene, &app->lib);
}

/* The player turned a pack on or off in the Packs screen: remember it (on
 * disk; during a replay only in memory) and reload, keeping the same pack
 * in focus. Or, for a broken pack, only reload (toggle false). */
static void toggle_pack(App *app, int k, bool toggle)
{
    if (k < 0 || k >= app->lib.npacks)
        return;
    char name[256], err[512];
    snprintf(name, sizeof name, "%s", app->lib.packs[k].name);
    if (toggle && !vfs_set_pack_disabled(name, app->lib.packs[k].state != PACK_DISABLED, err, sizeof err)) {
        fprintf(stderr, "unsaid: %s\n", err);
        return;
    }
    app_reload(app, NULL, false);
    for (int i = 0; i < app->lib.npacks; i++)
        if (strcmp(app->lib.packs[i].name, name) == 0)
            app->game.pack_focus = i;
    app->game.selected = app->lib.npacks + 1;
}

/* What the game asked for in its last tick. Taken off the game first: a
 * reload starts the game afresh. */
static void carry_out_requests(App *app)
{
    GameRequest reqs[GAME_MAX_REQUESTS];
    int n = app->game.nrequests;
    memcpy(reqs, app->game.requests, sizeof reqs[0] * (size_t)n);
    game_clear_requests(&app->game);
    for (int i = 0; i < n; i++) {
        switch (reqs[i].type) {
        case REQ_SAVE_SETTINGS: save_settings(app); break;
        case REQ_SAVE_PROGRESS: save_progress(app); break;
        case REQ_TOGGLE_PACK: toggle_pack(app, reqs[i].arg, true); break;
        case REQ_RECHECK_PACK: toggle_pack(app, reqs[i].arg, false); break;
        case REQ_RELOAD: app_reload(app, NULL, false); break;
        case REQ_QUIT: app->quit = true; break;
        case REQ_SOUND: audio_request((GameSound)reqs[i].arg); break;
        default: break;
        }
    }
}

void app_tick(App *app, TickInput *in)
{
    if (app->have_replay)
        replay_input(&app->replay, &app->replay_cursor, app->game.tick, in);
    if (app->have_script)
        script_input(&app->script, &app->game, in);
    if (app->record)
        replays_record_tick(app->record, app->game.tick, in);
    game_step(&app->game, in);
    if (!input_empty(in) || app->game.nrequests > 0)
        app->changed = true;
    carry_out_requests(app);
    if (app->opt.print_score && app->game.result_ready && !app->score_printed) {
        char line[256];
        notice_format_result(&app->game.result, line, sizeof line);
        printf("%s\n", line);
        fflush(stdout);
        app->score_printed = true;
    }
}

/* --play STEPS: the steps themselves, or a file of them when STEPS names
 * one (steps always hold a space, file names here never need one). */
static bool load_script(App *app, bool windowed)
{
    const char *arg = app->opt.play, *file = "--play";
    char *text = NULL;
    FILE *f = strchr(arg, ' ') ? NULL : fopen(arg, "rb");
    if (f) {
        text = calloc(1, SCRIPT_MAX_TEXT + 1);
        size_t n = text ? fread(text, 1, SCRIPT_MAX_TEXT + 1, f) : 0;
        fclose(f);
        if (!text || n > SCRIPT_MAX_TEXT) {
            fprintf(stderr, "unsaid: %s: %s\n", arg, text ? "too long for a list of steps" : "out of memory");
            free(text);
            return false;
        }
        file = arg;
    }
    DiagList d = {0};
    app->script_file = file;
    app->have_script = script_parse(&app->script, file, text ? text : arg, &d);
    packs_report(&d, windowed, "The --play steps");
    diag_free(&d);
    free(text);
    return app->have_script;
}

/* The replay and the packs it names, the library, and the scene to start
 * in: the command line's, else the replay's, else the first. NULL when
 * one of them fails (the reason has been told). */
static const Scene *load_scene(App *app, bool windowed)
{
    const Options *o = &app->opt;
    if (o->play && !load_script(app, windowed))
        return NULL;
    if (o->replay) {
        if (!replays_load(&app->replay, o->replay))
            return NULL;
        app->have_replay = true;
        if (!replays_choose_packs(&app->replay, o->replay, windowed))
            return NULL;
    }
    if (!packs_load(&app->lib, windowed, false))
        return NULL;
    if (app->have_replay && !replays_check_packs(&app->lib, &app->replay, o->replay, windowed))
        return NULL;
    const char *scene_id = o->scene ? o->scene : app->have_replay && app->replay.scene[0] ? app->replay.scene : NULL;
    const Scene *scene = scene_id ? library_scene(&app->lib, scene_id) : library_first_scene(&app->lib);
    if (!scene) {
        char msg[500], hint[120] = "";
        const char *close = library_closest_scene(&app->lib, scene_id);
        if (close)
            snprintf(hint, sizeof hint, "; did you mean '%s'?", close);
        snprintf(msg, sizeof msg, "no scene '%s' in any pack%s (scene ids are set by 'id:' in each scene file)%s",
                 scene_id, app->have_replay ? " the replay plays with (the base pack and its 'pack' lines)" : "", hint);
        cli_fail(o, msg);
    }
    return scene;
}

/* The window (or the headless surface) and the renderer that draws into it. */
static bool open_output(App *app)
{
    const Options *o = &app->opt;
    char err[1024];
    if (!platform_open(&app->plat, o->headless, o->fullscreen, o->width, o->height, err, sizeof err)) {
        cli_fail(o, err);
        return false;
    }
    app->render = render_create(app->plat.renderer, vfs_rwops, err, sizeof err);
    if (!app->render) {
        cli_fail(o, err);
        return false;
    }
    int w, h;
    SDL_GetRendererOutputSize(app->plat.renderer, &w, &h);
    render_set_output(app->render, w, h);
    render_set_direct(app->render, platform_direct_surface(&app->plat));
    if (!app->plat.headless) /* a window: draw each frame only where it changed */
        render_keep_frames(app->render, true);
    return true;
}

/* Settings and progress from the data folder; the command line wins over
 * what was saved. */
static void load_saves(App *app)
{
    const Options *o = &app->opt;
    char msg[2048];
    Settings settings;
    if (!saves_load_settings(&settings, msg, sizeof msg) && msg[0])
        show_overlay(app, strings_get(&app->lib.strings, "overlay.save_problem"), msg);
    if (!saves_load_progress(&progress, msg, sizeof msg) && msg[0])
        show_overlay(app, strings_get(&app->lib.strings, "overlay.save_problem"), msg);
    if (o->fullscreen)
        settings.fullscreen = true;
    app->applied.fullscreen = o->fullscreen;
    if (o->size_given) {
        settings.window_width = o->width;
        settings.window_height = o->height;
    }
    app->applied.window_width = o->width;
    app->applied.window_height = o->height;
    app->game.settings = settings;
}

/* What app_open opens first, closed last: the output and the packs. */
static void close_output_and_packs(App *app)
{
    render_destroy(app->render);
    if (app->plat.renderer) /* open */
        platform_close(&app->plat);
    if (app->have_replay)
        replay_free(&app->replay);
    library_free(&app->lib);
}

bool app_open(App *app, const Options *opt, double t_launch)
{
    memset(app, 0, sizeof *app);
    app->opt = *opt;
    app->t_launch = t_launch;
    bool windowed = !opt->headless;
    const Scene *scene = load_scene(app, windowed);
    if (!scene || !open_output(app)) {
        close_output_and_packs(app);
        return false;
    }
    packs_problems(&app->lib, app->overlay, sizeof app->overlay);
    if (app->overlay[0]) {
        snprintf(app->overlay_title, sizeof app->overlay_title, "%s", strings_get(&app->lib.strings, "overlay.startup"));
        app->overlay_until = app_clock_ms() + OVERLAY_MS;
        app->overlay_packs = true;
    }
    bool skip_title = opt->scene || (app->have_replay && app->replay.scene[0]);
    game_init(&app->game, scene, &app->lib, skip_title);
    progress_init(&progress);
    app->game.progress = &progress;
    app->applied = app->game.settings;
    app->saving = windowed && !app->have_replay;
    if (app->saving)
        load_saves(app);
    apply_settings(app);
    /* The difficulty: the command line's, else a replay's (standard when it
     * names none), else the setting. */
    game_force_difficulty(&app->game, opt->difficulty >= 0 ? opt->difficulty
                                      : app->have_replay ? (int)app->replay.difficulty
                                                         : -1);
    if (opt->record)
        app->record = replays_record_start(opt->record, &app->lib, skip_title ? scene->id : NULL,
                                           game_chosen_difficulty(&app->game));
    if (windowed)
        audio_init(); /* silent, not failing, when there is no sound device */
    if (opt->timing)
        fprintf(stderr, "unsaid: ready to run %.1f ms after launch\n", app_clock_ms() - t_launch);
    return true;
}

int app_close(App *app, int rc)
{
    if (app->record && !replays_record_finish(app->record, app->opt.record))
        rc = rc ? rc : 1;
    if (!app->opt.headless && app->opt.timing)
        audio_report(stderr);
    audio_quit();
    close_output_and_packs(app);
    return rc;
}
