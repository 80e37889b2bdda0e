"""Straight card sides at full resolution, from short normal profiles.

Each side is probed by 24 profiles across it; the strongest steps of every
profile vote (RANSAC) for the one line hit by the most profiles. Print close
to the card border is as strong as the border itself, but only the border is
straight and continuous, so the share of profiles on the line (the support)
separates a card outline from a text block or another ragged shape.
"""
from __future__ import annotations

import cv2
import numpy as np

from .outline import intersect


def _consensus_line(base: np.ndarray, nrm: np.ndarray, offs: np.ndarray, grad: np.ndarray,
                    inside: np.ndarray) -> tuple[tuple[np.ndarray, np.ndarray] | None, float]:
    """RANSAC over the 3 strongest steps of each normal profile.

    Print near the card border (the header, "NIK") is as strong as the border
    itself, but only the border gives a step on every profile along one line.
    """
    n_inside = int(inside.sum())
    if n_inside < 10:
        return None, 1.0  # side mostly (> 60 %) out of frame: not judged here
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


def side_fit(gray: np.ndarray, p: np.ndarray, q: np.ndarray, reach: float) -> tuple[tuple[np.ndarray, np.ndarray] | None, float, int]:
    """The straight edge along segment p-q: (line or None, share of profiles on it, profiles in frame)."""
    h, w = gray.shape
    p, q = p.astype(np.float32), q.astype(np.float32)
    d = q - p
    d /= max(float(np.linalg.norm(d)), 1e-6)
    nrm = np.array([-d[1], d[0]], np.float32)
    offs = np.arange(-reach, reach + 1, 1.0, dtype=np.float32)
    ts = np.linspace(0.1, 0.9, 24, dtype=np.float32)[:, None]
    base = p + ts * (q - p)
    pts = base[:, None, :] + offs[None, :, None] * nrm
    prof = cv2.remap(gray, pts[..., 0].astype(np.float32), pts[..., 1].astype(np.float32),
                     cv2.INTER_LINEAR, borderMode=cv2.BORDER_REPLICATE).astype(np.float32)
    grad = np.abs(prof[:, 2:] - prof[:, :-2])  # 2-px step: blurred edges still count
    inside = (base[:, 0] > 1) & (base[:, 0] < w - 2) & (base[:, 1] > 1) & (base[:, 1] < h - 2)
    line, share = _consensus_line(base, nrm, offs[1:-1], grad, inside)
    return line, share, int(inside.sum())


def refine_corners(gray: np.ndarray, quad: np.ndarray, reach: float = 5.0,
                   planes: tuple[np.ndarray, ...] = (), guessed: np.ndarray | None = None) -> tuple[np.ndarray, float]:
    """Fit a line to the strongest step along each side's normal; intersect neighbours.

    Also returns the edge support: the smallest share, over the four sides, of
    samples that found a step close to the fitted line. A real card outline is
    a straight, continuous edge; the ragged end of a text block is not.
    planes: other images of the frame (its colour channels) each side is also fitted on, keeping
    the best supported fit: a pale card's side against a white lid can be a step in one channel
    that grey halves. guessed: the midpoint of a side that was placed, not seen: it is kept where it
    is and left out of the support.
    """
    lines = []
    support = 1.0
    for i in range(4):
        p, q = quad[i], quad[(i + 1) % 4]
        d = (q - p) / max(float(np.linalg.norm(q - p)), 1e-6)
        if guessed is not None and float(np.linalg.norm((p + q) / 2 - guessed)) < reach:
            lines.append((p.astype(np.float64), d.astype(np.float64)))
            continue
        line, share, _ = max((side_fit(img, p, q, reach) for img in (gray, *planes)), key=lambda fit: fit[1])
        support = min(support, share)
        lines.append(line if line is not None else (p.astype(np.float64), d.astype(np.float64)))
    out = []
    for i in range(4):
        pt = intersect(lines[i - 1], lines[i])
        out.append(quad[i] if pt is None or np.linalg.norm(pt - quad[i]) > 3 * reach else pt)
    return np.array(out, np.float32), support
