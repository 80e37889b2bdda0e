"""A name is filled only where it was read surely (issue 10: "fill the form only when the vote is
confident and the cross-checks agree. Otherwise fill nothing and ask the visitor to type it").

A soft, small or glared name row is read as some garble ("WTIAYA", "AINGGOLAN"); filled, the
visitor has to notice and retype it. The names model scores every letter it reads: where its
reading most like the voted name doubted a letter, no name is filled. The NIK is judged on its
own (its cross-checks).

The recognisers are replaced by what they would read on each line (tests/idscan/ocr_fakes.py)."""
from __future__ import annotations

import pytest

import idscan.rapid
import idscan.reader
import idscan.tesseract
from idscan.name_sure import NAME_LEAST, least_letter, sure

from .ocr_fakes import marked_lines, read_marked, recogniser

REGIONS = {"33": "Jawa Tengah", "3373": "Kota Salatiga", "337301": "Argomulyo"}
NIK = "3373014506900003"  # Salatiga, a woman born 05-06-1990
NAME = "SITI AMINAH"
SURE = [0.99] * len(NAME)


def _fake(monkeypatch, *, name: str = NAME, scores: list[float] | None = None) -> None:
    """Both recognisers read the card right; RapidOCR's names model reads the name row as `name`
    with these per-character scores."""
    text = ["PROVINSI JAWA TENGAH", "KOTA SALATIGA", f"NIK : {NIK}", name, "SALATIGA, 05-06-1990", "PEREMPUAN", ""]

    tesseract = recogniser(lambda _k, j: text[j])

    def rapid_lines(images):
        out = []
        for img in images:
            read = text[int(img[0, 0]) % 10]
            confs = list(scores) if read == name and scores is not None else [0.99] * len(read)
            idscan.rapid.remember_chars(img, read, confs)
            out.append((read, [90.0]))
        return out

    monkeypatch.setattr(idscan.reader, "card_lines", marked_lines)
    monkeypatch.setattr(idscan.tesseract, "read_lines", tesseract)
    monkeypatch.setattr(idscan.rapid, "read_lines", rapid_lines)


def _read(n: int = 1):
    return read_marked(n, REGIONS)


def test_a_name_read_surely_is_filled(monkeypatch):
    _fake(monkeypatch, scores=SURE)
    reading = _read()
    assert reading.name == NAME and "name" in reading.read_from_card and reading.nik == NIK


def test_a_name_with_a_doubted_letter_is_not_filled_but_the_nik_is(monkeypatch):
    doubted = SURE[:]
    doubted[6] = NAME_LEAST - 0.2  # the M of AMINAH
    _fake(monkeypatch, scores=doubted)
    reading = _read()
    assert reading.name is None and "name" not in reading.read_from_card
    assert reading.nik == NIK and "nik" in reading.read_from_card


def test_the_same_on_the_crops_of_a_steady_run(monkeypatch):
    doubted = SURE[:]
    doubted[0] = NAME_LEAST - 0.2
    _fake(monkeypatch, scores=doubted)
    assert _read(3).name is None


def test_without_the_rule_the_doubted_name_was_filled(monkeypatch):
    doubted = SURE[:]
    doubted[6] = NAME_LEAST - 0.2
    _fake(monkeypatch, scores=doubted)
    monkeypatch.setattr(idscan.reader, "NAME_SURE", False)
    assert _read().name == NAME


def test_an_apostrophe_scored_low_is_no_doubt():
    # The names model writes a mark it saw but scored low (rapid.with_seen_marks): letters only.
    name = "JUM'AT"
    assert sure(name, [(name, [0.99, 0.99, 0.99, 0.02, 0.99, 0.99])])


@pytest.mark.parametrize("readings, least", [
    ([(NAME, SURE)], 0.99),
    ([("SITI AMINAH", [0.99] * 5 + [0.3] + [0.99] * 5)], 0.3),
    # the reading most like the name judges it; a birth line's reading (digits) never does
    ([("SITI AMINAH", SURE), ("SITL AMNAH", [0.2] * 10), ("SALATIGA, 05-06-1990", [0.1] * 20)], 0.99),
    ([("SALATIGA, 05-06-1990", [0.1] * 20)], None),
    ([(NAME, None)], None),  # a reading without its scores
    ([], None),
])
def test_least_letter(readings, least):
    got = least_letter(NAME, readings)
    assert (got is None and least is None) or got == pytest.approx(least)


def test_no_scores_known_leaves_the_name_as_read():
    # Tesseract's reading alone (no names-model reading with scores): no doubt known.
    assert sure(NAME, []) and not sure(None, [(NAME, SURE)])
