"""Typed dates and times at their edges, from what the desk tells its users (README, docs/settings.md,
the field hints): a day is dd/mm/yyyy, a clock HH:MM on 24 hours, a moment the two together (with
"pukul", "jam" or "at" between, as people write it). Written for the mutants sec2 planted that
test_typed_time.py let through (docs/mutation.md, "Hand-planted mutants")."""
from __future__ import annotations

from datetime import date, datetime, time

import pytest

from lpsedesk.typed_time import BAD_CLOCK, EMPTY, TypedTimeError, parse_clock, parse_day, parse_moment, show_moment


@pytest.mark.parametrize("text", ["14:3", "9.5", "14:003"])
def test_minutes_are_two_digits_so_14_3_is_not_guessed_as_14_03_or_14_30(text):
    with pytest.raises(TypedTimeError) as err:
        parse_clock(text)
    assert err.value.code == BAD_CLOCK


@pytest.mark.parametrize("word", ["pukul", "jam", "at", "Pukul", "JAM"])
def test_the_words_people_put_between_day_and_clock_are_read(word):
    assert parse_moment(f"25/12/2026 {word} 14.30") == datetime(2026, 12, 25, 14, 30)


def test_an_empty_clock_is_said_to_be_empty_not_read_as_midnight():
    with pytest.raises(TypedTimeError) as err:
        parse_clock("  ")
    assert err.value.code == EMPTY


def test_an_afternoon_is_shown_on_the_24_hour_clock():
    assert show_moment(datetime(2026, 12, 25, 14, 30)) == "25/12/2026 14:30"
    assert show_moment(datetime(2026, 12, 25, 0, 5)) == "25/12/2026 00:05"


def test_an_iso_day_is_a_day_only_when_it_is_the_whole_text():
    with pytest.raises(TypedTimeError):
        parse_day("2026-12-25T")
    assert parse_day("2026-12-25") == date(2026, 12, 25)
    assert parse_clock("00:00") == time(0, 0)
