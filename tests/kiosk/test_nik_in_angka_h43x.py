"""h43x: the 7 December walk read "16 angka" in the NIK's label and "16 digit" in the hints beside it.
A visitor meets one word for the NIK's figures on the kiosk, "angka" (staff screens may keep theirs)."""
from __future__ import annotations

import html
import re

import numpy as np

from .conftest import jpeg

DIGIT = re.compile(r"\bdigit\b", re.IGNORECASE)  # not "KTP digital"


def test_every_kiosk_sentence_in_bahasa_indonesia_counts_the_nik_in_angka(kiosk):
    page = html.unescape(kiosk.client.get("/kiosk/").get_data(as_text=True))
    assert "NIK (16 angka)" in page  # the label the hints must agree with
    assert "ketik 16 angka NIK Anda" in page  # where the NIK was not read from the KTP
    said = sorted({page[max(0, m.start() - 40):m.end() + 20] for m in DIGIT.finditer(page)})
    assert said == []


def test_a_card_held_up_to_find_ones_visit_whose_nik_was_not_read_asks_for_16_angka(kiosk):
    desk = np.full((720, 1280, 3), 128, np.uint8)  # "Take the photo now" with no card in the picture
    token = kiosk.post_frame(jpeg(desk), session="find-h43x", capture=True).json["capture"]["id"]
    answer = kiosk.post_json("/visits/find-by-card", {"capture": token})
    assert answer.status_code == 200 and answer.json["found"] is False  # said in words, no 404 (h44u)
    said = answer.json["fields"]["nik"]
    assert "16 angka" in said and not DIGIT.search(said), said
