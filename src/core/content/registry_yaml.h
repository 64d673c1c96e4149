/* Unsaid - registry_yaml.h: the content loaders' way into the registry.
 *
 * Private to src/core/content: it joins the registry to a YAML node, so a
 * refused id is reported at the line and column where the file wrote it. */
#ifndef UNSAID_REGISTRY_YAML_H
#define UNSAID_REGISTRY_YAML_H

#include "registry.h"
#include "yamlutil.h"

/* Put item under id in r for scope's pack, as written at node (registry.h
 * has the rules). When they refuse it, report why at node and return
 * false: the caller keeps item. With item NULL, only check and report. */
bool registry_put_node(Registry *r, YDoc *y, const yaml_node_t *node, const PackScope *scope, const char *id,
                       void *item);

#endif
