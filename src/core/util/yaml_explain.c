/* Unsaid - yaml_explain.c */
#include "yaml_explain.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    const char *s; /* the line, without its end */
    int n;
} Line;

/* The text, with where each line starts found once. */
typedef struct {
    const char *buf;
    size_t len;
    size_t *starts; /* starts[k - 1]: the first byte of line k */
    int nlines;
} Text;

static bool text_index(Text *t, const char *buf, size_t len)
{
    t->buf = buf;
    t->len = len;
    t->nlines = 1;
    for (size_t i = 0; i < len; i++)
        t->nlines += buf[i] == '\n';
    t->starts = malloc((size_t)t->nlines * sizeof *t->starts);
    if (!t->starts)
        return false;
    int k = 1;
    t->starts[0] = 0;
    for (size_t i = 0; i < len; i++)
        if (buf[i] == '\n')
            t->starts[k++] = i + 1;
    return true;
}

/* Line k (1-based), or an empty line past the end. */
static Line line_at(const Text *t, int k)
{
    if (k < 1 || k > t->nlines)
        return (Line){t->buf + t->len, 0};
    size_t i = t->starts[k - 1], e = i;
    while (e < t->len && t->buf[e] != '\n')
        e++;
    if (e > i && t->buf[e - 1] == '\r')
        e--;
    return (Line){t->buf + i, (int)(e - i)};
}

static int indent_of(Line l)
{
    int i = 0;
    while (i < l.n && l.s[i] == ' ')
        i++;
    return i;
}

/* The column (1-based) of a tab among the line's leading blanks, or 0. */
static int tab_in_indent(Line l)
{
    for (int i = 0; i < l.n && (l.s[i] == ' ' || l.s[i] == '\t'); i++)
        if (l.s[i] == '\t')
            return i + 1;
    return 0;
}

static bool blank_or_comment(Line l)
{
    int i = 0;
    while (i < l.n && (l.s[i] == ' ' || l.s[i] == '\t'))
        i++;
    return i == l.n || l.s[i] == '#';
}

/* The nearest line above k with something on it, or 0. */
static int line_above(const Text *t, int k)
{
    while (--k >= 1)
        if (!blank_or_comment(line_at(t, k)))
            return k;
    return 0;
}

/* Byte offset of column col (1-based, counted in characters), or -1. */
static int byte_of_col(Line l, int col)
{
    int c = 1;
    for (int i = 0; i < l.n; i++) {
        if (((unsigned char)l.s[i] & 0xC0) == 0x80)
            continue;
        if (c++ == col)
            return i;
    }
    return -1;
}

static char char_at(Line l, int col)
{
    int i = byte_of_col(l, col);
    return i < 0 ? '\0' : l.s[i];
}

/* Does the line start with "- " (a list item) after its indentation? */
static bool starts_item(Line l)
{
    int i = indent_of(l);
    return i < l.n && l.s[i] == '-' && (i + 1 == l.n || l.s[i + 1] == ' ');
}

/* The byte offset of the first ":" that ends a key on the line (followed by
 * a space or the line's end, outside quotes), or -1. */
static int key_colon(Line l)
{
    char quote = 0;
    for (int i = 0; i < l.n; i++) {
        char ch = l.s[i];
        if (quote) {
            if (ch == quote)
                quote = 0;
        } else if (ch == '"' || ch == '\'') {
            quote = ch;
        } else if (ch == '#' && i > 0 && l.s[i - 1] == ' ') {
            return -1;
        } else if (ch == ':' && (i + 1 == l.n || l.s[i + 1] == ' ')) {
            return i;
        }
    }
    return -1;
}

/* A ":" glued to the word after it ("says:Hi"), or -1. */
static int glued_colon(Line l)
{
    int start = indent_of(l) + (starts_item(l) ? 2 : 0);
    for (int i = start; i + 1 < l.n; i++) {
        if (l.s[i] == ' ' || l.s[i] == '"' || l.s[i] == '\'')
            return -1; /* past the key */
        if (l.s[i] == ':')
            return l.s[i + 1] != ' ' ? i : -1;
    }
    return -1;
}

/* The first word after the indentation and any "- ": where a key would be. */
static int key_word(Line l, int *start)
{
    int i = indent_of(l) + (starts_item(l) ? 2 : 0), e = i;
    while (e < l.n && l.s[e] != ' ' && l.s[e] != ':' && l.s[e] != '"' && l.s[e] != '\'')
        e++;
    *start = i;
    return e - i;
}

/* Where a quoted scalar that ends at line L, byte b began, if on an earlier
 * line: a quote opened and never closed on its own line swallows the lines
 * after it up to the next quote mark. Quotes count only where a value can
 * start (after ": ", "- ", "[", "{", "," or the indentation), so the
 * apostrophe in `text: I'm here` is not one. Returns the line, or 0. */
static int quote_began(const Text *t, int L, int b, int *col)
{
    const char *buf = t->buf;
    size_t len = t->len, at = (size_t)(line_at(t, L).s - buf) + (size_t)b;
    char quote = 0;
    int line = 1, qline = 0, qcol = 0, c = 1;
    bool may_start = true; /* a value could start here */
    for (size_t i = 0; i < len; i++) {
        char ch = buf[i];
        if (i == at) {
            if (!quote)
                return 0;
            *col = qcol;
            return qline < L && ch == quote ? qline : 0;
        }
        if (ch == '\n') {
            line++;
            c = 1;
            if (!quote)
                may_start = true;
            continue;
        }
        if (quote) {
            if (quote == '"' && ch == '\\')
                i++;
            else if (ch == quote && quote == '\'' && i + 1 < len && buf[i + 1] == '\'')
                i++;
            else if (ch == quote)
                quote = 0;
        } else if ((ch == '"' || ch == '\'') && may_start) {
            quote = ch;
            qline = line;
            qcol = c;
        } else if (ch == '#' && may_start) {
            while (i + 1 < len && buf[i + 1] != '\n')
                i++;
        }
        if (!quote && ch != ' ')
            may_start = ch == ':' || ch == '-' || ch == '[' || ch == '{' || ch == ',' || ch == '?';
        if (((unsigned char)ch & 0xC0) != 0x80)
            c++;
    }
    return 0;
}

/* Does the line hold a key with its value on the same line ("id: intro")? */
static bool key_with_value(Line l)
{
    int c = key_colon(l);
    if (c < 0)
        return false;
    for (int i = c + 1; i < l.n; i++)
        if (l.s[i] != ' ')
            return l.s[i] != '#';
    return false;
}

static void say(YamlExplained *out, int line, int col, const char *fmt, ...)
{
    out->line = line;
    out->col = col;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(out->msg, sizeof out->msg, fmt, ap);
    va_end(ap);
}

/* The nearest list item above line k: its line and column, or 0. */
static int item_above(const Text *t, int k, int *col)
{
    for (int j = line_above(t, k); j >= 1; j = line_above(t, j)) {
        Line a = line_at(t, j);
        if (starts_item(a)) {
            *col = indent_of(a) + 1;
            return j;
        }
        if (indent_of(a) == 0)
            return 0; /* a top-level key: no list above in this block */
    }
    return 0;
}

/* Does a key on the lines above L (back to the first line at the left
 * margin) start in column col? */
static bool key_column_above(const Text *t, int L, int col)
{
    for (int j = line_above(t, L); j >= 1; j = line_above(t, j)) {
        Line a = line_at(t, j);
        int i = indent_of(a);
        if (col == i + 1 || (starts_item(a) && col == i + 3))
            return true;
        if (i == 0)
            break;
    }
    return false;
}

/* The key a line starts with, as written ("text:"), for messages. */
static void key_text(Line l, char *out, size_t size)
{
    int ks, kn = key_word(l, &ks);
    bool colon = ks + kn < l.n && l.s[ks + kn] == ':';
    snprintf(out, size, "%.*s%s", kn < 40 ? kn : 40, l.s + ks, colon ? ":" : "");
}

/* "add 2 spaces" / "remove 1 space" to go from column `from` to `to`. */
static void spaces(char *out, size_t size, int from, int to)
{
    int n = to > from ? to - from : from - to;
    snprintf(out, size, "%s %d space%s", to > from ? "add" : "remove", n, n == 1 ? "" : "s");
}

static bool explain_indentation(const Text *t, int L, int C, int ctxL, int ctxC, bool in_list,
                                YamlExplained *out)
{
    Line l = line_at(t, L);
    char ch = char_at(l, C);
    int icol = 0, item = item_above(t, L, &icol);
    int P = line_above(t, L);
    Line p = line_at(t, P);
    bool beside_key = P && indent_of(p) + 1 == C && !starts_item(p);
    char mine[48], theirs[48], fix[32];
    key_text(l, mine, sizeof mine);
    key_text(p, theirs, sizeof theirs);
    if (ch == '-' && item && icol != C && !beside_key) {
        spaces(fix, sizeof fix, C, icol);
        say(out, L, C,
            "this list item starts in column %d, but the item on line %d starts in column %d: %s so every "
            "\"- \" of the list starts in the same column",
            C, item, icol, fix);
        return true;
    }
    if (ch == '-' && beside_key) {
        say(out, L, C,
            "remove the \"- \" here: \"%s\" belongs to the same thing as \"%s\" on line %d, so it starts "
            "like it, without a dash (a \"- \" starts a new item of a list)",
            mine, theirs, P);
        return true;
    }
    if (ch == '-') {
        say(out, L, C,
            "a \"- \" starts a new item of a list, but there is no list here: remove the \"- \"");
        return true;
    }
    if (in_list && C == ctxC) {
        Line c = line_at(t, ctxL);
        char first[48];
        key_text(c, first, sizeof first);
        say(out, L, C,
            "this line starts in the same column as the \"- \" on line %d, so it reads as a new item of that "
            "list: add 2 spaces, to line up with \"%s\" after the \"- \"",
            ctxL, first);
        return true;
    }
    int pcol = indent_of(p) + (starts_item(p) ? 3 : 1);
    spaces(fix, sizeof fix, C, pcol);
    if (P && C > pcol && key_with_value(p)) {
        say(out, L, C,
            "this line is indented more than line %d, which already has its value (nothing can go under "
            "\"%s\"): %s, to start in column %d like it",
            P, theirs, fix, pcol);
        return true;
    }
    if (!P)
        return false;
    if (!in_list && ctxC > 0 && C > ctxC && key_column_above(t, L, C)) {
        say(out, L, C,
            "this line is indented more than the keys above it, which start in column %d (line %d): keys that "
            "belong together start in the same column",
            ctxC, ctxL);
        return true;
    }
    say(out, L, C,
        "this line starts in column %d, which lines up with no key above it: %s, to start in column %d "
        "like \"%s\" on line %d",
        C, fix, pcol, theirs, P);
    return true;
}

static void explain(const yaml_parser_t *p, const Text *t, YamlExplained *out)
{
    const char *problem = p->problem ? p->problem : "";
    const char *context = p->context ? p->context : "";
    int L = (int)p->problem_mark.line + 1, C = (int)p->problem_mark.column + 1;
    int ctxL = (int)p->context_mark.line + 1, ctxC = (int)p->context_mark.column + 1;
    if (!p->context)
        ctxL = ctxC = 0;
    Line l = line_at(t, L);
    char ch = char_at(l, C);
    int tab = tab_in_indent(l);
    if (tab || strstr(problem, "tab character")) {
        int P = line_above(t, L);
        Line above = line_at(t, P);
        char theirs[48];
        key_text(above, theirs, sizeof theirs);
        int want = indent_of(above) + (starts_item(above) ? 2 : 0);
        if (P)
            say(out, L, tab ? tab : C,
                "this line starts with a tab (shown as \u2192): YAML is indented with spaces only; put %d "
                "space%s in its place to line up with \"%s\" on line %d",
                want, want == 1 ? "" : "s", theirs, P);
        else
            say(out, L, tab ? tab : C,
                "this line starts with a tab (shown as \u2192): YAML is indented with spaces only");
        return;
    }
    if (strstr(problem, "end of stream") && strstr(context, "quoted scalar")) {
        Line q = line_at(t, ctxL);
        char mark = char_at(q, ctxC);
        say(out, ctxL, ctxC,
            "the quoted text that starts here is never closed: end it with %c, the same mark it starts with",
            mark == '\'' ? '\'' : '"');
        return;
    }
    if (strstr(problem, "unknown escape")) {
        char next = char_at(l, C + 1);
        say(out, L, C,
            "inside \"double quotes\" a backslash starts a special character, and \\%c is not one: write \\\\ for "
            "a backslash, or put the text in 'single quotes'",
            next ? next : ' ');
        return;
    }
    if (strstr(problem, "block sequence entries are not allowed")) {
        say(out, L, C,
            "a list item (\"- \") cannot start on the same line as its key: end the key's line with \":\" and "
            "put each item on a line of its own below it, indented");
        return;
    }
    if (strstr(problem, "cannot start any token")) {
        say(out, L, C, "a value cannot start with \"%c\": put the whole value in quotes", ch ? ch : '?');
        return;
    }
    if (strstr(problem, "expected ',' or ']'") || strstr(problem, "expected ',' or '}'")) {
        bool list = strchr(problem, ']') != NULL;
        say(out, ctxL, ctxC,
            "the %s that opens here with \"%c\" is never closed with \"%c\" (or two of its items lack a comma "
            "between them)",
            list ? "list" : "mapping", list ? '[' : '{', list ? ']' : '}');
        return;
    }
    if (strstr(problem, "could not find expected ':'")) {
        Line k = line_at(t, ctxL);
        int g = glued_colon(k);
        if (g >= 0)
            say(out, ctxL, g + 1, "put a space after this colon: YAML needs \"key: value\"");
        else {
            int ks, kn = key_word(k, &ks);
            say(out, ctxL, ks + kn + 1,
                "this line has no colon after \"%.*s\": write \"%.*s: value\", or \"%.*s:\" with what belongs to "
                "it on the lines below",
                kn, k.s + ks, kn, k.s + ks, kn, k.s + ks);
        }
        return;
    }
    if (strstr(problem, "mapping values are not allowed")) {
        int first = key_colon(l);
        int at = byte_of_col(l, C);
        if (first >= 0 && at > first) {
            int vs = first + 1;
            while (vs < l.n && l.s[vs] == ' ')
                vs++;
            int ks = indent_of(l) + (starts_item(l) ? 2 : 0);
            if (!memchr(l.s + vs, '"', (size_t)(l.n - vs)) && l.n - ks < 120)
                say(out, L, C,
                    "this value has \": \" in it, which YAML reads as the start of another key: put the whole "
                    "value in quotes, like this: %.*s \"%.*s\"",
                    first + 1 - ks, l.s + ks, l.n - vs, l.s + vs);
            else
                say(out, L, C,
                    "this value has \": \" in it, which YAML reads as the start of another key: put the whole "
                    "value in quotes");
            return;
        }
        int P = line_above(t, L);
        Line pl = line_at(t, P);
        int g = glued_colon(pl);
        if (P && g >= 0) {
            say(out, P, g + 1, "put a space after this colon: YAML needs \"key: value\"");
            return;
        }
        if (P && key_colon(pl) < 0 && indent_of(l) >= indent_of(pl)) {
            int ks, kn = key_word(pl, &ks);
            say(out, P, ks + kn + 1,
                "this line has no \": \" after \"%.*s\" (write \"%.*s: ...\"), so YAML reads line %d as more "
                "of its text",
                kn, pl.s + ks, kn, pl.s + ks, L);
            return;
        }
        if (P && indent_of(l) > indent_of(pl) && key_with_value(pl)) {
            explain_indentation(t, L, indent_of(l) + 1, 0, 0, false, out);
            return;
        }
        say(out, L, C,
            "a \":\" is not allowed here: put the value in quotes if it contains \": \", or check this line's "
            "indentation against the lines above");
        return;
    }
    if (strstr(problem, "did not find expected key") || strstr(problem, "expected '-' indicator")) {
        /* Text after a closing quote ("a" b) ends up here too. */
        int at = byte_of_col(l, C);
        int b = at < 0 ? l.n - 1 : at - 1;
        while (b >= 0 && l.s[b] == ' ')
            b--;
        int qcol = 0, qline = b > indent_of(l) ? quote_began(t, L, b, &qcol) : 0;
        if (qline) {
            say(out, qline, qcol,
                "the quoted text that starts here is not closed on its line: end it with %c on this line "
                "(without it, YAML reads on to the next %c, on line %d)",
                l.s[b], l.s[b], L);
            return;
        }
        if (b > indent_of(l) && (l.s[b] == '"' || l.s[b] == '\'')) {
            char q = l.s[b];
            /* Another quote mark later on the line: one meant inside the text. */
            int w = at < 0 ? l.n : at, we = w;
            while (we < l.n && l.s[we] != ' ' && l.s[we] != q)
                we++;
            bool inside = w < l.n && memchr(l.s + w, q, (size_t)(l.n - w)) != NULL;
            if (inside && q == '"')
                say(out, L, C,
                    "the \" before \"%.*s\" ends your text early: put the whole text in single quotes instead "
                    "('...\"%.*s\"...'), or write each \" inside it as \\\"",
                    we - w < 30 ? we - w : 30, l.s + w, we - w < 30 ? we - w : 30, l.s + w);
            else if (inside)
                say(out, L, C,
                    "the ' before \"%.*s\" ends your text early: put the whole text in double quotes instead, "
                    "or write each ' inside it twice ('')",
                    we - w < 30 ? we - w : 30, l.s + w);
            else
                say(out, L, C,
                    "there is more text after the closing quote: put all of the value inside the quotes");
            return;
        }
        bool in_list = strstr(problem, "'-'") != NULL;
        if (explain_indentation(t, L, indent_of(l) + 1, ctxL, ctxC, in_list, out))
            return;
    }
    if (strstr(problem, "expected node content")) {
        say(out, L, C,
            "a value is missing here, or starts with a character YAML keeps for itself (one of [ ] { } , > | * "
            "& ! %% @ `): put the value in quotes");
        return;
    }
    /* Something rarer: the parser's own words. */
    if (p->context)
        say(out, L, C, "YAML cannot read this: %s %s (line %d, column %d)", problem, context, ctxL, ctxC);
    else
        say(out, L, C, "YAML cannot read this: %s", *problem ? problem : "malformed YAML");
}

void yaml_explain(const yaml_parser_t *p, const char *buf, size_t len, YamlExplained *out)
{
    Text t;
    if (!text_index(&t, buf, len)) {
        out->line = (int)p->problem_mark.line + 1;
        out->col = (int)p->problem_mark.column + 1;
        snprintf(out->msg, sizeof out->msg, "YAML cannot read this: %s", p->problem ? p->problem : "malformed YAML");
        return;
    }
    explain(p, &t, out);
    free(t.starts);
}
