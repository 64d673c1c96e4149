/* Unsaid - library_parts.h: what library.c and library_order.c share (not
 * for use outside them). library_order.c reads each pack's manifest and puts
 * the packs in load order (rules 1 to 3 of library.h); library.c loads what
 * is in them (rules 4 to 6). */
#ifndef UNSAID_LIBRARY_PARTS_H
#define UNSAID_LIBRARY_PARTS_H

#include "library.h"

#include <stddef.h>

const char *library_pack_id(const PackInfo *p);
void library_shown_path(char *out, size_t size, const PackInfo *p, const char *file);
void library_dep_error(PackInfo *p, const PackRef *r, const char *msg);
void library_read_manifest(PackInfo *p, const PackSource *src, const PackIO *io, SemVer game);
void library_resolve_duplicates(PackInfo *all, int n);
int library_order_packs(PackInfo *all, int n, int *order);

#endif
