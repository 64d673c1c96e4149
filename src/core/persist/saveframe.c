/* Unsaid - saveframe.c */
#include "saveframe.h"

#include <string.h>

typedef enum { FRAME_FIRST, FRAME_BODY, FRAME_ENDED } FrameState;

/* Handle `format` and `end`. Returns true when the line was one of them
 * (or came in the wrong place); *stop asks the caller to read no further. */
static bool frame_line(TextReader *rd, FrameState *st, const char *kind, const char *key, const char *val, int vcol,
                       bool *stop)
{
    char q[64];
    if (*st == FRAME_FIRST) {
        long long v;
        if (strcmp(key, "format") != 0 || textio_parse_num(val, strlen(val), &v) != TEXTIO_NUM_OK) {
            textio_report(rd, DIAG_ERROR, rd->lineno, 1, "expected 'format = %d' as the first key of a %s file",
                          SAVE_FORMAT, kind);
            *stop = true;
        } else if (v > SAVE_FORMAT) {
            textio_report(rd, DIAG_ERROR, rd->lineno, vcol,
                          "format %lld was written by a newer version of the game; this one reads format %d", v,
                          SAVE_FORMAT);
            *stop = true;
        } else if (v < 1) {
            textio_report(rd, DIAG_ERROR, rd->lineno, vcol, "expected 'format = %d', found 'format = %lld'",
                          SAVE_FORMAT, v);
            *stop = true;
        }
        *st = FRAME_BODY;
        return true;
    }
    if (*st == FRAME_ENDED) {
        textio_report(rd, DIAG_ERROR, rd->lineno, 1, "nothing may follow 'end = %s' (found '%s')", kind,
                      textio_quote(key, q, sizeof q));
        *stop = true;
        return true;
    }
    if (strcmp(key, "format") == 0) {
        textio_report(rd, DIAG_ERROR, rd->lineno, 1, "'format' may only come first; is this two files in one?");
        return true;
    }
    if (strcmp(key, "end") == 0) {
        if (strcmp(val, kind) != 0)
            textio_report(rd, DIAG_ERROR, rd->lineno, vcol, "expected 'end = %s', found 'end = %s'", kind,
                          textio_quote(val, q, sizeof q));
        *st = FRAME_ENDED;
        return true;
    }
    return false;
}

static void frame_finish(TextReader *rd, FrameState st, const char *kind, bool stopped)
{
    if (stopped)
        return;
    if (st == FRAME_FIRST)
        textio_report(rd, DIAG_ERROR, rd->eof_line, rd->eof_col,
                      "the file is empty or holds only comments (expected 'format = %d' first)", SAVE_FORMAT);
    else if (st == FRAME_BODY)
        textio_report(rd, DIAG_ERROR, rd->eof_line, rd->eof_col,
                      "the file ends before 'end = %s': it was cut short or damaged", kind);
}

bool saveframe_read(const char *file, const char *buf, size_t len, DiagList *diags, const char *kind,
                    SaveframeEntry entry, void *ctx)
{
    TextReader rd;
    textio_begin(&rd, file, buf, len, diags);
    FrameState st = FRAME_FIRST;
    bool stop = false;
    while (!stop && textio_next_line(&rd)) {
        if (!rd.text[0])
            continue;
        char *key, *val;
        int kcol, vcol;
        if (!textio_split_kv(&rd, &key, &kcol, &val, &vcol)) {
            if (st == FRAME_FIRST)
                stop = true; /* not even the start of such a file */
            continue;
        }
        if (frame_line(&rd, &st, kind, key, val, vcol, &stop) || entry(ctx, &rd, key, kcol, val, vcol))
            continue;
        char q[64];
        textio_report(&rd, DIAG_WARNING, rd.lineno, kcol,
                      "unknown key '%s' (ignored; perhaps from a newer version of the game)",
                      textio_quote(key, q, sizeof q));
    }
    frame_finish(&rd, st, kind, stop);
    return rd.errors == 0;
}

void saveframe_begin(TextWriter *w, const char *comment)
{
    textio_printf(w, "%s", comment);
    textio_printf(w, "format = %d\n", SAVE_FORMAT);
}

char *saveframe_end(TextWriter *w, const char *kind, size_t *len)
{
    textio_printf(w, "end = %s\n", kind);
    return textio_take(w, len);
}
