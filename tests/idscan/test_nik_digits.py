"""A second, differently prepared reading of the NIK line and the recognisers' per-character
doubt (issue 10: "Cross-check the NIK against the card itself [...] Use the agreement to accept
a reading, to correct a single ambiguous digit, or to reject it"; "vote per character"; "a wrong
NIK filled in silently is worse than an empty field").

Tesseract reads the NIK line once more, cut at another scale and restricted to digits. Where the
printed birth date is unread and the two recognisers agree on one crop, that reading may refuse
the fill: when it reads a digit otherwise that RapidOCR itself was unsure of. Where nothing was
filled and RapidOCR read a NIK, that reading may be the first recogniser's agreement.

The recognisers are replaced by what they would read on each line (tests/idscan/ocr_fakes.py)."""
from __future__ import annotations

import datetime as dt

import numpy as np
import pytest

import idscan.rapid
import idscan.reader
import idscan.tesseract
from idscan.reader import _nik_char_confs
from idscan.vote import DOUBT, disputed

from .ocr_fakes import marked_lines, read_marked

REGIONS = {"33": "Jawa Tengah", "3373": "Kota Salatiga", "337301": "Argomulyo"}
NIK = "3373014506900001"  # Salatiga, a woman born 05-06-1990
YEAR_70 = "3373014506700001"  # ... the year's tens digit read 7: born 1970
SERIAL = "3373014506900007"  # ... the last serial digit read 7 (nothing printed repeats it)
NAME = "SITI AMINAH"
NIK_LINE = 2
DIGITS_MARK = 9  # the re-cut NIK lines are marked 90 + crop


def _fake(monkeypatch, *, tess: str | None, rapid: str, digits: dict[int, str | None],
          unsure: int | None = None, birth: str = "SALATIGA, ??-??-????") -> dict:
    """Tesseract's sheet reads the card (its NIK line as `tess`, None: no digits), RapidOCR reads
    the sharpest crop's NIK line as `rapid` (sure of every digit but position `unsure`, 0.5), and
    Tesseract's digits-only reading of crop k's re-cut NIK line is digits[k]. Returns counters of
    the calls made."""
    text = ["PROVINSI JAWA TENGAH", "KOTA SALATIGA", f"NIK : {tess or ''}", NAME, birth, "PEREMPUAN", ""]
    calls = {"digits": 0, "chars": 0}

    def tesseract(images, whitelist=None):
        out = []
        for img in images:
            k, j = divmod(int(img[0, 0]), 10)
            if k == DIGITS_MARK:
                assert whitelist == "0123456789"
                calls["digits"] += 1
                read = digits.get(j) or ""
            else:
                read = text[j]
            out.append((read, [90.0] * len(read.split())))
        return out

    def rapid_lines(images):
        return [(f"NIK : {rapid}" if j == NIK_LINE else text[j].replace(" ", ""), [90.0])
                for _k, j in (divmod(int(img[0, 0]), 10) for img in images)]

    def rapid_chars(images):
        calls["chars"] += 1
        line = f"NIK : {rapid}"
        confs = [0.99] * len(line)
        if unsure is not None:
            confs[len("NIK : ") + unsure] = 0.5
        return [(line, confs) for _img in images]

    def cuts(crops, at, images=None):
        assert at == NIK_LINE
        return [(k, np.full((20, 60), DIGITS_MARK * 10 + k, np.uint8)) for k in range(len(crops))]

    monkeypatch.setattr(idscan.reader, "card_lines", marked_lines)
    monkeypatch.setattr(idscan.reader, "nik_line_cuts", cuts)
    monkeypatch.setattr(idscan.tesseract, "read_lines", tesseract)
    monkeypatch.setattr(idscan.rapid, "read_lines", rapid_lines)
    monkeypatch.setattr(idscan.rapid, "read_chars", rapid_chars)
    return calls


def _read(n: int = 1):
    return read_marked(n, REGIONS)


def test_both_recognisers_agreeing_fill_when_the_digits_only_reading_agrees_too(monkeypatch):
    _fake(monkeypatch, tess=NIK, rapid=NIK, digits={0: NIK})
    assert _read().nik == NIK


def test_a_digit_both_misread_alike_is_refused_where_rapidocr_doubted_it_and_the_digits_only_reading_differs(monkeypatch):
    # The run-6 dev case: a 1990 read as 1970 by both recognisers on one crop, the date unread.
    calls = _fake(monkeypatch, tess=YEAR_70, rapid=YEAR_70, digits={0: NIK}, unsure=10)
    reading = _read()
    assert reading.nik is None and "nik" not in reading.read_from_card
    assert calls["chars"] == 1


def test_a_serial_digit_both_misread_alike_is_refused_the_same_way(monkeypatch):
    # Nothing printed on the card repeats digits 13-16: only a reader can dispute them.
    _fake(monkeypatch, tess=SERIAL, rapid=SERIAL, digits={0: NIK}, unsure=15)
    assert _read().nik is None


def test_a_digit_the_digits_only_reading_differs_on_but_rapidocr_read_sure_still_fills(monkeypatch):
    # Tesseract alone slips (on dev it drops or misreads the first digit of many right NIKs).
    _fake(monkeypatch, tess=NIK, rapid=NIK, digits={0: "7" + NIK[1:]})
    assert _read().nik == NIK


def test_a_doubted_digit_nobody_disputes_still_fills(monkeypatch):
    calls = _fake(monkeypatch, tess=NIK, rapid=NIK, digits={0: NIK}, unsure=10)
    assert _read().nik == NIK
    assert calls["chars"] == 0  # RapidOCR is asked for its per-digit doubt only on a dispute


def test_a_digits_only_reading_with_no_nik_refuses_nothing(monkeypatch):
    _fake(monkeypatch, tess=NIK, rapid=NIK, digits={0: None}, unsure=10)
    assert _read().nik == NIK


def test_the_printed_date_agreeing_needs_no_second_reading(monkeypatch):
    calls = _fake(monkeypatch, tess=NIK, rapid=NIK, digits={0: YEAR_70}, unsure=10,
                  birth="SALATIGA, 05-06-1990")
    assert _read().nik == NIK
    assert calls["digits"] == 0


def test_a_nik_whose_birth_date_digits_disagree_with_the_printed_date_is_not_filled(monkeypatch):
    # Both recognisers and the digits-only reading say 1970; the card prints 1990.
    _fake(monkeypatch, tess=YEAR_70, rapid=YEAR_70, digits={0: YEAR_70}, birth="SALATIGA, 05-06-1990")
    reading = _read()
    assert reading.nik is None and reading.status == "rejected"


def test_a_single_ambiguous_digit_is_corrected_only_when_the_printed_date_fixes_it(monkeypatch):
    # Tesseract read the tens of the year as the letter "O" (a look-alike: 0), the card prints 1990:
    # the cross-check mends that one digit.
    _fake(monkeypatch, tess=NIK[:10] + "O" + NIK[11:], rapid="", digits={}, birth="SALATIGA, 05-06-1990")
    reading = _read()
    assert reading.nik == NIK
    assert (reading.checks[0].status, reading.checks[0].corrected) == ("corrected", 10)
    # A "9" read as a digit is not mended from the date: the printed date is read as fallibly.
    _fake(monkeypatch, tess=YEAR_70, rapid="", digits={}, birth="SALATIGA, 05-06-1990")
    assert _read().nik is None


def test_the_digits_only_reading_confirms_a_nik_the_tesseract_sheet_did_not_read(monkeypatch):
    # Tesseract's sheet read no NIK (soft print); RapidOCR did; the re-cut digits-only reading of
    # the same line agrees and the header names its regency: the two recognisers agree.
    calls = _fake(monkeypatch, tess=None, rapid=NIK, digits={0: NIK, 1: None, 2: NIK})
    assert _read(3).nik == NIK
    assert calls["digits"] == 3  # each crop's NIK line, each in its own call


def test_rapidocr_alone_still_fills_nothing(monkeypatch):
    _fake(monkeypatch, tess=None, rapid=NIK, digits={0: None})
    assert _read().nik is None


def test_a_digits_only_reading_of_another_nik_fills_nothing(monkeypatch):
    _fake(monkeypatch, tess=None, rapid=NIK, digits={0: YEAR_70})
    assert _read().nik is None


def test_disputed_needs_a_differing_digit_the_first_reader_doubted():
    sure = [0.99] * 16
    doubt = sure[:10] + [DOUBT - 0.1] + sure[11:]
    assert disputed(YEAR_70, NIK, doubt)
    assert not disputed(YEAR_70, NIK, sure)
    assert not disputed(NIK, NIK, doubt)
    assert not disputed(NIK, None, doubt)
    assert not disputed(NIK, NIK[:15], doubt)
    assert not disputed(NIK, YEAR_70, [])  # no per-digit confidence: nothing to go by


@pytest.mark.parametrize("text, nik", [(f"NIK : {NIK}", NIK), (f"NIK:{NIK[:6]} {NIK[6:]}", NIK),
                                       (f"NIK : {NIK[:10]}O{NIK[11:]}", YEAR_70[:10] + "0" + YEAR_70[11:])])
def test_each_nik_digit_gets_its_own_character_confidence(text, nik):
    confs = [i / 100 for i in range(len(text))]
    got = _nik_char_confs(text, confs, nik)
    assert got is not None and len(got) == 16
    assert "".join(text[round(c * 100)] for c in got) == text.split(":")[1].replace(" ", "")


def test_rapidocr_gives_a_confidence_per_character():
    pytest.importorskip("rapidocr_onnxruntime")
    import cv2

    img = np.full((48, 460), 255, np.uint8)
    cv2.putText(img, NIK, (6, 36), cv2.FONT_HERSHEY_SIMPLEX, 1.2, 0, 2)
    text, confs = idscan.rapid.read_chars([img])[0]
    assert text.strip() == NIK and len(confs) == len(text) and all(0 <= c <= 1 for c in confs)


def test_the_nik_line_recut_at_48_px_reads_as_the_drawn_nik_with_digits_only():
    import cv2

    from idscan.fields import nik_with_doubt
    from idscan.reader import DIGITS, DIGITS_HEIGHT, nik_line_cuts
    from idscan.tesseract import read_lines, tesseract_path
    from tests.synthetic import make_person, render_ktp
    from tests.synthetic.styles import CardStyle, DEV_FONTS

    if not tesseract_path():
        pytest.skip("tesseract is not installed")
    rng = np.random.default_rng(11)
    person = make_person(rng)
    card = render_ktp(person, rng, CardStyle(family=DEV_FONTS[0]))
    cuts = nik_line_cuts([card, cv2.GaussianBlur(card, (3, 3), 0)], NIK_LINE)
    assert [k for k, _img in cuts] == [0, 1]
    for _k, img in cuts:
        assert img.shape[0] == DIGITS_HEIGHT
        text, _conf = read_lines([img], whitelist=DIGITS)[0]
        assert nik_with_doubt(text)[0] == person.nik
    assert nik_line_cuts([np.zeros((2, 2, 3), np.uint8)], NIK_LINE) == []


def test_the_nik_line_recut_takes_the_rows_the_capture_already_found(monkeypatch):
    # The NIK line's 48 px cut comes from the rows found when the crops' lines were cut for the
    # sheet: the same images, without finding the card's rows again (~17 ms of CPU per crop).
    import cv2

    import idscan.reader as reader
    from tests.synthetic import make_person, render_ktp
    from tests.synthetic.styles import CardStyle, DEV_FONTS

    rng = np.random.default_rng(12)
    card = render_ktp(make_person(rng), rng, CardStyle(family=DEV_FONTS[0]))
    crops = [card, cv2.GaussianBlur(card, (3, 3), 0)]
    fresh = reader.nik_line_cuts(crops, NIK_LINE)
    lines = [reader.card_lines(c) if k == 0 else reader.card_lines(c)[reader.OTHER_LINES] for k, c in enumerate(crops)]

    def no_rows(_crop):
        raise AssertionError("the rows were found again")

    monkeypatch.setattr(reader, "card_rows", no_rows)
    reused = reader.nik_line_cuts(crops, NIK_LINE, lines)
    assert [k for k, _img in reused] == [k for k, _img in fresh] == [0, 1]
    for (_k, a), (_j, b) in zip(reused, fresh):
        assert a.shape == b.shape and (a == b).all()


def test_a_header_fragment_of_two_letters_neither_confirms_nor_contradicts():
    # A thumb over the header leaves "KO" of KOTA SALATIGA: it names no region, so the printed
    # birth date decides; a header naming another regency still rejects.
    from idscan.crosscheck import check_nik
    from idscan.fields import CardFields

    def card(regency):
        return CardFields(nik=NIK, birth=(5, 6, 1990), sex="P", regency=regency, nik_conf=90.0)

    today = dt.date(2026, 1, 1)
    assert check_nik(card("KO"), REGIONS, today).agree == ("date",)
    assert check_nik(card("KOTA SALATIGA"), REGIONS, today).agree == ("date", "region")
    assert check_nik(card("KABUPATEN BOYOLALI"), REGIONS, today).nik is None


@pytest.mark.parametrize("header", ["KABUL PATEN BOYOLALI", "KABL PATEN BOYOLALI", "I ABUPATEN BOYOLALI"])
def test_a_kabupaten_split_by_a_misread_letter_still_names_the_regency(header):
    # The region check confirms the regency (digits 1-4) from the header; a misread letter that
    # splits its first word must not turn an agreeing header into one that says nothing.
    from idscan.crosscheck import check_nik
    from idscan.fields import CardFields

    regions = {"33": "Jawa Tengah", "3309": "Kabupaten Boyolali", "330901": "Selo"}
    nik = "3309014506900001"
    check = check_nik(CardFields(nik=nik, regency=header, nik_conf=90.0), regions, dt.date(2026, 1, 1))
    assert (check.nik, check.agree) == (nik, ("region",))
    other = check_nik(CardFields(nik=nik, regency="KABUL PATEN KLATEN", nik_conf=90.0),
                      {**regions, "3310": "Kabupaten Klaten"}, dt.date(2026, 1, 1))
    assert other.agree != ("region",) or other.nik != nik
