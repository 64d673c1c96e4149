/* Unsaid - diag.c */
#include "diag.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void diag_add(DiagList *list, DiagLevel level, const char *file, int line, int col,
              const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    diag_vadd(list, level, file, line, col, fmt, ap);
    va_end(ap);
}

void diag_vadd(DiagList *list, DiagLevel level, const char *file, int line, int col, const char *fmt,
               va_list ap)
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
    d->source[0] = '\0';
    d->source_col = 0;
    vsnprintf(d->msg, sizeof d->msg, fmt, ap);
}

void diag_format(const Diag *d, char *buf, size_t size)
{
    const char *lv = d->level == DIAG_ERROR ? "error" : "warning";
    if (d->line > 0)
        snprintf(buf, size, "%s:%d:%d: %s: %s", d->file, d->line, d->col, lv, d->msg);
    else
        snprintf(buf, size, "%s: %s: %s", d->file, lv, d->msg);
}

void diag_quote(DiagList *list, const char *buf, size_t len)
{
    if (list->count == 0 || !buf)
        return;
    Diag *d = &list->items[list->count - 1];
    if (d->line <= 0)
        return;
    size_t i = 0;
    for (int at = 1; at < d->line && i < len; i++)
        if (buf[i] == '\n')
            at++;
    size_t end = i;
    while (end < len && buf[end] != '\n' && buf[end] != '\r')
        end++;
    /* The byte where the column is (columns count characters). */
    size_t at = i;
    for (int c = 1; at < end && c < d->col;) {
        at++;
        if (at == end || ((unsigned char)buf[at] & 0xC0) != 0x80)
            c++;
    }
    /* A long line is shown from a little before the column. */
    const char *lead = "";
    if (at - i > 100) {
        i = at - 60;
        while (i < at && ((unsigned char)buf[i] & 0xC0) == 0x80)
            i++;
        lead = "...";
    }
    size_t room = sizeof d->source - 1 - strlen(lead) - 3;
    bool cut = end - i > room;
    if (cut) {
        end = i + room;
        while (end > i && ((unsigned char)buf[end] & 0xC0) == 0x80)
            end--;
    }
    /* A tab shows as an arrow (one character, so the caret's count of
     * characters holds, and a tab is told from a space); other control
     * characters as '?'. */
    size_t o = (size_t)snprintf(d->source, sizeof d->source, "%s", lead);
    for (size_t k = i; k < end; k++) {
        unsigned char c = (unsigned char)buf[k];
        if (o + 8 >= sizeof d->source && (c & 0xC0) != 0x80)
            break; /* full, and not inside a character */
        if (c == '\t') {
            memcpy(d->source + o, "\xe2\x86\x92", 3);
            o += 3;
        } else {
            d->source[o++] = c < 0x20 || c == 0x7f ? '?' : (char)c;
        }
    }
    snprintf(d->source + o, sizeof d->source - o, "%s", cut ? "..." : "");
    int col = (int)strlen(lead) + 1;
    for (size_t k = i; k < at; k++)
        if (((unsigned char)buf[k] & 0xC0) != 0x80)
            col++;
    d->source_col = at <= end ? col : 0;
}

void diag_format_source(const Diag *d, char *buf, size_t size)
{
    if (size == 0)
        return;
    buf[0] = '\0';
    if (!d->source[0])
        return;
    char num[16];
    int w = snprintf(num, sizeof num, "%d", d->line);
    int n = snprintf(buf, size, "  %s | %s\n", num, d->source);
    if (n < 0 || (size_t)n >= size || d->source_col <= 0)
        return;
    snprintf(buf + n, size - (size_t)n, "  %*s | %*s^\n", w, "", d->source_col - 1, "");
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
