"""scan_frame / scan_bytes: one call per camera frame or uploaded image."""
from __future__ import annotations

import time

import cv2
import numpy as np

from .barcodes import read_barcodes
from .card import detect_card, warp
from .decode import ImageError, check_frame, decode_image_bytes
from .finger import finger_on_nik
from .flat import whole_picture_card
from .nik import Regions, nik_facts
from .card_look import looks_like_ktp
from .quality import glare, glare_on_text, guidance, sharpness, smeared
from .reader import CardReading, read_card
from .result import ScanResult
from . import blurry_wait
from . import threads  # noqa: F401  (OpenCV's pool of one thread, set on import: threads.py)


def _apply_ocr(result: ScanResult, crop: np.ndarray, engine: str | None, regions: Regions | None) -> None:
    try:
        reading = read_card(crop, engine, regions)
    except (RuntimeError, OSError) as exc:  # engine missing or crashed: report, do not fail the scan
        result.error = "ocr_unavailable" if "no OCR engine" in str(exc) or "not installed" in str(exc) else "ocr_failed"
        return
    except Exception:  # subprocess timeout and the like
        result.error = "ocr_failed"
        return
    if reading.rotated and result.corners is not None:
        # The NIK read only with the crop turned over: the layout cues had the card upside down.
        result.crop = cv2.rotate(crop, cv2.ROTATE_180)
        result.corners = result.corners[2:] + result.corners[:2]
    apply_reading(result, reading, regions)


def apply_reading(result: ScanResult, reading: CardReading, regions: Regions | None) -> None:
    """Put what the card gave into the result: only what passed the checks is filled."""
    result.name = reading.name
    result.nik = reading.nik
    result.nik_status = reading.status
    result.read_from_card = list(reading.read_from_card)
    if reading.nik:
        info = nik_facts(reading.nik, regions)
        if info.valid:
            result.nik_info = info.to_dict()
            result.confidence = 1.0


def scan_frame(frame: np.ndarray, *, ocr: bool = False, barcodes: bool = True,
               ocr_engine: str | None = None, regions: Regions | None = None,
               whole_picture: bool = False) -> ScanResult:
    """Analyse one BGR frame. OCR runs only when asked and a card is fully in frame.

    whole_picture: the frame is a photo or scan that may be all card (an upload or a file, never a
    camera frame); where no card stands wholly in it, the picture itself is tried as one (flat.py)."""
    t0 = time.perf_counter()
    try:
        frame = check_frame(frame)
    except ImageError as exc:
        return ScanResult(error=exc.code, ms=(time.perf_counter() - t0) * 1000)
    result = ScanResult()
    ktp, on_text = True, True
    gray = cv2.cvtColor(frame, cv2.COLOR_BGR2GRAY)  # shared by card detection and the barcode readers
    det = detect_card(frame, gray)
    if whole_picture and (det is None or not det.in_frame):
        # an upload: a scan's pale card whose lower side is no step on the white lid (Run 19d)
        det = detect_card(frame, gray, three_sides=True) or det
    if whole_picture and (det is None or not det.in_frame):
        det = whole_picture_card(frame, gray) or det
    if det is not None:
        result.card = True
        result.corners = [[round(float(x), 1), round(float(y), 1)] for x, y in det.corners]
        result.in_frame = det.in_frame
        result.size = det.area_share
        result.confidence = round(det.support, 3)
        if det.in_frame:
            # Quality of a partly visible card would describe the border fill, not the card.
            crop = warp(frame, det.corners)
            result.sharpness = sharpness(crop)
            result.glare = glare(crop)
            result.smeared = smeared(crop)
            result.crop = crop
            ktp, on_text = looks_like_ktp(crop), glare_on_text(crop, result.glare)
    result.guidance = guidance(result.card, result.in_frame, result.size, result.sharpness, result.glare,
                               result.smeared, ktp, on_text)
    if result.guidance == blurry_wait.BLURRY and not blurry_wait.shows_print(result.crop):
        # A blurred card with no print (a plain bank card, a pale rectangle) is waited out and
        # captured as too blurry: say what it is instead (blurry_wait.py, Run 26b).
        result.guidance = "not_ktp"
    if result.guidance == "ready" and finger_on_nik(result.crop):  # only asked of a frame otherwise ready
        result.guidance = "finger_on_text"
    if barcodes:
        result.barcodes = read_barcodes(gray)
    if ocr and result.crop is not None:
        _apply_ocr(result, result.crop, ocr_engine, regions)
    result.ms = (time.perf_counter() - t0) * 1000
    return result


def scan_bytes(data: bytes, *, ocr: bool = False, barcodes: bool = True,
               ocr_engine: str | None = None, regions: Regions | None = None) -> ScanResult:
    """Decode untrusted image bytes (a photo or scan: it may be all card) and scan them; bad input
    gives result.error."""
    t0 = time.perf_counter()
    try:
        frame = decode_image_bytes(data)
    except ImageError as exc:
        return ScanResult(error=exc.code, ms=(time.perf_counter() - t0) * 1000)
    result = scan_frame(frame, ocr=ocr, barcodes=barcodes, ocr_engine=ocr_engine, regions=regions,
                        whole_picture=True)
    result.ms = (time.perf_counter() - t0) * 1000
    return result
