/* Unsaid - tally.c */
#include "tally.h"

static void counts_add(TallyCounts *sum, const TallyCounts *t)
{
    sum->signals += t->signals;
    sum->hits += t->hits;
    sum->noise += t->noise;
    sum->false_alarms += t->false_alarms;
}

void tally_add(Tally *sum, const Tally *t)
{
    for (int r = 0; r < REGION_COUNT; r++)
        counts_add(&sum->region[r], &t->region[r]);
    counts_add(&sum->total, &t->total);
}
