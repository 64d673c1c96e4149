/* Unsaid - stats.c */
#include "stats.h"

#include "notice.h"

#include <math.h>
#include <string.h>

/* A cue's flaggable window overlaps a line's time on screen. */
static bool cue_overlaps_line(const SceneCue *c, const SceneLine *l)
{
    int end = scene_cue_flag_end(c);
    return c->start <= l->end && end >= l->start;
}

static bool signal_cue(const SceneCue *c)
{
    return c->incongruent && c->def;
}

void stats_tally_scene(const Scene *scene, const Notice *notice, Tally *out)
{
    memset(out, 0, sizeof *out);
    int ncues = scene->ncues < NOTICE_MAX_CUES ? scene->ncues : NOTICE_MAX_CUES;
    for (int i = 0; i < ncues; i++) {
        const SceneCue *c = &scene->cues[i];
        if (!signal_cue(c))
            continue;
        TallyCounts *r = &out->region[channel_region(c->def->channel)];
        r->signals++;
        if (notice->cue_hit[i])
            r->hits++;
    }
    for (int l = 0; l < scene->nlines; l++) {
        bool busy[REGION_COUNT] = {false};
        for (int i = 0; i < ncues; i++) {
            const SceneCue *c = &scene->cues[i];
            if (signal_cue(c) && cue_overlaps_line(c, &scene->lines[l]))
                busy[channel_region(c->def->channel)] = true;
        }
        for (int r = 0; r < REGION_COUNT; r++) /* only where the player could flag */
            if (!busy[r] && scene_has_region(scene, (Region)r))
                out->region[r].noise++;
    }
    for (int r = 0; r < REGION_COUNT; r++) {
        TallyCounts *t = &out->region[r];
        int fa = notice->region_false_alarms[r];
        t->false_alarms = fa < t->noise ? fa : t->noise;
        out->total.signals += t->signals;
        out->total.hits += t->hits;
        out->total.noise += t->noise;
        out->total.false_alarms += t->false_alarms;
    }
}

/* Horner's rule, coefficients from the highest power down. */
static double poly(const double *k, int n, double x)
{
    double y = k[0];
    for (int i = 1; i < n; i++)
        y = y * x + k[i];
    return y;
}

/* Acklam's rational approximations of the normal quantile (relative error
 * below 1.2e-9): one for the centre, one for the tails, joined at P_LOW. */
#define P_LOW 0.02425
#define SQRT_2PI 2.50662827463100050242

static const double centre_num[6] = {-3.969683028665376e+01, 2.209460984245205e+02,
                                     -2.759285104469687e+02, 1.383577518672690e+02,
                                     -3.066479806614716e+01, 2.506628277459239e+00};
static const double centre_den[6] = {-5.447609879822406e+01, 1.615858368580409e+02,
                                     -1.556989798598866e+02, 6.680131188771972e+01,
                                     -1.328068155288572e+01, 1.0};
static const double tail_num[6] = {-7.784894002430293e-03, -3.223964580411365e-01,
                                   -2.400758277161838e+00, -2.549732539343734e+00,
                                   4.374664141464968e+00,  2.938163982698783e+00};
static const double tail_den[5] = {7.784695709041462e-03, 3.224671290700398e-01,
                                   2.445134137142996e+00, 3.754408661907416e+00, 1.0};

/* The lower tail, p in (0, P_LOW]. */
static double tail_z(double p)
{
    double q = sqrt(-2.0 * log(p));
    return poly(tail_num, 6, q) / poly(tail_den, 5, q);
}

double stats_z(double p)
{
    if (isnan(p))
        return p;
    if (p <= 0.0)
        return -HUGE_VAL;
    if (p >= 1.0)
        return HUGE_VAL;
    double x;
    if (p < P_LOW) {
        x = tail_z(p);
    } else if (p > 1.0 - P_LOW) {
        x = -tail_z(1.0 - p);
    } else {
        double q = p - 0.5, r = q * q;
        x = q * poly(centre_num, 6, r) / poly(centre_den, 6, r);
    }
    /* One step of Halley's method on Phi(x) - p = 0, with Phi from erfc
     * (accurate in both tails), takes the error to rounding level. */
    double e = 0.5 * erfc(-x / sqrt(2.0)) - p;
    double u = e * SQRT_2PI * exp(x * x / 2.0);
    return x - u / (1.0 + x * u / 2.0);
}

static int clamp(int v, int hi)
{
    return v < 0 ? 0 : v > hi ? hi : v;
}

void stats_dprime(int hits, int signals, int fas, int noise, double *d, double *c)
{
    signals = signals < 0 ? 0 : signals;
    noise = noise < 0 ? 0 : noise;
    double zh = stats_z((clamp(hits, signals) + 0.5) / (signals + 1.0));
    double zf = stats_z((clamp(fas, noise) + 0.5) / (noise + 1.0));
    if (d)
        *d = zh - zf;
    if (c)
        *c = -(zh + zf) / 2.0;
}

void stats_tally_dprime(const Tally *t, double *d, double *c)
{
    stats_dprime(t->total.hits, t->total.signals, t->total.false_alarms, t->total.noise, d, c);
}

static double rate(int n, int of)
{
    return of > 0 ? (double)n / of : 0.0;
}

/* The region noticed least, if it stands out from the rest of the body. */
static Region weakest_region(const Tally *t)
{
    Region worst = REGION_NONE;
    double worst_rate = 2.0;
    for (int r = 0; r < REGION_COUNT; r++) {
        const TallyCounts *c = &t->region[r];
        if (c->signals >= STATS_MIN_SIGNALS && rate(c->hits, c->signals) < worst_rate) {
            worst = (Region)r;
            worst_rate = rate(c->hits, c->signals);
        }
    }
    if (worst == REGION_NONE || worst_rate >= 0.5)
        return REGION_NONE;
    int rest_signals = t->total.signals - t->region[worst].signals;
    int rest_hits = t->total.hits - t->region[worst].hits;
    if (rest_signals > 0 && rate(rest_hits, rest_signals) < worst_rate + 0.25)
        return REGION_NONE;
    return worst;
}

StatsVerdict stats_profile(const Tally *t)
{
    const TallyCounts *all = &t->total;
    if (all->signals < STATS_MIN_SIGNALS)
        return (StatsVerdict){"profile.too_few", REGION_NONE};
    double h = rate(all->hits, all->signals), f = rate(all->false_alarms, all->noise);
    if (all->noise >= STATS_MIN_SIGNALS && f > 0.25)
        return (StatsVerdict){"profile.flags_often", REGION_NONE};
    Region weak = weakest_region(t);
    if (weak != REGION_NONE)
        return (StatsVerdict){"profile.misses_region", weak};
    int flags = all->hits + all->false_alarms;
    if (flags == 0)
        return (StatsVerdict){"profile.quiet", REGION_NONE};
    if (h >= 0.8 && f <= 0.1)
        return (StatsVerdict){"profile.sharp", REGION_NONE};
    if (h < 0.8 && rate(all->hits, flags) >= 0.75)
        return (StatsVerdict){"profile.careful", REGION_NONE};
    return (StatsVerdict){"profile.steady", REGION_NONE};
}
