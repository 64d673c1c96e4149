/* Unsaid - main.c: read the command line, open the data folder, then run a
 * pack tool, or open the game, run it in a window or headless, and close
 * it. */
#include "app.h"
#include "cli.h"
#include "run.h"
#include "tools.h"
#include "vfs.h"

#include <stdio.h>

static int play(const Options *opt, double t_launch)
{
    App app;
    if (!app_open(&app, opt, t_launch))
        return 1;
    int rc = opt->headless ? run_headless(&app) : run_window(&app);
    return app_close(&app, rc);
}

int main(int argc, char **argv)
{
    double t_launch = app_clock_ms();
    Options opt;
    int rc = cli_parse(argc, argv, &opt);
    if (rc >= 0)
        return rc; /* --help, --version, or a mistake on the command line */
    bool tool = tools_wanted(&opt);
    /* Only playing in a window keeps settings, progress and pack choices;
     * everything else (a replay above all) leaves the data folder alone. */
    bool keeps_data = !opt.headless && !opt.replay && !tool;
    char err[1024];
    if (!(keeps_data ? vfs_init : vfs_init_read_only)(argv[0], err, sizeof err)) {
        cli_fail(&opt, err);
        return 1;
    }
    rc = tool ? tools_run(&opt) : play(&opt, t_launch);
    vfs_quit();
    return rc;
}
