/* Unsaid - cast_parse.h: reading a look from YAML, for the core's loaders
 * only (look files and scenes that write a look in place). Kept out of
 * cast.h so that libyaml stays inside the core. */
#ifndef UNSAID_CAST_PARSE_H
#define UNSAID_CAST_PARSE_H

#include "look.h"
#include "yamlutil.h"

/* Read look keys (skin, hair, hair_style, ...) from a mapping into *look;
 * `extra` names further keys the caller allows (NULL-terminated, may be NULL). */
void cast_parse_look(YDoc *y, const yaml_node_t *map, const char *const *extra, Look *look);

#endif
