"""ID capture engine for the kiosk: find a KTP in a webcam frame, judge quality,
straighten it, read NIK and name offline, and read QR/1D codes. Pure library."""
from .barcodes import read_barcodes
from .card import CROP_H, CROP_W, CardDetection, detect_card, warp
from .decode import ImageError, decode_image_bytes
from .engine import scan_bytes, scan_frame
from .ocr import OcrText, available_engines, read_card
from .quality import GUIDANCE
from .result import ScanResult
from .tracker import CaptureTracker, TrackerState

__all__ = [
    "CROP_H", "CROP_W", "GUIDANCE", "CaptureTracker", "CardDetection", "ImageError", "OcrText",
    "ScanResult", "TrackerState", "available_engines", "decode_image_bytes", "detect_card",
    "read_barcodes", "read_card", "scan_bytes", "scan_frame", "warp",
]
