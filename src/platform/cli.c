/* Unsaid - cli.c: the command line (see cli.h). */
#include "cli.h"

#include "content.h"
#include "platform.h"
#include "sheet.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void usage(FILE *f)
{
    fputs("Usage: unsaid [OPTION]...\n"
          "Notice what people don't say: a game about reading the body behind the words.\n"
          "\n"
          "  --scene ID          start straight into scene ID (skips the title screen)\n"
          "  --headless          run without a window (no display or sound card needed)\n"
          "  --replay FILE       play recorded input from FILE (*.replay)\n"
          "  --record FILE       record your input to FILE while you play\n"
          "  --play STEPS        play --scene by steps instead of keys: \"flag hands at 3.2s; answer 2\"\n"
          "                      (or a file of them, one a line); with --record, a replay\n"
          "  --screenshot FILE   render the frame at --at TICK to a PNG file and exit\n"
          "  --at TICK           the tick for --screenshot (60 ticks per second; default 1);\n"
          "                      in a window, start there: the game runs up to it unseen\n"
          "  --at SECONDSs       the same, counted in seconds from the start of the scene's\n"
          "                      performance (--at 4.5s); the context card is passed by itself\n"
          "  --print-score       print the scene's result as key=value pairs when it ends\n"
          "  --difficulty LEVEL  play at gentle, standard or sharp for this run (over the setting\n"
          "                      and a replay's own)\n"
          "  --fullscreen        start in full screen (F11 toggles it while playing)\n"
          "  --size WxH          window or screenshot size in pixels (default 1280x720)\n"
          "  --timing            print start-up timing to stderr\n"
          "  --bench-frames N    render the frame at --at TICK N times and print frame times\n"
          "  --check PATH...     check level packs (folders or .zip files) and report every\n"
          "                      problem as file:line:col; exit 0 clean, 1 errors, 2 could not run\n"
          "  --new-pack DIR      write a small commented example pack into DIR to start from\n"
          "  --timeline SCENE    print when each line and cue of scene SCENE happens, in seconds\n"
          "                      and ticks, with a warning for any cue a player can hardly flag\n"
          "  --gallery FILE.png  render every body cue of the lexicon at its peak, labelled, and exit\n"
          "  --cast FILE.png     render every person (look) in the packs, labelled, and exit\n"
          "  --places FILE.png   render every place in the packs, labelled, and exit\n"
          "  --write-schema DIR  write the JSON Schemas into DIR with the names of every cue,\n"
          "                      look, place and scene in the packs, for editors to complete\n"
          "  --help              show this help and exit\n"
          "  --version           show the version and exit\n"
          "\n"
          "Keys: mouse or arrows + Enter; 1-5 choose an answer; E F H P V flag eyes, face,\n"
          "hands, posture, voice; Esc goes back; F11 full screen; F12 saves a screenshot.\n",
          f);
}

int cli_parse(int argc, char **argv, Options *o)
{
    memset(o, 0, sizeof *o);
    o->at = -1;
    o->difficulty = -1;
    o->width = 1280;
    o->height = 720;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char **value = NULL;
        if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            usage(stdout);
            return 0;
        } else if (strcmp(a, "--version") == 0) {
            printf("unsaid %s\n", UNSAID_VERSION);
            return 0;
        } else if (strcmp(a, "--headless") == 0) {
            o->headless = true;
        } else if (strcmp(a, "--print-score") == 0) {
            o->print_score = true;
        } else if (strcmp(a, "--fullscreen") == 0) {
            o->fullscreen = true;
        } else if (strcmp(a, "--timing") == 0) {
            o->timing = true;
        } else if (strcmp(a, "--size") == 0) {
            char tail;
            o->size_given = true;
            if (i + 1 >= argc || sscanf(argv[i + 1], "%dx%d%c", &o->width, &o->height, &tail) != 2 ||
                o->width < 320 || o->height < 180 || o->width > 7680 || o->height > 4320) {
                fprintf(stderr, "unsaid: --size needs WIDTHxHEIGHT, from 320x180 to 7680x4320\n");
                return 2;
            }
            i++;
        } else if (strcmp(a, "--difficulty") == 0) {
            o->difficulty = i + 1 < argc ? difficulty_find(argv[i + 1]) : -1;
            if (o->difficulty < 0) {
                fprintf(stderr, "unsaid: --difficulty needs gentle, standard or sharp%s%s%s\n",
                        i + 1 < argc ? ", not '" : "", i + 1 < argc ? argv[i + 1] : "", i + 1 < argc ? "'" : "");
                return 2;
            }
            i++;
        } else if (strcmp(a, "--check") == 0) {
            while (i + 1 < argc && strncmp(argv[i + 1], "--", 2) != 0) {
                if (o->ncheck == VFS_MAX_SOURCES - 1) {
                    fprintf(stderr, "unsaid: --check takes at most %d packs at a time\n", VFS_MAX_SOURCES - 1);
                    return 2;
                }
                o->check[o->ncheck++] = argv[++i];
            }
            if (o->ncheck == 0) {
                fprintf(stderr, "unsaid: --check needs at least one pack folder or .zip file\n");
                return 2;
            }
        } else if (strcmp(a, "--new-pack") == 0) {
            value = &o->new_pack;
        } else if (strcmp(a, "--timeline") == 0) {
            value = &o->timeline;
        } else if (strcmp(a, "--write-schema") == 0) {
            value = &o->write_schema;
        } else if (strcmp(a, "--gallery") == 0 || strcmp(a, "--cast") == 0 || strcmp(a, "--places") == 0) {
            o->sheet_kind = a[2] == 'g' ? SHEET_GALLERY : a[2] == 'c' ? SHEET_CAST : SHEET_PLACES;
            value = &o->sheet_file;
        } else if (strcmp(a, "--scene") == 0) {
            value = &o->scene;
        } else if (strcmp(a, "--replay") == 0) {
            value = &o->replay;
        } else if (strcmp(a, "--record") == 0) {
            value = &o->record;
        } else if (strcmp(a, "--play") == 0) {
            value = &o->play;
        } else if (strcmp(a, "--screenshot") == 0) {
            value = &o->screenshot;
        } else if (strcmp(a, "--at") == 0 && i + 1 < argc && argv[i + 1][0] &&
                   argv[i + 1][strlen(argv[i + 1]) - 1] == 's') {
            /* Seconds of the performance: 4.5s */
            char *end = NULL;
            errno = 0;
            double secs = strtod(argv[i + 1], &end);
            if (end != argv[i + 1] + strlen(argv[i + 1]) - 1 || errno || !(secs >= 0 && secs <= 3600)) {
                fprintf(stderr, "unsaid: --at needs a tick (600) or seconds of the performance (4.5s), "
                                "not '%s'\n", argv[i + 1]);
                return 2;
            }
            o->at = (long)(secs * 60 + 0.5);
            o->at_perform = true;
            i++;
        } else if (strcmp(a, "--at") == 0 || strcmp(a, "--bench-frames") == 0) {
            long *dst = a[2] == 'a' ? &o->at : &o->bench_frames;
            char *end = NULL;
            errno = 0;
            *dst = i + 1 < argc ? strtol(argv[i + 1], &end, 10) : -1;
            if (i + 1 >= argc || *end || errno || *dst < 0 || *dst > 100000000) {
                fprintf(stderr, "unsaid: %s needs %s\n", a,
                        dst == &o->at ? "a tick (600) or seconds of the performance (4.5s)" : "a number (0 or more)");
                return 2;
            }
            i++;
        } else {
            fprintf(stderr, "unsaid: unknown option '%s' (try --help)\n", a);
            return 2;
        }
        if (value) {
            if (i + 1 >= argc) {
                fprintf(stderr, "unsaid: %s needs a value (try --help)\n", a);
                return 2;
            }
            *value = argv[++i];
        }
    }
    if (o->play && (!o->scene || o->replay)) {
        fprintf(stderr, "unsaid: --play plays one scene: give it with --scene ID (and no --replay)\n");
        return 2;
    }
    if (o->at_perform && !o->scene && !o->replay) {
        fprintf(stderr, "unsaid: --at %.1fs counts seconds of a scene's performance: give the scene with "
                        "--scene ID (or a --replay FILE that plays one)\n", (double)o->at / 60);
        return 2;
    }
    if (o->at >= 0 && o->headless && !o->screenshot && !o->bench_frames) {
        fprintf(stderr, "unsaid: without a window, --at goes with --screenshot FILE or --bench-frames N\n");
        return 2;
    }
    if (o->screenshot || o->bench_frames) {
        o->headless = true; /* screenshots always come from the software renderer */
        if (o->at < 0)
            o->at = 1;
    }
    bool tool = o->sheet_file || o->new_pack || o->ncheck || o->timeline || o->write_schema; /* no window */
    if (o->headless && !tool && !o->screenshot && !o->print_score && !o->replay && !o->bench_frames &&
        !(o->play && o->record)) {
        fprintf(stderr, "unsaid: --headless needs something to do: --replay, --screenshot, --print-score or "
                        "--play with --record\n");
        return 2;
    }
    return -1;
}

void cli_fail(const Options *o, const char *msg)
{
    if (!o->headless)
        platform_error_box("Unsaid", msg);
    else
        fprintf(stderr, "unsaid: %s\n", msg);
}
