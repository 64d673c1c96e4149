#!/usr/bin/python3
"""The JSON Schemas in docs/schema must accept every example and shipped file
and refuse known-broken ones, so editors that use them give true hints.

usage: validate_schema.py SOURCE_DIR [--schemas DIR]

With --schemas, the schemas are the ones `unsaid --write-schema DIR` wrote,
with the names the installed packs define (the test installs the example
packs of docs/examples): they must accept every file of levels/ and
docs/examples, refuse the broken ones, refuse a misspelt name that the
shipped schema lets through, and say what each name is."""
import copy
import glob
import json
import os
import sys

import jsonschema
import yaml

src = sys.argv[1]
written = sys.argv[3] if sys.argv[2:3] == ["--schemas"] else None
schema_dir = written or os.path.join(src, "docs/schema")
schemas = {n: json.load(open(os.path.join(schema_dir, "%s.schema.json" % n)))
           for n in ("scene", "pack", "lexicon", "look", "strings", "place")}
for s in schemas.values():
    jsonschema.Draft202012Validator.check_schema(s)
    # The YAML language server checks a schema against draft 7 and, if it
    # fails, completes nothing with it.
    jsonschema.Draft7Validator.check_schema(s)


def kind(path):
    name = os.path.basename(path)
    if name == "pack.yaml":
        return "pack"
    if name == "lexicon.yaml":
        return "lexicon"
    if name == "strings.yaml":
        return "strings"
    if os.path.basename(os.path.dirname(path)) == "looks":
        return "look"
    if os.path.basename(os.path.dirname(path)) == "places":
        return "place"
    return "scene"


def errors(path):
    with open(path, encoding="utf-8") as f:
        data = yaml.safe_load(f)
    v = jsonschema.Draft202012Validator(schemas[kind(path)])
    return ["%s: %s" % ("/".join(map(str, e.path)) or "(top)", e.message) for e in v.iter_errors(data)]


def files(*patterns):
    out = []
    for p in patterns:
        out += sorted(glob.glob(os.path.join(src, p), recursive=True))
    return out


failures = 0
good = files("levels/*/pack.yaml", "levels/*/lexicon.yaml", "levels/*/strings.yaml", "levels/*/scenes/*.yaml", "levels/*/looks/*.yaml", "levels/*/places/*.yaml",
             "docs/examples/*.yaml", "docs/examples/packs/**/*.yaml",
             "tests/data/packs/good/**/*.yaml", "tests/data/packs/override_ok/**/*.yaml",
             "tests/data/warnings/*.yaml")
if written:  # the packs installed beside the base pack are those of docs/examples
    good = [p for p in good if os.path.relpath(p, src).split(os.sep)[0] in ("levels", "docs")]
for path in good:
    for e in errors(path):
        print("%s: the schema refuses a valid file: %s" % (os.path.relpath(path, src), e))
        failures += 1
bad = files("tests/data/levels/unknown_key.yaml", "tests/data/levels/bad_kind.yaml",
            "tests/data/levels/bad_amount.yaml", "tests/data/levels/wrong_type.yaml",
            "tests/data/levels/missing_answers.yaml", "tests/data/levels/bad_look.yaml",
            "tests/data/levels/bad_marks.yaml", "tests/data/packs/bad_manifest/pack.yaml")
for path in bad:
    if not errors(path):
        print("%s: the schema accepts a broken file" % os.path.relpath(path, src))
        failures += 1
# The written schemas know the names: a misspelt cue, place or look is
# refused (the shipped schema lets it through), and every cue of the base
# pack and of the installed example pack comes with its own words.
if written:
    with open(os.path.join(src, "levels/base/scenes/im_fine.yaml"), encoding="utf-8") as f:
        scene = yaml.safe_load(f)
    shipped = jsonschema.Draft202012Validator(json.load(open(os.path.join(src, "docs/schema/scene.schema.json"))))
    mine = jsonschema.Draft202012Validator(schemas["scene"])
    for what, typo in (("cue", "wring_hnads"), ("place", "kitchen_nite"), ("look", "nor")):
        broken = copy.deepcopy(scene)
        if what == "cue":
            broken["lines"][0]["cues"][0]["cue"] = typo
        elif what == "place":
            broken["place"] = typo
        else:
            broken["character"]["look"] = typo
        if not list(mine.iter_errors(broken)):
            print("written scene schema: accepts the unknown %s '%s'" % (what, typo))
            failures += 1
        if list(shipped.iter_errors(broken)):
            print("docs/schema/scene.schema.json: refuses %s '%s', which only the checker can know" % (what, typo))
            failures += 1
    cues = schemas["scene"].get("$defs", {}).get("cue", {"enum": [], "enumDescriptions": []})
    for lexicon in ("levels/base/lexicon.yaml", "docs/examples/packs/kitchen-talks/lexicon.yaml"):
        with open(os.path.join(src, lexicon), encoding="utf-8") as f:
            defined = yaml.safe_load(f)["cues"]
        for name, cue in defined.items():
            if name not in cues["enum"]:
                print("written scene schema: lacks the cue '%s' of %s" % (name, lexicon))
                failures += 1
            elif cue.get("describe", "") not in cues["enumDescriptions"][cues["enum"].index(name)]:
                print("written scene schema: the cue '%s' is not described as in %s" % (name, lexicon))
                failures += 1
    print("validate_schema: %d valid files, %d broken files, %d problems with the schemas in %s"
          % (len(good), len(bad), failures, written))
    sys.exit(1 if failures else 0)
# Every shipped file names its schema on the first line, for editors, and
# so does every file --new-pack writes.
for path in files("levels/**/*.yaml", "docs/examples/**/*.yaml", "assets/templates/pack/**/*.yaml"):
    with open(path, encoding="utf-8") as f:
        first = f.readline()
    if not first.startswith("# yaml-language-server: $schema="):
        print("%s: the first line should name its schema" % os.path.relpath(path, src))
        failures += 1
# Every interface text the code asks for exists in the base pack's strings.yaml.
import re
with open(os.path.join(src, "levels/base/strings.yaml"), encoding="utf-8") as f:
    defined = set(yaml.safe_load(f)["strings"])
used = set()
for path in files("src/render/*.c", "src/platform/*.c", "src/core/*/*.c"):
    code = open(path, encoding="utf-8").read()
    used |= set(re.findall(r'\bwords_(?:get|fill)\(g, (?:[a-z]+, sizeof [a-z_]+, )?"([a-z0-9_.]+)"', code))
    used |= set(re.findall(r'strings_get\([^,]+, "([a-z0-9_.]+)"\)', code))
    used |= set(re.findall(r'"((?:title|debrief|packs|intro|hud|answers|overlay|profile|chapters|results|settings|pause|watch|review|legend|reaction)\.[a-z0-9_.]+)(?<!\.[ch])"', code))  # not a source file's name
for prefix, names in (("region", ["eyes", "face", "hands", "posture", "voice", "text"]),
                      ("kind", ["empathic", "compassionate", "boundary", "sympathy", "fixing",
                                "self_focused", "dismissive"]),
                      ("quality", ["best", "good", "poor"]),
                      ("packs", ["enabled", "disabled", "broken"]),
                      ("settings.size", ["small", "normal", "large", "projector"]),
                      ("settings.speed", ["slow", "normal", "fast", "instant"]),
                      ("settings.difficulty", ["gentle", "standard", "sharp"]),
                      ("difficulty", ["gentle", "standard", "sharp"])):
    used |= {"%s.%s" % (prefix, n) for n in names}
used -= {"settings.size", "settings.speed"}  # prefixes of the names above, not keys
used.add("settings.difficulty")  # a key, and the prefix of the names above too
for key in sorted(used - defined):
    print("levels/base/strings.yaml: the game uses '%s', which is not defined" % key)
    failures += 1
for key in sorted(defined - used):
    print("levels/base/strings.yaml: '%s' is defined but the game never uses it" % key)
    failures += 1

print("validate_schema: %d valid files, %d broken files, %d problems" % (len(good), len(bad), failures))
sys.exit(1 if failures else 0)
