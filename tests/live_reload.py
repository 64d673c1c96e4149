#!/usr/bin/env python3
"""Live reload: with the game open on a scene, saving a pack file reloads it.

Starts the game in a window (SDL's dummy video driver: no display needed)
on a scene of a pack made with --new-pack, then, while it runs, saves the
scene with a mistake and then with the mistake fixed. The reload after
each save reports the pack's problems on stderr, as F5 does: the broken
save must be reported, the fixed one must not be, and the game must keep
running and quit cleanly.

usage: live_reload.py UNSAID WORK_DIR
"""
import os
import shutil
import signal
import subprocess
import sys
import time


def main():
    unsaid, work = sys.argv[1], sys.argv[2]
    shutil.rmtree(work, ignore_errors=True)
    packs = os.path.join(work, "xdg", "unsaid", "packs")
    os.makedirs(packs)
    env = dict(os.environ, XDG_DATA_HOME=os.path.join(work, "xdg"), HOME=work,
               SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy")
    pack = os.path.join(packs, "my-pack")
    subprocess.run([unsaid, "--new-pack", pack], env=env, check=True, capture_output=True)
    scene = os.path.join(pack, "scenes", "first_scene.yaml")
    with open(scene, encoding="utf-8") as f:
        good = f.read()
    line = '    text: "Practice? Fine. Whatever."'
    if line not in good:
        print("live_reload: the template's first line changed; update this test")
        return 1
    err_path = os.path.join(work, "stderr.txt")
    with open(err_path, "w") as err:
        game = subprocess.Popen([unsaid, "--scene", "my-pack-first-scene"], env=env,
                                stdout=subprocess.DEVNULL, stderr=err)
        time.sleep(2.0)
        with open(scene, "w", encoding="utf-8") as f:  # a missing colon
            f.write(good.replace(line, '    text "Practice? Fine. Whatever."'))
        time.sleep(2.0)
        with open(scene, "w", encoding="utf-8") as f:  # fixed
            f.write(good.replace(line, '    text: "Practice was fine."'))
        time.sleep(2.0)
        alive = game.poll() is None
        game.send_signal(signal.SIGTERM)
        try:
            rc = game.wait(timeout=10)
        except subprocess.TimeoutExpired:
            game.kill()
            rc = "hung"
    with open(err_path, encoding="utf-8") as f:
        said = f.read()
    problems = []
    if not alive:
        problems.append("the game stopped while its pack was edited")
    if rc != 0:
        problems.append(f"the game did not quit cleanly on SIGTERM (exit {rc})")
    if said.count('has no colon after "text"') != 1:
        problems.append("the broken save should be reported once, by the reload it caused")
    if problems:
        print("live_reload: " + "; ".join(problems) + "\n--- stderr\n" + said)
        return 1
    print("live_reload: a save with a mistake was reported, the fixed save reloaded clean")
    return 0


if __name__ == "__main__":
    sys.exit(main())
