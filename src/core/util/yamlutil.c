/* Unsaid - yamlutil.c */
#include "yamlutil.h"

#include "names.h"
#include "yaml_explain.h"

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Before building a document, walk its tokens once: refuse what a level
 * file never needs and a hostile one could abuse. Anchors and aliases can
 * multiply a small file into a huge tree, custom tags have no meaning here,
 * and deep nesting would exhaust libyaml's recursive loader. */
static bool prescan(const char *file, const char *buf, size_t len, DiagList *diags)
{
    yaml_parser_t parser;
    if (!yaml_parser_initialize(&parser))
        return false;
    yaml_parser_set_input_string(&parser, (const unsigned char *)buf, len);
    bool ok = true;
    int depth = 0;
    for (;;) {
        yaml_token_t tok;
        if (!yaml_parser_scan(&parser, &tok))
            break; /* syntax errors are reported by the real load */
        const char *what = NULL;
        switch (tok.type) {
        case YAML_ANCHOR_TOKEN: what = "anchors (&name) are not allowed; write the value out in full"; break;
        case YAML_ALIAS_TOKEN: what = "aliases (*name) are not allowed; write the value out in full"; break;
        case YAML_TAG_TOKEN: what = "tags (!name) are not allowed in Unsaid files"; break;
        case YAML_BLOCK_SEQUENCE_START_TOKEN:
        case YAML_BLOCK_MAPPING_START_TOKEN:
        case YAML_FLOW_SEQUENCE_START_TOKEN:
        case YAML_FLOW_MAPPING_START_TOKEN:
            if (++depth > YAML_MAX_DEPTH)
                what = "nested too deeply";
            break;
        case YAML_BLOCK_END_TOKEN:
        case YAML_FLOW_SEQUENCE_END_TOKEN:
        case YAML_FLOW_MAPPING_END_TOKEN: depth--; break;
        default: break;
        }
        bool end = tok.type == YAML_STREAM_END_TOKEN;
        if (what) {
            diag_add(diags, DIAG_ERROR, file, (int)tok.start_mark.line + 1, (int)tok.start_mark.column + 1,
                     "%s", what);
            ok = false;
        }
        yaml_token_delete(&tok);
        if (end || !ok)
            break;
    }
    yaml_parser_delete(&parser);
    return ok;
}

bool ydoc_load(YDoc *y, const char *file, const char *buf, size_t len, DiagList *diags)
{
    memset(y, 0, sizeof *y);
    y->file = file;
    y->buf = buf;
    y->len = len;
    y->diags = diags;
    if (!prescan(file, buf, len, diags))
        return false;
    yaml_parser_t parser;
    if (!yaml_parser_initialize(&parser)) {
        diag_add(diags, DIAG_ERROR, file, 0, 0, "out of memory reading YAML");
        return false;
    }
    yaml_parser_set_input_string(&parser, (const unsigned char *)buf, len);
    if (!yaml_parser_load(&parser, &y->doc)) {
        if (parser.error == YAML_READER_ERROR) {
            /* Reader errors (bad encoding) carry a byte offset, not a mark. */
            int line = 1, col = 1;
            for (size_t i = 0; i < parser.problem_offset && i < len; i++) {
                if (buf[i] == '\n') {
                    line++;
                    col = 1;
                } else if (((unsigned char)buf[i] & 0xC0) != 0x80) {
                    col++;
                }
            }
            const char *problem = parser.problem ? parser.problem : "";
            if (strstr(problem, "control characters"))
                diag_add(diags, DIAG_ERROR, file, line, col,
                         "an invisible control character is here: delete it (text copied from a word processor "
                         "or a web page can bring one along)");
            else
                diag_add(diags, DIAG_ERROR, file, line, col,
                         "this is not UTF-8 text: a character here was saved in another encoding (often Latin-1 "
                         "or Windows-1252); save the file as UTF-8");
        } else {
            YamlExplained e;
            yaml_explain(&parser, buf, len, &e);
            diag_add(diags, DIAG_ERROR, file, e.line, e.col, "%s", e.msg);
            diag_quote(diags, buf, len);
        }
        yaml_parser_delete(&parser);
        return false;
    }
    yaml_parser_delete(&parser);
    y->loaded = true;
    if (!yaml_document_get_root_node(&y->doc)) {
        diag_add(diags, DIAG_ERROR, file, 1, 1, "the file is empty");
        ydoc_free(y); /* a failed load leaves nothing to free */
        return false;
    }
    return true;
}

bool ypeek_id(const char *buf, size_t len, char *out, size_t size)
{
    for (size_t i = 0; i + 3 <= len; i++) {
        if ((i == 0 || buf[i - 1] == '\n') && memcmp(buf + i, "id:", 3) == 0) {
            size_t a = i + 3, e;
            while (a < len && buf[a] == ' ')
                a++;
            char q = a < len && (buf[a] == '"' || buf[a] == '\'') ? buf[a++] : 0;
            for (e = a; e < len && buf[e] != '\n' && buf[e] != '\r' && (q ? buf[e] != q : buf[e] != ' ' && buf[e] != '#');)
                e++;
            if (e == a || e - a >= size)
                return false;
            memcpy(out, buf + a, e - a);
            out[e - a] = '\0';
            return true;
        }
    }
    return false;
}

void ydoc_free(YDoc *y)
{
    if (y->loaded)
        yaml_document_delete(&y->doc);
    y->loaded = false;
}

yaml_node_t *ydoc_root(YDoc *y)
{
    return y->loaded ? yaml_document_get_root_node(&y->doc) : NULL;
}

static void vreport(YDoc *y, DiagLevel lv, const yaml_node_t *node, const char *fmt, va_list ap)
{
    int line = node ? (int)node->start_mark.line + 1 : 0;
    int col = node ? (int)node->start_mark.column + 1 : 0;
    diag_vadd(y->diags, lv, y->file, line, col, fmt, ap);
    /* A value is worth quoting; a whole mapping or list starts on a line
     * that is not where its problem is. */
    if (node && node->type == YAML_SCALAR_NODE)
        diag_quote(y->diags, y->buf, y->len);
}

void yreport_at(YDoc *y, DiagLevel lv, int line, int col, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    diag_vadd(y->diags, lv, y->file, line, col, fmt, ap);
    va_end(ap);
    diag_quote(y->diags, y->buf, y->len);
}

void yerr(YDoc *y, const yaml_node_t *node, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vreport(y, DIAG_ERROR, node, fmt, ap);
    va_end(ap);
}

void ywarn(YDoc *y, const yaml_node_t *node, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vreport(y, DIAG_WARNING, node, fmt, ap);
    va_end(ap);
}

static const char *kind_name(const yaml_node_t *n)
{
    switch (n->type) {
    case YAML_SCALAR_NODE: return "a single value";
    case YAML_SEQUENCE_NODE: return "a list";
    case YAML_MAPPING_NODE: return "a mapping (key: value pairs)";
    default: return "nothing";
    }
}

int ymap_len(const yaml_node_t *map)
{
    if (!map || map->type != YAML_MAPPING_NODE)
        return 0;
    return (int)(map->data.mapping.pairs.top - map->data.mapping.pairs.start);
}

yaml_node_t *ymap_key_at(YDoc *y, const yaml_node_t *map, int i)
{
    return yaml_document_get_node(&y->doc, map->data.mapping.pairs.start[i].key);
}

yaml_node_t *ymap_value_at(YDoc *y, const yaml_node_t *map, int i)
{
    return yaml_document_get_node(&y->doc, map->data.mapping.pairs.start[i].value);
}

int yseq_len(const yaml_node_t *seq)
{
    if (!seq || seq->type != YAML_SEQUENCE_NODE)
        return 0;
    return (int)(seq->data.sequence.items.top - seq->data.sequence.items.start);
}

yaml_node_t *yseq_at(YDoc *y, const yaml_node_t *seq, int i)
{
    return yaml_document_get_node(&y->doc, seq->data.sequence.items.start[i]);
}

static const char *key_text(const yaml_node_t *k)
{
    return k && k->type == YAML_SCALAR_NODE ? (const char *)k->data.scalar.value : NULL;
}

yaml_node_t *ymap_get(YDoc *y, const yaml_node_t *map, const char *key)
{
    int n = ymap_len(map);
    for (int i = 0; i < n; i++) {
        const char *k = key_text(ymap_key_at(y, map, i));
        if (k && strcmp(k, key) == 0)
            return ymap_value_at(y, map, i);
    }
    return NULL;
}

bool yid_valid(const char *s, size_t min, size_t max)
{
    size_t n = strlen(s);
    if (n < min || n > max)
        return false;
    for (size_t i = 0; i < n; i++)
        if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= '0' && s[i] <= '9') || s[i] == '_' || s[i] == '-'))
            return false;
    return true;
}

void ymap_check_keys(YDoc *y, const yaml_node_t *map, const char *const *allowed)
{
    int n = ymap_len(map);
    for (int i = 0; i < n; i++) {
        yaml_node_t *kn = ymap_key_at(y, map, i);
        const char *k = key_text(kn);
        if (!k) {
            yerr(y, kn, "a key must be a plain word, not %s", kind_name(kn));
            continue;
        }
        for (int j = 0; j < i; j++) {
            const char *prev = key_text(ymap_key_at(y, map, j));
            if (prev && strcmp(prev, k) == 0) {
                yerr(y, kn, "key '%s' is given twice (first on line %d)", k,
                     (int)ymap_key_at(y, map, j)->start_mark.line + 1);
                break;
            }
        }
        bool ok = false;
        for (int a = 0; allowed[a]; a++)
            if (strcmp(allowed[a], k) == 0)
                ok = true;
        if (!ok) {
            const char *s = names_closest(k, allowed);
            if (s)
                yerr(y, kn, "unknown key '%s' (did you mean '%s'?)", k, s);
            else
                yerr(y, kn, "unknown key '%s'", k);
        }
    }
}

bool ymap_require(YDoc *y, const yaml_node_t *map, const char *const *required)
{
    bool ok = true;
    for (int i = 0; required[i]; i++) {
        if (!ymap_get(y, map, required[i])) {
            yerr(y, map, "missing required key '%s'", required[i]);
            ok = false;
        }
    }
    return ok;
}

bool yis_map(YDoc *y, const yaml_node_t *n, const char *what)
{
    if (n && n->type == YAML_MAPPING_NODE)
        return true;
    if (n)
        yerr(y, n, "%s must be a mapping (key: value pairs), found %s", what, kind_name(n));
    return false;
}

bool yis_seq(YDoc *y, const yaml_node_t *n, const char *what)
{
    if (n && n->type == YAML_SEQUENCE_NODE)
        return true;
    if (n)
        yerr(y, n, "%s must be a list (lines starting with '- '), found %s", what, kind_name(n));
    return false;
}

const char *yscalar(YDoc *y, const yaml_node_t *n, const char *what)
{
    if (n && n->type == YAML_SCALAR_NODE)
        return (const char *)n->data.scalar.value;
    if (n)
        yerr(y, n, "%s must be a single value, found %s", what, kind_name(n));
    return NULL;
}

bool ynumber(YDoc *y, const yaml_node_t *n, const char *what, double lo, double hi, double *out)
{
    const char *s = yscalar(y, n, what);
    if (!s)
        return false;
    char *end = NULL;
    errno = 0;
    double v = strtod(s, &end);
    if (end == s || *end != '\0' || errno != 0 || !isfinite(v)) {
        yerr(y, n, "%s must be a number, found '%s'", what, s);
        return false;
    }
    if (v < lo || v > hi) {
        yerr(y, n, "%s must be between %g and %g, found %g", what, lo, hi, v);
        return false;
    }
    *out = v;
    return true;
}

bool ybool(YDoc *y, const yaml_node_t *n, const char *what, bool *out)
{
    const char *s = yscalar(y, n, what);
    if (!s)
        return false;
    if (strcmp(s, "true") == 0 || strcmp(s, "yes") == 0) {
        *out = true;
        return true;
    }
    if (strcmp(s, "false") == 0 || strcmp(s, "no") == 0) {
        *out = false;
        return true;
    }
    yerr(y, n, "%s must be true or false, found '%s'", what, s);
    return false;
}

bool ycolor(YDoc *y, const yaml_node_t *n, const char *what, unsigned *out)
{
    const char *s = yscalar(y, n, what);
    if (!s)
        return false;
    unsigned v = 0;
    bool ok = s[0] == '#' && strlen(s) == 7;
    for (int i = 1; ok && i < 7; i++) {
        char c = s[i];
        int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10
              : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
        if (d < 0)
            ok = false;
        else
            v = v * 16 + (unsigned)d;
    }
    if (!ok) {
        yerr(y, n, "%s must be a colour like \"#a0522d\" (in quotes), found '%s'", what, s);
        return false;
    }
    *out = v;
    return true;
}
