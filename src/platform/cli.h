/* Unsaid - cli.h: the command line.
 *
 * cli_parse reads argv into Options, checks every value and which options
 * go together, and answers --help and --version itself. What it prints is
 * part of the interface: tests compare its messages exactly. */
#ifndef UNSAID_CLI_H
#define UNSAID_CLI_H

#include "vfs.h" /* VFS_MAX_SOURCES */

#include <stdbool.h>

typedef struct {
    const char *scene;
    const char *replay;
    const char *record;
    const char *play;  /* --play STEPS: the steps, or a file holding them */
    const char *screenshot;
    long at;           /* a tick; or, with at_perform, ticks into the performance */
    bool at_perform;   /* --at 4.5s: counted from the moment the scene's performance begins */
    long bench_frames;
    int width, height;
    /* The pack tools: at most one of these runs, instead of the game. */
    const char *new_pack;
    const char *timeline; /* --timeline SCENE */
    const char *write_schema; /* --write-schema DIR */
    const char *sheet_file;
    int sheet_kind; /* a SheetKind: --gallery, --cast or --places */
    const char *check[VFS_MAX_SOURCES];
    int ncheck;
    bool headless, print_score, fullscreen, timing;
    bool size_given; /* --size: it wins over the saved window size */
    int difficulty;  /* --difficulty: a Difficulty for this run, or -1 (the setting, or the replay's) */
} Options;

/* Fill *o from the command line. Returns -1 to go on, or the exit code to
 * stop with: 0 after --help or --version, 2 after a mistake (said on
 * stderr). */
int cli_parse(int argc, char **argv, Options *o);
/* Say why the program cannot go on: on stderr, and in a message box too
 * when the command line asked for a window (no --headless). */
void cli_fail(const Options *o, const char *msg);

#endif
