"""A card whose every line both recognisers read right but the name row, which Tesseract and the
names model (RapidOCR, with its letter scores) each read as a test says (ocr_fakes.py's marked lines)."""
from __future__ import annotations

import idscan.rapid

from .ocr_fakes import install, recogniser

REGIONS = {"33": "Jawa Tengah", "3373": "Kota Salatiga", "337301": "Argomulyo"}
NIK = "3373014506900003"  # Salatiga, a woman born 05-06-1990
LINES = ["PROVINSI JAWA TENGAH", "KOTA SALATIGA", f"NIK : {NIK}", None, "SALATIGA, 05-06-1990", "PEREMPUAN", ""]


def sure(text: str) -> list[float]:
    """Letter scores of a reading the names model doubts nowhere."""
    return [0.99] * len(text)


def install_name_row(monkeypatch, *, tess_name: str, model_read: str, scores: list[float] | None = None,
                     model_crops: int = 5) -> None:
    """Tesseract reads the name row as `tess_name` on every crop, the names model as `model_read`
    (with these letter scores; sure() where none given) on the first `model_crops` crops and
    nothing on the others."""
    def said(j: int, name: str) -> str:
        return name if LINES[j] is None else LINES[j]

    def rapid_lines(images):
        out = []
        for img in images:
            k, j = divmod(int(img[0, 0]), 10)
            read = said(j, model_read if k < model_crops else "")
            confs = list(scores) if read == model_read and scores is not None else sure(read)
            idscan.rapid.remember_chars(img, read, confs)
            out.append((read, [90.0]))
        return out

    install(monkeypatch, recogniser(lambda _k, j: said(j, tess_name)), rapid_lines)
