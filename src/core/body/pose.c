/* Unsaid - pose.c */
#include "pose.h"

#include "names.h"


static const char *const param_names[POSE_COUNT] = {
#define POSE_NAME(e, name, lo, hi) name,
    POSE_PARAMS(POSE_NAME)
#undef POSE_NAME
};

static const float param_lo[POSE_COUNT] = {
#define POSE_LO(e, name, lo, hi) lo,
    POSE_PARAMS(POSE_LO)
#undef POSE_LO
};

static const float param_hi[POSE_COUNT] = {
#define POSE_HI(e, name, lo, hi) hi,
    POSE_PARAMS(POSE_HI)
#undef POSE_HI
};

int pose_param_find(const char *name)
{
    return names_find(param_names, POSE_COUNT, name);
}

const char *pose_param_name(PoseParam p)
{
    return names_of(param_names, POSE_COUNT, (int)p, "?");
}

void pose_param_range(PoseParam p, float *lo, float *hi)
{
    int in = p >= 0 && p < POSE_COUNT;
    *lo = in ? param_lo[p] : 0.f;
    *hi = in ? param_hi[p] : 0.f;
}

void pose_clamp(Pose *pose)
{
    for (int i = 0; i < POSE_COUNT; i++) {
        if (pose->v[i] < param_lo[i])
            pose->v[i] = param_lo[i];
        if (pose->v[i] > param_hi[i])
            pose->v[i] = param_hi[i];
    }
}
