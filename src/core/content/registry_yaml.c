/* Unsaid - registry_yaml.c: see registry_yaml.h. */
#include "registry_yaml.h"

#include <stdio.h>

bool registry_put_node(Registry *r, YDoc *y, const yaml_node_t *node, const PackScope *scope, const char *id,
                       void *item)
{
    const RegEntry *clash;
    int line = (int)node->start_mark.line + 1, col = (int)node->start_mark.column + 1;
    RegResult res = item ? registry_put(r, scope, id, y->file, line, col, item, &clash)
                         : registry_check(r, scope, id, &clash);
    if (res == REG_ADDED || res == REG_REPLACED)
        return true;
    char msg[400];
    registry_put_message(r, res, id, clash, msg, sizeof msg);
    yerr(y, node, "%s", msg);
    return false;
}
