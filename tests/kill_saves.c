/* Saving killed at random moments: nothing the player saved is lost.
 *
 * A child process saves settings and progress in a loop through the game's
 * own code (saves.c over PhysicsFS's user folder, $XDG_DATA_HOME/unsaid/),
 * as the game does when a player changes a setting or finishes a scene.
 * The parent kills it with SIGKILL at a random moment, starts another, and
 * so on, hundreds of times. Each child is forked from the parent before
 * anything is set up, so it starts like the game: PhysicsFS from nothing,
 * then loading what is on disk, then saving.
 *
 * Every save carries a counter n = 1, 2, 3, ...: settings hold it in their
 * three volumes (n = master + 101 * music + 10201 * effects), progress as
 * the plays of all its scenes added up (each save records one more play,
 * of one of 40 scenes, so the file grows and changes length). After a
 * save returns, the child writes "settings n" or "progress n" to a pipe.
 *
 * On start each child first reports what it finds, before anything can
 * change it (every file in the folder, each save file parsed on its own),
 * then what the game's loader makes of the folder, then the counter it goes
 * on from. With N the last counter a save returned (or a start found, if
 * higher), the parent checks, for settings and for progress:
 * - the file is there (once N >= 1), reads cleanly on its own, and holds
 *   N or N + 1 (the save that was cut off may or may not have landed).
 *   This is stricter than "nothing lost": where hard links work, the old
 *   file gets its .bak name as a second name before the new one takes its
 *   own, so a crash never leaves only the backup for the loader to fall
 *   back on (with a message to the player);
 * - its .bak is there (once N >= 2), reads cleanly, and holds at most what
 *   the file holds and at least N - 1;
 * - the game's loader loads the file without a message, the same counter;
 * - no file was ever set aside as damaged (.corrupt-N).
 * Leftover .tmp files are allowed: they are what a cut-off save leaves.
 *
 * Each kill lets 0 to 3 saves through, then lands at a random moment of
 * the next one (how long a save takes is measured as the run goes), so
 * kills fall all over the save loop however fast the disk is. The choices
 * come from one seed, printed first; where the kills land still depends
 * on timing.
 *
 * usage: kill_saves WORK_DIR [--kills N] [--seed S]
 *   ctest: 200 kills. Longer runs by hand (README, Tests):
 *   build-test/tests/kill_saves /tmp/unsaid-kill --kills 5000 */
#include "saves.h"
#include "slurp.h"
#include "vfs.h"

#include <dirent.h>
#include <errno.h>
#include <inttypes.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define KILL_SCENES 40
#define KILL_MAX_COUNT 1030300L /* 101^3 - 1: what three volumes can hold */

enum { SETTINGS, PROGRESS, KINDS };
static const char *const kind_name[KINDS] = {"settings", "progress"};
static const char *const main_file[KINDS] = {SAVES_SETTINGS_FILE, SAVES_PROGRESS_FILE};
static const char *const bak_file[KINDS] = {SAVES_SETTINGS_FILE ".bak", SAVES_PROGRESS_FILE ".bak"};

/* ---- the child: what the game does ------------------------------------------------ */

static long settings_count(const Settings *s)
{
    return s->master_volume + 101L * s->music_volume + 10201L * s->effects_volume;
}

static Settings settings_for(long n)
{
    Settings s = settings_default();
    s.master_volume = (int)(n % 101);
    s.music_volume = (int)(n / 101 % 101);
    s.effects_volume = (int)(n / 10201 % 101);
    s.text_size = (TextSize)(n % TEXT_SIZE_COUNT); /* a little variety in the text */
    s.hints = n % 3 == 0;
    return s;
}

static long progress_count(const Progress *p)
{
    long n = 0;
    for (int i = 0; i < p->count; i++)
        n += p->scenes[i].plays;
    return n;
}

/* One more play, so that progress_count goes up by one. */
static bool progress_add_play(Progress *p, long n)
{
    char scene[32];
    snprintf(scene, sizeof scene, "scene-%ld", n % KILL_SCENES);
    PlayResult play = {.completed = n % 4 != 0, .stars = (int)(n % 4), .score = (int)(n % 1000) - 100};
    play.tally.region[REGION_EYES].signals = (int)(n % 5);
    play.tally.region[REGION_EYES].hits = (int)(n % 3);
    play.tally.region[REGION_EYES].noise = (int)(n % 17);
    play.tally.region[REGION_HANDS].noise = (int)(n % 11);
    return progress_record(p, "base", scene, &play) != NULL;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* One file of the folder, parsed on its own, read only:
 *   file NAME ok N | file NAME bad WHY | file NAME present */
static void report_file(const char *dir, const char *name)
{
    int kind = -1;
    for (int k = 0; k < KINDS; k++)
        if (strcmp(name, main_file[k]) == 0 || strcmp(name, bak_file[k]) == 0)
            kind = k;
    if (kind < 0) {
        printf("file %s present\n", name);
        return;
    }
    char path[1400];
    snprintf(path, sizeof path, "%s%s", dir, name);
    size_t len = 0;
    char *buf = slurp(path, &len);
    if (!buf) {
        printf("file %s bad cannot read it\n", name);
        return;
    }
    DiagList d = {0};
    static Progress p;
    Settings s;
    bool ok = kind == SETTINGS ? settings_parse(&s, name, buf, len, &d) : progress_parse(&p, name, buf, len, &d);
    if (ok) {
        printf("file %s ok %ld\n", name, kind == SETTINGS ? settings_count(&s) : progress_count(&p));
    } else {
        char why[700] = "?";
        if (d.count)
            diag_format(&d.items[0], why, sizeof why);
        printf("file %s bad %s (%zu bytes)\n", name, why, len);
    }
    diag_free(&d);
    free(buf);
}

static void report_files(const char *dir)
{
    char *names[256];
    int n = 0;
    DIR *d = opendir(dir);
    for (struct dirent *e; d && n < 256 && (e = readdir(d));)
        if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0 && strcmp(e->d_name, "packs") != 0)
            names[n++] = strdup(e->d_name);
    if (d)
        closedir(d);
    qsort(names, (size_t)n, sizeof names[0], cmp_str);
    for (int i = 0; i < n; i++) {
        if (names[i])
            report_file(dir, names[i]);
        free(names[i]);
    }
}

static bool exists_in(const char *dir, const char *name)
{
    char path[1400];
    struct stat st;
    snprintf(path, sizeof path, "%s%s", dir, name);
    return stat(path, &st) == 0;
}

/* loaded KIND none | loaded KIND N clean | loaded KIND N MESSAGE */
static void report_loaded(const char *what, bool any, bool ok, char *msg, long n)
{
    if (!any && ok && !msg[0]) {
        printf("loaded %s none\n", what);
        return;
    }
    for (char *c = msg; *c; c++)
        if (*c == '\n')
            *c = '|';
    printf("loaded %s %ld %s\n", what, n, ok && !msg[0] ? "clean" : msg);
}

/* Report, load, and (when `run`) save until killed. Returns the exit status. */
static int child(const char *argv0, bool run)
{
    char err[1024], msg[4096];
    if (!vfs_init(argv0, err, sizeof err)) {
        fprintf(stderr, "kill_saves: %s\n", err);
        return 2;
    }
    const char *dir = vfs_user_dir(); /* ends in '/' */
    if (!dir[0]) {
        fprintf(stderr, "kill_saves: no user data folder\n");
        vfs_quit();
        return 2;
    }
    report_files(dir);

    bool any = exists_in(dir, main_file[SETTINGS]) || exists_in(dir, bak_file[SETTINGS]);
    Settings s;
    bool ok = saves_load_settings(&s, msg, sizeof msg);
    report_loaded("settings", any, ok, msg, settings_count(&s));

    static Progress p;
    any = exists_in(dir, main_file[PROGRESS]) || exists_in(dir, bak_file[PROGRESS]);
    ok = saves_load_progress(&p, msg, sizeof msg);
    long n = progress_count(&p);
    report_loaded("progress", any, ok, msg, n);
    printf("start %ld\n", n);
    fflush(stdout);

    int status = 0;
    while (run) {
        n++;
        if (n > KILL_MAX_COUNT) {
            fprintf(stderr, "kill_saves: the counter ran past %ld\n", KILL_MAX_COUNT);
            status = 1;
            break;
        }
        s = settings_for(n);
        if (!saves_store_settings(&s, err, sizeof err)) {
            fprintf(stderr, "kill_saves: %s\n", err);
            status = 1;
            break;
        }
        printf("settings %ld\n", n);
        fflush(stdout);
        if (!progress_add_play(&p, n) || progress_count(&p) != n) {
            fprintf(stderr, "kill_saves: cannot count play %ld\n", n);
            status = 1;
            break;
        }
        if (!saves_store_progress(&p, err, sizeof err)) {
            fprintf(stderr, "kill_saves: %s\n", err);
            status = 1;
            break;
        }
        printf("progress %ld\n", n);
        fflush(stdout);
    }
    vfs_quit();
    return status;
}

/* ---- the parent: kill, and check what is left -------------------------------------- */

static uint64_t rng_state;

static uint64_t next_random(void)
{
    uint64_t z = (rng_state += 0x9E3779B97F4A7C15ull); /* splitmix64 */
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

typedef struct {
    char *text;
    size_t len, cap;
} Buf;

/* One read into b; false at the end. */
static bool read_more(int fd, Buf *b)
{
    if (b->len + 4097 > b->cap) {
        size_t cap = b->cap ? b->cap * 2 : 8192;
        char *t = realloc(b->text, cap);
        if (!t)
            return false;
        b->text = t;
        b->cap = cap;
    }
    ssize_t got;
    do
        got = read(fd, b->text + b->len, 4096);
    while (got < 0 && errno == EINTR);
    if (got <= 0)
        return false;
    b->len += (size_t)got;
    b->text[b->len] = '\0';
    return true;
}

/* Where the line after "start N" begins: the end of the start-up report. */
static size_t report_end(const Buf *b)
{
    for (const char *line = b->text; line && *line;) {
        const char *nl = strchr(line, '\n');
        if (!nl)
            break;
        if (strncmp(line, "start ", 6) == 0)
            return (size_t)(nl + 1 - b->text);
        line = nl + 1;
    }
    return b->len;
}

/* The complete "settings N" / "progress N" lines from `from` on; each
 * counter seen raises durable[]. */
static int saves_in(const char *from, long durable[KINDS])
{
    int n = 0;
    for (const char *line = from; *line;) {
        const char *nl = strchr(line, '\n');
        if (!nl)
            break; /* a line cut off by the kill says nothing */
        for (int k = 0; k < KINDS; k++) {
            size_t len = strlen(kind_name[k]);
            if (strncmp(line, kind_name[k], len) == 0 && line[len] == ' ') {
                long v = strtol(line + len + 1, NULL, 10);
                if (durable && v > durable[k])
                    durable[k] = v;
                n++;
            }
        }
        line = nl + 1;
    }
    return n;
}

/* Read from fd into b until a line starts with `until`, or to the end
 * (until NULL). Returns whether the line came. */
static bool read_until(int fd, Buf *b, const char *until)
{
    for (;;) {
        for (const char *line = b->text; until && line && *line;) {
            const char *nl = strchr(line, '\n');
            if (!nl)
                break;
            if (strncmp(line, until, strlen(until)) == 0)
                return true;
            line = nl + 1;
        }
        if (!read_more(fd, b))
            return false;
    }
}

typedef struct {
    bool present, ok;
    long value;
} Fact;

typedef struct {
    Fact main[KINDS], bak[KINDS];
    bool loaded_seen[KINDS], loaded_none[KINDS], loaded_clean[KINDS];
    long loaded[KINDS];
    char problem[800]; /* the first file found damaged or set aside */
    bool tmp, started;
} Report;

static void parse_report(const char *text, Report *r)
{
    memset(r, 0, sizeof *r);
    for (const char *line = text; *line;) {
        const char *nl = strchr(line, '\n');
        size_t n = nl ? (size_t)(nl - line) : strlen(line);
        char buf[1200];
        snprintf(buf, sizeof buf, "%.*s", (int)(n < sizeof buf - 1 ? n : sizeof buf - 1), line);
        char name[600], state[32];
        long v = 0;
        if (sscanf(buf, "file %599s %31s", name, state) == 2) {
            if (strstr(name, ".corrupt-") && !r->problem[0])
                snprintf(r->problem, sizeof r->problem, "%s: a file was set aside as damaged", name);
            if (strcmp(state, "bad") == 0 && !r->problem[0])
                snprintf(r->problem, sizeof r->problem, "%.700s", buf);
            size_t len = strlen(name);
            r->tmp |= len > 4 && strcmp(name + len - 4, ".tmp") == 0;
            for (int k = 0; k < KINDS; k++) {
                Fact *f = strcmp(name, main_file[k]) == 0  ? &r->main[k]
                          : strcmp(name, bak_file[k]) == 0 ? &r->bak[k]
                                                           : NULL;
                if (f) {
                    f->present = true;
                    f->ok = sscanf(buf, "file %*s ok %ld", &v) == 1;
                    f->value = v;
                }
            }
        } else if (sscanf(buf, "loaded %599s", name) == 1) {
            for (int k = 0; k < KINDS; k++) {
                if (strcmp(name, kind_name[k]) != 0)
                    continue;
                char rest[900] = "";
                r->loaded_seen[k] = true;
                r->loaded_none[k] = sscanf(buf, "loaded %*s %899s", rest) == 1 && strcmp(rest, "none") == 0;
                if (sscanf(buf, "loaded %*s %ld %899[^\n]", &v, rest) == 2) {
                    r->loaded[k] = v;
                    r->loaded_clean[k] = strcmp(rest, "clean") == 0;
                }
            }
        } else if (strncmp(buf, "start ", 6) == 0) {
            r->started = true;
        }
        line += n + (nl ? 1 : 0);
    }
}

/* Does what a child found keep every promise? durable[k] is the last
 * counter known saved; it moves up to what the child found. */
static bool check_report(const char *text, long durable[KINDS], long *tmp_starts, long landed[KINDS], char *why,
                         size_t whysize)
{
    Report r;
    parse_report(text, &r);
    if (!r.started) {
        snprintf(why, whysize, "the saving process did not start");
        return false;
    }
    if (r.problem[0]) {
        snprintf(why, whysize, "%s", r.problem);
        return false;
    }
    *tmp_starts += r.tmp;
    for (int k = 0; k < KINDS; k++) {
        long n = durable[k];
        const Fact *m = &r.main[k], *b = &r.bak[k];
        if (!m->present && n >= 1) {
            snprintf(why, whysize, "%s is missing, but save %ld had returned", main_file[k], n);
            return false;
        }
        if (m->present && (m->value < n || m->value > n + 1)) {
            snprintf(why, whysize, "%s holds %ld; the last save that returned was %ld", main_file[k], m->value, n);
            return false;
        }
        landed[k] += m->present && m->value == n + 1;
        if (b->present && (!m->present || b->value > m->value || b->value < n - 1)) {
            snprintf(why, whysize, "%s holds %ld and %s %ld; the last save that returned was %ld", bak_file[k],
                     b->value, main_file[k], m->present ? m->value : -1L, n);
            return false;
        }
        if (!b->present && n >= 2) {
            snprintf(why, whysize, "%s is missing after %ld saves", bak_file[k], n);
            return false;
        }
        if (!r.loaded_seen[k] || (m->present ? !r.loaded_clean[k] || r.loaded[k] != m->value : !r.loaded_none[k])) {
            snprintf(why, whysize, "loading %s (%s) did not give it back cleanly: see the report", main_file[k],
                     m->present ? "present" : "missing");
            return false;
        }
        /* A save that landed unreported is what the game now starts from:
         * from here on, losing it is losing progress too. */
        if (m->present && m->value > n)
            durable[k] = m->value;
    }
    return true;
}

/* Remove dir and everything in it. */
static void remove_tree(const char *dir)
{
    DIR *d = opendir(dir);
    for (struct dirent *e; d && (e = readdir(d));) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        char p[2200];
        struct stat st;
        snprintf(p, sizeof p, "%s/%s", dir, e->d_name);
        if (lstat(p, &st) == 0 && S_ISDIR(st.st_mode))
            remove_tree(p);
        else
            remove(p);
    }
    if (d)
        closedir(d);
    rmdir(dir);
}

/* Fork a child that reports and (when run) saves; its output comes on *fd. */
static pid_t spawn(const char *argv0, bool run, int *fd)
{
    int p[2];
    if (pipe(p) != 0)
        return -1;
    fflush(stdout);
    fflush(stderr);
    pid_t pid = fork();
    if (pid == 0) {
        close(p[0]);
        dup2(p[1], STDOUT_FILENO);
        close(p[1]);
        int status = child(argv0, run);
        fflush(stdout);
        exit(status);
    }
    close(p[1]);
    *fd = p[0];
    if (pid < 0)
        close(p[0]);
    return pid;
}

static double now_s(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: kill_saves WORK_DIR [--kills N] [--seed S]\n");
        return 2;
    }
    const char *work = argv[1];
    long kills = 200;
    uint64_t seed = 0;
    bool seeded = false;
    for (int i = 2; i + 1 < argc; i += 2) {
        if (strcmp(argv[i], "--kills") == 0)
            kills = strtol(argv[i + 1], NULL, 10);
        else if (strcmp(argv[i], "--seed") == 0) {
            seed = strtoull(argv[i + 1], NULL, 10);
            seeded = true;
        } else {
            fprintf(stderr, "kill_saves: unknown option %s\n", argv[i]);
            return 2;
        }
    }
    if (argc % 2 != 0 || kills < 1) {
        fprintf(stderr, "usage: kill_saves WORK_DIR [--kills N] [--seed S]\n");
        return 2;
    }
    if (!seeded) {
        struct timespec t;
        clock_gettime(CLOCK_REALTIME, &t);
        seed = ((uint64_t)t.tv_sec * 1000003u ^ (uint64_t)t.tv_nsec) % 1000000000000ull;
    }
    rng_state = seed;
    printf("kill_saves: seed %" PRIu64 ", %ld kills (repeat with: kill_saves %s --kills %ld --seed %" PRIu64 ")\n",
           seed, kills, work, kills, seed);

    /* The user folder PhysicsFS picks: $XDG_DATA_HOME/unsaid/, emptied. */
    char user[1200];
    snprintf(user, sizeof user, "%s/unsaid", work);
    remove_tree(user);
    mkdir(work, 0755);
    setenv("XDG_DATA_HOME", work, 1);

    long durable[KINDS] = {0, 0}, landed[KINDS] = {0, 0}, tmp_starts = 0;
    double t0 = now_s();
    char why[1200] = "";
    Buf out = {0};
    long done = 0;      /* kills so far */
    double save_s = 0;  /* how long one save takes here, lately */
    double save_total = 0;
    long save_count = 0;
    bool ok = true;
    for (long i = 0; i <= kills && ok; i++) {
        bool last = i == kills; /* a last start that only reports */
        int fd;
        pid_t pid = spawn(argv[0], !last, &fd);
        if (pid < 0) {
            snprintf(why, sizeof why, "cannot start a process: %s", strerror(errno));
            ok = false;
            break;
        }
        out.len = 0;
        if (out.text)
            out.text[0] = '\0';
        /* The start-up report ends with "start N"; then it saves. */
        bool started = read_until(fd, &out, "start ");
        size_t report_len = report_end(&out);
        ok = started && check_report(out.text, durable, &tmp_starts, landed, why, sizeof why);
        if (!started)
            snprintf(why, sizeof why, "the saving process did not start");
        if (!last && started) {
            /* Let 0 to 3 saves through, then kill at a random moment of the
             * next one (however long saves take on this disk). */
            int pass = (int)(next_random() % 4);
            double frac = (double)(next_random() % 1000000u) / 1e6, t = now_s();
            int seen = saves_in(out.text + report_len, NULL);
            while (seen < pass && read_more(fd, &out)) {
                int now_seen = saves_in(out.text + report_len, NULL);
                if (now_seen > seen) {
                    double each = (now_s() - t) / (now_seen - seen);
                    save_s = save_s > 0 ? 0.8 * save_s + 0.2 * each : each;
                    save_total += each * (now_seen - seen);
                    save_count += now_seen - seen;
                    t = now_s();
                    seen = now_seen;
                }
            }
            long ns = (long)(frac * 1.25 * (save_s > 0 ? save_s : 0.005) * 1e9);
            struct timespec d = {ns / 1000000000L, ns % 1000000000L};
            nanosleep(&d, NULL);
        }
        if (!last)
            kill(pid, SIGKILL);
        int status = 0;
        waitpid(pid, &status, 0);
        read_until(fd, &out, NULL);
        close(fd);
        if (ok && !last && !(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL)) {
            snprintf(why, sizeof why, "the saving process stopped by itself (status %d)", status);
            ok = false;
        }
        done += ok && !last;
        if (ok && last && !(WIFEXITED(status) && WEXITSTATUS(status) == 0)) {
            snprintf(why, sizeof why, "the last start failed (status %d)", status);
            ok = false;
        }
        /* The counters of the saves that returned. */
        saves_in(out.text ? out.text + report_len : "", durable);
        if (!ok)
            fprintf(stderr, "kill_saves: what the start found:\n%.*s", (int)report_len, out.text ? out.text : "");
    }
    free(out.text);
    double secs = now_s() - t0;
    if (!ok) {
        fprintf(stderr,
                "kill_saves: FAILED after %ld kills (settings %ld, progress %ld saved): %s\n"
                "kill_saves: repeat with: kill_saves %s --kills %ld --seed %" PRIu64 "\n",
                done, durable[SETTINGS], durable[PROGRESS], why, work, kills, seed);
        return 1;
    }
    printf("kill_saves: %ld kills in %.1f s, no save lost or damaged; %ld settings and %ld progress saves "
           "(%.1f ms each); starts that found a .tmp left by a cut-off save: %ld; kills after a save landed but "
           "before it was reported: settings %ld, progress %ld\n",
           kills, secs, durable[SETTINGS], durable[PROGRESS], save_count ? save_total / save_count * 1e3 : 0.0,
           tmp_starts, landed[SETTINGS], landed[PROGRESS]);
    return 0;
}
