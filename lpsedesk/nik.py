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
from dataclasses import dataclass, fields
from functools import lru_cache
from pathlib import Path

from idscan.nik import NikFacts, nik_facts

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
class NikInfo(NikFacts):
    """What a NIK says, decoded by the ID engine's `nik_facts` with the region table applied."""

    def mask(self) -> str:
        """Show the region prefix and the serial only, e.g. 3373********0001."""
        return mask_nik(self.nik)


@lru_cache(maxsize=1)
def regions() -> dict[str, str]:
    """Map dotless region code ("33", "3373", "337302") to its name. Loaded once."""
    table: dict[str, str] = {}
    with REGION_CSV.open(newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            table[row["kode"].replace(".", "")] = row["nama"].strip()
    return table


def parse_nik(value: str, *, today: dt.date | None = None) -> NikInfo:
    """Check a NIK; whitespace inside is ignored (people type it in groups).

    The structure is decoded once, by the ID engine's pure `nik_facts` (the card reader and the
    form must agree on what a NIK says); this adds the region table and the core's own type.
    """
    facts = nik_facts("".join(str(value).split()), regions(), today or dt.date.today())
    return NikInfo(**{field.name: getattr(facts, field.name) for field in fields(NikFacts)})


def is_valid_nik(value: str) -> bool:
    return parse_nik(value).valid
