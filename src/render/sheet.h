/* Unsaid - sheet.h: labelled contact sheets of the game's art, for looking
 * at it all at once: every cue at its peak, the whole cast, every place.
 * Rendered with the software renderer into a surface (no window needed). */
#ifndef UNSAID_SHEET_H
#define UNSAID_SHEET_H

#include "content.h"
#include "text.h"

#include <SDL2/SDL.h>

typedef enum {
    SHEET_GALLERY, /* neutral, then every body cue of the lexicon at its peak, on one person (text cues show in a chat) */
    SHEET_CAST,    /* every look in the loaded packs */
    SHEET_PLACES,  /* every place in the loaded packs */
} SheetKind;

/* A new surface holding the sheet, or NULL with err filled. */
SDL_Surface *sheet_render(SheetKind kind, const Library *lib, TextOpenFn open, char *err, size_t errsize);

#endif
