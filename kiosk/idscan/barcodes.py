"""QR and 1D barcode reading (IKD digital-KTP QR on a phone, visit tickets).

zxing-cpp runs first: on the benchmark scenes it was about twice as fast as
pyzbar and read as many codes (figures in docs/idscan.md). pyzbar (libzbar0)
runs only when zxing-cpp located a symbol but could not decode it, so a code
that zxing misses still gets a second reader, while the common frame with no
code at all does not pay for two decoders.
"""
from __future__ import annotations

import warnings
from typing import Callable

import cv2
import numpy as np

Barcode = dict[str, str]  # {"format": "QRCode" | "Code128" | ..., "text": ...}

try:
    import zxingcpp
except ImportError:  # optional: pyzbar alone still works
    zxingcpp = None

try:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from pyzbar import pyzbar
except (ImportError, OSError):  # OSError: libzbar0 missing
    pyzbar = None

# zbar's names differ from zxing's; report one vocabulary.
_ZBAR_NAMES = {"QRCODE": "QRCode", "CODE128": "Code128", "CODE39": "Code39", "EAN13": "EAN13",
               "EAN8": "EAN8", "UPCA": "UPCA", "UPCE": "UPCE", "I25": "ITF", "PDF417": "PDF417",
               "CODE93": "Code93", "DATABAR": "DataBar", "CODABAR": "Codabar"}


def _gray(img: np.ndarray) -> np.ndarray:
    return cv2.cvtColor(img, cv2.COLOR_BGR2GRAY) if img.ndim == 3 else img


def zxing_scan(img: np.ndarray) -> tuple[list[Barcode], bool]:
    """(decoded codes, whether a symbol was located but failed to decode)."""
    if zxingcpp is None:
        return [], True
    out, failed = [], False
    for r in zxingcpp.read_barcodes(_gray(img), return_errors=True):
        if r.valid and r.text:
            name = getattr(r.format, "name", str(r.format)).replace(" ", "")
            out.append({"format": name, "text": r.text})
        else:
            failed = True
    return out, failed


def read_zxing(img: np.ndarray) -> list[Barcode]:
    return zxing_scan(img)[0]


def read_pyzbar(img: np.ndarray) -> list[Barcode]:
    if pyzbar is None:
        return []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # zbar warns on some malformed symbols
        found = pyzbar.decode(_gray(img))
    return [{"format": _ZBAR_NAMES.get(r.type, r.type), "text": r.data.decode("utf-8", "replace")}
            for r in found]


READERS: dict[str, Callable[[np.ndarray], list[Barcode]]] = {"zxing": read_zxing, "pyzbar": read_pyzbar}
ORDER = ("zxing", "pyzbar")


def _unique(found: list[Barcode]) -> list[Barcode]:
    seen, unique = set(), []
    for b in found:
        key = (b["format"], b["text"])
        if key not in seen:
            seen.add(key)
            unique.append(b)
    return unique


def read_barcodes(img: np.ndarray) -> list[Barcode]:
    """zxing-cpp; pyzbar as the second opinion when zxing saw a symbol it could not read."""
    gray = _gray(img)
    found, failed = zxing_scan(gray)
    if not found and failed:
        found = read_pyzbar(gray)
    return _unique(found)


def read_barcodes_ordered(img: np.ndarray, order: tuple[str, ...] = ORDER) -> list[Barcode]:
    """Codes from the first reader (in order) that finds any; duplicates removed."""
    for name in order:
        found = READERS[name](img)
        if found:
            return _unique(found)
    return []
