"""Whether a voted name is read surely enough to be filled (issue 10: "fill the form only when the
vote is confident ... Otherwise fill nothing").

A garbled name (soft or small rows, letters under a glare band, a first letter lost against the
colon) was returned as read; the visitor checks the form, but a wrong name filled costs trust where
an empty one only asks for typing. The names model scores each letter it reads (0..1) and doubts
at least one letter of most garbled rows. The name is judged by the names model's reading of the
capture most like it: its least sure letter must reach NAME_LEAST. Dev, Run 19r (our dev split, a
fresh draw of our generator, the third generator's dev split; single frames / steady runs): at 0.6
the names returned wrong fall by 22 of 41 / 12 of 29, the right ones by 1 of 118 / 0 of 98; at 0.7
by 27 / 16 against 4 / 2 right ones lost. Marks and spaces are not judged (an apostrophe the model
saw but did not write scores low by design: rapid.with_seen_marks).
"""
from __future__ import annotations

import re
from difflib import SequenceMatcher

NAME_LEAST = 0.6  # the least letter score of the reading most like the name
# A names-model reading this like the voted name (letters only) is a reading of the name row.
LIKE = 0.7


def letters(text: str) -> str:
    """A name's letters alone, as the rules here compare names."""
    return re.sub(r"[^A-Z]", "", text.upper())


def doubts(read: tuple[str, list[float]] | None) -> bool:
    """Whether the names model's reading (text, letter scores) of a row doubted one of its letters
    (scored under NAME_LEAST); False where there is no such reading."""
    if read is None:
        return False
    text, scores = read
    return bool(text) and len(scores) == len(text) and any(ch.isalpha() for ch in text) \
        and _least(text, scores) < NAME_LEAST


def _least(text: str, scores: list[float]) -> float:
    """The least score among a reading's letters (0 where it has none)."""
    return min((s for ch, s in zip(text, scores) if ch.isalpha()), default=0.0)


def least_letter(name: str, readings: list[tuple[str, list[float] | None]]) -> float | None:
    """The least letter score of the names model's reading (text, per-character scores) most like
    `name`; None where no reading of a name row has its scores."""
    own = most_like(name, readings)
    return None if own is None else _least(*own)


def most_like(name: str, readings: list[tuple[str, list[float] | None]]) -> tuple[str, list[float]] | None:
    """The names model's reading (text, per-character scores) most like `name` (ties: the surer
    one); None where no reading of a name row has its scores (a reading with digits is a birth
    line's)."""
    want = letters(name)
    best = None
    for text, scores in readings:
        if not text or scores is None or len(scores) != len(text) or re.search(r"\d", text):
            continue
        key = (SequenceMatcher(None, want, letters(text), autojunk=False).ratio(), _least(text, scores))
        if best is None or key > best[0]:
            best = (key, (text, scores))
    return None if best is None else best[1]


def sure(name: str | None, readings: list[tuple[str, list[float] | None]]) -> bool:
    """Whether `name` may be filled: the reading most like it doubted none of its letters. No
    reading with scores (Tesseract's name alone): no doubt known, the name stands."""
    if not name:
        return False
    least = least_letter(name, readings)
    return least is None or least >= NAME_LEAST


def model_name(name: str | None, readings: list[tuple[str, list[float] | None]], *,
               vote_spaces: bool = False) -> str | None:
    """The names model's own reading in place of the voted `name`, where every reading it made of
    the name row (those LIKE the voted name) is the same text and doubts none of its letters (each
    scored NAME_LEAST or more); else `name` as voted. vote_spaces: the voted name's word spaces
    kept where the model read none (with_spaces).

    The vote mixes in Tesseract's letters and, where the model's reading has no space, its spaces:
    a space put inside a one-word name ("DUJ ABOHO", "PRAY UDETING") or a letter two Tesseract
    readings share outvote the model's one sure reading (SREVONAS for SREYONAS). Dev, Run 20n: 3
    of 163 steady runs and 1 of 207 single frames read right so, none lost. Tesseract's
    apostrophes and hyphens stay where the model read a space or nothing there
    (name_vote.with_marks). Held-out: the model's sure reading glued two words where the vote
    had Tesseract's space right ("PUTRITAROT"), so reader.NAME_MODEL_SURE is off; Run 21n keeps
    the vote's spaces (reader.NAME_MODEL_LETTERS)."""
    from .fields import clean_name
    from .name_vote import drop_label, with_marks

    if not name:
        return name
    row = row_readings(name, readings)
    if not row or len({text for text, _s in row}) != 1:
        return name  # no reading of the row, or readings that differ: the vote stands
    if any(_least(text, scores) < NAME_LEAST for text, scores in row):
        return name
    own = clean_name(drop_label(row[0][0]))
    if own and vote_spaces:
        own = with_spaces(name, own)
    return with_marks(name, own) if own else name


def row_readings(name: str, readings: list[tuple[str, list[float] | None]]) -> list[tuple[str, list[float]]]:
    """The names model's readings of the name row: those (text, letter scores) LIKE `name`, letters
    only (a reading with digits is another line's)."""
    want = letters(name)
    return [(text, scores) for text, scores in readings
            if text and scores is not None and len(scores) == len(text) and _of_row(want, text)]


def _of_row(want: str, text: str) -> bool:
    """Whether the names model's `text` is a reading of the row whose letters are `want`: letters
    only (a reading with digits is another line's), LIKE them."""
    return bool(text) and not re.search(r"\d", text) \
        and SequenceMatcher(None, want, letters(text), autojunk=False).ratio() >= LIKE


def seen_by_model(name: str | None, readings: list[tuple[str, list[float] | None]]) -> bool:
    """Whether the names model read a row like `name` in the capture. Where it read none (it read
    other rows, or a garbled row nothing like Tesseract's letters), the doubt rule (`sure`) would
    judge the name by a reading of another row, or by nothing: "WERA" for DEPALAGI was filled on
    the strength of a sure "T". Such a name is left to the visitor (docs/idscan.md, Run 22n)."""
    if not name:
        return False
    want = letters(name)
    # Scores are not needed to tell the row: a reading without them (a test's recogniser) counts.
    return any(_of_row(want, text) for text, _scores in readings)


def with_spaces(voted: str, own: str) -> str:
    """`own` (the names model's reading) with a word space wherever `voted` has one between two
    letters that `own` reads alike and joins: the model glues two words ("PUTRITAROT") that
    Tesseract's reading, and so the vote, keeps apart (docs/idscan.md, Run 21n). A space of the
    vote among letters the two read differently is not carried over."""
    a, b = letters(voted), letters(own)
    cuts, seen = set(), 0  # cuts: the vote's spaces, as counts of letters before them
    for ch in voted:
        if ch.isalpha():
            seen += 1
        elif ch == " " and 0 < seen < len(a):
            cuts.add(seen)
    places = set()  # the same places counted in `own`'s letters
    for i1, j1, size in SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks():
        # a cut between two letters both read alike (inside one matching block)
        places |= {j1 + c - i1 for c in cuts if i1 < c < i1 + size}
    out, seen = [], 0
    for ch in own:
        if ch.isalpha():
            if seen in places and out and out[-1].isalpha():
                out.append(" ")
            seen += 1
        out.append(ch)
    return "".join(out)


# A plain name as the names model writes it: capitals, two or more words, one space between them.
_PLAIN = re.compile(r"[A-Z]+(?: [A-Z]+)+")


def agreed(readings: list[tuple[str, list[float] | None]]) -> bool:
    """Whether the names model's `readings` so far (its readings of a capture's name row, with
    their letter scores) are two or more, the same plain name (no mark, no digit, its own word
    spaces), each letter scored NAME_LEAST or more: then `sure` and `model_name` judge by that
    reading, and one more crop's reading moves neither (reader._second_names, Run 31o)."""
    if len(readings) < 2 or len({text for text, _s in readings}) != 1:
        return False
    text, _s = readings[0]
    return bool(text and _PLAIN.fullmatch(text)) and all(
        scores is not None and len(scores) == len(text)
        and _least(text, scores) >= NAME_LEAST for _t, scores in readings)
