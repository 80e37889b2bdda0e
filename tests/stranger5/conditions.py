"""The nine conditions of the fifth generator, what each does to the card, the pose and the light:
plain (the control), vga, fullhd, close, photocopy, backlight, overhead, two_fingers, bubble."""
from __future__ import annotations

import cv2
import numpy as np

from tests.stranger5.card import H, PX, W
from tests.stranger5.scene import (SIZES, SKIN, Pose, Scene, camera, card_quad, desk, homography, paste, room, thumb,
                                   two_fingers)

CONDITIONS = ("plain", "vga", "fullhd", "close", "photocopy", "backlight", "overhead", "two_fingers", "bubble")


def pose(condition: str, rng: np.random.Generator) -> Pose:
    """Where the card lies and how the camera sees it, for one case of condition."""
    size = SIZES.get(condition, (1280, 720))
    frac, roll, tilt = {"vga": (0.45, 0.65), "fullhd": (0.30, 0.48), "close": (0.75, 0.86),
                        "overhead": (0.35, 0.55)}.get(condition, (0.40, 0.55)), 6.0, 0.06
    if condition == "overhead":  # lying on the desk: turned any way within 30 degrees, seen square from above
        roll, tilt = 30.0, 0.03
    if condition == "close":  # a card this wide fills 16:9's height: little room to turn it
        roll, tilt = 2.0, 0.03
    blur = {"vga": rng.uniform(0.5, 0.8), "fullhd": rng.uniform(0.8, 1.3)}.get(condition, rng.uniform(0.6, 1.0))
    defocus = rng.uniform(2.0, 2.8) if condition == "close" else 0.0
    noise = {"vga": rng.uniform(3, 5), "backlight": rng.uniform(4, 7)}.get(condition, rng.uniform(2, 4))
    jpeg = int(rng.integers(60, 81) if condition == "vga" else rng.integers(70, 91))
    scale = size[0] / 1280
    return Pose(size=size, quad=card_quad(rng, size, frac, roll, tilt), blur=float(0.5 if defocus else blur),
                defocus=float(defocus), noise=float(noise), jpeg=jpeg, gamma=float(rng.uniform(0.9, 1.1)),
                drift=(float(rng.uniform(-1, 1) * scale), float(rng.uniform(-1, 1) * scale)))


def bubble(card: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """Laminate lifting over part of the fields: a pale blotch with a bright rim."""
    out = card.astype(np.float32)
    centre = (int(rng.uniform(30, 58) * PX), int(rng.uniform(16, 44) * PX))
    axes = (int(rng.uniform(8, 15) * PX), int(rng.uniform(5, 9) * PX))
    angle = int(rng.uniform(-30, 30))
    inside = np.zeros(card.shape[:2], np.float32)
    cv2.ellipse(inside, centre, axes, angle, 0, 360, 1.0, -1, cv2.LINE_AA)
    inside = cv2.GaussianBlur(inside, (0, 0), 3) * rng.uniform(0.35, 0.55)
    rim = np.zeros_like(inside)
    cv2.ellipse(rim, centre, axes, angle, 0, 360, 1.0, int(rng.integers(3, 6)), cv2.LINE_AA)
    cv2.ellipse(rim, centre, (axes[0] - 8, axes[1] - 8), angle, 200, 300, 1.0, 4, cv2.LINE_AA)  # the light's arc
    rim = cv2.GaussianBlur(rim, (0, 0), 1.5) * 0.85
    for layer in (inside, rim):
        out = out * (1 - layer[..., None]) + 248 * layer[..., None]
    return out.astype(np.uint8)


def photocopy(card: np.ndarray, mask: np.ndarray, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """A black-and-white fotokopi of the card on an A4 sheet: the piece of the sheet around the copy
    (40 mm each side, 35 above, 75 below with the back's copy), its mask (the sheet's own edges may
    fall inside it) and the translation from the piece to card pixels."""
    left, top, below = 40 * PX, 35 * PX, 75 * PX
    ph, pw = H + top + below, W + 2 * left
    paper = float(rng.uniform(228, 245))
    sheet = np.full((ph, pw), paper, np.float32)
    grey = cv2.cvtColor(card, cv2.COLOR_BGR2GRAY).astype(np.float32)
    # the copier's raised contrast: the pale ground goes to paper, the print to toner black
    copy = np.clip((grey - rng.uniform(120, 150)) * rng.uniform(1.8, 2.6) + 170, 0, 255)
    copy = np.where(mask > 0, np.minimum(copy, paper), paper)
    sheet[top:top + H, left:left + W] = copy
    outline = np.zeros_like(sheet)
    cv2.rectangle(outline, (left, top), (left + W, top + H), 1.0, 3)  # the card's edge copies as a line
    back = top + H + 6 * PX
    cv2.rectangle(outline, (left, back), (left + W, back + H), 1.0, 3)
    for i in range(6):  # the back's copy: a few lines of text
        y = back + (8 + 6 * i) * PX
        cv2.rectangle(outline, (left + 5 * PX, y), (left + int(rng.uniform(30, 75) * PX), y + 12), 0.8, -1)
    sheet = sheet * (1 - outline) + 30 * outline
    speck = rng.random(sheet.shape)
    sheet[speck < rng.uniform(0.002, 0.006)] = rng.uniform(20, 90)
    for _ in range(int(rng.integers(1, 4))):  # a drum streak down the sheet
        x = int(rng.integers(0, pw))
        sheet[:, x:x + int(rng.integers(1, 4))] *= rng.uniform(0.75, 0.9)
    sheet = cv2.GaussianBlur(sheet, (0, 0), 0.8)
    sheet_mask = np.zeros((ph, pw), np.uint8)
    x0, y0 = int(left - rng.uniform(20, 60) * PX), int(top - rng.uniform(15, 30) * PX)  # the sheet's corner
    sheet_mask[max(0, y0):, max(0, x0):] = 255
    shift = np.array([[1, 0, -left], [0, 1, -top], [0, 0, 1]], np.float64)
    return cv2.cvtColor(sheet.astype(np.uint8), cv2.COLOR_GRAY2BGR), sheet_mask, shift


def hotspot(frame: np.ndarray, m: np.ndarray, mask: np.ndarray, rng: np.random.Generator,
            shift: tuple[float, float] = (0.0, 0.0), fade: float = 1.0) -> None:
    """A desk lamp's hotspot on the laminate: a bright soft ellipse on the card, a faint glow beside.
    shift (card px) and fade: where the spot went and how much of it is left once the card is tilted."""
    spot = np.zeros((H, W), np.float32)
    centre = (int(rng.uniform(0.15, 0.85) * W + shift[0]), int(rng.uniform(0.2, 0.8) * H + shift[1]))
    cv2.ellipse(spot, centre, (int(rng.uniform(6, 12) * PX), int(rng.uniform(4, 8) * PX)), int(rng.uniform(0, 180)),
                0, 360, 1.0, -1)
    spot = cv2.GaussianBlur(spot, (0, 0), 2.5 * PX) * (mask / 255) * rng.uniform(140, 230) * fade
    size = frame.shape[1], frame.shape[0]
    frame += cv2.warpPerspective(spot, m, size)[..., None]


def tilted_spot(frame_index: int, tilt_at: int | None, seed: list[int]) -> tuple[tuple[float, float], float]:
    """The hotspot's shift (card px) and brightness left in frame frame_index of a run whose visitor
    tilts the card from frame tilt_at (told to by the kiosk): tilting a card under a lamp by a few
    degrees slides the lamp's reflection across the laminate and turns part of it away from the
    camera, so the spot moves 20-35 mm one way and keeps 30-60 % of its light. Guessed, not measured."""
    if tilt_at is None or frame_index < tilt_at:
        return (0.0, 0.0), 1.0
    rng = np.random.default_rng([*seed, 6])
    angle, distance = rng.uniform(0, 2 * np.pi), rng.uniform(20, 35) * PX
    return (float(distance * np.cos(angle)), float(distance * np.sin(angle))), float(rng.uniform(0.3, 0.6))


def compose(condition: str, card: np.ndarray, mask: np.ndarray, p: Pose, frame_index: int, seed: list[int],
            tilt_at: int | None = None) -> Scene:
    """Frame frame_index of a case: the background and hold from the case's seed, the card moved by
    the run's drift and shake, and fresh noise. tilt_at: an overhead card's visitor tilts it from
    that frame on (tilted_spot)."""
    fw, fh = p.size
    look = np.random.default_rng([*seed, 3])  # the same room, hand and light in every frame of a run
    shake = np.random.default_rng([*seed, 4, frame_index]).normal(0, 0.7, 2) if frame_index else np.zeros(2)
    quad = p.quad + np.array(p.drift) * frame_index + shake
    m = homography(quad)
    skin = np.array(SKIN[int(look.integers(len(SKIN)))], np.float32)
    tags = [condition, "on_desk" if condition == "overhead" else "held", *(["tilted"] if tilt_at is not None else [])]
    if condition == "overhead":
        frame = desk(look, fw, fh)
    else:
        frame = room(look, fw, fh)
    window = None
    if condition == "backlight":
        window = np.zeros((fh, fw), np.float32)
        x0, y0 = int(look.uniform(0, 0.25) * fw), int(look.uniform(0, 0.2) * fh)
        cv2.rectangle(window, (x0, y0), (int(x0 + look.uniform(0.55, 0.75) * fw), int(y0 + look.uniform(0.6, 0.8) * fh)), 1.0, -1)
        cv2.line(window, (int(x0 + 0.35 * fw), 0), (int(x0 + 0.35 * fw), fh), 0.0, max(3, fw // 120))  # a mullion
        gain = float(look.uniform(0.22, 0.38))
        frame = frame * (1 - window[..., None]) + (255 / gain) * window[..., None]
    if condition == "photocopy":
        sheet, sheet_mask, shift = photocopy(card, mask, look)
        paste(frame, sheet, sheet_mask, m @ shift)
    else:
        paste(frame, bubble(card, look) if condition == "bubble" else card, mask, m)
    if condition == "overhead":
        hotspot(frame, m, mask, look, *tilted_spot(frame_index, tilt_at, seed))
    elif condition == "two_fingers":
        two_fingers(frame, m, look, skin)
    else:
        thumb(frame, m, look, skin)
    if window is not None:
        frame = frame * gain + cv2.GaussianBlur(window, (0, 0), fw / 30)[..., None] * look.uniform(25, 60)
    out = camera(frame, p, np.random.default_rng([*seed, 5, frame_index]))
    blur = float(np.hypot(p.blur, p.defocus / 2))
    return Scene(out, tuple(tags), blur)
