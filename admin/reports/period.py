"""The WIB period of a report page (`from` and `to` of the query), and what happens when it cannot be used.

A period that cannot be read (31/02/2026, text, the end before the start) comes back to the same report
form, 400, with the message beside the field it concerns and what was typed kept: the form is a GET
form, so a separate "Sorry ... Back" page lost the typed days and said nothing of where the problem was.
"""
from __future__ import annotations

from datetime import date, timedelta

from flask import render_template, request
from flask_babel import get_locale
from flask_babel import gettext as _

from lpsedesk.clock import wib_today
from lpsedesk.exports import Period, PeriodError, range_period
from lpsedesk.exports.dates import MAX_YEAR, MIN_YEAR
from lpsedesk.typed_time import TypedTimeError, parse_day

from .. import bp
from ..typed_fields import day_problem


class BadPeriod(Exception):
    """`problems`: field name ("from" / "to") -> message; `typed`: what was in each field."""

    def __init__(self, problems: dict[str, str], typed: dict[str, str]):
        super().__init__(problems)
        self.problems = problems
        self.typed = typed


def _days(typed: dict[str, str], defaults: dict[str, date]) -> dict[str, date]:
    """The two typed days, each problem said for its own field (BadPeriod)."""
    days: dict[str, date] = {}
    problems: dict[str, str] = {}
    for name in ("from", "to"):
        if not typed[name] and name in defaults:
            days[name] = defaults[name]
            continue
        try:
            days[name] = parse_day(typed[name])
        except TypedTimeError as exc:
            problems[name] = day_problem(exc.code)
            continue
        if not MIN_YEAR <= days[name].year <= MAX_YEAR:
            problems[name] = _("Check the year: write the date as dd/mm/yyyy, e.g. 25/12/2026.")
    if problems:
        raise BadPeriod(problems, typed)
    return days


def _range(days: dict[str, date], typed: dict[str, str]) -> Period:
    try:
        return range_period(days["from"], days["to"], locale=str(get_locale()))
    except PeriodError as exc:
        message = {"reversed": _("The end date is before the start date."),
                   "too_long": _("A report may cover at most three years.")}.get(exc.code)
        raise BadPeriod({"to": message or day_problem("")}, typed) from None


def _typed() -> dict[str, str]:
    return {name: request.args.get(name, "").strip() for name in ("from", "to")}


def typed_range() -> Period:
    """The query's `from` and `to`, both needed (the SKM report's date range)."""
    typed = _typed()
    return _range(_days(typed, {}), typed)


def period_from_request(default_days: int) -> Period:
    """The WIB dates `from` and `to` of the query (dd/mm/yyyy or ISO), defaulting to the last
    `default_days` days; BadPeriod when they cannot make a report's period."""
    today = wib_today()
    typed = _typed()
    defaults = {"from": today - timedelta(days=default_days - 1), "to": today}
    return _range(_days(typed, defaults), typed)


# the page whose form asks again, for each report route (its exports come back to the page too)
PAGES = {
    "admin.report_guestbook": "admin.report_guestbook", "admin.report_guestbook_export": "admin.report_guestbook",
    "admin.report_visits": "admin.report_visits", "admin.report_visits_export": "admin.report_visits",
    "admin.report_statistics": "admin.report_statistics", "admin.report_statistics_csv": "admin.report_statistics",
    "admin.report_server_room": "admin.report_server_room",
    "admin.report_server_room_export": "admin.report_server_room",
}


def _titles() -> dict[str, str]:
    return {"admin.report_guestbook": _("Guest book"), "admin.report_visits": _("Visit report"),
            "admin.report_statistics": _("Statistics"), "admin.report_server_room": _("Server room access log")}


SKM_PAGES = {"admin.report_skm", "admin.report_skm_export", "admin.report_skm_answers_csv", "admin.report_skm_follow_up"}


@bp.errorhandler(BadPeriod)
def bad_period(exc: BadPeriod):
    if request.endpoint in SKM_PAGES:
        args = request.args
        return render_template("admin/reports/bad_period.html", skm=True, title=_("SKM report"),
                               kind=args.get("kind", "semester"), year=args.get("year", ""),
                               half=args.get("half", "1"), typed=exc.typed, problems=exc.problems), 400
    page = PAGES.get(request.endpoint or "", "admin.report_guestbook")
    return render_template("admin/reports/bad_period.html", endpoint=page, title=_titles()[page],
                           typed=exc.typed, problems=exc.problems), 400
