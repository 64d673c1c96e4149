/* Unsaid - textio.h: line-based text in and out, with file:line:col messages.
 *
 * The tools the settings and progress files are read and written with.
 * They know the shape of a line, never a file's keys.
 *
 * Reading (TextReader) walks a buffer line by line. A byte-order mark and
 * Windows line endings are taken in stride and `#` starts a comment. A
 * line longer than TEXTIO_MAX_LINE bytes, or holding a control byte other
 * than a tab, is an error. Problems go into a DiagList: the first
 * TEXTIO_MAX_DIAGS, then one note that more follow; every error is
 * counted all the same.
 *
 * Values: whole numbers that saturate instead of overflowing, yes/no
 * words, and numbers clamped into a range with a warning.
 *
 * Writing (TextWriter) grows a malloc'd string with printf. A failed
 * allocation is remembered, later writes do nothing, and textio_take()
 * gives NULL.
 *
 * Pure: no SDL, no files, no clock. */
#ifndef UNSAID_TEXTIO_H
#define UNSAID_TEXTIO_H

#include "diag.h"

#include <stdbool.h>
#include <stddef.h>

#define TEXTIO_MAX_LINE 1024 /* bytes in one line, without the newline */
/* A file with more problems than this is damaged; listing them all helps
 * nobody, and a hostile file could make the list huge. */
#define TEXTIO_MAX_DIAGS 20

/* ---- reading ------------------------------------------------------------- */

typedef struct {
    const char *file; /* names the file in diagnostics */
    DiagList *diags;
    const char *buf;
    size_t len, pos;
    int lineno;                     /* of the current line, 1-based */
    char text[TEXTIO_MAX_LINE + 1]; /* the current line, comment cut off, right-trimmed */
    int eof_line, eof_col;          /* where the file ends, as far as it was read */
    int shown;                      /* diagnostics added */
    int errors;                     /* errors reported, shown or not */
} TextReader;

/* Start reading buf[0..len) (need not be NUL-terminated; it must outlive
 * the reader). */
void textio_begin(TextReader *rd, const char *file, const char *buf, size_t len, DiagList *diags);
/* The next line into rd->text; false at the end of the buffer. A line
 * that cannot be read is reported and comes back empty. */
bool textio_next_line(TextReader *rd);
/* Split rd->text as "key = value" in place: a key of a-z 0-9 _ and .,
 * then '=', then a value that is not empty. Columns are 1-based. Returns
 * false, having reported why, when the line is not that shape. */
bool textio_split_kv(TextReader *rd, char **key, int *kcol, char **val, int *vcol);

/* Report a problem at line:col (1-based). */
void textio_report(TextReader *rd, DiagLevel level, int line, int col, const char *fmt, ...) DIAG_PRINTF(5, 6);
/* A short, printable copy of s for a message: at most 40 characters and
 * "...", anything outside printable ASCII shown as '?'. Returns buf. */
const char *textio_quote(const char *s, char *buf, size_t size);
bool textio_is_space(char c); /* a space or a tab */

/* ---- values -------------------------------------------------------------- */

typedef enum {
    TEXTIO_NUM_OK,
    TEXTIO_NUM_BAD, /* not a number */
    TEXTIO_NUM_HUGE /* too large for any field; *out is saturated */
} TextioNum;

/* A whole number in s[0..n): an optional sign, then digits only. */
TextioNum textio_parse_num(const char *s, size_t n, long long *out);
/* yes/no, true/false, on/off, 1/0; false when s is none of them. */
bool textio_parse_bool(const char *s, bool *out);
/* v clamped into lo..hi; when it was outside, a warning at col of the
 * current line names `what`. `huge` says v was saturated. */
int textio_clamp(TextReader *rd, int col, const char *what, long long v, bool huge, int lo, int hi);
/* The whole number s for `what`, clamped as textio_clamp. false (reported
 * as an error at col) when s is not a whole number. */
bool textio_read_int(TextReader *rd, int col, const char *what, const char *s, int lo, int hi, int *out);

/* ---- writing ------------------------------------------------------------- */

typedef struct {
    char *buf;
    size_t len, cap;
    bool failed; /* out of memory */
} TextWriter; /* start from {0} */

void textio_printf(TextWriter *w, const char *fmt, ...) DIAG_PRINTF(2, 3);
/* The text written, NUL-terminated, its length in *len (may be NULL); the
 * caller free()s it. NULL when memory ran out (w's buffer is then freed). */
char *textio_take(TextWriter *w, size_t *len);

#endif
