"""Structure of a NIK read from a card, checked against a region table the caller passes in.

Layout: PP RR KK DDMMYY SSSS (province, regency, kecamatan, birth date with day + 40 for women,
serial). The engine holds no region data of its own: the caller (the kiosk, the CLI) passes a
mapping of dotless region code ("33", "3373", "337302") to name, e.g. lpsedesk.nik.regions().
Without a table only the date and the serial can be checked.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Mapping

Regions = Mapping[str, str]


@dataclass(frozen=True)
class NikFacts:
    nik: str
    valid: bool
    error: str | None = None  # length, digits, region, date, serial
    birth_date: dt.date | None = None
    sex: str | None = None  # "L" or "P"
    province: str | None = None
    regency: str | None = None
    kecamatan: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"birth_date": self.birth_date.isoformat() if self.birth_date else None, "sex": self.sex,
                "province": self.province, "regency": self.regency, "kecamatan": self.kecamatan}


def birth_from_digits(day: int, month: int, yy: int, today: dt.date) -> dt.date | None:
    # Two-digit year: 20yy unless that lies in the future, then 19yy.
    for century in (2000, 1900):
        try:
            candidate = dt.date(century + yy, month, day)
        except ValueError:
            continue
        if candidate <= today:
            return candidate
    return None


def nik_facts(nik: str, regions: Regions | None = None, today: dt.date | None = None) -> NikFacts:
    """What a 16-digit NIK says about its holder; valid=False with an error code otherwise."""
    if len(nik) != 16:
        return NikFacts(nik, False, "length")
    if not (nik.isascii() and nik.isdigit()):
        return NikFacts(nik, False, "digits")
    province = regency = kecamatan = None
    if regions is not None:
        province, regency, kecamatan = regions.get(nik[:2]), regions.get(nik[:4]), regions.get(nik[:6])
        if province is None or regency is None:
            return NikFacts(nik, False, "region", province=province)
    day, month, yy = int(nik[6:8]), int(nik[8:10]), int(nik[10:12])
    sex = "L"
    if day > 40:
        day, sex = day - 40, "P"
    born = None
    if 1 <= day <= 31 and 1 <= month <= 12:
        born = birth_from_digits(day, month, yy, today or dt.date.today())
    if born is None:
        return NikFacts(nik, False, "date", province=province, regency=regency, kecamatan=kecamatan)
    if nik[12:] == "0000":
        return NikFacts(nik, False, "serial", born, sex, province, regency, kecamatan)
    return NikFacts(nik, True, None, born, sex, province, regency, kecamatan)
