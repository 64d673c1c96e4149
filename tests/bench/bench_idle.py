#!/usr/bin/env python3
"""How much CPU the game takes in a real window, beside a floor program.

A benchmark, not a test: it prints numbers and judges none of them. It exits
0 when every run ran, 1 when something failed to run, 2 on bad arguments.

What it does. Under an X server (it starts `Xvfb :N -screen 0 1920x1080x24`
on a free display N when DISPLAY is unset, and stops it at the end), for
each renderer and each case it starts a program RUNS times and measures:

  first frame ms  from just before the program is started until its stderr
                  line for the first frame presented arrives (the floor
                  prints `first-frame`; the game, with --timing, prints
                  `unsaid: first frame ...`); with --at it includes running
                  the game unseen up to that tick
  CPU %           the program's user + system CPU time (all its threads,
                  from /proc/PID/stat) over a window of SECONDS seconds that
                  starts SETTLE seconds after the first frame, as a share of
                  one core: 100 is one core kept busy
  peak RSS MiB    VmHWM from /proc/PID/status at the end of that window
  X server %      the same for the Xvfb this script started (it takes in
                  the pictures a program sends); '-' when the X server is
                  someone else's
  others %        the same for everything else the machine ran in that
                  window (from /proc/stat): well above a few percent,
                  something else was competing and the run is suspect

then stops it (SIGTERM, SIGKILL 2 s later). Renderers: `software`
(SDL_RENDER_DRIVER=software) and `default` (that variable unset: SDL picks,
usually OpenGL, which is llvmpipe, on the CPU, under Xvfb). On X11, SDL
shows a software renderer's picture through OpenGL too, unless
SDL_FRAMEBUFFER_ACCELERATION=0 is set, so `software` pays for both. The
floor's own lines in the report say which renderer SDL chose, whether it
reports vsync, and how many of its frames a clock had to pace because
presenting returned before a refresh was due.

Cases:
  floor    tests/bench/bench_floor: a 1280x720 window that clears, fills a
           rectangle and draws two lines of text at 60 frames a second; the
           least a live window of the game's size can cost
  title    unsaid --timing: the title screen
  intro    unsaid --timing --scene im_fine: the scene's context card
  perform  unsaid --timing --replay tests/bench/im_fine_watch.replay --at 300:
           the scene while the person talks (the performance runs to tick
           1273; the measured window is cut short if it would pass that)
  answers  the same replay --at 1400: the answers, none chosen
  debrief  unsaid --timing --replay tests/bench/im_fine_debrief.replay
           --at 2000: the debrief after the third answer

Every run gets SDL_AUDIODRIVER=dummy, UNSAID_DATA_DIR set to the source tree
and XDG_DATA_HOME set to a scratch folder, so no settings, progress or packs
of the user's are read or written.

The table gives, per case, the median over the runs (CPU also min-max), and
the case against the floor of the same renderer in the same invocation:
CPU and first frame as multiples of the floor's, RSS as MiB above it. Runs
are interleaved (every case once, then again), so a machine that gets
busier part way affects every case alike; `others %` and the load average
printed before and after show how busy it was.

Run it:
  cmake --build build --target bench_idle
  python3 tests/bench/bench_idle.py --build build --runs 3
  python3 tests/bench/bench_idle.py --cases floor,perform --renderers software --json runs.json

Needs python3 (standard library only), Linux's /proc, and Xvfb (Debian
package xvfb) when DISPLAY is unset.
"""

import argparse
import datetime
import json
import os
import platform
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time

RENDERERS = ["software", "default"]
CASES = ["floor", "title", "intro", "perform", "answers", "debrief"]
FONT = "assets/fonts/DejaVuSans.ttf"
WATCH = "tests/bench/im_fine_watch.replay"
DEBRIEF = "tests/bench/im_fine_debrief.replay"
TICKS_PER_SECOND = 60
PERFORM_AT = 300  # 5 s into the performance, which starts at tick 10
PERFORM_END = 1273  # the answers appear (see tests/bench/im_fine_watch.replay)
ANSWERS_AT = 1400
DEBRIEF_AT = 2000
FIRST_FRAME_TIMEOUT = 60.0
CLK_TCK = os.sysconf("SC_CLK_TCK")


class RunFailed(Exception):
    pass


def parse_args(argv):
    here = os.path.dirname(os.path.abspath(__file__))
    source = os.path.dirname(os.path.dirname(here))
    p = argparse.ArgumentParser(
        description="CPU, first frame and peak memory of the game in a window, beside a floor program.",
        epilog="Cases: " + ", ".join(CASES) + ". Renderers: " + ", ".join(RENDERERS) + ".")
    p.add_argument("--runs", type=int, default=5, help="runs of each case for each renderer (default 5)")
    p.add_argument("--seconds", type=float, default=8.0, help="length of the measured window (default 8)")
    p.add_argument("--settle", type=float, default=2.0,
                   help="seconds from the first frame to the start of the window (default 2)")
    p.add_argument("--cases", default=",".join(CASES), help="comma-separated cases (default: all)")
    p.add_argument("--renderers", default=",".join(RENDERERS), help="comma-separated renderers (default: both)")
    p.add_argument("--json", metavar="FILE", help="also write every run's numbers to FILE")
    p.add_argument("--source", default=source, help="the source tree (default: the one holding this script)")
    p.add_argument("--build", default=None,
                   help="a build folder: BUILD/unsaid and BUILD/tests/bench_floor (default: SOURCE/build)")
    p.add_argument("--unsaid", help="the game's binary (overrides --build)")
    p.add_argument("--floor", help="the bench_floor binary (overrides --build)")
    a = p.parse_args(argv)
    a.cases = [c for c in a.cases.split(",") if c]
    a.renderers = [r for r in a.renderers.split(",") if r]
    for c in a.cases:
        if c not in CASES:
            p.error("unknown case %r (cases: %s)" % (c, ", ".join(CASES)))
    for r in a.renderers:
        if r not in RENDERERS:
            p.error("unknown renderer %r (renderers: %s)" % (r, ", ".join(RENDERERS)))
    if a.runs < 1 or a.seconds <= 0 or a.settle < 0:
        p.error("--runs must be at least 1, --seconds above 0 and --settle not below 0")
    a.source = os.path.abspath(a.source)
    build = os.path.abspath(a.build) if a.build else os.path.join(a.source, "build")
    a.unsaid = os.path.abspath(a.unsaid or os.path.join(build, "unsaid"))
    a.floor = os.path.abspath(a.floor or os.path.join(build, "tests", "bench_floor"))
    return a


# --- the X server -----------------------------------------------------------

def start_xvfb(log_path):
    """Start Xvfb on a display no other server holds; return (process, ':N')."""
    xvfb = shutil.which("Xvfb")
    if not xvfb:
        raise RunFailed("DISPLAY is unset and Xvfb is not installed (Debian: apt-get install xvfb)")
    for n in range(90, 200):
        if os.path.exists("/tmp/.X%d-lock" % n) or os.path.exists("/tmp/.X11-unix/X%d" % n):
            continue
        with open(log_path, "ab") as log:
            proc = subprocess.Popen([xvfb, ":%d" % n, "-screen", "0", "1920x1080x24", "-nolisten", "tcp"],
                                    stdin=subprocess.DEVNULL, stdout=log, stderr=log)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            if proc.poll() is not None:
                break  # someone took the number first: try the next
            if os.path.exists("/tmp/.X11-unix/X%d" % n):
                return proc, ":%d" % n
            time.sleep(0.05)
        stop(proc)
    raise RunFailed("could not start Xvfb on any display from :90 to :199 (its messages: %s)" % log_path)


def stop(proc):
    """SIGTERM, then SIGKILL after 2 s; True when SIGTERM was enough."""
    if proc.poll() is not None:
        return True
    proc.send_signal(signal.SIGTERM)
    try:
        proc.wait(timeout=2)
        return True
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
        return False


# --- /proc ------------------------------------------------------------------

def cpu_ticks(pid):
    """utime + stime of the process (all its threads), in clock ticks."""
    with open("/proc/%d/stat" % pid) as f:
        stat = f.read()
    fields = stat[stat.rindex(")") + 2:].split()  # the name in parentheses may hold spaces
    return int(fields[11]) + int(fields[12])  # fields 14 and 15 of proc(5)


def machine_busy_ticks():
    """Clock ticks all CPUs spent not idle, since boot."""
    with open("/proc/stat") as f:
        v = [int(x) for x in f.readline().split()[1:9]]
    return v[0] + v[1] + v[2] + v[5] + v[6] + v[7]  # user nice system irq softirq steal


def peak_rss_mib(pid):
    with open("/proc/%d/status" % pid) as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024.0
    raise RunFailed("no VmHWM in /proc/%d/status" % pid)


def gl_driver(pid):
    """The Mesa drivers the process has mapped (swrast_dri.so is llvmpipe or softpipe), or ''."""
    found = set()
    try:
        with open("/proc/%d/maps" % pid) as f:
            for line in f:
                name = os.path.basename(line.split()[-1]) if len(line.split()) >= 6 else ""
                if name.endswith("_dri.so") or name.startswith("libgallium"):
                    found.add(name)
    except OSError:
        pass
    return ",".join(sorted(found))


# --- one run ----------------------------------------------------------------

def case_command(case, a):
    unsaid = [a.unsaid, "--timing"]
    if case == "floor":
        return [a.floor, os.path.join(a.source, FONT)], "first-frame"
    if case == "title":
        return unsaid, "unsaid: first frame"
    if case == "intro":
        return unsaid + ["--scene", "im_fine"], "unsaid: first frame"
    if case == "perform":
        return unsaid + ["--replay", os.path.join(a.source, WATCH), "--at", str(PERFORM_AT)], "unsaid: first frame"
    if case == "answers":
        return unsaid + ["--replay", os.path.join(a.source, WATCH), "--at", str(ANSWERS_AT)], "unsaid: first frame"
    if case == "debrief":
        return unsaid + ["--replay", os.path.join(a.source, DEBRIEF), "--at", str(DEBRIEF_AT)], "unsaid: first frame"
    raise ValueError(case)


def case_window(case, a):
    """The measured window's length: for `perform`, no longer than the performance lasts."""
    if case != "perform":
        return a.seconds
    left = (PERFORM_END - PERFORM_AT) / TICKS_PER_SECOND - a.settle - 0.5  # half a second spare
    return max(0.5, min(a.seconds, left))


def run_env(renderer, base_env, scratch, source):
    env = dict(base_env)
    env["SDL_AUDIODRIVER"] = "dummy"
    env["XDG_DATA_HOME"] = scratch
    env["UNSAID_DATA_DIR"] = source
    env.pop("SDL_RENDER_DRIVER", None)
    if renderer == "software":
        env["SDL_RENDER_DRIVER"] = "software"
    return env


def read_stderr(proc, lines, first_frame, marker):
    for raw in iter(proc.stderr.readline, b""):
        t = time.monotonic()
        line = raw.decode("utf-8", "replace").rstrip("\n")
        lines.append((t, line))
        if line.startswith(marker):
            first_frame.set()


def one_run(case, renderer, run, a, env, xserver):
    cmd, marker = case_command(case, a)
    seconds = case_window(case, a)
    lines = []
    first_frame = threading.Event()
    t_spawn = time.monotonic()
    proc = subprocess.Popen(cmd, cwd=a.source, env=env, stdin=subprocess.DEVNULL,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    reader = threading.Thread(target=read_stderr, args=(proc, lines, first_frame, marker), daemon=True)
    reader.start()
    record = {"case": case, "renderer": renderer, "run": run, "command": cmd, "window_s": seconds}
    try:
        deadline = t_spawn + FIRST_FRAME_TIMEOUT
        while not first_frame.wait(0.05):
            if proc.poll() is not None or time.monotonic() > deadline:
                reader.join(1)
                what = "exited with %s" % proc.returncode if proc.returncode is not None else "timed out"
                raise RunFailed("%s %s before its first frame" % (" ".join(cmd), what))
        t_first = next(t for t, line in lines if line.startswith(marker))
        record["first_frame_ms"] = (t_first - t_spawn) * 1000.0
        time.sleep(max(0.0, t_first + a.settle - time.monotonic()))
        m0, c0, x0, t0 = machine_busy_ticks(), cpu_ticks(proc.pid), xserver_ticks(xserver), time.monotonic()
        time.sleep(seconds)
        c1, x1, m1, t1 = cpu_ticks(proc.pid), xserver_ticks(xserver), machine_busy_ticks(), time.monotonic()
        record["rss_mib"] = peak_rss_mib(proc.pid)
        record["gl_driver"] = gl_driver(proc.pid)
        if proc.poll() is not None:
            raise RunFailed("%s exited with %s during the window" % (" ".join(cmd), proc.returncode))
        record["cpu_pct"] = 100.0 * (c1 - c0) / CLK_TCK / (t1 - t0)
        record["xserver_cpu_pct"] = 100.0 * (x1 - x0) / CLK_TCK / (t1 - t0) if xserver else None
        others = (m1 - m0) - (c1 - c0) - (x1 - x0)
        record["others_cpu_pct"] = max(0.0, 100.0 * others / CLK_TCK / (t1 - t0))
    except (OSError, RunFailed) as e:
        stop(proc)
        reader.join(2)
        tail = "\n".join("    " + line for _, line in lines[-10:])
        raise RunFailed("%s/%s run %d: %s%s" % (renderer, case, run, e, "\n" + tail if tail else ""))
    except BaseException:  # Ctrl-C: leave nothing running
        stop(proc)
        raise
    record["stopped_by_sigterm"] = stop(proc)
    reader.join(2)
    record["exit_code"] = proc.returncode
    record["stderr"] = [line for _, line in lines]
    return record


def xserver_ticks(xserver):
    return cpu_ticks(xserver.pid) if xserver else 0


# --- the report -------------------------------------------------------------

def fmt(x, digits=1):
    return "-" if x is None else "%.*f" % (digits, x)


def table(rows, header):
    widths = [max(len(str(r[i])) for r in [header] + rows) for i in range(len(header))]
    out = []
    for r in [header] + rows:
        cells = [str(c).ljust(w) if i == 0 else str(c).rjust(w) for i, (c, w) in enumerate(zip(r, widths))]
        out.append("  ".join(cells).rstrip())
    out.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(out)


def summarise(records, renderer, cases):
    def med(case, key):
        vals = [r[key] for r in records if r["renderer"] == renderer and r["case"] == case and r.get(key) is not None]
        return statistics.median(vals) if vals else None

    floor = {k: med("floor", k) for k in ("cpu_pct", "first_frame_ms", "rss_mib")}
    rows = []
    for case in cases:
        cpus = [r["cpu_pct"] for r in records if r["renderer"] == renderer and r["case"] == case]
        if not cpus:
            continue
        ff, cpu, rss, xs, others = (med(case, k) for k in ("first_frame_ms", "cpu_pct", "rss_mib", "xserver_cpu_pct",
                                                           "others_cpu_pct"))

        def ratio(x, f):
            return "-" if x is None or not f else "%.1f" % (x / f)

        rows.append([case, fmt(ff, 0), fmt(cpu), "%s-%s" % (fmt(min(cpus)), fmt(max(cpus))), fmt(rss),
                     fmt(xs), fmt(others), ratio(cpu, floor["cpu_pct"]), ratio(ff, floor["first_frame_ms"]),
                     "-" if rss is None or floor["rss_mib"] is None else "%+.1f" % (rss - floor["rss_mib"])])
    header = ["case", "first frame ms", "CPU %", "min-max", "peak RSS MiB", "X server %", "others %",
              "CPU x floor", "1st frame x floor", "RSS - floor MiB"]
    return table(rows, header)


def git_version(source):
    try:
        out = subprocess.run(["git", "-C", source, "describe", "--always", "--dirty"], capture_output=True,
                             text=True, timeout=10)
        return out.stdout.strip() or "?"
    except (OSError, subprocess.SubprocessError):
        return "?"


def cpu_model():
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "?"


def main(argv):
    a = parse_args(argv)
    for path in ([a.unsaid] if set(a.cases) - {"floor"} else []) + ([a.floor] if "floor" in a.cases else []):
        if not os.access(path, os.X_OK):
            print("bench_idle: %s is not built (cmake --build BUILD --target bench_idle builds it)" % path,
                  file=sys.stderr)
            return 1
    started = time.monotonic()
    load_before = os.getloadavg()
    base_env = dict(os.environ)
    xserver = None
    records, failures = [], []
    scratch = tempfile.mkdtemp(prefix="unsaid-bench-")
    try:
        if not base_env.get("DISPLAY"):
            xserver, display = start_xvfb(os.path.join(tempfile.gettempdir(), "unsaid-bench-xvfb.log"))
            base_env["DISPLAY"] = display
            base_env["SDL_VIDEODRIVER"] = "x11"
            base_env.pop("WAYLAND_DISPLAY", None)
            where = "Xvfb %s (started here, 1920x1080x24)" % display
        else:
            if base_env.get("SDL_VIDEODRIVER") == "dummy":
                base_env.pop("SDL_VIDEODRIVER")
            where = "DISPLAY=%s (an X server already running)" % base_env["DISPLAY"]
        print("bench_idle: %s, %d run(s) of each case, window %g s from %g s after the first frame; on %s"
              % (git_version(a.source), a.runs, a.seconds, a.settle, where), flush=True)
        for renderer in a.renderers:
            env = run_env(renderer, base_env, scratch, a.source)
            for run in range(1, a.runs + 1):
                for case in a.cases:
                    try:
                        r = one_run(case, renderer, run, a, env, xserver)
                        records.append(r)
                        print("  %-8s %-8s run %d: first frame %6.0f ms, CPU %5.1f %%, peak RSS %6.1f MiB"
                              % (renderer, case, run, r["first_frame_ms"], r["cpu_pct"], r["rss_mib"]), flush=True)
                    except RunFailed as e:
                        failures.append(str(e))
                        print("  FAILED %s" % e, flush=True)
                    time.sleep(0.5)
    finally:
        if xserver:
            stop(xserver)
        shutil.rmtree(scratch, ignore_errors=True)
    elapsed = time.monotonic() - started
    load_after = os.getloadavg()

    print()
    print("Unsaid, CPU in a 1280x720 window: %s; %s, %d CPUs; %s" % (
        git_version(a.source), cpu_model(), os.cpu_count() or 0, datetime.date.today().isoformat()))
    print("medians of %d run(s); CPU %% = one core's worth over %g s starting %g s after the first frame"
          % (a.runs, a.seconds, a.settle))
    for renderer in a.renderers:
        print()
        label = "SDL_RENDER_DRIVER=software" if renderer == "software" else "SDL_RENDER_DRIVER unset"
        print("renderer: %s (%s)" % (renderer, label))
        floor_lines = [line for r in records if r["renderer"] == renderer and r["case"] == "floor"
                       for line in r["stderr"] if line.startswith("bench_floor: renderer")]
        if floor_lines:
            print("  floor says: %s" % floor_lines[0][len("bench_floor: "):])
        fps = [line for r in records if r["renderer"] == renderer and r["case"] == "floor"
               for line in r["stderr"] if line.startswith("bench_floor:") and "frames in" in line]
        if fps:
            print("  floor drew: %s" % fps[0][len("bench_floor: "):])
        drivers = sorted({r["gl_driver"] for r in records if r["renderer"] == renderer and r["gl_driver"]})
        if drivers:
            print("  Mesa driver loaded: %s" % ", ".join(drivers))
        print(table_indent(summarise(records, renderer, a.cases)))
    if "perform" in a.cases and case_window("perform", a) < a.seconds:
        print()
        print("note: perform measured over %.1f s, not %g s, to stay inside the performance (ticks %d-%d)"
              % (case_window("perform", a), a.seconds, PERFORM_AT, PERFORM_END))
    unclean = sorted({"%s/%s" % (r["renderer"], r["case"]) for r in records if not r["stopped_by_sigterm"]})
    if unclean:
        print("note: needed SIGKILL: %s" % ", ".join(unclean))
    print()
    print("took %.0f s; load average %.2f before, %.2f after" % (elapsed, load_before[0], load_after[0]))
    if a.json:
        with open(a.json, "w") as f:
            json.dump({"version": git_version(a.source), "runs": a.runs, "seconds": a.seconds, "settle": a.settle,
                       "display": where, "cpu": cpu_model(), "cpus": os.cpu_count(), "took_s": elapsed,
                       "load_before": load_before, "load_after": load_after, "records": records}, f, indent=1)
        print("runs written to %s" % a.json)
    if failures:
        print("\n%d run(s) failed:" % len(failures), file=sys.stderr)
        for fail in failures:
            print("  " + fail, file=sys.stderr)
        return 1
    return 0


def table_indent(text):
    return "\n".join("  " + line for line in text.splitlines())


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1:]))
    except RunFailed as e:
        print("bench_idle: %s" % e, file=sys.stderr)
        sys.exit(1)
    except KeyboardInterrupt:
        sys.exit(130)
