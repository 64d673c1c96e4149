#!/usr/bin/env python3
"""packaging/debian-setup.sh for a user who is not root and may not use sudo.

With fake `id`, `dpkg-query` and `sudo` first on PATH (a user with uid
1000, one package missing, sudo refused), the script must not build, and
must name the missing package and the exact command for an administrator.
With nothing missing, it must go on to build without asking for root (a
fake `cmake` stands in, and records that it ran).

usage: setup_without_root.py SOURCE_DIR WORK_DIR
"""
import os
import shutil
import subprocess
import sys


def fake(bin_dir, name, body):
    path = os.path.join(bin_dir, name)
    with open(path, "w") as f:
        f.write("#!/bin/sh\n" + body + "\n")
    os.chmod(path, 0o755)


def run(src, work, missing):
    bin_dir = os.path.join(work, "bin")
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(bin_dir)
    fake(bin_dir, "id", 'echo 1000')
    if missing:
        fake(bin_dir, "dpkg-query", f'case "$*" in *{missing}*) exit 1;; esac\necho "install ok installed"')
    else:
        fake(bin_dir, "dpkg-query", 'echo "install ok installed"')
    fake(bin_dir, "sudo", 'echo "user is not in the sudoers file" >&2\nexit 1')
    fake(bin_dir, "cmake", f'echo "cmake $*" >> {work}/cmake-ran\nexit 1')
    fake(bin_dir, "nproc", 'echo 2')
    env = dict(os.environ, PATH=bin_dir + ":/usr/bin:/bin")
    p = subprocess.run(["sh", os.path.join(src, "packaging", "debian-setup.sh"), "play"],
                       env=env, capture_output=True, text=True, timeout=60)
    ran = os.path.exists(os.path.join(work, "cmake-ran"))
    return p.returncode, p.stdout + p.stderr, ran


def main():
    src, work = sys.argv[1], sys.argv[2]
    problems = []
    rc, out, ran = run(src, work, "libyaml-dev")
    if rc != 1 or ran:
        problems.append(f"with a package missing and no sudo rights: exit {rc}, built: {ran} (want 1, no)")
    for want in ("missing: libyaml-dev", "ask an administrator", "    apt-get install libyaml-dev",
                 "it builds without root"):
        if want not in out:
            problems.append(f"the message lacks {want!r}")
    rc, out2, ran = run(src, work, None)
    if not ran or "sudo" in out2 or "administrator" in out2:
        problems.append("with every package installed it should build without root or sudo")
    if problems:
        print("setup_without_root: " + "; ".join(problems) + "\n--- output\n" + out + "\n---\n" + out2)
        return 1
    print("setup_without_root: a missing package is named for an administrator; with none missing it builds")
    return 0


if __name__ == "__main__":
    sys.exit(main())
