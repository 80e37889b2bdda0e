"""The NIK vote across frames (issue 10): "fill the form only when the vote is confident and the
cross-checks agree. Otherwise fill nothing [...]: a wrong NIK filled in silently is worse than an
empty field."

The second recogniser also reads the NIK line of the later crops of the steady run. Where the NIK
would be filled on the header's region and both recognisers' agreement on the sharpest crop (no
printed date checks digits 7-12), a later crop read otherwise is a doubt: nothing is filled. Those
later readings never fill a NIK on their own."""
from __future__ import annotations

import datetime as dt
from dataclasses import replace

from idscan.crosscheck import check_nik
from idscan.fields import CardFields
from idscan.vote import vote

REGIONS = {"33": "Jawa Tengah", "3373": "Kota Salatiga", "337301": "Argomulyo"}
TODAY = dt.date(2026, 1, 1)
NIK = "3373014506900001"  # Salatiga, a woman born 05-06-1990
OTHER = "3373014506700001"  # ... with the year misread: 1970


def tess(k: int, nik: str | None = None, **kw) -> CardFields:
    """Tesseract's reading of crop k: the header and sex read, the birth date not."""
    base = dict(nik=nik, birth=None, sex="P", province="JAWA TENGAH", regency="KOTA SALATIGA",
                nik_conf=80.0 if nik else 0.0, crop=k, nik_line=1)
    base.update(kw)
    return CardFields(**base)


def rapid(of: CardFields, nik: str) -> CardFields:
    return replace(of, nik=nik, nik_conf=90.0, second_opinion=True, name=None)


def _vote(frames: list[CardFields]) -> str | None:
    return vote(frames, [check_nik(f, REGIONS, TODAY) for f in frames], REGIONS, TODAY)[0]


def test_both_recognisers_agreeing_on_the_sharpest_crop_fill_the_nik():
    own = [tess(0, NIK), tess(1), tess(2)]
    assert _vote([*own, rapid(own[0], NIK)]) == NIK
    assert _vote([*own, rapid(own[0], NIK), rapid(own[1], NIK)]) == NIK, "a later crop alike: still filled"


def test_a_later_crop_read_otherwise_leaves_the_nik_to_the_visitor():
    own = [tess(0, NIK), tess(1), tess(2)]
    assert _vote([*own, rapid(own[0], NIK), rapid(own[2], OTHER)]) is None


def test_a_later_crop_read_otherwise_does_not_overrule_the_printed_date():
    # The printed date checks the digits the later crop read otherwise (and Tesseract agrees).
    own = [tess(k, NIK if k < 2 else None, birth=(5, 6, 1990)) for k in range(3)]
    assert _vote([*own, rapid(own[0], NIK), rapid(own[2], OTHER)]) == NIK


def test_later_crops_read_alike_by_the_second_recogniser_alone_fill_nothing():
    # Two later crops are near copies of the same pixels, not a second reader: on dev RapidOCR
    # read a serial 2 as 7 in two crops alike.
    own = [tess(k) for k in range(3)]
    assert _vote([*own, rapid(own[0], NIK), rapid(own[1], NIK), rapid(own[2], NIK)]) is None


def test_the_nik_lines_of_the_later_crops_become_second_opinions():
    from idscan.reader import _second_opinions

    frames = [tess(0), tess(1, nik_line=1), tess(2, nik_line=2)]
    # RapidOCR read line 1 of crops 1 and 2 (where the first crop's NIK line lies).
    out = _second_opinions(frames, [[], [(1, f": {NIK}")], [(1, f": {NIK}")]])
    assert [(f.crop, f.nik, f.second_opinion) for f in out] == [(1, NIK, True)], \
        "crop 2's NIK line is its line 2 by Tesseract's reading: its line 1 is something else"
    assert out[0].name is None, "a NIK-only reading is no further name vote"
