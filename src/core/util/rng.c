/* Unsaid - rng.c: splitmix64, small and good enough for games. */
#include "rng.h"

static uint64_t mix(uint64_t z)
{
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

void rng_seed(RngStream *r, uint64_t seed)
{
    r->state = seed;
}

uint64_t rng_next(RngStream *r)
{
    r->state += 0x9e3779b97f4a7c15ULL;
    return mix(r->state);
}

double rng_unit(RngStream *r)
{
    return (double)(rng_next(r) >> 11) * (1.0 / 9007199254740992.0);
}

uint64_t rng_hash(uint64_t seed, uint64_t key)
{
    return mix(seed * 0x9e3779b97f4a7c15ULL + mix(key + 0x632be59bd9b4e019ULL));
}

double rng_hash_unit(uint64_t seed, uint64_t key)
{
    return (double)(rng_hash(seed, key) >> 11) * (1.0 / 9007199254740992.0);
}
