"""Invented KTP holders for the fourth generator: names built from syllables (so no name is a real
person's), a region from the region table the engine receives, and a NIK by the KTP-el's rules:
digits 1-6 the kecamatan's code, 7-12 the birth date DDMMYY with 40 added to a woman's day, 13-16
a serial from 0001."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from lpsedesk.nik import regions

# Syllables put together at random: names that sound Indonesian without being anyone's.
ONSETS = ("B", "D", "G", "H", "J", "K", "L", "M", "N", "P", "R", "S", "T", "W", "Y", "SY", "NG", "")
VOWELS = ("A", "A", "I", "U", "E", "O")
ENDINGS = ("", "", "N", "NG", "H", "R", "T", "S", "L", "K")
# A few real name parts that real cards print often, mixed in: the marks and short words matter.
PARTS = ("MUH.", "NUR", "SITI", "ABDUL", "DWI", "TRI", "SRI", "PUTRI", "BUDI")
JOBS = ("KARYAWAN SWASTA", "WIRASWASTA", "PELAJAR/MAHASISWA", "MENGURUS RUMAH TANGGA", "PEGAWAI NEGERI SIPIL",
        "PETANI/PEKEBUN", "GURU", "BURUH HARIAN LEPAS", "PEDAGANG")
RELIGIONS = ("ISLAM", "ISLAM", "ISLAM", "KRISTEN", "KATOLIK", "HINDU", "BUDHA", "KONGHUCU")
STREETS = ("JL.", "JLN.", "DSN.", "GG.", "PERUM", "KP.")


@dataclass(frozen=True)
class Person:
    nik: str
    name: str
    woman: bool
    born: dt.date
    birthplace: str
    province: str      # as the header prints it, without "PROVINSI"
    regency: str       # "KABUPATEN ..." or "KOTA ..."
    kecamatan: str
    village: str
    street: str
    rt_rw: str
    religion: str
    married: str
    job: str
    blood: str


def word(rng: np.random.Generator, syllables: int) -> str:
    s = "".join(str(rng.choice(ONSETS)) + str(rng.choice(VOWELS)) for _ in range(syllables))
    return s + str(rng.choice(ENDINGS))


def make_name(rng: np.random.Generator) -> str:
    words = []
    for _ in range(int(rng.choice([1, 2, 2, 2, 3, 3]))):
        if rng.random() < 0.12:
            words.append(str(rng.choice(PARTS)))
        elif rng.random() < 0.06:  # an apostrophe inside a word, as in Arabic-born names
            words.append(word(rng, 1) + "'" + word(rng, 1))
        else:
            words.append(word(rng, int(rng.integers(2, 4))))
    if words[-1] == "MUH.":
        words.append(word(rng, 2))
    return " ".join(words)


@lru_cache(maxsize=1)
def kecamatan_codes() -> tuple[str, ...]:
    """Every six-digit kecamatan code of the region table, in a fixed order."""
    return tuple(sorted(k for k in regions() if len(k) == 6))


def printed_regency(name: str) -> str:
    """How a card's second header line names the regency ("Kota Administrasi Jakarta Pusat" is
    printed "JAKARTA PUSAT", as Jakarta's cards name the city alone)."""
    n = name.upper()
    return n.replace("KOTA ADMINISTRASI ", "").replace("KABUPATEN ADMINISTRASI ", "")


def make_person(rng: np.random.Generator) -> Person:
    table = regions()
    code = str(rng.choice(kecamatan_codes()))
    woman = bool(rng.random() < 0.5)
    born = dt.date(1950, 1, 1) + dt.timedelta(days=int(rng.integers(0, 365 * 56)))
    day = born.day + (40 if woman else 0)
    serial = int(rng.integers(1, 1000 if rng.random() < 0.8 else 10000))
    nik = f"{code}{day:02d}{born.month:02d}{born.year % 100:02d}{serial:04d}"
    province = table[code[:2]].upper()
    if code[:2] == "31":
        province = "DKI JAKARTA"
    return Person(
        nik=nik, name=make_name(rng), woman=woman, born=born,
        birthplace=printed_regency(table[code[:4]]).replace("KABUPATEN ", "").replace("KOTA ", ""),
        province=province, regency=printed_regency(table[code[:4]]), kecamatan=table[code].upper(),
        village=word(rng, 2) + (" " + word(rng, 2) if rng.random() < 0.4 else ""),
        street=f"{rng.choice(STREETS)} {word(rng, 2)} NO. {int(rng.integers(1, 120))}",
        rt_rw=f"{int(rng.integers(1, 20)):03d}/{int(rng.integers(1, 15)):03d}",
        religion=str(rng.choice(RELIGIONS)), married=str(rng.choice(["KAWIN", "BELUM KAWIN", "CERAI HIDUP"])),
        job=str(rng.choice(JOBS)), blood=str(rng.choice(["-", "O", "A", "B", "AB"])))
