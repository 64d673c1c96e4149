/* imgdiff: compare a rendered frame with its golden image.
 *
 * usage: imgdiff EXPECTED.png ACTUAL.png DIFF.png [CHANNEL_TOLERANCE] [MAX_PERCENT]
 *
 * A pixel differs when any channel is off by more than CHANNEL_TOLERANCE
 * (default 12 of 255). The images match when at most MAX_PERCENT of pixels
 * (default 0.2) differ. On a mismatch DIFF.png shows the differing pixels in
 * red over a faded copy of the expected image, and the exit status is 1. */
#include <SDL2/SDL.h>
#include <SDL2/SDL_image.h>
#include <stdio.h>
#include <stdlib.h>

static SDL_Surface *load(const char *path)
{
    SDL_Surface *s = IMG_Load(path);
    if (!s) {
        fprintf(stderr, "imgdiff: %s: %s\n", path, IMG_GetError());
        return NULL;
    }
    SDL_Surface *c = SDL_ConvertSurfaceFormat(s, SDL_PIXELFORMAT_ARGB8888, 0);
    SDL_FreeSurface(s);
    return c;
}

int main(int argc, char **argv)
{
    if (argc < 4) {
        fprintf(stderr, "usage: imgdiff EXPECTED.png ACTUAL.png DIFF.png [TOLERANCE] [MAX_PERCENT]\n");
        return 2;
    }
    int tol = argc > 4 ? atoi(argv[4]) : 12;
    double max_pct = argc > 5 ? atof(argv[5]) : 0.2;
    SDL_Surface *a = load(argv[1]), *b = load(argv[2]);
    if (!a || !b)
        return 2;
    if (a->w != b->w || a->h != b->h) {
        fprintf(stderr, "imgdiff: sizes differ: %dx%d expected, %dx%d actual\n", a->w, a->h, b->w, b->h);
        return 1;
    }
    SDL_Surface *d = SDL_CreateRGBSurfaceWithFormat(0, a->w, a->h, 32, SDL_PIXELFORMAT_ARGB8888);
    long differ = 0;
    int worst = 0;
    for (int y = 0; y < a->h; y++) {
        const Uint32 *pa = (const Uint32 *)((const Uint8 *)a->pixels + y * a->pitch);
        const Uint32 *pb = (const Uint32 *)((const Uint8 *)b->pixels + y * b->pitch);
        Uint32 *pd = (Uint32 *)((Uint8 *)d->pixels + y * d->pitch);
        for (int x = 0; x < a->w; x++) {
            int m = 0;
            for (int sh = 0; sh < 32; sh += 8) {
                int ca = (int)(pa[x] >> sh & 255), cb = (int)(pb[x] >> sh & 255);
                int diff = abs(ca - cb);
                if (diff > m)
                    m = diff;
            }
            if (m > worst)
                worst = m;
            Uint32 grey = ((pa[x] >> 16 & 255) + (pa[x] >> 8 & 255) + (pa[x] & 255)) / 9;
            if (m > tol) {
                differ++;
                pd[x] = 0xffff0000u;
            } else {
                pd[x] = 0xff000000u | grey << 16 | grey << 8 | grey;
            }
        }
    }
    double pct = 100.0 * differ / ((double)a->w * a->h);
    printf("imgdiff: %ld pixels (%.3f%%) differ by more than %d; largest difference %d\n", differ,
           pct, tol, worst);
    int rc = 0;
    if (pct > max_pct) {
        IMG_SavePNG(d, argv[3]);
        fprintf(stderr, "imgdiff: images differ (limit %.3f%%); see %s and %s\n", max_pct, argv[2], argv[3]);
        rc = 1;
    }
    SDL_FreeSurface(a);
    SDL_FreeSurface(b);
    SDL_FreeSurface(d);
    return rc;
}
