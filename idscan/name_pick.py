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
from .name_vote import reads_spaces, with_marks

# False: measurements (respace alone: Tesseract's reading where the two do not align).
FAR_PICK = True
FAR = 0.6  # respace's own limit: below it the two readings are not aligned
# Tesseract puts a space inside a word where two letters stand a little apart (JE BONG, YEK A,
# ME BOHA: dev run 11a, 6 of the 10 sharpest-crop names whose letters were right). RapidOCR's
# model places each letter it reads at a column of its input (one column per 4 px at 48 px
# height): two letters of one word lie 2-3 columns apart, two letters across a word space 4-5
# (dev: 2905 of 3327 letter pairs inside words at <= 3, 66 of 335 across spaces). A space that
# splits off a word of one or two letters is dropped where RapidOCR read the letters on both
# sides of it at most TIGHT columns apart (dev: 6 such spaces, all wrong; none right), unless
# one of those letters is an I (THIN).
# False: measurements.
JOIN_TIGHT = True
TIGHT = 3
SHORT_WORD = 2
THIN = "I"


def merge(spaced: str | None, letters: str | None) -> str | None:
    """The name from Tesseract's reading `spaced` and RapidOCR's `letters` of the same row."""
    if not spaced or not letters:
        return spaced
    if reads_spaces(letters):
        # The newer model read the word spaces itself (name_vote.py, Run 13b): its reading stands,
        # with Tesseract's apostrophes and hyphens where it read a space or nothing.
        return with_marks(spaced, letters)
    a, b = spaced.replace(" ", ""), letters.replace(" ", "")
    if not FAR_PICK or not a or similar(a, b) >= FAR:
        return join_tight(respace(spaced, letters), steps(b))
    if " " in letters:
        return letters
    return join_tight(spaced_like(letters, spaced), steps(b))


def steps(letters: str) -> list[int] | None:
    """Column steps between consecutive letters of `letters` (no spaces) where RapidOCR read
    them so in one of its last readings (rapid.columns); None where it did not."""
    from .rapid import columns

    for text, cols in reversed(list(columns().items())):
        found, at = _letter_columns(text, cols)
        if found == letters and len(at) == len(found):
            return [b - a for a, b in zip(at, at[1:])]
    return None


_AS_LETTER = str.maketrans({"0": "O", "1": "I", "5": "S", "|": "I", "!": "I"})  # as fields.clean_name reads them


def _letter_columns(text: str, cols: list[int]) -> tuple[str, list[int]]:
    """The letters and marks of `text` after its label's colon, as fields.clean_name keeps them
    (without spaces), each with its column; ("", []) without columns."""
    if not cols:
        return "", []
    start = text.rfind(":") + 1
    kept = [(ch, c) for ch, c in zip(text[start:].upper().translate(_AS_LETTER), cols[start:])
            if "A" <= ch <= "Z" or ch in "'-.,"]
    while kept and kept[0][0] in "'-.,":
        kept = kept[1:]
    while kept and kept[-1][0] in "'-.,":
        kept = kept[:-1]
    return "".join(ch for ch, _c in kept), [c for _ch, c in kept]


def join_tight(name: str, steps: list[int] | None) -> str:
    """`name` without the spaces that split off a word of SHORT_WORD letters or fewer where
    RapidOCR read the letters on both sides at most TIGHT columns apart (`steps`: between
    consecutive letters of `name` without its spaces; None: no such reading, `name` stays)."""
    if not JOIN_TIGHT or not steps or " " not in name or len(steps) != len(name.replace(" ", "")) - 1:
        return name
    words = name.split(" ")
    letters = name.replace(" ", "")
    out, n = words[0], len(words[0])
    for k, word in enumerate(words[1:]):
        short = min(len(words[k]), len(word)) <= SHORT_WORD
        # An I stands narrow: its column lies close to its neighbours' across a word space too
        # (I KETUT, NI LUH on the synthetic cards: 3 columns), so a space beside it stays.
        thin = THIN in (letters[n - 1], letters[n]) if 0 < n < len(letters) else True
        out += ("" if short and not thin and steps[n - 1] <= TIGHT else " ") + word
        n += len(word)
    return out


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
