#!/usr/bin/env python3
"""Unsaid - make_sounds.py: synthesise every sound of the base pack.

    python3 tools/make_sounds.py            write levels/base/sounds/
    python3 tools/make_sounds.py --report   also print level, brightness and loop
                                            seam figures for each sound
    python3 tools/make_sounds.py --wav      write WAV even when oggenc is installed

Every sound is made here from numbers alone (the Python standard library and a
fixed random seed per sound), so the files can be made again, changed and
shared under the base pack's licence (CC BY 4.0). The script writes Ogg
Vorbis when `oggenc` (Debian: vorbis-tools) is installed and WAV otherwise;
the game loads either. The shipped files are Ogg Vorbis.

How the sounds are built:
- Breath is noise, shaped: band-pass filters give it the colour of air
  through a mouth or nose, envelopes give it the rise and fall of a breath.
  Voiced sounds (a laugh, the start of a sigh, a throat clear) add a glottal
  pulse train through formant filters, mixed with breath noise.
- Ambience loops are built to be periodic: noise is filtered circularly (the
  filter is run over the end of the loop first, so it enters the start in
  the state it leaves the end), slow changes are sums of sines that repeat a
  whole number of times per loop, and events (a clock tick, a bird) wrap
  around the end. The loop point is therefore seamless without a crossfade,
  which would dip or swell the level where it overlaps.
- Levels: vocal cues peak at -6 dBFS, interface sounds at -12 to -16 dBFS,
  ambience peaks below -14 dBFS and sits near -32 dBFS RMS. Every one-shot
  sound fades in and out so it starts and ends without a click.
"""

import math
import os
import random
import shutil
import struct
import subprocess
import sys
import tempfile
import wave

SR = 22050          # samples per second, mono
LOOP_SECONDS = 10   # ambience loop length
TWO_PI = 2.0 * math.pi

HERE = os.path.dirname(os.path.abspath(__file__))
OUT_DIR = os.path.join(HERE, "..", "levels", "base", "sounds")


# ---- building blocks --------------------------------------------------------

def rng_for(name):
    """One random stream per sound, so changing one sound leaves the others."""
    return random.Random("unsaid-sound-" + name)


def secs(t):
    return int(round(t * SR))


def silence(n):
    return [0.0] * n


def white(rng, n):
    u = rng.uniform
    return [u(-1.0, 1.0) for _ in range(n)]


def coeffs(kind, f, q):
    """RBJ cookbook biquad, normalised: (b0, b1, b2, a1, a2)."""
    f = min(max(f, 10.0), SR * 0.45)
    w = TWO_PI * f / SR
    cw, sw = math.cos(w), math.sin(w)
    alpha = sw / (2.0 * q)
    if kind == "lp":
        b0, b1, b2 = (1 - cw) / 2, 1 - cw, (1 - cw) / 2
    elif kind == "hp":
        b0, b1, b2 = (1 + cw) / 2, -(1 + cw), (1 + cw) / 2
    elif kind == "bp":  # constant 0 dB peak gain
        b0, b1, b2 = alpha, 0.0, -alpha
    else:
        raise ValueError(kind)
    a0 = 1 + alpha
    return b0 / a0, b1 / a0, b2 / a0, (-2 * cw) / a0, (1 - alpha) / a0


def filt(x, kind, f, q=0.707):
    """Filter x with one biquad. f may be a number or a function of the
    time in seconds (coefficients are updated every 32 samples)."""
    y = [0.0] * len(x)
    x1 = x2 = y1 = y2 = 0.0
    static = not callable(f)
    b0, b1, b2, a1, a2 = coeffs(kind, f if static else f(0.0), q)
    for i, xi in enumerate(x):
        if not static and (i & 31) == 0:
            b0, b1, b2, a1, a2 = coeffs(kind, f(i / SR), q)
        yi = b0 * xi + b1 * x1 + b2 * x2 - a1 * y1 - a2 * y2
        x2, x1, y2, y1 = x1, xi, y1, yi
        y[i] = yi
    return y


def filt_loop(x, kind, f, q=0.707):
    """Filter a loop circularly: warm the filter up on the loop's last second
    so the output is periodic, with no seam at the loop point."""
    warm = min(len(x), SR)
    return filt(x[-warm:] + x, kind, f, q)[warm:]


def chain(x, stages, loop=False):
    for kind, f, q in stages:
        x = filt_loop(x, kind, f, q) if loop else filt(x, kind, f, q)
    return x


def onepole(x, fc):
    """A gentle one-pole low-pass (6 dB per octave)."""
    a = math.exp(-TWO_PI * fc / SR)
    y, s = [0.0] * len(x), 0.0
    for i, v in enumerate(x):
        s = v + a * (s - v)
        y[i] = s
    return y


def env(points, n):
    """An envelope through (seconds, level) points, eased with a cosine."""
    out = [0.0] * n
    k = 0
    for i in range(n):
        t = i / SR
        while k + 1 < len(points) and points[k + 1][0] <= t:
            k += 1
        if k + 1 >= len(points):
            out[i] = points[-1][1]
            continue
        (t0, v0), (t1, v1) = points[k], points[k + 1]
        if t < t0:
            out[i] = v0
            continue
        u = (t - t0) / (t1 - t0) if t1 > t0 else 1.0
        u = 0.5 - 0.5 * math.cos(math.pi * u)
        out[i] = v0 + (v1 - v0) * u
    return out


def mul(x, y):
    return [a * b for a, b in zip(x, y)]


def scale(x, g):
    return [a * g for a in x]


def add_into(dst, src, at=0, gain=1.0, wrap=False):
    """Add src into dst starting at sample `at`; wrap around the end for loops."""
    n = len(dst)
    for i, v in enumerate(src):
        j = at + i
        if wrap:
            j %= n
        elif j >= n:
            break
        dst[j] += v * gain


def fades(x, fin=0.01, fout=0.03):
    n = len(x)
    a, b = max(1, secs(fin)), max(1, secs(fout))
    for i in range(min(a, n)):
        x[i] *= 0.5 - 0.5 * math.cos(math.pi * i / a)
    for i in range(min(b, n)):
        x[n - 1 - i] *= 0.5 - 0.5 * math.cos(math.pi * i / b)
    return x


def peak(x):
    return max(abs(v) for v in x) or 1e-12


def normalize(x, peak_db):
    return scale(x, 10 ** (peak_db / 20.0) / peak(x))


def rms(x):
    return math.sqrt(sum(v * v for v in x) / len(x)) or 1e-12


def unit(x):
    """Scaled to an RMS of 1, to mix layers by ear-friendly ratios."""
    return scale(x, 1.0 / rms(x))


def set_rms(x, rms_db):
    return scale(x, 10 ** (rms_db / 20.0) / rms(x))


def periodic_curve(rng, n, cycles, depth=1.0):
    """A smooth wandering curve in about [-depth, depth] that repeats exactly
    every n samples: a few sines with whole numbers of cycles."""
    parts = [(c, rng.uniform(0, TWO_PI), rng.uniform(0.5, 1.0)) for c in cycles]
    total = sum(a for _, _, a in parts)
    return [depth * sum(a * math.sin(TWO_PI * c * i / n + p) for c, p, a in parts) / total
            for i in range(n)]


def glottal(rng, n, f0, jitter=0.01, shimmer=0.05):
    """Voice: a train of glottal pulses (rising open phase, quick closure),
    differentiated, which is how the flow sounds once it leaves the lips.
    f0 is a function of the time in seconds."""
    out = [0.0] * n
    phase, amp, period_f = 0.0, 1.0, f0(0.0)
    tp, tn = 0.42, 0.16
    prev = 0.0
    for i in range(n):
        phase += period_f / SR
        if phase >= 1.0:
            phase -= 1.0
            period_f = f0(i / SR) * (1.0 + rng.uniform(-jitter, jitter))
            amp = 1.0 - rng.uniform(0.0, shimmer)
        if phase < tp:
            g = 0.5 * (1.0 - math.cos(math.pi * phase / tp))
        elif phase < tp + tn:
            g = math.cos(0.5 * math.pi * (phase - tp) / tn)
        else:
            g = 0.0
        g *= amp
        out[i] = g - prev
        prev = g
    return out


def formants(x, bands):
    """Parallel resonances: [(centre Hz or function, Q, gain), ...]."""
    y = [0.0] * len(x)
    for f, q, gain in bands:
        add_into(y, filt(x, "bp", f, q), gain=gain)
    return y


def voice(rng, n, f0, bands, breath=0.2, jitter=0.01, shimmer=0.05):
    """A voiced vowel with some breath in it."""
    src = glottal(rng, n, f0, jitter, shimmer)
    src = scale(src, 1.0 / peak(src))
    air = filt(white(rng, n), "bp", 2000, 0.5)
    mixed = [s + breath * a for s, a in zip(src, air)]
    return formants(mixed, bands)


def ramp(a, b, dur):
    """A function of time going from a to b over dur seconds, then holding."""
    return lambda t: a + (b - a) * min(t / dur, 1.0)


# ---- vocal cues ---------------------------------------------------------------

def sigh(rng):
    """A breath in, then a long, heavy breath out that starts with a little
    voice ("haah") and falls away."""
    n = secs(2.4)
    inhale = chain(white(rng, n), [("bp", 1900, 0.8), ("hp", 500, 0.7)])
    inhale = mul(inhale, env([(0, 0), (0.1, 0.1), (0.55, 0.32), (0.72, 0.0)], n))
    t_out = 0.74
    breath = filt(white(rng, n), "bp", lambda t: 1250 - 700 * min(max(t - t_out, 0) / 1.5, 1), 1.1)
    body = filt(white(rng, n), "lp", lambda t: 2600 - 1600 * min(max(t - t_out, 0) / 1.5, 1), 0.7)
    exhale = [a + 0.6 * b for a, b in zip(breath, body)]
    shape = env([(0, 0), (t_out, 0), (t_out + 0.12, 1.0), (t_out + 0.5, 0.72), (1.6, 0.38),
                 (2.1, 0.1), (2.4, 0.0)], n)
    exhale = mul(exhale, shape)
    voiced = voice(rng, n, lambda t: 150 - 45 * min(max(t - t_out, 0) / 0.8, 1),
                   [(lambda t: 680 - 150 * min(max(t - t_out, 0), 1), 6, 1.0),
                    (1150, 9, 0.5), (2500, 12, 0.15)], breath=0.6, jitter=0.02)
    voiced = mul(voiced, env([(0, 0), (t_out, 0), (t_out + 0.08, 0.22), (t_out + 0.35, 0.14),
                              (t_out + 0.75, 0.0)], n))
    x = [a + b + c for a, b, c in zip(inhale, exhale, voiced)]
    return fades(normalize(onepole(x, 5000), -6), 0.01, 0.05)


def shaky_breath(rng):
    """A breath in that catches and trembles (about 7 Hz), then a wavering
    breath out."""
    n = secs(2.6)
    # The tremor: a wobble of about 7 Hz that drifts, so it is not a motor.
    wobble, phase = [0.0] * n, rng.uniform(0, TWO_PI)
    rate = 7.2
    for i in range(n):
        if i % 512 == 0:
            rate = min(max(rate + rng.uniform(-0.6, 0.6), 6.0), 8.2)
            if i >= secs(1.32):
                rate = min(rate, 6.8)
        phase += TWO_PI * rate / SR
        wobble[i] = 0.5 + 0.5 * math.sin(phase)
    inhale = [a + 0.7 * b for a, b in zip(filt(white(rng, n), "bp", 2100, 0.9),
                                           filt(white(rng, n), "bp", 950, 0.7))]
    inhale = mul(inhale, env([(0, 0), (0.15, 0.35), (0.9, 0.8), (1.15, 0.5), (1.25, 0.0)], n))
    out_noise = filt(white(rng, n), "bp", lambda t: 1150 - 400 * min(max(t - 1.35, 0) / 1.2, 1), 1.0)
    out_body = filt(white(rng, n), "lp", 1800, 0.7)
    exhale = [a + 0.5 * b for a, b in zip(out_noise, out_body)]
    exhale = mul(exhale, env([(0, 0), (1.32, 0), (1.45, 0.9), (2.0, 0.55), (2.6, 0.0)], n))
    quaver = voice(rng, n, lambda t: 175 + 14 * math.sin(TWO_PI * 6.3 * t),
                   [(560, 6, 1.0), (1300, 9, 0.4)], breath=0.8, jitter=0.03, shimmer=0.2)
    quaver = mul(quaver, env([(0, 0), (1.35, 0), (1.5, 0.1), (2.0, 0.05), (2.3, 0.0)], n))
    breath = [a + b + c for a, b, c in zip(inhale, exhale, quaver)]
    depth = [0.35 + 0.65 * w for w in wobble]
    return fades(normalize(onepole(mul(breath, depth), 5500), -6), 0.01, 0.05)


def nervous_laugh(rng):
    """Four short breathy "heh"s, each a little lower and weaker, then a
    breath out through the nose."""
    n = secs(1.45)
    x = silence(n)
    bursts = [(0.05, 0.11, 1.0, 235), (0.23, 0.10, 0.82, 222),
              (0.40, 0.09, 0.66, 210), (0.58, 0.13, 0.48, 196)]
    for start, dur, amp, f0 in bursts:
        h = secs(0.03)
        m = secs(dur) + h
        aspir = mul(filt(white(rng, m), "bp", 1600, 0.7),
                    env([(0, 0), (0.01, 0.5), (0.03, 0.35), (0.05, 0.1), (dur, 0.05), (dur + 0.03, 0)], m))
        vowel = voice(rng, m, ramp(f0, f0 * 0.9, dur), [(550, 7, 1.0), (1750, 12, 0.55), (2500, 14, 0.2)],
                      breath=0.5, jitter=0.02, shimmer=0.1)
        vowel = scale(vowel, 1.0 / peak(vowel))
        vowel = mul(vowel, env([(0, 0), (0.02, 0), (0.035, 1.0), (dur * 0.6, 0.6), (dur + 0.03, 0)], m))
        add_into(x, [a + 0.9 * b for a, b in zip(aspir, vowel)], secs(start), amp)
    tail = secs(0.6)
    nose = mul(filt(white(rng, tail), "lp", 900, 0.7), env([(0, 0), (0.1, 0.16), (0.3, 0.1), (0.6, 0)], tail))
    add_into(x, nose, secs(0.78))
    return fades(normalize(x, -6), 0.005, 0.05)


def quick_breath(rng):
    """A quick, shallow breath in through the mouth, and a short one out."""
    n = secs(0.75)
    inhale = [a + 0.6 * b for a, b in zip(filt(white(rng, n), "bp", 2300, 0.8),
                                           filt(white(rng, n), "bp", 1200, 0.8))]
    inhale = mul(inhale, env([(0, 0), (0.16, 1.0), (0.26, 0.8), (0.34, 0.0)], n))
    exhale = mul(filt(white(rng, n), "bp", 850, 0.9), env([(0, 0), (0.4, 0), (0.47, 0.35), (0.75, 0)], n))
    return fades(normalize(onepole([a + b for a, b in zip(inhale, exhale)], 6000), -8), 0.01, 0.04)


def gasp(rng):
    """A sudden sharp breath in with a catch of voice, then held."""
    n = secs(0.8)
    air = [a + 0.7 * b for a, b in zip(filt(white(rng, n), "bp", 1700, 1.0),
                                        filt(white(rng, n), "bp", 2900, 1.2))]
    air = mul(air, env([(0, 0), (0.018, 1.0), (0.1, 0.75), (0.3, 0.25), (0.45, 0.0)], n))
    catch = voice(rng, n, ramp(330, 280, 0.25), [(850, 6, 1.0), (1350, 9, 0.6), (2600, 12, 0.2)],
                  breath=0.7, jitter=0.03)
    catch = scale(catch, 1.0 / peak(catch))
    catch = mul(catch, env([(0, 0), (0.012, 0.45), (0.09, 0.25), (0.22, 0.0)], n))
    return fades(normalize([a + b for a, b in zip(air, catch)], -6), 0.004, 0.05)


def throat_clear(rng):
    """ "Uh-hm": a short rough grunt, then a hum with the mouth closed."""
    n = secs(0.9)
    x = silence(n)
    m1 = secs(0.2)
    rough = voice(rng, m1, lambda t: 112, [(450, 4, 1.0), (1000, 6, 0.5), (2400, 8, 0.15)],
                  breath=0.9, jitter=0.15, shimmer=0.6)
    grit = filt(white(rng, m1), "lp", 1400, 0.7)
    rough = scale(rough, 1.0 / peak(rough))
    part1 = [a + 0.35 * b for a, b in zip(rough, grit)]
    part1 = mul(part1, env([(0, 0), (0.012, 1.0), (0.08, 0.75), (0.2, 0.0)], m1))
    add_into(x, part1, secs(0.03))
    m2 = secs(0.45)
    hum = voice(rng, m2, ramp(128, 108, 0.45), [(250, 3, 1.0), (1000, 6, 0.12)],
                breath=0.3, jitter=0.03, shimmer=0.15)
    hum = onepole(scale(hum, 1.0 / peak(hum)), 700)
    hum = mul(hum, env([(0, 0), (0.03, 0.8), (0.28, 0.65), (0.45, 0.0)], m2))
    add_into(x, hum, secs(0.32))
    return fades(normalize(x, -6), 0.004, 0.04)


# ---- interface sounds -----------------------------------------------------------

def tone(n, f, decay, attack=0.004, partials=((1.0, 1.0),), start=0.0):
    """A soft struck tone: sine partials (ratio, level) with an exponential decay."""
    out = [0.0] * n
    a0 = secs(start)
    for i in range(a0, n):
        t = (i - a0) / SR
        e = (min(t / attack, 1.0)) * math.exp(-t / decay)
        out[i] = e * sum(lvl * math.sin(TWO_PI * f * r * t) for r, lvl in partials)
    return out


def ui_select(rng):
    """A soft tick for moving between choices."""
    n = secs(0.07)
    click = mul(filt(white(rng, n), "bp", 3200, 2.0), env([(0, 0), (0.002, 1), (0.012, 0.2), (0.03, 0)], n))
    body = tone(n, 1750, 0.012, 0.002)
    return fades(normalize([0.5 * a + b for a, b in zip(click, body)], -16), 0.001, 0.02)


def ui_confirm(rng):
    """Two soft rising notes."""
    n = secs(0.36)
    p = ((1.0, 1.0), (2.0, 0.18), (3.0, 0.05))
    x = [a + 0.9 * b for a, b in zip(tone(n, 587.3, 0.08, partials=p),
                                      tone(n, 880.0, 0.1, partials=p, start=0.075))]
    return fades(normalize(onepole(x, 4000), -12), 0.002, 0.04)


def ui_back(rng):
    """The same two notes, falling, a little softer."""
    n = secs(0.36)
    p = ((1.0, 1.0), (2.0, 0.15))
    x = [a + 0.9 * b for a, b in zip(tone(n, 880.0, 0.07, partials=p),
                                      tone(n, 587.3, 0.1, partials=p, start=0.075))]
    return fades(normalize(onepole(x, 3500), -14), 0.002, 0.04)


def ui_flag(rng):
    """A gentle wooden "tok" for placing a flag: the same sound whether or
    not anything was there, so it never gives the answer away."""
    n = secs(0.2)
    out = [0.0] * n
    for i in range(n):
        t = i / SR
        f = 1040 * (1.0 - 0.03 * min(t / 0.03, 1.0))
        e = min(t / 0.002, 1.0)
        out[i] = e * (math.exp(-t / 0.035) * math.sin(TWO_PI * f * t)
                      + 0.3 * math.exp(-t / 0.012) * math.sin(TWO_PI * f * 2.71 * t))
    knock = mul(filt(white(rng, n), "bp", 1800, 1.5), env([(0, 0), (0.001, 1), (0.008, 0)], n))
    return fades(normalize([a + 0.25 * b for a, b in zip(out, knock)], -12), 0.001, 0.03)


def ui_result(rng):
    """A soft two-note chime (an open fifth) for the debrief."""
    n = secs(1.7)
    bell = ((1.0, 1.0), (2.0, 0.25), (2.76, 0.16), (4.07, 0.06))
    x = [0.0] * n
    for f, start, lvl in ((784.0, 0.0, 1.0), (1174.7, 0.13, 0.7)):
        m = n - secs(start)
        part = [0.0] * m
        for r, pl in bell:
            d = 0.75 / r ** 0.7
            add_into(part, tone(m, f * r, d, 0.003), gain=pl)
        add_into(x, part, secs(start), lvl)
    return fades(normalize(onepole(x, 5000), -12), 0.002, 0.15)


def ui_page(rng):
    """A page turning: a swish of paper-coloured noise with a little grain."""
    n = secs(0.42)
    swish = filt(white(rng, n), "bp", lambda t: 1400 + 2800 * min(t / 0.3, 1.0), 0.8)
    grain = [0.6 + 0.4 * abs(v) for v in onepole(white(rng, n), 90)]
    grain = scale(grain, 1.0 / peak(grain))
    x = mul(mul(filt(swish, "hp", 700, 0.7), grain), env([(0, 0), (0.14, 1.0), (0.24, 0.7), (0.42, 0)], n))
    return fades(normalize(x, -16), 0.005, 0.04)


# ---- ambience loops --------------------------------------------------------------

def loop_len():
    return LOOP_SECONDS * SR


def room_tone(rng, n, dark=400, air=0.12):
    """Quiet air in a room: a dark rumble and a faint high hiss, looping."""
    low = chain(white(rng, n), [("lp", dark, 0.7), ("lp", dark, 0.7)], loop=True)
    high = chain(white(rng, n), [("hp", 1500, 0.7), ("lp", 6000, 0.7)], loop=True)
    low = scale(low, 1.0 / rms(low))
    high = scale(high, air / rms(high))
    return [a + b for a, b in zip(low, high)]


def hum(n, base, levels):
    """Mains-like hum: harmonics of base, which repeats exactly in the loop."""
    return [sum(lvl * math.sin(TWO_PI * base * (k + 1) * i / SR) for k, lvl in enumerate(levels))
            for i in range(n)]


def click(rng, m, f, q, decay):
    """A short knock: a noise burst ringing a resonance."""
    burst = mul(white(rng, m), env([(0, 0), (0.0005, 1), (0.004, 0.2), (0.01, 0)], m))
    ring = filt(burst, "bp", f, q)
    return mul(ring, [math.exp(-i / SR / decay) for i in range(m)])


def kitchen_night(rng):
    """A fridge humming and a clock ticking, faintly, in a quiet kitchen."""
    n = loop_len()
    fridge = hum(n, 50, (0.25, 0.8, 0.3, 0.12))
    swell = periodic_curve(rng, n, (1, 2), 0.15)
    fridge = [v * (1.0 + s) for v, s in zip(fridge, swell)]
    motor = chain(white(rng, n), [("lp", 180, 0.9), ("lp", 180, 0.7)], loop=True)
    room = room_tone(rng, n, dark=500, air=0.08)
    fridge, motor = unit(fridge), unit(motor)
    bed = [0.5 * a + 0.6 * b + 0.7 * c for a, b, c in zip(fridge, motor, room)]
    bed = set_rms(bed, -33)
    ticks = silence(n)
    for s in range(LOOP_SECONDS):
        f = 3600 if s % 2 == 0 else 2700
        add_into(ticks, click(rng, secs(0.04), f, 4.0, 0.008), secs(s + 0.31), wrap=True)
    ticks = normalize(ticks, -30)
    return [a + b for a, b in zip(bed, ticks)]


def typing(rng, n, starts):
    """Bursts of typing somewhere across the room."""
    out = silence(n)
    for start, length in starts:
        t = start
        while t < start + length:
            key = click(rng, secs(0.05), rng.uniform(2200, 3400), 2.0, 0.01)
            thock = click(rng, secs(0.05), rng.uniform(350, 500), 1.5, 0.015)
            add_into(out, [a + 0.8 * b for a, b in zip(key, thock)], secs(t), rng.uniform(0.5, 1.0), wrap=True)
            t += rng.uniform(0.08, 0.22) if rng.random() > 0.12 else rng.uniform(0.3, 0.6)
    return chain(out, [("lp", 2600, 0.7)], loop=True)


def office(rng):
    """Air conditioning and someone typing, further off."""
    n = loop_len()
    hiss = chain(white(rng, n), [("lp", 2800, 0.7), ("hp", 140, 0.7)], loop=True)
    whoosh = chain(white(rng, n), [("bp", 450, 0.6)], loop=True)
    drift = periodic_curve(rng, n, (1, 3), 0.1)
    hiss, whoosh = unit(hiss), unit(whoosh)
    air = [(0.6 * a + 0.8 * b) * (1 + d) for a, b, d in zip(hiss, whoosh, drift)]
    air = set_rms(air, -33)
    keys = normalize(typing(rng, n, [(0.8, 2.2), (4.6, 1.4), (7.3, 1.9)]), -31)
    return [a + b for a, b in zip(air, keys)]


def creak(rng, dur, f_lo, f_hi):
    """A chair creaking: wood sticking and slipping, a fast irregular train of
    pulses ringing the frame's resonances."""
    m = secs(dur)
    pulses = silence(m)
    t = 0.0
    while t < dur:
        u = t / dur
        rate = f_lo + (f_hi - f_lo) * math.sin(math.pi * u)
        i = secs(t)
        if i < m:
            pulses[i] = rng.uniform(0.6, 1.0)
        t += (1.0 / rate) * rng.uniform(0.8, 1.2)
    wood = formants(pulses, [(620, 10, 1.0), (1450, 12, 0.6), (2350, 10, 0.3)])
    return mul(wood, env([(0, 0), (0.05, 0.8), (dur * 0.5, 1.0), (dur, 0)], m))


def support_group(rng):
    """A quiet meeting room: still air, and now and then a chair creaks."""
    n = loop_len()
    room = set_rms(room_tone(rng, n, dark=350, air=0.1), -34)
    chairs = silence(n)
    add_into(chairs, creak(rng, 0.55, 35, 70), secs(3.7), 1.0, wrap=True)
    add_into(chairs, creak(rng, 0.4, 45, 80), secs(8.2), 0.6, wrap=True)
    chairs = normalize(chairs, -24)
    return [a + b for a, b in zip(room, chairs)]


def murmur(rng, n, voices):
    """Distant voices: speech-coloured noise with syllables (about 4 a
    second) grouped into phrases, so it reads as talk, not words."""
    out = silence(n)
    for v in range(voices):
        shape = silence(n)
        t = rng.uniform(0, 2)
        while t < LOOP_SECONDS:
            phrase = rng.uniform(1.2, 2.8)
            s = t
            while s < t + phrase:
                syl = rng.uniform(0.12, 0.26)
                bump = env([(0, 0), (syl * 0.3, rng.uniform(0.5, 1.0)), (syl, 0)], secs(syl))
                add_into(shape, bump, secs(s), wrap=True)
                s += syl + rng.uniform(0.0, 0.08)
            t += phrase + rng.uniform(0.5, 1.4)
        f1, f2 = rng.uniform(420, 620), rng.uniform(1200, 1700)
        noise = white(rng, n)
        talk = [a + 0.5 * b for a, b in zip(filt_loop(noise, "bp", f1, 1.2), filt_loop(noise, "bp", f2, 1.5))]
        add_into(out, mul(talk, shape), gain=rng.uniform(0.6, 1.0))
    return chain(out, [("lp", 1600, 0.7)], loop=True)


def classroom(rng):
    """A classroom: room tone and a low murmur of voices further off."""
    n = loop_len()
    room = set_rms(room_tone(rng, n, dark=450, air=0.12), -35)
    talk = set_rms(murmur(rng, n, 3), -36)
    return [a + b for a, b in zip(room, talk)]


def chirp(rng, m):
    """One short bird note: a quick rising-falling whistle."""
    f0, f1 = rng.uniform(3300, 3800), rng.uniform(4300, 5000)
    out, phase = [0.0] * m, 0.0
    for i in range(m):
        u = i / m
        f = f0 + (f1 - f0) * math.sin(math.pi * u) + 120 * math.sin(TWO_PI * 38 * i / SR)
        phase += TWO_PI * f / SR
        out[i] = math.sin(phase) * math.sin(math.pi * u) ** 2
    return out


def park_bench(rng):
    """Wind moving through leaves, and a bird somewhere in the trees."""
    n = loop_len()
    gust = [0.55 + 0.45 * g for g in periodic_curve(rng, n, (1, 2, 3), 1.0)]
    flutter = chain(white(rng, n), [("lp", 14, 0.7)], loop=True)
    flutter = scale(flutter, 1.0 / peak(flutter))
    leaves = chain(white(rng, n), [("bp", 3200, 0.5), ("hp", 1200, 0.7)], loop=True)
    leaves = [v * g * (0.55 + 0.45 * abs(f)) for v, g, f in zip(leaves, gust, flutter)]
    low = chain(white(rng, n), [("lp", 220, 0.7)], loop=True)
    low = [v * (0.4 + 0.6 * g) for v, g in zip(low, gust)]
    leaves, low = unit(leaves), unit(low)
    wind = [a + 0.5 * b for a, b in zip(leaves, low)]
    wind = set_rms(wind, -33)
    birds = silence(n)
    for start, notes in ((2.3, 3), (6.9, 2)):
        t = start
        for _ in range(notes):
            length = rng.uniform(0.06, 0.1)
            add_into(birds, chirp(rng, secs(length)), secs(t), rng.uniform(0.6, 1.0), wrap=True)
            t += length + rng.uniform(0.05, 0.12)
    birds = normalize(chain(birds, [("lp", 6000, 0.7)], loop=True), -30)
    return [a + b for a, b in zip(wind, birds)]


def hospital_corridor(rng):
    """Ventilation humming in a long corridor, and a monitor beeping far away."""
    n = loop_len()
    vent = chain(white(rng, n), [("lp", 380, 0.7), ("hp", 60, 0.7)], loop=True)
    drone = hum(n, 100, (1.0, 0.35, 0.1))
    hiss = chain(white(rng, n), [("hp", 2500, 0.7), ("lp", 7000, 0.7)], loop=True)
    vent, drone, hiss = unit(vent), unit(drone), unit(hiss)
    bed = [0.8 * a + 0.35 * b + 0.2 * c for a, b, c in zip(vent, drone, hiss)]
    bed = set_rms(bed, -33)
    beeps = silence(n)
    m = secs(0.16)
    beep = mul(tone(m, 960, 10.0, 0.006), env([(0, 1), (0.12, 1), (0.16, 0)], m))
    for k in range(4):  # every 2.5 s, with the corridor's echoes
        at = secs(1.1 + 2.5 * k)
        for delay, gain in ((0.0, 1.0), (0.023, 0.35), (0.041, 0.22), (0.077, 0.12)):
            add_into(beeps, beep, at + secs(delay), gain, wrap=True)
    beeps = normalize(chain(beeps, [("lp", 1800, 0.7)], loop=True), -30)
    return [a + b for a, b in zip(bed, beeps)]


def car_passing(rng, dur):
    """A car going by: tyre noise swelling and fading, its pitch falling as
    it passes (a brighter band crossfading into a darker one)."""
    m = secs(dur)
    noise = white(rng, m)
    bright = filt(noise, "bp", 950, 0.8)
    dark = filt(noise, "bp", 520, 0.8)
    rumble = chain(noise, [("lp", 160, 0.7), ("lp", 160, 0.7)])
    bright, dark, rumble = unit(bright), unit(dark), unit(rumble)
    out = [0.0] * m
    for i in range(m):
        u = i / m
        near = 1.0 / (1.0 + (7.0 * (u - 0.5)) ** 2)   # loudest as it passes
        w = 1.0 / (1.0 + math.exp(-18.0 * (u - 0.5)))  # before: bright, after: dark
        edge = math.sin(math.pi * u)                   # silent at both ends
        out[i] = edge * near * ((1 - w) * bright[i] + w * dark[i] + 0.8 * rumble[i])
    return out


def bus_stop(rng):
    """A quiet street: traffic far off, a breeze, and now and then a car."""
    n = loop_len()
    swell = [0.7 + 0.3 * g for g in periodic_curve(rng, n, (1, 2), 1.0)]
    far = chain(white(rng, n), [("lp", 260, 0.7), ("lp", 260, 0.7)], loop=True)
    gust = [0.5 + 0.5 * g for g in periodic_curve(rng, n, (1, 3), 1.0)]
    breeze = chain(white(rng, n), [("bp", 2400, 0.5), ("hp", 900, 0.7)], loop=True)
    far, breeze = unit(far), unit(breeze)
    bed = [a * s + 0.35 * b * g for a, s, b, g in zip(far, swell, breeze, gust)]
    bed = set_rms(bed, -34)
    cars = silence(n)
    add_into(cars, car_passing(rng, 3.2), secs(1.4), 1.0, wrap=True)
    add_into(cars, car_passing(rng, 2.6), secs(6.3), 0.6, wrap=True)
    cars = normalize(cars, -16)
    return [a + b for a, b in zip(bed, cars)]


def cup_down(rng):
    """A cup set down on its saucer: a small knock, then a short china ring."""
    m = secs(0.4)
    f = rng.uniform(2100, 2700)
    ring = tone(m, f, 0.05, 0.002, ((1.0, 1.0), (2.76, 0.45), (5.4, 0.2)))
    knock = click(rng, m, rng.uniform(700, 900), 2.0, 0.01)
    return [0.6 * a + 0.5 * b for a, b in zip(ring, knock)]


def cafe_counter(rng):
    """A small café: voices at the tables, cups set down, the coffee
    machine hissing once."""
    n = loop_len()
    room = set_rms(room_tone(rng, n, dark=420, air=0.1), -37)
    talk = set_rms(murmur(rng, n, 4), -35)
    cups = silence(n)
    for at, gain in ((1.2, 1.0), (3.9, 0.6), (4.15, 0.4), (8.4, 0.8)):
        add_into(cups, cup_down(rng), secs(at), gain, wrap=True)
    cups = normalize(chain(cups, [("lp", 5000, 0.7)], loop=True), -27)
    m = secs(1.6)
    steam = chain(white(rng, m), [("bp", 4200, 0.6), ("hp", 2200, 0.7)])
    steam = mul(steam, env([(0, 0), (0.15, 1.0), (1.2, 0.8), (1.6, 0)], m))
    hiss = silence(n)
    add_into(hiss, steam, secs(5.8), 1.0, wrap=True)
    hiss = set_rms(hiss, -44)
    return [a + b + c + d for a, b, c, d in zip(room, talk, cups, hiss)]


# ---- the list -------------------------------------------------------------------

# name, maker, kind, what it is (for CREDITS.md)
SOUNDS = [
    ("sigh", sigh, "voice", "a breath in, then a long heavy breath out that starts voiced"),
    ("shaky_breath", shaky_breath, "voice", "a trembling breath in (about 7 Hz) and a wavering breath out"),
    ("nervous_laugh", nervous_laugh, "voice", "four short breathy \"heh\"s, falling, and a breath out"),
    ("quick_breath", quick_breath, "voice", "a quick shallow breath in and a short one out"),
    ("gasp", gasp, "voice", "a sudden sharp breath in with a catch of voice"),
    ("throat_clear", throat_clear, "voice", "\"uh-hm\": a rough grunt and a closed-mouth hum"),
    ("ui_select", ui_select, "ui", "a soft tick when the highlighted choice moves"),
    ("ui_confirm", ui_confirm, "ui", "two soft rising notes when a choice is made"),
    ("ui_back", ui_back, "ui", "two soft falling notes when going back"),
    ("ui_flag", ui_flag, "ui", "a wooden tok when a flag is placed (the same, right or wrong)"),
    ("ui_result", ui_result, "ui", "a soft two-note chime when the debrief begins"),
    ("ui_page", ui_page, "ui", "a page turning when the screen changes by itself"),
    ("kitchen_night", kitchen_night, "loop", "a fridge humming and a clock ticking at night"),
    ("office", office, "loop", "air conditioning and someone typing across the room"),
    ("support_group", support_group, "loop", "a quiet meeting room; a chair creaks now and then"),
    ("classroom", classroom, "loop", "room tone and a murmur of voices further off"),
    ("park_bench", park_bench, "loop", "wind in the leaves and a bird in the trees"),
    ("hospital_corridor", hospital_corridor, "loop", "ventilation hum and a monitor beeping far away"),
    ("bus_stop", bus_stop, "loop", "traffic far off, a breeze, and now and then a car going by"),
    ("cafe_counter", cafe_counter, "loop", "voices at the tables, cups set down, the coffee machine hissing"),
]


def to_pcm(x):
    clipped = (max(-1.0, min(1.0, v)) for v in x)
    return struct.pack("<%dh" % len(x), *(int(round(v * 32767)) for v in clipped))


def write_wav(path, x):
    with wave.open(path, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(SR)
        w.writeframes(to_pcm(x))


def write_ogg(path, x, serial, loop):
    """Encode with oggenc; a fixed serial number keeps the output the same
    from run to run."""
    with tempfile.TemporaryDirectory() as tmp:
        wav = os.path.join(tmp, "in.wav")
        write_wav(wav, x)
        quality = "1" if loop else "3"
        subprocess.run(["oggenc", "--quiet", "--quality", quality, "--serial", str(serial),
                        "--discard-comments", "-o", path, wav], check=True)


def zero_crossings(x):
    """Zero crossings per second: a rough brightness figure (breath noise is
    in the thousands, a hum in the hundreds)."""
    z = sum(1 for a, b in zip(x, x[1:]) if (a < 0) != (b < 0))
    return z * SR / len(x)


def report_line(name, kind, x):
    db = lambda v: 20 * math.log10(v)
    seam = ""
    if kind == "loop":
        steps = sorted(abs(b - a) for a, b in zip(x, x[1:]))
        seam = "  seam step %.5f (median step %.5f, max %.5f)" % (
            abs(x[0] - x[-1]), steps[len(steps) // 2], steps[-1])
    head = max(abs(v) for v in x[:secs(0.005)])
    tail = max(abs(v) for v in x[-secs(0.005):])
    return "%-18s %5.2f s  peak %6.1f dBFS  rms %6.1f dBFS  zc/s %5.0f  ends %.4f/%.4f%s" % (
        name, len(x) / SR, db(peak(x)), db(rms(x)), zero_crossings(x), head, tail, seam)


def credits(files):
    lines = [
        "# Sounds of the base pack",
        "",
        "Every sound in this folder is synthesised by `tools/make_sounds.py` in the",
        "game's repository from numbers alone: filtered noise for breath, pulse",
        "trains through formant filters for voice, sine partials for the interface.",
        "No recordings are used. Run `python3 tools/make_sounds.py` to make them",
        "again (Ogg Vorbis when `oggenc` is installed, WAV otherwise).",
        "",
        "Copyright (C) 2026 The Unsaid developers. Licensed under Creative Commons",
        "Attribution 4.0 International (CC BY 4.0), like the rest of the base pack;",
        "see LICENSE-CC-BY-4.0.md at the top of the repository. Credit: \"Unsaid,",
        "by the Unsaid developers\".",
        "",
        "| file | length | what it is |",
        "| --- | --- | --- |",
    ]
    for fname, seconds, what in files:
        lines.append("| `%s` | %.1f s | %s |" % (fname, seconds, what))
    lines += [
        "",
        "Cues name a sound with `sound:` in a lexicon, places with `ambience:`",
        "(see docs/modding.md, \"Sounds\"). Ambience files loop seamlessly.",
        "",
    ]
    return "\n".join(lines)


def main(argv):
    report = "--report" in argv
    want_wav = "--wav" in argv
    use_ogg = not want_wav and shutil.which("oggenc") is not None
    os.makedirs(OUT_DIR, exist_ok=True)
    files = []
    for index, (name, make, kind, what) in enumerate(SOUNDS):
        x = make(rng_for(name))
        if kind == "loop":
            x = scale(x, min(1.0, 10 ** (-14 / 20.0) / peak(x)))  # keep loops under -14 dBFS
        ext = "ogg" if use_ogg else "wav"
        path = os.path.join(OUT_DIR, "%s.%s" % (name, ext))
        if use_ogg:
            write_ogg(path, x, 0x756e7361 + index, kind == "loop")
        else:
            write_wav(path, x)
        other = os.path.join(OUT_DIR, "%s.%s" % (name, "wav" if use_ogg else "ogg"))
        if os.path.exists(other):
            os.remove(other)  # one file per sound
        files.append(("%s.%s" % (name, ext), len(x) / SR, what))
        if report:
            print(report_line(name, kind, x), "%6.1f KiB" % (os.path.getsize(path) / 1024.0))
    with open(os.path.join(OUT_DIR, "CREDITS.md"), "w", encoding="utf-8") as f:
        f.write(credits(files))
    total = sum(os.path.getsize(os.path.join(OUT_DIR, f)) for f in os.listdir(OUT_DIR))
    print("wrote %d sounds (%s) to %s: %.0f KiB" % (len(files), "Ogg Vorbis" if use_ogg else "WAV",
                                                   os.path.relpath(OUT_DIR), total / 1024.0))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
