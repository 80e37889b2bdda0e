"""Find an ID-1 card (85.60 x 53.98 mm) in a webcam frame and straighten it.

Edges are found at reduced resolution (speed), closed outlines become polygon
candidates (outline.py), and a candidate is kept only if its perspective-
corrected aspect ratio is that of ID-1 (A4 is 1.41, a phone about 2.1).
Corners are then refined at full resolution by fitting lines to the strongest
gradient along each side, which is what makes the straightened crop sharp at
the borders. Which way up the card lies is decided in orient.py.
"""
from __future__ import annotations

from dataclasses import dataclass, replace

import cv2
import numpy as np

from .content import looks_printed, text_rows
from .orient import THUMB_H, THUMB_W, orientation_score, upright
from .outline import Outline, candidates, hypothesis
from .sides import refine_corners, side_fit

ID1_ASPECT = 85.60 / 53.98
ASPECT_BAND = (1.47, 1.72)
CROP_W, CROP_H = 856, 540
WORK_W = 480  # detection width: a 1280x720 frame is searched at 480x270 (corners are refined at full size)
CLOSE_PX = 5  # text-closing kernel at WORK_W (about 13 px of a 1280 frame)
WEAK_SUPPORT = 0.75  # 1 in 160 real detections is weaker; the photo box of a cut-off card often is
EARLY_SUPPORT = 0.8  # a card this clean in the plain edge map ends the search (no text-closing pass)
MIN_AREA_SHARE = 0.02
MIN_SUPPORT = 0.5  # share of each side that must be a clean straight edge
MIN_TONE_STEP = 30.0  # BGR distance between the two sides of a cut card's visible side
# The faint pass (outline.edge_map's faint thresholds) sees many more outlines, so what it finds must
# also show a KTP's rows of print (as flat.py asks of a picture that is all card) and stand wholly in
# the frame: it never tells "move into frame" (a sheet's edge at the border would).
FAINT_TEXT_ROWS = 6
# ... and its ground must be the KTP-el's pale blue-green: what makes its edge faint (a pale card before a
# white lid or a cream wall) is also true of paper, a SIM or a badge, which are cream or white. On
# stranger3 dev the KTPs the faint pass found had max(B, G) - R >= 6 on their brighter pixels, paper,
# a SIM and a badge -5 to 1; the plain passes (strong edges) ask no colour.
FAINT_TINT = 4.0
FAINT_OVER_CUT = 0.5  # a faint card replaces a cut outline found before only if it is this share of its area
# A colour cast or a clipped ground (Run 27w): under a warm, cool or fluorescent white balance, or an exposure that
# clips the pale card to white, the KTP's own blue-green is gone (stranger4 dev: tint -19 to 1 on warm and clipped
# cards) and its value rows wash out to grey, so FAINT_TINT and FAINT_TEXT_ROWS turn away a card in plain view.
# Such a faint card is kept only if its layout speaks for it instead: the photo box's colour, darkness and
# smoothness against the label column (the size of orient.orientation_score) and rows of print counted on the
# lifted greys (content.text_rows(lift=True)). Stranger4 dev misses found this way: 10-16 rows, scores 3.8-6.4;
# the dev negatives of three generators whose faint outline passed (tint gate off: SIMs, papers, badges, bank
# cards, a pale empty room): up to 13 rows with scores <= 1.0, or scores 2.2-3.7 with <= 8 rows.
CAST_TEXT_ROWS = 8
CAST_LAYOUT = 3.5
# The faint pass costs ~20 ms CPU a frame and runs on every frame with no card in it (an empty desk).
# It keeps only a card whose ground is KTP blue-green (FAINT_TINT), so it is skipped where too little
# of the frame has that tint (Run 20k): on a 120x68 copy, pixels with max(B, G) - R >= FAINT_TINT.
# Stranger3 dev's 25 faint finds: 18-99 % of the frame; dev negatives of the three generators: 27
# of 88 under 5 % (wooden and warm desks), the rest (blue-grey walls, casts) still pay the pass.
FAINT_GATE_SIZE, FAINT_GATE_SHARE = (120, 68), 0.05


@dataclass
class CardDetection:
    corners: np.ndarray  # 4x2 float32, TL,TR,BR,BL in card orientation, frame pixels
    in_frame: bool
    area_share: float
    aspect: float
    support: float = 1.0  # smallest share of a side backed by a straight edge, 0..1
    partial: bool = False  # cut by the frame border with 2-3 sides visible: corners are a guess
    orientation: float = 0.0  # how sure the upright/upside-down choice is (orient.py score, >= 0)


def true_aspect(quad: np.ndarray, shape: tuple[int, ...]) -> float:
    """Width/height of the planar rectangle seen as quad (TL,TR,BR,BL).

    Zhang & He (whiteboard scanning) with the principal point at the frame
    centre and an assumed webcam focal length, so tilt does not skew it.
    """
    h, w = shape[:2]
    f = 0.9 * w
    m = np.hstack([(quad - [w / 2, h / 2]) / f, np.ones((4, 1))])
    m1, m2, m4, m3 = m  # paper order: m1 (0,0), m2 (w,0), m3 (0,h), m4 (w,h)
    k2 = np.dot(np.cross(m1, m4), m3) / (np.dot(np.cross(m2, m4), m3) or 1e-9)
    k3 = np.dot(np.cross(m1, m4), m2) / (np.dot(np.cross(m3, m4), m2) or 1e-9)
    n2, n3 = k2 * m2 - m1, k3 * m3 - m1
    return float(np.linalg.norm(n2) / max(np.linalg.norm(n3), 1e-9))


def _order_clockwise(pts: np.ndarray) -> np.ndarray:
    c = pts.mean(axis=0)
    ang = np.arctan2(pts[:, 1] - c[1], pts[:, 0] - c[0])
    return pts[np.argsort(ang)]  # image y points down, so increasing angle is clockwise


def _angles_ok(q: np.ndarray) -> bool:
    for i in range(4):
        a, b, c = q[i - 1], q[i], q[(i + 1) % 4]
        v1, v2 = a - b, c - b
        cosang = float(np.dot(v1, v2) / (np.linalg.norm(v1) * np.linalg.norm(v2) + 1e-9))
        if abs(cosang) > 0.5:  # corners must be within 60..120 degrees
            return False
    return cv2.isContourConvex(q.astype(np.float32).reshape(-1, 1, 2))


def _with_long_side_first(q: np.ndarray) -> np.ndarray:
    if np.linalg.norm(q[1] - q[0]) + np.linalg.norm(q[3] - q[2]) < np.linalg.norm(q[2] - q[1]) + np.linalg.norm(q[0] - q[3]):
        q = np.roll(q, -1, axis=0)
    return q


def warp(frame: np.ndarray, corners: np.ndarray, size: tuple[int, int] = (CROP_W, CROP_H)) -> np.ndarray:
    w, h = size
    dst = np.float32([[0, 0], [w, 0], [w, h], [0, h]])
    m = cv2.getPerspectiveTransform(corners.astype(np.float32), dst)
    return cv2.warpPerspective(frame, m, size, flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_REPLICATE)


def _same(q: np.ndarray, seen: list[np.ndarray], tol: float) -> bool:
    """q's corners all lie within tol of one already judged candidate's corners (any order)."""
    for t in seen:
        if float(np.linalg.norm(q[:, None, :] - t[None, :, :], axis=2).min(axis=1).max()) < tol:
            return True
    return False


def _in_frame(q: np.ndarray, w: int, h: int) -> bool:
    return bool((q[:, 0] >= 1).all() and (q[:, 0] <= w - 2).all() and (q[:, 1] >= 1).all() and (q[:, 1] <= h - 2).all())


def _judge_whole(o: Outline, gray: np.ndarray, shape: tuple[int, ...], scale: float,
                 reach: float, planes: tuple[np.ndarray, ...] = ()) -> CardDetection | None:
    """A candidate with all four sides seen: ID-1 ratio, straight sides, refined corners."""
    h, w = gray.shape
    q = _order_clockwise(o.quad)
    if not _angles_ok(q):
        return None
    q = _with_long_side_first(q / scale)
    aspect = true_aspect(q, shape)
    # An extrapolated corner can be several pixels off: judge a cut card's ratio after refinement.
    if not o.cut and not ASPECT_BAND[0] <= aspect <= ASPECT_BAND[1]:
        return None
    area = float(cv2.contourArea(q)) / (w * h)
    if area < MIN_AREA_SHARE:
        return None
    refined, support = refine_corners(gray, q, reach, planes, None if o.guessed is None else o.guessed / scale)
    if support < MIN_SUPPORT:
        return None
    if np.abs(refined - q).max() <= (3 if o.cut else 2) * reach:
        q = refined
    if o.cut:
        aspect = true_aspect(q, shape)
        if not ASPECT_BAND[0] <= aspect <= ASPECT_BAND[1]:
            return None
    return CardDetection(q, _in_frame(q, w, h), area, aspect, support)


def _fit_segment(gray: np.ndarray, a: np.ndarray, b: np.ndarray, reach: float) -> tuple[tuple[np.ndarray, np.ndarray] | None, float, int]:
    """side_fit twice: the work-scale segment can be a few pixels off at its ends, so the
    second fit runs along the first fitted line (where the edge really is)."""
    line, share, n = side_fit(gray, a, b, reach)
    if line is not None:
        p, d = line
        a2, b2 = (p + np.dot(x - p, d) * d for x in (a.astype(np.float64), b.astype(np.float64)))
        line2, share2, n2 = side_fit(gray, a2, b2, reach)
        if line2 is not None and share2 >= share:
            return (a2, b2), share2, n2
        return (a2, b2), share, n
    return None, share, n


def _two_tone(frame: np.ndarray, a: np.ndarray, b: np.ndarray, off: float) -> bool:
    """The colours on the two sides of segment a-b differ: a card's side is the border of a
    region, while a pen, cable or drawn line has the same desk on both of its sides."""
    d = (b - a) / max(float(np.linalg.norm(b - a)), 1e-6)
    nrm = np.array([-d[1], d[0]])
    base = a + np.linspace(0.2, 0.8, 12)[:, None] * (b - a)
    sides = []
    for sign in (1, -1):
        pts = (base[:, None, :] + sign * np.array([off, 2 * off])[None, :, None] * nrm).reshape(-1, 1, 2)
        pts = pts.astype(np.float32)
        sides.append(cv2.remap(frame, pts[..., 0], pts[..., 1], cv2.INTER_LINEAR,
                               borderMode=cv2.BORDER_REPLICATE).reshape(-1, frame.shape[2]).astype(np.float32))
    return float(np.linalg.norm(np.median(sides[0], axis=0) - np.median(sides[1], axis=0))) >= MIN_TONE_STEP


def _judge_partial(o: Outline, frame: np.ndarray, gray: np.ndarray, scale: float,
                   reach: float) -> CardDetection | None:
    """A card cut by the border (2-3 sides seen): every seen side must be a long, straight edge
    between two differently coloured regions; the hidden corners are placed again from the
    sides fitted at full resolution."""
    h, w = gray.shape
    support, segs = 1.0, []
    for a, b in o.visible:
        seg, share, n_inside = _fit_segment(gray, a / scale, b / scale, reach)
        if seg is None or n_inside < 12 or share < MIN_SUPPORT or not _two_tone(frame, *seg, 2 * reach):
            return None
        support = min(support, share)
        segs.append((seg[0].astype(np.float32), seg[1].astype(np.float32)))
    quad = hypothesis(segs, w, h)
    if quad is None:
        return None
    q = _order_clockwise(quad)
    if not _angles_ok(q):
        return None
    q = _with_long_side_first(q)
    area = float(cv2.contourArea(q)) / (w * h)
    if area < MIN_AREA_SHARE:
        return None
    if not looks_printed(frame, q):  # paper, keyboard or phone edge at the frame border
        return None
    return CardDetection(q, False, area, true_aspect(q, frame.shape), support, partial=True)


def _inside_cut_card(inner: CardDetection, cut: CardDetection) -> bool:
    """A weakly outlined 'card' inside a much larger card cut by the border is a part of
    that card (its photo box and the print below it can have the ID-1 ratio)."""
    centre = tuple(float(v) for v in inner.corners.mean(axis=0))
    return (inner.support < WEAK_SUPPORT and cut.area_share > 3 * inner.area_share
            and cv2.pointPolygonTest(cut.corners.reshape(-1, 1, 2), centre, False) > 0)


def _card_shaped(q: np.ndarray, shape: tuple[int, ...]) -> bool:
    """A quad (any corner order) large enough and of ID-1's true ratio in a frame of this shape."""
    q = _with_long_side_first(_order_clockwise(q))
    sides = np.linalg.norm(q - np.roll(q, -1, axis=0), axis=1)
    ratio = (sides[0] + sides[2]) / max(float(sides[1] + sides[3]), 1e-6)
    return (float(cv2.contourArea(q)) >= MIN_AREA_SHARE * shape[0] * shape[1] and 1.1 <= ratio <= 2.3
            and _angles_ok(q) and ASPECT_BAND[0] <= true_aspect(q, shape) <= ASPECT_BAND[1])


def _faint_card(det: CardDetection, best: CardDetection | None, frame: np.ndarray) -> CardDetection | None:
    """A card the faint pass found, if it stands wholly in the frame, shows a KTP's rows of print and
    is not a small part (its photo box, a text block) of a card cut by the border found before."""
    if not det.in_frame or (best is not None and det.area_share < FAINT_OVER_CUT * best.area_share):
        return None
    small = warp(frame, det.corners, (CROP_W // 4, CROP_H // 4)).astype(np.int16)
    bright = small.max(axis=2) >= np.percentile(small.max(axis=2), 40)
    if (float(np.median((np.maximum(small[..., 0], small[..., 1]) - small[..., 2])[bright])) >= FAINT_TINT
            and text_rows(frame, det.corners, shaded=True) >= FAINT_TEXT_ROWS):
        return det
    return det if _ktp_layout(frame, det.corners) else None


def _ktp_layout(frame: np.ndarray, corners: np.ndarray) -> bool:
    """A KTP's layout seen where its colour is not (Run 27w, CAST_TEXT_ROWS): many rows of print once washed-out
    rows are deepened, and a photo box on one side against a label column on the other."""
    if abs(orientation_score(warp(frame, corners, (THUMB_W, THUMB_H)))) < CAST_LAYOUT:
        return False  # the cheap cue first: most faint outlines that are no KTP end here
    return text_rows(frame, corners, shaded=True, lift=True) >= CAST_TEXT_ROWS


def _tint_in_view(small: np.ndarray) -> bool:
    """Enough of the (work-scale) frame has the KTP-el's blue-green tint for a faint card to be kept."""
    tiny = cv2.resize(small, FAINT_GATE_SIZE, interpolation=cv2.INTER_AREA).astype(np.int16)
    return float((np.maximum(tiny[..., 0], tiny[..., 1]) - tiny[..., 2] >= FAINT_TINT).mean()) >= FAINT_GATE_SHARE


def _shrink(frame: np.ndarray, w: int, h: int) -> np.ndarray:
    """INTER_AREA by a whole factor (OpenCV's fast path: 1280 -> 640 costs 0.4 ms, 1280 -> 480
    directly 4 ms), then a cheap bilinear step for the rest."""
    k = frame.shape[1] // w
    if k >= 2:
        frame = cv2.resize(frame, (frame.shape[1] // k, frame.shape[0] // k), interpolation=cv2.INTER_AREA)
    return cv2.resize(frame, (w, h), interpolation=cv2.INTER_LINEAR if k >= 2 else cv2.INTER_AREA)


def detect_card(frame: np.ndarray, gray: np.ndarray | None = None, *, faint: bool = True,
                three_sides: bool = False) -> CardDetection | None:
    """Best ID-1 card candidate in a BGR frame (gray: the same frame in grey, if at hand), or None.

    faint: where the plain passes find no card wholly in frame, look again with faint edges (Run 19d).
    three_sides: that look may also take a card with one side unseen, placed at the ID-1 ratio (for
    uploaded scans and photos only: engine.scan_frame's whole_picture).

    A card with all four sides seen always beats a partial-card hypothesis;
    among equals the largest wins. The text-closing pass runs only when the
    plain edge map gave no clean in-frame card (most frames with a card skip it).
    """
    h, w = frame.shape[:2]
    scale = WORK_W / w if w > WORK_W else 1.0
    small = _shrink(frame, round(w * scale), round(h * scale)) if scale != 1.0 else frame
    gray = cv2.cvtColor(frame, cv2.COLOR_BGR2GRAY) if gray is None else gray
    reach = max(4.0, 4.0 / scale)
    best: CardDetection | None = None
    partial: CardDetection | None = None
    # Outlines the other pass does not judge again: those cut by the frame border (judged twice,
    # a phone cut by the edge became "move into frame": tests/idscan/test_lines_and_sequence.py)
    # and those accepted. An outline wholly in frame that the plain pass rejected is judged again
    # when the text-closing pass finds it: closed, the same card's outline can lie a few pixels
    # off, on its true sides (stranger dev, Run 14r: 3 of 100 cards in plain view were not found
    # because their good outline was skipped as "the same" as a rejected plain one).
    settled: list[np.ndarray] = []
    for close_text, faint in ((False, False), (True, False), (True, True))[:3 if faint else 2]:
        if best is not None and best.in_frame and (faint or best.support >= EARLY_SUPPORT):
            break
        if faint and small.ndim == 3 and not _tint_in_view(small):
            break  # no ground of a KTP's tint in view: the faint pass could keep nothing
        # The faint pass runs only where no card stands in the frame yet (Run 19d): a pale card on a
        # white scanner lid or before a cream wall, whose sides the plain thresholds lose in part.
        planes: tuple[np.ndarray, ...] = ()
        seen = list(settled)
        for o in candidates(small, close_text, MIN_AREA_SHARE, CLOSE_PX, faint, lambda q: _card_shaped(q, small.shape),
                                three_sides):
            q = o.quad / scale
            if _same(q, seen, 2 * reach):  # the same outline again (a nested contour, or settled before)
                continue
            seen.append(q)
            if faint and (o.partial or o.cut):
                continue
            if o.partial or o.cut:
                settled.append(q)
            if o.partial:
                if best is None or best.support < WEAK_SUPPORT:
                    det = _judge_partial(o, frame, gray, scale, reach)
                    if det is not None and (partial is None or det.area_share > partial.area_share):
                        partial = det
                continue
            if best is not None and (best.in_frame or not faint) and float(cv2.contourArea(q)) / (w * h) <= best.area_share:
                continue
            if faint and not planes:  # split once, when the faint pass has a candidate to judge
                planes = tuple(cv2.split(frame))
            det = _judge_whole(o, gray, frame.shape, scale, reach, planes)
            if det is None and o.fitted is not None:  # its sides' own corners (outline.py)
                det = _judge_whole(replace(o, quad=o.fitted), gray, frame.shape, scale, reach, planes)
            if faint and det is not None:
                det = _faint_card(det, best, frame)
            if det is not None:
                settled.append(q)
            if det is not None and (best is None or (faint and not best.in_frame) or det.area_share > best.area_share):
                best = det
    if best is None or (partial is not None and _inside_cut_card(best, partial)):
        return partial
    best.corners, best.orientation = upright(frame, best.corners, warp)
    return best
