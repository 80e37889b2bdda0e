"""A capture reads each line at most once with each recogniser (issue 10: "OCR at capture <= 400 ms
median"; a visitor waits for every reading), and what it fills does not change for it.

The reader's later steps cut some lines anew exactly as an earlier step did (the sharpest crop's
birth line for the printed date and again for each crop's date; the NIK line's scores for the
vetoes): the reading made first is given again (idscan/once.py). The recognisers' models are
replaced by what they would read on each line and count their readings (tests/idscan/ocr_fakes.py)."""
from __future__ import annotations

import numpy as np
import pytest

import idscan.reader
from idscan.once import capture_memo, image_key, once

from .ocr_fakes import install_models, read_marked

REGIONS = {"33": "Jawa Tengah", "3373": "Kota Salatiga", "337301": "Argomulyo"}
NIK = "3373014506900001"  # Salatiga, a woman born 05-06-1990
CARD = ["PROVINSI JAWA TENGAH", "KOTA SALATIGA", f"NIK : {NIK}", "SITI AMINAH", "SALATIGA, 05-06-1990",
        "PEREMPUAN", ""]
SMUDGE = "SALAT1GA. 0?-0?-19?0"  # a small soft card's birth line: no date


def _small_print_unread(k: int, j: int) -> str:
    """Tesseract on a small soft card: the NIK's digits and the birth date lost, the rest read."""
    return {2: "NIK : 3373O1?5O69OOO?1", 4: SMUDGE}.get(j, CARD[j])


def _rapid_reads_the_nik(k: int, j: int) -> str:
    """RapidOCR's models: the NIK read, the birth line as smudged as Tesseract saw it."""
    return SMUDGE.replace(" ", "") if j == 4 else CARD[j].replace(" ", "")


def _read_alike(k: int, j: int) -> str:
    return CARD[j]


@pytest.mark.parametrize("crops", [1, 3])
@pytest.mark.parametrize("tess, rapid", [(_small_print_unread, _rapid_reads_the_nik), (_read_alike, _read_alike)])
def test_a_capture_reads_each_line_at_most_once_with_each_recogniser(monkeypatch, crops, tess, rapid):
    calls = install_models(monkeypatch, tess, rapid)
    read_marked(crops, REGIONS)
    assert calls and max(calls.values()) == 1, {k: v for k, v in calls.items() if v > 1}


def test_the_birth_line_was_read_twice_by_the_names_model_before(monkeypatch):
    # Where the vote fills nothing, the sharpest crop's birth line is read for the printed date
    # and again among the crops' dates: the case the test above holds to one reading.
    monkeypatch.setattr(idscan.reader, "READ_ONCE", False)
    calls = install_models(monkeypatch, _small_print_unread, _rapid_reads_the_nik)
    read_marked(1, REGIONS)
    assert calls[("names", 4)] == 2


@pytest.mark.parametrize("crops", [1, 3])
@pytest.mark.parametrize("tess, rapid", [(_small_print_unread, _rapid_reads_the_nik), (_read_alike, _read_alike)])
def test_what_a_capture_fills_is_the_same_as_when_every_line_was_read_again(monkeypatch, crops, tess, rapid):
    install_models(monkeypatch, tess, rapid)
    now = read_marked(crops, REGIONS)
    monkeypatch.setattr(idscan.reader, "READ_ONCE", False)
    before = read_marked(crops, REGIONS)
    assert (now.nik, now.name, now.status, now.read_from_card) == (
        before.nik, before.name, before.status, before.read_from_card)
    assert [(f.nik, f.name, f.crop, f.second_opinion) for f in now.frames] == [
        (f.nik, f.name, f.crop, f.second_opinion) for f in before.frames]


def test_a_card_read_alike_everywhere_fills_nik_and_name(monkeypatch):
    install_models(monkeypatch, _read_alike, _read_alike)
    reading = read_marked(3, REGIONS)
    assert (reading.nik, reading.name) == (NIK, "SITI AMINAH")


def test_the_same_pixels_read_another_way_are_read_again():
    reads = []
    line = np.full((20, 60), 7, np.uint8)
    with capture_memo():
        for how in ("digits", "digits", "letters"):
            once(lambda how=how: image_key([line], how), lambda how=how: reads.append(how))
        once(lambda: image_key([line.copy()], "digits"), lambda: reads.append("copy"))
        once(lambda: image_key([line + 1], "digits"), lambda: reads.append("other pixels"))
    assert reads == ["digits", "letters", "other pixels"]


def test_readings_are_not_kept_beyond_the_capture():
    reads = []
    line = np.full((20, 60), 7, np.uint8)
    for _capture in range(2):
        with capture_memo():
            once(lambda: image_key([line], "digits"), lambda: reads.append(1))
    once(lambda: image_key([line], "digits"), lambda: reads.append(2))  # outside any capture
    assert reads == [1, 1, 2]
