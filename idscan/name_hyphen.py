"""A hyphen the names model read as a word space, put back where its output and the ink agree.

A KTP prints a double name with a hyphen (WIDYA-NINGSIH, FATHUR-RAHMAN). On a soft row the hyphen
is a pale smudge and the names model (rapid.NAME_MODEL) writes a space there, sure of every letter
around it, so the name was filled wrong ("WIDYA NINGSIH"). Its output still gives the hyphen real
probability at that space (~0.1 on dev, where a word space gets under 0.02; Run 46a), and the row
shows what a word space does not: ink at mid height between the two words, with the tops and feet
of the letters' band clear. The hyphen is put back only where both hold (docs/idscan.md, Run 46a).
"""
from __future__ import annotations

import numpy as np

# False: measurements.
ON = True
# The hyphen's probability at a space the model wrote (the higher of its two gaps). Dev, Run 46a
# (frame 0 of 324 cards, four generators): 0.097 and 0.10 where a printed hyphen was read as a
# space; 0.077 at one blurred word space, no other word space over 0.016.
HYPHEN_SEEN = 0.05
# How much darker the middle of the text band is than its top and bottom, where the gap between
# the words shows them clearest, as a share of the row's ink. Dev, Run 46a: printed hyphens
# 0.16-1.0 (0.36 and 0.47 at the two read as a space), word spaces under 0.4 (the highest beside an
# O's curve; the blurred one with the hyphen's odds at 0.16).
HYPHEN_LIFT = 0.3
STRIDE = 8  # input px of the names model (48 px high) per step of its output: a character's column


def with_seen_hyphens(row: np.ndarray, text: str, cols: list[int], odds: list[float]) -> str:
    """`text` (the names model's reading of the grey `row`) with a hyphen in place of each space
    between two letters where the model gave the hyphen HYPHEN_SEEN or more (`odds`: between each
    two characters) and the row shows a stroke at mid height there. `cols`: each character's
    output step. Same length: the scores and columns stay aligned."""
    if not (ON and odds and len(odds) == len(text) - 1 and len(cols) == len(text) and row.ndim == 2):
        return text
    chars = list(text)
    for i in range(1, len(text) - 1):
        if (text[i] == " " and text[i - 1].isalpha() and text[i + 1].isalpha()
                and max(odds[i - 1], odds[i]) >= HYPHEN_SEEN
                and stroke_lift(row, cols[i - 1], cols[i + 1]) >= HYPHEN_LIFT):
            chars[i] = "-"
    return "".join(chars)


def stroke_lift(row: np.ndarray, before: int, after: int) -> float:
    """Between the letters at output steps `before` and `after`: where the top and bottom of the
    text band are clearest (the gap between the words), how much darker its middle is, as a share
    of the row's ink. A hyphen: well above 0. A word space: about 0 (all paper, or
    all one grey on a blurred row)."""
    dark = 255.0 - row.astype(np.float32)
    profile = dark.mean(axis=1)
    inked = np.flatnonzero(profile >= 0.25 * profile.max()) if profile.max() > 0 else []
    if len(inked) < 4:
        return 0.0
    top, bottom = int(inked[0]), int(inked[-1])
    h = bottom - top + 1
    # Capitals: a hyphen sits in the band's middle, clear of the letters' tops and feet.
    middle = dark[top + int(0.3 * h): top + int(0.75 * h) + 1].max(axis=0)
    edge = np.maximum(dark[top: top + int(0.22 * h) + 1].max(axis=0),
                      dark[bottom - int(0.18 * h): bottom + 1].max(axis=0))
    scale = row.shape[0] / 48.0  # the model reads the row resized to 48 px high
    x0 = (before * STRIDE + STRIDE / 2) * scale  # the two letters' middles
    x1 = (after * STRIDE + STRIDE / 2) * scale
    # The gap's middle: a letter's own bar (H, A, E) lies within half a letter of its middle.
    lo, hi = int(x0 + 0.3 * (x1 - x0)), min(int(x1 - 0.3 * (x1 - x0)) + 1, row.shape[1])
    ink = float(np.percentile(dark[top: bottom + 1], 95))
    if hi - lo < 1 or ink <= 0:
        return 0.0
    lift = np.convolve(middle - edge, np.ones(3) / 3, mode="same")[lo:hi]
    clear = edge[lo:hi] <= edge[lo:hi].min() + 0.1 * ink  # where the band's top and bottom show paper
    return float(lift[clear].max() / ink)
