/* Unsaid - tally.h: what a play of a scene counted, region by region.
 *
 * The record of noticing that progress keeps and the statistics read:
 * per body region, how many disconnections were shown (signals) and how
 * many of them the player flagged (hits), how many empty moments there
 * were (noise) and how many wrong flags (false alarms). What counts as
 * which is stats.h's to say; d' and c are computed there. Pure: the
 * counts add up, nothing else. */
#ifndef UNSAID_TALLY_H
#define UNSAID_TALLY_H

#include "region.h"

/* Counts of one region, or of the whole body. */
typedef struct {
    int signals;      /* incongruent cues shown */
    int hits;         /* of those, flagged in time */
    int noise;        /* (line, region) cells with nothing to notice */
    int false_alarms; /* wrong flags, capped per scene at `noise` */
} TallyCounts;

typedef struct {
    TallyCounts region[REGION_COUNT];
    TallyCounts total; /* the sum of the regions */
} Tally;

/* sum += t, region by region and in total. */
void tally_add(Tally *sum, const Tally *t);

#endif
