/* Settings and progress files: the defaults, writing then reading gives
 * back the same, what is warned about and what is refused (with exact
 * line:col), clamping, and how a scene's record improves over plays.
 * Every file in tests/data/saves must give exactly the messages in its
 * .expected file (one with "error:" in it must be refused).
 *
 * usage: test_save SOURCE_DIR */
#include "check.h"
#include "persist.h"
#include "slurp.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* All diagnostics as text, for exact comparisons. */
static const char *diags_text(const DiagList *d)
{
    static char buf[8192];
    diag_format_all(d, buf, sizeof buf);
    return buf;
}

static bool parse_settings(const char *text, Settings *s, DiagList *d)
{
    return settings_parse(s, "settings.txt", text, strlen(text), d);
}

static bool parse_progress(const char *text, Progress *p, DiagList *d)
{
    return progress_parse(p, "progress.txt", text, strlen(text), d);
}

static void defaults(void)
{
    Settings s = settings_default();
    CHECK(!s.fullscreen);
    CHECK_INT(s.window_width, 0);
    CHECK_INT(s.window_height, 0);
    CHECK_INT(s.master_volume, 100);
    CHECK_INT(s.music_volume, 80);
    CHECK_INT(s.effects_volume, 100);
    CHECK_INT(s.text_size, TEXT_SIZE_NORMAL);
    CHECK_INT(s.text_speed, TEXT_SPEED_NORMAL);
    CHECK(!s.reduced_motion);
    CHECK(!s.high_contrast);
    CHECK(!s.hints);
    CHECK_STR(settings_text_size_name(TEXT_SIZE_PROJECTOR), "projector");
    CHECK_STR(settings_text_speed_name(TEXT_SPEED_INSTANT), "instant");
    CHECK_STR(settings_text_speed_name((TextSpeed)9), "?");

    /* A file with only the frame gives the defaults, without a word. */
    DiagList d = {0};
    Settings t;
    CHECK(parse_settings("format = 1\nend = settings\n", &t, &d));
    CHECK_INT(d.count, 0);
    CHECK(settings_equal(&s, &t));
    diag_free(&d);

    static Progress p;
    progress_init(&p);
    CHECK_INT(p.count, 0);
    CHECK(progress_find(&p, "im_fine") == NULL);
}

static void settings_round_trip(void)
{
    Settings s = settings_default();
    s.fullscreen = true;
    s.window_width = 1920;
    s.window_height = 1080;
    s.master_volume = 0;
    s.music_volume = 35;
    s.effects_volume = 100;
    s.text_size = TEXT_SIZE_PROJECTOR;
    s.text_speed = TEXT_SPEED_INSTANT;
    s.reduced_motion = true;
    s.high_contrast = true;
    s.hints = true;
    size_t len;
    char *text = settings_format(&s, &len);
    CHECK(text != NULL);
    if (!text)
        return;
    CHECK_INT(strlen(text), len);
    CHECK(strstr(text, "\nformat = 1\n") != NULL);
    CHECK(strstr(text, "\ntext_size = projector ") != NULL);
    CHECK(strstr(text, "\nfullscreen = yes ") != NULL);
    CHECK(len > 15 && strcmp(text + len - 15, "end = settings\n") == 0);
    DiagList d = {0};
    Settings back;
    CHECK(settings_parse(&back, "settings.txt", text, len, &d));
    CHECK_INT(d.count, 0);
    CHECK(settings_equal(&s, &back));
    CHECK_INT(back.music_volume, 35);
    CHECK_INT(back.text_speed, TEXT_SPEED_INSTANT);
    /* Writing what was read gives the same bytes. */
    char *again = settings_format(&back, NULL);
    CHECK_STR(again, text);
    free(again);
    free(text);
    diag_free(&d);

    /* Every setting differs from the default in some way settings_equal sees. */
    Settings a = settings_default(), b = settings_default();
    b.hints = true;
    CHECK(!settings_equal(&a, &b));
}

static PlayResult play(bool completed, int stars, int score, int eyes_hits, int eyes_signals, int hand_fas)
{
    PlayResult r = {.completed = completed, .stars = stars, .score = score};
    r.tally.region[REGION_EYES] = (TallyCounts){.signals = eyes_signals, .hits = eyes_hits, .noise = 4, .false_alarms = 0};
    r.tally.region[REGION_HANDS] = (TallyCounts){.signals = 1, .hits = 1, .noise = 3, .false_alarms = hand_fas};
    r.tally.region[REGION_VOICE] = (TallyCounts){.signals = 0, .hits = 0, .noise = 5, .false_alarms = 0};
    return r;
}

static void progress_round_trip(void)
{
    static Progress p, back;
    progress_init(&p);
    PlayResult a = play(true, 3, 500, 2, 2, 0);
    PlayResult b = play(false, 0, -150, 0, 2, 3);
    CHECK(progress_record(&p, "base", "im_fine", &a) != NULL);
    CHECK(progress_record(&p, "base", "the_call", &b) != NULL);
    CHECK(progress_record(&p, "feelings-2", "x", &b) != NULL);
    CHECK(progress_get(&p, "", "never_played") != NULL); /* a record with no pack and no plays */
    CHECK_INT(p.count, 4);
    size_t len;
    char *text = progress_format(&p, &len);
    CHECK(text != NULL);
    if (!text)
        return;
    CHECK(strstr(text, "\nscene = im_fine pack=base done=yes stars=3 score=500 plays=1 best.eyes=2/2,0/4 "
                       "best.hands=1/1,0/3 best.voice=0/0,0/5 last.eyes=2/2,0/4 last.hands=1/1,0/3 "
                       "last.voice=0/0,0/5\n") != NULL);
    CHECK(strstr(text, "\nscene = never_played done=no stars=0 score=0 plays=0\n") != NULL);
    DiagList d = {0};
    CHECK(progress_parse(&back, "progress.txt", text, len, &d));
    CHECK_INT(d.count, 0);
    CHECK_INT(back.count, 4);
    for (int i = 0; i < p.count && i < back.count; i++) {
        const SceneRecord *x = &p.scenes[i], *y = &back.scenes[i];
        CHECK_STR(y->scene, x->scene);
        CHECK_STR(y->pack, x->pack);
        CHECK_INT(y->done, x->done);
        CHECK_INT(y->plays, x->plays);
        for (int k = 0; k < DIFFICULTY_COUNT; k++) {
            CHECK_INT(y->at[k].stars, x->at[k].stars);
            CHECK_INT(y->at[k].score, x->at[k].score);
            CHECK(memcmp(&y->at[k].best, &x->at[k].best, sizeof x->at[k].best) == 0);
        }
        CHECK(memcmp(&y->last, &x->last, sizeof x->last) == 0);
    }
    CHECK_INT(back.scenes[1].at[DIFFICULTY_STANDARD].score, -150);
    CHECK_INT(back.scenes[1].last.region[REGION_HANDS].false_alarms, 3);
    char *again = progress_format(&back, NULL);
    CHECK_STR(again, text);
    free(again);

    /* Cut short anywhere, the file is refused: only the final newline may go. */
    int refused = 0;
    for (size_t cut = 0; cut + 1 < len; cut++) {
        DiagList dc = {0};
        static Progress part;
        bool ok = progress_parse(&part, "progress.txt", text, cut, &dc);
        if (!ok && dc.errors > 0 && part.count == 0)
            refused++;
        else
            fprintf(stderr, "progress cut at byte %zu of %zu was accepted\n", cut, len);
        diag_free(&dc);
    }
    CHECK_INT(refused, len - 1);
    DiagList dn = {0};
    CHECK(progress_parse(&back, "progress.txt", text, len - 1, &dn));
    diag_free(&dn);

    /* The same for settings. */
    Settings s = settings_default();
    size_t slen;
    char *stext = settings_format(&s, &slen);
    int srefused = 0;
    for (size_t cut = 0; stext && cut + 1 < slen; cut++) {
        DiagList dc = {0};
        Settings part;
        if (!settings_parse(&part, "settings.txt", stext, cut, &dc) && dc.errors > 0)
            srefused++;
        diag_free(&dc);
    }
    CHECK_INT(srefused, slen - 1);
    free(stext);
    free(text);
    diag_free(&d);
}

static void unknown_keys_warn(void)
{
    DiagList d = {0};
    Settings s;
    CHECK(parse_settings("format = 1\n"
                         "master_volume = 40\n"
                         "  subtitles = yes   # from a newer game\n"
                         "end = settings\n",
                         &s, &d));
    CHECK_STR(diags_text(&d), "settings.txt:3:3: warning: unknown key 'subtitles' (ignored; perhaps from a "
                              "newer version of the game)\n");
    CHECK_INT(s.master_volume, 40);
    diag_free(&d);

    static Progress p;
    CHECK(parse_progress("format = 1\n"
                         "chapter = one\n"
                         "scene = im_fine stars=2 time=31.5 score=300\n"
                         "end = progress\n",
                         &p, &d));
    CHECK_STR(diags_text(&d), "progress.txt:2:1: warning: unknown key 'chapter' (ignored; perhaps from a newer "
                              "version of the game)\n"
                              "progress.txt:3:25: warning: unknown field 'time' in the scene line (ignored; "
                              "perhaps from a newer version of the game)\n");
    CHECK_INT(p.count, 1);
    CHECK_INT(p.scenes[0].at[DIFFICULTY_STANDARD].stars, 2);
    CHECK_INT(p.scenes[0].at[DIFFICULTY_STANDARD].score, 300);
    diag_free(&d);
}

static void garbled_lines(void)
{
    DiagList d = {0};
    Settings s;
    CHECK(!parse_settings("format = 1\n"
                          "fullscreen = yes\n"
                          "master_volume 80\n"
                          "end = settings\n",
                          &s, &d));
    CHECK_STR(diags_text(&d), "settings.txt:3:15: error: expected '=' after 'master_volume'\n");
    CHECK(!s.fullscreen); /* a refused file gives the defaults, not half of it */
    diag_free(&d);

    CHECK(!parse_settings("format = 1\ntext_size = normal\x01\x02\nend = settings\n", &s, &d));
    CHECK_STR(diags_text(&d), "settings.txt:2:19: error: unexpected byte 0x01: the file is damaged\n");
    diag_free(&d);

    /* What a power cut can leave: the right size, all zeros. */
    static const char zeros[64] = {0};
    CHECK(!settings_parse(&s, "settings.txt", zeros, sizeof zeros, &d));
    CHECK_STR(diags_text(&d), "settings.txt:1:1: error: unexpected byte 0x00: the file is damaged\n"
                              "settings.txt:1:65: error: the file is empty or holds only comments (expected "
                              "'format = 1' first)\n");
    diag_free(&d);

    static Progress p;
    CHECK(!parse_progress("format = 1\n"
                          "scene = im_fine pack=base stars=two\n"
                          "scene = the_call done=yes best.eyes=1/2/3\n"
                          "scene = Im Fine\n"
                          "end = progress\n",
                          &p, &d));
    CHECK_STR(diags_text(&d),
              "progress.txt:2:33: error: expected a whole number for 'stars', found 'two'\n"
              "progress.txt:3:37: error: expected HITS/SIGNALS,FALSE_ALARMS/NOISE for 'best.eyes' (such as "
              "1/2,0/5), found '1/2/3'\n"
              "progress.txt:4:9: error: expected a scene id (1 to 64 of a-z, 0-9, _ and -), found 'Im'\n");
    CHECK_INT(p.count, 0);
    diag_free(&d);

    /* Windows line endings and a byte-order mark are fine. */
    CHECK(parse_settings("\xEF\xBB\xBF" "format = 1\r\nhints = on\r\nend = settings\r\n", &s, &d));
    CHECK_INT(d.count, 0);
    CHECK(s.hints);
    diag_free(&d);
}

static void clamping(void)
{
    DiagList d = {0};
    Settings s;
    CHECK(parse_settings("format = 1\n"
                         "master_volume = 150\n"
                         "music_volume = -3\n"
                         "window_width = 100\n"
                         "window_height = 99999999999999999999\n"
                         "end = settings\n",
                         &s, &d));
    CHECK_STR(diags_text(&d),
              "settings.txt:2:17: warning: 'master_volume' is 150; using 100 (it goes from 0 to 100)\n"
              "settings.txt:3:16: warning: 'music_volume' is -3; using 0 (it goes from 0 to 100)\n"
              "settings.txt:4:16: warning: 'window_width' is 100; using 320 (0 for the default, or 320 to 7680)\n"
              "settings.txt:5:17: warning: 'window_height' is far too large; using 4320 (0 for the default, or "
              "180 to 4320)\n");
    CHECK_INT(d.errors, 0);
    CHECK_INT(s.master_volume, 100);
    CHECK_INT(s.music_volume, 0);
    CHECK_INT(s.window_width, 320);
    CHECK_INT(s.window_height, 4320);
    diag_free(&d);

    static Progress p;
    CHECK(parse_progress("format = 1\n"
                         "scene = im_fine stars=5 last.hands=4/2,9/3\n"
                         "end = progress\n",
                         &p, &d));
    CHECK_STR(diags_text(&d),
              "progress.txt:2:23: warning: 'stars' is 5; using 3 (it goes from 0 to 3)\n"
              "progress.txt:2:36: warning: 'last.hands' has 4 hits of 2 signals; using 2 hits\n"
              "progress.txt:2:36: warning: 'last.hands' has 9 false alarms in 3 chances; using 3\n");
    CHECK_INT(p.scenes[0].at[DIFFICULTY_STANDARD].stars, 3);
    CHECK_INT(p.scenes[0].last.region[REGION_HANDS].hits, 2);
    CHECK_INT(p.scenes[0].last.region[REGION_HANDS].false_alarms, 3);
    diag_free(&d);
}

static void record_keeps_the_best(void)
{
    static Progress p;
    progress_init(&p);
    PlayResult great = play(true, 3, 500, 2, 2, 0);
    PlayResult poor = play(false, 1, 100, 0, 2, 2);
    SceneRecord *r = progress_record(&p, "base", "im_fine", &great);
    CHECK(r != NULL);
    r = progress_record(&p, "base", "im_fine", &poor);
    CHECK(r != NULL);
    if (!r)
        return;
    CHECK_INT(p.count, 1);
    CHECK_INT(r->plays, 2);
    CHECK_INT(r->at[DIFFICULTY_STANDARD].stars, 3);   /* the best stars stay */
    CHECK_INT(r->at[DIFFICULTY_STANDARD].score, 500); /* and the best score */
    CHECK(r->done);           /* done once is done */
    CHECK_INT(r->at[DIFFICULTY_STANDARD].best.region[REGION_EYES].hits, 2);        /* the best play's counts */
    CHECK_INT(r->last.region[REGION_EYES].hits, 0);        /* and the latest's */
    CHECK_INT(r->last.region[REGION_HANDS].false_alarms, 2);

    /* A better score moves `best`; a tie does not. */
    PlayResult better = play(true, 2, 600, 1, 2, 1);
    progress_record(&p, "base", "im_fine", &better);
    CHECK_INT(r->at[DIFFICULTY_STANDARD].score, 600);
    CHECK_INT(r->at[DIFFICULTY_STANDARD].stars, 3);
    CHECK_INT(r->at[DIFFICULTY_STANDARD].best.region[REGION_EYES].hits, 1);
    PlayResult tie = play(true, 3, 600, 2, 2, 0);
    progress_record(&p, "base", "im_fine", &tie);
    CHECK_INT(r->at[DIFFICULTY_STANDARD].best.region[REGION_EYES].hits, 1);
    CHECK_INT(r->plays, 4);

    /* Out-of-range plays are clamped as the reader would. */
    PlayResult wild = play(true, 9, 5000000, 7, 2, 0);
    r = progress_record(&p, "other-pack", "the_call", &wild);
    CHECK(r != NULL);
    if (r) {
        CHECK_INT(r->at[DIFFICULTY_STANDARD].stars, 3);
        CHECK_INT(r->at[DIFFICULTY_STANDARD].score, PROGRESS_MAX_SCORE);
        CHECK_INT(r->last.region[REGION_EYES].hits, 2);
        CHECK_STR(r->pack, "other-pack");
    }

    /* The profile over the run adds up the latest plays. */
    Tally tot;
    progress_totals(&p, &tot);
    CHECK_INT(tot.region[REGION_EYES].hits, 2 + 2);
    CHECK_INT(tot.region[REGION_EYES].signals, 2 + 2);
    CHECK_INT(tot.region[REGION_HANDS].noise, 3 + 3);
    CHECK_INT(tot.total.signals, 2 + 1 + 2 + 1);
    CHECK_INT(tot.total.noise, (4 + 3 + 5) * 2);

    /* Ids are checked, and the table has an end. */
    CHECK(progress_get(&p, "base", "Bad Id") == NULL);
    CHECK(progress_get(&p, "no/slash", "ok") == NULL);
    char id[80];
    memset(id, 'a', 65);
    id[65] = '\0';
    CHECK(progress_get(&p, "base", id) == NULL);
    progress_init(&p);
    for (int i = 0; i < PROGRESS_MAX_SCENES; i++) {
        snprintf(id, sizeof id, "s%d", i);
        CHECK(progress_get(&p, "base", id) != NULL);
    }
    CHECK(progress_get(&p, "base", "one_more") == NULL);
    CHECK(progress_get(&p, "base", "s7") == &p.scenes[7]);
}

static int cmp_names(const void *a, const void *b)
{
    return strcmp(a, b);
}

/* Each .txt file in tests/data/saves against its .expected file. */
static void data_files(const char *src)
{
    char dir[1024];
    snprintf(dir, sizeof dir, "%s/tests/data/saves", src);
    static char names[128][128];
    int n = 0;
    DIR *dp = opendir(dir);
    CHECK(dp != NULL);
    for (struct dirent *e; dp && (e = readdir(dp)) && n < 128;) {
        size_t l = strlen(e->d_name);
        if (l > 4 && l < 128 && strcmp(e->d_name + l - 4, ".txt") == 0)
            memcpy(names[n++], e->d_name, l + 1);
    }
    if (dp)
        closedir(dp);
    qsort(names, (size_t)n, sizeof names[0], cmp_names);
    CHECK(n >= 10);
    for (int i = 0; i < n; i++) {
        char path[1200], exp_path[1200];
        snprintf(path, sizeof path, "%s/%.127s", dir, names[i]);
        snprintf(exp_path, sizeof exp_path, "%s/%.*s.expected", dir, (int)strlen(names[i]) - 4, names[i]);
        size_t len, elen;
        char *buf = slurp(path, &len), *want = slurp(exp_path, &elen);
        if (!buf || !want) {
            fprintf(stderr, "%s: cannot read it or its .expected file\n", names[i]);
            check_failures++;
            free(buf);
            free(want);
            continue;
        }
        DiagList d = {0};
        static Progress p;
        Settings s;
        bool ok = strncmp(names[i], "settings", 8) == 0 ? settings_parse(&s, names[i], buf, len, &d)
                                                        : progress_parse(&p, names[i], buf, len, &d);
        const char *got = diags_text(&d);
        if (strcmp(got, want) != 0) {
            fprintf(stderr, "%s: diagnostics differ.\n--- expected\n%s--- got\n%s", names[i], want, got);
            check_failures++;
        }
        bool refused = strstr(want, "error:") != NULL;
        if (ok == refused) {
            fprintf(stderr, "%s: should be %s\n", names[i], refused ? "refused" : "accepted");
            check_failures++;
        }
        diag_free(&d);
        free(buf);
        free(want);
    }
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: test_save SOURCE_DIR\n");
        return 2;
    }
    defaults();
    settings_round_trip();
    progress_round_trip();
    unknown_keys_warn();
    garbled_lines();
    clamping();
    record_keeps_the_best();
    data_files(argv[1]);
    return check_done("test_save");
}
