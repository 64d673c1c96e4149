/* Benchmark (not a test): three people in the kitchen at 1280x720, drawn
 * with the software renderer, the way a scene with three characters would
 * be. Prints the median frame time; the goal is under 4 ms.
 *
 * usage: bench_people SOURCE_DIR [FRAMES] [--sdl]
 * (--sdl measures SDL's own triangle filling instead of the game's) */
#include "character.h"
#include "draw.h"
#include "place.h"
#include "places.h"

#include <SDL2/SDL.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int cmp(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: bench_people SOURCE_DIR [FRAMES]\n");
        return 2;
    }
    int frames = argc > 2 ? atoi(argv[2]) : 300;
    if (frames < 1)
        frames = 1;
    char path[1024];
    snprintf(path, sizeof path, "%s/levels/base/places/kitchen_night.yaml", argv[1]);
    FILE *f = fopen(path, "rb");
    static char buf[1 << 17];
    size_t n = f ? fread(buf, 1, sizeof buf - 1, f) : 0;
    if (f)
        fclose(f);
    Places places;
    places_init(&places);
    DiagList d = {0};
    places_add(&places, NULL, "kitchen_night.yaml", buf, n, &d);
    const PlaceDef *kitchen = places_find(&places, "kitchen_night");
    if (!kitchen) {
        fprintf(stderr, "bench_people: cannot load %s\n", path);
        return 1;
    }
    SDL_Surface *surf = SDL_CreateRGBSurfaceWithFormat(0, 1280, 720, 32, SDL_PIXELFORMAT_ARGB8888);
    SDL_Renderer *ren = SDL_CreateSoftwareRenderer(surf);
    Draw *draw = draw_create(ren);
    /* As the game draws headless: straight into the surface. */
    if (argc > 3 && strcmp(argv[3], "--sdl") == 0)
        printf("(through SDL_RenderGeometry)\n");
    else
        draw_set_direct(draw, surf);
    /* Three different people: different looks, poses and phases. */
    Look looks[3] = {look_default(), look_default(), look_default()};
    looks[1].hair_style = HAIR_CURLY;
    looks[1].skin = 0x8d5a3b;
    looks[1].body.phase = 0.4f;
    looks[2].hair_style = HAIR_BUN;
    looks[2].skin = 0xf1c6a8;
    looks[2].body.height = 0.85f;
    looks[2].body.phase = 0.7f;
    RigPlacement at[3] = {{330, 640, 0.9f, false, 1.f, true, false, false}, {640, 640, 1.f, false, 1.f, true, false, false}, {950, 640, 0.9f, true, 1.f, true, false, false}};
    Pose pose[3];
    memset(pose, 0, sizeof pose);
    pose[0].v[P_AU12] = 0.7f;
    pose[0].v[P_AU6] = 0.6f;
    pose[1].v[P_WRING] = 1.f;
    pose[1].v[P_AU1] = 0.8f;
    pose[1].v[P_GAZE_Y] = 0.8f;
    pose[2].v[P_ARMS_CROSSED] = 1.f;
    pose[2].v[P_SLUMP] = 0.6f;
    double *ms = malloc((size_t)frames * sizeof *ms), *full = malloc((size_t)frames * sizeof *full);
    double freq = (double)SDL_GetPerformanceFrequency();
    for (int i = 0; i < frames; i++) {
        double t = i / 60.0;
        Uint64 t0 = SDL_GetPerformanceCounter();
        place_draw(draw, kitchen, PLACE_LAYER_BACK, t);
        place_draw(draw, kitchen, PLACE_LAYER_LIFE, t);
        RigLayout rig[3];
        for (int k = 0; k < 3; k++) {
            rig_layout(&rig[k], &looks[k].body, &at[k], &pose[k], t);
            character_draw(draw, &looks[k], &rig[k], &pose[k], t, CHAR_LAYER_BODY);
        }
        place_draw(draw, kitchen, PLACE_LAYER_FRONT, t);
        for (int k = 0; k < 3; k++)
            character_draw(draw, &looks[k], &rig[k], &pose[k], t, CHAR_LAYER_FRONT);
        draw_flush(draw);
        Uint64 t1 = SDL_GetPerformanceCounter();
        /* The people alone, as the game draws them over a cached place. */
        for (int k = 0; k < 3; k++) {
            character_draw(draw, &looks[k], &rig[k], &pose[k], t, CHAR_LAYER_BODY);
            character_draw(draw, &looks[k], &rig[k], &pose[k], t, CHAR_LAYER_FRONT);
        }
        draw_flush(draw);
        Uint64 t2 = SDL_GetPerformanceCounter();
        full[i] = (double)(t1 - t0) * 1000.0 / freq;
        ms[i] = (double)(t2 - t1) * 1000.0 / freq;
    }
    qsort(ms, (size_t)frames, sizeof *ms, cmp);
    qsort(full, (size_t)frames, sizeof *full, cmp);
    printf("three_people frames=%d people_median_ms=%.2f people_p90_ms=%.2f "
           "with_uncached_place_median_ms=%.2f\n",
           frames, ms[frames / 2], ms[frames * 9 / 10], full[frames / 2]);
    free(ms);
    free(full);
    draw_destroy(draw);
    SDL_DestroyRenderer(ren);
    SDL_FreeSurface(surf);
    places_free(&places);
    diag_free(&d);
    return 0;
}
