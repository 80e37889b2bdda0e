"""Vote across the frames of one steady card: per character for the NIK, per line for the name.

A webcam frame can lose a digit to noise or a glare band; the next frame rarely loses the same one.
The NIK is filled only when every position has a clear majority and the voted NIK agrees with what
the card prints (crosscheck.py); otherwise nothing is filled and the visitor types it.
"""
from __future__ import annotations

import datetime as dt
from collections import Counter
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


def vote_nik(candidates: list[str]) -> str | None:
    """Per-position majority over 16-digit readings; None if any position is unclear."""
    candidates = [c for c in candidates if c and len(c) == 16]
    if not candidates:
        return None
    need = max(1 if len(candidates) == 1 else 2, -(-len(candidates) * MAJORITY // 1))
    out = []
    for i in range(16):
        digit, count = Counter(c[i] for c in candidates).most_common(1)[0]
        if count < need:
            return None
        out.append(digit)
    return "".join(out)


def vote_name(names: list[str | None]) -> str | None:
    names = [n for n in names if n]
    if not names:
        return None
    if len(names) == 1:
        return names[0]
    best, count = Counter(names).most_common(1)[0]
    if count >= 2:
        return best
    # No two frames agree on the whole line: vote per character among the commonest length.
    length, _n = Counter(len(n) for n in names).most_common(1)[0]
    same = [n for n in names if len(n) == length]
    if len(same) < 2:
        return None
    out = []
    for i in range(length):
        ch, c = Counter(n[i] for n in same).most_common(1)[0]
        if c < 2:
            return None
        out.append(ch)
    return "".join(out)


def vote(frames: list[CardFields], checks: list[Check], regions: Mapping[str, str] | None,
         today: dt.date | None = None) -> tuple[str | None, str | None, Check]:
    """(NIK to fill, name to fill, the check of the voted NIK)."""
    candidates = [c.nik if c.nik else f.nik for f, c in zip(frames, checks)]
    if not any(candidates) and any(c.nik for c in checks):
        candidates = [c.nik for c in checks]
    candidates = [c for c in candidates if c]
    if len(candidates) == 1 and max(f.nik_conf for f in frames) < SINGLE_CONF:
        candidates = []
    voted = vote_nik(candidates)
    evidence = merge_fields(frames)
    evidence.nik = voted
    check = check_nik(evidence, regions, today) if voted else Check(None, "rejected")
    nik = check.nik if check.status in ("accepted", "corrected") else None
    name = vote_name([f.name for f in frames]) if nik or any(f.nik for f in frames) else None
    return nik, name, check
