"""The result of scanning one frame, as returned to the kiosk and the CLI."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np


@dataclass
class ScanResult:
    card: bool = False
    corners: list[list[float]] | None = None  # TL,TR,BR,BL in card orientation, frame px
    in_frame: bool = False
    sharpness: float = 0.0
    glare: float = 0.0
    smeared: bool = False  # the NIK row streaked one way (quality.smeared): the visitor is asked to hold still
    size: float = 0.0  # card area / frame area
    guidance: str = "no_card"
    barcodes: list[dict[str, str]] = field(default_factory=list)
    nik: str | None = None
    name: str | None = None
    nik_info: dict[str, Any] | None = None
    nik_status: str | None = None  # accepted, corrected, unconfirmed, rejected (None: not read)
    read_from_card: list[str] = field(default_factory=list)  # fields filled from the card: the visitor checks them
    confidence: float = 0.0  # 0..1: card detection (edge support), raised to 1 by a valid OCR'd NIK
    error: str | None = None  # ImageError code, or "ocr_unavailable"
    ms: float = 0.0
    crop: np.ndarray | None = field(default=None, repr=False, compare=False)  # 856x540 BGR, not in JSON

    def to_json_dict(self) -> dict[str, Any]:
        return {
            "card": self.card,
            "corners": self.corners,
            "in_frame": self.in_frame,
            "sharpness": round(self.sharpness, 1),
            "glare": round(self.glare, 4),
            "size": round(self.size, 4),
            "guidance": self.guidance,
            "barcodes": self.barcodes,
            "nik": self.nik,
            "name": self.name,
            "nik_info": self.nik_info,
            "nik_status": self.nik_status,
            "read_from_card": self.read_from_card,
            "confidence": round(self.confidence, 3),
            "error": self.error,
            "ms": round(self.ms, 1),
        }
