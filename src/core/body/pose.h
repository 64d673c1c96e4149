/* Unsaid - pose.h: the character rig's parameters.
 *
 * A pose is a flat vector of named floats. Cues (see lexicon.h) add weighted
 * targets into it; the renderer turns it into shapes. Adding a parameter
 * means adding one line to POSE_PARAMS; the lexicon loader picks the name up
 * automatically, so modders can target it from data.
 *
 * Ranges: unless noted, 0 = neutral/absent, 1 = fully present.
 * Signed parameters run -1..1.
 */
#ifndef UNSAID_POSE_H
#define UNSAID_POSE_H

/* X(ENUM, "name", min, max) */
#define POSE_PARAMS(X)                                                        \
    /* Face: FACS-style action units */                                      \
    X(P_AU1, "au1_inner_brow_raise", 0.f, 1.f)                                \
    X(P_AU2, "au2_outer_brow_raise", 0.f, 1.f)                                \
    X(P_AU4, "au4_brow_lower", 0.f, 1.f)                                      \
    X(P_AU5, "au5_upper_lid_raise", 0.f, 1.f)                                 \
    X(P_AU6, "au6_cheek_raise", 0.f, 1.f)                                     \
    X(P_AU7, "au7_lid_tighten", 0.f, 1.f)                                     \
    X(P_AU9, "au9_nose_wrinkle", 0.f, 1.f)                                    \
    X(P_AU10, "au10_upper_lip_raise", 0.f, 1.f)                               \
    X(P_AU12, "au12_lip_corner_pull", 0.f, 1.f)                               \
    X(P_AU14, "au14_one_sided_smile", 0.f, 1.f)                               \
    X(P_AU15, "au15_lip_corner_depress", 0.f, 1.f)                            \
    X(P_AU16, "au16_lower_lip_depress", 0.f, 1.f)                             \
    X(P_AU17, "au17_chin_raise", 0.f, 1.f)                                    \
    X(P_AU20, "au20_lip_stretch", 0.f, 1.f)                                   \
    X(P_AU23, "au23_lip_tighten", 0.f, 1.f)                                   \
    X(P_AU24, "au24_lip_press", 0.f, 1.f)                                     \
    X(P_AU25, "au25_lips_part", 0.f, 1.f)                                     \
    X(P_AU26, "au26_jaw_drop", 0.f, 1.f)                                      \
    X(P_AU43, "au43_eyes_closed", 0.f, 1.f) /* a held, relaxed close */       \
    /* Eyes */                                                                \
    X(P_BLINK, "blink", 0.f, 1.f)      /* the quick idle blink */             \
    X(P_BLINK_RATE, "blink_rate", -1.f, 1.f) /* - fewer idle blinks, + more */ \
    X(P_GAZE_X, "gaze_x", -1.f, 1.f)   /* - = character's right (screen left) */ \
    X(P_GAZE_Y, "gaze_y", -1.f, 1.f)   /* + = down */                         \
    X(P_TEARS, "tears", 0.f, 1.f)      /* 0.3 glistening .. 1 tear running */ \
    /* Head */                                                                \
    X(P_HEAD_TILT, "head_tilt", -1.f, 1.f) /* roll */                         \
    X(P_HEAD_DROP, "head_drop", -1.f, 1.f) /* + = chin down */                \
    X(P_HEAD_TURN, "head_turn", -1.f, 1.f) /* yaw */                          \
    X(P_NOD, "nod", 0.f, 1.f)          /* oscillation amplitude */            \
    X(P_SHAKE, "shake", 0.f, 1.f)                                             \
    /* Skin */                                                                \
    X(P_FLUSH, "flush", 0.f, 1.f)                                             \
    X(P_PALLOR, "pallor", 0.f, 1.f)                                           \
    /* Body */                                                                \
    X(P_BREATH_RATE, "breath_rate", -1.f, 1.f) /* - slow, + fast */           \
    X(P_BREATH_DEPTH, "breath_depth", -1.f, 1.f)                              \
    X(P_SLUMP, "slump", 0.f, 1.f)                                             \
    X(P_SHOULDERS, "shoulders_raise", -1.f, 1.f) /* - dropped, + tense */     \
    X(P_LEAN, "lean", -1.f, 1.f)       /* - back, + in */                     \
    X(P_TURN_AWAY, "turn_away", 0.f, 1.f)                                     \
    /* Hands and arms: each a weight towards a target arrangement */          \
    X(P_WRING, "hands_wring", 0.f, 1.f)                                       \
    X(P_FIDGET, "hands_fidget", 0.f, 1.f)                                     \
    X(P_ARMS_CROSSED, "arms_crossed", 0.f, 1.f)                               \
    X(P_TOUCH_NECK, "touch_neck", 0.f, 1.f)                                   \
    X(P_TOUCH_FACE, "touch_face", 0.f, 1.f)                                   \
    X(P_FISTS, "fists", 0.f, 1.f)                                             \
    X(P_PALMS_OPEN, "palms_open", 0.f, 1.f)                                   \
    X(P_HIDE_HANDS, "hands_hidden", 0.f, 1.f)                                 \
    X(P_TAP, "hands_tap", 0.f, 1.f)

typedef enum {
#define POSE_ENUM(e, name, lo, hi) e,
    POSE_PARAMS(POSE_ENUM)
#undef POSE_ENUM
    POSE_COUNT
} PoseParam;

typedef struct {
    float v[POSE_COUNT];
} Pose;

/* Returns the parameter index for a name, or -1. */
int pose_param_find(const char *name);
/* Returns the data name of a parameter ("au12_lip_corner_pull"). */
const char *pose_param_name(PoseParam p);
/* The documented range of a parameter. */
void pose_param_range(PoseParam p, float *lo, float *hi);
/* Clamp every parameter into its documented range. */
void pose_clamp(Pose *pose);

#endif
