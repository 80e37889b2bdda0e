"""A name printed with an apostrophe is filled with it, also where the names model saw the mark only
faintly (issue 10: names "may hold apostrophes"; a KTP prints JUM'AT, NUR'AINI as they are spelt).

On a soft or small row the model writes BE'NIR as "BENIR" and NUR'AINI as "NUR AINI", sure of every
letter, so the name was filled without its mark. Its output still gives the apostrophe more
probability at that one place than anywhere else in the row, though under rapid.MARK_SEEN. Where
one place stands apart so, the apostrophe is put there; where the faint odds are alike at two
places, or faint everywhere, the name stays as read (docs/idscan.md, Run 44n)."""
from __future__ import annotations

import pytest

import idscan.rapid as rapid
from bench.transport import kiosk_frame
from idscan import read_cards, scan_frame
from idscan.rapid import with_seen_marks
from lpsedesk.nik import regions
from tests.stranger4.splits import SPLITS, cases

needs_names_model = pytest.mark.skipif(not rapid.rapidocr_available(), reason="the names model reads the row")
SURE = [0.99]


def _odds(text: str, marks: dict[int, float]) -> list[float]:
    """The apostrophe's probability between each two characters of `text`: `marks` by gap index,
    the rest at the level the model gives a gap without a mark."""
    return [marks.get(i, 0.0002) for i in range(len(text) - 1)]


def test_a_faint_apostrophe_standing_apart_between_two_letters_is_put_back():
    text = "JADENAH BENIR"  # printed JADENAH BE'NIR
    got, confs, cols = with_seen_marks(text, SURE * len(text), list(range(len(text))), _odds(text, {9: 0.003}))
    assert got == "JADENAH BE'NIR"
    assert len(confs) == len(cols) == len(got)


def test_a_space_the_model_wrote_where_it_saw_a_faint_apostrophe_becomes_the_apostrophe():
    text = "NUR AINI AL-FARISI"  # printed NUR'AINI AL-FARISI
    got, _c, _w = with_seen_marks(text, SURE * len(text), [], _odds(text, {2: 0.0056, 3: 0.0056, 10: 0.0004}))
    assert got == "NUR'AINI AL-FARISI"


def test_faint_odds_alike_at_two_places_put_no_mark_in():
    # SLAMET NI'MAH on a stranger card: the odds between I and M no higher than at the word space.
    text = "SLAMET NIMAH"
    got, _c, _w = with_seen_marks(text, SURE * len(text), [], _odds(text, {6: 0.0034, 9: 0.0035}))
    assert got == text


def test_odds_faint_everywhere_put_no_mark_in():
    text = "SITI AMINAH"
    got, _c, _w = with_seen_marks(text, SURE * len(text), [], _odds(text, {3: rapid.MARK_FAINT / 2}))
    assert got == text


def test_no_faint_mark_next_to_a_digit():
    text = "SALATIGA, 12-05-1980"
    odds = _odds(text, {10: 0.004})  # between 1 and 2
    assert with_seen_marks(text, SURE * len(text), [], odds)[0] == text


def test_switched_off_a_faint_mark_is_not_put_in(monkeypatch):
    monkeypatch.setattr(rapid, "FAINT_MARK", False)
    text = "JADENAH BENIR"
    assert with_seen_marks(text, SURE * len(text), [], _odds(text, {9: 0.003}))[0] == text


def _dev_card(index: int):
    """stranger4 dev card `index`, as the kiosk sends it at 1280 px, and its reading."""
    (case,) = cases(SPLITS["dev"], 1, index)  # that card alone: each is drawn from its own index
    crop = scan_frame(kiosk_frame(case.frame(0).frame, 1280)).crop
    return case, read_cards([crop], regions=regions())


@needs_names_model
@pytest.mark.parametrize("index, printed", [(19, "JADENAH BE'NIR"), (34, "POT'BAK KADUNG")])
def test_a_soft_card_s_name_is_filled_with_its_apostrophe(index, printed):
    # Both were filled without the mark before ("JADENAH BENIR", "POTBAK KADUNG").
    case, reading = _dev_card(index)
    assert reading.name == case.name == printed
    assert reading.nik == case.person.nik
