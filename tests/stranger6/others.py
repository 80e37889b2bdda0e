"""Cards that are not a KTP, drawn at the KTP's size (ID-1, 85.6 x 54 mm): a SIM (driving licence),
a bank card, a BPJS-like health card and a student card. Numbers on them are random; a bank card's
16 digits look like a NIK at a glance, which is why it is here."""
from __future__ import annotations

import cv2
import numpy as np
from PIL import Image, ImageDraw, ImageFont

from tests.stranger6.card import FONTS, HEIGHT, MM, WIDTH
from tests.stranger6.holders import rounded

KINDS = ("sim", "bank_card", "bpjs", "student_card")


def _digits(rng: np.random.Generator, n: int) -> str:
    return "".join(str(int(d)) for d in rng.integers(0, 10, n))


def other_card(kind: str, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    """(BGR image, mask 0..255) of a card of `kind`."""
    regular, bold = FONTS[str(rng.choice(["liberation", "freesans", "noto"]))]
    grounds = {"sim": (235, 225, 240), "bank_card": (40, 50, 120), "bpjs": (235, 245, 230), "student_card": (250, 250, 245)}
    im = Image.new("RGB", (WIDTH, HEIGHT), tuple(int(c + rng.normal(0, 8)) for c in grounds[kind]))
    d = ImageDraw.Draw(im)
    big, small = ImageFont.truetype(bold, round(3.4 * MM)), ImageFont.truetype(regular, round(2.2 * MM))
    ink = (245, 245, 245) if kind == "bank_card" else (20, 20, 30)
    if kind == "sim":
        d.rectangle([0, 0, WIDTH, 9 * MM], fill=(190, 40, 40))
        d.text((WIDTH / 2, 2 * MM), "SURAT IZIN MENGEMUDI", font=big, fill=(255, 255, 255), anchor="mt")
        lines = ["SIM C", f"No. {_digits(rng, 4)}-{_digits(rng, 4)}-{_digits(rng, 6)}", "1. NAMA : BUDI S.",
                 "2. TEMPAT/TGL LAHIR : BANDUNG, 01-01-1990", "3. ALAMAT : JL. MAWAR 5", "POLDA JAWA BARAT"]
    elif kind == "bank_card":
        d.rounded_rectangle([8 * MM, 18 * MM, 18 * MM, 26 * MM], radius=8, fill=(80, 170, 210))
        d.text((8 * MM, 29 * MM), " ".join(_digits(rng, 4) for _ in range(4)), font=big, fill=ink)
        lines = ["BANK NUSANTARA", "", "", "", "", "", "VALID THRU 08/29", "ANDI PRATAMA"]
    elif kind == "bpjs":
        d.rectangle([0, 0, WIDTH, 10 * MM], fill=(60, 150, 60))
        d.text((WIDTH / 2, 2.5 * MM), "KARTU JAMINAN KESEHATAN", font=big, fill=(255, 255, 255), anchor="mt")
        lines = [f"No. Kartu : {_digits(rng, 13)}", "Nama : SRI LESTARI", f"NIK : {_digits(rng, 16)}",
                 "Tgl. Lahir : 12-03-1985", "Faskes Tingkat I : PUSKESMAS SUKAMAJU", ""]
    else:
        d.rectangle([0, 0, WIDTH, 11 * MM], fill=(30, 60, 140))
        d.text((WIDTH / 2, 3 * MM), "KARTU TANDA MAHASISWA", font=big, fill=(255, 255, 255), anchor="mt")
        lines = ["UNIVERSITAS NUSANTARA", f"NIM : {_digits(rng, 10)}", "Nama : DEWI ANGGRAINI",
                 "Fakultas : TEKNIK", "Berlaku s/d : 2028", ""]
    y = 13 * MM
    for line in lines:
        d.text((6 * MM, y), line, font=small, fill=ink)
        y += 3.8 * MM
    if kind in ("sim", "student_card"):
        d.rectangle([64 * MM, 16 * MM, 81 * MM, 38 * MM], fill=(60, 60, 180))
    mask = (rounded(HEIGHT, WIDTH, round(3.2 * MM)) * 255).astype(np.uint8)
    return cv2.cvtColor(np.asarray(im), cv2.COLOR_RGB2BGR), mask
