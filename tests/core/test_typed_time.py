"""Dates and times typed the Indonesian way: day first, 24-hour clock (WIB); ISO still read."""
from datetime import date, datetime, time

import pytest

from lpsedesk.typed_time import (BAD_CLOCK, BAD_DAY, EMPTY, NO_CLOCK, NO_SUCH_DAY, TypedTimeError, parse_clock,
                                 parse_day, parse_moment, show_day, show_moment)


@pytest.mark.parametrize("text", ["25/12/2026", "25-12-2026", "25.12.2026", " 25 / 12 / 2026 ", "2026-12-25"])
def test_a_day_is_read_day_first_or_as_iso(text):
    assert parse_day(text) == date(2026, 12, 25)


def test_the_day_comes_before_the_month():
    # 3 April, as an Indonesian reads 03/04/2026; never 4 March
    assert parse_day("03/04/2026") == date(2026, 4, 3)


@pytest.mark.parametrize("text,code", [("", EMPTY), ("   ", EMPTY), ("12/25/2026", NO_SUCH_DAY), ("31/02/2026", NO_SUCH_DAY),
                                       ("25/12/26", BAD_DAY), ("besok", BAD_DAY), ("2512202", BAD_DAY),
                                       ("12252026", NO_SUCH_DAY), ("20261225", NO_SUCH_DAY)])
def test_a_day_that_cannot_be_read_says_why(text, code):
    with pytest.raises(TypedTimeError) as err:
        parse_day(text)
    assert err.value.code == code


@pytest.mark.parametrize("text,expected", [("14:30", time(14, 30)), ("14.30", time(14, 30)), ("9:05", time(9, 5)),
                                           ("00:00", time(0)), ("23:59", time(23, 59))])
def test_a_clock_is_24_hour(text, expected):
    assert parse_clock(text) == expected


@pytest.mark.parametrize("text", ["2:30 PM", "24:00", "14:60", "2430", "14305", "jam dua"])
def test_a_clock_not_24_hour_is_refused(text):
    with pytest.raises(TypedTimeError) as err:
        parse_clock(text)
    assert err.value.code == BAD_CLOCK


@pytest.mark.parametrize("text", ["25/12/2026 14:30", "25/12/2026, 14.30", "25-12-2026 pukul 14.30",
                                  "2026-12-25T14:30", "2026-12-25 14:30"])
def test_a_moment_is_a_day_and_a_24_hour_clock(text):
    assert parse_moment(text) == datetime(2026, 12, 25, 14, 30)


@pytest.mark.parametrize("text,code", [("25/12/2026", NO_CLOCK), ("12/25/2026 02:30 PM", BAD_DAY),
                                       ("25/12/2026 2:30 PM", BAD_DAY), ("25/12/2026 25:00", BAD_CLOCK),
                                       ("30/02/2026 10:00", NO_SUCH_DAY), ("", EMPTY)])
def test_a_moment_that_cannot_be_read_says_why(text, code):
    with pytest.raises(TypedTimeError) as err:
        parse_moment(text)
    assert err.value.code == code


def test_what_is_shown_is_read_back_the_same():
    assert show_day(date(2026, 4, 3)) == "03/04/2026"
    assert show_moment(datetime(2026, 4, 3, 7, 5)) == "03/04/2026 07:05"
    assert parse_moment(show_moment(datetime(2026, 4, 3, 7, 5))) == datetime(2026, 4, 3, 7, 5)
    assert show_day(None) == show_moment(None) == ""


@pytest.mark.parametrize("text", ["٢٥/١٢/٢٠٢٦", "25/12/２０２６", "²5/12/2026"])
def test_only_the_digits_0_to_9_are_read(text):
    with pytest.raises(TypedTimeError):
        parse_day(text)


def test_a_pasted_page_is_not_a_date():
    with pytest.raises(TypedTimeError):
        parse_moment("25/12/2026 " + "1" * 100_000)


def test_a_month_is_read_as_the_field_shows_it_or_as_links_carry_it():
    from lpsedesk.exports.dates import parse_period

    assert parse_period("month", "11/2026").start == parse_period("month", "2026-11").start
    assert parse_period("month", "03/2026").start.month == 3


@pytest.mark.parametrize("day,clock,expected", [("25122026", "1430", datetime(2026, 12, 25, 14, 30)),
                                                ("03042026", "930", datetime(2026, 4, 3, 9, 30))])
def test_digits_alone_as_a_phone_number_pad_types_them_are_day_first_and_24_hour(day, clock, expected):
    # iPhone's number pad (inputmode=numeric) has no "/" or ":"; the order is still day, month, year
    assert datetime.combine(parse_day(day), parse_clock(clock)) == expected
