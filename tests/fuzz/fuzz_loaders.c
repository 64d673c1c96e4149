/* libFuzzer target for everything that reads files a stranger may write:
 * scene files, pack manifests, lexicons, look and place files, replays, and
 * the settings and progress files. The first byte of an
 * input picks the loader; the rest is the file. Any crash, hang, leak or
 * undefined behaviour is a bug; the input that found it belongs in
 * tests/fuzz/corpus/ afterwards.
 *
 *   build:  cmake --build build-test --target fuzz_loaders  (needs clang)
 *   run:    build-test/tests/fuzz_loaders -max_total_time=600 CORPUS_DIR tests/fuzz/corpus */
#include "cast.h"
#include "lexicon.h"
#include "pack.h"
#include "places.h"
#include "replay.h"
#include "persist.h"
#include "scene.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char lexicon_yaml[] =
    "cues:\n"
    "  wring_hands: { channel: hands, targets: { hands_wring: 1 } }\n"
    "  gaze_down: { channel: gaze, targets: { gaze_y: 0.9 }, attack: 0.4 }\n"
    "  smile_polite: { channel: face, targets: { au12_lip_corner_pull: 0.7 } }\n"
    "  sigh: { channel: voice, targets: { breath_depth: 1 }, caption: \"[sighs]\" }\n"
    "  slump: { channel: posture, targets: { slump: 0.9 } }\n";

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Settings and progress: whatever reads cleanly must write back to text
 * that reads cleanly to the same thing. */
static void saves_round_trip(const char *buf, size_t len, DiagList *diags)
{
    static Progress p, again;
    Settings s, s2;
    char *a = NULL, *b = NULL;
    if (settings_parse(&s, "settings.txt", buf, len, diags)) {
        DiagList d = {0};
        a = settings_format(&s, NULL);
        if (a && (!settings_parse(&s2, "settings.txt", a, strlen(a), &d) || d.count || !settings_equal(&s, &s2) ||
                  !(b = settings_format(&s2, NULL)) || strcmp(a, b) != 0)) {
            fprintf(stderr, "settings do not survive a round trip:\n%s", a);
            abort();
        }
        diag_free(&d);
    }
    free(a);
    free(b);
    a = b = NULL;
    if (progress_parse(&p, "progress.txt", buf, len, diags)) {
        DiagList d = {0};
        a = progress_format(&p, NULL);
        if (a && (!progress_parse(&again, "progress.txt", a, strlen(a), &d) || d.count || again.count != p.count ||
                  !(b = progress_format(&again, NULL)) || strcmp(a, b) != 0)) {
            fprintf(stderr, "progress does not survive a round trip:\n%s", a);
            abort();
        }
        diag_free(&d);
    }
    free(a);
    free(b);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static Lexicon lex;
    static int ready;
    if (!ready) {
        DiagList d = {0};
        lexicon_load(&lex, "lexicon.yaml", lexicon_yaml, sizeof lexicon_yaml - 1, &d);
        diag_free(&d);
        ready = 1;
    }
    if (size < 1)
        return 0;
    /* Loaders take text that may hold NUL bytes; give them a terminated copy. */
    char *buf = malloc(size);
    if (!buf)
        return 0;
    memcpy(buf, data + 1, size - 1);
    buf[size - 1] = '\0';
    DiagList diags = {0};
    switch (data[0] % 7) {
    case 0: {
        Scene s;
        scene_load(&s, "fuzz.yaml", buf, size - 1, &lex, NULL, &diags);
        scene_free(&s);
        break;
    }
    case 1: {
        PackManifest m;
        pack_manifest_load(&m, "pack.yaml", buf, size - 1, &diags);
        pack_manifest_free(&m);
        break;
    }
    case 2: {
        Lexicon l;
        lexicon_load(&l, "lexicon.yaml", buf, size - 1, &diags);
        lexicon_free(&l);
        break;
    }
    case 4: {
        Cast c;
        cast_init(&c);
        cast_add(&c, NULL, "look.yaml", buf, size - 1, &diags);
        cast_add(&c, NULL, "look.yaml", buf, size - 1, &diags); /* the same id twice */
        cast_free(&c);
        break;
    }
    case 5: {
        Places p;
        places_init(&p);
        places_add(&p, NULL, "place.yaml", buf, size - 1, &diags);
        places_free(&p);
        break;
    }
    case 3: {
        Replay r;
        replay_load(&r, "fuzz.replay", buf, size - 1, &diags);
        replay_free(&r);
        break;
    }
    case 6:
        saves_round_trip(buf, size - 1, &diags);
        break;
    }
    /* Every diagnostic must format without trouble. */
    char out[4096];
    diag_format_all(&diags, out, sizeof out);
    diag_free(&diags);
    free(buf);
    return 0;
}
