"""The sixth generator's residents: a synthetic person whose NIK agrees with what the card prints
(issue 10). Nobody real: names are put together from the word lists below, the region from the
project's region table, the serial at random."""
from __future__ import annotations

import csv
import datetime as dt
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from lpsedesk.nik import REGION_CSV

# Words seen in Indonesian names, written as a KTP prints them (capitals); none is a whole person.
GIVEN = ("AHMAD", "SITI", "DEWI", "BUDI", "RINA", "AGUS", "SRI", "WAHYU", "YULIANTI", "HENDRA", "RATNA",
         "FAJAR", "INDAH", "SLAMET", "PUTU", "KADEK", "NYOMAN", "WAYAN", "MARIA", "YOHANES", "THERESIA",
         "RAHMAT", "NURUL", "DIAN", "EKO", "TRI", "DWI", "BAMBANG", "LESTARI", "ANDI", "FITRIANI", "ARIF",
         "HARYANTO", "KURNIAWAN", "SETIAWAN", "PRATAMA", "SAPUTRA", "WULANDARI", "HIDAYAT", "NUGROHO",
         "PURNAMA", "SUSANTI", "HASIBUAN", "SIREGAR", "NAINGGOLAN", "LUBIS", "PANJAITAN", "SINAGA",
         "TAMBUNAN", "RUMAPEA", "WATTIMENA", "PATTINAMA", "MANUPUTTY", "ROHMAN", "ZAINAL", "MUSTOFA")
APOSTROPHE = ("MA'RUF", "NI'MAH", "SYAFI'I", "JA'FAR", "MU'AWANAH", "RABI'AH", "NA'IM", "SA'ADAH", "QUR'ANI")
HYPHENED = ("NUR-AINI", "SITI-AMINAH", "ABDUL-KADIR", "AL-FARISI", "AN-NUR", "ROSE-MARY")
INITIALS = ("M.", "MUH.", "MOH.", "H.", "A.", "R.", "HJ.", "I.")
PLACES = ("JAKARTA", "BANDUNG", "SURABAYA", "MEDAN", "MAKASSAR", "SEMARANG", "PALEMBANG", "MALANG",
          "PADANG", "DENPASAR", "AMBON", "KUPANG", "PONTIANAK", "BANJARMASIN", "MANADO", "JAYAPURA", "SOLO")
STREETS = ("JL. MELATI", "JL. MAWAR", "JL. CEMPAKA", "JL. DIPONEGORO", "JL. SUDIRMAN", "GG. MANGGA",
           "JL. KARTINI", "DUSUN KRAJAN", "JL. PAHLAWAN", "PERUM GRIYA ASRI BLOK C", "JL. RAYA TIMUR")
VILLAGES = ("SUKAMAJU", "MEKARSARI", "TANJUNGSARI", "KARANGANYAR", "SIDOMULYO", "BANJARSARI", "PASIR JAYA",
            "KEBONSARI", "WONOREJO", "SUKARAJA", "TELUK PUCUNG", "BATU AMPAR")
RELIGIONS = ("ISLAM", "ISLAM", "ISLAM", "KRISTEN", "KATHOLIK", "HINDU", "BUDDHA", "KONGHUCU")
MARRIAGE = ("BELUM KAWIN", "KAWIN", "KAWIN", "CERAI HIDUP", "CERAI MATI")
JOBS = ("KARYAWAN SWASTA", "WIRASWASTA", "PEGAWAI NEGERI SIPIL (PNS)", "PELAJAR/MAHASISWA",
        "MENGURUS RUMAH TANGGA", "PETANI/PEKEBUN", "GURU", "PEDAGANG", "BURUH HARIAN LEPAS")
BLOOD = ("A", "B", "AB", "O", "-")


@lru_cache(maxsize=1)
def region_table() -> dict[str, str]:
    with REGION_CSV.open(newline="", encoding="utf-8") as fh:
        return {row["kode"].replace(".", ""): row["nama"].strip() for row in csv.DictReader(fh)}


@lru_cache(maxsize=1)
def kecamatan_codes() -> tuple[str, ...]:
    return tuple(sorted(k for k in region_table() if len(k) == 6))


def regency_header(code4: str) -> str:
    """'Kabupaten Aceh Selatan' -> 'KABUPATEN ACEH SELATAN'; 'Kota Medan' -> 'KOTA MEDAN'."""
    return region_table()[code4].upper()


@dataclass(frozen=True)
class Person:
    nik: str
    name: str
    birth_place: str
    birth: dt.date
    female: bool
    blood: str
    address: str
    rt_rw: str
    village: str
    kecamatan: str
    religion: str
    marriage: str
    job: str
    province: str
    regency: str
    issued_at: str
    issued_on: dt.date


def _name(rng: np.random.Generator) -> str:
    words = int(rng.choice([2, 2, 3, 3, 4]))
    out = []
    for i in range(words):
        roll = rng.random()
        if i == 0 and roll < 0.18:
            out.append(str(rng.choice(INITIALS)))
        elif roll < 0.14:
            out.append(str(rng.choice(APOSTROPHE)))
        elif roll < 0.22:
            out.append(str(rng.choice(HYPHENED)))
        else:
            out.append(str(rng.choice(GIVEN)))
    return " ".join(out)


def person(rng: np.random.Generator) -> Person:
    code = str(rng.choice(kecamatan_codes()))
    table = region_table()
    birth = dt.date(1950, 1, 1) + dt.timedelta(days=int(rng.integers(0, 365 * 56)))
    female = bool(rng.random() < 0.5)
    day = birth.day + (40 if female else 0)
    nik = f"{code}{day:02d}{birth.month:02d}{birth.year % 100:02d}{int(rng.integers(1, 2000)):04d}"
    regency = regency_header(code[:4])
    town = regency.replace("KABUPATEN ", "").replace("KOTA ", "")
    issued_on = dt.date(2012, 1, 1) + dt.timedelta(days=int(rng.integers(0, 365 * 14)))
    return Person(
        nik=nik, name=_name(rng),
        birth_place=town if rng.random() < 0.5 else str(rng.choice(PLACES)),
        birth=birth, female=female, blood=str(rng.choice(BLOOD)),
        address=f"{rng.choice(STREETS)} NO. {int(rng.integers(1, 180))}",
        rt_rw=f"{int(rng.integers(1, 20)):03d}/{int(rng.integers(1, 15)):03d}",
        village=str(rng.choice(VILLAGES)), kecamatan=table[code].upper(),
        religion=str(rng.choice(RELIGIONS)), marriage=str(rng.choice(MARRIAGE)), job=str(rng.choice(JOBS)),
        province="PROVINSI " + table[code[:2]].upper(), regency=regency,
        issued_at=town, issued_on=issued_on)
