"""Webcam-realistic scenes: small and tilted cards, thumbs, cluttered desks, poor light, soft optics.

`card_scene` draws the variation listed in issue 10 and returns the conditions it used as tags, so
the benchmark can report each condition separately. Everything is seeded from a numpy Generator.

A steady run of frames is either a still hold (the scene drawn once, later frames differ by noise and
a pixel of shake) or a moving hold (`hold_at`, Run 25s): the hand moves as a real one does - the
thumb slides along the edge or lifts, the glare band slides as the card tilts, a card moving into
place comes to rest, the focus settles, the pose drifts - drawn from the run's own stream, so frame 0
is the still hold's frame 0 and every frame is reproducible.
"""
from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

from .scenes import FRAME_H, FRAME_W, _inside, background, paste_quad, project_quad

ID1 = 85.6 / 53.98


@dataclass(frozen=True)
class HoldFrame:
    """How one frame of a moving hold differs from the run's first frame (the default: not at all)."""

    shift: tuple[float, float] = (0.0, 0.0)  # card centre moved, px
    turn: float = 0.0  # card turned about its centre, degrees
    scale: float = 1.0  # card brought nearer (> 1) or taken back
    thumb_slide: float = 0.0  # thumb moved along its edge, fraction of the edge
    thumb_depth: float = 1.0  # how far onto the card the tip reaches, times the first frame's
    thumb_lifted: bool = False
    glare_slide: float = 0.0  # glare band moved across the card, fraction of the card's width
    glare_turn: float = 0.0  # glare band turned, radians
    motion: float = 1.0  # a motion scene's blur length, times its first frame's (0: at rest)
    shake: int = 0  # a jolt of the hand: blur length in px on any scene (0: none)
    shake_angle: float = 0.0
    focus: float = 0.0  # how far a soft scene's focus has settled: 0 as drawn, 1 sharp


HOLD_STREAM = 2525  # the moving hold's own stream: the scene's and the frames' draws stay as they were


def hold_at(conditions: dict, index: int) -> HoldFrame:
    """Frame `index` of the scene's moving hold. Drawn frame by frame from the run's own stream, so
    frame k is the same however long the run; the assumptions (how far, how fast) are ours, not
    measured on real holds: a few px and a quarter degree of drift a frame, the thumb sliding up to
    3 % of the edge a frame and lifted from a random frame in a third of runs, the glare band sliding
    1-5 % of the card's width a frame, a card that moved coming to rest within 3-12 frames, the
    focus of a soft scene settling part of the way, and a jolt on about 1 frame in 12."""
    rng = np.random.default_rng([conditions["seed"], HOLD_STREAM])
    thumb_v, glare_v = float(rng.uniform(-0.03, 0.03)), float(rng.uniform(0.01, 0.05) * rng.choice([-1, 1]))
    lift_at = int(rng.integers(2, 16)) if rng.random() < 0.35 else None
    rest, focus_end, focus_tau = float(rng.uniform(3, 12)), float(rng.uniform(0, 0.8)), float(rng.uniform(2, 8))
    shift, turn, scale, depth, wobble, glare_turn = np.zeros(2), 0.0, 1.0, 1.0, 0.0, 0.0
    shake, shake_angle = 0, 0.0
    for i in range(1, index + 1):
        shift = shift + rng.normal(0, 1.5, 2)
        turn += float(rng.normal(0, 0.25))
        scale *= 1 + float(rng.normal(0, 0.003))
        depth = float(np.clip(depth + rng.normal(0, 0.06), 0.5, 1.5))
        wobble += float(rng.normal(0, 0.01))
        glare_turn += float(rng.normal(0, 0.02))
        jolt, n, angle = rng.random() < 0.08, int(rng.integers(3, 7)), float(rng.uniform(0, 180))
        shake, shake_angle = (n, angle) if jolt else (0, 0.0)
    if index == 0:
        return HoldFrame()
    return HoldFrame(shift=(float(shift[0]), float(shift[1])), turn=turn, scale=scale,
                     thumb_slide=thumb_v * index + wobble, thumb_depth=depth,
                     thumb_lifted=lift_at is not None and index >= lift_at,
                     glare_slide=glare_v * index, glare_turn=glare_turn, motion=max(0.0, 1 - index / rest),
                     shake=shake, shake_angle=shake_angle, focus=focus_end * (1 - float(np.exp(-index / focus_tau))))


def _moved(quad: np.ndarray, hold: HoldFrame) -> np.ndarray:
    """The card's corners after the hold's drift; a drift that would take it out of the frame is not
    applied (the visitor keeps the card in view)."""
    c = quad.mean(0)
    a = np.radians(hold.turn)
    rot = np.array([[np.cos(a), -np.sin(a)], [np.sin(a), np.cos(a)]]) * hold.scale
    moved = ((quad - c) @ rot.T + c + np.array(hold.shift)).astype(np.float32)
    return moved if _inside(moved, 10) else quad


@dataclass
class Scene:
    frame: np.ndarray
    quad: np.ndarray | None  # true card corners TL,TR,BR,BL, or None for a negative
    tags: tuple[str, ...]
    blur: float = 0.0


def _keyboard(rng: np.random.Generator) -> np.ndarray:
    w, h = 900, 300
    kb = np.full((h, w, 3), int(rng.integers(20, 60)), np.uint8)
    key = int(rng.integers(50, 110))
    for r in range(5):
        for c in range(15):
            x0, y0 = 12 + c * 59, 12 + r * 57
            cv2.rectangle(kb, (x0, y0), (x0 + 50, y0 + 48), (key, key, key), -1)
            cv2.putText(kb, "QWERTYUIOPASDFG"[c], (x0 + 14, y0 + 34), cv2.FONT_HERSHEY_SIMPLEX, 0.9,
                        (230, 230, 230), 2, cv2.LINE_AA)
    return kb


def _paper(rng: np.random.Generator) -> np.ndarray:
    w, h = 420, 594
    page = np.full((h, w, 3), int(rng.integers(225, 250)), np.uint8)
    for y in range(50, h - 40, 16):
        if rng.random() < 0.85:
            cv2.line(page, (35, y), (int(rng.uniform(150, w - 35)), y), (60, 60, 60), 2)
    return page


def _phone(rng: np.random.Generator) -> np.ndarray:
    phone = np.full((630, 300, 3), 25, np.uint8)
    phone[40:590, 14:286] = np.array(rng.uniform(60, 250, 3), np.uint8)
    return phone


def _bank_card(rng: np.random.Generator) -> np.ndarray:
    card = np.zeros((540, 856, 3), np.uint8)
    card[:] = np.array(rng.uniform(20, 200, 3), np.uint8)
    cv2.rectangle(card, (90, 200), (210, 290), (60, 170, 210), -1)  # chip
    cv2.putText(card, "4111 2222 3333 4444", (90, 400), cv2.FONT_HERSHEY_SIMPLEX, 2.0, (235, 235, 235), 4)
    return card


CLUTTER = {"keyboard": (_keyboard, 900), "paper": (_paper, 420), "phone": (_phone, 300), "bank_card": (_bank_card, 856)}


def _clutter(frame: np.ndarray, rng: np.random.Generator, avoid: np.ndarray | None, at_edge: bool,
             kinds: tuple[str, ...] = tuple(CLUTTER)) -> list[str]:
    """Objects on the desk; at_edge puts each one partly beyond the frame border."""
    placed = []
    for _ in range(int(rng.integers(1, 4))):
        kind = kinds[int(rng.integers(len(kinds)))]
        make, native_w = CLUTTER[kind]
        obj = make(rng)
        h, w = obj.shape[:2]
        width_px = {"keyboard": 900, "paper": 380, "phone": 200, "bank_card": 330}[kind] * float(rng.uniform(0.7, 1.2))
        for _try in range(30):
            if at_edge:
                side = int(rng.integers(4))
                c = [float(rng.uniform(0, FRAME_W)), float(rng.uniform(0, FRAME_H))]
                if side < 2:
                    c[0] = float(rng.uniform(-0.1, 0.1) * FRAME_W + (0 if side == 0 else FRAME_W))
                else:
                    c[1] = float(rng.uniform(-0.1, 0.1) * FRAME_H + (0 if side == 2 else FRAME_H))
            else:
                c = [float(rng.uniform(0, FRAME_W)), float(rng.uniform(0, FRAME_H))]
            quad = project_quad(w, h, (c[0], c[1]), width_px, float(rng.uniform(0, 360)), *rng.uniform(-10, 10, 2))
            if at_edge and _inside(quad, 0):
                continue
            if avoid is not None and _overlap(quad, avoid):
                continue
            paste_quad(frame, obj, quad)
            placed.append(kind)
            break
    return placed


def _overlap(a: np.ndarray, b: np.ndarray) -> bool:
    ax0, ay0 = a.min(0) - 10
    ax1, ay1 = a.max(0) + 10
    bx0, by0 = b.min(0)
    bx1, by1 = b.max(0)
    return not (ax1 < bx0 or bx1 < ax0 or ay1 < by0 or by1 < ay0)


def _thumb(frame: np.ndarray, quad: np.ndarray, rng: np.random.Generator, hold: HoldFrame = HoldFrame()) -> None:
    """A thumb over one long edge, the tip on the card, the rest beyond it; where the hold moves it,
    slid along the edge, reaching further or less far, or lifted (the draws are made all the same)."""
    edge = 0 if rng.random() < 0.5 else 2  # top (TL-TR) or bottom (BR-BL) long side
    a, b = quad[edge], quad[(edge + 1) % 4]
    t = float(np.clip(rng.uniform(0.2, 0.8) + hold.thumb_slide, 0.05, 0.95))
    p = a + t * (b - a)
    inward = quad.mean(0) - p
    inward /= np.linalg.norm(inward) + 1e-9
    card_w = float(np.linalg.norm(b - a))
    length, width = card_w * float(rng.uniform(0.22, 0.32)), card_w * float(rng.uniform(0.09, 0.12))
    # The tip reaches (0.5 + u) lengths in from the edge; the hold scales that reach.
    u = float(rng.uniform(0.0, 0.25))
    centre = p + inward * length * (u if hold.thumb_depth == 1.0 else (0.5 + u) * hold.thumb_depth - 0.5)
    angle = float(np.degrees(np.arctan2(inward[1], inward[0])))
    skin = tuple(int(v) for v in (rng.uniform(80, 140), rng.uniform(120, 170), rng.uniform(170, 225)))
    if hold.thumb_lifted:
        return
    cv2.ellipse(frame, (int(centre[0]), int(centre[1])), (int(length / 2), int(width / 2)), angle, 0, 360,
                skin, -1, cv2.LINE_AA)


def _glare_band(frame: np.ndarray, quad: np.ndarray, rng: np.random.Generator, hold: HoldFrame = HoldFrame()) -> None:
    """A laminate reflection: a soft bright band across the card; a tilting hand slides and turns it."""
    c = quad.mean(0) + rng.uniform(-0.3, 0.3, 2) * (quad.max(0) - quad.min(0)) / 2
    ang = float(rng.uniform(0, np.pi))
    n = np.array([np.cos(ang), np.sin(ang)])
    c = c + n * hold.glare_slide * float(np.linalg.norm(quad[1] - quad[0]))
    ang += hold.glare_turn
    n = np.array([np.cos(ang), np.sin(ang)])
    y, x = np.mgrid[0:FRAME_H, 0:FRAME_W].astype(np.float32)
    d = (x - c[0]) * n[0] + (y - c[1]) * n[1]
    width = float(np.linalg.norm(quad[1] - quad[0])) * float(rng.uniform(0.04, 0.09))
    mask = np.zeros((FRAME_H, FRAME_W), np.float32)
    cv2.fillConvexPoly(mask, quad.astype(np.int32), 1.0)
    band = float(rng.uniform(60, 130)) * np.exp(-(d * d) / (2 * width * width)) * mask
    frame[:] = np.clip(frame + band[..., None], 0, 255).astype(np.uint8)


def _motion(frame: np.ndarray, rng: np.random.Generator, scale: float = 1.0) -> np.ndarray:
    """Motion blur of 5-9 px, times scale (a card coming to rest); under 2 px none is drawn."""
    n, angle = int(rng.integers(5, 10)), float(rng.uniform(0, 180))
    return _streak(frame, round(n * scale), angle)


def _streak(frame: np.ndarray, n: int, angle: float) -> np.ndarray:
    if n < 2:
        return frame
    k = np.zeros((n, n), np.float32)
    k[n // 2, :] = 1.0 / n
    m = cv2.getRotationMatrix2D((n / 2 - 0.5, n / 2 - 0.5), angle, 1.0)
    k = cv2.warpAffine(k, m, (n, n))
    return cv2.filter2D(frame, -1, k / max(k.sum(), 1e-6))


def _light_and_optics(frame: np.ndarray, rng: np.random.Generator, tags: list[str], want: dict[str, bool],
                      blur: float, hold: HoldFrame = HoldFrame()) -> np.ndarray:
    f = frame.astype(np.float32)
    y, x = np.mgrid[0:FRAME_H, 0:FRAME_W].astype(np.float32)
    gx, gy = rng.uniform(-0.2, 0.2, 2)
    gain = float(rng.uniform(0.8, 1.0)) + gx * (x / FRAME_W - 0.5) + gy * (y / FRAME_H - 0.5)
    noise = float(rng.uniform(1.5, 5))
    if want["low_light"]:
        gain *= float(rng.uniform(0.35, 0.55))
        noise = float(rng.uniform(5, 10))
        tags.append("low_light")
    f *= gain[..., None]
    if want["cast"]:
        f *= rng.uniform(0.8, 1.15, 3).astype(np.float32)
        tags.append("colour_cast")
    out = np.clip(f, 0, 255).astype(np.uint8)
    if want["soft"]:
        s = float(rng.uniform(0.4, 0.6))
        s += (1 - s) * hold.focus  # the focus settling as the card comes to rest
        if s < 0.97:
            small = cv2.resize(out, None, fx=s, fy=s, interpolation=cv2.INTER_AREA)
            out = cv2.resize(small, (FRAME_W, FRAME_H), interpolation=cv2.INTER_LINEAR)
        tags.append("soft")
    if want["motion"]:
        out = _motion(out, rng, hold.motion)
        tags.append("motion")
    out = _streak(out, hold.shake, hold.shake_angle)
    if blur > 0:
        out = cv2.GaussianBlur(out, (0, 0), blur)
    out = np.clip(out + rng.normal(0, noise, out.shape), 0, 255).astype(np.uint8)
    ok, buf = cv2.imencode(".jpg", out, [cv2.IMWRITE_JPEG_QUALITY, int(rng.integers(60, 92))])
    return cv2.imdecode(buf, cv2.IMREAD_COLOR)


def draw_conditions(rng: np.random.Generator) -> dict[str, float | bool]:
    """Which conditions one scene gets; each is drawn on its own so they also combine."""
    return {"small": rng.random() < 0.3, "thumb": rng.random() < 0.25, "clutter": rng.random() < 0.35,
            "low_light": rng.random() < 0.15, "cast": rng.random() < 0.3, "glare": rng.random() < 0.2,
            "soft": rng.random() < 0.25, "motion": rng.random() < 0.15, "tilt": rng.random() < 0.5,
            "blur": float(rng.choice([0, 0, 0, 0.5, 1.0, 1.5, 2.5])), "seed": int(rng.integers(2**31))}


def card_scene(card: np.ndarray, conditions: dict, *, jitter: float = 0.0, frame_seed: int | None = None,
               hold: HoldFrame = HoldFrame()) -> Scene:
    """One frame of `card` under `conditions` (draw_conditions). Same conditions and seed give the same
    pose; jitter (px) and frame_seed vary pose and noise slightly, as in a steady run of frames; hold
    (hold_at) moves the hand as in a moving hold. The quad returned is where the card is drawn."""
    rng = np.random.default_rng(conditions["seed"])
    tags: list[str] = []
    width_px = float(rng.uniform(0.28, 0.40) if conditions["small"] else rng.uniform(0.40, 0.60)) * FRAME_W
    if conditions["small"]:
        tags.append("small")
    angle = float(rng.uniform(-35, 35)) + (180 if rng.random() < 0.1 else 0)
    tilt = 20.0 if conditions["tilt"] else 6.0
    tx, ty = (float(v) for v in rng.uniform(-tilt, tilt, 2))
    if abs(angle) > 15 or max(abs(tx), abs(ty)) > 10:
        tags.append("rotated")
    frame = background(rng, ("wood", "noise", "clutter")[int(rng.integers(3))])
    h, w = card.shape[:2]
    quad = None
    for _ in range(300):
        c = (float(rng.uniform(0, FRAME_W)), float(rng.uniform(0, FRAME_H)))
        q = project_quad(w, h, c, width_px, angle, tx, ty)
        if _inside(q, 30):
            quad = q
            break
        width_px *= 0.995
    if quad is None:
        quad = project_quad(w, h, (FRAME_W / 2, FRAME_H / 2), width_px, angle, tx, ty)
    if conditions["clutter"]:
        _clutter(frame, rng, quad, at_edge=bool(rng.random() < 0.6))
        tags.append("clutter")
    rng2 = np.random.default_rng(frame_seed if frame_seed is not None else conditions["seed"] + 1)
    if hold != HoldFrame():
        quad = _moved(quad, hold)
    if jitter:
        quad = quad + rng2.uniform(-jitter, jitter, quad.shape).astype(np.float32)
    paste_quad(frame, card, quad)
    if conditions["thumb"]:
        _thumb(frame, quad, rng, hold)
        tags.append("thumb")
    if conditions["glare"]:
        _glare_band(frame, quad, rng, hold)
        tags.append("glare")
    want = {k: bool(conditions[k]) for k in ("low_light", "cast", "soft", "motion")}
    frame = _light_and_optics(frame, rng2, tags, want, float(conditions["blur"]), hold)
    return Scene(frame, quad, tuple(tags), float(conditions["blur"]))


NEGATIVE_DESKS = ("edge_clutter", "edge_clutter", "desk_clutter", "empty")


def negative_desk(kind: str, rng: np.random.Generator) -> Scene:
    """A desk with no card: clutter at the frame edge, clutter anywhere, or nothing."""
    frame = background(rng, ("wood", "noise", "clutter")[int(rng.integers(3))])
    tags = [kind]
    if kind != "empty":
        # No bank card here: an ID-1 card cut by the frame edge is a card, and "move into frame" is right.
        _clutter(frame, rng, None, at_edge=kind == "edge_clutter", kinds=("keyboard", "paper", "phone"))
    want = {"low_light": rng.random() < 0.15, "cast": rng.random() < 0.3, "soft": rng.random() < 0.25, "motion": False}
    return Scene(_light_and_optics(frame, rng, tags, want, 0.0), None, tuple(tags))
