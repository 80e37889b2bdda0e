"""A NIK only the second recogniser read, filled where the card confirms it on two crops.

A lone RapidOCR reading fills nothing by itself (vote.py): RapidOCR scores its misreads as high as
its right readings, and on dev such a reading once filled a misread serial digit. Where Tesseract
read no NIK at all (a soft serif card: "£118..." for the first digit, 15 digits), the card itself
is the only second reader left: the printed birth date read alike on the birth lines of two or
more crops (birth_line.crop_dates) and the header read on two or more crops, both agreeing with
the reading, and no other reading of the NIK line the card does not reject. The later crops'
RapidOCR readings of the NIK line still veto it (reader.py), and so do the vetoes after the vote
(a digit Tesseract disputes, a last digit RapidOCR doubted). docs/idscan.md, Run 17a.
"""
from __future__ import annotations

import re
from typing import Mapping

from .crosscheck import Check, regency_matches
from .fields import CardFields, similar

ON = True  # False: measurements
LEAST_CROPS = 2  # crops whose birth line (RapidOCR) and header (Tesseract) each agree
# The check may lack the header where Tesseract named none: it names the header from the lines above
# the NIK line it placed, and a stray "|" before PROVINSI or a "£" for a serif 1 without the label
# leaves it none, while the header stands on every crop's top lines (dev still run 24, Run 46b).
# confirmed_on_crops reads it there on LEAST_CROPS crops either way; a header naming another
# regency rejects the reading in the check as before. False: measurements.
HEADER_ON_CROPS = True


def lone_reading(frames: list[CardFields], checks: list[Check]) -> tuple[str, Check] | None:
    """The sharpest crop's RapidOCR NIK and its check, where that is the only NIK the card does not
    reject: no Tesseract reading (of any crop, by any cut) is that NIK or another the card accepts."""
    rapid = {(c.nik or f.nik) for f, c in zip(frames, checks) if f.second_opinion and f.crop == 0 and (c.nik or f.nik)}
    if len(rapid) != 1:
        return None
    nik = rapid.pop()
    mine = [c for f, c in zip(frames, checks) if f.second_opinion and f.crop == 0 and (c.nik or f.nik) == nik]
    others = [(f, c) for f, c in zip(frames, checks) if (f.nik or f.nik_options) and (c.nik or f.nik) != nik]
    if any(not f.second_opinion and (c.nik or f.nik) == nik for f, c in zip(frames, checks)):
        return None  # Tesseract read it too: the two recognisers' rules decide (reader._read_alike)
    if any(c.status != "rejected" for _f, c in others):
        return None
    confirmed = [c for c in mine if c.status == "accepted" and confirms(c)]
    if not confirmed or any(c.status == "rejected" for c in mine):
        return None
    return nik, confirmed[0]


def confirms(check: Check) -> bool:
    """The vote's check of the reading agrees with the printed date and the header; or
    (HEADER_ON_CROPS) with the date, no header read beside the NIK line agreeing or disagreeing:
    confirmed_on_crops then asks the header on the crops' top lines."""
    return set(check.agree) == {"date", "region"} or (HEADER_ON_CROPS and set(check.agree) == {"date"})


def _regency_line(f: CardFields) -> str | None:
    """The crop's regency header as Tesseract read it: where it placed no NIK line (and so named
    no header), the first of its top lines that starts with KABUPATEN or KOTA (a later crop's
    lines start at that header: reader.OTHER_LINES)."""
    if f.regency:
        return f.regency
    for text in f.lines[:2]:
        reg = re.sub(r"[^A-Z ]", "", text.upper()).strip()
        words = reg.split()
        if words and (similar(words[0], "KABUPATEN") >= 0.75 or similar(words[0], "KOTA") >= 0.75):
            return reg
    return None


def header_crops(nik: str, own: list[CardFields], regions: Mapping[str, str]) -> int:
    """How many crops' headers (Tesseract's reading of each crop) name the regency of `nik`."""
    return sum(regency_matches(nik[:4], reg, f.province, regions) is True
               for f in own if (reg := _regency_line(f)))


def confirmed_on_crops(nik: str, own: list[CardFields], dates: list, birth: tuple[int, int, int],
                       regions: Mapping[str, str] | None) -> bool:
    """The printed date `birth` read on LEAST_CROPS or more crops' birth lines, and the header
    naming the NIK's regency on LEAST_CROPS or more crops."""
    if not ON or regions is None:
        return False
    return sum(d == birth for d in dates) >= LEAST_CROPS and header_crops(nik, own, regions) >= LEAST_CROPS
