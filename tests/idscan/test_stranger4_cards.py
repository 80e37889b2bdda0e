"""The fourth generator of KTP scenes (tests/stranger4/, Run 26g) draws the same scenes for the same
seed, prints NIKs that obey the KTP-el's rules, and keeps its held-out condition and fonts out of
the dev split. No accuracy thresholds: bench/idscan_stranger4.py measures; these keep the generator
honest.

The NIK rules are checked from the card's meaning, reading the region table on its own
(tests/idscan/ktp_rules.py): digits 1-4 a regency or city, 5-6 a kecamatan of it, 7-12 the birth
date DDMMYY with 40 added to the day of a woman, 13-16 a serial that is not 0000.
"""
from __future__ import annotations

import numpy as np
import pytest

from tests.idscan.ktp_rules import assert_obeys_ktp_rules, region_names
from tests.stranger4.card import H, W
from tests.stranger4.splits import ALL_CONDITIONS, NEGATIVE_KINDS, ONLY_IN_TEST, SPLITS, cases, negatives


def test_same_seed_same_people_and_frames():
    a, b = cases(SPLITS["dev"], 3), cases(SPLITS["dev"], 3)
    assert [c.person for c in a] == [c.person for c in b]
    assert all(np.array_equal(x.frame(1).frame, y.frame(1).frame) for x, y in zip(a, b))
    # ... and the held-out split, with its own seed, draws other people
    assert {c.person.nik for c in a}.isdisjoint(c.person.nik for c in cases(SPLITS["test"], 3))


def test_a_steady_run_moves_the_card_a_little_and_draws_fresh_noise():
    case = cases(SPLITS["dev"], 1)[0]
    one, two = case.frame(1), case.frame(2)
    assert not np.array_equal(one.frame, two.frame)
    assert 0 < max(abs(p - q) for a, b in zip(one.quad, two.quad) for p, q in zip(a, b)) < 10


def test_the_card_is_a_ktp_el_in_proportion_and_a_webcam_frame():
    assert abs(W / H - 85.6 / 54.0) < 0.01
    assert cases(SPLITS["dev"], 1)[0].frame(0).frame.shape == (720, 1280, 3)


@pytest.mark.parametrize("split", ["dev", "test"])
def test_drawn_niks_obey_the_ktp_rules(split):
    codes = region_names()
    for case in cases(SPLITS[split], 60):
        assert_obeys_ktp_rules(case.person.nik, case.person.woman, case.person.born, codes)


def test_the_header_names_the_nik_regency_and_the_kecamatan_row_its_kecamatan():
    names = region_names()
    for case in cases(SPLITS["dev"], 30):
        nik = case.person.nik
        assert case.person.kecamatan == names[f"{nik[:2]}.{nik[2:4]}.{nik[4:6]}"].upper()
        assert case.person.regency in names[f"{nik[:2]}.{nik[2:4]}"].upper()


def test_the_held_out_condition_and_fonts_are_drawn_only_in_test():
    dev_tags = {t for c in cases(SPLITS["dev"], 60) for t in c.tags}
    test_tags = {t for c in cases(SPLITS["test"], 60) for t in c.tags}
    assert ONLY_IN_TEST.isdisjoint(dev_tags) and ONLY_IN_TEST <= test_tags
    assert set(ALL_CONDITIONS) <= test_tags


def test_a_card_partly_out_of_the_frame_is_drawn_so_and_negatives_hold_no_ktp():
    out = next(c for c in cases(SPLITS["dev"], 20) if c.condition == "partly_out").frame(0)
    corners = np.array(out.quad)
    assert not out.in_frame and ((corners < 0).any() or (corners[:, 0] > 1280).any() or (corners[:, 1] > 720).any())
    negs = negatives(SPLITS["dev"], len(NEGATIVE_KINDS))
    assert all(not s.in_frame and not s.quad for s in negs)
    assert {s.tags[0] for s in negs} == set(NEGATIVE_KINDS)
