"""Card outline candidates from an edge map (work resolution).

Three kinds of candidate come out of one closed outline:

- a quadrilateral whose four sides are all visible (some may be cut short by
  the frame border: the sides are extended and intersected);
- a card cut by the frame border with only three sides visible (two corners
  out of view): the middle side is whole, the two others run out of the frame
  parallel to each other, and the hidden side is placed at the ID-1 ratio;
- a card with a single corner in view (two sides visible), sized as the
  smallest ID-1 card whose hidden corners are all out of the frame.

The last two are *hypotheses* (`partial=True`): good enough to tell the
visitor "move the card into the frame", never used for a capture. Border runs
are found on the convex hull's own vertices (not after polygon approximation,
which moves a vertex a few pixels off the border and used to turn the border
into a fake fourth card side).
"""
from __future__ import annotations

import itertools
from dataclasses import dataclass

import cv2
import numpy as np

ID1_ASPECT = 85.60 / 53.98
BORDER_TOL = 3.0  # px at work scale: hull vertices this close to the frame edge lie on it
MIN_SIDE = 8.0  # px at work scale: shorter hull pieces are corner rounding, not sides
NOTCH = 3.0  # px at work scale: contour points this close to a hull edge run along it

Segment = tuple[np.ndarray, np.ndarray]


@dataclass
class Outline:
    quad: np.ndarray  # 4x2 float32 corners at work scale; hidden corners lie outside the frame
    visible: list[Segment]  # the card sides actually seen (work scale)
    partial: bool  # True: a hypothesis built from 2 or 3 visible sides
    cut: bool = False  # touches the frame border: some corners were extrapolated
    fitted: np.ndarray | None = None  # corners where lines fitted to the sides meet (judged when quad fails)
    guessed: np.ndarray | None = None  # midpoint of a side placed at the ID-1 ratio, not seen (line_quads)


FAINT_CANNY = (10, 30)  # the faint pass's thresholds (the plain passes use 30, 90): see edge_map


def edge_map(small: np.ndarray, close_text: bool, close_px: int = 7, faint: bool = False) -> np.ndarray:
    """Edges of the work-scale frame, each channel on its own: a pale card on a pale desk may differ
    in hue only. faint: thresholds a third of the plain ones, for a pale card on a white scanner lid
    or before a cream wall, whose edge is a step of 10-30 grey levels in one channel (Run 19d)."""
    if close_text:
        # A grey closing paints dark print over with the card colour, so text that
        # runs close to the card border cannot break the outline into pieces.
        small = cv2.morphologyEx(small, cv2.MORPH_CLOSE, np.ones((close_px, close_px), np.uint8))
    blur = cv2.GaussianBlur(small, (5, 5), 0)
    edges = np.zeros(small.shape[:2], np.uint8)
    for ch in cv2.split(blur):
        edges |= cv2.Canny(ch, *(FAINT_CANNY if faint else (30, 90)))
    edges = cv2.dilate(edges, np.ones((3, 3), np.uint8))
    edges[0, :] = edges[-1, :] = edges[:, 0] = edges[:, -1] = 255  # close cards cut by the border
    return edges


def _near_border(p: np.ndarray, w: int, h: int, tol: float = BORDER_TOL) -> tuple[bool, bool, bool, bool]:
    return (bool(p[0] < tol), bool(p[0] > w - 1 - tol), bool(p[1] < tol), bool(p[1] > h - 1 - tol))


def _on_border(p: np.ndarray, q: np.ndarray, w: int, h: int) -> bool:
    return any(a and b for a, b in zip(_near_border(p, w, h), _near_border(q, w, h)))


def intersect(l1: Segment, l2: Segment) -> np.ndarray | None:
    """Intersection of two lines given as (point, direction)."""
    (p, d), (q, e) = l1, l2
    den = d[0] * e[1] - d[1] * e[0]
    if abs(den) < 1e-6:
        return None
    t = ((q[0] - p[0]) * e[1] - (q[1] - p[1]) * e[0]) / den
    return p + t * d


def _line(seg: Segment) -> Segment:
    p, q = seg
    return p.astype(np.float64), (q - p).astype(np.float64)


def _quad_from_sides(sides: list[Segment], cut: bool = False) -> np.ndarray | None:
    if len(sides) > 4:  # a corner clipped by a touching object: keep the 4 longest sides
        keep = sorted(np.argsort([-np.linalg.norm(q - p) for p, q in sides])[:4])
        sides = [sides[i] for i in keep]
    lines = [_line(s) for s in sides]
    if cut:
        # A side cut down to a stub by the frame border has no reliable direction of its
        # own; the opposite side's direction is close to it (only perspective differs).
        lengths = [float(np.linalg.norm(q - p)) for p, q in sides]
        for i in range(4):
            if lengths[i] < 0.3 * lengths[(i + 2) % 4]:
                lines[i] = ((sides[i][0] + sides[i][1]).astype(np.float64) / 2, lines[(i + 2) % 4][1])
    pts = [intersect(lines[i - 1], lines[i]) for i in range(4)]
    if any(p is None for p in pts):
        return None
    return np.array(pts, np.float32)


def _hidden(p: np.ndarray, w: int, h: int, slack: float) -> bool:
    """True if a corner at p could not be seen: outside the frame, or within slack of its edge."""
    return bool(p[0] < slack or p[0] > w - 1 - slack or p[1] < slack or p[1] > h - 1 - slack)


def _seen(p: np.ndarray, w: int, h: int) -> bool:
    """A corner the hypothesis claims to see must lie in the frame (2 px of rounding allowed)."""
    return bool(-2 <= p[0] <= w + 1 and -2 <= p[1] <= h + 1)


def _away(corner: np.ndarray, seg: Segment) -> tuple[np.ndarray, float]:
    """Unit direction from corner along seg towards its far end, and the visible length."""
    far = max(seg, key=lambda p: float(np.linalg.norm(p - corner)))
    d = far - corner
    length = float(np.linalg.norm(d))
    return d / max(length, 1e-6), length


def hypothesis(segs: list[Segment], w: int, h: int) -> np.ndarray | None:
    """Corners of the card seen as 2 or 3 sides running out of a w x h frame, or None."""
    if len(segs) == 3:
        return _three_sides(segs, w, h)
    if len(segs) == 2:
        return _two_sides(segs, w, h)
    return None


def _three_sides(segs: list[Segment], w: int, h: int) -> np.ndarray | None:
    s0, s1, s2 = segs
    c1, c2 = intersect(_line(s0), _line(s1)), intersect(_line(s1), _line(s2))
    if c1 is None or c2 is None:  # (one of them may be out of view: then a stub of s2 is seen)
        return None
    d0, v0 = _away(c1, s0)
    d2, v2 = _away(c2, s2)
    if float(np.dot(d0, d2)) < np.cos(np.radians(35)):  # opposite card sides run (nearly) parallel
        return None
    whole = float(np.linalg.norm(c2 - c1))
    for ratio in (1 / ID1_ASPECT, ID1_ASPECT):  # the whole side is the long one, else the short one
        other = whole * ratio
        if max(v0, v2) > 1.15 * other:  # more of the side is seen than the card could have
            continue
        # Perspective makes the nominal length ~10 % uncertain; the side runs on past the border.
        other = max(other, v0, v2)
        f0, f2 = c1 + d0 * other, c2 + d2 * other
        if _hidden(f0, w, h, 0.04 * other) and _hidden(f2, w, h, 0.04 * other):
            return np.array([c1, c2, f2, f0], np.float32)
    return None


def _two_sides(segs: list[Segment], w: int, h: int) -> np.ndarray | None:
    s0, s1 = segs
    c = intersect(_line(s0), _line(s1))
    if c is None or not _seen(c, w, h):
        return None
    d0, v0 = _away(c, s0)
    d1, v1 = _away(c, s1)
    best = None
    for long0 in (True, False):  # side s0 is the long one, or s1 is
        if long0:
            l0 = max(v0, ID1_ASPECT * v1)
            l1 = l0 / ID1_ASPECT
        else:
            l1 = max(v1, ID1_ASPECT * v0)
            l0 = l1 / ID1_ASPECT
        quad = np.array([c, c + d0 * l0, c + d0 * l0 + d1 * l1, c + d1 * l1], np.float32)
        slack = 0.04 * min(l0, l1)
        if all(_hidden(p, w, h, slack) for p in quad[1:]) and (best is None or l0 * l1 < best[0]):
            best = (l0 * l1, quad)
    return None if best is None else best[1]


def _chords(contour: np.ndarray, idx: np.ndarray) -> list[bool]:
    """For each hull edge: True if the contour does not run along it (for < 30 % of its length).

    Such an edge has no edge pixels along it, so it is not a card side (it shows up where
    print inside a card cut by the border reaches the frame edge).
    """
    pts = contour.reshape(-1, 2).astype(np.float32)
    n, out = len(pts), []
    for k in range(len(idx)):
        a, b = int(idx[k]), int(idx[(k + 1) % len(idx)])
        fwd = (b - a) % n
        path = pts[[(a + i) % n for i in range(fwd + 1)]] if fwd <= n - fwd else pts[[(b + i) % n for i in range(n - fwd + 1)]]
        p, q = pts[a], pts[b]
        d = (q - p) / max(float(np.linalg.norm(q - p)), 1e-6)
        near = np.abs((path[:, 0] - p[0]) * d[1] - (path[:, 1] - p[1]) * d[0]) <= NOTCH
        steps = np.linalg.norm(np.diff(path, axis=0), axis=1)
        followed = float(steps[near[:-1] & near[1:]].sum())  # contour length running along the edge
        out.append(followed < 0.3 * float(np.linalg.norm(q - p)))
    return out


SIDE_FIT_SPAN = (0.15, 0.85)  # the middle of each side: its ends bend into the rounded corners
SIDE_FIT_TOL = 4.0  # px at work scale: contour points this close to the approximated side lie on it


def _fitted_corners(quad: np.ndarray, contour: np.ndarray) -> np.ndarray | None:
    """The corners where lines fitted to the contour along each side's middle meet (None when
    they cannot be fitted, lie where the approximation does, or far from it).

    The polygon approximation puts a corner at a hull vertex, which on a rounded corner, beside
    a thumb or over a card's shadow can lie ~10 px (work scale) off the card's true corner; the
    side refinement (sides.py) only searches a few pixels either way and then rejects the card
    (stranger dev, Run 14r: 91 of 100 cards found, 12 of those by their photo box; with these
    corners 96, with card.py's second judging of the closed outline too 99). The middle
    of each side is straight: fitted lines meet at the true corners. They are judged only where
    the approximated corners fail (card.py): taken first, they moved our own dev's crops and
    lost 2 of 49 found cards."""
    pts = contour.reshape(-1, 2).astype(np.float32)
    lines = []
    for i in range(4):
        a, b = quad[i], quad[(i + 1) % 4]
        length = float(np.linalg.norm(b - a))
        d = (b - a) / max(length, 1e-6)
        along = (pts - a) @ d
        off = np.abs((pts[:, 0] - a[0]) * d[1] - (pts[:, 1] - a[1]) * d[0])
        on = pts[(along > SIDE_FIT_SPAN[0] * length) & (along < SIDE_FIT_SPAN[1] * length) & (off < SIDE_FIT_TOL)]
        if len(on) < 2:
            return None
        vx, vy, x0, y0 = cv2.fitLine(on, cv2.DIST_HUBER, 0, 0.01, 0.01).ravel()
        lines.append((np.array([x0, y0], np.float64), np.array([vx, vy], np.float64)))
    corners = [intersect(lines[i - 1], lines[i]) for i in range(4)]
    if any(c is None for c in corners):
        return None
    fitted = np.array(corners, np.float32)
    moved = float(np.abs(fitted - quad).max())
    # A fit pulled by a bump (a finger along a side) moves a corner far: keep the approximation.
    return fitted if 0.5 <= moved <= 4 * SIDE_FIT_TOL else None


def outline_from_hull(hull: np.ndarray, w: int, h: int, contour: np.ndarray | None = None,
                      idx: np.ndarray | None = None) -> Outline | None:
    """The card outline a convex hull (work scale, frame w x h) describes, or None.

    contour and idx (the hull's indices into it) let a cut card's hull edges that bridge
    a notch of the contour be told apart from card sides."""
    pts = hull.reshape(-1, 2).astype(np.float32)
    n = len(pts)
    border = [_on_border(pts[i], pts[(i + 1) % n], w, h) for i in range(n)]
    if contour is not None and idx is not None and any(border):  # a bridged notch is no card side
        border = [b or c for b, c in zip(border, _chords(contour, idx))]
    eps = 0.015 * cv2.arcLength(hull, True)
    if not any(border):
        poly = cv2.approxPolyDP(hull, eps, True).reshape(-1, 2).astype(np.float32)
        if not 4 <= len(poly) <= 8:
            return None
        sides = [(poly[i], poly[(i + 1) % len(poly)]) for i in range(len(poly))]
        quad = poly if len(poly) == 4 else _quad_from_sides(sides)
        if quad is None:
            return None
        fitted = _fitted_corners(quad, contour) if len(poly) == 4 and contour is not None else None
        return Outline(quad, sides, False, fitted=fitted)
    start = border.index(True) + 1  # walk the hull from the end of a border run
    chains, cur = [], []
    for k in range(n):
        i = (start + k) % n
        if border[i]:
            if cur:
                chains.append(cur)
            cur = []
        else:
            cur = cur or [pts[i]]
            cur.append(pts[(i + 1) % n])
    if cur:
        chains.append(cur)
    segs: list[Segment] = []
    for chain in chains:
        ap = cv2.approxPolyDP(np.array(chain, np.float32).reshape(-1, 1, 2), eps, False).reshape(-1, 2)
        pieces = list(zip(ap[:-1], ap[1:]))
        longest = max(float(np.linalg.norm(b - a)) for a, b in pieces)
        for k, (a, b) in enumerate(pieces):
            length = float(np.linalg.norm(b - a))
            # A short piece inside the chain is a rounded corner; at the chain's end it is a
            # real side cut short by the border, kept (its direction is fixed up later).
            end = k in (0, len(pieces) - 1)
            if length >= MIN_SIDE and (end or length >= 0.12 * longest):
                segs.append((a, b))
    if len(segs) >= 4:
        quad = _quad_from_sides(segs, cut=True)
        return None if quad is None else Outline(quad, segs, False, cut=True)
    quad = hypothesis(segs, w, h)
    return None if quad is None else Outline(quad, segs, True, cut=True)


def candidates(small: np.ndarray, close_text: bool, min_area: float, close_px: int = 7,
               faint: bool = False, shape_ok=None, three_sides: bool = False) -> list[Outline]:
    """Outlines from one edge map of the work-scale frame, largest first (with faint, the quads of
    line_quads that shape_ok accepts first)."""
    h, w = small.shape[:2]
    edges = edge_map(small, close_text, close_px, faint)
    found, _ = cv2.findContours(edges, cv2.RETR_LIST, cv2.CHAIN_APPROX_SIMPLE)
    # the faint pass also tries the quads its long straight lines enclose (line_quads)
    out = [Outline(q, [(q[i], q[(i + 1) % 4]) for i in range(4)], False, guessed=mid)
           for q, mid in line_quads(found, w, h, shape_ok, three_sides=three_sides)] if faint else []
    for c in sorted(found, key=cv2.contourArea, reverse=True):
        if cv2.contourArea(c) < min_area * w * h * 0.5:
            break
        idx = cv2.convexHull(c, returnPoints=False).ravel()
        hull = c[idx]
        if cv2.contourArea(hull) > 0.9 * w * h:  # the frame border itself
            continue
        o = outline_from_hull(hull, w, h, c, idx)
        if o is not None:
            out.append(o)
    return out


# --- the faint pass's lines: a card whose contour is no quad -----------------------------------
# A sheet's edge touching the card, a shadow's edge or the rim of a shirt crossing a side join the
# card's contour to theirs, so its hull is no quad (stranger3 dev, Run 19d). Its four sides are
# still the longest straight edges there: found as lines in the edge map and tried four at a time.
MIN_RUN = 25  # px at work scale: shorter straight pieces are print, corners or noise
SIDE_EPS = 2.0  # px at work scale: the contours' polygon approximation
SAME_LINE = (np.deg2rad(5), 3.5)  # pieces this close in angle and offset are one side cut in two
MOST_LINES = 9  # the longest lines tried four at a time (126 quadruples)
MIN_COVER = 0.6  # share of the quad's perimeter the edge map's straight pieces run along
MIN_SIDE_COVER = 0.3  # ... and of each of its sides
PARALLEL = np.cos(np.deg2rad(25))  # opposite sides of a tilted card are this near parallel
CROSSING = np.cos(np.deg2rad(50))  # neighbouring sides at least this far from parallel


def _lines(contours, w: int, h: int) -> list[tuple[np.ndarray, np.ndarray, list[tuple[float, float]]]]:
    """The long straight pieces of the edge map's contours (not on the frame border), joined into
    lines: (a point, unit direction, the pieces' spans along it), the longest covered first."""
    pieces = []
    for c in contours:
        if cv2.arcLength(c, True) < 2 * MIN_RUN:
            continue
        poly = cv2.approxPolyDP(c, SIDE_EPS, True).reshape(-1, 2).astype(np.float64)
        pieces.append(np.hstack([poly, np.roll(poly, -1, axis=0)]))
    if not pieces:
        return []
    segs = np.vstack(pieces)
    segs = segs[np.hypot(segs[:, 2] - segs[:, 0], segs[:, 3] - segs[:, 1]) >= MIN_RUN]
    xs, ys = segs[:, [0, 2]], segs[:, [1, 3]]
    on_border = ((xs < BORDER_TOL).all(axis=1) | (xs > w - 1 - BORDER_TOL).all(axis=1)
                 | (ys < BORDER_TOL).all(axis=1) | (ys > h - 1 - BORDER_TOL).all(axis=1))
    segs = segs[~on_border]
    length = np.linalg.norm(segs[:, 2:] - segs[:, :2], axis=1)
    order = np.argsort(-length)
    segs, length = segs[order], length[order]
    a, b = segs[:, :2], segs[:, 2:]
    d = (b - a) / np.maximum(length, 1e-6)[:, None]
    mid = (a + b) / 2
    pts, dirs, spans = [], [], []
    for k in range(len(segs)):
        if pts:
            P, E = np.array(pts), np.array(dirs)
            sin = np.abs(d[k, 0] * E[:, 1] - d[k, 1] * E[:, 0])
            off = np.abs((mid[k, 0] - P[:, 0]) * E[:, 1] - (mid[k, 1] - P[:, 1]) * E[:, 0])
            hit = np.flatnonzero((sin < np.sin(SAME_LINE[0])) & (off < SAME_LINE[1]))
            if len(hit):
                j = int(hit[0])
                ta, tb = sorted((float(np.dot(a[k] - P[j], E[j])), float(np.dot(b[k] - P[j], E[j]))))
                spans[j].append((ta, tb))
                continue
        pts.append(a[k])
        dirs.append(d[k])
        spans.append([(0.0, float(length[k]))])
    lines = [(p, e, s) for p, e, s in zip(pts, dirs, spans)]
    return sorted(lines, key=lambda ln: -_covered(ln[2], -1e9, 1e9))[:MOST_LINES]


def _covered(spans: list[tuple[float, float]], lo: float, hi: float) -> float:
    """Length of [lo, hi] that the union of spans covers."""
    out, end = 0.0, lo
    for a, b in sorted(spans):
        a, b = max(a, end), min(b, hi)
        if b > a:
            out += b - a
            end = b
    return out


def _inside(quad: np.ndarray, w: int, h: int) -> bool:
    return bool((quad[:, 0] >= 0).all() and (quad[:, 0] < w).all() and (quad[:, 1] >= 0).all() and (quad[:, 1] < h).all())


def _side_cover(line, a: np.ndarray, b: np.ndarray) -> tuple[float, float]:
    p, e, spans = line
    t0, t1 = sorted((float(np.dot(a - p, e)), float(np.dot(b - p, e))))
    return _covered(spans, t0, t1), t1 - t0


THREE_SIDE_COVER = 0.7  # a guessed quad's three seen sides: each this well covered


def _three_side_quads(lines, w: int, h: int, shape_ok) -> list[tuple[float, np.ndarray, np.ndarray]]:
    """Quads of which three sides are lines (one whole side and the two running from its ends) and
    the fourth, unseen, is placed parallel to the whole side at the ID-1 ratio: a pale card on a white
    scanner lid whose lower side is no step at all (stranger3 dev scans). (score, quad, guessed side's midpoint)."""
    out = []
    for si, side in enumerate(lines):
        for ai in range(len(lines)):
            for bi in range(ai + 1, len(lines)):
                if si in (ai, bi):
                    continue
                la, lb = lines[ai], lines[bi]
                if (abs(float(np.dot(la[1], lb[1]))) < PARALLEL or abs(float(np.dot(side[1], la[1]))) > CROSSING
                        or abs(float(np.dot(side[1], lb[1]))) > CROSSING):
                    continue
                c1, c2 = intersect(side[:2], la[:2]), intersect(side[:2], lb[:2])
                if c1 is None or c2 is None:
                    continue
                length = float(np.linalg.norm(c2 - c1))
                nrm = np.array([-side[1][1], side[1][0]])
                far = la[0] + la[1] * np.mean([sum(sp) / 2 for sp in la[2]])  # where A's pieces lie
                if float(np.dot(far - c1, nrm)) < 0:
                    nrm = -nrm
                best = None
                for depth in (length * ID1_ASPECT, length / ID1_ASPECT):  # the larger first
                    da = la[1] if float(np.dot(la[1], nrm)) > 0 else -la[1]
                    db = lb[1] if float(np.dot(lb[1], nrm)) > 0 else -lb[1]
                    c4 = c1 + da * depth / max(float(np.dot(da, nrm)), 1e-6)
                    c3 = c2 + db * depth / max(float(np.dot(db, nrm)), 1e-6)
                    quad = np.array([c1, c2, c3, c4], np.float32)
                    if not _inside(quad, w, h) or not cv2.isContourConvex(quad.reshape(-1, 1, 2)) or not shape_ok(quad):
                        continue
                    covers = [_side_cover(side, c1, c2), _side_cover(lb, c2, c3), _side_cover(la, c4, c1)]
                    if min(c / max(n, 1e-6) for c, n in covers) >= THREE_SIDE_COVER:
                        best = (sum(c for c, _ in covers) / sum(n for _, n in covers), quad, (c3 + c4) / 2)
                        break
                if best is not None:
                    out.append(best)
    return out


def line_quads(contours, w: int, h: int, shape_ok, most: int = 3,
               three_sides: bool = False) -> list[tuple[np.ndarray, np.ndarray | None]]:
    """Quads (work scale, inside the frame, shape_ok(quad) true: the caller's card shape) whose four
    sides lie on long straight lines of the edge map's contours, best covered first; with three_sides also those
    with a fourth side guessed (_three_side_quads). (quad, guessed side's midpoint or None)."""
    lines = _lines(contours, w, h)
    dirs = np.array([ln[1] for ln in lines]).reshape(-1, 2)
    dot = np.abs(dirs @ dirs.T).tolist()  # |cos| between every two lines, as plain floats (speed)
    found = [(score, quad, mid) for score, quad, mid in _three_side_quads(lines, w, h, shape_ok)] if three_sides else []
    for four in itertools.combinations(range(len(lines)), 4):
        i0 = four[0]
        k = max(range(1, 4), key=lambda i: dot[i0][four[i]])
        rest = [four[i] for i in range(1, 4) if i != k]
        if dot[i0][four[k]] < PARALLEL or dot[rest[0]][rest[1]] < PARALLEL or dot[i0][rest[0]] > CROSSING:
            continue
        ls = [lines[i] for i in four]
        rest = [i for i in range(1, 4) if i != k]
        order = [ls[0], ls[rest[0]], ls[k], ls[rest[1]]]
        pts = [intersect((order[i - 1][0], order[i - 1][1]), (order[i][0], order[i][1])) for i in range(4)]
        if any(p is None for p in pts):
            continue
        quad = np.array(pts, np.float32)
        if not _inside(quad, w, h):
            continue
        if not cv2.isContourConvex(quad.reshape(-1, 1, 2)):
            continue
        cover, length, weakest = 0.0, 0.0, 1.0
        for i, (p, e, spans) in enumerate(order):  # side i runs from corner i to corner i+1
            t0, t1 = sorted((float(np.dot(quad[i] - p, e)), float(np.dot(quad[(i + 1) % 4] - p, e))))
            c = _covered(spans, t0, t1)
            cover, length = cover + c, length + (t1 - t0)
            weakest = min(weakest, c / max(t1 - t0, 1e-6))
        if weakest >= MIN_SIDE_COVER and cover / max(length, 1e-6) >= MIN_COVER and shape_ok(quad):
            found.append((cover / length, quad, None))
    found.sort(key=lambda f: -f[0])
    return [(q, mid) for _, q, mid in found[:most]]
