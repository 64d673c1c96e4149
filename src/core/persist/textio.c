/* Unsaid - textio.c */
#include "textio.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- reading ------------------------------------------------------------- */

void textio_report(TextReader *rd, DiagLevel level, int line, int col, const char *fmt, ...)
{
    if (level == DIAG_ERROR)
        rd->errors++;
    if (rd->shown > TEXTIO_MAX_DIAGS)
        return;
    if (rd->shown++ == TEXTIO_MAX_DIAGS) {
        diag_add(rd->diags, level, rd->file, line, col, "more problems follow; they are not listed");
        return;
    }
    va_list ap;
    va_start(ap, fmt);
    diag_vadd(rd->diags, level, rd->file, line, col, fmt, ap);
    va_end(ap);
}

const char *textio_quote(const char *s, char *buf, size_t size)
{
    size_t n = 0;
    for (; s[n] && n + 4 < size && n < 40; n++)
        buf[n] = (s[n] >= 0x20 && s[n] < 0x7f) ? s[n] : '?';
    if (s[n] && n + 4 <= size) {
        memcpy(buf + n, "...", 3);
        n += 3;
    }
    buf[n] = '\0';
    return buf;
}

void textio_begin(TextReader *rd, const char *file, const char *buf, size_t len, DiagList *diags)
{
    memset(rd, 0, sizeof *rd);
    rd->file = file;
    rd->diags = diags;
    rd->buf = buf;
    rd->len = len;
    if (len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0)
        rd->pos = 3; /* a byte-order mark, as some editors write */
    rd->eof_line = 1;
    rd->eof_col = 1;
}

bool textio_next_line(TextReader *rd)
{
    if (rd->pos >= rd->len)
        return false;
    const char *s = rd->buf + rd->pos;
    const char *nl = memchr(s, '\n', rd->len - rd->pos);
    size_t n = nl ? (size_t)(nl - s) : rd->len - rd->pos;
    rd->pos += n + (nl ? 1 : 0);
    rd->lineno++;
    rd->eof_line = nl ? rd->lineno + 1 : rd->lineno;
    rd->eof_col = nl ? 1 : (int)(n > TEXTIO_MAX_LINE ? TEXTIO_MAX_LINE : n) + 1;
    rd->text[0] = '\0';
    if (n && s[n - 1] == '\r')
        n--; /* Windows line endings */
    if (n > TEXTIO_MAX_LINE) {
        textio_report(rd, DIAG_ERROR, rd->lineno, TEXTIO_MAX_LINE + 1, "line is longer than %d bytes",
                      TEXTIO_MAX_LINE);
        return true;
    }
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if ((c < 0x20 && c != '\t') || c == 0x7f) {
            textio_report(rd, DIAG_ERROR, rd->lineno, (int)i + 1, "unexpected byte 0x%02X: the file is damaged", c);
            return true;
        }
    }
    memcpy(rd->text, s, n);
    rd->text[n] = '\0';
    char *hash = strchr(rd->text, '#');
    if (hash)
        *hash = '\0';
    size_t k = strlen(rd->text);
    while (k && textio_is_space(rd->text[k - 1]))
        rd->text[--k] = '\0';
    return true;
}

bool textio_is_space(char c)
{
    return c == ' ' || c == '\t';
}

static bool is_key_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.';
}

bool textio_split_kv(TextReader *rd, char **key, int *kcol, char **val, int *vcol)
{
    char *t = rd->text, q[64];
    char *p = t;
    while (textio_is_space(*p))
        p++;
    char *k = p;
    while (is_key_char(*p))
        p++;
    if (p == k) {
        textio_report(rd, DIAG_ERROR, rd->lineno, (int)(k - t) + 1, "expected 'key = value', found '%s'",
                      textio_quote(k, q, sizeof q));
        return false;
    }
    char *kend = p;
    while (textio_is_space(*p))
        p++;
    if (*p != '=') {
        *kend = '\0';
        textio_report(rd, DIAG_ERROR, rd->lineno, (int)(p - t) + 1, "expected '=' after '%s'",
                      textio_quote(k, q, sizeof q));
        return false;
    }
    *kend = '\0'; /* after the test: with no space between them, kend is the '=' */
    p++;
    while (textio_is_space(*p))
        p++;
    if (!*p) {
        textio_report(rd, DIAG_ERROR, rd->lineno, (int)(p - t) + 1, "expected a value after '%s ='",
                      textio_quote(k, q, sizeof q));
        return false;
    }
    *key = k;
    *kcol = (int)(k - t) + 1;
    *val = p;
    *vcol = (int)(p - t) + 1;
    return true;
}

/* ---- values -------------------------------------------------------------- */

TextioNum textio_parse_num(const char *s, size_t n, long long *out)
{
    size_t i = 0;
    bool neg = n > 0 && s[0] == '-';
    if (neg || (n > 0 && s[0] == '+'))
        i++;
    if (i == n)
        return TEXTIO_NUM_BAD;
    long long v = 0;
    bool huge = false;
    for (; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return TEXTIO_NUM_BAD;
        if (v < 1000000000000LL)
            v = v * 10 + (s[i] - '0');
        else
            huge = true;
    }
    *out = neg ? -v : v;
    return huge ? TEXTIO_NUM_HUGE : TEXTIO_NUM_OK;
}

bool textio_parse_bool(const char *s, bool *out)
{
    static const char *const yes[] = {"yes", "true", "on", "1"}, *const no[] = {"no", "false", "off", "0"};
    for (size_t i = 0; i < sizeof yes / sizeof yes[0]; i++) {
        if (strcmp(s, yes[i]) == 0) {
            *out = true;
            return true;
        }
        if (strcmp(s, no[i]) == 0) {
            *out = false;
            return true;
        }
    }
    return false;
}

int textio_clamp(TextReader *rd, int col, const char *what, long long v, bool huge, int lo, int hi)
{
    if (!huge && v >= lo && v <= hi)
        return (int)v;
    int c = v < lo ? lo : hi;
    if (huge)
        textio_report(rd, DIAG_WARNING, rd->lineno, col, "'%s' is far too large; using %d (it goes from %d to %d)",
                      what, c, lo, hi);
    else
        textio_report(rd, DIAG_WARNING, rd->lineno, col, "'%s' is %lld; using %d (it goes from %d to %d)", what, v,
                      c, lo, hi);
    return c;
}

bool textio_read_int(TextReader *rd, int col, const char *what, const char *s, int lo, int hi, int *out)
{
    long long v;
    TextioNum np = textio_parse_num(s, strlen(s), &v);
    if (np == TEXTIO_NUM_BAD) {
        char q[64];
        textio_report(rd, DIAG_ERROR, rd->lineno, col, "expected a whole number for '%s', found '%s'", what,
                      textio_quote(s, q, sizeof q));
        return false;
    }
    *out = textio_clamp(rd, col, what, v, np == TEXTIO_NUM_HUGE, lo, hi);
    return true;
}

/* ---- writing ------------------------------------------------------------- */

void textio_printf(TextWriter *w, const char *fmt, ...)
{
    if (w->failed)
        return;
    for (;;) {
        va_list ap;
        va_start(ap, fmt);
        int n = vsnprintf(w->buf ? w->buf + w->len : NULL, w->buf ? w->cap - w->len : 0, fmt, ap);
        va_end(ap);
        if (n < 0) {
            w->failed = true;
            return;
        }
        if (w->buf && (size_t)n < w->cap - w->len) {
            w->len += (size_t)n;
            return;
        }
        size_t cap = w->cap ? w->cap * 2 : 4096;
        while (cap < w->len + (size_t)n + 1)
            cap *= 2;
        char *grown = realloc(w->buf, cap);
        if (!grown) {
            w->failed = true;
            return;
        }
        w->buf = grown;
        w->cap = cap;
    }
}

char *textio_take(TextWriter *w, size_t *len)
{
    if (w->failed) {
        free(w->buf);
        return NULL;
    }
    if (len)
        *len = w->len;
    return w->buf;
}
