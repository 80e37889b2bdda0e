"""Find an ID-1 card (85.60 x 53.98 mm) in a webcam frame and straighten it.

Edges are found at half resolution (speed), closed outlines become polygon
candidates, and a candidate is kept only if its perspective-corrected aspect
ratio is that of ID-1 (A4 is 1.41, a phone about 2.1). Corners are then
refined at full resolution by fitting lines to the strongest gradient along
each side, which is what makes the straightened crop sharp at the borders.
"""
from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

ID1_ASPECT = 85.60 / 53.98
ASPECT_BAND = (1.47, 1.72)
CROP_W, CROP_H = 856, 540
WORK_W = 640  # detection width; a 1280x720 frame is halved
MIN_AREA_SHARE = 0.02
MIN_SUPPORT = 0.5  # share of each side that must be a clean straight edge


@dataclass
class CardDetection:
    corners: np.ndarray  # 4x2 float32, TL,TR,BR,BL in card orientation, frame pixels
    in_frame: bool
    area_share: float
    aspect: float
    support: float = 1.0  # smallest share of a side backed by a straight edge, 0..1


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


def _edge_map(small: np.ndarray, close_text: bool) -> np.ndarray:
    # Per-channel Canny: a pale card on a pale desk may differ in hue only.
    if close_text:
        # A grey closing paints dark print over with the card colour, so text that
        # runs close to the card border cannot break the outline into pieces.
        small = cv2.morphologyEx(small, cv2.MORPH_CLOSE, np.ones((7, 7), np.uint8))
    blur = cv2.GaussianBlur(small, (5, 5), 0)
    edges = np.zeros(small.shape[:2], np.uint8)
    for ch in cv2.split(blur):
        edges |= cv2.Canny(ch, 30, 90)
    edges = cv2.dilate(edges, np.ones((3, 3), np.uint8))
    edges[0, :] = edges[-1, :] = edges[:, 0] = edges[:, -1] = 255  # close cards cut by the border
    return edges


def _on_border(p: np.ndarray, q: np.ndarray, w: int, h: int, tol: float = 4) -> bool:
    return bool((p[0] < tol and q[0] < tol) or (p[0] > w - 1 - tol and q[0] > w - 1 - tol)
                or (p[1] < tol and q[1] < tol) or (p[1] > h - 1 - tol and q[1] > h - 1 - tol))


def _intersect(l1: tuple[np.ndarray, np.ndarray], l2: tuple[np.ndarray, np.ndarray]) -> np.ndarray | None:
    (p, d), (q, e) = l1, l2
    den = d[0] * e[1] - d[1] * e[0]
    if abs(den) < 1e-6:
        return None
    t = ((q[0] - p[0]) * e[1] - (q[1] - p[1]) * e[0]) / den
    return p + t * d


def _quad_from_polygon(poly: np.ndarray, w: int, h: int) -> np.ndarray | None:
    """4 card corners from a polygon; sides lying on the frame border are dropped and
    the remaining card sides extended, so a card with a corner cut off is still found."""
    n = len(poly)
    sides = [(poly[i], poly[(i + 1) % n]) for i in range(n) if not _on_border(poly[i], poly[(i + 1) % n], w, h)]
    if len(sides) == 4 and n == 4:
        return poly.astype(np.float32)
    if len(sides) < 4:
        return None
    if len(sides) > 4:  # a corner clipped by a touching object: keep the 4 longest sides
        keep = sorted(np.argsort([-np.linalg.norm(q - p) for p, q in sides])[:4])
        sides = [sides[i] for i in keep]
    lines = [(p.astype(np.float64), (q - p).astype(np.float64)) for p, q in sides]
    pts = [_intersect(lines[i - 1], lines[i]) for i in range(4)]
    if any(p is None for p in pts):
        return None
    return np.array(pts, np.float32)


def _candidates(small: np.ndarray) -> list[np.ndarray]:
    h, w = small.shape[:2]
    contours = []
    for close_text in (False, True):
        found, _ = cv2.findContours(_edge_map(small, close_text), cv2.RETR_LIST, cv2.CHAIN_APPROX_SIMPLE)
        contours.extend(found)
    quads = []
    for c in contours:
        if cv2.contourArea(c) < MIN_AREA_SHARE * w * h * 0.5:
            continue
        hull = cv2.convexHull(c)
        if cv2.contourArea(hull) > 0.9 * w * h:  # the frame border itself
            continue
        poly = cv2.approxPolyDP(hull, 0.015 * cv2.arcLength(hull, True), True).reshape(-1, 2)
        if 4 <= len(poly) <= 8:
            q = _quad_from_polygon(poly.astype(np.float32), w, h)
            if q is not None:
                quads.append(q)
    return quads


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


def _consensus_line(base: np.ndarray, nrm: np.ndarray, offs: np.ndarray, grad: np.ndarray,
                    inside: np.ndarray) -> tuple[tuple[np.ndarray, np.ndarray] | None, float]:
    """RANSAC over the 3 strongest steps of each normal profile.

    Print near the card border (the header, "NIK") is as strong as the border
    itself, but only the border gives a step on every profile along one line.
    """
    n_inside = int(inside.sum())
    if n_inside < 6:
        return None, 1.0  # side mostly out of frame: not judged here
    top = np.argsort(-grad, axis=1)[:, :3]
    strength = np.take_along_axis(grad, top, axis=1)
    keep = (strength > 8) & inside[:, None]
    sample = np.repeat(np.arange(len(base))[:, None], 3, axis=1)[keep]
    pts = (base[:, None, :] + offs[top][..., None] * nrm)[keep]
    if len(pts) < 6:
        return None, 0.0
    rng = np.random.default_rng(0)  # fixed seed: the same frame always gives the same corners
    pairs = rng.integers(0, len(pts), (80, 2))
    pairs = pairs[sample[pairs[:, 0]] != sample[pairs[:, 1]]]
    a, b = pts[pairs[:, 0]], pts[pairs[:, 1]]
    dirs = (b - a) / np.maximum(np.linalg.norm(b - a, axis=1, keepdims=True), 1e-6)
    rel = pts[None, :, :] - a[:, None, :]
    dist = np.abs(rel[..., 0] * dirs[:, None, 1] - rel[..., 1] * dirs[:, None, 0])
    inl = dist < 1.5
    if len(inl) == 0:
        return None, 0.0
    onehot = np.eye(len(base), dtype=np.float32)[sample]  # point -> its profile
    counts = ((inl.astype(np.float32) @ onehot) > 0).sum(axis=1)  # profiles hit, once each
    best = int(counts.argmax())
    found = pts[inl[best]]
    vx, vy, x0, y0 = cv2.fitLine(found.astype(np.float32), cv2.DIST_HUBER, 0, 0.01, 0.01).ravel()
    return (np.array([x0, y0], np.float64), np.array([vx, vy], np.float64)), counts[best] / n_inside


def refine_corners(gray: np.ndarray, quad: np.ndarray, reach: float = 5.0) -> tuple[np.ndarray, float]:
    """Fit a line to the strongest step along each side's normal; intersect neighbours.

    Also returns the edge support: the smallest share, over the four sides, of
    samples that found a step close to the fitted line. A real card outline is
    a straight, continuous edge; the ragged end of a text block is not.
    """
    h, w = gray.shape
    lines = []
    support = 1.0
    offs = np.arange(-reach, reach + 1, 1.0, dtype=np.float32)
    for i in range(4):
        p, q = quad[i].astype(np.float32), quad[(i + 1) % 4].astype(np.float32)
        d = q - p
        length = float(np.linalg.norm(d))
        d /= max(length, 1e-6)
        nrm = np.array([-d[1], d[0]], np.float32)
        ts = np.linspace(0.1, 0.9, 24, dtype=np.float32)[:, None]
        base = p + ts * (q - p)
        pts = base[:, None, :] + offs[None, :, None] * nrm
        prof = cv2.remap(gray, pts[..., 0].astype(np.float32), pts[..., 1].astype(np.float32),
                         cv2.INTER_LINEAR, borderMode=cv2.BORDER_REPLICATE).astype(np.float32)
        grad = np.abs(prof[:, 2:] - prof[:, :-2])  # 2-px step: blurred edges still count
        inside = (base[:, 0] > 1) & (base[:, 0] < w - 2) & (base[:, 1] > 1) & (base[:, 1] < h - 2)
        line, share = _consensus_line(base, nrm, offs[1:-1], grad, inside)
        support = min(support, share)
        lines.append(line if line is not None else (p.astype(np.float64), d.astype(np.float64)))
    out = []
    for i in range(4):
        pt = _intersect(lines[i - 1], lines[i])
        out.append(quad[i] if pt is None or np.linalg.norm(pt - quad[i]) > 3 * reach else pt)
    return np.array(out, np.float32), support


def warp(frame: np.ndarray, corners: np.ndarray, size: tuple[int, int] = (CROP_W, CROP_H)) -> np.ndarray:
    w, h = size
    dst = np.float32([[0, 0], [w, 0], [w, h], [0, h]])
    m = cv2.getPerspectiveTransform(corners.astype(np.float32), dst)
    return cv2.warpPerspective(frame, m, size, flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_REPLICATE)


def _upright(frame_gray: np.ndarray, q: np.ndarray) -> np.ndarray:
    """Pick between q and q rotated 180 degrees: on a KTP the photo (coloured
    backdrop, hair: darker) sits right of centre, the pale text block on the left."""
    thumb = warp(frame_gray, q, (214, 135))
    photo = thumb[30:95, 153:200]
    mirror = thumb[40:105, 14:61]  # where the photo would be if the card were upside down
    if float(photo.mean()) > float(mirror.mean()):
        return np.roll(q, 2, axis=0)
    return q


def detect_card(frame: np.ndarray) -> CardDetection | None:
    """Best ID-1 card candidate in a BGR frame, or None."""
    h, w = frame.shape[:2]
    scale = WORK_W / w if w > WORK_W else 1.0
    small = cv2.resize(frame, (round(w * scale), round(h * scale)), interpolation=cv2.INTER_AREA) if scale != 1.0 else frame
    sh, sw = small.shape[:2]
    gray = cv2.cvtColor(frame, cv2.COLOR_BGR2GRAY)
    best: CardDetection | None = None
    reach = max(4.0, 4.0 / scale)
    for q in _candidates(small):
        q = _order_clockwise(q)
        if not _angles_ok(q):
            continue
        q = _with_long_side_first(q / scale)
        aspect = true_aspect(q, frame.shape)
        if not ASPECT_BAND[0] <= aspect <= ASPECT_BAND[1]:
            continue
        area = float(cv2.contourArea(q)) / (w * h)
        if area < MIN_AREA_SHARE or (best is not None and area <= best.area_share):
            continue
        refined, support = refine_corners(gray, q, reach)
        if support < MIN_SUPPORT:
            continue
        if np.abs(refined - q).max() <= 2 * reach:
            q = refined
        in_frame = bool((q[:, 0] >= 1).all() and (q[:, 0] <= w - 2).all() and (q[:, 1] >= 1).all() and (q[:, 1] <= h - 2).all())
        best = CardDetection(q, in_frame, area, aspect, support)
    if best is None:
        return None
    best.corners = _upright(gray, best.corners)
    return best
