/* Unsaid - yamlutil.h: reading YAML documents with file:line:col errors.
 *
 * A thin layer over libyaml's document API. Every accessor that finds a
 * problem reports it into the document's DiagList, naming the node's
 * position, and returns a "not found" value so loaders can keep going and
 * report everything in one pass. */
#ifndef UNSAID_YAMLUTIL_H
#define UNSAID_YAMLUTIL_H

#include "diag.h"
#include "names.h" /* names_closest, for "did you mean" */

#include <stdbool.h>
#include <stddef.h>
#include <yaml.h>

#define YAML_MAX_DEPTH 32 /* mappings and lists inside each other */

typedef struct {
    yaml_document_t doc;
    const char *file;
    const char *buf; /* the text, to quote lines from: valid while the YDoc is used */
    size_t len;
    DiagList *diags;
    bool loaded;
} YDoc;

/* Parse one document from memory. On a syntax error, or anchors, aliases,
 * tags or nesting deeper than YAML_MAX_DEPTH, reports it and returns false
 * (the YDoc is then empty: nothing to free, though freeing it is safe). */
bool ydoc_load(YDoc *y, const char *file, const char *buf, size_t len, DiagList *diags);
void ydoc_free(YDoc *y);
/* The value of a top-level "id:" line in text that may not parse, so that
 * what names a broken file's id is not reported as a second problem.
 * Returns false when there is none. */
bool ypeek_id(const char *buf, size_t len, char *out, size_t size);
yaml_node_t *ydoc_root(YDoc *y);

/* Report an error / warning at a node. */
void yerr(YDoc *y, const yaml_node_t *node, const char *fmt, ...) DIAG_PRINTF(3, 4);
void ywarn(YDoc *y, const yaml_node_t *node, const char *fmt, ...) DIAG_PRINTF(3, 4);
/* A problem at line:col of the file, not at a node, with that line quoted. */
void yreport_at(YDoc *y, DiagLevel lv, int line, int col, const char *fmt, ...) DIAG_PRINTF(5, 6);

/* Value for key in a mapping, or NULL. */
yaml_node_t *ymap_get(YDoc *y, const yaml_node_t *map, const char *key);
/* Reports keys not in `allowed` (NULL-terminated), with a "did you mean"
 * when one is close, and keys given twice. */
void ymap_check_keys(YDoc *y, const yaml_node_t *map, const char *const *allowed);
/* Reports missing required keys. Returns false if any is missing. */
bool ymap_require(YDoc *y, const yaml_node_t *map, const char *const *required);

/* Node kind checks that report "expected a mapping" etc. */
bool yis_map(YDoc *y, const yaml_node_t *n, const char *what);
bool yis_seq(YDoc *y, const yaml_node_t *n, const char *what);
/* Scalar text, or NULL (reports if n is not a scalar). */
const char *yscalar(YDoc *y, const yaml_node_t *n, const char *what);
/* Parse a number in [lo, hi]; reports and returns false otherwise. */
bool ynumber(YDoc *y, const yaml_node_t *n, const char *what, double lo, double hi, double *out);
bool ybool(YDoc *y, const yaml_node_t *n, const char *what, bool *out);
/* "#rrggbb" colour. */
bool ycolor(YDoc *y, const yaml_node_t *n, const char *what, unsigned *out);

/* Sequence / mapping iteration helpers. */
int yseq_len(const yaml_node_t *seq);
yaml_node_t *yseq_at(YDoc *y, const yaml_node_t *seq, int i);
int ymap_len(const yaml_node_t *map);
yaml_node_t *ymap_key_at(YDoc *y, const yaml_node_t *map, int i);
yaml_node_t *ymap_value_at(YDoc *y, const yaml_node_t *map, int i);

/* Is s an id: min..max characters of a-z, 0-9, _ and -? */
bool yid_valid(const char *s, size_t min, size_t max);

#endif
