"""The name from the readings of its row on the crops of one steady card (docs/idscan.md, Run 13b).

Since run 12a PP-OCRv6 reads the name rows (rapid.read_names) and, unlike the older model, reads
the word spaces: its reading is taken with its own spaces (`with_marks`), Tesseract only puts back
an apostrophe or a hyphen the newer model read as a space or dropped (JUM'AT read "JUM AT").

The readings of the crops are voted per character (`vote_names`): each reading aligned to the
most central one, every letter, dropped letter and inserted letter counted (no two readings need
to agree on the whole name, nor on every letter); Tesseract's own reading of the sharpest crop
weighs a little less. A tie keeps the central reading's letter. Readings too unlike one another to
align fill nothing. (Weighing each letter by the recogniser's score gained nothing on dev.)

The "Nama" label printed in small letters and read glued to the name ("NamuSRI", "lamaAGUS") is
dropped by its case (`drop_label`): a KTP prints the name in capitals, its labels in mixed case.
"""
from __future__ import annotations

import re
from collections import defaultdict
from difflib import SequenceMatcher

from .fields import similar

# False: measurements (the older rules: name_pick.merge's respace, vote.vote_name).
ON = True
MARK = re.compile(r"['-]")
# Tesseract's own reading of the sharpest crop's row weighs this against a crop's reading (1.0).
TESS_WEIGHT = 0.8
AGREE = 0.7  # similarity: at least one other reading this close to the central one, or nothing
# An apostrophe or a hyphen one crop's reading has where the others read nothing between the same
# letters is kept (where another read a space, the plain vote decides: dev, MARIA DA'I became
# MARIA'DA'I on one crop's misreading): the recognisers drop a thin mark on a soft row far more often
# than they make one up (run 15c), so two crops reading DAI do not outvote one reading DA'I.
# Tesseract's own reading (TESS_WEIGHT) alone does not put one in. False: measurements.
MARKS_KEPT = True


def with_marks(spaced: str | None, letters: str) -> str:
    """`letters` (the newer model's reading with its own word spaces) with the apostrophes and
    hyphens of `spaced` (Tesseract's reading of the same row) where the newer model has a space
    or nothing between the two letters around Tesseract's mark."""
    if not spaced or not MARK.search(spaced):
        return letters
    out: list[str] = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, spaced, letters, autojunk=False).get_opcodes():
        a, b = spaced[i1:i2], letters[j1:j2]
        if tag == "replace" and MARK.fullmatch(a) and b == " ":
            out.append(a)
        elif tag == "delete":
            if (MARK.fullmatch(a) and out and out[-1][-1:].isalpha()
                    and j1 < len(letters) and letters[j1].isalpha()):
                out.append(a)
        else:
            out.append(b)
    return "".join(out)


# A run of 3-5 letters, all but the first small, glued (or with a colon) to a run of capitals at the start
# of a name row's reading: the label, printed in mixed case ("Nama"), read as "Namu", "Narna", "lama".
_LABEL = re.compile(r"^\s*[A-Za-z][a-z]{2,4}\s*[:;.]?\s*(?=[A-Z]{2})")


def drop_label(text: str) -> str:
    """A name row's reading without the label read glued to the name in its own mixed case."""
    if not ON or not text:
        return text
    m = _LABEL.match(text)
    return text[m.end():] if m else text


def reads_spaces(letters: str | None) -> bool:
    """A reading with word spaces of its own (the newer model's): taken with them."""
    return bool(ON and letters and " " in letters.strip())


def vote_names(own: list[str | None], others: list[str | None] = ()) -> str | None:
    """The name voted from `own` (each crop's reading, sharpest first) and `others` (Tesseract's
    own reading of the sharpest crop's row), per character."""
    readings: list[tuple[str, list[float]]] = []
    for n in own:
        if n:
            readings.append((n, [1.0] * len(n)))
    for n in others:
        if n:
            readings.append((n, [TESS_WEIGHT] * len(n)))
    if not readings:
        return None
    if len(readings) == 1:
        return readings[0][0]
    names = [n for n, _s in readings]
    # The most central reading (closest to all others); ties go to the sharpest crop's.
    centre_at = max(range(len(names)), key=lambda i: (sum(similar(names[i], m) for m in names), -i))
    centre = names[centre_at]
    if sum(similar(centre, m) >= AGREE for m in names) < 2:
        return None  # the readings disagree too much to tell: the visitor types the name
    size = len(centre)
    sub = [defaultdict(float) for _ in range(size)]  # per letter of the centre: letter (or "") -> weight
    ins = [defaultdict(float) for _ in range(size + 1)]  # per gap: inserted text (or "") -> weight
    for at, (name, score) in enumerate(readings):
        if at == centre_at:
            for i in range(size):
                sub[i][centre[i]] += score[i]
            for g in range(size + 1):
                ins[g][""] += _near(score, g)
            continue
        inserted = set()
        for tag, i1, i2, j1, j2 in SequenceMatcher(None, centre, name, autojunk=False).get_opcodes():
            n = min(i2 - i1, j2 - j1)
            for k in range(n):  # equal, or replaced letter for letter as far as both go
                sub[i1 + k][name[j1 + k]] += score[j1 + k]
            for k in range(i1 + n, i2):  # the centre's letters this reading lacks
                sub[k][""] += _near(score, j1 + n)
            if j2 - j1 > n:  # letters only this reading has, after the aligned ones
                gap = i1 + n
                ins[gap][name[j1 + n:j2]] += sum(score[j1 + n:j2]) / (j2 - j1 - n)
                inserted.add(gap)
        for g in range(size + 1):
            if g not in inserted:
                ins[g][""] += _near(score, min(g, len(name)))
    out = []
    for i in range(size + 1):
        top = _marked(ins[i]) or _winner(ins[i], "")
        out.append(top)
        if i < size:
            out.append(_marked(sub[i]) or _winner(sub[i], centre[i]))
    voted = " ".join("".join(out).split())
    return voted or None


def _near(score: list[float], at: int) -> float:
    """The weight of a reading's "nothing here" at position `at`: its neighbours' weights."""
    if not score:
        return 1.0
    near = score[max(0, at - 1):at + 1] or score[-1:]
    return sum(near) / len(near)


def _winner(votes: dict[str, float], keep: str) -> str:
    """The heaviest choice; `keep` (the centre's own) unless another weighs more."""
    best = max(votes.items(), key=lambda kv: (kv[1], kv[0] == keep))
    return best[0] if best[1] > votes.get(keep, 0.0) + 1e-9 else keep


def _marked(votes: dict[str, float]) -> str | None:
    """The mark one crop's reading put where the others read nothing or a space (MARKS_KEPT)."""
    if not MARKS_KEPT:
        return None
    marks = {k: w for k, w in votes.items() if MARK.fullmatch(k) and w >= 1.0}
    if not marks or any(w > 0 and k != "" and k not in marks for k, w in votes.items()):
        return None  # a letter or a space was read there: the plain vote decides
    return max(marks.items(), key=lambda kv: kv[1])[0]
