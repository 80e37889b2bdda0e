"""ID capture engine for the kiosk: find a KTP in a webcam frame, judge quality, straighten it,
find its text lines, read NIK and name offline, check the NIK against the card, vote across
frames, and read QR/1D codes. Pure library: numpy, OpenCV, Pillow, the OCR and barcode readers;
the region table comes in as data (a mapping of dotless code to name).

Names are loaded on first use, so `idscan.nik` (pure Python, used by the core's NIK check) can be
imported without OpenCV and the OCR engines.
"""
from __future__ import annotations

from importlib import import_module
from typing import Any

_EXPORTS = {
    "read_barcodes": "barcodes",
    "CROP_H": "card", "CROP_W": "card", "CardDetection": "card", "detect_card": "card", "warp": "card",
    "ImageError": "decode", "decode_image_bytes": "decode",
    "scan_bytes": "engine", "scan_frame": "engine", "scan_picture": "engine",
    "NikFacts": "nik", "nik_facts": "nik",
    "GUIDANCE": "quality",
    "CardReading": "reader", "available_engines": "reader", "read_card": "reader", "read_cards": "reader",
    "ScanResult": "result",
    "MAX_VOTERS": "sequence", "pick_sharpest": "sequence", "scan_sequence": "sequence",
    "CaptureTracker": "tracker", "TrackerState": "tracker",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'idscan' has no attribute {name!r}")
    value = getattr(import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value
