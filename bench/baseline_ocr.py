"""The previous engine's reader, kept as the benchmark's baseline: fixed NIK and name boxes.

(Was idscan/ocr.py before issue 10; replaced by lines.py + fields.py + reader.py.)

The KTP layout is fixed, so only two small line images are read instead of
running text detection over the whole card. Two engines are supported:
Tesseract (Debian tesseract-ocr, run as a subprocess) and RapidOCR
(rapidocr-onnxruntime, ONNX models shipped in the wheel). See docs/idscan.md
for the measurements behind the default.
"""
from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable

import cv2
import numpy as np

from idscan.nik import nik_facts

# Line boxes as fractions of the card (x0, y0, x1, y1), with slack for print offsets.
NIK_BOX = (0.245, 0.16, 0.71, 0.265)
NAME_BOX = (0.255, 0.272, 0.705, 0.338)
_DIGIT_FIX = str.maketrans({"O": "0", "o": "0", "D": "0", "Q": "0", "I": "1", "l": "1", "i": "1",
                            "|": "1", "!": "1", "L": "1", "Z": "2", "z": "2", "B": "8", "S": "5",
                            "s": "5", "G": "6", "b": "6", "T": "7", "?": "7", "g": "9", "q": "9", "A": "4"})


@dataclass
class OcrText:
    nik: str | None
    name: str | None
    raw_nik: str
    raw_name: str
    engine: str
    rotated: bool = False  # True: read from the crop turned 180 degrees (the card lay upside down)


def _line(crop: np.ndarray, box: tuple[float, float, float, float], height: int = 48) -> np.ndarray:
    h, w = crop.shape[:2]
    x0, y0, x1, y1 = box
    line = crop[int(y0 * h):int(y1 * h), int(x0 * w):int(x1 * w)]
    gray = cv2.cvtColor(line, cv2.COLOR_BGR2GRAY) if line.ndim == 3 else line
    scale = height / gray.shape[0]
    return cv2.resize(gray, (round(gray.shape[1] * scale), height), interpolation=cv2.INTER_CUBIC)


def clean_nik(text: str) -> str | None:
    """Map letter look-alikes to digits and take the 16-digit run."""
    fixed = text.translate(_DIGIT_FIX)
    digits = re.sub(r"[^0-9]", "", fixed.replace(" ", ""))
    m = re.search(r"\d{16}", digits)
    if m:
        return m.group(0)
    return digits[-16:] if len(digits) > 16 else None


def clean_name(text: str) -> str | None:
    text = re.sub(r"^\s*(nama)?\s*[:;.]?\s*", "", text, flags=re.I)
    text = re.sub(r"[^A-Z .,'\-]", "", text.upper().replace("0", "O").replace("1", "I"))
    text = re.sub(r"\s+", " ", text).strip(" .,-'")
    return text or None


@lru_cache(maxsize=1)
def tesseract_path() -> str | None:
    return shutil.which("tesseract")


def _tesseract(img: np.ndarray, whitelist: str, psm: int = 7) -> str:
    ok, png = cv2.imencode(".png", img)
    cmd = [tesseract_path() or "tesseract", "stdin", "stdout", "--psm", str(psm), "-l", "eng",
           "-c", f"tessedit_char_whitelist={whitelist}"]
    # OMP threads would fight the camera loop for the kiosk's 2 cores. The timeout only stops a hung
    # process: 10 s was reached by a plain sheet at load 23 and ended a dev bench half-way (Run 18t).
    out = subprocess.run(cmd, input=png.tobytes(), capture_output=True, timeout=120,
                         env={"OMP_THREAD_LIMIT": "1", "PATH": "/usr/bin:/bin"})
    return out.stdout.decode("utf-8", "replace").strip()


def read_tesseract(crop: np.ndarray) -> OcrText:
    # Both lines in one image: one process start instead of two (start-up dominates).
    nik_img = _line(crop, NIK_BOX)
    name_img = _line(crop, NAME_BOX)
    width = max(nik_img.shape[1], name_img.shape[1]) + 40
    sheet = np.full((nik_img.shape[0] + name_img.shape[0] + 60, width), 255, np.uint8)
    sheet[:] = int(np.median(nik_img))
    sheet[20:20 + nik_img.shape[0], 20:20 + nik_img.shape[1]] = nik_img
    sheet[40 + nik_img.shape[0]:40 + nik_img.shape[0] + name_img.shape[0], 20:20 + name_img.shape[1]] = name_img
    lines = [t for t in _tesseract(sheet, "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ .,'-", psm=6).splitlines() if t.strip()]
    raw_nik = lines[0] if lines else ""
    raw_name = lines[1] if len(lines) > 1 else ""
    return OcrText(clean_nik(raw_nik), clean_name(raw_name), raw_nik, raw_name, "tesseract")


@lru_cache(maxsize=1)
def _rapid() -> Callable | None:
    try:
        from rapidocr_onnxruntime import RapidOCR
    except ImportError:
        return None
    return RapidOCR()


def rapidocr_available() -> bool:
    return _rapid() is not None


def read_rapidocr(crop: np.ndarray) -> OcrText:
    engine = _rapid()
    if engine is None:
        raise RuntimeError("rapidocr-onnxruntime is not installed")
    texts = []
    for box in (NIK_BOX, NAME_BOX):
        res, _ = engine(cv2.cvtColor(_line(crop, box), cv2.COLOR_GRAY2BGR), use_det=False, use_cls=False, use_rec=True)
        texts.append(res[0][0] if res else "")
    return OcrText(clean_nik(texts[0]), clean_name(texts[1]), texts[0], texts[1], "rapidocr")


def available_engines() -> list[str]:
    found = []
    if tesseract_path():
        found.append("tesseract")
    if rapidocr_available():
        found.append("rapidocr")
    return found


def _valid_nik(nik: str | None) -> bool:
    return bool(nik) and nik_facts(nik).valid


def read_card(crop: np.ndarray, engine: str | None = None, *, try_rotated: bool = True) -> OcrText:
    """OCR the NIK and name; engine None picks the first available in preference order.

    If the NIK is missing or not a valid NIK, the crop is read once more turned
    by 180 degrees: the orientation cues can be fooled (glare on the photo and a
    blurred label column at once), the NIK check cannot. The turned reading is
    kept only if its NIK is valid; `rotated` then tells the caller to turn the
    stored crop too.
    """
    engines = [engine] if engine else available_engines()
    # Tesseract first: it keeps the spaces in names, RapidOCR's model drops them.
    if not engines:
        raise RuntimeError("no OCR engine: install tesseract-ocr or rapidocr-onnxruntime")
    reader = {"rapidocr": read_rapidocr, "tesseract": read_tesseract}[engines[0]]
    text = reader(crop)
    if try_rotated and not _valid_nik(text.nik):
        turned = reader(cv2.rotate(crop, cv2.ROTATE_180))
        if _valid_nik(turned.nik):
            turned.rotated = True
            return turned
    return text


def plain_tesseract(crop: np.ndarray) -> tuple[str | None, str | None]:
    """No engine at all: Tesseract's own layout analysis on the whole grey card (psm 6);
    the NIK is the first 16-digit run, the name the line after it."""
    gray = cv2.cvtColor(crop, cv2.COLOR_BGR2GRAY)
    lines = [t for t in _tesseract(gray, "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz .,:'/-", psm=6).splitlines() if t.strip()]
    for i, line in enumerate(lines):
        nik = clean_nik(line.split(":", 1)[-1])
        if nik and len(nik) == 16:
            return nik, clean_name(lines[i + 1].split(":", 1)[-1]) if i + 1 < len(lines) else None
    return None, None
