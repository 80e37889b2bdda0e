"""What the statistics page needs of each WIB day, counted from the visits by aggregate SQL.

One `DayFigures` per day with visits; `from_rows` counts every day of a span in five grouped passes
(by status, purpose and facility; by the visitors' category and institution; approval waits; refusal
reasons; the longest stay per day). Days add up (`add`) to the figures of a period. A stay runs from
the Kasubag's approval to the check-out (`stay_seconds`), as the visit report and the board count it.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlalchemy import Integer, and_, case, cast, func, select
from sqlalchemy.orm import Session

from ..clock import wib_day_bounds
from ..decision_told import was_let_in
from ..models import Visit, Visitor
from ..visit_stay import LET_IN

DECIDED_BY_KASUBAG = ("approved", "checked_out", "reported", "denied")
DIMENSIONS = ("status", "purpose", "facility", "category", "institution", "reason")


@dataclass
class DayFigures:
    visits: int = 0
    counts: Counter = field(default_factory=Counter)  # (kind, value) -> visits, kind in DIMENSIONS
    waits: Counter = field(default_factory=Counter)  # approval wait in whole seconds -> decisions
    stays: int = 0
    stay_seconds: float = 0.0
    decisions: int = 0
    longest: tuple[float, int] | None = None  # (stay seconds, visit id) of the day's longest stay

    def add(self, other: DayFigures) -> None:
        self.visits += other.visits
        self.counts.update(other.counts)
        self.waits.update(other.waits)
        self.stays += other.stays
        self.stay_seconds += other.stay_seconds
        self.decisions += other.decisions
        self.longest = longer(self.longest, other.longest)


def longer(a: tuple[float, int] | None, b: tuple[float, int] | None) -> tuple[float, int] | None:
    """The longer stay; of equal ones the lower visit id (the page's order: stay desc, id)."""
    if a is None or b is None:
        return a or b
    return min(a, b, key=lambda s: (-s[0], s[1]))


def wib_day(session: Session, column):
    """The WIB calendar day of a UTC timestamp, in SQL."""
    if session.get_bind().dialect.name == "sqlite":
        return func.date(column, "+7 hours")  # stored as naive UTC text; WIB has no DST
    return func.date(func.timezone("Asia/Jakarta", column))


def seconds_between(session: Session, start, end):
    if session.get_bind().dialect.name == "sqlite":
        return (func.julianday(end) - func.julianday(start)) * 86400.0
    return func.extract("epoch", end - start)


def minute_number(session: Session, column):
    """Whole minutes since 1970 of a UTC timestamp, in SQL: the moment cut to the minute it is shown
    at (clock.to_the_minute; WIB is UTC+7 whole hours, so cutting UTC cuts WIB). Integers, so equal
    stays compare equal (julianday's floating point differs by microseconds from one day to another)."""
    if session.get_bind().dialect.name == "sqlite":
        return cast(func.strftime("%s", column), Integer) // 60  # whole seconds, then whole minutes
    return cast(func.floor(func.extract("epoch", column) / 60), Integer)


def stay_seconds(session: Session):
    """A visit's stay in SQL, as lpsedesk/visit_stay.stay reckons it: from the approval (the visit
    begins when the Kasubag lets the visitor in, SOP 1), not the kiosk's submission (the arrival), to
    the check-out, each cut to its minute, never negative; NULL for a visit never let in or not out
    (h40p: an approved visitor the helpdesk never let in who left has no stay: `was_let_in`)."""
    minutes = minute_number(session, Visit.checked_out_at) - minute_number(session, Visit.decided_at)
    known = and_(Visit.status.in_([str(s) for s in LET_IN]), Visit.decided_at.is_not(None),
                 Visit.checked_out_at.is_not(None), was_let_in())
    return case((and_(known, minutes < 0), 0.0), (known, minutes * 60.0), else_=None)


def whole_seconds(session: Session, seconds):
    """Rounded to the nearest second, half up (waits are never negative)."""
    if session.get_bind().dialect.name == "sqlite":
        return cast(seconds + 0.5, Integer)  # truncates: floor for values >= 0
    return cast(func.floor(seconds + 0.5), Integer)


def as_date(value) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value))


def from_rows(session: Session, first: date, last: date) -> dict[date, DayFigures]:
    """The figures of every day from `first` to `last` (inclusive) that has visits."""
    lo, hi = wib_day_bounds(first)[0], wib_day_bounds(last)[1]
    day = wib_day(session, Visit.submitted_at)
    in_span = (Visit.submitted_at >= lo, Visit.submitted_at < hi)
    days: dict[date, DayFigures] = {}

    def of(value) -> DayFigures:
        return days.setdefault(as_date(value), DayFigures())

    stay = stay_seconds(session)
    for d, status, purpose, facility, n, out, stay_sum, decided in session.execute(
            select(day, Visit.status, Visit.purpose, Visit.facility, func.count(),
                   func.count(stay), func.sum(stay), func.count(Visit.decided_at))
            .where(*in_span).group_by(day, Visit.status, Visit.purpose, Visit.facility)):
        figures = of(d)
        figures.visits += n
        figures.counts.update({("status", status): n, ("purpose", purpose): n, ("facility", facility): n})
        figures.stays += out
        figures.stay_seconds += float(stay_sum or 0)
        figures.decisions += decided if status in DECIDED_BY_KASUBAG else 0
    for d, category, institution, n in session.execute(
            select(day, Visitor.category, Visitor.institution, func.count())
            .join_from(Visit, Visitor, Visit.visitor_id == Visitor.id)
            .where(*in_span).group_by(day, Visitor.category, Visitor.institution)):
        of(d).counts.update({("category", category): n, ("institution", institution): n})
    wait = whole_seconds(session, seconds_between(session, Visit.submitted_at, Visit.decided_at))
    for d, seconds, n in session.execute(
            select(day, wait, func.count())
            .where(*in_span, Visit.decided_at.is_not(None), Visit.status.in_(DECIDED_BY_KASUBAG))
            .group_by(day, wait)):
        of(d).waits[int(seconds)] += n
    for d, reason, n in session.execute(
            select(day, Visit.decision_reason, func.count())
            .where(*in_span, Visit.status == "denied").group_by(day, Visit.decision_reason)):
        of(d).counts[("reason", reason)] += n
    ranked = (select(day.label("day"), Visit.id, stay.label("stay"),
                     func.row_number().over(partition_by=day, order_by=(stay.desc(), Visit.id)).label("rank"))
              .where(*in_span, stay.is_not(None)).subquery())
    for d, visit_id, seconds in session.execute(
            select(ranked.c.day, ranked.c.id, ranked.c.stay).where(ranked.c["rank"] == 1)):
        of(d).longest = (float(seconds), visit_id)
    return days


def span(first: date, last: date) -> list[date]:
    return [first + timedelta(days=i) for i in range((last - first).days + 1)]
