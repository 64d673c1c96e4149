/* Settings and progress on disk: the previous file kept as the backup, a
 * damaged file moved aside instead of overwritten, the backup loaded in
 * its place and never pushed out by a bad file, and the same through
 * PhysicsFS's user folder (XDG_DATA_HOME). Works in a throw-away folder.
 *
 * usage: test_saves WORK_DIR */
#include "check.h"
#include "saves.h"
#include "slurp.h"
#include "vfs.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static char work[1024];

/* Remove everything inside dir (not dir itself). */
static void clear(const char *dir)
{
    DIR *d = opendir(dir);
    for (struct dirent *e; d && (e = readdir(d));) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        char p[2200];
        struct stat st;
        snprintf(p, sizeof p, "%s/%s", dir, e->d_name);
        if (lstat(p, &st) == 0 && S_ISDIR(st.st_mode)) {
            clear(p);
            rmdir(p);
        } else {
            remove(p);
        }
    }
    if (d)
        closedir(d);
}

/* An empty folder WORK_DIR/name; its path goes to out. */
static const char *fresh(const char *name, char *out, size_t size)
{
    snprintf(out, size, "%s/%s", work, name);
    mkdir(work, 0755);
    mkdir(out, 0755);
    clear(out);
    return out;
}

static void put(const char *dir, const char *name, const char *text, size_t len)
{
    char p[2200];
    snprintf(p, sizeof p, "%s/%s", dir, name);
    FILE *f = fopen(p, "wb");
    CHECK(f != NULL);
    if (f) {
        CHECK(fwrite(text, 1, len, f) == len);
        fclose(f);
    }
}

static void put_str(const char *dir, const char *name, const char *text)
{
    put(dir, name, text, strlen(text));
}

/* The file's text, or "(missing)"; valid until the next call. */
static const char *get(const char *dir, const char *name)
{
    static char *last;
    free(last);
    char p[2200];
    snprintf(p, sizeof p, "%s/%s", dir, name);
    size_t len;
    last = slurp(p, &len);
    return last ? last : "(missing)";
}

static bool exists(const char *dir, const char *name)
{
    char p[2200];
    struct stat st;
    snprintf(p, sizeof p, "%s/%s", dir, name);
    return stat(p, &st) == 0;
}

static int count_files(const char *dir)
{
    int n = 0;
    DIR *d = opendir(dir);
    for (struct dirent *e; d && (e = readdir(d));)
        n += e->d_name[0] != '.';
    if (d)
        closedir(d);
    return n;
}

static Settings with_volume(int v)
{
    Settings s = settings_default();
    s.master_volume = v;
    return s;
}

/* The text settings_format gives, to compare files with. */
static char *text_of(int volume)
{
    Settings s = with_volume(volume);
    return settings_format(&s, NULL);
}

static void first_start(void)
{
    char dir[1100], msg[2048];
    fresh("first_start", dir, sizeof dir);
    Settings s = with_volume(3);
    CHECK(saves_load_settings_in(dir, &s, msg, sizeof msg));
    CHECK_STR(msg, "");
    Settings def = settings_default();
    CHECK(settings_equal(&s, &def));
    static Progress p;
    progress_get(&p, "base", "leftover");
    CHECK(saves_load_progress_in(dir, &p, msg, sizeof msg));
    CHECK_STR(msg, "");
    CHECK_INT(p.count, 0);
    CHECK_INT(count_files(dir), 0); /* loading writes nothing */
}

static void backup_follows(void)
{
    char dir[1100], err[512];
    fresh("backup_follows", dir, sizeof dir);
    char *t1 = text_of(10), *t2 = text_of(20), *t3 = text_of(30);
    Settings s1 = with_volume(10), s2 = with_volume(20), s3 = with_volume(30);
    CHECK(saves_store_settings_in(dir, &s1, err, sizeof err));
    CHECK_STR(get(dir, "settings.txt"), t1);
    CHECK(!exists(dir, "settings.txt.bak"));
    CHECK(saves_store_settings_in(dir, &s2, err, sizeof err));
    CHECK_STR(get(dir, "settings.txt"), t2);
    CHECK_STR(get(dir, "settings.txt.bak"), t1);
    CHECK(saves_store_settings_in(dir, &s3, err, sizeof err));
    CHECK_STR(get(dir, "settings.txt"), t3);
    CHECK_STR(get(dir, "settings.txt.bak"), t2);
    CHECK_INT(count_files(dir), 2); /* no .tmp left behind */

    /* A temp file left by a crash does not get in the way. */
    put_str(dir, "settings.txt.tmp", "half a fi");
    CHECK(saves_store_settings_in(dir, &s1, err, sizeof err));
    CHECK_STR(get(dir, "settings.txt"), t1);
    CHECK(!exists(dir, "settings.txt.tmp"));
    free(t1);
    free(t2);
    free(t3);
}

static void damaged_main(void)
{
    char dir[1100], err[512], msg[2048];
    fresh("damaged_main", dir, sizeof dir);
    Settings s1 = with_volume(10), s2 = with_volume(20), s3 = with_volume(30), got;
    char *t1 = text_of(10), *t3 = text_of(30);
    saves_store_settings_in(dir, &s1, err, sizeof err);
    saves_store_settings_in(dir, &s2, err, sizeof err);
    static const char garbage[] = "format = 1\nfullscreen = maybe\n";
    put_str(dir, "settings.txt", garbage);

    CHECK(!saves_load_settings_in(dir, &got, msg, sizeof msg));
    char want[2048];
    snprintf(want, sizeof want,
             "settings.txt:2:14: error: expected yes or no for 'fullscreen', found 'maybe'\n"
             "settings.txt:3:1: error: the file ends before 'end = settings': it was cut short or damaged\n"
             "The damaged file was kept as settings.txt.corrupt-1 in %s.\n"
             "The backup settings.txt.bak (the save before) was loaded instead.\n",
             dir);
    CHECK_STR(msg, want);
    CHECK(settings_equal(&got, &s1));
    CHECK_STR(get(dir, "settings.txt.corrupt-1"), garbage); /* kept byte for byte */
    CHECK(!exists(dir, "settings.txt"));

    /* Saving now must not push out the backup: it is the only good copy. */
    CHECK(saves_store_settings_in(dir, &s3, err, sizeof err));
    CHECK_STR(get(dir, "settings.txt"), t3);
    CHECK_STR(get(dir, "settings.txt.bak"), t1);
    CHECK(saves_load_settings_in(dir, &got, msg, sizeof msg));
    CHECK_STR(msg, "");
    CHECK(settings_equal(&got, &s3));

    /* A second damaged file gets the next number; the first stays. */
    put_str(dir, "settings.txt", "\x7f\x45LF");
    CHECK(!saves_load_settings_in(dir, &got, msg, sizeof msg));
    CHECK(strstr(msg, "settings.txt:1:1: error: unexpected byte 0x7F: the file is damaged\n") != NULL);
    CHECK(strstr(msg, "kept as settings.txt.corrupt-2 in") != NULL);
    CHECK_STR(get(dir, "settings.txt.corrupt-1"), garbage);
    CHECK(settings_equal(&got, &s1));
    free(t1);
    free(t3);
}

static void only_backup(void)
{
    char dir[1100], msg[2048];
    fresh("only_backup", dir, sizeof dir);
    char *t = text_of(42);
    put_str(dir, "settings.txt.bak", t); /* a save interrupted between its renames */
    Settings got;
    CHECK(!saves_load_settings_in(dir, &got, msg, sizeof msg));
    CHECK_STR(msg, "settings.txt was missing; its backup settings.txt.bak was loaded instead.\n");
    CHECK_INT(got.master_volume, 42);
    CHECK_STR(get(dir, "settings.txt.bak"), t);
    free(t);
}

static void both_damaged(void)
{
    char dir[1100], msg[2048];
    fresh("both_damaged", dir, sizeof dir);
    put_str(dir, "settings.txt", "fullscreen = yes\n");
    put_str(dir, "settings.txt.bak", "");
    Settings got = with_volume(7), def = settings_default();
    CHECK(!saves_load_settings_in(dir, &got, msg, sizeof msg));
    CHECK(settings_equal(&got, &def));
    char want[4096];
    snprintf(want, sizeof want,
             "settings.txt:1:1: error: expected 'format = 1' as the first key of a settings file\n"
             "The damaged file was kept as settings.txt.corrupt-1 in %s.\n"
             "settings.txt.bak:1:1: error: the file is empty or holds only comments (expected 'format = 1' first)\n"
             "The damaged file was kept as settings.txt.bak.corrupt-1 in %s.\n"
             "settings.txt.bak could not be used either; starting from the defaults.\n",
             dir, dir);
    CHECK_STR(msg, want);
    CHECK_STR(get(dir, "settings.txt.corrupt-1"), "fullscreen = yes\n");
    CHECK_STR(get(dir, "settings.txt.bak.corrupt-1"), "");
    CHECK_INT(count_files(dir), 2);
}

/* The file goes bad while the game runs (an editor, a disk): saving moves
 * it aside rather than turning it into the backup. */
static void damaged_before_store(void)
{
    char dir[1100], err[512];
    fresh("damaged_before_store", dir, sizeof dir);
    Settings s1 = with_volume(10), s2 = with_volume(20), s3 = with_volume(30);
    char *t1 = text_of(10), *t3 = text_of(30);
    saves_store_settings_in(dir, &s1, err, sizeof err);
    saves_store_settings_in(dir, &s2, err, sizeof err);
    put_str(dir, "settings.txt", "format = 1\nmaster_volume = 2");
    CHECK(saves_store_settings_in(dir, &s3, err, sizeof err));
    CHECK_STR(get(dir, "settings.txt"), t3);
    CHECK_STR(get(dir, "settings.txt.bak"), t1);
    CHECK_STR(get(dir, "settings.txt.corrupt-1"), "format = 1\nmaster_volume = 2");
    free(t1);
    free(t3);
}

static void progress_cut_short(void)
{
    char dir[1100], err[512], msg[2048];
    fresh("progress_cut_short", dir, sizeof dir);
    static Progress p, got;
    progress_init(&p);
    PlayResult r = {.completed = true, .stars = 2, .score = 300};
    progress_record(&p, "base", "im_fine", &r);
    CHECK(saves_store_progress_in(dir, &p, err, sizeof err));
    r.stars = 3;
    r.score = 500;
    progress_record(&p, "base", "im_fine", &r);
    progress_record(&p, "base", "the_call", &r);
    CHECK(saves_store_progress_in(dir, &p, err, sizeof err));
    CHECK(saves_load_progress_in(dir, &got, msg, sizeof msg));
    CHECK_INT(got.count, 2);

    /* Cut the file in the middle of its last scene line. */
    const char *full = get(dir, "progress.txt");
    const char *last = strstr(full, "scene = the_call");
    CHECK(last != NULL);
    size_t cut = last ? (size_t)(last - full) + 20 : 10;
    char *part = malloc(cut);
    memcpy(part, full, cut);
    put(dir, "progress.txt", part, cut);
    CHECK(!saves_load_progress_in(dir, &got, msg, sizeof msg));
    CHECK(strstr(msg, "error: the file ends before 'end = progress': it was cut short or damaged\n") != NULL);
    CHECK(strstr(msg, "The backup progress.txt.bak (the save before) was loaded instead.\n") != NULL);
    CHECK_INT(got.count, 1);
    CHECK_INT(got.scenes[0].at[DIFFICULTY_STANDARD].stars, 2);
    char kept[2200];
    snprintf(kept, sizeof kept, "%s/progress.txt.corrupt-1", dir);
    size_t klen = 0;
    char *k = slurp(kept, &klen);
    CHECK(k && klen == cut && memcmp(k, part, cut) == 0);
    free(k);
    free(part);

    /* Far too large is damaged too. */
    size_t big = SAVE_MAX_FILE + 10;
    char *huge = malloc(big);
    memset(huge, '#', big);
    put(dir, "progress.txt", huge, big);
    free(huge);
    CHECK(!saves_load_progress_in(dir, &got, msg, sizeof msg));
    CHECK(strstr(msg, "progress.txt: error: cannot read it: it is larger than 1024 KiB\n") != NULL);
    CHECK(exists(dir, "progress.txt.corrupt-2"));
}

static void no_folder(void)
{
    char msg[512], err[512];
    Settings s;
    CHECK(!saves_load_settings_in("", &s, msg, sizeof msg));
    CHECK_STR(msg, "There is no user data folder: settings.txt cannot be loaded or saved.\n");
    CHECK(!saves_store_settings_in("", &s, err, sizeof err));
    char gone[1100];
    snprintf(gone, sizeof gone, "%s/no/such/folder", work);
    CHECK(!saves_store_settings_in(gone, &s, err, sizeof err));
    CHECK(strstr(err, "cannot save") != NULL);
    CHECK(!vfs_write_atomic_in(work, "../escape.txt", "x", 1, err, sizeof err));
    CHECK(!vfs_write_atomic_in(work, ".hidden", "x", 1, err, sizeof err));
    CHECK(!vfs_write_atomic_in(work, "", "x", 1, err, sizeof err));
}

/* Through PhysicsFS: the user folder is $XDG_DATA_HOME/unsaid/ on Linux. */
static void user_folder(const char *argv0)
{
    char xdg[1100], err[512], msg[2048];
    fresh("xdg", xdg, sizeof xdg);
    setenv("XDG_DATA_HOME", xdg, 1);
    CHECK(vfs_init(argv0, err, sizeof err));
    char want[1200];
    snprintf(want, sizeof want, "%s/unsaid/", xdg);
    CHECK_STR(vfs_user_dir(), want);
    char user[1200];
    snprintf(user, sizeof user, "%s/unsaid", xdg);

    Settings s = with_volume(55), got;
    CHECK(saves_store_settings(&s, err, sizeof err));
    CHECK(saves_load_settings(&got, msg, sizeof msg));
    CHECK_STR(msg, "");
    CHECK_INT(got.master_volume, 55);
    CHECK(exists(user, "settings.txt"));

    static Progress p;
    progress_init(&p);
    PlayResult r = {.completed = true, .stars = 1, .score = 100};
    progress_record(&p, "base", "im_fine", &r);
    CHECK(saves_store_progress(&p, err, sizeof err));
    CHECK(saves_store_progress(&p, err, sizeof err));
    CHECK(exists(user, "progress.txt.bak"));
    static Progress back;
    CHECK(saves_load_progress(&back, msg, sizeof msg));
    CHECK_INT(back.count, 1);

    /* The Packs screen's choice goes through the same writer. */
    CHECK(vfs_set_pack_disabled("packs/feelings", true, err, sizeof err));
    CHECK_STR(get(user, "disabled-packs.txt"),
              "# Level packs turned off in the Packs screen, one per line.\npacks/feelings\n");
    CHECK(vfs_set_pack_disabled("packs/other.zip", true, err, sizeof err));
    CHECK(vfs_set_pack_disabled("packs/feelings", false, err, sizeof err));
    CHECK_STR(get(user, "disabled-packs.txt"),
              "# Level packs turned off in the Packs screen, one per line.\npacks/other.zip\n");
    CHECK(vfs_write_atomic("notes.txt", "hello\n", 6, err, sizeof err));
    CHECK_STR(get(user, "notes.txt"), "hello\n");
    CHECK(!exists(user, "notes.txt.tmp"));

    /* Live reload: the stamp of the packs' files moves when one is saved,
     * even with the same size within the same second, and only then. */
    char scenes[1300];
    snprintf(scenes, sizeof scenes, "%s/packs", user);
    mkdir(scenes, 0755);
    snprintf(scenes, sizeof scenes, "%s/packs/mine", user);
    mkdir(scenes, 0755);
    snprintf(scenes, sizeof scenes, "%s/packs/mine/scenes", user);
    CHECK(mkdir(scenes, 0755) == 0);
    put(scenes, "a.yaml", "id: a\n", 6);
    uint64_t s1 = vfs_packs_stamp();
    CHECK(vfs_packs_stamp() == s1);
    CHECK(vfs_write_atomic("notes.txt", "other\n", 6, err, sizeof err)); /* not in packs/ */
    CHECK(vfs_packs_stamp() == s1);
    struct timespec pause = {0, 20 * 1000 * 1000};
    nanosleep(&pause, NULL);
    put(scenes, "a.yaml", "id: b\n", 6); /* the same size */
    uint64_t s2 = vfs_packs_stamp();
    CHECK(s2 != s1);
    put(scenes, "b.yaml", "id: c\n", 6);
    CHECK(vfs_packs_stamp() != s2);
    vfs_quit();
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: test_saves WORK_DIR\n");
        return 2;
    }
    snprintf(work, sizeof work, "%s", argv[1]);
    first_start();
    backup_follows();
    damaged_main();
    only_backup();
    both_damaged();
    damaged_before_store();
    progress_cut_short();
    no_folder();
    user_folder(argv[0]);
    return check_done("test_saves");
}
