"""Issue 10, "OCR engine by measurement [...] better preparation of the line images (binarisation,
removal of the guilloche background, right scale)": RapidOCR reads the name line cut from the card
divided by its background with the ink's grey edges kept, at its recogniser's input height (dev:
the letters of 68 of 145 name lines right, 51 from the clean, clipped cut Tesseract reads). The
NIK line stays the clean cut the NIK rules were measured on."""
from __future__ import annotations

import cv2
import numpy as np

from idscan.lines import clean_grays
from idscan import reader
from idscan.reader import NAME_HEIGHT, card_lines
from tests.synthetic import make_person, render_ktp
from tests.synthetic.styles import CardStyle, DEV_FONTS

NIK = "3373014506900001"


def _soft_card() -> np.ndarray:
    rng = np.random.default_rng(11)
    card = render_ktp(make_person(rng), rng, CardStyle(family=DEV_FONTS[0]))
    # A webcam's soft optics: detail below half the resolution, upscaled.
    small = cv2.resize(card, None, fx=0.45, fy=0.45, interpolation=cv2.INTER_AREA)
    return cv2.resize(small, (card.shape[1], card.shape[0]), interpolation=cv2.INTER_LINEAR)


def test_the_gentle_grey_keeps_the_soft_inks_grey_edges_that_the_clean_one_clips():
    clean, gentle = clean_grays(_soft_card())
    ink = clean < 150
    edge = cv2.dilate(ink.astype(np.uint8), np.ones((3, 3), np.uint8)).astype(bool) & ~ink
    # Around the ink, the clean grey has lifted most pixels to white; the gentle one keeps grey.
    assert (gentle[edge] < 230).mean() > (clean[edge] < 230).mean() + 0.1
    assert np.median(gentle[~edge & ~ink]) >= 240, "the background is still white"


def test_every_line_has_a_cut_for_the_recogniser_at_its_input_height():
    lines = card_lines(_soft_card())
    assert len(lines) >= 5
    for img, _labelled, soft in lines:
        assert soft.shape[0] == NAME_HEIGHT
        assert img.shape[0] < NAME_HEIGHT, "Tesseract keeps its own (smaller) cut"


def test_rapidocr_reads_the_name_from_its_cut_and_the_nik_from_the_clean_one(monkeypatch):
    import idscan.rapid
    import idscan.tesseract
    from idscan.reader import _read_sets

    seen: list[int] = []

    def rapid(images):
        texts = []
        for img in images:
            seen.append(img.shape[0])
            # The sharpest crop's first line read is its NIK line; every line after it a name.
            texts.append(f": {NIK}" if len(seen) == 1 else "SITI AMINAH")
        return [(t, [90.0]) for t in texts]

    monkeypatch.setattr(idscan.rapid, "read_lines", rapid)
    monkeypatch.setattr(idscan.tesseract, "read_lines", lambda images, whitelist=None: [("", [])] * len(images))
    card = _soft_card()
    _sets, images, second, names, later = _read_sets([card, card], "both")
    assert seen[0] < NAME_HEIGHT, "the first crop's NIK line: the clean cut"
    assert seen[1:] == [NAME_HEIGHT], "the first crop's name line: RapidOCR's cut"
    assert second[0][:2] == [f": {NIK}", "SITI AMINAH"]
    # The later crop's name line: read by _second_names (reader.LAZY_NAMES), from RapidOCR's cut.
    assert names[1] == (2, reader.UNREAD) and images[1][2][2].shape[0] == NAME_HEIGHT
    line, nik_img = later[1]
    assert line == 1 and nik_img.shape[0] < NAME_HEIGHT, "the later crop's NIK line: the clean cut, kept for the veto"
