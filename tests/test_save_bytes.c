/* The settings and progress files byte for byte: the default settings
 * file and a progress file exactly as the game writes them, and every
 * setting, with every value it takes, written, read back and written
 * again to the same bytes.
 *
 * The settings are found in the default file itself, so a new setting is
 * tested without a word here: the values tried for a key are the words of
 * the note written after it ("yes or no", "small, normal, large or
 * projector") and numbers inside and at the edges of every range.
 *
 * usage: test_save_bytes */
#include "check.h"
#include "persist.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* As in docs/save-format.md. */
static const char default_settings[] =
    "# Unsaid settings. Change a value after '=' and keep the rest of the\n"
    "# line as it is; the game reads this file when it starts. Delete the\n"
    "# file to go back to the defaults. See docs/save-format.md.\n"
    "format = 1\n"
    "fullscreen = no              # yes or no\n"
    "window_width = 0             # pixels; 0 = the default\n"
    "window_height = 0            # pixels; 0 = the default\n"
    "master_volume = 100          # 0 to 100\n"
    "music_volume = 80            # 0 to 100\n"
    "effects_volume = 100         # 0 to 100\n"
    "text_size = normal           # small, normal, large or projector\n"
    "text_speed = normal          # slow, normal, fast or instant\n"
    "reduced_motion = no          # yes or no\n"
    "high_contrast = no           # yes or no\n"
    "hints = no                   # yes or no\n"
    "open_all_scenes = no         # yes or no\n"
    "difficulty = standard        # gentle, standard or sharp\n"
    "end = settings\n";

static const char some_progress[] =
    "# Unsaid progress: one line per scene, in the order first played.\n"
    "#   done=yes     played to the end at least once\n"
    "#   stars        the most stars earned (0 to 3)\n"
    "#   score        the best score\n"
    "#   plays        how many times the scene was played\n"
    "#   best.eyes=2/3,1/8  in the play with the best score, 2 of the 3 cues\n"
    "#                shown on the eyes were noticed, and 1 flag on the eyes\n"
    "#                found nothing there, out of 8 chances to make one.\n"
    "#   last.eyes    the same for the latest play. Also hands, face, posture,\n"
    "#                voice and text (a chat); a part with nothing to count is\n"
    "#                left out.\n"
    "#   stars, score and best are the bests at standard difficulty; gentle.stars,\n"
    "#   sharp.score, sharp.best.eyes and so on those at gentle and sharp.\n"
    "#   See docs/save-format.md.\n"
    "format = 1\n"
    "scene = im_fine pack=base done=yes stars=3 score=500 plays=2 best.eyes=2/3,1/8 last.eyes=1/3,0/8 "
    "last.voice=0/0,0/5\n"
    "scene = the_call done=no stars=0 score=-50 plays=1 best.hands=0/1,2/2 last.hands=0/1,2/2\n"
    "end = progress\n";

static void files_as_written(void)
{
    Settings s = settings_default();
    size_t len;
    char *text = settings_format(&s, &len);
    CHECK_STR(text, default_settings);
    CHECK_INT(len, sizeof default_settings - 1);
    free(text);

    static Progress p;
    progress_init(&p);
    PlayResult best = {.completed = true, .stars = 3, .score = 500}, later = {.completed = false, .stars = 1, .score = 200};
    best.tally.region[REGION_EYES] = (TallyCounts){.signals = 3, .hits = 2, .noise = 8, .false_alarms = 1};
    later.tally.region[REGION_EYES] = (TallyCounts){.signals = 3, .hits = 1, .noise = 8, .false_alarms = 0};
    later.tally.region[REGION_VOICE] = (TallyCounts){.noise = 5};
    PlayResult call = {.score = -50};
    call.tally.region[REGION_HANDS] = (TallyCounts){.signals = 1, .noise = 2, .false_alarms = 2};
    progress_record(&p, "base", "im_fine", &best);
    progress_record(&p, "base", "im_fine", &later);
    progress_record(&p, "", "the_call", &call);
    text = progress_format(&p, &len);
    CHECK_STR(text, some_progress);
    CHECK_INT(len, sizeof some_progress - 1);
    free(text);
}

/* The default file with the line at text[at..] (key, note) holding value;
 * laid out as settings_format lays it out. malloc'd. */
static char *with_value(const char *text, size_t at, const char *key, const char *value, const char *note)
{
    const char *rest = strchr(text + at, '\n') + 1;
    size_t size = strlen(text) + 128;
    char *out = malloc(size), kv[96];
    if (!out)
        return NULL;
    snprintf(kv, sizeof kv, "%s = %s", key, value);
    snprintf(out, size, "%.*s%-28s # %s\n%s", (int)at, text, kv, note, rest);
    return out;
}

/* Try one value for the key on the line at base[at..]. Returns whether it
 * was taken without a word and changed the settings. */
static bool try_value(const char *base, size_t at, const char *key, const char *note, const char *value)
{
    char *text = with_value(base, at, key, value, note);
    if (!text)
        return false;
    DiagList d = {0};
    Settings s, def = settings_default();
    bool clean = settings_parse(&s, "settings.txt", text, strlen(text), &d) && d.count == 0;
    diag_free(&d);
    bool changed = false;
    char *again = clean ? settings_format(&s, NULL) : NULL;
    if (again) {
        /* Written as given, or as the word it stands for ("1" as "yes"). */
        char written[64] = "";
        sscanf(again + at + strlen(key), " = %63s", written);
        char *expected = with_value(base, at, key, written, note);
        if (strcmp(written, value) != 0 && !strstr(note, written))
            fprintf(stderr, "%s = %s was written as '%s', which the note does not list\n", key, value, written);
        CHECK(strcmp(written, value) == 0 || strstr(note, written));
        if (expected && strcmp(again, expected) != 0)
            fprintf(stderr, "%s = %s: the file changed elsewhere:\n%s", key, value, again);
        CHECK(expected && strcmp(again, expected) == 0);
        /* Read and written again: the same bytes, the same settings. */
        Settings back;
        CHECK(settings_parse(&back, "settings.txt", again, strlen(again), &d));
        CHECK_INT(d.count, 0);
        diag_free(&d);
        CHECK(settings_equal(&s, &back));
        char *third = settings_format(&back, NULL);
        CHECK_STR(third, again);
        free(third);
        /* settings_equal sees the change exactly when the file shows one. */
        changed = strcmp(again, base) != 0;
        CHECK(settings_equal(&s, &def) == !changed);
        free(expected);
    }
    free(again);
    free(text);
    return changed;
}

static void every_setting(void)
{
    static const char *const numbers[] = {"-1", "0", "1", "2", "35", "99", "100", "101", "179", "180", "319", "320",
                                          "1080", "1920", "4320", "4321", "7680", "7681"};
    Settings def = settings_default();
    char *base = settings_format(&def, NULL);
    CHECK(base != NULL);
    int keys = 0;
    for (const char *line = base; line && *line; line = strchr(line, '\n') + 1) {
        char key[64], value[64], note[256];
        if (line[0] == '#' || sscanf(line, "%63[a-z0-9_.] = %63s # %255[^\n]", key, value, note) != 3)
            continue; /* a comment, `format` or `end` */
        keys++;
        size_t at = (size_t)(line - base);
        int changed = 0;
        for (size_t i = 0; i < sizeof numbers / sizeof numbers[0]; i++)
            changed += try_value(base, at, key, note, numbers[i]);
        /* Each word of the note. */
        for (const char *w = note; *w;) {
            size_t n = strspn(w, "abcdefghijklmnopqrstuvwxyz0123456789_");
            if (n > 0 && n < 64) {
                char word[64];
                memcpy(word, w, n);
                word[n] = '\0';
                changed += try_value(base, at, key, note, word);
            }
            w += n ? n : 1;
        }
        if (!changed)
            fprintf(stderr, "%s: no value but its default was taken\n", key);
        CHECK(changed > 0);
    }
    CHECK(keys > 0);
    free(base);
}

int main(void)
{
    files_as_written();
    every_setting();
    return check_done("test_save_bytes");
}
