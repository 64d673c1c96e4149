/* Unsaid - rng.h: seeded random streams that replay exactly.
 *
 * Two uses, kept apart so one can never disturb the other: game logic draws
 * from an RngStream stored in the game state; cosmetic life (blinks, sway)
 * uses rng_hash, a pure function of (seed, key), so it is the same at any
 * frame rate and when a frame is rendered twice. */
#ifndef UNSAID_RNG_H
#define UNSAID_RNG_H

#include <stdint.h>

typedef struct {
    uint64_t state;
} RngStream;

void rng_seed(RngStream *r, uint64_t seed);
uint64_t rng_next(RngStream *r);
/* Uniform in [0, 1). */
double rng_unit(RngStream *r);
/* A well-mixed 64-bit hash of two values. */
uint64_t rng_hash(uint64_t seed, uint64_t key);
/* rng_hash mapped to [0, 1). */
double rng_hash_unit(uint64_t seed, uint64_t key);

#endif
