/* Unsaid - schema_out.h: --write-schema DIR, the JSON Schemas of
 * docs/schema with the names the installed packs define.
 *
 * Every field of a schema that names something (a cue, a look, a place, a
 * scene, a sound, a pack, an answer's kind or quality) gets the names of
 * that kind as an enum, each with a description in enumDescriptions,
 * which the YAML language server (VS Code's YAML extension and others)
 * shows while you type and when you hover. The lists sit once in each
 * schema's $defs and the fields point at them with $ref. The names come
 * from the packs the game loads (the base pack and the user's packs)
 * and, for a pack set aside because of errors, from whatever of it loads
 * on its own, so a pack being written still completes its own names.
 * Schemas without such fields are written as they ship, so DIR holds the
 * whole set. */
#ifndef UNSAID_SCHEMA_OUT_H
#define UNSAID_SCHEMA_OUT_H

#include "content.h"

#include <stddef.h>

/* The schemas of docs/schema as the program was built with them
 * (schema_files.c, written by embed_schemas.cmake). */
typedef struct {
    const char *name; /* "scene.schema.json" */
    const unsigned char *text;
    size_t len;
} SchemaFile;
extern const SchemaFile schema_files[];
extern const int schema_file_count;

/* Write every schema into the folder dir (which must exist), with the
 * names of lib's packs; io reads the files of packs lib set aside. Prints
 * one line for each file written, then, on stderr, each pack that had
 * errors. Returns the exit code: 0, or 2 when a file could not be
 * written (said on stderr, naming the folder). */
int schema_out_write(const Library *lib, const PackIO *io, const char *dir);

#endif
