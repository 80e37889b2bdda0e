"""Made-up people with structurally valid NIKs built from real region codes.

Names come from syllable lists, so no real person is depicted; NIK serials are
random, so any match with an issued NIK is coincidence.
"""
from __future__ import annotations

import csv
import datetime as dt
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

REGION_CSV = Path(__file__).resolve().parents[2] / "lpsedesk" / "data" / "wilayah_kecamatan.csv"

_ONSETS = ["B", "D", "G", "H", "J", "K", "L", "M", "N", "P", "R", "S", "T", "W", "Y", "SR", "PR"]
_VOWELS = ["A", "I", "U", "E", "O"]
_CODAS = ["", "", "", "N", "NG", "R", "S", "T", "H", "K"]
_RELIGIONS = ["ISLAM", "KRISTEN", "KATHOLIK", "HINDU", "BUDDHA", "KHONGHUCU"]
_JOBS = ["PELAJAR/MAHASISWA", "KARYAWAN SWASTA", "WIRASWASTA", "PEGAWAI NEGERI SIPIL",
         "PETANI/PEKEBUN", "MENGURUS RUMAH TANGGA", "GURU"]
_STREETS = ["JL. MAWAR", "JL. MELATI", "JL. KENANGA", "JL. CEMPAKA", "DUSUN KRAJAN", "JL. FLAMBOYAN"]


@dataclass(frozen=True)
class Person:
    nik: str
    name: str
    birth_place: str
    birth_date: dt.date
    sex: str  # "L" or "P"
    province: str
    regency: str
    kecamatan: str
    village: str
    address: str
    rt_rw: str
    religion: str
    marital: str
    job: str


@lru_cache(maxsize=1)
def region_rows() -> list[tuple[str, str]]:
    with REGION_CSV.open(newline="", encoding="utf-8") as fh:
        return [(r["kode"], r["nama"].strip()) for r in csv.DictReader(fh)]


@lru_cache(maxsize=1)
def _kecamatan_codes() -> list[str]:
    return [code for code, _ in region_rows() if code.count(".") == 2]


def _names() -> dict[str, str]:
    return {code: name for code, name in region_rows()}


def make_word(rng: np.random.Generator, syllables: tuple[int, int] = (2, 3)) -> str:
    n = int(rng.integers(syllables[0], syllables[1] + 1))
    parts = []
    for i in range(n):
        coda = _CODAS[int(rng.integers(len(_CODAS)))] if i == n - 1 else ""
        parts.append(_ONSETS[int(rng.integers(len(_ONSETS)))] + _VOWELS[int(rng.integers(5))] + coda)
    return "".join(parts)


def make_nik(rng: np.random.Generator, kec_code: str, born: dt.date, sex: str) -> str:
    day = born.day + (40 if sex == "P" else 0)
    serial = int(rng.integers(1, 10000))
    return f"{kec_code.replace('.', '')}{day:02d}{born.month:02d}{born.year % 100:02d}{serial:04d}"


def make_person(rng: np.random.Generator) -> Person:
    names = _names()
    codes = _kecamatan_codes()
    kec = codes[int(rng.integers(len(codes)))]
    # Born 1950..2007 so the two-digit year resolves unambiguously (no one under 17 has a KTP).
    born = dt.date(1950, 1, 1) + dt.timedelta(days=int(rng.integers(0, 365 * 57)))
    sex = "P" if rng.random() < 0.5 else "L"
    words = int(rng.integers(1, 4))
    name = " ".join(make_word(rng) for _ in range(words))
    return Person(
        nik=make_nik(rng, kec, born, sex),
        name=name,
        birth_place=names[kec[:5]].replace("Kabupaten ", "").replace("Kota ", "").upper(),
        birth_date=born,
        sex=sex,
        province=names[kec[:2]],
        regency=names[kec[:5]],
        kecamatan=names[kec],
        village=make_word(rng),
        address=f"{_STREETS[int(rng.integers(len(_STREETS)))]} NO. {int(rng.integers(1, 99))}",
        rt_rw=f"{int(rng.integers(1, 20)):03d}/{int(rng.integers(1, 15)):03d}",
        religion=_RELIGIONS[int(rng.integers(len(_RELIGIONS)))],
        marital="KAWIN" if rng.random() < 0.6 else "BELUM KAWIN",
        job=_JOBS[int(rng.integers(len(_JOBS)))],
    )


_NAME_PARTS = ["NUR'AINI", "MA'RUF", "SITI", "ABDUL", "MUHAMMAD", "DEWI", "PUTRI", "AGUS", "SRI", "RAHMAT",
               "JUM'AT", "FATHUR-RAHMAN", "AL-FARISI", "NGABEHI", "KHOIRUN-NISA", "WIDYA-NINGSIH", "O'NEIL"]


def varied_name(rng: np.random.Generator) -> str:
    """Names as they are printed: 1-5 words, some long, some with an apostrophe or a hyphen."""
    words = []
    for _ in range(int(rng.integers(1, 6))):
        if rng.random() < 0.3:
            words.append(_NAME_PARTS[int(rng.integers(len(_NAME_PARTS)))])
        else:
            words.append(make_word(rng, (2, 4)))
    name = " ".join(words)
    while len(name) > 34:  # the longest names still fit the value column at a smaller size
        name = name.rsplit(" ", 1)[0]
    return name


def make_varied_person(rng: np.random.Generator) -> Person:
    from dataclasses import replace

    return replace(make_person(rng), name=varied_name(rng))
