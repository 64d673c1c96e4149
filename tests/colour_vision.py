#!/usr/bin/env python3
"""Colour is never the only signal: every screen through colour-blindness
simulations.

Renders every screen of tests/golden (the same replays and ticks as the
golden tests: a frame that differs from its golden image is reported), and
a debrief in the high-contrast theme; simulates protanopia, deuteranopia
and tritanopia on each frame and writes the results to OUT_DIR
(SCREEN.SIMULATION.png, and SCREEN.grid.png with the four side by side,
each named in its corner) for a person to look at. Then it checks what a
player who does not tell red from green relies on:

1. The debrief timeline: a noticed cue is a filled bar, a missed one an
   open bar, a flag a dot, a false alarm a cross (mark_bar and mark_flag in
   src/render/render_debrief.c); in the list of cues below it a noticed
   row begins with a filled disc, a missed one with an open ring
   (mark_row). Which is which is measured from the pixels, not the colour;
   under every simulation each mark stands out from what is behind it
   (3:1, WCAG 2.1 SC 1.4.11, non-text contrast), and an open bar's rim
   from its middle.
2. The theme (theme_make in src/render/render_widgets.c, read from the
   source), in both themes, under every simulation: every text colour
   keeps 4.5:1 on the panel (WCAG 2.1 SC 1.4.3) and every mark or highlight
   3:1; the words of a tag on its tint (an answer's quality, a pack's
   state: the tints' alphas read from src/render) and dark words on a
   light colour (a selected button, a name tag, + or - in a dot) keep
   4.5:1 too.
3. Each pair of theme colours that means two different things stays apart
   by colour (CIEDE2000 at least MIN_DELTA_E) under every simulation, or is
   backed by a shape or by words, listed in PAIRS with where that lives in
   the source; the test checks that those lines are still there.

The simulation is that of Machado, Oliveira and Fernandes, "A
Physiologically-based Model for Simulation of Color Vision Deficiency",
IEEE TVCG 15(6), 2009, with their matrices for severity 1.0, applied to
linear RGB (sRGB decoded, multiplied, clipped, encoded again). Contrast
is WCAG 2.1's relative luminance ratio; colour difference is CIEDE2000
(Sharma, Wu and Dalal 2005).

usage: colour_vision.py UNSAID SOURCE_DIR OUT_DIR
"""
import os
import re
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

try:
    from PIL import Image, ImageChops, ImageDraw, ImageFilter
except ImportError:
    sys.exit("colour_vision.py needs Pillow: on Debian, apt-get install python3-pil")

# Machado, Oliveira & Fernandes 2009, severity 1.0, for linear RGB.
SIMULATIONS = {
    "protanopia": ((0.152286, 1.052583, -0.204868),
                   (0.114503, 0.786281, 0.099216),
                   (-0.003882, -0.048116, 1.051998)),
    "deuteranopia": ((0.367322, 0.860646, -0.227968),
                     (0.280085, 0.672501, 0.047413),
                     (-0.011820, 0.042940, 0.968881)),
    "tritanopia": ((1.255528, -0.076749, -0.178779),
                   (-0.078411, 0.930809, 0.147602),
                   (0.004733, 0.691367, 0.303900)),
}
VISIONS = ["normal"] + list(SIMULATIONS)

# Two colours closer than this (CIEDE2000) are taken as one at a glance on
# a small mark: about five times a just-noticeable difference.
MIN_DELTA_E = 12.0
TEXT_CONTRAST = 4.5   # WCAG 2.1 SC 1.4.3, normal-size text
MARK_CONTRAST = 3.0   # WCAG 2.1 SC 1.4.11, graphical objects
SHAPE_CONTRAST = 1.5  # the inside of an open bar against its rim

# name: (replay or None, tick, user packs); replays are in tests/replays,
# user packs in tests/data/packs (as in tests/CMakeLists.txt's goldens).
E = "im_fine_empathic"
PACKS = ["good", "bad_manifest", "bomb.zip"]
SCREENS = {
    "title": (None, 30, []), "intro": (E, 5, []), "perform_eyes": (E, 430, []),
    "perform_hands": (E, 735, []), "perform_voice": (E, 950, []), "answers": (E, 1300, []),
    "reaction": (E, 1700, []), "debrief": (E, 1850, []), "chapters": ("chapters", 60, []),
    "settings": ("settings", 60, []), "pause": ("pause", 300, []), "pause_settings": ("pause_settings", 300, []),
    "review": ("review", 1100, []), "watch": ("watch", 1750, []), "results": ("results", 2020, []),
    "high_contrast": ("high_contrast", 460, []), "projector_text": ("projector_text", 1000, []),
    "packs": ("packs_screen", 60, PACKS), "packs_toggled": ("packs_toggle", 60, PACKS),
    "title_translated": (None, 30, ["translated"]),
}
# The contact sheets show the cast, not the interface.
NOT_SCREENS = {"sheet_cast", "sheet_gallery", "sheet_places", "preview_seconds"}

# A debrief in the high-contrast theme: high_contrast.replay's way there,
# a false alarm on the eyes, then the empathic answer.
HC_DEBRIEF = """unsaid-replay 1
10 press down
15 press down
20 press confirm
30 press down
32 press down
34 press down
36 press down
38 press down
40 press down
42 press down
44 press down
50 press confirm
60 press back
70 press up
75 press up
80 press confirm
100 press confirm
200 press flag_eyes
440 press flag_hands
1010 press 2
1090 press confirm
"""

# Pairs of theme colours that mean different things. When colour alone
# does not keep them apart for someone, something else must: each entry
# names what, and a line of the source (file, text) that draws it.
PAIRS = [
    ("good", "bad", "noticed / missed; pack on / broken; best / poor answer", [
        ("src/render/render_debrief.c", "mark_bar(d, x0, y, x1 - x0, g->notice.cue_hit[i]",
         "debrief timeline: a filled bar for noticed, an open one for missed"),
        ("src/render/render_debrief.c", "mark_row(d, x + 11, y + lh / 2, hit, mark)",
         "debrief list: a filled disc with a plus for noticed, an open ring with a minus for missed"),
        ("src/render/render_debrief.c", '"debrief.noticed" : "debrief.missed"', "debrief list: the words"),
        ("src/render/render_stage.c", '"debrief.noticed" : "debrief.missed"',
         "watch: the ring's colour is said in words at the top"),
        ("src/render/render_menus.c", "library_state_name(p->state)", "packs: the state in words"),
        ("src/render/render_debrief.c", "words_quality(g, a->quality)", "answer quality in words"),
    ]),
    ("good", "accent", "best / good answer; noticed bar / your flag", [
        ("src/render/render_debrief.c", "words_quality(g, a->quality)", "answer quality in words"),
        ("src/render/render_debrief.c", "draw_circle(d, x, y, 4.5f, c)", "a flag is a dot, a bar is a bar"),
    ]),
    ("accent", "bad", "good / poor answer; your flag / missed bar; a pack's warning / error", [
        ("src/render/render_debrief.c", "words_quality(g, a->quality)", "answer quality in words"),
        ("src/render/render_debrief.c", "draw_circle(d, x, y, 4.5f, c)", "a flag is a dot, a bar is a bar"),
        ("src/core/util/diag.c", 'd->level == DIAG_ERROR ? "error" : "warning"', "a pack's problem says which"),
    ]),
    ("accent", "text", "your flag / false alarm", [
        ("src/render/render_debrief.c", "draw_stroke(d, p1, 2, w, cc)", "a false alarm is a cross, a flag a dot"),
    ]),
    ("good", "muted", "pack on / off", [
        ("src/render/render_menus.c", "library_state_name(p->state)", "packs: the state in words"),
    ]),
    ("muted", "bad", "pack off / broken", [
        ("src/render/render_menus.c", "library_state_name(p->state)", "packs: the state in words"),
    ]),
    ("button_hi", "button", "selected / other button", []),
]
# Text colours, and colours of marks and highlights, all on the panel.
TEXT_COLOURS = ["text", "muted", "accent", "good", "bad"]
MARK_COLOURS = ["accent", "good", "bad", "button_hi", "text"]
# Tags: words in a colour on a tint of it drawn on the panel, an answer's
# quality (theme_quality_color) or a pack's state (theme_state_color). The
# tints' alphas are read from src/render.
TAG_COLOURS = {"quality": ["good", "accent", "bad"], "state": ["good", "muted", "bad"]}
# The dark words (color_hex(0x1b1f2b)) on a light colour.
DARK_WORDS = (0x1b, 0x1f, 0x2b)
DARK_ON = ["button_hi", "accent", "good", "bad"]


# -- colour arithmetic ------------------------------------------------------

def to_linear(c):
    c /= 255.0
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def to_srgb(v):
    v = min(1.0, max(0.0, v))
    return 255.0 * (v * 12.92 if v <= 0.0031308 else 1.055 * v ** (1 / 2.4) - 0.055)


LINEAR = [to_linear(float(i)) for i in range(256)]


def simulate(rgb, vision):
    if vision == "normal":
        return tuple(float(c) for c in rgb)
    lin = [LINEAR[int(round(c))] if float(c).is_integer() else to_linear(float(c)) for c in rgb]
    return tuple(to_srgb(sum(m * v for m, v in zip(row, lin))) for row in SIMULATIONS[vision])


def luminance(rgb):
    r, g, b = (to_linear(float(c)) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a, b):
    la, lb = luminance(a), luminance(b)
    return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)


def lab(rgb):
    r, g, b = (to_linear(float(c)) for c in rgb)
    x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
    y = 0.2126 * r + 0.7152 * g + 0.0722 * b
    z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883
    f = [t ** (1 / 3) if t > 216 / 24389 else (24389 / 27 * t + 16) / 116 for t in (x, y, z)]
    return 116 * f[1] - 16, 500 * (f[0] - f[1]), 200 * (f[1] - f[2])


def delta_e(c1, c2):
    """CIEDE2000 between two sRGB colours (Sharma, Wu & Dalal 2005)."""
    from math import atan2, cos, degrees, exp, hypot, radians, sin, sqrt
    l1, a1, b1 = lab(c1)
    l2, a2, b2 = lab(c2)
    cbar = (hypot(a1, b1) + hypot(a2, b2)) / 2
    gk = 0.5 * (1 - sqrt(cbar ** 7 / (cbar ** 7 + 25 ** 7)))
    a1, a2 = a1 * (1 + gk), a2 * (1 + gk)
    cc1, cc2 = hypot(a1, b1), hypot(a2, b2)
    h1 = degrees(atan2(b1, a1)) % 360 if cc1 else 0.0
    h2 = degrees(atan2(b2, a2)) % 360 if cc2 else 0.0
    dl, dc = l2 - l1, cc2 - cc1
    dh = 0.0
    if cc1 * cc2:
        dh = h2 - h1 - 360 if h2 - h1 > 180 else h2 - h1 + 360 if h2 - h1 < -180 else h2 - h1
    dhh = 2 * sqrt(cc1 * cc2) * sin(radians(dh / 2))
    lbar, cbar2 = (l1 + l2) / 2, (cc1 + cc2) / 2
    hbar = h1 + h2
    if cc1 * cc2:
        hbar = (h1 + h2 + 360) / 2 if abs(h1 - h2) > 180 and h1 + h2 < 360 else \
            (h1 + h2 - 360) / 2 if abs(h1 - h2) > 180 else (h1 + h2) / 2
    t = (1 - 0.17 * cos(radians(hbar - 30)) + 0.24 * cos(radians(2 * hbar))
         + 0.32 * cos(radians(3 * hbar + 6)) - 0.20 * cos(radians(4 * hbar - 63)))
    sl = 1 + 0.015 * (lbar - 50) ** 2 / sqrt(20 + (lbar - 50) ** 2)
    sc, sh = 1 + 0.045 * cbar2, 1 + 0.015 * cbar2 * t
    rt = -2 * sqrt(cbar2 ** 7 / (cbar2 ** 7 + 25 ** 7)) * sin(radians(60 * exp(-(((hbar - 275) / 25) ** 2))))
    return sqrt((dl / sl) ** 2 + (dc / sc) ** 2 + (dhh / sh) ** 2 + rt * (dc / sc) * (dhh / sh))


def over(top, alpha, bottom):
    return tuple(t * alpha + b * (1 - alpha) for t, b in zip(top, bottom))


def lut(vision):
    """The simulation as a 3D table PIL applies to a whole frame."""
    return ImageFilter.Color3DLUT.generate(
        33, lambda r, g, b: tuple(c / 255 for c in simulate((r * 255, g * 255, b * 255), vision)))


# -- the theme, from the source ---------------------------------------------

def parse_colour(expr):
    m = re.fullmatch(r"color_hex\(0x([0-9a-fA-F]{6})\)", expr.strip())
    if m:
        v = int(m.group(1), 16)
        return (v >> 16, (v >> 8) & 255, v & 255), 1.0
    m = re.fullmatch(r"color_rgba\((\d+),\s*(\d+),\s*(\d+),\s*(\d+)\)", expr.strip())
    if m:
        r, g, b, a = (int(x) for x in m.groups())
        return (r, g, b), a / 255
    raise ValueError("cannot read the colour " + expr)


def read_themes(src):
    """{'normal': {...}, 'high_contrast': {...}}: name -> ((r, g, b), alpha)."""
    with open(os.path.join(src, "src/render/render_widgets.c"), encoding="utf-8") as f:
        text = f.read()
    body = re.search(r"Theme theme_make\(bool high_contrast\)\s*\{(.*?)\n\}", text, re.S).group(1)
    themes = {"normal": {}, "high_contrast": {}}
    for name, expr in re.findall(r"^\s*\.(\w+)\s*=\s*(.*),\s*$", body, re.M):
        m = re.fullmatch(r"h \? (.+) : (.+)", expr.strip())
        if m:
            themes["high_contrast"][name], themes["normal"][name] = parse_colour(m.group(1)), parse_colour(m.group(2))
        elif expr.strip().startswith("color_"):
            themes["high_contrast"][name] = themes["normal"][name] = parse_colour(expr)
    return themes


def read_tags(src):
    """{'quality': alpha, 'state': alpha}: the most opaque tint under the
    words of each kind of tag, from color_alpha(theme_KIND_color(...), A)
    anywhere in src/render."""
    tags = {}
    folder = os.path.join(src, "src/render")
    for name in sorted(os.listdir(folder)):
        if name.endswith(".c"):
            with open(os.path.join(folder, name), encoding="utf-8") as f:
                for kind, a in re.findall(r"color_alpha\(theme_(\w+)_color\([^()]*\),\s*([0-9.]+)f?\)", f.read()):
                    tags[kind] = max(tags.get(kind, 0.0), float(a))
    return tags


# -- rendering --------------------------------------------------------------

def render(unsaid, src, out, name, replay, tick, packs):
    """One frame as the golden tests make it, in a user folder of its own."""
    home = os.path.join(out, "userdata", name)
    shutil.rmtree(home, ignore_errors=True)
    os.makedirs(os.path.join(home, "unsaid", "packs"))
    for p in packs:
        pp = os.path.join(src, "tests/data/packs", p)
        (shutil.copytree if os.path.isdir(pp) else shutil.copy)(pp, os.path.join(home, "unsaid", "packs", p))
    env = dict(os.environ, XDG_DATA_HOME=home, HOME=home, SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy",
               UNSAID_DATA_DIR=src)
    shot = os.path.join(out, name + ".png")
    args = [unsaid, "--screenshot", shot, "--at", str(tick)]
    if replay:
        if not os.path.isabs(replay):
            replay = os.path.join(src, "tests/replays", replay + ".replay")
        args += ["--replay", replay]
    run = subprocess.run(args, env=env, capture_output=True, text=True)
    if run.returncode != 0:
        raise RuntimeError("%s: unsaid exited %d\n%s" % (name, run.returncode, run.stderr))
    return Image.open(shot).convert("RGB")


def differs_from(golden, frame):
    """The share of pixels off by more than 12/255 on a channel, as
    tests/imgdiff.c counts them."""
    if golden.size != frame.size:
        return 1.0
    diff = ImageChops.difference(golden, frame).split()
    off = [c.point(lambda v: 255 if v > 12 else 0) for c in diff]
    mask = ImageChops.lighter(ImageChops.lighter(off[0], off[1]), off[2])
    return mask.histogram()[255] / (frame.size[0] * frame.size[1])


def grid(frames):
    w, h = frames["normal"].size
    g = Image.new("RGB", (w, h))
    for i, v in enumerate(VISIONS):
        x, y = (i % 2) * w // 2, (i // 2) * h // 2
        g.paste(frames[v].resize((w // 2, h // 2), Image.LANCZOS), (x, y))
        label = ImageDraw.Draw(g)
        label.rectangle((x, y + h // 2 - 14, x + 8 + 6 * len(v), y + h // 2), fill=(0, 0, 0))
        label.text((x + 4, y + h // 2 - 12), v, fill=(255, 255, 255))
    return g


# -- finding the debrief's marks --------------------------------------------

def components(img, colour, tol, box=None):
    """Connected groups of pixels within tol (on every channel) of colour,
    inside box: a list of sets of (x, y)."""
    x0, y0, x1, y1 = box or (0, 0) + img.size
    part = img.crop((x0, y0, x1, y1))
    diff = ImageChops.difference(part, Image.new("RGB", part.size, tuple(colour)))
    near_channels = [c.point(lambda v: 255 if v <= tol else 0) for c in diff.split()]
    mask = ImageChops.multiply(ImageChops.multiply(near_channels[0], near_channels[1]), near_channels[2])
    w = part.size[0]
    near = {(x0 + i % w, y0 + i // w) for i, v in enumerate(mask.getdata()) if v}
    groups = []
    while near:
        todo = [near.pop()]
        group = set(todo)
        while todo:
            x, y = todo.pop()
            for n in ((x + 1, y), (x - 1, y), (x, y + 1), (x, y - 1)):
                if n in near:
                    near.remove(n)
                    group.add(n)
                    todo.append(n)
        groups.append(group)
    return groups


def bbox(group):
    xs = [p[0] for p in group]
    ys = [p[1] for p in group]
    return min(xs), min(ys), max(xs) + 1, max(ys) + 1


def timeline_box(src):
    """The debrief timeline with its legend under it, from
    game_timeline_rect in src/core/play/game_layout.c."""
    with open(os.path.join(src, "src/core/play/game_layout.c"), encoding="utf-8") as f:
        m = re.search(r"UiRect game_timeline_rect\(void\)\s*\{\s*return \(UiRect\)\{([^}]*)\};", f.read())
    if not m:
        return None
    x, y, w, h = (float(v) for v in m.group(1).split(","))
    return int(x) - 24, int(y) - 12, int(x + w) + 16, int(y + h) + 34


# The debrief's list of cues, left column: each row begins with its mark
# (mark_row in src/render/render_debrief.c, at x 91 in screen_debrief).
LIST_BOX = (76, 250, 106, 640)


def find_row_marks(img, theme):
    """The marks at the start of the debrief list's rows: [(colour key,
    filled, group)]. A disc is filled when most of its box is its colour."""
    found = []
    for key in ("good", "bad"):
        for g in components(img, theme[key][0], 24, LIST_BOX):
            x0, y0, x1, y1 = bbox(g)
            if 17 <= x1 - x0 <= 23 and 17 <= y1 - y0 <= 23:
                found.append((key, len(g) > 0.55 * (x1 - x0) * (y1 - y0), g))
    return found


def find_marks(img, theme, box):
    """The timeline's bars and flags, legend included, found by their
    colours in the frame as drawn: {'noticed': [(colour, group)],
    'missed': [(colour, group)], 'flag': [centre], 'false_alarm': [centre]}.
    A bar is filled when most of its box is its colour, open when only
    its rim is; which of the two it is comes from its pixels, not from its
    colour."""
    marks = {"noticed": [], "missed": [], "flag": [], "false_alarm": []}
    for key in ("good", "bad"):
        for g in components(img, theme[key][0], 24, box):
            x0, y0, x1, y1 = bbox(g)
            if not 10 <= y1 - y0 <= 14 or x1 - x0 < 12:  # a bar is 12 px high
                continue
            # Straight top and bottom edges, where a word in that colour has gaps.
            top = max(sum(1 for p in g if p[1] == y) for y in range(y0, y0 + 3))
            bottom = max(sum(1 for p in g if p[1] == y) for y in range(y1 - 3, y1))
            if min(top, bottom) >= 0.5 * (x1 - x0):
                filled = len(g) > 0.7 * (x1 - x0) * (y1 - y0)
                marks["noticed" if filled else "missed"].append((key, g))
    # A flag on a bar cuts it in two: pieces of one kind and colour on the
    # same row, a flag's width apart, are one bar.
    for kind in ("noticed", "missed"):
        bars = sorted(marks[kind], key=lambda b: (b[0], bbox(b[1])[1], bbox(b[1])[0]))
        joined = []
        for key, g in bars:
            if joined and joined[-1][0] == key:
                px0, py0, px1, py1 = bbox(joined[-1][1])
                x0, y0, x1, y1 = bbox(g)
                if (py0, py1) == (y0, y1) and 0 <= x0 - px1 <= 14:
                    joined[-1] = (key, joined[-1][1] | g)
                    continue
            joined.append((key, g))
        marks[kind] = joined
    for kind, key, tol in (("flag", "accent", 48), ("false_alarm", "text", 20)):
        for g in components(img, theme[key][0], tol, box):
            x0, y0, x1, y1 = bbox(g)
            if 4 <= x1 - x0 <= 13 and 4 <= y1 - y0 <= 13:
                marks[kind].append(((x0 + x1 - 1) / 2, (y0 + y1 - 1) / 2))
    return marks


def pixel(img, x, y):
    return img.getpixel((int(round(x)), int(round(y))))


def mean_luminance(img, cx, cy, offsets):
    return sum(luminance(pixel(img, cx + dx, cy + dy)) for dx, dy in offsets) / len(offsets)


AXES = ((3, 0), (-3, 0), (0, 3), (0, -3))
DIAGONALS = ((3, 3), (-3, 3), (3, -3), (-3, -3))


def dot_or_cross(img, cx, cy):
    """A dot is light all round its middle; a cross only along its arms,
    the diagonals, and dark along the axes between them."""
    mid = luminance(pixel(img, cx, cy)) + 1e-6
    axes, diag = mean_luminance(img, cx, cy, AXES) / mid, mean_luminance(img, cx, cy, DIAGONALS) / mid
    if axes > 0.6:
        return "a dot", axes, diag
    if axes < 0.35 and diag > 0.5:
        return "a cross", axes, diag
    return "neither a dot nor a cross", axes, diag


class Simulated:
    """A frame as someone with a colour vision sees it, pixel by pixel: the
    checks read a few pixels, each simulated exactly (the frames written
    for people go through a 3D table, a few levels off in the darks)."""

    def __init__(self, frame, vision):
        self.frame, self.vision = frame, vision

    def getpixel(self, xy):
        return simulate(self.frame.getpixel(xy), self.vision)


def check_marks(name, frame, theme, box, problems, report):
    """The marks' shapes and contrast in every simulation of the frame."""
    marks = find_marks(frame, theme, box)
    report.append("%s: %d noticed bars, %d missed bars, %d flags, %d false alarms (legend included)" % (
        name, len(marks["noticed"]), len(marks["missed"]), len(marks["flag"]), len(marks["false_alarm"])))
    for kind, want in (("noticed", "good"), ("missed", "bad")):
        for key, g in marks[kind]:
            if key != want:
                problems.append("%s: a %s bar at x=%d is %s like the %s ones: the two differ by colour only" % (
                    name, "noticed" if key == "good" else "missed", bbox(g)[0],
                    "filled" if kind == "noticed" else "open", kind))
    for kind in marks:
        if not marks[kind]:
            problems.append("%s: no %s mark in the timeline or its legend" % (name, kind.replace("_", " ")))
    rows = find_row_marks(frame, theme)
    filled = sum(1 for r in rows if r[1])
    report.append("%s: in the list of cues, %d row%s begin%s with a filled disc, %d with an open ring" % (
        name, filled, "" if filled == 1 else "s", "s" if filled == 1 else "", len(rows) - filled))
    if not rows:
        problems.append("%s: no mark at the start of a row in the list of cues" % name)
    for key, filled, g in rows:
        if filled != (key == "good"):
            problems.append("%s: a %s cue's row in the list begins with %s, as a %s one does: the two differ by "
                            "colour only" % (name, "noticed" if key == "good" else "missed",
                                             "a filled disc" if filled else "an open ring",
                                             "noticed" if filled else "missed"))
    least = {}  # what -> (contrast, vision), the lowest met

    def seen(what, c, vision):
        if what not in least or c < least[what][0]:
            least[what] = (c, vision)

    for vision in VISIONS:
        img = Simulated(frame, vision)
        for kind in ("noticed", "missed"):
            for _, g in marks[kind]:
                x0, y0, x1, y1 = bbox(g)
                cy = (y0 + y1 - 1) // 2
                # The rim: the bar's own pixel on its top edge nearest the middle.
                rx, ry = min((p for p in g if p[1] == y0), key=lambda p: abs(p[0] - (x0 + x1) / 2))
                rim, behind = img.getpixel((rx, ry)), img.getpixel((rx, y0 - 2))
                c = contrast(rim, behind)
                seen("%s bar on the strip" % kind, c, vision)
                if c < MARK_CONTRAST:
                    problems.append("%s, %s: a %s bar at x=%d stands out from the strip by %.2f:1 (at least %.1f)"
                                    % (name, vision, kind, x0, c, MARK_CONTRAST))
                if kind == "missed":
                    inner = contrast(rim, img.getpixel((rx, cy)))
                    seen("open bar's rim on its middle", inner, vision)
                    if inner < SHAPE_CONTRAST:
                        problems.append("%s, %s: the missed bar at x=%d no longer looks open: %.2f:1 between its "
                                        "rim and its middle (at least %.1f)"
                                        % (name, vision, x0, inner, SHAPE_CONTRAST))
        for kind, shape in (("flag", "a dot"), ("false_alarm", "a cross")):
            for cx, cy in marks[kind]:
                looks, axes, diag = dot_or_cross(img, cx, cy)
                if looks != shape:
                    problems.append("%s, %s: the %s at (%d, %d) should be %s but looks like %s (light along "
                                    "the axes %.2f, on the diagonals %.2f of its middle)" % (
                                        name, vision, kind.replace("_", " "), cx, cy, shape, looks, axes, diag))
                c = contrast(pixel(img, cx, cy), pixel(img, cx, cy - 6))
                seen("%s on its dark edge" % kind.replace("_", " "), c, vision)
                if c < MARK_CONTRAST:
                    problems.append("%s, %s: the %s at (%d, %d) stands out from what is round it by %.2f:1 "
                                    "(at least %.1f)" % (name, vision, kind.replace("_", " "), cx, cy, c,
                                                         MARK_CONTRAST))
        for key, filled, g in rows:
            # The disc's edge on the panel beside it.
            x0, y0, x1, y1 = bbox(g)
            cy = (y0 + y1 - 1) // 2
            c = contrast(img.getpixel((x0 + 1, cy)), img.getpixel((x0 - 3, cy)))
            seen("a list row's mark on the panel", c, vision)
            if c < MARK_CONTRAST:
                problems.append("%s, %s: the mark of the list row at y=%d stands out from the panel by %.2f:1 "
                                "(at least %.1f)" % (name, vision, cy, c, MARK_CONTRAST))
    report.append("%s: least contrast: %s" % (name, "; ".join(
        "%s %.2f:1 (%s)" % (what, c, v) for what, (c, v) in least.items())))
    return marks


# -- the theme's colours ----------------------------------------------------

def check_theme(src, themes, tags, problems, report):
    backdrop = (8, 10, 18)  # widget_dim's colour, under every panel
    for tname, theme in themes.items():
        panel = over(theme["panel"][0], theme["panel"][1], backdrop)
        col = {k: over(v[0], v[1], panel) for k, v in theme.items()}
        # (what, foreground, background, at least), each under every simulation.
        pairs = [("'%s' text on the panel" % k, col[k], panel, TEXT_CONTRAST) for k in TEXT_COLOURS]
        pairs += [("'%s' marks on the panel" % k, col[k], panel, MARK_CONTRAST) for k in MARK_COLOURS]
        # A tag: words in a colour on a tint of it (answer quality, a pack's state).
        pairs += [("'%s' words on a %s tag (tint %.2f)" % (k, kind, a), col[k], over(col[k], a, panel),
                   TEXT_CONTRAST) for kind, a in tags.items() for k in TAG_COLOURS[kind]]
        # Dark words on a light colour: a selected button, a name tag, + or - in a dot.
        pairs += [("dark words on '%s'" % k, DARK_WORDS, col[k], TEXT_CONTRAST) for k in DARK_ON]
        for what, fg, bg, least in pairs:
            cs = {v: contrast(simulate(fg, v), simulate(bg, v)) for v in VISIONS}
            worst = min(VISIONS, key=lambda v: cs[v])
            report.append("%s theme: %s: %.2f:1, least under %s (%.2f:1)" % (
                tname, what, cs["normal"], worst, cs[worst]))
            for v in VISIONS:
                if cs[v] < least:
                    problems.append("%s theme, %s: %s has %.2f:1 (at least %.1f)" % (
                        tname, v, what, cs[v], least))
        for a, b, means, backing in PAIRS:
            des = {v: delta_e(simulate(col[a], v), simulate(col[b], v)) for v in VISIONS}
            close = [v for v in VISIONS if des[v] < MIN_DELTA_E]
            line = "%s theme: %s / %s (%s): dE %s" % (
                tname, a, b, means, ", ".join("%s %.1f" % (v[:4], des[v]) for v in VISIONS))
            if not close:
                report.append(line + ": apart by colour")
                continue
            if not backing:
                problems.append("%s theme: '%s' and '%s' mean %s, but under %s they are %s apart (CIEDE2000, "
                                "at least %.0f) and nothing else tells them apart" % (
                                    tname, a, b, means, ", ".join(close),
                                    ", ".join("%.1f" % des[v] for v in close), MIN_DELTA_E))
                continue
            report.append(line + ": close under %s, told apart by shape or words" % ", ".join(close))
            for path, text, what in backing:
                with open(os.path.join(src, path), encoding="utf-8") as f:
                    if text not in f.read():
                        problems.append("'%s' and '%s' (%s) look alike under %s, and what told them apart is "
                                        "gone: %s (%s no longer has %r)" % (a, b, means, ", ".join(close), what,
                                                                           path, text))


def main():
    if len(sys.argv) != 4:
        print(__doc__.strip().splitlines()[-1], file=sys.stderr)
        return 2
    unsaid, src, out = sys.argv[1], os.path.abspath(sys.argv[2]), os.path.abspath(sys.argv[3])
    shutil.rmtree(out, ignore_errors=True)
    os.makedirs(out)
    problems, report = [], []
    themes = read_themes(src)
    for t in themes.values():
        for k in ("panel", "text", "muted", "accent", "good", "bad", "button", "button_hi"):
            if k not in t:
                problems.append("theme_make no longer has a colour this test can read for '%s'" % k)
    if problems:
        print("\n".join(problems))
        return 1
    tags = read_tags(src)
    for kind in TAG_COLOURS:
        if kind not in tags:
            problems.append("no tag drawn with color_alpha(theme_%s_color(...), ALPHA) in src/render" % kind)
    box = timeline_box(src)
    if not box:
        problems.append("cannot read game_timeline_rect in src/core/play/game_layout.c")
    if problems:
        print("\n".join(problems))
        return 1
    check_theme(src, themes, tags, problems, report)

    # Every screen of tests/golden; one not in SCREENS is simulated from its
    # golden image, so a new screen is looked at before anyone lists it.
    golden = os.path.join(src, "tests/golden")
    names = sorted(n[:-4] for n in os.listdir(golden) if n.endswith(".png") and n[:-4] not in NOT_SCREENS)
    hc_replay = os.path.join(out, "debrief_high_contrast.replay")
    with open(hc_replay, "w", encoding="utf-8") as f:
        f.write(HC_DEBRIEF)
    jobs = {n: SCREENS[n] for n in names if n in SCREENS}
    jobs["debrief_high_contrast"] = (hc_replay, 1140, [])
    with ThreadPoolExecutor(max_workers=2) as pool:
        done = {n: pool.submit(render, unsaid, src, out, n, *jobs[n]) for n in jobs}
        shots = {n: f.result() for n, f in done.items()}
    for n in names:
        if n not in shots:
            report.append("%s: not in SCREENS, simulated from its golden image" % n)
            shots[n] = Image.open(os.path.join(golden, n + ".png")).convert("RGB")
            continue
        # The frame must be the golden test's: else SCREENS has fallen out
        # of step with tests/CMakeLists.txt (or golden.NAME fails as well).
        share = differs_from(Image.open(os.path.join(golden, n + ".png")).convert("RGB"), shots[n])
        if share > 0.002:
            problems.append("%s: the frame rendered here differs from tests/golden/%s.png in %.1f%% of its pixels: "
                            "golden.%s fails as well, or SCREENS[%r] is no longer its replay and tick in "
                            "tests/CMakeLists.txt" % (n, n, 100 * share, n, n))
    luts = {v: lut(v) for v in SIMULATIONS}
    for n in sorted(shots):
        frames = {"normal": shots[n]}
        for v in SIMULATIONS:
            frames[v] = shots[n].filter(luts[v])
            frames[v].save(os.path.join(out, "%s.%s.png" % (n, v)), compress_level=1)
        grid(frames).save(os.path.join(out, n + ".grid.png"), compress_level=1)
        if n.startswith("debrief"):
            check_marks(n, shots[n], themes["high_contrast" if "high_contrast" in n else "normal"], box, problems,
                        report)
    shutil.rmtree(os.path.join(out, "userdata"), ignore_errors=True)

    print("\n".join(report))
    print("simulated %d screens under %s: %s" % (len(shots), ", ".join(SIMULATIONS), out))
    problems = list(dict.fromkeys(problems))  # a line of the source named once, not per theme
    if problems:
        print("\n%d problem%s:" % (len(problems), "" if len(problems) == 1 else "s"))
        print("\n".join("  " + p for p in problems))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
