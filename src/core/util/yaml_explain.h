/* Unsaid - yaml_explain.h: a YAML syntax error in plain words.
 *
 * libyaml reports what its grammar could not do ("did not find expected
 * key while parsing a block mapping"). A teacher needs what to change in
 * the file: too much or too little indentation, a tab, a missing colon or
 * the space after it, an unclosed quote, a stray "- ". This looks at the
 * parser's marks and the lines around them and says that, at the place the
 * fix goes (which may be the line above the one the parser stopped on). */
#ifndef UNSAID_YAML_EXPLAIN_H
#define UNSAID_YAML_EXPLAIN_H

#include <stddef.h>
#include <yaml.h>

typedef struct {
    int line, col; /* 1-based: where to point */
    char msg[320];
} YamlExplained;

/* p has failed to load buf[len]. */
void yaml_explain(const yaml_parser_t *p, const char *buf, size_t len, YamlExplained *out);

#endif
