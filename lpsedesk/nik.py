"""Structural check of an Indonesian NIK (Nomor Induk Kependudukan, 16 digits).

Layout: PP RR KK DDMMYY SSSS
  PP RR KK  province, regency/city, kecamatan codes (region CSV without the dots)
  DD        day of birth, +40 for women
  MMYY      month and two-digit year of birth
  SSSS      serial, never 0000

This is a plausibility check only; it cannot tell whether the NIK was issued.
The error codes are machine codes so the web layer can translate them.
"""
from __future__ import annotations

import csv
import datetime as dt
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

REGION_CSV = Path(__file__).resolve().parent / "data" / "wilayah_kecamatan.csv"

#: Error codes returned in NikInfo.error, in the order they are checked.
ERROR_CODES = ("length", "digits", "region", "date", "serial")


MASK_CHAR = "*"


def mask_nik(nik: str | None) -> str:
    """Keep the region prefix (4 digits) and the serial (4 digits); hide the birth date between.

    Idempotent: a NIK already masked by the retention job comes back unchanged.
    """
    if not nik:
        return ""
    nik = "".join(str(nik).split())
    if len(nik) != 16:
        return MASK_CHAR * len(nik)
    return nik[:4] + MASK_CHAR * 8 + nik[12:]


@dataclass(frozen=True)
class NikInfo:
    nik: str
    valid: bool
    error: str | None = None
    birth_date: dt.date | None = None
    sex: str | None = None  # "L" (laki-laki) or "P" (perempuan)
    province: str | None = None
    regency: str | None = None
    kecamatan: str | None = None  # None when the code is unknown (not an error)

    def mask(self) -> str:
        """Show the region prefix and the serial only, e.g. 3373********0001."""
        return mask_nik(self.nik)

    def to_dict(self) -> dict[str, Any]:
        return {
            "birth_date": self.birth_date.isoformat() if self.birth_date else None,
            "sex": self.sex,
            "province": self.province,
            "regency": self.regency,
            "kecamatan": self.kecamatan,
        }


@lru_cache(maxsize=1)
def regions() -> dict[str, str]:
    """Map dotless region code ("33", "3373", "337302") to its name. Loaded once."""
    table: dict[str, str] = {}
    with REGION_CSV.open(newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            table[row["kode"].replace(".", "")] = row["nama"].strip()
    return table


def _birth_date(day: int, month: int, yy: int, today: dt.date) -> dt.date | None:
    # Two-digit year: prefer 20yy unless that lies in the future, then 19yy.
    for century in (2000, 1900):
        try:
            candidate = dt.date(century + yy, month, day)
        except ValueError:
            continue
        if candidate <= today:
            return candidate
    return None


def parse_nik(value: str, *, today: dt.date | None = None) -> NikInfo:
    """Check a NIK; whitespace inside is ignored (people type it in groups)."""
    nik = "".join(str(value).split())
    if len(nik) != 16:
        return NikInfo(nik, False, "length")
    if not (nik.isascii() and nik.isdigit()):
        return NikInfo(nik, False, "digits")
    table = regions()
    province = table.get(nik[:2])
    regency = table.get(nik[:4])
    if province is None or regency is None:
        return NikInfo(nik, False, "region", province=province)
    kecamatan = table.get(nik[:6])
    day, month, yy = int(nik[6:8]), int(nik[8:10]), int(nik[10:12])
    sex = "L"
    if day > 40:
        day, sex = day - 40, "P"
    born = None
    if 1 <= day <= 31 and 1 <= month <= 12:
        born = _birth_date(day, month, yy, today or dt.date.today())
    if born is None:
        return NikInfo(nik, False, "date", province=province, regency=regency,
                       kecamatan=kecamatan)
    if nik[12:] == "0000":
        return NikInfo(nik, False, "serial", born, sex, province, regency, kecamatan)
    return NikInfo(nik, True, None, born, sex, province, regency, kecamatan)


def is_valid_nik(value: str) -> bool:
    return parse_nik(value).valid
