"""A second Tesseract model reads the NIK line only where the recognisers disagree (issue 10: "OCR
engine by measurement [...] choose by accuracy first, then time"; "fill the form only when the
vote is confident and the cross-checks agree"; "a wrong NIK filled in silently is worse than an
empty field"; "Both stay offline").

Where the vote filled nothing but RapidOCR read a NIK the card does not contradict, Tesseract reads
that line of every crop once more with tessdata_best (as int), which reads OCR-A's digits better
than Debian's fast model. Without that model the engine reads exactly as before.

The recognisers are replaced by what they would read on each line (tests/idscan/ocr_fakes.py)."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

import idscan.rapid
import idscan.reader
import idscan.tesseract
import idscan.tesslib

from .ocr_fakes import marked_lines, read_marked

REGIONS = {"33": "Jawa Tengah", "3373": "Kota Salatiga", "337301": "Argomulyo"}
NIK = "3373014506900001"  # Salatiga, a woman born 05-06-1990
YEAR_70 = "3373014506700001"  # ... the year's tens digit read 7
NIK_LINE = 2
DIGITS_MARK = 9  # the re-cut NIK lines are marked 90 + crop
MODEL = Path(__file__).resolve().parents[2] / "var" / "tessdata"


def _fake(monkeypatch, *, tess: str | None, rapid: str, best: dict[int, str | None] | None,
          birth: str = "SALATIGA, ??-??-????") -> dict:
    """Tesseract's fast model reads the card with no NIK where `tess` is None (and its digits-only
    re-reading finds none); RapidOCR reads `rapid` on the sharpest crop's NIK line; the second
    model reads best[k] on crop k's NIK line (None as `best`: no second model; tests/idscan/conftest.py
    leaves the process without one)."""
    text = ["PROVINSI JAWA TENGAH", "KOTA SALATIGA", f"NIK : {tess or ''}", "SITI AMINAH", birth, "PEREMPUAN", ""]
    calls = {"best": 0}

    def tesseract(images, whitelist=None):
        out = []
        for img in images:
            k, j = divmod(int(img[0, 0]), 10)
            read = "" if k == DIGITS_MARK else text[j]
            out.append((read, [90.0] * len(read.split())))
        return out

    def second(images, whitelist=None):
        calls["best"] += len(images)
        out = []
        for img in images:
            k, j = divmod(int(img[0, 0]), 10)
            read = (best or {}).get(j if k == DIGITS_MARK else k) or ""
            out.append((read, [90.0] * len(read.split())))
        return out

    def rapid_lines(images):
        return [(f"NIK : {rapid}" if j == NIK_LINE else text[j].replace(" ", ""), [90.0])
                for _k, j in (divmod(int(img[0, 0]), 10) for img in images)]

    def cuts(crops, at, images=None):
        return [(k, np.full((20, 60), DIGITS_MARK * 10 + k, np.uint8)) for k in range(len(crops))]

    monkeypatch.setattr(idscan.reader, "card_lines", marked_lines)
    monkeypatch.setattr(idscan.reader, "nik_line_cuts", cuts)
    monkeypatch.setattr(idscan.tesseract, "read_lines", tesseract)
    monkeypatch.setattr(idscan.tesseract, "read_lines_best", second)
    monkeypatch.setattr(idscan.tesseract, "best_model", lambda: best is not None)
    monkeypatch.setattr(idscan.rapid, "read_lines", rapid_lines)
    return calls


def _read(n: int = 3):
    return read_marked(n, REGIONS)


def test_the_second_model_reading_rapidocrs_nik_fills_it(monkeypatch):
    # Debian's model read no NIK (soft OCR-A print); RapidOCR did, the header names its regency,
    # the second model reads the same digits: the two recognisers agree.
    calls = _fake(monkeypatch, tess=None, rapid=NIK, best={0: NIK, 1: NIK, 2: None})
    reading = _read()
    assert reading.nik == NIK and "nik" in reading.read_from_card
    assert calls["best"] == 6  # each crop's NIK line: the sheet's cut and the 48 px digits-only cut


def test_without_the_second_model_the_same_capture_fills_nothing(monkeypatch):
    _fake(monkeypatch, tess=None, rapid=NIK, best=None)
    assert _read().nik is None


def test_the_switch_off_reads_as_before(monkeypatch):
    calls = _fake(monkeypatch, tess=None, rapid=NIK, best={0: NIK, 1: NIK, 2: NIK})
    monkeypatch.setattr(idscan.reader, "BEST_CONFIRM", False)
    assert _read().nik is None
    assert calls["best"] == 0


def test_the_second_model_reading_another_nik_fills_nothing(monkeypatch):
    _fake(monkeypatch, tess=None, rapid=NIK, best={0: YEAR_70, 1: YEAR_70, 2: YEAR_70})
    assert _read().nik is None


def test_the_second_model_is_not_asked_when_the_card_confirmed_the_nik(monkeypatch):
    calls = _fake(monkeypatch, tess=NIK, rapid=NIK, best={0: YEAR_70}, birth="SALATIGA, 05-06-1990")
    assert _read().nik == NIK
    assert calls["best"] == 0


def test_a_nik_the_printed_date_contradicts_is_not_read_again(monkeypatch):
    # RapidOCR read 1970, the card prints 1990: more readings of the NIK line do not outvote the card.
    calls = _fake(monkeypatch, tess=None, rapid=YEAR_70, best={0: YEAR_70, 1: YEAR_70, 2: YEAR_70},
                  birth="SALATIGA, 05-06-1990")
    assert _read().nik is None
    assert calls["best"] == 0


def test_a_second_model_its_reader_cannot_load_leaves_the_capture_as_before(monkeypatch):
    _fake(monkeypatch, tess=None, rapid=NIK, best={0: NIK})

    def broken(images, whitelist=None):
        raise RuntimeError("tesseract failed: b'Failed loading language'")
    monkeypatch.setattr(idscan.tesseract, "read_lines_best", broken)
    assert _read().nik is None


def test_a_folder_without_the_model_is_no_second_model(tmp_path):
    idscan.tesslib.use_best_tessdata(tmp_path)
    assert idscan.tesslib.best_dir() is None and not idscan.tesseract.best_model()
    idscan.tesslib.use_best_tessdata(None)
    assert idscan.tesslib.best_dir() is None and not idscan.tesseract.best_model()


@pytest.mark.skipif(not (MODEL / "eng.traineddata").is_file(), reason="make fetches var/tessdata (npm)")
def test_the_fetched_model_reads_a_nik_line_with_digits_only():
    import cv2

    if idscan.tesslib.api() is None:
        pytest.skip("libtesseract is not loadable here")
    idscan.tesslib.use_best_tessdata(MODEL)
    assert idscan.tesseract.best_model()
    img = np.full((48, 460), 255, np.uint8)
    cv2.putText(img, NIK, (6, 36), cv2.FONT_HERSHEY_SIMPLEX, 1.2, 0, 2)
    (text, _conf), = idscan.tesseract.read_lines_best([img], "0123456789")
    assert text.replace(" ", "") == NIK
    # The process's first recogniser stays Debian's model.
    assert idscan.tesslib.api() is not idscan.tesslib.best_api()


def test_the_kiosk_hands_the_engine_its_configured_model_folder(tmp_path):
    from lpsedesk import create_app

    (tmp_path / "eng.traineddata").write_bytes(b"")
    create_app({"TESTING": True, "DATABASE_URL": "sqlite://", "IDSCAN_TESSDATA": str(tmp_path)},
               instance_path=str(tmp_path / "instance"))
    assert idscan.tesslib.best_dir() == str(tmp_path)
