/* Noticing and scoring: hits, misses and false alarms at the edges of a
 * cue's time window, and the score that rewards flagging with care. */
#include "check.h"
#include "lexicon.h"
#include "notice.h"
#include "scene.h"

static const char lexicon_yaml[] =
    "cues:\n"
    "  wring: { channel: hands, targets: { hands_wring: 1 } }\n"
    "  look_down: { channel: gaze, targets: { gaze_y: 1 } }\n"
    "  smile: { channel: face, targets: { au12_lip_corner_pull: 1 } }\n"
    "  slow: { channel: text, chat: silence }\n"
    "  short: { channel: text }\n";

/* One line starting at tick 30 (pause 0.5 s). The wringing runs from 1 s to
 * 3 s into it: ticks 90..210. The smile agrees with the words. */
static const char scene_yaml[] =
    "id: t\n"
    "title: T\n"
    "place: nowhere\n"
    "context: c\n"
    "character: { name: A }\n"
    "lines:\n"
    "  - id: one\n"
    "    text: \"I'm fine.\"\n"
    "    hold: 4.0\n"
    "    cues:\n"
    "      - { cue: wring, start: 1.0, end: 3.0, incongruent: true, means: m }\n"
    "      - { cue: look_down, start: 4.0, end: 5.0, incongruent: true, means: m }\n"
    "      - { cue: smile, start: 0.0, end: 2.0 }\n"
    "answers:\n"
    "  - { text: a, kind: empathic, quality: best, why: w }\n"
    "  - { text: b, kind: fixing, quality: good, why: w }\n"
    "  - { text: c, kind: dismissive, quality: poor, why: w }\n";

/* Marks, 'end' and persistent cues resolve to the right ticks. */
static void cue_timing(const Lexicon *lex)
{
    static const char yaml[] =
        "id: marks\ntitle: M\nplace: p\ncontext: c\ncharacter: { name: A }\n"
        "lines:\n"
        "  - id: one\n"
        "    pause: 0\n"
        "    text: \"Fine, {m1}really {late}fine.\"\n"
        "    cues:\n"
        "      - { cue: wring, start: m1, end: end+0.5, incongruent: true, means: m }\n"
        "      - { cue: look_down, start: m1-0.25 }\n"
        "      - { cue: look_down, start: late, end: late+1 }\n"
        "answers:\n"
        "  - { text: a, kind: empathic, quality: best, why: w }\n"
        "  - { text: b, kind: dismissive, quality: poor, why: w }\n";
    Scene s;
    DiagList d = {0};
    CHECK(scene_load(&s, "marks.yaml", yaml, sizeof yaml - 1, lex, NULL, &d));
    CHECK_INT(d.errors, 0);
    /* The marks leave the text; the typewriter reaches {m1} after 6
     * characters and {late} after 13, at 32 characters a second. */
    CHECK_STR(s.lines[0].text, "Fine, really fine.");
    CHECK_INT(s.cues[0].start, 11);                     /* 6/32 s */
    CHECK_INT(s.cues[0].end, s.lines[0].typed + 30);    /* end+0.5 */
    CHECK_INT(s.cues[1].start, 11 - 15);
    /* The first look down persists until the next gaze cue begins. */
    CHECK_INT(s.cues[1].relax, s.cues[2].start);
    CHECK(s.cues[1].end > s.cues[1].relax && s.cues[1].end < SCENE_HOLD);
    CHECK_INT(s.cues[2].start, 24);                     /* 13/32 s */
    scene_free(&s);
    diag_free(&d);
}

/* A chat: the text region notices text cues, and only a chat has it. */
static void chat(const Lexicon *lex)
{
    /* You ask at tick 0; your message is read for 1.2 s. Ana's answer waits
     * 3.4 s more, is typed (scene_chat_typing_ticks) and arrives whole. The
     * wait is a cue from 3 s before it to 0.5 s into it; the short reply
     * counts from its arrival, for 2 s. */
    static const char yaml[] =
        "id: c\ntitle: C\nplace: p\nchat: true\ncontext: c\ncharacter: { name: Ana }\n"
        "lines:\n"
        "  - { id: asked, from: you, text: \"ok?\", pause: 0 }\n"
        "  - id: fine\n"
        "    text: \"k\"\n"
        "    pause: 3.4\n"
        "    cues:\n"
        "      - { cue: slow, start: -3, end: 0.5, incongruent: true, means: m }\n"
        "      - { cue: short, start: end, end: end+2, incongruent: true, means: m }\n"
        "answers:\n"
        "  - { text: a, kind: empathic, quality: best, why: w }\n"
        "  - { text: b, kind: dismissive, quality: poor, why: w }\n";
    Scene s;
    DiagList d = {0};
    CHECK(scene_load(&s, "chat.yaml", yaml, sizeof yaml - 1, lex, NULL, &d));
    CHECK_INT(d.errors, 0);
    CHECK(s.chat);
    CHECK(s.lines[0].mine && !s.lines[1].mine);
    CHECK_INT(s.lines[0].typed, s.lines[0].start); /* yours is there at once */
    int arrives = s.lines[1].start + scene_chat_typing_ticks(1);
    CHECK_INT(s.lines[1].typed, arrives);
    CHECK_INT(s.cues[0].start, s.lines[1].start - 180);
    CHECK(s.cues[0].start > s.lines[0].end); /* so your message is a noise trial */
    CHECK_INT(s.cues[1].start, arrives);
    CHECK(scene_has_region(&s, REGION_TEXT) && !scene_has_region(&s, REGION_FACE));

    Notice n;
    notice_reset(&n);
    /* Before the wait begins: a false alarm. In it: a hit. On the message
     * as it arrives: the short reply. After both: a false alarm. */
    CHECK_INT(notice_flag(&n, &s, REGION_TEXT, s.cues[0].start - 1, 0, 0), FLAG_FALSE_ALARM);
    CHECK_INT(notice_flag(&n, &s, REGION_TEXT, s.cues[0].start + 60, 0, 0), FLAG_HIT);
    CHECK_INT(notice_flag(&n, &s, REGION_TEXT, arrives + 60, 0, 0), FLAG_HIT);
    CHECK_INT(notice_flag(&n, &s, REGION_TEXT, scene_cue_flag_end(&s.cues[1]) + 1, 0, 0), FLAG_FALSE_ALARM);
    CHECK_INT(n.region_false_alarms[REGION_TEXT], 2);
    /* d': the chat's noise trials are the messages with no text cue on them
     * (your own, here); the body has none at all. */
    SceneResult r;
    notice_result(&n, &s, 0, &r);
    CHECK_INT(r.tally.region[REGION_TEXT].signals, 2);
    CHECK_INT(r.tally.region[REGION_TEXT].hits, 2);
    CHECK_INT(r.tally.region[REGION_TEXT].noise, 1);
    CHECK_INT(r.tally.region[REGION_TEXT].false_alarms, 1); /* capped at its noise */
    CHECK_INT(r.tally.region[REGION_FACE].noise, 0);
    CHECK_INT(r.tally.total.noise, 1);
    scene_free(&s);
    diag_free(&d);

    /* The same text cue in a scene that is not a chat is refused. */
    static const char body[] =
        "id: b\ntitle: B\nplace: p\ncontext: c\ncharacter: { name: Ana }\n"
        "lines:\n"
        "  - id: fine\n"
        "    text: \"k\"\n"
        "    cues: [ { cue: short, start: 0, end: 1, incongruent: true, means: m } ]\n"
        "answers:\n"
        "  - { text: a, kind: empathic, quality: best, why: w }\n"
        "  - { text: b, kind: dismissive, quality: poor, why: w }\n";
    CHECK(!scene_load(&s, "body.yaml", body, sizeof body - 1, lex, NULL, &d));
    CHECK_INT(d.errors, 1);
    CHECK(d.count > 0 && d.items[0].line == 9 && d.items[0].col == 20);
    CHECK(scene_has_region(NULL, REGION_FACE) && !scene_has_region(NULL, REGION_TEXT));
    scene_free(&s);
    diag_free(&d);
}

int main(void)
{
    Lexicon lex;
    Scene s;
    DiagList diags = {0};
    CHECK(lexicon_load(&lex, "lex.yaml", lexicon_yaml, sizeof lexicon_yaml - 1, &diags));
    CHECK(scene_load(&s, "t.yaml", scene_yaml, sizeof scene_yaml - 1, &lex, NULL, &diags));
    CHECK_INT(diags.count, 0);
    CHECK_INT(s.ncues, 3);
    CHECK_INT(s.nincongruent, 2);
    const SceneCue *wring = &s.cues[0];
    CHECK_INT(wring->start, 90);
    CHECK_INT(wring->end, 210);

    Notice n;
    /* Just before the window: a false alarm. At its first tick: a hit. */
    notice_reset(&n);
    CHECK_INT(notice_flag(&n, &s, REGION_HANDS, 89, 0, 0), FLAG_FALSE_ALARM);
    CHECK_INT(notice_flag(&n, &s, REGION_HANDS, 90, 0, 0), FLAG_HIT);
    /* Flagging the same cue again neither pays nor costs. */
    CHECK_INT(notice_flag(&n, &s, REGION_HANDS, 100, 0, 0), FLAG_REPEAT);
    CHECK_INT(n.hits, 1);
    CHECK_INT(n.false_alarms, 1);

    /* The window stays open for the grace period after the cue ends. */
    notice_reset(&n);
    CHECK_INT(notice_flag(&n, &s, REGION_HANDS, 210 + NOTICE_GRACE_TICKS, 0, 0), FLAG_HIT);
    notice_reset(&n);
    CHECK_INT(notice_flag(&n, &s, REGION_HANDS, 210 + NOTICE_GRACE_TICKS + 1, 0, 0), FLAG_FALSE_ALARM);

    /* Right time, wrong region: a false alarm. */
    notice_reset(&n);
    CHECK_INT(notice_flag(&n, &s, REGION_EYES, 150, 0, 0), FLAG_FALSE_ALARM);
    /* A congruent cue is not something to flag. */
    CHECK_INT(notice_flag(&n, &s, REGION_FACE, 60, 0, 0), FLAG_FALSE_ALARM);

    /* Results: misses are the incongruent cues never hit. */
    notice_reset(&n);
    notice_flag(&n, &s, REGION_HANDS, 150, 0, 0);
    SceneResult r;
    notice_result(&n, &s, 0, &r);
    CHECK_INT(r.hits, 1);
    CHECK_INT(r.misses, 1);
    CHECK_INT(r.false_alarms, 0);
    CHECK_INT(r.kind, KIND_EMPATHIC);
    CHECK_INT(r.score, SCORE_HIT + notice_answer_points(QUALITY_BEST));
    char line[256];
    notice_format_result(&r, line, sizeof line);
    CHECK_STR(line, "hits=1 misses=1 false_alarms=0 answer=1 answer_kind=empathic "
                    "answer_quality=best d_prime=1.15 c=0.58 score=250 difficulty=standard");

    /* Spamming does not pay: flag every region every 10 ticks. */
    Notice spam, careful, none;
    notice_reset(&spam);
    notice_reset(&careful);
    notice_reset(&none);
    for (int t = 0; t < 400; t += 10)
        for (int reg = REGION_EYES; reg <= REGION_POSTURE; reg++)
            notice_flag(&spam, &s, (Region)reg, t, 0, 0);
    notice_flag(&careful, &s, REGION_HANDS, 120, 0, 0);
    notice_flag(&careful, &s, REGION_EYES, 280, 0, 0);
    SceneResult rs, rc, rn;
    notice_result(&spam, &s, 2, &rs);
    notice_result(&careful, &s, 2, &rc);
    notice_result(&none, &s, 2, &rn);
    CHECK_INT(rc.hits, 2);
    CHECK_INT(rs.hits, 2);
    CHECK(rs.score <= rn.score); /* flagging everything is no better than nothing */
    CHECK(rc.score > rn.score);
    CHECK_INT(rs.score, 0); /* and the score never goes below zero */

    cue_timing(&lex);
    chat(&lex);
    scene_free(&s);
    lexicon_free(&lex);
    diag_free(&diags);
    return check_done("test_notice");
}
