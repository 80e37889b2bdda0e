"""Which recogniser's letters make the name when the two read the name row too differently to align.

fields.respace puts Tesseract's spaces (and its marks and thin letters) among RapidOCR's letters
where the two readings align; where they do not (similarity under 0.6), it kept Tesseract's
reading. On dev (run 11a, 332 sharpest crops with a name row) Tesseract's reading was the right
one in none of the 45 such rows and RapidOCR's in 5 (a soft or motion-blurred row Tesseract turns
into other words: HARALEN MONIT for GAPALEN POPIR, TT EEE for TUJEBE). There RapidOCR's letters
are taken; its model often reads a line without its word spaces: they are put at the shares of
the way along where Tesseract's reading has them (it counts the words better than it reads them;
the line image's gaps did not tell word spaces from letter gaps on dev's soft rows).
"""
from __future__ import annotations

import numpy as np

from .fields import respace, similar
from .name_line import _WIDTH

# False: measurements (respace alone: Tesseract's reading where the two do not align).
FAR_PICK = True
FAR = 0.6  # respace's own limit: below it the two readings are not aligned


def merge(spaced: str | None, letters: str | None) -> str | None:
    """The name from Tesseract's reading `spaced` and RapidOCR's `letters` of the same row."""
    if not spaced or not letters:
        return spaced
    a, b = spaced.replace(" ", ""), letters.replace(" ", "")
    if not FAR_PICK or not a or similar(a, b) >= FAR:
        return respace(spaced, letters)
    if " " in letters:
        return letters
    return spaced_like(letters, spaced)


def spaced_like(letters: str, spaced: str) -> str:
    """`letters` (no spaces) with a space at each share of the way along where `spaced` (the
    other reading of the row, its words read wrong but mostly counted right) has one, letters
    weighted by their usual width (name_line._WIDTH)."""
    def shares(text: str) -> np.ndarray:
        widths = [_WIDTH.get(ch, 1.0) for ch in text]
        return np.cumsum(widths) / max(1e-9, sum(widths))
    plain = spaced.replace(" ", "")
    if len(letters) < 2 or not plain:
        return letters
    done = shares(plain)
    bounds = shares(letters)[:-1]  # share of the width after each letter
    cuts, n = set(), 0
    for ch in spaced:
        if ch == " " and 0 < n < len(plain):
            cuts.add(int(np.argmin(np.abs(bounds - done[n - 1]))) + 1)
        elif ch != " ":
            n += 1
    out, last = [], 0
    for at in sorted(cuts):
        out.append(letters[last:at])
        last = at
    out.append(letters[last:])
    return " ".join(part for part in out if part)
