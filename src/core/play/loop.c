/* Unsaid - loop.c */
#include "loop.h"

void loop_init(Loop *loop)
{
    *loop = (Loop){0};
}

int loop_advance(Loop *loop, uint64_t delta, uint64_t freq)
{
    if (freq == 0)
        return 0;
    if (freq != loop->freq) { /* rescale what is left over to the new unit */
        loop->acc = loop->freq ? loop->acc * freq / loop->freq : 0;
        loop->freq = freq;
    }
    uint64_t max_delta = freq * LOOP_MAX_FRAME_MS / 1000;
    if (delta > max_delta) {
        loop->dropped += (delta - max_delta) * LOOP_HZ / freq;
        delta = max_delta;
    }
    /* acc counts 1/(freq*hz) s, so one tick is exactly freq units. */
    loop->acc += delta * LOOP_HZ;
    int steps = 0;
    while (loop->acc >= freq && steps < LOOP_MAX_STEPS) {
        loop->acc -= freq;
        steps++;
    }
    if (loop->acc >= freq) { /* over the cap: keep only the fraction */
        loop->dropped += loop->acc / freq;
        loop->acc %= freq;
    }
    loop->ticks += (uint64_t)steps;
    return steps;
}

double loop_alpha(const Loop *loop)
{
    return loop->freq ? (double)loop->acc / (double)loop->freq : 0.0;
}

bool loop_draw_due(LoopDraw *d, bool changed, bool still)
{
    bool due = !d->drawn || changed || !still || d->moving;
    d->drawn = true;
    d->moving = !still;
    return due;
}
