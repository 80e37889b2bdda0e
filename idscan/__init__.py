"""ID capture engine for the kiosk: find a KTP in a webcam frame, judge quality, straighten it,
find its text lines, read NIK and name offline, check the NIK against the card, vote across
frames, and read QR/1D codes. Pure library: numpy, OpenCV, Pillow, the OCR and barcode readers;
the region table comes in as data (a mapping of dotless code to name)."""
from .barcodes import read_barcodes
from .card import CROP_H, CROP_W, CardDetection, detect_card, warp
from .decode import ImageError, decode_image_bytes
from .engine import scan_bytes, scan_frame
from .nik import NikFacts, nik_facts
from .quality import GUIDANCE
from .reader import CardReading, available_engines, read_card, read_cards
from .result import ScanResult
from .sequence import pick_sharpest, scan_sequence
from .tracker import CaptureTracker, TrackerState

__all__ = [
    "CROP_H", "CROP_W", "GUIDANCE", "CaptureTracker", "CardDetection", "CardReading", "ImageError",
    "NikFacts", "ScanResult", "TrackerState", "available_engines", "decode_image_bytes", "detect_card",
    "nik_facts", "pick_sharpest", "read_barcodes", "read_card", "read_cards", "scan_bytes", "scan_frame",
    "scan_sequence", "warp",
]
