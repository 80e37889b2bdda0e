"""Invented card holders: a name, a birth, a region of the region table and the NIK those give.

The NIK is built from the card's meaning (Permendagri on the KTP-el): digits 1-4 the regency or
city (kabupaten/kota) code, 5-6 a kecamatan of it, 7-12 the birth date DDMMYY with 40 added to the
day for women, 13-16 a serial from 0001. Names are random combinations of common Indonesian given
and family names, so no drawn card is a real person's identity.
"""
from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass
from functools import lru_cache

from lpsedesk.nik import regions

MEN = ("AHMAD", "MUHAMMAD", "BUDI", "AGUS", "RIZKY", "DWI", "EKO", "HENDRA", "YUSUF", "BAMBANG",
       "IRFAN", "FAJAR", "ANDI", "TAUFIK", "GILANG", "WAHYU", "SUTRISNO", "NU'MAN", "MA'RUF",
       "SYAFI'I", "KOMANG", "YOHANES", "PETRUS", "RUDI", "DENI", "SLAMET", "JA'FAR", "IKHSAN",
       "ZULKIFLI", "ARIF", "HASAN", "MARKUS", "KETUT", "DANIEL", "ABDUL", "RAHMAT", "YOGI")
WOMEN = ("SITI", "DEWI", "NUR", "RATNA", "PUTRI", "AYU", "INDAH", "FITRI", "LESTARI", "KHADIJAH",
         "MAR'ATUS", "ROHMAH", "MARIA", "YUNI", "SRI", "WULAN", "ANISA", "NURUL", "RAHMAWATI",
         "SHOLIHAH", "SA'ADAH", "NOVITA", "MELATI", "ELISABETH", "KADEK", "RINA", "TRI", "UMMU")
FAMILY = ("SAPUTRA", "WIBOWO", "SIREGAR", "NASUTION", "HARAHAP", "SIMANJUNTAK", "PRATAMA",
          "KUSUMA", "HIDAYAT", "SETIAWAN", "LUBIS", "PANJAITAN", "SITORUS", "WIJAYA", "HALIM",
          "TAMBUNAN", "MANURUNG", "SURYADI", "PRASETYO", "NAINGGOLAN", "LATUCONSINA", "MAHENDRA",
          "RAMADHAN", "FIRMANSYAH", "HANDAYANI", "NUR-HAYATI", "ABDUL-KARIM", "SRI-WAHYUNI",
          "DA'I", "SUSANTO", "GINTING", "TARIGAN", "PASARIBU", "MOKODOMPIT", "RUMBIAK", "WATTIMENA")
STREETS = ("MERDEKA", "SUDIRMAN", "DIPONEGORO", "MAWAR", "MELATI", "KENANGA", "PAHLAWAN",
           "GATOT SUBROTO", "KH. AHMAD DAHLAN", "CEMPAKA", "SILIWANGI", "RAYA BOGOR", "MANGGA")
VILLAGES = ("SUKAMAJU", "SUKARAME", "KARANG ANYAR", "TANJUNG SARI", "MEKARSARI", "SIDOMULYO",
            "PANDANSARI", "BANJARSARI", "TEGAL REJO", "WONOREJO", "KEBON JERUK", "CIBADAK")
RELIGIONS = ("ISLAM", "ISLAM", "ISLAM", "KRISTEN", "KATOLIK", "HINDU", "BUDDHA", "KONGHUCU")
MARRIAGE = ("BELUM KAWIN", "KAWIN", "KAWIN", "CERAI HIDUP", "CERAI MATI")
JOBS = ("KARYAWAN SWASTA", "WIRASWASTA", "PEGAWAI NEGERI SIPIL", "PELAJAR/MAHASISWA", "PETANI/PEKEBUN",
        "MENGURUS RUMAH TANGGA", "GURU", "PEDAGANG", "BURUH HARIAN LEPAS", "NELAYAN/PERIKANAN")
BLOOD = ("A", "B", "AB", "O", "-", "-")
# Long official province names are printed short on many cards; the others are upper-cased.
SHORT_PROVINCE = {"31": "DKI JAKARTA", "34": "DI YOGYAKARTA"}


@dataclass(frozen=True)
class Person:
    name: str
    nik: str
    woman: bool
    born: dt.date
    birth_place: str
    province: str  # "PROVINSI JAWA BARAT"
    regency: str  # "KABUPATEN BOGOR" / "KOTA BANDUNG"
    kecamatan: str
    village: str
    street: str
    rt_rw: str
    religion: str
    marriage: str
    job: str
    blood: str
    issued: dt.date


@lru_cache(maxsize=1)
def _table() -> tuple[dict[str, str], list[str], dict[str, list[str]]]:
    table = regions()
    kec: dict[str, list[str]] = {}
    for code in table:
        if len(code) == 6:
            kec.setdefault(code[:4], []).append(code)
    regencies = sorted(c for c in kec if c[:2] in table)
    return table, regencies, kec


def _name(rng: random.Random, woman: bool) -> str:
    words = rng.choices((1, 2, 3, 4), weights=(1, 4, 4, 1))[0]
    parts = [rng.choice(WOMEN if woman else MEN)]
    while len(parts) < words:
        pool = FAMILY if len(parts) == words - 1 else (WOMEN if woman else MEN) + FAMILY
        word = rng.choice(pool)
        if word not in parts:
            parts.append(word)
    return " ".join(parts)


def person(rng: random.Random) -> Person:
    table, regencies, kec = _table()
    code = rng.choice(regencies)
    kcode = rng.choice(kec[code])
    woman = rng.random() < 0.5
    born = dt.date(1950, 1, 1) + dt.timedelta(days=rng.randrange(0, 365 * 56))
    day = born.day + (40 if woman else 0)
    nik = f"{kcode}{day:02d}{born.month:02d}{born.year % 100:02d}{rng.randrange(1, 10000):04d}"
    regency = table[code].upper()
    place = rng.choice(regencies)
    birth_place = table[place].upper().replace("KABUPATEN ", "").replace("KOTA ", "")
    return Person(
        name=_name(rng, woman), nik=nik, woman=woman, born=born, birth_place=birth_place,
        province="PROVINSI " + SHORT_PROVINCE.get(code[:2], table[code[:2]].upper()),
        regency=regency, kecamatan=table[kcode].upper(), village=rng.choice(VILLAGES),
        street=f"JL. {rng.choice(STREETS)} NO. {rng.randrange(1, 200)}",
        rt_rw=f"{rng.randrange(1, 20):03d}/{rng.randrange(1, 15):03d}", religion=rng.choice(RELIGIONS),
        marriage=rng.choice(MARRIAGE), job=rng.choice(JOBS), blood=rng.choice(BLOOD),
        issued=dt.date(2012, 1, 1) + dt.timedelta(days=rng.randrange(0, 365 * 13)),
    )
