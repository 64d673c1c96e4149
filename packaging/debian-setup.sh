#!/bin/sh
# Unsaid - set up a Debian 12 machine, build, and play or test.
#
#   sh packaging/debian-setup.sh play   install what is missing, build, start the game
#   sh packaging/debian-setup.sh test   install what is missing, build the game, build with sanitizers,
#                                       run the whole test suite (non-zero on any failure)
#
# Run it as root, or as a user who may use sudo: only apt-get needs root;
# the build itself runs as whoever calls the script. When every package is
# already installed, no root is needed at all; when some are missing and
# root is not to be had, it names them for an administrator.
set -eu

mode=${1:-play}
cd "$(dirname "$0")/.."

packages="build-essential cmake pkg-config libsdl2-dev libsdl2-image-dev libsdl2-ttf-dev
libsdl2-mixer-dev libphysfs-dev libyaml-dev"
if [ "$mode" = test ]; then
    # clang and its runtime build the libFuzzer target the suite runs;
    # python3-jsonschema checks the level-file schemas against the examples;
    # python3-pil reads the frames tests/colour_vision.py simulates;
    # xvfb gives tests/bench/bench_idle.py a window on a machine without a display.
    packages="$packages clang libclang-rt-14-dev python3 python3-jsonschema python3-yaml python3-pil xvfb"
fi

missing=""
for p in $packages; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
        missing="$missing $p"
    fi
done

# Without root, and without sudo rights, say exactly what to ask for: the
# build itself never needs root, so once the packages are there it runs as
# whoever calls this script, in their own checkout.
ask_admin() {
    echo "unsaid: these Debian packages are missing:$missing" >&2
    echo "unsaid: ask an administrator of this computer to install them:" >&2
    echo "    apt-get install$missing" >&2
    echo "unsaid: then run this command again: it builds without root." >&2
    exit 1
}

if [ -n "$missing" ]; then
    if [ "$(id -u)" -eq 0 ]; then
        as_root=""
    elif command -v sudo >/dev/null 2>&1; then
        as_root="sudo"
    else
        ask_admin
    fi
    echo "unsaid: installing$missing"
    $as_root apt-get update || ask_admin
    # sudo drops the environment: the variable goes through env.
    # shellcheck disable=SC2086  # the list is meant to split into words
    $as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $missing || ask_admin
fi

jobs=$(nproc 2>/dev/null || echo 2)

case "$mode" in
play)
    cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo
    cmake --build build -j "$jobs"
    exec ./build/unsaid
    ;;
test)
    # The game as the first command builds it, optimised: some warnings
    # (format truncation) only show at -O2, and warnings are errors.
    cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo
    cmake --build build -j "$jobs" --target unsaid
    cmake -S . -B build-test -DCMAKE_BUILD_TYPE=Debug
    cmake --build build-test -j "$jobs"
    cd build-test
    exec ctest --output-on-failure -j "$jobs" --timeout 600
    ;;
*)
    echo "usage: sh packaging/debian-setup.sh play|test" >&2
    exit 2
    ;;
esac
