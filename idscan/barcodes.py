"""QR and 1D barcode reading (IKD digital-KTP QR on a phone, visit tickets).

zxing-cpp runs first, restricted to the symbologies the desk meets (QR Code
and Code 128 by default; `formats=` widens it) and without the inverted-image
pass: on the benchmark frames that cut its median from ~50 to ~9 ms and its
p95 from ~300 to ~25 ms with the same codes read (Data Matrix alone costs
~20 ms a frame). pyzbar (libzbar0) is the second reader, and only where
zxing-cpp saw a symbol it could not decode: on that symbol's neighbourhood, a
few hundred pixels, never the whole frame. A frame in which zxing-cpp saw no
symbol at all (every KTP frame: the card has no code) costs one decoder, not
two (issue 16: the half-frame pyzbar pass was 5-8 ms of every kiosk frame).
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


DEFAULT_FORMATS = ("QRCode", "Code128")
_ZBAR_SYMBOLS = {v: k for k, v in _ZBAR_NAMES.items()}


def _zxing_formats(formats: tuple[str, ...] | None) -> list:
    return [getattr(zxingcpp.BarcodeFormat, f) for f in formats] if formats else []


def zxing_scan(img: np.ndarray, formats: tuple[str, ...] | None = None,
               fast: bool = False) -> tuple[list[Barcode], list[np.ndarray]]:
    """(decoded codes, corner boxes of symbols located but not decoded).

    formats None reads every symbology; fast skips the inverted-image pass.
    """
    if zxingcpp is None:
        return [], []
    out, failed = [], []
    opts = {"formats": _zxing_formats(formats)} if formats else {}
    for r in zxingcpp.read_barcodes(_gray(img), return_errors=True, try_invert=not fast, **opts):
        if r.valid and r.text:
            name = getattr(r.format, "name", str(r.format)).replace(" ", "")
            out.append({"format": name, "text": r.text})
        else:
            pos = r.position
            failed.append(np.array([[p.x, p.y] for p in (pos.top_left, pos.top_right, pos.bottom_right,
                                                            pos.bottom_left)], np.float32))
    return out, failed


def read_zxing(img: np.ndarray) -> list[Barcode]:
    return zxing_scan(img)[0]


def read_pyzbar(img: np.ndarray, formats: tuple[str, ...] | None = None) -> list[Barcode]:
    if pyzbar is None:
        return []
    symbols = None
    if formats:
        symbols = [getattr(pyzbar.ZBarSymbol, _ZBAR_SYMBOLS[f]) for f in formats if f in _ZBAR_SYMBOLS]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # zbar warns on some malformed symbols
        found = pyzbar.decode(_gray(img), symbols=symbols)
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


def _around(gray: np.ndarray, box: np.ndarray) -> np.ndarray:
    """The symbol's bounding box plus half its size on every side (quiet zone, position error)."""
    h, w = gray.shape[:2]
    x0, y0 = box.min(axis=0)
    x1, y1 = box.max(axis=0)
    mx, my = max(0.5 * (x1 - x0), 24), max(0.5 * (y1 - y0), 24)
    x0, x1 = int(max(0, x0 - mx)), int(min(w, x1 + mx))
    y0, y1 = int(max(0, y0 - my)), int(min(h, y1 + my))
    return gray[y0:y1, x0:x1]


def read_barcodes(img: np.ndarray, formats: tuple[str, ...] | None = DEFAULT_FORMATS) -> list[Barcode]:
    """zxing-cpp first; pyzbar only on symbols zxing-cpp located but could not decode.

    The second reader looks at the neighbourhood of at most three such symbols at full resolution
    (a symbol is "seen" when zxing-cpp found its finder pattern or bars, even unreadable); when
    zxing-cpp saw no symbol at all, nothing else runs. formats: zxing-cpp format names (e.g.
    ("QRCode", "Code128", "EAN13")); None reads all (slower).
    """
    gray = _gray(img)
    if zxingcpp is None:
        return _unique(read_pyzbar(gray, formats))
    found, failed = zxing_scan(gray, formats, fast=True)
    if not found:
        for box in failed[:3]:  # a few located symbols at most: bounded work on a cluttered frame
            roi = _around(gray, box)
            if roi.shape[0] >= 16 and roi.shape[1] >= 16:
                found += read_pyzbar(roi, formats)
    return _unique(found)


def read_barcodes_ordered(img: np.ndarray, order: tuple[str, ...] = ORDER) -> list[Barcode]:
    """Codes from the first reader (in order) that finds any; duplicates removed."""
    for name in order:
        found = READERS[name](img)
        if found:
            return _unique(found)
    return []
