/* Unsaid - util.h: the folder src/core/util, tools every other part uses.
 *
 *   arena.h     a bump allocator for data that lives and dies together
 *   diag.h      problems found in input, each with file:line:col
 *   names.h     an enum's values and their names, both ways
 *   rng.h       seeded random streams that replay exactly
 *   yamlutil.h  reading YAML with file:line:col errors (for the core's
 *               loaders only: it brings in libyaml, so it is not here)
 *
 * Private to the folder: yaml_explain.h.
 *
 * Contract: depends on nothing of the game's; the C library and libyaml
 * only. No SDL, no files, no clock, no global state: the same calls give
 * the same results. Code outside src/core includes this header only. */
#ifndef UNSAID_UTIL_H
#define UNSAID_UTIL_H

#include "arena.h"
#include "diag.h"
#include "names.h"
#include "rng.h"

#endif
