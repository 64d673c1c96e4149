/* The fixed-timestep loop: exact tick counts, clamping, the step cap and
 * the interpolation factor. */
#include "check.h"
#include "loop.h"

#include <stdint.h>

/* Feed `total` counter units in uneven chunks; return the ticks run. */
static uint64_t feed(Loop *l, uint64_t total, uint64_t freq, uint64_t seed)
{
    uint64_t done = 0, ticks = 0;
    while (done < total) {
        seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
        uint64_t chunk = 1 + (seed >> 33) % (freq / 50); /* up to 20 ms */
        if (chunk > total - done)
            chunk = total - done;
        ticks += (uint64_t)loop_advance(l, chunk, freq);
        done += chunk;
    }
    return ticks;
}

int main(void)
{
    /* N/60 s of time gives exactly N ticks, however it is chopped up. */
    for (uint64_t n = 1; n <= 3600; n = n * 3 + 1) {
        Loop l;
        loop_init(&l);
        CHECK_INT(feed(&l, n * 1000, 60000, n), n); /* 60000 units/s: N/60 s = N*1000 */
        loop_init(&l);
        /* In nanoseconds N/60 s is fractional; rounding up must still give N. */
        uint64_t ns = (n * 1000000000ULL + 59) / 60;
        CHECK_INT(feed(&l, ns, 1000000000ULL, n + 7), n);
    }
    /* A whole minute at 144 Hz frames of SDL-like counter units. */
    {
        Loop l;
        loop_init(&l);
        uint64_t freq = 1000000000ULL, ticks = 0;
        for (int f = 0; f < 144 * 60; f++)
            ticks += (uint64_t)loop_advance(&l, freq / 144 + (f % 144 == 0 ? freq % 144 : 0), freq);
        CHECK_INT(ticks, 3600);
    }
    /* A huge frame (a debugger pause) is clamped to 250 ms, 15 ticks, of
     * which only LOOP_MAX_STEPS run: the rest of the ten seconds is
     * dropped, not owed to the frames after. */
    {
        Loop l;
        loop_init(&l);
        CHECK_INT(loop_advance(&l, 10 * 60000, 60000), LOOP_MAX_STEPS); /* ten seconds */
        CHECK_INT(l.dropped, 600 - LOOP_MAX_STEPS);
        CHECK(loop_alpha(&l) == 0.0);
        /* The same loop recovers: N/60 s of normal frames after it give
         * exactly N ticks, and alpha follows the time again. */
        CHECK_INT(feed(&l, 90 * 1000, 60000, 3), 90);
        CHECK(loop_alpha(&l) == 0.0);
        CHECK_INT(loop_advance(&l, 500, 60000), 0);
        CHECK(loop_alpha(&l) > 0.499 && loop_alpha(&l) < 0.501);
        CHECK_INT(loop_advance(&l, 750, 60000), 1);
        CHECK(loop_alpha(&l) > 0.249 && loop_alpha(&l) < 0.251);
        CHECK_INT(l.ticks, LOOP_MAX_STEPS + 91);
        CHECK_INT(l.dropped, 600 - LOOP_MAX_STEPS); /* nothing more was dropped */
    }
    /* The cap: 205 ms is 12.3 ticks, but only LOOP_MAX_STEPS run; the
     * whole ticks over the cap are dropped and the fraction is kept, so
     * the next frame goes on from it. */
    {
        Loop l;
        loop_init(&l);
        CHECK_INT(loop_advance(&l, 12300, 60000), LOOP_MAX_STEPS);
        CHECK_INT(l.dropped, 12 - LOOP_MAX_STEPS);
        CHECK(loop_alpha(&l) > 0.299 && loop_alpha(&l) < 0.301);
        CHECK_INT(loop_advance(&l, 700, 60000), 1);
        CHECK(loop_alpha(&l) == 0.0);
    }
    /* Interpolation: half a tick in, alpha is one half. */
    {
        Loop l;
        loop_init(&l);
        CHECK_INT(loop_advance(&l, 500, 60000), 0);
        CHECK(loop_alpha(&l) > 0.499 && loop_alpha(&l) < 0.501);
        CHECK_INT(loop_advance(&l, 750, 60000), 1);
        CHECK(loop_alpha(&l) > 0.249 && loop_alpha(&l) < 0.251);
    }
    /* No time, no ticks; zero frequency is harmless. */
    {
        Loop l;
        loop_init(&l);
        CHECK_INT(loop_advance(&l, 0, 60000), 0);
        CHECK_INT(loop_advance(&l, 1000, 0), 0);
    }
    return check_done("test_loop");
}
