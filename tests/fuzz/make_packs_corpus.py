#!/usr/bin/env python3
"""Write the seed inputs of fuzz_packs (tests/fuzz/fuzz_packs.c) into
tests/fuzz/corpus_packs/.

Every checker case in tests/data/packs/ (one per .expected file) becomes
one input: each of its packs a PACK record and each file a RAW record with
the file as it is (a zip is read for its files; a zip the platform refuses,
bomb.zip, becomes a refused pack). A few more inputs build packs from the target's lists of choices, so
that the fuzzer starts with every kind of record: dependencies that form a
cycle, a chain of packs that override each other and the base pack, and
one of each record.

The choice lists are read from fuzz_packs.c itself, so the indexes here
stay right when a list changes. Run from anywhere:

    python3 tests/fuzz/make_packs_corpus.py
"""
import os
import re
import sys
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
PACKS = os.path.join(ROOT, "tests", "data", "packs")
OUT = os.path.join(HERE, "corpus_packs")

# The records, in the order of fuzz_packs.c's enum.
(OP_PACK, OP_FIELD, OP_DEP, OP_OVERRIDE, OP_CHAPTER, OP_CUE, OP_LOOK, OP_PLACE,
 OP_STRING, OP_SCENE, OP_RAW, OP_JUNK) = range(12)
PACK_ZIP, PACK_OFF, PACK_NO_MANIFEST, PACK_REFUSED = 0x01, 0x06, 0x18, 0xE0
F_ID, F_TITLE, F_VERSION, F_FORMAT, F_GAME = range(5)
LIT_QUOTED, LIT_RAW = 0xE0, 0xF0


def c_string(text):
    """The bytes of one C string literal's body."""
    out = bytearray()
    i = 0
    while i < len(text):
        c = text[i]
        if c != "\\":
            out += c.encode()
            i += 1
            continue
        e = text[i + 1]
        if e == "x":
            m = re.match(r"[0-9a-fA-F]+", text[i + 2:])
            out.append(int(m.group(0), 16) & 0xFF)
            i += 2 + len(m.group(0))
        else:
            out += {"n": b"\n", "t": b"\t", "\\": b"\\", '"': b'"'}[e]
            i += 2
    return bytes(out)


def read_pools():
    src = open(os.path.join(HERE, "fuzz_packs.c"), encoding="utf-8").read()
    pools = {}
    for m in re.finditer(r"static const char \*const (\w+)\[\w*\] = \{(.*?)\};", src, re.S):
        items = re.findall(r'"((?:[^"\\]|\\.)*)"|\b(OMIT)\b', m.group(2))
        pools[m.group(1)] = [None if omit else c_string(s) for s, omit in items]
    return pools


POOLS = read_pools()


def pick(pool, value):
    """The choice byte for `value` (bytes or str; None for OMIT) in `pool`."""
    if isinstance(value, str):
        value = value.encode()
    return POOLS[pool].index(value)


def literal(data, raw=True):
    if isinstance(data, str):
        data = data.encode()
    n = len(data)
    head = bytes([n]) if n < 0xFF else bytes([0xFF, n & 0xFF, n >> 8])
    return bytes([LIT_RAW if raw else LIT_QUOTED]) + head + data


def raw_file(path, data):
    return bytes([OP_RAW]) + literal(path) + literal(data)


def pack_from_files(files, flags=PACK_NO_MANIFEST):
    """One user pack whose files are given as they are: {path: bytes}."""
    out = bytes([OP_PACK, flags])
    for path in sorted(files):
        out += raw_file(path, files[path])
    return out


def folder_files(folder):
    files = {}
    for dirpath, _, names in os.walk(folder):
        for name in names:
            full = os.path.join(dirpath, name)
            rel = os.path.relpath(full, folder).replace(os.sep, "/")
            # Sounds are listed by the library, never read: their names will do.
            files[rel] = b"" if rel.startswith("sounds/") else open(full, "rb").read()
    return files


def zip_files(path):
    """The files of a zip; symbolic links are left out, as the game does not
    follow them."""
    with zipfile.ZipFile(path) as z:
        return {i.filename: z.read(i) for i in z.infolist()
                if not i.is_dir() and (i.external_attr >> 16) & 0o170000 != 0o120000}


def checker_cases():
    """The checker's cases in tests/data/packs: one per .expected file,
    named like it; packs checked together are joined by '_and_' in the
    name (same_id_and_same_id: the folder, then the zip)."""
    cases = {}
    for expected in sorted(os.listdir(PACKS)):
        if not expected.endswith(".expected"):
            continue
        name = expected[:-len(".expected")]
        data, used = b"", set()
        for part in name.split("_and_"):
            folder = os.path.join(PACKS, part)
            if os.path.isdir(folder) and part not in used:
                used.add(part)
                data += pack_from_files(folder_files(folder))
            elif part == "bomb":  # the platform refuses it before reading
                data += bytes([OP_PACK, PACK_NO_MANIFEST | PACK_ZIP | PACK_REFUSED])
            else:
                data += pack_from_files(zip_files(folder + ".zip"), PACK_NO_MANIFEST | PACK_ZIP)
        cases[name] = data
    return cases


# ---- packs built from the choices ---------------------------------------------

def field(f, pool, value):
    return bytes([OP_FIELD, f, pick(pool, value)])


def dep(kind, pack_id, version=None):
    if version is None:
        return bytes([OP_DEP, kind, 0, pick("pack_ids", pack_id)])
    return bytes([OP_DEP, kind, 1, pick("pack_ids", pack_id), pick("ranges", version)])


OVERRIDE_KINDS = ["cue_refs", "look_refs", "place_refs", "scene_refs", "string_keys"]


def override(pool, value):
    return bytes([OP_OVERRIDE, OVERRIDE_KINDS.index(pool), pick(pool, value)])


def chapter(ident, scenes):
    return (bytes([OP_CHAPTER, pick("chapter_ids", ident), len(scenes) - 1])
            + bytes(pick("scene_refs", s) for s in scenes))


def cue(name, channel="voice", targets=(("breath_depth", "1.0"),), caption=None):
    flags = 0x01 if caption else 0
    out = bytes([OP_CUE, pick("cue_defs", name), flags, pick("channels", channel), len(targets)])
    for param, number in targets:
        out += bytes([pick("params", param), pick("numbers", number)])
    if caption:
        out += literal(caption, raw=False)
    return out


def look(path, ident, hair_style="curly"):
    return bytes([OP_LOOK, pick("look_files", path), 0x02, pick("look_defs", ident),
                  pick("hair_styles", hair_style)])


def place(path, ident, shapes=(0,)):
    return (bytes([OP_PLACE, pick("place_files", path), 0x00, pick("place_defs", ident), len(shapes) - 1])
            + bytes(shapes))


def string(key, text):
    return bytes([OP_STRING, pick("string_keys", key)]) + literal(text, raw=False)


def scene(path, ident, place_id="kitchen_night", look_id="noor", cues=("slump",), nexts=()):
    """A scene of one line with the given cues (the first incongruent) and
    two answers, the first best; `nexts` gives answers a next: scene."""
    out = bytes([OP_SCENE, pick("scene_files", path), 0x00, pick("scene_defs", ident),
                 pick("place_refs", place_id), pick("look_refs", look_id)])
    out += bytes([pick("texts", '"I\'m fine."'), (len(cues) - 1) % 256])
    for i, name in enumerate(cues):
        out += bytes([0x00 if i == 0 else 0x01, pick("cue_refs", name), pick("starts", "0.2"),
                      pick("ends", "2.5")])
    out += bytes([0])  # two answers
    for a in range(2):
        nxt = nexts[a] if a < len(nexts) else None
        out += bytes([0x01 if nxt else 0x00, pick("texts", '"I\'m fine."'), 0, 0])
        if nxt:
            out += bytes([pick("scene_refs", nxt)])
    return out


def new_pack(flags=0):
    return bytes([OP_PACK, flags])


def built_cases():
    cases = {}
    # Three packs that need each other round in a circle, and one that needs them.
    cases["gen_cycle"] = (
        new_pack() + dep(0, "beta") + scene("scenes/a_scene.yaml", "a_one")
        + new_pack() + dep(0, "gamma", '">=1.0.0"') + scene("scenes/a_scene.yaml", "b_two")
        + new_pack() + dep(0, "alpha") + new_pack() + dep(0, "alpha") + dep(1, "beta"))
    # A chain: alpha replaces a base scene, cue, look and place on purpose;
    # beta needs alpha and replaces alpha's scene; gamma will not run with
    # beta; delta is a zip that shares alpha's id, and a disabled pack.
    cases["gen_chain"] = (
        new_pack()
        + override("scene_refs", "im_fine") + override("cue_refs", "sigh")
        + override("look_refs", "noor") + override("place_refs", "kitchen_night")
        + cue("sigh", caption="[sighs loudly]")
        + look("looks/noor.yaml", "noor") + place("places/kitchen_night.yaml", "kitchen_night", (0, 1))
        + scene("scenes/im_fine.yaml", "im_fine", look_id="noor", cues=("sigh", "nod"))
        + scene("scenes/a_scene.yaml", "bad_mark", nexts=("im_fine",))
        + chapter("one", ["bad_mark", "im_fine"])
        + new_pack() + dep(0, "alpha", '"^1.0.0"') + override("scene_refs", "bad_mark")
        + scene("scenes/b_scene.yaml", "bad_mark", cues=("slump", "sigh"), nexts=("after_mark",))
        + scene("scenes/c_scene.yaml", "after_mark", place_id="gym")
        + place("places/gym.yaml", "gym")
        + new_pack() + dep(2, "beta") + string("title.play", "Go")
        + new_pack(PACK_ZIP) + field(F_ID, "pack_ids", "alpha")
        + new_pack(PACK_OFF) + override("cue_refs", "slump") + cue("slump", "posture", (("slump", "0.5"),)))
    # One of each record, mostly with their plain choices.
    cases["gen_each_record"] = (
        new_pack() + field(F_VERSION, "versions", "2.0.0") + field(F_GAME, "games", '"*"')
        + dep(1, "beta", '">=1.0.0"') + dep(2, "gamma") + override("string_keys", "title.quit")
        + chapter("two", ["a_one"]) + cue("fuzz_cue", "hands", (("hands_wring", "0.5"),))
        + look("looks/jo.yaml", "jo") + place("places/gym.yaml", "gym", (0, 2, 3))
        + string("title.quit", "Leave") + scene("scenes/a_scene.yaml", "a_one", "gym", "jo", ("fuzz_cue", "nod"))
        + raw_file("scenes/deep/raw.yaml", "id: deep\n") + bytes([OP_JUNK, 3, pick("junk", "---\n")])
        + new_pack(PACK_ZIP) + field(F_ID, "pack_ids", "beta"))
    return cases


def main():
    os.makedirs(OUT, exist_ok=True)
    cases = checker_cases()
    cases.update(built_cases())
    for name, data in sorted(cases.items()):
        with open(os.path.join(OUT, name), "wb") as f:
            f.write(data)
    print(f"wrote {len(cases)} inputs to {os.path.relpath(OUT, ROOT)}", file=sys.stderr)


if __name__ == "__main__":
    main()
