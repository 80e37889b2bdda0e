"""A lamp's spot over the NIK or the name (idscan "spot_on_text", Run 36w) asks the visitor what glare
asks: to tilt the card a little, in Indonesian and in English. The frame is the fifth generator's dev
card lying on a desk under a lamp, steady run 50014 (tests/stranger5/), sent as the kiosk sends it."""
from __future__ import annotations

import pytest

from tests.stranger5.splits import SPLITS, cases

from .conftest import jpeg


@pytest.fixture(scope="module")
def lamp_card() -> bytes:
    return jpeg(cases(SPLITS["dev"], 1, 50014)[0].frame(0).frame)


def test_a_lamp_spot_on_the_print_asks_in_indonesian_to_tilt_the_card(kiosk, lamp_card):
    answer = kiosk.post_frame(lamp_card).json
    assert answer["guidance"] == "spot_on_text"
    assert answer["message"] == "Hindari pantulan cahaya: miringkan sedikit kartunya"


def test_a_lamp_spot_on_the_print_asks_in_english_to_tilt_the_card(kiosk, lamp_card):
    assert kiosk.client.get("/kiosk/?lang=en").status_code == 200
    answer = kiosk.post_frame(lamp_card, session="english-1").json
    assert answer["guidance"] == "spot_on_text"
    assert answer["message"] == "Avoid light reflections: tilt the card a little"
