"""Frames with no KTP for the fifth generator: a payslip page, a phone showing a photo, a name badge
on a lanyard, an empty desk from above, a hand with nothing. Nothing here draws a KTP."""
from __future__ import annotations

import cv2
import numpy as np
from PIL import Image, ImageDraw

from tests.stranger5.card import FONTS, font
from tests.stranger5.people import word
from tests.stranger5.scene import SKIN, Pose, Scene, camera, card_quad, desk, fingertip, homography, paste, room

KINDS = ("payslip", "phone", "badge", "desk", "hand")


def page(rng: np.random.Generator) -> np.ndarray:
    """A payslip on an A4 sheet at 5 px/mm: a heading, a table of amounts, a signature line."""
    img = Image.new("RGB", (1050, 1485), (242, 242, 238))
    d = ImageDraw.Draw(img)
    bold, regular = font(FONTS["freesans"][1], 5.0 / 2), font(FONTS["freesans"][0], 3.2 / 2)
    d.text((525, 80), "SLIP GAJI" if rng.random() < 0.5 else "SURAT KETERANGAN", font=bold, fill=(20, 20, 20), anchor="mt")
    d.text((525, 130), f"CV {word(rng)} {word(rng)}", font=regular, fill=(20, 20, 20), anchor="mt")
    for i in range(18):
        y = 220 + 55 * i
        d.text((90, y), f"{word(rng).title()} {word(rng).lower()}", font=regular, fill=(25, 25, 25))
        d.text((650, y), f"Rp {int(rng.integers(50, 9000)) * 1000:,}".replace(",", "."), font=regular, fill=(25, 25, 25))
        d.line([(80, y + 40), (970, y + 40)], fill=(150, 150, 150), width=1)
    return cv2.cvtColor(np.asarray(img), cv2.COLOR_RGB2BGR)


def phone(rng: np.random.Generator) -> np.ndarray:
    """A phone (72 x 150 mm at 5 px/mm, black rim) showing a colourful photo."""
    img = np.full((750, 360, 3), 15, np.uint8)
    screen = img[30:720, 15:345]
    screen[:] = rng.integers(60, 200, 3)
    for _ in range(8):
        cv2.circle(screen, (int(rng.integers(0, 330)), int(rng.integers(0, 690))), int(rng.integers(20, 120)),
                   [int(v) for v in rng.integers(0, 255, 3)], -1)
    return cv2.GaussianBlur(img, (3, 3), 0)


def badge(rng: np.random.Generator) -> np.ndarray:
    """A portrait name badge (54 x 86 mm at 5 px/mm): a coloured band, a face box, a name, TAMU."""
    img = Image.new("RGB", (270, 430), (250, 250, 250))
    d = ImageDraw.Draw(img)
    band = tuple(int(v) for v in rng.integers(0, 200, 3))
    d.rectangle([0, 0, 270, 70], fill=band)
    d.text((135, 35), "TAMU", font=font(FONTS["dejavu"][1], 4.0 / 2), fill=(255, 255, 255), anchor="mm")
    d.rectangle([75, 100, 195, 250], fill=(180, 180, 190))
    d.text((135, 300), word(rng), font=font(FONTS["dejavu"][1], 3.0 / 2), fill=(20, 20, 20), anchor="mm")
    d.text((135, 350), "PENGUNJUNG", font=font(FONTS["dejavu"][0], 2.2 / 2), fill=(60, 60, 60), anchor="mm")
    return cv2.cvtColor(np.asarray(img), cv2.COLOR_RGB2BGR)


def lay(frame: np.ndarray, image: np.ndarray, rng: np.random.Generator, frac: tuple[float, float]) -> np.ndarray:
    """image laid in the frame at frac of its width, turned a little; returns the homography."""
    h, w = image.shape[:2]
    quad = card_quad(rng, (frame.shape[1], frame.shape[0]), frac, 8)
    # card_quad draws a card's aspect; scale its height to the image's
    centre = quad.mean(axis=0)
    quad = centre + (quad - centre) * [1, (h / w) / (54 / 85.6)]
    m = cv2.getPerspectiveTransform(np.float32([[0, 0], [w, 0], [w, h], [0, h]]), quad.astype(np.float32))
    paste(frame, image, np.full((h, w), 255, np.uint8), m)
    return m


def negative(kind: str, seed: list[int]) -> Scene:
    rng = np.random.default_rng(seed)
    p = Pose((1280, 720), np.zeros((4, 2), np.float32), float(rng.uniform(0.6, 1.0)), 0.0, float(rng.uniform(2, 4)),
             int(rng.integers(70, 91)), 1.0, (0.0, 0.0))
    frame = desk(rng, 1280, 720) if kind == "desk" else room(rng, 1280, 720)
    skin = np.array(SKIN[int(rng.integers(len(SKIN)))], np.float32)
    if kind == "payslip":
        m = lay(frame, page(rng), rng, (0.5, 0.7))
        fingertip(frame, m @ np.diag([0.5, 0.5, 1]), (1050, 2940), 90, skin)  # the hand's 10 px/mm to the page's 5
    elif kind == "phone":
        m = lay(frame, phone(rng), rng, (0.2, 0.3))
        fingertip(frame, m @ np.diag([0.5, 0.5, 1]), (40, 1000), 180, skin, 18)
    elif kind == "badge":
        m = lay(frame, badge(rng), rng, (0.16, 0.24))
        top = cv2.perspectiveTransform(np.float32([[[135, 0]]]), m)[0, 0]
        colour = [int(v) for v in rng.integers(0, 255, 3)]
        for dx in (-40, 40):  # the lanyard's two straps up out of the frame
            cv2.line(frame, (int(top[0]), int(top[1])), (int(top[0] + dx * 4), 0), colour, 14, cv2.LINE_AA)
    elif kind == "desk":
        cv2.line(frame, tuple(int(v) for v in rng.integers(100, 600, 2)), tuple(int(v) for v in rng.integers(600, 1100, 2)),
                 (40, 40, 160), 9, cv2.LINE_AA)  # a pen
    else:  # a hand raised with nothing in it: a palm and four fingertips
        centre = np.array([rng.uniform(400, 880), rng.uniform(350, 500)])
        cv2.ellipse(frame, (int(centre[0]), int(centre[1])), (130, 160), 0, 0, 360, skin.tolist(), -1, cv2.LINE_AA)
        for i in range(4):
            cv2.ellipse(frame, (int(centre[0] - 100 + 65 * i), int(centre[1] - 200)), (28, 90), 0, 0, 360, skin.tolist(), -1)
        cv2.rectangle(frame, (int(centre[0] - 120), int(centre[1])), (int(centre[0] + 120), 720), skin.tolist(), -1)
    return Scene(camera(frame, p, rng), (kind,), p.blur)
