/* Unsaid - diag.c */
#include "diag.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void diag_add(DiagList *list, DiagLevel level, const char *file, int line, int col,
              const char *fmt, ...)
{
    /* Count first: whether a file loads depends on the counts, so a problem
     * whose message cannot be stored must still be counted. */
    if (level == DIAG_ERROR)
        list->errors++;
    else
        list->warnings++;
    if (list->count == list->cap) {
        int cap = list->cap ? list->cap * 2 : 16;
        Diag *items = realloc(list->items, (size_t)cap * sizeof *items);
        if (!items)
            return; /* out of memory: drop the message, never crash */
        list->items = items;
        list->cap = cap;
    }
    Diag *d = &list->items[list->count++];
    d->level = level;
    snprintf(d->file, sizeof d->file, "%s", file ? file : "?");
    d->line = line;
    d->col = col;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(d->msg, sizeof d->msg, fmt, ap);
    va_end(ap);
}

void diag_format(const Diag *d, char *buf, size_t size)
{
    const char *lv = d->level == DIAG_ERROR ? "error" : "warning";
    if (d->line > 0)
        snprintf(buf, size, "%s:%d:%d: %s: %s", d->file, d->line, d->col, lv, d->msg);
    else
        snprintf(buf, size, "%s: %s: %s", d->file, lv, d->msg);
}

void diag_format_all(const DiagList *list, char *buf, size_t size)
{
    size_t used = 0;
    if (size == 0)
        return;
    buf[0] = '\0';
    for (int i = 0; i < list->count; i++) {
        char line[700];
        diag_format(&list->items[i], line, sizeof line);
        size_t n = strlen(line);
        if (used + n + 5 >= size) {
            snprintf(buf + used, size - used, "...\n");
            return;
        }
        memcpy(buf + used, line, n);
        used += n;
        buf[used++] = '\n';
        buf[used] = '\0';
    }
}

void diag_free(DiagList *list)
{
    free(list->items);
    *list = (DiagList){0};
}

DiagMark diag_mark(const DiagList *list)
{
    return (DiagMark){list->count, list->errors, list->warnings};
}

void diag_rollback(DiagList *list, DiagMark mark)
{
    if (mark.count < list->count)
        list->count = mark.count;
    list->errors = mark.errors;
    list->warnings = mark.warnings;
}
