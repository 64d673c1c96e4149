#!/usr/bin/python3
"""The teacher's path, start to finish (test teacher.path).

usage: teacher_path.py UNSAID SOURCE_DIR

Plays a teacher who makes a pack for a class, as docs/modding.md walks it
("The whole path, start to finish"): a new pack in a folder with a space in
its name, a second scene written from the template's first and added to the
chapter, a clean --check, then each common mistake made once in a fresh
copy of the clean pack with its message checked (file:line:col, the plain
words, the quoted line and its caret) and found in the guide's table "If
you see this message, do this", --timeline, a preview PNG at a moment given
in seconds, --write-schema, and a zip that is checked, installed instead of
the folder and played.

Everything happens in a fresh temporary folder that is at once HOME and the
player's data folder (~/.local/share/unsaid); SDL's drivers are dummies.
Each step prints one line saying what it checked. Exit status 0 when every
step went as the guide says, 1 otherwise (with the command, its output and
what was expected)."""
import json
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import zipfile
import zlib

COMMAND_TIMEOUT = 120  # seconds, per command
PACK_DIR = "packs/Year 9"  # as the teacher types it, from the data folder
PACK_ID = "year-9"  # what --new-pack makes of that name
FIRST = PACK_ID + "-first-scene"  # the template's scene
SECOND = PACK_ID + "-bus-stop"  # the teacher's own scene
SECOND_FILE = "scenes/bus_stop.yaml"
PLACE = "park_bench"  # one of the game's six places (docs/scene-format.md, section 3)


class Failed(Exception):
    pass


class Teacher:
    """A terminal in the data folder, with `unsaid` being the game."""

    def __init__(self, unsaid, src, top):
        self.unsaid, self.src = unsaid, src
        home = os.path.join(top, "home")
        self.data = os.path.join(home, ".local", "share", "unsaid")
        os.makedirs(os.path.join(self.data, "packs"))
        self.env = dict(os.environ)
        self.env.update(HOME=home, XDG_DATA_HOME=os.path.join(home, ".local", "share"), SDL_VIDEODRIVER="dummy",
                        SDL_AUDIODRIVER="dummy", LC_ALL="C.UTF-8", UNSAID_DATA_DIR=src)

    def run(self, *args):
        """Run `unsaid ARGS` in the data folder; (exit status, output, the command as typed)."""
        typed = "unsaid " + " ".join(a if re.fullmatch(r"[\w./=-]+", a) else "'%s'" % a for a in args)
        try:
            p = subprocess.run([self.unsaid] + list(args), cwd=self.data, env=self.env, stdin=subprocess.DEVNULL,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=COMMAND_TIMEOUT)
        except subprocess.TimeoutExpired as e:
            out = (e.output or b"").decode("utf-8", "replace")
            raise Failed("$ %s\n%s\n(killed after %d seconds)" % (typed, out, COMMAND_TIMEOUT))
        return p.returncode, p.stdout.decode("utf-8", "replace"), typed

    def path(self, *parts):
        return os.path.join(self.data, *parts)

    def read(self, *parts):
        with open(self.path(*parts), encoding="utf-8") as f:
            return f.read()

    def write(self, text, *parts):
        with open(self.path(*parts), "w", encoding="utf-8") as f:
            f.write(text)


def expect(ok, what, run=None):
    """Fail with WHAT (what was expected), and the command and its output."""
    if ok:
        return
    if run:
        rc, out, typed = run
        raise Failed("$ %s\n%s(exit status %d)\nexpected: %s" % (typed, out, rc, what))
    raise Failed("expected: " + what)


def step(what):
    print("ok: " + what, flush=True)


def replace_once(text, old, new, where):
    expect(text.count(old) == 1, "%s to have %r exactly once, found it %d times" % (where, old, text.count(old)))
    return text.replace(old, new)


def set_values(text, key, values, where):
    """Give the keys `KEY: ...` (KEY a regex of the indentation and the
    name) the new VALUES in turn; there must be exactly as many."""
    pattern = re.compile(r"^(%s: ).*$" % key, re.M)
    found = len(pattern.findall(text))
    expect(found == len(values), "%s to have %d '%s:' keys, found %d" % (where, len(values), key.strip(), found))
    it = iter(values)
    return pattern.sub(lambda m: m.group(1) + next(it), text)


def set_block(text, key, lines, where):
    """Replace the folded block under the top-level `KEY: >`."""
    pattern = re.compile(r"^%s: >\n(?:  .*\n)+" % key, re.M)
    expect(len(pattern.findall(text)) == 1, "%s to have one '%s: >' block" % (where, key))
    return pattern.sub(lambda m: "%s: >\n%s" % (key, "".join("  %s\n" % l for l in lines)), text)


def second_scene(template):
    """The teacher's own scene, written over a copy of the template's."""
    where = "the template's scenes/first_scene.yaml"
    s = set_values(template, "id", [SECOND], where)
    s = set_values(s, "title", ['"Bus stop"'], where)
    s = set_values(s, "place", [PLACE], where)
    s = set_block(s, "context", ["Theo sits on the bench by the park gate after school. The maths results",
                                 "came out today, and he has not said a word about them."], where)
    s = set_values(s, "  - id", ["results", "walk_home"], where)
    s = set_values(s, "    text", ['"The results? Yeah, they were fine."',
                                   '"You go on. I\'ll walk home on my own today."'], where)
    s = set_values(s, "        means", ['"The results may not have been fine at all."',
                                        '"He may not want you to see how he feels."'], where)
    s = set_values(s, "  - text", ['"You don\'t sound sure. Want to walk together and talk?"',
                                   '"Cool, see you tomorrow."'], where)
    s = set_values(s, "    why", ['"You heard the doubt behind \'fine\' and offered company, not questions."',
                                  '"He said fine, and you let him walk off with it."'], where)
    s = set_values(s, "    reply", ['"...I failed it. Mum is going to be so angry."', '"Yeah. Bye."'], where)
    return set_block(s, "question", ["Why might someone send away the person they most want to talk to?"], where)


def line_of(lines, text, nth=0):
    """The index of the NTH line equal to TEXT (or starting with it, if TEXT ends in a space)."""
    hits = [i for i, l in enumerate(lines) if l == text or (text.endswith(" ") and l.startswith(text))]
    expect(len(hits) > nth, "the pack's file to have at least %d line(s) %r" % (nth + 1, text))
    return hits[nth]


# Each mistake: what the teacher does to a fresh copy of the clean pack,
# and what --check must say. A change takes the pack's files (a dict of
# relative path -> list of lines, changed in place) and returns
# (file, line, column) of the message, counting from 1.

def retype(find, new, col, nth=0, rel=SECOND_FILE):
    """Retype the NTH line FIND (see line_of) as NEW, a line or a function of
    the old one; the message is at COL of that line."""
    def change(files):
        lines = files[rel]
        i = line_of(lines, find, nth)
        lines[i] = new(lines[i]) if callable(new) else new
        return rel, i + 1, col
    return change


def add_after(find, new, col, nth=0, rel=SECOND_FILE):
    """Add the line NEW after the NTH line FIND; the message is at COL of NEW."""
    def change(files):
        lines = files[rel]
        i = line_of(lines, find, nth)
        lines.insert(i + 1, new)
        return rel, i + 2, col
    return change


# (name, change, syntax error?, key words of the message: {P} is the line
# above the message's, {first} the line of the first 'results' line id, {N}
# any line number).
MISTAKES = [
    ("a tab used for indentation", retype("    cues:", "\tcues:", 1), True,
     ["this line starts with a tab (shown as \u2192)", "spaces only", 'put 4 spaces in its place to line up with "text:" on line {P}']),
    ("a line indented too far", retype("    cues:", "     cues:", 6), True,
     ["this line is indented more than line {P}, which already has its value", "remove 1 space, to start in column 5"]),
    ("a line indented too little", retype("    cues:", "   cues:", 4), True,
     ["this line starts in column 4, which lines up with no key above it",
      'add 1 space, to start in column 5 like "text:" on line {P}']),
    ("a key without its colon", retype("    text: ", lambda l: l.replace("text: ", "text ", 1), 9), True,
     ['this line has no colon after "text"', 'write "text: value"']),
    ("a colon without the space after it", retype("    text: ", lambda l: l.replace("text: ", "text:", 1), 9), True,
     ['put a space after this colon: YAML needs "key: value"']),
    ("an unclosed quote", retype("    text: ", lambda l: l.rstrip('"'), 11), True,
     ["the quoted text that starts here is not closed on its line", 'end it with " on this line',
      'YAML reads on to the next ", on line {N}']),
    ('a stray "- "', retype("    cues:", "    - cues:", 5), True,
     ['remove the "- " here: "cues:" belongs to the same thing as "text:" on line {P}']),
    ('a value with ": " in it, unquoted',
     retype("    text: ", "    text: The results: fine, I guess.", len("    text: The results") + 1), True,
     ['this value has ": " in it', "put the whole value in quotes"]),
    ("a misspelt cue name", retype("      - cue: gaze_down", "      - cue: gaze_dwon", 14), False,
     ["unknown cue 'gaze_dwon' (did you mean 'gaze_down'?)"]),
    ("a misspelt place", retype("place: " + PLACE, "place: park_bnch", 8), False,
     ["unknown place 'park_bnch' (did you mean '%s'?)" % PLACE]),
    ("a next: to a scene that does not exist",
     add_after("    quality: best", "    next: %s-bus-stp" % PACK_ID, 11, rel="scenes/first_scene.yaml"), False,
     ["answer 1 leads to scene '%s-bus-stp'" % PACK_ID, "has a scene with that id",
      "(did you mean '%s'?)" % SECOND]),
    ("a duplicate line id", retype("  - id: walk_home", "  - id: results", 9), False,
     ["line id 'results' is used twice (first on line {first})"]),
    ("a cue that can never be seen (end: hold, starting after the answers)",  # on the last line's cues
     add_after("    cues:", "      - { cue: lip_press, start: 8.0, end: hold }", 9, nth=1), False,
     ["cue 'lip_press' starts 8.0 s into its line 'walk_home', but the scene is over by then",
      "no player can see it"]),
]


def fill(words, line, lines):
    """The key words with their placeholders filled in, and a regex for them."""
    first = [i + 1 for i, l in enumerate(lines) if l == "  - id: results"][:1] or [0]
    for name, value in (("P", line - 1), ("first", first[0])):
        words = words.replace("{%s}" % name, str(value))
    return words.replace("{N}", "N"), re.escape(words).replace(re.escape("{N}"), r"\d+")


def check_caret(out, line, col, source, run):
    """The message quotes the line and puts a ^ under the column."""
    gutter = "  %d | " % line
    shown = [i for i, l in enumerate(out.split("\n")) if l.startswith(gutter)]
    expect(shown, "the line quoted as '%s...' under the message" % gutter, run)
    outl = out.split("\n")
    quoted, caret = outl[shown[0]][len(gutter):], outl[shown[0] + 1] if shown[0] + 1 < len(outl) else ""
    expect(quoted == source.replace("\t", "\u2192"), "the quoted line to be the file's line %d, %r (a tab as \u2192)" % (line, source), run)
    expect(re.fullmatch(r" +\| *\^", caret) is not None and caret.index("^") == len(gutter) + col - 1,
           "a '^' under column %d of the quoted line" % col, run)


def make_mistake(t, clean, number, name, change, syntax, words):
    """Copy the clean pack, make one mistake in it, --check it."""
    copy = os.path.join("mistakes", "%02d" % number, os.path.basename(PACK_DIR))
    shutil.copytree(clean, t.path(copy))
    files = {}
    for rel in ("scenes/first_scene.yaml", SECOND_FILE):
        files[rel] = t.read(copy, rel).split("\n")
    rel, line, col = change(files)
    for r, lines in files.items():
        t.write("\n".join(lines), copy, r)
    lines = files[rel]
    run = t.run("--check", copy)
    rc, out, _ = run
    where = "%s/%s:%d:%d: error: " % (copy, rel, line, col)
    expect(rc == 1, "exit status 1 for %s" % name, run)
    expect("checked 1 pack: 1 error" in out,
           "exactly one error for %s ('checked 1 pack: 1 error, ...')" % name, run)
    got = [l for l in out.split("\n") if l.startswith(where)]
    expect(got, "the message to start with '%s'" % where, run)
    said = []
    for w in words:
        text, pattern = fill(w, line, lines)
        expect(re.search(pattern, got[0]) is not None, "the message at %s to say %r" % (where, text), run)
        said.append(text)
    if syntax:
        check_caret(out, line, col, lines[line - 1], run)
        expect("chapter" not in out, "no second error for the chapter that names the broken scene", run)
    step("%s: --check exits 1 with %s%d:%d and %s%s"
         % (name, rel + ":", line, col, " / ".join(repr(w) for w in said),
            "; the line is quoted with its ^, and the chapter naming the scene is no second error" if syntax
            else ""))
    return got[0][len(where):]


def guide_table(src):
    """The messages in docs/modding.md's table "If you see this message, do
    this": (the row's message as written, a regex for real messages)."""
    with open(os.path.join(src, "docs", "modding.md"), encoding="utf-8") as f:
        text = f.read()
    m = re.search(r"^### If you see this message, do this\n(.*?)^#", text, re.M | re.S)
    expect(m is not None, "docs/modding.md to have a section '### If you see this message, do this'")
    rows = []
    for line in m.group(1).split("\n"):
        cell = re.match(r"^\| `([^`]+)`", line)
        if cell:
            words = cell.group(1)
            pattern = re.escape(words).replace(re.escape("..."), ".*")
            rows.append((words, re.sub(r"\bN\b", r"[0-9.]+", pattern)))
    expect(rows, "rows of messages in docs/modding.md's table 'If you see this message, do this'")
    return rows


def png_info(path):
    """(width, height, pixel data) of a PNG file."""
    with open(path, "rb") as f:
        data = f.read()
    expect(data[:8] == b"\x89PNG\r\n\x1a\n", "%s to be a PNG file" % path)
    width, height = struct.unpack(">II", data[16:24])
    expect(data[12:16] == b"IHDR", "%s to start with an IHDR chunk" % path)
    pixels, at = b"", 8
    while at + 8 <= len(data):
        size, kind = struct.unpack(">I4s", data[at:at + 8])
        if kind == b"IDAT":
            pixels += data[at + 8:at + 8 + size]
        at += 12 + size
    return width, height, zlib.decompress(pixels)


def teacher_path(t):
    # 1. A new pack, in a folder with a space in its name.
    run = t.run("--new-pack", PACK_DIR)
    said = "Wrote a new pack '%s' in %s. Check it with:  unsaid --check '%s'" % (PACK_ID, PACK_DIR, PACK_DIR)
    expect(run[0] == 0 and run[1].strip() == said, "exit status 0 and %r" % said, run)
    for rel in ("pack.yaml", "lexicon.yaml", "looks/theo.yaml", "scenes/first_scene.yaml"):
        expect(os.path.isfile(t.path(PACK_DIR, rel)), "--new-pack to write %s/%s" % (PACK_DIR, rel), run)
    step("--new-pack %r wrote pack.yaml, lexicon.yaml, looks/theo.yaml, scenes/first_scene.yaml and said so"
         % PACK_DIR)

    # 2. A second scene, written over a copy of the first, in another place.
    run = t.run("--places", "places.png")
    expect(run[0] == 0 and run[1].startswith("Wrote places.png") and os.path.isfile(t.path("places.png")),
           "--places to draw the places into places.png", run)
    t.write(second_scene(t.read(PACK_DIR, "scenes/first_scene.yaml")), PACK_DIR, SECOND_FILE)
    manifest = t.read(PACK_DIR, "pack.yaml")
    t.write(replace_once(manifest, "scenes: [%s]" % FIRST, "scenes: [%s, %s]" % (FIRST, SECOND),
                         "the template's pack.yaml"), PACK_DIR, "pack.yaml")
    step("--places drew places.png; wrote %s (%s, at %s) from the template's scene and added it to the chapter"
         % (SECOND_FILE, SECOND, PLACE))

    # 3. The pack is clean.
    run = t.run("--check", PACK_DIR)
    expect(run[0] == 0, "exit status 0", run)
    summary = "%s: %s (enabled): 2 scenes, 4 lines, 6 cues (4 incongruent), 4 answers, " % (PACK_DIR, PACK_ID)
    expect(summary in run[1] and "checked 1 pack: 0 errors, 0 warnings" in run[1],
           "%r... and 'checked 1 pack: 0 errors, 0 warnings'" % summary, run)
    step("--check %r: exit 0, 2 scenes, 0 errors, 0 warnings" % PACK_DIR)

    # 4. Each mistake once, in a fresh copy of the clean pack.
    clean = t.path(PACK_DIR)
    messages = [make_mistake(t, clean, n, name, change, syntax, words)
                for n, (name, change, syntax, words) in enumerate(MISTAKES, 1)]
    shutil.rmtree(t.path("mistakes"))
    step("a syntax error in the second scene is one error: the chapter naming the scene is not reported too "
         "(checked for each of the %d syntax errors above)" % sum(1 for m in MISTAKES if m[2]))

    # The guide's table of messages quotes exactly these, as they are.
    rows = guide_table(t.src)
    for (name, _, _, _), msg in zip(MISTAKES, messages):
        expect(any(re.search(r, msg) for _, r in rows),
               "a row of docs/modding.md's table 'If you see this message, do this' for %s: %r" % (name, msg))
    for words, r in rows:
        expect(any(re.search(r, msg) for msg in messages),
               "the row %r of docs/modding.md's table 'If you see this message, do this' to be part of one of "
               "the real messages:\n  %s" % (words, "\n  ".join(messages)))
    step("docs/modding.md's table 'If you see this message, do this': a row for each of the %d messages, each "
         "row's words found in a real one" % len(messages))

    # 5. When everything happens.
    run = t.run("--timeline", SECOND)
    expect(run[0] == 0, "exit status 0", run)
    time = r"(\d+\.\d\d) s \((\d+)\)"
    rows = {}
    for l in run[1].split("\n"):
        m = re.match(r"^  (\S+) +%s +%s +%s +(.*)$" % (time, time, time), l)
        if m:
            rows[m.group(1)] = m
            for k in (2, 4, 6):  # seconds and ticks agree, at 60 ticks a second
                expect(abs(float(m.group(k)) * 60 - int(m.group(k + 1))) <= 0.6,
                       "%s s to be %s ticks in %r" % (m.group(k), m.group(k + 1), l), run)
    names = ["results", "walk_home", PACK_ID + "-shrug", "gaze_down", "shoulders_tense"]
    for name in names:
        expect(name in rows, "a row for %r with three times in seconds and ticks" % name, run)
    expect("The results? Yeah, they were fine." in rows["results"].group(8), "line 'results' with its words", run)
    expect(re.search(r"The answers appear at +%s" % time, run[1]) is not None, "when the answers appear", run)
    step("--timeline %s: lines %s and cues %s, each with start, peak/words and end in seconds and ticks"
         % (SECOND, ", ".join(names[:2]), ", ".join(names[2:])))

    # 6. A preview of one moment, in seconds, against the context card.
    run = t.run("--scene", SECOND, "--at", "4.5s", "--screenshot", "shot.png")
    expect(run[0] == 0 and os.path.isfile(t.path("shot.png")), "exit status 0 and shot.png written", run)
    w, h, moment = png_info(t.path("shot.png"))
    expect((w, h) == (1280, 720), "shot.png to be 1280x720, found %dx%d" % (w, h), run)
    run = t.run("--scene", SECOND, "--at", "1", "--screenshot", "card.png")
    expect(run[0] == 0 and os.path.isfile(t.path("card.png")), "exit status 0 and card.png written", run)
    card = png_info(t.path("card.png"))[2]
    expect(moment != card, "the frame at 4.5 s to differ from the context card at tick 1", run)
    step("--scene %s --at 4.5s --screenshot: a 1280x720 PNG, not the context card of --at 1" % SECOND)

    # 7. Names for the editor.
    run = t.run("--write-schema", "schema")
    expect(run[0] == 0 and "scene.schema.json" in run[1], "exit status 0 and 'Wrote schema/scene.schema.json'", run)
    with open(t.path("schema", "scene.schema.json"), encoding="utf-8") as f:
        defs = json.load(f).get("$defs", {})
    for kind, name in (("cue", PACK_ID + "-shrug"), ("look", PACK_ID + "-theo"), ("place", PLACE),
                       ("scene", FIRST), ("scene", SECOND)):
        expect(name in defs.get(kind, {}).get("enum", []),
               "%r among the %s names ($defs/%s/enum) of schema/scene.schema.json" % (name, kind, kind), run)
    step("--write-schema schema: scene.schema.json names the pack's cue, look and scenes")

    # 8. Share it: a zip with pack.yaml at its top, checked, installed in
    # place of the folder, and played.
    zip_rel = "packs/%s.zip" % PACK_ID
    with zipfile.ZipFile(t.path(zip_rel), "w", zipfile.ZIP_DEFLATED) as z:
        for root, dirs, files in os.walk(clean):
            dirs.sort()
            for name in sorted(files):
                full = os.path.join(root, name)
                z.write(full, os.path.relpath(full, clean))
    with zipfile.ZipFile(t.path(zip_rel)) as z:
        expect("pack.yaml" in z.namelist(), "pack.yaml at the top of the zip, found %s" % z.namelist())
    run = t.run("--check", zip_rel)
    expect(run[0] == 0 and "%s: %s (enabled): 2 scenes" % (zip_rel, PACK_ID) in run[1]
           and "checked 1 pack: 0 errors, 0 warnings" in run[1], "the zip checked clean, with 2 scenes", run)
    shutil.move(clean, t.path("Year 9 (working copy)"))
    run = t.run("--headless", "--scene", SECOND, "--at", "4.5s", "--screenshot", "from-zip.png")
    expect(run[0] == 0 and os.path.isfile(t.path("from-zip.png")), "exit status 0 and from-zip.png written", run)
    w, h, zipped = png_info(t.path("from-zip.png"))
    expect((w, h) == (1280, 720) and zipped == moment,
           "from-zip.png to be the same 1280x720 frame as shot.png, from the folder", run)
    step("zipped with pack.yaml at the top, --check %s clean; with only the zip in packs/, --headless --scene %s "
         "--screenshot draws the same frame" % (zip_rel, SECOND))


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    unsaid, src = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    top = tempfile.mkdtemp(prefix="unsaid-teacher-")
    try:
        teacher_path(Teacher(unsaid, src, top))
    except Failed as e:
        print("FAIL: the teacher's path went another way than docs/modding.md says:\n%s" % e)
        return 1
    finally:
        shutil.rmtree(top, ignore_errors=True)
    print("teacher.path: every step of the teacher's path went as the guide says")
    return 0


if __name__ == "__main__":
    sys.exit(main())
