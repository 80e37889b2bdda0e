"""Issue 10, "Detection on realistic scenes": "a laminate glare band" over the card, and "NIK exact
>= 90 % per single frame"; "a wrong NIK filled in silently is worse than an empty field".

A glare band over the right half of the NIK's digits washes them out of the clean cut and ends the
NIK row where the band begins: no recogniser read a NIK there (stranger dev cards). RapidOCR reads
that row once more, cut from the gentle grey at its input height and widened to the text columns'
end (reader.GENTLE_NIK): the NIK is read; it fills nothing on that one reading."""
from __future__ import annotations

import numpy as np
import pytest

import idscan.rapid
from idscan import read_card, reader
from idscan.fields import CardFields
from idscan.reader import card_rows
from lpsedesk.nik import regions
from tests.synthetic import make_person, render_ktp
from tests.synthetic.styles import CardStyle, DEV_FONTS

pytestmark = pytest.mark.skipif(not idscan.rapid.rapidocr_available(), reason="RapidOCR not installed")


def _glared_card(seed: int, family: str, strength: float = 0.86):
    """A card with a soft band of added light from the middle of the NIK's digits to the right,
    over the NIK row (the laminate reflecting a lamp)."""
    rng = np.random.default_rng(seed)
    person = make_person(rng)
    card = render_ktp(person, rng, CardStyle(family=family))
    nik = [r for r, _f in card_rows(card)[0]][2]
    h, w = card.shape[:2]
    yy, xx = np.mgrid[0:h, 0:w]
    across = np.clip((xx - (nik.x0 + nik.x1) // 2) / 30.0, 0, 1)
    down = np.clip(1 - np.abs(yy - (nik.y0 + nik.y1) / 2) / (nik.height * 1.6), 0, 1)
    light = (across * down * strength)[..., None]
    return person, (card * (1 - light) + 255 * light).astype(np.uint8)


@pytest.mark.parametrize("family", [DEV_FONTS[0], "ocra", "freeserif"])
def test_a_nik_half_under_a_glare_band_is_read_and_not_filled_wrong(family, monkeypatch):
    person, card = _glared_card(9, family)
    reading = read_card(card, None, regions())
    assert reading.raw_nik == person.nik
    assert reading.nik in (None, person.nik)
    monkeypatch.setattr(reader, "GENTLE_NIK", False)
    before = read_card(card, None, regions())
    assert before.raw_nik != person.nik, "the clean cut alone loses the digits under the band"
    assert before.nik is None


def test_a_card_without_glare_reads_as_before(monkeypatch):
    rng = np.random.default_rng(5)
    person = make_person(rng)
    card = render_ktp(person, rng, CardStyle(family=DEV_FONTS[0]))
    reading = read_card(card, None, regions())
    monkeypatch.setattr(reader, "GENTLE_NIK", False)
    before = read_card(card, None, regions())
    assert (reading.nik, reading.raw_nik, reading.name) == (before.nik, before.raw_nik, before.name)
    assert reading.nik == person.nik


def test_one_reader_does_not_vote_twice(monkeypatch):
    """The row read again gives the NIK RapidOCR already read on that crop: no new frame (two
    readings of one recogniser on one crop are no second reader)."""
    person, card = _glared_card(9, DEV_FONTS[0])
    lines = reader.card_lines(card)
    monkeypatch.setattr(idscan.rapid, "read_lines", lambda imgs: [(person.nik, [0.9] * 16)])
    own = CardFields(nik_line=2)
    already = CardFields(nik=person.nik, second_opinion=True, crop=0)
    assert reader._gentle_nik_frame(own, [own, already], [["", person.nik]], 2, lines) is None
    fresh = reader._gentle_nik_frame(own, [own], [["", ""]], 2, lines)
    assert fresh is not None and fresh.nik == person.nik and fresh.second_opinion and fresh.name is None
