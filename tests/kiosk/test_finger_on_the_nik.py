"""A thumb over the NIK at the kiosk: the screen asks the visitor, in plain words, to move it, and
the card is captured anyway after a few seconds (a wrongly seen finger costs seconds, not the
capture). Run with TEST_DATABASE_URL, the tracker goes through the shared scan sessions' rows."""
from __future__ import annotations

import pytest

from .conftest import captured_after_waiting, jpeg
from .e2e_support import ktp_with_thumb_on_nik


@pytest.fixture(scope="module")
def thumb_on_nik() -> bytes:
    return jpeg(ktp_with_thumb_on_nik())


def test_the_visitor_is_asked_to_move_the_finger_then_the_card_is_captured_anyway(kiosk, thumb_on_nik):
    answers = [kiosk.post_frame(thumb_on_nik).json for _ in range(35)]  # 7 s at the kiosk's 5 frames/s
    first = answers[0]
    assert first["result"]["card"] is True and first["guidance"] == "finger_on_text"
    assert first["message"] == "Jari Anda menutupi tulisan di KTP. Pegang KTP di bagian pinggir."
    # Not in the first 2 s (the visitor has time to move the thumb), but taken within 5 s.
    fired = captured_after_waiting(answers)


def test_the_finger_sentence_is_in_english_on_an_english_kiosk(kiosk, thumb_on_nik):
    assert kiosk.client.get("/kiosk/?lang=en").status_code == 200
    answer = kiosk.post_frame(thumb_on_nik, session="english-1").json
    assert answer["message"] == "Your finger covers the writing on the KTP. Hold the KTP by its edge."
