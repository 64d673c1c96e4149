/* Unsaid - raster.h: triangles straight into a 32-bit ARGB surface.
 *
 * SDL's software renderer fills a triangle by testing every pixel of its
 * bounding box; the shapes here are many small, thin triangles, so most of
 * that work is wasted. This rasteriser walks only the pixels inside each
 * triangle, row by row, with the same blending SDL uses. It is used when
 * the game draws into a surface it owns (headless frames, screenshots,
 * contact sheets, benchmarks); windows keep the SDL renderer. */
#ifndef UNSAID_RASTER_H
#define UNSAID_RASTER_H

#include <SDL2/SDL.h>
#include <stdbool.h>

typedef enum { RASTER_BLEND, RASTER_ADD } RasterMode;

/* Fill indexed triangles into surf (SDL_PIXELFORMAT_ARGB8888), inside clip. */
void raster_triangles(SDL_Surface *surf, const SDL_Rect *clip, const SDL_Vertex *v, const int *idx, int nidx,
                      RasterMode mode);

#endif
