"""Synthetic people for the fifth generator: random syllables for every name (no real person's),
a kecamatan from the region table the engine is given, and a NIK built by the KTP-el's rules."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from lpsedesk.nik import regions

ONSETS = ["b", "c", "d", "g", "h", "j", "k", "l", "m", "n", "ng", "ny", "p", "r", "s", "t", "w", "y", "sy", "kh"]
VOWELS = ["a", "a", "i", "u", "e", "o"]
CODAS = ["", "", "", "n", "ng", "r", "s", "t", "k", "h", "l", "m"]
# Name prefixes a clerk prints as the visitor's family wrote them; kept few so most names are bare.
PREFIXES = ["", "", "", "", "", "MOH. ", "HJ. ", "I GUSTI ", "NI ", "DRS. "]
RELIGIONS = ["ISLAM", "KRISTEN", "KATHOLIK", "HINDU", "BUDHA", "KHONGHUCU"]
MARRIAGE = ["BELUM KAWIN", "KAWIN", "CERAI HIDUP", "CERAI MATI"]
JOBS = ["KARYAWAN SWASTA", "PEGAWAI NEGERI SIPIL", "WIRASWASTA", "PELAJAR/MAHASISWA", "MENGURUS RUMAH TANGGA",
        "PETANI/PEKEBUN", "GURU", "BURUH HARIAN LEPAS", "PEDAGANG", "TENAGA HONORER"]
STREETS = ["JL.", "JLN.", "GG.", "DUSUN", "KOMP.", "PERUM"]
BLOOD = ["A", "B", "AB", "O", "-"]


@dataclass(frozen=True)
class Person:
    name: str
    woman: bool
    born: dt.date
    birthplace: str
    nik: str
    province: str
    regency: str
    kecamatan: str
    village: str
    address: str
    rt_rw: str
    religion: str
    marriage: str
    job: str
    blood: str
    issued: dt.date


@lru_cache(maxsize=1)
def kecamatan_codes() -> tuple[str, ...]:
    """Six-digit kecamatan codes whose regency and province the table names too."""
    table = regions()
    return tuple(sorted(c for c in table if len(c) == 6 and c[:4] in table and c[:2] in table))


def word(rng: np.random.Generator, syllables: tuple[int, int] = (2, 3)) -> str:
    n = int(rng.integers(syllables[0], syllables[1] + 1))
    parts = [str(rng.choice(ONSETS)) + str(rng.choice(VOWELS)) for _ in range(n)]
    parts[-1] += str(rng.choice(CODAS))
    return "".join(parts).upper()


def region_header(code6: str) -> tuple[str, str]:
    """The card's two header lines: the province, and the regency or city as the table names it
    (the city's own word kept; "Kabupaten" printed in full as most cards do)."""
    table = regions()
    province = table[code6[:2]].upper()
    regency = table[code6[:4]].upper()
    if province.startswith("DKI "):
        return f"PROVINSI {province}", regency.replace("KOTA ADMINISTRASI ", "").replace("KOTA ", "")
    return f"PROVINSI {province}", regency


def person(rng: np.random.Generator) -> Person:
    """One synthetic person, every field drawn from rng."""
    code = str(rng.choice(kecamatan_codes()))
    woman = bool(rng.random() < 0.5)
    born = dt.date(1950, 1, 1) + dt.timedelta(days=int(rng.integers(0, 365 * 56)))
    day = born.day + (40 if woman else 0)
    serial = int(rng.integers(1, 10000))
    nik = f"{code}{day:02d}{born.month:02d}{born.year % 100:02d}{serial:04d}"
    words = [word(rng) for _ in range(int(rng.integers(1, 4)))]
    name = (str(rng.choice(PREFIXES)) + " ".join(words)).strip()
    province, regency = region_header(code)
    table = regions()
    issued = dt.date(2012, 1, 1) + dt.timedelta(days=int(rng.integers(0, 365 * 13)))
    return Person(
        name=name, woman=woman, born=born, birthplace=word(rng, (2, 4)), nik=nik, province=province,
        regency=regency, kecamatan=table[code].upper(), village=word(rng, (2, 4)),
        address=f"{rng.choice(STREETS)} {word(rng)} NO. {int(rng.integers(1, 200))}",
        rt_rw=f"{int(rng.integers(1, 20)):03d}/{int(rng.integers(1, 15)):03d}", religion=str(rng.choice(RELIGIONS)),
        marriage=str(rng.choice(MARRIAGE)), job=str(rng.choice(JOBS)), blood=str(rng.choice(BLOOD)), issued=issued)
