/* Unsaid - content.h: the folder src/core/content, what packs hold.
 *
 *   pack.h      a pack's manifest (pack.yaml) and the version rules
 *   library.h   every pack the game can see, loaded in a defined order,
 *               each kept only if all of it is clean
 *   registry.h  content found by id, each piece owned by a pack, with the
 *               visibility and override rules
 *   lexicon.h   the cue vocabulary: what the body does for each cue
 *   cast.h      the people scenes use (look.h: how one person looks)
 *   places.h    where scenes happen, as shapes
 *   strings.h   the words of the interface, as data
 *   scene.h     one scene, loaded and validated, ready to play
 *   difficulty.h gentle, standard, sharp: a scene's cues rewritten within limits
 * Private to the folder: library_parts.h, registry_yaml.h, cast_parse.h.
 *
 * Contract: depends on util and body, nothing above. Loaders take bytes
 * and a file name, never a path: the platform reads files (PackIO), so
 * content never touches the disk or SDL. Every problem is a diagnostic
 * with file:line:col; a loader never stops at the first one. What a
 * Library holds is read-only once library_load returns, until
 * library_free. Code outside src/core includes this header only. */
#ifndef UNSAID_CONTENT_H
#define UNSAID_CONTENT_H

#include "cast.h"
#include "difficulty.h"
#include "lexicon.h"
#include "library.h"
#include "look.h"
#include "pack.h"
#include "places.h"
#include "registry.h"
#include "scene.h"
#include "strings.h"

#endif
