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
from .orient import PHOTO_BOX, THUMB_H, THUMB_W, orientation_score, upright
from .outline import Outline, candidates, hypothesis, intersect
from .quality import MIN_SIZE
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
# A card cut by the border is guessed whole from its sides in view; where the part of the guess in view already
# covers more of the frame than this, it is not a KTP held up at the kiosk but a sheet running past the frame's
# edge (Run 38p). The generators hold a KTP at 34-60 % of the frame's width (the whole card at most 0.40 of a 16:9
# frame). The part in view, not the whole guess: a guess from 2-3 sides can overshoot its card far (stranger4 dev:
# 0.70 of the frame guessed for a card slid out at the top, 0.23 in view); one that took in the desk beside the card
# had 0.49-0.50 in view (twice), the other cut KTPs 0.07-0.35. Stranger6 dev pages taken for a cut card (31 of 51
# fresh draws): 0.39-0.90 in view, 20 of 31 above 0.55.
MAX_CUT_IN_VIEW = 0.55
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
# A pale card clipped white by over-exposure before a room clipped as white (Run 28f) shows no side at all, so no
# pass above finds an outline; its print still shows (dark in the darkest channel). Where nothing else was found,
# the print's block gives the card: the text rows' direction its orientation, the block's ends the card's by where a
# KTP's print ends (PRINT_MARGINS), and the photo box's place against the label column (orientation_score >=
# CAST_LAYOUT, Run 27w) says it is a KTP.
PRINT_W = 640  # the print is looked for at half a camera frame's width
PRINT_INK = 25  # black-hat depth (grey levels) of a stroke of print at PRINT_W
PRINT_BORDER = 6  # px at PRINT_W (dilated block): a card wholly in frame keeps its print further from the border
PRINT_JOIN = 15  # px at PRINT_W: joins the letters and rows of the text block, not the photo or the room (dev: 17+
# joined a room's edge or the photo on some cards, their corners 9-18 % off)
# Where the text block's ends lie on an upright card, as shares of its width and height: the label column's left
# end, the header's top and the last row's foot (stranger4 dev, fresh seed: 0.03-0.05, 0.04-0.05, 0.86-0.89).
PRINT_MARGINS = (0.038, 0.045, 0.875)
PRINT_ROWS = 10  # rows of print the block shows across its rows (a KTP front has 15: header 2, NIK, 12 fields)
PRINT_PHOTO_INK = 0.08  # share of the photo box that is ink, at most (stranger4 dev: photo 0-0.04, label column 0.12-0.2)
PRINT_SPAN = (0.55, 0.96)  # the text block's length along its rows, as a share of the card's width (same dev: 0.6-0.97)
# The four corners' ground (BGR medians) differ by at most this: stranger4 dev finds 0-23 (a clipped card before a
# white room 0), a sheet of ruled lines whose quad ran onto a purple desk 217, a quad 15 % off onto the room 110.
PRINT_GROUND = 60.0
PRINT_TRY, PRINT_STEP = 2.0, 0.04  # a quad scoring this much is also tried moved and scaled by this share
# A card in a clear plastic sleeve or holder (Run 43d): the sleeve's own edge runs a few mm outside the card's, all
# round, and is an ID-1-shaped outline too (uniformly a few mm larger: 1.45-1.59), so "the largest wins" took the
# sleeve, and the card's outline, within the judging's 2 * reach of it, was skipped as "the same outline" even where
# the sleeve's hazy edge was then rejected. An outline lying inside another with each side set in by at least
# SLEEVE_INSET[0] * reach (the edge band's own inner contour lies closer) and at most SLEEVE_INSET[1] of the outer's
# size (sqrt of its area; a 7 mm sleeve is 0.10 of a card's) is the card in it: judged, and kept over the sleeve.
SLEEVE_INSET = (1.0, 0.14)
# A card tilted far towards or away from the camera (Run 48b): its true ratio (true_aspect) rests on the focal length
# assumed, 0.9 of the frame's width (a wide webcam lens, ~70 degrees across). Tilted a little, any focal length gives
# the same ratio; tilted 30-45 degrees, the ratio moves by 0.2-0.5 with it, and a camera whose lens is narrower (a
# webcam cropping its sensor for 720p, or zoomed) makes the card's ratio seem 1.27-1.83 at 0.9 (stranger6 dev: 7 of
# its 10 sharp "perspective" cards lost or taken for a part of them; the five measured cross the band between 0.9 and 2).
# A whole outline is also taken where some focal length of FOCAL_RANGE (in frame widths: lenses of ~35-80 degrees
# across) gives ID-1's ratio; the frame holds no evidence of which, so every one of them is allowed. An outline cut
# by the border keeps the one focal length (its corners are guessed, and "move into frame" must not widen), and so
# does the faint pass (its many quads of faint lines took a larger quad off a cast card, and a pale SIM, once their
# ratio was widened: stranger4 dev white_balance, tests/idscan/test_cast_card.py). A ratio
# only another lens explains must come nearer ID-1's (1.586) than ASPECT_BAND asks: WIDE_BAND keeps out an A4 sheet
# (1.414) turned 8 degrees, whose ratio reaches 1.471 at the range's end.
WIDE_FOCAL = True  # switch: False is main's one focal length
FOCAL_RANGE = (0.6, 0.9, 1.2, 1.6)
WIDE_BAND = (1.50, 1.68)
# ... and such an outline must be clean all round, as a card in plain view tilted away is (stranger6 dev: 0.83-1.0):
# a quad of a card's side and the desk's (support 0.5, stranger4 dev white_balance 35) took its place otherwise.
WIDE_SUPPORT = EARLY_SUPPORT


@dataclass
class CardDetection:
    corners: np.ndarray  # 4x2 float32, TL,TR,BR,BL in card orientation, frame pixels
    in_frame: bool
    area_share: float
    aspect: float
    support: float = 1.0  # smallest share of a side backed by a straight edge, 0..1
    partial: bool = False  # cut by the frame border with 2-3 sides visible: corners are a guess
    orientation: float = 0.0  # how sure the upright/upside-down choice is (orient.py score, >= 0)


def true_aspect(quad: np.ndarray, shape: tuple[int, ...], focal: float = 0.9) -> float:
    """Width/height of the planar rectangle seen as quad (TL,TR,BR,BL).

    Zhang & He (whiteboard scanning) with the principal point at the frame
    centre and an assumed webcam focal length (focal frame widths), so tilt does not skew it.
    """
    h, w = shape[:2]
    f = focal * w
    m = np.hstack([(quad - [w / 2, h / 2]) / f, np.ones((4, 1))])
    m1, m2, m4, m3 = m  # paper order: m1 (0,0), m2 (w,0), m3 (0,h), m4 (w,h)
    k2 = np.dot(np.cross(m1, m4), m3) / (np.dot(np.cross(m2, m4), m3) or 1e-9)
    k3 = np.dot(np.cross(m1, m4), m2) / (np.dot(np.cross(m3, m4), m2) or 1e-9)
    n2, n3 = k2 * m2 - m1, k3 * m3 - m1
    return float(np.linalg.norm(n2) / max(np.linalg.norm(n3), 1e-9))


def id1_ratio(quad: np.ndarray, shape: tuple[int, ...], wide: bool = True) -> bool:
    """The quad (TL,TR,BR,BL, long side first) has ID-1's true ratio: in ASPECT_BAND at the assumed focal length, or
    (wide and WIDE_FOCAL) in WIDE_BAND at some focal length of FOCAL_RANGE - the ratio moves continuously with it,
    so a band crossed between two focal lengths tried is met at one between them."""
    lo, hi = ASPECT_BAND
    if lo <= true_aspect(quad, shape) <= hi:
        return True
    if not (wide and WIDE_FOCAL):
        return False
    lo, hi = WIDE_BAND
    ratios = [true_aspect(quad, shape, f) for f in FOCAL_RANGE]
    return any(min(a, b) <= hi and max(a, b) >= lo for a, b in zip(ratios, ratios[1:]))


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


def _in_sleeve(inner: np.ndarray, outer: np.ndarray, reach: float) -> bool:
    """inner (any corner order) lies inside outer with each of outer's sides set in by a sleeve's margin
    (SLEEVE_INSET): the card in a plastic sleeve whose edge is outer."""
    o = _order_clockwise(outer.astype(np.float64))
    i = _order_clockwise(inner.astype(np.float64))
    size = float(np.sqrt(max(cv2.contourArea(o.astype(np.float32)), 1.0)))
    lo, hi = SLEEVE_INSET[0] * reach, SLEEVE_INSET[1] * size
    centre = o.mean(axis=0)
    for k in range(4):
        a, b = o[k], o[(k + 1) % 4]
        d = (b - a) / max(float(np.linalg.norm(b - a)), 1e-6)
        nrm = np.array([-d[1], d[0]])
        if float(np.dot(centre - a, nrm)) < 0:
            nrm = -nrm  # pointing into the outer quad
        depth = (i - a) @ nrm  # how far in each inner corner lies from this side
        if depth.min() < lo or depth.min() > hi:
            return False
    return True


def _card_in_sleeve(det: CardDetection, gray: np.ndarray, shape: tuple[int, ...], reach: float,
                    planes: tuple[np.ndarray, ...]) -> CardDetection | None:
    """The card inside an accepted outline that is its sleeve's edge, or None: each side's straight edge looked for
    set in by a sleeve's margin (SLEEVE_INSET), where a glare band across the sleeve broke the card's own contour
    (so no candidate of its own). Judged as any outline (_judge_whole's checks) and kept only if it lies in it as a
    card in a sleeve does."""
    q = det.corners.astype(np.float64)
    size = float(np.sqrt(max(cv2.contourArea(q.astype(np.float32)), 1.0)))
    lo, hi = SLEEVE_INSET[0] * reach, SLEEVE_INSET[1] * size
    mid, half = (lo + hi) / 2, (hi - lo) / 2
    centre = q.mean(axis=0)
    lines = []
    for k in range(4):
        a, b = q[k], q[(k + 1) % 4]
        d = (b - a) / max(float(np.linalg.norm(b - a)), 1e-6)
        nrm = np.array([-d[1], d[0]])
        if float(np.dot(centre - a, nrm)) < 0:
            nrm = -nrm
        a2, b2 = a + mid * nrm, b + mid * nrm
        line, share, _ = max((side_fit(img, a2, b2, half) for img in (gray, *planes)), key=lambda fit: fit[1])
        if line is None or share < MIN_SUPPORT:
            return None
        lines.append(line)
    pts = [intersect(lines[k - 1], lines[k]) for k in range(4)]
    if any(p is None for p in pts):
        return None
    inner = np.array(pts, np.float32)
    if not _in_sleeve(inner, q, reach):
        return None
    h, w = gray.shape
    sides = [(inner[k], inner[(k + 1) % 4]) for k in range(4)]
    found = _judge_whole(Outline(inner, sides, False), gray, shape, 1.0, reach, planes, wide=False)
    return found if found is not None and found.in_frame and _in_sleeve(found.corners, q, reach) else None


def _in_frame(q: np.ndarray, w: int, h: int) -> bool:
    return bool((q[:, 0] >= 1).all() and (q[:, 0] <= w - 2).all() and (q[:, 1] >= 1).all() and (q[:, 1] <= h - 2).all())


def _in_view(q: np.ndarray, w: int, h: int) -> float:
    """The share of a w x h frame that the convex quad q covers inside it."""
    area, _ = cv2.intersectConvexConvex(q.astype(np.float32), np.float32([[0, 0], [w, 0], [w, h], [0, h]]))
    return float(area) / (w * h)


def _cut_card_shows_a_ktp(frame: np.ndarray, q: np.ndarray) -> bool:
    """A card cut by the frame's border, from its sides in view (two, three or four): a KTP's print
    in the part in view, and not more of the frame than a KTP held up covers. Else it is edge clutter
    (paper, keyboard, a phone's edge) or a page running past the edge (Run 38p)."""
    h, w = frame.shape[:2]
    return _in_view(q, w, h) <= MAX_CUT_IN_VIEW and looks_printed(frame, q)


def _judge_whole(o: Outline, gray: np.ndarray, shape: tuple[int, ...], scale: float,
                 reach: float, planes: tuple[np.ndarray, ...] = (), wide: bool = True) -> CardDetection | None:
    """A candidate with all four sides seen: ID-1 ratio, straight sides, refined corners."""
    h, w = gray.shape
    q = _order_clockwise(o.quad)
    if not _angles_ok(q):
        return None
    q = _with_long_side_first(q / scale)
    aspect = true_aspect(q, shape)
    # An extrapolated corner can be several pixels off: judge a cut card's ratio after refinement.
    other_lens = not o.cut and not id1_ratio(q, shape, False)  # ID-1 only at another focal length, if at all
    if other_lens and not id1_ratio(q, shape, wide):
        return None
    area = float(cv2.contourArea(q)) / (w * h)
    if area < MIN_AREA_SHARE:
        return None
    refined, support = refine_corners(gray, q, reach, planes, None if o.guessed is None else o.guessed / scale)
    if support < (WIDE_SUPPORT if other_lens else MIN_SUPPORT):
        return None
    if np.abs(refined - q).max() <= (3 if o.cut else 2) * reach:
        q = refined
    if other_lens and not id1_ratio(q, shape, wide):
        return None  # the refined corners must keep it (a pale SIM's outline, 1.38, reached the band only before)
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
    if area < MIN_AREA_SHARE or not _cut_card_shows_a_ktp(frame, q):
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
            and _angles_ok(q) and id1_ratio(q, shape, wide=False))


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


def _profile_rows(v: np.ndarray) -> int:
    """Rows of print across a block: runs of the ink's profile (ink positions v, px) above a third of its top."""
    hist = np.convolve(np.bincount(np.round(v - v.min()).astype(int)), np.ones(3) / 3, mode="same")
    on = hist > hist.max() / 3
    return int(np.count_nonzero(on[1:] & ~on[:-1]) + on[0])


def _print_quads(frame: np.ndarray) -> list[np.ndarray]:
    """The card (TL,TR,BR,BL quads; none or one) around the frame's largest block of print (PRINT_MARGINS)."""
    h, w = frame.shape[:2]
    k = w / PRINT_W
    small = cv2.resize(frame, (PRINT_W, round(h / k)), interpolation=cv2.INTER_AREA)
    if small.ndim == 3:  # each pixel's darkest channel: a clipped card's pale print is dark only in one
        b, g, r = cv2.split(small)
        small = cv2.min(cv2.min(b, g), r)
    ink = cv2.morphologyEx(small, cv2.MORPH_BLACKHAT, cv2.getStructuringElement(cv2.MORPH_RECT, (9, 9))) >= PRINT_INK
    joined = cv2.dilate(ink.astype(np.uint8), cv2.getStructuringElement(cv2.MORPH_RECT, (PRINT_JOIN, PRINT_JOIN)))
    n, lab, stats, _ = cv2.connectedComponentsWithStats(joined)
    iy, ix = np.nonzero(ink)
    pts = np.column_stack([ix, iy]).astype(np.float64)
    if n < 2:
        return []
    c = 1 + int(np.argmax(stats[1:, cv2.CC_STAT_AREA]))
    block = pts[lab[iy, ix] == c]
    bx0, by0, bw, bh = (int(v) for v in stats[c, :4])
    if stats[c, cv2.CC_STAT_AREA] < 0.01 * joined.size or len(block) < 200:
        return []
    if min(bx0, by0) < PRINT_BORDER or bx0 + bw > small.shape[1] - PRINT_BORDER or by0 + bh > small.shape[0] - PRINT_BORDER:
        return []  # the print runs to the frame's border: the card may be cut there, its corners not to be guessed
    (cx, cy), _, ang = cv2.minAreaRect(block.astype(np.float32))
    t = np.deg2rad(ang)
    ex, ey = np.array([np.cos(t), np.sin(t)]), np.array([-np.sin(t), np.cos(t)])
    rel = block - [cx, cy]
    # The rows run along one axis: across them the ink's profile is rows and gaps, along them it is even.
    rows = [_profile_rows(rel @ a) for a in (ey, ex)]
    if max(rows) < PRINT_ROWS:
        return []
    if rows[1] > rows[0]:
        ex, ey = ey, -ex
    # Which way up the card lies is tried both ways: each way, the label column's left end, the header's top and the
    # last row's foot give the card by the ID-1 ratio (the rows' right ends and the photo's vary with the values).
    ways: list[tuple[float, np.ndarray]] = []
    for right in (ex, -ex):
        down = np.array([-right[1], right[0]])  # clockwise in image coordinates (y down)
        x0, x1 = (float(v) for v in np.percentile(rel @ right, [1, 99]))
        y0, y1 = (float(v) for v in np.percentile(rel @ down, [1, 99]))
        ml, mt, mb = PRINT_MARGINS
        ch = (y1 - y0) / (mb - mt)
        cw = ch * ID1_ASPECT
        left, top = x0 - ml * cw, y0 - mt * ch
        if not PRINT_SPAN[0] * cw <= x1 - x0 <= PRINT_SPAN[1] * cw:
            continue  # the print runs past the card so placed, or is too short for its rows: not this way
        # The card placed the wrong way round puts its photo box either beside the card (the room: no ink) or,
        # where the block took in the photo, on the label column (dense print); the photo itself shows some ink
        # (its outline, the portrait's), less than print.
        u, v = (((pts - [cx, cy]) @ right) - left) / cw, (((pts - [cx, cy]) @ down) - top) / ch
        in_photo = np.count_nonzero((u >= PHOTO_BOX[0]) & (u <= PHOTO_BOX[2]) & (v >= PHOTO_BOX[1]) & (v <= PHOTO_BOX[3]))
        in_photo /= (PHOTO_BOX[2] - PHOTO_BOX[0]) * (PHOTO_BOX[3] - PHOTO_BOX[1]) * cw * ch
        if in_photo > PRINT_PHOTO_INK:
            continue
        corners = [(left, top), (left + cw, top), (left + cw, top + ch), (left, top + ch)]
        q = np.array([[cx, cy] + a * right + b * down for a, b in corners]) * k
        ways.append((in_photo, q.astype(np.float32)))
    # Of the ways left, the one whose photo box holds the most ink: the photo's outline and portrait.
    return [max(ways, key=lambda way: way[0])[1]] if ways else []


def _card_ground(thumb: np.ndarray) -> bool:
    """The card's four corners show one ground (a KTP's print keeps off them): a block of print on a sheet, whose
    quad runs past the sheet onto a coloured desk, has a corner or two on the desk."""
    h, w = thumb.shape[:2]
    y0, y1, x0, x1 = int(0.03 * h), int(0.1 * h), int(0.02 * w), int(0.07 * w)
    patches = [thumb[ya:yb, xa:xb].reshape(-1, 3) for ya, yb in ((y0, y1), (h - y1, h - y0)) for xa, xb in ((x0, x1), (w - x1, w - x0))]
    med = np.array([np.median(p.astype(np.float32), axis=0) for p in patches])
    step = float(np.linalg.norm(med[:, None] - med[None], axis=2).max())
    return step <= PRINT_GROUND


def _print_card(frame: np.ndarray) -> CardDetection | None:
    """A card whose sides do not show, found by its print (_print_quads) and kept if its layout is a KTP's.

    The margins are a KTP's on average: a card's print sits a few percent off them, which moves the photo box
    out of orientation_score's window, so each quad whose layout already half shows is also tried shifted and
    scaled by PRINT_STEP: the quad is kept (as placed: the best shifted one lies further from the card's corners on
    dev) when one of them shows the layout."""
    h, w = frame.shape[:2]
    best: tuple[float, np.ndarray] | None = None
    for q0 in _print_quads(frame):
        if float(cv2.contourArea(q0)) < MIN_AREA_SHARE * w * h:
            continue
        score0 = orientation_score(warp(frame, q0, (THUMB_W, THUMB_H)))
        if score0 < PRINT_TRY:
            continue
        ex, ey, c = q0[1] - q0[0], q0[3] - q0[0], q0.mean(axis=0)
        for dx, dy, sc in ((dx, dy, sc) for dx in (-PRINT_STEP, 0, PRINT_STEP) for dy in (-PRINT_STEP, 0, PRINT_STEP)
                           for sc in (1 - PRINT_STEP, 1, 1 + PRINT_STEP)):
            q = ((q0 - c) * sc + c + dx * ex + dy * ey).astype(np.float32)
            if not _in_frame(q, w, h):
                continue
            score = score0 if (dx, dy, sc) == (0, 0, 1) else orientation_score(warp(frame, q, (THUMB_W, THUMB_H)))
            if score >= CAST_LAYOUT and (best is None or score > best[0]):
                best = (score, q0)
    if best is None or not _card_ground(warp(frame, best[1], (THUMB_W, THUMB_H))):
        return None
    q = best[1]
    return CardDetection(q, True, float(cv2.contourArea(q)) / (w * h), true_aspect(q, frame.shape), 0.0)


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
                three_sides: bool = False, by_print: bool = False) -> CardDetection | None:
    """Best ID-1 card candidate in a BGR frame (gray: the same frame in grey, if at hand), or None.

    faint: where the plain passes find no card wholly in frame, look again with faint edges (Run 19d).
    three_sides: that look may also take a card with one side unseen, placed at the ID-1 ratio (for
    uploaded scans and photos only: engine.scan_frame's whole_picture).
    by_print: where no outline at all was found, look for the card's print (Run 28f; after three_sides for uploads,
    whose three seen sides place a scan's card more surely).

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
        # A card in frame but too small to read ("move closer") is looked past: on stranger5 dev (Run 34d) it was
        # the card's own photo box or a window pane beside a backlit card, whose whole outline only the later passes
        # found (the faint pass keeps only what shows a KTP's print or tint: _faint_card; a larger card wins).
        if best is not None and best.in_frame and best.area_share >= MIN_SIZE and (faint or best.support >= EARLY_SUPPORT):
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
            # the same outline again (a nested contour, or settled before); a card inside its sleeve is not
            if _same(q, seen, 2 * reach) and not any(_in_sleeve(q, t, reach) for t in seen):
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
            inside = best is not None and _in_sleeve(q, best.corners, reach)
            if (best is not None and (best.in_frame or not faint) and float(cv2.contourArea(q)) / (w * h) <= best.area_share
                    and not inside):
                continue
            if faint and not planes:  # split once, when the faint pass has a candidate to judge
                planes = tuple(cv2.split(frame))
            det = _judge_whole(o, gray, frame.shape, scale, reach, planes, not faint)
            if det is None and o.fitted is not None:  # its sides' own corners (outline.py)
                det = _judge_whole(replace(o, quad=o.fitted), gray, frame.shape, scale, reach, planes, not faint)
            if det is not None and not det.in_frame and not _cut_card_shows_a_ktp(frame, det.corners):
                det = None  # four sides with a corner past the border
            if faint and det is not None:
                det = _faint_card(det, best, frame)
            if det is not None:
                settled.append(q)
            if det is not None and (best is None or (faint and not best.in_frame) or det.area_share > best.area_share
                                    or (inside and det.in_frame and _in_sleeve(det.corners, best.corners, reach))):
                best = det
    if best is not None and best.in_frame:
        best = _card_in_sleeve(best, gray, frame.shape, reach, ()) or best
    if best is None and partial is None and by_print:
        best = _print_card(frame)  # no outline at all: a clipped card before a clipped room (Run 28f)
    if best is None or (partial is not None and _inside_cut_card(best, partial)):
        return partial
    best.corners, best.orientation = upright(frame, best.corners, warp)
    return best
