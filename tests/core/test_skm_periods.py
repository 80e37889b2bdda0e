"""The SKM's report periods (PermenPANRB No. 14 Tahun 2017: the survey is reported per semester, or per
year): Semester I is January to June, Semester II July to December, every day of them counted. Until
mu12 no test read the periods themselves: the last day of June dropped from Semester I, or 30 June taken
for Semester II as "this semester", passed the whole suite (docs/mutation.md, mu12)."""
from __future__ import annotations

from datetime import date

import pytest

from lpsedesk.exports.dates import PeriodError
from lpsedesk.skm import periods


def test_semester_one_is_january_to_june_and_two_is_july_to_december():
    first, second = periods.semester(2026, 1), periods.semester(2026, 2)
    assert (first.start, first.end) == (date(2026, 1, 1), date(2026, 6, 30))
    assert (second.start, second.end) == (date(2026, 7, 1), date(2026, 12, 31))


def test_the_semesters_are_named_as_the_report_prints_them():
    assert periods.semester(2026, 1).label == "Semester I 2026 (Januari - Juni 2026)"
    assert periods.semester(2026, 2).label == "Semester II 2026 (Juli - Desember 2026)"
    assert periods.semester(2026, 2, "en").label == "Semester II 2026 (July - December 2026)"
    assert periods.year(2026).label == "Tahun 2026"
    assert (periods.year(2026).start, periods.year(2026).end) == (date(2026, 1, 1), date(2026, 12, 31))


@pytest.mark.parametrize("today, half", [(date(2026, 1, 1), 1), (date(2026, 6, 1), 1), (date(2026, 6, 30), 1),
                                         (date(2026, 7, 1), 2), (date(2026, 12, 31), 2)])
def test_this_semester_is_the_one_today_falls_in(today, half):
    assert periods.current_semester(today) == periods.semester(2026, half)
    # The report opened with nothing chosen, or with the year alone, shows the same semester.
    assert periods.parse({}, today) == ("semester", periods.semester(2026, half))
    assert periods.parse({"kind": "semester", "year": "2026"}, today) == ("semester", periods.semester(2026, half))


@pytest.mark.parametrize("args", [{"kind": "semester", "year": "2026", "half": "3"},
                                  {"kind": "semester", "year": "20x6"}, {"kind": "year", "year": "1850"},
                                  {"kind": "quarter"}])
def test_a_semester_or_year_that_does_not_exist_is_refused(args):
    with pytest.raises(PeriodError):
        periods.parse(args, date(2026, 12, 5))
