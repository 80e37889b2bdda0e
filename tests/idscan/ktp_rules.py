"""The KTP-el's NIK rules, checked from the card's meaning for the generators' tests
(tests/idscan/test_stranger_cards.py, test_stranger3_cards.py), reading the region table on its
own rather than through the engine: digits 1-4 a regency or city, 5-6 a kecamatan of it, 7-12 the
birth date DDMMYY with 40 added to the day of a woman, 13-16 a serial that is not 0000."""
from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

TABLE = Path(__file__).resolve().parents[2] / "lpsedesk" / "data" / "wilayah_kecamatan.csv"


def region_names() -> dict[str, str]:
    """Dotted region code ("33.73.02") to its name, as the table spells it."""
    with TABLE.open(newline="", encoding="utf-8") as fh:
        return {row["kode"]: row["nama"] for row in csv.DictReader(fh)}


def assert_obeys_ktp_rules(nik: str, woman: bool, born: dt.date, codes: dict[str, str]) -> None:
    assert len(nik) == 16 and nik.isdigit()
    regency = f"{nik[0:2]}.{nik[2:4]}"
    assert regency in codes and f"{regency}.{nik[4:6]}" in codes
    day, month, year = int(nik[6:8]), int(nik[8:10]), int(nik[10:12])
    assert (day > 40) == woman
    assert dt.date(born.year, month, day - 40 if day > 40 else day) == born and born.year % 100 == year
    assert nik[12:] != "0000"
