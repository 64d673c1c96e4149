/* Unsaid - saveframe.h: the frame around the settings and progress files.
 *
 *   # comments at the top, written by the game
 *   format = 1          the first key; a file from a newer game is refused
 *   ...                 the body: `key = value` lines of the file's own kind
 *   end = progress      the last key, naming the kind: a file without it
 *                       was cut short
 *
 * Only comments and blank lines may follow `end`. The frame reads lines
 * with textio.h and leaves the body's keys to its caller; a key the caller
 * does not know is skipped with a warning, perhaps from a newer game
 * (docs/save-format.md has the rules for both files).
 *
 * Pure: no SDL, no files, no clock. */
#ifndef UNSAID_SAVEFRAME_H
#define UNSAID_SAVEFRAME_H

#include "diag.h"
#include "textio.h"

#include <stdbool.h>
#include <stddef.h>

#define SAVE_FORMAT 1                   /* the format this game reads and writes */
#define SAVE_MAX_FILE (1024u * 1024u)   /* larger files are refused as damaged (src/platform/saves.c) */
#define SAVE_MAX_LINE TEXTIO_MAX_LINE   /* bytes in one line, without the newline */

/* One `key = value` line of the body (never `format` or `end`). key and
 * val point into rd->text and may be changed in place; kcol and vcol are
 * their 1-based columns. Returns false when the key is not one the file
 * has: the frame then warns and goes on. */
typedef bool (*SaveframeEntry)(void *ctx, TextReader *rd, const char *key, int kcol, char *val, int vcol);

/* Read a whole file of this kind ("settings", "progress"): the frame here,
 * each body line through entry(ctx, ...). `file` names it in diagnostics;
 * buf need not be NUL-terminated. Returns true when no error was found
 * (warnings allowed). After an error the caller must not use what
 * entry() took in. */
bool saveframe_read(const char *file, const char *buf, size_t len, DiagList *diags, const char *kind,
                    SaveframeEntry entry, void *ctx);

/* Writing: the comment (whole lines, each ending in '\n'), then
 * `format = SAVE_FORMAT`; the body is the caller's; then `end = KIND`,
 * and the text as textio_take(). */
void saveframe_begin(TextWriter *w, const char *comment);
char *saveframe_end(TextWriter *w, const char *kind, size_t *len);

#endif
