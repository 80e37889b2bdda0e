"""Vote across the frames of one steady card: per character for the NIK and (name_vote.py) the name.

A webcam frame can lose a digit to noise or a glare band; the next frame rarely loses the same one.
The NIK is filled only when every position has a clear majority, the voted NIK agrees with what
the card prints (crosscheck.py) and the two recognisers do not contradict each other; otherwise
nothing is filled and the visitor types it.
"""
from __future__ import annotations

import datetime as dt
from collections import Counter
from difflib import SequenceMatcher
from typing import Mapping

from .crosscheck import DATE_DIGITS, Check, check_nik
from . import name_vote
from .fields import CardFields, similar
from .name_vote import vote_names

MAJORITY = 0.6  # share of the frames' readings a character needs at each position
# With a single reading nothing can outvote a misread serial digit (the cross-checks cannot see
# digits 13-16): it must also be read with this confidence. On dev, right NIKs read 45-93, the one
# wrong NIK that passed every check 50.
SINGLE_CONF = 60.0


def _most_common(values: list) -> tuple[object, int]:
    values = [v for v in values if v]
    if not values:
        return None, 0
    return Counter(values).most_common(1)[0]


def merge_fields(frames: list[CardFields]) -> CardFields:
    """The printed evidence (birth date, sex, header) most frames agree on."""
    merged = CardFields()
    for name in ("sex", "province", "regency"):
        setattr(merged, name, _most_common([getattr(f, name) for f in frames])[0])
    # The date per part: three frames that read 27-02-1958, 27-03-1958 and 27-03-1988 agree on
    # 27-03-1958 though no two of them agree on the whole date.
    births = [f.birth for f in frames if f.birth]
    if births:
        parts = [_most_common([b[k] for b in births]) for k in range(3)]
        if len(births) == 1 or all(n >= 2 for _v, n in parts):
            merged.birth = tuple(v for v, _n in parts)
        else:
            merged.birth = _most_common(births)[0]
    return merged


def vote_nik(candidates: list[str] | list[tuple[str, float]]) -> str | None:
    """Per-position weighted majority over 16-digit readings; None if any position is unclear.

    A candidate is a string (weight 1) or (string, weight). Each position's winner needs MAJORITY
    of the total weight and, with more than one reading, the weight of two readings."""
    weighted = [(c, 1.0) if isinstance(c, str) else c for c in candidates]
    weighted = [(c, w) for c, w in weighted if c and len(c) == 16 and w > 0]
    if not weighted:
        return None
    total = sum(w for _c, w in weighted)
    need = max(MAJORITY * total, 2.0 if len(weighted) > 1 else 0.0)
    out = []
    for i in range(16):
        score: Counter = Counter()
        for c, w in weighted:
            score[c[i]] += w
        digit, got = score.most_common(1)[0]
        if got < need - 1e-9:
            return None
        out.append(digit)
    return "".join(out)


def vote_name(names: list[str | None]) -> str | None:
    """The line most readings agree on; else a per-character vote aligned on the most central
    reading (the one closest to all others), so that no two frames need to read the whole name
    alike for a letter one frame got wrong to be outvoted."""
    names = [n for n in names if n]
    if not names:
        return None
    if len(names) == 1:
        return names[0]
    best, count = Counter(names).most_common(1)[0]
    if count >= 2:
        return best
    centre = max(names, key=lambda n: sum(similar(n, m) for m in names))
    if sum(similar(centre, m) >= 0.7 for m in names) < 2:
        return None  # the readings disagree too much to tell
    votes = [Counter({ch: 1}) for ch in centre]
    for other in names:
        if other is centre:
            continue
        for tag, i1, i2, j1, j2 in SequenceMatcher(None, centre, other, autojunk=False).get_opcodes():
            if tag == "equal" or (tag == "replace" and i2 - i1 == j2 - j1):
                for k in range(i2 - i1):
                    votes[i1 + k][other[j1 + k]] += 1
    out = []
    for i, v in enumerate(votes):
        ch, n = v.most_common(1)[0]
        ch = ch if n > v[centre[i]] else centre[i]
        if v[ch] < 2:
            return None  # a letter no two readings agree on: the visitor types the name
        out.append(ch)
    return "".join(out)


# The region check alone leaves digits 5-16 unchecked: on dev, 2 of 14 NIKs filled on region
# agreement alone were wrong (a serial digit every reader misread alike). So a NIK is filled when
# the printed birth date agrees too, or when both recognisers read exactly this NIK (see
# _engines_confirm; on dev 129 captured runs: 51 % filled with the date alone, 81 % with either,
# no wrong fill). REQUIRE_DATE = False would fill on the region alone (measurements only).
REQUIRE_DATE = True
# Where two recognisers read the NIK line and one of them disagrees with the vote, nothing is
# filled (dev: the only 2 wrong fills of 129 runs were one engine's alike misread in every frame).
ENGINES_AGREE = True
LATER_VETO = True  # False: measurements without the later crops' veto
# A second-recogniser reading the card rejects that is the voted NIK one place shifted (the same
# digits in the same order) says nothing against it: it does not veto a NIK the printed date and
# header confirm, whoever read the date (dev still run 8: RapidOCR read a glared card's line right and,
# on another cut, with the colon taken in as a 1; docs/idscan.md, Run 43k). False: measurements.
SHIFTED_NO_VETO = True
WEIGHT = {"accepted": 2.0, "corrected": 2.0, "unconfirmed": 1.0, "rejected": 0.5}


def _engines_confirm(nik: str, frames: list[CardFields], checks: list[Check]) -> bool:
    """Both recognisers read exactly this NIK: the printed birth date (small print, unread on many
    soft or dim frames) is not needed then. Two engines with different models rarely misread a
    digit alike; one engine's frames are near copies of one another and often do."""
    def read(second: bool) -> set:
        return {c.nik or f.nik for f, c in zip(frames, checks) if f.second_opinion is second and (c.nik or f.nik)}
    return nik in read(False) and read(True) == {nik}


SEEN = set(range(0, 4)) | set(DATE_DIGITS)  # NIK positions the header (regency) and the date check


def misread_line(voted: str, read: str | None) -> bool:
    """A reading of the NIK line whose difference from `voted` the card explains: it differs only
    at digits the header and date check (where the card sides with `voted`), or it is `voted`
    shifted by one place (a digit of the label or the photo box's edge taken in: every digit
    moved). A reading that differs at a kecamatan or serial digit too may be the right one there:
    nothing on the card tells (tests: Tesseract's serial 7 beside RapidOCR's misread year)."""
    if not read or len(read) != 16:
        return False
    if all(a == b for i, (a, b) in enumerate(zip(voted, read)) if i not in SEEN):
        return True
    return read[1:] == voted[:-1] or read[:-1] == voted[1:]


def shifted_line(voted: str, read: str | None) -> bool:
    """A reading of the NIK line that is `voted` one place shifted: the same digits in the same
    order, a label's colon or the photo box's edge taken in at one end and a digit lost at the other."""
    return bool(read) and len(read) == 16 and (read[1:] == voted[:-1] or read[:-1] == voted[1:])


def _card_overrules(voted: str, frames: list[CardFields], checks: list[Check], regions: Mapping[str, str] | None,
                    today: dt.date | None, explains=misread_line) -> bool:
    """Every second-recogniser reading other than `voted` is one the card rejects and that says
    nothing against `voted` where the card cannot see (`explains`: misread_line), and the printed
    date and header (the crops' merged evidence) confirm `voted` itself."""
    if regions is None:
        return False
    others = [(f.nik, c) for f, c in zip(frames, checks) if f.second_opinion and (c.nik or f.nik) and (c.nik or f.nik) != voted]
    if not others or any(c.status != "rejected" or not explains(voted, read) for read, c in others):
        return False
    evidence = merge_fields([f for f in frames if not f.second_opinion])
    evidence.nik = voted
    own = check_nik(evidence, regions, today)
    return own.status == "accepted" and own.nik == voted and set(own.agree) == {"date", "region"}


def _later_crops_object(nik: str, frames: list[CardFields]) -> bool:
    """The second recogniser read other digits on the NIK line of a later crop of the run."""
    return any(f.second_opinion and f.crop > 0 and f.nik and f.nik != nik for f in frames)


# A digit RapidOCR read with less than this confidence (its per-character score, 0..1) and that
# Tesseract's digits-only reading of the same line reads otherwise is in doubt. Dev, 344 single
# frames filled without the printed date: the one wrong fill's disputed digit scored 0.54, the right
# fills' disputed digits 0.80-1.00 (docs/idscan.md, Run 10).
DOUBT = 0.7


def disputed(nik: str, other: str | None, confs: list[float] | None) -> bool:
    """Whether another reading of the NIK line differs from `nik` at a digit the recogniser that
    read `nik` was itself unsure of (confs: its confidence per digit of `nik`). A difference at a
    digit it read sure is the other reader's slip (Tesseract drops or misreads the first digit on
    many right fills), not a reason to refuse."""
    if not other or len(other) != 16 or other == nik or not confs or len(confs) != 16:
        return False
    return any(a != b and c < DOUBT for a, b, c in zip(nik, other, confs))


def later_crops_may_veto(nik: str | None, check: Check) -> bool:
    """Whether the later crops' NIK readings could change this outcome of vote(): only a fill
    without the printed date can be vetoed (reader.read_cards reads them only then)."""
    return bool(nik) and "date" not in check.agree and LATER_VETO


def vote(frames: list[CardFields], checks: list[Check], regions: Mapping[str, str] | None,
         today: dt.date | None = None, *, overrule: bool = False) -> tuple[str | None, str | None, Check]:
    """(NIK to fill, name to fill, the check of the voted NIK). A reading the card confirmed
    counts twice, one it contradicts half.

    overrule: a second-recogniser reading the card rejects (its birth digits or region code
    disagree with the printed date or header) does not veto a voted NIK the date and header both
    confirm. Only for a date the other recogniser read (reader._birth_of_crops: RapidOCR's reading
    of the crops' birth lines): where Tesseract read the NIK and the date, one misread year of
    its own can confirm its misread NIK and reject RapidOCR's right one (docs/idscan.md, Run 17a)."""
    # RapidOCR's readings of the 2nd..nth crop's NIK line only veto (below): two of them alike
    # are no second recogniser (near copies of one crop's pixels; on dev two crops read a serial
    # 2 as 7 alike), so they never fill a NIK themselves.
    every = frames
    kept = [k for k, f in enumerate(frames) if not (f.second_opinion and f.crop > 0)]
    frames, checks = [frames[k] for k in kept], [checks[k] for k in kept]
    candidates = []
    for f, c in zip(frames, checks):
        nik = c.nik or f.nik
        if nik:
            candidates.append((nik, WEIGHT[c.status]))
    # A lone reading by the second recogniser has no confidence to go by (RapidOCR scores its
    # misreads as high as its right readings): on dev it filled a misread serial digit that the
    # printed date could not see. It fills nothing alone.
    lone = [f for f in frames if (f.nik or f.nik_options)]
    if len(candidates) == 1 and (max(f.nik_conf for f in frames) < SINGLE_CONF
                                 or all(f.second_opinion for f in lone)):
        candidates = []
    voted = vote_nik(candidates)
    if voted and ENGINES_AGREE:
        # Frames read by one engine are near copies of one another and share its blind spots
        # (on dev, Tesseract read a 3 as 7 in all three frames, RapidOCR read it right): where a
        # second engine read the line, its reading must be the voted NIK.
        seconds = {c.nik or f.nik for f, c in zip(frames, checks) if f.second_opinion and (c.nik or f.nik)}
        if (seconds and seconds != {voted} and not (overrule and _card_overrules(voted, frames, checks, regions, today))
                and not (SHIFTED_NO_VETO and _card_overrules(voted, frames, checks, regions, today, shifted_line))):
            voted = None
    # A second opinion carries its frame's printed evidence: counted once, not twice.
    evidence = merge_fields([f for f in frames if not f.second_opinion])
    evidence.nik = voted
    check = check_nik(evidence, regions, today) if voted else Check(None, "rejected")
    births = [f.birth for f in frames if f.birth and not f.second_opinion]
    if voted and check.status == "rejected" and len(births) == 1:
        # A date read in a single frame that contradicts the vote is more likely the misread one
        # (a 1984 read as 1964): it is left out, and the NIK needs the engines' agreement instead.
        evidence.birth = None
        check = check_nik(evidence, regions, today)
    nik = None
    if check.status in ("accepted", "corrected"):
        if "date" in check.agree or REQUIRE_DATE is False:
            nik = check.nik
        elif "region" in check.agree and _engines_confirm(check.nik, frames, checks):
            nik = check.nik
    if later_crops_may_veto(nik, check) and _later_crops_object(nik, every):
        # Filled on the region and the engines' agreement on the sharpest crop alone: the
        # digits 5-16 rest on that one crop's pixels (on 63 further dev runs both engines read
        # a 1980 as 1960 there; a later crop, read by RapidOCR, said 1980). Any later crop
        # that reads otherwise leaves the field to the visitor (dev: 1 right fill of 192 lost,
        # the 1 wrong fill gone).
        nik = None
    # Frame 0's name is RapidOCR's letters with Tesseract's spaces (reader._second_opinions); its
    # second-opinion copy keeps Tesseract's own reading of that line, a further voter when other
    # frames were read (alone beside frame 0 it would only turn one reading into a tie).
    names = [f.name for f in frames if not f.second_opinion]
    others = [f.name for f in frames if f.second_opinion] if len([n for n in names if n]) >= 2 else []
    # A name only from a card whose NIK line was found (by its digits, its label or its place
    # under the header): without it the "name" may be any line of any paper.
    found = nik or any(f.nik or f.nik_line is not None for f in frames)
    # Per character, weighed by the letters' scores (name_vote.py, Run 13b).
    name = (vote_names(names, others) if name_vote.ON else vote_name(names + others)) if found else None
    return nik, name, check
