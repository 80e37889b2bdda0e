"""scan_frame / scan_bytes: one call per camera frame or uploaded image."""
from __future__ import annotations

import math
import time

import cv2
import numpy as np

from .barcodes import read_barcodes
from .card import CROP_W, detect_card, warp
from .decode import ImageError, check_frame, decode_image_bytes, fit_scale
from .finger import FINGER_ASKED, finger_on_nik
from .flat import whole_picture_card
from .nik import Regions, nik_facts
from .card_look import looks_like_ktp
from .quality import SPOT, glare, glare_on_text, guidance, sharpness, smeared, spot_on_text
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
    det = detect_card(frame, gray, by_print=not whole_picture)
    if whole_picture and (det is None or not det.in_frame):
        # an upload: a scan's pale card whose lower side is no step on the white lid (Run 19d), else its print
        det = detect_card(frame, gray, three_sides=True, by_print=True) or det
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
    if result.guidance == "ready" and spot_on_text(result.crop, result.glare):
        # A lamp's spot over the NIK or the name: the kiosk asks to tilt, waits, then captures as it is (Run 36w).
        result.guidance = SPOT
    if result.guidance in FINGER_ASKED and finger_on_nik(result.crop):  # any frame the kiosk captures (Run 41a)
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
    result = scan_picture(frame, ocr=ocr, barcodes=barcodes, ocr_engine=ocr_engine, regions=regions)
    result.ms = (time.perf_counter() - t0) * 1000
    return result


def scan_picture(frame: np.ndarray, *, ocr: bool = False, barcodes: bool = True,
                 ocr_engine: str | None = None, regions: Regions | None = None) -> ScanResult:
    """A photo or scan larger than a camera frame, scanned at a camera frame's size first.

    The engine's sizes and thresholds (the card's edge support, sharpness, the text's closing
    kernel, the line heights OCR is given) are measured on the kiosk camera's 1280x720 frames. A
    phone's 12-50 MP photo held them at three to six times that: a soft photo was told too blurry
    and a card before a bright wall was not found (Run 27p). So the picture is brought to a camera
    frame's pixel count first; only when that reads less is the full picture scanned too (a card
    small in a large photo keeps its pixels), and the scan that read more is kept. Corners are
    given in the picture's own pixels; barcodes are read on the full picture (a small symbol)."""
    scale = camera_scale(frame.shape[1], frame.shape[0])
    if scale >= 1.0:
        return scan_frame(frame, ocr=ocr, barcodes=barcodes, ocr_engine=ocr_engine, regions=regions,
                          whole_picture=True)
    small = cv2.resize(frame, (max(1, round(frame.shape[1] * scale)), max(1, round(frame.shape[0] * scale))),
                       interpolation=cv2.INTER_AREA)
    result = scan_frame(small, ocr=False, barcodes=False, whole_picture=True)
    if result.corners is not None:
        result.corners = [[round(x / scale, 1), round(y / scale, 1)] for x, y in result.corners]
    if result.crop is not None:
        # found at the camera's size, read at the picture's: the name's small print keeps its pixels
        result.crop = reading_crop(frame, np.float32(result.corners))
        if ocr:
            _apply_ocr(result, result.crop, ocr_engine, regions)
    if _read_rank(result, ocr) < _read_rank(None, ocr):
        full = scan_frame(frame, ocr=ocr, barcodes=False, ocr_engine=ocr_engine, regions=regions,
                          whole_picture=True)
        if _read_rank(full, ocr) > _read_rank(result, ocr):
            result = full
    if barcodes:
        result.barcodes = read_barcodes(cv2.cvtColor(frame, cv2.COLOR_BGR2GRAY))
    return result


def reading_crop(frame: np.ndarray, corners: np.ndarray) -> np.ndarray:
    """The card straightened from a large picture: the part around it first brought (INTER_AREA) to
    about one and a half crop widths, so the warp's own sampling does not alias the print."""
    x0, y0 = np.floor(corners.min(axis=0)).astype(int)
    x1, y1 = np.ceil(corners.max(axis=0)).astype(int)
    x0, y0 = max(0, x0), max(0, y0)
    part = frame[y0:max(y0 + 1, y1 + 1), x0:max(x0 + 1, x1 + 1)]
    local = corners - np.float32([x0, y0])
    across = float(max(np.linalg.norm(local[1] - local[0]), np.linalg.norm(local[2] - local[3])))
    k = min(1.0, 1.5 * CROP_W / max(1.0, across))
    if k < 1.0:
        height, width = part.shape[:2]
        part = cv2.resize(part, (max(1, round(width * k)), max(1, round(height * k))), interpolation=cv2.INTER_AREA)
        local = local * np.float32([part.shape[1] / width, part.shape[0] / height])
    return warp(part, local)


CAMERA_PIXELS = 1280 * 720  # the kiosk camera's frame: what the engine is measured on


def camera_scale(width: int, height: int) -> float:
    """The factor that brings a picture down to a camera frame's pixel count (1.0: it is not larger).
    By area, not by side: a portrait photo keeps as many pixels on the card as a landscape one."""
    return fit_scale(max(1, width), max(1, height), math.inf, CAMERA_PIXELS)  # an empty picture: 1.0, refused by scan_frame


def _read_rank(result: ScanResult | None, ocr: bool) -> int:
    """How much a scan gave, for choosing between two scans of one picture: a valid NIK read, then a
    card wholly in the picture and ready, then a card seen at all. None: all a scan can give."""
    if result is None:
        return 3 if ocr else 2
    if ocr and result.nik_info is not None:
        return 3
    if result.in_frame and result.guidance == "ready":
        return 2
    return 1 if result.card else 0
