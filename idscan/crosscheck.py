"""Check a NIK read from a card against the rest of the card, and mend one digit when they agree.

Digits 7-12 of a NIK are the birth date (day + 40 for women), digits 1-4 the regency: the
printed birth date, sex and header (PROVINSI / KABUPATEN or KOTA, names from the region table the
caller passes in) must say the same. A reading that disagrees is rejected; a single digit that
disagrees while everything else agrees is corrected from the printed evidence.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from typing import Mapping

from .fields import CardFields, similar
from .nik import nik_facts

NAME_MATCH = 0.8  # similarity of a header line and a region name: at least this agrees
NAME_MISMATCH = 0.5  # at most this contradicts; between the two (or a cut-off header) says nothing
CUT_HEADER = True  # a header read as the start of the read code's name mends no region digit (False: measurements)


@dataclass
class Check:
    nik: str | None  # the NIK to use (maybe with one digit corrected), None when rejected
    status: str  # accepted, corrected, unconfirmed (valid but nothing printed to compare), rejected
    agree: tuple[str, ...] = ()  # which checks agreed: date, region
    corrected: int | None = None  # index of the corrected digit


def _norm(name: str) -> str:
    """Upper case, single spaces, and the first word (KABUPATEN or KOTA, often misread in
    small print: "KABLPATEN", "MADUPATEN", "KOTAA") as KAB or KOTA."""
    words = name.upper().replace("KAB.", "KAB ").split()
    if len(words) >= 3 and similar(words[0], "KABUPATEN") < 0.7 and similar(words[0], "KOTA") < 0.75 \
            and similar(words[0] + words[1], "KABUPATEN") >= 0.8:
        # The word split by a misread letter ("KABUL PATEN", "I ABUPATEN"; dev: 3 right NIKs
        # left unconfirmed): one word again.
        words = [words[0] + words[1]] + words[2:]
    if words:
        head = words[0].strip(".:,")
        if head == "KAB" or similar(head, "KABUPATEN") >= 0.7:
            words[0] = "KAB"
        elif similar(head, "KOTA") >= 0.75:
            words[0] = "KOTA"
    return " ".join(words)


def _name_verdict(expected: str, read: str) -> bool | None:
    exp, got = _norm(expected), _norm(read)
    if len(got.replace(" ", "")) < 3:
        return None  # a fragment ("KO" of a header under a thumb) names no region (dev: it rejected a right NIK)
    score = similar(exp, got)
    if score >= NAME_MATCH:
        return True
    cut = " ".join(read.upper().split())
    if len(got) >= 3 and (exp.startswith(got) or " ".join(expected.upper().split()).startswith(cut)):
        return None  # the header cut off (a thumb, the crop's edge)
    return False if score <= NAME_MISMATCH else None


def regency_matches(code: str, regency: str | None, province: str | None, regions: Mapping[str, str]) -> bool | None:
    """Whether the header read on a crop names the regency of `code` (NIK digits 1-4), shared by the
    cross-check and the lone-reading rule. True: the header names this code's regency; False: it names
    another regency or province;
    None: unclear (the province alone cannot confirm a regency code)."""
    if not regency and not province:
        return None
    prov = None
    if province:
        prov = _name_verdict(regions[code[:2]], province) if code[:2] in regions else False
    if prov is False:
        return False
    if regency:
        return _name_verdict(regions[code], regency) if code in regions else False
    return None


def _cut_from(code: str, regency: str, regions: Mapping[str, str]) -> bool:
    """The header line read is the start of this code's regency name, the rest unread: a thumb or
    the crop's edge cut "KABUPATEN KONAWE KEPULAUAN" to "KABUPATEN KONAWE KI". Such a header names
    the read code as well as the shorter neighbour it reads like (Konawe, 7402 for 7412), so it
    mends no region digit (stranger cards, Run 14w: two right codes "corrected" to wrong ones)."""
    if code not in regions:
        return False
    exp, got = _norm(regions[code]), _norm(regency)
    return 3 <= len(got) < len(exp) and similar(exp[:len(got)], got) >= NAME_MATCH


DATE_DIGITS = range(6, 12)  # 0-based NIK positions the printed birth date (and sex) checks


def date_digits(fields: CardFields, nik: str) -> str | None:
    """Digits 7-12 the printed birth date (and sex) call for. With the sex line unread, the NIK's
    own day says which of day / day + 40 is meant: the month and year still have to agree, and
    the day must be one of the two (the sex is small print, unread on many soft frames)."""
    if fields.birth is None:
        return None
    day, month, year = fields.birth
    if fields.sex is None:
        day += 40 if nik[6] in "4567" else 0
    else:
        day += 40 if fields.sex == "P" else 0
    return f"{day:02d}{month:02d}{year % 100:02d}"


def check_nik(fields: CardFields, regions: Mapping[str, str] | None, today: dt.date | None = None) -> Check:
    """Accept, correct or reject the NIK read on one card (or voted across frames)."""
    if fields.nik is None and fields.nik_options:
        # A 17-character run: keep the one reading of it the card confirms, if exactly one is.
        results = [_check_one(replace(fields, nik=o, nik_options=()), regions, today) for o in fields.nik_options]
        good = {c.nik for c in results if c.status in ("accepted", "corrected")}
        if len(good) == 1:
            return next(c for c in results if c.nik in good)
        return Check(None, "rejected")
    return _check_one(fields, regions, today)


def _check_one(fields: CardFields, regions: Mapping[str, str] | None, today: dt.date | None) -> Check:
    nik = fields.nik
    if not nik or len(nik) != 16:
        return Check(None, "rejected")
    agree: list[str] = []
    corrected = None
    want_date = date_digits(fields, nik)
    if want_date is not None:
        diff = [i for i in range(6) if nik[6 + i] != want_date[i]]
        # The printed date is read as fallibly as the NIK: a digit is mended from it only where
        # the NIK itself showed a look-alike letter there.
        if len(diff) == 1 and 6 + diff[0] in fields.nik_doubt:
            corrected = 6 + diff[0]
            nik = nik[:corrected] + want_date[diff[0]] + nik[corrected + 1:]
        elif diff:
            return Check(None, "rejected")
        agree.append("date")
    if regions is not None:
        match = regency_matches(nik[:4], fields.regency, fields.province, regions)
        if match is not True and corrected is None and fields.regency \
                and not (CUT_HEADER and _cut_from(nik[:4], fields.regency, regions)):
            # One misread digit in the region code: the neighbour code whose name is on the header.
            options = []
            for i in range(4):
                for d in "0123456789":
                    code = nik[:i] + d + nik[i + 1:4]
                    if d != nik[i] and code in regions and regency_matches(code, fields.regency, fields.province, regions) is True:
                        options.append((i, code))
            if len(options) == 1:
                corrected = options[0][0]
                nik = options[0][1] + nik[4:]
                match = True
        if match is False:
            return Check(None, "rejected")
        if match:
            agree.append("region")
    facts = nik_facts(nik, regions, today)
    if not facts.valid:
        return Check(None, "rejected")
    if not agree:
        return Check(nik, "unconfirmed")
    return Check(nik, "corrected" if corrected is not None else "accepted", tuple(agree), corrected)
