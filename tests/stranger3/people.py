"""Synthetic card holders for the third KTP generator: invented names and addresses, real region
codes and names (lpsedesk/data/wilayah_kecamatan.csv) so the NIK obeys the KTP-el's rules.

Digits 1-4 the regency or city, 5-6 a kecamatan of it, 7-12 the birth date DDMMYY with 40 added
to a woman's day, 13-16 a serial that is never 0000. Nobody here is a real person."""
from __future__ import annotations

import csv
import datetime as dt
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

TABLE = Path(__file__).resolve().parents[2] / "lpsedesk" / "data" / "wilayah_kecamatan.csv"

GIVEN_M = ["AHMAD", "BUDI", "DEDI", "EKO", "FAJAR", "GILANG", "HENDRA", "IRFAN", "JOKO", "KURNIAWAN",
           "LUKMAN", "MUHAMMAD", "NANANG", "OKTA", "PUTU", "RIZKY", "SLAMET", "TAUFIK", "UJANG", "WAHYU",
           "YUSUF", "ZAINAL", "AGUS", "BAMBANG", "DARMAWAN", "ARIF", "KETUT", "MADE", "YOHANES", "ANDREAS"]
GIVEN_F = ["AYU", "BUNGA", "CITRA", "DEWI", "ENDANG", "FITRI", "GITA", "HANI", "INDAH", "JULIA", "KARTIKA",
           "LESTARI", "MAYA", "NUR'AINI", "PUTRI", "RATNA", "SITI", "TUTI", "ULFA", "WULAN", "YULIANA",
           "ZAHRA", "NI LUH", "MARIA", "RAHMAWATI", "SRI", "KOMANG", "ANISA", "DIAN", "SA'DIYAH"]
MIDDLE = ["NUR", "DWI", "TRI", "EKA", "ADI", "PUSPA", "SURYA", "INDRA", "MA'RUF", "ABDUL", "RAHMAT", "WATI",
          "KUSUMA", "PRATAMA", "SARI", "ANGGRAINI", "HIDAYAT", "SETIAWAN", "WIJAYA", "SAPUTRA"]
FAMILY = ["SANTOSO", "WIBOWO", "HARAHAP", "NASUTION", "SIREGAR", "PANJAITAN", "SIMANJUNTAK", "TAMBUNAN",
          "HUTAPEA", "LUBIS", "MANURUNG", "SITUMORANG", "PANGARIBUAN", "RAMADHAN", "HASIBUAN", "GINTING",
          "TARIGAN", "SEMBIRING", "PURBA", "DAULAY", "LATUHARHARY", "PATTIASINA", "WATTIMENA", "MAMONTO",
          "RUMAGIT", "KOLOPAKING", "NAINGGOLAN", "SIHOMBING", "BATUBARA", "ASSEGAF"]
JOBS = ["KARYAWAN SWASTA", "WIRASWASTA", "PELAJAR/MAHASISWA", "PEGAWAI NEGERI SIPIL (PNS)", "PETANI/PEKEBUN",
        "MENGURUS RUMAH TANGGA", "GURU", "PEDAGANG", "BURUH HARIAN LEPAS", "KARYAWAN BUMN", "NELAYAN/PERIKANAN",
        "DOKTER", "PENSIUNAN", "SOPIR", "TIDAK/BELUM BEKERJA"]
RELIGIONS = ["ISLAM"] * 6 + ["KRISTEN", "KATOLIK", "HINDU", "BUDDHA", "KONGHUCU"]
STREETS = ["JL. MERDEKA", "JL. SUDIRMAN", "JL. MAWAR", "JL. MELATI", "JL. PEMUDA", "JL. GAJAH MADA", "DUSUN KRAJAN",
           "JL. DIPONEGORO", "GG. KENANGA", "JL. RAYA", "PERUM GRIYA ASRI", "JL. KH. AHMAD DAHLAN", "KP. CIBODAS",
           "JL. PAHLAWAN", "BTN BUMI INDAH"]
SYLLABLES = ["SU", "KA", "RA", "JA", "MA", "TI", "WO", "NO", "SA", "RI", "MU", "LYO", "BA", "TAN", "GA", "DO",
             "SE", "KAR", "PU", "RWO", "DA", "LI", "NGA", "TU", "KER", "TO"]
BLOOD = ["-", "-", "O", "A", "B", "AB"]


@dataclass(frozen=True)
class Person:
    nik: str
    name: str
    woman: bool
    born: dt.date
    birth_place: str
    province: str      # header line 1, without "PROVINSI"
    regency: str       # header line 2, as the table names it, upper case ("KABUPATEN ..." / "KOTA ...")
    kecamatan: str
    village: str
    street: str
    rt_rw: str
    religion: str
    married: str
    job: str
    blood: str
    issued: dt.date


@lru_cache(maxsize=1)
def region_table() -> dict[str, str]:
    with TABLE.open(newline="", encoding="utf-8") as fh:
        return {row["kode"]: row["nama"].strip() for row in csv.DictReader(fh)}


@lru_cache(maxsize=1)
def _kecamatan_codes() -> list[str]:
    return sorted(k for k in region_table() if k.count(".") == 2)


def header_lines(person: Person) -> tuple[str, str]:
    """The two centred header lines as a KTP-el prints them; Jakarta's cards say "DKI JAKARTA"
    and name the city without "KOTA ADMINISTRASI"."""
    if person.province == "DAERAH KHUSUS IBUKOTA JAKARTA":
        return "PROVINSI DKI JAKARTA", person.regency.replace("KOTA ADMINISTRASI ", "").replace("KABUPATEN ", "")
    return f"PROVINSI {person.province}", person.regency


def _short_place(regency: str) -> str:
    for prefix in ("KABUPATEN ADMINISTRASI ", "KOTA ADMINISTRASI ", "KABUPATEN ", "KOTA "):
        if regency.startswith(prefix):
            return regency[len(prefix):]
    return regency


def _name(rng: np.random.Generator, woman: bool) -> str:
    given = GIVEN_F if woman else GIVEN_M
    parts = [str(rng.choice(given))]
    k = rng.random()
    if k < 0.35:
        parts.append(str(rng.choice(MIDDLE)))
    if k > 0.2:
        parts.append(str(rng.choice(FAMILY)))
    if rng.random() < 0.08 and not woman:
        parts[0] = "MUH."
    name = " ".join(parts)
    return name if len(name) <= 30 else " ".join(parts[:2])


def make_person(rng: np.random.Generator) -> Person:
    table = region_table()
    kec = str(rng.choice(_kecamatan_codes()))
    prov_code, reg_code = kec[:2], kec[:5]
    woman = bool(rng.random() < 0.5)
    born = dt.date(1950, 1, 1) + dt.timedelta(days=int(rng.integers(0, 365 * 57)))
    day = born.day + (40 if woman else 0)
    serial = int(rng.integers(1, 10000))
    if rng.random() < 0.7:
        serial = int(rng.integers(1, 1000))  # most serials are low: few people per kecamatan and day
    nik = f"{kec.replace('.', '')}{day:02d}{born.month:02d}{born.year % 100:02d}{serial:04d}"
    regency = table[reg_code].upper()
    home = _short_place(regency)
    other = _short_place(table[str(rng.choice([k for k in _kecamatan_codes()[::37]]))[:5]].upper())
    village = "".join(rng.choice(SYLLABLES, size=int(rng.integers(2, 4))))
    if rng.random() < 0.3:
        village = f"{village} {rng.choice(['BARAT', 'TIMUR', 'UTARA', 'SELATAN', 'BARU', 'LOR', 'KIDUL'])}"
    street = f"{rng.choice(STREETS)} NO. {int(rng.integers(1, 150))}"
    if rng.random() < 0.3:
        street = f"{rng.choice(STREETS)} {rng.choice(['BLOK', 'GG.'])} {rng.choice(list('ABCDEFG'))}{int(rng.integers(1, 30))}"
    age = 2026 - born.year
    married = "BELUM KAWIN" if age < 22 or rng.random() < 0.25 else str(rng.choice(["KAWIN", "KAWIN", "CERAI HIDUP", "CERAI MATI"]))
    job = "PELAJAR/MAHASISWA" if age < 20 else str(rng.choice(JOBS))
    issued = dt.date(2012, 1, 1) + dt.timedelta(days=int(rng.integers(0, 365 * 13)))
    return Person(nik=nik, name=_name(rng, woman), woman=woman, born=born,
                  birth_place=home if rng.random() < 0.7 else other,
                  province=table[prov_code].upper(), regency=regency, kecamatan=table[kec].upper(),
                  village=village, street=street, rt_rw=f"{int(rng.integers(1, 20)):03d}/{int(rng.integers(1, 15)):03d}",
                  religion=str(rng.choice(RELIGIONS)), married=married, job=job, blood=str(rng.choice(BLOOD)),
                  issued=issued)
