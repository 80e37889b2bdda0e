"""Typed days and clocks at the edges mutmut's first run of lpsedesk/typed_time.py found untested (h45m,
docs/mutation.md). From the module's words and the form's: a staff field takes at most 40 characters
(`maxlength`), and "anything longer is not a date": what fits is read for what it says, what is longer
is told to be written as dd/mm/yyyy; an empty value is shown as nothing, never as a made-up time."""
from __future__ import annotations

from datetime import time

import pytest

from lpsedesk.typed_time import (BAD_DAY, NO_SUCH_DAY, TypedTimeError, parse_day, parse_moment, show_clock, show_day,
                                 show_moment)


def _code(parse, text: str) -> str:
    with pytest.raises(TypedTimeError) as err:
        parse(text)
    return err.value.code


def test_an_empty_clock_shows_nothing():
    # a form's clock with no value yet (a ClockField with no data) is an empty box, not "XXXX" or an error
    assert show_clock(None) == ""
    assert show_clock(time(7, 5)) == "07:05" and show_clock(time(0, 0)) == "00:00"
    assert show_day(None) == show_moment(None) == show_clock(None)


def test_what_fits_in_the_field_is_read_for_what_it_says():
    # 40 characters, the field's maxlength: a day that does not exist is told so ("There is no such date"),
    # not "write the date as dd/mm/yyyy"
    typed = "31/02/2026 " + "1" * 29
    assert len(typed) == 40
    assert _code(parse_moment, typed) == NO_SUCH_DAY


@pytest.mark.parametrize("parse", [parse_day, parse_moment])
def test_anything_longer_than_the_field_is_no_date(parse):
    typed = "31/02/2026 " + "1" * 30
    assert len(typed) == 41
    assert _code(parse, typed) == BAD_DAY


@pytest.mark.parametrize("parse", [parse_day, parse_moment])
def test_a_pasted_page_is_told_to_write_a_date_not_left_without_a_reason(parse):
    # the web layer words the code (admin/typed_fields.py): without one it has nothing to say
    assert _code(parse, "25/12/2026 14:30 " * 20_000) == BAD_DAY
