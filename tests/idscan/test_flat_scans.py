"""A picture that is all card: a scanner's output, or a photo a phone app cropped to the card's edges.

Such pictures are what people send when asked for "a photo of your KTP", and what a file given to
`flask idscan` often is. The engine looked for the card's edges against a background, found none
(every side lay on the picture's border) and answered "no card". A card-shaped picture with no
KTP on it (a wall, a desk cut to 8:5, noise) must still be no card, and a camera frame is never
taken for one (a kiosk's frame filled with card-coloured texture is a card held too close or none).
"""
from __future__ import annotations

import random

import cv2
import numpy as np
import pytest

import idscan.tesseract
from idscan import scan_bytes, scan_frame
from lpsedesk.nik import regions
from tests.stranger.card import Look, draw
from tests.stranger.people import person as stranger_person
from tests.stranger.splits import SPLITS, negatives
from tests.synthetic.ktp import render_ktp
from tests.synthetic.people import make_person

pytestmark = pytest.mark.skipif(not idscan.tesseract.tesseract_path(), reason="tesseract-ocr not installed")


def png(image: np.ndarray) -> bytes:
    ok, buf = cv2.imencode(".png", image)
    assert ok
    return buf.tobytes()


def jpg(image: np.ndarray) -> bytes:
    ok, buf = cv2.imencode(".jpg", image, [cv2.IMWRITE_JPEG_QUALITY, 88])
    assert ok
    return buf.tobytes()


def stranger_scans(n: int, seed: int) -> list[tuple[np.ndarray, str, str]]:
    """Cards of the independent generator, flat, as (BGR picture, NIK, printed name)."""
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        who = stranger_person(rng)
        look = Look(body=rng.choice(("liberation", "dejavu", "free")),
                    nik_font=rng.choice(("dejavu-mono-bold", "liberation-mono-bold")), layout="classic",
                    ink=rng.randint(0, 30), tint=(190, 228, 240))
        card, printed = draw(who, look, rng)
        out.append((np.ascontiguousarray(np.asarray(card)[:, :, ::-1]), who.nik, printed))
    return out


def test_scans_that_are_all_card_are_found_and_their_nik_read_right_or_not_at_all():
    scans = stranger_scans(3, seed=5150)
    rng = np.random.default_rng(11)
    ours = make_person(rng)
    scans.append((np.ascontiguousarray(render_ktp(ours)[:, :, :3]), ours.nik, ours.name))
    read = 0
    for picture, nik, _name in scans:
        result = scan_bytes(png(picture), ocr=True, regions=regions())
        assert result.card and result.in_frame and result.error is None
        assert result.size > 0.9  # the card is the picture
        assert result.nik in (None, nik)  # a wrong NIK is never given
        read += result.nik == nik
    assert read >= 3, f"{read} of {len(scans)} NIKs read from flat scans"


def test_a_small_phone_crop_of_the_card_as_a_jpeg_is_read_too():
    picture, nik, name = stranger_scans(1, seed=77)[0]
    small = cv2.resize(picture, (640, round(640 * picture.shape[0] / picture.shape[1])), interpolation=cv2.INTER_AREA)
    result = scan_bytes(jpg(small), ocr=True, regions=regions())
    assert result.card and result.in_frame
    assert result.nik in (None, nik) and (result.nik == nik or result.name == name)


def test_card_shaped_pictures_without_a_card_are_no_card():
    rng = np.random.default_rng(1)
    pictures = [np.full((540, 856, 3), 128, np.uint8), rng.integers(0, 255, (540, 856, 3), dtype=np.uint8)]
    for scene in negatives(SPLITS["dev"], 4):  # desks with clutter and no card, cut to 8:5
        height = scene.frame.shape[0]
        pictures.append(np.ascontiguousarray(scene.frame[:, : round(height * 1.6)]))
    for picture in pictures:
        result = scan_bytes(png(picture), ocr=False)
        assert not result.card and result.guidance == "no_card"


def test_a_camera_frame_is_never_taken_for_a_card_that_fills_it():
    picture, _nik, _name = stranger_scans(1, seed=9)[0]
    result = scan_frame(picture, ocr=False)  # a camera frame: no whole-picture search
    assert not (result.card and result.in_frame and result.size > 0.9)
