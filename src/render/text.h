/* Unsaid - text.h: fonts, word wrap and cached text textures.
 *
 * Sizes are in canvas pixels; fonts are rasterised at the output scale so
 * text stays crisp on a projector. Rendered strings are cached as textures
 * and evicted when a few frames go by without use. */
#ifndef UNSAID_TEXT_H
#define UNSAID_TEXT_H

#include "draw.h"

#include <SDL2/SDL.h>
#include <stdbool.h>
#include <stddef.h>

typedef enum {
    FONT_SMALL,
    FONT_SMALL_BOLD,
    FONT_BODY,
    FONT_BODY_BOLD,
    FONT_HEADING,
    FONT_TITLE,
    FONT_LABEL, /* chart labels: a fixed size, whatever the player's text size */
    FONT_COUNT
} FontId;

typedef enum { ALIGN_LEFT, ALIGN_CENTER, ALIGN_RIGHT } TextAlign;

typedef struct {
    int start, len; /* byte range of one wrapped line */
} TextLine;

/* Opens a file of the game's data as an SDL_RWops (e.g. vfs_rwops). */
typedef SDL_RWops *(*TextOpenFn)(const char *path);

typedef struct Text Text;

/* text_create starts SDL_ttf and text_destroy stops it again (SDL_ttf
 * counts them), so no one else needs to. */
Text *text_create(SDL_Renderer *renderer, TextOpenFn open, float scale, char *err, size_t errsize);
void text_destroy(Text *t);
/* Make reading text (small and body fonts) `factor` times its normal size;
 * headings stay as they are. */
bool text_set_size(Text *t, float factor);
/* Re-rasterise fonts for a new output scale (window resized). */
bool text_set_scale(Text *t, float scale);
/* Both return false when the fonts could not be opened at the new size:
 * the old fonts stay in use, and the failure is written to stderr once. */
float text_line_height(Text *t, FontId f);
float text_width(Text *t, FontId f, const char *s, int nbytes);
/* Word-wrap s into lines no wider than width; returns the line count. */
int text_wrap(Text *t, FontId f, const char *s, float width, TextLine *lines, int max);
/* Draw one line (nbytes < 0: all). y is the top of the line. */
void text_draw(Text *t, Draw *d, FontId f, const char *s, int nbytes, float x, float y, Color c,
               TextAlign align);
/* Draw wrapped text showing only the first `visible` bytes (< 0: all), laid
 * out as if complete so words never jump between lines while typing.
 * Returns the height of the whole block. */
float text_draw_wrapped(Text *t, Draw *d, FontId f, const char *s, float x, float y, float width,
                        int visible, Color c, TextAlign align);
/* Height text_draw_wrapped would use. */
float text_wrapped_height(Text *t, FontId f, const char *s, float width);
/* Call once per frame after drawing. */
void text_frame_end(Text *t);

#endif
