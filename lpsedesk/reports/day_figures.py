"""What the statistics page needs of each WIB day, counted from the visits by aggregate SQL.

One `DayFigures` per day with visits; `from_rows` counts every day of a span in five grouped passes
(by status, purpose and facility; by the visitors' category and institution; approval waits; refusal
reasons; the longest stay per day). Days add up (`add`) to the figures of a period.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlalchemy import Integer, cast, func, select
from sqlalchemy.orm import Session

from ..clock import wib_day_bounds
from ..models import Visit, Visitor

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

    stay = seconds_between(session, Visit.submitted_at, Visit.checked_out_at)
    for d, status, purpose, facility, n, out, stay_sum, decided in session.execute(
            select(day, Visit.status, Visit.purpose, Visit.facility, func.count(),
                   func.count(Visit.checked_out_at), func.sum(stay), func.count(Visit.decided_at))
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
              .where(*in_span, Visit.checked_out_at.is_not(None)).subquery())
    for d, visit_id, seconds in session.execute(
            select(ranked.c.day, ranked.c.id, ranked.c.stay).where(ranked.c["rank"] == 1)):
        of(d).longest = (float(seconds), visit_id)
    return days


def span(first: date, last: date) -> list[date]:
    return [first + timedelta(days=i) for i in range((last - first).days + 1)]
