/* Unsaid - diag.h: problems found in input files, each with file:line:col.
 *
 * Loaders never abort: they append diagnostics here and carry on where they
 * can, so a modder sees every problem at once. */
#ifndef UNSAID_DIAG_H
#define UNSAID_DIAG_H

#include <stdarg.h>
#include <stddef.h>

typedef enum { DIAG_ERROR, DIAG_WARNING } DiagLevel;

typedef struct {
    DiagLevel level;
    char file[256];
    int line, col; /* 1-based; 0 when unknown */
    char msg[320];
    char source[160]; /* the line it is on, when known ("" otherwise) */
    int source_col;   /* where under source the column falls, 1-based; 0: nowhere */
} Diag;

typedef struct {
    Diag *items;
    int count, cap;
    int errors, warnings; /* every problem reported, even one whose message could
                           * not be stored (out of memory): count may be less */
} DiagList;

#if defined(__GNUC__)
#define DIAG_PRINTF(a, b) __attribute__((format(printf, a, b)))
#else
#define DIAG_PRINTF(a, b)
#endif

void diag_add(DiagList *list, DiagLevel level, const char *file, int line, int col,
              const char *fmt, ...) DIAG_PRINTF(6, 7);
/* The same, with the message's arguments in ap. */
void diag_vadd(DiagList *list, DiagLevel level, const char *file, int line, int col, const char *fmt,
               va_list ap) DIAG_PRINTF(6, 0);
/* "file:line:col: error: message" into buf. */
void diag_format(const Diag *d, char *buf, size_t size);
/* Quote line d->line of buf[len] in the diagnostic added last, so that
 * diag_format_source can show it. */
void diag_quote(DiagList *list, const char *buf, size_t len);
/* The quoted line with a caret under the column, as two lines:
 *     12 |   says "Honestly"
 *        |        ^
 * or "" when nothing was quoted. */
void diag_format_source(const Diag *d, char *buf, size_t size);
/* All diagnostics, one per line, into buf (truncated with "..." if needed). */
void diag_format_all(const DiagList *list, char *buf, size_t size);
void diag_free(DiagList *list);

/* Where a list stands, to go back to: the messages and the counts (a
 * count may include a problem whose message could not be stored). */
typedef struct {
    int count, errors, warnings;
} DiagMark;

DiagMark diag_mark(const DiagList *list);
/* Forget what was added since mark. */
void diag_rollback(DiagList *list, DiagMark mark);

#endif
