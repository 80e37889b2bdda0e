"""The lone RapidOCR reading's rule, case by case on the readings themselves (h47f: mutmut's first run of
idscan/lone_reading.py left the rule's own conditions untested; the image tests reach it only where it
fills). Expectations from docs/idscan.md, Run 17a: "a NIK only RapidOCR read on the sharpest crop (no
Tesseract reading of any crop, by any cut, is that NIK or another the card does not reject) fills where
the date read alike on 2 or more crops' birth lines and the header read on 2 or more crops ... both
confirm it"; Run 46b: where Tesseract named no header beside the NIK line, the header is read on the
crops' top lines ("a stray '|' before PROVINSI ... leaves it none"). Synthetic NIKs of Kota Salatiga
(33.73), as tests/idscan/test_birth_line.py.
"""
from __future__ import annotations

from idscan.crosscheck import Check
from idscan.fields import CardFields
from idscan.lone_reading import confirmed_on_crops, header_crops, lone_reading

REGIONS = {"33": "Jawa Tengah", "3373": "Kota Salatiga", "337301": "Argomulyo", "3372": "Kota Surakarta",
           "11": "Aceh"}
NIK = "3373014506900001"  # Salatiga, a woman born 05-06-1990 (day 05 + 40)
OTHER = "3373014506900007"  # the same card read with another serial
BIRTH = (5, 6, 1990)
CONFIRMED = Check(NIK, "accepted", ("date", "region"))
REJECTED = Check(None, "rejected")


def _rapid(nik=NIK, crop=0):
    return CardFields(nik=nik, second_opinion=True, crop=crop)


def _tess(nik=None, crop=0, options=()):
    return CardFields(nik=nik, crop=crop, nik_options=options)


def test_a_nik_only_rapidocr_read_on_the_sharpest_crop_fills_where_the_card_confirms_it():
    frames, checks = [_tess(), _rapid(), _tess(crop=1)], [REJECTED, CONFIRMED, REJECTED]
    assert lone_reading(frames, checks) == (NIK, CONFIRMED)


def test_the_date_alone_confirms_it_as_the_header_is_then_asked_of_the_crops():
    check = Check(NIK, "accepted", ("date",))
    assert lone_reading([_rapid()], [check]) == (NIK, check)
    for agree in (("region",), ()):
        assert lone_reading([_rapid()], [Check(NIK, "accepted", agree)]) is None


def test_a_reading_the_card_did_not_accept_as_read_fills_nothing():
    for status in ("corrected", "unconfirmed"):
        assert lone_reading([_rapid()], [Check(NIK, status, ("date", "region"))]) is None


def test_a_nik_rapidocr_read_on_a_later_crop_only_fills_nothing():
    assert lone_reading([_tess(), _rapid(crop=1)], [REJECTED, CONFIRMED]) is None
    # the sharpest crop's reading decides; a later crop's reading of the same NIK does not stop it
    assert lone_reading([_rapid(), _rapid(crop=1)], [CONFIRMED, CONFIRMED]) == (NIK, CONFIRMED)
    # nor does a later crop's RapidOCR reading the card rejects there, of this NIK or another
    for later in (_rapid(crop=1), _rapid(OTHER, crop=1)):
        assert lone_reading([_rapid(), later], [CONFIRMED, REJECTED]) == (NIK, CONFIRMED)
    # nor one the card mends to this NIK there: it is this NIK, not another
    mended = Check(NIK, "corrected", ("date",), corrected=15)
    assert lone_reading([_rapid(), _rapid(OTHER, crop=1)], [CONFIRMED, mended]) == (NIK, CONFIRMED)


def test_a_reading_of_the_sharpest_crop_the_card_mends_to_the_nik_is_the_same_nik():
    mended = Check(NIK, "corrected", ("date",), corrected=15)
    assert lone_reading([_rapid(OTHER), _rapid()], [mended, CONFIRMED]) == (NIK, CONFIRMED)


def test_two_different_niks_on_the_sharpest_crop_fill_nothing():
    other = Check(OTHER, "accepted", ("date", "region"))
    assert lone_reading([_rapid(), _rapid(OTHER)], [CONFIRMED, other]) is None
    # RapidOCR read the sharpest crop two ways: no lone reading, even where the card rejects the other
    assert lone_reading([_rapid(), _rapid(OTHER)], [CONFIRMED, REJECTED]) is None
    assert lone_reading([_tess()], [REJECTED]) is None  # no RapidOCR reading at all


def test_tesseract_reading_the_same_nik_on_any_crop_leaves_it_to_the_two_recognisers_rules():
    for crop in (0, 2):
        assert lone_reading([_rapid(), _tess(NIK, crop)], [CONFIRMED, CONFIRMED]) is None
        # a Tesseract reading the check corrected to this NIK is the same NIK
        assert lone_reading([_rapid(), _tess(OTHER, crop)], [CONFIRMED, Check(NIK, "corrected", ("date",))]) is None


def test_another_reading_the_card_does_not_reject_fills_nothing_and_one_it_rejects_does_not_stop_it():
    for status in ("accepted", "corrected", "unconfirmed"):
        assert lone_reading([_rapid(), _tess(OTHER, 1)], [CONFIRMED, Check(OTHER, status)]) is None
    for crop in (0, 1):
        assert lone_reading([_rapid(), _tess(OTHER, crop)], [CONFIRMED, REJECTED]) == (NIK, CONFIRMED)
    # "by any cut": a 17-digit run's other readings count as readings too
    assert lone_reading([_rapid(), _tess(None, 1, (OTHER,))], [CONFIRMED, Check(OTHER, "unconfirmed")]) is None
    assert lone_reading([_rapid(), _tess(None, 1, (OTHER,))], [CONFIRMED, REJECTED]) == (NIK, CONFIRMED)


def test_the_same_reading_rejected_on_another_cut_of_the_sharpest_crop_fills_nothing():
    assert lone_reading([_rapid(), _rapid()], [CONFIRMED, Check(NIK, "rejected")]) is None
    assert lone_reading([_rapid(), _rapid()], [Check(NIK, "rejected"), CONFIRMED]) is None
    assert lone_reading([_rapid(), _rapid()], [CONFIRMED, REJECTED]) is None  # a rejected check names no NIK


def test_the_date_and_the_header_each_on_two_crops_confirm_it_and_on_one_do_not():
    header = [CardFields(regency="KOTA SALATIGA", crop=k) for k in range(3)]
    assert confirmed_on_crops(NIK, header[:2], [BIRTH, BIRTH], BIRTH, REGIONS) is True
    assert confirmed_on_crops(NIK, header[:1], [BIRTH, BIRTH, BIRTH], BIRTH, REGIONS) is False
    assert confirmed_on_crops(NIK, header, [BIRTH, (5, 6, 1970)], BIRTH, REGIONS) is False
    assert confirmed_on_crops(NIK, header, [BIRTH, BIRTH], BIRTH, None) is False


def test_a_header_is_read_on_a_crop_s_top_lines_where_tesseract_named_none():
    top = [CardFields(lines=["| PROVINSI JAWA TENGAH", "|KOTA SALATIGA"], crop=k) for k in range(2)]
    assert header_crops(NIK, top, REGIONS) == 2
    kab = [CardFields(lines=["KABUPATEN PIDIE JAYA", "NIK : 1118"], crop=k) for k in range(2)]
    assert header_crops("1118014506900001", kab, {**REGIONS, "1118": "Kabupaten Pidie Jaya"}) == 2
    assert header_crops(NIK, [CardFields(lines=["PROVINSI JAWA TENGAH", "NIK 3373014506900001"])], REGIONS) == 0
    # "KOTA" is often misread in small print (idscan/crosscheck.py): one letter of four still names the header
    misread = [CardFields(lines=["PROVINSI JAWA TENGAH", "KOTE SALATIGA"], crop=k) for k in range(2)]
    assert header_crops(NIK, misread, REGIONS) == 2


def test_a_header_whose_province_is_another_names_no_regency_of_the_nik():
    crops = [CardFields(regency="KOTA SALATIGA", province="ACEH", crop=k) for k in range(2)]
    assert header_crops(NIK, crops, REGIONS) == 0
    crops = [CardFields(regency="KOTA SALATIGA", province="JAWA TENGAH", crop=k) for k in range(2)]
    assert header_crops(NIK, crops, REGIONS) == 2
