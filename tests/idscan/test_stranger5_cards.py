"""The fifth generator of KTP scenes (tests/stranger5/, Run 34g): the same seed draws the same,
its NIKs obey the KTP-el's rules as tests/idscan/ktp_rules.py reads them from the region table, the
held-out condition and font stay out of dev, each camera sends its own frame size, and a negative
draws no KTP. No accuracy thresholds: bench/idscan_stranger5.py measures.
"""
from __future__ import annotations

import dataclasses

import numpy as np
import pytest

import tests.stranger5.card
import tests.stranger5.splits
from tests.idscan.ktp_rules import assert_obeys_ktp_rules, region_names
from tests.stranger5.splits import ALL_CONDITIONS, NEGATIVE_KINDS, ONLY_IN_TEST, SPLITS, cases, negatives, tilted_cases


def test_same_seed_same_people_and_frames():
    a, b = cases(SPLITS["dev"], 2), cases(SPLITS["dev"], 2)
    assert [c.person for c in a] == [c.person for c in b]
    assert all(np.array_equal(x.frame(1).frame, y.frame(1).frame) for x, y in zip(a, b))
    assert {c.person.nik for c in a}.isdisjoint(c.person.nik for c in cases(SPLITS["test"], 2))


def test_a_steady_run_moves_the_card_a_little_and_draws_fresh_noise():
    case = cases(SPLITS["dev"], 1)[0]
    one, two = case.frame(1).frame.astype(int), case.frame(2).frame.astype(int)
    assert one.shape == two.shape and not np.array_equal(one, two)
    # the same hold: most of the frame moves by no more than a few grey levels
    assert np.median(np.abs(one - two)) <= 6


@pytest.mark.parametrize("split", ["dev", "test"])
def test_niks_obey_the_ktp_rules(split):
    codes = region_names()
    for case in cases(SPLITS[split], 40):
        p = case.person
        assert_obeys_ktp_rules(p.nik, p.woman, p.born, codes)


def test_held_out_condition_and_font_appear_only_in_test():
    dev, test = SPLITS["dev"], SPLITS["test"]
    assert "bubble" not in dev.conditions and "noto_display" not in dev.fonts
    dev_tags = {t for c in cases(dev, 60) for t in (c.condition, f"font:{c.font}")}
    test_tags = {t for c in cases(test, 60) for t in (c.condition, f"font:{c.font}")}
    assert ONLY_IN_TEST <= test_tags and not ONLY_IN_TEST & dev_tags
    assert set(ALL_CONDITIONS) <= test_tags


@pytest.mark.parametrize("split", ["dev", "test"])
def test_every_condition_meets_every_font(split):
    # otherwise a condition's figure is one font's figure
    s = SPLITS[split]
    drawn = cases(s, len(s.conditions) * len(s.fonts))
    assert all({c.font for c in drawn if c.condition == cond} == set(s.fonts) for cond in s.conditions)


def test_the_cameras_send_their_own_frame_sizes():
    sizes = {c.condition: c.frame(0).frame.shape for c in cases(SPLITS["test"], len(ALL_CONDITIONS))
             if c.condition in ("vga", "fullhd", "plain")}
    assert sizes == {"vga": (480, 640, 3), "fullhd": (1080, 1920, 3), "plain": (720, 1280, 3)}


def test_negatives_hold_no_ktp(monkeypatch):
    def no_card(*args, **kwargs):
        raise AssertionError("a negative drew a KTP")

    for module in (tests.stranger5.card, tests.stranger5.splits):
        monkeypatch.setattr(module, "draw_card", no_card)
    scenes = negatives(SPLITS["dev"], len(NEGATIVE_KINDS))
    assert [s.tags[0] for s in scenes] == list(NEGATIVE_KINDS)
    assert all(s.frame.shape == (720, 1280, 3) for s in scenes)


def test_a_lamp_run_tilted_after_being_told_is_the_still_run_until_the_tilt():
    tilted = tilted_cases(SPLITS["dev"], 1, 60_000, 2)[0]
    still = dataclasses.replace(tilted, tilt_at=None)
    assert tilted.condition == "overhead" and "tilted" in tilted.frame(0).tags
    assert np.array_equal(still.frame(1).frame, tilted.frame(1).frame)
    assert not np.array_equal(still.frame(2).frame, tilted.frame(2).frame)  # the spot moved and faded
