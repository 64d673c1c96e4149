/* Unsaid - play.h: the folder src/core/play, the game being played.
 *
 *   input.h     one tick's input: actions, the pointer (and, later,
 *               votes from the network): the only thing the game reads
 *   game.h      the state machine stepped once per tick; its screens,
 *               overlays, layout and the requests it hands the platform
 *   timeline.h  what the body does at a moment of a scene
 *   scene_timing.h  when everything in a scene happens, as text
 *   notice.h    flags, hits, misses, false alarms and the score
 *   stats.h     noticing as signal detection (d' and c)
 *   campaign.h  chapters, what is open, and stars
 *   loop.h      the fixed-timestep accumulator
 *   replay.h    recorded input, as a small text file
 *   script.h    a play written as words ("flag hands at 3.2s; answer 2"),
 *               turned into the input a player's keys would make
 * Private to the folder: game_parts.h.
 *
 * Contract: depends on every folder below it (util, body, content,
 * persist). One way: input goes in through TickInput, state steps, and
 * what the game wants of the world comes out as GameRequests that the
 * platform carries out after the tick. Deterministic: no clock, no SDL,
 * no files, no hidden state, so a replay plays the same every time.
 * render reads the Game through game_* views and never writes it. Code
 * outside src/core includes this header only. */
#ifndef UNSAID_PLAY_H
#define UNSAID_PLAY_H

#include "campaign.h"
#include "game.h"
#include "input.h"
#include "loop.h"
#include "notice.h"
#include "replay.h"
#include "scene_timing.h"
#include "script.h"
#include "stats.h"
#include "timeline.h"

#endif
