"""The IKM of PermenPANRB No. 14 Tahun 2017 against a worked example computed by hand.

The ten questionnaires below were written out by hand; the expected figures were worked on paper
from the regulation's steps (NRR = sum of an element's scores / respondents who answered it;
NRR x 1/9; IKM = sum; converted = IKM x 25; category from the regulation's table).
"""
from __future__ import annotations

from decimal import Decimal

import pytest

from lpsedesk.skm import compute as skm
from lpsedesk.skm.elements import ELEMENTS, KEYS
from lpsedesk.skm.profile import age_band, table
from lpsedesk.skm.sample import check, required_sample

N = None  # an element the respondent skipped
#        U1 U2 U3 U4 U5 U6 U7 U8 U9
SHEETS = [
    (4, 3, 3, 4, 3, 4, 4, 3, 3),
    (3, 3, 2, 4, 3, 3, 4, 3, 3),
    (3, 3, 3, 4, 3, 3, 3, N, 3),
    (4, 3, 3, 4, 4, 4, 4, 3, 3),
    (3, 3, 2, 4, 3, 3, 3, 2, 3),
    (3, 3, 3, 4, 3, 3, 4, 3, 3),
    (3, 3, 3, 4, 3, 3, 3, 3, 2),
    (3, 3, 3, 4, 3, 3, 3, N, 3),
    (3, 3, 2, 4, 3, 4, 4, 3, 3),
    (3, 3, 3, 4, 3, 3, 3, 2, 3),
]
# Worked by hand: column sums 32 30 27 40 31 33 35 22 29; U8 answered by 8 of 10.
EXPECTED_NRR = ["3.2", "3.0", "2.7", "4.0", "3.1", "3.3", "3.5", "2.75", "2.9"]
# sum of NRR = 28.45; IKM = 28.45 / 9 = 3.1611...; converted = 79.027... -> 79.03, B (Baik)


def answers(sheet):
    return dict(zip(KEYS, sheet))


def test_the_nine_elements_are_those_of_the_regulation_in_its_order():
    assert [e.name_id for e in ELEMENTS] == [
        "Persyaratan", "Sistem, Mekanisme, dan Prosedur", "Waktu Penyelesaian", "Biaya/Tarif",
        "Produk Spesifikasi Jenis Pelayanan", "Kompetensi Pelaksana", "Perilaku Pelaksana",
        "Penanganan Pengaduan, Saran dan Masukan", "Sarana dan Prasarana"]
    assert [e.code for e in ELEMENTS] == [f"U{i}" for i in range(1, 10)]
    waktu, biaya = ELEMENTS[2], ELEMENTS[3]
    assert waktu.answers_id[0] == "Tidak cepat" and waktu.answers_id[3] == "Sangat cepat"
    assert biaya.answers_id[0] == "Sangat mahal" and biaya.answers_id[3] == "Gratis"


def test_the_worked_example_gives_the_hand_computed_nrr_ikm_and_category():
    result = skm.compute([answers(s) for s in SHEETS])
    assert result.respondents == 10
    assert [r.nrr for r in result.elements] == [Decimal(x) for x in EXPECTED_NRR]
    assert [r.answered for r in result.elements] == [10] * 7 + [8, 10]
    assert result.elements[0].weighted.quantize(Decimal("0.0001")) == Decimal("0.3556")  # 3.2 x 1/9
    assert result.ikm.quantize(Decimal("0.0001")) == Decimal("3.1611")  # 28.45 / 9
    assert result.converted_rounded == Decimal("79.03")
    assert (result.category.grade, result.category.name_id) == ("B", "Baik")
    assert result.complete


def test_the_three_weakest_elements_are_marked():
    result = skm.compute([answers(s) for s in SHEETS])
    assert [r.element.code for r in result.lowest] == ["U3", "U8", "U9"]  # 2.70, 2.75, 2.90


def test_a_skipped_element_counts_in_neither_sum_nor_divisor():
    result = skm.compute([answers((4,) * 9), answers((2,) * 8 + (N,))])
    assert result.elements[8].nrr == Decimal(4) and result.elements[8].answered == 1
    assert result.elements[0].nrr == Decimal(3)


def test_all_best_answers_are_100_and_all_worst_are_25():
    best = skm.compute([answers((4,) * 9)])
    worst = skm.compute([answers((1,) * 9)])
    assert (best.converted_rounded, best.category.grade) == (Decimal("100.00"), "A")
    assert (worst.converted_rounded, worst.category.grade) == (Decimal("25.00"), "D")


@pytest.mark.parametrize("value, grade, name", [
    ("100.00", "A", "Sangat Baik"), ("88.31", "A", "Sangat Baik"), ("88.30", "B", "Baik"),
    ("88.305", "A", "Sangat Baik"), ("88.3049", "B", "Baik"),
    ("76.61", "B", "Baik"), ("76.60", "C", "Kurang Baik"), ("76.605", "B", "Baik"),
    ("65.00", "C", "Kurang Baik"), ("64.99", "D", "Tidak Baik"), ("64.995", "C", "Kurang Baik"),
    ("25.00", "D", "Tidak Baik"),
])
def test_the_category_boundaries_are_judged_on_two_decimals(value, grade, name):
    category = skm.category(Decimal(value))
    assert (category.grade, category.name_id) == (grade, name)


def test_a_float_just_under_a_boundary_is_rounded_as_written():
    # 88.305 as a float is 88.30499...; the regulation's table reads it as 88.31.
    assert skm.category(88.305).grade == "A"


def test_no_answers_give_no_ikm():
    result = skm.compute([])
    assert (result.respondents, result.ikm, result.category) == (0, None, None)


def test_an_element_nobody_answered_leaves_the_ikm_over_the_others_and_says_so():
    result = skm.compute([answers((4,) * 8 + (N,))])
    assert result.elements[8].nrr is None and not result.complete
    assert result.converted_rounded == Decimal("100.00")


@pytest.mark.parametrize("bad", [0, 5, True, 2.5, "3"])
def test_a_score_outside_one_to_four_is_refused(bad):
    with pytest.raises(ValueError):
        skm.compute([{"persyaratan": bad}])


@pytest.mark.parametrize("population, needed", [
    # Krejcie & Morgan's published table (1970)
    (0, 0), (10, 10), (50, 44), (100, 80), (200, 132), (500, 217), (1000, 278), (75000, 382),
    (1000000, 384),
])
def test_the_sample_size_follows_the_krejcie_morgan_table(population, needed):
    assert required_sample(population) == needed


def test_the_sample_check_says_how_many_are_still_needed():
    short = check(100, 60)
    assert (short.required, short.enough, short.still_needed) == (80, False, 20)
    assert check(100, 85).enough and check(100, 85).still_needed == 0


def test_age_bands_come_from_the_birth_date_on_the_day_answered():
    from datetime import date
    assert age_band(date(1990, 12, 2), date(2026, 12, 1)) == "30-39"  # 35, birthday tomorrow
    assert age_band(date(2006, 12, 1), date(2026, 12, 1)) == "20-29"  # 20 today
    assert age_band(None, date(2026, 12, 1)) is None


def test_a_profile_table_counts_in_order_with_unknowns_last():
    rows = table(["L", "P", "L", None], ["L", "P"])
    assert [(r.key, r.count, r.percent) for r in rows] == [("L", 2, 50.0), ("P", 1, 25.0), (None, 1, 25.0)]
