"""Print styles of a synthetic KTP: font family, layout jitter, background.

Real cards vary by print batch (fields shifted by millimetres, another typeface) and the
straightened crop is off by a few percent when a corner is rounded or under a thumb. A CardStyle
carries one such variation; `random_style` draws one from a font subset.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

FONT_ROOT = Path("/usr/share/fonts/truetype")

# family -> (NIK font, field font, bold field font), paths under FONT_ROOT
FONT_FAMILIES: dict[str, tuple[str, str, str]] = {
    "dejavu": ("dejavu/DejaVuSans-Bold.ttf", "dejavu/DejaVuSans.ttf", "dejavu/DejaVuSans-Bold.ttf"),
    "liberation": ("liberation/LiberationSans-Bold.ttf", "liberation/LiberationSans-Regular.ttf",
                   "liberation/LiberationSans-Bold.ttf"),
    "freesans": ("freefont/FreeSansBold.ttf", "freefont/FreeSans.ttf", "freefont/FreeSansBold.ttf"),
    "ocra": ("ocr-a/OCRA.ttf", "liberation/LiberationSans-Regular.ttf", "liberation/LiberationSans-Bold.ttf"),
    "freeserif": ("freefont/FreeSerifBold.ttf", "freefont/FreeSerif.ttf", "freefont/FreeSerifBold.ttf"),
    # held out: never drawn in the dev split
    "noto": ("noto/NotoSans-Bold.ttf", "noto/NotoSans-Regular.ttf", "noto/NotoSans-Bold.ttf"),
    "narrow": ("liberation/LiberationSansNarrow-Bold.ttf", "liberation/LiberationSansNarrow-Regular.ttf",
               "liberation/LiberationSansNarrow-Bold.ttf"),
    "ocra-noto": ("ocr-a/OCRABold.ttf", "noto/NotoSans-Regular.ttf", "noto/NotoSans-Bold.ttf"),
}
DEV_FONTS = ("dejavu", "liberation", "freesans", "ocra", "freeserif")
HELD_OUT_FONTS = ("noto", "narrow", "ocra-noto")


@dataclass(frozen=True)
class CardStyle:
    family: str = "dejavu"
    # Offsets as fractions of the card (x of width, y of height): whole layout, then per group.
    shift: tuple[float, float] = (0.0, 0.0)
    header: tuple[float, float] = (0.0, 0.0)
    labels: tuple[float, float] = (0.0, 0.0)
    values: tuple[float, float] = (0.0, 0.0)
    photo: tuple[float, float] = (0.0, 0.0)
    rotation: float = 0.0  # degrees, of the printed layout on the card
    scale: float = 1.0
    guilloche: bool = False
    tags: tuple[str, ...] = field(default=())

    def font_paths(self) -> tuple[Path, Path, Path]:
        return tuple(FONT_ROOT / p for p in FONT_FAMILIES[self.family])  # type: ignore[return-value]


def random_style(rng: np.random.Generator, fonts: tuple[str, ...]) -> CardStyle:
    """A print variation: total field offset within 8 % of the card, rotation within 4 degrees,
    scale within 10 %."""
    def off(limit_x: float, limit_y: float) -> tuple[float, float]:
        return float(rng.uniform(-limit_x, limit_x)), float(rng.uniform(-limit_y, limit_y))

    family = fonts[int(rng.integers(len(fonts)))]
    return CardStyle(
        family=family,
        # The layout may move up by 2 % only: the header sits 2.6 % from the top edge.
        shift=(float(rng.uniform(-0.05, 0.05)), float(rng.uniform(-0.02, 0.05))),
        # Labels and values are printed in one pass: they move apart sideways, hardly up or down.
        header=off(0.03, 0.01), labels=off(0.02, 0.008), values=off(0.03, 0.008), photo=off(0.03, 0.03),
        rotation=float(rng.uniform(-4, 4)), scale=float(rng.uniform(0.9, 1.1)),
        guilloche=bool(rng.random() < 0.8),
    )
