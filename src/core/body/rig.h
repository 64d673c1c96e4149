/* Unsaid - rig.h: the character's skeleton, computed from a pose.
 *
 * The rig turns a Pose (see pose.h) plus the scene time into joint
 * positions. It is pure math in the core so that the same layout drives both
 * the renderer (which draws skin over the joints) and noticing (which tests
 * a click against body regions). Nothing here touches SDL.
 *
 * Space: character-local, x right, y down, origin at the centre of the hips
 * (seat), units are logical pixels of the 1280x720 canvas at scale 1. The
 * placement (where on screen, how big) is applied on top by RigPlacement.
 */
#ifndef UNSAID_RIG_H
#define UNSAID_RIG_H

#include "pose.h"
#include "region.h"

#include <stdbool.h>

typedef struct {
    float x, y;
} RigVec;

/* Where a character stands on the canvas. */
typedef struct {
    float x, y;  /* canvas position of the hip origin */
    float scale; /* 1 = adult at the default framing */
    bool mirror; /* face the other way */
    float head;  /* the shot's head size, times the body's (0 or 1 = as built):
                  * a close shot draws heads a little larger so faces read */
    bool table;  /* a table in front: hands rest on it; without one, in the lap */
    bool standing; /* on their feet: at a counter when `table`, else hands
                    * loosely held in front; seated when false */
    bool side;     /* seated side-on (a bench): the legs go off to the
                    * screen's left, the body turned back to the listener */
} RigPlacement;

#define RIG_CLOSE_HEAD 1.3f /* the head size of the stage's close shot and the sheets */
#define RIG_LEG_LEN 380.f   /* standing: hip to floor, times the rig's scale */

/* Body proportions taken from the character's look. */
typedef struct {
    float height;   /* 1 = adult; children ~0.75 */
    float build;    /* 0 slim .. 1 broad */
    float head;     /* head size multiplier */
    float phase;    /* 0..1: offsets idle sway/breath so people differ */
} RigBody;

enum { RIG_R = 0, RIG_L = 1 }; /* the character's own right / left */

typedef struct {
    /* All points in canvas coordinates (placement applied). */
    RigVec hip;
    RigVec chest;       /* base of the neck */
    float torso_angle;  /* radians, + leans the top to the character's ... screen right */
    float torso_w;      /* half-width at the shoulders */
    float breath;       /* -1..1 current phase of the breath cycle, scaled by depth */
    RigVec shoulder[2];
    RigVec elbow[2];
    RigVec hand[2];
    float hand_angle[2];
    float hand_open[2]; /* 0 fist .. 1 open palm */
    float arm_w;        /* upper-arm half-width */
    RigVec head;        /* centre of the head */
    float head_angle;   /* roll, radians */
    float head_turn;    /* -1..1 yaw, + towards the character's left (own frame) */
    float head_rx, head_ry;
    RigVec eye[2];      /* eye centres */
    float eye_rx, eye_ry;
    RigVec mouth;
    float scale;        /* placement scale times body height */
    bool mirror;
    /* Added for the renderer (all in the character's own frame; the
     * renderer applies the mirror itself). */
    float head_pitch;   /* -1..1, + = chin down (features shift down) */
    float head_scale;   /* placement scale times body height times body head */
    float slump;        /* 0..1, torso curled forward */
    float body_turn;    /* 0..1, torso turned away (narrower, shifted) */
    float hand_palm[2]; /* 0 back of the hand to the viewer .. 1 palm */
    bool hand_behind[2]; /* the hand is behind the neck (drawn before neck and head) */
    float hand_neck[2];  /* 0..1 how far the hand is to the side of the neck, its fingers
                          * laid over the neck below the jaw */
    float hand_clasp[2]; /* 0..1 how far the hands hold each other (wringing) */
    float hand_fidget[2]; /* 0..1 how restless the fingers are, each on its own */
    float hand_tap[2];    /* 0..1 how far the fingers drum on what the hand rests on */
    bool lap;           /* seated with no table: the thighs show and hands rest on them */
    bool standing;      /* on their feet: the legs go straight down to the floor */
    bool side;          /* a lap seen side-on: the thighs run to the left, to the knees */
    RigVec knee[2];     /* the front of each knee, coming towards the viewer */
    float thigh_w;      /* half-width of a thigh */
    double t;           /* the time given to rig_layout: the renderer's clock for this
                         * character too, so a pause stops blinks as it stops breath */
} RigLayout;


/* Compute the skeleton for a pose at time t (seconds of scene time; used for
 * idle sway, breathing and oscillating cues like wringing). Deterministic. */
void rig_layout(RigLayout *out, const RigBody *body, const RigPlacement *place, const Pose *pose,
                double t);

/* Which body region is at canvas point (x, y)? REGION_NONE if none. */
Region rig_hit_test(const RigLayout *rig, float x, float y);

#endif
