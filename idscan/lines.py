"""Find the text lines of a straightened card instead of assuming where they are.

Print batches move the fields by millimetres and the straightened crop is off by a few percent
(a rounded corner, a thumb), so fixed boxes cut digits off. Here the ink is separated from the
card's background and guilloche line work by dividing by a local background estimate (ink is
much darker than its surroundings, the pale security print is not), the residual rotation is
found by maximising the sharpness of the horizontal ink profile, and the rows of that profile
are the text lines. Which line is which is decided later by what it says (fields.py).
"""
from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

INK_LEVEL = 150  # on the cleaned card (0 darkest ink .. 255 background): below this is ink
TEXT_SPAN = 0.74  # the text columns lie left of the photo (share of the card width)
MAX_SKEW = 5.0  # degrees searched either way
MIN_ROW_PX = 7  # at 856 px card width; a text row is 16-40 px tall


@dataclass
class TextLine:
    y0: int
    y1: int
    x0: int
    x1: int
    value_x0: int | None = None  # where the value starts after the label's colon, if one was seen

    @property
    def height(self) -> int:
        return self.y1 - self.y0


def clean_grays(crop: np.ndarray, lift: bool = False) -> tuple[np.ndarray, np.ndarray]:
    """The card divided by its local background, twice: clean (for finding lines and for
    Tesseract: ink at black, background and pale guilloche lifted to white, the ink's edges
    clipped) and gentle (for RapidOCR's name reading: the ink's grey edges kept).

    On dev, RapidOCR read the letters of 68 of 145 name lines right cut from the gentle grey at
    its own input height (48 px), 51 from the clean one at 32 px: a soft, small or dim card's
    thin strokes are grey, and the clean scale clips them to white or merges them to black."""
    if crop.ndim == 3:
        # Ink is dark in every channel; guilloche and backdrop are bright in at least one.
        b, g, r = cv2.split(crop)
        gray = cv2.max(cv2.max(b, g), r)
    else:
        gray = crop
    gray = gray.astype(np.float32) + 1.0
    bg = cv2.morphologyEx(gray, cv2.MORPH_CLOSE, cv2.getStructuringElement(cv2.MORPH_RECT, (17, 17)))
    bg = cv2.GaussianBlur(bg, (0, 0), 6)
    ratio = gray / np.maximum(bg, 1.0)
    if lift:
        ratio = _lift_faint_ink(ratio)
    # Black at the darkest ink, white a little below the background: a blurred or small card's
    # ink is never as dark as a sharp one's, so the scale follows what this card shows.
    h, w = ratio.shape
    text = ratio[: int(h * 0.7), : int(w * TEXT_SPAN)]
    lo, soft_lo = (min(float(v), 0.6) for v in np.percentile(text, (0.7, 0.2)))
    hi = lo + (1.0 - lo) * 0.8
    clean = np.clip((ratio - lo) / (hi - lo) * 255.0, 0, 255).astype(np.uint8)
    gentle = np.clip((ratio - soft_lo) / (1.0 - soft_lo) * 255.0, 0, 255).astype(np.uint8)
    return clean, gentle


# A glare band or a shadow adds light over part of the card: the ink under it stays darker than
# its surroundings, but by far less than elsewhere, and the card-wide scale below turned it grey:
# its rows were not found, or found cut short where the band began (dev run 9: in 2 of 48 wrong
# voted names the name row was missed and the line below the NIK taken as the name was the
# address or the sex line). The lifted image only adds a row the plain one missed
# (merge_faint_rows): every other line is cut from the plain image as before, so the NIK's
# readings do not move.
GLARE_LIFT = True
LIFT_RIGHT = 0.66  # share of the card width: the photo box's frame beyond it is never lifted
LIFT_FLOOR = 0.25  # local ink depth below this is guilloche, noise or no text at all: never lifted
LIFT_MAX = 2.5


def _lift_faint_ink(ratio: np.ndarray) -> np.ndarray:
    """Deepen the ink where its local depth (1 - ratio, the darkest within about a text line)
    falls well short of the card's darkest print, so a washed-out row reads as ink again.

    Elsewhere (local ink as deep as the card's) nothing changes, so lines printed at full contrast
    - the NIK above all - are cut from the same pixels as before."""
    h, w = ratio.shape
    depth = np.clip(1.0 - ratio, 0.0, 1.0)
    text = depth[: int(h * 0.7), : int(w * TEXT_SPAN)]
    target = 0.8 * float(np.percentile(text, 99.3))
    if target <= LIFT_FLOOR:
        return ratio  # a card without deep ink anywhere (soft, dim): the card-wide scale copes
    local = cv2.dilate(depth, np.ones((25, 61), np.uint8))
    local = cv2.GaussianBlur(local, (0, 0), 8)
    gain = np.clip(target / np.maximum(local, 1e-3), 1.0, LIFT_MAX)
    # Faded in above the floor: a hard step would draw the edge of the lifted patch as ink.
    gain = 1.0 + (gain - 1.0) * np.clip((local - LIFT_FLOOR) / (0.5 * LIFT_FLOOR), 0.0, 1.0)
    gain[:, int(w * LIFT_RIGHT):] = 1.0  # lifted, the photo box's thin frame read as an "I" after the name
    lifted = gain > 1.0
    if not lifted.any():
        return ratio
    out = ratio.copy()
    out[lifted] = 1.0 - np.clip(depth[lifted] * gain[lifted], 0.0, 1.0)
    return out


# The name is the 4th row (2 header rows, the NIK) or the 5th (a stray row at the crop's top or a
# header split in two): a row added lower down is not the name, and only changes Tesseract's
# sheet (one sheet per capture: dev, another line's reading moved in 5 of 658 crops).
NAME_ROW_LAST = 4


def missed_row(rows: list[TextLine]) -> bool:
    """Two of the first rows (where the name can lie) are further apart than twice the usual
    step from row to row: a row between them was probably missed (the lifted image is made only
    then). On dev the step from the header to the bigger NIK print is up to 1.8 times the usual,
    a missed row made it 2.3 to 6 times; the lift costs ~25 ms CPU per crop."""
    steps = [b.y0 - a.y0 for a, b in zip(rows, rows[1:])]
    if len(steps) < 3:
        return False
    usual = float(np.median(steps))
    return max(steps[:NAME_ROW_LAST]) > 2.0 * usual


def merge_faint_rows(plain: list[TextLine], lifted: list[TextLine], width: int,
                     max_lines: int) -> list[tuple[TextLine, bool]]:
    """The plain image's rows, plus (True) the first row of the lifted image that the plain one
    missed between two of its first NAME_ROW_LAST + 1 rows (where the name can lie)."""
    out = [(p, False) for p in plain]
    for above, below in zip(plain[:NAME_ROW_LAST], plain[1:]):
        # Only the first missed row under a found one, and only where the name can lie: adding the
        # rows below it too (birth date, sex) let a washed-out date, misread, contradict a right
        # NIK (dev: 4 fills lost); cut-short rows widened from the lifted image lost fills alike.
        missed = [f for f in lifted if above.y1 <= f.y0 and f.y1 <= below.y0 and f.x1 - f.x0 > 0.1 * width]
        if missed:
            out.append((missed[0], True))
            break
    out.sort(key=lambda r: r[0].y0)
    return out[:max_lines]


def clean_gray(crop: np.ndarray) -> np.ndarray:
    """Grey card with the background and pale guilloche lifted to white, ink kept dark (uint8)."""
    return clean_grays(crop)[0]


def ink_mask(clean: np.ndarray) -> np.ndarray:
    return (clean < INK_LEVEL).astype(np.uint8)


def _profile_score(mask: np.ndarray, angle: float) -> float:
    h, w = mask.shape
    m = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0)
    rot = cv2.warpAffine(mask, m, (w, h), flags=cv2.INTER_NEAREST)
    prof = rot.sum(axis=1).astype(np.float64)
    return float((np.diff(prof) ** 2).sum())


def skew_angle(mask: np.ndarray) -> float:
    """Rotation (degrees, cv2 convention) that makes the text rows horizontal."""
    h, w = mask.shape
    # As float: INTER_AREA on a 0/1 uint8 mask would round thin strokes away.
    # Margins left out: a dark strip along the crop's edge (desk beyond a rounded corner) is a
    # perfectly straight "line" at 0 degrees and would outvote the text.
    inner = mask[int(h * 0.04): int(h * 0.96), int(w * 0.03): int(w * TEXT_SPAN)]
    small = cv2.resize(inner.astype(np.float32), None, fx=0.5, fy=0.5,
                       interpolation=cv2.INTER_AREA)
    coarse = np.arange(-MAX_SKEW, MAX_SKEW + 0.01, 1.0)
    best = max(coarse, key=lambda a: _profile_score(small, a))
    fine = np.arange(best - 0.75, best + 0.76, 0.25)
    return float(max(fine, key=lambda a: _profile_score(small, a)))


def rotate(img: np.ndarray, angle: float, border: int | tuple = 255) -> np.ndarray:
    if abs(angle) < 0.1:
        return img
    h, w = img.shape[:2]
    m = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0)
    return cv2.warpAffine(img, m, (w, h), flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_CONSTANT, borderValue=border)


def find_lines(clean: np.ndarray, max_lines: int = 9) -> list[TextLine]:
    """Text rows from the top of the (deskewed, cleaned) card, at most max_lines."""
    mask = ink_mask(clean)
    h, w = mask.shape
    span = mask[:, : int(w * TEXT_SPAN)]
    # Drop specks (noise, guilloche crossings) before the profile: a letter spans several pixels.
    span = cv2.morphologyEx(span, cv2.MORPH_OPEN, np.ones((2, 2), np.uint8))
    prof = span.sum(axis=1).astype(np.float32)
    prof = np.convolve(prof, np.ones(3) / 3, mode="same")
    on = prof > max(6.0, 0.012 * span.shape[1])
    rows: list[list[int]] = []
    y = 0
    while y < h:
        if on[y]:
            y0 = y
            while y < h and on[y]:
                y += 1
            rows.append([y0, y])
        y += 1
    # Merge a row split by a thin gap (the dots of i and j, a colon).
    merged: list[list[int]] = []
    for r in rows:
        if merged and r[0] - merged[-1][1] <= 2 and r[1] - merged[-1][0] < 48:
            merged[-1][1] = r[1]
        else:
            merged.append(r)
    lines = []
    for y0, y1 in merged:
        if y1 - y0 < MIN_ROW_PX:
            continue
        # A row taller than two text lines is two lines touching: split at its weakest row.
        parts = [(y0, y1)]
        if y1 - y0 > 52:
            cut = y0 + 16 + int(np.argmin(prof[y0 + 16:y1 - 16]))
            parts = [(y0, cut), (cut, y1)]
        for a, b in parts:
            # A few rows of margin: the ends of a line still tilted by a degree leave the band.
            band = mask[max(0, a - 3):b + 3]
            extent = _extent(band, int(w * TEXT_SPAN))
            if extent is not None:
                x0 = _after_colon(band, *extent)
                lines.append(TextLine(a, b, *extent, value_x0=x0))
    return lines[:max_lines]


def _extent(band: np.ndarray, span_end: int, gap: int = 60) -> tuple[int, int] | None:
    """Left and right end of a row's text: the header runs across the whole card, a field row
    stops before the photo (a gap wider than `gap` px after the text columns ends it)."""
    cols = np.flatnonzero(band.any(axis=0))
    cols = cols[cols >= 4]
    if cols.size < 10:
        return None
    # The first wide gap that starts past the middle of the text columns ends the row (numpy
    # rather than a loop over the columns, Run 44t: the same ends).
    stops = np.flatnonzero((np.diff(cols) > gap) & (cols[:-1] >= span_end * 0.5))
    end = cols[stops[0]] if stops.size else cols[-1]
    return int(cols[0]), int(end) + 1


def _after_colon(band: np.ndarray, x0: int, x1: int) -> int | None:
    """The x where a field's value (or its colon) starts after the label ("Nama  :  SITI"), or None.

    Labels are read badly and are not needed (fields are told apart by their values), and a
    misread label glued to a name ("Nama" -> "MARNE") would end up in the name.
    """
    h = band.shape[0]
    # The runs of inked columns (letters), found by numpy rather than column by column (Run 44t).
    edges = np.diff(np.concatenate(([0], band[:, x0:x1].any(axis=0).view(np.int8), [0])))
    starts, ends = np.flatnonzero(edges == 1) + x0, np.flatnonzero(edges == -1) + x0
    # Merge letters into words/blobs: gaps shorter than a third of the row height.
    blobs: list[list[int]] = []
    for a, b in zip(starts.tolist(), ends.tolist()):
        if blobs and a - blobs[-1][1] < max(3, h // 3):
            blobs[-1][1] = b
        else:
            blobs.append([a, b])
    # The label ends where the widest gap in the left half of the line begins (the colon and the
    # value follow it); a gap narrower than the row is a space between words, not a label's end.
    limit = x0 + (x1 - x0) * 0.55
    best, best_gap = None, h * 1.2
    for i in range(1, len(blobs)):
        gap = blobs[i][0] - blobs[i - 1][1]
        if blobs[i][0] < limit and gap > best_gap:
            best, best_gap = blobs[i][0], gap
    return None if best is None else int(best)


def line_image(clean: np.ndarray, line: TextLine, height: int = 32, pad: int = 6,
               value_only: bool = True) -> np.ndarray:
    """The line cut with a margin and scaled so its row is `height` px tall (Tesseract's sweet spot)."""
    h, w = clean.shape
    y0, y1 = max(0, line.y0 - pad), min(h, line.y1 + pad)
    start = line.value_x0 if value_only and line.value_x0 is not None else line.x0
    x0 = max(0, start - 8)
    x1 = min(w, line.x1 + 8)
    cut = clean[y0:y1, x0:x1]
    scale = height / max(1, line.height + 2 * pad) * 1.0
    scale = min(max(scale, 0.8), 3.0)
    return cv2.resize(cut, (max(1, round(cut.shape[1] * scale)), max(1, round(cut.shape[0] * scale))),
                      interpolation=cv2.INTER_CUBIC)


def split_words(line: np.ndarray, gap_share: float = 0.2) -> list[np.ndarray]:
    """Cut a line image at the blank gaps between words (a recogniser without a space model,
    like RapidOCR's, reads "SITI AMINAH" as "SITIAMINAH" from the whole line)."""
    h = line.shape[0]
    ink = (line < INK_LEVEL).sum(axis=0) > 0
    cols = np.flatnonzero(ink)
    if cols.size == 0:
        return []
    min_gap = max(5, int(h * gap_share))
    words, start, last = [], int(cols[0]), int(cols[0])
    for c in cols[1:]:
        if c - last > min_gap:
            words.append((start, last + 1))
            start = int(c)
        last = int(c)
    words.append((start, last + 1))
    pad = max(2, h // 8)
    return [line[:, max(0, a - pad):min(line.shape[1], b + pad)] for a, b in words if b - a >= 3]
