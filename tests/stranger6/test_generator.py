"""The sixth generator draws what it says it draws (issue 10, Run 38g): a NIK that agrees with the
card's printed birth date, sex and region, splits that share nothing and keep their held-out font
and condition out of dev, and a card whose corners lie in the frame where the scene says."""
from __future__ import annotations

import csv
import datetime as dt

import cv2
import numpy as np
import pytest

from lpsedesk.nik import REGION_CSV
from tests.stranger6.card import HEIGHT, WIDTH
from tests.stranger6.splits import SPLITS, Case, cases


def _regions() -> dict[str, str]:
    with REGION_CSV.open(newline="", encoding="utf-8") as fh:
        return {row["kode"].replace(".", ""): row["nama"].strip().upper() for row in csv.DictReader(fh)}


def test_the_nik_drawn_agrees_with_the_printed_birth_date_sex_and_region():
    regions, sexes = _regions(), set()
    for case in cases(SPLITS["dev"], 8) + cases(SPLITS["test"], 8):
        printed, person = case.card.rows, case.person
        nik = printed["NIK"]
        assert len(nik) == 16 and nik.isdigit() and nik[12:] != "0000"
        _place, date = printed["Tempat/Tgl Lahir"].rsplit(", ", 1)
        born = dt.datetime.strptime(date, "%d-%m-%Y").date()
        woman = printed["Jenis Kelamin"] == "PEREMPUAN"
        sexes.add(printed["Jenis Kelamin"])
        # digits 7-12: day (+40 for a woman), month, two-digit year of the printed birth date
        assert nik[6:12] == f"{born.day + (40 if woman else 0):02d}{born.month:02d}{born.year % 100:02d}"
        # digits 1-6: the province, regency or city and kecamatan the card prints
        assert person.province == "PROVINSI " + regions[nik[:2]]
        assert person.regency == regions[nik[:4]] and person.regency.split()[0] in ("KABUPATEN", "KOTA")
        assert printed["Kecamatan"] == regions[nik[:6]]
    assert sexes == {"PEREMPUAN", "LAKI-LAKI"}  # both rules for the day were checked


def test_the_splits_share_no_one_and_dev_never_shows_the_held_out_font_or_condition():
    dev, test = cases(SPLITS["dev"], 300), cases(SPLITS["test"], 300)
    assert SPLITS["dev"].seed != SPLITS["test"].seed
    assert not {c.person.nik for c in dev} & {c.person.nik for c in test}
    assert "wallet_window" not in {c.condition for c in dev} and "wallet_window" in {c.condition for c in test}
    assert "liberation_narrow" not in {c.font for c in dev} and "liberation_narrow" in {c.font for c in test}


def _agreement(frame: np.ndarray, corners: np.ndarray, card: np.ndarray) -> float:
    """How well the frame, straightened from `corners` to the card's size, matches the card drawn
    (correlation of the grey images' detail)."""
    hom = cv2.getPerspectiveTransform(np.float32(corners), np.float32([[0, 0], [WIDTH, 0], [WIDTH, HEIGHT], [0, HEIGHT]]))
    flat = cv2.warpPerspective(frame, hom, (WIDTH, HEIGHT))

    def detail(img: np.ndarray) -> np.ndarray:
        g = cv2.GaussianBlur(cv2.cvtColor(img, cv2.COLOR_BGR2GRAY).astype(np.float32), (0, 0), 3)
        return (g - cv2.GaussianBlur(g, (0, 0), 25)).ravel()

    return float(np.corrcoef(detail(flat), detail(card))[0, 1])


@pytest.mark.parametrize("condition", ["plain", "perspective", "phone_screen", "photocopy"])
def test_a_frames_card_lies_at_the_corners_the_scene_gives(condition):
    case = Case(7, SPLITS["dev"].seed, "noto", condition)
    scene = case.frame(0)
    h, w = scene.frame.shape[:2]
    assert scene.in_frame and ((scene.corners >= 0) & (scene.corners < [w, h])).all()
    right = _agreement(scene.frame, scene.corners, case.card.image)
    side = np.linalg.norm(scene.corners[1] - scene.corners[0])
    moved = scene.corners + np.float32([0.05 * side, 0.03 * side])
    assert right > 0.6, right
    assert _agreement(scene.frame, moved, case.card.image) < right - 0.2
    # a steady run's later frame keeps the hold within a few pixels
    assert np.abs(case.frame(3).corners - scene.corners).max() < 0.03 * side
