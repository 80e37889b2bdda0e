"""A letter the names model was not quite sure of, read otherwise by Tesseract on the same row.

The doubt rule (name_sure) fills a name whose every letter the names model scored NAME_LEAST (0.6)
or more. Between that and a sure letter lie the misreads it fills: SINENUBEK's K half under the
photo box read H at 0.78, BUWONG read BUNWONG with an N of its own at 0.76. Tesseract reads the
same row of the same crop with another model; where its reading is one of these letters (LIKE
them, not another row or noise) and reads such a letter otherwise or not at all, the name is left
to the visitor. An I is not disputed: Tesseract writes the bare stroke as L, 1, "!" or "|", or
drops it, and on dev it was the disputed letter of every right name the rule would have refused
(docs/idscan.md, Run 48a). Held out it refused 4 of 14 wrong names and 2 right ones, each a Y that
Tesseract read as V at a low word confidence. Neither is a rule here (Run 48g, 489 fresh dev reads:
13 wrong names refused, 6 right): no disputed Y was read V there, and Tesseract's words read at a low
confidence disputed more wrong names than right ones, so a floor gives back wrong names first.
"""
from __future__ import annotations

import re
from difflib import SequenceMatcher

from .name_sure import letters, most_like

# False: measurements (every name the doubt rule passes is filled, as before Run 48a).
ON = True
# A names-model letter scored under this may be disputed. Dev, Run 48a (282 frames): at 0.9, 3 of
# 16 wrong fills refused and no right one; at 0.95 one right name more refused.
DISPUTE_BELOW = 0.9
# Tesseract's line is a reading of the name row where its letters are this like the name's.
ROW_LIKE = 0.5
UNSETTLED = "I"  # the letter Tesseract's reading cannot settle either way
_STROKES = str.maketrans({"!": "I", "|": "I", "1": "I"})


def tesseract_letters(line: str) -> str:
    """The letters of Tesseract's `line`, its strokes for an I read as an I."""
    return letters(line.translate(_STROKES))


def disputed(name: str, readings: list[tuple[str, list[float] | None]], lines: list[str]) -> bool:
    """Whether Tesseract's reading of the name row (the one of `lines`, the sharpest crop's, most
    like `name`) reads otherwise, or not at all, a letter that the names model's reading most like
    `name` (of `readings`: text, letter scores) scored under DISPUTE_BELOW."""
    if not ON or not name or not lines:
        return False
    own = most_like(name, readings)
    if own is None:
        return False
    text, scores = own
    mine = [(ch, s) for ch, s in zip(text.upper(), scores) if ch.isalpha()]
    want = "".join(ch for ch, _s in mine)
    like, theirs = max(((_like(name, t), t) for t in map(tesseract_letters, lines)), key=lambda pair: pair[0])
    if like < ROW_LIKE:
        return False  # no Tesseract reading of these letters: nothing to dispute with
    alike = set()
    for i, _j, size in SequenceMatcher(None, want, theirs, autojunk=False).get_matching_blocks():
        alike.update(range(i, i + size))
    return any(s < DISPUTE_BELOW and ch not in UNSETTLED and i not in alike
               for i, (ch, s) in enumerate(mine))


def _like(name: str, theirs: str) -> float:
    return SequenceMatcher(None, letters(name), theirs, autojunk=False).ratio()
