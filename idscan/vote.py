"""Vote across the frames of one steady card: per character for the NIK, per line for the name.

A webcam frame can lose a digit to noise or a glare band; the next frame rarely loses the same one.
The NIK is filled only when every position has a clear majority and the voted NIK agrees with what
the card prints (crosscheck.py); otherwise nothing is filled and the visitor types it.
"""
from __future__ import annotations

import datetime as dt
from collections import Counter
from difflib import SequenceMatcher
from typing import Mapping

from .crosscheck import Check, check_nik
from .fields import CardFields

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
    for name in ("birth", "sex", "province", "regency"):
        setattr(merged, name, _most_common([getattr(f, name) for f in frames])[0])
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
    centre = max(names, key=lambda n: sum(SequenceMatcher(None, n, m).ratio() for m in names))
    if sum(SequenceMatcher(None, centre, m).ratio() >= 0.7 for m in names) < 2:
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
# agreement alone were wrong (a serial digit every reader misread alike); with the printed birth
# date required as well, 0 of 39 captured runs were (and a third fewer were filled).
REQUIRE_DATE = True
WEIGHT = {"accepted": 2.0, "corrected": 2.0, "unconfirmed": 1.0, "rejected": 0.5}


def vote(frames: list[CardFields], checks: list[Check], regions: Mapping[str, str] | None,
         today: dt.date | None = None) -> tuple[str | None, str | None, Check]:
    """(NIK to fill, name to fill, the check of the voted NIK). A reading the card confirmed
    counts twice, one it contradicts half."""
    candidates = []
    for f, c in zip(frames, checks):
        nik = c.nik or f.nik
        if nik:
            candidates.append((nik, WEIGHT[c.status]))
    if len(candidates) == 1 and max(f.nik_conf for f in frames) < SINGLE_CONF:
        candidates = []
    voted = vote_nik(candidates)
    evidence = merge_fields(frames)
    evidence.nik = voted
    check = check_nik(evidence, regions, today) if voted else Check(None, "rejected")
    nik = check.nik if check.status in ("accepted", "corrected") and (REQUIRE_DATE is False or "date" in check.agree) else None
    name = vote_name([f.name for f in frames if not f.second_opinion]) if nik or any(f.nik for f in frames) else None
    return nik, name, check
