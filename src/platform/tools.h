/* Unsaid - tools.h: the pack tools, for people who write level packs.
 *
 * Each runs instead of the game, on the data folder opened read-only, and
 * returns the program's exit code:
 *   --check PATH...  every problem of the given packs as file:line:col and
 *                    a summary; 0 clean, 1 errors, 2 could not run
 *   --new-pack DIR   a small commented example pack that passes the check
 *   --gallery, --cast, --places FILE.png  a labelled contact sheet
 *   --write-schema DIR  the JSON Schemas with the names the packs define */
#ifndef UNSAID_TOOLS_H
#define UNSAID_TOOLS_H

#include "cli.h"

#include <stdbool.h>

/* Does the command line ask for a tool rather than the game? */
bool tools_wanted(const Options *o);
/* Run the tool the command line asks for. */
int tools_run(const Options *o);

#endif
