#!/usr/bin/python3
"""Every command the docs show is a tested one (test docs.commands).

usage: doc_commands.py UNSAID SOURCE_DIR

Reads README.md and docs/*.md and looks at each fenced block:

- ```console: a transcript. Each line starting with '$ ' is a command, run
  with `sh -c` on a terminal (so stdout and stderr interleave as a reader
  sees them); the lines after it, up to the next '$ ' or the block's end,
  are its expected output, compared after stripping trailing whitespace.
  A line '...' matches any number of lines, and '...' inside a line any
  text. The commands of one block share one fresh scratch folder, which is
  at once the player's data folder (~/.local/share/unsaid, with an empty
  packs/) and a copy of the game's folder (build/unsaid, docs/, levels/,
  assets/, tests/data/, tests/replays/); HOME and XDG_DATA_HOME point into
  it, `unsaid` on PATH is the built game, and SDL's drivers are dummies.
- ```sh: shown, not run (it opens a window, installs packages, or names a
  file of the reader's). Every `unsaid` in it may use only the options that
  `unsaid --help` lists, and every file it names under levels/ or docs/
  must exist.
- any other block must not show an `unsaid` command, so none goes untested.

`unsaid` commands in the text's `code spans` are checked as in sh blocks.
Exit status 0 when every doc agrees with the game, 1 otherwise."""
import errno
import glob
import os
import pty
import re
import select
import shlex
import shutil
import signal
import subprocess
import sys
import tempfile
import time

COMMAND_TIMEOUT = 120  # seconds, per command
# A word that runs the game: unsaid, build/unsaid, ~/unsaid/build/unsaid, ...
UNSAID_WORD = re.compile(r"^(?:\S*/)?unsaid$")
# The same in free text: the word followed by an option.
UNSAID_IN_TEXT = re.compile(r"(?:^|[\s;&|(`$])(?:[^\s`]*/)?unsaid\s+--?[a-z]")
CONTROL = {";", "&&", "||", "|", "&", "(", ")", ";;"}
REDIRECT = re.compile(r"^\d*[<>]+&?$")


class Block:
    def __init__(self, path, line, info, lines):
        self.path, self.line, self.info, self.lines = path, line, info, lines

    def where(self):
        return "%s:%d" % (self.path, self.line)


def fenced_blocks(path, rel):
    """The fenced blocks of a Markdown file, with the line of their fence."""
    blocks, cur = [], None
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    for n, line in enumerate(lines, 1):
        if cur is None:
            m = re.match(r"^( {0,3}|\s*)(`{3,}|~{3,})\s*([^`\s]*)", line)
            if m:
                cur = dict(indent=len(m.group(1)), fence=m.group(2), info=m.group(3), line=n, body=[])
            continue
        stripped = line.strip()
        if stripped.startswith(cur["fence"][0] * len(cur["fence"])) and stripped.strip(cur["fence"][0]) == "":
            blocks.append(Block(rel, cur["line"], cur["info"], cur["body"]))
            cur = None
            continue
        # Drop up to the fence's own indentation, as Markdown does.
        cut = 0
        while cut < cur["indent"] and cut < len(line) and line[cut] == " ":
            cut += 1
        cur["body"].append(line[cut:])
    if cur is not None:
        blocks.append(Block(rel, cur["line"], cur["info"], cur["body"]))
    return blocks, lines


def code_spans(lines):
    """(line number, text) of each `code span` outside fenced blocks."""
    spans, fenced = [], False
    for n, line in enumerate(lines, 1):
        if re.match(r"^\s*(`{3,}|~{3,})", line):
            fenced = not fenced
            continue
        if not fenced:
            spans += [(n, m.group(2)) for m in re.finditer(r"(`+)(.+?)\1", line)]
    return spans


def shell_commands(text):
    """Each simple command in a line of shell, as a list of words."""
    lex = shlex.shlex(text, posix=True, punctuation_chars=";&|()<>")
    lex.whitespace_split = True
    lex.commenters = "#"
    commands, cur = [], []
    for tok in lex:
        if tok in CONTROL:
            if cur:
                commands.append(cur)
            cur = []
        else:
            cur.append(tok)
    if cur:
        commands.append(cur)
    return commands


def unsaid_invocations(text):
    """The arguments of every command in TEXT that runs the game."""
    found = []
    for words in shell_commands(text):
        while words and re.match(r"^[A-Za-z_][A-Za-z0-9_]*=", words[0]):
            words = words[1:]  # VAR=value before the command
        if not words or not UNSAID_WORD.match(words[0]):
            continue
        args, skip = [], False
        for w in words[1:]:
            if skip:
                skip = False
            elif REDIRECT.match(w):
                skip = True  # the redirection's file is not the game's
            else:
                args.append(w)
        found.append(args)
    return found


def shell_lines(lines, first):
    """(line number, logical line) of a shell block: continuations joined."""
    out, cur, start = [], "", first
    for n, line in enumerate(lines, first):
        if not cur:
            start = n
        if line.endswith("\\"):
            cur += line[:-1] + " "
        else:
            out.append((start, cur + line))
            cur = ""
    if cur:
        out.append((start, cur))
    return out


def check_invocation(args, options, src):
    """What is wrong with one `unsaid ARGS` that is shown but not run."""
    problems = []
    for a in args:
        if a.startswith("-") and a != "-":
            opt = a.split("=", 1)[0]
            if opt not in options:
                problems.append("unknown option %s (unsaid --help lists %s)" % (opt, " ".join(sorted(options))))
        for root in ("levels/", "docs/"):
            if a.startswith(root) or a.startswith("./" + root):
                if not os.path.exists(os.path.join(src, a)):
                    problems.append("no file %s in the game's folder" % a)
    return problems


def line_pattern(expected):
    """A regex for a whole output: '...' lines and '...' in a line match anything."""
    parts = []
    for line in expected:
        if line.strip() == "...":
            parts.append(r"(?:[^\n]*\n)*?")
        else:
            parts.append("[^\n]*".join(re.escape(p) for p in line.split("...")) + r"\n")
    return re.compile("".join(parts), re.S)


def output_matches(expected, actual):
    return line_pattern(expected).fullmatch("".join(l + "\n" for l in actual)) is not None


def tidy(lines):
    lines = [l.rstrip() for l in lines]
    while lines and not lines[-1]:
        lines.pop()
    return lines


def run_on_terminal(cmd, cwd, env):
    """Run sh -c CMD with stdout and stderr on one terminal; its output."""
    master, slave = pty.openpty()
    try:
        p = subprocess.Popen(["sh", "-c", cmd], cwd=cwd, env=env, stdin=subprocess.DEVNULL, stdout=slave,
                             stderr=slave, start_new_session=True)
    finally:
        os.close(slave)
    data, deadline = b"", time.monotonic() + COMMAND_TIMEOUT
    while True:
        left = deadline - time.monotonic()
        ready = select.select([master], [], [], max(left, 0))[0] if left > 0 else []
        if not ready:
            os.killpg(p.pid, signal.SIGKILL)
            data += b"\n(killed after %d seconds)\n" % COMMAND_TIMEOUT
            break
        try:
            chunk = os.read(master, 65536)
        except OSError as e:
            if e.errno != errno.EIO:  # EIO: every writer has closed the terminal
                raise
            break
        if not chunk:
            break
        data += chunk
    p.wait()
    os.close(master)
    text = data.decode("utf-8", "replace").replace("\r\n", "\n").replace("\r", "\n")
    return tidy(text.split("\n"))


def transcript(block):
    """(line number, command, expected lines) for each '$ ' of a console block."""
    steps, stray = [], []
    for n, line in enumerate(block.lines, block.line + 1):
        if line.startswith("$ "):
            steps.append((n, line[2:], []))
        elif steps:
            steps[-1][2].append(line)
        elif line.strip():
            stray.append(line)
    return steps, stray


def scratch_folder(top, unsaid, src):
    """A fresh player's data folder that is also a copy of the game's folder."""
    home = os.path.join(top, "home")
    data = os.path.join(home, ".local", "share", "unsaid")
    os.makedirs(os.path.join(data, "packs"))
    os.makedirs(os.path.join(data, "build"))
    os.symlink(unsaid, os.path.join(data, "build", "unsaid"))
    for d in ("docs", "levels", "assets", "tests/data", "tests/replays"):
        shutil.copytree(os.path.join(src, d), os.path.join(data, d), symlinks=True)
    bindir = os.path.join(top, "bin")
    os.makedirs(bindir)
    os.symlink(unsaid, os.path.join(bindir, "unsaid"))
    env = dict(os.environ)
    env.update(HOME=home, XDG_DATA_HOME=os.path.join(home, ".local", "share"), UNSAID_DATA_DIR=data,
               SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy", PATH=bindir + os.pathsep + env.get("PATH", ""),
               LC_ALL="C.UTF-8", TERM="dumb", COLUMNS="200", LINES="50")
    return data, env


def quoted(lines):
    return "".join("  | %s\n" % l for l in lines) or "  (nothing)\n"


def run_console(block, unsaid, src, failures):
    steps, stray = transcript(block)
    if stray or not steps:
        failures.append("%s: a console block must start with a '$ ' command line, found %r"
                        % (block.where(), (stray or [""])[0]))
        return 0
    top = tempfile.mkdtemp(prefix="unsaid-doc-")
    try:
        cwd, env = scratch_folder(top, unsaid, src)
        for n, cmd, expected in steps:
            actual = run_on_terminal(cmd, cwd, env)
            expected = tidy(expected)
            if not output_matches(expected, actual):
                failures.append("%s:%d: a command of the console block at line %d printed other output\n"
                                "  $ %s\nexpected:\n%sactual:\n%s"
                                % (block.path, n, block.line, cmd, quoted(expected), quoted(actual)))
    finally:
        shutil.rmtree(top, ignore_errors=True)
    return len(steps)


def self_test():
    """The comparison itself must be able to fail."""
    assert output_matches(["a", "...", "d"], ["a", "b", "c", "d"])
    assert output_matches(["a", "...", "b"], ["a", "b"])
    assert output_matches(["Wrote x (...): y"], ["Wrote x (1 x 2): y"])
    assert not output_matches(["a", "b"], ["a", "c"])
    assert not output_matches(["a"], ["a", "b"])
    assert not output_matches(["a", "b"], ["a"])
    assert not output_matches(["a(...)"], ["b(1)"])
    assert unsaid_invocations("cd x && build/unsaid --check a > out.txt # note") == [["--check", "a"]]
    assert unsaid_invocations("alias unsaid=~/unsaid/build/unsaid") == []


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    unsaid, src = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    self_test()
    helptext = subprocess.run([unsaid, "--help"], capture_output=True, text=True).stdout
    options = set(re.findall(r"^\s{2}(--[a-z][a-z0-9-]*)", helptext, re.M))
    if "--help" not in options:
        sys.exit("docs.commands: `unsaid --help` lists no options:\n" + helptext)
    docs = [os.path.join(src, "README.md")] + sorted(glob.glob(os.path.join(src, "docs", "*.md")))
    failures = []
    ran = consoles = checked = shown = 0
    for path in docs:
        rel = os.path.relpath(path, src)
        blocks, lines = fenced_blocks(path, rel)
        for b in blocks:
            if b.info == "console":
                consoles += 1
                ran += run_console(b, unsaid, src, failures)
            elif b.info == "sh":
                shown += 1
                for n, line in shell_lines(b.lines, b.line + 1):
                    for args in unsaid_invocations(line):
                        checked += 1
                        failures += ["%s:%d: `%s`: %s" % (rel, n, line.strip(), p)
                                     for p in check_invocation(args, options, src)]
            else:
                for k, line in enumerate(b.lines):
                    if UNSAID_IN_TEXT.search(line):
                        failures.append("%s:%d: an unsaid command in a ```%s block is not tested; show it in a "
                                        "```console transcript, or in ```sh if it cannot run here:\n  %s"
                                        % (rel, b.line + 1 + k, b.info, line.strip()))
        for n, span in code_spans(lines):
            try:
                calls = unsaid_invocations(span)
            except ValueError:
                continue
            for args in calls:
                if not args:
                    continue  # a path such as `build/unsaid`, not a command
                checked += 1
                failures += ["%s:%d: `%s`: %s" % (rel, n, span, p) for p in check_invocation(args, options, src)]
    for f in failures:
        print("FAIL " + f)
    print("docs.commands: ran %d commands in %d console blocks; checked %d unsaid commands shown in %d sh blocks "
          "and the text; %d problems" % (ran, consoles, checked, shown, len(failures)))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
